"""Summarize a corpus: many articles, several in flight, each article's outcome written as it arrives.

:func:`summarize_all` yields an :class:`~summarizer.corpus.outcome.Outcome` per record as they finish, up
to ``jobs`` at once (threads: the work is waiting on the model). An article that fails is an outcome
with its error, never an exception: only what stops every article (the model cannot start, bad
settings) is raised, before the first request. :func:`run` adds the output (skipping ids already
written), the progress and the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from summarizer import _parallel
from summarizer._errors import ModelUnavailableError
from summarizer.corpus.inputs import Record
from summarizer.corpus.outcome import Outcome
from summarizer.corpus.progress import Progress, Quiet, Tally

if TYPE_CHECKING:
    from summarizer.corpus.output import Output
    from summarizer.pipeline import Summarizer

# A run stops (exit 5) when this many articles in a row (at least twice the jobs) failed at the endpoint:
# it is down, and every further article would wait out its retries only to fail the same way.
ENDPOINT_FAILURES_IN_A_ROW = 20


def summarize_one(summarizer: Summarizer, record: Record) -> Outcome:
    """Read and summarize one record; what fails is the outcome's error."""
    try:
        record, article = record.load()
    except Exception as e:
        return Outcome.failed(record, e)
    title, published = article.title, article.published
    try:
        summary = summarizer.summarize(article.text, published=published)
    except Exception as e:
        return Outcome.failed(record, e, title=title, published=published)
    text = article.text if record.inline else None
    return Outcome(record, summary=summary, title=title, published=published, text=text)


def summarize_all(summarizer: Summarizer, records: Iterable[Record], jobs: int | None = None) -> Iterator[Outcome]:
    """Each record's outcome as it finishes, ``jobs`` at once (default: the settings' jobs).

    The model client is made first (the embedded server started), so that a model that cannot start is one
    error raised here, not an error for every article. Closing the iterator stops the run: no article starts
    after it; those in flight are abandoned.
    """
    _ = summarizer.client
    for _record, outcome in _parallel.stream(
        partial(summarize_one, summarizer), records, jobs or summarizer.settings.jobs
    ):
        yield outcome if isinstance(outcome, Outcome) else Outcome.failed(_record, outcome)


@dataclass(frozen=True)
class Report:
    """What a run did."""

    total: int
    skipped: int
    tally: Tally

    @property
    def failed(self) -> int:
        return sum(self.tally.failed.values())

    def line(self) -> str:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.tally.failed.items()))
        failed = f"{self.failed} failed ({kinds})" if self.failed else "0 failed"
        skipped = f", {self.skipped} already in the output" if self.skipped else ""
        return (
            f"{self.total} article{'' if self.total == 1 else 's'}: {self.tally.done - self.failed} summarized, "
            f"{failed}{skipped}; "
            f"{self.tally.tokens:,} tokens in {self.tally.seconds:.1f} s"
        )


def run(
    summarizer: Summarizer,
    records: Sequence[Record],
    output: Output,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> Report:
    """Summarize the records not yet in ``output`` and write each outcome as it arrives.

    Raises :class:`ModelUnavailableError` when the endpoint failed for ``ENDPOINT_FAILURES_IN_A_ROW`` articles
    in a row (their error lines are written: rerun with ``retry_errors`` once it is back).
    """
    todo = [record for record in records if record.id not in output.done]
    progress = progress or Quiet()
    tally = Tally()
    tally.start(len(records), len(records) - len(todo))
    progress.start(len(records), len(records) - len(todo))
    jobs = jobs or summarizer.settings.jobs
    in_a_row = 0
    try:
        if todo:
            for outcome in summarize_all(summarizer, todo, jobs):
                output.write(outcome)
                tally.advance(outcome)
                progress.advance(outcome)
                error = outcome.error
                in_a_row = in_a_row + 1 if error is not None and error.kind == "endpoint" else 0
                if error is not None and in_a_row >= max(ENDPOINT_FAILURES_IN_A_ROW, 2 * jobs):
                    raise ModelUnavailableError(
                        f"the model endpoint failed for {in_a_row} articles in a row (last: {error.message}); "
                        "stopped. Their error lines are written: rerun with --retry-errors once it is back"
                    )
    finally:
        progress.stop()
    return Report(len(records), len(records) - len(todo), tally)
