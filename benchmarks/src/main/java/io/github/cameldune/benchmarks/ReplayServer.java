package io.github.cameldune.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-only mode's server: it records one execution's status and every page of its results (JSON and CSV) from
 * the emulator once, then answers those requests from memory with the bytes the emulator sent, each response written
 * whole in one write, without SQL, JSON or any allocation per request. So a benchmark against it measures the client,
 * against the fastest server this machine runs, and not the emulator's DuckDB. It runs in a JVM of its own
 * ({@link #start}), so its garbage and threads are not the client's. A page is found by its {@code offset}; the
 * {@code limit} a client asks for is not looked at (Dune too may send fewer rows than asked, with the next offset).
 */
public final class ReplayServer {

    private static final Pattern OFFSET = Pattern.compile("[?&]offset=(\\d+)");
    private static final Pattern NEXT_URI = Pattern.compile("\"next_uri\"\\s*:\\s*\"([^\"]+)\"");
    private static final byte[] NOT_FOUND = response(
            404, "application/json", Map.of(), "{\"error\":\"not recorded\"}".getBytes(StandardCharsets.UTF_8));

    /** Whole responses by path and offset: {@code /api/v1/execution/<id>/results@30000}. */
    private final Map<String, byte[]> responses = new HashMap<>();

    private ReplayServer() {}

    /**
     * {@code ReplayServer <emulatorBaseUrl> <apiKey> <executionId>}: records, then prints {@code replay listening on
     * <baseUrl> (<n> responses, <MB> MB)} and serves until its standard input closes.
     */
    public static void main(String[] args) throws Exception {
        ServerSocket socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        String origin = "http://127.0.0.1:" + socket.getLocalPort();
        ReplayServer server = new ReplayServer();
        long bytes = server.record(args[0], args[1], args[2], origin);
        Thread acceptor = new Thread(() -> server.accept(socket), "replay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.printf(
                "replay listening on %s/api (%d responses, %.0f MB)%n",
                origin, server.responses.size(), bytes / 1048576.0);
        System.out.flush();
        // ends with the benchmark that started it
        while (System.in.read() >= 0) {
            // keep serving
        }
        System.exit(0);
    }

    /** Records the execution's status and every page, rewriting the emulator's origin to this server's. */
    private long record(String emulatorBaseUrl, String apiKey, String executionId, String origin) throws Exception {
        String emulatorOrigin = emulatorBaseUrl.replaceFirst("/api$", "");
        HttpClient http = HttpClient.newHttpClient();
        String base = "/api/v1/execution/" + executionId;
        long total = 0;
        total += keep(http, apiKey, emulatorOrigin, origin, base + "/status", 0);
        for (String kind : List.of("/results", "/results/csv")) {
            String next = emulatorOrigin + base + kind;
            while (next != null) {
                HttpResponse<byte[]> page = http.send(
                        HttpRequest.newBuilder(URI.create(next))
                                .header("X-Dune-Api-Key", apiKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (page.statusCode() != 200) {
                    throw new IOException(next + " answered " + page.statusCode());
                }
                Matcher offset = OFFSET.matcher(next);
                long at = offset.find() ? Long.parseLong(offset.group(1)) : 0;
                String following;
                if (kind.endsWith("csv")) {
                    following = page.headers().firstValue("x-dune-next-uri").orElse(null);
                } else {
                    Matcher m = NEXT_URI.matcher(tail(page.body()));
                    following = m.find() ? m.group(1) : null;
                }
                total += put(base + kind, at, page, emulatorOrigin, origin);
                next = following;
            }
        }
        return total;
    }

    private long keep(HttpClient http, String apiKey, String emulatorOrigin, String origin, String path, long at)
            throws Exception {
        HttpResponse<byte[]> answer = http.send(
                HttpRequest.newBuilder(URI.create(emulatorOrigin + path))
                        .header("X-Dune-Api-Key", apiKey)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException(path + " answered " + answer.statusCode());
        }
        return put(path, at, answer, emulatorOrigin, origin);
    }

    private long put(String path, long at, HttpResponse<byte[]> answer, String emulatorOrigin, String origin) {
        byte[] body = new String(answer.body(), StandardCharsets.UTF_8)
                .replace(emulatorOrigin, origin)
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String name : List.of("x-dune-next-uri", "x-dune-next-offset")) {
            answer.headers().firstValue(name).ifPresent(v -> headers.put(name, v.replace(emulatorOrigin, origin)));
        }
        String type = answer.headers().firstValue("content-type").orElse("application/json");
        responses.put(path + "@" + at, response(200, type, headers, body));
        return body.length;
    }

    private static String tail(byte[] page) {
        int from = Math.max(0, page.length - 4096);
        return new String(page, from, page.length - from, StandardCharsets.UTF_8);
    }

    private static byte[] response(int status, String type, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(status == 200 ? " OK" : " Not Found")
                .append("\r\nContent-Type: ")
                .append(type)
                .append("\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[h.length + body.length];
        System.arraycopy(h, 0, whole, 0, h.length);
        System.arraycopy(body, 0, whole, h.length, body.length);
        return whole;
    }

    private void accept(ServerSocket socket) {
        while (true) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(connection), "replay-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** One keep-alive connection: a request head (and any body) in, a recorded response out, until it closes. */
    private void serve(Socket connection) {
        try (connection;
                InputStream in = new BufferedInputStream(connection.getInputStream(), 16384);
                OutputStream out = connection.getOutputStream()) {
            byte[] head = new byte[16384];
            while (true) {
                int n = readHead(in, head);
                if (n < 0) {
                    return;
                }
                String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
                int lineEnd = text.indexOf("\r\n");
                String[] requestLine = text.substring(0, lineEnd).split(" ");
                String lower = text.toLowerCase(Locale.ROOT);
                int length = lower.indexOf("\r\ncontent-length:");
                if (length >= 0) {
                    int end = lower.indexOf("\r\n", length + 2);
                    in.skipNBytes(
                            Long.parseLong(text.substring(length + 17, end).trim()));
                }
                String target = requestLine[1];
                int q = target.indexOf('?');
                String path = q < 0 ? target : target.substring(0, q);
                Matcher offset = OFFSET.matcher(target);
                byte[] answer = responses.getOrDefault(path + "@" + (offset.find() ? offset.group(1) : "0"), NOT_FOUND);
                out.write(answer);
                out.flush();
                if (lower.contains("\r\nconnection: close")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads up to the blank line that ends a request head; its length, or -1 at the end of the stream. */
    private static int readHead(InputStream in, byte[] head) throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            if (n == head.length) {
                throw new IOException("request head too long");
            }
            head[n++] = (byte) b;
            if (n >= 4 && head[n - 1] == '\n' && head[n - 2] == '\r' && head[n - 3] == '\n' && head[n - 4] == '\r') {
                return n;
            }
        }
    }

    /** A replay server in its own JVM, recording from the emulator first; closing it ends that JVM. */
    static final class Process implements AutoCloseable {
        private final java.lang.Process process;
        private final String baseUrl;

        private Process(java.lang.Process process, String baseUrl) {
            this.process = process;
            this.baseUrl = baseUrl;
        }

        /** Starts it (in {@code -Xmx1g}) and waits until it has recorded and listens. */
        static Process start(String emulatorBaseUrl, String apiKey, String executionId) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ReplayServer.class.getName(),
                    emulatorBaseUrl,
                    apiKey,
                    executionId));
            java.lang.Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Bench.say("   [replay] %s", line);
                Matcher m = Pattern.compile("replay listening on (\\S+)").matcher(line);
                if (m.find()) {
                    return new Process(process, m.group(1));
                }
            }
            process.destroyForcibly();
            throw new IOException("the replay server ended before it listened");
        }

        /** Its base URL, {@code http://127.0.0.1:<port>/api}. */
        String baseUrl() {
            return baseUrl;
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
