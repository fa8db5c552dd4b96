package io.github.cameldune.cluster;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.journal.KafkaStateRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
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
 * to send, one every 300 ms, outside any leader election; or {@code requests} and the Kafka bootstrap servers: a
 * member of a consumer group that runs each request of a topic with {@code dune:run} under the execution journal.
 */
public final class ReplicaMain {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplicaMain.class);

    private ReplicaMain() {}

    /** Runs the replica until it is stopped or killed. */
    public static void main(String[] args) throws Exception {
        String replica = args[3];
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                FileLockClusterService cluster = new FileLockClusterService();
                cluster.setId(replica);
                cluster.setRoot(args[2]);
                cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
                cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
                getContext().addService(cluster);

                if (args[4].equals("requests")) {
                    requests(this, replica, args[5]);
                    return;
                }
                if (args[4].equals("load")) {
                    // executes at a fixed pace, each one logged when Dune accepted it
                    from("timer:load?period=300&repeatCount=" + args[5])
                            .routeId("dune-load")
                            .to("dune:execute?queryId=1005&maxRetries=20&retryMaxDelay=2s")
                            .log("replica " + replica + " executed ${header.CamelDuneExecutionId}");
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

    /**
     * Each record of {@code dune-requests} (a JSON body of query parameters) is run; its rows go to
     * {@code dune-results} under the record's key, as {@code <first row's number> <execution id>}; a failure goes to
     * {@code dune-dlt} as {@code <exception> <request key>}. The journal is a compacted topic all replicas share. Each
     * step is logged ({@code start}, {@code done}, {@code failed} with the request key) for the test to count.
     */
    private static void requests(RouteBuilder routes, String replica, String brokers) {
        KafkaStateRepository journal = new KafkaStateRepository("dune-journal", brokers);
        routes.getContext().getRegistry().bind("journal", journal);
        routes.errorHandler(routes.deadLetterChannel("kafka:dune-dlt?brokers=" + brokers)
                .onPrepareFailure(e -> {
                    Exception error = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    String key = e.getMessage().getHeader(DuneConstants.REQUEST_KEY, String.class);
                    e.getMessage().setBody(error.getClass().getSimpleName() + " " + key);
                    LOG.info("replica {} failed {} {}", replica, key, error.getMessage());
                }));
        routes.from("kafka:dune-requests?brokers=" + brokers + "&groupId=dune-runners&consumersCount=2"
                        + "&maxPollRecords=5&autoOffsetReset=earliest&autoCommitIntervalMs=1000"
                        + "&sessionTimeoutMs=6000&heartbeatIntervalMs=1000")
                .routeId("dune-requests")
                // the journal's default request key, a record's topic-partition@offset; "done" logs the one it used
                .process(e -> LOG.info(
                        "replica {} start {}-{}@{}",
                        replica,
                        e.getMessage().getHeader("CamelKafkaTopic"),
                        e.getMessage().getHeader("CamelKafkaPartition"),
                        e.getMessage().getHeader("CamelKafkaOffset")))
                .to("dune:run?queryId=1005&journal=#journal&pollInitialDelay=20ms&pollInterval=20ms")
                .process(e -> {
                    List<?> rows = e.getMessage().getBody(List.class);
                    e.getMessage()
                            .setBody(((Map<?, ?>) rows.get(0)).get("number") + " "
                                    + e.getMessage().getHeader(DuneConstants.EXECUTION_ID) + " "
                                    + e.getMessage().getHeader(DuneConstants.REQUEST_KEY) + " " + replica + " "
                                    + e.getMessage().getHeader(DuneConstants.RESUMED));
                })
                .to("kafka:dune-results?brokers=" + brokers)
                .log("replica " + replica + " done ${header.CamelDuneRequestKey}");
    }
}
