package io.github.cameldune.dune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.model.DuneModel;
import java.util.Map;
import org.apache.camel.Converter;

/** Type converters from camel-dune's bodies to JSON text and maps, with the field names Dune uses. */
@Converter(generateLoader = true)
public final class DuneConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private DuneConverters() {}

    /** The JSON Dune would send, e.g. {@code {"execution_id":"01...","state":"QUERY_STATE_PENDING"}}. */
    @Converter
    public static String toJson(DuneModel body) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(body);
    }

    /** A map with Dune's field names, e.g. {@code execution_id} and {@code state}. */
    @Converter
    public static Map<String, Object> toMap(DuneModel body) {
        return Json.MAPPER.convertValue(body, MAP);
    }
}
