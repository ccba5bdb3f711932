package org.luoshi.workflow.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for task-service (JDK HTTP server on a random port) that knows the tasks a test registers, answers
 * {@code PUT /api/tasks/{id}/acceptance}, {@code …/reassignment} and {@code …/withdrawal} with 200 or with a status the
 * test chose, and records every request.
 * Tests use their own task ids, so they do not see each other's requests.
 */
public class TaskServiceStub {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TASK = Pattern.compile("/api/tasks/(\\d+)");
    private static final Pattern ACCEPTANCE = Pattern.compile("/api/tasks/(\\d+)/acceptance");
    private static final Pattern ACCEPTANCE_CHECK = Pattern.compile("/api/tasks/(\\d+)/acceptance/validation");
    private static final Pattern RETURN_DECISION = Pattern.compile("/api/tasks/(\\d+)/(reassignment|withdrawal)");

    private final Map<Long, String> titles = new ConcurrentHashMap<>();
    private final java.util.Set<Long> ofDraftPlans = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> acceptanceStatus = new ConcurrentHashMap<>();
    private final Map<Long, Integer> returnDecisionStatus = new ConcurrentHashMap<>();
    private final java.util.Set<String> refusedTokens = ConcurrentHashMap.newKeySet();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    /** A request as the stub received it. */
    public record RecordedRequest(String method, String path, String authorization, String idempotencyKey, String body) {
        public String bearerToken() {
            return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        }
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

    /** task-service knows this task from now on; acceptances are answered 200. */
    /** A task of a plan still in draft (task-service answers it with planStatus DRAFT). */
    public void addTaskOfDraftPlan(long id, String title) {
        ofDraftPlans.add(id);
        titles.put(id, title);
    }

    public void addTask(long id, String title) {
        titles.put(id, title);
        acceptanceStatus.remove(id);
    }

    /** From now on PUT .../acceptance of this task is answered with the given status (e.g. 503). */
    public void failAcceptance(long id, int status) {
        acceptanceStatus.put(id, status);
    }

    /** From now on PUT .../acceptance of this task succeeds again. */
    public void acceptNormally(long id) {
        acceptanceStatus.remove(id);
    }

    public List<RecordedRequest> acceptanceRequests(long id) {
        String path = "/api/tasks/" + id + "/acceptance";
        return requests.stream().filter(r -> r.method().equals("PUT") && r.path().equals(path)).toList();
    }

    private final java.util.Set<Long> refusedAcceptances = ConcurrentHashMap.newKeySet();

    /** The next acceptance of the task is answered 401, whatever token it bears, as task-service answers an expired one. */
    public void refuseNextAcceptance(long taskId) {
        refusedAcceptances.add(taskId);
    }

    /** From now on a request bearing this token is answered 401, as task-service answers an expired one. */
    public void refuseToken(String token) {
        refusedTokens.add(token);
    }

    /** The requests with this method and path. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** From now on PUT .../reassignment and .../withdrawal of this task are answered with the given status (e.g. 409). */
    public void failReturnDecision(long id, int status) {
        returnDecisionStatus.put(id, status);
    }

    /** From now on PUT .../reassignment and .../withdrawal of this task succeed again. */
    public void recordReturnDecisionsNormally(long id) {
        returnDecisionStatus.remove(id);
    }

    public List<RecordedRequest> requestsFor(long id) {
        String prefix = "/api/tasks/" + id;
        return requests.stream().filter(r -> r.path().equals(prefix) || r.path().startsWith(prefix + "/")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            requests.add(new RecordedRequest(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));

            Matcher task = TASK.matcher(path);
            Matcher acceptance = ACCEPTANCE.matcher(path);
            String bearer = new RecordedRequest(method, path, exchange.getRequestHeaders().getFirst("Authorization"), null, null)
                    .bearerToken();
            if ((bearer != null && refusedTokens.contains(bearer))
                    || (acceptance.matches() && refusedAcceptances.remove(Long.parseLong(acceptance.group(1))))) {
                send(exchange, 401, "application/problem+json", "{\"status\":401,\"title\":\"Unauthorized\"}");
            } else if (method.equals("GET") && task.matches()) {
                long id = Long.parseLong(task.group(1));
                String title = titles.get(id);
                if (title == null) {
                    notFound(exchange, id);
                } else {
                    send(exchange, 200, "application/json", taskJson(id, title, ofDraftPlans.contains(id) ? "DRAFT" : "ASSIGNED", null));
                }
            } else if (method.equals("POST") && ACCEPTANCE_CHECK.matcher(path).matches()) {
                // the check passes for every known task: a stubbed refusal of the acceptance itself stands for a
                // task that changed between the department's decision and its recording
                Matcher check = ACCEPTANCE_CHECK.matcher(path);
                check.matches();
                long id = Long.parseLong(check.group(1));
                if (titles.get(id) == null) {
                    notFound(exchange, id);
                } else {
                    exchange.sendResponseHeaders(204, -1);
                }
            } else if (method.equals("PUT") && acceptance.matches()) {
                long id = Long.parseLong(acceptance.group(1));
                String title = titles.get(id);
                Integer failure = acceptanceStatus.get(id);
                if (title == null) {
                    notFound(exchange, id);
                } else if (failure != null) {
                    send(exchange, failure, "application/problem+json", JSON.writeValueAsString(Map.of(
                            "type", "https://luoshi.org/problems/http-" + failure, "title", "Stubbed failure", "status", failure)));
                } else {
                    String acceptedBy = JSON.readTree(body).path("acceptedBy").asText(null);
                    send(exchange, 200, "application/json", taskJson(id, title, "ACCEPTED", acceptedBy));
                }
            } else if (method.equals("PUT") && RETURN_DECISION.matcher(path).matches()) {
                Matcher decision = RETURN_DECISION.matcher(path);
                decision.matches();
                long id = Long.parseLong(decision.group(1));
                Integer failure = returnDecisionStatus.get(id);
                if (titles.get(id) == null) {
                    notFound(exchange, id);
                } else if (failure != null) {
                    send(exchange, failure, "application/problem+json", JSON.writeValueAsString(Map.of(
                            "type", "https://luoshi.org/problems/conflict", "title", "Conflict", "status", failure,
                            "detail", "task " + id + " is ACCEPTED, not waiting to be accepted")));
                } else {
                    boolean withdrawn = decision.group(2).equals("withdrawal");
                    send(exchange, 200, "application/json", taskJson(id, titles.get(id), withdrawn ? "DRAFT" : "ASSIGNED", null));
                }
            } else {
                send(exchange, 405, "text/plain", "not stubbed: " + method + " " + path);
            }
        }
    }

    private static String taskJson(long id, String title, String status, String acceptedBy) throws IOException {
        Map<String, Object> task = new java.util.LinkedHashMap<>();
        task.put("id", id);
        task.put("planId", 1);
        task.put("planStatus", "DRAFT".equals(status) ? "DRAFT" : "IN_FORCE");
        // even ids stand in section 三（一）, odd ones in 三（二）
        task.put("reference", "三（" + (id % 2 == 0 ? "一" : "二") + "）" + id);
        task.put("title", title);
        task.put("leadDepartmentCode", null);
        task.put("status", status);
        task.put("acceptedBy", acceptedBy);
        task.put("acceptedAt", acceptedBy == null ? null : "2026-11-26T08:00:00Z");
        return JSON.writeValueAsString(task);
    }

    private static void notFound(HttpExchange exchange, long id) throws IOException {
        send(exchange, 404, "application/problem+json", JSON.writeValueAsString(Map.of(
                "type", "https://luoshi.org/problems/not-found", "title", "Not found", "status", 404,
                "detail", "Task " + id + " not found")));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
