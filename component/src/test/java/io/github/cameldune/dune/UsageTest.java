package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DunePaymentRequiredException;
import io.github.cameldune.dune.model.Usage;
import io.github.cameldune.emulator.SampleQuery;
import java.math.BigDecimal;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code dune:usage} reads the credits the routes spent, each run says what it cost, and a plan's credit limit answers
 * further executes with Dune's 402, which camel-dune surfaces as its payment exception.
 */
@Timeout(120)
class UsageTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:usage").to("dune:usage");
            }
        };
    }

    @Test
    void usageCountsTheCreditsEachRunReports() {
        BigDecimal reported = BigDecimal.ZERO;
        for (String tier : new String[] {"medium", "large"}) {
            Exchange done =
                    template.request("direct:run", e -> e.getMessage().setHeader(DuneConstants.PERFORMANCE, tier));
            assertThat(done.getException()).isNull();
            reported =
                    reported.add(done.getMessage().getHeader(DuneConstants.EXECUTION_COST_CREDITS, BigDecimal.class));
        }
        assertThat(reported).as("10 on medium, 20 on large").isEqualByComparingTo("30");
        Usage usage = template.requestBody("direct:usage", null, Usage.class);
        Usage.BillingPeriod period = usage.billingPeriods().get(0);
        System.out.printf(
                "usage: %s credits used of %s, from %s to %s%n",
                period.creditsUsed(), period.creditsIncluded(), period.startDate(), period.endDate());
        // the two executions, and the rows read from them (20 credits a megabyte: a fraction of a credit here)
        assertThat(period.creditsUsed()).isGreaterThan(new BigDecimal("30")).isLessThan(new BigDecimal("31"));
        assertThat(period.creditsIncluded()).isEqualByComparingTo("2500");
        assertThat(period.endDate()).isAfter(period.startDate());
        assertThat(requests())
                .filteredOn(r -> r.path().endsWith("/v1/usage"))
                .singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
    }

    @Test
    void aPlanCreditLimitIsAPaymentRequiredFailure() {
        emulator().settings().creditLimit(10);
        assertThat(template.request("direct:run", e -> {}).getException()).isNull();
        Exchange refused = template.request("direct:run", e -> {});
        assertThat(refused.getException())
                .isInstanceOf(DunePaymentRequiredException.class)
                .hasMessageContaining("would exceed your configured limits per billing cycle");
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void usageDatesAreCheckedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("dune:usage?startDate=2026-13-01"))
                .rootCause()
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("Invalid startDate '2026-13-01': expected a day as YYYY-MM-DD");
        assertThatThrownBy(() -> context.getEndpoint("dune:usage?startDate=2026-12-01&endDate=2026-11-01"))
                .rootCause()
                .hasMessageContaining("Invalid endDate '2026-11-01'");
        Usage usage = template.requestBody("dune:usage?startDate=2026-12-01&endDate=2026-12-31", null, Usage.class);
        assertThat(usage.billingPeriods()).isNotEmpty();
        assertThat(requests().get(0).body()).isEqualTo("{\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-31\"}");
    }
}
