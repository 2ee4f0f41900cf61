"""Attackers an article names by a generic noun as the agent of its violence, read by rule.

The embedded model often names the group behind an attack and leaves out who carried it out, while the
article says "guerrillas attacked", "killed by unidentified gunmen". :func:`find` reads such nouns
(terrorists, guerrillas, rebels, gunmen, attackers, assailants, murderers, kidnappers, hit men, commandos,
death squads, subversives, killers, bandits; "unidentified", "armed", "urban" and the like before them)
where they are the agent: after "by", or before a verb of violence within three words. "Individuals",
"persons", "men" and "criminals" alone are too vague to keep. Measured alone
(``summarizer.evaluation.readers``).
"""

from __future__ import annotations

import re

_NOUN = (
    r"(?:(?:unidentified|unknown|heavily\s+armed|armed|hooded|masked|urban)\s+)?"
    r"(?:terrorists?|guerrillas?|rebels?|gunm[ae]n|attackers?|assailants?|murderers?|kidnappers?|hit\s*m[ae]n"
    r"|commandos?|death\s+squads?|subversives?|individuals|persons|men|killers?|bandits?|criminals?)"
)
_VERB = (
    r"(?:\w+\s+){0,2}?(?:attack\w*|kill\w*|murder\w*|shot|shoot\w*|fired|opened\s+fire|kidnap\w*|abduct\w*|bomb\w*"
    r"|blew|set\s+fire|burn\w*|assassinat\w*|threw|hurled|planted|detonated|ambush\w*|raid\w*|seized|stormed"
    r"|dynamited|destroyed|machinegunned|wounded|injured)\b"
)
_AGENT = re.compile(
    rf"\bby\s+(?:the\s+|a\s+group\s+of\s+|a\s+|some\s+)?(?P<by>{_NOUN})\b"
    rf"|\b(?P<subject>{_NOUN})\s+(?:who\s+|have\s+|had\s+|has\s+)?{_VERB}",
    re.IGNORECASE,
)
_VAGUE = {"individuals", "persons", "men", "criminals"}


def find(text: str) -> list[str]:
    """The attackers ``text`` names as the agent of violence, as written, in order, each once (any case)."""
    found: dict[str, str] = {}
    for m in _AGENT.finditer(text):
        words = " ".join((m["by"] or m["subject"]).split())
        if words.casefold() not in _VAGUE:
            found.setdefault(words.casefold(), words)
    return list(found.values())
