package io.github.cameldune.dune.journal;

import java.time.Instant;

/**
 * What the execution journal holds for a request key, as a type: nothing (or an execute Dune refused, which may be
 * sent again), a key recorded before an execute whose answer never was (uncertain), or the execution Dune started.
 * Each is stored as one line of text, so any {@link org.apache.camel.spi.StateRepository} can keep it.
 */
public sealed interface JournalEntry {

    /** The text a repository stores for the entry. */
    String text();

    /** No execution for the key: one may be started. */
    record None() implements JournalEntry {
        @Override
        public String text() {
            return "none";
        }
    }

    /** The key was recorded at this time before an execute whose answer is not recorded: it may have executed. */
    record Pending(Instant recordedAt) implements JournalEntry {
        @Override
        public String text() {
            return "pending " + recordedAt;
        }
    }

    /** Dune started this execution for the key. */
    record Executed(String executionId) implements JournalEntry {
        @Override
        public String text() {
            return "execution " + executionId;
        }
    }

    /** An entry's {@link #text()}, back; text not written here counts as uncertain, never as free to run. */
    static JournalEntry parse(String text) {
        if (text == null || text.equals("none")) {
            return new None();
        }
        if (text.startsWith("execution ")) {
            return new Executed(text.substring("execution ".length()));
        }
        try {
            return new Pending(Instant.parse(text.substring(text.indexOf(' ') + 1)));
        } catch (RuntimeException unreadable) {
            return new Pending(null);
        }
    }
}
