"""review37b: an adversarial review of reports36 (the fetch table's verdicts, replayed answers, archive changes) and
fixnu36c (exit codes, the library's JSON, rate-wait lines, charset doubt), each finding against loopback servers
(tests/fakenet.py, tests/waybacknet.py)."""

from tests.fakenet import page
from tests.test_cited_answers import ARTICLE
from tests.test_fetch import by_id, json_page
import pytest

from tests.test_verdicts import DELETED, HOSTS, POST, cli_on_fakenet
from tests.waybacknet import serve


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    """test_verdicts' reporter, news.example's images also sent to the fake internet."""
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "news.example"])


def test_archive_offline_of_an_article_whose_every_answer_is_cached_exits_0_as_scan_archive_does(fakenet, reporter,
                                                                                                tmp_path):
    """`archive ARTICLE` asks an article's posts afresh (so its WARC holds what a replay needs). Offline nothing can be
    asked afresh, and it took no cached answer either: every `archive --offline` of an article exited 3 with "1
    unavailable offline" though the cache held the post, its lookup and its page copy, and named nothing it lacked,
    where `scan --archive --offline` of the same cache exits 0 (README: 3 is for what is not in the cache)."""
    from tests import xfixtures as fx

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    fakenet.route("news.example", "/img/harbour.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    credited = ('<figure><img src="https://news.example/img/harbour.jpg"><figcaption>The harbour. (Photo: Jane Doe/'
                'Riverton Post)</figcaption></figure>')
    article = ARTICLE.replace("<p>The council met.</p>", f"<p>The council met.</p>{credited}")
    said: list[str] = []
    assert reporter("archive", "article.html", article=article, said=said)[0] == 0, said
    assert ("news.example", "/img/harbour.jpg") in fakenet.hits, "the credited image was downloaded online"
    hits = len(fakenet.hits)
    for command in (("scan", "--archive"), ("archive",)):
        said = []
        code, out = reporter(command[0], "--offline", *command[1:], "article.html", said=said)
        assert code == 0, (command, said, out)
        assert "never fetched" not in out, (command, out)
        assert not any("unavailable offline" in line for line in said), (command, said)
    assert len(fakenet.hits) == hits
    # an article never archived is still not in the cache offline: 3, as before
    said = []
    other = ARTICLE.replace(POST, str(int(POST) + 1))
    assert reporter("archive", "--offline", "other.html", article=other, name="other.html", said=said)[0] == 3, said


def test_archive_offline_reads_a_posts_photo_from_the_cache_never_says_it_was_never_fetched(fakenet, reporter):
    """The photo of a post `archive` downloaded: offline, `archive` asked it afresh too, and said "offline, and this
    image was never fetched" of an image the cache holds, a claim its own fetch log contradicts."""
    import json

    from tests import xfixtures as fx
    from tests.test_fetch import serve_media

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({fx.POST_ID: [json_page(fx.SYNDICATION_TWEET)]}))
    serve_media(fakenet)
    serve(fakenet, [])
    article = f'<p>The bridge.</p><a href="https://twitter.com/RivertonRoads/status/{fx.POST_ID}">post</a>'
    said: list[str] = []
    assert reporter("archive", "article.html", article=article, said=said)[0] == 0, said
    code, out = reporter("scan", "--fetch", "--offline", "--json", "article.html")
    [post] = json.loads(out)["posts"]
    assert post["media"] and not any(m.get("error") for m in post["media"]), post["media"]
    said = []
    code, out = reporter("archive", "--offline", "--json", "article.html", said=said)
    assert code == 0, (said, out)
    assert "never fetched" not in out + " ".join(said), (said, out)


def _cp1250_quote(fakenet, reporter, tmp_path, quoted: str) -> dict:
    """`report --format json` of a cp1250 page with no charset quoting a post that says “Closed,” says Jiří.: the
    text check."""
    import json

    from tests.test_verdicts import tweet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "“Closed,” says Jiří."))]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    (tmp_path / "article.html").write_bytes(ARTICLE.replace("Road closed.", quoted).encode("cp1250"))
    code, out = reporter("report", "--format", "json", "article.html")
    report = json.loads(out)
    assert report["article"]["encoding_rivals"], "the guess is unsure, or this test proves nothing"
    [embed] = report["embeds"]
    return next(c for c in embed["checks"] if c["name"] == "text")


def test_a_quote_whose_only_change_is_in_letters_an_unsure_encoding_guess_read_is_no_fail(fakenet, reporter, tmp_path):
    """A cp1250 page with no charset, guessed cp1252 "unsure: cp1250 reads it otherwise": the article's “Jiří” read
    as “Jiøí”, and the text check FAILED, "1 change in the quoted words: Jiří → Jiøí", a misquote the article never
    made, while the report's head said the guess was unsure (fixnu36c's "unsure" reached every output but the
    checks). A change in letters beyond ASCII under an unsure guess warns, and names the reading that agrees."""
    check = _cp1250_quote(fakenet, reporter, tmp_path, "“Closed,” says Jiří.")
    assert check["result"] == "warn", check
    assert "cp1250 reads the quote as the post gives it" in check["evidence"], check
    assert "give --encoding" in check["evidence"], check


def test_a_changed_ascii_word_under_an_unsure_encoding_guess_still_fails(fakenet, reporter, tmp_path):
    """The doubt is the letters' only: "Closed" changed to "Open" is the article's, whatever the encoding."""
    check = _cp1250_quote(fakenet, reporter, tmp_path, "“Open,” says Jiří.")
    assert check["result"] == "fail", check
    assert "encoding" not in check["evidence"], check


def test_an_authors_name_read_otherwise_by_an_unsure_encoding_guess_says_so_not_that_names_change(fakenet, reporter,
                                                                                                  tmp_path):
    """The same page's “— Jiří Dvořák (@river_desk)”: the author check warned "the names differ … (names change)",
    blaming the account for letters the guess read. It says the guess may be why, and which reading agrees."""
    import json

    from tests.test_verdicts import tweet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({POST: [json_page(tweet(POST, "Road closed.", name="Jiří Dvořák"))]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    page_ = ARTICLE.replace("River Desk (@river_desk)", "Jiří Dvořák (@river_desk)") \
        .replace("<p>The council met.</p>", "<p>Dvořák said the river rose. Řeka se vylila.</p>")
    (tmp_path / "article.html").write_bytes(page_.encode("cp1250"))
    report = json.loads(reporter("report", "--format", "json", "article.html")[1])
    assert report["article"]["encoding_rivals"], "the guess is unsure, or this test proves nothing"
    [embed] = report["embeds"]
    [author] = [c for c in embed["checks"] if c["name"] == "author"]
    assert author["result"] == "warn", author
    assert "names change" not in author["evidence"], author
    assert "cp1250 reads the name as the post gives it" in author["evidence"], author


LOGIN_WALL = (b"<html><head><title>Log in to X / X</title></head><body><h1>Happening now</h1><p>Join today.</p>"
              b"</body></html>")


def test_a_capture_of_the_login_wall_is_no_archived_copy_in_fetchs_table_as_in_the_report(fakenet, reporter):
    """A deleted post whose one capture is X's login wall: the report said "no archived copy was found … (1 capture
    listed; it shows the login wall, not the post)", while `fetch`'s and `scan --fetch`'s tables said "1 archived
    copy read, latest 2023-01-01T00:00:00Z": a copy of the post the archive does not hold. Only a capture holding
    the post's words is an archived copy, in every output."""
    import json

    from tests.waybacknet import Capture

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [Capture("20230101000000", f"https://twitter.com/river_desk/status/{POST}", LOGIN_WALL)])
    code, out = reporter("fetch", "article.html", article=ARTICLE)
    assert code == 0, out
    for command in (("fetch", "--offline"), ("scan", "--fetch", "--offline")):
        code, out = reporter(*command, "article.html")
        said = " ".join(out.split())
        assert code == 0, said
        assert "archived copy read" not in said and "archived copies read" not in said, (command, said)
        assert "(the archive answered: 1 capture read; it shows the login wall, not the post)" in said, \
            (command, said)
        assert "no archived copy found under https://twitter.com/river_desk/status/" in said, (command, said)
    [embed] = json.loads(reporter("report", "--offline", "--format", "json", "article.html")[1])["embeds"]
    assert embed["archived_copies"] == [], embed["archived_copies"]


def test_a_replayed_fetchs_capture_lookup_no_warc_holds_is_not_looked_up_not_failed_in_its_table(fakenet, tmp_path):
    """`--replay run.warc.gz fetch --all-methods` of a post whose recording made no capture lookup: the exit code is 0
    (fixnu36c: a replay miss is no failure) and the reports say "not looked up: not in the replayed WARC files"
    (reports36), but the fetch table said, in red, "archive lookup failed (not-in-warc: …)": a failure of an archive
    that was never asked."""
    from tests.cliworld import World
    from tests.test_verdicts import tweet

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    fakenet.route("publish.twitter.com", "/oembed", page("not found", status=404))
    serve(fakenet, [])
    source, warc = tmp_path / "article.html", tmp_path / "run.warc.gz"
    source.write_text(ARTICLE)
    assert World(fakenet, tmp_path)("scan", "--fetch", "--warc", str(warc), str(source)).exit_code == 0
    (tmp_path / "replay").mkdir()
    hits = len(fakenet.hits)
    done = World(fakenet, tmp_path / "replay")("--replay", str(warc), "fetch", "--all-methods", str(source))
    said = " ".join(done.stdout.split())
    assert done.exit_code == 0 and len(fakenet.hits) == hits, done.output
    assert "lookup failed" not in said, said
    assert "archived copies not looked up: not in the replayed WARC files (" in said, said
    assert "whether an archived copy exists is not known" in said, said


def test_a_long_rate_wait_after_one_that_was_only_measured_long_is_said_not_a_keyerror(fakenet, store):
    """fixnu36c's "still waiting" line read when a service's wait was last said, `_rate_said[service]`, for any
    service in `rate_waits`; but `waited_for_rate` puts a service there too, for a request whose wait was estimated
    under a second (no line) and took longer queued behind another request's turn (several requests at once). The
    next long wait of that service raised KeyError inside the request. It is said as the service's first wait."""
    from resolver.session import Session
    from tests.test_rate_wait_lines import Said

    said = Said()
    session = Session(fakenet.settings(hosts=["t.co"]), store=store, reporter=said)
    session.waited_for_rate("t.co", 10.0, 12.5)   # estimated 0.9 s: no line; queued, it took 2.5 s
    session.waiting_for_rate("t.co", 4.0)
    assert said.lines == ["t.co: waiting 4 s for the rate limit (further waits for it are summed up at the end; -v "
                          "shows each)"], said.lines
    session.waited_for_rate("t.co", 13.0, 17.0)
    assert session.rate_waited() == ["t.co: waited 6 s in all for the rate limit (2 waits)"], session.rate_waited()


def test_a_posts_likes_and_retweets_captures_do_not_take_it_off_the_at_risk_list(fakenet, reporter):
    """reports36 made a capture of a post's /likes or /retweets page no snapshot of the post: the report says "no
    archived copy was found … (archive it)". The CDX list is still recorded as listed, and `at_risk_embeds` (stats,
    `cache export`) read the post's id out of `…/status/<id>/likes`: the post was not at risk there, archived in one
    output and not in the other. A capture of the post's own page (`?s=20` too) still takes it off the list."""
    import json

    from tests.test_verdicts import tweet
    from tests.waybacknet import Capture

    post = f"https://twitter.com/river_desk/status/{POST}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    serve(fakenet, [Capture("20221207060000", post + "/likes", b"<html>likers</html>"),
                    Capture("20221207070000", post + "/retweets", b"<html>reposters</html>")])
    [embed] = json.loads(reporter("report", "--format", "json", "article.html", article=ARTICLE)[1])["embeds"]
    [archive] = [c for c in embed["checks"] if c["name"] == "archive"]
    assert archive["evidence"].startswith("no archived copy was found"), archive
    code, out = reporter("cache", "export", "at_risk_embeds", "--format", "jsonl")
    assert code == 0 and [json.loads(line)["post_id"] for line in out.splitlines()] == [POST], out
    serve(fakenet, [Capture("20221207080000", post + "?s=20", b"<html>the post</html>")])
    assert reporter("report", "--refresh", "--format", "json", "article.html")[0] == 0
    code, out = reporter("cache", "export", "at_risk_embeds", "--format", "jsonl")
    assert code == 0 and out.strip() == "", out
