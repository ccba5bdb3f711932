package org.luoshi.common.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose declared body is larger than {@code quarkus.http.limits.max-body-size} with a
 * problem+json 413 naming the limit, instead of Quarkus' bare 413. It looks at the Content-Length header only,
 * before anything reads the body, and closes the connection after answering, so the oversized body is never
 * buffered. A chunked body without Content-Length is still stopped by Quarkus' own limit while it streams.
 *
 * <p>For a multipart request the answer also names the form field, if the service says which one carries
 * its uploads ({@code luoshi.http.body-limit.upload-field}), so that an upload form can show it next to the file.
 */
@ApplicationScoped
public class BodyLimitProblem {
    private static final Logger LOG = Logger.getLogger(BodyLimitProblem.class);
    /** After CORS (300), so that a browser can read the answer; long before Quarkus' own limit (route order -2). */
    static final int PRIORITY = 250;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    Optional<MemorySize> maxBodySize;

    @ConfigProperty(name = "luoshi.http.body-limit.upload-field")
    Optional<String> uploadField;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        filters.register(routing -> check(routing, limit), PRIORITY);
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
        String detail = "The request body has " + human(length) + "; this service accepts at most " + human(limit)
                + " per request";
        String contentType = routing.request().getHeader(HttpHeaderNames.CONTENT_TYPE);
        List<Problem.FieldError> errors = contentType != null && contentType.toLowerCase().startsWith("multipart/form-data")
                && uploadField.isPresent()
                        ? List.of(new Problem.FieldError(uploadField.get(),
                                "The upload is too large: at most " + human(limit) + " per request"))
                        : null;
        Problem problem = new Problem("https://luoshi.org/problems/too-large", "Content too large", 413, detail,
                routing.request().path(), errors);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
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
