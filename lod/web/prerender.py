"""The renderer of one store version: every work's descriptions, written to the shared directory.

Started by a worker (lod.web.rendered.Warmer) as `python -m lod.web.prerender --store DIR
--lock-fd N SETTINGS_JSON`. It runs at the lowest CPU priority, holds the version's lock file
(inherited as descriptor N) until it exits, skips what is already rendered, marks the version
complete at the end, and stops as soon as the worker that started it is gone (a server that
stops must not leave a renderer behind).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("lod.web.prerender")
PHASES = ("data", "page")
"""Every work's machine-readable formats first (what Linked Data clients ask for), then pages."""


def render_version(store_dir: Path, config: dict[str, Any]) -> int:
    """Render every work of the store at `store_dir`; the number of works, or -1 when stopped."""
    from lod.store import OxigraphStore
    from lod.web import queries, resources
    from lod.web.app import create_app
    from lod.web.runtime import runtime

    parent = os.getppid()
    store = OxigraphStore.open_read_only(store_dir)
    app = create_app({**config, "prerender": False}, store=store)
    with app.app_context():
        shared = resources.rendered_dir(runtime(), store, store.version)
        works = [str(row["work"]) for row in store.select(queries.WORKS)]
    if shared is None:
        return 0
    for phase in PHASES:
        for work in works:
            if os.getppid() != parent:
                return -1
            resources.render_work(app, work, phase)
    shared.mark_complete()
    return len(works)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m lod.web.prerender", description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="the store version directory to render")
    parser.add_argument("--lock-fd", type=int, help="inherited descriptor holding the version's lock (kept open)")
    parser.add_argument("settings", help="the server's settings in force, as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[%(asctime)s] [%(process)d] [%(levelname)s] %(message)s")
    try:
        os.nice(19)  # requests first: this process only gets the CPU they leave idle
    except OSError:
        pass
    started = time.monotonic()
    try:
        count = render_version(args.store, json.loads(args.settings))
    except Exception:  # noqa: BLE001 - an optimization: the workers render on demand anyway
        log.warning("prerendering %s stopped", args.store.name, exc_info=True)
        raise SystemExit(1) from None
    if count >= 0:
        log.info("rendered %d works of %s in %.0f s", count, args.store.name, time.monotonic() - started)


if __name__ == "__main__":
    main()
