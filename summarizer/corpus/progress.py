"""How far a corpus run is, on stderr: a rich progress bar on a terminal, plain lines now and then otherwise.

Both show articles done of the total (those already in the output count as done), the rate over this
run's articles, the time left at that rate, the tokens spent and the failures so far.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import Any, Protocol, TextIO

from summarizer.corpus.outcome import Outcome


class Progress(Protocol):
    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def stop(self) -> None: ...


class Tally:
    """What a run has done so far."""

    def __init__(self) -> None:
        self.total = self.skipped = self.done = self.tokens = 0
        self.failed: Counter[str] = Counter()
        self.started = time.monotonic()

    def start(self, total: int, skipped: int) -> None:
        self.total, self.skipped, self.started = total, skipped, time.monotonic()

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        self.tokens += outcome.tokens
        if outcome.error is not None:
            self.failed[outcome.error.kind] += 1

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def per_hour(self) -> float:
        """Articles an hour, over this run's articles (not those skipped)."""
        return self.done * 3600 / self.seconds if self.done and self.seconds > 0 else 0.0

    @property
    def left_seconds(self) -> float | None:
        left = self.total - self.skipped - self.done
        return left * 3600 / self.per_hour if self.per_hour else None

    def line(self) -> str:
        finished = self.skipped + self.done
        share = f" ({100 * finished / self.total:.0f}%)" if self.total else ""
        failed = sum(self.failed.values())
        left = f", about {duration(self.left_seconds)} left" if self.left_seconds is not None else ""
        return (
            f"{finished}/{self.total}{share} done, {failed} failed, {rate(self.per_hour)}, {self.tokens:,} tokens{left}"
        )


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def rate(per_hour: float) -> str:
    return f"{per_hour / 60:.1f} articles/min" if per_hour >= 60 else f"{per_hour:.1f} articles/hour"


class Plain:
    """A line on ``stream`` at most every ``every`` seconds: for logs and pipes."""

    def __init__(self, stream: TextIO, every: float = 30.0, label: str = "summarizer run") -> None:
        self.stream, self.every, self.label = stream, every, label
        self.tally = Tally()
        self._last = 0.0

    def start(self, total: int, skipped: int) -> None:
        self.tally.start(total, skipped)
        self._last = time.monotonic()
        if skipped:
            self._say(f"{skipped} of {total} articles already in the output, skipped")

    def advance(self, outcome: Outcome) -> None:
        self.tally.advance(outcome)
        if time.monotonic() - self._last >= self.every:
            self._last = time.monotonic()
            self._say(self.tally.line())

    def stop(self) -> None:
        pass  # the command line ends with the run's report

    def _say(self, text: str) -> None:
        self.stream.write(f"{self.label}: {text}\n")
        self.stream.flush()


class Bar:
    """A rich progress bar on a terminal: done/total, rate, time left, tokens, failures."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as Rich

        self.tally = Tally()
        self._bar = Rich(
            TextColumn("[bold]summarizing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[left]}"),
            TextColumn("{task.fields[tokens]} tokens"),
            TextColumn("{task.fields[failed]}"),
            console=Console(file=stream),
        )
        self._task: Any = None

    def start(self, total: int, skipped: int) -> None:
        self.tally.start(total, skipped)
        bar: Any = self._bar
        self._task = bar.add_task("run", total=total, completed=skipped, **self._fields())
        self._bar.start()

    def advance(self, outcome: Outcome) -> None:
        self.tally.advance(outcome)
        bar: Any = self._bar  # rich types its **fields so that str values clash with its keyword flags
        bar.update(self._task, advance=1, **self._fields())

    def stop(self) -> None:
        self._bar.stop()

    def _fields(self) -> dict[str, str]:
        failed = sum(self.tally.failed.values())
        return {
            "rate": rate(self.tally.per_hour) if self.tally.done else "",
            "left": f"~{duration(self.tally.left_seconds)} left" if self.tally.left_seconds is not None else "",
            "tokens": f"{self.tally.tokens:,}",
            "failed": f"[red]{failed} failed" if failed else "0 failed",
        }


class Quiet:
    """No progress shown."""

    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, outcome: Outcome) -> None:
        pass

    def stop(self) -> None:
        pass


def for_stream(stream: TextIO | None = None) -> Bar | Plain:
    """A bar when ``stream`` (stderr by default) is a terminal, else plain lines."""
    stream = stream or sys.stderr
    return Bar(stream) if stream.isatty() else Plain(stream)
