"""Tables as an OpenDocument spreadsheet (site/odsfile.py): the sheets, their links and
bands, frozen rows and columns, the print setup, and the same bytes on every call and in
every process."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import zipfile
from xml.etree import ElementTree

import pytest

from generator.content import workbook as reader
from generator.content.workbook import MissingExtra
from generator.site.odsfile import ods_bytes
from generator.site.tables import Cell, Table
from tests.conftest import REPO
from tests.site.test_workbook import TABLE


def test_ods_bytes_hold_the_tables():
    data = ods_bytes([TABLE])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "mimetype"
        content = archive.read("content.xml").decode()
    assert 'table:name="Matrix"' in content
    assert 'xlink:href="https://example.com/s"' in content
    assert 'table:number-columns-spanned="2"' in content  # the band
    assert "=HYPERLINK(" in content and "table:formula" not in content
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert b"date" not in archive.read("meta.xml")  # no day of writing in it


def test_ods_bytes_without_odfpy_name_the_extra(monkeypatch):
    def no_odf(name, *args):
        raise ImportError(name)

    monkeypatch.setattr(reader.importlib, "import_module", no_odf)
    with pytest.raises(MissingExtra, match=r"ladderpress\[sheets\]"):
        ods_bytes([TABLE])


def ods_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_ods_keeps_the_header_row_and_first_columns_in_view():
    levels = Table(
        "Levels",
        ("Id", "Level", "Rank"),
        ((Cell("pm"), Cell("PM"), Cell("1")),),
        (8, 8, 4),
        frozen=(1, 2),
    )
    data = ods_bytes([TABLE, levels])
    root = ElementTree.fromstring(ods_part(data, "settings.xml"))
    config = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"
    named = {e.get(f"{config}name"): e for e in root.iter(f"{config}config-item-map-named")}
    sheets = {
        entry.get(f"{config}name"): {
            item.get(f"{config}name"): item.text for item in entry.iter(f"{config}config-item")
        }
        for entry in named["Tables"].findall(f"{config}config-item-map-entry")
    }
    assert sorted(sheets) == ["Levels", "Matrix"]
    for name, (rows, cols) in (("Matrix", (1, 1)), ("Levels", (1, 2))):
        view = sheets[name]
        assert view["HorizontalSplitMode"] == view["VerticalSplitMode"] == "2"
        assert view["HorizontalSplitPosition"] == view["PositionRight"] == str(cols)
        assert view["VerticalSplitPosition"] == view["PositionBottom"] == str(rows)
        assert view["ActiveSplitRange"] == "3"  # the bottom right pane: the cells
    # LibreOffice reads the set's name "ooo:view-settings" as a prefixed name: without the
    # prefix declared it ignores the whole set (seen with LibreOffice 7.4 through UNO).
    assert b'xmlns:ooo="http://openoffice.org/2004/office"' in ods_part(data, "settings.xml")
    assert b"settings.xml" in ods_part(data, "META-INF/manifest.xml")


def test_ods_bytes_are_the_same_on_every_call_and_hold_no_generator():
    first, second = ods_bytes([TABLE]), ods_bytes([TABLE])
    assert first == second
    assert b"generator" not in ods_part(first, "meta.xml")
    for part in ("content.xml", "styles.xml", "settings.xml", "meta.xml"):
        ElementTree.fromstring(ods_part(first, part))  # every prefix used is declared


ODS_IN_A_NEW_PROCESS = """
import hashlib, sys
from tests.site.test_odsfile import TABLE
from generator.site.odsfile import ods_bytes
sys.stdout.write(hashlib.sha256(ods_bytes([TABLE])).hexdigest())
"""


def test_ods_bytes_are_the_same_in_a_new_process_whatever_ran_before(tmp_path):
    from odf.opendocument import load

    (tmp_path / "read.ods").write_bytes(ods_bytes([TABLE]))
    load(str(tmp_path / "read.ods"))  # reading an ods teaches odfpy more namespaces
    here = hashlib.sha256(ods_bytes([TABLE])).hexdigest()
    there = subprocess.run(
        [sys.executable, "-c", ODS_IN_A_NEW_PROCESS],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert there == here


def test_ods_prints_landscape_as_wide_as_the_page_with_the_header_on_every_page():
    data = ods_bytes([TABLE])
    styles = ElementTree.fromstring(ods_part(data, "styles.xml"))
    content = ElementTree.fromstring(ods_part(data, "content.xml"))
    ns = {
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
    }

    def attr(element, name):
        prefix, local = name.split(":")
        return element.get(f"{{{ns[prefix]}}}{local}")

    [master] = styles.iterfind(".//style:master-page", ns)
    [layout] = styles.iterfind(".//style:page-layout", ns)
    assert attr(master, "style:page-layout-name") == attr(layout, "style:name")
    props = layout.find("style:page-layout-properties", ns)
    assert attr(props, "style:print-orientation") == "landscape"
    assert (attr(props, "fo:page-width"), attr(props, "fo:page-height")) == ("29.7cm", "21cm")
    assert (attr(props, "loext:scale-to-X"), attr(props, "loext:scale-to-Y")) == ("1", "0")
    [sheet] = content.iterfind(".//table:table", ns)
    [table_style] = [
        s
        for s in content.iterfind(".//style:style", ns)
        if attr(s, "style:name") == attr(sheet, "table:style-name")
    ]
    assert attr(table_style, "style:master-page-name") == attr(master, "style:name")
    [header] = sheet.iterfind("table:table-header-rows/table:table-row", ns)
    assert [c.findtext("*") for c in header] == ["Competency", "PM"]


def test_ods_offers_a_column_of_choices_as_a_drop_down_list():
    other = Table("Other", ("A", "B"), ((Cell("x"), Cell("")),), (8, 8), choices={1: ("a,b",)})
    data = ods_part(ods_bytes([TABLE, other]), "content.xml")
    # LibreOffice reads "of:" in the condition as a prefixed name: it must be declared.
    assert b'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"' in data
    content = ElementTree.fromstring(data)
    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    [check] = content.iter(f"{table}content-validation")
    assert check.get(f"{table}name") == "choices1"
    assert check.get(f"{table}condition") == 'of:cell-content-is-in-list("Not yet";"Sometimes")'
    named = [
        [c.get(f"{table}content-validation-name") for c in row.iter(f"{table}table-cell")]
        for row in content.iter(f"{table}table-row")
    ]
    # Matrix: the header, a band, then three rows whose column B offers the list; Other's
    # list holds a comma, which no xlsx list can, so neither format offers it.
    assert named == [
        [None, None],
        [None],
        [None, "choices1"],
        [None, "choices1"],
        [None, "choices1"],
        [None, None],
        [None, None],
    ]
