"""The reference article, summarized through the whole pipeline on recorded embedded-model answers.

It must yield the Paris attacks of 13/14 November 2015 in Paris, France, with 129 killed and
about 350 injured, must not make the planned 26 November meeting an incident, and must not
invent a year when the publication date is not given.

The model reports neither Hollande's attribution, nor the attackers' deaths, nor the airliner
crash in the recording; the rules of summarizer.responsibility, summarizer.casualties and
summarizer.named_events read them from the article.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from summarizer import Summarizer, Summary
from summarizer.cli import main

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "summary.v2.json").read_text())


@pytest.fixture(scope="module")
def summarizer(endpoint: dict[str, str]) -> Summarizer:
    return Summarizer(**endpoint)


@pytest.fixture(scope="module")
def with_date(summarizer: Summarizer, recorded, reference_text: str) -> Summary:  # type: ignore[no-untyped-def]
    with recorded("reference_published.yaml"):
        return summarizer.summarize(reference_text, published="2015-11-17")


@pytest.fixture(scope="module")
def without_date(summarizer: Summarizer, recorded, reference_text: str) -> Summary:  # type: ignore[no-untyped-def]
    with recorded("reference_unpublished.yaml"):
        return summarizer.summarize(reference_text)


def paris(summary: Summary):  # type: ignore[no-untyped-def]
    found = [i for i in summary.incidents if i.where and "paris" in (i.where.city or i.where.text).lower()]
    assert found, f"no incident in Paris among {[i.where for i in summary.incidents]}"
    return found[0]


def test_paris_attacks_are_found_in_paris_france(with_date: Summary) -> None:
    incident = paris(with_date)
    assert incident.where is not None and incident.where.country == "France"
    assert incident.status == "carried_out"


def test_paris_attacks_killed_129(with_date: Summary) -> None:
    killed = paris(with_date).casualties.killed
    assert killed is not None and killed.number == 129
    assert "129" in killed.quote


def test_paris_attacks_happened_on_13_or_14_november_2015(with_date: Summary) -> None:
    when = paris(with_date).when
    assert when is not None and when.precision == "day"
    assert when.date in ("2015-11-13", "2015-11-14")


def test_without_publication_date_no_year_is_invented(without_date: Summary) -> None:
    for incident in without_date.incidents:
        if incident.when and incident.when.date:
            assert not incident.when.date[:4].isdigit(), incident.when
    when = paris(without_date).when
    assert when is not None and when.date in ("--11-13", "--11-14")


def test_provenance_counts_the_model_calls(with_date: Summary) -> None:
    p = with_date.provenance
    assert p.attempts >= 1
    assert p.usage.prompt_tokens > 500 and p.usage.completion_tokens > 0
    assert p.published == "2015-11-17" and p.schema_version == "2"


def test_result_validates_against_exported_schema(with_date: Summary) -> None:
    jsonschema.validate(json.loads(with_date.model_dump_json()), SCHEMA)


def test_cli_prints_schema_valid_json(
    endpoint: dict[str, str],
    recorded,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("SUMMARIZER_BASE_URL", endpoint["base_url"])
    monkeypatch.setenv("SUMMARIZER_MODEL", endpoint["model"])
    monkeypatch.setenv("SUMMARIZER_API_KEY", endpoint["api_key"])
    monkeypatch.setenv("SUMMARIZER_REASK_UNSUPPORTED", "0")  # as on the embedded model, which it is
    article = Path(__file__).resolve().parent / "fixtures" / "reference.txt"
    with recorded("reference_published.yaml"):
        code = main([str(article), "--published", "2015-11-17", "--format", "json"])
    assert code == 0
    output = json.loads(capsys.readouterr().out)
    jsonschema.validate(output, SCHEMA)
    assert any(i["casualties"]["killed"] and i["casualties"]["killed"]["number"] == 129 for i in output["incidents"])


def test_every_reported_fact_is_aligned_with_the_article(with_date: Summary, reference_text: str) -> None:
    report = with_date.provenance.grounding
    assert report is not None and report.policy == "flag"
    facts = 0
    for incident in with_date.incidents:
        quoted = [*incident.perpetrators, *incident.victims, *incident.targets, *incident.responsibility]
        counts = [incident.casualties.killed, incident.casualties.injured, incident.casualties.perpetrators_killed]
        for fact in [*quoted, *(c for c in counts if c)]:
            facts += 1
            assert fact.span is not None
            if fact.span.found:
                assert fact.span.start is not None and fact.span.end is not None
                assert reference_text[fact.span.start : fact.span.end].strip()
    assert facts > 0
    assert report.exact + report.fuzzy + report.not_found >= facts


def test_killed_figure_points_at_its_words(with_date: Summary, reference_text: str) -> None:
    killed = paris(with_date).casualties.killed
    assert killed is not None and killed.span is not None and killed.span.status == "exact"
    assert "129" in reference_text[killed.span.start : killed.span.end]
    assert f"incidents[{with_date.incidents.index(paris(with_date))}].casualties.killed" not in (
        with_date.provenance.grounding.unsupported  # type: ignore[union-attr]
    )


def test_paris_injured_about_350_qualified(with_date: Summary) -> None:
    injured = paris(with_date).casualties.injured
    assert injured is not None and (injured.number, injured.qualifier) == (350, "about")
    assert (injured.low, injured.high) == (None, None)  # "about" bounds neither side


def test_paris_killed_129_is_exact_with_its_bounds(with_date: Summary) -> None:
    killed = paris(with_date).casualties.killed
    assert killed is not None and (killed.low, killed.high) == (129, 129)


def test_the_planned_26_november_meeting_is_not_an_incident_that_happened(with_date: Summary) -> None:
    for incident in with_date.incidents:
        happened = incident.status in ("carried_out", "attempted_or_foiled")
        assert not (happened and incident.when and incident.when.date == "2015-11-26"), incident
        assert "meet" not in incident.description.lower() or not happened, incident


def test_every_found_quote_spans_its_own_words(with_date: Summary, reference_text: str) -> None:
    from summarizer.grounding import _fold

    for incident in with_date.incidents:
        facts = [*incident.perpetrators, *incident.victims, *incident.targets, *incident.responsibility]
        for fact in facts:
            if fact.span is not None and fact.span.status == "exact":
                assert reference_text[fact.span.start : fact.span.end] == fact.quote.strip()
            elif fact.span is not None and fact.span.found and fact.span.score == 1.0:
                assert _fold(reference_text[fact.span.start : fact.span.end]).text == _fold(fact.quote.strip()).text


def _statements(summary: Summary) -> list[tuple[str | None, str, str | None]]:
    return [(r.canonical, r.stance, r.stated_by) for i in summary.incidents for r in i.responsibility]


def test_islamic_state_is_never_said_to_have_claimed_it(with_date: Summary) -> None:
    assert ("Islamic State", "claimed") not in [(c, s) for c, s, _ in _statements(with_date)]


def test_islamic_state_is_attributed_by_hollande(with_date: Summary, reference_text: str) -> None:
    [statement] = [r for r in paris(with_date).responsibility if r.canonical == "Islamic State"]
    assert (statement.stance, statement.stated_by) == ("attributed", "President Francois Hollande")
    assert statement.span is not None and statement.span.status == "exact"
    assert "responsibility for the attack" in reference_text[statement.span.start : statement.span.end]


@pytest.mark.parametrize("recording", ["with_date", "without_date"])
def test_the_airliner_crash_in_egypt_is_its_own_incident(
    recording: str, request: pytest.FixtureRequest, reference_text: str
) -> None:
    summary: Summary = request.getfixturevalue(recording)
    crashes = [i for i in summary.incidents if i.where and i.where.country_code == "EG"]
    assert len(crashes) == 1 and crashes[0] is not paris(summary)
    crash = crashes[0]
    assert crash.type == "aircraft_attack" and crash.status == "carried_out" and not crash.main
    assert crash.when is None  # the article does not say when
    assert crash.where is not None and crash.where.span is not None and crash.where.span.start is not None
    assert reference_text[crash.where.span.start : crash.where.span.end] == "Egypt"
    assert [t.quote for t in crash.targets] == ["a Russian airliner"]
    assert crash.casualties.killed is None and not crash.responsibility  # the article gives neither


def test_the_attackers_deaths_are_kept_apart_from_the_victims(with_date: Summary) -> None:
    c = paris(with_date).casualties
    dead = c.perpetrators_killed
    assert dead is not None and dead.number in (6, 7) and "blew himself up" in dead.quote
    assert dead.span is not None and dead.span.found
    assert c.killed is not None and c.killed.number == 129  # the attackers are not among the victims
    assert all("Another was killed" not in o.quote for o in c.other_reports)  # the seventh attacker
