"""Self-contained HTML pages: one article's review page, and the index of a corpus run.

Pages are rendered by jinja2 with autoescape on from the templates beside this module; the article
and everything in the summary are data, escaped wherever they appear, never rendered as templates.
CSS and JS are inlined, and a Content-Security-Policy allows only those two inline blocks (by their
hashes) and nothing from the network: were anything in an article ever to slip through as markup,
the browser would still refuse to run it or to fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from summarizer.review.facts import GROUPS, STATUS_WORDS, Card, Fact, Piece, cards, matches, pieces
from summarizer.schema import Summary

NO_TEXT = "The article text is not available: the facts are shown without it."
MISMATCH = (
    "The article text does not match this summary's spans (was it changed after the summary was made?): "
    "it is shown without highlights."
)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("summarizer.review", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> str:
    return (resources.files("summarizer.review") / "templates" / name).read_text(encoding="utf-8")


def _inline(name: str) -> tuple[Markup, str]:
    """A trusted asset to inline, and its CSP source expression."""
    text = _asset(name)
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return Markup(text), f"'sha256-{digest}'"


def _render(template: str, script: bool, **context: Any) -> str:
    css, style_src = _inline("review.css")
    js, script_src = _inline("review.js") if script else (Markup(""), "'none'")
    csp = f"default-src 'none'; style-src {style_src}; script-src {script_src}; base-uri 'none'; form-action 'none'"
    return _environment().get_template(template).render(css=css, js=js, csp=csp, **context)


@dataclass(frozen=True)
class ArticleView:
    """What the page shows of an article beside its summary."""

    title: str | None = None
    text: str | None = None  # None: not available; ``note`` may say why
    source: str | None = None
    published: str | None = None
    note: str | None = None
    error: str | None = None  # when the run could not summarize it
    back: str | None = None  # link to the index page, for pages of a corpus run


def page(summary: Summary | None, article: ArticleView) -> str:
    """The review page: the article with every grounded fact highlighted, the incidents as cards."""
    made: list[Card] = cards(summary) if summary is not None else []
    facts: list[Fact] = [f for card in made for f in card.facts]
    notes = [article.note] if article.note else []
    shown: list[Piece] | None = None
    highlighted = False
    if article.text is None:
        notes.append(NO_TEXT)
    elif matches(article.text, facts):
        shown, highlighted = pieces(article.text, facts), bool(facts)
    else:
        notes.append(MISMATCH)
        shown = [Piece("text", article.text)]
    grounding = summary.provenance.grounding if summary is not None else None
    return _render(
        "page.html.j2",
        script=True,
        article=article,
        summary=summary,
        cards=made,
        pieces=shown,
        highlighted=highlighted,
        notes=notes,
        unsupported=[f for f in facts if not f.supported],
        dropped=grounding.unsupported if grounding is not None and grounding.policy == "drop" else [],
        groups=GROUPS,
        status_words=STATUS_WORDS,
    )


@dataclass(frozen=True)
class Row:
    """One article of a corpus run, as the index lists it."""

    title: str
    href: str
    id: str
    main: str = ""
    type: str = ""
    date: str = ""
    place: str = ""
    killed: str = ""
    injured: str = ""
    incidents: int = 0
    unsupported: int = 0
    error: str = ""


def index(rows: list[Row], title: str) -> str:
    """The index page of a corpus run: one row per article, linking to its page."""
    errors = sum(1 for r in rows if r.error)
    return _render("index.html.j2", script=False, rows=rows, title=title, errors=errors)
