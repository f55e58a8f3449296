"""Where the package's own files are (paths.py): in a checkout, and as a wheel installs them
(tests/test_package.py installs the wheel itself)."""

from __future__ import annotations

from generator import paths
from tests.conftest import REPO


def test_in_a_checkout_the_example_and_themes_are_at_the_top_of_the_repository():
    assert paths.example_dir() == REPO.resolve()
    assert (paths.example_dir() / "site.yml").is_file()
    assert (paths.example_dir() / "content").is_dir()
    assert paths.themes_dir() == REPO.resolve() / "themes"
    for theme in paths.BUILTIN_THEMES:
        assert (paths.themes_dir() / theme / "templates").is_dir()


def test_the_data_files_are_in_the_package():
    assert paths.data_dir() == REPO.resolve() / "generator" / "data"
    assert (paths.data_dir() / "plan.yml").is_file()
    assert (paths.data_dir() / "scaffold").is_dir()


def test_installed_the_example_and_themes_are_inside_the_package(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "generator"
    (package / "example").mkdir(parents=True)
    (package / "themes").mkdir()
    monkeypatch.setattr(paths, "_PACKAGE", package)
    assert paths.example_dir() == package / "example"
    assert paths.themes_dir() == package / "themes"
    assert paths.data_dir() == package / "data"
