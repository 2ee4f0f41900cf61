"""Reading and decoding input articles; every refusal is an InputError."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from summarizer import InputError
from summarizer.article import MAX_BYTES, decode, read

TEXT = "“Seven terrorists” attacked Paris on 13 November — at least 129 died.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be"],
)
def test_decode_strips_the_byte_order_mark(data: bytes) -> None:
    assert decode(data) == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"caf\xe9 bombing", "not valid utf-8"),  # Latin-1
        (b"PK\x03\x04\x00\x00binary", "NUL"),
        ("Paris\x00".encode("utf-16-le"), "NUL"),  # UTF-16 without a byte-order mark
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
    ],
)
def test_decode_refuses_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, "article.txt")


def test_decode_refuses_more_than_max_bytes() -> None:
    assert decode(b"a" * MAX_BYTES) == "a" * MAX_BYTES
    with pytest.raises(InputError, match="limit"):
        decode(b"a" * (MAX_BYTES + 1))


def test_read_round_trips_non_ascii_text(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    assert read(str(path)) == TEXT


def test_read_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 10))
    with pytest.raises(InputError, match="limit"):
        read(str(path))


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(str(tmp_path / "missing.txt"))


def test_read_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read(str(tmp_path))


def test_read_dash_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read("-") == TEXT


def test_read_dash_names_stdin_in_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="stdin is empty"):
        read("-")
