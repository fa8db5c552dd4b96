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
 * The standalone emulator: {@code java -jar dune-emulator.jar --port 3863 --api-key KEY [--queries DIR]}. Its first
 * line on stdout is {@code dune-emulator listening on http://127.0.0.1:PORT/api}; it runs until stopped.
 */
public final class DuneEmulatorMain {

    /** The port the standalone emulator listens on unless told: 3863, D-U-N-E on a phone's keypad, clear of 8080. */
    public static final int DEFAULT_PORT = 3863;

    private static final String USAGE = """
            usage: java -jar dune-emulator.jar [options]
              --port <p>              port to listen on (default 3863, D-U-N-E on a phone's keypad, clear of 8080; 0 for any free port)
              --host <address>        address to listen on (default 127.0.0.1)
              --api-key <key>         the key clients must send (default %s); --any-api-key accepts any
              --handle <handle>       the account's handle, the namespace of its uploads (default %s)
              --queries <dir>         a folder of .sql saved queries to add to the bundled ones
              --data <dir>            a folder of .csv/.parquet files loaded as tables (dex.x.csv -> dex.x)
              --max-concurrent <n>    executions running at once, the rest queue (default %d)
              --max-page-size <rows>  largest results page (default %d)
              --max-requests-in-flight <n>
                                      requests queued or answered at once; past it 503 + Retry-After at once (default %d)
              --retention <duration>  how long results are kept, e.g. 10m (default %d days)
              --faults <file>         faults and rate limits to start with, as JSON (see FaultPlan); repeatable
              --fault <json>          one fault, e.g. '{"endpoint":"status","status":503,"rate":0.1}'; repeatable
              --rate-limits <limits>  Dune plan limits: free, or write=15,read=40[,window=1m]
              --credit-limit <n>      past n credits used, executes are answered 402 (default 0: no limit)
              --execution-credits <prices>
                                      an execution's cost: base by tier plus per second run, e.g.
                                      medium=10,large=20,medium-per-second=1,large-per-second=2 (default %d, %d, 0, 0)
              --export-credits-per-mb <n>
                                      credits per MB of results read (default %d)
              --storage-limit <size>  bytes the uploaded tables may hold, e.g. 1GB; past it writes get 402
                                      (default %s, Dune's Free plan; the status is the emulator's guess)
              --body-limits <sizes>   largest bodies taken, e.g. insert=64MB,csv=16MB; larger ones get 413
                                      (default insert=%s,csv=%s, Dune's documented limits; 413 is a guess)
            Faults can also be read, added and cleared while it runs: GET/POST/DELETE /emulator/faults;
            GET /emulator/stats counts executions created and requests per endpoint, and names the handle;
            GET /emulator/queries lists the saved queries and their parameters.
            """.formatted(
                    DuneEmulator.DEFAULT_API_KEY,
                    Settings.DEFAULT_HANDLE,
                    Settings.DEFAULT_MAX_CONCURRENT,
                    Settings.DEFAULT_MAX_PAGE_SIZE,
                    Settings.DEFAULT_MAX_REQUESTS_IN_FLIGHT,
                    Settings.DEFAULT_RETENTION.toDays(),
                    Settings.DEFAULT_MEDIUM_CREDITS,
                    Settings.DEFAULT_LARGE_CREDITS,
                    Settings.DEFAULT_EXPORT_CREDITS_PER_MB,
                    size(Settings.DEFAULT_STORAGE_LIMIT),
                    size(Settings.DEFAULT_MAX_INSERT_BYTES),
                    size(Settings.DEFAULT_MAX_CSV_BYTES));

    private DuneEmulatorMain() {}

    /** Starts the emulator and blocks until the process is stopped; a wrong start is one line and exit code 2. */
    public static void main(String[] args) throws InterruptedException {
        DuneEmulator emulator;
        try {
            emulator = start(args);
        } catch (RuntimeException | IOException e) {
            System.err.println("dune-emulator: " + reason(e) + " (--help lists the options)");
            System.exit(2);
            return;
        }
        if (emulator == null) {
            System.out.print(USAGE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.stop();
                            stopped.countDown();
                        },
                        "dune-emulator-shutdown"));
        // the official SDKs take the origin and add /api themselves
        System.out.println("dune-emulator listening on " + emulator.baseUrl() + " (base URL for Dune's official SDKs: "
                + emulator.baseUrl().replaceFirst("/api$", "") + "; account handle "
                + emulator.engine().settings().handle() + ")");
        System.out.flush();
        stopped.await();
    }

    /** The started emulator, or null when only the usage was asked for. */
    static DuneEmulator start(String[] args) throws IOException {
        DuneEmulator.Builder builder = DuneEmulator.builder().port(DEFAULT_PORT);
        List<String> faultDocuments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--any-api-key" -> builder.apiKey(null);
                case "--port" -> builder.port(number(arg, value(args, i++)));
                case "--host" -> builder.host(value(args, i++));
                case "--api-key" -> builder.apiKey(value(args, i++));
                case "--handle" -> {
                    String handle = value(args, i++);
                    builder.settings(settings -> settings.handle(handle));
                }
                case "--queries" -> builder.queries(folder(arg, value(args, i++)));
                case "--data" -> builder.data(folder(arg, value(args, i++)));
                case "--max-concurrent" -> builder.maxConcurrent(number(arg, value(args, i++)));
                case "--max-page-size" -> builder.maxPageSize(number(arg, value(args, i++)));
                case "--max-requests-in-flight" -> {
                    int max = number(arg, value(args, i++));
                    builder.settings(s -> s.maxRequestsInFlight(max));
                }
                case "--retention" -> builder.retention(QueryCatalog.parseDuration(value(args, i++)));
                case "--faults" -> faultDocuments.add(Files.readString(folderOrFile(arg, value(args, i++))));
                case "--fault" -> faultDocuments.add(value(args, i++));
                case "--rate-limits" -> faultDocuments.add(rateLimitsDocument(value(args, i++)));
                case "--credit-limit" -> {
                    int limit = number(arg, value(args, i++));
                    builder.settings(s -> s.creditLimit(limit));
                }
                case "--execution-credits" -> {
                    int[] prices = executionCredits(value(args, i++));
                    builder.settings(s -> s.executionCredits(prices[0], prices[1], prices[2], prices[3]));
                }
                case "--export-credits-per-mb" -> {
                    int perMb = number(arg, value(args, i++));
                    builder.settings(s -> s.exportCreditsPerMb(perMb));
                }
                case "--storage-limit" -> {
                    long bytes = bytes(arg, value(args, i++));
                    builder.settings(s -> s.storageLimit(bytes));
                }
                case "--body-limits" -> {
                    long[] limits = bodyLimits(value(args, i++));
                    builder.settings(s -> s.bodyLimits(limits[0], limits[1]));
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        DuneEmulator emulator = builder.build();
        faultDocuments.forEach(doc -> FaultPlan.apply(doc, emulator.faults(), emulator.rateLimits()));
        return emulator.start();
    }

    /** A size in bytes: a number with an optional KB, MB or GB (powers of 1000, as Dune's plans state them). */
    static long bytes(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+)\\s*(kb|mb|gb)?\\s*")
                .matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " takes a size such as 500MB or 1GB, not " + text);
        }
        long unit = m.group(2) == null
                ? 1
                : switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                    case "kb" -> 1_000L;
                    case "mb" -> 1_000_000L;
                    default -> 1_000_000_000L;
                };
        return Long.parseLong(m.group(1)) * unit;
    }

    private static String size(long bytes) {
        return bytes % 1_000_000_000L == 0
                ? bytes / 1_000_000_000L + "GB"
                : bytes % 1_000_000L == 0 ? bytes / 1_000_000L + "MB" : String.valueOf(bytes);
    }

    /** {@code insert=64MB,csv=16MB}, either or both, the other at its default. */
    private static long[] bodyLimits(String spec) {
        long[] limits = {Settings.DEFAULT_MAX_INSERT_BYTES, Settings.DEFAULT_MAX_CSV_BYTES};
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            int at = kv.length == 2 ? List.of("insert", "csv").indexOf(kv[0].trim()) : -1;
            if (at < 0) {
                throw new IllegalArgumentException("--body-limits takes insert=SIZE,csv=SIZE, not " + spec);
            }
            limits[at] = bytes("--body-limits " + kv[0].trim(), kv[1].trim());
        }
        return limits;
    }

    /** The value after option {@code args[i]}. */
    private static String value(String[] args, int i) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
        }
    }

    private static Path folder(String option, String value) {
        Path path = Path.of(value);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + value + ": no such folder");
        }
        return path;
    }

    private static Path folderOrFile(String option, String value) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(option + " " + value + ": no such file");
        }
        return path;
    }

    /** What went wrong, in words and one line: the innermost message, e.g. "Address already in use". */
    static String reason(Throwable e) {
        StringBuilder why =
                new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !why.toString().contains(cause.getMessage())) {
                why.append(": ").append(cause.getMessage());
            }
        }
        return why.toString().replaceAll("\\s*\\R\\s*", " ");
    }

    /** {@code medium=10,large=20,medium-per-second=1,large-per-second=2} (any of them) as those four prices. */
    static int[] executionCredits(String spec) {
        List<String> keys = List.of("medium", "large", "medium-per-second", "large-per-second");
        int[] prices = {Settings.DEFAULT_MEDIUM_CREDITS, Settings.DEFAULT_LARGE_CREDITS, 0, 0};
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            int at = kv.length == 2 ? keys.indexOf(kv[0].trim()) : -1;
            if (at < 0) {
                throw new IllegalArgumentException(
                        "--execution-credits takes " + String.join("=N,", keys) + "=N (any of them), not " + spec);
            }
            prices[at] = number("--execution-credits " + kv[0].trim(), kv[1].trim());
        }
        return prices;
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
