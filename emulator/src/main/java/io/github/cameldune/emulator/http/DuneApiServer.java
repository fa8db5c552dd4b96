package io.github.cameldune.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.InvalidRequestException;
import io.github.cameldune.emulator.engine.NotFoundException;
import io.github.cameldune.emulator.engine.Settings;
import io.github.cameldune.emulator.engine.StorageFullException;
import io.github.cameldune.emulator.faults.FaultInjector;
import io.github.cameldune.emulator.faults.RateLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The Dune API v1 over HTTP: the JDK server, authentication, and the mapping of failures to Dune's error bodies. The
 * endpoints are in {@link ApiRoutes}, what stands in front of them in {@link FaultGate}, the emulator's own controls in
 * {@link AdminEndpoint}.
 */
public final class DuneApiServer implements AutoCloseable {

    private final String apiKey;
    private final RequestStats stats;
    private final ApiRoutes routes;
    private final HttpServer server;
    private final SheddingExecutor workers;
    private final Settings settings;

    /**
     * Binds the server; {@link #start()} opens it.
     *
     * @param apiKey the key clients must send, or null to accept any non-empty key
     * @param stats  where requests are recorded and counted
     */
    public DuneApiServer(
            ExecutionEngine engine,
            FaultInjector faults,
            RateLimits rateLimits,
            RequestStats stats,
            String host,
            int port,
            String apiKey)
            throws IOException {
        this.apiKey = apiKey;
        this.stats = stats;
        this.settings = engine.settings();
        this.routes = new ApiRoutes(engine, new FaultGate(faults, rateLimits, stats), stats);
        tuneJdkServer();
        this.server = HttpServer.create(new InetSocketAddress(host, port), 1024);
        this.workers = new SheddingExecutor(16, settings::maxRequestsInFlight);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.createContext("/emulator/", new AdminEndpoint(engine, faults, rateLimits, stats));
    }

    /**
     * The JDK server reads these once, when its first server is created in the JVM; a value the user set wins. They
     * are set here rather than when the class loads, so that merely loading the emulator changes nothing.
     */
    private static void tuneJdkServer() {
        // it writes headers and body apart: without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to each answer
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // it closes idle keep-alive connections beyond 200, which a client with a larger pool then finds closed
        // under a request it must not resend (an execute): keep as many as a busy client opens
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "2000");
        }
    }

    /** Starts answering. */
    public void start() {
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.close();
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            if (SheddingExecutor.isShedding()) {
                shed(http);
                return;
            }
            // the largest body any endpoint takes, read at most once over: a bigger one is refused, not held
            long limit = Math.max(settings.maxInsertBytes(), settings.maxCsvBytes());
            byte[] body = http.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            ApiExchange ex = new ApiExchange(http, body);
            if (body.length > limit) {
                stats.refused(413);
                ex.sendError(413, tooLarge(limit));
                return;
            }
            stats.record(http, ex.path, http.getRequestURI().getRawQuery(), body);
            try {
                // Dune checks the key before anything else, even before the id format
                authenticate(ex);
                routes.dispatch(ex);
            } catch (ApiExchange.ResetConnection e) {
                ex.resetConnection();
            } catch (ApiException e) {
                stats.refused(e.status);
                e.headers.forEach((k, v) -> http.getResponseHeaders().set(k, v));
                if (e.rawBody != null) {
                    ex.send(e.status, e.contentType, e.rawBody.getBytes(StandardCharsets.UTF_8));
                } else {
                    ex.sendError(e.status, e.getMessage());
                }
            } catch (InvalidRequestException e) {
                stats.refused(400);
                ex.sendError(400, e.getMessage());
            } catch (NotFoundException e) {
                stats.refused(404);
                ex.sendError(404, e.getMessage());
            } catch (StorageFullException e) {
                stats.refused(402);
                ex.sendError(402, e.getMessage());
            } catch (RuntimeException | SQLException e) {
                stats.refused(500);
                ex.sendError(500, "An internal error occurred");
            }
        }
    }

    /** Past maxRequestsInFlight: refused before its body is read, with the pause Dune's own 503s do not give. */
    private void shed(HttpExchange http) throws IOException {
        stats.refused(503);
        http.getResponseHeaders().set("Retry-After", "1");
        new ApiExchange(http, new byte[0])
                .sendError(
                        503,
                        "The emulator is answering " + settings.maxRequestsInFlight() + " requests "
                                + "(maxRequestsInFlight): try again in a second");
    }

    /** The 413 text: Dune documents the size limits, not what it answers past them. */
    static String tooLarge(long limit) {
        return "Request body too large: at most " + limit + " bytes (the emulator's limit and status; Dune documents "
                + "the limits, not the answer)";
    }

    private void authenticate(ApiExchange ex) {
        String key = ex.http.getRequestHeaders().getFirst("X-Dune-Api-Key");
        if (key == null) {
            key = ex.first("api_key");
        }
        if (key == null || key.isEmpty() || apiKey != null && !apiKey.equals(key)) {
            throw new ApiException(401, "invalid API Key");
        }
    }
}
