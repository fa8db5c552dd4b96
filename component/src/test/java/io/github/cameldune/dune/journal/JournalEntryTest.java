package io.github.cameldune.dune.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every kind of journal entry survives its text, and text the journal did not write is never free to execute. */
@Timeout(120)
class JournalEntryTest {

    @Test
    void everyEntryReadsBackAsItself() {
        for (JournalEntry entry : List.of(
                new JournalEntry.None(),
                new JournalEntry.Pending(Instant.parse("2026-12-01T10:00:00.123Z")),
                new JournalEntry.Executed("01HKZJ2683PHF9Q9PHHQ8FW4Q1"))) {
            assertThat(JournalEntry.parse(entry.text())).isEqualTo(entry);
        }
        assertThat(JournalEntry.parse(null)).isEqualTo(new JournalEntry.None());
    }

    @Test
    void foreignTextIsUncertain() {
        for (String text : List.of("", "garbage", "pending yesterday", "01HKZJ2683PHF9Q9PHHQ8FW4Q1")) {
            assertThat(JournalEntry.parse(text)).as(text).isInstanceOf(JournalEntry.Pending.class);
        }
    }
}
