"""The parts of one job, run at once in threads that an interrupt does not wait for.

:func:`run` calls a function on each item, at most ``workers`` at once, and returns the results in
the items' order. When a call fails, or the caller is interrupted (Ctrl-C raises KeyboardInterrupt
in the main thread), the run is cancelled: no further item starts, and code inside a call that asks
:func:`check` or waits with :func:`pause` (the model client does both, before each request and
between retries) stops with :class:`Cancelled` instead of sending another request. The threads are
daemons: a request already on the wire is abandoned rather than waited for, so that an interrupted
process exits at once.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_JOIN_SECONDS = 0.1  # the caller waits in steps this short, so that a signal is handled at once
_current = threading.local()


class Cancelled(BaseException):
    """Raised inside a call whose run was cancelled.

    A BaseException, as KeyboardInterrupt is, so that no ``except Exception`` on its way (instructor's
    re-ask loop, tenacity's retries) takes it for a failed answer to retry or to log.
    """


def check() -> None:
    """Raise :class:`Cancelled` if the run this thread works for was cancelled."""
    event: threading.Event | None = getattr(_current, "cancel", None)
    if event is not None and event.is_set():
        raise Cancelled


def pause(seconds: float) -> None:
    """Sleep ``seconds``; in a run that is cancelled meanwhile, wake at once and raise :class:`Cancelled`."""
    event: threading.Event | None = getattr(_current, "cancel", None)
    if event is None:
        time.sleep(seconds)
    elif event.wait(seconds):
        raise Cancelled


def run(call: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[call(item) for item in items]``, up to ``workers`` calls at once; the first failure is raised."""
    cancel, lock = threading.Event(), threading.Lock()
    pending = deque(enumerate(items))
    results: dict[int, R] = {}
    failures: list[BaseException] = []

    def work() -> None:
        _current.cancel = cancel
        while not cancel.is_set() and pending:
            index, item = pending.popleft()
            try:
                results[index] = call(item)
            except BaseException as e:
                with lock:
                    if not cancel.is_set():
                        failures.append(e)
                    cancel.set()

    threads = [threading.Thread(target=work, daemon=True) for _ in range(min(workers, len(items)))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(_JOIN_SECONDS)
    except BaseException:
        cancel.set()  # interrupted: the threads send nothing more, and nobody waits for them
        raise
    if failures:
        raise failures[0]
    return [results[index] for index in range(len(items))]
