"""A removed TikTok video cited in an article, recovered from its archived page (#9, #11): before, its Wayback
captures were never read (TikTok was not among the platforms whose captures a fetch reads: a TikTok id is all digits,
as an X post's is, and the archive's readers told platforms apart by the id's shape alone); now they are read as
X's, Telegram's, Mastodon's, Bluesky's and YouTube's are: the caption, the account's handle and name and the time it
was posted, taken from a capture whose page state holds THAT video, never from one of another video, the account's
page, TikTok's home or login page, or a "video currently unavailable" page (a statusCode other than 0).

The fixtures are small fictional pages in the shapes tiktok.com served (see resolver/fetch/tiktok_pages.py): the
page of 2023 on (`__UNIVERSAL_DATA_FOR_REHYDRATION__`, `webapp.video-detail`, its `author` an object) and the page
before it (`SIGI_STATE`'s `ItemModule`, its `author` an object in some pages and the handle as a string, the name in
the item's `nickname`, in others: both read)."""

from __future__ import annotations

import json
from html import escape

import pytest

from resolver.fetch import tiktok_pages, wayback
from tests.fakenet import page
from tests.test_fetch import json_page
from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import Capture, serve

HOSTS = ["www.tiktok.com", "web.archive.org", "archive.org"]
VIDEO = "7299990000111122223"
OTHER = "7299990000111122999"
HANDLE = "rivertonfire"
NAME = "Riverton Fire Dept"
CAPTION = "Levee breach at dawn: crews opened the spillway at 5:40 #riverton #flood"
CREATED = 1699954330   # 2023-11-14T09:32:10Z
PAGE = f"https://www.tiktok.com/@{HANDLE}/video/{VIDEO}"


def universal(video: str = VIDEO, *, status: int = 0, item: dict | None = None, msg: str | None = None,
              og_url: str | None = None, scope: dict | None = None) -> bytes:
    """The page of 2023 on: its state in `__UNIVERSAL_DATA_FOR_REHYDRATION__`."""
    struct = item if item is not None else {
        "id": video, "desc": CAPTION, "createTime": str(CREATED),
        "author": {"id": "6800000000000000001", "uniqueId": HANDLE, "nickname": NAME},
        "video": {"duration": 31, "cover": "https://p16-sign.tiktokcdn.example/cover.jpeg"}}
    detail: dict = {"statusCode": status, "statusMsg": msg or "", "itemInfo": {"itemStruct": struct} if struct else {}}
    data = {"__DEFAULT_SCOPE__": scope if scope is not None else {"webapp.app-context": {"language": "en"},
                                                                   "webapp.video-detail": detail}}
    url = og_url or f"https://www.tiktok.com/@{HANDLE}/video/{video}"
    return (f'<!DOCTYPE html><html lang="en"><head><title>{escape(CAPTION)} | TikTok</title>'
            f'<meta property="og:url" content="{url}"><link rel="canonical" href="{url}"></head><body>'
            '<div id="app"></div><script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">'
            f'{json.dumps(data)}</script></body></html>').encode()


def sigi(video: str = VIDEO, *, author_form: str = "object", assigned: bool = False, rail: bool = True,
         status: int = 0, og_url: str | None = None) -> bytes:
    """The page before 2023: SIGI_STATE's ItemModule, the video and the rail's others beside it."""
    item: dict = {"id": video, "desc": CAPTION, "createTime": CREATED, "video": {"duration": 31}}
    if author_form == "object":
        item["author"] = {"id": "6800000000000000001", "uniqueId": HANDLE, "nickname": NAME}
    else:   # the handle as a string, the name and the account's id in the item itself
        item |= {"author": HANDLE, "nickname": NAME, "authorId": "6800000000000000001"}
    items = {video: item}
    if rail:
        items[OTHER] = {"id": OTHER, "desc": "Cute cats compilation", "createTime": CREATED - 99, "author": "catfan",
                        "nickname": "Cat Fan"}
    state = {"AppContext": {"lang": "en"}, "VideoPage": {"statusCode": status}, "ItemModule": items}
    url = og_url or f"https://www.tiktok.com/@{HANDLE}/video/{video}"
    script = (f"<script>window['SIGI_STATE']={json.dumps(state)};window['SIGI_RETRY']={{}}</script>" if assigned
              else f'<script id="SIGI_STATE" type="application/json">{json.dumps(state)}</script>')
    return (f'<!DOCTYPE html><html><head><title>{escape(NAME)} on TikTok</title>'
            f'<meta property="og:url" content="{url}"></head><body>{script}</body></html>').encode()


PROFILE = universal(scope={"webapp.user-detail": {"statusCode": 0, "userInfo": {"user": {"uniqueId": HANDLE}}}},
                    og_url=f"https://www.tiktok.com/@{HANDLE}")
PROFILE_SIGI = sigi(og_url=f"https://www.tiktok.com/@{HANDLE}").replace(b'"VideoPage": {"statusCode": 0}, ', b"")
HOME = universal(scope={"webapp.app-context": {"language": "en"}}, og_url="https://www.tiktok.com/")
LOGIN = universal(scope={"webapp.app-context": {"language": "en"}}, og_url="https://www.tiktok.com/login")
UNAVAILABLE = universal(status=10204, item={}, msg="item doesn't exist")


def read(body: bytes, status: int = 200):
    return tiktok_pages.read_capture(VIDEO, status, "text/html; charset=utf-8", body, "wayback", PAGE)


def test_a_2023_page_gives_the_videos_caption_handle_name_and_time():
    record, form, notes = read(universal())
    assert (record.status, form, record.text, notes) == ("available", "universal-data", CAPTION, ())
    assert (record.author_handle, record.author_name, record.author_id, record.created_at, record.url) == (
        HANDLE, NAME, "6800000000000000001", "2023-11-14T09:32:10Z", PAGE), record


@pytest.mark.parametrize("author_form", ["object", "string"])
@pytest.mark.parametrize("assigned", [False, True], ids=["script-json", "window-assigned"])
def test_a_sigi_state_page_is_read_whichever_form_its_author_takes(author_form, assigned):
    # the scrapers disagree: `author` an object ({"uniqueId", "nickname"}) in some pages, the handle as a string with
    # `nickname` beside it in others (yt-dlp reads both); the video's own item, never the rail's other video
    record, form, _ = read(sigi(author_form=author_form, assigned=assigned))
    assert (record.status, form, record.text) == ("available", "sigi-state", CAPTION), record
    assert (record.author_handle, record.author_name, record.author_id, record.created_at) == (
        HANDLE, NAME, "6800000000000000001", "2023-11-14T09:32:10Z"), record


@pytest.mark.parametrize("body, said", [
    (universal(OTHER), f"the captured page is the video {OTHER} (https://www.tiktok.com/@/video/{OTHER}), not this one"),
    (universal(item={"id": OTHER, "desc": "Cute cats compilation", "author": {"uniqueId": "catfan"}},
               og_url=PAGE), f"the captured page is the video {OTHER} (https://www.tiktok.com/@/video/{OTHER}), not "
                             "this one"),
    (sigi(OTHER, rail=False), f"the captured page is the video {OTHER} (https://www.tiktok.com/@/video/{OTHER}), not "
                              "this one"),
    (UNAVAILABLE, "the capture shows TikTok's notice (statusCode 10204 “item doesn't exist”) in the video's place, "
                  "not the video"),
    (sigi(status=10216), "the capture shows TikTok's notice (statusCode 10216) in the video's place, not the video"),
    (PROFILE, f"the capture shows the account page https://www.tiktok.com/@{HANDLE}, not the video"),
    (PROFILE_SIGI, f"the capture shows the account page https://www.tiktok.com/@{HANDLE}, not the video"),
    (HOME, "the capture shows TikTok's home page (the video's URL redirected there), not the video"),
    (LOGIN, "the capture shows TikTok's login page, not the video"),
    (b"<html><head><title>TikTok - Make Your Day</title></head><body><p>Video currently unavailable</p></body></html>",
     "the capture shows a page that holds no video (its title: “TikTok - Make Your Day”), not the video"),
], ids=["another-video", "another-video-same-url", "another-video-sigi", "unavailable", "private-sigi", "profile",
        "profile-sigi", "home", "login", "no-state"])
def test_a_capture_of_another_page_is_never_taken_as_the_video(body, said):
    record, form, _ = read(body)
    assert (record.status, record.text, record.author_name, record.reason, form) == ("unknown", None, None, said,
                                                                                     "none")


def test_a_video_with_no_caption_gives_its_account_and_time_and_no_words():
    item = {"id": VIDEO, "desc": "", "createTime": CREATED, "author": {"uniqueId": HANDLE, "nickname": NAME}}
    record, form, _ = read(universal(item=item))
    assert (record.status, record.reason, record.text, record.author_handle, record.created_at) == (
        "unknown", tiktok_pages.NO_CAPTION, None, HANDLE, "2023-11-14T09:32:10Z"), record


@pytest.mark.parametrize("created", [None, "", "soon", True, 0], ids=["absent", "empty", "words", "bool", "zero"])
def test_a_page_with_no_posting_time_says_so_and_gives_no_date(created):
    item = {"id": VIDEO, "desc": CAPTION, "author": {"uniqueId": HANDLE, "nickname": NAME}}
    if created is not None:
        item["createTime"] = created
    record, _, notes = read(universal(item=item))
    assert (record.status, record.text, record.created_at, notes) == ("available", CAPTION, None,
                                                                      (tiktok_pages.NO_TIME,)), record


def test_a_capture_that_is_tiktoks_404_is_not_found_then():
    record, form, _ = read(b"<html><body>Not Found</body></html>", status=404)
    assert (record.status, form) == ("not_found", "none")


def test_a_tiktok_id_is_told_from_an_x_posts_by_its_platform_and_x_captures_are_read_as_before():
    assert wayback.capture_queries(VIDEO, [HANDLE], "tiktok") == [f"www.tiktok.com/@{HANDLE}/video/{VIDEO}"]
    assert wayback.capture_queries(VIDEO, [None], "tiktok") == [f"www.tiktok.com/@/video/{VIDEO}"]
    assert wayback.capture_queries(VIDEO, [HANDLE])[0] == f"twitter.com/{HANDLE}/status/{VIDEO}"   # an X post's
    assert wayback.read(VIDEO, 200, "text/html", universal(), PAGE, "tiktok").record.text == CAPTION
    assert wayback.read(VIDEO, 200, "text/html", universal(), PAGE).record.platform == "twitter"
    assert tiktok_pages.names_post(f"https://www.tiktok.com/@someone_else/video/{VIDEO}?lang=en", VIDEO)
    assert not tiktok_pages.names_post(f"https://www.tiktok.com/@{HANDLE}", VIDEO)
    assert not tiktok_pages.names_post(f"https://www.tiktok.com/@{HANDLE}/video/{OTHER}", VIDEO)
    snaps = [type("S", (), {"timestamp": "20231115000000", "original": PAGE, "mimetype": "text/html",
                            "status": "200", "digest": "A"})()]
    assert wayback.choose_captures(snaps, VIDEO, platform="tiktok") == snaps
    assert wayback.choose_captures(snaps, VIDEO) == []   # as an X post's: a TikTok page is none of its captures


# -- the whole path: scan --fetch, then report --offline ------------------------------------------------------------

ARTICLE = ('<html><body><p>The fire department posted the footage that morning.</p>'
           f'<blockquote class="tiktok-embed" cite="{PAGE}" data-video-id="{VIDEO}"><section>'
           f'<a title="@{HANDLE}" href="https://www.tiktok.com/@{HANDLE}">@{HANDLE}</a> {escape(CAPTION)}'
           '</section></blockquote></body></html>')


def _video_gone(fakenet, status: int = 404) -> None:
    if status == 400:
        fakenet.route("www.tiktok.com", "/oembed", json_page({"code": 400, "message": "Something went wrong"}, 400))
    else:
        fakenet.route("www.tiktok.com", "/oembed", page("Not Found", status, content_type="text/html"))


@pytest.mark.parametrize("oembed", [404, 400])
def test_a_removed_tiktok_video_is_recovered_from_its_archived_page(fakenet, tmp_path, monkeypatch, oembed):
    """oEmbed answers 404 (or TikTok's 400 "Something went wrong"); the page was captured twice: once as the account's
    page (the removed video's URL redirected there), once as the video's. The second is read: its caption, handle,
    name and time are shown, the capture cited; offline reads them from the cache with no request."""
    _video_gone(fakenet, oembed)
    serve(fakenet, [Capture("20231115080000", PAGE, PROFILE), Capture("20231201093000", PAGE, universal())])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    code, out = run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    [post] = json.loads(out)["posts"]
    said = [(c["original"], c["status"], c["text"]) for c in post["archived"]]
    assert said == [(PAGE, "unknown", None), (PAGE, "archived-copy", CAPTION)], said
    hits = len(fakenet.hits)
    code, md = run("report", "--offline", "a.html")
    assert len(fakenet.hits) == hits
    assert "listed, not read" not in md and "not read: whether" not in md, md
    assert f"| Archived text | — | {CAPTION}" in md and "wayback capture of 2023-12-01T09:30:00Z" in md, md
    assert "| Archived date | — | 2023-11-14T09:32:10Z | wayback capture of 2023-12-01T09:30:00Z (universal-data)" \
           in md, md
    assert f"(the capture shows the account page https://www.tiktok.com/@{HANDLE}, not the video)" in md, md
    code, out = run("report", "--offline", "--format", "json", "a.html")
    [embed] = json.loads(out)["embeds"]
    checks = {c["name"]: c for c in embed["checks"]}
    assert checks["archived-copy"]["result"] == "pass", checks["archived-copy"]
    code, out = run("stats", "--json")   # the copy counted: the video is not at risk
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == VIDEO], at_risk


def test_a_removed_tiktok_video_whose_only_capture_is_another_video_stays_unknown(fakenet, tmp_path, monkeypatch):
    _video_gone(fakenet)
    serve(fakenet, [Capture("20231201093000", PAGE, universal(OTHER, og_url=PAGE))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, md = run("report", "--offline", "a.html")
    assert "| Archived text |" not in md and "Cute cats" not in md, md
    assert f"(the captured page is the video {OTHER} (https://www.tiktok.com/@/video/{OTHER}), not this one)" in md, md
    assert "captured, but the capture does not show the post" in md, md


@pytest.mark.parametrize("oembed", [404, 400])
def test_a_removed_tiktok_video_with_no_capture_says_where_it_was_looked_up(fakenet, tmp_path, monkeypatch, oembed):
    _video_gone(fakenet, oembed)
    serve(fakenet, [])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)
    run("scan", "--fetch", "--json", "a.html", article=ARTICLE, name="a.html")
    code, md = run("report", "--offline", "a.html")
    said = "no archived copy was found" if oembed == 404 else "no archived copy is known"   # gone, or not known
    assert f"{said} under {PAGE} (per the CDX lookup of URLs starting with {PAGE}" in md, md


@pytest.mark.parametrize("short, host, path", [("https://vm.tiktok.com/ZMriver01/", "vm.tiktok.com", "/ZMriver01/"),
                                               ("https://www.tiktok.com/t/ZTriver01/", "www.tiktok.com",
                                                "/t/ZTriver01/")], ids=["vm", "t"])
def test_a_removed_tiktok_video_behind_a_short_link_is_looked_up_the_same(fakenet, tmp_path, monkeypatch, short, host,
                                                                          path):
    """An article links the video by its share sheet's short link alone: the link, resolved hop by hop to the video's
    page, names the video and its handle, and the video's captures are looked up under that page and read."""
    from tests.fakenet import redirect

    _video_gone(fakenet)
    fakenet.route(host, path, redirect(f"{PAGE}?_r=1&_t=8fictional", 301))
    serve(fakenet, [Capture("20231201093000", f"{PAGE}?lang=en", sigi(author_form="string"))])
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "vm.tiktok.com"])
    article = f"<html><body><p>The fire department posted <a href='{short}'>the footage</a> that morning.</p></body></html>"
    code, out = run("scan", "--resolve", "--fetch", "--json", "a.html", article=article, name="a.html")
    [post] = json.loads(out)["posts"]
    assert (post["post_id"], post["status"]) == (VIDEO, "not_found"), post
    assert [(c["original"], c["status"], c["text"]) for c in post["archived"]] == [
        (f"{PAGE}?lang=en", "archived-copy", CAPTION)], post["archived"]
    code, md = run("report", "--offline", "a.html")
    assert f"| Archived text | — | {CAPTION}" in md and "(sigi-state)" in md, md
    code, out = run("stats", "--json")   # the copy under the page with its query counted: the video is not at risk
    at_risk = [json.loads(line) for line in out.splitlines() if line.startswith('{"view": "at_risk_embeds"')]
    assert not [row for row in at_risk if row["post_id"] == VIDEO], at_risk


YOUTUBE = "Rm0vedClip2"


@pytest.mark.parametrize("platform, oembed, exit_code", [("tiktok", 404, 0), ("youtube", 404, 0), ("tiktok", 400, 1)],
                         ids=["tiktok-404", "youtube-404", "tiktok-400"])
def test_a_removed_video_exits_as_its_platforms_answer_says_the_same_on_both_platforms(
        fakenet, tmp_path, monkeypatch, platform, oembed, exit_code):
    """CLOSING-stop42: "deleted TikTok exit 1 vs removed YouTube exit 0". The exit code follows the answer, not the
    platform (README, Exit codes): a video either platform's oEmbed answers 404 for is not found, an answer, exit 0,
    its capture read or not; TikTok's 400 "Something went wrong" says only that TikTok will not give the video (removed,
    private, or a fault of its own: not known which), an `error` of the source, exit 1 with its error line, though its
    capture is read and shown all the same (fixleft43a's decision: a 400 is no answer that the video is gone)."""
    if platform == "tiktok":
        _video_gone(fakenet, oembed)
        serve(fakenet, [Capture("20231201093000", PAGE, universal())])
        article = ARTICLE
    else:
        fakenet.route("www.youtube.com", "/oembed", page("Not Found", 404, content_type="text/html"))
        serve(fakenet, [])
        article = f'<html><body><iframe src="https://www.youtube.com/embed/{YOUTUBE}"></iframe></body></html>'
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, [*HOSTS, "www.youtube.com"])
    said: list[str] = []
    code, out = run("scan", "--fetch", "--json", "a.html", article=article, name="a.html", said=said)
    assert code == exit_code, (out, said)
    [post] = json.loads(out)["posts"]
    assert post["status"] == ("error" if oembed == 400 else "not_found"), post
    errors = [line for line in said if line.startswith("error:")]
    assert bool(errors) == (exit_code == 1), said
    if oembed == 400:
        assert "TikTok answers so for a video it will not give" in errors[0], errors
    if platform == "tiktok":
        assert [c["text"] for c in post["archived"]] == [CAPTION], post["archived"]
    code, _ = run("report", "--offline", "a.html")
    assert code == exit_code
