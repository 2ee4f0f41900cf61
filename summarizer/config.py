"""Configuration in one place: explicit argument > environment > default.

Environment variables:

``SUMMARIZER_MODEL``        model name sent to the endpoint
``SUMMARIZER_BASE_URL``     an OpenAI-compatible endpoint (else ``OPENAI_BASE_URL``)
``SUMMARIZER_API_KEY``      its API key (else ``OPENAI_API_KEY``)
``SUMMARIZER_MODEL_PATH``   a GGUF file for the embedded model instead of the packaged one
``SUMMARIZER_MODE``         instructor mode: ``json_schema`` (default), ``tools``, ``json``, ``md_json``
``SUMMARIZER_REASKS``       re-asks after a summary fails validation (default 2)
``SUMMARIZER_RETRIES``      retries after a transport fault (default 4)
``SUMMARIZER_TIMEOUT``      seconds per request (default 300)
``SUMMARIZER_CACHE_DIR``    where the assembled embedded model is kept
``SUMMARIZER_UNSUPPORTED``  ``flag`` (default) or ``drop`` facts the article does not support

With neither a base URL nor an API key, the embedded local model is used.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from typing import Any

from summarizer._errors import ConfigError

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
OPENAI_BASE_URL = "https://api.openai.com/v1"
MODES = ("json_schema", "tools", "json", "md_json")


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

    @property
    def embedded(self) -> bool:
        """True when the embedded local model serves the requests."""
        return self.base_url is None and self.api_key is None

    def __repr__(self) -> str:  # never show the key
        key = "set" if self.api_key else None
        return f"Settings(model={self.model!r}, base_url={self.base_url!r}, api_key={key!r}, mode={self.mode!r})"


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
    )
    explicit = {k: v for k, v in explicit.items() if v is not None}
    for name, kind in (("reasks", int), ("retries", int), ("timeout", float)):
        if name in explicit:
            explicit[name] = _number(name, explicit[name], kind, None)
    if "mode" in explicit:
        explicit["mode"] = str(explicit["mode"]).lower()
    settings = replace(settings, **explicit)
    if settings.unsupported not in ("flag", "drop"):
        raise ConfigError(f"unsupported facts are 'flag'ged or 'drop'ped, not {settings.unsupported!r}")
    if settings.mode not in MODES:
        raise ConfigError(f"unknown mode {settings.mode!r}; choose one of: {', '.join(MODES)}")
    if settings.api_key and not settings.base_url:
        settings = replace(settings, base_url=OPENAI_BASE_URL, model=settings.model or DEFAULT_OPENAI_MODEL)
    if settings.base_url and not settings.model:
        raise ConfigError(f"no model named for {settings.base_url}; pass --model or set SUMMARIZER_MODEL")
    return settings
