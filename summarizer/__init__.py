"""summarizer: typed, traceable summaries of news articles about violent events.

>>> from summarizer import summarize
>>> result = summarize(text, published="2015-11-17")
>>> result.main_incident.casualties.killed.number
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarizer._errors import (
        ConfigError,
        ExtractionError,
        InputError,
        LocalModelError,
        ModelError,
        ModelNotFoundError,
        ModelUnavailableError,
        SummarizerError,
    )
    from summarizer.config import Settings
    from summarizer.corpus import Record, flat_rows
    from summarizer.pipeline import Summarizer, summarize
    from summarizer.schema import (
        SCHEMA_VERSION,
        Actor,
        Casualties,
        Count,
        Incident,
        Place,
        Provenance,
        Responsibility,
        Summary,
        Usage,
        When,
    )

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Casualties",
    "ConfigError",
    "Count",
    "ExtractionError",
    "Incident",
    "InputError",
    "LocalModelError",
    "ModelError",
    "ModelNotFoundError",
    "ModelUnavailableError",
    "Place",
    "Provenance",
    "Record",
    "Responsibility",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "Summary",
    "Usage",
    "When",
    "flat_rows",
    "summarize",
]

_HOMES = {
    **{name: "summarizer._errors" for name in __all__ if name.endswith("Error")},
    **{name: "summarizer.pipeline" for name in ("Summarizer", "summarize")},
    **{name: "summarizer.corpus" for name in ("Record", "flat_rows")},
    "Settings": "summarizer.config",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so that ``summarizer --help`` starts fast."""
    if name not in __all__:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(_HOMES.get(name, "summarizer.schema")), name)
    globals()[name] = value
    return value
