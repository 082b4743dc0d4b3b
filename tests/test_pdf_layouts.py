"""PDFs other than the UN's tagged ones (lod.parse.pdf, lod.parse.blocks): footnotes at the foot
of a page, and paragraphs told by their italic phrases. A PDF made from the UN's own Word file by another program (LibreOffice: the GA72 Word files
of ../shared printed so lost 1 note in 3) leaves the page's footer untagged, in body type below
the notes, and puts a note's raised marker on a line of its own above the note's first words.
Each test draws such a page with PDFium itself (standard Times font), so it needs no file; the
Security Council's draft PDFs (tests/test_readers_real.py) hold the UN's own layout unchanged."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from lod.parse import parse_file
from lod.parse.pdf import RULE, pdf_text

Run = tuple[str, float, float, float]
"""Text, x, baseline y (points from the page's foot) and type size."""


def _page(path: Path, runs: list[Run], *pages: list[Run]) -> Path:
    doc = pdfium.PdfDocument.new()
    for page_runs in (runs, *pages):
        page = doc.new_page(612, 792)
        for text, x, y, size in page_runs:
            obj = raw.FPDFPageObj_NewTextObj(doc.raw, b"Times-Roman", ctypes.c_float(size))
            encoded = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(encoded, ctypes.POINTER(ctypes.c_ushort)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
    doc.save(str(path))
    return path


RESOLUTION: list[Run] = [
    ("United Nations A/RES/72/999", 72, 740, 14),
    ("General Assembly Distr.: General", 72, 710, 14),
    ("Resolution adopted by the General Assembly on 21 November 2017", 72, 680, 12),
    ("72/999. The situation in a test", 72, 660, 12),
    ("The General Assembly,", 72, 640, 10),
    ("Recalling the Convention on the Rights of the Child,", 72, 620, 10),
    ("5", 322, 624, 5),  # the marker, raised
    ("1. Decides to remain seized of the matter.", 72, 600, 10),
    ("5", 72, 123, 5),  # the note's own marker, a line of its own
    ("Ibid., vol. 1577, No. 27531.", 78, 120, 8.5),
    ("17-20698 (E) 121017", 72, 47, 10),  # the footer, untagged, in body type
]


def test_a_note_above_an_untagged_footer_in_body_type_is_a_note(tmp_path: Path) -> None:
    text = pdf_text(_page(tmp_path / "a.pdf", RESOLUTION).read_bytes(), "a.pdf")
    lines = text.splitlines()
    assert lines[lines.index(RULE) + 1] == "⁵ Ibid., vol. 1577, No. 27531."
    assert lines.index("17-20698 (E) 121017") < lines.index(RULE)  # the page's furniture, not a note


def test_the_note_reaches_the_model(tmp_path: Path) -> None:
    res = parse_file(_page(tmp_path / "a.pdf", RESOLUTION))
    assert [(f.marker, f.text) for f in res.footnotes] == [("5", "Ibid., vol. 1577, No. 27531.")]
    assert res.preamble[0].footnote_refs == ["5"]
    assert [p.num for p in res.operative] == ["1"]


def test_an_upright_line_in_an_italic_phrased_pdf_opens_no_paragraph() -> None:
    """A/RES/72/42 printed to PDF: the title of a conference wraps after its colon, and its
    second line opens with a participle in upright type ("Enhancing Global Efforts"); the PDF
    prints its phrases in italics, so the line goes on the paragraph above."""
    from lod.parse.assemble import assemble
    from lod.parse.readers import SourceText

    text = "\n".join([
        "Resolution adopted by the General Assembly on 4 December 2017", "72/42. Measures to prevent terrorists",
        "*The General Assembly*,",
        "*Taking note* of the holding of the International Conference on Nuclear Security:",
        "Enhancing Global Efforts, in Vienna in July 2013,",
        "*Taking note also* of the Code of Conduct on the Safety and Security of Radioactive Sources,",
        "1. *Calls upon* all Member States to support international efforts;",
    ])
    res = assemble(SourceText(text, "pdf", {}, "a.pdf"), {})
    assert [p.verb for p in res.preamble] == ["Taking note", "Taking note also"]
    assert "Nuclear Security: Enhancing Global Efforts" in res.preamble[0].text
    # without italics to tell by, the title's colon and the subtitle in title case say the same
    plain = assemble(SourceText(text.replace("*", ""), "pdf", {}, "a.pdf"), {})
    assert [p.verb for p in plain.preamble] == ["Taking note", "Taking note also"]


def test_an_odd_page_s_wrapped_short_title_is_a_running_header() -> None:
    """A/RES/72/227 printed to PDF: the short title wraps and the symbol follows its second line
    ("Role of the United Nations in promoting development ⏎ in the context of globalization and
    interdependence A/RES/72/227"); a PDF that does not tag it leaves it in the text, where it
    glued the page's first paragraph to the last one of the page before."""
    from lod.parse.assemble import assemble
    from lod.parse.readers import SourceText

    title = "Role of the United Nations in promoting development in the context of globalization and interdependence"
    text = "\n".join([
        "United Nations A/RES/72/227", "General Assembly Distr.: General",
        "Resolution adopted by the General Assembly on 20 December 2017",
        f"72/227. {title}", "*The General Assembly*,",
        "*Reaffirming also* the commitment to achieving sustainable development,",
        "2/5 17-23302", "\f" + "Role of the United Nations in promoting development",
        "in the context of globalization and interdependence A/RES/72/227",
        "*Reaffirming further* that the spread of information and communications technology has great potential,",
        "1. *Takes note* of the report of the Secretary-General;",
    ])
    res = assemble(SourceText(text, "pdf", {}, "a.pdf"), {})
    assert [p.verb for p in res.preamble] == ["Reaffirming also", "Reaffirming further"]
    assert res.preamble[0].text.endswith("sustainable development,")
    three = text.replace("Role of the United Nations in promoting development",  # A/RES/72/93: over three lines
                         "Role of the United Nations in promoting\ndevelopment in the context of\nglobalization and")
    three = three.replace("in the context of globalization and interdependence A/RES", "interdependence A/RES")
    res = assemble(SourceText(three, "pdf", {}, "a.pdf"), {})
    assert [p.verb for p in res.preamble] == ["Reaffirming also", "Reaffirming further"]
    assert res.preamble[0].text.endswith("sustainable development,")


def test_a_resolution_in_parts_printed_without_blank_lines() -> None:
    """A/RES/72/90 A-B printed to PDF: the title, part A's letter and title, and part B's letter,
    title and formula follow one another without the blank lines a Word file has; the running
    header carries the parts' symbol ("Questions relating to information A/RES/72/90 A-B")."""
    from lod.parse.assemble import assemble
    from lod.parse.readers import SourceText

    text = "\n".join([
        "United Nations A/RES/72/90 A-B", "General Assembly Distr.: General",
        "Resolutions adopted by the General Assembly on 7 December 2017",
        "72/90. Questions relating to information", "A", "Information in the service of humanity",
        "*The General Assembly*,", "*Taking note* of the report of the Committee on Information,",
        "1. *Urges* all countries to cooperate;", "", "*66th plenary meeting*", "", "*7 December 2017*", "",
        "B", "", "United Nations public information policies and activities", "*The General Assembly*,",
        "2/20 17-22120", "\fQuestions relating to information A/RES/72/90 A-B",
        "*Emphasizing* that the Committee on Information is its main subsidiary body,",
        "I. Introduction", "1. *Requests* the Department of Public Information to continue;",
        "2/20 17-22120", "\fQuestions relating to information A/RES/72/90 A-B",
        "2. *Reaffirms* that the Department is to continue;",
    ])
    res = assemble(SourceText(text, "pdf", {}, "a.pdf"), {})
    assert res.title == "Questions relating to information"
    assert [p.verb for p in res.preamble] == ["Taking note", "Emphasizing"]
    assert [(p.num, p.verb) for p in res.operative] == [("1", "Urges"), ("1", "Requests"), ("2", "Reaffirms")]
    assert not any("A/RES/72/90" in (p.section or "") or "A/RES/72/90" in p.text for p in res.operative)
    # part A's title is its section's, as part B's ("A. Information in the service of humanity", not "A")
    assert res.operative[0].section == "A. Information in the service of humanity"
    assert res.operative[1].section and res.operative[1].section.startswith("I. Introduction")


def test_a_note_s_marker_goes_before_its_first_word_where_the_note_wraps_in_one_line() -> None:
    """A/RES/72/31 printed to PDF: PDFium gives note 5, set in italics over two printed lines,
    as one line whose commoner baseline is its second; the marker "5", a line of its own, is
    raised above the note's first word, which is what it is measured against."""
    from lod.parse.pdf import _render
    from lod.parse.pdflines import Glyph, Line, attach_markers

    def glyphs(text: str, x: float, y: float, size: float) -> list[Glyph]:
        return [Glyph(c, size, x + 4 * k, y, False, False) for k, c in enumerate(text)]

    marker = Line(glyphs("5", 101.9, 175.8, 4.9))
    note = Line(glyphs("1995 Review", 147.2, 172.5, 8.5) + glyphs(" Conference of the Parties, Final Document", 101.9, 162.0, 8.5))
    [line] = attach_markers([marker, note])
    assert _render(line).startswith("⁵ 1995 Review")


def test_a_first_page_whose_notes_outweigh_its_text_keeps_the_document_s_body_type(tmp_path: Path) -> None:
    """A/RES/72/217 printed to PDF: page 1 holds the masthead, four lines of text and twelve
    lines of notes, so its commonest type is the notes'; the document's body type (the text of
    the pages after) tells text from notes there."""
    notes: list[Run] = [("1", 72, 303, 5), ("Report of the Global Conference on the Sustainable Development of Small Island", 78, 300, 8.5)]
    notes += [(f"Developing States, Bridgetown, Barbados, 25 April to 6 May 1994, chapter {n}, resolution 1, annex I.", 78, 290 - 10 * n, 8.5)
              for n in range(12)]
    first = RESOLUTION[:5] + [("Recalling the Barbados Programme of Action for Small Island Developing States,", 72, 620, 10),
                              ("1", 430, 624, 5), ("and the Mauritius Strategy for the Further Implementation of the Programme,", 72, 606, 10),
                              ("including its chapter on the sustainable development of small island developing", 72, 592, 10),
                              ("States,", 72, 578, 10)] + notes + [("17-23286 (E) 300118", 72, 47, 10)]
    second: list[Run] = [(f"{n}. Decides to continue the consideration of the question at its next session, as it decided;", 72, 700 - 14 * n, 10)
                         for n in range(1, 30)]
    res = parse_file(_page(tmp_path / "c.pdf", first, second))
    assert [f.marker for f in res.footnotes] == ["1"] and res.footnotes[0].text.startswith("Report of the Global Conference")
    assert [p.num for p in res.operative] == [str(n) for n in range(1, 30)]


def test_a_running_title_s_short_last_line_is_the_title_s() -> None:
    """A/RES/72/196 printed to PDF: the short title wraps over three lines and its last is one
    word ("capacity"), on an even page under the symbol and on an odd page before it."""
    from lod.parse.assemble import assemble
    from lod.parse.readers import SourceText

    title = "Strengthening the United Nations crime prevention and criminal justice programme, in particular its technical cooperation capacity"
    wrapped = ["Strengthening the United Nations crime prevention and criminal",
               "justice programme, in particular its technical cooperation"]
    text = "\n".join([
        "United Nations A/RES/72/196", "General Assembly Distr.: General",
        "Resolution adopted by the General Assembly on 19 December 2017", f"72/196. {title}",
        "*The General Assembly*,", "*Recalling* the Thirteenth Congress on Crime Prevention,",
        "2/19 17-23196", "\fA/RES/72/196", *wrapped, "capacity",
        "*Welcoming* Economic and Social Council resolution 2017/15 of 6 July 2017,",
        "3/19 17-23196", "\f" + wrapped[0], wrapped[1], "capacity A/RES/72/196",
        "*Reaffirming* the intrinsic value of biological diversity,",
        "1. *Takes note* of the report of the Secretary-General;",
    ])
    res = assemble(SourceText(text, "pdf", {}, "a.pdf"), {})
    assert [p.verb for p in res.preamble] == ["Recalling", "Welcoming", "Reaffirming"]
    assert not any("capacity" in p.text for p in res.preamble)


def test_in_an_italic_phrased_pdf_a_phrase_in_italics_opens_a_paragraph() -> None:
    """After a paragraph whose comma was not printed (A/RES/72/190: "… resolution 71/205⁴") and
    after a heading between preambular paragraphs (S/2018/693: "Political situation"), a line
    opening with a phrase of the lexicon in italics opens a paragraph."""
    from lod.parse.assemble import assemble
    from lod.parse.readers import SourceText

    text = "\n".join([
        "Resolution adopted by the General Assembly on 19 December 2017", "72/190. Situation of human rights",
        "*The General Assembly*,",
        "*Welcoming also* the report of the Office of the High Commissioner,",
        "submitted pursuant to resolution 71/205",
        "*Reaffirming its grave concern* that the monitoring mission continues to be denied access,",
        "Political situation",
        "*Reiterating* that there can be no military solution to the conflict,",
        "1. *Urges* the parties to cooperate;",
    ])
    res = assemble(SourceText(text, "pdf", {}, "a.pdf"), {})
    assert [p.verb for p in res.preamble] == ["Welcoming also", "Reaffirming its grave concern", None, "Reiterating"]
    assert res.preamble[2].text == "Political situation"  # the heading as printed, glued to no paragraph


def test_a_title_ends_above_a_formula_without_its_comma() -> None:
    """E/RES/2018/17 printed to PDF: the title, then the formula without its comma in one italic
    span with the verb on the next line ("*The Economic and Social Council ⏎ Recommends* …")."""
    from lod.parse.assemble import assemble
    from lod.parse.readers import SourceText

    text = "\n".join([
        "United Nations E/RES/2018/17", "Economic and Social Council Distr.: General", "19 July 2018",
        "2018 session", "Agenda item 19 (c)", "Resolution adopted by the Economic and Social Council", "on 2 July 2018",
        "[*on the recommendation of the Commission on Crime Prevention and Criminal", "Justice (E/2018/30)*]",
        "2018/17. The rule of law, crime prevention and criminal justice",
        "in the context of the Sustainable Development Goals", "*The Economic and Social Council",
        "Recommends* to the General Assembly the adoption of the following draft", "resolution:",
        "*The General Assembly*,", "*Reaffirming its commitment* to the purposes and principles of the Charter,",
        "1. *Urges* Member States to continue their efforts;",
    ])
    res = assemble(SourceText(text, "pdf", {}, "a.pdf"), {})
    assert res.title == "The rule of law, crime prevention and criminal justice in the context of the Sustainable Development Goals"


def test_a_line_end_hyphen_does_not_join_the_note_below(tmp_path: Path) -> None:
    """A/RES/72/154 printed to PDF: the page's last line ends "… of the twenty-" and the paragraph
    goes on over the page; PDFium joins the next text it reads, the note at the page's foot, to
    the hyphen ("twenty-1 United Nations, Treaty Series …")."""
    first = RESOLUTION[:6] + [("1. Decides to consider the outcome document of the twenty-", 72, 600, 10),
                              ("1", 72, 123, 5), ("United Nations, Treaty Series, vol. 1577, No. 27531.", 78, 120, 8.5),
                              ("17-20698 (E) 121017", 72, 47, 10)]
    second: list[Run] = [("third special session of the General Assembly;", 72, 700, 10),
                         ("2. Decides to remain seized of the matter.", 72, 680, 10)]
    res = parse_file(_page(tmp_path / "h.pdf", first, second))
    assert [(f.marker, f.text) for f in res.footnotes] == [("1", "United Nations, Treaty Series, vol. 1577, No. 27531.")]
    assert res.operative[0].text.endswith("the twenty-third special session of the General Assembly;")


def test_a_star_note_is_no_wrapped_italic_span() -> None:
    """E/RES/2018/14 printed to PDF: the note's raised star is a line of its own above "* Reissued
    for technical reasons …"; the two stars are no italic span wrapping from one line to the next."""
    from lod.parse.pdf import _join_hyphens

    assert _join_hyphens(["*", "* Reissued for technical reasons on 31 August 2018."]) == [
        "*", "* Reissued for technical reasons on 31 August 2018."]
    assert _join_hyphens(["3. *Reiterates its call*", "*for* an end to violence;"]) == [
        "3. *Reiterates its call", "for* an end to violence;"]
