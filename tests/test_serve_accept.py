"""A `lod serve` worker takes one waiting connection a turn of its event loop, so connections a
client opens at once are shared by the workers (lod.serve._one_accept_a_turn).

asyncio's own server accepts every waiting connection in one turn: the worker that wakes first
takes all of them. The test queues connections on a listening socket, lets the loop run one
turn (`stop()` before `run_forever()`: documented as one poll and its callbacks), stops it
accepting, and counts what it took, with asyncio's default beside it as the contrast.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from lod.serve import _one_accept_a_turn

WAITING = 4


def _accepted_in_one_turn(create: Callable[[asyncio.AbstractEventLoop, Any, socket.socket], Awaitable[Any]]) -> int:
    loop = asyncio.new_event_loop()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    listener.setblocking(False)
    made: list[object] = []

    class Counting(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            made.append(transport)

    clients: list[socket.socket] = []
    try:
        server = loop.run_until_complete(create(loop, Counting, listener))
        clients = [socket.create_connection(listener.getsockname(), timeout=5) for _ in range(WAITING)]
        loop.call_soon(loop.stop)
        loop.run_forever()  # one turn
        loop.remove_reader(listener.fileno())  # no more accepting: what the turn took is counted
        loop.run_until_complete(asyncio.sleep(0.2))
        server.close()
        return len(made)
    finally:
        for client in clients:
            client.close()
        loop.close()
        listener.close()


def test_a_turn_takes_one_waiting_connection_and_leaves_the_rest_to_other_workers() -> None:
    assert _accepted_in_one_turn(lambda loop, protocol, sock: loop.create_server(protocol, sock=sock)) == WAITING
    assert _accepted_in_one_turn(lambda loop, protocol, sock: _one_accept_a_turn(
        loop.create_server, 64, protocol, sock=sock)) == 1
