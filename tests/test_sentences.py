"""Sentences as the rules read them (summarizer.sentences)."""

from __future__ import annotations

from summarizer.sentences import around, spans

WIRE = (
    "SAN SALVADOR, 12 APR 89 -- THE ARMY SAID THAT\nFIVE SOLDIERS WERE KILLED. IT BLAMED THE FMLN!\n\n"
    "   A NEW PARAGRAPH WITHOUT A FULL STOP\n\nIS IT OVER? 7.5 KG OF TNT"
)


def test_a_sentence_runs_on_over_a_line_break_and_stops_at_a_blank_line_or_a_full_stop() -> None:
    assert [WIRE[s:e] for s, e in spans(WIRE)] == [
        "SAN SALVADOR, 12 APR 89 --",
        "THE ARMY SAID THAT\nFIVE SOLDIERS WERE KILLED.",
        "IT BLAMED THE FMLN!",
        "A NEW PARAGRAPH WITHOUT A FULL STOP",
        "IS IT OVER?",
        "7.5 KG OF TNT",
    ]


def test_the_sentence_around_words_holds_the_line_before_them() -> None:
    at = WIRE.index("FIVE SOLDIERS")
    assert around(WIRE, at, at + len("FIVE SOLDIERS")).startswith("THE ARMY SAID THAT\nFIVE")
    at = WIRE.index("TNT")
    assert around(WIRE, at, at + 3) == "7.5 KG OF TNT"


def test_words_across_two_sentences_get_both() -> None:
    start, end = WIRE.index("KILLED"), WIRE.index("BLAMED") + len("BLAMED")
    assert around(WIRE, start, end) == WIRE[WIRE.index("THE ARMY") : WIRE.index("FMLN!") + len("FMLN!")]


def test_a_wire_dateline_and_its_bracketed_tags_are_a_sentence_of_their_own() -> None:
    # MUC-4: a statement quoted from the first sentence began with the report's place, day and tags
    wire = (
        "SAN SALVADOR, 19 MAR 89 (RADIO CADENA YSKL) -- [REPORT] [RENANCIO\nRAMIREZ] [TEXT] THE ARMY ACCEPTED\n"
        "RESPONSIBILITY [FOR THE DEATHS]. IT SAID SO."
    )
    assert [wire[s:e] for s, e in spans(wire)] == [
        "SAN SALVADOR, 19 MAR 89 (RADIO CADENA YSKL) -- [REPORT] [RENANCIO\nRAMIREZ] [TEXT]",
        "THE ARMY ACCEPTED\nRESPONSIBILITY [FOR THE DEATHS].",
        "IT SAID SO.",
    ]
    dashed = "SAN SALVADOR, 17 JUN 89 (ACAN - EFE) -- [EXCERPTS] THE USIS REPORTED IT."  # no dash inside "(...)"
    assert next(dashed[s:e] for s, e in spans(dashed)) == "SAN SALVADOR, 17 JUN 89 (ACAN - EFE) -- [EXCERPTS]"
    agency = "ST. LOUIS, Mo., Nov 14 (AP) -- A man was shot. He died."  # no sentence ends inside the dateline
    assert [agency[s:e] for s, e in spans(agency)] == ["ST. LOUIS, Mo., Nov 14 (AP) --", "A man was shot.", "He died."]


def test_titles_abbreviations_initials_and_dotted_acronyms_end_no_sentence() -> None:
    text = (
        "Sgt. John F. Smith of the U.S. Army said at 3 p.m. Sunday that St. Louis police arrested a man "
        "in Fresno, Calif. on Monday. He said no. It ended."
    )
    assert [text[s:e] for s, e in spans(text)] == [text[: text.index(" He said")], "He said no.", "It ended."]
