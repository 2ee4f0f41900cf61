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

:func:`find` reads the same statements from the article by rule, for the statements a
small model leaves out: a sentence that names a known group (:mod:`summarizer.aliases`)
or a quoted group name, with words of responsibility ("claimed responsibility",
"bears the responsibility for the attack", "blamed", "was behind", "carried out by").
Who made the statement is read from the sentence ("X said", "according to X"), and a
"he" or "she" is the person last named as speaking before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer import casualties, sentences
from summarizer.aliases import AliasTable
from summarizer.grounding import mentions
from summarizer.schema import QUOTE, Responsibility, Stance

_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?\s+(?:responsibility|credit|authorship|the\s+\w+|that\s+it|it\b)"
    r"|(?:took|taken|takes|taking|assumed|accepted)\s+(?:full\s+)?responsibility"
    r"|admit(?:s|ted|ting)?\s+(?:\w+\s+){0,6}?(?:responsib\w*|attacks?|bomb\w*|kill\w*|murder\w*|assassinat\w*"
    r"|kidnap\w*|carr(?:y|ying|ied)\s+out|taking\s+part)\b"
    r"|said\b[^.;]{0,40}?\b(?:it|they)\s+(?:had\s+)?(?:carried\s+out|was\s+behind|were\s+behind|staged|perpetrated|attacked)"
    r"|claimed\s+by\b"
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
    claim = _CLAIM.search(_said(r.quote))
    if claim is None or _DENIAL.search(r.quote):
        return False
    if claim.group(0).casefold().endswith(" by"):  # "the attack was claimed by X": X claims it
        claimant = re.split(r"[,;:()]|\s(?:according|said|says|who|which)\b", r.quote[claim.end() :])[0]
        return mentions(claimant, r.party)
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


# "The ELN, however, accused him of being a CIA agent": the party that accuses is not the one held responsible.
_ACCUSES = re.compile(r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _accuser(r: Responsibility) -> bool:
    """Whether a suspicion's quote names the party only as the one who accuses or blames (the verb's subject):
    it says nothing of the party's own part."""
    if r.stance != "suspected":
        return False
    for verb in _ACCUSES.finditer(r.quote):
        if _PASSIVE.search(r.quote[: verb.start()]):
            continue
        if mentions(r.quote[: verb.start()], r.party) and not mentions(r.quote[verb.end() :], r.party):
            return True
    return False


def speaks_of_responsibility(quote: str) -> bool:
    """Whether ``quote`` says anything of who is responsible: a claim, a denial, an accusation or a suspicion."""
    said = _said(quote)
    return bool(_RESPONSIBILITY.search(said) or _SUSPICION.search(said) or _DENIAL.search(said))


def checked(statements: list[Responsibility]) -> list[Responsibility]:
    """Each statement with the stance its words support; duplicates (same party, stance and source) once.

    A statement whose quote says nothing of responsibility ("Air force helicopters flew over
    the area", a bare group name) is dropped: small models fill the field with whoever the
    article mentions, and the quote is the statement's evidence. :func:`find` reads the
    statements the article does make.
    """
    out: list[Responsibility] = []
    seen: set[tuple[str, str, str]] = set()
    for r in statements:
        if not speaks_of_responsibility(r.quote):
            continue
        fixed = r.model_copy(update={"stance": stance(r)})
        if _accuser(fixed):
            continue
        key = (fixed.party.casefold(), fixed.stance, (fixed.stated_by or "").casefold())
        if key not in seen:
            seen.add(key)
            out.append(fixed)
    return out


# Statements of responsibility read from the article by rule.

_EVENT = (
    r"(?:attacks?|bomb\w*|blasts?|shoot\w*|massacres?|kill\w*|murders?|assassinat\w*|kidnap\w*|explosions?|"
    r"assaults?|raids?|ambush\w*|incidents?|acts?|strikes?|atrocit\w*|crimes?|operations?)"
)
_RESPONSIBILITY = re.compile(
    rf"{_CLAIM.pattern}"
    rf"|\bresponsib\w*\s+for\s+(?:\w+\s+){{0,3}}?{_EVENT}\b"
    r"|\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|attribut(?:e|es|ed|ing)\s+to)\b"
    r"|\b(?:was|were|is|are|been)\s+behind\b"
    rf"|\b(?:planned|organi[sz]ed|directed|ordered|masterminded)\s+(?:the|this|these|that)\s+(?:\w+\s+){{0,2}}?{_EVENT}\b"
    r"|\b(?:carried\s+out|perpetrated|committed|staged|claimed)\s+by\b|\bthe\s+work\s+of\b"
    r"|\b(?:den(?:y|ied|ies|ying))\s+(?:any\s+)?(?:responsibility|involvement|role)\b",
    re.IGNORECASE,
)
# A claim said not to have been made: "THE FMLN HAS NOT YET CLAIMED RESPONSIBILITY FOR THE ATTACK", "no group
# has claimed responsibility", "has yet to claim it". Its words are no statement of responsibility.
_NEGATED_CLAIM = re.compile(
    r"\b(?:(?:has|have|had|did|does|do|was|were|is|are)(?:\s+not|n't)|no\s+(?:one|group|organi[sz]ation)"
    r"(?:\s+(?:has|have|had))?|nobody(?:\s+(?:has|had))?|(?:has|have|had)\s+yet\s+to|never)\s+(?:yet\s+|so\s+far\s+)?"
    rf"(?:been\s+)?claim(?:ed|s|ing)?\s+(?:responsibility|credit|authorship)?(?:\s+for\s+(?:\w+\s+){{0,3}}?{_EVENT}\b)?",
    re.IGNORECASE,
)


def _said(text: str) -> str:
    """``text`` with its negated claims blanked out, every other character in its place."""
    return _NEGATED_CLAIM.sub(lambda m: " " * len(m.group()), text)


_QUOTED_GROUP = re.compile(
    r"\b(?:group|organi[sz]ation|movement|front|faction|militia)\s+[\"\u201c\u00ab]"
    r"(?P<name>[^\"\u201d\u00bb\n]{2,60})[\"\u201d\u00bb]",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|they)\b", re.IGNORECASE)
_NAMED_SPEAKER = re.compile(
    rf"(?P<name>(?:[A-Z][\w.'-]*\s+){{0,3}}[A-Z][\w.'-]+)\s+(?:\w+ly\s+)?(?:{casualties.SPEECH})\b"
)


# A group written just after "not" is said not to be responsible: "attributed to MRTA and not to the Shining Path",
# "it was not the FMLN". Alone on MUC-4 train+dev: 2 such statements fewer, both wrong; no right one lost.
_NOT_THEM = re.compile(r"\bnot\s+(?:to\s+|by\s+)?(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """A statement of responsibility read from the article; ``start`` is where its sentence begins."""

    start: int
    statement: Responsibility


def _parties(sentence: str, table: AliasTable) -> list[tuple[str, str | None]]:
    """Groups the sentence names: (as written, canonical name or None), each once."""
    named: list[tuple[str, str | None]] = [(g.written, g.canonical) for g in table.find(sentence)]
    named += [(m["name"].strip(), table.canonical(m["name"])) for m in _QUOTED_GROUP.finditer(sentence)]
    seen: set[str] = set()
    out: list[tuple[str, str | None]] = []
    for written, canonical in named:
        key = (canonical or written).casefold()
        if key not in seen:
            seen.add(key)
            out.append((written, canonical))
    return out


def _speaker(article: str, start: int, end: int) -> str | None:
    """Who makes the statement of the sentence ``article[start:end]`` (:func:`summarizer.casualties.source`);
    "he" or "she" is the person last named as speaking in the 600 characters before."""
    subject = casualties.source_in(article[start:end])  # a whole sentence already
    if subject is None or not _PRONOUN.match(subject):
        return subject
    before = list(_NAMED_SPEAKER.finditer(article[max(0, start - 600) : start]))
    return casualties.LEAD.sub("", before[-1]["name"]) if before else None


def _quote(sentence: str, party: str) -> str:
    """The sentence, cut to the quote limit around the party's name when it is longer."""
    text = " ".join(sentence.split())
    if len(text) <= QUOTE:
        return text
    at = max(0, text.casefold().find(party.casefold()))
    start = max(0, min(at - QUOTE // 2, len(text) - QUOTE))
    return text[start : start + QUOTE].strip()


def find(article: str, table: AliasTable | None = None) -> list[Found]:
    """Statements of responsibility the article makes about known or quoted groups, in order."""
    table = table or AliasTable()
    found = []
    for start, end in sentences.spans(article):
        sentence = article[start:end]
        if not _RESPONSIBILITY.search(_said(sentence)):
            continue
        speaker = _speaker(article, start, end)
        for written, canonical in _parties(sentence, table):
            if _NOT_THEM.search(sentence[: max(0, sentence.find(written))]):
                continue
            own = speaker is not None and mentions(speaker, written)  # the party speaks for itself
            draft = Responsibility(
                quote=_quote(sentence, written), party=written, stance="attributed", stated_by=None if own else speaker
            )
            statement = draft.model_copy(update={"stance": stance(draft), "canonical": canonical})
            if (own and statement.stance not in ("claimed", "denied")) or _accuser(statement):
                continue  # "the FMLN blamed the army": the party accuses someone else
            if statement.stance in ("claimed", "denied") and statement.stated_by is None:
                statement = statement.model_copy(update={"stated_by": written})
            found.append(Found(start, statement))
    return found
