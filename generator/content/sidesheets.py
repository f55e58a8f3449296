"""The sheets beside the expectations: About, Tracks, Levels, Competencies and Resources,
each a table with a header row, read into rows of named values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.cells import normal, roles_of
from generator.content.types import URL_PATTERN
from generator.content.workbook import Sheet
from generator.errors import Mark, Report

#: Which sheets are which, by a word in their names (compared as headers are).
SIDE_SHEETS = {
    "about": ("about", "settings", "framework"),
    "tracks": ("tracks",),
    "levels": ("levels", "grades", "roles"),
    "competencies": ("competencies", "skills"),
    "resources": ("resources", "learning", "learning resources", "reading", "library"),
}
ROWS_OF = {
    "tracks": ("id", "track", "title", "summary", "notes"),
    "levels": (
        "id",
        "level",
        "title",
        "track",
        "rank",
        "aka",
        "summary",
        "scope",
        "typical_experience",
        "next",
        "notes",
    ),
    "competencies": ("id", "competency", "title", "category", "track", "summary", "notes"),
}
_RESOURCE_ROLES = (
    "title",
    "kind",
    "url",
    "author",
    "competencies",
    "competency",
    "levels",
    "level",
    "time",
    "cost",
    "notes",
    "tags",
    "summary",
)


@dataclass(frozen=True)
class Row:
    """One row of a side sheet: each role's text, and the mark of each role's cell."""

    values: dict[str, str]
    marks: dict[str, Mark]
    mark: Mark
    url: str = ""

    def get(self, role: str) -> str:
        """The text of the role's cell ('' when there is none)."""
        return self.values.get(role, "")


def side_kind(sheet: Sheet) -> str:
    """Which side sheet this is ('' for a sheet of expectations): one named like a side
    sheet, and for tracks, levels and competencies one whose every column is known
    (a sheet "Levels" with a column per competency holds expectations)."""
    word = normal(sheet.name)
    kind = next((k for k, words in SIDE_SHEETS.items() if word in words), "")
    if kind in ROWS_OF:
        top = min((r for r, _ in sheet.cells), default=0)
        headers = {c: sheet.text(top, c) for c in range(1, sheet.cols + 1) if sheet.text(top, c)}
        if len(roles_of(headers, ROWS_OF[kind])) < len(headers):
            return ""
    return kind


def rows(sheet: Sheet, roles: tuple[str, ...]) -> list[Row]:
    """Every row below the header with a filled cell of a known role."""
    top = min((r for r, _ in sheet.cells), default=0)
    headers = {c: sheet.text(top, c) for c in range(1, sheet.cols + 1) if sheet.text(top, c)}
    found = roles_of(headers, roles)
    out = []
    for row in range(top + 1, sheet.rows + 1):
        values = {role: sheet.text(row, col) for role, col in found.items() if sheet.text(row, col)}
        if values:
            marks = {role: sheet.mark(row, col) for role, col in found.items()}
            url = next(
                (
                    sheet.cells[(row, c)].url
                    for c in found.values()
                    if (row, c) in sheet.cells and sheet.cells[(row, c)].url
                ),
                "",
            )
            out.append(Row(values, marks, sheet.mark(row, 1), url))
    return out


def about(sheet: Sheet) -> dict[str, str]:
    """The settings an About sheet gives: a row per setting, its name then its value."""
    known = {"title", "organization", "description", "version", "language"}
    found = {}
    for row in range(1, sheet.rows + 1):
        key = normal(sheet.text(row, 1)).replace("organisation", "organization")
        if key in known and sheet.text(row, 2):
            found[key] = sheet.text(row, 2)
    return found


def resources(sheet: Sheet, report: Report) -> list[Row]:
    """The learning resources of a Resources sheet: a row with a link or a title each; the
    competency and level cells may carry down from the row above."""
    found = []
    carried: dict[str, str] = {}
    for row in rows(sheet, _RESOURCE_ROLES):
        values, marks = dict(row.values), dict(row.marks)
        for one, many in (
            ("competency", "competencies"),
            ("level", "levels"),
            ("summary", "notes"),
        ):
            if one in marks:
                marks[many] = marks.pop(one)
            if one in values:
                values[many] = values.pop(one)
        url = values.get("url", "") or row.url
        if not url and "://" in values.get("title", ""):
            url = values["title"]
        for role in ("competencies",):
            if role in values:
                carried[role] = values[role]
            elif carried.get(role) and "title" in values:
                values[role] = carried[role]
        if "title" not in values and not url:
            continue
        values.setdefault("title", url)
        if url:
            values["url"] = url
        if url and not url.startswith(("http://", "https://")):
            if re.match(URL_PATTERN, url):  # a file of the site: no spreadsheet holds it
                report.warning(
                    marks.get("url", row.mark),
                    "sheet-file-link",
                    f"'{values['title']}' links to {url}, a file of the site that the "
                    "spreadsheet does not hold: it is imported without its link",
                    f"copy the file to content/{url} in the new site, and add url: {url} "
                    "to the resource in content/resources/resources.yml",
                )
                del values["url"]
                url = ""
            else:
                report.error(
                    marks.get("url", row.mark),
                    "sheet-bad-link",
                    f"the link '{url}' is not an http(s) address",
                    "write the resource's full web address, starting with https://",
                )
                continue
        kind = normal(values.get("kind", "")).replace(" ", "-")
        values["kind"] = kind or "article"
        cost = normal(values.get("cost", ""))
        if cost and cost not in ("free", "paid"):
            report.error(
                marks["cost"],
                "sheet-bad-cost",
                f"the cost '{values['cost']}' is not free or paid",
                "write free or paid, or leave the cell empty",
            )
            continue
        if cost:
            values["cost"] = cost
        found.append(Row(values, marks, row.mark, url))
    return found
