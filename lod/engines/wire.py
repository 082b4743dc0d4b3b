"""The read path to an engine: SPARQL queries over one urllib3 connection pool.

Why not the requests Session the writes use (lod.engines.base.Engine.session): on a query
Virtuoso answers in a millisecond, requests' own machinery around urllib3 (preparing the
request, its hooks and cookies, the adapter, the typing Protocol checks of its arguments) was
about a third of lod's own time per query, the part that kept `lod serve` over Virtuoso above
1.5× the engine's own endpoint on the quickest queries of the mix (docs/benchmarks.md).
urllib3, on which requests is built, keeps the connections alive, applies the timeouts and
goes through the proxy the environment names for the engine, without it.

Digest authentication (Virtuoso's writes) stays with the session: a read the engine
challenges (401) is asked again through it, which answers the challenge, and so are the reads
after it (an engine that guards its reads guards them all: not two requests for each).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import requests
import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import TimeoutError as Urllib3Timeout

POOL_SIZE = 10
"""Connections kept alive to the engine per process (requests' default): one per thread that
queries at once; more are opened when needed and not kept."""


class WireTimeout(Exception):
    """The engine did not accept the connection or answer within the time allowed."""


class WireError(Exception):
    """The engine could not be reached, or broke off its answer."""


@dataclass(frozen=True)
class Answer:
    """An engine's HTTP answer, read whole."""

    status_code: int
    headers: Mapping[str, str]
    """Case-insensitive (urllib3's HTTPHeaderDict, requests' CaseInsensitiveDict)."""
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")


class QueryClient:
    """POSTs form-encoded queries to one engine and reads the answers whole."""

    def __init__(self, url: str, headers: Mapping[str, str], session: requests.Session) -> None:
        self.headers = dict(headers)
        self.session = session
        self.challenged = False
        """Whether the engine asked for credentials on a read: the session's way from then on."""
        proxy = session.proxies.get(urlsplit(url).scheme) or session.proxies.get("all")
        if proxy:
            parts = urlsplit(proxy)
            auth = f"{parts.username}:{parts.password or ''}" if parts.username else None
            self.pool: urllib3.PoolManager = urllib3.ProxyManager(
                proxy, maxsize=POOL_SIZE, proxy_headers=urllib3.make_headers(proxy_basic_auth=auth) if auth else None)
        else:
            self.pool = urllib3.PoolManager(maxsize=POOL_SIZE)

    def post(self, url: str, form: Sequence[tuple[str, str]], accept: str, connect: float, read: float) -> Answer:
        """The engine's answer to the form; WireTimeout or WireError when there is none."""
        headers = {**self.headers, "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        if self.challenged:
            return self._through_session(url, form, headers, connect, read)
        try:
            response = self.pool.request("POST", url, body=urlencode(form).encode("utf-8"), headers=headers,
                                         timeout=urllib3.Timeout(connect=connect, read=read), retries=False,
                                         redirect=False)
        except NewConnectionError as exc:  # a ConnectTimeoutError to urllib3, but no timeout: refused, unknown host
            raise WireError(str(exc)) from None
        except Urllib3Timeout as exc:
            raise WireTimeout(str(exc)) from None
        except Urllib3Error as exc:
            raise WireError(str(exc)) from None
        if response.status == 401 and self.session.auth is not None:
            self.challenged = True
            return self._through_session(url, form, headers, connect, read)
        return Answer(response.status, response.headers, response.data)

    def _through_session(self, url: str, form: Sequence[tuple[str, str]], headers: dict[str, str], connect: float,
                    read: float) -> Answer:
        """The same query through the session, whose authentication answers the engine's challenge."""
        try:
            response = self.session.post(url, data=list(form), headers=headers, timeout=(connect, read))
        except requests.Timeout as exc:
            raise WireTimeout(str(exc)) from None
        except requests.RequestException as exc:
            raise WireError(str(exc)) from None
        return Answer(response.status_code, response.headers, response.content)
