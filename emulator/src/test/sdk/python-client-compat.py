"""Dune's official Python client (dune_client, from its repository), unchanged, against the emulator: its pipeline and
dataset methods. Ends with "RESULT {json}".

    PYTHONPATH=<dune-client checkout> python3 python-client-compat.py <baseUrl> <apiKey> <queryId> <uploadedTable>
"""

# the client reads its own version through importlib.metadata without importing it: installed, something else has
# imported it first; run from a checkout, nothing has
import importlib.metadata  # noqa: F401
import json
import sys
import time

from dune_client.client import DuneClient

base_url, api_key, query_id, uploaded = sys.argv[1:5]
client = DuneClient(api_key=api_key, base_url=base_url)


def finished(pipeline_execution_id):
    for _ in range(600):
        status = client.get_pipeline_status(pipeline_execution_id)
        if status.status not in ("pending", "executing"):
            return status
        time.sleep(0.05)
    raise RuntimeError("pipeline %s did not finish" % pipeline_execution_id)


started = client.execute_query_pipeline(int(query_id))
status = finished(started.pipeline_execution_id)
listed = client.list_datasets(limit=5, type="uploaded_table")
table = client.get_dataset(uploaded)
trades = client.get_dataset("dex.trades")
print("RESULT " + json.dumps({
    "status": status.status,
    "nodes": [{"id": n.id, "query_id": n.query_execution_status.query_id,
               "status": n.query_execution_status.status,
               "execution_id": n.query_execution_status.execution_id} for n in status.node_executions],
    "listed": [d.full_name for d in listed.datasets],
    "total": listed.total,
    "table_columns": [[c.name, c.type, c.nullable] for c in table.columns],
    "trades_columns": len(trades.columns),
}))
