"""What a person at a terminal sees on stderr: what one summary is doing, and a corpus run's progress bar.

Each command runs as a real process whose stderr is a pseudo-terminal (stdout stays a pipe), against a real
HTTP server on 127.0.0.1 (``tests/loopback.py``) that holds each answer a moment, as a model would.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest
from loopback import Loopback, answer, held

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

ARTICLE = "Gunmen killed two people at a market in Lagos, Nigeria, on Monday, police said."
EVENT = {
    "what": "shooting at a market", "type": "shooting", "status": "carried_out", "date": "on Monday",
    "place": "Lagos", "country": "Nigeria", "attackers": ["Gunmen"], "groups": [], "victims": ["two people"],
    "targets": ["a market"], "weapons": [], "killed": 2, "injured": None, "attackers_killed": None, "claims": [],
}  # fmt: skip
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def on_a_terminal(args: list[str], base_url: str) -> tuple[int, str, str]:
    """Run ``summarizer ARGS`` with stderr on a pseudo-terminal: exit code, what the terminal got, stdout."""
    master, slave = pty.openpty()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "TERM": "xterm", "COLUMNS": "160"}
    env |= {"SUMMARIZER_BASE_URL": base_url, "SUMMARIZER_MODEL": "m", "SUMMARIZER_REASK_UNSUPPORTED": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer", *args], stdout=subprocess.PIPE, stderr=slave, env=env
    )
    os.close(slave)
    screen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 30)
        assert ready, "no output for 30 s"
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        screen += chunk
    os.close(master)
    stdout, _ = process.communicate(timeout=30)
    return process.returncode, screen.decode(errors="replace"), stdout.decode()


def test_one_article_on_a_terminal_says_what_it_is_doing_then_clears_it(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with Loopback(held(1.5, answer({"incidents": [EVENT]}))) as server:
        code, screen, stdout = on_a_terminal([str(article), "--format", "json"], server.base_url)
    assert code == 0
    said = ANSI.sub("", screen)
    assert f"summarizer: reading {article}" in said or "summarizer: waiting" in said
    assert "summarizer: waiting for the model's answer, attempt 1 of 3" in said
    assert "\x1b[2K" in screen  # the line is erased at the end
    assert '"incidents"' in stdout and "summarizer:" not in stdout  # the summary alone on stdout


def test_one_article_off_a_terminal_shows_nothing_extra(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "SUMMARIZER_REASK_UNSUPPORTED": "0"}
    with Loopback(answer({"incidents": [EVENT]})) as server:
        env |= {"SUMMARIZER_BASE_URL": server.base_url, "SUMMARIZER_MODEL": "m"}
        result = subprocess.run(
            [sys.executable, "-m", "summarizer", str(article)], capture_output=True, text=True, env=env, timeout=60
        )
    assert result.returncode == 0 and result.stderr == ""


def test_a_run_on_a_terminal_shows_a_progress_bar(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with Loopback(held(0.3, answer({"incidents": [EVENT]}))) as server:
        code, screen, _ = on_a_terminal(["run", str(tmp_path), "-o", str(out)], server.base_url)
    assert code == 0
    said = ANSI.sub("", screen)
    assert "summarizing" in said and "3/3" in said and "0 failed" in said and "tokens" in said
    assert said.rstrip().splitlines()[-1].startswith("summarizer run: 3 articles: 3 summarized, 0 failed")
