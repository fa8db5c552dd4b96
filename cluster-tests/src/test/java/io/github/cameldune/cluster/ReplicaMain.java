package io.github.cameldune.cluster;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.examples.ExampleRunner;
import io.github.cameldune.examples.KafkaReplicaRoutes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;

/**
 * One replica of an application with a scheduled Dune consumer, run under leader election: Camel's
 * {@link ClusteredRoutePolicy} over the file-lock cluster service, whose lock lives in a folder the replicas share.
 * Arguments: base URL, API key, lock folder, replica name, {@code run} or {@code latest}, and for {@code latest} the
 * Kafka bootstrap servers of the idempotent repository the replicas share; or {@code load} and a number of executes
 * to send, one every 300 ms, outside any leader election; or {@code requests} and the Kafka bootstrap servers: the
 * example {@link KafkaReplicaRoutes}, a member of a consumer group that runs each request under the execution journal;
 * or {@code budget}, a burst size, a start time (epoch milliseconds) and a credit budget: two bursts of concurrent
 * executes 4 s apart under that budget, each execute logged as executed or refused, with its burst.
 */
public final class ReplicaMain {

    private ReplicaMain() {}

    /**
     * At {@code startAt}, and 4 s later, {@code size} executes sent at once (a parallel split), each logged as
     * {@code replica <name> burst<n>-executed <execution id>} or {@code replica <name> burst<n>-refused -}.
     */
    private static RouteBuilder bursts(String replica, int size, long startAt) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                ExecutorService senders = Executors.newFixedThreadPool(size);
                AtomicInteger burst = new AtomicInteger();
                long delay = Math.max(0, startAt - System.currentTimeMillis());
                from("timer:burst?period=4000&repeatCount=2&delay=" + delay)
                        .routeId("dune-bursts")
                        .process(exchange -> exchange.setProperty("burst", burst.incrementAndGet()))
                        .setBody(exchange -> IntStream.range(0, size).boxed().toList())
                        .split(body())
                        .parallelProcessing()
                        .executorService(senders)
                        .doTry()
                        // no query parameters: the query's defaults
                        .setBody(constant("{}"))
                        .to("dune:execute?queryId=1005")
                        .log("replica " + replica + " burst${exchangeProperty.burst}-executed "
                                + "${header.CamelDuneExecutionId}")
                        .doCatch(DuneBudgetExceededException.class)
                        .log("replica " + replica + " burst${exchangeProperty.burst}-refused -")
                        .end();
            }
        };
    }

    /** Runs the replica until it is stopped or killed. */
    public static void main(String[] args) throws Exception {
        String replica = args[3];
        if (args[4].equals("requests")) {
            // the example application, as a user would deploy it
            Main app = ExampleRunner.create(new KafkaReplicaRoutes(), "kafka-replicas.properties", null);
            app.addOverrideProperty("camel.component.dune.base-url", args[0]);
            app.addOverrideProperty("camel.component.dune.api-key", args[1]);
            app.addOverrideProperty("example.brokers", args[5]);
            app.addOverrideProperty("example.replica", replica);
            app.run();
            return;
        }
        Main main = new Main();
        if (args[4].equals("budget")) {
            main.configure().addRoutesBuilder(bursts(replica, Integer.parseInt(args[5]), Long.parseLong(args[6])));
            main.addOverrideProperty("camel.component.dune.credit-budget", args[7]);
            main.addOverrideProperty("camel.component.dune.credit-reconcile-interval", "1s");
            main.addOverrideProperty("camel.component.dune.credit-settle-interval", "500ms");
            main.addOverrideProperty("camel.component.dune.base-url", args[0]);
            main.addOverrideProperty("camel.component.dune.api-key", args[1]);
            main.run();
            return;
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                FileLockClusterService cluster = new FileLockClusterService();
                cluster.setId(replica);
                cluster.setRoot(args[2]);
                cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
                cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
                getContext().addService(cluster);

                if (args[4].equals("load")) {
                    // executes at a fixed pace, each one logged when Dune accepted it
                    from("timer:load?period=300&repeatCount=" + args[5])
                            .routeId("dune-load")
                            .to("dune:execute?queryId=1005&maxRetries=20&retryMaxDelay=2s")
                            .log("replica " + replica + " executed ${header.CamelDuneExecutionId}");
                    return;
                }
                if (args[4].equals("master")) {
                    // the same through camel-master's endpoint, over the same cluster service
                    from("master:dune-refresh:dune:run?queryId=1001&initialDelay=0&delay=2000"
                                    + "&pollInitialDelay=50ms&pollInterval=50ms")
                            .routeId("dune-refresh")
                            .log("replica " + replica + " ran ${header.CamelDuneExecutionId}");
                    return;
                }
                if (args[4].equals("run")) {
                    from("dune:run?queryId=1001&initialDelay=0&delay=2000&pollInitialDelay=50ms&pollInterval=50ms")
                            .routeId("dune-refresh")
                            .routePolicy(ClusteredRoutePolicy.forNamespace("dune-refresh"))
                            .log("replica " + replica + " ran ${header.CamelDuneExecutionId}");
                } else {
                    // what was emitted, on a Kafka topic every replica reads from its start: a new leader knows
                    KafkaIdempotentRepository emitted =
                            new KafkaIdempotentRepository("dune-emitted", args[5], "dune-emitted-" + replica);
                    getContext().getRegistry().bind("emitted", emitted);
                    getContext().addService(emitted);
                    from("dune:latestResults?queryId=1002&initialDelay=0&delay=300&idempotentRepository=#emitted")
                            .routeId("dune-latest")
                            .routePolicy(ClusteredRoutePolicy.forNamespace("dune-latest"))
                            .log("replica " + replica + " emitted ${header.CamelDuneExecutionId}");
                }
            }
        });
        main.addOverrideProperty("camel.component.dune.base-url", args[0]);
        main.addOverrideProperty("camel.component.dune.api-key", args[1]);
        main.run();
    }
}
