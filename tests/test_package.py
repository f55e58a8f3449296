"""The wheel: built from the checkout, installed in a fresh virtual environment, used."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
    )
    (found,) = out.glob("ladderpress-*.whl")
    return found


def test_wheel_carries_theme_and_example(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "generator/themes/default/theme.yml" in names
    assert "generator/example/site.yml" in names
    assert "generator/example/content/levels/pm.md" in names
    assert any(n.startswith("generator/example/content/resources/") for n in names)
    assert "generator/scaffold/github/ladder.yml" in names
    assert "generator/themes/default/templates/level.html" in names
    assert not any("tests/" in n or n.endswith(".pyc") for n in names)


def test_installed_wheel_runs_version_and_check(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    # System site packages supply the dependencies, so no network is needed;
    # the wheel itself is installed into the new environment.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [
            str(bindir / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--force-reinstall",
            str(wheel),
        ],
        check=True,
    )
    version = subprocess.run(
        [str(bindir / "ladderpress"), "--version"], capture_output=True, text=True, cwd=tmp_path
    )
    assert version.returncode == 0 and version.stdout.startswith("ladderpress, version ")
    where = subprocess.run(
        [
            str(bindir / "python"),
            "-c",
            "from generator.paths import example_dir; print(example_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.strip()
    example = Path(where)
    assert env_dir in example.parents, f"example found outside the venv: {example}"
    site = tmp_path / "mysite"
    shutil.copytree(example, site)
    result = subprocess.run(
        [str(bindir / "ladderpress"), "check", "--strict", str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems found" in result.stdout
    started = subprocess.run(
        [str(bindir / "ladderpress"), "init", "fresh"], capture_output=True, text=True, cwd=tmp_path
    )
    assert started.returncode == 0, started.stdout + started.stderr
    built = subprocess.run(
        [str(bindir / "ladderpress"), "build", "--strict"],
        capture_output=True,
        text=True,
        cwd=tmp_path / "fresh",
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert (tmp_path / "fresh/site/levels/senior-pm/plan/index.html").is_file()
