"""IRIs never break: a work IRI whose date is not the work's date now answers 301.

The build writes `work-iris.json` (lod.publish.workiris): actor + number → the current work
path, earlier paths of renamed documents, paths gone for good. Before any route runs, an
`/akn/…` request is looked up there, with no SPARQL query: a known actor and number under
another date (an approximate date in a citation, a date misprinted or mistyped) is sent on
with 301 to the same path under the current date (`/data.ttl`, `/eng@/!main.xml` kept); a
recorded path of a renamed document to its new IRI; a path gone for good answers 410. The
current IRI and unknown numbers go on to the routes (303 as always, or 404).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Response, abort, redirect, request

from lod.publish.workiris import WORK_IRIS, WorkIRITable
from lod.web.runtime import runtime

bp = Blueprint("moved", __name__)


@dataclass(frozen=True)
class _Loaded:
    stamp: tuple[int, int, int]
    table: WorkIRITable
    checked: float


_tables: dict[Path, _Loaded] = {}
"""Per output folder, its table as last read; read again when the file changes (a new build)."""


def current_table(data: Path, every: float = 0.0) -> WorkIRITable | None:
    """The build's table, or None for a build without one (made before it existed).

    The file is looked at again at most every `every` seconds (the server's reload-check
    seconds, as for the store: a new build is noticed as soon as the store notices it), not
    at every request."""
    now = time.monotonic()
    loaded = _tables.get(data)
    if loaded is not None and now - loaded.checked < every:
        return loaded.table
    path = data / WORK_IRIS
    try:
        st = path.stat()
    except OSError:
        return None
    stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
    table = loaded.table if loaded is not None and loaded.stamp == stamp else WorkIRITable.read(path)
    _tables[data] = _Loaded(stamp, table, now)
    return table


@bp.before_app_request
def moved_work() -> Response | None:
    if not request.path.startswith("/akn/"):
        return None
    rt = runtime()
    table = current_table(rt.data, rt.config.reload_check_seconds)
    answer = table.moved(request.path) if table is not None else None
    if answer is None:
        return None
    status, target = answer
    if status == 410:
        abort(410, description=f"The work {request.path} was published here once and is no longer in this dataset.")
    query = request.query_string.decode("latin-1")
    response = redirect(request.script_root + target + (f"?{query}" if query else ""), code=301)
    return response
