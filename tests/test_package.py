"""The release: the sdist and wheel built as .github/workflows/release.yml builds them,
checked, installed in a fresh virtual environment and used; one version, pinned alike everywhere."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from generator import __version__
from generator.commands.scaffold import init_site
from tests.conftest import REPO

VERSION = Version(__version__)
# What no distribution may carry: tests, bytecode, virtual environments anywhere; and the
# output folders of `build` and `schema` at the top (generator/site/ is the package's own).
NEVER = {"tests", "__pycache__", ".venv", ".venv-ci", "site-packages", ".git"}
OUTPUT = {"site", "schemas"}


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> dict[str, Path]:
    """The sdist and the wheel, the wheel built from the sdist (python -m build's way).

    --no-isolation uses this environment's hatchling, so building needs no network.
    """
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
    )
    (wheel,) = out.glob("ladderpress-*.whl")
    (sdist,) = out.glob("ladderpress-*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


def unwanted(names: list[str]) -> list[str]:
    """The names a distribution must not carry."""

    def top(parts: tuple[str, ...]) -> str:
        # An sdist's files sit in one folder named after the release.
        return parts[1] if parts[0].startswith("ladderpress-") and len(parts) > 2 else parts[0]

    return [
        n
        for n in names
        if NEVER.intersection(Path(n).parts[:-1])
        or (len(Path(n).parts) > 1 and top(Path(n).parts) in OUTPUT)
        or n.endswith((".pyc", ".pyo"))
    ]


def test_wheel_carries_theme_example_and_scaffold_and_nothing_else(dists):
    names = zipfile.ZipFile(dists["wheel"]).namelist()
    for name in (
        "generator/themes/default/theme.yml",
        "generator/themes/default/templates/level.html",
        "generator/example/site.yml",
        "generator/example/content/levels/pm.md",
        "generator/data/scaffold/README.md",
        "generator/data/scaffold/gitignore",
        "generator/data/scaffold/github/ladder.yml",
        "generator/commands/browser.py",
    ):
        assert name in names
    assert any(n.startswith("generator/example/content/resources/") for n in names)
    assert unwanted(names) == []
    dist_info = f"ladderpress-{__version__}.dist-info/"
    assert [n for n in names if not n.startswith(("generator/", dist_info))] == []


def test_sdist_holds_what_the_wheel_is_built_from(dists):
    with tarfile.open(dists["sdist"]) as sdist:
        names = [name.split("/", 1)[1] for name in sdist.getnames() if "/" in name]
    for name in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "site.yml",
        "generator/__init__.py",
        "generator/data/scaffold/github/ladder.yml",
        "themes/default/theme.yml",
        "content/levels/pm.md",
        "tests/test_package.py",
    ):
        assert name in names
    assert unwanted([n for n in names if not n.startswith("tests/")]) == []
    # The wheel above was built from this sdist, so it holds everything the build needs.
    assert dists["wheel"].name == f"ladderpress-{__version__}-py3-none-any.whl"


def test_twine_accepts_both_as_the_release_workflow_checks_them(dists):
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dists.values())],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_version_is_written_once_and_the_changelog_has_it():
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert not re.search(r"(?m)^version\s*=", pyproject)
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"(?m)^## \[{re.escape(__version__)}\]", changelog), (
        f"CHANGELOG.md needs a heading '## [{__version__}]'"
    )
    assert "## [Unreleased]" in changelog


def test_release_workflow_publishes_tags_through_trusted_publishing():
    text = (REPO / ".github/workflows/release.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert workflow[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads the key `on` as true
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
    runs = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    for command in ("python -m build", "twine check --strict dist/*", '"v$version"'):
        assert command in runs


def pinned(requirement: str) -> Requirement:
    """A requirement that must name ladderpress and a range holding this version, not the next minor."""
    req = Requirement(requirement)
    assert req.name == "ladderpress"
    assert req.specifier.contains(VERSION, prereleases=True), f"{req} excludes {VERSION}"
    next_minor = Version(f"{VERSION.major}.{VERSION.minor + 1}")
    assert not req.specifier.contains(next_minor), f"{req} lets in {next_minor}, not a pinned range"
    return req


def test_scaffolded_workflow_and_readme_pin_a_range_with_this_version(tmp_path):
    init_site(tmp_path / "site", force=False)
    workflow = yaml.safe_load((tmp_path / "site/.github/workflows/ladder.yml").read_text())
    (install,) = [
        shlex.split(step["run"])
        for step in workflow["jobs"]["check-and-build"]["steps"]
        if step.get("run", "").startswith("pip install")
    ]
    pinned(install[-1])
    readme = (tmp_path / "site/README.md").read_text()
    assert f'pip install "{install[-1]}"' in readme
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file() and path.suffix in ("", ".md", ".yml"):
            assert "@REQUIREMENT@" not in path.read_text(encoding="utf-8"), path


INSTALLS = re.compile(r"pip(?:x)? install (\"[^\"]*\"|\S+)")
DOCS = ["README.md", *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md"))]


@pytest.mark.parametrize("doc", DOCS)
def test_docs_pin_a_range_with_this_version(doc):
    """Every `pip install ladderpress...` in the docs pins this version's range;
    only docs/install.md shows the unpinned `pip install ladderpress`."""
    for found in INSTALLS.findall((REPO / doc).read_text(encoding="utf-8")):
        requirement = found.strip('"')
        if not requirement.startswith("ladderpress") or requirement.endswith(".whl"):
            continue
        if requirement == "ladderpress":
            assert doc == "docs/install.md", f"{doc}: pin a range, as docs/install.md shows"
        else:
            pinned(requirement)


@pytest.mark.slow
def test_installed_wheel_runs_version_and_check(dists, tmp_path):
    env_dir = tmp_path / "venv"
    # A clean environment: the wheel brings its dependencies, installed by pip
    # from wherever pip is configured to look (pip.conf and PIP_* are kept).
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"

    def run(*args: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, capture_output=True, text=True, cwd=cwd, env=env)

    installed = run(str(bindir / "python"), "-m", "pip", "install", "-q", str(dists["wheel"]))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    version = run(str(bindir / "ladderpress"), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout == f"ladderpress, version {__version__}\n"
    where = run(
        str(bindir / "python"),
        "-c",
        "from generator.paths import example_dir; print(example_dir())",
    )
    example = Path(where.stdout.strip())
    assert env_dir in example.parents, f"example found outside the venv: {where}"
    site = tmp_path / "mysite"
    shutil.copytree(example, site)
    # Not --strict: a copy of the example is warned that it still has the example's name.
    result = run(str(bindir / "ladderpress"), "check", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("Checked ")
    started = run(str(bindir / "ladderpress"), "init", "fresh")
    assert started.returncode == 0, started.stdout + started.stderr
    built = run(str(bindir / "ladderpress"), "build", cwd=tmp_path / "fresh")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (tmp_path / "fresh/site/levels/senior-pm/plan/index.html").is_file()
