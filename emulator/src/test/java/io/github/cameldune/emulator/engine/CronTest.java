package io.github.cameldune.emulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dune's schedule rules: five fields, firings 15 minutes to a week apart, the edges of both included. */
@Timeout(120)
class CronTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/15 * * * *",
                "0 * * * *",
                "0 */6 * * *",
                "30 2 * * *",
                "0 0 * * 1",
                "0 0 * * 7",
                "0,30 9-17 * * 1-5",
                "0 0 * * 0,3"
            })
    void schedulesDuneTakes(String expression) {
        assertThat(Cron.parse(expression).expression()).isEqualTo(expression);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "*/14 * * * *|4 minutes apart",
                "* * * * *|1 minutes apart",
                "0 0 1 * *|at most weekly",
                "0 0 1 1 *|at most weekly",
                "0 0 30 2 *|less than weekly",
                "0 0 * *|5 fields",
                "0 0 * * * *|5 fields",
                "60 * * * *|'60'",
                "0 24 * * *|'24'",
                "0 0 * 13 *|'13'",
                "x * * * *|'x'",
                "0 5-1 * * *|backwards"
            })
    void schedulesDuneRefuses(String expression, String why) {
        assertThatThrownBy(() -> Cron.parse(expression))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(expression)
                .hasMessageContaining(why);
    }

    @Test
    void theNextFiringIsTheFirstMinuteAfterNowThatMatches() {
        Cron sixHourly = Cron.parse("0 */6 * * *");
        assertThat(sixHourly.next(Instant.parse("2026-12-08T05:59:30Z"))).isEqualTo("2026-12-08T06:00:00Z");
        assertThat(sixHourly.next(Instant.parse("2026-12-08T06:00:00Z"))).isEqualTo("2026-12-08T12:00:00Z");
        assertThat(Cron.parse("0 0 * * 1").next(Instant.parse("2026-12-08T00:00:00Z")))
                .as("the next Monday")
                .isEqualTo("2026-12-14T00:00:00Z");
    }

    @Test
    void anEmptyExpressionIsNamed() {
        assertThatThrownBy(() -> Cron.parse(" ")).hasMessageContaining("empty");
    }
}
