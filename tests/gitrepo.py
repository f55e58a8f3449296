"""Git repositories made in a temporary folder for the tests of diff and the history: a site
committed version by version, with fixed dates and tags, and a git that reads none of this
machine's configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import needs, write_files

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
