"""``summarizer run INPUT... -o OUT``: summarize many articles into JSON Lines or CSV, resumably."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from typing import Any

from summarizer import _options
from summarizer._errors import SummarizerError

DESCRIPTION = """Summarize many articles: files, folders (searched for .txt, .html, .htm) and JSON Lines of
records {"id", "text" | "html" | "path", "published"?, "url"?, "title"?} ('-': JSON Lines on stdin).
One line per article in OUT (JSON Lines), or one row per incident (--format csv). An article that fails
gets an error line and the run goes on. Run the same command again to resume: the ids already in OUT
are skipped (--retry-errors: and those that failed are summarized again)."""

ERRORS = """error kinds (the "error": {"kind", "message"} of a failed article):
  input           the article cannot be used (missing, empty, binary, undecodable, no article text, ...)
  config          a package that reading it needs is not installed
  endpoint        the model endpoint failed (unreachable, timeouts, HTTP errors after retries)
  invalid_answer  the model never gave a valid answer within the re-ask budget
  model           the embedded model could not be started
  internal        an unexpected error (a bug)
"""


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``summarizer run``; its handler is :func:`command`."""
    parser.description = DESCRIPTION
    parser.epilog = ERRORS + "\n" + (parser.epilog or "")
    parser.set_defaults(handler=command)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="article files, folders, JSON Lines files, or -")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output file (- for stdout: no resume)")
    parser.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        help="jsonl: one line per article (default); csv: one row per incident (default when OUT ends in .csv)",
    )
    _options.jobs_option(parser, "articles in flight (default 1 on the embedded model, 8 on an endpoint)")
    parser.add_argument(
        "--retry-errors", action="store_true", help="summarize again the articles whose line in OUT is an error"
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    _options.add_model_options(parser)


def main(argv: Sequence[str] | None = None) -> int:
    """``summarizer run ARGV``."""
    parser = argparse.ArgumentParser(prog="summarizer run")
    configure(parser)
    return command(parser.parse_args(argv))


def command(args: argparse.Namespace) -> int:
    from summarizer import Summarizer
    from summarizer.corpus import open_output, progress, run, scan

    format = args.format or ("csv" if args.output.lower().endswith(".csv") else "jsonl")
    try:
        settings = _options.settings(args)
        records = scan(args.inputs)
        output = open_output(args.output, format, args.retry_errors, warn=_warn)
    except SummarizerError as e:
        return _fail(e)
    shown: progress.Progress = progress.Quiet() if args.quiet else progress.for_stream(sys.stderr)
    if os.environ.get("SUMMARIZER_DEBUG"):
        shown = _Debug(shown)
    try:
        report = run(Summarizer(settings), records, output, shown)
    except SummarizerError as e:  # the model cannot start, or the endpoint is down for good
        return _fail(e)
    except KeyboardInterrupt:
        print(
            f"summarizer: interrupted; {len(output.done)} of {len(records)} articles are in {args.output}: "
            "run the same command again to go on",
            file=sys.stderr,
        )
        return 130
    finally:
        output.close()
    earlier = len(output.failed) - report.failed
    more = f"; {args.output} also holds {earlier} error lines of earlier runs (--retry-errors)" if earlier > 0 else ""
    print(f"summarizer run: {report.line()}{more}", file=sys.stderr)
    return 7 if output.failed else 0


class _Debug:
    """SUMMARIZER_DEBUG=1: the traceback of each article that failed, beside the progress shown."""

    def __init__(self, shown: Any) -> None:
        self.shown = shown

    def start(self, total: int, skipped: int) -> None:
        self.shown.start(total, skipped)

    def advance(self, outcome: Any) -> None:
        self.shown.advance(outcome)
        if outcome.cause is not None:
            print(f"summarizer: {outcome.record.id}:", file=sys.stderr)
            traceback.print_exception(outcome.cause)

    def stop(self) -> None:
        self.shown.stop()


def _warn(message: str) -> None:
    print(f"summarizer: warning: {message}", file=sys.stderr)


def _fail(error: SummarizerError) -> int:
    if os.environ.get("SUMMARIZER_DEBUG"):
        traceback.print_exc()
    print(f"summarizer: error: {' '.join(str(error).split())}", file=sys.stderr)
    return error.exit_code
