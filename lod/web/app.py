"""The Flask application: settings in force, the store, blueprints and response finishing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Mapping

from flask import Flask, Response, request
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader
from werkzeug.exceptions import HTTPException

from lod import settings as registry
from lod.settings import Settings
from lod.store import QueryError, Store, open_store
from lod.web import browse, dumps, moved, pages, resources, search, sparql, vocabulary
from lod.web.budget import ClientBudget
from lod.web.http import finish_response, install_cors_preflight, oversized_target
from lod.web.proxies import behind_proxies
from lod.web.querypool import QueryPool
from lod.web.runtime import Runtime, runtime


def client_concurrency(settings: Settings) -> int:
    """Queries one client may run at once: the setting, but always fewer than the server's query
    processes (workers x query-processes), so that no one address can take all of them."""
    processes = settings.workers * settings.query_processes
    return max(1, min(settings.client_concurrency, processes - 1))


SPARQL_PATH = "/sparql"
"""Where a query may travel in the URL: its size is the endpoint's to judge (max-request-bytes, 413)."""


def _url_size_limit() -> Response | None:
    """414 for a request target longer than max-url-bytes (before any route reads it)."""
    return oversized_target(request, runtime().config.max_url_bytes, SPARQL_PATH)


def _private_ledger(app: Flask) -> Path:
    """A budget ledger of this app alone, removed with it (TemporaryDirectory's finalizer)."""
    holder = tempfile.TemporaryDirectory(prefix="lod-budget-")
    app.extensions["lod-budget-dir"] = holder
    return Path(holder.name) / "budget.sqlite"


def create_app(
    settings: Settings | Mapping[str, Any] | None = None,
    store: Store | None = None,
    budget_path: Path | None = None,
    **overrides: Any,
) -> Flask:
    """A WSGI app serving the build in `settings.data`, or the given `store` (e.g. a RemoteStore).

    `settings` (a `Settings`, or a mapping of some settings by name) and `overrides` (keyword
    arguments: `query_timeout=5`) are resolved once against the environment and the defaults.

    `budget_path` is the client-budget ledger shared by the workers of one server (lod.serve
    creates one per server); by default each app gets its own.
    """
    if isinstance(settings, Settings):
        config = settings.replace(**overrides) if overrides else settings
    else:
        config = registry.resolve({**(settings or {}), **overrides})
    app = Flask(__name__)
    # the description pages' templates are lod.describe's (the build renders them too): one copy
    app.jinja_loader = ChoiceLoader([FileSystemLoader(str(Path(__file__).parent / "templates")),
                                     PackageLoader("lod.describe", "templates")])
    # their words are gettext messages (lod.describe.i18n): the server's own pages are English
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    app.config["MAX_CONTENT_LENGTH"] = config.max_request_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]
    holder = open_store(config) if store is None else None  # the settings `store` and `engine` choose
    app.extensions["lod"] = Runtime(
        config=config,
        holder=holder,
        fixed_store=store,
        pool=QueryPool(
            size=config.query_processes, keep_idle=config.query_processes_idle,
            queue=config.query_queue, queue_seconds=config.query_queue_seconds,
            memory_mb=config.query_memory_mb,
            allow_unconfined=config.query_network_unconfined,
        ),
        budget=ClientBudget(
            client_concurrency(config),
            config.client_seconds_per_minute,
            budget_path or _private_ledger(app),
            stale_after=config.query_timeout + 120,
        ),
    )
    app.wsgi_app = behind_proxies(app.wsgi_app, config.trusted_proxies)  # type: ignore[method-assign]
    install_cors_preflight(app)
    app.before_request(_url_size_limit)
    for module in (moved, sparql, dumps, resources, pages, search, browse, vocabulary):
        app.register_blueprint(module.bp)

    @app.after_request
    def _finish(response: Response) -> Response:
        rt = runtime()
        return finish_response(response, rt.config, rt.last_modified(), request)

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
