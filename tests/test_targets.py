"""Walking directories: link loops followed once at most, broken links reported (#11)."""

import os

import pytest

from resolver.targets import Entry, walk


def test_a_link_loop_is_walked_once(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.html").write_text("<p>x</p>")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "up")      # a/b/up -> a: a loop
    os.symlink("b", tmp_path / "a" / "again")                     # a/again -> a/b: the same folder twice
    found = list(walk(tmp_path))
    assert found == [Entry(tmp_path / "a" / "b" / "story.html")]


def test_a_link_to_a_folder_outside_is_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "one.txt").write_text("x")
    inside = tmp_path / "inside"
    inside.mkdir()
    os.symlink(outside, inside / "linked")
    assert [e.path for e in walk(inside)] == [inside / "linked" / "one.txt"]


def test_broken_links_are_reported_and_hidden_names_skipped(tmp_path):
    (tmp_path / "ok.html").write_text("x")
    (tmp_path / ".hidden.html").write_text("x")
    os.symlink(tmp_path / "gone.html", tmp_path / "dangling.html")
    assert list(walk(tmp_path)) == [
        Entry(tmp_path / "dangling.html", f"broken link {tmp_path / 'dangling.html'} -> {tmp_path / 'gone.html'}"),
        Entry(tmp_path / "ok.html")]


def test_newuser46b_a_link_loop_is_called_a_loop_not_a_broken_link(tmp_path):
    """newuser46b #7: `self-link -> self-link` (ELOOP) was reported as "broken link", as a link to nowhere is: a
    user looks for a file that is gone. A link to itself, or a chain of links that comes back, is a loop; a link to
    nowhere stays a broken link."""
    os.symlink(tmp_path / "self", tmp_path / "self")
    os.symlink("ring-b", tmp_path / "ring-a")
    os.symlink("ring-a", tmp_path / "ring-b")
    os.symlink("self", tmp_path / "into")
    os.symlink(tmp_path / "gone.html", tmp_path / "dangling.html")
    assert [entry.problem for entry in walk(tmp_path)] == [
        f"broken link {tmp_path / 'dangling.html'} -> {tmp_path / 'gone.html'}",
        f"a link loop {tmp_path / 'into'} -> self (it leads into a loop of links)",
        f"a link loop {tmp_path / 'ring-a'} -> ring-b (it leads back to itself)",
        f"a link loop {tmp_path / 'ring-b'} -> ring-a (it leads back to itself)",
        f"a link loop {tmp_path / 'self'} (it points to itself)"]


def test_links_to_files_are_listed_under_their_own_name(tmp_path):
    (tmp_path / "a.html").write_text("x")
    os.symlink(tmp_path / "a.html", tmp_path / "b.html")
    assert [e.path.name for e in walk(tmp_path)] == ["a.html", "b.html"]


def test_a_file_is_named_by_its_real_path_before_a_link_that_sorts_first(tmp_path):
    """newuser27: sub/link.html -> ../xcom.html was listed first (sub < xcom), so the article was named by the link
    and the real file reported "already read by another path". Links to files come after the real tree."""
    (tmp_path / "xcom.html").write_text("x")
    (tmp_path / "sub").mkdir()
    os.symlink("../xcom.html", tmp_path / "sub" / "link.html")
    (tmp_path / "sub" / "z.html").write_text("x")
    assert [e.relative.as_posix() for e in walk(tmp_path)] == ["sub/z.html", "xcom.html", "sub/link.html"]


def test_a_link_that_cannot_be_read_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    """newuser30 #5: the walk's broken-link branch read the link with os.readlink, which raised PermissionError out
    of the walk (/proc/1/cwd as a user). Faked: root, who runs CI, may read any link."""
    os.symlink(tmp_path / "gone.html", tmp_path / "locked.html")
    (tmp_path / "ok.html").write_text("x")

    def readlink(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "readlink", readlink)
    assert list(walk(tmp_path)) == [
        Entry(tmp_path / "locked.html", f"broken link {tmp_path / 'locked.html'} (cannot read it: Permission denied)"),
        Entry(tmp_path / "ok.html")]


@pytest.mark.skipif(os.geteuid() == 0, reason="chmod does not stop root")
def test_unreadable_folders_and_links_are_problems_not_tracebacks(tmp_path):
    (tmp_path / "shut").mkdir()
    (tmp_path / "listed").mkdir()
    os.symlink(tmp_path / "gone.html", tmp_path / "listed" / "link.html")
    (tmp_path / "shut").chmod(0)
    (tmp_path / "listed").chmod(0o444)   # its names can be listed, a link in it not read
    try:
        found = list(walk(tmp_path))
    finally:
        (tmp_path / "shut").chmod(0o755)
        (tmp_path / "listed").chmod(0o755)
    assert [e.problem for e in found] == [
        f"broken link {tmp_path / 'listed' / 'link.html'} (cannot read it: Permission denied)",
        f"cannot list {tmp_path / 'shut'}: Permission denied"]
