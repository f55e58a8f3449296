"""Tables (site/tables.py) as an OpenDocument spreadsheet, through odfpy (the `sheets`
extra): the same sheets, styles, frozen panes and print setup as the xlsx workbook
(workbook.py), byte-identical for the same tables whatever ran before in the process."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from generator.content.workbook import needs_extra
from generator.site.tables import Table
from generator.site.workbook import BAND_FILL, HEADER_FILL, drop_down, fitted, fixed_zip

#: The namespaces every part of an ods file declares, in this order.  odfpy declares the
#: ones it has met so far in the process (one dict shared by every element, which grows
#: as it writes or reads), so the same tables gave other bytes on a first call.
#: settings.xml needs `ooo`: LibreOffice reads the name "ooo:view-settings" as a prefixed
#: name, and without it ignores the frozen rows and columns; so does it `of` in a drop-down's
#: condition (of:cell-content-is-in-list), or it offers no list.
_ODS_NAMESPACES = (
    *("office", "style", "text", "table", "fo", "xlink", "config", "ooo", "meta", "manifest"),
    *("chart", "draw", "presentation", "loext", "of"),
)
#: meta.xml without odfpy's <meta:generator> (which names its version) or any date.
_ODS_META = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n"
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'office:version="1.2"><office:meta/></office:document-meta>'
)


def ods_bytes(tables: Sequence[Table]) -> bytes:
    """The tables as an OpenDocument spreadsheet (needs odfpy, from the `sheets` extra)."""
    odf = needs_extra("odf", "write .ods files")
    from odf.element import Element
    from odf.namespaces import nsdict
    from odf.opendocument import OpenDocumentSpreadsheet

    by_prefix = {prefix: uri for uri, prefix in nsdict.items()}
    doc = OpenDocumentSpreadsheet()
    styles = _ods_styles(doc, tables)
    choices = _choice_names(tables)
    if choices:
        doc.spreadsheet.addElement(_ods_choices(choices))
    for table in tables:
        doc.spreadsheet.addElement(_ods_table(odf, table, styles, choices))
    doc.settings.addElement(_ods_views(tables))
    buffer = io.BytesIO()
    learnt = Element.namespaces
    Element.namespaces = {by_prefix[p]: p for p in _ODS_NAMESPACES}
    try:
        doc.write(buffer)
    finally:
        Element.namespaces = learnt
    return fixed_zip(buffer.getvalue(), {"meta.xml": _ODS_META})


def _ods_views(tables: Sequence[Table]) -> Any:
    """The view settings that keep each sheet's frozen rows and columns in view, as
    LibreOffice writes them (settings.xml; ODF leaves view settings to applications)."""
    from odf.config import (
        ConfigItem,
        ConfigItemMapEntry,
        ConfigItemMapIndexed,
        ConfigItemMapNamed,
        ConfigItemSet,
    )

    def item(name: str, kind: str, value: object) -> Any:
        return ConfigItem(name=name, type=kind, text=str(value))

    sheets = ConfigItemMapNamed(name="Tables")
    for table in tables:
        rows, cols = table.frozen
        entry = ConfigItemMapEntry(name=table.name)
        for name, kind, value in (
            ("HorizontalSplitMode", "short", 2 if cols else 0),
            ("VerticalSplitMode", "short", 2 if rows else 0),
            ("HorizontalSplitPosition", "int", cols),
            ("VerticalSplitPosition", "int", rows),
            ("ActiveSplitRange", "short", (2 if rows else 0) + (1 if cols else 0)),
            ("PositionLeft", "int", 0),
            ("PositionRight", "int", cols),
            ("PositionTop", "int", 0),
            ("PositionBottom", "int", rows),
        ):
            entry.addElement(item(name, kind, value))
        sheets.addElement(entry)
    view = ConfigItemMapEntry()
    view.addElement(item("ViewId", "string", "view1"))
    view.addElement(sheets)
    if tables:
        view.addElement(item("ActiveTable", "string", tables[0].name))
    views = ConfigItemMapIndexed(name="Views")
    views.addElement(view)
    found = ConfigItemSet(name="ooo:view-settings")
    found.addElement(views)
    return found


def _ods_styles(doc: Any, tables: Sequence[Table]) -> dict[str, Any]:
    """The page, sheet, cell and column styles the ods sheets use, added to the document."""
    from odf.style import (
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableProperties,
        TextProperties,
    )

    def cell_style(name: str, background: str = "", bold: bool = False) -> Any:
        style = Style(name=name, family="table-cell")
        props = {"wrapoption": "wrap", "verticalalign": "top"}
        if background:
            props["backgroundcolor"] = "#" + background
        style.addElement(TableCellProperties(**props))
        if bold:
            style.addElement(TextProperties(fontweight="bold"))
        doc.automaticstyles.addElement(style)
        return style

    # Printed as the xlsx workbook is: landscape, as wide as the page, header row repeated.
    page = PageLayout(name="landscape")
    page.addElement(
        PageLayoutProperties(
            printorientation="landscape",
            pagewidth="29.7cm",
            pageheight="21cm",
            **{f"margin{side}": "1cm" for side in ("top", "bottom", "left", "right")},
            scaletox="1",  # LibreOffice's "fit width to 1 page"
            scaletoy="0",
        )
    )
    doc.automaticstyles.addElement(page)
    doc.masterstyles.addElement(MasterPage(name="Ladder", pagelayoutname=page))
    sheet = Style(name="sheet", family="table", masterpagename="Ladder")
    sheet.addElement(TableProperties(display="true"))
    doc.automaticstyles.addElement(sheet)
    styles = {
        "sheet": sheet,
        "body": cell_style("body"),
        "first": cell_style("first", bold=True),
        "header": cell_style("header", HEADER_FILL, bold=True),
        "band": cell_style("band", BAND_FILL, bold=True),
    }
    for chars in sorted({w for t in tables for w in t.widths}):
        style = Style(name=f"w{chars}", family="table-column")
        style.addElement(TableColumnProperties(columnwidth=f"{chars * 0.19:.2f}cm"))
        doc.automaticstyles.addElement(style)
        styles[f"w{chars}"] = style
    return styles


def _choice_names(tables: Sequence[Table]) -> dict[tuple[str, ...], str]:
    """A name for each drop-down list the tables' columns offer, in order of first use
    (the lists the xlsx workbook offers too: drop_down)."""
    lists = [v for t in tables if t.rows for v in t.choices.values() if drop_down(v)]
    return {values: f"choices{n}" for n, values in enumerate(dict.fromkeys(lists), 1)}


def _ods_choices(names: dict[tuple[str, ...], str]) -> Any:
    """The drop-down lists as content validations, one for each list of values."""
    from odf.table import ContentValidation, ContentValidations

    found = ContentValidations()
    for values, name in names.items():
        quoted = ";".join('"' + v.replace('"', '""') + '"' for v in values)
        found.addElement(
            ContentValidation(
                name=name,
                condition=f"of:cell-content-is-in-list({quoted})",
                allowemptycell="true",
                displaylist="unsorted",
            )
        )
    return found


def _ods_table(
    odf: Any, table: Table, styles: dict[str, Any], choices: dict[tuple[str, ...], str]
) -> Any:
    """One ods sheet: its columns, the header row (repeated on every printed page), the
    rows (bands spanning the table)."""
    from odf.table import CoveredTableCell, TableColumn, TableHeaderRows, TableRow
    from odf.table import Table as OdsTable

    sheet = OdsTable(name=table.name, stylename=styles["sheet"])
    for chars in table.widths:
        sheet.addElement(TableColumn(stylename=styles[f"w{chars}"]))
    header = TableRow()
    for title in table.header:
        header.addElement(_ods_cell(title, "", styles["header"]))
    repeated = TableHeaderRows()  # printed at the top of every page
    repeated.addElement(header)
    sheet.addElement(repeated)
    for index, row in enumerate(table.rows):
        element = TableRow()
        if index in table.bands:
            span = len(table.header)
            element.addElement(
                _ods_cell(row[0].text, "", styles["band"], numbercolumnsspanned=span)
            )
            for _ in range(span - 1):
                element.addElement(CoveredTableCell())
        else:
            for col, cell in enumerate(row):
                style = styles["first"] if col == 0 else styles["body"]
                found = _ods_cell(cell.text, cell.url, style)
                if table.choices.get(col) in choices:
                    found.setAttribute("contentvalidationname", choices[table.choices[col]])
                element.addElement(found)
        sheet.addElement(element)
    return sheet


def _ods_cell(text: str, url: str, style: Any, **attrs: Any) -> Any:
    """A text cell, one paragraph a line; the text a link when url is given."""
    from odf.table import TableCell
    from odf.text import A, P

    cell = TableCell(valuetype="string", stylename=style, **attrs)
    text = fitted(text)
    for line in text.split("\n") if text else []:
        paragraph = P()
        if url:
            paragraph.addElement(A(href=url, text=line))
        else:
            paragraph.addText(line)
        cell.addElement(paragraph)
    return cell
