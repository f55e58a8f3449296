"""What a spreadsheet cell means (content/cells.py): which column a header names, in several
languages; a cell's statements and examples; lists of names; ids made from titles."""

from __future__ import annotations

import pytest

from generator.content.cells import Ids, items, names, normal, role_of, roles_of, statements


@pytest.mark.parametrize(
    "header, plain",
    [
        ("Competency", "competency"),
        ("  Compétence ", "competence"),
        ("Fähigkeit", "fahigkeit"),
        ("Job_Title:", "job title"),
        ("What  good looks\nlike?", "what good looks like"),
        ("", ""),
    ],
)
def test_normal_compares_headers_without_case_accents_or_punctuation(header, plain):
    assert normal(header) == plain


@pytest.mark.parametrize(
    "header, role",
    [
        ("Skill", "competency"),
        ("Kompetenz", "competency"),
        ("Job title", "level"),
        ("Stufe", "level"),
        ("What good looks like", "text"),
        ("Beispiele", "examples"),
        ("Career path", "track"),
        ("Self-rating", "rating"),
        ("Colour", ""),
    ],
)
def test_role_of_a_header(header, role):
    roles = ("rating", "level", "competency", "text", "examples", "track")
    assert role_of(header, roles) == role


def test_the_first_role_asked_wins_a_header_several_could_claim():
    assert role_of("Theme", ("competency", "category")) == "competency"
    assert role_of("Theme", ("category", "competency")) == "category"


def test_roles_of_headers_one_column_each_the_likeliest_word_first():
    headers = {1: "Skills", 2: "Competency", 3: "Level", 4: "Area"}
    # "competency" is a likelier word for the role than "skills"; "area" then is the category.
    assert roles_of(headers, ("competency", "level", "category")) == {
        "competency": 2,
        "level": 3,
        "category": 4,
    }
    # Of two equally likely headers, the leftmost.
    assert roles_of({5: "Level", 2: "Level"}, ("level",)) == {"level": 2}
    # A column plays one role only: the competency column is not also the category.
    assert roles_of({1: "Area"}, ("competency", "category")) == {"competency": 1}
    assert roles_of({1: "Colour"}, ("level",)) == {}


@pytest.mark.parametrize(
    "lines, found",
    [
        (["One.", "", "Two."], ["One.", "Two."]),
        (["• One", "  continued", "• Two"], ["One\ncontinued", "Two"]),
        (["- a", "b", "1. c", "2) d"], ["a\nb", "c", "d"]),
        # A line before the first marker is a statement of its own.
        (["Intro", "- y"], ["Intro", "y"]),
        # With "•" lines, other list markers are text.
        (["• one - two", "- still one"], ["one - two\n- still one"]),
        ([], []),
    ],
)
def test_items_are_statements_one_a_line_or_one_a_list_item(lines, found):
    assert items(lines) == found


def test_statements_and_examples_after_a_line_examples():
    assert statements("• Sets direction\n• Says no\nExamples:\n- Wrote it\n- Cut it") == (
        ["Sets direction", "Says no"],
        ["Wrote it", "Cut it"],
    )
    assert statements("Owns it.\n  beispiele : \nA case") == (["Owns it."], ["A case"])
    assert statements("Owns it.") == (["Owns it."], [])
    assert statements("") == ([], [])


@pytest.mark.parametrize(
    "text, found",
    [
        ("Strategy, Delivery", ["Strategy", "Delivery"]),
        ("Strategy; Research, Discovery", ["Strategy", "Research, Discovery"]),
        ("Strategy\nResearch, Discovery\n", ["Strategy", "Research, Discovery"]),
        (" , ,", []),
        ("", []),
    ],
)
def test_names_in_one_cell(text, found):
    assert names(text) == found


def test_ids_are_made_from_titles_and_unique():
    ids = Ids()
    assert ids.make("Senior PM") == ("senior-pm", "")
    assert ids.make("Senior PM") == ("senior-pm-2", "senior-pm")
    assert ids.make("Anything", "senior-pm") == ("senior-pm-3", "senior-pm")
    assert ids.make("Lead", "team-lead") == ("team-lead", "")
    assert ids.make("!!!") == ("my-id", "")
    assert ids.taken == {
        "senior-pm": "Senior PM",
        "senior-pm-2": "Senior PM",
        "senior-pm-3": "Anything",
        "team-lead": "Lead",
        "my-id": "!!!",
    }


def test_a_numbered_id_stays_a_valid_length():
    ids = Ids()
    first, _ = ids.make("x" * 80)
    second, clash = ids.make("x" * 80)
    assert (len(first), clash) == (64, first)
    assert second == "x" * 60 + "-2"
