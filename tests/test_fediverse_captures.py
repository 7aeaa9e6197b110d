"""A deleted Mastodon or Bluesky post recovered from its archived copy (#9, #11): before, its Wayback captures were
listed and never read ("1 capture listed, not read: whether it holds the post is not known"); now they are read as
X's and Telegram's are, the post's words, author and day taken from a capture that names the post, never from a
capture of the account's page or of another post.

The fixtures are small fictional pages in the markup the services render (see resolver/fetch/mastodon.py): Mastodon
4.x's status page head (app/views/statuses/show.html.haml: og:url, og:title "Name (@user@instance)",
og:published_time, profile:username, og:description as StatusesHelper#status_description writes it, the
activity+json alternate link), and its page before 4.0 (_detailed_status.html.haml: .detailed-status, .e-content,
data.dt-published, a.detailed-status__datetime)."""

from __future__ import annotations

import json
from html import escape

import pytest

from resolver.fetch import mastodon, wayback
from tests.fakenet import page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["mastodon.social", "web.archive.org", "archive.org"]
STATUS = "112000000000000000"   # a snowflake of 2024-02-26
POST_ID = f"mastodon.social/{STATUS}"
PAGE = f"https://mastodon.social/@dave/{STATUS}"
TEXT = "The bridge on Route 9 is closed until Friday."


def status_head(*, user: str = "dave", status: str = STATUS, description: str = TEXT, name: str = "Dave Lee",
                when: str = "2024-02-26T21:52:55Z") -> bytes:
    """A Mastodon 4.x status page: the web app's shell with the status's head."""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(name)}: '
            f'&quot;{escape(description[:40])}…&quot; - Mastodon</title>'
            f'<link rel="alternate" type="application/json+oembed" href="https://mastodon.social/api/oembed?format=json'
            f'&amp;url=https%3A%2F%2Fmastodon.social%2F%40{user}%2F{status}">'
            f'<link rel="alternate" type="application/activity+json" href="https://mastodon.social/users/{user}/'
            f'statuses/{status}">'
            '<meta content="Mastodon" property="og:site_name"><meta content="article" property="og:type">'
            f'<meta content="{escape(name)} (@{user}@mastodon.social)" property="og:title">'
            f'<meta content="https://mastodon.social/@{user}/{status}" property="og:url">'
            f'<meta content="{when}" property="og:published_time"><meta content="en" property="og:locale">'
            f'<meta content="{user}@mastodon.social" property="profile:username">'
            f'<meta content="{escape(description)}" name="description">'
            f'<meta content="{escape(description)}" property="og:description">'
            '</head><body class="app-body"><div class="app-holder" id="mastodon" data-props="{}">'
            '<noscript>To use the Mastodon web application, please enable JavaScript.</noscript></div></body></html>'
            ).encode()


def account_page(user: str = "dave") -> bytes:
    """The account's page, where a deleted status's URL may be redirected (and captured)."""
    return (f'<!DOCTYPE html><html><head><title>Dave Lee (@{user}@mastodon.social) - Mastodon</title>'
            f'<meta content="Dave Lee (@{user}@mastodon.social)" property="og:title">'
            f'<meta content="https://mastodon.social/@{user}" property="og:url">'
            '<meta content="Reporter. Roads, bridges and the weather." property="og:description">'
            '<meta content="profile" property="og:type"></head><body></body></html>').encode()


def status_page_3x(*, focal: str = STATUS, text: str = TEXT) -> bytes:
    """A status page before Mastodon 4.0: an ancestor, the focal .detailed-status, a reply."""
    def simple(status: str, words: str) -> str:
        return (f'<div class="entry h-entry"><div class="status"><div class="status__info">'
                f'<a class="status__relative-time u-url u-uid" href="https://mastodon.social/@ann/{status}">'
                f'<time class="time-ago" datetime="2024-02-26T20:00:00Z">Feb 26</time></a></div>'
                f'<div class="status__content emojify"><div class="e-content"><p>{words}</p></div></div></div></div>')
    return ('<!DOCTYPE html><html><head><title>Dave Lee: "The bridge" - Mastodon</title></head><body>'
            '<div class="activity-stream">' + simple("111999999999999999", "Is the bridge open?") +
            '<div class="entry entry-center h-entry"><div class="detailed-status detailed-status--flex">'
            '<div class="p-author h-card"><a class="detailed-status__display-name u-url" '
            'href="https://mastodon.social/@dave"><span class="display-name"><bdi><strong class="display-name__html '
            'p-name emojify">Dave Lee</strong></bdi><span class="display-name__account">@dave@mastodon.social'
            '</span></span></a></div><div class="status__content emojify"><div class="e-content" dir="ltr">'
            f'<p>{text}</p><p>Detour via <a href="https://example.org/detour"><span class="invisible">https://</span>'
            '<span>example.org/detour</span></a></p></div></div><div class="detailed-status__meta">'
            '<data class="dt-published" value="2024-02-26T21:52:55+00:00"></data>'
            f'<a class="detailed-status__datetime u-url u-uid" href="https://mastodon.social/@dave/{focal}">'
            '<time class="formatted" datetime="2024-02-26T21:52:55Z">Feb 26, 2024</time></a></div></div></div>'
            + simple("112000000000000099", "Thanks, Dave.") + '</div></body></html>').encode()


def read(body: bytes, original: str | None = PAGE, status: int = 200):
    return mastodon.read_capture(POST_ID, status, "text/html; charset=utf-8", body, "wayback", original)


def test_a_mastodon_4_capture_gives_the_posts_words_author_and_time_from_its_head():
    record, form, notes = read(status_head())
    assert (record.status, form, record.text) == ("available", "page-head", TEXT), record
    assert (record.author_name, record.author_handle, record.created_at) == (
        "Dave Lee", "dave@mastodon.social", "2024-02-26T21:52:55Z")
    assert record.url == PAGE and notes == ()


def test_a_mastodon_description_with_media_or_a_content_warning_is_read_for_the_words_it_holds():
    record, _, notes = read(status_head(description=f"Attached: 1 image\n\n{TEXT}"))
    assert record.text == TEXT and notes and "Attached: 1 image" in notes[0], (record, notes)
    record, _, notes = read(status_head(description="Content warning: road news"))
    assert (record.status, record.text) == ("unknown", None), record
    assert "content warning" in (record.reason or ""), record


def test_a_mastodon_capture_before_4_0_gives_the_focal_status_never_its_neighbours():
    record, form, _ = read(status_page_3x())
    assert (record.status, form) == ("available", "status-page"), record
    assert record.text == f"{TEXT}\n\nDetour via https://example.org/detour"
    assert (record.author_name, record.author_handle, record.created_at) == (
        "Dave Lee", "dave@mastodon.social", "2024-02-26T21:52:55Z")
    record, form, _ = read(status_page_3x(focal="112000000000000001"))   # the page of another status
    assert (record.status, record.text) == ("unknown", None), record


@pytest.mark.parametrize("body, original, said", [
    (account_page(), PAGE, "the capture shows the account page https://mastodon.social/@dave, not the post"),
    (status_head(status="112000000000000001"), PAGE,
     "the captured page is the status https://mastodon.social/@dave/112000000000000001, not this one"),
    (status_head(user="eve"), PAGE, "the captured page is @eve@mastodon.social's status, not @dave@mastodon.social's"),
    (b"<html><head><title>Mastodon</title></head><body>Loading</body></html>", PAGE,
     "the capture shows a page that names no status (its title: \u201cMastodon\u201d), not the post"),
], ids=["profile", "another-status", "another-user", "no-status"])
def test_a_mastodon_capture_of_another_page_is_never_taken_as_the_post(body, original, said):
    record, _, _ = read(body, original)
    assert (record.status, record.text, record.reason) == ("unknown", None, said)


def test_a_mastodon_capture_that_is_the_instances_404_is_not_found_then():
    record, form, _ = read(b"<html><body>The page you are looking for isn't here.</body></html>", status=404)
    assert (record.status, form) == ("not_found", "none")


def test_only_this_mastodon_posts_pages_are_its_captures():
    assert mastodon.names_post(PAGE, POST_ID)
    assert mastodon.names_post(f"https://mastodon.social/users/dave/statuses/{STATUS}", POST_ID)
    assert mastodon.names_post(f"https://mastodon.social/@dave/{STATUS}/embed", POST_ID)
    assert not mastodon.names_post(f"https://mastodon.social/@dave/{STATUS}0", POST_ID)
    assert not mastodon.names_post(f"https://mastodon.social/@dave/{STATUS}/reblogs", POST_ID)
    assert not mastodon.names_post(f"https://mastodon.online/@dave/{STATUS}", POST_ID)
    assert mastodon.capture_pages(POST_ID, ["dave@mastodon.social", "Dave@mastodon.social", None]) == [
        f"mastodon.social/@dave/{STATUS}", f"mastodon.social/users/dave/statuses/{STATUS}",
        f"mastodon.social/@Dave/{STATUS}", f"mastodon.social/users/Dave/statuses/{STATUS}"]
    assert wayback.where_looked(wayback.looked_under(POST_ID, ["dave@mastodon.social"])) == (
        f"under {PAGE} and https://mastodon.social/users/dave/statuses/{STATUS} (its embed page too)")


def _oembed_gone(fakenet) -> None:
    fakenet.route("mastodon.social", "/api/oembed", page('{"error":"Record not found"}', 404,
                                                        content_type="application/json"))


ARTICLE = ('<html><body><p>Dave Lee wrote: “The bridge on Route 9 is closed until Friday.” '
           f'<a href="{PAGE}">(post)</a></p></body></html>')


def _posts(out: str) -> list[dict]:
    return json.loads(out)["posts"]


def test_a_deleted_mastodon_post_is_recovered_from_its_archived_copy_and_its_quote_checked(
        fakenet, tmp_path, monkeypatch):
    """The instance answers 404; the post's page was captured twice: once redirected to the account's page (no
    copy), once as its status page. The second is read: its words are shown, the article's quote is checked against
    them, the capture is cited, offline reads them from the cache with no request, and stats counts the copy."""
    _oembed_gone(fakenet)
    serve(fakenet, [Capture("20240227080000", PAGE, account_page()), Capture("20240227093000", PAGE, status_head())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = _posts(out)
    assert post["status"] == "not_found", post
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert (PAGE, "archived-copy", TEXT) in said, said
    assert (PAGE, "unknown", None) in said, said
    hits = len(fakenet.hits)
    code, md = run("report", "--offline", "a.html")
    assert len(fakenet.hits) == hits
    assert "listed, not read" not in md and "not read: whether" not in md, md
    assert "| Archived text | — | The bridge on Route 9 is closed until Friday. | wayback capture of " \
           "2024-02-27T09:30:00Z (page head tags only)" in md, md
    assert "✅ pass **text**: per the capture of 2024-02-27T09:30:00Z: the words quoted beside the link: the post's 9 " \
           "words, word for word" in md, md
    assert "(the capture shows the account page https://mastodon.social/@dave, not the post)" in md, md
    assert "note that 1 post is not found (an archived copy was checked)" in md, md
    code, out = run("fetch", "--reparse")   # the kept captures read again by today's reader, the captured URL given
    assert code == 0 and "re-derived 3 observations of 1 posts" in out, out
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    checks = {c["name"]: c for c in embed["checks"]}
    assert checks["text"]["result"] == "pass", checks["text"]
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == POST_ID], at_risk


def test_a_deleted_mastodon_posts_copy_under_its_activitypub_url_is_read_and_counted(fakenet, tmp_path, monkeypatch):
    """The post's page was never captured, its ActivityPub URL (`/users/<user>/statuses/<id>`, which a browser is
    shown the status page at) was: the fetch lists it too, reads it, and stats counts it as the post's copy."""
    _oembed_gone(fakenet)
    serve(fakenet, [Capture("20240227093000", f"https://mastodon.social/users/dave/statuses/{STATUS}",
                            status_head())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = _posts(out)
    # "archived-copy", as the cache's observation says: "available" is a live answer's word only (newuser44a #7)
    assert [(c["status"], c["text"]) for c in post["archived"]] == [("archived-copy", TEXT)], post["archived"]
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == POST_ID], at_risk


def test_a_deleted_mastodon_post_whose_only_capture_is_its_account_page_stays_unknown(fakenet, tmp_path, monkeypatch):
    """A capture of the post's URL that is the account's page (a deleted status redirected there) is read and said
    not to show the post: no words taken, "In short" says it was captured but does not show the post (before: "1
    capture listed, not read")."""
    _oembed_gone(fakenet)
    serve(fakenet, [Capture("20240227080000", PAGE, account_page())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, md = run("report", "--offline", "a.html")
    assert "note that 1 post is not found (captured, but the capture does not show the post)" in md, md
    assert "- Archived: 1 snapshot(s), none an archived copy (the capture shows the account page " \
           "https://mastodon.social/@dave, not the post)" in md, md
    assert "listed, not read" not in md and "| Archived text |" not in md, md
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["status"] == "not_found" and embed["archived_copies"] == [], embed
    checks = {c["name"]: c["result"] for c in embed["checks"]}
    assert (checks["text"], checks["archived-copy"]) == ("skip", "warn"), checks


# -- Bluesky ------------------------------------------------------------------------------------------------------
# bskyweb's templates/post.html: the head (og:title "Name (@handle)", og:url, og:description, article:published_time,
# the AT URI as <link rel="alternate">) and the noscript summary (#bsky_display_name, #bsky_handle, #bsky_did,
# #bsky_post_text, #bsky_post_indexedat).

from resolver.fetch import bluesky_pages as bluesky  # noqa: E402

DID = "did:plc:fictionalharbour00000001"
RKEY = "3kharbour2abc"
HANDLE = "harbour.example"
SKEET_ID = f"{HANDLE}/{RKEY}"
SKEET = f"https://bsky.app/profile/{HANDLE}/post/{RKEY}"
SKEET_TEXT = "Ferry service to the island is suspended today."


def skeet_page(*, handle: str = HANDLE, did: str = DID, rkey: str = RKEY, text: str = SKEET_TEXT,
               name: str = "Harbour Authority", noscript: bool = True) -> bytes:
    uri = f"at://{did}/app.bsky.feed.post/{rkey}"
    summary = (f'<noscript><div id="bsky_post_summary"><h3>Post</h3><p id="bsky_display_name">{escape(name)}</p>'
               f'<p id="bsky_handle">{handle}</p><p id="bsky_did">{did}</p><p id="bsky_post_text">{escape(text)}</p>'
               '<p id="bsky_post_indexedat">2024-03-10T09:14:07.512Z</p></div></noscript>') if noscript else ""
    return (f'<!DOCTYPE html><html><head><meta charset="UTF-8"><title>@{handle} on Bluesky</title>'
            f'<meta property="og:type" content="article"><meta property="profile:username" content="{handle}">'
            f'<meta property="og:url" content="https://bsky.app/profile/{handle}/post/{rkey}">'
            f'<meta property="og:title" content="{escape(name)} (@{handle})">'
            f'<meta name="description" content="{escape(text)}"><meta property="og:description" '
            f'content="{escape(text)}"><meta property="article:published_time" content="2024-03-10T09:14:07.512Z">'
            f'<link rel="alternate" href="{uri}"></head><body>{summary}<div id="root"></div></body></html>').encode()


SIGNED_IN_ONLY_PAGE = (
    f'<html><head><title>@{HANDLE} on Bluesky</title><meta property="og:url" content="{SKEET}">'
    f'<meta property="og:title" content="@{HANDLE}"><meta property="og:description" content="{bluesky.SIGNED_IN_ONLY}">'
    f'</head><body><noscript><div id="bsky_post_summary"><h3>Post</h3><p id="bsky_handle">{HANDLE}</p>'
    f'<p id="bsky_post_text">{bluesky.SIGNED_IN_ONLY}</p></div></noscript></body></html>').encode()
EMPTY_SHELL = b'<html><head><title>Bluesky</title></head><body><noscript></noscript><div id="root"></div></body></html>'


def read_skeet(body: bytes, post_id: str = SKEET_ID, original: str | None = SKEET):
    return bluesky.read_capture(post_id, 200, "text/html; charset=utf-8", body, "wayback", original)


def test_a_bluesky_capture_gives_the_posts_words_account_and_time_from_its_noscript_summary():
    record, form, notes = read_skeet(skeet_page())
    assert (record.status, form, record.text) == ("available", "noscript", SKEET_TEXT), record
    assert (record.author_handle, record.author_id, record.author_name, record.created_at) == (
        HANDLE, DID, "Harbour Authority", "2024-03-10T09:14:07Z")
    assert notes == (bluesky.INDEXED,)
    record, form, _ = read_skeet(skeet_page(noscript=False))   # the head alone
    assert (record.status, form, record.text, record.author_id) == ("available", "page-head", SKEET_TEXT, DID)
    record, _, _ = read_skeet(skeet_page(), post_id=f"{DID}/{RKEY}", original=f"https://bsky.app/profile/{DID}/post/"
                                                                               f"{RKEY}")
    assert record.status == "available", record


@pytest.mark.parametrize("body, post_id, original, said", [
    (SIGNED_IN_ONLY_PAGE, SKEET_ID, SKEET,
     "the capture shows Bluesky's notice that the author shows their posts only to signed-in readers, not the post"),
    (EMPTY_SHELL, SKEET_ID, SKEET, "the capture shows a page that holds no post (its title: \u201cBluesky\u201d), "
                                   "not the post"),
    (skeet_page(rkey="3kharbour2xyz"), SKEET_ID, SKEET, "the captured page is the post 3kharbour2xyz, not this one"),
    (skeet_page(handle="newowner.example", did="did:plc:someoneelse0000000000001"), SKEET_ID, SKEET,
     "the captured post is @newowner.example (did:plc:someoneelse0000000000001)'s, not @harbour.example's: a handle "
     "names whichever account holds it, and the capture does not tie this one to the post's"),
    (skeet_page(did="did:plc:someoneelse0000000000001"), f"{DID}/{RKEY}", f"https://bsky.app/profile/{DID}/post/{RKEY}",
     f"the captured post is @{HANDLE} (did:plc:someoneelse0000000000001)'s, not {DID}'s"),
], ids=["signed-in-only", "empty-shell", "another-post", "handle-now-another-account", "another-did"])
def test_a_bluesky_capture_that_does_not_show_this_post_is_never_taken_as_it(body, post_id, original, said):
    record, _, _ = read_skeet(body, post_id, original)
    assert (record.status, record.text, record.reason) == ("unknown", None, said)


def test_a_bluesky_capture_under_the_did_a_fetch_knew_is_the_posts_though_its_handle_changed():
    """Known by a handle, listed under the DID the fetch's answer gave: the page's DID is the URL's, so it is this
    account's post whatever handle the page shows."""
    record, _, _ = read_skeet(skeet_page(handle="renamed.example"), SKEET_ID,
                              f"https://bsky.app/profile/{DID}/post/{RKEY}")
    assert (record.status, record.author_handle, record.author_id) == ("available", "renamed.example", DID), record


def test_only_this_bluesky_posts_pages_are_its_captures():
    assert bluesky.names_post(SKEET, SKEET_ID) and bluesky.names_post(f"https://bsky.app/profile/{DID}/post/{RKEY}",
                                                                      SKEET_ID)
    assert not bluesky.names_post(f"{SKEET}x", SKEET_ID)
    assert not bluesky.names_post(f"https://bsky.app/profile/{HANDLE}", SKEET_ID)
    assert bluesky.capture_pages(SKEET_ID, [HANDLE, DID, "Harbour.Example"]) == [
        f"bsky.app/profile/{HANDLE}/post/{RKEY}", f"bsky.app/profile/{DID}/post/{RKEY}"]
    assert not bluesky.is_post_id(POST_ID) and bluesky.is_post_id(SKEET_ID) and not mastodon.is_post_id(SKEET_ID)


BSKY_HOSTS = ["embed.bsky.app", "public.api.bsky.app", "web.archive.org", "archive.org"]
SKEET_ARTICLE = (f'<html><body><p>The harbour authority posted: “Ferry service to the island is suspended today.” '
                 f'<a href="{SKEET}">(post)</a></p></body></html>')


def _skeet_gone(fakenet) -> None:
    """embed.bsky.app's oEmbed says not found; the AppView says the handle names no account now."""
    fakenet.route("embed.bsky.app", "/oembed", page('{"error":"NotFound","message":"post not found"}', 404,
                                                    content_type="application/json"))
    fakenet.route("public.api.bsky.app", "/xrpc/com.atproto.identity.resolveHandle", page(
        '{"error":"InvalidRequest","message":"Unable to resolve handle"}', 400, content_type="application/json"))


@pytest.mark.parametrize("linked", [SKEET, f"https://bsky.app/profile/{DID}/post/{RKEY}"], ids=["handle", "did"])
def test_a_deleted_bluesky_post_is_recovered_from_its_archived_copy_and_its_quote_checked(
        fakenet, tmp_path, monkeypatch, linked):
    """oEmbed says not found; the post's page was captured twice: once as the empty app shell (no copy), once
    rendered. The second is read, its words checked against the article's quote, offline from the cache too. By
    DID, the post is plainly not found, and "In short" says its copy was checked; by handle, it is "not found under
    the handle" (whose account it named is not known), and the capture under the handle is its copy all the same."""
    _skeet_gone(fakenet)
    serve(fakenet, [Capture("20240310100000", linked, EMPTY_SHELL), Capture("20240311100000", linked, skeet_page())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, BSKY_HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=SKEET_ARTICLE.replace(SKEET, linked),
                    name="a.html")
    [post] = _posts(out)
    assert post["status"] == "not_found", post
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert said == [(linked, "unknown", None), (linked, "archived-copy", SKEET_TEXT)], said
    hits = len(fakenet.hits)
    code, md = run("report", "--offline", "a.html")
    assert len(fakenet.hits) == hits
    assert "listed, not read" not in md and "not read: whether" not in md, md
    assert f"| Archived text | — | {SKEET_TEXT} | wayback capture of 2024-03-11T10:00:00Z" in md, md
    assert "✅ pass **text**: per the capture of 2024-03-11T10:00:00Z" in md, md
    assert "✅ pass **archived-copy**" in md, md
    if "did:" in linked:
        assert "note that 1 post is not found (an archived copy was checked)" in md, md
    code, out = run("stats", "--json")
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not at_risk, at_risk


def test_a_deleted_bluesky_post_whose_capture_shows_only_the_sign_in_notice_stays_unknown(
        fakenet, tmp_path, monkeypatch):
    _skeet_gone(fakenet)
    by_did = f"https://bsky.app/profile/{DID}/post/{RKEY}"
    serve(fakenet, [Capture("20240310100000", by_did, SIGNED_IN_ONLY_PAGE)])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, BSKY_HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=SKEET_ARTICLE.replace(SKEET, by_did), name="a.html")
    code, md = run("report", "--offline", "a.html")
    assert "note that 1 post is not found (captured, but the capture does not show the post)" in md, md
    assert "none an archived copy (the capture shows Bluesky's notice that the author shows their posts only to " \
           "signed-in readers, not the post)" in md, md
    assert "listed, not read" not in md and "| Archived text |" not in md, md
