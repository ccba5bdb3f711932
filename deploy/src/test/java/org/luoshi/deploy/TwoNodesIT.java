package org.luoshi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.deploy.Eventually.eventually;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;

/**
 * Two nodes of each service on one database per service, as a production deployment runs them: task-service A and
 * B, workflow-service A (calling task-service A) and B (calling B), all started at once on empty databases. A few
 * hundred flows — assignment, acceptance, the milestone's reminder and 催办 timers, the report, its approval — are
 * driven through both workflow nodes, and workflow node B is killed (SIGKILL) while the acceptances' async steps
 * run. Every flow must complete with each effect recorded once in task-service, each notification stored and
 * mailed once, each timer fired once, jobs run by both nodes and each BPMN deployed once. Two task-service nodes
 * publish a scheduled disclosure once and apply an idempotent call sent to both once.
 *
 * <p>The timers are moved, not waited for: their jobs' due time is set to now in the engine's table, as
 * {@code ManagementService#setJobDuedate} would, and the nodes' job executors find them. What the test measured (table
 * growth per flow, CPU and memory per node) is written to {@code deploy/target/two-nodes-measurements.txt} for
 * docs/capacity.md.
 */
class TwoNodesIT {
    private static final String REALM = KeycloakTokens.keycloakUrl() + "/realms/luoshi";
    /**
     * The mails a killed node may have handed to the SMTP server without marking their rows mailed: sent again once
     * their claim lapses. One per thread sending when it died (job executor threads, the mail thread), not one per flow.
     */
    private static final long MAILS_A_KILLED_NODE_MAY_SEND_TWICE = 10;
    /** How many flows run through the two engine nodes. */
    private static final int FLOWS = Integer.getInteger("luoshi.e2e.flows", 200);
    private static final Duration LONG = Duration.ofMinutes(4);

    private static GreenMail mail;
    private static ServiceProcess taskA;
    private static ServiceProcess taskB;
    private static ServiceProcess workflowA;
    private static ServiceProcess workflowB;
    /** Drives the API as several people at once would. */
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(6);

    @BeforeAll
    static void startTwoNodesOfEachService() throws Exception {
        E2eDatabases.resetSchemas();
        int smtpPort = freePort();
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        taskA = taskNode("task-a");
        taskB = taskNode("task-b");
        // both at once on the empty database: Flyway's lock lets one migrate while the other waits
        startTogether(taskA, taskB);
        workflowA = workflowNode("wf-a", taskA, smtpPort);
        workflowB = workflowNode("wf-b", taskB, smtpPort);
        // both at once: the start-up lock lets one create the schema and deploy, the other finds the BPMN unchanged
        startTogether(workflowA, workflowB);
    }

    private static ServiceProcess taskNode(String label) {
        return new ServiceProcess("task-service", label, Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.taskUrl(),
                "quarkus.oidc.auth-server-url", REALM,
                // every node looks every 2 s: the nodes' runs coincide, and only the database lock keeps them apart
                "luoshi.disclosure.cron", "*/2 * * * * ?"));
    }

    private static ServiceProcess workflowNode(String nodeId, ServiceProcess taskService, int smtpPort) {
        return new ServiceProcess("workflow-service", nodeId, Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", E2eDatabases.workflowUrl()),
                Map.entry("quarkus.oidc.auth-server-url", REALM),
                Map.entry("quarkus.rest-client.task-service.url", taskService.url()),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtpPort)),
                Map.entry("luoshi.workflow.engine.node-id", nodeId),
                // the job log (ACT_HI_JOB_LOG) names the node that ran each job
                Map.entry("luoshi.workflow.engine.history", "full"),
                // a job locked by the killed node is taken over once its lock expires
                Map.entry("luoshi.workflow.job-executor.lock-time", "20S"),
                Map.entry("luoshi.workflow.job-executor.wait-time", "200ms"),
                Map.entry("luoshi.workflow.job-executor.max-wait", "1S"),
                Map.entry("luoshi.workflow.retry.task-service-write", "R5/PT2S"),
                // the rows the killed node claimed but did not mail are mailed by a sweeper once the claim lapses
                Map.entry("luoshi.workflow.notification.mail-claim", "PT30S"),
                Map.entry("luoshi.workflow.notification.sweep-every", "5s")));
    }

    /** Each mail GreenMail received, as recipient|subject|text. */
    private static List<String> receivedMails() {
        List<String> received = new ArrayList<>();
        try {
            for (MimeMessage message : mail.getReceivedMessages()) {
                received.add(String.join(",", List.of(message.getHeader("To"))) + "|" + message.getSubject() + "|"
                        + message.getContent());
            }
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return received;
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        CLIENTS.shutdownNow();
        for (ServiceProcess node : new ServiceProcess[] { workflowB, workflowA, taskB, taskA }) {
            if (node != null) {
                node.stop();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void flowsDrivenThroughTwoEngineNodesCompleteWithEveryEffectOnceAlsoWhenOneNodeIsKilled() throws Exception {
        Measurement before = Measurement.take();
        long started = System.nanoTime();
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long planId = TestPlans.confirmedPlan(taskA.url(), supervisor, "两节点测试规划");

        // tasks with a milestone each, created through both task-service nodes
        String due = LocalDate.now().plusDays(90).toString();
        List<Long> taskIds = parallel(i -> {
            String node = task(i).url();
            long taskId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                    .body(Map.of("title", "两节点任务 #" + i, "leadDepartmentCode", "haidian"))
                    .when().post(node + "/api/plans/" + planId + "/tasks")
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                    .body(Map.of("title", "两节点节点 #" + i, "dueDate", due, "deliverable", "验收报告"))
                    .when().post(node + "/api/tasks/" + taskId + "/milestones").then().statusCode(201);
            return taskId;
        });

        phase(started, "tasks and milestones created");
        // assignment through both engine nodes
        parallel(i -> given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskIds.get(i), "departmentCode", "haidian"))
                .when().post(workflow(i).url() + "/api/assignments")
                .then().statusCode(201).extract().jsonPath().getString("processInstanceId"));
        Map<Long, String> acceptItems = eventually("every assignment in haidian's inbox", LONG,
                () -> complete(inboxItems(haidian, "task-assignment", "acceptTask"), taskIds));

        phase(started, "assignments in the inbox");
        // the first half accepted through both nodes; then node B dies with its async steps pending or under way
        int half = FLOWS / 2;
        parallel(half, i -> accept(haidian, workflow(i), acceptItems.get(taskIds.get(i))));
        workflowB.kill();
        long lockedByKilledNode;
        try (Connection wf = E2eDatabases.workflowConnection()) {
            lockedByKilledNode = E2eDatabases.scalar(wf, "select count(*) from act_ru_job where lock_owner_ = 'wf-b'");
        }
        phase(started, "first half accepted, node B killed");
        // node B comes back while node A takes the second half and, once their locks expire, B's pending jobs
        CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> start(workflowB), CLIENTS);
        parallel(FLOWS - half, i -> accept(haidian, workflowA, acceptItems.get(taskIds.get(half + i))));
        restart.join();

        phase(started, "node B restarted");
        // acceptance starts milestone tracking: each milestone waits for its report, its ladder armed
        Map<Long, String> reportItems = eventually("a report item for every milestone", LONG,
                () -> complete(inboxItems(haidian, "milestone-reporting", "submitReport"), taskIds));
        assertThat(count("task", "select count(*) from plan_task where plan_id = " + planId + " and status = 'ACCEPTED'"))
                .isEqualTo(FLOWS);

        phase(started, "milestone tracking started");
        // the reminder (提醒) and then the 催办 rung of every ladder fall due now
        moveTimersToNow("waitReminder");
        eventually("a reminder per milestone", LONG, () -> notificationOccasions("REMINDER") == FLOWS ? true : null);
        eventually("the 催办 timers armed", LONG, () -> timers("waitUrging") == FLOWS ? true : null);
        moveTimersToNow("waitUrging");
        eventually("a 催办 per milestone", LONG, () -> notificationOccasions("URGING") == FLOWS ? true : null);

        phase(started, "reminders and 催办 sent");
        // reports through both nodes, approved by the supervisor through both nodes
        parallel(i -> given().auth().oauth2(haidian).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成 #" + i, "percent", 100, "evidenceIds", List.of(), "consolidates", List.of()))
                .when().post(workflow(i).url() + "/api/milestone-items/" + reportItems.get(taskIds.get(i)) + "/report")
                .then().statusCode(200));
        Map<Long, String> reviewItems = eventually("a review item for every report", LONG,
                () -> complete(inboxItems(supervisor, "milestone-reporting", "reviewReport"), taskIds));
        parallel(i -> given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post(workflow(i).url() + "/api/milestone-items/" + reviewItems.get(taskIds.get(i)) + "/review")
                .then().statusCode(200));

        phase(started, "reports approved");
        eventually("every task completed in task-service", LONG, () -> count("task",
                "select count(*) from plan_task where plan_id = " + planId + " and status = 'COMPLETED'") == FLOWS ? true : null);
        eventually("every process ended", LONG, () -> count("workflow", "select count(*) from act_ru_execution") == 0 ? true : null);
        double seconds = (System.nanoTime() - started) / 1e9;

        phase(started, "every flow completed");
        // every async step's effect reached task-service once
        String ofPlan = " and (entity_type = 'task' and entity_id in (select id::text from plan_task where plan_id = " + planId + ")"
                + " or entity_type = 'milestone' and entity_id in (select m.id::text from milestone m join plan_task t on t.id = m.task_id where t.plan_id = " + planId + ")"
                + " or entity_type = 'milestone-report' and entity_id in (select report_key from milestone_report r join plan_task t on t.id = r.task_id where t.plan_id = " + planId + "))";
        for (String action : List.of("task.accepted", "milestone-report.submitted", "milestone-report.decided",
                "milestone.completed")) {
            assertThat(count("task", "select count(*) from audit_entry where action = '" + action + "'" + ofPlan))
                    .as(action).isEqualTo(FLOWS);
            assertThat(count("task", "select count(*) from (select entity_id from audit_entry where action = '" + action
                    + "'" + ofPlan + " group by entity_id having count(*) > 1) d")).as(action + " twice").isZero();
        }
        assertThat(count("task", "select count(*) from milestone_report r join plan_task t on t.id = r.task_id "
                + "where t.plan_id = " + planId)).isEqualTo(FLOWS);
        assertThat(count("workflow", "select count(*) from act_hi_incident")).as("incidents").isZero();

        // each timer fired once, and its rung ran once
        assertThat(count("workflow", "select count(*) from (select job_id_ from act_hi_job_log where job_def_type_ = "
                + "'timer-intermediate-transition' and job_state_ = 2 group by job_id_ having count(*) > 1) d")).isZero();
        for (String rung : List.of("notifyReminder", "notifyUrging")) {
            assertThat(count("workflow", "select count(*) from act_hi_actinst where act_id_ = '" + rung + "'")).as(rung)
                    .isEqualTo(FLOWS);
            assertThat(count("workflow", "select count(distinct proc_inst_id_) from act_hi_actinst where act_id_ = '" + rung + "'"))
                    .as(rung).isEqualTo(FLOWS);
        }

        // no notification twice: one row per occasion and recipient, each mailed once
        assertThat(notificationOccasions("REPORT_APPROVED")).isEqualTo(FLOWS);
        long rows = count("workflow", "select count(*) from luoshi_notification");
        assertThat(count("workflow", "select count(distinct (process_instance_id, kind, recipient_type, recipient)) "
                + "from luoshi_notification")).isEqualTo(rows);
        // a mail is sent by the node that claims its row: right after the commit the node that stored it, or, for a
        // row its node left unmailed (killed between commit and send, or holding a claim that lapsed), any node's
        // sweeper. So every row is mailed in the end, none lost with the killed node; a mail the killed node had handed
        // to the SMTP server without marking its row is sent again: at most its sends in flight.
        eventually("every notification mailed", LONG, () -> count("workflow",
                "select count(*) from luoshi_notification where mailed_at is null") == 0 ? true : null);
        List<String> mails = eventually("a mail for every notification", LONG, () -> {
            List<String> received = receivedMails();
            return received.stream().distinct().count() == rows ? received : null;
        });
        assertThat(mails.size() - rows).as("mails sent twice, the killed node's in flight")
                .isBetween(0L, MAILS_A_KILLED_NODE_MAY_SEND_TWICE);

        // both nodes ran jobs
        Map<String, Long> jobsPerNode = groupCount("workflow",
                "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_");
        assertThat(jobsPerNode.keySet()).contains("wf-a", "wf-b");
        assertThat(jobsPerNode.values()).allSatisfy(n -> assertThat(n).isPositive());

        // each BPMN once, although two nodes deployed it at the same start and node B again after its restart
        assertThat(count("workflow", "select count(*) from act_re_deployment")).isEqualTo(1);
        assertThat(count("workflow", "select count(*) from act_re_procdef")).isEqualTo(
                count("workflow", "select count(distinct key_) from act_re_procdef"));

        Measurement after = Measurement.take();
        Measurement.write(before, after, FLOWS, seconds, lockedByKilledNode, jobsPerNode);
    }

    @Test
    void aScheduledDisclosureIsPublishedOnceAlthoughBothTaskServiceNodesRunTheJob() throws Exception {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", "定期公布测试规划 " + UUID.randomUUID(), "issuingBodies", List.of("北京市人民政府"),
                        "periodStart", 2021, "periodEnd", 2025))
                .when().post(taskA.url() + "/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(supervisor).header("If-Match", "W/\"0\"")
                .when().post(taskB.url() + "/api/plans/" + planId + "/confirmation").then().statusCode(200);
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("interval", "MONTHLY", "enabled", true))
                .when().put(taskA.url() + "/api/plans/" + planId + "/disclosure-schedule").then().statusCode(200);

        eventually("the scheduled snapshot", () -> scheduledSnapshots(planId) > 0 ? true : null);
        // a few more runs of both nodes' job in the same month
        Thread.sleep(6_000);
        assertThat(scheduledSnapshots(planId)).isEqualTo(1);
        assertThat(count("task", "select count(*) from audit_entry where action = 'disclosure.published' and "
                + "after_state ->> 'planId' = '" + planId + "'")).isEqualTo(1);
        for (ServiceProcess node : List.of(taskA, taskB)) {
            assertThat(Files.readString(node.log())).doesNotContain("scheduled disclosure of plan " + planId);
        }
    }

    @Test
    void anIdempotentCallSentToBothTaskServiceNodesTakesEffectOnce() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = TestPlans.confirmedPlan(taskA.url(), supervisor, "幂等测试规划");
        long taskId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", "幂等测试任务", "leadDepartmentCode", "haidian"))
                .when().post(taskA.url() + "/api/plans/" + planId + "/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String service = KeycloakTokens.serviceAccountToken();
        String key = "two-nodes-" + UUID.randomUUID();

        // the same step's attempts reaching both nodes at once, as retries after a lost answer would
        List<String> statuses = parallel(8, i -> given().auth().oauth2(service).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(Map.of("departmentCode", "haidian", "acceptedBy", DemoUsers.STAFF_HAIDIAN))
                .when().put(task(i).url() + "/api/tasks/" + taskId + "/acceptance")
                .then().statusCode(200).extract().jsonPath().getString("status"));

        assertThat(statuses).containsOnly("ACCEPTED");
        assertThat(count("task", "select count(*) from audit_entry where action = 'task.accepted' and entity_id = '"
                + taskId + "'")).isEqualTo(1);
        given().auth().oauth2(supervisor).when().get(taskB.url() + "/api/audit/verify").then().statusCode(200);
    }

    // --- driving ---------------------------------------------------------------------------------------------

    private static ServiceProcess task(int i) {
        return i % 2 == 0 ? taskA : taskB;
    }

    private static ServiceProcess workflow(int i) {
        return i % 2 == 0 ? workflowA : workflowB;
    }

    private static <T> List<T> parallel(IntFunction<T> step) {
        return parallel(FLOWS, step);
    }

    private static <T> List<T> parallel(int n, IntFunction<T> step) {
        List<CompletableFuture<T>> futures = IntStream.range(0, n)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> step.apply(i), CLIENTS)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static Object accept(String token, ServiceProcess node, String itemId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(node.url() + "/api/inbox/" + itemId + "/complete").then().statusCode(200);
    }

    /** Plan task id → inbox item id of every open item the caller sees at that activity of that process. */
    private static Map<Long, String> inboxItems(String token, String processKey, String activity) {
        Map<Long, String> items = new HashMap<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> some = given().auth().oauth2(token).queryParam("processKey", processKey)
                    .queryParam("activity", activity).queryParam("size", 100).queryParam("page", page)
                    .when().get(workflowA.url() + "/api/inbox").then().statusCode(200).extract().jsonPath().getList("items");
            some.forEach(i -> items.put(((Number) i.get("taskId")).longValue(), (String) i.get("id")));
            if (some.size() < 100) {
                return items;
            }
        }
    }

    /** The map if it has every one of the keys, else null (to wait for). */
    private static Map<Long, String> complete(Map<Long, String> items, List<Long> keys) {
        return items.keySet().containsAll(keys) ? items : null;
    }

    /** The plan's scheduled snapshots as the public sees them (a plan never published answers 404). */
    private static long scheduledSnapshots(long planId) {
        var response = given().when().get(taskB.url() + "/api/public/plans/" + planId + "/snapshots");
        if (response.statusCode() == 404) {
            return 0;
        }
        List<String> triggers = response.then().statusCode(200).extract().jsonPath().getList("trigger");
        return triggers.stream().filter("SCHEDULED"::equals).count();
    }

    /** Prints how far the flows have come, for reading a slow run's log. */
    private static void phase(long started, String what) {
        System.out.printf("[two-nodes] %6.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
    }

    // --- the databases ---------------------------------------------------------------------------------------

    /** Sets the due time of the waiting ladder timers at an activity to now, as ManagementService#setJobDuedate does. */
    private static void moveTimersToNow(String activityId) throws SQLException {
        try (Connection wf = E2eDatabases.workflowConnection(); PreparedStatement update = wf.prepareStatement(
                "update act_ru_job set duedate_ = now() - interval '1 second', rev_ = rev_ + 1 where lock_owner_ is null "
                        + "and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ? and proc_def_key_ = 'milestone-reporting')")) {
            update.setString(1, activityId);
            assertThat(update.executeUpdate()).as("timers moved at " + activityId).isEqualTo(FLOWS);
        }
    }

    private static long timers(String activityId) {
        return count("workflow", "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ where d.act_id_ = '"
                + activityId + "'");
    }

    /** Process instances notified of this kind (whatever the number of recipients). */
    private static long notificationOccasions(String kind) {
        return count("workflow", "select count(distinct process_instance_id) from luoshi_notification where kind = '" + kind + "'");
    }

    private static long count(String database, String sql) {
        try (Connection c = "task".equals(database) ? E2eDatabases.taskConnection() : E2eDatabases.workflowConnection()) {
            return E2eDatabases.scalar(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Map<String, Long> groupCount(String database, String sql) {
        try (Connection c = "task".equals(database) ? E2eDatabases.taskConnection() : E2eDatabases.workflowConnection();
                ResultSet rows = c.createStatement().executeQuery(sql)) {
            Map<String, Long> result = new LinkedHashMap<>();
            while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void startTogether(ServiceProcess first, ServiceProcess second) {
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> start(first), CLIENTS);
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> start(second), CLIENTS);
        a.join();
        b.join();
    }

    private static void start(ServiceProcess node) {
        try {
            node.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Table sizes of both databases and the nodes' CPU time and memory at one moment. */
    private record Measurement(Map<String, Long> tableBytes, Map<String, Long> tableRows, Map<String, long[]> nodes) {
        static Measurement take() throws IOException {
            Map<String, Long> bytes = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String db : List.of("task", "workflow")) {
                groupCount(db, "select relname, pg_total_relation_size(oid) from pg_class where relkind = 'r' "
                        + "and relnamespace = 'public'::regnamespace").forEach((t, b) -> bytes.put(db + "." + t, b));
                groupCount(db, "select relname, n_live_tup from pg_stat_user_tables").forEach((t, n) -> rows.put(db + "." + t, n));
            }
            Map<String, long[]> nodes = new LinkedHashMap<>();
            for (ServiceProcess node : List.of(taskA, taskB, workflowA, workflowB)) {
                nodes.put(node.log().getFileName().toString(), ProcStats.of(node.pid()));
            }
            // the PostgreSQL backends serving the nodes' connection pools (long-lived, so their CPU time adds up)
            for (String db : List.of("task", "workflow")) {
                long[] sum = new long[3];
                for (Long pid : groupCount(db, "select pid::text, pid from pg_stat_activity where datname = current_database() "
                        + "and pid <> pg_backend_pid()").values()) {
                    long[] one = ProcStats.of(pid);
                    for (int i = 0; i < 3; i++) {
                        sum[i] += one[i];
                    }
                }
                nodes.put("postgres-backends-" + db, sum);
            }
            return new Measurement(bytes, rows, nodes);
        }

        static void write(Measurement before, Measurement after, int flows, double seconds, long lockedByKilledNode,
                Map<String, Long> jobsPerNode) throws IOException {
            StringBuilder out = new StringBuilder();
            out.append("flows=").append(flows).append(" seconds=").append(String.format("%.1f", seconds))
                    .append(" jobsLockedByKilledNode=").append(lockedByKilledNode).append(" jobsPerNode=").append(jobsPerNode)
                    .append('\n');
            out.append("# table\tbytes_before\tbytes_after\tbytes_per_flow\trows_after(n_live_tup)\n");
            after.tableBytes().forEach((table, bytes) -> {
                long was = before.tableBytes().getOrDefault(table, 0L);
                out.append(table).append('\t').append(was).append('\t').append(bytes).append('\t')
                        .append((bytes - was) / flows).append('\t').append(after.tableRows().getOrDefault(table, -1L)).append('\n');
            });
            out.append("# node\tcpu_ms_before\tcpu_ms_after\trss_kb_after\trss_peak_kb\n");
            after.nodes().forEach((node, stats) -> {
                long[] was = before.nodes().get(node);
                out.append(node).append('\t').append(was[0]).append('\t').append(stats[0]).append('\t').append(stats[1])
                        .append('\t').append(stats[2]).append('\n');
            });
            Path file = Path.of(System.getProperty("luoshi.repo", "..")).resolve("deploy/target/two-nodes-measurements.txt");
            Files.writeString(file, out);
            System.out.print(out);
        }
    }
}
