"""A kidnapping type is kept only when the incident's own words speak of kidnapping or hostages."""

from __future__ import annotations

import pytest

from summarizer.incident_types import checked
from summarizer.schema import Actor, Casualties, Incident, IncidentType, Weapon


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
    assert checked(incident(description, weapon=weapon)) == expected


def test_other_types_are_the_models() -> None:
    assert checked(incident("Guerrillas kidnapped two guards.", kind="shooting")) == "shooting"
