package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.model.TableInsert;
import io.github.cameldune.emulator.SampleQuery;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.converter.stream.InputStreamCache;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user tripped over says what to do: a base URL without {@code /api} names what was requested and points at
 * {@code baseUrl}; a body createQuery cannot read says what it takes; the bodies a Camel route carries (a stream cache,
 * bytes) are read as text.
 */
@Timeout(30)
class HelpfulMessagesTest extends DuneTestSupport {

    private static final String QUERY = "{\"name\": \"q\", \"query_sql\": \"select 1\"}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String host = emulator().baseUrl().replaceAll("/api$", "");
                from("direct:no-api")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&maxRetries=0&baseUrl=" + host);
                from("direct:create").to("dune:createQuery");
                from("direct:create-table").to("dune:createTable?namespace=emulator&tableName=t&schema=id:integer");
                from("direct:insert").to("dune:insert?namespace=emulator&tableName=t");
            }
        };
    }

    @Test
    void aBaseUrlWithoutApiNamesTheRequestAndPointsAtBaseUrl() {
        Exchange done = template.request("direct:no-api", e -> {});
        String host = emulator().baseUrl().replaceAll("/api$", "");
        assertThat(done.getException())
                .isInstanceOf(DuneNotFoundException.class)
                .hasMessageContaining(
                        "(POST /v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute was not found: is baseUrl " + host
                                + " right? Dune's API is under /api, as in https://api.dune.com/api)");
        assertThat(done.getException().getMessage()).doesNotContain(emulator().apiKey());
    }

    /** The troubleshooting table's row for a key that is not in the environment quotes what Camel says. */
    @Test
    void anUnsetKeyVariableFailsTheStartAsTheGuideSays() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.dune.api-key", "{{env:DUNE_API_KEY_NOT_SET}}");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:main").to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME);
            }
        });
        String message;
        try {
            main.start();
            main.stop();
            throw new AssertionError("the start should fail");
        } catch (Exception e) {
            Throwable t = e;
            StringBuilder all = new StringBuilder();
            while (t != null) {
                all.append(t.getMessage()).append('\n');
                t = t.getCause();
            }
            message = all.toString();
        }
        String guide = Files.readString(Path.of("..", "src-docs", "user-guide.adoc"));
        String quoted = "Property with key [env:DUNE_API_KEY] using function [env] returned null value which is not "
                + "allowed, from input: {{env:DUNE_API_KEY}}";
        assertThat(guide).contains(quoted);
        assertThat(message).contains(quoted.replace("DUNE_API_KEY", "DUNE_API_KEY_NOT_SET"));
        assertThat(requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyCreateQueryBodySaysWhatItTakes(String body) {
        Exchange done = template.request("direct:create", e -> e.getMessage().setBody(body));
        assertThat(done.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageStartingWith("The body is empty: it must be the query's fields, as a QueryDraft, a Map, or "
                        + "a JSON object as text, bytes, a stream or a file");
        assertThat(requests()).isEmpty();
    }

    @Test
    void aCreateQueryBodyOfAnotherTypeIsNamed() {
        Exchange done = template.request("direct:create", e -> e.getMessage().setBody(42));
        assertThat(done.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageStartingWith("The body is a java.lang.Integer: it must be the query's fields");
    }

    @Test
    void aCreateQueryBodyAsBytesOrAStreamIsRead() {
        byte[] json = QUERY.getBytes(StandardCharsets.UTF_8);
        assertThat(template.request("direct:create", e -> e.getMessage().setBody(json))
                        .getException())
                .isNull();
        assertThat(template.request("direct:create", e -> e.getMessage().setBody(new ByteArrayInputStream(json)))
                        .getException())
                .isNull();
        assertThat(template.request("direct:create", e -> e.getMessage().setBody(new InputStreamCache(json)))
                        .getException())
                .isNull();
    }

    @Test
    void anInsertFromAStreamCacheIsRead() {
        assertThat(template.request("direct:create-table", e -> {}).getException())
                .isNull();
        Exchange done = template.request(
                "direct:insert",
                e -> e.getMessage().setBody(new InputStreamCache("id\n1\n2\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(TableInsert.class).rowsWritten()).isEqualTo(2);
    }
}
