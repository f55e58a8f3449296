"""A framework drafted from a spreadsheet (content/draft.py): what it counts, items found by
name or id, and the ids a side sheet's rows get."""

from __future__ import annotations

from generator.content.cells import Ids
from generator.content.draft import Imported, Item, Names, own_id
from generator.content.sidesheets import Row
from generator.errors import Mark, Report

HERE = Mark("ladder.xlsx", 4, 2, "Matrix")


def problems(report: Report) -> list[tuple[str, str, str, str]]:
    return [(d.severity.value, d.code, d.message, d.hint) for d in report.items]


def test_expectations_counts_those_of_every_competency():
    draft = Imported(
        competencies=[
            Item("strategy", "Strategy", {"expectations": {"pm": "a", "senior-pm": ["b", "c"]}}),
            Item("coaching", "Coaching", {"expectations": {"pm": "d"}}),
            Item("delivery", "Delivery", {"name": "Delivery"}),
            Item("odd", "Odd", {"expectations": "not a mapping"}),
        ]
    )
    assert draft.expectations == 3
    assert Imported().expectations == 0


def names() -> Names:
    found = Names("level")
    found.add("Senior PM", "senior-pm")
    found.add("Product Manager", "pm")
    found.add("Senior P.M.", "senior-pm-2")
    return found


def test_names_find_an_item_by_its_name_or_id_as_headers_are_compared():
    known = names()
    report = Report()
    assert known.find("senior pm", HERE, report) == "senior-pm"
    assert known.find("PM", HERE, report) == "pm"
    assert known.find("  product   MANAGER ", HERE, report) == "pm"
    assert report.items == []
    assert known.shown == ["Senior PM", "Product Manager", "Senior P.M."]


def test_the_first_item_keeps_a_name_two_items_share():
    known = names()
    known.add("senior  pm", "senior-pm-3")  # compares equal to "Senior PM"
    assert known.find("SENIOR PM", HERE, Report()) == "senior-pm"
    assert known.find("senior-pm-3", HERE, Report()) == "senior-pm-3"


def test_a_name_not_found_is_reported_with_the_names_known_and_the_likeliest():
    report = Report()
    assert names().find("Senor PM", HERE, report) is None
    assert problems(report) == [
        (
            "error",
            "sheet-unknown-level",
            "unknown level 'Senor PM' (known: Senior PM, Product Manager, Senior P.M.)",
            "did you mean 'Senior PM'?",
        )
    ]
    assert report.items[0].mark == HERE


def test_find_all_takes_the_whole_cell_as_a_name_first_then_each_name_it_lists():
    known = Names("competency")
    known.add("Strategy, vision and roadmap", "strategy")
    known.add("Coaching", "coaching")
    known.add("Delivery", "delivery")
    report = Report()
    assert known.find_all("Strategy, vision and roadmap", HERE, report) == ["strategy"]
    assert known.find_all("Coaching; Delivery", HERE, report) == ["coaching", "delivery"]
    assert known.find_all("Coaching\nGardening", HERE, report) == ["coaching"]
    assert [d.code for d in report.items] == ["sheet-unknown-competency"]


def row(**values: str) -> Row:
    marks = {role: Mark("ladder.xlsx", 3, col, "Levels") for col, role in enumerate(values, 1)}
    return Row(values, marks, Mark("ladder.xlsx", 3, 1, "Levels"))


def test_own_id_is_the_rows_id_cell_else_one_made_from_its_name():
    ids, report = Ids(), Report()
    assert own_id(row(id="staff", level="Staff PM"), "Staff PM", ids, report) == "staff"
    assert own_id(row(level="Principal PM"), "Principal PM", ids, report) == "principal-pm"
    assert report.items == []


def test_a_bad_id_cell_is_an_error_and_the_name_gives_the_id():
    ids, report = Ids(), Report()
    assert own_id(row(id="Staff PM!", level="Staff"), "Staff", ids, report) == "staff"
    assert problems(report) == [
        (
            "error",
            "sheet-bad-id",
            "'Staff PM!' is not a valid id",
            "use lower-case letters, digits and hyphens, e.g. staff-pm",
        )
    ]
    assert report.items[0].mark == Mark("ladder.xlsx", 3, 1, "Levels")


def test_an_id_taken_already_is_numbered_with_a_warning():
    ids, report = Ids(), Report()
    own_id(row(level="Lead"), "Lead", ids, report)
    assert own_id(row(id="lead", level="Team lead"), "Team lead", ids, report) == "lead-2"
    assert problems(report) == [
        (
            "warning",
            "sheet-id-clash",
            "'Team lead' would take the id 'lead', which is taken; it is 'lead-2'",
            "give it an id of its own in the Id column",
        )
    ]
