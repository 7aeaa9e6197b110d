"""`scan -o FILE` (#13, #11): stale or lost output, left by stop 35 (outfile35, review35r3). A user reads FILE's
lines as this run's: a line of an input the run no longer has, of a record no longer there, or of another run
writing the same FILE at once, is worse than none."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from cache import Store
from resolver.output import OutputFile
from tests.test_interrupt import PLAIN, articles_in, plain_folder, plain_run, plain_scan
from tests.test_interrupt import STOPPED_WORLDS, stopped_world  # noqa: F401 - a fixture: the stopped run, shared


def page(n: int, first: int = 1600000000000000000) -> str:
    return (f'<p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Desk (@desk{n}) '
            f'<a href="https://twitter.com/desk{n}/status/{first + n}">May 1, 2023</a></blockquote>')


def stopped_run(tmp_path: Path, source: Path, out: Path, *extra: str) -> list[str]:
    """A run of `source` into `out` stopped by Ctrl-C: the sources FILE holds."""
    stopped = plain_scan(tmp_path, source, tmp_path / "stdout", "-o", str(out), *extra, kill=("ctrl-c", 200))
    _, err = stopped.communicate(timeout=60)
    assert stopped.returncode == 130, err
    before = articles_in(out)
    assert 1 < len(before) < PLAIN
    return before


def stopped_folder(stopped_world) -> tuple[Path, Path, Path, list[str]]:
    """`stopped_run` of `plain_folder` into found.jsonl, made once and shared (test_interrupt's `stopped_world`): a
    fresh copy of it at its fixed path. Returns that path (the stopped run's tmp_path), the folder, FILE and the
    sources FILE holds, checked as `stopped_run` checks them."""
    where, code, err = stopped_world("found.jsonl", ("ctrl-c", 200))
    assert code == 130, err
    before = articles_in(where / "found.jsonl")
    assert 1 < len(before) < PLAIN
    return where, where / "plain", where / "found.jsonl", before


def finish(tmp_path: Path, source: Path, out: Path, *extra: str) -> bytes:
    """The same command run again to its end, in this process (test_interrupt's `plain_run`)."""
    code, err = plain_run(tmp_path, source, tmp_path / "stdout", "-o", str(out), *extra)
    assert code == 0, err
    return err


@STOPPED_WORLDS
def test_outfile36_a_feed_shortened_at_its_end_takes_the_lines_of_its_removed_records_out(tmp_path: Path,
                                                                                          stopped_world) -> None:
    """A feed cut short after an interrupted `--jsonl -o FILE` run (its last records deleted): the lines of records
    past its new end stayed in FILE, read as this run's (outfile35 left it). Now FILE holds the feed as it is."""
    # `stopped_run` of the feed of `page(n)` (test_interrupt's `plain_feed`), made once and shared: a fresh copy
    tmp_path, code, err = stopped_world("found.jsonl", ("ctrl-c", 200), "json", "feed")
    assert code == 130, err
    feed, out = tmp_path / "feed.jsonl", tmp_path / "found.jsonl"
    assert feed.read_text() == "".join(json.dumps({"html": page(n)}) + "\n" for n in range(PLAIN))
    before = articles_in(out)
    assert 1 < len(before) < PLAIN
    kept = len(before) // 2
    feed.write_text("".join(json.dumps({"html": page(n)}) + "\n" for n in range(kept)))
    finish(tmp_path, feed, out, "--jsonl")
    assert articles_in(out) == [f"{feed}:{n}" for n in range(1, kept + 1)]


@STOPPED_WORLDS
def test_outfile36_a_file_deleted_from_the_folder_since_the_interrupted_run_takes_its_line_out(
        tmp_path: Path, stopped_world) -> None:
    """The same for a folder: a file the interrupted run finished, deleted since, is no input of this run."""
    tmp_path, folder, out, before = stopped_folder(stopped_world)   # a copy of the shared stopped run
    Path(before[1]).unlink()
    finish(tmp_path, folder, out)
    assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN) if n != 1]


def write_warc(path: Path, first: int) -> None:
    """PLAIN responses, uncompressed: a WARC made again with other posts holds its records at the same offsets."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for n in range(PLAIN):
            body = page(n, first).encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{n}", "response", payload=io.BytesIO(body), http_headers=http,
                length=len(body), warc_headers_dict={"WARC-Date": "2023-05-01T10:00:00Z"}))


def test_outfile36_a_warc_rewritten_in_place_is_read_again(tmp_path: Path) -> None:
    """A WARC made again under its name after an interrupted run (restored from another backup, crawled again):
    its records at the offsets the interrupted run finished were taken as done, a record's key being its offset:
    FILE held the old file's posts as this one's. A record is now known by its offset and its WARC-Record-ID, and
    its new line takes the place of the old one."""
    warc = tmp_path / "crawl.warc"
    write_warc(warc, 1600000000000000000)
    out = tmp_path / "found.jsonl"
    before = stopped_run(tmp_path, warc, out, "--warc-input")
    old = warc.read_bytes()
    write_warc(warc, 1700000000000000000)
    assert len(warc.read_bytes()) == len(old) and warc.read_bytes() != old
    finish(tmp_path, warc, out, "--warc-input")
    sources = articles_in(out)
    assert len(sources) == len(set(sources)) == PLAIN and sources[:len(before)] == before
    text = out.read_text()
    assert "16000000000000000" not in text
    assert {json.loads(line)["embeds"][0]["post_id"][:3] for line in text.splitlines()} == {"170"}


def test_outfile36_a_second_run_on_the_same_output_file_is_refused_in_one_line(tmp_path: Path) -> None:
    """Two runs writing one FILE at once interleaved or cut each other's lines (no lock). The second is refused
    now: exit 2, one line naming the run that holds FILE; FILE is left as it is, and free again once it ends."""
    folder = plain_folder(tmp_path)
    out = tmp_path / "found.jsonl"
    holder = OutputFile(out, form="json")
    holder.open(store=None, job=None, resume=True)
    try:
        holder.add('{"source": "the first run\'s"}\n')
        holder.commit()
        refused = plain_scan(tmp_path, folder, tmp_path / "stdout", "-o", str(out))
        _, err = refused.communicate(timeout=60)
        assert refused.returncode == 2, err
        lines = err.decode().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {out} is being written by another run"), err
        assert f"pid {os.getpid()}" in lines[0] and "--output" in lines[0]
        assert out.read_text() == '{"source": "the first run\'s"}\n'
    finally:
        holder.close()
    finish(tmp_path, folder, out)
    assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []   # its lock file gone


def test_outfile36_old_temporary_files_of_a_killed_run_are_removed_only_when_their_run_is_gone(
        tmp_path: Path) -> None:
    """`.FILE.<pid>.new`, the rewrite of a run killed under the code before outfile35, stayed beside FILE forever.
    One whose process is gone is removed; one whose process lives (a run of an older version) is left."""
    folder = plain_folder(tmp_path)
    out = tmp_path / "found.jsonl"
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    gone, alive = tmp_path / f".found.jsonl.{int(ended.stdout)}.new", tmp_path / f".found.jsonl.{os.getpid()}.new"
    other = tmp_path / f".other.jsonl.{int(ended.stdout)}.new"
    for path in (gone, alive, other):
        path.write_text("{}\n")
    run = plain_scan(tmp_path, folder, tmp_path / "stdout", "-o", str(out))   # a child: `alive` is another process's
    _, err = run.communicate(timeout=60)
    assert run.returncode == 0, err
    assert (gone.exists(), alive.exists(), other.exists()) == (False, True, True)


@STOPPED_WORLDS
def test_outfile36_a_rewrite_keeps_the_output_file_itself_so_its_hard_links_see_it(tmp_path: Path,
                                                                                    stopped_world) -> None:
    """A rewrite (an edited input's lines in place of its stale ones) renamed a new file over FILE: a hard link to
    FILE (a `latest.jsonl` kept by a user) kept the old lines, stale, as if current. A FILE with other links is now
    written over in place (from the recorded rewrite, which a killed run's successor completes); one without is
    renamed over, as before."""
    tmp_path, folder, out, before = stopped_folder(stopped_world)   # a copy of the shared stopped run
    link = tmp_path / "latest.jsonl"
    os.link(out, link)
    inode = out.stat().st_ino
    first = folder / "p000.html"
    first.write_text(first.read_text().replace("1600000000000000000", "1700000000000000000"))
    finish(tmp_path, folder, out)
    assert out.stat().st_ino == inode and link.read_bytes() == out.read_bytes()
    assert "1600000000000000000" not in link.read_text() and "1700000000000000000" in link.read_text()
    assert articles_in(link) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]


@STOPPED_WORLDS
def test_outfile36_a_rewrite_killed_mid_copy_into_a_linked_file_is_completed_by_the_next_run(tmp_path: Path,
                                                                                              stopped_world) -> None:
    """The in-place write of a linked FILE killed half-way: the next run copies the recorded rewrite again."""
    tmp_path, folder, out, before = stopped_folder(stopped_world)   # a copy of the shared stopped run
    link = tmp_path / "latest.jsonl"
    os.link(out, link)
    first = folder / "p000.html"
    first.write_text("<p>Story 0, corrected: the post is no longer shown.</p>")
    killed = plain_scan(tmp_path, folder, tmp_path / "stdout", "-o", str(out),
                        kill=("before:resolver.output.OutputFile._rename", 1))
    _, err = killed.communicate(timeout=60)
    assert killed.returncode == -signal.SIGKILL, err
    with out.open("r+b") as handle:   # as the in-place write, killed half-way, leaves it
        handle.truncate(out.stat().st_size // 2)
    finish(tmp_path, folder, out)
    assert link.read_bytes() == out.read_bytes()
    assert articles_in(link) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)]
    assert "1600000000000000000" not in link.read_text()


def two_lines_committed(out: Path, store: Store) -> OutputFile:
    """An output file `out` of job "job", opened to resume, holding the lines of sources a and b, committed."""
    output = OutputFile(out, form="json")
    output.open(store=store, job="job", resume=True)
    with store.write():
        output.add('{"source": "a", "v": 1}\n', source="a")
        output.add('{"source": "b", "v": 1}\n', source="b")
        output.commit()
    return output


def test_outfile36_an_edit_made_to_the_output_file_during_a_run_is_not_kept(tmp_path: Path) -> None:
    """Decided (outfile36): FILE is the run's while it runs. Lines another program adds to it during the run (in
    the instant between a commit and its rename, or any other) are not kept: a rewrite is made from the run's own
    recorded bytes, so FILE never mixes the run's lines with others'. A second run is kept out by the lock."""
    out = tmp_path / "found.jsonl"
    store = Store(tmp_path / "o.db")
    try:
        output = two_lines_committed(out, store)
        with out.open("ab") as other:
            other.write(b"an editor's line\n")
        output.replacing.add("a")
        with store.write():
            output.add('{"source": "a", "v": 2}\n', source="a")
            output.commit()
            with out.open("ab") as other:
                other.write(b"written between the commit and the rename\n")
        output.close()
        assert out.read_text() == '{"source": "a", "v": 2}\n{"source": "b", "v": 1}\n'
        assert store.output_length("job") == out.stat().st_size
    finally:
        store.close()


def test_outfile36_a_run_killed_while_a_worker_it_forked_lives_leaves_the_file_free(tmp_path: Path) -> None:
    """A run killed (kill -9) whose forked worker outlives it for a moment: the next run on FILE was refused, exit 2
    "is being written by another run" (tests/test_interrupt.py's re-run after a kill, seen in a fresh clone's suite),
    since an flock belongs to the open file, which the worker inherited. The lock is the run's process's own now."""
    out = tmp_path / "found.jsonl"
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from resolver.output import OutputFile\n"
        f"held = OutputFile(Path({str(out)!r}), form='json')\n"
        "held.open(store=None, job=None, resume=True)\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(child, flush=True)\n"
        "time.sleep(60)\n")
    run = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                           cwd=Path(__file__).resolve().parent.parent)
    assert run.stdout is not None
    worker = int(run.stdout.readline())
    try:
        os.kill(run.pid, signal.SIGKILL)
        run.wait(30)
        after = OutputFile(out, form="json")
        after.open(store=None, job=None, resume=True)   # raised OutputBusy while the worker lived
        after.close()
    finally:
        os.kill(worker, signal.SIGKILL)


def test_outfile36_two_output_files_on_one_file_in_one_process_refuse_each_other(tmp_path: Path) -> None:
    """A library caller's two OutputFiles on one FILE (two threads of one process): the second is refused as a second
    run's is, though a POSIX lock is the process's own (the lead's lockf, stop 36); free again once the first closes."""
    from resolver.output import OutputBusy

    out = tmp_path / "found.jsonl"
    first = OutputFile(out, form="json")
    first.open(store=None, job=None, resume=True)
    try:
        second = OutputFile(out, form="json")
        try:
            second.open(store=None, job=None, resume=True)
        except OutputBusy as exc:
            assert f"pid {os.getpid()}" in str(exc)
        else:
            raise AssertionError("a second OutputFile on the same FILE in one process was not refused")
    finally:
        first.close()
    again = OutputFile(out, form="json")
    again.open(store=None, job=None, resume=True)
    again.close()


def test_review37c_an_output_file_that_failed_to_open_leaves_no_lock_behind_in_the_process(tmp_path: Path) -> None:
    """`open` that raised after taking the lock (FILE a folder: "Is a directory") kept `.FILE.lock` in the process's
    set and its descriptor open: every later run on FILE in that process (a library caller's next one, once the folder
    was moved away) was refused "being written by another run (pid <its own>)", for the process's life."""
    from resolver.errors import InputError

    out = tmp_path / "found.jsonl"
    out.mkdir()
    first = OutputFile(out, form="json")
    try:
        first.open(store=None, job=None, resume=True)
    except InputError as exc:
        assert "Is a directory" in str(exc), exc
    else:
        raise AssertionError("a folder was opened as the output file")
    assert not (tmp_path / ".found.jsonl.lock").exists()
    out.rmdir()
    again = OutputFile(out, form="json")
    again.open(store=None, job=None, resume=True)   # raised OutputBusy: the failed run's lock was still held
    again.add('{"source": "a"}\n', source="a")
    again.commit()
    again.close()
    assert out.read_text() == '{"source": "a"}\n'
    assert not (tmp_path / ".found.jsonl.lock").exists()


def test_review37c_closing_removes_the_lock_it_took_though_the_working_folder_changed(
        tmp_path: Path, monkeypatch) -> None:
    """A relative FILE, and a library caller that changed its working folder during the run: `close` named the lock
    file anew from the new folder, so it kept the run's lock in the process's set (the next run on FILE refused) and
    removed another folder's `.FILE.lock` (another run's, which a third run could then take at once)."""
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    (there / ".found.jsonl.lock").write_text("4242\n")   # another run's lock file, in the other folder
    monkeypatch.chdir(here)
    first = OutputFile(Path("found.jsonl"), form="json")
    first.open(store=None, job=None, resume=True)
    monkeypatch.chdir(there)
    first.close()
    assert (there / ".found.jsonl.lock").read_text() == "4242\n"
    assert not (here / ".found.jsonl.lock").exists()
    again = OutputFile(here / "found.jsonl", form="json")
    again.open(store=None, job=None, resume=True)   # raised OutputBusy: the first run's lock was kept
    again.close()


def test_review37c_output_dash_is_stdout_as_for_every_other_file_a_command_writes(tmp_path: Path, monkeypatch) -> None:
    """`scan -o -` wrote the results to a file named "-" in the working folder and printed nothing (`cache export
    -o -` was fixed for this in newuser35c #4): now "-" is stdout, and no file is made."""
    from click.testing import CliRunner

    from resolver.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.html").write_text(page(1))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "-q", "--json", "-o", "-",
                                      "story.html"])
    assert result.exit_code == 0, result.output
    [line] = [json.loads(line) for line in result.stdout.splitlines()]
    assert line["source"] == "story.html" and line["embeds"], line
    assert not (tmp_path / "-").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", "story.html"]


def test_review37c_a_lock_file_that_cannot_be_made_is_named_in_the_error(tmp_path: Path) -> None:
    """`.FILE.lock` that cannot be opened (here a folder in its place; a read-only folder holding a writable FILE does
    the same for a user other than root) said "cannot write FILE: Is a directory" of a FILE that is a plain file the
    user can write: the error names the lock file now, and FILE is left as it was."""
    from resolver.errors import InputError

    out = tmp_path / "found.jsonl"
    out.write_text('{"source": "a"}\n')
    (tmp_path / ".found.jsonl.lock").mkdir()
    output = OutputFile(out, form="json")
    try:
        output.open(store=None, job=None, resume=True)
    except InputError as exc:
        assert str(exc) == f"cannot write {out}: cannot make its lock file {tmp_path / '.found.jsonl.lock'}: " \
                           "Is a directory", exc
    else:
        raise AssertionError("opened without its lock file")
    assert out.read_text() == '{"source": "a"}\n'
    (tmp_path / ".found.jsonl.lock").rmdir()
    output.open(store=None, job=None, resume=True)   # and nothing of the failed open is held in the process
    output.close()


def test_review37c_an_output_file_that_is_a_loop_of_symbolic_links_is_a_bad_option_value(
        tmp_path: Path, monkeypatch) -> None:
    """`-o loop.jsonl`, a symbolic link to itself: "error: internal error: RuntimeError: Symlink loop from …", exit 1.
    Now a bad -o value, exit 2, in one line, as a folder that does not exist is; nothing is written."""
    from click.testing import CliRunner

    from resolver.cli import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.html").write_text(page(1))
    (tmp_path / "loop.jsonl").symlink_to("loop.jsonl")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "scan", "-q", "--json", "-o", "loop.jsonl",
                                      "story.html"])
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == ("error: Invalid value for '-o' / '--output': loop.jsonl is a loop of "
                                              "symbolic links (choose another -o)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop.jsonl", "story.html"]


def test_review37c_a_close_that_fails_still_lets_the_lock_go(tmp_path: Path) -> None:
    """FILE's close failing (NFS reports a deferred write's EIO or EDQUOT at close) raised before the lock was let go:
    the lock stayed held, and in the process's set, for the process's life. Now the lock goes whatever the close
    says, and the error is still raised."""
    out = tmp_path / "found.jsonl"
    first = OutputFile(out, form="json")
    first.open(store=None, job=None, resume=True)
    assert first._handle is not None
    real = first._handle

    class ClosingFails(io.BufferedRandom):
        def close(self) -> None:
            if not real.closed:   # once: the garbage collector closes it again
                real.close()
                super().close()
                raise OSError(5, "Input/output error")
    first._handle = ClosingFails(io.BytesIO())
    try:
        first.close()
    except OSError as exc:
        assert exc.errno == 5
    else:
        raise AssertionError("the close's error was swallowed")
    assert not (tmp_path / ".found.jsonl.lock").exists()
    again = OutputFile(out, form="json")
    again.open(store=None, job=None, resume=True)   # raised OutputBusy: the lock was kept
    again.close()


def test_batch37_a_resumed_run_killed_after_reading_its_input_has_taken_the_deleted_files_line_out(
        tmp_path: Path, stopped_world) -> None:
    """CLOSING-stop36 "Batch runs": the lines of inputs gone since an interrupted run were taken out at the resumed
    run's normal end only: that run killed (-9) once its whole input was read left them in FILE, read as this
    run's. Once the input was read to its end, every key met, they go with the next commit; a run killed after
    that holds none of them, and the run after it finishes with each article once."""
    tmp_path, folder, out, before = stopped_folder(stopped_world)   # a copy of the shared stopped run
    Path(before[1]).unlink()
    killed = plain_scan(tmp_path, folder, tmp_path / "stdout", "-o", str(out),
                        kill=("before:resolver.output.OutputFile.take_out", 1))   # the take-out at the run's end
    _, err = killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL, err
    left = articles_in(out)
    assert before[1] not in left and len(left) == len(set(left)) == PLAIN - 1, (before[1], len(left))
    assert not list(tmp_path.glob(".found.jsonl.rewrite*")), list(tmp_path.iterdir())
    finish(tmp_path, folder, out)
    assert articles_in(out) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN) if n != 1]


HOLDER = ("import sys\n"
          "from pathlib import Path\n"
          "from resolver.output import OutputFile, OutputBusy\n"
          "held = OutputFile(Path(sys.argv[1]), form='json')\n"
          "try:\n"
          "    held.open(store=None, job=None, resume=True)\n"
          "except OutputBusy as exc:\n"
          "    print('busy', exc, flush=True)\n"
          "    sys.exit(2)\n"
          "print('holding', flush=True)\n"
          "sys.stdin.readline()\n"
          "held.close()\n")


def holder(out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            cwd=Path(__file__).resolve().parent.parent, text=True)


def refused_while_held(child: subprocess.Popen, other: Path, said: str, unrefused: str) -> None:
    """While `child` (a `holder`) holds its file, a run writing `other` is refused with an error saying `said`;
    then the child lets go and ends cleanly."""
    from resolver.output import OutputBusy

    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        second = OutputFile(other, form="json")
        try:
            second.open(store=None, job=None, resume=True)
        except OutputBusy as exc:
            assert said in str(exc)
        else:
            second.close()
            raise AssertionError(unrefused)
    finally:
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.close()
        assert child.wait(timeout=60) == 0


def test_batch37_a_killed_run_s_lock_file_goes_when_the_run_that_took_it_over_ends_and_not_before(
        tmp_path: Path) -> None:
    """CLOSING-stop36 "Batch runs": a run killed with -9 leaves `.FILE.lock` (its pid in it; the kernel let the lock
    go). Decided and locked here, with real processes: the next run takes it over (its own pid written), a third
    run meanwhile is refused naming that run and removes nothing, and the lock file is gone once the run that took
    it over ends."""
    out = tmp_path / "found.jsonl"
    lock = tmp_path / ".found.jsonl.lock"
    killed = holder(out)
    assert killed.stdout is not None and killed.stdout.readline() == "holding\n"
    killed.kill()
    killed.wait(30)
    assert lock.read_text() == f"{killed.pid}\n"   # left by the killed run
    taking = holder(out)
    try:
        assert taking.stdout is not None and taking.stdout.readline() == "holding\n"
        assert lock.read_text() == f"{taking.pid}\n"
        refused = holder(out)
        said, _ = refused.communicate(timeout=60)
        assert refused.returncode == 2 and f"(pid {taking.pid})" in said, said
        assert lock.exists() and lock.read_text() == f"{taking.pid}\n"   # the refused run removed nothing
    finally:
        taking.communicate("\n", timeout=60)
    assert taking.returncode == 0
    assert not lock.exists(), list(tmp_path.iterdir())
    after = holder(out)   # and FILE is free
    assert after.stdout is not None and after.stdout.readline() == "holding\n"
    after.communicate("\n", timeout=60)
    assert not lock.exists()


def test_review38a_an_input_moved_back_after_its_line_was_taken_out_by_a_killed_run_is_in_file_again(
        tmp_path: Path, stopped_world) -> None:
    """A file moved out of the folder (`mv` keeps its size and time, so its key) while a run was stopped: the resumed
    run takes its line out once its input is read (batch37), and is killed before its end; the file moved back, the
    run after it skipped it as finished (its progress row still said so), and FILE ended without its line: an
    article of the input missing from the output, exit 0."""
    tmp_path, folder, out, before = stopped_folder(stopped_world)   # a copy of the shared stopped run
    moved = tmp_path / "aside.html"
    os.rename(before[1], moved)
    killed = plain_scan(tmp_path, folder, tmp_path / "stdout", "-o", str(out),
                        kill=("before:resolver.output.OutputFile.take_out", 1))   # the take-out at the run's end
    _, err = killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL, err
    assert before[1] not in articles_in(out)
    os.rename(moved, before[1])
    finish(tmp_path, folder, out)
    after = articles_in(out)   # the file moved back is a new input to this run: its line comes where it is done
    assert sorted(after) == [str(folder / f"p{n:03d}.html") for n in range(PLAIN)], len(after)


def test_inputs38_two_hard_links_to_one_file_take_one_lock(tmp_path: Path) -> None:
    """`-o a.jsonl` and `-o b.jsonl`, two hard links to one file, took two lock files (`.a.jsonl.lock`,
    `.b.jsonl.lock`: review37c), so two runs wrote one file at once. The second is refused now, in another process
    and in this one, even with the links in two folders; free again once the first ends."""
    from resolver.output import OutputBusy

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    out, other = tmp_path / "one" / "a.jsonl", tmp_path / "two" / "b.jsonl"
    out.write_text('{"source": "earlier"}\n')
    os.link(out, other)
    child = holder(out)
    refused_while_held(child, other, f"{other} is being written by another run (pid {child.pid})",
                       "a run on a hard link to a file another run holds was not refused")
    first = OutputFile(out, form="json")
    first.open(store=None, job=None, resume=True)
    try:
        second = OutputFile(other, form="json")
        try:
            second.open(store=None, job=None, resume=True)
        except OutputBusy as exc:
            assert f"pid {os.getpid()}" in str(exc)
        else:
            second.close()
            raise AssertionError("a second OutputFile on a hard link in one process was not refused")
    finally:
        first.close()
    again = OutputFile(other, form="json")
    again.open(store=None, job=None, resume=True)
    again.close()


def test_review39b_hard_links_take_one_lock_whatever_tmpdir_each_run_has(tmp_path: Path, monkeypatch) -> None:
    """The lock of a hard-linked FILE's file was kept under $TMPDIR: a run started with another TMPDIR (a cron job, a
    `sudo -E`, a shell of a tool that sets its own) did not see it, and the two runs wrote one file at once again
    (review39b). It is kept in one place whatever TMPDIR says."""
    import tempfile

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "tmp-a").mkdir()
    (tmp_path / "tmp-b").mkdir()
    out, other = tmp_path / "one" / "a.jsonl", tmp_path / "two" / "b.jsonl"
    out.write_text('{"source": "earlier"}\n')
    os.link(out, other)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp-a"))
    child = holder(out)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp-b"))
    monkeypatch.setattr(tempfile, "tempdir", None)   # gettempdir reads TMPDIR again
    refused_while_held(child, other, f"(pid {child.pid})", "a run on a hard link with another TMPDIR was not refused")
