"""Tables of a document (`lod.model.Table`) → RDF: a table, its rows, their cells.

A scale of assessments, a programme of work or a form's list of items is a grid, not a run of
paragraphs: published as paragraphs, "Afghanistan 0.006 Albania 0.008 …" is one string no one
can query. Here each table is a portion of the document (`{component}#table_3`, typed
`unres:Table` and `doco:Table`), part of the annex it stands in (or of the main body), with
its title as `unres:heading`; each row (`#table_3__row_12`, the header row `#table_3__header`,
first) a `unres:TableRow` with its position; each cell (`#table_3__row_12__cell_2`) a `unres:TableCell`
with its language-tagged text and column. A row whose first cell names a State (lod.states)
links it with `unres:rowState`, so "each State's rate in the scale" is one query. The notes
printed under a table are notes of the table (`#table_3__note_1`, `unres:AuthorialNote` with its
marker and text), linked from the table and from each cell that prints the marker; its legend
("Abbreviations: …") is the table's `unres:legend`. Like
paragraphs, the IRIs are the same in the six language versions and the texts carry the
language.
"""

from __future__ import annotations

from rdflib import URIRef

from lod.model import Table, table_note_eid
from lod.rdf.mapbase import TRUE, MapperBase
from lod.rdf.namespaces import DCTERMS, DOCO, RDF, UNRES, state_iri
from lod.rdf.ntriples import literal_of
from lod.states import lookup_state


class TableMapping(MapperBase):
    """Adds `res.tables`; call after the structure, whose annex portions the tables join."""

    def tables(self) -> None:
        res = self.res
        placed: dict[str, int] = {}
        for n, table in enumerate(res.tables, 1):
            # after the parts of its parent: the annex's paragraphs, or the main component's
            # preamble, body and annexes (the model keeps the part a table is in, not its place)
            annex = next((a for k, a in enumerate(res.annexes, 1) if (a.eid or f"annex_{k}") == table.location), None)
            before = len(annex.paragraphs) if annex is not None else 2 + len(res.annexes)
            placed[table.location] = placed.get(table.location, before) + 1
            self.table(table, n, placed[table.location])

    def table(self, table: Table, n: int, position: int) -> None:
        eid = table.eid or f"table_{n}"
        node = self.portion(eid)
        for t in (UNRES.Table, DOCO.Table):
            self.add(node, RDF.type, t)
        self.add(node, UNRES.eId, eid)
        parent = self.portion(table.location) if table.location else self.main
        self.part_of(node, parent, position)
        self.add(node, UNRES.heading, self.text(table.title))
        for marker in table.footnote_refs:
            self.add(node, UNRES.hasNote, self.portion(self.footnote_eids.get(marker, f"fn_{marker}")))
        self.add(node, UNRES.legend, self.text(table.legend))
        first = 1
        if table.header:
            self.row(node, _row_eid(eid, 0), table.header, 1, header=True)
            first = 2
        for r, cells in enumerate(table.rows, 1):
            row = self.row(node, _row_eid(eid, r), cells, r + first - 1)
            state = lookup_state(cells[0]) if cells and cells[0] else None
            if state is not None:
                self.add(row, UNRES.rowState, state_iri(self.base, state.iso3))
        for k, note in enumerate(table.notes, 1):
            mark = self.portion(table_note_eid(eid, k))
            for t in (UNRES.AuthorialNote, DOCO.Footnote):
                self.add(mark, RDF.type, t)
            self.add(mark, UNRES.eId, table_note_eid(eid, k))
            self.add(mark, UNRES.marker, note.marker)
            self.add(mark, UNRES.text, self.text(note.text))
            self.add(mark, DCTERMS.isPartOf, node)
            self.add(mark, UNRES.position, literal_of(self.position(mark, k)))
            self.add(node, UNRES.hasNote, mark)
            for r, c in note.cells:
                self.add(self.portion(_cell_eid(_row_eid(eid, r), c)), UNRES.hasNote, mark)

    def row(self, table: URIRef, eid: str, cells: list[str], position: int, header: bool = False) -> URIRef:
        node = self.portion(eid)
        self.add(node, RDF.type, UNRES.TableRow)
        self.add(node, UNRES.eId, eid)
        self.add(node, UNRES.rowOf, table)
        self.add(node, UNRES.position, literal_of(self.position(node, position)))
        if header:
            self.add(node, UNRES.headerRow, TRUE)
        for c, text in enumerate(cells, 1):
            cell = self.portion(_cell_eid(eid, c))
            self.add(cell, RDF.type, UNRES.TableCell)
            self.add(cell, UNRES.cellOf, node)
            self.add(cell, UNRES.column, literal_of(c))
            self.add(cell, UNRES.text, self.text(text))
        return node


def _row_eid(table_eid: str, r: int) -> str:
    """A row's eId: the header row (r = 0) `table_3__header`, the others `table_3__row_{r}`."""
    return f"{table_eid}__header" if r == 0 else f"{table_eid}__row_{r}"


def _cell_eid(row_eid: str, c: int) -> str:
    return f"{row_eid}__cell_{c}"
