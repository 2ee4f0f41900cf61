"""The corpus runner alone, against a loopback server that answers after a fixed delay: ``make bench-runner``.

No model runs. A threaded HTTP server on 127.0.0.1 plays a model endpoint that serves any number of
requests side by side: each request waits ``--delay`` seconds, then gets the embedded model's recorded
answer for ``examples/short-article.txt`` (``tests/fixtures/batch/results.jsonl``). The runner summarizes
N copies of that article (``summarizer run`` in process: reading, requests, validation, post-processing,
grounding, one fsync-ed JSON line each) with 1, 8 and 64 in flight, and reports articles per second
against the ideal (in flight / delay), and the runner's own time per article: wall time beyond the
delay with one in flight, and CPU seconds per article.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "short-article.txt").read_text(encoding="utf-8")
RECORDED = json.loads((ROOT / "tests" / "fixtures" / "batch" / "results.jsonl").read_text().splitlines()[0])


def serve(delay: float) -> tuple[ThreadingHTTPServer, str]:
    answer = json.dumps(RECORDED["response"]["body"]).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(delay)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256  # the listen backlog (5 by default): 64 connections arrive at once

    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


def measure(base_url: str, jobs: int, articles: int, folder: Path) -> dict[str, float]:
    from summarizer import Summarizer
    from summarizer.corpus import Record, open_output, run

    model = RECORDED["response"]["body"]["model"]
    summarizer = Summarizer(base_url=base_url, model=model, api_key="none", retries=0, reask_unsupported=False,
                            chunk_tokens=3500, jobs=jobs)  # fmt: skip
    records = [Record(id=f"copy-{n}", text=ARTICLE, published="2026-06-03") for n in range(articles)]
    output = open_output(str(folder / f"jobs-{jobs}-{articles}-{time.monotonic_ns()}.jsonl"), "jsonl")
    cpu, wall = time.process_time(), time.perf_counter()
    report = run(summarizer, records, output)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    output.close()
    assert report.failed == 0 and report.tally.done == articles, report.line()
    return {"articles": articles, "seconds": round(wall, 2), "per_second": round(articles / wall, 2),
            "cpu_ms_per_article": round(1000 * cpu / articles, 1)}  # fmt: skip


def main() -> None:
    logging.getLogger("instructor").disabled = True  # as the command line does: failures are counted, not logged
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--delay", type=float, default=1.0, help="seconds each answer takes (default 1)")
    parser.add_argument("--seconds", type=float, default=15.0, help="about how long each setting runs")
    args = parser.parse_args()
    _server, base_url = serve(args.delay)
    idle, _ = serve(0.0)
    report: dict[str, Any] = {"delay_seconds": args.delay, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as folder:
        measure(f"http://127.0.0.1:{idle.server_address[1]}/v1", 1, 5, Path(folder))  # warm: imports, gazetteer
        alone = measure(f"http://127.0.0.1:{idle.server_address[1]}/v1", 1, 50, Path(folder))
        report["no_delay_one_in_flight"] = alone
        for jobs in (1, 8, 64):
            articles = max(jobs, int(args.seconds * jobs / args.delay))
            figures = measure(base_url, jobs, articles, Path(folder))
            figures["ideal_per_second"] = round(jobs / args.delay, 2)
            figures["overhead_ms_per_article"] = round(1000 * (figures["seconds"] * jobs / articles - args.delay), 1)
            report[f"jobs_{jobs}"] = figures
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
