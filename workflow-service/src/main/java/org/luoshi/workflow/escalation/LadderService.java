package org.luoshi.workflow.escalation;

import java.time.Duration;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


/** Reads the ladder configuration for the administrators; it changes only with the configuration (a restart). */
@ApplicationScoped
public class LadderService {

    @Inject
    Ladder ladder;

    @Inject
    LadderConfig config;

    public LadderView view() {
        return new LadderView(Arrays.stream(Rung.values()).map(this::rung).toList(), config.timeOfDay().toString(),
                config.zone().getId());
    }

    private LadderView.RungView rung(Rung rung) {
        Duration offset = ladder.offset(rung);
        // whole days are how the officials think of it ("7 days before"); a finer offset is shown as configured
        Long days = offset.toSeconds() % 86400 == 0 ? offset.toDays() : null;
        return new LadderView.RungView(rung.configName, rung.label, offset.toString(), days, ladder.notify(rung));
    }
}
