"""The writer: the only module that writes or removes the site's files; safe folder, atomic swap.

Everything is written into a new sibling folder first; only when every file
is there does that folder take the output folder's place, in one step where the
system can exchange two folders (Linux).  A build that fails, is interrupted or
runs out of disk leaves the previous output as it was.  The sibling folder is
locked with the builder's PID (``.out.tmp-XXXXXXXX.lock``), so that the next
build can tell what a build that was killed left behind, and remove it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows: no locks, so nothing is taken for stale
    fcntl = None  # type: ignore[assignment]

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


def write_site(
    out: Path,
    files: Mapping[str, bytes] | Iterable[tuple[str, bytes]],
    copies: dict[str, Path],
    on_swapped: Callable[[], None] | None = None,
) -> list[Path]:
    """Write every file into a fresh, locked folder beside out, then swap it into place;
    the folders that stopped builds left beside out are removed first (and returned).

    files may be pairs of path and bytes made as they are asked for: each is written as it
    comes, so that a build holds one page at a time. An exception while they are made
    leaves out as it was. on_swapped is called once the new site is in place, before the
    old one is removed (which can take longer than writing the new one)."""
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        removed = _remove(out, _stale)
        lock, staging = _claim(parent, out.name)
    except OSError as exc:
        raise OutputError(f"cannot write to {parent}: {exc.strerror}") from None
    try:
        _write_files(staging, files, copies, unchanged_too=True)
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        os.chmod(staging, 0o755)
        _swap(staging, out.absolute())
        if on_swapped is not None:
            on_swapped()
    except OSError as exc:
        raise OutputError(f"cannot write the site to {out}: {exc.strerror or exc}") from None
    finally:  # the folders first, so that a kill on the way leaves them with their lock
        shutil.rmtree(staging, ignore_errors=True)
        if out.is_dir():  # else the old output is all there is: left, unlocked, for --clean
            shutil.rmtree(_aside(staging), ignore_errors=True)
        Path(f"{staging}.lock").unlink(missing_ok=True)
        os.close(lock)
    return removed


def _claim(parent: Path, name: str) -> tuple[int, Path]:
    """A new staging folder beside the output and its lock file, held, with this PID in it."""
    while True:
        lock, path = tempfile.mkstemp(prefix=f".{name}.tmp-", suffix=".lock", dir=parent)
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:  # a build removing stale folders may have taken the file before the lock
            if os.stat(path).st_ino == os.fstat(lock).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(lock)
    os.write(lock, f"{os.getpid()}\n".encode())
    staging = Path(path.removesuffix(".lock"))
    try:
        staging.mkdir()
    except OSError:
        Path(path).unlink(missing_ok=True)
        os.close(lock)
        raise
    return lock, staging


def _aside(staging: Path) -> Path:
    """Where the old output waits while a staging folder takes its place (two-step swap)."""
    return staging.with_name(staging.name + ".old")


def _write_files(
    root: Path,
    files: Mapping[str, bytes] | Iterable[tuple[str, bytes]],
    copies: dict[str, Path],
    *,
    unchanged_too: bool,
) -> None:
    """Write files and copies below root (files already there as they are: only if unchanged_too)."""
    made: set[Path] = set()
    for rel, data in files.items() if isinstance(files, Mapping) else files:
        path = safe_path(root, rel)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        if unchanged_too or not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    for rel, source in copies.items():
        path = safe_path(root, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)


def _swap(staging: Path, out: Path) -> None:
    """Put staging where out is (the old output then at staging), keeping out as it was if
    that fails; in one step where the system can, else in two renames."""
    if not out.exists():
        os.rename(staging, out)
    elif not exchange(staging, out):
        os.rename(out, _aside(staging))
        try:
            os.rename(staging, out)
        except BaseException:
            os.rename(_aside(staging), out)
            raise


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux's renameat2 with RENAME_EXCHANGE): True when
    done, False where the system or the file system cannot; OSError if it failed."""
    rename = getattr(_libc(), "renameat2", None)
    if rename is None:
        return False
    at_cwd, rename_exchange = -100, 2
    if rename(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _libc() -> ctypes.CDLL | None:
    """The C library of this process, if there is one to ask."""
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def leftovers(out: Path) -> list[Path]:
    """Staging and backup folders that a killed build may have left beside out, and lock
    files; not those of a build that is running."""
    return [path for path, _ in _leftovers(out, proven=False)]


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the folders a killed build left beside out (`build --clean`), whether or not
    they are known to be stale; not those of a build that is running. The ones removed."""
    return _remove(out, _leftovers)


def _stale(out: Path) -> list[tuple[Path, int | None]]:
    """What stopped builds left beside out that is known to be theirs and not in use."""
    return _leftovers(out, proven=True)


def _leftovers(out: Path, proven: bool = False) -> list[tuple[Path, int | None]]:
    """Paths beside out that builds make (with the lock held on each, where there is one);
    only those of a lock that no running build holds when proven, else also any without."""
    parent = out.absolute().parent
    if not parent.is_dir():
        return []
    prefixes = (f".{out.name}.tmp-", f".{out.name}.old-")
    names = sorted(p.name for p in parent.iterdir() if p.name.startswith(prefixes))
    found: list[tuple[Path, int | None]] = []
    for name in names:
        if name.endswith(".lock"):
            lock = _free_lock(parent / name)
            if lock is not None:
                stem = name.removesuffix(".lock")
                found += [(parent / n, None) for n in (stem, stem + ".old") if n in names]
                found.append((parent / name, lock))
        elif not proven and f"{name.removesuffix('.old')}.lock" not in names:
            found.append((parent / name, None))
    return found


def _free_lock(path: Path) -> int | None:
    """The lock file opened and locked, or None when a running build holds it (or when
    this system has no locks)."""
    if fcntl is None:
        return None
    try:
        lock = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        return None
    return lock


def _remove(out: Path, find: Callable[[Path], list[tuple[Path, int | None]]]) -> list[Path]:
    """Remove what find gives (a lock file last, then released); the folders removed."""
    removed = []
    for path, lock in find(out):
        if lock is not None:
            path.unlink(missing_ok=True)
            os.close(lock)
        elif path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


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
