"""What became of one article: its summary, or its error as data (a kind from :data:`ERROR_KINDS` and a message).

An article that fails does not stop a corpus run: it gets an error line, ``{"kind", "message"}``, and the run
goes on. The kinds are documented here and in the README; they follow the exception tree of
:mod:`summarizer._errors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer._errors import (
    ConfigError,
    ExtractionError,
    InputError,
    LocalModelError,
    ModelError,
    SummarizerError,
)
from summarizer.corpus.inputs import Record
from summarizer.schema import Summary

ERROR_KINDS = {
    "input": "the article cannot be used: a missing, empty, binary, undecodable or oversized file, an HTML page "
    "with no article text, a bad publication date, a JSON line that is no record",
    "config": "a package that reading the article needs is not installed",
    "model": "the embedded model could not be started",
    "endpoint": "the model endpoint failed: unreachable, timing out, HTTP errors after the retries",
    "invalid_answer": "the model answered, but never with a valid answer within the re-ask budget",
    "no_result": "batch finish: the results file holds no answer for one of the article's requests",
    "batch_error": "batch finish: the batch service reports the request as failed",
    "internal": "an unexpected error in summarizer (a bug: please report it with the message)",
}


@dataclass(frozen=True)
class Failure:
    """Why an article has no summary."""

    kind: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


def failure(error: BaseException) -> Failure:
    """The error line's kind and message for an exception raised while summarizing one article."""
    message = " ".join(str(error).split())
    kind = getattr(error, "kind", None)
    if isinstance(error, SummarizerError) and kind in ERROR_KINDS:  # an error that says its kind (batch)
        return Failure(kind, message)
    for kind, cls in (
        ("input", InputError),
        ("config", ConfigError),
        ("model", LocalModelError),
        ("invalid_answer", ExtractionError),
        ("endpoint", ModelError),
    ):
        if isinstance(error, cls):
            return Failure(kind, message)
    if isinstance(error, SummarizerError):
        return Failure("internal", message)
    return Failure("internal", f"{type(error).__name__}: {message}")


@dataclass(frozen=True)
class Outcome:
    """One article's result, with what the output says about where it came from."""

    record: Record
    summary: Summary | None = None
    error: Failure | None = None
    title: str | None = None
    published: str | None = None
    text: str | None = None  # the article's text, kept for the output when it came inline
    cause: Exception | None = None  # what was raised, for the Python API

    @classmethod
    def failed(
        cls, record: Record, error: Exception, title: str | None = None, published: str | None = None
    ) -> Outcome:
        """The outcome of an article that failed with ``error`` (after reading its title and date, if it got so far)."""
        return cls(record, error=failure(error), cause=error, title=title, published=published)

    @property
    def exception(self) -> SummarizerError:
        """The error as an exception: the one raised, or a :class:`SummarizerError` saying what went wrong."""
        if isinstance(self.cause, SummarizerError):
            return self.cause
        error = self.error or Failure("internal", "no summary and no error")
        wrapped = SummarizerError(f"{error.kind}: {error.message}")
        wrapped.__cause__ = self.cause
        return wrapped

    @property
    def tokens(self) -> int:
        usage = self.summary.provenance.usage if self.summary is not None else None
        return usage.prompt_tokens + usage.completion_tokens if usage is not None else 0

    def as_json(self) -> dict[str, Any]:
        """The output line: ``{"id", "source", "title", "published", "url"?, "summary" | "error", "text"?}``."""
        line: dict[str, Any] = {
            "id": self.record.id,
            "source": self.record.source,
            "title": self.title or self.record.title,
            "published": self.published or self.record.published,
        }
        if self.record.url:
            line["url"] = self.record.url
        if self.summary is not None:
            line["summary"] = self.summary.model_dump(mode="json")
        else:
            line["error"] = (self.error or Failure("internal", "no summary and no error")).as_json()
        if self.text is not None:
            line["text"] = self.text
        return line
