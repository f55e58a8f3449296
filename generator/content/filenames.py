"""What a file's name says before it is read: whether the reader passes over it, and whether
it is a translation of another file (levels/pm.de.md of levels/pm.md)."""

from __future__ import annotations

import fnmatch

from generator.content.bundled import LANGUAGE_TAG

#: Names the reader and serve's watcher pass over: dotfiles, editors' backups and temp files.
IGNORED = (".*", "#*#", "*~", "4913", "*.sw?", "*___jb_tmp___", "*___jb_old___")


def translated(name: str) -> tuple[str, str]:
    """(the original's file name, the language) of a translation's file name: pm.de.md is
    (pm.md, de); any other name is (name, "")."""
    stem, dot, language = name.rpartition(".")[0].rpartition(".")
    if dot and stem and LANGUAGE_TAG.fullmatch(language):
        return f"{stem}.{name.rpartition('.')[2]}", language
    return name, ""


def ignored(name: str) -> bool:
    """True for a file or folder name that matches IGNORED: nothing is read from it."""
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED)


def is_translation_name(path: str) -> bool:
    """True for the path of a translation (content/resources/books.de.yml)."""
    return bool(translated(path.rsplit("/", 1)[-1])[1])
