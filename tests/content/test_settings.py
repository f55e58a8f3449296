"""What the settings files may contain (content/settings.py): site.yml, plan.yml and
theme.yml checked through their tables, with each key's default in one place, and the
types of a colour and of the address a site is served at."""

from __future__ import annotations

from typing import Any

import pytest

from generator.content import model
from generator.content.records import Fields, Record
from generator.content.settings import PLAN, PLAN_SECTION, SITE, THEME, base_url, color
from generator.content.types import INVALID, Type
from generator.content.yamltree import parse
from generator.errors import Mark, Report

MARK = Mark("s.yml")


def checked(record: Record, text: str) -> tuple[Fields, list[tuple[int, int, str, str]]]:
    report = Report()
    node = parse(text, "s.yml", report)
    assert not report.items
    fields = record.check(node, "", report, MARK)
    return fields, [(d.line, d.col, d.code, d.message) for d in report.items]


def value(kind: Type[Any], text: str) -> tuple[Any, list[str]]:
    report = Report()
    node = parse(f"key: {text}\n", "s.yml", report)
    assert node is not None and not report.items
    found = kind.check(node.get("key"), "key", report, MARK)  # type: ignore[union-attr]
    return found, [f"{d.code}: {d.message}" for d in report.items]


@pytest.mark.parametrize(
    "text, read",
    [('"#3B5BDB"', "#3b5bdb"), ('"#abc"', "#abc"), ('"#A0a0A0"', "#a0a0a0")],
)
def test_a_colour_is_a_hex_colour_read_in_lower_case(text, read):
    assert value(color(), text) == (read, [])


@pytest.mark.parametrize("text", ["blue", '"#12345"', '"3b5bdb"', '"#ggg"'])
def test_anything_else_is_not_a_colour(text):
    found, problems = value(color(), text)
    assert found is INVALID
    assert len(problems) == 1 and problems[0].startswith("bad-color: 'key': ")
    assert problems[0].endswith("is not a hex colour")


@pytest.mark.parametrize(
    "text",
    [
        "/",
        "/pm/",
        "https://ladder.example.com/",
        "https://ladder.example.com/pm/",
        "HTTP://ladder.example.com",
        "https://ladder.example.com:8443/pm/",
    ],
)
def test_a_base_url_is_an_http_address_or_a_path(text):
    assert value(base_url(), text) == (text, [])


@pytest.mark.parametrize(
    "text",
    ["ladder.example.com", "pm/", "ftp://ladder.example.com/", "javascript:alert(1)", "/a b/"],
)
def test_anything_else_is_not_a_base_url(text):
    found, problems = value(base_url(), f'"{text}"')
    assert found is INVALID
    assert [p.split(":", 1)[0] for p in problems] == ["bad-url"]


def test_site_yml_needs_only_a_title_and_every_other_key_has_its_default():
    fields, problems = checked(SITE, "title: Our Ladder\n")
    assert problems == [] and fields.ok and fields.usable
    assert {k: v for k, v in fields.values.items() if not isinstance(v, Fields)} == {
        "title": "Our Ladder",
        **{f.name: f.default for f in SITE.fields if f.default is not None and f.name != "title"},
    }
    defaults = fields.values
    assert (defaults["base_url"], defaults["language"], defaults["theme"]) == ("/", "en", "default")
    assert (defaults["paper"], defaults["directory_urls"]) == ("a4", True)
    assert defaults["markdown"]["html"] is False
    assert defaults["colors"].values == {}


def test_site_yml_values_are_read_with_their_types():
    fields, problems = checked(
        SITE,
        'title: T\nbase_url: https://x.example.org/pm/\ncolors: {primary: "#ABCDEF"}\n'
        "paper: letter\ndirectory_urls: false\nmarkdown: {html: true}\n"
        "categories: [Craft, People]\nresource_kinds: [workshop]\nversion: '2.1'\n",
    )
    assert problems == []
    assert fields["base_url"] == "https://x.example.org/pm/"
    assert fields["colors"]["primary"] == "#abcdef"
    assert (fields["paper"], fields["directory_urls"]) == ("letter", False)
    assert fields["markdown"]["html"] is True
    assert fields["categories"] == ("Craft", "People")
    assert fields["resource_kinds"] == ("workshop",)
    assert fields["version"] == "2.1"


def test_site_yml_problems_name_the_key_and_what_to_write():
    fields, problems = checked(SITE, "tilte: T\npaper: a5\n")
    assert problems == [
        (1, 1, "unknown-key", "unknown key 'tilte'"),
        (1, 1, "missing-key", "missing required key 'title'"),
        (2, 8, "bad-choice", "'paper': 'a5' is not one of a4, letter"),
    ]
    assert not fields.usable
    assert fields["paper"] == "a4"  # the default stands in for a wrong value


def test_a_misspelt_key_suggests_the_key_and_a_missing_one_its_example():
    report = Report()
    SITE.check(parse("tilte: T\n", "s.yml", report), "", report, MARK)
    assert [d.hint for d in report.items] == [
        "did you mean 'title'?",
        "add 'title:' (title: Acme Product Management Career Framework) — the framework's "
        "name, shown in the header and the browser tab.",
    ]


def test_plan_yml_sections_and_limits():
    fields, problems = checked(
        PLAN,
        "rating_scale: [Never, Always]\naction_rows: 5\n"
        "sections:\n  - id: reflect\n    prompts: [Why?]\n  - id: goals\n",
    )
    assert problems == []
    assert fields["rating_scale"] == ("Never", "Always")
    assert [s["id"] for s in fields["sections"]] == ["reflect", "goals"]
    assert fields["sections"][0]["prompts"] == ("Why?",)
    assert fields["targets"] == {}
    _, problems = checked(PLAN, "rating_scale: [a]\nsections: [{id: nope}]\naction_rows: 0\n")
    assert sorted(code for _, _, code, _ in problems) == [
        "bad-choice",
        "list-length",
        "out-of-range",
    ]


def test_a_plan_section_is_one_of_the_known_sections():
    assert PLAN_SECTION.field("id").type.options == model.PLAN_SECTION_IDS
    _, problems = checked(PLAN_SECTION, "title: Reflect\n")
    assert problems == [(1, 1, "missing-key", "missing required key 'id'")]


def test_theme_yml_extends_the_default_theme_unless_it_says_null():
    fields, problems = checked(THEME, "name: Ours\n")
    assert problems == [] and fields.values == {
        "extends": "default",
        "name": "Ours",
        "description": "",
    }
    fields, problems = checked(THEME, "extends: null\n")
    assert problems == [] and fields["extends"] is None
    fields, problems = checked(THEME, "extends: Our Theme\n")
    assert [code for _, _, code, _ in problems] == ["bad-id"]


def test_every_key_is_documented():
    for record in (SITE, PLAN, PLAN_SECTION, THEME):
        assert all(f.doc.strip() for f in record.fields), record.title
