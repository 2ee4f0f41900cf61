"""The fixed start of the prompt, saved and restored in the embedded server's slots (:func:`summarizer._local.prime`).

A stand-in llama.cpp server on 127.0.0.1 (a real HTTP server in a thread, no model) answers the three calls
``prime`` makes, as llama.cpp does: ``POST /v1/chat/completions``, and ``POST /slots/N?action=save|restore``
with a file name under its ``slot_save_path``. What a real server saves and restores, and that the summary
is the same either way, is measured with the model (README, "Speed"), not here.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from loopback import Loopback, answer

from summarizer import Summarizer, _local, prompts

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1$"])

KEY = "the-server-s-own-key"
PREFIX = [{"role": "system", "content": "Report incidents."}, {"role": "user", "content": "An example."}]


class FakeLlama(ThreadingHTTPServer):
    """What llama.cpp's server does with slots: a saved state is a file named by the client in ``states``."""

    def __init__(self, states: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.states = states
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.slots: dict[int, str] = {}  # what each slot holds: the messages computed or restored
        self.together: threading.Barrier | None = None  # requests to compute held until this many have come
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def local(self, model: Path, slots: int = 1) -> _local.LocalServer:
        return _local.LocalServer(
            self.base_url, _local.MODEL_NAME, model, 0.0, slots=slots, states=self.states, api_key=KEY
        )


class _Handler(BaseHTTPRequestHandler):
    server: FakeLlama

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.calls.append((self.path, body))
        if self.headers.get("Authorization") != f"Bearer {KEY}":
            self.send_error(401)
            return
        status, answer = self._answer(body)
        content = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def _answer(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if self.path == "/v1/chat/completions":
            if self.server.together is not None:
                self.server.together.wait(timeout=10)
            self.server.slots[body.get("id_slot", 0)] = json.dumps(body["messages"])
            return 200, {"choices": [{"message": {"role": "assistant", "content": "{"}}], "usage": {}}
        slot, action = int(self.path.split("/")[2].split("?")[0]), self.path.rsplit("=", 1)[1]
        path = self.server.states / body["filename"]
        if action == "save":
            held = self.server.slots.get(slot, "")
            path.write_text(held)
            return 200, {"id_slot": slot, "n_saved": len(held)}
        if not path.is_file() or not path.read_text().startswith("["):
            return 400, {"error": {"code": 400, "message": "Unable to restore slot"}}
        self.server.slots[slot] = path.read_text()
        return 200, {"id_slot": slot, "n_restored": len(self.server.slots[slot])}

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF")
    return path


@pytest.fixture
def llama(tmp_path: Path) -> Iterator[FakeLlama]:
    states = tmp_path / "states"
    states.mkdir()
    server = FakeLlama(states)
    yield server
    server.shutdown()
    server.server_close()


def test_the_first_run_computes_the_prefix_once_and_saves_it(llama: FakeLlama, model: Path) -> None:
    primed = _local.prime(llama.local(model), PREFIX)
    assert primed.how == "computed" and primed.tokens == len(json.dumps(PREFIX))
    (path, request), (save, _) = llama.calls
    assert path == "/v1/chat/completions" and save.startswith("/slots/0?action=save")
    assert request["messages"] == PREFIX and request["max_tokens"] == 1 and request["id_slot"] == 0
    saved = [p.name for p in llama.states.iterdir()]
    assert saved == [f"prefix-{_local.prefix_key(model, PREFIX)}.bin"]  # renamed whole; no partial file left


def test_a_later_run_restores_it_into_every_slot_without_computing(llama: FakeLlama, model: Path) -> None:
    _local.prime(llama.local(model), PREFIX)
    llama.calls.clear()
    llama.slots.clear()
    primed = _local.prime(llama.local(model, slots=3), PREFIX)
    assert primed.how == "restored"
    assert [path for path, _ in llama.calls] == [f"/slots/{i}?action=restore" for i in range(3)]
    assert llama.slots == dict.fromkeys(range(3), json.dumps(PREFIX))


def test_a_state_the_server_cannot_read_is_computed_again_and_saved_over(llama: FakeLlama, model: Path) -> None:
    (llama.states / f"prefix-{_local.prefix_key(model, PREFIX)}.bin").write_text("truncated")
    primed = _local.prime(llama.local(model, slots=2), PREFIX)
    assert primed.how == "computed"
    paths = [path for path, _ in llama.calls]
    assert paths[1:] == ["/v1/chat/completions", "/slots/0?action=save", "/slots/1?action=restore"]
    assert llama.slots == dict.fromkeys(range(2), json.dumps(PREFIX))
    assert _local.prime(llama.local(model), PREFIX).how == "restored"


def test_the_state_is_keyed_by_model_file_and_messages(model: Path, tmp_path: Path) -> None:
    key = _local.prefix_key(model, PREFIX)
    assert _local.prefix_key(model, PREFIX[:1]) != key
    other = tmp_path / "other.gguf"
    other.write_bytes(b"GGUF")
    assert _local.prefix_key(other, PREFIX) != key
    model.write_bytes(b"GGUF, rewritten")  # another model under the same name
    assert _local.prefix_key(model, PREFIX) != key


def test_a_server_that_is_not_there_fails_quietly_and_leaves_no_file(tmp_path: Path, model: Path) -> None:
    with Loopback(answer({})) as loopback:
        url = loopback.base_url
    # Nothing listens there any more: the connection is refused.
    server = _local.LocalServer(url, _local.MODEL_NAME, model, 0.0, states=tmp_path)
    primed = _local.prime(server, PREFIX, timeout=5)
    assert primed.how == "failed" and "refused" in primed.reason.lower()
    assert list(tmp_path.glob("prefix-*")) == []


def test_a_server_that_cannot_save_states_is_sent_nothing(model: Path) -> None:
    with Loopback(answer({})) as loopback:
        primed = _local.prime(_local.LocalServer(loopback.base_url, _local.MODEL_NAME, model, 0.0), PREFIX)
    assert primed.how == "off" and loopback.requests == []


def test_a_proxy_in_the_environment_is_not_asked(
    llama: FakeLlama, model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # discard port: a proxy asked would refuse
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert _local.prime(llama.local(model), PREFIX).how == "computed"


def test_only_the_newest_states_are_kept(llama: FakeLlama, model: Path) -> None:
    old = []
    for n in range(_local.PREFIX_STATES_KEPT + 2):
        path = llama.states / f"prefix-old{n}.bin"
        path.write_text("[]")
        os.utime(path, (time.time() - 1000 + n, time.time() - 1000 + n))
        old.append(path)
    stale = llama.states / "prefix-old-123-4.part"
    stale.write_text("")
    os.utime(stale, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    _local.prime(llama.local(model), PREFIX)
    kept = sorted(p.name for p in llama.states.iterdir())
    newest_old = sorted(p.name for p in old[-(_local.PREFIX_STATES_KEPT - 1) :])
    assert kept == sorted([f"prefix-{_local.prefix_key(model, PREFIX)}.bin", *newest_old])


def test_every_request_begins_with_the_fixed_messages() -> None:
    """What is primed is what each article's request starts with, so the server reuses it."""
    fixed = prompts.fixed_messages()
    request = prompts.messages("Gunmen killed two people in Lima on Monday.", "1990-01-02")
    assert request[: len(fixed)] == fixed and len(request) == len(fixed) + 1


def test_a_request_without_the_server_s_key_is_refused_and_saves_nothing(llama: FakeLlama, model: Path) -> None:
    stranger = dataclasses.replace(llama.local(model), api_key="guessed")
    primed = _local.prime(stranger, PREFIX)
    assert primed.how == "failed" and "401" in primed.reason
    assert list(llama.states.iterdir()) == [] and llama.slots == {}


def test_the_summarizer_primes_the_embedded_server_with_the_prompt_it_sends(
    llama: FakeLlama, model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_local, "ensure_server", lambda model_path=None, parallel=1: llama.local(model, parallel))
    summarizer = Summarizer(base_url=None, api_key=None)
    assert summarizer.backend.name == "embedded"
    client = summarizer.client
    assert summarizer.primed is not None and summarizer.primed.how == "computed"
    assert llama.calls[0][1]["messages"] == prompts.fixed_messages(summarizer.prompt_version)
    assert client._openai.api_key == KEY and KEY in client._secrets  # its key is sent, and kept out of errors


def test_an_endpoint_is_sent_no_priming_request() -> None:
    with Loopback(answer({})) as loopback:
        summarizer = Summarizer(base_url=loopback.base_url, model="m", api_key="k")
        _ = summarizer.client
    assert summarizer.primed is None and loopback.requests == []


def test_processes_starting_together_each_save_whole_and_leave_one_state(llama: FakeLlama, model: Path) -> None:
    """Two runs that start at once with no state both compute it; each saves under a name of its own and
    renames it, so a reader never sees a half-written state and one file is left."""
    results: list[_local.Primed] = []
    llama.together = threading.Barrier(2)  # neither saves before both have found no state: they start together
    threads = [threading.Thread(target=lambda: results.append(_local.prime(llama.local(model), PREFIX))) for _ in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r.how for r in results] == ["computed", "computed"]
    saves = {body["filename"] for path, body in llama.calls if "save" in path}
    assert len(saves) == 2 and all(name.endswith(".part") for name in saves)
    assert [p.name for p in llama.states.iterdir()] == [f"prefix-{_local.prefix_key(model, PREFIX)}.bin"]


def test_a_model_file_gone_from_under_the_server_fails_quietly(llama: FakeLlama, tmp_path: Path) -> None:
    primed = _local.prime(llama.local(tmp_path / "moved-away.gguf"), PREFIX)
    assert primed.how == "failed" and llama.calls == []
