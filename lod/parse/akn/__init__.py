"""AKN4UN XML → `lod.model.Resolution`: the UN's own markup of its resolutions, read as is.

    looks_like_akn(data)         whether bytes are an Akoma Ntoso document
    read_akn(data, source)       the model of one AKN file (ParseError when it is not one)
    read_akn(data, source, part) the model of resolution `part` ("B") of a collection file
    collection_parts(data)       the letters of the resolutions a collection file holds

Everything the file holds goes into the model: identification (FRBR dates, language, the
UN's IRIs as aliases), cover page (symbol, session, agenda items and titles, the committee
report and its paragraph), workflow (draft, sponsors, report, meeting record), voting
(outcome, counts, each State's vote), classification (SDG, UNBIS, EuroVoc subjects), the text
(preamble, paragraphs, points, sections, annexes, tables) and footnotes. What the
reader does not map is named in `Resolution.warnings`, never dropped silently. Citations
come from the same extractor the text converters use, plus every undocs.org link it did not
already find, so the two kinds of input give the same citations.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import etree

from lod.bodies import by_key, by_name, find
from lod.model import Citation, Resolution
from lod.parse.agenda import agenda_items
from lod.parse.akn import meta as M
from lod.parse.akn.body import BodyReader
from lod.parse.akn.inline import InlineReader, Link, child, children, local, squash
from lod.parse.akn.organ_names import ORGANS
from lod.parse.akn.printed import annex_organ, misdated_numbers, printed_citations
from lod.parse.akn.slips import link_slips, printed_over_links
from lod.parse.akn.repairs import MEETING_LINE, annex_title, starred_notes, stray_preamble, trailing_meeting
from lod.parse.akn.workflow import lineage, meeting_in_flow, sponsors, step_date
from lod.parse.enrich import add_addressees, add_citations, repeat_ibid, running_texts
from lod.parse.errors import ParseError
from lod.symbols import link_symbol, parse_symbol

__all__ = ["collection_parts", "looks_like_akn", "read_akn"]

_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?akomaNtoso\b", re.S)
_NUMBER_WORD = re.compile(r"^(?:Resolution|Decision)\s+(?=(?:ES-|S-)?\d)", re.IGNORECASE)
_DOC_TYPES = ("statement", "documentCollection", "doc", "act", "bill")
_KINDS = {"resolution": "resolution", "decision": "decision", "draftresolution": "draft-resolution",
          "draftdecision": "draft-decision", "amendment": "draft-amendment"}
_READ_PARTS = frozenset({"", "meta", "coverPage", "preface", "preamble", "mainBody", "body", "conclusions", "attachments",
                         "components", "collectionBody"})
"""Children of the document element the reader reads (comments are "")."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def looks_like_akn(data: bytes) -> bool:
    """An `<akomaNtoso>` root, after an optional BOM, XML declaration and comments."""
    return bool(_HEAD.match(data[:4096].removeprefix(b"\xef\xbb\xbf")))


def collection_parts(data: bytes) -> list[str]:
    """The letters of the resolutions an AKN collection holds ("A", "B" of A/RES/77/256 A-B),
    each a statement with its own FRBR identification: each is a work of its own. Empty for a
    file of one text (a file per part, A/RES/77/290 B, is one text)."""
    if not looks_like_akn(data):
        return []
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return []  # read_akn says why
    doc = next((c for c in root if local(c) in _DOC_TYPES), None)
    if doc is None or local(doc) != "documentCollection":
        return []
    letters = [_part_letter(s) for s in _components(root)]
    return letters if len(letters) > 1 and all(letters) and len(set(letters)) == len(letters) else []  # type: ignore[return-value]


def _components(root: etree._Element) -> list[etree._Element]:
    return [s for comp in children(child(root, "components"), "component") for s in comp if local(s) in _DOC_TYPES]


def _part_letter(statement: etree._Element) -> str | None:
    """ "A" when the statement's preface numbers it with a letter alone and its FRBR work says so."""
    number = _preface(child(statement, "preface"), InlineReader())[0]
    work = M.identification(child(statement, "meta")).aliases
    if number and re.fullmatch(r"[A-Z]", number) and any(re.search(rf"\d{number}/", a) for a in work):
        return number
    return None


def read_akn(data: bytes, source: str, part: str | None = None) -> Resolution:
    """The model of an AKN file; of one resolution of a collection with `part` ("B": its own
    symbol, number, FRBR aliases, text and meeting; the collection's cover, workflow, vote and
    subjects, which the UN records once for all its parts)."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ParseError(source, f"the AKN file is not well-formed XML ({exc})") from None
    doc = next((c for c in root if local(c) in _DOC_TYPES), None)
    if doc is None:
        raise ParseError(source, "the AKN file holds no statement, collection or document element")
    warnings: list[str] = []
    meta = child(doc, "meta")
    ident = M.identification(meta)
    cover = M.cover(child(doc, "coverPage"))
    inline = InlineReader()
    reader = BodyReader(inline, ident.language)
    heading_refs: list[str] = []
    preface_number, title = _preface(child(doc, "preface"), inline, heading_refs)
    statements = [doc]
    conclusions = child(doc, "conclusions")
    if part is not None:
        chosen = [s for s in _components(root) if _part_letter(s) == part]
        if local(doc) != "documentCollection" or not chosen:
            raise ParseError(source, f"the AKN file holds no resolution {part} in a collection")
        statements = chosen
        own = M.identification(child(chosen[0], "meta"))
        ident.aliases = own.aliases
        ident.adoption_date = own.adoption_date or ident.adoption_date
        ident.publication_date = own.publication_date or ident.publication_date
        title = _preface(child(chosen[0], "preface"), inline)[1] or title
        conclusions = child(chosen[0], "conclusions") if child(chosen[0], "conclusions") is not None else conclusions
        warnings.append(f"resolution {part} of the collection {cover.symbol or preface_number or source}, "
                        f"read from the file that holds all its parts")
    elif local(doc) == "documentCollection":
        statements = _components(root)
        parts = [_preface(child(s, "preface"), inline)[0] for s in statements]
        warnings.append(
            f"the file holds {len(statements)} texts ({', '.join(p or '?' for p in parts)}) in one collection: "
            "read as one document, each text's paragraphs under its own part"
        )
    closing_refs: list[str] = []
    for k, statement in enumerate(statements):
        part_mark = _preface(child(statement, "preface"), inline)[0] if statement is not doc and part is None else None
        _read_text(reader, statement, part)
        closing_refs += inline.read(child(statement, "conclusions")).markers  # a note on the adoption
        for att in children(child(statement, "attachments"), "attachment"):
            doc_el = child(att, "doc")
            reader.attachment(doc_el if doc_el is not None else att)
        if statement is not doc or local(doc) != "documentCollection":
            for inner in [s for c in children(child(statement, "components"), "component") for s in c if local(s) in _DOC_TYPES]:
                reader.embedded(inner, _preface(child(inner, "preface"), inline)[1] or inner.get("name"))
                for att in children(child(inner, "attachments"), "attachment"):
                    doc_el = child(att, "doc")
                    reader.attachment(doc_el if doc_el is not None else att)
        for el in statement:
            if local(el) not in _READ_PARTS:
                warnings.append(f"<{local(el)}> of the document is not read")
        if part_mark:
            _mark_part(reader, part_mark)
    body = reader.finish()
    stray_preamble(body)
    annex_title(body)
    starred_notes(body, inline.footnotes)
    closing = trailing_meeting(body)
    if not body.preamble and not body.operative and not body.annexes:
        raise ParseError(source, "the AKN file has no preamble, paragraphs or annexes")

    kind = _KINDS.get((doc.get("name") or "").lower().replace("-", "").replace(" ", ""), "resolution")
    symbol = _attested_symbol(cover.symbol, preface_number, ident.aliases, source, warnings) or M.frbr_symbol(ident.aliases, kind)
    if part is not None and symbol:
        symbol = f"{_whole(symbol)} {part}"
    info = parse_symbol(_whole(symbol)) if symbol else None
    body_name = _body(info.body if info else None, ident.author)
    flow = M.workflow(meta)
    res = Resolution(
        symbol=symbol,
        kind=kind,  # type: ignore[arg-type]
        body=body_name,
        title=title,
        committee=_committee(cover.proponent_ref),
        session=cover.session if cover.session is not None else (info.session if info else None),
        session_label=cover.session_label,
        agenda_items=cover.agenda_items,
        date=cover.issue_date,
        adoption_date=ident.adoption_date or step_date(flow, "adopted"),
        number=_number(symbol, preface_number, info),
        language=ident.language,
        preamble_formula=body.formula,
        preamble=body.preamble,
        operative=body.operative,
        annexes=body.annexes,
        footnotes=inline.footnotes,
        tables=body.tables,
        source=source,
        layout="akn",
        agenda_titles=cover.agenda_titles,
        aliases=ident.aliases,
        publication_date=ident.publication_date,
        distribution=cover.distribution,
        subjects=M.subjects(meta, warnings),
        workflow=flow,
        voting=M.voting(meta, warnings),
        meeting=M.meeting(conclusions) or _meeting_line(conclusions) or closing or meeting_in_flow(flow),
        closing_refs=list(dict.fromkeys(closing_refs)),
        heading_refs=list(dict.fromkeys(heading_refs)),
    )
    lineage(res, cover, flow)
    sponsors(res, flow, warnings)
    _agenda(res, M.agenda(meta))
    add_citations(res, body_name)
    other_language = res.language not in (None, "", "eng")  # the numbers the other languages print without a link
    texts = [*running_texts(res), *((note.text, note.eid) for note in res.footnotes)] if other_language else []
    misdated = misdated_numbers(texts)  # links on these, and on other organs' numbers, are the file's slips
    linked = _link_citations(res, body.links, inline.note_links, link_slips(texts, res.language, misdated))
    if other_language:
        own = find(res.body)  # the organ's key: res.body_key is set by lod.parse.resolved, after the reader
        owners = {a.eid: organ for a in res.annexes if a.paragraphs and (organ := annex_organ(a.paragraphs[0].text))}
        # a number a link cites as another organ's ("de la résolution 72/7" linked to E/ESCAP/RES/72/7): whose
        elsewhere = dict.fromkeys(misdated, "") | {(c.location, c.number): organ.key for c in res.citations
                                                   if c.number and c.body and (organ := find(c.body)) and organ.key not in ORGANS}
        res.citations += printed_citations(texts, res.language, own.key if own else None,
                                           {(c.location, c.symbol) for c in res.citations}, owners, elsewhere)
    res.citations = printed_over_links(res.citations, linked)  # "75/290 A" linked to A/RES/75/290, "decisión 18/120" to …/RES/…
    if other_language:
        repeat_ibid(res)  # the note before cited by its link or its printed number, which the extractor does not know
    if res.language in (None, "eng"):
        # the addressee lexicon is English (States, organs, posts as the English text names
        # them): on the other five languages it finds nothing (0 on the 162 sampled files) at a
        # fifth of the reading time; their addressees are the English expression's (one work)
        add_addressees(res, body_name)
    M.restore_published(res, meta)
    res.meta_warnings = M.meta_warnings(meta) + (M.meta_warnings(child(statements[0], "meta")) if part is not None else [])
    if res.language is None:
        warnings.append("the file names no language (FRBRlanguage)")
    if symbol is None:
        warnings.append("no document symbol on the cover page")
    res.warnings = warnings + body.warnings
    return res


_NUMBER_DASH = re.compile(r"^[-–—]\s+")


def _preface(preface: etree._Element | None, inline: InlineReader, markers: list[str] | None = None) -> tuple[str | None, str | None]:
    """(number, title) of a preface: "77/18." and the resolution's title; the footnote markers
    the title carries go to `markers` (the heading's notes)."""
    if preface is None:
        return None, None
    number = title = None
    for el in preface.iter():
        kind = local(el) if local(el) in ("docNumber", "docTitle") else el.get("class")  # other tools: <p class="docTitle">
        if kind == "docNumber" and number is None:  # "77/18." (the UN's), "Resolution 79/100" (other tools')
            number = _NUMBER_WORD.sub("", squash("".join(el.itertext())).rstrip(".")) or None
        elif kind == "docTitle" and title is None:
            read = inline.read(el)
            title = _NUMBER_DASH.sub("", read.text) or None  # the Arabic titles' "75/2 -⇥جدول …": not the title's
            if markers is not None:
                markers += read.markers
    return number, title


def _read_text(reader: BodyReader, statement: etree._Element, part: str | None) -> None:
    """A statement's preamble and body, in the order the file gives them: a body followed by another
    preamble is the preamble's (A/RES/75/234 in Chinese: <preamble>, a <mainBody> of one unnumbered
    paragraph "极为关切地注意到 …，", a second <preamble>, then the <mainBody> of the numbered paragraphs;
    only the first of each was read, and the six numbered paragraphs were lost)."""
    texts = [el for el in statement if local(el) in ("preamble", "mainBody", "body")]
    for k, el in enumerate(texts):
        if local(el) == "preamble" or any(local(later) == "preamble" for later in texts[k + 1:]):
            reader.preamble(el)
        else:
            reader.main(el, part)


def _meeting_line(conclusions: etree._Element | None) -> str | None:
    """The adoption meeting printed as a line of the conclusions with no `adoptionMeeting` markup
    ("<p>79th plenary meeting</p>", as other tools than the UN's write it)."""
    for line in children(conclusions, "p") if conclusions is not None else ():
        text = squash("".join(line.itertext()))
        if MEETING_LINE.match(text):
            return text.rstrip(".")
    return None


def _mark_part(reader: BodyReader, part: str) -> None:
    """Paragraphs of one text of a collection read so far carry its letter as their part."""
    for para in reader._operative:
        if para.section is None or not para.section.startswith("Resolution "):
            para.section = f"Resolution {part}" + (f" — {para.section}" if para.section else "")


_IRI_NUMBER = re.compile(r"/\d{4}-\d{2}-\d{2}/([^/@!]+)/[a-z]{3}@")
"""The number an expression or manifestation IRI names: ".../2023-10-05/78-4/fra@/" → "78-4"."""
_WORK_NUMBER = re.compile(r"/\d{4}-\d{2}-\d{2}/([^/@!]+)/")


def _attested_symbol(
    printed: str | None, preface: str | None, aliases: list[str], source: str, warnings: list[str]
) -> str | None:
    """The cover page's symbol, unless the file's own identification says otherwise.

    A cover page is copied from the file of the previous resolution and edited by hand; the
    FRBR identification and the preface are written from the document itself. The French file
    of A/RES/78/4 prints "A/RES/78/3" on its cover while its expression and manifestation IRIs
    and its preface say 78/4: believing the cover would publish it as 78/3's French text and
    lose it. When the expression's number and the preface's agree with each other and not with
    the cover, they decide, and the disagreement is named in the warnings."""
    if not printed or not preface:
        return printed
    info = parse_symbol(_whole(printed))
    numbers = {m.group(1).replace("-", "/") for a in aliases if (m := _IRI_NUMBER.search(a))}
    attested = preface.rstrip(".")
    if info.number is None or info.number.split()[0] == attested or numbers != {attested}:  # "77/291 B": a part
        return printed
    corrected = printed[: printed.rindex(info.number)] + attested + printed[printed.rindex(info.number) + len(info.number):]
    aliases[:] = [a for a in aliases if (m := _WORK_NUMBER.search(a)) is None or m.group(1).replace("-", "/") == attested]
    warnings.append(
        f"the cover page prints {printed}, but the FRBR expression and the preface name {attested}: "
        f"published as {corrected}"
    )
    return corrected


def _whole(symbol: str) -> str:
    """A collection's symbol names its parts ("A/RES/77/256 A-B"): the symbol of the whole."""
    return re.sub(r"\s+[A-Z](?:-[A-Z])+$", "", symbol)


def _number(symbol: str | None, preface: str | None, info: object) -> str | None:
    """The printed number; a collection keeps its parts ("77/256 A-B") so it names one work."""
    number = getattr(info, "number", None) or preface
    if symbol and number and (m := re.search(r"\s([A-Z](?:-[A-Z])+)$", symbol)):
        return f"{number} {m.group(1)}"
    return number


def _body(key: str | None, author: str | None) -> str | None:
    if key:
        return by_key(key).name
    for token in filter(None, [author, M.UN_ACTORS.get(author or "")]):
        for lookup in (by_key, by_name):
            try:
                found = lookup(token)
            except KeyError:
                found = None
            if found is not None:
                return found.name
    return None


def _committee(ref: str | None) -> str | None:
    """`refersTo="#fifthCommittee"` → "Fifth Committee" when the bodies table knows it."""
    if not ref:
        return None
    name = re.sub(r"(?<!^)([A-Z])", r" \1", ref).strip().capitalize()
    body = by_name(name) or by_name(name.title())
    return body.name if body is not None and (body.kind == "committee" or body.parent is not None) else None


def _agenda(res: Resolution, keywords: list[tuple[str, str | None]]) -> None:
    """The agenda keywords repeat the cover's items ("19c" for "19 (c)") with the agenda's own
    (English) titles: an item the cover lacks is added, a title it lacks is filled in, in an English
    expression only (the other languages' files carry the same English keywords)."""
    english = res.language in (None, "", "eng")
    for value, title in keywords:
        for item in agenda_items(value) or [value]:
            if item not in res.agenda_items:
                res.agenda_items.append(item)
            at = res.agenda_items.index(item)
            if title and english and (at >= len(res.agenda_titles) or not res.agenda_titles[at]):
                res.agenda_titles += [""] * (at + 1 - len(res.agenda_titles))
                res.agenda_titles[at] = title


_WHOLE_NUMBER = re.compile(r"\d{1,4}/\d{1,3}")
"""A link's words that are a whole resolution number (not half of one, "69/3" of a link to 69/313)."""


def _link_citations(res: Resolution, links: dict[str, list[Link]], note_links: dict[str, list[Link]],
                    slips: Collection[tuple[str, str, str]] = ()) -> set[int]:
    """Every undocs.org link the text extractor did not already turn into a citation, but a link to an organ's
    resolution the text's words say is not that organ's (`slips`: (eId, number, organ key), printed.link_slips);
    the ids of the citations it adds."""
    added: set[int] = set()
    known = {(c.location, c.symbol) for c in res.citations} | {(c.location, c.number) for c in res.citations}
    for location, found in [*links.items(), *note_links.items()]:
        for link in found:
            symbol = link_symbol(link.href)
            if not symbol:
                continue
            info = parse_symbol(symbol)  # also A/RES/217(III), E/RES/1566(L)
            number, kind, body = info.number, info.kind, info.body
            if (location, symbol) in known or (number and (location, number) in known):
                continue
            if (location, number, body) in slips:  # another organ's number, or a date that organ's session never met in
                continue
            words = (link.text or "").strip()
            if number and _WHOLE_NUMBER.fullmatch(words) and not (number.startswith(words) or number.endswith(words)):
                continue  # "76/156" linked to A/RES/75/188: the words printed are the citation, not the link's target
            known.add((location, symbol))
            ctype = kind if kind in ("resolution", "decision") else "document"
            res.citations.append(Citation(
                type=ctype,  # type: ignore[arg-type]
                text=link.text or symbol,
                body=by_key(body).name if body and ctype != "document" else None,
                number=number if ctype != "document" else None,
                symbol=symbol,
                location=location,
            ))
            added.add(id(res.citations[-1]))
    return added
