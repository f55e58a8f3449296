"""A golden build: tests/sites/minimal built and compared, file by file, with tests/golden/minimal/.

After an intended change to the output, refresh the expected files with
LADDERPRESS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py, and review the diff.
"""

from __future__ import annotations

import os
import shutil

from generator.build import build
from tests.conftest import SITES

GOLDEN = SITES.parent / "golden" / "minimal"


def files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_minimal_site_matches_golden_output(tmp_path):
    out = tmp_path / "site"
    build(SITES / "minimal", out)
    if os.environ.get("LADDERPRESS_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    built, expected = files(out), files(GOLDEN)
    assert sorted(built) == sorted(expected)
    changed = [name for name in built if built[name] != expected[name]]
    assert changed == [], f"output differs from tests/golden/minimal in {changed[:10]}"
