"""Printed dates as ISO dates: the one place a date the documents print becomes `YYYY-MM-DD`.

The converters read mastheads ("1 November 2018"), adoption lines, citations ("of 21 December
2010") and metadata (ISO already) through this function, so the model carries ISO dates and the
RDF stage never reads printed text again. dateutil does the reading; what is ours is the rule
that a date without a four-digit year is no date (dateutil would fill the gap from today, and an
IRI must not depend on the day the build ran) and that a partial ISO date is the first day of
its period.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from dateutil import parser as dateparser

_ISO = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=$|[T\s])")
_YEAR = re.compile(r"\b\d{4}\b")
_NO_DAY = datetime.datetime(2000, 1, 1)
"""What dateutil fills a missing day or month with (never today's)."""


@lru_cache(maxsize=4096)
def iso_date(text: str | None) -> str | None:
    """`YYYY-MM-DD` for a printed or ISO date ("21 December 2010", "2010-12-21", "May 2019",
    "2017"); None when `text` is not a date or prints no year.

    Cached: dateutil is slow, and the same few dates are printed and cited over and over.
    """
    if not text:
        return None
    text = str(text).strip()
    try:
        if iso := _ISO.match(text):
            return datetime.date(int(iso[1]), int(iso[2] or 1), int(iso[3] or 1)).isoformat()
        if not _YEAR.search(text):
            return None
        return dateparser.parse(text, dayfirst=True, default=_NO_DAY).date().isoformat()
    except (ValueError, OverflowError):
        return None


MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December")
"""The month names UN texts print, in order: the converters' patterns are made from them."""

MONTH_NAMES = "|".join(MONTHS)
"""The months as a regular-expression alternation (no group): `rf"\\d{1,2} (?:{MONTH_NAMES}) \\d{4}"`."""


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
"""A date as the model carries it (the converters resolve every printed date with `iso_date`):
what the mapping and the AKN writer check a date against instead of reading it again."""


def is_iso_day(value: str | None) -> bool:
    """Whether a model date is a resolved `YYYY-MM-DD` (else it is kept as printed: not a date)."""
    if not value or ISO_DAY.fullmatch(str(value)) is None:
        return False
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def printed_date(iso: str) -> str:
    """An ISO date as UN texts print it: 2022-09-13 → "13 September 2022"."""
    year, month, day = iso.split("-")
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
