package io.github.cameldune.dune;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Exchanges sent at once: as a topic with concurrent consumers, a seda queue or a parallel split deliver them. */
final class Bursts {

    private Bursts() {}

    /** Sends {@code count} exchanges to {@code uri} from as many threads, released together; their ends, in order. */
    static List<Exchange> atOnce(ProducerTemplate template, String uri, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return template.request(uri, e -> {});
                }));
            }
            start.countDown();
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : sent) {
                done.add(f.get());
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }
}
