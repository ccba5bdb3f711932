package org.luoshi.workflow.milestone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * task-service as the milestone contract describes it: tasks with lead/co-departments and milestones, acceptance, and
 * the idempotent report and decision PUTs (the same key again answers the first result). Records every request.
 */
public class MilestoneServiceStub {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TASK = Pattern.compile("/api/tasks/(\\d+)");
    private static final Pattern ACCEPTANCE = Pattern.compile("/api/tasks/(\\d+)/acceptance");
    private static final Pattern REPORT = Pattern.compile("/api/milestones/(\\d+)/reports/([^/]+)");
    private static final Pattern ACCEPTANCE_CHECK = Pattern.compile("/api/tasks/(\\d+)/acceptance/validation");
    private static final Pattern REPORT_VALIDATION = Pattern.compile("/api/milestones/(\\d+)/reports/validation");
    private static final Pattern TRACKING = Pattern.compile("/api/milestones/tracking");
    private static final Pattern MILESTONE_TRACKING = Pattern.compile("/api/milestones/(\\d+)/tracking");
    private static final Pattern TRACKED_MILESTONES = Pattern.compile("/api/tasks/(\\d+)/tracked-milestones");
    private static final Pattern DECISION = Pattern.compile("/api/milestone-reports/([^/]+)/decision");
    private static final Pattern ADJUSTMENT = Pattern.compile("/api/adjustments/([^/]+)");
    private static final Pattern ASSESSMENT = Pattern.compile("/api/plans/(\\d+)/department-assessment");

    private final Map<Long, Map<String, Object>> tasks = new ConcurrentHashMap<>();
    private final Map<String, String> reports = new ConcurrentHashMap<>();
    private final Map<String, String> adjustments = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> adjustedTasks = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<Long, Map<String, Object>> assessments = new ConcurrentHashMap<>();
    private final Map<Long, CyclicBarrier> barriers = new ConcurrentHashMap<>();
    private final java.util.Set<Long> refusedEvidence = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> refusedAdjustments = new ConcurrentHashMap<>();
    private final java.util.Set<Long> laterRefusedEvidence = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private ExecutorService executor;

    public record Recorded(String method, String path, String authorization, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String bearerToken() {
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }
    }

    public static Map<String, Object> milestone(long id, int ordinal, String title, String dueDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("ordinal", ordinal);
        m.put("title", title);
        m.put("dueDate", dueDate);
        m.put("deliverable", "报告");
        m.put("weight", 1);
        m.put("status", "PLANNED");
        m.put("completedOn", null);
        m.put("overdue", false);
        m.put("version", 1);
        return m;
    }

    public void addTask(long id, String title, String lead, List<String> co, List<Map<String, Object>> milestones) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", id);
        task.put("planId", 1);
        task.put("reference", "三（一）1");
        task.put("title", title);
        task.put("leadDepartmentCode", lead);
        task.put("coDepartmentCodes", co);
        task.put("dueDate", "2027-12-31");
        task.put("status", "ASSIGNED");
        task.put("milestones", milestones);
        task.put("version", 1);
        tasks.put(id, task);
    }

    /** The task now belongs to this plan and stands in this status (e.g. ACCEPTED), as GET /api/tasks filters them. */
    public void place(long id, long planId, String status) {
        tasks.get(id).put("planId", planId);
        tasks.get(id).put("status", status);
    }

    /** -1: no outage planned; n ≥ 0: that many more tracking PUTs succeed, the next one answers 503, then all succeed. */
    private final java.util.concurrent.atomic.AtomicInteger trackingPutsUntilOutage = new java.util.concurrent.atomic.AtomicInteger(-1);

    /** task-service goes away once, midway through a bulk start: after {@code succeeding} more tracking PUTs, one 503. */
    public void failTrackingOnceAfter(int succeeding) {
        trackingPutsUntilOutage.set(succeeding);
    }

    /** The milestone ids of every PUT /api/milestones/tracking so far, one list per call. */
    public List<List<Long>> trackingPuts() {
        return requests.stream().filter(r -> r.method().equals("PUT") && TRACKING.matcher(r.path()).matches())
                .map(r -> { List<Long> ids = new java.util.ArrayList<>(); r.json().path("milestoneIds").forEach(i -> ids.add(i.asLong()));
                    return ids; })
                .toList();
    }

    /** Answers of PUT /api/milestones/{id}/tracking planned for a milestone, one per call, before it answers as usual. */
    private final Map<Long, java.util.Queue<Integer>> plannedTrackingAnswers = new ConcurrentHashMap<>();
    private final Map<Long, CyclicBarrier> trackingBarriers = new ConcurrentHashMap<>();

    /** The next PUT /api/milestones/{id}/tracking of the milestone answers this status (e.g. 503) and records nothing. */
    public void answerTrackingOnce(long milestoneId, int status) {
        plannedTrackingAnswers.computeIfAbsent(milestoneId, id -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(status);
    }

    /**
     * The tracking PUTs of the milestone wait up to two seconds for {@code callers} of them to arrive, then go on (alone,
     * if the others never come): callers that all reach task-service would pass it together.
     */
    public void holdTrackingOf(long milestoneId, int callers) {
        trackingBarriers.put(milestoneId, new CyclicBarrier(callers));
    }

    /** The bodies of every PUT /api/milestones/{id}/tracking of the milestone so far. */
    public List<Recorded> milestoneTrackingPuts(long milestoneId) {
        String path = "/api/milestones/" + milestoneId + "/tracking";
        return requests.stream().filter(r -> r.method().equals("PUT") && r.path().equals(path)).toList();
    }

    /** The GETs of /api/tasks/{id} so far. */
    public long taskReads(long taskId) {
        String path = "/api/tasks/" + taskId;
        return requests.stream().filter(r -> r.method().equals("GET") && r.path().equals(path)).count();
    }

    /** The milestone's tracking as task-service answers it: 404 when not of the task named, 409 when done. */
    private void trackMilestone(HttpExchange exchange, long milestoneId, String body) throws IOException {
        CyclicBarrier barrier = trackingBarriers.get(milestoneId);
        if (barrier != null) {
            try {
                barrier.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException alone) {
                // nobody else came: go on
            }
        }
        Integer planned = java.util.Optional.ofNullable(plannedTrackingAnswers.get(milestoneId)).map(java.util.Queue::poll)
                .orElse(null);
        if (planned != null) {
            send(exchange, planned, "{\"status\":" + planned + "}");
            return;
        }
        Map<String, Object> task = tasks.get(JSON.readTree(body).path("taskId").asLong());
        Map<String, Object> milestone = task == null ? null : ((List<Map<String, Object>>) task.get("milestones")).stream()
                .filter(m -> ((Number) m.get("id")).longValue() == milestoneId).findFirst().orElse(null);
        if (milestone == null) {
            send(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
        } else if ("DONE".equals(milestone.get("status"))) {
            send(exchange, 409, "{\"status\":409,\"code\":\"milestone-done\",\"detail\":\"milestone " + milestoneId
                    + " is done\"}");
        } else {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("milestoneId", milestoneId);
            answer.put("title", milestone.get("title"));
            answer.put("dueDate", milestone.get("dueDate"));
            answer.put("status", milestone.get("status"));
            answer.put("version", 1);
            answer.put("newlyTracked", true);
            answer.put("taskId", task.get("id"));
            answer.put("taskTitle", task.get("title"));
            answer.put("taskReference", task.get("reference"));
            answer.put("leadDepartmentCode", task.get("leadDepartmentCode"));
            answer.put("coDepartmentCodes", task.get("coDepartmentCodes"));
            send(exchange, 200, write(answer));
        }
    }

    /** The milestone each Idempotency-Key of POST /api/tasks/{id}/tracked-milestones added. */
    private final Map<String, Long> addedByKey = new ConcurrentHashMap<>();
    /** Tasks whose next addition is recorded but answered 503: the answer lost after task-service committed. */
    private final java.util.Set<Long> lostAdditionAnswers = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong nextAddedId = new java.util.concurrent.atomic.AtomicLong(1);

    /** The next addition to the task is recorded (milestone added and tracked) and then answered 503. */
    public void loseNextAdditionAnswer(long taskId) {
        lostAdditionAnswers.add(taskId);
    }

    /** The POSTs of /api/tasks/{id}/tracked-milestones so far. */
    public List<Recorded> trackedMilestoneAdditions(long taskId) {
        String path = "/api/tasks/" + taskId + "/tracked-milestones";
        return requests.stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).toList();
    }

    /**
     * POST /api/tasks/{id}/tracked-milestones as task-service answers it: 400 naming milestone.title / milestone.dueDate
     * (its rules are tested in task-service), 404, 409 for a task no department leads; once per Idempotency-Key
     * (201, then 200 with newlyTracked false). Synchronized: task-service serializes a key's calls.
     */
    private synchronized void addTrackedMilestone(HttpExchange exchange, long taskId, String body) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode milestone = JSON.readTree(body).path("milestone");
        Map<String, Object> task = tasks.get(taskId);
        if (milestone.path("title").asText("").isBlank() || milestone.path("dueDate").isNull()
                || milestone.path("dueDate").isMissingNode()) {
            String field = milestone.path("title").asText("").isBlank() ? "milestone.title" : "milestone.dueDate";
            send(exchange, 400, write(Map.of("type", "https://luoshi.org/problems/validation", "title", "Invalid request",
                    "status", 400, "errors", List.of(Map.of("field", field, "message", "must not be blank", "code", "required")))));
            return;
        }
        if (task == null) {
            send(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
            return;
        }
        if ("DRAFT".equals(task.get("status")) || task.get("leadDepartmentCode") == null) {
            send(exchange, 409, "{\"status\":409,\"code\":\"task.not-trackable\",\"detail\":\"task " + taskId
                    + " is " + task.get("status") + "\"}");
            return;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> milestones = (List<Map<String, Object>>) task.get("milestones");
        Long earlier = key == null ? null : addedByKey.get(key);
        Map<String, Object> added;
        if (earlier == null) {
            added = milestone(taskId * 100 + nextAddedId.getAndIncrement(), milestones.size() + 1,
                    milestone.path("title").asText(), milestone.path("dueDate").asText());
            added.put("tracked", true);
            milestones.add(added);
            if (key != null) {
                addedByKey.put(key, (Long) added.get("id"));
            }
        } else {
            added = milestones.stream().filter(m -> ((Number) m.get("id")).longValue() == earlier).findFirst().orElseThrow();
        }
        if (lostAdditionAnswers.remove(taskId)) {
            send(exchange, 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("milestoneId", added.get("id"));
        answer.put("title", added.get("title"));
        answer.put("dueDate", added.get("dueDate"));
        answer.put("status", added.get("status"));
        answer.put("version", 0);
        answer.put("newlyTracked", earlier == null);
        answer.put("taskId", taskId);
        answer.put("taskTitle", task.get("title"));
        answer.put("taskReference", task.get("reference"));
        answer.put("leadDepartmentCode", task.get("leadDepartmentCode"));
        answer.put("coDepartmentCodes", task.get("coDepartmentCodes"));
        send(exchange, earlier == null ? 201 : 200, write(answer));
    }

    /** How the task stands after any adjustment of it (the answer's {@code after}); by default as it was. */
    public void afterAdjustment(long id, Map<String, Object> task) {
        adjustedTasks.put(id, task);
    }

    /**
     * The next {@code readers} reads of the task wait for each other (at most 10 s), so that as many callers pass the
     * read at the same moment: a race the tracking must survive. Later reads do not wait.
     */
    public void holdReadsOf(long id, int readers) {
        barriers.put(id, new CyclicBarrier(readers, () -> barriers.remove(id)));
    }

    /** From now on a report citing this evidence is refused with 400, as task-service refuses another milestone's file. */
    /** From now on task-service's check of an adjustment of this task answers 400 naming {@code field}. */
    public void refuseAdjustments(long taskId, String field) {
        refusedAdjustments.put(taskId, field);
    }

    /** From now on task-service's check of an adjustment of this task passes again. */
    public void acceptAdjustments(long taskId) {
        refusedAdjustments.remove(taskId);
    }

    public void refuseEvidence(long evidenceId) {
        refusedEvidence.add(evidenceId);
    }

    /**
     * From now on a report citing this evidence passes the validation but is refused with 400 when recorded: the file
     * was removed, or moved to another milestone, between the two.
     */
    public void refuseEvidenceWhenRecorded(long evidenceId) {
        laterRefusedEvidence.add(evidenceId);
    }

    private static boolean citesRefusedEvidence(String body, java.util.Set<Long> refused) throws IOException {
        for (JsonNode id : JSON.readTree(body).path("evidenceIds")) {
            if (refused.contains(id.asLong())) {
                return true;
            }
        }
        return false;
    }

    /** The task as added. */
    public Map<String, Object> task(long id) {
        return tasks.get(id);
    }

    public List<Recorded> reportPuts(long milestoneId) {
        String prefix = "/api/milestones/" + milestoneId + "/reports/";
        return requests.stream().filter(r -> r.method().equals("PUT") && r.path().startsWith(prefix)).toList();
    }

    public List<Recorded> decisionPuts(String processInstanceId) {
        String prefix = "/api/milestone-reports/" + processInstanceId + ":";
        return requests.stream().filter(r -> r.method().equals("PUT") && r.path().startsWith(prefix)).toList();
    }

    /** The PUTs of /api/adjustments/{key} with that key. */
    public List<Recorded> adjustmentPuts(String adjustmentKey) {
        String path = "/api/adjustments/" + adjustmentKey;
        return requests.stream().filter(r -> r.method().equals("PUT") && r.path().equals(path)).toList();
    }

    /** task-service's 考核 answer for the plan (GET /api/plans/{id}/department-assessment), whatever the period. */
    public void assessment(long planId, Map<String, Object> answer) {
        assessments.put(planId, answer);
    }

    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(new Recorded(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
            Matcher task = TASK.matcher(path);
            Matcher acceptance = ACCEPTANCE.matcher(path);
            Matcher report = REPORT.matcher(path);
            Matcher decision = DECISION.matcher(path);
            Matcher adjustment = ADJUSTMENT.matcher(path);
            if (method.equals("GET") && task.matches() && barriers.containsKey(Long.parseLong(task.group(1)))) {
                try {
                    barriers.get(Long.parseLong(task.group(1))).await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IOException("the readers did not meet", e);
                }
            }
            if (method.equals("GET") && path.equals("/api/departments")) {
                send(exchange, 200, write(departments()));
            } else if ((method.equals("GET") && task.matches()) || (method.equals("PUT") && acceptance.matches())) {
                Map<String, Object> t = tasks.get(Long.parseLong(task.matches() ? task.group(1) : acceptance.group(1)));
                if (t == null) {
                    send(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                } else {
                    send(exchange, 200, JSON.writeValueAsString(t));
                }
            } else if (method.equals("POST") && ACCEPTANCE_CHECK.matcher(path).matches()) {
                Matcher check = ACCEPTANCE_CHECK.matcher(path);
                check.matches();
                if (tasks.get(Long.parseLong(check.group(1))) == null) {
                    send(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
            } else if (method.equals("POST") && path.equals("/api/adjustments/validation")) {
                Map<String, Object> request = JSON.readValue(body, Map.class);
                long taskId = ((Number) request.get("taskId")).longValue();
                String refusedField = refusedAdjustments.get(taskId);
                if (tasks.get(taskId) == null) {
                    send(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                } else if (refusedField != null) {
                    send(exchange, 400, write(Map.of("type", "https://luoshi.org/problems/validation", "title", "Invalid request",
                            "status", 400, "errors", List.of(Map.of("field", refusedField, "message", "milestone is already done")))));
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
            } else if (method.equals("POST") && REPORT_VALIDATION.matcher(path).matches()) {
                if (citesRefusedEvidence(body, refusedEvidence)) {
                    sendRefusal(exchange, path);
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
            } else if (method.equals("PUT") && TRACKING.matcher(path).matches()
                    && trackingPutsUntilOutage.getAndUpdate(n -> n < 0 ? n : n - 1) == 0) {
                send(exchange, 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
            } else if (method.equals("PUT") && TRACKING.matcher(path).matches()) {
                int requested = JSON.readTree(body).path("milestoneIds").size();
                send(exchange, 200, "{\"requested\":" + requested + ",\"newlyTracked\":" + requested + "}");
            } else if (method.equals("PUT") && MILESTONE_TRACKING.matcher(path).matches()) {
                Matcher tracking = MILESTONE_TRACKING.matcher(path);
                tracking.matches();
                trackMilestone(exchange, Long.parseLong(tracking.group(1)), body);
            } else if (method.equals("POST") && TRACKED_MILESTONES.matcher(path).matches()) {
                Matcher added = TRACKED_MILESTONES.matcher(path);
                added.matches();
                addTrackedMilestone(exchange, Long.parseLong(added.group(1)), body);
            } else if (method.equals("GET") && path.equals("/api/tasks")) {
                send(exchange, 200, write(tasksPage(exchange.getRequestURI().getQuery())));
            } else if (method.equals("PUT") && report.matches()
                    && (citesRefusedEvidence(body, refusedEvidence) || citesRefusedEvidence(body, laterRefusedEvidence))) {
                sendRefusal(exchange, path);
            } else if (method.equals("PUT") && report.matches()) {
                String key = java.net.URLDecoder.decode(report.group(2), StandardCharsets.UTF_8);
                Map<String, Object> answer = new LinkedHashMap<>(JSON.readValue(body, Map.class));
                answer.put("reportKey", key);
                answer.put("milestoneId", Long.parseLong(report.group(1)));
                send(exchange, 200, reports.computeIfAbsent(key, k -> write(answer)));
            } else if (method.equals("PUT") && decision.matches()) {
                String key = java.net.URLDecoder.decode(decision.group(1), StandardCharsets.UTF_8);
                Map<String, Object> answer = new LinkedHashMap<>(JSON.readValue(body, Map.class));
                answer.put("reportKey", key);
                send(exchange, 200, write(answer));
            } else if (method.equals("PUT") && adjustment.matches()) {
                // idempotent by key: the same key again answers the first result (revision 1, as task-service's first)
                String key = java.net.URLDecoder.decode(adjustment.group(1), StandardCharsets.UTF_8);
                Map<String, Object> request = JSON.readValue(body, Map.class);
                Map<String, Object> before = tasks.get(((Number) request.get("taskId")).longValue());
                if (before == null) {
                    send(exchange, 404, "{\"status\":404,\"title\":\"Not found\"}");
                    return;
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("adjustmentKey", key);
                answer.put("taskId", request.get("taskId"));
                answer.put("revision", 1);
                answer.put("before", before);
                answer.put("after", adjustedTasks.getOrDefault(((Number) request.get("taskId")).longValue(), before));
                send(exchange, 200, adjustments.computeIfAbsent(key, k -> write(answer)));
            } else if (method.equals("GET") && ASSESSMENT.matcher(path).matches()) {
                Matcher plan = ASSESSMENT.matcher(path);
                plan.matches();
                Map<String, Object> answer = assessments.get(Long.parseLong(plan.group(1)));
                send(exchange, answer == null ? 404 : 200, answer == null ? "{\"status\":404,\"title\":\"Not found\"}"
                        : write(answer));
            } else {
                send(exchange, 405, "{\"status\":405}");
            }
        }
    }

    /** GET /api/tasks?planId=&status=&page=&size= over the stub's tasks, in id order (sectionId is not modelled). */
    private Map<String, Object> tasksPage(String query) {
        Map<String, String> q = new java.util.HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        List<Map<String, Object>> matching = tasks.values().stream()
                .filter(t -> String.valueOf(t.get("planId")).equals(q.get("planId")))
                .filter(t -> q.get("status") == null || q.get("status").equals(t.get("status")))
                .sorted(java.util.Comparator.comparingLong(t -> ((Number) t.get("id")).longValue())).toList();
        int page = Integer.parseInt(q.getOrDefault("page", "0"));
        int size = Integer.parseInt(q.getOrDefault("size", "20"));
        List<Map<String, Object>> items = matching.stream().skip((long) page * size).limit(size).toList();
        return Map.of("items", items, "page", page, "size", size, "total", matching.size());
    }

    /** task-service's departments, as the repository lists them (docs/departments.tsv). */
    static List<Map<String, Object>> departments() throws IOException {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/departments.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                all.add(Map.of("code", f[0], "nameZh", f[1], "nameEn", f[2], "kind", f[3]));
            }
        }
        return all;
    }

    /** task-service's 400 for evidence that is not a file of the milestone (as MilestoneReportService words it). */
    private static void sendRefusal(HttpExchange exchange, String path) throws IOException {
        String message = "evidence is not a file of milestone " + path.split("/")[3];
        send(exchange, 400, write(Map.of("type", "https://luoshi.org/problems/validation", "title", "Invalid request",
                "status", 400, "detail", "evidenceIds[0]: " + message,
                "errors", List.of(Map.of("field", "evidenceIds[0]", "message", message)))));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
