"""Settings: explicit argument > environment > default."""

from __future__ import annotations

import pytest

from summarizer import ConfigError
from summarizer.config import DEFAULT_OPENAI_MODEL, OPENAI_BASE_URL, load

ENDPOINT = {"SUMMARIZER_BASE_URL": "http://gpu:8000/v1", "SUMMARIZER_MODEL": "qwen"}


def test_defaults_use_the_embedded_model() -> None:
    settings = load(environ={})
    assert settings.embedded
    assert (settings.model, settings.base_url, settings.api_key) == (None, None, None)
    assert (settings.mode, settings.reasks, settings.retries, settings.timeout) == ("json_schema", 2, 4, 300.0)


def test_environment_overrides_defaults() -> None:
    environ = {**ENDPOINT, "SUMMARIZER_MODE": "TOOLS", "SUMMARIZER_REASKS": "0", "SUMMARIZER_TIMEOUT": "12.5"}
    settings = load(environ=environ)
    assert not settings.embedded
    assert (settings.base_url, settings.model) == ("http://gpu:8000/v1", "qwen")
    assert (settings.mode, settings.reasks, settings.timeout) == ("tools", 0, 12.5)


def test_explicit_arguments_override_the_environment() -> None:
    settings = load(environ={**ENDPOINT, "SUMMARIZER_REASKS": "5"}, model="llama", reasks=1, mode=None)
    assert (settings.model, settings.reasks, settings.mode) == ("llama", 1, "json_schema")
    assert settings.base_url == "http://gpu:8000/v1"


def test_summarizer_variables_win_over_openai_ones() -> None:
    environ = {**ENDPOINT, "OPENAI_BASE_URL": "http://other/v1", "OPENAI_API_KEY": "a", "SUMMARIZER_API_KEY": "b"}
    settings = load(environ=environ)
    assert (settings.base_url, settings.api_key) == ("http://gpu:8000/v1", "b")


def test_openai_key_alone_means_openai() -> None:
    settings = load(environ={"OPENAI_API_KEY": "sk-test"})
    assert not settings.embedded
    assert (settings.base_url, settings.model) == (OPENAI_BASE_URL, DEFAULT_OPENAI_MODEL)


def test_base_url_without_a_model_is_refused() -> None:
    with pytest.raises(ConfigError, match="no model named for http://gpu:8000/v1"):
        load(environ={"SUMMARIZER_BASE_URL": "http://gpu:8000/v1"})


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SUMMARIZER_REASKS", "two", "must be a number"),
        ("SUMMARIZER_REASKS", "2.5", "must be a number"),
        ("SUMMARIZER_RETRIES", "-1", "must not be negative"),
        ("SUMMARIZER_TIMEOUT", "soon", "must be a number"),
        ("SUMMARIZER_TIMEOUT", "-0.5", "must not be negative"),
    ],
)
def test_bad_numbers_are_refused(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=f"{name} {message}"):
        load(environ={name: value})


def test_nan_timeout_is_refused() -> None:
    with pytest.raises(ConfigError):
        load(environ={"SUMMARIZER_TIMEOUT": "nan"})


def test_explicit_negative_numbers_are_refused() -> None:
    with pytest.raises(ConfigError):
        load(environ={}, reasks=-1)


@pytest.mark.parametrize(("environ", "explicit"), [({"SUMMARIZER_MODE": "xml"}, {}), ({}, {"mode": "xml"})])
def test_unknown_mode_is_refused(environ: dict[str, str], explicit: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="unknown mode 'xml'"):
        load(environ=environ, **explicit)


def test_repr_never_shows_the_key() -> None:
    settings = load(environ={"OPENAI_API_KEY": "sk-secret-123"})
    assert settings.api_key == "sk-secret-123"
    assert "sk-secret-123" not in repr(settings)
    assert "sk-secret-123" not in str(settings)


def test_parallel_requests_default_to_one_and_follow_the_environment() -> None:
    assert load(environ={}).parallel == 1
    assert load(environ={"SUMMARIZER_PARALLEL": "4"}).parallel == 4
    assert load(environ={"SUMMARIZER_PARALLEL": "4"}, parallel=2).parallel == 2


@pytest.mark.parametrize(("environ", "explicit"), [({"SUMMARIZER_PARALLEL": "0"}, {}), ({}, {"parallel": 17})])
def test_parallel_requests_out_of_range_are_refused(environ: dict[str, str], explicit: dict[str, int]) -> None:
    with pytest.raises(ConfigError, match=r"SUMMARIZER_PARALLEL\) must be 1 to 16"):
        load(environ=environ, **explicit)


def test_parallel_requests_must_be_a_whole_number() -> None:
    with pytest.raises(ConfigError, match="SUMMARIZER_PARALLEL must be a number"):
        load(environ={"SUMMARIZER_PARALLEL": "many"})
