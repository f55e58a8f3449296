"""The package's own data files (data/): the default worksheet and the interface strings of
each language it ships. Not content: a problem in one of them is a bug, not a user's error."""

from __future__ import annotations

import functools
import re

from generator.content import yamltree
from generator.errors import Report
from generator.paths import data_dir

#: A language tag as the site writes it (en, de, pt-BR, zh-Hant): in site.yml, in the name of
#: a translation (levels/pm.de.md) or of a site's strings (content/strings/de.yml).
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@functools.cache
def package_yaml(name: str) -> yamltree.Node:
    """A YAML file of the package's data/, parsed; its values have no path (they come from
    no file of the site)."""
    path = data_dir() / name
    report = Report()
    node = yamltree.parse(path.read_text(encoding="utf-8"), "", report)
    if report.items or node is None:
        problems = "; ".join(f"line {d.line}: {d.message}" for d in report.items)
        raise RuntimeError(f"{path} cannot be read: {problems or 'it is empty'}")
    return node


def shipped_languages() -> tuple[str, ...]:
    """The languages the package has interface strings for (data/strings/<language>.yml)."""
    folder = data_dir() / "strings"
    return tuple(sorted(p.stem for p in folder.glob("*.yml"))) if folder.is_dir() else ()


@functools.cache
def shipped_catalogue(language: str) -> dict[str, str]:
    """The package's interface strings for a language, key → text (empty when it has none)."""
    if not LANGUAGE_TAG.fullmatch(language) or language not in shipped_languages():
        return {}
    node = package_yaml(f"strings/{language}.yml")
    if not isinstance(node, yamltree.Mapping):
        raise RuntimeError(f"data/strings/{language}.yml is not a mapping of key: text")
    return {k.text: str(yamltree.to_python(v)) for k, v in node.items}


def plan_file(language: str) -> str:
    """The package's default worksheet in a language: data/plan.<language>.yml (or of its
    primary language), else the English data/plan.yml."""
    for tag in (language, language.split("-", 1)[0]):
        if LANGUAGE_TAG.fullmatch(tag) and (data_dir() / f"plan.{tag}.yml").is_file():
            return f"plan.{tag}.yml"
    return "plan.yml"
