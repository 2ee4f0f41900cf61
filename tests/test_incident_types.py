"""A type the model over-uses is kept only when the incident's own words speak of it (kidnapping, suicide, air);
an incident whose words name no violence at all is none."""

from __future__ import annotations

import pytest

from summarizer.incident_types import checked, described, violent
from summarizer.schema import Actor, Casualties, Count, Incident, IncidentType, Weapon


def incident(description: str, kind: IncidentType = "hostage_taking_kidnapping", weapon: str | None = None) -> Incident:
    return Incident(
        description=description,
        type=kind,
        status="carried_out",
        when=None,
        where=None,
        perpetrators=[],
        victims=[Actor(quote="two guards", name="guards", kind="individual", number=2)],
        targets=[],
        weapons=[Weapon(quote=weapon)] if weapon else [],
        casualties=Casualties(killed=None, injured=None, perpetrators_killed=None),
        responsibility=[],
        main=False,
    )


@pytest.mark.parametrize(
    ("description", "weapon", "expected"),
    [
        ("Guerrillas kidnapped two guards.", None, "hostage_taking_kidnapping"),
        ("Gunmen took two guards hostage.", None, "hostage_taking_kidnapping"),
        ("A car bomb exploded near the embassy.", None, "bombing"),
        ("Two guards were killed.", "dynamite", "bombing"),
        ("A bomber blew himself up at a checkpoint.", None, "suicide_attack"),
        ("Rebels set fire to a bus.", None, "arson"),
        ("Gunmen opened fire on a patrol.", None, "shooting"),
        ("The army shelled the village.", None, "air_strike_shelling"),
        ("Two guards were attacked.", None, "armed_assault"),
    ],
)
def test_a_kidnapping_type_follows_the_incidents_words(description: str, weapon: str | None, expected: str) -> None:
    assert checked(incident(description, weapon=weapon), f"{description} {weapon}") == expected


@pytest.mark.parametrize(
    ("description", "kind", "expected"),
    [
        ("A gunman shot two guards outside a bar.", "suicide_attack", "shooting"),  # GVA
        ("A suicide bomber struck a checkpoint.", "suicide_attack", "suicide_attack"),
        ("A man shot his wife in a murder-suicide.", "suicide_attack", "shooting"),  # GVA
        ("He shot a neighbour, then committed suicide.", "suicide_attack", "shooting"),
        ("A car bomb destroyed the newspaper's offices.", "air_strike_shelling", "bombing"),  # MUC-4
        ("Rebels fired mortars at the barracks.", "air_strike_shelling", "air_strike_shelling"),
        ("Four rockets were fired at the base.", "air_strike_shelling", "air_strike_shelling"),
        ("A car bomb exploded outside the security department.", "aircraft_attack", "bombing"),  # MUC-4
        ("The airliner was downed by a missile.", "aircraft_attack", "aircraft_attack"),
        ("Two guards were attacked.", "aircraft_attack", "armed_assault"),
    ],
)
def test_over_used_types_follow_the_incidents_words(description: str, kind: IncidentType, expected: str) -> None:
    assert checked(incident(description, kind=kind), description) == expected


def test_other_types_are_the_models() -> None:
    assert checked(incident("Guerrillas kidnapped two guards.", kind="shooting"), "") == "shooting"
    assert checked(incident("Two guards were attacked.", kind="bombing"), "") == "bombing"


# MUC-4 dev: the model described missionaries shot to death as the worked example's "suicide bombing".
SHOT = "TWO U.S. MORMON MISSIONARIES WERE SHOT TO DEATH LAST NIGHT BY A GROUP OF TERRORISTS."


@pytest.mark.parametrize(
    ("description", "article", "expected"),
    [
        ("suicide bombing at a temple in La Paz", SHOT, "armed_assault"),
        ("suicide bombing at a temple in La Paz", f"{SHOT} A BOMB WAS FOUND LAST MONTH.", "bombing"),
        ("suicide bombing at a temple in La Paz", f"{SHOT} A SUICIDE BOMBER STRUCK IN MAY.", "suicide_attack"),
        ("kidnapping of two guards", "Gunmen shot two guards.", "armed_assault"),
    ],
)
def test_an_over_used_type_needs_the_articles_words_too(description: str, article: str, expected: str) -> None:
    kind: IncidentType = "hostage_taking_kidnapping" if "kidnapping" in description else "suicide_attack"
    assert checked(incident(description, kind=kind), article) == expected


@pytest.mark.parametrize(
    "description",
    [
        "A letter from the Tupac Amaru Revolutionary Movement to the Cardinal, proposing a dialogue.",
        "The Guatemalan rebels proposed holding meetings on dates to be agreed upon.",
        "Several hundred activists marched through the streets of San Salvador.",
        "A group of mercenaries trained paramilitary groups in the Middle Magdalena region.",
    ],
)
def test_an_incident_whose_words_name_no_violence_is_none(description: str) -> None:
    assert not violent(incident(description, "armed_assault"))
    assert not violent(incident(description, "armed_assault", weapon="blue uniforms"))


@pytest.mark.parametrize(
    ("description", "weapon"),
    [
        ("Guerrillas kidnapped two guards.", None),
        ("A boy was charged after a gun he was showing discharged into his chest.", None),
        ("A car was seen near the avenue during a demonstration.", "AK rifles"),  # the weapon says it
        ("Two guards were found dead.", None),
        ("Rebels set fire to a bus.", None),
        ("Terrorists dynamited two power pylons.", None),
        ("A shotgun accident.", "shotgun"),  # a gun of any kind says it
        ("An accident at a farm.", "handgun"),
    ],
)
def test_an_incident_whose_words_or_weapons_name_violence_is_kept(description: str, weapon: str | None) -> None:
    assert violent(incident(description, "armed_assault", weapon=weapon))


def test_a_casualty_figure_that_speaks_of_deaths_keeps_an_incident() -> None:
    quiet = incident("Something happened at the farm.", "armed_assault")
    assert not violent(quiet)
    dead = Count(quote="three people died", number=3, qualifier="exact")
    assert violent(
        quiet.model_copy(update={"casualties": Casualties(killed=dead, injured=None, perpetrators_killed=None)})
    )


def test_an_over_used_type_the_words_do_not_bear_takes_the_kind_its_sentences_name_most() -> None:
    sentences = f"{SHOT} POLICE SAID THE MISSIONARIES WERE SHOT IN THE HEAD."
    article = f"{sentences} REBELS SET FIRE TO TWO BUSES LAST MONTH AND BURNED A THIRD."
    assert checked(incident("suicide bombing at a temple in La Paz", kind="suicide_attack"), article, sentences) == (
        "shooting"
    )
    # its sentences name no kind: an armed assault, not the arson the rest of the article speaks of
    quiet = "TWO MISSIONARIES WERE KILLED LAST NIGHT."
    assert checked(incident("suicide bombing at a temple", kind="suicide_attack"), f"{quiet} {article}", quiet) == (
        "armed_assault"
    )


@pytest.mark.parametrize(
    ("description", "kind", "article", "expected"),
    [
        # GVA: the worked example's words for a man shot at home
        ("suicide bombing at a home", "shooting", "A man was shot at his home.", "shooting at a home"),
        ("Suicide bombing at a home", "armed_assault", "A man was killed at his home.", "Attack at a home"),
        ("suicide bombing at a school bus", "bombing", "A pipe bomb exploded on a bus.", "bombing at a school bus"),
        # a type whose words the article does not write either is called an attack
        (
            "air strike on a military position",
            "bombing",
            "Rebels attacked a military position.",
            "attack on a military position",
        ),
        ("kidnapping of foreigners", "armed_assault", "Seven foreigners were attacked.", "attack of foreigners"),
        # words the article writes stay
        (
            "suicide bombing at a market",
            "suicide_attack",
            "A suicide bomber struck the market.",
            "suicide bombing at a market",
        ),
        (
            "murder-suicide at a home",
            "shooting",
            "Police called it a murder-suicide; both were shot.",
            "murder-suicide at a home",
        ),
        ("shooting at a bar", "shooting", "A gunman opened fire in a bar.", "shooting at a bar"),
    ],
)
def test_a_description_loses_the_kinds_of_violence_the_article_never_writes(
    description: str, kind: IncidentType, article: str, expected: str
) -> None:
    assert described(incident(description, kind=kind), article) == expected
