"""newuser44c #6: in scraped plain text, words quoted just before a bare post URL (`posted "…" at https://…`) were never
read, and the text check said "no quoted words were read beside the link", where the same words beside an HTML link
were checked. They are read as `beside` reads a quote before a link: the last quote of the URL's sentence, unsure
(a change warns), never one of another sentence, one a verb of speech gives to a speaker, one another link stands
after, or one the URL is set inside."""

import pytest

from resolver.extract import find_all

TIKTOK = "https://www.tiktok.com/@fanpage_fict/video/7309998887776665554"
OTHER = "https://www.tiktok.com/@crumbqueen_fict/video/7301234567890123456"


@pytest.mark.parametrize("said,quoted,sure", [
    (f'A fan account posted "ok i\'m crying 😭😭 he really said family" at {TIKTOK}\n',
     "ok i'm crying 😭😭 he really said family", "uncertain"),
    (f"The baker captioned it “Stop kneading!! trust the process” {TIKTOK}", "Stop kneading!! trust the process",
     "uncertain"),
    (f"Sie schrieb „Wir bleiben hier“ auf TikTok ({TIKTOK}).", "Wir bleiben hier", "uncertain"),
    # a quote after the URL, a colon opening it, is still the one read
    (f'She first wrote "gone" and then {TIKTOK}: "back tomorrow"', "back tomorrow", "high"),
], ids=["posted-at", "curly-right-before", "german-brackets", "after-wins"])
def test_a_quote_just_before_a_bare_url_in_its_sentence_is_read_unsure(said, quoted, sure):
    [embed] = [e for e in find_all(said, "text")[0] if e.platform == "tiktok"]
    assert (embed.text, embed.text_confidence) == (quoted, sure), embed


@pytest.mark.parametrize("said", [
    f'Critics called it "a disgrace." Watch the video {TIKTOK}',          # the quote ends a sentence of its own
    f'"We will rebuild," the mayor told reporters, linking {TIKTOK}',      # speech gives it to a speaker
    f'She wrote "hello there"\n\nThe next day: {TIKTOK}',                  # another paragraph
    f'"Look at {TIKTOK} now" was all it said',                             # the URL is set inside the quote
    f'The baker said nothing; fans wrote "so good" {"x" * 120} {TIKTOK}',  # too far from the URL
], ids=["other-sentence", "speech", "other-paragraph", "url-inside", "far"])
def test_a_quote_of_another_sentence_or_speaker_is_not_read(said):
    [embed] = [e for e in find_all(said, "text")[0] if e.platform == "tiktok"]
    assert embed.text is None, embed


def test_a_quote_another_url_stands_after_is_that_urls_alone():
    said = f'The baker captioned it "Stop kneading!! trust the process" {OTHER} and later {TIKTOK}'
    embeds = {e.post_id: e for e in find_all(said, "text")[0]}
    assert embeds["7301234567890123456"].text == "Stop kneading!! trust the process"
    assert embeds["7309998887776665554"].text is None


@pytest.mark.parametrize("said", [
    f'The baker posted {OTHER}: "Stop kneading!! trust the process" and later {TIKTOK}',
    f'The baker wrote "hello" {OTHER} "Stop kneading!! trust the process" {TIKTOK}',
], ids=["colon-after", "bare-after"])
def test_a_quote_the_url_before_it_took_after_it_is_not_read_again_before_the_next(said):
    # review45f: the words a quote after the first URL gives it were read again as the second post's, so one quote
    # was checked against two posts (the second's check warning of words it never said)
    embeds = {e.post_id: e for e in find_all(said, "text")[0]}
    assert embeds["7301234567890123456"].text == "Stop kneading!! trust the process"
    assert embeds["7309998887776665554"].text is None, embeds["7309998887776665554"]


def test_a_markdown_links_title_is_not_read_as_the_next_urls_quote():
    # review45f: html2text's `[the post](URL "Title")` title, no words of the article's for its own URL, was read as
    # the quote before the next bare URL
    said = f'See [the video]({OTHER} "Crumb Queen on TikTok") and {TIKTOK} today.'
    embeds = {e.post_id: e for e in find_all(said, "text")[0]}
    assert embeds["7301234567890123456"].text is None
    assert embeds["7309998887776665554"].text is None, embeds["7309998887776665554"]


@pytest.mark.parametrize("link", ["https://example.com/story", "https://www.tiktok.com/@crumbqueen_fict"],
                         ids=["article", "account"])
def test_the_title_of_a_markdown_link_to_no_post_is_not_read_as_the_next_urls_quote(link):
    said = f'See [the story]({link} "Crumb Queen on TikTok") and {TIKTOK} today.'
    [embed] = [e for e in find_all(said, "text")[0] if e.post_id == "7309998887776665554"]
    assert embed.text is None, embed
