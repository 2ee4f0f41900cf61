"""Custom ids of batch requests: ``ARTICLE-ID#PART/PARTS@PASS`` (``reuters-17.html#1/1@1``).

The article's id may hold anything, ``#`` included: the suffix is read from the right.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_SUFFIX = re.compile(r"^(?P<id>.*)#(?P<part>[1-9]\d*)/(?P<parts>[1-9]\d*)@(?P<pass>[1-9]\d*)$", re.DOTALL)


class RequestId(NamedTuple):
    """Which article, which part of it, which pass."""

    article: str
    part: int
    parts: int
    round: int

    def __str__(self) -> str:
        return f"{self.article}#{self.part}/{self.parts}@{self.round}"

    @property
    def key(self) -> tuple[str, int, int]:
        """The request without its pass: the answers of every pass to one part share it."""
        return self.article, self.part, self.parts


def parse(custom_id: str) -> RequestId | None:
    """The parts of a custom id; None for one that summarizer did not write."""
    found = _SUFFIX.match(custom_id)
    if found is None:
        return None
    return RequestId(found["id"], int(found["part"]), int(found["parts"]), int(found["pass"]))
