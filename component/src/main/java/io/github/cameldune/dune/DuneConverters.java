package io.github.cameldune.dune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cameldune.dune.client.ApiKeyLocation;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.DuneModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Converter;

/**
 * Type converters from camel-dune's bodies to JSON text and maps, with the field names Dune uses; and from text to the
 * enum options, so that a value that is not one of them is refused naming the option and what is allowed, on a URI
 * or in a component's properties.
 */
@Converter(generateLoader = true)
public final class DuneConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private DuneConverters() {}

    /** The JSON Dune would send, e.g. {@code {"execution_id":"01...","state":"QUERY_STATE_PENDING"}}. */
    @Converter
    public static String toJson(DuneModel body) throws JsonProcessingException {
        return Json.MAPPER.writeValueAsString(body);
    }

    /** {@code outputType}'s text: {@code rows}, {@code stream}, {@code json} or {@code csv}, in any case. */
    @Converter
    public static OutputType toOutputType(String text) {
        return named(OutputType.class, "outputType", text);
    }

    /** {@code apiKeyLocation}'s text: {@code header} or {@code query}, in any case. */
    @Converter
    public static ApiKeyLocation toApiKeyLocation(String text) {
        return named(ApiKeyLocation.class, "apiKeyLocation", text);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String option, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value;
            }
        }
        throw new DuneInvalidInputException("Invalid " + option + " '" + text + "': expected "
                + Arrays.stream(type.getEnumConstants())
                        .map(e -> e.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }

    /** A map with Dune's field names, e.g. {@code execution_id} and {@code state}. */
    @Converter
    public static Map<String, Object> toMap(DuneModel body) {
        return Json.MAPPER.convertValue(body, MAP);
    }
}
