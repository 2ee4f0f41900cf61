"""Parts run at once (summarizer._parallel): results in order; the first failure stops the rest."""

from __future__ import annotations

import threading
import time

import pytest

from summarizer import _parallel


def test_results_come_back_in_the_items_order_whatever_order_they_finish_in() -> None:
    def call(n: int) -> int:
        time.sleep(0.01 * (5 - n))  # the last items finish first
        return n * 10

    assert _parallel.run(call, list(range(6)), 3) == [0, 10, 20, 30, 40, 50]


def test_the_first_failure_is_raised_and_no_further_item_starts() -> None:
    started: list[int] = []

    def call(n: int) -> int:
        started.append(n)
        if n == 0:
            raise ValueError("part 0 failed")
        time.sleep(0.05)
        return n

    with pytest.raises(ValueError, match="part 0 failed"):
        _parallel.run(call, list(range(20)), 2)
    assert len(started) <= 3


def test_a_call_still_running_when_the_run_is_cancelled_stops_at_its_next_check() -> None:
    """The model client checks before each request and waits with pause(): both end a cancelled call."""
    checked = threading.Event()
    outcomes: list[str] = []

    def call(n: int) -> int:
        if n == 0:
            raise ValueError("part 0 failed")
        try:
            _parallel.pause(5)  # woken at once by the cancellation, not after 5 s
            _parallel.check()
        except _parallel.Cancelled:
            outcomes.append("cancelled")
            raise
        finally:
            checked.set()
        return n

    started = time.monotonic()
    with pytest.raises(ValueError, match="part 0 failed"):
        _parallel.run(call, [1, 0], 2)
    assert checked.wait(1) and outcomes == ["cancelled"]
    assert time.monotonic() - started < 1


def test_a_stream_starts_no_more_than_workers_items_beyond_what_the_caller_has_taken() -> None:
    # The corpus run stops when the endpoint is down: calls that answer at once must not run far ahead of it.
    started: list[int] = []
    outcomes = _parallel.stream(lambda item: started.append(item) or item, range(100), workers=2)
    for taken in range(1, 6):
        next(outcomes)
        time.sleep(0.05)  # a slow caller: the workers would otherwise take every item meanwhile
        assert len(started) <= taken + 2
    outcomes.close()
