"""Events an article names in passing (summarizer.named_events), and when the pipeline adds them."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer import named_events
from summarizer.rules import finish
from summarizer.schema import ArticleDraft, Provenance, Usage

REFERENCE_SENTENCE = (
    "In a telephone conversation the two leaders discussed cooperation in connection with the barbaric "
    "terrorist act, the consequence of which was the crash of a Russian airliner in Egypt, and the tragic "
    "events in France, said the Kremlin."
)


def test_the_crash_of_an_airliner_called_a_terrorist_act_is_an_aircraft_attack() -> None:
    [mention] = named_events.find(REFERENCE_SENTENCE)
    assert mention.phrase == "the crash of a Russian airliner in Egypt"
    assert (mention.type, mention.object, mention.country, mention.country_code) == (
        "aircraft_attack",
        "a Russian airliner",
        "Egypt",
        "EG",
    )
    assert REFERENCE_SENTENCE[mention.start : mention.end] == mention.phrase


def test_words_are_found_across_a_wrapped_line_in_shouted_wire_copy() -> None:
    text = "HE CONDEMNED THE ASSASSINATION OF SIX JESUIT PRIESTS\nIN EL SALVADOR AND CALLED FOR AN INQUIRY."
    [mention] = named_events.find(text)
    assert (mention.type, mention.country, mention.object) == ("assassination", "El Salvador", "SIX JESUIT PRIESTS")
    assert text[mention.start : mention.end].endswith("IN EL SALVADOR")


@pytest.mark.parametrize(
    "text",
    [
        "The crash of a plane in Nepal killed 20 people; the weather was poor.",  # an accident, not violence
        "The murders of journalists in Mexico continue.",  # a pattern of events, not one
        "It was the latest mass shooting in the United States.",  # the article's own event
        "Police acted to prevent the bombing of the embassy in Kenya.",  # it did not happen
        "Detectives responded to the shooting across from the mall in NE Portland.",  # NE is not Niger
        "The shooting in Jersey City left one dead.",  # a city named after a country
        "The shooting of a man in Georgia is under investigation.",  # a US state as well
        "The attack in the capital was condemned.",  # no country
        "A bombing in Iraq killed 12.",  # not definite: a report, left to the model
    ],
)
def test_what_is_not_a_past_event_named_with_its_country_is_not_found(text: str) -> None:
    assert named_events.find(text) == []


def test_a_murder_strikes_a_victim_and_a_bombing_a_target() -> None:
    murder, bombing = named_events.find(
        "He recalled the murder of a judge in Colombia. He spoke after the bombing of a bus in Kenya."
    )
    killed = named_events.incident(murder)
    assert [v.name for v in killed.victims] == ["judge"] and killed.targets == []
    bombed = named_events.incident(bombing)
    assert [t.name for t in bombed.targets] == ["bus"] and bombed.victims == []
    assert bombed.description == "The bombing of a bus in Kenya." and bombed.type == "bombing"


ARTICLE = (
    "PARIS, France - Gunmen attacked a concert hall in Paris on Friday, killing 129 people. "
    "Officials linked the attack to the crash of a Russian airliner in Egypt, blamed on terrorists."
)
PROVENANCE = Provenance(
    model="m", prompt_version="p", schema_version="2", published=None, attempts=1,
    usage=Usage(prompt_tokens=1, completion_tokens=1), seconds=0.0,
)  # fmt: skip


def paris(country: str | None = "France", city: str | None = "Paris") -> dict[str, object]:
    return {
        "description": "Gunmen attacked a concert hall in Paris.",
        "type": "shooting",
        "status": "carried_out",
        "when": "on Friday",
        "where": {"text": "a concert hall in Paris", "city": city, "region": None, "country": country},
        "perpetrators": [{"quote": "Gunmen", "name": "gunmen", "kind": "unknown", "number": None}],
        "victims": [],
        "targets": [],
        "weapons": [],
        "casualties": {"killed": None, "injured": None, "perpetrators_killed": None},
        "responsibility": [],
    }


def finished(*incidents: dict[str, object]):  # type: ignore[no-untyped-def]
    draft = ArticleDraft.model_validate({"summary": "An attack.", "incidents": list(incidents)})
    return finish(draft, ARTICLE, date(2015, 11, 17), PROVENANCE).incidents


def test_an_event_named_in_another_country_becomes_its_own_grounded_incident() -> None:
    attack, crash = finished(paris())
    assert attack.main and not crash.main
    assert (crash.type, crash.status, crash.when) == ("aircraft_attack", "carried_out", None)
    assert crash.where is not None and crash.where.span is not None and crash.where.span.start is not None
    assert ARTICLE[crash.where.span.start : crash.where.span.end] == "Egypt"
    [target] = crash.targets
    assert target.span is not None and ARTICLE[target.span.start : target.span.end] == "a Russian airliner"  # type: ignore[misc]


def test_no_event_is_added_beside_an_incident_in_an_unknown_country() -> None:
    [toll] = finished()  # no incident from the model: the article's toll is one, and its country is not known
    assert toll.where is None and toll.casualties.killed is not None and toll.casualties.killed.number == 129
    assert len(finished(paris(country=None, city=None))) == 1


def test_a_country_left_out_is_the_gazetteers_for_the_city_when_the_article_names_it() -> None:
    attack, crash = finished(paris(country=None))
    assert attack.where is not None and attack.where.country_code == "FR" and crash.where is not None


def test_an_event_named_in_the_country_of_a_reported_incident_is_not_added_again() -> None:
    assert len(finished(paris(country="Egypt", city=None))) == 1
    # "Paris" has no city of that name in Egypt: the incident is France's, and the crash in Egypt is added.
    assert [i.where.country_code for i in finished(paris(country="Egypt")) if i.where] == ["FR", "EG"]
