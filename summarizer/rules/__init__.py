"""The rules: deterministic post-processing, by which the model's draft becomes the user's summary.

The draft's fields are read into incidents (:mod:`.fields`), then :data:`STEPS` run in order over one
article prepared once (:class:`.prepared.Article`): each step is a *check* of the model's fields
(:mod:`.checks`) or a *reader* of the article that adds or overrides (:mod:`.readers`). What they do:

* an incident whose description, weapons and casualty quotes name no violence at all
  (a letter, a peace proposal, a march) is dropped (:func:`summarizer.incident_types.violent`),
  and so is one with no fact beside its type, place and date (every actor "unknown");
* dates are resolved against the publication date, and a year the article never
  gives is not kept; an incident with no day takes the first day its own sentences give
  (one dated to a month, the first day of that month they give; one dated by a time of day
  alone, failing that, the day of publication); one dated by the wire dateline alone (the report's
  day: "LA PAZ, 25 MAY 89 --") takes the first day its own sentences give ("last night");
* incidents on the same day in the same city are one incident (small models
  often split one attack into one entry per sentence), and so are incidents of
  the same type and place whose dates and death tolls do not differ (one event
  told twice, as the overlapping parts of a long article do);
* an attacker the model also names as a victim ("four Americans on the plane" beside the victims
  "four Americans"), or word for word as a target, is not kept among the attackers: victims are kept
  apart from perpetrators; a victim whose words name a weapon ("46 M-16 rifles"), or no people at all
  ("blackout", "four"), is none; a group whose words name a person ("mother", "unknown gunman from the alley")
  is an individual attacker, and no party to a statement of responsibility (run after those are read);
* a casualty figure the model left out, or whose quote does not hold its number, does
  not speak of deaths (injuries), or is not in the article, is replaced by the figure that the rules of
  :mod:`summarizer.casualties` find in the incident's part of the article (victims who
  "were shot" are its injured when no one died, or as the "others" beside the dead); the answer's only
  incident takes the rules' figures (the largest of each kind), the model's kept among the other reports;
* a death toll whose words an earlier incident holds, and which the article writes once, is not a later
  incident's too (the model copies "left two dead" to each incident of an article);
* places, actors, weapons and statements the model copied from the prompt's worked
  example rather than from the article (a Nigerian country for a Californian town) are dropped;
* placeholder actors ("unknown" with no number), weapons and responsibility of an
  "unknown" party are dropped: they say nothing the article says;
* a type the model over-uses (kidnapping, suicide attack, air strike, aircraft attack)
  whose incident's own words, or the article, do not speak of it takes the type its words
  give of those the article names too, failing that the kind its own sentences name most
  (:mod:`summarizer.incident_types`);
* a description's words for a kind of violence the article never writes (the worked example's "suicide
  bombing" copied to a man shot at home) become the name of the incident's type;
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
  without a region the state the article writes after it ("Alturas, Calif."), else the one state of
  the city's that the article names, or that has a county the article names ("Onslow County"), else the
  state the GeoNames gazetteer gives the city when its places of that name point to one state; a US
  incident that is the answer's only one, or whose place is no place the gazetteer knows (a street,
  a bar), takes the city where the article places its story (:func:`summarizer.places.story_city`);
* a city that is a street, an address or a building ("3800 block of Chestnut Avenue") is none, or the town
  written after it ("Law Street, Pelzer"); the model's words stay the place's text; a city written with its
  state ("Noble County, Ind.") is the city alone, in that state; a city that is a country's name ("Peru") is
  none outside the US, unless the gazetteer has such a city there, or it is the article's "Guatemala City";
* when no incident is left, the first victims' death the casualty readers find is one (the model answers
  nothing for killings spoken of in passing: "the murder of the six Jesuits"), with its figure, the victims
  its words name, the type its sentence gives and the dateline's country; a toll in the thousands is a
  war's and makes none;
* a weapon the article does not name is none (the model's "shotgun" for any shooting, the worked example's
  "explosive vests"), and each weapon is one ("DYNAMITE" twice is one); then an incident with no weapon takes the
  first two its own sentences name (the first incident, failing that, the article's sentences on violence;
  :mod:`summarizer.weapons`), and one with no individual
  attacker the first its sentences name as the agent of violence ("guerrillas attacked", "by unidentified
  gunmen"; :mod:`summarizer.attackers`), unless it is one of its victims; one with no victims the first two
  its sentences name as killed, injured or kidnapped ("the murder of the six Jesuits", "kidnapped
  businessman Jose Perez"; :mod:`summarizer.victims`), unless one is its attacker;
* an event the article names in passing in another country ("the crash of a Russian
  airliner in Egypt") becomes an incident of its own (:mod:`summarizer.named_events`);
* a date whose words are not the article's (the model's "12 January 1990" for the wire's "12 JAN 90", its
  "on Thursday afternoon" for "Thursday afternoon") takes the article's words that give the same day (month,
  year): in the incident's own sentences, then after the dateline ("TODAY"), then in the dateline, so that
  every date is traced to the article's words;
* the incident with most victims is marked main, unless it is dated more than 60 days before publication
  and another is not (the story's background: an older massacre recalled);
* every fact's quote is aligned with the article (character span, exact / fuzzy /
  not found); a fact whose quote is not found or does not state its value (a
  number, a group's name) is flagged as unsupported or dropped, by policy; a casualty figure is supported
  where the casualty readers read it ("shot six people": six injured), or where its number is written with
  words of its kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from summarizer import grounding, incident_types
from summarizer.aliases import AliasTable
from summarizer.rules import checks, fields, readers
from summarizer.rules.fields import grounded, placeholder
from summarizer.rules.prepared import Article
from summarizer.schema import ArticleDraft, Incident, Provenance, Summary

__all__ = ["STEPS", "Article", "Step", "finish", "grounded", "placeholder"]


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
    Step("worked example", "check", _each(lambda i, a: checks.without_leaks(i, a.text, a.example))),
    Step("types the article bears out", "check", _each(checks.typed)),
    Step("descriptions the article bears out", "check", _each(checks.described)),
    Step("violence", "check", _keep(incident_types.violent)),
    Step(
        "names and places", "check", _each(lambda i, a: checks.placed(checks.canonical(i, a.aliases, a.text), a.text))
    ),
    Step("one event told twice", "check", lambda incidents, a: checks.merge(incidents)),
    Step("victims apart from attackers", "check", _each(lambda i, a: checks.apart(checks.people_as_victims(i)))),
    Step("story city", "reader", readers.story_city),
    Step("no street for a city", "check", _each(lambda i, a: checks.no_street_city(i))),
    Step("a city without its state", "check", _each(lambda i, a: checks.city_alone(i))),
    Step("no country for a city", "check", _each(lambda i, a: checks.country_no_city(i, a.text))),
    Step("casualty figures", "reader", lambda incidents, a: readers.fill_casualties(incidents, a.readable)),
    Step("a death toll told once", "check", lambda incidents, a: checks.deaths_told_once(incidents, a.text)),
    Step("responsibility", "reader", lambda incidents, a: readers.add_statements(incidents, a.readable, a.aliases)),
    Step("persons not groups", "check", _each(lambda i, a: checks.persons_not_groups(i))),
    Step("a fact beside type, place and date", "check", _keep(checks.says_something)),
    Step("a killing left out", "reader", readers.killing_left_out),
    Step("dates", "reader", readers.dated),
    Step("weapons the article names", "check", _each(checks.named_weapons)),
    Step("weapons", "reader", readers.armed),
    Step("attackers", "reader", readers.attacked_by),
    Step("victims", "reader", readers.victimized),
    Step("events named in passing", "reader", lambda incidents, a: readers.add_named_events(incidents, a.readable)),
    Step("a date in the article's words", "check", _each(checks.date_words)),
    Step("main incident", "check", lambda incidents, a: checks.mark_main(incidents, a.published)),
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
    read = Article(article, published, example, aliases or AliasTable())
    incidents = [fields.incident(d, article, published) for d in draft.incidents]
    for step in STEPS:
        incidents = step.run(incidents, read)
    incidents, report = grounding.ground(incidents, article, unsupported)
    incidents = [fields.described(incident, article) for incident in incidents]
    provenance = provenance.model_copy(update={"grounding": report})
    return Summary(summary=draft.summary.strip(), incidents=incidents, provenance=provenance)
