"""Targets from the command line (#11): files are files, URLs are URLs, and an article can be a URL.

One rule for every command: a URL needs an explicit http:// or https://, or is a recognised post form
(pic.twitter.com/..., t.co/..., twitter.com/...); an existing path is a file (even one named like a host, as
`wget -r` makes them); anything else is "no such file", exit 1, and no request.
"""

import gzip
import json

import pytest

from cache import Store
from tests import xfixtures as fx
from tests.cliworld import ROOT, World, lines
from tests.fakenet import page, redirect
from tests.test_archive import serve_wayback
from tests.test_fetch import by_id, json_page, serve_media

POST = f"https://twitter.com/RivertonRoads/status/{fx.POST_ID}"
STORY = "https://news.example/2022/12/bridge.html"
STORY_HTML = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge</title></head><body><article>
<p>The roads office said so:</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Bridge reopened this morning after repairs.
<a href="https://t.co/Zz98Yy76Xx">pic.twitter.com/Zz98Yy76Xx</a></p>&mdash; Riverton Roads (@RivertonRoads)
<a href="{POST}?ref_src=twsrc%5Etfw">December 6, 2022</a></blockquote>
<figure><img src="https://pbs.twimg.com/media/FjRivertonBridge.jpg"><figcaption>(Photo: Bea Example/Riverton Post)
</figcaption></figure></article></body></html>"""


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    return World(fakenet, tmp_path)


@pytest.mark.parametrize("url", ["http://[::1", "https://xn--/x"], ids=["ipv6", "idna"])
@pytest.mark.parametrize("command", ["scan", "fetch", "archive", "report", "resolve"])
def test_a_malformed_url_is_an_error_line_not_an_internal_error(world, fakenet, command, url):
    """Before, `resolve http://[::1` and `fetch http://[::1` ended in "internal error: ValueError: Invalid IPv6
    URL" (the per-host limit split the URL before the guard could refuse it); `https://xn--/x` in "IDNAError" (#12)."""
    result = world(command, *(["-o", "r.md"] if command == "report" else []), url)
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.stderr
    assert "invalid-url" in result.output
    assert fakenet.hits == []


def test_a_link_whose_host_no_lookup_takes_is_its_errors_and_the_other_links_and_articles_are_done(world, fakenet,
                                                                                                  tmp_path):
    """`resolve URL https://xn--/x` printed no result at all, and `scan --resolve` lost the whole article holding
    such a link, each with "internal error: IDNAError" (#12)."""
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(POST))
    (tmp_path / "idn.html").write_text(STORY_HTML.replace("https://t.co/Zz98Yy76Xx", "https://xn--/abc"))
    (tmp_path / "story.html").write_text(STORY_HTML)
    refused = "invalid-url: refused https://xn--/abc: not a valid host name: xn-- (Malformed A-label, no Punycode "
    resolved = world("resolve", "--json", "https://t.co/Zz98Yy76Xx", "https://xn--/abc")
    assert resolved.exit_code == 1 and "internal error" not in resolved.stderr, resolved.output
    good, bad = [json.loads(line) for line in lines(resolved.stdout)]
    assert good["canonical_url"] == POST and good["error"] is None
    assert bad["error"].startswith(refused) and bad["hops"][0]["status"] is None
    scanned = world("scan", "--resolve", "--json", "idn.html", "story.html")
    assert scanned.exit_code == 1 and "internal error" not in scanned.stderr, scanned.output
    assert lines(scanned.stderr)[0].startswith("error: idn.html: link https://xn--/abc (embed #1) ended in an error: "
                                               + refused)
    idn, story = [json.loads(line) for line in lines(scanned.stdout)]
    [bad] = [r for r in idn["resolutions"] if r["url"] == "https://xn--/abc"]
    assert bad["error"].startswith(refused) and idn["embeds"]
    assert [r["canonical_url"] for r in story["resolutions"] if r["url"] == "https://t.co/Zz98Yy76Xx"] == [POST]
    assert all("xn--" not in host for host, _ in fakenet.hits)


@pytest.mark.parametrize("command", ["scan", "fetch", "archive", "report", "resolve"])
def test_a_name_that_is_neither_a_file_nor_a_url_is_no_such_file(world, fakenet, command):
    result = world(command, "nosuch.html")
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == ["error: cannot read nosuch.html: no such file (a URL needs http:// or https://)"]
    assert fakenet.hits == []
    assert Store(world.db).count("fetches") == 0


@pytest.mark.parametrize("command", ["resolve", "fetch", "archive"])
def test_one_bad_name_among_targets_is_one_error_line_and_the_others_are_done(world, fakenet, command):
    """The README's "one bad input never stops a batch": before, one typo among the targets (`fetch URL notaurl`)
    ended the command with its error line and nothing else done, as `scan` does not."""
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(POST))
    serve_wayback(fakenet, [("20221206060000", POST)])
    good = "https://t.co/Zz98Yy76Xx" if command == "resolve" else POST
    result = world(command, "--json", *(["--no-media"] if command == "fetch" else []), "nosuch.html", good)
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == ["error: cannot read nosuch.html: no such file (a URL needs http:// or https://)"]
    done = [json.loads(line) for line in lines(result.stdout)]
    failed = {"source": "nosuch.html", "error": "input: cannot read nosuch.html: no such file (a URL needs http:// or "
                                                "https://)"}
    assert failed in done   # its JSON line too (#11)
    done.remove(failed)
    assert done, result.output
    if command == "resolve":
        assert [d["canonical_url"] for d in done] == [POST]
    elif command == "fetch":
        assert [d["post_id"] for d in done] == [fx.POST_ID]
    else:
        assert POST in [d["url"] for d in done]


def test_a_link_list_on_stdin_skips_comments_and_blank_lines_and_names_a_bad_line(world, fakenet, tmp_path):
    """`resolve -` read a link list whole before resolving any: one comment line or one URL without its scheme
    gave "error: cannot read # my links: no such file" (no file was named) and nothing was resolved."""
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect(POST))
    (tmp_path / "story.html").write_text(STORY_HTML)
    links = ("# links for the bridge story\nhttps://t.co/Zz98Yy76Xx\n\n   \n  # done on Monday\n"
             "www.bbc.co.uk/news/123\nftp://t.co/Zz98Yy76Xx\nstory.html\n")
    result = world("resolve", "--json", "-", input=links)
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [
        "error: -:6: not a URL: www.bbc.co.uk/news/123 (a URL needs http:// or https://)",
        "error: -:7: not a URL: ftp://t.co/Zz98Yy76Xx (only http:// and https:// URLs are fetched)",
        "error: -:8: not a URL: story.html (a URL needs http:// or https://)"]
    printed = [json.loads(line) for line in lines(result.stdout)]
    assert [r["source"] for r in printed[:3]] == ["-:6", "-:7", "-:8"]   # each bad line's JSON line too (#11)
    assert [r["canonical_url"] for r in printed[3:]] == [POST]
    comments = world("resolve", "--json", "-", input="# nothing yet\n\n")
    assert (comments.exit_code, comments.stdout, comments.stderr) == (0, "", "")


@pytest.mark.parametrize("command", ["scan", "fetch", "archive", "report", "resolve"])
@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_name_is_no_folder(world, fakenet, command, name):
    """`resolve ''` said "error:  is a folder, not a URL", and `scan ''` scanned the current folder: Path("") is
    ".". An empty name (a shell variable that was not set) is an error naming it, before any request."""
    result = world(command, *(["-o", "r.md"] if command == "report" else []), name)
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == [f"error: cannot read '{name}': an empty name is no file, folder or URL"]
    assert fakenet.hits == []


@pytest.mark.parametrize("target", [f"twitter.com/RivertonRoads/status/{fx.POST_ID}",
                                    f"x.com/RivertonRoads/status/{fx.POST_ID}"])
def test_a_recognised_post_form_without_a_scheme_is_a_url(world, target):
    result = world("fetch", "--json", "--no-media", target)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["post_id"] == fx.POST_ID


def test_an_existing_path_named_like_a_host_is_a_file(world, fakenet, tmp_path):
    mirror = tmp_path / "pic.twitter.com"
    mirror.mkdir()
    (mirror / "Zz98Yy76Xx").write_text(STORY_HTML)
    result = world("scan", "--json", "pic.twitter.com/Zz98Yy76Xx")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == "pic.twitter.com/Zz98Yy76Xx"
    assert fakenet.hits == []


def test_scan_a_url_fetches_the_article_through_the_http_layer(world, fakenet):
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    result = world("scan", "--json", STORY)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"] == STORY and data["kind"] == "html"
    assert [e["post_id"] for e in data["embeds"]] == [fx.POST_ID]
    assert data["credits"][0]["creator"] == "Bea Example"
    [row] = Store(world.db).fetches_for(STORY)
    assert row["status"] == 200 and row["body_sha256"] == data["sha256"]
    assert Store(world.db).db["article_sources"].count_where("source = ?", [STORY]) == 1


def test_a_scan_of_files_and_a_url_hands_over_to_the_event_loop_at_the_url_and_keeps_the_order(world, fakenet, tmp_path):
    """A scan with no network step runs without an event loop (#14) until an article named by its URL: from there
    the run goes on in the loop, through the one client; outputs stay in input order, every article recorded."""
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    (tmp_path / "a.html").write_text(STORY_HTML.replace("Bridge reopened", "Bridge closed"))
    (tmp_path / "b.html").write_text("<p>nothing here</p>")
    result = world("scan", "--json", "--workers", "2", str(tmp_path / "a.html"), STORY, str(tmp_path / "b.html"))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in lines(result.stdout)] == [str(tmp_path / "a.html"), STORY,
                                                                             str(tmp_path / "b.html")]
    store = Store(world.db)
    assert store.count("articles") == 3 and store.count("progress") == 0
    assert len(store.fetches_for(STORY)) == 1


def test_a_secret_in_an_article_url_is_never_written(world, fakenet):
    """A paywalled page named with its key (`?token=...`) is fetched with it, but the source the cache keeps and
    the output shows has the value redacted, as every other stored URL (#11)."""
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    result = world("scan", "--json", f"{STORY}?token=MRKpaywall9X&page=2")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"] == f"{STORY}?token=REDACTED&page=2"
    assert b"MRKpaywall9X" not in result.stdout_bytes + result.stderr_bytes
    store = Store(world.db)
    rows = json.dumps([list(store.db[t].rows) for t in store.db.table_names() if t != "bodies"], default=str)
    assert "MRKpaywall9X" not in rows and "token=REDACTED" in rows
    fakenet.route("news.example", "/gone.html", page("gone", 404))   # a failure names it redacted too
    failed = world("scan", "--json", "https://news.example/gone.html?token=MRKpaywall9X")
    assert failed.exit_code == 1 and "token=REDACTED" in failed.stderr
    errors = json.dumps(list(Store(world.db).db["errors"].rows))
    assert b"MRKpaywall9X" not in failed.stdout_bytes + failed.stderr_bytes and "MRKpaywall9X" not in errors


def test_an_article_url_goes_into_the_warc_of_an_archive_run(world, fakenet):
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    warc = world.tmp / "run.warc.gz"
    world("scan", "--archive", "--warc", str(warc), "--json", STORY)
    assert b"WARC-Target-URI: " + STORY.encode() in gzip.decompress(warc.read_bytes())


def test_report_a_url(world, fakenet):
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    fakenet.route("t.co", "/Zz98Yy76Xx", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    serve_wayback(fakenet)   # the report's archive lookups answer: no capture
    result = world("report", "--format", "json", STORY)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["source"] == STORY


@pytest.mark.parametrize("answer, message", [
    (page("gone", 404), f"error: cannot read {STORY}: HTTP 404"),
    (page(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png"), f"error: cannot scan {STORY}: it looks like"),
], ids=["404", "not-an-article"])
def test_an_article_url_that_gives_no_article_is_one_error_line(world, fakenet, answer, message):
    fakenet.route("news.example", "/2022/12/bridge.html", answer)
    result = world("scan", STORY)
    assert result.exit_code == 1
    [line] = lines(result.stderr)
    assert line.startswith(message)
    store = Store(world.db)   # no article came of it: its fetch row is written with the error all the same (#11)
    assert [(r["url"], r["purpose"]) for r in store.db["fetches"].rows] == [(STORY, "article")]
    assert (store.count("articles"), store.count("errors")) == (0, 1)


def test_an_article_url_to_a_private_address_is_refused_by_the_guard(world, fakenet):
    result = world("scan", "http://127.0.0.1:9/story.html")   # not named in [origins]: the guard applies
    assert result.exit_code == 1
    assert "private" in result.stderr or "loopback" in result.stderr
    assert fakenet.hits == []


def test_stdin_is_one_input_wherever_it_is_accepted(world):
    text = STORY_HTML.encode()
    assert json.loads(world("scan", "--json", "-", input=text).stdout)["source"] == "-"
    fetched = world("fetch", "--json", "--no-media", "-", input=text)
    assert fetched.exit_code == 0, fetched.output
    assert json.loads(fetched.stdout)["post_id"] == fx.POST_ID
    reported = world("report", "--offline", "--format", "json", "-", input=text)
    assert reported.exit_code == 0 and json.loads(reported.stdout)["article"]["source"] == "-"
    twice = world("scan", "-", "-", input=text)
    assert twice.exit_code == 2 and "stdin" in twice.stderr


def test_an_article_url_is_read_again_from_the_cache_offline(world, fakenet):
    fakenet.route("news.example", "/old.html", redirect("https://news.example/2022/12/bridge.html"))
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    old = "https://news.example/old.html"
    assert world("scan", old).exit_code == 0
    hits = len(fakenet.hits)
    result = world("report", "--offline", "--format", "json", old)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["source"] == old
    assert len(fakenet.hits) == hits
    never = world("scan", "--offline", "https://news.example/never.html")
    assert never.exit_code == 3
    assert lines(never.stderr) == ["error: cannot read https://news.example/never.html: offline, and this article "
                                   "was never fetched"]


def test_an_article_fetched_only_because_allow_private_let_it_through_is_not_served_offline_to_the_guard(world,
                                                                                                      fakenet):
    """`scan --offline URL` read the body kept by an `--allow-private` run of an article at a non-public address to
    a run with the guard on, which online refuses it (review28c #5): the fetch log did not say the answer came
    through allow_private. Now the fetch row says `non_public`, and the kept body is served only to runs with it."""
    inner = f"http://127.0.0.1:{fakenet.server.port}"
    fakenet.route("127.0.0.1", "/old.html", redirect(f"{inner}/story.html"))
    fakenet.route("127.0.0.1", "/story.html", page(STORY_HTML))
    fakenet.route("news.example", "/moved.html", redirect(f"{inner}/story.html"))
    for url in (f"{inner}/old.html", "https://news.example/moved.html"):
        assert world("scan", "--allow-private", url).exit_code == 0
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    assert world("scan", "--allow-private", STORY).exit_code == 0   # a public name, through [origins]: no tie
    rows = Store(world.db).db.execute("SELECT url, non_public FROM fetches ORDER BY id").fetchall()
    assert rows == [(f"{inner}/old.html", 1), (f"{inner}/story.html", 1), ("https://news.example/moved.html", 0),
                    (f"{inner}/story.html", 1), (STORY, 0)]
    hits = len(fakenet.hits)
    for legacy in (False, True):   # rows kept before the log said non_public: judged by their host, an IP literal
        if legacy:
            with Store(world.db).db.conn as conn:
                conn.execute("UPDATE fetches SET non_public = NULL")
        for url in (f"{inner}/old.html", f"{inner}/story.html", "https://news.example/moved.html"):
            guarded = world("scan", "--offline", url)
            assert guarded.exit_code == 3, (url, guarded.output)
            assert lines(guarded.stderr) == [
                f"error: cannot read {url}: offline, and this article was fetched only with allow_private set (a "
                f"non-public address, {inner}/{'old' if 'old' in url else 'story'}.html); run with it, or without "
                "--offline"], url
            allowed = world("scan", "--offline", "--allow-private", "--json", url)
            assert allowed.exit_code == 0, allowed.output
            assert json.loads(allowed.stdout.splitlines()[0])["embeds"]
        public = world("scan", "--offline", "--json", STORY)
        assert public.exit_code == 0 and json.loads(public.stdout.splitlines()[0])["embeds"], public.output
    assert len(fakenet.hits) == hits


def test_an_article_url_never_fetched_offline_exits_as_the_readme_table_says(world, fakenet):
    """`scan --offline URL` exits 3 (not in the cache offline: an online run would read it) and `report --offline
    URL` 1 (a report exits 0 for what it could not reach; an article it could not read at all is an input that
    failed), with the same message. The table listed scan under 3 only "with a network flag"; it names this case."""
    never = "https://news.example/never.html"
    said = [f"error: cannot read {never}: offline, and this article was never fetched"]
    for args, code in ((["scan", "--offline"], 3), (["scan", "--offline", "--fetch"], 3),
                       (["report", "--offline"], 1), (["report", "--offline", "-o", "reports"], 1)):
        result = world(*args, never)
        assert (result.exit_code, lines(result.stderr)[:1]) == (code, said), args
    table = " ".join((ROOT / "README.md").read_text().split())
    assert "`scan` of an article URL never fetched, `scan` with a network flag" in table
    assert "an article it could not read at all, such as an article URL never fetched, is exit 1" in table
    assert fakenet.hits == []


def test_an_article_urls_http_charset_decodes_it_online_and_offline(world, fakenet):
    """The charset of the Content-Type was ignored: a KOI8-R page with no <meta charset> went to detection, which
    read it as Hebrew (cp1255), in the scan and in the report read again from the cache."""
    html = ("<html><body><p>Москва. (Photo: Иван Петров/ТАСС)</p>"
            f'<p><a href="{POST}">пост</a></p></body></html>')
    fakenet.route("news.example", "/ru.html", page(html.encode("koi8-r"), content_type="text/html; charset=koi8-r"))
    result = world("scan", "--json", "https://news.example/ru.html")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["encoding"], data["credits"][0]["creator"]) == ("koi8-r", "Иван Петров")
    report = world("report", "--offline", "--format", "json", "https://news.example/ru.html")
    assert report.exit_code == 0, report.output
    assert json.loads(report.stdout)["article"]["encoding"] == "koi8-r"


SECRET = "SEKRETTOKEN123456789fictional"


@pytest.mark.parametrize("command", ["scan", "fetch", "archive", "report", "resolve"])
def test_a_bad_target_holding_a_secret_is_said_without_it(world, fakenet, command):
    """`fetch` and `resolve` printed a bad name, or a link list's line that is no URL, as given: a configured
    token in it went to stderr, where the same run redacts it in a URL (review26)."""
    env = {"X_BEARER_TOKEN": SECRET}
    result = world(command, *(["-o", "r.md"] if command == "report" else []), "--offline",
                   f"nosuch?t={SECRET}", env=env)
    assert result.exit_code == 1, result.output
    assert SECRET not in result.output and "nosuch?t=REDACTED" in result.stderr
    if command == "resolve":
        listed = world("resolve", "--offline", "-", input=f"example.org/x?tok={SECRET}\nwss://h/?t={SECRET}\n",
                       env=env)
        assert listed.exit_code == 1 and SECRET not in listed.output, listed.output
        assert "-:1: not a URL: example.org/x?tok=REDACTED" in listed.stderr
    with Store(world.db) as store:
        assert SECRET not in json.dumps([dict(r) for r in store.db.query("SELECT * FROM errors")])
    assert fakenet.hits == []


@pytest.mark.parametrize("command", ["scan", "fetch", "archive", "resolve"])
def test_a_bad_target_is_a_json_line_too_its_secret_redacted(world, fakenet, tmp_path, command):
    """With --json a bad target had only its stderr line: a pipeline reading the JSON could not tell it was dropped.
    Now it is a line of its own, {"source", "error"} (the error as a step's is written, "<kind>: <message>"), after
    the stderr line, with what the stderr line redacts redacted; the exit code is unchanged."""
    story = tmp_path / "story.html"
    story.write_text(STORY_HTML)
    good = {"scan": str(story), "resolve": "https://t.co/Ab12Cd34Ef"}.get(command, "https://twitter.com/jack/status/20")
    result = world(command, "--json", "--offline", f"nosuch?t={SECRET}", good, env={"X_BEARER_TOKEN": SECRET})
    assert result.exit_code == 1, result.output
    assert SECRET not in result.output
    found = [json.loads(line) for line in lines(result.stdout)]
    bad = [r for r in found if set(r) == {"source", "error"}]
    assert bad == [{"source": "nosuch?t=REDACTED",
                    "error": "input: cannot read nosuch?t=REDACTED: no such file (a URL needs http:// or https://)"}]
    assert len(found) == 2   # and the good target's line
    assert "error: cannot read nosuch?t=REDACTED: no such file" in result.stderr
    assert fakenet.hits == []


def test_an_article_url_never_fetched_is_a_json_line_of_scan_offline(world, fakenet):
    result = world("scan", "--json", "--offline", STORY)
    assert result.exit_code == 3, result.output
    assert [json.loads(line) for line in lines(result.stdout)] == [
        {"source": STORY, "error": f"unavailable: cannot read {STORY}: offline, and this article was never fetched"}]


def test_resolve_json_gives_a_link_lists_bad_line_its_own_line(world, fakenet):
    result = world("resolve", "--json", "--offline", "-", input=f"https://t.co/Ab12Cd34Ef\nexample.org/x?tok={SECRET}\n",
                   env={"X_BEARER_TOKEN": SECRET})
    assert result.exit_code == 1 and SECRET not in result.output
    found = [json.loads(line) for line in lines(result.stdout)]
    assert found[0] == {"source": "-:2", "error": "input: -:2: not a URL: example.org/x?tok=REDACTED (a URL needs "
                                                  "http:// or https://)"}
    assert [r["url"] for r in found[1:]] == ["https://t.co/Ab12Cd34Ef"]



@pytest.mark.parametrize("handle, form", [
    ("@BMF_Beispiel", "https://x.com/BMF_Beispiel/status/<id>"),
    ("@redaktion@social.example", "https://social.example/@redaktion/<id>"),
    ("@presse.example.org", "https://bsky.app/profile/presse.example.org/post/<key>"),
], ids=["x", "mastodon", "bluesky"])
def test_an_account_handle_is_said_to_be_no_post_and_the_post_url_form_shown(handle, form):
    """`fetch @BMF_Beispiel` said "no such file (a URL needs http:// or https://)" (newuser46a #12)."""
    from resolver.errors import InputError
    from resolver.targets import classify

    with pytest.raises(InputError) as said:
        classify(handle)
    assert str(said.value).startswith(f"cannot read {handle}: an account, not a post:"), said.value
    assert form in str(said.value) and "no such file" not in str(said.value), said.value


def test_fetch_of_an_account_handle_says_so_and_asks_nothing(world, fakenet):
    result = world("fetch", "@BMF_Beispiel")
    assert result.exit_code == 1, result.output
    assert lines(result.stderr) == ["error: cannot read @BMF_Beispiel: an account, not a post: give the URL of one of "
                                    "its posts (https://x.com/BMF_Beispiel/status/<id> for an X account), or a file "
                                    "of such URLs"]
    assert fakenet.hits == []
