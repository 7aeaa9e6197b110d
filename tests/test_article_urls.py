"""An article named by its URL (`scan URL`, `report URL`), as a new user met it (newuser30): the caps the config
sets, the answers an offline run gives, a page that holds no article, the type the server says it sent, and where
the redirects ended. Every page comes from the loopback server (tests/fakenet.py)."""

import json

import pytest

from cache import Store
from tests.cliworld import World, lines
from tests.fakenet import page, redirect
from tests.test_cli_targets import POST, STORY, STORY_HTML


@pytest.fixture
def world(fakenet, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return World(fakenet, tmp_path, extra="max_body_bytes = 4000")


def test_an_article_url_over_max_body_bytes_is_too_large_and_logged_so(world, fakenet):
    """newuser30 #1: the article download used a hard-coded 50 MB cap, not `[network] max_body_bytes`: a 28 MB
    page went through a 1 MB cap, scanned, its fetch row saying nothing. SECURITY.md promises the cap for a body."""
    big = STORY_HTML.replace("<article>", "<article>" + "<p>filler words here</p>" * 400)
    assert len(big.encode()) > 4000
    fakenet.route("news.example", "/2022/12/bridge.html", page(big))
    result = world("scan", "--json", STORY)
    assert result.exit_code == 1, result.output
    [line] = lines(result.stderr)
    assert line.startswith(f"error: cannot read {STORY}: too-large: ") and "4,000" in line, line
    store = Store(world.db)
    [row] = store.fetches_for(STORY)
    # the 200 that came is recorded beside why its body was refused (fixnu30a: status NULL, as if no answer came)
    assert (row["status"], row["error_kind"], row["body_sha256"], row["body_bytes"]) == (200, "too-large", None, None)
    assert store.count("articles") == 0
    offline = world("scan", "--offline", STORY)   # the answer the log holds, not "never fetched" (newuser30 #2)
    assert offline.exit_code == 1
    assert lines(offline.stderr) == [f"{line} (fetched at {row['fetched_at']}, fetch #{row['id']})"]
    fakenet.route("news.example", "/small.html", page(STORY_HTML))   # under the cap: read as before
    assert world("scan", "--json", "https://news.example/small.html").exit_code == 0


@pytest.mark.parametrize("status", [404, 410, 500])
def test_a_recorded_error_answer_is_given_again_offline(world, fakenet, status):
    """newuser30 #2: offline, a page whose fetch was recorded with a 404 said "offline, and this article was never
    fetched" (exit 3): false, the fetch is in the log. Now the recorded answer, with when and which fetch, exit 1."""
    url = "https://news.example/missing.html"
    fakenet.route("news.example", "/old-missing.html", redirect(url))
    fakenet.route("news.example", "/missing.html", page("gone", status))
    online = world("scan", "--json", "https://news.example/old-missing.html")
    assert online.exit_code == 1, online.output
    assert lines(online.stderr) == [f"error: cannot read https://news.example/old-missing.html: HTTP {status}"]
    hits = len(fakenet.hits)
    row = Store(world.db).fetches_for(url)[-1]
    offline = world("scan", "--offline", "--json", "https://news.example/old-missing.html")
    assert offline.exit_code == 1, offline.output
    assert lines(offline.stderr) == [f"error: cannot read https://news.example/old-missing.html: HTTP {status} "
                                     f"(fetched at {row['fetched_at']}, fetch #{row['id']})"]
    assert json.loads(offline.stdout)["error"].startswith("input: cannot read")
    reported = world("report", "--offline", "-o", str(world.tmp / "r.md"), "https://news.example/old-missing.html")
    assert reported.exit_code == 1 and f"HTTP {status} (fetched at" in reported.stderr
    assert len(fakenet.hits) == hits


@pytest.mark.parametrize("content_type", ["application/json", "application/pdf; x=1", "text/csv"])
def test_an_article_url_answered_with_a_type_that_is_no_page_is_refused_naming_it(world, fakenet, content_type):
    """newuser30 #10: a page served as application/json, whose bytes look like HTML, was scanned as an article
    (4 embeds, `kind: html`), where a WARC record of that type is left out as "not HTML". The same rule now, online
    and offline, its fetch row written all the same."""
    url = "https://news.example/data.json"
    body = json.dumps({"html": STORY_HTML})
    fakenet.route("news.example", "/data.json", page(body, content_type=content_type))
    said = f"error: cannot read {url}: not HTML ({content_type.split(';')[0]}): an article page is HTML or plain text"
    for offline in ([], ["--offline"]):
        result = world("scan", *offline, "--json", url)
        assert result.exit_code == 1, result.output
        assert lines(result.stderr) == [said]
        assert json.loads(result.stdout)["error"] == "input: " + said.removeprefix("error: ")
    store = Store(world.db)
    assert [r["purpose"] for r in store.db["fetches"].rows] == ["article"]
    assert store.count("articles") == 0


def test_an_article_url_served_as_plain_text_is_scanned_as_text(world, fakenet):
    """A scraped text served as text/plain is read as the server says: text, whose markup is no markup."""
    text = (f"Roads office: Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx — Riverton Roads "
            f"(@RivertonRoads) December 6, 2022\n<p>a tag quoted in the text</p>\n")
    fakenet.route("news.example", "/story.txt", page(text, content_type="text/plain; charset=utf-8"))
    result = world("scan", "--json", "https://news.example/story.txt")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "text"
    assert [e["detector"] for e in data["embeds"]] == ["text-signature"]


def test_fetch_of_an_article_url_points_to_the_commands_that_read_articles(world, fakenet):
    """newuser30 #11: `fetch URL` of an article said "it leads to …, which is no post", and stopped there, while
    `scan` and `report` take the same URL as an article. A page that is no platform's now names them."""
    fakenet.route("news.example", "/go/story", redirect(STORY))
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    result = world("fetch", "--no-media", "https://news.example/go/story")
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"error: cannot fetch https://news.example/go/story: it leads to {STORY}, which "
                                    "is no post; if it is an article, `scan --fetch URL` or `report URL` fetches "
                                    "the posts it embeds"]


LOGIN_WALL = ("<!DOCTYPE html><html><head><title>Sign in</title><style>body{font:16px serif}</style>"
              "<script>var wall = 'a long script with many words that are no text of the page at all';</script>"
              "</head><body><nav>Home News Sport Weather Culture</nav><form><input name=email><input name=pass>"
              "<button>Sign in</button></form><p>Subscribe to keep reading.</p></body></html>")


def test_a_page_with_almost_no_text_is_said_to_be_maybe_no_article(world, fakenet):
    """newuser30 #3: a login wall (149 bytes, "Sign in", a form) was reported "No embedded post was found", exit 0,
    which a reporter reads as a fact of the article. The scan table, the JSON (`warnings`) and every report now say
    the page holds almost no text: it may not be the article. The exit code stays 0: the page was read."""
    url = "https://news.example/login"
    fakenet.route("news.example", "/login", page(LOGIN_WALL))
    said = ("the page holds only 26 characters of text (title 'Sign in'): it may not be the article (a login or "
            "paywall page, a consent wall); 0 embeds found in it")
    scanned = world("scan", "--json", url)
    assert scanned.exit_code == 0, scanned.output
    assert json.loads(scanned.stdout)["warnings"] == [
        {"kind": "thin-page", "chars": 26, "title": "Sign in", "message": said}]
    table = world("scan", "--offline", url)
    assert said in " ".join(table.stdout.split())
    report = world("report", "--offline", "--format", "json", url)
    assert report.exit_code == 0
    assert json.loads(report.stdout)["article"]["warnings"] == [
        {"kind": "thin-page", "chars": 26, "title": "Sign in", "message": said}]
    markdown = world("report", "--offline", url)
    assert f"- **Maybe no article**: {said}" in markdown.stdout
    html = world("report", "--offline", "--format", "html", url)
    assert "Maybe no article</strong>: the page holds only 26 characters" in html.stdout


def test_servers31_a_login_wall_with_one_stray_embed_is_said_to_be_maybe_no_article(world, fakenet):
    """fixnu30a left it: the thin-page warning needed 0 embeds, so a login wall carrying the site's own post under
    its form was scanned as an article embedding that post, no warning. It is warned of, in words that leave a real
    one-post article its due; the embed is still found and reported."""
    url = "https://news.example/wall"
    fakenet.route("news.example", "/wall", page(LOGIN_WALL.replace(
        "</body>", f"<p>Follow us: <a href='{POST}'>our latest</a></p></body>")))
    scanned = world("scan", "--json", url)
    assert scanned.exit_code == 0, scanned.output
    data = json.loads(scanned.stdout)
    assert [embed["url"] for embed in data["embeds"]] == [POST]
    [warning] = data["warnings"]
    assert warning["kind"] == "thin-page" and warning["message"].startswith(
        f"the page holds only {warning['chars']} characters of text besides its 1 embed (title 'Sign in'): if the "
        "article is more than that post, this may not be it")
    markdown = world("report", "--offline", url)
    assert f"- **Maybe no article**: {warning['message']}" in markdown.stdout


@pytest.mark.parametrize("content, warned", [
    (STORY_HTML, False),   # an embed: found in the page, whatever else it holds
    ("<html><body><article><p>" + "The council met on Tuesday and voted. " * 12 + "</p></article></body></html>",
     False),
    ("The council met.", True),   # a scraped text of 16 characters is an odd article too
], ids=["embed", "article-without-embeds", "short-text"])
def test_only_pages_with_no_embed_and_little_text_are_warned_of(world, tmp_path, content, warned):
    (tmp_path / "a.html").write_text(content)
    result = world("scan", "--json", str(tmp_path / "a.html"))
    assert result.exit_code == 0, result.output
    assert bool(json.loads(result.stdout)["warnings"]) is warned


def test_the_url_typed_and_the_url_the_redirects_ended_at_are_both_shown(world, fakenet):
    """newuser30 #11: `scan --json` `url` and the report's "Article:" line gave the URL as typed (`/go/story`),
    never where the redirects ended: that was only in the fetch log. `final_url` says it, online and offline."""
    typed = "https://news.example/go/story"
    fakenet.route("news.example", "/go/story", redirect("/2022/12/bridge.html"))
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    for offline in ([], ["--offline"]):
        data = json.loads(world("scan", *offline, "--json", typed).stdout)
        assert (data["source"], data["url"], data["final_url"]) == (typed, typed, STORY)
        report = json.loads(world("report", "--offline", "--format", "json", typed).stdout)
        assert (report["article"]["source"], report["article"]["final_url"]) == (typed, STORY)
    markdown = world("report", "--offline", typed).stdout
    assert f"- Final URL: `{STORY}` (where the redirects from the URL given ended)" in markdown
    straight = json.loads(world("scan", "--json", STORY).stdout)
    assert straight["final_url"] == STORY


def test_a_file_has_no_final_url(world, tmp_path):
    (tmp_path / "a.html").write_text(STORY_HTML)
    assert json.loads(world("scan", "--json", str(tmp_path / "a.html")).stdout)["final_url"] is None


def test_a_kept_article_is_given_offline_after_a_later_fetch_failed_in_passing(world, fakenet):
    """review30r2: offline, the article is what the last recorded fetch said (fixnu30a). A later online run that met
    a 503 (or a timeout) hid the article an earlier run kept: offline said "HTTP 503 (fetched at …)", exit 1, with
    the page in the cache. A failure that may pass (a 429, a 5xx, a timeout) is no answer about the article: the
    last answer that is one is given."""
    fakenet.route("news.example", "/2022/12/bridge.html", page(STORY_HTML))
    assert world("scan", "--json", STORY).exit_code == 0
    fakenet.route("news.example", "/2022/12/bridge.html", page("down for maintenance", 503))
    assert world("scan", "--json", STORY).exit_code == 1
    assert Store(world.db).fetches_for(STORY)[-1]["status"] == 503
    offline = world("scan", "--offline", "--json", STORY)
    assert offline.exit_code == 0, offline.output
    assert json.loads(offline.stdout)["embeds"]
    # the negative: an answer that is one (a 404) after the kept page is what offline says, as fixnu30a made it
    fakenet.route("news.example", "/2022/12/bridge.html", page("gone", 404))
    assert world("scan", "--json", STORY).exit_code == 1
    gone = world("scan", "--offline", "--json", STORY)
    assert gone.exit_code == 1 and "HTTP 404 (fetched at" in gone.stderr


def test_an_article_url_over_the_cap_names_the_setting_that_reads_it(world, fakenet):
    """review30r2: an article URL's body over `[network] max_body_bytes` said only "too-large: body larger than
    4,000 bytes" (fixnu30a made the cap the config's, 20 MB by default where 50 MB was fixed): no word of which
    setting reads it, as the local file's error names `[scan] max_article_bytes`. Online and offline alike."""
    big = STORY_HTML.replace("<article>", "<article>" + "<p>filler words here</p>" * 400)
    fakenet.route("news.example", "/2022/12/bridge.html", page(big))
    for offline in ([], ["--offline"]):
        result = world("scan", *offline, STORY)
        assert result.exit_code == 1, result.output
        assert "too-large: body larger than 4,000 bytes; raise [network] max_body_bytes to read it" in result.stderr


def test_left32_a_ctrl_c_while_printing_keeps_every_article_urls_fetch_row_and_records_only_what_was_printed(
        world, fakenet, monkeypatch):
    """left32, left untested: a Ctrl-C while a plain scan's chunk is printed records only the articles printed, but
    the fetch rows of every article fetched by URL in that chunk (a request made is a fact whatever was printed).
    The re-run fetches only the articles not recorded, and no fetch row is written twice."""
    from resolver import cli

    urls = [f"https://news.example/story{n}.html" for n in range(3)]
    for n, url in enumerate(urls):
        fakenet.route("news.example", f"/story{n}.html", page(STORY_HTML.replace("Bridge", f"Bridge {n}")))
    real_emit, calls = cli._emit, [0]

    def emit(outcome, **kwargs):
        calls[0] += 1
        if calls[0] == 2:
            raise KeyboardInterrupt
        real_emit(outcome, **kwargs)

    monkeypatch.setattr(cli, "_emit", emit)
    stopped = world("scan", "--json", *urls)
    assert stopped.exit_code == 130, stopped.output
    [printed] = [json.loads(line)["source"] for line in lines(stopped.stdout)]
    assert printed == urls[0]
    store = Store(world.db)
    assert [len(store.fetches_for(url)) for url in urls] == [1, 1, 1]   # each request made is kept
    assert [r[0] for r in store.db.execute("SELECT source FROM article_sources")] == [urls[0]]
    assert store.count("articles") == 1
    store.close()
    monkeypatch.setattr(cli, "_emit", real_emit)
    hits = len(fakenet.hits)
    again = world("scan", "--json", *urls)
    assert again.exit_code == 0, again.output
    store = Store(world.db)
    assert sorted(r[0] for r in store.db.execute("SELECT source FROM article_sources")) == urls
    assert store.count("articles") == 3
    fetched_again = [path for _, path in fakenet.hits[hits:]]
    assert sorted(fetched_again) == ["/story1.html", "/story2.html"], fetched_again
    assert [len(store.fetches_for(url)) for url in urls] == [1, 2, 2]
    store.close()
