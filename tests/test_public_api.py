"""The public API: a sorted, complete ``__all__``, and a CLI that starts without heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import summarizer
from summarizer import _errors

ROOT = Path(__file__).resolve().parent.parent


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted() -> None:
    assert summarizer.__all__ == sorted(summarizer.__all__, key=_isort_key)


@pytest.mark.parametrize("name", summarizer.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(summarizer, name) is not None


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        summarizer.nope  # noqa: B018


def test_every_error_is_public() -> None:
    errors = {name for name, value in vars(_errors).items() if isinstance(value, type)}
    assert errors <= set(summarizer.__all__)


def test_cli_import_is_light() -> None:
    code = (
        "import sys, summarizer.cli, summarizer.article; heavy = ('pydantic', 'openai', 'instructor', "
        "'trafilatura', 'charset_normalizer', 'lxml'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_packages_that_reading_html_needs_are_declared() -> None:
    """justext (under trafilatura) imports lxml.html.clean, which lxml 5.2+ moved out to lxml_html_clean;
    nothing else pulls that in on a plain ``pip install .``."""
    import re
    import tomllib

    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("-", "_") for d in dependencies}
    assert {"trafilatura", "lxml_html_clean"} <= names
