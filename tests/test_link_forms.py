"""Link forms an article holds that were dropped without a word (newuser36 #4, #5): Facebook's link shim with its
target percent-encoded, Mastodon's old web UI links, an Instagram link in capitals; and what is no post but one
person's content at one time (an Instagram story, a YouTube clip, a TikTok live), now an embed of its own kind, said
to be no post the tool identifies. Fixtures are fictional."""

import pytest

from resolver import extract
from resolver.extract.text import find_embeds
from resolver.platforms import parse_url

SHIM = "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.instagram.com%2Fp%2FC4gHiJkLmNo%2F&h=AT0abc"

FORMS = [
    ("fb-shim", SHIM, "instagram", "post", "C4gHiJkLmNo", None, "https://www.instagram.com/p/C4gHiJkLmNo/"),
    ("fb-shim-mobile", "https://lm.facebook.com/l.php?u=https%3A%2F%2Ft.me%2Fcvk_news%2F882&h=AT1",
     "telegram", "post", "cvk_news/882", "cvk_news", "https://t.me/cvk_news/882"),
    ("fb-shim-escaped-amp", SHIM.replace("&", "&amp;"), "instagram", "post", "C4gHiJkLmNo", None,
     "https://www.instagram.com/p/C4gHiJkLmNo/"),
    ("mastodon-web-at", "https://mastodon.social/web/@alice/113500000000000002", "mastodon", "post",
     "mastodon.social/113500000000000002", "alice@mastodon.social", "https://mastodon.social/@alice/113500000000000002"),
    ("mastodon-web-statuses", "https://mastodon.social/web/statuses/113500000000000003", "mastodon", "post",
     "mastodon.social/113500000000000003", None, "https://mastodon.social/web/statuses/113500000000000003"),
    ("instagram-capitals", "HTTPS://WWW.INSTAGRAM.COM/P/C5hIjKlMnOp/", "instagram", "post", "C5hIjKlMnOp", None,
     "https://www.instagram.com/p/C5hIjKlMnOp/"),
    ("instagram-reel-capitals", "https://www.instagram.com/REEL/C5hIjKlMnOp", "instagram", "post", "C5hIjKlMnOp", None,
     "https://www.instagram.com/p/C5hIjKlMnOp/"),
    ("instagram-story", "https://www.instagram.com/stories/candidatex/3412345678901234567/", "instagram", "story",
     None, "candidatex", "https://www.instagram.com/stories/candidatex/3412345678901234567/"),
    ("youtube-clip", "https://www.youtube.com/clip/UgkxAbCdEfGhIjKlMnOpQrStUvWxYz012345", "youtube", "clip", None,
     None, "https://www.youtube.com/clip/UgkxAbCdEfGhIjKlMnOpQrStUvWxYz012345"),
    ("tiktok-live", "https://www.tiktok.com/@countwatch/live", "tiktok", "live", None, "countwatch",
     "https://www.tiktok.com/@countwatch/live"),
]


@pytest.mark.parametrize("url, platform, kind, post_id, handle, canonical", [f[1:] for f in FORMS],
                         ids=[f[0] for f in FORMS])
def test_the_link_form_is_read(url, platform, kind, post_id, handle, canonical):
    ref = parse_url(url)
    assert ref is not None
    assert (ref.platform, ref.kind, ref.post_id, ref.author_handle, ref.url) == (platform, kind, post_id, handle,
                                                                                 canonical)


@pytest.mark.parametrize("url, platform, kind, post_id, handle, canonical", [f[1:] for f in FORMS],
                         ids=[f[0] for f in FORMS])
def test_the_link_form_is_an_embed_in_text_and_in_html(url, platform, kind, post_id, handle, canonical):
    [in_text] = find_embeds(f"The campaign shared it: {url} on Tuesday.")
    href = url.replace("&", "&amp;")
    embeds, _ = extract.find_all(f'<html><body><article><p>The campaign <a href="{href}">shared it</a> on Tuesday.'
                                 "</p></article></body></html>", "html")
    [in_html] = embeds
    for embed in (in_text, in_html):
        assert (embed.platform, embed.kind, embed.post_id, embed.url) == (platform, kind, post_id, canonical)


@pytest.mark.parametrize("url", [
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fnews%2Fstory.html&h=AT0abc",   # no post
    "https://l.facebook.com/l.php?h=AT0abc",                                                    # no target
    "https://www.instagram.com/stories/highlights/17900000000000001/",                         # a highlight reel
    "https://www.instagram.com/stories/candidatex/",                                           # the account's stories
    "https://www.tiktok.com/@countwatch",                                                      # a profile
], ids=["shim-to-a-page", "shim-no-target", "story-highlights", "stories-page", "tiktok-profile"])
def test_what_names_no_post_nor_a_persons_item_stays_no_embed(url):
    ref = parse_url(url)
    assert ref is None or ref.kind == "profile"
    assert find_embeds(f"See {url} today.") == []


@pytest.mark.parametrize("written, post_id, url", [
    ("hachyderm.io/web/@alice/113500000000000002", "hachyderm.io/113500000000000002",
     "https://hachyderm.io/@alice/113500000000000002"),
    ("hachyderm.io/web/statuses/113500000000000003", "hachyderm.io/113500000000000003",
     "https://hachyderm.io/web/statuses/113500000000000003"),
], ids=["web-at", "web-statuses"])
def test_a_mastodon_web_ui_link_without_its_scheme_is_a_post(written, post_id, url):
    [embed] = find_embeds(f"See {written} now.")
    assert (embed.platform, embed.post_id, embed.url) == ("mastodon", post_id, url)


def test_a_report_says_a_story_a_clip_and_a_live_are_no_posts(tmp_path):
    """The report's Status said "the article kept no link", though it kept one: the link names no post."""
    import json

    from click.testing import CliRunner

    from resolver.cli import cli

    article = tmp_path / "night.txt"
    article.write_text("Election night.\nhttps://www.instagram.com/stories/candidatex/3412345678901234567/\n"
                       "https://www.youtube.com/clip/UgkxAbCdEfGhIjKlMnOpQrStUvWxYz012345\n"
                       "https://www.tiktok.com/@countwatch/live\n", encoding="utf-8")
    base = ["--db", str(tmp_path / "c.db"), "report", "--offline"]
    result = CliRunner().invoke(cli, [*base, "--format", "json", str(article)])
    assert result.exit_code == 0, result.output
    embeds = json.loads(result.stdout)["embeds"]
    assert [(e["platform"], e["kind"], e["post_id"], e["status"]["words"]) for e in embeds] == [
        ("instagram", "story", None, "not looked up"), ("youtube", "clip", None, "not looked up"),
        ("tiktok", "live", None, "not looked up")]
    text = CliRunner().invoke(cli, [*base, str(article)]).stdout
    assert "### 1. instagram story by @candidatex: not looked up" in text
    assert ("| Status | — | no post id: the link is to an Instagram story (a photo or video of the account's, gone "
            "from Instagram a day after it was posted: archive it while it lasts), which the tool does not identify "
            "as a post |") in text, text
    assert "no post id: the link is to a YouTube clip (a few seconds of a video, cut by a viewer), " in text
    assert "no post id: the link is to a TikTok live stream (the account's broadcast, " in text
    assert "the article kept no link" not in text


def test_a_report_says_a_playlist_and_a_timeline_are_no_posts_with_the_link_they_name(tmp_path):
    """A YouTube playlist, a channel's uploads and an X timeline are embeds of their own kind, each with the link it
    names: the report's Status said "the article kept no link" (the timeline) or "not fetched" (as if a post were
    there to fetch; fixnu36b's left alone)."""
    import json

    from click.testing import CliRunner

    from resolver.cli import cli

    article = tmp_path / "feeds.html"
    article.write_text(
        '<html><body><p>The council\'s videos:</p><iframe src="https://www.youtube.com/embed/videoseries?list='
        'PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"></iframe><p>Its uploads:</p><iframe src="https://www.youtube.com/embed/'
        'videoseries?list=UUabcdefghijklmnopqrstuv"></iframe><p>Its feed:</p><a class="twitter-timeline" href='
        '"https://twitter.com/RivertonCouncil?ref_src=twsrc%5Etfw">Posts by RivertonCouncil</a></body></html>',
        encoding="utf-8")
    base = ["--db", str(tmp_path / "c.db"), "report", "--offline"]
    result = CliRunner().invoke(cli, [*base, "--format", "json", str(article)])
    assert result.exit_code == 0, result.output
    embeds = json.loads(result.stdout)["embeds"]
    assert [(e["platform"], e["kind"], e["url"]) for e in embeds] == [
        ("youtube", "playlist", "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"),
        ("youtube", "timeline", "https://www.youtube.com/playlist?list=UUabcdefghijklmnopqrstuv"),
        ("twitter", "timeline", "https://twitter.com/RivertonCouncil")]
    text = CliRunner().invoke(cli, [*base, str(article)]).stdout
    statuses = [line for line in text.splitlines() if line.startswith("| Status |")]
    assert len(statuses) == 3, text
    assert "the link is to a YouTube playlist (" in statuses[0]
    assert "the link is to a YouTube channel's uploads (" in statuses[1]
    assert "the link is to an X account's timeline (" in statuses[2]
    assert all("which the tool does not identify as a post" in s for s in statuses), statuses
    assert "the article kept no link" not in text, text
    assert not [s for s in statuses if "not fetched" in s]
