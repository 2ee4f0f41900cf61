"""The one seam to models: ``openai`` + ``instructor`` against any OpenAI-compatible endpoint.

This is the only module that imports ``openai`` or ``instructor``. Two separate budgets:

* transport faults (connection errors, timeouts, 429, 5xx) are retried by ``tenacity``
  with bounded exponential backoff and jitter, honouring ``Retry-After``;
* answers that fail validation are re-asked by ``instructor``, which sends the
  validation message back to the model. When the budget is spent and only the
  caller's ``check`` (see :func:`summarizer.answer.problems`) still
  fails, the last answer is returned; the caller flags or drops what it found.
"""

from __future__ import annotations

import base64
import math
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from summarizer import _parallel, _status, _validation
from summarizer._errors import ConfigError, ExtractionError, ModelError, ModelUnavailableError
from summarizer.config import shown_url

if TYPE_CHECKING:
    import httpx2

T = TypeVar("T", bound=BaseModel)

MAX_RETRY_AFTER = 60.0
MAX_TOKENS = 2048  # per answer; the embedded model keeps this much of its context for it
MODES = {"json_schema": "JSON_SCHEMA", "tools": "TOOLS", "json": "JSON", "md_json": "MD_JSON"}
_backoff = wait_exponential_jitter(initial=1.0, max=20.0, jitter=1.0)


@dataclass
class Completion(Generic[T]):
    """A validated answer and what it cost."""

    value: T
    attempts: int
    prompt_tokens: int
    completion_tokens: int
    seconds: float  # the whole extraction, re-asks and retries included
    model_seconds: float  # of which spent waiting for the endpoint


@dataclass
class _Tally:
    """Counts every model answer of one extraction (instructor calls back once per attempt)."""

    attempts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model_seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    _sent: float = 0.0

    def sending(self, **_: Any) -> None:
        self._sent = time.perf_counter()

    def failed(self, *_: Any, **__: Any) -> None:
        self.model_seconds += time.perf_counter() - self._sent

    def record(self, response: Any) -> None:
        self.failed()
        self.attempts += 1
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.prompt_tokens += usage.prompt_tokens or 0
            self.completion_tokens += usage.completion_tokens or 0
        message = response.choices[0].message if getattr(response, "choices", None) else None
        calls = getattr(message, "tool_calls", None) or []
        self.outputs.append((message.content if message else None) or "".join(c.function.arguments for c in calls))


def _is_transient(error: BaseException) -> bool:
    """Connection errors, timeouts (also HTTP 408), conflicts (409), rate limits (429) and 5xx."""
    import openai

    if isinstance(error, openai.APIStatusError):
        return error.status_code in (408, 409, 429) or error.status_code >= 500
    return isinstance(error, openai.APIConnectionError)


def _retry_after(error: BaseException | None) -> float | None:
    """The seconds ``Retry-After`` asks for, capped; None for an HTTP date or a number that is none ("nan")."""
    response = getattr(error, "response", None)
    raw = response.headers.get("retry-after") if response is not None else None
    try:
        seconds = float(raw) if raw is not None else math.nan
    except ValueError:
        return None  # an HTTP date: fall back to backoff
    return min(max(seconds, 0.0), MAX_RETRY_AFTER) if math.isfinite(seconds) else None  # time.sleep(nan) raises


def _wait(state: RetryCallState) -> float:
    error = state.outcome.exception() if state.outcome else None
    after = _retry_after(error)
    return after if after is not None else _backoff(state)


def _say_retrying(state: RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome else None
    seconds = state.next_action.sleep if state.next_action else 0.0
    cause = _describe(error).split(":")[0] if error is not None else "the request failed"
    _status.say(f"{cause}; trying again in {seconds:.0f} s")


def _dropped(error: BaseException) -> bool:
    """Whether the server hung up after the request was sent, rather than refusing it."""
    cause = error.__cause__ or error.__context__
    while cause is not None:
        if type(cause).__name__ in ("RemoteProtocolError", "ReadError"):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _credentials(url: str) -> tuple[str, str | None, str | None]:
    """``url`` without a user and password in it, the Basic authorization they stand for, and the password.

    httpx turns ``http://user:pw@host`` into that same header, but also logs the URL as written (and so
    does openai): the URL it gets holds no password.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL at all: httpx refuses it below
        return url, None, None
    if parts.username is None and parts.password is None:
        return url, None, None
    user, password = unquote(parts.username or ""), unquote(parts.password or "")
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2])), f"Basic {token}", password or None


def _os_reason(error: BaseException) -> str:
    """The operating system's words for a failed connection (": Connection refused"), if it gave any."""
    cause = error.__cause__ or error.__context__
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return f": {cause.strerror}"
        cause = cause.__cause__ or cause.__context__
    return ""


def _describe(error: BaseException) -> str:
    """A one-line cause for an endpoint failure, without the request body or headers."""
    import openai

    if isinstance(error, openai.APITimeoutError):
        return "the request timed out (raise SUMMARIZER_TIMEOUT or use a faster model)"
    if isinstance(error, openai.APIConnectionError) and _dropped(error):
        return "the connection dropped in the middle of the answer (did the server crash or restart?)"
    if isinstance(error, openai.APIConnectionError):
        return f"could not connect{_os_reason(error)} (is the server running and the base URL right?)"
    if isinstance(error, openai.APIStatusError):
        return f"the endpoint answered HTTP {error.status_code}: {error.message}"
    return f"{type(error).__name__}: {error}"


class ModelClient:
    """A chat model behind an OpenAI-compatible endpoint, asked for validated pydantic objects."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        mode: str = "json_schema",
        reasks: int = 2,
        retries: int = 4,
        timeout: float = 300.0,
        max_tokens: int = MAX_TOKENS,
        http_client: httpx2.Client | None = None,
    ) -> None:
        import httpx2
        import instructor
        import openai

        self.model = model
        base_url, basic, password = _credentials(base_url)
        self._secrets = [secret for secret in (api_key, password, basic and basic.removeprefix("Basic ")) if secret]
        self.reasks = reasks
        self.max_tokens = max_tokens
        if http_client is None:  # httpx bounds each read; this bounds the whole request by ``timeout``
            from summarizer._transport import DeadlineTransport

            http_client = openai.DefaultHttpxClient(transport=DeadlineTransport(timeout))
        try:
            self._openai = openai.OpenAI(
                base_url=base_url,
                api_key=api_key or "no-key",
                max_retries=0,  # tenacity owns transport retries
                timeout=timeout,
                http_client=http_client,
                default_headers={"Authorization": basic} if basic else None,  # as httpx sends a URL's user:pw
            )
        except httpx2.InvalidURL as e:  # a host that is no IDNA name ("http://☃.com") passes urlsplit
            raise ConfigError(self._redact(f"base URL {shown_url(base_url)!r} is not valid: {e}")) from None
        self._retrying = Retrying(
            retry=retry_if_exception(_is_transient),
            stop=stop_after_attempt(retries + 1),
            wait=_wait,
            sleep=_parallel.pause,  # a cancelled run (Ctrl-C) wakes from its wait and retries no more
            before_sleep=_say_retrying,
            reraise=True,
        )
        self._create = instructor.patch(create=self._send, mode=instructor.Mode[MODES[mode]])

    def _send(self, **kwargs: Any) -> Any:
        """One request, retried on transport faults; what fails is a :class:`ModelError` holding no key.

        The endpoint's own exception holds the request (its Authorization header) and may echo the key
        in its message, and instructor logs whatever this raises: it is described here, with the key
        removed, and raised outside the handler so that it chains to nothing.
        """
        import openai

        try:
            return self._retrying(self._request, **kwargs)
        except openai.OpenAIError as e:
            failure = self._endpoint_failure(e)
        raise failure

    def _request(self, **kwargs: Any) -> Any:
        _parallel.check()  # no new request, re-ask or retry once the run was cancelled
        return self._openai.chat.completions.create(**kwargs)

    def extract(
        self, messages: list[dict[str, str]], response_model: type[T], context: dict[str, Any] | None = None
    ) -> Completion[T]:
        """Ask for ``response_model``; re-ask on validation errors, retry on transport faults."""
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
        from instructor.core.hooks import Hooks

        tally, hooks = _Tally(), Hooks()
        hooks.on("completion:kwargs", tally.sending)
        hooks.on("completion:kwargs", lambda **_: _status.say(self._waiting(tally.attempts + 1)))
        hooks.on("completion:response", tally.record)
        hooks.on("completion:error", tally.failed)
        started = time.perf_counter()
        failure: ModelError | None = None
        try:
            with _validation.using(context):  # not instructor's context=, which renders messages as templates
                value = self._create(
                    model=self.model,
                    messages=messages,
                    response_model=response_model,
                    max_retries=self.reasks,
                    hooks=hooks,
                    temperature=0.0,
                    max_tokens=self.max_tokens,
                )
        except IncompleteOutputException:
            failure = self._cut_off(tally)
        except InstructorRetryException as e:
            salvaged = _salvage(response_model, tally, context)
            if salvaged is None:
                failure = self._failure(e, tally)
            else:
                value = salvaged
        if failure is not None:
            raise failure  # outside the handlers: instructor's exception holds the whole request
        seconds = time.perf_counter() - started
        return Completion(
            value, tally.attempts, tally.prompt_tokens, tally.completion_tokens, seconds, tally.model_seconds
        )

    def _waiting(self, attempt: int) -> str:
        return f"waiting for the model's answer, attempt {attempt} of {self.reasks + 1}"

    def _redact(self, message: str) -> str:
        """Never show the API key (or a password in the base URL), even when an endpoint echoes it back."""
        for secret in self._secrets:
            message = message.replace(secret, "[redacted]")
        return message

    def _endpoint_failure(self, error: BaseException) -> ModelError:
        """The error to raise for an endpoint failure: described in one line, the key removed."""
        kind = ModelUnavailableError if _is_transient(error) else ModelError
        return kind(self._redact(f"model endpoint failed: {_describe(error)}"))

    def _cut_off(self, tally: _Tally) -> ExtractionError:
        return ExtractionError(
            f"the model's answer was cut off at {self.max_tokens} tokens (finish_reason=length); "
            "try a shorter article or a model with a larger output budget",
            last_output=tally.outputs[-1] if tally.outputs else None,
            attempts=tally.attempts,
        )

    def _failure(self, error: BaseException, tally: _Tally) -> ModelError:
        cause = error.__cause__
        if isinstance(cause, ModelError):  # the endpoint failed; _send described it
            return cause
        if tally.attempts == 0:  # no answer was ever read: the endpoint, not the model, failed
            return ModelError(self._redact(f"model endpoint failed: {_describe(cause or error)}"))
        if cause is not None and not isinstance(cause, ValueError):  # pydantic/JSON errors are ValueErrors
            return ModelError(self._redact(f"model endpoint failed: {_describe(cause)}"))
        problem = self._redact(_first_line(str(cause or error)))
        return ExtractionError(
            f"no valid summary after {tally.attempts} attempt(s); last problem: {problem}",
            last_output=tally.outputs[-1] if tally.outputs else None,
            attempts=tally.attempts,
        )


def _salvage(response_model: type[T], tally: _Tally, context: dict[str, Any] | None) -> T | None:
    """The last answer, when only the context's ``check`` rejected it (the caller flags what it found)."""
    if not context or "check" not in context or not tally.outputs:
        return None
    output = tally.outputs[-1]
    body = output[output.find("{") : output.rfind("}") + 1]  # also a fenced answer (md_json mode)
    try:
        return response_model.model_validate_json(body, context={k: v for k, v in context.items() if k != "check"})
    except ValueError:  # pydantic's ValidationError is a ValueError
        return None


def _first_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 3] + "..."


# Requests and answers outside a live call: the files of a batch (summarizer.batch).


def request_body(
    messages: list[dict[str, str]], response_model: type[BaseModel], model: str, mode: str = "json_schema"
) -> dict[str, Any]:
    """The chat-completions request body that :meth:`ModelClient.extract` sends first for ``messages``, as
    instructor builds it (``response_format`` or tools from ``response_model``'s schema, temperature 0)."""
    import instructor
    from instructor.processing.response import handle_response_model

    kwargs: dict[str, Any] = {"messages": messages, "model": model, "max_tokens": MAX_TOKENS, "temperature": 0.0}
    _, body = handle_response_model(response_model, mode=instructor.Mode[MODES[mode]], **kwargs)
    return body


def read_answer(
    body: dict[str, Any], response_model: type[T], context: dict[str, Any], attempts: int = 1, salvage: bool = True
) -> Completion[T]:
    """A chat-completion response body read as :meth:`ModelClient.extract` reads a live answer; raises
    :class:`ExtractionError` (with the validation error as its message) when it does not validate, and
    returns the answer when only the context's ``check`` finds problems in it (the caller flags them), unless
    ``salvage`` is False (a re-ask is still to come, as in a live call). The error's note (``__notes__``) holds
    the whole validation error, for :func:`reask_messages`."""
    from pydantic import ValidationError

    output, finish_reason = _output(body)
    usage = body.get("usage") or {}
    tokens = int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0)
    if finish_reason == "length":
        raise ExtractionError(
            "the model's answer was cut off at its token limit (finish_reason=length)",
            last_output=output,
            attempts=attempts,
        )
    json_text = output[output.find("{") : output.rfind("}") + 1]  # also a fenced answer (md_json mode)
    try:
        value = response_model.model_validate_json(json_text, context=context)
    except ValidationError as e:
        salvaged = _salvage(response_model, _Tally(outputs=[output]), context) if salvage else None
        if salvaged is None:
            failure = ExtractionError(f"no valid answer: {_first_line(str(e))}", last_output=output, attempts=attempts)
            failure.add_note(str(e))  # the whole validation error: what a re-ask tells the model
            raise failure from None
        value = salvaged
    return Completion(value, attempts, tokens[0], tokens[1], 0.0, 0.0)


def reask_messages(
    request: dict[str, Any], response: dict[str, Any], problem: str, mode: str = "json_schema"
) -> list[dict[str, Any]]:
    """The messages of the re-ask instructor would send after ``response`` to ``request`` failed with ``problem``:
    the request's messages, the model's answer, and the validation error for it to correct."""
    import instructor
    from instructor.processing.response import handle_reask_kwargs
    from openai.types.chat import ChatCompletion

    kwargs = handle_reask_kwargs(
        dict(request), instructor.Mode[MODES[mode]], ChatCompletion.model_validate(response), ValueError(problem)
    )
    return list(kwargs["messages"])


def _output(body: dict[str, Any]) -> tuple[str, str | None]:
    """The text of a chat completion's first choice (its content, or its tool call's arguments), and why it ended."""
    choices = body.get("choices") or [{}]
    message = choices[0].get("message") or {}
    calls = message.get("tool_calls") or []
    text = message.get("content") or "".join((c.get("function") or {}).get("arguments") or "" for c in calls)
    return str(text), choices[0].get("finish_reason")
