"""What the AKN reader holds of a paragraph, point or annex while it reads (lod.parse.akn.body): the
points a later sibling paragraph may still add to a paragraph, the annex a later heading may title,
before they become the model's paragraphs and annexes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from lod.parse.akn.inline import Link
from lod.parse.akn.numbers import continues, roman_like


@dataclass
class PendingPoint:
    num: str
    text: str
    children: list[PendingPoint] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    label: str = ""
    """The label as `<num>` prints it ("(a)", "а)", "Item 1."), which the paragraph's text keeps."""


_OUR_SECTION_EID = re.compile(r"^(?:annex_\d+__)?sec_[A-Za-z0-9.-]+__para_[A-Za-z0-9_.-]+$")


def written_eid(el: etree._Element) -> str:
    """The eId lod.akn gives a paragraph of a section ("sec_C__para_3"; the UN's files have none)."""
    return el.get("eId") or "" if _OUR_SECTION_EID.match(el.get("eId") or "") else ""


@dataclass
class PendingParagraph:
    num: str | None
    intro: str
    verb: str | None
    section: str | None
    markers: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    points: list[PendingPoint] = field(default_factory=list)
    written: str = ""  # the eId lod.akn wrote for a paragraph of a section, kept on reading

    def add_point(self, point: PendingPoint) -> None:
        """ "(i)" after "(h)" is a letter; a roman after any other letter opens points under it."""
        last = self.points[-1] if self.points else None
        letter_next = (
            last is not None and len(point.num) == 1 and len(last.num) == 1 and ord(point.num) == ord(last.num) + 1
        )
        if last is not None and (roman_like(point.num) and not letter_next and not roman_like(last.num)
                                 or last.children and continues(point.num, last.children[-1].num)):  # "(十一)" after "㈩"
            last.children.append(point)
        else:
            self.points.append(point)


@dataclass
class PendingAnnex:
    num: str | None = None
    title: str | None = None
    paras: list[PendingParagraph] = field(default_factory=list)
