"""The files made in Python rather than through the theme: framework.json, ladder.csv and
sitemap.xml. Each takes the view its page kind computes (see kinds.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from generator.content.invisible import isolate, json_escaped
from generator.content.model import Expectation, Markdown, Site


def framework_view(site: Site, key: tuple[str, ...]) -> dict[str, Any]:
    """What framework.json holds: the settings it names and every track, level, competency and
    resource."""
    return {
        "config": site.config,
        "tracks": site.tracks,
        "levels": site.levels,
        "competencies": site.competencies,
        "resources": site.resources,
    }


def framework_json(site: Site, view: Mapping[str, Any], paths: Sequence[str]) -> bytes:
    """The whole framework as data: tracks, levels, competencies with expectations, resources."""

    def expectation(e: Expectation) -> dict[str, Any]:
        return {
            "statements": [s.source for s in e.statements],
            "examples": [x.source for x in e.examples],
        }

    def text(m: Markdown | None) -> str:
        return m.source if m else ""

    config = view["config"]
    data = {
        "title": config.title,
        "organization": config.organization,
        "version": config.version,
        "tracks": [
            {"id": t.id, "name": t.name, "summary": text(t.summary)} for t in view["tracks"]
        ],
        "levels": [
            {
                "id": lv.id,
                "title": lv.title,
                "rank": lv.rank,
                "tracks": list(lv.tracks),
                "aka": list(lv.aka),
                "summary": text(lv.summary),
                "scope": text(lv.scope),
                "typical_experience": lv.typical_experience,
                "next": list(lv.next),
            }
            for lv in view["levels"]
        ],
        "competencies": [
            {
                "id": c.id,
                "name": c.name,
                "category": c.category,
                "tracks": list(c.tracks),
                "summary": text(c.summary),
                "expectations": {k: expectation(v) for k, v in c.expectations.items()},
            }
            for c in view["competencies"]
        ],
        "resources": [
            {
                "title": r.title,
                "kind": r.kind,
                "url": r.url,
                "author": r.author,
                "competencies": list(r.competencies),
                "levels": list(r.levels),
                "time": r.time,
                "cost": r.cost,
                "note": text(r.note),
                "tags": list(r.tags),
            }
            for r in view["resources"]
        ],
    }
    # Bidi, zero-width and control characters as \u escapes: the same text to a program.
    return (json_escaped(json.dumps(data, indent=2, ensure_ascii=False)) + "\n").encode("utf-8")


def matrix_view(site: Site, key: tuple[str, ...]) -> dict[str, Any]:
    """What ladder.csv holds: every level and competency."""
    return {"levels": site.levels, "competencies": site.competencies}


def ladder_csv(site: Site, view: Mapping[str, Any], paths: Sequence[str]) -> bytes:
    """The matrix for spreadsheets: one row per competency, one column per level; a cell
    whose bidi controls could reorder the cells after it is isolated (content/invisible.py)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    levels = view["levels"]
    writer.writerow(map(isolate, ["competency", "category", *(lv.title for lv in levels)]))
    for c in view["competencies"]:
        cells = []
        for lv in levels:
            e = c.expectations.get(lv.id)
            cells.append("\n".join(s.source.strip() for s in e.statements) if e else "")
        writer.writerow(map(isolate, [c.name, c.category, *cells]))
    return out.getvalue().encode("utf-8")


def sitemap(site: Site, view: Mapping[str, Any], paths: Sequence[str]) -> bytes:
    """The sitemap for search engines: every page a reader can land on (paths)."""
    base = site.config.base_url.rstrip("/") + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path in paths:
        if site.config.directory_urls and path.endswith("index.html"):
            path = path[: -len("index.html")]
        lines.append(f"  <url><loc>{xml_escape(base + path)}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
