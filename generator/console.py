"""How diagnostics reach a person or a CI system: text, GitHub annotations or JSON."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from typing import TextIO

import click

from generator.errors import ERROR, WARNING, Diagnostic

FORMATS = ("text", "github", "json")


def use_color(stream: TextIO | None = None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def promote(diagnostics: Iterable[Diagnostic], strict: bool) -> list[Diagnostic]:
    """Under --strict every warning counts, and reads, as an error."""
    if not strict:
        return list(diagnostics)
    return [replace(d, severity=ERROR) if d.severity == WARNING else d for d in diagnostics]


def display_path(site_arg: str, path: str) -> str:
    """The path as the user can open it from where they ran the command (relative to the
    current folder when the file is inside it)."""
    if site_arg in ("", "."):
        return path
    joined = os.path.normpath(os.path.join(site_arg, path))
    if os.path.isabs(joined):
        try:
            rel = os.path.relpath(joined)
        except ValueError:  # another drive on Windows
            rel = joined
        if not rel.startswith(".."):
            joined = rel
    return joined.replace(os.sep, "/")


def render_text(diagnostics: list[Diagnostic], site_arg: str, color: bool) -> str:
    lines = []
    for d in diagnostics:
        where = f"{display_path(site_arg, d.path)}:{d.line}:{d.col}:"
        severity = str(d.severity)
        if color:
            where = click.style(where, bold=True)
            severity = click.style(
                severity, fg="red" if d.severity == ERROR else "yellow", bold=True
            )
        lines.append(f"{where} {severity}: {d.message}")
        if d.hint:
            hint = click.style("hint", fg="cyan") if color else "hint"
            lines.append(f"    {hint}: {d.hint}")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: list[Diagnostic], site_arg: str) -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's diff."""
    lines = []
    for d in diagnostics:
        path = _escape_property(display_path(site_arg, d.path))
        title = _escape_property(d.code)
        message = d.message + (f" — {d.hint}" if d.hint else "")
        lines.append(
            f"::{d.severity} file={path},line={d.line},col={d.col},title={title}::"
            f"{_escape_data(message)}"
        )
    return "\n".join(lines)


def render_json(diagnostics: list[Diagnostic], site_arg: str) -> str:
    items = [
        {
            "path": display_path(site_arg, d.path),
            "line": d.line,
            "column": d.col,
            "severity": d.severity,
            "code": d.code,
            "message": d.message,
            "hint": d.hint,
        }
        for d in diagnostics
    ]
    return json.dumps(items, indent=2, ensure_ascii=False)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    errors = sum(1 for d in diagnostics if d.severity == ERROR)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"Checked {plural(files, 'file')}: no problems found."
    return f"Checked {plural(files, 'file')}: {plural(errors, 'error')}, {plural(warnings, 'warning')}."


class Progress:
    """A progress line for builds that take more than a second (on a terminal; one line otherwise)."""

    DELAY = 1.0

    def __init__(self, enabled: bool = True, stream: TextIO | None = None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self.count = 0
        self.shown = False
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, spec: object) -> None:
        self.count += 1
        if not self.enabled or time.perf_counter() - self.started < self.DELAY:
            return
        if self.tty:
            if self.count % 10 == 0 or not self.shown:
                self.stream.write(f"\rRendering pages… {self.count}")
                self.stream.flush()
                self.shown = True
        elif not self.shown:
            self.stream.write(f"Rendering pages… ({self.count} so far)\n")
            self.shown = True

    def done(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()
