"""A theme's theme.yml: which theme it extends, checked like every other settings file."""

from __future__ import annotations

from generator.content.settings import THEME
from generator.content.sources import DataFile
from generator.errors import Mark, Report


def theme_parent(manifest: DataFile | None, report: Report) -> str | None:
    """The theme a theme extends, by its theme.yml (None: it stands alone); each problem
    in theme.yml reported."""
    if manifest is None or manifest.node is None:
        # No theme.yml, an empty one, or one that could not be read (reported): the defaults.
        return THEME.defaults(Mark(manifest.path if manifest else "")).get("extends")
    return THEME.check(manifest.node, "", report, Mark(manifest.path)).get("extends")
