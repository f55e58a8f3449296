"""The writer: the only module that writes or removes the site's files; safe folder, atomic swap.

Everything is written into a new sibling folder first; only when every file
is there does that folder take the output folder's place.  A build that
fails, is interrupted or runs out of disk leaves the previous output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.errors import OutputError

MARKER = ".ladderpress"
MARKER_TEXT = "This folder is made by `ladderpress build` and replaced on every build.\n"


def check_output(out: Path, site_root: Path, force: bool) -> None:
    """Raise OutputError for a folder whose replacement would destroy what is not ours."""
    target = _check_place(out)
    root = site_root.resolve()
    if target == root or target in root.parents:
        raise OutputError(
            f"refusing to write the site to {out}: it holds the site's own files (site.yml, content/)"
        )
    for protected in ("content", "themes"):
        if target == root / protected or (root / protected) in target.parents:
            raise OutputError(
                f"refusing to write the site inside {protected}/: choose a folder such as site/"
            )
    _check_kind(out)
    if (target / "site.yml").exists() or (target / "content").is_dir():
        raise OutputError(f"refusing to write the site to {out}: it contains site.yml or content/")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file() and not force:
        raise OutputError(
            f"{out} is not empty and was not made by Ladderpress; "
            "choose another folder, or pass --force to replace it"
        )


def _check_place(out: Path) -> Path:
    """out resolved; OutputError for the root of the file system or the home folder."""
    target = out.resolve()
    if target == Path(target.anchor):
        raise OutputError(
            f"refusing to write the site to {target}: it is the root of the file system"
        )
    if target == Path.home().resolve():
        raise OutputError(f"refusing to write the site to {target}: it is your home folder")
    return target


def _check_kind(out: Path) -> None:
    """OutputError for a symbolic link or a file where a folder should go."""
    if out.is_symlink():
        raise OutputError(f"refusing to write the site to {out}: it is a symbolic link")
    if out.exists() and not out.is_dir():
        raise OutputError(f"refusing to write the site to {out}: it is a file, not a folder")


def check_new_site(out: Path, force: bool) -> None:
    """Raise OutputError for a folder that a new site's files must not go into: any that
    build refuses, and one that is not empty, unless force (then its site.yml and content/
    are replaced, and nothing else in it is touched)."""
    _check_place(out)
    _check_kind(out)
    if out.is_dir() and any(out.iterdir()) and not force:
        raise OutputError(
            f"{out} is not empty; choose a new folder, or pass --force to replace its "
            "site.yml and content/"
        )


def write_new_site(out: Path, files: dict[str, bytes], check: Callable[[Path], None]) -> None:
    """Write a new site's files beside out, let check see them there (it raises to stop),
    then move them in: out itself when it does not exist, else each top-level file and
    folder of files in place of out's own (site.yml, content/); nothing else changes."""
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write to {parent}: {exc.strerror}") from None
    try:
        _write_files(staging, files, {}, unchanged_too=True)
        check(staging)
        if not out.exists():
            os.rename(staging, out.absolute())
            return
        for top in sorted({PurePosixPath(rel).parts[0] for rel in files}):
            _replace(staging / top, out.absolute() / top)
    except OSError as exc:
        raise OutputError(f"cannot write the site to {out}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace(new: Path, old: Path) -> None:
    """Put new where old is (a file or a folder), old removed once new is in place."""
    if not old.exists() and not old.is_symlink():
        os.rename(new, old)
        return
    aside = old.with_name(f".{old.name}.old-{os.getpid()}")
    os.rename(old, aside)
    try:
        os.rename(new, old)
    except BaseException:
        os.rename(aside, old)
        raise
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside, ignore_errors=True)
    else:
        aside.unlink()


def safe_path(root: Path, rel: str) -> Path:
    """root/rel, refusing any path that would land outside root."""
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise ValueError(f"unsafe output path: {rel!r}")
    return root.joinpath(*pure.parts)


def write_site(out: Path, files: dict[str, bytes], copies: dict[str, Path]) -> None:
    """Write every file into a fresh folder beside out, then swap it into place."""
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write to {parent}: {exc.strerror}") from None
    try:
        _write_files(staging, files, copies, unchanged_too=True)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        os.chmod(staging, 0o755)
        _swap(staging, out.absolute())
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the site to {out}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_files(
    root: Path, files: dict[str, bytes], copies: dict[str, Path], *, unchanged_too: bool
) -> None:
    """Write files and copies below root (files already there as they are: only if unchanged_too)."""
    for rel, data in files.items():
        path = safe_path(root, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        if unchanged_too or not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    for rel, source in copies.items():
        path = safe_path(root, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)


def _swap(staging: Path, out: Path) -> None:
    """Put staging where out is, keeping out as it was if the rename fails."""
    if not out.exists():
        os.rename(staging, out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()
    os.rename(out, old)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def leftovers(out: Path) -> list[Path]:
    """Staging and backup folders that a killed build may have left beside out."""
    parent = out.absolute().parent
    if not parent.is_dir():
        return []
    return sorted(
        p
        for p in parent.iterdir()
        if p.is_dir() and p.name.startswith((f".{out.name}.tmp-", f".{out.name}.old-"))
    )


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the folders a killed build left beside out (`build --clean`); the ones removed."""
    found = leftovers(out)
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


@contextmanager
def private_folder(prefix: str) -> Iterator[Path]:
    """A new empty temporary folder, removed with all it holds when the block ends."""
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        yield Path(folder)


def update_files(out: Path, files: dict[str, bytes], copies: dict[str, Path]) -> None:
    """Write the files that changed into an existing folder, in place (serve's output)."""
    _write_files(out, files, copies, unchanged_too=False)


def prune(out: Path, keep: Iterable[str]) -> None:
    """Remove every file below out but those in keep (relative paths), and emptied folders."""
    kept = {safe_path(out, rel) for rel in keep}
    for dirpath, _, filenames in os.walk(out, topdown=False):
        folder = Path(dirpath)
        for name in filenames:
            if folder / name not in kept:
                (folder / name).unlink()
        if folder != out and not any(folder.iterdir()):
            folder.rmdir()
