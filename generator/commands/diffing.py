"""`ladderpress diff`: what changed in the framework between two versions of a site — two
git revisions, a revision and the working tree, or two folders — and the version bump the
changes need.

Each side is read by the loader exactly as `check` reads a folder; a side with content
errors stops the comparison with every error, positioned (a revision's as
`v2025.2:content/levels/pm.md:4:8`). Git's problems are usage errors that say what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from generator.console import display_path
from generator.content.changes import compare
from generator.content.history import load_revision
from generator.content.model import Change, Site
from generator.content.revisions import (
    GitProblem,
    Repository,
    default_branch,
    merge_base,
    messages,
    repository,
    resolve,
)
from generator.content.sources import load
from generator.content.validate import validate
from generator.content.versions import Suggestion, at_least, clarified, enough, suggest
from generator.errors import ERROR, ContentError, Diagnostic, UsageProblem

WORKING_TREE = "the working tree"


@dataclass(frozen=True)
class Side:
    """One version compared: how it is named, its site, and how its files are shown
    (a folder's from where the command runs; a revision's from the repository's top)."""

    label: str
    site: Site
    folder: str = ""  # the folder as given, for a folder or the working tree
    prefix: str = ""  # the site folder's path in the repository, for a revision
    commit: str = ""

    @property
    def version(self) -> str:
        """`version` in site.yml on this side ('' for none)."""
        return self.site.config.version

    def place(self, path: str) -> str:
        """A file of the site, as a path to show (and for annotations)."""
        if self.commit:
            return self.prefix + path
        return display_path(self.folder, path)


@dataclass(frozen=True)
class Compared:
    """Two versions of a site, what changed between them, and the bump it needs."""

    old: Side
    new: Side
    changes: tuple[Change, ...]
    suggestion: Suggestion

    def shortfall(self, fail_on: str | None) -> str:
        """Why `--fail-on` fails: the changes need a bump at least as large as fail_on, and
        site.yml's version did not go up by as much; '' when it passes."""
        needed = self.suggestion.bump
        if fail_on is None or not needed or not at_least(needed, fail_on):
            return ""
        if enough(needed, self.old.version, self.new.version):
            return ""
        was, now = self.old.version or "(none)", self.new.version or "(none)"
        went = "is still " + now if was == now else f"went from {was} to {now}"
        return (
            f"the changes need a {needed} version bump, but `version` in site.yml {went}; "
            "raise it in site.yml (docs/versions.md)"
        )


def compare_sides(
    site_dir: Path, old: str | None, new: str | None, clarifies: Sequence[str] = ()
) -> Compared:
    """Read both sides and compare them. OLD defaults to the merge base of HEAD with the
    default branch, NEW to the working tree; an argument that is an existing folder is a
    folder, anything else a git revision. Raises ContentError, UsageProblem."""
    repo: Repository | None = None
    if old is None or not _is_folder(old) or (new is not None and not _is_folder(new)):
        repo = _repository(site_dir)
    problems: list[Diagnostic] = []
    sides = []
    for arg, default in ((old, "base"), (new, "tree")):
        side, found = _side(site_dir, repo, arg, default)
        problems += found
        sides.append(side)
    errors = [d for d in problems if d.severity == ERROR]
    if errors:
        raise ContentError(errors)
    before, after = sides
    assert before is not None and after is not None
    marks = clarified(_messages(repo, before, after), clarifies)
    changes = compare(before.site, after.site, marks)
    return Compared(before, after, changes, suggest(changes))


def _is_folder(arg: str) -> bool:
    """True when a side is named by an existing folder rather than a revision."""
    return Path(arg).is_dir()


def _repository(site_dir: Path) -> Repository:
    """The repository of the site folder, or a usage error that says why there is none."""
    try:
        return repository(site_dir)
    except GitProblem as problem:
        raise _usage(problem) from None


def _usage(problem: GitProblem) -> UsageProblem:
    """A git problem as a usage error, its hint on a line of its own."""
    hint = f"\n    hint: {problem.hint}" if problem.hint else ""
    return UsageProblem(problem.message + hint)


def _side(
    site_dir: Path, repo: Repository | None, arg: str | None, default: str
) -> tuple[Side | None, list[Diagnostic]]:
    """One side read, and the problems found in it (its errors stop the comparison)."""
    if arg is None and default == "tree":
        shown = str(site_dir)
        label = WORKING_TREE if repo is not None else ("this folder" if shown == "." else shown)
        return _folder(site_dir, shown, label)
    if arg is not None and _is_folder(arg):
        return _folder(Path(arg), arg, arg)
    assert repo is not None
    try:
        if arg is None:
            branch = default_branch(repo)
            commit = merge_base(repo, branch)
            label = f"{branch} at {commit[:7]}"
        else:
            commit, label = resolve(repo, arg), arg
        site, problems = load_revision(repo, commit, arg or commit[:12])
    except GitProblem as problem:
        raise _usage(problem) from None
    if site is None:
        return None, problems
    return Side(label, site, prefix=repo.prefix, commit=commit), problems


def _folder(folder: Path, shown: str, label: str) -> tuple[Side | None, list[Diagnostic]]:
    """A folder read as `check` reads it; its problems' paths as they are shown from here."""
    sources, report = load(folder)
    site, validation = validate(sources)
    report.extend(validation)
    problems = [
        replace(d, mark=replace(d.mark, path=display_path(shown, d.mark.path)))
        for d in report.sorted()
    ]
    if site is None or any(d.severity == ERROR for d in problems):
        return None, problems
    return Side(label, site, folder=shown), problems


def _messages(repo: Repository | None, old: Side, new: Side) -> list[str]:
    """The commit messages between two sides, for `Clarifies:` lines: from the old
    revision to the new one (or to HEAD, for the working tree)."""
    if repo is None or not old.commit or (not new.commit and new.label != WORKING_TREE):
        return []
    try:
        return messages(repo, old.commit, new.commit or None)
    except GitProblem:
        return []
