"""`ladderpress print`: a worksheet to PDF through the system Chromium."""

from __future__ import annotations

from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.commands import printing
from generator.commands.browser import find_browser
from tests.conftest import REPO, SITES, needs_browser

SIZES = {"a4": (595, 842), "letter": (612, 792)}


def test_print_level_worksheet_in_both_sizes(tmp_path):
    needs_browser()
    for paper, size in SIZES.items():
        out = tmp_path / f"{paper}.pdf"
        result = CliRunner().invoke(
            main, ["print", "senior-pm", "-s", str(REPO), "-o", str(out), "--paper", paper]
        )
        assert result.exit_code == 0, result.output
        reader = PdfReader(out)
        assert 1 <= len(reader.pages) <= 4
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
        text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
        assert "Career plan: Senior Product Manager" in text
        assert "Page 1 of" in text  # the running footer


def test_print_other_target(tmp_path):
    needs_browser()
    out = tmp_path / "gpm.pdf"
    result = CliRunner().invoke(
        main, ["print", "senior-pm", "--target", "group-pm", "-s", str(REPO), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "from Senior Product Manager to Group Product Manager" in text


def test_unknown_level_and_target_are_usage_errors(tmp_path):
    bad = CliRunner().invoke(main, ["print", "vp", "-s", str(REPO), "-o", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2 and "unknown level 'vp'" in bad.output
    bad = CliRunner().invoke(
        main,
        ["print", "pm", "--target", "vp-product", "-s", str(REPO), "-o", str(tmp_path / "x.pdf")],
    )
    assert bad.exit_code == 2 and "has no worksheet aiming at 'vp-product'" in bad.output
    # The top of a track with nothing beside it has one worksheet, aiming at no other level.
    top = CliRunner().invoke(
        main,
        [
            "print",
            "vp-product",
            "--target",
            "director",
            "-s",
            str(REPO),
            "-o",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert top.exit_code == 2 and "'vp-product' leads to no other level" in top.output


def test_no_browser_gives_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(printing, "find_browser", lambda: None)
    result = CliRunner().invoke(
        main, ["print", "pm", "-s", str(REPO), "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 1
    assert "no Chromium or Chrome found to print with (looked for LADDERPRESS_CHROMIUM, " in (
        result.output
    )
    assert not (tmp_path / "x.pdf").exists()


def test_a_wrong_browser_setting_is_named_not_replaced(tmp_path, monkeypatch):
    missing = tmp_path / "no" / "chrome"
    monkeypatch.setenv("LADDERPRESS_CHROMIUM", str(missing))
    result = CliRunner().invoke(
        main, ["print", "pm", "-s", str(REPO), "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 1
    assert (
        result.output == f"Error: LADDERPRESS_CHROMIUM points at {missing}, which does not exist\n"
    )
    monkeypatch.setenv("LADDERPRESS_CHROMIUM", str(tmp_path))
    result = CliRunner().invoke(
        main, ["print", "pm", "-s", str(REPO), "-o", str(tmp_path / "x.pdf")]
    )
    assert result.exit_code == 1
    assert f"points at {tmp_path}, which is not an executable file" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_print_names_the_browser_it_used(tmp_path):
    needs_browser()
    lines: list[str] = []
    out = printing.print_worksheet(REPO, "pm", None, tmp_path / "pm.pdf", None, say=lines.append)
    assert out.stat().st_size > 0
    found = find_browser()
    assert found is not None and lines == [found.using()]


def test_print_checks_the_content_once(tmp_path, monkeypatch):
    """The build that print makes takes the checked content; it does not check it again."""
    from generator.commands import build as build_module

    calls = []
    real = build_module.check_site

    def counting(root):
        calls.append(root)
        return real(root)

    monkeypatch.setattr(printing, "check_site", counting)
    monkeypatch.setattr(build_module, "check_site", counting)
    fake = tmp_path / "chromium"  # writes a PDF where it is told to, as Chromium does
    fake.write_text(
        '#!/bin/sh\nfor a; do case "$a" in --print-to-pdf=*) '
        "printf '%%PDF-1.4' > \"${a#--print-to-pdf=}\";; esac; done\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("LADDERPRESS_CHROMIUM", str(fake))
    out = printing.print_worksheet(SITES / "minimal", "pm", None, tmp_path / "pm.pdf", None)
    assert out.read_bytes() == b"%PDF-1.4"
    assert calls == [SITES / "minimal"]
