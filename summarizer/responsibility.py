"""What a responsibility statement means, checked against its own words.

Small models mix up a group *claiming* an attack with an official *blaming* it.
The stance the model gives is kept only when the quote's words allow it, after
MUC-4's distinction (CLAIMED OR ADMITTED vs SUSPECTED OR ACCUSED):

* ``claimed``: the party itself claims or admits it ("claimed responsibility",
  "said it carried out the attack"); the statement is the party's own.
* ``denied``: the party says it did not do it.
* ``suspected``: the party is suspected, blamed, accused or believed to be behind it.
* ``attributed``: someone else (an official, a government) states the party did it.

A "claimed" whose quote holds no claim, or whose claim is made by someone else,
becomes "suspected" when the quote has words of suspicion and "attributed"
otherwise; a statement whose quote has words of suspicion is "suspected".
"""

from __future__ import annotations

import re

from summarizer.grounding import mentions
from summarizer.schema import Responsibility, Stance

_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?\s+(?:responsibility|credit|authorship|the\s+\w+|that\s+it|it\b)"
    r"|(?:took|taken|takes|taking|assumed|accepted)\s+(?:full\s+)?responsibility"
    r"|admit(?:s|ted|ting)?\b"
    r"|said\b[^.;]{0,40}?\b(?:it|they)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind|staged|perpetrated|attacked)"
    r"|we\s+(?:carried\s+out|attacked|executed))",
    re.IGNORECASE,
)
_DENIAL = re.compile(r"\b(?:den(?:y|ied|ies|ying|ial)|rejected\s+(?:any\s+)?(?:responsibility|involvement))\b", re.I)
_SUSPICION = re.compile(
    r"\b(?:suspect(?:s|ed)?|blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|believed|alleged(?:ly)?|presum(?:ed|ably)"
    r"|thought\s+to\s+be|likely|probably|possibly)\b",
    re.IGNORECASE,
)


def _own_statement(r: Responsibility) -> bool:
    """Whether the party made the statement itself (no other speaker is named)."""
    return not r.stated_by or mentions(r.stated_by, r.party) or mentions(r.party, r.stated_by)


def _claimed_by_party(r: Responsibility) -> bool:
    """The quote holds a claim made by the party: it names the party before the claim, or it is its own."""
    claim = _CLAIM.search(r.quote)
    if claim is None or _DENIAL.search(r.quote):
        return False
    return mentions(r.quote[: claim.start()], r.party) or _own_statement(r)


def stance(r: Responsibility) -> Stance:
    """The stance that the words of ``r.quote`` support (see the module docstring)."""
    quote = r.quote
    if _claimed_by_party(r):
        return "claimed"
    if r.stance == "denied" or (_DENIAL.search(quote) and _own_statement(r)):
        return "denied"
    if _SUSPICION.search(quote):
        return "suspected"
    if r.stance == "claimed":
        return "attributed"
    return r.stance


def checked(statements: list[Responsibility]) -> list[Responsibility]:
    """Each statement with the stance its words support; duplicates (same party, stance and source) once."""
    out: list[Responsibility] = []
    seen: set[tuple[str, str, str]] = set()
    for r in statements:
        fixed = r.model_copy(update={"stance": stance(r)})
        key = (fixed.party.casefold(), fixed.stance, (fixed.stated_by or "").casefold())
        if key not in seen:
            seen.add(key)
            out.append(fixed)
    return out
