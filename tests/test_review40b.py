"""review40b: bugs found in stop 39's unreviewed merges (fixnu39b, fixnu39c, fixnu39d), each a test that failed
before its fix."""

import pytest

from resolver.article import from_bytes

HEAD = "<html><head><meta charset='utf-8'><title>Harbour</title></head><body><article>"
TAIL = "</article></body></html>\n"


# fixnu39d's stray bytes (`article._stray_bytes`) judged a page labelled UTF-8 with its valid UTF-8 characters taken
# for ASCII letters. A page in Thai (cp874), Chinese (GBK) or Korean (EUC-KR) holds byte pairs that happen to be valid
# UTF-8 ("¡" in "นายก"): taken for "a", they split its words, no reading fitted, and the page, read in its encoding
# before, was read as UTF-8 with every letter replaced by U+FFFD (the text and every quote lost).
@pytest.mark.parametrize("words, encoding", [
    ("นายกรัฐมนตรีกล่าว", "cp874"),
    ("นายกรัฐมนตรีกล่าวว่าเขาจะไม่ลาออกจากตำแหน่ง และจะทำงานต่อไป", "cp874"),
    ("总理说他不会辞职", "gbk"),
    ("총리는 사임하지 않겠다고 말했다", "euc_kr"),
], ids=["thai-short", "thai", "gbk", "euc-kr"])
def test_a_page_labelled_utf8_in_a_thai_or_cjk_encoding_is_not_read_as_utf8_with_its_letters_replaced(words, encoding):
    article = from_bytes((HEAD + f"<p>{words}</p>" + TAIL).encode(encoding), "story.html")
    assert words in article.text, (article.encoding, article.text[-80:])
    assert article.bad_bytes == 0 and "\ufffd" not in article.text


# The lead's SIGTERM fix of stop 40 (`session._run_here`) took over SIGTERM whenever its handler was any function,
# and cancelled the run: a library caller's own handler (a service's graceful stop that lets the work in hand end,
# as Celery's or gunicorn's does) saw its `Session.run` raise CancelledError instead. Only the command's own
# handler (`cli.stop_on_sigterm`), which makes SIGTERM a Ctrl-C, asks for the run to be cancelled.
def test_a_library_callers_own_sigterm_handler_is_called_and_the_run_goes_on():
    import asyncio
    import os
    import signal

    from resolver.session import Session
    from resolver.settings import Settings

    came: list[int] = []

    async def job(session: Session) -> str:
        os.kill(os.getpid(), signal.SIGTERM)   # delivered to the main thread's handler at once
        for _ in range(3):
            await asyncio.sleep(0)
        return "finished"
    previous = signal.signal(signal.SIGTERM, lambda number, frame: came.append(number))
    try:
        assert Session(Settings()).run(job) == "finished"
        assert came == [signal.SIGTERM]
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_the_commands_sigterm_handler_still_cancels_the_run_and_raises_its_interrupt():
    import asyncio
    import os
    import signal

    from resolver import cli
    from resolver.session import Session
    from resolver.settings import Settings

    reached: list[str] = []

    async def job(session: Session) -> str:
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.sleep(30)   # cancelled here: the test does not wait
        reached.append("after")
        return "finished"
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        cli.stop_on_sigterm()
        with pytest.raises(cli.Terminated):
            Session(Settings()).run(job)
        assert reached == []
    finally:
        signal.signal(signal.SIGTERM, previous)


# A page labelled UTF-8 whose only bytes beyond ASCII are Windows no-break spaces (byte A0 between words, as a cp1252
# editor types &nbsp;) was read as cp1252 before stop 39; fixnu39d's stray-bytes rule read it as UTF-8, each space a
# U+FFFD glued to its neighbours ("Ten�people"), and a quote of those words then failed as changed words.
def test_a_page_labelled_utf8_whose_only_bad_bytes_are_no_break_spaces_is_not_read_with_them_replaced():
    words = "Ten\xa0people died in the\xa0fire on\xa0Monday."
    article = from_bytes((HEAD + f"<p>{words}</p>" + TAIL).encode("cp1252"), "story.html")
    assert words in article.text, (article.encoding, article.text[-80:])
    assert article.bad_bytes == 0 and "\ufffd" not in article.text


# stop 39 added exit 7 (a full disk) and 143 (SIGTERM) to the README's table, which says every command follows it, but
# not to `embed-resolver --help`'s list of exit codes: a script's author reading --help met an undocumented 7 or 143.
def test_every_exit_code_of_the_readmes_table_is_in_the_help():
    import re
    from pathlib import Path

    from click.testing import CliRunner

    from resolver.cli import cli

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("### Exit codes and messages"):]
    codes = re.findall(r"^\| (\d+) \|", table[:table.index("\n\n", table.index("| code |"))], re.M)
    assert {"0", "1", "7", "130", "143"} <= set(codes), codes
    helps = CliRunner().invoke(cli, ["--help"]).output
    for command in cli.commands:
        helps += CliRunner().invoke(cli, [command, "--help"]).output
    listed = set(re.findall(r"^ +(\d+) {2,}\S", helps, re.M))
    assert set(codes) - listed == set(), sorted(set(codes) - listed, key=int)


# fixnu39d's stray-bytes rule handed the whole page to `alphabets.readings`, which reads it in some 30 encodings: a
# 2 MB page labelled UTF-8 with five junk bytes at its end took 5 s to decode (1.7 s before stop 39), against an
# article budget of 20 s. Only the words holding a byte beyond ASCII are judged (as `readings` judges one-byte
# encodings already): what is read stays bounded by them, not by the page. Bytes counted, no time asserted.
def readings_handed(monkeypatch) -> list[int]:
    """The sizes of the bytes `alphabets.readings` is handed from now on, call by call (it still reads them)."""
    from resolver import alphabets

    handed: list[int] = []
    real = alphabets.readings

    def counting(data, **kwargs):
        handed.append(len(data))
        return real(data, **kwargs)
    monkeypatch.setattr(alphabets, "readings", counting)
    return handed


def test_the_stray_bytes_rule_reads_only_the_words_holding_bytes_beyond_ascii(monkeypatch):
    handed = readings_handed(monkeypatch)
    words = "The harbour reopened on Monday after repairs. " * 5000 + "José said."   # 230 KB, one letter beyond ASCII
    article = from_bytes((HEAD + f"<p>{words}</p>" + TAIL).encode("utf-8") + b"\xff\xfe\xc3( broken \x80\x81",
                         "story.html")
    assert article.encoding == "utf-8" and article.bad_bytes == 5 and words in article.text
    assert handed and sum(handed) < 1_000, handed   # "José" and the junk's words: not the page, twice


# `report -o FILE` (and `--out-dir`'s files) wrote the report in place: on a full disk (here a file-size limit, as
# `ulimit -f` sets, EFBIG) the report of an earlier run was truncated to the part written, and the run said "cannot
# write …" with exit 1. The report is written beside and renamed over the file once whole: the earlier one stays
# whole, nothing is left beside it, and the error is the full disk's (exit 7 in the CLI).
def test_a_report_written_on_a_full_disk_leaves_the_earlier_report_whole(tmp_path):
    import resource

    from resolver import cli
    from resolver.errors import DiskFull

    path = tmp_path / "report.html"
    path.write_text("<p>the earlier report, whole</p>\n", encoding="utf-8")
    path.chmod(0o600)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))   # Python ignores SIGXFSZ: the write fails with EFBIG
    try:
        with pytest.raises(DiskFull, match=f"cannot write {path}"):
            cli._write(path, "<p>a new report</p>\n" * 1000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert path.read_text(encoding="utf-8") == "<p>the earlier report, whole</p>\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    cli._write(path, "<p>a new report</p>\n" * 1000)
    assert path.read_text(encoding="utf-8") == "<p>a new report</p>\n" * 1000
    assert path.stat().st_mode & 0o777 == 0o600   # a report the user made private stays so


def test_a_report_file_in_a_folder_the_user_may_not_add_to_is_still_written_in_place(tmp_path):
    """Written beside first, a report over a file the user may write, in a folder they may not add to, would have
    failed where writing in place worked: it is written in place there."""
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    prefix: list[str] = []
    if os.geteuid() == 0:   # root writes anywhere: the child drops that (as tests/test_database.py does)
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only for the child")
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search,-fowner,-linux_immutable"]
    folder = tmp_path / "site"
    folder.mkdir()
    path = folder / "report.html"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o666)
    folder.chmod(0o555)
    try:
        code = "import sys; from pathlib import Path; from resolver import cli; cli._write(Path(sys.argv[1]), 'new\\n')"
        done = subprocess.run([*prefix, sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
        assert done.returncode == 0, done.stderr
        assert path.read_text(encoding="utf-8") == "new\n"
    finally:
        folder.chmod(0o755)
