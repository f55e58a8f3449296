"""Lists, mappings by id, nullable values and records: every problem reported, defaults standing in."""

from __future__ import annotations

from typing import Any

from generator.content.records import EXTRA, Field, Fields, ListOf, MapOf, OrNull, Record
from generator.content.types import INVALID, Id, Integer, Text, Type
from generator.content.yamltree import parse
from generator.errors import Mark, Report

MARK = Mark("f.yml")

COLORS = Record("colors", (Field("primary", Text(), "The main colour."),))
THING = Record(
    "thing",
    (
        Field("title", Text(), "The thing's title.", required=True, example="title: A thing"),
        Field("rank", Integer(), "Its rank.", default=0),
        Field("tags", ListOf(Text()), "Labels.", default=()),
        Field("colors", COLORS, "Its colours."),
        EXTRA,
    ),
)


def read(kind: Type[Any], yaml: str) -> tuple[Any, Report]:
    """What a type reads from the value of 'key:' in a little YAML, and the report."""
    report = Report()
    node = parse(yaml, "f.yml", report)
    assert node is not None and not report.items
    return kind.check(node.get("key"), "key", report, MARK), report  # type: ignore[union-attr]


def codes(report: Report) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.code) for d in report.items]


def test_a_list_keeps_its_good_items_and_reports_the_others():
    value, report = read(ListOf(Id()), "key: [pm, Senior PM, pm, lead]\n")
    assert value == ("pm", "lead")
    assert codes(report) == [(1, 11, "bad-id"), (1, 22, "duplicate-item")]


def test_a_single_value_stands_for_a_list_of_one_when_allowed():
    assert read(ListOf(Id(), single=True), "key: pm\n")[0] == ("pm",)
    value, report = read(ListOf(Id()), "key: pm\n")
    assert value is INVALID and codes(report) == [(1, 6, "wrong-type")]
    assert "a list of ids" in report.items[0].message


def test_a_list_of_the_wrong_length_is_invalid():
    value, report = read(ListOf(Text(), min_items=2, max_items=3), "key: [one]\n")
    assert value is INVALID and codes(report) == [(1, 6, "list-length")]


def test_a_mapping_by_id_keeps_where_each_id_is_written():
    value, report = read(MapOf(Integer(), of="level id"), "key:\n  pm: 1\n  Senior: 2\n  lead: x\n")
    assert value == {"pm": (1, Mark("f.yml", 2, 3))}
    assert codes(report) == [(3, 3, "bad-id"), (4, 9, "wrong-type")]


def test_or_null():
    assert read(OrNull(Id()), "key: null\n") == (None, Report())
    assert read(OrNull(Id()), "key:\n")[0] is None
    assert read(OrNull(Id()), "key: default\n")[0] == "default"
    assert read(OrNull(Id()), "key: [a]\n")[0] is INVALID
    assert OrNull(Id()).what == "an id, or null"
    assert {"type": "null"} in OrNull(Id()).schema()["anyOf"]


def test_a_record_reads_every_key_and_fills_in_defaults():
    fields, report = read(THING, "key:\n  title: A\n  tags: [x]\n")
    assert report.items == [] and fields.ok and fields.usable
    assert fields.values["title"] == "A" and fields["rank"] == 0 and fields["tags"] == ("x",)
    assert isinstance(fields["colors"], Fields) and fields["colors"].values == {}
    assert fields.mark_of("tags") == Mark("f.yml", 3, 9)
    assert fields.mark_of("rank") == Mark("f.yml", 2, 3)  # not written: the mapping's place
    assert fields.item_marks("tags") == [Mark("f.yml", 3, 10)]
    assert fields.subset("title", "rank") == {"title": "A", "rank": 0}
    assert fields.get("nothing", "x") == "x"


def test_a_wrong_value_is_named_and_its_default_stands_in():
    fields, report = read(THING, "key:\n  title: A\n  rank: high\n")
    assert codes(report) == [(3, 9, "wrong-type")]
    assert not fields.ok and fields.usable and fields.invalid == {"rank"}
    assert fields["rank"] == 0


def test_a_misspelt_key_is_answered_and_the_key_it_meant_is_unknown():
    fields, report = read(THING, "key:\n  title: A\n  rnak: 3\n")
    assert [(d.message, d.hint) for d in report.items] == [
        ("unknown key 'key.rnak'", "did you mean 'rank'?")
    ]
    assert fields.invalid == {"rank"} and not fields.ok


def test_a_missing_required_key_makes_the_record_unusable():
    fields, report = read(THING, "key:\n  rank: 1\n")
    (d,) = report.items
    assert (d.code, d.message) == ("missing-key", "missing required key 'key.title'")
    assert d.hint == "add 'title:' (title: A thing) — the thing's title."
    assert not fields.usable and "title" in fields.invalid


def test_a_record_that_is_not_a_mapping_has_its_keys_unknown():
    fields, report = read(THING, "key: [a]\n")
    assert codes(report) == [(1, 6, "wrong-type")]
    assert report.items[0].hint.startswith("write one 'key: value' per line, such as 'title:'")
    assert not fields.ok and fields.invalid == {"title", "rank", "tags", "colors", "extra"}
    # Defaults stand in, and a nested record's keys are unknown too.
    assert fields["rank"] == 0 and fields["colors"].invalid == {"primary"}


def test_defaults_and_unchecked():
    assert THING.defaults(MARK).values["rank"] == 0
    assert THING.defaults(MARK).invalid == {"title"}
    assert COLORS.defaults(MARK).ok and COLORS.defaults(MARK).invalid == frozenset()
    assert THING.default(THING.field("colors"), MARK).ok
    assert not THING.default(THING.field("colors"), MARK, read=False).ok
    assert THING.default(THING.field("title"), MARK) is None
    assert not THING.unchecked(MARK).ok and not THING.unchecked(MARK).usable


def test_record_schema():
    schema = THING.schema()
    assert schema["required"] == ["title"] and schema["additionalProperties"] is False
    # 0 is a default worth saying; an empty list is not.
    assert schema["properties"]["rank"] == {
        "type": "integer",
        "description": "Its rank.",
        "default": 0,
    }
    assert "default" not in schema["properties"]["tags"]
