"""Input articles: read bytes from a file or stdin, decode them, take the article out of an HTML page,
refuse what is not usable text.

Every refusal is an :class:`InputError` raised before any model call. ``charset_normalizer`` and
``trafilatura`` are imported only when an input needs them, so ``summarizer --help`` stays fast.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer._errors import ConfigError, InputError

if TYPE_CHECKING:
    from charset_normalizer.models import CharsetMatch

MAX_BYTES = 2_000_000  # about 300,000 words: far beyond any news article
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Legacy encodings by how common they are on the web: charset-normalizer often finds several
# equally likely (French in cp1252 or cp1250 alike); the more common one wins the tie.
_COMMON_ENCODINGS = ["cp1252", "cp1251", "cp1250", "iso8859_15", "iso8859_2", "koi8_r", "iso8859_5", "cp1253"]
# What Western European text has outside ASCII: accented letters and cp1252's typographic punctuation
# (euro, quotes, dashes, ellipsis, guillemets, degree, middle dot, times, no-break space).
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŸŽž"
    "\u20ac\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\xab\xbb\xb0\xb7\xd7\xa0"
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.IGNORECASE)
# A whole HTML document: a doctype or <html> first, after any whitespace, comments or XML declaration.
_DOCUMENT = re.compile(r"\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(
    r"</?(?:a|article|b|body|br|div|em|footer|h[1-6]|head|header|i|img|li|link|main|meta|nav|ol|p|script"
    r"|section|span|strong|style|table|td|th|time|title|tr|ul)\b[^<>]{0,500}>",
    re.IGNORECASE,
)
_SNIFF_CHARS = 4096
_MIN_SENTENCE_WORDS = 5
_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_BOILERPLATE = re.compile(  # a cookie or consent notice, a sign-in or subscription prompt, a footer
    r"^(?=.*\bcookies?\b)(?=.*\b(?:web ?site|site|brows|experience|consent|accept|agree|settings|polic(?:y|ies)))"
    r"|\b(?:consent|privacy (?:policy|settings|notice)|personal data|javascript|ad ?blocker|subscribe|newsletter"
    r"|sign (?:in|up)|log in|all rights reserved|terms of (?:use|service))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Article:
    """An article ready to summarize, and what its HTML page (if any) said about it."""

    text: str
    published: str | None = None  # YYYY-MM-DD, from the HTML page's metadata
    title: str | None = None
    source: str = "input"  # a path, "stdin", ...: what error messages call it
    was_html: bool = False


def read(path: str) -> Article:
    """Read an article from a path, or from stdin when ``path`` is ``-``."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"stdin is more than {MAX_BYTES:,} bytes, the limit")
        return load(data, "stdin")
    file = Path(path)
    try:
        with file.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
            size = os.fstat(f.fileno()).st_size  # reading stops past the limit; the message gives the whole
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not an article") from None
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}") from None
    if len(data) > MAX_BYTES:
        shown = f"{size:,} bytes" if size > MAX_BYTES else f"more than {MAX_BYTES:,} bytes"  # a pipe has no size
        raise InputError(f"{path} is {shown}; the limit is {MAX_BYTES:,} bytes")
    return load(data, path)


def load(data: bytes, source: str = "input") -> Article:
    """Decode article bytes; when they are an HTML page, extract the article from it."""
    text = decode(data, source)
    if is_html(text):
        return from_html(text, source)
    return Article(text=text, source=source)


def decode(data: bytes, source: str = "input") -> str:
    """Decode article bytes and check they are text.

    UTF-8, or UTF-16/32 with a byte-order mark; bytes that are not UTF-8 are decoded with the
    charset an HTML page declares, else with the legacy encoding charset-normalizer detects.
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"{source} is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as e:
        if encoding:
            raise InputError(
                f"{source} is not valid {encoding} text (byte {e.start}); convert it first, e.g. iconv -t utf-8"
            ) from None
        text = _decode_legacy(data, source)
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


def is_html(text: str) -> bool:
    """Whether ``text`` is HTML: a doctype or ``<html>`` first, or at least one tag per 512 characters."""
    sample = text[:_SNIFF_CHARS]
    return bool(_DOCUMENT.match(sample)) or len(_TAG.findall(sample)) >= max(4, len(sample) // 512)


def from_html(html: str, source: str = "html") -> Article:
    """Extract the article body, title and publication date from an HTML page (or fragment)."""
    check(html, source)
    try:
        import trafilatura
    except ImportError as e:  # a broken install, e.g. lxml without lxml_html_clean (lxml 5.2 split it out)
        raise _missing(e) from None
    if not _DOCUMENT.match(html[:_SNIFF_CHARS]):
        html = f"<html><body>{html}</body></html>"  # trafilatura refuses a bare fragment such as <p>...</p>
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        # Only dates the page's markup gives: an extensive search takes the event's date from the text.
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = getattr(document, "text", None)
    if not isinstance(text, str) or not _has_prose(text):
        raise InputError(f"{source} is an HTML page, but no article text could be extracted from it")
    title = getattr(document, "title", None)
    return Article(
        text=check(text, source),
        published=_iso_date(getattr(document, "date", None)),
        title=title if isinstance(title, str) and title.strip() else None,
        source=source,
        was_html=True,
    )


def _has_prose(text: str) -> bool:
    """Whether text taken from a page has a sentence that is not boilerplate.

    trafilatura returns whatever text a page has: on a page of links, their labels; on a page
    behind a cookie wall, the banner. A sentence here is at least 5 words up to a full stop (or ! or ?),
    across line breaks; a cookie or consent notice, a sign-in or subscription prompt is not an article's.
    """
    sentences = _SENTENCE.findall(" ".join(text.split()))
    return any(len(s.split()) >= _MIN_SENTENCE_WORDS and not _BOILERPLATE.search(s) for s in sentences)


def _missing(error: ImportError) -> ConfigError:
    """One line for a module that reading HTML needs and that is not installed."""
    if "lxml_html_clean" in str(error):  # lxml's own words when the package it split out is missing
        return ConfigError("reading an HTML page needs the package lxml_html_clean: pip install lxml_html_clean")
    return ConfigError(
        f"reading an HTML page needs a module that is not installed ({' '.join(str(error).split())}); "
        "reinstall summarizer with its dependencies: pip install --force-reinstall summarizer"
    )


def _iso_date(value: object) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) else None
    except ValueError:
        return None


def _decode_legacy(data: bytes, source: str) -> str:
    """Decode bytes that are not UTF-8: the charset an HTML page declares, else the one detected."""
    if b"\x00" in data:
        raise InputError(f"{source} looks binary (it contains NUL bytes), not an article")
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeError, LookupError):
            pass  # the page lies about its charset, or names a codec that is not for text: detect it
    match = _detect(data)
    western = _western(data)
    if western is not None and (match is None or match.encoding not in _COMMON_ENCODINGS):
        return western  # a short sample can look like mac_latin2 or big5 to charset-normalizer
    if match is None:
        raise InputError(
            f"{source} is not UTF-8 and its encoding could not be detected (or it is not text); "
            "convert it first, e.g. iconv -f CP1251 -t UTF-8"
        )
    return str(match)


def _western(data: bytes) -> str | None:
    """``data`` read as cp1252, when that reading is Western text: ASCII with a few accented letters
    (at most 1 letter in 4; cp1251 Russian read as cp1252 is all accented letters) and typographic
    punctuation, nothing else outside ASCII. Else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        return None
    foreign = [c for c in text if not c.isascii()]
    if not foreign or any(c not in _WESTERN for c in foreign):
        return None
    letters = sum(c.isalpha() for c in text)
    return text if sum(c.isalpha() for c in foreign) * 4 <= letters else None


def _declared_charset(data: bytes) -> str | None:
    """The codec named by ``<meta charset>`` in the page's first bytes, if Python knows it."""
    found = _CHARSET.search(data[:_SNIFF_CHARS])
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    # Browsers read latin-1 and ASCII labels as windows-1252 (WHATWG Encoding); UTF-8 already failed.
    return {"iso8859-1": "cp1252", "ascii": "cp1252"}.get(name, None if name.startswith("utf-") else name)


def _detect(data: bytes) -> CharsetMatch | None:
    """The most plausible legacy decoding of ``data``, or None when every decoding reads as garbage."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))

    def rank(match: CharsetMatch) -> tuple[float, float, int]:
        names = [match.encoding, *match.could_be_from_charset]
        common = min((_COMMON_ENCODINGS.index(n) for n in names if n in _COMMON_ENCODINGS), default=99)
        return (round(match.chaos, 2), -round(match.coherence, 2), common)

    return min(matches, key=rank, default=None)
