"""``summarizer review OUT.jsonl -o DIR``: review pages for the output of a corpus run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer._errors import SummarizerError


def configure(parser: argparse.ArgumentParser) -> None:
    """The options of ``summarizer review``; its handler is :func:`command`."""
    parser.description = (
        "Write an index page and one review page per article (the article with its evidence "
        "highlighted beside the facts) for a corpus run's JSONL output."
    )
    parser.set_defaults(handler=command)
    parser.add_argument("run", type=Path, help="the run's JSON Lines: one record per article")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write into")
    parser.add_argument("--title", help="title of the index page (default: the JSONL file's name)")


def main(argv: Sequence[str] | None = None) -> int:
    """``summarizer review ARGV``."""
    parser = argparse.ArgumentParser(prog="summarizer review")
    configure(parser)
    return command(parser.parse_args(argv))


def command(args: argparse.Namespace) -> int:
    from summarizer.review.corpus import write

    try:
        written = write(args.run, args.output, title=args.title)
    except SummarizerError as e:
        print(f"summarizer: error: {e}", file=sys.stderr)
        return e.exit_code
    except OSError as e:
        print(f"summarizer: error: cannot write to {args.output}: {e.strerror}", file=sys.stderr)
        return 2
    print(f"{written.index}: {written.pages} articles, {written.errors} not summarized")
    return 0
