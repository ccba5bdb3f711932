package org.luoshi.common.problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Counts the bytes every request body reader takes (JSON, text, bytes, streams) and stops at
 * {@code quarkus.http.limits.max-body-size} with {@link BodyLimitProblem}'s 413: the check of a body sent without
 * Content-Length, which cannot be made before it is read. A body that declared its length was checked up front.
 */
@Provider
public class BodyLimitReader implements ReaderInterceptor {

    @Inject
    BodyLimitProblem bodyLimit;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Optional<Long> limit = bodyLimit.limit();
        if (limit.isPresent()) {
            context.setInputStream(new Limited(context.getInputStream(), limit.get()));
        }
        return context.proceed();
    }

    private final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(bodyLimit.response());
            }
        }
    }
}
