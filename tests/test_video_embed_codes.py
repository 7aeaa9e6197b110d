"""Video embed codes read as their players read them (newuser41a, a video fact-checker's pass): which video a
TikTok blockquote plays, and the moment each place cites. Fixtures are fictional, in the platforms' markup."""

import pytest

from resolver.extract import find_all

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
    assert embed.text == "Funnel cloud over Route 9"


def test_a_tiktok_code_whose_ids_agree_has_no_doubt():
    [embed] = embeds_of(tiktok_code(cite=CITED, video_id=CITED))
    assert (embed.post_id, embed.author_handle, embed.id_doubt) == (CITED, "stormchaser_tv", None)
