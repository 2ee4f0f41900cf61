"""Run a system over a dataset, resumably, and score it.

Raw model results are cached under ``.eval-cache/`` by system, model, prompt
version, schema version, document id and text, so a re-run re-scores without
calling the model.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer import SummarizerError, prompts
from summarizer.evaluation import baseline, scoring
from summarizer.evaluation.predictions import Predicted, from_summary
from summarizer.pipeline import Summarizer
from summarizer.prompts import PROMPT_VERSION
from summarizer.schema import SCHEMA_VERSION, Summary

SYSTEMS = ("summarizer", "baseline")


@dataclass
class Document:
    id: str
    text: str
    published: str | None
    gold: dict[str, Any]
    dataset: str  # muc4 | gva | wikievents


def load(path: Path, limit: int | None = None, ids: set[str] | None = None) -> Iterator[Document]:
    """Documents of a dataset in the formats of ``shared/data`` (kind told by its fields)."""
    count = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if ids and record["id"] not in ids:
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


class Runner:
    """Runs one system (summarizer or baseline) with one :class:`Summarizer`'s model."""

    def __init__(self, system: str, summarizer: Summarizer, cache_dir: Path) -> None:
        self.system, self.summarizer, self.cache_dir = system, summarizer, cache_dir

    def _key(self, doc: Document) -> str:
        version = PROMPT_VERSION if self.system == "summarizer" else baseline.PROMPT_VERSION
        model = self.summarizer.settings.model or "embedded"
        prompt = prompts.fingerprint(version)  # a prompt edited under the same name still misses the cache
        raw = json.dumps([self.system, model, prompt, SCHEMA_VERSION, doc.id, doc.text, doc.published])
        return hashlib.sha256(raw.encode()).hexdigest()[:24]

    def _call(self, doc: Document) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            if self.system == "summarizer":
                summary = self.summarizer.summarize(doc.text, published=doc.published)
                p = summary.provenance
                result, cost = (
                    summary.model_dump(mode="json"),
                    (p.attempts, p.usage.prompt_tokens, p.usage.completion_tokens),
                )
            else:
                done = baseline.run(self.summarizer.client, doc.text, doc.published)
                result, cost = (
                    done.value.model_dump(mode="json"),
                    (done.attempts, done.prompt_tokens, done.completion_tokens),
                )
            error = None
        except SummarizerError as e:
            result, cost, error = None, (getattr(e, "attempts", 0), 0, 0), f"{type(e).__name__}: {e}"
        attempts, prompt_tokens, completion_tokens = cost
        return {"result": result, "error": error, "seconds": time.perf_counter() - started, "attempts": attempts,
                "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens}  # fmt: skip

    def run(self, doc: Document) -> Outcome:
        path = self.cache_dir / self.system / f"{self._key(doc)}.json"
        cached = path.is_file()
        if cached:
            raw = json.loads(path.read_text())
        else:
            raw = self._call(doc)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(raw))
        incidents = self._flatten(raw["result"]) if raw["result"] is not None else []
        return Outcome(
            doc,
            incidents,
            raw["seconds"],
            raw["attempts"],
            raw["prompt_tokens"],
            raw["completion_tokens"],
            raw.get("error"),
            cached,
        )

    def _flatten(self, result: dict[str, Any]) -> list[Predicted]:
        if self.system == "summarizer":
            return from_summary(Summary.model_validate(result))
        return baseline.flatten(baseline.BaselineResult.model_validate(result))


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
        "mean_attempts": round(statistics.mean(o.attempts for o in fresh), 2),
        "first_attempt_valid_rate": round(sum(o.attempts == 1 for o in fresh) / len(outcomes), 4),
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
    runner: Runner, docs: list[Document], on_step: Callable[[int, int, float, str], None] = progress
) -> list[Outcome]:
    started, outcomes = time.perf_counter(), []
    for n, doc in enumerate(docs, start=1):
        outcomes.append(runner.run(doc))
        on_step(n, len(docs), started, runner.system)
    sys.stderr.write("\n")
    return outcomes
