"""A theme's theme.yml: read through the loader, checked by the THEME table, errors positioned."""

from __future__ import annotations

import pytest

from generator.content.sources import load_theme_manifest
from generator.content.themes import theme_parent
from generator.errors import Report


def parent(
    tmp_path, text: str | bytes | None
) -> tuple[str | None, list[tuple[str, int, int, str]]]:
    """What themes/acme/theme.yml (None: no file) says acme extends, and every problem."""
    folder = tmp_path / "themes" / "acme"
    folder.mkdir(parents=True, exist_ok=True)
    if text is not None:
        data = text if isinstance(text, bytes) else text.encode()
        (folder / "theme.yml").write_bytes(data)
    manifest, report = load_theme_manifest(tmp_path, "acme")
    found = theme_parent(manifest, report)
    return found, [(d.path, d.line, d.col, d.code) for d in report.sorted()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, "default"),
        ("", "default"),
        ("# only a comment\n", "default"),
        ("name: Acme\ndescription: Our colours.\n", "default"),
        ("extends: default\n", "default"),
        ("extends: corporate\n", "corporate"),
        ("extends: null\n", None),
        ("extends:\n", None),
    ],
)
def test_what_a_theme_extends(tmp_path, text, expected):
    assert parent(tmp_path, text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name: Acme\nextends: [a, b]\n", (2, 10, "wrong-type")),
        ("extends: Corporate Blue\n", (1, 10, "bad-id")),
        ("extnds: default\n", (1, 1, "unknown-key")),
        ("- extends: default\n", (1, 1, "wrong-type")),
        ("extends: 'default\n", (1, 10, "yaml-syntax")),
        (b"extends: \xff\n", (1, 10, "not-utf8")),
    ],
)
def test_a_wrong_theme_yml_is_a_positioned_error(tmp_path, text, problem):
    _, problems = parent(tmp_path, text)
    assert problems == [("themes/acme/theme.yml", *problem)]


def test_a_misspelt_key_is_answered_with_the_right_one(tmp_path):
    (tmp_path / "themes" / "acme").mkdir(parents=True)
    (tmp_path / "themes" / "acme" / "theme.yml").write_text("extnds: default\n")
    manifest, report = load_theme_manifest(tmp_path, "acme")
    theme_parent(manifest, report)
    assert [(d.message, d.hint) for d in report.items] == [
        ("unknown key 'extnds'", "did you mean 'extends'?")
    ]


def test_no_theme_yml_is_no_manifest(tmp_path):
    assert load_theme_manifest(tmp_path, "nowhere") == (None, Report())
