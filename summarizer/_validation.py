"""The context that validators of a model's answer read (the article, the checks to run).

instructor's own ``context=`` argument also renders every chat message as a Jinja template
before sending it, so an article holding ``{{ 7*7 }}`` would reach the model as ``49``, and
one holding ``{% if`` would fail. The context therefore travels in a context variable, set
by :func:`summarizer.llm.ModelClient.extract` for the duration of one extraction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_current: ContextVar[dict[str, Any] | None] = ContextVar("summarizer_validation_context", default=None)


@contextmanager
def using(context: dict[str, Any] | None) -> Iterator[None]:
    """Make ``context`` the validation context inside the ``with`` block."""
    token = _current.set(context)
    try:
        yield
    finally:
        _current.reset(token)


def current(explicit: dict[str, Any] | None = None) -> dict[str, Any]:
    """An explicitly given context (pydantic's ``info.context``), else the one in use, else empty."""
    return explicit if explicit is not None else (_current.get() or {})
