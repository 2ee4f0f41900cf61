"""Configuration in one place: explicit argument > environment > default.

Environment variables:

``SUMMARIZER_MODEL``        model name sent to the endpoint
``SUMMARIZER_BASE_URL``     an OpenAI-compatible endpoint (else ``OPENAI_BASE_URL``)
``SUMMARIZER_API_KEY``      its API key (else ``OPENAI_API_KEY``)
``SUMMARIZER_MODEL_PATH``   a GGUF file for the embedded model instead of the packaged one
``SUMMARIZER_MODE``         instructor mode: ``json_schema`` (default), ``tools``, ``json``, ``md_json``
``SUMMARIZER_REASKS``       re-asks after a summary fails validation, 0 to 10 (default 2)
``SUMMARIZER_RETRIES``      retries after a transport fault, 0 to 10 (default 4)
``SUMMARIZER_TIMEOUT``      seconds one request may take in all, more than 0, at most 86400 (default 300)
``SUMMARIZER_PARALLEL``     requests the embedded model serves at once, and parts of a long article
                           sent to any endpoint at once, 1 to 16 (default 1)
``SUMMARIZER_JOBS``         articles in flight in a corpus run (``summarizer run``, ``summarize_many``):
                           default 1 on the embedded model (at most 16, and it then serves that many
                           at once), 8 on an endpoint (at most 256)
``SUMMARIZER_CACHE_DIR``    where the assembled embedded model is kept
``SUMMARIZER_UNSUPPORTED``  ``flag`` (default) or ``drop`` facts the article does not support
``SUMMARIZER_CHUNK_TOKENS`` article tokens per model call; longer articles are split (default 3500 on the
                          embedded model, whose context is 8192 tokens, and 12000 on endpoints)
``SUMMARIZER_REASK_UNSUPPORTED``  ``1``: re-ask when a quote is not in the article or does not
                          state its fact; ``0``: only flag or drop such facts (default 1 on endpoints,
                          0 on the embedded model, which fixed none in its re-asks and took 3x as long)
``SUMMARIZER_ALIASES``      a JSON file of group aliases, ``{"Canonical": ["alias", ...]}``, laid over
                          the built-in table of :mod:`summarizer.aliases`

With neither a base URL nor an API key, the embedded local model is used. An environment variable set to
the empty string counts as unset; an option given as an empty string is refused. A base URL must be
http(s) with a host (and a port from 1 to 65535); a password in it is never shown in errors. An API
key must be printable ASCII without spaces, as an HTTP header can carry it.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, fields, replace
from typing import Any, TypedDict
from urllib.parse import urlsplit

from summarizer import backends
from summarizer._errors import ConfigError

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
OPENAI_BASE_URL = "https://api.openai.com/v1"
MODES = ("json_schema", "tools", "json", "md_json")
MAX_PARALLEL = 16
MAX_REASKS = MAX_RETRIES = 10  # each re-ask resends the whole article; each retry may wait up to a minute
MAX_TIMEOUT = 86_400.0  # a day; larger numbers overflow the socket and timer waits (OverflowError)
MIN_CHUNK_TOKENS = 500  # article tokens per model call, at least; each backend has its default (summarizer.backends)


@dataclass(frozen=True)
class Settings:
    """Which model to use and how hard to try."""

    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    model_path: str | None = None
    mode: str = "json_schema"
    reasks: int = 2
    retries: int = 4
    timeout: float = 300.0
    unsupported: str = "flag"
    parallel: int = 1
    aliases: str | None = None
    chunk_tokens: int = 0  # 0: the default for the model in use (see load)
    reask_unsupported: bool | None = None  # None: the default for the model in use (see load)
    jobs: int = 0  # articles in flight in a corpus run; 0: the default for the model in use (see load)

    @property
    def backend(self) -> backends.Backend:
        """The model backend these settings describe, with what it can do (context, slots, re-ask policy)."""
        return backends.for_settings(self)

    @property
    def embedded(self) -> bool:
        """True when the embedded local model serves the requests."""
        return isinstance(self.backend, backends.Embedded)

    def __repr__(self) -> str:  # never show the key
        key = "set" if self.api_key else None
        return f"Settings(model={self.model!r}, base_url={self.base_url!r}, api_key={key!r}, mode={self.mode!r})"


class Options(TypedDict, total=False):
    """The settings as keyword arguments (``Summarizer(model=..., reasks=...)``, :func:`load`); None: not given."""

    model: str | None
    base_url: str | None
    api_key: str | None
    model_path: str | None
    mode: str | None
    reasks: int | None
    retries: int | None
    timeout: float | None
    unsupported: str | None
    parallel: int | None
    aliases: str | None
    chunk_tokens: int | None
    reask_unsupported: bool | None
    jobs: int | None


def _number(name: str, raw: object, kind: type[int] | type[float], default: Any) -> Any:
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)  # type: ignore[call-overload,arg-type]
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not math.isfinite(value):
        raise ConfigError(f"{name} must be a finite number, got {raw!r}")
    if value < 0:
        raise ConfigError(f"{name} must not be negative, got {raw!r}")
    return value


_PASSWORD = re.compile(r"(//[^/@]*?:)[^/@]*@")


def shown_url(url: str) -> str:
    """``url`` as errors may show it: a password in it (``http://user:pw@host``) is replaced by ``***``."""
    return _PASSWORD.sub(r"\1***@", url)


def _endpoint(url: str) -> str:
    """A base URL that httpx can send to: http(s), a host, a port from 1 to 65535; else :class:`ConfigError`."""
    shown = shown_url(url.strip())
    if not shown:
        raise ConfigError("the base URL is empty; give an http:// or https:// URL, or leave it out")
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as e:  # "http://[::1", a port out of range or not a number
        raise ConfigError(f"base URL {shown!r} is not a valid URL ({e})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ConfigError(f"base URL {shown!r} must start with http:// or https://")
    if not parts.hostname:
        raise ConfigError(f"base URL {shown!r} has no host")
    if port == 0:
        raise ConfigError(f"base URL {shown!r}: port 0 is not a port one can connect to")
    if any(c.isspace() or not c.isprintable() for c in url.strip()):
        raise ConfigError(f"base URL {shown!r} contains spaces or control characters")
    return url.strip()


def _not_empty(explicit: dict[str, Any]) -> None:
    """An option given as an empty string is a mistake, not a request for the default (leave it out for that)."""
    labels = {"model": "model name", "base_url": "base URL", "api_key": "API key", "model_path": "model path"}
    for name, label in labels.items():
        if isinstance(explicit.get(name), str) and not explicit[name].strip():
            raise ConfigError(f"the {label} is empty; give one, or leave the option out")


def _bounded(settings: Settings) -> None:
    """Numbers with an upper bound or a lower bound above 0."""
    if settings.reasks > MAX_REASKS:
        raise ConfigError(f"SUMMARIZER_REASKS must be 0 to {MAX_REASKS}, not {settings.reasks}")
    if settings.retries > MAX_RETRIES:
        raise ConfigError(f"SUMMARIZER_RETRIES must be 0 to {MAX_RETRIES}, not {settings.retries}")
    if not 0 < settings.timeout <= MAX_TIMEOUT:
        raise ConfigError(
            f"SUMMARIZER_TIMEOUT must be more than 0 seconds and at most {MAX_TIMEOUT:,.0f}, not {settings.timeout:g}"
        )


def _flag(name: str, raw: str | None) -> bool | None:
    if raw is None or raw == "":
        return None
    if raw.strip().lower() in ("1", "true", "yes", "on"):
        return True
    if raw.strip().lower() in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name} must be 1 or 0, got {raw!r}")


def load(environ: os._Environ[str] | dict[str, str] | None = None, **explicit: Any) -> Settings:
    """Settings from explicit arguments (those not None), then the environment, then defaults."""
    env = os.environ if environ is None else environ
    settings = Settings(
        model=env.get("SUMMARIZER_MODEL") or None,
        base_url=env.get("SUMMARIZER_BASE_URL") or env.get("OPENAI_BASE_URL") or None,
        api_key=env.get("SUMMARIZER_API_KEY") or env.get("OPENAI_API_KEY") or None,
        model_path=env.get("SUMMARIZER_MODEL_PATH") or None,
        mode=(env.get("SUMMARIZER_MODE") or "json_schema").lower(),
        reasks=_number("SUMMARIZER_REASKS", env.get("SUMMARIZER_REASKS"), int, 2),
        retries=_number("SUMMARIZER_RETRIES", env.get("SUMMARIZER_RETRIES"), int, 4),
        timeout=_number("SUMMARIZER_TIMEOUT", env.get("SUMMARIZER_TIMEOUT"), float, 300.0),
        unsupported=(env.get("SUMMARIZER_UNSUPPORTED") or "flag").lower(),
        parallel=_number("SUMMARIZER_PARALLEL", env.get("SUMMARIZER_PARALLEL"), int, 1),
        aliases=env.get("SUMMARIZER_ALIASES") or None,
        chunk_tokens=_number("SUMMARIZER_CHUNK_TOKENS", env.get("SUMMARIZER_CHUNK_TOKENS"), int, 0),
        reask_unsupported=_flag("SUMMARIZER_REASK_UNSUPPORTED", env.get("SUMMARIZER_REASK_UNSUPPORTED")),
        jobs=_number("SUMMARIZER_JOBS", env.get("SUMMARIZER_JOBS"), int, 0),
    )
    return resolve(settings, **explicit)


def resolve(settings: Settings, **explicit: Any) -> Settings:
    """``settings`` with the explicit arguments (those not None) laid over them, checked, and the backend's
    defaults filled in. Settings already resolved come back unchanged when nothing is laid over them."""
    unknown = set(explicit) - {f.name for f in fields(Settings)}
    if unknown:
        raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
    explicit = {k: v for k, v in explicit.items() if v is not None}
    _not_empty(explicit)
    numbers = (("reasks", int), ("retries", int), ("timeout", float), ("parallel", int), ("chunk_tokens", int),
               ("jobs", int))  # fmt: skip
    for name, kind in numbers:
        if name in explicit:
            explicit[name] = _number(name, explicit[name], kind, None)
    if "mode" in explicit:
        explicit["mode"] = str(explicit["mode"]).lower()
    settings = replace(settings, **explicit)
    _bounded(settings)
    if settings.api_key is not None and not all("!" <= c <= "~" for c in settings.api_key):
        raise ConfigError(  # the key itself is not shown
            "the API key (SUMMARIZER_API_KEY / OPENAI_API_KEY) contains spaces, line breaks or characters "
            "outside ASCII, which an HTTP header cannot carry; check how it was set"
        )
    if settings.base_url is not None:
        settings = replace(settings, base_url=_endpoint(settings.base_url))
    if settings.unsupported not in ("flag", "drop"):
        raise ConfigError(f"unsupported facts are 'flag'ged or 'drop'ped, not {settings.unsupported!r}")
    if not 1 <= settings.parallel <= MAX_PARALLEL:
        raise ConfigError(
            f"parallel requests (SUMMARIZER_PARALLEL) must be 1 to {MAX_PARALLEL}, not {settings.parallel}"
        )
    if settings.mode not in MODES:
        raise ConfigError(f"unknown mode {settings.mode!r}; choose one of: {', '.join(MODES)}")
    if settings.api_key and not settings.base_url:
        settings = replace(settings, base_url=OPENAI_BASE_URL, model=settings.model or DEFAULT_OPENAI_MODEL)
    backend = settings.backend
    if settings.reask_unsupported is None:
        settings = replace(settings, reask_unsupported=backend.reask_unsupported)
    if not settings.chunk_tokens:
        settings = replace(settings, chunk_tokens=backend.chunk_tokens)
    settings = _jobs(settings, backend)
    if settings.chunk_tokens < MIN_CHUNK_TOKENS:
        raise ConfigError(f"SUMMARIZER_CHUNK_TOKENS must be at least {MIN_CHUNK_TOKENS}, not {settings.chunk_tokens}")
    if settings.base_url and not settings.model:
        raise ConfigError(f"no model named for {shown_url(settings.base_url)}; pass --model or set SUMMARIZER_MODEL")
    return settings


def _jobs(settings: Settings, backend: backends.Backend) -> Settings:
    """Articles in flight: the backend's default unless given, within its bound; a server that summarizer
    runs serves that many at once (its slots), an endpoint serves as it is set up to."""
    jobs = settings.jobs or backend.jobs
    if not 1 <= jobs <= backend.max_jobs:
        raise ConfigError(
            f"jobs (--jobs, SUMMARIZER_JOBS) must be 1 to {backend.max_jobs} on the {backend.name} model, not {jobs}"
        )
    if backend.owns_slots and jobs > settings.parallel:
        return replace(settings, jobs=jobs, parallel=jobs)
    return replace(settings, jobs=jobs)
