package org.luoshi.workflow.taskservice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.stub.InjectTaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The service account's token: renewed before it expires (not sent in its last seconds), and renewed and the call made
 * once more when task-service answers 401 (a request's check or a process step's call: both go through
 * {@code ServiceToken}) — the call then neither fails nor waits for a retry. The token endpoint is a
 * stub here whose tokens live as long as the test says, so nothing waits for a real expiry.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
@WithTestResource(ServiceTokenTest.TokenEndpoint.class)
class ServiceTokenTest {

    @InjectTaskServiceStub
    TaskServiceStub taskService;

    /** Hands out tokens svc-1, svc-2, … living {@link #lifetimeSeconds} each. */
    public static class TokenEndpoint implements QuarkusTestResourceLifecycleManager {
        static final AtomicInteger ISSUED = new AtomicInteger();
        static volatile int lifetimeSeconds = 3600;
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/token", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    byte[] body = ("{\"access_token\":\"svc-" + ISSUED.incrementAndGet() + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":" + lifetimeSeconds + "}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("quarkus.oidc-client.auth-server-url", url, "quarkus.oidc-client.discovery-enabled", "false",
                    "quarkus.oidc-client.token-path", "/token");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    /** The tokens task-service saw for the task, in order. */
    private List<String> tokensSeenFor(long taskId) {
        return taskService.requestsFor(taskId).stream().map(TaskServiceStub.RecordedRequest::bearerToken).toList();
    }

    @Test
    void aTokenCloseToItsExpiryIsRenewedBeforeItIsSent() {
        TokenEndpoint.lifetimeSeconds = 30; // shorter than the 60 s before expiry at which a token is renewed
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "令牌续期");
        assign(taskId, "haidian");
        assign(taskId, "chaoyang");
        List<String> tokens = tokensSeenFor(taskId);
        assertEquals(2, tokens.size(), "two reads of the task");
        assertNotEquals(tokens.get(0), tokens.get(1), "the second read did not reuse a token about to expire");
        TokenEndpoint.lifetimeSeconds = 3600;
    }

    @Test
    void aTokenTaskServiceRefusesIsRenewedAndTheCallMadeOnceMore() {
        TokenEndpoint.lifetimeSeconds = 3600;
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "令牌被拒");
        String pi = assign(taskId, "haidian").getString("processInstanceId");
        String item = WorkflowApi.awaitInboxItem(DemoUsers.STAFF_HAIDIAN, pi, "acceptTask").get("id").toString();
        // whatever token the acceptance bears (listing the inbox may already have renewed the first one, asking
        // task-service for the departments' names), task-service refuses it as it refuses a token that expired on the way
        taskService.refuseNextAcceptance(taskId);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/inbox/" + item + "/complete").then().statusCode(200);
        WorkflowApi.awaitProcess(pi, "accepted", s -> s.getBoolean("ended"));

        // the acceptance's check, made as the item completes, went through; the acceptance itself was refused once
        assertEquals(1, taskService.requests("POST", "/api/tasks/" + taskId + "/acceptance/validation").size());
        List<TaskServiceStub.RecordedRequest> acceptances = taskService.acceptanceRequests(taskId);
        assertEquals(2, acceptances.size(), "refused once with the old token, then accepted with a new one");
        assertNotEquals(acceptances.get(0).bearerToken(), acceptances.get(1).bearerToken());
        assertEquals(acceptances.get(0).idempotencyKey(), acceptances.get(1).idempotencyKey(), "the same change, once");
        assertEquals(0, WorkflowApi.incidentsOf(pi).getList("items").size(), "no incident");
    }
}
