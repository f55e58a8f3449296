"""A site's files at a git revision (content/revisions.py), read through git without touching
the working tree; git's failures as GitProblem sentences."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.content.revisions import (
    Commit,
    GitProblem,
    default_branch,
    export,
    head,
    merge_base,
    messages,
    repository,
    resolve,
    run_git,
    site_yml_commits,
)
from generator.site.cache import CACHE_FOLDER
from tests.conftest import SITES
from tests.gitrepo import Repo, git_env, site_repo  # noqa: F401

pytestmark = pytest.mark.usefixtures("git_env")
BASE = SITES / "minimal"


@pytest.fixture
def repo(tmp_path) -> Repo:
    """The minimal site in the folder docs/ladder of a repository: tagged v1, then changed."""
    repo = site_repo(tmp_path / "repo", BASE, "docs/ladder")
    repo.commit("First", day="2026-01-15", tag="v1")
    repo.commit(
        "Organization\n\nClarifies: pm",
        {"site.yml": "title: Minimal Ladder\norganization: Us\n"},
        day="2026-02-01",
    )
    repo.commit(
        "A page", {"content/pages/faq.md": "---\ntitle: FAQ\n---\nAsk.\n"}, day="2026-02-03"
    )
    return repo


def test_repository_finds_the_top_and_the_site_folders_place_in_it(repo):
    found = repository(repo.site)
    assert found.top == repo.root.resolve()
    assert (found.prefix, found.shallow) == ("docs/ladder/", False)
    assert repository(repo.root).prefix == ""


def test_a_folder_outside_a_repository_is_a_problem_to_show(tmp_path):
    with pytest.raises(GitProblem) as caught:
        repository(tmp_path)
    assert caught.value.message == f"{tmp_path} is not in a git repository"
    assert caught.value.hint.startswith("compare two folders instead")


def test_run_git_gives_the_output_or_gits_own_complaint(repo):
    assert run_git(repo.root, "rev-parse", "--abbrev-ref", "HEAD") == b"main\n"
    with pytest.raises(GitProblem) as caught:
        run_git(repo.root, "cat-file", "-p", "nosuchthing")
    assert caught.value.message.startswith("git cat-file failed: ")
    assert caught.value.said and caught.value.said in caught.value.message


def test_pathspecs_are_taken_literally(repo):
    repo.commit("Star", {"content/pages/[x].md": "---\ntitle: X\n---\n"})
    listed = run_git(repo.root, "ls-files", "--", "docs/ladder/content/pages/[x].md")
    assert listed == b"docs/ladder/content/pages/[x].md\n"
    assert run_git(repo.root, "ls-files", "--", "docs/ladder/content/pages/*.md") == b""


def test_resolve_names_a_commit_or_says_what_to_name(repo):
    found = repository(repo.site)
    first = repo.git("rev-parse", "v1").strip()
    assert resolve(found, "v1") == first
    assert resolve(found, "HEAD~2") == first
    with pytest.raises(GitProblem, match="unknown revision 'v9'") as caught:
        resolve(found, "v9")
    assert caught.value.hint.startswith("name a tag, a branch or a commit")
    for bad in ("", "--all"):
        with pytest.raises(GitProblem, match="is not a revision"):
            resolve(found, bad)


def test_head_and_the_default_branch(repo, tmp_path):
    found = repository(repo.site)
    assert head(found) == repo.git("rev-parse", "HEAD").strip()
    assert default_branch(found) == "main"
    empty = Repo(tmp_path / "empty")
    assert head(repository(empty.root)) is None
    with pytest.raises(GitProblem, match="cannot tell the repository's default branch"):
        default_branch(repository(empty.root))


def test_the_default_branch_of_a_clone_is_origins(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo.root), str(clone)], check=True)
    assert default_branch(repository(clone)) == "origin/main"


def test_merge_base_is_where_the_histories_meet(repo):
    first = repo.git("rev-parse", "v1").strip()
    repo.git("branch", "feature", "v1")
    assert merge_base(repository(repo.site), "feature") == first
    with pytest.raises(GitProblem, match="HEAD and nowhere have no common commit"):
        merge_base(repository(repo.site), "nowhere")


def test_export_writes_the_site_as_it_was(repo, tmp_path):
    found = repository(repo.site)
    out = tmp_path / "v1"
    assert export(found, resolve(found, "v1"), out) is True
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    # What the commit holds: the sample's files, not a build cache left beside them.
    expected = sorted(
        str(p.relative_to(BASE))
        for p in BASE.rglob("*")
        if p.is_file() and CACHE_FOLDER not in p.relative_to(BASE).parts
    )
    assert written == expected
    assert (out / "site.yml").read_bytes() == (BASE / "site.yml").read_bytes()
    # The working tree is untouched.
    assert (repo.site / "content/pages/faq.md").is_file()


def test_export_reads_themes_and_assets_by_name_only_and_links_go_nowhere(repo, tmp_path):
    repo.commit(
        "Theme and assets",
        {
            "themes/ours/templates/level.html": "<p>{{ level.title }}</p>",
            "content/assets/logo.svg": "<svg/>",
        },
    )
    (repo.site / "content/pages/link.md").symlink_to("/etc/passwd")
    repo.commit("A link")
    found = repository(repo.site)
    out = tmp_path / "now"
    assert export(found, resolve(found, "HEAD"), out)
    assert (out / "themes/ours/templates").is_dir()
    assert not (out / "themes/ours/templates/level.html").exists()
    assert (out / "content/assets/logo.svg").read_bytes() == b""
    link = out / "content/pages/link.md"
    assert link.is_symlink() and not link.exists()


def test_export_of_a_revision_without_site_yml_says_so(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit("Nothing yet", {"README.md": "hello"})
    found = repository(repo.root)
    assert export(found, resolve(found, "HEAD"), tmp_path / "none") is False
    repo.commit("Content only", {"content/pages/faq.md": "---\ntitle: FAQ\n---\n"})
    out = tmp_path / "content-only"
    assert export(found, resolve(found, "HEAD"), out) is False
    assert (out / "content/pages/faq.md").is_file()


def test_site_yml_commits_oldest_first_with_their_day_and_text(repo):
    found = site_yml_commits(repository(repo.site))
    assert [(c.date, c.site_yml) for c in found] == [
        ("2026-01-15", (BASE / "site.yml").read_text()),
        ("2026-02-01", "title: Minimal Ladder\norganization: Us\n"),
    ]
    assert all(isinstance(c, Commit) and len(c.sha) == 40 for c in found)


def test_site_yml_commits_of_a_repository_without_commits(tmp_path):
    repo = Repo(tmp_path / "empty")
    assert site_yml_commits(repository(repo.root)) == []


def test_messages_of_the_commits_after_a_revision(repo):
    found = repository(repo.site)
    first = resolve(found, "v1")
    assert messages(found, first, None) == ["A page", "Organization\n\nClarifies: pm"]
    assert messages(found, first, resolve(found, "HEAD~1")) == ["Organization\n\nClarifies: pm"]
    assert messages(found, resolve(found, "HEAD"), None) == []


def test_a_missing_git_is_a_problem_to_show(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GitProblem) as caught:
        run_git(tmp_path, "status")
    assert (caught.value.message, caught.value.hint) == (
        "git is not installed (or not on PATH)",
        "install git to compare revisions",
    )
