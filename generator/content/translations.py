"""Content in several languages: a translation is a copy of a content file beside it
(levels/pm.de.md beside levels/pm.md), translated. The sources of a language are the
original files with each translated one swapped for its translation, so a language's site
is read, checked and built exactly like the default one, with the same ids.

A translation records which version of its original it translates, by content:
``translated_from`` in its front matter is the fingerprint of the original that check
prints, so an edit to the original — not a newer file time — makes check say the
translation is behind.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

from generator.content import yamltree
from generator.content.filenames import is_translation_name
from generator.content.model import Site
from generator.content.sources import Document, Sources
from generator.errors import WARNING, Diagnostic, Mark

#: The front matter key of a translation that names the version of the original it follows.
TRANSLATED_FROM = "translated_from"


def fingerprint(document: Document) -> str:
    """A short hash of what a document says (its front matter's values and its body), the
    same whatever its file's time, line endings or YAML layout."""
    data = yamltree.to_python(document.front) if document.front is not None else None
    text = json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n" + document.body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def in_language(sources: Sources, language: str) -> Sources:
    """The sources of one language: each document with a translation in it swapped for the
    translation (its translated_from key set aside), the others as they are."""
    swapped = {
        (t.kind, t.stem): _without_marker(t) for t in sources.translations if t.language == language
    }
    documents = tuple(swapped.get((d.kind, d.stem), d) for d in sources.documents)
    return replace(sources, documents=documents, translations=())


def is_translation(path: str, language: str) -> bool:
    """True when a content file is a translation into the language (levels/pm.de.md, de)."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.endswith(f".{language}")


def translation_problems(sources: Sources, languages: tuple[str, ...]) -> list[Diagnostic]:
    """Warnings for translators: a translation into no language of the site, of no file,
    and one whose original changed since it was translated (or that does not say when)."""
    originals = {(d.kind, d.stem): d for d in sources.documents}
    found = []
    for translation in sources.translations:
        mark = Mark(translation.path)
        original = originals.get((translation.kind, translation.stem))
        if translation.language not in languages[1:]:
            found.append(
                Diagnostic(
                    mark,
                    WARNING,
                    "translation-unused",
                    f"'{translation.language}' is not one of the site's further languages, "
                    "so this translation is not used",
                    f"the site's languages are {', '.join(languages)} (languages: in site.yml)",
                )
            )
        elif original is None:
            found.append(
                Diagnostic(
                    mark,
                    WARNING,
                    "translation-orphan",
                    "this translation has no original beside it, so no page shows it",
                    f"a translation is named after its original: {translation.stem}.md",
                )
            )
        else:
            found.extend(_behind(translation, original))
    for data in sources.resources:
        if is_translation_name(data.path):
            found.append(
                Diagnostic(
                    Mark(data.path),
                    WARNING,
                    "translation-unread",
                    "translations of learning resources are not read yet, so this file is not used",
                    "resources show in the default language on every language's pages",
                )
            )
    return found


def structure_problems(original: Site, translated: Site, language: str) -> list[Diagnostic]:
    """A translation that changes the ladder's shape (a level's rank or tracks): warned
    about, since every language is to show the same ladder."""
    found = []
    for level in translated.levels:
        before = next((lv for lv in original.levels if lv.id == level.id), None)
        if before is None or not is_translation(level.path, language):
            continue
        for key in ("rank", "tracks"):
            if getattr(level, key) != getattr(before, key):
                found.append(
                    Diagnostic(
                        Mark(level.path),
                        WARNING,
                        "translation-shape",
                        f"'{key}' differs from {before.path}, so the ladder is not the same "
                        f"in every language",
                        f"write what {before.path} says: a translation changes only the words",
                    )
                )
    return found


def _behind(translation: Document, original: Document) -> list[Diagnostic]:
    """A warning when the translation does not follow the original as it is now."""
    now = fingerprint(original)
    node = (
        translation.front.get(TRANSLATED_FROM)
        if isinstance(translation.front, yamltree.Mapping)
        else None
    )
    written = node.text if isinstance(node, yamltree.Scalar) else ""
    if written == now:
        return []
    mark = node.mark if node is not None else Mark(translation.path)
    if not written:
        message = f"this translation does not say which version of {original.path} it follows"
    else:
        message = f"{original.path} changed after this translation was made from it"
    return [
        Diagnostic(
            mark,
            WARNING,
            "translation-behind",
            message,
            f"bring the translation up to date, then write {TRANSLATED_FROM}: {now} in its "
            "front matter",
        )
    ]


def _without_marker(document: Document) -> Document:
    """A translation with its translated_from key set aside, so it reads as its original."""
    front = document.front
    if not isinstance(front, yamltree.Mapping) or front.get(TRANSLATED_FROM) is None:
        return document
    items = tuple((k, v) for k, v in front.items if k.text != TRANSLATED_FROM)
    return replace(document, front=yamltree.Mapping(items, front.mark))
