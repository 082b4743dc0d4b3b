"""`lod serve`: publish an existing build with gunicorn (never the Flask development server).

The master loads the build's N-Quads dump into the on-disk store once, before forking, so
workers only ever open it read-only. Workers are gunicorn's asyncio (ASGI) workers running the
Flask app through a2wsgi (lod.web.asgi): connections are read and parsed in the event loop, so
thousands of idle or slow clients (a byte a second) cost memory, not threads, and pages keep
being answered by the app's threads meanwhile. Dereferencing (by lod.web.fastpath) and /search
(by lod.web.searches) are answered in one thread hop, their answers buffered (lod.web.asgi.FastPaths). Against the threaded worker this replaces
(17–20 connections sending a byte a second timed out every other request), pages answered in
8 ms (p50) while 1,900 idle connections were open (docs/security.md, tests/test_security_http.py).
A request's head must arrive within request-read-seconds (else the connection is closed), and
its body too (else 408); access-log lines carry at most LOG_URL_CHARS of the URL.

`python -m lod.serve --data output --port 8080` is `lod serve --data output --port 8080`: the one
parser is lod.cli's, where every setting of lod.settings is an option of `lod serve`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.asgi.protocol import ASGIProtocol
from gunicorn.glogging import Logger
from gunicorn.workers import gasgi

from lod.settings import Settings
from lod.store import load_build, store_root
from lod.web import sandbox
from lod.web.app import SPARQL_PATH, create_app
from lod.web.asgi import asgi_app
from lod.web.fastpath import LeanDereferencing
from lod.web.proxies import behind_proxies
from lod.web.searches import LeanSearch

READY_WAIT_SECONDS = 30.0
"""Longest a worker waits at a start for the others to be ready before it accepts connections."""
LOG_URL_CHARS = 512
"""Characters of a request's URL written to the access log; a longer one is cut, marked with its length."""


def truncated(text: str | None, limit: int = LOG_URL_CHARS) -> str | None:
    """`text` cut to `limit` characters, saying how long it was (a 1 MB URL is not a log line)."""
    if text is None or len(text) <= limit:
        return text
    return f"{text[:limit]}…[{len(text)} chars]"


class ShortLineLogger(Logger):  # type: ignore[misc]
    """gunicorn's access log with URLs cut to LOG_URL_CHARS."""

    def atoms(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U", "q", "f"):
            atoms[key] = truncated(atoms.get(key))
        return atoms


class HeadDeadlineProtocol(ASGIProtocol):  # type: ignore[misc]
    """gunicorn's HTTP/1 protocol, closing a connection whose first request head has not arrived
    within the worker's `request_read_seconds` (later heads are bounded by the keep-alive timer)."""

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._head_timer = self.worker.loop.call_later(self.worker.request_read_seconds, self._head_overdue)

    def _head_overdue(self) -> None:
        if self._current_request is None and not self._closed:
            self._keepalive_timeout()  # closes the transport and lets the connection's task end

    def _on_headers_complete(self) -> Any:
        self._head_timer.cancel()
        return super()._on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_timer.cancel()
        super().connection_lost(exc)


class LodWorker(gasgi.ASGIWorker):  # type: ignore[misc]
    """gunicorn's asyncio worker whose connections have a deadline on their first request head."""

    request_read_seconds = 10.0

    def init_process(self) -> None:
        # The worker module names the protocol it instantiates; in this (forked) worker process
        # it is ours. Nothing else in the process uses gasgi.
        gasgi.ASGIProtocol = HeadDeadlineProtocol
        # gunicorn records whether its C parser (gunicorn_h1c) is installed on the class that asks,
        # then reads the answer from ASGIProtocol itself: asked from our subclass, it always fell
        # back to the Python parser. Asked here, on ASGIProtocol, the subclass inherits the answer.
        ASGIProtocol._check_h1c_protocol_available()
        self.request_read_seconds = self.app.settings.request_read_seconds
        super().init_process()

    def run(self) -> None:
        self.loop.create_server = partial(_one_accept_a_turn, self.loop.create_server, self.cfg.backlog)
        super().run()


async def _one_accept_a_turn(create_server: Callable[..., Awaitable[Any]], backlog: int, *args: Any,
                             **kwargs: Any) -> Any:
    """The worker's server on the listening socket all workers share, taking one connection each
    time the socket is ready instead of all that wait.

    asyncio accepts up to `backlog` connections a turn of its loop: the worker that woke first
    took every connection a client opened at once (wrk's 8 keep-alive connections all went to
    one of two workers, whose GIL then held all of them while the other idled: /search at 8
    clients and 17,000 documents, 218 requests/s, p50 36.5 ms; one a turn, 341/s, p50 22.6 ms,
    docs/benchmarks.md). One a turn, the next goes to whichever worker's loop is free first: the
    less busy. The listen queue keeps gunicorn's `backlog` (asyncio would set it to its batch, 100)."""
    server = await create_server(*args, **{**kwargs, "backlog": 1})
    sock = kwargs.get("sock")
    if sock is not None:
        sock.listen(backlog)
    return server


class LodApplication(BaseApplication):  # type: ignore[misc]
    """gunicorn configured in code from our settings, instead of from a gunicorn config file."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # this server's own folder, fresh at each start and removed when it stops: the client-budget
        # ledger all its workers share, and which workers are ready
        self.folder = Path(tempfile.mkdtemp(prefix="lod-serve-"))
        self.budget_path = self.folder / "budget.sqlite"
        super().__init__()

    def load_config(self) -> None:
        c = self.settings
        options = {
            "bind": f"{c.host}:{c.port}",
            "workers": c.workers,
            "worker_class": "lod.serve.LodWorker",
            # open connections per worker (idle and slow ones included); beyond, new ones wait in the backlog
            "worker_connections": c.max_connections,
            "keepalive": 5,
            "asgi_lifespan": "off",
            "logger_class": "lod.serve.ShortLineLogger",
            # a worker answering a long query is busy, not stuck: give it the query's time and more
            "timeout": int(c.query_timeout) + 60,
            "graceful_timeout": 30,
            # long GET /sparql?query= URLs are allowed (the app answers 413 beyond max-request-bytes,
            # percent-encoding may triple a query); any longer request line is refused with 414 while
            # it is read, and other paths get 414 beyond max-url-bytes from the app
            "limit_request_line": max(c.max_url_bytes, 3 * c.max_request_bytes + 1024),
            "accesslog": "-" if c.access_log else None,
            "errorlog": "-",
            "loglevel": "info",
            # no shared control socket in $HOME: several servers (tests, staging) must coexist
            "control_socket_disable": True,
        }
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        c = self.settings
        app = create_app(c, budget_path=self.budget_path)
        # the query processes are started before this worker accepts anything: started beside the
        # first requests, their forkserver's imports took the CPU those requests needed
        app.extensions["lod"].pool.warm(wait=True)
        served = asgi_app(app, c.threads, c.max_request_bytes, c.request_read_seconds, query_path=SPARQL_PATH,
                          hot=LeanDereferencing(app, SPARQL_PATH),
                          search=behind_proxies(LeanSearch(app, SPARQL_PATH), c.trusted_proxies))
        # last, right before the loop accepts: a worker still building its application after
        # the others were ready let them take every connection waiting (seen under load)
        self._wait_for_the_other_workers()
        return served

    def _wait_for_the_other_workers(self) -> None:
        """At a start, no worker accepts before every worker is ready (or READY_WAIT_SECONDS).

        gunicorn listens before its workers have booted, and a connection stays with the worker
        that accepted it: the first worker ready took every keep-alive connection opened while
        the others were still starting (8 of 8 in 7 of 8 starts, measured), and served them alone
        for as long as they lived. Meanwhile connections wait in the listen queue. A worker
        started later (one that replaces another) finds the count reached and does not wait."""
        ready = self.folder / "ready"  # one file per worker ready
        ready.mkdir(exist_ok=True)
        (ready / str(os.getpid())).touch()
        deadline = time.monotonic() + READY_WAIT_SECONDS
        while len(os.listdir(ready)) < self.settings.workers and time.monotonic() < deadline:
            time.sleep(0.002)


def serve(settings: Settings) -> None:
    """Serve the build in `settings.data` until interrupted (what `lod serve` calls)."""
    settings = settings.replace(data=settings.data.resolve())
    try:  # before anything is served: SPARQL query processes must have no network (docs/security.md)
        sandbox.verify(settings.query_network_unconfined)
    except sandbox.Unconfined as exc:
        raise SystemExit(f"lod serve: {exc}") from None
    if not settings.store:  # the embedded store; an external engine (setting store) is loaded by `lod publish`
        # once, in the master: a store left by an earlier run is verified whole (and loaded again if damaged)
        load_build(settings.data, root=store_root(settings.data, settings.store_dir), deep=True)
    application = LodApplication(settings)
    try:
        application.run()
    finally:
        shutil.rmtree(application.folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    """`python -m lod.serve ARGS` is `lod serve ARGS` (one parser: lod.cli)."""
    from lod.cli import main as lod

    lod(["serve", *(sys.argv[1:] if argv is None else argv)], prog_name="lod")


if __name__ == "__main__":
    main()
