package io.github.cameldune.examples;

import io.github.cameldune.dune.model.Dataset;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Discovery before querying: the decoded tables of a contract are found in Dune's catalog, each is read for its
 * columns, and a query counts the contract's rows in it since a day, filtered on the table's partition column so that
 * Dune reads (and bills) only the partitions it needs. The counts go to a CSV file, a line per table.
 */
public class DiscoveryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:discover?repeatCount=1")
                .routeId("discover")
                .setHeader("CamelDuneContractAddress", constant("{{example.contract}}"))
                .to("dune:searchDatasetsByContract")
                .log("{{example.contract}} is decoded in ${header.CamelDuneTotal} tables")
                .split(simple("${body.results}"))
                .setHeader("CamelDuneDatasetName", simple("${body.fullName}"))
                .to("dune:getDataset")
                .process(DiscoveryRoutes::countSince)
                .to("dune:run")
                .setBody(simple("${header.CamelDuneDatasetName},${body[0][rows]},${body[0][since]}"))
                .log("${body}")
                .to("file:{{example.output-dir}}?fileName=contract-tables.csv&fileExist=Append&appendChars=\\n");
    }

    /** The SQL counting the contract's rows in the table since a day, on the table's partition column. */
    static void countSince(Exchange exchange) {
        Dataset table = exchange.getMessage().getBody(Dataset.class);
        String partition = table.columns().stream()
                .filter(Dataset.Column::isFilteringColumn)
                .map(Dataset.Column::name)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(table.fullName() + " has no partition column"));
        String since = exchange.getContext().resolvePropertyPlaceholders("{{example.since}}");
        String contract = exchange.getContext().resolvePropertyPlaceholders("{{example.contract}}");
        exchange.getMessage()
                .setHeader(
                        "CamelDuneSql",
                        "SELECT count(*) AS rows, min(" + partition + ") AS since FROM " + table.fullName()
                                + " WHERE contract_address = " + contract + " AND " + partition + " >= DATE '"
                                + since + "'");
    }
}
