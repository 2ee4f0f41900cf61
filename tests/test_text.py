"""The forms in which the rules compare text (summarizer.text)."""

from __future__ import annotations

import pytest

from summarizer.text import fold, squash


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Al-Qa'ida", "al qaida"),  # hyphens a space, apostrophes dropped
        ("al\u2011Qa\u2019ida", "Al Qaida"),  # a non-breaking hyphen, a curly apostrophe
        ("PERÚ", "Peru"),  # accents and case
        ("the Islamic State's", "Islamic State"),  # a possessive and a leading article
        ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
        ("Trinidad  and\tTobago", "trinidad and tobago"),  # runs of spaces
        ("U.S.", "u s"),  # every punctuation mark a space
        ("\uff29\uff33\uff29\uff2c", "isil"),  # full-width letters (NFKC)
    ],
)
def test_names_written_differently_fold_alike(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_only_a_leading_article_is_dropped() -> None:
    assert fold("The Hague") == "hague"
    assert fold("Shining Path of the Andes") == "shining path of the andes"
    assert fold("") == ""


def test_a_squashed_passage_keeps_its_words_and_punctuation() -> None:
    assert squash("  At LEAST 12\npeople were\tkilled. ") == "at least 12 people were killed."
    assert squash("Al-Qa'ida") != squash("al qaida")  # a quote must be the article's own words
