"""Video embed codes read as their players read them (newuser41a, a video fact-checker's pass): which video a
TikTok blockquote plays, and the moment each place cites. Fixtures are fictional, in the platforms' markup."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from resolver.cli import cli
from resolver.extract import find_all
from tests.fakenet import page

CITED, PLAYED = "7333333333333333333", "7333333333333333334"


def tiktok_code(*, cite: str | None, video_id: str | None) -> str:
    """TikTok's embed code as its share button writes it, `cite` and `data-video-id` each optional."""
    attrs = (f' cite="https://www.tiktok.com/@stormchaser_tv/video/{cite}"' if cite else "") \
        + (f' data-video-id="{video_id}"' if video_id else "")
    return (f'<html><body><p>The clip:</p><blockquote class="tiktok-embed"{attrs} style="max-width:605px;"> <section> '
            '<a target="_blank" title="@stormchaser_tv" href="https://www.tiktok.com/@stormchaser_tv?refer=embed">'
            '@stormchaser_tv</a> <p>Funnel cloud over Route 9</p> </section> </blockquote> '
            '<script async src="https://www.tiktok.com/embed.js"></script></body></html>')


def embeds_of(page: str):
    return find_all(page, "html")[0]


def test_a_tiktok_code_whose_cite_and_data_video_id_differ_names_both():
    """newuser41a #2 (a): the cite's video was checked and the code's `data-video-id` never read, though TikTok's
    embed.js plays the data-video-id one: readers saw another video than the one checked, and nothing said so. The
    embed is the video played, with an `id_doubt` naming both."""
    [embed] = embeds_of(tiktok_code(cite=CITED, video_id=PLAYED))
    assert (embed.platform, embed.post_id) == ("tiktok", PLAYED)
    assert embed.id_doubt and CITED in embed.id_doubt and PLAYED in embed.id_doubt, embed.id_doubt
    assert "data-video-id" in embed.id_doubt and "cite" in embed.id_doubt


def test_a_tiktok_code_with_data_video_id_and_no_cite_is_found():
    """newuser41a #2 (b): `<blockquote class="tiktok-embed" data-video-id=N>` with no cite (some CMSs' templates write
    only the id; embed.js plays it) was missed: the report counted one embed fewer."""
    [embed] = embeds_of(tiktok_code(cite=None, video_id=PLAYED))
    assert (embed.platform, embed.post_id, embed.id_doubt) == ("tiktok", PLAYED, None)
    assert embed.author_handle == "stormchaser_tv"   # the code's "@user" link, checked against TikTok's answer
    assert embed.text == "Funnel cloud over Route 9"


def test_a_tiktok_code_whose_ids_agree_has_no_doubt():
    [embed] = embeds_of(tiktok_code(cite=CITED, video_id=CITED))
    assert (embed.post_id, embed.author_handle, embed.id_doubt) == (CITED, "stormchaser_tv", None)


TWO_MOMENTS = ('<html><body><p>At 1:32 the mayor says the levee held:</p>'
               '<iframe src="https://www.youtube.com/embed/FLOODbrief1?start=92"></iframe>'
               '<p>But at 14:05 the engineer says the opposite:</p>'
               '<iframe src="https://www.youtube.com/embed/FLOODbrief1?start=845"></iframe></body></html>')
TIME_AT_THE_LINK = ('<html><body><iframe src="https://www.youtube.com/embed/FLOODbrief1"></iframe>'
                    '<p>At 1:32 the mayor speaks (<a href="https://youtu.be/FLOODbrief1?t=92">the moment</a>).</p>'
                    '</body></html>')


def test_one_video_cited_at_two_moments_keeps_both():
    """newuser41a #3: two iframes of one video at start=92 and start=845 gave one embed "at 1:32"; the 14:05 moment
    was in no output (JSON's `also_at` holds spans only). Each place keeps its moment."""
    [embed] = embeds_of(TWO_MOMENTS)
    first, second = (TWO_MOMENTS.index("<iframe"), TWO_MOMENTS.rindex("<iframe"))
    assert [(span[0], seconds) for span, seconds in embed.moments] == [(first, 92), (second, 845)]
    assert embed.to_json()["moments"] == [{"span": list(span), "start_seconds": s} for span, s in embed.moments]


def test_a_moment_written_at_a_link_stays_at_the_link():
    """newuser41a #3 (a16): the iframe names no time and the link beside it t=92: the moment is the link's place's."""
    [embed] = embeds_of(TIME_AT_THE_LINK)
    assert embed.detector == "html-iframe"
    assert [(span[0], seconds) for span, seconds in embed.moments] == [(TIME_AT_THE_LINK.index("<a "), 92)]


def report_md(tmp_path: Path, page: str) -> str:
    tmp_path.mkdir(exist_ok=True)
    article = tmp_path / "article.html"
    article.write_text(page)
    out = tmp_path / "report.md"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "-o", str(out),
                                      str(article)])
    assert result.exit_code in (0, 3), result.output
    return out.read_text()


def test_the_reports_give_each_moment_at_its_place(tmp_path):
    """newuser41a #3: the report said "watch?v=FLOODbrief1 at 1:32 (found by html-iframe, characters 58–123)" for an
    iframe with no time (the time was the link's), and one moment of two. The heading's time is its own place's; a
    line names every moment where it is written, from the cache (`report` reads what `scan` recorded)."""
    md = report_md(tmp_path, TIME_AT_THE_LINK)
    assert "<https://www.youtube.com/watch?v=FLOODbrief1> (found by html-iframe" in md, md
    link = TIME_AT_THE_LINK.index("<a ")
    assert f"- Moments cited: 1:32 at characters {link}–" in md, md
    md = report_md(tmp_path / "two", TWO_MOMENTS)
    assert "FLOODbrief1> at 1:32 (found by html-iframe" in md, md
    assert re.search(r"- Moments cited: 1:32 at characters \d+–\d+; 14:05 at characters \d+–\d+\n", md), md


def test_one_tiktok_id_under_two_accounts_says_both(tmp_path):
    """newuser41a #13: `/@riverton_fire/video/N` and `/@firefan_reposts/video/N` became one embed, the second account
    in no output. One post still (the id names it whatever the handle), the other account said."""
    page = ('<html><body><p>By the department <a href="https://www.tiktok.com/@riverton_fire/video/7311111111111111111">'
            'here</a>, and under a re-poster\'s name <a href="https://www.tiktok.com/@firefan_reposts/video/'
            '7311111111111111111">there</a>.</p></body></html>')
    [embed] = embeds_of(page)
    assert (embed.author_handle, embed.other_handles) == ("riverton_fire", ("firefan_reposts",))
    md = report_md(tmp_path, page)
    assert ("- Named under more than one account: the article names this post under @riverton_fire and "
            "@firefan_reposts; the id alone names the post, and its author is the account TikTok answers for it") in md


@pytest.mark.parametrize("url, seconds", [
    ("https://player.vimeo.com/video/76979871?h=de776782f6#t=1m5s", 65),
    ("https://vimeo.com/76979872#t=30s", 30),
    ("https://www.facebook.com/rivertonfire/videos/1234567890123456/?t=95", 95),
    ("https://www.facebook.com/watch/?v=1234567890123456&t=95", 95),
    ("https://www.youtube.com/embed/Embed0Vid12?si=Xyz&start=15&end=45", 15),
], ids=["vimeo-player-fragment", "vimeo-page-fragment", "facebook-video-t", "facebook-watch-t", "youtube-start-end"])
def test_a_video_link_s_moment_is_read(url, seconds):
    """newuser41a #10: Vimeo's `#t=1m5s` and Facebook's `?t=95` (where fb.watch's redirect starts the video) were
    dropped; the moment a link cites is the fact-checker's claim to check."""
    from resolver.platforms import parse_url

    ref = parse_url(url)
    assert ref is not None and ref.start_seconds == seconds


def test_lite_youtube_params_start_is_its_moment():
    """newuser41a #10: `<lite-youtube params="start=30">` (the player's query) lost its moment."""
    [embed] = embeds_of('<html><body><lite-youtube videoid="L1teYTvid11" params="start=30&amp;cc_load_policy=1">'
                        '</lite-youtube></body></html>')
    assert (embed.post_id, embed.start_seconds) == ("L1teYTvid11", 30)


def test_resolve_says_the_moment_a_timed_link_cites(fakenet, tmp_path):
    """newuser41a #10: `resolve https://fb.watch/…` (a redirect to the video at ?t=95) and a youtu.be link at ?t=845
    said "is: facebook video N", no time, in text and in --json's `post`."""
    from tests.test_cli_resolve import config_for, invoke

    fakenet.route("fb.watch", "/abcDEF123/", page("", 302, Location="https://www.facebook.com/rivertonfire/videos/"
                                                                      "1234567890123456/?t=95"))
    fakenet.route("youtu.be", "/FLOODbrief1", page("", 303, Location="https://www.youtube.com/watch?v=FLOODbrief1"
                                                                     "&t=845&feature=youtu.be"))
    config = config_for(fakenet, tmp_path, hosts=("fb.watch", "youtu.be", "www.facebook.com", "www.youtube.com"))
    result = invoke(tmp_path, config, "resolve", "https://fb.watch/abcDEF123/", "https://youtu.be/FLOODbrief1?t=845")
    assert "is: facebook video 1234567890123456 by @rivertonfire at 1:35" in result.stdout, result.output
    assert "is: youtube video FLOODbrief1 at 14:05" in result.stdout, result.output
    data = invoke(tmp_path, config, "resolve", "--json", "--offline", "https://fb.watch/abcDEF123/")
    assert json.loads(data.stdout)["post"]["start_seconds"] == 95, data.output


FB_VIDEO = ('<html><body><div class="fb-video" data-href="https://www.facebook.com/rivertonfire/videos/1234567890123456/"'
            ' data-width="500" data-show-text="false"><blockquote cite="https://www.facebook.com/rivertonfire/videos/'
            '1234567890123456/" class="fb-xfbml-parse-ignore"><a href="https://www.facebook.com/rivertonfire/videos/'
            '1234567890123456/">Chief\'s update</a><p>Update from Chief Alvarez on the Route 9 fire</p>Posted by '
            '<a href="https://www.facebook.com/rivertonfire">Riverton Fire Department</a> on {date}</blockquote></div>'
            '</body></html>')


@pytest.mark.parametrize("date, iso", [("Tuesday, 3 March 2026", "2026-03-03"),
                                       ("Friday, December 5, 2014", "2014-12-05")], ids=["day-month", "month-day"])
def test_a_facebook_video_code_s_title_is_not_its_date(date, iso):
    """newuser41a #11: div.fb-video's code (Facebook's embedded video player) opens with the video's own link, its
    title, then its words, then "Posted by <a>Page</a> on <date>" in plain words, unlike div.fb-post's date link.
    The title was read as the date ("Date | Chief's update") and the real date ignored."""
    [embed] = embeds_of(FB_VIDEO.format(date=date))
    assert (embed.kind, embed.author_name, embed.date_text, embed.date) == ("video", "Riverton Fire Department", date,
                                                                           iso)
    assert embed.text == "Update from Chief Alvarez on the Route 9 fire"


def test_a_player_s_end_is_said_with_its_start(tmp_path):
    """newuser41a #10: `embed/<id>?start=15&end=45` plays 0:15 to 0:45; the end was dropped, so a report named the
    moment the clip starts but not the stretch the article cites."""
    page = '<html><body><iframe src="https://www.youtube.com/embed/Embed0Vid12?si=Xyz&amp;start=15&amp;end=45"></iframe>'
    [embed] = embeds_of(page + "</body></html>")
    assert (embed.start_seconds, embed.end_seconds) == (15, 45)
    assert "<https://www.youtube.com/watch?v=Embed0Vid12> at 0:15 to 0:45 (found by html-iframe" in \
        report_md(tmp_path, page + "</body></html>")


BLUESKY_DID = "did:plc:rivwatchrivwatchrivw"
BLUESKY_CODE = ('<blockquote class="bluesky-embed" data-bluesky-uri="at://{did}/app.bsky.feed.post/3kriverwatch2"><p '
                'lang="en">The levee held overnight.</p>&mdash; River Watch (<a href="https://bsky.app/profile/{did}">'
                '@riverwatch.example.org</a>) <a href="https://bsky.app/profile/{did}/post/3kriverwatch2">March 10, 2026 '
                'at 9:00 AM</a></blockquote>').format(did=BLUESKY_DID)


@pytest.mark.parametrize("links", [
    (f"https://bsky.app/profile/{BLUESKY_DID}/post/3kriverwatch2",),
    (f"https://bsky.app/profile/{BLUESKY_DID}/post/3kriverwatch2",
     "https://bsky.app/profile/riverwatch.example.org/post/3kriverwatch2"),
], ids=["by-did", "by-did-and-handle"])
def test_a_bluesky_post_linked_by_its_account_s_did_is_not_said_under_another_account(tmp_path, links):
    """review41e: a Bluesky embed code (its post named by the account's DID, its handle shown) and a link to the same
    post by that DID gave "Named under more than one account: … under @riverwatch.example.org and
    @did:plc:…": a DID is the account's own id, the one the embed code names the post by, never another account."""
    page = "<html><body>" + BLUESKY_CODE + "".join(f'<p>See <a href="{u}">{u}</a>.</p>' for u in links) + "</body></html>"
    [embed] = embeds_of(page)
    assert (embed.author_handle, embed.other_handles) == ("riverwatch.example.org", ())
    assert "more than one account" not in report_md(tmp_path, page)


@pytest.mark.parametrize("query", ["start=90&amp;end=30", "start=90&amp;end=90"], ids=["end-before", "end-at-start"])
def test_a_player_s_end_at_or_before_its_start_is_no_stretch(tmp_path, query):
    """review41e: `embed/<id>?start=90&end=30` was said "at 1:30 to 0:30", a stretch no player plays: an end at or
    before the start stops nothing the article shows, so only the start is said."""
    page = f'<html><body><iframe src="https://www.youtube.com/embed/Embed0Vid12?{query}"></iframe></body></html>'
    [embed] = embeds_of(page)
    assert (embed.start_seconds, embed.end_seconds) == (90, None)
    md = report_md(tmp_path, page)
    assert "<https://www.youtube.com/watch?v=Embed0Vid12> at 1:30 (found by html-iframe" in md, md


@pytest.mark.parametrize("kind", ["videos", "posts"])
def test_a_facebook_post_linked_by_its_page_s_number_is_not_said_under_another_account(kind):
    """review41e: "facebook.com/rivertonfire/videos/N" and "facebook.com/100064123456789/videos/N" (the page's number,
    the link Facebook's share sheet and some apps write) were said "named under @rivertonfire and @100064123456789",
    more than one account: the number may be that very page, and the tool does not know it is another."""
    page = (f'<html><body><p>The <a href="https://www.facebook.com/rivertonfire/{kind}/1234567890123456/">video</a> and '
            f'<a href="https://www.facebook.com/100064123456789/{kind}/1234567890123456/">again</a>.</p></body></html>')
    [embed] = embeds_of(page)
    assert (embed.author_handle, embed.other_handles) == ("rivertonfire", ())
    named = page.replace("100064123456789", "firefan.reposts")   # another page's name is still said
    assert embeds_of(named)[0].other_handles == ("firefan.reposts",)


def test_a_post_whose_code_names_no_account_under_two_accounts_says_both_plainly(tmp_path):
    """review41e: a TikTok code naming its video by data-video-id alone (no account) and links to it under two
    accounts said "the article names this post under and @riverton_fire, @firefan_reposts": no word was missing
    from the tool's data, only from its sentence."""
    page = ('<html><body>' + tiktok_code(cite=None, video_id=PLAYED).split("<body>")[1].split("</body>")[0]
            .replace('<a target="_blank" title="@stormchaser_tv" href="https://www.tiktok.com/@stormchaser_tv?refer=embed">'
                     '@stormchaser_tv</a>', "")
            + f'<p><a href="https://www.tiktok.com/@riverton_fire/video/{PLAYED}">one</a> <a href="https://www.tiktok.com'
            f'/@firefan_reposts/video/{PLAYED}">two</a></p></body></html>')
    [embed] = embeds_of(page)
    assert (embed.author_handle, embed.other_handles) == (None, ("riverton_fire", "firefan_reposts"))
    md = report_md(tmp_path, page)
    assert "- Named under more than one account: the article names this post under @riverton_fire and " \
        "@firefan_reposts; the id alone" in md, md


# YouTube's own Flash embed code (2006-2010): <object><param name="movie"><embed src> with the player's options
# after an "&" and no "?" (".../v/<id>&hl=en&fs=1"), as its "Embed" box wrote it (newuser44d #1: all were missed).
FLASH_ID = "Qz7HarlowF1"
FLASH_FORMS = {
    "object": ('<object width="425" height="344"><param name="movie" value="http://www.youtube.com/v/{id}&hl=en&fs=1">'
               '</param><param name="allowFullScreen" value="true"></param><embed src="http://www.youtube.com/v/{id}'
               '&hl=en&fs=1" type="application/x-shockwave-flash" allowfullscreen="true" width="425" height="344">'
               '</embed></object>', "http://www.youtube.com/v/{id}&hl=en&fs=1"),
    "embed": ('<embed src="http://www.youtube.com/v/{id}" type="application/x-shockwave-flash"></embed>',
              "http://www.youtube.com/v/{id}"),
    "param": ('<object><param name="movie" value="http://www.youtube.com/v/{id}?fs=1&amp;hl=en_US"></param></object>',
              "http://www.youtube.com/v/{id}?fs=1&amp;hl=en_US"),
    "hashbang": ('<a href="http://www.youtube.com/watch#!v={id}&feature=related">the council video</a>',
                 None),
}


@pytest.mark.parametrize("form", sorted(FLASH_FORMS))
def test_youtube_s_flash_embed_codes_are_found_once_with_their_span(form):
    code, written = FLASH_FORMS[form]
    page = ('<html><body><h1>Council votes</h1><p>The council met on Tuesday to discuss the budget.</p>'
            + code.format(id=FLASH_ID) + '</body></html>')
    [embed] = embeds_of(page)
    assert (embed.platform, embed.post_id, embed.url) == ("youtube", FLASH_ID, f"https://www.youtube.com/watch?v={FLASH_ID}")
    quoted = page[embed.span[0]:embed.span[1]]
    assert quoted == written.format(id=FLASH_ID) if written else quoted.startswith("<a href=") and quoted.endswith("</a>")


@pytest.mark.parametrize("url", [f"http://www.youtube.com/v/{FLASH_ID}&hl=en&fs=1",
                                 f"http://www.youtube.com/watch#!v={FLASH_ID}&feature=related",
                                 f"http://www.youtube.com/v/{FLASH_ID}?fs=1&hl=en_US"])
def test_youtube_s_flash_era_urls_in_plain_text_are_found_with_their_span(url):
    words = f"Watch the meeting: {url} (posted by the clerk)."
    [embed] = find_all(words, "text")[0]
    assert (embed.platform, embed.post_id) == ("youtube", FLASH_ID)
    assert words[embed.span[0]:embed.span[1]] == url


def test_a_flash_player_url_s_options_after_an_ampersand_are_its_query():
    from resolver.platforms import youtube
    ref = youtube.parse(f"http://www.youtube.com/v/{FLASH_ID}&hl=en&fs=1&start=30")
    assert ref is not None and (ref.post_id, ref.start_seconds) == (FLASH_ID, 30)
    assert youtube.parse("http://www.youtube.com/v/Qz7Harlow&hl=en") is None   # ten characters: no video id
