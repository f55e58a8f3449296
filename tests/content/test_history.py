"""The framework's past from git: a site read at a revision exactly as a folder is, and the
versions its history records; no git, no repository and a shallow clone as notes."""

from __future__ import annotations

import pytest

from generator.content import history
from generator.content.history import load_revision, read_history, version_in
from generator.content.revisions import GitProblem, repository, resolve
from tests.conftest import SITES
from tests.gitrepo import git_env, shallow_clone, site_repo  # noqa: F401

pytestmark = pytest.mark.usefixtures("git_env")
BASE = SITES / "versions"
SITE_YML = (BASE / "site.yml").read_text(encoding="utf-8")


def versioned(version: str) -> str:
    return SITE_YML.replace('version: "1.0.0"', f'version: "{version}"')


@pytest.fixture
def repo(tmp_path):
    """The versions site committed as 1.0.0, then changed and released as 1.1.0 and 2.0.0."""
    repo = site_repo(tmp_path / "repo", BASE)
    repo.commit("First version", day="2026-01-15", tag="v1")
    strategy = (BASE / "content/competencies/strategy.md").read_text(encoding="utf-8")
    repo.commit(
        "A typo", {"content/competencies/strategy.md": strategy.replace("grounded", "grouned")}
    )
    repo.commit("Release 1.1.0", {"site.yml": versioned("1.1.0")}, day="2026-02-01", tag="v1.1")
    repo.commit("Title only", {"site.yml": versioned("1.1.0").replace("Versioned", "Our")})
    repo.commit(
        "Director re-ranked",
        {
            "content/levels/director.md": (BASE / "content/levels/director.md")
            .read_text()
            .replace("rank: 4", "rank: 5"),
            "site.yml": versioned("2.0.0"),
        },
        day="2026-03-01",
        tag="v2",
    )
    history._history.cache_clear()
    return repo


def test_each_commit_that_sets_a_new_version_starts_one(repo):
    found = read_history(repo.root)
    assert found.note == ""
    assert [(v.name, v.date, v.bump, v.note) for v in found.versions] == [
        ("2.0.0", "2026-03-01", "major", ""),
        ("1.1.0", "2026-02-01", "patch", ""),
        ("1.0.0", "2026-01-15", "", "first"),
    ]
    newest, middle, _ = found.versions
    assert [(c.area, c.action, c.ids) for c in newest.changes] == [
        ("level", "reranked", ("director",))
    ]
    assert [(c.area, c.action, c.ids) for c in middle.changes] == [
        ("expectation", "changed", ("senior-pm", "strategy"))
    ]
    assert newest.commit == repo.git("rev-parse", "v2").strip()


def test_the_same_history_gives_the_same_versions(repo):
    first = read_history(repo.root)
    history._history.cache_clear()
    assert read_history(repo.root) == first


def test_a_version_set_again_is_not_a_new_one(repo):
    repo.commit("Back", {"site.yml": versioned("1.1.0")})
    history._history.cache_clear()
    assert [v.name for v in read_history(repo.root).versions] == ["2.0.0", "1.1.0", "1.0.0"]


def test_a_version_with_broken_content_is_noted_and_the_next_compares_with_nothing(repo):
    repo.commit(
        "Broken",
        {
            "content/levels/director.md": "---\ntitle: D\ntrack: nowhere\nrank: 6\n---\n",
            "site.yml": versioned("3.0.0"),
        },
    )
    repo.commit(
        "Fixed",
        {
            "content/levels/director.md": (BASE / "content/levels/director.md").read_text(),
            "site.yml": versioned("3.0.1"),
        },
    )
    history._history.cache_clear()
    versions = read_history(repo.root).versions
    assert [(v.name, v.note, v.changes) for v in versions[:2]] == [
        ("3.0.1", "after-unreadable", ()),
        ("3.0.0", "unreadable", ()),
    ]


def test_an_old_revision_is_read_by_the_loader_with_its_revision_in_every_path(repo):
    repo.commit(
        "Broken",
        {"content/levels/director.md": "---\ntitle: D\ntrack: nowhere\nrank: 6\n---\n"},
        tag="broken",
    )
    git = repository(repo.root)
    site, problems = load_revision(git, resolve(git, "broken"), "broken")
    assert site is None
    errors = [str(d) for d in problems if d.severity == "error"]
    assert errors == [
        "broken:content/levels/director.md:3:8: error: 'track': unknown track 'nowhere' "
        "(known: ic, management, specialist)"
    ]


def test_a_site_in_a_folder_of_its_repository(tmp_path):
    repo = site_repo(tmp_path / "repo", BASE, "docs/ladder")
    repo.commit("One", {"content/levels/pm.md": "---\ntitle: PM\nrank: two\n---\n"}, tag="one")
    repo.commit(
        "Two",
        {
            "site.yml": versioned("2.0.0"),
            "content/levels/pm.md": (BASE / "content/levels/pm.md").read_text(),
        },
    )
    git = repository(repo.site)
    assert git.prefix == "docs/ladder/"
    _, problems = load_revision(git, resolve(git, "one"), "one")
    assert [d.mark.path for d in problems if d.severity == "error"] == [
        "one:docs/ladder/content/levels/pm.md"
    ]
    versions = read_history(repo.site).versions
    assert [(v.name, v.note) for v in versions] == [
        ("2.0.0", "after-unreadable"),
        ("1.0.0", "unreadable"),
    ]


def test_nothing_of_the_working_tree_is_touched(repo):
    (repo.site / "content/pages/about.md").write_text("---\ntitle: Edited\n---\nNot committed.\n")
    before = repo.git("status", "--porcelain")
    git = repository(repo.root)
    load_revision(git, resolve(git, "v1"), "v1")
    read_history(repo.root)
    assert repo.git("status", "--porcelain") == before == " M content/pages/about.md\n"


def test_a_folder_outside_git_has_a_note_not_an_error(tmp_path):
    assert read_history(tmp_path).note == "not-a-repository"
    with pytest.raises(GitProblem, match="is not in a git repository"):
        repository(tmp_path)


def test_without_git_there_is_a_note(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert read_history(tmp_path).note == "no-git"


def test_a_repository_without_commits_or_versions(tmp_path):
    repo = site_repo(tmp_path / "repo", BASE)
    assert read_history(repo.root).note == "no-commits"
    repo.commit("No version", {"site.yml": SITE_YML.replace('version: "1.0.0"\n', "")})
    assert read_history(repo.root).note == "no-versions"


def test_a_shallow_clone_has_a_note(repo, tmp_path):
    clone = shallow_clone(repo.root, tmp_path / "clone")
    assert read_history(clone).note == "shallow"
    git = repository(clone)
    with pytest.raises(GitProblem, match="unknown revision 'v1'") as raised:
        resolve(git, "v1")
    assert "shallow clone" in raised.value.hint


@pytest.mark.parametrize(
    ("text", "version"),
    [('version: "2.1"\n', "2.1"), ("version: 2.1\n", ""), ("title: x\n", ""), ("[broken\n", "")],
)
def test_the_version_is_read_as_the_loader_reads_it(text, version):
    assert version_in(text) == version
