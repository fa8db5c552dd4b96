package io.github.cameldune.dune.client;

import static io.github.cameldune.dune.client.DuneCall.Bucket.READ;
import static io.github.cameldune.dune.client.DuneCall.Bucket.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pace Dune's RateLimit headers set, on a fake clock. */
@Timeout(120)
class ServerPacingTest {

    private final AtomicLong now = new AtomicLong();
    private final ServerPacing pacing = new ServerPacing(now::get);

    @Test
    void withNothingKnownOrPlentyLeftRequestsGoAtOnce() {
        assertThat(pacing.delay(WRITE)).isZero();
        pacing.observe(WRITE, "\"write\";r=14;t=60", "\"write\";q=15;w=60");
        assertThat(pacing.delay(WRITE)).isZero();
        assertThat(pacing.delay(READ)).as("the buckets are apart").isZero();
    }

    @Test
    void withNothingLeftTheyWaitForTheResetAndAPartOfThePlansInterval() {
        pacing.observe(READ, "\"read\";r=0;t=12, \"ip\";r=999;t=1", "\"read\";q=40;w=60, \"ip\";q=1000;w=1");
        Duration wait = pacing.delay(READ);
        assertThat(wait).isBetween(Duration.ofSeconds(12), Duration.ofMillis(12_000 + 1_500));
    }

    @Test
    void underThreeQuartersLeftThisClientTakesThePlansRateTimesItsShare() {
        // 15 a minute: one every 4 s for a client alone
        pacing.observe(WRITE, "\"write\";r=10;t=30", "\"write\";q=15;w=60");
        assertThat(pacing.delay(WRITE)).isZero();
        assertThat(pacing.delay(WRITE)).isEqualTo(Duration.ofSeconds(4));
        // 4 s later Dune counts 10 in the window, of which this client sent 1 (the second waited): a tenth of the
        // plan, one every 40 s, while the others keep theirs
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        pacing.observe(WRITE, "\"write\";r=5;t=30", "\"write\";q=15;w=60");
        assertThat(pacing.delay(WRITE)).isZero();
        assertThat(pacing.delay(WRITE)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aHeaderWithoutTheBucketsPolicyUsesItsFirstOtherThanIp() {
        pacing.observe(WRITE, "\"ip\";r=999;t=1, \"plan\";r=0;t=5", null);
        assertThat(pacing.delay(WRITE)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        ServerPacing unreadable = new ServerPacing(now::get);
        unreadable.observe(WRITE, "garbage; r=x", "q=;w=");
        assertThat(unreadable.delay(WRITE)).isZero();
    }
}
