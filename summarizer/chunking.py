"""Splitting an article that is too long for the model's context into overlapping chunks.

No tokenizer is loaded: :func:`estimate_tokens` errs on the high side for Qwen and llama
tokenizers. Each :class:`Chunk` keeps its character offsets into the article
(``chunk.text == article[chunk.start:chunk.end]``), so that quotes found in a chunk can be
grounded in the whole article.

Cuts are made, by preference, after a blank line, after a line break, after a sentence,
after a word, and only as a last resort between two characters. Consecutive chunks overlap:
the whole sentences at the end of one chunk (up to ``overlap_tokens`` of them) open the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

MIN_TOKENS = 50
# Where a cut may go: just after each match, so that the next chunk opens on a word.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s+|[。！？]\s*")  # noqa: RUF001 (CJK punctuation)
_WORD = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of the article, ``text == article[start:end]``."""

    text: str
    start: int
    end: int


def estimate_tokens(text: str) -> int:
    """Tokens ``text`` may take: 1 per 3.5 ASCII characters, 1 per other character, rounded up."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return _tokens(len(text) - non_ascii, non_ascii)


def _tokens(ascii_chars: int, other_chars: int) -> int:
    return -(-2 * ascii_chars // 7) + other_chars  # ceil(ascii_chars / 3.5) without floats


class _Estimator:
    """``estimate_tokens(text[a:b])`` in constant time, from running counts of ASCII characters."""

    def __init__(self, text: str) -> None:
        self.ascii = [0, *accumulate(ord(c) < 128 for c in text)]

    def __call__(self, a: int, b: int) -> int:
        ascii_chars = self.ascii[b] - self.ascii[a]
        return _tokens(ascii_chars, b - a - ascii_chars)


def split(text: str, max_tokens: int, overlap_tokens: int = 150) -> list[Chunk]:
    """Cut ``text`` into chunks of at most ``max_tokens`` (estimated), overlapping by whole sentences.

    The first chunk starts at 0, the last ends at ``len(text)``, and every character is in a chunk.
    """
    if max_tokens < MIN_TOKENS or overlap_tokens < 0 or max_tokens <= 2 * overlap_tokens:
        raise ValueError(
            f"need max_tokens >= {MIN_TOKENS}, overlap_tokens >= 0 and max_tokens > 2 * overlap_tokens "
            f"(got max_tokens={max_tokens}, overlap_tokens={overlap_tokens})"
        )
    if estimate_tokens(text) <= max_tokens:
        return [Chunk(text, 0, len(text))]
    return _Splitter(text, max_tokens, overlap_tokens).chunks()


class _Splitter:
    def __init__(self, text: str, max_tokens: int, overlap_tokens: int) -> None:
        self.text, self.max, self.overlap = text, max_tokens, overlap_tokens
        self.tokens = _Estimator(text)
        cuts = [[m.end() for m in pattern.finditer(text)] for pattern in (_BLANK_LINE, _LINE_BREAK, _SENTENCE)]
        self.end_cuts = [*cuts, [m.end() for m in _WORD.finditer(text)]]  # coarsest first
        self.sentence_cuts = sorted(set().union(*cuts))  # where an overlap may begin

    def chunks(self) -> list[Chunk]:
        chunks, start = [], 0
        while True:
            end = self._end(start)
            chunks.append(Chunk(self.text[start:end], start, end))
            if end == len(self.text):
                return chunks
            start = self._overlap_start(start, end)

    def _end(self, start: int) -> int:
        """The coarsest cut that fills the chunk well (new text beyond the overlap), else a hard cut."""
        if self.tokens(start, len(self.text)) <= self.max:
            return len(self.text)
        enough = (self.max + self.overlap) // 2  # > overlap_tokens: every chunk reaches past the last one
        for cuts in self.end_cuts:
            end = _last_within(cuts, start, self.max, lambda b: self.tokens(start, b))
            if end is not None and self.tokens(start, end) >= enough:
                return end
        hard = _last_within(range(len(self.text) + 1), start, self.max, lambda b: self.tokens(start, b))
        assert hard is not None  # one character is at most 1 token and max_tokens >= MIN_TOKENS
        return hard

    def _overlap_start(self, start: int, end: int) -> int:
        """The earliest sentence (else word) start in (start, end) whose tail fits ``overlap_tokens``."""
        for cuts in (self.sentence_cuts, self.end_cuts[-1]):
            lo, hi = bisect_right(cuts, start), bisect_left(cuts, end)
            i = bisect_left(cuts, -self.overlap, lo, hi, key=lambda k: -self.tokens(k, end))
            if i < hi:
                return cuts[i]
        return end


def _last_within(cuts: Sequence[int], start: int, limit: int, tokens: Callable[[int], int]) -> int | None:
    """The last cut after ``start`` with ``tokens(cut) <= limit`` (tokens grow with the cut)."""
    lo = bisect_right(cuts, start)
    i = bisect_right(cuts, limit, lo, key=tokens)
    return cuts[i - 1] if i > lo else None
