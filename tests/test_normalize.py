"""Deterministic post-processing of a model's draft (summarizer.rules), without any model."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from summarizer import dates
from summarizer.aliases import AliasTable
from summarizer.rules import finish
from summarizer.schema import ArticleDraft, Provenance, Summary, Usage

ARTICLE = (
    "KANO, Nigeria - Two suicide bombers blew themselves up at a market in Kano on Saturday, killing "
    "at least 12 people and wounding between 30 and 40, police said. Hospital officials said 15 people died. "
    "Hollande said Daesh was behind the attack. The so-called Islamic State claimed responsibility."
)
PROVENANCE = Provenance(
    model="m", prompt_version="p", schema_version="2", published=None, attempts=1,
    usage=Usage(prompt_tokens=1, completion_tokens=1), seconds=0.0,
)  # fmt: skip


def incident(**changes: Any) -> dict[str, Any]:
    return {
        "description": "Suicide bombers attacked a market in Kano.",
        "type": "suicide_attack",
        "status": "carried_out",
        "when": "on Saturday",
        "where": {"text": "a market in Kano", "city": "Kano", "region": None, "country": "NIGERIA"},
        "perpetrators": [
            {"quote": "Two suicide bombers", "name": "suicide bombers", "kind": "individual", "number": 2}
        ],
        "victims": [],
        "targets": [],
        "weapons": [{"quote": "unknown"}],
        "casualties": {
            "killed": {"quote": "killing at least 12 people", "number": 12, "qualifier": "at_least"},
            "injured": {"quote": "wounding between 30 and 40", "number": 30, "qualifier": "exact"},
            "perpetrators_killed": None,
        },
        "responsibility": [
            {"quote": "Hollande said Daesh was behind the attack", "party": "Daesh", "stance": "claimed",
             "stated_by": "Hollande"},
            {"quote": "The so-called Islamic State claimed responsibility", "party": "so-called Islamic State",
             "stance": "claimed", "stated_by": "Islamic State"},
        ],
    } | changes  # fmt: skip


def summarize(*incidents: dict[str, Any], published: date | None = date(2026, 6, 7), article: str = ARTICLE) -> Summary:
    draft = ArticleDraft.model_validate({"summary": "A bombing.", "incidents": list(incidents)})
    return finish(draft, article, published, PROVENANCE, "flag", AliasTable())


def test_an_official_naming_a_group_is_attributed_and_the_groups_own_claim_is_claimed() -> None:
    [result] = summarize(incident()).incidents
    assert [(r.stance, r.canonical) for r in result.responsibility] == [
        ("attributed", "Islamic State"),
        ("claimed", "Islamic State"),
    ]


def test_countries_get_their_iso_name_and_code() -> None:
    [result] = summarize(incident()).incidents
    assert result.where is not None and (result.where.country, result.where.country_code) == ("Nigeria", "NG")


def test_a_us_state_the_model_gave_as_the_country_is_the_region_of_a_us_place() -> None:
    article = "A man was shot and killed in Auburn on Saturday, deputies said."
    where = {"text": "Auburn", "city": "Auburn", "region": None, "country": "California"}
    draft = ArticleDraft.model_validate(
        {"summary": "A shooting.", "incidents": [us_incident("Auburn", "Auburn") | {"where": where}]}
    )
    [result] = finish(draft, article, date(2026, 6, 7), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None
    assert (result.where.city, result.where.region, result.where.country_code) == ("Auburn", "California", "US")


def test_an_unknown_country_the_article_writes_is_kept_as_written_without_a_code() -> None:
    article = ARTICLE.replace("KANO, Nigeria", "KANO, Kanoland")
    where = {"text": "a market in Kano", "city": "Kano", "region": None, "country": "Kanoland"}
    draft = ArticleDraft.model_validate({"summary": "A bombing.", "incidents": [incident(where=where)]})
    [result] = finish(draft, article, date(2026, 6, 7), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and (result.where.country, result.where.country_code) == ("Kanoland", None)


def test_a_country_the_article_never_names_gives_way_to_the_gazetteers_country_of_the_city() -> None:
    where = {"text": "a market in Kano", "city": "Kano", "region": None, "country": "Niger"}
    [result] = summarize(incident(where=where)).incidents
    assert result.where is not None and (result.where.country, result.where.country_code) == ("Nigeria", "NG")


def test_a_country_the_article_never_names_gives_way_even_when_the_city_s_is_never_named_either() -> None:
    # GVA dev: the model placed Norfolk, Virginia in the United Kingdom; the article names no country
    article = "A man was shot and killed outside a bar in Norfolk on Saturday, police said."
    where = {"text": "a bar in Norfolk", "city": "Norfolk", "region": None, "country": "United Kingdom"}
    draft = ArticleDraft.model_validate(
        {"summary": "", "incidents": [us_incident("Norfolk", "Norfolk") | {"where": where}]}
    )
    [result] = finish(draft, article, date(2014, 7, 5), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None
    assert (result.where.city, result.where.region, result.where.country_code) == ("Norfolk", "Virginia", "US")


@pytest.mark.parametrize(
    ("article", "city", "country", "code"),
    [
        (  # MUC-4 dev: a Spanish agency's report; the model gave the agency's country to San Salvador.
            "MADRID, 17 NOV 89 (EFE) -- [TEXT] SPAIN CONDEMNED THE MURDER OF SIX JESUIT PRIESTS IN SAN SALVADOR, "
            "EL SALVADOR, WHO WERE SHOT TO DEATH BY MEN IN UNIFORM.",
            "San Salvador", "Spain", "SV",
        ),
        (  # the gazetteer knows a Paris in the United States too: the model's country stays
            "PARIS, Texas - A United States Army veteran was shot dead in Paris on Saturday; his wife is from France.",
            "Paris", "United States", "US",
        ),
    ],
)  # fmt: skip
def test_a_named_country_gives_way_to_the_citys_when_the_gazetteer_has_no_such_city_in_it(
    article: str, city: str, country: str, code: str
) -> None:
    where = {"text": city, "city": city, "region": None, "country": country}
    draft = ArticleDraft.model_validate(
        {"summary": "", "incidents": [incident(where=where, weapons=[], responsibility=[])]}
    )
    [result] = finish(draft, article, date(1989, 11, 17), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and result.where.country_code == code


def test_a_us_country_stays_when_a_foreign_city_shares_the_towns_name() -> None:
    article = "PARIS - A man was shot and killed on Main Street in Paris on Saturday, police said."
    where = {"text": "Main Street in Paris", "city": "Paris", "region": None, "country": "United States"}
    draft = ArticleDraft.model_validate(
        {"summary": "A shooting.", "incidents": [incident(where=where, weapons=[], responsibility=[])]}
    )
    [result] = finish(draft, article, date(2026, 6, 7), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and result.where.country_code == "US"


US_ARTICLE = (
    "A man was shot and killed outside a bar on Hamilton Avenue early Saturday, Pittsburgh police said. "
    "An hour later a woman was wounded on Main Street in Homestead, Pittsburgh police said."
)


def us_incident(text: str, city: str, killed: bool = True) -> dict[str, Any]:
    where = {"text": text, "city": city, "region": None, "country": "United States"}
    figure = {"quote": "shot and killed", "number": 1, "qualifier": "exact"}
    casualties = {"killed": figure if killed else None, "injured": None, "perpetrators_killed": None}
    return incident(where=where, weapons=[], responsibility=[], perpetrators=[], casualties=casualties)


def finish_us(*incidents: dict[str, Any]) -> list[Any]:
    draft = ArticleDraft.model_validate({"summary": "A shooting.", "incidents": list(incidents)})
    return finish(draft, US_ARTICLE, date(2026, 6, 7), PROVENANCE, "flag", AliasTable()).incidents


def test_a_us_incident_placed_on_a_street_takes_the_city_the_article_places_its_story_in() -> None:
    [result] = finish_us(us_incident("a bar on Hamilton Avenue", "a bar on Hamilton Avenue"))
    assert result.where is not None
    assert (result.where.text, result.where.city, result.where.region) == (
        "a bar on Hamilton Avenue", "Pittsburgh", "Pennsylvania")  # fmt: skip


def test_the_only_us_incident_takes_the_story_city_but_each_of_several_keeps_a_city_the_gazetteer_knows() -> None:
    [alone] = finish_us(us_incident("Homestead", "Homestead"))
    assert alone.where is not None and alone.where.city == "Pittsburgh"
    first, second = finish_us(
        us_incident("a bar on Hamilton Avenue", "a bar on Hamilton Avenue"),
        us_incident("Main Street in Homestead", "Homestead", killed=False) | {"when": "an hour later"},
    )
    assert first.where is not None and second.where is not None
    assert (first.where.city, second.where.city) == ("Pittsburgh", "Homestead")


def test_each_of_several_us_incidents_in_a_neighborhood_the_article_names_takes_the_story_city() -> None:
    # GVA dev: "in the Irving Park neighborhood", a place the gazetteer knows, is Chicago's.
    article = (
        "A man was shot and killed in the Irving Park neighborhood on Saturday, Chicago police said. "
        "Hours later a woman was wounded in Rogers Park, Chicago police said."
    )
    draft = ArticleDraft.model_validate(
        {
            "summary": "Two shootings.",
            "incidents": [
                us_incident("the Irving Park neighborhood", "Irving Park"),
                us_incident("Rogers Park", "Rogers Park", killed=False) | {"when": "hours later"},
            ],
        }
    )
    first, second = finish(draft, article, date(2026, 6, 7), PROVENANCE, "flag", AliasTable()).incidents
    assert first.where is not None and second.where is not None
    assert (first.where.text, first.where.city, first.where.region) == (
        "the Irving Park neighborhood", "Chicago", "Illinois")  # fmt: skip
    assert second.where.city == "Rogers Park"  # not written as a part of a city: the model's stays


def test_the_only_us_incident_keeps_a_city_whose_state_the_article_writes_after_it() -> None:
    article = "A man was shot and killed in Homestead, Pa., on Saturday, Pittsburgh police said."
    draft = ArticleDraft.model_validate(
        {"summary": "A shooting.", "incidents": [us_incident("Homestead", "Homestead")]}
    )
    [result] = finish(draft, article, date(2026, 6, 7), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and (result.where.city, result.where.region) == ("Homestead", "Pennsylvania")


def test_a_country_the_article_never_names_gives_way_to_the_us_city_of_its_story() -> None:
    # GVA dev: the model put "Brighton High School" of a Utah article in the United Kingdom.
    article = (
        "COTTONWOOD HEIGHTS, Utah - A 17-year-old boy was shot and killed at a home on Wednesday, police said. "
        "He was a student at Brighton High School."
    )
    where = {"text": "Brighton High School", "city": "Brighton High School", "region": None, "country": "UK"}
    draft = ArticleDraft.model_validate(
        {"summary": "A shooting.", "incidents": [incident(where=where, weapons=[], responsibility=[])]}
    )
    [result] = finish(draft, article, date(2014, 6, 5), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None
    assert (result.where.city, result.where.region, result.where.country_code) == (
        "Cottonwood Heights", "Utah", "US")  # fmt: skip
    named = article.replace("Brighton High School", "Brighton High School in England")
    [kept] = finish(draft, named, date(2014, 6, 5), PROVENANCE, "flag", AliasTable()).incidents
    assert kept.where is not None and kept.where.country_code == "GB"  # the article names it: it stays


def test_figures_get_bounds_and_sources_and_other_tolls_are_kept_apart() -> None:
    # The answer's only incident takes the largest toll the rules read (15); the model's "at least 12" is
    # kept apart with its bounds and who gave it.
    [result] = summarize(incident()).incidents
    killed, injured = result.casualties.killed, result.casualties.injured
    assert killed is not None and (killed.number, killed.source) == (15, "Hospital officials")
    assert injured is not None and (injured.low, injured.high) == (30, 40)
    [other] = result.casualties.other_reports
    assert (other.number, other.low, other.high, other.source) == (12, 12, None, "police")
    assert other.span is not None and other.span.status == "exact"


def test_of_several_incidents_each_takes_the_rules_toll_and_keeps_the_models_apart() -> None:
    # As for an answer's only incident: the largest toll the rules read before the next incident (15); the
    # model's "at least 12" is kept apart with who gave it.
    second = incident(where={"text": "Jos", "city": "Jos", "region": None, "country": "NIGERIA"}, when="on Sunday")
    first, _ = summarize(incident(), second).incidents
    killed = first.casualties.killed
    assert killed is not None and (killed.number, killed.source) == (15, "Hospital officials")
    assert [(o.low, o.high, o.source) for o in first.casualties.other_reports] == [(12, None, "police")]


def test_placeholder_weapons_are_dropped() -> None:
    [result] = summarize(incident()).incidents
    assert result.weapons == []


@pytest.mark.parametrize(
    ("where", "kept"),
    [
        ({"text": "unknown", "city": "unknown", "region": None, "country": "unknown"}, None),  # GVA dev
        ({"text": "Kano", "city": "Kano", "region": "n/a", "country": "unknown"}, ("Kano", "Kano", None, "Nigeria")),
    ],
)
def test_a_placeholder_place_is_none(where: dict[str, Any], kept: tuple[str, ...] | None) -> None:
    [result] = summarize(incident(where=where)).incidents
    placed = result.where
    assert (placed.text, placed.city, placed.region, placed.country) == kept if placed else kept is None


def test_one_event_told_twice_without_a_date_is_merged() -> None:
    twice = summarize(incident(when=None), incident(when=None, description="Bombers hit Kano."))
    assert len(twice.incidents) == 1


def test_different_death_tolls_in_one_place_stay_apart() -> None:
    other = incident(
        when=None,
        casualties={
            "killed": {"quote": "15 people died", "number": 15, "qualifier": "exact"},
            "injured": None,
            "perpetrators_killed": None,
        },
    )
    assert len(summarize(incident(when=None), other).incidents) == 2


def test_no_incident_from_the_model_in_an_article_with_a_death_toll_is_the_toll_s_incident() -> None:
    [result] = summarize().incidents  # the model answered nothing; the article says "killing at least 12 people"
    killed = result.casualties.killed
    assert killed is not None and (killed.number, killed.qualifier) == (12, "at_least")
    assert result.description == "Killing at least 12 people."


def test_no_incident_from_the_model_in_an_article_with_victims_hurt_is_their_incident() -> None:
    # GVA dev: the model answered nothing for a report of a man injured at a hookah bar.
    article = (
        "San Antonio Police investigate the scene of a shooting on the city's North Side where one man was "
        "injured following a confrontation inside a hookah bar, Saturday."
    )
    [result] = summarize(article=article).incidents
    injured = result.casualties.injured
    assert injured is not None and injured.number == 1 and result.casualties.killed is None
    assert result.type == "shooting"
    shot = "Three people were shot outside a nightclub in Manassas early Sunday, police said."
    [hit] = summarize(article=shot).incidents
    assert hit.casualties.injured is not None and hit.casualties.injured.number == 3


def test_no_incident_from_the_model_a_death_goes_before_an_injury_figure_and_a_war_s_toll_makes_none() -> None:
    article = "Two people were wounded on Friday. A day later a man was shot dead in the same street, police said."
    [result] = summarize(article=article).incidents
    assert result.casualties.killed is not None and result.casualties.injured is None
    assert summarize(article="The war has left more than 70,000 people dead since 1980.").incidents == []


def test_an_incident_the_model_describes_without_any_violence_is_dropped() -> None:
    letter = incident(
        description="Hollande wrote a letter to the governor of Kano.",
        type="armed_assault",
        weapons=[],
        casualties={"killed": None, "injured": None, "perpetrators_killed": None},
    )
    [left] = summarize(letter).incidents  # the letter is dropped; the article's own toll is read instead
    assert "letter" not in left.description and left.casualties.killed is not None
    assert len(summarize(letter, incident()).incidents) == 1


def test_statements_the_model_left_out_are_read_from_the_article() -> None:
    [result] = summarize(incident(responsibility=[])).incidents
    assert [(r.party, r.canonical, r.stance, r.stated_by) for r in result.responsibility] == [
        ("Daesh", "Islamic State", "attributed", "Hollande"),
        ("so-called Islamic State", "Islamic State", "claimed", "so-called Islamic State"),
    ]
    assert all(r.span is not None and r.span.status == "exact" for r in result.responsibility)


def test_a_statement_the_model_reported_is_not_added_twice() -> None:
    [result] = summarize(incident()).incidents
    assert len(result.responsibility) == 2


def test_the_attackers_who_blew_themselves_up_are_counted_apart() -> None:
    [result] = summarize(incident()).incidents
    dead = result.casualties.perpetrators_killed
    assert dead is not None and dead.number == 2 and "blew themselves up" in dead.quote
    assert result.casualties.killed is not None and result.casualties.killed.number == 15  # victims, not the two


def test_a_model_figure_whose_quote_speaks_of_no_death_is_replaced_by_the_articles() -> None:
    wrong = {"quote": "Two suicide bombers", "number": 2, "qualifier": "exact"}
    casualties = {"killed": wrong, "injured": None, "perpetrators_killed": None}
    [result] = summarize(incident(casualties=casualties)).incidents
    assert result.casualties.killed is not None and result.casualties.killed.number == 15


def test_what_the_model_copied_from_the_worked_example_is_dropped() -> None:
    from summarizer import prompts

    article = "HARBOR CITY (CNS) - A man was shot and killed at a family party in Harbor City, police said."
    where = {"text": "a family party in Harbor City", "city": "Harbor City", "region": None, "country": "Nigeria"}
    copied = {"quote": "Governor Abdullahi Ganduje blamed the group", "party": "Boko Haram", "stance": "suspected",
              "stated_by": "Governor Abdullahi Ganduje"}  # fmt: skip
    casualties = {"killed": None, "injured": None, "perpetrators_killed": None}
    draft = ArticleDraft.model_validate(
        {
            "summary": "A man was shot dead.",
            "incidents": [
                incident(where=where, responsibility=[copied], perpetrators=[], weapons=[], casualties=casualties)
            ],
        }
    )
    example = prompts.example_text()
    assert "Nigeria" in example and "Ganduje" in example
    [result] = finish(draft, article, None, PROVENANCE, "flag", AliasTable(), example).incidents
    assert result.where is not None
    assert (result.where.city, result.where.country, result.where.country_code) == ("Harbor City", None, None)
    assert result.responsibility == []
    [kept] = finish(draft, article, None, PROVENANCE, "flag", AliasTable()).incidents  # no example: nothing known
    assert kept.where is not None and kept.where.country == "Nigeria"


def test_victims_shot_are_the_injured_when_no_one_died_or_as_the_others_beside_the_dead_or_those_who_lived() -> None:
    def injured(article: str) -> int | None:
        quiet = incident(
            where={"text": "Kano", "city": "Kano", "region": None, "country": "Nigeria"},
            casualties={"killed": None, "injured": None, "perpetrators_killed": None},
            responsibility=[],
        )
        draft = ArticleDraft.model_validate({"summary": "A shooting.", "incidents": [quiet]})
        [result] = finish(draft, article, None, PROVENANCE).incidents
        count = result.casualties.injured
        return count.number if count else None

    assert injured("In Kano, five people were shot at a party.") == 5
    assert injured("In Kano, five people were shot at a party. Two of them died.") == 3  # the hit who lived
    # told apart, the hit and the dead may be other victims: no figure
    far = "In Kano, five people were shot at a party. " + "The police have not named a suspect. " * 5 + "Two died."
    assert injured(far) is None
    assert injured("In Kano, a man was killed and three others were shot at a party.") == 3
    # the largest figure, hit or injured (measured on all GVA dev articles): the badly wounded are among the five
    assert injured("In Kano, five people were shot; 2 were wounded badly.") == 5
    assert injured("In Kano, two people were shot; 3 were injured in the stampede.") == 3


def injured_of(article: str, *incidents: dict[str, Any]) -> list[tuple[int, str] | None]:
    draft = ArticleDraft.model_validate({"summary": "A shooting.", "incidents": list(incidents)})
    counts = [i.casualties.injured for i in finish(draft, article, None, PROVENANCE).incidents]
    return [(c.number, c.quote) if c else None for c in counts]


def kano(
    killed: dict[str, Any] | None = None, injured: dict[str, Any] | None = None, city: str = "Kano"
) -> dict[str, Any]:
    return incident(
        where={"text": city, "city": city, "region": None, "country": "Nigeria"},
        casualties={"killed": killed, "injured": injured, "perpetrators_killed": None},
        responsibility=[],
    )


def test_the_only_incident_takes_the_articles_largest_injured_figure_over_the_models_partial_one() -> None:
    article = "In Kano, gunmen wounded two women at a party. Five people were hospitalized, police said."
    partial = {"quote": "wounded two women", "number": 2, "qualifier": "exact"}
    assert injured_of(article, kano(injured=partial)) == [(5, "Five people were hospitalized")]


def test_a_toll_in_the_thousands_is_no_incident_s_deaths() -> None:
    # GVA dev and MUC-4: "more than 1,000 people dead" is a war's or a year's toll beside the incident's.
    article = "In Kano, gunmen killed three people at a market. The conflict has left more than 1,000 people dead."
    draft = ArticleDraft.model_validate({"summary": "A shooting.", "incidents": [kano()]})
    [result] = finish(draft, article, None, PROVENANCE).incidents
    killed = result.casualties.killed
    assert killed is not None and (killed.number, killed.quote) == (3, "killed three people")


def test_of_several_incidents_each_takes_the_largest_injured_figure_read_before_the_next() -> None:
    article = (
        "In Kano, gunmen wounded two women at a party. Five people were hospitalized, police said. "
        "In Maiduguri, a bomb wounded three people on Sunday."
    )
    partial = {"quote": "wounded two women", "number": 2, "qualifier": "exact"}
    three = {"quote": "wounded three people", "number": 3, "qualifier": "exact"}
    assert injured_of(article, kano(injured=partial), kano(injured=three, city="Maiduguri")) == [
        (5, "Five people were hospitalized"),
        (3, "wounded three people"),
    ]


def test_of_several_incidents_one_the_article_cannot_place_keeps_the_models_figures() -> None:
    # No words of the second incident are in the article ("Jos" is too short to place it by), so the rules
    # cannot tell whose figures they read: the model's stand.
    article = "In Kano, gunmen wounded two women at a party. In Jos, five people were hospitalized after a blast."
    partial = {"quote": "wounded two women", "number": 2, "qualifier": "exact"}
    jos = {"quote": "five people were hospitalized", "number": 5, "qualifier": "exact"}
    assert injured_of(article, kano(injured=partial), kano(injured=jos, city="Jos")) == [
        (2, "wounded two women"),
        (5, "five people were hospitalized"),
    ]


def test_one_victim_shot_is_no_injury_beside_the_death_reported() -> None:
    # The model's figure holds the death, and the rules now read "was later pronounced dead" themselves too.
    article = "In Kano, a 14-year-old boy was shot at a party. The boy was later pronounced dead, police said."
    died = {"quote": "The boy was later pronounced dead", "number": 1, "qualifier": "exact"}
    assert injured_of(article, kano(killed=died)) == [None]
    assert injured_of(article, kano()) == [None]
    # with no death told, the victim shot is the injured
    assert injured_of("In Kano, a 14-year-old boy was shot at a party.", kano()) == [(1, "a 14-year-old boy was shot")]


def test_a_death_toll_copied_to_several_incidents_is_the_first_ones() -> None:
    article = "In Kano and in Jos, gunmen attacked two police posts on Saturday and left two dead, police said."
    toll = {"quote": "left two dead", "number": 2, "qualifier": "exact"}
    draft = ArticleDraft.model_validate(
        {"summary": "Two attacks.", "incidents": [kano(killed=toll), kano(killed=toll, city="Jos")]}
    )
    first, second = finish(draft, article, None, PROVENANCE).incidents
    assert first.casualties.killed is not None and first.casualties.killed.number == 2
    assert second.casualties.killed is None


def test_an_incident_with_no_fact_beside_its_type_place_and_date_is_dropped() -> None:
    """The embedded model files "unknown" attackers of "unknown" victims on articles that report no attack."""
    article = "A bomb attack was reported near the border on Monday, the army said."
    blank = {"quote": "unknown", "name": "unknown", "kind": "unknown", "number": None}
    nothing = incident(description="A bomb attack near the border.", perpetrators=[blank], victims=[blank],
                       weapons=[], casualties={"killed": None, "injured": None, "perpetrators_killed": None},
                       responsibility=[], where=None)  # fmt: skip
    draft = ArticleDraft.model_validate({"summary": "", "incidents": [nothing]})
    assert finish(draft, article, None, PROVENANCE, "flag", AliasTable()).incidents == []
    weapon = nothing | {"weapons": [{"quote": "A bomb"}]}
    draft = ArticleDraft.model_validate({"summary": "", "incidents": [weapon]})
    assert len(finish(draft, article, None, PROVENANCE, "flag", AliasTable()).incidents) == 1


def test_a_value_is_copied_from_the_example_only_when_its_whole_words_are_there() -> None:
    """ "USA" is not copied from the example's "Musa Adamu"."""
    article = "HOUSTON - A gunman shot and killed a man in Houston on Monday, police said."
    where = {"text": "Houston", "city": "Houston", "region": None, "country": "USA"}
    draft = ArticleDraft.model_validate({"summary": "", "incidents": [incident(where=where)]})
    [result] = finish(
        draft, article, None, PROVENANCE, "flag", AliasTable(), "police spokesman Musa Adamu said"
    ).incidents
    assert result.where is not None and (result.where.country, result.where.region) == ("United States", "Texas")


def test_a_weekday_alone_gives_way_to_the_weekday_its_sentences_say_with_a_time_of_day() -> None:
    # GVA dev: the report's day ("in critical condition Tuesday") is not the shooting's ("6 p.m. Monday").
    article = (
        "A 12-year-old was in critical condition Tuesday after he and three others were shot in Kano. "
        "Four teens were shot on the court at about 6 p.m. Monday evening, police said."
    )
    shot = kano(injured={"quote": "three others were shot", "number": 4, "qualifier": "exact"}) | {"when": "Tuesday"}
    draft = ArticleDraft.model_validate({"summary": "A shooting.", "incidents": [shot]})
    [result] = finish(draft, article, date(2014, 1, 28), PROVENANCE).incidents
    assert result.when is not None and (result.when.text, result.when.date) == ("6 p.m. Monday", "2014-01-27")
    named = shot | {"when": "about 6 p.m. Monday"}
    [kept] = finish(ArticleDraft.model_validate({"summary": "", "incidents": [named]}), article, date(2014, 1, 28),
                    PROVENANCE).incidents  # fmt: skip
    assert kept.when is not None and kept.when.date == "2014-01-27"
    dated = shot | {"when": "January 28, 2014"}  # the publication day written as a date: the web page's own
    page = f"January 28, 2014. {article}"
    [moved] = finish(ArticleDraft.model_validate({"summary": "", "incidents": [dated]}), page, date(2014, 1, 28),
                     PROVENANCE).incidents  # fmt: skip
    assert moved.when is not None and moved.when.date == "2014-01-27"


def test_the_publication_weekday_said_with_its_hour_keeps_its_place() -> None:
    # GVA dev: a page of several stories; "Thursday at 2:45 p.m." (the publication day) is the shooting's day,
    # not the report's, and gives no way to another story's "Sunday night around 11:45 p.m.".
    article = (
        "A man was shot on Sunday night around 11:45 p.m. in the Lower Ninth Ward. "
        "A man was shot in Kano. The shooting was reported Thursday at 2:45 p.m."
    )
    shot = kano() | {"when": "Thursday at 2:45 p.m."}
    draft = ArticleDraft.model_validate({"summary": "A shooting.", "incidents": [shot]})
    [result] = finish(draft, article, date(2014, 6, 5), PROVENANCE).incidents
    assert result.when is not None and result.when.date == "2014-06-05"
    assert dates.calendar_written("June 5, 2014") and not dates.calendar_written("Thursday at 2:45 p.m.")


def test_an_incident_without_a_day_takes_the_first_day_its_sentences_give_not_the_datelines() -> None:
    article = (
        "BOGOTA, 30 AUG 89 (RADIO) -- [TEXT] LAST\nNIGHT'S TERRORIST TARGET WAS THE LIQUEUR PLANT. "
        "FOUR ROCKETS WERE DEFUSED BY THE POLICE."
    )
    where = {"text": "THE LIQUEUR PLANT", "city": None, "region": None, "country": "Colombia"}
    draft = ArticleDraft.model_validate(
        {"summary": "", "incidents": [incident(when=None, where=where, weapons=[{"quote": "FOUR ROCKETS"}],
                                               perpetrators=[], responsibility=[])]}
    )  # fmt: skip
    [result] = finish(draft, article, date(1989, 8, 30), PROVENANCE, "flag", AliasTable()).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("1989-08-29", "day")
    assert result.when.span is not None  # the words ("LAST NIGHT") are the article's


def test_an_incident_dated_to_a_month_takes_a_day_of_that_month_its_sentences_give() -> None:
    article = (
        "Police are still looking for the gunman. In July 2014 gunmen attacked a market in Kano. "
        "Suicide bombers struck Kano on July 25, 2014, killing 12 people. A trial opened on May 3, 2015."
    )
    [result] = summarize(incident(when="July 2014"), article=article, published=date(2015, 6, 1)).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("2014-07-25", "day")


def test_an_incident_dated_to_a_month_keeps_it_when_its_sentences_give_no_day_in_it() -> None:
    article = "Suicide bombers struck Kano in July 2014, killing 12 people. A trial opened on May 3, 2015."
    [result] = summarize(incident(when="July 2014"), article=article, published=date(2015, 6, 1)).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("2014-07", "month")


def test_a_us_citys_state_is_the_one_the_article_names_among_the_gazetteers() -> None:
    # Beaumont, Texas is not five times as populous as Beaumont, California: the article decides.
    article = "A man was shot and killed at a bar on Fourth Street in Beaumont on Sunday, Texas police said."
    where = {"text": "a bar on Fourth Street in Beaumont", "city": "a bar on Fourth Street in Beaumont",
             "region": None, "country": "United States"}  # fmt: skip
    draft = ArticleDraft.model_validate(
        {"summary": "", "incidents": [incident(where=where, weapons=[], responsibility=[])]}
    )
    [result] = finish(draft, article, date(2014, 3, 17), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and (result.where.city, result.where.region) == ("Beaumont", "Texas")


def test_an_attacker_the_model_also_names_as_a_victim_is_not_kept_among_the_attackers() -> None:
    victims = [{"quote": "12 people", "name": "12 people", "kind": "unknown", "number": 12}]
    confused = {"quote": "12 people", "name": "the 12 people", "kind": "individual", "number": 12}
    bombers = {"quote": "Two suicide bombers", "name": "suicide bombers", "kind": "individual", "number": 2}
    [result] = summarize(incident(victims=victims, perpetrators=[confused, bombers])).incidents
    assert [p.name for p in result.perpetrators] == ["suicide bombers"]
    assert [v.name for v in result.victims] == ["12 people"]


def test_a_victim_whose_words_name_a_weapon_is_no_victim() -> None:
    victims = [
        {"quote": "12 people", "name": "12 people", "kind": "unknown", "number": 12},
        {"quote": "46 M-16 rifles", "name": "46 M-16 rifles", "kind": "unknown", "number": 46},
        {"quote": "car bomb victims", "name": "car bomb victims", "kind": "unknown", "number": None},
    ]
    [result] = summarize(incident(victims=victims)).incidents
    assert [v.name for v in result.victims] == ["12 people", "car bomb victims"]


def test_a_victim_whose_words_name_no_people_is_none_and_the_article_s_victims_are_read() -> None:
    article = "A bomb exploded in a market in Kano, killing 12 people. A blackout followed the explosion."
    blackout = [{"quote": "blackout", "name": "blackout", "kind": "unknown", "number": None}]
    [result] = summarize(incident(victims=blackout), article=article).incidents
    assert [v.name for v in result.victims] == ["12 people"]


def test_attackers_apart_from_the_victims_are_all_kept() -> None:
    victims = [{"quote": "12 people", "name": "12 people", "kind": "unknown", "number": 12}]
    [result] = summarize(incident(victims=victims)).incidents
    assert [p.name for p in result.perpetrators] == ["suicide bombers"]


def test_an_attacker_written_word_for_word_as_a_target_is_not_kept_among_the_attackers() -> None:
    market = {"quote": "a market", "name": "a market", "kind": "unknown", "number": None}
    confused = {"quote": "a market", "name": "a market", "kind": "individual", "number": None}
    bombers = {"quote": "Two suicide bombers", "name": "suicide bombers", "kind": "individual", "number": 2}
    [result] = summarize(incident(targets=[market], perpetrators=[bombers, confused])).incidents
    assert [p.name for p in result.perpetrators] == ["suicide bombers"]


def test_a_group_named_twice_under_its_alias_is_one_perpetrator_and_its_members_stay_apart() -> None:
    article = ARTICLE + " Members of the Islamic State fled. Daesh fighters were seen."
    perpetrators = [
        {"quote": "Members of the Islamic State", "name": "members of Islamic State", "kind": "individual"},
        {"quote": "Islamic State", "name": "Islamic State", "kind": "group"},
        {"quote": "Daesh", "name": "Daesh", "kind": "group"},
    ]
    perpetrators = [p | {"number": None} for p in perpetrators]
    [result] = summarize(incident(perpetrators=perpetrators), article=article).incidents
    assert [(p.name, p.kind) for p in result.perpetrators] == [
        ("members of Islamic State", "individual"),
        ("Islamic State", "group"),
    ]


def test_an_incident_dated_only_by_a_time_of_day_takes_the_day_of_publication() -> None:
    article = "Suicide bombers struck Kano around 1 a.m., killing at least 12 people, police said."
    [result] = summarize(incident(when="around 1 a.m."), article=article).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("2026-06-07", "day")


def test_an_hour_said_where_the_article_gives_no_day_is_the_day_of_publication() -> None:
    # a GVA dev article's words: a report of the day it is published, that gives the hour and no day
    article = (
        "GARY | Police are reporting that a 3-year-old child was shot in the hand in the 1000 block of Tyler "
        "Street.\n\nPolice were on the scene of the shooting in an alley at about 5 p.m. but left shortly after."
    )
    [result] = summarize(incident(when=None), article=article).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("2026-06-07", "day")
    [later] = summarize(incident(when=None), article=article + " The boy was shot on Monday.").incidents
    assert later.when is not None and later.when.date == "2026-06-01"  # a day said: not the hour's


def test_a_time_of_day_gives_way_to_the_day_the_incidents_sentences_give() -> None:
    [result] = summarize(incident(when="around 1 a.m.")).incidents  # "... in Kano on Saturday, killing ..."
    assert result.when is not None and (result.when.date, result.when.precision) == ("2026-06-06", "day")


LEFT_OUT = (
    "SAN SALVADOR, 2 DEC 89 (ACAN-EFE) -- [TEXT] D'AUBUISSON SAID THAT ONCE THE MURDER OF THE SIX JESUITS\n"
    "HAS BEEN CLEARED UP, U.S. AUTHORITIES HAVE NO REASON TO DELAY THE AID."
)


def bombing_in(city: str, country: str, description: str, **changes: Any) -> dict[str, Any]:
    """A bombing with no date, figure or statement of its own, in a MUC-4 article's words."""
    return (
        incident(
            description=description,
            type="bombing",
            when=None,
            where={"text": city.upper(), "city": city, "region": None, "country": country},
            casualties={"killed": None, "injured": None, "perpetrators_killed": None},
            responsibility=[],
        )
        | changes
    )


def test_a_killing_the_model_left_out_becomes_the_incident_when_none_is_left() -> None:
    [result] = summarize(article=LEFT_OUT, published=date(1989, 12, 2)).incidents
    killed = result.casualties.killed
    assert killed is not None and (killed.number, killed.quote) == (6, "MURDER OF THE SIX JESUITS")
    assert [(v.name, v.number) for v in result.victims] == [("SIX JESUITS", 6)]
    assert result.where is not None and result.where.country_code == "SV"  # the dateline city's country
    assert killed.span is not None and killed.span.status == "exact"  # grounded like any other fact


def test_a_killing_left_out_is_placed_in_a_us_story_city_whose_namesakes_are_mostly_american() -> None:
    # GVA dev: the article never writes Texas, but the world's San Antonios are mostly the Texan one
    article = "San Antonio police said a man was shot and killed at a hookah bar on the North Side on Saturday."
    [result] = summarize(article=article, published=date(2015, 7, 5)).incidents
    assert result.where is not None
    assert (result.where.city, result.where.region, result.where.country_code) == ("San Antonio", "Texas", "US")
    # an article that names another country is not placed in a US namesake ("SAN JOSE (COSTA RICA)")
    abroad = "San Jose police said a man was shot and killed in Costa Rica on Saturday."
    [elsewhere] = summarize(article=abroad, published=date(2015, 7, 5)).incidents
    assert elsewhere.where is None or elsewhere.where.country_code != "US"


def test_a_war_s_toll_is_no_incident_left_out() -> None:
    article = "THE WAR HAS COST 70,000 DEATHS TO THE SALVADORAN PEOPLE."
    assert summarize(article=article, published=date(1989, 12, 2)).incidents == []


def test_no_killing_is_added_beside_the_model_s_incidents() -> None:
    article = LEFT_OUT + "\nTHE ARMY SAID GUERRILLAS BOMBED A POWER PYLON IN USULUTAN."
    bombing = bombing_in(
        "Usulutan",
        "El Salvador",
        "Guerrillas bombed a power pylon.",
        perpetrators=[{"quote": "GUERRILLAS", "name": "guerrillas", "kind": "individual", "number": None}],
    )
    results = summarize(bombing, article=article, published=date(1989, 12, 2)).incidents
    assert [r.description for r in results] == ["Guerrillas bombed a power pylon."]


def test_an_incident_with_no_weapon_takes_the_first_two_its_sentences_name() -> None:
    article = (
        "BOGOTA, 25 SEP 89 (AFP) -- [TEXT] A BOMB EXPLODED ON THE 6TH FLOOR OF THE HILTON HOTEL, KILLING TWO\n"
        "PEOPLE. DYNAMITE AND A GRENADE WERE FOUND AT THE HILTON HOTEL. A RIFLE WAS SEIZED IN MEDELLIN."
    )
    hotel = bombing_in(
        "Bogota", "Colombia", "A bomb exploded at the Hilton Hotel.",
        perpetrators=[],
        targets=[{"quote": "HILTON HOTEL", "name": "Hilton Hotel", "kind": "unknown", "number": None}],
        weapons=[],
        casualties={"killed": {"quote": "KILLING TWO\nPEOPLE", "number": 2, "qualifier": "exact"}, "injured": None,
                    "perpetrators_killed": None},
    )  # fmt: skip
    [result] = summarize(hotel, article=article, published=date(1989, 9, 25)).incidents
    assert [w.quote for w in result.weapons] == ["BOMB", "DYNAMITE"]  # from its own sentences, not the rifle's
    assert all(w.span is not None and w.span.status == "exact" for w in result.weapons)


def test_the_model_s_weapons_are_kept_and_none_is_added() -> None:
    article = ARTICLE.replace("blew themselves up", "blew themselves up with explosive belts") + " A grenade was found."
    [result] = summarize(incident(weapons=[{"quote": "explosive belts"}]), article=article).incidents
    assert [w.quote for w in result.weapons] == ["explosive belts"]


def test_an_incident_with_no_individual_attacker_takes_the_agent_its_sentences_name() -> None:
    article = (
        "LIMA, 12 JUN 89 (EFE) -- [TEXT] URBAN GUERRILLAS DYNAMITED A BUS OF THE SHINING PATH'S FOES IN LIMA TODAY.\n"
        "THE ARMY SAID IT KILLED FIVE REBELS IN AYACUCHO."
    )
    bus = bombing_in(
        "Lima",
        "Peru",
        "Shining Path bombed a bus in Lima.",
        perpetrators=[{"quote": "SHINING PATH", "name": "Shining Path", "kind": "group", "number": None}],
        targets=[{"quote": "A BUS", "name": "bus", "kind": "unknown", "number": None}],
    )
    [result] = summarize(bus, article=article, published=date(1989, 6, 12)).incidents
    assert [(p.name, p.kind) for p in result.perpetrators] == [
        ("Shining Path", "group"),
        ("URBAN GUERRILLAS", "individual"),
    ]


def test_an_incident_with_no_victims_takes_the_first_two_its_sentences_name() -> None:
    article = (
        "BOGOTA, 25 SEP 89 (AFP) -- [TEXT] A BOMB EXPLODED AT A BUS STATION IN CALI, KILLING TWO POLICEMEN AND\n"
        "WOUNDING A GUARD. TERRORISTS KIDNAPPED A JUDGE IN MEDELLIN. FIVE PEASANTS WERE KILLED IN URABA."
    )
    station = bombing_in(
        "Cali", "Colombia", "A bomb exploded at a bus station in Cali.",
        perpetrators=[],
        targets=[{"quote": "A BUS STATION", "name": "bus station", "kind": "unknown", "number": None}],
    )  # fmt: skip
    [result] = summarize(station, article=article, published=date(1989, 9, 25)).incidents
    assert [v.name for v in result.victims] == ["TWO POLICEMEN", "GUARD"]  # its own sentence's, two at most
    assert all(v.span is not None and v.span.status == "exact" for v in result.victims)
    named = station | {"victims": [{"quote": "A GUARD", "name": "guard", "kind": "unknown", "number": 1}]}
    [kept] = summarize(named, article=article, published=date(1989, 9, 25)).incidents
    assert [v.name for v in kept.victims] == ["guard"]  # the model's victims are kept and none is added


def test_a_day_the_model_writes_with_the_year_of_a_two_digit_dateline_is_kept() -> None:
    article = "SAN SALVADOR, 2 MAY 90 (AFP) -- [TEXT] A BOMB EXPLODED IN KANO, KILLING 12 PEOPLE."
    [result] = summarize(incident(when="1990-05-02"), article=article, published=date(1990, 5, 2)).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("1990-05-02", "day")
    [other] = summarize(incident(when="1991-05-02"), article=article, published=date(1990, 5, 2)).incidents
    assert other.when is None or other.when.date != "1991-05-02"  # a year the article never gives


def test_an_iso_day_the_model_computes_keeps_its_month_and_day_where_the_article_gives_no_year() -> None:
    # GVA dev: the prompt writes the publication day as 2015-07-24; the model answered the shooting's day,
    # 2015-07-23, in the same form. The article gives no year, so the year is dropped and the day kept.
    article = "Authorities are investigating a shooting that left a 10-year-old injured in Nicoma Park."
    shot = incident(when="2015-07-23", casualties={"killed": None, "injured": None, "perpetrators_killed": None})
    [result] = summarize(shot, article=article, published=date(2015, 7, 24)).incidents
    assert result.when is not None and (result.when.date, result.when.precision) == ("2015-07-23", "day")
    # The publication day copied back is no day the article gives: the one its sentences give is taken, else none.
    [copied] = summarize(shot | {"when": "2015-07-24"}, article=article, published=date(2015, 7, 24)).incidents
    assert copied.when is None or copied.when.date is None
    later = article.replace(".", " last night.")
    [copied] = summarize(shot | {"when": "2015-07-24"}, article=later, published=date(2015, 7, 24)).incidents
    assert copied.when is not None and (copied.when.date, copied.when.text) == ("2015-07-23", "last night")


def test_the_first_day_read_for_an_undated_incident_is_not_a_weekday_something_was_reported_on() -> None:
    # GVA dev: "police said Sunday" is the report's day; the shooting's is Saturday, said later on.
    article = (
        "A 20-year-old man is fighting for his life after a man opened fire on a Bronx street, police said Sunday. "
        "The suspect walked up to the group and fired on them Saturday, officials said."
    )
    [result] = summarize(incident(when=None), article=article, published=date(2015, 6, 14)).incidents
    assert result.when is not None and (result.when.date, result.when.text) == ("2015-06-13", "Saturday")
    # When no other day is said, the reported one is still the best there is.
    alone = article.replace(" Saturday", "")
    [kept] = summarize(incident(when=None), article=alone, published=date(2015, 6, 14)).incidents
    assert kept.when is not None and kept.when.date == "2015-06-14"


def test_the_first_day_read_gives_way_to_a_day_at_most_two_earlier_said_close_by() -> None:
    # GVA dev: a report tells what followed first; the shooting's day, one day earlier, comes after it.
    article = (
        "Neighbors held a vigil Saturday evening for three victims who were shot and killed Friday in their home. "
        "Police have not named a suspect."
    )
    [result] = summarize(incident(when=None), article=article, published=date(2015, 9, 19)).incidents
    assert result.when is not None and (result.when.date, result.when.text) == ("2015-09-18", "Friday")
    # The next sentence is close by too.
    split = article.replace(" who were shot and killed Friday in their home.", " of a shooting. They died Friday.")
    [result] = summarize(incident(when=None), article=split, published=date(2015, 9, 19)).incidents
    assert result.when is not None and result.when.date == "2015-09-18"
    # A day a week earlier is another event's ("Monday" before a Saturday), not the incident's.
    week = article.replace("Friday", "Monday")
    [result] = summarize(incident(when=None), article=week, published=date(2015, 9, 19)).incidents
    assert result.when is not None and result.when.date == "2015-09-19"


def test_a_day_the_model_takes_from_the_wire_dateline_gives_way_to_the_day_its_sentences_give() -> None:
    # MUC-4 dev: the dateline is the report's day; the missionaries were shot "last night".
    article = (
        "LA PAZ, 25 MAY 89 (DPA) -- [TEXT] TWO U.S. MORMON MISSIONARIES WERE SHOT TO DEATH LAST NIGHT BY A "
        "GROUP OF TERRORISTS. THE POLICE SAID THE KILLERS FLED."
    )
    killed = {"killed": {"quote": "TWO U.S. MORMON MISSIONARIES WERE SHOT TO DEATH", "number": 2, "qualifier": "exact"},
              "injured": None, "perpetrators_killed": None}  # fmt: skip
    shot = incident(when="25 MAY 89", casualties=killed, perpetrators=[], responsibility=[], weapons=[])
    [result] = summarize(shot, article=article, published=date(1989, 5, 25)).incidents
    assert result.when is not None and (result.when.date, result.when.text) == ("1989-05-24", "LAST NIGHT")
    # With no day in its sentences, the dateline's day stays.
    quiet = article.replace(" LAST NIGHT", "")
    [result] = summarize(shot, article=quiet, published=date(1989, 5, 25)).incidents
    assert result.when is not None and result.when.date == "1989-05-25"
    # The dateline's day in the model's own words is the report's day as well.
    own_words = incident(when="25 May 1989", casualties=killed, perpetrators=[], responsibility=[], weapons=[])
    [result] = summarize(own_words, article=article, published=date(1989, 5, 25)).incidents
    assert result.when is not None and (result.when.date, result.when.text) == ("1989-05-24", "LAST NIGHT")
    # Unless a sentence gives that day too ("TODAY"): then it is the sentence's.
    today = article.replace("THE POLICE SAID", "THE POLICE SAID TODAY")
    [result] = summarize(own_words, article=today, published=date(1989, 5, 25)).incidents
    assert result.when is not None and result.when.date == "1989-05-25"


@pytest.mark.parametrize(
    ("city", "kept"),
    [("3800 block of Chestnut Avenue", None), ("Law Street, Pelzer", "Pelzer"), ("Kansas City", "Kansas City")],
)
def test_a_city_that_is_a_street_is_none_or_the_town_written_after_it(city: str, kept: str | None) -> None:
    article = f"A girl was shot in the abdomen at a house on {city}, police said."
    where = {"text": city, "city": city, "region": None, "country": "Canada"}
    draft = ArticleDraft.model_validate({"summary": "", "incidents": [us_incident(city, city) | {"where": where}]})
    [result] = finish(draft, article, date(2015, 1, 9), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and (result.where.text, result.where.city) == (city, kept)


@pytest.mark.parametrize(
    ("dateline", "city", "country", "kept"),
    [
        ("LIMA", "Peru", "Peru", None),  # the model's country for a city it does not know
        ("GUATEMALA CITY", "Guatemala", "Guatemala", "Guatemala City"),  # the article writes the capital
        ("SAN SALVADOR", "Guatemala", "El Salvador", None),  # another country's name
        ("SINGAPORE", "Singapore", "Singapore", "Singapore"),  # a city of that name in that country
        ("BOGOTA", "Bogota", "Colombia", "Bogota"),
    ],
)
def test_a_city_that_is_a_country_s_name_is_none(dateline: str, city: str, country: str, kept: str | None) -> None:
    # MUC-4: 31 of 556 cached incidents had a country for their city ("Peru", "Nicaragua", "El Salvador")
    article = f"{dateline}, 18 OCT 89 (EFE) -- [TEXT] A BOMB EXPLODED TODAY IN {country.upper()}, KILLING TWO PEOPLE."
    where = {"text": city, "city": city, "region": None, "country": country}
    killed = {"quote": "KILLING TWO PEOPLE", "number": 2, "qualifier": "exact"}
    bomb = incident(where=where, casualties={"killed": killed, "injured": None, "perpetrators_killed": None})
    [result] = summarize(bomb, article=article, published=date(1989, 10, 18)).incidents
    assert result.where is not None and result.where.city == kept


def test_a_us_town_named_as_a_country_stays_a_city() -> None:
    article = "A man was shot and killed in Lebanon on Saturday, police said."
    where = {"text": "Lebanon", "city": "Lebanon", "region": "Pennsylvania", "country": "United States"}
    draft = ArticleDraft.model_validate(
        {"summary": "", "incidents": [us_incident("Lebanon", "Lebanon") | {"where": where}]}
    )
    [result] = finish(draft, article, date(2015, 1, 9), PROVENANCE, "flag", AliasTable()).incidents
    assert result.where is not None and result.where.city == "Lebanon"


def test_the_main_incident_is_the_news_not_a_larger_one_from_the_past() -> None:
    # GVA dev: a report of yesterday's shooting recalls an older massacre with more victims.
    article = "Six people were killed in Kano on Friday, police said. In May 2013 a gunman killed 57 people in Jos."
    news = kano(killed={"quote": "Six people were killed", "number": 6, "qualifier": "exact"}) | {"when": "Friday"}
    past = kano(killed={"quote": "killed 57 people", "number": 57, "qualifier": "exact"}, city="Jos") | {
        "when": "May 2013"
    }
    draft = ArticleDraft.model_validate({"summary": "", "incidents": [past, news]})
    first, second = finish(draft, article, date(2014, 5, 24), PROVENANCE).incidents
    assert (first.main, second.main) == (False, True)
    [alone] = finish(ArticleDraft.model_validate({"summary": "", "incidents": [past]}), article, date(2014, 5, 24),
                     PROVENANCE).incidents  # fmt: skip
    assert alone.main  # every incident is past: the largest is still main
    undated = finish(draft, article, None, PROVENANCE).incidents
    assert [i.main for i in undated] == [True, False]  # no publication day: the most victims


def test_a_date_the_model_wrote_in_its_own_words_takes_the_words_of_the_article_that_give_it() -> None:
    # MUC-4: the model writes "12 January 1990" for the wire's "12 JAN 90" and the story's "TODAY"; the date
    # keeps its day and can be traced to the article's words.
    article = "LIMA, 12 JAN 90 -- URBAN GUERRILLAS TODAY ATTACKED A MARKET IN KANO, KILLING 12 PEOPLE."
    killed = {"quote": "KILLING 12 PEOPLE", "number": 12, "qualifier": "exact"}
    [result] = summarize(kano(killed=killed) | {"when": "12 January 1990"}, article=article,
                         published=date(1990, 1, 12)).incidents  # fmt: skip
    assert result.when is not None and (result.when.text, result.when.date) == ("TODAY", "1990-01-12")
    assert result.when.span is not None and result.when.span.status == "exact"


def test_a_date_no_words_of_the_article_give_stays_as_the_model_wrote_it_and_is_flagged() -> None:
    # Where its sentences give no other day (one they give replaces it: see the test of "Wednesday night" below).
    article = "LIMA, 12 JAN 90 -- URBAN GUERRILLAS ATTACKED A MARKET IN KANO, KILLING 12 PEOPLE."
    killed = {"quote": "KILLING 12 PEOPLE", "number": 12, "qualifier": "exact"}
    summary = summarize(kano(killed=killed) | {"when": "3 March 1990"}, article=article, published=date(1990, 3, 9))
    [result] = summary.incidents
    assert result.when is not None and (result.when.text, result.when.date) == ("3 March 1990", "1990-03-03")
    assert "incidents[0].when" in summary.provenance.grounding.unsupported


def test_a_weapon_the_article_does_not_name_gives_way_to_those_its_sentences_name() -> None:
    # GVA dev: the model gives "shotgun" for shootings whose articles name no shotgun (25 of 540 cached drafts).
    article = "Two men were shot with a handgun in Kano on Saturday, police said."
    injured = {"quote": "Two men were shot", "number": 2, "qualifier": "exact"}
    [result] = summarize(kano(injured=injured) | {"weapons": [{"quote": "shotgun"}]}, article=article).incidents
    assert [w.quote for w in result.weapons] == ["handgun"]
    [kept] = summarize(kano(injured=injured) | {"weapons": [{"quote": "a handgun"}]}, article=article).incidents
    assert [w.quote for w in kept.weapons] == ["a handgun"]


def test_a_weapon_the_model_lists_twice_is_kept_once() -> None:
    # MUC-4 train: "DYNAMITE", "DYNAMITE" when two sentences name it (4 incidents of 740 cached drafts)
    article = "Two men were shot with a handgun in Kano on Saturday. The HANDGUN was found later, police said."
    injured = {"quote": "Two men were shot", "number": 2, "qualifier": "exact"}
    weapons = [{"quote": "handgun"}, {"quote": "HANDGUN"}]
    [result] = summarize(kano(injured=injured) | {"weapons": weapons}, article=article).incidents
    assert [w.quote for w in result.weapons] == ["handgun"]
    # and the reader of weapons takes each once: two sentences that name it give one, and the next is taken
    article = "A BOMB killed two people in Kano. The bomb and a grenade wounded three others, police said."
    killed = {"quote": "killed two people", "number": 2, "qualifier": "exact"}
    hurt = {"quote": "wounded three others", "number": 3, "qualifier": "exact"}
    [read] = summarize(kano(killed=killed, injured=hurt) | {"weapons": []}, article=article).incidents
    assert [w.quote for w in read.weapons] == ["BOMB", "grenade"]


def test_a_day_no_words_of_the_article_give_gives_way_to_the_day_its_sentences_give() -> None:
    # GVA dev: the model wrote "January 1, 2014" for a text that says "in January" of an argument long before.
    article = (
        "A 19-year-old man, accused of killing three men in an attack Wednesday night in Lookout Valley, remains "
        "in custody. The couple began to argue in January, police said."
    )
    killed = {"killed": {"quote": "killing three men", "number": 3, "qualifier": "exact"}, "injured": None,
              "perpetrators_killed": None}  # fmt: skip
    unsaid = incident(when="January 1, 2014", casualties=killed, perpetrators=[], responsibility=[], weapons=[])
    [result] = summarize(unsaid, article=article, published=date(2014, 4, 10)).incidents
    assert result.when is not None and (result.when.date, result.when.text) == ("2014-04-09", "Wednesday night")
    # A day the article gives in other words ("Jan. 1") stays the model's.
    said = article.replace("in January", "on Jan. 1")
    [result] = summarize(unsaid, article=said, published=date(2014, 4, 10)).incidents
    assert result.when is not None and result.when.date == "2014-01-01"


def test_a_group_that_names_a_person_is_an_individual_and_claims_no_responsibility() -> None:
    # GVA dev: the model filed "mother" and "unknown gunman from the alley" among the groups, and a claim of
    # "family", suspected by "family".
    article = (
        "Kano police said an unknown gunman from the alley shot at a party. His mother and his family said he "
        "was a good boy. The Boko Haram group claimed responsibility."
    )
    perpetrators = [
        {"quote": "an unknown gunman from the alley", "name": "unknown gunman from the alley", "kind": "group",
         "number": None},
        {"quote": "His mother", "name": "mother", "kind": "group", "number": None},
        {"quote": "The Boko Haram group", "name": "Boko Haram", "kind": "group", "number": None},
    ]  # fmt: skip
    responsibility = [
        {"quote": "his family said he was a good boy", "party": "family", "stance": "suspected", "stated_by": "family"},
        {"quote": "The Boko Haram group claimed responsibility", "party": "Boko Haram", "stance": "claimed",
         "stated_by": "Boko Haram"},
    ]  # fmt: skip
    [result] = summarize(incident(perpetrators=perpetrators, responsibility=responsibility), article=article).incidents
    assert [(p.name, p.kind) for p in result.perpetrators] == [
        ("unknown gunman from the alley", "individual"),
        ("mother", "individual"),
        ("Boko Haram", "group"),
    ]
    assert [r.party for r in result.responsibility] == ["Boko Haram"]
