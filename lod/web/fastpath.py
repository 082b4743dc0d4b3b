"""The lean path: dereferencing answered without Flask's per-request machinery.

Dereferencing is most of what a Linked Data server is asked, and each answer is a negotiation,
a stat and a read of a file the build wrote (lod.web.resources). Flask's request and app
contexts, blueprint hooks and error handlers cost about as much CPU as that work itself
(py-spy under 8 clients: docs/benchmarks.md, "Serving fast paths"). This WSGI app answers the
routes of `lod.web.resources.ROUTES` with the same handlers and werkzeug's request, response
and routing objects, finished by the same `finish_response` (security headers, CORS,
Cache-Control, ETag, Last-Modified, 304). Anything else, and anything that is not a plain
success (a 404, 406, a moved IRI's 301, a too long URL, a server under a path prefix, an
error), is handed to the Flask app, which answers it as it always did: one place for errors,
templates and hooks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect
from werkzeug.wrappers import Request, Response

from lod.web import manifestations, moved
from lod.web.http import finish_response, oversized_target
from lod.web.resources import URLS
from lod.web.runtime import Runtime

LEAN_STATUSES = frozenset({200, 303})
"""What the lean path answers itself; any other status is the Flask app's to make."""
log = logging.getLogger(__name__)


def wsgi_path(environ: dict[str, Any]) -> str:
    """PATH_INFO as werkzeug's routing reads it (WSGI's latin-1 string, its bytes taken as UTF-8)."""
    return str(environ.get("PATH_INFO", "")).encode("latin-1").decode("utf-8", "replace")


class LeanDereferencing:
    """A WSGI app: `ROUTES` answered directly, everything else by `app` (the Flask app)."""

    def __init__(self, app: Flask, exempt_path: str) -> None:
        self.app = app
        self.runtime: Runtime = app.extensions["lod"]
        self.exempt_path = exempt_path
        # bound once: Map.bind_to_environ per request (host checks, IRI quoting of the host) was an
        # eighth of this path's CPU; the routes do not depend on the host, only on the path
        self.urls = URLS.bind("lod.invalid")

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        response = self.answer(Request(environ))
        if response is None:
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        return response(environ, start_response)

    def answer(self, req: Request) -> Response | None:
        """The answer to `req` if it is a plain success on a dereferencing route, else None."""
        rt = self.runtime
        if req.method not in ("GET", "HEAD") or req.script_root or manifestations.is_manifestation(req.path):
            return None  # an AKN file is sent by Flask's send_file, in Flask's context
        if oversized_target(req, rt.config.max_url_bytes, self.exempt_path) is not None:
            return None
        try:
            handler, arguments = self.urls.match(wsgi_path(req.environ), req.method)
        except (HTTPException, RequestRedirect):  # not ours (404, 405) or a slash to add: Flask says so
            return None
        table = moved.current_table(rt.data, rt.config.reload_check_seconds)
        if table is not None and table.moved(req.path) is not None:
            return None
        try:
            response: Response = handler(req, rt, **arguments)
        except HTTPException:  # 404, 400 …: Flask's error handler words and formats it
            return None
        except Exception:  # noqa: BLE001 - Flask runs it again, answers 500 and logs the traceback
            log.debug("lean path handed %s to Flask after an error", req.path, exc_info=True)
            return None
        if response.status_code not in LEAN_STATUSES:
            return None
        return finish_response(response, rt.config, rt.last_modified(), req)
