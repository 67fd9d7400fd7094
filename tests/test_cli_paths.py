"""Paths the command line is given: every database, output and port problem is one
line (no traceback), ``serve`` refuses a database that does not exist unless
``--create``, and ``--version``/``--help`` say what users can check.

``serve`` runs in a subprocess with a timeout, so that a server that starts
when it should have refused fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rus-prk-jets-for-troops.txt"


def run(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def dossier(*args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m dossier ARGS`` in a subprocess; a command still running at the
    timeout (a server that started) is stopped and fails the test."""
    command = [sys.executable, "-m", "dossier", *map(str, args)]
    try:
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as stopped:
        pytest.fail(f"still running after {timeout} s: {' '.join(command)}\n{stopped.stderr}")


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


@pytest.fixture()
def empty_db(tmp_path) -> Path:
    path = tmp_path / "empty.db"
    Store(path).close()
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_refuses_a_database_that_does_not_exist(tmp_path):
    typo = tmp_path / "typo.db"
    result = dossier("serve", "--db", typo, "--port", free_port(), timeout=30)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert line.startswith(f"error: {typo}: no such database") and "--create" in line
    assert not typo.exists()


@pytest.mark.parametrize("kind", ["not a database", "missing folder", "a folder"])
def test_serve_says_in_one_line_why_a_database_cannot_be_opened(tmp_path, kind):
    if kind == "not a database":
        db = tmp_path / "passwd"
        db.write_text("root:x:0:0:root:/root:/bin/bash\n" * 20)
        expected, status = f"error: {db}: cannot open the database: file is not a database", 1
    elif kind == "missing folder":
        db = tmp_path / "no" / "such" / "news.db"
        expected, status = f"error: {db}: no such folder {db.parent}", 2
    else:
        db = tmp_path
        expected, status = f"error: {db}: is a folder, not a database file", 2
    result = dossier("serve", "--db", db, "--create", "--port", free_port(), timeout=30)
    assert (result.returncode, one_line(result.stderr)) == (status, expected)


def test_serve_says_a_port_in_use_before_any_banner(empty_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = dossier("serve", "--db", empty_db, "--port", port, timeout=30)
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        f"error: cannot listen on 127.0.0.1:{port}: Address already in use "
        "(another server? choose another --port)"
    )


def test_serve_create_starts_an_empty_database_and_answers(tmp_path):
    db, port = tmp_path / "new.db", free_port()
    command = [sys.executable, "-m", "dossier", "serve", "--db", str(db), "--create",
               "--port", str(port)]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        answer = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events") as response:
                    answer = json.load(response)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.5)
        assert answer == {"items": [], "total": 0, "page": 1, "per_page": 50}
        assert db.exists()
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("where", ["missing folder", "a folder", "unwritable"])
def test_export_to_a_path_it_cannot_write_is_one_line(empty_db, tmp_path, where):
    if where == "missing folder":
        out = tmp_path / "no" / "out.csv"
        expected = f"error: {out}: no such folder {out.parent}"
    elif where == "a folder":
        out = tmp_path
        expected = f"error: {out}: cannot write: Is a directory"
    else:
        out = Path("/proc/dossier-out.csv")  # no one may create files there, root either
        if not Path("/proc/self").exists():
            pytest.skip("no /proc to stand for an unwritable folder")
        expected = f"error: {out}: cannot write: No such file or directory"
    result = run("export", out, "--format", "csv", "--db", empty_db)
    assert result.exit_code == 2
    assert one_line(result.stderr) == expected


@pytest.mark.parametrize("command", ["events", "fuse", "actors", "stats", "ingest", "export"])
def test_every_db_path_error_is_one_line(tmp_path, command):
    args = {"ingest": [EXAMPLE], "export": ["-", "--format", "csv"]}.get(command, [])
    not_db = tmp_path / "notes.txt"
    not_db.write_text("not a database\n" * 10)
    result = run(command, *args, "--db", not_db)
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"error: {not_db}: cannot open the database: " + (
        "file is not a database"
    )
    folder = run(command, *args, "--db", tmp_path)
    assert folder.exit_code == 2
    assert one_line(folder.stderr) == f"error: {tmp_path}: is a folder, not a database file"
    missing = tmp_path / "no" / "such.db"
    gone = run(command, *args, "--db", missing)
    assert gone.exit_code == 2
    expected = f"error: {missing}: no such " + (
        f"folder {missing.parent}" if command == "ingest" else "database"
    )
    assert one_line(gone.stderr).startswith(expected)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"dossier {metadata.version('dossier')}\n"


def test_help_cites_no_file_users_do_not_have():
    commands = ["extract", "ingest", "fuse", "events", "export", "actors", "stats", "serve",
                "eval", "eval plover", "eval factuality", "eval geo", "eval timeml"]  # fmt: skip
    pages = [run("--help").stdout] + [run(*c.split(), "--help").stdout for c in commands]
    assert all(page.startswith("\n Usage") or "Usage" in page for page in pages)
    assert not [page for page in pages if "design.md" in page]
    package = ROOT / "dossier"
    cited = [str(p) for p in package.rglob("*.py") if "design.md" in p.read_text("utf-8")]
    assert cited == []
