package org.luoshi.workflow.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * task-service's evaluation API as docs/evaluation-and-disclosure.md describes it: organisations, plans, creating an
 * evaluation (idempotent by key: the same key again answers the same evaluation), self-assessment writes, submission
 * (409 unless the reports are current, as task-service does), review and publication; the proposals an approval raises
 * (those a test added), their check and their decision, decided once (409 proposal.decided) and idempotent by key.
 * Records every request; answers 503 to the paths a test makes fail.
 */
public class EvaluationServiceStub {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAN = Pattern.compile("/api/plans/(\\d+)");
    private static final Pattern EVALUATION = Pattern.compile("/api/evaluations/(\\d+)");
    private static final Pattern SELF_ASSESSMENT = Pattern.compile("/api/evaluations/(\\d+)/self-assessments/([^/]+)");
    private static final Pattern TRANSITION = Pattern.compile("/api/evaluations/(\\d+)/(submission|review|publication)");
    private static final Pattern PROPOSALS = Pattern.compile("/api/evaluations/(\\d+)/proposals");
    private static final Pattern PROPOSAL = Pattern.compile("/api/evaluation-proposals/(\\d+)(/decision(/validation)?)?");

    private final Map<Long, Map<String, Object>> plans = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> evaluations = new ConcurrentHashMap<>();
    private final Map<String, Long> createdByKey = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> proposals = new ConcurrentHashMap<>();
    private final Map<String, Long> decidedByKey = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<String> failing = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private HttpServer server;
    private ExecutorService executor;

    public record Recorded(String method, String path, String idempotencyKey, String authorization, String body) {
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

    /** A plan in force whose evaluations cover these departments. */
    public void addPlan(long id, String title, List<String> departments) {
        addPlan(id, title, departments, "IN_FORCE");
    }

    /** A plan in the given status (DRAFT, IN_FORCE, CLOSED). */
    public void addPlan(long id, String title, List<String> departments, String status) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id);
        plan.put("title", title);
        plan.put("status", status);
        plan.put("departments", departments);
        plans.put(id, plan);
    }

    /**
     * An OPEN proposal of the evaluation, as task-service raises it on approval, about the task (or, with a null
     * task, the indicator {@code indicatorId}); answers its id.
     */
    public long addProposal(long evaluationId, Long taskId, String taskTitle, Long indicatorId, String finding) {
        long id = ids.incrementAndGet();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("evaluationId", evaluationId);
        p.put("evaluationKind", "FINAL");
        p.put("planId", 1L);
        p.put("findingOrdinal", 1);
        p.put("finding", finding);
        p.put("justification", "末期评估报告发现1：" + finding);
        p.put("ground", taskId != null ? "TASK_BEHIND_SCHEDULE" : "INDICATOR_UNLIKELY");
        p.put("taskId", taskId);
        p.put("taskReference", taskId == null ? null : "三（一）1");
        p.put("taskTitle", taskTitle);
        p.put("indicatorId", indicatorId);
        p.put("indicatorName", indicatorId == null ? null : "研发投入强度");
        p.put("status", "OPEN");
        proposals.put(id, p);
        return id;
    }

    /** The proposal as the stub holds it now. */
    public Map<String, Object> proposal(long id) {
        return proposals.get(id);
    }

    /** Decides the proposal without workflow-service, as a direct call of task-service's endpoint would. */
    public void decideDirectly(long id, String reason) {
        proposals.get(id).put("status", "DECLINED");
        proposals.get(id).put("reason", reason);
        proposals.get(id).put("decidedBy", "luoshi-workflow");
    }

    /** From now on every request whose path starts with the prefix answers 503, until {@link #recover}. */
    public void fail(String pathPrefix) {
        failing.add(pathPrefix);
    }

    public void recover(String pathPrefix) {
        failing.remove(pathPrefix);
    }

    /** What task-service's GET /api/evaluations/{id} says about the report files. */
    public void setReportsCurrent(long evaluationId, boolean current) {
        evaluations.get(evaluationId).put("reportsCurrent", current);
    }

    public Map<String, Object> evaluation(long id) {
        return evaluations.get(id);
    }

    public List<Recorded> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
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

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Recorded(method, path, key, exchange.getRequestHeaders().getFirst("Authorization"), body));
            // the launch's check is never failed: tests fail the process's steps, not the launch that starts them
            if (failing.stream().anyMatch(path::startsWith) && !path.equals("/api/evaluations/validation")) {
                send(exchange, 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
                return;
            }
            Matcher plan = PLAN.matcher(path);
            Matcher evaluation = EVALUATION.matcher(path);
            Matcher selfAssessment = SELF_ASSESSMENT.matcher(path);
            Matcher transition = TRANSITION.matcher(path);
            Matcher ofEvaluation = PROPOSALS.matcher(path);
            Matcher proposal = PROPOSAL.matcher(path);
            if (method.equals("GET") && ofEvaluation.matches()) {
                long evaluationId = Long.parseLong(ofEvaluation.group(1));
                send(exchange, 200, write(proposals.values().stream()
                        .filter(p -> p.get("evaluationId").equals(evaluationId)).toList()));
            } else if (proposal.matches()) {
                decideProposal(exchange, method, proposal, key, body);
            } else if (method.equals("GET") && path.equals("/api/evaluation-organisations")) {
                send(exchange, 200, write(List.of(Map.of("code", "kjpg", "nameZh", "首都科技评估中心", "nameEn", "demo"),
                        Map.of("code", "zlyj", "nameZh", "创新战略研究院", "nameEn", "demo"))));
            } else if (method.equals("GET") && plan.matches()) {
                Map<String, Object> p = plans.get(Long.parseLong(plan.group(1)));
                send(exchange, p == null ? 404 : 200, p == null ? "{\"status\":404}" : write(p));
            } else if (method.equals("POST") && path.equals("/api/evaluations/validation")) {
                // as task-service's check: a draft plan (planId) or a deadline before today (selfAssessmentDue) is refused
                Map<String, Object> request = JSON.readValue(body, Map.class);
                Map<String, Object> p = plans.get(((Number) request.get("planId")).longValue());
                String field = p == null || "DRAFT".equals(p.get("status")) ? "planId"
                        : java.time.LocalDate.parse((String) request.get("selfAssessmentDue"))
                                .isBefore(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))) ? "selfAssessmentDue" : null;
                if (field == null) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, 400, write(Map.of("status", 400, "title", "Invalid request", "detail", field + " refused",
                            "errors", List.of(Map.of("field", field, "message", "refused by task-service")))));
                }
            } else if (method.equals("POST") && path.equals("/api/evaluations")) {
                if (key == null) {
                    send(exchange, 400, "{\"status\":400,\"title\":\"Idempotency-Key required\"}");
                    return;
                }
                Map<String, Object> request = JSON.readValue(body, Map.class);
                Map<String, Object> p = plans.get(((Number) request.get("planId")).longValue());
                if (p == null) {
                    send(exchange, 404, "{\"status\":404}");
                    return;
                }
                if (((List<?>) p.get("departments")).isEmpty()) {
                    // as task-service: nobody to evaluate (its tasks were unassigned after the launch was checked)
                    send(exchange, 400, write(Map.of("status", 400, "title", "Invalid request",
                            "detail", "planId: plan has no task assigned to a department yet",
                            "errors", List.of(Map.of("field", "planId", "message", "plan has no task assigned to a department yet")))));
                    return;
                }
                long id = createdByKey.computeIfAbsent(key, k -> {
                    long newId = ids.incrementAndGet();
                    Map<String, Object> e = new LinkedHashMap<>(request);
                    e.put("id", newId);
                    e.put("status", "SELF_ASSESSMENT");
                    e.put("departments", p.get("departments"));
                    e.put("snapshotSha256", "0".repeat(64));
                    e.put("reportsCurrent", false);
                    evaluations.put(newId, e);
                    return newId;
                });
                send(exchange, 201, write(evaluations.get(id)));
            } else if (method.equals("GET") && evaluation.matches()) {
                Map<String, Object> e = evaluations.get(Long.parseLong(evaluation.group(1)));
                send(exchange, e == null ? 404 : 200, e == null ? "{\"status\":404}" : write(e));
            } else if (method.equals("PUT") && selfAssessment.matches()) {
                Map<String, Object> e = evaluations.get(Long.parseLong(selfAssessment.group(1)));
                if (e == null || !"SELF_ASSESSMENT".equals(e.get("status"))) {
                    send(exchange, e == null ? 404 : 409, "{\"status\":409}");
                    return;
                }
                Map<String, Object> answer = new LinkedHashMap<>(JSON.readValue(body, Map.class));
                answer.put("departmentCode", URLDecoder.decode(selfAssessment.group(2), StandardCharsets.UTF_8));
                answer.put("status", "SUBMITTED");
                send(exchange, 200, write(answer));
            } else if (method.equals("POST") && transition.matches()) {
                Map<String, Object> e = evaluations.get(Long.parseLong(transition.group(1)));
                if (e == null) {
                    send(exchange, 404, "{\"status\":404}");
                    return;
                }
                switch (transition.group(2)) {
                    case "submission" -> {
                        if (!Boolean.TRUE.equals(e.get("reportsCurrent"))) {
                            send(exchange, 409, "{\"status\":409,\"title\":\"no current report\"}");
                            return;
                        }
                        e.put("status", "IN_REVIEW");
                    }
                    case "review" -> e.put("status",
                            "APPROVE".equals(JSON.readTree(body).path("decision").asText()) ? "APPROVED" : "RETURNED");
                    default -> e.put("status", "PUBLISHED");
                }
                send(exchange, 200, write(e));
            } else {
                send(exchange, 405, "{\"status\":405}");
            }
        }
    }

    /** GET a proposal; POST …/decision/validation (no process id asked) and …/decision (keyed, once), as task-service. */
    private void decideProposal(HttpExchange exchange, String method, Matcher path, String key, String body) throws IOException {
        Map<String, Object> p = proposals.get(Long.parseLong(path.group(1)));
        if (p == null) {
            send(exchange, 404, "{\"status\":404}");
            return;
        }
        if (method.equals("GET") && path.group(2) == null) {
            send(exchange, 200, write(p));
            return;
        }
        boolean validation = path.group(3) != null;
        if (!validation && key == null) {
            send(exchange, 400, "{\"status\":400,\"title\":\"Idempotency-Key required\"}");
            return;
        }
        if (!validation && key != null && decidedByKey.get(key) != null) {
            send(exchange, 200, write(p));
            return;
        }
        if (!"OPEN".equals(p.get("status"))) {
            send(exchange, 409, write(Map.of("status", 409, "title", "Conflict", "code", "proposal.decided",
                    "detail", "proposal " + p.get("id") + " was already decided (" + p.get("status") + ") by " + p.get("decidedBy"))));
            return;
        }
        JsonNode decision = JSON.readTree(body);
        boolean adjust = "ADJUST".equals(decision.path("decision").asText());
        String missing = decision.path("decidedBy").asText("").isBlank() ? "decidedBy"
                : !adjust && decision.path("reason").asText("").isBlank() ? "reason"
                : adjust && !validation && decision.path("adjustmentProcessId").asText("").isBlank() ? "adjustmentProcessId"
                : null;
        if (missing != null) {
            send(exchange, 400, write(Map.of("status", 400, "title", "Invalid request", "detail", missing + " required",
                    "errors", List.of(Map.of("field", missing, "message", "required", "code", "required")))));
            return;
        }
        if (validation) {
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        p.put("status", adjust ? "ADJUSTMENT_STARTED" : "DECLINED");
        p.put("reason", adjust ? null : decision.path("reason").asText());
        p.put("adjustmentProcessId", adjust ? decision.path("adjustmentProcessId").asText() : null);
        p.put("decidedBy", decision.path("decidedBy").asText());
        decidedByKey.put(key, (Long) p.get("id"));
        send(exchange, 200, write(p));
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
