"""fix48a: answers left wrong or silent by stop 47. Fixtures are small and fictional: invented accounts, lists and
texts in the real services' URL forms."""

from __future__ import annotations

import pytest

from tests.test_verdicts import cli_on_fakenet
from tests.waybacknet import serve

HOSTS = ["web.archive.org", "archive.org", "www.youtube.com", "youtube.com", "linevoom.line.me", "line.me",
         "timeline.line.me"]


@pytest.fixture
def run(fakenet, tmp_path, monkeypatch):
    serve(fakenet, [])
    return cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)


# 2. A YouTube playlist's own page, `youtube.com/playlist?list=<id>` (the form YouTube's oEmbed provider entry lists
# beside `watch`), was no embed at all: an article linking its council's playlist said "0 embeds".
LIST = "PLr1vErT0nC0unc1lM33t1ngs2021xYz0"
PLAYLIST = f"https://www.youtube.com/playlist?list={LIST}"


@pytest.mark.parametrize("url, kind", [
    (PLAYLIST, "playlist"),
    (f"https://youtube.com/playlist?list={LIST}&si=AbCdEf", "playlist"),
    (f"https://m.youtube.com/playlist?list={LIST}", "playlist"),
    (f"https://www.youtube-nocookie.com/embed/videoseries?list={LIST}", "playlist"),
    ("https://www.youtube.com/playlist?list=UUabcdefghijklmnopqrstuv", "timeline"),
    ("https://www.youtube.com/playlist", None),
    ("https://www.youtube.com/playlist?list=", None),
], ids=["www", "bare-host-share", "mobile", "nocookie-player", "uploads", "no-list", "empty-list"])
def test_fix48a_2_a_playlist_page_is_a_playlist(url, kind):
    from resolver.platforms import parse_url

    ref = parse_url(url)
    if kind is None:
        assert ref is None, ref
        return
    assert ref is not None and (ref.platform, ref.kind) == ("youtube", kind), ref
    assert ref.url == f"https://www.youtube.com/playlist?list={ref.post_id}" and ref.post_id in url, ref


def test_fix48a_2_a_playlist_an_article_links_is_reported_and_fetch_asks_nothing(run, fakenet):
    import json

    article = ('<html><body><article><p>The council met on Monday and voted to close the bridge.</p>'
               f'<p>Its meetings are on <a href="{PLAYLIST}">YouTube</a>.</p>'
               '<p>Follow the council: <a href="https://www.youtube.com/playlist?list=UUabcdefghijklmnopqrstuv">'
               'its uploads</a>.</p></article></body></html>')
    code, out = run("scan", "--json", "article.html", article=article)
    assert code == 0, out
    embeds = json.loads(out)["embeds"]
    assert [(e["platform"], e["kind"], e["url"], e["post_id"]) for e in embeds] == [
        ("youtube", "playlist", PLAYLIST, LIST)], embeds
    said: list[str] = []
    code, out = run("fetch", PLAYLIST, said=said)
    what = "a YouTube playlist (videos someone listed, which shows whatever the list holds when it is opened)"
    assert code == 1 and said == [f"error: cannot fetch {PLAYLIST}: it is {what}, no post to fetch; nothing was asked"]
    assert fakenet.hits == [], fakenet.hits


# 3. A signature whose handle is longer than X's 15 characters ("(@rivertoncouncil1)", 16) gave no embed and no word:
# the flattened post was lost, where its form is X's widget's. Kept, the account not named, and said.
SIGNED16 = ("The council met on Monday and voted to close the bridge.\n\n"
            "Road closed until Friday while crews repair the deck. — Riverton Council (@rivertoncouncil1) May 3, 2021\n")
TOO_LONG = ("its signature names @rivertoncouncil1, 16 characters, where an X handle has at most 15: no X account is "
            "spelt so (a copy may have changed or added a letter), so the account is not named")


@pytest.mark.parametrize("where", ["text", "html"])
def test_fix48a_3_a_16_character_handle_in_a_signature_keeps_the_post_unnamed_and_said(where):
    from resolver.extract import find_all

    page = SIGNED16 if where == "text" else "<html><body>" + "".join(
        f"<p>{line}</p>" for line in SIGNED16.split("\n") if line) + "</body></html>"
    [embed] = find_all(page, where)[0]
    assert (embed.platform, embed.kind, embed.post_id, embed.author_handle, embed.author_name, embed.date) == (
        "twitter", "post", None, None, "Riverton Council", "2021-05-03"), embed
    assert embed.text == "Road closed until Friday while crews repair the deck.", embed.text
    assert embed.id_doubt == TOO_LONG, embed.id_doubt
    # 15 characters is an X handle, read as ever
    [embed] = find_all(SIGNED16.replace("rivertoncouncil1", "rivertoncouncil"), "text")[0]
    assert (embed.author_handle, embed.id_doubt) == ("rivertoncouncil", None), embed


def test_fix48a_3_the_scan_says_the_handle_is_no_x_handle(run):
    code, out = run("scan", "article.txt", article=SIGNED16, name="article.txt")
    assert code == 0, out
    assert "1 embed" in out and "rivertoncouncil1" in out, out
    assert "at most 15" in " ".join(out.split()), out
