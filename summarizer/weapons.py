"""Weapons an article names, read by rule.

The embedded model leaves an incident's weapon out, or copies the worked example's ("explosive vests"),
which the rules then drop. The words here are the generic names of the means of attack in the reports the
project reads: bombs (car bombs, truck bombs), dynamite, explosives and explosive devices, grenades,
rockets, mortars, machineguns, rifles (AK-47, M-16), rocket launchers (RPG), booby traps, Molotov
cocktails, firearms, pistols, revolvers, machetes, assault or automatic weapons. :func:`find` gives them
as written, in order, each once. Measured alone (``summarizer.evaluation.readers``).
"""

from __future__ import annotations

import re

_WEAPON = re.compile(
    r"\b(?:car[- ]bombs?|truck[- ]bombs?|bombs?|dynamite|explosives?(?:[ ]devices?|[ ]charges?)?|hand[- ]grenades?"
    r"|grenades?|rockets?|mortars?|(?:sub)?machine-?guns?|rifles?|AK-47s?|M-16s?|RPG-?\d*s?|booby[- ]traps?"
    r"|molotov[ ]cocktails?|firearms|pistols?|revolvers?|handguns?|shotguns?|machetes?"
    r"|(?:assault|automatic)[ ]weapons)\b",
    re.IGNORECASE,
)


def find(text: str) -> list[str]:
    """The weapons ``text`` names, as written, in order of appearance, each once (any case)."""
    found: dict[str, str] = {}
    for m in _WEAPON.finditer(text):
        found.setdefault(m.group(0).casefold(), m.group(0))
    return list(found.values())
