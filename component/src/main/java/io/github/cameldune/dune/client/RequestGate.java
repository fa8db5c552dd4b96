package io.github.cameldune.dune.client;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most so many requests of a component in flight at once; the next ones wait in a queue, holding no thread and no
 * buffer, and go out as earlier ones complete. It keeps a flood of messages from a fast route from piling up work
 * inside HttpClient.
 */
public final class RequestGate {

    private final int max;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    /** @param max requests in flight at once; 0 for no limit */
    public RequestGate(int max) {
        this.max = max <= 0 ? Integer.MAX_VALUE : max;
    }

    /** Runs the request now if there is room, else when a request in flight completes. */
    void submit(Runnable request) {
        synchronized (this) {
            if (inFlight >= max) {
                waiting.addLast(request);
                return;
            }
            inFlight++;
        }
        request.run();
    }

    /** A request completed: the next one waiting, if any, takes its place. */
    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** Requests waiting for room. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
