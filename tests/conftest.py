"""Shared test fixtures.

Pipeline tests replay cassettes recorded from the real embedded model server.
With ``--record-mode=none`` (the default, see pyproject) no model is started and
no network is used; ``make cassettes`` re-records them all from the embedded model.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import vcr

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Replayed requests are matched without host and port: the embedded server takes a free port.
VCR_CONFIG: dict[str, Any] = {
    "match_on": ["method", "path", "body"],
    "filter_headers": ["authorization", "api-key", "openai-organization", "openai-project", "cookie"],
    "decode_compressed_response": True,
}
REPLAY_URL = "http://127.0.0.1:9/v1"  # discard port: nothing listens, vcr answers
# The tests reach the embedded server by URL, so they name the settings it gets by default.
EMBEDDED_DEFAULTS: dict[str, Any] = {"reask_unsupported": False}


@pytest.fixture(scope="session")
def vcr_config() -> dict[str, Any]:
    return VCR_CONFIG


@pytest.fixture(scope="session")
def record_mode(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--record-mode") or "none")


@pytest.fixture(scope="session")
def endpoint(record_mode: str) -> dict[str, Any]:
    """Where pipeline tests send requests: the embedded server when recording, else nowhere (replay)."""
    from summarizer import _local

    if record_mode == "none":
        return {"base_url": REPLAY_URL, "model": _local.MODEL_NAME, "api_key": "replay", **EMBEDDED_DEFAULTS}
    server = _local.ensure_server()
    return {"base_url": server.base_url, "model": server.model, "api_key": server.api_key, **EMBEDDED_DEFAULTS}


@pytest.fixture(scope="session")
def recorded(record_mode: str):  # type: ignore[no-untyped-def]
    """``with recorded("name.yaml"):`` replays (or records) one cassette, outside per-test scope."""

    rewritten: set[str] = set()

    @contextmanager
    def use(name: str) -> Iterator[None]:
        mode = record_mode
        if mode == "rewrite":  # pytest-recording's mode: start each cassette afresh, once per session
            if name not in rewritten:
                (CASSETTES / name).unlink(missing_ok=True)
                rewritten.add(name)
            mode = "new_episodes"
        recorder = vcr.VCR(cassette_library_dir=str(CASSETTES), record_mode=mode, **VCR_CONFIG)
        with recorder.use_cassette(name, allow_playback_repeats=True):
            yield

    return use


@pytest.fixture(scope="session")
def reference_text() -> str:
    return (FIXTURES / "reference.txt").read_text(encoding="utf-8")
