"""`ladderpress build` and `check`: check the content, render every page (check: in memory;
build: each written as it is rendered into a folder that then takes the output's place)."""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import jinja2

from generator.commands.check import Checked, check_site
from generator.content.history import read_history
from generator.content.model import Site
from generator.errors import ERROR, ContentError, Diagnostic, Mark
from generator.site.cache import TemplateCache, site_cache
from generator.site.catalogues import catalogue_for
from generator.site.i18n import Catalogue, speaking
from generator.site.output import check_output, remove_leftovers, write_site
from generator.site.pages import PageSpec, pages
from generator.site.render import Renderer
from generator.site.templates import environment, resolve_theme


@dataclass(frozen=True)
class Built:
    """What a build made."""

    pages: tuple[PageSpec, ...]
    files: int
    seconds: float
    warnings: list[Diagnostic]
    phases: dict[str, float]
    #: the folders a stopped build had left beside the output, removed by this one
    removed: tuple[Path, ...] = ()

    @property
    def html_pages(self) -> int:
        """How many HTML pages were written."""
        return sum(1 for p in self.pages if p.html)


@dataclass(frozen=True)
class Prepared:
    """A checked site with its page list and a renderer, ready to render any of its pages."""

    site: Site
    diagnostics: list[Diagnostic]
    specs: tuple[PageSpec, ...]
    renderer: Renderer
    copies: dict[str, Path]
    theme_files: tuple[Path, ...]
    #: the renderer of each language (the default's is `renderer`)
    renderers: Mapping[str, Renderer] = field(default_factory=dict)

    def renderer_of(self, spec: PageSpec) -> Renderer:
        """The renderer of the page's language."""
        return self.renderers.get(spec.language, self.renderer) if spec.language else self.renderer


def prepare(
    root: Path, *, strict: bool = False, paper: str | None = None, checked: Checked | None = None
) -> Prepared:
    """The site checked (unless checked is given) and ready to render; raises ContentError."""
    checked = checked if checked is not None else check_site(root)
    problems = [d for d in checked.diagnostics if d.severity == ERROR or strict]
    if problems or checked.site is None:
        raise ContentError(checked.diagnostics)
    site = replace(checked.site, history=read_history(root))
    if paper is not None:
        site = replace(site, config=replace(site.config, paper=paper))
    theme = resolve_theme(root, site.config.theme)
    static = theme.static_files()
    copies = {f"static/{name}": path for name, path in static.items()}
    copies.update({a.removeprefix("content/"): root / a for a in checked.assets})
    languages = site.config.languages
    editions = [(lang, f"{lang}/" if i else "") for i, lang in enumerate(languages)]
    made: dict[str, tuple[Site, Catalogue, tuple[PageSpec, ...]]] = {}
    for index, language in enumerate(languages):
        # A further language's site: its translations, and the default's history and settings.
        translated = checked.translated.get(language) if index else None
        edition = (
            replace(translated, history=site.history, config=site.config) if translated else site
        )
        catalogue = catalogue_for(site, language)
        with speaking(catalogue):
            made[language] = (
                edition,
                catalogue,
                pages(edition, language="" if not index else language),
            )
    specs = tuple(spec for _, _, listed in made.values() for spec in listed)
    _check_unique([s.path for s in specs], list(copies))
    env = environment(theme, TemplateCache(site_cache(root)))
    renderers = {
        language: Renderer(
            edition,
            env,
            specs,
            frozenset(checked.assets),
            tuple(static),
            catalogue=catalogue,
            # What the link check rendered is the default language's, fallback unmarked.
            rendered=checked.markdown if language == languages[0] else None,
            editions=editions if len(languages) > 1 else (),
        )
        for language, (edition, catalogue, _) in made.items()
    }
    renderer = renderers[languages[0]]
    return Prepared(
        site, checked.diagnostics, specs, renderer, copies, tuple(theme.files()), renderers
    )


def render_pages(
    prepared: Prepared,
    root: Path,
    specs: tuple[PageSpec, ...] | list[PageSpec],
    on_render: Callable[[PageSpec], None] | None = None,
) -> dict[str, bytes]:
    """Each given page's output path and bytes, rendered in memory."""
    return {spec.path: _page(prepared, spec, root, on_render) for spec in specs}


def render_problems(root: Path, checked: Checked) -> list[Diagnostic]:
    """Each template error (once per place) found by rendering a checked site's pages in memory."""
    try:
        prepared = prepare(root, checked=checked)
    except ContentError as exc:
        return [d for d in exc.diagnostics if d.severity == ERROR]
    found: dict[Mark, Diagnostic] = {}
    for spec in prepared.specs:
        try:
            _render(prepared.renderer_of(spec), spec, root)
        except ContentError as exc:
            for d in exc.diagnostics:
                found.setdefault(d.mark, d)
    return list(found.values())


def check_pages(root: Path) -> Checked:
    """What `check` reports: the content checked and, if clean, every page rendered in memory."""
    checked = check_site(root)
    if checked.site is None:  # the pages render only from content without errors
        return checked
    problems = render_problems(root, checked)
    if not problems:
        return checked
    diagnostics = sorted(checked.diagnostics + problems, key=Diagnostic.sort_key)
    return replace(checked, site=None, diagnostics=diagnostics)


def build(
    root: Path,
    out: Path,
    *,
    strict: bool = False,
    force: bool = False,
    clean: bool = False,
    paper: str | None = None,
    on_render: Callable[[PageSpec], None] | None = None,
    checked: Checked | None = None,
) -> Built:
    """What was built after checking (unless checked is given), rendering and writing every page.

    Raises ContentError on any problem in the content, OutputError for a folder it must
    not write.  ``paper`` overrides site.yml's worksheet paper size (a4 or letter).
    """
    started = time.perf_counter()
    prepared = prepare(root, strict=strict, paper=paper, checked=checked)
    check_output(out, root, force)
    ready = time.perf_counter()
    removed = remove_leftovers(out) if clean else []
    swapped: list[float] = []
    # Each page is written as soon as it is rendered, so that a build holds one at a time.
    removed += write_site(
        out,
        ((spec.path, _page(prepared, spec, root, on_render)) for spec in prepared.specs),
        prepared.copies,
        on_swapped=lambda: swapped.append(time.perf_counter()),
    )
    finished = time.perf_counter()
    phases = {
        "check": ready - started,
        "render": swapped[0] - ready,  # each page rendered and written, then swapped in
        "clean": finished - swapped[0],  # the old output removed, the new one in place
    }
    return Built(
        prepared.specs,
        len(prepared.specs) + len(prepared.copies),
        finished - started,
        prepared.diagnostics,
        phases,
        tuple(removed),
    )


def _page(
    prepared: Prepared, spec: PageSpec, root: Path, on_render: Callable[[PageSpec], None] | None
) -> bytes:
    """One page's bytes, after telling on_render it is next."""
    if on_render is not None:
        on_render(spec)
    return _render(prepared.renderer_of(spec), spec, root)


def _render(renderer: Renderer, spec: PageSpec, root: Path) -> bytes:
    """One page's bytes; a broken template raises a positioned ContentError, not a traceback."""
    try:
        return renderer.render(spec)
    except jinja2.TemplateSyntaxError as exc:
        where = Mark(_template_path(exc.filename, root), exc.lineno or 1)
        raise ContentError(
            [Diagnostic(where, ERROR, "template", f"template syntax: {exc.message}")]
        ) from None
    except (jinja2.UndefinedError, jinja2.TemplateError) as exc:
        frames = [
            f
            for f in traceback.extract_tb(exc.__traceback__)
            if f.filename.endswith((".html", ".xml", ".txt"))
        ]
        where = (
            Mark(_template_path(frames[-1].filename, root), frames[-1].lineno or 1)
            if frames
            else Mark(spec.path)
        )
        raise ContentError(
            [Diagnostic(where, ERROR, "template", f"rendering {spec.path}: {exc.message or exc}")]
        ) from None


def _template_path(filename: str | None, root: Path) -> str:
    """A template's path relative to the site folder when it is in it, else as it is."""
    if not filename:
        return "<template>"
    path = Path(filename)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_unique(*groups: list[str]) -> None:
    """Raise ContentError when two outputs would be written to the same path."""
    seen: set[str] = set()
    clashes = []
    for group in groups:
        for path in group:
            if path in seen:
                clashes.append(path)
            seen.add(path)
    if clashes:
        raise ContentError(
            [
                Diagnostic(
                    Mark(p),
                    ERROR,
                    "path-clash",
                    f"two outputs would be written to {p}",
                    "rename one of the files",
                )
                for p in clashes
            ]
        )
