"""Victims an article names as killed, injured or kidnapped, read by rule.

The embedded model leaves the victims out of many incidents ("was assassinated", "the murder of the six
Jesuits", "kidnapped a businessman") or names no one. :func:`find` reads them from the casualty figures'
words (:func:`summarizer.casualties.find`: "six Jesuits" in "the murder of the six Jesuits", "Governor
Antonio Roldan Betancur" in "Governor Antonio Roldan Betancur was killed"; "two American citizens" where
the figure's words stop at "two American") and from kidnappings ("kidnapped businessman Jose Perez", "two
engineers were abducted"). What is left must be people: words that end in a noun of people ("two maids",
"policemen"), or a name or title of two words or more with no figure and no word of a clause ("Hector
Oqueli Colindres"; not "12 who", "the second mayor that", "he"). A toll in the thousands is a war's, not
an incident's victims. Measured alone (``summarizer.evaluation.readers``).
"""

from __future__ import annotations

import re

from summarizer import casualties, weapons
from summarizer.schema import NAME

WAR_TOLL = 1000

# What a figure's words say beside its victims: the killing or wounding ("the murder of", "killed",
# "wounding") before them, the verb ("were killed", "was seriously wounded") after them.
_BEFORE = re.compile(
    rf"^(?:the\s+)?(?:(?:cold-blooded|brutal)\s+)?(?:{casualties.KILLING}"
    r"|killed|killing|kills|shot\s+dead|gunned\s+down|murdered|massacred|wounded|wounding|injured|injuring)"
    r"(?:\s+of)?\s+",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\s+(?:(?:was|were|is|are|has|have|had|been|being|later|also|shot|and|fatally|found|pronounced|seriously"
    r"|critically|slightly|badly|gravely)\s+)*"
    r"(?:killed|dead|died|slain|murdered|assassinated|massacred|perished|wounded|injured|hurt)$",
    re.IGNORECASE,
)
# "... kidnapped businessman Jose Perez", "the abduction of two engineers"; "two engineers were abducted".
_WORD = r"[\w.'-]+"
_TAKEN_BEFORE = re.compile(
    rf"\b(?:kidnapped|abducted|kidnappings?|abductions?)\s+(?:of\s+)?(?:the\s+|an?\s+)?"
    rf"(?P<words>{_WORD}(?:\s+{_WORD}){{0,5}})",
    re.IGNORECASE,
)
_TAKEN_AFTER = re.compile(
    rf"(?P<words>(?:{_WORD}\s+){{0,5}}{_WORD})\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\w+ly\s+)?"
    r"(?:kidnapped|abducted)\b",
    re.IGNORECASE,
)
# Where the victims' words end after a kidnapping ("... in San Salvador", "... who was"), and where they
# start before one ("police said that <two engineers> were abducted").
_ENDS = re.compile(
    r"\s+(?:in|on|at|by|from|near|yesterday|today|last|this|and|for|to|as|was|were|had|has|have|is|are)\b.*$",
    re.IGNORECASE,
)
_STARTS = re.compile(r"^.*\b(?:that|when|after|said|and|the|of|by|how|whether|where|while|because)\s+", re.IGNORECASE)
# A clause after the victims ("57 people who ...", "the guard, who ...").
_CLAUSE = re.compile(
    r"\s*(?:,(?=\s)|\b(?:who|that|which|where|when|while|whom|whose|including|as|after|before|during|because)\b).*$",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"\b(?:people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|bab(?:y|ies)|teens?|teenagers?|victims?"
    r"|drivers?|officers?|police(?:m[ae]n|wom[ae]n)?|soldiers?|troops|students?|sons?|daughters?|fathers?|mothers?"
    r"|brothers?|sisters?|husbands?|wi(?:fe|ves)|peasants?|civilians?|guards?|infants?|youths?|bystanders?"
    r"|pedestrians?|passengers?|motorists?|employees?|workers?|residents?|relatives?|members?|leaders?|officials?"
    r"|priests?|jesuits?|nuns?|maids?|journalists?|reporters?|newsm[ae]n|photographers?|judges?|mayors?"
    r"|councilm[ae]n|deputies|deputy|senators?|congressm[ae]n|candidates?|ministers?|diplomats?|ambassadors?"
    r"|businessm[ae]n|farmers?|villagers?|inhabitants?|citizens?|tourists?|agents?|patrolm[ae]n|guardsm[ae]n"
    r"|bodyguards?|escorts?|teachers?|doctors?|nurses?|lawyers?|attorneys?|activists?|unionists?|militants?"
    r"|missionar(?:y|ies)|clergym[ae]n|bishops?|archbishops?|friends?|famil(?:y|ies)|adults?|minors?"
    r"|hostages?|captives?|detainees?|prisoners?|inmates?|customers?|clerks?|cousins?|nephews?|nieces?|engineers?"
    r"|technicians?|executives?|industrialists?|ranchers?|landowners?|merchants?|traders?|vendors?|volunteers?"
    r"|cameram[ae]n|crew|foreigners?|nationals?|watchm[ae]n|sentr(?:y|ies)|fishermen|fisherman|patrons?|shoppers?"
    r"|worshipp?ers?|pilgrims?|protesters?|demonstrators?|marchers?|spectators?|fans?|commuters?|travell?ers?"
    r"|hikers?|campers?|guests?|visitors?|partygoers?|congregants?|parishioners?|pupils?|athletes?)$",
    re.IGNORECASE,
)
_FIGURE = re.compile(
    r"^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundreds?|dozens?|several|some|many|over|about|at\s+least|more\s+than)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(
    r"^(?:he|she|they|him|her|them|it|one\s+of\s+them|both|all|others?|someone|somebody|anyone|everyone)$",
    re.IGNORECASE,
)
_CLAUSE_WORD = re.compile(
    r"\b(?:the|of|was|were|is|are|has|have|had|in|on|at|to|from|for|by|with|and|or|not|no|this|these|those|said"
    r"|confirms?|reported|left)\b",
    re.IGNORECASE,
)


def named(quote: str) -> str | None:
    """The victims a figure's words name ("six Jesuits" in "the murder of the six Jesuits", "a guard" in "a
    guard was wounded"), without the words of the killing or wounding; None when what is left is no people."""
    words = _AFTER.sub("", _BEFORE.sub("", " ".join(quote.split())))
    if words == " ".join(quote.split()):
        return None
    return _people(words)


def _people(words: str) -> str | None:
    """``words`` without a leading article or a trailing clause, when they name people: they end in a noun of
    people, or are a name or title of two words or more with no figure and no word of a clause."""
    words = _CLAUSE.sub("", re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE)).strip()
    if not words or len(words.split()) > 6 or len(words) > NAME or _PRONOUN.match(words):
        return None
    if _PEOPLE.search(words):
        return words
    if _FIGURE.match(words) or len(words.split()) < 2 or _CLAUSE_WORD.search(words):
        return None
    return words if all(re.fullmatch(r"[^\W\d_][\w.'-]*", w) for w in words.split()) else None


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'-]*)")


def _figure_victims(mention: casualties.Mention, text: str) -> str | None:
    """The victims a figure's words name; when they stop short of a noun of people ("the murder of two
    American" of "... two American citizens"), with up to two of the words that follow them."""
    words, end = mention.quote, mention.end
    for _ in range(3):
        if (victims := named(words)) is not None:
            return victims
        follow = _NEXT_WORD.match(text, end)
        if follow is None:
            return None
        words, end = words + follow.group(), follow.end()
    return None


# People the model names as victims in words the reader's test refuses: "a soldier guarding the substation",
# "a 12-year-old", "four Americans", "two others".
_SOME_PEOPLE = re.compile(
    _PEOPLE.pattern.removesuffix("$") + r"\b|\b\d+-year-old\b|\b(?:one|others?)\b|\b[A-Z][a-z]+(?:an|ian|ese)s\b",
    re.IGNORECASE,
)


def people(name: str) -> bool:
    """Whether a victim the model names is people: a noun of people anywhere in it, an age, "others", a
    nationality, or a name or title that names no weapon (not "blackout", "explosions and shootings", "four",
    "the American Embassy in La Paz", "at least 10 power transmission towers", "AK-47 Rifles"; but "car bomb
    victims")."""
    return bool(_SOME_PEOPLE.search(name)) or (_people(name) is not None and not weapons.find(name))


def find(text: str) -> list[str]:
    """The victims ``text`` names as killed, injured or kidnapped, as written, in order, each once (any case):
    first those of its casualty figures (not the attackers', not a war's toll), then the kidnapped."""
    found = [_figure_victims(m, text) for m in casualties.find(text) if not m.perpetrators and m.number < WAR_TOLL]
    found += [_people(_ENDS.sub("", m["words"])) for m in _TAKEN_BEFORE.finditer(text)]
    found += [_people(_STARTS.sub("", m["words"])) for m in _TAKEN_AFTER.finditer(text)]
    unique: dict[str, str] = {}
    for words in found:
        if words:
            unique.setdefault(words.casefold(), words)
    return list(unique.values())
