package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.testsupport.RawHttp;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;

/** 佐证材料: evidence files of a milestone, from the departments doing the work, checked by size and content. */
@QuarkusTest
public class EvidenceFilesTest {
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL port;

    /** A haidian-led task with chaoyang co-operating, and one milestone. */
    long milestone() {
        long taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of("chaoyang"), LocalDate.of(2025, 12, 31),
                "海淀区牵头的任务");
        return fixtures.milestone(taskId, "完成方案", LocalDate.of(2025, 6, 30));
    }

    static io.restassured.response.Response upload(long milestoneId, String name, byte[] content) {
        // as a browser sends it: the file name in UTF-8
        return given().config(RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .multiPart("file", name, content, "application/octet-stream")
                .when().post("/api/milestones/" + milestoneId + "/evidence");
    }

    @Test
    @TestSecurity(user = "liu.yang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"chaoyang\"]", type = ClaimType.JSON_ARRAY))
    void staffOfACoDepartmentUploadAPdfAndDownloadItUnderItsName() {
        long milestoneId = milestone();
        String sha = upload(milestoneId, "实施方案.pdf", PDF)
                .then().statusCode(201)
                .body("milestoneId", equalTo((int) milestoneId))
                .body("fileName", equalTo("实施方案.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length))
                .body("uploadedBy", equalTo("liu.yang"))
                .extract().path("sha256");
        org.assertj.core.api.Assertions.assertThat(sha).isEqualTo(sha256(PDF));

        int id = given().when().get("/api/milestones/" + milestoneId + "/evidence")
                .then().statusCode(200).body("$", hasSize(1)).extract().path("[0].id");
        byte[] downloaded = given().when().get("/api/evidence/" + id)
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("filename*=UTF-8''%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.pdf"))
                .extract().asByteArray();
        org.assertj.core.api.Assertions.assertThat(downloaded).isEqualTo(PDF);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void aFileWhoseContentDoesNotMatchItsExtensionIsRefusedNamingTheFile() {
        long milestoneId = milestone();
        upload(milestoneId, "报告.pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))
                .then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
        upload(milestoneId, "setup.exe", PDF)
                .then().statusCode(415).body("errors[0].field", equalTo("file"));
        upload(milestoneId, "照片.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 })
                .then().statusCode(201).body("contentType", equalTo("image/png"));
        upload(milestoneId, "说明.txt", "进展说明".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(201);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void aFileOverTwentyMegabytesIsRefusedWithAClearProblem() {
        long milestoneId = milestone();
        byte[] big = Arrays.copyOf(PDF, 20 * 1024 * 1024 + 1);
        upload(milestoneId, "大文件.pdf", big)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("20 MB"))
                .body("errors[0].field", equalTo("file"));
        given().when().get("/api/milestones/" + milestoneId + "/evidence").then().body("$", hasSize(0));
    }

    @Test
    void anUploadAnnouncingMoreThanTheBodyLimitIsRefusedAsAProblemBeforeItsBodyIsRead() throws Exception {
        String boundary = "luoshi-boundary";
        String answer = RawHttp.exchange(port.getPort(), "POST /api/milestones/1/evidence HTTP/1.1\n"
                + "Host: localhost\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\n"
                + "Content-Length: " + (25L * 1024 * 1024) + "\n",
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.7")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer, containsString("content-type: application/problem+json"));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(io.restassured.path.json.JsonPath.from(body).getInt("status"), equalTo(413));
        assertThat(io.restassured.path.json.JsonPath.from(body).getString("detail"), containsString("at most 21 MB"));
        assertThat(io.restassured.path.json.JsonPath.from(body).getString("errors[0].field"), equalTo("file"));
    }

    @Test
    @TestSecurity(user = "zhou.qiang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"eit\"]", type = ClaimType.JSON_ARRAY))
    void staffOfAnotherDepartmentNeitherUploadNorSeeTheEvidence() {
        long milestoneId = milestone();
        long evidenceId = fixtures.evidence(milestoneId, "方案.pdf", PDF);
        upload(milestoneId, "x.pdf", PDF).then().statusCode(404);
        given().when().get("/api/milestones/" + milestoneId + "/evidence").then().statusCode(404);
        given().when().get("/api/evidence/" + evidenceId).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "zhao.min", roles = "evaluator")
    void anEvaluatorMayNotUploadEvidence() {
        upload(milestone(), "方案.pdf", PDF).then().statusCode(403);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
