"""The web worker remembers the guard's verdicts (lod.web.guard.KnownVerdicts): a query text seen
before is judged without a query process, so a query run by an external engine needs none."""

from __future__ import annotations

import pytest

from lod.web.guard import LONGEST_KEPT, CheckedQuery, KnownVerdicts, Rejected
from lod.web.querypool import QueryPool

ASK = "ASK { ?s ?p ?o }"
UPDATE = "INSERT DATA { <http://a.test/s> <http://a.test/p> 1 }"


def test_a_second_check_of_the_same_text_takes_no_query_process() -> None:
    pool = QueryPool(size=1, keep_idle=1)
    try:
        with pool.session(30) as first:
            assert first.check(ASK).form == "ask"
            assert first.held is not None  # the first verdict came from a query process
        with pool.session(30) as second:
            assert second.check(ASK).form == "ask"
            assert second.held is None  # the second from the worker's memory
    finally:
        pool.close()


def test_a_known_refusal_is_refused_again_without_a_query_process() -> None:
    pool = QueryPool(size=1, keep_idle=1)
    try:
        for round_ in range(2):
            with pool.session(30) as session:
                with pytest.raises(Rejected) as refused:
                    session.check(UPDATE)
                assert refused.value.status == 403 and "read-only" in str(refused.value)
                assert (session.held is None) == (round_ == 1)
    finally:
        pool.close()


def test_only_verdicts_of_the_text_alone_are_kept() -> None:
    known = KnownVerdicts(size=2)
    known.remember("a", Rejected(503, "the query process died"))  # not about the text
    known.remember("x" * (LONGEST_KEPT + 1), CheckedQuery("x", "ask"))  # too long to keep
    assert known.get("a") is None and known.get("x" * (LONGEST_KEPT + 1)) is None
    for text in ("q1", "q2", "q3"):
        known.remember(text, CheckedQuery(text, "select"))
    assert known.get("q1") is None and known.get("q3") == CheckedQuery("q3", "select")  # least recent goes
