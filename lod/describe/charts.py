"""Pictures drawn on the server as SVG: readable without JavaScript, printable, and accessible.

Each function takes plain values (labels, counts, links) that a page already queried and returns
an inline `<svg>` (markupsafe.Markup) built with ElementTree, so every label is escaped by the
XML serializer rather than by hand. Every picture has `role="img"` (`group` when its marks are links), a `<title>` and a `<desc>`
that says in words what it shows; pages put the same numbers in a table beside it, so a screen
reader user loses nothing. Colours meet WCAG AA contrast on white.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from lod.describe.i18n import N_

Words = Callable[[str], str]
"""A page language's gettext: a message of a picture → its words (lod.describe.i18n)."""


def _english(message: str) -> str:
    return message

SVG_NS = "http://www.w3.org/2000/svg"
PALETTE = ("#0b4f8a", "#b35900", "#2d7d2d", "#8a2d8a", "#a32020", "#4d4d4d", "#006d77", "#7a5c00")
"""Series colours, each with a contrast ratio of at least 4.5:1 against white."""
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class Bar:
    """One bar: what it counts, how many, and where a click on it leads (optional)."""

    label: str
    value: float
    href: str | None = None


@dataclass(frozen=True)
class Node:
    """A document in a citation picture: its label, the page it links to and its IRI."""

    label: str
    href: str
    iri: str


def _svg(width: int, height: int, title: str, desc: str, css_class: str) -> ET.Element:
    svg = ET.Element("svg", {
        "xmlns": SVG_NS, "width": str(width), "height": str(height), "viewBox": f"0 0 {width} {height}",
        "role": "img", "class": f"chart {css_class}", "font-family": FONT, "font-size": "13",
    })
    ET.SubElement(svg, "title").text = title
    ET.SubElement(svg, "desc").text = desc
    return svg


def _markup(svg: ET.Element, inner: str = "", linked: bool = False) -> Markup:
    """The SVG as markup (`inner`: marks already written as SVG text, put last). A picture whose
    marks are links is a `group` (named by its title), not an `img`: an image's content is hidden
    from assistive technology, so its links would be too."""
    if linked or svg.find(".//a") is not None:
        svg.set("role", "group")
        svg.set("aria-label", svg.findtext("title") or "")
    text = ET.tostring(svg, encoding="unicode", short_empty_elements=True)
    if inner:
        text = text.removesuffix("</svg>") + inner + "</svg>"
    return Markup(text)


def _linked(parent: ET.Element, href: str | None) -> ET.Element:
    """An <a> around a mark when it leads somewhere (keyboard-focusable in SVG 2), else the parent."""
    return ET.SubElement(parent, "a", {"href": href}) if href else parent


def _text(parent: ET.Element, x: float, y: float, text: str, anchor: str = "start", **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "text-anchor": anchor, **attrs})
    node.text = text
    return node


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(bars: Sequence[Bar], title: str, unit: str = "documents", width: int = 640) -> Markup:
    """Horizontal bars, one per label, longest first as given; each bar links where `href` says."""
    row, left, right = 24, 210, 60
    height = row * len(bars) + 16
    top = max((b.value for b in bars), default=0) or 1
    desc = "; ".join(f"{b.label}: {b.value:g} {unit}" for b in bars)
    svg = _svg(width, height, title, desc, "bar-chart")
    for i, bar in enumerate(bars):
        y = 8 + i * row
        group = _linked(svg, bar.href)
        _text(group, left - 8, y + 15, _short(bar.label, 30), "end", fill="#1b1b1b")
        length = (width - left - right) * bar.value / top
        ET.SubElement(group, "rect", {"x": str(left), "y": f"{y + 3}", "width": f"{max(length, 1):.1f}",
                                      "height": str(row - 8), "fill": PALETTE[0]})
        _text(group, left + length + 6, y + 15, f"{bar.value:g}", fill="#1b1b1b")
    return _markup(svg)


def stacked_columns(categories: Sequence[str], series: dict[str, Sequence[float]], title: str,
                    unit: str = "resolutions", width: int = 640, height: int = 260) -> Markup:
    """Columns per category (a year), stacked by series (a body), with a legend; the numbers are
    also in the description."""
    left, bottom, top_margin = 44, 36, 12
    legend_row = 20
    legend_height = legend_row * len(series)
    plot_height = height - bottom - top_margin
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    peak = max(totals, default=0) or 1
    step = (width - left - 10) / max(len(categories), 1)
    desc = "; ".join(
        f"{cat}: " + ", ".join(f"{name} {values[i]:g}" for name, values in series.items() if values[i])
        for i, cat in enumerate(categories))
    svg = _svg(width, height + legend_height, title, f"{unit} per year and body. {desc}", "stacked-columns")
    axis = top_margin + plot_height
    ET.SubElement(svg, "line", {"x1": str(left), "y1": str(axis), "x2": str(width - 10), "y2": str(axis),
                                "stroke": "#1b1b1b"})
    ticks = _ticks(peak)
    for tick in ticks:
        y = axis - plot_height * tick / peak
        _text(svg, left - 6, y + 4, f"{tick:g}", "end", fill="#1b1b1b")
        ET.SubElement(svg, "line", {"x1": str(left), "y1": f"{y:.1f}", "x2": str(width - 10), "y2": f"{y:.1f}",
                                    "stroke": "#d0d0d0"})
    label_every = max(1, math.ceil(len(categories) / 16))
    for i, cat in enumerate(categories):
        x = left + i * step + step * 0.15
        base = axis
        for s, (name, values) in enumerate(series.items()):
            value = values[i]
            if not value:
                continue
            h = plot_height * value / peak
            rect = ET.SubElement(svg, "rect", {"x": f"{x:.1f}", "y": f"{base - h:.1f}", "width": f"{step * 0.7:.1f}",
                                               "height": f"{h:.1f}", "fill": PALETTE[s % len(PALETTE)]})
            ET.SubElement(rect, "title").text = f"{cat}, {name}: {value:g}"
            base -= h
        if i % label_every == 0:
            _text(svg, x + step * 0.35, axis + 16, cat, "middle", fill="#1b1b1b")
    for s, name in enumerate(series):
        y = height + s * legend_row
        ET.SubElement(svg, "rect", {"x": str(left), "y": str(y), "width": "12", "height": "12",
                                    "fill": PALETTE[s % len(PALETTE)]})
        _text(svg, left + 18, y + 11, name, fill="#1b1b1b")
    return _markup(svg)


def _ticks(peak: float) -> list[float]:
    """Three or four round values between 0 and `peak` for the axis."""
    if peak <= 4:
        return [float(v) for v in range(1, int(peak) + 1)]
    step = 10 ** math.floor(math.log10(peak / 3))
    for factor in (1, 2, 5, 10):
        if peak / (step * factor) <= 4:
            step *= factor
            break
    return [step * k for k in range(1, int(peak // step) + 1)]


def citation_graph(centre: Node, cited: Sequence[Node], citing: Sequence[Node], width: int = 760,
                   limit: int = 14, words: Words = _english) -> Markup:
    """The citation neighbourhood of a document: what cites it on the left, what it cites on the
    right, an arrow for each citation; every node links to its page. Beyond `limit` a side says
    how many more there are (the full lists are on the page). `words` says the picture's words in
    the page's language (lod.describe.i18n)."""
    rows = max(min(len(cited), limit), min(len(citing), limit), 1)
    row = 26
    height = rows * row + 60
    desc = " ".join((words("%(document)s cites %(count)s: %(documents)s.") % {
        "document": centre.label, "count": len(cited), "documents": ", ".join(n.label for n in cited)},
        words("Cited by %(count)s: %(documents)s.") % {"count": len(citing), "documents": ", ".join(n.label for n in citing)}))
    svg = _svg(width, height, words("Citations of %(document)s") % {"document": centre.label}, desc, "citation-graph")
    defs = ET.SubElement(svg, "defs")
    marker = ET.SubElement(defs, "marker", {"id": "arrow", "viewBox": "0 0 10 10", "refX": "10", "refY": "5",
                                            "markerWidth": "7", "markerHeight": "7", "orient": "auto-start-reverse"})
    ET.SubElement(marker, "path", {"d": "M 0 0 L 10 5 L 0 10 z", "fill": "#4d4d4d"})
    box_w, box_h = 200, 20
    cx, cy = width / 2, 30 + rows * row / 2
    _text(svg, 10, 16, words("Cited by (%(count)s)") % {"count": len(citing)}, fill="#1b1b1b", **{"font-weight": "bold"})
    _text(svg, width - 10, 16, words("Cites (%(count)s)") % {"count": len(cited)}, "end", fill="#1b1b1b", **{"font-weight": "bold"})

    def column(nodes: Sequence[Node], x: float, towards_centre: bool) -> None:
        shown = nodes[:limit]
        offset = 30 + (rows - len(shown)) * row / 2
        for i, node in enumerate(shown):
            y = offset + i * row + 2
            edge_x = x + box_w if towards_centre else x
            start, end = ((edge_x, y + box_h / 2), (cx - 80, cy)) if towards_centre else \
                ((cx + 80, cy), (edge_x, y + box_h / 2))
            ET.SubElement(svg, "line", {"x1": f"{start[0]:.1f}", "y1": f"{start[1]:.1f}", "x2": f"{end[0]:.1f}",
                                        "y2": f"{end[1]:.1f}", "stroke": "#8c8c8c", "marker-end": "url(#arrow)"})
            group = _linked(svg, node.href)
            ET.SubElement(group, "rect", {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": str(box_w), "height": str(box_h),
                                          "rx": "3", "fill": "#eef3f8", "stroke": "#0b4f8a"})
            _text(group, x + box_w / 2, y + 14, _short(node.label, 28), "middle", fill="#0b3d6b")
        if len(nodes) > limit:
            _text(svg, x + box_w / 2, offset + len(shown) * row + 14, words("and %(count)s more") % {"count": len(nodes) - limit}, "middle",
                  fill="#1b1b1b")

    column(citing, 10, True)
    column(cited, width - 10 - box_w, False)
    ET.SubElement(svg, "rect", {"x": f"{cx - 80:.1f}", "y": f"{cy - 14:.1f}", "width": "160", "height": "28",
                                "rx": "4", "fill": "#0b3d6b"})
    _text(svg, cx, cy + 5, _short(centre.label, 22), "middle", fill="#ffffff", **{"font-weight": "bold"})
    return _markup(svg)


def state_tiles(states: Sequence[tuple[str, str, str]], chosen: set[str], title: str,
                columns: int = 16, width: int = 760, words: Words = _english) -> Markup:
    """One tile per Member State (iso3, name, href), the `chosen` ones (e.g. a draft's sponsors)
    filled: how many of the membership stand behind a text, at a glance."""
    tile = (width - 4) / columns
    rows = math.ceil(len(states) / columns)
    height = int(rows * tile * 0.6) + 4
    names = [name for iso3, name, _ in states if iso3 in chosen]
    desc = words("%(count)s of %(total)s Member States: %(states)s") % {
        "count": len(names), "total": len(states), "states": ", ".join(names)}
    sponsor = words("%(state)s (sponsor)")
    svg = _svg(width, height, title, desc, "state-tiles")
    tiles = "".join(_tile(i, iso3, sponsor % {"state": name} if iso3 in chosen else name, href, iso3 in chosen, tile, columns)
                    for i, (iso3, name, href) in enumerate(states))
    return _markup(svg, tiles, linked=any(href for _, _, href in states))


@lru_cache(maxsize=4096)
def _tile(i: int, iso3: str, title: str, href: str, on: bool, tile: float, columns: int) -> str:
    """One State's tile as SVG text: a page of sponsors repeats the same 193 tiles, each in one of
    two states, so each is drawn once per process."""
    holder = ET.Element("g")
    x, y = 2 + (i % columns) * tile, 2 + (i // columns) * tile * 0.6
    group = _linked(holder, href)
    rect = ET.SubElement(group, "rect", {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{tile - 3:.1f}",
                                         "height": f"{tile * 0.6 - 3:.1f}", "rx": "2",
                                         "fill": PALETTE[0] if on else "#f0f0f0",
                                         "stroke": PALETTE[0] if on else "#b0b0b0"})
    ET.SubElement(rect, "title").text = title
    _text(group, x + (tile - 3) / 2, y + tile * 0.3 + 2, iso3, "middle",
          fill="#ffffff" if on else "#3d3d3d", **{"font-size": "11"})
    return "".join(ET.tostring(child, encoding="unicode", short_empty_elements=True) for child in holder)


VOTE_COLOURS = {"yes": "#2d7d2d", "no": "#a32020", "abstention": "#7a5c00", "non-voting": "#4d4d4d"}
"""One colour per way of voting, each readable with white text on it and against white."""


VOTE_WORDS = {"yes": N_("yes"), "no": N_("no"), "abstention": N_("abstention"), "non-voting": N_("non-voting")}
"""How the chart names each way of voting (translated by `words`)."""


def vote_chart(counts: dict[str, int], title: str, width: int = 640, words: Words = _english) -> Markup:
    """A recorded vote as one bar split into yes / no / abstention / non-voting, with the counts
    written in words below it (and in each part wide enough to hold them)."""
    order = [k for k in VOTE_COLOURS if counts.get(k)]
    total = sum(counts[k] for k in order) or 1
    said = {k: words(VOTE_WORDS[k]) for k in VOTE_COLOURS}
    desc = ", ".join(f"{said[k]}: {counts.get(k, 0)}" for k in VOTE_COLOURS)
    svg = _svg(width, 70, title, desc, "vote-chart")
    x = 10.0
    for key in order:
        w = (width - 20) * counts[key] / total
        rect = ET.SubElement(svg, "rect", {"x": f"{x:.1f}", "y": "10", "width": f"{w:.1f}", "height": "28",
                                           "fill": VOTE_COLOURS[key]})
        ET.SubElement(rect, "title").text = f"{said[key]}: {counts[key]}"
        if w > 70:
            _text(svg, x + w / 2, 29, f"{said[key]} {counts[key]}", "middle", fill="#ffffff")
        x += w
    _text(svg, 10, 60, desc, fill="#1b1b1b")
    return _markup(svg)
