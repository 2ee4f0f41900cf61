"""The facts of a summary as a reader checks them, and the article cut into highlighted pieces.

:func:`facts` lists every quoted fact of a :class:`Summary` (actors, weapons, place, time, casualty
figures, statements of responsibility) in the order the page shows them, main incident first, each
with its path in the summary (the paths of ``provenance.grounding.unsupported``), its field group and
a one-line label. :func:`pieces` cuts the article text at the facts' spans into text and
``<mark>`` open/close pieces that nest properly even where spans cross: a mark crossed by the end
of another is closed and reopened as a *continued* piece, so every fact still has exactly one
first piece (its anchor) and the pieces of one fact cover exactly its span.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import count, pairwise
from typing import Literal

from summarizer.render import QUALIFIER_WORDS
from summarizer.schema import Actor, Count, Incident, Place, Responsibility, Span, Summary, Weapon, When

Group = Literal["actors", "place_time", "casualties", "responsibility"]
GROUPS: dict[Group, str] = {
    "actors": "actors and weapons",
    "place_time": "place and time",
    "casualties": "casualties",
    "responsibility": "responsibility",
}
STATUS_WORDS = {"exact": "exact match", "fuzzy": "fuzzy match", "not_found": "not found in the article"}
_Quoted = Actor | Count | Place | Responsibility | Weapon | When
_COUNTS = (("killed", "killed"), ("injured", "injured"), ("perpetrators_killed", "perpetrators killed"))
_ACTORS = (("perpetrators", "perpetrator"), ("victims", "victim"), ("targets", "target"))


@dataclass(frozen=True)
class Fact:
    """One quoted fact, ready to show: where it sits in the summary and in the article."""

    id: int  # its position on the page, from 1
    card: int  # the number of its incident's card, from 1 (the main incident is card 1)
    path: str  # e.g. incidents[0].casualties.killed
    field: str  # e.g. "killed", "perpetrator", "where"
    group: Group
    value: str  # what the summary says, in words
    quote: str  # the article's words the summary gives for it
    span: Span | None
    supported: bool  # False when provenance.grounding lists it as unsupported

    @property
    def status(self) -> str:
        return self.span.status if self.span is not None else "not_found"

    @property
    def label(self) -> str:
        """What hovering its highlight shows."""
        flag = "" if self.supported else "; NOT SUPPORTED by the article"
        return f"Incident {self.card}, {self.field}: {self.value} ({STATUS_WORDS[self.status]}{flag})"

    def fits(self, text: str) -> bool:
        """Whether its span is a non-empty stretch of ``text``."""
        s = self.span
        return s is not None and s.start is not None and s.end is not None and 0 <= s.start < s.end <= len(text)


@dataclass
class Card:
    """One incident and its facts, by section."""

    number: int
    incident: Incident
    when: Fact | None = None
    where: Fact | None = None
    actors: list[Fact] = field(default_factory=list)
    counts: list[Fact] = field(default_factory=list)
    other_reports: list[Fact] = field(default_factory=list)
    responsibility: list[Fact] = field(default_factory=list)

    @property
    def facts(self) -> list[Fact]:
        where_when = [f for f in (self.when, self.where) if f is not None]
        return [*where_when, *self.actors, *self.counts, *self.other_reports, *self.responsibility]


def ordered(summary: Summary) -> list[tuple[int, Incident]]:
    """The incidents with their index in the summary, the main one first."""
    indexed = list(enumerate(summary.incidents))
    return sorted(indexed, key=lambda pair: not pair[1].main)


def cards(summary: Summary) -> list[Card]:
    """One card per incident, main first; fact ids run through the cards in page order."""
    unsupported = _unsupported_paths(summary)
    made: list[Card] = []
    next_id = 1
    for number, (n, incident) in enumerate(ordered(summary), start=1):
        card = _card(number, n, incident, unsupported, next_id)
        next_id += len(card.facts)
        made.append(card)
    return made


def facts(summary: Summary) -> list[Fact]:
    """Every quoted fact of the summary, in page order."""
    return [f for card in cards(summary) for f in card.facts]


def _unsupported_paths(summary: Summary) -> set[str]:
    """Paths of unsupported facts still in the summary (under policy drop they were removed, so none is)."""
    g = summary.provenance.grounding
    return set(g.unsupported) if g is not None and g.policy == "flag" else set()


def _card(number: int, n: int, incident: Incident, unsupported: set[str], first_id: int) -> Card:
    card = Card(number, incident)
    ids = count(first_id)  # in the order of Card.facts
    at = f"incidents[{n}]"

    def make(path: str, name: str, group: Group, value: str, fact: _Quoted) -> Fact:
        quote = fact.text if isinstance(fact, Place | When) else fact.quote
        return Fact(next(ids), number, path, name, group, value, quote, fact.span, path not in unsupported)

    if incident.when:
        card.when = make(f"{at}.when", "when", "place_time", _when(incident.when), incident.when)
    if incident.where:
        card.where = make(f"{at}.where", "where", "place_time", _where(incident.where), incident.where)
    for role, name in _ACTORS:
        for k, actor in enumerate(getattr(incident, role)):
            card.actors.append(make(f"{at}.{role}[{k}]", name, "actors", _actor(actor), actor))
    for k, weapon in enumerate(incident.weapons):
        card.actors.append(make(f"{at}.weapons[{k}]", "weapon", "actors", weapon.quote, weapon))
    c = incident.casualties
    for name, words in _COUNTS:
        figure = getattr(c, name)
        if figure is not None:
            card.counts.append(make(f"{at}.casualties.{name}", words, "casualties", count_words(figure), figure))
    for k, other in enumerate(c.other_reports):
        path = f"{at}.casualties.other_reports[{k}]"
        card.other_reports.append(make(path, "other report of deaths", "casualties", count_words(other), other))
    for k, r in enumerate(incident.responsibility):
        path = f"{at}.responsibility[{k}]"
        card.responsibility.append(make(path, "responsibility", "responsibility", _responsibility(r), r))
    return card


def short_count(count: Count | None) -> str:
    """``about 350``: the figure with its qualifier; empty when there is none."""
    return f"{QUALIFIER_WORDS[count.qualifier]}{count.number}" if count is not None else ""


def count_words(count: Count) -> str:
    """``about 350``, ``at least 12 (12 or more)``, with who gave the figure."""
    words = short_count(count) + _bounds(count.low, count.high, count.number)
    return words + (f", per {count.source}" if count.source else "")


def _bounds(low: int | None, high: int | None, number: int) -> str:
    """The range the wording allows, when it says more than the number itself."""
    if (low is None and high is None) or low == high == number:
        return ""
    if high is None:
        return f" ({low} or more)"
    if low is None:
        return f" (up to {high})"
    return f" ({low} to {high})" if low != high else f" ({low})"


def _when(when: When) -> str:
    return f"{when.date} ({when.precision})" if when.date else "date not resolved"


def place_words(where: Place) -> str:
    """``Paris, France`` from the parts the summary resolved, else the article's words."""
    parts = [p for p in (where.city, where.region, where.country) if p]
    return ", ".join(parts) if parts else where.text


def _where(where: Place) -> str:
    return place_words(where) + (f" ({where.country_code})" if where.country_code else "")


def _actor(actor: Actor) -> str:
    words = actor.name + (f" ({actor.number})" if actor.number is not None else "")
    return words + (f" = {actor.canonical}" if actor.canonical and actor.canonical != actor.name else "")


def _responsibility(r: Responsibility) -> str:
    party = f"{r.party} ({r.canonical})" if r.canonical and r.canonical != r.party else r.party
    by = f" by {r.stated_by}" if r.stated_by and r.stance in ("attributed", "suspected") else ""
    return f"{party}: {r.stance}{by}"


# The article cut into pieces.


@dataclass(frozen=True)
class Piece:
    """A run of article text, or the opening (``fact`` set) or closing of a ``<mark>``."""

    kind: Literal["text", "open", "close"]
    text: str = ""
    fact: Fact | None = None
    continued: bool = False  # an opening that carries on a mark closed early to keep the nesting


def matches(text: str, facts: list[Fact]) -> bool:
    """Whether ``text`` is the article the facts were aligned with: every span fits, every exact quote is there."""
    for f in facts:
        if f.span is None or not f.span.found:
            continue
        if not f.fits(text) or (f.status == "exact" and text[f.span.start : f.span.end] != f.quote.strip()):
            return False
    return True


def pieces(text: str, facts: list[Fact]) -> list[Piece]:
    """``text`` cut at the spans of ``facts`` into properly nested text, open and close pieces."""
    placed = sorted((f for f in facts if f.fits(text)), key=lambda f: (_start(f), -_end(f), f.id))
    opening: dict[int, list[Fact]] = defaultdict(list)
    for f in placed:
        opening[_start(f)].append(f)
    bounds = sorted({0, len(text), *(_start(f) for f in placed), *(_end(f) for f in placed)})
    out: list[Piece] = []
    stack: list[Fact] = []
    for a, b in pairwise(bounds):
        _close_at(a, stack, out)
        for f in opening.get(a, []):
            out.append(Piece("open", fact=f))
            stack.append(f)
        out.append(Piece("text", text[a:b]))
    out += [Piece("close") for _ in stack]
    return out


def _close_at(position: int, stack: list[Fact], out: list[Piece]) -> None:
    """Close the marks that end at ``position``; marks inside them that go on are closed and reopened."""
    ending = [depth for depth, f in enumerate(stack) if _end(f) == position]
    if not ending:
        return
    inner = stack[ending[0] :]
    out += [Piece("close") for _ in inner]
    del stack[ending[0] :]
    for f in inner:
        if _end(f) != position:
            out.append(Piece("open", fact=f, continued=True))
            stack.append(f)


def _start(f: Fact) -> int:
    return f.span.start if f.span is not None and f.span.start is not None else 0


def _end(f: Fact) -> int:
    return f.span.end if f.span is not None and f.span.end is not None else 0
