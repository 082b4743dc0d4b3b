"""The printed forms of addressees: the regular expressions `lod.parse.addressees` reads the
objects of a directive verb with (posts, classes of States, Governments, groups, short
references, names and what separates or follows them). Split from it so that the reader stays
one module of the size the style sets; nothing here knows a verb or a document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lod.groups import lookup_group, lookup_organization
from lod.parse.bodynames import alternation, known_names, known_re

__all__ = ["W", "CAP_NAME", "post_re", "TREATY_NAME", "STATES_RE", "GOVERNMENT_OF_RE", "GROUP_RE", "ANAPHOR_RE", "NAMED_ON", "LINKING_WORDS", "OF_KNOWN", "NAME_RE", "SEPARATOR_RE", "FOLLOWER_RE", "MAY_FOLLOW_A_NAME"]

W = r"[A-Z][\w'’.-]*"  # a capitalised word


CAP_NAME = rf"{W}(?:\s+(?:of|the|on|for|against|in)\s+(?:the\s+)?{W}|\s+{W})*"


@lru_cache(maxsize=1)
def post_re() -> re.Pattern[str]:
    """Posts (titles of office holders); "of the X" prefers a known body's full name as X. The
    Secretary-General of another organization ("of the Organization of African Unity") is
    not the United Nations' own."""
    of_body = rf"(?:{alternation(known_names())}|{CAP_NAME})"
    return re.compile(
        rf"""(?:the\s+)?(?P<post>
            (?:Deputy\s+)?Secretary-General(?:\s+of\s+the\s+(?!United\s+Nations\b){of_body})?
          | President\s+of\s+the\s+{of_body}
          | Chair(?:person|man|woman)?\s+of\s+the\s+{of_body}
          | Executive\s+(?:Director|Secretary|Head)s?(?:\s+of\s+the\s+{of_body})?
          | Director-General(?:\s+of\s+the\s+{of_body})?
          | Administrator(?:\s+of\s+the\s+{of_body})?
          | (?:United\s+Nations\s+)?High\s+Commissioner\s+for\s+(?:Human\s+Rights|Refugees)
          | (?:United\s+Nations\s+)?Legal\s+Counsel
          | Under-Secretary-General\s+for\s+{CAP_NAME}
          | High\s+Representative\s+for\s+(?:the\s+Least\s+Developed\s+Countries,\s+Landlocked\s+Developing\s+Countries
            \s+and\s+Small\s+Island\s+Developing\s+States|(?:the\s+)?{CAP_NAME})
          | Emergency\s+Relief\s+Coordinator
          | Special\s+(?:Rapporteur|Representative|Envoy|Adviser|Coordinator)s?
            (?:\s+(?:of|on|for)\s+(?!to\b)[\w'’-]+(?:\s+(?!to\b)[\w'’-]+)*)?
        )(?![\w-])""",
        re.VERBOSE,
    )


TREATY_NAME = rf"{W}(?:\s+(?:of|the|and|on|against|for|in)\s+{W}|\s+{W})*"
STATES_RE = re.compile(
    r"(?P<states>(?:(?:all|other|those|the|interested|concerned|relevant|affected|neighbouring|"
    r"donor|developed|developing|transit|destination|origin)\s+)*"
    r"(?:Member\s+States|States\s+Members\s+of\s+the\s+United\s+Nations|States\s+parties"
    r"(?:\s+to\s+(?:(?:the|those|these)\s+)?(?:" + TREATY_NAME + r"|(?:conventions|protocols|instruments|treaties)"
    r"(?:\s+and\s+(?:conventions|protocols|instruments|treaties))?))?"
    r"|(?:permanent\s+)?members\s+of\s+the\s+(?:Security\s+)?Council"  # "the permanent members of the Security Council"
    r"|States|Governments|countries))(?![\w-])"
)
GOVERNMENT_OF_RE = re.compile(r"(?:the\s+)?Government\s+of\s+(?P<state>(?:the\s+)?[A-Z][^,;]*?)(?=\s+to\s|\s*[,;]|\s+and\s|$)")
GROUP_RE = re.compile(
    r"(?P<group>(?:(?:all|other|the|those|relevant|interested|concerned|appropriate|competent|international|"
    r"regional|subregional|intergovernmental|non-governmental|multilateral|bilateral|financial|development|"
    r"humanitarian|donor|specialized|private|United\s+Nations|and)\s+)*"
    r"(?:donors|stakeholders|parties(?:\s+to\s+(?:the\s+)?(?:armed\s+)?conflicts?)?|organizations|entities|agencies|institutions|actors|partners|"
    r"funds\s+and\s+programmes|international\s+community|private\s+sector|civil\s+society|"
    r"United\s+Nations\s+system|business\s+community|academia|United\s+Nations(?!\s+[A-Z])))(?![\w-])"
)
ANAPHOR_RE = re.compile(
    r"the\s+(?P<head>(?:[A-Z][a-z]+\s+){0,2}(?:Office|Commission|Council|Committee|Conference|Board|Programme|"
    r"Fund|Entity|Assembly|Group|Forum|Mechanism|Court|Tribunal|Unit|Panel|Directorate|Department)"
    r"|(?:[A-Z][a-z]+\s+){1,2}Secretariat)(?![\w-])"
)
"""A short reference: "the Office", "the Special Committee", "the Pension Board" (up to two words of
the full name before its head noun); "the Technical Secretariat" (the OPCW's), never "the Secretariat"
alone, which is the United Nations'."""
NAMED_ON = re.compile(rf"\s+(?:of|on|for|against|in)\s+(?:the\s+)?{W}(?:\s+(?:of|on|for|against|in)\s+(?:the\s+)?{W}|\s+{W})*")
"""What may follow a short reference's head and make it a longer name: "the Office of the High
Commissioner", "the Office for Outer Space Affairs" (no "and": a list goes on after it)."""
LINKING_WORDS = frozenset(("of", "on", "for", "against", "in", "the"))
OF_KNOWN = re.compile(r"\s+of\s+(?=(?:the\s+)?[A-Z])")
"""Where a name may go on as "… of <a body's name>": the known name may hold a comma the name
pattern stops at ("United Nations Educational, Scientific and Cultural Organization")."""
NAME_RE = re.compile(rf"(?:the\s+)?(?P<name>{W}(?:\s+(?:of|the|on|for|against|in|and)\s+(?:the\s+)?{W}|\s+or\s+{W}|\s+{W})*)")
"""A name, its words capitalised: "or" joins two of them ("the Working Group on Enforced or
Involuntary Disappearances"), never two names ("the Council or the Assembly": "or the" ends it)."""
SEPARATOR_RE = re.compile(
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|especially\s+|in\s+particular\s+|notably\s+|including\s+|"
    r"particularly\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+or\s+)"
)
FOLLOWER_RE = re.compile(r"\s+(?:(?P<authority>authorities|Government|forces)\b|(?P<word>[a-z][\w-]*))")
MAY_FOLLOW_A_NAME = frozenset(
    "to and or in at as with within on for that which who whose through by from under upon".split()
)


_ACRONYM_THEN_THE = re.compile(r"[A-Z]{3,}[A-Za-z-]*(?= the [A-Z])")


def acronym_before_a_body(text: str, pos: int) -> int | None:
    """Where an acronym at `pos` ends, when a known body's name follows it with no comma between
    them ("requests UNAMID the United Nations Country Team and …", S/2018/693): two addressees."""
    m = _ACRONYM_THEN_THE.match(text, pos)
    return m.end() if m is not None and known_re().match(text, m.end() + 1) else None


def organization_prefix(name: str) -> bool:
    """Whether a name opens with an organization's of lod.groups ("African Union Commission")."""
    words = name.split()
    return any(lookup_organization(" ".join(words[:k])) for k in range(1, len(words)))


def outside_body_before(before: str, head: str) -> bool:
    """Whether the words before name a body of that head of an organization outside the United
    Nations ("… the Commission of the Economic Community of Central African States …, and encourages
    the Commission", A/C.1/80/L.54): the short form is that organization's body, not one to resolve."""
    for m in re.finditer(rf"\b{re.escape(head)}\s+of\s+(?:the\s+)?([A-Z][^,;:()]*)", before):
        words = m.group(1).split()
        if any(lookup_group(" ".join(words[:k])) is not None for k in range(len(words), 0, -1)):
            return True
    return False
