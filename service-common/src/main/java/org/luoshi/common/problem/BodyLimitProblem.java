package org.luoshi.common.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose body is larger than {@code quarkus.http.limits.max-body-size} with a problem+json 413 naming
 * the limit, instead of Quarkus' bare 413, however the body comes:
 * <ul>
 * <li>with a Content-Length over the limit: refused before anything reads the body, and the connection closed after
 * answering, so the oversized body is never buffered;</li>
 * <li>chunked (no Content-Length): nothing can be checked up front. Quarkus' own check would stop the body while it
 * streams and answer a bare 413 itself, from its input stream, before any exception mapper can; so this class takes
 * that check over: {@link BodyLimitReader} counts the bytes every body reader takes and stops at the limit with this
 * problem, the multipart parser's own stop (a bare {@code WebApplicationException} 413) is mapped to it too
 * ({@link ProblemMappers}), and the connection is closed once the answer is out if the body was not read to its
 * end.</li>
 * </ul>
 *
 * <p>For a multipart request the answer also names the form field, if the service says which one carries
 * its uploads ({@code luoshi.http.body-limit.upload-field}), so that an upload form can show it next to the file.
 */
@ApplicationScoped
public class BodyLimitProblem {
    private static final Logger LOG = Logger.getLogger(BodyLimitProblem.class);
    /** After CORS (300), so that a browser can read the answer; long before Quarkus' own limit (route order -2). */
    static final int PRIORITY = 250;
    /** Route order -1: right after Quarkus' limit (order -2) has marked a chunked request for its input stream. */
    static final int STREAMING_PRIORITY = 1;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    Optional<MemorySize> maxBodySize;

    @ConfigProperty(name = "luoshi.http.body-limit.upload-field")
    Optional<String> uploadField;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentVertxRequest current;

    void register(@Observes Filters filters) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        filters.register(routing -> check(routing, limit), PRIORITY);
        filters.register(this::takeOverStreamingLimit, STREAMING_PRIORITY);
    }

    /** The limit, when there is one: what {@link BodyLimitReader} counts against. */
    Optional<Long> limit() {
        return maxBodySize.map(MemorySize::asLongValue);
    }

    private void check(RoutingContext routing, long limit) {
        String declared = routing.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1; // Vert.x itself refuses a malformed Content-Length
        }
        if (length <= limit) {
            routing.next();
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem(routing, limit, length));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LOG.infof("Refused %s %s: %d bytes declared, limit %d", routing.request().method(), routing.request().path(), length, limit);
        routing.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                // the body is still on its way: drop the connection once the answer is out, as Quarkus does
                .endHandler(done -> routing.request().connection().close())
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /**
     * A body without Content-Length: Quarkus' input stream would answer a bare 413 itself once past the limit, so its
     * mark is taken off and {@link BodyLimitReader} counts instead. An answer given before the body was read to its
     * end (a refusal) closes the connection, so that the rest of the body is not read.
     *
     * <p>Quarkus marks every request without Content-Length, also those that have no body at all (a GET: neither
     * Content-Length nor Transfer-Encoding, RFC 9112 §6.3). Nobody reads the empty end of such a request, so it never
     * counts as ended: only a request that announces a chunked body gets the closing handlers, or every GET would
     * close its connection and the next request pay for a new one (ChunkedBodyLimitTest, KeepAliveTest).
     */
    private void takeOverStreamingLimit(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (routing.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null && request.version() != HttpVersion.HTTP_2
                && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            routing.addHeadersEndHandler(v -> {
                if (!request.isEnded()) {
                    routing.response().putHeader(HttpHeaderNames.CONNECTION, "close");
                }
            });
            routing.addEndHandler(done -> {
                if (!request.isEnded()) {
                    request.connection().close();
                }
            });
        }
        routing.next();
    }

    /** The 413 for the request being handled, whose body went past the limit while it was read. */
    Response response() {
        RoutingContext routing = current.getCurrent();
        long limit = limit().orElseThrow();
        Problem problem = routing == null
                ? new Problem("https://luoshi.org/problems/too-large", "Content too large", 413, detail(limit, -1), null, null)
                : problem(routing, limit, -1);
        if (routing != null) {
            LOG.infof("Refused %s %s: body past the limit of %d bytes while it streamed", routing.request().method(),
                    routing.request().path(), limit);
        }
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The problem for a body of {@code length} bytes ({@code -1}: more than the limit, how much more unknown). */
    private Problem problem(RoutingContext routing, long limit, long length) {
        String contentType = routing.request().getHeader(HttpHeaderNames.CONTENT_TYPE);
        List<Problem.FieldError> errors = contentType != null && contentType.toLowerCase().startsWith("multipart/form-data")
                && uploadField.isPresent()
                        ? List.of(new Problem.FieldError(uploadField.get(),
                                "The upload is too large: at most " + human(limit) + " per request"))
                        : null;
        return new Problem("https://luoshi.org/problems/too-large", "Content too large", 413, detail(limit, length),
                routing.request().path(), errors);
    }

    private static String detail(long limit, long length) {
        return "The request body has " + (length < 0 ? "more than " + human(limit) : human(length))
                + "; this service accepts at most " + human(limit) + " per request";
    }

    static String human(long bytes) {
        long mb = 1024L * 1024;
        if (bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= mb) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) mb);
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
