package org.luoshi.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.RawHttp;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * One rule for all input: whatever does not read as what the API declares answers 400 naming the field — never a
 * bare 404, never a 500, never a value quietly taken for another.
 */
@QuarkusTest
class BadInputTest {
    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest
    @CsvSource({ "size=abc, size", "page=1e3, page", "status=FOO, status", "light=PURPLE, light",
            "dueFrom=2021-13-45, dueFrom", "planId=abc, planId", "desc=maybe, desc", "page=2147483647, page",
            "page=99999999999, page", "q=%00, q", "department=a%00b, department" })
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void anUnreadableQueryParameterOfTheTaskListIsABadRequestNamingIt(String query, String field) {
        given().urlEncodingEnabled(false).when().get("/api/tasks?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aNulCharacterInAPathIdIsABadRequestNamingIt() {
        given().urlEncodingEnabled(false).when().get("/api/tasks/1%00")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().urlEncodingEnabled(false).when().get("/api/tasks/abc")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aNulCharacterInJsonTextIsABadRequestNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"规划\\u0000\",\"issuingBodies\":[\"北京市人民政府\"],\"periodStart\":2021,\"periodEnd\":2025}")
                .when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"规划\",\"issuingBodies\":[\"北京\\u0000\"],\"periodStart\":2021,\"periodEnd\":2025}")
                .when().post("/api/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("issuingBodies[0]"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aNumberIsNotAnEnumNorADate() {
        long planId = fixtures.planInForce();
        long taskId = fixtures.assignedTask(planId, "haidian");
        given().contentType(ContentType.JSON).body("{\"status\":1}")
                .when().put("/api/plans/" + planId + "/status")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body("{\"leadDepartmentCode\":\"haidian\",\"dueDate\":20210101}")
                .when().put("/api/tasks/" + taskId + "/assignment")
                .then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body("{\"leadDepartmentCode\":\"haidian\",\"dueDate\":12345678901234567890}")
                .when().put("/api/tasks/" + taskId + "/assignment")
                .then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
        given().when().get("/api/tasks/" + taskId).then().statusCode(200).body("dueDate", equalTo(null));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aBulkItemsErrorNamesTheItemThenItsField() {
        long planId = fixtures.planInForce();
        long taskId = fixtures.assignedTask(planId, "haidian");
        given().contentType(ContentType.JSON)
                .body("{\"items\":[{\"taskId\":" + taskId + ",\"leadDepartmentCode\":\"haidian\"}]}")
                .when().post("/api/plans/" + planId + "/assignments")
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].version"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPlanDocumentOverItsLimitIsContentTooLargeNamingTheDocument() {
        byte[] document = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(document, (byte) 'a');
        given().contentType("text/plain").body(document).when().post("/api/plan-imports")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("document"));
    }

    @ParameterizedTest
    @CsvSource({ "1/indicators%00.csv, file", "1/%00, file", "1/a%00b, file", "1%00/indicators.csv, id" })
    void aNulInThePathNamesTheParameterThatHoldsIt(String path, String field) {
        given().urlEncodingEnabled(false).when().get("/api/public/open-data/snapshots/" + path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void aNulInAHeaderValueIsRefused() throws Exception {
        String answer = RawHttp.exchange(base.getPort(), "GET /api/public/plans HTTP/1.1\n"
                + "Host: localhost\n"
                + "Connection: close\n"
                + "X-Request-Note: a\u0000b\n", new byte[0]);
        assertThat(answer, startsWith("HTTP/1.1 400"));
    }
}
