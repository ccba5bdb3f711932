package org.luoshi.task.plan.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** Importing the plan document as published: a draft with its structure, tasks, context and indicators. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
public class PlanImportTest {

    public static byte[] samplePlan() {
        try (InputStream in = PlanImportTest.class.getResourceAsStream("/importing/beijing-14th-fyp-sti-plan.html")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports the sample (or finds the earlier import of it) and answers the plan's id. */
    static long importedSamplePlan() {
        return given().contentType("text/html").body(samplePlan())
                .when().post("/api/plan-imports?name=beijing-14th-fyp-sti-plan.html")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)))
                .extract().jsonPath().getLong("plan.id");
    }

    @Test
    void theSamplePlanBecomesADraftWithElevenChaptersFortySevenSectionsAndOneTaskPerParagraph() {
        long planId = importedSamplePlan();
        JsonPath outline = given().when().get("/api/plans/" + planId + "/outline").then().statusCode(200).extract().jsonPath();
        assertThat(outline.getString("plan.status")).isEqualTo("DRAFT");
        assertThat(outline.getString("plan.title")).isEqualTo("北京市“十四五”时期国际科技创新中心建设规划");
        assertThat(outline.getList("plan.issuingBodies")).containsExactly("中共北京市委", "北京市人民政府");
        assertThat(outline.getInt("plan.periodStart")).isEqualTo(2021);
        assertThat(outline.getInt("plan.periodEnd")).isEqualTo(2025);
        assertThat(outline.getList("chapters")).hasSize(11);
        assertThat(outline.getList("chapters.number")).containsExactly("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一");
        List<List<Object>> sections = outline.getList("chapters.sections");
        assertThat(sections.stream().mapToInt(List::size).sum()).isEqualTo(47);
        assertThat(outline.getList("chapters.context")).containsExactly(true, true, false, false, false, false, false, false,
                false, false, false);
        assertThat(outline.getString("chapters[1].sections[2].title")).isEqualTo("发展目标");
        assertThat(outline.getString("chapters[1].sections[2].contextText")).contains("6%左右");
        long taskCount = sections.stream().flatMap(List::stream).mapToLong(s -> ((Number) ((Map<?, ?>) s).get("taskCount")).longValue()).sum();

        JsonPath tasks = given().queryParam("planId", planId).queryParam("size", 500)
                .when().get("/api/tasks").then().statusCode(200).extract().jsonPath();
        assertThat(tasks.getLong("total")).isEqualTo(taskCount).isEqualTo(118);
        assertThat(tasks.getList("items.sourceText", String.class)).allSatisfy(text -> assertThat(text).hasSizeGreaterThan(20));
        assertThat(tasks.getList("items.title")).contains("建设集成电路试验线平台");
        assertThat(tasks.getString("items[0].reference")).isEqualTo("三（一）1");
        assertThat(tasks.getList("items.status")).containsOnly("DRAFT");
    }

    @Test
    void theGoalsIndicatorsComeWithTheirTargets() {
        long planId = importedSamplePlan();
        JsonPath indicators = given().when().get("/api/plans/" + planId + "/indicators").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(9)).extract().jsonPath();
        Map<String, Object> rnd = indicators.getMap("find { it.name == '全社会研发经费支出占地区生产总值比重' }");
        assertThat(rnd).containsEntry("comparison", "ABOUT").containsEntry("targetYear", 2025)
                .as("保持在6%左右: keep at least about 6").containsEntry("direction", "UP");
        assertThat(((Number) rnd.get("targetValue")).doubleValue()).isEqualTo(6.0);
        Map<String, Object> contracts = indicators.getMap("find { it.name == '技术合同成交额' }");
        assertThat(contracts).containsEntry("comparison", "MORE_THAN").containsEntry("unit", "亿元")
                .containsEntry("direction", "UP");
        assertThat(((Number) contracts.get("targetValue")).doubleValue()).isEqualTo(8000.0);
    }

    @Test
    void importingTheSameDocumentAgainChangesNothing() {
        long planId = importedSamplePlan();
        int tasksBefore = given().queryParam("planId", planId).when().get("/api/tasks").then().extract().path("total");
        given().contentType("text/html").body(samplePlan())
                .when().post("/api/plan-imports")
                .then().statusCode(200)
                .body("created", equalTo(false))
                .body("plan.id", equalTo((int) planId));
        given().queryParam("planId", planId).when().get("/api/tasks").then().body("total", equalTo(tasksBefore));
    }

    @Test
    void aDryRunPreviewsAndCreatesNothing() {
        byte[] document = samplePlan();
        String variant = new String(document, StandardCharsets.UTF_8).replace("责任编辑", "责任编辑 ") ;
        int plansBefore = given().when().get("/api/plans").then().extract().jsonPath().getList("$").size();
        given().contentType("text/html").body(variant.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plan-imports?dryRun=true")
                .then().statusCode(200)
                .body("chapterCount", equalTo(11))
                .body("sectionCount", equalTo(47))
                .body("taskCount", equalTo(118))
                .body("existingPlanId", equalTo(null))
                .body("indicators.find { it.name == '全社会研发经费支出占地区生产总值比重' }.direction", equalTo("UP"));
        assertThat(given().when().get("/api/plans").then().extract().jsonPath().getList("$")).hasSize(plansBefore);
    }

    @Test
    void aDocumentThatIsNotAPlanIsRefusedAndCreatesNothing() {
        int plansBefore = given().when().get("/api/plans").then().extract().jsonPath().getList("$").size();
        given().contentType("text/html")
                .body("<html><body><h1>今日新闻</h1><p>北京今天晴，最高气温二十度。</p></body></html>".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plan-imports")
                .then().statusCode(422).contentType("application/problem+json");
        given().contentType("application/octet-stream").body(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0 })
                .when().post("/api/plan-imports")
                .then().statusCode(415);
        given().contentType("text/html").body(new byte[0]).when().post("/api/plan-imports").then().statusCode(422);
        assertThat(given().when().get("/api/plans").then().extract().jsonPath().getList("$")).hasSize(plansBefore);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void staffMayNotImportPlans() {
        given().contentType("text/html").body(samplePlan()).when().post("/api/plan-imports").then().statusCode(403);
    }
}
