"""A spreadsheet read as a framework (content/imported.py): the sheets of expectations found
or chosen, tracks, levels ranked in ladder order, competencies, settings; every problem
reported."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.draft import Imported, Item
from generator.content.imported import import_book
from generator.errors import Report
from tests.content.sheets import book, sheet


def imported(*sheets, layout: str = "auto", only: str = "") -> tuple[Imported, list[tuple]]:
    report = Report()
    found = import_book(book(*sheets), layout, only, report)
    return found, [(str(d.mark), d.code, d.message) for d in report.items]


def test_one_matrix_is_one_implicit_track_ranked_in_its_order():
    found, problems = imported(
        sheet([["Competency", "Category", "PM", "Senior PM"], ["Strategy", "Craft", "a", "b"]])
    )
    assert problems == []
    assert found.tracks == []
    assert found.levels == [
        Item("pm", "PM", {"title": "PM", "rank": 1}),
        Item("senior-pm", "Senior PM", {"title": "Senior PM", "rank": 2}),
    ]
    assert [(c.id, c.fields["expectations"]) for c in found.competencies] == [
        ("strategy", {"pm": "a", "senior-pm": "b"})
    ]
    assert found.settings == {"categories": ["Craft"]}
    assert found.sheets == [("Matrix", "matrix")]
    assert found.expectations == 2


def test_a_sheet_per_track_makes_the_tracks_and_ranks_each_track_in_its_order():
    found, problems = imported(
        sheet([["Competency", "PM", "Senior PM", "Lead"], ["Strategy", "a", "b", "c"]], "IC"),
        sheet(
            [["Competency", "PM", "Senior PM", "Manager"], ["Strategy", "a", "b", "m"]],
            "Management",
        ),
        sheet([["Setting", "Value"], ["Title", "Ours"], ["Version", "2"]], "About"),
    )
    assert problems == []
    assert found.settings == {"title": "Ours", "version": "2"}
    assert found.tracks == [
        Item("ic", "IC", {"name": "IC", "order": 1}),
        Item("management", "Management", {"name": "Management", "order": 2}),
    ]
    assert [(lv.id, lv.fields["track"], lv.fields["rank"]) for lv in found.levels] == [
        ("pm", ["ic", "management"], 1),
        ("senior-pm", ["ic", "management"], 2),
        ("lead", ["ic"], 3),
        ("manager", ["management"], 3),
    ]
    # The About sheet is a side sheet, not a ladder.
    assert found.sheets == [("IC", "matrix"), ("Management", "matrix")]


def test_the_layout_given_reads_every_sheet_so():
    rows = [["Level", "Strategy"], ["PM", "a"], ["Senior PM", "b"]]
    found, problems = imported(sheet(rows, "Ladder"), layout="rows")
    assert problems == []
    assert [lv.id for lv in found.levels] == ["pm", "senior-pm"]
    assert found.sheets == [("Ladder", "rows")]


def test_a_levels_sheet_gives_ids_ranks_names_and_next():
    found, problems = imported(
        sheet([["Competency", "PM", "Senior PM", "Lead"], ["Strategy", "a", "b", "c"]]),
        sheet(
            [
                ["Id", "Level", "Rank", "Next", "Also known as"],
                ["pm", "PM", "1", "Lead", "APM; PM I"],
                ["spm", "Senior PM", "2", "", ""],
                ["lead", "Lead", "x", "", ""],
            ],
            "Levels",
        ),
    )
    assert problems == [
        (
            "ladder.xlsx:Levels!C4",
            "sheet-bad-rank",
            "the rank 'x' is not a whole number from 0 to 1000",
        )
    ]
    assert found.levels == [
        Item("pm", "PM", {"title": "PM", "rank": 1, "aka": ["APM", "PM I"], "next": ["lead"]}),
        Item("spm", "Senior PM", {"title": "Senior PM", "rank": 2}),
        Item("lead", "Lead", {"title": "Lead", "rank": 3}),  # the rank its order gives
    ]
    assert found.competencies[0].fields["expectations"] == {"pm": "a", "spm": "b", "lead": "c"}


def test_a_level_not_in_the_levels_sheet_is_an_error():
    _, problems = imported(
        sheet([["Competency", "PM", "Senior PN"], ["Strategy", "a", "b"]]),
        sheet([["Level", "Rank"], ["PM", "1"], ["Senior PM", "2"]], "Levels"),
    )
    assert problems == [
        (
            "ladder.xlsx:Matrix!C1",
            "sheet-unknown-level",
            "the level 'Senior PN' is not in the Levels sheet",
        )
    ]


def test_sheets_that_order_the_levels_differently_are_an_error_at_the_cell_that_differs():
    _, problems = imported(
        sheet([["Competency", "PM", "Senior PM", "Lead"], ["S", "a", "b", "c"]], "A"),
        sheet([["Competency", "PM", "Lead", "Senior PM"], ["S", "a", "c", "b"]], "B"),
    )
    assert problems == [
        (
            "ladder.xlsx:B!C1",
            "sheet-order",
            "the sheets put the levels in different orders: 'Lead' comes before 'Senior PM' "
            "here, after it on the sheet 'A'",
        )
    ]


def test_levels_in_a_circle_of_orders_are_an_error_on_the_last_sheet():
    _, problems = imported(
        sheet([["Competency", "PM", "Senior PM"], ["S", "a", "b"]], "A"),
        sheet([["Competency", "Senior PM", "Lead"], ["S", "b", "c"]], "B"),
        sheet([["Level", "Strategy"], ["Lead", "c"], ["PM", "a"]], "C"),
    )
    assert problems == [
        ("ladder.xlsx:C!A2", "sheet-order", "the sheets put the levels in different orders")
    ]


def test_the_sheet_asked_for_is_the_only_one_read():
    found, problems = imported(
        sheet([["Competency", "PM"], ["S", "a"]], "IC"),
        sheet([["Competency", "Lead"], ["S", "b"]], "Management"),
        only="  management ",
    )
    assert problems == []
    assert [lv.id for lv in found.levels] == ["lead"]
    assert found.sheets == [("Management", "matrix")]


def test_a_sheet_asked_for_that_is_not_there_is_an_error_with_a_suggestion():
    _, problems = imported(sheet([["Competency", "PM"]], "Management"), only="Managment")
    assert problems == [("ladder.xlsx", "sheet-not-found", "the workbook has no sheet 'Managment'")]
    report = Report()
    import_book(book(sheet([["Competency", "PM"]], "IC")), "auto", "Mgmt", report)
    assert [d.hint for d in report.items] == ["its sheets are: IC"]


def test_a_workbook_without_a_ladder_is_an_error():
    found, problems = imported(
        sheet([["Note"]], "Readme"), sheet([["Competency", "Rating", "Evidence"]], "PM")
    )
    assert problems == [("ladder.xlsx", "sheet-no-ladder", "found no sheet with a ladder in it")]
    assert (found.levels, found.competencies, found.sheets) == ([], [], [])


def test_resources_and_a_tracks_sheet():
    found, problems = imported(
        sheet([["Competency", "PM"], ["Strategy", "a"]]),
        sheet([["Track", "Summary"], ["Product", "Builds"]], "Tracks"),
        sheet(
            [["Title", "URL", "Competency"], ["Inspired", "https://svpg.com/i", "Strategy"]],
            "Resources",
        ),
    )
    assert problems == []
    assert found.tracks == [
        Item("product", "Product", {"name": "Product", "order": 1, "summary": "Builds"})
    ]
    assert found.resources == [
        {
            "title": "Inspired",
            "kind": "article",
            "url": "https://svpg.com/i",
            "competencies": ["strategy"],
        }
    ]


def test_one_track_named_in_the_sheets_is_the_implicit_one():
    rows = [["Level", "Track", "Strategy"], ["PM", "IC", "a"], ["Senior PM", "IC", "b"]]
    found, problems = imported(sheet(rows))
    assert problems == []
    assert found.tracks == []
    assert [lv.fields for lv in found.levels] == [
        {"title": "PM", "rank": 1},
        {"title": "Senior PM", "rank": 2},
    ]


def test_a_next_cell_naming_an_unknown_level_is_an_error_at_that_cell():
    _, problems = imported(
        sheet([["Competency", "PM", "Lead"], ["Strategy", "a", "c"]]),
        sheet([["Level", "Next"], ["PM", "Lead; Boss"], ["Lead", ""]], "Levels"),
    )
    assert problems == [
        ("ladder.xlsx:Levels!B2", "sheet-unknown-level", "unknown level 'Boss' (known: PM, Lead)")
    ]


WORDS = [
    "",
    "Competency",
    "Level",
    "Expectation",
    "Rating",
    "Track",
    "Category",
    "Examples",
    "Notes",
    "Id",
    "PM",
    "Senior PM",
    "All",
    "• a\n• b",
    "Examples:",
    "x",
]
grids = st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=5), min_size=0, max_size=6)
names = st.sampled_from(["Matrix", "Levels", "Tracks", "Resources", "About", "PM", "Sheet"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(grids, names), min_size=1, max_size=3),
    st.sampled_from(["auto", "matrix", "rows", "long"]),
)
def test_any_sheets_in_any_layout_give_positioned_problems_never_an_exception(sheets, layout):
    named = {name: rows for rows, name in sheets}  # sheet names are unique in a workbook
    report = Report()
    import_book(book(*(sheet(rows, name) for name, rows in named.items())), layout, "", report)
    for d in report.items:
        assert d.mark.path == "ladder.xlsx" and d.message and d.code.startswith("sheet-")


def test_a_layout_given_skips_self_assessment_sheets_and_says_what_a_sheet_lacks():
    matrix = sheet([["Competency", "PM"], ["Strategy", "a"]], "IC")
    rated = sheet([["Competency", "Expectation", "Rating"], ["Strategy", "a", ""]], "PM")
    found, problems = imported(matrix, rated, layout="long")
    assert problems == [
        (
            "ladder.xlsx:IC!A1",
            "sheet-no-column",
            "the sheet has no column of expectations for the long layout",
        )
    ]
    assert found.sheets == [("IC", "long")]  # the rated sheet is not read
    _, problems = imported(sheet([["just a note"]], "Notes"), layout="rows")
    assert problems == [("ladder.xlsx", "sheet-no-ladder", "found no sheet with a ladder in it")]
