package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.emulator.SampleQuery;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Input that could change a request, leak the key or flood Dune is refused before anything is sent. */
@Timeout(120)
class HardeningTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:results").to("dune:results");
            }
        };
    }

    @Test
    void lineBreaksInHeaderValuesAreRefused() {
        Exchange done = template.request("direct:results", e -> {
            e.getMessage().setHeader(DuneConstants.EXECUTION_ID, "01HKZJ2683PHF9Q9PHHQ8FW4Q1");
            e.getMessage().setHeader(DuneConstants.COLUMNS, "number\r\nX-Injected: yes");
        });
        assertThat(done.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("The CamelDuneColumns header must not contain line breaks");
        assertThat(requests()).isEmpty();
    }

    @Test
    void oversizedParametersAreRefusedWithTheLimit() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("p" + i, i);
        }
        Exchange tooMany =
                template.request("direct:execute", e -> e.getMessage().setBody(many));
        assertThat(tooMany.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("300 query parameters are too many: at most 256 are sent");
        Exchange tooLong =
                template.request("direct:execute", e -> e.getMessage().setBody(Map.of("label", "x".repeat(70_000))));
        assertThat(tooLong.getException()).hasMessageContaining("at most 65536");
        assertThat(requests()).isEmpty();
    }

    @Test
    void idsCannotChangeTheRequestPath() {
        Exchange done = template.request(
                "direct:execute", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, "1/../../sql/execute"));
        assertThat(done.getException()).isInstanceOf(DuneInvalidInputException.class);
        assertThat(requests()).isEmpty();
    }

    @Test
    void plainHttpToAnotherHostIsRefusedUnlessAllowed() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setApiKey("k");
            other.addComponent("dune", dune);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("dune:execute?queryId=1&baseUrl=http://dune-proxy.example.com/api");
                }
            });
            assertThatThrownBy(other::start)
                    .rootCause()
                    .hasMessageContaining(
                            "Refusing to send the Dune API key over " + "plain HTTP to dune-proxy.example.com");
        }
        try (CamelContext allowed = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setApiKey("k");
            allowed.addComponent("dune", dune);
            allowed.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a")
                            .to("dune:execute?queryId=1&baseUrl=http://dune-proxy.example.com/api"
                                    + "&allowInsecureHttp=true");
                    from("direct:b").to("dune:execute?queryId=1&baseUrl=http://localhost:8080/api");
                }
            });
            allowed.start();
            assertThat(allowed.isStarted()).isTrue();
        }
    }

    @Test
    void aKeyWithALineBreakIsRefusedAtStart() throws Exception {
        try (CamelContext other = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setApiKey("abc\r\nX-Other: 1");
            other.addComponent("dune", dune);
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:a").to("dune:execute?queryId=1");
                }
            });
            assertThatThrownBy(other::start)
                    .rootCause()
                    .hasMessageContaining("line break")
                    .hasMessageNotContaining("abc");
        }
    }
}
