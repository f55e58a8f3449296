"""`ladderpress schema`: the JSON Schemas of every kind of content file, written into a folder."""

from __future__ import annotations

from pathlib import Path

from generator.content.schemas import all_schemas
from generator.errors import WriteError


def write_schemas(folder: Path) -> list[Path]:
    """The schema files written into folder (made if missing), one for each kind of file.

    Raises WriteError when the folder cannot be made or a file cannot be written.
    """
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in all_schemas().items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise WriteError(f"cannot write the schemas to {folder}: {exc.strerror or exc}") from None
    return written
