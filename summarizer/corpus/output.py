"""A corpus run's output file: JSON Lines (one line per article) or CSV (one row per incident).

Safe to interrupt and to resume:

* each article's line (or all its CSV rows) is written with one ``write`` and then ``fsync``-ed, so a run
  killed at any moment (Ctrl-C, ``kill -9``, a power cut) loses at most the articles not yet written;
* opening an existing output reads the ids it holds, and the run skips them. A last line without its
  line break (a write that a crash cut short) is cut off the file, with a warning; for CSV, so are
  the other rows of that article, which is then summarized again;
* with ``retry_errors``, the lines of articles that failed are taken out (the file is rewritten whole,
  through a temporary file and a rename) and those articles are summarized again;
* an output that another run is writing (an exclusive lock on the file) is refused.

``-`` writes to stdout: nothing to resume from.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from summarizer._errors import InputError
from summarizer.corpus.outcome import Outcome
from summarizer.corpus.table import COLUMNS, rows

FORMATS = ("jsonl", "csv")
Warn = Callable[[str], None]
Group = tuple[str, int, int, bool]  # an article's id, its first byte and the byte past its last, whether it failed


class Output(Protocol):
    """Where outcomes go; ``done`` holds the ids already written (by this run or an earlier one)."""

    done: set[str]
    failed: set[str]  # of which, articles written with an error

    def write(self, outcome: Outcome) -> None: ...

    def close(self) -> None: ...


def open_output(path: str, format: str, retry_errors: bool = False, warn: Warn | None = None) -> Output:
    """The output at ``path`` in ``format``, with the ids it already holds; :class:`InputError` when it cannot be
    used (another format's file, a folder, a file another run is writing)."""
    if format not in FORMATS:
        raise InputError(f"unknown output format {format!r}; choose one of: {', '.join(FORMATS)}")
    if path == "-":
        return _Stdout(format)
    return _File(Path(path), format, retry_errors, warn or (lambda message: None))


@dataclass
class _Stdout:
    format: str
    done: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    _header: bool = False

    def write(self, outcome: Outcome) -> None:
        if self.format == "csv" and not self._header:
            sys.stdout.write(_csv([dict(zip(COLUMNS, COLUMNS, strict=True))]))
            self._header = True
        sys.stdout.write(_encode(outcome, self.format))
        sys.stdout.flush()
        self.done.add(outcome.record.id)
        if outcome.error is not None:
            self.failed.add(outcome.record.id)

    def close(self) -> None:
        pass


class _File:
    def __init__(self, path: Path, format: str, retry_errors: bool, warn: Warn) -> None:
        self.path, self.format, self.warn = path, format, warn
        self.done: set[str] = set()
        self.failed: set[str] = set()
        if path.is_dir():
            raise InputError(f"the output {path} is a folder; give a file")
        try:
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as e:
            raise InputError(f"cannot open the output {path}: {e.strerror}") from None
        try:
            _lock(self._fd, path)
            self._resume(retry_errors)
        except BaseException:
            os.close(self._fd)
            raise

    def _resume(self, retry_errors: bool) -> None:
        """Read the ids already written, cut a torn last line off, and take out failed articles if asked."""
        groups, whole, size = self._groups()
        if whole < size:
            if self.format == "csv" and groups:  # the rows before a torn row may be part of its article
                record_id, start, _, _ = groups.pop()
                whole = start
                self.warn(f"the last article in {self.path} ({record_id!r}) was cut short by an interrupted run; "
                          "it is summarized again")  # fmt: skip
            else:
                self.warn(f"the last line of {self.path} was cut short by an interrupted run and is dropped")
            os.ftruncate(self._fd, whole)  # in place: a torn tail is garbage either way
            os.fsync(self._fd)
        if retry_errors and any(failed for *_, failed in groups):
            groups = [group for group in groups if not group[3]]
            self._rewrite(groups)
        for record_id, _, _, failed in groups:
            self.done.add(record_id)
            if failed:
                self.failed.add(record_id)
        if self.format == "csv" and whole == 0:
            self._append(_csv([dict(zip(COLUMNS, COLUMNS, strict=True))]).encode())

    def _groups(self) -> tuple[list[Group], int, int]:
        """The articles in the file in order (id, first and past-last byte, whether it failed), where its last
        whole line ends, and its size. Read line by line: a run's output may be larger than memory."""
        groups: list[Group] = []
        whole = 0
        with open(self.path, "rb") as f:
            for n, line in enumerate(f, start=1):
                if not line.endswith(b"\n"):
                    break
                start, whole = whole, whole + len(line)
                if self.format == "csv" and n == 1:
                    self._check_header(line)
                elif line.strip():
                    record_id, failed = _json_line(line, n, self.path) if self.format == "jsonl" else _csv_row(line)
                    if self.format == "csv" and groups and groups[-1][0] == record_id:
                        groups[-1] = (record_id, groups[-1][1], whole, groups[-1][3])
                    else:
                        groups.append((record_id, start, whole, failed))
            size = f.seek(0, os.SEEK_END)
        return groups, whole, size

    def _check_header(self, line: bytes) -> None:
        if tuple(next(csv.reader([line.decode("utf-8", "replace")]), [])) != COLUMNS:
            raise InputError(
                f"{self.path} is not a CSV output of this version of summarizer (its header differs); "
                "give another output file"
            )

    def _rewrite(self, keep: list[Group]) -> None:
        """Replace the file by one holding only the articles ``keep`` (and the CSV header): a temporary file, on
        disk, renamed over it (whole or not at all), then opened and locked in place of the old one."""
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(self.path, "rb") as source, open(temporary, "wb") as f:
                if self.format == "csv":
                    f.write(source.readline())
                for _, start, end, _ in keep:
                    source.seek(start)
                    f.write(source.read(end - start))
                f.flush()
                os.fsync(f.fileno())
            fd = os.open(temporary, os.O_RDWR | os.O_APPEND)
            _lock(fd, self.path)
            os.replace(temporary, self.path)
        except OSError as e:
            temporary.unlink(missing_ok=True)
            raise InputError(f"cannot rewrite the output {self.path}: {e.strerror}") from None
        os.close(self._fd)
        self._fd = fd

    def write(self, outcome: Outcome) -> None:
        self._append(_encode(outcome, self.format).encode("utf-8"))
        self.done.add(outcome.record.id)
        if outcome.error is not None:
            self.failed.add(outcome.record.id)

    def _append(self, data: bytes) -> None:
        """All of ``data`` at the end of the file, then on disk (os.write may write less than asked)."""
        view = memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]
        os.fsync(self._fd)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._fd)


def _lock(fd: int, path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise InputError(f"another run is writing {path}; wait for it, or give another output file") from None


def _json_line(line: bytes, n: int, path: Path) -> tuple[str, bool]:
    """The id of a JSON output line, and whether it is an error line."""
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise InputError(
            f"line {n} of {path} is not a line of a run's JSON Lines output; give another output file "
            "(or --format csv for a CSV file)"
        )
    return record["id"], "summary" not in record


def _csv_row(line: bytes) -> tuple[str, bool]:
    """The id of a CSV output row, and whether it is an error row."""
    cells = dict(zip(COLUMNS, next(csv.reader([line.decode("utf-8", "replace")]), []), strict=False))
    return cells.get("id", ""), bool(cells.get("error_kind"))


def _encode(outcome: Outcome, format: str) -> str:
    if format == "csv":
        return _csv(rows(outcome))
    return json.dumps(outcome.as_json(), ensure_ascii=False) + "\n"


def _csv(table: list[dict[str, object]]) -> str:
    buffer: IO[str] = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writerows(table)
    return buffer.getvalue()  # type: ignore[attr-defined,no-any-return]
