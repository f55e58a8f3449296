"""Render each page of the site to bytes: HTML through the theme, data files in Python."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
from markupsafe import Markup

from generator.content.model import Expectation, Markdown, Site
from generator.errors import ERROR, WARNING, Diagnostic, Mark
from generator.site import colors, views
from generator.site.markdown import Linker, raw_html, relative_url, render
from generator.site.pages import (
    SECTION_IDS,
    PageSpec,
    compare_path,
    level_path,
    plan_path,
    plan_targets,
    source_targets,
)

TEMPLATES = {
    "home": "home.html",
    "matrix": "matrix.html",
    "level": "level.html",
    "competency": "competency.html",
    "compare": "compare.html",
    "compare-index": "compare_index.html",
    "resources": "resources.html",
    "page": "page.html",
    "404": "404.html",
    "plan": "plan.html",
}


@dataclass(frozen=True)
class NavItem:
    label: str
    path: str
    section: str


class Renderer:
    """Renders pages of one site with one theme; Markdown is rendered once per page folder."""

    def __init__(
        self,
        site: Site,
        env: jinja2.Environment,
        specs: tuple[PageSpec, ...],
        assets: frozenset[str],
        static_files: tuple[str, ...],
    ):
        self.site = site
        self.env = env
        self.specs = specs
        self.assets = assets
        self.static_files = static_files
        self.targets = source_targets(site)
        self.anchors = page_anchors(site, self.targets)
        # Rendered Markdown: by page folder when it holds relative links, else shared by all pages.
        self.cache: dict[tuple[Markdown, str, bool], Markup] = {}
        self.shared: dict[tuple[Markdown, bool, frozenset[str]], Markup] = {}
        self.theme_css = colors.css_variables(site.config.colors)
        self.paths = frozenset(s.path for s in specs)
        self.nav = nav_items(site, self.paths)

    def render(self, spec: PageSpec) -> bytes:
        if spec.kind == "json":
            return framework_json(self.site)
        if spec.kind == "csv":
            return ladder_csv(self.site)
        if spec.kind == "sitemap":
            return sitemap(self.site, self.specs)
        template = self.env.get_template(TEMPLATES[spec.kind])
        context = self.base_context(spec)
        context.update(getattr(self, f"ctx_{spec.kind.replace('-', '_')}")(spec))
        return template.render(context).encode("utf-8")

    # -- helpers handed to templates --------------------------------------

    def url_function(self, spec: PageSpec) -> Callable[[str], str]:
        if spec.kind == "404":
            # A host serves 404.html at any path, so its links start at the site's base URL.
            base = self.site.config.base_url.rstrip("/") + "/"

            def absolute(target: str) -> str:
                if self.site.config.directory_urls and target.endswith("index.html"):
                    target = target[: -len("index.html")]
                return base + target

            return absolute
        return lambda target: relative_url(spec.path, target, self.site.config.directory_urls)

    def markdown_functions(
        self, spec: PageSpec
    ) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
        page_dir = posixpath.dirname(spec.path)
        page_ids = reserved_ids(self.site, spec.kind, spec.path)

        def convert(fragment: Markdown | None, inline: bool) -> Markup:
            if fragment is None or not fragment:
                return Markup("")
            reserved = frozenset() if inline else page_ids
            key = (fragment, page_dir, inline)
            shared_key = (fragment, inline, reserved)
            if shared_key in self.shared:
                return self.shared[shared_key]
            if key not in self.cache:
                linker = Linker(
                    fragment.path,
                    spec.path,
                    self.targets,
                    self.anchors,
                    self.assets,
                    self.site.config.directory_urls,
                )
                result = render(
                    fragment,
                    linker,
                    html=self.site.config.markdown_html,
                    inline=inline,
                    reserved_ids=reserved,
                )
                if not result.page_specific:
                    self.shared[shared_key] = Markup(result.html)
                    return self.shared[shared_key]
                self.cache[key] = Markup(result.html)
            return self.cache[key]

        return (lambda f: convert(f, False)), (lambda f: convert(f, True))

    def base_context(self, spec: PageSpec) -> dict[str, Any]:
        url = self.url_function(spec)
        md, md_inline = self.markdown_functions(spec)
        config = self.site.config
        edit = ""
        if config.edit_url and spec.source:
            edit = config.edit_url.rstrip("/") + "/" + spec.source
        return {
            "site": self.site,
            "config": config,
            "page": spec,
            "url": url,
            "md": md,
            "md_inline": md_inline,
            "nav": self.nav,
            "current_section": spec.path.split("/", 1)[0] if "/" in spec.path else "",
            "theme_css": Markup(self.theme_css),
            "edit_url": edit,
            "has_script": "site.js" in self.static_files,
            "logo": ("assets/" + config.logo.removeprefix("assets/")) if config.logo else "",
            "level_path": level_path,
            "compare_path": self.compare_path,
            "statements": expectation_statements,
            "crumbs": self.crumbs(spec),
        }

    def compare_path(self, a: str, b: str) -> str:
        """The comparison page of two levels, whichever order they are given in."""
        order = {lv.id: i for i, lv in enumerate(self.site.levels)}
        first, second = sorted((a, b), key=order.__getitem__)
        return compare_path(first, second)

    def crumbs(self, spec: PageSpec) -> list[tuple[str, str]]:
        """Breadcrumbs from the home page to this page (empty on the home and 404 pages)."""
        home = ("Home", "index.html")
        ladder = ("The ladder", "ladder/index.html")
        here = (spec.title, spec.path)
        if spec.kind in ("home", "404"):
            return []
        if spec.kind == "matrix":
            return [home, ladder, here] if spec.key else [home, ladder]
        if spec.kind in ("level", "competency"):
            return [home, ladder, here]
        if spec.kind == "compare":
            return [home, ("Compare levels", "compare/index.html"), here]
        if spec.kind == "plan" and spec.key:
            level = self.site.level(spec.key[0])
            return [
                home,
                ("The ladder", "ladder/index.html"),
                (level.title, level_path(level.id)),
                ("Career plan", spec.path),
            ]
        return [home, here]

    # -- one context function per page kind --------------------------------

    def ctx_home(self, spec: PageSpec) -> dict[str, Any]:
        return {
            "home": self.site.home,
            "ladder": views.ladder_picture(self.site),
            "plan_path": "plan/index.html" if self.has("plan/index.html") else "",
        }

    def ctx_matrix(self, spec: PageSpec) -> dict[str, Any]:
        track = self.site.track(spec.key[0]) if spec.key else None
        levels = self.site.levels_of(track.id) if track else self.site.levels
        return {"track": track, "levels": levels, "groups": views.matrix(self.site, levels)}

    def ctx_level(self, spec: PageSpec) -> dict[str, Any]:
        level = self.site.level(spec.key[0])
        plan = f"levels/{level.id}/plan/index.html"
        return {
            "view": views.level_view(self.site, level),
            "plan_path": plan if self.has(plan) else "",
        }

    def ctx_competency(self, spec: PageSpec) -> dict[str, Any]:
        competency = self.site.competency(spec.key[0])
        tracks = [t for t in self.site.tracks if t.id in competency.tracks]
        return {
            "competency": competency,
            "progressions": [(t, views.progression(self.site, competency, t)) for t in tracks],
            "resources": views.resources_for_competency(self.site, competency),
        }

    def ctx_compare(self, spec: PageSpec) -> dict[str, Any]:
        a, b = (self.site.level(i) for i in spec.key)
        return {"a": a, "b": b, "rows": views.compare_rows(self.site, a, b)}

    def ctx_compare_index(self, spec: PageSpec) -> dict[str, Any]:
        return {"a": None, "b": None}

    def ctx_resources(self, spec: PageSpec) -> dict[str, Any]:
        return {"groups": views.resource_groups(self.site), "kinds": views.kinds_in_use(self.site)}

    def ctx_page(self, spec: PageSpec) -> dict[str, Any]:
        return {"content": next(p for p in self.site.pages if p.id == spec.key[0])}

    def ctx_404(self, spec: PageSpec) -> dict[str, Any]:
        return {}

    def ctx_plan(self, spec: PageSpec) -> dict[str, Any]:
        level = self.site.level(spec.key[0]) if spec.key else None
        target = self.site.level(spec.key[1]) if spec.key else None
        targets = []
        if level is not None:
            for index, t in enumerate(plan_targets(self.site, level)):
                targets.append((t, plan_path(level.id, None if index == 0 else t.id)))
        title = f"{self.site.config.title} · {spec.title}"
        return {
            "sheet": views.worksheet(self.site, level, target),
            "plan": self.site.plan,
            "targets": targets,
            "storage_key": f"ladderpress:{self.site.config.title}:{spec.path}",
            "print_css": Markup(colors.print_css(title)),
            "paper_css": Markup(colors.paper_css(self.site.config.paper)),
            "paper_rules": {k: colors.paper_css(k) for k in colors.PAPER},
        }

    def has(self, path: str) -> bool:
        return path in self.paths


def expectation_statements(expectation: Expectation | None) -> tuple[Markdown, ...]:
    return expectation.statements if expectation else ()


def nav_items(site: Site, paths: frozenset[str]) -> list[NavItem]:
    items = [
        NavItem("Ladder", "ladder/index.html", "ladder"),
        NavItem("Compare", "compare/index.html", "compare"),
        NavItem("Resources", "resources/index.html", "resources"),
    ]
    if "plan/index.html" in paths:
        items.append(NavItem("Plan", "plan/index.html", "plan"))
    items += [NavItem(p.title, f"{p.id}/index.html", p.id) for p in site.pages]
    return items


def page_anchors(site: Site, targets: dict[str, str]) -> dict[str, frozenset[str]]:
    """Output file → the ids on it: the theme's section ids plus the headings of its body."""
    kinds = {"index.html": "home"}
    for level in site.levels:
        kinds[level_path(level.id)] = "level"
    for competency in site.competencies:
        kinds[f"competencies/{competency.id}/index.html"] = "competency"
    bodies = {lv.path: lv.body for lv in site.levels}
    bodies.update({c.path: c.body for c in site.competencies})
    bodies.update({p.path: p.body for p in site.pages})
    bodies.update({t.path: t.body for t in site.tracks if t.path})
    if site.home:
        bodies[site.home.path] = site.home.body
    anchors: dict[str, frozenset[str]] = {}
    for source, target in targets.items():
        kind = kinds.get(target, "matrix" if target.startswith("ladder/") else "page")
        reserved = reserved_ids(site, kind, target)
        body = bodies.get(source)
        headings = render(body, None, reserved_ids=reserved).headings if body else ()
        anchors[target] = reserved | frozenset(headings)
    return anchors


def reserved_ids(site: Site, kind: str, path: str) -> frozenset[str]:
    """Ids the theme itself puts on a page, which headings in content must not take."""
    reserved = SECTION_IDS.get(kind, frozenset({"main"}))
    if kind == "level":
        level = next(lv for lv in site.levels if level_path(lv.id) == path)
        shown = [c.id for c in site.competencies if site.applies(c, level)]
        reserved = reserved | {f"c-{i}" for i in shown} | {f"h-{i}" for i in shown}
    return reserved


def check_links(
    site: Site, assets: frozenset[str], fallback: dict[str, str] | None = None
) -> list[Diagnostic]:
    """Every link and image in every piece of Markdown, resolved once; problems positioned.

    ``fallback`` gives page paths for content files the site could not take in (they have
    errors of their own): links to them are accepted, anchors unchecked."""
    targets = source_targets(site)
    anchors = page_anchors(site, targets)
    targets = {**(fallback or {}), **targets}
    problems: list[Diagnostic] = []
    for fragment in fragments(site):
        if not site.config.markdown_html:
            problems.extend(_raw_html_warnings(fragment))
        page = targets.get(fragment.path, "index.html")
        linker = Linker(fragment.path, page, targets, anchors, assets, site.config.directory_urls)
        for p in render(fragment, linker, html=site.config.markdown_html).problems:
            problems.append(
                Diagnostic(Mark(fragment.path, p.line, p.col), ERROR, "bad-link", p.message, p.hint)
            )
    return problems


def _raw_html_warnings(fragment: Markdown) -> list[Diagnostic]:
    """Raw HTML in content that the site shows as text, because markdown.html is off."""
    return [
        Diagnostic(
            Mark(fragment.path, line, col),
            WARNING,
            "raw-html",
            "raw HTML here is shown as text, because site.yml does not allow HTML in content",
            "write it in Markdown, or set markdown: {html: true} in site.yml if every author is trusted",
        )
        for line, col in raw_html(fragment)
    ]


def fragments(site: Site) -> list[Markdown]:
    """Every piece of Markdown in the site's content."""
    found: list[Markdown | None] = []
    for track in site.tracks:
        found += [track.summary, track.body]
    for level in site.levels:
        found += [level.summary, level.scope, level.body]
    for competency in site.competencies:
        found += [competency.summary, competency.body]
        for expectation in competency.expectations.values():
            found += [*expectation.statements, *expectation.examples]
    for resource in site.resources:
        found.append(resource.note)
    for page in site.pages:
        found.append(page.body)
    if site.home:
        found.append(site.home.body)
    found.append(site.plan.intro)
    found += [s.intro for s in site.plan.sections]
    return [f for f in found if f and f.path]


def framework_json(site: Site) -> bytes:
    """The whole framework as data: tracks, levels, competencies with expectations, resources."""

    def expectation(e: Expectation) -> dict[str, Any]:
        return {
            "statements": [s.source for s in e.statements],
            "examples": [x.source for x in e.examples],
        }

    def text(m: Markdown | None) -> str:
        return m.source if m else ""

    data = {
        "title": site.config.title,
        "organization": site.config.organization,
        "version": site.config.version,
        "tracks": [{"id": t.id, "name": t.name, "summary": text(t.summary)} for t in site.tracks],
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
            for lv in site.levels
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
            for c in site.competencies
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
            for r in site.resources
        ],
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def ladder_csv(site: Site) -> bytes:
    """The matrix for spreadsheets: one row per competency, one column per level."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["competency", "category", *(lv.title for lv in site.levels)])
    for c in site.competencies:
        cells = []
        for lv in site.levels:
            e = c.expectations.get(lv.id)
            cells.append("\n".join(s.source.strip() for s in e.statements) if e else "")
        writer.writerow([c.name, c.category, *cells])
    return out.getvalue().encode("utf-8")


def sitemap(site: Site, specs: tuple[PageSpec, ...]) -> bytes:
    base = site.config.base_url.rstrip("/") + "/"
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for spec in specs:
        if not spec.html or spec.kind == "404":
            continue
        path = spec.path
        if site.config.directory_urls and path.endswith("index.html"):
            path = path[: -len("index.html")]
        lines.append(f"  <url><loc>{xml_escape(base + path)}</loc></url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
