"""Record the batch round trip's results from the real embedded model: ``make batch-results``.

Writes ``tests/fixtures/batch/requests.jsonl`` (``summarizer batch prepare`` of ``inputs.jsonl``) and
serves each request, as written, to the embedded llama.cpp server, one at a time, writing its answer in
the OpenAI batch output format (as the OpenAI Batch API and ``vllm run_batch`` do) to ``results.jsonl``.
Nothing here is written by hand: re-record after a prompt, schema or request change (``make cassettes``
does this too). Starts the model: run it alone (``flock /tmp/llama.lock make batch-results`` where
several people share a machine).
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures" / "batch"


def main() -> int:
    from summarizer import _local

    requests = HERE / "requests.jsonl"
    subprocess.run(
        [sys.executable, "-m", "summarizer", "batch", "prepare", "inputs.jsonl", "-o", requests.name],
        cwd=HERE,
        check=True,
        env={"PATH": "/usr/bin:/bin"},  # the embedded model's settings, whatever this shell has set
    )
    server = _local.ensure_server()
    lines = []
    for n, line in enumerate(requests.read_text(encoding="utf-8").splitlines(), start=1):
        request = json.loads(line)
        sent = urllib.request.Request(
            server.base_url.removesuffix("/v1") + request["url"],
            data=json.dumps(request["body"]).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {server.api_key}"},
        )
        with urllib.request.urlopen(sent, timeout=600) as answer:
            status, body = answer.status, json.loads(answer.read())
        response = {"status_code": status, "request_id": f"req_{n}", "body": body}
        lines.append({"id": f"batch_req_{n}", "custom_id": request["custom_id"], "response": response, "error": None})
        print(f"{request['custom_id']}: {body['usage']['completion_tokens']} tokens", file=sys.stderr)
    (HERE / "results.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
