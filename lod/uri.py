"""The AKN4UN IRI grammar, in one place: parse and render per FRBR level.

    work          {base}/akn/un/statement/deliberation/{actor}/{date}/{number}
    expression    {work}/{lang}@{version-date}          lang: ISO 639-2 (eng, fra, ...)
                  {work}/{lang}@                        "@" alone: the original version
    manifestation {expression}/.{format}                 xml, pdf, html, akn
    component     {work}/!main, {work}/!annex_1
    portion       {component}#{eId}                      para_8__list_1__point_a

* `jurisdiction` is always `un`; a resolution or decision is an AKN `statement` of subtype
  `deliberation` (AKN4UN moved from `/statement/resolution/`).
* `actor` is the adopting organ's token from `lod.bodies` (`un-ga`, `un-sc`, `un-ecosoc`,
  `un-ccpcj`, ...): one scheme for every body, documented in docs/iri-scheme.md.
* `date` is the work's date: adoption for a resolution, issue date for a draft. A partial
  date is written as the first of January of its year (AKN4UN).
* `number` is the number as the body prints it, with `/` written `-` and spaces `_`:
  70/174 → 70-174, 1373 (2001) → 1373_(2001). Drafts, which have no number of their own,
  use their symbol the same way (A/C.3/73/L.9/Rev.1 → A-C.3-73-L.9-Rev.1).
* A missing language is an error, never a default: an expression IRI names one language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lod.bodies import TLC_PATH, Body

DEFAULT_BASE = "http://127.0.0.1:8080"
"""The IRI base when none is configured (setting `base`): the address `make run` serves on,
so that the sample data dereferences out of the box. A public deployment sets its own."""

_WORK = re.compile(
    r"^(?P<base>.*?)/akn/un/statement/deliberation/(?P<actor>[a-z0-9-]+)/"
    r"(?P<date>\d{4}-\d{2}-\d{2})/(?P<number>[^/!#@]+)"
    r"(?:/(?P<lang>[a-z]{3})@(?P<version>\d{4}-\d{2}-\d{2})?(?:/\.(?P<format>[a-z]+))?)?"
    r"(?:/!(?P<component>[a-z]+(?:_\d+)?))?"
    r"(?:#(?P<eid>[A-Za-z0-9_.-]+))?$"
)
_LANG = re.compile(r"^[a-z]{3}$")


class IRIError(ValueError):
    """An IRI or IRI part that does not follow the grammar above."""


def encode_number(number: str) -> str:
    """The IRI form of a printed number or symbol: `/` → `-`, whitespace → `_`."""
    if not number or not number.strip():
        raise IRIError("a work needs a number")
    return re.sub(r"\s+", "_", number.strip()).replace("/", "-")


def decode_number(token: str) -> str:
    """Best-effort inverse of `encode_number`, for display: `70-174` → `70/174`.

    Not exact for numbers that contain a hyphen of their own (`S-30/1` is written `S-30-1`):
    the printed number is kept in the data (`akn:docNumber`) for that reason.
    """
    return token.replace("_", " ").replace("-", "/")


def normalize_date(date: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD → YYYY-MM-DD (a partial date becomes the first of the period)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date or "")
    if not m:
        raise IRIError(f"not an ISO date: {date!r}")
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{year}-{month}-{day}"


@dataclass(frozen=True)
class WorkIRI:
    """A work (and optionally expression, component, portion) in the AKN4UN scheme."""

    actor: str
    date: str
    number: str
    base: str = DEFAULT_BASE
    lang: str | None = None
    version: str | None = None
    format: str | None = None
    component: str | None = None
    eid: str | None = None

    @classmethod
    def for_work(cls, body: Body | str, date: str, number: str, base: str = DEFAULT_BASE) -> WorkIRI:
        actor = body if isinstance(body, str) else body.actor
        return cls(actor=actor, date=normalize_date(date), number=encode_number(number), base=base.rstrip("/"))

    @classmethod
    def parse(cls, iri: str) -> WorkIRI:
        m = _WORK.match(iri)
        if not m:
            raise IRIError(f"not an AKN4UN work IRI: {iri!r}")
        return cls(
            actor=m["actor"],
            date=m["date"],
            number=m["number"],
            base=m["base"],
            lang=m["lang"],
            version=m["version"],
            format=m["format"],
            component=m["component"],
            eid=m["eid"],
        )

    # --- levels -------------------------------------------------------------------------
    def work(self) -> str:
        return f"{self.base}/akn/un/statement/deliberation/{self.actor}/{self.date}/{self.number}"

    def expression(self, lang: str | None = None, version: str | None = None) -> str:
        lang = lang or self.lang
        if not lang or not _LANG.match(lang):
            raise IRIError(f"an expression needs an ISO 639-2 language code, got {lang!r}")
        version = version if version is not None else self.version
        return f"{self.work()}/{lang}@{version or ''}"

    def manifestation(self, fmt: str, lang: str | None = None, version: str | None = None) -> str:
        return f"{self.expression(lang, version)}/.{fmt}"

    def component_iri(self, name: str = "main") -> str:
        return f"{self.work()}/!{name}"

    def portion(self, eid: str, component: str = "main") -> str:
        """The IRI of a paragraph, point or footnote: the component scrolled to its eId."""
        if not eid:
            raise IRIError("a portion needs an eId")
        return f"{self.component_iri(component)}#{eid}"

    def with_lang(self, lang: str, version: str | None = None) -> WorkIRI:
        return replace(self, lang=lang, version=version)

    def __str__(self) -> str:
        return self.work()


def tlc_iri(body: Body, base: str = DEFAULT_BASE) -> str:
    """The TLCOrganization IRI of a body, on our base so that it dereferences here."""
    return f"{base.rstrip('/')}{TLC_PATH}{body.tlc}"


def eid(*parts: tuple[str, str | int] | str) -> str:
    """Join Akoma Ntoso eId parts: eid(("para", 8), ("list", 1), ("point", "a")) → para_8__list_1__point_a.

    A bare string part is used as is (`"preamble"`). Characters outside [A-Za-z0-9.-] in a num
    become `_`, so printed numbers like "1 bis" stay valid fragments.
    """
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            kind, num = part
            out.append(f"{kind}_{re.sub(r'[^A-Za-z0-9.-]+', '_', str(num)).strip('_')}")
    return "__".join(out)


def annex_of(location: str) -> str | None:
    """The eId of the annex a portion is printed in ("annex_1__para_u4" → "annex_1"), None outside one."""
    return location.split("__", 1)[0] if location.startswith("annex") else None


def note_eid(marker: str) -> str:
    """A footnote's eId from its printed marker: "3" → fn_3, "*" → fn_star, "**" → fn_star2 (one
    rule for every reader and for the AKN written back, so a note keeps its IRI both ways)."""
    if marker.isalnum():
        return f"fn_{marker}"
    stars = len(marker) if set(marker) == {"*"} else 0
    if stars:
        return f"fn_star{stars if stars > 1 else ''}"
    return f"fn_{re.sub(r'[^A-Za-z0-9]+', '', marker) or 'star'}"
