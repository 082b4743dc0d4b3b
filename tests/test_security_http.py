"""Hostile HTTP clients against the real server (gunicorn's asyncio worker, lod.serve) on loopback.

Slow and idle connections, oversized URLs and names, wrong methods, and the issue-9 "done when":
pages answer within 1 s (p99) while 20 slow connections, 20 runaway queries from 20 addresses and
20 large queries are in flight. Every wait is bounded; the clients are bench/hostile.py's, the
same the 10-minute load of docs/benchmarks.md runs.
"""

from __future__ import annotations

import re
import selectors
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from bench.common import percentile
from bench.hostile import Tally, clients_for, hostile, pages, slow_client
from lod.uri import DEFAULT_BASE
from lod.web.http import SECURITY_HEADERS
from lod.describe.page import Linker, resource_page
from server_fixtures import TEST_SETTINGS, Server, path_of

READ_SECONDS = float(TEST_SETTINGS["request-read-seconds"])  # type: ignore[arg-type]


def _address(server: Server) -> tuple[str, int]:
    parts = urlsplit(server.url)
    return parts.hostname or "127.0.0.1", parts.port or 80


def _page_paths(server: Server, works: list[dict[str, str]]) -> list[str]:
    """Pages a person reads: home, lists, two resolutions, the query form, the downloads."""
    return ["/", "/documents", "/sparql", "/dumps/"] + [path_of(w["work"]) for w in works[:2]]


def _pages_while(server: Server, paths: list[str], seconds: float, clients: int = 2, pause: float = 0.05) -> Tally:
    """Page requests from `clients` ordinary clients for `seconds`; what they saw."""
    return clients_for(server.url, lambda k: pages(paths[k:] + paths[:k]), clients, seconds, timeout=10, pause=pause)[0]


def _assert_pages_fast(tally: Tally, what: str) -> None:
    redirects_or_ok = {s: n for s, n in tally.statuses.items() if s not in (200, 303)}
    assert not tally.failures and not redirects_or_ok, f"{what}: {tally.failures[:3]} {redirects_or_ok}"
    assert tally.count >= 20, f"{what}: only {tally.count} page requests were answered"
    p99 = percentile(tally.latencies, 99)
    assert p99 <= 1.0, f"{what}: page p99 {p99:.2f} s over {tally.count} requests (max {max(tally.latencies):.2f} s)"


# --- headers, sizes, methods ------------------------------------------------------------------

@pytest.mark.parametrize("method, path", [
    ("GET", "/"), ("GET", "/sparql"), ("GET", "/dumps/"), ("GET", "/dumps/lod.nt.gz"), ("GET", "/static/style.css"),
    ("GET", "/no/such/page"), ("DELETE", "/"), ("OPTIONS", "/sparql"), ("GET", "/sparql?query=SELEC"),
    ("GET", "/?q=" + "x" * 10_000),
])
def test_every_response_carries_the_security_headers(server: Server, method: str, path: str) -> None:
    response = requests.request(method, server.url + path, timeout=30, allow_redirects=False)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (method, path, response.status_code, name)


def test_the_pages_need_nothing_the_content_security_policy_forbids(server: Server) -> None:
    """CSP allows only the site's own scripts and styles: the pages have no inline script or
    style, and every script and stylesheet they load is on the site and answers."""
    for path in ("/", "/sparql", "/documents", "/dumps/"):
        html = server.get(path, headers={"Accept": "text/html"}).text
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), path
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            assert 'type="application/json"' in attrs or not body.strip(), f"inline script on {path}"
        for src in re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+\.(?:js|css))"', html):
            assert src.startswith("/") and not src.startswith("//"), src
            assert server.get(src).status_code == 200, src


@pytest.mark.parametrize("folder", ["dumps", "documents"])
def test_a_name_longer_than_the_file_system_allows_is_404(server: Server, folder: str) -> None:
    for name in ("a" * 300, "a" * 300 + ".ttl", "é" * 200, "x/" * 200 + "y"):
        response = server.get(f"/{folder}/{name}")
        assert response.status_code == 404, (folder, len(name), response.status_code)


def test_a_url_beyond_max_url_bytes_is_414_and_logged_short(server: Server) -> None:
    marker = "longurl" + "z" * 20_000
    response = server.get("/documents?q=" + marker)
    assert response.status_code == 414
    assert "max-url-bytes" in response.text
    assert server.get("/documents?q=" + "z" * 1000).status_code == 200
    time.sleep(0.5)  # the access log line is written after the answer
    lines = [line for line in server.log.read_text(errors="replace").splitlines() if "longurl" in line]
    assert lines, "the request is in the access log"
    assert all(len(line) < 2000 for line in lines), max(len(line) for line in lines)
    assert "chars]" in lines[-1]


def test_a_huge_request_line_is_refused_while_it_is_read(server: Server) -> None:
    """20 MB in the URL is neither read whole nor parsed: 414 after the first megabyte or so."""
    started = time.monotonic()
    with socket.create_connection(_address(server), timeout=20) as sock:
        sock.sendall(b"GET /?q=")
        answer = b""
        try:
            for _ in range(20 * 16):
                sock.sendall(b"x" * 65536)
        except OSError:
            pass  # the server answered and closed while we were still sending
        try:
            answer = sock.recv(200)
        except OSError:
            pass
    assert answer.startswith(b"HTTP/1.1 414") or answer == b"", answer[:80]
    assert time.monotonic() - started < 15
    assert server.get("/").status_code == 200


def test_a_sparql_query_in_the_url_may_be_as_long_as_max_request_bytes(server: Server) -> None:
    query = "ASK {} #" + "x" * (int(TEST_SETTINGS["max-request-bytes"]) - 100)  # type: ignore[arg-type]
    response = server.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text[:200]


def test_a_wrong_method_is_405_with_allow(server: Server) -> None:
    for method, path in (("DELETE", "/"), ("PUT", "/dumps/lod.ttl"), ("PATCH", "/sparql")):
        response = requests.request(method, server.url + path, timeout=30)
        assert response.status_code == 405, (method, path)
        allowed = {m.strip() for m in response.headers.get("Allow", "").split(",")}
        assert "GET" in allowed and method not in allowed, (method, path, allowed)


def test_an_iri_with_a_double_slash_never_links_to_another_site() -> None:
    """{base}//evil.example/x is an IRI on our base whose path a browser reads as a host."""
    base = DEFAULT_BASE
    graph = Graph()
    subject = URIRef(base + "/dataset")
    for tail in ("//evil.example/x", "/\\evil.example/x", "/documents"):
        graph.add((subject, RDFS.seeAlso, URIRef(base + tail)))
    linker = Linker(base, graph)
    assert linker.href(base + "/documents") == "/documents"
    hrefs = [value.link.href for _, values in resource_page(graph, str(subject), base).metadata
             for value in values if value.link]
    assert "/documents" in hrefs and len(hrefs) == 3
    for href in hrefs:
        assert href.startswith("/") and not href.startswith(("//", "/\\")), href


# --- slow and idle connections ----------------------------------------------------------------

def test_a_connection_that_never_finishes_its_head_is_closed(server: Server) -> None:
    with socket.create_connection(_address(server), timeout=READ_SECONDS + 10) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        assert sock.recv(100) == b""  # closed by the server, nothing answered
        waited = time.monotonic() - started
    assert READ_SECONDS - 0.5 <= waited <= READ_SECONDS + 5, waited


def test_a_trickled_body_is_answered_408(server: Server) -> None:
    with socket.create_connection(_address(server), timeout=READ_SECONDS + 10) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK")
        started = time.monotonic()
        answer = b""
        while time.monotonic() - started < READ_SECONDS + 5:
            sock.sendall(b" ")
            sock.settimeout(1.0)
            try:
                time.sleep(0.2)
                answer = sock.recv(4000)
                break
            except TimeoutError:
                continue
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
    assert b"request-read-seconds" in answer
    assert b"x-content-type-options: nosniff" in answer.lower()


def test_pages_answer_while_twenty_connections_send_a_byte_a_second(server: Server, published_works) -> None:
    stop, slow = threading.Event(), Tally()
    threads = [threading.Thread(target=slow_client, args=(server.url, stop, slow), daemon=True) for _ in range(20)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        tally = _pages_while(server, _page_paths(server, published_works), seconds=READ_SECONDS + 3)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=5)
    _assert_pages_fast(tally, "with 20 slow connections")
    assert len(slow.failures) >= 20, "the slow connections were closed at request-read-seconds"


def _still_open(sockets: list[socket.socket], deadline: float) -> list[socket.socket]:
    """The sockets the server has not closed by `deadline` (monotonic): each is watched until it
    reads end-of-file (or a reset), so a late close is waited for and an early one is not."""
    waiting = set(sockets)
    with selectors.DefaultSelector() as selector:  # epoll: a thousand descriptors is past select()'s limit
        for sock in sockets:
            selector.register(sock, selectors.EVENT_READ)
        while waiting and time.monotonic() < deadline:
            for key, _ in selector.select(timeout=min(1.0, max(0.0, deadline - time.monotonic()))):
                sock = key.fileobj
                try:
                    closed = sock.recv(1) == b""  # type: ignore[union-attr]
                except OSError:
                    closed = True
                if closed:
                    selector.unregister(sock)
                    waiting.discard(sock)  # type: ignore[arg-type]
    return list(waiting)


def test_a_thousand_idle_connections_are_held_while_pages_answer_then_closed(server: Server, published_works) -> None:
    """Idle connections cost the server no thread: pages answer while 1000 are open, and each is
    closed once its request-read-seconds are up (nothing is held forever). The server's clock for a
    connection starts when it accepts it, which on a loaded machine can be seconds after the client
    connected; the wait allows for that and is still bounded."""
    held: list[socket.socket] = []
    try:
        for _ in range(1000):
            sock = socket.create_connection(_address(server), timeout=10)
            sock.sendall(b"GET / HTTP/1.1\r\n")
            held.append(sock)
        last_opened = time.monotonic()
        tally = _pages_while(server, _page_paths(server, published_works), seconds=2)
        _assert_pages_fast(tally, "with 1000 idle connections")
        still_open = _still_open(held, deadline=last_opened + READ_SECONDS + 20)
        assert not still_open, f"{len(still_open)} idle connections outlived request-read-seconds by 20 s"
    finally:
        for sock in held:
            sock.close()


# --- the "done when" ------------------------------------------------------------------

def test_pages_answer_within_a_second_while_slow_runaway_and_large_clients_are_in_flight(
        server: Server, published_works) -> None:
    paths = _page_paths(server, published_works)
    with hostile(server.url, slow=20, runaway=20, large=20) as tallies:
        time.sleep(2)  # every hostile client is in flight
        # enough page requests (hundreds) that p99 is a percentile, not the single slowest answer
        tally = _pages_while(server, paths, seconds=10, clients=3, pause=0.02)
    _assert_pages_fast(tally, "with 20 slow connections, 20 runaway and 20 large queries")
    runaway, large = tallies["runaway"], tallies["large"]
    assert runaway.count and large.count, "the hostile queries were sent"
    # a hostile query is refused or stopped, never left hanging and never a server error
    for kind, seen in (("runaway", runaway), ("large", large)):
        errors = {s: n for s, n in seen.statuses.items() if s >= 500 and s != 503}
        assert not errors, f"{kind}: {errors}"
    assert 200 not in runaway.statuses, "a cartesian product over the store never finishes within query-timeout"
    assert server.get("/").status_code == 200


@pytest.mark.browser
def test_the_query_page_script_runs_under_the_content_security_policy(server: Server, tmp_path: Path) -> None:
    chromium, driver_path = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not (chromium.exists() and driver_path.exists()):
        pytest.skip(f"needs {chromium} and {driver_path} (make browser-deps installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    options = Options()
    options.binary_location = str(chromium)
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={tmp_path}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(driver_path)), options=options)
    try:
        driver.set_page_load_timeout(30)
        driver.get(server.url + "/sparql")
        if driver.find_elements(By.ID, "yasgui"):  # the vendored editor (make install) replaces the form
            from selenium.webdriver.support import expected_conditions
            from selenium.webdriver.support.ui import WebDriverWait

            # query-editor.js built YASGUI and hid the form: the site's own scripts ran under the CSP
            WebDriverWait(driver, 20).until(
                expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "#yasgui .CodeMirror")))
            assert not driver.find_element(By.ID, "query-form").is_displayed()
        else:
            area = driver.find_element(By.ID, "query")
            area.clear()
            area.send_keys("SELECT ?s WHERE {")
            # sparql.js closes the bracket: proof that the site's own script ran under the CSP
            assert area.get_attribute("value").rstrip().endswith("}"), area.get_attribute("value")
            area.send_keys(Keys.ESCAPE)
        violations = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
        assert not violations, violations
    finally:
        driver.quit()
