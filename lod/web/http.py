"""Cross-cutting HTTP behaviour applied to every response: caching, validators, gzip, CORS,
security headers.

Done once after each request rather than in every view, so no route can forget it. Order
matters: the body is compressed first (deterministically, mtime 0), the ETag is computed on the
bytes actually sent, then conditional requests are answered from it (304).
"""

from __future__ import annotations

import gzip
from email.utils import formatdate
from functools import lru_cache

from typing import TypeVar

from flask import Flask, Response, request
from werkzeug.wrappers import Request
from werkzeug.wrappers import Response as BaseResponse

from lod.formats import COMPRESSIBLE, TURTLE
from lod.settings import Settings

R = TypeVar("R", bound=BaseResponse)
_COMPRESSIBLE = COMPRESSIBLE
_MIN_GZIP = 512
GZIP_LEVEL = 6
VOID_LINK = f'</.well-known/void>; rel="describedby"; type="{TURTLE.mime}"'

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # the site's own scripts and styles only (lod/web/static); no inline script, no framing
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}
"""Headers every response carries, whatever route or error produced it."""
CORS_HEADERS = (
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Expose-Headers", "Content-Location, Link, ETag, Retry-After, Vary"),
)
"""What any site's scripts may read of an answer."""


def add_security_headers(response: R) -> R:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def gzip_body(body: bytes) -> bytes:
    """The gzip encoding a page made per request gets on the way out: deterministic (mtime 0),
    so the same page gives the same bytes and the same ETag."""
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def gzip_wanted(req: Request, body: bytes) -> bool:
    """Whether `body`, made for `req`, is sent gzip-encoded (long enough to gain, and asked for)."""
    return len(body) >= _MIN_GZIP and "gzip" in req.headers.get("Accept-Encoding", "").lower()


def _compressible(response: BaseResponse, mimetype: str, present: set[str]) -> bool:
    """A text-like body we built in memory (files from disk are sent as they are)."""
    return (
        response.status_code == 200
        and not response.direct_passthrough
        and not response.is_streamed
        and "content-encoding" not in present
        and any(mimetype.lower().startswith(c) for c in _COMPRESSIBLE)
    )


@lru_cache(maxsize=8)
def _http_date(timestamp: float) -> str:
    return formatdate(timestamp, usegmt=True)


def finish_response(response: R, config: Settings, last_modified: float | None, req: Request) -> R:
    """Add CORS, security headers, Cache-Control, gzip, ETag and Last-Modified; answer conditional
    GETs of `req` with 304 (Flask's after-request hook and the lean path of lod.web.fastpath).

    The headers present are listed once and the missing ones added together: werkzeug's
    `Headers.setdefault` scans every header (lower-casing each name) and builds an exception
    for each miss, which made this a fifth of a dereference's CPU."""
    headers = response.headers
    present = {name.lower() for name, _ in headers}
    missing = [(name, value) for name, value in SECURITY_HEADERS.items() if name.lower() not in present]
    mimetype = response.mimetype or ""
    if mimetype == "text/html":
        link = headers.get("Link", "") if "link" in present else ""
        if "/.well-known/void" not in link:
            headers["Link"] = ", ".join(part for part in (link, VOID_LINK) if part)
            present.add("link")
    missing += [(name, value) for name, value in CORS_HEADERS if name.lower() not in present]
    finished = req.method in ("GET", "HEAD") and response.status_code in (200, 303)
    if "cache-control" not in present:
        missing.append(("Cache-Control", f"public, max-age={config.cache_max_age}" if finished else "no-store"))
    headers.extend(missing)
    present.update(name.lower() for name, _ in missing)
    if not finished or response.status_code != 200:
        return response
    if _compressible(response, mimetype, present):
        response.vary.add("Accept-Encoding")
        body = response.get_data()
        if gzip_wanted(req, body):
            response.set_data(gzip_body(body))
            response.headers["Content-Encoding"] = "gzip"
    if "etag" not in present and not response.direct_passthrough and not response.is_streamed:
        response.add_etag()
    if last_modified and "last-modified" not in present:
        headers["Last-Modified"] = _http_date(last_modified)
    return response.make_conditional(req)


def oversized_target(req: Request, limit: int, exempt: str) -> Response | None:
    """414 for a request target longer than `limit` bytes (setting max-url-bytes); the path
    `exempt` (the SPARQL endpoint, whose query may travel in the URL) judges its own size."""
    if req.path == exempt:
        return None
    size = len(req.path.encode("utf-8", "surrogateescape")) + len(req.query_string)
    if size > limit:
        return Response(f"414 URI Too Long: the request target has {size} bytes, more than {limit} "
                        "(setting max-url-bytes)\n", status=414, mimetype="text/plain")
    return None


def install_cors_preflight(app: Flask) -> None:
    """Answer CORS preflight for the endpoint and RDF (POST with application/sparql-query)."""

    @app.before_request
    def _preflight() -> Response | None:
        if request.method == "OPTIONS":
            response = add_security_headers(Response(status=204))
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, HEAD, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Accept, Content-Type, If-None-Match, If-Modified-Since"
            response.headers["Access-Control-Max-Age"] = "86400"
            return response
        return None
