"""What the model answers (prompt ``extract_v4``), and how code turns it into a draft with quotes.

The model answers in few tokens, on one line: for each incident only what it must decide (type, status,
the article's words for when and where, the country, the actors and weapons as written, the figures,
who is held responsible and by whom). Everything else is derived here, after generation, the way
langextract aligns its extractions: each value's quote is found by aligning the value with the
article's sentences, a figure's quote is the clause of the article that states it (with its qualifier,
"at least", "about"), a statement of responsibility is quoted from the sentence that names the group
and speaks of responsibility; an incident's description is the model's few words naming it. The
expanded :class:`ArticleDraft` then goes through the same post-processing as any draft
(:mod:`summarizer.rules`).

Asking the model to cite sentence numbers instead was measured and dropped: on MUC-4 the embedded model
cited sentences 1 to 6 in every answer, whatever they said.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, model_validator

from summarizer import _validation, casualties, grounding, responsibility, sentences
from summarizer.rules import grounded, placeholder
from summarizer.schema import (
    ACTORS,
    INCIDENTS,
    NAME,
    QUOTE,
    SENTENCE,
    SHORT,
    WEAPONS,
    Actor,
    ArticleDraft,
    Casualties,
    Count,
    IncidentDraft,
    IncidentStatus,
    IncidentType,
    Place,
    Responsibility,
    Stance,
    Weapon,
    _Model,
)

Words = Annotated[str, Field(max_length=NAME)]


class Claim(_Model):
    """Who is held responsible, how, and by whom."""

    group: str = Field(description="The group or person held responsible, as written.", max_length=NAME)
    stance: Stance = Field(
        description="claimed: the group itself says it did it; denied: it says it did not; "
        "attributed: an official or a government says it did; suspected: it is suspected, blamed or accused."
    )
    by: str | None = Field(description="Who said so, as written.", max_length=NAME)


class Event(_Model):
    """One violent incident, as the model answers it."""

    what: str = Field(description="A few words naming what happened.", max_length=NAME)
    type: IncidentType
    status: IncidentStatus
    # Every field but these three may be left out: an empty one costs the model tokens and says nothing.
    date: str | None = Field(None, description="The article's words for when it happened.", max_length=SHORT)
    place: str | None = Field(None, description="The city or town as written.", max_length=NAME)
    country: str | None = Field(None, description="The country, in English.", max_length=NAME)
    attackers: list[Words] = Field([], description="People who carried it out, as written.", max_length=ACTORS)
    groups: list[Words] = Field([], description="Organisations that carried it out, as written.", max_length=ACTORS)
    victims: list[Words] = Field([], description="People killed, injured or taken, as written.", max_length=ACTORS)
    targets: list[Words] = Field([], description="Buildings, vehicles or places attacked.", max_length=ACTORS)
    weapons: list[Words] = Field([], description="Weapons used, as written.", max_length=WEAPONS)
    killed: int | None = Field(None, description="Victims killed.", ge=0)
    injured: int | None = Field(None, description="Victims injured.", ge=0)
    attackers_killed: int | None = Field(None, description="Attackers who died.", ge=0)
    claims: list[Claim] = Field([], max_length=ACTORS)


class Answer(_Model):
    """The violent incidents an article reports; empty if there is none."""

    incidents: list[Event] = Field(max_length=INCIDENTS)

    @model_validator(mode="after")
    def _checked(self, info: ValidationInfo) -> Answer:
        """With a ``check`` in the validation context, what it finds is sent back on a re-ask."""
        context = _validation.current(info.context)
        check = context.get("check")
        if check is not None:
            problems = check(self, context["article"])
            if problems:
                raise ValueError("Fix these values, copying the article's words exactly:\n" + "\n".join(problems))
        return self

    def words(self) -> str:
        """Every value the model wrote, as one text (what an answer dictated by the article would copy)."""
        values: list[str] = []
        for event in self.incidents:
            for value in event.model_dump(exclude={"type", "status"}).values():
                values += _strings(value)
        return " ".join(values)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    return []


def problems(answer: Answer, article: str) -> list[str]:
    """What the article does not support in an answer, said of the model's own fields: a name or a
    place not in the article, a figure no clause of the article states, a claim no sentence makes."""
    find, found = _Finder(article), []
    for n, event in enumerate(answer.incidents):
        at = f"incidents[{n}]"
        named = [("place", event.place)] + [
            (f"{role}[{k}]", name) for role in _NAMED for k, name in enumerate(getattr(event, role))
        ]
        found += [f"{at}.{path}: {_quoted(value)} is not in the article." for path, value in named
                  if value and not placeholder(value) and find.at(value) is None]  # fmt: skip
        for field, name in (("killed", "killed"), ("injured", "injured"), ("attackers_killed", "perpetrators_killed")):
            number = getattr(event, field)
            if number is not None and not grounded(_count(number, name, find), article, name):
                found.append(f"{at}.{field}: no sentence of the article says that {number} {_FIGURES[field]}.")
        for k, claim in enumerate(event.claims):
            if placeholder(claim.group):
                continue
            quote = _statement(claim, find).quote
            if not (grounding.mentions(quote, claim.group) and responsibility.speaks_of_responsibility(quote)):
                found.append(f"{at}.claims[{k}]: no sentence of the article holds {_quoted(claim.group)} responsible.")
    return found[:MAX_PROBLEMS]


_NAMED = ("attackers", "groups", "victims", "targets", "weapons")
_FIGURES = {"killed": "were killed", "injured": "were injured", "attackers_killed": "attackers died"}
MAX_PROBLEMS = 8


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'


def expand(answer: Answer, article: str) -> ArticleDraft:
    """The draft with a quote for every fact, aligned with the article's sentences."""
    find = _Finder(article)
    return ArticleDraft.model_construct(summary="", incidents=[_incident(event, find) for event in answer.incidents])


def _incident(event: Event, find: _Finder) -> IncidentDraft:
    groups = _each_name(event.groups)
    attackers = [name for name in _each_name(event.attackers) if _key(name) not in {_key(g) for g in groups}]
    targets = _each_name(event.targets)
    victims = [name for name in _each_name(event.victims) if _key(name) not in {_key(t) for t in targets}]
    perpetrators = [(name, "individual") for name in attackers] + [(name, "group") for name in groups]
    return IncidentDraft.model_construct(
        description=_cut(" ".join(event.what.split()), SENTENCE),
        type=event.type,
        status=event.status,
        when=_cut(find.words(event.date), SHORT) if event.date and event.date.strip() else None,
        where=_place(event, find),
        # Names split apart, and attackers with groups, may outnumber what an incident holds: the first are kept.
        perpetrators=[_actor(name, kind, find) for name, kind in perpetrators[:ACTORS]],
        victims=[_actor(name, "unknown", find) for name in victims[:ACTORS]],
        targets=[_actor(name, "unknown", find) for name in targets[:ACTORS]],
        weapons=[Weapon.model_construct(quote=_cut(find.words(name), NAME)) for name in event.weapons if name.strip()],
        casualties=Casualties.model_construct(
            killed=_count(event.killed, "killed", find),
            injured=_count(event.injured, "injured", find),
            perpetrators_killed=_count(event.attackers_killed, "perpetrators_killed", find),
            other_reports=[],
        ),
        responsibility=[_statement(claim, find) for claim in event.claims if claim.group.strip()],
    )


# Names the model wrote as one value: "Erika Sullivan, Christopher Anderson and Nadine Elkashes".
_LIST = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_NAME = re.compile(r"[A-Z][\w'.-]*(?:\s+(?:(?:de|del|la|los|y|van|von|bin|al)\s+)*[A-Z][\w'.-]*){0,5}")


def _each_name(values: list[str]) -> list[str]:
    """The values, with a list of proper names the model wrote as one value split into one per name;
    anything else ("the relatives of the persons they kidnapped", "Smith and Wesson rifles") as written."""
    names: list[str] = []
    for value in (" ".join(v.split()) for v in values):
        parts = _LIST.split(value)
        whole = len(parts) > 1 and all(_NAME.fullmatch(part) for part in parts)
        names += parts if whole else [value] if value else []
    return names


_SMALL_NUMBER = re.compile(r"(?<![\w.,:-])\d{1,2}(?![\w.,:-])")  # "4 people", not "4.5", "10:30" or "3-year-old"


_DETERMINER = re.compile(r"^(?:an?|the|his|her|their|its)\s+(?=\S)", re.IGNORECASE)  # "a car": the article's "the car"


class _Finder:
    """Finds a value's words in the article, sentence by sentence (the sentences are split once)."""

    def __init__(self, article: str) -> None:
        self.article = article
        self.spans = list(sentences.spans(article)) or [(0, len(article))]

    @cached_property
    def mentions(self) -> list[casualties.Mention]:
        """The article's casualty figures, read once for all the incidents' counts."""
        return casualties.find(self.article)

    def at(self, value: str) -> tuple[int, int] | None:
        """Where the article gives ``value``: the first sentence's best match (exact, else fuzzy); failing
        that, of the value with its figures in words ("4 people": the article's "four people"), or without its
        determiner ("a car": the article's "the car")."""
        value = " ".join(value.split())
        if not value:
            return None
        words = _SMALL_NUMBER.sub(lambda m: casualties.spelled(int(m[0])) or m[0], value)
        bare = _DETERMINER.sub("", value)
        for written in dict.fromkeys((value, words, bare)):
            for start, end in self.spans:
                span = grounding.align(written, self.article[start:end])
                if span.found and span.start is not None and span.end is not None:
                    return _balanced(self.article, start + span.start, start + span.end, (start, end))
        return None

    def words(self, value: str) -> str:
        """The article's words for ``value``, else the value as written (flagged later as not found)."""
        at = self.at(value)
        return self.article[at[0] : at[1]] if at else " ".join(value.split())

    def sentence(self, test: Any) -> tuple[int, int] | None:
        """The first sentence for which ``test(text)`` holds."""
        return next(((s, e) for s, e in self.spans if test(self.article[s:e])), None)


_PAIRS = {")": "(", "]": "["}


def _balanced(article: str, start: int, end: int, within: tuple[int, int]) -> tuple[int, int]:
    """The span widened, inside its sentence, to the bracket it leaves open or closed: the model writes "FMLN
    URBAN COMMANDOS" for the wire's "[FMLN] URBAN COMMANDOS", and the words it matches, "FMLN] URBAN COMMANDOS",
    would read as a fragment. A span whose bracket's other half is not in its sentence stays as it is."""
    for close, open_ in _PAIRS.items():
        quote = article[start:end]
        if quote.count(close) > quote.count(open_):  # "FMLN] URBAN COMMANDOS": back to its "["
            at = article.rfind(open_, within[0], start)
            if at != -1 and close not in article[at:start]:
                start = at
        elif quote.count(open_) > quote.count(close):  # "DEMOCRATIC PARTY [PDC": on to its "]"
            at = article.find(close, end, within[1])
            if at != -1 and open_ not in article[end:at]:
                end = at + 1
    return start, end


def _actor(name: str, kind: str, find: _Finder) -> Actor:
    quote = find.words(name)
    number = casualties.parse_number(name.split()[0]) if name.split() else None
    return Actor.model_construct(quote=_cut(quote, QUOTE), name=name.strip(), kind=kind, number=number)


def _place(event: Event, find: _Finder) -> Place | None:
    if not event.place and not event.country:
        return None
    written = find.words(event.place) if event.place else (find.words(event.country) if event.country else "")
    return Place.model_construct(
        text=_cut(written, SHORT), city=event.place or None, region=None, country=event.country or None
    )


def _count(number: int | None, field: str, find: _Finder) -> Count | None:
    """A figure quoted from the clause of the article that states it, its qualifier read there."""
    if number is None:
        return None
    kind = "injured" if field == "injured" else "killed"
    for mention in find.mentions:
        if mention.number == number and mention.kind == kind and not mention.hit:
            return mention.count()
    at = find.sentence(lambda text: grounding.supports_count(text, number, field))
    if at is None:
        return Count.model_construct(quote=str(number), number=number, qualifier="exact")
    return Count.model_construct(quote=_cut(find.article[at[0] : at[1]], QUOTE), number=number, qualifier="exact")


def _statement(claim: Claim, find: _Finder) -> Responsibility:
    """The statement quoted from the sentence that names the group and speaks of responsibility: the first whose
    words allow the model's stance ("HAS CLAIMED RESPONSIBILITY" for a claim, not an earlier "CRIMES COMMITTED BY"
    the group), else the first."""
    group, by = claim.group.strip(), claim.by.strip() if claim.by else None

    def allows(text: str) -> bool:
        said = Responsibility.model_construct(quote=text, party=group, stance=claim.stance, stated_by=by)
        return responsibility.stance(said) == claim.stance

    def speaks(text: str) -> bool:
        return grounding.mentions(text, group) and responsibility.speaks_of_responsibility(text)

    at = find.sentence(lambda text: speaks(text) and allows(text)) or find.sentence(speaks)
    quote = _cut(" ".join(find.article[at[0] : at[1]].split()) if at else find.words(group), QUOTE)
    return Responsibility.model_construct(quote=quote, party=group, stance=claim.stance, stated_by=by)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a word."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]
