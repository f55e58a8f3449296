"""The /changes/ page from the site's git history: each version with its day and changes
grouped by level, the same bytes from the same history, and a note instead when there is
no history to read (no repository, a shallow clone); the marks and what worksheets get."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.commands.build import prepare, render_pages
from generator.content import history
from generator.site.changelog import (
    NOTES,
    VERSION_NOTES,
    changed_marks,
    changed_since,
    changes_view,
    note_text,
)
from generator.site.pages import page_inputs
from generator.site.worksheets import plan_targets
from tests.conftest import REPO
from tests.gitrepo import example_repo, git_env, git_environ, shallow_clone  # noqa: F401

pytestmark = pytest.mark.usefixtures("git_env")


def changes_page(root: Path) -> str:
    prepared = prepare(root)
    spec = next(s for s in prepared.specs if s.kind == "changes")
    assert spec.path == "changes/index.html"
    return render_pages(prepared, root, [spec])[spec.path].decode("utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    with git_environ():
        yield example_repo(tmp_path_factory.mktemp("history") / "repo")


def test_each_version_with_its_day_and_changes_grouped_by_level(repo):
    page = changes_page(repo.site)
    main = page[page.index('<main id="main"') :]
    assert main.index("Version 2026.2") < main.index("Version 2026.1")
    assert (
        '<time datetime="2026-03-02">March 2, 2026</time> · More is asked at some levels.' in main
    )
    assert '<h3 id="version-2026-2-level-apm">Associate Product Manager</h3>' in main
    assert '<h3 id="version-2026-2-level-senior-pm">Senior Product Manager</h3>' in main
    assert "<del>Retires</del> <ins>Reviews the strategy every quarter, retires</ins>" in main
    assert "The first version recorded." in main


def test_the_same_history_gives_the_same_bytes(repo):
    first = changes_page(repo.site)
    history._history.cache_clear()
    assert changes_page(repo.site) == first


def test_the_page_is_made_from_no_content_file(repo):
    prepared = prepare(repo.site)
    specs = [s for s in prepared.specs if s.kind == "changes"]
    navigation = {p.path for p in prepared.site.pages}
    assert page_inputs(prepared.site, specs)["changes/index.html"] == navigation


MARK = "version-2026-2-level-senior-pm_product-strategy"


def test_marks_and_what_a_worksheet_is_told(repo):
    site = prepare(repo.site).site
    marks = changed_marks(site, "senior-pm")
    assert list(marks) == ["product-strategy"]
    assert (marks["product-strategy"].version, marks["product-strategy"].anchor) == ("2026.2", MARK)
    assert changed_marks(site, "apm") == {}  # a typo is no change to mark
    assert changed_since(site, ("senior-pm",)) == [
        {
            "version": "2026.2",
            "anchor": "version-2026-2",
            "changes": [
                {
                    "text": "Senior Product Manager · Product strategy: expectation changed",
                    "anchor": MARK,
                }
            ],
        },
        {"version": "2026.1", "anchor": "version-2026-1", "changes": []},
    ]
    assert changed_since(site, ("apm", "pm")) == [
        {"version": "2026.2", "anchor": "version-2026-2", "changes": []},
        {"version": "2026.1", "anchor": "version-2026-1", "changes": []},
    ]


def rendered(root: Path, kind: str, *key: str) -> str:
    prepared = prepare(root)
    spec = next(s for s in prepared.specs if s.kind == kind and s.key == key)
    return render_pages(prepared, root, [spec])[spec.path].decode("utf-8")


def test_a_level_page_marks_what_the_latest_version_changed(repo):
    page = rendered(repo.site, "level", "senior-pm")
    link = (
        f'<p class="changed-in"><a href="../../changes/#{MARK}">Changed in 2026.2'
        '<span class="visually-hidden"> (Product strategy: see what changed)</span></a></p>'
    )
    assert page.count('class="changed-in"') == 1 and link in page
    section = page[page.index('id="c-product-strategy"') :]
    assert section.index(link) < section.index('class="expectation-body"')  # beside it
    assert 'class="changed-in"' not in rendered(repo.site, "level", "apm")  # only a typo
    # Every page's foot names the version, a link to what changed in it and before.
    assert '· <a href="../../changes/">version 2026.2</a>' in page


def test_a_mark_links_to_its_change_on_the_changes_page(repo):
    page = changes_page(repo.site)
    assert f'<li class="change change-major" id="{MARK}">' in page
    assert page.count(f'id="{MARK}"') == 1


def test_a_worksheet_shows_its_version_and_what_changed_in_each(repo):
    page = rendered(repo.site, "plan", "senior-pm")
    assert 'data-framework-version="2026.2"' in page
    assert '<span class="sheet-version">Framework version 2026.2</span>' in page
    data = page.split('<script type="application/json" id="lp-changed-since">', 1)[1]
    data = json.loads(data.split("</script>", 1)[0])
    site = prepare(repo.site).site
    targets = [t.id for t in plan_targets(site, site.level("senior-pm"))]
    assert data == changed_since(site, ("senior-pm", targets[0]))
    assert data[0]["changes"][0]["anchor"] == MARK
    assert '<section id="changed-since" class="sheet-changed"' in page


def test_no_marks_and_no_versions_outside_git(tmp_path):
    root = _copy(tmp_path)
    assert 'class="changed-in"' not in rendered(root, "level", "senior-pm")
    plan = rendered(root, "plan", "senior-pm")
    assert '<script type="application/json" id="lp-changed-since">[]</script>' in plan
    assert 'data-framework-version="2026.1"' in plan  # the version is still recorded


def test_a_site_outside_git_builds_with_a_note(tmp_path):
    page = changes_page(example_copy := _copy(tmp_path))
    assert "This site was not built from a git repository" in page
    assert changes_view(prepare(example_copy).site)["versions"] == []


def test_a_shallow_clone_builds_with_a_note(repo, tmp_path):
    clone = shallow_clone(repo.root, tmp_path / "clone")
    assert "shallow clone" in changes_page(clone)


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yml", root / "site.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.mark.parametrize("note", [*NOTES, *VERSION_NOTES])
def test_every_note_has_its_words(note):
    assert note_text(note).endswith(".") and len(note_text(note)) > 20
    assert note_text("") == ""


def test_the_page_speaks_the_sites_language(tmp_path):
    """Its title, notes and sizes are the theme's strings, translated like the rest."""
    root = _copy(tmp_path)
    site_yml = root / "site.yml"
    site_yml.write_text(site_yml.read_text().replace("language: en", "language: de"))
    page = changes_page(root)
    assert "<h1>Was sich geändert hat</h1>" in page
    assert "nicht aus einem git-Repository gebaut" in page
