package org.luoshi.workflow.escalation;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code luoshi.workflow.ladder.*}: the reminder → 催办 → 督办 ladder; see application.properties. */
@ConfigMapping(prefix = "luoshi.workflow.ladder")
public interface LadderConfig {

    RungConfig reminder();

    RungConfig urging();

    RungConfig supervision();

    /** The time of day of a rung on its day. */
    @WithDefault("09:00")
    LocalTime timeOfDay();

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    interface RungConfig {
        /** ISO-8601 duration from the due date, negative = before it: -P7D, P1D, PT12H. */
        String offset();

        /** Any of lead, co, supervision. */
        @io.smallrye.config.WithName("notify")
        List<String> recipients();
    }
}
