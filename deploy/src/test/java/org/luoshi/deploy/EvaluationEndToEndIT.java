package org.luoshi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.deploy.Eventually.eventually;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 5 as its users live it, on the whole system (both packaged services, real PostgreSQL, real Keycloak): the
 * seed plan imported from its published document, confirmed, tasks assigned, indicator values recorded; a mid-term
 * evaluation launched by the supervisor, self-assessments by the departments' staff, the evaluator's scores, findings
 * and report, one return and an approval, the publication; the report files open and read back in Chinese; the public
 * API serves what was published and nothing before; the evaluator of another organisation sees none of it.
 */
class EvaluationEndToEndIT {
    private static final String REALM = KeycloakTokens.keycloakUrl() + "/realms/luoshi";
    private static final String FINDINGS_FIRST = "规划实施总体进展顺利，国际科技创新中心建设取得阶段性成效。";
    private static final String FINDINGS_FINAL = "规划实施总体进展顺利，国际科技创新中心建设取得阶段性成效；关键核心技术攻关仍需加力。";
    private static final String RECOMMENDATIONS = "建议加强统筹协调，完善指标监测，强化督查问效。";
    private static final String RETURN_COMMENT = "请补充关键核心技术攻关方面的分析。";

    private static ServiceProcess taskService;
    private static ServiceProcess workflowService;

    @BeforeAll
    static void startTheSystem() throws Exception {
        E2eDatabases.resetSchemas();
        taskService = new ServiceProcess("task-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.taskUrl(),
                "quarkus.oidc.auth-server-url", REALM));
        taskService.start();
        workflowService = new ServiceProcess("workflow-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.workflowUrl(),
                "quarkus.oidc.auth-server-url", REALM,
                "quarkus.rest-client.task-service.url", taskService.url(),
                "luoshi.workflow.retry.task-service-write", "R4/PT2S",
                "luoshi.workflow.job-executor.wait-time", "200ms",
                "luoshi.workflow.job-executor.max-wait", "1S"));
        workflowService.start();
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        if (workflowService != null) {
            workflowService.stop();
        }
        if (taskService != null) {
            taskService.stop();
        }
    }

    @Test
    void aMidTermEvaluationOfTheDemoPlanRunsEndToEndAndIsPublished() throws Exception {
        String supervisor = token(DemoUsers.SUPERVISOR);
        String evaluator = token(DemoUsers.EVALUATOR);
        String otherEvaluator = token(DemoUsers.EVALUATOR_OTHER_ORG);
        String haidian = token(DemoUsers.STAFF_HAIDIAN);
        String chaoyang = token(DemoUsers.STAFF_CHAOYANG);

        // --- the plan: imported from its document, confirmed, tasks assigned, indicator values recorded ---------
        long planId = importAndConfirmTheSeedPlan(supervisor);
        assignTasks(supervisor, planId);
        List<Map<String, Object>> indicators = given().auth().oauth2(supervisor)
                .get(taskService.url() + "/api/plans/" + planId + "/indicators").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(indicators).hasSizeGreaterThanOrEqualTo(2);
        for (Map<String, Object> indicator : indicators.subList(0, 2)) {
            BigDecimal base = indicator.get("baselineValue") == null ? BigDecimal.TEN : new BigDecimal(indicator.get("baselineValue").toString());
            given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                    .body(Map.of("year", 2022, "value", base.multiply(new BigDecimal("1.05")), "revision", "PRELIMINARY",
                            "source", "2022年北京市国民经济和社会发展统计公报"))
                    .post(taskService.url() + "/api/indicators/" + indicator.get("id") + "/values").then().statusCode(200);
        }

        // nothing of this plan is public yet
        assertThat(publicSnapshotsOf(planId)).isEmpty();

        // --- launch ------------------------------------------------------------------------------------------------
        JsonPath launched = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("planId", planId, "kind", "MID_TERM", "periodFrom", "2021-01-01", "periodTo", "2023-06-30",
                        "organisation", "kjpg", "selfAssessmentDue", LocalDate.now().plusDays(14).toString()))
                .post(workflowService.url() + "/api/evaluations").then().statusCode(201).extract().jsonPath();
        String pi = launched.getString("processInstanceId");
        JsonPath state = eventually("the evaluation created in task-service", () -> {
            JsonPath s = state(supervisor, pi);
            return s.get("evaluationId") != null ? s : null;
        });
        long evaluationId = state.getLong("evaluationId");
        assertThat(state.getString("phase")).isEqualTo("SELF_ASSESSMENT");
        assertThat(state.getList("selfAssessments.departmentCode", String.class)).contains("haidian", "chaoyang");
        JsonPath evaluation = given().auth().oauth2(evaluator).get(taskService.url() + "/api/evaluations/" + evaluationId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(evaluation.getString("status")).isEqualTo("SELF_ASSESSMENT");
        assertThat(evaluation.getString("snapshotSha256")).hasSize(64);

        // qian.hui (zlyj) sees none of kjpg's evaluation, in either service
        given().auth().oauth2(otherEvaluator).get(workflowService.url() + "/api/evaluations/" + pi).then().statusCode(404);
        given().auth().oauth2(otherEvaluator).get(taskService.url() + "/api/evaluations/" + evaluationId).then().statusCode(404);

        // --- self-assessments: haidian writes at once; chaoyang after the evaluator's 催办 -------------------------------
        writeSelfAssessment(haidian, pi, "海淀区");
        List<String> chased = given().auth().oauth2(evaluator).post(workflowService.url() + "/api/evaluations/" + pi + "/chase")
                .then().statusCode(200).extract().jsonPath().getList("chased", String.class);
        assertThat(chased).contains("chaoyang").doesNotContain("haidian");
        writeSelfAssessment(chaoyang, pi, "朝阳区");
        eventually("both self-assessments in task-service", () -> {
            List<Map<String, Object>> all = given().auth().oauth2(supervisor)
                    .get(taskService.url() + "/api/evaluations/" + evaluationId + "/self-assessments")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            long submitted = all.stream().filter(a -> List.of("haidian", "chaoyang").contains(a.get("departmentCode"))
                    && "SUBMITTED".equals(a.get("status"))).count();
            return submitted == 2 ? all : null;
        });
        List<Map<String, Object>> haidianOwn = given().auth().oauth2(haidian)
                .get(taskService.url() + "/api/evaluations/" + evaluationId + "/self-assessments").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(haidianOwn).singleElement().satisfies(a -> {
            assertThat(a.get("departmentCode")).isEqualTo("haidian");
            assertThat(a.get("submittedBy")).isEqualTo(DemoUsers.STAFF_HAIDIAN);
            assertThat(a.get("summary")).isEqualTo("海淀区工作总结：中关村科学城建设加快推进。");
        });

        // --- the evaluator scores, writes findings, generates the report and submits ------------------------------------
        score(evaluator, evaluationId, planId, indicators);
        findings(evaluator, evaluationId, FINDINGS_FIRST);
        generateReports(evaluator, evaluationId);
        Map<String, Object> reportItem = eventually("zhao.min's report item", () -> itemOf(evaluator, pi, "REPORT"));
        assertThat(itemOf(otherEvaluator, pi, "REPORT")).isNull();
        given().auth().oauth2(otherEvaluator).post(workflowService.url() + "/api/evaluation-items/" + reportItem.get("id") + "/submission")
                .then().statusCode(404);
        given().auth().oauth2(evaluator).post(workflowService.url() + "/api/evaluation-items/" + reportItem.get("id") + "/submission")
                .then().statusCode(200);
        eventually("IN_REVIEW in task-service", () -> "IN_REVIEW".equals(status(supervisor, evaluationId)) ? true : null);

        // --- one RETURN ---------------------------------------------------------------------------------------------
        Map<String, Object> review = eventually("chen.jing's review item", () -> itemOf(supervisor, pi, "REVIEW"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "RETURN", "comment", RETURN_COMMENT))
                .post(workflowService.url() + "/api/evaluation-items/" + review.get("id") + "/review").then().statusCode(200);
        eventually("RETURNED in task-service", () -> "RETURNED".equals(status(supervisor, evaluationId)) ? true : null);
        Map<String, Object> again = eventually("zhao.min's item again", () -> itemOf(evaluator, pi, "REPORT"));
        assertThat(given().auth().oauth2(evaluator).get(workflowService.url() + "/api/evaluation-items/" + again.get("id"))
                .then().statusCode(200).extract().jsonPath().getString("lastReturn.comment")).isEqualTo(RETURN_COMMENT);
        // a returned evaluation is still a draft: nothing public
        assertThat(publicSnapshotsOf(planId)).isEmpty();

        findings(evaluator, evaluationId, FINDINGS_FINAL);
        // the report no longer matches the findings: the submission is refused until it is generated again
        given().auth().oauth2(evaluator).post(workflowService.url() + "/api/evaluation-items/" + again.get("id") + "/submission")
                .then().statusCode(409);
        List<Map<String, Object>> generated = generateReports(evaluator, evaluationId);
        given().auth().oauth2(evaluator).post(workflowService.url() + "/api/evaluation-items/" + again.get("id") + "/submission")
                .then().statusCode(200);

        // --- APPROVE → published ------------------------------------------------------------------------------------------
        Map<String, Object> review2 = eventually("chen.jing's second review item", () -> itemOf(supervisor, pi, "REVIEW"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post(workflowService.url() + "/api/evaluation-items/" + review2.get("id") + "/review").then().statusCode(200);
        JsonPath published = eventually("the evaluation process published", () -> {
            JsonPath s = state(evaluator, pi);
            return "PUBLISHED".equals(s.getString("phase")) ? s : null;
        });
        assertThat(published.getBoolean("ended")).isTrue();
        assertThat(status(supervisor, evaluationId)).isEqualTo("PUBLISHED");

        // --- the report files: both open, Chinese reads back, the indicator table and the charts are in ------------
        String indicatorName = (String) indicators.get(0).get("name");
        byte[] docx = download(evaluator, evaluationId, "docx");
        byte[] pdf = download(evaluator, evaluationId, "pdf");
        keep("evaluation-report.docx", docx);
        keep("evaluation-report.pdf", pdf);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("中期评估").contains(FINDINGS_FINAL).contains(RECOMMENDATIONS).contains(indicatorName);
            assertThat(document.getTables()).anySatisfy(table -> assertThat(tableText(table)).contains(indicatorName));
            assertThat(document.getAllPictures()).as("the charts").isNotEmpty();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(squeeze(text)).contains("中期评估").contains(squeeze(FINDINGS_FINAL)).contains(squeeze(indicatorName));
            assertThat(imagesIn(document)).as("the charts").isPositive();
        }
        assertThat(generated).extracting(r -> r.get("sha256")).contains(sha256(docx), sha256(pdf));

        // --- the public API: the published snapshot and the report, no login; the evaluator of zlyj still 404 ----------
        List<Map<String, Object>> snapshots = publicSnapshotsOf(planId);
        Map<String, Object> snapshot = snapshots.stream()
                .filter(s -> s.get("evaluationId") != null && ((Number) s.get("evaluationId")).longValue() == evaluationId)
                .findFirst().orElseThrow(() -> new AssertionError("no public snapshot of evaluation " + evaluationId + ": " + snapshots));
        JsonPath content = given().get(taskService.url() + "/api/public/snapshots/" + snapshot.get("snapshotId"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(content.getString("plan.title")).contains("国际科技创新中心");
        assertThat(content.getList("indicators.name", String.class)).contains(indicatorName);
        List<Map<String, Object>> documents = content.getList("documents");
        assertThat(documents).hasSize(2);
        List<String> publicHashes = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            byte[] bytes = given().get(taskService.url() + "/api/public/documents/" + document.get("documentId"))
                    .then().statusCode(200).extract().asByteArray();
            publicHashes.add(sha256(bytes));
        }
        assertThat(publicHashes).containsExactlyInAnyOrder(sha256(docx), sha256(pdf));
        // drafts and everything else stay behind the login
        long unpublishedDocument = documents.stream().mapToLong(d -> ((Number) d.get("documentId")).longValue()).max().orElseThrow() + 1000;
        given().get(taskService.url() + "/api/public/documents/" + unpublishedDocument).then().statusCode(404);
        given().get(taskService.url() + "/api/evaluations/" + evaluationId + "/reports/pdf").then().statusCode(401);
        given().get(taskService.url() + "/api/evaluations/" + evaluationId).then().statusCode(401);
        given().auth().oauth2(otherEvaluator).get(taskService.url() + "/api/evaluations/" + evaluationId + "/reports/pdf")
                .then().statusCode(404);
        given().auth().oauth2(otherEvaluator).get(workflowService.url() + "/api/evaluations/" + pi).then().statusCode(404);
    }

    // --- steps ---------------------------------------------------------------------------------------------------------

    private static long importAndConfirmTheSeedPlan(String supervisor) throws IOException {
        Path seed = Path.of(System.getProperty("luoshi.repo", "..")).resolve("docs/plans/beijing-14th-fyp-sti-plan.html");
        JsonPath imported = given().auth().oauth2(supervisor).contentType("text/html; charset=UTF-8")
                .body(Files.readAllBytes(seed)).queryParam("name", seed.getFileName().toString())
                .post(taskService.url() + "/api/plan-imports").then().statusCode(201).extract().jsonPath();
        long planId = imported.getLong("plan.id");
        given().auth().oauth2(supervisor).header("If-Match", "W/\"" + imported.getInt("plan.version") + "\"")
                .post(taskService.url() + "/api/plans/" + planId + "/confirmation").then().statusCode(200);
        return planId;
    }

    /** The first tasks of the plan to 海淀区 (one with 朝阳区 as co-department) and 朝阳区. */
    private static void assignTasks(String supervisor, long planId) {
        List<Map<String, Object>> tasks = given().auth().oauth2(supervisor).queryParam("planId", planId).queryParam("size", 4)
                .get(taskService.url() + "/api/tasks").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(3);
        List<Map<String, Object>> items = new ArrayList<>();
        String[][] departments = { { "haidian", "chaoyang" }, { "haidian" }, { "chaoyang" } };
        for (int i = 0; i < 3; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("taskId", tasks.get(i).get("id"));
            item.put("version", tasks.get(i).get("version"));
            item.put("leadDepartmentCode", departments[i][0]);
            item.put("coDepartmentCodes", departments[i].length > 1 ? List.of(departments[i][1]) : List.of());
            item.put("dueDate", "2025-12-31");
            items.add(item);
        }
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(taskService.url() + "/api/plans/" + planId + "/assignments").then().statusCode(200);
    }

    private static void writeSelfAssessment(String staff, String pi, String department) {
        Map<String, Object> item = eventually(department + "'s self-assessment item", () -> itemOf(staff, pi, "SELF_ASSESSMENT"));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body(Map.of("summary", department + "工作总结：" + ("海淀区".equals(department) ? "中关村科学城建设加快推进。" : "国际化营商环境持续优化。"),
                        "achievements", department + "主要成效：新型研发机构加快集聚。",
                        "problems", department + "存在问题：高端人才供给不足。",
                        "nextSteps", department + "下一步：完善配套政策。"))
                .post(workflowService.url() + "/api/evaluation-items/" + item.get("id") + "/self-assessment").then().statusCode(200);
    }

    /** Every criterion of the evaluation's rubric: chapters 一 and 二, the two indicators with values. */
    private static void score(String evaluator, long evaluationId, long planId, List<Map<String, Object>> indicators) {
        JsonPath evaluation = given().auth().oauth2(evaluator).get(taskService.url() + "/api/evaluations/" + evaluationId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> criteria = evaluation.getList("rubric.criteria");
        List<String> chapters = given().auth().oauth2(evaluator).get(taskService.url() + "/api/plans/" + planId + "/outline")
                .then().statusCode(200).extract().jsonPath().getList("chapters.findAll { !it.context }.number", String.class);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Map<String, Object> criterion : criteria) {
            BigDecimal max = new BigDecimal(criterion.get("maxScore").toString());
            List<String> subjects = "CHAPTER".equals(criterion.get("subjectKind")) ? chapters.subList(0, Math.min(2, chapters.size()))
                    : indicators.subList(0, 2).stream().map(i -> String.valueOf(i.get("id"))).toList();
            for (String subject : subjects) {
                scores.add(Map.of("subjectKind", criterion.get("subjectKind"), "subjectRef", subject, "criterion",
                        criterion.get("code"), "score", max.multiply(new BigDecimal("0.8")), "comment", "进展符合预期"));
            }
        }
        given().auth().oauth2(evaluator).contentType(ContentType.JSON).body(scores)
                .put(taskService.url() + "/api/evaluations/" + evaluationId + "/scores").then().statusCode(200);
    }

    private static void findings(String evaluator, long evaluationId, String findings) {
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body(Map.of("findings", findings, "recommendations", RECOMMENDATIONS))
                .put(taskService.url() + "/api/evaluations/" + evaluationId + "/findings").then().statusCode(200);
    }

    private static List<Map<String, Object>> generateReports(String evaluator, long evaluationId) {
        Response response = given().auth().oauth2(evaluator).post(taskService.url() + "/api/evaluations/" + evaluationId + "/reports");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        List<Map<String, Object>> files = response.jsonPath().getList("$");
        assertThat(files).extracting(f -> f.get("format")).containsExactlyInAnyOrder("DOCX", "PDF");
        return files;
    }

    private static byte[] download(String token, long evaluationId, String format) {
        return given().auth().oauth2(token).get(taskService.url() + "/api/evaluations/" + evaluationId + "/reports/" + format)
                .then().statusCode(200).extract().asByteArray();
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private static String token(String user) {
        return KeycloakTokens.accessToken(user);
    }

    private static JsonPath state(String token, String pi) {
        return given().auth().oauth2(token).get(workflowService.url() + "/api/evaluations/" + pi).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String status(String token, long evaluationId) {
        return given().auth().oauth2(token).get(taskService.url() + "/api/evaluations/" + evaluationId).then().statusCode(200)
                .extract().path("status");
    }

    private static Map<String, Object> itemOf(String token, String pi, String kind) {
        List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("processInstanceId", pi)
                .get(workflowService.url() + "/api/evaluation-items").then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> kind.equals(i.get("kind"))).findFirst().orElse(null);
    }

    /** The plan's public snapshots, none when the plan was never published (404). */
    private static List<Map<String, Object>> publicSnapshotsOf(long planId) {
        Response response = given().get(taskService.url() + "/api/public/plans/" + planId + "/snapshots");
        if (response.statusCode() == 404) {
            return List.of();
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return response.jsonPath().getList("$");
    }

    private static String tableText(XWPFTable table) {
        StringBuilder text = new StringBuilder();
        table.getRows().forEach(row -> row.getTableCells().forEach(cell -> text.append(cell.getText()).append('|')));
        return text.toString();
    }

    /** PDF text extraction breaks lines where the layout does; compare without whitespace. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int imagesIn(PDDocument document) throws IOException {
        int images = 0;
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject) {
                    images++;
                }
            }
        }
        return images;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The files stay in deploy/target for a person to open. */
    private static void keep(String name, byte[] bytes) throws IOException {
        Path target = Path.of(System.getProperty("luoshi.repo", "..")).resolve("deploy/target/e2e-" + name);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }
}
