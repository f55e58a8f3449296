"""YAML parsed into a positioned tree (content/yamltree.py): every value with its line and
column and its text as written; duplicate keys, aliases, tags, a second document and deep
nesting refused; syntax errors placed where the mistake most likely is."""

from __future__ import annotations

import datetime

import pytest

from generator.content.yamltree import (
    MAX_DEPTH,
    Mapping,
    Scalar,
    Sequence,
    kind_name,
    parse,
    to_python,
)
from generator.errors import Mark, Report

DOCUMENT = """\
title: Senior PM
ranks:
  - 1
  - "2"
notes: |
  Two
  lines
shared: no
since: 2026-01-02
ratio: 1.5
empty: ~
"""


def parsed(text: str, line_offset: int = 0) -> tuple[object, list[tuple[int, int, str, str]]]:
    report = Report()
    node = parse(text, "f.yml", report, line_offset)
    return node, [(d.line, d.col, d.code, d.message) for d in report.items]


@pytest.fixture(scope="module")
def tree() -> Mapping:
    node, problems = parsed(DOCUMENT)
    assert problems == []
    assert isinstance(node, Mapping)
    return node


def test_every_value_has_its_position_and_its_text_as_written(tree):
    assert [k.text for k, _ in tree.items] == [
        "title",
        "ranks",
        "notes",
        "shared",
        "since",
        "ratio",
        "empty",
    ]
    title = tree.get("title")
    assert title == Scalar("Senior PM", "str", True, False, Mark("f.yml", 1, 8))
    assert tree.key_mark("ranks") == Mark("f.yml", 2, 1)
    ranks = tree.get("ranks")
    assert isinstance(ranks, Sequence) and ranks.mark == Mark("f.yml", 3, 3)
    one, two = ranks.items
    assert (one.text, one.tag, one.value, one.mark.line) == ("1", "int", 1, 3)
    # A quoted value is text, whatever it looks like.
    assert (two.text, two.tag, two.plain, two.value) == ("2", "str", False, "2")
    assert tree.get("missing") is None and tree.key_mark("missing") is None


def test_a_scalar_keeps_the_type_yaml_gives_it(tree):
    shared = tree.get("shared")
    assert (shared.text, shared.tag, shared.value) == ("no", "bool", False)
    assert tree.get("since").value == datetime.date(2026, 1, 2)
    assert tree.get("ratio").value == 1.5
    assert (tree.get("empty").tag, tree.get("empty").value) == ("null", None)
    # A value the type cannot read stays its text.
    assert Scalar("2026-13-45", "timestamp", True, False, Mark("f.yml", 1, 1)).value == "2026-13-45"


def test_a_block_scalars_text_starts_on_the_next_line(tree):
    notes = tree.get("notes")
    assert (notes.text, notes.block, notes.mark.line, notes.text_line) == (
        "Two\nlines\n",
        True,
        5,
        6,
    )
    assert tree.get("title").text_line == 1


def test_line_offset_counts_the_lines_before_the_yaml():
    node, _ = parsed("title: T\n", line_offset=1)  # front matter after its '---' line
    assert node.get("title").mark == Mark("f.yml", 2, 8)


def test_empty_text_is_no_tree_and_no_problem():
    assert parsed("") == (None, [])
    assert parsed("# only a comment\n") == (None, [])


@pytest.mark.parametrize(
    "text, problem",
    [
        (
            "a: 1\nb: 2\na: 3\n",
            (3, 1, "duplicate-key", "key 'a' appears twice in one mapping (first on line 1)"),
        ),
        (
            "a: &x 1\nb: *x\n",
            (2, 4, "yaml-alias", "YAML aliases are not allowed (found '*x')"),
        ),
        (
            "a: !!python/object x\n",
            (
                1,
                4,
                "yaml-tag",
                "YAML tags are not allowed (found 'tag:yaml.org,2002:python/object')",
            ),
        ),
        (
            "a: 1\n---\nb: 2\n",
            (2, 1, "yaml-documents", "more than one YAML document in one file"),
        ),
        (
            "[" * (MAX_DEPTH + 5),
            (1, MAX_DEPTH + 1, "yaml-depth", f"YAML nested more than {MAX_DEPTH} levels deep"),
        ),
        (
            "{[1]: 2}\n",
            (1, 2, "yaml-key", "a mapping key must be text, got a list"),
        ),
    ],
    ids=["duplicate", "alias", "tag", "documents", "depth", "key"],
)
def test_what_yaml_would_do_silently_or_dangerously_is_refused(text, problem):
    node, problems = parsed(text)
    assert problems == [problem]
    if problem[2] != "duplicate-key":
        assert node is None


def test_a_duplicate_key_keeps_the_first_value():
    node, _ = parsed("a: 1\na: 2\n")
    assert to_python(node) == {"a": 1}


@pytest.mark.parametrize(
    "text, problem",
    [
        (
            "a:\n\t- b\n",
            (2, 1, "yaml-syntax", "invalid YAML: a tab character; YAML indents with spaces only"),
        ),
        (
            'a: "open\nb: 2\nc: 3\n',
            (
                1,
                4,
                "yaml-syntax",
                "invalid YAML: the quoted text that starts here is never closed "
                "(the parser stopped at line 4)",
            ),
        ),
        (
            "a: b: c\n",
            (1, 5, "yaml-syntax", "invalid YAML: mapping values are not allowed"),
        ),
    ],
    ids=["tab", "unclosed", "colon"],
)
def test_syntax_errors_point_at_the_mistake(text, problem):
    node, problems = parsed(text, line_offset=0)
    assert (node, problems) == (None, [problem])


def test_syntax_errors_count_the_line_offset():
    _, problems = parsed("a: b: c\n", line_offset=1)
    assert problems[0][:2] == (2, 5)


def test_the_hint_for_a_colon_in_a_value_says_to_quote_it():
    report = Report()
    parse("summary: Leads: many teams\n", "f.yml", report)
    (problem,) = report.items
    assert (
        problem.hint
        == "a value that contains ': ' must be quoted, e.g. summary: \"Leads: many teams\""
    )


def test_kind_name_says_how_a_value_reads_to_a_person(tree):
    assert kind_name(None) == "nothing"
    assert kind_name(tree) == "a mapping"
    assert [kind_name(v) for _, v in tree.items] == [
        "text",
        "a list",
        "text",
        "a boolean",
        "a date",
        "a decimal number",
        "an empty value",
    ]
    assert kind_name(tree.get("ranks").items[0]) == "a whole number"


def test_to_python_gives_plain_data_with_dates_as_iso_text(tree):
    assert to_python(tree) == {
        "title": "Senior PM",
        "ranks": [1, "2"],
        "notes": "Two\nlines\n",
        "shared": False,
        "since": "2026-01-02",
        "ratio": 1.5,
        "empty": None,
    }
    assert to_python(None) is None
