package org.luoshi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.luoshi.deploy.Eventually.eventually;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The web app as its users work with it: headless Chromium (Debian's) drives the real pages served by the packaged web
 * module, logs in on the real Keycloak login page and works against both packaged services on PostgreSQL. A journey per
 * role, each a Node script in {@code web/src/main/webui/e2e} (playwright-core); this test seeds what the journey needs
 * through the APIs with real tokens, runs the script, and checks its effect through the APIs again. Screenshots of the
 * key screens stay in {@code deploy/target/journey-screenshots}.
 */
class BrowserJourneysIT {
    private static final Path REPO = Path.of(System.getProperty("luoshi.repo", "..")).toAbsolutePath().normalize();
    private static final Path WEBUI = REPO.resolve("web/src/main/webui");
    private static final Path TARGET = REPO.resolve("deploy/target");
    private static final Path SEED_PLAN = REPO.resolve("docs/plans/beijing-14th-fyp-sti-plan.html");
    private static final Path SUCCESSOR_PLAN = REPO.resolve("docs/plans/demo-successor-sti-plan.html");
    private static final Duration JOURNEY_TIMEOUT = Duration.ofMinutes(4);

    private static String chromium;
    private static LuoshiSystem system;
    private static SeedPlan seedPlan;

    /** The seed plan imported and confirmed through the API, its first tasks assigned, two indicators with values. */
    private record SeedPlan(long id, String title, List<Map<String, Object>> indicators) {
    }

    @BeforeAll
    static void startTheSystem() throws Exception {
        // CI installs Chromium (.ci/run); elsewhere its absence is a failure that says what to install, never a skip
        chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            fail("Chromium is needed for the browser journeys and was not found at " + chromium
                    + ": apt-get install -y chromium fonts-noto-cjk (as .ci/run does), or set CHROMIUM=/path/to/chromium");
        }
        if (!Files.isDirectory(WEBUI.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is missing in " + WEBUI + "/node_modules: the web module's build installs it (npm ci)");
        }
        system = LuoshiSystem.start();
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void staffReportProgressOnTheirMilestoneWithEvidence() throws Exception {
        String title = "浏览器测试：建设中试验证平台 " + shortId();
        String milestone = "完成中试线主体建设";
        Milestone m = acceptedTaskWithMilestone(title, milestone);
        eventually("li.na's report item", () -> itemOf(token(DemoUsers.STAFF_HAIDIAN), m.milestoneId, "REPORT"));
        Path evidence = TARGET.resolve("journey-files/中试线建设进展.pdf");
        Files.createDirectories(evidence.getParent());
        Files.writeString(evidence, "%PDF-1.4\n% 中试线建设进展（浏览器测试用佐证材料）\n%%EOF\n");

        runJourney("staff-report", "zh-CN", Map.of("TASK_TITLE", title, "MILESTONE_TITLE", milestone,
                "EVIDENCE_FILE", evidence.toString()));

        String supervisor = token(DemoUsers.SUPERVISOR);
        String review = eventually("the supervisor's review item", () -> itemOf(supervisor, m.milestoneId, "REVIEW"));
        JsonPath sent = given().auth().oauth2(supervisor).get(system.workflowUrl() + "/api/milestone-items/" + review)
                .then().statusCode(200).extract().jsonPath();
        assertThat(sent.getString("report.text")).contains("试验线主体工程已完工");
        assertThat(sent.getInt("report.percent")).isEqualTo(60);
        List<Integer> evidenceIds = sent.getList("report.evidenceIds", Integer.class);
        assertThat(evidenceIds).hasSize(1);
        List<String> files = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/milestones/" + m.milestoneId + "/evidence")
                .then().statusCode(200).extract().jsonPath().getList("fileName", String.class);
        assertThat(files).containsExactly(evidence.getFileName().toString());
    }

    @Test
    void theSupervisorRejectsAReportTheStaffResubmitItAndTheSupervisorApproves() throws Exception {
        String title = "浏览器测试：建设概念验证中心 " + shortId();
        String milestone = "概念验证中心投入运行";
        Milestone m = acceptedTaskWithMilestone(title, milestone);
        String haidian = token(DemoUsers.STAFF_HAIDIAN);
        String report = eventually("li.na's report item", () -> itemOf(haidian, m.milestoneId, "REPORT"));
        given().auth().oauth2(haidian).contentType(ContentType.JSON)
                .body(Map.of("text", "概念验证中心已完成装修，正在调试设备。", "percent", 80, "evidenceIds", List.of(), "consolidates", List.of()))
                .post(system.workflowUrl() + "/api/milestone-items/" + report + "/report").then().statusCode(200);
        eventually("the supervisor's review item", () -> itemOf(token(DemoUsers.SUPERVISOR), m.milestoneId, "REVIEW"));

        runJourney("review-cycle", "zh-CN", Map.of("TASK_ID", String.valueOf(m.taskId), "TASK_TITLE", title,
                "MILESTONE_TITLE", milestone));

        List<Map<String, Object>> reports = given().auth().oauth2(haidian)
                .get(system.taskUrl() + "/api/milestones/" + m.milestoneId + "/reports")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reports).extracting(r -> r.get("decision")).containsExactlyInAnyOrder("APPROVED", "REJECTED");
        JsonPath task = given().auth().oauth2(haidian).get(system.taskUrl() + "/api/tasks/" + m.taskId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(task.getString("status")).isEqualTo("COMPLETED");
        assertThat(task.getString("milestones[0].status")).isEqualTo("DONE");
        assertThat(new BigDecimal(task.getString("progress"))).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void theSupervisorImportsThePlanDocumentAndAssignsATask() throws Exception {
        importAndAssign("zh-CN", "海淀区");
    }

    @Test
    void theSupervisorImportsThePlanDocumentAndAssignsATaskInEnglish() throws Exception {
        importAndAssign("en", "Haidian District");
    }

    @Test
    void theSupervisorImportsThePlanAsAWordDocumentWithHeadersAndPageNumbers() throws Exception {
        String id = shortId();
        Path document = TARGET.resolve("journey-files/beijing-14th-fyp-sti-plan-" + id + ".docx");
        Files.createDirectories(document.getParent());
        Files.write(document, seedPlanAsWord(id));

        long planId = importAndAssign("zh-CN", "海淀区", document, Map.of());

        assertThat(taskCount(planId)).as("the web page's 118 tasks").isEqualTo(118);
    }

    @Test
    void theSupervisorImportsThePlanPrintedToPdfAfterAScanIsRefusedSayingWhy() throws Exception {
        String id = shortId();
        Path page = TARGET.resolve("journey-files/beijing-14th-fyp-sti-plan-" + id + ".html");
        Path pdf = TARGET.resolve("journey-files/beijing-14th-fyp-sti-plan-" + id + ".pdf");
        Files.createDirectories(page.getParent());
        Files.writeString(page, seedPlanAsServed(id));

        long planId = importAndAssign("zh-CN", "海淀区", pdf, Map.of("PLAN_FILE", page.toString(),
                "PRINT_TO_PDF", pdf.toString(), "SCANNED_PDF", TARGET.resolve("journey-files/scan-" + id + ".pdf").toString()));

        assertThat(taskCount(planId)).as("the web page's 118 tasks, without headers and page numbers").isEqualTo(118);
    }

    @Test
    void theEvaluatorGeneratesTheReportAndDownloadsIt() throws Exception {
        SeedPlan plan = seedPlan();
        long evaluationId = evaluationAtTheEvaluatorsStage(plan);

        Path downloads = TARGET.resolve("journey-downloads");
        runJourney("evaluation-report", "zh-CN", Map.of("EVALUATION_ID", String.valueOf(evaluationId),
                "DOWNLOAD_DIR", downloads.toString()));

        List<Map<String, Object>> generated = given().auth().oauth2(token(DemoUsers.EVALUATOR))
                .get(system.taskUrl() + "/api/evaluations/" + evaluationId + "/reports")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(generated).extracting(r -> r.get("format")).containsExactlyInAnyOrder("DOCX", "PDF");
        assertThat(Files.size(downloads.resolve("evaluation-" + evaluationId + ".pdf"))).isPositive();
        JsonPath evaluation = given().auth().oauth2(token(DemoUsers.EVALUATOR))
                .get(system.taskUrl() + "/api/evaluations/" + evaluationId).then().statusCode(200).extract().jsonPath();
        assertThat(evaluation.getString("findings")).startsWith("规划实施总体进展顺利");
    }

    @Test
    void anAnonymousVisitorReadsThePublishedIndicators() throws Exception {
        SeedPlan plan = seedPlan();
        given().auth().oauth2(token(DemoUsers.SUPERVISOR)).post(system.taskUrl() + "/api/plans/" + plan.id + "/disclosures")
                .then().statusCode(201);
        Map<String, Object> indicator = plan.indicators.get(0);

        runJourney("public-indicators", "zh-CN", Map.of("PLAN_ID", String.valueOf(plan.id), "PLAN_TITLE", plan.title,
                "INDICATOR_NAME", (String) indicator.get("name"), "LATEST_YEAR", "2022"));
    }

    @Test
    void aFirstPublicVisitIsServedCompressedAndTheStaffScreensFitAPhone() throws Exception {
        SeedPlan plan = seedPlan();
        given().auth().oauth2(token(DemoUsers.SUPERVISOR)).post(system.taskUrl() + "/api/plans/" + plan.id + "/disclosures")
                .then().statusCode(201);
        String title = "浏览器测试：手机上的待办 " + shortId();
        Milestone m = acceptedTaskWithMilestone(title, "完成移动端验证");
        eventually("li.na's report item", () -> itemOf(token(DemoUsers.STAFF_HAIDIAN), m.milestoneId, "REPORT"));

        String output = runJourney("phone-and-weight", "zh-CN", Map.of("PLAN_ID", String.valueOf(plan.id), "PLAN_TITLE", plan.title,
                "TASK_TITLE", title));

        // measured, never asserted against a budget (speed is not a test): the figure is in the log for people
        long bytes = Long.parseLong(printed(output, "FIRST_VISIT_BYTES"));
        System.out.printf("[journey] first public visit: %d KB transferred in %s ms%n", bytes / 1024, printed(output, "FIRST_VISIT_MS"));
    }

    @Test
    void theSupervisorLinksTheNextPlanCarriesTasksOverAndContinuesIndicators() throws Exception {
        SeedPlan plan = seedPlan();
        String supervisor = token(DemoUsers.SUPERVISOR);
        given().auth().oauth2(supervisor).post(system.taskUrl() + "/api/plans/" + plan.id + "/disclosures")
                .then().statusCode(201);
        JsonPath imported = given().auth().oauth2(supervisor).contentType("text/html; charset=UTF-8")
                .body(Files.readAllBytes(SUCCESSOR_PLAN)).queryParam("name", SUCCESSOR_PLAN.getFileName().toString())
                .post(system.taskUrl() + "/api/plan-imports").then().statusCode(201).extract().jsonPath();
        long successorId = imported.getLong("plan.id");

        runJourney("plan-succession", "zh-CN", Map.of("PLAN_TITLE", imported.getString("plan.title"),
                "PREDECESSOR_TITLE", plan.title, "PREDECESSOR_ID", String.valueOf(plan.id)));

        JsonPath succession = given().auth().oauth2(supervisor)
                .get(system.taskUrl() + "/api/plans/" + successorId + "/succession").then().statusCode(200).extract().jsonPath();
        assertThat(succession.getLong("predecessor.id")).isEqualTo(plan.id);
        // two carried in the first tab, one in the second; the refused request carried nothing
        assertThat(succession.getList("decided.decision", String.class)).containsExactly("CARRIED", "CARRIED", "CARRIED");
        // the seed plan's first indicator has a 2022 value and the successor names it too: its baseline now
        assertThat(succession.getList("continuations.name", String.class)).contains((String) plan.indicators.get(0).get("name"));
        assertThat(succession.getInt("continuations[0].baselineYear")).isEqualTo(2022);
        assertThat(succession.getString("continuations[0].baselineRevision")).isEqualTo("PRELIMINARY");
        long carried = succession.getLong("decided[0].newTaskId");
        given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/tasks/" + carried + "/lineage").then().statusCode(200)
                .body("carriedFrom.oldPlanId", org.hamcrest.Matchers.equalTo((int) plan.id));
    }

    @Test
    void anApprovedEvaluationsFindingBecomesAProposalInTheInboxAndTheSupervisorStartsAnAdjustmentFromIt() throws Exception {
        SeedPlan plan = seedPlan();
        String supervisor = token(DemoUsers.SUPERVISOR);
        String evaluator = token(DemoUsers.EVALUATOR);
        long evaluationId = evaluationAtTheEvaluatorsStage(plan);
        // the seed plan's first task is 海淀区's, due 2025-12-31 and not done: behind schedule
        Map<String, Object> late = given().auth().oauth2(supervisor).queryParam("planId", plan.id).queryParam("size", 1)
                .get(system.taskUrl() + "/api/tasks").then().statusCode(200).extract().jsonPath().getMap("items[0]");
        long taskId = ((Number) late.get("id")).longValue();
        String finding = "怀柔科学城建设节点滞后，建议顺延时限 " + shortId();
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("text", "规划实施总体顺利。"), Map.of("text", finding, "taskId", taskId))))
                .put(system.taskUrl() + "/api/evaluations/" + evaluationId + "/finding-items").then().statusCode(200);
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body(Map.of("findings", "规划实施总体进展顺利，个别任务滞后。", "recommendations", "滞后任务顺延时限并加强调度。"))
                .put(system.taskUrl() + "/api/evaluations/" + evaluationId + "/findings").then().statusCode(200);
        given().auth().oauth2(evaluator).post(system.taskUrl() + "/api/evaluations/" + evaluationId + "/reports")
                .then().statusCode(201);
        String pi = evaluationProcessOf(evaluator, evaluationId);
        Map<String, Object> report = evaluationItemOf(evaluator, pi, "REPORT");
        given().auth().oauth2(evaluator).post(system.workflowUrl() + "/api/evaluation-items/" + report.get("id") + "/submission")
                .then().statusCode(200);
        Map<String, Object> review = eventually("chen.jing's review", () -> evaluationItemOf(supervisor, pi, "REVIEW"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post(system.workflowUrl() + "/api/evaluation-items/" + review.get("id") + "/review").then().statusCode(200);

        // findings → proposals: the task's is the office's 调整建议 item, prefilled with the finding
        Map<String, Object> item = eventually("the 调整建议 item", () -> proposalItemOf(supervisor, evaluationId));
        long proposalId = ((Number) item.get("proposalId")).longValue();
        String justification = (String) item.get("justification");
        assertThat(justification).endsWith(finding);
        // task-service's decision endpoint is the service account's: the item is the one way to decide
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("Idempotency-Key", "x-" + shortId())
                .body(Map.of("decision", "DECLINE", "reason", "x", "decidedBy", "chen.jing"))
                .post(system.taskUrl() + "/api/evaluation-proposals/" + proposalId + "/decision").then().statusCode(403);

        runJourney("evaluation-proposal", "zh-CN", Map.of("TASK_TITLE", (String) late.get("title"),
                "JUSTIFICATION", justification, "NEW_DUE_DATE", "2027-06-30"));

        // → an adjustment started from it, its justification the finding; the decision in the evaluation's record
        JsonPath decided = eventually("the decision recorded in task-service", () -> {
            JsonPath p = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/evaluation-proposals/" + proposalId)
                    .then().statusCode(200).extract().jsonPath();
            return "ADJUSTMENT_STARTED".equals(p.getString("status")) ? p : null;
        });
        assertThat(decided.getString("decidedBy")).isEqualTo(DemoUsers.SUPERVISOR);
        assertThat(decided.getLong("adjustedTaskId")).isEqualTo(taskId);
        String adjustment = decided.getString("adjustmentProcessId");
        JsonPath started = given().auth().oauth2(supervisor).get(system.workflowUrl() + "/api/processes/" + adjustment)
                .then().statusCode(200).extract().jsonPath();
        assertThat(started.getString("processDefinitionKey")).isEqualTo("task-adjustment");
        assertThat(started.getString("variables.justification")).isEqualTo(justification);
        assertThat(started.getString("variables.newDueDate")).isEqualTo("2027-06-30");
        given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/audit?entityType=evaluation&entityId=" + evaluationId)
                .then().statusCode(200).body("items.action", org.hamcrest.Matchers.hasItem("evaluation.proposal-decided"));
        assertThat(proposalItemOf(supervisor, evaluationId)).as("the item is decided").isNull();
        // … and in the next public snapshot, by the office, never the person
        long snapshot = given().auth().oauth2(supervisor).post(system.taskUrl() + "/api/plans/" + plan.id + "/disclosures")
                .then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        JsonPath published = given().get(system.taskUrl() + "/api/public/snapshots/" + snapshot).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> disclosed = published.getMap("proposalDecisions.find { it.proposalId == " + proposalId + " }");
        assertThat(disclosed).containsEntry("decision", "ADJUSTMENT_STARTED").containsEntry("decidedBy", "督查室")
                .containsEntry("finding", finding);
    }

    @Test
    void theSupervisorFindsTheSavedScheduleOnKeepsItOnSavingAndSeesWhoPublishedWhat() throws Exception {
        String supervisor = token(DemoUsers.SUPERVISOR);
        String title = "浏览器测试公布规划 " + shortId();
        long planId = TestPlans.confirmedPlan(system.taskUrl(), supervisor, title);
        String fullTitle = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/plans/" + planId).then()
                .statusCode(200).extract().path("title");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("interval", "MONTHLY", "enabled", true))
                .put(system.taskUrl() + "/api/plans/" + planId + "/disclosure-schedule").then().statusCode(200);

        runJourney("disclosure", "zh-CN", Map.of("PLAN_ID", String.valueOf(planId), "PLAN_TITLE", fullTitle));

        JsonPath schedule = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/plans/" + planId + "/disclosure-schedule")
                .then().statusCode(200).extract().jsonPath();
        assertThat(schedule.getBoolean("enabled")).as("保存 kept the schedule on").isTrue();
        assertThat(schedule.getString("interval")).isEqualTo("MONTHLY");
        assertThat(given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/plans/" + planId + "/disclosures").then()
                .statusCode(200).extract().jsonPath().getList("publishedBy", String.class)).containsExactly(DemoUsers.SUPERVISOR);
    }

    @Test
    void thePublicSeesWhatFollowedTheFinalEvaluationAndTheSeriesAcrossBothPlansAndTheOfficeACarriedTasksLineage() throws Exception {
        String supervisor = token(DemoUsers.SUPERVISOR);
        String evaluator = token(DemoUsers.EVALUATOR);
        // a plan of its own: a plan is succeeded once, and the seed plan is the other succession journey's
        String copy = Files.readString(SEED_PLAN) + "\n<!-- browser journey copy (public succession " + shortId() + ") -->\n";
        SeedPlan old = seededPlan(copy.getBytes(StandardCharsets.UTF_8), "beijing-14th-fyp-sti-plan-succession.html");
        // its first two tasks are assigned with 2025-12-31 as due date: behind schedule (红灯) now the plan period is over
        List<Long> late = given().auth().oauth2(supervisor).queryParam("planId", old.id).queryParam("size", 2)
                .get(system.taskUrl() + "/api/tasks").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);

        // --- 末期评估 with findings naming both tasks, approved and published: a proposal for each ----------------------
        Evaluation evaluation = evaluationAtTheEvaluatorsStage(old, "FINAL", "2025-12-31");
        String findings = "浏览器测试：规划实施总体完成，个别任务滞后。";
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body(Map.of("findings", findings, "recommendations", "滞后任务纳入接续规划继续推进。"))
                .put(system.taskUrl() + "/api/evaluations/" + evaluation.id + "/findings").then().statusCode(200);
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("text", "该任务节点滞后，建议顺延时限。", "taskId", late.get(0)),
                        Map.of("text", "该任务进展缓慢，建议调整实施安排。", "taskId", late.get(1)))))
                .put(system.taskUrl() + "/api/evaluations/" + evaluation.id + "/finding-items").then().statusCode(200);
        given().auth().oauth2(evaluator).post(system.taskUrl() + "/api/evaluations/" + evaluation.id + "/reports")
                .then().statusCode(201);
        Map<String, Object> report = eventually("zhao.min's report item", () -> evaluationItemOf(evaluator, evaluation.processInstanceId, "REPORT"));
        given().auth().oauth2(evaluator).post(system.workflowUrl() + "/api/evaluation-items/" + report.get("id") + "/submission")
                .then().statusCode(200);
        Map<String, Object> review = eventually("chen.jing's review item", () -> evaluationItemOf(supervisor, evaluation.processInstanceId, "REVIEW"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post(system.workflowUrl() + "/api/evaluation-items/" + review.get("id") + "/review").then().statusCode(200);
        eventually("the final evaluation published", () -> "PUBLISHED".equals(given().auth().oauth2(supervisor)
                .get(system.taskUrl() + "/api/evaluations/" + evaluation.id).then().extract().path("status")) ? true : null);

        // --- the office decides in its 调整建议 items: the first task's declined with the reason, the second's adjusted --
        String declineReason = "浏览器测试：规划期已结束，该任务结转接续规划继续推进。";
        Map<String, Object> toDecline = eventually("the first task's 调整建议 item", () -> proposalItemOf(supervisor, evaluation.id, late.get(0)));
        Map<String, Object> toAdjust = eventually("the second task's 调整建议 item", () -> proposalItemOf(supervisor, evaluation.id, late.get(1)));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", declineReason))
                .post(system.workflowUrl() + "/api/proposal-items/" + toDecline.get("id") + "/decision").then().statusCode(200);
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("decision", "ADJUST", "adjustment", Map.of("reasonCategory", "OTHER",
                        "newDueDate", LocalDate.now().plusMonths(6).toString())))
                .post(system.workflowUrl() + "/api/proposal-items/" + toAdjust.get("id") + "/decision").then().statusCode(200);
        for (Object proposal : List.of(toDecline.get("proposalId"), toAdjust.get("proposalId"))) {
            eventually("the decision on proposal " + proposal + " recorded", () -> "OPEN".equals(given().auth().oauth2(supervisor)
                    .get(system.taskUrl() + "/api/evaluation-proposals/" + proposal).then().statusCode(200).extract()
                    .path("status")) ? null : true);
        }
        long snapshotId = given().auth().oauth2(supervisor).post(system.taskUrl() + "/api/plans/" + old.id + "/disclosures")
                .then().statusCode(201).extract().jsonPath().getLong("snapshotId");

        // --- the successor, linked at import: the first task carried over, indicators continued, a figure of 2026 ----
        String successorCopy = Files.readString(SUCCESSOR_PLAN) + "\n<!-- browser journey copy (" + shortId() + ") -->\n";
        JsonPath imported = given().auth().oauth2(supervisor).contentType("text/html; charset=UTF-8")
                .body(successorCopy.getBytes(StandardCharsets.UTF_8)).queryParam("name", SUCCESSOR_PLAN.getFileName().toString())
                .queryParam("predecessorId", old.id).post(system.taskUrl() + "/api/plan-imports").then().statusCode(201)
                .extract().jsonPath();
        long successorId = imported.getLong("plan.id");
        given().auth().oauth2(supervisor).header("If-Match", "W/\"" + imported.getInt("plan.version") + "\"")
                .post(system.taskUrl() + "/api/plans/" + successorId + "/confirmation").then().statusCode(200);
        String oldReference = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/plans/" + successorId + "/succession")
                .then().statusCode(200).extract().path("unfinished.find { it.id == " + late.get(0) + " }.reference");
        long carried = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("taskId", late.get(0), "action", "CARRY"))))
                .post(system.taskUrl() + "/api/plans/" + successorId + "/carry-over").then().statusCode(200)
                .extract().jsonPath().getLong("[0].newTaskId");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body("{}")
                .post(system.taskUrl() + "/api/plans/" + successorId + "/indicator-continuations").then().statusCode(200);
        String indicatorName = (String) old.indicators.get(0).get("name");
        Map<String, Object> continued = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/plans/" + successorId + "/indicators")
                .then().statusCode(200).extract().jsonPath().getMap("find { it.name == '" + indicatorName + "' }");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("year", 2026, "value", new BigDecimal(continued.get("targetValue").toString()), "revision", "PRELIMINARY",
                        "source", "2026年北京市国民经济和社会发展统计公报"))
                .post(system.taskUrl() + "/api/indicators/" + continued.get("id") + "/values").then().statusCode(200);
        given().auth().oauth2(supervisor).post(system.taskUrl() + "/api/plans/" + successorId + "/disclosures").then().statusCode(201);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEW_PLAN_ID", String.valueOf(successorId));
        env.put("NEW_TITLE", imported.getString("plan.title"));
        env.put("OLD_TITLE", old.title);
        env.put("FINDINGS", findings);
        env.put("INDICATOR_NAME", indicatorName);
        env.put("OLD_YEAR", "2022");
        env.put("NEW_YEAR", "2026");
        env.put("BASELINE_SOURCE", "2022年北京市国民经济和社会发展统计公报");
        env.put("SNAPSHOT_ID", String.valueOf(snapshotId));
        env.put("DECLINE_REASON", declineReason);
        env.put("CARRIED_TASK_ID", String.valueOf(carried));
        env.put("OLD_REFERENCE", oldReference);
        env.put("OLD_LEAD_LABEL", "海淀区");
        runJourney("public-succession", "zh-CN", env);

        // what the pages showed is what the public API says
        JsonPath succession = given().get(system.taskUrl() + "/api/public/plans/" + successorId + "/succession")
                .then().statusCode(200).extract().jsonPath();
        assertThat(succession.getLong("predecessorFinalEvaluation.evaluationId")).isEqualTo(evaluation.id);
        assertThat(succession.getList("predecessorFinalEvaluation.documents.filename", String.class)).hasSize(2);
    }

    // --- journeys -------------------------------------------------------------------------------------------------

    private static void importAndAssign(String language, String leadLabel) throws Exception {
        // a copy of the seed plan that differs by a comment, so that each run imports afresh (the same bytes again
        // would be recognised as imported already)
        Path document = TARGET.resolve("journey-files/beijing-14th-fyp-sti-plan-" + language + "-" + shortId() + ".html");
        Files.createDirectories(document.getParent());
        Files.writeString(document, Files.readString(SEED_PLAN) + "\n<!-- browser journey copy (" + language + ") -->\n");
        importAndAssign(language, leadLabel, document, Map.of());
    }

    /** Runs the import journey on {@code document} (env may say how the journey makes it) and answers the plan's id. */
    private static long importAndAssign(String language, String leadLabel, Path document, Map<String, String> env)
            throws Exception {
        Map<String, String> journeyEnv = new LinkedHashMap<>(Map.of("PLAN_FILE", document.toString(), "LEAD_LABEL", leadLabel));
        journeyEnv.putAll(env);
        String output = runJourney("plan-import", language, journeyEnv);

        long planId = Long.parseLong(printed(output, "IMPORTED_PLAN_ID"));
        long taskId = Long.parseLong(printed(output, "ASSIGNED_TASK_ID"));
        String supervisor = token(DemoUsers.SUPERVISOR);
        JsonPath plan = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/plans/" + planId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(plan.getString("status")).isEqualTo("IN_FORCE");
        assertThat(plan.getString("sourceName")).isEqualTo(document.getFileName().toString());
        JsonPath task = given().auth().oauth2(supervisor).get(system.taskUrl() + "/api/tasks/" + taskId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(task.getLong("planId")).isEqualTo(planId);
        assertThat(task.getString("leadDepartmentCode")).isEqualTo("haidian");
        assertThat(task.getString("status")).isEqualTo("ASSIGNED");
        String haidian = token(DemoUsers.STAFF_HAIDIAN);
        eventually("the task in 海淀区's inbox", () -> given().auth().oauth2(haidian).queryParam("size", 100)
                .get(system.workflowUrl() + "/api/inbox").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.taskId == " + taskId + " }.id"));
        return planId;
    }

    private static int taskCount(long planId) {
        return given().auth().oauth2(token(DemoUsers.SUPERVISOR)).queryParam("planId", planId)
                .get(system.taskUrl() + "/api/tasks").then().statusCode(200).extract().path("total");
    }

    /** The seed plan's article as its site serves it: a page with a title, without the copy's front matter. */
    private static String seedPlanAsServed(String id) throws IOException {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>北京市“十四五”时期国际科技创新中心建设规划</title>"
                + "</head><body>" + seedPlanArticle() + "<!-- " + id + " --></body></html>";
    }

    private static String seedPlanArticle() throws IOException {
        String copy = Files.readString(SEED_PLAN);
        return copy.substring(copy.indexOf("---", copy.indexOf("---") + 3) + 3);
    }

    /**
     * The seed plan as an office's Word file: each paragraph of the article a paragraph (its bold opening run in bold),
     * the plan's title as running header and a PAGE field as footer on every page.
     */
    private static byte[] seedPlanAsWord(String id) throws IOException {
        Matcher paragraphs = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(seedPlanArticle());
        // <font cms-style="… strong-Bold">（一）构建国家实验室体系</font>, <strong>…</strong>, <b>…</b> opening a paragraph
        Pattern opening = Pattern.compile("^[\\s　]*<(font|strong|b)\\b([^>]*)>(.*?)</\\1>(.*)$", Pattern.DOTALL);
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun()
                    .setText("北京市“十四五”时期国际科技创新中心建设规划（" + id + "）");
            XWPFParagraph footer = doc
                    .createFooter(HeaderFooterType.DEFAULT).createParagraph();
            footer.createRun().setText("— ");
            footer.getCTP().addNewFldSimple().setInstr("PAGE");
            footer.createRun().setText(" —");
            while (paragraphs.find()) {
                String html = paragraphs.group(1);
                Matcher run = opening.matcher(html);
                boolean bold = run.matches() && (!run.group(1).equals("font") || run.group(2).contains("Bold"));
                String boldText = bold ? plainText(run.group(3)) : "";
                String rest = plainText(bold ? run.group(4) : html);
                if (boldText.isEmpty() && rest.isEmpty()) {
                    continue;
                }
                XWPFParagraph p = doc.createParagraph();
                if (!boldText.isEmpty()) {
                    XWPFRun boldRun = p.createRun();
                    boldRun.setBold(true);
                    boldRun.setText(boldText);
                }
                if (!rest.isEmpty()) {
                    p.createRun().setText(rest);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static String plainText(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&").replace('　', ' ').strip();
    }

    /**
     * Runs {@code node e2e/<name>.mjs} in the web app's npm project against the running system; its output is kept in
     * deploy/target/journey-<name>.log and shown when it fails.
     */
    private static String runJourney(String name, String language, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "e2e/" + name + ".mjs").directory(WEBUI.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("WEB_URL", system.webUrl());
        builder.environment().put("JOURNEY_LANG", language);
        builder.environment().put("CHROMIUM", chromium);
        builder.environment().put("SCREENSHOT_DIR", TARGET.resolve("journey-screenshots").toString());
        Instant started = Instant.now();
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output));
        reader.start();
        boolean ended = process.waitFor(JOURNEY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        String text = output.toString(StandardCharsets.UTF_8);
        String suffix = "en".equals(language) ? "-en" : "";
        Files.writeString(TARGET.resolve("journey-" + name + suffix + ".log"), text);
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        System.out.printf("[journey] %s (%s): %s in %d s%n", name, language, ended && process.exitValue() == 0 ? "passed" : "FAILED", seconds);
        if (!ended) {
            fail("journey " + name + " (" + language + ") did not end within " + JOURNEY_TIMEOUT.toSeconds() + " s:\n" + text);
        }
        if (process.exitValue() != 0) {
            fail("journey " + name + " (" + language + ") failed (exit " + process.exitValue() + "; screenshots in "
                    + TARGET.resolve("journey-screenshots") + "):\n" + text);
        }
        return text;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printed(String output, String key) {
        Matcher matcher = Pattern.compile("^" + key + "=(\\d+)$", Pattern.MULTILINE).matcher(output);
        assertThat(matcher.find()).as(key + " in the journey's output:\n" + output).isTrue();
        return matcher.group(1);
    }

    // --- seeding through the APIs ---------------------------------------------------------------------------------------

    private record Milestone(long taskId, long milestoneId) {
    }

    /** A task of 海淀区 with one milestone due in a month, assigned through the workflow and accepted by li.na. */
    private static Milestone acceptedTaskWithMilestone(String title, String milestoneTitle) {
        String supervisor = token(DemoUsers.SUPERVISOR);
        long planId = TestPlans.confirmedPlan(system.taskUrl(), supervisor, "浏览器测试规划");
        long taskId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", title, "leadDepartmentCode", "haidian"))
                .post(system.taskUrl() + "/api/plans/" + planId + "/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body(Map.of("leadDepartmentCode", "haidian", "coDepartmentCodes", List.of(), "dueDate", "2030-12-31"))
                .put(system.taskUrl() + "/api/tasks/" + taskId + "/assignment").then().statusCode(200);
        long milestoneId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", milestoneTitle, "dueDate", LocalDate.now().plusDays(30).toString(), "deliverable", "验收报告"))
                .post(system.taskUrl() + "/api/tasks/" + taskId + "/milestones")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("taskId", taskId, "departmentCode", "haidian"))
                .post(system.workflowUrl() + "/api/assignments").then().statusCode(201);
        String haidian = token(DemoUsers.STAFF_HAIDIAN);
        String acceptItem = eventually("li.na's acceptance item", () -> given().auth().oauth2(haidian).queryParam("size", 100)
                .get(system.workflowUrl() + "/api/inbox").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.taskId == " + taskId + " }.id"));
        given().auth().oauth2(haidian).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post(system.workflowUrl() + "/api/inbox/" + acceptItem + "/complete").then().statusCode(200);
        return new Milestone(taskId, milestoneId);
    }

    /** The seed plan, once per run, whichever journey asks first. */
    private static synchronized SeedPlan seedPlan() throws IOException {
        if (seedPlan == null) {
            seedPlan = seededPlan(Files.readAllBytes(SEED_PLAN), SEED_PLAN.getFileName().toString());
        }
        return seedPlan;
    }

    /** The plan document imported and confirmed, its first tasks assigned, two indicators with a 2022 value. */
    private static SeedPlan seededPlan(byte[] document, String name) {
        String supervisor = token(DemoUsers.SUPERVISOR);
        JsonPath imported = given().auth().oauth2(supervisor).contentType("text/html; charset=UTF-8")
                .body(document).queryParam("name", name)
                .post(system.taskUrl() + "/api/plan-imports").then().statusCode(201).extract().jsonPath();
        long planId = imported.getLong("plan.id");
        given().auth().oauth2(supervisor).header("If-Match", "W/\"" + imported.getInt("plan.version") + "\"")
                .post(system.taskUrl() + "/api/plans/" + planId + "/confirmation").then().statusCode(200);
        List<Map<String, Object>> tasks = given().auth().oauth2(supervisor).queryParam("planId", planId).queryParam("size", 3)
                .get(system.taskUrl() + "/api/tasks").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> items = new ArrayList<>();
        String[] leads = { "haidian", "haidian", "chaoyang" };
        for (int i = 0; i < 3; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("taskId", tasks.get(i).get("id"));
            item.put("version", tasks.get(i).get("version"));
            item.put("leadDepartmentCode", leads[i]);
            item.put("coDepartmentCodes", List.of());
            item.put("dueDate", "2025-12-31");
            items.add(item);
        }
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("items", items))
                .post(system.taskUrl() + "/api/plans/" + planId + "/assignments").then().statusCode(200);
        List<Map<String, Object>> indicators = given().auth().oauth2(supervisor)
                .get(system.taskUrl() + "/api/plans/" + planId + "/indicators").then().statusCode(200)
                .extract().jsonPath().getList("$");
        for (Map<String, Object> indicator : indicators.subList(0, 2)) {
            // a value on the way to the target, as a statistics bulletin would report it
            BigDecimal value = new BigDecimal(indicator.get("targetValue").toString()).multiply(new BigDecimal("0.9"))
                    .setScale(1, RoundingMode.HALF_UP);
            given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                    .body(Map.of("year", 2022, "value", value, "revision", "PRELIMINARY",
                            "source", "2022年北京市国民经济和社会发展统计公报"))
                    .post(system.taskUrl() + "/api/indicators/" + indicator.get("id") + "/values").then().statusCode(200);
        }
        return new SeedPlan(planId, imported.getString("plan.title"), indicators);
    }

    /**
     * A mid-term evaluation of the seed plan by 首都科技评估中心 (kjpg) in the evaluator's hands: launched, every
     * department's self-assessment in, every criterion scored.
     */
    private static long evaluationAtTheEvaluatorsStage(SeedPlan plan) {
        return evaluationAtTheEvaluatorsStage(plan, "MID_TERM", "2023-06-30").id;
    }

    /** An evaluation in the evaluator's hands: its workflow process and task-service's id. */
    private record Evaluation(String processInstanceId, long id) {
    }

    private static Evaluation evaluationAtTheEvaluatorsStage(SeedPlan plan, String kind, String periodTo) {
        String supervisor = token(DemoUsers.SUPERVISOR);
        String evaluator = token(DemoUsers.EVALUATOR);
        String pi = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("planId", plan.id, "kind", kind, "periodFrom", "2021-01-01", "periodTo", periodTo,
                        "organisation", "kjpg", "selfAssessmentDue", LocalDate.now().plusDays(14).toString()))
                .post(system.workflowUrl() + "/api/evaluations").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        JsonPath state = eventually("the evaluation created in task-service", () -> {
            JsonPath s = given().auth().oauth2(supervisor).get(system.workflowUrl() + "/api/evaluations/" + pi)
                    .then().statusCode(200).extract().jsonPath();
            return s.get("evaluationId") != null ? s : null;
        });
        long evaluationId = state.getLong("evaluationId");
        for (String department : state.getList("selfAssessments.departmentCode", String.class)) {
            String staff = token("haidian".equals(department) ? DemoUsers.STAFF_HAIDIAN : DemoUsers.STAFF_CHAOYANG);
            assertThat(department).isIn("haidian", "chaoyang");
            Map<String, Object> item = eventually(department + "'s self-assessment item", () -> evaluationItemOf(staff, pi, "SELF_ASSESSMENT"));
            given().auth().oauth2(staff).contentType(ContentType.JSON)
                    .body(Map.of("summary", "工作总结：中关村科学城建设加快推进。", "achievements", "主要成效：新型研发机构加快集聚。",
                            "problems", "存在问题：高端人才供给不足。", "nextSteps", "下一步：完善配套政策。"))
                    .post(system.workflowUrl() + "/api/evaluation-items/" + item.get("id") + "/self-assessment").then().statusCode(200);
        }
        eventually("zhao.min's report item", () -> evaluationItemOf(evaluator, pi, "REPORT"));
        JsonPath evaluation = given().auth().oauth2(evaluator).get(system.taskUrl() + "/api/evaluations/" + evaluationId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> criteria = evaluation.getList("rubric.criteria");
        List<String> chapters = given().auth().oauth2(evaluator).get(system.taskUrl() + "/api/plans/" + plan.id + "/outline")
                .then().statusCode(200).extract().jsonPath().getList("chapters.findAll { !it.context }.number", String.class);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Map<String, Object> criterion : criteria) {
            BigDecimal max = new BigDecimal(criterion.get("maxScore").toString());
            List<String> subjects = "CHAPTER".equals(criterion.get("subjectKind")) ? chapters.subList(0, 2)
                    : plan.indicators.subList(0, 2).stream().map(i -> String.valueOf(i.get("id"))).toList();
            for (String subject : subjects) {
                scores.add(Map.of("subjectKind", criterion.get("subjectKind"), "subjectRef", subject, "criterion",
                        criterion.get("code"), "score", max.multiply(new BigDecimal("0.8")), "comment", "进展符合预期"));
            }
        }
        given().auth().oauth2(evaluator).contentType(ContentType.JSON).body(scores).put(system.taskUrl() + "/api/evaluations/" + evaluationId + "/scores").then().statusCode(200);
        return new Evaluation(pi, evaluationId);
    }

    /** The process of task-service's evaluation, found through the evaluator's open items. */
    private static String evaluationProcessOf(String evaluator, long evaluationId) {
        List<Map<String, Object>> items = given().auth().oauth2(evaluator).get(system.workflowUrl() + "/api/evaluation-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> i.get("evaluationId") != null && ((Number) i.get("evaluationId")).longValue() == evaluationId)
                .map(i -> (String) i.get("processInstanceId")).findFirst().orElseThrow();
    }

    /** The supervisor's open 调整建议 item of the evaluation, or null. */
    /** The open 调整建议 item of that evaluation's finding on that task, or null. */
    private static Map<String, Object> proposalItemOf(String token, long evaluationId, long taskId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get(system.workflowUrl() + "/api/proposal-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> ((Number) i.get("evaluationId")).longValue() == evaluationId
                && i.get("taskId") != null && ((Number) i.get("taskId")).longValue() == taskId).findFirst().orElse(null);
    }

    private static Map<String, Object> proposalItemOf(String token, long evaluationId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get(system.workflowUrl() + "/api/proposal-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> ((Number) i.get("evaluationId")).longValue() == evaluationId).findFirst().orElse(null);
    }

    private static Map<String, Object> evaluationItemOf(String token, String pi, String kind) {
        List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("processInstanceId", pi)
                .get(system.workflowUrl() + "/api/evaluation-items").then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> kind.equals(i.get("kind"))).findFirst().orElse(null);
    }

    /** The open milestone item of that kind (REPORT, REVIEW) the caller sees, or null. */
    private static String itemOf(String token, long milestoneId, String kind) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get(system.workflowUrl() + "/api/milestone-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream()
                .filter(i -> kind.equals(i.get("kind")))
                .filter(i -> i.get("milestoneId") != null && ((Number) i.get("milestoneId")).longValue() == milestoneId)
                .map(i -> (String) i.get("id")).findFirst().orElse(null);
    }

    private static String token(String user) {
        return KeycloakTokens.accessToken(user);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
