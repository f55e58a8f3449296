"""Learning resources: every entry of content/resources/*.yml checked, its kind and ids resolved."""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from generator.content.entries import Entry
from generator.content.model import Level, Resource, SiteConfig, frozen_map
from generator.content.records import Fields
from generator.content.references import Known, check_references
from generator.content.sources import DataFile
from generator.content.spec import RESOURCE, RESOURCES
from generator.content.types import suggest
from generator.content.yamltree import Mapping, Node, Sequence
from generator.errors import Report


@dataclass(frozen=True)
class Resources:
    """The resources that could be read, and whether that is all of them."""

    items: tuple[Resource, ...]
    #: False when one was left out for its errors, so it is unknown which levels one suits
    complete: bool


def build_resources(
    files: tuple[DataFile, ...],
    assets: Collection[str],
    config: SiteConfig,
    competencies: Known,
    levels: Known,
    report: Report,
) -> Resources:
    """Every resource in the files that could be read, each problem reported (``assets``: the
    files under content/assets/, which a url may name)."""
    out: list[Resource] = []
    complete = True
    for data in files:
        if data.node is None:
            complete &= data.ok
            continue  # empty, or broken YAML (already reported)
        if not isinstance(data.node, Sequence):
            complete = False
            hint = "a resources file is a list: start each resource with '- title: ...'"
            RESOURCES.wrong(data.node, data.path, report, data.node.mark, hint)
            continue
        for item in data.node.items:
            resource = _resource(item, data.path, config, (competencies, levels), report)
            complete &= resource is not None
            if resource is not None:
                out.append(resource)
                _check_asset(resource, item, assets, report)
    return Resources(tuple(out), complete)


def _resource(
    item: Node, path: str, config: SiteConfig, known: tuple[Known, Known], report: Report
) -> Resource | None:
    """One entry of a resources file; None when it has errors (reported)."""
    f = RESOURCE.check(item, "", report, item.mark)
    if not f.ok and "title" not in f.values:
        return None
    ok = _kind_known(f, config, report) and f.usable
    competencies = check_references(f, "competencies", known[0], report)
    levels = check_references(f, "levels", known[1], report)
    if not ok or len(competencies) != len(f["competencies"]) or len(levels) != len(f["levels"]):
        return None
    return Resource(
        **f.subset("title", "kind", "url", "author", "competencies", "levels", "time", "cost"),
        note=f.get("note"),
        tags=f["tags"],
        path=path,
        line=item.mark.line,
        extra=frozen_map(f.get("extra")),
    )


def missing_asset(url: str, assets: Collection[str]) -> str | None:
    """The file under content/assets/ that a relative url names when it is not there."""
    parts = urlsplit(url)
    path = posixpath.normpath(unquote(parts.path)) if parts.path else ""
    if parts.scheme or parts.netloc or not path.startswith("assets/"):
        return None
    return None if f"content/{path}" in assets else f"content/{path}"


def _check_asset(resource: Resource, item: Node, assets: Collection[str], report: Report) -> None:
    """Report a url that names a file of content/assets/ that is not there; returns nothing."""
    missing = missing_asset(resource.url, assets)
    url = item.get("url") if isinstance(item, Mapping) else None
    if missing and url is not None:
        report.error(
            url.mark,
            "bad-link",
            f"'url': {missing} does not exist",
            "put the file in content/assets/, or correct the address",
        )


def _kind_known(f: Fields, config: SiteConfig, report: Report) -> bool:
    """False when the kind is one site.yml does not allow (reported)."""
    kind = f.get("kind")
    kinds = config.resource_kinds
    if kind is None or kind in kinds or "resource_kinds" in config.unknown:
        return True
    report.error(
        f.mark_of("kind"),
        "unknown-kind",
        f"'kind': unknown resource kind '{kind}'",
        suggest(kind, kinds)
        or f"write one of: {', '.join(kinds)} (or add it to site.yml 'resource_kinds:')",
    )
    return False


def warn_unsuited(
    levels: tuple[Level, ...], resources: Resources, entries: list[Entry], report: Report
) -> None:
    """Warn about each level that no resource suits (when all could be read); returns nothing."""
    if not resources.complete:
        return
    marks = {e.id: e.fields.mark for e in entries if e.id is not None}
    for level in levels:
        if any(r.suits(level.id) for r in resources.items):
            continue
        report.warning(
            marks[level.id],
            "no-resources",
            f"no learning resource suits the level '{level.id}' ({level.title})",
            f"add '{level.id}' to the 'levels:' of a resource in content/resources/",
        )
