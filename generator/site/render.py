"""Render each page of the site to bytes: HTML through the theme, data files in Python."""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from generator.content.model import Expectation, Markdown, Site
from generator.content.translations import is_translation
from generator.site import colors, i18n, strings
from generator.site.kinds import FILE_FOLDERS, KINDS, Key, PageKind, kind_table, url_for
from generator.site.links import page_anchors, reserved_ids, source_targets
from generator.site.markdown import Linker, relative_url, render
from generator.site.navigation import navigation
from generator.site.pages import PageSpec


class Watched:
    """The site as a template sees it: each collection or lookup it reads is noted, so that
    what a custom template reads straight from the site counts among the page's inputs."""

    _ALL = ("tracks", "levels", "competencies", "resources", "pages")
    _ONE = ("level", "track", "competency")

    def __init__(self, site: Site, noted: set[str]):
        self._site = site
        self._noted = noted

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if name in self._ALL:
            self._noted.update(item.path for item in value if item.path)
        elif name in self._ONE or name == "levels_of":
            return self._noting(value)
        elif name in ("home", "plan") and value is not None and value.path:
            self._noted.add(value.path)
        return value

    def _noting(self, lookup: Callable[..., Any]) -> Callable[..., Any]:
        def noted(*args: Any) -> Any:
            found = lookup(*args)
            for item in found if isinstance(found, tuple) else (found,):
                if item.path:
                    self._noted.add(item.path)
            return found

        return noted


class _PageState:
    """What one page's rendering has done so far: whether it showed anything that only
    this page shows (see Renderer.once_function)."""

    __slots__ = ("specific",)

    def __init__(self) -> None:
        self.specific = False


class Renderer:
    """Renders pages of one site with one theme; Markdown is rendered once per page folder."""

    def __init__(
        self,
        site: Site,
        env: jinja2.Environment,
        specs: Sequence[PageSpec],
        assets: frozenset[str],
        static_files: tuple[str, ...],
        kinds: Sequence[PageKind] = KINDS,
        catalogue: i18n.Catalogue = strings.ENGLISH,
        rendered: Mapping[Markdown, str] | None = None,
        editions: Sequence[tuple[str, str]] = (),
    ):
        self.site = site
        #: The interface strings every page of this renderer speaks.
        self.catalogue = catalogue
        #: Every language of the site with the folder of its pages ("" or "de/"), the default
        #: first; this renderer's folder, for a further language.
        self.editions = tuple(editions)
        self.prefix = dict(editions).get(catalogue.language, "") if editions else ""
        self.env = env
        self.specs = specs
        self.assets = assets
        self.static_files = static_files
        self.kinds = kind_table(kinds)
        self.targets = {k: self.prefix + v for k, v in source_targets(site).items()}
        self.anchors = {self.prefix + k: v for k, v in page_anchors(site).items()}
        # Rendered Markdown: by page folder when it holds relative links, else shared by all pages.
        self.cache: dict[tuple[Markdown, str, bool], Markup] = {}
        # (Markdown without headings is the same whatever ids the page reserves: key None.)
        self.shared: dict[tuple[Markdown, bool, frozenset[str] | None], Markup] = {
            (fragment, False, None): Markup(html) for fragment, html in (rendered or {}).items()
        }
        #: A macro's output by macro and arguments, where nothing in it depended on the page
        #: (see once): an expectation shown on hundreds of comparison pages is rendered once.
        self.macros: dict[tuple[Any, ...], Markup] = {}
        #: The output path of the page of a kind and key, as url_for finds it.
        self.paths: dict[tuple[str, Key], str] = {}
        self.theme_css = colors.css_variables(site.config.colors)
        with i18n.speaking(catalogue):
            self.nav = navigation(site, url_for)
        #: Output path → the content files its template read straight from the site.
        self.read: dict[str, frozenset[str]] = {}

    def render(self, spec: PageSpec) -> bytes:
        """The page's bytes: its kind's template (or export) given its kind's view, in the
        renderer's language."""
        with i18n.speaking(self.catalogue):
            return self._render(spec)

    def _render(self, spec: PageSpec) -> bytes:
        kind = self.kinds[spec.kind]
        view = kind.view(self.site, spec.key)
        if kind.export is not None:
            listed = [s.path for s in self.specs if s.html and not self.kinds[s.kind].anywhere]
            return kind.export(self.site, view, listed)
        template = self.env.get_template(kind.template)
        noted: set[str] = set()
        context = self.base_context(spec, kind, noted)
        context.update(view)
        html = template.render(context).encode("utf-8")
        self.read[spec.path] = frozenset(noted)
        return html

    # -- helpers handed to templates --------------------------------------

    def url_function(
        self, spec: PageSpec, kind: PageKind, state: _PageState | None = None
    ) -> Callable[[str], str]:
        """url(path): the link from this page to an output file."""
        link = self._url_function(spec, kind)
        if state is None:
            return link

        def url(target: str) -> str:
            state.specific = True
            return link(target)

        return url

    def _url_function(self, spec: PageSpec, kind: PageKind) -> Callable[[str], str]:
        if kind.anywhere:
            # A host serves 404.html at any path, so its links start at the path of the site's
            # base URL: only its path, so that no link or asset can point to another host.
            base = urlsplit(self.site.config.base_url).path.rstrip("/") + "/"

            def absolute(target: str) -> str:
                if self.site.config.directory_urls and target.endswith("index.html"):
                    target = target[: -len("index.html")]
                return base + target

            return absolute
        prefix, directory_urls = self.prefix, self.site.config.directory_urls
        return lambda target: relative_url(
            spec.path, prefix + target if prefix and in_edition(target) else target, directory_urls
        )

    def url_for_function(self, url: Callable[[str], str]) -> Callable[..., str]:
        """url_for(kind, *key): the link from this page to the page of a kind with a key."""
        paths = self.paths

        def url_for(kind: str, *key: str) -> str:
            path = paths.get((kind, key))
            if path is None:
                entry = self.kinds[kind]
                path = paths[(kind, key)] = entry.path(entry.canonical(self.site, key))
            return url(path)

        return url_for

    def url_pattern_function(self, url: Callable[[str], str]) -> Callable[..., str]:
        """url_pattern(kind, *placeholders): a link with placeholders where the key goes, for
        scripts that fill in ids the reader chooses."""
        return lambda kind, *placeholders: url(self.kinds[kind].path(placeholders))

    def markdown_functions(
        self, spec: PageSpec, state: _PageState
    ) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
        """md(fragment) and md_inline(fragment): Markdown rendered for this page."""
        page_dir = posixpath.dirname(spec.path)
        page_ids = reserved_ids(self.site, spec.kind, spec.key, self.kinds)
        lang = self.catalogue.language

        def convert(fragment: Markdown | None, inline: bool) -> Markup:
            if fragment is None:
                return Markup("")
            found = self.shared.get((fragment, inline, None))
            if found is not None:
                return found
            if not fragment:
                return Markup("")
            reserved = frozenset() if inline else page_ids
            key = (fragment, page_dir, inline)
            if (fragment, inline, reserved) in self.shared:
                state.specific = True  # its headings' ids are this page's
                return self.shared[(fragment, inline, reserved)]
            previously, state.specific = state.specific, True  # unless the same on every page
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
                if self.prefix and fragment.path and not is_translation(fragment.path, lang):
                    # Not translated: the default language's text, marked as such.
                    tag = "span" if inline else "div"
                    default = self.editions[0][0]
                    result = replace(result, html=f'<{tag} lang="{default}">{result.html}</{tag}>')
                if not result.page_specific:
                    ids = reserved if result.headings else None
                    state.specific = previously or ids is not None
                    self.shared[(fragment, inline, ids)] = Markup(result.html)
                    return self.shared[(fragment, inline, ids)]
                self.cache[key] = Markup(result.html)
            return self.cache[key]

        return (lambda f: convert(f, False)), (lambda f: convert(f, True))

    def once_function(self, state: _PageState) -> Callable[..., Markup]:
        """once(macro, *args): the macro called with args, its output reused by every later
        page that asks for the same, unless the page showed in it (a link made relative to
        the page, Markdown with the page's heading ids). For macros whose output depends
        only on their arguments, md and url; what they read of the site is not noted."""

        def once(macro: Any, *args: Any) -> Markup:
            try:
                key = (getattr(macro, "_func", macro).__code__, args)
                found = self.macros.get(key)
            except (AttributeError, TypeError):  # not a macro, or arguments not hashable
                return Markup(macro(*args))
            if found is not None:
                return found
            outer, state.specific = state.specific, False
            shown = Markup(macro(*args))
            if not state.specific:
                self.macros[key] = shown
            state.specific = outer or state.specific
            return shown

        return once

    def base_context(self, spec: PageSpec, kind: PageKind, noted: set[str]) -> dict[str, Any]:
        """What every template is given, whatever its kind."""
        state = _PageState()
        url = self.url_function(spec, kind, state)
        md, md_inline = self.markdown_functions(spec, state)
        config = self.site.config
        edit = ""
        if config.edit_url and spec.source:
            edit = config.edit_url.rstrip("/") + "/" + spec.source
        context = {
            "site": Watched(self.site, noted),
            "config": config,
            "page": spec,
            "url": url,
            "url_for": self.url_for_function(url),
            "url_pattern": self.url_pattern_function(url),
            "md": md,
            "md_inline": md_inline,
            "once": self.once_function(state),
            "nav": self.nav,
            "current_section": spec.path.split("/", 1)[0] if "/" in spec.path else "",
            "several_tracks": len(self.site.tracks) > 1,
            "theme_css": Markup(self.theme_css),
            "edit_url": edit,
            "has_script": "site.js" in self.static_files,
            "logo": ("assets/" + config.logo.removeprefix("assets/")) if config.logo else "",
            "statements": expectation_statements,
            "t": strings.markup,
            "language": self.catalogue.language,
            "direction": self.catalogue.direction,
            "editions": self.edition_links(spec),
            "untranslated": self.untranslated(spec),
            "format_date": self.format_date,
            "term": strings.term,
            "script_strings": strings.script_strings(),
            "crumbs": kind.crumbs(self.site, spec.key, spec.title, spec.path),
        }
        return context

    def edition_links(self, spec: PageSpec) -> list[dict[str, Any]]:
        """The page in each language of the site, for the switcher and hreflang: its tag,
        its name in itself, the link to it and whether it is this one (none for one language)."""
        if len(self.editions) < 2 or self.kinds[spec.kind].anywhere:
            return []
        page = spec.path.removeprefix(self.prefix)
        return [
            {
                "tag": tag,
                "name": i18n.language_name(tag),
                "href": relative_url(spec.path, prefix + page, self.site.config.directory_urls),
                "current": prefix == self.prefix,
            }
            for tag, prefix in self.editions
        ]

    def format_date(self, iso: str) -> str:
        """A date written YYYY-MM-DD as the page's language writes it ('4. März 2026')."""
        try:
            day = datetime.date.fromisoformat(iso[:10])
        except ValueError:
            return iso
        return i18n.format_date(day, self.catalogue.language)

    def untranslated(self, spec: PageSpec) -> str:
        """The default language's name, in this page's, when the page's own content file has
        no translation into it; else empty."""
        if not self.prefix or not spec.source or is_translation(spec.source, spec.language):
            return ""
        return i18n.language_name(self.editions[0][0], self.catalogue.language)


def in_edition(target: str) -> bool:
    """True for an output file each language has its own of (a page), not one they share
    (the theme's files, the content's assets, the data files, the 404 page)."""
    return (
        target.endswith(".html")
        and target != "404.html"
        and target.split("/", 1)[0] not in FILE_FOLDERS
    )


def expectation_statements(expectation: Expectation | None) -> tuple[Markdown, ...]:
    """The statements of an expectation, or none for a level that has none."""
    return expectation.statements if expectation else ()
