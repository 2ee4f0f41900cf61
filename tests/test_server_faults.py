"""Fault handling of the model client against a real loopback HTTP server.

Unlike ``test_llm_faults.py`` (an ``httpx2.MockTransport``), these tests open real TCP
connections to a small server on 127.0.0.1 that runs in a thread and misbehaves on purpose:
it dies in the middle of an answer, accepts and never answers, or fails once and then
answers. A port where nothing listens stands for a server that is not running. The last
tests see that a cached embedded server that stopped listening is started again (a stand-in
listener, no model). The network stays blocked for every other host (``--block-network``);
only 127.0.0.1 is allowed here. No test sleeps between retries: the waits tenacity asks for
are recorded instead.
"""

from __future__ import annotations

import base64
import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from loopback import Loopback, answer, completion, crash, drip, failure, response, silent
from pydantic import BaseModel, ConfigDict, Field

from summarizer import Summarizer, _local, llm
from summarizer._errors import ModelUnavailableError

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

API_KEY = "sk-test-SECRET123"
BACKOFF = 0.125
RETRIES = 1
MESSAGES = [{"role": "user", "content": "How many were killed?"}]


class Toll(BaseModel):
    """A tiny answer schema, enough to see a completion validated."""

    model_config = ConfigDict(extra="forbid")
    killed: int = Field(description="People killed.")


CUT_IN_HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: appl"
CUT_IN_BODY = response(200, {"id": "c", "object": "chat.completion", "choices": []})[:-20]


@contextmanager
def client(base_url: str, waits: list[float], timeout: float = 5.0) -> Iterator[llm.ModelClient]:
    """A client whose transport retries record their waits instead of sleeping; closed afterwards."""
    model = llm.ModelClient(base_url=base_url, model="m", api_key=API_KEY, retries=RETRIES, reasks=0, timeout=timeout)
    model._retrying.sleep = waits.append
    try:
        yield model
    finally:
        model._openai.close()


@pytest.fixture(autouse=True)
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llm, "_backoff", lambda state: BACKOFF)


@pytest.mark.parametrize("after", [CUT_IN_HEADERS, CUT_IN_BODY], ids=["in-headers", "in-body"])
@pytest.mark.parametrize("reset", [False, True], ids=["closed", "reset"])
def test_server_dying_mid_answer_is_retried_then_unavailable(after: bytes, reset: bool) -> None:
    waits: list[float] = []
    with (
        Loopback(crash(after, reset)) as server,
        client(server.base_url, waits) as model,
        pytest.raises(ModelUnavailableError) as caught,
    ):
        model.extract(MESSAGES, Toll)
    assert len(server.requests) == RETRIES + 1
    assert all(request["messages"] == MESSAGES for request in server.requests)
    assert waits == [BACKOFF] * RETRIES
    message = str(caught.value)
    assert "model endpoint failed" in message and "connection dropped in the middle of the answer" in message
    assert API_KEY not in message


def test_server_dying_once_then_answering_succeeds() -> None:
    waits: list[float] = []
    with Loopback(crash(CUT_IN_BODY, reset=True), answer({"killed": 3})) as server, client(server.base_url, waits) as m:
        done = m.extract(MESSAGES, Toll)
    assert done.value.model_dump() == {"killed": 3}
    assert len(server.requests) == 2
    assert done.attempts == 1  # a transport retry is not a model answer


def test_server_that_never_answers_times_out() -> None:
    waits: list[float] = []
    with Loopback(silent) as server, client(server.base_url, waits, timeout=0.5) as model:
        with pytest.raises(ModelUnavailableError, match="timed out") as caught:
            model.extract(MESSAGES, Toll)
        assert len(server.requests) == RETRIES + 1
    assert waits == [BACKOFF] * RETRIES
    assert API_KEY not in str(caught.value)


@pytest.mark.parametrize("in_body", [False, True], ids=["from-the-status-line", "after-the-headers"])
def test_a_server_that_drips_its_answer_is_cut_off_at_the_timeout(in_body: bool) -> None:
    """SUMMARIZER_TIMEOUT bounds a whole request: a byte every 50 ms never trips a read timeout of
    0.5 s, but the request ends at 0.5 s all the same (and is retried as a timeout), not after the
    4 s the server drips for."""
    reply = completion({"killed": 3})
    dripping = drip(reply, every=0.05, limit=4.0, at_once=reply.index(b"\r\n\r\n") + 4 if in_body else 0)
    waits: list[float] = []
    with Loopback(dripping) as server, client(server.base_url, waits, timeout=0.5) as model:
        started = time.monotonic()
        with pytest.raises(ModelUnavailableError, match="timed out"):
            model.extract(MESSAGES, Toll)
        took = time.monotonic() - started
        assert len(server.requests) == RETRIES + 1
    assert took < 2.5


def test_port_where_nothing_listens_is_unavailable() -> None:
    waits: list[float] = []
    with socket.socket() as bound:  # bound, never listening: connections to it are refused, and no one takes it
        bound.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{bound.getsockname()[1]}/v1"
        with client(url, waits) as model, pytest.raises(ModelUnavailableError, match="could not connect") as caught:
            model.extract(MESSAGES, Toll)
    assert waits == [BACKOFF] * RETRIES
    assert "Connection refused" in str(caught.value)  # the operating system's words, not the network guard's
    assert caught.value.__cause__ is None and caught.value.__context__ is None  # the request (and key) is not kept


def test_service_unavailable_once_then_a_valid_answer() -> None:
    waits: list[float] = []
    with Loopback(failure(503), answer({"killed": 12})) as server, client(server.base_url, waits) as model:
        done = model.extract(MESSAGES, Toll)
    assert done.value.model_dump() == {"killed": 12}
    assert len(server.requests) == 2
    assert waits == [BACKOFF]
    assert done.attempts == 1
    assert (done.prompt_tokens, done.completion_tokens) == (10, 5)


# The embedded server: a cached server that has died is started afresh.


@pytest.fixture
def fake_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[socket.socket]]:
    """Stand-in embedded servers: each 'start' opens a real listener on 127.0.0.1, no model is loaded."""
    listeners: list[socket.socket] = []

    def start(model_path: Path, **_: int) -> tuple[_local.LocalServer, object]:
        listeners.append(socket.create_server(("127.0.0.1", 0)))
        url = f"http://127.0.0.1:{listeners[-1].getsockname()[1]}/v1"
        return _local.LocalServer(url, _local.MODEL_NAME, model_path, 0.0), object()

    monkeypatch.setattr(_local, "resolve_model_path", lambda explicit=None: tmp_path / "m.gguf")
    monkeypatch.setattr(_local, "_start", start)
    monkeypatch.setattr(_local, "_running", {})
    yield listeners
    for listener in listeners:
        listener.close()


def test_a_live_embedded_server_is_reused(fake_starts: list[socket.socket]) -> None:
    first = _local.ensure_server()
    assert _local.ensure_server() is first
    assert len(fake_starts) == 1


def test_a_dead_embedded_server_is_started_again(fake_starts: list[socket.socket]) -> None:
    dead = _local.ensure_server()
    fake_starts[0].close()  # the server stops listening, as when it dies
    assert not _local._alive(dead)
    fresh = _local.ensure_server()
    assert fresh.base_url != dead.base_url and _local._alive(fresh)
    assert len(fake_starts) == 2
    assert _local.ensure_server() is fresh


# Ctrl-C in a parallel run: the parts' threads send nothing more, and nobody waits for them.


def test_an_interrupted_parallel_summary_returns_at_once_and_sends_no_new_request() -> None:
    """Parts of a long article are asked three at once of an endpoint that answers 503 with
    'Retry-After: 0.2'; SIGINT (Ctrl-C) raises KeyboardInterrupt in the caller at once, and in the
    second after it, which would hold four retries of each part, no request comes."""
    article = "\n\n".join(f"Officials discussed item {n} of the budget at length on Tuesday." for n in range(300))
    interrupted: list[float] = []

    def interrupt_once_three_are_asked(server: Loopback) -> None:
        deadline = time.monotonic() + 20
        while len(server.requests) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
        if len(server.requests) >= 3:
            interrupted.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)

    with Loopback(failure(503, retry_after="0.2")) as server:
        summarizer = Summarizer(
            base_url=server.base_url, model="m", api_key=API_KEY, parallel=3, chunk_tokens=500, retries=10
        )
        previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in an interactive shell
        watcher = threading.Thread(target=interrupt_once_three_are_asked, args=(server,))
        try:
            watcher.start()
            with pytest.raises(KeyboardInterrupt):
                summarizer.summarize(article)
            returned = time.monotonic()
        finally:
            watcher.join()
            signal.signal(signal.SIGINT, previous)
        time.sleep(0.2)  # a request already on its way when the signal came is let in
        sent = len(server.requests)
        time.sleep(1.0)
        assert len(server.requests) == sent
    assert returned - interrupted[0] < 0.5
    assert sent >= 3


def test_a_password_in_the_base_url_is_sent_as_basic_auth_and_logged_nowhere(caplog: pytest.LogCaptureFixture) -> None:
    """httpx logs each request's URL (INFO) and openai too (DEBUG): with the password in the URL they
    logged it. It is sent as the same Basic authorization, from a URL that holds no password."""
    caplog.set_level(logging.DEBUG)
    with Loopback(answer({"killed": 3})) as server:
        url = server.base_url.replace("http://", "http://joe:s3cret@")
        model = llm.ModelClient(base_url=url, model="m", api_key=API_KEY, retries=0, reasks=0)
        try:
            assert model.extract(MESSAGES, Toll).value.killed == 3
        finally:
            model._openai.close()
        assert server.headers[0]["authorization"] == "Basic " + base64.b64encode(b"joe:s3cret").decode()
    assert any("HTTP Request" in record.getMessage() for record in caplog.records)
    assert all("s3cret" not in record.getMessage() for record in caplog.records)
