"""A real HTTP server on 127.0.0.1 for fault tests: it runs in threads and misbehaves on purpose.

Each connection is handled by one handler (answer, fail, die mid-answer, never answer, hold, drip);
the tests that use it allow only 127.0.0.1 through the network guard.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
from collections.abc import Callable
from typing import Any

Handler = Callable[["Loopback", socket.socket], None]


class Loopback:
    """An HTTP server on 127.0.0.1: connection ``n`` is handled by ``handlers[n]``, the last one forever.

    Each connection gets one request (read in full, body kept in ``requests``, headers in ``headers``)
    and its own thread.
    """

    def __init__(self, *handlers: Handler) -> None:
        self.handlers = handlers
        self.requests: list[dict[str, Any]] = []
        self.headers: dict[int, dict[str, str]] = {}
        self.stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._threads = [threading.Thread(target=self._accept)]
        self.base_url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/v1"

    def __enter__(self) -> Loopback:
        self._threads[0].start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self._threads[0].join(timeout=5)  # no connection is accepted after this
        for thread in self._threads[1:]:
            thread.join(timeout=5)
        self._listener.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            handler = self.handlers[min(len(self.requests), len(self.handlers) - 1)]
            self.requests.append({})  # counted on accept, so that a request never read still counts
            thread = threading.Thread(target=self._serve, args=(conn, len(self.requests) - 1, handler))
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket, index: int, handler: Handler) -> None:
        with conn:
            try:
                conn.settimeout(5)
                head, body = _read_request(conn)
                self.headers[index] = head
                self.requests[index] = json.loads(body)
                handler(self, conn)
            except (OSError, ValueError):
                pass  # the client went away, or sent no JSON: nothing to serve


def _read_request(conn: socket.socket) -> tuple[dict[str, str], bytes]:
    """The headers (names in lower case) and body of one HTTP request (whatever arrived, if the client goes away)."""
    data = b""
    while b"\r\n\r\n" not in data and (more := conn.recv(65536)):
        data += more
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
    )
    while len(body) < length and (more := conn.recv(65536)):
        body += more
    fields = (line.decode("latin-1").partition(":") for line in head.split(b"\r\n")[1:])
    return {name.strip().lower(): value.strip() for name, _, value in fields}, body


def response(status: int, body: dict[str, Any], **headers: str) -> bytes:
    content = json.dumps(body).encode()
    head = f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(content)}\r\n"
    head += "".join(f"{name.replace('_', '-')}: {value}\r\n" for name, value in headers.items())
    return head.encode() + b"Connection: close\r\n\r\n" + content


def completion(content: dict[str, Any]) -> bytes:
    """A whole HTTP response: a chat completion whose message is the JSON of ``content``."""
    choice = {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": json.dumps(content)}}
    usage = {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
    body = {"id": "c", "object": "chat.completion", "created": 0, "model": "m", "choices": [choice], "usage": usage}
    return response(200, body)


def answer(content: dict[str, Any]) -> Handler:
    """A chat completion whose message is the JSON of ``content``."""
    return lambda server, conn: conn.sendall(completion(content))


def failure(status: int, message: str = "overloaded", **headers: str) -> Handler:
    body = {"error": {"message": message, "type": "server_error", "code": None}}
    return lambda server, conn: conn.sendall(response(status, body, **headers))


def held(seconds: float, then: Handler) -> Handler:
    """Keep the request ``seconds`` (or until the test ends) before handling it with ``then``."""

    def hold(server: Loopback, conn: socket.socket) -> None:
        if not server.stopping.wait(seconds):
            then(server, conn)

    return hold


def drip(data: bytes, every: float, limit: float, at_once: int = 0) -> Handler:
    """Send the first ``at_once`` bytes of ``data``, then one byte every ``every`` seconds; hang up after
    ``limit`` seconds."""

    def slowly(server: Loopback, conn: socket.socket) -> None:
        conn.sendall(data[:at_once])
        for byte in data[at_once : at_once + int(limit / every)]:
            if server.stopping.wait(every):
                return
            conn.sendall(bytes([byte]))

    return slowly


def crash(after: bytes, reset: bool) -> Handler:
    """Send ``after`` (the start of an answer), then die: close, or reset the connection (RST)."""

    def die(server: Loopback, conn: socket.socket) -> None:
        conn.sendall(after)
        if reset:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()

    return die


def silent(server: Loopback, conn: socket.socket) -> None:
    """Accept the request and never answer (until the test ends)."""
    server.stopping.wait()
