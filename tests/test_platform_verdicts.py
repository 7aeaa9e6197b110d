"""Verdicts on posts of platforms other than X (#9), through `report` against loopback oEmbed endpoints answering
in each provider's real shape: Mastodon's (mastodon/mastodon's OEmbedSerializer: `author_url` is the account's
short URL, `https://<instance>/@<acct>`), Bluesky's (bluesky-social/social-app's embedr: `author_name` is
"<display name> (@<handle>)", or "@<handle>" with no display name, `author_url` the handle's profile), older
Mastodon's `title` ("New status by <user>") and Reddit's (the thread's title)."""

import json
import re
from urllib.parse import unquote

import pytest

from cache import Store
from resolver import platforms
from resolver.fetch import oembed
from resolver.provenance import text_check
from tests.test_fetch import json_page
from tests.test_verdicts import cli_on_fakenet as _cli_on_fakenet
from tests.waybacknet import serve

HOSTS = ["mastodon.social", "embed.bsky.app", "www.reddit.com", "www.tiktok.com", "web.archive.org", "archive.org"]

TOOT = "https://mastodon.social/@stormdesk/112233445566778899"
MASTODON_OEMBED = {
    "type": "rich", "version": "1.0", "author_name": "Storm Desk", "author_url": "https://mastodon.social/@stormdesk",
    "provider_name": "mastodon.social", "provider_url": "https://mastodon.social/", "cache_age": 86400,
    "html": f'<blockquote class="mastodon-embed" data-embed-url="{TOOT}/embed"><a href="{TOOT}" target="_blank">'
            '<div>Post by @stormdesk@mastodon.social</div><div>View on Mastodon</div></a></blockquote>',
    "width": 400, "height": None,
}
SKEET_URI = "at://did:plc:rivertonfictional0000001/app.bsky.feed.post/3kriverton22"
BLUESKY_OEMBED = {
    "type": "rich", "version": "1.0", "author_name": "Riverton Mayor (@mayor.riverton.example)",
    "author_url": "https://bsky.app/profile/mayor.riverton.example", "provider_url": "Bluesky Social",
    "cache_age": 86400, "width": 550,
    "html": f'<blockquote class="bluesky-embed" data-bluesky-uri="{SKEET_URI}" data-bluesky-cid="bafyfictional">'
            '<p lang="en"><!-- post-text --></p>&mdash; <!-- display-name --></blockquote>',
}


def bluesky_blockquote(text: str = "Shelters are open at the town hall.") -> str:
    """embed.bsky.app's embed code for a post with an image: the words, then its "[image or embed]" link."""
    post = "https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kriverton22"
    return (f'<blockquote class="bluesky-embed" data-bluesky-uri="{SKEET_URI}" data-bluesky-cid="bafyfictional">'
            f'<p lang="en">{text}<br><br><a href="{post}?ref_src=embed">[image or embed]</a></p>&mdash; Riverton '
            'Mayor (<a href="https://bsky.app/profile/did:plc:rivertonfictional0000001?ref_src=embed">'
            f'@mayor.riverton.example</a>) <a href="{post}?ref_src=embed">March 10, 2026 at 9:14 AM</a></blockquote>')


ARTICLE = ("<html><body><p>The river rose overnight.</p>"
           f'<iframe src="{TOOT}/embed" class="mastodon-embed" width="400"></iframe>'
           f"{bluesky_blockquote()}</body></html>")


def cli_on_fakenet(fakenet, tmp_path, monkeypatch, hosts: list[str]):
    """test_verdicts' `cli_on_fakenet`, whose first run finds at --db a copy of an empty cache made once a process
    (tests/blankstore.py), as test_verdicts' `reporter` does, unless the test put a cache there itself: a new cache's
    schema cost each of this module's runs on a fresh cache more than its copy does. No test here reads how the
    cache was made (its migrations' times); each copy is the test's own file."""
    from tests.blankstore import blank_cache

    run = _cli_on_fakenet(fakenet, tmp_path, monkeypatch, hosts)

    def on_a_fresh_cache(*args, **kwargs):
        if not (tmp_path / "c.db").exists():
            blank_cache(tmp_path / "c.db")
        return run(*args, **kwargs)
    return on_a_fresh_cache


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    """Runs `report --format FMT` on an article against the fake internet with a fresh cache; (exit code, out)."""
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    return lambda fmt, article=ARTICLE: run("report", "--format", fmt, "article.html", article=article)


def checks_of(embed: dict) -> dict[str, dict]:
    return {c["name"]: c for c in embed["checks"]}


def test_a_fetched_mastodon_post_passes_the_author_check(fakenet, reporter):
    """The URL parser named the author `stormdesk@mastodon.social`, the oEmbed reader `stormdesk`, and the check
    said every fetched Mastodon post "may be misattributed" (newuser29 §1)."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    code, out = reporter("json")
    assert code == 0, out
    toot = next(e for e in json.loads(out)["embeds"] if e["platform"] == "mastodon")
    assert toot["post"]["author"] == {"handle": "stormdesk@mastodon.social", "name": "Storm Desk", "id": None}
    author = checks_of(toot)["author"]
    assert (author["result"], author["evidence"]) == ("pass", "@stormdesk@mastodon.social (Storm Desk)")
    code, md = reporter("md")
    assert "misattributed" not in md and "the article says" not in md


def test_a_fetched_bluesky_post_has_its_display_name_once_and_passes_the_author_check(fakenet, reporter):
    """Bluesky's oEmbed writes "Name (@handle)" as author_name: kept whole, the name was shown with the handle twice
    and warned "the names differ" against the article's "Name" (newuser29 §2)."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    code, out = reporter("json")
    assert code == 0, out
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    assert skeet["post"]["author"]["name"] == "Riverton Mayor"
    author = checks_of(skeet)["author"]
    assert (author["result"], author["evidence"]) == ("pass", "@mayor.riverton.example (Riverton Mayor)")


def test_the_article_text_of_a_bluesky_embed_leaves_out_its_image_or_embed_link(fakenet, reporter):
    """embed.bsky.app writes "[image or embed]", a link to the post, after a post's words when it has an image:
    it was read as the post's last word, glued to it ("hall.[image or embed]", newuser29 §9)."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    code, out = reporter("json")
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    assert skeet["text"] == "Shelters are open at the town hall."


@pytest.mark.parametrize("author_url,handle", [
    ("https://mastodon.social/@stormdesk", "stormdesk@mastodon.social"),
    ("https://mastodon.social/@stormdesk@other.example", "stormdesk@other.example"),   # an account of another instance
    ("https://Mastodon.Social/@stormdesk/", "stormdesk@mastodon.social"),
    ("https://mastodon.social/users/stormdesk", "stormdesk@mastodon.social"),
], ids=["local", "remote", "case-and-slash", "users-path"])
def test_mastodons_oembed_author_is_named_as_the_url_parser_names_it(author_url, handle):
    body = json.dumps(MASTODON_OEMBED | {"author_url": author_url}).encode()
    record = oembed.parse("mastodon", "112233445566778899", TOOT, 200, "application/json", body)
    assert record.author_handle == handle
    user = author_url.rstrip("/").rsplit("/", 1)[-1].lstrip("@")
    assert platforms.parse_url(f"https://mastodon.social/@{user}/112233445566778899").author_handle == handle


@pytest.mark.parametrize("author_name,name", [
    ("Riverton Mayor (@mayor.riverton.example)", "Riverton Mayor"),
    ("@mayor.riverton.example", None),                                  # no display name: the handle alone
    ("Riverton Mayor (@mayor.riverton.example", "Riverton Mayor (@mayor.riverton.example"),   # not the form
    ("Team (@press) (@mayor.riverton.example)", "Team (@press)"),
    ("Riverton Mayor (@someone.else.example)", "Riverton Mayor (@someone.else.example)"),    # not its handle
], ids=["display-name", "handle-only", "unclosed", "parens-in-name", "other-handle"])
def test_bluesky_oembed_author_name_is_the_display_name(author_name, name):
    body = json.dumps(BLUESKY_OEMBED | {"author_name": author_name}).encode()
    url = "https://bsky.app/profile/mayor.riverton.example/post/3kriverton22"
    record = oembed.parse("bluesky", "3kriverton22", url, 200, "application/json", body)
    assert (record.author_handle, record.author_name) == ("mayor.riverton.example", name)


def test_an_older_mastodons_title_is_shown_as_a_title_not_as_the_posts_text(fakenet, reporter):
    """Older Mastodon versions' oEmbed had a `title`, "New status by <user>": it was shown as what the post says
    (newuser29 §8)."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED | {"title": "New status by stormdesk"}))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    code, md = reporter("md")
    assert code == 0, md
    assert "| Title | — | New status by stormdesk |" in md
    assert "| Text | — | New status by stormdesk |" not in md


def test_the_article_words_of_a_post_whose_source_gives_no_title_are_its_text(fakenet, reporter):
    """Bluesky's oEmbed gives no title: the row of the article's words was labelled "Title" for every platform
    but TikTok."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    code, md = reporter("md")
    assert "| Text | Shelters are open at the town hall. | — | not in the answer (oembed, " in md
    assert "| Title | Shelters" not in md


def test_the_article_words_beside_a_title_stand_beside_nothing(fakenet, reporter):
    """Words the article shows for a post whose source gives only a title (Reddit's thread title) are no title:
    a Text row with nothing beside them, then the Title row."""
    from resolver.report import markdown

    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED | {"title": "New status by stormdesk"}))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    code, out = reporter("json")
    report = json.loads(out)
    toot = next(e for e in report["embeds"] if e["platform"] == "mastodon")
    toot["text"] = "The levee held through the night."
    md = markdown(report)
    assert "| Text | The levee held through the night. | — | not in the answer (oembed, " in md
    assert "| Title | — | New status by stormdesk | oembed, " in md


def test_fetch_prints_a_title_as_a_title(fakenet, tmp_path, monkeypatch):
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED | {"title": "New status by stormdesk"}))
    code, out = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)("fetch", TOOT)
    assert code == 0, out
    assert "  title: New status by stormdesk\n" in out and "Storm Desk @stormdesk@mastodon.social" in out


@pytest.mark.parametrize("platform,result,detector", [
    ("reddit", "skip", "html-link"), ("youtube", "skip", "html-blockquote"), ("mastodon", "skip", "html-blockquote"),
    ("tiktok", "fail", "html-blockquote")])
def test_a_title_is_never_compared_as_the_posts_words(platform, result, detector):
    """Reddit's oEmbed `title` is its thread's title, YouTube's a video's: no words of a post an article can quote.
    TikTok's is the video's caption, the post's own words. (A Reddit embed code shows the thread's title, and is
    compared with it as a title: tests/test_reddit46f.py.)"""
    embed = {"platform": platform, "text": "The levee held through the night.", "detector": detector}
    post = {"platform": platform, "post_id": "1", "status": "available", "text": "Levee breach at Riverton",
            "method": "oembed", "field_sources": {"text": "oembed"}}
    check = text_check(embed, post)
    assert check["result"] == result
    if result == "skip":
        assert check["evidence"] == ("the source gives the post's title, not its words: “Levee breach at Riverton”"
                                     " is not compared")


def test_a_mastodon_post_cached_with_a_bare_handle_passes_the_author_check_offline(fakenet, tmp_path, monkeypatch):
    """A cache written before one handle form held the oEmbed reader's bare `stormdesk`: an offline report still
    said "may be misattributed" until `fetch --reparse`. The kept oEmbed answer is read again, with no request."""
    import sqlite3

    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    assert run("report", "--format", "json", "article.html", article=ARTICLE)[0] == 0
    db = sqlite3.connect(tmp_path / "c.db")   # as an older version stored it
    (record,) = db.execute("select record from posts where platform = 'mastodon'").fetchone()
    old = json.loads(record)
    old["author"]["handle"] = "stormdesk"
    with db:
        db.execute("update posts set record = ? where platform = 'mastodon'", (json.dumps(old),))
    db.close()
    asked = len(fakenet.server.log)
    code, out = run("report", "--offline", "--format", "json", "article.html")
    assert out.startswith("{"), (code, out)
    toot = next(e for e in json.loads(out)["embeds"] if e["platform"] == "mastodon")
    assert checks_of(toot)["author"]["result"] == "pass", checks_of(toot)["author"]
    assert toot["post"]["author"]["handle"] == "stormdesk@mastodon.social"
    assert len(fakenet.server.log) == asked


def test_urlforms31_a_post_seen_on_another_instance_is_that_instances_copy_not_the_home_instances_id(fakenet, tmp_path,
                                                                                                      monkeypatch):
    """urlforms31 (#15): https://b.social/@alice@a.social/<n> is b.social's copy of a post of alice@a.social, under
    b.social's own number. It is asked of b.social and kept as b.social's post (its place b.social, its account
    alice@a.social); nothing claims the number is a.social's, and the post on a.social stays a post of its own:
    Mastodon's oEmbed answer names the account (`author_url`) but not the original status, so nothing ties them."""
    remote = "https://b.social/@alice@a.social/113000000000000777"
    home = "https://a.social/@alice/112000000000000123"
    asked = []

    def oembed_of(account_url):
        def answer(request):
            asked.append((request.headers["Host"].split(":")[0], request.args["url"]))
            url = request.args["url"]
            return json_page(MASTODON_OEMBED | {"author_name": "Alice", "author_url": account_url,
                                                "html": f'<iframe src="{url}/embed" class="mastodon-embed"></iframe>'})(request)
        return answer
    fakenet.route("b.social", "/api/oembed", oembed_of("https://b.social/@alice@a.social"))
    fakenet.route("a.social", "/api/oembed", oembed_of("https://a.social/@alice"))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "a.social", "b.social"])
    code, out = run("scan", "--fetch", "--json", "article.html",
                    article=f'<p>Seen <a href="{remote}">there</a> and <a href="{home}">here</a>.</p>')
    assert code == 0, out
    data = json.loads(out)
    posts = {p["post_id"]: p for p in data["posts"]}
    assert set(posts) == {"b.social/113000000000000777", "a.social/112000000000000123"}
    assert (posts["b.social/113000000000000777"]["url"], posts["b.social/113000000000000777"]["author"]["handle"]) == (
        remote, "alice@a.social")
    assert (posts["a.social/112000000000000123"]["url"], posts["a.social/112000000000000123"]["author"]["handle"]) == (
        home, "alice@a.social")
    assert sorted(asked) == [("a.social", home), ("b.social", remote)]   # each asked of its own instance
    assert not any(e.get("same_post_as") for e in data.get("embeds", []))


def test_urlforms31_bluesky_oembed_answer_gives_the_authors_did_its_embed_code_names():
    """urlforms31 (#15): Bluesky's oEmbed answer names the post by its account's DID (the embed code's
    data-bluesky-uri) and the account by its handle (`author_url`): the recorded tie between the two names of one
    account. The DID was not kept (author id None)."""
    body = json.dumps(BLUESKY_OEMBED).encode()
    for asked in ("mayor.riverton.example", "did:plc:rivertonfictional0000001"):
        url = f"https://bsky.app/profile/{asked}/post/3kriverton22"
        record = oembed.parse("bluesky", f"{asked}/3kriverton22", url, 200, "application/json", body)
        assert (record.author_handle, record.author_id) == ("mayor.riverton.example", "did:plc:rivertonfictional0000001")
    # an embed code naming another record key, or another account's DID for a post asked by DID, ties nothing
    other_key = json.dumps(BLUESKY_OEMBED | {"html": BLUESKY_OEMBED["html"].replace("3kriverton22", "3kother00000")})
    url = "https://bsky.app/profile/mayor.riverton.example/post/3kriverton22"
    assert oembed.parse("bluesky", "mayor.riverton.example/3kriverton22", url, 200, "application/json",
                        other_key.encode()).author_id is None
    url = "https://bsky.app/profile/did:plc:someoneelse000000000001/post/3kriverton22"
    assert oembed.parse("bluesky", "did:plc:someoneelse000000000001/3kriverton22", url, 200, "application/json",
                        body).author_id is None


def test_urlforms31_a_bluesky_post_named_by_handle_is_the_post_the_cache_knows_by_did_when_an_answer_tied_them(
        fakenet, tmp_path, monkeypatch):
    """urlforms31 (#15): one article embeds a post (by its account's DID), another links it by the account's handle.
    They were two posts, the second not known offline (or asked again online), though Bluesky's recorded answer
    about the first names the account both ways. Now the second is the post the cache holds, with no request; a
    link by a handle nothing recorded ties to that DID stays a post of its own, not known offline."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "embedded.html", article=f"<html><body>{bluesky_blockquote()}</body></html>",
                    name="embedded.html")
    assert code == 0, out
    [post] = json.loads(out)["posts"]
    assert (post["post_id"], post["status"]) == ("did:plc:rivertonfictional0000001/3kriverton22", "available")
    asked = len([hit for hit in fakenet.hits if hit[0] == "embed.bsky.app"])
    for how in (("--offline",), ()):
        code, out = run("scan", "--fetch", *how, "--json", "linked.html", name="linked.html", article=(
            '<p>As <a href="https://bsky.app/profile/Mayor.Riverton.Example/post/3kriverton22">the mayor said</a>, and '
            '<a href="https://bsky.app/profile/someone.else.example/post/3kriverton22">someone else</a>.</p>'))
        assert code in (0, 3), out   # 3: a post not known (offline, never fetched)
        posts = {p["url"]: p for p in json.loads(out)["posts"]}
        mayor = posts["https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kriverton22"]
        assert (mayor["status"], mayor["author"]["handle"]) == ("available", "mayor.riverton.example")
        [other] = [p for url, p in posts.items() if "someone.else.example" in url]
        assert other["post_id"] == "someone.else.example/3kriverton22"
        if how:   # offline: not known (online it is asked, below)
            assert (other["status"], other["fetch_ids"]) == ("unknown", []), other
    # the second article's link asked nothing of Bluesky: the post the cache holds; the other handle's was asked online
    [later] = [hit for hit in fakenet.hits if hit[0] == "embed.bsky.app"][asked:]
    assert "someone.else.example" in unquote(later[1]), later
    code, md = run("report", "--offline", "linked.html")   # the report says which post it shows, and why
    assert code == 0, md
    assert re.search(r"Recorded as https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kriverton22: the "
                     r"same account's post, its handle @mayor.riverton.example and its DID "
                     r"did:plc:rivertonfictional0000001 named together by the answer it was recorded from \(fetch #\d+\)",
                     md), md
    assert md.count("Recorded as ") == 1
    with Store(tmp_path / "c.db") as store:   # one post, one row: the link by handle is tied to it
        assert store.post_row("bluesky", "mayor.riverton.example/3kriverton22") is None
        row = store.post_row("bluesky", "did:plc:rivertonfictional0000001/3kriverton22")
        assert row["author_id"] == "did:plc:rivertonfictional0000001"
        tied = store.conn.execute("SELECT DISTINCT e.url FROM embed_posts t JOIN embeds e ON e.id = t.embed_id "
                                  "WHERE t.post_row = ?", [row["id"]]).fetchall()
        assert sorted(url for (url,) in tied) == [
            "https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kriverton22",
            "https://bsky.app/profile/mayor.riverton.example/post/3kriverton22"]


DID = "did:plc:rivertonfictional0000001"
# The same answer with the account named by its DID in `author_url`, the form every Bluesky embed code links.
BLUESKY_OEMBED_BY_DID = BLUESKY_OEMBED | {"author_url": f"https://bsky.app/profile/{DID}"}


@pytest.mark.parametrize("author_name,author_url,expected", [
    ("Riverton Mayor (@mayor.riverton.example)", f"https://bsky.app/profile/{DID}",
     ("mayor.riverton.example", "Riverton Mayor", DID)),
    ("@mayor.riverton.example", f"https://bsky.app/profile/{DID}", ("mayor.riverton.example", None, DID)),
    ("Team (@press.example) (@mayor.riverton.example)", f"https://bsky.app/profile/{DID}",
     ("mayor.riverton.example", "Team (@press.example)", DID)),
    ("Riverton Mayor", f"https://bsky.app/profile/{DID}", (None, "Riverton Mayor", DID)),   # no handle said
    ("Riverton Mayor (@mayor.riverton.example)", "https://bsky.app/profile/did:plc:someoneelse000000000001",
     ("mayor.riverton.example", "Riverton Mayor", None)),   # author_url and the embed code disagree: no id
], ids=["display-name", "handle-only", "parens-in-name", "no-handle", "other-did"])
def test_fixnu31b_a_did_in_bluesky_author_url_is_the_account_id_and_the_handle_comes_from_author_name(
        author_name, author_url, expected):
    """newuser31 #3 (#9): `author_url` https://bsky.app/profile/did:plc:… was read as the handle "did:plc:…"."""
    body = json.dumps(BLUESKY_OEMBED | {"author_name": author_name, "author_url": author_url}).encode()
    url = f"https://bsky.app/profile/{DID}/post/3kriverton22"
    record = oembed.parse("bluesky", f"{DID}/3kriverton22", url, 200, "application/json", body)
    assert (record.author_handle, record.author_name, record.author_id) == expected


def test_fixnu31b_a_bluesky_answer_naming_the_account_by_did_passes_the_author_check(fakenet, reporter):
    """newuser31 #3 (#9): the article's handle was compared with the answer's DID: "❌ fail author: article says
    @mayor.riverton.example, the post's author is @did:plc:…; … may be misattributed", heading "post by @did:plc:…"."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED_BY_DID))
    code, out = reporter("json")
    assert code == 0, out
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    assert skeet["post"]["author"] == {"handle": "mayor.riverton.example", "name": "Riverton Mayor", "id": DID}
    author = checks_of(skeet)["author"]
    assert (author["result"], author["evidence"]) == ("pass", "@mayor.riverton.example (Riverton Mayor)")
    code, md = reporter("md")
    assert f"bluesky post by @mayor.riverton.example ({DID})" in md
    assert f"| @mayor.riverton.example (Riverton Mayor), account {DID} |" in md
    assert f"@{DID}" not in md and "misattributed" not in md


def test_fixnu31b_a_bluesky_handle_against_a_did_alone_cannot_be_told_and_never_fails(fakenet, reporter):
    """newuser31 #3 (#9): one side names the account by its handle only, the other by its DID only: nothing ties
    the two, so the check says it cannot tell (it failed, "may be misattributed")."""
    # the answer names only the DID (no "(@handle)" tail, no embed code); the article links by the handle
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED_BY_DID | {"author_name": "Riverton Mayor",
                                                                                  "html": ""}))
    article = '<p>The <a href="https://bsky.app/profile/mayor.riverton.example/post/3kriverton22">mayor wrote</a>.</p>'
    code, out = reporter("json", article)
    assert code == 0, out
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    author = checks_of(skeet)["author"]
    assert author["result"] == "skip", author
    assert author["evidence"] == (f"cannot tell: the article names @mayor.riverton.example, the source names the "
                                  f"account only by its id {DID} (a DID is an account's id, not a handle), and "
                                  "nothing here ties the two")
    # the article's embed code names the DID (the post's own account) and shows a handle the source does not say
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    code, out = reporter("json")
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    author = checks_of(skeet)["author"]
    assert (author["result"], author["evidence"]) == ("skip", (
        f"cannot tell: the article shows @mayor.riverton.example for account {DID}, the source names that account "
        "only by its id; whether @mayor.riverton.example is its handle, nothing here says"))


def test_fixnu31b_an_article_linking_a_bluesky_post_by_did_is_not_compared_as_a_handle(fakenet, reporter):
    """newuser31 #3 (#9): an article's link bsky.app/profile/did:plc:…/post/… names the account by its DID; an
    answer naming only the handle (no embed code) was compared "@did:plc:… vs @handle" and failed."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED | {"html": ""}))
    article = f'<p>The <a href="https://bsky.app/profile/{DID}/post/3kriverton22">mayor wrote</a>.</p>'
    code, out = reporter("json", article)
    assert code == 0, out
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    author = checks_of(skeet)["author"]
    assert (author["result"], author["evidence"]) == ("skip", (
        f"cannot tell: the article names the account only by its id {DID}, the source names @mayor.riverton.example "
        "(a DID is an account's id, not a handle), and nothing here ties the two"))
    code, md = reporter("md", article)
    assert f"@{DID}" not in md


def test_fixnu31b_the_same_did_under_another_handle_is_a_renamed_account_not_a_misattribution(fakenet, reporter):
    """The article's embed code names the account by DID and shows an older handle; the answer names the same DID
    with today's handle: the account's post (a DID is its lasting id), renamed: warn, never fail, when the display
    names agree; no record shows the older handle as the account's, and the warn says so (newuser40a #4: it said "the
    same account, per its DID", which a forged handle passed as well)."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED_BY_DID | {
        "author_name": "Riverton Mayor (@mayor.riverton.gov.example)"}))
    code, out = reporter("json")
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    author = checks_of(skeet)["author"]
    assert (author["result"], author["evidence"]) == ("warn", (
        f"the article shows @mayor.riverton.example (“Riverton Mayor”) for account {DID}, the post's author by its "
        "DID, which is @mayor.riverton.gov.example (“Riverton Mayor”) now; no recorded fetch shows "
        "@mayor.riverton.example as this account: its handle renamed since, or one never its own (not known which); "
        "the names agree"))


def test_fixnu31b_a_did_kept_as_the_handle_by_an_older_cache_is_read_as_the_account_id():
    """A record parsed before newuser31 #3 kept the DID as the author's handle: it is never compared as a handle."""
    from resolver.provenance import author_check

    post = {"platform": "bluesky", "post_id": f"{DID}/3kriverton22", "status": "available", "archived": [],
            "author": {"handle": DID, "name": "Riverton Mayor (@mayor.riverton.example)", "id": None}}
    embed = {"platform": "bluesky", "post_id": f"{DID}/3kriverton22", "author_handle": "mayor.riverton.example",
             "author_name": "Riverton Mayor"}
    assert author_check(embed, post)["result"] == "skip"
    assert author_check(embed | {"author_handle": DID, "author_name": None}, post) == {
        "name": "author", "result": "pass", "evidence": f"the same account {DID}"}
    other = embed | {"post_id": "did:plc:someoneelse000000000001/3kriverton22"}
    assert author_check(other, post)["evidence"] == (
        f"the article names account did:plc:someoneelse000000000001, the post's author is {DID}: the post may be "
        "misattributed")


def test_review31r2_a_post_found_by_its_accounts_other_name_is_said_so_from_the_names_that_tie_them(
        fakenet, tmp_path, monkeypatch):
    """review31r2 (urlforms31 #15): a Bluesky post linked by handle and found under its account's DID (an answer about
    another of its posts tied the two) was noted with the handle and DID of the found record's author. A record
    naming no author (a post its source answered it could not find) made the note say "its handle @None and its DID
    None named together by the answer it was recorded from": false of that answer, which named neither. The note
    names the link's handle and the record's DID, tied by a recorded answer about the account."""
    def oembed(request):
        from werkzeug.wrappers import Response

        if "3kgonefiction" in unquote(request.query_string.decode()):
            return Response('{"error": "not found"}', status=404, content_type="application/json")
        return json_page(BLUESKY_OEMBED)(request)

    fakenet.route("embed.bsky.app", "/oembed", oembed)
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    gone = "https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kgonefiction"
    code, out = run("scan", "--fetch", "--json", "embedded.html", name="embedded.html", article=(
        f'<html><body>{bluesky_blockquote()}<p>And <a href="{gone}">this</a>.</p></body></html>'))
    assert code == 0, out
    statuses = {p["post_id"]: (p["status"], p["author"]["handle"]) for p in json.loads(out)["posts"]}
    assert statuses["did:plc:rivertonfictional0000001/3kriverton22"] == ("available", "mayor.riverton.example")
    assert statuses["did:plc:rivertonfictional0000001/3kgonefiction"][1] is None
    code, md = run("report", "--offline", "linked.html", name="linked.html", article=(
        '<p>As <a href="https://bsky.app/profile/mayor.riverton.example/post/3kgonefiction">the mayor said</a>.</p>'))
    assert "@None" not in md and "DID None" not in md, md
    assert re.search(r"Recorded as https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kgonefiction: the "
                     r"same account's post, its handle @mayor.riverton.example and its DID did:plc:rivertonfictional0000001 "
                     r"named together by a recorded answer about the account \(the link names it by its handle\)", md), md


def test_review31r2_a_warm_run_does_not_reprint_a_post_not_known_once_an_answer_ties_its_handle(
        fakenet, tmp_path, monkeypatch):
    """review31r2 (urlforms31 #15), a guard: a warm `scan --json` reprints an article's line from its memo until a row
    its steps read changes, and looking for the DID a Bluesky link's handle is recorded with notes no key when it
    finds none. No memo is kept then (the lookup by author id, also empty, leaves the reads incomplete), so an answer
    tying the handle to a DID later is read: the post not known before is the post the cache holds."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    linked = '<p>As <a href="https://bsky.app/profile/Mayor.Riverton.Example/post/3kriverton22">the mayor said</a>.</p>'

    def offline_status() -> str:
        code, out = run("scan", "--fetch", "--offline", "--json", "linked.html", name="linked.html", article=linked)
        assert code in (0, 3), out
        [post] = json.loads(out)["posts"]
        return post["status"]

    assert [offline_status(), offline_status()] == ["unknown", "unknown"]   # the second from its memo
    code, out = run("scan", "--fetch", "--json", "embedded.html", name="embedded.html",
                    article=f"<html><body>{bluesky_blockquote()}</body></html>")
    assert code == 0, out
    assert offline_status() == "available"


def _bluesky_link_by_handle(fakenet, tmp_path, monkeypatch, by_handle):
    """An article linking a Bluesky post by its account's handle, scanned with --fetch, its oEmbed answered by
    `by_handle` (asked by handle) or as BLUESKY_OEMBED (by DID): (run, the article, its post's JSON)."""
    def oembed(request):
        if "mayor.riverton.example" in unquote(request.query_string.decode()):
            return by_handle(request)
        return json_page(BLUESKY_OEMBED)(request)

    fakenet.route("embed.bsky.app", "/oembed", oembed)
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    linked = '<p>As <a href="https://bsky.app/profile/mayor.riverton.example/post/3kriverton22">the mayor said</a>.</p>'
    code, out = run("scan", "--fetch", "--json", "linked.html", name="linked.html", article=linked)
    [first] = json.loads(out)["posts"]
    return run, linked, first


def test_left31_offline_a_bluesky_link_recorded_as_an_error_by_handle_is_the_record_the_cache_holds_by_did(
        fakenet, tmp_path, monkeypatch):
    """left31 (review31r2, #15): a post linked by its account's handle was asked once and answered with an error (a
    503), then an answer about the post by its DID recorded it available and tied the names.
    Offline, the link showed the error though the cache holds the post's record; the online run shows the record.
    Now offline shows it too, and says which record it is and what the handle's own answer was."""
    from werkzeug.wrappers import Response

    handle_asked = []

    def by_handle(request):
        handle_asked.append(request.url)
        return Response("Service Unavailable", status=503, content_type="text/plain")

    run, linked, first = _bluesky_link_by_handle(fakenet, tmp_path, monkeypatch, by_handle)
    assert handle_asked and first["status"] == "error", first
    code, out = run("scan", "--fetch", "--json", "embedded.html", name="embedded.html",
                    article=f"<html><body>{bluesky_blockquote()}</body></html>")
    assert code == 0, out
    hits = len(fakenet.hits)
    code, out = run("scan", "--fetch", "--offline", "--json", "linked.html", name="linked.html", article=linked)
    [post] = json.loads(out)["posts"]
    assert (post["post_id"], post["status"], post["author"]["handle"]) == (
        f"{DID}/3kriverton22", "available", "mayor.riverton.example"), post
    code, md = run("report", "--offline", "linked.html")
    assert code == 0, md
    assert len(fakenet.hits) == hits
    assert re.search(rf"Recorded as https://bsky.app/profile/{DID}/post/3kriverton22: the same account's post", md), md
    assert re.search(r"; shown instead of what is recorded under the link's handle \(fetch #\d+\), which gives no "
                     r"status of the post: error, oEmbed answered HTTP 503", md), md
    assert post["link_answer"]["status"] == "error" and post["link_answer"]["fetch_ids"], post
    code, out = run("scan", "--fetch", "--json", "linked.html", name="linked.html", article=linked)
    [online] = json.loads(out)["posts"]   # online: the same record, from the cache, nothing asked
    assert (online["post_id"], online["status"]) == (f"{DID}/3kriverton22", "available") and len(fakenet.hits) == hits


def _doubted_mastodon_link(fakenet, tmp_path, monkeypatch, answer: str):
    """An article linking blog.riverton.example/@council/<number> (a Mastodon post by its path's shape alone), whose
    host's oEmbed gives `answer` ("404", "html", "other-json", "503"), scanned with --fetch: (run, (code, out))."""
    from werkzeug.wrappers import Response

    host = "blog.riverton.example"
    link = f"https://{host}/@council/112233445566778899"

    def page(request) -> Response:
        return Response("<html><body>Council news</body></html>", content_type="text/html")

    fakenet.route(host, "/api/oembed", {
        "404": lambda request: Response("<html><body>Not Found</body></html>", status=404, content_type="text/html"),
        "html": page,
        "other-json": lambda request: Response('{"ok": true, "items": []}', content_type="application/json"),
        "503": lambda request: Response("busy", status=503, content_type="text/plain"),
        # review33r1: a real instance that is down answers its proxy's HTML error page: a failure, not a page
        "502-html": lambda request: Response("<html><body><h1>502 Bad Gateway</h1></body></html>", status=502,
                                             content_type="text/html"),
    }[answer])
    fakenet.route(host, "/@council/112233445566778899", page)
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [host])
    article = f'<html><body><p>The council <a href="{link}">said so</a>.</p></body></html>'
    return run, run("scan", "--fetch", "--json", "article.html", article=article)


@pytest.mark.parametrize("answer", ["404", "html", "other-json", "503", "502-html"])
def test_left31_a_doubted_mastodon_link_whose_host_gives_no_mastodon_answer_is_not_confirmed_a_post(
        fakenet, tmp_path, monkeypatch, answer):
    """left31 (fixnu31c, #15): a link read as a Mastodon post by its /@name/<number> path alone, on a host nothing
    names a Mastodon instance (`id_doubt`), is still asked at --fetch (the host's oEmbed answer is what confirms it).
    When the host gives no Mastodon answer (a 404, a page that is no JSON, another site's JSON), the reports and
    `scan --json` read as for a missing or deleted post beside the "Id: uncertain" row. Now they say the link was
    not confirmed to be a post at all."""
    host = "blog.riverton.example"
    run, (code, out) = _doubted_mastodon_link(fakenet, tmp_path, monkeypatch, answer)
    assert any(h == host for h, _ in fakenet.hits)   # asked: the guard let a public name through
    [post] = json.loads(out)["posts"]
    said = f"not confirmed as a post: {host} gave no Mastodon answer"
    failing = answer in ("503", "502-html")
    if failing:   # no answer yet, a failure that may pass: an error, asked again by the next run
        said = "not known: the sources answered with errors"
        assert post["status"] == "error" and code == 1, post
    else:
        assert post["status"] == "not_confirmed" and post["reason"].startswith(said), post
    hits = len(fakenet.hits)
    for fmt in ("json", "md", "html"):
        errors: list[str] = []
        code, text = run("report", "--offline", "--format", fmt, "article.html", said=errors)
        if failing:   # the fetch that failed, from the cache: a step that failed, said (newuser32 #5)
            assert (code, errors) == (1, [f"error: article.html: post mastodon {host}/112233445566778899 could not "
                                          f"be fetched: oEmbed answered HTTP {answer[:3]} (from cache)"]), text
        else:
            assert code in (0, 3), text
        if fmt == "json":
            [embed] = json.loads(text)["embeds"]
            if not failing:
                assert embed["status"]["code"] == "not_confirmed"
                assert embed["status"]["words"] == "not confirmed as a post"
                assert embed["post"]["reason"].startswith(said), embed["post"]
        else:
            assert said in text.replace("&#x27;", "'"), text
        for wrong in ("not found", "deleted", "Not found", "Deleted", "missing"):
            assert wrong not in (text if fmt != "json" else json.dumps(json.loads(text)["embeds"])), (fmt, wrong)
    code, table = run("scan", "--fetch", "--offline", "article.html")   # the scan's own table
    assert (said if not failing else ": error (via oembed)") in table and "not_found" not in table, table
    assert len(fakenet.hits) == hits
    # review33r1: the failure is asked again by the next live run; a page that is no Mastodon answer is an answer,
    # kept for cache_ttl (identity33)
    run("scan", "--fetch", "--json", "article.html")
    assert any(h == host and "/api/oembed" in p for h, p in fakenet.hits[hits:]) == failing, fakenet.hits[hits:]


@pytest.mark.parametrize("answer", ["404", "html", "other-json"])
def test_urlforms32_a_link_not_confirmed_as_a_mastodon_post_is_not_headed_as_a_post(fakenet, tmp_path, monkeypatch,
                                                                                  answer):
    """urlforms32 (left31, #15): a link read as a Mastodon post by its path's shape alone, whose host gave no Mastodon
    answer, is "not confirmed as a post"; its heading still said "mastodon post by @council@…" in Markdown and HTML,
    and the report's JSON called it kind "post". Now it is a link, with no author claimed for it."""
    run, (code, out) = _doubted_mastodon_link(fakenet, tmp_path, monkeypatch, answer)
    assert json.loads(out)["posts"][0]["status"] == "not_confirmed", out
    code, md = run("report", "--offline", "article.html")
    [heading] = [line for line in md.splitlines() if line.startswith("### 1.")]
    assert heading.startswith("### 1. mastodon link: not confirmed as a post"), heading
    code, page_ = run("report", "--offline", "--format", "html", "article.html")
    [title] = re.findall(r"<h3[^>]*>1\. .*?</h3>", page_, re.S)
    assert "mastodon link:" in title and " post" not in title.split("badge")[0] and "@council" not in title, title
    code, data = run("report", "--offline", "--format", "json", "article.html")
    [embed] = json.loads(data)["embeds"]
    assert (embed["platform"], embed["kind"], embed["status"]["code"]) == ("mastodon", "link", "not_confirmed"), embed


@pytest.mark.parametrize("answer", ["404", "html", "other-json"])   # html: identity33
def test_urlforms32_stats_and_export_read_a_link_not_confirmed_as_a_post_as_the_report_does(fakenet, tmp_path,
                                                                                           monkeypatch, answer):
    """urlforms32 (left31, #15): the cache keeps the host's answer as it was ("not_found" for a 404), and the report
    reads it for a link not confirmed as a Mastodon post as "not confirmed as a post". `stats` and `cache export` of
    the views read the stored status alone: the link counted as a dead embed, its post "not_found". Now the views
    read it as the report does."""
    run, (code, out) = _doubted_mastodon_link(fakenet, tmp_path, monkeypatch, answer)
    assert json.loads(out)["posts"][0]["status"] == "not_confirmed", out
    code, lines = run("stats", "--json")
    assert code == 0, lines
    rows = [json.loads(line) for line in lines.splitlines()]
    [risk] = [r for r in rows if r["view"] == "at_risk_embeds"]
    assert risk["post_status"] == "not_confirmed", risk
    # views37: the id read with a doubt is counted apart (doubtful_id), not as checked ("0% dead" of 1 checked)
    assert [(r["embeds_checked"], r["doubtful_id"], r["dead"], r["not_found"]) for r in rows
            if r["view"] == "dead_embeds_by_outlet_year"] in ([], [(0, 1, 0, 0)]), rows
    code, exported = run("cache", "export", "at_risk_embeds", "--format", "jsonl")
    assert [json.loads(line)["post_status"] for line in exported.splitlines()] == ["not_confirmed"], exported


def test_identity33_a_doubted_mastodon_link_whose_host_answers_a_page_is_not_confirmed_on_every_surface(
        fakenet, tmp_path, monkeypatch):
    """identity33 (urlforms32, #15): a host answering its Mastodon oEmbed request with an HTML page gave no Mastodon
    answer, which says nothing of a post: the report said "not confirmed as a post", while the cache stored the
    answer as an `error` of the host, so `stats` and `cache export` said `error`. Now the cache keeps it as what it
    is (an answer that is no oEmbed answer: not known), and every surface reads "not_confirmed"."""
    run, (code, out) = _doubted_mastodon_link(fakenet, tmp_path, monkeypatch, "html")
    assert json.loads(out)["posts"][0]["status"] == "not_confirmed", out
    with Store(tmp_path / "c.db") as store:
        [(status, reason)] = [(r["status"], json.loads(r["record"])["reason"]) for r in store.db["posts"].rows]
    assert (status, reason) == ("unknown", "oEmbed answered text/html, not JSON")
    # `stats` and `cache export`: test_urlforms32_stats_and_export_read_a_link_not_confirmed_as_a_post_as_the_report_does
    code, md = run("report", "--offline", "article.html")
    assert code in (0, 3) and "not confirmed as a post: blog.riverton.example gave no Mastodon answer" in md, md


def test_urlforms32_stats_do_not_count_a_post_gone_under_an_uncertain_id_as_dead(tmp_path):
    """urlforms32 (review31r4, #15): a post not found under an id read with a doubt (a URL run into the next word) is
    "not found (uncertain id)", not known to be gone, in the report; the views counted it as a dead embed."""
    with Store(tmp_path / "c.db") as store:
        from tests.test_store import ARTICLE as article
        embed = {"platform": "telegram", "kind": "post", "url": "https://t.me/rivertonnews/78", "post_id":
                 "rivertonnews/78", "detector": "text-url", "span": [0, 1], "ordinal": 0,
                 "id_doubt": "the URL runs into the next word"}
        store.record_article(article, [embed], [], source="a.txt", tool_version="t")
        store.record_observation({"platform": "telegram", "post_id": "rivertonnews/78", "status": "not_found",
                                  "url": embed["url"], "record": {}}, [], observed_at="2026-11-29T00:00:00Z")
        [dead] = store.db.query("SELECT embeds_checked, dead, not_found FROM dead_embeds_by_outlet_year")
        assert (dead["dead"], dead["not_found"]) == (0, 0), dead


def test_urlforms32_a_bluesky_handles_404_gives_way_to_a_newer_record_of_the_post_under_its_did(fakenet, tmp_path,
                                                                                             monkeypatch):
    """urlforms32 (left31, #15): a post linked by its account's handle was asked once and its oEmbed answered 404 (the
    handle had moved, say), then an answer about the same post by its DID recorded it available and tied the names.
    A 404 is a definitive answer, so the older "not found" under the handle was shown, offline and online alike, though
    the cache holds a newer answer about the same post. Now the newest answer wins, whichever name it was recorded
    under, and the report says which record it shows and what the handle's older answer was."""
    from werkzeug.wrappers import Response

    answers = iter([Response("<html>Not Found</html>", status=404, content_type="text/html") for _ in range(2)])
    # asked twice only (the first scan, then --refresh): a third request answers 500 and fails the test
    run, linked, first = _bluesky_link_by_handle(fakenet, tmp_path, monkeypatch, lambda request: next(answers))
    assert first["status"] == "not_found", first
    code, out = run("scan", "--fetch", "--json", "embedded.html", name="embedded.html",
                    article=f"<html><body>{bluesky_blockquote()}</body></html>")
    assert code == 0 and json.loads(out)["posts"][0]["status"] == "available", out
    hits = len(fakenet.hits)
    for how in (("--offline",), ()):
        code, out = run("scan", "--fetch", *how, "--json", "linked.html", name="linked.html", article=linked)
        [post] = json.loads(out)["posts"]
        assert (post["post_id"], post["status"]) == (f"{DID}/3kriverton22", "available"), (how, post)
        assert post["link_answer"]["status"] == "not_found" and post["link_answer"]["fetch_ids"], post
    assert len(fakenet.hits) == hits
    code, md = run("report", "--offline", "linked.html")
    assert code == 0, md
    assert re.search(rf"Recorded as https://bsky.app/profile/{DID}/post/3kriverton22: the same account's post", md), md
    assert re.search(r"; shown instead of the older answer recorded under the link's handle \(fetch #\d+, "
                     r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\): not found, oEmbed answered 404", md), md
    # The other way: a handle's newer 404 (asked again with --refresh) is the handle link's own newest answer, but never
    # outweighs the embed by DID's record: a handle can move to another account; the DID names the post still.
    code, out = run("scan", "--fetch", "--refresh", "--json", "linked.html", name="linked.html", article=linked)
    assert json.loads(out)["posts"][0]["status"] == "not_found", out
    code, out = run("scan", "--fetch", "--offline", "--json", "embedded.html", name="embedded.html")
    [embedded] = json.loads(out)["posts"]
    assert (embedded["status"], embedded.get("link_answer")) == ("available", None), embedded


NEW_OWNER = "did:plc:rivertonnewowner00000002"   # the account the handle names now
APPVIEW = "public.api.bsky.app"


def _xrpc_error(error: str, message: str):
    """An XRPC error as the AppView answers one: HTTP 400, {"error", "message"}."""
    return json_page({"error": error, "message": message}, status=400)


def _thread_view(did: str, handle: str, rkey: str) -> dict:
    """app.bsky.feed.getPostThread's answer for a post that exists (depth 0, no parents)."""
    uri = f"at://{did}/app.bsky.feed.post/{rkey}"
    return {"thread": {"$type": "app.bsky.feed.defs#threadViewPost", "post": {
        "uri": uri, "cid": "bafyreifictional", "indexedAt": "2024-02-01T10:00:01.000Z",
        "author": {"did": did, "handle": handle, "displayName": "Riverton Mayor", "labels": []},
        "record": {"$type": "app.bsky.feed.post", "createdAt": "2024-02-01T10:00:00.000Z", "langs": ["en"],
                   "text": "Shelters are open at the town hall."},
        "replyCount": 0, "repostCount": 0, "likeCount": 3, "quoteCount": 0, "labels": []}, "replies": []}}


@pytest.mark.parametrize("handle_answer,thread_answer,status,said", [
    ("did", "not-found-error", "not_found", f"not found under the handle's current account ({NEW_OWNER}): the handle "
                                            "may have moved to another account, under which the post may exist"),
    ("did", "not-found-post", "not_found", f"not found under the handle's current account ({NEW_OWNER}): the handle "
                                           "may have moved to another account, under which the post may exist"),
    ("unresolved", None, "not_found", "not found under the handle: mayor.riverton.example names no account now (it may "
                                      "have moved to another name)"),
    ("did", "found", "unknown", f"oEmbed answered 404, but the Bluesky AppView has the post under the handle's "
                                f"account ({NEW_OWNER})"),
    ("busy", None, "not_found", "oEmbed answered 404"),
], ids=["moved", "moved-notfoundpost", "handle-gone", "appview-has-it", "appview-busy"])
def test_identity33_a_bluesky_link_by_a_handle_that_moved_says_so_rather_than_a_plain_not_found(
        fakenet, tmp_path, monkeypatch, handle_answer, thread_answer, status, said):
    """identity33 (review32r3, #15): a post linked by its account's handle, whose oEmbed answers 404, read "not found"
    though the handle may have moved to another account and the post exist under the DID that had it. Now the
    handle is resolved (com.atproto.identity.resolveHandle) and the post asked of that account
    (app.bsky.feed.getPostThread): not there, the report says it is not found under the handle's current account,
    which may not be the post's; a handle naming no account says that; an AppView that has the post makes it not
    known; an AppView that gives no answer leaves oEmbed's plain 404."""
    from werkzeug.wrappers import Response

    asked: list[str] = []

    def resolve(request):
        asked.append(request.args.get("handle"))
        return {"did": json_page({"did": NEW_OWNER}),
                "unresolved": _xrpc_error("InvalidRequest", "Unable to resolve handle"),
                "busy": lambda r: Response("busy", status=503, content_type="text/plain")}[handle_answer](request)

    def thread(request):
        asked.append(request.args.get("uri"))
        uri = f"at://{NEW_OWNER}/app.bsky.feed.post/3kriverton22"
        return {"not-found-error": _xrpc_error("NotFound", f"Post not found: {uri}"),
                "not-found-post": json_page({"thread": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": uri,
                                                        "notFound": True}}),
                "found": json_page(_thread_view(NEW_OWNER, "mayor.riverton.example", "3kriverton22"))}[
            thread_answer](request)

    fakenet.route(APPVIEW, "/xrpc/com.atproto.identity.resolveHandle", resolve)
    fakenet.route(APPVIEW, "/xrpc/app.bsky.feed.getPostThread", thread)
    monkeypatch.setattr("tests.test_platform_verdicts.HOSTS", HOSTS + [APPVIEW])
    run, linked, first = _bluesky_link_by_handle(fakenet, tmp_path, monkeypatch, lambda request: Response(
        "<html>Not Found</html>", status=404, content_type="text/html"))
    assert asked[:1] == ["mayor.riverton.example"]
    if thread_answer:
        assert asked[1:] == [f"at://{NEW_OWNER}/app.bsky.feed.post/3kriverton22"]
    assert (first["status"], first["reason"]) == (status, said), first
    with Store(tmp_path / "c.db") as store:
        # the archive's (its captures listed and read since fediarch41) aside
        purposes = [r["purpose"] for r in store.db.query("SELECT purpose FROM fetches WHERE purpose NOT LIKE "
                                                         "'wayback%' ORDER BY id")]
    assert purposes == ["oembed", "bluesky-xrpc"] + (["bluesky-xrpc"] if thread_answer else []), purposes
    hits = len(fakenet.hits)
    code, md = run("report", "--offline", "linked.html")
    assert said in md and len(fakenet.hits) == hits, md
    [heading] = [line for line in md.splitlines() if line.startswith("### 1.")]
    code, data = run("report", "--offline", "--format", "json", "linked.html")
    [embed] = json.loads(data)["embeds"]
    if status == "not_found" and handle_answer != "busy":   # not known to be gone: the grey of what is not known
        words = said.split(" (")[0].split(":")[0]
        assert f": {words} (as of" in heading, heading
        assert f"| Status | — | {said} |" in md, md
        assert (embed["status"]["words"], embed["status"]["tone"]) == (words, "unknown"), embed["status"]
        assert NEW_OWNER not in json.dumps(embed["post"]["author"]), embed["post"]   # the handle's account now
    else:
        assert embed["status"]["words"] in ("not found", "not known"), embed["status"]


def test_identity33_a_bluesky_embed_naming_its_post_by_did_asks_by_did_and_resolves_no_handle(
        fakenet, tmp_path, monkeypatch):
    """An embed that carries its post's DID (data-bluesky-uri="at://<did>/…") is asked by it: its handle is only
    shown, never resolved (it may name another account now)."""
    fakenet.route(APPVIEW, "/xrpc/com.atproto.identity.resolveHandle", json_page({"did": NEW_OWNER}))
    fakenet.route("embed.bsky.app", "/oembed", json_page(BLUESKY_OEMBED))
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [APPVIEW])
    code, out = run("scan", "--fetch", "--json", "embedded.html", name="embedded.html",
                    article=f"<html><body>{bluesky_blockquote()}</body></html>")
    [post] = json.loads(out)["posts"]
    assert (post["post_id"], post["status"]) == (f"{DID}/3kriverton22", "available"), post
    assert [unquote(p) for h, p in fakenet.hits if h == "embed.bsky.app"] == [
        f"/oembed?url=https://bsky.app/profile/{DID}/post/3kriverton22&format=json"]   # by its DID
    assert not [h for h in fakenet.hits if h[0] == APPVIEW]


BY_HANDLE = "https://bsky.app/profile/mayor.riverton.example/post/3kriverton22"
BY_DID = f"https://bsky.app/profile/{DID}/post/3kriverton22"


@pytest.mark.parametrize("captured", [True, False], ids=["captured-under-the-handle", "never-captured"])
def test_newuser33_a_bluesky_post_is_looked_up_in_the_archive_under_the_handle_its_embed_shows_too(
        fakenet, tmp_path, monkeypatch, captured):
    """newuser33 #2: a Bluesky embed shows its account's handle and links its post by DID; the archive was asked
    only about the DID URL, so a capture under the handle URL (the one a reader of the page would save) was missed
    and the report said "at risk: … no archived copy was found for <the DID URL>". Every URL form the tool knows for
    the post is looked up, each lookup cited, and a claim that none was found names every form asked."""
    from tests.waybacknet import Capture

    fakenet.route("embed.bsky.app", "/oembed", json_page({"error": "NotFound", "message": "post not found"}, 404))
    shell = b"<html><head><title>Riverton Mayor on Bluesky</title></head><body>Shelters are open.</body></html>"
    serve(fakenet, [Capture("20260310100000", BY_HANDLE, shell)] if captured else [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [APPVIEW])
    article = f"<html><body>{bluesky_blockquote()}</body></html>"
    code, out = run("report", "--format", "json", "skeet.html", name="skeet.html", article=article)
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["status"] == "not_found", embed["post"]
    asked = {unquote(p).split("url=")[1].split("&")[0].removeprefix("https://") for h, p in fakenet.hits
             if p.startswith("/cdx/")}   # the URLs, and the fetch's lists of captures under them (no scheme)
    assert asked == {BY_DID.removeprefix("https://"), BY_HANDLE.removeprefix("https://")}, asked
    looked = {(found["service"], found["url"]) for found in embed["archive_lookups"]}
    assert {("cdx", BY_DID), ("cdx", BY_HANDLE)} <= looked
    archive = checks_of(embed)["archive"]
    if captured:   # read since fixleft46c (the fetch lists the handle its embed shows): a page that holds no post
        assert archive["result"] == "warn"
        assert archive["evidence"].startswith(
            f"at risk: the post is not found and no archived copy was found under {BY_DID} and {BY_HANDLE} (1 capture "
            "listed; it shows a page that holds no post (its title: “Riverton Mayor on Bluesky”), not the post)"), \
            archive
        assert embed["archived_copies"] == []
    else:
        assert archive["evidence"].startswith(
            f"at risk: the post is not found and no archived copy was found under {BY_DID} and {BY_HANDLE} (per the "
            ), archive
    code, md = run("report", "--offline", "skeet.html", name="skeet.html")
    assert code in (0, 1) and "an archived copy exists" not in md
    assert "not read: whether it holds the post is not known" not in md
    assert ("none an archived copy" in md) == captured
    assert f"no archived copy was found under {BY_DID} and {BY_HANDLE}" in md


def test_newuser33_a_bluesky_post_whose_handle_url_lookup_failed_is_not_known_to_have_no_copy(
        fakenet, tmp_path, monkeypatch):
    """The DID URL's lookup answered (no capture), the handle URL's failed (a 503): whether a copy exists is not known,
    never "no archived copy was found" (a capture under the handle may be there)."""
    out, archive = _reported_with_the_handle_lookup_failing(fakenet, tmp_path, monkeypatch, [])
    assert (archive["result"], archive["evidence"].startswith("not known: the archive lookup failed (")) == (
        "skip", True), archive
    assert "no archived copy was found" not in out


def test_review33r4_a_bluesky_copy_found_under_one_form_stands_when_the_other_form_s_lookup_failed(
        fakenet, tmp_path, monkeypatch):
    """A capture under the DID URL is listed; the handle URL's lookup failed (a 503). The capture found is a fact a
    recorded lookup shows: the report names it, never "not known: the archive lookup failed" over it; not read, it
    is no copy known (capture33), and another capture may be filed under the form whose lookup failed."""
    from tests.waybacknet import Capture

    shell = b"<html><head><title>Riverton Mayor on Bluesky</title></head><body>Shelters are open.</body></html>"
    _, archive = _reported_with_the_handle_lookup_failing(fakenet, tmp_path, monkeypatch,
                                                          [Capture("20260310100000", BY_DID, shell)])
    # read since fediarch41: a page that holds no post, no copy; the form whose lookup failed still said
    assert archive["evidence"].startswith(
        "the post is not found and no archived copy is known (1 capture listed; it shows a page that holds no post "
        "(its title: “Riverton Mayor on Bluesky”), not the post); whether another capture exists is not known: the "
        "archive lookup failed ("), archive


@pytest.mark.parametrize("filed_under, caveat", [(BY_HANDLE, True), (BY_DID, False)], ids=["handle", "did"])
def test_review33r4_a_copy_filed_under_a_handle_url_says_the_handle_may_have_named_another_account(
        fakenet, tmp_path, monkeypatch, filed_under, caveat):
    """A handle can move to another account (README), so a capture filed under a handle URL may be another account's
    page: the report said "an archived copy exists: <capture under the handle>" as plainly as for one under the DID,
    the README's caveat nowhere in the exhibit. The check says under which handle the copy is filed, and why that
    may not be this post's account; a capture under the DID needs no such word."""
    from tests.waybacknet import Capture

    fakenet.route("embed.bsky.app", "/oembed", json_page({"error": "NotFound", "message": "post not found"}, 404))
    shell = b"<html><head><title>Riverton Mayor on Bluesky</title></head><body>Shelters are open.</body></html>"
    # the fetch reads the captures under the DID and under the handle its embed shows (fediarch41, fixleft46c), the
    # DID's first: with one capture read (--captures 1), the one under the handle is listed and not read
    serve(fakenet, [Capture("20260310100000", filed_under, shell)] + ([Capture("20260309100000", BY_DID, shell)]
                                                                      if caveat else []))
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [APPVIEW])
    article = f"<html><body>{bluesky_blockquote()}</body></html>"
    code, out = run("report", "--format", "json", "--captures", "1", "skeet.html", name="skeet.html",
                    article=article)
    archive = checks_of(json.loads(out)["embeds"][0])["archive"]
    said = ("filed under the handle mayor.riverton.example, which may have named another account when it was "
            "captured")
    assert (said in archive["evidence"]) == caveat, archive
    code, md = run("report", "--offline", "skeet.html", name="skeet.html")
    assert (said in md) == caveat, md


NOT_FOUND_PAGE = (b"<html><head><title>Bluesky</title></head><body><p>Post not found</p>"
                  b"<p>The post may have been deleted.</p></body></html>")


def _skeet_captured(fakenet, tmp_path, monkeypatch, oembed, filed_under: str, body: bytes):
    """The Bluesky embed reported (JSON) with oEmbed answering `oembed` and one HTTP 200 capture of `body` filed
    under `filed_under`: (the CLI runner, the report, its one embed)."""
    from tests.waybacknet import Capture

    fakenet.route("embed.bsky.app", "/oembed", oembed)
    serve(fakenet, [Capture("20260310100000", filed_under, body)])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [APPVIEW])
    code, out = run("report", "--format", "json", "skeet.html", name="skeet.html",
                    article=f"<html><body>{bluesky_blockquote()}</body></html>")
    report = json.loads(out)
    return run, report, report["embeds"][0]


@pytest.mark.parametrize("filed_under", [BY_DID, BY_HANDLE], ids=["did", "handle"])
def test_capture33_a_gone_bluesky_posts_unread_capture_is_listed_never_an_archived_copy(
        fakenet, tmp_path, monkeypatch, filed_under):
    """review33r4 (#9, #4): the tool reads no Bluesky capture, yet any HTTP 200 capture of a gone post's page was "an
    archived copy exists" and counted as a copy, even one of Bluesky's "post not found" page (which `archive --save`
    itself makes). It is said as a capture listed and not read, never as a copy; the post stays at risk, in JSON,
    Markdown and HTML, and in the summary's count of posts with no archived copy."""
    gone = json_page({"error": "NotFound", "message": "post not found"}, 404)
    run, report, embed = _skeet_captured(fakenet, tmp_path, monkeypatch, gone, filed_under, NOT_FOUND_PAGE)
    assert embed["post"]["status"] == "not_found", embed["post"]
    capture = f"https://web.archive.org/web/20260310100000/{filed_under}"
    # the fetch lists the captures under its DID (fediarch41) and the handle its embed shows (fixleft46c): read
    read = True
    said = (f"at risk: the post is not found and no archived copy was found under {BY_DID} and {BY_HANDLE} (1 "
            f"capture listed; it shows a page that holds no post (its title: “Bluesky”), not the post)")
    assert capture
    archive = checks_of(embed)["archive"]
    assert (archive["result"], archive["evidence"].startswith(said)) == ("warn", True), archive
    assert embed["archived_copies"] == []
    assert (report["summary"]["archive"]["with_copy"], report["summary"]["archive"]["without_copy"]) == (0, 1)
    assert "an archived copy exists" not in json.dumps(report)
    for fmt in ("md", "html"):
        code, page = run("report", "--offline", "--format", fmt, "skeet.html", name="skeet.html")
        assert "an archived copy exists" not in page, fmt
        assert ("not read: whether it holds the post is not known" in page) == (not read), fmt
        assert ("none an archived copy" in page) == read, fmt   # not known either way, unless read
        assert "1 of 1 looked up" in page, fmt
    code, stats = run("stats", "--json", "--limit", "100")   # `stats` keeps it at risk as the report does
    at_risk = [r for r in map(json.loads, stats.splitlines()) if r["view"] == "at_risk_embeds"]
    assert [r["post_id"] for r in at_risk] == [embed["post_id"]], stats


def test_capture33_an_available_bluesky_posts_capture_is_still_counted_as_its_copy(fakenet, tmp_path, monkeypatch):
    """A capture of the page of a post available now keeps today's wording (README "Archived copies")."""
    page = b"<html><head><title>Riverton Mayor on Bluesky</title></head><body>Shelters are open.</body></html>"
    run, report, embed = _skeet_captured(fakenet, tmp_path, monkeypatch, json_page(BLUESKY_OEMBED), BY_DID, page)
    assert embed["post"]["status"] == "available", embed["post"]
    archive = checks_of(embed)["archive"]
    assert (archive["result"], archive["evidence"].startswith(
        f"1 archived copy, latest https://web.archive.org/web/20260310100000/{BY_DID}")) == ("pass", True), archive
    assert report["summary"]["archive"]["with_copy"] == 1
    code, stats = run("stats", "--json", "--limit", "100")
    assert not [r for r in map(json.loads, stats.splitlines()) if r["view"] == "at_risk_embeds"], stats


def _reported_with_the_handle_lookup_failing(fakenet, tmp_path, monkeypatch, captures) -> tuple[str, dict]:
    """A gone Bluesky post's JSON report (its output, its archive check) with `captures` in the archive and the
    lookup of its handle URL failing (a 503); the DID URL's answered."""
    from tests.fakenet import page

    fakenet.route("embed.bsky.app", "/oembed", json_page({"error": "NotFound", "message": "post not found"}, 404))
    serve(fakenet, captures)
    plain = fakenet.routes[("web.archive.org", "/cdx/search/cdx")][0]
    fakenet.route("web.archive.org", "/cdx/search/cdx",
                  lambda request: page("busy", 503)(request) if "mayor.riverton" in request.args.get("url", "")
                  else plain(request))
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + [APPVIEW])
    _, out = run("report", "--format", "json", "skeet.html", name="skeet.html",
                 article=f"<html><body>{bluesky_blockquote()}</body></html>")
    [embed] = json.loads(out)["embeds"]
    return out, checks_of(embed)["archive"]


def bluesky_answer(text: str, date: str) -> dict:
    """embed.bsky.app's answer for SKEET_URI: its `html` the post's blockquote, its words and its date."""
    return BLUESKY_OEMBED | {"html": bluesky_blockquote(text).replace("March 10, 2026 at 9:14 AM", date)}


def test_newuser40a_3_a_bluesky_quote_and_date_are_checked_against_the_words_and_day_its_answer_shows(fakenet, reporter):
    """Bluesky's oEmbed `html` is the post's blockquote, its words and its date: neither was read, so a changed word
    and a wrong day were "skip: no available post text" though the recorded answer held both (newuser40a #3)."""
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_answer("Shelters are open at the school.",
                                                                        "March 8, 2026 at 9:14 AM")))
    code, out = reporter("json")
    skeet = next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky")
    assert (skeet["post"]["text"], skeet["post"]["text_kind"]) == ("Shelters are open at the school.", "text")
    assert skeet["post"]["created_at"] == "2026-03-08"
    assert skeet["post"]["field_sources"]["text"] == skeet["post"]["field_sources"]["created_at"] == "oembed"
    assert skeet["post"]["fetch_ids"]
    checks = checks_of(skeet)
    assert checks["text"]["result"] == "fail", checks["text"]
    assert checks["date"]["result"] == "fail", checks["date"]
    assert checks["date"]["evidence"] == "article 2026-03-10, post created 2026-03-08"


def test_newuser40a_3_a_bluesky_answer_showing_the_same_words_and_day_passes(fakenet, reporter):
    fakenet.route("mastodon.social", "/api/oembed", json_page(MASTODON_OEMBED))
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_answer("Shelters are open at the town hall.",
                                                                        "March 10, 2026 at 9:14 AM")))
    code, out = reporter("json")
    checks = checks_of(next(e for e in json.loads(out)["embeds"] if e["platform"] == "bluesky"))
    assert (checks["text"]["result"], checks["date"]["result"]) == ("pass", "pass"), checks


def test_newuser40a_3_a_bluesky_answers_words_are_read_only_when_its_code_names_the_post_asked():
    """The words of another post's blockquote (another record key, another account's DID) are not this post's."""
    for uri, asked, read in [
        (SKEET_URI, "mayor.riverton.example/3kriverton22", True),
        (SKEET_URI, "did:plc:rivertonfictional0000001/3kriverton22", True),
        (SKEET_URI.replace("3kriverton22", "3kotherpost2"), "mayor.riverton.example/3kriverton22", False),
        (SKEET_URI, "did:plc:someoneelse000000000001/3kriverton22", False),
    ]:
        answer = bluesky_answer("Shelters are open.", "March 10, 2026 at 9:14 AM")
        body = json.dumps(answer | {"html": answer["html"].replace(SKEET_URI, uri)}).encode()
        url = f"https://bsky.app/profile/{asked.split('/')[0]}/post/3kriverton22"
        record = oembed.parse("bluesky", asked, url, 200, "application/json", body)
        assert (record.text, record.created_at) == (("Shelters are open.", "2026-03-10") if read else (None, None)), uri


def test_newuser40a_5_one_bluesky_post_linked_by_did_and_by_handle_is_one_post_with_the_reason_said(fakenet, reporter):
    """at://<did>/… and the handle's bsky.app URL of one post: the answer for the handle's link names the account's
    DID (its embed code's), so both are one post. The report counted two embeds, two posts, two posts with no archived
    copy, where `stats` (`may_be_same_post_as`) counted one (newuser40a #5)."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_answer("Shelters are open at the town hall.",
                                                                        "March 10, 2026 at 9:14 AM")))
    article = ("<html><body><p>The mayor posted it "
               '(<a href="https://bsky.app/profile/did:plc:rivertonfictional0000001/post/3kriverton22">here</a>), '
               'and <a href="https://bsky.app/profile/mayor.riverton.example/post/3kriverton22">again here</a>; '
               'and <a href="https://bsky.app/profile/mayor.riverton.example/post/3kotherpost2">another</a>.'
               "</p></body></html>")
    code, out = reporter("json", article)
    report = json.loads(out)
    assert [e["same_post_as"] for e in report["embeds"]] == [None, 1, None], out
    assert report["summary"]["posts"]["named"] == 2
    code, md = reporter("md", article)
    assert re.search(r"The same post as embed 1: the answer for this link \(fetch #\d+\) names its account by its "
                     r"DID, did:plc:rivertonfictional0000001, and embed 1 names that account's post 3kriverton22", md), md


@pytest.mark.parametrize("platform,post_id,said,result,whose", [
    # 112233445566778899 >> 16 ms: 2024-04-08T03:21:11Z; 3kq2vxyzabc2d: 2024-04-14T04:31:52Z (a TID's microseconds)
    ("mastodon", "mastodon.social/112233445566778899", "2024-04-08", "pass", "the instance mints it"),
    ("mastodon", "mastodon.social/112233445566778899", "2024-04-02", "warn", "the instance mints it"),
    ("bluesky", "did:plc:rivertonfictional0000001/3kq2vxyzabc2d", "2024-04-14", "pass", "the author's client"),
    ("bluesky", "did:plc:rivertonfictional0000001/3kq2vxyzabc2d", "2024-02-01", "warn", "the author's client"),
], ids=["mastodon-same-day", "mastodon-other-day", "bluesky-same-day", "bluesky-other-day"])
def test_newuser40a_3_with_no_dated_answer_the_id_dates_a_mastodon_or_bluesky_post_said_as_the_ids_time(
        platform, post_id, said, result, whose):
    """Mastodon's answer holds no date, nor a gone Bluesky post's: the date check skipped, though the id itself holds
    a time (Mastodon's snowflake, Bluesky's TID key). It is held against the article's day as the id's time, never as
    a fetched date, and never fails: neither is a recorded answer, and a TID is the author's client's to write."""
    from resolver.platforms import bluesky, mastodon
    from resolver.provenance import date_checks

    minted = (mastodon.id_time if platform == "mastodon" else bluesky.tid_time)(post_id)
    embed = {"platform": platform, "post_id": post_id, "date": said, "date_text": said, "detector": "html-blockquote"}
    post = {"platform": platform, "post_id": post_id, "status": "available", "text": None, "created_at": None,
            "method": "oembed", "field_sources": {}}
    checks = {c["name"]: c for c in date_checks(embed, post)}
    assert checks["date"]["result"] == "skip"
    assert checks["id-date"]["result"] == result, checks
    assert checks["id-date"]["evidence"].startswith(
        f"article {said}, the post's id {post_id.rpartition('/')[2]} holds the time {minted:%Y-%m-%dT%H:%M:%SZ}")
    assert "read from the id, not a fetched date" in checks["id-date"]["evidence"] and whose in checks["id-date"]["evidence"]
    dated = date_checks(embed, post | {"created_at": said + "T12:00:00Z"})
    assert [c["name"] for c in dated] == ["date"]   # a fetched date: the id is not read
