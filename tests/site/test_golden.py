"""Golden builds: tests/sites/minimal built and compared, file by file, with
tests/golden/minimal/; the example's output compared with tests/golden/example.sha256.

After an intended change to the output, refresh the expected files with
LADDERPRESS_UPDATE_GOLDEN=1 python -m pytest tests/site/test_golden.py, and review the diff.
"""

from __future__ import annotations

import hashlib
import os
import shutil

from generator.commands.build import build
from tests.conftest import REPO, SITES

GOLDEN = SITES.parent / "golden" / "minimal"


def files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def outside_git(tmp_path, site, parts=None):
    """A copy of a site outside any git repository, so that its /changes/ page does not
    depend on the history of the repository the tests run in (or on there being one)."""
    copy = tmp_path / "source"
    if parts is None:
        shutil.copytree(site, copy)
        return copy
    copy.mkdir()
    for part in parts:
        (shutil.copytree if (site / part).is_dir() else shutil.copy)(site / part, copy / part)
    return copy


def test_minimal_site_matches_golden_output(tmp_path):
    out = tmp_path / "site"
    build(outside_git(tmp_path, SITES / "minimal"), out)
    if os.environ.get("LADDERPRESS_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    built, expected = files(out), files(GOLDEN)
    assert sorted(built) == sorted(expected)
    changed = [name for name in built if built[name] != expected[name]]
    assert changed == [], f"output differs from tests/golden/minimal in {changed[:10]}"


EXAMPLE_HASHES = SITES.parent / "golden" / "example.sha256"


def test_example_site_matches_its_hash_list(tmp_path):
    """The example's whole output, file by file, against a committed list of SHA-256 hashes
    (the example is too large to keep as files). Refreshed with the variable above."""
    out = tmp_path / "site"
    build(outside_git(tmp_path, REPO, ("site.yml", "content")), out)
    listing = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files(out).items()
    )
    if os.environ.get("LADDERPRESS_UPDATE_GOLDEN"):
        EXAMPLE_HASHES.write_text(listing, encoding="utf-8")
    expected = EXAMPLE_HASHES.read_text(encoding="utf-8")
    differ = sorted(set(listing.splitlines()) ^ set(expected.splitlines()))
    assert listing == expected, f"the example's output differs: {differ[:10]}"
