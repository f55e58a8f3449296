"""Themes: where templates and static files come from, first match wins.

A site's ``themes/<name>/templates/x.html`` shadows the built-in one of the
same name; ``{% extends "!default/x.html" %}`` still reaches the original, so
an override can replace a single block.  A theme's ``theme.yml`` may say
``extends: default`` (the default for any theme).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.content.invisible import isolate
from generator.content.sources import load_theme_manifest
from generator.content.themes import theme_parent
from generator.errors import ERROR, ContentError, Diagnostic, Mark
from generator.paths import BUILTIN_THEMES, themes_dir


@dataclass(frozen=True)
class Theme:
    """The chain of theme folders, most specific first."""

    folders: tuple[Path, ...]
    builtin: Path

    def template_dirs(self) -> list[str]:
        """The theme's template folders, the site's own first."""
        return [str(f / "templates") for f in self.folders if (f / "templates").is_dir()]

    def static_files(self) -> dict[str, Path]:
        """Output name under static/ → file, the most specific theme winning."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if not static.is_dir():
                continue
            for path in sorted(static.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    found[path.relative_to(static).as_posix()] = path
        return dict(sorted(found.items()))

    def files(self) -> list[Path]:
        """Every template and static file, for watching and for page inputs."""
        return sorted(
            p for f in self.folders for p in f.rglob("*") if p.is_file() and not p.is_symlink()
        )


def resolve_theme(site_root: Path, name: str) -> Theme:
    """The folders of a theme and of the themes it extends, checked for loops and gaps."""
    builtin_root = themes_dir()
    folders: list[Path] = []
    seen: set[str] = set()
    current: str | None = name
    while current is not None:
        if current in seen:
            raise _theme_error(f"themes/{current}/theme.yml", f"theme '{current}' extends itself")
        seen.add(current)
        local = site_root / "themes" / current
        builtin = builtin_root / current
        if local.is_dir() and not local.is_symlink():
            folders.append(local)
        if current in BUILTIN_THEMES:
            folders.append(builtin)
            break
        if not local.is_dir():
            raise _theme_error(
                "site.yml",
                f"theme '{current}' not found: no folder themes/{current}/ and no built-in theme of that name",
                f"built-in themes: {', '.join(BUILTIN_THEMES)}",
            )
        current = _extends(site_root, current)
    return Theme(tuple(folders), builtin_root / "default")


def _extends(site_root: Path, name: str) -> str | None:
    """The theme a site's theme extends, by its theme.yml; problems in it raised, positioned."""
    manifest, report = load_theme_manifest(site_root, name)
    parent = theme_parent(manifest, report)
    if report.errors:
        raise ContentError(report.sorted())
    return parent


def _theme_error(path: str, message: str, hint: str = "") -> ContentError:
    return ContentError([Diagnostic(Mark(path), ERROR, "theme", message, hint)])


def isolated(value: Any) -> Any:
    """What a template shows of a value: text whose bidi controls could reorder the page
    around it inside an isolate (content/invisible.py), in element text, attributes and
    <title> alike; anything else as it is."""
    if isinstance(value, str) and (shown := isolate(value)) is not value:
        return Markup(shown) if isinstance(value, Markup) else shown
    return value


def environment(
    theme: Theme, bytecode_cache: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    """Jinja with autoescape, StrictUndefined and isolated text, loading from the theme chain
    (compiled templates kept in bytecode_cache, when given)."""
    loader = jinja2.ChoiceLoader(
        [
            jinja2.PrefixLoader(
                {"!default": jinja2.FileSystemLoader(str(theme.builtin / "templates"))},
                delimiter="/",
            ),
            jinja2.FileSystemLoader(theme.template_dirs()),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=isolated,
        bytecode_cache=bytecode_cache,
    )
    return env
