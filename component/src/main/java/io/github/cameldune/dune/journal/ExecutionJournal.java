package io.github.cameldune.dune.journal;

import io.github.cameldune.dune.exception.DuneJournalException;
import java.time.Clock;
import org.apache.camel.spi.StateRepository;

/**
 * The execution journal of message-triggered executions, over a Camel {@link StateRepository} the replicas share: a
 * request key is recorded before its execute is sent and its execution id once Dune answers, so a redelivered message
 * finds its execution instead of starting a second, billed, one. What the handlers do with each entry is theirs; this
 * class only reads and writes entries, and turns the repository's failures into {@link DuneJournalException}.
 */
public final class ExecutionJournal {

    private final StateRepository<String, String> store;
    private final Clock clock;

    /** A journal over a repository. */
    public ExecutionJournal(StateRepository<String, String> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What the journal holds for the key. */
    public JournalEntry lookup(String key) {
        try {
            return JournalEntry.parse(store.getState(key));
        } catch (RuntimeException e) {
            throw new DuneJournalException("read", key, e);
        }
    }

    /** Records the key before its execute is sent; fails, so that nothing is sent, when it cannot. */
    public void pending(String key) {
        write(key, new JournalEntry.Pending(clock.instant()));
    }

    /** Records the execution Dune started for the key. */
    public void executed(String key, String executionId) {
        write(key, new JournalEntry.Executed(executionId));
    }

    /** Forgets the key: its execute was refused before anything was done, so it may be sent again. */
    public void refused(String key) {
        write(key, new JournalEntry.None());
    }

    private void write(String key, JournalEntry entry) {
        try {
            store.setState(key, entry.text());
        } catch (RuntimeException e) {
            throw new DuneJournalException("write", key, e);
        }
    }
}
