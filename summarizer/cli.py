"""The command line: parse arguments, call the API, print. No logic lives here.

Exit codes: 0 success; 1 unexpected error, or the output cannot be written; 2 bad input or
usage; 3 bad configuration; 4 embedded model cannot start; 5 model endpoint failed; 6 no valid
summary from the model; 130 interrupted.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence

EXIT_CODES = """exit codes:
  0  success                       4  the embedded model cannot start
  1  unexpected error              5  the model endpoint failed
  2  bad input or usage            6  the model gave no valid summary
  3  bad configuration           130  interrupted

environment: SUMMARIZER_MODEL, SUMMARIZER_BASE_URL, SUMMARIZER_API_KEY, SUMMARIZER_MODEL_PATH,
  SUMMARIZER_MODE, SUMMARIZER_REASKS, SUMMARIZER_REASK_UNSUPPORTED, SUMMARIZER_RETRIES,
  SUMMARIZER_TIMEOUT, SUMMARIZER_PARALLEL, SUMMARIZER_CHUNK_TOKENS, SUMMARIZER_ALIASES,
  SUMMARIZER_UNSUPPORTED, SUMMARIZER_CACHE_DIR, OPENAI_API_KEY, OPENAI_BASE_URL;
  SUMMARIZER_DEBUG=1 also shows the traceback.
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Summarize a news article about violent events: who, what, when, where, "
        "casualties and responsibility. Runs on an embedded local model unless an endpoint is configured.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "article",
        help="path to the article (text or an HTML page), or - for stdin "
        "(see also: 'summarizer eval --help', 'summarizer bench --help', 'summarizer review --help')",
    )
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
    parser.add_argument("--model", help="model name at the endpoint (env SUMMARIZER_MODEL)")
    parser.add_argument("--base-url", help="OpenAI-compatible endpoint URL (env SUMMARIZER_BASE_URL / OPENAI_BASE_URL)")
    parser.add_argument("--model-path", help="GGUF file for the embedded model (env SUMMARIZER_MODEL_PATH)")
    parser.add_argument("--mode", choices=("json_schema", "tools", "json", "md_json"), help="structured-output mode")
    parser.add_argument("--reasks", type=int, metavar="N", help="re-asks after invalid answers (default 2)")
    parser.add_argument(
        "--unsupported", choices=("flag", "drop"), help="facts the article does not support: flag (default) or drop"
    )
    parser.add_argument("--verbose", action="store_true", help="on failure, also print the model's last output")
    parser.add_argument("--version", action="version", version="%(prog)s 0.1.0")
    return parser


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
    if argv[:1] == ["eval"]:
        from summarizer.evaluation.cli import main as evaluate

        return evaluate(argv[1:])
    if argv[:1] == ["bench"]:
        from summarizer.evaluation.bench import main as bench

        return bench(argv[1:])
    if argv[:1] == ["review"]:
        from summarizer.review.cli import main as review

        return review(argv[1:])
    args = _parser().parse_args(argv)
    _quiet_libraries()
    from summarizer import Summarizer, SummarizerError, article, render

    try:
        doc = article.read(args.article)
        summarizer = Summarizer(
            model=args.model,
            base_url=args.base_url,
            model_path=args.model_path,
            mode=args.mode,
            reasks=args.reasks,
            unsupported=args.unsupported,
        )
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
