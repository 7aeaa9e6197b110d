"""Corpus runs from the command line: JSON Lines, WARC, globs, shards, workers, resume, -q/-v and the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cache import Store
from resolver import pipeline
from resolver.cli import cli
from resolver.inputs import InputSpec
from resolver.session import Session
from resolver.settings import Settings
from tests.test_inputs import write_warc

STATUS = "https://twitter.com/{handle}/status/{id}"


def tweet_page(n: int) -> str:
    post_id = 1600000000000000000 + n
    return (f'<html><body><p>Story {n}.</p><blockquote class="twitter-tweet"><p>Words {n}</p>&mdash; Reporter '
            f'(@reporter{n}) <a href="{STATUS.format(handle=f"reporter{n}", id=post_id)}">December 6, 2022</a>'
            f'</blockquote><p>(Photo: Ann Lee/Agency Press)</p></body></html>')


def invoke(tmp_path: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), *args], input=input)


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"body": tweet_page(n), "link": f"https://www.outlet{n % 2}.example/{n}",
                                        "guid": f"g{n}"}) + "\n" for n in range(6)))
    return path


def test_scan_jsonl_names_fields_and_records_the_outlet(tmp_path: Path, feed: Path) -> None:
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(feed), "--html-field", "body", "--url-field", "link",
                    "--id-field", "guid")
    assert result.exit_code == 0, result.output
    found = lines(result.stdout)
    assert [(r["source"], r["url"], r["record_id"]) for r in found][:2] == [
        (f"{feed}:1", "https://www.outlet0.example/0", "g0"), (f"{feed}:2", "https://www.outlet1.example/1", "g1")]
    assert all(len(r["embeds"]) == 1 and r["embeds"][0]["author_handle"].startswith("reporter") for r in found)
    store = Store(tmp_path / "c.db")
    assert sorted({r["host"] for r in store.db.table("article_sources").rows}) == ["outlet0.example", "outlet1.example"]
    assert result.stderr.strip() == "scanned 6 articles in " + result.stderr.split(" in ", 1)[1].strip()
    assert ": 6 embeds, 6 credits" in result.stderr


def test_a_field_named_that_no_record_has_is_said_so(tmp_path: Path, feed: Path) -> None:
    """`--url-field link` (a typo, or another export's name) that no record has: every URL was null and every outlet
    "(unknown)" in `stats`, without a word. A field the user named and the run never found is a warning."""
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(feed), "--html-field", "body", "--url-field", "lnk",
                    "--id-field", "gid")
    assert result.exit_code == 0, result.output
    assert all(r["url"] is None and r["record_id"] is None for r in lines(result.stdout))
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    unknown = "warning: no record read gave a value in the field '{}' ({}): no article's {} is known"
    assert warnings == [unknown.format("lnk", "--url-field", "URL"), unknown.format("gid", "--id-field", "record id")]
    named = invoke(tmp_path, "scan", "--json", "--jsonl", str(feed), "--html-field", "body", "--url-field", "link")
    assert "warning" not in named.stderr


def test_a_url_or_id_field_that_is_not_text_is_said_so(tmp_path: Path) -> None:
    """`"url": 5` was dropped without a word while `"id": 7` became "7". A URL is text: another value is not read,
    and a warning at the end counts the records and names the first. An id may be text or a whole number (database
    ids are): 7 is "7"; 7.5, true or a list are not read, and said so likewise."""
    records = [{"html": "<p>a</p>", "url": 5, "id": 7}, {"html": "<p>b</p>", "url": "https://n.example/b", "id": 7.5},
               {"html": "<p>c</p>", "url": ["https://n.example/c"], "id": True},
               {"html": "<p>d</p>", "url": None, "id": "d-4"}]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(feed))
    assert result.exit_code == 0, result.output
    assert [(r["url"], r["record_id"]) for r in lines(result.stdout)] == [
        (None, "7"), ("https://n.example/b", None), (None, None), (None, "d-4")]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: 2 records gave a value other than text in the field 'url' (--url-field): their URL is not "
        f"known (the first: {feed}:1, a number)",
        f"warning: 2 records gave a value other than text or a whole number in the field 'id' (--id-field): their "
        f"record id is not known (the first: {feed}:2, a number)"]


def test_scan_warc_input_reads_each_html_response(tmp_path: Path) -> None:
    records = [("response", f"https://news.example/{n}", "200 OK", "text/html", tweet_page(n).encode(), [])
               for n in range(3)] + [("response", "https://news.example/x.png", "200 OK", "image/png", b"png", [])]
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "a.warc.gz", records)
    result = invoke(tmp_path, "scan", "--json", "-q", "--warc-input", str(tmp_path / "crawl"))
    assert result.exit_code == 0, result.output
    assert [r["url"] for r in lines(result.stdout)] == [f"https://news.example/{n}" for n in range(3)]
    assert result.stderr == ""   # -q: no summary line


def test_a_warc_record_its_crawler_cut_short_says_so_in_its_result_the_table_and_the_summary(tmp_path: Path) -> None:
    """A record marked WARC-Truncated (the crawler stopped at a length or time limit, or the server hung up) was
    scanned as if whole: nothing said that embeds past the cut may be missing."""
    cut = tweet_page(1).encode()[:40]   # the story, not the tweet below it
    records = [("response", "https://news.example/0", "200 OK", "text/html", tweet_page(0).encode(), []),
               ("response", "https://news.example/1", "200 OK", "text/html", cut, [], {"WARC-Truncated": "length"}),
               ("response", "https://news.example/2", "200 OK", "text/html", tweet_page(2).encode(), [],
                {"WARC-Truncated": "time"})]
    warc = write_warc(tmp_path / "a.warc.gz", records)
    result = invoke(tmp_path, "scan", "--json", "--warc-input", str(warc))
    assert result.exit_code == 0, result.output
    assert [(r["url"], r["truncated"], len(r["embeds"])) for r in lines(result.stdout)] == [
        ("https://news.example/0", None, 1), ("https://news.example/1", "length", 0),
        ("https://news.example/2", "time", 1)]
    assert "; 2 truncated by the crawler (embeds past the cut may be missing)" in result.stderr
    table = invoke(tmp_path, "scan", "-q", "--warc-input", str(warc)).stdout
    heads = [line for line in table.splitlines() if line.startswith(str(warc))]
    assert ["payload cut short by the crawler (length): embeds past the cut may be missing" in h for h in heads] == [
        False, True, False]
    assert "payload cut short by the crawler (time)" in heads[2]
    (tmp_path / "page.html").write_text(tweet_page(3))
    whole = invoke(tmp_path, "scan", "--json", str(tmp_path / "page.html"))
    assert [r["truncated"] for r in lines(whole.stdout)] == [None] and "truncated" not in whole.stderr


@pytest.mark.parametrize("option, name", [("--jsonl", "feed.jsonl"), ("--jsonl", "feed.jsonl.gz"),
                                          ("--warc-input", "crawl.warc.gz")])
def test_a_corpus_file_that_does_not_exist_is_no_such_file(tmp_path: Path, option: str, name: str) -> None:
    """`--warc-input nonexist.warc.gz` said "past byte 0: [Errno 2] No such file or directory: '…'", and `--jsonl`
    errno's capitalised words: a file named and missing says "no such file", as an article does."""
    missing = tmp_path / name
    result = invoke(tmp_path, "scan", option, str(missing))
    assert result.exit_code == 1
    # --jsonl is input, said for a user taking it for the output format (newuser38b #7)
    hint = " (--jsonl reads JSON Lines input, one article a line; --json writes JSON)" if option == "--jsonl" else ""
    assert result.stderr.splitlines() == [f"error: cannot read {missing}: no such file{hint}"]


def test_glob_and_verbose(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.html").write_text(tweet_page(1))
    (corpus / "sub" / "b.html").write_text(tweet_page(2))
    (corpus / "notes.txt").write_text("nothing here")
    result = invoke(tmp_path, "scan", "--json", "-v", "--glob", "*.html", str(corpus))
    assert result.exit_code == 0, result.output
    assert [Path(r["source"]).name for r in lines(result.stdout)] == ["a.html", "b.html"]
    assert f"{corpus / 'a.html'}: 1 embed, 1 credit\n" in result.stderr


def test_workers_give_the_same_output_as_one_process(tmp_path: Path, feed: Path) -> None:
    one = invoke(tmp_path, "scan", "--json", "-q", "--no-store", "--workers", "1", "--jsonl", str(feed),
                 "--html-field", "body")
    two = invoke(tmp_path, "scan", "--json", "-q", "--no-store", "--workers", "2", "--jsonl", str(feed),
                 "--html-field", "body")
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout and len(lines(one.stdout)) == 6


def test_workers_record_and_report_what_one_process_does(tmp_path: Path, feed: Path) -> None:
    """A scan's workers keep the pages and send back what is recorded (#14): the articles' rows are the same; a
    report, which quotes the pages, gets them back whole."""
    def quotes(value: object) -> list[str]:
        if isinstance(value, dict):
            return ([value["quote"]] if "quote" in value else []) + [q for v in value.values() for q in quotes(v)]
        return [q for v in value for q in quotes(v)] if isinstance(value, list) else []

    recorded, reported = [], []
    for workers in ("1", "2"):
        folder = tmp_path / workers
        folder.mkdir()
        scanned = invoke(folder, "scan", "--json", "-q", "--workers", workers, "--jsonl", str(feed), "--html-field",
                         "body")
        assert scanned.exit_code == 0, scanned.output
        with Store(folder / "c.db") as store:
            recorded.append(list(store.db.query("select sha256, bytes, kind, encoding from articles order by id")))
        result = invoke(folder, "report", "--offline", "--format", "json", "-q", "--workers", workers, "-o",
                        str(folder / "reports"), "--jsonl", str(feed), "--html-field", "body")
        assert result.exit_code == 0, result.output
        index = json.loads((folder / "reports" / "index.json").read_text())
        reported.append([quotes(json.loads((folder / "reports" / e["report"]).read_text())) for e in index])
    assert recorded[0] == recorded[1] and len(recorded[0]) == 6 and all(row["bytes"] > 100 for row in recorded[0])
    assert reported[0] == reported[1] and all(any("Words" in q for q in qs) for qs in reported[0])


def test_shards_cover_the_input_once_and_merge_back(tmp_path: Path, feed: Path) -> None:
    outputs = []
    for k in (1, 2, 3):
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / f"s{k}.db"), "scan", "--json", "-q",
                                          "--shard", f"{k}/3", "--jsonl", str(feed), "--html-field", "body"])
        assert result.exit_code == 0, result.output
        outputs += [r["source"] for r in lines(result.stdout)]
    assert sorted(outputs) == sorted(f"{feed}:{n}" for n in range(1, 7))
    merged = CliRunner().invoke(cli, ["cache", "merge", str(tmp_path / "all.db"),
                                      *(str(tmp_path / f"s{k}.db") for k in (1, 2, 3))])
    assert merged.exit_code == 0, merged.output
    assert Store(tmp_path / "all.db").count("articles") == 6


@pytest.mark.parametrize("args, message", [
    (["--text-field", "body", "x.html"], "--text-field, --html-field, --url-field and --id-field go with --jsonl"),
    ([], "give at least one SOURCE, --jsonl or --warc-input"),
    (["--shard", "0/2", "x.html"], "--shard '0/2': K must be between 1 and N"),
    (["--jsonl", "-", "-"], "stdin (-) can be read once"),
], ids=["field-without-jsonl", "nothing", "bad-shard", "stdin-twice"])
def test_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(tmp_path, "scan", *args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_a_usage_error_names_the_argument_as_the_help_does(tmp_path: Path) -> None:
    """`report` takes ARTICLES: its usage error said SOURCE, the name of scan's argument."""
    result = invoke(tmp_path, "report")
    assert result.exit_code == 2 and "give at least one ARTICLE, --jsonl or --warc-input" in result.output


def test_an_interrupted_run_resumes_without_reading_what_it_finished(tmp_path: Path, feed: Path) -> None:
    store = Store(tmp_path / "c.db")
    spec = InputSpec(jsonl=(str(feed),), fields=pipeline_fields())
    options = pipeline.RunOptions(job="scan:test", window=1)
    seen: list[str] = []

    def stop_after_three(outcome: pipeline.Outcome) -> None:
        seen.append(outcome.article.source)
        if len(seen) == 3:
            raise KeyboardInterrupt

    session = Session(Settings(), store=store)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run(pipeline.items_of(spec, session=session, options=options), session=session,
                     emit=stop_after_three, options=options)
    # The third was emitted but not yet recorded as finished when the run stopped: it is done again, not lost.
    assert store.done_count("scan:test") == 2
    summary = pipeline.Summary()
    rest: list[str] = []
    session = Session(Settings(), store=store)
    pipeline.run(pipeline.items_of(spec, session=session, options=options, summary=summary), session=session,
                 emit=lambda o: rest.append(o.article.source), options=options, summary=summary)
    assert rest == [f"{feed}:{n}" for n in range(3, 7)] and summary.resumed == 2
    assert store.count("articles") == 6 and store.count("article_sources") == 6


def test_a_first_run_of_a_job_looks_up_no_item_and_a_resumed_one_each(tmp_path: Path, feed: Path) -> None:
    """Resume asks the store about each item only when an earlier run of the job finished something (#14: a
    fresh run paid one query an article for nothing)."""
    store = Store(tmp_path / "c.db")
    spec = InputSpec(jsonl=(str(feed),), fields=pipeline_fields())
    lookups: list[str] = []
    store.conn.set_trace_callback(lambda sql: lookups.append(sql) if "AND key = " in sql else None)
    session = Session(Settings(), store=store)
    options = pipeline.RunOptions(job="scan:test")
    summary = pipeline.run(pipeline.items_of(spec, session=session, options=options), session=session, options=options)
    assert summary.articles == 6 and lookups == []
    first = store.conn.execute("SELECT key, source FROM progress WHERE job = 'scan:test' ORDER BY id").fetchone()
    store.forget_progress("scan:test")
    store.mark_done("scan:test", [{"key": first[0], "source": first[1]}])   # as if a run had stopped after one
    summary = pipeline.Summary()
    seen: list[str] = []
    pipeline.run(pipeline.items_of(spec, session=session, options=options, summary=summary), session=session,
                 emit=lambda o: seen.append(o.article.source), options=options, summary=summary)
    assert len(lookups) == 6 and summary.resumed == 1 and seen == [f"{feed}:{n}" for n in range(2, 7)]


def pipeline_fields():
    from resolver.inputs import JsonlFields

    return JsonlFields(html="body")


def test_the_cli_resumes_only_an_unfinished_run(tmp_path: Path, feed: Path) -> None:
    args = ["scan", "--json", "--jsonl", str(feed), "--html-field", "body"]
    first = invoke(tmp_path, *args)
    assert first.exit_code == 0 and len(lines(first.stdout)) == 6
    again = invoke(tmp_path, *args)   # the first run went to its end: this one does the work again
    assert len(lines(again.stdout)) == 6 and "earlier run" not in again.stderr
    store = Store(tmp_path / "c.db")
    assert store.count("progress") == 0 and store.count("articles") == 6


def test_report_accepts_jsonl_and_writes_one_report_per_record(tmp_path: Path, feed: Path) -> None:
    result = invoke(tmp_path, "report", "--offline", "--format", "json", "-o", str(tmp_path / "reports"),
                    "--jsonl", str(feed), "--html-field", "body")
    assert result.exit_code == 0, result.output
    index = json.loads((tmp_path / "reports" / "index.json").read_text())
    assert len(index) == 6 and all((tmp_path / "reports" / e["report"]).exists() for e in index)
    assert "reported on 6 articles" in result.stderr


def test_a_bad_record_in_a_corpus_is_an_error_row_and_the_run_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"html": tweet_page(1)}) + "\n{not json\n" + json.dumps({"html": tweet_page(2)}) + "\n")
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(feed))
    assert result.exit_code == 1
    assert [r["source"] for r in lines(result.stdout)] == [f"{feed}:1", f"{feed}:2", f"{feed}:3"]
    assert lines(result.stdout)[1]["error"].startswith(f"input: cannot read {feed}:2: not JSON")   # its line (#11)
    error, summary = result.stderr.splitlines()
    assert error.startswith(f"error: cannot read {feed}:2: not JSON")
    assert summary.startswith("scanned 2 articles") and summary.endswith("; 1 failed")
    [row] = Store(tmp_path / "c.db").errors()
    assert (row["source"], row["kind"], row["stage"]) == (f"{feed}:2", "input", "read")


def test_a_scan_draws_one_bar_with_its_counts_on_a_terminal_and_leaves_json_clean(fakenet, tmp_path: Path) -> None:
    """stderr a terminal, stdout a pipe: the bar shows articles, their rate, embeds, requests in flight and errors;
    stdout holds JSON Lines and nothing else."""
    from tests.cliworld import World
    from tests.test_exit_codes import with_terminal_stderr

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"html": tweet_page(n)}) + "\n" for n in range(3)) + "{not json\n")
    out = tmp_path / "out.jsonl"
    with out.open("wb") as stdout:
        text = with_terminal_stderr(World(fakenet, tmp_path), "scan", "--json", "--workers", "1", "--jsonl", str(feed),
                                    stdout=stdout, columns=160)
    for part in ("scanning", "3 articles", "3 embeds", "/s", "requests in flight", "1 errors"):
        assert part in text, text
    assert "4 articles" not in text   # the line that failed is an error, not an article (as the summary says)
    assert f"error: cannot read {feed}:4: not JSON" in text
    assert "scanned 3 articles in " in text and "; 1 failed" in text
    found = out.read_text()
    assert [r.get("record_id") for r in lines(found)] == [None] * 4 and found.count("\n") == 4
    assert lines(found)[3] == {"source": f"{feed}:4", "error": lines(found)[3]["error"]}   # the failed line's (#11)


@pytest.mark.parametrize("command", [["scan", "--resolve", "--offline"], ["report", "--offline", "-o", "reports"],
                                     ["archive", "--offline"]], ids=["scan-resolve", "report", "archive"])
def test_bad_records_read_by_workers_in_a_network_run_are_one_line_each(tmp_path: Path, command: list[str]) -> None:
    """A bad line read by a worker process, in a run with an event loop: asyncio used to print a traceback for each
    ("Future exception was never retrieved") after the error line."""
    import os
    import subprocess
    import sys

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"html": tweet_page(n)}) + "\n" + "{not json\n" for n in range(3)))
    command = [str(tmp_path / "reports") if arg == "reports" else arg for arg in command]
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBED_RESOLVER")}
    done = subprocess.run([sys.executable, "-m", "resolver", "--db", str(tmp_path / "c.db"), *command, "--workers",
                           "2", "-q", "--jsonl", str(feed)], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).parent.parent)
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if not line.startswith("wrote 3 reports and an index")]
    assert said == [f"error: cannot read {feed}:{n}: not JSON (Expecting property name enclosed "
                                        f"in double quotes: line 1 column 2 (char 1))" for n in (2, 4, 6)]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_file_reached_twice_is_read_once_in_the_same_run(tmp_path: Path, workers: str) -> None:
    """A folder holding a file and links to it (/etc/ssl/certs is full of them), or a file named twice: read once.
    Before, a link was read again when its file's chunk was not yet committed and otherwise counted as "finished by
    an earlier run" on a fresh cache, so the counts changed from run to run."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(tweet_page(1))
    (folder / "b.html").write_text(tweet_page(2))
    (folder / "link-to-a.html").symlink_to(folder / "a.html")
    result = invoke(tmp_path, "scan", "--json", "--workers", workers, str(folder), str(folder / "b.html"))
    assert result.exit_code == 0, result.output
    assert [Path(r["source"]).name for r in lines(result.stdout)] == ["a.html", "b.html"]
    assert "scanned 2 articles" in result.stderr and "2 already read by another path" in result.stderr
    assert "earlier run" not in result.stderr


SIGNED = ("<p>Hola señor José Núñez, ¿qué tal? 😀 pic.twitter.com/AbCdEf1234 — José Núñez (@jnunez_ficticio) "
          "September 12, 2022</p>")
BLOCKQUOTE = ('<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">مرحبا بالعالم</p>&mdash; سارة (@sara_fict) '
              '<a href="https://twitter.com/sara_fict/status/1234567890123456790">October 1, 2022</a></blockquote>')
CAPTION = '<figure><img src="a.jpg"><figcaption>A street. (Photo: Zoë Åström/Exämple Wire)</figcaption></figure>'


def varied_corpus(root: Path) -> Path:
    """Small articles in the encodings and forms inputs come in, each with accents, emoji or right-to-left text: a
    folder of files, and a WARC file beside it."""
    import codecs
    import gzip

    page = f"<html><head>{{meta}}</head><body>\n{SIGNED}\n{BLOCKQUOTE}\n{CAPTION}\n</body></html>\n"
    western = page.replace(" 😀", "").replace(BLOCKQUOTE, "")
    files = {
        "utf-8.html": page.format(meta='<meta charset="utf-8">').encode(),
        "bom.html": codecs.BOM_UTF8 + page.format(meta="").encode(),
        "crlf.html": page.format(meta="").replace("\n", "\r\n").encode(),
        "utf-16-le.html": codecs.BOM_UTF16_LE + page.format(meta="").encode("utf-16-le"),
        "utf-16-be.txt": codecs.BOM_UTF16_BE + SIGNED.encode("utf-16-be"),
        "cp1252.html": western.format(meta="").encode("cp1252"),
        "latin-1-declared.html": western.format(meta='<meta charset="iso-8859-1">').encode("cp1252"),
        "stray-byte.html": page.format(meta='<meta charset="utf-8">').encode().replace(b"<body>", b"<body>\xff"),
        "remnant.txt": ("Text “quoted”.\r\n" + SIGNED[3:-4] + "\n(Photo: Zoë Åström/Exämple Wire)\n").encode(),
        "nul.txt": b"a\x00b" * 10,
    }
    folder = root / "corpus"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    body = page.format(meta="").encode()
    write_warc(root / "crawl.warc.gz", [
        ("response", "https://n.example/gz", "200 OK", "text/html", gzip.compress(body),
         [("Content-Encoding", "gzip")]),
        ("response", "https://n.example/ru", "200 OK", "text/html; charset=koi8-r",
         f"<p>Москва. {CAPTION}</p>".replace("Zoë Åström/Exämple", "Иван Петров/ТАСС").encode("koi8-r"), []),
        ("response", "https://n.example/1252", "200 OK", "text/html; charset=windows-1252",
         western.format(meta="").encode("cp1252"), []),
    ])
    return folder


def test_workers_give_the_same_output_and_reports_as_one_process_whatever_the_encoding(tmp_path: Path) -> None:
    """A worker sends an article back with its bytes, not its text (#14), and the main process decodes them again
    when a report quotes the article: 1, 2 or 3 workers give the same scan, byte for byte, and the same reports."""
    folder = varied_corpus(tmp_path)
    outputs, reports = [], []
    for workers in ("1", "2", "3"):
        db = str(tmp_path / f"w{workers}.db")
        scanned = CliRunner().invoke(cli, ["--db", db, "scan", "--json", "-q", "--workers", workers, str(folder),
                                           "--warc-input", str(tmp_path / "crawl.warc.gz")])
        assert scanned.exit_code == 0 and "nul.txt: it looks like binary data" in scanned.stderr
        outputs.append([{k: v for k, v in r.items() if k != "scanned_at"} for r in lines(scanned.stdout)])
        reported = CliRunner().invoke(cli, ["--db", db, "report", "--offline", "--format", "json", "-q",
                                            "--workers", workers, "-o", str(tmp_path / f"r{workers}"), str(folder)])
        assert reported.exit_code == 0, reported.output
        reports.append({p.name: [(e.get("quote"), e.get("span")) for e in json.loads(p.read_text())["embeds"]]
                        for p in sorted((tmp_path / f"r{workers}").glob("*.json")) if p.name != "index.json"})
    assert outputs[0] == outputs[1] == outputs[2] and len(outputs[0]) == 12
    assert reports[0] == reports[1] == reports[2] and len(reports[0]) == 9
    found = {Path(r["source"]).name if "#" not in r["source"] else r["url"]: r for r in outputs[0]}
    for name in ("utf-8.html", "bom.html", "crlf.html", "utf-16-le.html", "stray-byte.html", "cp1252.html",
                 "latin-1-declared.html", "remnant.txt", "https://n.example/gz", "https://n.example/1252"):
        assert {e["author_name"] for e in found[name]["embeds"] if e["author_handle"] == "jnunez_ficticio"} == {
            "José Núñez"}, name
        assert [c["creator"] for c in found[name]["credits"]] == ["Zoë Åström"], name
    assert found["utf-16-le.html"]["embeds"][1]["author_name"] == "سارة"
    assert [c["creator"] for c in found["https://n.example/ru"]["credits"]] == ["Иван Петров"]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_the_same_article_gives_the_same_scan_whichever_way_it_comes_in(tmp_path: Path, encoding: str) -> None:
    """A file, stdin, WARC records (plain or gzipped, chunked, gzip, deflate or br bodies, a charset in the header
    or not) and, for UTF-8, a JSON Lines record: the same bytes give the same embeds, credits and spans."""
    import gzip
    import zlib

    from tests.test_inputs import chunked

    page = f"<html><head></head><body>\n{SIGNED}\n{BLOCKQUOTE}\n{CAPTION}\n</body></html>\n"
    if encoding == "cp1252":
        page = page.replace(" 😀", "").replace(BLOCKQUOTE, "")
    data = page.encode(encoding)
    (tmp_path / "page.html").write_bytes(data)
    bodies = [("text/html", data, []), (f"text/html; charset={encoding}", data, []),
              ("text/html", chunked(data), [("Transfer-Encoding", "chunked")]),
              ("text/html", gzip.compress(data), [("Content-Encoding", "gzip")]),
              ("text/html", zlib.compress(data), [("Content-Encoding", "deflate")]),
              ("text/html", pytest.importorskip("brotli").compress(data), [("Content-Encoding", "br")])]
    records = [("response", f"https://n.example/{n}", "200 OK", *body) for n, body in enumerate(bodies)]
    write_warc(tmp_path / "c.warc.gz", records)
    write_warc(tmp_path / "c.warc", records, compress=False)
    (tmp_path / "feed.jsonl").write_text(json.dumps({"html": page}) + "\n")

    def scan(*args: str, input: bytes | None = None) -> list[dict]:
        result = CliRunner().invoke(cli, ["scan", "--no-store", "--json", "-q", *args], input=input)
        assert result.exit_code == 0, result.output
        return [{k: v for k, v in r.items() if k not in ("source", "url", "record_id", "warc_date", "same_bytes_as")} for r in lines(result.stdout)]

    [expected] = scan(str(tmp_path / "page.html"))
    assert [c["creator"] for c in expected["credits"]] == ["Zoë Åström"] and expected["kind"] == "html"
    assert scan("-", input=data) == [expected]
    # a record's URL reads the page's relative image address, as a browser does (newuser42a #1): a file has none
    at_url = dict(expected, credits=[dict(c, image="https://n.example/a.jpg") for c in expected["credits"]])
    declared = dict(at_url, encoding_detected=False)   # the header said what detection guessed
    assert scan("--warc-input", str(tmp_path / "c.warc.gz"), "--warc-input", str(tmp_path / "c.warc")) == (
        [at_url, declared, *[at_url] * 4] * 2)
    if encoding == "utf-8":
        assert scan("--jsonl", str(tmp_path / "feed.jsonl")) == [expected]


def test_a_secret_in_an_article_url_from_jsonl_or_warc_is_never_written(tmp_path: Path) -> None:
    """The URL a JSON Lines record or a WARC record gives its article was stored and printed as it was, a token in
    its query and all, where the same URL scanned by name (`scan URL`) is redacted, as README promises of every
    URL stored."""
    page = tweet_page(1)
    record = {"html": page, "url": "https://n.example/a?access_token=TOPSECRET1"}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n")
    write_warc(tmp_path / "c.warc.gz", [("response", "https://n.example/b?x=1&api_key=TOPSECRET2", "200 OK",
                                         "text/html", page.encode(), [])])
    result = invoke(tmp_path, "scan", "--json", "-q", "--jsonl", str(tmp_path / "feed.jsonl"), "--warc-input",
                    str(tmp_path / "c.warc.gz"))
    assert result.exit_code == 0, result.output
    assert [r["url"] for r in lines(result.stdout)] == ["https://n.example/a?access_token=REDACTED",
                                                        "https://n.example/b?x=1&api_key=REDACTED"]
    store = Store(tmp_path / "c.db")
    rows = json.dumps([list(store.db[t].rows) for t in store.db.table_names() if t != "bodies"], default=str)
    assert "TOPSECRET" not in rows and "access_token=REDACTED" in rows


def test_scan_says_which_warc_records_it_left_out_and_why(tmp_path: Path) -> None:
    """`scan --warc-input` read the 2xx HTML responses and said nothing of the rest (20 of 200 records in a crawl):
    the summary counts the records left out by reason, `-v` names each, and each shard counts its own."""
    import re

    from tests.test_inputs import WARC_RECORDS

    secret = ("response", "https://news.example/p?access_token=hunter2hunter2", "403 Forbidden", "text/html", b"", [])
    warc = write_warc(tmp_path / "c.warc.gz", [*WARC_RECORDS, secret])
    result = invoke(tmp_path, "scan", "--json", "--warc-input", str(warc))
    assert result.exit_code == 0, result.output
    assert len(lines(result.stdout)) == 2
    assert "; 4 WARC records left out (1 HTTP 301, 1 HTTP 403, 1 HTTP 404, 1 not HTML)" in result.stderr, result.stderr
    verbose = invoke(tmp_path, "scan", "--json", "-v", "--no-resume", "--warc-input", str(warc)).stderr
    named = re.findall(r"^left out (\S+) \((\S+)\): (.+)$", verbose, re.M)
    assert [(url, why) for _, url, why in named] == [
        ("https://news.example/missing", "HTTP 404 Not Found"),
        ("https://news.example/logo.png", "not HTML (image/png)"), ("https://news.example/moved", "HTTP 301 Moved"),
        ("https://news.example/p?access_token=REDACTED", "HTTP 403 Forbidden")]
    assert "hunter2" not in verbose
    assert all(source.startswith(f"{warc}#") for source, _, _ in named)
    counted = []
    for shard in ("1/2", "2/2"):
        said = invoke(tmp_path, "scan", "--json", "-v", "--shard", shard, "--warc-input", str(warc)).stderr
        counted += re.findall(r"^left out (\S+) ", said, re.M)
    assert sorted(counted) == sorted(source for source, _, _ in named)


# A run that found no article at all (an empty folder, one holding only files that are no article): before, `scan`
# printed nothing and exited 0, `report` said "no article to report on" and exited 1. An empty folder is most
# likely a typo or a disk not mounted: an error, exit 1, as report.

@pytest.mark.parametrize("command", ["scan", "archive", "fetch"])
def test_a_run_over_an_empty_folder_is_an_error(tmp_path: Path, command: str) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke(tmp_path, command, "--offline", str(empty))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: no article in {empty} (an empty folder? check the path, and that "
                                          "its disk is mounted)"]


@pytest.mark.parametrize("command", [["report"], ["report", "-o", "REPORTS"]], ids=["report", "report-o"])
def test_a_report_over_an_empty_folder_says_so_in_one_line(tmp_path: Path, command: list[str]) -> None:
    """`report` said the empty folder's error, then "error: no article to report on in DIR": two errors for one
    (#2). A folder whose only file is unreadable is said once too, as `scan` says it."""
    empty, unreadable = tmp_path / "empty", tmp_path / "unreadable"
    empty.mkdir()
    unreadable.mkdir()
    (unreadable / "story.html").write_bytes(b"<p>caf\xe9 (@x)</p>")
    command = [str(tmp_path / "reports") if arg == "REPORTS" else arg for arg in command]
    result = invoke(tmp_path, *command, "--offline", str(empty))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"error: no article in {empty} (an empty folder? check the path, and that "
                                          "its disk is mounted)"]
    assert not (tmp_path / "reports").exists()
    result = invoke(tmp_path, *command, "--offline", "--encoding", "ascii", str(unreadable))
    assert result.exit_code == 1, result.output
    said = result.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith(f"error: cannot read {unreadable / 'story.html'}"), said


def test_a_scan_of_a_folder_holding_no_article_says_so_after_its_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "noart"
    folder.mkdir()
    (folder / "photo.bin").write_bytes(b"\x00\x01" * 100)
    (folder / ".hidden.html").write_text(tweet_page(1))
    result = invoke(tmp_path, "scan", "--json", str(folder))
    # its JSON line too, as an empty folder's (newuser34b #4: none, exit 1 and stdout empty)
    assert result.exit_code == 1 and json.loads(result.stdout) == {
        "source": str(folder), "error": f"input: no article in {folder} (1 file skipped)"}
    said = result.stderr.splitlines()
    assert said[0].startswith(f"warning: cannot scan {folder / 'photo.bin'}: ")
    assert said[1:] == [f"error: no article in {folder} (1 file skipped)"]
    globbed = invoke(tmp_path, "scan", "--glob", "*.txt", str(folder))
    assert globbed.exit_code == 1   # the folder --glob left whole is no file skipped (newuser34b #5)
    assert globbed.stderr.splitlines()[-1] == f"error: no article in {folder} (no file matches --glob)"


def test_archive_of_an_empty_folder_and_a_url_still_archives_the_url(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke(tmp_path, "archive", "--offline", "--json", str(empty), "https://twitter.com/jack/status/20")
    assert result.exit_code == 1
    assert [json.loads(line).get("url", "failed") for line in result.stdout.splitlines()] == [
        "failed", "https://twitter.com/jack/status/20"]   # the empty folder's JSON line first (#11)
    assert f"error: no article in {empty} (" in result.stderr


def test_a_shard_that_got_no_article_is_no_error(tmp_path: Path) -> None:
    """Other shards may hold them (three files cut in four): a warning, exit 0."""
    folder = tmp_path / "few"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.html").write_text(tweet_page(n))
    codes = []
    for k in range(1, 5):
        result = invoke(tmp_path, "scan", "--json", "--shard", f"{k}/4", str(folder))
        codes.append(result.exit_code)
        if not result.stdout:
            assert result.stderr.splitlines() == [f"warning: no article in {folder} for shard {k}/4"]
    assert codes == [0, 0, 0, 0]


# --jsonl given a file that is no JSON Lines (#11): before, every line was an error of its own ("error: cannot read
# page.html:N: not JSON"), 588 lines and 588 rows of the errors table for one NPR page. The opposite mistake (a
# JSON Lines file given as a SOURCE) was caught in one line.

def errors_rows(tmp_path: Path) -> int:
    store = Store(tmp_path / "c.db")
    try:
        return store.count("errors")
    finally:
        store.close()


@pytest.mark.parametrize("what, body", [
    ("HTML", "\n\n  <!DOCTYPE html>\n<html><head><title>Story</title></head>\n<body>\n" + tweet_page(1) + "\n</body>\n"
             "</html>\n"),
    ("binary data", b"\x7fELF\x02\x01\x01\x00\x00\x00\n\x00\x00\x03\x00>\x00\n\x01\x00\x00\x00" * 20),
], ids=["html", "binary"])
def test_jsonl_given_a_file_that_is_no_json_lines_is_one_error(tmp_path: Path, what: str, body: str | bytes) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(body.encode() if isinstance(body, str) else body)
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(path))
    assert result.exit_code == 1 and [r["source"] for r in lines(result.stdout)] == [str(path)]   # its line (#11)
    hint = " (give it as a SOURCE, without --jsonl)" if what == "HTML" else ""
    assert result.stderr.splitlines() == [f"error: cannot read {path}: it looks like {what}, not JSON Lines{hint}"]
    assert errors_rows(tmp_path) == 1


def test_jsonl_whose_first_record_holds_a_raw_control_character_is_read_line_by_line(tmp_path: Path) -> None:
    """A first record holding one raw control character (scraped HTML in a hand-made export) made the whole file
    "binary data": every later record was lost, where before only that line was an error (review26b)."""
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"html": tweet_page(1) + "\x01junk"}).replace("\\u0001", "\x01") + "\n"
                    + json.dumps({"html": tweet_page(2)}) + "\n")
    assert b"\x01" in path.read_bytes()
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(path))
    assert result.exit_code == 1 and [("error" in r) for r in lines(result.stdout)] == [True, False]
    assert [line.split(": not JSON")[0] for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: cannot read {path}:1"]


def test_jsonl_with_a_few_bad_lines_is_an_error_a_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"html": tweet_page(1)}) + "\n<p>a stray line</p>\n"
                    + json.dumps({"html": tweet_page(2)}) + "\nnot json\n")
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(path))
    assert result.exit_code == 1 and [("error" in r) for r in lines(result.stdout)] == [False, True, False, True]
    assert [line.split(": not JSON")[0] for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: cannot read {path}:2", f"error: cannot read {path}:4"]


# -- cli27: empty inputs are skipped, not articles; the bar counts skips as skips -------------------------------

def articles_rows(tmp_path: Path) -> int:
    return Store(tmp_path / "c.db").db.execute("select count(*) from articles").fetchone()[0]


@pytest.mark.parametrize("body", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf \n"], ids=["zero-bytes", "white-space", "bom"])
def test_an_empty_file_in_a_folder_is_skipped_not_scanned_as_an_article(tmp_path: Path, body: bytes) -> None:
    """An empty file was scanned as an article with nothing in it (exit 0, an article recorded in the cache)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(tweet_page(1))
    (folder / "b.txt").write_bytes(body)
    result = invoke(tmp_path, "scan", "--json", str(folder))
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in lines(result.stdout)] == [str(folder / "a.html")]
    said = result.stderr.splitlines()
    assert said[0] == f"warning: skipped {folder / 'b.txt'}: empty"
    assert said[1].startswith("scanned 1 article in ") and said[1].endswith("; 1 skipped")
    assert articles_rows(tmp_path) == 1


def test_an_empty_file_named_beside_an_article_is_skipped_and_the_run_exits_0(tmp_path: Path) -> None:
    story, empty = tmp_path / "story.html", tmp_path / "empty.txt"
    story.write_text(tweet_page(1))
    empty.write_bytes(b"")
    result = invoke(tmp_path, "scan", "--json", str(empty), str(story))
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in lines(result.stdout)] == [str(story)]
    assert result.stderr.splitlines()[0] == f"warning: skipped {empty}: empty"
    assert articles_rows(tmp_path) == 1


@pytest.mark.parametrize("command", ["scan", "archive", "report", "fetch"])
def test_a_run_whose_only_target_is_an_empty_file_exits_1(tmp_path: Path, command: str) -> None:
    """`fetch` exited 0 with only the warning, against the README's exit-code table (#12)."""
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b" \n")
    result = invoke(tmp_path, command, "--offline", str(empty))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    said = result.stderr.splitlines()
    assert said[0] == f"warning: skipped {empty}: empty"
    assert len(said) == 2 and said[1] == (f"error: no article to report on in {empty}" if command == "report"
                                          else f"error: no article from {empty} (skipped)")
    assert articles_rows(tmp_path) == 0


def test_a_jsonl_record_of_only_white_space_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"html": tweet_page(1)}) + "\n" + json.dumps({"id": 7.5, "html": None, "text": "   "})
                    + "\n" + json.dumps({"html": " \n "}) + "\n")
    result = invoke(tmp_path, "scan", "--json", "--jsonl", str(path))
    assert result.exit_code == 0, result.output
    assert [r["source"] for r in lines(result.stdout)] == [f"{path}:1"]
    said = result.stderr.splitlines()
    assert said[:2] == [f"warning: skipped {path}:2: empty", f"warning: skipped {path}:3: empty"]
    assert said[2].endswith("; 2 skipped")
    assert articles_rows(tmp_path) == 1


def test_a_folders_skips_are_no_rows_of_the_errors_table_but_one_count_in_the_summary(tmp_path: Path) -> None:
    """The errors table got a row per file a folder walk skipped (binary, empty), and one per empty file named:
    skips are no errors (#2). They are warnings, counted in the summary line; an error still gets its row."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(tweet_page(1))
    (folder / "photo.bin").write_bytes(b"\x00\x01" * 100)
    (folder / "blank.txt").write_bytes(b"")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b" \n")
    result = invoke(tmp_path, "scan", str(folder), str(empty))
    assert result.exit_code == 0, result.output
    said = result.stderr.splitlines()
    assert [line.split(":")[0] for line in said] == ["warning", "warning", "warning", said[-1].split(":")[0]]
    assert said[-1].startswith("scanned 1 article in ") and said[-1].endswith("; 3 skipped"), said
    assert errors_rows(tmp_path) == 0
    unread = folder / "c.html"
    unread.write_bytes(b"<p>caf\xe9 (@x)</p>")
    result = invoke(tmp_path, "scan", "--encoding", "ascii", str(unread), str(empty))
    assert result.exit_code == 1, result.output
    store = Store(tmp_path / "c.db")
    assert [(e["source"], e["kind"]) for e in store.errors()] == [(str(unread), "encoding")]
    store.close()


def test_the_bar_counts_a_folders_skips_as_skips_as_the_summary_does(fakenet, tmp_path: Path) -> None:
    """A folder walk's skips (binary, empty) were counted as errors in the bar, while the summary said skipped."""
    from tests.cliworld import World
    from tests.test_exit_codes import with_terminal_stderr

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.html").write_text(tweet_page(n))
    (folder / "photo.bin").write_bytes(b"\x00\x01" * 100)
    (folder / "blank.txt").write_bytes(b"")
    text = with_terminal_stderr(World(fakenet, tmp_path), "scan", "--json", "--workers", "1", str(folder),
                                columns=160)
    assert "3 articles" in text and "0 errors" in text and "2 skipped" in text, text
    assert "2 errors" not in text
    assert "scanned 3 articles in " in text and "; 2 skipped" in text


# -- cli27: an empty folder beside other targets is said, in every command --------------------------------------

@pytest.mark.parametrize("command", [["scan"], ["archive"], ["fetch"], ["report", "-o", "REPORTS"]],
                         ids=["scan", "archive", "fetch", "report"])
def test_an_empty_folder_beside_an_article_is_an_error_and_the_article_is_done(tmp_path: Path,
                                                                               command: list[str]) -> None:
    """A mistyped or unmounted folder named beside another target: scan, archive and report said nothing and
    exited 0 (the no-article check was over the whole run), while fetch said so."""
    empty, unmounted, story = tmp_path / "empty", tmp_path / "disk2", tmp_path / "story.html"
    empty.mkdir()
    unmounted.mkdir()
    (unmounted / ".hidden").write_text(tweet_page(9))   # only hidden names: nothing a walk reads
    story.write_text(tweet_page(1))
    command = [str(tmp_path / "reports") if arg == "REPORTS" else arg for arg in command]
    result = invoke(tmp_path, *command, "--offline", str(empty), str(story), str(unmounted))
    assert result.exit_code == 1, result.output
    said = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    hint = "(an empty folder? check the path, and that its disk is mounted)"
    assert said == [f"error: no article in {empty} {hint}", f"error: no article in {unmounted} {hint}"]
    if command[0] == "report":
        assert len(json.loads((tmp_path / "reports" / "index.json").read_text())) == 1
    else:
        assert str(story) in result.stdout or command[0] != "scan"
    assert articles_rows(tmp_path) == 1


def test_resolve_given_a_folder_beside_a_url_says_so_and_resolves_the_url(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke(tmp_path, "resolve", "--offline", "--json", str(empty), "https://t.co/Ab12Cd34Ef")
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("error: ")] == [
        f"error: {empty} is a folder, not a URL (to resolve an article's links: scan --resolve {empty})"]
    assert any(r.get("url") == "https://t.co/Ab12Cd34Ef" for r in lines(result.stdout))


def test_a_failed_input_is_a_json_line_in_the_output_file_too(tmp_path: Path) -> None:
    story, out = tmp_path / "story.html", tmp_path / "out.jsonl"
    story.write_text(tweet_page(1))
    result = invoke(tmp_path, "scan", "--json", "-o", str(out), str(tmp_path / "nosuch.html"), str(story))
    assert result.exit_code == 1 and result.stdout == ""
    written = lines(out.read_text())
    assert written[0] == {"source": str(tmp_path / "nosuch.html"),
                          "error": f"input: cannot read {tmp_path / 'nosuch.html'}: no such file (a URL needs http:// "
                                   "or https://)"}
    assert [r["source"] for r in written] == [str(tmp_path / "nosuch.html"), str(story)]


def test_a_file_whose_name_is_not_utf8_is_scanned_and_the_others_too(tmp_path: Path) -> None:
    """A file named in Latin-1 in a folder (an old archive's): its name's bytes reached SQLite as lone surrogates,
    and the whole run ended with "internal error: UnicodeEncodeError", the other articles' output lost (#11)."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text(tweet_page(1))
    with open(os.path.join(os.fsencode(folder), b"b\xe9.html"), "wb") as odd:
        odd.write(tweet_page(2).encode())
    (folder / "c.html").write_text(tweet_page(3))
    for _ in range(2):   # the second run reads the cache's records of them
        result = invoke(tmp_path, "scan", "--json", str(folder))
        assert result.exit_code == 0, result.output
        assert [r["source"] for r in lines(result.stdout)] == [
            str(folder / "a.html"), str(folder / "b\\xe9.html"), str(folder / "c.html")]
    missing = invoke(tmp_path, "scan", "--json", os.fsdecode(os.path.join(os.fsencode(folder), b"n\xe9.html")))
    assert missing.exit_code == 1
    assert missing.stderr.splitlines() == [f"error: cannot read {folder / 'n'}\\xe9.html: no such file (a URL needs "
                                           "http:// or https://)"]
    assert lines(missing.stdout)[0]["source"] == f"{folder / 'n'}\\xe9.html"


def test_resolve_says_a_name_that_is_not_utf8_with_escapes(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"n\xe9.html"))
    result = invoke(tmp_path, "resolve", "--offline", "--json", name)
    assert result.exit_code == 1
    shown = f"{tmp_path / 'n'}\\xe9.html"
    assert result.stderr.splitlines() == [f"error: cannot read {shown}: no such file (a URL needs http:// or https://)"]
    assert lines(result.stdout) == [{"source": shown, "error": f"input: cannot read {shown}: no such file (a URL "
                                                               "needs http:// or https://)"}]
