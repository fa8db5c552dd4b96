package io.github.cameldune.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.DuneComponent;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(120)
class TopTradersRouteTest extends CamelTestSupport {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the routes' dune: endpoints talk to the emulator, with its key
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        dune.getConfiguration().setBaseUrl(DUNE.emulator().baseUrl());
        dune.getConfiguration().setApiKey(DUNE.emulator().apiKey());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:top-traders").to("dune:run?queryId=1002&param.top_n=3");
            }
        };
    }

    @Test
    void readsTheTopTraders() {
        List<?> rows = template.requestBody("direct:top-traders", null, List.class);
        assertThat(rows).hasSize(3);
        assertThat(DUNE.emulator().executionsCreated()).isEqualTo(1);
    }
}
