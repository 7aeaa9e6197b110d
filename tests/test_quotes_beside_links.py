"""Quotes of posts beside a bare link (newuser34 #1, #2, #3): prose (`Smith <a>posted</a>: "…"`) and a CMS's
pull-quote. A link was read as a link alone: its report said "the article quotes no text of this post" (false), passed
a changed figure under --fail-on fail, passed the author where the prose named another speaker, and said "the article
shows no date" where the link's own words were one. Fictional posts, served on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from resolver.budgets import DEFAULT_LIMITS
from resolver.cli import cli
from resolver.extract import find_all
from tests import xfixtures as fx
from tests.test_fetch import by_id, json_page
from tests.waybacknet import serve

POST_ID = "1635717429457846273"   # minted 2023-03-14T19:00:00Z
URL = f"https://twitter.com/CouncilorSmith/status/{POST_ID}"
WORDS = ("The council rejected the bridge plan tonight. We will not support new tolls on Route 9. Costs rose 12 "
         "percent this year.")


def _page(body: str) -> str:
    return f'<html lang="en"><body><article><p>RIVERTON — The council met on Tuesday.</p>{body}</article></body></html>'


PROSE_CHANGED = _page(f'<p>Smith <a href="{URL}">posted</a> later that night: "Costs rose 21 percent this year."</p>')
PULL_QUOTE = _page(f'<blockquote class="pullquote"><p>“The council approved the bridge plan tonight.”</p><footer>— Pat '
                   f'Smith (@CouncilorSmith) on X, <a href="{URL}">March 14, 2023</a></footer></blockquote>')
WRONG_SPEAKER = _page(f'<p>Mayor Jones <a href="{URL}">wrote on X</a>: “We will not support new tolls on Route 9.”</p>')
BARE = _page(f'<p>Smith <a href="{URL}">posted about it</a> on Tuesday.</p>')


@pytest.mark.parametrize("body, text, confidence, name", [
    (f'<p>Smith <a href="{URL}">posted</a> later that night: "Costs rose 21 percent this year."</p>',
     "Costs rose 21 percent this year.", "high", "Smith"),
    (f'<p>“Costs rose 12 percent,” Smith <a href="{URL}">posted</a>.</p>', "Costs rose 12 percent", "uncertain",
     "Smith"),
    (f'<p>Jones <a href="{URL}">replied on X</a>: “I never said the budget was balanced.</p><p>“The audit found 3 '
     'errors, not 30,” she added.</p>', "I never said the budget was balanced. The audit found 3 errors, not 30",
     "high", "Jones"),
    (f'<blockquote class="pullquote"><p>“The council approved the bridge plan tonight.”</p><footer>— Pat Smith '
     f'(@CouncilorSmith) on X, <a href="{URL}">March 14, 2023</a></footer></blockquote>',
     "The council approved the bridge plan tonight.", "high", "Pat Smith"),
    # precision: a person quoted in speech, the post linked in another paragraph or past a speech verb
    (f'<p>“We are broke,” the mayor said at the meeting.</p><p>Smith <a href="{URL}">responded</a> on X.</p>',
     None, None, "Smith"),
    (f'<p>“We are broke,” the mayor told reporters, hours after Smith <a href="{URL}">posted</a> on X.</p>',
     None, None, "Smith"),
    (f'<p>The council <a href="{URL}">voted</a>. Later, the mayor said: “We are broke.”</p>', None, None, None),
    # a name before a link that is no verb of posting may be the one spoken of, not the speaker
    (f'<p>Trump attacked Chuck Jones <a href="{URL}">in a post</a> on Tuesday.</p>', None, None, None),
    (f'<p>Mayor Jones said <a href="{URL}">on X</a> that the vote was fair.</p>', None, None, "Mayor Jones"),
], ids=["colon-after-link", "quote-before-link", "quote-over-two-paragraphs", "pull-quote", "speech-elsewhere",
        "speech-verb-between", "another-sentence", "name-spoken-of", "name-then-verb"])
def test_words_quoted_beside_a_link_are_read_as_its_quote_and_no_others(body, text, confidence, name):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.detector, embed.text, embed.text_confidence, embed.author_name) == ("html-link", text, confidence,
                                                                                     name)


def test_a_links_own_words_that_are_a_date_are_its_date():
    [embed] = find_all(PULL_QUOTE, "html")[0]
    assert (embed.date_text, embed.date) == ("March 14, 2023", "2023-03-14")
    [embed] = find_all(BARE, "html")[0]
    assert (embed.date_text, embed.date) == (None, None)


@pytest.fixture
def report(fakenet, tmp_path):
    """Run `report` on an article (on loopback: syndication answers the post, the archive has no capture)."""
    answer = dict(fx.SYNDICATION_TWEET, id_str=POST_ID, text=WORDS, created_at="2023-03-14T19:00:00.000Z",
                  display_text_range=[0, len(WORDS)], mediaDetails=[],
                  user=dict(fx.SYNDICATION_TWEET["user"], screen_name="CouncilorSmith", name="Pat Smith"),
                  entities={"hashtags": [], "urls": [], "user_mentions": [], "symbols": []},
                  edit_control={"edit_tweet_ids": [POST_ID], "editable_until_msecs": "1678824000000",
                                "is_edit_eligible": False, "edits_remaining": "5"})
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST_ID: [json_page(answer)]}))
    serve(fakenet, [])
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\n[limits]\n" + "".join(f'"{p}" = 0\n' for p in DEFAULT_LIMITS)
                      + "[origins]\n" + "".join(f'"https://{h}" = "{fakenet.origin}"\n' for h in (
                          "cdn.syndication.twimg.com", "publish.twitter.com", "web.archive.org", "archive.org")))

    def run(html: str, fmt: str, *, exit_code: int = 0) -> str:
        article = tmp_path / "article.html"
        article.write_text(html, encoding="utf-8")
        result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), "report",
                                          "--format", fmt, "--fail-on", "fail", str(article)])
        assert result.exit_code == exit_code, result.output
        return result.stdout
    return run


def _check(stdout: str, name: str) -> dict:
    [embed] = json.loads(stdout)["embeds"]
    return next(c for c in embed["checks"] if c["name"] == name)


def test_a_changed_figure_quoted_in_prose_beside_the_link_fails_in_every_format(report):
    said = report(PROSE_CHANGED, "json", exit_code=4)
    assert _check(said, "text") == {"name": "text", "result": "fail", "changes": ["12 → 21"],
                                    "evidence": "the words quoted beside the link differ from the post: 1 change in "
                                                "the quoted words: 12 → 21"}
    assert json.loads(said)["summary"]["checks"]["fail"] == 1
    markdown = report(PROSE_CHANGED, "md", exit_code=4)
    assert "❌ fail **text**: the words quoted beside the link differ from the post: 1 change in the quoted words: " \
           "12 → 21" in markdown
    assert "quotes no text" not in markdown
    assert "Costs rose 21 percent this year. [quoted beside the link: the words may quote something else]" in markdown
    html = report(PROSE_CHANGED, "html", exit_code=4)
    assert "the words quoted beside the link differ from the post" in html and "quotes no text" not in html


def test_a_pull_quote_with_a_word_changed_fails_and_its_date_link_is_compared(report):
    said = report(PULL_QUOTE, "json", exit_code=4)
    assert _check(said, "text")["result"] == "fail" and _check(said, "text")["changes"] == ["rejected → approved"]
    assert _check(said, "date") == {"name": "date", "result": "pass",
                                    "evidence": "article 2023-03-14, post created 2023-03-14T19:00:00Z"}
    assert "the link names @CouncilorSmith (Pat Smith), the post's author; the article names “Pat Smith” beside " \
           "it" == _check(said, "author")["evidence"]


def test_a_quote_given_to_another_speaker_before_the_link_warns_and_the_handle_is_the_urls(report):
    said = report(WRONG_SPEAKER, "json")
    assert _check(said, "author") == {
        "name": "author", "result": "warn",
        "evidence": "the article names “Mayor Jones” beside the link to this post; its author is @CouncilorSmith (Pat "
                    "Smith): the quote may be given to the wrong speaker"}
    assert _check(said, "text")["result"] == "pass"
    markdown = report(WRONG_SPEAKER, "md")
    assert "| Author | @CouncilorSmith (in the link's URL); the article names “Mayor Jones” beside it |" in markdown
    html = report(WRONG_SPEAKER, "html")
    assert "the quote may be given to the wrong speaker" in html


def test_a_link_with_no_quote_beside_it_says_it_was_not_checked_not_that_the_article_quotes_nothing(report):
    said = report(BARE, "json")
    assert _check(said, "text") == {"name": "text", "result": "skip", "evidence": "not checked: the article links "
                                    "this post; no quoted words were read beside the link (quoted words the link is "
                                    "set inside, or that are its own words, are not read)"}
    assert _check(said, "date") == {"name": "date", "result": "skip", "evidence": "no date was read for this post "
                                    "(the article links it; a date in its prose is not read)"}
    assert _check(said, "author")["evidence"] == ("the link names @CouncilorSmith (Pat Smith), the post's author; "
                                                  "the article names “Smith” beside it")
    for fmt in ("md", "html"):
        shown = report(BARE, fmt)
        assert "no quoted words were read beside the link" in shown and "quotes no text" not in shown


def test_words_beside_a_link_that_quote_something_else_warn_never_pass_or_fail():
    from resolver.provenance import text_check

    post = {"status": "available", "text": WORDS, "archived": [], "post_id": POST_ID}
    embed = {"text": "We are broke and the bridge will wait.", "detector": "html-link", "text_confidence": "high"}
    checked = text_check(embed, post)
    assert checked["result"] == "warn", checked
    assert checked["evidence"].startswith("the words quoted beside the link are mostly not the post's (they may quote "
                                          "something else): “We are broke and the bridge will wait.”")
    uncertain = text_check(embed | {"text": "Costs rose 21 percent this year.", "text_confidence": "uncertain"}, post)
    assert uncertain["result"] == "warn" and "(they may quote something else, so this is no fail)" in \
        uncertain["evidence"]


OTHER = "https://twitter.com/CouncilorSmith/status/1635717429457846274"


@pytest.mark.parametrize("body, text, confidence, name", [
    # a quote a speech verb after it gives to a speaker: what she told reporters, not the post (was high: a fail)
    (f'<p>Smith <a href="{URL}">tweeted</a> later: “Costs rose 21 percent this year,” she told reporters.</p>',
     None, None, "Smith"),
    (f'<p>Smith <a href="{URL}">tweeted</a> a photo from the rally: “Costs rose 21 percent,” she later said.</p>',
     None, None, "Smith"),
    # "she added" goes on giving the post's words
    (f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year,” she added.</p>',
     "Costs rose 21 percent this year", "high", "Smith"),
    # another link between: the quote is that link's (a thread's second post; rd-medium-3's “useless”)
    (f'<p>Smith <a href="{URL}">posted</a> and then <a href="{OTHER}">this</a>: “Costs rose 21 percent this year.”</p>',
     None, None, "Smith"),
    (f'<p>He called it “useless” in <a href="https://example.org/a">a blog post</a>, and <a href="{URL}">blocked a '
     'friend</a> for it.</p>', None, None, None),
    # the link sits inside quoted words: the marks around it are no quote of the post
    (f'<p>She wrote "we <a href="{URL}">rejected</a> the plan" and "the bridge plan" was dead.</p>', None, None, None),
    # a clause after a semicolon is another speaker's
    (f'<p>Smith <a href="{URL}">tweeted</a> a photo; at the rally Jones shouted: “Costs rose 21 percent this year”.</p>',
     None, None, "Smith"),
    # German »…« marks
    (f'<p>Smith <a href="{URL}">schrieb</a>: »Costs rose 21 percent this year« und ging.</p>',
     "Costs rose 21 percent this year", "high", "Smith"),
    # a pronoun or a title alone names no speaker to hold against the post's author
    (f'<p>Sie <a href="{URL}">schrieb</a>: „Costs rose 12 percent this year.“</p>', "Costs rose 12 percent this year.",
     "high", None),
    (f'<p>Il <a href="{URL}">a écrit</a> : « Costs rose 12 percent this year. »</p>', "Costs rose 12 percent this "
     "year.", "high", None),
], ids=["told-reporters-after", "said-after", "added-after", "another-post-link-between", "another-link-between",
        "link-inside-quote", "semicolon-clause", "german-reversed-guillemets", "german-pronoun", "french-pronoun"])
def test_quotes_given_to_speech_another_link_or_nobody_are_not_read_as_the_posts(body, text, confidence, name):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence, embed.author_name) == (text, confidence, name)


@pytest.mark.parametrize("body, name", [
    (f'<p>Jones shared <a href="{URL}">a post</a> by the councilor.</p>', None),
    (f'<p>Jones replied <a href="{URL}">to a post</a> by Smith.</p>', None),
    (f'<p>Jones <a href="{URL}">replied to</a> Smith on Tuesday.</p>', None),
    (f'<p>Jones <a href="{URL}">retweeted</a> Smith’s post.</p>', None),
    # the speaker's own verbs still name them
    (f'<p>Jones <a href="{URL}">replied</a> within minutes.</p>', "Jones"),
    (f'<p>Mayor Jones <a href="{URL}">wrote on X</a> that the vote was fair.</p>', "Mayor Jones"),
], ids=["shared-a-post", "replied-to-in-the-link", "link-replied-to", "retweeted", "replied", "wrote-on-x"])
def test_a_name_before_sharing_or_replying_to_a_post_is_no_claim_that_they_wrote_it(body, name):
    """Whoever shares a post or answers one is not its author: the name was read as the speaker and the author check
    warned "the quote may be given to the wrong speaker" on a right article."""
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.author_name == name


@pytest.mark.parametrize("speaker", ["The Chancellor", "A spokeswoman", "Officials", "The Prime Minister"])
def test_a_title_alone_before_the_link_names_no_other_speaker(report, speaker):
    """A role with no name ("The Chancellor wrote") cannot be held against the author's name: it warned "the quote may
    be given to the wrong speaker" on a right article."""
    said = report(_page(f'<p>{speaker} <a href="{URL}">wrote</a>: “Costs rose 12 percent this year.”</p>'), "json")
    assert _check(said, "author")["result"] == "pass", _check(said, "author")


JONES = "https://twitter.com/JoJones/status/1635717429457846274"


@pytest.mark.parametrize("body, text, confidence", [
    # a pull-quote of two posts, each signed: each signature's quote is the words above it, after the one before
    (f'<blockquote class="pullquote"><p>“The council approved the bridge plan tonight.”</p><p>— Jo Jones, <a '
     f'href="{JONES}">on X</a></p><p>“The council rejected the bridge plan tonight.”</p><p>— Pat Smith, <a '
     f'href="{URL}">on X</a></p></blockquote>', "The council rejected the bridge plan tonight.", "high"),
    (f'<blockquote class="pullquote"><p>“The council rejected the bridge plan tonight.”</p><p>— Pat Smith, <a '
     f'href="{URL}">on X</a></p><p>“The bridge plan is dead.”</p><p>— Jo Jones, <a href="{JONES}">on X</a></p>'
     '</blockquote>', "The council rejected the bridge plan tonight.", "high"),
    # another speaker's verb between the link and the colon: the quote may be theirs, a change only warns
    (f'<p>Smith <a href="{URL}">posted</a> about the vote, and Jones responded: “Costs rose 21 percent this year.”</p>',
     "Costs rose 21 percent this year.", "uncertain"),
], ids=["second-of-two-signed", "first-of-two-signed", "another-speakers-verb-between"])
def test_a_quote_another_speaker_may_have_given_is_not_tied_to_the_link(body, text, confidence):
    """A CMS pull-quote of two posts read both quotes as each post's, and a colon after "Jones responded" tied Jones's
    words to the link to Smith's post: an exact quote failed as "added …", another's reply failed "12 → 21"."""
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence) == (text, confidence)


def test_a_name_that_is_only_letters_inside_the_authors_handle_still_warns(report):
    """"Mayor Lo" is not @CouncilorSmith because "lo" is inside "CouncilorSmith": a name word counts where it is a word
    of the author's name or of the handle's (CamelCase), or a longer run of its letters (the White House's
    @WhiteHouse)."""
    said = report(_page(f'<p>Mayor Lo <a href="{URL}">wrote on X</a>: “Costs rose 12 percent this year.”</p>'), "json")
    assert _check(said, "author")["result"] == "warn", _check(said, "author")
    for speaker in ("Councilor Smith", "Pat", "The Smith campaign"):
        said = report(_page(f'<p>{speaker} <a href="{URL}">wrote</a>: “Costs rose 12 percent this year.”</p>'), "json")
        assert _check(said, "author")["result"] == "pass", (speaker, _check(said, "author"))


# quotes35 (5): the verbs of posting and of speech were English but a few: a German, French or Spanish speech verb
# after a quote ("erklärte sie", "a-t-elle déclaré", "declaró") left another speaker's words read as the post's, and a
# name before "postete", "a publié", "publicó" was no speaker.
@pytest.mark.parametrize("body, text, confidence, name", [
    (f'<p>Smith <a href="{URL}">schrieb</a> später: „Costs rose 21 percent this year“, erklärte sie Reportern.</p>',
     None, None, "Smith"),
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Costs rose 21 percent this year », a-t-elle déclaré aux '
     'journalistes.</p>', None, None, "Smith"),
    (f'<p>Smith <a href="{URL}">publicó</a>: “Costs rose 21 percent this year”, declaró a la prensa.</p>',
     None, None, "Smith"),
    (f'<p>Smith <a href="{URL}">postete</a> etwas, und Jones antwortete: „Costs rose 21 percent this year.“</p>',
     "Costs rose 21 percent this year.", "uncertain", "Smith"),
    (f'<p>Pat Jones postete <a href="{URL}">auf X</a>, dass die Wahl fair war.</p>', None, None, "Pat Jones"),
    (f'<p>Pat Jones a publié <a href="{URL}">sur X</a> que le vote était juste.</p>', None, None, "Pat Jones"),
    (f'<p>Pat Jones escribió <a href="{URL}">en X</a> que la votación fue justa.</p>', None, None, "Pat Jones"),
    (f'<p>Smith <a href="{URL}">postete</a>: „Costs rose 21 percent this year.“</p>',
     "Costs rose 21 percent this year.", "high", "Smith"),
], ids=["de-speech-after", "fr-speech-after-inverted", "es-speech-after", "de-another-speakers-verb-between",
        "de-name-then-verb", "fr-name-then-verb", "es-name-then-verb", "de-posted-colon"])
def test_german_french_and_spanish_verbs_of_posting_and_speech_are_read(body, text, confidence, name):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence, embed.author_name) == (text, confidence, name)


# quotes35 (5): a story's headline quoted after a colon ("Smith <a>shared</a> the story: “…”") was read as the post's
# own words, HIGH, and failed a post that words its share otherwise. Words for a story, a headline or a title between
# the link and the colon (or in the link's words) make the tie uncertain: a change only warns.
@pytest.mark.parametrize("body", [
    f'<p>Smith <a href="{URL}">shared</a> the story: “Costs rose 21 percent this year.”</p>',
    f'<p>Smith <a href="{URL}">shared the story</a>: “Costs rose 21 percent this year.”</p>',
    f'<p>Smith <a href="{URL}">posted</a> a link to an article headlined: “Costs rose 21 percent this year.”</p>',
    f'<p>Smith <a href="{URL}">teilte</a> den Artikel mit der Überschrift: „Costs rose 21 percent this year.“</p>',
    f'<p>Smith <a href="{URL}">a partagé</a> l’article intitulé : « Costs rose 21 percent this year. »</p>',
], ids=["shared-the-story", "story-in-the-link", "headlined", "de-ueberschrift", "fr-intitule"])
def test_a_headline_quoted_after_a_colon_is_no_sure_quote_of_the_post(body):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence) == ("Costs rose 21 percent this year.", "uncertain")


# quotes35 (5): a quote beside a link tied to it by a colon that shares half its words with the post, changed in
# several places ("The council rejected the school plan today" for "… the bridge plan tonight"), failed, though it is
# as likely a quote of another post of the same person, which nothing on the page tells apart (review34r6). Under two
# thirds of its words shared, with two changes or more, it warns saying so; a quote mostly the post's with words
# changed still fails.
def test_a_quote_beside_a_link_sharing_little_more_than_half_with_the_post_warns_as_maybe_another_post():
    from resolver.provenance import text_check

    post = {"status": "available", "text": WORDS, "archived": [], "post_id": POST_ID}
    embed = {"text": "The council rejected the school plan today. We will oppose it.", "detector": "html-link",
             "text_confidence": "high"}
    checked = text_check(embed, post)
    assert checked["result"] == "warn", checked
    assert "they may quote another post" in checked["evidence"], checked


@pytest.mark.parametrize("text", [
    "The council approved the bridge plan tonight. We will support new tolls on Route 9.",
    "Costs rose 21 percent this year.",
], ids=["two-changes-mostly-the-posts", "one-figure"])
def test_a_quote_beside_a_link_mostly_the_posts_with_words_changed_still_fails(text):
    from resolver.provenance import text_check

    post = {"status": "available", "text": WORDS, "archived": [], "post_id": POST_ID}
    checked = text_check({"text": text, "detector": "html-link", "text_confidence": "high"}, post)
    assert checked["result"] == "fail", checked


def _links_of(per: int, total: int) -> str:
    """A page of `total` post links in paragraphs of `per`, each with a quote after it."""
    return _page("".join("<p>" + "".join(f'Smith <a href="https://t.me/rivertonnews/{b * per + j + 1}">posted</a>: '
                                         f'“Costs rose {j} percent.” ' for j in range(per)) + "</p>"
                         for b in range(total // per)))


def test_perf35_a_paragraph_of_many_post_links_is_read_once_not_once_per_link():
    """The words beside each post link were read by walking its whole paragraph (up to 400 nodes) and seeking the name
    before it in all the words before it: a paragraph of 130 links cost 130 walks, three times the time of the same
    links in paragraphs of 20 (0.74 s against 0.24). Each paragraph is read once a parse: the cost per link stays
    flat whatever the paragraph holds."""
    import time

    from resolver.extract import html

    def took(per: int) -> float:
        page = _links_of(per, 2600)
        start = time.process_time()
        embeds = html.scan(page)[0]
        spent = time.process_time() - start
        assert len(embeds) == 2600 and embeds[per - 1].text == f"Costs rose {per - 1} percent."
        return spent

    took(20)
    # the best of a few rounds each: one round slowed by other work on a loaded machine says nothing of the reading
    small, large = min(took(20) for _ in range(3)), min(took(130) for _ in range(3))
    assert large < 2 * small + 0.05, (large, small)


BESIDE_PIECES = ["Smith ", "Mayor Jones ", "posted", " wrote on X", ": ", "“", "”", '"', "«", "»", "„", ", ", ". ",
                 " she said ", " told reporters", "Costs rose 12 percent", " and ", "\n", "— Pat Smith ", "Read more"]
BESIDE_TAGS = ["p", "li", "td", "blockquote", "footer", "cite", "b", "span", "div"]


@st.composite
def _beside_markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Markup of words, post links, other links, nested blocks, pull-quote parts and an SVG link in a link."""
    out = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            out.append("".join(draw(st.lists(st.sampled_from(BESIDE_PIECES), max_size=4))))
        elif kind <= 5:
            words = "".join(draw(st.lists(st.sampled_from(BESIDE_PIECES), max_size=2)))
            out.append(f'<a href="https://t.me/rivertonnews/{draw(st.integers(1, 9))}">{words}</a>')
        elif kind == 6:
            out.append(draw(st.sampled_from(['<a href="https://example.org/x">other</a>',
                                             '<a href="https://example.org/x">other <svg><a href="#q">in</a></svg></a>',
                                             '<a href="https://example.org/x">“other <svg><a href="https://t.me/'
                                             'rivertonnews/5">in</a></svg> rose”</a>'])))
        elif depth < 2:
            tag = draw(st.sampled_from(BESIDE_TAGS))
            out.append(f"<{tag}>{draw(_beside_markup(depth + 1))}</{tag}>")
    return "".join(out)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_beside_markup(), min_size=1, max_size=4))
def test_perf35_the_words_beside_links_read_once_a_block_are_those_read_link_by_link(bodies):
    """One `beside.Reader` over all of a page's links answers what a walk of the link's block for each link answers
    (`_Block.read` made to give up: every link read alone), link by link."""
    from unittest import mock

    from resolver.extract import beside
    from resolver.extract.dom import parse

    tree = parse(_page("".join(f"<p>{body}</p>" for body in bodies)))
    links = [a for a in tree.css("a") if (a.attributes.get("href") or "").startswith("https://t.me/")]
    read = beside.Reader()
    once = [read(a) for a in links]
    with mock.patch.object(beside._Block, "read", return_value=None):
        alone = [beside.Reader()(a) for a in links]
    assert once == alone


# review35r2 (2): quotes35's "they may quote another post" warn took a heavy misquote of THIS post for another post:
# "We'll cut 3000 jobs" for "We will not cut 300 jobs" (a negation dropped, a figure changed) shares under two thirds
# of its words, with two changes, and only warned. A figure changed for another figure, or a negation dropped or added
# as a change of its own, is a misquote's mark, not another post's: those still fail.
@pytest.mark.parametrize("post,text", [
    ("We will not cut 300 jobs this year.", "We'll cut 3000 jobs"),
    ("We will not raise taxes by 5 percent.", "They will raise fees by 9 percent"),
    ("We will not support the plan.", "They will support this plan"),
], ids=["contraction-and-figure", "figure-and-other-words", "negation-dropped"])
def test_a_misquote_beside_a_link_changing_a_figure_or_a_negation_still_fails(post, text):
    from resolver.provenance import text_check

    checked = text_check({"text": text, "detector": "html-link", "text_confidence": "high"},
                         {"status": "available", "text": post, "archived": [], "post_id": POST_ID})
    assert checked["result"] == "fail", checked


# review35r2 (5): quotes35 made French "dit" a verb of speech after a quote; Dutch writes "dit" for "this" ("Dit is
# een groot probleem", "dit jaar"), so a Dutch article's quote of the post after a colon was taken for speech and not
# read at all (it was read, HIGH, before): a misquote went unchecked. "dit" is speech where French writes it so: with
# "-il"/"-elle", after "a" or "a-t-elle", or before an article or a capitalised name ("dit le maire", "dit Smith").
@pytest.mark.parametrize("body, text", [
    (f'<p>Jansen <a href="{URL}">schreef</a>: “Kosten stegen 21 procent.” Dit is een groot probleem.</p>',
     "Kosten stegen 21 procent."),
    (f'<p>Jansen <a href="{URL}">schreef</a>: “Kosten stegen 21 procent”, dit jaar al.</p>', "Kosten stegen 21 procent"),
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 % », dit le maire.</p>', None),
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 % », dit Dupont.</p>', None),
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 % », dit-elle.</p>', None),
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 % », a-t-elle dit.</p>', None),
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 % », a dit le maire.</p>', None),
], ids=["nl-dit-is", "nl-dit-jaar", "fr-dit-le", "fr-dit-name", "fr-dit-elle", "fr-a-t-elle-dit", "fr-a-dit"])
def test_dutch_dit_after_a_quote_is_no_french_verb_of_speech(body, text):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.text == text, embed


# review35r2 (2), as a property: a quote beside a link whose figure differs from the post's, whatever other words it
# changes, is never taken for "another post" (it fails, or warns as mostly not the post's words at all).
_PLAIN = ["council", "mayor", "budget", "plan", "bridge", "tolls", "city", "voted", "approved", "rejected", "today",
          "residents", "costs", "rose", "fell", "percent", "jobs", "cut", "new", "taxes"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(_PLAIN), min_size=4, max_size=10), at=st.integers(0, 10),
       figure=st.integers(1, 999), other=st.integers(1, 999), swaps=st.lists(st.tuples(
           st.integers(0, 11), st.sampled_from(["river", "school", "state", "fees", "tonight", "oppose"])), max_size=4))
def test_a_quote_beside_a_link_with_another_figure_is_never_maybe_another_post(words, at, figure, other, swaps):
    from hypothesis import assume

    from resolver.provenance import text_check

    assume(figure != other and str(figure) not in str(other) and str(other) not in str(figure))
    at = min(at, len(words))
    post = [*words[:at], str(figure), *words[at:]]
    said = [*words[:at], str(other), *words[at:]]
    for i, word in swaps:
        if i < len(said) and i != at:
            said[i] = word
    checked = text_check({"text": " ".join(said), "detector": "html-link", "text_confidence": "high"},
                         {"status": "available", "text": " ".join(post), "archived": [], "post_id": POST_ID})
    assert "they may quote another post" not in checked["evidence"], checked


# review35r2 (8): quotes35 made any word for a story before the colon ("report", "article", "Bericht") a sign that the
# quote after it is a shared story's headline, so the post's own words about a report ("Smith <a>wrote</a> about the
# report: “…”") were read as uncertain and a misquote of them only warned (it failed before). A story's headline is
# read where a word names a title ("headlined", "Überschrift", "intitulé") or where the story is shared ("shared the
# story", "teilte den Bericht", "a partagé l'article"); a story only written about is the post's subject.
@pytest.mark.parametrize("body, confidence", [
    (f'<p>Smith <a href="{URL}">wrote</a> about the report: “Costs rose 21 percent this year.”</p>', "high"),
    (f'<p>Smith <a href="{URL}">posted</a> in response to the article: “Costs rose 21 percent this year.”</p>', "high"),
    (f'<p>Smith <a href="{URL}">schrieb</a> zum Bericht: „Costs rose 21 percent this year.“</p>', "high"),
    (f'<p>Smith <a href="{URL}">shared</a> the report: “Costs rose 21 percent this year.”</p>', "uncertain"),
    (f'<p>Smith <a href="{URL}">teilte</a> den Bericht: „Costs rose 21 percent this year.“</p>', "uncertain"),
    (f'<p>Smith <a href="{URL}">a partagé</a> l’article : « Costs rose 21 percent this year. »</p>', "uncertain"),
    (f'<p>Smith <a href="{URL}">posted</a> the story under the headline: “Costs rose 21 percent this year.”</p>',
     "uncertain"),
], ids=["wrote-about-a-report", "in-response-to-an-article", "de-zum-bericht", "shared-the-report",
        "de-teilte-den-bericht", "fr-a-partage-l-article", "under-the-headline"])
def test_a_story_written_about_is_the_post_s_subject_a_story_shared_or_titled_its_headline(body, confidence):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence) == ("Costs rose 21 percent this year.", confidence)


# The lead (stop 35): an example hypothesis found for the property above (fixnu35e saw it fail on main): the post's
# figure dropped and another put where a repeated word was ("council 1 council …" quoted "river 2 council …") makes
# no single change hold both figures, so no change "turned the post around", and the quote warned as maybe another
# post. Another figure in the quote than in the post, wherever the changes put it, keeps the fail.
def test_another_figure_split_over_two_changes_is_never_maybe_another_post():
    from resolver.provenance import text_check

    checked = text_check({"text": "river 2 council council river council", "detector": "html-link",
                          "text_confidence": "high"},
                         {"status": "available", "text": "council 1 council council council council", "archived": [],
                          "post_id": POST_ID})
    assert "they may quote another post" not in checked["evidence"], checked
    assert checked["result"] == "fail", checked


# quotes36 (5): a quote ending its sentence inside the marks, then a new sentence with a verb of speech ("…%.» Selon le
# maire, c'est faux.", "…year.” According to the mayor, …", "…” Smith said.") was given to speech and not read at all:
# a misquote of the post went unchecked. After a sentence's end the verb may start another sentence or give the quote
# to a speaker ("“We won!” Smith said."): the words cannot tell, so the quote is read, as uncertain (a change warns).
# A comma after the quote ("…,” she told reporters", "…», dit le maire") still gives it to speech.
@pytest.mark.parametrize("body, text", [
    (f'<p>Dupont <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 %. » Selon le maire, c\'est faux.</p>',
     "Les coûts ont augmenté de 21 %."),
    (f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year.” According to the mayor, that is '
     'wrong.</p>', "Costs rose 21 percent this year."),
    (f'<p>Smith <a href="{URL}">publicó</a>: “Los costos subieron 21 %.” Según el alcalde, es falso.</p>',
     "Los costos subieron 21 %."),
    (f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year!” Jones said it was false.</p>',
     "Costs rose 21 percent this year!"),
    (f'<p>Smith <a href="{URL}">schrieb</a>: „Die Kosten stiegen um 21 Prozent.“ Der Bürgermeister sagte, das sei '
     'falsch.</p>', "Die Kosten stiegen um 21 Prozent."),
    # a quote running on into the next paragraph, which closes it before such a sentence
    (f'<p>Jones <a href="{URL}">replied on X</a>: “I never said the budget was balanced.</p><p>“The audit found 3 '
     'errors, not 30.” According to the mayor, that is wrong.</p>',
     "I never said the budget was balanced. The audit found 3 errors, not 30."),
], ids=["fr-selon", "en-according", "es-segun", "en-exclamation", "de-sagte", "continued"])
def test_a_quote_before_a_new_sentence_with_a_verb_of_speech_is_still_read(body, text):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence) == (text, "uncertain"), embed


@pytest.mark.parametrize("body", [
    f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year,” she told reporters.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year”, said the mayor.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year” said the mayor.</p>',
    f'<p>Jones <a href="{URL}">replied on X</a>: “I never said the budget was balanced.</p><p>“The audit found 3 '
    'errors, not 30,” she told reporters.</p>',
], ids=["comma-inside", "comma-after", "no-comma", "continued"])
def test_a_quote_a_verb_of_speech_continues_is_still_given_to_speech(body):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.text is None, embed


def test_a_changed_figure_before_a_new_sentence_with_a_verb_of_speech_is_checked_and_warns():
    from resolver.provenance import text_check

    body = (f'<p>Smith <a href="{URL}">posted</a>: “Costs rose 21 percent this year.” According to the mayor, that '
            'is wrong.</p>')
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    post = {"status": "available", "text": WORDS, "archived": [], "post_id": POST_ID}
    checked = text_check({"text": embed.text, "detector": embed.detector, "text_confidence": embed.text_confidence},
                         post)
    assert checked["result"] == "warn" and "12 → 21" in checked["evidence"], checked


# newuser45a #1: a Spanish rendering of the post beside its link, its figure's digits swapped and its "not" dropped
TRANSLATED = _page(f'<p>Smith <a href="{URL}">escribió</a>: "Apoyaremos nuevos peajes en la Ruta 9. Los costos '
                   'subieron un 21 por ciento este año."</p>')


def test_a_translation_beside_a_link_says_so_and_names_its_figure_and_negation_in_every_format(report):
    """It said only "mostly not the post's (they may quote something else)" in every report, where the same words in
    embed code read "a translation?", naming the changed figure and the lost negation (newuser45a #1)."""
    said = report(TRANSLATED, "json", exit_code=4)
    check = _check(said, "text")
    assert check["result"] == "fail", check
    for named in ("the words quoted beside the link: no word of the post's", "which looks Spanish, the post is in "
                  "English: a translation?", 'the post has a negation ("not"), the quote none',
                  "21 is not among the post's figures (9, 12)"):
        assert named in check["evidence"], check
    assert "mostly not the post's" not in check["evidence"], check
    for fmt in ("md", "html"):
        shown = report(TRANSLATED, fmt, exit_code=4)
        assert "a translation?" in shown and "21 is not among the post" in shown and "mostly not the post" not in shown


# newuser45a #2: "…», según publicó el diario …" / "…," according to … after a quote the colon ties to the link: the
# report of the post is attributed to the outlet, the words to the link's author; they were dropped as another speaker's
@pytest.mark.parametrize("body, text", [
    (f'<p>La diputada Lucía Martínez <a href="{URL}">escribió en Twitter</a>: «El gobierno va a subir el IVA en 2023», '
     'según publicó el diario La Mañana.</p>', "El gobierno va a subir el IVA en 2023"),
    (f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to the Riverton '
     'Ledger.</p>', "We will support new tolls on Route 9"),
    (f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to screenshots '
     'shared on WhatsApp.</p>', "We will support new tolls on Route 9"),
    # "selon le maire" gives the report, not the words, to the mayor: Smith wrote them (it was read as speech and
    # dropped, a test asserting so: quotes36's "fr-comma-selon")
    (f'<p>Smith <a href="{URL}">a écrit</a> : « Les coûts ont augmenté de 21 % », selon le maire.</p>',
     "Les coûts ont augmenté de 21 %"),
], ids=["segun-publico", "according-to-outlet", "according-to-screenshots", "fr-selon-le-maire"])
def test_a_quote_attributed_to_a_report_of_the_post_is_read_as_reported(body, text):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert (embed.text, embed.text_confidence) == (text, "reported")


@pytest.mark.parametrize("body", [
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls,” según dijo el alcalde.</p>',
    f'<p>Smith <a href="{URL}">posted</a> on X. “We will support new tolls,” according to the mayor.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls,” according to the mayor, who said it twice.</p>',
], ids=["segun-dijo", "another-sentence", "according-to-who-said"])
def test_a_quote_given_to_another_speaker_by_segun_or_according_to_is_still_not_the_posts(body):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.text is None, embed


REPORTED = _page(f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to the '
                 'Riverton Ledger.</p>')
EMBEDDED = (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{WORDS}</p>&mdash; Pat Smith (@CouncilorSmith) '
            f'<a href="{URL}">March 14, 2023</a></blockquote>')


def test_a_reported_quote_with_a_negation_dropped_warns_naming_it_never_fails_nor_same_words(report):
    """It said "no quoted words were read beside the link"; with the embed on the page too, "the same words, or a link
    to the post" of words that drop its "not" (newuser45a #2). The article reports another's quote of the post, which
    may be that report's error: a warn naming the change, never a fail."""
    check = _check(report(REPORTED, "json"), "text")
    assert check["result"] == "warn", check
    assert "not" in " ".join(check["changes"]) and "another's report" in check["evidence"], check
    both = REPORTED.replace("</article>", EMBEDDED + "</article>")
    said = json.loads(report(both, "json"))
    [embed] = said["embeds"]
    checks = [c for c in embed["checks"] if c["name"] == "text"]
    assert [c["result"] for c in checks] == ["pass", "warn"], checks
    assert "another's report" in checks[1]["evidence"], checks
    markdown = report(both, "md")
    assert "the same words, or a link to the post" not in markdown, markdown


# review45f: "según …" naming the post's own author or account is no other's report: the words are the post's, tied
# by the colon, and a change in them fails as before; they were read as "reported" and only warned
@pytest.mark.parametrize("body", [
    f'<p>La diputada Lucía Martínez <a href="{URL}">escribió en Twitter</a>: «El gobierno va a subir el IVA en 2023», '
    'según Martínez.</p>',
    f'<p>La diputada Lucía Martínez <a href="{URL}">escribió en Twitter</a>: «El gobierno va a subir el IVA en 2023», '
    'según su cuenta oficial.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to Smith\'s account.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to his verified account on '
    'X.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to the post.</p>',
    f'<p>La diputada Lucía Martínez <a href="{URL}">escribió en Twitter</a>: «El gobierno va a subir el IVA en 2023», '
    'según el tuit.</p>',
], ids=["segun-the-author", "segun-su-cuenta", "according-to-smiths-account", "according-to-his-account",
        "according-to-the-post", "segun-el-tuit"])
def test_a_quote_segun_its_own_author_or_account_is_the_posts_not_a_report(body):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.text_confidence == "high", embed


@pytest.mark.parametrize("body", [
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to Smith\'s critics.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to Jones.</p>',
    f'<p>Smith <a href="{URL}">posted</a>: “We will support new tolls on Route 9,” according to the publication.</p>',
], ids=["the-authors-critics", "another-name", "the-publication"])
def test_a_quote_segun_another_than_its_author_stays_reported(body):
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.text_confidence == "reported", embed
