package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An insert body cut into request bodies of at most {@code maxBytes}, on row boundaries, read as it is sent: a
 * {@code String}, {@code byte[]}, {@code InputStream}, {@code File} or {@code Path} line by line (a CSV row whose quoted
 * field holds a line break stays whole; each CSV part starts with the header line), or an {@code Iterable} or
 * {@code Iterator} of rows written as NDJSON one at a time. At most one part is held in memory.
 */
final class InsertChunks implements Iterator<byte[]>, AutoCloseable {

    private final BufferedReader lines;
    private final Iterator<?> rows;
    private final boolean csv;
    private final byte[] header;
    private final int maxBytes;
    private byte[] pending;
    private boolean done;

    private InsertChunks(BufferedReader lines, Iterator<?> rows, boolean csv, int maxBytes) {
        this.lines = lines;
        this.rows = rows;
        this.maxBytes = maxBytes;
        this.csv = csv && lines != null;
        this.header = this.csv ? headerLine() : null;
        this.pending = nextRow();
    }

    /**
     * The parts of a body.
     *
     * @param csv whether text is CSV (a header line first) rather than NDJSON
     */
    static InsertChunks of(Object body, boolean csv, int maxBytes) {
        if (body instanceof Iterable<?> rows) {
            return new InsertChunks(null, rows.iterator(), false, maxBytes);
        }
        if (body instanceof Iterator<?> rows) {
            return new InsertChunks(null, rows, false, maxBytes);
        }
        return new InsertChunks(new BufferedReader(reader(body), 1 << 16), null, csv, maxBytes);
    }

    /**
     * A body that cannot be split (a CSV upload replaces its table), read whole: at most {@code maxBytes}, or it is
     * refused before anything is sent.
     */
    static byte[] whole(Object body, int maxBytes) {
        byte[] bytes;
        try {
            if (body instanceof String text) {
                bytes = text.getBytes(StandardCharsets.UTF_8);
            } else if (body instanceof byte[] array) {
                bytes = array;
            } else if (body instanceof File || body instanceof Path) {
                Path path = body instanceof File file ? file.toPath() : (Path) body;
                long size = Files.size(path);
                bytes = size > maxBytes ? new byte[maxBytes + 1] : Files.readAllBytes(path);
            } else if (body instanceof InputStream stream) {
                bytes = stream.readNBytes(maxBytes + 1);
            } else {
                throw new DuneInvalidInputException("An uploadCsv body is CSV as a String, byte[], InputStream, File "
                        + "or Path (or a Camel file), not "
                        + (body == null ? "empty" : body.getClass().getName()));
            }
        } catch (IOException e) {
            throw new DuneInvalidInputException("The uploadCsv body cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw new DuneInvalidInputException("The uploadCsv body is larger than maxInsertBytes (" + maxBytes
                    + "): a CSV upload is one request, so raise maxInsertBytes (Dune takes up to 500 MB) or use "
                    + "createTable and insert, which split a large body");
        }
        if (bytes.length == 0) {
            throw new DuneInvalidInputException("The uploadCsv body is empty: it needs a header line and rows");
        }
        return bytes;
    }

    /** Whether the body was given as rows, and so is NDJSON whatever the format option says. */
    static boolean isRows(Object body) {
        return body instanceof Iterable<?> || body instanceof Iterator<?>;
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public byte[] next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        ByteArrayOutputStream part = new ByteArrayOutputStream(Math.min(maxBytes, 1 << 20));
        if (header != null) {
            part.writeBytes(header);
        }
        do {
            if (part.size() + pending.length > maxBytes && part.size() > (header == null ? 0 : header.length)) {
                break;
            }
            if ((header == null ? 0 : header.length) + pending.length > maxBytes) {
                throw new DuneInvalidInputException(
                        "A row of " + pending.length + " bytes does not fit in " + "maxInsertBytes (" + maxBytes + ")");
            }
            part.writeBytes(pending);
            pending = nextRow();
        } while (pending != null);
        return part.toByteArray();
    }

    @Override
    public void close() {
        if (lines != null) {
            try {
                lines.close();
            } catch (IOException ignored) {
                // a source that cannot close has nothing more to give
            }
        }
    }

    private byte[] headerLine() {
        byte[] first = nextRow();
        if (first == null) {
            throw new DuneInvalidInputException("The CSV insert body is empty: it needs a header line");
        }
        return first;
    }

    /** The next row with its line break, or null at the end; blank lines are skipped. */
    private byte[] nextRow() {
        if (done) {
            return null;
        }
        if (rows != null) {
            if (!rows.hasNext()) {
                done = true;
                return null;
            }
            try {
                byte[] json = Json.MAPPER.writeValueAsBytes(rows.next());
                byte[] line = new byte[json.length + 1];
                System.arraycopy(json, 0, line, 0, json.length);
                line[json.length] = '\n';
                return line;
            } catch (IOException e) {
                throw new DuneInvalidInputException("A row cannot be written as JSON: " + e.getMessage(), e);
            }
        }
        try {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && line.isBlank());
            if (line == null) {
                done = true;
                return null;
            }
            StringBuilder row = new StringBuilder(line);
            // a quoted CSV field may hold line breaks: the row goes on while a quote is open
            while (csv && openQuote(row)) {
                String more = lines.readLine();
                if (more == null) {
                    break;
                }
                row.append('\n').append(more);
            }
            return (row.append('\n').toString()).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The insert body cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean openQuote(CharSequence row) {
        int quotes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static Reader reader(Object body) {
        try {
            if (body instanceof String text) {
                return new StringReader(text);
            }
            if (body instanceof byte[] bytes) {
                return new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
            }
            if (body instanceof InputStream stream) {
                return new InputStreamReader(stream, StandardCharsets.UTF_8);
            }
            if (body instanceof File file) {
                return Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8);
            }
            if (body instanceof Path path) {
                return Files.newBufferedReader(path, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DuneInvalidInputException("The insert body cannot be read: " + e.getMessage(), e);
        }
        throw new DuneInvalidInputException("An insert body is CSV or NDJSON as a String, byte[], InputStream, File or "
                + "Path (or a Camel file), or rows as a List or Iterator of maps, not "
                + (body == null ? "empty" : body.getClass().getName()));
    }
}
