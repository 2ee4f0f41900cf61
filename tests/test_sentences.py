"""Sentences as the rules read them (summarizer.sentences)."""

from __future__ import annotations

from summarizer.sentences import around, spans

WIRE = (
    "SAN SALVADOR, 12 APR 89 -- THE ARMY SAID THAT\nFIVE SOLDIERS WERE KILLED. IT BLAMED THE FMLN!\n\n"
    "   A NEW PARAGRAPH WITHOUT A FULL STOP\n\nIS IT OVER? 7.5 KG OF TNT"
)


def test_a_sentence_runs_on_over_a_line_break_and_stops_at_a_blank_line_or_a_full_stop() -> None:
    assert [WIRE[s:e] for s, e in spans(WIRE)] == [
        "SAN SALVADOR, 12 APR 89 -- THE ARMY SAID THAT\nFIVE SOLDIERS WERE KILLED.",
        "IT BLAMED THE FMLN!",
        "A NEW PARAGRAPH WITHOUT A FULL STOP",
        "IS IT OVER?",
        "7.5 KG OF TNT",
    ]


def test_the_sentence_around_words_holds_the_line_before_them() -> None:
    at = WIRE.index("FIVE SOLDIERS")
    assert around(WIRE, at, at + len("FIVE SOLDIERS")).startswith("SAN SALVADOR, 12 APR 89 -- THE ARMY SAID")
    at = WIRE.index("TNT")
    assert around(WIRE, at, at + 3) == "7.5 KG OF TNT"


def test_words_across_two_sentences_get_both() -> None:
    start, end = WIRE.index("KILLED"), WIRE.index("BLAMED") + len("BLAMED")
    assert around(WIRE, start, end) == WIRE[: WIRE.index("FMLN!") + len("FMLN!")]


def test_titles_abbreviations_initials_and_dotted_acronyms_end_no_sentence() -> None:
    text = (
        "Sgt. John F. Smith of the U.S. Army said at 3 p.m. Sunday that St. Louis police arrested a man "
        "in Fresno, Calif. on Monday. He said no. It ended."
    )
    assert [text[s:e] for s, e in spans(text)] == [text[: text.index(" He said")], "He said no.", "It ended."]
