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
