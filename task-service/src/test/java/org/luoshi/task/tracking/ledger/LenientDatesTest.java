package org.luoshi.task.tracking.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The date phrases officials write, and the 节点 lines around them. */
class LenientDatesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "2023-06-30          | 2023-06-30",
        "2023/6/30           | 2023-06-30",
        "2023.6.30           | 2023-06-30",
        "２０２３．６．３０      | 2023-06-30",
        "20230630            | 2023-06-30",
        "2023年6月30日        | 2023-06-30",
        "2023 年 6 月 30 号    | 2023-06-30",
        "2023年6月            | 2023-06-30",
        "2024年2月底          | 2024-02-29",
        "2023年6月底前完成     | 2023-06-30",
        "2023年11月份         | 2023-11-30",
        "2023年6月上旬         | 2023-06-10",
        "2023年6月中旬         | 2023-06-20",
        "2023-06             | 2023-06-30",
        "2023/9              | 2023-09-30",
        "2023年底             | 2023-12-31",
        "2023年末             | 2023-12-31",
        "2023年年底           | 2023-12-31",
        "2023年上半年          | 2023-06-30",
        "2023年年中           | 2023-06-30",
        "2023年下半年          | 2023-12-31",
        "2023年第三季度        | 2023-09-30",
        "2023年一季度          | 2023-03-31",
        "2025年              | 2025-12-31",
        "2025年前            | 2025-12-31",
        "到2025年            | 2025-12-31",
        "截至2023年6月底       | 2023-06-30",
        "2021—2025年         | 2025-12-31",
        "2025                | 2025-12-31",
    })
    void aDatePhraseStandsForTheLastDayItAllows(String text, LocalDate expected) {
        assertThat(LedgerDates.whole(text)).hasValueSatisfying(found -> {
            assertThat(found.valid()).isTrue();
            assertThat(found.date()).isEqualTo(expected);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-13-01", "2023-02-30", "2023年13月", "2023年2月30日", "1066年", "2025-2021"})
    void aDateShapedPhraseNamingNoRealDayIsFoundButInvalid(String text) {
        assertThat(LedgerDates.whole(text)).hasValueSatisfying(found -> {
            assertThat(found.valid()).isFalse();
            assertThat(found.text()).isEqualTo(text);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"明年", "下周三", "尽快", "2023年6月30日完成试验线建设", "6月30日"})
    void textThatIsNotOnlyADateIsNoDate(String text) {
        assertThat(LedgerDates.whole(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"长期", "长期坚持", "持续推进", "常态化", "常态化开展"})
    void aDeadlineOfLongTermOrOngoingMeansNone(String text) {
        assertThat(LedgerDates.isOpenEnded(text)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2023-06-30 完成试验线建设                 | 2023-06-30 | 完成试验线建设 | false",
        "✓ 2023-06-30 完成试验线建设               | 2023-06-30 | 完成试验线建设 | true",
        "√2023/6/30 完成试验线建设                 | 2023-06-30 | 完成试验线建设 | true",
        "[x] 2023.6.30：完成试验线建设             | 2023-06-30 | 完成试验线建设 | true",
        "2023年6月30日 完成试验线建设（已完成）      | 2023-06-30 | 完成试验线建设 | true",
        "2023年6月底前完成试验线建设               | 2023-06-30 | 完成试验线建设 | false",
        "2023年底，完成验收                       | 2023-12-31 | 完成验收      | false",
        "2023年上半年 完成招标                    | 2023-06-30 | 完成招标      | false",
        "1. 2023年6月 完成设计                   | 2023-06-30 | 完成设计      | false",
        "① ✓ 2024年第一季度 开工                  | 2024-03-31 | 开工         | true",
        "完成试验线建设（2023年6月底前）            | 2023-06-30 | 完成试验线建设 | false",
        "2023-06-30 2024年扩产准备                | 2023-06-30 | 2024年扩产准备 | false",
        "2023-06-30 前期准备                     | 2023-06-30 | 前期准备      | false",
    })
    void aMilestoneLineIsReadLeniently(String line, LocalDate date, String title, boolean done) {
        assertThat(MilestoneLines.parse(line)).isEqualTo(
                new MilestoneLines.Parsed(new LedgerMilestone(date, title, done)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "完成试验线建设               | 节点缺少日期：完成试验线建设",
        "2023-13-01 完成试验线建设    | 无法识别的日期：2023-13-01",
        "✓ 2023-06-30             | 节点缺少内容：✓ 2023-06-30",
    })
    void aMilestoneLineWithoutADayOrATitleIsAProblem(String line, String message) {
        assertThat(MilestoneLines.parse(line)).isEqualTo(new MilestoneLines.Problem(message));
    }
}
