"""Splitting long articles: budgets, offsets, coverage, overlap and progress (no model needed)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.chunking import Chunk, estimate_tokens, split

SENTENCES = [
    "Gunmen opened fire on a market in Lagos on Monday, police said.",
    "At least 12 people were killed and 30 others were injured.",
    "No group has claimed responsibility for the attack so far!",
    "Witnesses said the attackers arrived on motorcycles?",
    "The army sent reinforcements to the area in the evening.",
]


def article(paragraphs: int, sentences: int = 4) -> str:
    return "\n\n".join(
        " ".join(SENTENCES[(p + s) % len(SENTENCES)] for s in range(sentences)) for p in range(paragraphs)
    )


def check(text: str, chunks: list[Chunk], max_tokens: int) -> None:
    """The invariants every split keeps."""
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end]
        assert chunk.start < chunk.end or len(text) == 0
        assert estimate_tokens(chunk.text) <= max_tokens
    for before, after in pairwise(chunks):
        assert before.start < after.start <= before.end < after.end  # no gap, and always progress


def test_estimate_is_about_one_token_per_3_5_latin_characters() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("abc") == 1
    assert estimate_tokens("a" * 7) == 2
    assert estimate_tokens("a" * 8) == 3  # rounded up


def test_estimate_counts_each_non_ascii_character_as_a_token() -> None:
    assert estimate_tokens("Москва") == 6
    assert estimate_tokens("北京市") == 3
    assert estimate_tokens("Kyiv, Київ") == 2 + 4


def test_an_article_that_fits_is_one_chunk() -> None:
    text = article(3)
    assert split(text, max_tokens=estimate_tokens(text), overlap_tokens=10) == [Chunk(text, 0, len(text))]


def test_a_long_article_is_cut_after_paragraphs_and_overlaps_by_whole_sentences() -> None:
    text = article(30)
    chunks = split(text, max_tokens=300, overlap_tokens=60)
    assert len(chunks) > 3
    check(text, chunks, 300)
    for before, after in pairwise(chunks):
        assert before.text.endswith("\n\n")  # cut at a paragraph
        shared = text[after.start : before.end]
        assert 0 < estimate_tokens(shared) <= 60
        assert shared.rstrip()[-1] in ".!?" and text[: after.start].rstrip()[-1] in ".!?"  # whole sentences


def test_without_overlap_the_chunks_meet_exactly() -> None:
    text = article(30)
    chunks = split(text, max_tokens=200, overlap_tokens=0)
    check(text, chunks, 200)
    assert all(before.end == after.start for before, after in pairwise(chunks))
    assert "".join(chunk.text for chunk in chunks) == text


def test_one_paragraph_is_cut_after_sentences() -> None:
    text = " ".join(SENTENCES * 20)
    chunks = split(text, max_tokens=150, overlap_tokens=30)
    check(text, chunks, 150)
    assert all(chunk.text.rstrip()[-1] in ".!?" for chunk in chunks)


def test_one_enormous_sentence_is_cut_between_words() -> None:
    text = " ".join(["casualties"] * 2000)
    chunks = split(text, max_tokens=100, overlap_tokens=20)
    check(text, chunks, 100)
    assert all(chunk.text.startswith("casualties") for chunk in chunks)


def test_one_enormous_word_is_cut_between_characters() -> None:
    text = "x" * 5000
    chunks = split(text, max_tokens=100, overlap_tokens=20)
    check(text, chunks, 100)
    assert len(chunks) == -(-5000 // 350)  # no overlap inside a word: 350 characters each


def test_cyrillic_is_budgeted_by_characters() -> None:
    sentence = "Во вторник в Москве неизвестные открыли огонь: погибли три человека. "  # noqa: RUF001
    text = (sentence * 3 + "\n") * 20
    chunks = split(text, max_tokens=300, overlap_tokens=60)
    check(text, chunks, 300)
    assert len(chunks) >= len(text) // 300
    assert all(chunk.text.endswith("\n") for chunk in chunks)


@pytest.mark.parametrize(("max_tokens", "overlap_tokens"), [(49, 0), (300, 150), (100, 60), (100, -1)])
def test_impossible_budgets_are_refused(max_tokens: int, overlap_tokens: int) -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        split("text", max_tokens=max_tokens, overlap_tokens=overlap_tokens)


PIECES = st.sampled_from(["a", "Word", "kill", " ", "  ", "\n", "\n\n", ". ", "! ", "? ", "é", "Ж", "北", "."])


@settings(max_examples=150, deadline=None, database=None)  # no example database written into the tree
@given(
    text=st.lists(PIECES, max_size=600).map("".join) | st.text(max_size=400),
    max_tokens=st.integers(50, 120),
    overlap=st.integers(0, 30),
)
def test_any_text_is_covered_within_budget(text: str, max_tokens: int, overlap: int) -> None:
    overlap = min(overlap, (max_tokens - 1) // 2)
    check(text, split(text, max_tokens, overlap), max_tokens)
