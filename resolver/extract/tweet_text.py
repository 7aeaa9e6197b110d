"""Where a flattened tweet's words start, when a scraper ran the article's prose into it.

Run-on scraped text (paragraphs joined with no space or line break) glues the article's last sentence to the
tweet: `…as you'd expect.What kind of president…`. The tweet starts after the glued boundary, not at the
paragraph. Four signs are read, the strongest first:
- an introduction glued to a quote (`…shared it below:I would like…`, `Watch: If…`): the tweet starts there,
  and any glued boundary after it is a line break the tweet itself lost ("WATCH:" in capitals opening a sentence is
  a news account's label on its own tweet: the tweet starts at it);
- a sentence end glued to the next sentence (`expect.What`): the tweet starts at the last one, unless the words
  after it glue a comma to the next word (`Canada.Both being very difficult,may`): that author writes without
  spaces, so the glued sentence end may be theirs, and a text that fits in a tweet is kept whole;
- a lower-case word glued to a capitalised one (`checkmateWhen`), two texts run together with no mark: the text
  is uncertain, and cut there only when it is longer than a post of its day can be (so more than the post is there);
- a tweet the article quoted in its prose before embedding it (`…, he tweeted. 2018 will be… As our Country…`):
  the tweet starts where its words begin the second time.
A start chosen by these signs is a reading, not a fact: it is reported as uncertain so the fetched post can
settle it (`Embed.text_confidence`).
"""

from __future__ import annotations

import re

from resolver.lazy import LazyPattern

HIGH = "high"
UNCERTAIN = "uncertain"
# Words beside a link given to the post by another's report of it ("…», según publicó el diario …"): compared with
# the post, never failed, as the article may quote that report to say it is wrong (newuser45a #2).
REPORTED = "reported"
MAX_TWEET_CHARS = 280   # most accounts' limit since November 2017 (140 before); links count as 23
MAX_LONG_POST_CHARS = 25_000   # X Premium's long posts: 4,000 characters from 8 February 2023, 25,000 since
LINK_RE = LazyPattern(r"(?:https?://\S+|pic\.(?:twitter|x)\.com/\S+)")
MEDIA_LINK_RE = LazyPattern(r"(?:https?://)?pic\.(?:twitter|x)\.com/\S+")
# A sentence end with the next sentence glued on: "expect.What", "2016.Happy", "there.BREAKING". The character
# before the mark must be a word character or closing quote, so "U.S." and "..." do not count.
GLUED_SENTENCE_RE = LazyPattern(r"(?<=[a-z0-9)\"'”’%])[.!?]+[\"'”’]?(?=[A-Z@#]|[\"“‘][A-Z])")
# A comma glued to a lower-case word ("difficult,may"): inside a sentence, so never a scraper's seam.
GLUED_COMMA_RE = LazyPattern(r"(?<=[A-Za-z]),(?=[a-z])")
# Words glued with no mark ("…Horrifying face, checkmateWhen Trump is impeached…"): a whole lower-case word run
# into a word that opens a sentence. Not after "@", "#" or "/", nor inside a word: handles, hashtags, links,
# "iPhone", "McKay"; nor before any other capitalised word: "gitHub", "useState", "payPal" are single words, and a
# tweet started at "Hub Actions" was cut inside one (review26).
SENTENCE_OPENERS = ("When|What|Why|How|Who|Where|Which|The|This|That|These|Those|There|Here|It|Its|We|You|He|She"
                    "|They|My|Our|Your|His|Her|Their|If|But|And|So|Thank|Thanks|Just|Today|Now|No|Not|Is|Are|Was"
                    "|Can|Will|Let|Please|Happy|Congratulations|Breaking|Watch")
GLUED_WORDS_RE = LazyPattern(rf"(?<![^\s])[a-z]{{3,}}(?=(?:{SENTENCE_OPENERS})\b)")
# An introduction: a colon glued to what follows, or after a word that announces a quote.
GLUED_COLON_RE = LazyPattern(r"(?<=[a-z0-9)])[:](?=[A-Z@#]|[\"“‘][A-Z])")
INTRO_RE = LazyPattern(
    r"\b(?P<word>(?i:below|tweeted|tweets|tweet|wrote|writes|responded|replied|posted|added|watch|here|follows"
    r"|refresher))[ \t]*:[ \t]+(?=[A-Z\"“‘@#])")
SENTENCE_END_CHARS = ".!?)\"'”’"
WORD_START_RE = LazyPattern(r"(?<![\w'’])(?=[\w\"“‘@#])")
REPEAT_WINDOW = 30
REPEAT_REACH = 2000   # characters: more than a tweet and the paragraph that quotes it
MIN_REPEAT = 9


def start_of_tweet(text: str, *, after_post: bool = False, longest: int = MAX_TWEET_CHARS) -> tuple[int, str]:
    """(offset where the tweet starts in `text`, confidence) for text that may carry the article's prose first.
    `after_post`: the text starts right where another post's signature ended. There, a text opening with a handle
    ("... 2017@mayor Repeat after me ...") is a reply, not the article's prose: a phrase it holds twice is the reply
    repeating itself, not the article quoting a post before embedding it (ISOT's tweets in a row). It stays
    uncertain. `longest`: the most characters a post of its day can hold (`longest_on`): only a text longer than that
    is cut for its length; one longer than most accounts' posts is uncertain."""
    start, cut = _glued_start(text, longest)
    repeat = _repeated_start(text, start)
    if after_post and text[start:start + 1] == "@":
        cut = cut or repeat is not None   # the repeat is the reply's own: the text stays whole, and unsure
    elif repeat is not None:
        start, cut = _sentence_start(text, repeat, start), True
    return start, UNCERTAIN if cut or too_long(text[start:]) else HIGH


def too_long(text: str, *, limit: int = MAX_TWEET_CHARS) -> bool:
    """Longer than any tweet can be, links counted as t.co makes them (an attached photo's pic.twitter.com link
    counts for nothing): prose came along."""
    text = MEDIA_LINK_RE.sub("", text.strip()).strip()
    return len(LINK_RE.sub("x" * 23, text)) > limit


LONGER_TWEETS_FROM = "2017-11-07"   # the day X doubled its limit to 280 characters


LONG_POSTS_FROM = "2023-02-08"   # the day X let its subscribers post more than 280 characters


def limit_on(date: str | None) -> int:
    """The most characters most accounts' tweets of that day (ISO; None: unknown) hold: 140 before 7 November 2017,
    280 since. A text longer than that is unsure: the article's prose may have come along."""
    return MAX_TWEET_CHARS if date is None or date >= LONGER_TWEETS_FROM else 140


def longest_on(date: str | None) -> int:
    """The most characters any post of that day can hold, a subscriber's long post included (25,000 since February
    2023): a text is cut for its length only past it. A long post was cut as "longer than any tweet" (#10)."""
    return MAX_LONG_POST_CHARS if date is not None and date >= LONG_POSTS_FROM else limit_on(date)


def _glued_start(text: str, longest: int) -> tuple[int, bool]:
    intros = ([m.end() for m in GLUED_COLON_RE.finditer(text)]
              + [_after_intro(text, m) for m in INTRO_RE.finditer(text)])
    if intros:
        return max(intros), True
    ends = [m.end() - (m.group().endswith("..") and text[m.end():m.end() + 1] == "@")
            for m in GLUED_SENTENCE_RE.finditer(text)]   # "Red Cross..@realDonaldTrump": the tweet's ".@" (#10)
    if ends and ends[-1] < _last_glued_comma(text) and not too_long(text, limit=longest):
        return 0, True   # "Canada.Both being very difficult,may": the author's own glue, as likely as a seam
    if ends:
        return ends[-1], True
    glued = [m.end() for m in GLUED_WORDS_RE.finditer(text)]   # "checkmateWhen": no mark shows the seam, if it is one
    return (glued[-1] if too_long(text, limit=longest) else 0, True) if glued else (0, False)


def _after_intro(text: str, intro: re.Match[str]) -> int:
    """Where the tweet starts after an introduction: after it, but at it when it is a label in capitals opening a
    sentence ("…the agreement.)WATCH: Kimberly Guilfoyle says…"): news accounts open their own tweets so, where an
    article introducing one writes "Watch:"."""
    at = intro.start()
    while at and text[at - 1].isspace():   # no copy of the text before it: many intros stay linear (#12)
        at -= 1
    if intro.group("word").isupper() and (at == 0 or text[at - 1] in SENTENCE_END_CHARS):
        return intro.start()
    return intro.end()


def _last_glued_comma(text: str) -> int:
    """Where the last comma glued to a lower-case word stands ("difficult,may"), -1 when none does. A scraper's
    seam joins paragraphs, which start in capitals: this glue is the author's, who writes without spaces."""
    return max((m.start() for m in GLUED_COMMA_RE.finditer(text)), default=-1)


SENTENCE_END_RE = LazyPattern(r"[.!?][\"'”’]?[ \t]+(?=[A-Z\"“‘@#])")
PARAPHRASED_WORDS = 4   # words of a tweet's opening an article's paraphrase may have changed ("calls" for "called")


def _sentence_start(text: str, repeat: int, floor: int) -> int:
    """A repeat starting in lower case ("to the bridge ...") began inside the tweet's first sentence: the article
    paraphrased its first words. The tweet starts at that sentence's start, when it is at most a few words back."""
    if not text[repeat: repeat + 1].islower():
        return repeat
    ends = list(SENTENCE_END_RE.finditer(text, max(floor, repeat - 60), repeat))
    if not ends:
        return repeat
    opening = text[ends[-1].end(): repeat]
    return ends[-1].end() if 0 < len(opening.split()) <= PARAPHRASED_WORDS else repeat


def _repeated_start(text: str, start: int) -> int | None:
    """Where the tweet's opening words appear a second time after `start`: the first copy was the article
    quoting the tweet, the second is the tweet. The earliest word whose next words occurred before it wins."""
    # A tweet and the article's quote of it sit near the signature: only the text's last stretch is searched,
    # so a huge run-on paragraph costs no more than a short one.
    for match in WORD_START_RE.finditer(text, max(start + 1, len(text) - REPEAT_REACH)):
        at = match.start()
        window = text[at: at + REPEAT_WINDOW]
        link = LINK_RE.search(window)
        cut = window[: link.start()] if link else window
        window = cut.rstrip()   # a full window that ends at a space is still full (#10: "I happen to have seen ")
        if len(window) < MIN_REPEAT or " " not in window:
            continue
        if len(cut) < REPEAT_WINDOW and at + len(window) < len(text.rstrip()) and not link:
            continue   # a short window must reach the end of the text (the whole tweet) to count
        earlier = text.find(window, max(start, at - REPEAT_REACH), at)
        if earlier >= 0 and (earlier == start or not text[earlier - 1].isalnum()):
            return at
    return None
