"""The size an article read from a file or stdin may have (`[scan] max_article_bytes`): judged by the file's size
before it is read, and by a bounded read for what has no size (a character device, a pipe, stdin). Before
(newuser30), `scan /dev/zero` read until the machine killed it, and a 3 GB file was read whole to be refused."""

import json
import os
import subprocess
import threading

import pytest

from resolver.article import MAX_ARTICLE_BYTES
from resolver.settings import Settings, load_settings
from tests.cliworld import World, lines
from tests.test_cli_targets import STORY_HTML

CAP = 2000


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "small.html").write_text(STORY_HTML[:CAP - 100])
    return World(fakenet, tmp_path, extra=f"[scan]\nmax_article_bytes = {CAP}\n")


def test_the_setting_is_read_from_the_scan_section_and_defaults_to_the_old_limit(tmp_path):
    assert Settings().max_article_bytes == MAX_ARTICLE_BYTES > 45_000_000   # the corpus's largest page is 45 MB
    config = tmp_path / "c.toml"
    config.write_text("[scan]\nmax_article_bytes = 0\n")
    assert load_settings(env={}, path=config).max_article_bytes == 0
    config.write_text("[scan]\nmax_article_bytes = -1\n")
    with pytest.raises(Exception, match=r"\[scan\] max_article_bytes must be a non-negative number"):
        load_settings(env={}, path=config)


def test_a_file_over_the_cap_is_one_error_line_and_the_run_goes_on(world, tmp_path):
    big = tmp_path / "big.html"
    big.write_text(STORY_HTML + " " * CAP)
    result = world("scan", "--json", str(big), str(tmp_path / "small.html"))
    assert result.exit_code == 1, result.output
    size = big.stat().st_size
    assert lines(result.stderr)[:1] == [f"error: cannot scan {big}: {size:,} bytes is more than the {CAP:,}-byte limit "
                                    f"([scan] max_article_bytes)"]
    first, second = [json.loads(line) for line in lines(result.stdout)]
    assert first["source"] == str(big) and first["error"].startswith("input: cannot scan")
    assert second["source"] == str(tmp_path / "small.html")


def test_a_file_is_judged_by_its_size_before_it_is_read(world, tmp_path):
    """A sparse 3 GB file: refused from its size alone (reading it whole took memory the size of the file)."""
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as handle:
        handle.truncate(3_000_000_000)
    result = world("scan", str(huge))
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: cannot scan {huge}: 3,000,000,000 bytes is more than the {CAP:,}-byte "
                                    f"limit ([scan] max_article_bytes)"]


def test_stdin_over_the_cap_is_refused(world):
    result = world("scan", "-", input=STORY_HTML + " " * CAP)
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: cannot scan -: more than the {CAP:,}-byte limit "
                                    f"([scan] max_article_bytes)"]
    assert world("scan", "--json", "-", input=STORY_HTML[:CAP - 100]).exit_code == 0


def test_a_stream_that_never_ends_is_read_no_further_than_the_cap(world, tmp_path):
    """A named pipe that holds more than the cap and is never closed (as /dev/zero never ends): the run reads one
    byte past the cap, says so and goes on to the next article, where before it waited (or grew) forever."""
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: _feed_and_hold(fifo), daemon=True)
    writer.start()
    child = world.process("scan", "--json", str(fifo), str(tmp_path / "small.html"), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 1, err
    assert err.decode().splitlines()[:1] == [f"error: cannot scan {fifo}: more than the {CAP:,}-byte limit "
                                         f"([scan] max_article_bytes)"]
    assert json.loads(out.decode().splitlines()[1])["source"] == str(tmp_path / "small.html")


def _feed_and_hold(fifo) -> None:
    with open(fifo, "wb") as handle:
        try:
            handle.write(b"<p>" + b"a" * (CAP * 3))
            handle.flush()
            threading.Event().wait(70)
        except BrokenPipeError:
            pass


def test_no_cap_when_it_is_zero(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    world = World(fakenet, tmp_path, extra="[scan]\nmax_article_bytes = 0\n")
    big = tmp_path / "big.html"
    big.write_text(STORY_HTML + " " * CAP)
    assert world("scan", "--json", str(big)).exit_code == 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_interrupts31_a_file_over_the_cap_in_a_folder_is_skipped_the_same_whatever_workers(world, tmp_path, workers):
    """newuser31b finding 4: with --workers 2 the worker's TooLarge could not be pickled, so a file a folder walk
    found over the cap was "internal error: WorkerError: TooLarge" (exit 1); with --workers 1 a warning and a
    skip (exit 0)."""
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "z_big.html").write_text(STORY_HTML + " " * CAP)
    (folder / "a_small.html").write_text(STORY_HTML[:CAP - 100])
    result = world("scan", "--json", "--workers", workers, str(folder))
    assert result.exit_code == 0, result.output
    size = (folder / "z_big.html").stat().st_size
    assert lines(result.stderr)[:1] == [f"warning: cannot scan {folder / 'z_big.html'}: {size:,} bytes is more than "
                                        f"the {CAP:,}-byte limit ([scan] max_article_bytes); skipped"]
    assert [json.loads(line)["source"] for line in lines(result.stdout)] == [str(folder / "a_small.html")]
    assert "1 skipped" in result.stderr
