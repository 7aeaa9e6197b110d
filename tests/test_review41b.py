"""review41b: bugs found in stop 40's unreviewed fixes (review40a, review40b), each a test that failed before its fix."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _unprivileged() -> list[str]:
    """A prefix that runs a child without root's right to write any file (as tests/test_review40b.py does)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file read-only for the child")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner,-linux_immutable"]


# review40b's `cli._write` wrote every report beside its path and renamed it over the path's target
# (`path.resolve()`): `-o /dev/stdout` into a pipe (`report URL -o /dev/stdout | less`), `-o /dev/fd/3` or a shell's
# `-o >(gzip > r.md.gz)` resolve to "/proc/<pid>/fd/pipe:[N]", no file a folder holds, and the run said "cannot write
# /dev/stdout: No such file or directory" (exit 1) where it had written the report.
def test_a_report_written_to_a_pipe_by_its_dev_fd_name_is_written_into_the_pipe():
    from resolver import cli

    read, write = os.pipe()
    try:
        cli._write(Path(f"/dev/fd/{write}"), "# the report\n")
        os.close(write)
        write = -1
        with os.fdopen(read, "rb") as pipe:
            read = -1
            assert pipe.read() == b"# the report\n"
    finally:
        for fd in (read, write):
            if fd >= 0:
                os.close(fd)


# ... and a report the user made read-only (`chmod a-w report.md`, to keep the one shown to an editor) was renamed
# over: a new file took its place with its read-only mode, where writing it in place was refused ("cannot write …:
# Permission denied") and the earlier report kept. Still refused, the earlier report whole, nothing left beside it.
def test_a_report_the_user_made_read_only_is_not_replaced(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("the report shown to the editor\n", encoding="utf-8")
    path.chmod(0o444)
    code = "import sys; from pathlib import Path; from resolver import cli; cli._write(Path(sys.argv[1]), 'new\\n')"
    done = subprocess.run([*_unprivileged(), sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          cwd=ROOT)
    assert done.returncode != 0 and f"cannot write {path}: Permission denied" in done.stderr, done.stderr
    assert path.read_text(encoding="utf-8") == "the report shown to the editor\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


# ... and the file written beside took the report's name with a prefix and a suffix of up to 22 more bytes: a report
# whose name was near the file system's limit of 255 bytes (written before) failed with "File name too long".
def test_a_report_with_a_long_name_is_written(tmp_path):
    from resolver import cli

    path = tmp_path / ("отчёт-" * 22 + "ab.md")   # 249 bytes
    assert len(path.name.encode("utf-8")) <= 255
    path.write_text("old\n", encoding="utf-8")
    cli._write(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
