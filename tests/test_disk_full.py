"""A full disk (newuser39b #1): the run stops with one line naming what filled up and what to do, exit 7 (not
"internal error", exit 1, the code of one article that failed), the output file ends in a whole line, and the same
command run again once there is space finishes the rest, nothing lost or repeated."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from cache import Store
from resolver import output
from resolver.cli import EXIT_DISK_FULL, cli


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"story{n:03d}.txt").write_text(
            f"Story {n} of the harbour. As the mayor wrote: https://twitter.com/RivertonRoads/status/{1600000 + n}\n"
            f"Photo: Ana Ruiz {n}/Riverton Post\n")
    return folder


def scan(db: Path, out: Path, folder: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "scan", "--json", "-o", str(out), str(folder)])
    return result.exit_code, result.stderr if result.stderr_bytes is not None else result.output


def lines_of(out: Path) -> list[dict]:
    data = out.read_bytes()
    assert not data or data.endswith(b"\n"), f"a cut line at the end: {data[-80:]!r}"
    return [json.loads(line) for line in data.splitlines()]


def test_a_full_disk_under_the_output_file_leaves_no_half_line_and_exits_7(tmp_path, monkeypatch):
    folder = corpus(tmp_path / "in", 300)
    db, out = tmp_path / "c.db", tmp_path / "out.jsonl"
    real, writes = output._write_all, [0]

    def filling(handle: int, data: bytes) -> None:   # the second write finds the disk full half-way through it
        if handle != _fd_of(out, handle):
            return real(handle, data)
        writes[0] += 1
        if writes[0] < 2:
            return real(handle, data)
        real(handle, data[:len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(output, "_write_all", filling)
    code, said = scan(db, out, folder)
    assert code == EXIT_DISK_FULL, said
    assert f"error: cannot write {out}: No space left on device; the run stopped here" in said
    assert "internal error" not in said and "free some space" in said
    cut = lines_of(out)   # every line whole now, before any run repairs the file
    assert 0 < len(cut) < 300
    monkeypatch.setattr(output, "_write_all", real)
    code, said = scan(db, out, folder)
    assert code == 0, said
    sources = [line["source"] for line in lines_of(out)]
    assert sorted(sources) == sorted(str(path) for path in folder.iterdir())   # each once: nothing lost or repeated


def _fd_of(path: Path, handle: int) -> int:
    """`handle` when it is a descriptor of `path` (the output file, not its lock file), else -1."""
    try:
        return handle if os.path.samefile(f"/proc/self/fd/{handle}", path) else -1
    except OSError:
        return -1


def test_a_full_cache_names_the_cache_and_exits_7_and_the_rerun_is_exact(tmp_path, monkeypatch):
    db, out = tmp_path / "c.db", tmp_path / "out.jsonl"
    code, said = scan(db, tmp_path / "first.jsonl", corpus(tmp_path / "one", 1))
    assert code == 0, said
    folder = corpus(tmp_path / "in", 60)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    connect = Store._connect

    def small(self, *args, **kwargs):   # SQLite's own limit on the file's pages: "database or disk is full"
        conn = connect(self, *args, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {pages + 8}")
        return conn
    monkeypatch.setattr(Store, "_connect", small)
    code, said = scan(db, out, folder)
    assert code == EXIT_DISK_FULL, said
    assert f"error: cannot write the cache {db}: the disk holding it is full" in said, said
    assert "internal error" not in said and "run the same command again" in said
    assert len(lines_of(out)) < 60
    monkeypatch.setattr(Store, "_connect", connect)
    code, said = scan(db, out, folder)
    assert code == 0, said
    sources = [line["source"] for line in lines_of(out)]
    assert sorted(sources) == sorted(str(path) for path in folder.iterdir())


def test_a_full_disk_when_the_lock_file_is_written_is_said_and_leaves_no_lock_file(tmp_path, monkeypatch):
    folder = corpus(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"

    def full(handle: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(output, "_write_all", full)
    code, said = scan(tmp_path / "c.db", out, folder)
    assert code == EXIT_DISK_FULL, said
    assert f"error: cannot write {out}: cannot write its lock file" in said and "No space left on device" in said
    assert not (tmp_path / ".out.jsonl.lock").exists()
