package org.luoshi.workflow.escalation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;


/**
 * The reminder → 催办 → 督办 ladder, read from configuration ({@code luoshi.workflow.ladder.*}) and used by the BPMN:
 * each ladder timer's {@code timeDate} is {@code ${ladder.fireAt('reminder', dueDate, ladderArmedAt)}}.
 *
 * <p>A rung's time is the due date at {@code luoshi.workflow.ladder.time-of-day} in {@code luoshi.workflow.ladder.zone}
 * plus the rung's offset ({@code luoshi.workflow.ladder.<rung>.offset}, an ISO-8601 duration, negative = before the due date). A rung whose time lies before the
 * moment the ladder was armed (the instance started, or the due date last changed) is <b>skipped</b>: its timer is due
 * at once and its notification step sends nothing. So a milestone that is already late when tracking starts does not
 * get its reminder, 催办 and 督办 all at once.
 */
@Named("ladder")
@ApplicationScoped
public class Ladder {
    /** Who may be notified: the lead department, the co-departments, the supervising office. */
    public static final Set<String> TARGETS = Set.of("lead", "co", "supervision");

    @jakarta.inject.Inject
    LadderConfig config;

    private LadderConfig.RungConfig rung(Rung rung) {
        return switch (rung) {
            case REMINDER -> config.reminder();
            case URGING -> config.urging();
            case SUPERVISION -> config.supervision();
        };
    }

    public Duration offset(Rung rung) {
        return parse("luoshi.workflow.ladder." + rung.configName + ".offset", rung(rung).offset());
    }

    public List<String> notify(Rung rung) {
        return rung(rung).recipients().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The zone whose calendar days the ladder counts in. */
    public java.time.ZoneId zone() {
        return config.zone();
    }

    /** When the rung is due for a milestone due on {@code dueDate} (ISO date). */
    public Date at(Rung rung, String dueDate) {
        return Date.from(LocalDate.parse(dueDate).atTime(config.timeOfDay()).atZone(config.zone()).plus(offset(rung)).toInstant());
    }

    /** The timer's time: the rung's time, or the arming moment when the rung is skipped (it then fires at once). */
    public Date fireAt(String rung, String dueDate, Date armedAt) {
        Rung r = Rung.named(rung);
        Date at = at(r, dueDate);
        return skipped(r, dueDate, armedAt) ? armedAt : at;
    }

    /** Whether the rung's time lay before the ladder was armed, so it sends nothing. */
    public boolean skipped(Rung rung, String dueDate, Date armedAt) {
        return armedAt != null && at(rung, dueDate).before(armedAt);
    }

    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        validate();
    }

    /** Fails start-up on an offset that is not an ISO-8601 duration or an unknown notify target. */
    public void validate() {
        for (Rung rung : Rung.values()) {
            offset(rung);
            for (String target : notify(rung)) {
                if (!TARGETS.contains(target)) {
                    throw new IllegalStateException("luoshi.workflow.ladder." + rung.configName + ".notify=" + target
                            + " is not one of " + TARGETS);
                }
            }
        }
    }

    private static Duration parse(String key, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + "=" + value + " is not an ISO-8601 duration such as -P7D or P1D", e);
        }
    }
}
