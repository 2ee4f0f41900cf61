"""The evaluation runner: cache, resume, and several documents at once, with the model call faked.

Model answers themselves are replayed from a cassette in ``test_eval_replay.py``; here the
call is replaced (``Runner._call``, ``Summarizer.draft``) so that order, timing and
interruption can be controlled.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer import Summarizer, prompts
from summarizer.answer import Answer
from summarizer.evaluation import runner
from summarizer.evaluation.cli import main as evaluate
from summarizer.evaluation.predictions import from_summary_dict
from summarizer.schema import SCHEMA_VERSION, Provenance

REPLAY_URL = "http://127.0.0.1:9/v1"  # nothing listens; no test here sends a request


def quiet(done: int, total: int, started: float, label: str) -> None:
    """No progress bar in tests."""


def documents(n: int) -> list[runner.Document]:
    return [runner.Document(f"DOC-{i}", f"Article {i}.", f"2020-01-0{1 + i % 9}", {}, "gva") for i in range(n)]


def answer(doc: runner.Document) -> dict[str, Any]:
    """A stored baseline record whose only incident names the document, to follow it through."""
    incident = dict.fromkeys(("date", "region", "country", "killed", "injured"))
    incident |= {"type": "shooting", "city": doc.id}
    for name in ("perpetrator_individuals", "perpetrator_organizations", "victims", "targets", "weapons"):
        incident[name] = []
    incident |= {"claimed_by": [], "suspected": []}
    return {"result": {"incidents": [incident]}, "error": None, "seconds": 0.5, "attempts": 1,
            "prompt_tokens": 10, "completion_tokens": 5}  # fmt: skip


class FakeModel:
    """Stands in for ``Runner._call``: counts calls, optionally slow, optionally held until released."""

    def __init__(self, delay: dict[str, float] | None = None, hold: set[str] | None = None) -> None:
        self.calls: list[str] = []
        self.delay, self.hold = delay or {}, hold or set()
        self.release = threading.Event()
        self._lock = threading.Lock()

    def __get__(self, instance: runner.Runner, owner: type) -> Any:  # patched in as a method
        return self.__call__

    def __call__(self, doc: runner.Document) -> dict[str, Any]:
        with self._lock:
            self.calls.append(doc.id)
        time.sleep(self.delay.get(doc.id, 0.0))
        if doc.id in self.hold:
            assert self.release.wait(10), "never released"
        return answer(doc)


@pytest.fixture
def summarizer() -> Summarizer:
    return Summarizer(base_url=REPLAY_URL, model="fake", api_key="none")


def stored(cache: Path, system: str = "baseline") -> list[Path]:
    return sorted((cache / system).glob("*"))


def test_several_at_once_keep_document_order_and_store_each_result(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(6)
    model = FakeModel(delay={d.id: 0.02 * (6 - i) for i, d in enumerate(docs)})  # the last ones finish first
    monkeypatch.setattr(runner.Runner, "_call", model)
    steps: list[int] = []
    done = runner.run_all(
        runner.Runner("baseline", summarizer, tmp_path), docs, on_step=lambda n, *_: steps.append(n), jobs=3
    )
    assert [o.doc.id for o in done] == [d.id for d in docs]
    assert [o.incidents[0].city for o in done] == [d.id for d in docs]
    assert not any(o.cached for o in done)
    assert sorted(model.calls) == sorted(d.id for d in docs)
    assert steps == [1, 2, 3, 4, 5, 6]
    files = stored(tmp_path)
    assert len(files) == 6 and all(f.suffix == ".json" for f in files)  # no temporary file left behind


def test_a_second_run_is_all_cache_hits_and_asks_nothing(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(5)
    monkeypatch.setattr(runner.Runner, "_call", FakeModel())
    first = runner.run_all(runner.Runner("baseline", summarizer, tmp_path), docs, on_step=quiet, jobs=2)

    def forbidden(*args: object) -> None:
        raise AssertionError("a cached document reached the model")

    monkeypatch.setattr(runner.Runner, "_call", forbidden)
    monkeypatch.setattr(runner.Runner, "connect", forbidden)  # not even a client is made
    again = runner.run_all(runner.Runner("baseline", summarizer, tmp_path), docs, on_step=quiet, jobs=2)
    assert all(o.cached for o in again)
    assert [o.incidents for o in again] == [o.incidents for o in first]
    assert runner.score(again) == runner.score(first)


def test_only_the_documents_not_cached_are_sent(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = documents(6)
    monkeypatch.setattr(runner.Runner, "_call", FakeModel())
    runner.run_all(runner.Runner("baseline", summarizer, tmp_path), docs[::2], on_step=quiet)
    model = FakeModel()
    monkeypatch.setattr(runner.Runner, "_call", model)
    done = runner.run_all(runner.Runner("baseline", summarizer, tmp_path), docs, on_step=quiet, jobs=3)
    assert sorted(model.calls) == [d.id for d in docs[1::2]]
    assert [o.cached for o in done] == [True, False] * 3
    assert [o.doc.id for o in done] == [d.id for d in docs]


def test_the_client_is_made_once_before_the_workers_start(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []

    def connect(self: Summarizer) -> object:
        time.sleep(0.05)  # a slow start (the embedded server) invites a race
        made.append(object())
        return made[-1]

    def call(self: runner.Runner, doc: runner.Document) -> dict[str, Any]:
        assert self.summarizer.client is made[0]
        return answer(doc)

    monkeypatch.setattr(Summarizer, "_connect", connect)
    monkeypatch.setattr(runner.Runner, "_call", call)
    runner.run_all(runner.Runner("baseline", summarizer, tmp_path), documents(8), on_step=quiet, jobs=4)
    assert len(made) == 1


@pytest.mark.parametrize("jobs", [1, 3])
def test_an_interrupted_run_resumes_where_it_stopped(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    docs = documents(8)
    model = FakeModel(hold={d.id for d in docs[2:]})
    monkeypatch.setattr(runner.Runner, "_call", model)

    def interrupt(done: int, *_: object) -> None:
        if done == 2:  # Ctrl-C while the first two are reported
            threading.Timer(0.2, model.release.set).start()  # what was sent comes back once the rest is cancelled
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        runner.run_all(runner.Runner("baseline", summarizer, tmp_path), docs, on_step=interrupt, jobs=jobs)
    sent = list(model.calls)
    assert len(sent) <= 2 + jobs  # the rest were cancelled before they were sent
    assert len(stored(tmp_path)) == len(sent)  # whatever was sent was stored, whole

    resumed = FakeModel()
    monkeypatch.setattr(runner.Runner, "_call", resumed)
    done = runner.run_all(runner.Runner("baseline", summarizer, tmp_path), docs, on_step=quiet, jobs=jobs)
    assert sorted(resumed.calls) == sorted(d.id for d in docs if d.id not in sent)
    assert [o.incidents[0].city for o in done] == [d.id for d in docs]


def test_a_cache_file_that_does_not_read_is_asked_again(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = documents(1)[0]
    monkeypatch.setattr(runner.Runner, "_call", FakeModel())
    run = runner.Runner("baseline", summarizer, tmp_path)
    run.run(doc)
    (path,) = stored(tmp_path)
    path.write_text('{"result": {"incidents": [{"type": ')  # cut short by an old, non-atomic writer
    model = FakeModel()
    monkeypatch.setattr(runner.Runner, "_call", model)
    assert not run.run(doc).cached
    assert model.calls == [doc.id]


def test_the_summarizer_key_follows_what_is_sent_and_the_baseline_key_its_own_prompt(
    summarizer: Summarizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = documents(1)[0]
    base, ours = runner.Runner("baseline", summarizer, Path()), runner.Runner("summarizer", summarizer, Path())
    before = base._key(doc), ours._key(doc)
    # A template file edited without changing any request (a dead branch, a comment) keeps the cache.
    monkeypatch.setattr(prompts, "fingerprint", lambda version="": "edited")
    assert ours._key(doc) == before[1]
    assert base._key(doc) != before[0]  # the baseline is still keyed by its prompt files
    monkeypatch.undo()
    # What the summarizer sends: the answer's schema, the rendered messages, the re-ask settings.
    schema = Answer.model_json_schema()
    monkeypatch.setattr(Answer, "model_json_schema", classmethod(lambda cls, *a, **k: schema | {"x": 1}))
    assert ours._key(doc) != before[1]
    assert base._key(doc) == before[0]  # the baseline has its own flat schema
    monkeypatch.undo()
    real = prompts.messages
    monkeypatch.setattr(prompts, "messages", lambda *a, **k: [*real(*a, **k), {"role": "user", "content": "more"}])
    assert ours._key(doc) != before[1]
    monkeypatch.undo()
    assert ours._key(doc) == before[1]
    other = Summarizer(base_url=REPLAY_URL, model="fake", api_key="none", reasks=summarizer.settings.reasks + 1)
    assert runner.Runner("summarizer", other, Path())._key(doc) != before[1]


# The summarizer system stores the model's draft and finishes it again on every load.

PROVENANCE = {
    "model": "fake",
    "prompt_version": "p",
    "schema_version": SCHEMA_VERSION,
    "published": "2020-01-01",
    "attempts": 2,
    "usage": {"prompt_tokens": 100, "completion_tokens": 20},
    "seconds": 1.0,
}


def test_the_summarizer_stores_the_draft_and_finishes_it_on_every_load(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = Answer.model_validate({"incidents": []})
    drafted: list[str] = []
    finished: list[tuple[str, object]] = []

    def fake_draft(self: Summarizer, text: str, published: str | None = None) -> tuple[Any, ...]:
        drafted.append(text)
        return draft, Provenance.model_validate(PROVENANCE), None

    real_finish = Summarizer.finish

    def counting_finish(self: Summarizer, d: Answer, text: str, day: object, p: Provenance) -> Any:
        finished.append((text, day))
        return real_finish(self, d, text, day, p)  # type: ignore[arg-type]

    monkeypatch.setattr(Summarizer, "draft", fake_draft)
    monkeypatch.setattr(Summarizer, "finish", counting_finish)
    docs = documents(3)
    first = runner.run_all(runner.Runner("summarizer", summarizer, tmp_path), docs, on_step=quiet, jobs=2)
    record = json.loads(stored(tmp_path, "summarizer")[0].read_text())
    assert Answer.model_validate(record["draft"]) == draft
    assert Provenance.model_validate(record["provenance"]).attempts == 2
    assert [(o.attempts, o.prompt_tokens, o.completion_tokens) for o in first] == [(2, 100, 20)] * 3

    again = runner.run_all(runner.Runner("summarizer", summarizer, tmp_path), docs, on_step=quiet)
    assert len(drafted) == 3  # the model was asked once per document
    assert len(finished) == 6  # post-processing ran on every load
    assert {str(day) for _, day in finished} == {"2020-01-01"}  # the day comes back from the provenance
    assert all(o.cached for o in again) and [o.incidents for o in again] == [o.incidents for o in first]


# A v1 summary as the runner stored it before drafts were (trimmed from a real cache file).
LEGACY_V1 = {
    "summary": "Rebels attacked a patrol.",
    "incidents": [
        {
            "description": "Rebels attacked an army patrol.",
            "type": "armed_assault",
            "status": "carried_out",
            "when": {"text": "on Monday", "date": "1989-11-06", "precision": "day", "span": None},
            "where": {"text": "in Usulutan", "city": "Usulutan", "region": None, "country": "El Salvador"},
            "perpetrators": [{"quote": "FMLN rebels", "name": "FMLN", "kind": "group", "number": None}],
            "victims": [{"quote": "two soldiers", "name": "soldiers", "kind": "individual", "number": 2}],
            "targets": [],
            "casualties": {"killed": {"quote": "killed two", "number": 2, "qualifier": "exact"}, "injured": None},
            "responsibility": [
                {"quote": "the army blamed", "party": "FMLN", "stance": "attributed", "stated_by": "army"},
                {"quote": "denied", "party": "ERP", "stance": "denied", "stated_by": "ERP"},
            ],
            "main": True,
        }
    ],
    "provenance": {"model": "embedded", "schema_version": "1"},
}


def test_a_finished_summary_of_an_older_schema_still_loads(
    summarizer: Summarizer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = documents(1)[0]
    run = runner.Runner("summarizer", summarizer, tmp_path)
    run._store(run._path(doc), {"result": LEGACY_V1, "error": None, "seconds": 3.0, "attempts": 1,
                                "prompt_tokens": 9, "completion_tokens": 9})  # fmt: skip
    outcome = run.cached(doc)
    assert outcome is not None and outcome.cached
    (incident,) = outcome.incidents
    assert (incident.type, incident.date, incident.city, incident.country) == (
        "armed_assault",
        "1989-11-06",
        "Usulutan",
        "El Salvador",
    )
    assert incident.perp_organizations == ["FMLN", "FMLN"]  # as a perpetrator and as attributed; not ERP
    assert (incident.victims, incident.killed, incident.injured) == (["soldiers"], 2, None)
    assert (incident.claimed, incident.blamed, incident.main) == ([], ["FMLN"], True)


def test_the_dict_flattener_tolerates_missing_fields() -> None:
    (incident,) = from_summary_dict({"incidents": [{"type": "bombing"}]})
    assert incident.type == "bombing" and incident.city is None and incident.perp_organizations == []
    assert from_summary_dict({}) == []


# The command line.


def test_jobs_must_be_a_positive_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        evaluate(["data.jsonl", "--jobs", "0"])
    assert exit.value.code == 2
    assert "--jobs: expected a whole number of at least 1" in capsys.readouterr().err


def test_ctrl_c_exits_130_and_says_how_to_resume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = tmp_path / "gva.jsonl"
    dataset.write_text(json.dumps({"id": "A", "text": "An article.", "dct": "2020-01-01", "gold": {}}) + "\n")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run_all", interrupted)
    args = [str(dataset), "--base-url", REPLAY_URL, "--model", "fake", "--cache-dir", str(tmp_path / "c")]
    assert evaluate([*args, "--jobs", "2"]) == 130
    assert "interrupted; results so far are kept in" in capsys.readouterr().err
