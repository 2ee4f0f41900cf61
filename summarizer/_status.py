"""What one summary is doing, for a person watching a terminal: starting the model, reading the article,
waiting for the answer (attempt n of m, part i of n), checking it.

The pipeline and the model client call :func:`say` as they go; it does nothing unless a reporter is set
(:func:`showing`), which the command line does for one article when stderr is a terminal. Corpus runs
show a progress bar instead and set none.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Reporter = Callable[[str], None]

_reporter: Reporter | None = None
_local = threading.local()


def say(text: str) -> None:
    """Report what is happening now (with the part being drafted, in a long article)."""
    reporter = _reporter
    if reporter is not None:
        reporter(text + getattr(_local, "part", ""))


@contextmanager
def showing(reporter: Reporter) -> Iterator[None]:
    """Send what :func:`say` reports to ``reporter`` inside the block."""
    global _reporter
    previous, _reporter = _reporter, reporter
    try:
        yield
    finally:
        _reporter = previous


@contextmanager
def part(number: int, parts: int) -> Iterator[None]:
    """Within the block, this thread works on part ``number`` of ``parts`` (said only when there are several)."""
    _local.part = f" (part {number} of {parts})" if parts > 1 else ""
    try:
        yield
    finally:
        _local.part = ""
