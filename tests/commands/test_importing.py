"""`ladderpress import` (commands/importing.py) and `export`: hand-made workbooks in each layout become sites that
pass check; errors are positioned at sheet and cell and nothing is written; the example
and every test site survive export then import; ladder.xlsx is deterministic and opens
in LibreOffice; exported text cannot run as a formula."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.commands.build import build
from generator.commands.check import check_site
from generator.commands.exporting import export_spreadsheet
from generator.commands.importing import EXPECTED_WARNINGS, ImportResult, import_site, summary
from generator.content.draft import Imported, Item
from generator.errors import WARNING, ContentError, Diagnostic, Mark, OutputError
from generator.site import exports
from tests.conftest import REPO, SITES, needs

LEVELS = ["Associate PM", "Product Manager", "Senior PM"]


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def workbook(path, sheets):
    """An xlsx file: sheet name → rows; a cell 'text|url' is a link; merge ranges by '!merge'."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is None:
                    continue
                text, _, url = str(value).partition("|")
                sheet.cell(r, c, text)
                if url:
                    sheet.cell(r, c).hyperlink = url
        for merged in sheets.get(name + "!merge", []) if isinstance(sheets, dict) else []:
            sheet.merge_cells(merged)
    book.save(path)
    return path


def strict_clean(site):
    """Check --strict passes but for the warnings an import names in its summary."""
    named = {"missing-expectation", "unsuited-level"}
    return [str(d) for d in check_site(site).diagnostics if d.code not in named]


MATRIX = {
    "Ladder": [
        ["Competency", "Category", *LEVELS],
        [
            "Strategy",
            "Craft",
            "Knows the vision",
            "- Writes a strategy\n- Says no",
            "Sets direction\nExamples:\n• Retired two bets",
        ],
        [
            "Discovery",
            None,
            "Joins interviews",
            "1. Runs interviews\n2. Shares insights",
            "Coaches others",
        ],
        ["Delivery", "Execution", "Ships with the team", None, "Runs launches"],
    ],
    "Resources": [
        ["Competency", "Title", "Kind"],
        ["Strategy", "Inspired|https://www.svpg.com/inspired/", "book"],
        [None, "Good Strategy Bad Strategy|https://www.goodstrategybadstrategy.com/", "Book"],
    ],
}


def test_import_site_writes_the_checked_site_and_says_what_it_made(tmp_path):
    path = workbook(tmp_path / "ladder.xlsx", MATRIX)
    result = import_site(path, "ladder.xlsx", tmp_path / "site")
    assert result == ImportResult(
        "3 levels on 1 track, 3 competencies in 2 categories, 8 expectations, 2 resources; "
        "1 cell empty: Ladder!D4.",
        [],
        8,  # site.yml, three levels, three competencies, one file of resources
        True,
    )
    assert sorted(p.name for p in (tmp_path / "site").rglob("*.*")) == [
        "associate-pm.md",
        "delivery.md",
        "discovery.md",
        "product-manager.md",
        "resources.yml",
        "senior-pm.md",
        "site.yml",
        "strategy.md",
    ]
    assert check_site(tmp_path / "site").site is not None


def test_import_site_dry_run_checks_as_a_real_run_and_writes_nothing(tmp_path):
    path = workbook(tmp_path / "ladder.xlsx", MATRIX)
    result = import_site(path, "ladder.xlsx", tmp_path / "site", dry_run=True)
    assert (result.written, result.summary.split(",")[0]) == (False, "3 levels on 1 track")
    assert not (tmp_path / "site").exists()


def test_import_site_errors_come_in_the_workbook_s_order_and_nothing_is_written(tmp_path):
    path = workbook(
        tmp_path / "ladder.xlsx",
        {
            "Ladder": [["Competency", "PM"], ["S", "a"], [None, "orphan"]],
            "Levels": [["Level", "Rank"], ["PM", "x"]],
        },
    )
    with pytest.raises(ContentError) as caught:
        import_site(path, "ladder.xlsx", tmp_path / "site")
    assert [str(d.mark) for d in caught.value.diagnostics] == [
        "ladder.xlsx:Ladder!A3",
        "ladder.xlsx:Levels!B2",
    ]
    assert not (tmp_path / "site").exists()


def test_import_site_reports_what_check_refuses_in_the_files_it_would_write(tmp_path):
    path = workbook(
        tmp_path / "ladder.xlsx",
        {"Ladder": [["Competency", "PM"], ["S", "a"]], "Levels": [["Level", "Next"], ["PM", "PM"]]},
    )
    with pytest.raises(ContentError) as caught:
        import_site(path, "ladder.xlsx", tmp_path / "site")
    [error] = caught.value.diagnostics
    assert (error.path, error.code) == (
        f"{tmp_path / 'site'}/content/levels/pm.md",
        "next-not-higher",
    )
    assert not (tmp_path / "site").exists()


def test_import_site_never_writes_into_a_folder_that_is_not_empty_without_force(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "mine.txt").write_text("mine")
    path = workbook(tmp_path / "ladder.xlsx", MATRIX)
    with pytest.raises(OutputError):
        import_site(path, "ladder.xlsx", tmp_path / "site")
    assert import_site(path, "ladder.xlsx", tmp_path / "site", force=True).written


def test_summary_names_the_first_five_empty_cells_and_the_warnings_check_gives():
    made = Imported(
        levels=[Item("pm", "PM", {})],
        competencies=[
            Item("s", "S", {"category": "A", "expectations": {"pm": "x"}}),
            Item("t", "T", {"category": "A"}),
        ],
        empty=[Mark("l.xlsx", row, 2, "M") for row in range(2, 9)],
    )
    warned = [
        Diagnostic(Mark("content/levels/pm.md"), WARNING, code, "…")
        for code in ("unsuited-level", "missing-expectation", "bidi-control", "bidi-control")
    ]
    assert summary(made, warned) == (
        "1 level on 1 track, 2 competencies in 1 category, 1 expectation, 0 resources; "
        "7 cells empty: M!B2, M!B3, M!B4, M!B5, M!B6, …; 1 level that no resource suits; "
        "`check` also warns: bidi-control (2)."
    )
    assert set(EXPECTED_WARNINGS) == {"missing-expectation", "unsuited-level"}


def test_a_matrix_with_merged_categories_bullets_and_resources(tmp_path):
    path = workbook(tmp_path / "ladder.xlsx", MATRIX)
    book = openpyxl.load_workbook(path)
    book["Ladder"].merge_cells("B2:B3")
    book.save(path)
    result = run("import", path, "-o", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "3 levels on 1 track, 3 competencies in 2 categories, 8 expectations, 2 resources; "
        "1 cell empty: Ladder!D4."
    )
    site = tmp_path / "site"
    assert strict_clean(site) == []
    model = check_site(site).site
    strategy = model.competency("strategy")
    assert [lv.id for lv in model.levels] == ["associate-pm", "product-manager", "senior-pm"]
    assert [lv.rank for lv in model.levels] == [1, 2, 3]
    assert model.competency("discovery").category == "Craft"  # merged down from B2
    assert [s.source for s in strategy.expectations["product-manager"].statements] == [
        "Writes a strategy",
        "Says no",
    ]
    assert [x.source for x in strategy.expectations["senior-pm"].examples] == ["Retired two bets"]
    assert len(model.competency("discovery").expectations["product-manager"].statements) == 2
    assert [(r.title, r.url, r.competencies) for r in model.resources] == [
        ("Inspired", "https://www.svpg.com/inspired/", ("strategy",)),
        ("Good Strategy Bad Strategy", "https://www.goodstrategybadstrategy.com/", ("strategy",)),
    ]


def test_rows_layout_with_continuation_rows_and_a_track_column(tmp_path):
    path = workbook(
        tmp_path / "rows.xlsx",
        {
            "Grades": [
                ["Grade", "Track", "Strategy", "Delivery"],
                ["PM", "All", "Knows the vision", "Ships"],
                [None, None, "Writes a strategy", None],
                ["Senior PM", "All", "Sets direction", "Runs launches"],
                ["Principal PM", "IC", "Sets strategy across areas", "Leads migrations"],
                ["Group PM", "Management", "Makes sure every area has one", "Runs planning"],
            ]
        },
    )
    result = run("import", path, "-o", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert strict_clean(tmp_path / "site") == []
    model = check_site(tmp_path / "site").site
    assert [(lv.id, lv.rank, lv.tracks) for lv in model.levels] == [
        ("pm", 1, ("ic", "management")),
        ("senior-pm", 2, ("ic", "management")),
        ("principal-pm", 3, ("ic",)),
        ("group-pm", 3, ("management",)),
    ]
    said = model.competency("strategy").expectations["pm"].statements
    assert [s.source for s in said] == ["Knows the vision", "Writes a strategy"]


def test_a_long_sheet_with_synonyms_in_any_order_and_a_sheet_per_level(tmp_path):
    long = workbook(
        tmp_path / "long.xlsx",
        {
            "Data": [
                ["Role", "Notes?", "Skill", "Description", "Evidence", "Area"],
                ["PM", None, "Strategy", "Knows the vision", "Wrote a memo", None],
                [None, None, "Delivery", "Ships", None, None],
                ["Senior PM", None, "Strategy", "Sets direction", None, None],
                [None, None, "Delivery", "Runs launches", None, None],
            ]
        },
    )
    assert run("import", long, "-o", tmp_path / "a").exit_code == 0
    model = check_site(tmp_path / "a").site
    assert [x.source for x in model.competency("strategy").expectations["pm"].examples] == [
        "Wrote a memo"
    ]
    per_level = workbook(
        tmp_path / "levels.xlsx",
        {
            name: [
                ["Theme", "Competency", "Proficiency", "Evidence"],
                ["Craft", "Strategy", f"{name} strategy", None],
                [None, "Delivery", f"{name} delivery", None],
            ]
            for name in ("PM", "Senior PM")
        },
    )
    result = run("import", per_level, "-o", tmp_path / "b")
    assert result.exit_code == 0, result.output
    model = check_site(tmp_path / "b").site
    assert [lv.id for lv in model.levels] == ["pm", "senior-pm"]
    assert model.competency("delivery").category == "Craft"
    assert strict_clean(tmp_path / "b") == []


def test_every_error_at_its_cell_and_nothing_written(tmp_path):
    path = workbook(
        tmp_path / "ladder.xlsx",
        {
            "Matrix": [
                ["Competency", "PM", "Senior PM"],
                ["Strategy", "ok", "fine"],
                [None, "orphan", None],
            ],
            "Levels": [["Level", "Rank"], ["PM", "one"], ["Sr PM", "2"]],
            "Resources": [
                ["Title", "URL", "Cost"],
                ["X", "javascript:alert(1)", None],
                ["Y", "https://y.org", "cheap"],
            ],
        },
    )
    result = run("import", path, "-o", tmp_path / "site")
    assert result.exit_code == 1
    assert (
        result.output
        == (
            "ladder.xlsx:Matrix!C1: error: the level 'Senior PM' is not in the Levels sheet\n"
            "    hint: did you mean 'Sr PM'?\n"
            "ladder.xlsx:Matrix!A3: error: this row has expectations but no competency\n"
            "    hint: write the competency's name in this cell\n"
            "ladder.xlsx:Levels!B2: error: the rank 'one' is not a whole number from 0 to 1000\n"
            "    hint: write the level's position on the ladder, e.g. 3\n"
            "ladder.xlsx:Resources!B2: error: the link 'javascript:alert(1)' is not an http(s) address\n"
            "    hint: write the resource's full web address, starting with https://\n"
            "ladder.xlsx:Resources!C3: error: the cost 'cheap' is not free or paid\n"
            "    hint: write free or paid, or leave the cell empty\n"
            "Import failed: nothing was written.\n"
        )
        or result.output
    )
    assert not (tmp_path / "site").exists()


def test_control_characters_are_reported_with_the_rest(tmp_path):
    path = tmp_path / "ladder.csv"
    path.write_text(
        "Competency,PM,Senior PM\nStrategy,bad\x01,ok\nDelivery,ok,\x1b[31m\n", encoding="utf-8"
    )
    result = run("import", path, "-o", tmp_path / "site")
    assert result.exit_code == 1
    assert result.output.splitlines()[::2] == [
        f"{path}:2:2: error: the cell holds the control character U+0001",
        f"{path}:3:3: error: the cell holds the control character U+001B",
        "Import failed: nothing was written.",
    ]
    assert not (tmp_path / "site").exists()


def test_dry_run_writes_nothing_and_an_existing_folder_needs_force(tmp_path):
    path = workbook(tmp_path / "ladder.xlsx", MATRIX)
    dry = run("import", path, "-o", tmp_path / "site", "--dry-run")
    assert dry.exit_code == 0 and dry.output.startswith("3 levels on 1 track")
    assert not (tmp_path / "site").exists()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine")
    refused = run("import", path, "-o", tmp_path / "site")
    assert refused.exit_code == 2 and "pass --force" in refused.output
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["notes.txt"]
    assert run("import", path, "-o", tmp_path / "site", "--force").exit_code == 0
    assert (tmp_path / "site" / "notes.txt").read_text() == "mine"
    assert (tmp_path / "site" / "content" / "levels" / "senior-pm.md").is_file()


def test_an_id_collision_is_resolved_and_reported(tmp_path):
    path = workbook(
        tmp_path / "c.xlsx", {"M": [["Competency", "Senior PM", "Senior P.M."], ["S", "a", "b"]]}
    )
    result = run("import", path, "-o", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert [lv.id for lv in check_site(tmp_path / "site").site.levels] == [
        "senior-pm",
        "senior-p-m",
    ]


def framework(root):
    """The framework as data, text without surrounding whitespace, with the bodies."""
    site = check_site(root).site
    data = json.loads(exports.framework_json(site, exports.framework_view(site, ()), []))

    def strip(x):
        if isinstance(x, str):
            return x.strip()
        if isinstance(x, list):
            return [strip(i) for i in x]
        return {k: strip(v) for k, v in x.items()} if isinstance(x, dict) else x

    bodies = [
        (o.id, o.body.source.strip()) for o in (*site.tracks, *site.levels, *site.competencies)
    ]
    return strip({k: v for k, v in data.items() if k != "organization"}), bodies


ROUND_TRIP_SITES = [REPO, *sorted(p for p in SITES.iterdir() if (p / "site.yml").is_file())]


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
@pytest.mark.parametrize("layout", ["matrix", "long"])
@pytest.mark.parametrize("root", ROUND_TRIP_SITES, ids=lambda p: p.name or "example")
def test_export_then_import_gives_the_same_framework(tmp_path, root, fmt, layout):
    exported = tmp_path / f"ladder.{fmt}"
    exported.write_bytes(export_spreadsheet(root, fmt, layout).data)
    result = run("import", exported, "-o", tmp_path / "site")
    assert result.exit_code == 0, result.output
    assert framework(tmp_path / "site") == framework(root)


def test_exported_text_cannot_run_as_a_formula(tmp_path, make_site):
    root = make_site(
        {
            "content/competencies/strategy.md": (
                "---\nname: '=HYPERLINK(\"http://evil\",\"x\")'\nexpectations:\n  pm: '+cmd|calc'\n---\n"
            )
        }
    )
    rows = list(
        csv.reader(io.StringIO(export_spreadsheet(root, "csv", "matrix").data.decode("utf-8-sig")))
    )
    assert [rows[2][0], rows[2][2]] == ['\'=HYPERLINK("http://evil","x")', "'+cmd|calc"] or rows
    book = openpyxl.load_workbook(io.BytesIO(export_spreadsheet(root, "xlsx", "matrix").data))
    cell = next(
        c for row in book.worksheets[0].iter_rows() for c in row if str(c.value).startswith("=HYP")
    )
    assert cell.data_type == "s" and cell.quotePrefix
    exported = tmp_path / "x.xlsx"
    exported.write_bytes(export_spreadsheet(root, "xlsx", "matrix").data)
    assert run("import", exported, "-o", tmp_path / "back").exit_code == 0
    assert check_site(tmp_path / "back").site.competency("strategy").name.startswith("=HYPERLINK")


@pytest.mark.slow
def test_ladder_xlsx_is_byte_identical_and_opens_in_libreoffice(tmp_path):
    build(SITES / "minimal", tmp_path / "a")
    build(SITES / "minimal", tmp_path / "b")
    first = (tmp_path / "a" / "ladder.xlsx").read_bytes()
    assert first == (tmp_path / "b" / "ladder.xlsx").read_bytes()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    needs("LibreOffice", soffice, "apt-get install -y libreoffice-calc-nogui")
    ods = tmp_path / "ods" / "ladder.ods"  # the ods export opens too
    ods.parent.mkdir()
    ods.write_bytes(export_spreadsheet(SITES / "minimal", "ods", "matrix").data)
    for workbook, out in ((tmp_path / "a" / "ladder.xlsx", tmp_path), (ods, ods.parent)):
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        assert (out / "ladder.pdf").read_bytes().startswith(b"%PDF")


def test_ods_without_the_extra_names_it(tmp_path, monkeypatch):
    from generator.content import workbook as reader

    real = reader.importlib.import_module

    def no_odf(name, *args):
        if name == "odf":
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(reader.importlib, "import_module", no_odf)
    result = run("export", SITES / "minimal", "-o", tmp_path / "x.ods")
    assert result.exit_code == 1
    assert "pip install 'ladderpress[sheets]'" in result.output


def test_export_takes_its_format_from_the_file_name_and_refuses_one_it_cannot_tell(tmp_path):
    csv_named = run("export", SITES / "minimal", "-o", tmp_path / "ladder.CSV")
    assert csv_named.output == f"Wrote {tmp_path}/ladder.CSV (csv, matrix layout)\n"
    assert (tmp_path / "ladder.CSV").read_bytes().startswith(b"\xef\xbb\xbfCompetency,")
    unknown = run("export", SITES / "minimal", "-o", tmp_path / "x.txt")
    assert unknown.exit_code == 2
    assert unknown.output == (
        f"Error: cannot tell the format from {tmp_path}/x.txt: '.txt' is not one of .xlsx, "
        ".csv, .ods; end the file name with one of them, or choose the format with --format\n"
    )
    assert not (tmp_path / "x.txt").exists()
    told = run("export", SITES / "minimal", "-o", tmp_path / "x.txt", "--format", "csv")
    assert told.exit_code == 0 and (tmp_path / "x.txt").exists()
    bare = run("export", SITES / "minimal", "-o", tmp_path / "ladder")
    assert bare.output == f"Wrote {tmp_path}/ladder (xlsx, matrix layout)\n"


def test_summary_counts_the_expectations_a_long_sheet_leaves_out(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(
        "Role,Skill,Description\nPM,Strategy,Knows the vision\n,Delivery,Ships\n"
        "Senior PM,Strategy,Sets direction\n",
        encoding="utf-8",
    )
    result = import_site(path, "long.csv", tmp_path / "site")
    assert result.summary == (
        "2 levels on 1 track, 2 competencies, 3 expectations, 0 resources; "
        "1 expectation the sheets do not give (`check` names them)."
    )
    missing = [d for d in check_site(tmp_path / "site").diagnostics]
    assert [(d.code, d.subject) for d in missing] == [("missing-expectation", "senior-pm")]
