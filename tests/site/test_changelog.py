"""The /changes/ page from the site's git history: each version with its day and changes
grouped by level, the same bytes from the same history, and a note instead when there is
no history to read (no repository, a shallow clone); the marks and what worksheets get."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.commands.build import prepare, render_pages
from generator.content import history
from generator.site.changelog import changed_marks, changed_since, changes_view
from generator.site.pages import page_inputs
from tests.conftest import REPO
from tests.gitrepo import GIT_ENV, Repo, git_env, shallow_clone  # noqa: F401

pytestmark = pytest.mark.usefixtures("git_env")
STRATEGY = "content/competencies/product-strategy.md"


def example_repo(root: Path) -> Repo:
    """The example committed as version 2026.1, then with one expectation reworded and a
    typo made in another, as 2026.2."""
    repo = Repo(root)
    for part in ("site.yml", "content"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, repo.site / part)
        else:
            (repo.site / part).write_text(source.read_text(encoding="utf-8"))
    repo.commit("The example", day="2026-01-15", tag="v2026.1")
    text = (repo.site / STRATEGY).read_text(encoding="utf-8")
    text = text.replace(
        "    - Retires roadmap", "    - Reviews the strategy every quarter, retires roadmap"
    )
    text = text.replace("in their own words, the strategy", "in their own words, the stratgy")
    site_yml = (repo.site / "site.yml").read_text().replace('"2026.1"', '"2026.2"')
    repo.commit(
        "Version 2026.2", {STRATEGY: text, "site.yml": site_yml}, day="2026-03-02", tag="v2026.2"
    )
    history._history.cache_clear()
    return repo


def changes_page(root: Path) -> str:
    prepared = prepare(root)
    spec = next(s for s in prepared.specs if s.kind == "changes")
    assert spec.path == "changes/index.html"
    return render_pages(prepared, root, [spec])[spec.path].decode("utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    old = dict(os.environ)
    os.environ.update(GIT_ENV)
    try:
        yield example_repo(tmp_path_factory.mktemp("history") / "repo")
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_each_version_with_its_day_and_changes_grouped_by_level(repo):
    page = changes_page(repo.site)
    main = page[page.index('<main id="main"') :]
    assert main.index("Version 2026.2") < main.index("Version 2026.1")
    assert '<time datetime="2026-03-02">2026-03-02</time> · More is asked at some levels.' in main
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


def test_marks_and_what_a_worksheet_is_told(repo):
    site = prepare(repo.site).site
    marks = changed_marks(site, "senior-pm")
    assert list(marks) == ["product-strategy"]
    assert (marks["product-strategy"].version, marks["product-strategy"].anchor) == (
        "2026.2",
        "version-2026-2-level-senior-pm",
    )
    assert changed_marks(site, "apm") == {}  # a typo is no change to mark
    assert changed_since(site, ("senior-pm",)) == [
        {
            "version": "2026.2",
            "anchor": "version-2026-2",
            "changes": ["Senior Product Manager · Product strategy: expectation changed"],
        },
        {"version": "2026.1", "anchor": "version-2026-1", "changes": []},
    ]


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
