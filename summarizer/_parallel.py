"""The parts of one job, or the articles of a corpus, run at once in threads that an interrupt does not wait for.

:func:`run` calls a function on each item, at most ``workers`` at once, and returns the results in
the items' order; :func:`stream` reads its items lazily and yields each outcome (a result or the
exception raised) as it finishes, a failure being one item's, not the run's. When a call of
:func:`run` fails, or the caller is interrupted (Ctrl-C raises KeyboardInterrupt in the main
thread), the run is cancelled: no further item starts, and code inside a call that asks
:func:`check` or waits with :func:`pause` (the model client does both, before each request and
between retries) stops with :class:`Cancelled` instead of sending another request. The threads are
daemons: a request already on the wire is abandoned rather than waited for, so that an interrupted
process exits at once. A run started inside a call of another (the parts of an article inside a corpus
run) is cancelled with it.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
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


class _Cancel(threading.Event):
    """A run's cancellation, which also cancels the runs started inside its calls while they last."""

    def __init__(self) -> None:
        super().__init__()
        self._children: set[_Cancel] = set()
        self._lock = threading.Lock()
        self._parent: _Cancel | None = getattr(_current, "cancel", None)
        if self._parent is not None:
            self._parent._adopt(self)

    def _adopt(self, child: _Cancel) -> None:
        with self._lock:
            self._children.add(child)
        if self.is_set():
            child.set()

    def set(self) -> None:
        super().set()
        with self._lock:
            children = list(self._children)
        for child in children:
            child.set()

    def close(self) -> None:
        """The run is over: its parent no longer needs to reach it."""
        if self._parent is not None:
            with self._parent._lock:
                self._parent._children.discard(self)


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
    cancel, lock = _Cancel(), threading.Lock()
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
    finally:
        cancel.close()
    if failures:
        raise failures[0]
    return [results[index] for index in range(len(items))]


class _Done:
    """A worker of :func:`stream` has no item left (or the items could not be read: ``error``)."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


def stream(call: Callable[[T], R], items: Iterable[T], workers: int) -> Iterator[tuple[T, R | Exception]]:
    """``(item, call(item))`` as each call finishes, up to ``workers`` at once; an ``Exception`` a call raises is
    yielded in place of its result. Items are read one at a time, as workers free up: at most ``workers`` items
    are started and not yet taken by the caller, so that a caller who stops on what it is given (a corpus run
    that stops when the endpoint is down) has had no more than that sent beyond it.

    Closing the iterator (or an interrupt while the caller waits) cancels the run: no item starts after it,
    and calls in flight are abandoned.
    """
    cancel, source, reading = _Cancel(), iter(items), threading.Lock()
    outcomes: queue.SimpleQueue[tuple[T, R | Exception] | _Done] = queue.SimpleQueue()
    slots = threading.Semaphore(max(workers, 1))  # items started and not yet taken by the caller

    def work() -> None:
        _current.cancel = cancel
        while not cancel.is_set():
            if not slots.acquire(timeout=_JOIN_SECONDS):  # in short steps, so that a cancelled run ends at once
                continue
            try:
                with reading:
                    item = next(source)
            except StopIteration:
                break
            except BaseException as e:  # the items themselves failed: the run's error, not an item's
                outcomes.put(_Done(e))
                return
            try:
                outcomes.put((item, call(item)))
            except Cancelled:
                return
            except Exception as e:
                outcomes.put((item, e))
        outcomes.put(_Done())

    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(workers, 1))]
    try:
        for thread in threads:
            thread.start()
        running = len(threads)
        while running:
            try:
                outcome = outcomes.get(timeout=_JOIN_SECONDS)  # in short steps, so that a signal is handled at once
            except queue.Empty:
                continue
            if isinstance(outcome, _Done):
                running -= 1
                if outcome.error is not None:
                    raise outcome.error
                continue
            yield outcome
            slots.release()  # the caller has taken it: another item may start
    finally:  # done, failed, interrupted or closed: nothing more is sent
        cancel.set()
        cancel.close()
