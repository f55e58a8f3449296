"""`ladderpress print`: a level's worksheet as a PDF, through a Chromium found on the machine.

Chromium lays the worksheet out exactly as a person's browser prints it (the
same print stylesheet, page size and running footer), so the PDF matches what
the Print button gives.  Nothing is downloaded: without a Chromium or Chrome
on the machine the command says so and stops.  generator/commands/browser.py finds it.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from generator.commands.browser import BrowserSettingError, find_browser, not_found_message
from generator.commands.build import build
from generator.commands.check import check_site
from generator.content.model import Site
from generator.content.spec import suggest
from generator.errors import ContentError, PrintError, UsageProblem
from generator.site.kinds import url_for
from generator.site.output import private_folder
from generator.site.views import plan_targets

TIMEOUT = 120


def worksheet_path(site: Site, level_id: str, target_id: str | None) -> str:
    """The output path of a level's worksheet aiming at target (default: its first target).

    Raises UsageProblem, naming LEVEL or --target, for a level or target there is not.
    """
    ids = [lv.id for lv in site.levels]
    if level_id not in ids:
        raise _not_found(level_id, ids, f"unknown level '{level_id}'", "known", "LEVEL")
    level = site.level(level_id)
    targets = [t.id for t in plan_targets(site, level)]
    if target_id is None or targets[:1] == [target_id]:
        return url_for("plan", level_id)
    if not targets:
        raise UsageProblem(
            f"'{level_id}' leads to no other level: its one worksheet is about deepening the "
            "work at that level; leave out --target",
            param_hint="--target",
        )
    if target_id not in targets:
        said = f"'{level_id}' has no worksheet aiming at '{target_id}'"
        raise _not_found(target_id, targets, said, "targets", "--target")
    return url_for("plan", level_id, target_id)


def _not_found(word: str, known: list[str], said: str, listed: str, param: str) -> UsageProblem:
    """The error for a level or target that is not there: the id meant, or those there are."""
    close = suggest(word, known)
    return UsageProblem(
        said + (f"; {close}" if close else f" ({listed}: {', '.join(known)})"), param_hint=param
    )


def print_worksheet(
    root: Path,
    level_id: str,
    target_id: str | None,
    out: Path,
    paper: str | None,
    say: Callable[[str], None] = lambda line: None,
) -> Path:
    """out, once the site is built aside and Chromium has printed the worksheet to it.

    Raises ContentError when the content has errors, UsageProblem for a level or target
    there is not, PrintError when there is no browser or it fails.  say gets one line naming the browser used and how to choose another.
    """
    checked = check_site(root)
    if checked.site is None:
        raise ContentError(checked.diagnostics)
    page = worksheet_path(checked.site, level_id, target_id)  # a typo is told before anything else
    try:
        found = find_browser()
    except BrowserSettingError as exc:
        raise PrintError(str(exc)) from None
    if found is None:
        raise PrintError(
            f"no Chromium or Chrome found to print with ({not_found_message()}). Install one "
            "(e.g. `apt-get install chromium`, Google Chrome, or `playwright install chromium`), "
            "or set LADDERPRESS_CHROMIUM to its path. You can also open the worksheet in any "
            "browser and use its Print command."
        )
    browser = found.path
    say(found.using())
    with private_folder("ladderpress-print-") as tmp:
        site_dir = tmp / "site"
        build(root, site_dir, paper=paper, checked=checked)
        args = [
            browser,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out.absolute()}",
            (site_dir / page).as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            result = subprocess.run(args, capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrintError(f"{browser} could not print the worksheet: {exc}") from None
        if result.returncode != 0 or not out.exists() or out.stat().st_size == 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise PrintError(f"{browser} could not print the worksheet: {' '.join(detail)}")
    return out
