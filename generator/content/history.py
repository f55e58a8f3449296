"""The framework's past, from git: a site as it was at a revision, read by the loader exactly
as a folder is read, and the versions the site's history records.

A version starts at each commit on HEAD's first-parent line that sets `version` in site.yml
to a value it never had before (docs/versions.md says why commits, not tags); its changes
are the comparison of the site at that commit with the site at the version before.
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import replace
from pathlib import Path

from generator.content import yamltree
from generator.content.changes import compare
from generator.content.config import site_config
from generator.content.model import History, Site, Version
from generator.content.revisions import (
    GitProblem,
    Repository,
    export,
    head,
    messages,
    repository,
    site_yml_commits,
)
from generator.content.sources import DataFile, load
from generator.content.validate import validate
from generator.content.versions import clarified, suggest
from generator.errors import ERROR, Diagnostic, Report

#: Why a history has no versions to show (History.note), and why a version lists no changes
#: (Version.note); the site says each in words.
NOT_A_REPOSITORY, NO_GIT, GIT_FAILED, SHALLOW, NO_COMMITS, NO_VERSIONS = (
    "not-a-repository",
    "no-git",
    "git-failed",
    "shallow",
    "no-commits",
    "no-versions",
)
FIRST, UNREADABLE, AFTER_UNREADABLE = "first", "unreadable", "after-unreadable"


def load_revision(
    repo: Repository, commit: str, label: str
) -> tuple[Site | None, list[Diagnostic]]:
    """The site as it was at a commit, loaded and validated as a folder is, and every
    problem found, its path shown as `LABEL:path/in/the/repository`; the site is None when
    there are errors. GitProblem when the site folder had no site.yml then."""
    with tempfile.TemporaryDirectory(prefix="ladderpress-revision-") as folder:
        root = Path(folder)
        if not export(repo, commit, root):
            where = f"{repo.prefix}site.yml" if repo.prefix else "site.yml"
            raise GitProblem(
                f"there is no {where} at {label}",
                "name a revision that has the site, or pass the site folder with --site",
            )
        sources, report = load(root)
        site, validation = validate(sources)
        report.extend(validation)
    shown = [
        replace(d, mark=replace(d.mark, path=f"{label}:{repo.prefix}{d.mark.path}"))
        for d in report.sorted()
    ]
    failed = any(d.severity == ERROR for d in shown)
    return (None if failed else site), shown


def read_history(root: Path) -> History:
    """The versions the git history of the site folder records, newest first; or, when there
    are none to show, a note saying why. Never raises for a missing or unusable git."""
    try:
        repo = repository(root)
    except GitProblem as problem:
        if not problem.said and "not installed" in problem.message:
            return History(note=NO_GIT)
        return History(note=NOT_A_REPOSITORY if "not in a git" in problem.message else GIT_FAILED)
    if repo.shallow:
        return History(note=SHALLOW)
    try:
        commit = head(repo)
        if commit is None:
            return History(note=NO_COMMITS)
        return _history(repo, commit)
    except GitProblem:
        return History(note=GIT_FAILED)


@functools.lru_cache(maxsize=8)
def _history(repo: Repository, commit: str) -> History:
    """The versions recorded up to a commit (which fixes them, so they are kept)."""
    released: list[tuple[str, str, str]] = []  # (version, sha, date), oldest first
    for c in site_yml_commits(repo):
        name = version_in(c.site_yml)
        if name and name not in {r[0] for r in released}:
            released.append((name, c.sha, c.date))
    if not released:
        return History(note=NO_VERSIONS)
    versions: list[Version] = []
    before: Site | None = None
    for index, (name, sha, date) in enumerate(released):
        site, _ = load_revision(repo, sha, sha)
        if site is None:
            versions.append(Version(name, date, sha, note=UNREADABLE))
        elif index == 0:
            versions.append(Version(name, date, sha, note=FIRST))
        elif before is None:
            versions.append(Version(name, date, sha, note=AFTER_UNREADABLE))
        else:
            marks = clarified(messages(repo, released[index - 1][1], sha))
            changes = compare(before, site, marks)
            versions.append(Version(name, date, sha, changes, suggest(changes).bump))
        before = site
    return History(tuple(reversed(versions)))


def version_in(site_yml: str) -> str:
    """The `version` a site.yml's text sets, read as the loader reads it ('' for none, or
    for one that is wrong)."""
    report = Report()
    node = yamltree.parse(site_yml, "site.yml", report)
    if node is None:
        return ""
    config = site_config(DataFile("site.yml", node), (), (), report)
    return "" if "version" in config.unknown else config.version
