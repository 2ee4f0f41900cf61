"""The pipeline: article in, typed :class:`Summary` out.

``Summarizer`` chooses the model once (the embedded local model unless an
endpoint or API key is configured) and is reused for many articles.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Unpack

from summarizer import _status, chunking, config, injection, prompts, render, rules
from summarizer import answer as answers
from summarizer import article as articles
from summarizer._errors import InputError, SummarizerError
from summarizer.aliases import load as load_aliases
from summarizer.answer import Answer, expand
from summarizer.dates import parse_published
from summarizer.schema import SCHEMA_VERSION, Provenance, Summary, Usage

if TYPE_CHECKING:
    import httpx2

    from summarizer._local import Primed
    from summarizer.backends import Backend
    from summarizer.corpus.inputs import Record
    from summarizer.llm import Completion, ModelClient


class Summarizer:
    """Summarize news articles with one model, chosen once.

    Arguments left as ``None`` come from the environment (see :mod:`summarizer.config`);
    with no endpoint and no API key configured, the embedded local model is started
    on first use.
    """

    def __init__(
        self,
        settings: config.Settings | None = None,
        *,
        prompt_version: str = prompts.PROMPT_VERSION,
        http_client: httpx2.Client | None = None,
        **options: Unpack[config.Options],
    ) -> None:
        """``settings`` (:func:`summarizer.config.load`), or the options as keywords (``model=``, ``base_url=``,
        ``reasks=``, ...: :class:`summarizer.config.Options`) laid over the environment; not both."""
        if settings is not None and options:
            raise TypeError("give settings or keyword options, not both (config.load(**options) makes settings)")
        self.settings = config.resolve(settings) if settings is not None else config.load(**options)
        self.aliases = load_aliases(self.settings.aliases)
        self.prompt_version = prompts.known_version(prompt_version)
        self._http_client = http_client
        self._client: ModelClient | None = None
        self._connecting = threading.Lock()
        self.primed: Primed | None = None  # how the embedded server came to hold the fixed prompt, once started

    @property
    def backend(self) -> Backend:
        """The model backend: what it can do (context, slots, re-ask policy) and how to reach it."""
        return self.settings.backend

    @property
    def client(self) -> ModelClient:
        """The model client, created (and the embedded server started) on first use, by one thread."""
        with self._connecting:
            if self._client is None:
                self._client = self._connect()
        return self._client

    def _connect(self) -> ModelClient:
        from summarizer.llm import ModelClient

        s = self.settings
        base_url, model, api_key = self.backend.connect()
        self.primed = self.backend.prime(prompts.fixed_messages(self.prompt_version))
        return ModelClient(
            base_url=base_url,
            model=model,
            api_key=api_key,
            mode=s.mode,
            reasks=s.reasks,
            retries=s.retries,
            timeout=s.timeout,
            http_client=self._http_client,
        )

    def summarize(self, text: str, published: str | date | None = None) -> Summary:
        """Summarize one article (any length); ``published`` (``YYYY-MM-DD``) anchors relative dates."""
        started = time.perf_counter()
        draft, provenance, day = self.draft(text, published)
        summary = self.finish(draft, text, day, provenance)
        summary.provenance.seconds = round(time.perf_counter() - started, 3)
        return summary

    def summarize_many(
        self, records: Iterable[Record | tuple[str, str] | Mapping[str, Any]], jobs: int | None = None
    ) -> Iterator[tuple[str, Summary | SummarizerError]]:
        """``(id, Summary | error)`` for each article, in the order they finish, ``jobs`` at once (default: the
        settings' ``jobs``, 1 on the embedded model and 8 on an endpoint).

        A record is a :class:`summarizer.corpus.Record`, an ``(id, text)`` pair, or a mapping with ``id`` and one
        of ``text``, ``html`` or ``path`` (and ``published``, ``title``, ``url`` if known). An article that fails
        yields its error (an :class:`InputError`, :class:`ExtractionError`, ...), and the others go on; only a
        model that cannot start is raised, before any article. :func:`summarizer.flat_rows` turns the pairs
        into rows for pandas. For the embedded model to serve several articles at once, make the summarizer
        with ``jobs=N`` (its server then has N slots).
        """
        from summarizer.corpus import runner
        from summarizer.corpus.inputs import Record

        def record(item: Record | tuple[str, str] | Mapping[str, Any]) -> Record:
            if isinstance(item, Record):
                return item
            if isinstance(item, tuple):
                return Record(id=str(item[0]), text=item[1])
            names = ("text", "html", "path", "published", "title", "url")
            return Record(id=str(item["id"]), **{name: item.get(name) for name in names})

        for outcome in runner.summarize_all(self, map(record, records), jobs):
            if outcome.summary is not None:
                yield outcome.record.id, outcome.summary
            else:
                yield outcome.record.id, outcome.exception

    def draft(self, text: str, published: str | date | None = None) -> tuple[Answer, Provenance, date | None]:
        """The model's validated answer for one article, what it cost, and the publication day.

        An article too long for the model's context is split into overlapping parts
        (:mod:`summarizer.chunking`), each drafted alone (up to ``parallel`` of them at once);
        their incidents are joined in the article's order, and post-processing merges the
        incidents told twice. The provenance says so.
        """
        day, parts = self.plan(text, published)
        iso = day.isoformat() if day else None
        started = time.perf_counter()
        workers = min(self.settings.parallel, len(parts))

        def one(numbered: tuple[int, chunking.Chunk]) -> Completion[Answer]:
            with _status.part(numbered[0], len(parts)):
                return self._draft_part(numbered[1].text, iso)

        if workers > 1:  # the parts are independent requests: send up to ``parallel`` at once
            from summarizer import _parallel

            _ = self.client  # started once, before the threads need it
            done = _parallel.run(one, list(enumerate(parts, start=1)), workers)  # Ctrl-C: at once
        else:
            done = [one(numbered) for numbered in enumerate(parts, start=1)]
        answer, provenance = self.assemble(text, iso, parts, done, self.client.model)
        provenance.seconds = round(time.perf_counter() - started, 3)
        provenance.model_seconds = round(min(sum(d.model_seconds for d in done), provenance.seconds), 3)  # overlap
        return answer, provenance, day

    def assemble(
        self, text: str, published: str | None, parts: list[chunking.Chunk], done: list[Completion[Answer]], model: str
    ) -> tuple[Answer, Provenance]:
        """One answer for the article from its parts' answers (in order), and what they cost; no model call.

        Used by :meth:`draft` and by ``summarizer batch finish``, whose answers come from a results file.
        """
        provenance = Provenance(
            model=model,
            prompt_version=self.prompt_version,
            schema_version=SCHEMA_VERSION,
            published=published,
            attempts=sum(d.attempts for d in done),
            usage=Usage(
                prompt_tokens=sum(d.prompt_tokens for d in done),
                completion_tokens=sum(d.completion_tokens for d in done),
            ),
            seconds=round(sum(d.seconds for d in done), 3),
            model_seconds=round(sum(d.model_seconds for d in done), 3),
            grounding=None,
            chunks=len(parts),
            warnings=_warnings(text, parts, self.settings.chunk_tokens, [d.value for d in done]),
        )
        answer = done[0].value
        if len(done) > 1:  # each part was validated; together they may hold more incidents than one answer may
            answer = Answer.model_construct(incidents=[incident for d in done for incident in d.value.incidents])
        return answer, provenance

    def validation_context(self, text: str) -> dict[str, Any]:
        """What the validators of a part's answer read: the part's text and the checks a re-ask is made of."""
        return {"article": text, "check": self._problems}

    def plan(self, text: str, published: str | date | None) -> tuple[date | None, list[chunking.Chunk]]:
        """The publication day, and the parts the checked article is drafted in (one request each)."""
        text = articles.check(text, "article")
        try:
            day = parse_published(published)
        except (TypeError, ValueError, AttributeError):  # AttributeError: not a str (an int has no .strip)
            raise InputError(f"published date must be YYYY-MM-DD, got {published!r}") from None
        return day, chunking.split(text, self.settings.chunk_tokens, overlap_tokens=CHUNK_OVERLAP)

    def messages(self, text: str, published: str | None) -> list[dict[str, str]]:
        """The chat messages for one part of an article (lines written to a model withheld from its copy)."""
        shown = injection.withheld(text, injection.find(text))  # quotes are still checked against ``text``
        return prompts.messages(shown, published, self.prompt_version)

    def _draft_part(self, text: str, published: str | None) -> Completion[Answer]:
        messages = self.messages(text, published)
        return self.client.extract(messages, Answer, context=self.validation_context(text))

    def request_key(self, text: str, published: str | date | None = None) -> str:
        """A hash of everything :meth:`draft` sends the model for ``text`` and of what shapes its re-asks:
        the rendered messages of each part, the answer's JSON schema and the re-ask settings.

        Two calls with equal keys send the model equal requests, so a cached draft stays valid until
        a prompt edit, a schema change or a setting actually changes what is sent; post-processing
        changes never touch it.
        """
        day, parts = self.plan(text, published)
        iso = day.isoformat() if day else None
        s = self.settings
        sent = {
            "messages": [self.messages(part.text, iso) for part in parts],
            "schema": Answer.model_json_schema(),
            "settings": [s.mode, s.reasks, s.reask_unsupported],
        }
        return hashlib.sha256(json.dumps(sent, sort_keys=True).encode()).hexdigest()

    def _problems(self, answer: Answer, article: str) -> list[str]:
        """What a re-ask tells the model: it obeyed the article; and values the article does not support."""
        found = injection.problems(answer.words(), article)
        if self.settings.reask_unsupported:
            found += answers.problems(answer, article)
        return found

    def finish(self, answer: Answer, text: str, day: date | None, provenance: Provenance) -> Summary:
        """Deterministic post-processing of an answer: quotes aligned in the cited sentences
        (:mod:`summarizer.answer`), then :mod:`summarizer.rules`; no model call."""
        _status.say("checking the answer against the article")
        example = prompts.example_text(self.prompt_version)
        draft = expand(answer, text)
        summary = rules.finish(draft, text, day, provenance, self.settings.unsupported, self.aliases, example)
        return summary.model_copy(update={"summary": render.headline(summary.incidents)})


CHUNK_OVERLAP = 150  # tokens repeated from one part to the next, so an incident cut in two is seen whole once


def _warnings(text: str, parts: list[chunking.Chunk], budget: int, answers: list[Answer]) -> list[str]:
    warnings = []
    if len(parts) > 1:
        warnings.append(
            f"the article (about {chunking.estimate_tokens(text)} tokens) is longer than the model's context "
            f"allows ({budget} tokens of article); it was summarized in {len(parts)} overlapping parts "
            "and their incidents merged"
        )
    suspects = injection.find(text)
    if suspects:
        warnings.append(
            f"the article contains {len(suspects)} line(s) written as instructions to a model "
            f"(first: {suspects[0].text[:80]!r}); they were withheld from the model and are not summarized"
        )
    if any(injection.obeyed(answer.words(), suspects) for answer in answers):
        warnings.append("the model's answer still follows those lines after re-asks: do not trust this summary")
    return warnings


def summarize(text: str, published: str | date | None = None, **options: Any) -> Summary:
    """Summarize one article with a one-off :class:`Summarizer` (see its arguments)."""
    return Summarizer(**options).summarize(text, published)
