"""Fuzzing the article loader: whatever the bytes, an Article of usable text or an InputError, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import InputError
from summarizer.article import Article, decode, from_html, load

FUZZ = settings(max_examples=200, deadline=None, database=None)  # no example database written into the tree
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1251", "cp1252", "latin-1", "koi8-r"]
HTML_PIECES = [
    "<!doctype html>",
    "<?xml version='1.0' encoding='utf-8'?>",
    "<html>",
    "<head>",
    "<title>",
    "</title>",
    "<meta charset='windows-1251'>",
    "<meta charset=base64>",
    "<meta property='article:published_time' content='2015-11-17T09:30:00Z'>",
    "<meta property='article:published_time' content='9999-99-99'>",
    "<body>",
    "<article>",
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<table><tr><td>",
    "<br/>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "Gunmen killed two people in Lagos on Monday, police said.",
]


def assert_article_or_input_error(data: bytes) -> None:
    try:
        article = load(data, "fuzz")
    except InputError:
        return
    assert isinstance(article, Article)
    assert isinstance(article.text, str) and article.text.strip() and "\x00" not in article.text
    assert article.published is None or len(article.published) == 10


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    assert_article_or_input_error(data)


@FUZZ
@given(st.text(max_size=2000), st.sampled_from(ENCODINGS))
def test_arbitrary_text_in_several_encodings(text: str, encoding: str) -> None:
    assert_article_or_input_error(text.encode(encoding, "replace"))


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=40)), max_size=40), st.sampled_from(ENCODINGS))
def test_arbitrary_html_ish_strings(pieces: list[str], encoding: str) -> None:
    assert_article_or_input_error("".join(pieces).encode(encoding, "replace"))


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(HTML_PIECES), st.text(max_size=40)), max_size=40))
def test_from_html_on_arbitrary_strings(pieces: list[str]) -> None:
    try:
        article = from_html("".join(pieces))
    except InputError:
        return
    assert article.was_html and article.text.strip() and "\x00" not in article.text


@FUZZ
@given(st.text(min_size=1, max_size=2000).filter(lambda t: "\x00" not in t and t.strip() and t[0] != "\ufeff"))
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_text_round_trips(encoding: str, text: str) -> None:
    assert decode(text.encode(encoding)) == text
