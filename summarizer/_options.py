"""Command-line options that several commands share, defined once, and the settings they make.

Every command that talks to a model adds :func:`add_model_options` to its parser, and turns what it
parsed into one :class:`summarizer.config.Settings` with :func:`settings` (explicit option >
environment > default, as everywhere).
"""

from __future__ import annotations

import argparse
from typing import Any

MODES = ("json_schema", "tools", "json", "md_json")


def count(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that choose the model and how hard to try."""
    group = parser.add_argument_group("model")
    group.add_argument("--model", help="model name at the endpoint (env SUMMARIZER_MODEL)")
    group.add_argument("--base-url", help="OpenAI-compatible endpoint URL (env SUMMARIZER_BASE_URL / OPENAI_BASE_URL)")
    group.add_argument("--model-path", help="GGUF file for the embedded model (env SUMMARIZER_MODEL_PATH)")
    group.add_argument("--mode", choices=MODES, help="structured-output mode")
    group.add_argument("--reasks", type=int, metavar="N", help="re-asks after invalid answers (default 2)")
    group.add_argument(
        "--unsupported", choices=("flag", "drop"), help="facts the article does not support: flag (default) or drop"
    )


def jobs_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--jobs", "-j", type=count, metavar="N", help=help)


def settings(args: argparse.Namespace, **more: Any) -> Any:
    """The settings that the parsed options (those given) and ``more`` make; :class:`ConfigError` if they do not
    make sense."""
    from summarizer import config

    names = ("model", "base_url", "model_path", "mode", "reasks", "unsupported", "jobs")
    given = {name: getattr(args, name) for name in names if getattr(args, name, None) is not None}
    return config.load(**(given | {k: v for k, v in more.items() if v is not None}))
