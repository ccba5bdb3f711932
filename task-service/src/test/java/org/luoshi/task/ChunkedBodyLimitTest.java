package org.luoshi.task;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.testsupport.RawHttp;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A body sent chunked (no Content-Length, so nothing can be checked before it is read) that goes past a limit gets
 * the same problem+json 413 as one that announced its length: JSON, uploads and documents alike. Real tokens: the
 * body is read only after the caller is known.
 */
@QuarkusTest
class ChunkedBodyLimitTest {
    private static final int CHUNK = 64 * 1024;
    /** 22 MB: past the service's 21 MB per request. */
    private static final int CHUNKS_PAST_THE_LIMIT = 22 * 16;

    @TestHTTPResource("/")
    URL base;

    private String head(String requestLine, String user, String contentType) {
        return requestLine + " HTTP/1.1\n"
                + "Host: localhost\n"
                + "Origin: http://localhost:8080\n"
                + "Authorization: Bearer " + KeycloakTokens.accessToken(user) + "\n"
                + "Content-Type: " + contentType + "\n";
    }

    private static JsonPath problemOf(String answer) {
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
        JsonPath problem = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.getInt("status"), equalTo(413));
        assertThat(problem.getString("type"), equalTo("https://luoshi.org/problems/too-large"));
        return problem;
    }

    @Test
    void aChunkedJsonBodyPastTheLimitIsAProblemNamingTheLimit() throws Exception {
        String answer = RawHttp.chunked(base.getPort(), head("POST /api/plans", DemoUsers.SUPERVISOR, "application/json"),
                "{\"title\":\"x\",".getBytes(StandardCharsets.UTF_8), CHUNKS_PAST_THE_LIMIT, CHUNK, (byte) ' ');
        JsonPath problem = problemOf(answer);
        assertThat(problem.getString("detail"), containsString("at most 21 MB"));
        // the rest of the body is not read: the connection goes
        assertThat(answer.toLowerCase(), containsString("connection: close"));
        assertThat(answer.toLowerCase(), containsString("access-control-allow-origin: http://localhost:8080"));
    }

    @Test
    void aChunkedUploadPastTheLimitIsAProblemNamingTheFileField() throws Exception {
        String boundary = "luoshi-boundary";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.UTF_8);
        String answer = RawHttp.chunked(base.getPort(), head("POST /api/milestones/1/evidence", DemoUsers.STAFF_HAIDIAN,
                "multipart/form-data; boundary=" + boundary), start, CHUNKS_PAST_THE_LIMIT, CHUNK, (byte) 'a');
        JsonPath problem = problemOf(answer);
        assertThat(problem.getString("detail"), containsString("at most 21 MB"));
        assertThat(problem.getString("errors[0].field"), equalTo("file"));
    }

    @Test
    void aChunkedPlanDocumentPastItsOwnLimitIsContentTooLargeNamingTheDocument() throws Exception {
        // 6 MB: under the request limit, over the 5 MB of a plan document
        String answer = RawHttp.chunked(base.getPort(), head("POST /api/plan-imports", DemoUsers.SUPERVISOR, "text/plain")
                + "Connection: close\n",
                new byte[0], 6 * 16, CHUNK, (byte) 'a');
        JsonPath problem = problemOf(answer);
        assertThat(problem.getString("errors[0].field"), equalTo("document"));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsAnyOther() throws Exception {
        String body = "{\"title\":\"分块发送的规划 " + System.nanoTime() + "\",\"issuingBodies\":[\"北京市人民政府\"],"
                + "\"periodStart\":2021,\"periodEnd\":2025}";
        String answer = RawHttp.chunked(base.getPort(), head("POST /api/plans", DemoUsers.SUPERVISOR, "application/json")
                + "Connection: close\n", body.getBytes(StandardCharsets.UTF_8), 0, CHUNK, (byte) ' ');
        assertThat(answer, startsWith("HTTP/1.1 201"));
        assertThat(answer, containsString("分块发送的规划"));
    }
}
