"""``summarizer batch prepare`` and ``summarizer batch finish``: the OpenAI batch file format, both ways."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer import _options
from summarizer._errors import SummarizerError

if TYPE_CHECKING:
    from summarizer.batch import results

PREPARE = """Write the chat requests for every part of every article (one JSON line each, OpenAI batch input
format, a custom_id ARTICLE#PART/PARTS@PASS per request). Submit the file to the OpenAI Batch API, or
run it with 'vllm run_batch -i REQUESTS -o RESULTS --model M' (split it by lines across nodes). Name the
model the service serves with --model."""
FINISH = """Read the same inputs and the batch's results (OpenAI batch output format; --results may be given
several times), validate and post-process each answer, and write one line per article as 'summarizer run'
does (resumably). Articles whose answer is missing or invalid get an error line, unless --next writes
their next pass's requests (run finish again with every pass's results), or --reask asks the
configured model now."""


def configure(parser: argparse.ArgumentParser) -> None:
    """``summarizer batch prepare|finish``; handlers :func:`prepare` and :func:`finish`."""
    parser.description = "Many articles through a batch service: write the requests, read the answers."
    steps = parser.add_subparsers(dest="step", metavar="STEP", required=True)
    for name, about, handler in (("prepare", PREPARE, prepare), ("finish", FINISH, finish)):
        step = steps.add_parser(name, description=about, help=about.split(".")[0].lower(), epilog=parser.epilog,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
        step.set_defaults(handler=handler)
        step.add_argument("inputs", nargs="+", metavar="INPUT", help="as for 'summarizer run'")
        if name == "prepare":
            step.add_argument("-o", "--output", required=True, type=Path, metavar="REQUESTS", help="request file")
        else:
            step.add_argument("--results", required=True, action="append", type=Path, metavar="RESULTS",
                              help="a results file (give each pass's, or each part of a split output)")  # fmt: skip
            step.add_argument("-o", "--output", required=True, metavar="OUT", help="as for 'summarizer run'")
            step.add_argument("--format", choices=("jsonl", "csv"), help="as for 'summarizer run'")
            step.add_argument("--next", type=Path, metavar="REQUESTS",
                              help="write the next pass's requests for answers missing or invalid")  # fmt: skip
            step.add_argument("--reask", action="store_true", help="ask the configured model now for those")
        _options.add_model_options(step)


def main(argv: Sequence[str] | None = None) -> int:
    """``summarizer batch ARGV``."""
    parser = argparse.ArgumentParser(prog="summarizer batch")
    configure(parser)
    args = parser.parse_args(argv)
    return int(args.handler(args))


def prepare(args: argparse.Namespace) -> int:
    from summarizer import Summarizer
    from summarizer.batch.requests import RequestFile
    from summarizer.batch.requests import prepare as requests
    from summarizer.corpus import Outcome, scan

    try:
        summarizer = Summarizer(_options.settings(args))
        records = scan(args.inputs)
        out = RequestFile(args.output)
    except (SummarizerError, OSError) as e:
        return _fail(e)
    failed = 0
    try:
        for item in requests(summarizer, records):
            if isinstance(item, Outcome):
                failed += 1
                print(f"summarizer: {item.record.id}: {item.error.kind if item.error else 'error'}: "
                      f"{item.error.message if item.error else ''}", file=sys.stderr)  # fmt: skip
            else:
                out.write(item)
        out.commit()
    except BaseException:
        out.discard()
        raise
    print(
        f"summarizer batch: {out.lines} requests for {len(records) - failed} articles in {args.output}"
        + (f"; {failed} articles could not be read (finish gives them error lines)" if failed else ""),
        file=sys.stderr,
    )
    return 7 if failed else 0


def finish(args: argparse.Namespace) -> int:
    from summarizer import Summarizer
    from summarizer.batch import results
    from summarizer.batch.requests import RequestFile
    from summarizer.corpus import open_output, scan

    format = args.format or ("csv" if args.output.lower().endswith(".csv") else "jsonl")
    try:
        summarizer = Summarizer(_options.settings(args))
        records = scan(args.inputs)
        found = results.read(args.results)
        output = open_output(args.output, format, warn=_warn)
    except SummarizerError as e:
        return _fail(e)
    finisher = results.Finisher(summarizer, found, reask=args.reask, next_round=args.next is not None)
    try:
        pending = RequestFile(args.next) if args.next else None
        try:
            report = results.run(finisher, records, output, pending)
        except BaseException:
            if pending is not None:
                pending.discard()
            raise
        if pending is not None:
            pending.commit()
    except SummarizerError as e:  # --reask: the model cannot start
        return _fail(e)
    except OSError as e:
        return _fail(e)
    finally:
        output.close()
    _say_finished(report, found.unreadable, args)
    return 7 if report.failed or output.failed else 0


def _say_finished(report: results.Report, unreadable: int, args: argparse.Namespace) -> None:
    failed = sum(report.failed.values())
    kinds = " (" + ", ".join(f"{kind} {n}" for kind, n in sorted(report.failed.items())) + ")" if failed else ""
    line = f"{report.total} articles: {report.summarized} summarized, {failed} failed{kinds}"
    if report.skipped:
        line += f", {report.skipped} already in the output"
    if report.waiting:
        line += f"; {len(report.waiting)} wait for another pass: submit {args.next} ({report.next_requests} requests)"
        line += ", then run finish again with every pass's --results"
    print(f"summarizer batch: {line}", file=sys.stderr)
    if failed and not args.next and not args.reask:
        print("summarizer batch: --next REQUESTS writes the failed parts' next pass; --reask asks the model now",
              file=sys.stderr)  # fmt: skip
    if unreadable:
        _warn(f"{unreadable} lines of the results are no result of requests summarizer wrote; they were skipped")
    if report.unmatched:
        _warn(f"the results answer {report.unmatched} articles that are not in the inputs")


def _warn(message: str) -> None:
    print(f"summarizer: warning: {message}", file=sys.stderr)


def _fail(error: BaseException) -> int:
    if os.environ.get("SUMMARIZER_DEBUG"):
        traceback.print_exc()
    if isinstance(error, OSError):
        print(f"summarizer: error: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"summarizer: error: {' '.join(str(error).split())}", file=sys.stderr)
    return int(getattr(error, "exit_code", 1))
