package org.luoshi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.deploy.Eventually.eventually;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code ./luoshi.sh backup} of a running system in the middle of its work — an assignment waiting in an inbox, a
 * milestone waiting for its report with its reminder timer pending, a report with evidence waiting for review, a
 * finished flow, and new assignments arriving while the backup runs — then {@code ./luoshi.sh restore} into fresh
 * databases and both services started on them: every task, report, evidence file (by its SHA-256), open inbox item
 * and timer is there, the audit chain verifies, and the restored engine carries on where it stood.
 */
class BackupRestoreIT {
    private static final String REALM = KeycloakTokens.keycloakUrl() + "/realms/luoshi";
    private static final String TASK_RESTORED = E2eDatabases.task() + "_restored";
    private static final String WORKFLOW_RESTORED = E2eDatabases.workflow() + "_restored";

    private static ServiceProcess task;
    private static ServiceProcess workflow;
    private static ServiceProcess restoredTask;
    private static ServiceProcess restoredWorkflow;

    @BeforeAll
    static void startTheSystem() throws Exception {
        E2eDatabases.resetSchemas();
        task = taskService("task-service", E2eDatabases.taskUrl());
        task.start();
        workflow = workflowService("workflow-service", E2eDatabases.workflowUrl(), task);
        workflow.start();
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (ServiceProcess node : new ServiceProcess[] { restoredWorkflow, restoredTask, workflow, task }) {
            if (node != null) {
                node.stop();
            }
        }
    }

    private static ServiceProcess taskService(String label, String jdbcUrl) {
        return new ServiceProcess("task-service", label, Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.oidc.auth-server-url", REALM));
    }

    private static ServiceProcess workflowService(String label, String jdbcUrl, ServiceProcess taskService) {
        return new ServiceProcess("workflow-service", label, Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.oidc.auth-server-url", REALM,
                "quarkus.rest-client.task-service.url", taskService.url(),
                "luoshi.workflow.job-executor.wait-time", "200ms",
                "luoshi.workflow.job-executor.max-wait", "1S"));
    }

    @Test
    void aBackupTakenWhileTheSystemWorksRestoresIntoFreshDatabasesWithNothingLost() throws Exception {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long planId = newPlan(supervisor);

        // waiting for acceptance in haidian's inbox
        long waiting = newTask(supervisor, planId, null);
        assign(supervisor, waiting);
        // accepted: its milestone waits for the report, the reminder timer pending
        long[] tracked = newTaskWithMilestone(supervisor, planId);
        acceptAndAwaitReportItem(haidian, tracked);
        // reported with evidence: waits for the supervisor's review
        long[] reported = newTaskWithMilestone(supervisor, planId);
        acceptAndAwaitReportItem(haidian, reported);
        long evidenceId = uploadEvidence(haidian, reported[1], "验收报告.pdf", "%PDF-1.4 备份测试 " + UUID.randomUUID());
        report(haidian, reported[1], List.of(evidenceId));
        String reviewItem = eventually("the review item", () -> itemOf(workflow, supervisor, reported[1], "REVIEW"));
        // done: reported with evidence and approved
        long[] done = newTaskWithMilestone(supervisor, planId);
        acceptAndAwaitReportItem(haidian, done);
        long doneEvidence = uploadEvidence(haidian, done[1], "说明.txt", "备份测试说明 " + UUID.randomUUID());
        report(haidian, done[1], List.of(doneEvidence));
        String doneReview = eventually("the second review item", () -> itemOf(workflow, supervisor, done[1], "REVIEW"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post(workflow.url() + "/api/milestone-items/" + doneReview + "/review").then().statusCode(200);
        eventually("the approved task completed", () -> "COMPLETED".equals(taskOf(task, haidian, done[0]).getString("status")) ? true : null);

        Snapshot before = Snapshot.of(task, workflow, E2eDatabases.workflowUrl(), planId);
        assertThat(before.timers()).as("pending ladder timers").isNotEmpty();
        assertThat(before.inbox()).as("open inbox items").isNotEmpty();

        // new assignments keep arriving while the backup runs
        AtomicBoolean backingUp = new AtomicBoolean(true);
        AtomicInteger duringBackup = new AtomicInteger();
        CompletableFuture<Void> activity = CompletableFuture.runAsync(() -> {
            while (backingUp.get()) {
                assign(supervisor, newTask(supervisor, planId, null));
                duringBackup.incrementAndGet();
            }
        });
        Path dir = Files.createTempDirectory("luoshi-backup-");
        Files.delete(dir); // the command makes it
        try {
            assertThat(luoshi(Map.of("TASK_DB", E2eDatabases.task(), "WORKFLOW_DB", E2eDatabases.workflow()), "backup", dir.toString()))
                    .contains("backup written");
        } finally {
            backingUp.set(false);
            activity.join();
        }
        JsonPath manifest = JsonPath.from(Files.readString(dir.resolve("manifest.json")));
        assertThat(manifest.getString("databases.task.sha256")).isEqualTo(sha256(Files.readAllBytes(dir.resolve("task.dump"))));
        assertThat(manifest.getString("databases.workflow.sha256")).isEqualTo(sha256(Files.readAllBytes(dir.resolve("workflow.dump"))));

        // a database in use is not overwritten unless asked to
        String refused = luoshiFails(Map.of("TASK_DB", E2eDatabases.task(), "WORKFLOW_DB", E2eDatabases.workflow()),
                "restore", dir.toString());
        assertThat(refused).contains("is not empty");
        // into fresh databases (emptied with --force when an earlier run left them)
        luoshi(Map.of("TASK_DB", TASK_RESTORED, "WORKFLOW_DB", WORKFLOW_RESTORED), "restore", dir.toString(), "--force");

        restoredTask = taskService("task-restored", E2eDatabases.url(TASK_RESTORED));
        restoredTask.start();
        restoredWorkflow = workflowService("workflow-restored", E2eDatabases.url(WORKFLOW_RESTORED), restoredTask);
        restoredWorkflow.start();

        Snapshot after = Snapshot.of(restoredTask, restoredWorkflow, E2eDatabases.url(WORKFLOW_RESTORED), planId);
        assertThat(after.tasks()).containsAllEntriesOf(before.tasks());
        assertThat(after.reports()).containsAllEntriesOf(before.reports());
        assertThat(after.evidence()).containsAllEntriesOf(before.evidence());
        assertThat(after.inbox()).containsAll(before.inbox());
        assertThat(after.timers()).containsAllEntriesOf(before.timers());
        JsonPath verification = given().auth().oauth2(supervisor).when().get(restoredTask.url() + "/api/audit/verify?full=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getLong("entries")).isGreaterThanOrEqualTo(before.auditEntries());
        // every assignment the restored engine knows names a task the restored task-service has (the engine's
        // database is dumped first, so it is never ahead of task-service's)
        assertThat(taskIdsInEngine(WORKFLOW_RESTORED)).isSubsetOf(taskIdsOfPlan(TASK_RESTORED, planId));

        // and the restored system carries on: the waiting assignment is accepted, the review decided
        String item = inboxItemFor(restoredWorkflow, haidian, waiting);
        given().auth().oauth2(haidian).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(restoredWorkflow.url() + "/api/inbox/" + item + "/complete").then().statusCode(200);
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post(restoredWorkflow.url() + "/api/milestone-items/" + reviewItem + "/review").then().statusCode(200);
        eventually("the waiting task accepted after the restore",
                () -> "ACCEPTED".equals(taskOf(restoredTask, haidian, waiting).getString("status")) ? true : null);
        eventually("the reviewed task completed after the restore",
                () -> "COMPLETED".equals(taskOf(restoredTask, haidian, reported[0]).getString("status")) ? true : null);
        System.out.printf("[backup-restore] %d assignments made while the backup ran; dumps %d + %d bytes%n",
                duringBackup.get(), manifest.getLong("databases.task.bytes"), manifest.getLong("databases.workflow.bytes"));
    }

    /** What must survive a backup and restore, read through the services' APIs (timers from the engine's table). */
    private record Snapshot(Map<Long, String> tasks, Map<String, String> reports, Map<Long, String> evidence,
            List<String> inbox, Map<String, String> timers, long auditEntries) {
        static Snapshot of(ServiceProcess task, ServiceProcess workflow, String workflowUrl, long planId) throws SQLException {
            String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
            String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
            Map<Long, String> tasks = new LinkedHashMap<>();
            Map<String, String> reports = new LinkedHashMap<>();
            Map<Long, String> evidence = new LinkedHashMap<>();
            List<Map<String, Object>> ledger = given().auth().oauth2(supervisor).queryParam("planId", planId).queryParam("size", 200)
                    .when().get(task.url() + "/api/tasks").then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> row : ledger) {
                long id = ((Number) row.get("id")).longValue();
                JsonPath t = taskOf(task, haidian, id);
                tasks.put(id, t.getString("status") + " v" + t.getInt("version"));
                for (Object m : t.getList("milestones.id")) {
                    long milestoneId = ((Number) m).longValue();
                    for (Map<String, Object> r : given().auth().oauth2(haidian).when()
                            .get(task.url() + "/api/milestones/" + milestoneId + "/reports").then().statusCode(200)
                            .extract().jsonPath().<Map<String, Object>>getList("$")) {
                        reports.put((String) r.get("reportKey"), r.get("kind") + " " + r.get("status"));
                    }
                    for (Map<String, Object> e : given().auth().oauth2(haidian).when()
                            .get(task.url() + "/api/milestones/" + milestoneId + "/evidence").then().statusCode(200)
                            .extract().jsonPath().<Map<String, Object>>getList("$")) {
                        long evidenceId = ((Number) e.get("id")).longValue();
                        byte[] content = given().auth().oauth2(haidian).when().get(task.url() + "/api/evidence/" + evidenceId)
                                .then().statusCode(200).extract().asByteArray();
                        assertThat(sha256(content)).as("evidence " + evidenceId + " content").isEqualTo(e.get("sha256"));
                        evidence.put(evidenceId, (String) e.get("sha256"));
                    }
                }
            }
            List<String> inbox = new ArrayList<>();
            inbox.addAll(given().auth().oauth2(haidian).queryParam("size", 100).when().get(workflow.url() + "/api/inbox")
                    .then().statusCode(200).extract().jsonPath().getList("items.id"));
            inbox.addAll(given().auth().oauth2(supervisor).queryParam("size", 100).when().get(workflow.url() + "/api/inbox")
                    .then().statusCode(200).extract().jsonPath().getList("items.id"));
            Map<String, String> timers = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection(workflowUrl, "luoshi_workflow", "luoshi_workflow_demo");
                    ResultSet rows = c.createStatement().executeQuery(
                            "select id_, duedate_ from act_ru_job where type_ = 'timer' order by id_")) {
                while (rows.next()) {
                    timers.put(rows.getString(1), String.valueOf(rows.getTimestamp(2).toInstant()));
                }
            }
            long audit = given().auth().oauth2(supervisor).when().get(task.url() + "/api/audit/verify").then().statusCode(200)
                    .extract().jsonPath().getLong("entries");
            return new Snapshot(tasks, reports, evidence, inbox, timers, audit);
        }
    }

    // --- the system's API ------------------------------------------------------------------------------------

    private static long newPlan(String supervisor) {
        return TestPlans.confirmedPlan(task.url(), supervisor, "备份测试规划");
    }

    private static long newTask(String supervisor, long planId, String title) {
        return given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", title == null ? "备份测试任务" : title, "leadDepartmentCode", "haidian"))
                .when().post(task.url() + "/api/plans/" + planId + "/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** {taskId, milestoneId} of a new task with one milestone due in 90 days. */
    private static long[] newTaskWithMilestone(String supervisor, long planId) {
        long taskId = newTask(supervisor, planId, "备份测试任务（节点）");
        long milestoneId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", "备份测试节点", "dueDate", LocalDate.now().plusDays(90).toString(), "deliverable", "验收报告"))
                .when().post(task.url() + "/api/tasks/" + taskId + "/milestones")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return new long[] { taskId, milestoneId };
    }

    private static void assign(String supervisor, long taskId) {
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", "haidian"))
                .when().post(workflow.url() + "/api/assignments").then().statusCode(201);
    }

    private static void acceptAndAwaitReportItem(String haidian, long[] taskAndMilestone) {
        assign(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR), taskAndMilestone[0]);
        String item = eventually("the assignment in the inbox", () -> inboxItemFor(workflow, haidian, taskAndMilestone[0]));
        given().auth().oauth2(haidian).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(workflow.url() + "/api/inbox/" + item + "/complete").then().statusCode(200);
        eventually("the report item", () -> itemOf(workflow, haidian, taskAndMilestone[1], "REPORT"));
    }

    private static long uploadEvidence(String token, long milestoneId, String name, String content) {
        return given().auth().oauth2(token)
                .multiPart("file", name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        name.endsWith(".pdf") ? "application/pdf" : "text/plain")
                .when().post(task.url() + "/api/milestones/" + milestoneId + "/evidence")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void report(String haidian, long milestoneId, List<Long> evidenceIds) {
        String item = itemOf(workflow, haidian, milestoneId, "REPORT");
        given().auth().oauth2(haidian).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成并附佐证材料。", "percent", 100, "evidenceIds", evidenceIds, "consolidates", List.of()))
                .when().post(workflow.url() + "/api/milestone-items/" + item + "/report").then().statusCode(200);
    }

    private static JsonPath taskOf(ServiceProcess task, String token, long taskId) {
        return given().auth().oauth2(token).when().get(task.url() + "/api/tasks/" + taskId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String inboxItemFor(ServiceProcess workflow, String token, long taskId) {
        return given().auth().oauth2(token).queryParam("size", 100).when().get(workflow.url() + "/api/inbox")
                .then().statusCode(200).extract().jsonPath().getString("items.find { it.taskId == " + taskId + " }.id");
    }

    private static String itemOf(ServiceProcess workflow, String token, long milestoneId, String kind) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get(workflow.url() + "/api/milestone-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream().filter(i -> kind.equals(i.get("kind")))
                .filter(i -> i.get("milestoneId") != null && ((Number) i.get("milestoneId")).longValue() == milestoneId)
                .map(i -> (String) i.get("id")).findFirst().orElse(null);
    }

    // --- the databases and the runner ------------------------------------------------------------------------

    private static List<Long> taskIdsInEngine(String database) throws SQLException {
        return longs(E2eDatabases.url(database), "luoshi_workflow", "luoshi_workflow_demo",
                "select distinct long_ from act_ru_variable where name_ = 'taskId' and long_ is not null");
    }

    private static List<Long> taskIdsOfPlan(String database, long planId) throws SQLException {
        return longs(E2eDatabases.url(database), "luoshi_task", "luoshi_task_demo",
                "select id from plan_task where plan_id = " + planId);
    }

    private static List<Long> longs(String url, String user, String password, String sql) throws SQLException {
        List<Long> result = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); ResultSet rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getLong(1));
            }
        }
        return result;
    }

    /** Runs ./luoshi.sh with the arguments; its output, or a failure with the output when it exits non-zero. */
    private static String luoshi(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Result result = run(env, args);
        assertThat(result.exit()).as("./luoshi.sh " + String.join(" ", args) + "\n" + result.output()).isZero();
        return result.output();
    }

    private static String luoshiFails(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Result result = run(env, args);
        assertThat(result.exit()).as("./luoshi.sh " + String.join(" ", args) + " should fail\n" + result.output()).isNotZero();
        return result.output();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path repo = Path.of(System.getProperty("luoshi.repo", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("luoshi.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the server the tests use (and, where the runner keeps clusters per purpose, the test suite's instance)
        builder.environment().put("PGPORT", E2eDatabases.port());
        builder.environment().put("POSTGRES_INSTANCE", "test");
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./luoshi.sh " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
