"""What a newsroom's 100,000-article backfill met (newuser39b): each case as the user ran it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def as_a_user(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """The CLI in a child process that file permissions bind: as root, without the capabilities that override
    them (as tests/test_database.py)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable for the child")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner,-linux_immutable"]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EMBED_RESOLVER", "XDG_"))}
    return subprocess.run([*prefix, sys.executable, "-m", "resolver", *args], capture_output=True, text=True,
                          cwd=cwd, env={**clean, "PYTHONPATH": str(ROOT), **env}, timeout=120)


def test_a_home_whose_config_cannot_be_read_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """newuser39b #9: `sudo -u other` without -H keeps HOME=/root: "internal error: PermissionError"."""
    folder = tmp_path / "home" / ".config" / "embed-resolver"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text("[network]\nretries = 0\n")
    (tmp_path / "story.txt").write_text("A story. https://twitter.com/RivertonRoads/status/1600000\n")
    folder.chmod(0)
    try:
        done = as_a_user("--db", str(tmp_path / "c.db"), "scan", "story.txt", env={"HOME": str(tmp_path / "home")},
                         cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"error: cannot read config file {folder / 'config.toml'}: permission denied "
                                  f"(HOME is {tmp_path / 'home'}); running as another user"), done.stderr
    assert "internal error" not in done.stderr and "sudo -H" in done.stderr


def test_an_unreadable_file_or_folder_a_walk_finds_is_an_error_line_a_row_and_exit_1(tmp_path: Path) -> None:
    """newuser39b #2: a mode-000 file and a mode-000 folder inside a walked folder were warnings ("skipped"), no JSON
    line, no errors row, exit 0: a backfill reported success with articles missing. Named directly it was already
    an error; now found by a walk too."""
    import json
    import sqlite3

    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "ok.txt").write_text("A story. https://twitter.com/RivertonRoads/status/1600000\n")
    (folder / "unreadable.txt").write_text("A story. https://twitter.com/RivertonRoads/status/1600001\n")
    (folder / "locked" / "inside.txt").write_text("A story. https://twitter.com/RivertonRoads/status/1600002\n")
    (folder / "unreadable.txt").chmod(0)
    (folder / "locked").chmod(0)
    try:
        done = as_a_user("--db", str(tmp_path / "c.db"), "scan", "--json", "in", env={"HOME": str(tmp_path)},
                         cwd=tmp_path)
    finally:
        (folder / "unreadable.txt").chmod(0o644)
        (folder / "locked").chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert "error: cannot read in/unreadable.txt: permission denied" in done.stderr, done.stderr
    assert "error: cannot list in/locked: Permission denied" in done.stderr, done.stderr
    assert "skipped" not in done.stderr
    lines = {line["source"]: line for line in map(json.loads, done.stdout.splitlines())}
    assert lines["in/unreadable.txt"] == {"source": "in/unreadable.txt",
                                          "error": "permission: cannot read in/unreadable.txt: permission denied"}
    assert lines["in/locked"]["error"] == "permission: cannot list in/locked: Permission denied"
    assert "embeds" in lines["in/ok.txt"]
    with sqlite3.connect(tmp_path / "c.db") as conn:
        rows = conn.execute("SELECT source, kind FROM errors ORDER BY source").fetchall()
    assert rows == [("in/locked", "permission"), ("in/unreadable.txt", "permission")]


def test_cache_stats_says_the_free_space_a_run_left_and_names_cache_vacuum(tmp_path: Path) -> None:
    """newuser39b #7: a finished 100k run's file was a third free pages (its progress rows deleted); `cache stats`
    gave the file's size alone."""
    import json

    from click.testing import CliRunner

    from cache import Store
    from resolver.cli import cli

    db = tmp_path / "c.db"
    store = Store(db)
    with store.write():
        store.conn.execute("CREATE TABLE filler (x BLOB)")
        store.conn.executemany("INSERT INTO filler VALUES (?)", [(b"x" * 4000,) for _ in range(500)])
    with store.write():
        store.conn.execute("DROP TABLE filler")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    found = json.loads(CliRunner().invoke(cli, ["--db", str(db), "cache", "stats", "--json"]).stdout)
    assert found["free_bytes"] >= 500 * 4000
    said = CliRunner().invoke(cli, ["--db", str(db), "cache", "stats"]).stdout.splitlines()[0]
    assert f"MB of it free: `cache vacuum` gives it back to the disk), schema version" in said, said
    assert CliRunner().invoke(cli, ["--db", str(db), "cache", "vacuum"]).exit_code == 0
    found = json.loads(CliRunner().invoke(cli, ["--db", str(db), "cache", "stats", "--json"]).stdout)
    assert found["free_bytes"] == 0
    assert "of it free" not in CliRunner().invoke(cli, ["--db", str(db), "cache", "stats"]).stdout.splitlines()[0]
