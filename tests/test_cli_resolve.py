"""`resolve` and `scan --resolve` from the command line, configured by a TOML file, against loopback servers."""

import json
from pathlib import Path

from click.testing import CliRunner

from cache import Store
from resolver.cli import cli
from tests.fakenet import page, redirect

ARTICLE = ("Bridge reopened this morning. https://t.co/Ab12Cd34Ef pic.twitter.com/Zz98Yy76Xx\n"
           "— Riverton Roads (@RivertonRoads) December 6, 2022\n")
STATUS = "https://twitter.com/RivertonRoads/status/1600000000000000001"


def config_for(fakenet, tmp_path, hosts=("t.co", "pic.twitter.com", "twitter.com")):
    lines = ["[network]", "retries = 0", "timeout = 5", "", "[origins]"]
    lines += [f'"{scheme}://{h}" = "{fakenet.origin}"' for h in hosts for scheme in ("https", "http")]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n")
    return path


def invoke(tmp_path, config, *args, input=None):
    return CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args], input=input)


def test_resolve_json_and_cache(fakenet, tmp_path):
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(STATUS + "/photo/1"))
    config = config_for(fakenet, tmp_path)
    result = invoke(tmp_path, config, "resolve", "--json", "https://t.co/Ab12Cd34Ef")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"url", "final_url", "canonical_url", "hops", "post", "error", "from_cache"}
    assert [h["status"] for h in data["hops"]] == [301, 301] and data["canonical_url"] == STATUS
    assert set(data["hops"][0]) >= {"url", "status", "location", "elapsed_ms"}
    again = invoke(tmp_path, config, "resolve", "--json", "-", input="https://t.co/Ab12Cd34Ef\n")
    assert json.loads(again.stdout)["from_cache"] is True
    table = invoke(tmp_path, config, "resolve", "https://t.co/Ab12Cd34Ef")
    assert "twitter post 1600000000000000001 by @RivertonRoads" in table.stdout
    # newuser30 #4: the id's time, named as the report names it, never "created" (the post's own time)
    assert data["post"]["snowflake_time"] == "2022-12-06T05:31:41.219Z" and "created_at" not in data["post"]
    assert "id minted 2022-12-06T05:31:41.219Z" in table.stdout and "created" not in table.stdout


def test_resolve_exit_codes(fakenet, tmp_path):
    fakenet.route("t.co", "/bad", redirect("http://127.0.0.1:1/"))
    config = config_for(fakenet, tmp_path)
    refused = invoke(tmp_path, config, "resolve", "--json", "https://t.co/bad")
    assert refused.exit_code == 1 and json.loads(refused.stdout)["error"].startswith("unsafe: refused")
    offline = invoke(tmp_path, config, "resolve", "--offline", "https://t.co/never")
    assert offline.exit_code == 3 and "not_cached" in offline.stdout
    fakenet.route("t.co", "/down", page("unavailable", 503))
    down = invoke(tmp_path, config, "resolve", "--json", "https://t.co/down")
    assert down.exit_code == 1 and json.loads(down.stdout)["error"] == "http-503: https://t.co/down answered 503"


def test_scan_resolve_records_links_for_embeds(fakenet, tmp_path):
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://example.org/story", 301))
    fakenet.route("example.org", "/story", page("<html>story</html>"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(STATUS + "/photo/1"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "pic.twitter.com", "example.org"))
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = invoke(tmp_path, config, "scan", "--resolve", "--json", str(article))
    assert result.exit_code == 0, result.output
    found = {r["url"]: r for r in json.loads(result.stdout)["resolutions"]}
    assert found["https://pic.twitter.com/Zz98Yy76Xx"]["post"]["post_id"] == "1600000000000000001"
    assert found["https://t.co/Ab12Cd34Ef"]["final_url"] == "https://example.org/story"
    store = Store(tmp_path / "c.db")
    assert store.count("embed_links") == 2 and store.count("resolutions") == 2
    offline = invoke(tmp_path, config, "scan", "--resolve", "--offline", "--json", str(article))
    assert offline.exit_code == 0 and all(r["from_cache"] for r in json.loads(offline.stdout)["resolutions"])


def test_flags_override_the_config(fakenet, tmp_path):
    for i in range(4):
        fakenet.route("t.co", f"/h{i}", redirect(f"https://t.co/h{i + 1}"))
    fakenet.route("t.co", "/h4", page("<html>end</html>"))
    config = config_for(fakenet, tmp_path)
    result = invoke(tmp_path, config, "resolve", "--json", "--max-redirects", "2", "https://t.co/h0")
    assert result.exit_code == 1 and json.loads(result.stdout)["error"] == "too-many-hops: more than 2 redirects"
    bad = invoke(tmp_path, config, "resolve", "--concurrency", "0", "https://t.co/h0")
    assert bad.exit_code == 2 and "--concurrency" in bad.output


def test_offline_a_chain_cached_under_other_settings_says_why_it_is_not_used(fakenet, tmp_path):
    """`resolve --offline` of a URL resolved only with allow_private said "this URL was never resolved", which the
    cache contradicts (review28c #6); so did a chain cached under another max_redirects, and a refusal to a run with
    allow_private. Each now says why the cached answer is not this run's."""
    inner = f"http://127.0.0.1:{fakenet.server.port}"
    fakenet.route("127.0.0.1", "/a.html", page("<html>a</html>"))
    fakenet.route("t.co", "/Hop3", redirect("https://bit.ly/hop2"))
    fakenet.route("bit.ly", "/hop2", redirect(STATUS))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "bit.ly", "twitter.com"))
    assert invoke(tmp_path, config, "resolve", "--allow-private", f"{inner}/a.html").exit_code == 0
    assert invoke(tmp_path, config, "resolve", "https://t.co/Hop3").exit_code == 0
    hits = len(fakenet.hits)
    said = {
        (f"{inner}/a.html",): f"resolved only with allow_private set (a non-public address, {inner}/a.html); run "
                              "with it, or without --offline",
        ("--max-redirects", "0", "https://t.co/Hop3"): "resolved under another max_redirects (its chain needs 1 or "
                                                      "more, this run has 0); run with it, or without --offline",
    }
    for args, why in said.items():
        result = invoke(tmp_path, config, "resolve", "--offline", *args)
        assert result.exit_code == 3, result.output
        assert "never resolved" not in result.output
        assert f"not_cached: offline, and this URL was {why}" in result.stdout, result.output
        data = json.loads(invoke(tmp_path, config, "resolve", "--offline", "--json", *args).stdout)
        assert data["error"] == f"not_cached: offline, and this URL was {why}"
    assert invoke(tmp_path, config, "resolve", "--offline", f"{inner}/a.html", "--allow-private").exit_code == 0
    refused = f"{inner}/internal"
    assert invoke(tmp_path, config, "resolve", refused).exit_code == 1
    again = invoke(tmp_path, config, "resolve", "--offline", "--allow-private", "--json", refused)
    assert json.loads(again.stdout)["error"] == ("not_cached: offline, and this URL was refused only because "
                                                 "allow_private was not set; run without it, or without --offline")
    assert len(fakenet.hits) == hits


def test_a_refused_hop_is_said_as_where_the_chain_stopped_and_allow_private_asks_again(fakenet, tmp_path):
    """`resolve` of a refused hop printed "final: <the refused URL>", where --json's canonical_url is null: read as
    if the chain ended there (newuser28). And with --allow-private, as the refusal asks, the cached refusal was
    printed again (newuser28 #3): now the link is resolved."""
    internal = f"http://127.0.0.1:{fakenet.server.port}/internal/admin"
    fakenet.route("t.co", "/LoopHex01", redirect(internal))
    fakenet.route("127.0.0.1", "/internal/admin", page("<html>admin</html>"))
    config = config_for(fakenet, tmp_path)
    refused = invoke(tmp_path, config, "resolve", "https://t.co/LoopHex01")
    assert refused.exit_code == 1
    assert "final:" not in refused.stdout
    assert f"stopped at: {internal} (refused there: no final URL)" in refused.stdout
    allowed = invoke(tmp_path, config, "resolve", "--allow-private", "https://t.co/LoopHex01")
    assert allowed.exit_code == 0, allowed.output
    assert "(from cache)" not in allowed.stdout and f"final: {internal}" in allowed.stdout
    assert f"200  {internal}  (a non-public address: let through by allow_private)" in allowed.stdout
    guarded = invoke(tmp_path, config, "resolve", "--json", "https://t.co/LoopHex01")
    data = json.loads(guarded.stdout)
    assert guarded.exit_code == 1 and not data["from_cache"] and data["error"].startswith("unsafe: refused")


def test_fixnu32e_resolve_says_each_link_that_ended_in_an_error_on_stderr(fakenet, tmp_path):
    """newuser32 #5, checked for `resolve`: a link that ended in an error made exit 1, and the reason was on stdout
    only (the view or the JSON line), where every other command says each failure on stderr, `error: …`, a line
    each. A link that resolved says nothing there; offline, one never resolved is exit 3 and no error."""
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(STATUS + "/photo/1"))
    fakenet.route("t.co", "/down", page("unavailable", 503))
    fakenet.route("t.co", "/Loop0000", redirect("https://t.co/Loop0000"))
    config = config_for(fakenet, tmp_path)
    links = ["https://t.co/Ab12Cd34Ef", "https://t.co/down", "https://t.co/Loop0000"]
    errors = ["error: link https://t.co/down ended in an error: http-503: https://t.co/down answered 503",
              "error: link https://t.co/Loop0000 ended in an error: redirect-loop: https://t.co/Loop0000 was already "
              "visited"]
    result = invoke(tmp_path, config, "resolve", *links)
    assert (result.exit_code, result.stderr.splitlines()) == (1, errors), result.output
    # the loop is a lasting answer, read from the cache, and says so (review32r5 #5); the 503 is asked again
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert (result.exit_code, result.stderr.splitlines()) == (1, [errors[0], errors[1] + " (from cache)"]), \
        result.output
    cached = invoke(tmp_path, config, "resolve", "--offline", *links)   # the same answers, from the cache
    assert (cached.exit_code, cached.stderr.splitlines()) == (1, [e + " (from cache)" for e in errors]), \
        cached.output
    never = invoke(tmp_path, config, "resolve", "--offline", "https://t.co/never")
    assert (never.exit_code, never.stderr) == (3, ""), never.output


def test_a_link_that_ends_at_a_gone_page_says_so_and_a_page_of_its_own_is_unsure(fakenet, tmp_path):
    """newuser35c #2: a link whose chain ended at a 410 (or a 404) came back from `resolve --json` with `error` null,
    exit 0, and nothing but its last hop's status to tell it from a live page: a journalist counting `error is null`
    as alive counted it alive. It is an answer, not a failure (exit 0, as a gone post is): its end now says
    `final_status` and `gone`. A link on a host the tool does not know as a shortener that answered 200 itself, with
    no redirect (a "you are leaving" notice holding the real target), was a final URL like any article's: it is now
    `unsure`, saying why, and never given an end it did not name. A chain that ended at a post URL made no request
    there: no `final_status`."""
    fakenet.route("t.co", "/gone410", redirect("https://news.example/removed-410"))
    fakenet.route("news.example", "/removed-410", page("<html><title>Gone</title></html>", 410))
    fakenet.route("t.co", "/gone404", redirect("https://news.example/deleted-story"))
    fakenet.route("news.example", "/deleted-story", page("<html><title>Not found</title></html>", 404))
    fakenet.route("t.co", "/live", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page("<html><title>Story</title></html>"))
    fakenet.route("sho.example", "/leave", page('<html>You are leaving sho.example. Continue to <a href="https://'
                                                'twitter.com/RivertonRoads/status/1600000000000000001">the post</a>'))
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect(STATUS))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example", "sho.example"))
    links = ["https://t.co/gone410", "https://t.co/gone404", "https://t.co/live", "https://sho.example/leave",
             "https://t.co/Ab12Cd34Ef"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    lines = {d["url"]: d for d in map(json.loads, result.stdout.splitlines())}
    gone410, gone404, live, leave, post = (lines[link] for link in links)
    assert (gone410["error"], gone410["final_status"], gone410["gone"], gone410["unsure"]) == (None, 410, True, None)
    assert (gone404["final_status"], gone404["gone"]) == (404, True)
    assert (live["final_status"], live["gone"], live["unsure"]) == (200, False, None)
    assert (leave["error"], leave["final_status"], leave["gone"]) == (None, 200, False)
    # resolution36: the notice's one post is named as its likely end (read from the page), where it said "may not be"
    assert leave["unsure"] == ("https://sho.example/leave answered 200 itself, with no redirect, a page that reads as "
                               "a notice (\"you are leaving\") naming one post, https://twitter.com/RivertonRoads/"
                               "status/1600000000000000001: likely where the link leads (read from the page, not a "
                               "redirect)")
    assert (post["final_status"], post["gone"], post["unsure"]) == (None, False, None)
    table = invoke(tmp_path, config, "resolve", *links)   # from the cache: the same states, said in the text view
    assert table.exit_code == 0
    assert "final: https://news.example/removed-410 (answered 410: gone)" in table.stdout
    assert "final: https://news.example/deleted-story (answered 404: gone)" in table.stdout
    assert "unsure: https://sho.example/leave answered 200 itself" in table.stdout
    assert "final: https://news.example/story\n" in table.stdout


def test_scan_and_the_report_say_a_link_of_an_embed_ends_at_a_gone_page(fakenet, tmp_path):
    """newuser35c #2: `scan --resolve --json` and the report's link line read a link ending at a 410 as any end; they
    now say it is gone (an answer: exit 0)."""
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect("https://news.example/removed-410"))
    fakenet.route("news.example", "/removed-410", page("<html><title>Gone</title></html>", 410))
    fakenet.route("pic.twitter.com", "/Zz98Yy76Xx", redirect(STATUS + "/photo/1"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "pic.twitter.com", "news.example"))
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    result = invoke(tmp_path, config, "scan", "--resolve", "--json", str(article))
    assert result.exit_code == 0, result.output
    found = {r["url"]: r for r in json.loads(result.stdout)["resolutions"]}
    assert (found["https://t.co/Ab12Cd34Ef"]["gone"], found["https://t.co/Ab12Cd34Ef"]["final_status"]) == (True, 410)
    assert found["https://pic.twitter.com/Zz98Yy76Xx"]["gone"] is False
    report = invoke(tmp_path, config, "report", "--offline", str(article))
    assert report.exit_code == 0, report.output
    assert "https://news.example/removed-410 (gone: answered 410)" in report.stdout
    html = invoke(tmp_path, config, "report", "--offline", "--format", "html", str(article))
    assert "https://news.example/removed-410 (gone: answered 410)" in html.stdout


def test_scan_says_how_many_tco_links_in_the_text_it_did_not_follow(fakenet, tmp_path):
    """newuser35c #3: a bare t.co link in an article's prose is no embed (by design: X wraps every link in one), and
    `scan --resolve` does not follow it; the summary line ("1 embed") said nothing of the links passed over, and a
    link-rot count read it as complete. Each article's JSON now says how many in its `warnings`, and the run's summary
    line in all; a t.co link inside a tweet (followed) is not counted, nor one written twice."""
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect(STATUS))
    config = config_for(fakenet, tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.html").write_text(
        "<html><body><p>The council met. Read <a href=\"https://t.co/Prose111\">the minutes</a>, "
        "<a href='http://t.co/Prose222'>the vote</a> and <a href=\"https://t.co/Prose111\">again</a>.</p>"
        '<blockquote class="twitter-tweet"><p lang="en">Bridge reopened <a href="https://t.co/Ab12Cd34Ef">'
        "https://t.co/Ab12Cd34Ef</a></p>&mdash; Riverton Roads (@RivertonRoads) "
        '<a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a></blockquote>'
        + "<p>More words of the article follow here, long enough to be an article.</p>" * 5 + "</body></html>")
    (folder / "b.txt").write_text("A plain story citing t.co/Prose333 and nothing else of note. " * 5)
    result = invoke(tmp_path, config, "scan", "--resolve", "--json", str(folder))
    assert result.exit_code == 0, result.output
    lines = {Path(d["source"]).name: d for d in map(json.loads, result.stdout.splitlines())}
    [warning] = [w for w in lines["a.html"]["warnings"] if w["kind"] == "links-not-followed"]
    assert (warning["count"], warning["first"]) == (2, "https://t.co/Prose111")
    assert warning["message"] == ("2 t.co links in the text are in no embed and not followed (the first: "
                                  "https://t.co/Prose111): `embed-resolver resolve --text-links ARTICLE` follows them")
    assert [w["count"] for w in lines["b.txt"]["warnings"] if w["kind"] == "links-not-followed"] == [1]
    assert "https://t.co/Ab12Cd34Ef" in {r["url"] for r in lines["a.html"]["resolutions"]}
    assert "3 t.co links in the text not followed (in no embed: `embed-resolver resolve --text-links ARTICLE` follows them)" \
        in result.stderr


def test_the_hint_for_tco_links_not_followed_names_a_command_that_follows_them(fakenet, tmp_path):
    """newuser38a #7: the hint said "`embed-resolver resolve --text-links ARTICLE` follows them", but `resolve FILE` refused the file
    ("to resolve an article's links: scan --resolve FILE") and `scan --resolve` printed the same hint again.
    `resolve --text-links FILE` follows the t.co links in the article's text that no embed carries, each hop
    recorded as any link's; the hint, the scan line and the refusal name it."""
    fakenet.route("t.co", "/Prose111", redirect(STATUS))
    fakenet.route("t.co", "/Prose222", page("not found", 404))
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect(STATUS))
    config = config_for(fakenet, tmp_path)
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "a.txt"
    article.write_text("The councillor replied: https://t.co/Prose111 and an older link no longer works: "
                       "t.co/Prose222\n\nBridge reopened this morning. https://t.co/Ab12Cd34Ef\n"
                       "— Riverton Roads (@RivertonRoads) December 6, 2022\n")
    (article.parent / "b.txt").write_text("Another story, which cites nothing at all and links no post of anyone.\n")
    scanned = invoke(tmp_path, config, "scan", "--resolve", "--json", str(article.parent))
    [warning] = [w for w in json.loads(scanned.stdout.splitlines()[0])["warnings"] if w["kind"] == "links-not-followed"]
    assert warning["message"] == ("2 t.co links in the text are in no embed and not followed (the first: "
                                  "https://t.co/Prose111): `embed-resolver resolve --text-links ARTICLE` follows them")
    assert "(in no embed: `embed-resolver resolve --text-links ARTICLE` follows them)" in scanned.stderr
    refused = invoke(tmp_path, config, "resolve", str(article))
    assert refused.exit_code == 1
    assert refused.stderr.strip() == (f"error: {article} is a file, not a URL (to follow the t.co links in its text: "
                                      f"resolve --text-links {article}; the links its embeds carry: scan --resolve "
                                      f"{article})")
    followed = invoke(tmp_path, config, "resolve", "--json", "--text-links", str(article))
    assert followed.exit_code == 0, followed.output
    ends = {d["url"]: d for d in map(json.loads, followed.stdout.splitlines())}
    assert set(ends) == {"https://t.co/Prose111", "https://t.co/Prose222"}   # not the embed's own link
    assert ends["https://t.co/Prose111"]["canonical_url"] == STATUS
    assert ends["https://t.co/Prose222"]["gone"] is True
    store = Store(tmp_path / "c.db")
    assert {"https://t.co/Prose111", "https://t.co/Prose222"} <= {r["url"] for r in store.db["fetches"].rows}


def test_text_links_of_an_article_with_none_or_of_a_url_say_so(fakenet, tmp_path):
    config = config_for(fakenet, tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("A plain story with no link at all, long enough to be read as one.\n")
    none = invoke(tmp_path, config, "resolve", "--text-links", str(article))
    assert none.exit_code == 0 and none.stdout == "", none.output
    assert none.stderr.strip() == f"{article}: no t.co link in its text outside its embeds"
    url = invoke(tmp_path, config, "resolve", "--text-links", "https://t.co/Ab12Cd34Ef")
    assert url.exit_code == 1 and fakenet.hits == []
    assert url.stderr.strip() == ("error: https://t.co/Ab12Cd34Ef is not an article file (--text-links reads the "
                                  "t.co links in the text of article files; resolve a URL without it)")


def test_an_offline_refusal_of_an_unmapped_origin_says_which_key_to_map(fakenet, tmp_path):
    """After a run with [origins] only_configured refused a hop's origin, `--offline` said "run without --offline",
    which refuses it again (newuser46a #9): it names the [origins] key to add, as the online refusal does."""
    fakenet.route("t.co", "/Un1", redirect("https://pic.twitter.com/Zz98Yy76Xx"))
    config = config_for(fakenet, tmp_path, hosts=("t.co",))
    config.write_text(config.read_text().replace("[origins]\n", "[origins]\nonly_configured = true\n"))
    online = invoke(tmp_path, config, "resolve", "--json", "https://t.co/Un1")
    hits = len(fakenet.hits)
    offline = invoke(tmp_path, config, "resolve", "--offline", "--json", "https://t.co/Un1")
    error = json.loads(offline.stdout)["error"]
    assert offline.exit_code == 3, (online.output, offline.output)   # as before
    assert 'add "https://pic.twitter.com" = "<origin>" to [origins]' in error, error
    assert error.endswith("then run without --offline"), error
    assert len(fakenet.hits) == hits
