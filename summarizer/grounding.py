"""Grounding: where each quote is in the article, and whether it holds its fact.

Every fact the model reports carries a quote copied from the article. After
parsing, :func:`align` finds that quote and records a :class:`Span`: a character
interval into the original article string plus how it matched (the data model
of google/langextract: ``CharInterval`` + ``AlignmentStatus``). It tries, in
order, and stops at the first that works:

1. **exact**: the quote (stripped of outer whitespace) is a verbatim substring
   of the article; score 1.
2. **fuzzy, score 1**: the quote is a substring once both texts are *folded*:
   Unicode NFKC, case folded, whitespace runs collapsed to one space, curly
   quotes, apostrophes, primes and guillemets made straight, dashes and hyphen
   variants made ``-``, format characters (soft hyphen, zero-width space)
   dropped. The offsets are mapped back to the original article, so
   ``article[start:end]`` is the text as printed, curly quotes and all.
3. **fuzzy, score < 1**: the window of article words most like the quote's
   words, scored with difflib's ratio ``2 * matched / (quote words + window
   words)`` (punctuation ignored), when that reaches ``min_score``. A window is
   tried only if it could reach ``min_score``, which bounds its length to
   ``[n * s / (2 - s), n * (2 - s) / s]`` words for a quote of ``n`` words
   (-26% to +35% at the default 0.85). When the quote's first or last words match
   nothing, the span takes in as many article words beside the match (within
   the sentence), so a changed first or last word is still inside the span,
   unless that drops the score below ``min_score``.
4. **not_found**: ``start`` and ``end`` are None, score 0. An empty quote is
   never found.

"exact" means verbatim only: whatever needed folding or approximate matching is
"fuzzy", so a check for the quote as printed is ``status == "exact"``. When a
quote occurs more than once, the first occurrence (or, for approximate matches,
the best-scoring, then earliest, then shortest window) wins.

:func:`supports_number` and :func:`mentions` check that a quote holds its fact:
a casualty figure, a group or person's name.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from summarizer.casualties import Mention, attackers_dead, find, parse_number, reads, states
from summarizer.schema import AlignmentStatus, Count, Grounding, Incident, Responsibility, Span

__all__ = ["AlignmentStatus", "Span", "align", "ground", "mentions", "supports_count", "supports_number"]

_EPS = 1e-9
_STRAIGHT = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?\n]")
_Window = tuple[float, int, int]  # score (or its bound), first word, last word


_NOT_FOUND = Span(start=None, end=None, status="not_found", score=0.0)


@dataclass(frozen=True)
class _Folded:
    """Folded text, and for each of its characters the original span it came from."""

    text: str
    starts: list[int]
    ends: list[int]


@dataclass(frozen=True)
class _Indexed:
    """An article's folded text and words, kept between calls for the same article."""

    article: str
    folded: _Folded
    words: list[str]
    spans: list[tuple[int, int]]  # each word's offsets in the original article
    positions: dict[str, list[int]]  # word -> its indexes in ``words``


def _fold_piece(piece: str) -> str:
    if piece.isascii():
        return piece.lower()
    folded = unicodedata.normalize("NFKC", piece.translate(_STRAIGHT)).casefold().translate(_STRAIGHT)
    return "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")


def _fold(text: str) -> _Folded:
    """Fold ``text`` (see the module docstring), keeping the way back to the original offsets."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):  # a base character and its accents
            j += 1
        for ch in _fold_piece(text[i:j]):
            if ch.isspace() and out and out[-1] == " ":
                ends[-1] = j  # one space stands for the whole run
                continue
            out.append(" " if ch.isspace() else ch)
            starts.append(i)
            ends.append(j)
        i = j
    return _Folded("".join(out), starts, ends)


@lru_cache(maxsize=16)
def _index(article: str) -> _Indexed:
    folded = _fold(article)
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    positions: dict[str, list[int]] = {}
    for m in _WORD.finditer(folded.text):
        positions.setdefault(m.group(), []).append(len(words))
        words.append(m.group())
        spans.append((folded.starts[m.start()], folded.ends[m.end() - 1]))
    return _Indexed(article, folded, words, spans, positions)


def align(quote: str, article: str, *, min_score: float = 0.85) -> Span:
    """Find ``quote`` in ``article``: exactly, after folding, or approximately (see the module docstring)."""
    if not 0 < min_score <= 1:
        raise ValueError(f"min_score must be in (0, 1], got {min_score}")
    quote = quote.strip()
    if not quote:
        return _NOT_FOUND
    start = article.find(quote)
    if start >= 0:
        return Span(start=start, end=start + len(quote), status="exact", score=1.0)
    index = _index(article)
    folded = _fold(quote).text.strip()
    at = index.folded.text.find(folded) if folded else -1
    if at >= 0:
        end = index.folded.ends[at + len(folded) - 1]
        return Span(start=index.folded.starts[at], end=end, status="fuzzy", score=1.0)
    return _approximate(_WORD.findall(folded), index, min_score)


def _approximate(quote_words: list[str], index: _Indexed, min_score: float) -> Span:
    if not quote_words:
        return _NOT_FOUND
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(quote_words)
    best: _Window | None = None
    for bound, i, j in _candidates(quote_words, index, min_score):
        if best is not None and bound < best[0] - _EPS:
            break  # no window left can beat the best one
        matcher.set_seq1(index.words[i : j + 1])
        score = matcher.ratio()
        if score >= min_score - _EPS and _better((score, i, j), best):
            best = (score, i, j)
    if best is None:
        return _NOT_FOUND
    score, i, j = _widen(best, quote_words, index, min_score)
    return Span(start=index.spans[i][0], end=index.spans[j][1], status="fuzzy", score=round(score, 4))


def _better(window: _Window, than: _Window | None) -> bool:
    """The higher score wins; on a tie the earlier window, then the shorter one."""
    score, i, j = window
    return than is None or (score, -i, i - j) > (than[0], -than[1], than[1] - than[2])


def _candidates(quote_words: list[str], index: _Indexed, min_score: float) -> list[_Window]:
    """Windows of article words that start and end on a quote word and could reach ``min_score``, best first.

    A window of ``length`` words holding ``hits`` quote words scores at most
    ``2 * min(n, hits) / (n + length)``: that bound prunes all the others.
    """
    n = len(quote_words)
    hits = sorted({p for word in set(quote_words) for p in index.positions.get(word, ())})
    fewest = max(1, math.ceil(min_score * n / (2 - min_score) - _EPS))  # quote words a window needs
    longest = math.floor(n * (2 - min_score) / min_score + _EPS)
    found = []
    for a, first in enumerate(hits):
        for b in range(a + fewest - 1, len(hits)):
            length = hits[b] - first + 1
            if length > longest:
                break
            bound = 2 * min(n, b - a + 1) / (n + length)
            if bound >= min_score - _EPS:
                found.append((bound, first, hits[b]))
    return sorted(found, key=lambda c: (-c[0], c[1], c[2]))


def _widen(best: _Window, quote_words: list[str], index: _Indexed, min_score: float) -> _Window:
    """Take in the article words that stand for the quote's unmatched first and last words."""
    _, i, j = best
    blocks = SequenceMatcher(None, index.words[i : j + 1], quote_words, autojunk=False).get_matching_blocks()
    first, last = blocks[0], blocks[-2]  # the final block is difflib's empty sentinel
    lead = first.b - first.a
    trail = (len(quote_words) - last.b - last.size) - (j - i + 1 - last.a - last.size)
    while lead > 0 and i > 0 and not _breaks(index, i - 1):
        i, lead = i - 1, lead - 1
    while trail > 0 and j + 1 < len(index.words) and not _breaks(index, j):
        j, trail = j + 1, trail - 1
    score = SequenceMatcher(None, index.words[i : j + 1], quote_words, autojunk=False).ratio()
    return (score, i, j) if score >= min_score - _EPS else best


def _breaks(index: _Indexed, word: int) -> bool:
    """Whether a sentence or line ends between article word ``word`` and the next one."""
    gap = index.article[index.spans[word][1] : index.spans[word + 1][0]]
    return bool(_SENTENCE_END.search(gap))


_SCALES = frozenset({"hundred", "thousand", "dozen"})
_ZERO = re.compile(r"\b(?:zero|none|nobody|no[ -]one)\b")
# One: "a man", "a single shot", or a singular verb before a casualty word ("Nathan was shot and killed").
_ONE = re.compile(
    r"\b(?:an?|single)\b|\b(?:was|has been)\s+(?:\w+\s+){0,3}?(?:killed|dead|slain|murdered|wounded|injured)\b"
    r"|\b(?:he|she)\s+died\b"  # "he died"; and (the quote is folded) "Jordan died", not "three died":
    r"|^(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|both|all|many|several|they|we|you|who)\b)"
    r"[a-z'-]+\s+died\b"
)
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # not "3.5", not "12,34"
_NUMBER_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _numbers(text: str) -> set[int]:
    """Every whole number ``text`` states in digits or in words ('1,200', 'twenty-one', 'two hundred')."""
    values = {int(raw.replace(",", "")) for raw in _DIGITS.findall(text) if _WHOLE.fullmatch(raw)}
    words = _NUMBER_WORDS.findall(text)
    i = 0
    while i < len(words):  # the longest phrase at each word: "two hundred" is 200, not 2 and 100
        for size in (3, 2, 1):
            value = _number_phrase(words[i : i + size])
            if value is not None:
                values.add(value)
                break
        i += size
    return values


def _number_phrase(words: list[str]) -> int | None:
    """A number word and the scale words after it ('two hundred', 'a dozen'); parse_number can't read more."""
    if not words or any(w not in _SCALES for w in words[1:]):
        return None
    return parse_number(" ".join(words))


def supports_number(quote: str, number: int) -> bool:
    """Whether ``quote`` states ``number``, in digits ('129', '1,200') or words ('seven', 'twenty-one')."""
    text = _fold(quote).text
    if number == 0 and _ZERO.search(text):
        return True
    if number == 1 and _ONE.search(text):  # "a man was killed", "the death of a civilian"
        return True
    if number == 1 and any(_one(quote, mention) for mention in find(quote)):  # "the murder of Jaime Pardo Leal"
        return True
    return number in _numbers(_ZERO.sub(" ", text))  # the "one" of "no one" is no number


def _one(quote: str, mention: Mention) -> bool:
    """Whether the readers read one victim there, not the "one" of "no one"."""
    return mention.number == 1 and not re.search(r"\bno\s*$", quote[: mention.start], re.IGNORECASE)


def supports_count(text: str, number: int, field: str) -> bool:
    """The one definition of a figure's support: the casualty readers read that figure of that kind in
    ``text`` (:func:`summarizer.casualties.reads`), or ``text`` states ``number`` and speaks of deaths
    (``field`` "killed"), injuries ("injured") or dead attackers ("perpetrators_killed") with it."""
    if field == "perpetrators_killed":
        return attackers_dead(text, number)
    return reads(text, number, field) or (supports_number(text, number) and states(text, number, field))


_ARTICLES = frozenset({"the", "a", "an"})
_GENERIC = frozenset({"group", "organisation", "organization", "movement", "s"})  # "s": the rest of "X's"


def mentions(quote: str, name: str) -> bool:
    """Whether ``quote`` names ``name``: each of its significant words is a word of the quote.

    Case, punctuation and word order are ignored, and so are articles (the, a,
    an) and generic words such as "group" ("the Islamic State group" is named by
    "“Islamic state”"). A short all-capital acronym ("IS") must be in capitals,
    so that the verb "is" does not name the Islamic State. A name with a part in
    brackets ("Islamic State (ISIS)") is named by either part.
    """
    words = set(_WORD.findall(_fold(quote).text))
    capitals = set(_WORD.findall(unicodedata.normalize("NFKC", quote)))
    variants = [re.sub(r"\([^)]*\)", " ", name), *re.findall(r"\(([^)]*)\)", name)]
    return any(_names(variant, words, capitals) for variant in variants)


def _names(name: str, words: set[str], capitals: set[str]) -> bool:
    raw = [w for w in _WORD.findall(unicodedata.normalize("NFKC", name)) if w.casefold() not in _ARTICLES]
    significant = [w for w in raw if w.casefold() not in _GENERIC] or raw
    if not significant:
        return False
    return all(w in capitals if _acronym(w) else _fold(w).text in words for w in significant)


def _acronym(word: str) -> bool:
    return word.isalpha() and word.isupper() and len(word) <= 3


# The facts of a summary, their quotes, and what each quote must state.


@dataclass
class _Tally:
    policy: str
    counts: dict[str, int]
    unsupported: list[str]
    dropped: int = 0


def _count_field(path: str) -> str:
    """``killed``, ``injured`` or ``perpetrators_killed`` from a fact's path (other reports are deaths)."""
    name = path.rsplit(".", 1)[-1]
    return "killed" if name.startswith("other_reports") else name


def _supported(fact: object, quote: str, path: str) -> bool:
    if isinstance(fact, Count):
        return supports_count(quote, fact.number, _count_field(path))
    if isinstance(fact, Responsibility):
        return mentions(quote, fact.party)
    return True


def _check(fact: Any, quote: str, path: str, article: str, tally: _Tally) -> Any:
    """The fact with its span; None when it is unsupported and the policy drops it."""
    span = align(quote, article)
    tally.counts[span.status] += 1
    if span.found and _supported(fact, quote, path):
        return fact.model_copy(update={"span": span})
    tally.unsupported.append(path)
    if tally.policy == "drop":
        tally.dropped += 1
        return None
    return fact.model_copy(update={"span": span})


def _ground_incident(incident: Incident, n: int, article: str, tally: _Tally) -> Incident:
    at = f"incidents[{n}]"
    update: dict[str, Any] = {}
    for role in ("perpetrators", "victims", "targets", "responsibility", "weapons"):
        facts = [_check(f, f.quote, f"{at}.{role}[{k}]", article, tally) for k, f in enumerate(getattr(incident, role))]
        update[role] = [f for f in facts if f is not None]
    c = incident.casualties
    others = [
        _check(o, o.quote, f"{at}.casualties.other_reports[{k}]", article, tally) for k, o in enumerate(c.other_reports)
    ]
    update["casualties"] = c.model_copy(
        update={
            **{
                name: _check(count, count.quote, f"{at}.casualties.{name}", article, tally) if count else None
                for name, count in (
                    ("killed", c.killed),
                    ("injured", c.injured),
                    ("perpetrators_killed", c.perpetrators_killed),
                )
            },
            "other_reports": [o for o in others if o is not None],
        }
    )
    if incident.where:
        update["where"] = _check(incident.where, incident.where.text, f"{at}.where", article, tally)
    if incident.when:
        update["when"] = _check(incident.when, incident.when.text, f"{at}.when", article, tally)
    return incident.model_copy(update=update)


def ground(incidents: list[Incident], article: str, policy: str = "flag") -> tuple[list[Incident], Grounding]:
    """Align every fact's quote with the article; flag or drop facts the article does not support."""
    tally = _Tally(policy, {"exact": 0, "fuzzy": 0, "not_found": 0}, [])
    grounded = [_ground_incident(incident, n, article, tally) for n, incident in enumerate(incidents)]
    report = Grounding(policy=policy, **tally.counts, unsupported=tally.unsupported, dropped=tally.dropped)  # type: ignore[arg-type]
    return grounded, report
