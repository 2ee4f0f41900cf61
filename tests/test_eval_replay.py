"""A tiny end-to-end evaluation: both systems over three MUC-4 documents, on recorded answers.

The model's answers come from ``cassettes/eval_muc4_sample.yaml`` (recorded once from the
embedded model); what is checked is the shape of the report and its invariants, not the
model's quality, which depends on the recording.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vcr

from summarizer import Summarizer
from summarizer.evaluation import runner

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "muc4_sample.jsonl"
CASSETTE = "eval_muc4_sample.yaml"


def quiet(done: int, total: int, started: float, label: str) -> None:
    """No progress bar in tests."""


@pytest.fixture(scope="module")
def docs() -> list[runner.Document]:
    return list(runner.load(SAMPLE))


@pytest.fixture(scope="module")
def summarizer(endpoint: dict[str, str]) -> Summarizer:
    return Summarizer(**endpoint)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("eval-cache")


@pytest.fixture(scope="module")
def outcomes(summarizer: Summarizer, docs, cache_dir: Path, recorded) -> dict[str, list[runner.Outcome]]:  # type: ignore[no-untyped-def]
    with recorded(CASSETTE):
        return {
            system: runner.run_all(runner.Runner(system, summarizer, cache_dir), docs, on_step=quiet)
            for system in runner.SYSTEMS
        }


@pytest.fixture(scope="module")
def reports(outcomes: dict[str, list[runner.Outcome]]) -> dict[str, dict[str, Any]]:
    return {system: runner.score(done) for system, done in outcomes.items()}


def test_a_slice_of_the_documents_is_read_with_skip_and_limit(docs: list[runner.Document]) -> None:
    assert [d.id for d in runner.load(SAMPLE, limit=1, skip=1)] == [docs[1].id]
    assert [d.id for d in runner.load(SAMPLE, skip=2)] == [docs[2].id]
    assert list(runner.load(SAMPLE, skip=3)) == []


def test_fixture_documents_are_read_as_muc4_with_their_datelines(docs: list[runner.Document]) -> None:
    assert [(d.dataset, d.published) for d in docs] == [
        ("muc4", "1989-02-02"),
        ("muc4", "1989-03-29"),
        ("muc4", "1989-11-07"),
    ]
    assert [d.gold["relevant"] for d in docs] == [False, True, True]


@pytest.mark.parametrize("system", runner.SYSTEMS)
def test_every_document_gets_a_fresh_outcome(outcomes: dict[str, list[runner.Outcome]], system: str) -> None:
    done = outcomes[system]
    assert [o.doc.id for o in done] == ["DEV-MUC3-0066", "DEV-MUC3-0094", "DEV-MUC3-0644"]
    assert not any(o.cached for o in done)
    # A request the cassette cannot answer surfaces as an unreachable model: never acceptable here.
    assert not [o.error for o in done if o.error and o.error.startswith("ModelUnavailableError")]
    for o in done:
        assert o.seconds >= 0
        if o.error is None:
            assert o.attempts >= 1 and o.prompt_tokens > 0 and o.completion_tokens > 0
        else:
            assert o.incidents == []


@pytest.mark.parametrize("system", runner.SYSTEMS)
def test_report_has_rates_roles_claims_and_speed(
    reports: dict[str, dict[str, Any]], outcomes: dict[str, list[runner.Outcome]], system: str
) -> None:
    report = reports[system]
    with_deaths = [  # deaths are scored over relevant documents where the key or the summary has some
        o.doc.id
        for o in outcomes[system]
        if o.doc.gold["relevant"]
        and (
            sum(t["derived"]["killed_min"] for t in o.doc.gold["templates"]) or sum(i.killed or 0 for i in o.incidents)
        )
    ]
    assert set(report) == {"rates", "roles_strict", "roles_lenient", "claim_blame_confusions", "speed"}
    assert report["rates"]["relevance_accuracy"]["n"] == 3
    assert report["rates"]["irrelevant_with_invented_incident"]["n"] == 1
    assert report["rates"]["type_accuracy"]["n"] == 2
    assert report["rates"].get("killed_exact", {"n": 0})["n"] == len(with_deaths)
    assert report["rates"]["city_accuracy"]["n"] == 2
    for name, rate in report["rates"].items():
        assert 0.0 <= rate["rate"] <= 1.0, name
    for variant in ("roles_strict", "roles_lenient"):
        assert set(report[variant]) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon", "micro"}
        for scores in report[variant].values():
            assert all(0.0 <= scores[k] <= 1.0 for k in ("precision", "recall", "f1"))
    assert report["claim_blame_confusions"] >= 0


@pytest.mark.parametrize("system", runner.SYSTEMS)
def test_lenient_scores_are_never_below_strict(reports: dict[str, dict[str, Any]], system: str) -> None:
    strict, lenient = reports[system]["roles_strict"]["micro"], reports[system]["roles_lenient"]["micro"]
    assert lenient["precision"] >= strict["precision"]
    assert lenient["recall"] >= strict["recall"]


@pytest.mark.parametrize("system", runner.SYSTEMS)
def test_speed_counts_documents_and_tokens(
    reports: dict[str, dict[str, Any]], outcomes: dict[str, list[runner.Outcome]], system: str
) -> None:
    speed = reports[system]["speed"]
    assert speed["documents"] == 3
    assert speed["errors"] == sum(o.error is not None for o in outcomes[system])
    if speed["errors"] < 3:
        assert speed["median_seconds"] <= speed["p90_seconds"]
        assert speed["mean_prompt_tokens"] > 0 and speed["mean_attempts"] >= 1
        assert 0.0 <= speed["first_attempt_valid_rate"] <= 1.0
        assert 0 <= speed["unsupported_facts"] <= speed["quoted_facts"]
    if system == "summarizer":  # the summarizer's facts are quoted and aligned; the baseline's are not
        assert speed["quoted_facts"] == sum(o.facts for o in outcomes[system]) > 0


def test_second_run_is_served_from_the_cache_without_any_request(
    summarizer: Summarizer,
    docs: list[runner.Document],
    cache_dir: Path,
    outcomes: dict[str, list[runner.Outcome]],
    reports: dict[str, dict[str, Any]],
    vcr_config: dict[str, Any],
    tmp_path: Path,
) -> None:
    # An empty cassette in record mode "none": any HTTP request would raise.
    offline = vcr.VCR(cassette_library_dir=str(tmp_path), record_mode="none", **vcr_config)
    with offline.use_cassette("no_requests.yaml") as cassette:
        again = {
            system: runner.run_all(runner.Runner(system, summarizer, cache_dir), docs, on_step=quiet)
            for system in runner.SYSTEMS
        }
    assert cassette.play_count == 0 and len(cassette) == 0
    for system, done in again.items():
        assert all(o.cached for o in done)
        assert [o.incidents for o in done] == [o.incidents for o in outcomes[system]]
        assert runner.score(done) == reports[system]
