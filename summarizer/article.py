"""Input articles: read bytes from a file or stdin, decode them, refuse what is not usable text.

Every refusal is an :class:`InputError` raised before any model call.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from summarizer._errors import InputError

MAX_BYTES = 2_000_000  # about 300,000 words: far beyond any news article
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def decode(data: bytes, source: str = "input") -> str:
    """Decode article bytes (UTF-8, or UTF-16/32 with a byte-order mark) and check they are text."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{source} is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(
            f"{source} is not valid {encoding} text (byte {e.start}); convert it first, e.g. iconv -t utf-8"
        ) from None
    return check(text, source)


def check(text: str, source: str = "input") -> str:
    """Return ``text`` if it is usable article text, else raise :class:`InputError`."""
    if "\x00" in text:
        raise InputError(f"{source} looks binary (it contains NUL characters), not an article")
    if not text.strip():
        raise InputError(f"{source} is empty")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(f"{source} is larger than the {MAX_BYTES:,}-byte limit")
    return text


def read(path: str) -> str:
    """Read an article from a path, or from stdin when ``path`` is ``-``."""
    if path == "-":
        return decode(sys.stdin.buffer.read(MAX_BYTES + 1), "stdin")
    file = Path(path)
    try:
        with file.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not an article") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from None
    return decode(data, path)
