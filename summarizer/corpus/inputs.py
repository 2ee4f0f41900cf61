"""A corpus's articles: files, folders and JSON Lines in, :class:`Record` s with ids out.

An input is a file (an article, text or HTML, told by its content), a folder (searched recursively for
``.txt``, ``.html`` and ``.htm`` files; names starting with a dot are skipped), or JSON Lines (a file
ending ``.jsonl`` or ``.ndjson``, or ``-`` for stdin) of records ``{"id", "text" | "html" | "path",
"published"?, "url"?, "title"?}``. A file's id is its path relative to the folder given, or the path as
given for a file named itself; a JSON record's id is its ``id``, else ``NAME:LINE``. A relative
``path`` in a record is read from the JSON Lines file's folder.

:func:`scan` lists every record first, reading no article: ids must be unique (a run resumes by id), so
two articles with one id stop the run before it starts. A JSON line that cannot be used (not JSON, no
text) is still a record, with its ``problem``: it becomes that article's error line, not the run's.
Articles are read when :meth:`Record.load` is called, in the worker that summarizes them.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarizer import article as articles
from summarizer._errors import InputError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_FIELDS = ("text", "html", "path")


@dataclass(frozen=True)
class Record:
    """One article of a corpus: its id, where its text is, and what its input said about it.

    Give one of ``text``, ``html`` or ``path`` (a file, text or HTML). ``source`` is what the output's
    ``source`` field says: a file's path, or ``NAME.jsonl:LINE`` for text given inline.
    """

    id: str
    text: str | None = None
    html: str | None = None
    path: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    problem: str | None = None  # why the record cannot be used, found while listing it
    line: tuple[str, int] | None = None  # (JSON Lines file, byte offset): the record is read there when loaded

    @property
    def inline(self) -> bool:
        """Whether the article's text came with the record rather than in a file of its own."""
        return self.path is None

    def load(self) -> tuple[Record, articles.Article]:
        """The record complete (read from its JSON line if it was listed only), and its article, read and checked;
        :class:`InputError` when it cannot be used."""
        record = self._complete()
        if record.problem:
            raise InputError(record.problem)
        source = record.source or record.id
        if record.path is not None:
            found = articles.read(record.path)
        elif record.html is not None:
            found = articles.from_html(record.html, source)
        else:
            found = articles.Article(text=articles.check(record.text or "", source), source=source)
        return record, replace(found, published=record.published or found.published, title=record.title or found.title)

    def _complete(self) -> Record:
        if self.line is None:
            return self
        name, offset = self.line
        with open(name, "rb") as f:
            f.seek(offset)
            raw = f.readline()
        return _from_json(raw, self.source or name, Path(name).parent, fallback_id=self.id, keep_text=True)


def scan(inputs: Sequence[str]) -> list[Record]:
    """Every record of ``inputs``, in order, texts not yet read; :class:`InputError` for an input that does not
    exist, no article at all, or an id given twice."""
    records: list[Record] = []
    for given in inputs:
        records.extend(_records(given))
    if not records:
        raise InputError(f"no articles found in {', '.join(inputs)} (folders are searched for .txt, .html, .htm)")
    _unique(records)
    return records


def _records(given: str) -> Iterator[Record]:
    if given == "-":
        yield from _jsonl(_spool_stdin(), "stdin")
        return
    path = Path(given)
    if path.is_dir():
        for file in _walk(path):
            relative = file.relative_to(path).as_posix()
            yield Record(id=relative, path=str(file), source=str(file))
    elif path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
        yield from _jsonl(path, given)
    elif path.is_file():
        yield Record(id=given, path=given, source=given)
    elif path.exists():
        raise InputError(f"{given} is neither a file nor a folder")
    else:
        raise InputError(f"no such file or folder: {given}")


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, sorted, not following links to folders; hidden names skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def _jsonl(path: Path, shown: str) -> Iterator[Record]:
    """The records of a JSON Lines file, listed: ids and metadata kept, texts left in the file."""
    try:
        with path.open("rb") as f:
            offset = 0
            for number, raw in enumerate(f, start=1):
                if raw.strip():
                    record = _from_json(raw, f"{shown}:{number}", path.parent, fallback_id=f"{shown}:{number}")
                    yield replace(record, line=(str(path), offset)) if record.inline and not record.problem else record
                offset += len(raw)
    except OSError as e:
        raise InputError(f"cannot read {shown}: {e.strerror}") from None


def _from_json(raw: bytes, where: str, base: Path, fallback_id: str, keep_text: bool = False) -> Record:
    """One JSON line as a record; what is wrong with it is its ``problem``."""
    try:
        data: Any = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        return Record(id=fallback_id, source=where, problem=f"{where} is not a JSON record ({e})")
    if not isinstance(data, dict):
        return Record(id=fallback_id, source=where, problem=f"{where} is not a JSON object")
    ident = data.get("id")
    record_id = str(ident) if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident) else None
    meta = {name: data[name] if isinstance(data.get(name), str) else None for name in ("published", "title", "url")}
    given = [name for name in TEXT_FIELDS if data.get(name) is not None]
    problem = None
    if len(given) != 1:
        both = f", not {' and '.join(given)}" if given else ""
        problem = f'{where} must have one of "text", "html" or "path"{both}'
    elif not isinstance(data[given[0]], str):
        problem = f'{where}: "{given[0]}" must be a string'
    if problem:
        return Record(id=record_id or fallback_id, source=where, problem=problem, **meta)
    if given == ["path"]:
        file = Path(data["path"])
        file = file if file.is_absolute() else Path(os.path.normpath(base / file))
        return Record(id=record_id or fallback_id, path=str(file), source=str(file), **meta)
    text = {given[0]: data[given[0]]} if keep_text else {}
    return Record(id=record_id or fallback_id, source=where, **text, **meta)


def _unique(records: list[Record]) -> None:
    seen: dict[str, Record] = {}
    for record in records:
        if record.id in seen:
            first = seen[record.id]
            raise InputError(
                f"the id {record.id!r} is given twice ({first.source} and {record.source}); a run resumes by id, "
                "so each article needs its own: give the inputs in separate runs, or ids in a JSON Lines file"
            )
        seen[record.id] = record


def _spool_stdin() -> Path:
    """Stdin's JSON Lines, kept in a temporary file for the run (records are read again when summarized)."""
    folder = Path(tempfile.mkdtemp(prefix="summarizer-stdin-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "stdin.jsonl"
    with path.open("wb") as f:
        shutil.copyfileobj(sys.stdin.buffer, f)
    return path
