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


# Issue 12: options that made no sense were taken, or failed later than they should.


@pytest.mark.parametrize(
    ("explicit", "message"),
    [
        ({"base_url": ""}, "base URL is empty"),
        ({"base_url": "  "}, "base URL is empty"),
        ({"api_key": ""}, "API key is empty"),
        ({"model": ""}, "model name is empty"),
    ],
)
def test_an_explicitly_empty_option_is_a_config_error(explicit: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load(environ={}, **explicit)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://gpu/v1", "must start with http:// or https://"),
        ("gpu:8000/v1", "must start with http:// or https://"),
        ("http://", "has no host"),
        ("http://[::1", "not a valid URL"),
        ("http://gpu:99999/v1", "not a valid URL"),
        ("http://gpu:0/v1", "port"),
        ("http://gpu:abc/v1", "not a valid URL"),
        ("http://g pu/v1", "spaces"),
    ],
)
def test_a_bad_base_url_is_a_config_error(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load(environ={}, base_url=url, model="m")
    with pytest.raises(ConfigError, match=message):
        load(environ={"SUMMARIZER_BASE_URL": url, "SUMMARIZER_MODEL": "m"})


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/v1", "https://api.example.com/v1", "http://[::1]:8000/v1"])
def test_good_base_urls_are_kept(url: str) -> None:
    assert load(environ={}, base_url=url, model="m").base_url == url


def test_a_password_in_the_base_url_is_never_shown() -> None:
    with pytest.raises(ConfigError, match="no model named") as caught:
        load(environ={"SUMMARIZER_BASE_URL": "http://joe:s3cret@gpu:8000/v1"})
    assert "s3cret" not in str(caught.value)
    with pytest.raises(ConfigError) as caught:
        load(environ={}, base_url="ftp://joe:s3cret@gpu/v1", model="m")
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize("value", ["0", "0.0", "86401", "1e12"])
def test_a_timeout_of_zero_or_past_a_day_is_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="SUMMARIZER_TIMEOUT must be more than 0"):
        load(environ={"SUMMARIZER_TIMEOUT": value})


@pytest.mark.parametrize(("name", "value"), [("SUMMARIZER_REASKS", "11"), ("SUMMARIZER_RETRIES", "1000000")])
def test_re_asks_and_retries_have_an_upper_bound(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=f"{name} must be 0 to 10"):
        load(environ={name: value})
    assert load(environ={name: "10"})  # the bound itself is allowed


@pytest.mark.parametrize("key", ["sk-é", "sk-a\nb", "sk-a b", "sk-\udcff"])
def test_an_api_key_an_http_header_cannot_carry_is_a_config_error_that_does_not_show_it(key: str) -> None:
    """Found by the CLI fuzz test: a non-ASCII key failed as 'model endpoint failed: UnicodeEncodeError'
    (exit 5), one with a line break as 'could not connect'."""
    with pytest.raises(ConfigError, match="API key") as caught:
        load(environ={"SUMMARIZER_API_KEY": key, **ENDPOINT})
    assert key not in str(caught.value)
