"""The pipeline: article in, typed :class:`Summary` out.

``Summarizer`` chooses the model once (the embedded local model unless an
endpoint or API key is configured) and is reused for many articles.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, Any

from summarizer import article as articles
from summarizer import config, normalize, prompts
from summarizer._errors import InputError
from summarizer.dates import parse_published
from summarizer.schema import SCHEMA_VERSION, ArticleDraft, Provenance, Summary, Usage

if TYPE_CHECKING:
    import httpx2

    from summarizer.llm import ModelClient


class Summarizer:
    """Summarize news articles with one model, chosen once.

    Arguments left as ``None`` come from the environment (see :mod:`summarizer.config`);
    with no endpoint and no API key configured, the embedded local model is started
    on first use.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        model_path: str | None = None,
        mode: str | None = None,
        reasks: int | None = None,
        retries: int | None = None,
        timeout: float | None = None,
        unsupported: str | None = None,
        prompt_version: str = prompts.PROMPT_VERSION,
        http_client: httpx2.Client | None = None,
    ) -> None:
        self.settings = config.load(
            model=model,
            base_url=base_url,
            api_key=api_key,
            model_path=model_path,
            mode=mode,
            reasks=reasks,
            retries=retries,
            timeout=timeout,
            unsupported=unsupported,
        )
        self.prompt_version = prompt_version
        self._http_client = http_client
        self._client: ModelClient | None = None

    @property
    def client(self) -> ModelClient:
        """The model client, created (and the embedded server started) on first use."""
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> ModelClient:
        from summarizer.llm import ModelClient

        s = self.settings
        base_url, model = s.base_url, s.model
        if s.embedded:
            from summarizer import _local

            server = _local.ensure_server(s.model_path)
            base_url, model = server.base_url, server.model
        assert base_url is not None and model is not None  # config.load guarantees both
        return ModelClient(
            base_url=base_url,
            model=model,
            api_key=s.api_key,
            mode=s.mode,
            reasks=s.reasks,
            retries=s.retries,
            timeout=s.timeout,
            http_client=self._http_client,
        )

    def summarize(self, text: str, published: str | date | None = None) -> Summary:
        """Summarize one article; ``published`` (``YYYY-MM-DD``) anchors relative dates."""
        started = time.perf_counter()
        text = articles.check(text, "article")
        try:
            day = parse_published(published)
        except (TypeError, ValueError):
            raise InputError(f"published date must be YYYY-MM-DD, got {published!r}") from None
        iso = day.isoformat() if day else None
        messages = prompts.messages(text, iso, self.prompt_version)
        done = self.client.extract(messages, ArticleDraft, context={"article": text})
        provenance = Provenance(
            model=self.client.model,
            prompt_version=self.prompt_version,
            schema_version=SCHEMA_VERSION,
            published=iso,
            attempts=done.attempts,
            usage=Usage(prompt_tokens=done.prompt_tokens, completion_tokens=done.completion_tokens),
            seconds=0.0,
            model_seconds=round(done.model_seconds, 3),
            grounding=None,
        )
        summary = normalize.finish(done.value, text, day, provenance, self.settings.unsupported)
        summary.provenance.seconds = round(time.perf_counter() - started, 3)
        return summary


def summarize(text: str, published: str | date | None = None, **options: Any) -> Summary:
    """Summarize one article with a one-off :class:`Summarizer` (see its arguments)."""
    return Summarizer(**options).summarize(text, published)
