"""Which Chromium or Chrome to run: one lookup, in the order docs/worksheets.md documents.

1. LADDERPRESS_CHROMIUM, if set (a path, or a command on PATH);
2. chromium, chromium-browser, google-chrome, google-chrome-stable on PATH;
3. the Chromium Playwright installed (`playwright install chromium`), newest first.

Only the standard library is used, so `python3 -m generator.commands.browser` answers on a
machine where nothing is installed yet (.ci/run asks it before installing Chromium).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

VARIABLE = "LADDERPRESS_CHROMIUM"
FROM_VARIABLE = f"from {VARIABLE}"
ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Inside Playwright's chromium-<revision>/ folder: Chrome for Testing builds
# (Playwright 1.57 and later), then the older Chromium builds.
PLAYWRIGHT_EXECUTABLES = (
    "chrome-linux64/chrome",
    "chrome-linux-arm64/chrome",
    "chrome-linux/chrome",
    "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
    "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
    "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
    "chrome-win64/chrome.exe",
    "chrome-win/chrome.exe",
)


class BrowserSettingError(Exception):
    """LADDERPRESS_CHROMIUM is set but names nothing that can be run."""


@dataclass(frozen=True)
class Found:
    """A browser to run, and how it was found."""

    path: str
    how: str

    def using(self) -> str:
        """One line: the browser, how it was found, and how to choose another."""
        if self.how == FROM_VARIABLE:
            return f"Using {self.path} ({self.how})"
        return f"Using {self.path} ({self.how}; set {VARIABLE} to use another)"


def find_browser() -> Found | None:
    """The browser to run, in the documented order; None when there is none.

    Raises BrowserSettingError when LADDERPRESS_CHROMIUM is set but wrong: a
    wrong setting is reported, never silently replaced by another browser.
    """
    chosen = os.environ.get(VARIABLE)
    if chosen:
        return Found(_checked_setting(chosen), FROM_VARIABLE)
    for name in ON_PATH:
        found = shutil.which(name)
        if found:
            return Found(found, "found on PATH")
    found = _playwright_browser()
    if found:
        return Found(found, "Playwright's Chromium")
    return None


def not_found_message() -> str:
    """What was looked for, for the message when no browser is found."""
    return (
        f"looked for {VARIABLE}, then {', '.join(ON_PATH)} on PATH, "
        f"then Playwright's Chromium in {playwright_folder()}"
    )


def playwright_folder() -> Path:
    """Where Playwright keeps its browsers: PLAYWRIGHT_BROWSERS_PATH, else its cache folder."""
    setting = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if setting == "0":  # Playwright's own convention: inside the installed package
        spec = find_spec("playwright")
        if spec is not None and spec.origin is not None:
            return Path(spec.origin).parent / "driver" / "package" / ".local-browsers"
    elif setting:
        return Path(setting).absolute()
    if sys.platform == "darwin":
        cache = Path.home() / "Library" / "Caches"
    elif sys.platform == "win32":
        cache = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "ms-playwright"


def _checked_setting(value: str) -> str:
    """The executable LADDERPRESS_CHROMIUM names, or an error saying what is wrong with it."""
    found = shutil.which(value)
    if found:
        return found
    path = Path(value)
    if not path.exists():
        raise BrowserSettingError(f"{VARIABLE} points at {value}, which does not exist")
    raise BrowserSettingError(f"{VARIABLE} points at {value}, which is not an executable file")


def _playwright_browser() -> str | None:
    """The newest Chromium that Playwright installed, if any."""
    folder = playwright_folder()
    if not folder.is_dir():
        return None
    revisions = []
    for child in folder.glob("chromium-*"):
        revision = child.name.removeprefix("chromium-")
        if revision.isdigit():
            revisions.append((int(revision), child))
    for _, child in sorted(revisions, reverse=True):
        for relative in PLAYWRIGHT_EXECUTABLES:
            candidate = child / relative
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return str(candidate)
    return None


if __name__ == "__main__":
    try:
        browser = find_browser()
    except BrowserSettingError as exc:
        sys.exit(str(exc))
    if browser is None:
        sys.exit(f"no Chromium or Chrome found: {not_found_message()}")
    print(browser.using())
