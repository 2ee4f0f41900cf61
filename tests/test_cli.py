"""The command line: one clear line on stderr and a documented exit code for every bad input.

The endpoint-failure case talks to a real loopback address where nothing listens.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import ModelUnavailableError, Summarizer
from summarizer.cli import main


def run(*args: str, env: dict[str, str] | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    base = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin,
        capture_output=True,
        env=base | (env or {}),
        timeout=60,
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("summarizer: error: ")
    assert "Traceback" not in lines[0]
    return lines[0]


def test_help_lists_exit_codes() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert b"exit codes" in result.stdout and b"--published" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"   \n\t\n", "is empty"),
        (b"\x00\x01binary", "looks binary"),
        (b"\xff\xfe\xfa", "not valid"),
    ],
)
def test_unusable_article_exits_2(tmp_path: Path, content: bytes, expected: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    result = run(str(article))
    assert result.returncode == 2
    assert expected in one_error_line(result)


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "no such file" in one_error_line(result)


def test_empty_stdin_exits_2() -> None:
    result = run("-", stdin=b"")
    assert result.returncode == 2
    assert "stdin is empty" in one_error_line(result)


def test_bad_publication_date_exits_2_before_any_model_call(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed two people in Lagos.")
    env = {"SUMMARIZER_BASE_URL": "http://127.0.0.1:1/v1", "SUMMARIZER_MODEL": "m"}
    result = run(str(article), "--published", "17/11/2015", env=env)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in one_error_line(result)


def test_bad_configuration_exits_3(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed two people in Lagos.")
    result = run(str(article), env={"SUMMARIZER_REASKS": "many"})
    assert result.returncode == 3
    assert "SUMMARIZER_REASKS" in one_error_line(result)


def test_unreachable_endpoint_exits_5_and_hides_the_key(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed two people in Lagos.")
    env = {
        "SUMMARIZER_BASE_URL": "http://127.0.0.1:1/v1",
        "SUMMARIZER_MODEL": "m",
        "SUMMARIZER_API_KEY": "sk-SECRET-42",
        "SUMMARIZER_RETRIES": "0",
    }
    result = run(str(article), env=env)
    assert result.returncode == 5
    line = one_error_line(result)
    assert "could not connect" in line and "sk-SECRET-42" not in line
    assert article.read_text() == "Gunmen killed two people in Lagos."  # nothing the user gave is lost


UNREACHABLE = {"SUMMARIZER_BASE_URL": "http://127.0.0.1:1/v1", "SUMMARIZER_MODEL": "m", "SUMMARIZER_RETRIES": "0"}
PAGE = """<!doctype html><html><head><title>Gunmen attack market in Lagos</title>
<meta property="article:published_time" content="2015-11-17T09:30:00+01:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Gunmen attack market in Lagos</h1>
<p>Gunmen killed two people at a market in Lagos on Monday, police said.</p></article></body></html>"""


def test_html_on_stdin_reaches_the_model() -> None:
    result = run("-", env=UNREACHABLE, stdin=PAGE.encode("utf-8"))
    assert result.returncode == 5  # 5, not 2: the page was read, the (absent) model is what failed
    assert "could not connect" in one_error_line(result)


def test_legacy_encoded_article_reaches_the_model(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    russian = "Во вторник в Москве неизвестные открыли огонь: погибли три человека."  # noqa: RUF001
    article.write_bytes(russian.encode("cp1251"))
    result = run(str(article), env=UNREACHABLE)
    assert result.returncode == 5
    assert "could not connect" in one_error_line(result)


@pytest.mark.parametrize(("option", "expected"), [([], "2015-11-17"), (["--published", "2016-01-02"], "2016-01-02")])
def test_html_publication_date_is_used_unless_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str], expected: str
) -> None:
    seen: dict[str, object] = {}

    def summarize(self: Summarizer, text: str, published: str | None = None) -> None:
        seen.update(text=text, published=published)
        raise ModelUnavailableError("stop before any model call")

    monkeypatch.setattr(Summarizer, "summarize", summarize)
    for name, value in UNREACHABLE.items():
        monkeypatch.setenv(name, value)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main([str(page), *option]) == 5
    assert seen["published"] == expected
    assert "Gunmen killed two people" in str(seen["text"]) and "<p>" not in str(seen["text"])


def test_debug_variable_shows_the_traceback_and_keeps_the_exit_code(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"), env={"SUMMARIZER_DEBUG": "1"})
    assert result.returncode == 2  # a missing file, as without SUMMARIZER_DEBUG
    assert b"Traceback" in result.stderr and b"InputError" in result.stderr


def test_main_returns_exit_code_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing.txt")]) == 2
    assert capsys.readouterr().err.startswith("summarizer: error: no such file")


def test_warnings_go_to_stderr_one_line_each_and_the_summary_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.schema import Provenance, Summary, Usage

    provenance = Provenance(
        model="m", prompt_version="p", schema_version="2", published=None, attempts=3, chunks=3,
        usage=Usage(prompt_tokens=1, completion_tokens=1), seconds=1.0,
        warnings=["the article was summarized in 3 overlapping parts", "another warning"],
    )  # fmt: skip
    summary = Summary(summary="Nothing violent.", incidents=[], provenance=provenance)
    monkeypatch.setattr(Summarizer, "summarize", lambda self, text, published=None: summary)
    article = tmp_path / "a.txt"
    article.write_text("Some article text.", encoding="utf-8")
    assert main([str(article), "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "summarizer: warning: the article was summarized in 3 overlapping parts",
        "summarizer: warning: another warning",
    ]
    assert out.startswith("Nothing violent.")


# Issue 12: configuration mistakes exit 3 at once, before any request.


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--base-url", ""], {}, "base URL is empty"),
        (["--base-url", "ftp://127.0.0.1/v1", "--model", "m"], {}, "http:// or https://"),
        (["--base-url", "http://[::1", "--model", "m"], {}, "not a valid URL"),
        (["--base-url", "http://127.0.0.1:70000/v1", "--model", "m"], {}, "not a valid URL"),
        ([], {"SUMMARIZER_BASE_URL": "ftp://127.0.0.1/v1", "SUMMARIZER_MODEL": "m"}, "http:// or https://"),
        ([], {"SUMMARIZER_TIMEOUT": "0"}, "SUMMARIZER_TIMEOUT must be more than 0"),
    ],
    ids=["empty", "ftp", "ipv6-unclosed", "port", "ftp-env", "timeout-0"],
)
def test_bad_endpoint_settings_exit_3_at_once(
    tmp_path: Path, args: list[str], env: dict[str, str], expected: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed two people in Lagos.")
    result = run(str(article), *args, env={"SUMMARIZER_RETRIES": "1", **env})
    assert result.returncode == 3
    assert expected in one_error_line(result)


def test_an_empty_api_key_is_a_config_error_not_an_assertion() -> None:
    from summarizer import ConfigError

    with pytest.raises(ConfigError, match="API key is empty"):
        Summarizer(api_key="")


def test_a_page_of_links_exits_2_before_any_model_call() -> None:
    page = "<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"
    result = run("-", env=UNREACHABLE, stdin=page.encode("utf-8"))
    assert result.returncode == 2  # not 5: the endpoint was never asked
    assert "no article text" in one_error_line(result)


def test_the_title_of_an_html_page_heads_the_text_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON output has no field for it (that is a schema change); the text report shows it."""
    from summarizer.schema import Provenance, Summary, Usage

    provenance = Provenance(
        model="m", prompt_version="p", schema_version="2", published=None, attempts=1,
        usage=Usage(prompt_tokens=1, completion_tokens=1), seconds=1.0,
    )  # fmt: skip
    summary = Summary(summary="Gunmen killed two people.", incidents=[], provenance=provenance)
    monkeypatch.setattr(Summarizer, "summarize", lambda self, text, published=None: summary)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main([str(page), "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == ["page title: Gunmen attack market in Lagos", "", "Gunmen killed two people."]
