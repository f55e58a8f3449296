"""An imported framework as the files of a site: site.yml, and content files in the
documented format (front matter as YAML, notes as the Markdown body)."""

from __future__ import annotations

from typing import Any

import yaml

from generator.content.draft import Imported, Item

DEFAULT_TITLE = "Product Management Career Framework"
_SETTINGS = (
    "title",
    "organization",
    "description",
    "version",
    "language",
    "categories",
    "resource_kinds",
)


class _Dumper(yaml.SafeDumper):
    """YAML as people write it: text of several lines as a block, lists indented."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value and not value.endswith((" ", "\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(data: object) -> str:
    """YAML text of plain data, in the order given."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88)


def _document(fields: dict[str, object], notes: str) -> bytes:
    """A Markdown file: front matter, then the notes as its body."""
    body = notes.strip() + "\n" if notes.strip() else ""
    return f"---\n{dump(fields)}---\n{body}".encode()


def site_files(framework: Imported, title: str) -> dict[str, bytes]:
    """Every file of the new site, by its path in the site folder."""
    settings = {"title": title, **framework.settings}
    files = {"site.yml": dump({k: settings[k] for k in _SETTINGS if settings.get(k)}).encode()}
    for folder, items in (
        ("tracks", framework.tracks),
        ("levels", framework.levels),
        ("competencies", framework.competencies),
    ):
        for item in items:
            files[f"content/{folder}/{item.id}.md"] = _document(item.fields, item.notes)
    if framework.resources:
        files["content/resources/resources.yml"] = dump(framework.resources).encode()
    return files


def counted(items: list[Item], key: str) -> int:
    """How many different non-empty values of a field the items have."""
    return len({str(i.fields.get(key)) for i in items if i.fields.get(key)})
