"""The victims reader: people an article names as killed, injured or kidnapped, as written, each once."""

import pytest

from summarizer import victims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The murder of the six Jesuits shocked the country.", ["six Jesuits"]),
        ("ANTIOQUIA GOVERNOR ANTONIO ROLDAN BETANCUR WAS KILLED TODAY IN A CAR BOMB ATTACK.",
         ["GOVERNOR ANTONIO ROLDAN BETANCUR"]),
        ("Guerrillas killed five peasants and wounded two soldiers in the town.", ["five peasants", "two soldiers"]),
        ("A guard was seriously wounded in the attack.", ["guard"]),
        ("The attack killed 57 people who were attending mass.", ["57 people"]),  # the clause is left out
        ("Gunmen kidnapped businessman Jose Perez in San Salvador yesterday.", ["businessman Jose Perez"]),
        ("Police said that two engineers were abducted near the dam.", ["two engineers"]),
        ("THE KIDNAPPING OF THREE AMERICAN NUNS IN THE NORTH.", ["THREE AMERICAN NUNS"]),
        # the figure's words stop short of the people they count: the next words complete them
        ("POLICE INVESTIGATE THE MURDER OF TWO AMERICAN CITIZENS WITH U.S. AID.", ["TWO AMERICAN CITIZENS"]),
    ],
)  # fmt: skip
def test_the_people_killed_injured_or_kidnapped_are_read(text: str, expected: list[str]) -> None:
    assert victims.find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The war has killed 70,000 Salvadorans.",  # a war's toll, not an incident's victims
        "He was killed on Monday.",  # a pronoun names no one
        "TERRORISTS KILLED 12 WHO WERE TRAVELLING ON THE BUS.",  # a figure and a clause, no people
        "Three terrorists were killed by the army.",  # the attackers' deaths
        "Guerrillas attacked a power pylon.",  # no one killed, injured or kidnapped
    ],
)
def test_words_that_name_no_victims_are_not_read(text: str) -> None:
    assert victims.find(text) == []


def test_a_figure_s_victims_are_its_words_without_the_killing() -> None:
    assert victims.named("the murder of the six Jesuits") == "six Jesuits"
    assert victims.named("Carlos Julio Torrado was murdered") == "Carlos Julio Torrado"
    assert victims.named("killing 12") is None  # a figure alone
    assert victims.named("six Jesuits") is None  # no words of a killing to leave out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a soldier guarding the substation", True),
        ("12-year-old", True),
        ("four Americans", True),
        ("president Jose Napoleon Duarte", True),
        ("two others", True),
        ("blackout", False),  # MUC-4 train: what the model filed among the victims
        ("explosions and shootings", False),
        ("four", False),
        ("at least 10 power transmission towers", False),
        ("46 M-16 rifles", False),  # what an army raid seized
        ("AK-47 Rifles", False),  # a weapon, though written as a name
        ("car bomb victims", True),
    ],
)
def test_a_victim_the_model_names_is_people_or_none(name: str, expected: bool) -> None:
    assert victims.people(name) is expected
