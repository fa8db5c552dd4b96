package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.engine.SavedQuery;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sample queries named in {@link SampleQuery} are the ones the emulator comes with, id and name. */
@Timeout(60)
class SampleQueryTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void eachConstantIsABundledQueryAndEachBundledQueryHasOne() {
        Map<Long, String> bundled =
                DUNE.emulator().queries().all().stream().collect(Collectors.toMap(SavedQuery::id, SavedQuery::name));
        Map<Long, String> named =
                Arrays.stream(SampleQuery.values()).collect(Collectors.toMap(SampleQuery::id, SampleQuery::title));
        assertThat(named).isEqualTo(bundled);
        assertThat(SampleQuery.TOP_TRADERS).hasToString("1002");
        assertThat(Arrays.stream(SampleQuery.values()).map(SampleQuery::id))
                .as("one id each")
                .doesNotHaveDuplicates();
        assertThat(Arrays.stream(SampleQuery.values()).collect(Collectors.toMap(SampleQuery::id, Function.identity())))
                .hasSize(8);
    }
}
