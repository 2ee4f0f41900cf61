"""The stance of a responsibility statement follows its quote's words (claimed is not blamed)."""

from __future__ import annotations

import pytest

from summarizer.responsibility import checked, find, stance
from summarizer.schema import Responsibility, Stance

FMLN = "Farabundo Marti National Liberation Front"


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
        ("the ELN admitted responsibility", "ELN", "attributed", None, "claimed"),
        # admitting something other than an attack is no claim
        ("a drug lord of the Medellin Cartel has admitted that he is in favor of a truce", "Medellin Cartel",
         "claimed", "Medellin Cartel", "attributed"),
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


def test_a_statement_whose_quote_says_nothing_of_responsibility_is_dropped() -> None:
    statements = [
        says("the Farabundo Marti National Liberation Front (FMLN)", "FMLN", "attributed", "FMLN"),  # a bare name
        says("Air force helicopters flew over the area", "Air force", "claimed", None),
        says("The FMLN claimed responsibility for the attack", "FMLN", "claimed", "FMLN"),
    ]
    assert [(r.quote, r.stance) for r in checked(statements)] == [
        ("The FMLN claimed responsibility for the attack", "claimed")
    ]


def test_claimed_by_a_party_is_its_claim() -> None:
    quote = "The attack was claimed by Islamic State, according to the SITE monitoring group"
    assert stance(says(quote, "Islamic State", "attributed", "SITE monitoring group")) == "claimed"
    assert stance(says(quote, "SITE monitoring group", "claimed", None)) != "claimed"


# Statements read from the article by rule (responsibility.find).

REFERENCE_PASSAGE = (
    "In connection with the incident, President Francois Hollande announced the introduction in the country "
    "of state of emergency. He later stated that the responsibility for the attack bears the terrorist group "
    "\u201cIslamic state\u201d (banned in Russia)."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (REFERENCE_PASSAGE, [("Islamic state", "Islamic State", "attributed", "President Francois Hollande")]),
        ("The FMLN claimed responsibility for the attack.", [("FMLN", FMLN, "claimed", "FMLN")]),
        ("THE ARMY ACCUSED THE FMLN OF THE KILLING.", [("FMLN", FMLN, "suspected", "ARMY")]),
        ("Officials said the Shining Path was behind the massacre.",
         [("Shining Path", "Shining Path", "attributed", "Officials")]),
        ("Hamas denied any involvement in the blast.", [("Hamas", "Hamas", "denied", "Hamas")]),
        ('The group "Red Hand" said it carried out the bombing.', [("Red Hand", None, "claimed", "Red Hand")]),
        ("The attack was claimed by Islamic State, according to the SITE monitoring group.",
         [("Islamic State", "Islamic State", "claimed", "the SITE monitoring group")]),
        # MUC-4 train: a claim said not to have been made is no statement.
        ("THE FMLN HAS NOT YET CLAIMED RESPONSIBILITY FOR THE ATTACK.", []),
        ("No group has claimed responsibility for the bombing of the FMLN office.", []),
        ("The FMLN has yet to claim the attack.", []),
    ],
)  # fmt: skip
def test_find_reads_statements_with_their_stance_and_speaker(text: str, expected: list[tuple]) -> None:  # type: ignore[type-arg]
    got = [(f.statement.party, f.statement.canonical, f.statement.stance, f.statement.stated_by) for f in find(text)]
    assert got == expected
    for f in find(text):
        assert f.statement.quote in " ".join(text.split())


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters took the town last year.",  # a group, no responsibility words
        "The minister responsible for the police resigned.",  # responsibility words, no group
        "The Taliban are responsible for the region's schools.",  # responsible for no attack
        "The FMLN blamed the army for the massacre.",  # the party accuses someone else
    ],
)
def test_find_reads_no_statement_where_the_article_makes_none(text: str) -> None:
    assert find(text) == []


def test_find_quotes_at_most_the_quote_limit_around_the_party() -> None:
    text = "Officials said " + "many things about the day, " * 12 + "and that the ELN was behind the bombing."
    [found] = find(text)
    assert len(found.statement.quote) <= 200 and "ELN" in found.statement.quote


def test_a_sentence_runs_on_over_a_line_break_but_not_a_blank_line() -> None:
    wrapped = "THE ARMY TODAY ACCUSED THE\nFMLN OF THE KILLING OF TWO PEASANTS."
    assert [(f.statement.party, f.statement.stance) for f in find(wrapped)] == [("FMLN", "suspected")]
    assert find("THE ARMY TODAY ACCUSED\n\nTHE FMLN ARRIVED") == []


def test_a_group_that_accuses_someone_else_is_not_held_responsible() -> None:
    """MUC-4 train: "the ELN accused him of being a CIA agent" says nothing of the ELN's part in the kidnapping."""
    sentence = "THE ELN, HOWEVER, ACCUSED HIM OF BEING A CIA AGENT AND AN EXPLOITER OF THE INDIAN PEOPLE."
    model = Responsibility(quote=sentence, party="ELN", stance="claimed", stated_by=None)
    assert checked([model]) == []
    assert [f.statement.party for f in find(f"Guerrillas kidnapped Bruce Olson. {sentence}")] == []


@pytest.mark.parametrize(
    ("quote", "party", "expected"),
    [
        ("The army accused the FMLN of the attack.", "FMLN", "suspected"),  # the accused, after the verb
        ("The FMLN was accused of the attack.", "FMLN", "suspected"),  # passive: the party is the accused
        ("The FMLN claimed responsibility and accused the army of lying.", "FMLN", "claimed"),  # its own claim
    ],
)
def test_the_accused_and_a_claimant_who_also_accuses_are_kept(quote: str, party: str, expected: Stance) -> None:
    [kept] = checked([Responsibility(quote=quote, party=party, stance="suspected", stated_by=None)])
    assert kept.stance == expected


@pytest.mark.parametrize(
    ("text", "held", "not_held"),
    [
        ("THE MURDER IS ATTRIBUTED TO MRTA AND NOT TO THE SHINING PATH.", "MRTA", "SHINING PATH"),  # MUC-4 train
        ("The minister said the attack was carried out by the FARC, not by the ELN.", "FARC", "ELN"),
    ],
)
def test_a_group_said_not_to_be_responsible_is_not_held_responsible(text: str, held: str, not_held: str) -> None:
    parties = [f.statement.party for f in find(text)]
    assert held in parties and not_held not in parties
