"""The attackers reader: generic nouns named as the agent of violence, as written, each once."""

import pytest

from summarizer import attackers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("URBAN GUERRILLAS ATTACKED A POLICE STATION.", ["URBAN GUERRILLAS"]),
        ("The judge was killed by unidentified gunmen.", ["unidentified gunmen"]),
        ("TERRORISTS HAVE DYNAMITED TWO PYLONS AND TERRORISTS KILLED A GUARD", ["TERRORISTS"]),
        ("a group of heavily armed men who shot the driver", ["heavily armed men"]),
        ("abducted by a group of rebels", ["rebels"]),
    ],
)
def test_the_agents_of_violence_are_read(text: str, expected: list[str]) -> None:
    assert attackers.find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "THE ARMY KILLED FIVE GUERRILLAS.",  # the guerrillas are the victims
        "Several men were killed.",  # no agent
        "The attack was carried out by individuals.",  # too vague to keep
        "Guerrillas proposed a dialogue.",  # no violence
    ],
)
def test_nouns_that_are_not_the_agent_are_not_read(text: str) -> None:
    assert attackers.find(text) == []
