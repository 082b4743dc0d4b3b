"""Whose a cited number is: the organ printed before it ("Economic and Social Council resolution
2017/16", "the Human Rights Council, in its resolution 6/15"), after it ("resolution 25/2 … of the
Commission on …"), the organ of the list it is joined to or of the resolutions it is the most recent
of, the number's shape ("1373 (2001)" is the Security Council's), the year its date prints (the
Assembly's 32nd session met in 1977, so "resolution 32/13 of 1 July 2016" is another organ's), and
only then the document's own organ.

lod.parse.citations finds the numbers; this module answers for each list of them whose they are.
"""

from __future__ import annotations

import re

from lod.bodies import BODIES, Body, body_of_number, by_key
from lod.parse import citation_patterns as P
from lod.symbols import parse_number


def numbers_fit(numbers: list[str], body_name: str) -> bool:
    """Whether no number's shape names another organ than `body_name` ("1325 (2000)" is the
    Security Council's whatever list it follows)."""
    body = P.known_body(body_name)
    return all((shaped := body_of_number(number)) is None or (body is not None and shaped.key == body.key)
               for number in numbers)


def session_fits(body: Body, session: int, year: int) -> bool | None:
    """Whether `body`'s session `session` can have adopted a text in `year`: the year it met or the
    next (the Assembly's sessions open in September); None where the body's sessions' years are not
    known (`Body.session_year`)."""
    met = body.session_year(session)
    return None if met is None else met <= year <= met + 1


def number_fits(body: Body, number: str, year: int) -> bool | None:
    """Whether `body` can have adopted `number` in `year`: its session of that number met then
    (`session_fits`), or, for a Roman session's number ("8 (II)") of an organ whose sessions' years
    are not known one by one, `year` falls in the years it numbered so (the Council's "1566 (L)" is
    of 1946-1977, so "resolution 908 (XLVI) of 26 March 2013" is another's); None where neither is known."""
    session = session_of(number)
    fits = session_fits(body, session, year) if session is not None else None
    roman = body.conventions.roman_years if body.conventions is not None else None
    if fits is None and roman is not None and P.ROMAN_SUFFIX_RE.search(number):
        return roman[0] <= year <= roman[1]
    return fits


def date_contradicts(kind: str, number: str, date: str | None, body_name: str | None) -> bool:
    """Whether `body_name` cannot have adopted `number` on `date`: its conventions never print such a
    resolution number ("resolution 7/5": the Assembly numbered so from its 31st session), or the date
    falls outside the years of the session it numbers ("resolutions 32/13 of 1 July 2016": the
    Assembly's 32nd session met in 1977–1978)."""
    body = P.known_body(body_name) if body_name else None
    if body is None or "_" in number:  # a placeholder ("80/___") is no number yet
        return False
    if kind == "resolution" and body.conventions is not None and not body.conventions.is_resolution_number(number):
        return True  # (a decision number no organ's format takes is nobody's known: lod.parse.citations)
    return date is not None and number_fits(body, number, int(date[:4])) is False


def session_of(number: str) -> int | None:
    """The session a number prints: "32/13" and the Roman "3263 (XXIX)" alike; None for a year's
    ("2019/5")."""
    info = parse_number(number)
    return info.session if info is not None else None


def _one_dated(heads: list[str], session: int, year: int) -> str | None:
    """The one organ a short name printed in the paragraph can stand for whose session `session` met in
    `year` ("the activities mandated by the Council in its resolution 51/30 of 7 October 2022": of the
    councils, only the Human Rights Council held a 51st session in 2022); None when none or several do."""
    fits = {b.name for b in BODIES for head in heads if b.name.endswith(" " + head) and b.kind in P.ADOPTING_KINDS
            and session_fits(b, session, year)}
    return fits.pop() if len(fits) == 1 else None


class OrganReader:
    """The organs one document's paragraphs name, read in order: the document's own, and the
    commission and convention named last (a later "Commission resolution 27/5" is theirs)."""

    def __init__(self, document_body: str | None) -> None:
        self.document_body: Body | None = P.known_body(document_body) if document_body else None
        printed = re.sub(r"^[Tt]he\s+", "", " ".join((document_body or "").split())).strip(" ,.;:")
        self.document_body_name = self.document_body.name if self.document_body else (printed or None)
        self.last_commission: str | None = None
        self.last_convention: str | None = None
        if self.document_body is not None and "Commission" in self.document_body.name:
            self.last_commission = self.document_body.name

    def before(self, text: str, keyword_start: int) -> tuple[str | None, bool, int, bool]:
        """The body printed just before "resolution": its name, whether it was named, where the citation starts, "its"."""
        window = max(0, keyword_start - 200)
        its = P.ITS_BEFORE_RE.search(text, window, keyword_start)
        if its is not None:
            owner = P.ITS_OWNER_RE.search(text, max(0, its.start() - 160), its.start())
            if owner is not None and P.MADE_BEFORE_RE.search(text, max(0, owner.start() - 40), owner.start()):
                owner = None  # "the establishment of the Permanent Forum …, through its resolution 75/314": who made it
            if owner is not None and owner.group("conf"):
                return P.conference_name(owner.group("conf"), self.conventions_before(text, its.start())), True, its.start(), True
            body = P.known_body(owner.group("known")) if owner is not None else None
            if body is not None and body.kind != "office":
                return body.name, True, its.start(), True
            return self.document_body_name, False, its.start(), True
        latest = P.LATEST_OF_WHICH_RE.search(text, window, keyword_start)
        owner = self.antecedent_owner(text, latest.start()) if latest else None
        if owner is not None:
            return owner.name, True, keyword_start, False  # "… of the Human Rights Council, the most recent of which being"
        reported = P.REPORTED_TO_RE.search(text, window, keyword_start)
        to = (reported.group("known") or self.generic(reported.group("generic"), text[: reported.start()])) if reported else None
        body = P.known_body(to) if to else None
        if body is not None and body.conventions is not None:
            return body.name, True, keyword_start, False  # "… report to the Human Rights Council submitted pursuant to"
        known = P.KNOWN_BEFORE_RE.search(text, window, keyword_start)
        if known is not None and known.group("conf"):
            return P.conference_name(known.group("conf"), self.conventions_before(text, keyword_start)), True, known.start(), False
        if known is not None:
            body = P.known_body(known.group("known"))
            return (body.name if body else known.group("known")), True, known.start(), False
        other = P.OTHER_BEFORE_RE.search(text, window, keyword_start)
        if other is not None:
            printed = other.group("other").split()
            name = P.LEADING_NON_NAME_RE.sub("", " ".join(printed))
            if len(printed) == 2 and printed[0].endswith("ing"):  # "Recalling Council resolution"
                name = printed[1]
            if " " in name and not P.PART_OF_ORGAN_RE.search(name):  # "Governing Council", "United Nations Environment Assembly"
                start = other.start() + other.group("other").find(name.split()[0])
                return name, True, start, False
        generic = P.GENERIC_BEFORE_RE.search(text, window, keyword_start)
        if generic is not None:
            named = self.generic(generic.group("generic"), text[: generic.start()])
            return named, named is not None, generic.start(), False
        return None, False, keyword_start, False

    @staticmethod
    def antecedent_owner(text: str, end: int) -> Body | None:
        """The organ of the resolutions named last before `end` ("all relevant Human Rights Council
        resolutions, including …"), unless another resolution or "its" is named after them."""
        found = list(P.ANTECEDENT_OWNER_RE.finditer(text, max(0, end - 200), end))
        if not found or P.ANOTHER_ANTECEDENT_RE.search(text, found[-1].end(), end):
            return None
        return P.known_body(found[-1].group("named") or found[-1].group("known"))

    def after(self, text: str, end: int, current: str | None) -> tuple[str | None, bool]:
        """A body printed after the numbers: "of the Commission on …", "at its … session of the Conference …"."""
        window = text[end : end + 400]
        after = P.BODY_AFTER_RE.match(window)
        if after is None:
            stop = P.KEYWORD_RE.search(window)
            limit = min(stop.start() if stop else len(window), window.find(";") if ";" in window else len(window))
            after = P.SESSION_OF_RE.search(window, 0, limit)
        if after is None:
            return current, False
        if after.group("conf"):
            return P.conference_name(after.group("conf"), self.conventions_before(text, end)), True
        if after.group("known"):
            body = P.known_body(after.group("known"))
            return (body.name if body else after.group("known")), True
        if after.groupdict().get("other"):
            return " ".join(after.group("other").split()), True
        generic = after.groupdict().get("generic")
        if generic:
            named = self.generic(generic)
            return (named, True) if named else (current, False)
        return current, False

    def generic(self, head: str, before: str = "") -> str | None:
        """ "Commission resolution 27/5": the document's own body if it is one, else the last one named;
        "Council resolutions 5/1 and 5/2" in an Assembly text: the Council named before it in the
        paragraph ("… in the Human Rights Council, …, in accordance with Council resolutions 5/1 and 5/2")."""
        own = self.document_body
        if head == "Assembly":
            return by_key("ga").name
        if own is not None and head in (own.name.split()[0], own.name.split()[-1]):
            return own.name
        if head == "Commission":
            return self.last_commission
        if head == "Council" and own is not None and own.key in P.COUNCILS:
            return own.name
        if head == "Council" and (councils := P.COUNCIL_MENTION_RE.findall(before)):
            body = P.known_body(councils[-1])
            return body.name if body is not None else None
        if head == "Conference" and self.document_body_name and "Conference" in self.document_body_name:
            return self.document_body_name
        return None

    def attribute(self, number: str, body_name: str | None, explicit: bool, its: bool = False) -> str | None:
        """The body a number belongs to: named body, else the number's shape, else the document's body."""
        shaped = body_of_number(number)  # only one organ numbers like this ("660 (1990)", "2017/16")
        if explicit and body_name:
            named = P.known_body(body_name)
            if (shaped is not None and named is not None and named.conventions is not None
                    and not re.fullmatch(named.conventions.number_format, number)
                    and not (named.conventions.roman_sessions and P.ROMAN_SUFFIX_RE.search(number))):
                # "General Assembly resolution 46/152 …”, 1993/28 of 27 July 1993": a number the organ
                # named never printed, in a list that went on past a title, is the one organ's its shape names
                return shaped.name
            return body_name
        own = self.document_body
        if (its and shaped is not None and own is not None and own.key != shaped.key
                and own.conventions is not None and own.conventions.roman_sessions and P.ROMAN_SUFFIX_RE.search(number)):
            # "its resolution 1566 (L)" in a Council text: the Council numbered its early resolutions
            # as the Assembly did, and "its" (the document's own, outside its annexes) says whose
            return own.name
        if shaped is not None:
            return shaped.name
        if own is not None and own.conventions is not None and own.conventions.dating == "year":
            # "70/174" in a Security Council or ECOSOC text: their own numbers carry the year
            return by_key("ga").name
        return self.document_body_name or by_key("ga").name

    def instead(self, text: str, kind: str, number: str, date: str | None, span: tuple[int, int],
                rejected: str | None) -> str | None:
        """The organ named in the paragraph whose a number is when the one it was given cannot have
        adopted it (`date_contradicts`): the one whose session of that number met in the year printed
        ("Human Rights Council resolutions 28/16 …, 48/4 … on the right to privacy … and resolutions 32/13
        of 1 July 2016", A/RES/77/211), else the nearest named whose sessions' years are not known (a
        regional commission, a conference of parties) or, with no date, the nearest named that can have
        numbered it; None (nobody's known) when none is: a citation is never published against what
        its own number and date say."""
        year = int(date[:4]) if date else None
        session = session_of(number)
        ranked: list[tuple[bool, int, str]] = []
        for named in P.NAMED_BODY_OR_CONFERENCE_RE.finditer(text):
            fits: bool | None = None  # whether its session of that number met in the year printed (None: not known)
            if named.group("conf"):
                name = P.conference_name(named.group("conf"), self.conventions_before(text, named.start()))
            elif (body := P.known_body(named.group("known"))) is not None and body.kind in P.ADOPTING_KINDS:
                if body.conventions is not None and not body.conventions.is_number(kind, number):
                    continue
                name, fits = body.name, number_fits(body, number, year) if year else None
            else:
                continue
            if name == rejected or fits is False:
                continue
            distance = span[0] - named.end() if named.end() <= span[0] else named.start() - span[1]
            ranked.append((fits is None, distance, name))
        if ranked:
            return min(ranked)[2]
        return _one_dated(P.GENERIC_MENTION_RE.findall(text), session, year) if session and year else None

    def remember_names(self, text: str) -> None:
        """The convention and the commission a paragraph names last, for the next ones' "Convention", "Commission"."""
        # both patterns spell out "Convention" / "Commission": a text without the word has no match
        conventions = P.CONVENTION_MENTION_RE.findall(text) if "Convention" in text else []
        if conventions:
            self.last_convention = " ".join(conventions[-1].split())
        commissions = P.COMMISSION_MENTION_RE.findall(text) if "Commission" in text else []
        if commissions and not (self.document_body and "Commission" in self.document_body.name):
            body = P.known_body(commissions[-1])
            self.last_commission = body.name if body else " ".join(commissions[-1].split())

    def conventions_before(self, text: str, end: int) -> str | None:
        """The convention named last before `end`, in this paragraph or an earlier one."""
        mentions = P.CONVENTION_MENTION_RE.findall(text, 0, end)
        if mentions:
            return mentions[-1]
        return self.last_convention
