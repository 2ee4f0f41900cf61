"""One settings object; what each model backend can do is read from the backend, not from a branch."""

from __future__ import annotations

import pytest

from summarizer import ConfigError, Summarizer, backends
from summarizer.config import Settings, load

ENDPOINT = {"SUMMARIZER_BASE_URL": "http://127.0.0.1:9/v1", "SUMMARIZER_MODEL": "m"}


def test_the_embedded_backend_says_what_it_can_do() -> None:
    backend = load(environ={}).backend
    assert isinstance(backend, backends.Embedded)
    assert (backend.context_tokens, backend.slots, backend.reask_unsupported) == (8192, 1, False)


def test_an_endpoint_says_what_it_can_do() -> None:
    backend = load(environ=ENDPOINT).backend
    assert isinstance(backend, backends.Endpoint)
    assert (backend.context_tokens, backend.slots, backend.reask_unsupported) == (None, None, True)
    assert backend.connect() == ("http://127.0.0.1:9/v1", "m", None)


def test_settings_take_their_defaults_from_the_backend() -> None:
    embedded, endpoint = load(environ={}), load(environ=ENDPOINT)
    assert (embedded.jobs, embedded.chunk_tokens, embedded.reask_unsupported) == (1, 3500, False)
    assert (endpoint.jobs, endpoint.chunk_tokens, endpoint.reask_unsupported) == (8, 12000, True)


def test_jobs_on_the_embedded_model_are_slots_it_serves_at_once() -> None:
    settings = load(environ={}, jobs=4)
    assert (settings.jobs, settings.parallel, settings.backend.slots) == (4, 4, 4)
    assert load(environ=ENDPOINT, jobs=64).parallel == 1  # an endpoint serves as it is set up to


@pytest.mark.parametrize(
    ("environ", "jobs", "bound"), [({}, 17, "1 to 16 on the embedded"), (ENDPOINT, 257, "1 to 256 on the endpoint")]
)
def test_jobs_past_the_backends_bound_are_refused(environ: dict[str, str], jobs: int, bound: str) -> None:
    with pytest.raises(ConfigError, match=bound):
        load(environ=environ, jobs=jobs)


def test_jobs_come_from_the_environment_too() -> None:
    assert load(environ={**ENDPOINT, "SUMMARIZER_JOBS": "3"}).jobs == 3
    with pytest.raises(ConfigError, match="SUMMARIZER_JOBS must be a number"):
        load(environ={"SUMMARIZER_JOBS": "many"})


def test_a_summarizer_takes_settings_or_keywords_and_they_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ENDPOINT.items():
        monkeypatch.setenv(name, value)
    settings = load(reasks=1, jobs=3)
    assert Summarizer(settings).settings == Summarizer(reasks=1, jobs=3).settings == settings


def test_settings_made_by_hand_are_resolved_and_checked() -> None:
    assert Summarizer(Settings(base_url="http://127.0.0.1:9/v1", model="m")).settings.jobs == 8
    with pytest.raises(ConfigError, match="SUMMARIZER_REASKS must be 0 to 10"):
        Summarizer(Settings(reasks=11))


def test_settings_and_keywords_together_or_an_unknown_keyword_are_refused() -> None:
    with pytest.raises(TypeError, match="not both"):
        Summarizer(load(environ=ENDPOINT), reasks=1)
    with pytest.raises(TypeError, match="unknown setting"):
        Summarizer(temperature=0.5)  # type: ignore[call-arg]
