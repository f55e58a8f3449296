"""Where the built-in theme and the example framework are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def example_dir() -> Path:
    """The bundled example site (site.yml + content/)."""
    installed = _PACKAGE / "example"
    return installed if installed.is_dir() else _CHECKOUT


def themes_dir() -> Path:
    """The folder holding the built-in themes."""
    installed = _PACKAGE / "themes"
    return installed if installed.is_dir() else _CHECKOUT / "themes"
