"""What a person or a CI system sees: diagnostics as text, GitHub annotations or JSON, -q/-v, progress."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TextIO

import click

from generator.content.invisible import escaped, json_escaped
from generator.errors import ERROR, WARNING, ContentError, Diagnostic

FORMATS = ("text", "github", "json")


class Verbosity:
    """-q and -v, for every command: quiet prints only errors, verbose adds detail."""

    def __init__(self, quiet: bool = False, verbose: bool = False):
        self.quiet = quiet
        self.verbose = verbose

    def say(self, message: str, **kwargs: object) -> None:
        """Print message unless quiet."""
        if not self.quiet:
            click.echo(message, **kwargs)  # type: ignore[arg-type]

    def detail(self, message: str) -> None:
        """Print message when verbose (and not quiet)."""
        if self.verbose and not self.quiet:
            click.echo(message)


def verbosity() -> Verbosity:
    """The -q/-v setting of the running command (the defaults outside one, or in another thread)."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(Verbosity) if ctx else None
    return found or Verbosity()


def use_color(stream: TextIO | None = None) -> bool:
    """True on a terminal, unless NO_COLOR is set (https://no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def promote(diagnostics: Iterable[Diagnostic], strict: bool) -> list[Diagnostic]:
    """The diagnostics, with every warning made an error under --strict."""
    if not strict:
        return list(diagnostics)
    return [replace(d, severity=ERROR) if d.severity == WARNING else d for d in diagnostics]


def display_path(site_arg: str, path: str) -> str:
    """The path as the user can open it from where they ran the command.

    That is the path below the site folder as it was given, or relative to the current
    folder when the file is inside it.
    """
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


def format_report(
    diagnostics: list[Diagnostic], site_arg: str, fmt: str = "text", color: bool = False
) -> str:
    """The diagnostics in one of FORMATS, paths shown from where the command runs."""
    if fmt == "json":
        return _json(diagnostics, site_arg)
    if fmt == "github":
        return _github(diagnostics, site_arg)
    return _text(diagnostics, site_arg, color)


def show_report(
    diagnostics: Iterable[Diagnostic],
    site: Path | str,
    *,
    fmt: str = "text",
    strict: bool = False,
    quiet: bool | None = None,
    files: int | None = None,
) -> bool:
    """True when a diagnostic is an error (every one is, with strict), once they are printed.

    Quiet (default: the running command's -q) prints only errors, and no summary; JSON
    always lists every diagnostic.  The summary line follows when files (how many were
    checked) is given.
    """
    items = promote(diagnostics, strict)
    if quiet is None:
        quiet = verbosity().quiet
    shown = [d for d in items if d.severity == ERROR] if quiet else items
    if fmt == "json":
        click.echo(format_report(items, str(site), fmt))
    elif shown:
        color = fmt == "text" and use_color()
        click.echo(format_report(shown, str(site), fmt, color), color=color)
    if files is not None and fmt != "json" and not quiet:
        click.echo(summary(items, files))
    return any(d.severity == ERROR for d in items)


@contextmanager
def reporting(site: Path | str, *, strict: bool = False, then: str = "") -> Iterator[None]:
    """A block whose ContentError is shown as a report, then exits with the error's code.

    The line `then`, if given, follows the report on standard error.
    """
    try:
        yield
    except ContentError as exc:
        show_report(exc.diagnostics, site, strict=strict)
        if then:
            click.echo(then, err=True)
        sys.exit(exc.exit_code)


def _text(diagnostics: list[Diagnostic], site_arg: str, color: bool) -> str:
    """`path:line:col: severity: message` lines, each followed by its hint; control, bidi
    and zero-width characters escaped, so no file name or value can forge a line."""
    lines = []
    for d in diagnostics:
        where = escaped(":".join(filter(None, (display_path(site_arg, d.path), d.mark.place))))
        where += ":"
        severity = str(d.severity)
        if color:
            where = click.style(where, bold=True)
            severity = click.style(
                severity, fg="red" if d.severity == ERROR else "yellow", bold=True
            )
        lines.append(f"{where} {severity}: {escaped(d.message)}")
        if d.hint:
            hint = click.style("hint", fg="cyan") if color else "hint"
            lines.append(f"    {hint}: {escaped(d.hint)}")
    return "\n".join(lines)


def escape_data(text: str) -> str:
    """Text safe in a GitHub workflow command's message (`::notice ...::message`): control
    characters escaped visibly first."""
    return escaped(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Text safe in a GitHub workflow command's property (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(diagnostics: list[Diagnostic], site_arg: str) -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's diff."""
    lines = []
    for d in diagnostics:
        path = escape_property(display_path(site_arg, d.path))
        title = escape_property(d.code)
        message = d.message + (f" — {d.hint}" if d.hint else "")
        lines.append(
            f"::{d.severity} file={path},line={d.line},col={d.col},title={title}::"
            f"{escape_data(message)}"
        )
    return "\n".join(lines)


def _json(diagnostics: list[Diagnostic], site_arg: str) -> str:
    """A JSON list with one object a diagnostic, for tools."""
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
    return json_escaped(json.dumps(items, indent=2, ensure_ascii=False))


def plural(count: int, word: str) -> str:
    """`1 word` or `N words`."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """The line that ends `check`: how many files, errors and warnings."""
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
        """Count one more page, and show the count once a second has passed."""
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
        """Erase the progress line from a terminal."""
        if self.shown and self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def __enter__(self) -> Progress:
        """This progress line, erased when the block ends."""
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        """Erase the line, whether the block ended or raised."""
        self.done()
