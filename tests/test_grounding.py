"""Grounding: quotes aligned to character spans of the article, and facts checked against their quotes."""

# The curly quotes, dashes and full-width letters below are what these tests are about.
# ruff: noqa: RUF001

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer.grounding import Span, align, mentions, supports_count, supports_number

ARTICLE = (Path(__file__).resolve().parent / "fixtures" / "reference.txt").read_text(encoding="utf-8")
STRAIGHT = str.maketrans({"“": '"', "”": '"', "’": "'", "–": "-"})


def _plain(text: str) -> str:
    """What folding keeps of a text, for comparing a quote with its span."""
    return " ".join(text.translate(STRAIGHT).split()).casefold()


def _text(span: Span, article: str = ARTICLE) -> str:
    assert span.start is not None and span.end is not None
    assert 0 <= span.start <= span.end <= len(article)
    return article[span.start : span.end]


# Exact: verbatim substrings, offsets in characters of the non-ASCII article.


@pytest.mark.parametrize(
    "quote",
    [
        "“Islamic state”",
        "– said the press service of the Kremlin",
        "In the capital’s suburb of Saint-Denis",
        "“dzhebhat EN-Nusra”",
        "killed 129 people, and about 350 were injured",
    ],
)
def test_verbatim_quote_is_exact_at_its_first_occurrence(quote: str) -> None:
    span = align(quote, ARTICLE)
    assert span == Span(start=ARTICLE.index(quote), end=ARTICLE.index(quote) + len(quote), status="exact", score=1.0)
    assert _text(span) == quote


def test_curly_quoted_name_is_found_where_the_article_has_it() -> None:
    span = align("“Islamic state”", ARTICLE)
    assert _text(span) == "“Islamic state”"
    assert ARTICLE[: span.start or 0].endswith("the terrorist group ")  # the first of its two occurrences


def test_outer_whitespace_of_the_quote_is_not_part_of_the_span() -> None:
    span = align("  Another was killed by police.\n", ARTICLE)
    assert span.status == "exact"
    assert _text(span) == "Another was killed by police."


# Fuzzy after folding: same words, other quotes, dashes, case or spaces; score 1, span as printed.


@pytest.mark.parametrize(
    ("quote", "printed"),
    [
        ('"Islamic state"', "“Islamic state”"),
        ("- said the press service of the Kremlin", "– said the press service of the Kremlin"),
        ("— said the press service of the Kremlin", "– said the press service of the Kremlin"),
        ("In the capital's suburb", "In the capital’s suburb"),
        ("ANOTHER WAS KILLED BY POLICE", "Another was killed by police"),
        ("another   was killed\tby police", "Another was killed by police"),
        ("bombings.\nAttacks made seven terrorists", "bombings.\n\nAttacks made seven terrorists"),
        ('Syria," - said the press service', "Syria,” – said the press service"),
    ],
)
def test_folded_quote_is_fuzzy_with_the_span_as_printed(quote: str, printed: str) -> None:
    span = align(quote, ARTICLE)
    assert (span.status, span.score) == ("fuzzy", 1.0)
    assert _text(span) == printed
    assert span.start == ARTICLE.index(printed)


def test_quote_across_the_articles_wrapped_lines() -> None:
    paragraph = next(p for p in ARTICLE.split("\n\n") if p.startswith("According to the latest data"))
    wrapped = ARTICLE.replace(paragraph, textwrap.fill(paragraph, width=40))
    quote = "as a result of attacks of terrorists killed 129 people"
    assert quote not in wrapped  # the article breaks a line inside it

    span = align(quote, wrapped)
    assert span.status == "fuzzy"
    assert "\n" in _text(span, wrapped)
    assert _plain(_text(span, wrapped)) == quote


@pytest.mark.parametrize(
    ("article", "quote", "printed"),
    [
        ("The \ufb01re at the cafe\u0301 spread.", "fire at the café", "\ufb01re at the cafe\u0301"),  # NFKC, accents
        ("Police said 129\u00a0people died.", "129 people died", "129\u00a0people died"),  # no-break space
        ("Die Straße war gesperrt.", "STRASSE WAR", "Straße war"),  # one character folds to two
        ("IN DER STRASSE", "straße", "STRASSE"),
        ("a sui\u00adcide bomber", "suicide bomber", "sui\u00adcide bomber"),  # soft hyphen
        ("ＩＳ fighters", "IS fighters", "ＩＳ fighters"),  # full-width letters
    ],
)
def test_folding_maps_offsets_back_to_the_original_characters(article: str, quote: str, printed: str) -> None:
    span = align(quote, article)
    assert span.status == "fuzzy"
    assert _text(span, article) == printed


# Fuzzy by approximate matching: a word changed, dropped or added.


@pytest.mark.parametrize(
    ("quote", "printed"),
    [
        (  # a word in the middle changed
            "Attacks made seven gunmen, six of whom blew himself up",
            "Attacks made seven terrorists, six of whom blew himself up",
        ),
        (  # the last word changed: the span still takes in the article's word for it
            "as a result of attacks of terrorists killed 129 people, and about 350 were hurt",
            "as a result of attacks of terrorists killed 129 people, and about 350 were injured",
        ),
        (  # the first word changed; the title has most of these words too, but fewer
            "Leaders Vladimir Putin and Francois Hollande will meet in Moscow November 26",
            "Presidents Vladimir Putin and Francois Hollande will meet in Moscow November 26",
        ),
        (  # a word dropped
            "killed 129 people, and 350 were injured",
            "killed 129 people, and about 350 were injured",
        ),
        (  # a word added, and the article's quotation marks left out
            "He later stated that the responsibility for the attack bears the terrorist group called Islamic state",
            "He later stated that the responsibility for the attack bears the terrorist group “Islamic state",
        ),
    ],
)
def test_slightly_paraphrased_quote_is_fuzzy_with_the_right_span(quote: str, printed: str) -> None:
    span = align(quote, ARTICLE)
    assert span.status == "fuzzy"
    assert 0.85 <= span.score < 1
    assert _text(span) == printed


def test_quote_that_differs_only_in_punctuation_matches_its_words() -> None:
    span = align("'Islamic state'", ARTICLE)  # single quotes for the article's double ones
    assert (span.status, span.score) == ("fuzzy", 1.0)
    assert _text(span) == "Islamic state"
    assert ARTICLE[: span.start or 0].endswith("the terrorist group “")


def test_span_grows_over_a_changed_edge_word_but_not_into_the_next_sentence() -> None:
    span = align("Yesterday another was killed by police officers", ARTICLE, min_score=0.8)
    assert span.status == "fuzzy"
    assert _text(span) == "Another was killed by police"


def test_min_score_decides_how_far_a_quote_may_stray() -> None:
    quote = "Attacks made seven gunmen, six of whom blew themselves up"  # two words changed of eleven
    assert align(quote, ARTICLE).status == "not_found"
    assert _text(align(quote, ARTICLE, min_score=0.75)).startswith("Attacks made seven terrorists")


@pytest.mark.parametrize("min_score", [0.0, -0.1, 1.5])
def test_min_score_out_of_range_is_refused(min_score: float) -> None:
    with pytest.raises(ValueError, match="min_score"):
        align("Bataclan", ARTICLE, min_score=min_score)


# Not found.


@pytest.mark.parametrize(
    "quote",
    [
        "",
        "   \n\t",
        "...",
        "The hostages were freed unharmed after a six-hour siege",
        "Putin said the French navy will join",
        "the of and to in a was that for on said with the of the",
        "Hollandee",  # a misspelt word: approximate matching compares whole words
    ],
)
def test_quote_not_in_the_article_is_not_found(quote: str) -> None:
    assert align(quote, ARTICLE) == Span(start=None, end=None, status="not_found", score=0.0)


# Every found span holds its quote.


def _ngrams(size: int, step: int) -> list[str]:
    words = ARTICLE.split()
    return [" ".join(words[i : i + size]) for i in range(0, len(words) - size, step)]


@pytest.mark.parametrize("quote", _ngrams(6, 7) + _ngrams(17, 23))
def test_found_span_holds_the_quote_however_it_is_written(quote: str) -> None:
    for variant in (quote, quote.upper(), quote.translate(STRAIGHT), quote.replace(" ", "\n ")):
        span = align(variant, ARTICLE)
        assert span.found
        assert _plain(_text(span)) == _plain(variant)
        assert span.status == ("exact" if variant in ARTICLE else "fuzzy")


def test_property_found_spans_lie_inside_the_article_and_hold_the_quote() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(st.integers(0, len(ARTICLE)), st.integers(1, 200), st.booleans())
    def check(start: int, length: int, shout: bool) -> None:
        quote = ARTICLE[start : start + length]
        span = align(quote.upper() if shout else quote, ARTICLE)
        assert span.found == bool(quote.strip())
        if span.found:
            assert _plain(_text(span)) == _plain(quote)
            if not shout:
                assert (span.status, span.start) == ("exact", ARTICLE.index(quote.strip()))

    check()


def test_property_any_quote_gives_a_well_formed_span() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(st.text(max_size=80))
    def check(quote: str) -> None:
        span = align(quote, ARTICLE)
        assert 0 <= span.score <= 1
        if span.found:
            _text(span)
        else:
            assert (span.start, span.end, span.score) == (None, None, 0.0)

    check()


# The span's own rules.


def test_span_refuses_inconsistent_values() -> None:
    with pytest.raises(ValidationError, match="not_found"):
        Span(start=3, end=5, status="not_found", score=0.0)
    with pytest.raises(ValidationError, match="not_found"):
        Span(start=None, end=None, status="fuzzy", score=0.9)
    with pytest.raises(ValidationError, match="after end"):
        Span(start=5, end=3, status="exact", score=1.0)
    with pytest.raises(ValidationError):
        Span(start=0, end=3, status="exact", score=1.5)
    with pytest.raises(ValidationError):
        Span.model_validate({"start": 0, "end": 3, "status": "exact", "score": 1.0, "text": "abc"})


def test_span_is_frozen_and_round_trips_through_json() -> None:
    span = align('"Islamic state"', ARTICLE)
    assert Span.model_validate_json(span.model_dump_json()) == span
    with pytest.raises(ValidationError):
        span.start = 0


# Does the quote hold its fact?


@pytest.mark.parametrize(
    ("quote", "number", "expected"),
    [
        ("killed 129 people", 129, True),
        ("killed 129 people", 12, False),
        ("1290 people", 129, False),
        ("more than 1,200 were injured", 1200, True),
        ("more than 1,200 were injured", 200, False),
        ("about 350 were injured", 350, True),
        ("Attacks made seven terrorists", 7, True),
        ("SEVEN TERRORISTS", 7, True),
        ("six of whom blew himself up", 6, True),
        ("Another was killed by police", 1, True),  # a singular verb before a casualty word says one
        ("Another was killed by police", 2, False),
        ("a man was shot", 1, True),
        ("police arrived", 1, False),
        ("he died", 1, True),
        ("Jordan died", 1, True),
        ("three died", 1, False),
        ("twenty-one dead", 21, True),
        ("twenty–one dead", 21, True),  # en dash
        ("twenty-one dead", 20, False),
        ("two hundred people", 200, True),
        ("two hundred people", 2, False),
        ("a dozen were hurt", 12, True),
        ("both guards died", 2, True),
        ("one person died", 1, True),
        ("no one was hurt", 0, True),
        ("no one was hurt", 1, False),
        ("3.5 kilometres away", 3, False),
        ("on the night of 14 November", 129, False),
        ("the terrorist group", 0, False),
        ("", 0, False),
    ],
)
def test_supports_number(quote: str, number: int, expected: bool) -> None:
    assert supports_number(quote, number) is expected


@pytest.mark.parametrize(
    ("quote", "name", "expected"),
    [
        ("the terrorist group “Islamic state” (banned in Russia)", "Islamic State", True),
        ("the terrorist group “Islamic state” (banned in Russia)", "the Islamic State group", True),
        ("the terrorist group “Islamic state” (banned in Russia)", "Islamic State (ISIS)", True),
        ("the terrorist group “Islamic state” (banned in Russia)", "ISIS", False),
        ("the terrorist group “Islamic state” (banned in Russia)", "the group", True),
        ("“Islamic state” and “dzhebhat EN-Nusra”", "dzhebhat EN-Nusra", True),
        ("“Islamic state” and “dzhebhat EN-Nusra”", "Dzhebhat en Nusra", True),
        ("“Islamic state” and “dzhebhat EN-Nusra”", "Jabhat al-Nusra", False),
        ("said the press service of the Kremlin", "the Kremlin", True),
        ("said the Kremlin", "Kremlin press service", False),
        ("Attacks made seven terrorists", "Islamic State", False),
        ("Attacks made seven terrorists", "seven terrorists", True),
        ("President Francois Hollande announced", "Francois Hollande", True),
        ("He later stated", "Francois Hollande", False),
        ("Hollande’s statement", "Hollande", True),
        ("the attack is over", "IS", False),  # the verb is not the group
        ("IS fighters attacked", "IS", True),
        ("in Bataclan the unknown took hostages", "the unknown", True),
        ("Bataclan", "", False),
        ("Bataclan", "the", False),
    ],
)
def test_mentions(quote: str, name: str, expected: bool) -> None:
    assert mentions(quote, name) is expected


@pytest.mark.parametrize(
    ("quote", "number", "field", "expected"),
    [
        # what the casualty readers read is supported: their own figures were flagged "not in article"
        ("shot six people", 6, "injured", True),
        ("sent three others to the hospital", 3, "injured", True),
        ("the fatal shooting of a 7-year-old", 1, "killed", True),
        ("fatally shooting his grandfather", 1, "killed", True),
        ("20 children and six adults were killed", 26, "killed", True),  # a sum the readers make
        # and what they read as the other kind, or not at all, is not
        ("left four men injured and one dead", 4, "killed", False),
        ("shot six people", 6, "killed", False),
        ("20 children and six adults were killed", 20, "injured", False),
    ],
)
def test_a_figure_is_supported_where_the_casualty_readers_read_it(
    quote: str, number: int, field: str, expected: bool
) -> None:
    assert supports_count(quote, number, field) is expected
