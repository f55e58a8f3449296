"""The writer: the only module that writes or removes the site's files; safe folder, atomic swap.

Everything is written into a new sibling folder first; only when every file
is there does that folder take the output folder's place.  A build that
fails, is interrupted or runs out of disk leaves the previous output as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.errors import OutputError

MARKER = ".ladderpress"
MARKER_TEXT = "This folder is made by `ladderpress build` and replaced on every build.\n"


def check_output(out: Path, site_root: Path, force: bool) -> None:
    """Raise OutputError for a folder whose replacement would destroy what is not ours."""
    target = out.resolve()
    root = site_root.resolve()
    home = Path.home().resolve()
    if target == Path(target.anchor):
        raise OutputError(
            f"refusing to write the site to {target}: it is the root of the file system"
        )
    if target == home:
        raise OutputError(f"refusing to write the site to {target}: it is your home folder")
    if target == root or target in root.parents:
        raise OutputError(
            f"refusing to write the site to {out}: it holds the site's own files (site.yml, content/)"
        )
    for protected in ("content", "themes"):
        if target == root / protected or (root / protected) in target.parents:
            raise OutputError(
                f"refusing to write the site inside {protected}/: choose a folder such as site/"
            )
    if out.is_symlink():
        raise OutputError(f"refusing to write the site to {out}: it is a symbolic link")
    if out.exists() and not out.is_dir():
        raise OutputError(f"refusing to write the site to {out}: it is a file, not a folder")
    if (target / "site.yml").exists() or (target / "content").is_dir():
        raise OutputError(f"refusing to write the site to {out}: it contains site.yml or content/")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file() and not force:
        raise OutputError(
            f"{out} is not empty and was not made by Ladderpress; "
            "choose another folder, or pass --force to replace it"
        )


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
