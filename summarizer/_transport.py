"""The HTTP transport to model endpoints: each request, connection to last byte, within one time limit.

httpx's timeouts bound each network operation (connect, each read, each write), so a server that
sends a byte a second holds a request for as long as it likes. :class:`DeadlineTransport` gives each
request its own connection (no keep-alive: an answer takes seconds, a connection milliseconds) and
a timer that shuts that connection's socket when the time is up. The read it wakes fails, and that
failure is reported as :class:`httpx2.ReadTimeout`, which the model client retries and describes
as a timeout like any other.

The socket is learnt from httpcore's ``trace`` request extension (``connection.connect_tcp.complete``),
so that only public interfaces are used.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx2

Trace = Callable[[str, dict[str, Any]], None]


class DeadlineTransport(httpx2.BaseTransport):
    """An :class:`httpx2.HTTPTransport` whose requests last at most ``seconds`` each, answer included."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._inner = httpx2.HTTPTransport(limits=httpx2.Limits(max_keepalive_connections=0))

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        deadline = _Deadline(self.seconds)
        request.extensions = {**request.extensions, "trace": deadline.tracer(request.extensions.get("trace"))}
        try:
            response = self._inner.handle_request(request)
        except httpx2.TransportError as e:
            deadline.cancel()
            if deadline.passed:
                raise deadline.timeout(request) from e
            raise
        assert isinstance(response.stream, httpx2.SyncByteStream)  # a sync transport's, as httpx asserts too
        response.stream = _WatchedStream(response.stream, deadline, request)
        return response

    def close(self) -> None:
        self._inner.close()


class _Deadline:
    """A timer that shuts the request's socket at the deadline; ``passed`` says whether it did."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def tracer(self, outer: Trace | None) -> Trace:
        def trace(event: str, info: dict[str, Any]) -> None:
            if event == "connection.connect_tcp.complete":
                self._watch(info["return_value"].get_extra_info("socket"))
            if outer is not None:
                outer(event, info)

        return trace

    def timeout(self, request: httpx2.Request) -> httpx2.ReadTimeout:
        return httpx2.ReadTimeout(f"no whole answer within {self.seconds:g} s", request=request)

    def cancel(self) -> None:
        self._timer.cancel()

    def _watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            self._socket = sock
            passed = self.passed
        if passed:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            sock = self._socket
        _shut(sock)


def _shut(sock: socket.socket | None) -> None:
    """Wake any read or write on ``sock`` (close alone would not); the connection is closed as usual."""
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)


class _WatchedStream(httpx2.SyncByteStream):
    """The answer's body: a read that the deadline cut short is a timeout; closing stops the timer."""

    def __init__(self, stream: httpx2.SyncByteStream, deadline: _Deadline, request: httpx2.Request) -> None:
        self._stream, self._deadline, self._request = stream, deadline, request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except httpx2.TransportError as e:
            if self._deadline.passed:
                raise self._deadline.timeout(self._request) from e
            raise

    def close(self) -> None:
        self._deadline.cancel()
        self._stream.close()
