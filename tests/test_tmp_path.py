"""The suite's own `tmp_path` (tests/conftest.py, numbered by a count instead of pytest's scan of the whole base
directory): each test still gets a new, empty, writable directory of its own under the run's base directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SEEN: list[Path] = []


@pytest.mark.parametrize("n", range(3))
def test_each_test_gets_a_new_empty_directory_of_its_own(n: int, tmp_path: Path,
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    assert tmp_path.is_dir() and not any(tmp_path.iterdir())
    assert tmp_path.parent == tmp_path_factory.getbasetemp()
    assert re.fullmatch(r"test_each_test_gets_a_new_empt\d+", tmp_path.name)   # as pytest names it
    assert tmp_path not in SEEN
    SEEN.append(tmp_path)
    (tmp_path / "file").write_text("written")


def test_tmpdir_is_the_same_directory(tmp_path: Path, tmpdir) -> None:
    assert Path(tmpdir) == tmp_path
