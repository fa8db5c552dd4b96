package io.github.cameldune.examples.quarkus;

import io.github.cameldune.emulator.DuneEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** The emulator for the Quarkus test: started before the application, its address given as configuration. */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    static DuneEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = DuneEmulator.builder().build().start();
        return Map.of("DUNE_BASE_URL", emulator.baseUrl(), "DUNE_API_KEY", emulator.apiKey());
    }

    @Override
    public void stop() {
        emulator.close();
    }
}
