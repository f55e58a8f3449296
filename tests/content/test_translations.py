"""translations.py: a language's sources, fingerprints, and what translators are told."""

from __future__ import annotations

from dataclasses import replace

from generator.content.sources import Document, Front, Sources, plan_defaults
from generator.content.translations import (
    fingerprint,
    in_language,
    is_translation,
    translation_problems,
)
from generator.content.yamltree import parse
from generator.errors import Report


def document(path, front, body="Text.", language=""):
    report = Report()
    node = parse(front, path, report)
    stem = path.rsplit("/", 1)[-1].split(".")[0]
    return Document("level", path, stem, Front.WRITTEN, node, body, 3, language)


def sources(*documents):
    originals = tuple(d for d in documents if not d.language)
    translations = tuple(d for d in documents if d.language)
    return Sources(None, None, None, originals, (), (), plan_defaults(), translations=translations)


ORIGINAL = document("content/levels/pm.md", "title: PM\nrank: 2\n")


def test_the_fingerprint_is_of_what_is_said_not_how_it_is_laid_out():
    relaid = document("content/levels/pm.md", "rank: 2\ntitle:   'PM'\n")
    assert fingerprint(relaid) == fingerprint(ORIGINAL)
    assert fingerprint(replace(ORIGINAL, body="Other.")) != fingerprint(ORIGINAL)


def test_a_language_s_sources_swap_in_its_translations():
    german = document(
        "content/levels/pm.de.md", "title: PM\nrank: 2\ntranslated_from: x\n", language="de"
    )
    other = document("content/levels/apm.md", "title: APM\nrank: 1\n")
    swapped = in_language(sources(ORIGINAL, other, german), "de")
    assert [d.path for d in swapped.documents] == [
        "content/levels/pm.de.md",
        "content/levels/apm.md",
    ]
    assert swapped.documents[0].front.get("translated_from") is None  # set aside
    assert in_language(sources(ORIGINAL, german), "es").documents == (ORIGINAL,)
    assert is_translation("content/levels/pm.de.md", "de") and not is_translation(
        ORIGINAL.path, "de"
    )


def test_translators_are_told_what_is_behind_unused_or_orphaned():
    now = fingerprint(ORIGINAL)
    current = document(
        "content/levels/pm.de.md", f"title: PM\ntranslated_from: {now}\n", language="de"
    )
    unmarked = document("content/levels/pm.es.md", "title: PM\n", language="es")
    old = document(
        "content/levels/pm.ar.md", "title: PM\ntranslated_from: 0123456789\n", language="ar"
    )
    orphan = document("content/levels/cto.de.md", "title: CTO\n", language="de")
    unused = document("content/levels/pm.fr.md", "title: PM\n", language="fr")
    found = translation_problems(
        sources(ORIGINAL, current, unmarked, old, orphan, unused), ("en", "de", "es", "ar")
    )
    assert [(d.mark.path, d.code) for d in found] == [
        ("content/levels/pm.es.md", "translation-behind"),
        ("content/levels/pm.ar.md", "translation-behind"),
        ("content/levels/cto.de.md", "translation-orphan"),
        ("content/levels/pm.fr.md", "translation-unused"),
    ]
    assert (
        found[0].message
        == "this translation does not say which version of content/levels/pm.md it follows"
    )
    assert found[1].mark.line == 2 and f"translated_from: {now}" in found[1].hint
