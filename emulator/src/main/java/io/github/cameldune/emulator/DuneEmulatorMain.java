package io.github.cameldune.emulator;

import io.github.cameldune.emulator.engine.QueryCatalog;
import io.github.cameldune.emulator.engine.Settings;
import io.github.cameldune.emulator.faults.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone emulator: {@code java -jar dune-emulator.jar --port 8080 --api-key KEY [--queries DIR]}. Its first
 * line on stdout is {@code dune-emulator listening on http://127.0.0.1:PORT/api}; it runs until stopped.
 */
public final class DuneEmulatorMain {

    private static final String USAGE = """
            usage: java -jar dune-emulator.jar [options]
              --port <p>              port to listen on (default 8080, 0 for any free port)
              --host <address>        address to listen on (default 127.0.0.1)
              --api-key <key>         the key clients must send (default %s); --any-api-key accepts any
              --queries <dir>         a folder of .sql saved queries to add to the bundled ones
              --data <dir>            a folder of .csv/.parquet files loaded as tables (dex.x.csv -> dex.x)
              --max-concurrent <n>    executions running at once, the rest queue (default %d)
              --max-page-size <rows>  largest results page (default %d)
              --retention <duration>  how long results are kept, e.g. 10m (default %d days)
              --faults <file>         faults and rate limits to start with, as JSON (see FaultPlan); repeatable
              --fault <json>          one fault, e.g. '{"endpoint":"status","status":503,"rate":0.1}'; repeatable
              --rate-limits <limits>  Dune plan limits: free, or write=15,read=40[,window=1m]
            Faults can also be read, added and cleared while it runs: GET/POST/DELETE /emulator/faults;
            GET /emulator/stats counts executions created and requests per endpoint.
            """.formatted(
                    DuneEmulator.DEFAULT_API_KEY,
                    Settings.DEFAULT_MAX_CONCURRENT,
                    Settings.DEFAULT_MAX_PAGE_SIZE,
                    Settings.DEFAULT_RETENTION.toDays());

    private DuneEmulatorMain() {}

    /** Starts the emulator and blocks until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        DuneEmulator.Builder builder = DuneEmulator.builder().port(8080);
        List<String> faultDocuments = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--port" -> builder.port(Integer.parseInt(args[++i]));
                    case "--host" -> builder.host(args[++i]);
                    case "--api-key" -> builder.apiKey(args[++i]);
                    case "--any-api-key" -> builder.apiKey(null);
                    case "--queries" -> builder.queries(Path.of(args[++i]));
                    case "--data" -> builder.data(Path.of(args[++i]));
                    case "--max-concurrent" -> builder.maxConcurrent(Integer.parseInt(args[++i]));
                    case "--max-page-size" -> builder.maxPageSize(Integer.parseInt(args[++i]));
                    case "--retention" -> builder.retention(QueryCatalog.parseDuration(args[++i]));
                    case "--faults" -> faultDocuments.add(Files.readString(Path.of(args[++i])));
                    case "--fault" -> faultDocuments.add(args[++i]);
                    case "--rate-limits" -> faultDocuments.add(rateLimitsDocument(args[++i]));
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (RuntimeException | IOException e) {
            fail(e.getMessage());
        }
        DuneEmulator emulator = builder.build();
        try {
            faultDocuments.forEach(doc -> FaultPlan.apply(doc, emulator.faults(), emulator.rateLimits()));
        } catch (RuntimeException e) {
            fail(e.getMessage());
        }
        emulator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.stop();
                            stopped.countDown();
                        },
                        "dune-emulator-shutdown"));
        System.out.println("dune-emulator listening on " + emulator.baseUrl());
        System.out.flush();
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("dune-emulator: " + message);
        System.err.print(USAGE);
        System.exit(2);
    }

    /** {@code free} or {@code write=15,read=40,window=1m} as a {@link FaultPlan} document. */
    static String rateLimitsDocument(String spec) {
        if (spec.equalsIgnoreCase("free")) {
            return "{\"rateLimits\":{\"plan\":\"free\"}}";
        }
        StringBuilder json = new StringBuilder("{\"rateLimits\":{");
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || !List.of("write", "read", "window").contains(kv[0].trim())) {
                throw new IllegalArgumentException(
                        "--rate-limits takes free or write=N,read=N[,window=1m], not " + spec);
            }
            String value = kv[0].trim().equals("window") ? "\"" + kv[1].trim() + "\"" : kv[1].trim();
            json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                    .append('"')
                    .append(kv[0].trim())
                    .append("\":")
                    .append(value);
        }
        return json.append("}}").toString();
    }
}
