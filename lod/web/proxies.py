"""Who the client is behind reverse proxies: the setting `trusted-proxies`, with werkzeug's ProxyFix.

The per-client budgets (lod.web.budget) are keyed by the request's remote address. Behind the
reverse proxy docs/deploy.md recommends, that address is the proxy's for every request, so
without this all users would share one budget; believing `X-Forwarded-For` from a client that
reaches the server directly would let it pick the address it is charged to. So the headers are
believed from exactly as many proxies as the setting says, and ignored by default.
"""

from __future__ import annotations

from typing import Any, Callable

from werkzeug.middleware.proxy_fix import ProxyFix

WSGIApp = Callable[..., Any]


def behind_proxies(app: WSGIApp, trusted: int) -> WSGIApp:
    """`app` reading the client's address, scheme and host from the `trusted` nearest proxies'
    X-Forwarded-* headers (applying it twice to one request gives the same environ: both read the
    same headers); `app` itself when `trusted` is 0."""
    if trusted <= 0:
        return app
    return ProxyFix(app, x_for=trusted, x_proto=trusted, x_host=trusted)
