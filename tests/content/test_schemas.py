"""JSON Schemas: emitted from the same spec as the validator; both agree on good and bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.commands.check import check_site
from generator.content import spec
from generator.content.schemas import all_schemas, schema_for
from generator.content.sources import load
from generator.content.yamltree import to_python
from generator.errors import Report
from tests.conftest import REPO, SITES

EXAMPLES = [SITES / "minimal", REPO]


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = schema_for(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def documents_by_kind(root):
    sources, report = load(root)
    assert report.errors == []
    yield "site", to_python(sources.site.node)
    for doc in sources.documents:
        yield doc.kind, to_python(doc.front) or {}
    for data in sources.resources:
        yield "resources", to_python(data.node)
    if sources.plan is not None:
        yield "plan", to_python(sources.plan.node)


@pytest.mark.parametrize("root", EXAMPLES, ids=["minimal", "example"])
def test_example_content_validates_against_the_schemas(root):
    checked = 0
    for kind, data in documents_by_kind(root):
        errors = list(validator(kind).iter_errors(data))
        assert errors == [], (kind, data, errors)
        checked += 1
    assert checked > 5


BROKEN = [
    ("level", "title: P\nrank: 3\nsumary: x\n"),  # unknown key
    ("level", "title: P\n"),  # missing rank
    ("level", "title: [P]\nrank: 3\n"),  # wrong type
    ("level", "id: Not An Id\ntitle: P\nrank: 3\n"),  # bad id
    ("level", "id: no\ntitle: P\nrank: 3\n"),  # YAML boolean
    ("competency", "name: C\nexpectations:\n  pm:\n    examples: [x]\n"),  # no text
    ("resources", "- title: R\n  kind: book\n  url: javascript:alert(1)\n"),  # bad scheme
    ("site", "title: T\npaper: a5\n"),  # bad choice
    ("site", "title: T\ncolors: {primary: blue}\n"),  # bad colour
    ("plan", "sections:\n  - id: goalz\n"),  # unknown section
]


@pytest.mark.parametrize(("kind", "text"), BROKEN)
def test_broken_files_fail_both_schema_and_validator(kind, text):
    from generator.content.yamltree import parse

    report = Report()
    node = parse(text, "f.yml", report)
    assert report.items == []
    assert list(validator(kind).iter_errors(to_python(node))), "schema accepted broken file"
    spec.KINDS[kind].check(node, "", report, node.mark)
    assert report.errors, "validator accepted broken file"


def test_schema_command_writes_every_kind(tmp_path):
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(all_schemas())
    level = json.loads((tmp_path / "out" / "level.schema.json").read_text())
    assert level["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert level["required"] == ["title", "rank"]
    assert "rank" in level["properties"] and level["properties"]["rank"]["description"]


def test_schema_output_is_deterministic(tmp_path):
    """`schema` writes the same bytes in processes with different hash seeds, so no output
    follows the order of a set of strings (in one process that order never changes)."""
    written = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        result = subprocess.run(
            [sys.executable, "-m", "generator", "schema", "-o", str(out)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            cwd=REPO,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        written.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    first, second = written
    assert sorted(first) == sorted(all_schemas())
    assert [name for name in first if first[name] != second[name]] == []


def test_example_passes_strict_check():
    result = check_site(REPO)
    assert [str(d) for d in result.diagnostics] == []
    assert result.site is not None
