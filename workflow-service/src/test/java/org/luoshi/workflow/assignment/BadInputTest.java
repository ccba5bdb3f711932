package org.luoshi.workflow.assignment;

import static org.hamcrest.Matchers.equalTo;
import static org.luoshi.workflow.WorkflowApi.as;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The one input rule of service-common holds in workflow-service too: whatever does not read as what the API declares
 * answers 400 naming the field as the request names it.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class BadInputTest {

    @ParameterizedTest
    @CsvSource({ "overdue=maybe, overdue", "size=abc, size", "page=1e3, page", "page=2147483647, page", "text=%00, text",
            "processKey=a%00, processKey" })
    void anUnreadableInboxQueryParameterIsABadRequestNamingIt(String query, String field) {
        as(DemoUsers.STAFF_HAIDIAN).urlEncodingEnabled(false).when().get("/api/inbox?" + query)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @ParameterizedTest
    @CsvSource({ "overdue=maybe, overdue", "text=%00, text", "dueTo=tomorrow, dueTo", "section=%00, section" })
    void theCountRefusesWhatTheListRefusesNamingIt(String query, String field) {
        as(DemoUsers.STAFF_HAIDIAN).urlEncodingEnabled(false).when().get("/api/inbox/count?" + query)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void aViolationOfARepeatedQueryParameterNamesItAsTheRequestDoes() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            query.append("&activity=reviewReport");
        }
        as(DemoUsers.STAFF_HAIDIAN).urlEncodingEnabled(false).when().get("/api/inbox?" + query.substring(1))
                .then().statusCode(400).body("errors[0].field", equalTo("activity"));
        as(DemoUsers.STAFF_HAIDIAN).urlEncodingEnabled(false).when().get("/api/inbox/count?" + query.substring(1))
                .then().statusCode(400).body("errors[0].field", equalTo("activity"));
    }

    @Test
    void aNumberIsNotAnEnumAndTextCarriesNoNulCharacter() {
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body("{\"decision\":1}")
                .when().post("/api/inbox/no-such-item/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("decision"));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body("{\"decision\":\"RETURN\",\"reason\":\"\\u0000\"}")
                .when().post("/api/inbox/no-such-item/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }
}
