"""The content tables: every key documented once, and an expectation's three forms."""

from __future__ import annotations

import pytest

from generator.content import settings, spec
from generator.content.model import Expectation, Markdown
from generator.content.records import Record
from generator.content.types import INVALID
from generator.content.yamltree import parse
from generator.errors import Mark, Report

RECORDS = [spec.TRACK, spec.LEVEL, spec.COMPETENCY, spec.PAGE, spec.HOME, spec.RESOURCE]
RECORDS += [settings.SITE, settings.PLAN, settings.PLAN_SECTION, settings.THEME, spec.EXPECTATION]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.title)
def test_every_key_says_what_it_is_and_its_example_writes_it(record: Record):
    for field in record.fields:
        assert len(field.doc) > 10 and field.doc.endswith("."), field.name
        if field.example:
            assert field.example.startswith(f"{field.name}:"), field.name


def test_documents_have_an_id_a_name_and_extra():
    for record in (spec.TRACK, spec.LEVEL, spec.COMPETENCY, spec.PAGE):
        names = [f.name for f in record.fields]
        assert names[0] == "id" and names[1] in ("name", "title") and names[-1] == "extra"
        assert record.fields[1].required


def expectation(yaml: str) -> tuple[object, list[str]]:
    report = Report()
    node = parse(f"pm: {yaml}\n", "c.md", report).get("pm")  # type: ignore[union-attr]
    value = spec.ExpectationType().check(node, "expectations.pm", report, Mark("c.md"))
    return value, [d.code for d in report.items]


def test_an_expectation_is_text_a_list_of_text_or_text_with_examples():
    text, _ = expectation("Writes the strategy.")
    assert text == Expectation((Markdown("Writes the strategy.", "c.md", 1),))
    listed, _ = expectation("[One., Two.]")
    assert isinstance(listed, Expectation) and len(listed.statements) == 2
    full, _ = expectation("{text: One., examples: [A launch.]}")
    assert isinstance(full, Expectation) and [e.source for e in full.examples] == ["A launch."]


@pytest.mark.parametrize(
    ("yaml", "codes"),
    [("3", ["yaml-type"]), ("[]", ["list-length"]), ("{examples: [x]}", ["missing-key"])],
)
def test_a_wrong_expectation(yaml, codes):
    assert expectation(yaml) == (INVALID, codes)


def test_every_kind_has_a_schema():
    assert set(spec.KINDS) == {
        "site",
        "track",
        "level",
        "competency",
        "page",
        "home",
        "resources",
        "plan",
    }
    assert spec.KINDS["site"] is settings.SITE and spec.KINDS["plan"] is settings.PLAN
