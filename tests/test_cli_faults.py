"""The command line under faults, end to end: a real ``summarizer`` process, and a real HTTP server on
127.0.0.1 (``tests/loopback.py``) standing for the model endpoint, which holds, refuses or answers
requests on purpose. No model is ever started: every run names the loopback endpoint, or fails on
its input or configuration first.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from loopback import Loopback, answer, failure, held

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

API_KEY = "sk-test-SECRET123"
# Python leaves SIGINT ignored in a process started with it ignored (a background job, some CI runners):
# the child installs Python's own handler, as an interactive shell's child has it.
CLI = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from summarizer.cli import main; sys.exit(main())"
)
LONG = "\n\n".join(f"Officials discussed item {n} of the budget at length on Tuesday." for n in range(300))


def environment(base_url: str, **settings: str) -> dict[str, str]:
    base = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    return base | {"SUMMARIZER_BASE_URL": base_url, "SUMMARIZER_MODEL": "m", "SUMMARIZER_API_KEY": API_KEY} | settings


def wait_until(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


@pytest.mark.parametrize(
    "endpoint",
    [held(30, failure(503)), failure(503, retry_after="5")],
    ids=["requests-in-flight", "waiting-to-retry"],
)
def test_ctrl_c_stops_a_parallel_run_at_once_and_sends_no_new_request(tmp_path: Path, endpoint: object) -> None:
    """Three parts of a long article are asked at once; Ctrl-C while their requests are held by the
    server, or while their retries wait out a Retry-After, exits 130 at once, with nothing sent after."""
    article = tmp_path / "long.txt"
    article.write_text(LONG, encoding="utf-8")
    settings = {"SUMMARIZER_PARALLEL": "3", "SUMMARIZER_CHUNK_TOKENS": "500", "SUMMARIZER_RETRIES": "10"}
    with Loopback(endpoint) as server:  # type: ignore[arg-type]
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, str(article)],
            env=environment(server.base_url, **settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            wait_until(lambda: len(server.requests) >= 3, 30)
            time.sleep(0.3)
            sent = len(server.requests)
            process.send_signal(signal.SIGINT)
            interrupted = time.monotonic()
            try:
                _, err = process.communicate(timeout=8)
            except subprocess.TimeoutExpired:
                err = b"(still running 8 s after Ctrl-C)"
            took = time.monotonic() - interrupted
        finally:
            process.kill()
            process.wait()
        assert len(server.requests) == sent == 3
    assert process.returncode == 130
    assert took < 2.0
    assert err.decode().splitlines() == ["summarizer: interrupted"]


def one_error_line(stderr: bytes) -> str:
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("summarizer: error: ")
    return lines[0]


PAGE = """<!doctype html><html><head><title>Gunmen attack market in Lagos</title></head>
<body><article><p>Gunmen killed two people at a market in Lagos on Monday, police said.</p></article></body></html>"""


def test_an_html_page_without_lxml_html_clean_installed_is_one_line_and_exit_3(tmp_path: Path) -> None:
    """As on a plain install where lxml_html_clean is missing: lxml's shim raises ImportError on import."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    missing = "import sys; sys.modules['lxml_html_clean'] = None; " + CLI
    result = subprocess.run(
        [sys.executable, "-c", missing, str(page)], env=environment("http://127.0.0.1:9/v1"), capture_output=True
    )
    assert result.returncode == 3
    assert "pip install lxml_html_clean" in one_error_line(result.stderr)


@pytest.mark.parametrize("sink", ["closed-pipe", "full-disk"])
def test_output_that_cannot_be_written_is_one_line_and_exit_1(tmp_path: Path, sink: str) -> None:
    """``summarizer a.txt | head -c0`` (the reader is gone before the summary is written) and
    ``summarizer a.txt > /dev/full``: the summary was made, writing it failed."""
    if sink == "full-disk" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed two people in Lagos on Monday, police said.", encoding="utf-8")
    if sink == "full-disk":
        stdout = os.open("/dev/full", os.O_WRONLY)
    else:
        reader, stdout = os.pipe()
        os.close(reader)
    try:
        with Loopback(answer({"incidents": []})) as server:
            result = subprocess.run(
                [sys.executable, "-m", "summarizer", str(article)],
                env=environment(server.base_url),
                stdout=stdout,
                stderr=subprocess.PIPE,
                timeout=60,
            )
    finally:
        os.close(stdout)
    assert result.returncode == 1
    assert "cannot write the output" in one_error_line(result.stderr)


def test_a_key_the_endpoint_echoes_is_not_printed_even_with_the_debug_traceback(tmp_path: Path) -> None:
    """SUMMARIZER_DEBUG=1 prints the error's traceback; the endpoint's own exception, which holds the
    request and here echoes the key as a proxy's 401 may, is not part of it."""
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed two people in Lagos on Monday, police said.", encoding="utf-8")
    with Loopback(failure(401, f"bad header Authorization: Bearer {API_KEY}")) as server:
        result = subprocess.run(
            [sys.executable, "-m", "summarizer", str(article)],
            env=environment(server.base_url, SUMMARIZER_DEBUG="1"),
            capture_output=True,
            timeout=60,
        )
    assert result.returncode == 5
    assert b"Traceback" in result.stderr and b"HTTP 401" in result.stderr
    assert API_KEY.encode() not in result.stderr + result.stdout
