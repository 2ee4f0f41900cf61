"""Articles per hour on the embedded model with ``summarizer run --jobs N``: ``make bench-embedded``.

Takes GVA dev articles (``../shared/data/gva/dev.jsonl``; documents 1 to ``--articles`` only) as a run's
input (``{"id", "text", "published"}``), runs ``summarizer run INPUT -o OUT --jobs N`` in a fresh process
for each N given, one after the other, and prints per setting: wall seconds (model start included),
articles per hour, median seconds per article and tokens. Starts the model: run it with nothing else
on the machine (``flock /tmp/llama.lock`` where several people share one).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "gva" / "dev.jsonl")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-embedded-"))
    inputs = folder / "gva.jsonl"
    with args.data.open(encoding="utf-8") as f, inputs.open("w", encoding="utf-8") as out:
        for _, line in zip(range(args.articles), f, strict=False):
            doc = json.loads(line)
            record = {"id": doc["id"], "text": doc["text"], "published": doc["dct"], "title": doc.get("title")}
            out.write(json.dumps(record) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    for jobs in args.jobs:
        output = folder / f"jobs-{jobs}.jsonl"
        load = os.getloadavg()[0]
        started = time.perf_counter()
        command = [sys.executable, "-m", "summarizer", "run", str(inputs), "-o", str(output), "--jobs", str(jobs), "-q"]
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
        lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        summaries = [line["summary"] for line in lines if "summary" in line]
        seconds = [s["provenance"]["seconds"] for s in summaries]
        print(json.dumps({
            "jobs": jobs, "articles": len(lines), "failed": len(lines) - len(summaries), "exit": done.returncode,
            "wall_seconds": round(wall, 1), "articles_per_hour": round(len(lines) * 3600 / wall, 1),
            "median_seconds_per_article": round(statistics.median(seconds), 1) if seconds else None,
            "prompt_tokens": sum(s["provenance"]["usage"]["prompt_tokens"] for s in summaries),
            "completion_tokens": sum(s["provenance"]["usage"]["completion_tokens"] for s in summaries),
            "load_average_before": round(load, 2), "load_average_after": round(os.getloadavg()[0], 2),
            "report": done.stderr.strip().splitlines()[-1:],
        }), flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
