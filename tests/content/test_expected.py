"""Competencies with their expectations, and learning resources, as a spreadsheet gives them
(content/expected.py): names resolved to ids, each expectation in the content format."""

from __future__ import annotations

from generator.content.draft import Imported, Item, Names
from generator.content.expected import competencies, resources
from generator.content.layouts import Grid, read_sheet
from generator.errors import Mark, Report
from tests.content.sheets import sheet


def framework() -> Imported:
    """Two tracks; PM and Senior PM on both, Lead on the management track, Staff on ic."""
    return Imported(
        tracks=[Item("ic", "IC", {}), Item("management", "Management", {})],
        levels=[
            Item("pm", "PM", {"title": "PM"}),
            Item("senior-pm", "Senior PM", {"title": "Senior PM"}),
            Item("lead", "Lead", {"title": "Lead", "track": ["management"]}),
            Item("staff", "Staff", {"title": "Staff", "track": ["ic"]}),
        ],
    )


def known(kind: str, items: list[Item]) -> Names:
    found = Names(kind)
    for item in items:
        found.add(item.name, item.id)
    return found


def grid_of(*sheets: tuple[str, list[list[str]]], per_track: bool = False) -> Grid:
    grid, report = Grid(), Report()
    for name, rows in sheets:
        read_sheet(sheet(rows, name), "matrix", name if per_track else "", grid, report)
    assert report.items == []
    return grid


def read(grid: Grid, side=None) -> tuple[list[Item], Imported, list[tuple[str, str, str]]]:
    out, report = framework(), Report()
    found = competencies(
        grid, side, known("track", out.tracks), out, known("level", out.levels), report
    )
    return found, out, [(str(d.mark), d.code, d.message) for d in report.items]


MATRIX = [
    ["Competency", "Category", "PM", "Senior PM", "Lead", "Staff"],
    [
        "Strategy",
        "Craft",
        "Sets it",
        "• Owns it\n• Says no\nExamples:\n- Wrote it",
        "Leads it",
        "Deepens",
    ],
    ["Coaching", "People", "", "Mentors", "Coaches", ""],
]


def test_each_competency_with_its_expectations_in_the_content_format():
    found, _, problems = read(grid_of(("Matrix", MATRIX)))
    assert problems == []
    assert found == [
        Item(
            "strategy",
            "Strategy",
            {
                "name": "Strategy",
                "category": "Craft",
                "order": 1,
                "expectations": {
                    "pm": "Sets it",
                    "senior-pm": {"text": "- Owns it\n- Says no", "examples": ["Wrote it"]},
                    "lead": "Leads it",
                    "staff": "Deepens",
                },
            },
        ),
        Item(
            "coaching",
            "Coaching",
            {
                "name": "Coaching",
                "category": "People",
                "order": 2,
                # Said nowhere: the tracks of the levels of its own it has expectations for.
                "tracks": ["management"],
                "expectations": {"senior-pm": "Mentors", "lead": "Coaches"},
            },
        ),
    ]


def test_empty_cells_where_a_competency_applies_are_noted():
    _, out, _ = read(grid_of(("Matrix", MATRIX)))
    assert out.empty == [
        Mark("ladder.xlsx", 3, 3, "Matrix"),  # Coaching at PM, which is on management too
        # Not Coaching at Staff: Staff is on the ic track only, where Coaching is not.
    ]


def test_a_sheet_per_track_gives_the_competencies_their_tracks():
    grid = grid_of(
        ("IC", [["Competency", "PM"], ["Strategy", "Sets it"], ["Research", "Asks"]]),
        ("Management", [["Competency", "PM"], ["Strategy", "Sets it"]]),
        per_track=True,
    )
    found, _, problems = read(grid)
    assert problems == []
    assert [(c.id, c.fields.get("tracks")) for c in found] == [
        ("strategy", None),  # on every track: no tracks written
        ("research", ["ic"]),
    ]


def test_one_level_said_differently_on_two_sheets_is_an_error_at_the_second():
    grid = grid_of(
        ("IC", [["Competency", "PM"], ["Strategy", "Sets it"]]),
        ("Management", [["Competency", "PM"], ["Strategy", "Sets the plan"]]),
        per_track=True,
    )
    found, _, problems = read(grid)
    assert problems == [
        (
            "ladder.xlsx:Management!B2",
            "sheet-differs",
            "the expectation of 'Strategy' for 'PM' differs from the one at IC!B2",
        )
    ]
    assert found[0].fields["expectations"] == {"pm": "Sets it"}


def test_a_competencies_sheet_gives_ids_order_tracks_and_summaries():
    side = sheet(
        [
            ["Id", "Competency", "Track", "Summary"],
            ["strat", "Strategy", "All", "Where we go"],
            ["coach", "Coaching", "Management", ""],
        ],
        "Competencies",
    )
    grid = grid_of(("Matrix", [["Competency", "PM"], ["Strategy", "Sets it"], ["Gardening", "x"]]))
    found, _, problems = read(grid, side)
    assert problems == [
        (
            "ladder.xlsx:Matrix!A3",
            "sheet-unknown-competency",
            "the competency 'Gardening' is not in the Competencies sheet",
        )
    ]
    assert found == [
        Item(
            "strat",
            "Strategy",
            {
                "name": "Strategy",
                "order": 1,
                "summary": "Where we go",
                "expectations": {"pm": "Sets it"},
            },
        ),
        Item("coach", "Coaching", {"name": "Coaching", "order": 2, "tracks": ["management"]}),
    ]


RESOURCES = [
    ["Title", "Kind", "URL", "Competencies", "Levels", "Time", "Notes", "Tags"],
    ["Inspired", "Book", "https://svpg.com/inspired", "Strategy", "PM, Lead", "3h", "Good", "x; y"],
    ["Hands on", "Workshop", "", "", "", "", "", ""],
    ["Odd", "two words!", "", "Gardening", "", "", "", ""],
]


def test_resources_with_their_competencies_and_levels_as_ids():
    out, report = framework(), Report()
    out.competencies = [Item("strategy", "Strategy", {}), Item("coaching", "Coaching", {})]
    resources(sheet(RESOURCES, "Resources"), out, known("level", out.levels), report)
    assert out.resources == [
        {
            "title": "Inspired",
            "kind": "book",
            "url": "https://svpg.com/inspired",
            "competencies": ["strategy"],
            "levels": ["pm", "lead"],
            "time": "3h",
            "note": "Good",
            "tags": ["x", "y"],
        },
        {"title": "Hands on", "kind": "workshop", "competencies": ["strategy"]},
        {"title": "Odd", "kind": "two-words", "competencies": []},
    ]
    # Kinds that are not built in become the site's own.
    assert out.settings == {"resource_kinds": ["workshop", "two-words"]}
    assert [(str(d.mark), d.code) for d in report.items] == [
        ("ladder.xlsx:Resources!D4", "sheet-unknown-competency")
    ]


def test_a_kind_that_cannot_be_an_id_is_an_error():
    out, report = framework(), Report()
    rows = [["Title", "Kind"], ["Odd", "Книга"], ["Fine", "book"]]
    resources(sheet(rows, "Resources"), out, known("level", out.levels), report)
    assert [r["title"] for r in out.resources] == ["Fine"]
    assert [(str(d.mark), d.code, d.message) for d in report.items] == [
        ("ladder.xlsx:Resources!B2", "sheet-bad-kind", "the kind 'книга' is not one word")
    ]
    assert out.settings == {}
