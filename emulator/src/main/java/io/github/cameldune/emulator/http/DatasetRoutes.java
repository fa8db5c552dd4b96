package io.github.cameldune.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.engine.CommaList;
import io.github.cameldune.emulator.engine.Datasets;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dune's dataset discovery: list ({@code GET /v1/datasets}, {@code total} and no next offset, limit at most 250), get
 * by full name ({@code GET /v1/datasets/{slug}}), search ({@code POST /v1/datasets/search}) and search by contract
 * ({@code POST /v1/datasets/search-by-contract}), both paged with {@code pagination}.
 */
final class DatasetRoutes {

    private static final int MAX_LIST_LIMIT = 250;

    private final ExecutionEngine engine;
    private final FaultGate gate;

    DatasetRoutes(ExecutionEngine engine, FaultGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    List<ApiRoutes.Route> routes() {
        return List.of(
                new ApiRoutes.Route("GET", Pattern.compile("/api/v1/datasets/?"), this::list),
                new ApiRoutes.Route("POST", Pattern.compile("/api/v1/datasets/search/?"), this::search),
                new ApiRoutes.Route("POST", Pattern.compile("/api/v1/datasets/search-by-contract/?"), this::byContract),
                new ApiRoutes.Route("GET", Pattern.compile("/api/v1/datasets/([^/]+)/?"), this::get));
    }

    private void list(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.DATASETS, null);
        int limit = UploadRoutes.number(ex.first("limit"), 50);
        int offset = UploadRoutes.number(ex.first("offset"), 0);
        if (limit < 1 || limit > MAX_LIST_LIMIT || offset < 0) {
            throw ApiException.badRequest("limit must be 1 to " + MAX_LIST_LIMIT + " and offset not negative");
        }
        String type = ex.first("type");
        List<Datasets.Dataset> all = engine.datasets()
                .list(
                        ex.first("owner_handle"),
                        type == null
                                ? null
                                : CommaList.split(type).stream()
                                        .map(String::trim)
                                        .toList());
        ObjectNode answer = ApiExchange.JSON.createObjectNode();
        ArrayNode datasets = answer.putArray("datasets");
        page(all, offset, limit).forEach(d -> datasets.add(dataset(d)));
        ex.sendJson(200, answer.put("total", all.size()));
    }

    private void get(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.DATASETS, null);
        String slug = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        Datasets.Dataset d =
                engine.datasets().find(slug).orElseThrow(() -> ApiException.notFound("Dataset not found: " + slug));
        ex.sendJson(200, dataset(d));
    }

    private void search(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.DATASET_SEARCH, null);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        List<Datasets.Dataset> found = engine.datasets()
                .search(new Datasets.Search(
                        MaterializedViewRoutes.text(request, "query"),
                        strings(request, "categories"),
                        strings(request, "blockchains"),
                        strings(request, "dataset_types"),
                        strings(request, "schemas"),
                        MaterializedViewRoutes.text(request, "owner_scope"),
                        request.path("include_private").asBoolean(false)));
        ex.sendJson(200, results(request, found));
    }

    private void byContract(ApiExchange ex, Matcher path) throws IOException {
        gate.pass(ex, ApiEndpoint.DATASET_SEARCH, null);
        ObjectNode request = ApiRoutes.parseBody(ex.body);
        String address = MaterializedViewRoutes.text(request, "contract_address");
        if (address == null || address.isBlank()) {
            throw ApiException.badRequest("contract_address is required");
        }
        ex.sendJson(200, results(request, engine.datasets().byContract(address, strings(request, "blockchains"))));
    }

    /** A page of search results, with the schema and metadata only when asked. */
    private static ObjectNode results(ObjectNode request, List<Datasets.Dataset> found) {
        int limit = request.path("limit").asInt(20);
        int offset = request.path("offset").asInt(0);
        if (limit < 1 || offset < 0) {
            throw ApiException.badRequest("limit must be at least 1 and offset not negative");
        }
        boolean schema = request.path("include_schema").asBoolean(false);
        boolean metadata = request.path("include_metadata").asBoolean(false);
        ObjectNode answer = ApiExchange.JSON.createObjectNode().put("total", found.size());
        ArrayNode results = answer.putArray("results");
        for (Datasets.Dataset d : page(found, offset, limit)) {
            ObjectNode r = results.addObject()
                    .put("full_name", d.fullName())
                    .put("category", d.category())
                    .put("dataset_type", d.type())
                    .put("visibility", d.isPrivate() ? "private" : "public")
                    .put("owner_scope", d.ownerHandle())
                    .put("description", d.description());
            d.blockchains().forEach(r.putArray("blockchains")::add);
            if (schema) {
                ArrayNode columns = r.putArray("schema");
                d.columns()
                        .forEach(c -> columns.addObject()
                                .put("name", c.name())
                                .put("type", c.type())
                                .put("nullable", c.nullable()));
            }
            if (metadata) {
                ObjectNode m = r.putObject("metadata").put("description", d.description());
                d.metadata().forEach((k, v) -> m.set(k, ApiExchange.JSON.valueToTree(v)));
            }
        }
        boolean more = offset + limit < found.size();
        ObjectNode pagination =
                answer.putObject("pagination").put("limit", limit).put("offset", offset);
        if (more) {
            pagination.put("next_offset", offset + limit);
        }
        pagination.put("has_more", more);
        return answer;
    }

    /** A dataset in the shape of list and get. */
    private static ObjectNode dataset(Datasets.Dataset d) {
        ObjectNode out = ApiExchange.JSON
                .createObjectNode()
                .put("full_name", d.fullName())
                .put("type", d.type());
        out.putObject("owner").put("handle", d.ownerHandle()).put("type", d.ownerType());
        ArrayNode columns = out.putArray("columns");
        for (Datasets.Column c : d.columns()) {
            ObjectNode column = columns.addObject()
                    .put("name", c.name())
                    .put("type", c.type())
                    .put("nullable", c.nullable());
            column.putObject("metadata").put("description", "").put("filtering_column", c.filtering());
        }
        ObjectNode metadata = out.putObject("metadata");
        d.metadata().forEach((k, v) -> metadata.set(k, ApiExchange.JSON.valueToTree(v)));
        return out.put("is_private", d.isPrivate())
                .put("created_at", d.createdAt().toString())
                .put("updated_at", d.updatedAt().toString());
    }

    private static <T> List<T> page(List<T> all, int offset, int limit) {
        return all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
    }

    private static List<String> strings(ObjectNode request, String field) {
        JsonNode values = request.get(field);
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isArray()) {
            throw ApiException.badRequest(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.asText()));
        return out;
    }
}
