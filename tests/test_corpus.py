"""``summarizer run``: many articles in, one JSON line (or CSV rows) per article out, resumable.

The model endpoint is a real HTTP server on 127.0.0.1 (``tests/loopback.py``) that answers every request
with an answer of the shape the embedded model gives (prompt extract_v4: values only, on one line); the
pipeline then finds the quotes in each article as it always does. No model is started. Runs that must be
killed or interrupted are real ``summarizer`` processes.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import pandas
import pytest
from loopback import Loopback, answer, failure, held

from summarizer import InputError, Summarizer, flat_rows
from summarizer.cli import main
from summarizer.corpus import COLUMNS, Record, open_output, scan
from summarizer.corpus.outcome import Outcome
from summarizer.corpus.progress import Plain

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

KABUL = (
    "KABUL - On 3 March 2020 a bomb exploded at a market in Kabul, Afghanistan, killing at least 12 people. "
    "No group has claimed responsibility."
)
EVENT = {  # as the embedded model answers (prompt extract_v4), for KABUL
    "what": "bomb at a market in Kabul", "type": "bombing", "status": "carried_out", "date": "On 3 March 2020",
    "place": "Kabul", "country": "Afghanistan", "attackers": [], "groups": [], "victims": ["people"],
    "targets": ["a market"], "weapons": ["a bomb"], "killed": 12, "injured": None, "attackers_killed": None,
    "claims": [],
}  # fmt: skip
LAGOS = "Gunmen killed two people at a market in Lagos, Nigeria, on Monday, police said."
PAGE = f"<!doctype html><html><head><title>Market attack</title></head><body><article><p>{LAGOS}</p></article>"


def environment(base_url: str, **settings: str) -> dict[str, str]:
    base = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "SUMMARIZER_RETRIES": "0"}
    base["SUMMARIZER_REASK_UNSUPPORTED"] = "0"  # one answer serves every article: a request each
    return base | {"SUMMARIZER_BASE_URL": base_url, "SUMMARIZER_MODEL": "m"} | settings


@dataclass
class Ran:
    returncode: int
    stderr: str


def summarizer_run(*args: str, env: dict[str, str], stdin: bytes = b"", cwd: Path | None = None) -> Ran:
    """``summarizer run ARGS`` in this process, with only ``env`` in the environment."""
    err = io.StringIO()
    with (
        mock.patch.dict(os.environ, env, clear=True),
        mock.patch.object(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin))),
        contextlib.chdir(cwd or os.getcwd()),
        contextlib.redirect_stderr(err),
    ):
        code = main(["run", *args])
    return Ran(code, err.getvalue())


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def folder(tmp_path: Path, articles: int = 2) -> Path:
    """A folder of text and HTML articles, one in a subfolder, an empty file, a hidden file and a note."""
    root = tmp_path / "articles"
    (root / "world").mkdir(parents=True)
    for n in range(articles):
        (root / f"kabul-{n:02d}.txt").write_text(KABUL, encoding="utf-8")
    (root / "world" / "lagos.html").write_text(PAGE, encoding="utf-8")
    (root / "world" / "lagos.htm").write_text(PAGE, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / ".hidden.txt").write_text(KABUL, encoding="utf-8")
    (root / "notes.md").write_text(KABUL, encoding="utf-8")
    return root


def test_a_folder_of_text_and_html_is_summarized_and_an_empty_file_is_an_error_line(tmp_path: Path) -> None:
    root, out = folder(tmp_path), tmp_path / "out.jsonl"
    with Loopback(answer({"incidents": [EVENT]})) as server:
        result = summarizer_run(str(root), "-o", str(out), env=environment(server.base_url))
    assert result.returncode == 7, result.stderr  # finished, but one article failed
    written = {line["id"]: line for line in lines(out)}
    assert sorted(written) == ["empty.txt", "kabul-00.txt", "kabul-01.txt", "world/lagos.htm", "world/lagos.html"]
    assert written["empty.txt"]["error"] == {"kind": "input", "message": f"{root / 'empty.txt'} is empty"}
    kabul = written["kabul-00.txt"]
    assert kabul["source"] == str(root / "kabul-00.txt") and "text" not in kabul  # review reads the file
    assert kabul["summary"]["incidents"][0]["casualties"]["killed"]["quote"] == "killing at least 12 people"
    assert written["world/lagos.html"]["title"] == "Market attack"
    assert len(server.requests) == 4  # the empty file cost no request
    assert result.stderr.splitlines()[-1].startswith(
        "summarizer run: 5 articles: 4 summarized, 1 failed (input 1); 60 tokens in "  # 15 a loopback answer
    )


def test_a_json_lines_file_gives_ids_texts_pages_and_paths_and_its_bad_lines_are_error_lines(tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "k.txt").write_text(KABUL, encoding="utf-8")
    records = [
        {"id": "a", "text": KABUL, "published": "2020-03-04", "url": "https://example.invalid/a"},
        {"id": 7, "html": PAGE, "title": "Given title"},
        {"id": "c", "path": "files/k.txt"},
        {"text": KABUL},
        {"id": "e", "text": KABUL, "html": PAGE},
        {"id": "f"},
    ]
    data = tmp_path / "corpus.jsonl"
    data.write_text("\n".join([*map(json.dumps, records), "not json", "[1, 2]"]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with Loopback(answer({"incidents": [EVENT]})) as server:
        result = summarizer_run(str(data), "-o", str(out), env=environment(server.base_url))
    assert result.returncode == 7
    written = {line["id"]: line for line in lines(out)}
    assert written["a"]["text"] == KABUL and written["a"]["url"] == "https://example.invalid/a"
    assert written["a"]["published"] == "2020-03-04"
    assert written["a"]["summary"]["incidents"][0]["when"]["date"] == "2020-03-03"
    assert written["7"]["title"] == "Given title" and written["7"]["text"] == LAGOS  # the page's text, as summarized
    assert written["c"]["source"] == str(tmp_path / "files" / "k.txt") and "text" not in written["c"]
    assert "summary" in written[f"{data}:4"]  # no id: the file and line
    assert "must have one of" in written["e"]["error"]["message"] and "f" in written
    assert written[f"{data}:7"]["error"]["kind"] == "input" and f"{data}:8" in written
    assert len(server.requests) == 4


def test_json_lines_on_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    stdin = (json.dumps({"id": "one", "text": KABUL}) + "\n").encode()
    with Loopback(answer({"incidents": [EVENT]})) as server:
        result = summarizer_run("-", "-o", str(out), env=environment(server.base_url), stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert [line["id"] for line in lines(out)] == ["one"]


def wait_until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def written_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_killed_with_sigkill_after_ten_articles_and_resumed_every_article_once_and_no_half_line(
    tmp_path: Path,
) -> None:
    root, out = folder(tmp_path, articles=30), tmp_path / "out.jsonl"
    reply = held(0.05, answer({"incidents": [EVENT]}))
    command = [sys.executable, "-m", "summarizer", "run", str(root), "-o", str(out), "--jobs", "4"]
    with Loopback(reply) as server:
        process = subprocess.Popen(command, env=environment(server.base_url), stderr=subprocess.DEVNULL)
        try:
            wait_until(lambda: written_lines(out) >= 10, 60)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
        sent_before = len(server.requests)
        first = out.read_bytes()
        assert first.endswith(b"\n") and all(json.loads(line) for line in first.splitlines())  # no half line
        assert 10 <= len(first.splitlines()) < 33  # 30 + 2 pages + the empty file
        result = subprocess.run(command, env=environment(server.base_url), capture_output=True, text=True)
        sent_after = len(server.requests) - sent_before
    assert result.returncode == 7  # the empty file's error line
    ids = [line["id"] for line in lines(out)]
    assert len(ids) == len(set(ids)) == 33
    summarized_before = sum(b'"summary"' in line for line in first.splitlines())
    assert sent_after == 32 - summarized_before  # only what was missing was asked again
    assert out.read_bytes().startswith(first)  # what was written stays as written


def test_a_complete_run_again_skips_everything_and_calls_no_model(tmp_path: Path) -> None:
    root, out = folder(tmp_path), tmp_path / "out.jsonl"
    with Loopback(answer({"incidents": [EVENT]})) as server:
        assert summarizer_run(str(root), "-o", str(out), env=environment(server.base_url)).returncode == 7
    before = out.read_bytes()
    # nothing listens at port 9: a request would fail
    again = summarizer_run(str(root), "-o", str(out), env=environment("http://127.0.0.1:9/v1"))
    assert again.returncode == 7  # OUT still holds the empty file's error line
    assert out.read_bytes() == before
    assert "5 of 5 articles already in the output, skipped" in again.stderr


def test_retry_errors_takes_the_failed_lines_out_and_asks_again(tmp_path: Path) -> None:
    root, out = folder(tmp_path), tmp_path / "out.jsonl"
    (root / "empty.txt").unlink()
    with Loopback(failure(400, "bad request")) as server:
        first = summarizer_run(str(root), "-o", str(out), "--jobs", "1", env=environment(server.base_url))
    assert first.returncode == 7
    assert {line["error"]["kind"] for line in lines(out)} == {"endpoint"}
    with Loopback(answer({"incidents": [EVENT]})) as server:
        second = summarizer_run(str(root), "-o", str(out), "--retry-errors", env=environment(server.base_url))
    assert second.returncode == 0, second.stderr
    assert len(server.requests) == 4
    assert all("summary" in line for line in lines(out)) and len(lines(out)) == 4


def test_an_endpoint_that_is_down_stops_the_run_with_exit_5_after_twenty_failures_in_a_row(tmp_path: Path) -> None:
    root, out = folder(tmp_path, articles=30), tmp_path / "out.jsonl"
    with Loopback(failure(503)) as server:
        result = summarizer_run(str(root), "-o", str(out), "--jobs", "2", env=environment(server.base_url))
    assert result.returncode == 5
    assert "failed for 20 articles in a row" in result.stderr.splitlines()[-1]
    assert 20 <= len(lines(out)) <= 23 and len(server.requests) <= 22


def test_ctrl_c_exits_130_keeps_whole_lines_and_says_how_to_go_on(tmp_path: Path) -> None:
    root, out = folder(tmp_path, articles=8), tmp_path / "out.jsonl"
    code = (
        "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "from summarizer.cli import main; sys.exit(main())"
    )
    with Loopback(answer({"incidents": [EVENT]}), held(30, answer({"incidents": []}))) as server:
        process = subprocess.Popen(
            [sys.executable, "-c", code, "run", str(root), "-o", str(out), "--jobs", "1"],
            env=environment(server.base_url),
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_until(lambda: len(server.requests) >= 2, 30)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=10)
    assert process.returncode == 130
    assert "interrupted; 2 of 11 articles are in" in err.splitlines()[-1]  # the empty file and the first answer
    assert all(json.loads(line) for line in out.read_text().splitlines())


def test_csv_has_one_row_per_incident_and_opens_in_pandas(tmp_path: Path) -> None:
    root, out = folder(tmp_path), tmp_path / "out.csv"
    (root / "none.txt").write_text("The council met on Tuesday to discuss the budget.", encoding="utf-8")
    two = {"incidents": [EVENT, EVENT | {"what": "second bomb in Kabul", "killed": None}]}
    with Loopback(answer(two)) as server:
        result = summarizer_run(str(root), "-o", str(out), env=environment(server.base_url))  # .csv: CSV
    assert result.returncode == 7, result.stderr
    table = pandas.read_csv(out)
    assert tuple(table.columns) == COLUMNS
    assert table.groupby("id").size().to_dict()["none.txt"] == 1
    kabul = table[table["id"] == "kabul-00.txt"]
    assert len(kabul) == kabul["incidents"].iloc[0] and list(kabul["incident"]) == list(range(1, len(kabul) + 1))
    assert kabul["killed"].iloc[0] == 12 and kabul["killed_qualifier"].iloc[0] == "at_least"
    assert kabul["country_code"].iloc[0] == "AF" and kabul["main"].iloc[0]
    empty = table[table["id"] == "empty.txt"].iloc[0]
    assert (empty["error_kind"], pandas.isna(empty["incident"])) == ("input", True)
    again = summarizer_run(str(root), "-o", str(out), env=environment("http://127.0.0.1:9/v1"))
    assert again.returncode == 7 and pandas.read_csv(out).equals(table)  # resumed from the CSV: nothing asked


# The output file, without a model.


def test_a_torn_last_line_is_cut_off_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    whole = [json.dumps({"id": name, "error": {"kind": "input", "message": "m"}}) + "\n" for name in "ab"]
    out.write_text("".join(whole) + '{"id": "c", "summ', encoding="utf-8")
    warnings: list[str] = []
    output = open_output(str(out), "jsonl", warn=warnings.append)
    output.close()
    assert output.done == {"a", "b"}
    assert out.read_text(encoding="utf-8") == "".join(whole)
    assert warnings == [f"the last line of {out} was cut short by an interrupted run and is dropped"]


def test_a_torn_csv_row_takes_its_whole_article_with_it(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    header = ",".join(COLUMNS) + "\n"
    out.write_text(header + "a,,,,2,1\n" + "b,,,,2,1\n" + "b,,,,2,", encoding="utf-8")
    warnings: list[str] = []
    open_output(str(out), "csv", warn=warnings.append).close()
    assert out.read_text(encoding="utf-8") == header + "a,,,,2,1\n"
    assert "('b') was cut short" in warnings[0]


@pytest.mark.parametrize(
    ("content", "format", "message"),
    [
        ("id,summary\nx,y\n", "csv", "header differs"),
        ("id,summary\nx,y\n", "jsonl", "line 1 of"),
        ('{"id": "a", "summary": {}}\n', "csv", "header differs"),
    ],
)
def test_an_output_of_another_kind_is_refused(tmp_path: Path, content: str, format: str, message: str) -> None:
    out = tmp_path / "out"
    out.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        open_output(str(out), format)
    assert out.read_text(encoding="utf-8") == content


def test_an_output_another_run_is_writing_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = open_output(str(out), "jsonl")
    try:
        with pytest.raises(InputError, match="another run is writing"):
            open_output(str(out), "jsonl")
    finally:
        first.close()
    open_output(str(out), "jsonl").close()  # free again once the first run is done


def test_two_articles_with_one_id_stop_the_run_before_it_starts(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(KABUL, encoding="utf-8")
    result = summarizer_run(
        str(tmp_path / "a"),
        str(tmp_path / "b"),
        "-o",
        str(tmp_path / "o.jsonl"),
        env=environment("http://127.0.0.1:9/v1"),
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("summarizer: error: the id 'same.txt' is given twice")


@pytest.mark.parametrize(("inputs", "message"), [(["nope"], "no such file or folder: nope"), ([], "no articles found")])
def test_inputs_that_do_not_exist_or_hold_no_article_exit_2(tmp_path: Path, inputs: list[str], message: str) -> None:
    (tmp_path / "notes.md").write_text("no article here", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = summarizer_run(
        *inputs, str(tmp_path), "-o", str(out), env=environment("http://127.0.0.1:9/v1"), cwd=tmp_path
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_plain_progress_lines_say_done_failed_rate_tokens_and_time_left() -> None:
    class Stream:
        text = ""

        def write(self, text: str) -> None:
            self.text += text

        def flush(self) -> None:
            pass

    stream = Stream()
    progress = Plain(stream, every=0)  # type: ignore[arg-type]
    progress.start(total=4, skipped=1)
    progress.advance(Outcome.failed(Record(id="x"), InputError("empty")))
    shown = stream.text.splitlines()
    assert shown[0] == "summarizer run: 1 of 4 articles already in the output, skipped"
    assert shown[1].startswith("summarizer run: 2/4 (50%) done, 1 failed, ")
    assert "articles/" in shown[1] and "0 tokens, about " in shown[1] and shown[1].endswith(" left")


def test_scan_lists_ids_without_reading_articles(tmp_path: Path) -> None:
    root = folder(tmp_path)
    records = scan([str(root)])
    assert [r.id for r in records] == [
        "empty.txt",
        "kabul-00.txt",
        "kabul-01.txt",
        "world/lagos.htm",
        "world/lagos.html",
    ]
    assert all(r.text is None and r.path for r in records)


# The Python API.


def test_summarize_many_yields_summaries_and_errors_as_they_finish_and_flat_rows_make_a_table() -> None:
    with Loopback(answer({"incidents": [EVENT]})) as server:
        summarizer = Summarizer(base_url=server.base_url, model="m", retries=0, jobs=3, reask_unsupported=False)
        results = list(
            summarizer.summarize_many(
                [("a", KABUL), {"id": "b", "text": KABUL, "published": "2020-03-05"}, Record(id="c", text=" ")]
            )
        )
    by_id = dict(results)
    assert sorted(by_id) == ["a", "b", "c"]
    assert isinstance(by_id["c"], InputError)
    table = pandas.DataFrame(flat_rows(results))
    assert list(table.columns) == list(COLUMNS)
    assert sorted(table["id"]) == ["a", "b", "c"]
    assert table.set_index("id").loc["b", "date"] == "2020-03-03"
    assert table.set_index("id").loc["c", "error_kind"] == "input"


def test_summarize_many_yields_each_article_as_it_finishes_not_in_input_order() -> None:
    """The server holds the first request it gets (the first article's) until an article has been yielded (10 s at
    most), and answers the second at once. (A hold of a fixed second was too short on a loaded machine.)"""
    yielded = threading.Event()

    def slow(server: Loopback, conn: socket.socket) -> None:
        yielded.wait(10)
        answer({"incidents": [EVENT]})(server, conn)

    with Loopback(slow, answer({"incidents": []})) as server:
        summarizer = Summarizer(base_url=server.base_url, model="m", retries=0, jobs=2, reask_unsupported=False)

        def records() -> Iterator[tuple[str, str]]:
            yield "slow", KABUL
            wait_until(lambda: len(server.requests) >= 1, 10)  # the slow one is on the wire before the fast one
            yield "fast", LAGOS

        order = []
        for article_id, _ in summarizer.summarize_many(records()):
            order.append(article_id)
            yielded.set()
    assert order == ["fast", "slow"]
