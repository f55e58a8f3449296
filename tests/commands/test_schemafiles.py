"""`ladderpress schema` (commands/schemafiles.py): a JSON Schema for each kind of content
file, written into a folder made if it is missing."""

from __future__ import annotations

import json

import pytest

from generator.commands.schemafiles import write_schemas
from generator.content.schemas import all_schemas
from generator.errors import WriteError

KINDS = ("competency", "home", "level", "page", "plan", "resources", "site", "track")


def test_a_schema_for_each_kind_of_file_in_a_folder_made_for_them(tmp_path):
    folder = tmp_path / "editor" / "schemas"
    written = write_schemas(folder)
    assert [p.name for p in written] == list(all_schemas())
    assert sorted(p.name for p in folder.iterdir()) == [f"{k}.schema.json" for k in KINDS]
    site = json.loads((folder / "site.schema.json").read_text(encoding="utf-8"))
    assert site["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "title" in site["required"]


def test_schemas_already_there_are_replaced(tmp_path):
    (tmp_path / "site.schema.json").write_text("stale")
    write_schemas(tmp_path)
    assert (tmp_path / "site.schema.json").read_text(encoding="utf-8") == all_schemas()[
        "site.schema.json"
    ]


def test_a_folder_that_cannot_be_made_is_a_write_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteError, match=r"cannot write the schemas to .*file/schemas: ") as caught:
        write_schemas(tmp_path / "file" / "schemas")
    assert caught.value.exit_code == 1
