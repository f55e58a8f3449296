"""Git repositories made in a temporary folder for the tests of diff and the history: a site
committed version by version, with fixed dates and tags, and a git that reads none of this
machine's configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.content import history
from tests.conftest import REPO, needs, write_files

#: Who commits, and no configuration from the machine (hooks, signing, default branch).
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.test",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.test",
}


class Repo:
    """A git repository at root, whose site folder is root/site_path."""

    def __init__(self, root: Path, site_path: str = ""):
        self.root = root
        self.site = root / site_path if site_path else root
        self.site.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, day: str = "2026-01-15") -> str:
        """Run git in the repository (commits dated at noon UTC on day); its output."""
        when = f"{day}T12:00:00+00:00"
        env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**_environ(), **env},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def commit(
        self,
        message: str,
        files: dict[str, str | bytes | None] | None = None,
        *,
        day: str = "2026-01-15",
        tag: str | None = None,
    ) -> str:
        """Write (or delete) files below the site folder, commit everything, maybe tag it;
        the commit's sha."""
        write_files(self.site, files or {})
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, day=day)
        if tag:
            self.git("tag", tag)
        return self.git("rev-parse", "HEAD").strip()


def _environ() -> dict[str, str]:
    return {**os.environ, **GIT_ENV}


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ladderpress's own git calls, like the tests', read no configuration of this machine."""
    needs("git", shutil.which("git"), "apt-get install -y git")
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


@contextmanager
def git_environ() -> Iterator[None]:
    """git_env for a fixture wider than a test: this machine's configuration unread."""
    needs("git", shutil.which("git"), "apt-get install -y git")
    old = dict(os.environ)
    os.environ.update(GIT_ENV)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(old)


#: The expectation that version 2026.2 of the example rewords.
STRATEGY = "content/competencies/product-strategy.md"


def example_repo(root: Path) -> Repo:
    """The example committed as version 2026.1 (tagged v2026.1), then as 2026.2 (v2026.2)
    with one of Senior PM's expectations reworded and a typo made in one of APM's."""
    repo = Repo(root)
    for part in ("site.yml", "content"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, repo.site / part)
        else:
            (repo.site / part).write_text(source.read_text(encoding="utf-8"))
    repo.commit("The example", day="2026-01-15", tag="v2026.1")
    text = (repo.site / STRATEGY).read_text(encoding="utf-8")
    reworded = text.replace(
        "    - Retires roadmap", "    - Reviews the strategy every quarter, retires roadmap"
    )
    typo = reworded.replace("in their own words, the strategy", "in their own words, the stratgy")
    assert text != reworded != typo, "the example no longer has the text this history edits"
    site_yml = (repo.site / "site.yml").read_text().replace('"2026.1"', '"2026.2"')
    repo.commit(
        "Version 2026.2", {STRATEGY: typo, "site.yml": site_yml}, day="2026-03-02", tag="v2026.2"
    )
    history._history.cache_clear()
    return repo


def site_repo(root: Path, base: Path, site_path: str = "") -> Repo:
    """A repository at root whose site folder (root/site_path) starts as a copy of base,
    not yet committed."""
    repo = Repo(root, site_path)
    shutil.copytree(base, repo.site, dirs_exist_ok=True)
    return repo


def shallow_clone(source: Path, dest: Path) -> Path:
    """A clone of the repository at source with only its latest commit, as CI often makes."""
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{source}", str(dest)],
        check=True,
        env=_environ(),
    )
    return dest
