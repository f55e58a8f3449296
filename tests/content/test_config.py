"""site.yml → SiteConfig: the SITE table's defaults, and the settings a wrong file leaves unknown."""

from __future__ import annotations

from generator.content.config import site_config
from generator.content.model import BUILTIN_RESOURCE_KINDS
from generator.content.settings import SITE
from generator.content.sources import DataFile
from generator.errors import Report
from tests.content.helpers import data_file, problems


def config(text: str, assets: tuple[str, ...] = (), themes: tuple[str, ...] = ()):
    report = Report()
    return site_config(data_file("site.yml", text), assets, themes, report), report


def test_every_setting_not_written_is_the_site_table_s_default():
    settings, report = config("title: T\n")
    assert report.items == [] and settings.unknown == frozenset()
    for field in SITE.fields:
        if field.default is not None and field.name not in ("resource_kinds", "languages"):
            assert getattr(settings, field.name) == field.default, field.name
    assert settings.resource_kinds == BUILTIN_RESOURCE_KINDS
    assert settings.languages == ("en",)  # language: alone
    assert settings.markdown_html is False and dict(settings.colors) == {}


def test_settings_written():
    settings, report = config(
        "title: T\nlanguage: de\ncolors: {primary: '#ABCDEF'}\nmarkdown: {html: true}\n"
        "resource_kinds: [book, workshop]\nlogo: assets/l.svg\ntheme: acme\n",
        assets=("content/assets/l.svg",),
        themes=("acme",),
    )
    assert report.items == []
    assert (settings.language, dict(settings.colors), settings.markdown_html) == (
        "de",
        {"primary": "#abcdef"},
        True,
    )
    assert settings.resource_kinds == (*BUILTIN_RESOURCE_KINDS, "workshop")
    assert (settings.logo, settings.theme) == ("assets/l.svg", "acme")


def test_a_missing_logo_and_an_unknown_theme():
    _, report = config("title: T\nlogo: assets/l.svg\ntheme: fancy\n")
    assert problems(report) == [("site.yml", 2, 7, "bad-link"), ("site.yml", 3, 8, "unknown-theme")]


def test_a_wrong_setting_is_unknown_and_its_default_stands_in():
    settings, report = config("title: T\npaper: a5\nmarkdown: {html: yes}\n")
    assert [d.code for d in report.items] == ["bad-choice", "wrong-type"]
    assert settings.paper == "a4" and settings.markdown_html is False
    assert settings.unknown == {"paper", "markdown"}


def test_another_wrong_key_under_markdown_leaves_html_known():
    settings, _ = config("title: T\nmarkdown: {html: true, typographer: true}\n")
    assert settings.markdown_html is True and "markdown" not in settings.unknown


def test_an_empty_or_unreadable_site_yml():
    report = Report()
    empty = site_config(DataFile("site.yml", None), (), (), report)
    assert [d.code for d in report.items] == ["empty-site"]
    broken = site_config(DataFile("site.yml", None, ok=False), (), (), Report())
    # Nothing in it could be read, so every setting waits, markdown's too.
    assert "markdown" in broken.unknown and "title" in broken.unknown
    assert empty.title == "" and empty.base_url == "/"


def test_languages_put_the_default_first():
    settings, report = config("title: T\nlanguages: [de, en]\n")
    assert report.items == [] and settings.language == "de" and settings.languages == ("de", "en")
    settings, report = config("title: T\nlanguage: en\nlanguages: [de, 'English']\n")
    assert [(d.code, d.mark.line) for d in report.items] == [
        ("language-tag", 3),
        ("language-first", 2),
    ]
