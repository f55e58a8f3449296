"""The commands that read a site (cli/publish.py), each invoked on its own: check, schema,
build, print and serve, as far as they go without a browser or a server."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from generator.cli.publish import build, check, print_command, schema, serve
from generator.commands import serve as serving
from tests.conftest import SITES, free_port

MINIMAL = str(SITES / "minimal")
BROKEN = {"content/levels/principal-pm.md": "---\ntitle: P\ntrack: ics\nrank: 3\n---\n"}
WARNED = {"content/tracks/design.md": "---\nname: Design\norder: 3\n---\n"}


def run(command, *args: str):
    return CliRunner().invoke(command, list(args))


def test_check_says_how_many_files_it_read():
    result = run(check, MINIMAL)
    assert (result.exit_code, result.output) == (0, "Checked 11 files: no problems found.\n")


def test_check_exits_1_on_errors_and_on_warnings_with_strict(make_site):
    broken = run(check, str(make_site(BROKEN)))
    assert broken.exit_code == 1
    assert "principal-pm.md:3:8: error: 'track': unknown track 'ics'" in broken.output
    root = str(make_site(WARNED))
    assert run(check, root).exit_code == 0
    assert run(check, "--strict", root).exit_code == 1


def test_check_in_the_formats_for_tools(make_site):
    root = make_site(BROKEN)
    (item,) = json.loads(run(check, "--format", "json", str(root)).output)
    assert (item["line"], item["column"], item["code"]) == (3, 8, "unknown-ref")
    github = run(check, "--format", "github", str(root)).output
    assert github.startswith("::error file=") and ",line=3,col=8,title=unknown-ref::" in github
    assert run(check, "--format", "xml", str(root)).exit_code == 2


def test_schema_writes_the_schemas_into_a_folder(tmp_path):
    result = run(schema, "-o", str(tmp_path / "schemas"), "-q")
    assert (result.exit_code, result.output) == (0, "")
    assert len(list((tmp_path / "schemas").glob("*.schema.json"))) == 8
    assert run(schema, "-o", str(tmp_path / "again")).output == (
        f"Wrote 8 schemas to {tmp_path / 'again'}/\n"
    )


def test_build_writes_the_site_and_says_how_many_pages(tmp_path):
    out = tmp_path / "public"
    result = run(build, MINIMAL, "-o", str(out))
    assert result.exit_code == 0
    # (A slow machine shows a progress line too.)
    (built,) = [line for line in result.output.splitlines() if line.startswith("Built ")]
    assert built.endswith(f" → {out}/")
    assert (out / "index.html").is_file() and (out / "levels/pm/index.html").is_file()
    verbose = run(build, MINIMAL, "-o", str(out), "-v").output.splitlines()
    phases = [line.split()[0] for line in verbose if line.startswith("  ")]
    assert phases == ["check", "render", "clean"]


def test_build_writes_nothing_for_content_with_errors_or_warnings_with_strict(make_site, tmp_path):
    out = tmp_path / "public"
    result = run(build, str(make_site(BROKEN)), "-o", str(out))
    assert result.exit_code == 1 and "Build failed: nothing was written." in result.output
    assert not out.exists()
    assert run(build, str(make_site(WARNED)), "-o", str(out), "--strict").exit_code == 1
    assert not out.exists()


def test_print_refuses_a_level_or_target_the_site_lacks_before_looking_for_a_browser():
    result = run(print_command, "senior-pn", "-s", MINIMAL)
    assert result.exit_code == 2
    assert "Error: Invalid value for LEVEL: unknown level 'senior-pn'" in result.output
    result = run(print_command, "senior-pm", "-s", MINIMAL, "--target", "pm")
    assert result.exit_code == 2
    assert (
        "Invalid value for --target: 'senior-pm' has no worksheet aiming at 'pm' "
        "(targets: principal-pm, group-pm)"
    ) in result.output
    assert run(print_command, "pm", "-s", MINIMAL, "--paper", "a5").exit_code == 2


@pytest.fixture
def never_served(monkeypatch):
    """The server replaced by a failure, so that a test of what comes before it cannot hang."""

    def served(*args, **kwargs):
        raise AssertionError("the site was served")

    monkeypatch.setattr(serving, "serve", served)


def test_serve_takes_ports_from_1_to_65535(never_served):
    assert run(serve, MINIMAL, "--port", "0").exit_code == 2
    assert run(serve, MINIMAL, "--port", "65536").exit_code == 2


def test_serve_on_a_port_in_use_given_exactly_is_a_usage_error(never_served):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run(serve, MINIMAL, "--port", str(port))
    assert result.exit_code == 2
    assert f"port {port} on 127.0.0.1 is in use; choose another with --port" in result.output


def test_serve_warns_before_exposing_a_site_and_needs_a_site_folder(tmp_path):
    result = run(serve, str(tmp_path), "--host", "0.0.0.0", "--port", str(free_port()))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "warning: listening on 0.0.0.0: anyone on your network can read the site.\n"
    )
    assert result.output.endswith(f"Nothing to serve: {tmp_path} is not a site folder.\n")
