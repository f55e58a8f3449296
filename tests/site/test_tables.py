"""The framework as tables for a spreadsheet (site/tables.py): what each cell holds, as
`ladderpress import` reads it back, and which sheets a workbook has."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.content.model import Expectation, Markdown, Site
from generator.content.sources import load
from generator.content.validate import validate
from generator.site.tables import (
    ALL_TRACKS,
    Cell,
    about_table,
    competencies_table,
    csv_table,
    default_next,
    examples_text,
    expectation_text,
    levels_table,
    lines,
    long_table,
    matrix_table,
    resources_table,
    sheet_name,
    statements_text,
    text,
    tracks_table,
    workbook_tables,
    worksheet_table,
)
from tests.conftest import SITES

INSPIRED = "https://www.svpg.com/inspired-how-to-create-products-customers-love/"


def md(source: str) -> Markdown:
    return Markdown(source, "content/competencies/x.md", 1)


def expectation(*statements: str, examples: tuple[str, ...] = ()) -> Expectation:
    return Expectation(tuple(map(md, statements)), tuple(map(md, examples)))


def model(root) -> Site:
    sources, _ = load(root)
    found, report = validate(sources)
    assert found is not None and not report.errors, report.items
    return found


@pytest.fixture(scope="module")
def site() -> Site:
    return model(SITES / "minimal")


def texts(rows) -> list[list[str]]:
    return [[cell.text for cell in row] for row in rows]


def test_lines_and_text():
    assert lines(["a", "b"]) == "a\nb"
    assert lines([]) == ""
    assert text(md("\n  Some *text*.\n\n")) == "Some *text*."
    assert text(None) == ""


@pytest.mark.parametrize(
    "statements, shown",
    [
        (("Writes the strategy.",), "Writes the strategy."),
        (("One.", "Two."), "• One.\n• Two."),
        # One statement that import would read as a list item, or as several, is bulleted.
        (("- looks listed",), "• - looks listed"),
        (("1. looks numbered",), "• 1. looks numbered"),
        (("Examples:",), "• Examples:"),
        (("Two\nlines",), "• Two\nlines"),
    ],
)
def test_statements_text_is_the_statement_or_one_bullet_line_each(statements, shown):
    assert statements_text(expectation(*statements)) == shown


def test_expectation_text_puts_examples_after_a_line_examples():
    assert examples_text(expectation("S.", examples=("A.", "B."))) == "• A.\n• B."
    assert expectation_text(expectation("S.", examples=("A.", "B."))) == (
        "S.\nExamples:\n• A.\n• B."
    )
    assert expectation_text(expectation("S.")) == "S."
    assert expectation_text(None) == ""


def test_sheet_name_is_valid_and_unique():
    taken: set[str] = set()
    assert sheet_name("Matrix", taken) == "Matrix"
    assert sheet_name("matrix", taken) == "matrix (2)"  # names differ in more than case
    assert sheet_name("Matrix", taken) == "Matrix (3)"
    assert taken == {"Matrix", "matrix (2)", "Matrix (3)"}
    assert sheet_name("a/b:c*d?[e]\\f", set()) == "a b c d e f"
    assert sheet_name("'quoted'", set()) == "quoted"
    assert sheet_name("///", set()) == "Sheet"
    long = "x" * 40
    assert sheet_name(long, set()) == "x" * 31
    assert sheet_name(long, {"x" * 31}) == "x" * 27 + " (2)"


def test_default_next_is_the_nearest_rank_up_on_each_track(site):
    assert default_next(site, site.level("pm")) == ("senior-pm",)
    assert default_next(site, site.level("senior-pm")) == ("principal-pm", "group-pm")
    assert default_next(site, site.level("group-pm")) == ()


def test_matrix_table_has_a_band_per_category_and_a_column_per_level(site):
    levels = site.levels_of("management")
    table = matrix_table(site, levels, site.track("management"), "People management")
    assert table.name == "People management"
    assert table.header == (
        "Competency",
        "Product Manager",
        "Senior Product Manager",
        "Group Product Manager",
    )
    assert texts(table.rows) == [
        ["Craft", "", "", ""],
        [
            "Product strategy",
            "Explains how their feature serves the product strategy.",
            "• Writes the strategy for their area.\n• Says no to work that does not serve it.",
            "Makes sure every area in the group has a written strategy.",
        ],
        ["People", "", "", ""],
        [
            "Coaching",
            "Helps new teammates find their way.",
            "Mentors one junior product manager.",
            "Coaches each product manager in the group every week.",
        ],
    ]
    assert table.bands == {0, 2}
    assert table.widths == (28, 44, 44, 44)


def test_long_table_is_a_row_per_expectation_with_the_levels_tracks(site):
    table = long_table(site, "Expectations")
    assert table.header == (
        "Competency",
        "Category",
        "Level",
        "Track",
        "Expectation",
        "Examples",
    )
    rows = texts(table.rows)
    assert len(rows) == 7  # coaching has no expectation at the principal level
    assert rows[0] == [
        "Product strategy",
        "Craft",
        "Product Manager",
        ALL_TRACKS,
        "Explains how their feature serves the product strategy.",
        "",
    ]
    assert rows[2] == [
        "Product strategy",
        "Craft",
        "Principal Product Manager",
        "Individual contributor",
        "Sets strategy across several areas.",
        "• Wrote the two-year strategy for payments.",
    ]


def test_levels_table_writes_next_only_where_it_is_not_the_default(site, make_site):
    rows = texts(levels_table(site).rows)
    assert rows[0] == [
        "pm",
        "Product Manager",
        ALL_TRACKS,
        "1",
        "",
        "Owns a feature area.",
        "",
        "",
        "",
        "A product manager owns a feature area.",
    ]
    assert [r[2] for r in rows] == [
        ALL_TRACKS,
        ALL_TRACKS,
        "Individual contributor",
        "People management",
    ]
    assert all(r[8] == "" for r in rows)
    level = "---\ntitle: Product Manager\nrank: 1\nnext: [group-pm]\naka: [PM I, APM]\n---\n"
    other = model(make_site({"content/levels/pm.md": level}))
    first = texts(levels_table(other).rows)[0]
    assert (first[4], first[8]) == ("PM I\nAPM", "Group Product Manager")
    assert levels_table(site).frozen == (1, 2)


def test_competencies_table_says_all_tracks_or_names_them(site):
    assert texts(competencies_table(site).rows) == [
        [
            "strategy",
            "Product strategy",
            "Craft",
            "All tracks",
            "",
            "Good strategy names a problem and a bet.",
        ],
        ["coaching", "Coaching", "People", "People management", "", "Coaching grows people."],
    ]


def test_tracks_table(site):
    assert texts(tracks_table(site).rows) == [
        ["ic", "Individual contributor", "", "For people who grow by going deeper."],
        ["management", "People management", "", "For people who grow through their teams."],
    ]


def test_resources_table_links_web_addresses_only(site, make_site):
    table = resources_table(site)
    first, second = table.rows
    assert first[0] == Cell("Inspired", INSPIRED)
    assert first[2] == Cell(INSPIRED, INSPIRED)
    assert [c.text for c in first[3:6]] == [
        "Marty Cagan",
        "Product strategy",
        "Product Manager\nSenior Product Manager",
    ]
    assert second[0] == Cell("The Making of a Manager")
    reading = "- title: Local\n  kind: book\n  url: assets/guide.pdf\n"
    other = model(
        make_site({"content/resources/reading.yml": reading, "content/assets/guide.pdf": b"%PDF"})
    )
    (only,) = resources_table(other).rows
    assert only[0] == Cell("Local") and only[2] == Cell("assets/guide.pdf")


def test_worksheet_table_is_the_competencies_that_apply_with_a_rating_to_choose(site):
    table = worksheet_table(site, site.level("principal-pm"), "Principal")
    assert table.header == ("Competency", "Expectation", "Rating", "Evidence")
    assert texts(table.rows) == [
        [
            "Product strategy",
            "Sets strategy across several areas.\nExamples:\n• Wrote the two-year strategy for payments.",
            "",
            "",
        ]
    ]
    assert table.choices == {2: site.plan.rating_scale}


def test_about_table(site):
    config = replace(site.config, description="Our ladder.", version="2.1")
    assert texts(about_table(replace(site, config=config)).rows) == [
        ["Title", "Minimal Ladder"],
        ["Organization", "Test Co"],
        ["Description", "Our ladder."],
        ["Version", "2.1"],
        ["Language", "en"],
    ]


def test_workbook_tables_in_order(site):
    names = [t.name for t in workbook_tables(site)]
    assert names == [
        "Individual contributor",
        "People management",
        "Levels",
        "Competencies",
        "Tracks",
        "Resources",
        "Product Manager",
        "Senior Product Manager",
        "Principal Product Manager",
        "Group Product Manager",
        "About",
    ]
    long = [t.name for t in workbook_tables(site, "long")]
    assert long[0] == "Expectations" and long[1:] == names[2:]


def test_one_implicit_track_is_one_matrix_and_no_tracks_sheet(make_site):
    site = model(
        make_site(
            {
                "content/tracks/ic.md": None,
                "content/tracks/management.md": None,
                "content/levels/principal-pm.md": None,
                "content/levels/group-pm.md": None,
                "content/competencies/coaching.md": None,
                "content/competencies/strategy.md": "---\nname: S\nexpectations: {pm: A.}\n---\n",
                "content/resources/reading.yml": None,
            }
        )
    )
    names = [t.name for t in workbook_tables(site)]
    assert names[:3] == ["Matrix", "Levels", "Competencies"] and "Tracks" not in names
    assert long_table(site, "E").header == (
        "Competency",
        "Category",
        "Level",
        "Expectation",
        "Examples",
    )
    assert texts(levels_table(site).rows)[0][2] == ""


def test_a_sheet_named_like_a_side_sheet_is_renamed(make_site):
    site = model(make_site({"content/levels/pm.md": "---\ntitle: Levels\nrank: 1\n---\n"}))
    names = [t.name for t in workbook_tables(site)]
    assert names.count("Levels") == 1 and "Levels (2)" in names


def test_csv_table_is_the_matrix_with_a_row_of_tracks_or_the_long_table(site):
    table = csv_table(site)
    assert table.header[:3] == ("Competency", "Category", "Product Manager")
    assert texts(table.rows)[0] == [
        "Track",
        "",
        ALL_TRACKS,
        ALL_TRACKS,
        "Individual contributor",
        "People management",
    ]
    assert texts(table.rows)[2][:2] == ["Coaching", "People"]
    assert texts(table.rows)[2][4] == ""
    assert csv_table(site, "long") == long_table(site, "Expectations")
