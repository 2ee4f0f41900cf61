"""The sentences of an article, as the rules read them.

A sentence ends at ".", "!" or "?" followed by white space or the end of the text, and at a
blank line. It runs on over a single line break: wire copy (all of MUC-4) is hard-wrapped,
and a figure's source or a statement's speaker is often on the line before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = re.compile(r"[.!?]+(?=\s|$)|\n[ \t]*\n")


def spans(text: str) -> Iterator[tuple[int, int]]:
    """Each sentence's ``(start, end)`` in ``text``, in order, without the white space around it."""
    start = 0
    for m in _END.finditer(text):
        end = m.end() if m.group(0)[0] in ".!?" else m.start()
        yield from _stripped(text, start, end)
        start = m.end()
    yield from _stripped(text, start, len(text))


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if piece.strip():
        yield start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` (from the one it starts in to the one it ends in)."""
    first = last = None
    for s, e in spans(text):
        if first is None and start < e:
            first = s
        if end <= e or e >= len(text.rstrip()):
            last = e
            break
    if first is None or last is None:
        return text[start:end].strip()
    return text[min(first, start) : max(last, end)].strip()
