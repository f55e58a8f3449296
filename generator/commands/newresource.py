"""`ladderpress new resource`: one learning resource, checked as `check` checks it before
anything is written, and the resources file it is appended to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.commands.placement import unknown
from generator.commands.scaffold import NewFile, described, quote, site_model, site_sources
from generator.content.model import Site
from generator.content.resources import missing_asset
from generator.content.spec import RESOURCE
from generator.content.yamltree import Mapping, Sequence, parse
from generator.errors import Report, ScaffoldError


@dataclass(frozen=True)
class ResourceEntry:
    """What `ladderpress new resource` is told about a learning resource."""

    title: str
    kind: str
    url: str = ""
    author: str = ""
    competencies: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    file: str | None = None
    #: add it even when a resource of the same title is already in the site
    force: bool = False


def new_resource(root: Path, entry: ResourceEntry) -> NewFile:
    """The entry `ladderpress new resource` appends, and the resources file it goes to.

    Raises ScaffoldError, with every problem, for anything `check` would refuse in it, and
    for a title the site already has (unless ``entry.force``: then it is a note).
    """
    sources = site_sources(root)
    site = site_model(sources)
    problems = _problems(entry, site) + _spec_problems(entry)
    missing = missing_asset(entry.url, sources.assets)
    if missing:
        problems.append(f"'url': {missing} does not exist; put the file there first")
    same = _same_title(site, entry.title)
    if same and not entry.force:
        problems.append(f"{same}; pass --force to add it all the same")
    name = entry.file or _resource_file(site, entry.kind)
    if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.yml$", name):
        problems.append(f"'{name}' is not a resources file name (a name ending in .yml)")
    if problems:
        raise ScaffoldError("\n".join(problems))
    path = root / "content" / "resources" / name
    existing = next((d for d in sources.resources if Path(d.path).name == name), None)
    lead = ""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if text.strip() and not (
            isinstance(existing.node if existing else None, Sequence)
            and not text.lstrip().startswith("[")
        ):
            raise ScaffoldError(
                f"content/resources/{name} is not a block list of resources ('- title: …'); "
                "fix it first, or choose another file with --file"
            )
        lead = "\n" if text.strip() and not text.endswith("\n") else ""
        if text.strip():
            lead += "\n"
    return NewFile(path, lead + _resource(entry), append=True, notes=(same,) if same else ())


def _problems(entry: ResourceEntry, site: Site) -> list[str]:
    """An empty title, and a kind, competency or level the site does not have."""
    problems = []
    if not entry.title.strip():
        problems.append("the title is empty")
    if entry.kind not in site.config.resource_kinds:
        problems.append(unknown("kind", entry.kind, list(site.config.resource_kinds)))
    for competency in entry.competencies:
        known = [c.id for c in site.competencies]
        if competency not in known:
            problems.append(unknown("competency", competency, known))
    for level in entry.levels:
        known = [lv.id for lv in site.levels]
        if level not in known:
            problems.append(unknown("level", level, known))
    return problems


def _spec_problems(entry: ResourceEntry) -> list[str]:
    """What the content spec's own types say of the title, url and author, as `check` says it
    (a `mailto:` address is not a resource's url, for one)."""
    report = Report()
    for key in ("title", "url", "author"):
        value = getattr(entry, key)
        node = parse(f"{key}: {quote(value)}\n", "new", report) if value.strip() else None
        if isinstance(node, Mapping):
            RESOURCE.field(key).type.check(node.get(key), key, report, node.mark)
    return [f"{d.message}; {d.hint}" if d.hint else d.message for d in report.errors]


def _same_title(site: Site, title: str) -> str:
    """Where a resource of this title (any case and spacing) already is, or ''."""
    wanted = " ".join(title.casefold().split())
    for resource in site.resources:
        if " ".join(resource.title.casefold().split()) == wanted:
            return f"'{resource.title}' is already in {resource.path}:{resource.line}"
    return ""


def _resource_file(site: Site, kind: str) -> str:
    """The file that holds most resources of the kind, else the fullest one, else a new one."""
    counts: dict[str, tuple[int, int]] = {}
    for resource in site.resources:
        name = Path(resource.path).name
        same, total = counts.get(name, (0, 0))
        counts[name] = (same + (resource.kind == kind), total + 1)
    if not counts:
        return "resources.yml"
    return max(sorted(counts), key=lambda name: counts[name])


def _resource(entry: ResourceEntry) -> str:
    """The entry as YAML, with its note commented out to fill in."""
    lines = [f"- title: {quote(entry.title)}", f"  kind: {entry.kind}"]
    if entry.url:
        lines.append(f"  url: {quote(entry.url)}")
    if entry.author:
        lines.append(f"  author: {quote(entry.author)}")
    if entry.competencies:
        lines.append(f"  competencies: [{', '.join(entry.competencies)}]")
    if entry.levels:
        lines.append(f"  levels: [{', '.join(entry.levels)}]")
    note = RESOURCE.field("note")
    lines += described(note.example, note.doc, "  # ")
    return "\n".join(lines) + "\n"
