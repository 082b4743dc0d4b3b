"""What a SPARQL query process may do to the world outside it: nothing on the network, and at
most `query-memory-mb` of memory.

Why at the OS level: the query engine (pyoxigraph) is native code with its own HTTP client for
`SERVICE`, and its parser reads a query differently from any second parser we could run
beforehand (lod.web.guard refuses SERVICE as a courtesy, with a clear message). The guarantee
that no query ever makes the server open a connection comes from the process itself having no
network: before it opens the store, each query process moves into a network namespace of its
own, which has no interface but a loopback that is down, so `connect()` to any address, the
server's own 127.0.0.1 included, fails with "network unreachable".

Ways to get there, tried in order:

1. `unshare(CLONE_NEWNET)`: allowed to root (or with CAP_SYS_ADMIN);
2. `unshare(CLONE_NEWUSER | CLONE_NEWNET)`: allowed to ordinary users where user namespaces are on;
3. a seccomp filter (libseccomp through `pyseccomp`) failing `socket()` for AF_INET and AF_INET6
   with EPERM, where namespaces are forbidden (some container runtimes);
4. none: the server refuses to answer SPARQL, with a start-up error saying why, unless the
   operator set `query-network-unconfined` to accept the risk.

Memory: `RLIMIT_DATA` (private writable memory: the heap, where a query's intermediate results
grow) caps each query process; an allocation past it fails, the engine aborts, and the pool
(lod.web.querypool) reports "the query needed more than N MB". The address-space limit
(RLIMIT_AS) is not used: it also counts file mappings and reserved-but-unused arenas, which say
nothing about what a query costs.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import signal
import socket
from dataclasses import dataclass

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
METHODS = ("network namespace", "user and network namespace", "seccomp")
UNCONFINED = "unconfined (setting query-network-unconfined)"


class Unconfined(Exception):
    """No way to take the network away from a query process was permitted here."""


def _unshare(flags: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(flags) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _seccomp_no_inet() -> None:
    import pyseccomp as seccomp  # optional: only needed where namespaces are forbidden

    rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for family in (socket.AF_INET, socket.AF_INET6):
        rules.add_rule(seccomp.ERRNO(errno.EPERM), "socket", seccomp.Arg(0, seccomp.EQ, family))
    rules.load()


_WAYS = {
    "network namespace": lambda: _unshare(CLONE_NEWNET),
    "user and network namespace": lambda: _unshare(CLONE_NEWUSER | CLONE_NEWNET),
    "seccomp": _seccomp_no_inet,
}


def confine(methods: tuple[str, ...] = METHODS, allow_unconfined: bool = False) -> str:
    """Cut this (single-threaded, freshly forked) process off the network; return how.

    Raises `Unconfined` naming every way tried and why it failed, unless `allow_unconfined`."""
    failures = []
    for method in methods:
        try:
            _WAYS[method]()
        except Exception as exc:  # noqa: BLE001 - each way fails in its own fashion; all are reported
            failures.append(f"{method}: {exc}")
            continue
        return method
    if allow_unconfined:
        return UNCONFINED
    raise Unconfined(
        "query processes cannot be cut off from the network here (" + "; ".join(failures) + "); SPARQL is "
        "refused, because a query could make the server connect anywhere. Allow namespaces (or install "
        "pyseccomp and libseccomp), or accept the risk with the setting query-network-unconfined"
    )


def limit_memory(megabytes: int) -> None:
    """Cap this process's private writable memory; 0 leaves it unlimited."""
    if megabytes > 0:
        cap = megabytes << 20
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))


def probe(host: str, port: int, timeout: float = 2.0) -> str | None:
    """Try to connect to `host:port`: None if it worked, else the reason it did not."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as exc:
        return str(exc) or type(exc).__name__


MEMORY_SIGNS = ("memory allocation of", "MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory")
"""What a process that hit its memory cap writes last (Rust's allocator, Python, RocksDB's C++)."""


@dataclass(frozen=True)
class Death:
    """Why a query process ended while running a query, as the client is told."""

    status: int
    message: str


def cause_of_death(exitcode: int | None, last_words: str, memory_mb: int) -> Death:
    """Tell apart a process that hit its memory cap, one killed by a signal (by whom we can say)
    and one that exited, from its exit code and the last thing it wrote on stderr."""
    if any(sign in last_words for sign in MEMORY_SIGNS):
        return Death(503, f"the query needed more than {memory_mb} MB of memory and was stopped "
                          "(setting query-memory-mb); simplify it or add LIMITs")
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        if -exitcode == signal.SIGKILL:
            return Death(503, "the query process was killed by the system (SIGKILL: the kernel's "
                              "out-of-memory killer or an operator); try again later")
        return Death(500, f"the query process died of signal {name} while running the query")
    return Death(500, f"the query process exited with status {exitcode} while running the query")


def verify(allow_unconfined: bool = False) -> str:
    """At server start: confine a forked process as query processes will be, and check that it
    really cannot connect to a listener of ours on 127.0.0.1. Returns how it was confined;
    raises `Unconfined` (the server refuses to start) when it could not be, or could connect."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: confine, probe, report, leave without running any cleanup of ours
        verdict = "error:unknown"
        try:
            how = confine(allow_unconfined=allow_unconfined)
            reached = probe("127.0.0.1", port, timeout=2.0) is None
            verdict = f"{'reached' if reached else 'confined'}:{how}"
        except Unconfined as exc:
            verdict = f"error:{exc}"
        finally:
            os.write(writer, verdict.encode("utf-8"))
            os._exit(0)
    os.close(writer)
    try:
        chunks = []
        while chunk := os.read(reader, 65536):
            chunks.append(chunk)
        os.waitpid(pid, 0)
    finally:
        os.close(reader)
        listener.close()
    kind, _, detail = b"".join(chunks).decode("utf-8").partition(":")
    if kind == "error":
        raise Unconfined(detail)
    if kind == "reached" and detail != UNCONFINED:
        raise Unconfined(f"a query process confined by {detail} could still connect to 127.0.0.1; SPARQL is refused")
    return detail
