"""generator/commands/browser.py: the browser `print` and the browser tests run, found in the documented order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.browser import BrowserSettingError, Found, find_browser, playwright_folder
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="fake executables are shell scripts"
)


def executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def machine(tmp_path, monkeypatch):
    """A machine with nothing on it: an empty PATH, no setting, an empty home and cache."""
    for name in ("LADDERPRESS_CHROMIUM", "PLAYWRIGHT_BROWSERS_PATH", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "bin").mkdir()
    (tmp_path / "home").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


def playwright_chrome(folder: Path, revision: int) -> Path:
    return executable(folder / f"chromium-{revision}" / "chrome-linux" / "chrome")


def test_nothing_found(machine):
    assert find_browser() is None


@pytest.mark.parametrize(
    ("on_path", "chosen"),
    [
        (["google-chrome-stable", "google-chrome", "chromium-browser", "chromium"], "chromium"),
        (["google-chrome-stable", "google-chrome", "chromium-browser"], "chromium-browser"),
        (["google-chrome-stable", "google-chrome"], "google-chrome"),
        (["google-chrome-stable"], "google-chrome-stable"),
    ],
)
def test_path_names_in_order_before_playwright(machine, on_path, chosen):
    playwright_chrome(machine / "home/.cache/ms-playwright", 1200)
    for name in on_path:
        executable(machine / "bin" / name)
    assert find_browser() == Found(str(machine / "bin" / chosen), "found on PATH")


def test_a_file_on_path_that_cannot_run_is_passed_over(machine):
    (machine / "bin/chromium").write_text("not a program")
    executable(machine / "bin/google-chrome")
    assert find_browser() == Found(str(machine / "bin/google-chrome"), "found on PATH")


def test_the_setting_comes_first(machine, monkeypatch):
    executable(machine / "bin/chromium")
    mine = executable(machine / "opt/my-chrome")
    monkeypatch.setenv("LADDERPRESS_CHROMIUM", str(mine))
    found = find_browser()
    assert found == Found(str(mine), "from LADDERPRESS_CHROMIUM")
    assert found.using() == f"Using {mine} (from LADDERPRESS_CHROMIUM)"


def test_the_setting_may_name_a_command_on_path(machine, monkeypatch):
    executable(machine / "bin/chromium")
    executable(machine / "bin/chrome-beta")
    monkeypatch.setenv("LADDERPRESS_CHROMIUM", "chrome-beta")
    assert find_browser() == Found(str(machine / "bin/chrome-beta"), "from LADDERPRESS_CHROMIUM")


def test_a_wrong_setting_is_an_error_not_a_fallback(machine, monkeypatch):
    executable(machine / "bin/chromium")
    monkeypatch.setenv("LADDERPRESS_CHROMIUM", "/x/y")
    with pytest.raises(BrowserSettingError) as error:
        find_browser()
    assert str(error.value) == "LADDERPRESS_CHROMIUM points at /x/y, which does not exist"
    (machine / "opt").mkdir()
    (machine / "opt/chrome").write_text("not a program")
    for wrong in (machine / "opt", machine / "opt/chrome"):
        monkeypatch.setenv("LADDERPRESS_CHROMIUM", str(wrong))
        with pytest.raises(BrowserSettingError) as error:
            find_browser()
        assert str(error.value) == (
            f"LADDERPRESS_CHROMIUM points at {wrong}, which is not an executable file"
        )


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux cache folder")
def test_playwright_cache_newest_revision_first(machine):
    cache = machine / "home/.cache/ms-playwright"
    playwright_chrome(cache, 1187)
    newest = executable(cache / "chromium-1200/chrome-linux64/chrome")
    executable(cache / "chromium_headless_shell-1300/chrome-linux/headless_shell")
    assert playwright_folder() == cache
    found = find_browser()
    assert found == Found(str(newest), "Playwright's Chromium")
    assert found.using() == (
        f"Using {newest} (Playwright's Chromium; set LADDERPRESS_CHROMIUM to use another)"
    )


def test_playwright_browsers_path_replaces_the_cache(machine, monkeypatch):
    playwright_chrome(machine / "home/.cache/ms-playwright", 1200)
    elsewhere = machine / "browsers"
    chrome = playwright_chrome(elsewhere, 1100)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(elsewhere))
    assert find_browser() == Found(str(chrome), "Playwright's Chromium")


def test_the_module_answers_without_dependencies(machine):
    chromium = executable(machine / "bin/chromium")
    # .ci/run asks this with the system Python before anything is installed.
    result = subprocess.run(
        [sys.executable, "-S", "-m", "generator.commands.browser"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Using {chromium} (found on PATH; set LADDERPRESS_CHROMIUM to use another)\n"
    )
    chromium.unlink()
    empty = subprocess.run(
        [sys.executable, "-S", "-m", "generator.commands.browser"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": str(machine / "bin"), "HOME": str(machine / "home")},
    )
    assert empty.returncode == 1
    assert empty.stderr.startswith("no Chromium or Chrome found: looked for LADDERPRESS_CHROMIUM")
