"""Reading, decoding and extracting input articles; every refusal is an InputError."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from summarizer import InputError
from summarizer.article import MAX_BYTES, Article, decode, from_html, is_html, load, read

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
        (bytes(range(0x80, 0x100)), "encoding could not be detected"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8", "NUL"),  # not UTF-8, and binary
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
    assert read(str(path)) == Article(text=TEXT, source=str(path))


def test_read_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 10))
    with pytest.raises(InputError, match="limit"):
        read(str(path))


def test_the_oversize_message_gives_the_files_size_not_where_reading_stopped(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 3_000_000)
    with pytest.raises(InputError, match=r"huge\.txt is 3,000,000 bytes; the limit is 2,000,000 bytes"):
        read(str(path))


def test_oversize_stdin_says_more_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * (MAX_BYTES + 5))))
    with pytest.raises(InputError, match=r"stdin is more than 2,000,000 bytes, the limit"):
        read("-")


def test_read_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(str(tmp_path / "missing.txt"))


def test_read_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read(str(tmp_path))


def test_read_dash_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert read("-").text == TEXT


def test_read_dash_names_stdin_in_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputError, match="stdin is empty"):
        read("-")


RUSSIAN = "Во вторник в центре Москвы неизвестные открыли огонь: по меньшей мере три человека погибли, пятеро ранены."  # noqa: RUF001
FRENCH = "Mardi soir, des hommes armés ont ouvert le feu à Paris ; au moins trois personnes ont été tuées."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        ("Взрыв прогремел в метро.", "cp1251"),
        (FRENCH, "cp1252"),
        (FRENCH, "latin-1"),
        ("Un café a été attaqué à Nîmes.", "cp1252"),  # cp1250 reads it as well as cp1252: the commoner wins
        ("L’attaque a fait « au moins » 12 morts — selon la préfecture.", "cp1252"),  # noqa: RUF001
    ],
)
def test_decode_detects_legacy_encodings(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # so detection is what decodes it
    assert decode(data) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Hombres armados atacaron el mercado en Bogotá; murió un niño.", "latin-1"),  # was read as cp775
        ("Três pessoas morreram após o ataque em São Paulo.", "latin-1"),  # was read as big5
        ("Police said the café was hit by gunfire — no one was hurt.", "cp1252"),  # was mac_latin2: "cafť"
    ],
)
def test_short_western_text_is_not_read_in_an_exotic_encoding(text: str, encoding: str) -> None:
    """charset-normalizer picks mac_latin2, cp775 or big5 for some short samples; text whose
    cp1252 reading is ASCII with a few Western accented letters is read as cp1252."""
    assert decode(text.encode(encoding)) == text


def test_valid_utf8_is_never_second_guessed() -> None:
    mojibake_looking = "Ã©tÃ©: this is what the article says, in UTF-8"
    assert decode(mojibake_looking.encode("utf-8")) == mojibake_looking


PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Gunmen attack market in Lagos | Daily Example</title>
<meta property="og:title" content="Gunmen attack market in Lagos">
<meta property="article:published_time" content="2015-11-17T09:30:00+01:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Gunmen attack market in Lagos</h1>
<p>Gunmen killed two people at a market in Lagos on Monday, police said.</p>
<p>At least five others were injured in the attack, which no group has claimed.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""


def test_html_is_detected_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(PAGE, encoding="utf-8")
    got = read(str(path))
    assert got.was_html and got.source == str(path)
    assert "Gunmen killed two people at a market in Lagos on Monday" in got.text
    assert "five others were injured" in got.text
    assert "<p>" not in got.text and "newsletter" not in got.text and "Home" not in got.text


def test_html_title_and_publication_date_are_extracted() -> None:
    got = load(PAGE.encode("utf-8"), "page")
    assert got.title == "Gunmen attack market in Lagos"
    assert got.published == "2015-11-17"


def test_from_html_takes_a_string() -> None:
    got = from_html(PAGE)
    assert got.was_html and got.published == "2015-11-17" and "Lagos" in got.text


def test_publication_date_comes_from_markup_never_from_the_story() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2015-11-17T09:30:00+01:00">', "")
    page = page.replace("on Monday", "on 13 November 2015")
    assert load(page.encode("utf-8")).published is None


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        PAGE.replace("utf-8", "windows-1252").replace("police said", "la préfecture a dit").encode("cp1252"),
    ],
    ids=["utf-16", "declared-cp1252"],
)
def test_html_in_other_encodings(data: bytes) -> None:
    got = load(data)
    assert got.was_html and got.published == "2015-11-17" and "Gunmen killed two people" in got.text


def test_html_declared_charset_beats_detection() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    got = load(page.encode("cp1251"))
    assert got.was_html and got.text == RUSSIAN


def test_html_fragment_is_extracted() -> None:
    fragment = "".join(f"<p>{sentence}.</p>\n" for sentence in RUSSIAN.split(":"))
    got = load(fragment.encode("utf-8"))
    assert got.was_html and "Москвы" in got.text and "<p>" not in got.text


@pytest.mark.parametrize(
    "page",
    [
        "<!doctype html><html><head><title>Breaking news</title></head><body></body></html>",
        "<html><body><script>var article = 'Gunmen killed two people';</script></body></html>",
        "<html><head><style>p { color: red }</style></head><body><!-- the article was here --></body></html>",
    ],
)
def test_html_without_a_body_is_refused(page: str) -> None:
    with pytest.raises(InputError, match=r"page\.html is an HTML page, but no article text"):
        load(page.encode("utf-8"), "page.html")


NAVIGATION = """<!doctype html><html><head><title>Daily News</title></head><body><nav><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/contact">Contact us</a></li></ul></nav></body></html>"""
LINKS = """<!doctype html><html><body><div><a href="/">Home</a> | <a href="/world">World news</a> |
<a href="/politics">Politics</a></div><div><a href="/about">About us</a> <a href="/privacy">Privacy</a></div>
</body></html>"""
COOKIES = """<!doctype html><html><head><title>Daily News</title></head><body><div><p>We use cookies to give
you the best experience on our website. By continuing to browse you agree to our use of cookies. See our
privacy policy for more information.</p><button>Accept all</button> <button>Manage settings</button></div>
</body></html>"""
CONSENT = """<html><body><div id="consent"><h2>Your privacy</h2><p>We and our partners store and access
information on your device, such as cookies, and process personal data for personalised ads and content,
ad and content measurement, audience research and services development.</p><a href="#">Accept</a>
<a href="#">Reject</a></div></body></html>"""


@pytest.mark.parametrize("page", [NAVIGATION, LINKS, COOKIES, CONSENT], ids=["nav", "links", "cookies", "consent"])
def test_a_page_of_boilerplate_has_no_article_text(page: str) -> None:
    """trafilatura returns what text a page has: link labels, a cookie banner. None of it is an article."""
    with pytest.raises(InputError, match=r"page\.html is an HTML page, but no article text"):
        load(page.encode("utf-8"), "page.html")


@pytest.mark.parametrize(
    "body",
    [
        "<p>Gunmen killed two people at a market in Lagos on Monday, police said.</p>",
        "<p>Gunmen killed two people.</p><p>Police said they used cookies as bait.</p>",  # the word alone is fine
        "<nav><a href='/'>Home</a></nav><p>A bomb exploded in Kabul on Tuesday, killing 12 people.</p>"
        "<div>We use cookies on this website to improve your experience.</div>",
    ],
)
def test_a_short_article_among_boilerplate_is_kept(body: str) -> None:
    page = load(f"<!doctype html><html><body><article>{body}</article></body></html>".encode(), "page.html")
    assert "killed" in page.text or "killing" in page.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PAGE, True),
        ("\n  <!-- saved by a browser -->\n<html><body>x</body></html>", True),
        ("<?xml version='1.0'?><!DOCTYPE html><html></html>", True),
        ("<p>One.</p><p>Two.</p><p>Three, with <b>bold</b>.</p>", True),
        (TEXT, False),
        ("Police said 3 < 5 > 2 and the suspect wrote <3 to his <ex-wife>.", False),
        ("Hackers replaced the ministry's home page with <h1>Hacked</h1> on Monday.", False),
        ("Gunmen killed two people.\n" * 200 + "<p>x</p>" * 4, False),  # tags after the first 4 KB
    ],
)
def test_is_html(text: str, expected: bool) -> None:
    assert is_html(text) is expected
