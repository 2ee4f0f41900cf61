"""Helpers of the review-page tests: summaries replayed from cassettes, and a reader of the pages.

Summaries are made by the public API on recorded model answers, as in test_reference.py, so the
tests hold for whatever a re-recording answers; they assert on properties counted from the Summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from summarizer import Summarizer, Summary

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Appended to an article after every span, so the recorded summary still fits it: markup that would
# run, close a highlight or the text early, fetch, or be rendered as a template if it were not escaped.
HOSTILE_TAIL = (
    '\n<script>window.__ran = 1; document.title = "ran";</script></mark></div>'
    '<img src="https://example.invalid/x.png" onerror="window.__ran = 2"><b>bold</b>'
    "<style>body { display: none }</style>{{ 7*7 }} {% raw %}&amp; &lt;script&gt;\n"
)
CASES = {  # name: (cassette, fixture, publication date), as recorded
    "reference": ("reference_published.yaml", "reference.txt", "2015-11-17"),
    "template": ("hostile_template.yaml", "hostile_template.txt", "2026-06-10"),
    "injection": ("hostile_injection.yaml", "hostile_injection.txt", "2026-06-10"),
}


def replay(endpoint: dict[str, Any], recorded: Any, case: str) -> tuple[Summary, str]:
    """The summary of a fixture article on its recorded answers, and the article."""
    cassette, fixture, published = CASES[case]
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    with recorded(cassette):
        return Summarizer(**endpoint).summarize(text, published=published), text


def quoted_facts(summary: Summary) -> Iterator[Any]:
    """Every fact of the summary that carries a span."""
    for incident in summary.incidents:
        yield from (f for f in (incident.when, incident.where) if f is not None)
        yield from (*incident.perpetrators, *incident.victims, *incident.targets, *incident.weapons)
        c = incident.casualties
        yield from (f for f in (c.killed, c.injured, c.perpetrators_killed) if f is not None)
        yield from (*c.other_reports, *incident.responsibility)


def grounded(summary: Summary) -> list[Any]:
    """The facts whose span was found in the article: each must be highlighted once."""
    return [f for f in quoted_facts(summary) if f.span is not None and f.span.found]


def record(record_id: str, summary: Summary | None = None, **fields: Any) -> str:
    """One line of a corpus run's output."""
    data: dict[str, Any] = {"id": record_id, "source": None, "title": None, "published": None, **fields}
    if summary is not None:
        data["summary"] = json.loads(summary.model_dump_json())
    return json.dumps(data, ensure_ascii=False)


@dataclass
class Mark:
    fact: str
    anchor: bool  # the fact's first piece, with its id
    classes: list[str]
    label: str
    text: str = ""


class Page(HTMLParser):
    """What a test needs of a rendered page: its marks, cards, scripts, links and article text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[Mark] = []
        self.cards: list[str] = []  # their text
        self.scripts = 0
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: str | None = None  # the article as shown
        self._open: list[Mark] = []
        self._in_text = 0
        self._in_card = 0

    @classmethod
    def of(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        self.scripts += tag == "script"
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if tag == "div" and a.get("id") == "text":
            self._in_text, self.text = 1, ""
        elif self._in_text and tag != "br":
            self._in_text += 1
        if tag == "mark" and self._in_text:
            mark = Mark(str(a.get("data-fact")), "id" in a, str(a.get("class")).split(), str(a.get("data-label")))
            self.marks.append(mark)
            self._open.append(mark)
        if tag == "article" and "card" in str(a.get("class")):
            self._in_card = 1
            self.cards.append("")
        elif self._in_card:
            self._in_card += 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_text:
            self._in_text -= 1
            if tag == "mark" and self._open:
                self._open.pop()
        if self._in_card:
            self._in_card -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text and self.text is not None:
            self.text += data
            for mark in self._open:
                mark.text += data
        if self._in_card:
            self.cards[-1] += data

    def highlighted(self) -> dict[str, str]:
        """Each highlighted fact's text, its pieces joined."""
        joined: dict[str, str] = {}
        for mark in self.marks:
            joined[mark.fact] = joined.get(mark.fact, "") + mark.text
        return joined
