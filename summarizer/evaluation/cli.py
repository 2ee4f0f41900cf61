"""``summarizer eval DATASET.jsonl``: run summarizer and the naive baseline, score both, write reports."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer import _options, config


def _whole(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}")
    return int(text)


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``summarizer eval``; its handler is :func:`command`."""
    parser.description = __doc__
    parser.set_defaults(handler=command)
    parser.add_argument("dataset", type=Path, help="JSON Lines in the formats of shared/data (MUC-4, GVA)")
    parser.add_argument("--limit", type=int, help="first N documents only")
    parser.add_argument(
        "--skip", type=_whole, default=0, metavar="N", help="leave out the first N documents (a later slice)"
    )
    parser.add_argument("--ids", help="comma-separated document ids")
    parser.add_argument("--systems", default="summarizer,baseline", help="which systems (default: both)")
    parser.add_argument("--out", type=Path, help="report path without extension (writes .md and .json)")
    parser.add_argument("--cache-dir", type=Path, default=Path(".eval-cache"), help="raw results cache")
    _options.add_model_options(parser)
    parser.add_argument(
        "--jobs",
        type=_options.count,
        default=1,
        metavar="N",
        help="documents sent to the model at once (default 1). Worth it with a remote endpoint, or with the "
        f"embedded model, which then serves N requests at once (as with SUMMARIZER_PARALLEL=N, at most "
        f"{config.MAX_PARALLEL}): on 2 CPU cores, 4 gave about 1.4x the tokens per second of 1. "
        "Seconds per document then include waiting for the others",
    )


def markdown(report: dict[str, Any]) -> str:
    from summarizer.evaluation import scoring

    systems = list(report["systems"])
    lines = [
        f"# Evaluation: {report['dataset']} ({report['documents']} documents)",
        "",
        f"Command: `{report['command']}`  ",
        f"Model: {report['model']}; run time {report['run_seconds']:.0f} s; from the cache: "
        + ", ".join(f"{s} {report['systems'][s].get('from_cache', 0)}" for s in systems)
        + " (a cached document keeps the seconds and tokens of the run that made it)",
        "",
    ]
    rates = sorted({k for s in systems for k in report["systems"][s].get("rates", {})})
    lines += ["| measure | " + " | ".join(systems) + " |", "|---" * (len(systems) + 1) + "|"]
    for key in rates:
        cells = [report["systems"][s]["rates"].get(key) for s in systems]
        lines.append(f"| {key} | " + " | ".join(f"{c['rate']:.3f} (n={c['n']})" if c else "-" for c in cells) + " |")
    for variant in ("strict", "lenient"):
        if f"roles_{variant}" in report["systems"][systems[0]]:
            for role in (*scoring.ROLES, "micro"):
                cells = [report["systems"][s][f"roles_{variant}"][role] for s in systems]
                lines.append(
                    f"| {role} P/R/F1 ({variant}) | "
                    + " | ".join(f"{c['precision']:.3f} / {c['recall']:.3f} / {c['f1']:.3f}" for c in cells)
                    + " |"
                )
    if "claim_blame_confusions" in report["systems"][systems[0]]:
        lines.append(
            "| claim/blame confusions | "
            + " | ".join(str(report["systems"][s]["claim_blame_confusions"]) for s in systems)
            + " |"
        )
    lines += ["", "## Speed", "", "| | " + " | ".join(systems) + " |", "|---" * (len(systems) + 1) + "|"]
    for key in report["systems"][systems[0]]["speed"]:
        lines.append(
            f"| {key} | " + " | ".join(str(report["systems"][s]["speed"].get(key, "-")) for s in systems) + " |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``summarizer eval ARGV``."""
    parser = argparse.ArgumentParser(prog="summarizer eval")
    configure(parser)
    return command(parser.parse_args(argv))


def command(args: argparse.Namespace) -> int:
    from summarizer import Summarizer, SummarizerError
    from summarizer.evaluation import runner

    ids = set(args.ids.split(",")) if args.ids else None
    try:
        docs = list(runner.load(args.dataset, args.limit, ids, args.skip))
        parallel = min(args.jobs, config.MAX_PARALLEL) if args.jobs > 1 else None  # else the environment's
        summarizer = Summarizer(_options.settings(args, parallel=parallel))
    except (OSError, ValueError, SummarizerError) as e:
        print(f"summarizer eval: error: {e}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results = {}
    try:
        for system in args.systems.split(","):
            outcomes = runner.run_all(runner.Runner(system, summarizer, args.cache_dir), docs, jobs=args.jobs)
            results[system] = runner.score(outcomes) | {"from_cache": sum(o.cached for o in outcomes)}
    except SummarizerError as e:  # the model cannot be reached or started at all
        print(f"summarizer eval: error: {e}", file=sys.stderr)
        return int(getattr(e, "exit_code", 1))
    except KeyboardInterrupt:
        print(
            f"summarizer eval: interrupted; results so far are kept in {args.cache_dir}, run again to resume",
            file=sys.stderr,
        )
        return 130
    report = {
        "dataset": str(args.dataset),
        "documents": len(docs),
        "model": summarizer.settings.model or "embedded",
        "command": "summarizer eval " + " ".join(sys.argv[2:]),
        "run_seconds": round(time.perf_counter() - started, 1),
        "systems": results,
    }
    text = markdown(report)
    sys.stdout.write(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.with_suffix(".md").write_text(text)
        args.out.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")
    return 0
