"""The sheets beside the expectations (content/sidesheets.py): which sheet is which, their
rows of named values, the About sheet's settings, and the learning resources."""

from __future__ import annotations

import pytest

from generator.content.sidesheets import ROWS_OF, about, resources, rows, side_kind
from generator.errors import Mark, Report
from tests.content.sheets import sheet


@pytest.mark.parametrize(
    "name, header, kind",
    [
        ("About", ["Setting", "Value"], "about"),
        ("Settings", [], "about"),
        ("Tracks", ["Id", "Track", "Summary"], "tracks"),
        ("Grades", ["Level", "Rank", "Next levels"], "levels"),
        ("Skills", ["Competency", "Category", "Notes"], "competencies"),
        ("Learning resources", ["Title", "URL"], "resources"),
        ("Library", ["Anything"], "resources"),
        # A sheet named Levels with a column per competency holds expectations.
        ("Levels", ["Level", "Strategy", "Coaching"], ""),
        ("Matrix", ["Competency", "PM"], ""),
    ],
)
def test_side_kind_by_the_sheets_name_and_its_columns(name, header, kind):
    assert side_kind(sheet([header], name)) == kind


def test_rows_are_each_roles_text_with_where_it_is():
    levels = sheet(
        [
            ["Id", "Level", "Rank", "Colour"],
            ["pm", "PM", "1", "red"],
            [],
            ["", "", "", "blue"],
            ["", "Senior PM", "2", ""],
        ],
        "Levels",
        links={(5, 2): "https://example.org/senior"},
    )
    found = rows(levels, ROWS_OF["levels"])
    assert [r.values for r in found] == [
        {"id": "pm", "level": "PM", "rank": "1"},
        {"level": "Senior PM", "rank": "2"},
    ]
    first, second = found
    assert first.marks == {
        "id": Mark("ladder.xlsx", 2, 1, "Levels"),
        "level": Mark("ladder.xlsx", 2, 2, "Levels"),
        "rank": Mark("ladder.xlsx", 2, 3, "Levels"),
    }
    assert first.mark == Mark("ladder.xlsx", 2, 1, "Levels")
    assert (first.get("id"), second.get("id")) == ("pm", "")
    assert (first.url, second.url) == ("", "https://example.org/senior")


def test_about_is_a_row_per_setting():
    sheet_ = sheet(
        [
            ["Setting", "Value"],
            ["Title", "Our ladder"],
            ["Organisation", "Acme"],
            ["Version", "2.1"],
            ["Colour", "blue"],
            ["Description", ""],
        ],
        "About",
    )
    assert about(sheet_) == {"title": "Our ladder", "organization": "Acme", "version": "2.1"}


RESOURCES = [
    ["Title", "Kind", "URL", "Competency", "Level", "Cost", "Summary", "Tags"],
    [
        "Inspired",
        "Book",
        "https://svpg.com/inspired",
        "Strategy",
        "PM",
        "Paid",
        "A classic",
        "a, b",
    ],
    ["Escaping the Build Trap", "", "https://example.org/trap", "", "", "", "", ""],
    ["https://example.org/talk", "Online talk", "", "", "", "FREE", "", ""],
    ["", "", "", "Coaching", "", "", "", ""],
]


def problems(report: Report) -> list[tuple[str, str, str]]:
    return [(str(d.mark), d.code, d.message) for d in report.items]


def test_resources_read_with_their_kinds_costs_and_links():
    report = Report()
    found = resources(sheet(RESOURCES, "Resources"), report)
    assert problems(report) == []
    assert [r.values for r in found] == [
        {
            "title": "Inspired",
            "kind": "book",
            "url": "https://svpg.com/inspired",
            "competencies": "Strategy",
            "levels": "PM",
            "cost": "paid",
            "notes": "A classic",
            "tags": "a, b",
        },
        # The competency carries down to the rows below that have a title of their own.
        {
            "title": "Escaping the Build Trap",
            "kind": "article",
            "url": "https://example.org/trap",
            "competencies": "Strategy",
        },
        # A title that is an address is the link too.
        {
            "title": "https://example.org/talk",
            "kind": "online-talk",
            "url": "https://example.org/talk",
            "competencies": "Strategy",
            "cost": "free",
        },
    ]
    assert found[0].marks["competencies"] == Mark("ladder.xlsx", 2, 4, "Resources")
    assert found[0].url == "https://svpg.com/inspired"


def test_a_title_linked_in_its_cell_is_the_resources_address():
    linked = sheet(
        [["Title", "Kind"], ["Inspired", "book"]],
        "Resources",
        links={(2, 1): "https://svpg.com/inspired"},
    )
    (found,) = resources(linked, Report())
    assert found.values["url"] == found.url == "https://svpg.com/inspired"


def test_a_bad_link_or_cost_is_an_error_at_its_cell_and_the_row_is_left_out():
    report = Report()
    bad = [
        ["Title", "URL", "Cost"],
        ["Local", "file:///etc/passwd", ""],
        ["Pricey", "https://example.org/p", "expensive"],
        ["Fine", "https://example.org/f", ""],
    ]
    found = resources(sheet(bad, "Resources"), report)
    assert [r.get("title") for r in found] == ["Fine"]
    assert problems(report) == [
        (
            "ladder.xlsx:Resources!B2",
            "sheet-bad-link",
            "the link 'file:///etc/passwd' is not an http(s) address",
        ),
        ("ladder.xlsx:Resources!C3", "sheet-bad-cost", "the cost 'expensive' is not free or paid"),
    ]


@pytest.mark.parametrize("link", ["assets/guide.pdf", "../pages/handbook.md", "guide.pdf"])
def test_a_link_to_a_file_of_the_site_is_left_out_with_a_warning(link):
    report = Report()
    rows = [["Title", "URL", "Kind"], ["Our guide", link, "template"]]
    (found,) = resources(sheet(rows, "Resources"), report)
    assert (found.values, found.url) == ({"title": "Our guide", "kind": "template"}, "")
    assert [(str(d.mark), d.severity, d.code) for d in report.items] == [
        ("ladder.xlsx:Resources!B2", "warning", "sheet-file-link")
    ]
    assert report.items[0].message == (
        f"'Our guide' links to {link}, a file of the site that the spreadsheet does not "
        "hold: it is imported without its link"
    )


@pytest.mark.parametrize("link", ["javascript:alert(1)", "mailto:a@b.org", "//evil.example/x"])
def test_a_link_of_another_scheme_is_still_an_error(link):
    report = Report()
    assert resources(sheet([["Title", "URL"], ["X", link]], "Resources"), report) == []
    assert [d.code for d in report.items] == ["sheet-bad-link"]
