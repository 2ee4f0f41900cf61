"""The weapons reader: generic names of the means of attack, as written, each once."""

import pytest

from summarizer import weapons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A CAR BOMB EXPLODED; A SECOND BOMB WAS DEFUSED.", ["CAR BOMB", "BOMB"]),
        ("they used dynamite and two hand grenades", ["dynamite", "hand grenades"]),
        ("an explosive device and AK-47 rifles", ["explosive device", "AK-47", "rifles"]),
        ("Bombs, more bombs and a machinegun", ["Bombs", "machinegun"]),  # each once, any case
        ("He was shot with a handgun.", ["handgun"]),
    ],
)
def test_weapons_are_read_as_written_in_order(text: str, expected: list[str]) -> None:
    assert weapons.find(text) == expected


@pytest.mark.parametrize("text", ["Two suicide bombers attacked.", "The bombing of the embassy", "a gun shop"])
def test_words_that_are_no_weapon_s_name_are_not_read(text: str) -> None:
    assert weapons.find(text) == []
