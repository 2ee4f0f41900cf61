"""``summarizer bench``: speed figures for people deciding whether summarizer fits their budget.

CLI start time, model load time (embedded model), how the fixed start of the prompt came into the
embedded server (restored from the state an earlier run saved, or computed and saved) and how long
that took, and per article the cold and warm wall time, the time spent waiting for the model,
summarizer's own overhead, tokens and attempts. Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer import _options

DEFAULT_ARTICLE = Path("examples/moscow-2015-11-17-putin-hollande.txt")


def cli_start_seconds(runs: int = 5) -> float:
    """Median wall time of ``summarizer --help`` in a fresh interpreter."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarizer", "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def _figures(summary: Any) -> dict[str, Any]:
    p = summary.provenance
    return {
        "seconds": p.seconds,
        "model_seconds": p.model_seconds,
        "overhead_seconds": round(p.seconds - p.model_seconds, 3),
        "prompt_tokens": p.usage.prompt_tokens,
        "completion_tokens": p.usage.completion_tokens,
        "attempts": p.attempts,
        "incidents": len(summary.incidents),
    }


def run(articles: list[Path], published: str | None, repeat: int, settings: Any = None) -> dict[str, Any]:
    from summarizer import Summarizer

    report: dict[str, Any] = {"cli_start_seconds": cli_start_seconds()}
    summarizer = Summarizer(settings)
    started = time.perf_counter()
    client = summarizer.client  # starts the embedded server, if that is the model, and primes it
    primed = summarizer.primed
    report["model_load_seconds"] = round(time.perf_counter() - started - (primed.seconds if primed else 0.0), 2)
    if primed is not None:  # the fixed start of the prompt: restored from the last run's state, or computed
        report["prompt_prefix"] = {"how": primed.how, "seconds": round(primed.seconds, 2), "tokens": primed.tokens}
    report["model"] = client.model
    report["articles"] = {}
    for path in articles:
        text = path.read_text(encoding="utf-8")
        runs = [_figures(summarizer.summarize(text, published=published)) for _ in range(repeat)]
        report["articles"][str(path)] = {"cold": runs[0], "warm": runs[1:]}
    return report


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``summarizer bench``; its handler is :func:`command`."""
    parser.description = __doc__
    parser.set_defaults(handler=command)
    parser.add_argument("articles", nargs="*", type=Path, default=[DEFAULT_ARTICLE])
    parser.add_argument("--published", default="2015-11-17", help="publication date passed with every article")
    parser.add_argument("--repeat", type=int, default=2, help="runs per article; the first is cold (default 2)")
    _options.add_model_options(parser)


def main(argv: Sequence[str] | None = None) -> int:
    """``summarizer bench ARGV``."""
    parser = argparse.ArgumentParser(prog="summarizer bench")
    configure(parser)
    return command(parser.parse_args(argv))


def command(args: argparse.Namespace) -> int:
    from summarizer import SummarizerError

    try:
        settings = _options.settings(args)
        report = run(args.articles, args.published, max(args.repeat, 1), settings)
    except SummarizerError as e:
        print(f"summarizer bench: error: {e}", file=sys.stderr)
        return e.exit_code
    print(json.dumps(report, indent=2))
    return 0
