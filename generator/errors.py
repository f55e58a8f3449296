"""What can go wrong: positioned diagnostics, their collector, and the errors a user can fix.

Every user error is a `click.ClickException`, so click shows it without a traceback and
exits with its code: 1 when the work failed (the content has errors, the PDF could not be
made, a file could not be written), 2 when it was asked for in a way that cannot be done (a
folder it must not write).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

import click


class Severity(str, Enum):
    """How bad a problem is: an error stops the build; a warning does not, unless --strict."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        """The severity's name, as the text, GitHub and JSON formats show it."""
        return self.value

    def __format__(self, spec: str) -> str:
        """The severity's name, formatted like a str."""
        return format(self.value, spec)


ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, order=True)
class Mark:
    """A place in a source file: a path relative to the site folder, 1-based line and column.

    In a workbook, a cell of a sheet: line and col are its row and column (0: the whole
    sheet or file)."""

    path: str
    line: int = 1
    col: int = 1
    sheet: str = ""

    @property
    def place(self) -> str:
        """`line:col`, or in a workbook `Sheet!C7` (quoted as Excel quotes sheet names);
        empty for a whole file."""
        if not self.sheet:
            return f"{self.line}:{self.col}" if self.line else ""
        name = self.sheet
        if not name.replace("_", "a").replace(".", "a").isalnum():
            name = "'" + name.replace("'", "''") + "'"
        return f"{name}!{column_letters(self.col)}{self.line}" if self.line else name

    def __str__(self) -> str:
        """`path:line:col`, which editors and CI logs make clickable."""
        return f"{self.path}:{self.place}" if self.place else self.path


def column_letters(col: int) -> str:
    """A spreadsheet column's letters: 1 → A, 27 → AA."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content, with where it is and what to do about it.

    ``subject`` names the id the problem is about when that is not the file's own
    (a competency's missing expectation is about a level), so commands can select
    diagnostics without reading their messages.
    """

    mark: Mark
    severity: Severity
    code: str
    message: str
    hint: str = ""
    subject: str = ""

    @property
    def path(self) -> str:
        """The file's path, relative to the site folder."""
        return self.mark.path

    @property
    def line(self) -> int:
        """The 1-based line."""
        return self.mark.line

    @property
    def col(self) -> int:
        """The 1-based column."""
        return self.mark.col

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """The key that puts diagnostics in file, line and column order."""
        return (self.mark.path, self.mark.line, self.mark.col, self.code, self.message)

    def __str__(self) -> str:
        """`path:line:col: severity: message`."""
        return f"{self.mark}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects diagnostics from every phase so that one run reports them all."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(
        self, mark: Mark, code: str, message: str, hint: str = "", *, subject: str = ""
    ) -> None:
        """Record an error; returns nothing."""
        self.items.append(Diagnostic(mark, ERROR, code, message, hint, subject))

    def warning(
        self, mark: Mark, code: str, message: str, hint: str = "", *, subject: str = ""
    ) -> None:
        """Record a warning; returns nothing."""
        self.items.append(Diagnostic(mark, WARNING, code, message, hint, subject))

    def extend(self, other: Report) -> None:
        """Take in every diagnostic of another report; returns nothing."""
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        """The errors recorded so far."""
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings recorded so far."""
        return [d for d in self.items if d.severity == WARNING]

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic once, in file and line order."""
        return sorted(set(self.items), key=Diagnostic.sort_key)


class LadderpressError(click.ClickException):
    """A problem the user can fix: shown as `Error: message`, no traceback; exits 1."""

    exit_code = 1


class UsageProblem(LadderpressError):
    """What was asked cannot be done as asked, and nothing was changed; exits 2.

    ``param_hint`` names the argument or option at fault (`LEVEL`, `--target`), for the
    command line to show the problem as click shows a wrong value.
    """

    exit_code = 2

    def __init__(self, message: str, *, param_hint: str = "") -> None:
        super().__init__(message)
        self.param_hint = param_hint


class OutputError(UsageProblem):
    """The output folder cannot or must not be written; nothing was changed."""


class WriteError(OutputError):
    """Writing the output failed (no permission, a full disk, a file where a folder must be):
    not a usage error, so it exits 1."""

    exit_code = 1


class ScaffoldError(UsageProblem):
    """The files cannot be written as asked; nothing was written."""


class PrintError(LadderpressError):
    """The PDF could not be made (no browser, or the browser failed)."""


class ContentError(LadderpressError):
    """The content has errors; carries every diagnostic found, for the command to report."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__(f"{len(self.diagnostics)} problem(s) in the content")
