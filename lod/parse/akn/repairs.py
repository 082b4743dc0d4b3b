"""Slips of the UN's markup that the six language files of one resolution do not share, mended
so that each expression reads as its English one does (and keeps its eIds)."""

from __future__ import annotations

from lod.model import PreambularParagraph
from lod.parse.akn.body import Body

PREAMBULAR_ENDINGS = (",", "،", "，")
"""How a preambular paragraph ends in the six languages (an operative one ends with ";" or ".")."""


def stray_preamble(body: Body) -> None:
    """The last preambular paragraphs marked up at the head of the main body: numberless, ending
    as a preambular paragraph ends, before the first numbered paragraph ("Déterminé à lutter
    contre la pandémie …," in E/RES/2021/9 in French, where the English file has "Determined …,"
    as its preamble's 24th paragraph). They join the preamble, with its eIds."""
    stray = 0
    for para in body.operative:
        if para.num is not None or para.subparagraphs or para.section or not para.text.rstrip().endswith(PREAMBULAR_ENDINGS):
            break
        stray += 1
    if not stray or not body.preamble or stray == len(body.operative) or body.operative[stray].num is None:
        return
    for para in body.operative[:stray]:
        eid = f"preamble__para_{len(body.preamble) + 1}"
        body.preamble.append(PreambularParagraph(para.text, para.verb, eid, list(para.footnote_refs), body.preamble[-1].part))
        body.links[eid] = body.links.pop(para.eid, [])
    del body.operative[:stray]
