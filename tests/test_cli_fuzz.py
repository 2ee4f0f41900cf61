"""Fuzzing the command line's arguments and environment: whatever they are, ``summarizer`` ends in one of
its documented exit codes, and without a traceback.

Every run is in process. What it may reach is fenced off, so that no model starts and nothing leaves
the machine: the embedded model's start is replaced by a stub that raises ModelNotFoundError (exit 4);
the one endpoint that answers is a real HTTP server on 127.0.0.1 (``tests/loopback.py``) giving a
valid summary; host names other than 127.0.0.1 do not resolve (so OPENAI_API_KEY alone, which means
api.openai.com, fails as an unreachable endpoint would); and retries do not wait.
"""

from __future__ import annotations

import contextlib
import io
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from loopback import Loopback, answer

from summarizer import _local, llm
from summarizer._errors import ModelNotFoundError
from summarizer.cli import COMMANDS, main

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

EXIT_CODES = {0, 1, 2, 3, 4, 5, 6, 130}  # as documented in the README and `summarizer --help`
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")),  # FUZZ_EXAMPLES=3000 for a longer hunt
    deadline=None,
    database=None,  # no example database written into the tree
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # the fixtures used are module-scoped
)
VARIABLES = [
    "SUMMARIZER_MODEL", "SUMMARIZER_BASE_URL", "SUMMARIZER_API_KEY", "SUMMARIZER_MODEL_PATH", "SUMMARIZER_MODE",
    "SUMMARIZER_REASKS", "SUMMARIZER_REASK_UNSUPPORTED", "SUMMARIZER_RETRIES", "SUMMARIZER_TIMEOUT",
    "SUMMARIZER_PARALLEL", "SUMMARIZER_CHUNK_TOKENS", "SUMMARIZER_ALIASES", "SUMMARIZER_UNSUPPORTED",
    "SUMMARIZER_CACHE_DIR", "SUMMARIZER_DEBUG", "OPENAI_API_KEY", "OPENAI_BASE_URL",
]  # fmt: skip
# What argv and the environment can hold: no NUL; lone surrogates only as Python decodes bad bytes.
TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]) | st.sampled_from("\udcff\udc80"))
NUMBERS = st.sampled_from(
    ["0", "1", "2", "10", "11", "16", "17", "-1", "0.5", "1e-9", "1e12", "1e309", "nan", "2" * 30]
)
ARTICLE_TEXT = "Gunmen killed two people at a market in Lagos on Monday, police said."
PAGE = f"<!doctype html><html><head><title>Lagos</title></head><body><p>{ARTICLE_TEXT}</p></body></html>"
NAV_PAGE = "<!doctype html><html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"


@pytest.fixture(scope="module")
def fenced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The loopback endpoint, the files an article argument may name, and the fences described above."""
    files = tmp_path_factory.mktemp("articles")
    for name, content in {"a.txt": ARTICLE_TEXT, "page.html": PAGE, "nav.html": NAV_PAGE, "empty.txt": ""}.items():
        (files / name).write_text(content, encoding="utf-8")
    (files / "aliases.json").write_text('{"Islamic State": ["IS"]}', encoding="utf-8")
    resolve = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", b"127.0.0.1"):
            raise socket.gaierror(socket.EAI_NONAME, "only 127.0.0.1 resolves in this test")
        return resolve(host, *args, **kwargs)

    def no_embedded_model(*args: object, **kwargs: object) -> None:
        raise ModelNotFoundError("the embedded model is not started in tests")

    with (
        Loopback(answer({"incidents": []})) as server,
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr(socket, "getaddrinfo", loopback_only)
        patch.setattr(_local, "ensure_server", no_embedded_model)
        patch.setattr(llm, "_backoff", lambda state: 0.0)
        yield {"dir": str(files), "url": server.base_url}


def urls(fenced: dict[str, str]) -> st.SearchStrategy[str]:
    fixed = [fenced["url"], "http://127.0.0.1:9/v1", "", " ", "ftp://127.0.0.1/v1", "http://[::1", "http://",
             "http://127.0.0.1:99999/v1", "http://127.0.0.1:0/v1", "http://☃.com/v1", "http://u:pw@127.0.0.1:9/v1",
             "https://api.example.invalid/v1"]  # fmt: skip
    return st.sampled_from(fixed) | TEXT


def articles(fenced: dict[str, str]) -> st.SearchStrategy[str]:
    names = ["a.txt", "page.html", "nav.html", "empty.txt", "missing.txt", "aliases.json", ""]
    paths = [str(Path(fenced["dir"]) / name) for name in names]
    files = st.sampled_from([*paths, "-"])
    return (files | files | st.sampled_from(["--", "-x"]) | TEXT).filter(lambda a: a not in COMMANDS)


def options(fenced: dict[str, str]) -> st.SearchStrategy[list[str]]:
    value = TEXT | NUMBERS
    choices = {
        "--published": st.sampled_from(["2015-11-17", "17/11/2015", "2015-02-30", ""]) | TEXT,
        "--format": st.sampled_from(["text", "json", "xml"]),
        "--model": st.sampled_from(["m", ""]) | TEXT,
        "--base-url": urls(fenced),
        "--model-path": st.sampled_from(["", str(Path(fenced["dir"]) / "a.txt")]) | TEXT,
        "--mode": st.sampled_from(["json_schema", "tools", "json", "md_json", "xml"]),
        "--reasks": value,
        "--unsupported": st.sampled_from(["flag", "drop", "keep"]),
    }
    pairs = [st.tuples(st.just(name), strategy).map(list) for name, strategy in choices.items()]
    flags = st.sampled_from([["--verbose"], ["--version"], ["--help"], ["--bogus"], ["-"]])
    return st.lists(st.one_of(*pairs, flags), max_size=5).map(lambda groups: [a for group in groups for a in group])


def environments(fenced: dict[str, str]) -> st.SearchStrategy[dict[str, str]]:
    special = {
        "SUMMARIZER_BASE_URL": urls(fenced),
        "OPENAI_BASE_URL": urls(fenced),
        "SUMMARIZER_ALIASES": st.sampled_from([str(Path(fenced["dir"]) / "aliases.json"), fenced["dir"]]) | TEXT,
        "SUMMARIZER_MODE": st.sampled_from(["tools", "JSON", "xml"]) | TEXT,
        "SUMMARIZER_UNSUPPORTED": st.sampled_from(["flag", "DROP", "keep"]),
        "SUMMARIZER_DEBUG": st.sampled_from(["1", ""]),
    }
    values = {name: special.get(name, TEXT | NUMBERS) for name in VARIABLES}
    profiles = st.sampled_from(
        [{"SUMMARIZER_BASE_URL": fenced["url"], "SUMMARIZER_MODEL": "m"}, {"OPENAI_API_KEY": "sk-x"}, {}]
    )
    some = st.lists(st.sampled_from(VARIABLES), max_size=4, unique=True)  # a few, or nearly all are config errors
    extra = some.flatmap(lambda names: st.fixed_dictionaries({name: values[name] for name in names}))
    return st.tuples(profiles, extra).map(lambda pair: pair[0] | pair[1])


def run(argv: list[str], environ: dict[str, str]) -> tuple[int, str]:
    """``summarizer ARGV`` in this process: its exit code and what it wrote to stderr."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE_TEXT.encode()))

    def thread_failed(args: threading.ExceptHookArgs) -> None:  # a thread's traceback is one too
        err.write(f"Traceback (in a thread): {args.exc_type.__name__}: {args.exc_value}\n")

    with (
        mock.patch.object(threading, "excepthook", thread_failed),
        mock.patch.dict(os.environ, environ, clear=True),
        mock.patch.object(sys, "stdin", stdin),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(argv)
        except SystemExit as e:  # argparse: --help, --version, usage errors
            code = e.code if isinstance(e.code, int) else 2
    return code, err.getvalue()


@FUZZ
@given(data=st.data())
def test_any_arguments_and_environment_end_in_a_documented_exit_code_without_a_traceback(
    fenced: dict[str, str], data: st.DataObject
) -> None:
    argv = [data.draw(articles(fenced), label="article"), *data.draw(options(fenced), label="options")]
    environ = data.draw(environments(fenced), label="environment")
    code, err = run(argv, environ)
    event(f"exit {code}")
    assert code in EXIT_CODES, err
    if not environ.get("SUMMARIZER_DEBUG"):
        assert "Traceback" not in err, err
    if code not in (0, 130) and "usage:" not in err:
        assert err.strip().splitlines()[-1].startswith("summarizer: error: "), err


@FUZZ
@given(data=st.data())
def test_any_setting_with_a_working_endpoint_ends_in_a_documented_exit_code_without_a_traceback(
    fenced: dict[str, str], data: st.DataObject
) -> None:
    """The same, closer to the model: an article that reads and an endpoint that answers, and up to
    three settings drawn at random (numbers at and past their bounds among them)."""
    names = data.draw(st.lists(st.sampled_from(VARIABLES[2:]), min_size=1, max_size=3, unique=True), label="names")
    extra = {name: data.draw(NUMBERS | TEXT, label=name) for name in names}
    environ = {"SUMMARIZER_BASE_URL": fenced["url"], "SUMMARIZER_MODEL": "m"} | extra
    code, err = run([str(Path(fenced["dir"]) / "a.txt")], environ)
    event(f"exit {code}")
    assert code in EXIT_CODES, err
    if not environ.get("SUMMARIZER_DEBUG"):
        assert "Traceback" not in err, err


def test_the_fences_hold(fenced: dict[str, str], tmp_path: Path) -> None:
    """The three ends the fuzzing relies on: the endpoint answers (0), the embedded model is never
    started (4), and api.openai.com does not resolve (5)."""
    article = str(Path(fenced["dir"]) / "a.txt")
    assert run([article], {"SUMMARIZER_BASE_URL": fenced["url"], "SUMMARIZER_MODEL": "m"})[0] == 0
    assert run([article], {})[0] == 4
    assert run([article], {"OPENAI_API_KEY": "sk-x", "SUMMARIZER_RETRIES": "0"})[0] == 5
