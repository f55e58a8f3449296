"""Where the package's own files are: the built-in theme, the example framework, the files
`init` adds, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent

#: The themes that come with the package (folders of themes_dir()).
BUILTIN_THEMES = ("default",)


def example_dir() -> Path:
    """The bundled example site (site.yml + content/)."""
    installed = _PACKAGE / "example"
    return installed if installed.is_dir() else _CHECKOUT


def themes_dir() -> Path:
    """The folder holding the built-in themes."""
    installed = _PACKAGE / "themes"
    return installed if installed.is_dir() else _CHECKOUT / "themes"


def data_dir() -> Path:
    """The package's data files: the default worksheet, the files `init` adds to a site."""
    return _PACKAGE / "data"
