"""The three shapes a ladder takes in a spreadsheet (content/layouts.py): the header row
found, the layout told from it, and each layout read into one grid of expectations, every
problem at its cell."""

from __future__ import annotations

import pytest

from generator.content.layouts import ALL, LAYOUTS, Grid, Said, Seen, detect, header_row, read_sheet
from generator.errors import Mark, Report
from tests.content.sheets import sheet


def at(row: int, col: int, name: str = "Matrix") -> Mark:
    return Mark("ladder.xlsx", row, col, name)


def read(layout: str, rows, name: str = "Matrix", track: str = "", **more):
    grid, report = Grid(), Report()
    read_sheet(sheet(rows, name, **more), layout, track, grid, report)
    return grid, [(str(d.mark), d.code, d.message) for d in report.items]


MATRIX = [
    ["Our ladder"],
    [],
    ["Competency", "PM", "Senior PM"],
    ["Track", "All", "IC"],
    ["Craft"],
    ["Strategy", "• Sets it\n• Says no\nExamples:\n- Wrote it", "Owns it"],
    ["Delivery", "", "Ships"],
]


def test_the_header_row_is_the_first_that_names_a_known_column():
    assert header_row(sheet(MATRIX)) == 3
    assert header_row(sheet([["Note"], ["PM", "Senior PM"], ["a", "b"]])) == 2
    assert header_row(sheet([["Note"]])) == 0
    assert header_row(sheet([])) == 0


@pytest.mark.parametrize(
    "rows, layout",
    [
        (MATRIX, "matrix"),
        ([["Skill", "PM", "Senior PM"]], "matrix"),
        ([["Level", "Strategy", "Coaching"]], "rows"),
        ([["Level", "Competency", "Expectation"]], "long"),
        ([["Competency", "Expectation", "Examples"]], "long"),
        ([["Competency", "Rating", "Evidence"]], "worksheet"),
        ([["Only one"]], ""),
        ([], ""),
    ],
)
def test_detect_tells_the_layout_from_the_header(rows, layout):
    assert detect(sheet(rows)) == layout
    assert layout in (*LAYOUTS, "worksheet", "")


def test_a_matrix_is_a_row_per_competency_under_category_rows():
    grid, problems = read("matrix", MATRIX)
    assert problems == []
    # The second header row says each level's tracks.
    assert grid.levels == [
        Seen("PM", at(3, 2), tracks=ALL),
        Seen("Senior PM", at(3, 3), tracks=("IC",)),
    ]
    assert grid.competencies == [
        Seen("Strategy", at(6, 1), "Craft"),
        Seen("Delivery", at(7, 1), "Craft"),
    ]
    assert grid.said == [
        Said("Strategy", "PM", ("Sets it", "Says no"), ("Wrote it",), at(6, 2)),
        Said("Strategy", "Senior PM", ("Owns it",), (), at(6, 3)),
        Said("Delivery", "Senior PM", ("Ships",), (), at(7, 3)),
    ]
    assert grid.empty == [("Delivery", "PM", at(7, 2))]
    assert grid.orders == [[(lv.name, lv.mark) for lv in grid.levels]]  # each at its cell
    assert grid.sheets == [("Matrix", "matrix")]


def test_a_matrix_with_a_category_column_notes_and_the_sheets_track():
    rows = [["Competency", "Category", "Notes", "PM"], ["Strategy", "Craft", "Why", "Sets it"]]
    grid, problems = read("matrix", rows, name="IC", track="IC")
    assert problems == []
    assert grid.levels == [Seen("PM", at(1, 4, "IC"), tracks=("IC",))]
    assert grid.competencies == [Seen("Strategy", at(2, 1, "IC"), "Craft", ("IC",), "Why")]


def test_a_merged_category_row_heads_the_rows_below():
    rows = [
        ["Competency", "PM", "Senior PM"],
        ["People", "People", "People"],
        ["Coaching", "a", "b"],
    ]
    grid, _ = read("matrix", rows, merged=[(2, 2), (2, 3)])
    assert [(c.name, c.category) for c in grid.competencies] == [("Coaching", "People")]


def test_a_matrix_row_with_expectations_and_no_competency_is_an_error():
    grid, problems = read("matrix", [["Competency", "PM"], ["", "Orphan"], ["Strategy", "a"]])
    assert problems == [
        (
            "ladder.xlsx:Matrix!A2",
            "sheet-no-competency",
            "this row has expectations but no competency",
        )
    ]
    assert [s.competency for s in grid.said] == ["Strategy"]


ROWS = [
    ["", "Craft", "People"],
    ["Level", "Strategy", "Coaching"],
    ["PM", "Sets it", "Helps"],
    ["", "Says no", ""],
    ["Senior PM", "Owns it", ""],
]


def test_rows_are_a_row_per_level_continued_by_rows_without_one():
    grid, problems = read("rows", ROWS)
    assert problems == []
    assert grid.levels == [Seen("PM", at(3, 1)), Seen("Senior PM", at(5, 1))]
    # A row of categories above the header gives each competency its category.
    assert grid.competencies == [
        Seen("Strategy", at(2, 2), "Craft"),
        Seen("Coaching", at(2, 3), "People"),
    ]
    assert grid.said == [
        Said("Strategy", "PM", ("Sets it", "Says no"), (), at(3, 2)),
        Said("Coaching", "PM", ("Helps",), (), at(3, 3)),
        Said("Strategy", "Senior PM", ("Owns it",), (), at(5, 2)),
    ]
    assert grid.empty == [("Coaching", "Senior PM", at(5, 3))]
    assert grid.orders == [[(lv.name, lv.mark) for lv in grid.levels]]  # each at its cell


def test_rows_with_a_track_column_and_errors_at_their_cells():
    rows = [
        ["Level", "Track", "Strategy"],
        ["", "", "Orphan"],
        ["PM", "All tracks", "a"],
        ["Lead", "IC; Management", "b"],
        ["PM", "", "c"],
    ]
    grid, problems = read("rows", rows)
    assert [(lv.name, lv.tracks) for lv in grid.levels] == [
        ("PM", ALL),
        ("Lead", ("IC", "Management")),
    ]
    assert problems == [
        (
            "ladder.xlsx:Matrix!A2",
            "sheet-no-level",
            "this row has expectations but no level above it",
        ),
        (
            "ladder.xlsx:Matrix!A5",
            "sheet-duplicate-level",
            "the level 'PM' has a row already (row 3)",
        ),
    ]


LONG = [
    ["Competency", "Level", "Expectation", "Examples", "Category"],
    ["Strategy", "PM", "Sets it", "Wrote it", "Craft"],
    ["", "Senior PM", "Owns it", "", ""],
    ["Coaching", "", "Helps", "", "People"],
    ["", "", "", "", ""],
]


def test_long_is_a_row_per_expectation_an_empty_cell_repeating_the_one_above():
    grid, problems = read("long", LONG, name="Long")
    assert problems == []
    assert grid.levels == [Seen("PM", at(2, 2, "Long")), Seen("Senior PM", at(3, 2, "Long"))]
    assert [(c.name, c.category) for c in grid.competencies] == [
        ("Strategy", "Craft"),
        ("Strategy", "Craft"),
        ("Coaching", "People"),
    ]
    assert grid.said == [
        Said("Strategy", "PM", ("Sets it",), ("Wrote it",), at(2, 3, "Long")),
        Said("Strategy", "Senior PM", ("Owns it",), (), at(3, 3, "Long")),
        Said("Coaching", "Senior PM", ("Helps",), (), at(4, 3, "Long")),
    ]
    assert grid.orders == [[(lv.name, lv.mark) for lv in grid.levels]]  # each at its cell


def test_long_without_a_level_column_is_the_level_of_the_sheets_name():
    grid, problems = read("long", [["Competency", "Expectation"], ["Strategy", "Sets it"]], "PM")
    assert problems == []
    assert [lv.name for lv in grid.levels] == ["PM"]
    assert grid.said[0].level == "PM"


def test_a_long_row_without_a_competency_is_an_error():
    rows = [["Level", "Competency", "Expectation"], ["PM", "", "Sets it"]]
    grid, problems = read("long", rows)
    assert problems == [
        ("ladder.xlsx:Matrix!B2", "sheet-no-competency", "this row has no competency")
    ]
    assert grid.said == []
