"""The Flask application: settings in force, the store, blueprints and response finishing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Mapping

from flask import Flask, Response, request
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader
from werkzeug.exceptions import HTTPException

from lod import settings as registry
from lod.store import QueryError, Store, open_store
from lod.web import browse, dumps, moved, pages, resources, search, sparql, vocabulary
from lod.web.budget import ClientBudget
from lod.web.http import finish_response, install_cors_preflight
from lod.web.querypool import QueryPool
from lod.web.runtime import Runtime, runtime


def resolve_settings(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every setting's value in force: explicit override, else environment, else default.
    Accepts `query_timeout` as well as `query-timeout`, so callers can pass keyword arguments."""
    given = {k.replace("_", "-"): v for k, v in (overrides or {}).items()}
    unknown = set(given) - {s.name for s in registry.SETTINGS}
    if unknown:
        raise KeyError(f"unknown settings: {sorted(unknown)}")
    return {s.name: registry.resolve(s.name, given.get(s.name)) for s in registry.SETTINGS}


def client_concurrency(config: Mapping[str, Any]) -> int:
    """Queries one client may run at once: the setting, but always fewer than the server's query
    processes (workers x query-processes), so that no one address can take all of them."""
    processes = int(config["workers"]) * int(config["query-processes"])
    return max(1, min(int(config["client-concurrency"]), processes - 1))
SPARQL_PATH = "/sparql"
"""Where a query may travel in the URL: its size is the endpoint's to judge (max-request-bytes, 413)."""


def _url_size_limit() -> Response | None:
    """414 for a request target longer than max-url-bytes (before any route reads it)."""
    if request.path == SPARQL_PATH:
        return None
    limit = int(runtime().config["max-url-bytes"])
    size = len(request.path.encode("utf-8", "surrogateescape")) + len(request.query_string)
    if size > limit:
        return Response(f"414 URI Too Long: the request target has {size} bytes, more than {limit} "
                        "(setting max-url-bytes)\n", status=414, mimetype="text/plain")
    return None


def _private_ledger(app: Flask) -> Path:
    """A budget ledger of this app alone, removed with it (TemporaryDirectory's finalizer)."""
    holder = tempfile.TemporaryDirectory(prefix="lod-budget-")
    app.extensions["lod-budget-dir"] = holder
    return Path(holder.name) / "budget.sqlite"


def create_app(
    settings: Mapping[str, Any] | None = None,
    store: Store | None = None,
    budget_path: Path | None = None,
    **overrides: Any,
) -> Flask:
    """A WSGI app serving the build in `settings["data"]`, or the given `store` (e.g. a RemoteStore).

    `budget_path` is the client-budget ledger shared by the workers of one server (lod.serve
    creates one per server); by default each app gets its own.
    """
    config = resolve_settings({**(settings or {}), **overrides})
    app = Flask(__name__)
    # the description pages' templates are lod.describe's (the build renders them too): one copy
    app.jinja_loader = ChoiceLoader([FileSystemLoader(str(Path(__file__).parent / "templates")),
                                     PackageLoader("lod.describe", "templates")])
    app.config["MAX_CONTENT_LENGTH"] = int(config["max-request-bytes"])
    app.json.sort_keys = False  # type: ignore[attr-defined]
    holder = open_store(config) if store is None else None  # the settings `store` and `engine` choose
    app.extensions["lod"] = Runtime(
        config=config,
        holder=holder,
        fixed_store=store,
        pool=QueryPool(
            size=int(config["query-processes"]), keep_idle=int(config["query-processes-idle"]),
            queue=int(config["query-queue"]), queue_seconds=float(config["query-queue-seconds"]),
            memory_mb=int(config["query-memory-mb"]),
            allow_unconfined=registry.flag(config["query-network-unconfined"]),
        ),
        budget=ClientBudget(
            client_concurrency(config),
            float(config["client-seconds-per-minute"]),
            budget_path or _private_ledger(app),
            stale_after=float(config["query-timeout"]) + 120,
        ),
    )
    install_cors_preflight(app)
    app.before_request(_url_size_limit)
    for module in (moved, sparql, dumps, resources, pages, search, browse, vocabulary):
        app.register_blueprint(module.bp)

    @app.after_request
    def _finish(response: Response) -> Response:
        rt = runtime()
        return finish_response(response, rt.config, rt.last_modified())

    @app.errorhandler(QueryError)
    def _query_error(exc: QueryError) -> Response:
        """A page's query refused a value from the request (e.g. an IRI with a quote in it)."""
        status = exc.status if 400 <= exc.status < 600 else 400
        return Response(f"{status}: {exc}\n", status=status, mimetype="text/plain")

    @app.errorhandler(HTTPException)
    def _error(exc: HTTPException) -> Response:
        """Errors as short plain text (HTML for browsers), always with the reason."""
        message = f"{exc.code} {exc.name}: {exc.description}"
        if "text/html" in request.headers.get("Accept", ""):
            from flask import render_template

            response = Response(render_template("error.html", code=exc.code, name=exc.name,
                                                description=exc.description), status=exc.code, mimetype="text/html")
        else:
            response = Response(message + "\n", status=exc.code, mimetype="text/plain")
        # what the exception says about itself (405's Allow, 416's Content-Range, 401's challenge)
        for name, value in exc.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    return app
