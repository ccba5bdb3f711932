package org.luoshi.workflow;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.testsupport.RawHttp;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A body over the service's limit gets a problem+json 413 naming the limit, readable by the web app's origin. */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class BodyLimitTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedAsAProblemWithoutBeingRead() throws Exception {
        String answer = RawHttp.exchange(base.getPort(), "POST /api/inbox/1/complete HTTP/1.1\n"
                + "Host: localhost\n"
                + "Origin: http://localhost:8080\n"
                + "Content-Type: application/json\n"
                + "Content-Length: " + (64L * 1024 * 1024) + "\n",
                "{\"decision\":\"".getBytes(StandardCharsets.UTF_8));
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer, containsString("content-type: application/problem+json"));
        assertThat(answer.toLowerCase(), containsString("access-control-allow-origin: http://localhost:8080"));
        JsonPath problem = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.getInt("status"), equalTo(413));
        assertThat(problem.getString("type"), equalTo("https://luoshi.org/problems/too-large"));
        assertThat(problem.getString("detail"), containsString("at most 10 MB"));
    }

    /**
     * Without Content-Length nothing can be checked up front: the body is stopped while it streams, once past the
     * limit, with the same problem as one announced too large, and the connection closes (the rest is not read).
     */
    @Test
    void aChunkedBodyOverTheLimitIsStoppedWhileItStreamsWithTheSameProblem() throws Exception {
        String answer = RawHttp.chunked(base.getPort(), "POST /api/inbox/1/complete HTTP/1.1\n"
                + "Host: localhost\n"
                + "Origin: http://localhost:8080\n"
                + "Authorization: Bearer " + KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN) + "\n"
                + "Content-Type: application/json\n", 12 * 16, 64 * 1024, (byte) ' ');
        assertThat(answer, startsWith("HTTP/1.1 413"));
        assertThat(answer.toLowerCase(), containsString("connection: close"));
        assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
        assertThat(answer.toLowerCase(), containsString("access-control-allow-origin: http://localhost:8080"));
        JsonPath problem = JsonPath.from(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.getInt("status"), equalTo(413));
        assertThat(problem.getString("type"), equalTo("https://luoshi.org/problems/too-large"));
        assertThat(problem.getString("detail"), containsString("at most 10 MB"));
    }
}
