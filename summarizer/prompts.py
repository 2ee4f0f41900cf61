"""Render the versioned jinja2 prompt templates in ``prompts/``.

Templates are named ``<version>.<role>.j2`` (``extract_v2.system.j2``). They are
rendered in a sandbox with ``StrictUndefined``; the article is passed as a
variable, so its text is data and is never itself rendered as a template.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from summarizer._errors import ConfigError

PROMPT_VERSION = "extract_v4"
_CLOSE = re.compile(r"</\s*article\s*>", re.IGNORECASE)


def prompts_dir() -> Path:
    """``summarizer/prompts`` inside an installed wheel, else ``prompts/`` of the source tree."""
    packaged = Path(str(resources.files("summarizer"))) / "prompts"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "prompts"


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(prompts_dir()),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
    )


def known_version(version: str) -> str:
    """``version`` if ``prompts/`` has its system and user templates, else :class:`ConfigError` naming those it has."""
    systems = {path.name.removesuffix(".system.j2") for path in prompts_dir().glob("*.system.j2")}
    versions = sorted(v for v in systems if (prompts_dir() / f"{v}.user.j2").is_file())
    if version not in versions:
        raise ConfigError(f"unknown prompt version {version!r}; there are: {', '.join(versions)}")
    return version


def render(version: str, role: str, **variables: object) -> str:
    """Render one template of a prompt version."""
    return _environment().get_template(f"{version}.{role}.j2").render(**variables).strip()


def fingerprint(version: str = PROMPT_VERSION) -> str:
    """A short hash of every template file of a version: changes whenever a prompt's text does."""
    digest = hashlib.sha256()
    for path in sorted(prompts_dir().glob(f"{version}.*")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _examples(version: str) -> list[dict[str, str]]:
    """Worked examples (invented articles and their answers): ``<version>.example<N>.j2`` and ``.json``."""
    turns = []
    for answer in sorted(prompts_dir().glob(f"{version}.example*.json")):
        role = answer.name.removeprefix(f"{version}.").removesuffix(".json")
        turns += [
            {"role": "user", "content": render(version, role)},
            {"role": "assistant", "content": answer.read_text(encoding="utf-8").strip()},
        ]
    return turns


def example_text(version: str = PROMPT_VERSION) -> str:
    """The worked examples' articles and answers, as sent: what the model may copy instead of the article."""
    return "\n".join(turn["content"] for turn in _examples(version))


def fixed_messages(version: str = PROMPT_VERSION) -> list[dict[str, str]]:
    """The instructions and worked examples: the start of every request, identical for every article."""
    return [{"role": "system", "content": render(version, "system")}, *_examples(version)]


def messages(article: str, published: str | None, version: str = PROMPT_VERSION) -> list[dict[str, str]]:
    """The chat messages for one article.

    The fixed part (:func:`fixed_messages`) comes first, identical for every article, so servers with
    prompt caching process it once.
    """
    # The article cannot close its own delimiter early; the user's text itself is left untouched.
    fenced = _CLOSE.sub("</ article>", article)
    return [
        *fixed_messages(version),
        {
            "role": "user",
            "content": render(version, "user", article=fenced, published=published),
        },
    ]
