"""A corpus run's output as review pages: an index, and one page per article.

The run's JSON Lines hold one record per article: ``{"id", "source", "title", "published",
"summary": <Summary JSON> | "error": {"kind", "message"}}``. A page highlights the summary's spans
in the article's text, taken from the record's ``text`` field when it has one, else read from the
file its ``source`` names (as given, or beside the JSONL file) the way ``summarizer ARTICLE`` reads
it, so an HTML page yields the same text the spans point into. With neither, the page shows the facts
without the text and says why. A line that cannot be read, or a summary that does not validate, is
listed as an error of that article: one bad line does not hide the other articles.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer import article as articles
from summarizer._errors import InputError
from summarizer.review.facts import place_words, short_count
from summarizer.review.html import ArticleView, Row, index, page
from summarizer.schema import Summary

PAGES = "articles"  # the folder of article pages, beside index.html
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Record:
    """One article of a corpus run."""

    line: int
    id: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    summary: Summary | None = None
    error: str | None = None  # "kind: message"
    text: str | None = None


@dataclass(frozen=True)
class Written:
    """What :func:`write` made."""

    index: Path
    pages: int
    errors: int


def read(path: Path) -> list[Record]:
    """The records of a corpus run's JSONL output."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a corpus run's JSONL output") from None
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from None
    records = [_record(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not records:
        raise InputError(f"{path} holds no records")
    return records


def _record(n: int, line: str) -> Record:
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as e:
        return Record(n, f"line {n}", error=f"unreadable line {n}: {e.msg}")
    if not isinstance(data, dict):
        return Record(n, f"line {n}", error=f"line {n} is not a JSON object")
    fields = {name: _text(data.get(name)) for name in ("source", "title", "published", "text")}
    summary, error = None, _error(data.get("error"))
    if data.get("summary") is not None:
        try:
            summary = Summary.model_validate(data["summary"])
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            error = f"invalid summary: {where}: {first['msg']}" if where else f"invalid summary: {first['msg']}"
    elif error is None:
        error = "the record has neither a summary nor an error"
    return Record(n, _text(data.get("id")) or f"line {n}", summary=summary, error=error, **fields)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None if value is None else str(value)


def _error(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        kind, message = value.get("kind"), value.get("message")
        return ": ".join(str(part) for part in (kind, message) if part) or "error"
    return str(value)


def article_text(record: Record, base: Path) -> tuple[str | None, str | None]:
    """The article's text, else None and why."""
    if record.text is not None:
        return record.text, None
    if not record.source:
        return None, 'The record has no "text" field and no "source".'
    for candidate in _candidates(record.source, base):
        if candidate.is_file():
            try:
                return articles.read(str(candidate)).text, None
            except InputError as e:
                return None, f"The source file cannot be used: {e}."
    return None, f'The record has no "text" field, and its source {record.source} is not a file found here.'


def _candidates(source: str, base: Path) -> list[Path]:
    path = Path(source)
    return [path] if path.is_absolute() else [path, base / path]


def file_names(ids: list[str]) -> list[str]:
    """A distinct, safe file name for each article id (ids may hold slashes, spaces, anything)."""
    names: list[str] = []
    taken: set[str] = set()
    for n, record_id in enumerate(ids, start=1):
        stem = _UNSAFE.sub("-", record_id).strip("-.")[:80] or f"article-{n}"
        name, k = stem, 2
        while name.lower() in taken:  # case-insensitive file systems
            name, k = f"{stem}-{k}", k + 1
        taken.add(name.lower())
        names.append(f"{name}.html")
    return names


def row(record: Record, href: str) -> Row:
    """The index row of one article."""
    title = record.title or record.id
    summary = record.summary
    main = summary.main_incident if summary is not None else None
    if summary is None or main is None:
        return Row(title, href, record.id, error=record.error or "", main="" if summary is None else "no incident")
    return Row(
        title,
        href,
        record.id,
        main=main.description,
        type=main.type,
        date=(main.when.date or main.when.text) if main.when else "",
        place=place_words(main.where) if main.where else "",
        killed=short_count(main.casualties.killed),
        injured=short_count(main.casualties.injured),
        incidents=len(summary.incidents),
        unsupported=len(summary.provenance.grounding.unsupported) if summary.provenance.grounding else 0,
        error=record.error or "",
    )


def write(run: Path, out: Path, title: str | None = None) -> Written:
    """Write ``out/index.html`` and one page per article under ``out/articles/``."""
    records = read(run)
    (out / PAGES).mkdir(parents=True, exist_ok=True)
    rows = []
    for record, name in zip(records, file_names([r.id for r in records]), strict=True):
        text, note = article_text(record, run.parent)
        view = ArticleView(
            title=record.title or record.id,
            text=text,
            source=record.source,
            published=record.published,
            note=note,
            error=record.error,
            back="../index.html",
        )
        (out / PAGES / name).write_text(page(record.summary, view), encoding="utf-8")
        rows.append(row(record, f"{PAGES}/{name}"))
    (out / "index.html").write_text(index(rows, title or run.name), encoding="utf-8")
    return Written(out / "index.html", len(rows), sum(1 for r in rows if r.error))
