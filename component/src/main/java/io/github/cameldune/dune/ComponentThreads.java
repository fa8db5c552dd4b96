package io.github.cameldune.dune;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The threads a component owns, created through Camel's executor service manager when first needed: one scheduler for
 * every wait (status polls, retries, rate-limit slots, deadlines) and a few workers that continue exchanges.
 */
final class ComponentThreads {

    private final Object owner;
    private ScheduledExecutorService poller;
    private ExecutorService workers;

    ComponentThreads(Object owner) {
        this.owner = owner;
    }

    /** The scheduler: one thread for any number of waiting executions. */
    synchronized ScheduledExecutorService poller(ExecutorServiceManager manager) {
        if (poller == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("DunePoller");
            profile.setPoolSize(1);
            // one task per waiting execution: Camel's default bound of 1,000 queued tasks would refuse the 1,001st
            profile.setMaxQueueSize(-1);
            poller = manager.newScheduledThreadPool(owner, "DunePoller", profile);
            // a deadline or a wait's bound is cancelled when its work ends: drop it from the queue then, rather
            // than keep it (and the request it refers to) until it would have fired
            if (poller instanceof ScheduledThreadPoolExecutor pool) {
                pool.setRemoveOnCancelPolicy(true);
            }
        }
        return poller;
    }

    /** The threads that continue exchanges, so that routes never run on (and block) HttpClient's I/O threads. */
    synchronized ExecutorService workers(ExecutorServiceManager manager, int size) {
        if (workers == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("DuneWorker");
            profile.setPoolSize(size);
            profile.setMaxPoolSize(size);
            profile.setMaxQueueSize(-1);
            profile.setAllowCoreThreadTimeOut(true);
            profile.setKeepAliveTime(30L);
            workers = manager.newThreadPool(owner, "DuneWorker", profile);
        }
        return workers;
    }

    /** Shuts both down; queued work still runs. */
    synchronized void shutdown(ExecutorServiceManager manager) {
        if (poller != null) {
            manager.shutdown(poller);
            poller = null;
        }
        if (workers != null) {
            manager.shutdown(workers);
            workers = null;
        }
    }
}
