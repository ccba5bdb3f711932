package org.luoshi.workflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The 提醒 → 催办 → 督办 ladder's times and its skip rule, from a configuration given here, without a server. */
class LadderTest {
    static final String DUE = "2027-03-31";

    record RungSettings(String offset, List<String> recipients) implements LadderConfig.RungConfig {
    }

    static Ladder ladder(String reminder, String urging, String supervision, List<String> supervisionNotifies) {
        Ladder ladder = new Ladder();
        ladder.config = new LadderConfig() {
            public RungConfig reminder() {
                return new RungSettings(reminder, List.of("lead"));
            }

            public RungConfig urging() {
                return new RungSettings(urging, List.of("lead"));
            }

            public RungConfig supervision() {
                return new RungSettings(supervision, supervisionNotifies);
            }

            public LocalTime timeOfDay() {
                return LocalTime.of(9, 0);
            }

            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }
        };
        return ladder;
    }

    static Ladder standard() {
        return ladder("-P7D", "P1D", "P7D", List.of("lead", "supervision"));
    }

    static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    void eachRungFallsOnTheDueDateAtTheTimeOfDayInTheZonePlusItsOffset() {
        Ladder ladder = standard();

        assertThat(ladder.at(Rung.REMINDER, DUE)).isEqualTo(at("2027-03-24T01:00:00Z")); // 09:00 in Shanghai, 7 days before
        assertThat(ladder.at(Rung.URGING, DUE)).isEqualTo(at("2027-04-01T01:00:00Z"));
        assertThat(ladder.at(Rung.SUPERVISION, DUE)).isEqualTo(at("2027-04-07T01:00:00Z"));
    }

    @Test
    void offsetsMayBeHoursAsWellAsDays() {
        assertThat(ladder("-PT12H", "PT1H", "P1DT6H", List.of("lead")).at(Rung.REMINDER, DUE))
                .isEqualTo(at("2027-03-30T13:00:00Z"));
    }

    @Test
    void aRungStillAheadWhenTheLadderIsArmedFiresAtItsOwnTime() {
        Ladder ladder = standard();
        Date armed = at("2027-01-04T02:00:00Z");

        assertThat(ladder.skipped(Rung.REMINDER, DUE, armed)).isFalse();
        assertThat(ladder.fireAt("reminder", DUE, armed)).isEqualTo(ladder.at(Rung.REMINDER, DUE));
    }

    @Test
    void aRungWhoseTimeHadPassedWhenTheLadderWasArmedIsSkippedAndFiresAtTheArmingMoment() {
        Ladder ladder = standard();
        Date armed = at("2027-04-03T00:00:00Z"); // after 提醒 and 催办, before 督办

        assertThat(ladder.skipped(Rung.REMINDER, DUE, armed)).isTrue();
        assertThat(ladder.skipped(Rung.URGING, DUE, armed)).isTrue();
        assertThat(ladder.skipped(Rung.SUPERVISION, DUE, armed)).isFalse();
        assertThat(ladder.fireAt("urging", DUE, armed)).isEqualTo(armed);
        assertThat(ladder.fireAt("supervision", DUE, armed)).isEqualTo(at("2027-04-07T01:00:00Z"));
    }

    @Test
    void aRungDueExactlyWhenTheLadderIsArmedIsNotSkipped() {
        Ladder ladder = standard();

        assertThat(ladder.skipped(Rung.URGING, DUE, at("2027-04-01T01:00:00Z"))).isFalse();
    }

    @Test
    void withoutAnArmingMomentNoRungIsSkipped() {
        Ladder ladder = standard();

        assertThat(ladder.skipped(Rung.REMINDER, "2020-01-01", null)).isFalse();
        assertThat(ladder.fireAt("reminder", "2020-01-01", null)).isEqualTo(ladder.at(Rung.REMINDER, "2020-01-01"));
    }

    @Test
    void recipientsAreTrimmedAndEmptyEntriesDropped() {
        Ladder ladder = ladder("-P7D", "P1D", "P7D", List.of(" lead ", "", "supervision"));

        assertThat(ladder.notify(Rung.SUPERVISION)).containsExactly("lead", "supervision");
    }

    @Test
    void anOffsetThatIsNoDurationFailsNamingItsKey() {
        Ladder ladder = ladder("-P7D", "one day", "P7D", List.of("lead"));

        assertThatThrownBy(ladder::validate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("luoshi.workflow.ladder.urging.offset=one day");
    }

    @Test
    void anUnknownRecipientFailsNamingTheKnownOnes() {
        Ladder ladder = ladder("-P7D", "P1D", "P7D", List.of("lead", "mayor"));

        assertThatThrownBy(ladder::validate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("luoshi.workflow.ladder.supervision.notify=mayor");
    }

    @Test
    void theProductionDefaultsAreValid() {
        standard().validate();
    }

    @Test
    void aRungIsFoundByItsConfigurationNameItsEnumNameOrEitherOfItsActivities() {
        assertThat(Rung.named("urging")).isEqualTo(Rung.URGING);
        assertThat(Rung.named("SUPERVISION")).isEqualTo(Rung.SUPERVISION);
        assertThat(Rung.ofActivity("waitReminder")).isEqualTo(Rung.REMINDER);
        assertThat(Rung.ofActivity("notifyUrging")).isEqualTo(Rung.URGING);
        assertThatThrownBy(() -> Rung.named("escalate")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rung.ofActivity("submitReport")).isInstanceOf(IllegalArgumentException.class);
    }
}
