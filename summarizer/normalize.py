"""Deterministic post-processing: the model's draft becomes the user's summary.

* an incident whose description, weapons and casualty quotes name no violence at all
  (a letter, a peace proposal, a march) is dropped (:func:`summarizer.incident_types.violent`),
  and so is one with no fact beside its type, place and date (every actor "unknown");
* dates are resolved against the publication date, and a year the article never
  gives is not kept;
* incidents on the same day in the same city are one incident (small models
  often split one attack into one entry per sentence), and so are incidents of
  the same type and place whose dates and death tolls do not differ (one event
  told twice, as the overlapping parts of a long article do);
* a casualty figure the model left out, or whose quote does not hold its number, does
  not speak of deaths (injuries), or is not in the article, is replaced by the figure that the rules of
  :mod:`summarizer.casualties` find in the incident's part of the article (victims who
  "were shot" are its injured when no one died, or as the "others" beside the dead);
* places, actors, weapons and statements the model copied from the prompt's worked
  example rather than from the article (a Nigerian country for a Californian town) are dropped;
* placeholder actors ("unknown" with no number), weapons and responsibility of an
  "unknown" party are dropped: they say nothing the article says;
* a type the model over-uses (kidnapping, suicide attack, air strike, aircraft attack)
  whose incident's own words do not speak of it takes the type its words give
  (:mod:`summarizer.incident_types`);
* each responsibility statement keeps only the stance its quote's words allow
  (:mod:`summarizer.responsibility`: an official naming a group is not a claim);
* statements of responsibility about known or quoted groups that the rules of
  :mod:`summarizer.responsibility` read in the article are added to the incident
  spoken of last before them, unless the model already reported that group with that stance;
* other victim-death figures found for an incident are kept apart as
  ``other_reports``, each figure gets the low/high bounds its wording allows and,
  when its sentence says, who gave it;
* groups get their canonical name from the alias table (:mod:`summarizer.aliases`),
  countries their ISO 3166 name and code (:mod:`summarizer.places`), and a US place
  without a region the state the article writes after it ("Alturas, Calif."), else the state
  the GeoNames gazetteer gives the city when its places of that name point to one state; a US
  incident that is the answer's only one, or whose place is no place the gazetteer knows (a street,
  a bar), takes the city where the article places its story (:func:`summarizer.places.story_city`);
* an event the article names in passing in another country ("the crash of a Russian
  airliner in Egypt") becomes an incident of its own (:mod:`summarizer.named_events`);
* the incident with most victims is marked main;
* every fact's quote is aligned with the article (character span, exact / fuzzy /
  not found); a fact whose quote is not found or does not state its value (a
  number, a group's name) is flagged as unsupported or dropped, by policy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from summarizer import (
    casualties,
    dates,
    grounding,
    incident_types,
    injection,
    named_events,
    places,
    responsibility,
    sentences,
)
from summarizer.aliases import AliasTable
from summarizer.schema import (
    ArticleDraft,
    Casualties,
    Count,
    Incident,
    IncidentDraft,
    Provenance,
    Responsibility,
    Summary,
    When,
)
from summarizer.text import squash


def _when(text: str | None, article: str, published: date | None, future: bool = False) -> When | None:
    if not text or not text.strip():
        return None
    when = dates.resolve(text, published, future=future)
    year = when.date[:4] if when.date and when.date[0].isdigit() else None
    if year and year not in article and text not in article:
        # The model wrote a year the article does not contain: resolve its words without it.
        anchored = dates.resolve(re.sub(rf",?\s*\b{year}\b", "", text), published, future=future)
        when = When(text=text, date=anchored.date, precision=anchored.precision)
    return when


def grounded(count: Count | None, article: str, field: str = "killed") -> bool:
    """A figure is grounded when its quote is in the article, states its number, and speaks of
    deaths (injuries for ``field == "injured"``) rather than of something else."""
    if count is None or squash(count.quote) not in squash(article):
        return False
    if not grounding.supports_count(count.quote, count.number, field):
        return False
    span = grounding.align(count.quote, article)  # "Darrell Hawkins, 34 who were shot": 34 is his age
    if span.found and span.start is not None and span.end is not None:
        return not casualties.an_age(article, span.start, span.end, count.number)
    return True


def _anchor(incident: Incident, article: str) -> int:
    """Where the article first speaks of an incident: the earliest of its quoted words found."""
    folded = article.casefold()
    texts = [incident.when.text if incident.when else None, incident.where.text if incident.where else None]
    texts += [actor.quote for actor in incident.perpetrators + incident.victims + incident.targets]
    spots = [folded.find(t.casefold()) for t in texts if t and len(t) > 3]
    return min((s for s in spots if s >= 0), default=len(article))


def _by_rule(incidents: list[Incident], article: str) -> list[Casualties]:
    """Figures found by rule, each given to the incident spoken of last before it.

    The largest figure of each kind is the incident's; the other victim-death figures
    are kept as ``other_reports``, with who gave them.
    """
    if not incidents:
        return []
    anchors = [_anchor(i, article) for i in incidents]
    found: list[dict[str, Count]] = [{} for _ in incidents]
    deaths: list[list[Count]] = [[] for _ in incidents]
    hit: list[list[casualties.Mention]] = [[] for _ in incidents]
    for mention in casualties.find(article):
        owner = _owner(anchors, mention.start)
        if mention.hit:
            hit[owner].append(mention)
            continue
        field = "perpetrators_killed" if mention.perpetrators else mention.kind
        if field == "injured" and mention.perpetrators:
            continue
        if field == "killed":
            source = casualties.source(article, mention.start, mention.end)
            deaths[owner].append(mention.count().model_copy(update={"source": source}))
        best = found[owner].get(field)
        if best is None or mention.number > best.number:
            found[owner][field] = mention.count()
    for owner, mentions in enumerate(hit):  # "five people were shot": injured, when no one died or beside the dead
        usable = [m for m in mentions if m.others or "killed" not in found[owner]]
        if "injured" not in found[owner] and usable:
            found[owner]["injured"] = max(usable, key=lambda m: m.number).count()
    return [
        Casualties(
            killed=f.get("killed"),
            injured=f.get("injured"),
            perpetrators_killed=f.get("perpetrators_killed"),
            other_reports=d,
        )
        for f, d in zip(found, deaths, strict=True)
    ]


def _others(killed: Count | None, reports: list[Count]) -> list[Count]:
    """Victim-death figures other than the one reported, once per number."""
    seen = {killed.number} if killed else set()
    others = []
    for report in reports:
        if report.number not in seen:
            seen.add(report.number)
            others.append(report)
    return others


def _fill_casualties(incidents: list[Incident], article: str) -> list[Incident]:
    filled = []
    for incident, rule in zip(incidents, _by_rule(incidents, article), strict=True):
        model = incident.casualties
        killed = model.killed if grounded(model.killed, article) else rule.killed
        merged = Casualties(
            killed=killed,
            injured=model.injured if grounded(model.injured, article, "injured") else rule.injured,
            perpetrators_killed=(
                model.perpetrators_killed
                if grounded(model.perpetrators_killed, article, "perpetrators_killed")
                else rule.perpetrators_killed
            ),
            other_reports=_others(killed, rule.other_reports),
        )
        filled.append(incident.model_copy(update={"casualties": merged}))
    return filled


def _place(incident: Incident) -> str | None:
    return (incident.where.city or incident.where.text).casefold() if incident.where else None


def _figure(count: Count | None) -> int | None:
    return count.number if count else None


def _same_event(a: Incident, b: Incident) -> bool:
    """Same day in the same city; or told twice (a long article's overlapping parts, a model repeating
    itself): same type and place, no different date and no different death toll."""
    if _place(a) is None or _place(a) != _place(b):
        return False
    if a.when and b.when and a.when.precision == "day" and a.when.date == b.when.date:
        return True
    dates_agree = a.when is None or b.when is None or a.when.date == b.when.date
    killed_a, killed_b = _figure(a.casualties.killed), _figure(b.casualties.killed)
    tolls_agree = killed_a is None or killed_b is None or killed_a == killed_b
    return a.type == b.type and dates_agree and tolls_agree


def _union(first: list, second: list) -> list:  # type: ignore[type-arg]
    seen = {item.model_dump_json() for item in first}
    return first + [item for item in second if item.model_dump_json() not in seen]


def _owner(anchors: list[int], start: int) -> int:
    """The incident spoken of last before ``start`` (the first, when the article speaks of none before it)."""
    before = [k for k, a in enumerate(anchors) if a <= start]
    return max(before, key=lambda k: anchors[k]) if before else 0


def _party_key(r: Responsibility) -> tuple[str, str]:
    return (r.canonical or " ".join(r.party.split())).casefold(), r.stance


def _add_statements(incidents: list[Incident], article: str, table: AliasTable) -> list[Incident]:
    """Statements of responsibility read by rule, for the groups the model did not report."""
    if not incidents:
        return incidents
    anchors = [_anchor(i, article) for i in incidents]
    added: list[list[Responsibility]] = [[] for _ in incidents]
    for found in responsibility.find(article, table):
        owner = _owner(anchors, found.start)
        known = {_party_key(r) for r in incidents[owner].responsibility + added[owner]}
        if _party_key(found.statement) not in known:
            added[owner].append(found.statement)
    return [
        incident.model_copy(update={"responsibility": incident.responsibility + extra}) if extra else incident
        for incident, extra in zip(incidents, added, strict=True)
    ]


def _add_named_events(incidents: list[Incident], article: str) -> list[Incident]:
    """The events the article names in passing (:mod:`summarizer.named_events`), each as an incident
    of its own, when every reported incident is placed in a known country and none in theirs."""
    countries = {i.where.country_code if i.where else None for i in incidents}
    if not incidents or None in countries:
        return incidents
    added = []
    for mention in named_events.find(article):
        if mention.country_code not in countries:
            countries.add(mention.country_code)
            added.append(named_events.incident(mention))
    return incidents + added


def _merge(incidents: list[Incident]) -> list[Incident]:
    """One incident per event: same day, same city."""
    merged: list[Incident] = []
    for incident in incidents:
        twin = next((m for m in merged if _same_event(m, incident)), None)
        if twin is None:
            merged.append(incident)
            continue
        update: dict[str, object] = {
            field: _union(getattr(twin, field), getattr(incident, field))
            for field in ("perpetrators", "victims", "targets", "responsibility", "weapons")
        }
        ours, theirs = twin.casualties, incident.casualties
        killed = ours.killed or theirs.killed
        update["casualties"] = Casualties(
            killed=killed,
            injured=ours.injured or theirs.injured,
            perpetrators_killed=ours.perpetrators_killed or theirs.perpetrators_killed,
            other_reports=_others(killed, ours.other_reports + theirs.other_reports),
        )
        merged[merged.index(twin)] = twin.model_copy(update=update)
    return merged


def _weight(incident: Incident) -> int:
    counts = (incident.casualties.killed, incident.casualties.injured)
    return sum(count.number for count in counts if count is not None)


def _says_something(incident: Incident) -> bool:
    """Whether an incident has a fact beside its type, place and date: an actor, a weapon, a figure or a
    statement. The model files an "unknown" attacker against an "unknown" victim when it finds nothing."""
    c = incident.casualties
    roles = (incident.perpetrators, incident.victims, incident.targets, incident.weapons, incident.responsibility)
    return any(roles) or any((c.killed, c.injured, c.perpetrators_killed))


# A wire dateline ("BOGOTA, 30 AUG 89 (INRAVISION) --", "PARIS, Nov 14 (Reuters) -"): the day of the
# report, not of the incident.
_DATELINE = re.compile(r"\A\s*[A-Z][^\n]{0,80}?,\s+[^\n]{0,40}?\d[^\n]{0,120}?\s(?:--|-|\u2014|\u2013)\s", re.S)


def _dated(incidents: list[Incident], article: Article) -> list[Incident]:
    """An incident the model gave no day for takes the first day written in a sentence that holds its
    facts; the first incident, failing that, the first day written in a sentence on violence (the
    report's own dateline left out). Measured alone (``summarizer.evaluation.readers``)."""
    if article.published is None:
        return incidents
    texts, dated = article.body, []
    for n, incident in enumerate(incidents):
        if incident.when is None or incident.when.precision == "unknown":
            quotes = [squash(q) for q in _quotes(incident) if len(squash(q)) > 3]
            own = [text for text in texts if any(q in squash(text) for q in quotes)]
            found = _first_day(own, article.published) or (
                _first_day(_violent(texts), article.published) if n == 0 else None
            )
            if found is not None:
                incident = incident.model_copy(update={"when": found})
        dated.append(incident)
    return dated


def _quotes(incident: Incident) -> list[str]:
    c = incident.casualties
    counts = [count.quote for count in (c.killed, c.injured, c.perpetrators_killed) if count]
    return counts + [a.quote for a in incident.victims + incident.targets + incident.perpetrators]


def _violent(texts: list[str]) -> list[str]:
    return [text for text in texts if incident_types.speaks_of_violence(text)]


def _first_day(texts: list[str], published: date) -> When | None:
    for text in texts:
        found = dates.first(text, published)
        if found is not None and found.precision == "day" and found.date and found.date[0].isdigit():
            return found
    return None


def _mark_main(incidents: list[Incident]) -> list[Incident]:
    """The incident with most victims killed and injured is the main one; the first on a tie."""
    if not incidents:
        return incidents
    main = max(range(len(incidents)), key=lambda i: (_weight(incidents[i]), -i))
    return [incident.model_copy(update={"main": i == main}) for i, incident in enumerate(incidents)]


_PLACEHOLDERS = {"", "unknown", "unidentified", "none", "n/a", "na", "null", "not stated", "not mentioned"}


def placeholder(name: str) -> bool:
    """Whether ``name`` is the model saying nothing ("unknown", "n/a")."""
    return name.strip(" .'\"").casefold() in _PLACEHOLDERS


def _incident(draft: IncidentDraft, article: str, published: date | None) -> Incident:
    fields = draft.model_dump(exclude={"when"})
    for role in ("perpetrators", "victims", "targets"):  # "unknown" is the model saying nothing
        fields[role] = [a for a in fields[role] if not (placeholder(a["name"]) and a["number"] is None)]
    fields["weapons"] = [w for w in fields["weapons"] if not placeholder(w["quote"])]
    statements = [r for r in draft.responsibility if not placeholder(r.party)]
    fields["responsibility"] = [r.model_dump() for r in responsibility.checked(statements)]
    incident = Incident.model_validate(
        {
            **fields,
            "main": False,
            "when": _when(draft.when, article, published, draft.status in ("planned", "threatened")),
        }
    )
    return incident.model_copy(update={"type": incident_types.checked(incident)})


def _describe(count: Count | None, article: str) -> Count | None:
    """A figure with the bounds its wording allows and, when its sentence says, who gave it."""
    if count is None:
        return None
    low, high = casualties.bounds(count)
    span = count.span
    source = count.source
    if source is None and span is not None and span.start is not None and span.end is not None:
        source = casualties.source(article, span.start, span.end)
    return count.model_copy(update={"low": low, "high": high, "source": source})


def _described(incident: Incident, article: str) -> Incident:
    c = incident.casualties
    update = {name: _describe(getattr(c, name), article) for name in ("killed", "injured", "perpetrators_killed")}
    others = [_describe(o, article) for o in c.other_reports]
    described = c.model_copy(update={**update, "other_reports": [o for o in others if o is not None]})
    return incident.model_copy(update={"casualties": described})


def _leaked(text: str | None, article: str, example: str) -> bool:
    """Words the model copied from the prompt's worked example: in the example, not in the article
    (both given squashed)."""
    words = squash(text or "")
    return len(words) > 2 and _has(example, words) and not _has(article, words)


def _has(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words ("usa" is not in "musa adamu")."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _without_leaks(incident: Incident, article: str, example: str) -> Incident:
    """The incident without what the model copied from the worked example (a Nigerian country for a
    Californian town, the example's "Governor ... blamed the group")."""
    if not example:
        return incident
    article, example = squash(article), squash(example)
    update: dict[str, object] = {
        role: [f for f in getattr(incident, role) if not _leaked(f.quote, article, example)]
        for role in ("perpetrators", "victims", "targets", "weapons", "responsibility")
    }
    where = incident.where
    if where is not None and _leaked(where.text, article, example):
        where = None
    elif where is not None:
        leaks = {
            name: None for name in ("city", "region", "country") if _leaked(getattr(where, name), article, example)
        }
        where = where.model_copy(update=leaks | ({"country_code": None} if "country" in leaks else {}))
    update["where"] = where
    return incident.model_copy(update=update)


def _canonical(incident: Incident, table: AliasTable, article: str) -> Incident:
    """Groups under their canonical names, countries under their ISO 3166 names (as written if unknown),
    and a US place's state when the article writes it after the place."""
    update: dict[str, object] = {
        role: [a.model_copy(update={"canonical": table.canonical(a.name)}) for a in getattr(incident, role)]
        for role in ("perpetrators", "victims", "targets")
    }
    update["responsibility"] = [
        r.model_copy(update={"canonical": table.canonical(r.party)}) for r in incident.responsibility
    ]
    where = incident.where
    found = places.country(where.country) if where else None
    if where and found:
        where = where.model_copy(update={"country": found[0], "country_code": found[1]})
    if where and where.country_code == "US" and (city := places.us_city_in(where.city)) and city != where.city:
        where = where.model_copy(update={"city": city})  # "Zara Street home in Knoxville": Knoxville
    if where and where.region is None and (where.country is None or where.country_code == "US"):
        state = places.us_state(where.city, where.text, article)  # "Alturas, Calif." names the state
        if state is None and where.country_code == "US":  # the gazetteer, for a US city alone
            state = _gazetteer_state(where.city, article)
        if state is not None:
            where = where.model_copy(update={"region": state, "country": "United States", "country_code": "US"})
    if where is not None:
        update["where"] = where
    return incident.model_copy(update=update)


def _story_city(incidents: list[Incident], article: Article) -> list[Incident]:
    """A US incident takes the city where the article places its story (:func:`summarizer.places.story_city`)
    when it is the answer's only incident, or when the model's place is no place the gazetteer knows (a
    street, a bar, "the city's east side"). The model's words stay the place's text."""
    if not any(i.where and i.where.country_code == "US" for i in incidents):
        return incidents
    read = story_place(article.readable)
    if read is None:
        return incidents
    city, state = read
    alone = len(incidents) == 1
    placed = []
    for incident in incidents:
        where = incident.where
        known = where is not None and places.us_place(where.city)
        if where and where.country_code == "US" and where.city != city and (alone or not known):
            region = state or (None if known else where.region)  # else the state the model's street had
            incident = incident.model_copy(update={"where": where.model_copy(update={"city": city, "region": region})})
        placed.append(incident)
    return placed


def story_place(article: str) -> tuple[str, str | None] | None:
    """The city where a US article places its story (:func:`summarizer.places.story_city`) and its state:
    the one written after it, else the gazetteer's (:func:`_gazetteer_state`); None when none is read."""
    read = places.story_city(article)
    if read is None:
        return None
    city, state = read
    return city, state or _gazetteer_state(city, article)


def _placed(incident: Incident, article: str) -> Incident:
    """A country the article never names becomes the country of the incident's city, when the gazetteer
    places the city in one the article names or in the dateline's; else the dateline city's country. A
    US country stays unless the article names the other one: a US town's name is often a foreign city's
    too ("Paris", "Lima"), and US articles seldom write "United States"."""
    where = incident.where
    if where is None or _names(where.country, where.country_code, article):
        return incident
    lead = _DATELINE.match(article)
    dateline = places.gazetteer_country(article[: lead.end()].split(",")[0]) if lead else None
    city = places.gazetteer_country(where.city)
    named = city is not None and (places.names_country(city[1], article) or city == dateline)
    found = city if named else dateline
    if found is None or found[1] == where.country_code:
        return incident
    if where.country_code == "US" and not places.names_country(found[1], article):
        return incident
    placed = where.model_copy(update={"country": found[0], "country_code": found[1]})
    return incident.model_copy(update={"where": placed})


def _names(country: str | None, code: str | None, article: str) -> bool:
    """Whether the article names the country: as the model wrote it, or by any of its names."""
    if country and _has(squash(article), squash(country)):
        return True
    return code is not None and places.names_country(code, article)


def _gazetteer_state(city: str | None, article: str) -> str | None:
    """The one state with a place of that name that the article names, else the gazetteer's dominant
    one. Measured alone on the answer key's cities of all 4,574 GVA dev articles
    (:mod:`summarizer.evaluation.readers`), with the most populous place taken when no other state's is half
    as big: a state for 91.3% of them, right for 91.5% of those (five times as big: 84.0%, 94.5%)."""
    named = places.gazetteer_states(city) & places.states_named(article)
    return named.pop() if len(named) == 1 else places.gazetteer_state(city)


@dataclass(frozen=True)
class Article:
    """The article as every step reads it, prepared once: its text, its publication date, the text the
    readers may read (withheld lines blanked), its sentences after the dateline, the prompt's worked
    example and the alias table."""

    text: str
    published: date | None
    example: str = ""
    aliases: AliasTable = field(default_factory=AliasTable)

    @cached_property
    def readable(self) -> str:
        """The text with the lines withheld from the model blanked: the readers never read them."""
        return injection.blanked(self.text, injection.find(self.text))

    @cached_property
    def body(self) -> list[str]:
        """The readable text's sentences after the dateline, whitespace collapsed."""
        text = self.readable
        lead = _DATELINE.match(text)
        after = lead.end() if lead else 0
        return [" ".join(text[max(s, after) : e].split()) for s, e in sentences.spans(text) if e > after]


@dataclass(frozen=True)
class Step:
    """One rule: a *check* of the model's fields, or a *reader* of the article that adds or overrides."""

    name: str
    kind: Literal["check", "reader"]
    run: Callable[[list[Incident], Article], list[Incident]]


def _each(change: Callable[[Incident, Article], Incident]) -> Callable[[list[Incident], Article], list[Incident]]:
    return lambda incidents, article: [change(incident, article) for incident in incidents]


def _keep(test: Callable[[Incident], bool]) -> Callable[[list[Incident], Article], list[Incident]]:
    return lambda incidents, article: [incident for incident in incidents if test(incident)]


# The rules, in the order they run (the module's docstring says what each does).
STEPS: tuple[Step, ...] = (
    Step("worked example", "check", _each(lambda i, a: _without_leaks(i, a.text, a.example))),
    Step("violence", "check", _keep(incident_types.violent)),
    Step("names and places", "check", _each(lambda i, a: _placed(_canonical(i, a.aliases, a.text), a.text))),
    Step("one event told twice", "check", lambda incidents, a: _merge(incidents)),
    Step("story city", "reader", _story_city),
    Step("casualty figures", "reader", lambda incidents, a: _fill_casualties(incidents, a.readable)),
    Step("responsibility", "reader", lambda incidents, a: _add_statements(incidents, a.readable, a.aliases)),
    Step("a fact beside type, place and date", "check", _keep(_says_something)),
    Step("dates", "reader", _dated),
    Step("events named in passing", "reader", lambda incidents, a: _add_named_events(incidents, a.readable)),
    Step("main incident", "check", lambda incidents, a: _mark_main(incidents)),
)


def finish(
    draft: ArticleDraft,
    article: str,
    published: date | None,
    provenance: Provenance,
    unsupported: str = "flag",
    aliases: AliasTable | None = None,
    example: str = "",
) -> Summary:
    """Turn a validated draft into a :class:`Summary`, every fact aligned with the article.

    The draft's fields are read into incidents, the :data:`STEPS` run in order over one prepared
    :class:`Article`, and every quote is then aligned with the article. ``example`` is the prompt's
    worked example (:func:`summarizer.prompts.example_text`): what the model copied from it rather
    than from the article is dropped.
    """
    prepared = Article(article, published, example, aliases or AliasTable())
    incidents = [_incident(d, article, published) for d in draft.incidents]
    for step in STEPS:
        incidents = step.run(incidents, prepared)
    incidents, report = grounding.ground(incidents, article, unsupported)
    incidents = [_described(incident, article) for incident in incidents]
    provenance = provenance.model_copy(update={"grounding": report})
    return Summary(summary=draft.summary.strip(), incidents=incidents, provenance=provenance)
