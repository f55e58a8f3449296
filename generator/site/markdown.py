"""The one Markdown factory, and the rules that make content links into page links.

Content links to other content by its source path (``../levels/pm.md#scope``);
the ``ladder`` core rule, run after inline parsing, resolves each link and
image against the site's pages and assets, gives headings stable ids, and
records every link it cannot resolve or will not allow, with its line.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from generator.content.ids import slugify
from generator.content.invisible import isolate
from generator.content.model import Markdown

EXTERNAL_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class LinkProblem:
    """A link in content that cannot be resolved or is not allowed."""

    line: int
    col: int
    message: str
    hint: str


@dataclass(frozen=True)
class Linker:
    """How links written in one content file become URLs on one output page."""

    source: str  # the content file the Markdown comes from, e.g. content/pages/how-to-use.md
    page: str  # the output file being written, e.g. how-to-use/index.html
    targets: Mapping[str, str]  # content file → output file of the page that shows it
    anchors: Mapping[str, frozenset[str]]  # output file → element ids on that page
    assets: frozenset[str]  # files under content/assets/
    directory_urls: bool = True

    def href(self, target: str) -> str:
        """A relative URL from this page to another output file."""
        return relative_url(self.page, target, self.directory_urls)

    def resolve(self, url: str, image: bool = False) -> tuple[str | None, str | None, str]:
        """(href, problem, hint): the URL to write, or why the link (or image) is refused."""
        scheme = _SCHEME.match(url)
        if image and (url.startswith("//") or url.lower().startswith(("http:", "https:"))):
            return (
                None,
                f"'{url[:60]}' is an image on another host, which every reader's browser "
                "would fetch from there",
                "put the image in content/assets/ and link to it by its relative path, "
                "e.g. ../assets/chart.png",
            )
        if scheme:
            if scheme.group(1).lower() in EXTERNAL_SCHEMES and not image:
                return url, None, ""
            return (
                None,
                f"links with the '{scheme.group(1).lower()}:' scheme are not allowed",
                "link to an https:// page, or to another content file by its relative path",
            )
        if url.startswith("//"):
            return None, f"'{url}' has no scheme", "write the full address, starting with https://"
        parts = urlsplit(url)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path.startswith("/"):
            return (
                None,
                f"'{url}' is an absolute path, which breaks when the site is served under a sub-path",
                "link to the content file by its relative path, e.g. ../levels/pm.md",
            )
        if not path:  # "#fragment" on this page
            ids = self.anchors.get(self.targets.get(self.source, ""))
            if fragment and ids is not None and fragment not in ids:
                close = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.6)
                hint = f"did you mean #{close[0]}?" if close else _known(ids)
                return None, f"no heading or section '#{fragment}' on this page", hint
            return url, None, ""
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), path))
        if resolved.endswith(".md"):
            target = self.targets.get(resolved)
            if target is None:
                return (
                    None,
                    f"'{path}' links to {resolved}, which is not a page of this site",
                    ("check the file name; links are relative to the file they are written in"),
                )
            known = self.anchors.get(target)
            if fragment and known is not None and fragment not in known:
                close = difflib.get_close_matches(fragment, sorted(known), n=1, cutoff=0.6)
                return (
                    None,
                    f"'{url}': {resolved} has no heading or section '#{fragment}'",
                    f"did you mean #{close[0]}?" if close else _known(known),
                )
            return self.href(target) + (f"#{parts.fragment}" if parts.fragment else ""), None, ""
        if resolved in self.assets:
            href = self.href(resolved.removeprefix("content/"))
            return href + (f"#{parts.fragment}" if parts.fragment else ""), None, ""
        return (
            None,
            f"'{path}' links to {resolved}, which does not exist",
            ("put files that content links to in content/assets/, and link to them relatively"),
        )


def _known(ids: frozenset[str]) -> str:
    listed = ", ".join(f"#{i}" for i in sorted(ids)[:12])
    return f"known: {listed}" if ids else "the page has no headings to link to"


def relative_url(page: str, target: str, directory_urls: bool = True) -> str:
    """A URL from one output file to another, relative so the site works under any path."""
    start = posixpath.dirname(page)
    rel = posixpath.relpath(target, start or ".")
    if directory_urls and (rel == "index.html" or rel.endswith("/index.html")):
        rel = rel[: -len("index.html")] or "./"
    return rel


def unique_id(base: str, taken: set[str]) -> str:
    """base, or base-2, base-3 … when taken has it; the id returned is added to taken."""
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


@dataclass
class _Env:
    fragment: Markdown
    linker: Linker | None
    ids: set[str]
    problems: list[LinkProblem] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    outline: list[tuple[int, str, str]] = field(default_factory=list)
    relative: bool = False  # a link was made relative to the page, so the HTML is page-specific


def _inline_text(token: Any) -> str:
    return "".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))


def _ladder_rule(state: StateCore) -> None:
    env: _Env = state.env["ladder"]
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            heading_id = unique_id(slugify(_inline_text(tokens[index + 1])) or "section", env.ids)
            token.attrSet("id", heading_id)
            env.headings.append(heading_id)
            env.outline.append((int(token.tag[1]), heading_id, _inline_text(tokens[index + 1])))
        if token.type != "inline" or not token.children:
            continue
        first_line = token.map[0] if token.map else 0
        refused: list[bool] = []
        for child in token.children:
            if child.type in ("text", "code_inline"):
                child.content = isolate(child.content)  # bidi controls reorder no more than it
            elif child.type == "link_open":
                refused.append(not _resolve(child, "href", env, first_line, state.src))
            elif child.type == "link_close" and refused and refused.pop():
                child.tag = "span"
            elif child.type == "image":
                _resolve(child, "src", env, first_line, state.src)


def _resolve(token: Any, attr: str, env: _Env, first_line: int, src: str) -> bool:
    """Point the token at its page or asset; False (and a problem recorded) if refused."""
    url = str(token.attrGet(attr) or "")
    if env.linker is None:
        return True
    href, problem, hint = env.linker.resolve(url, image=attr == "src")
    if problem is None:
        token.attrSet(attr, href)
        if _SCHEME.match(url):
            if attr == "href":
                token.attrSet("rel", "noopener")
        elif not url.startswith("#"):
            env.relative = True
        return True
    line, col = _locate(src, first_line, url)
    env.problems.append(LinkProblem(env.fragment.line + line, col, problem, hint))
    # Never emit a refused URL, even though the build stops on the problem.
    if attr == "href":
        token.tag = "span"
        token.attrs = {}
    else:
        token.attrSet("src", "")
    return False


def _locate(src: str, first_line: int, url: str) -> tuple[int, int]:
    """Line and column of a link's URL: its "(url" form first, so an earlier link to a longer
    path that contains this one is not taken for it."""
    lines = src.split("\n")
    raw = unquote(url)
    for offset in range(first_line, len(lines)):
        for needle, skip in (("(" + url, 1), ("(" + raw, 1), ("<" + url, 1), (url, 0), (raw, 0)):
            col = lines[offset].find(needle)
            if col >= 0:
                return offset, col + skip + 1
    return first_line, 1


@lru_cache(maxsize=2)
def parser(html: bool) -> MarkdownIt:
    """The Markdown parser: CommonMark, tables, strikethrough, footnotes, definition lists, task lists."""
    md = (
        MarkdownIt("commonmark", {"html": html, "typographer": False, "xhtmlOut": False})
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
        .use(deflist_plugin)
        .use(tasklists_plugin)
    )
    # Links are judged by the ladder rule, which reports what it refuses;
    # markdown-it's own check would silently leave refused links as text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("ladder", _ladder_rule)
    return md


@dataclass(frozen=True)
class Rendered:
    html: str
    problems: tuple[LinkProblem, ...]
    headings: tuple[str, ...]
    page_specific: bool = False  # True when the HTML holds links relative to the page
    outline: tuple[tuple[int, str, str], ...] = ()  # each heading's depth, id and text


def render(
    fragment: Markdown,
    linker: Linker | None,
    *,
    html: bool = False,
    inline: bool = False,
    reserved_ids: frozenset[str] = frozenset(),
) -> Rendered:
    """Render a Markdown fragment for one page; link problems come back, positioned."""
    env = _Env(fragment, linker, set(reserved_ids))
    md = parser(html)
    if inline:
        out = md.renderInline(fragment.source, {"ladder": env})
    else:
        out = md.render(fragment.source, {"ladder": env})
    return Rendered(
        out, tuple(env.problems), tuple(env.headings), env.relative, tuple(env.outline)
    )


def raw_html(fragment: Markdown) -> list[tuple[int, int]]:
    """(line, column) of each block that holds raw HTML, as a parser that allowed it would see it."""
    env = _Env(fragment, None, set())
    lines = fragment.source.split("\n")
    found = []
    for token in parser(True).parse(fragment.source, {"ladder": env}):
        inline_html = any(c.type == "html_inline" for c in token.children or ())
        if (token.type == "html_block" or inline_html) and token.map:
            line = token.map[0]
            col = lines[line].find("<") + 1 if line < len(lines) else 1
            found.append((fragment.line + line, max(col, 1)))
    return found
