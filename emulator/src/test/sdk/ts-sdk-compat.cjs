// Dune's official TypeScript SDK (@duneanalytics/client-sdk, pinned in benchmarks/node/package.json), unchanged but
// for the host it has written in, against the emulator: its pipeline and dataset methods. Ends with "RESULT {json}".
//
//   node ts-sdk-compat.cjs <baseUrl> <apiKey> <queryId> <viewQueryId>
"use strict";
const { DuneClient } = require("@duneanalytics/client-sdk");
const { Router } = require("@duneanalytics/client-sdk/dist/cjs/api/router.js");

const [baseUrl, apiKey, queryId, viewQueryId] = process.argv.slice(2);

// the one method where the SDK builds every URL: pointed at the emulator, nothing else of the SDK changes
Router.prototype.url = function (route) {
  return `${baseUrl}/${this.apiVersion}/${route}`;
};

const client = new DuneClient(apiKey);

async function finished(id) {
  for (let i = 0; i < 600; i++) {
    const status = await client.pipeline.getPipelineStatus(id);
    if (!["pending", "executing"].includes(status.status)) {
      return status;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("pipeline " + id + " did not finish");
}

(async () => {
  const explicit = await client.exec.executeQueryPipeline(Number(queryId), { performance: "large" });
  const byDefault = await client.exec.executeQueryPipeline(Number(queryId));
  const overView = await client.exec.executeQueryPipeline(Number(viewQueryId));
  const list = await client.dataset.list({ limit: 2, type: "decoded_table" });
  const trades = await client.dataset.getBySlug("dex.trades");
  console.log("RESULT " + JSON.stringify({
    explicit: await finished(explicit.pipeline_execution_id),
    byDefault: await finished(byDefault.pipeline_execution_id),
    overView: await finished(overView.pipeline_execution_id),
    list,
    trades,
  }));
})().catch((e) => {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
