package org.luoshi.task.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.disclosure.api.OpenDataSchema;
import org.luoshi.task.plan.domain.PlanStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** The open-data tables as CSV and JSON, checked field by field against the one published schema. */
@QuarkusTest
class OpenDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DisclosureFixtures fixtures;

    @Test
    void theSchemaDescribesEveryFieldInChineseAndEnglish() throws Exception {
        JsonNode schema = JSON.readTree(given().when().get("/api/public/open-data/schema").then().statusCode(200).extract().asString());
        List<String> tables = new ArrayList<>();
        for (JsonNode table : schema.get("tables")) {
            tables.add(table.get("name").asText());
            assertThat(table.get("fields")).isNotEmpty();
            for (JsonNode field : table.get("fields")) {
                assertThat(field.get("name").asText()).matches("[a-z][A-Za-z]*");
                assertThat(field.get("type").asText()).isIn("integer", "decimal", "string", "date", "boolean");
                assertThat(field.get("descriptionZh").asText()).as(field.toString()).containsPattern("\\p{IsHan}");
                assertThat(field.get("descriptionEn").asText()).as(field.toString()).isNotBlank();
            }
        }
        assertThat(tables).containsExactly("chapters", "departments", "indicators");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void csvHeadersJsonFieldsAndTheSnapshotAllFollowTheSchema() throws Exception {
        DisclosureFixtures.SamplePlan plan = fixtures.plan(PlanStatus.IN_FORCE);
        fixtures.adjustTarget(plan.indicatorId(), "8500");
        long id = given().when().post("/api/plans/" + plan.planId() + "/disclosures").then().statusCode(201)
                .extract().jsonPath().getLong("snapshotId");
        JsonNode content = JSON.readTree(given().when().get("/api/public/snapshots/" + id).then().extract().asString());

        for (OpenDataSchema.Table table : OpenDataSchema.CURRENT.tables()) {
            List<String> names = table.fieldNames();

            // the snapshot's own rows carry exactly the table's fields after the common ones
            List<String> contentFields = new ArrayList<>();
            content.get(table.name()).get(0).fieldNames().forEachRemaining(contentFields::add);
            assertThat(contentFields).as(table.name()).containsExactlyElementsOf(
                    names.subList(OpenDataSchema.COMMON.size(), names.size()));

            JsonNode rows = JSON.readTree(given().when().get("/api/public/open-data/snapshots/" + id + "/" + table.jsonPath())
                    .then().statusCode(200).extract().asString());
            assertThat(rows.size()).isEqualTo(content.get(table.name()).size());
            for (JsonNode row : rows) {
                List<String> fields = new ArrayList<>();
                row.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).as(table.name()).containsExactlyElementsOf(names);
                for (OpenDataSchema.Field field : table.fields()) {
                    assertType(field, row.get(field.name()));
                }
            }

            Response csv = given().when().get("/api/public/open-data/snapshots/" + id + "/" + table.csvPath());
            csv.then().statusCode(200).contentType(containsString("text/csv")).contentType(containsString("UTF-8"))
                    .header("Content-Disposition", containsString(".csv"));
            byte[] bytes = csv.asByteArray();
            assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            assertThat(lines[0].split(",")).containsExactlyElementsOf(names);
            assertThat(lines).hasSize(rows.size() + 1);
        }

        String indicators = new String(given().when().get("/api/public/open-data/snapshots/" + id + "/indicators.csv")
                .then().extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(indicators).contains("技术合同成交额", ",8000,超过,true,2025,8500,不低于,");

        JsonNode all = JSON.readTree(given().when().get("/api/public/open-data/snapshots/" + id).then().statusCode(200).extract().asString());
        assertThat(all.get("departments").get(0).get("snapshotId").asLong()).isEqualTo(id);
        assertThat(all.get("departments").get(0).get("planId").asLong()).isEqualTo(plan.planId());
        given().when().get("/api/public/open-data/plans/" + plan.planId() + "/latest/chapters.csv").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentListsThePublicEndpoints() {
        String openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/public/plans", "/api/public/snapshots/{id}", "/api/public/documents/{id}",
                "/api/public/open-data/schema", "/api/public/open-data/snapshots/{id}/{file}");
    }

    private static void assertType(OpenDataSchema.Field field, JsonNode value) {
        if (value == null || value.isNull()) {
            assertThat(field.nullable()).as(field.name() + " is null but not nullable").isTrue();
            return;
        }
        switch (field.type()) {
            case integer -> assertThat(value.isIntegralNumber()).as(field.name()).isTrue();
            case decimal -> assertThat(new BigDecimal(value.asText())).as(field.name()).isNotNull();
            case string -> assertThat(value.isTextual()).as(field.name()).isTrue();
            case date -> assertThat(LocalDate.parse(value.asText())).as(field.name()).isNotNull();
            case bool -> assertThat(value.isBoolean()).as(field.name()).isTrue();
        }
    }
}
