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
    assert (PAGE, "available", TEXT) in said, said
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
    assert [(c["status"], c["text"]) for c in post["archived"]] == [("available", TEXT)], post["archived"]
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
