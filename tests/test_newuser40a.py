"""What a Fediverse and Bluesky disinformation researcher found wrong (newuser40a, fixed by fixnu40a): a Threads post
credited to whoever its link names, a Mastodon boost read as the booster's post, a Bluesky embed showing a handle
no fetch ever showed for its account called "the same account", and an at:// URI `fetch` refused."""

import json

import pytest

from tests.test_fetch import json_page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

HOSTS = ["graph.threads.net", "mastodon.social", "infosec.exchange", "embed.bsky.app", "public.api.bsky.app", "web.archive.org",
         "archive.org"]


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    monkeypatch.setenv("META_ACCESS_TOKEN", "fictional-test-token")
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


def checks_of(embed: dict) -> dict[str, dict]:
    return {c["name"]: c for c in embed["checks"]}


def threads_oembed(user: str, code: str) -> dict:
    """graph.threads.net/v1.0/oembed's answer: html, provider_name, provider_url, type, version, width; no author
    field. The embed code's permalink is the only place it names the post's author."""
    permalink = f"https://www.threads.net/@{user}/post/{code}"
    return {"version": "1.0", "provider_name": "Threads", "provider_url": "https://www.threads.net/", "type": "rich",
            "width": 658,
            "html": f'<blockquote class="text-post-media" data-text-post-permalink="{permalink}" '
                    f'data-text-post-version="0" id="ig-tp-{code}" style="background:#FFF;"><a href="{permalink}" '
                    f'target="_blank"><div>Post by @{user}</div><div>View on Threads</div></a></blockquote>'
                    '<script async src="https://www.threads.net/embed.js"></script>'}


def test_newuser40a_a_threads_post_is_checked_against_the_author_its_answer_names(fakenet, reporter):
    """#1: Threads' oEmbed names the author only in its embed code's permalink, which was not read: a link naming
    @cityhall for @riverdesk.news's post was reported "threads post by @cityhall", the author check a skip ("the
    source names no author"). The permalink's user is the post's author, and the link's user is held against it."""
    fakenet.route("graph.threads.net", "/v1.0/oembed", json_page(threads_oembed("riverdesk.news", "C8rIvErDsK1")))
    article = ('<html><body><p>The city weighed in on Threads: <a href="https://www.threads.net/@cityhall/post/'
               'C8rIvErDsK1">its post</a>. Crews reopened the bridge at noon.</p></body></html>')
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["author"]["handle"] == "riverdesk.news", embed["post"]
    author = checks_of(embed)["author"]
    assert author["result"] == "fail", author
    assert "@cityhall" in author["evidence"] and "@riverdesk.news" in author["evidence"], author
    code, md = reporter("report", "article.html")
    assert "threads post by @riverdesk.news (the article says @cityhall)" in md, md
    # the link naming the right author passes
    fakenet.route("graph.threads.net", "/v1.0/oembed", json_page(threads_oembed("cityhall", "C8rIvErDsK2")))
    article = article.replace("C8rIvErDsK1", "C8rIvErDsK2")
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    [embed] = json.loads(out)["embeds"]
    assert checks_of(embed)["author"]["result"] == "pass", checks_of(embed)["author"]
    code, md = reporter("report", "article.html")
    assert "threads post by @cityhall" in md, md


def test_newuser40a_a_threads_answer_naming_another_post_is_not_taken_as_the_post():
    """#1: the embed code is the answer's word on which post it shows; another post's code says nothing of this
    one (as X's answer naming another status). An answer with no permalink still names no author."""
    from resolver.fetch import oembed

    url = "https://www.threads.net/@cityhall/post/C8rIvErDsK1"
    other = json.dumps(threads_oembed("riverdesk.news", "C8oThErPoSt")).encode()
    record = oembed.parse("threads", "C8rIvErDsK1", url, 200, "application/json", other)
    assert (record.status, record.author_handle) == ("unknown", None), record
    assert "C8oThErPoSt" in (record.reason or ""), record
    bare = {**threads_oembed("x", "C8rIvErDsK1"), "html": '<blockquote class="text-post-media">Bridge</blockquote>'}
    record = oembed.parse("threads", "C8rIvErDsK1", url, 200, "application/json", json.dumps(bare).encode())
    assert (record.status, record.author_handle) == ("available", None), record
    short = oembed.parse("threads", "C8rIvErDsK1", "https://www.threads.net/t/C8rIvErDsK1", 200, "application/json",
                         json.dumps(threads_oembed("riverdesk.news", "C8rIvErDsK1")).encode())
    assert (short.status, short.author_handle) == ("available", "riverdesk.news"), short


BOOST = "https://infosec.exchange/users/carol/statuses/112000000000000099/activity"


@pytest.mark.parametrize("url, kind, post_id", [
    (BOOST, "activity", None),
    ("https://infosec.exchange/users/carol/statuses/112000000000000099", "post", "infosec.exchange/112000000000000099"),
    ("https://infosec.exchange/users/carol/statuses/112000000000000099/embed", "post",
     "infosec.exchange/112000000000000099"),
    ("https://infosec.exchange/@carol/112000000000000099/embed", "post", "infosec.exchange/112000000000000099"),
    ("https://infosec.exchange/@carol/112000000000000099/reblogs", "post", "infosec.exchange/112000000000000099"),
    # collections of other accounts' replies, likes and boosts, and paths no instance serves: no post of carol's
    ("https://infosec.exchange/users/carol/statuses/112000000000000099/replies", None, None),
    ("https://infosec.exchange/users/carol/statuses/112000000000000099/likes", None, None),
    ("https://infosec.exchange/users/carol/statuses/112000000000000099/shares", None, None),
    ("https://infosec.exchange/users/carol/statuses/112000000000000099/activity/x", None, None),
    ("https://infosec.exchange/@carol/112000000000000099/activity", None, None),
    ("https://infosec.exchange/@carol/112000000000000099/anything/else", None, None),
])
def test_newuser40a_a_mastodon_path_after_the_status_id_is_read_not_ignored(url, kind, post_id):
    """#2: `/users/<u>/statuses/<id>` was taken as <u>'s post whatever followed it: `/activity` (the ActivityPub
    activity: a boost, an Announce, of another account's post, or the post's Create; the link does not say which)
    was reported as carol's post, looked up and counted at risk under her name. Mastodon serves `/embed` and, in its
    web app, `/reblogs` and `/favourites` of a post; `/activity` names an activity, no post; anything else nothing."""
    from resolver import platforms

    ref = platforms.parse_url(url)
    assert (ref.kind if ref else None, ref.post_id if ref else None) == (kind, post_id), ref


def test_newuser40a_a_boost_link_is_reported_as_an_activity_not_as_the_boosters_post(fakenet, reporter):
    """#2 end to end: the boost's link makes an embed of its own kind, with no post id: nothing is asked of the
    instance under carol's name, and the report says what the link is and why no post is named."""
    asked = []
    fakenet.route("infosec.exchange", "/api/oembed", lambda request: asked.append(request.url) or json_page(
        {"error": "Record not found"}, 404)(request))
    article = f"Carol Kim boosted Dave Lee's thread to her followers.\n\nThe boost itself: {BOOST}\n"
    code, out = reporter("report", "--format", "json", "article.txt", article=article, name="article.txt")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert (embed["platform"], embed["kind"], embed["post_id"]) == ("mastodon", "activity", None), embed
    assert asked == [], asked
    code, md = reporter("report", "article.txt")
    assert "mastodon post" not in md, md
    # the URL itself holds "activity": the report's own words for the link are what is asserted (review41a)
    assert "no post id: the link is to a Mastodon activity" in md and "of a boost by the account" in md, md


DID = "did:plc:riverdeskfictional00001"


def bluesky_oembed(handle: str, name: str) -> dict:
    """embed.bsky.app/oembed's answer: `author_name` "<display name> (@<handle>)", `author_url` the handle's profile,
    `html` the post's embed code naming it by DID."""
    post = f"https://bsky.app/profile/{DID}/post/3kriverdesk2a"
    return {"type": "rich", "version": "1.0", "author_name": f"{name} (@{handle})",
            "author_url": f"https://bsky.app/profile/{handle}", "provider_name": "Bluesky Social",
            "provider_url": "https://bsky.app", "cache_age": 86400, "width": 600,
            "html": f'<blockquote class="bluesky-embed" data-bluesky-uri="at://{DID}/app.bsky.feed.post/3kriverdesk2a" '
                    f'data-bluesky-cid="bafyfictional"><p lang="en">The north gate closed early.</p>&mdash; {name} '
                    f'(<a href="https://bsky.app/profile/{DID}?ref_src=embed">@{handle}</a>) '
                    f'<a href="{post}?ref_src=embed">March 10, 2024 at 9:12 PM</a></blockquote>'}


def bluesky_article(handle: str, name: str) -> str:
    post = f"https://bsky.app/profile/{DID}/post/3kriverdesk2a"
    return ('<html><body><p>The office confirmed it:</p><blockquote class="bluesky-embed" data-bluesky-uri="at://'
            f'{DID}/app.bsky.feed.post/3kriverdesk2a" data-bluesky-cid="bafyfictional"><p lang="en">The north gate '
            f'closed early.</p>&mdash; {name} (<a href="https://bsky.app/profile/{DID}?ref_src=embed">@{handle}</a>) '
            f'<a href="{post}?ref_src=embed">March 10, 2024 at 9:12 PM</a></blockquote></body></html>')


def test_newuser40a_a_bluesky_embed_showing_a_handle_never_seen_for_its_account_fails(fakenet, reporter):
    """#4: the embed code names the account by DID and shows another handle and name ("Gate Authority
    (@press.gates.example)"); the answer names the DID's account @riverdesk.example, "River Desk". It warned "handle
    changed … the same account, per its DID": no recorded fetch ever showed that handle for the account, and the
    names differ. As Mastodon's check does, it fails, saying what is known and what is not."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_oembed("riverdesk.example", "River Desk")))
    code, out = reporter("report", "--format", "json", "article.html",
                         article=bluesky_article("press.gates.example", "Gate Authority"))
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    author = checks_of(embed)["author"]
    assert author["result"] == "fail", author
    assert "the same account" not in author["evidence"], author
    for said in ("@press.gates.example", "Gate Authority", "@riverdesk.example", "River Desk", DID,
                 "no recorded fetch shows @press.gates.example as this account"):
        assert said in author["evidence"], (said, author)


def test_newuser40a_a_bluesky_handle_a_recorded_fetch_showed_for_the_account_is_a_rename(fakenet, reporter, tmp_path):
    """#4: with a recorded answer showing the article's handle as the account's (the same DID), the handle changed:
    a warn citing that fetch. With none but the same display name, a warn that says the handle was never seen."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_oembed("old.riverdesk.example", "River Desk")))
    code, out = reporter("report", "--format", "json", "article.html",
                         article=bluesky_article("old.riverdesk.example", "River Desk"))
    assert checks_of(json.loads(out)["embeds"][0])["author"]["result"] == "pass", out
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_oembed("riverdesk.example", "River Desk")))
    code, out = reporter("report", "--format", "json", "--refresh", "article.html")
    author = checks_of(json.loads(out)["embeds"][0])["author"]
    assert author["result"] == "warn", author
    assert "fetch #1" in author["evidence"] and "@old.riverdesk.example" in author["evidence"], author
    # a fresh cache: the handle never seen for the account, the name the same: a warn that says so
    (tmp_path / "c.db").unlink()
    code, out = reporter("report", "--format", "json", "article.html")
    author = checks_of(json.loads(out)["embeds"][0])["author"]
    assert author["result"] == "warn", author
    assert "no recorded fetch shows @old.riverdesk.example as this account" in author["evidence"], author
    assert "the same account" not in author["evidence"], author


def test_newuser40a_fetch_takes_a_bluesky_at_uri_as_the_post_it_names(fakenet, reporter):
    """#9: `fetch at://<did>/app.bsky.feed.post/<key>` was refused, "only http:// and https:// URLs are fetched",
    though `scan` reads the same URI as the post and the README lists it as a Bluesky form. It is the post's page
    https://bsky.app/profile/<did>/post/<key>; an at:// URI naming no post is refused saying which form is read."""
    fakenet.route("embed.bsky.app", "/oembed", json_page(bluesky_oembed("riverdesk.example", "River Desk")))
    uri = f"at://{DID}/app.bsky.feed.post/3kriverdesk2a"
    said: list[str] = []
    code, out = reporter("fetch", "--json", uri, said=said)
    assert code == 0, (out, said)
    post = json.loads(out)
    post = post[0] if isinstance(post, list) else post
    assert (post["status"], post["author"]["handle"]) == ("available", "riverdesk.example"), post
    said.clear()
    code, out = reporter("fetch", f"at://{DID}/app.bsky.actor.profile/self", said=said)
    assert code != 0 and "Traceback" not in out + "".join(said), (out, said)
    assert any("at://<did>/app.bsky.feed.post/<key>" in line for line in said), said


SIGNED = ("Thread: how the fake map spread from one channel to 40 accounts in a day.\n"
          "— Dave Lee (@dave@mastodon.social) {date}\n"
          "https://mastodon.social/@dave/112000000000000000\n\nThe account did not answer our questions.\n")


def test_newuser40a_a_signature_and_its_link_of_another_day_say_why_they_are_two_embeds():
    """#8: a Mastodon signature dated February 20 over its account's link whose id was made on February 26 were two
    embeds, "not identified" beside "available", with no word of why they were not one. They stay two (the link may
    be another post of the account's), and the signature's embed says why: its `id_doubt`, which the report gives as
    the reason it has no post id. With the day the id names, they are one, as before."""
    from resolver.extract.text import find_embeds

    signed, linked = find_embeds(SIGNED.format(date="February 20, 2024"))
    assert (signed.post_id, linked.post_id) == (None, "mastodon.social/112000000000000000"), (signed, linked)
    assert signed.id_doubt and "2024-02-26" in signed.id_doubt and "February 20, 2024" in signed.id_doubt, signed
    assert "@dave@mastodon.social" in signed.id_doubt and linked.id_doubt is None, (signed, linked)
    [one] = find_embeds(SIGNED.format(date="February 26, 2024"))
    assert (one.post_id, one.id_doubt) == ("mastodon.social/112000000000000000", None), one
