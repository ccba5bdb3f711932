package org.luoshi.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.common.security.CachedTokenIdentityProvider;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Bearer tokens from the real Keycloak, each sent several times: after the first request the identity comes from
 * service-common's memory of verified tokens, and it must be the same identity, with the same roles and departments,
 * while any altered copy of a remembered token is still verified and refused.
 */
@QuarkusTest
class RememberedTokensTest {
    @Inject
    CachedTokenIdentityProvider tokens;

    @Test
    void aRememberedTokenStillAnswersAndACopyWithAnotherSignatureOrPayloadIsUnauthorized() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        given().auth().oauth2(supervisor).when().get("/api/departments").then().statusCode(200);
        given().auth().oauth2(supervisor).when().get("/api/departments").then().statusCode(200);
        String[] parts = supervisor.split("\\.");

        String forgedSignature = KeycloakTokens.forgedToken(DemoUsers.SUPERVISOR, List.of("supervisor"), List.of("supervision"))
                .split("\\.")[2];
        given().auth().oauth2(parts[0] + "." + parts[1] + "." + forgedSignature)
                .when().get("/api/departments").then().statusCode(401);

        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String widened = payload.replace("\"supervisor\"", "\"supervisor\",\"admin\"");
        assertThat(widened).isNotEqualTo(payload);
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + otherPayload + "." + parts[2])
                .when().get("/api/departments").then().statusCode(401);

        given().auth().oauth2(supervisor).when().get("/api/departments").then().statusCode(200);
    }

    @Test
    void twoUsersRememberedTokensKeepEachTheirOwnRolesAndDepartments() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = TestData.planInForce(supervisor);
        long haidianTask = TestData.task(supervisor, planId, "海淀区的任务", "haidian");
        long chaoyangTask = TestData.task(supervisor, planId, "朝阳区的任务", "chaoyang");
        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        String chaoyang = KeycloakTokens.accessToken(DemoUsers.STAFF_CHAOYANG);

        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(haidian).when().get("/api/tasks/" + haidianTask).then().statusCode(200)
                    .body("leadDepartmentCode", equalTo("haidian"));
            given().auth().oauth2(chaoyang).when().get("/api/tasks/" + haidianTask).then().statusCode(404);
            given().auth().oauth2(chaoyang).when().get("/api/tasks/" + chaoyangTask).then().statusCode(200)
                    .body("leadDepartmentCode", equalTo("chaoyang"));
            given().auth().oauth2(haidian).when().get("/api/tasks/" + chaoyangTask).then().statusCode(404);
            given().auth().oauth2(haidian).contentType(ContentType.JSON)
                    .body("{\"title\":\"t\",\"issuingBodies\":[\"b\"],\"periodStart\":2021,\"periodEnd\":2025}")
                    .when().post("/api/plans").then().statusCode(403);
        }

        // the three tokens of this test at least: the memory is in use in the application, not only in a unit test
        assertThat(tokens.remembered()).isGreaterThanOrEqualTo(3);
    }
}
