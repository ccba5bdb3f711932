package org.luoshi.common.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.test.junit.QuarkusTest;

/** /q/openapi written at the request (OpenApiDocumentAtRequest), the same document as the one written at start was; on task-service. */
@QuarkusTest
class OpenApiDocumentAtRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDocumentIsWrittenAtTheRequestNotAtStart() throws ReflectiveOperationException {
        // Quarkus keeps a StaticDocument (JSON and YAML written at start) unless a filter runs per request
        Field holders = OpenApiDocumentService.class.getDeclaredField("documentHolders");
        holders.setAccessible(true);
        Map<?, ?> documents = (Map<?, ?>) holders.get(
                ClientProxy.unwrap(Arc.container().instance(OpenApiDocumentService.class).get()));
        assertThat(documents.values()).isNotEmpty()
                .allSatisfy(document -> assertThat(document.getClass().getSimpleName()).isEqualTo("DynamicDocument"));
    }

    @Test
    void theDocumentDescribesTheApiWithItsBearerSchemeAtEveryRequest() throws Exception {
        String first = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode document = JSON.readTree(first);
        assertThat(document.at("/info/title").asText()).isEqualTo("Luoshi task-service");
        assertThat(document.get("paths").has("/api/plans")).isTrue();
        assertThat(document.at("/paths/~1api~1plans~1{id}/get").isObject()).isTrue();
        assertThat(document.at("/paths/~1api~1public~1plans/get").isObject()).isTrue();
        assertThat(document.at("/components/securitySchemes/SecurityScheme/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString()).isEqualTo(first);
        assertThat(given().when().get("/q/openapi").then().statusCode(200).extract().asString())
                .contains("title: Luoshi task-service", "/api/public/plans:", "bearerFormat: JWT");
    }
}
