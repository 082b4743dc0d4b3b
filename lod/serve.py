"""`lod serve`: publish an existing build with gunicorn (never the Flask development server).

The master loads the build's N-Quads dump into the on-disk store once, before forking, so
workers only ever open it read-only. Workers are `gthread` workers: each serves several requests
at once, which a long SPARQL query (running in a child process) must not block.

`python -m lod.serve --data output --port 8080 --query-timeout 5` runs it without the CLI; every
setting of lod.settings is an option there.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Any

from gunicorn.app.base import BaseApplication

from lod import settings as registry
from lod.store import load_build, store_root
from lod.web import sandbox
from lod.web.app import create_app, resolve_settings


class LodApplication(BaseApplication):  # type: ignore[misc]
    """gunicorn configured in code from our settings, instead of from a gunicorn config file."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config_values = config
        # one client-budget ledger for all workers of this server, fresh at each start
        self.budget_path = Path(tempfile.mkdtemp(prefix="lod-serve-")) / "budget.sqlite"
        super().__init__()

    def load_config(self) -> None:
        c = self.config_values
        options = {
            "bind": f"{c['host']}:{c['port']}",
            "workers": int(c["workers"]),
            "worker_class": "gthread",
            "threads": int(c["threads"]),
            # a worker answering a long query is busy, not stuck: give it the query's time and more
            "timeout": int(float(c["query-timeout"])) + 60,
            "graceful_timeout": 30,
            # long GET ?query= URLs are allowed; the app answers 413 beyond max-request-bytes
            "limit_request_line": 0,
            "accesslog": "-" if registry.flag(c["access-log"]) else None,
            "errorlog": "-",
            "loglevel": "info",
            # no shared control socket in $HOME: several servers (tests, staging) must coexist
            "control_socket_disable": True,
        }
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        app = create_app(self.config_values, budget_path=self.budget_path)
        app.extensions["lod"].pool.warm()
        return app


def serve(data: Path, host: str | None = None, port: int | None = None, workers: int | None = None,
          **settings: Any) -> None:
    """Serve the build in `data` until interrupted (what `lod serve` calls)."""
    config = resolve_settings({"data": str(Path(data).resolve()), "host": host, "port": port, "workers": workers, **settings})
    data_dir = Path(config["data"])
    try:  # before anything is served: SPARQL query processes must have no network (docs/security.md)
        sandbox.verify(registry.flag(config["query-network-unconfined"]))
    except sandbox.Unconfined as exc:
        raise SystemExit(f"lod serve: {exc}") from None
    load_build(data_dir, root=store_root(data_dir, config["store-dir"]))  # once, in the master
    application = LodApplication(config)
    try:
        application.run()
    finally:
        shutil.rmtree(application.budget_path.parent, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lod.serve", description=__doc__.splitlines()[0])
    for s in registry.SETTINGS:
        parser.add_argument(f"--{s.name}", dest=s.name.replace("-", "_"), type=s.type, default=None,
                            help=f"{s.help} (default {s.default}; env {s.env})")
    args = {k: v for k, v in vars(parser.parse_args(argv)).items() if v is not None}
    data = Path(args.pop("data", registry.resolve("data")))
    serve(data, **args)


if __name__ == "__main__":
    main()
