"""Full-text search over the build's index, `/search` (HTML and JSON) and `/opensearch.xml`.

Served with the SPARQL endpoint's limits: each search is charged to its client's budget
(lod.web.budget: searches at once and seconds per minute, 429 beyond), stopped at
`search-timeout` (503), and answers at most `MAX_PAGE_SIZE` hits a page and `MAX_PAGE` pages.
A query the index cannot take (too long, nothing to search for, an unknown facet or parameter)
is a 400 saying why. The words people type never become query syntax (lod.search.query).
The web layer only reads the index; lod.search and `lod build` make it. How a question is
read, answered, cached and encoded is lod.web.searches, shared with its lean path; this module
is the Flask view and the HTML page.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request

from lod.search import FACETS, MAX_QUERY_CHARS
from lod.web.searches import HTML, JSON, PATH, json_response, marked, negotiated, question, searches_of

__all__ = ["HTML", "JSON", "bp", "marked"]

bp = Blueprint("search", __name__)

OPENSEARCH = "application/opensearchdescription+xml"


@bp.route(PATH)
def search() -> Response:
    """The page or the JSON; the JSON of a served build is answered by lod.web.searches.LeanSearch
    before it gets here, with the same functions."""
    asked = question(request)
    if isinstance(asked, Response):
        return asked
    if asked.fmt == HTML and asked.empty:
        return negotiated(Response(render_template("search.html", result=None, q="", facets=FACETS)))
    found = searches_of(current_app).answer(asked, request.remote_addr or "unknown")
    if isinstance(found, Response):
        return found
    if asked.fmt == JSON:
        return json_response(found, request)
    response = Response(render_template("search.html", result=found.view(), q=asked.q, facets=FACETS))
    response.headers["X-Result-Count"] = str(found.total)
    return negotiated(response)


@bp.route("/opensearch.xml")
def opensearch() -> Response:
    """The OpenSearch description browsers use to add the site's search to their search bar."""
    root = request.url_root.rstrip("/")
    body = render_template("opensearch.xml", root=root, max_chars=MAX_QUERY_CHARS)
    return Response(body, mimetype=OPENSEARCH)
