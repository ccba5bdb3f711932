package org.luoshi.deploy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Polls until a condition yields a value: the services' async steps run on the engine's job executor. */
final class Eventually {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Eventually() {
    }

    static <T> T eventually(String what, Supplier<T> condition) {
        return eventually(what, TIMEOUT, condition);
    }

    /** As {@link #eventually(String, Supplier)} with its own time-out; a condition that throws ends the wait at once. */
    static <T> T eventually(String what, Duration timeout, Supplier<T> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
