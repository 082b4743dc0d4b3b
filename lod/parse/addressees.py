"""Who an operative paragraph asks to act: "Requests the Secretary-General to …".

The operative verbs of a resolution that direct action ("requests", "urges", "invites", "calls
upon", "encourages", "recommends", …) take the actor as their object: the Secretary-General,
a body, Member States, "other donors". Those objects are what researchers ask about ("which
resolutions request UNODC to report"), so each becomes an `Addressee` linked to the bodies
table or to a State.

A paragraph often carries more than one directive: "Calls upon Member States to …, and requests
the Office to continue …". Every such verb is read, the leading one and those after a comma,
semicolon or "and". Objects are a list of noun phrases joined by commas, "and" or "as well as",
with appositions ("the United Nations, especially the United Nations Office on Drugs and
Crime,") adding an addressee; the list ends where the infinitive ("to continue"), a that-clause
or an adverbial ("upon request") begins.

Short references ("the Office", "the Commission") are anaphors: they are resolved to the most
recent body of that kind named before them — earlier in the paragraph, or earlier in the
document when the caller passes the bodies it has seen (`AddresseeFinder` keeps them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from lod.bodies import Body, by_key, by_name
from lod.groups import lookup_group
from lod.model import Addressee
from lod.parse.established import EstablishedBody, established_at, established_in
from lod.parse.bodynames import BODY_HEADS, alternation, bodies_named, known_names, known_re, names_with, second_name
from lod.states import lookup_state, state_of_adjective

__all__ = ["Addressee", "AddresseeFinder", "addressees", "bodies_named", "action_of"]

# operative verb (third person, as printed) → lemma used in `Addressee.action`
ACTIONS: dict[str, str] = {
    "requests": "request", "urges": "urge", "invites": "invite", "calls upon": "call-upon",
    "calls on": "call-upon", "encourages": "encourage", "recommends": "recommend",
    "authorizes": "authorize", "directs": "direct", "instructs": "instruct", "appeals to": "appeal",
    "exhorts": "exhort", "reminds": "remind", "demands": "demand", "entrusts": "entrust",
    "asks": "ask", "mandates": "mandate", "designates": "designate", "tasks": "task",
}
# "Decides to invite …", "Decides also to request …": the directive follows "decides"
_DECIDE_TO = {"invite": "invite", "request": "request", "authorize": "authorize", "entrust": "entrust",
              "mandate": "mandate", "ask": "ask", "task": "task", "call upon": "call-upon"}

_ADVERBS = (
    r"(?:(?:also|further|again|once\s+again|strongly|urgently|firmly|respectfully|kindly|"
    r"in\s+this\s+regard|in\s+this\s+respect|in\s+this\s+context|in\s+that\s+regard|furthermore|"
    r"moreover|therefore|accordingly|in\s+addition|equally|likewise|similarly|finally),?\s+)*"
)
_VERB_ALTERNATION = "|".join(v.replace(" ", r"\s+") for v in sorted(ACTIONS, key=len, reverse=True))
_INFINITIVES = "|".join(k.replace(" ", r"\s+") for k in _DECIDE_TO)
_DIRECTIVE_RE = re.compile(
    rf"(?:^|[,;:]\s*(?:and\s+)?|\band\s+|\bbut\s+)\s*{_ADVERBS}"
    rf"(?:(?P<verb>{_VERB_ALTERNATION})|decides\s+(?:also\s+|further\s+)?to\s+(?P<decided>{_INFINITIVES}))\b"
    # a point under "Decides:" that opens with its own directive: "(b) To request the Secretary-General …"
    rf"|^\s*(?:\(\w{{1,5}}\)\s*)?to\s+(?P<point>{_INFINITIVES})\b",
    re.IGNORECASE,
)

_W = r"[A-Z][\w'’.-]*"  # a capitalised word


_CAP_NAME = rf"{_W}(?:\s+(?:of|the|on|for|against|in)\s+(?:the\s+)?{_W}|\s+{_W})*"


@lru_cache(maxsize=1)
def _post_re() -> re.Pattern[str]:
    """Posts (titles of office holders); "of the X" prefers a known body's full name as X."""
    of_body = rf"(?:{alternation(known_names())}|{_CAP_NAME})"
    return re.compile(
        rf"""(?:the\s+)?(?P<post>
            (?:Deputy\s+)?Secretary-General
          | President\s+of\s+the\s+{of_body}
          | Chair(?:person|man|woman)?\s+of\s+the\s+{of_body}
          | Executive\s+(?:Director|Secretary|Head)s?(?:\s+of\s+the\s+{of_body})?
          | Director-General(?:\s+of\s+the\s+{of_body})?
          | Administrator(?:\s+of\s+the\s+{of_body})?
          | (?:United\s+Nations\s+)?High\s+Commissioner\s+for\s+(?:Human\s+Rights|Refugees)
          | (?:United\s+Nations\s+)?Legal\s+Counsel
          | Under-Secretary-General\s+for\s+{_CAP_NAME}
          | Emergency\s+Relief\s+Coordinator
          | Special\s+(?:Rapporteur|Representative|Envoy|Adviser|Coordinator)s?
            (?:\s+(?:of|on|for)\s+(?!to\b)[\w'’-]+(?:\s+(?!to\b)[\w'’-]+)*)?
        )(?![\w-])""",
        re.VERBOSE,
    )


_TREATY_NAME = rf"{_W}(?:\s+(?:of|the|and|on|against|for|in)\s+{_W}|\s+{_W})*"
_STATES_RE = re.compile(
    r"(?P<states>(?:(?:all|other|those|the|interested|concerned|relevant|affected|neighbouring|"
    r"donor|developed|developing|transit|destination|origin)\s+)*"
    r"(?:Member\s+States|States\s+Members\s+of\s+the\s+United\s+Nations|States\s+parties"
    r"(?:\s+to\s+(?:(?:the|those|these)\s+)?(?:" + _TREATY_NAME + r"|(?:conventions|protocols|instruments|treaties)"
    r"(?:\s+and\s+(?:conventions|protocols|instruments|treaties))?))?"
    r"|States|Governments|countries))(?![\w-])"
)
_GOVERNMENT_OF_RE = re.compile(r"(?:the\s+)?Government\s+of\s+(?P<state>(?:the\s+)?[A-Z][^,;]*?)(?=\s+to\s|\s*[,;]|\s+and\s|$)")
_GROUP_RE = re.compile(
    r"(?P<group>(?:(?:all|other|the|those|relevant|interested|concerned|appropriate|competent|international|"
    r"regional|subregional|intergovernmental|non-governmental|multilateral|bilateral|financial|development|"
    r"humanitarian|donor|specialized|private|United\s+Nations|and)\s+)*"
    r"(?:donors|stakeholders|parties(?:\s+to\s+(?:the\s+)?(?:armed\s+)?conflicts?)?|organizations|entities|agencies|institutions|actors|partners|"
    r"funds\s+and\s+programmes|international\s+community|private\s+sector|civil\s+society|"
    r"United\s+Nations\s+system|business\s+community|academia|United\s+Nations(?!\s+[A-Z])))(?![\w-])"
)
_ANAPHOR_RE = re.compile(
    r"the\s+(?P<head>(?:[A-Z][a-z]+\s+){0,2}(?:Office|Commission|Council|Committee|Conference|Board|Programme|"
    r"Fund|Entity|Assembly|Group|Forum|Mechanism|Court|Tribunal|Unit|Panel))(?![\w-])"
)
"""A short reference: "the Office", "the Special Committee", "the Pension Board" (up to two words of
the full name before its head noun)."""
_NAMED_ON = re.compile(rf"\s+(?:of|on|for|against|in)\s+(?:the\s+)?{_W}(?:\s+(?:of|on|for|against|in)\s+(?:the\s+)?{_W}|\s+{_W})*")
"""What may follow a short reference's head and make it a longer name: "the Office of the High
Commissioner", "the Office for Outer Space Affairs" (no "and": a list goes on after it)."""
_LINKING_WORDS = frozenset(("of", "on", "for", "against", "in", "the"))
_OF_KNOWN = re.compile(r"\s+of\s+(?=(?:the\s+)?[A-Z])")
"""Where a name may go on as "… of <a body's name>": the known name may hold a comma the name
pattern stops at ("United Nations Educational, Scientific and Cultural Organization")."""
_NAME_RE = re.compile(rf"(?:the\s+)?(?P<name>{_W}(?:\s+(?:of|the|on|for|against|in|and)\s+(?:the\s+)?{_W}|\s+or\s+{_W}|\s+{_W})*)")
"""A name, its words capitalised: "or" joins two of them ("the Working Group on Enforced or
Involuntary Disappearances"), never two names ("the Council or the Assembly": "or the" ends it)."""
_SEPARATOR_RE = re.compile(
    r"(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+|especially\s+|in\s+particular\s+|notably\s+|including\s+|"
    r"particularly\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+or\s+)"
)
_FOLLOWER_RE = re.compile(r"\s+(?:(?P<authority>authorities|Government|forces)\b|(?P<word>[a-z][\w-]*))")
_MAY_FOLLOW_A_NAME = frozenset(
    "to and or in at as with within on for that which who whose through by from under upon".split()
)
_EXECUTIVE_HEADS = ("unodc", "unep", "unicef", "unfpa", "unwomen", "oct", "unwto")


def action_of(verb: str | None) -> str | None:
    """The lemma of a leading phrase's directive verb ("Also requests" → "request"), if any."""
    if not verb:
        return None
    words = " ".join(verb.replace("*", " ").split()).lower()
    for printed in sorted(ACTIONS, key=len, reverse=True):
        if words == printed or words.endswith(" " + printed):
            return ACTIONS[printed]
    return None


@dataclass
class _Reader:
    """One pass over the object list of one directive verb."""

    text: str
    action: str
    context: list[Body]
    document_body: Body | None
    established: Sequence[EstablishedBody] = ()

    def read(self, start: int) -> list[Addressee]:
        pos = start
        while self.text.startswith(" ", pos):
            pos += 1
        # "Recommends that Member States adopt", "Recommends to the General Assembly the adoption"
        lead_in = re.match(r"(?:that|to)\s+(?=the\s|all\s|[A-Z])", self.text[pos:])
        if lead_in:
            pos += lead_in.end()
        out: list[Addressee] = []
        while True:
            found = self._one(pos)
            if found is None:
                break
            addressee, end = found
            out.append(addressee)
            sep = _SEPARATOR_RE.match(self.text, end)
            if not sep:
                break
            pos = sep.end()
        return out

    def _one(self, pos: int) -> tuple[Addressee, int] | None:
        text = self.text
        for attempt in (self._post, self._known, self._government, self._states, self._group, self._anaphor,
                        self._state_name, self._other_name):
            found = attempt(text, pos)
            if found is not None:
                return found
        return None

    # -- one matcher per kind of addressee -------------------------------------------------

    def _post(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = _post_re().match(text, pos)
        if not m:
            return None
        post = _clean(m.group("post"))
        body = by_name(post)  # posts in the table: Secretary-General, President of the General Assembly
        of = re.search(r"\s+of\s+the\s+(.+)$", post)
        headed = by_name(of.group(1)) if of else None
        if headed is None and post.startswith("Executive"):
            # "the Executive Director" alone: the head of the entity the document has been talking about
            headed = next((b for b in reversed(self.context) if b.key in _EXECUTIVE_HEADS), None)
        return (
            Addressee(
                _clean(m.group(0)), "office", self.action,
                body_key=body.key if body else None, head_of=headed.key if headed else None,
            ),
            m.end(),
        )

    def _known(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = known_re().match(text, pos)
        if not m:
            return None
        body = by_name(m.group("name"))
        if body is None:
            return None
        kind = "office" if body.key in _POSTS else "body"
        return Addressee(_clean(m.group(0)), kind, self.action, body_key=body.key), m.end()

    def _government(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = _GOVERNMENT_OF_RE.match(text, pos)
        if not m:
            return None
        state = lookup_state(m.group("state"))
        if state is None:
            return None
        return Addressee(_clean(m.group(0)), "state", self.action, iso3=state.iso3), m.end()

    def _states(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = _STATES_RE.match(text, pos)
        if not m:
            return None
        return Addressee(_clean(m.group("states")), "states", self.action), m.end()

    def _group(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = _GROUP_RE.match(text, pos)
        if not m:
            return None
        return Addressee(_clean(m.group("group")), "group", self.action), m.end()

    def _established(self, body: EstablishedBody, printed: str, end: int) -> tuple[Addressee, int]:
        return Addressee(_clean(printed), "body", self.action, established_by=body.resolution,
                         established_head=body.head), end

    def _anaphor(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        named = established_at(text, pos)
        if named is not None:  # "the Committee established pursuant to resolution 1591 (2005)"
            return self._established(named[0], text[pos : named[1]], named[1])
        m = _ANAPHOR_RE.match(text, pos)
        if not m:
            return None
        head = " ".join(m.group("head").split())
        of_experts = re.match(r"\s+of\s+Experts\b", text[m.end():])
        short = f"{head} of Experts" if of_experts else head
        body_before = next((b for b in reversed(self.established) if b.called(short)), None)
        if body_before is not None:  # "the Committee", "the Panel of Experts" the text established
            end = m.end() + (of_experts.end() if of_experts else 0)
            return self._established(body_before, text[pos:end], end)
        longer = _NAMED_ON.match(text, m.end())
        if longer:
            # "the Office of the High Commissioner": a short form of the Office of the United Nations
            # High Commissioner for Human Rights named before; else a name of its own, read whole
            words = [w for w in f"{head} {longer.group(0)}".split() if w not in _LINKING_WORDS]
            body = self._antecedent(" ".join(words))
            if body is None:
                return None
            return Addressee(_clean(text[pos:longer.end()]), "body", self.action, body_key=body.key), longer.end()
        body = self._antecedent(head)
        if body is None and " " in head:
            return None  # "the International Criminal Court": a name of its own, not a short reference
        return Addressee(_clean(m.group(0)), "body", self.action, body_key=body.key if body else None), m.end()

    def _state_name(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = re.match(rf"(?:the\s+)?{_W}(?:\s+(?:of|the|and|{_W}))*(?:\s+\([^)]*\))?", text[pos:])
        if not m:
            return None
        words = m.group(0).split(" ")
        for k in range(len(words), 0, -1):
            candidate = " ".join(words[:k])
            state = lookup_state(candidate)
            if state is not None:
                return Addressee(_clean(candidate), "state", self.action, iso3=state.iso3), pos + len(candidate)
        return None

    def _other_name(self, text: str, pos: int) -> tuple[Addressee, int] | None:
        m = _NAME_RE.match(text, pos)
        if not m:
            return None
        cut = second_name(m.group(0))
        if cut is not None:
            m = _NAME_RE.match(text[: pos + cut], pos) or m  # the list goes on after "and the"
        end = m.end()
        follower = _FOLLOWER_RE.match(text, end)
        if follower and follower.group("authority"):
            # "the Syrian authorities", "the Transitional Federal Government": a State's organs
            end = follower.end()
            state = state_of_adjective(re.sub(r"^the\s+", "", m.group("name")))
            return Addressee(_clean(text[pos:end]), "state", self.action, iso3=state.iso3 if state else None), end
        if follower and follower.group("word") and follower.group("word") not in _MAY_FOLLOW_A_NAME:
            return None  # a capitalised adjective, not a name: "the Arab population"
        name = m.group("name")
        organization = lookup_group(name)
        if organization is not None and organization.kind == "organization":
            # "the African Union", "the International Committee of the Red Cross": no UN body (a
            # group's name, "African States", is the States of a region here, not the negotiating group)
            return Addressee(_clean(m.group(0)), "organization", self.action, group=organization.key), end
        of_known = _OF_KNOWN.search(text, pos, end)
        if of_known is not None:
            # "the Intergovernmental Hydrological Programme of the United Nations Educational,
            # Scientific and Cultural Organization": the name runs on to the known body's
            whole = known_re().match(text, of_known.end())
            if whole is not None and whole.end() > end:
                end = whole.end()
        head = re.split(r"\s+(?:of|for|on|against|in)\s+", name)[0].split()[-1]
        if name.split()[-1] == "Governments":
            # "African Governments", "the Governments concerned": States, as "Member States" are
            return Addressee(_clean(m.group(0)), "states", self.action), end
        if name.split()[-1] == "Government":
            # "the Transitional Federal Government"; "the Iranian Government" names its State
            state = state_of_adjective(name.rsplit(" ", 1)[0]) if " " in name else None
            return Addressee(_clean(m.group(0)), "state", self.action, iso3=state.iso3 if state else None), end
        outside = re.search(r"\s+of\s+(?:the\s+)?(.+)$", name)
        # "the Development Assistance Committee of the Organisation for Economic Co-operation and
        # Development", "the African Union Commission": a body of an organization outside the
        # United Nations is none of its bodies
        inside = (outside is None or lookup_group(outside.group(1)) is None) and not _organization_prefix(name)
        kind = "body" if head in BODY_HEADS and inside else "organization"
        return Addressee(_clean(text[pos:end]), kind, self.action), end

    def _antecedent(self, head: str) -> Body | None:
        """The body a short reference ("the Office") stands for: the last one of that kind named."""
        if head == "Assembly":
            return by_key("ga")
        words = head.split()
        for body in reversed(self.context):
            if names_with(body, words):
                return body
        if self.document_body is not None and names_with(self.document_body, words):
            return self.document_body
        return None


_POSTS = frozenset({"sg", "pga", "hchr", "legal-counsel"})


def _organization_prefix(name: str) -> bool:
    """Whether a name opens with an organization's of lod.groups ("African Union Commission")."""
    words = name.split()
    return any(_is_organization(" ".join(words[:k])) for k in range(1, len(words)))


def _is_organization(name: str) -> bool:
    group = lookup_group(name)
    return group is not None and group.kind == "organization"


def _clean(printed: str) -> str:
    return " ".join(printed.split()).rstrip(",;:")


def _directives(text: str) -> list[tuple[str, int, int]]:
    """(action, start of the verb, end of the verb) for every directive verb in the paragraph."""
    found: list[tuple[str, int, int]] = []
    for m in _DIRECTIVE_RE.finditer(text):
        if m.group("verb"):
            action = ACTIONS[" ".join(m.group("verb").lower().split())]
        else:
            action = _DECIDE_TO[" ".join((m.group("decided") or m.group("point")).lower().split())]
        found.append((action, m.start(), m.end()))
    return found


def addressees(
    text: str,
    verb: str | None = None,
    context: Sequence[Body | str] = (),
    document_body: Body | str | None = None,
    established: Sequence[EstablishedBody] = (),
) -> list[Addressee]:
    """The addressees of every directive in an operative paragraph or point, in order.

    `text` is the paragraph as printed (with or without its leading phrase); `verb` its leading
    phrase when the parser knows it ("Also requests"). `context` lists the bodies (objects or
    lod.bodies keys) named earlier in the document, oldest first, for resolving "the Office";
    `document_body` is the adopting body, the antecedent of "the Council" in its own texts;
    `established` the bodies named before by the resolution that established them.
    A paragraph with no directive ("Decides to remain seized of the matter") has none.
    """
    plain = text.replace("*", "").replace("\u00a0", " ")
    if verb and not re.match(r"\s*" + re.escape(verb.split()[0]), plain):
        plain = f"{verb} {plain}"
    seen = [_as_body(b) for b in context]
    doc = _as_body(document_body) if document_body is not None else None
    out: list[Addressee] = []
    cursor = 0
    known = list(established)
    for action, start, end in _directives(plain):
        seen.extend(bodies_named(plain[cursor:start]))
        known.extend(established_in(plain[cursor:start]))
        cursor = start
        out.extend(_Reader(plain, action, seen, doc, known).read(end))
    return out


def _as_body(body: Body | str) -> Body:
    return body if isinstance(body, Body) else by_key(body)


@dataclass
class AddresseeFinder:
    """Addressees paragraph by paragraph, remembering the bodies a document has named.

    Feed it every paragraph in document order (preamble through `observe`, operative part and
    points through `paragraph`), so that "the Office" in paragraph 22 resolves to the Office
    named in paragraph 3 or in the preamble.
    """

    document_body: Body | None = None
    seen: list[Body] = field(default_factory=list)
    established: list[EstablishedBody] = field(default_factory=list)

    def observe(self, text: str) -> None:
        """Remember the bodies a paragraph names (a preambular paragraph, a footnote).

        Each body once, at the place it was last named: readers look for the latest mention,
        and a document naming the Secretary-General in each of 100,000 paragraphs must not
        make every paragraph scan all the mentions before it."""
        for body in bodies_named(text):
            if body in self.seen:
                self.seen.remove(body)
            self.seen.append(body)
        for named in established_in(text):
            if named in self.established:
                self.established.remove(named)
            self.established.append(named)

    def paragraph(self, text: str, verb: str | None = None) -> list[Addressee]:
        """The addressees of one operative paragraph or point; its bodies are remembered after."""
        found = addressees(text, verb, context=self.seen, document_body=self.document_body, established=self.established)
        self.observe(text)
        return found
