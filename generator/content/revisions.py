"""A site's files as they were at a git revision, read through git itself.

Revisions are read with `git ls-tree` and `git cat-file` into a temporary folder that the
loader then reads like any site folder; the working tree, the index and the checked-out
branch are never touched. A missing git, a folder outside a repository, an unknown
revision or a shallow history raise GitProblem with a sentence to show, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

#: What of a site folder is read at a revision: the loader reads these (themes/ only by name).
SITE_PARTS = ("site.yml", "content", "themes")
_SYMLINK, _SUBMODULE = "120000", "160000"
#: What a symbolic link at a revision becomes: a link to nothing, which the loader reports.
_NOWHERE = ".ladderpress-not-followed"


class GitProblem(Exception):
    """Git cannot answer: not installed, not a repository, an unknown revision, a shallow
    clone. ``message`` is a sentence to show; ``hint`` says what to do."""

    def __init__(self, message: str, hint: str = "", said: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint
        #: git's own first line of complaint, when git ran and failed
        self.said = said


@dataclass(frozen=True)
class Repository:
    """The git repository a site folder is in: its top folder, the site folder's path in it
    ('' or 'docs/ladder/'), and whether its history is shallow (cut short)."""

    top: Path
    prefix: str
    shallow: bool

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        """Run git in the repository; its standard output (GitProblem if it fails)."""
        return run_git(self.top, *args, stdin=stdin)


def run_git(where: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run `git ARGS` in a folder, pathspecs taken literally; its output, or GitProblem with
    git's own first line of complaint."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1"}
    try:
        done = subprocess.run(
            ["git", "-C", str(where), *args], input=stdin, capture_output=True, env=env
        )
    except FileNotFoundError:
        raise GitProblem(
            "git is not installed (or not on PATH)", "install git to compare revisions"
        ) from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        said = lines[0].removeprefix("fatal: ") if lines else f"exit code {done.returncode}"
        raise GitProblem(f"git {args[0]} failed: {said}", said=said)
    return done.stdout


def repository(root: Path) -> Repository:
    """The repository the site folder is in (GitProblem when it is in none)."""
    try:
        out = run_git(
            root, "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"
        )
    except GitProblem as problem:
        if not problem.said:
            raise
        if "not a git repository" in problem.said:
            where = "the current folder" if str(root) == "." else str(root)
            raise GitProblem(
                f"{where} is not in a git repository",
                "compare two folders instead, or run it in a clone of the site's repository",
            ) from None
        raise GitProblem(f"git cannot read the repository at {root}: {problem.said}") from None
    top, prefix, shallow = out.decode("utf-8").splitlines()[:3]
    return Repository(Path(top), prefix, shallow.strip() == "true")


def resolve(repo: Repository, revision: str) -> str:
    """The commit a revision names (a tag, branch, sha, `HEAD~2`...), or GitProblem."""
    if not revision or revision.startswith("-"):
        raise GitProblem(f"'{revision}' is not a revision")
    try:
        return (
            repo.git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
        )
    except GitProblem:
        hint = "name a tag, a branch or a commit (`git tag` and `git branch -a` list them)"
        if repo.shallow:
            hint = "this is a shallow clone, which lacks older commits: fetch them with `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0`)"
        raise GitProblem(f"unknown revision '{revision}'", hint) from None


def default_branch(repo: Repository) -> str:
    """The default branch to compare with: origin's HEAD, else origin/main, origin/master,
    main or master, whichever exists first."""
    try:
        ref = repo.git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD").decode().strip()
        return ref.removeprefix("refs/remotes/")
    except GitProblem:
        pass
    for name in ("origin/main", "origin/master", "main", "master"):
        try:
            repo.git("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
            return name
        except GitProblem:
            continue
    raise GitProblem(
        "cannot tell the repository's default branch (no origin/HEAD, main or master)",
        "name the revision to compare with: ladderpress diff REVISION",
    )


def merge_base(repo: Repository, branch: str) -> str:
    """The commit where HEAD's history meets the branch's (GitProblem if they do not meet
    in the history there is, as in a shallow clone)."""
    try:
        return repo.git("merge-base", "HEAD", branch).decode().strip()
    except GitProblem:
        hint = "name the revision to compare with: ladderpress diff REVISION"
        if repo.shallow:
            hint = "fetch the whole history: `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0`)"
        raise GitProblem(f"HEAD and {branch} have no common commit in this clone", hint) from None


def head(repo: Repository) -> str | None:
    """The commit checked out, or None in a repository with no commits yet."""
    try:
        return repo.git("rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
    except GitProblem:
        return None


def export(repo: Repository, commit: str, dest: Path) -> bool:
    """Write the site folder's site.yml and content/ as they were at the commit into dest
    (themes/ as empty folders, assets as empty files: the loader reads only their names).
    False when the site folder had no site.yml then."""
    paths = [repo.prefix + part for part in SITE_PARTS]
    listing = repo.git("ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths)
    blobs: list[tuple[str, str]] = []
    found_site = False
    for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        info, path = entry.split("\t", 1)
        mode, _, sha = info.split(" ")
        rel = path[len(repo.prefix) :]
        target = _inside(dest, rel)
        if target is None:
            continue
        found_site |= rel == "site.yml" and mode not in (_SYMLINK, _SUBMODULE)
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.startswith("themes/"):
            continue  # a theme is known by its folder, made above
        if mode == _SYMLINK:
            target.symlink_to(_NOWHERE)
        elif mode == _SUBMODULE:
            target.mkdir(exist_ok=True)
        elif rel.startswith("content/assets/"):
            target.touch()
        else:
            blobs.append((sha, rel))
    for (_, rel), data in zip(blobs, _blob_contents(repo, [sha for sha, _ in blobs])):
        (dest / rel).write_bytes(data)
    return found_site


def _inside(dest: Path, rel: str) -> Path | None:
    """The path below dest for a path from git, or None for one that would leave it."""
    parts = rel.split("/")
    if not rel or any(p in ("", ".", "..") for p in parts):
        return None
    return dest.joinpath(*parts)


def _blob_contents(repo: Repository, names: list[str]) -> list[bytes]:
    """The contents of blobs named by sha or `commit:path`, in order (b'' for a missing one),
    read with one `git cat-file --batch`."""
    if not names:
        return []
    out = repo.git("cat-file", "--batch", stdin="".join(f"{n}\n" for n in names).encode())
    found, at = [], 0
    for _ in names:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        if header[-1] == b"missing" or len(header) != 3:
            found.append(b"")
            at = end + 1
            continue
        size = int(header[2])
        found.append(out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return found


@dataclass(frozen=True)
class Commit:
    """A commit on the first-parent line of HEAD that changed the site's site.yml, with the
    day it was made (UTC) and site.yml's text then ('' when it had none)."""

    sha: str
    date: str
    site_yml: str


def site_yml_commits(repo: Repository) -> list[Commit]:
    """The commits on HEAD's first-parent line that changed site.yml, oldest first."""
    if head(repo) is None:
        return []
    path = repo.prefix + "site.yml"
    out = repo.git("log", "--first-parent", "--format=%H %ct", "HEAD", "--", path).decode()
    listed = [line.split() for line in reversed(out.splitlines()) if line.strip()]
    texts = _blob_contents(repo, [f"{sha}:{path}" for sha, _ in listed])
    return [
        Commit(sha, _day(int(stamp)), text.decode("utf-8-sig", "replace"))
        for (sha, stamp), text in zip(listed, texts)
    ]


def _day(timestamp: int) -> str:
    """The UTC day of a commit time, as YYYY-MM-DD."""
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")


def messages(repo: Repository, old: str, new: str | None) -> list[str]:
    """The messages of the commits after old up to new (HEAD when None)."""
    out = repo.git("log", "--format=%B%x00", f"{old}..{new or 'HEAD'}")
    return [m.strip() for m in out.decode("utf-8", "replace").split("\0") if m.strip()]
