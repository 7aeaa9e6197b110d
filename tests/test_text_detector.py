"""The plain-text detectors: flattened tweet remnants, Instagram captions, bare URLs. Fixtures are fictional."""

from pathlib import Path

import pytest

from resolver.extract.text import find_embeds, find_urls
from tests.test_platforms import MASTODON_POSTS, NOT_MASTODON

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
    ("– Моше Шварц (@moshe_ru) 12 сентября 2022 г.", "Моше Шварц", "moshe_ru", "2022-09-12"),
    ("— Олена Приклад (@olena_ex) 9 жовтня 2017 р.", "Олена Приклад", "olena_ex", "2017-10-09"),
    ("— مثال الاسم (@mithal_ex) ١٢ سبتمبر ٢٠٢٢", "مثال الاسم", "mithal_ex", "2022-09-12"),
    ("— مثال الاسم (@mithal_lv) 3 تشرين الأول 2019", "مثال الاسم", "mithal_lv", "2019-10-03"),
    ("— Ayşe Örnek (@ayse_ex) 1 Şubat 2021", "Ayşe Örnek", "ayse_ex", "2021-02-01"),
    ("— João Exemplo (@joao_ex) 12 de setembro de 2022", "João Exemplo", "joao_ex", "2022-09-12"),
    ("— Giulia Esempio (@giulia_ex) 12 settembre 2022", "Giulia Esempio", "giulia_ex", "2022-09-12"),
    ("— Jan Voorbeeld (@jan_vb) 12 mei 2022", "Jan Voorbeeld", "jan_vb", "2022-05-12"),
    ("— Anna Przykład (@anna_pl) 12 września 2022 r.", "Anna Przykład", "anna_pl", "2022-09-12"),
    ("— 川の町 (@kawanomachi) 2017年10月9日", "川の町", "kawanomachi", "2017-10-09"),
    ("— Anna Beispiel (@anna_b) 9. Oktober 2017", "Anna Beispiel", "anna_b", "2017-10-09"),
    ("— Marie Exemple (@mexemple) 1er mars 2020", "Marie Exemple", "mexemple", "2020-03-01"),
], ids=["comma-emoji", "entity-dash", "double-hyphen", "russian", "ukrainian", "arabic-indic-digits", "arabic-levant",
        "turkish", "portuguese", "italian", "dutch", "polish", "japanese", "german", "french"])
def test_signature_forms(signature, name, handle, date):
    [embed] = find_embeds("Some post text here.\n" + signature + "\n")
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


@pytest.mark.parametrize("line,date", [
    ("Ein Beitrag geteilt von Jo Example (@jo.example) am 23. Okt 2017 um 0:31 Uhr", "2017-10-23"),
    ("Une publication partagée par Jo Example (@jo.example) le 12 sept. 2022 à 10:01 PDT", "2022-09-12"),
    ("Una publicación compartida de Jo Example (@jo.example) el 12 de septiembre de 2022 a las 10:01 PDT", "2022-09-12"),
    ("Un post condiviso da Jo Example (@jo.example) in data: 12 Set 2022 alle ore 10:01 PDT", "2022-09-12"),
    ("Uma publicação compartilhada por Jo Example (@jo.example) em 12 de set de 2022 às 10:01 PDT", "2022-09-12"),
    ("Een bericht gedeeld door Jo Example (@jo.example) op 12 sep 2022 om 10:01 PDT", "2022-09-12"),
    ("Ett inlägg delat av Jo Example (@jo.example) den 12 sep 2022 kl. 10:01 PDT", "2022-09-12"),
    ("Ein Beitrag geteilt von Jo Example (@jo.example)", None),
], ids=["de", "fr", "es", "it", "pt", "nl", "sv", "no-date"])
def test_instagram_caption_remnant_in_other_languages(line, date):
    """Instagram writes its caption line in the reader's language: a German page's "Ein Beitrag geteilt von Name
    (@handle) am 23. Okt 2017" (Brigitte) gave no author."""
    [embed] = find_embeds(line + "\n")
    assert (embed.platform, embed.author_handle, embed.author_name, embed.date) == (
        "instagram", "jo.example", "Jo Example", date)


def test_prose_with_a_handle_but_no_date_is_no_embed():
    assert find_embeds("The agency (@agency_x) said on Monday it would respond.") == []


def test_consecutive_inline_signatures_with_the_dash_turned_into_two_spaces():
    """As scraped corpora show it: each tweet runs into the next, the em dash left as two spaces."""
    text = ("Reactions came fast.No one asked for this  Ann Example (@ann_ex) May 2, 2019Is this real?  "
            "lee smith (@leesmith) May 2, 2019The story goes on.")
    first, second = find_embeds(text)
    assert (first.author_name, first.text, first.text_confidence) == ("Ann Example", "No one asked for this", "uncertain")
    assert (second.author_name, second.author_handle, second.text) == ("lee smith", "leesmith", "Is this real?")
    assert second.text_confidence == "high"   # it starts where the previous signature ends


# Run-on scraped text: paragraphs joined with no space, the article's prose glued to the tweet.
RUN_ON = [
    ("glued-sentence",
     "Mayor Example said nothing new. The reply came fast.Why is the bridge still closed? Nobody knows!  "
     "Ann Example (@ann_ex) May 2, 2019", "Why is the bridge still closed? Nobody knows!"),
    ("glued-introduction",
     "Residents were not pleased, as the council learnt below:Bridge closed AGAIN.Third time this month.  "
     "Bo Sample (@bo_sample) May 2, 2019", "Bridge closed AGAIN.Third time this month."),
    ("spaced-introduction",
     "The mayor was asked about it. Watch: Fixing it takes time, please be patient  Cy Example (@cy_ex) May 2, 2019",
     "Fixing it takes time, please be patient"),
    ("quoted-then-embedded",
     "The mayor did not hold back. Nobody builds bridges better than this town, she tweeted.  We will open it "
     "soon! Nobody builds bridges better than this town. We will open it soon!  Di Example (@di_ex) May 2, 2019",
     "Nobody builds bridges better than this town. We will open it soon!"),
    ("quoted-window-ending-at-a-space",
     "The columnist tweeted: I happen to have seen various council members today. They are worried. I happen to "
     "have seen various council members today. They're worried. https://t.co/Ab12Cd34Ef  Ed Example (@ed_ex) May 2, 2019",
     "I happen to have seen various council members today. They're worried. https://t.co/Ab12Cd34Ef"),
    # "WATCH:" in capitals opening a sentence is a news account's label on its own tweet, not the article's
    # introduction (which reads "Watch:", as above): the tweet starts at it.
    ("capitalised-label",
     "Ask the host, who said the mayor called her this morning for advice.WATCH: The host says the mayor called her "
     "this morning to ask about the bridge. pic.twitter.com/Zz98Yy76Xx  Fi Example (@fi_ex) June 2, 2017",
     "WATCH: The host says the mayor called her this morning to ask about the bridge. pic.twitter.com/Zz98Yy76Xx"),
    ("capitalised-label-after-a-parenthesis",
     "Ask the host. (She told him to close the bridge.)WATCH: The host says the mayor called her this morning. "
     "pic.twitter.com/Zz98Yy76Xx  Fi Example (@fi_ex) June 2, 2017",
     "WATCH: The host says the mayor called her this morning. pic.twitter.com/Zz98Yy76Xx"),
    ("capitalised-word-inside-a-sentence-introduces",
     "The clip is one everyone should WATCH: The host says the mayor called her. pic.twitter.com/Zz98Yy76Xx  "
     "Fi Example (@fi_ex) June 2, 2017",
     "The host says the mayor called her. pic.twitter.com/Zz98Yy76Xx"),
    # The article's paraphrase ("called") shares all but the tweet's first words ("Mayor calls"): the repeat begins
    # inside the tweet's first sentence, which starts two words earlier.
    ("paraphrased-then-embedded",
     "In May, the mayor called the bridge  a lasting disgrace. Mayor calls the bridge  a lasting disgrace  "
     "https://t.co/Ab12Cd34Ef pic.twitter.com/Zz98Yy76Xx  The Riverton Post (@rivpost) May 28, 2017",
     "Mayor calls the bridge  a lasting disgrace  https://t.co/Ab12Cd34Ef pic.twitter.com/Zz98Yy76Xx"),
    # A tweet opening ".@handle" (so that it is no reply) glued to the article's sentence: "Red Cross..@mayor"
    ("dot-handle-after-a-sentence",
     "He asked the Red Cross..@mayor releases the list of bridges he funded.  Ed Example (@ed_ex) May 2, 2019",
     ".@mayor releases the list of bridges he funded."),
    # An author who glues a comma ("slow,may") may glue a sentence too, but text longer than a tweet holds prose:
    # the last glued sentence end is still where the tweet starts.
    ("longer-than-a-tweet-with-a-glued-comma",
     "The council met again on Tuesday evening and talked about the bridge, the ferry and the buses for a long "
     "time, then about the roads, the parking and the new bike lanes until late at night, and after three more "
     "long hours nothing was decided at all.Both being slow,may have to close it?  Ed Example (@ed_ex) May 2, 2019",
     "Both being slow,may have to close it?"),
    ("quoted-short-tweet-before-link",
     "The senator replied to say,  You do not. You do not https://t.co/Ab12Cd34Ef  Ed Example (@ed_ex) May 2, 2019",
     "You do not https://t.co/Ab12Cd34Ef"),
]


@pytest.mark.parametrize("text,tweet", [r[1:] for r in RUN_ON], ids=[r[0] for r in RUN_ON])
def test_run_on_prose_is_cut_where_the_tweet_starts(text, tweet):
    [embed] = find_embeds(text)
    assert embed.text == tweet
    assert embed.text_confidence == "uncertain"   # a reading of run-on text: the fetched post settles it
    assert text[embed.span[0]:].startswith(tweet)


def test_tweets_in_a_row_start_where_the_previous_signature_ends():
    text = ("Intro.No more delays!  Ann Example (@ann_ex) May 2, 2019Agreed, open it now  Bo Sample (@bo_sample) "
            "May 2, 2019")
    first, second = find_embeds(text)
    assert (second.text, second.text_confidence) == ("Agreed, open it now", "high")


# Tweets in a row, each right after the previous one's signature, in run-on text: a reply repeating a phrase is no
# article quoting it before the embed (ISOT's texts). A sentence end glued to the next sentence ("state.Both") is
# cut at, as the article's sentence glued before a tweet is far more common there, unless the words after it glue a
# comma to the next word ("slow,may"): no scraper's seam does that, the author writes without spaces, and the glued
# sentence end may be theirs too: the text stays whole (and uncertain) when it fits in a tweet.
IN_A_ROW = [
    ("a-phrase-the-tweet-repeats",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017@mayor Repeat after me you Coward  Open The Bridge   "
     "open the bridge   open the bridge  Cy Example (@cy_ex) May 21, 2017More prose.",
     "@mayor Repeat after me you Coward  Open The Bridge   open the bridge   open the bridge"),
    ("an-author-who-writes-without-spaces",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017We are in talks (worst bridge ever built) with the county "
     "& the state.Both being slow,may have to close it?  Cy Example (@cy_ex) May 21, 2017More prose.",
     "We are in talks (worst bridge ever built) with the county & the state.Both being slow,may have to close it?"),
    ("prose-glueing-a-comma-before-the-seam",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017The council said no,again.Why is the bridge still "
     "closed?  Cy Example (@cy_ex) May 21, 2017More prose.",
     "Why is the bridge still closed?"),
    ("a-comma-glued-to-a-capital-is-a-seam",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017The vote was close,In the end it stays shut.Why is the "
     "bridge still closed?  Cy Example (@cy_ex) May 21, 2017More prose.",
     "Why is the bridge still closed?"),
    ("a-number-is-no-glued-comma",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017He didn t stop there.Over 1,000 cars a day cross it  "
     "Cy Example (@cy_ex) May 21, 2017More prose.",
     "Over 1,000 cars a day cross it"),
    # Two tweets glued with no mark between them ("…Scary face, checkmateWhen the mayor…": a lower-case word run
    # into a capitalised one): the start cannot be read for sure, so the text is uncertain even when it fits in a
    # tweet; it is cut there only when it is longer than a tweet (more than the tweet is there) and no other seam shows.
    ("longer-than-a-tweet-cut-at-the-glued-words",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017In a week w/ so many heavy stories, thank you to the "
     "council for the laugh. They did so much so well with the @mayor statue.  Tiny hands, check   Very long scarf, "
     "check   Scary face, checkmateWhen the mayor leaves office, can they move this statue to the museum basement? "
     "https://t.co/Ab12Cd34Ef  Cy Example (@cy_ex) December 19, 2017More prose.",
     "When the mayor leaves office, can they move this statue to the museum basement? https://t.co/Ab12Cd34Ef"),
    ("glued-words-fitting-in-a-tweet-kept-whole",
     "Words.Open it now  Bo Sample (@bo_sample) May 21, 2017Nice scarf, checkmateWhen will it end?  "
     "Cy Example (@cy_ex) December 19, 2017More prose.",
     "Nice scarf, checkmateWhen will it end?"),
]


@pytest.mark.parametrize("text,tweet", [r[1:] for r in IN_A_ROW], ids=[r[0] for r in IN_A_ROW])
def test_a_tweet_right_after_another_is_not_cut_inside_itself(text, tweet):
    second = find_embeds(text)[1]
    assert second.text == tweet
    assert second.text_confidence == "uncertain"   # run-on text: still a reading the fetched post settles


def test_names_handles_hashtags_and_links_in_camel_case_are_no_glued_words():
    """A text longer than a tweet but with no seam: "iPhone", "#openTheBridge", "@cityHall" and a link's
    "abcdEfgh" glue nothing, so nothing is cut."""
    words = ("The council met again on Tuesday evening and talked about the bridge for a long time, then about the "
             "roads. Nobody there had seen the new statue yet, nor read the report, nor knew who paid for it. I love "
             "my iPhone and #openTheBridge and @cityHall more than any of this, and always will https://t.co/abcdEfgh")
    [embed] = find_embeds(f"{words}  Cy Example (@cy_ex) December 19, 2017")
    assert (embed.text, embed.text_confidence) == (words, "uncertain")   # too long for a tweet: prose came along
    short = "Love my iPhone, #openTheBridge @cityHall https://t.co/abcdEfgh"
    second = find_embeds(f"Words.Open it now  Bo Sample (@bo_sample) May 21, 2017{short}  Cy Example (@cy_ex) May 21, "
                         "2017More prose.")[1]
    assert (second.text, second.text_confidence) == (short, "high")


@pytest.mark.parametrize("word", ["gitHub Actions", "useState fix", "setTimeout call", "youTube channel",
                                  "payPal account"])
def test_a_tweet_is_never_started_inside_a_camel_case_word(word):
    """"We moved the build to gitHub Actions today" after a long paragraph started at "Hub Actions today": the
    glued-words rule took any lower-case run before a capital for two texts run together. Only a word opening a
    sentence after it ("checkmateWhen") is such a seam (review26)."""
    prose = ("The council met on Tuesday to discuss the new budget and the plans for the river bridge, which has "
             "been closed since the spring floods damaged its supports and the city engineers said it would take "
             "months. ") * 2
    tweet = f"We moved the whole thing to the {word} today, and it is fast"
    [embed] = find_embeds(f"{prose}{tweet} pic.twitter.com/q3uNO4mJHi — Zed Quux (@zedquux) September 12, 2022\n")
    assert embed.text.startswith(prose[:40]) and embed.text_confidence == "uncertain"   # whole, as before


def test_text_longer_than_a_tweet_is_uncertain():
    prose = "The council met again on Tuesday evening and talked about the bridge for a long time. " * 5
    [embed] = find_embeds(prose + "Still closed  Ann Example (@ann_ex) May 2, 2019")
    assert embed.text_confidence == "uncertain"


def test_attached_media_link_does_not_count_toward_a_tweets_length():
    """X counts a link as 23 characters but an attached photo's pic.twitter.com link as none."""
    words = ("The bridge is open again after nine months of repairs and the whole town came out to see it. " * 3)[:270]
    [embed] = find_embeds(f"Intro.\n\nMore.\n\n{words} pic.twitter.com/Zz98Yy76Xx\n— Ann Example (@ann_ex) May 2, 2019\n")
    assert embed.text_confidence == "high"
    [embed] = find_embeds(f"Intro.\n\nMore.\n\n{words} https://t.co/Ab12Cd34Ef\n— Ann Example (@ann_ex) May 2, 2019\n")
    assert embed.text_confidence == "uncertain"   # 270 + 1 + 23 > 280


def test_multi_line_tweet_set_off_by_blank_lines_keeps_its_lines_and_is_sure():
    """Blank lines above the block and between it and its signature: the document's paragraphs are blocks, so the
    block's lines are the post's line breaks (the corpus's multi-line posts are laid out so)."""
    text = ("The council met.\n\nLine one of the post\nline two\nline three pic.twitter.com/Zz98Yy76Xx\n\n"
            "— Ann Example (@ann_ex) May 2, 2019\n\nMore prose.\n")
    [embed] = find_embeds(text)
    assert embed.text == "Line one of the post\nline two\nline three pic.twitter.com/Zz98Yy76Xx"
    assert embed.text_confidence == "high"


# Several lines taken where no blank lines set the block off: this stretch of the text has one paragraph a line,
# so the first lines may be prose (newuser27 finding 6). The lines are kept, and the text is unsure.
ONE_PARAGRAPH_A_LINE = [
    ("live-blog-line-after-a-signature",
     "Live: storm updates\n\nBy Staff\n\n0:00 Our reporter at pier 0 sends this.\n"
     "Update 0: pier 0 closed, stay away from the water\n— Reporter Zero (@rep00) September 1, 2023\n"
     "Update 1: pier 1 closed pic.twitter.com/Pq01rsTUvw\n— Reporter One (@rep01) September 2, 2023\n"
     "3:00 Our reporter at pier 3 sends this.\nUpdate 3: pier 3 closed\n— Reporter Three (@rep03) September 4, 2023\n",
     [("0:00 Our reporter at pier 0 sends this.\nUpdate 0: pier 0 closed, stay away from the water", "uncertain"),
      ("Update 1: pier 1 closed pic.twitter.com/Pq01rsTUvw", "high"),
      ("3:00 Our reporter at pier 3 sends this.\nUpdate 3: pier 3 closed", "uncertain")]),
    ("prose-lines-after-a-blank-line",
     "Live: reactions\n\nHere is what people are saying.\n\n\"This is a sad day,\" said one observer.\n"
     "Prose paragraph that should not be part of any tweet.\nA tweet directly after prose with no blank line\n"
     "— Someone Else (@someone_else) Sep 12, 2022\n",
     [("\"This is a sad day,\" said one observer.\nProse paragraph that should not be part of any tweet.\n"
       "A tweet directly after prose with no blank line", "uncertain")]),
    ("no-blank-line-above-the-signature",
     "Intro paragraph.\n\nFirst line of the post\nsecond line https://t.co/Ab12Cd34Ef\n"
     "— Jane Roe (@jroe) 3 March 2021\n\nNext paragraph.\n",
     [("First line of the post\nsecond line https://t.co/Ab12Cd34Ef", "uncertain")]),
]


@pytest.mark.parametrize("text,posts", [c[1:] for c in ONE_PARAGRAPH_A_LINE], ids=[c[0] for c in ONE_PARAGRAPH_A_LINE])
def test_several_lines_not_set_off_by_blank_lines_are_uncertain(text, posts):
    assert [(e.text, e.text_confidence) for e in find_embeds(text)] == posts


# A short last paragraph under a blank line: the post may go on above it (a tweet with a blank line inside), or
# the paragraph above may be prose; the paragraph is taken, unsure (newuser27 finding 6). Sure when what stands
# above the blank line cannot be the post's: the previous signature, a heading, nothing.
SHORT_LAST_PARAGRAPH = [
    ("words-above", "Here is what people are saying.\n\nBREAKING: Jury finds defendant not guilty on all counts.\n\n"
     "More to follow. https://t.co/AbCdEf1234\n\n— Court Watch (@courtwatch) 12 September 2022\n\nMore.\n",
     "More to follow. https://t.co/AbCdEf1234", "uncertain"),
    ("words-above-signature-right-under", "Intro.\n\nBREAKING: Jury finds defendant not guilty.\n\nMore to follow.\n"
     "— Court Watch (@courtwatch) 12 September 2022\n\nMore.\n", "More to follow.", "uncertain"),
    ("a-long-last-paragraph", "Intro.\n\nThe jury found the defendant not guilty on all counts after two days.\n\n"
     "— Court Watch (@courtwatch) 12 September 2022\n\nMore.\n",
     "The jury found the defendant not guilty on all counts after two days.", "high"),
    ("heading-above", "Intro.\n\nMore intro.\n\n## Reactions\n\nMore to follow.\n\n"
     "— Court Watch (@courtwatch) 12 September 2022\n", "More to follow.", "high"),
    ("nothing-above", "More to follow.\n\n— Court Watch (@courtwatch) 12 September 2022\n\nIntro.\n\nMore.\n",
     "More to follow.", "high"),
    # 200 characters of words above: they fit in a post of 2022 with it (280), not in one of 2014 (140): prose then.
    ("words-that-fit-a-post-of-that-day", f"Intro.\n\n{'The jury sat for two days. ' * 7}\n\nMore to follow.\n\n"
     "— Court Watch (@courtwatch) 12 September 2022\n", "More to follow.", "uncertain"),
    ("words-too-long-for-a-post-of-that-day", f"Intro.\n\n{'The jury sat for two days. ' * 7}\n\nMore to follow.\n\n"
     "— Court Watch (@courtwatch) 12 September 2014\n", "More to follow.", "high"),
    ("inline-signature", "Intro.\n\nBREAKING: Jury finds defendant not guilty.\n\n"
     "More to follow. — Court Watch (@courtwatch) 12 September 2022\n\nMore.\n", "More to follow.", "uncertain"),
]


@pytest.mark.parametrize("text,tweet,confidence", [c[1:] for c in SHORT_LAST_PARAGRAPH],
                         ids=[c[0] for c in SHORT_LAST_PARAGRAPH])
def test_a_short_last_paragraph_under_words_is_uncertain(text, tweet, confidence):
    embed = find_embeds(text)[-1]
    assert (embed.author_handle, embed.text, embed.text_confidence) == ("courtwatch", tweet, confidence)


def test_a_short_paragraph_is_weighed_against_its_platforms_limit():
    """287 characters: more than a tweet holds (280), not more than a Bluesky post (300)."""
    words = ("The jury sat for two days. " * 10)[:268]
    text = f"Intro.\n\n{words}\n\nMore to follow.\n\n— Court Watch (@HANDLE) 12 September 2022\n\nMore.\n"
    [tweet] = find_embeds(text.replace("HANDLE", "courtwatch"))
    [post] = find_embeds(text.replace("HANDLE", "courtwatch.bsky.social"))
    assert (tweet.platform, tweet.text, tweet.text_confidence) == ("twitter", "More to follow.", "high")
    assert (post.platform, post.text, post.text_confidence) == ("bluesky", "More to follow.", "uncertain")


def test_a_short_paragraph_under_the_previous_signature_is_sure():
    text = ("Intro.\n\nMore intro.\n\nFirst post here\n\n— Ann Example (@ann_ex) May 2, 2019\n\nMore to follow.\n\n"
            "— Court Watch (@courtwatch) 12 September 2022\n")
    embed = find_embeds(text)[-1]
    assert (embed.text, embed.text_confidence) == ("More to follow.", "high")


# The block above a signature ends at the previous blank line, heading or signature (#10); several lines not set
# off by blank lines are unsure (newuser27 finding 6).
BLOCK_ENDS = [
    ("previous-signature",
     "Intro.\n\nMore intro.\n\nFirst post here\n— Ann Example (@ann_ex) May 2, 2019\nSecond post, line one\n"
     "line two\n— Bo Sample (@bo_sample) May 2, 2019\n\nMore prose.\n", "Second post, line one\nline two"),
    ("previous-inline-signature",
     "Intro.\n\nMore intro.\n\nFirst post here — Ann Example (@ann_ex) May 2, 2019\nSecond post, line one\n"
     "line two\n— Bo Sample (@bo_sample) May 2, 2019\n\nMore prose.\n", "Second post, line one\nline two"),
    ("heading",
     "Intro.\n\nMore intro.\n\n## Reactions\nSecond post, line one\nline two\n— Bo Sample (@bo_sample) May 2, 2019\n",
     "Second post, line one\nline two"),
    ("signature-on-the-last-line",
     "Intro.\n\nMore intro.\n\nSecond post, line one\nline two — Bo Sample (@bo_sample) May 2, 2019\n\nMore.\n",
     "Second post, line one\nline two"),
]


@pytest.mark.parametrize("text,tweet", [b[1:] for b in BLOCK_ENDS], ids=[b[0] for b in BLOCK_ENDS])
def test_a_multi_line_block_ends_at_a_blank_line_heading_or_signature(text, tweet):
    embed = find_embeds(text)[-1]
    assert (embed.author_handle, embed.text, embed.text_confidence) == ("bo_sample", tweet, "uncertain")
    assert text[embed.span[0]:].startswith(tweet)


@pytest.mark.parametrize("seam", ["\n— ", " — "], ids=["signature-on-its-own-line", "signature-on-the-posts-line"])
def test_single_newline_document_with_a_line_above_the_post_is_uncertain(seam):
    """One paragraph a line: the line above may be prose or the post's own first line, so the start is unsure,
    wherever the signature stands (on the post's line it was "high": tweettext27)."""
    text = (f"The council met on Tuesday.\nOpen at last{seam}Riverton Roads (@RivertonRoads) December 6, 2022\n"
            "Next post here — Ann Example (@ann_ex) December 6, 2022\nTraffic returned to normal by noon.\n")
    first, second = find_embeds(text)
    assert (first.text, first.text_confidence) == ("Open at last", "uncertain")
    assert (second.text, second.text_confidence) == ("Next post here", "high")   # a signature right above it
    [alone] = find_embeds(f"Open at last{seam}Riverton Roads (@RivertonRoads) December 6, 2022\nMore.\n")
    assert alone.text_confidence == "high"   # nothing above it


@pytest.mark.parametrize("text,name,tweet", [
    ("If you look a few lines up  the code  will always be  404          (@code_ex) December 28, 2017",
     None, "If you look a few lines up  the code  will always be  404"),
    ("I reported it too  ?Chris? (@chris_ex) October 9, 2017", "?Chris?", "I reported it too"),
    ("Bridge open!\n— 🌉🌉 (@bridge_fan) May 2, 2019", "🌉🌉", "Bridge open!"),
    ("Bridge open!\n— ★ Riverton ★ (@riverton_star) May 2, 2019", "★ Riverton ★", "Bridge open!"),
    # A dash a scraper or an encoding without it (KOI8-R, ASCII) turned into a hyphen: it was kept as part of the name.
    ("Bridge open. pic.twitter.com/Zz98Yy76Xx - John Smith (@js_fict) December 6, 2022", "John Smith",
     "Bridge open. pic.twitter.com/Zz98Yy76Xx"),
    ("Мост снова открыт. - Иван Петров (@ivan_fict) December 6, 2022", "Иван Петров", "Мост снова открыт."),
    ("Bridge open. pic.twitter.com/Zz98Yy76Xx\n- John Smith (@js_fict) December 6, 2022", "John Smith",
     "Bridge open. pic.twitter.com/Zz98Yy76Xx"),
], ids=["number-is-no-name", "emoji-lost-to-question-marks", "emoji-only", "symbols", "hyphen-dash",
        "hyphen-dash-cyrillic", "hyphen-dash-own-line"])
def test_names_are_kept_as_written_and_a_number_is_no_name(text, name, tweet):
    [embed] = find_embeds(text)
    assert (embed.author_name, embed.text) == (name, tweet)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_ends_of_any_kind_give_the_same_posts_and_credits(newline):
    """Text with CR line ends (classic Mac, some exports) was one long line to the detectors: the tweet's text took
    in the paragraph above it, marked "high" confidence. A lone CR is a line end, as in HTML; spans still index the
    text as written."""
    from resolver.extract import find_all

    doc = ("First paragraph of the story, long enough to matter here.\n\nBridge open again after nine months. "
           "pic.twitter.com/Zz98Yy76Xx\n— Ann Lee (@annlee_fict) December 6, 2022\n\n"
           "A street. (Photo: Zoë Åström/Exämple Wire)\n")
    text = doc.replace("\n", newline)
    embeds, credits = find_all(text, "text")
    assert [(e.author_name, e.text, e.text_confidence) for e in embeds] == [
        ("Ann Lee", "Bridge open again after nine months. pic.twitter.com/Zz98Yy76Xx", "high")]
    assert text[embeds[0].span[0]:embeds[0].span[1]].startswith("Bridge open again")
    assert [(c.creator, text[c.span[0]:c.span[1]]) for c in credits] == [
        ("Zoë Åström", "(Photo: Zoë Åström/Exämple Wire)")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_blank_lines_are_read_alike_whatever_the_line_ends(newline):
    """A CRLF document's blank lines ("\\r\\n\\r\\n") were not seen as blank lines: the document was read as one
    paragraph a line, a multi-line tweet lost its first line and a short last paragraph stayed sure."""
    from resolver.extract import find_all

    doc = ("Intro paragraph.\n\nMore intro.\n\nLine one of the post\nline two pic.twitter.com/Zz98Yy76Xx\n\n"
           "— Ann Example (@ann_ex) May 2, 2019\n\nBREAKING: Jury finds defendant not guilty.\n\nMore to follow.\n\n"
           "— Court Watch (@courtwatch) 12 September 2022\n\nMore prose.\nLine one\nline two — Bo Sample (@bo_sample) "
           "May 2, 2019\n\nEnd.\n")
    text = doc.replace("\n", newline)
    embeds = find_all(text, "text")[0]
    assert [(e.text, e.text_confidence) for e in embeds] == [
        ("Line one of the post\nline two pic.twitter.com/Zz98Yy76Xx", "high"), ("More to follow.", "uncertain"),
        ("More prose.\nLine one\nline two", "uncertain")]
    assert text[embeds[0].span[0]:].startswith("Line one of the post")


def test_an_earlier_post_quoted_again_before_the_next_one_is_not_part_of_it():
    """A run-on article embeds a post, then introduces the next with the first one's words again: "X tweeted:
    <first post's text><second post's text> — Name (@h) date". The second post's text began with the first's
    (a real page of the corpus); a post that opens with another post's whole text is the article quoting it."""
    text = ("The mayor took to Twitter.Why is the bridge still closed when the tunnel is open?  Ann Example "
            "(@ann_ex) June 15, 2017She tweeted:  Why is the bridge still closed when the tunnel is open?Ask the "
            "council, who met for five minutes and went home.  Ann Example (@ann_ex) June 15, 2017Then she stopped.")
    first, second = find_embeds(text)
    assert first.text == "Why is the bridge still closed when the tunnel is open?"
    assert second.text == "Ask the council, who met for five minutes and went home."
    assert second.text_confidence == "uncertain"
    assert text[second.span[0]:].startswith(second.text)


# Without its scheme, as prose often writes a link (#11): the same forms, as strictly (the parser decides).
BARE_MASTODON_POSTS = [(r[0], r[1].removeprefix("https://"), *r[2:]) for r in MASTODON_POSTS]
# Other sites' /@name paths without a scheme, and an e-mail address followed by a path: no Mastodon post.
BARE_NOT_MASTODON = [(r[0], r[1].removeprefix("https://"), r[2]) for r in NOT_MASTODON] + [
    ("email-then-path", "jane@hachyderm.io/@jane/109876543210987654", None),
    ("email-then-short-path", "name@host.tld/@x/123", None),
    ("inside-a-longer-path", "https://news.example.com/go/hachyderm.io/@jane/109876543210987654", None),
]


@pytest.mark.parametrize("url,canonical,post_id,handle", [r[1:] for r in MASTODON_POSTS + BARE_MASTODON_POSTS],
                         ids=[r[0] for r in MASTODON_POSTS] + [f"bare-{r[0]}" for r in BARE_MASTODON_POSTS])
def test_a_mastodon_post_url_on_any_instance_is_found_in_text(url, canonical, post_id, handle):
    """Only instances named "mastodon" were sure to be found; an account of another instance not at all; and
    without its scheme ("hachyderm.io/@jane/<id>"), only on known platforms' hosts (#11)."""
    text = f"The council answered on Mastodon ({url}), an hour later.\n"
    [embed] = find_embeds(text)
    assert (embed.platform, embed.kind, embed.url, embed.post_id, embed.author_handle, embed.detector) == (
        "mastodon", "post", canonical, post_id, handle, "text-url")
    assert text[embed.span[0]:embed.span[1]] == url


def test_other_sites_at_name_paths_without_a_scheme_are_no_mastodon_posts():
    text = "".join(f"See {url} and more.\n" for _, url, _ in BARE_NOT_MASTODON)
    assert [e.platform for e in find_embeds(text)] == ["tiktok"]


def test_other_sites_at_name_paths_in_text_are_no_mastodon_posts():
    text = "".join(f"See {url} and more.\n" for _, url, _ in NOT_MASTODON)
    assert [e.platform for e in find_embeds(text)] == ["tiktok"]


WORDS = ["Our harbour master", "painted", "seven blue boats", "by Mill Lane", "and counted", "the lanterns",
         "at Quay Square", "before supper", "then wrote", "a few notes", "about the tide"]
# 18 lines, 3,600 characters; every stretch of 20 characters holds a number no other line has, so no phrase is
# written twice (the sign of an article quoting a post before embedding it).
LONG_POST_LINES = [" ".join(f"{words} {100 * line + i}" for i, words in enumerate(WORDS)) + "."
                   for line in range(1, 19)]


@pytest.mark.parametrize("year,whole", [("2024", True), ("2019", False)], ids=["long-post-era", "280-era"])
def test_a_long_post_of_its_day_is_not_cut_for_its_length(year, whole):
    """X Premium posts hold up to 25,000 characters (since February 2023): a 2,000-character post of 2024, its lines
    not set off by blank lines, was cut to its last 1,200 characters' lines, as a text longer than any post. It is
    whole, and unsure (longer than most accounts' posts, its lines may be prose). A 2019 post cannot be that long:
    the lines above its last ones are prose, and are left out as before (#10)."""
    post = "\n".join(LONG_POST_LINES)
    [embed] = find_embeds(f"The story.\n\nMore story.\n\n{post}\n— Ann Example (@ann_ex) May 1, {year}\n\nMore.\n")
    assert (embed.text == post) is whole and embed.text_confidence == "uncertain"
    assert embed.text.endswith(LONG_POST_LINES[-1])


@pytest.mark.parametrize("year,start", [("2024", "Our harbour master"), ("2019", "When we")], ids=["long-post-era", "280-era"])
def test_glued_words_cut_a_text_only_when_it_is_longer_than_a_post_of_its_day(year, start):
    """Words glued with no mark ("checkmateWhen") cut a text only when it is longer than a post can be: a post of
    2024 can hold 600 characters, so the text stays whole (unsure); one of 2019 cannot, so the article's prose is cut
    off (#10)."""
    words = " ".join(LONG_POST_LINES[:4]) + " That is checkmateWhen we vote again we will win."
    [embed] = find_embeds(f"The story.\n\n{words} — Ann Example (@ann_ex) May 1, {year}\n\nMore.\n")
    assert embed.text.startswith(start) and embed.text_confidence == "uncertain"


SHORT_POSTS = ["Wow.", "Breaking news", "This is huge!", "🔥🔥"]


@pytest.mark.parametrize("post", SHORT_POSTS, ids=["one-word", "two-words", "four-words", "emoji"])
@pytest.mark.parametrize("layout,confidence", [
    ("Intro.\n\n## Reactions\n\n{post}\n\n— Ann Example (@ann_ex) May 1, 2024\n", "high"),
    ("{post}\n— Ann Example (@ann_ex) May 1, 2024\n\nThe story.\n", "high"),
    ("Intro.\n\nFirst post\n— Bo Roe (@bo_roe) May 1, 2024\n\n{post} — Ann Example (@ann_ex) May 1, 2024\n", "high"),
    (f"{'The council met on Tuesday and argued over the bridge for hours. ' * 5}\n\n{{post}}\n"
     "— Ann Example (@ann_ex) May 1, 2022\n", "high"),
    ("The council met on Tuesday.\n\n{post}\n— Ann Example (@ann_ex) May 1, 2024\n\nMore.\n", "uncertain"),
    ("The council met on Tuesday.\n{post}\n— Ann Example (@ann_ex) May 1, 2024\nMore.\n", "uncertain"),
], ids=["under-a-heading", "nothing-above", "under-a-signature", "under-long-prose", "under-short-words",
        "one-paragraph-a-line"])
def test_a_short_post_is_kept_whole_and_unsure_only_where_words_above_may_be_its_own(post, layout, confidence):
    """The five-word short-paragraph rule on one-, two- and four-word posts: never dropped, kept whole; unsure only
    where the words above may be the same post's (#10)."""
    embed = find_embeds(layout.format(post=post))[-1]
    assert (embed.author_handle, embed.text, embed.text_confidence) == ("ann_ex", post, confidence)


@pytest.mark.parametrize("text,name,tweet,confidence", [
    # a line of capitalised words and no dash: where the name starts is not known, and nothing says
    ("Story.\n\nBreaking News Ann Example (@ann_ex) May 1, 2024\n\nMore.\n", "Breaking News Ann Example", "Story.", "uncertain"),
    ("Story.\n🔥🔥 Ann Example (@ann_ex) May 1, 2024\nMore.\n", "🔥🔥 Ann Example", "Story.", "uncertain"),
    ("Intro.\n\n## Reactions\n\nWow.\n\nMayor Ann Example (@ann_ex) May 1, 2024\n\nMore.\n", "Mayor Ann Example", "Wow.",
     "uncertain"),
    # the run of name words stopped only by its length: the words before it may be the post's too
    ("Intro.\n\nBreaking News From The City Hall Ann Example (@ann_ex) May 1, 2024\n",
     "From The City Hall Ann Example", "Breaking News", "uncertain"),
    # the account's name, as a signature with a dash gives it elsewhere in the article: the words before it are the post
    ("Intro.\n\nFirst post\n— Ann Example (@ann_ex) April 30, 2024\n\nStory.\n\n"
     "Breaking News Ann Example (@ann_ex) May 1, 2024\n\nMore.\n", "Ann Example", "Breaking News", "uncertain"),
    ("## Reactions\n\nBreaking News Ann Example (@ann_ex) May 1, 2024\n\nLater.\n\nFirst post\n"
     "— Ann Example (@ann_ex) May 2, 2024\n", "Ann Example", "Breaking News", "high"),
    # still sure: the name's first word is in the handle, one word is no post and a name, or words end the text
    ("Story.\n\nAnn Example (@ann_ex) May 1, 2024\n\nMore.\n", "Ann Example", "Story.", "high"),
    ("Story.\n\nRiverton (@desk_ex) May 1, 2024\n\nMore.\n", "Riverton", "Story.", "high"),
    ("## Reactions\n\nThe bridge is open. Ann Example (@ann_ex) May 1, 2024\n\nMore.\n", "Ann Example", "The bridge is open.", "high"),
    ("## Reactions\n\nthe bridge is open Mayor Ann Example (@ann_ex) May 1, 2024\n\nMore.\n", "Mayor Ann Example",
     "the bridge is open", "high"),
], ids=["whole-line", "emoji-first", "title-first", "six-words", "named-with-a-dash-above", "named-with-a-dash-below",
        "first-word-in-handle", "one-word", "sentence-end", "lower-case-word"])
def test_left28_a_name_with_no_dash_that_may_hold_the_posts_words_is_not_sure(text, name, tweet, confidence):
    """"Story. / Breaking News Ann Example (@ann_ex) May 1, 2024": with no dash, capitalised words and emoji are read
    as the name, so a short post right before the name became part of it and the paragraph above was taken as the
    post, marked sure. Where the name's start is a guess (the words run from the line's start, or past the longest
    name read), it is split only where the article names the account with a dash elsewhere; else the text is
    uncertain (#10)."""
    embed = [e for e in find_embeds(text) if e.date == "2024-05-01"][-1]
    assert (embed.author_name, embed.text, embed.text_confidence) == (name, tweet, confidence)


def test_a_signature_dash_written_as_mojibake_is_a_dash() -> None:
    """wire28 (newuser28 #7): a page read as cp1252 (declared so) whose signature's dash is UTF-8 shows it as "â€”":
    the signature took that mojibake as the post's whole text and left the post's line above a media-link embed.
    It is the dash."""
    from resolver.extract import find_all

    text = "Great day in Paris pic.twitter.com/AbCdEf1234\n\u00e2\u20ac\u201d José (@jose_example) March 3, 2020\n"
    embeds, _ = find_all(text, "text")
    assert [(e.detector, e.author_name, e.text) for e in embeds] == [
        ("text-signature", "José", "Great day in Paris pic.twitter.com/AbCdEf1234")]


def test_review29_one_post_by_two_url_forms_in_plain_text_is_one_embed():
    """A plain text naming one post twice (a bare x.com link, then the twitter.com one in its signature; or the same
    Instagram post as /reel/ and /p/) gave an embed each time: the HTML scan gives one, its other places in `also_at`
    (#15). The signature, which has the post's words, is the one kept."""
    text = ("Read https://x.com/ann_ex/status/1600000000000000001?s=20 first.\n\n"
            "The bridge is open again\n— Ann Example (@ann_ex) May 1, 2024 "
            "https://twitter.com/ann_ex/status/1600000000000000001\n\n"
            "See https://www.instagram.com/reel/CxAbC123dEf/ and https://instagram.com/p/CxAbC123dEf.\n")
    embeds = find_embeds(text)
    assert [(e.platform, e.post_id, e.detector, len(e.also_at)) for e in embeds] == [
        ("twitter", "1600000000000000001", "text-signature", 1), ("instagram", "CxAbC123dEf", "text-url", 1)]
    assert embeds[0].text == "The bridge is open again" and embeds[0].also_at[0][0] == text.index("https://x.com")


@pytest.mark.parametrize("after", ["\u200b", "\u200d", "\u2060", "\ufeff", ".\u200b"],
                         ids=["zero-width-space", "zero-width-joiner", "word-joiner", "bom", "dot-then-zwsp"])
def test_review29_a_zero_width_character_after_a_post_url_is_not_part_of_it(after):
    """CMSs put a zero-width space after a long URL so it may break; it is no character of the URL, which was taken
    whole with it and named no post ("1600000000000000001\\u200b" is no id) (#15)."""
    text = f"Read https://x.com/ann_ex/status/1600000000000000001{after} today."
    [embed] = find_embeds(text)
    assert embed.post_id == "1600000000000000001" and text[embed.span[1] - 1] == "1"


def test_every_date_a_signature_reads_starts_with_a_word_character():
    """The signature's head test (`SIGNATURE_START_RE`, #14) asks for a word character where the date starts: every
    month name, a day's digits and a year's (Arabic-Indic ones too) start with one. A month starting otherwise
    would make the head turn away a signature the full pattern reads."""
    import re

    from resolver.extract import dates, text

    assert all(re.match(r"\w", month, re.IGNORECASE) for month in dates._MONTHS)
    for line in ("(@ann) Sept. 12, 2022", "(@ann) on [12 de septiembre de 2022]", "(@ann) ١٢ مايو ٢٠٢٢",
                 "(@ann) 2022年9月12日"):
        assert text.SIGNATURE_RE.match(line) is not None and text.SIGNATURE_START_RE.match(line) is not None, line


@pytest.mark.parametrize("text, urls", [
    ("See web.archive.org/web/20260310120000/https://t.me/a_b/45, then more.",
     ["web.archive.org/web/20260310120000/https://t.me/a_b/45"]),
    ("WEB.ARCHIVE.ORG/web/2026/t.me/a_b/45 and https://t.me/a_b/46",
     ["WEB.ARCHIVE.ORG/web/2026/t.me/a_b/45", "https://t.me/a_b/46"]),
    ("x https://example.com/r?u=web.archive.org/web/20260310120000/https://t.me/a_b/45 y",
     ["https://example.com/r?u=web.archive.org/web/20260310120000/https://t.me/a_b/45"]),
], ids=["capture-in-prose", "capitals-and-a-live-link-after", "inside-another-urls-query"])
def test_a_capture_link_without_its_scheme_is_one_url_in_prose(text, urls):
    """Not its inner URL alone (fixembed29, noticed), and not one cut out of another URL's query."""
    assert [url for url, _, _ in find_urls(text)] == urls


def test_review29c_a_posts_signature_repeated_without_its_link_is_one_post():
    """Plain text that gives a post with its link and later repeats its words and signature with no link has one
    post, as the HTML scan has (review29c); another post of that author the same day stays a post."""
    text = ("Story.\n\nWe won the vote today\n\n\u2014 Jane Placeholder (@fictional_acct) May 1, 2024 "
            "https://twitter.com/fictional_acct/status/1785000000000000000\n\nLater she repeated it.\n\n"
            "We won the vote today\n\n\u2014 Jane Placeholder (@fictional_acct) May 1, 2024\n\n"
            "And then: We lost the recount\n\n\u2014 Jane Placeholder (@fictional_acct) May 1, 2024\n\nEnd.\n")
    embeds = find_embeds(text)
    assert [(e.post_id, e.text) for e in embeds] == [
        ("1785000000000000000", "We won the vote today"), (None, "And then: We lost the recount")]
    [(start, end)] = embeds[0].also_at
    assert text[start:end].startswith("We won the vote today\n\n") and text.index("repeated") < start


def test_review29c_a_byline_in_plain_text_is_no_post():
    """A scraped article's byline with its writer's handle and the day is no post (review29c)."""
    text = "Council votes\n\nBy Jane Placeholder (@fictional_acct) May 1, 2024\n\nThe council met on Tuesday.\n"
    assert find_embeds(text) == []


def test_a_post_quoted_twice_in_a_text_with_other_words_keeps_each_places_words():
    """Plain text as HTML (newuser29b §1): the same post's signature twice, the second with a word changed, is one
    embed whose other place keeps its words; the same words again need no second check."""
    def signed(words: str) -> str:
        return f"{words}\n— Dan Example (@danex) May 1, 2020 https://twitter.com/danex/status/1256000000000000001\n"
    text = signed("The ferry runs on Monday.") + "\nMore news.\n\n" + signed("The ferry stops on Monday.") \
        + "\nAnd again.\n\n" + signed("The ferry runs on Monday.")
    [embed] = find_embeds(text)
    assert embed.text == "The ferry runs on Monday." and len(embed.also_at) == 2
    assert [(o.text, o.detector) for o in embed.other_words] == [("The ferry stops on Monday.", "text-signature")]
