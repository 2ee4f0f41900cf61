"""The sentences of an article, as the model sees them numbered and as the rules read them.

A sentence ends at ".", "!" or "?" followed by white space or the end of the text, and at a
blank line. It runs on over a single line break: wire copy (all of MUC-4) is hard-wrapped,
and a figure's source or a statement's speaker is often on the line before. A full stop that
closes a title or an abbreviation ("Sgt.", "Lt.", "St.", "Gen.", "Calif."), an initial ("J.")
or a dotted acronym ("U.S.", "p.m.") ends no sentence. A wire dateline, with the bracketed tags
that follow it ("SAN SALVADOR, 19 MAR 89 (ACAN-EFE) -- [TEXT]"), is a sentence of its own: a
statement quoted from the first sentence does not begin with the report's place and day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A wire dateline ("BOGOTA, 30 AUG 89 (INRAVISION) --", "PARIS, Nov 14 (Reuters) -"; no dash inside its
# brackets ends it: "(ACAN - EFE) --"): the day of the report, not of the incident; then the wire's
# bracketed tags ("[TEXT]", "[REPORT] [RENANCIO RAMIREZ] [TEXT]").
DATELINE = re.compile(
    r"\A\s*[A-Z][^\n]{0,80}?,\s+[^\n]{0,40}?\d(?:[^\n(]|\([^()\n]{0,60}\)){0,120}?\s(?:--|-|\u2014|\u2013)\s"
    r"(?:\s*\[[^\[\]]{1,120}\])*\s*",
    re.S,
)
_END = re.compile(r"[.!?]+(?=\s|$)|\n[ \t]*\n")
# Words that a full stop follows without ending the sentence: titles, ranks and common abbreviations.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "sgt",
        "lt",
        "col",
        "gen",
        "capt",
        "cpl",
        "pvt",
        "maj",
        "adm",
        "cmdr",
        "rev",
        "gov",
        "sen",
        "rep",
        "pres",
        "insp",
        "supt",
        "det",
        "ofc",
        "dep",
        "atty",
        "inc",
        "corp",
        "ltd",
        "bros",
        "dept",
        "univ",
        "ave",
        "blvd",
        "rd",
        "hwy",
        "mt",
        "ft",
        "jan",
        "feb",
        "apr",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "vs",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "fla",
        "kan",
        "ky",
        "md",
        "mich",
        "minn",
        "mont",
        "neb",
        "nev",
        "okla",
        "tenn",
        "tex",
        "vt",
        "wis",
        "wyo",
    ]
)
_WORD_BEFORE = re.compile(r"(?:\b|^)([A-Za-z]+(?:\.[A-Za-z]+)*)$")


def _no_end(text: str, dot: int) -> bool:
    """Whether the single full stop at ``dot`` closes an abbreviation, an initial or a dotted acronym."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if m is None:
        return False
    word = m.group(1)
    if "." in word:  # U.S, p.m, a.m
        return True
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.casefold() in _ABBREVIATIONS and not word.isupper()  # "ST." in upper-case wire copy is ambiguous


def spans(text: str) -> Iterator[tuple[int, int]]:
    """Each sentence's ``(start, end)`` in ``text``, in order, without the white space around it."""
    lead = DATELINE.match(text)
    start = lead.end() if lead else 0
    yield from _stripped(text, 0, start)
    for m in _END.finditer(text, start):
        mark = m.group(0)
        if mark == "." and _no_end(text, m.start()):
            continue
        end = m.end() if mark[0] in ".!?" else m.start()
        yield from _stripped(text, start, end)
        start = m.end()
    yield from _stripped(text, start, len(text))


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if piece.strip():
        yield start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` (from the one it starts in to the one it ends in)."""
    first = last = None
    for s, e in spans(text):
        if first is None and start < e:
            first = s
        if end <= e or e >= len(text.rstrip()):
            last = e
            break
    if first is None or last is None:
        return text[start:end].strip()
    return text[min(first, start) : max(last, end)].strip()
