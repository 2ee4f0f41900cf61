"""Incidents an article names in passing, read by rule.

A report on one attack often names another in a few words: "in connection with the barbaric
terrorist act, the consequence of which was the crash of a Russian airliner in Egypt". A
small model reports the attack the article is about and leaves such a mention out. The
rule here reads the mentions that are plainly a distinct, past, violent event:

* a definite noun phrase for one event: "the", up to three words (not "the latest", "the
  same": the article's own event), and one of "attack on", "bombing", "shooting",
  "massacre", "assassination", "murder", "killing", "kidnapping", "abduction", "hijacking",
  "ambush", "downing" (a plural, "the murders of", is a pattern of events, not one);
* "the crash of" an aircraft counts only when its sentence calls it violence ("terrorist",
  "attack", "bomb", "shot down", "blown up");
* placed "in", "over" or "near" a country written out in full (ISO 3166 names and
  :mod:`summarizer.places` variants; "NE Portland" is not Niger, "Jersey City" not Jersey);
* not prevented, planned, threatened or supposed ("to prevent the bombing of", "a plot for
  the attack on").

:func:`find` returns each such mention with its words and place; the pipeline
(:func:`summarizer.rules.finish`) adds one as an incident of its own only when the
article also reports another incident and every reported incident is placed in a different,
known country: the mention is then about an event the summary does not hold yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer import places, sentences
from summarizer.schema import Actor, Casualties, Incident, IncidentType, Place

_EVENTS: dict[str, IncidentType] = {
    "attack": "armed_assault",
    "bombing": "bombing",
    "shooting": "shooting",
    "massacre": "armed_assault",
    "assassination": "assassination",
    "murder": "assassination",
    "killing": "armed_assault",
    "kidnapping": "hostage_taking_kidnapping",
    "abduction": "hostage_taking_kidnapping",
    "hijacking": "hostage_taking_kidnapping",
    "ambush": "armed_assault",
    "downing": "aircraft_attack",
    "crash": "aircraft_attack",
}
# Events whose object is a victim ("the murder of a judge"), not a target ("the bombing of a bus").
_PEOPLE_EVENTS = {"assassination", "murder", "killing", "kidnapping", "abduction", "massacre"}
_AIRCRAFT = re.compile(r"\b(?:airliner|airplane|aircraft|plane|jet|helicopter|airbus|boeing|flight)s?\b", re.I)
_VIOLENCE = re.compile(r"\b(?:terror\w*|attack\w*|bomb\w*|shot\s+down|blown\s+up|downed|missiles?|sabotage)\b", re.I)
_NOT_DONE = re.compile(
    r"\b(?:prevent\w*|avert\w*|foil\w*|thwart\w*|plan\w*|plot\w*|threat\w*|possible|potential|alleged|would|could"
    r"|will|might|may|risk|fear\w*|rumou?r\w*)\W+(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_PHRASE = re.compile(
    r"\b(?P<det>the)\s+(?!latest\b|same\b|such\b)(?P<words>(?:[\w'\u2019-]+\s+){0,3}?)"
    r"(?P<event>attack(?=\s+(?:on|against)\b)|bombing|shooting|massacre|assassination|murder|killing|kidnapping"
    r"|abduction|hijacking|ambush|downing|crash)"
    r"(?:\s+(?:of|on|against)\s+(?P<object>[^,;:.()\"\u201c\u201d\n]{1,60}?))?"
    r"\s+(?:in|over|near)\s+(?P<place>(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,3})",
    re.IGNORECASE,
)
_AMBIGUOUS = {"georgia", "jersey", "jordan", "chad", "niger"}  # also a US state, a city or a person's name


@dataclass(frozen=True)
class Mention:
    """An event the article names in passing, with where its words are."""

    start: int
    end: int
    phrase: str
    event: str
    object: str | None
    place: str
    country: str
    country_code: str

    @property
    def type(self) -> IncidentType:
        return _EVENTS[self.event]


def _country(words: str) -> tuple[str, tuple[str, str]] | None:
    """The country written out in full at the start of ``words``: (as written, (name, code))."""
    tokens = words.split()
    for n in range(len(tokens), 0, -1):
        written = " ".join(tokens[:n]).rstrip(",.;:'\u2019")
        if written.casefold().removeprefix("the ") in _AMBIGUOUS:
            continue
        found = places.country(written)
        bare = "".join(c for c in written if c.isalpha())
        if found is None or (bare.isupper() and len(bare) <= 3):  # a code: "NE" Portland, "LA"
            continue
        after = tokens[n] if n < len(tokens) else ""
        if after[:1].isupper() and not after.isupper() and not words.isupper():  # "Jersey City", "Jamaica Plain"
            return None
        return written, found
    return None


def find(article: str) -> list[Mention]:
    """The past violent events the article names by a definite noun phrase and a country, in order."""
    found: list[Mention] = []
    for first, last in sentences.spans(article):
        sentence = article[first:last]
        for m in _PHRASE.finditer(sentence):
            event = m["event"].casefold()
            place = _country(m["place"])
            if place is None or _NOT_DONE.search(sentence[: m.start()]):
                continue
            obj = " ".join(m["object"].split()) if m["object"] else None
            if event == "crash" and not (obj and _AIRCRAFT.search(obj) and _VIOLENCE.search(sentence)):
                continue
            written, (country, code) = place
            start = first + m.start()
            end = first + m.start("place") + len(written)
            phrase = " ".join(article[start:end].split())
            found.append(Mention(start, end, phrase, event, obj, written, country, code))
    return found


def incident(mention: Mention) -> Incident:
    """The incident a mention names: what, where, and whom or what it struck, in the article's words."""
    struck = []
    if mention.object:
        name = re.sub(r"^(?:the|a|an)\s+", "", mention.object, flags=re.IGNORECASE)
        struck = [Actor(quote=mention.object, name=name, kind="unknown", number=None)]
    people = mention.event in _PEOPLE_EVENTS
    return Incident(
        description=mention.phrase[0].upper() + mention.phrase[1:] + ".",
        type=mention.type,
        status="carried_out",
        when=None,
        where=Place(
            text=mention.place, city=None, region=None, country=mention.country, country_code=mention.country_code
        ),
        perpetrators=[],
        victims=struck if people else [],
        targets=[] if people else struck,
        weapons=[],
        casualties=Casualties(killed=None, injured=None, perpetrators_killed=None),
        responsibility=[],
        main=False,
    )
