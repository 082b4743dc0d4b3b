"""The Flask (WSGI) app behind an asyncio server: slow clients cost a coroutine, not a thread.

gunicorn's asyncio worker reads and parses every request in its event loop, so thousands of
idle or slow connections cost a few kilobytes each. a2wsgi hands a request to one of the app's
threads; before it does, `BoundedRequest` reads the whole body in the event loop, bounded in
size (setting max-request-bytes, 413) and in time (setting request-read-seconds, 408), so a
client trickling a POST body a byte a second never holds an app thread either.

SPARQL requests and everything else are answered from two separate thread pools of the same
app: a request waiting for its query (up to query-timeout) holds a thread of the first only,
so however many queries are in flight, pages still find a free thread at once.

The hot read-only paths skip a2wsgi (`FastPaths`). a2wsgi sends each part of an answer (head,
every body chunk, the end) from the app's thread back to the event loop and waits for it:
three thread hops a request, which were half of the server's CPU when dereferencing (py-spy,
docs/benchmarks.md "Serving fast paths"). Dereferencing (`/akn/…`, `/resource`, `/symbol/…`)
is a negotiation, a stat and a read of a small built file, answered by the lean WSGI path
(lod.web.fastpath); `/search` by its own lean WSGI app (lod.web.searches.LeanSearch). Each runs once in a thread of a pool of its
own (`threads`), its answer buffered and sent by the loop: one hop instead of three. Not in
the loop itself, though that measured 0.72 against 0.84 ms of CPU a request: a description
not in the page cache is a disk read, and tantivy releases the GIL while it searches, so
either would stop every connection of the worker while it waits. Same headers, same limits.
"""

from __future__ import annotations

import asyncio
import contextvars
import io
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from concurrent.futures import ThreadPoolExecutor

from a2wsgi import WSGIMiddleware
from a2wsgi.wsgi import build_environ

from lod.web.http import SECURITY_HEADERS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def plain_answer(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """A short plain-text answer that closes the connection (the request was not read whole)."""
    body = text.encode() + b"\n"
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"), *(headers or []),
                    *((name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items())],
    })
    await send({"type": "http.response.body", "body": body, "more_body": False})


class BoundedRequest:
    """Read a request's body whole, within `max_bytes` and `seconds`, before `app` sees it."""

    def __init__(self, app: ASGIApp, max_bytes: int, seconds: float) -> None:
        self.app, self.max_bytes, self.seconds = app, max_bytes, seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"0")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await plain_answer(send, 413, f"413: request body larger than {self.max_bytes} bytes (setting max-request-bytes)")
            return
        if declared.strip(b" \t") in (b"", b"0") and b"transfer-encoding" not in headers \
                and scope.get("http_version") in ("1.0", "1.1"):
            # HTTP/1 framing says this request has no body (RFC 9112 6.3): nothing to wait for.
            # Waiting anyway cost every GET a task and a timer (asyncio.wait_for).
            await self.app(scope, _replay(b"", receive), send)
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.seconds
        chunks: list[bytes] = []
        size, more = 0, True
        while more:
            try:
                message = await asyncio.wait_for(receive(), timeout=max(deadline - loop.time(), 0.0))
            except TimeoutError:
                await plain_answer(send, 408, f"408: the request was not received within {self.seconds:g} s "
                                              "(setting request-read-seconds)")
                return
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await plain_answer(send, 413, f"413: request body larger than {self.max_bytes} bytes (setting max-request-bytes)")
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        await self.app(scope, _replay(b"".join(chunks), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, once, then the connection's own messages (a disconnect)."""
    given = False

    async def replay() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class SeparatePools:
    """Queries (requests under `prefix` that carry one) to one thread pool of the app, all
    other requests to another."""

    def __init__(self, wsgi: Callable[..., Any], threads: int, prefix: str) -> None:
        self.prefix = prefix
        self.queries: ASGIApp = WSGIMiddleware(wsgi, workers=threads)  # type: ignore[arg-type,assignment]
        self.pages: ASGIApp = WSGIMiddleware(wsgi, workers=threads)  # type: ignore[arg-type,assignment]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await (self.queries if self.is_query(scope) else self.pages)(scope, receive, send)

    def is_query(self, scope: Scope) -> bool:
        """A request to the endpoint that carries a query (POST, or `query=` in the URL); the
        endpoint's own form page (GET without a query) is a page like the others."""
        path = str(scope.get("path", ""))
        if path != self.prefix and not path.startswith(self.prefix + "/"):
            return False
        return scope.get("method") not in ("GET", "HEAD") or b"query=" in bytes(scope.get("query_string") or b"")


Answer = tuple[int, list[tuple[bytes, bytes]], bytes]


def buffered_call(wsgi: Callable[..., Any], environ: dict[str, Any]) -> Answer:
    """Run the WSGI app on `environ` and keep its whole answer (status, headers, body)."""
    head: list[Any] = []
    chunks: list[bytes] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
        if exc_info is not None and head:
            raise exc_info[1].with_traceback(exc_info[2])
        head[:] = [int(status.split(" ", 1)[0]),
                   [(name.strip().encode("latin1").lower(), value.strip().encode("latin1")) for name, value in headers]]
        return chunks.append

    iterable = wsgi(environ, start_response)
    try:
        chunks.extend(iterable)
    finally:
        getattr(iterable, "close", lambda: None)()
    return head[0], head[1], b"".join(chunks)


HOT_PATHS = ("/akn/", "/resource", "/symbol/")
"""Dereferencing: answered by the lean path (`hot`), one thread hop, answer buffered."""
THREADED_PATHS = ("/search",)
"""Read-only answers small enough to buffer, answered by `search` (or the app): one thread hop."""


class FastPaths:
    """GET and HEAD on `HOT_PATHS` answered by `hot`, on `THREADED_PATHS` by `search`, each in one
    thread of `threads`; everything else through `rest` (a2wsgi's streaming thread pools)."""

    def __init__(self, wsgi: Callable[..., Any], threads: int, rest: ASGIApp, hot: Callable[..., Any] | None = None,
                 search: Callable[..., Any] | None = None) -> None:
        self.wsgi, self.rest, self.hot, self.search = wsgi, rest, hot or wsgi, search or wsgi
        self.executor = ThreadPoolExecutor(thread_name_prefix="lod-search", max_workers=threads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))[len(scope.get("root_path", "")):]
        if scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD"):
            await self.rest(scope, receive, send)
            return
        if path.startswith(HOT_PATHS):
            app = self.hot
        elif path in THREADED_PATHS:
            app = self.search
        else:
            await self.rest(scope, receive, send)
            return
        environ = await self._environ(scope, receive)
        context = contextvars.copy_context()
        answer = await asyncio.get_running_loop().run_in_executor(self.executor, context.run, buffered_call, app, environ)
        status, headers, body = answer
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})

    @staticmethod
    async def _environ(scope: Scope, receive: Receive) -> dict[str, Any]:
        """The WSGI environ (a2wsgi's own mapping) with the body BoundedRequest already read."""
        message = await receive()
        environ: dict[str, Any] = build_environ(scope, io.BytesIO(message.get("body", b"")))  # type: ignore[arg-type]
        return environ


def asgi_app(wsgi: Callable[..., Any], threads: int, max_bytes: int, read_seconds: float,
             query_path: str = "/sparql", hot: Callable[..., Any] | None = None,
             search: Callable[..., Any] | None = None) -> ASGIApp:
    """The WSGI app: dereferencing (by `hot`, a leaner WSGI app for those paths,
    lod.web.fastpath) and search (by `search`, lod.web.searches.LeanSearch) in one thread hop, other pages from `threads` threads and as
    many for `query_path`; requests read whole in the event loop first."""
    rest = SeparatePools(wsgi, threads, query_path)
    return BoundedRequest(FastPaths(wsgi, threads, rest, hot, search), max_bytes, read_seconds)
