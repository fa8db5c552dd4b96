package io.github.cameldune.emulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.github.cameldune.emulator.engine.QueryCatalog;

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
              --max-concurrent <n>    executions running at once, the rest queue (default 3)
              --max-page-size <rows>  largest results page (default 30000)
              --retention <duration>  how long results are kept, e.g. 10m (default 90 days)
            """.formatted(DuneEmulator.DEFAULT_API_KEY);

    private DuneEmulatorMain() {
    }

    /** Starts the emulator and blocks until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        DuneEmulator.Builder builder = DuneEmulator.builder().port(8080);
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
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("dune-emulator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
        DuneEmulator emulator = builder.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stopped.countDown();
        }, "dune-emulator-shutdown"));
        System.out.println("dune-emulator listening on " + emulator.baseUrl());
        System.out.flush();
        stopped.await();
    }
}
