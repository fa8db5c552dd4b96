package io.github.cameldune.dune;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures every log line of every logger at TRACE (message and stack trace), for tests that check what the logs
 * contain. Close it to restore the levels.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<LoggerConfig, Level> previous = new HashMap<>();
    private final LoggerContext context;

    private final List<String> added = new java.util.ArrayList<>();

    LogCapture() {
        this(Level.ALL, Map.of());
    }

    /**
     * Captures every logger at {@code level}, except those named in {@code levels}, which get their own (as a log
     * configuration would set them).
     */
    LogCapture(Level level, Map<String, Level> levels) {
        super("capture", null, null, true, Property.EMPTY_ARRAY);
        context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        start();
        config.addAppender(this);
        for (LoggerConfig logger : config.getLoggers().values()) {
            previous.put(logger, logger.getLevel());
            logger.addAppender(this, Level.ALL, null);
            logger.setLevel(level);
        }
        levels.forEach((name, own) -> {
            // additive: its events reach the root logger's appenders, this one included
            config.addLogger(name, new LoggerConfig(name, own, true));
            added.add(name);
        });
        context.updateLoggers();
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder line = new StringBuilder(event.getLevel().name())
                .append(' ')
                .append(event.getLoggerName())
                .append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    /** Every line captured so far: level, logger, message (and stack trace). */
    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        previous.forEach((logger, level) -> {
            logger.removeAppender(getName());
            logger.setLevel(level);
        });
        added.forEach(context.getConfiguration()::removeLogger);
        context.getConfiguration().getAppenders().remove(getName());
        context.updateLoggers();
        stop();
    }
}
