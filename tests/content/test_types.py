"""Value types: each check returns the value read, or INVALID after one positioned report."""

from __future__ import annotations

from typing import Any

import pytest

from generator.content.model import Markdown
from generator.content.types import (
    INVALID,
    MARKDOWN,
    Anything,
    Boolean,
    Choice,
    Id,
    Integer,
    Invalid,
    Matching,
    Text,
    Type,
    Url,
    as_markdown,
    closest,
    describe,
    last_key,
    suggest,
)
from generator.content.yamltree import parse
from generator.errors import Mark, Report

MARK = Mark("f.yml")


def check(kind: Type[Any], text: str) -> tuple[Any, list[tuple[int, int, str]]]:
    """What a type reads from the value of 'key: <text>', and each problem reported."""
    report = Report()
    mapping = parse(f"key: {text}\n", "f.yml", report)
    assert mapping is not None and not report.items
    value = kind.check(mapping.get("key"), "key", report, MARK)  # type: ignore[union-attr]
    return value, [(d.line, d.col, d.code) for d in report.items]


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        (Text(), "  Senior PM ", "Senior PM"),
        (Text(), "|\n  two\n  lines\n", "two\nlines\n"),
        (Id(), "senior-pm", "senior-pm"),
        (Choice(options=("free", "paid")), "paid", "paid"),
        (Url(), "https://example.org/x", "https://example.org/x"),
        (Url(), "assets/logo.svg", "assets/logo.svg"),
        (Matching(pattern=r"^#[0-9a-fA-F]+$", lower=True), '"#ABC"', "#abc"),
        (Integer(minimum=0, maximum=9), "3", 3),
        (Boolean(), "false", False),
        (Anything(), "{a: [1, 2022-01-02]}", {"a": [1, "2022-01-02"]}),
    ],
)
def test_a_good_value_is_read(kind, text, value):
    assert check(kind, text) == (value, [])


def test_markdown_text_keeps_its_position():
    value, problems = check(MARKDOWN, "|\n  Leads *one* team.\n")
    assert problems == [] and value == Markdown("Leads *one* team.\n", "f.yml", 2)
    assert as_markdown(value) is value


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [
        (Text(), "[a, b]", "wrong-type"),
        (Text(), "~", "wrong-type"),
        (Text(), "yes", "yaml-type"),
        (Text(), '"  "', "empty"),
        (Id(of="level"), "Senior PM", "bad-id"),
        (Choice(options=("free", "paid")), "fre", "bad-choice"),
        (Url(), "javascript:alert(1)", "bad-url"),
        (Url(), "www.example.org", "bad-url"),
        (Url(absolute=True), "assets/x", "bad-url"),
        (Matching(pattern="^x$", code="bad-x"), "y", "bad-x"),
        (Integer(), '"3"', "wrong-type"),
        (Integer(), "3.5", "wrong-type"),
        (Integer(), "010", "yaml-type"),
        (Integer(minimum=0, maximum=9), "10", "out-of-range"),
        (Boolean(), "yes", "wrong-type"),
    ],
)
def test_a_wrong_value_is_invalid_and_reported_once_where_it_is(kind, text, code):
    value, problems = check(kind, text)
    assert value is INVALID and isinstance(value, Invalid)
    assert problems == [(1, 6, code)]


def test_messages_name_the_key_what_was_expected_and_what_to_write():
    report = Report()
    node = parse("rank: '3'\n", "f.yml", report).get("rank")  # type: ignore[union-attr]
    Integer().check(node, "rank", report, MARK)
    (d,) = report.items
    assert d.message == "'rank': expected a whole number, got text \"3\""
    assert d.hint == "remove the quotes: rank: 3"


def test_a_missing_node_is_reported_at_the_key():
    report = Report()
    assert Text().check(None, "title", report, Mark("f.yml", 4, 1)) is INVALID
    assert [(d.line, d.message) for d in report.items] == [
        (4, "'title': expected text, got nothing")
    ]


def test_schemas():
    assert Id().schema()["pattern"].startswith("^[a-z0-9]")
    assert Choice(options=("a", "b")).schema() == {"enum": ["a", "b"]}
    assert Integer(minimum=1).schema() == {"type": "integer", "minimum": 1}
    assert Boolean().schema() == {"type": "boolean"}
    assert Anything().schema() == {}
    assert Url(absolute=True).schema()["pattern"].startswith("^[Hh][Tt]")


def test_helpers():
    assert closest("sumary", ["summary", "scope"]) == "summary"
    assert closest("zzz", ["summary"]) is None
    assert suggest("sumary", ("summary",)) == "did you mean 'summary'?"
    assert suggest("zzz", ("summary",)) == ""
    assert last_key("colors.primary") == "primary"
    report = Report()
    node = parse("a: no\nb: ~\nc: [1]\n", "f.yml", report)
    assert [describe(node.get(k)) for k in "abc"] == [  # type: ignore[union-attr]
        "the boolean false (`no`)",
        "an empty value",
        "a list",
    ]
    assert describe(None) == "nothing"
    assert repr(INVALID) == "INVALID"
