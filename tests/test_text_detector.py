"""The plain-text detectors: flattened tweet remnants, Instagram captions, bare URLs. Fixtures are fictional."""

from pathlib import Path

import pytest

from resolver.extract.text import find_embeds

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed-article.txt"


def test_seed_article_tweet_comes_out_exactly():
    """The article this project started from (../shared/seed): one flattened tweet, exactly."""
    if not SEED.exists():
        pytest.skip("shared/seed is not beside the project")
    text = SEED.read_text(encoding="utf-8")
    [embed] = find_embeds(text)
    assert embed.author_handle == "YWNReporter"
    assert embed.author_name == "Moshe Schwartz"
    assert embed.date_text == "September 12, 2022"
    assert embed.date == "2022-09-12"
    assert embed.text == "Heavy artillery fire being reported from Azerbaijan towards Armenia. pic.twitter.com/q3uNO4mJHi"
    assert embed.media_links == ("https://pic.twitter.com/q3uNO4mJHi",)
    assert embed.detector == "text-signature"
    assert text[embed.span[0]:embed.span[1]].endswith("(@YWNReporter) September 12, 2022")


def test_single_newline_document_takes_the_line_above():
    text = ("The council met on Tuesday to discuss the bridge.\n"
            "Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx\n"
            "— Riverton Roads (@RivertonRoads) December 6, 2022\n"
            "Traffic returned to normal by noon.\n")
    [embed] = find_embeds(text)
    assert embed.text == "Bridge reopened this morning after repairs. pic.twitter.com/Zz98Yy76Xx"
    assert (embed.author_name, embed.author_handle, embed.date) == ("Riverton Roads", "RivertonRoads", "2022-12-06")
    assert text[embed.span[0]:embed.span[1]].startswith("Bridge reopened")


def test_blank_line_document_takes_the_whole_block():
    text = ("Intro paragraph.\n\nFirst line of the post\nsecond line https://t.co/Ab12Cd34Ef\n"
            "— Jane Roe (@jroe) 3 March 2021\n\nNext paragraph.\n")
    [embed] = find_embeds(text)
    assert embed.text == "First line of the post\nsecond line https://t.co/Ab12Cd34Ef"
    assert embed.links == ("https://t.co/Ab12Cd34Ef",)
    assert embed.date == "2021-03-03"


def test_dash_and_line_break_gone_year_runs_into_next_sentence():
    text = "Best year ever, thanks everyone for a great year! Jane Roe (@jroe) December 31, 2017The mayor said more."
    [embed] = find_embeds(text)
    assert (embed.author_name, embed.author_handle, embed.date_text) == ("Jane Roe", "jroe", "December 31, 2017")
    assert embed.text == "Best year ever, thanks everyone for a great year!"
    assert text[embed.span[1]:].startswith("The mayor")


@pytest.mark.parametrize("signature,name,handle,date", [
    ("— José Núñez, Jr. 🌻 (@jn_ez) 12 de septiembre de 2022", "José Núñez, Jr. 🌻", "jn_ez", "2022-09-12"),
    ("&mdash; Sam Doe (@samdoe) Sep 12, 2022", "Sam Doe", "samdoe", "2022-09-12"),
    ("-- Sam Doe (@samdoe) September 12 2022", "Sam Doe", "samdoe", "2022-09-12"),
    ("– Моше Шварц (@moshe_ru) 12 сентября 2022", None, None, None),   # month names in Cyrillic are not read
    ("— 川の町 (@kawanomachi) 2017年10月9日", "川の町", "kawanomachi", "2017-10-09"),
    ("— Anna Beispiel (@anna_b) 9. Oktober 2017", "Anna Beispiel", "anna_b", "2017-10-09"),
    ("— Marie Exemple (@mexemple) 1er mars 2020", "Marie Exemple", "mexemple", "2020-03-01"),
], ids=["comma-emoji", "entity-dash", "double-hyphen", "cyrillic-month", "japanese", "german", "french"])
def test_signature_forms(signature, name, handle, date):
    embeds = find_embeds("Some post text here.\n" + signature + "\n")
    if handle is None:
        assert embeds == []
        return
    [embed] = embeds
    assert (embed.author_name, embed.author_handle, embed.date) == (name, handle, date)
    assert embed.text == "Some post text here."


def test_mentions_inside_a_tweet_are_not_further_tweets():
    text = ("Thanks @alice and (@bob) for the help, see you in March 2023!\n"
            "— Carol Example (@carol_ex) January 5, 2023\n")
    [embed] = find_embeds(text)
    assert embed.author_handle == "carol_ex"


def test_status_url_after_the_date_gives_the_post_id():
    text = "Post text.\n— Dan Example (@danex) May 1, 2020 https://twitter.com/danex/status/1256000000000000001?s=20\n"
    [embed] = find_embeds(text)
    assert embed.post_id == "1256000000000000001"
    assert embed.url == "https://twitter.com/danex/status/1256000000000000001"


def test_bare_status_urls_and_lone_media_links():
    text = ("Read it at https://x.com/someone/status/1234567890123456789. Also (https://youtu.be/AbCdEfGhIjK) "
            "and the picture pic.twitter.com/XyZ12345, and www.instagram.com/p/CxAbC123dEf/.")
    embeds = find_embeds(text)
    assert [(e.platform, e.kind, e.detector, e.url) for e in embeds] == [
        ("twitter", "post", "text-url", "https://twitter.com/someone/status/1234567890123456789"),
        ("youtube", "video", "text-url", "https://www.youtube.com/watch?v=AbCdEfGhIjK"),
        ("twitter", "media-link", "text-media-link", "https://pic.twitter.com/XyZ12345"),
        ("instagram", "post", "text-url", "https://www.instagram.com/p/CxAbC123dEf/"),
    ]
    assert text[embeds[0].span[0]:embeds[0].span[1]] == "https://x.com/someone/status/1234567890123456789"


def test_instagram_caption_remnant():
    text = "A post shared by Jo Example (@jo.example) on Sep 12, 2022 at 10:01am PDT\n"
    [embed] = find_embeds(text)
    assert (embed.platform, embed.author_handle, embed.author_name, embed.date) == (
        "instagram", "jo.example", "Jo Example", "2022-09-12")


def test_prose_with_a_handle_but_no_date_is_no_embed():
    assert find_embeds("The agency (@agency_x) said on Monday it would respond.") == []


def test_consecutive_inline_signatures_with_the_dash_turned_into_two_spaces():
    """As scraped corpora show it: each tweet runs into the next, the em dash left as two spaces."""
    text = ("Reactions came fast.No one asked for this  Ann Example (@ann_ex) May 2, 2019Is this real?  "
            "lee smith (@leesmith) May 2, 2019The story goes on.")
    first, second = find_embeds(text)
    assert (first.author_name, first.text) == ("Ann Example", "Reactions came fast.No one asked for this")
    assert (second.author_name, second.author_handle, second.text) == ("lee smith", "leesmith", "Is this real?")
