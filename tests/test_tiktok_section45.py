"""TikTok's embed code with the caption straight in its <section>, no <p> (newuser44c #7): the code TikTok gave
about 2022, as pages keep it (`<section> <a title="@user" href="…/@user?refer=embed">@user</a> words <a
href="…/tag/x?refer=embed">#x</a> <a href="…/music/…">♬ original sound - …</a> </section>`), and as CMSs that strip
the <p> leave it. Its caption was not read, so a changed word went unchecked ("skip … (not compared)"). The words
between the account's link and the sound's, hashtags among them, are read now, in that shape only."""

from __future__ import annotations

import pytest

from resolver.extract import find_all
from resolver.provenance import text_check

VIDEO = "7301234567890123456"
USER = '<a target="_blank" title="@crumbqueen_fict" href="https://www.tiktok.com/@crumbqueen_fict?refer=embed">@crumbqueen_fict</a>'
TAG = '<a title="sourdough" target="_blank" href="https://www.tiktok.com/tag/sourdough?refer=embed">#sourdough</a>'
SOUND = ('<a target="_blank" title="♬ original sound - crumbqueen" href="https://www.tiktok.com/music/original-sound-'
         '7301234567890000000?refer=embed">♬ original sound - crumbqueen</a>')


def code(section: str) -> str:
    return (f'<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}" '
            f'data-video-id="{VIDEO}" style="max-width: 605px;min-width: 325px;" > <section> {section} </section> '
            '</blockquote> <script async src="https://www.tiktok.com/embed.js"></script>')


def read(section: str):
    [embed] = [e for e in find_all(f"<html><body><article><p>Before.</p>{code(section)}</article></body></html>",
                                   "html")[0] if e.platform == "tiktok" and e.post_id]
    return embed.text, embed.text_confidence


@pytest.mark.parametrize("section, caption", [
    (f"{USER} Start kneading!! 🍞✨ trust the process {TAG} {SOUND}", "Start kneading!! 🍞✨ trust the process #sourdough"),
    (f"{USER} Start kneading!! {TAG}", "Start kneading!! #sourdough"),   # no sound link
    (f'{USER} thanks <a title="@stepsbyjo_fict" href="https://www.tiktok.com/@stepsbyjo_fict?refer=embed">'
     f"@stepsbyjo_fict</a> for this {SOUND}", "thanks @stepsbyjo_fict for this"),
], ids=["hashtag-and-sound", "no-sound", "mention"])
def test_a_caption_straight_in_the_section_is_read_between_the_account_and_the_sound(section, caption):
    assert read(section) == (caption, "high")


@pytest.mark.parametrize("section", [
    "ok i'm crying 😭😭 … more",                                             # no account link: a CMS's text
    f"Start kneading!! {USER} {SOUND}",                                      # words before the account's link
    f'{USER} Start kneading!! <a href="https://shop.example/bread">buy</a> {SOUND}',   # a link of no TikTok shape
    f'{USER} Start kneading!! <img src="https://cdn.example/x.jpg"> {SOUND}',
], ids=["no-links", "words-first", "other-link", "image"])
def test_a_section_of_another_shape_gives_no_caption(section):
    assert read(section) == (None, None)


def test_a_changed_word_in_a_section_caption_fails_against_the_post():
    text, confidence = read(f"{USER} Start kneading!! 🍞✨ trust the process {TAG} {SOUND}")
    embed = {"platform": "tiktok", "detector": "html-blockquote", "text": text, "text_confidence": confidence,
             "url": f"https://www.tiktok.com/@crumbqueen_fict/video/{VIDEO}", "post_id": VIDEO}
    post = {"platform": "tiktok", "status": "available", "post_id": VIDEO, "archived": [], "source": "oembed",
            "text": "Stop kneading!! 🍞✨ trust the process #sourdough #bakingtok", "field_sources": {"text": "oembed"}}
    check = text_check(embed, post)
    assert check["result"] == "fail" and "Stop → Start" in check["evidence"], check
