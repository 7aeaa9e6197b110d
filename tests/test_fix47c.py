"""fix47c: the CLI as a new user meets it (#13): a file option given a folder's name, the tool's own outputs in the
folder it scans, links inside redirect wrappers, wrapper tokens kept out of every output, a same-bytes copy deleted
since. Fixtures fictional; loopback only."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from resolver.cli import cli


def page(n: int) -> str:
    return (f'<html><body><p>Story {n}, long enough to be read as an article.</p><blockquote class="twitter-tweet"><p>'
            f'Words {n}</p>&mdash; Reporter (@reporter{n}) <a href="https://twitter.com/reporter{n}/status/'
            f'{1600000000000000000 + n}">December 6, 2022</a></blockquote></body></html>')


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# 1. A file option named with a trailing "/" ("outdir/", a folder that does not exist yet) was written as a file named
# "outdir": `--summary-json outdir/` exited 0 and left a file where the user meant a folder (so did -o, --db, --warc).
@pytest.mark.parametrize("option", ["--summary-json", "-o", "--db"])
def test_a_file_option_named_as_a_folder_is_refused(tmp_path, option):
    story = tmp_path / "story.html"
    story.write_text(page(1))
    folder = str(tmp_path / "outdir") + "/"
    args = ["--db", str(tmp_path / "c.db"), "scan", "--json", option, folder, str(story)]
    if option == "--db":
        args = ["--db", folder, "scan", "--json", str(story)]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "outdir/" in result.stderr and "a folder's name" in result.stderr, result.stderr
    assert not (tmp_path / "outdir").exists()


def test_a_summary_json_naming_a_folder_that_exists_is_refused(tmp_path):
    story = tmp_path / "story.html"
    story.write_text(page(1))
    (tmp_path / "outdir").mkdir()
    result = run("--db", str(tmp_path / "c.db"), "scan", "--json", "--summary-json", str(tmp_path / "outdir"),
                 str(story))
    assert result.exit_code == 2, result.output
    assert "is a directory" in result.stderr, result.stderr
    assert list((tmp_path / "outdir").iterdir()) == []


# 2. A later run read the earlier run's outputs in the folder it scans as articles: its summary JSON (an article of
# 0 embeds), and warned of its cache, the cache's -wal/-shm and its --json output one by one as files that are no
# article (the cache of the run itself, read while it wrote it).
def test_the_tools_own_files_in_a_scanned_folder_are_left_out_and_counted(tmp_path):
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.html").write_text(page(1))
    first = run("--db", str(corpus / "run.db"), "scan", "--json", "-o", str(corpus / "found.jsonl"),
                "--summary-json", str(corpus / "s.json"), str(corpus))
    assert first.exit_code == 0, first.output
    assert "run.db" not in first.stderr.replace(f"--db {corpus}/run.db", ""), first.stderr
    again = run("--db", str(tmp_path / "other.db"), "scan", "--json", "--summary-json", str(tmp_path / "s2.json"),
                str(corpus))
    assert again.exit_code == 0, again.output
    sources = [json.loads(line)["source"] for line in again.stdout.splitlines()]
    assert sources == [str(corpus / "story.html")], sources
    assert "warning" not in again.stderr, again.stderr
    assert "3 files the tool wrote left out, not articles (1 --json output file, 1 --summary-json file, 1 cache)" \
        in again.stderr, again.stderr
    counted = json.loads((tmp_path / "s2.json").read_text())["this_run"]
    assert counted["own_files"] == {"--json output file": 1, "--summary-json file": 1, "cache": 1}
    assert (counted["inputs"], counted["skipped"]) == (1, 0)


def test_the_runs_own_cache_and_its_side_files_are_never_read(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.html").write_text(page(1))
    (corpus / "story2.html").write_text(page(2))
    result = run("--db", str(corpus / "run.db"), "scan", str(corpus))
    assert result.exit_code == 0, result.output
    assert "cannot scan" not in result.stderr and "skipped" not in result.stderr, result.stderr
    assert "; 3 files the tool wrote left out, not articles (3 files this run writes)" in result.stderr, result.stderr


def test_a_warc_the_tool_wrote_is_left_out_of_a_folder_and_another_warc_is_not(tmp_path):
    from resolver import own_files
    from resolver.warc import WarcWriter

    ours, theirs = tmp_path / "archive.warc.gz", tmp_path / "crawl.warc.gz"
    WarcWriter(ours, software="embed-resolver/0.1.0").close()
    WarcWriter(theirs, software="a-crawler/2.0").close()
    assert own_files.kind_of(ours) == own_files.WARC
    assert own_files.kind_of(theirs) is None


@pytest.mark.parametrize("name, content, expected", [
    ("s.json", '{\n  "this_run": {\n    "failed": 0\n  }\n}\n', "--summary-json file"),
    ("found.jsonl", '{"source": "a.html", "sha256": "00", "embeds": [], "credits": []}\n', "--json output file"),
    ("errors.jsonl", '{"source": "a.html", "error": "input: cannot read a.html"}\n', "--json output file"),
    ("feed.jsonl", '{"url": "https://news.example/a", "html": "<p>a story</p>"}\n', None),
    ("data.json", '{"this": "is not ours"}\n', None),
    ("story.html", '{\n  "this_run": {}}', None),   # an article's name is never looked into
], ids=["summary", "json-output", "json-output-failure", "a-feed", "other-json", "html-name"])
def test_what_the_tool_wrote_is_told_by_its_first_bytes(tmp_path, name, content, expected):
    from resolver import own_files

    (tmp_path / name).write_text(content)
    assert own_files.kind_of(tmp_path / name) == expected


def test_an_sqlite_database_not_the_tools_is_no_cache_of_its_own(tmp_path):
    import sqlite3

    from resolver import own_files

    other = tmp_path / "notes.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    assert own_files.kind_of(other) is None


# 3. A post linked through a redirect wrapper: Facebook's and Google's were read; Instagram's, Reddit's and Tumblr's
# outbound links, YouTube's redirect and Outlook's Safe Links were not (no embed: the post was lost from every output).
def wrapped(target: str, how: str) -> str:
    from urllib.parse import quote

    inner = quote(target, safe="")
    return {"facebook": f"https://l.facebook.com/l.php?u={inner}&h=AT0xFictionalFbToken&__cft__[0]=AZxFictionalCft",
            "google": f"https://www.google.com/url?q={inner}&sa=D&source=editors&ust=1700000000000001&"
                      "usg=AOvVaw0FictionalUsg",
            "tumblr": f"https://t.umblr.com/redirect?z={inner}&t=MjFictionalTumblrToken",
            "reddit": f"https://out.reddit.com/t3_1k4qqq1?url={inner}&token=AQFictionalRedditToken&app_name=web",
            "instagram": f"https://l.instagram.com/?u={inner}&e=AT0xFictionalInstaToken",
            "safelinks": f"https://eur01.safelinks.protection.outlook.com/?url={inner}&data=05%7C02%7Cjane.doe%40"
                         "news.example%7CFictionalData&sdata=FictionalSdata%2Bx%3D&reserved=0",
            "youtube": f"https://www.youtube.com/redirect?event=video_description&redir_token=QUFFFictionalRedir&"
                       f"q={inner}&v=jNQXAC9IVRw"}[how]


WRAPPERS = ["facebook", "google", "tumblr", "reddit", "instagram", "safelinks", "youtube"]
POSTS = [("https://twitter.com/rivertonroads/status/1600000000000000042", "twitter",
          "https://twitter.com/rivertonroads/status/1600000000000000042"),
         ("https://www.instagram.com/p/CxFict10nal/", "instagram", "https://www.instagram.com/p/CxFict10nal/")]


def wrapped_page(href: str) -> str:
    from html import escape

    return ("<html><body><p>Riverton's bridge reopened this morning after two years of repairs, the council said.</p>"
            f'<p>The council <a href="{escape(href)}">posted about it</a> before noon.</p></body></html>')


@pytest.mark.parametrize("how", WRAPPERS)
@pytest.mark.parametrize("post, platform, canonical", POSTS, ids=["x", "instagram"])
def test_scan_finds_the_post_a_wrapper_names(tmp_path, how, post, platform, canonical):
    import json

    story = tmp_path / "story.html"
    story.write_text(wrapped_page(wrapped(post, how)))
    result = run("--db", str(tmp_path / "c.db"), "scan", "--json", str(story))
    assert result.exit_code == 0, result.output
    embeds = json.loads(result.stdout)["embeds"]
    assert [(e["platform"], e["url"]) for e in embeds] == [(platform, canonical)], embeds
    text = tmp_path / "story.txt"
    text.write_text(f"Riverton's bridge reopened this morning, the council said. It posted: {wrapped(post, how)}\n")
    result = run("--db", str(tmp_path / "c.db"), "scan", "--json", "--format", "text", str(text))
    assert [(e["platform"], e["url"]) for e in json.loads(result.stdout)["embeds"]] == [(platform, canonical)]


WRAPPER_HOSTS = ("l.facebook.com", "www.google.com", "google.com", "t.umblr.com", "out.reddit.com",
                 "l.instagram.com", "eur01.safelinks.protection.outlook.com", "www.youtube.com", "youtube.com")


@pytest.mark.parametrize("how", WRAPPERS)
def test_scan_resolve_follows_the_wrapped_link_and_never_asks_the_wrapper(fakenet, tmp_path, how):
    import json

    from tests.fakenet import page as served, redirect
    from tests.test_cli_resolve import config_for

    video = "https://www.facebook.com/RivertonCouncil/videos/5556667778889990/"
    fakenet.route("fb.watch", "/qR7sT2uVwX/", redirect(video, 302))
    for host in WRAPPER_HOSTS:   # were one asked, it would answer (and be counted in `hits`)
        fakenet.route(host, "/", served("you are leaving", 200))
    config = config_for(fakenet, tmp_path, hosts=("fb.watch", "www.facebook.com", *WRAPPER_HOSTS))
    story = tmp_path / "story.html"
    story.write_text(wrapped_page(wrapped("https://fb.watch/qR7sT2uVwX/", how)))
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "scan", "--resolve",
                                      "--json", str(story)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [e["url"] for e in data["embeds"]] == ["https://fb.watch/qR7sT2uVwX/"], data["embeds"]
    assert [r["final_url"] for r in data["resolutions"]] == [video], data["resolutions"]
    assert fakenet.hits == [("fb.watch", "/qR7sT2uVwX/")]


# 4. A wrapper's tokens (Facebook's h= and __cft__, Google's ust/usg, Tumblr's t=, Instagram's e=, Safe Links' data=,
# holding the recipient's address, and sdata=, YouTube's redir_token=) were shown in `resolve`'s "unwrapped_from" and
# `fetch`'s source, and kept in the cache; only Reddit's token= was redacted.
TOKENS = ("AT0xFictionalFbToken", "AZxFictionalCft", "1700000000000001", "AOvVaw0FictionalUsg", "MjFictionalTumblrToken",
          "AQFictionalRedditToken", "AT0xFictionalInstaToken", "FictionalData", "jane.doe", "FictionalSdata",
          "QUFFFictionalRedir")


def cache_text(db) -> str:
    import sqlite3

    with sqlite3.connect(db) as connection:
        text = "\n".join(connection.iterdump())
    connection.close()
    return text


@pytest.mark.parametrize("how", WRAPPERS)
def test_a_wrappers_tokens_are_in_no_output_and_not_in_the_cache(tmp_path, how):
    import json

    link = wrapped(POSTS[0][0], how)
    db = tmp_path / "c.db"
    said = CliRunner().invoke(cli, ["--db", str(db), "resolve", "--json", link])
    assert said.exit_code == 0, said.output
    shown = json.loads(said.stdout)["unwrapped_from"]
    assert shown.split("?")[0] == link.split("?")[0] and "REDACTED" in shown, shown
    text = CliRunner().invoke(cli, ["--db", str(db), "resolve", link])
    story = tmp_path / "story.html"
    story.write_text(wrapped_page(link))
    scanned = CliRunner().invoke(cli, ["--db", str(db), "scan", "--json", str(story)])
    report = CliRunner().invoke(cli, ["--db", str(db), "report", "--offline", "--format", "json", str(story)])
    everything = "\n".join([said.output, text.output, scanned.output, report.output, cache_text(db)])
    assert not [token for token in TOKENS if token in everything]
    assert POSTS[0][2] in text.stdout and POSTS[0][2] in report.stdout


def test_a_wrappers_token_names_are_redacted_only_on_its_host():
    from resolver.redact import Redactor

    redact = Redactor().url
    assert redact("https://www.youtube.com/watch?v=jNQXAC9IVRw&t=30") == "https://www.youtube.com/watch?v=jNQXAC9IVRw&t=30"
    assert redact("https://news.example/a?e=1&h=2&data=3") == "https://news.example/a?e=1&h=2&data=3"
    assert redact("https://t.umblr.com/redirect?z=https%3A%2F%2Fnews.example%2F&t=Mj") == \
        "https://t.umblr.com/redirect?z=https%3A%2F%2Fnews.example%2F&t=REDACTED"
    # a wrapper inside another: the inner one's token goes too
    inner = "https://l.facebook.com/l.php?u=https%3A%2F%2Fx.com%2Fa%2Fstatus%2F1&h=ATsecret"
    outer = Redactor().url("https://www.google.com/url?q=" + inner.replace("%", "%25").replace("&", "%26")
                           .replace("?", "%3F").replace("=", "%3D").replace(":", "%3A").replace("/", "%2F") + "&usg=AOv")
    assert "ATsecret" not in outer and "AOv" not in outer and outer.endswith("&usg=REDACTED"), outer


# 5. A run stopped after it read a1.html, a1.html then deleted (or moved), the run going on: a1-copy.html, the same
# bytes, was said `same_bytes_as` a1.html, a file no longer there.
@pytest.mark.parametrize("change", ["deleted", "moved"])
@pytest.mark.parametrize("output", [False, True], ids=["stdout", "output-file"])
def test_a_copy_never_names_a_first_file_gone_since(tmp_path, monkeypatch, change, output):
    import json
    from pathlib import Path

    from resolver import cli as cli_module

    corpus = tmp_path / "corpus"
    for month, n in (("2025-01", 1), ("2025-02", 2), ("2025-03", 3)):
        (corpus / month).mkdir(parents=True)
        (corpus / month / f"a{n}.html").write_text(page(n))
    (corpus / "zz-copies").mkdir()
    (corpus / "zz-copies" / "a1-copy.html").write_text(page(1))
    real_emit, printed = cli_module._emit, [0]

    def emit(outcome, **kwargs):
        printed[0] += 1
        if printed[0] == 2:
            raise KeyboardInterrupt
        real_emit(outcome, **kwargs)
    out = tmp_path / "found.jsonl"
    args = ("--db", str(tmp_path / "c.db"), "scan", "--json", "--workers", "1",
            *(["-o", str(out)] if output else []), str(corpus))
    monkeypatch.setattr(cli_module, "_emit", emit)
    assert run(*args).exit_code == 130
    first = corpus / "2025-01" / "a1.html"
    if change == "moved":
        first.rename(corpus / "2025-02" / "a1-moved.html")
    else:
        first.unlink()
    monkeypatch.setattr(cli_module, "_emit", real_emit)
    resumed = run(*args)
    assert resumed.exit_code == 0, resumed.output
    found = {Path(r["source"]).name: r["same_bytes_as"] for r in map(json.loads, (
        out.read_text() if output else resumed.stdout).splitlines())}
    named = [Path(same).name for same in found.values() if same is not None]
    assert all(Path(same).exists() for same in found.values() if same is not None), found
    assert "a1.html" not in found or not output, found   # a file gone leaves the output file
    assert named == (["a1-moved.html"] if change == "moved" else []), found


# 6. The summary's folder gone by the run's end (removed, or a file put in its place): it was made again (mkdir -p),
# so the summary went to a folder the user had removed (a disk unmounted: onto the disk below) and the run exited 0.
@pytest.mark.parametrize("then", ["removed", "a-file"])
def test_a_summary_whose_folder_is_gone_at_the_end_fails_the_run(tmp_path, monkeypatch, then):
    import shutil

    from resolver import cli as cli_module

    story = tmp_path / "story.html"
    story.write_text(page(1))
    folder = tmp_path / "out"
    folder.mkdir()
    real_emit = cli_module._emit

    def emit(outcome, **kwargs):
        if folder.is_dir():
            shutil.rmtree(folder)
            if then == "a-file":
                folder.write_text("not a folder\n")
        real_emit(outcome, **kwargs)
    monkeypatch.setattr(cli_module, "_emit", emit)
    result = run("--db", str(tmp_path / "c.db"), "scan", "--json", "--summary-json", str(folder / "s.json"),
                 str(story))
    assert result.exit_code == 1, result.output
    assert f"error: cannot write the summary to {folder / 's.json'}" in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert folder.is_file() if then == "a-file" else not folder.exists()
    assert len(result.stdout.splitlines()) == 1   # the article's line: the run's work is kept


def test_a_summary_file_made_read_only_during_the_run_fails_the_run(tmp_path, monkeypatch):
    """Refused before the run when read-only then (`_can_write`); made so while the run goes on, it is kept as it is
    and the run fails. Root may write any file: not checked as root."""
    import os

    from resolver import cli as cli_module

    if os.geteuid() == 0:
        pytest.skip("root writes a read-only file")
    story = tmp_path / "story.html"
    story.write_text(page(1))
    summary = tmp_path / "s.json"
    summary.write_text("{}\n")
    real_emit = cli_module._emit

    def emit(outcome, **kwargs):
        summary.chmod(0o444)
        real_emit(outcome, **kwargs)
    monkeypatch.setattr(cli_module, "_emit", emit)
    result = run("--db", str(tmp_path / "c.db"), "scan", "--json", "--summary-json", str(summary), str(story))
    assert result.exit_code == 1, result.output
    assert f"error: cannot write the summary to {summary}" in result.stderr, result.stderr
    assert summary.read_text() == "{}\n"
