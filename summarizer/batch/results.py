"""Reading a batch's results, and finishing each article from them: validate, re-ask or not, post-process.

A results file holds lines in the OpenAI batch output format, ``{"custom_id", "response": {"status_code",
"body"}, "error"}`` (``vllm run_batch`` writes the same), in any order; several files (the passes of a
batch, or one service's split output) are read together, and for each part of an article every pass's
answer is kept. The last pass's answer is the one used; the tokens of all passes are counted.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarizer import llm
from summarizer._errors import ExtractionError, InputError, LocalModelError, SummarizerError
from summarizer.answer import Answer
from summarizer.batch import requests
from summarizer.batch.ids import RequestId, parse
from summarizer.batch.requests import RequestFile
from summarizer.corpus.inputs import Record
from summarizer.corpus.outcome import Failure, Outcome
from summarizer.corpus.output import Output
from summarizer.llm import Completion
from summarizer.pipeline import Summarizer


@dataclass(frozen=True)
class Result:
    """One line of a results file: the answer's body, or why the service has none."""

    request: RequestId
    body: dict[str, Any] | None
    error: str | None


@dataclass
class Results:
    """Every result read, by request (article, part, parts), each pass's in order."""

    by_request: dict[tuple[str, int, int], list[Result]] = field(default_factory=lambda: defaultdict(list))
    unreadable: int = 0  # lines that are not a result summarizer can read

    def of(self, key: tuple[str, int, int]) -> list[Result]:
        return sorted(self.by_request.get(key, []), key=lambda r: r.request.round)

    def articles(self) -> set[str]:
        return {article for article, _, _ in self.by_request}


def read(paths: Iterable[Path]) -> Results:
    """The results in ``paths``; :class:`InputError` for a file that cannot be read at all."""
    results = Results()
    for path in paths:
        try:
            with path.open(encoding="utf-8") as f:
                for raw in f:
                    if raw.strip():
                        _add(results, raw)
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read the results {path}: {getattr(e, 'strerror', None) or e}") from None
    return results


def _add(results: Results, raw: str) -> None:
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError:
        data = None
    request = (
        parse(data.get("custom_id", "")) if isinstance(data, dict) and isinstance(data.get("custom_id"), str) else None
    )
    if request is None:
        results.unreadable += 1
        return
    response = data.get("response") or {}
    status, body = response.get("status_code"), response.get("body")
    error = data.get("error")
    if error:
        problem = error.get("message") if isinstance(error, dict) else str(error)
        results.by_request[request.key].append(Result(request, None, f"the batch service reports: {problem}"))
    elif status != 200 or not isinstance(body, dict):
        results.by_request[request.key].append(Result(request, None, f"the batch service answered HTTP {status}"))
    else:
        results.by_request[request.key].append(Result(request, body, None))


@dataclass
class Finished:
    """What finishing one article came to: its outcome, or the requests of its next pass."""

    outcome: Outcome | None
    next_requests: list[dict[str, Any]] = field(default_factory=list)


Ask = Callable[[list[dict[str, Any]], dict[str, Any]], Completion[Answer]]


class Finisher:
    """Finishes articles from :class:`Results` with one :class:`Summarizer`'s settings (those of prepare).

    With ``reask``, a part whose answer is missing or does not validate is asked of the summarizer's model now
    (its client re-asks as in a live call); with ``next_round``, that part's next request is returned instead,
    while passes remain (the re-ask budget: ``reasks`` + 1 passes in all); else it is the article's error. As in
    a live call, an answer that only the re-ask checks find fault with (``validation_context``'s ``check``) is
    re-asked while passes remain, and kept (its facts flagged) when none do.
    """

    def __init__(self, summarizer: Summarizer, results: Results, reask: bool = False, next_round: bool = False):
        self.summarizer, self.results, self.next_round = summarizer, results, next_round
        self.ask: Ask | None = None
        if reask:
            self.ask = lambda messages, context: summarizer.client.extract(messages, Answer, context)
        self.rounds = summarizer.settings.reasks + 1

    def finish(self, record: Record) -> Finished:
        try:
            planned = requests.plan(self.summarizer, record)
        except Exception as e:
            return Finished(Outcome.failed(record, e))
        done: list[Completion[Answer]] = []
        pending: list[dict[str, Any]] = []
        failure: Failure | None = None
        for part in range(1, len(planned.parts) + 1):
            try:
                completion, next_request = self._part(planned, part)
            except LocalModelError:  # --reask, and the embedded model cannot start: no article can be asked
                raise
            except SummarizerError as e:
                failure = failure or Outcome.failed(planned.record, e).error
                continue
            if completion is not None:
                done.append(completion)
            if next_request is not None:
                pending.append(next_request)
        title, published, text = planned.article.title, planned.article.published, planned.article.text
        if failure is not None:
            return Finished(Outcome(planned.record, error=failure, title=title, published=published))
        if pending:
            return Finished(None, pending)
        answer, provenance = self.summarizer.assemble(
            text, planned.published, planned.parts, done, self._model(planned)
        )
        summary = self.summarizer.finish(answer, text, planned.day, provenance)
        inline = text if planned.record.inline else None
        return Finished(Outcome(planned.record, summary=summary, title=title, published=published, text=inline))

    def _part(self, planned: requests.Planned, part: int) -> tuple[Completion[Answer] | None, dict[str, Any] | None]:
        """One part's answer, else its next request; raises the error that leaves it without one."""
        first = requests.first(self.summarizer, planned, part)
        tries = self.results.of(planned.request_id(part).key)
        text = planned.parts[part - 1].text
        context = self.summarizer.validation_context(text)
        messages = first["body"]["messages"]
        tokens = [0, 0]
        problem: SummarizerError | None = None
        may_retry = self.ask is not None or (self.next_round and len(tries) < self.rounds)
        for result in tries:
            if result.body is None:
                problem = _Missing("batch_error", f"request {result.request}: {result.error}")
                continue
            usage = result.body.get("usage") or {}
            tokens[0] += int(usage.get("prompt_tokens") or 0)
            tokens[1] += int(usage.get("completion_tokens") or 0)
            try:
                answer = llm.read_answer(result.body, Answer, context, len(tries), salvage=not may_retry)
            except ExtractionError as e:
                problem = e
                detail = "\n".join(getattr(e, "__notes__", [])) or str(e)
                messages = llm.reask_messages(
                    {**first["body"], "messages": messages}, result.body, detail, self.summarizer.settings.mode
                )
                continue
            answer.prompt_tokens, answer.completion_tokens = tokens
            return answer, None  # the first pass that validates is the last one sent
        if not tries:
            problem = _Missing(
                "no_result",
                f"no result for request {planned.request_id(part)} (were the requests prepared from these "
                "inputs, with these settings?)",
            )
        round = len(tries) + 1
        if self.ask is not None:
            asked = self.ask(messages, context)
            asked.prompt_tokens, asked.completion_tokens = (
                asked.prompt_tokens + tokens[0],
                asked.completion_tokens + tokens[1],
            )
            asked.attempts += len(tries)
            return asked, None
        if self.next_round and round <= self.rounds:
            return None, requests.line(planned.request_id(part, round), requests.body(self.summarizer, messages))
        assert problem is not None
        raise problem

    def _model(self, planned: requests.Planned) -> str:
        for part in range(1, len(planned.parts) + 1):
            for result in self.results.of(planned.request_id(part).key):
                if result.body is not None and isinstance(result.body.get("model"), str):
                    return str(result.body["model"])
        return requests.model_name(self.summarizer)


class _Missing(SummarizerError):
    """A part has no answer to read; ``kind`` is the error line's (no_result, batch_error)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Report:
    """What a finish did."""

    total: int
    skipped: int  # already in the output
    failed: Counter[str] = field(default_factory=Counter)
    summarized: int = 0
    waiting: list[str] = field(default_factory=list)  # articles whose next pass's requests were written
    next_requests: int = 0
    unmatched: int = 0  # results of articles that are not in the inputs


def run(finisher: Finisher, records: list[Record], output: Output, next_file: RequestFile | None = None) -> Report:
    """Finish the records not yet in ``output``: write each outcome, or its next pass's requests to ``next_file``."""
    todo = [record for record in records if record.id not in output.done]
    report = Report(len(records), len(records) - len(todo))
    report.unmatched = len(finisher.results.articles() - {record.id for record in records})
    for record in todo:
        finished = finisher.finish(record)
        if finished.outcome is None:
            report.waiting.append(record.id)
            for request in finished.next_requests:
                assert next_file is not None  # a Finisher returns requests only with next_round
                next_file.write(request)
                report.next_requests += 1
            continue
        output.write(finished.outcome)
        if finished.outcome.error is not None:
            report.failed[finished.outcome.error.kind] += 1
        else:
            report.summarized += 1
    return report
