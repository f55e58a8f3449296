"""sitestrings.py: content/strings/<language>.yml read into the model, its shape checked."""

from __future__ import annotations

import pytest

from generator.content.sitestrings import build_site_strings
from generator.content.sources import DataFile
from generator.errors import Report
from tests.content.helpers import data_file


def read(path, text):
    report = Report()
    found = build_site_strings((data_file(path, text),), report)
    return found, [(d.mark.line, d.code, d.message) for d in report.items]


def test_strings_are_kept_with_where_each_key_is():
    (own,), problems = read("content/strings/de.yml", 'nav.ladder: "Leiter"\nnav.more: Mehr\n')
    assert problems == []
    assert own.language == "de" and dict(own.messages) == {
        "nav.ladder": "Leiter",
        "nav.more": "Mehr",
    }
    assert own.marks["nav.more"].line == 2


@pytest.mark.parametrize(
    ("path", "text", "problem"),
    [
        (
            "content/strings/German.yml",
            "a: b\n",
            (
                1,
                "strings-language",
                "'German' is not a language tag, so no page would use these strings",
            ),
        ),
        (
            "content/strings/de.yml",
            "- a\n",
            (1, "strings-shape", "expected a mapping of string keys to text, got a list"),
        ),
        (
            "content/strings/de.yml",
            "a: 3\n",
            (1, "strings-shape", "'a': expected text, got a whole number"),
        ),
    ],
)
def test_what_is_not_a_language_s_strings_is_an_error(path, text, problem):
    found, problems = read(path, text)
    assert problems == [problem]
    assert all(not own.messages for own in found)  # a wrong value is left out, not guessed


def test_an_unreadable_file_adds_nothing():
    report = Report()
    assert build_site_strings((DataFile("content/strings/de.yml", None, ok=False),), report) == ()
    assert report.items == []
