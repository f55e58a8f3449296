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
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

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
    start = page.rpartition("/")[0]
    if target and _plain(start) and _plain(target):
        # What posixpath.relpath gives, from the common folders, without its abspath calls.
        folders, parts = start.split("/") if start else [], target.split("/")
        common = 0
        while common < min(len(folders), len(parts)) and folders[common] == parts[common]:
            common += 1
        rel = "/".join([".."] * (len(folders) - common) + parts[common:]) or "."
    else:
        rel = posixpath.relpath(target, start or ".")
    if directory_urls and (rel == "index.html" or rel.endswith("/index.html")):
        rel = rel[: -len("index.html")] or "./"
    return rel


def _plain(path: str) -> bool:
    """True for a relative path that is already normal (no empty, "." or ".." folder), or ""."""
    return not path or not {"", ".", ".."} & set(path.split("/"))


def unique_id(base: str, taken: set[str], tried: dict[str, int] | None = None) -> str:
    """base, or base-2, base-3 … when taken has it; the id returned is added to taken.

    ``tried`` remembers the last number tried for each base, so that a thousand headings
    of one name take linear time, not quadratic."""
    number = tried.get(base, 1) if tried is not None else 1
    candidate = base if number == 1 else f"{base}-{number}"
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    if tried is not None:
        tried[base] = number
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
    tried: dict[str, int] = field(default_factory=dict)  # see unique_id
    #: where the last refused link of the inline token being read was found (line, column)
    cursor: tuple[int, int] = (0, 0)
    lines: list[str] = field(default_factory=list)


def _inline_text(token: Any) -> str:
    return "".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))


def _text_rule(state: StateCore) -> None:
    """What every page shows alike, done once as the Markdown is parsed: task lists, each
    heading's text noted, and each run of text isolated, so that bidi controls in it
    reorder nothing around it."""
    tokens = state.tokens
    _task_lists(tokens)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            token.meta["text"] = _inline_text(tokens[index + 1])
        for child in token.children or ():
            if token.type == "inline" and child.type in ("text", "code_inline"):
                child.content = isolate(child.content)


#: The tokens a rendering changes for its page (see _fresh).
_PER_PAGE = ("link_open", "link_close", "image")


def _fresh(tokens: tuple[Token, ...]) -> list[Token]:
    """The parsed tokens, with a copy of each that a rendering changes (headings, links,
    images; the renderer itself sets an image's alt); the others shared."""
    fresh = []
    for token in tokens:
        if token.type == "heading_open":
            token = token.copy(attrs=dict(token.attrs))
        elif token.children and any(c.type in _PER_PAGE for c in token.children):
            children = [
                c.copy(attrs=dict(c.attrs)) if c.type in _PER_PAGE else c for c in token.children
            ]
            token = token.copy(children=children)
        fresh.append(token)
    return fresh


def _link(tokens: list[Token], env: _Env) -> None:
    """What differs from page to page: heading ids (around the ids the page reserves), and
    where each link and image points, each refused one recorded."""
    for token in tokens:
        if token.type == "heading_open":
            text = token.meta.get("text", "")
            heading_id = unique_id(slugify(text) or "section", env.ids, env.tried)
            token.attrSet("id", heading_id)
            env.headings.append(heading_id)
            env.outline.append((int(token.tag[1]), heading_id, text))
        if token.type != "inline" or not token.children:
            continue
        env.cursor = (token.map[0] if token.map else 0, 0)
        refused: list[bool] = []
        for child in token.children:
            if child.type == "link_open":
                refused.append(not _resolve(child, "href", env))
            elif child.type == "link_close" and refused and refused.pop():
                child.tag = "span"
            elif child.type == "image":
                _resolve(child, "src", env)


def _resolve(token: Token, attr: str, env: _Env) -> bool:
    """Point the token at its page or asset; False (and a problem recorded) if refused."""
    url = str(token.attrGet(attr) or "")
    if env.linker is None:
        return True
    href, problem, hint = env.linker.resolve(url, image=attr == "src")
    if problem is None:
        assert href is not None  # resolve gives one or the other
        token.attrSet(attr, href)
        if _SCHEME.match(url):
            if attr == "href":
                token.attrSet("rel", "noopener")
        elif not url.startswith("#"):
            env.relative = True
        return True
    if not env.lines:
        env.lines = env.fragment.source.split("\n")
    line, col = env.cursor = _locate(env.lines, env.cursor, url)
    env.problems.append(LinkProblem(env.fragment.line + line, col, problem, hint))
    # Never emit a refused URL, even though the build stops on the problem.
    if attr == "href":
        token.tag = "span"
        token.attrs = {}
    else:
        token.attrSet("src", "")
    return False


def _locate(lines: list[str], after: tuple[int, int], url: str) -> tuple[int, int]:
    """Line and column of a link's URL, searched from where the link before it in the same
    paragraph was found (``after``): its "(url" form first, so an earlier link to a longer
    path that contains this one is not taken for it."""
    raw = unquote(url)
    first_line, first_col = after
    for offset in range(first_line, len(lines)):
        start = first_col if offset == first_line else 0
        for needle, skip in (("(" + url, 1), ("(" + raw, 1), ("<" + url, 1), (url, 0), (raw, 0)):
            col = lines[offset].find(needle, start)
            if col >= 0:
                return offset, col + skip + 1
    return first_line, max(first_col, 1)


#: An item that starts with a checkbox, "[ ]" or "[x]" and whitespace (GitHub's task lists).
_TASK = re.compile(r"\[([ xX])\][ \t\n\v\f\r]+")


def _task_lists(tokens: list[Any]) -> None:
    """List items that start with [ ] or [x] get a disabled checkbox, in one pass: as
    mdit-py-plugins' tasklists does, whose search for each item's list is quadratic."""
    lists: list[Any] = []
    for index, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif token.type in ("bullet_list_close", "ordered_list_close") and lists:
            lists.pop()
        elif (
            token.type == "inline"
            and index >= 2
            and tokens[index - 1].type == "paragraph_open"
            and tokens[index - 2].type == "list_item_open"
            and token.children
            and (box := _TASK.match(token.content))
        ):
            checked = 'checked="checked" ' if box.group(1) != " " else ""
            checkbox = Token("html_inline", "", 0)
            checkbox.content = (
                f'<input class="task-list-item-checkbox" {checked}disabled="disabled" '
                'type="checkbox">'
            )
            token.children[0].content = token.children[0].content[3:]
            token.children.insert(0, checkbox)
            token.content = token.content[3:]
            tokens[index - 2].attrSet("class", "task-list-item")
            lists[-1].attrSet("class", "contains-task-list")


@lru_cache(maxsize=2)
def parser(html: bool) -> MarkdownIt:
    """The Markdown parser: CommonMark, tables, strikethrough, footnotes, definition lists, task lists."""
    md = (
        MarkdownIt("commonmark", {"html": html, "typographer": False, "xhtmlOut": False})
        .enable(["table", "strikethrough"])
        .use(footnote_plugin)
        .use(deflist_plugin)
    )
    # Links are judged by the ladder rule, which reports what it refuses;
    # markdown-it's own check would silently leave refused links as text.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.core.ruler.push("ladder", _text_rule)
    return md


@lru_cache(maxsize=16384)
def _parsed(source: str, html: bool, inline: bool) -> tuple[Token, ...]:
    """Markdown parsed once, however many pages show it: its tokens are shared, so a
    rendering changes only copies of the few it must (_fresh)."""
    md = parser(html)
    return tuple(md.parseInline(source, {}) if inline else md.parse(source, {}))


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
    """Render a Markdown fragment for one page; link problems come back, positioned.

    Without a linker (for headings and outlines) it is rendered once and remembered."""
    if linker is None:
        return _unlinked(fragment, html, inline, reserved_ids)
    return _render(fragment, linker, html, inline, reserved_ids)


@lru_cache(maxsize=4096)
def _unlinked(
    fragment: Markdown, html: bool, inline: bool, reserved_ids: frozenset[str]
) -> Rendered:
    """A fragment rendered without resolving its links, once for any number of asks."""
    return _render(fragment, None, html, inline, reserved_ids)


def _render(
    fragment: Markdown, linker: Linker | None, html: bool, inline: bool, reserved: frozenset[str]
) -> Rendered:
    """What render returns, always rendered anew."""
    env = _Env(fragment, linker, set(reserved))
    tokens = _fresh(_parsed(fragment.source, html, inline))
    _link(tokens, env)
    md = parser(html)
    out = md.renderer.render(tokens, md.options, {})
    return Rendered(out, tuple(env.problems), tuple(env.headings), env.relative, tuple(env.outline))


def raw_html(fragment: Markdown) -> list[tuple[int, int]]:
    """(line, column) of each block that holds raw HTML, as a parser that allowed it would see it."""
    if "<" not in fragment.source:
        return []  # there is none: no need to parse
    lines = fragment.source.split("\n")
    found = []
    for token in _parsed(fragment.source, True, False):
        inline_html = any(c.type == "html_inline" for c in token.children or ())
        if (token.type == "html_block" or inline_html) and token.map:
            line = token.map[0]
            col = lines[line].find("<") + 1 if line < len(lines) else 1
            found.append((fragment.line + line, max(col, 1)))
    return found
