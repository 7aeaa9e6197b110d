"""review36b: an adversarial review of fixnu35e (the research views count posts reached through links) and fixnu35f
(a link's end state; t.co links in the text not followed), each case built through the real CLI against loopback
servers speaking syndication's and a redirect's formats, and counted by hand first."""

from __future__ import annotations

import json

from tests.cliworld import World
from tests.corpusnet import no_limits
from tests.fakenet import redirect
from tests.test_link_rot import ALIVE, HANDLE, SUSPENDED, oembed, syndication, view_rows
from tests.waybacknet import serve

OTHER = "OtherDesk"   # the account a t.co in an embedded post's text leads to (a quoted post)


def posts_world(fakenet, tmp_path) -> World:
    """A world whose posts syndication answers (tests/test_link_rot.py's), oEmbed has none, the archive no capture."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", syndication)
    fakenet.route("publish.twitter.com", "/oembed", oembed)
    serve(fakenet, [])
    return World(fakenet, tmp_path, extra=no_limits())


def signature(quoted: str, own: str) -> str:
    """A post pasted as text: its words with a t.co link (here to another account's post it quotes), its
    pic.twitter.com link (its own media: that link leads to the post itself) and its signature line."""
    return (f"<p>Read what she wrote: https://t.co/{quoted} pic.twitter.com/{own} &mdash; Harbour Watch "
            f"(@{HANDLE}) May 3, 2021</p>")


def test_a_pasted_post_counts_under_its_own_post_not_the_one_a_tco_in_its_text_leads_to(fakenet, tmp_path):
    """A post pasted as text (no id: `html-text-signature`) carries a t.co in its words and its own
    pic.twitter.com link. `scan --resolve --fetch` follows both and ties both posts to the embed, the t.co's first
    (the embed's links before its media links). The views took the first tie as the embed's post: the live post of
    @HarbourWatch was counted as @OtherDesk's suspended one (1 dead of 1, a gone account that the article never
    embedded). By hand: 1 embed, its post alive, no gone account."""
    fakenet.route("t.co", "/Quote1", redirect(f"https://twitter.com/{OTHER}/status/{SUSPENDED}"))
    fakenet.route("pic.twitter.com", "/Own1", redirect(f"https://twitter.com/{HANDLE}/status/{ALIVE}/photo/1"))
    world = posts_world(fakenet, tmp_path)
    feed = tmp_path / "feed.jsonl"
    html = f"<html><body><h1>Story 1</h1><p>The council met.</p>{signature('Quote1', 'Own1')}</body></html>"
    feed.write_text(json.dumps({"url": "https://www.harbour.example/2021/story-1.html", "html": html}) + "\n")
    result = world("scan", "--resolve", "--fetch", "--jsonl", str(feed))
    assert result.exit_code == 0, result.output
    [row] = view_rows(world, "dead_embeds_by_outlet_year")
    assert (row["embeds"], row["embeds_checked"], row["dead"], row["suspended"]) == (1, 1, 0, 0), row
    assert view_rows(world, "gone_accounts_most_cited") == []
    [risk] = view_rows(world, "at_risk_embeds")
    assert (risk["post_id"], risk["post_status"], risk["handle"]) == (ALIVE, "available", HANDLE), risk


def test_link_embeds_count_once_per_article_and_post_across_articles_and_rescans(fakenet, tmp_path):
    """Counted by hand: story 1 embeds the suspended post as a blockquote and again by its pic link (1 embed);
    story 2, same outlet and year, embeds it by its pic link alone (1 embed: another article, so counted there too);
    story 3 embeds the deleted post by two pic links (1 embed). Story 1's file is then edited (the pic link alone) and the folder
    scanned again, its links and posts answered by the cache: its old version must not count. Total 3 embeds,
    3 dead, 3 articles."""
    from tests.test_link_rot import DELETED, blockquote, pic_link

    for code, post in (("Ps1", SUSPENDED), ("Ps2", SUSPENDED), ("Pd1", DELETED), ("Pd2", DELETED)):
        fakenet.route("pic.twitter.com", f"/{code}", redirect(f"https://twitter.com/{HANDLE}/status/{post}/photo/1"))
    world = posts_world(fakenet, tmp_path)

    folder = tmp_path / "site"
    folder.mkdir()

    def scan(*stories: tuple[int, str]) -> None:
        for n, body in stories:
            (folder / f"story-{n}.html").write_text(f"<html><body><h1>Story {n}</h1>{body}</body></html>")
        result = world("scan", "--resolve", "--fetch", str(folder))
        assert result.exit_code == 0, result.output

    scan((1, blockquote(SUSPENDED) + pic_link("Ps1")), (2, pic_link("Ps2")), (3, pic_link("Pd1") + pic_link("Pd2")))
    scan((1, "<p>Edited.</p>" + pic_link("Ps1")))
    [row] = view_rows(world, "dead_embeds_by_outlet_year")
    assert (row["embeds"], row["dead"], row["suspended"], row["deleted"], row["articles"]) == (3, 3, 2, 1, 3), row
    [gone] = view_rows(world, "gone_accounts_most_cited")
    assert (gone["articles"], gone["embeds"], gone["posts"]) == (3, 3, 2), gone


def test_a_link_resolved_by_scan_and_its_post_fetched_later_by_fetch_counts(fakenet, tmp_path):
    """`scan --resolve` (no --fetch) follows the pic link to the post; `fetch` of that post, a later run, finds it
    deleted. The embed reaches a post the cache holds, by a recorded resolution: v62 read only `embed_posts`, which
    only `scan --fetch` writes, so the article's gone post was counted nowhere (0 embeds)."""
    from tests.test_link_rot import DELETED, pic_link

    fakenet.route("pic.twitter.com", "/Pd1", redirect(f"https://twitter.com/{HANDLE}/status/{DELETED}/photo/1"))
    world = posts_world(fakenet, tmp_path)
    page = tmp_path / "story.html"
    page.write_text(f"<html><body><h1>Story</h1>{pic_link('Pd1')}</body></html>")
    assert world("scan", "--resolve", str(page)).exit_code == 0
    fetched = world("fetch", f"https://twitter.com/{HANDLE}/status/{DELETED}")
    assert fetched.exit_code == 0, fetched.output
    [row] = view_rows(world, "dead_embeds_by_outlet_year")
    assert (row["embeds"], row["dead"], row["deleted"]) == (1, 1, 1), row


def test_a_link_ending_at_a_refusal_is_unsure_not_a_live_end(fakenet, tmp_path):
    """fixnu35f said a 404/410 end `gone`; a 403 (refused: a login or a wall kept from programs) or a 451 (withheld
    for legal reasons) end came back `error` null, `gone` false, `unsure` null: read exactly as a live page, though
    the page was never seen. It is `unsure` now, saying why, in `resolve --json` and in the text view (from the
    cache). A 404 stays `gone` (not unsure), a 200 end neither."""
    from tests.fakenet import page
    from tests.test_cli_resolve import config_for, invoke

    for code in (403, 451, 404):
        fakenet.route("t.co", f"/e{code}", redirect(f"https://news.example/p{code}"))
        fakenet.route("news.example", f"/p{code}", page("<html><title>No</title></html>", code))
    fakenet.route("t.co", "/live", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page("<html><title>Story</title></html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example"))
    links = [f"https://t.co/e{code}" for code in (403, 451, 404)] + ["https://t.co/live"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    said = {d["url"]: d for d in map(json.loads, result.stdout.splitlines())}
    for code in (403, 451):
        end = said[f"https://t.co/e{code}"]
        assert (end["error"], end["final_status"], end["gone"]) == (None, code, False), end
        assert end["unsure"] == (f"https://news.example/p{code} answered {code}: its page was not seen, so whether "
                                 "it is there is not known"), end
    assert (said["https://t.co/e404"]["gone"], said["https://t.co/e404"]["unsure"]) == (True, None)
    assert said["https://t.co/live"]["unsure"] is None
    table = invoke(tmp_path, config, "resolve", *links)
    assert "unsure: https://news.example/p451 answered 451: its page was not seen" in table.stdout, table.stdout


def test_a_link_embed_keeps_its_post_when_a_later_refresh_of_its_link_fails(fakenet, tmp_path):
    """A pic link followed to its post (deleted) by `scan --resolve --fetch`; a year on, `scan --refresh` asks again
    and pic.twitter.com answers 503: the link's newest resolution is that error, and `embed_links` points to it. The
    post the link led to is still known from the earlier answer: the embed stays counted, under that post (a failure
    of the day is no change of where the link leads)."""
    from werkzeug.wrappers import Response

    from tests.test_link_rot import DELETED, pic_link

    busy = [False]

    def pic(request):
        if busy[0]:
            return Response("<html>busy</html>", status=503, content_type="text/html")
        return Response("", status=301, headers={"Location": f"https://twitter.com/{HANDLE}/status/{DELETED}/photo/1"})

    fakenet.route("pic.twitter.com", "/Pd1", pic)
    world = posts_world(fakenet, tmp_path)
    page = tmp_path / "story.html"
    page.write_text(f"<html><body><h1>Story</h1>{pic_link('Pd1')}</body></html>")
    assert world("scan", "--resolve", "--fetch", str(page)).exit_code == 0
    busy[0] = True
    again = world("scan", "--resolve", "--fetch", "--refresh", str(page))
    assert again.exit_code == 1 and "503" in again.output, again.output   # the link's error, said
    [row] = view_rows(world, "dead_embeds_by_outlet_year")
    assert (row["embeds"], row["dead"], row["deleted"]) == (1, 1, 1), row


def test_a_link_sent_from_its_page_to_the_sites_home_page_is_unsure(fakenet, tmp_path):
    """A removed story often redirects to its site's home page: t.co -> news.example/2020/story -> 301 ->
    news.example/ (200). The chain ended `final_status` 200, `gone` false, `unsure` null: a live end, though the
    story is not there. Read from the hops alone (no page words): an end at a site's root that a deeper page of the
    same site (www. or not) redirected to is `unsure`. A link that led to the home page itself (t.co -> news.example/)
    is not, nor a move from http to https of the same page, nor a page that redirected to another page."""
    from tests.fakenet import page
    from tests.test_cli_resolve import config_for, invoke

    fakenet.route("t.co", "/removed", redirect("https://news.example/2020/story"))
    fakenet.route("news.example", "/2020/story", redirect("https://www.news.example/"))
    fakenet.route("www.news.example", "/", page("<html><title>Home</title></html>"))
    fakenet.route("t.co", "/home", redirect("https://www.news.example/"))
    fakenet.route("t.co", "/moved", redirect("https://news.example/2020/old"))
    fakenet.route("news.example", "/2020/old", redirect("https://news.example/2020/new"))
    fakenet.route("news.example", "/2020/new", page("<html><title>Story</title></html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example", "www.news.example"))
    links = ["https://t.co/removed", "https://t.co/home", "https://t.co/moved"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    said = {d["url"]: d for d in map(json.loads, result.stdout.splitlines())}
    removed = said["https://t.co/removed"]
    assert (removed["final_status"], removed["gone"]) == (200, False)
    assert removed["unsure"] == ("https://news.example/2020/story redirected to its site's home page, "
                                 "https://www.news.example/: a page that is gone often does, so whether it is there is "
                                 "not known"), removed
    assert said["https://t.co/home"]["unsure"] is None and said["https://t.co/moved"]["unsure"] is None


def test_a_pasted_post_whose_only_link_is_a_tco_in_its_words_is_counted_under_no_post(fakenet, tmp_path):
    """A post pasted as text with no pic link: its one link, a t.co in its words, leads to the post it quotes
    (@OtherDesk's, suspended). That is not the pasted post: v62 counted the embed under it (dead 1, a gone account
    the article never embedded); it now names no post of its own, so it is counted nowhere, as any embed whose post
    is not known."""
    fakenet.route("t.co", "/Quote2", redirect(f"https://twitter.com/{OTHER}/status/{SUSPENDED}"))
    world = posts_world(fakenet, tmp_path)
    page = tmp_path / "story.html"
    page.write_text("<html><body><h1>Story</h1><p>The council met.</p><p>Read what she wrote: https://t.co/Quote2 "
                    f"&mdash; Harbour Watch (@{HANDLE}) May 3, 2021</p></body></html>")
    result = world("scan", "--resolve", "--fetch", "--json", str(page))
    assert result.exit_code == 0, result.output
    assert [e["detector"] for e in json.loads(result.stdout)["embeds"]] == ["html-text-signature"]
    assert view_rows(world, "dead_embeds_by_outlet_year") == []
    assert view_rows(world, "gone_accounts_most_cited") == []
