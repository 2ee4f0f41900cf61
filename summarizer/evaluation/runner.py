"""Run a system over a dataset, resumably and a few documents at once, and score it.

Raw model results are cached under ``.eval-cache/`` by system, model, document id
and what is sent (for the summarizer: a hash of the rendered requests, the answer's
schema and the re-ask settings, :meth:`Summarizer.request_key`; for the baseline:
its prompt's fingerprint, schema version, text and date), so a re-run re-scores
without calling the model. For the summarizer system the raw result is the model's draft:
post-processing (:meth:`Summarizer.finish`) runs again on every load, so a change to
it is scored without calling the model. Each result is stored (whole: a temporary
file, then a rename) as soon as it arrives, so an interrupted run resumes.
"""

from __future__ import annotations

import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

from pydantic import ValidationError

from summarizer import SummarizerError, prompts
from summarizer._errors import ExtractionError, ModelError
from summarizer.answer import Answer
from summarizer.evaluation import baseline, scoring
from summarizer.evaluation.predictions import Predicted, from_summary, from_summary_dict
from summarizer.pipeline import Summarizer
from summarizer.schema import Provenance, Summary

SYSTEMS = ("summarizer", "baseline")
# The baseline has its own flat schema, so its results outlive summarizer schema versions; "1" is
# the version its cache keys have always held, which keeps the results already cached valid.
BASELINE_SCHEMA_VERSION = "1"


@dataclass
class Document:
    id: str
    text: str
    published: str | None
    gold: dict[str, Any]
    dataset: str  # muc4 | gva | wikievents


def load(path: Path, limit: int | None = None, ids: set[str] | None = None, skip: int = 0) -> Iterator[Document]:
    """Documents of a dataset in the formats of ``shared/data`` (kind told by its fields): the first
    ``limit`` after the first ``skip`` (of those in ``ids``, when given)."""
    count = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if ids and record["id"] not in ids:
                continue
            if skip > 0:
                skip -= 1
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield _document(record)


def _document(record: dict[str, Any]) -> Document:
    gold = record.get("gold", {})
    if "dct" in record:
        return Document(record["id"], record["text"], record["dct"], gold, "gva")
    if "templates" in gold:
        day = scoring.muc_published(record["text"])
        return Document(record["id"], record["text"], day.isoformat() if day else None, gold, "muc4")
    return Document(record["id"], record["text"], None, gold, "wikievents")


@dataclass
class Outcome:
    doc: Document
    incidents: list[Predicted]
    seconds: float
    attempts: int
    prompt_tokens: int
    completion_tokens: int
    error: str | None = None
    cached: bool = False
    facts: int = 0  # quoted facts in the summary (summarizer only)
    unsupported: int = 0  # of which flagged or dropped as not supported by the article


# What a stored record reads as: incidents ready to score, or a summarizer draft still to finish.
Read: TypeAlias = list[Predicted] | tuple[Answer, Provenance]


class Runner:
    """Runs one system (summarizer or baseline) with one :class:`Summarizer`'s model.

    :meth:`cached` and :meth:`fresh` may be called from several threads at once, once
    :meth:`connect` has been called.
    """

    def __init__(self, system: str, summarizer: Summarizer, cache_dir: Path) -> None:
        self.system, self.summarizer, self.cache_dir = system, summarizer, cache_dir

    def _key(self, doc: Document) -> str:
        model = self.summarizer.settings.model or "embedded"
        if self.system == "summarizer":  # what is sent: a prompt edit that changes no request keeps the cache
            request = self.summarizer.request_key(doc.text, doc.published)
            raw = json.dumps([self.system, model, request, doc.id])
        else:
            prompt = prompts.fingerprint(baseline.PROMPT_VERSION)
            raw = json.dumps([self.system, model, prompt, BASELINE_SCHEMA_VERSION, doc.id, doc.text, doc.published])
        return hashlib.sha256(raw.encode()).hexdigest()[:24]

    def _path(self, doc: Document) -> Path:
        return self.cache_dir / self.system / f"{self._key(doc)}.json"

    def connect(self) -> None:
        """Create the model client (starting the embedded model if it serves) before any worker needs it."""
        _ = self.summarizer.client

    def run(self, doc: Document) -> Outcome:
        """The cached outcome of ``doc``, else a fresh one."""
        return self.cached(doc) or self.fresh(doc)

    def cached(self, doc: Document) -> Outcome | None:
        """The outcome of an earlier run; None if there is none, or it no longer validates."""
        try:
            record = json.loads(self._path(doc).read_text(encoding="utf-8"))
            read = self._read(record)
        except FileNotFoundError:
            return None
        except (json.JSONDecodeError, ValidationError):  # a draft of a changed schema: ask again
            return None
        return self._outcome(doc, record, read, cached=True)

    def fresh(self, doc: Document) -> Outcome:
        """Ask the model, store its raw result at once, and return the outcome."""
        record = self._call(doc)
        if not record.get("transient"):  # an endpoint that failed may answer next time: not cached
            self._store(self._path(doc), record)
        return self._outcome(doc, record, self._read(record), cached=False)

    def _call(self, doc: Document) -> dict[str, Any]:
        started = time.perf_counter()
        stored: dict[str, Any]
        try:
            if self.system == "summarizer":
                draft, p, _ = self.summarizer.draft(doc.text, published=doc.published)
                stored = {"draft": draft.model_dump(mode="json"), "provenance": p.model_dump(mode="json")}
                cost = (p.attempts, p.usage.prompt_tokens, p.usage.completion_tokens)
            else:
                done = baseline.run(self.summarizer.client, doc.text, doc.published)
                stored = {"result": done.value.model_dump(mode="json")}
                cost = (done.attempts, done.prompt_tokens, done.completion_tokens)
            error = None
        except SummarizerError as e:
            transient = isinstance(e, ModelError) and not isinstance(e, ExtractionError)
            stored, cost, error = (
                {"transient": transient},
                (getattr(e, "attempts", 0), 0, 0),
                f"{type(e).__name__}: {e}",
            )
        attempts, prompt_tokens, completion_tokens = cost
        return stored | {"error": error, "seconds": time.perf_counter() - started, "attempts": attempts,
                         "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}  # fmt: skip

    @staticmethod
    def _store(path: Path, record: dict[str, Any]) -> None:
        """Write ``record`` whole or not at all: an interrupted write leaves no half file behind."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(record, f)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _read(self, record: dict[str, Any]) -> Read:
        """Validate a stored record; raises :class:`ValidationError` if the current schema cannot read it."""
        if record.get("draft") is not None:
            return Answer.model_validate(record["draft"]), Provenance.model_validate(record["provenance"])
        result = record.get("result")
        if result is None:  # the model gave no valid answer
            return []
        if self.system == "baseline":
            return baseline.flatten(baseline.BaselineResult.model_validate(result))
        try:  # a finished summary, stored before drafts were
            return from_summary(Summary.model_validate(result))
        except ValidationError:
            return from_summary_dict(result)

    def _outcome(self, doc: Document, record: dict[str, Any], read: Read, cached: bool) -> Outcome:
        if isinstance(read, list):
            incidents, grounding = read, None
        else:
            summary = self._finish(doc, *read)
            incidents, grounding = from_summary(summary), summary.provenance.grounding
        return Outcome(
            doc,
            incidents,
            record["seconds"],
            record["attempts"],
            record["prompt_tokens"],
            record["completion_tokens"],
            record.get("error"),
            cached,
            facts=grounding.exact + grounding.fuzzy + grounding.not_found if grounding else 0,
            unsupported=len(grounding.unsupported) if grounding else 0,
        )

    def _finish(self, doc: Document, draft: Answer, provenance: Provenance) -> Summary:
        """Today's post-processing of a stored draft: no model call."""
        day = date.fromisoformat(provenance.published) if provenance.published else None
        return self.summarizer.finish(draft, doc.text, day, provenance)


def score(outcomes: list[Outcome]) -> dict[str, Any]:
    board = scoring.Scoreboard()
    for o in outcomes:
        if o.doc.dataset == "muc4":
            scoring.score_muc(board, o.doc.gold, o.incidents)
        elif o.doc.dataset == "gva":
            scoring.score_gva(board, o.doc.gold, o.incidents)
    return board.report() | {"speed": speed(outcomes)}


def speed(outcomes: list[Outcome]) -> dict[str, Any]:
    fresh = [o for o in outcomes if o.error is None]
    seconds = sorted(o.seconds for o in fresh)
    if not seconds:
        return {"documents": len(outcomes), "errors": len(outcomes)}
    p90 = seconds[min(len(seconds) - 1, int(0.9 * len(seconds)))]
    return {
        "documents": len(outcomes),
        "errors": len(outcomes) - len(fresh),
        "median_seconds": round(statistics.median(seconds), 2),
        "p90_seconds": round(p90, 2),
        "mean_prompt_tokens": round(statistics.mean(o.prompt_tokens for o in fresh)),
        "mean_completion_tokens": round(statistics.mean(o.completion_tokens for o in fresh)),
        "median_completion_tokens": round(statistics.median(o.completion_tokens for o in fresh)),
        "mean_attempts": round(statistics.mean(o.attempts for o in fresh), 2),
        "first_attempt_valid_rate": round(sum(o.attempts == 1 for o in fresh) / len(outcomes), 4),
        "quoted_facts": sum(o.facts for o in fresh),
        "unsupported_facts": sum(o.unsupported for o in fresh),
    }


def progress(done: int, total: int, started: float, label: str) -> None:
    elapsed = time.perf_counter() - started
    eta = elapsed / done * (total - done) if done else 0.0
    sys.stderr.write(
        f"\r{label}: {done}/{total} [{'#' * (20 * done // max(total, 1)):<20}] "
        f"{elapsed:6.0f}s elapsed, ~{eta:5.0f}s left "
    )
    sys.stderr.flush()


def run_all(
    runner: Runner,
    docs: list[Document],
    on_step: Callable[[int, int, float, str], None] = progress,
    jobs: int = 1,
) -> list[Outcome]:
    """The outcome of every document, in order: cached ones first, then ``jobs`` documents at once."""
    started, outcomes = time.perf_counter(), dict[int, Outcome]()
    for i, doc in enumerate(docs):
        if (outcome := runner.cached(doc)) is not None:
            outcomes[i] = outcome
            on_step(len(outcomes), len(docs), started, runner.system)
    todo = [(i, doc) for i, doc in enumerate(docs) if i not in outcomes]
    if todo:
        runner.connect()
    for i, outcome in _fresh(runner, todo, jobs):
        outcomes[i] = outcome
        on_step(len(outcomes), len(docs), started, runner.system)
    sys.stderr.write("\n")
    return [outcomes[i] for i in range(len(docs))]


def _fresh(runner: Runner, todo: list[tuple[int, Document]], jobs: int) -> Iterator[tuple[int, Outcome]]:
    """Fresh outcomes as they arrive, by index; on any exit, documents not yet sent are cancelled."""
    if jobs <= 1:
        yield from ((i, runner.fresh(doc)) for i, doc in todo)
        return
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix=f"eval-{runner.system}")
    futures = {pool.submit(runner.fresh, doc): i for i, doc in todo}
    try:
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:  # also on KeyboardInterrupt: what was sent finishes (and is stored), the rest is cancelled
        pool.shutdown(wait=False, cancel_futures=True)
        if running := sum(not f.done() for f in futures):
            sys.stderr.write(f"\n{runner.system}: waiting for {running} documents already sent to the model\n")
        pool.shutdown(wait=True)
