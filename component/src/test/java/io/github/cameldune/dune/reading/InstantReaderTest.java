package io.github.cameldune.dune.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.model.ExecutionTimes;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dune's timestamps read digit by digit give what java.time gives; anything else is left to Jackson, as before. */
@Timeout(120)
class InstantReaderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-12-20T11:04:18.724658237Z",
                "2024-12-20T11:04:18Z",
                "2024-12-20T11:04:18.7Z",
                "2024-12-20T11:04:18.724658Z",
                "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59.999999999Z",
                "2024-12-20T11:04:18.5+02:00",
                "2024-12-20T11:04:18-05:30",
                "2024-12-20t11:04:18z"
            })
    void readsAsJavaTimeDoes(String text) {
        assertThat(InstantReader.parse(text))
                .isEqualTo(OffsetDateTime.parse(text.toUpperCase()).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-12-20 11:04:18Z",
                "2024-13-20T11:04:18Z",
                "2023-02-29T11:04:18Z",
                "2024-12-20T24:00:00Z",
                "2024-12-20T11:04:18.Z",
                "2024-12-20T11:04:18.1234567891Z",
                "2024-12-20T11:04:18",
                "2024-12-20T11:04:18+2:00",
                "+12024-12-20T11:04:18Z",
                "2024-12-20T11:04:18.123Zjunk"
            })
    void leavesEverythingElseToJackson(String text) {
        assertThat(InstantReader.parse(text)).isNull();
    }

    @Test
    void theMapperUsesItAndStillReadsWhatJacksonRead() throws Exception {
        ExecutionTimes times = io.github.cameldune.dune.client.Json.MAPPER.readValue(
                "{\"submitted_at\":\"2024-12-20T11:04:18.724658237Z\",\"expires_at\":1734692658,"
                        + "\"execution_started_at\":\"2024-12-20T11:04:18.724658237+01:00\"}",
                ExecutionTimes.class);
        assertThat(times.submittedAt()).isEqualTo(Instant.parse("2024-12-20T11:04:18.724658237Z"));
        assertThat(times.expiresAt()).isEqualTo(Instant.ofEpochSecond(1734692658));
        assertThat(times.executionStartedAt()).isEqualTo(Instant.parse("2024-12-20T10:04:18.724658237Z"));
    }
}
