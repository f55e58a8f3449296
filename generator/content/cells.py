"""What a spreadsheet cell means: which column a header names (in several languages),
a cell's statements and examples, lists of names, and ids made from titles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from generator.content.ids import id_from

#: Each role a column can play, and the header words that name it (compared without case,
#: accents or punctuation). The first roles win a header that several could claim.
ROLES: dict[str, tuple[str, ...]] = {
    "id": ("id", "slug", "key"),
    "rating": ("rating", "self rating", "score", "bewertung", "evaluation"),
    "level": (
        "level",
        "levels",
        "grade",
        "role",
        "band",
        "job title",
        "career level",
        "position",
        "stufe",
        "niveau",
        "nivel",
        "livello",
    ),
    "competency": (
        "competency",
        "competencies",
        "competence",
        "skill",
        "skills",
        "capability",
        "theme",
        "area",
        "dimension",
        "kompetenz",
        "competencia",
        "competenza",
        "fahigkeit",
    ),
    "category": (
        "category",
        "group",
        "pillar",
        "domain",
        "theme",
        "area",
        "kategorie",
        "categorie",
        "categoria",
    ),
    "text": (
        "expectation",
        "expectations",
        "text",
        "description",
        "proficiency",
        "behaviour",
        "behaviours",
        "behavior",
        "behaviors",
        "expected",
        "what good looks like",
        "erwartung",
        "erwartungen",
        "attente",
        "attentes",
        "expectativa",
        "descripcion",
    ),
    "examples": ("examples", "example", "evidence", "beispiele", "exemples", "ejemplos"),
    "track": ("track", "tracks", "path", "career path", "ladder", "laufbahn", "pfad"),
    "notes": ("notes", "note", "body", "details", "notizen"),
    "summary": ("summary", "zusammenfassung", "resume", "resumen"),
    "title": ("title", "name", "titel", "nom", "nombre", "resource"),
    "rank": ("rank", "order", "rang"),
    "aka": ("also known as", "aka", "other names"),
    "scope": ("scope",),
    "typical_experience": ("typical experience", "experience"),
    "next": ("next", "next levels", "leads to"),
    "kind": ("kind", "type", "format"),
    "url": ("url", "link", "address", "web address", "website"),
    "author": ("author", "by", "host", "publisher"),
    "competencies": ("competencies", "skills"),
    "levels": ("levels", "for levels", "suits"),
    "time": ("time", "duration", "length"),
    "cost": ("cost", "price"),
    "tags": ("tags", "labels"),
    "value": ("value", "wert"),
    "setting": ("setting", "key", "field"),
}
BULLETS = re.compile(r"^\s*(?:[•\-*+▪◦‣·]|\d{1,3}[.)]|[a-z][.)])\s+")
EXAMPLES_LINE = re.compile(r"^\s*(examples?|evidence|beispiele|exemples|ejemplos)\s*:\s*$", re.I)
ALL_TRACKS_WORDS = ("all", "all tracks", "every track", "*", "shared", "alle")


def normal(text: str) -> str:
    """Text as headers are compared: lower case, no accents, punctuation or extra spaces."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).replace("_", " ").split())


def role_of(header: str, roles: Iterable[str]) -> str:
    """The first of roles that the header names ('' when none does)."""
    word = normal(header)
    return next((r for r in roles if word in ROLES[r]), "")


def roles_of(headers: dict[int, str], roles: Iterable[str]) -> dict[str, int]:
    """Which column plays each role, roles in the order given: the column whose header is
    the role's likeliest word (leftmost on a tie); each column plays one role."""
    found: dict[str, int] = {}
    for role in roles:
        words = ROLES[role]
        ranked = sorted(
            (words.index(normal(header)), col)
            for col, header in headers.items()
            if col not in found.values() and normal(header) in words
        )
        if ranked:
            found[role] = ranked[0][1]
    return found


def items(lines: list[str]) -> list[str]:
    """Statements written as lines: "• " lines (other lines continue them), else lines with
    a list marker (-, *, 1.), else one statement a line."""
    lines = [line.rstrip() for line in lines if line.strip()]
    if any(line.lstrip().startswith("•") for line in lines):
        starts = [line.lstrip().startswith("•") for line in lines]
    elif any(BULLETS.match(line) for line in lines):
        starts = [bool(BULLETS.match(line)) for line in lines]
    else:
        return [line.strip() for line in lines]
    found: list[str] = []
    for line, start in zip(lines, starts):
        if start or not found:
            found.append(BULLETS.sub("", line, count=1).strip() if start else line.strip())
        else:
            found[-1] += "\n" + line.strip()
    return [f for f in found if f]


def statements(text: str) -> tuple[list[str], list[str]]:
    """A cell's statements and, after a line "Examples:", its examples."""
    lines = text.split("\n")
    cut = next((i for i, line in enumerate(lines) if EXAMPLES_LINE.match(line)), len(lines))
    return items(lines[:cut]), items(lines[cut + 1 :])


def names(text: str) -> list[str]:
    """Several names in one cell: one a line, or separated by semicolons or commas."""
    if "\n" in text:
        parts = text.split("\n")
    elif ";" in text:
        parts = text.split(";")
    else:
        parts = text.split(",")
    return [p.strip() for p in parts if p.strip()]


class Ids:
    """Ids made from titles, each unique: a second 'Senior PM' becomes senior-pm-2."""

    def __init__(self) -> None:
        self.taken: dict[str, str] = {}

    def make(self, title: str, wanted: str = "") -> tuple[str, str]:
        """The id for a title (wanted, when given), and the id it clashed with ('' if none)."""
        base = wanted or id_from(title)
        found, n = base, 2
        while found in self.taken:
            found, n = f"{base[:60]}-{n}", n + 1
        self.taken[found] = title
        return found, (base if found != base else "")
