"""Review of stop 40's Threads, Mastodon and Bluesky work (fixnu40a, fixnu40b) by review41a: each test is a wrong
answer or a broken promise found in it, seen failing before its fix."""

import pytest


@pytest.mark.parametrize("suffix", ["", "/embed", "/reblogs", "/favourites", "/quotes"])
def test_review41a_a_mastodon_posts_quotes_page_names_the_post(suffix):
    """Mastodon 4.5's web app serves `/@<user>/<id>/quotes` (the posts quoting it), beside `/reblogs` and
    `/favourites` (app/javascript/mastodon/features/ui/index.jsx): a page about the post, which it shows. fixnu40a's
    list of what may follow a post's id left it out, so a link to it, read as the post before stop 40, named no post
    at all and the embed was dropped."""
    from resolver import platforms

    ref = platforms.parse_url(f"https://infosec.exchange/@carol/112000000000000099{suffix}")
    assert ref is not None and (ref.kind, ref.post_id, ref.author_handle) == (
        "post", "infosec.exchange/112000000000000099", "carol@infosec.exchange"), ref


def test_review41a_a_mastodon_quotes_link_in_an_article_is_an_embed_of_the_post():
    from resolver.extract.text import find_embeds

    text = ("Carol Kim's post drew replies.\n\nSee https://infosec.exchange/@carol/112000000000000099/quotes for "
            "the quotes.\n")
    assert [(e.platform, e.post_id) for e in find_embeds(text)] == [("mastodon", "infosec.exchange/112000000000000099")]


@pytest.mark.parametrize("key", ["czzzzzzzzzzzz", "jzzzzzzzzzzzz", "c222222222222"])
def test_review41a_a_bluesky_key_with_its_top_bit_set_is_no_tid_and_holds_no_time(key):
    """atproto's TID spec: a 64-bit integer whose top bit is always 0, in 13 base32-sortable characters; the first
    character is then one of 2-7, a or b (a key of c-j has the top bit set). `tid_time` read such a key as a time
    all the same, 2262 to 2540, which the id-date check reported as the time the post's id holds."""
    from resolver.platforms.bluesky import tid_time
    from resolver.provenance import date_checks

    assert tid_time(key) is None
    post_id = f"did:plc:riverdeskfictional00001/{key}"
    embed = {"platform": "bluesky", "post_id": post_id, "date": "2024-03-10", "date_text": "March 10, 2024",
             "detector": "html-blockquote"}
    post = {"platform": "bluesky", "post_id": post_id, "status": "available", "text": None, "created_at": None,
            "method": "oembed", "field_sources": {}}
    assert [c["name"] for c in date_checks(embed, post)] == ["date"]


@pytest.mark.parametrize("key, when", [("3jzfcijpj2z2a", "2023-06-30T15:03:01"), ("bzzzzzzzzzzzz", "2255-06-05T23:47:34"),
                                       ("2222222222222", "1970-01-01T00:00:00")])
def test_review41a_a_tid_whose_top_bit_is_clear_still_holds_its_time(key, when):
    from resolver.platforms.bluesky import tid_time

    assert tid_time(key).strftime("%Y-%m-%dT%H:%M:%S") == when


DID = "did:plc:riverdeskfictional00001"


def bluesky_answer(code_key: str, *, author_url: str, words: str = "The north gate closed early.",
                   day: str = "March 10, 2024 at 9:12 PM") -> bytes:
    """embed.bsky.app/oembed's answer (bskyweb's embedr): `author_name` "<display name> (@<handle>)", `author_url`
    the account's profile, `html` the embed code of the post `code_key` of the account."""
    import json

    post = f"https://bsky.app/profile/{DID}/post/{code_key}"
    return json.dumps({
        "type": "rich", "version": "1.0", "author_name": "River Desk (@riverdesk.example)", "author_url": author_url,
        "provider_name": "Bluesky Social", "provider_url": "https://bsky.app", "cache_age": 86400, "width": 600,
        "html": f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{DID}/app.bsky.feed.post/{code_key}" '
                f'data-bluesky-cid="bafyfictional"><p lang="en">{words}</p>&mdash; River Desk (<a href="https://bsky.'
                f'app/profile/{DID}?ref_src=embed">@riverdesk.example</a>) <a href="{post}?ref_src=embed">{day}</a>'
                '</blockquote><script async src="https://embed.bsky.app/static/embed.js" charset="utf-8"></script>'}
    ).encode()


@pytest.mark.parametrize("asked", [f"{DID}/3kriverdesk2a", "riverdesk.example/3kriverdesk2a"], ids=["by-did", "by-handle"])
@pytest.mark.parametrize("author_url", [f"https://bsky.app/profile/{DID}", "https://bsky.app/profile/riverdesk.example"],
                         ids=["author-url-did", "author-url-handle"])
def test_review41a_a_bluesky_answers_words_and_day_are_read_only_from_the_asked_posts_code(asked, author_url):
    """fixnu40b read a Bluesky answer's words and day from its embed code "only when the code names the post asked".
    With `author_url` naming the account by DID, the DID was kept whenever the code named no other DID, even when
    the code was another post's of the account (another record key): that post's words and day were then this
    post's, and a true quote of it failed the text and date checks against another post's."""
    from resolver.fetch import oembed

    url = f"https://bsky.app/profile/{asked.replace('/', '/post/')}"
    other = oembed.parse("bluesky", asked, url, 200, "application/json",
                         bluesky_answer("3kotherpost2b", author_url=author_url, words="Another post's words entirely.",
                                        day="March 2, 2024 at 8:00 AM"))
    assert (other.text, other.created_at) == (None, None), other
    own = oembed.parse("bluesky", asked, url, 200, "application/json",
                       bluesky_answer("3kriverdesk2a", author_url=author_url))
    assert (own.text, own.created_at, own.author_id) == ("The north gate closed early.", "2024-03-10", DID), own


def test_review41a_in_short_names_a_mastodon_activity_among_what_is_no_post(tmp_path):
    """A Mastodon activity link (a boost, or the account's own post's record: fixnu40a's kind `activity`) is no post;
    "In short" said every such embed "links to what is no post: a playlist, a feed, a story, a clip or a live
    stream", none of which it is."""
    from click.testing import CliRunner

    from resolver.cli import cli

    story = tmp_path / "story.txt"
    story.write_text("Carol Kim boosted the thread.\n\nThe boost: https://infosec.exchange/users/carol/statuses/"
                     "112000000000000099/activity\n\nThe ministry said nothing more on Tuesday about the bridge.\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", str(story)])
    assert result.exit_code == 0, result.output
    [found] = [line for line in result.stdout.splitlines() if line.startswith("- **Found in the article**")]
    assert "none of them a post" in found and "a Mastodon activity" in found, found


@pytest.mark.parametrize("shown, now, result", [
    ("riverdesk.example", "handle.invalid", "skip"),
    ("handle.invalid", "riverdesk.example", "pass"),
], ids=["answer-handle-invalid", "article-handle-invalid"])
def test_review41a_a_bluesky_handle_invalid_is_no_handle_and_fails_no_author(fakenet, tmp_path, monkeypatch, shown,
                                                                              now, result):
    """`handle.invalid` is what Bluesky's AppView writes for an account whose handle it could not verify (a custom
    domain whose DNS record lapsed, say): no handle at all. fixnu40a's check of a handle never seen for the account
    took it for one, and with the display names differing failed the post's true author: "the article shows
    @riverdesk.example … which is @handle.invalid now … the post may be shown as another account's". The DID, which
    both name, is the account; the handle the other side shows is then all there is to say."""
    import json

    from tests.test_fetch import json_page
    from tests.test_newuser40a import HOSTS, bluesky_article, bluesky_oembed, checks_of
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import serve

    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_oembed(now, "River Desk News")))
    code, out = run("report", "--format", "json", "article.html", article=bluesky_article(shown, "River Desk"))
    assert code == 0, out
    author = checks_of(json.loads(out)["embeds"][0])["author"]
    assert author["result"] == result, author
    assert "@handle.invalid" not in author["evidence"], author


def test_review41a_an_answer_naming_its_author_only_as_handle_invalid_fails_no_link():
    """With no DID either (an answer whose code names no post of the account), `handle.invalid` was compared with
    the link's handle as a handle, and failed it."""
    from resolver.provenance import author_check

    embed = {"platform": "bluesky", "post_id": "riverdesk.example/3kriverdesk2a", "author_handle": "riverdesk.example",
             "detector": "html-link"}
    post = {"platform": "bluesky", "post_id": "riverdesk.example/3kriverdesk2a", "status": "available",
            "method": "oembed", "field_sources": {}, "fetch_ids": [1],
            "author": {"handle": "handle.invalid", "name": "River Desk", "id": None}}
    checked = author_check(embed, post)
    assert checked["result"] == "skip", checked


def test_review41a_an_at_uri_is_read_whatever_the_case_of_its_scheme():
    """A URI's scheme is case-insensitive (RFC 3986 §3.1): `AT://<did>/app.bsky.feed.post/<key>` was refused with the
    message naming that very form ("an at:// URI is read only as … at://<did>/app.bsky.feed.post/<key>")."""
    from resolver.targets import classify

    uri = "at://did:plc:riverdeskfictional00001/app.bsky.feed.post/3kriverdesk2a"
    page = "https://bsky.app/profile/did:plc:riverdeskfictional00001/post/3kriverdesk2a"
    assert classify(uri).url == classify("AT" + uri[2:]).url == classify("At" + uri[2:]).url == page


def test_review41a_an_answer_showing_handle_invalid_leaves_a_did_links_doubt_as_it_was(fakenet, tmp_path, monkeypatch):
    """A flattened signature's post linked by DID, whose answer shows the account as `@handle.invalid` (no handle it
    could verify): the answer names no handle, so the doubt stays "not checked to be @…'s". It said "the link names a
    post by @handle.invalid (…, per the post's answer); the signature says @mariaortega.bsky.social", as if the answer
    had named another account."""
    import json

    from tests.test_fetch import json_page
    from tests.test_signature_by_did import DOUBT, _article, _oembed
    from tests.test_verdicts import cli_on_fakenet
    from tests.waybacknet import serve

    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, ["embed.bsky.app", "web.archive.org", "archive.org"])
    fakenet.route("embed.bsky.app", "/oembed", json_page(_oembed("handle.invalid")))
    code, out = run("report", "--format", "json", "article.html", article=_article())
    assert code == 0, out
    assert json.loads(out)["embeds"][0]["id_doubt"] == DOUBT
