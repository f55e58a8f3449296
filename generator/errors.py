"""Positioned diagnostics, and the collector that gathers every one of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: an error stops the build; a warning does not, unless --strict."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


ERROR = Severity.ERROR
WARNING = Severity.WARNING


@dataclass(frozen=True, order=True)
class Mark:
    """A place in a source file: a path relative to the site folder, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content, with where it is and what to do about it."""

    mark: Mark
    severity: Severity
    code: str
    message: str
    hint: str = ""

    @property
    def path(self) -> str:
        return self.mark.path

    @property
    def line(self) -> int:
        return self.mark.line

    @property
    def col(self) -> int:
        return self.mark.col

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.mark.path, self.mark.line, self.mark.col, self.code, self.message)

    def __str__(self) -> str:
        return f"{self.mark}: {self.severity}: {self.message}"


@dataclass
class Report:
    """Collects diagnostics from every phase so that one run reports them all."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, mark: Mark, code: str, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(mark, ERROR, code, message, hint))

    def warning(self, mark: Mark, code: str, message: str, hint: str = "") -> None:
        self.items.append(Diagnostic(mark, WARNING, code, message, hint))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic once, in file and line order."""
        return sorted(set(self.items), key=Diagnostic.sort_key)


class ContentError(Exception):
    """Raised when content has errors; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(f"{len(diagnostics)} problem(s) in the content")
