"""What a model backend can do, as attributes: its context, how many requests it serves at once, how it
is re-asked, and how to reach it.

There are two: the embedded llama.cpp server that summarizer starts itself (:class:`Embedded`), and any
OpenAI-compatible endpoint someone else runs (:class:`Endpoint`: OpenAI, vLLM, SGLang, Ollama, a
llama.cpp server with slots). Both speak the same protocol through :mod:`summarizer.llm`; what differs
is written here once, as class attributes, and the rest of the package reads them instead of asking
whether the model is embedded. :func:`for_settings` is the one place that chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from summarizer._local import Primed
    from summarizer.config import Settings

# The embedded model has 8192 tokens of context per request: about 2,000 go to the instructions and
# worked examples, 2,048 are kept for the answer, 3,500 are left for the article.
EMBEDDED_CONTEXT_TOKENS = 8192


@dataclass(frozen=True)
class Backend:
    """A model backend, as one :class:`~summarizer.config.Settings` describes it."""

    settings: Settings

    name: ClassVar[str]
    context_tokens: ClassVar[int | None]  # per request; None: the endpoint's own, unknown here
    chunk_tokens: ClassVar[int]  # article tokens per model call before a long article is split
    jobs: ClassVar[int]  # articles in flight in a corpus run unless --jobs says otherwise
    max_jobs: ClassVar[int]
    reask_unsupported: ClassVar[bool]  # re-ask when a quote is not in the article or does not state its fact
    owns_slots: ClassVar[bool]  # summarizer sets how many requests the server serves at once

    @property
    def slots(self) -> int | None:
        """Requests the server serves at once; None when the endpoint decides (and does not say)."""
        return None

    @property
    def model(self) -> str | None:
        """The model name requests carry, known before any server runs (a batch file names it)."""
        return self.settings.model

    def connect(self) -> tuple[str, str, str | None]:
        """The base URL, model name and API key to send requests with, starting the server if summarizer runs it."""
        raise NotImplementedError

    def prime(self, messages: list[dict[str, str]]) -> Primed | None:
        """Have the server compute ``messages``, the fixed start of every request, before the first article;
        None where the server is someone else's (it caches prompts as it likes, and is not sent extra requests)."""
        return None


class Embedded(Backend):
    """The embedded model: a llama.cpp server started in this process on 127.0.0.1 (:mod:`summarizer._local`)."""

    name = "embedded"
    context_tokens = EMBEDDED_CONTEXT_TOKENS
    chunk_tokens = 3500
    jobs = 1  # on a small CPU, more requests at once share the same cores (1.4x tokens/s at 4 on 2 cores)
    max_jobs = 16  # llama.cpp slots, each with its own context
    reask_unsupported = False  # measured on MUC-4: its re-asks fixed no unsupported fact and took 3x as long
    owns_slots = True

    @property
    def slots(self) -> int:
        return self.settings.parallel

    @property
    def model(self) -> str:
        from summarizer import _local

        return _local.MODEL_NAME

    def connect(self) -> tuple[str, str, str | None]:
        from summarizer import _local, _status

        _status.say("starting the embedded model")
        server = _local.ensure_server(self.settings.model_path, parallel=self.settings.parallel)
        return server.base_url, server.model, server.api_key or None

    def prime(self, messages: list[dict[str, str]]) -> Primed:
        from summarizer import _local, _status

        server = _local.ensure_server(self.settings.model_path, parallel=self.settings.parallel)
        _status.say("reading the instructions")
        return _local.prime(server, messages, timeout=self.settings.timeout)


class Endpoint(Backend):
    """An OpenAI-compatible endpoint that someone else runs."""

    name = "endpoint"
    context_tokens = None
    chunk_tokens = 12000
    jobs = 8
    max_jobs = 256
    reask_unsupported = True
    owns_slots = False

    def connect(self) -> tuple[str, str, str | None]:
        base_url, model = self.settings.base_url, self.settings.model
        assert base_url is not None and model is not None  # config.load guarantees both for an endpoint
        return base_url, model, self.settings.api_key


def for_settings(settings: Settings) -> Backend:
    """The backend serving ``settings``: an endpoint when a base URL or an API key is set, else the embedded model."""
    if settings.base_url is None and settings.api_key is None:
        return Embedded(settings)
    return Endpoint(settings)
