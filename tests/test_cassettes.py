"""Cassettes are recordings of the embedded server: they must carry no secret and no host-specific port."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CASSETTES = sorted((Path(__file__).resolve().parent.parent / "cassettes").glob("*.yaml"))
SECRET = re.compile(r"(sk-[A-Za-z0-9_-]{8,}|Bearer\s+\S+|api[-_]key\s*[:=]\s*\S+)", re.IGNORECASE)


def test_there_are_cassettes() -> None:
    assert len(CASSETTES) >= 3


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name)
def test_no_secrets_in_cassette(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not SECRET.search(text), SECRET.search(text)
    for interaction in yaml.safe_load(text)["interactions"]:
        headers = {k.lower() for k in interaction["request"]["headers"]}
        assert not headers & {"authorization", "api-key", "openai-organization", "cookie"}


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.name)
def test_cassette_was_recorded_from_a_real_server(path: Path) -> None:
    for interaction in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
        assert interaction["request"]["uri"].endswith("/v1/chat/completions")
        assert interaction["response"]["status"]["code"] == 200
        assert "timings" in interaction["response"]["body"]["string"]  # llama.cpp's own report
