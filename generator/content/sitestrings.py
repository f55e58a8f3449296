"""A site's own interface strings (content/strings/<language>.yml): read into the model
as key → text, each with where it is written. Which keys exist and what each must say is
the theme's business (site/catalogues.py checks that); here only the shape is checked."""

from __future__ import annotations

from generator.content import yamltree
from generator.content.bundled import LANGUAGE_TAG
from generator.content.model import SiteStrings, frozen_map
from generator.content.sources import DataFile
from generator.errors import Mark, Report


def build_site_strings(files: tuple[DataFile, ...], report: Report) -> tuple[SiteStrings, ...]:
    """Each readable strings file as the model holds it; problems of shape go to the report."""
    found = []
    for file in files:
        language = file.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if not LANGUAGE_TAG.fullmatch(language):
            report.error(
                Mark(file.path),
                "strings-language",
                f"'{language}' is not a language tag, so no page would use these strings",
                "name the file after the language, e.g. content/strings/de.yml or pt-BR.yml",
            )
            continue
        if not file.ok or file.node is None:
            continue
        if not isinstance(file.node, yamltree.Mapping):
            report.error(
                file.node.mark,
                "strings-shape",
                f"expected a mapping of string keys to text, got {yamltree.kind_name(file.node)}",
                'write one string a line, e.g. nav.ladder: "Karriereleiter"',
            )
            continue
        messages, marks = {}, {}
        for key, value in file.node.items:
            if not isinstance(value, yamltree.Scalar) or value.tag != yamltree.STR:
                report.error(
                    value.mark,
                    "strings-shape",
                    f"'{key.text}': expected text, got {yamltree.kind_name(value)}",
                    "put the text in quotes",
                )
                continue
            messages[key.text] = value.text
            marks[key.text] = key.mark
        found.append(SiteStrings(language, file.path, frozen_map(messages), frozen_map(marks)))
    return tuple(found)
