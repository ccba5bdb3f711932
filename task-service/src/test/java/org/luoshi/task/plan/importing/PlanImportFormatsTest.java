package org.luoshi.task.plan.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.task.plan.importing.domain.PlanFiles;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** The plan as published in Word and in PDF is imported as the same draft as its web page; what cannot be read says why. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class PlanImportFormatsTest {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static JsonPath imported(byte[] file, String contentType, String name) {
        return given().contentType(contentType).body(file).when().post("/api/plan-imports?name=" + name)
                .then().statusCode(anyOf(equalTo(200), equalTo(201))).extract().jsonPath();
    }

    private static List<String> taskTexts(long planId) {
        return given().queryParam("planId", planId).queryParam("size", 500).when().get("/api/tasks")
                .then().statusCode(200).extract().jsonPath().getList("items.sourceText", String.class);
    }

    @Test
    void theSamplePlanAsAWordDocumentBecomesTheSameDraftWithEachTaskLinkedToItsParagraph() {
        JsonPath word = imported(PlanFiles.sampleAsDocx(), DOCX, "beijing-plan.docx");

        assertThat(word.getString("plan.title")).isEqualTo("北京市“十四五”时期国际科技创新中心建设规划");
        assertThat(word.getInt("preview.chapterCount")).isEqualTo(11);
        assertThat(word.getInt("preview.sectionCount")).isEqualTo(47);
        assertThat(word.getInt("preview.taskCount")).isEqualTo(118);
        long html = PlanImportTest.importedSamplePlan();
        assertThat(taskTexts(word.getLong("plan.id"))).hasSize(118).isEqualTo(taskTexts(html));
    }

    @Test
    void theSamplePlanAsAPdfBecomesTheSameDraftWithoutItsHeadersAndPageNumbers() {
        JsonPath pdf = imported(PlanFiles.sampleAsPdf(), "application/pdf", "beijing-plan.pdf");

        assertThat(pdf.getInt("preview.taskCount")).isEqualTo(118);
        List<String> tasks = taskTexts(pdf.getLong("plan.id"));
        assertThat(tasks.stream().map(t -> t.replaceAll("\\s", "")).toList())
                .isEqualTo(taskTexts(PlanImportTest.importedSamplePlan()).stream().map(t -> t.replaceAll("\\s", "")).toList());
        assertThat(tasks).noneMatch(t -> t.matches(".*— \\d+ —.*"));
    }

    @Test
    void aScannedPdfIsAnsweredWith422SayingItHasNoTextLayer() {
        given().contentType("application/pdf").body(PlanFiles.scannedPdf(2)).when().post("/api/plan-imports?dryRun=true")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("document"))
                .body("errors[0].code", equalTo("noTextLayer"))
                .body("detail", containsString("没有文字层")).body("detail", containsString("no text layer"));
    }

    @Test
    void anImageIsAnUnsupportedTypeNamingTheDocument() {
        given().contentType("image/png").body(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .when().post("/api/plan-imports").then().statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("document")).body("errors[0].code", equalTo("unsupportedType"));
    }
}
