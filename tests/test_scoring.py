"""The scorers, on real MUC-4 answer keys (tests/fixtures/muc4_sample.jsonl) and hand-computed cases.

The fixture holds three documents of the MUC-4 DEV set, copied verbatim:
DEV-MUC3-0066 (irrelevant), DEV-MUC3-0094 (two bombings of one restaurant, claimed by the
MRTA in both templates) and DEV-MUC3-0644 (a bombing suspected to be the work of the
Maoist Popular Liberation Army, 11 injured by the answer key's count).
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from summarizer.evaluation import baseline, scoring
from summarizer.evaluation.predictions import Predicted, from_summary, main_of
from summarizer.evaluation.scoring import Scoreboard, Tally, match_role, norm
from summarizer.schema import (
    Actor,
    ActorKind,
    Casualties,
    Count,
    Incident,
    Place,
    Provenance,
    Responsibility,
    Stance,
    Summary,
    Usage,
    Weapon,
    When,
)

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "muc4_sample.jsonl"
IRRELEVANT, CLAIMED, SUSPECTED = "DEV-MUC3-0066", "DEV-MUC3-0094", "DEV-MUC3-0644"
# One summarizer type per MUC incident type (each is in scoring.MUC_TYPES for it).
TYPE_OF = {"ATTACK": "armed_assault", "BOMBING": "bombing", "KIDNAPPING": "hostage_taking_kidnapping"}
# Date and place as a reader of the article (not the scorer's parsers) would give them.
WHEN_WHERE = {CLAIMED: ("1989-03-29", "Lima", "Peru"), SUSPECTED: ("1989-11-07", "Quinchia", "Colombia")}


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def gold(records: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {doc_id: r["gold"] for doc_id, r in records.items()}


def first_mentions(entities: list[dict[str, Any]]) -> list[str]:
    return [e["mentions"][0] for e in entities if e.get("mentions")]


def from_template(doc_id: str, template: dict[str, Any], main: bool) -> Predicted:
    """A perfect system's answer for one gold template: the first mention of each entity."""
    derived = template["derived"]
    orgs = first_mentions(template["perp_organizations"])
    day, city, country = WHEN_WHERE[doc_id]
    return Predicted(
        type=TYPE_OF[template["incident_type"]],
        date=day,
        city=city,
        country=country,
        perp_individuals=first_mentions(template["perp_individuals"]),
        perp_organizations=orgs,
        targets=first_mentions(template["physical_targets"]),
        victims=[(h["names"] + h["descriptions"])[0] for h in template["human_targets"]],
        weapons=first_mentions(template["instruments"]),
        killed=derived["killed_min"],
        injured=derived["injured_min"],
        claimed=[o for o in orgs if o in derived["claimed_by"]],
        blamed=[o for o in orgs if o in derived["suspected_or_accused"]],
        main=main,
    )


def perfect(doc_id: str, gold: dict[str, dict[str, Any]]) -> list[Predicted]:
    return [from_template(doc_id, t, n == 0) for n, t in enumerate(gold[doc_id]["templates"])]


def board_for(gold: dict[str, dict[str, Any]], predictions: dict[str, list[Predicted]]) -> Scoreboard:
    board = Scoreboard()
    for doc_id, incidents in predictions.items():
        scoring.score_muc(board, gold[doc_id], incidents)
    return board


def rate(report: dict[str, Any], name: str) -> float:
    return float(report["rates"][name]["rate"])


# --- MUC-4 on real answer keys ---------------------------------------------------------------


def test_fixture_is_two_relevant_documents_with_claims_and_one_irrelevant(gold: dict[str, dict[str, Any]]) -> None:
    assert not gold[IRRELEVANT]["relevant"] and gold[IRRELEVANT]["templates"] == []
    assert any(t["derived"]["claimed_by"] for t in gold[CLAIMED]["templates"])
    assert any(t["derived"]["suspected_or_accused"] for t in gold[SUSPECTED]["templates"])


def test_gold_turned_into_predictions_scores_one(gold: dict[str, dict[str, Any]]) -> None:
    predictions = {IRRELEVANT: [], CLAIMED: perfect(CLAIMED, gold), SUSPECTED: perfect(SUSPECTED, gold)}
    report = board_for(gold, predictions).report()
    for variant in ("roles_strict", "roles_lenient"):
        for role, scores in report[variant].items():
            assert scores == {"precision": 1.0, "recall": 1.0, "f1": 1.0}, (variant, role)
    assert report["claim_blame_confusions"] == 0
    assert rate(report, "irrelevant_with_invented_incident") == 0.0  # an error rate: 0 is perfect
    others = {k: v for k, v in report["rates"].items() if k != "irrelevant_with_invented_incident"}
    assert set(others) == {
        "relevance_accuracy",
        "type_accuracy",
        "date_day_accuracy",
        "date_said_accuracy",
        "country_accuracy",
        "city_accuracy",
        "injured_exact",
        "injured_within_20pct",
        "claims_recall",
        "claims_precision_claimed",
    }  # no death in the key nor in the predictions: deaths are not scored on these documents
    assert all(v["rate"] == 1.0 for v in others.values()), others
    assert report["rates"]["relevance_accuracy"]["n"] == 3


def test_gold_roles_are_the_union_over_templates_without_repeats(gold: dict[str, dict[str, Any]]) -> None:
    roles = scoring.muc_gold_roles(gold[CLAIMED]["templates"])  # two templates naming the same entities
    assert roles == {
        "PerpInd": [["GUERRILLAS"]],
        "PerpOrg": [["TUPAC AMARU REVOLUTIONARY MOVEMENT", "MRTA"]],
        "Target": [["RESTAURANT"]],
        "Victim": [],
        "Weapon": [["BOMB"]],  # the second template's instrument is unattached: no mention
    }


def test_an_alias_of_a_gold_entity_matches_it(gold: dict[str, dict[str, Any]]) -> None:
    board = board_for(gold, {CLAIMED: [Predicted(type="bombing", perp_organizations=["MRTA"])]})
    assert board.strict["PerpOrg"] == Tally(matched=1, predicted=1, gold=1)


def test_empty_predictions_recall_nothing(gold: dict[str, dict[str, Any]]) -> None:
    report = board_for(gold, {IRRELEVANT: [], CLAIMED: [], SUSPECTED: []}).report()
    assert report["roles_strict"]["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert report["roles_lenient"]["micro"]["recall"] == 0.0
    assert rate(report, "claims_recall") == 0.0
    assert rate(report, "type_accuracy") == 0.0


def test_empty_prediction_is_right_on_the_irrelevant_document(gold: dict[str, dict[str, Any]]) -> None:
    report = board_for(gold, {IRRELEVANT: []}).report()
    assert report["rates"]["relevance_accuracy"] == {"rate": 1.0, "n": 1}
    assert report["rates"]["irrelevant_with_invented_incident"] == {"rate": 0.0, "n": 1}
    assert "roles_strict" not in report  # nothing to match on either side


@pytest.mark.parametrize("doc_id", [CLAIMED, SUSPECTED])
def test_empty_prediction_is_wrong_on_a_relevant_document(gold: dict[str, dict[str, Any]], doc_id: str) -> None:
    report = board_for(gold, {doc_id: []}).report()
    assert report["rates"]["relevance_accuracy"] == {"rate": 0.0, "n": 1}
    assert "irrelevant_with_invented_incident" not in report["rates"]


def test_an_incident_invented_for_an_irrelevant_document_is_counted(gold: dict[str, dict[str, Any]]) -> None:
    invented = Predicted(type="bombing", perp_organizations=["ELN"], weapons=["BOMB"])
    board = board_for(gold, {IRRELEVANT: [invented]})
    report = board.report()
    assert rate(report, "relevance_accuracy") == 0.0
    assert rate(report, "irrelevant_with_invented_incident") == 1.0
    assert report["roles_strict"]["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert sum(t.predicted for t in board.strict.values()) == 2  # each invented filler costs precision


def test_counts_are_summed_over_incidents_and_templates(gold: dict[str, dict[str, Any]]) -> None:
    split = [Predicted(type="bombing", injured=6, main=True), Predicted(type="bombing", injured=5)]
    report = board_for(gold, {SUSPECTED: split}).report()
    assert rate(report, "injured_exact") == 1.0  # 6 + 5 = the key's 11


def test_deaths_are_scored_only_where_the_key_or_the_summary_has_some(gold: dict[str, dict[str, Any]]) -> None:
    none = board_for(gold, {SUSPECTED: [Predicted(type="bombing", injured=11)]}).report()
    assert "killed_exact" not in none["rates"]  # 0 == 0 is no evidence of counting right
    invented = board_for(gold, {SUSPECTED: [Predicted(type="bombing", killed=3, injured=11)]}).report()
    assert invented["rates"]["killed_exact"] == {"rate": 0.0, "n": 1}
    assert invented["rates"]["injured_exact"] == {"rate": 1.0, "n": 1}


def test_injured_within_twenty_percent(gold: dict[str, dict[str, Any]]) -> None:
    near = board_for(gold, {SUSPECTED: [Predicted(type="bombing", injured=13)]}).report()  # |13-11| <= 2.2
    far = board_for(gold, {SUSPECTED: [Predicted(type="bombing", injured=14)]}).report()
    assert (rate(near, "injured_exact"), rate(near, "injured_within_20pct")) == (0.0, 1.0)
    assert rate(far, "injured_within_20pct") == 0.0


def test_type_from_the_main_incident_date_and_place_from_any(gold: dict[str, dict[str, Any]]) -> None:
    wrong_main = Predicted(type="shooting", date="1989-11-06", city="Bogota", country="Colombia", main=True)
    right = Predicted(type="bombing", date="1989-11-07", city="QUINCHIA", country="Colombia")
    report = board_for(gold, {SUSPECTED: [wrong_main, right]}).report()
    assert rate(report, "type_accuracy") == 0.0  # the type is judged on the main incident only
    assert rate(report, "date_day_accuracy") == 1.0
    assert rate(report, "city_accuracy") == 1.0


# --- claims and blame ------------------------------------------------------------------------


def test_a_suspected_party_predicted_as_blamed_is_recalled(gold: dict[str, dict[str, Any]]) -> None:
    blamed = Predicted(type="bombing", blamed=["the Maoist Popular Liberation Army"])
    report = board_for(gold, {SUSPECTED: [blamed]}).report()
    assert report["rates"]["claims_recall"] == {"rate": 1.0, "n": 1}
    assert report["claim_blame_confusions"] == 0


def test_a_suspected_party_predicted_as_claimant_is_one_confusion(gold: dict[str, dict[str, Any]]) -> None:
    claimed = Predicted(type="bombing", claimed=["MAOIST POPULAR LIBERATION ARMY"])
    report = board_for(gold, {SUSPECTED: [claimed]}).report()
    assert report["claim_blame_confusions"] == 1
    assert report["rates"]["claims_recall"] == {"rate": 0.0, "n": 1}
    assert report["rates"]["claims_precision_claimed"] == {"rate": 0.0, "n": 1}


def test_a_claimant_predicted_as_blamed_is_one_confusion(gold: dict[str, dict[str, Any]]) -> None:
    blamed = Predicted(type="bombing", blamed=["TUPAC AMARU REVOLUTIONARY MOVEMENT"])
    report = board_for(gold, {CLAIMED: [blamed]}).report()
    assert report["claim_blame_confusions"] == 1


def test_a_party_the_key_holds_both_claimed_and_suspected_is_no_confusion_either_way(
    gold: dict[str, dict[str, Any]],
) -> None:
    # As some MUC-4 keys do (DEV-MUC3-0204: the FMLN claimed the attack and was suspected of it).
    key = copy.deepcopy(gold[CLAIMED])
    for template in key["templates"]:
        template["derived"]["suspected_or_accused"] = list(template["derived"]["claimed_by"])
    for said in (
        {"claimed": ["TUPAC AMARU REVOLUTIONARY MOVEMENT"]},
        {"blamed": ["TUPAC AMARU REVOLUTIONARY MOVEMENT"]},
    ):
        board = Scoreboard()
        scoring.score_muc(board, key, [Predicted(type="bombing", **said)])
        report = board.report()
        assert report["claim_blame_confusions"] == 0
        assert report["rates"]["claims_recall"]["rate"] == 0.5  # one of its two stances


def test_a_claimant_named_by_its_alias_is_recalled(gold: dict[str, dict[str, Any]]) -> None:
    claimed = Predicted(type="bombing", perp_organizations=["MRTA"], claimed=["MRTA"])
    report = board_for(gold, {CLAIMED: [claimed]}).report()
    assert rate(report, "claims_recall") == 1.0


# --- matching --------------------------------------------------------------------------------

THREE = [["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"], ["URBAN GUERRILLAS"], ["MORTAR"]]


def test_two_of_three_matched_with_four_predictions() -> None:
    tally = match_role(["FMLN", "mortar", "soldiers", "the army"], THREE)
    assert tally == Tally(matched=2, predicted=4, gold=3)
    assert tally.scores() == {"precision": 0.5, "recall": 0.6667, "f1": 0.5714}


def test_tallies_add_up_to_micro_scores() -> None:
    total = Tally()
    total.add(Tally(matched=1, predicted=1, gold=2))
    total.add(Tally(matched=2, predicted=5, gold=2))
    assert total == Tally(matched=3, predicted=6, gold=4)
    assert total.scores() == {"precision": 0.5, "recall": 0.75, "f1": 0.6}
    assert Tally().scores() == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_strict_needs_a_whole_mention_lenient_accepts_whole_words() -> None:
    gold = [["THE URBAN GUERRILLAS"]]
    assert match_role(["GUERRILLAS"], gold).matched == 0
    assert match_role(["GUERRILLAS"], gold, lenient=True).matched == 1
    assert match_role(["urban guerrillas of the FMLN"], gold, lenient=True).matched == 1
    assert match_role(["GUERRILLA"], gold, lenient=True).matched == 0  # part of a word is not enough
    assert match_role(["urban guerrillas"], gold).matched == 1  # leading article and case do not count


def test_two_predictions_cannot_both_match_one_entity() -> None:
    tally = match_role(["FMLN", "Farabundo Marti National Liberation Front"], [THREE[0]])
    assert tally == Tally(matched=1, predicted=2, gold=1)
    lenient = match_role(["guerrillas", "urban guerrillas"], [["URBAN GUERRILLAS"]], lenient=True)
    assert lenient == Tally(matched=1, predicted=2, gold=1)


def test_one_prediction_matches_one_entity_even_if_it_fits_two() -> None:
    tally = match_role(["GUERRILLAS"], [["GUERRILLAS"], ["GUERRILLAS", "REBELS"]])
    assert tally == Tally(matched=1, predicted=1, gold=2)


def test_predictions_equal_after_normalisation_count_once() -> None:
    assert match_role(["The bomb", "BOMB", "bomb."], [["BOMB"]]) == Tally(matched=1, predicted=1, gold=1)


def test_empty_strings_are_neither_predictions_nor_mentions() -> None:
    assert match_role(["", "  ", "..."], [["BOMB"], ["", "-"]]) == Tally(matched=0, predicted=0, gold=1)


def test_matching_does_not_depend_on_prediction_order() -> None:
    # Like DEV-MUC3-1105: the ELN's sub-command and the ELN are separate entities sharing 'ELN'.
    gold = [["ELN", "ARMY OF NATIONAL LIBERATION", "THE ELN'S CAMILIST UNION"], ["ELN"]]
    assert match_role(["THE ELN'S CAMILIST UNION", "ELN"], gold).matched == 2
    assert match_role(["ELN", "THE ELN'S CAMILIST UNION"], gold).matched == 2


def test_lenient_never_matches_fewer_than_strict() -> None:
    gold = [["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"], ["FRONT"]]
    predicted = ["FRONT", "FMLN"]
    assert match_role(predicted, gold).matched == 2
    assert match_role(predicted, gold, lenient=True).matched == 2


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("THE URBAN GUERRILLAS", "urban guerrillas"),
        ("  A  Car-Bomb!  ", "car bomb"),
        ("An explosive device", "explosive device"),
        ("THEATRE", "theatre"),  # an article only as a whole word
        ("MEMBERS OF THE COMMAND", "members of the command"),  # only a leading article goes
        ("THE ELN'S CAMILIST UNION", "eln s camilist union"),
        ("Ñandú", "ñandú"),
        ("...", ""),
    ],
)
def test_norm(raw: str, expected: str) -> None:
    assert norm(raw) == expected


# --- MUC-4 dates and places ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "days"),
    [
        ("10 OCT 89", {"1989-10-10"}),
        ("7 NOV 89", {"1989-11-07"}),
        ("- 08 JAN 90", {"1990-01-08"}),  # 'on or before': the end day
        ("17 FEB 90 - 18 FEB 90", {"1990-02-17", "1990-02-18"}),
        ("30 DEC 89 - 02 JAN 90", {"1989-12-30", "1990-01-02"}),
        ("31 FEB 90", set()),
        ("", set()),
        (None, set()),
    ],
)
def test_muc_date(raw: str | None, days: set[str]) -> None:
    assert scoring.muc_date(raw) == days


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("28 MAR 89", {"1989-03-28"}),
        ("- 18 MAY 90", set()),  # a bound alone: the key's date of an incident recalled without one
        ("17 FEB 90 - 18 FEB 90", {"1990-02-17", "1990-02-18"}),
        ("01 JAN 90 - 31 JAN 90", {"1990-01-01", "1990-01-31", "1990-01"}),  # "in January": the month too
        ("01 FEB 88 - 28 FEB 88", {"1988-02-01", "1988-02-28"}),  # not the whole of a leap year's February
        (None, set()),
    ],
)
def test_muc_said_leaves_out_a_bound_and_gives_a_whole_month_as_the_month(raw: str | None, said: set[str]) -> None:
    assert scoring.muc_said(raw) == said


def test_date_said_is_scored_where_a_key_says_a_date(gold: dict[str, dict[str, Any]]) -> None:
    doc = {"relevant": True, "templates": [{**gold[SUSPECTED]["templates"][0], "date": "- 18 MAY 90"}]}
    recalled = board_for({SUSPECTED: doc}, {SUSPECTED: [Predicted(type="bombing")]}).report()
    assert "date_said_accuracy" not in recalled["rates"] and rate(recalled, "date_day_accuracy") == 0.0
    january = {"relevant": True, "templates": [{**gold[SUSPECTED]["templates"][0], "date": "01 JAN 90 - 31 JAN 90"}]}
    month = board_for({SUSPECTED: january}, {SUSPECTED: [Predicted(type="bombing", date="1990-01")]}).report()
    assert (rate(month, "date_said_accuracy"), rate(month, "date_day_accuracy")) == (1.0, 0.0)


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        ("EL SALVADOR: SAN SALVADOR (CITY)", ("el salvador", "san salvador")),
        ("COLOMBIA: RISARALDA (DEPARTMENT): QUINCHIA (CITY)", ("colombia", "quinchia")),
        ("PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)", ("peru", "lima")),
        ("EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)", ("el salvador", "san luis de la reina")),
        ("GUATEMALA", ("guatemala", None)),
        (None, (None, None)),
        ("", (None, None)),
    ],
)
def test_muc_location(raw: str | None, place: tuple[str | None, str | None]) -> None:
    assert scoring.muc_location(raw) == place


def test_muc_published_reads_the_dateline(records: dict[str, dict[str, Any]]) -> None:
    text = records[CLAIMED]["text"]
    assert text.startswith("LIMA, 29 MAR 89 (EFE) --")
    assert scoring.muc_published(text) == date(1989, 3, 29)
    assert scoring.muc_published("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] ...") == date(1990, 2, 4)


def test_muc_published_without_a_dateline_is_none() -> None:
    assert scoring.muc_published("[TEXT] NO DATE HERE.") is None
    assert scoring.muc_published("X" * 200 + " 4 FEB 90") is None  # only the head of the text is the dateline
    assert scoring.muc_published("BOGOTA, 31 FEB 90 --") is None


# --- Gun Violence Archive --------------------------------------------------------------------

GVA = {
    "date": "January 27, 2014",
    "state": "North Carolina",
    "city_or_county": "Rocky Mount",
    "num_killed": 1,
    "num_injured": 10,
}


def gva_report(incidents: list[Predicted], gold: dict[str, Any] = GVA) -> dict[str, Any]:
    board = Scoreboard()
    scoring.score_gva(board, gold, incidents)
    return board.report()


def test_gva_exact_answer_scores_one() -> None:
    right = Predicted(date="2014-01-27", city="Rocky Mount", region="North Carolina", killed=1, injured=10)
    report = gva_report([right])
    assert set(report) == {"rates"}  # no role fillers for GVA
    assert report["rates"] == {
        k: {"rate": 1.0, "n": 1}
        for k in (
            "incident_found",
            "killed_exact",
            "victims_killed_exact",
            "killed_within_20pct",
            "injured_exact",
            "injured_within_20pct",
            "date_day_accuracy",
            "date_day_precision",
            "city_accuracy",
            "state_accuracy",
        )
    }


@pytest.mark.parametrize(("injured", "within"), [(8, True), (12, True), (7, False), (13, False)])
def test_gva_injured_within_twenty_percent(injured: int, within: bool) -> None:
    report = gva_report([Predicted(injured=injured)])
    assert rate(report, "injured_exact") == 0.0
    assert rate(report, "injured_within_20pct") == float(within)


def test_gva_killed_tolerance_is_at_least_a_fifth_of_one() -> None:
    assert rate(gva_report([Predicted(killed=2)]), "killed_within_20pct") == 0.0
    assert rate(gva_report([Predicted(killed=0)], GVA | {"num_killed": 0}), "killed_exact") == 1.0


def test_gva_is_judged_on_the_main_incident() -> None:
    other = Predicted(date="2014-01-27", city="Rocky Mount", region="North Carolina", killed=1, injured=10)
    main = Predicted(date="2014-01-26", city="Raleigh", region="NC", killed=3, injured=0, main=True)
    report = gva_report([other, main])
    assert all(v["rate"] == 0.0 for k, v in report["rates"].items() if k != "incident_found")


def test_gva_date_city_and_state() -> None:
    report = gva_report([Predicted(date="2014-01-27", city="rocky mount, N.C.", region="north carolina")])
    assert rate(report, "date_day_accuracy") == 1.0
    assert rate(report, "city_accuracy") == 1.0
    assert rate(report, "state_accuracy") == 1.0
    month_only = gva_report([Predicted(date="2014-01", city="Mount Olive", region=None)])
    assert rate(month_only, "date_day_accuracy") == 0.0
    assert "date_day_precision" not in month_only["rates"]  # no day given: not a wrong day
    wrong_day = gva_report([Predicted(date="2014-01-26")])
    assert (rate(wrong_day, "date_day_accuracy"), rate(wrong_day, "date_day_precision")) == (0.0, 0.0)
    assert rate(month_only, "city_accuracy") == 0.0
    assert rate(month_only, "state_accuracy") == 0.0


def test_gva_attackers_killed_are_scored_apart_where_the_record_or_the_summary_has_one() -> None:
    shooter = {"Type": "Subject-Suspect", "Status": "Killed"}
    victim = {"Type": "Victim", "Status": "Killed"}
    gold = GVA | {"num_killed": 2, "participants": [victim, shooter]}
    assert rate(gva_report([Predicted(killed=1, perpetrators_killed=1)], gold), "attackers_killed_exact") == 1.0
    assert rate(gva_report([Predicted(killed=1)], gold), "attackers_killed_exact") == 0.0
    alone = GVA | {"participants": [victim]}
    # The record's toll counts the shooter; the summary's victims are held to the victims killed too.
    assert rate(gva_report([Predicted(killed=1, perpetrators_killed=1)], gold), "killed_exact") == 0.0
    assert rate(gva_report([Predicted(killed=1, perpetrators_killed=1)], gold), "victims_killed_exact") == 1.0
    assert rate(gva_report([Predicted(killed=2)], gold), "victims_killed_exact") == 0.0
    assert rate(gva_report([Predicted(killed=1, perpetrators_killed=1)], alone), "attackers_killed_exact") == 0.0
    assert "attackers_killed_exact" not in gva_report([Predicted(killed=1)], alone)["rates"]


def test_gva_without_incident_or_gold_fields() -> None:
    report = gva_report([], {"state": "Ohio"})
    assert report["rates"]["incident_found"] == {"rate": 0.0, "n": 1}
    assert {"killed_exact", "injured_exact", "date_day_accuracy"}.isdisjoint(report["rates"])
    assert rate(report, "state_accuracy") == 0.0


# --- the baseline's type mapping -------------------------------------------------------------


@pytest.mark.parametrize(
    ("free_text", "kind"),
    [
        ("Car bombing", "bombing"),
        ("Suicide bombing", "suicide_attack"),
        ("explosion", "bombing"),
        ("KIDNAPPING", "hostage_taking_kidnapping"),
        ("hostage taking", "hostage_taking_kidnapping"),
        ("arson attack", "arson"),
        ("Shooting", "shooting"),
        ("assassination attempt", "assassination"),
        ("murder", "assassination"),
        ("armed attack", "armed_assault"),
        ("ambush", "other"),
        ("", "other"),
        ("mortar fire", "other"),
        ("gunfire", "shooting"),
        ("firefight", "other"),
    ],
)
def test_baseline_type_mapping(free_text: str, kind: str) -> None:
    assert baseline._type(free_text) == kind


def test_baseline_flatten_puts_claimants_and_suspects_among_organizations() -> None:
    result = baseline.BaselineResult.model_validate(
        {
            "incidents": [
                {
                    "type": "Bomb attack",
                    "date": "1989-03-29",
                    "city": "Lima",
                    "region": None,
                    "country": "Peru",
                    "perpetrator_individuals": ["guerrillas"],
                    "perpetrator_organizations": ["Shining Path"],
                    "victims": [],
                    "targets": ["restaurant"],
                    "weapons": ["bomb"],
                    "killed": 0,
                    "injured": None,
                    "claimed_by": ["MRTA"],
                    "suspected": ["ELN"],
                }
            ]
            * 2
        }
    )
    first, second = baseline.flatten(result)
    assert first.type == "bombing" and first.main and not second.main
    assert first.perp_organizations == ["Shining Path", "MRTA", "ELN"]
    assert (first.claimed, first.blamed) == (["MRTA"], ["ELN"])
    assert (first.weapons, first.killed, first.injured) == (["bomb"], 0, None)


# --- flattening a Summary --------------------------------------------------------------------


def actor(name: str, kind: ActorKind) -> Actor:
    return Actor(quote=name, name=name, kind=kind, number=None)


def says(party: str, stance: Stance) -> Responsibility:
    return Responsibility(quote=f"{party} {stance}", party=party, stance=stance, stated_by=None)


def summary_of(*incidents: Incident) -> Summary:
    provenance = Provenance(
        model="test",
        prompt_version="v1",
        schema_version="1",
        published=None,
        attempts=1,
        usage=Usage(prompt_tokens=1, completion_tokens=1),
        seconds=0.0,
    )
    return Summary(summary="Two incidents.", incidents=list(incidents), provenance=provenance)


BOMBING = Incident(
    description="A bomb exploded in a Lima restaurant.",
    type="bombing",
    status="carried_out",
    when=When(text="today", date="1989-03-29", precision="day"),
    where=Place(text="a Lima restaurant", city="Lima", region="Lima", country="Peru"),
    perpetrators=[actor("Tupac Amaru Revolutionary Movement", "group"), actor("guerrillas", "unknown")],
    victims=[actor("a waiter", "individual")],
    targets=[actor("restaurant", "unknown")],
    weapons=[Weapon(quote="dynamite")],
    casualties=Casualties(
        killed=Count(quote="one dead", number=1, qualifier="exact"),
        injured=Count(quote="at least three wounded", number=3, qualifier="at_least"),
        perpetrators_killed=Count(quote="the bomber died", number=1, qualifier="exact"),
    ),
    responsibility=[
        says("MRTA", "claimed"),
        says("Shining Path", "attributed"),
        says("ELN", "suspected"),
        says("FMLN", "denied"),
    ],
    main=False,
)
KIDNAPPING = Incident(
    description="A man was kidnapped.",
    type="hostage_taking_kidnapping",
    status="carried_out",
    when=None,
    where=None,
    perpetrators=[actor("Juan Perez", "individual")],
    victims=[],
    targets=[],
    weapons=[],
    casualties=Casualties(killed=None, injured=None, perpetrators_killed=None),
    responsibility=[],
    main=True,
)


def test_from_summary_flattens_each_incident() -> None:
    flat = from_summary(summary_of(BOMBING, KIDNAPPING))
    assert [i.type for i in flat] == ["bombing", "hostage_taking_kidnapping"]
    bombing = flat[0]
    assert (bombing.type, bombing.date) == ("bombing", "1989-03-29")
    assert (bombing.city, bombing.region, bombing.country) == ("Lima", "Lima", "Peru")
    assert bombing.perp_individuals == ["guerrillas"]  # unknown kinds count as individuals

    assert bombing.perp_organizations[0] == "Tupac Amaru Revolutionary Movement"
    assert {"MRTA", "Shining Path", "ELN"} <= set(bombing.perp_organizations)
    assert (bombing.victims, bombing.targets, bombing.weapons) == (["a waiter"], ["restaurant"], ["dynamite"])
    assert (bombing.killed, bombing.injured) == (1, 3)  # the bomber is not a victim
    assert bombing.claimed == ["MRTA"]
    assert bombing.blamed == ["Shining Path", "ELN"]  # attributed and suspected; a denial is neither
    assert not bombing.main


def test_from_summary_leaves_unknowns_empty() -> None:
    kidnapping = from_summary(summary_of(KIDNAPPING))[0]
    assert kidnapping.perp_individuals == ["Juan Perez"] and kidnapping.perp_organizations == []
    assert (kidnapping.date, kidnapping.city, kidnapping.country) == (None, None, None)
    assert (kidnapping.killed, kidnapping.injured) == (None, None)
    assert kidnapping.main


def test_main_of_prefers_the_main_incident_else_the_first() -> None:
    flat = from_summary(summary_of(BOMBING, KIDNAPPING))
    assert main_of(flat) is flat[1]
    assert main_of(from_summary(summary_of(BOMBING))) is not None
    assert main_of([]) is None
    assert from_summary(summary_of()) == []


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ("St. Louis", "Saint Louis", True),  # GVA's keys write the saint out
        ("Ft. Worth", "Fort Worth", True),
        ("Mt. Vernon", "Mount Vernon", True),
        ("Saint Paul", "St Paul", True),
        ("East St. Louis", "Saint Louis", True),  # the scorer is lenient: one inside the other
        ("Stockton", "Saint Louis", False),
        ("St. Louis", "St. Paul", False),
        (None, "Saint Louis", False),
    ],
)
def test_a_place_s_abbreviated_words_are_its_words_written_out(pred: str | None, gold: str, same: bool) -> None:
    assert scoring.same_place(pred, gold) is same
