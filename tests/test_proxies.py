"""Behind reverse proxies (setting trusted-proxies), each client's budget is its own address's.

A search spends more than the tiny budget these apps give, so a second search from the same
client is refused (429) while another client is still answered: which addresses count as one
client is what is tested, on the Flask view and on the lean path `lod serve` answers /search
with, on a real build of the test corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug.test import Client

from lod.web.app import SPARQL_PATH, create_app
from lod.web.proxies import behind_proxies
from lod.web.searches import LeanSearch

SEARCH = "/search?q=peace&format=json"
PROXY = {"REMOTE_ADDR": "10.0.0.1"}


def _apps(build: Path, store: Path, trusted: int) -> list[object]:
    app = create_app(data=str(build), store_dir=str(store), search_cache=0, client_seconds_per_minute=1e-9,
                     trusted_proxies=trusted)
    return [app, behind_proxies(LeanSearch(app, SPARQL_PATH), trusted)]


def _status(app: object, client: str) -> int:
    return Client(app).get(SEARCH, headers={"X-Forwarded-For": client}, environ_base=PROXY).status_code  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [0, 1], ids=["flask", "lean"])
def test_behind_a_trusted_proxy_each_forwarded_address_has_its_own_budget(corpus_build: Path, tmp_path: Path,
                                                                           kind: int) -> None:
    app = _apps(corpus_build, tmp_path / "store", 1)[kind]
    assert _status(app, "192.0.2.1") == 200
    assert _status(app, "192.0.2.1") == 429  # its budget is spent
    assert _status(app, "192.0.2.2") == 200  # another client behind the same proxy is not
    # a client that sends its own X-Forwarded-For through the proxy is still the address the proxy saw
    assert _status(app, "192.0.2.3, 192.0.2.1") == 429


@pytest.mark.parametrize("kind", [0, 1], ids=["flask", "lean"])
def test_without_trusted_proxies_the_header_is_ignored(corpus_build: Path, tmp_path: Path, kind: int) -> None:
    app = _apps(corpus_build, tmp_path / "store", 0)[kind]
    assert _status(app, "192.0.2.1") == 200
    assert _status(app, "192.0.2.2") == 429  # the same address (10.0.0.1): the header chooses nothing


def test_links_a_page_builds_use_the_forwarded_scheme_and_host(corpus_build: Path, tmp_path: Path) -> None:
    app = _apps(corpus_build, tmp_path / "store", 1)[0]
    headers = {"X-Forwarded-For": "192.0.2.1", "X-Forwarded-Proto": "https", "X-Forwarded-Host": "lod.example.org"}
    body = Client(app).get("/opensearch.xml", headers=headers, environ_base=PROXY).get_data(as_text=True)  # type: ignore[arg-type]
    assert "https://lod.example.org/search" in body
