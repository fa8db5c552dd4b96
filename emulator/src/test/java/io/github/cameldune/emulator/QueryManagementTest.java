package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Query management on the catalog (dune-api-writes.md §3 and §6.15-16): a created query gets an id and executes, an
 * update is a new version whose next execution has the new SQL, an archived query is neither executed nor edited, the
 * private flag is kept, the bundled queries are the account's own, the list pages through them, and a temporary
 * query runs without being listed.
 */
@Timeout(120)
class QueryManagementTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void createExecuteUpdateExecuteArchive() {
        ApiClient.Response created = api.post(
                "/v1/query",
                "{\"name\":\"Answer\",\"query_sql\":\"SELECT {{n}} AS n\",\"description\":\"d\",\"tags\":[\"t\"],"
                        + "\"parameters\":[{\"key\":\"n\",\"type\":\"number\",\"value\":\"42\"}]}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("query_id").asLong();
        assertThat(id).isGreaterThan(1008);
        assertThat(rows(id).get(0).get("n").asInt()).isEqualTo(42);

        JsonNode query = api.get("/v1/query/" + id).json();
        assertThat(query.get("version").asInt()).isEqualTo(1);
        assertThat(query.get("parameters").get(0).get("value").asText()).isEqualTo("42");
        for (String field : new String[] {
            "query_id",
            "name",
            "description",
            "tags",
            "version",
            "parameters",
            "query_engine",
            "query_sql",
            "is_private",
            "is_archived",
            "is_unsaved",
            "owner"
        }) {
            assertThat(query.has(field)).as(field).isTrue();
        }

        assertThat(api.send("PATCH", "/v1/query/" + id, "application/json", "{\"query_sql\":\"SELECT {{n}} * 2 AS n\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/v1/query/" + id).json().get("version").asInt()).isEqualTo(2);
        assertThat(rows(id).get(0).get("n").asInt()).isEqualTo(84);

        assertThat(api.post("/v1/query/" + id + "/archive", null)
                        .json()
                        .get("query_id")
                        .asLong())
                .isEqualTo(id);
        assertThat(api.get("/v1/query/" + id).json().get("is_archived").asBoolean())
                .isTrue();
        ApiClient.Response refused = api.post("/v1/query/" + id + "/execute", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText())
                .isEqualTo("Not allowed to execute query. Query is archived, unsaved or not enough permissions");
        assertThat(api.send("PATCH", "/v1/query/" + id, "application/json", "{\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);
        api.post("/v1/query/" + id + "/unarchive", null);
        assertThat(api.post("/v1/query/" + id + "/execute", "{}").status()).isEqualTo(200);
    }

    @Test
    void privacyIsKeptAndTheBundledQueriesAreTheAccountsOwn() {
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/private", null)
                        .status())
                .isEqualTo(200);
        JsonNode query = api.get("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME).json();
        assertThat(query.get("is_private").asBoolean()).isTrue();
        assertThat(query.get("owner").asText()).isEqualTo("emulator");
        assertThat(query.get("parameters").size()).isEqualTo(3);
        api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/unprivate", null);
        assertThat(api.get("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME)
                        .json()
                        .get("is_private")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/v1/query/999999").status()).isEqualTo(404);
    }

    @Test
    void theListHasTheAccountsQueriesAPageAtATimeWithoutTheArchived() {
        JsonNode first = api.get("/v1/queries").json();
        long total = first.get("total").asLong();
        assertThat(first.get("queries")).hasSize((int) Math.min(20, total));
        JsonNode q = first.get("queries").get(0);
        assertThat(q.get("id").asLong()).isEqualTo(1001);
        assertThat(q.get("owner").asText()).isEqualTo("emulator");
        for (String field : new String[] {"name", "description", "tags", "created_at", "updated_at"}) {
            assertThat(q.has(field)).as(field).isTrue();
        }
        long id = api.post("/v1/query", "{\"name\":\"Mine\",\"query_sql\":\"SELECT 1\"}")
                .json()
                .get("query_id")
                .asLong();
        JsonNode last = api.get("/v1/queries?limit=1&offset=" + total).json();
        assertThat(last.get("total").asLong()).isEqualTo(total + 1);
        assertThat(last.at("/queries/0/id").asLong()).isEqualTo(id);
        api.post("/v1/query/" + id + "/archive", null);
        assertThat(api.get("/v1/queries").json().get("total").asLong()).isEqualTo(total);
    }

    @Test
    void aTemporaryQueryRunsButIsNotListed() {
        long listed = api.get("/v1/queries").json().get("total").asLong();
        long id = api.post("/v1/query", "{\"name\":\"scratch\",\"query_sql\":\"SELECT 7 AS n\",\"is_temp\":true}")
                .json()
                .get("query_id")
                .asLong();
        JsonNode query = api.get("/v1/query/" + id).json();
        assertThat(query.get("is_temp").asBoolean()).isTrue();
        assertThat(query.get("is_unsaved").asBoolean()).isTrue();
        assertThat(rows(id).get(0).get("n").asInt()).isEqualTo(7);
        assertThat(api.get("/v1/queries").json().get("total").asLong()).isEqualTo(listed);
        assertThat(api.post("/v1/materialized-views", "{\"name\":\"result_scratch\",\"query_id\":" + id + "}")
                        .json()
                        .get("error")
                        .asText())
                .as("a temporary query is no view's source")
                .contains("temporary");
    }

    @Test
    void aQueryMustNameWhatItUses() {
        assertThat(api.post("/v1/query", "{\"name\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.post("/v1/query", "{\"name\":\"x\",\"query_sql\":\"SELECT {{n}}\"}")
                        .status())
                .isEqualTo(400);
    }

    private JsonNode rows(long id) {
        String execution = api.execute(id, "{}");
        api.awaitFinished(execution);
        return api.get("/v1/execution/" + execution + "/results")
                .json()
                .path("result")
                .path("rows");
    }
}
