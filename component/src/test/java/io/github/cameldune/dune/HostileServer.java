package io.github.cameldune.dune;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A server on loopback that answers as broken proxies and deployments do, one way per instance. Every answer loop is
 * bounded in bytes and time, and ends when the client goes away.
 */
final class HostileServer implements AutoCloseable {

    /** How it answers. */
    enum Mode {
        /** A 200 whose body never ends (chunked, until the client leaves or 1 GiB). */
        ENDLESS_BODY,
        /** A 200 whose body comes one byte every 200 ms. */
        TRICKLE,
        /** A gzip body of a few MiB that would inflate to far more, sent whether asked for or not. */
        GZIP_BOMB,
        /** Reads the request and never answers. */
        SILENT
    }

    private static final long MAX_BYTES = 1L << 30;
    private static final long MAX_MILLIS = 60_000;

    private final Mode mode;
    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });

    /** The gzip bomb, made before the server listens, so that the answer comes at once. */
    private final byte[] bomb;

    HostileServer(Mode mode) throws IOException {
        this.mode = mode;
        this.bomb = mode == Mode.GZIP_BOMB ? gzipOfZeros(512L * 1024 * 1024) : null;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** The base URL to point an endpoint at. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/api";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.execute(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket client) {
        long deadline = System.currentTimeMillis() + MAX_MILLIS;
        try (client) {
            readHead(client.getInputStream());
            OutputStream out = client.getOutputStream();
            switch (mode) {
                case ENDLESS_BODY -> {
                    out.write(head("Transfer-Encoding: chunked"));
                    byte[] chunk = ("8000\r\n" + "x".repeat(0x8000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (long sent = 0; sent < MAX_BYTES && System.currentTimeMillis() < deadline; sent += 0x8000) {
                        out.write(chunk);
                    }
                }
                case TRICKLE -> {
                    out.write(head("Content-Length: 1000"));
                    for (int i = 0; i < 1000 && System.currentTimeMillis() < deadline; i++) {
                        out.write('{');
                        out.flush();
                        // about time: a body that trickles in, a byte every 200 ms
                        Thread.sleep(200);
                    }
                }
                case GZIP_BOMB -> {
                    out.write(head("Content-Encoding: gzip\r\nContent-Length: " + bomb.length));
                    out.write(bomb);
                }
                case SILENT -> {
                    while (System.currentTimeMillis() < deadline
                            && client.getInputStream().read() >= 0) {
                        // the client's bytes, if any; the answer never comes
                    }
                }
            }
            out.flush();
        } catch (IOException | InterruptedException gone) {
            // the client went away: that is how it should end
        }
    }

    private static byte[] head(String extra) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return;
            }
        }
    }

    private static byte[] gzipOfZeros(long size) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
