"""The command line: parse arguments, call the API, print. No logic lives here.

Exit codes: 0 success; 1 unexpected error, or the output cannot be written; 2 bad input or
usage; 3 bad configuration; 4 embedded model cannot start; 5 model endpoint failed; 6 no valid
summary from the model; 7 (``run``, ``batch finish``) the run finished but some articles failed,
each with its error line; 130 interrupted.

Each command is a subcommand (argparse subparsers) with its own help; the options that choose the
model are defined once (:mod:`summarizer._options`) and make one :class:`summarizer.config.Settings`.
``summarizer ARTICLE`` is short for ``summarizer summarize ARTICLE``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
import traceback
from collections.abc import Iterator, Sequence

from summarizer import _options, _status

EXIT_CODES = """exit codes:
  0  success                       4  the embedded model cannot start
  1  unexpected error              5  the model endpoint failed
  2  bad input or usage            6  the model gave no valid summary
  3  bad configuration             7  run, batch finish: some articles failed (their lines say why)
                                 130  interrupted

environment: SUMMARIZER_MODEL, SUMMARIZER_BASE_URL, SUMMARIZER_API_KEY, SUMMARIZER_MODEL_PATH,
  SUMMARIZER_MODE, SUMMARIZER_REASKS, SUMMARIZER_REASK_UNSUPPORTED, SUMMARIZER_RETRIES,
  SUMMARIZER_TIMEOUT, SUMMARIZER_PARALLEL, SUMMARIZER_JOBS, SUMMARIZER_CHUNK_TOKENS, SUMMARIZER_ALIASES,
  SUMMARIZER_UNSUPPORTED, SUMMARIZER_CACHE_DIR, OPENAI_API_KEY, OPENAI_BASE_URL;
  SUMMARIZER_DEBUG=1 also shows the traceback.
"""
COMMANDS = ("summarize", "run", "batch", "eval", "bench", "review")
SHORTHAND = """'summarizer ARTICLE [--published YYYY-MM-DD] [--format text|json|html] ...' is short for
'summarizer summarize ARTICLE ...' (an article file named like a command: 'summarizer summarize run').
"""


COMMAND_MODULES = {  # each configures its parser (options, description) and sets its handler
    "run": "summarizer.corpus.cli",
    "batch": "summarizer.batch.cli",
    "eval": "summarizer.evaluation.cli",
    "bench": "summarizer.evaluation.bench",
    "review": "summarizer.review.cli",
}
COMMAND_HELP = {
    "summarize": "summarize one article (the default command)",
    "run": "summarize many articles into JSON Lines or CSV, resumably, several at once",
    "batch": "write chat requests for the OpenAI Batch API or vllm run_batch, and read the answers back",
    "eval": "score summaries against answer keys (MUC-4, GVA)",
    "bench": "measure speed: CLI start, model load, seconds per article",
    "review": "write review pages for a run's JSON Lines output",
}


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; only ``command``'s own options are set up (its module imported), so that
    ``summarizer --help`` and ``summarizer ARTICLE`` start fast."""
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Summarize news articles about violent events: who, what, when, where, casualties and "
        "responsibility. Runs on an embedded local model unless an endpoint is configured.",
        epilog=SHORTHAND + "\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, summary in COMMAND_HELP.items():
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=EXIT_CODES,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if name != command:
            continue
        if name == "summarize":
            sub.description = SUMMARIZE
            _summarize_options(sub)
            sub.set_defaults(handler=_summarize)
        else:
            importlib.import_module(COMMAND_MODULES[name]).configure(sub)
    return parser


SUMMARIZE = "Summarize one news article about violent events: who, what, when, where, casualties and responsibility."


def _summarize_options(parser: argparse.ArgumentParser) -> None:
    _options.add_model_options(parser)
    parser.add_argument("article", help="path to the article (text or an HTML page), or - for stdin")
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date, to resolve relative dates (default: the date an HTML page gives, if any)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="output format (default: text); html: a review page, the article with its evidence highlighted",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of stdout")
    parser.add_argument("--verbose", action="store_true", help="on failure, also print the model's last output")


def _fail(error: Exception, verbose: bool) -> int:
    message = " ".join(str(error).split())
    print(f"summarizer: error: {message}", file=sys.stderr)
    last = getattr(error, "last_output", None)
    if verbose and last:
        print(f"summarizer: last model output:\n{last}", file=sys.stderr)
    return int(getattr(error, "exit_code", 1))


def _quiet_libraries() -> None:
    """instructor logs every failed attempt at ERROR; the CLI reports failures itself, in one line."""
    if not os.environ.get("SUMMARIZER_DEBUG"):
        logging.getLogger("instructor").addHandler(logging.NullHandler())
        logging.getLogger("instructor").propagate = False


def _emit(output: str, path: str | None) -> int:
    """Print ``output``, or write it to ``path``."""
    if path is None:
        return _write(output)
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(output)
    except OSError as e:
        print(f"summarizer: error: cannot write {path}: {e.strerror}", file=sys.stderr)
        return 2
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code. Ctrl-C anywhere is exit 130, in one line."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130


def _run(argv: list[str]) -> int:
    if argv[:1] and argv[0] not in (*COMMANDS, "-h", "--help", "--version"):
        argv = ["summarize", *argv]  # summarizer ARTICLE ...
    args = _parser(argv[0] if argv else None).parse_args(argv)
    _quiet_libraries()
    return int(args.handler(args))


def _summarize(args: argparse.Namespace) -> int:
    from summarizer import Summarizer, SummarizerError, article, render

    try:
        with _status_line():
            _status.say(f"reading {'stdin' if args.article == '-' else args.article}")
            doc = article.read(args.article)
            summarizer = Summarizer(_options.settings(args))
            published = args.published if args.published is not None else doc.published  # explicit wins
            summary = summarizer.summarize(doc.text, published=published)
    except SummarizerError as e:
        if os.environ.get("SUMMARIZER_DEBUG"):
            traceback.print_exc()  # and the exit code stays that of the error
        return _fail(e, args.verbose)
    for warning in summary.provenance.warnings:
        print(f"summarizer: warning: {warning}", file=sys.stderr)
    if args.format == "html":
        from summarizer.review import article_page

        output = article_page(summary, doc, published)
    elif args.format == "json":
        output = summary.model_dump_json(indent=2) + "\n"
    else:
        output = render.text(summary, doc.title)
    return _emit(output, args.output)


@contextlib.contextmanager
def _status_line() -> Iterator[None]:
    """On a terminal, what the summary is doing, on one line of stderr, cleared when done; else nothing."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with (
        Console(stderr=True).status("summarizer: starting", spinner="dots") as line,
        _status.showing(lambda text: line.update(f"summarizer: {text}")),
    ):
        yield


def _write(output: str) -> int:
    """Print the summary; a closed pipe or a full disk is one line and exit 1, not a traceback."""
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except OSError as e:
        _stdout_to_devnull()
        reason = "the reader closed the pipe" if isinstance(e, BrokenPipeError) else e.strerror or str(e)
        print(f"summarizer: error: cannot write the output: {reason}", file=sys.stderr)
        return 1
    return 0


def _stdout_to_devnull() -> None:
    """Python flushes stdout once more at exit; what is left in its buffer goes nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (io.UnsupportedOperation is both)
        pass
