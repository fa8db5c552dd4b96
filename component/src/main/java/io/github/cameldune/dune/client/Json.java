package io.github.cameldune.dune.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.reading.ReadPath;

/** camel-dune's one Jackson mapper: ignores fields Dune adds later, reads and writes ISO-8601 timestamps. */
public final class Json {

    /** The shared mapper; thread-safe. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // after JavaTimeModule, whose Instant reader the tuned read path replaces
            .registerModule(ReadPath.module())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private Json() {}

    /** A request body as JSON text; a value Jackson cannot write is bad input, found before anything is sent. */
    static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new DuneInvalidInputException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
