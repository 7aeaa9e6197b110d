"""The command line: output forms, exit codes, and one-line errors for bad input."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from resolver.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = "Post text here. pic.twitter.com/Zz98Yy76Xx\n— Riverton Roads (@RivertonRoads) December 6, 2022\n"


@pytest.fixture
def run(tmp_path):
    db = tmp_path / "cli.db"

    def invoke(*args, input=None):
        return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)
    invoke.db = db
    return invoke


def test_every_command_has_help():
    runner = CliRunner()
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "Examples" in result.output
    for name, command in cli.commands.items():
        for path in [[name]] + [[name, sub] for sub in getattr(command, "commands", {})]:
            sub = runner.invoke(cli, [*path, "--help"])
            assert sub.exit_code == 0, path
            assert "Example" in sub.output, path


def test_scan_json_on_stdin(run):
    result = run("scan", "--json", "-", input=TEXT.encode())
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["source"] == "-" and data["kind"] == "text" and len(data["sha256"]) == 64
    [embed] = data["embeds"]
    assert embed["author_handle"] == "RivertonRoads"
    assert embed["media_links"] == ["https://pic.twitter.com/Zz98Yy76Xx"]


def test_scan_a_directory_gives_json_lines_and_records_once(run, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    (folder / "b.weird").write_text("<html><body><blockquote class='twitter-tweet'><a href='https://twitter.com/a/status/1'>x</a></blockquote></body></html>")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    result = run("scan", "--json", str(folder))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["kind"] for d in lines] == ["text", "html"]   # sniffed from content, not the suffix
    assert "image.png" in result.stderr and "PNG image" in result.stderr and "skipped" in result.stderr
    run("scan", "--json", str(folder))
    from cache import Cache
    assert Cache(run.db).count("articles") == 2


def test_table_output(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    result = run("scan", str(path))
    assert result.exit_code == 0
    assert "RivertonRoads" in result.stdout and "1 embed, 0 credits" in result.stdout


def test_missing_file_is_one_line_and_exit_1(run):
    result = run("scan", "/nonexistent/story.html")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("error: cannot read /nonexistent/story.html: no such file "
                                     "(a URL needs http:// or https://)")
    assert "Traceback" not in result.output


def test_binary_file_is_refused(run, tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(bytes(range(256)) * 4)
    result = run("scan", str(path))
    assert result.exit_code == 1 and "not an article" in result.stderr


@pytest.mark.parametrize("data, what", [
    (b"\x00\x01\x02PK" * 300, "binary data (NUL bytes)"),
    (bytes(range(1, 256)) * 4, "binary data (control bytes)"),
], ids=["nul-bytes", "control-bytes"])
def test_binary_data_is_refused_saying_why(run, tmp_path, data, what):
    path = tmp_path / "x.bin"
    path.write_bytes(data)
    result = run("scan", str(path))
    assert result.exit_code == 1 and result.stderr.strip() == (
        f"error: cannot scan {path}: it looks like {what}, not an article (HTML or text)")


@pytest.mark.parametrize("name, data, option", [
    ("crawl.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "--warc-input"),
    ("crawl.warc.gz", __import__("gzip").compress(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n\r\n"), "--warc-input"),
    ("old.arc", b"filedesc://old.arc 0.0.0.0 20050614070159 text/plain 76\n1 0 Example\n", "--warc-input"),
    ("feed.jsonl", b'{"html": "<p>one</p>"}\n{"html": "<p>two</p>"}\n', "--jsonl"),
], ids=["warc", "warc.gz", "arc", "jsonl"])
def test_a_warc_or_jsonl_file_given_as_an_article_is_refused_naming_the_option(run, tmp_path, name, data, option):
    """A WARC or JSON Lines file named as a SOURCE was scanned as one article: every page of a crawl, or every
    record of a feed, run together under one source and one hash (a gzipped WARC was "gzip data")."""
    path = tmp_path / name
    path.write_bytes(data)
    result = run("scan", "--json", str(path))
    assert result.exit_code == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(path)]   # its line (#11)
    assert f"give it to {option}" in result.stderr


def test_an_article_with_a_stray_nul_byte_is_an_article(run, tmp_path):
    """One NUL byte (a scraper's or a converter's) made a whole article "binary data (NUL bytes)" and unscanned;
    NUL counts as the other control bytes do, and binary data has far more of them."""
    path = tmp_path / "a.html"
    path.write_bytes(b"<p>Intro\x00 text.</p>\n<p>" + TEXT.encode() + b"</p>\n" + b"<p>More words here.</p>\n" * 20)
    result = run("scan", "--json", str(path))
    assert result.exit_code == 0, result.output
    [embed] = json.loads(result.stdout)["embeds"]
    assert embed["author_handle"] == "RivertonRoads"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_utf16_text_with_its_byte_order_mark_is_an_article(run, tmp_path, encoding):
    """Windows tools save text as UTF-16 with a byte-order mark. It was refused as "binary data (control bytes)":
    the NUL check let it through, but every other byte of ASCII text in UTF-16 counted as a control byte."""
    path = tmp_path / "a.txt"
    data = TEXT.encode(encoding)
    path.write_bytes(data if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "\ufeff".encode(encoding) + data)
    result = run("scan", "--json", str(path))
    assert result.exit_code == 0, result.output
    [embed] = json.loads(result.stdout)["embeds"]
    assert embed["author_handle"] == "RivertonRoads"


def test_unreadable_file_in_directory_is_an_error_the_others_read(run, tmp_path, monkeypatch):
    """An article the user may not read is lost, not a file that is none: an error line, a JSON line and exit 1;
    the folder's other articles are read (newuser39b #2: a warning, "skipped", exit 0)."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "ok.txt").write_text(TEXT)
    locked = folder / "locked.txt"
    locked.write_text(TEXT)
    locked.chmod(0)
    from resolver import article
    real_read = article._read_file

    def read_file(path, *limit):   # root reads mode-0 files, so make the refusal certain
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(path, *limit)
    monkeypatch.setattr(article, "_read_file", read_file)
    result = run("scan", "--json", str(folder))
    assert result.exit_code == 1
    assert f"error: cannot read {locked}: permission denied" in result.stderr and "skipped" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("error") for line in lines] == [f"permission: cannot read {locked}: permission denied", None]


def test_an_article_in_a_folder_the_encoding_given_cannot_decode_is_an_error(run, tmp_path):
    """`scan --encoding utf-8 folder/` with one cp1252 article said "warning: ... skipped" and exited 0, as for an
    image: an article that could not be read as asked is an error, as when it is named. A binary file in the
    folder is still no article: a warning."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    (folder / "b.txt").write_bytes("Café con leche. Photo: José Núñez/Agencia Ejemplo\n".encode("cp1252"))
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = run("scan", "--json", "--encoding", "utf-8", str(folder))
    assert result.exit_code == 1, result.output
    assert [("error" in json.loads(line)) for line in result.stdout.splitlines()] == [False, True]   # its line (#11)
    assert (f"error: cannot read {folder / 'b.txt'}: not valid utf-8 at byte 3; try another --encoding\n"
            in result.stderr)
    assert f"warning: cannot scan {folder / 'c.png'}: it looks like a PNG image, not an article" in result.stderr
    assert "1 failed; 1 skipped" in result.stderr
    assert run("scan", "--json", "--encoding", "cp1252", str(folder / "b.txt")).exit_code == 0


@pytest.mark.parametrize("encoding", [None, "ascii", "latin-1", "utf-8", "utf-16-le", "utf-32"])
def test_odds28_a_binary_file_in_a_folder_is_skipped_whatever_encoding_is_given(run, tmp_path, encoding):
    """`scan --encoding ascii folder/` read a file of NUL bytes as a text article, and with latin-1 a PNG too: the
    binary check was made only when no encoding was given (or when decoding failed). It is made on the characters
    the encoding given reads (UTF-16 text is half NUL bytes, and is text), so the skips are the same as without one.
    (Bytes 1 to 31 are control characters in a single-byte encoding, and letters read two or four at a time.)"""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Road closed. (Photo: Jane Doe/Reuters)\n".encode(encoding or "utf-8"))
    (folder / "photo.bin").write_bytes(bytes(4096))
    (folder / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    single = encoding in (None, "ascii", "latin-1", "utf-8")
    if single:
        (folder / "d.dat").write_bytes(bytes(range(1, 32)) * 128)
    result = run("scan", "--json", *(("--encoding", encoding) if encoding else ()), str(folder))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(folder / "a.txt")]
    assert [line.split(": it looks like ")[1] for line in result.stderr.splitlines() if "looks like" in line] == [
        "a PNG image, not an article (HTML or text); skipped",
        *(["binary data (control bytes), not an article (HTML or text); skipped"] if single else []),
        "binary data (NUL bytes), not an article (HTML or text); skipped"]


def test_undecodable_bytes_are_decoded_by_detection_and_recorded(run, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café con leche, señor. Photo: José Núñez/Agencia Ejemplo\n".encode("latin-1") * 5)
    result = run("scan", "--json", str(path))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["encoding_detected"] is True
    assert data["credits"][0]["creator"] == "José Núñez"


@pytest.mark.parametrize("folder", [False, True], ids=["file", "folder"])
def test_an_encoding_given_corrects_what_the_cache_recorded_from_a_guess(run, tmp_path, folder):
    """A Czech line in cp1250 was guessed as cp1252 ("Antonín Dvoøák": with no other letter, a Faroese spelling, so
    the guess stays and says it is unsure, enc29). Scanned again with --encoding cp1250, the output was right but
    the cache kept the guess: its credit, its encoding, what `stats`, `cache export` and datasette show. An encoding
    the user gives replaces a guessed or different one in the record (newuser26)."""
    import sqlite3

    path = tmp_path / "cz" / "line.txt"
    path.parent.mkdir()
    path.write_bytes(CZECH_LINE.encode("cp1250"))
    target = str(path.parent if folder else path)

    def recorded() -> tuple:
        with sqlite3.connect(run.db) as conn:
            return (conn.execute("SELECT encoding, encoding_detected, credit_count FROM articles").fetchall(),
                    conn.execute("SELECT creator, organization FROM credits").fetchall(),
                    conn.execute("SELECT id, author_name, text FROM embeds").fetchall(),
                    conn.execute("SELECT rowid FROM embeds_fts WHERE embeds_fts MATCH 'Dvořák'").fetchall())

    first = run("scan", "--json", target)
    assert json.loads(first.stdout)["credits"][0]["creator"] == "Antonín Dvoøák"   # a guess, and a wrong one
    guessed = ([("cp1252", 1, 1)], [("Antonín Dvoøák", None)],
               [(1, "Antonín Dvoøák", "Dvoøák. pic.twitter.com/Zz98Yy76Xx")], [])
    assert recorded() == guessed
    told = run("scan", "--json", "--encoding", "cp1250", target)
    assert told.exit_code == 0, told.output
    assert json.loads(told.stdout)["credits"][0]["creator"] == "Antonín Dvořák"
    # The embed keeps its id (resolutions and posts point at it); its text and the full-text index are corrected.
    corrected = ([("cp1250", 0, 1)], [("Antonín Dvořák", None)],
                 [(1, "Antonín Dvořák", "Dvořák. pic.twitter.com/Zz98Yy76Xx")], [(1,)])
    assert recorded() == corrected
    # A later guess does not undo what the user said; the same encoding by another name rewrites nothing.
    assert run("scan", "--json", target).exit_code == 0
    assert recorded() == corrected
    with sqlite3.connect(run.db) as conn:
        credit_ids = conn.execute("SELECT id FROM credits").fetchall()
    assert run("scan", "--json", "--encoding", "windows-1250", target).exit_code == 0
    with sqlite3.connect(run.db) as conn:
        assert conn.execute("SELECT id FROM credits").fetchall() == credit_ids
    assert recorded() == corrected


def test_an_encoding_given_that_finds_other_posts_leaves_the_record_whole(run, tmp_path):
    """When the encoding given finds other posts than the guess did, the embeds cannot be corrected in place (other
    tables point at them): the record was given the new encoding and credits over the guess's embeds, and no later
    run corrected them. Now it is left whole, as first read (review26)."""
    import sqlite3

    path = tmp_path / "cz.txt"
    path.write_bytes("Koncert. https://twitter.com/advorak_fikce/status/1234567890123456789 konec\n".encode("cp1250")
                     + "Foto: Antonín Dvořák\n".encode("cp1250"))
    assert run("scan", "--json", str(path)).exit_code == 0
    with sqlite3.connect(run.db) as conn:
        first = conn.execute("SELECT encoding, encoding_detected FROM articles").fetchall()
        assert first == [("cp1252", 1)]
        # The guess's post list made to differ from what the encoding given finds (a decoding that breaks a URL)
        conn.execute("UPDATE embeds SET url = 'https://twitter.com/other/status/1'")
    assert run("scan", "--json", "--encoding", "cp1250", str(path)).exit_code == 0
    with sqlite3.connect(run.db) as conn:
        assert conn.execute("SELECT encoding, encoding_detected FROM articles").fetchall() == first


# Czech whose only letters beyond ASCII ("í", "ř", "á") read as Faroese in cp1252: guessed cp1252, unsure (enc29).
CZECH_LINE = ("Koncert. (Foto: Antonín Dvořák)\nDvořák. pic.twitter.com/Zz98Yy76Xx\n"
              "— Antonín Dvořák (@advorak_fikce) December 6, 2022\n")


def _czech_line(tmp_path: Path) -> Path:
    path = tmp_path / "cz" / "line.txt"
    path.parent.mkdir()
    path.write_bytes(CZECH_LINE.encode("cp1250"))
    return path


def test_a_later_run_reads_the_same_bytes_in_the_encoding_the_user_gave(run, tmp_path):
    """After `scan --encoding cp1250` corrected the record, a run without the option guessed again (cp1252, "Antonín
    Dvoøák") and its report said the encoding was guessed and to give --encoding: the user had. The same bytes
    are now read in the encoding given, and every format says it was given, and when (review26 #8)."""
    path = _czech_line(tmp_path)
    assert json.loads(run("scan", "--json", str(path)).stdout)["encoding_given_at"] is None
    told = json.loads(run("scan", "--json", "--encoding", "cp1250", str(path)).stdout)
    assert told["encoding_given_at"] is not None
    later = run("scan", "--json", str(path))
    assert later.exit_code == 0, later.output
    data = json.loads(later.stdout)
    assert (data["encoding"], data["encoding_detected"], data["credits"][0]["creator"],
            data["embeds"][0]["author_name"]) == ("cp1250", False, "Antonín Dvořák", "Antonín Dvořák")
    day = data["encoding_given_at"][:10]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", day)
    table = run("scan", str(path))
    assert f"encoding cp1250 given by the user (--encoding) on {day}" in table.stdout
    assert "guessed" not in table.stdout
    report = json.loads(run("report", "--offline", "--format", "json", str(path)).stdout)
    assert report["article"]["encoding"] == "cp1250" and report["article"]["encoding_detected"] is False
    assert report["article"]["encoding_given_at"][:10] == day
    for fmt in ("md", "html"):
        text = run("report", "--offline", "--format", fmt, str(path)).stdout
        assert f"cp1250, given by the user (--encoding) on {day}" in text, fmt
        assert "guessed" not in text and "Antonín Dvořák" in text
    # Other bytes (the page changed) are not what the user named an encoding for: they are guessed again.
    path.write_bytes(path.read_bytes() + b"Konec.\n")
    changed = json.loads(run("scan", "--json", str(path)).stdout)
    assert (changed["encoding"], changed["encoding_detected"], changed["encoding_given_at"]) == ("cp1252", True, None)
    assert changed["credits"][0]["creator"] == "Antonín Dvoøák"


def test_another_encoding_given_replaces_the_one_recorded(run, tmp_path):
    """The encoding the user gave holds until they give another: the last one given is what later runs read."""
    import sqlite3

    path = _czech_line(tmp_path)
    assert run("scan", "--json", "--encoding", "iso8859-2", str(path)).exit_code == 0
    assert run("scan", "--json", "--encoding", "cp1250", str(path)).exit_code == 0
    later = json.loads(run("scan", "--json", str(path)).stdout)
    assert (later["encoding"], later["credits"][0]["creator"]) == ("cp1250", "Antonín Dvořák")
    with sqlite3.connect(run.db) as conn:
        [(encoding, detected, given_at)] = conn.execute(
            "SELECT encoding, encoding_detected, encoding_given_at FROM articles").fetchall()
    assert (encoding, detected, given_at[:10]) == ("cp1250", 0, later["encoding_given_at"][:10])


def _recorded_before_m017(db: Path, path: Path, encoding: str, *, detected: bool) -> None:
    """A cache as a build before m017 left it: `path` recorded read in `encoding` (guessed, or given with --encoding:
    the record cannot say which), with its one credit."""
    import hashlib

    from sqlite_utils import Database

    from cache.migrations import migrations

    old = Database(db)
    migrations.apply(old, stop_before="m017_article_encoding_given")
    data = path.read_bytes()
    old["articles"].insert({"sha256": hashlib.sha256(data).hexdigest(), "kind": "text", "encoding": encoding,
                            "encoding_detected": int(detected), "bytes": len(data), "first_source": str(path),
                            "first_scanned_at": "2026-11-01T00:00:00.000000Z", "tool_version": "0.1.0",
                            "embed_count": 0, "credit_count": 1})
    creator = data.decode(encoding).split("Foto: ")[1].split("/")[0]
    old["credits"].insert({"article_id": 1, "ordinal": 0, "raw": f"{creator}/ČTK", "creator": creator,
                           "organization": "ČTK", "source": "text", "span_start": 27, "span_end": 42,
                           "also_at": "[]"})
    old.conn.close()


@pytest.mark.parametrize("detected", [False, True], ids=["corrected-before-m017", "guessed-before-m017"])
def test_an_encoding_given_again_for_a_record_made_before_m017_is_recorded(run, tmp_path, detected):
    """A record corrected with --encoding before m017 has no date it was given: giving --encoding again printed
    "given by the user" but stored nothing (the record already said cp1250, not guessed), and every later run
    without the option guessed again; the user had no way to correct it (review27a #4)."""
    import sqlite3

    path = tmp_path / "cz.txt"
    path.write_bytes("Demonstrace v Brně. (Foto: Jiří Čermák/ČTK)\n".encode("cp1250"))
    _recorded_before_m017(run.db, path, "cp1252" if detected else "cp1250", detected=detected)
    told = json.loads(run("scan", "--json", "--encoding", "cp1250", str(path)).stdout)
    with sqlite3.connect(run.db) as conn:
        [(encoding, detected_now, given_at)] = conn.execute(
            "SELECT encoding, encoding_detected, encoding_given_at FROM articles").fetchall()
    assert (encoding, detected_now, given_at) == ("cp1250", 0, told["encoding_given_at"])
    later = json.loads(run("scan", "--json", str(path)).stdout)
    assert (later["encoding"], later["encoding_detected"], later["encoding_given_at"], later["credits"][0]["creator"]) \
        == ("cp1250", False, given_at, "Jiří Čermák")


def test_a_json_lines_record_is_not_an_encoding_the_user_gave(run, tmp_path):
    """A JSON Lines record's text is UTF-8 because JSON is: it was marked as an encoding the user gave."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": "Foto: Jiří Čermák/ČTK"}) + "\n", encoding="utf-8")
    data = json.loads(run("scan", "--json", "--jsonl", str(path)).stdout)
    assert (data["encoding"], data["encoding_given_at"]) == ("utf-8", None)


@pytest.mark.parametrize("command", ["scan", "report", "archive"])
@pytest.mark.parametrize("named", ["file", "folder"])
def test_bad_encoding_option_is_a_usage_error_before_anything_is_read(run, tmp_path, command, named):
    """An unknown --encoding was found article by article: a folder gave a warning a file, "0 articles; 11
    skipped" and exit 0, as if the run had done what it was asked."""
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "a.txt"
    path.write_text(TEXT)
    result = run(command, "--encoding", "klingon", str(path if named == "file" else path.parent))
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--encoding': unknown encoding 'klingon'; try utf-8, latin-1 or cp1252" in result.stderr


def test_format_override(run):
    result = run("scan", "--json", "--format", "html", "-", input=b"plain words only")
    assert json.loads(result.stdout)["kind"] == "html"


def test_broken_config_is_one_line(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[network\ntimeout = ")
    result = CliRunner().invoke(cli, ["--config", str(config), "scan", "-"], input=b"x")
    assert result.exit_code == 1 and "not valid TOML" in result.stderr


@pytest.mark.parametrize("where", ["option", "env"])
def test_a_config_that_does_not_exist_is_a_usage_error(tmp_path, where):
    """`--config /nonexistent.toml` exited 1 where the README's table puts a bad option value at 2, as click does for
    every option whose value cannot be used (`--replay` of a missing file, `--format pdf`) (newuser28)."""
    missing = tmp_path / "nonexistent.toml"
    args, env = (["--config", str(missing)], {}) if where == "option" else ([], {"EMBED_RESOLVER_CONFIG": str(missing)})
    result = CliRunner(env=env).invoke(cli, [*args, "--db", str(tmp_path / "c.db"), "scan", "-"], input=b"x")
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[-1] == f"error: Invalid value for '--config': File '{missing}' does not exist."
    assert not (tmp_path / "c.db").exists()


def test_python_dash_m_resolver_works():
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "resolver", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "embed-resolver" in done.stdout


@pytest.mark.parametrize("command", [("report", "--offline", "--format", "json"), ("archive", "--offline", "--json")])
def test_report_and_archive_take_the_encoding_scan_was_given(run, tmp_path, command):
    """`scan --encoding koi8-r` read a KOI8-R article right, but `report`, which scans it again for its quotes, had
    no --encoding: detection read it as Thai (cp874), and the report quoted and named garbage."""
    path = tmp_path / "ru.txt"
    path.write_bytes("Мост снова открыт. pic.twitter.com/Zz98Yy76Xx - Иван Петров (@ivan_fict) December 6, 2022\n"
                     .encode("koi8-r"))
    scanned = run("scan", "--json", "--encoding", "koi8-r", str(path))
    assert [e["author_name"] for e in json.loads(scanned.stdout)["embeds"]] == ["Иван Петров"]
    result = run(*command, "--encoding", "koi8-r", str(path))
    assert result.exit_code == (0 if command[0] == "report" else 3), result.output   # 3: offline, not cached
    if command[0] == "report":
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["article"]["encoding"] == "koi8-r"
        assert [(e["author_name"], e["quote"]) for e in data["embeds"]] == [(
            "Иван Петров", "Мост снова открыт. pic.twitter.com/Zz98Yy76Xx - Иван Петров (@ivan_fict) December 6, 2022")]


# (archive named the URL as urlsplit rewrote it, without its line break: odds28)
@pytest.mark.parametrize("command", ["resolve", "archive"])
def test_a_url_holding_a_line_break_is_printed_escaped_on_one_line(run, command):
    """The table output printed a URL holding a line break (or an ESC) as it is: its error line went on over two
    lines, the second starting with the URL's tail, and an ESC reached the terminal (#2)."""
    result = run(command, "--offline", "https://t.co/ab\ncd\x1b[31m")
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    # refused as a broken URL before any request, in plain words: it was httpx's "Invalid non-printable ASCII
    # character in URL, '\n' at position 15." (newuser37b #6)
    assert result.stderr.splitlines() == ["error: cannot read https://t.co/ab\\ncd\\x1b[31m: this URL looks broken: it "
                                          "has a line break inside (copy the link again, whole)"]
    assert not any(line.startswith("cd") for line in result.output.splitlines())


@pytest.mark.parametrize("command, url", [("scan", "https://news.example/a\nb"),
                                          ("fetch", "https://twitter.com/jack/status/20\nx"),
                                          ("resolve", "pic.twitter.com/ab\ncd")])   # odds28: a name no URL
def test_an_error_naming_a_url_holding_a_line_break_is_one_line(run, command, url):
    """The error line named the URL as it is, and went on over two lines (#2)."""
    result = run(command, "--offline", url)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and url.replace("\n", "\\n") in line, line
