"""The stance of a responsibility statement follows its quote's words (claimed is not blamed)."""

from __future__ import annotations

import pytest

from summarizer.responsibility import checked, stance
from summarizer.schema import Responsibility, Stance


def says(quote: str, party: str, given: Stance, by: str | None = None) -> Responsibility:
    return Responsibility(quote=quote, party=party, stance=given, stated_by=by)


@pytest.mark.parametrize(
    ("quote", "party", "given", "by", "expected"),
    [
        # the party's own claim stays (or becomes) claimed
        ("The FMLN has claimed responsibility for the attack", "FMLN", "claimed", "FMLN", "claimed"),
        ("Islamic State claimed responsibility for the attacks", "Islamic State", "attributed", "officials", "claimed"),
        ("Ansaru said in a statement that it carried out the attack", "Ansaru", "attributed", None, "claimed"),
        ("the Extraditables admitted the bombing", "Extraditables", "suspected", None, "claimed"),
        # an official naming a group is never a claim
        ("Hollande said the attacks were organised by the Islamic State", "Islamic State", "claimed", "Hollande",
         "attributed"),
        ("the army claimed the FMLN staged it", "FMLN", "claimed", "the army", "attributed"),
        ("police said the FMLN claimed responsibility", "FMLN", "attributed", "police", "claimed"),
        # words of suspicion
        ("police blamed the FMLN for the blast", "FMLN", "attributed", "police", "suspected"),
        ("guerrillas believed to belong to the ELN", "ELN", "claimed", None, "suspected"),
        ("the government accused the Shining Path", "Shining Path", "attributed", "government", "suspected"),
        # denials
        ("Ansaru denied any role", "Ansaru", "denied", "Ansaru", "denied"),
        ("The FMLN denied it had carried out the attack", "FMLN", "claimed", "FMLN", "denied"),
        # "claimed ... lives" is no claim of responsibility
        ("the attack claimed 129 lives", "FMLN", "claimed", None, "attributed"),
    ],
)  # fmt: skip
def test_stance_follows_the_words_of_the_quote(
    quote: str, party: str, given: Stance, by: str | None, expected: Stance
) -> None:
    assert stance(says(quote, party, given, by)) == expected


def test_checked_fixes_stances_and_keeps_each_statement_once() -> None:
    statements = [
        says("Hollande said the Islamic State was behind it", "Islamic State", "claimed", "Hollande"),
        says("Hollande said the Islamic State was behind it", "Islamic State", "attributed", "Hollande"),
        says("Ansaru denied any role", "Ansaru", "denied", "Ansaru"),
    ]
    result = checked(statements)
    assert [(r.party, r.stance) for r in result] == [("Islamic State", "attributed"), ("Ansaru", "denied")]
