"""output: the writer's operations, on folders of a temporary directory and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.site import output

try:
    import fcntl
except ImportError:
    fcntl = None  # type: ignore[assignment]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_write_site_swaps_a_complete_folder_into_place(tmp_path):
    asset = tmp_path / "logo.svg"
    asset.write_bytes(b"<svg/>")
    out = tmp_path / "out"
    output.write_site(out, {"index.html": b"one", "a/b/index.html": b"two"}, {"logo.svg": asset})
    assert tree(out) == {
        output.MARKER: output.MARKER_TEXT.encode(),
        "a/b/index.html": b"two",
        "index.html": b"one",
        "logo.svg": b"<svg/>",
    }
    output.write_site(out, {"index.html": b"new"}, {})
    assert tree(out) == {output.MARKER: output.MARKER_TEXT.encode(), "index.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["logo.svg", "out"]


def test_a_path_outside_the_folder_is_refused_and_nothing_is_swapped(tmp_path):
    out = tmp_path / "out"
    output.write_site(out, {"index.html": b"kept"}, {})
    with pytest.raises(ValueError, match="unsafe output path"):
        output.write_site(out, {"../evil.html": b"x"}, {})
    assert (out / "index.html").read_bytes() == b"kept"
    assert not (tmp_path / "evil.html").exists()
    assert output.leftovers(out) == []


def test_leftovers_are_found_and_removed_and_nothing_else(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    staging = tmp_path / ".site.tmp-abc"
    backup = tmp_path / ".site.old-def"
    other = tmp_path / ".other.tmp-abc"
    for folder in (staging, backup, other):
        folder.mkdir()
        (folder / "index.html").write_text("x")
    assert output.leftovers(out) == [backup, staging]
    assert output.remove_leftovers(out) == [backup, staging]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.tmp-abc", "site"]
    assert output.remove_leftovers(out) == []
    assert output.remove_leftovers(tmp_path / "missing" / "site") == []


def test_private_folder_is_removed_with_what_it_holds(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    with output.private_folder("ladderpress-test-") as folder:
        assert folder.is_dir() and folder.parent == tmp_path
        assert folder.name.startswith("ladderpress-test-") and list(folder.iterdir()) == []
        (folder / "site").mkdir()
        (folder / "site/index.html").write_text("x")
    assert not folder.exists()
    with pytest.raises(RuntimeError), output.private_folder("ladderpress-test-") as failed:
        raise RuntimeError
    assert not failed.exists()


def test_update_files_rewrites_only_what_changed(tmp_path):
    out = tmp_path / "out"
    output.update_files(out, {"a.html": b"a", "b/index.html": b"b"}, {})
    old = 1_000_000_000
    for rel in ("a.html", "b/index.html"):
        os.utime(out / rel, (old, old))
    output.update_files(out, {"a.html": b"a", "b/index.html": b"B"}, {})
    assert (out / "a.html").stat().st_mtime == old  # same bytes: not written again
    assert (out / "b/index.html").read_bytes() == b"B"


def test_prune_keeps_only_the_pages_named_and_removes_emptied_folders(tmp_path):
    out = tmp_path / "out"
    output.update_files(out, {"index.html": b"i", "gone/index.html": b"g", "x/y.html": b"y"}, {})
    output.prune(out, ["index.html", "x/y.html"])
    assert tree(out) == {"index.html": b"i", "x/y.html": b"y"}
    assert not (out / "gone").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root, out: out.write_text("x"), "is a file"),
        (lambda root, out: (out.mkdir(), (out / "notes.txt").write_text("x")), "not made by"),
        (lambda root, out: (out.mkdir(), (out / "site.yml").write_text("x")), "site.yml"),
    ],
    ids=["file", "foreign", "a-site"],
)
def test_check_output_refuses_what_is_not_ours(tmp_path, make, message):
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    out = tmp_path / "out"
    make(root, out)
    with pytest.raises(OutputError, match=message):
        output.check_output(out, root, force=False)


def test_check_output_refuses_the_site_and_its_sources_even_with_force(tmp_path):
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    for out in (root, root / "content", root / "themes/x", tmp_path):
        with pytest.raises(OutputError):
            output.check_output(out, root, force=True)
    output.check_output(root / "public", root, force=False)  # a new folder is fine


def hold_lock(path: Path) -> subprocess.Popen[str]:
    """Another process that holds a staging folder's lock, as a running build does."""
    code = (
        "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR);"
        "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(120)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def stopped_build(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A staging folder and its lock, as a build killed while writing leaves them."""
    staging = tmp_path / f".out.tmp-{name}"
    (staging / "levels").mkdir(parents=True)
    (staging / "levels/index.html").write_text("half")
    lock = tmp_path / f".out.tmp-{name}.lock"
    lock.write_text("4242\n")
    return staging, lock


@pytest.mark.skipif(fcntl is None, reason="no file locks on this system")
def test_a_build_removes_what_a_stopped_build_left_but_not_what_a_running_one_writes(tmp_path):
    out = tmp_path / "out"
    output.write_site(out, {"index.html": b"one"}, {})
    stale, stale_lock = stopped_build(tmp_path, "dead0001")
    busy, busy_lock = stopped_build(tmp_path, "busy0001")
    holder = hold_lock(busy_lock)
    try:
        removed = output.write_site(out, {"index.html": b"two"}, {})
        assert removed == [stale]
        assert not stale.exists() and not stale_lock.exists()
        assert busy.is_dir() and busy_lock.is_file()  # in use: left alone, even by --clean
        assert output.remove_leftovers(out) == []
    finally:
        holder.kill()  # SIGKILL: the lock is released as the process dies
        holder.wait()
    assert output.write_site(out, {"index.html": b"three"}, {}) == [busy]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (out / "index.html").read_bytes() == b"three"


def test_a_folder_without_a_lock_is_only_removed_by_clean(tmp_path):
    out = tmp_path / "out"
    older = tmp_path / ".out.old-abc12345"  # as builds before the lock left them
    older.mkdir()
    assert output.write_site(out, {"index.html": b"one"}, {}) == []
    assert older.is_dir() and output.leftovers(out) == [older]
    assert output.remove_leftovers(out) == [older]


def test_the_swap_never_leaves_the_output_folder_missing(tmp_path, monkeypatch):
    out = tmp_path / "out"
    output.write_site(out, {"index.html": b"one"}, {})
    (tmp_path / "probe").mkdir()
    if not output.exchange(out, tmp_path / "probe") or not output.exchange(out, tmp_path / "probe"):
        pytest.skip("this system cannot exchange two paths in one step")
    (tmp_path / "probe").rmdir()
    moved: list[tuple[str, str]] = []
    rename = os.rename
    monkeypatch.setattr(os, "rename", lambda a, b: (moved.append((str(a), str(b))), rename(a, b)))
    output.write_site(out, {"index.html": b"two"}, {})
    assert not any(source == str(out) for source, _ in moved), moved  # exchanged in one step
    assert (out / "index.html").read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_exchange_swaps_two_folders(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    (b / "x").write_text("b")
    if not output.exchange(a, b):
        pytest.skip("this system cannot exchange two paths in one step")
    assert (a / "x").read_text() == "b" and (b / "x").read_text() == "a"
    with pytest.raises(FileNotFoundError):
        output.exchange(a, tmp_path / "missing")


def test_files_are_written_as_they_are_made_and_a_failure_keeps_the_old_site(tmp_path):
    """write_site takes pages as they are rendered: each is in the staging folder before
    the next is asked for, so a build holds one page at a time; an error while they are
    made leaves the previous output as it was, and nothing beside it."""
    out = tmp_path / "out"
    output.write_site(out, {"index.html": b"old"}, {})
    seen: list[list[str]] = []

    def pages(fail: bool):
        for n in range(3):
            (staging,) = [p for p in tmp_path.iterdir() if p.is_dir() and p.name != "out"]
            seen.append(sorted(p.name for p in staging.rglob("*.html")))
            if fail and n == 2:
                raise RuntimeError("a template broke")
            yield f"p{n}.html", b"x"

    swapped: list[bool] = []
    output.write_site(out, pages(False), {}, on_swapped=lambda: swapped.append(out.is_dir()))
    assert seen == [[], ["p0.html"], ["p0.html", "p1.html"]]
    assert swapped == [True] and sorted(p.name for p in out.glob("*.html")) == [
        "p0.html",
        "p1.html",
        "p2.html",
    ]
    with pytest.raises(RuntimeError):
        output.write_site(out, pages(True), {})
    assert sorted(p.name for p in out.glob("*.html")) == ["p0.html", "p1.html", "p2.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
