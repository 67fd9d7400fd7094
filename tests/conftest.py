"""A PostgreSQL server for the tests that need one (fixture ``pg_url``).

The server is the one at ``DOSSIER_TEST_POSTGRES`` (a URL whose role may
create databases, as ``.ci/run`` sets it), else a throwaway cluster made with
the local PostgreSQL's ``initdb`` in a temporary folder (as the ``postgres``
user when running as root).  Each test gets a new database, dropped after it.
Where neither works, the tests skip and say why.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dossier import dialect

ENV = "DOSSIER_TEST_POSTGRES"


def _problem(url: str) -> str | None:
    """Why the server at ``url`` cannot be used to create databases, if it cannot."""
    engine = create_engine(dialect.url(url), connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            if not conn.execute(
                text("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
            ).scalar():
                return "its role may not create databases"
    except Exception as error:  # any reason not to use it is reported in the skip message
        return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
    finally:
        engine.dispose()
    return None


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name))  # fmt: skip
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder."""

    def __init__(self) -> None:
        bin_dir = _bin_dir()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL is not installed (no initdb)")
        self.folder = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            try:
                owner = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no postgres user") from None
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        self.ctl = str(bin_dir / "pg_ctl")
        self.port = _free_port()
        self._run(str(bin_dir / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync")  # fmt: skip
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
                   " -c fsync=off -c synchronous_commit=off")  # fmt: skip
        self._run(self.ctl, "-D", str(self.data), "-o", options, "-w", "-t", "60",
                  "-l", str(self.folder / "log"), "start")  # fmt: skip
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self.as_user, *command], capture_output=True, text=True,
                              timeout=120, cwd=self.folder)  # fmt: skip
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines() or ["failed"]
            raise RuntimeError(f"{Path(command[0]).name}: {lines[-1]}")

    def stop(self) -> None:
        try:
            self._run(self.ctl, "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server whose role may create databases."""
    problems = []
    given = os.environ.get(ENV)
    if given:
        problem = _problem(given)
        if problem is None:
            yield given
            return
        problems.append(f"{ENV}={dialect.shown(given)}: {problem}")
    else:
        problems.append(f"{ENV} is not set")
    try:
        cluster = Cluster()
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        problems.append(f"no local cluster: {error}")
        pytest.skip("PostgreSQL tests skipped: " + "; ".join(problems))
    try:
        problem = _problem(cluster.url)
        if problem is not None:
            pytest.skip(f"PostgreSQL tests skipped: the local cluster is unusable: {problem}")
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture()
def pg_url(postgres_server: str) -> Iterator[str]:
    """A ``postgresql://`` URL of a new, empty database, dropped after the test."""
    name = f"dossier_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(dialect.url(postgres_server), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
