package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.faults.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A flood of connections is shed, not queued: 2,000 requests at once, each answered slowly, against an emulator that
 * takes 64 in flight. The ones past the limit are answered 503 with Retry-After at once, none fails at the connection,
 * and a plain request is answered within a second of the last answer of the flood.
 */
@Timeout(600)
class LoadSheddingIT {

    private static final int FLOOD = 2_000;
    private static final int IN_FLIGHT = 64;

    @RegisterExtension
    static final DuneEmulatorExtension DUNE =
            new DuneEmulatorExtension(b -> b.settings(s -> s.maxRequestsInFlight(IN_FLIGHT)));

    @Test
    void aFloodGets503sAtOnceAndThePlainRequestAfterItIsAnsweredWithinASecond() throws Exception {
        // each request holds a worker for 200 ms: 2,000 of them would queue for 25 s on 16 workers
        DUNE.emulator().faults().add(Fault.latency(Duration.ofMillis(200)).on(ApiEndpoint.USAGE));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        AtomicInteger withRetryAfter = new AtomicInteger();
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            flood.add(http.sendAsync(request("/v1/usage", "{}"), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, error) -> {
                        if (answer != null) {
                            byStatus.computeIfAbsent(answer.statusCode(), k -> new LongAdder())
                                    .increment();
                            if (answer.statusCode() == 503
                                    && answer.headers()
                                            .firstValue("Retry-After")
                                            .equals(java.util.Optional.of("1"))) {
                                withRetryAfter.incrementAndGet();
                            }
                        }
                    }));
        }
        CompletableFuture.allOf(flood.toArray(CompletableFuture[]::new)).join();
        long floodMillis = (System.nanoTime() - start) / 1_000_000;
        DUNE.emulator().faults().clear();

        long plainStart = System.nanoTime();
        HttpResponse<String> plain = http.send(request("/v1/usage", "{}"), HttpResponse.BodyHandlers.ofString());
        long plainMillis = (System.nanoTime() - plainStart) / 1_000_000;

        long ok = byStatus.getOrDefault(200, new LongAdder()).sum();
        long shed = byStatus.getOrDefault(503, new LongAdder()).sum();
        System.out.printf(
                "LoadSheddingIT: %d requests at once, %d in flight allowed: %d answered 200, %d shed with 503, "
                        + "flood over in %d ms, the plain request after it answered in %d ms%n",
                FLOOD, IN_FLIGHT, ok, shed, floodMillis, plainMillis);
        assertThat(ok + shed)
                .as("every request answered, 200 or 503: " + byStatus)
                .isEqualTo(FLOOD);
        assertThat(shed).as("the flood past the limit is shed").isPositive();
        assertThat(ok).as("the requests within the limit are answered").isGreaterThanOrEqualTo(IN_FLIGHT);
        assertThat(withRetryAfter.get()).as("every 503 says when to come back").isEqualTo((int) shed);
        assertThat(DUNE.emulator().refusedCount(503)).isEqualTo(shed);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plainMillis).as("answered within a second after the load").isLessThan(1_000);
    }

    private static HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(DUNE.emulator().baseUrl() + path))
                .header("X-Dune-Api-Key", DUNE.emulator().apiKey())
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
