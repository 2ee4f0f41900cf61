"""An incident's type, checked against the words that describe it.

The embedded model over-uses ``hostage_taking_kidnapping``: on MUC-4 documents it gave
that type to bombings and shootings it had just described. A kidnapping is kept only
when the incident's own words (its description and quotes) speak of kidnapping or
hostages; otherwise the type is read from those words (suicide attack, bombing, arson,
shooting, air strike or shelling), and an armed assault when they name none of these.
"""

from __future__ import annotations

import re

from summarizer.schema import Incident, IncidentType

_KIDNAPPING = re.compile(r"\b(?:kidnap\w*|abduct\w*|hostages?|captives?|captors?|ransom)\b", re.IGNORECASE)
_BY_WORDS: list[tuple[IncidentType, re.Pattern[str]]] = [
    ("suicide_attack", re.compile(r"\bsuicide\b|\bblew (?:him|her|them)sel(?:f|ves) up\b", re.IGNORECASE)),
    (
        "bombing",
        re.compile(r"\b(?:bomb\w*|explo\w*|blast\w*|dynamite|grenades?|detonat\w*|car[- ]bomb\w*)", re.IGNORECASE),
    ),
    ("arson", re.compile(r"\b(?:arson\w*|set (?:on )?fire|set \w+ on fire|torch\w*|burn(?:ed|t|ing)?)\b", re.I)),
    ("shooting", re.compile(r"\b(?:shot|shoot\w*|gunfire|gunm[ae]n|opened fire|machine-?guns?|rifles?)\b", re.I)),
    ("air_strike_shelling", re.compile(r"\b(?:air ?strikes?|air raids?|shell(?:ed|ing)|mortars?|bombard\w*)\b", re.I)),
]


def _words(incident: Incident) -> str:
    quotes = [a.quote for a in incident.perpetrators + incident.victims + incident.targets]
    quotes += [w.quote for w in incident.weapons]
    c = incident.casualties
    quotes += [count.quote for count in (c.killed, c.injured, c.perpetrators_killed) if count]
    return " ".join([incident.description, *quotes])


def checked(incident: Incident) -> IncidentType:
    """The model's type, unless it is a kidnapping that the incident's words do not support."""
    if incident.type != "hostage_taking_kidnapping":
        return incident.type
    words = _words(incident)
    if _KIDNAPPING.search(words):
        return incident.type
    return next((kind for kind, pattern in _BY_WORDS if pattern.search(words)), "armed_assault")
