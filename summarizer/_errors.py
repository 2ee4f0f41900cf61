"""Every error summarizer raises on purpose, and the CLI exit code of each.

    SummarizerError                  exit 1   (root: catch this to catch them all)
    ├── InputError                   exit 2   the article cannot be read or is not usable text
    ├── ConfigError                  exit 3   options or environment do not make sense, or a package is missing
    ├── LocalModelError              exit 4   the embedded model cannot be started
    │   └── ModelNotFoundError       exit 4   its files are not installed or not found
    └── ModelError                   exit 5   the model endpoint failed us
        ├── ModelUnavailableError    exit 5   unreachable, timing out, or failing after retries
        └── ExtractionError          exit 6   the model answered, but never with a valid summary

The CLI prints ``summarizer: error: <message>`` on one line and exits with the code above;
``SUMMARIZER_DEBUG=1`` also prints the traceback. A ``ModelError`` chains to no other exception:
the endpoint's exceptions hold the request, Authorization header included, so the model seam
describes them in the message (the API key removed) and drops them.
"""

from __future__ import annotations


class SummarizerError(Exception):
    """Root of all errors raised on purpose by summarizer."""

    exit_code = 1


class InputError(SummarizerError):
    """The article cannot be read, or is not usable text."""

    exit_code = 2


class ConfigError(SummarizerError):
    """Options or environment do not make sense together."""

    exit_code = 3


class LocalModelError(SummarizerError):
    """The embedded local model cannot be started."""

    exit_code = 4


class ModelNotFoundError(LocalModelError):
    """The embedded model's files are not installed or not where they were said to be."""


class ModelError(SummarizerError):
    """The model endpoint failed."""

    exit_code = 5


class ModelUnavailableError(ModelError):
    """The endpoint is unreachable, times out, or keeps failing after the transport retries."""


class ExtractionError(ModelError):
    """The model answered, but no answer validated within the re-ask budget.

    ``last_output`` holds the model's last raw answer, for debugging.
    """

    exit_code = 6

    def __init__(self, message: str, *, last_output: str | None = None, attempts: int = 0) -> None:
        super().__init__(message)
        self.last_output = last_output
        self.attempts = attempts
