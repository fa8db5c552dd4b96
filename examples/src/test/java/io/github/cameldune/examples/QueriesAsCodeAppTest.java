package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.engine.QueryLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries-as-code example deploys the bundled folder (two creates), then a changed folder (one update, one
 * archive, one create), then the same folder again (nothing sent); the emulator's catalog is checked after each, and
 * the deployed queries' rows come back.
 */
@Timeout(120)
class QueriesAsCodeAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void aFolderThenAChangedFolderAreDeployedAndRun(@TempDir Path dir) throws Exception {
        QueriesAsCodeApp.copyBundled(dir);
        Main main = ExampleRunner.create(new QueriesAsCodeRoutes(), "queries-as-code.properties", DUNE.emulator());
        main.addOverrideProperty("example.queries-dir", dir.toString());
        main.addOverrideProperty("example.deploy-on-start", "false");
        main.addOverrideProperty("camel.main.duration-max-idle-seconds", "0");
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            List<Map<String, Object>> first = deploy(template);
            Map<String, Long> ids = new QueryFolder(dir).queryIds();
            assertThat(ids).containsOnlyKeys("busiest-blocks.sql", "token-volume.sql");
            // kept in git: sorted, and no date that would change it at every deploy
            assertThat(Files.readAllLines(dir.resolve(QueryFolder.MAPPING)))
                    .hasSize(3)
                    .element(1)
                    .asString()
                    .startsWith("busiest-blocks.sql=" + ids.get("busiest-blocks.sql") + " ");
            QueryLibrary.View blocks = query(ids.get("busiest-blocks.sql"));
            assertThat(blocks.query().name()).isEqualTo("Busiest blocks");
            assertThat(blocks.query().sql()).contains("LIMIT {{top_n}}");
            assertThat(blocks.query().parameters().get("top_n").defaultValue()).isEqualTo("3");
            assertThat(query(ids.get("token-volume.sql")).info().tags()).containsExactly("dex", "volume");
            assertThat(rows(first, "busiest-blocks.sql")).hasSize(3);
            assertThat(rows(first, "token-volume.sql"))
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r).containsKey("project"));

            // a changed file, a removed one, a new one
            Files.writeString(
                    dir.resolve("busiest-blocks.sql"),
                    Files.readString(dir.resolve("busiest-blocks.sql"))
                            .replace("top_n number = 3", "top_n number = 5"));
            Files.delete(dir.resolve("token-volume.sql"));
            Files.writeString(
                    dir.resolve("block-count.sql"),
                    "-- name: Block count\nSELECT count(*) AS blocks FROM ethereum.blocks\n");
            long creates = DUNE.emulator().requestCount(ApiEndpoint.QUERY_CREATE);
            List<Map<String, Object>> second = deploy(template);
            Map<String, Long> now = new QueryFolder(dir).queryIds();
            assertThat(now).containsOnlyKeys("busiest-blocks.sql", "block-count.sql");
            assertThat(now.get("busiest-blocks.sql")).as("updated in place").isEqualTo(ids.get("busiest-blocks.sql"));
            assertThat(query(now.get("busiest-blocks.sql")).info().version()).isEqualTo(2);
            assertThat(rows(second, "busiest-blocks.sql")).hasSize(5);
            assertThat(query(ids.get("token-volume.sql")).info().isArchived()).isTrue();
            assertThat(query(now.get("block-count.sql")).query().name()).isEqualTo("Block count");
            assertThat(rows(second, "block-count.sql").get(0)).containsEntry("blocks", 100_000);
            assertThat(DUNE.emulator().requestCount(ApiEndpoint.QUERY_CREATE)).isEqualTo(creates + 1);

            // the same folder again: nothing to change, nothing sent but the runs
            long changes = DUNE.emulator().requestCount(ApiEndpoint.QUERY_CREATE)
                    + DUNE.emulator().requestCount(ApiEndpoint.QUERY_UPDATE)
                    + DUNE.emulator().requestCount(ApiEndpoint.QUERY_STATE);
            deploy(template);
            assertThat(DUNE.emulator().requestCount(ApiEndpoint.QUERY_CREATE)
                            + DUNE.emulator().requestCount(ApiEndpoint.QUERY_UPDATE)
                            + DUNE.emulator().requestCount(ApiEndpoint.QUERY_STATE))
                    .isEqualTo(changes);
        } finally {
            main.stop();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deploy(ProducerTemplate template) {
        return template.requestBody("direct:deploy-queries", null, List.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(List<Map<String, Object>> deployed, String file) {
        return (List<Map<String, Object>>) deployed.stream()
                .filter(d -> d.get("file").equals(file))
                .findFirst()
                .orElseThrow()
                .get("rows");
    }

    private static QueryLibrary.View query(long id) {
        return DUNE.emulator().engine().library().find(id).orElseThrow();
    }
}
