"""The request lines of a batch: each part of each article, as ``summarizer run`` would send it first.

A line is the OpenAI batch input format: ``{"custom_id", "method": "POST", "url": "/v1/chat/completions",
"body"}``; the body is built by :func:`summarizer.llm.request_body`, the same call a live request goes
through, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from summarizer import llm
from summarizer.answer import Answer
from summarizer.article import Article
from summarizer.batch.ids import RequestId
from summarizer.chunking import Chunk
from summarizer.corpus.inputs import Record
from summarizer.corpus.outcome import Outcome
from summarizer.pipeline import Summarizer

URL = "/v1/chat/completions"


@dataclass(frozen=True)
class Planned:
    """An article read and split into the parts it is asked in."""

    record: Record
    article: Article
    day: date | None
    parts: list[Chunk]

    @property
    def published(self) -> str | None:
        return self.day.isoformat() if self.day else None

    def request_id(self, part: int, round: int = 1) -> RequestId:
        return RequestId(self.record.id, part, len(self.parts), round)


def plan(summarizer: Summarizer, record: Record) -> Planned:
    """Read the record's article and split it as a live summary would; raises what reading it raises."""
    record, article = record.load()
    day, parts = summarizer.plan(article.text, article.published)
    return Planned(record, article, day, parts)


def model_name(summarizer: Summarizer) -> str:
    """The model the requests name: ``--model`` (or SUMMARIZER_MODEL), else the backend's own."""
    name = summarizer.settings.model or summarizer.backend.model
    assert name is not None  # an endpoint always has a model name (config.load), the embedded model its own
    return name


def line(request_id: RequestId, body: dict[str, Any]) -> dict[str, Any]:
    return {"custom_id": str(request_id), "method": "POST", "url": URL, "body": body}


def body(summarizer: Summarizer, messages: list[dict[str, Any]]) -> dict[str, Any]:
    return llm.request_body(messages, Answer, model_name(summarizer), summarizer.settings.mode)


def first(summarizer: Summarizer, planned: Planned, part: int) -> dict[str, Any]:
    """The first request for one part (1-based) of a planned article."""
    messages = summarizer.messages(planned.parts[part - 1].text, planned.published)
    return line(planned.request_id(part), body(summarizer, messages))


def prepare(summarizer: Summarizer, records: Iterable[Record]) -> Iterator[dict[str, Any] | Outcome]:
    """Every article's request lines, in order; an article that cannot be read is its :class:`Outcome` instead."""
    for record in records:
        try:
            planned = plan(summarizer, record)
        except Exception as e:
            yield Outcome.failed(record, e)
            continue
        for part in range(1, len(planned.parts) + 1):
            yield first(summarizer, planned, part)


class RequestFile:
    """A request file written whole or not at all: lines go to a temporary file, renamed into place by
    :meth:`commit` (a file the service reads must never be half written)."""

    def __init__(self, path: Path) -> None:
        self.path, self.lines = path, 0
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        self._temporary = Path(name)
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, request: dict[str, Any]) -> None:
        self._file.write(json.dumps(request, ensure_ascii=False) + "\n")
        self.lines += 1

    def commit(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.chmod(self._temporary, 0o644)  # mkstemp makes it private; it is an ordinary output file
        os.replace(self._temporary, self.path)

    def discard(self) -> None:
        self._file.close()
        self._temporary.unlink(missing_ok=True)
