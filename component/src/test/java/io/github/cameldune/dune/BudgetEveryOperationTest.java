package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneBudgetExceededException;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation that may bill reserves before it sends: with a budget of 3 credits spent by three writes (a table
 * created, an insert, a CSV upload: 1 credit each), each of them (executions, writes, a view's upsert and refresh, a
 * pipeline) is refused and the emulator receives nothing billed.
 */
@Timeout(60)
class BudgetEveryOperationTest extends DuneTestSupport {

    private static final String TABLE = "namespace=emulator&tableName=orders";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        withBudget(context, 3, Duration.ofDays(1));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:createTable").to("dune:createTable?" + TABLE + "&schema=id:integer");
                from("direct:insert").setBody(constant("id\n1\n")).to("dune:insert?" + TABLE);
                from("direct:uploadCsv").setBody(constant("id\n1\n")).to("dune:uploadCsv?tableName=prices");
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:executeSql").to("dune:executeSql?sql=select 1");
                from("direct:run").to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:latestResults")
                        .to("dune:latestResults?queryId=" + SampleQuery.NUMBER_SERIES + "&maxAge=1ms");
                from("direct:upsertMaterializedView")
                        .to("dune:upsertMaterializedView?materializedView=result_numbers&queryId=" + numbers);
                from("direct:refreshMaterializedView")
                        .to("dune:refreshMaterializedView?materializedView=dune.emulator.result_numbers");
                from("direct:executePipeline").to("dune:executePipeline?queryId=" + SampleQuery.NUMBER_SERIES);
                from("direct:runPipeline").to("dune:runPipeline?queryId=" + SampleQuery.NUMBER_SERIES);
            }
        };
    }

    /** A query without parameters and its view, made on the emulator directly: nothing counted in the budget. */
    private final long numbers = emulator()
            .engine()
            .library()
            .create("numbers", "SELECT 1 AS one", null, List.of(), java.util.Map.of(), false, false);

    {
        emulator().engine().materializedViews().upsert("result_numbers", numbers, null, null, false, null);
    }

    private void spendTheBudgetOnWrites() {
        for (String write : List.of("direct:createTable", "direct:insert", "direct:uploadCsv")) {
            assertThat(template.request(write, e -> {}).getException())
                    .as(write)
                    .isNull();
        }
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        assertThat(dune.creditBudget().settled()).isEqualByComparingTo("3");
        emulator().clearRequests();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "direct:createTable",
                "direct:insert",
                "direct:uploadCsv",
                "direct:execute",
                "direct:executeSql",
                "direct:run",
                "direct:latestResults",
                "direct:upsertMaterializedView",
                "direct:refreshMaterializedView",
                "direct:executePipeline",
                "direct:runPipeline"
            })
    void isRefusedSendingNothingOnceTheBudgetIsSpent(String operation) {
        spendTheBudgetOnWrites();
        Exchange refused = template.request(operation, e -> {});
        assertThat(refused.getException()).isInstanceOf(DuneBudgetExceededException.class);
        // latestResults reads the age of the latest result first (free, and billed by size), a pipeline its nodes
        // (free): nothing else
        assertThat(requests())
                .as("sent by %s", operation)
                .allMatch(r ->
                        operation.equals("direct:latestResults") && r.path().endsWith("/results")
                                || operation.endsWith("Pipeline") && r.path().endsWith("/pipeline"));
    }

    @Test
    void aWriteDuneRefusesFreesItsReservation() {
        // no such table: Dune refuses the insert, which billed nothing
        Exchange failed = template.request("direct:insert", e -> {});
        assertThat(failed.getException()).isNotNull().isNotInstanceOf(DuneBudgetExceededException.class);
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        assertThat(dune.creditBudget().spent()).isZero();
    }
}
