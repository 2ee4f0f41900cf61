"""Many articles in, one summary (or one error) per article out: ``summarizer run`` and
:meth:`summarizer.Summarizer.summarize_many`.

Four rooms: :mod:`~summarizer.corpus.inputs` (files, folders, JSON Lines into records with ids),
:mod:`~summarizer.corpus.runner` (several articles in flight, failures as data),
:mod:`~summarizer.corpus.output` (JSON Lines or CSV, resumable, a line whole or not at all) with
:mod:`~summarizer.corpus.table` (one flat row per incident), and :mod:`~summarizer.corpus.progress`.
"""

from __future__ import annotations

from summarizer.corpus.inputs import Record, scan
from summarizer.corpus.outcome import ERROR_KINDS, Failure, Outcome, failure
from summarizer.corpus.output import FORMATS, Output, open_output
from summarizer.corpus.runner import Report, run, summarize_all
from summarizer.corpus.table import COLUMNS, flat_rows, rows

__all__ = [
    "COLUMNS",
    "ERROR_KINDS",
    "FORMATS",
    "Failure",
    "Outcome",
    "Output",
    "Record",
    "Report",
    "failure",
    "flat_rows",
    "open_output",
    "rows",
    "run",
    "scan",
    "summarize_all",
]
