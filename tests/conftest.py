"""Shared fixtures: sample sites copied into a temporary folder, with files replaced."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

SITES = Path(__file__).parent / "sites"
REPO = Path(__file__).parent.parent


def write_files(root: Path, files: dict[str, str | bytes | None]) -> None:
    """Write (or, for None, delete) files below root."""
    for rel, content in files.items():
        path = root / rel
        if content is None:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """A copy of tests/sites/<base> with some files replaced: make_site({path: text})."""

    def make(files: dict[str, str | bytes | None] | None = None, base: str = "minimal") -> Path:
        root = tmp_path / "site"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(SITES / base, root)
        write_files(root, files or {})
        return root

    return make
