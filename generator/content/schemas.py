"""JSON Schemas (draft 2020-12) for every kind of content file, made from generator.content.spec."""

from __future__ import annotations

import json
from typing import Any

from generator.content import spec

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_DESCRIPTIONS = {
    "site": ("site.yml", "The site's configuration."),
    "track": ("Track front matter", "Front matter of content/tracks/<id>.md."),
    "level": ("Level front matter", "Front matter of content/levels/<id>.md."),
    "competency": ("Competency front matter", "Front matter of content/competencies/<id>.md."),
    "page": ("Page front matter", "Front matter of content/pages/<id>.md."),
    "home": ("Home page front matter", "Front matter of content/index.md."),
    "resources": ("Learning resources", "A file in content/resources/: a list of resources."),
    "plan": ("plan.yml", "content/plan.yml: the career-plan worksheet's sections and prompts."),
}


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file (a key of spec.KINDS)."""
    title, description = _DESCRIPTIONS[kind]
    return {
        "$schema": DIALECT,
        "title": f"Ladderpress: {title}",
        "description": description,
        **spec.KINDS[kind].schema(),
    }


def file_name(kind: str) -> str:
    """The schema file's name for a kind: 'level.schema.json'."""
    return f"{kind}.schema.json"


def all_schemas() -> dict[str, str]:
    """File name → JSON text, for every kind, in a stable order."""
    return {
        file_name(kind): json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in spec.KINDS
    }
