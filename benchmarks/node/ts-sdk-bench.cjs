// The peer: Dune's official TypeScript SDK (@duneanalytics/client-sdk, pinned in package.json), on the same server and
// workloads as camel-dune. Run by the Java benchmarks (TsSdk.java); ends with one line "RESULT {json}".
//
//   node ts-sdk-bench.cjs status <baseUrl> <apiKey> <executionId> <warmupCalls> <rounds> <callsPerRound>
//   node ts-sdk-bench.cjs rows   <baseUrl> <apiKey> <executionId> <rounds>
//   node ts-sdk-bench.cjs runs   <baseUrl> <apiKey> <queryId> <count> <firstN>
"use strict";
const { DuneClient, QueryParameter } = require("@duneanalytics/client-sdk");
const { Router } = require("@duneanalytics/client-sdk/dist/cjs/api/router.js");

const [mode, baseUrl, apiKey, ...rest] = process.argv.slice(2);

// The SDK has https://api.dune.com/api written in; this one method is where it builds every URL, so pointing it at
// the server under test changes nothing else of what the SDK does.
Router.prototype.url = function (route) {
  return `${baseUrl}/${this.apiVersion}/${route}`;
};

const client = new DuneClient(apiKey);
// an error nothing awaited (a socket's, under thousands of connections) is counted, not the end of the run
let uncaught = 0;
let firstUncaught = null;
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (e) => {
    uncaught++;
    firstUncaught = firstUncaught || `${event}: ${String(e && e.stack ? e.stack : e).slice(0, 300)}`;
  });
}
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

function micros(start) {
  return Number(process.hrtime.bigint() - start) / 1000;
}

async function status(executionId, warmup, rounds, perRound) {
  for (let i = 0; i < warmup; i++) {
    await client.exec.getExecutionStatus(executionId);
  }
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < perRound; i++) {
      const start = process.hrtime.bigint();
      const s = await client.exec.getExecutionStatus(executionId);
      samples.push(micros(start));
      if (s.execution_id !== executionId) {
        throw new Error("wrong status " + JSON.stringify(s));
      }
    }
  }
  return { samples };
}

// Every page of one execution through the SDK's paging call, following next_offset; each page's rows counted and
// then dropped (the most frugal way the SDK offers: its whole-result helpers concatenate every page in memory).
async function rows(executionId, rounds) {
  const rowsPerSecond = [];
  let total = 0;
  for (let r = 0; r <= rounds; r++) {
    const start = process.hrtime.bigint();
    let offset = 0;
    let count = 0;
    while (offset !== undefined && offset !== null) {
      const page = await client.exec.getExecutionResults(executionId, { limit: 32000, offset });
      count += page.result.rows.length;
      offset = page.next_offset;
    }
    const seconds = micros(start) / 1e6;
    total = count;
    // round 0 warms up
    if (r > 0) {
      rowsPerSecond.push(count / seconds);
    }
  }
  return { rows: total, rowsPerSecond };
}

// count runQuery calls at once, each with its own n, as a user of the SDK would run them; each must answer its n.
async function runs(queryId, count, firstN) {
  const start = process.hrtime.bigint();
  let failed = 0;
  let wrong = 0;
  let firstError = null;
  const all = [];
  for (let i = 0; i < count; i++) {
    const n = firstN + i;
    all.push(
      client
        .runQuery({ queryId: Number(queryId), query_parameters: [QueryParameter.number("n", n)] })
        .then((result) => {
          if (Number(result.result.rows[0].n) !== n) {
            wrong++;
          }
        })
        .catch((e) => {
          failed++;
          // the SDK wraps fetch's error; its cause says what failed (a refused or reset connection, say)
          let cause = e;
          while (cause && cause.cause) {
            cause = cause.cause;
          }
          const why = cause && cause !== e ? ` (cause: ${cause.code || ""} ${cause.message || cause})` : "";
          firstError = firstError || (String(e && e.message ? e.message : e) + why).slice(0, 300);
        })
    );
  }
  await Promise.all(all);
  return { seconds: micros(start) / 1e6, failed, wrong, firstError };
}

(async () => {
  let result;
  if (mode === "status") {
    result = await status(rest[0], Number(rest[1]), Number(rest[2]), Number(rest[3]));
  } else if (mode === "rows") {
    result = await rows(rest[0], Number(rest[1]));
  } else if (mode === "runs") {
    result = await runs(rest[0], Number(rest[1]), Number(rest[2]));
  } else {
    throw new Error("unknown mode " + mode);
  }
  clearInterval(sampler);
  result.peakRssMb = Math.max(peakRss, process.memoryUsage().rss) / 1048576;
  result.uncaught = uncaught;
  result.firstUncaught = firstUncaught;
  result.node = process.version;
  result.sdk = require("@duneanalytics/client-sdk/package.json").version;
  console.log("RESULT " + JSON.stringify(result));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
