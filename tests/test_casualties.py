"""Casualty figures found by rule in the article's own sentences."""

from __future__ import annotations

import pytest

from summarizer import casualties
from summarizer.casualties import find, parse_number, states
from summarizer.grounding import supports_count
from summarizer.schema import Count


@pytest.mark.parametrize(
    ("text", "kind", "number", "qualifier"),
    [
        ("At least 129 people were killed.", "killed", 129, "at_least"),
        ("AT LEAST 5 KILLED", "killed", 5, "at_least"),
        ("no fewer than 8 bodies were found", "killed", 8, "at_least"),
        ("about 40 wounded", "injured", 40, "about"),
        ("some 20 people died", "killed", 20, "about"),
        ("an estimated 50 killed", "killed", 50, "about"),
        ("more than 1,200 people were injured", "injured", 1200, "more_than"),
        ("over 100 killed", "killed", 100, "more_than"),
        ("up to 30 people died", "killed", 30, "up_to"),
        ("as many as 9 hospitalized", "injured", 9, "up_to"),
        ("seven people were killed", "killed", 7, "exact"),
        ("a dozen people were hurt", "injured", 12, "exact"),
        ("The attack killed 5 soldiers.", "killed", 5, "exact"),
        ("killed a total of 17 people", "killed", 17, "exact"),
        ("killing at least 40", "killed", 40, "at_least"),
        ("GUERRILLAS KILLED 5 PEASANTS.", "killed", 5, "exact"),
        ("KILLED FIVE PEASANTS", "killed", 5, "exact"),
        ("THE BOMB LEFT 5 DEAD.", "killed", 5, "exact"),
        ("The blast left 12 injured.", "injured", 12, "exact"),
        ("Gunmen shot dead two guards outside a bank.", "killed", 2, "exact"),
        ("They gunned down 5 villagers.", "killed", 5, "exact"),
        # two groups of victims with one verb are summed
        ("SIX JESUITS AND TWO MORE PERSONS WERE KILLED.", "killed", 8, "exact"),
        ("Three men and two women were shot and killed.", "killed", 5, "exact"),
        ("four officers and one other person were wounded", "injured", 5, "exact"),
        # the noun of a killing, then the number
        ("THE COLD-BLOODED MURDER OF SIX JESUITS.", "killed", 6, "exact"),
        ("the assassination of the three judges", "killed", 3, "exact"),
        ("the deaths of at least 4 people", "killed", 4, "at_least"),
    ],
)
def test_one_figure(text: str, kind: str, number: int, qualifier: str) -> None:
    [mention] = find(text)
    assert (mention.kind, mention.number, mention.qualifier) == (kind, number, qualifier)
    assert not mention.perpetrators


def test_killed_and_injured_in_one_sentence_in_order() -> None:
    text = "At least 129 people were killed and 352 injured; the bomb killed 3 police officers."
    found = [(m.kind, m.number) for m in find(text)]
    assert found == [("killed", 129), ("injured", 352), ("killed", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "The bomb killed 3 people and injured 15 others in Kano.",
        "THE BOMB LEFT 5 DEAD AND 12 INJURED.",
        "At least 129\npeople were killed, and about 40 wounded.",
    ],
)
def test_spans_point_at_the_quote(text: str) -> None:
    mentions = find(text)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end].strip() == m.quote


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Three gunmen were killed by police.", 3),
        ("Seven terrorists were killed", 7),
        ("Both attackers died.", 2),
        ("Police killed 2 suspects", 2),
    ],
)
def test_attackers_are_flagged_as_perpetrators(text: str, number: int) -> None:
    [mention] = find(text)
    assert (mention.kind, mention.number, mention.perpetrators) == ("killed", number, True)


def test_victims_of_attackers_are_not_perpetrators() -> None:
    [mention] = find("Gunmen killed 5 peasants.")
    assert not mention.perpetrators
    [mention] = find("5 people were killed by gunmen.")
    assert not mention.perpetrators


@pytest.mark.parametrize(
    "text",
    [
        "He left 5 minutes later.",
        "Police arrested 14 people.",
        "The death toll is not known.",
        "Woman Living With Dead Husband",  # a headline: no verb, no victim
        "Another was killed by police.",  # "another" of the attackers named before: not a victim
        "on Wednesday. Also wounded was a bystander",  # not a name before "wounded"
        "Ken Barnes.\n\nThe dead man's family",  # not one sentence
        "charged with the attempted murders of five teenagers",  # no one died
    ],
)
def test_no_figure(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "SEVEN BLOCKS FROM WHERE ANTIOQUIA GOVERNOR ANTONIO ROLDAN WAS KILLED",  # another clause
        "ONE OF THE SOLDIERS, TOOK AWAY HIS RIFLE, AND THEY KILLED HIM",
        "THE TWO BROTHERS WHO WERE KILLED 4 YEARS AGO",  # "two" counts; "4 years" does not
        "on 27 November the plane was shot down and all aboard died",  # a date
        "Then, on July 12, photographer Wil Lewis was killed",
    ],
)
def test_numbers_of_other_clauses_dates_and_spans_of_time_are_not_counts(text: str) -> None:
    assert all(m.number not in (7, 4, 27, 12) for m in find(text))


@pytest.mark.parametrize(
    "text",
    [
        "Reshowna Hawkins, 34, and Darrell Hawkins, 34 who were shot and killed at a home",
        "Hank Bollen, 13, was shot dead on Tuesday.",
        "He could have been detained until he turned 21 in the death of Matt Anderson.",
        "The boy, aged 9, died in hospital.",
        "(March 23, 2014)\n\nNathan's mother confirmed he was killed.",
        "Posted at 1\n\nCharges have been filed in the shooting death of a man.",  # another paragraph
        "Ketron Nathan, a 24-year-old father of three, was shot and killed",  # a family, not a count
        "The other victims, ages 13, 17 and 19, were treated for minor injuries",
    ],
)
def test_ages_years_and_other_paragraphs_are_not_counts(text: str) -> None:
    found = find(text)
    assert all(m.number not in (34, 13, 21, 9, 2014, 3, 17, 19) for m in found)
    assert not any(m.quote.startswith("1") for m in found)


@pytest.mark.parametrize(
    ("quote", "number"),
    [
        ("13, was shot dead", 13),
        ("27, of Homewood, died", 27),
        ("15, died", 15),
        ("2014)\n\nNathan's mother confirmed he was killed", 2014),
        ("1\n\nCharges have been filed in the shooting death", 1),
    ],
)
def test_a_quote_whose_number_is_an_age_a_year_or_in_another_paragraph_states_no_count(quote: str, number: int) -> None:
    assert not casualties.states(quote, number, "killed")


def test_an_age_is_read_from_the_words_before_the_quote() -> None:
    article = "Reshowna Hawkins, 34, and Darrell Hawkins, 34 who were shot and killed at a home"
    start = article.index("34 who")
    assert casualties.an_age(article, start, len(article), 34)
    assert not casualties.an_age("In Paris, 129 people were killed", 10, 32, 129)


@pytest.mark.parametrize(
    ("text", "kind", "quote"),
    [
        ("A 23-year-old man was killed.", "killed", "A 23-year-old man was killed"),
        ("Gunmen killed a 23-year-old student.", "killed", "killed a 23-year-old"),
        ("It resulted in the death of a civilian.", "killed", "death of a civilian"),
        ("GUERRILLAS KILLED A PEASANT IN FLORES", "killed", "KILLED A PEASANT"),
        ("a shooting that left a 17-year-old dead", "killed", "left a 17-year-old dead"),
        ("A man was shot and killed on Main Street.", "killed", "A man was shot and killed"),
        ("one officer was wounded", "injured", "one officer was wounded"),
        ("Ketron Nathan was shot and killed outside a bar.", "killed", "Ketron Nathan was shot and killed"),
        ("He was pronounced dead at the hospital.", "killed", "He was pronounced dead"),
        ("The child was pronounced dead at the scene.", "killed", "The child was pronounced dead"),
        ("a two-year-old boy died after an accidental shooting", "killed", "a two-year-old boy died"),
        ("THE PEASANT WAS KILLED", "killed", "THE PEASANT WAS KILLED"),
    ],
)
def test_one_victim_said_with_a_or_one(text: str, kind: str, quote: str) -> None:
    [mention] = find(text)
    assert (mention.kind, mention.number, mention.quote) == (kind, 1, quote)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The child was taken to Bay Medical Center where she later died.", "she later died"),
        ("Poor Dante sadly passed away.", "Poor Dante sadly passed away"),
        ("The sheriff confirmed that the toddler has died.", "the toddler has died"),
        ("A 16-year-old male has died after a shooting near Dallas Avenue", "A 16-year-old male has died"),
        ("A Belleair Elementary School student died Thursday after shooting himself", None),
        ("a young child was shot and later died on Thursday evening", "a young child was shot and later died"),
        ("A 17-year-old boy was found shot dead Tuesday night", "A 17-year-old boy was found shot dead"),
        ("A gang-related shooting left an 18-year-old Buffalo man dead", "left an 18-year-old Buffalo man dead"),
    ],
)
def test_one_victim_who_later_died_or_was_found_dead_is_one_death(text: str, quote: str | None) -> None:
    [mention] = find(text)
    assert (mention.kind, mention.number) == ("killed", 1)
    assert quote is None or mention.quote == quote


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Paramedics rushed him to the hospital, but he didn't make it and was pronounced dead.",
         "make it and was pronounced dead"),
        ("Officers took the victim to a hospital where he was later pronounced dead.",
         "a hospital where he was later pronounced dead"),
        ("A crew pronounced him dead at the scene.", "A crew pronounced him dead"),
        ("The boy was taken to a hospital but died from his injuries.", "to a hospital but died"),
        ("A teenager hospitalized after a weekend shooting has died, police said.", "a weekend shooting has died"),
        ("The girl was shot in the neck and died on the way.", "in the neck and died"),
        ("The man, who was struck by a stray bullet, was shot in the chest and was pronounced dead.",
         "the chest and was pronounced dead"),
        ("Police say Christopher Payne, 27, died after he was shot in the chest.",
         "Police say Christopher Payne, 27, died"),
        ("The fourth victim, a woman, died at the scene.", "The fourth victim, a woman, died"),
        ("A 5-year-old boy who was shot in the face at a home in the county has died.",
         "A 5-year-old boy who was shot in the face at a home in the county has died"),
    ],
)  # fmt: skip
def test_one_victim_pronounced_dead_or_who_died_whoever_the_subject_is_one_death(text: str, quote: str) -> None:
    deaths = [m for m in find(text) if m.kind == "killed"]
    assert [(m.number, m.perpetrators, m.quote) for m in deaths] == [(1, False, quote)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The shooting also injured a 39-year-old man and a 26-year-old man, police said.", "injured"),
        ("The gunfire wounded a 10-month-old boy and a bystander.", "injured"),
        ("He killed a woman and her son before fleeing.", "killed"),
    ],
)
def test_two_victims_the_objects_of_one_verb_are_two(text: str, kind: str) -> None:
    assert [(m.kind, m.number) for m in find(text)] == [(kind, 2)]


@pytest.mark.parametrize(
    "text", ["A woman and toddler died after the shooting, police said.", "A man and his daughter later died."]
)  # GVA dev's words
def test_two_victims_who_died_are_two_deaths(text: str) -> None:
    assert [(m.kind, m.number) for m in find(text)] == [("killed", 2)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He is charged in the March 1 death of his best friend.", [("killed", 1)]),
        ("She faces a charge in the fatal shooting of her 4-year-old son.", [("killed", 1)]),
        ("He was charged in the deaths of his parents.", []),
        ("the murder of his father and mother", []),
    ],
)
def test_the_death_of_one_of_theirs_is_one_death(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


def test_an_attacker_pronounced_dead_is_no_victim() -> None:
    [mention] = find("The suspect was pronounced dead at the scene.")
    assert (mention.kind, mention.number, mention.perpetrators) == ("killed", 1, True)


@pytest.mark.parametrize(
    "text", ["He nearly died after the shooting.", "She almost died of her wounds.", "The victim was shot."]
)
def test_one_victim_who_nearly_died_is_no_death(text: str) -> None:
    assert [m.kind for m in find(text)] in ([], ["injured"])


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Four people were shot in the Creekwood community Saturday afternoon. One died at the scene.",
         "Four people were shot in the Creekwood community Saturday afternoon. One died"),
        ("Five people were shot, and one of them died.", "Five people were shot, and one of them died"),
    ],
)  # fmt: skip
def test_the_victims_hit_who_did_not_die_are_the_injured(text: str, quote: str) -> None:
    found = find(text)
    [shot] = [m for m in found if m.hit]
    [dead] = [m for m in found if m.kind == "killed"]
    rest = casualties.survivors(text, shot, dead)
    assert rest is not None and (rest.kind, rest.number, rest.quote) == ("injured", shot.number - 1, quote)
    assert supports_count(quote, shot.number - 1, "injured")
    assert casualties.survivors(text, dead, shot) is None  # a death is no figure of victims hit


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [  # GVA dev's words
        ("Police are searching for a gunman after four people were shot, three fatally, inside an SUV.", 3, 1),
        ("Nine people were shot, one fatally, at a Bridgeport apartment complex on Trumbull Avenue.", 1, 8),
        ("Ten people were shot, one of them fatally, on Sunday.", 1, 9),
        ("A young child was among four people shot, one fatally, police said.", 1, 3),
        ("FULL NEWS CONFERENCE: 16 shot, 1 fatally", 1, 15),
        ("Seven people were shot, six fatally", 6, 1),
    ],
)
def test_victims_shot_some_fatally_are_the_dead_and_the_rest_injured(text: str, killed: int, injured: int) -> None:
    found = {m.kind: m for m in find(text)}
    assert (found["killed"].number, found["injured"].number) == (killed, injured)
    quote = found["killed"].quote
    assert found["injured"].quote == quote and quote in text
    assert supports_count(quote, killed, "killed") and supports_count(quote, injured, "injured")
    [hit] = find("Two men were shot, neither fatally.")
    assert (hit.kind, hit.number, hit.hit) == ("injured", 2, True)


def test_a_double_or_quadruple_shooting_is_its_victims_hit() -> None:
    [hit] = find("Detroit Police are investigating a triple shooting that happened on the west side.")
    assert (hit.kind, hit.number, hit.hit, hit.quote) == ("injured", 3, True, "triple shooting")
    text = "A teenager was killed in a quadruple shooting in Houston's Third Ward, police said early Thursday."
    [dead, shot] = find(text)
    rest = casualties.survivors(text, shot, dead)
    assert (dead.kind, dead.number) == ("killed", 1)
    assert rest is not None and (rest.kind, rest.number) == ("injured", 3)


@pytest.mark.parametrize(
    ("text", "victims", "quote"),
    [  # GVA dev's words
        ("a shooting rampage that left four troops including the gunman dead and 16 others injured", 3,
         "four troops including the gunman dead"),
        ("Three people are dead, including the gunman.", 2, "Three people are dead, including the gunman"),
        ("Seven people, including the shooter, were killed in the incident", 6,
         "Seven people, including the shooter, were killed"),
    ],
)  # fmt: skip
def test_a_toll_that_counts_the_attacker_is_its_victims_and_one_dead_attacker(
    text: str, victims: int, quote: str
) -> None:
    dead = [(m.number, m.perpetrators, m.quote) for m in find(text) if m.kind == "killed"]
    assert dead == [(victims, False, quote), (1, True, quote)]
    assert casualties.attackers_dead(quote, 1) and supports_count(quote, 1, "perpetrators_killed")


@pytest.mark.parametrize(
    ("text", "victims", "quote"),
    [  # GVA dev's words
        ("Two people are dead in an apparent murder-suicide, police said.", 1,
         "Two people are dead in an apparent murder-suicide"),
        ("Police are investigating a murder suicide after four bodies were found in a home.", 3,
         "murder suicide after four bodies"),
    ],
)  # fmt: skip
def test_a_toll_of_all_the_dead_in_a_murder_suicide_counts_the_attacker(text: str, victims: int, quote: str) -> None:
    dead = [(m.number, m.perpetrators, m.quote) for m in find(text) if m.kind == "killed"]
    assert dead == [(victims, False, quote), (1, True, quote)]
    assert supports_count(quote, victims, "killed") and supports_count(quote, 1, "perpetrators_killed")


def test_a_murder_suicide_is_one_dead_attacker_beside_the_victims_he_killed() -> None:
    # A toll said as his victims does not count him: "killed his wife and two sons", "a double murder".
    text = "Police said he shot and killed Mary Jones and Tom Brown in a murder-suicide on Sunday."
    dead = [(m.number, m.perpetrators) for m in find(text) if m.kind == "killed"]
    assert dead == [(2, False), (1, True)]
    assert [(m.number, m.perpetrators) for m in find("Police are investigating a murder-suicide.")] == [(1, True)]


@pytest.mark.parametrize(
    "text",
    [  # GVA dev's words
        "Investigators were treating the deaths of the two as a double suicide, not a murder-suicide.",
        "Police said an attempted murder-suicide took place on May 17.",
        "Officials refused to comment about whether the two deaths were a murder-suicide.",
        "The potential for this being a murder-suicide case has been ruled out by detectives.",
    ],
)
def test_a_murder_suicide_denied_or_only_attempted_is_no_attackers_death(text: str) -> None:
    assert [m for m in find(text) if m.perpetrators] == []


@pytest.mark.parametrize(
    "text",
    [
        "The man shot his wife before turning the gun on himself.",
        "Police said the father killed his two sons and then killed himself.",
        "He later took his own life.",
    ],
)
def test_an_attacker_who_killed_himself_is_one_dead_attacker(text: str) -> None:
    assert [(m.kind, m.number) for m in find(text) if m.perpetrators] == [("killed", 1)]


@pytest.mark.parametrize(
    ("quote", "number"),
    [  # the model's "attackers killed" in GVA dev drafts: victims' deaths, or no one's
        ("A 3-year-old girl has died", 1),
        ("Two men were killed", 2),
        ("A 4-year-old boy shot himself in the abdomen", 1),
        ("14-year-old girl shot in mouth, suspect turns himself in", 1),
    ],
)
def test_a_death_that_is_no_attackers_supports_no_figure_of_dead_attackers(quote: str, number: int) -> None:
    assert not supports_count(quote, number, "perpetrators_killed")
    assert not casualties.attackers_dead(quote, number)


def test_a_multiple_shooting_where_a_death_is_told_far_from_it_is_no_figure() -> None:
    # its victims may be the dead told elsewhere: the article's own figures decide
    text = "Police are investigating a double shooting. " + "No arrests have been made. " * 8 + "One man died."
    assert [m.kind for m in find(text)] == ["killed"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [  # GVA dev's words
        ("Police say the 5-year-old was shot in the 7500 block of Bensley Park Boulevard.", "the 5-year-old was shot"),
        ("Police say a 2-year-old shot a 1-year-old sibling in the face.", "shot a 1-year-old"),
        ("A 12-year-old boy was found shot inside of his home Thursday night.", "A 12-year-old boy was found shot"),
    ],
)
def test_one_victim_named_by_age_or_found_shot_is_one_hit(text: str, quote: str) -> None:
    [hit] = find(text)
    assert (hit.kind, hit.number, hit.hit, hit.quote) == ("injured", 1, True, quote)


def test_victims_hit_and_deaths_told_far_apart_give_no_survivors() -> None:
    text = "Four people were shot on Main Street. " + "Police have no suspect in custody yet. " * 5 + "One died."
    found = find(text)
    [shot] = [m for m in found if m.hit]
    [dead] = [m for m in found if m.kind == "killed"]
    assert casualties.survivors(text, shot, dead) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Six people were shot Sunday night in Central City, leaving one dead.", [("injured", 6), ("killed", 1)]),
        ("Five people were shot, and one of them died.", [("injured", 5), ("killed", 1)]),
        ("Three people were shot and killed on Main Street.", [("killed", 3)]),
        ("Two men were shot dead.", [("killed", 2)]),
    ],
)
def test_the_victims_hit_are_not_counted_by_a_later_death(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


def test_one_victim_does_not_shadow_a_figure() -> None:
    assert [(m.kind, m.number) for m in find("The attack killed a total of 17 people.")] == [("killed", 17)]
    assert [(m.kind, m.number) for m in find("A man was killed and 3 others wounded.")] == [
        ("killed", 1),
        ("injured", 3),
    ]


def test_attackers_who_blew_themselves_up_are_perpetrator_deaths() -> None:
    [mention] = find("Attacks made seven terrorists, six of whom blew himself up with belts of explosives.")
    assert (mention.kind, mention.perpetrators) == ("killed", True)
    [mention] = find("Two bombers blew themselves up at the gate.")
    assert (mention.kind, mention.number, mention.perpetrators) == ("killed", 2, True)


@pytest.mark.parametrize(
    ("quote", "number", "field", "expected"),
    [
        ("129 people were killed", 129, "killed", True),
        ("the death toll rose to 40", 40, "killed", True),
        ("SEVEN BLOCKS FROM WHERE", 7, "killed", False),
        ("Seven of the nine soldiers were wounded", 7, "killed", False),
        ("Seven of the nine soldiers were wounded", 7, "injured", True),
        ("KILLED 4 YEARS AGO", 4, "killed", False),
        ("six of whom blew himself up", 6, "perpetrators_killed", True),
        ("Three of the soldiers are in grave condition", 3, "injured", False),
        ("THE ASSASSINATION OF SIX JESUITS WHO WERE MACHINEGUNNED", 6, "killed", True),
    ],
)
def test_a_figure_s_quote_must_speak_of_its_kind(quote: str, number: int, field: str, expected: bool) -> None:
    assert casualties.states(quote, number, field) is expected


@pytest.mark.parametrize(("text", "number"), [("twenty-one people were killed", 21), ("Forty-five people died.", 45)])
def test_hyphenated_number_words(text: str, number: int) -> None:
    assert [m.number for m in find(text)] == [number]


@pytest.mark.parametrize(("text", "number"), [("one hundred people were killed", 100), ("two hundred injured", 200)])
def test_number_words_with_hundred(text: str, number: int) -> None:
    assert [m.number for m in find(text)] == [number]


def test_a_year_is_not_a_count() -> None:
    assert find("In 2015 people were killed") == []
    # GVA dev: the year of a date, not 2,016 injured
    text = "Montgomery died July 30, 2016 from the injuries she sustained."
    assert [m for m in find(text) if m.kind == "injured"] == []
    # GVA dev: a share, not 57 dead
    assert find("Guns were used in 57 percent of those killed, and 40% of those wounded.") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("129", 129),
        ("1,200", 1200),
        ("seven", 7),
        ("Seven", 7),
        (" ten ", 10),
        ("a dozen", 12),
        ("both", 2),
        ("two hundred fifty", 250),
        ("two hundred and fifty", 250),
        ("two thousand three hundred and five", 2305),
        ("twenty-one", 21),
        ("and", None),
        ("", None),
        ("many", None),
        ("1.5", None),
    ],
)
def test_parse_number(raw: str, expected: int | None) -> None:
    assert parse_number(raw) == expected


# Bounds and sources of reported figures.


@pytest.mark.parametrize(
    ("quote", "number", "qualifier", "expected"),
    [
        ("129 people were killed", 129, "exact", (129, 129)),
        ("at least 12 people were killed", 12, "at_least", (12, None)),
        ("more than 12 people were killed", 12, "more_than", (13, None)),
        ("up to 40 people were hurt", 40, "up_to", (None, 40)),
        ("about 350 injured", 350, "about", (None, None)),
        ("between 10 and 15 people died", 10, "exact", (10, 15)),
        ("15 to 20 people were wounded", 20, "about", (15, 20)),
        ("10\u201315 dead", 15, "exact", (10, 15)),
        ("two or three guards were killed", 2, "exact", (2, 3)),
    ],
)
def test_bounds_follow_the_wording(quote: str, number: int, qualifier: str, expected: tuple) -> None:  # type: ignore[type-arg]
    assert casualties.bounds(Count(quote=quote, number=number, qualifier=qualifier)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Gunmen killed at least eight passengers, police said.", "eight passengers", "police"),
        ("At least 129 people died, according to the Paris prosecutor.", "129 people", "the Paris prosecutor"),
        ("Health Minister Ana Lopez said 12 people were killed.", "12 people", "Health Minister Ana Lopez"),
        ("A bomb killed 12 people on Monday.", "12 people", None),
    ],
)
def test_source_of_a_figure_is_read_from_its_sentence(sentence: str, figure: str, expected: str | None) -> None:
    article = f"Earlier text. {sentence} Later text, officials said."
    start = article.index(figure)
    assert casualties.source(article, start, start + len(figure)) == expected


@pytest.mark.parametrize(
    ("text", "number", "others"),
    [
        ("Five people were shot at a wedding reception.", 5, False),
        ("The four kids were shot in the legs around 7:30 p.m.", 4, False),
        ("Officers located four victims suffering from gunshot wounds.", 4, False),
        ("A man was killed and three others were shot.", 3, True),
        ("Police said five were taken to Gary Methodist Hospital.", 5, False),  # GVA dev
        ("Three females and two males were taken to Rhode Island Hospital.", 5, False),  # GVA dev
        ("Four victims were rushed to an area hospital with wounds.", 4, False),
        ("Three other people were also shot.", 3, True),  # GVA dev
        ("Two bystanders were struck by stray bullets.", 2, False),
        ("Four teens, the 12-year-old was the youngest, were shot on the court.", 4, False),  # GVA dev
        ("Five children \u2013 ages 11 to 15 \u2013 were shot Sunday night.", 5, False),  # GVA dev
        ("Two men (25 and 30) were shot outside a bar.", 2, False),
    ],
)
def test_victims_who_were_shot_are_hit_not_dead(text: str, number: int, others: bool) -> None:
    [hit] = [m for m in find(text) if m.hit]
    assert (hit.kind, hit.number, hit.others, hit.perpetrators) == ("injured", number, others, False)
    assert text[hit.start : hit.end] == hit.quote


@pytest.mark.parametrize(
    "text",
    [
        "Three people were shot and killed.",  # dead, not hit
        "Four teens were shot, one fatally.",  # some of them died: the count is not the injured
        "He and three others were shot.",  # four were hit, not three
        "Two suspects were shot by police.",  # attackers, not victims
        "Three people were taken to a hospital, where two died.",  # some of them died
    ],
)
def test_shot_counts_that_are_not_the_injured_are_not_hits(text: str) -> None:
    assert [m for m in find(text) if m.hit] == []


def test_a_quote_of_victims_shot_speaks_of_injuries_and_one_of_victims_shot_dead_does_not() -> None:
    assert casualties.states("Five people were shot", 5, "injured")
    assert not casualties.states("Five people were shot and killed", 5, "injured")


def test_a_number_that_is_no_count_does_not_hide_the_count_it_spans() -> None:
    # MUC-4 TST1-MUC3-0037: the dateline's "89" reaches "KILLED" too; it is a year, and "TWO" is the count.
    text = "SAN SALVADOR, 13 NOV 89 (DPA) -- [TEXT] TWO U.S. CITIZENS HAVE BEEN\nKILLED IN THE LAST FEW HOURS."
    assert [(m.number, m.kind, m.quote) for m in find(text)] == [(2, "killed", "TWO U.S. CITIZENS HAVE BEEN\nKILLED")]


def test_an_abbreviation_in_capitals_does_not_end_the_clause() -> None:
    assert [m.number for m in find("Two U.S. soldiers were killed.")] == [2]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("COLONEL WALDEMAR QUINTERO WAS MURDERED THIS MORNING.", "COLONEL WALDEMAR QUINTERO WAS MURDERED"),
        ("ORLANDO LETELIER WAS ASSASSINATED IN WASHINGTON.", "ORLANDO LETELIER WAS ASSASSINATED"),
    ],
)
def test_one_victim_named_in_a_text_in_capitals_is_one_death(text: str, quote: str) -> None:
    assert [(m.number, m.kind, m.quote) for m in find(text)] == [(1, "killed", quote)]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("THE FMLN IS RESPONSIBLE FOR THE ASSASSINATION OF DR JOSE ANTONIO RODRIGUEZ PORTH.",
         "ASSASSINATION OF DR JOSE ANTONIO RODRIGUEZ PORTH"),
        ("THEY DEMANDED AN INQUIRY INTO BERNARDO JARAMILLO'S MURDER.", "BERNARDO JARAMILLO'S MURDER"),
        ("Protests followed the killing of Trayvon Martin in Sanford.", "killing of Trayvon Martin"),
        ("AFTER THE DEATH OF CARLOS GALAN, THE GOVERNMENT LAUNCHED AN OFFENSIVE.", "DEATH OF CARLOS GALAN"),
        # MUC-4 dev: a wire text's line wrapped inside the name
        ("PUBLICITY. AFTER THE DEATH OF CARLOS\nGALAN, A GREAT COLOMBIAN LEADER, THE", "DEATH OF CARLOS\nGALAN"),
    ],
)  # fmt: skip
def test_one_person_named_as_the_one_killed_is_one_death(text: str, quote: str) -> None:
    assert [(m.number, m.kind, m.quote) for m in find(text)] == [(1, "killed", quote)]
    assert supports_count(quote, 1, "killed") and not supports_count(quote, 1, "injured")


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Ketron Nathan, a 24-year-old father of three with another on the way, was shot and killed outside a bar.",
         "Ketron Nathan, a 24-year-old father of three with another on the way, was shot and killed"),
        ("JUDGE CARLOS VALENCIA, WHO HAD INDICTED THE CARTEL, WAS MURDERED TODAY.",
         "JUDGE CARLOS VALENCIA, WHO HAD INDICTED THE CARTEL, WAS MURDERED"),
        # MUC-4 (DEV-MUC3-0229): a wire text's lines are wrapped inside its sentences
        ("STORE.  ORLANDO GOMEZ, A STREET\nVENDOR WALKING THROUGH THE AREA, WAS KILLED.  TWO MORE",
         "ORLANDO GOMEZ, A STREET\nVENDOR WALKING THROUGH THE AREA, WAS KILLED"),
        # MUC-4 (DEV-MUC3-0391): the clause that says who was killed
        ("AS REPORTED BY JUSTICE MARIA ELENA DIAZ, WHO WAS SHOT TO DEATH LAST MONTH, EVIDENTLY.",
         "JUSTICE MARIA ELENA DIAZ, WHO WAS SHOT TO DEATH"),
        ("Police identified Ramon Ortiz, who was killed at the corner.", "Ramon Ortiz, who was killed"),
    ],
)  # fmt: skip
def test_one_person_named_then_said_who_he_was_is_one_death(text: str, quote: str) -> None:
    assert [(m.number, m.kind, m.quote) for m in find(text)] == [(1, "killed", quote)]


@pytest.mark.parametrize(
    "text",
    [
        "THE MURDER OF THE JESUITS ENDANGERED THE INSTITUTION.",  # a description, not a name
        "THE MURDER OF SIX JESUITS WAS CONDEMNED.",  # a figure: the figure readers' business
        "The country's death toll rose again.",
        "Police foiled Obama's assassination plot.",
        "It marked the death of democracy.",  # one word is no name
        "JOSE PEREZ, A STREET\n\nVENDOR, WAS KILLED.",  # a blank line: the name is another paragraph's
        "Ramon Ortiz, who was arrested, said he saw it.",
    ],
)
def test_no_person_named_as_killed_is_no_death(text: str) -> None:
    assert [m for m in find(text) if m.number == 1] == []


def test_a_capitalised_group_is_no_named_victim() -> None:
    assert find("THE POLICE WAS KILLED.") == []


def test_a_number_written_in_words_past_a_hundred_is_read_whole() -> None:
    found = find("Two hundred and fifty people were killed.")
    assert [(m.number, m.quote) for m in found] == [(250, "Two hundred and fifty people were killed")]


def test_a_number_the_readers_read_as_the_other_kind_does_not_state_this_kind() -> None:
    quote = "a shooting that left four men injured and one dead"
    assert not states(quote, 4, "killed")  # four injured, not four dead
    assert states(quote, 1, "killed")
    assert states(quote, 4, "injured")
    assert not states("Eight people were taken to the hospital with injuries after the party", 8, "killed")


def test_how_many_times_someone_was_shot_is_no_count() -> None:
    # one death, not eight
    assert [(m.kind, m.number) for m in find("Holt was shot eight times and pronounced dead at the scene.")] == [
        ("killed", 1)
    ]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("A man was shot in the leg Tuesday night.", "A man was shot"),
        ("Ketron Nathan was shot outside his home.", "Ketron Nathan was shot"),
        ("Police said the boy had been shot in the arm.", "the boy had been shot"),
        # GVA dev: an adverb before "shot", a victim who shot himself, a gunshot wound suffered
        ("An 11-year-old boy was accidentally shot by his brother.", "An 11-year-old boy was accidentally shot"),
        ("Police said the infant was accidentally shot.", "the infant was accidentally shot"),
        ("Police said a boy accidentally shot himself in the finger.", "Police said a boy accidentally shot himself"),
        ("A man suffered a self-inflicted gunshot wound early Thursday.", "suffered a self-inflicted gunshot wound"),
        # GVA dev: "also" shot, struck or hit by a bullet, "he" taken to hospital, a victim who "remains" in a condition
        ("A 3-year-old child was also shot in the hand.", "A 3-year-old child was also shot"),
        ("Piluyeva was struck in the upper left thigh by a bullet.", "Piluyeva was struck"),
        ("The 15-year-old girl was hit in the back by a bullet.", "The 15-year-old girl was hit"),
        ("He was taken to an area hospital with non-life-threatening injuries.", "He was taken to an area hospital"),
        ("The victim remains in critical condition.", "The victim remains in critical condition"),
    ],
)
def test_one_victim_hit_and_not_said_to_have_died_is_one_hit(text: str, quote: str) -> None:
    [hit] = find(text)
    assert (hit.kind, hit.number, hit.hit, hit.perpetrators, hit.quote) == ("injured", 1, True, False, quote)


@pytest.mark.parametrize(
    "text",
    [
        "He was struck by a car.",  # not by a bullet
        "She was hit by a bullet and died.",  # dead, not hit
        "A man was shot and killed on Main Street.",  # dead, not hit
        "A man was shot dead on Main Street.",
        "Police said a suspect was shot by officers.",  # an attacker, not a victim
        "He shot himself after killing his wife.",  # dead, not hit
        "The man suffered a gunshot wound to the head and died at the scene.",
        "A man was fatally shot on Main Street.",
    ],
)
def test_one_victim_shot_dead_or_an_attacker_shot_is_no_hit(text: str) -> None:
    assert [m for m in find(text) if m.hit] == []


@pytest.mark.parametrize(
    ("text", "number", "quote"),
    [
        ("A 14-year-old boy was fatally shot on the reservation.", 1, "A 14-year-old boy was fatally shot"),
        ("Two men were fatally shot Monday.", 2, "Two men were fatally shot"),
        ("A man was shot to death in his car.", 1, "A man was shot to death"),
        ("Ketron Nathan was fatally wounded.", 1, "Ketron Nathan was fatally wounded"),
        # GVA dev: said with "a", "fatally" was read as a manner and "wounded" as an injury
        ("A man was fatally wounded in a shooting shortly after midnight.", 1, "A man was fatally wounded"),
        ("A man was shot and fatally wounded.", 1, "A man was shot and fatally wounded"),
        ("Three people were stabbed to death.", 3, "Three people were stabbed to death"),
    ],
)
def test_victims_fatally_shot_or_shot_to_death_are_dead(text: str, number: int, quote: str) -> None:
    assert [(m.kind, m.number, m.quote) for m in find(text)] == [("killed", number, quote)]


def test_one_victim_also_injured_is_one_injury() -> None:
    # GVA dev: "also" before the word was no manner the one-victim reading knew
    text = "A woman was also injured during the shooting, but her wounds are minor."
    assert [(m.kind, m.number, m.quote) for m in find(text)] == [("injured", 1, "A woman was also injured")]


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman added that no one was injured.",
        "THE SPOKESMAN ADDED THAT NO ONE WAS INJURED AND THAT THE DAMAGE WAS SLIGHT.",
        "No one was hurt in the blast.",
        # MUC-4: a number that owns something is a name ("Front 19's"), not a count.
        "THE COMMANDER OF THE FMLN'S FRONT 19'S \"SOUTHERN FRONT,\" WAS SLIGHTLY INJURED.",
    ],
)
def test_no_one_and_a_number_that_owns_are_no_count(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "FIVE GUATEMALAN UNIVERSITY LEADERS THREATENED WITH DEATH HAVE SOUGHT REFUGE",
        "The man who shot three people in Woodland may face the death penalty.",
        "SEVEN STUDENTS WERE KIDNAPPED BY ALLEGED DEATH SQUADS",
        "Inmate 56 Death row",
    ],
)
def test_a_threat_of_death_death_squads_and_the_death_penalty_are_no_deaths(text: str) -> None:
    assert [m for m in find(text) if m.kind == "killed"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The 9 year old, was not hurt.",  # an age without its hyphens, and no one hurt
        "Two officers at the scene were not injured.",
        "A 15 year old was killed on Friday.",
    ],
)
def test_an_age_without_hyphens_and_a_denied_injury_are_no_count(text: str) -> None:
    assert [m.number for m in find(text) if m.number != 1] == []


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("There were three men and three women injured in the shooting.", "injured", 6),  # GVA dev
        ("Two men and two women were also wounded.", "injured", 4),  # GVA dev
        ("Six Jesuits and two more persons were killed.", "killed", 8),  # MUC-4
    ],
)
def test_two_groups_of_victims_with_one_word_are_one_figure(text: str, kind: str, number: int) -> None:
    [figure] = find(text)
    assert (figure.kind, figure.number) == (kind, number)


@pytest.mark.parametrize(
    ("text", "kind", "hit", "quote"),
    [
        ("A woman and a child were shot outside a home.", "injured", True, "A woman and a child were shot"),
        (
            "A woman and her 4-year-old child were wounded.",
            "injured",
            False,
            "A woman and her 4-year-old child were wounded",
        ),
        ("A man and his son were killed in the crash of gunfire.", "killed", False, "A man and his son were killed"),
    ],
)
def test_two_victims_each_said_with_a_are_two(text: str, kind: str, hit: bool, quote: str) -> None:
    assert [(m.kind, m.number, m.hit, m.quote) for m in find(text)] == [(kind, 2, hit, quote)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev sentences: the emergency number is no count of the dead or the hurt ("the teen died" is one).
        ("Adults at the home called 911 and tried live-saving measures, but the teen died.", [("killed", 1)]),
        ("Deputies responded to a 911 call from a man who said his stepson had been shot.", []),
        ("A relative called 911 and began CPR, but the boy died.", [("killed", 1)]),
        ("Officers answering the 911 call found two people dead.", [("killed", 2)]),
    ],
)
def test_the_emergency_number_is_no_count(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev sentences: victims the object of a shooting are hit; one more victim wounded is one.
        ("Police are looking for the person who shot six people at an Easter party early Sunday.", [("injured", 6)]),
        (
            "Police are investigating a shooting at a bar that sent 4 people to the hospital on Sunday.",
            [("injured", 4)],
        ),
        (
            "A man accused of killing three men and wounding another remains in custody.",
            [("killed", 3), ("injured", 1)],
        ),
        ("A home invasion put three women into the hospital, including his mother.", [("injured", 3)]),
        ("A New Year's Eve celebration at a bar ended with five people in the hospital.", [("injured", 5)]),
        ("He shot 3 times.", []),
        ("The man shot two people dead.", [("killed", 2)]),
        ("He wounded another two men.", []),  # "another two" is no count of one
    ],
)
def test_victims_shot_as_the_object_of_the_verb(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


def test_victims_shot_beside_the_dead_are_not_the_injured() -> None:
    [hit, dead] = find("A gunman shot four people outside a bar, killing two.")
    assert (hit.number, hit.hit, dead.kind, dead.number) == (4, True, "killed", 2)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev sentences. One victim the object of a shooting, where the article speaks of no death: one hit.
        ("Deputies say an eight-year-old accidentally shot his 12-year-old brother Sunday morning.", [("injured", 1)]),
        ("A 21-year-old man accidentally shot a 9-year-old girl, his relative, in the chest.", [("injured", 1)]),
        # ... and where it does, "shot his wife" is mostly the killing told again: no hit.
        ("He shot his wife in the kitchen. She died at the scene.", [("killed", 1)]),
        # "the men shot four individuals from one family"
        ("On May 7 the men shot four individuals from one family.", [("injured", 4)]),
        # the others hit beside the dead: "sent three others to the hospital"
        ("A shooting killed two people and sent three others to the hospital.", [("killed", 2), ("injured", 3)]),
    ],
)
def test_victims_shot_as_the_object_of_the_verb_one_or_more(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


def test_the_others_sent_to_the_hospital_beside_the_dead_are_the_others() -> None:
    [_, hit] = find("A shooting killed two people and sent three others to the hospital.")
    assert (hit.number, hit.hit, hit.others) == (3, True, True)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "killed his wife", "fatally shooting his grandfather": one death, the relative alone.
        ("The boy pulled the trigger, fatally shooting his grandfather in the chest.", [("killed", 1)]),
        ("Police say he killed his brother after an argument.", [("killed", 1)]),
        ("She killed her father and daughter in July.", []),  # two, not one: no figure
    ],
)
def test_one_relative_killed_is_one_death(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev: "one of N" names the whole, read next.
        ("He was one of six people who were wounded in the shooting.", [("injured", 6)]),
        ("The boy was one of four teenagers who were struck by gunfire.", [("injured", 4)]),
        # "seven of the nine soldiers were wounded": the part is the figure.
        ("Seven of the nine soldiers were wounded.", [("injured", 7)]),
    ],
)
def test_one_of_a_number_is_the_whole(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev sentences: one death named in ways the readers had missed
        ("He is charged in the fatal shooting of 15-year-old Braxton Bourda of Larose.", [("killed", 1)]),
        ("Police have identified the teenager fatally shot May 4 on Roosevelt Avenue.", [("killed", 1)]),
        ("A man and his daughter were found dead in Hardin County.", [("killed", 2)]),
        ("My other child was 19 months old he passed away in my arms.", [("killed", 1)]),  # an age in months
        ("A man fatally shot his wife in their home.", [("killed", 1)]),  # one victim: the man is the shooter
    ],
)
def test_one_death_said_by_a_participle_a_fatal_shooting_of_or_passed_away(
    text: str, found: list[tuple[str, int]]
) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The victim was taken to Memorial Regional Hospital with critical injuries.", [("injured", 1)]),
        ("A 17-year-old boy was rushed by ambulance to the hospital.", [("injured", 1)]),
        ("The boy was rushed to a hospital where he was pronounced dead.", [("killed", 1)]),
        ("Officers said the suspect was taken to the county jail.", []),
        ("The man was listed in stable condition.", [("injured", 1)]),
        ("A woman suffered minor injuries.", [("injured", 1)]),
        ("The victim was found with a gunshot wound.", [("injured", 1)]),
        ("The 4-year-old girl was grazed by a bullet.", [("injured", 1)]),
        ("The man was in critical condition and later died.", [("killed", 1)]),  # died of it: no hit
        ("Four people are recovering after being shot early Sunday.", [("injured", 4)]),
        ("Three people suffered from nonlife-threatening gunshot wounds.", [("injured", 3)]),
        ("A child was hospitalized Sunday evening.", [("injured", 1)]),
        ("The child suffered non-life threatening injuries.", [("injured", 1)]),
        ("The boy sustained substantial, but non-life-threatening injuries.", [("injured", 1)]),
        ("The injured man was driven to a hospital by a friend.", [("injured", 1)]),
        ("One of the teens, a 15-year-old boy, was grazed in the leg by a bullet.", [("injured", 1)]),
        ("A stray bullet grazed the little girl's left shoulder.", [("injured", 1)]),
        ("He was treated and released from the hospital.", [("injured", 1)]),
        ("The child, meanwhile, has been released from Children's Hospital.", [("injured", 1)]),
        ("He was grazed by a bullet and later died.", [("killed", 1)]),
    ],
)
def test_one_victim_taken_to_a_hospital_or_in_a_condition_is_hit(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Gunmen killed John Smith on Friday.", [("killed", 1)]),
        ("Police said he shot and killed Mary Jones and Tom Brown at home.", [("killed", 2)]),
        ("Smith fatally shot 23-year-old Jose Ramirez.", [("killed", 1)]),
        ("The storm killed Friday Night plans.", []),  # a day is no name
        ("GUERRILLAS KILLED ARMY SOLDIERS.", []),  # in capitals, words are no name
    ],
)
def test_one_or_two_people_named_after_a_killing_verb_are_deaths(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev: another year's toll, recalled
        ("The deadliest shooting was in 2007, when a student at Virginia Tech killed 32 people.", []),
        ("Smith was one of 40 people killed in the city in 2014.", []),
        ("Gunmen killed 3 people on Saturday.", [("killed", 3)]),
    ],
)
def test_a_toll_of_another_year_is_no_count(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev: a toll of years ago, of several shootings, of a city; the number of a gallery's picture, a
        # distance, an age, a television station, of rounds fired; a figure in the next paragraph
        ("Holmes should be put to death for killing 12 and wounding 70 in a theater three years ago.", []),
        ("Two men were killed and eight others have been wounded in separate shootings since Wednesday.", []),
        ("At least 13 people were shot in the District in five incidents.", []),
        ("Three people were killed and 22 others wounded in shootings across the city since Friday.", []),
        ("Image 1 of 16 A man died Thursday morning after being shot.", [("killed", 1)]),
        ("Jones, the homicide victim, was killed three blocks from where he lived.", []),
        ("Officers found victims, all between the ages of 27 and 45, suffering from gunshot wounds.", []),
        ("Deputies tell 59 News the injuries do not appear to be life-threatening.", []),
        ("Dwayne Curtis of Trotwood was killed\n\nSix others struck by bullets", [("killed", 1)]),
        ("Police said 15 rounds were shot at the house.", []),
        ("A $5,000 reward is being offered for the gunmen who shot and killed him.", []),  # GVA dev: money
        ("Besides those shot and killed, 41 other people were wounded in gun violence citywide.", []),
        ("Eight people were killed and at least 46 others wounded in shootings across Chicago.", []),
        ("Four juveniles and three adults were shot during three separate shootings.", []),
        # GVA dev: the suspects charged, a caliber, the victims' shared age
        ("Six O.C. residents charged in a stabbing death over a love triangle", []),
        ("Two men wanted in connection with the shooting death of a teen were arrested.", [("killed", 1)]),
        ("Police are looking for two people they believe are connected with the shooting death.", []),
        # GVA dev: a headline's victims hit, then its dead
        ("Five shot, one dead in overnight shooting", [("killed", 1)]),
        ("Police found 9 mm magazines near the teen who shot and killed himself", [("killed", 1)]),  # his own
        ("Antoine Sutphen and Ormani Duncan, both 24 and from Pasadena, died after the shooting.", []),
        ("Gunmen killed 3 people on Saturday in two cars.", [("killed", 3)]),
    ],
)
def test_tolls_of_other_times_or_places_and_numbers_of_other_things_are_no_counts(
    text: str, found: list[tuple[str, int]]
) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # GVA dev pages: an hour or a decade before the words of a count is none of it
        ("Around 10 Saturday night, four people were shot near the park.", [("injured", 4)]),
        ("At 3:45 this afternoon, four men were shot on the corner.", [("injured", 4)]),
        ("Police said two men in their 20\u2032s who were shot are expected to survive.", []),
        ("1:50 Columbus girl fatally shot\n\n0:47 Driver shot to death", []),  # a page's list of videos
        ("The 10 people were shot Saturday night.", [("injured", 10)]),  # the count before the hour stays
        ("At 10 o'clock 3 people were shot.", [("injured", 3)]),
        # MUC-4 train: the wires' clock time (DEV-MUC3-0147 had read 500 killed)
        ("THE CLASHES ENDED AT 0500 TODAY, RESULTED IN THE DEATH OF ONE SOLDIER.", [("killed", 1)]),
        ("AT 0930, 07 PEOPLE WERE KILLED.", []),  # no count is written with a leading zero
        # GVA dev: a page copied from Wikipedia, its references in brackets
        ("the massacre.[57] UCSB awarded posthumous degrees to the six slain students.", [("killed", 6)]),
        ("AT LEAST [9] PERSONS DIED DURING THE\nINCIDENTS LAST WEEK.", [("killed", 9)]),  # MUC-4: the wire's [9]
    ],
)
def test_an_hour_or_a_decade_is_no_count(text: str, found: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == found


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "one"), (4, "four"), (19, "nineteen"), (20, "twenty"), (21, "twenty-one"), (99, "ninety-nine"), (0, None)],
)
def test_a_number_from_one_to_ninety_nine_is_spelled_as_articles_write_it(number: int, words: str | None) -> None:
    assert casualties.spelled(number) == words
    if words:
        assert casualties.parse_number(words) == number


@pytest.mark.parametrize(
    ("text", "kind", "number", "hit"),
    [
        ("Police said a 15-year-old girl, two women and a man were shot.", "injured", 4, True),  # GVA dev
        ("Three adults and five children were killed in the fire.", "killed", 8, False),
        ("Two teenagers and a young man were shot near the park.", "injured", 3, True),
        ("Four men and a woman were wounded.", "injured", 5, False),
        ("A 16-year-old boy and a 20-year-old man were also shot.", "injured", 2, True),
    ],
)
def test_victims_listed_by_group_with_one_verb_are_summed(text: str, kind: str, number: int, hit: bool) -> None:
    [mention] = find(text)
    assert (mention.kind, mention.number, mention.hit, mention.perpetrators) == (kind, number, hit, False)
    assert text[mention.start : mention.end] == mention.quote
    assert supports_count(mention.quote, number, kind)


@pytest.mark.parametrize(
    "text",
    [
        # ages, not groups of victims
        "In that incident, a 25 year-old male, 14 year-old male, and 17 year-old female were shot.",
        # a year on the line before the list
        "February 14, 2017\n\nA man was killed and a pregnant woman was injured Tuesday.",
        # a toll of several shootings
        "Two men and a boy were injured Sunday afternoon in three separate shootings.",
    ],
)
def test_a_list_whose_number_is_no_count_or_that_sums_several_shootings_is_no_list(text: str) -> None:
    assert all(m.number < 3 for m in find(text))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Three people lost their lives in the attack.", 3),
        ('"He took three men\'s lives because he was angry," she said.', 3),  # GVA dev
        ("Three lives were lost and another was injured.", 3),  # GVA dev
    ],
)
def test_lives_lost_are_deaths(text: str, number: int) -> None:
    assert [(m.kind, m.number) for m in find(text) if m.kind == "killed"] == [("killed", number)]


@pytest.mark.parametrize(
    "text",
    [
        # GVA dev: where someone lives, and lives threatened, are no deaths
        "Pence and four other friends were visiting a teen male who lives at 804 West Patterson Avenue.",
        "Elmi pointed a gun at two people and threatened their lives.",
    ],
)
def test_where_someone_lives_or_lives_threatened_are_no_deaths(text: str) -> None:
    assert [m for m in find(text) if m.kind == "killed"] == []


def test_a_year_written_with_an_apostrophe_is_no_count() -> None:
    text = "During the winter of '96, it's hard to forget the deaths of the pageant queens."  # GVA dev
    assert [m.number for m in find(text)] == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Homicide investigators released details about the double murder of a father and his son.", 2),  # GVA dev
        ("Police are investigating a triple homicide on the east side.", 3),
        ("He was charged in the quadruple slaying.", 4),
    ],
)
def test_a_double_or_triple_killing_is_two_or_three_deaths(text: str, number: int) -> None:
    [mention] = [m for m in find(text) if m.kind == "killed"]
    assert (mention.number, mention.perpetrators) == (number, False)
    assert text[mention.start : mention.end] == mention.quote


def test_a_double_killing_does_not_hide_a_larger_figure() -> None:
    text = "Three people were killed in what police first called a double homicide."
    assert max(m.number for m in find(text) if m.kind == "killed") == 3


def test_an_age_before_all_or_both_or_a_semicolon_is_no_count() -> None:
    text = "Nicholas Powers, 30; Demario Burnett, 21; and Jerry Coleman, 31 all died of gunshot wounds."  # GVA dev
    assert 31 not in [m.number for m in find(text)] and 30 not in [m.number for m in find(text)]


@pytest.mark.parametrize(
    ("text", "number", "quote"),
    [  # GVA dev's words
        ("The 15-year-old suffered a critical injury but is expected to survive.", 1,
         "The 15-year-old suffered a critical injury but is expected to survive"),
        ("Authorities say a Los Angeles police officer is conscious and expected to survive.", 1,
         "a Los Angeles police officer is conscious and expected to survive"),
        ("Both are expected to recover.", 2, "Both are expected to recover"),
        ('"All four shooting victims are expected to survive," police said.', 4,
         "All four shooting victims are expected to survive"),
        ("Police say the other three victims are expected to survive.", 3,
         "the other three victims are expected to survive"),
        ("Two are dead and two are in critical condition after a shooting.", 2, "two are in critical condition"),
        ("One victim died, while the other two remain in critical condition.", 2,
         "the other two remain in critical condition"),
        ("They were both taken to the hospital. Both are in stable condition.", 2, "Both are in stable condition"),
        ("The boy's injuries are not life-threatening, Captain Gary Hood said.", 1,
         "The boy's injuries are not life-threatening"),
        ("Wright's injuries are not life threatening, but he is to undergo surgery.", 1,
         "Wright's injuries are not life threatening"),
    ],
)  # fmt: skip
def test_victims_expected_to_survive_are_injured(text: str, number: int, quote: str) -> None:
    assert [(m.kind, m.number, m.hit, m.quote) for m in find(text) if m.kind == "injured"] == [
        ("injured", number, False, quote)
    ]
    assert supports_count(quote, number, "injured")


def test_two_survivors_in_one_text_are_two_figures() -> None:
    # "both" and "the boy's" are no number: each figure is kept, none overwrites another
    text = "Both are in stable condition. The boy's injuries are not life-threatening. "
    text += "Later both were in good condition."
    assert [m.number for m in find(text)] == [2, 1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "They are expected to be OK.",
        "The suspect is expected to survive.",
        "He is not expected to survive.",
        "Their injuries are not life-threatening.",
    ],
)
def test_survivors_not_counted_or_not_victims_give_no_injury(text: str) -> None:
    assert [m for m in find(text) if m.kind == "injured" and not m.perpetrators] == []


@pytest.mark.parametrize(
    "text",
    [
        # GVA dev: the wound killed her.
        "According to their investigation, a 20-year-old woman suffered a fatal gunshot wound.",
        "The man suffered fatal gunshot wounds to the chest.",
        "A woman suffered a mortal wound.",
    ],
)
def test_a_wound_said_to_be_fatal_is_no_injury(text: str) -> None:
    assert [m for m in find(text) if m.kind == "injured"] == []


def test_a_wound_not_said_to_be_fatal_is_still_an_injury() -> None:
    assert [(m.kind, m.number) for m in find("A woman suffered a gunshot wound to the leg.")] == [("injured", 1)]


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("Two Milwaukee men, ages 25 and 26, died in the shooting.", "killed", 2),  # GVA dev: an aside with figures
        ("Two women, believed to be 30 and 60, were found dead.", "killed", 2),
        # An aside holds no casualty word of its own: "1 injured" is the figure, not "3 ... injuries".
        ("3 fatalities tonight, 1 injured and transported, we do not know the extent of injuries", "injured", 1),
        ("Police said two men and two women, all in their 20s, were wounded.", "injured", 4),  # GVA dev: two groups
        ("SIX JESUITS (FIVE SPANIARDS AND ONE SALVADORAN) AND TWO WOMEN WERE KILLED.", "killed", 8),  # MUC-4 dev
        # The whole before the part's aside: the part died, not the six.
        ("One of the six, a 24-year-old man, died at the hospital.", "killed", 1),
    ],
)
def test_a_figure_is_read_across_an_aside_that_holds_numbers(text: str, kind: str, number: int) -> None:
    assert [(m.kind, m.number) for m in find(text) if m.kind == kind] == [(kind, number)]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("When police arrived, they found 16-year-old Rolando Rojas Gonzalez dead from a gunshot wound.", 1),  # GVA dev
        ("Officers found the boy dead in the yard.", 1),
        ("Deputies found him dead.", 1),
        ("Deputies found the 13-year-old and 6-year-old dead.", None),  # two: not one
    ],
)
def test_one_victim_found_dead_is_one_death(text: str, number: int | None) -> None:
    assert [m.number for m in find(text) if m.kind == "killed"] == ([number] if number else [])


def test_a_list_of_other_victims_shot_beside_a_death_are_the_others() -> None:
    # GVA dev: the dead, then "a woman and two other men were also shot": three injured.
    [hit] = [m for m in find("A woman and two other men were also shot; they were taken to a hospital.") if m.hit]
    assert (hit.number, hit.others) == (3, True)


@pytest.mark.parametrize(
    "text",
    [
        "A total of three people were killed and another wounded at the property.",  # GVA dev
        "One man died and another was seriously injured.",
        "TWO SOLDIERS WERE KILLED AND ANOTHER SOLDIER WAS WOUNDED.",  # MUC-4 dev
    ],
)
def test_another_victim_hurt_beside_the_dead_is_one_injured(text: str) -> None:
    assert [m.number for m in find(text) if m.kind == "injured"] == [1]


def test_victims_fatally_shot_by_the_accused_are_the_dead() -> None:
    # GVA dev: "accused of fatally shooting three people and wounding another".
    text = "Luyster is accused of fatally shooting three people and wounding another Friday night."
    assert [(m.kind, m.number) for m in find(text)] == [("killed", 3), ("injured", 1)]
    assert [m.number for m in find("The man was fatally shot around 10 Saturday.") if m.kind == "killed"] == [1]


def test_one_shot_and_killed_by_a_participle_clause_is_one_death() -> None:
    # GVA dev: "shot his baby brother, killing him instantly".
    assert [(m.kind, m.number) for m in find("The boy then shot his baby brother, killing him instantly.")] == [
        ("killed", 1)
    ]
    # "killing himself" is the attacker's own death, not a victim's
    assert [(m.number, m.perpetrators) for m in find("He fired at the officers, killing himself.")] == [(1, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At school, roughly 275 were told of Jaden's death on Monday.", [("killed", 1)]),  # GVA dev
        ("The 8 I-Team has now learned the identities of the four victims injured.", [("injured", 4)]),  # GVA dev
    ],
)
def test_people_told_of_a_death_are_no_victims(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(m.kind, m.number) for m in find(text)] == expected
