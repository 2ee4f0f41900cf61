"""``summarizer batch prepare`` / ``finish``: the OpenAI batch file format, round trip, offline.

``tests/fixtures/batch/results.jsonl`` was produced by the real embedded model server answering the
requests of ``requests.jsonl`` (``make batch-results``, ``tests/record_batch.py``); neither file is
written by hand. The fault cases (an answer that does not validate, a request the service failed) are
scripted here, in the test, and say so; ``--reask`` talks to a real HTTP server on 127.0.0.1
(``tests/loopback.py``).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import httpx2
import jsonschema
import pytest
from loopback import Loopback, answer

from summarizer import Summarizer
from summarizer.cli import main
from summarizer.review.corpus import read as read_run

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "fixtures" / "batch"
SCHEMA = json.loads((ROOT / "schemas" / "summary.v2.json").read_text(encoding="utf-8"))
EMBEDDED = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}  # the embedded model's settings; it never starts


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """The recorded batch beside a copy of its inputs (their paths are relative to the inputs file)."""
    folder = tmp_path / "tests" / "fixtures" / "batch"
    folder.mkdir(parents=True)
    for name in ("inputs.jsonl", "requests.jsonl", "results.jsonl"):
        shutil.copy(RECORDED / name, folder / name)
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "short-article.txt", tmp_path / "examples")
    return folder


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def summarizer(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Ran:
    """``summarizer ARGS`` in this process, from ``cwd``, with only ``env`` in the environment."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, env or EMBEDDED, clear=True),
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(list(args))
    return Ran(code, out.getvalue(), err.getvalue())


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_prepare_writes_the_requests_the_recorded_results_answer(batch: Path) -> None:
    """When this fails, a prompt, the schema or a request changed: re-record with ``make batch-results``."""
    result = summarizer("batch", "prepare", "inputs.jsonl", "-o", "fresh.jsonl", cwd=batch)
    assert result.returncode == 0, result.stderr
    assert jsonl(batch / "fresh.jsonl") == jsonl(RECORDED / "requests.jsonl")
    assert result.stderr.strip() == "summarizer batch: 2 requests for 2 articles in fresh.jsonl"


def test_a_request_line_is_what_a_live_call_sends(batch: Path) -> None:
    """The live summary of the short article, its one request caught by an httpx mock transport that
    answers with the recorded answer, sends the very body the batch request holds."""
    request = jsonl(batch / "requests.jsonl")[0]
    recorded = jsonl(batch / "results.jsonl")[0]["response"]["body"]
    sent: list[dict[str, Any]] = []

    def endpoint(http: httpx2.Request) -> httpx2.Response:
        sent.append(json.loads(http.content))
        return httpx2.Response(200, json=recorded)

    live = Summarizer(
        base_url="http://127.0.0.1:9/v1", model=request["body"]["model"], api_key="replay",
        reask_unsupported=False, chunk_tokens=3500, http_client=httpx2.Client(transport=httpx2.MockTransport(endpoint)),
    )  # fmt: skip
    text = (batch.parent.parent.parent / "examples" / "short-article.txt").read_text(encoding="utf-8")
    summary = live.summarize(text, published="2026-06-03")
    assert sent == [request["body"]]
    assert (request["method"], request["url"], request["custom_id"]) == (
        "POST",
        "/v1/chat/completions",
        "short-article#1/1@1",
    )
    finished = summarizer("batch", "finish", "inputs.jsonl", "--results", "results.jsonl", "-o", "out.jsonl", cwd=batch)
    assert finished.returncode == 0, finished.stderr
    from_batch = jsonl(batch / "out.jsonl")[0]["summary"]
    for seconds in ("seconds", "model_seconds"):  # a batch answer has no timing
        from_batch["provenance"].pop(seconds)
    assert from_batch == json.loads(summary.model_dump_json(exclude={"provenance": {"seconds", "model_seconds"}}))


def test_finish_round_trip_writes_a_run_output_that_validates_and_reviews(batch: Path) -> None:
    result = summarizer("batch", "finish", "inputs.jsonl", "--results", "results.jsonl", "-o", "out.jsonl", cwd=batch)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "summarizer batch: 2 articles: 2 summarized, 0 failed"
    lines = {line["id"]: line for line in jsonl(batch / "out.jsonl")}
    for line in lines.values():
        jsonschema.validate(line["summary"], SCHEMA)
    shooting = lines["short-article"]["summary"]["incidents"][0]
    assert (shooting["type"], shooting["where"]["city"], shooting["where"]["country"]) == (
        "shooting",
        "Mandera",
        "Kenya",
    )
    assert (
        shooting["casualties"]["killed"]["number"] == 4 and shooting["casualties"]["killed"]["qualifier"] == "at_least"
    )
    assert (
        lines["short-article"]["source"] == "../../../examples/short-article.txt"
    )  # from where it ran, as review reads it
    assert lines["council"]["summary"]["incidents"] == [] and lines["council"]["text"].startswith("The city council")
    provenance = lines["short-article"]["summary"]["provenance"]
    assert provenance["model"] == "qwen2.5-coder-1.5b-instruct-q4_k_m" and provenance["usage"]["completion_tokens"] > 0
    reviewed = read_run(batch / "out.jsonl")
    assert [r.error for r in reviewed] == [None, None] and reviewed[0].summary is not None


def test_results_in_another_order_and_split_over_files_finish_the_same(batch: Path) -> None:
    first, second = (batch / "results.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (batch / "a.jsonl").write_text(second, encoding="utf-8")
    (batch / "b.jsonl").write_text(first, encoding="utf-8")
    split = summarizer(
        "batch",
        "finish",
        "inputs.jsonl",
        "--results",
        "a.jsonl",
        "--results",
        "b.jsonl",
        "-o",
        "split.jsonl",
        cwd=batch,
    )
    whole = summarizer("batch", "finish", "inputs.jsonl", "--results", "results.jsonl", "-o", "whole.jsonl", cwd=batch)
    assert split.returncode == whole.returncode == 0

    def comparable(path: Path) -> list[str]:
        return [json.dumps(line, sort_keys=True) for line in jsonl(path)]

    assert comparable(batch / "split.jsonl") == comparable(batch / "whole.jsonl")


def test_a_missing_result_is_an_error_line_or_the_next_pass(batch: Path) -> None:
    (batch / "some.jsonl").write_text((batch / "results.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n")
    result = summarizer("batch", "finish", "inputs.jsonl", "--results", "some.jsonl", "-o", "out.jsonl", cwd=batch)
    assert result.returncode == 7
    council = next(line for line in jsonl(batch / "out.jsonl") if line["id"] == "council")
    assert council["error"]["kind"] == "no_result" and "council#1/1@1" in council["error"]["message"]
    nexts = summarizer(
        "batch",
        "finish",
        "inputs.jsonl",
        "--results",
        "some.jsonl",
        "-o",
        "o2.jsonl",
        "--next",
        "next.jsonl",
        cwd=batch,
    )
    assert nexts.returncode == 0, nexts.stderr
    assert [line["id"] for line in jsonl(batch / "o2.jsonl")] == ["short-article"]  # the council waits
    (request,) = jsonl(batch / "next.jsonl")
    assert request["custom_id"] == "council#1/1@1"  # never answered: still the first pass, asked again as it was
    assert request["body"] == jsonl(batch / "requests.jsonl")[1]["body"]
    assert "1 wait for another pass: submit next.jsonl (1 requests)" in nexts.stderr


def scripted(custom_id: str, content: str, status: int = 200, error: dict[str, str] | None = None) -> str:
    """A results line written by this test (not a recording): a fault the batch service may return."""
    body = {
        "id": "scripted", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }  # fmt: skip
    return (
        json.dumps({"custom_id": custom_id, "response": {"status_code": status, "body": body}, "error": error}) + "\n"
    )


def _first_pass_with_an_invalid_answer(batch: Path) -> None:
    """pass1.jsonl: the first recorded result, and an answer for article "council" that fails validation."""
    recorded = (batch / "results.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (batch / "pass1.jsonl").write_text(recorded[0] + scripted("council#1/1@1", '{"incidents": 3}'), encoding="utf-8")


def test_an_invalid_answer_is_re_asked_in_the_next_pass_and_finished_from_it(batch: Path) -> None:
    _first_pass_with_an_invalid_answer(batch)
    first = summarizer(
        "batch",
        "finish",
        "inputs.jsonl",
        "--results",
        "pass1.jsonl",
        "-o",
        "out.jsonl",
        "--next",
        "pass2-requests.jsonl",
        cwd=batch,
    )
    assert first.returncode == 0, first.stderr
    (request,) = jsonl(batch / "pass2-requests.jsonl")
    assert request["custom_id"] == "council#1/1@2"
    messages = request["body"]["messages"]
    assert messages[:-2] == jsonl(batch / "requests.jsonl")[1]["body"]["messages"]
    assert messages[-2] == {"role": "assistant", "content": '{"incidents": 3}'}
    assert messages[-1]["role"] == "user" and "Input should be a valid array" in messages[-1]["content"]
    (batch / "pass2.jsonl").write_text(scripted("council#1/1@2", '{"incidents":[]}'), encoding="utf-8")
    second = summarizer(
        "batch",
        "finish",
        "inputs.jsonl",
        "--results",
        "pass1.jsonl",
        "--results",
        "pass2.jsonl",
        "-o",
        "out.jsonl",
        cwd=batch,
    )
    assert second.returncode == 0, second.stderr
    lines = {line["id"]: line for line in jsonl(batch / "out.jsonl")}
    assert sorted(lines) == ["council", "short-article"]  # the first written once, the second now
    provenance = lines["council"]["summary"]["provenance"]
    assert provenance["attempts"] == 2 and provenance["usage"] == {"prompt_tokens": 20, "completion_tokens": 10}
    assert "1 already in the output" in second.stderr


def test_an_invalid_answer_without_another_pass_is_an_error_line(batch: Path) -> None:
    lines = scripted("short-article#1/1@1", "not json at all") + scripted(
        "council#1/1@1", "", error={"message": "expired"}
    )
    (batch / "bad.jsonl").write_text(lines, encoding="utf-8")
    result = summarizer("batch", "finish", "inputs.jsonl", "--results", "bad.jsonl", "-o", "out.csv", cwd=batch)
    assert result.returncode == 7
    with (batch / "out.csv").open(encoding="utf-8") as f:
        rows = {row["id"]: row for row in csv.DictReader(f)}
    assert rows["short-article"]["error_kind"] == "invalid_answer"
    assert rows["short-article"]["error_message"].startswith("no valid answer: 1 validation error for Answer")
    assert rows["council"]["error_kind"] == "batch_error"
    assert rows["council"]["error_message"] == "request council#1/1@1: the batch service reports: expired"


def test_reask_asks_the_configured_endpoint_now(batch: Path) -> None:
    _first_pass_with_an_invalid_answer(batch)
    with Loopback(answer({"incidents": []})) as server:
        env = EMBEDDED | {"SUMMARIZER_BASE_URL": server.base_url, "SUMMARIZER_REASK_UNSUPPORTED": "0"}
        args = ["--model", "qwen2.5-coder-1.5b-instruct-q4_k_m", "--reask"]
        result = summarizer(
            "batch",
            "finish",
            "inputs.jsonl",
            "--results",
            "pass1.jsonl",
            "-o",
            "out.jsonl",
            *args,
            cwd=batch,
            env=env | {"SUMMARIZER_CHUNK_TOKENS": "3500"},
        )
    assert result.returncode == 0, result.stderr
    assert len(server.requests) == 1 and server.requests[0]["messages"][-2]["content"] == '{"incidents": 3}'
    council = next(line for line in jsonl(batch / "out.jsonl") if line["id"] == "council")
    assert council["summary"]["provenance"]["attempts"] == 2


def test_prepare_lists_articles_it_cannot_read_and_writes_the_others(batch: Path) -> None:
    (batch / "more.jsonl").write_text(
        json.dumps({"id": "empty", "text": " "})
        + "\n"
        + json.dumps({"id": "ok", "text": "Gunmen shot a man in Lagos."})
        + "\n"
    )
    result = summarizer("batch", "prepare", "more.jsonl", "-o", "r.jsonl", cwd=batch)
    assert result.returncode == 7
    assert [line["custom_id"] for line in jsonl(batch / "r.jsonl")] == ["ok#1/1@1"]
    assert "summarizer: empty: input: more.jsonl:1 is empty" in result.stderr


def test_an_answer_only_the_re_ask_checks_fault_is_re_asked_while_passes_remain_else_kept(batch: Path) -> None:
    """As in a live call with SUMMARIZER_REASK_UNSUPPORTED=1: a place the article does not name is re-asked;
    when no pass is left, the answer is kept and post-processing judges it (here it drops the incident, which
    has no fact the article supports), rather than the article becoming an error."""
    recorded = (batch / "results.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    event = {
        "what": "a shooting", "type": "shooting", "status": "carried_out", "date": None, "place": "Atlantis",
        "country": None, "attackers": [], "groups": [], "victims": [], "targets": [], "weapons": [],
        "killed": None, "injured": None, "attackers_killed": None, "claims": [],
    }  # fmt: skip
    (batch / "pass1.jsonl").write_text(recorded[0] + scripted("council#1/1@1", json.dumps({"incidents": [event]})))
    env = EMBEDDED | {"SUMMARIZER_REASK_UNSUPPORTED": "1"}
    args = ["batch", "finish", "inputs.jsonl", "--results", "pass1.jsonl"]
    waiting = summarizer(*args, "-o", "a.jsonl", "--next", "pass2.jsonl", cwd=batch, env=env)
    assert waiting.returncode == 0, waiting.stderr
    requests = {
        line["custom_id"]: line for line in jsonl(batch / "pass2.jsonl")
    }  # the recorded answer may have faults too
    request = requests["council#1/1@2"]
    assert 'incidents[0].place: "Atlantis" is not in the article.' in request["body"]["messages"][-1]["content"]
    kept = summarizer(*args, "-o", "b.jsonl", cwd=batch, env=env)
    assert kept.returncode == 0, kept.stderr
    council = next(line for line in jsonl(batch / "b.jsonl") if line["id"] == "council")
    assert council["summary"]["provenance"]["attempts"] == 1 and council["summary"]["incidents"] == []
