"""Verdicts you can trust (#9), through `report` against loopback X endpoints and a loopback Wayback: a changed
word fails and shows in all three formats, a partial quote passes, glued prose warns; a link-less remnant of a
deleted post is identified among decoys from its captures, and a tie is refused; the summary counts only what
was looked up; --fail-on sets the exit code."""

import json
import re
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from resolver.budgets import DEFAULT_LIMITS
from resolver.cli import cli
from resolver.platforms.x import TWITTER_EPOCH_MS
from tests.test_fetch import by_id, json_page
from tests.waybacknet import Capture, classic_page, serve

HOSTS = ["cdn.syndication.twimg.com", "publish.twitter.com", "web.archive.org", "archive.org", "pbs.twimg.com",
         "twitter.com", "pic.twitter.com", "t.co", "www.youtube.com", "i.ytimg.com"]


def snowflake(iso: str, low: int = 7) -> str:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timezone.utc)
    return str(((int(moment.timestamp() * 1000) - TWITTER_EPOCH_MS) << 22) | low)


def tweet(post_id: str, text: str, *, handle: str = "river_desk", name: str = "River Desk",
          created_at: str = "2021-05-03T09:12:40.000Z") -> dict:
    return {"__typename": "Tweet", "lang": "en", "created_at": created_at, "id_str": post_id, "text": text,
            "user": {"id_str": "4400000099", "name": name, "screen_name": handle}, "isEdited": False}


DELETED = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post was deleted by the Post author."}}}


@pytest.fixture
def reporter(fakenet, tmp_path, monkeypatch):
    """Runs the CLI against the fake internet with a fresh cache; returns (exit code, stdout). The cache: a copy of
    an empty one made once a process (tests/blankstore.py), put at --db before the first run unless the test put a
    cache there itself; a new cache's schema cost each of this module's ~190 tests more than its copy does."""
    from tests.blankstore import blank_cache

    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS)

    def on_a_fresh_cache(*args, **kwargs):
        if not (tmp_path / "c.db").exists():
            blank_cache(tmp_path / "c.db")
        return run(*args, **kwargs)
    return on_a_fresh_cache


def cli_on_fakenet(fakenet, tmp_path, monkeypatch, hosts: list[str]):
    """A function running the CLI in `tmp_path` with a fresh cache, every host of `hosts` sent to the fake internet
    and no retries or pacing: (*args, article=, name=) -> (exit code, stdout)."""
    config = tmp_path / "config.toml"
    config.write_text("[network]\nretries = 0\n[limits]\n" + "".join(f'"{p}" = 0\n' for p in DEFAULT_LIMITS)
                      + "[origins]\n" + "".join(f'"https://{h}" = "{fakenet.origin}"\n' for h in hosts))
    monkeypatch.chdir(tmp_path)

    def run(*args, article: str | None = None, name: str = "article.html", said: list[str] | None = None):
        """`said`, when given, gets the stderr lines (the error line of each step that failed, newuser32 #5)."""
        if article is not None:
            (tmp_path / name).write_text(article)
        result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "c.db"), *args])
        if said is not None:
            said.extend(result.stderr.splitlines())
        return result.exit_code, result.stdout
    return run


def blockquote(post_id: str, text: str, date: str = "May 3, 2021") -> str:
    return (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{text}</p>&mdash; River Desk (@river_desk) '
            f'<a href="https://twitter.com/river_desk/status/{post_id}?ref_src=twsrc%5Etfw">{date}</a></blockquote>')


POST = snowflake("2021-05-03T09:12:40Z")


def quoted(fakenet, reporter, said: str, says: str, *formats: str) -> dict[str, str]:
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, says))]}))
    serve(fakenet, [])
    article = f"<html><body><p>The council met.</p>{blockquote(POST, said)}</body></html>"
    out = {}
    for fmt in formats or ("json",):
        code, out[fmt] = reporter("report", "--format", fmt, "article.html", article=article)
        assert code == 0, out[fmt]
    return out


def text_check(report_json: str) -> dict:
    [embed] = json.loads(report_json)["embeds"]
    return next(c for c in embed["checks"] if c["name"] == "text")


def one_embed_report(reporter, said: str = "Road closed.", *, failed: tuple[str, ...] = ()) -> tuple[dict, dict]:
    """`report --format json` of an article embedding POST, quoted as `said`: the report and its one embed. It exits
    0, or with `failed` (the error lines of the steps that failed, newuser32 #5) 1 saying those on stderr."""
    errors: list[str] = []
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body>{blockquote(POST, said)}</body></html>", said=errors)
    assert (code, errors) == ((1, list(failed)) if failed else (0, [])), out
    report = json.loads(out)
    [embed] = report["embeds"]
    return report, embed


def check_named(embed: dict, name: str) -> dict:
    return next(c for c in embed["checks"] if c["name"] == name)


def without_lookups(evidence: str) -> str:
    """An archive check's evidence without the lookups it names at its end (" (per the CDX lookup of <URL>, <time>,
    fetch #N, …)", newuser28b §3), which it must name."""
    said, _, lookups = evidence.rpartition(" (per the ")
    assert re.match(r"(CDX|availability) lookup of (URLs starting with )?https://\S+, \S+Z, fetch #\d+", lookups), evidence
    return said


def test_a_changed_word_fails_and_shows_in_all_three_formats(fakenet, reporter):
    out = quoted(fakenet, reporter, "The council approved the new budget on Tuesday.",
                 "The council rejected the new budget on Tuesday.", "json", "md", "html")
    check = text_check(out["json"])
    assert (check["result"], check["changes"]) == ("fail", ["rejected → approved"])
    assert check["evidence"] == "1 change in the quoted words: rejected → approved"
    assert "❌ fail **text**: 1 change in the quoted words: rejected → approved" in out["md"]
    assert '<span class="badge fail">FAIL</span> <strong>text</strong>: 1 change in the quoted words: ' \
           "rejected → approved" in out["html"]


def test_markdown_shows_a_post_text_as_written_whatever_markup_it_holds(fakenet, reporter):
    """A post's text is shown, rendered, character for character: before, `<script>…</script>` in it went into the
    Markdown raw (a renderer ran or hid it), and `*…*`, `[…](…)`, `&amp;` and backticks became markup."""
    from html import escape, unescape

    from markdown_it import MarkdownIt

    says = ("# Fees | rates <script>alert(1)</script> `code` *not* [link](http://x.example) &amp; _under_ \\ "
            "[ref]: x שלום עולם!")
    # the page escapes it as HTML does; Twitter's JSON escapes &, < and > (&amp; &lt; &gt;)
    out = quoted(fakenet, reporter, escape(says, quote=False), escape(says, quote=False), "md")
    rendered = MarkdownIt("commonmark").enable("table").render(out["md"])
    assert "<script" not in rendered
    [row] = [r for r in re.findall(r"<tr>(.*?)</tr>", rendered, re.S) if "<th>Text</th>" in r or ">Text<" in r]
    cells = [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
    assert cells[1:3] == [says, says]
    [quote] = re.findall(r"<blockquote>\s*<p>(.*?)</p>", rendered, re.S)
    assert unescape(quote).startswith(says + " — River Desk")


def test_a_heading_names_the_posts_author_not_the_handle_the_article_gave(fakenet, reporter):
    """The article credits @river_dsk with a post by @river_desk: the author check fails, and the heading said
    "twitter post by @river_dsk: available", as if the source said so."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    serve(fakenet, [])
    article = "<html><body>" + blockquote(POST, "Road closed.").replace("@river_desk", "@river_dsk") + "</body></html>"
    out = {fmt: reporter("report", "--format", fmt, "article.html", article=article)[1] for fmt in ("md", "html")}
    assert "### 1. twitter post by @river_desk (the article says @river_dsk): available" in out["md"]
    assert "twitter post by @river_desk (the article says @river_dsk): <span" in out["html"]


def test_a_quote_tweets_link_to_another_post_does_not_replace_the_embedded_post(fakenet, reporter):
    """A post that quotes another carries a t.co link to it. The report checked the article's quote against the
    post that link led to (another account's, here gone), not the post the blockquote embeds."""
    from tests.fakenet import redirect

    quoted_post = snowflake("2020-01-02T03:04:05Z")
    says = "Exactly what we said last year. https://t.co/Qt0Qt0Qt0Q"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        POST: [json_page(tweet(POST, says))], quoted_post: [json_page(DELETED)]}))
    fakenet.route("t.co", "/Qt0Qt0Qt0Q", redirect(f"https://twitter.com/someone_else/status/{quoted_post}"))
    serve(fakenet, [])
    shown = 'Exactly what we said last year. <a href="https://t.co/Qt0Qt0Qt0Q">https://t.co/Qt0Qt0Qt0Q</a>'
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body>{blockquote(POST, shown)}</body></html>")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert (embed["post"]["post_id"], embed["status"]["code"]) == (POST, "available")
    checks = {c["name"]: c["result"] for c in embed["checks"]}
    assert (checks["text"], checks["author"]) == ("pass", "pass")


def test_a_quote_tweets_expanded_link_to_the_post_it_quotes_leaves_its_words_checked(fakenet, reporter):
    """A CMS writes a quote-tweet's link as the quoted post's address: the blockquote's text was null, the text
    check said "the article quotes no text of this post", and a quote with words changed passed --fail-on fail."""
    quoted_post = snowflake("2020-01-02T03:04:05Z")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(
        POST, "This is simply true. We approved the tower. https://t.co/Qq12Ww34Ee"))], quoted_post: [json_page(DELETED)]}))
    serve(fakenet, [])
    shown = ('This is simply not true. We never approved the tower. <a href="https://twitter.com/council_ex/status/'
             f'{quoted_post}">https://t.co/Qq12Ww34Ee</a>')
    article = f"<html><body>{blockquote(POST, shown)}</body></html>"
    code, out = reporter("report", "--fail-on", "fail", "--format", "json", "article.html", article=article)
    assert code == 4, out
    [embed] = json.loads(out)["embeds"]
    assert embed["links"] == [f"https://twitter.com/council_ex/status/{quoted_post}"]
    assert [r["post_id"] for r in embed["resolutions"]] == [quoted_post] and embed["post"]["post_id"] == POST
    assert embed["text"] == "This is simply not true. We never approved the tower. https://t.co/Qq12Ww34Ee"
    check = text_check(out)
    assert (check["result"], check["changes"]) == ("fail", ['added "not"', 'added "never"'])


def test_facts_a_not_found_answer_did_not_give_are_not_recorded_from_it(fakenet, reporter):
    """A post syndication did not find (its 404) had Author, Date, Text and Media rows all "Recorded from:
    syndication, …, fetch #N", as if those facts had come from that answer (newuser27 §10): a fact the answer did not
    give says so, in the Markdown and HTML reports alike; the JSON's `field_sources` names none for them."""
    from tests.fakenet import page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [page("<html>Not found</html>", 404)]}))
    serve(fakenet, [])
    article = f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>"
    out = {fmt: reporter("report", "--format", fmt, "article.html", article=article)[1] for fmt in ("md", "html", "json")}
    [embed] = json.loads(out["json"])["embeds"]
    assert embed["status"]["code"] == "not_found" and embed["post"]["field_sources"] == {"status": "syndication"}
    rows = {row[0]: row for row in re.findall(r"^\| (\w+) \| (.*?) \| (.*?) \| (.*?) \|$", out["md"], re.M)}
    status_cell = rows["Status"][3]
    assert status_cell.startswith("syndication, https://cdn.syndication.twimg.com/tweet-result?id=") and \
        ", HTTP 404, " in status_cell and "fetch #" in status_cell
    # the first citation of the fetch names the URL asked and its status; the others, the same fetch less those
    status_cell = re.sub(r", https://\S+, HTTP 404|, via configured origin \S+ for \S+", "", status_cell.replace("\\", ""))
    for fact in ("Author", "Date", "Text", "Media"):
        assert rows[fact][2:] == ("—", f"not in the answer ({status_cell})"), rows[fact]
    from html import escape
    cells = re.findall(r'<th scope="row">(\w+)</th><td dir="auto">.*?</td><td dir="auto">(.*?)</td>'
                       r'<td class="meta">(.*?)</td>', out["html"])
    assert [(fact, said, where) for fact, said, where in cells if fact != "Status"] == [
        (fact, "—", escape(f"not in the answer ({status_cell})")) for fact in ("Author", "Date", "Text", "Media")]


def test_a_post_the_article_shows_only_as_a_placeholder_says_so_in_its_text_check(fakenet, reporter):
    """The embed code shows X's "This Post is from a suspended account." where the words were: no text of the post,
    and the check says the article shows a placeholder rather than only that it quotes nothing."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    serve(fakenet, [])
    _, embed = one_embed_report(reporter, said="This Post is from a suspended account. Learn more")
    assert embed["text"] is None
    assert check_named(embed, "text") == {"name": "text", "result": "skip", "evidence": (
        "the article quotes no text of this post (it shows a placeholder: 'This Post is from a suspended account. "
        "Learn more — River Desk (@river_desk) May')")}


def test_a_cards_words_in_no_paragraph_quoted_right_pass_fail_on_fail(fakenet, reporter):
    """A card whose words are in a <div>, with a header and Reply/Retweet buttons: the words read around them were
    "River Desk @river_deskRoad closed.Reply Retweet", and the text check failed an exact quote: `--fail-on fail`
    exited 4 (review27b §1)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    serve(fakenet, [])
    card = ('<blockquote class="twitter-tweet"><div>River Desk @river_desk</div><div>Road closed.</div><p><a href='
            f'"https://twitter.com/intent/tweet?in_reply_to={POST}">Reply</a> <a href="https://twitter.com/intent/'
            f'retweet?tweet_id={POST}">Retweet</a></p>&mdash; River Desk (@river_desk) <a href="https://twitter.com/'
            f'river_desk/status/{POST}">May 3, 2021</a></blockquote>')
    code, out = reporter("report", "--fail-on", "fail", "--format", "json", "article.html",
                         article=f"<html><body>{card}</body></html>")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert (embed["text"], embed["text_confidence"]) == ("Road closed.", "uncertain")
    assert check_named(embed, "text")["result"] == "pass"


@pytest.mark.parametrize("detector", ["html-blockquote", "text-signature"])
def test_a_text_check_on_an_uncertain_text_warns_where_it_would_fail(detector):
    """Where an uncertain text starts or ends is a reading of the page: a change found in it may be the reading's,
    so the check warns and says why, never fails (review27b §1); a certain text still fails."""
    from resolver.provenance import text_check

    post = {"status": "available", "text": "The council rejected the new budget on Tuesday.", "archived": []}
    embed = {"text": "The council approved the new budget on Tuesday.", "detector": detector}
    assert text_check(embed | {"text_confidence": "high"}, post)["result"] == "fail"
    check = text_check(embed | {"text_confidence": "uncertain"}, post)
    assert (check["result"], check["changes"]) == ("warn", ["rejected → approved"])
    assert check["evidence"] == ("1 change in the quoted words: rejected → approved; the article's text is uncertain "
                                 "(where the post's words start or end on the page is a reading), so this is no fail")


def test_a_photo_link_that_leads_to_another_post_warns_in_the_media_check_naming_that_post(fakenet, reporter):
    """The article's pic.twitter.com link resolves to another account's post: the media check compared counts
    only ("article links 1 media; the post has 1": pass), as it read the resolution's post id where it is not.
    X itself links a re-used photo to the post it was first posted with: a warn naming that post, no fail
    (newuser28b; it failed before, as if the article had linked the wrong photo)."""
    from tests import xfixtures as fx
    from tests.fakenet import page, redirect

    other = snowflake("2020-01-02T03:04:05Z")
    with_photo = tweet(POST, "Road closed. https://t.co/Rc1Rc1Rc1R") | {"mediaDetails": [{
        "type": "photo", "media_url_https": "https://pbs.twimg.com/media/RoadClosed.jpg",
        "url": "https://t.co/Rc1Rc1Rc1R", "display_url": "pic.twitter.com/Rc1Rc1Rc1R",
        "expanded_url": f"https://twitter.com/river_desk/status/{POST}/photo/1",
        "original_info": {"width": 64, "height": 48}}]}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(with_photo)]}))
    fakenet.route("pbs.twimg.com", "/media/RoadClosed.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    fakenet.route("t.co", "/0tHeR1234x", redirect("https://pic.twitter.com/0tHeR1234x"))
    fakenet.route("pic.twitter.com", "/0tHeR1234x",
                  redirect(f"https://twitter.com/someone_else/status/{other}/photo/1"))
    serve(fakenet, [])
    shown = 'Road closed. <a href="https://t.co/0tHeR1234x">pic.twitter.com/0tHeR1234x</a>'
    article = f"<html><body>{blockquote(POST, shown)}</body></html>"
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    media = next(c for c in embed["checks"] if c["name"] == "media")
    assert (media["result"], media["evidence"]) == (
        "warn", f"https://pic.twitter.com/0tHeR1234x leads to @someone_else's post {other} of 2020-01-02, not the "
                "one embedded (a re-used photo?)")


def test_html_lets_a_right_to_left_post_read_right_to_left(fakenet, reporter):
    """A Hebrew post in a left-to-right page put its final "!" on the right, where a Hebrew reader reads the start;
    the quote and the two text cells take their direction from their own text."""
    out = quoted(fakenet, reporter, "שלום עולם!", "שלום עולם!", "html")
    assert '<blockquote dir="auto">שלום עולם!' in out["html"]
    assert '<td dir="auto">שלום עולם!</td><td dir="auto">שלום עולם!</td>' in out["html"]


def test_a_post_withheld_in_some_countries_is_checked_against_the_text_its_source_gave():
    """The X API gives a post withheld in some countries whole, with `withheld.country_codes`. The checks skipped it
    ("no available post text or archived copy to compare with") though its text, author and date were there."""
    from resolver.provenance import author_check, date_checks, text_check

    post = {"status": "withheld", "text": "The council rejected the new budget on Tuesday.", "archived": [],
            "author": {"handle": "river_desk", "name": "River Desk"}, "created_at": "2021-05-03T09:12:40Z"}
    embed = {"text": "The council approved the new budget on Tuesday.", "author_handle": "river_desk",
             "author_name": "River Desk", "date": "2021-05-03", "date_text": "May 3, 2021", "platform": "twitter"}
    assert text_check(embed, post)["evidence"] == "1 change in the quoted words: rejected → approved"
    assert (author_check(embed, post)["result"], date_checks(embed, post)[0]["result"]) == ("pass", "pass")


def test_a_partial_quote_passes(fakenet, reporter):
    out = quoted(fakenet, reporter, "rejected the new budget…", "The council rejected the new budget on Tuesday.",
                 "json", "md", "html")
    check = text_check(out["json"])
    assert (check["result"], check["evidence"]) == ("pass", "partial quote: 4 of 8 words")
    assert "✅ pass **text**: partial quote: 4 of 8 words" in out["md"]
    assert '<span class="badge pass">PASS</span> <strong>text</strong>: partial quote: 4 of 8 words' in out["html"]


def test_a_quote_after_a_negation_in_its_clause_warns_in_all_three_formats(fakenet, reporter):
    """"he is a liar" of "I'm not saying he is a liar" was a verified quote (#10): the report says why it is unsure,
    as it does for a negation right next to the quoted words."""
    out = quoted(fakenet, reporter, "he is a liar…", "I'm not saying he is a liar", "json", "md", "html")
    check = text_check(out["json"])
    evidence = ('partial quote: 4 of 7 words; the post has "not" before them in the same clause (a negation the '
                "quote leaves out?)")
    assert (check["result"], check["evidence"]) == ("warn", evidence)
    assert f"⚠️ warn **text**: {evidence}" in out["md"]
    shown = evidence.replace("'", "&#x27;").replace('"', "&quot;")
    assert f'<span class="badge warn">WARN</span> <strong>text</strong>: {shown}' in out["html"]


def test_words_added_in_an_embeds_paragraph_fail_and_the_report_quotes_the_posts_own_text(fakenet, reporter):
    """Words the post lacks in an embed code's own `<p>` warned as "glued on by the page or a scraper?": the page
    wrote them there (newuser38a #3). A scraped text's glued words still warn (tests/test_quote_verdicts38.py)."""
    out = quoted(fakenet, reporter, "The council rejected the new budget on Tuesday. Read our live page",
                 "The council rejected the new budget on Tuesday.", "json", "md", "html")
    check = text_check(out["json"])
    evidence = ("the post's 8 words, word for word, with words that are not the post's: \"Read our live page\" after, "
                "in the embed code's own paragraph, where the page wrote them: words the post never said; the post "
                "says: “The council rejected the new budget on Tuesday.”")
    assert (check["result"], check["evidence"]) == ("fail", evidence)
    assert f"❌ fail **text**: {evidence}" in out["md"]
    shown = evidence.replace("'", "&#x27;").replace('"', "&quot;")
    assert f'<span class="badge fail">FAIL</span> <strong>text</strong>: {shown}' in out["html"]


def test_a_changed_display_name_warns_by_words(fakenet, reporter):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(
        tweet(POST, "Road closed.", name="Riverside Desk"))]}))
    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "article.html",
                         article=f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>")
    [embed] = json.loads(out)["embeds"]
    author = next(c for c in embed["checks"] if c["name"] == "author")
    assert author["result"] == "warn" and author["changes"] == ["Riverside → River"]


# -- a remnant with no link, its post deleted -------------------------------------------------------------------

REMNANT = "Flooding news.\n\nWater over the road on Mill Lane this morning. — River Desk (@river_desk) 3 May 2021\n\nMore.\n"
RIGHT = POST
SAME_DAY = snowflake("2021-05-03T15:20:00Z")
DAY_BEFORE = snowflake("2021-05-02T18:00:00Z")
DAY_AFTER = snowflake("2021-05-04T08:00:00Z")
FAR = snowflake("2021-06-20T08:00:00Z")


def remnant_world(fakenet, *, twin: bool = False, moved: bool = False, more: list[Capture] = ()):
    def page(post_id: str, text: str) -> Capture:
        return Capture("20210503120000", f"https://twitter.com/river_desk/status/{post_id}",
                       classic_page(post_id, "river_desk", "River Desk", text, epoch=1620033160))
    right = page(RIGHT, "Water over the road on Mill Lane this morning. https://t.co/Rd4Mill01")
    moved_from = []
    if moved:   # captured since 2023: twitter.com answered with a 301, the words are under x.com
        moved_from = [Capture("20240106000000", f"https://twitter.com/river_desk/status/{RIGHT}", b"", status=301)]
        right = Capture("20240106000001", f"https://x.com/river_desk/status/{RIGHT}", right.body)
    live = {
        RIGHT: [json_page(DELETED)],
        SAME_DAY: [json_page(tweet(SAME_DAY, "Council meeting on flood defences moved to Thursday."))],
        DAY_BEFORE: [json_page(tweet(DAY_BEFORE, "Water over the road on Mill Lane this evening."))],
        DAY_AFTER: [json_page(tweet(DAY_AFTER, "Water over the road on Mill Lane again this morning."))],
        FAR: [json_page(tweet(FAR, "Water over the road on Mill Lane this morning."))],   # outside the window
    }
    captures = [right, *moved_from, page(SAME_DAY, "x"), page(DAY_BEFORE, "x"), page(DAY_AFTER, "x"), page(FAR, "x")]
    if twin:
        live[SAME_DAY] = [json_page(tweet(SAME_DAY, "Water over the road on Mill Lane this morning."))]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id(live))
    serve(fakenet, [*captures, *more])


def test_a_deleted_remnant_is_identified_among_decoys_from_its_capture(fakenet, reporter):
    remnant_world(fakenet)
    code, out = reporter("report", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt")
    assert code == 0, out
    report = json.loads(out)
    [embed] = report["embeds"]
    identified = embed["identified"]
    assert (identified["post_id"], identified["verdict"]) == (RIGHT, "identified")
    assert [c["post_id"] for c in identified["candidates"]][0] == RIGHT and FAR not in \
        [c["post_id"] for c in identified["candidates"]]
    assert identified["candidates"][0]["capture"] == \
        f"https://web.archive.org/web/20210503120000id_/https://twitter.com/river_desk/status/{RIGHT}"
    checks = {c["name"]: c for c in embed["checks"]}
    # the runner-up (the next day's post) differs by one word: identified, but not with full confidence
    assert checks["identification"]["result"] == "warn" and identified["confidence"] == 0.75
    assert checks["identification"]["evidence"].startswith(f"identified as {RIGHT} by its words (confidence 0.75)")
    assert checks["text"]["result"] == "pass"
    assert checks["text"]["evidence"] == "per the capture of 2021-05-03T12:00:00Z: the post's 9 words, word for word"
    assert checks["snowflake-date"]["result"] == "pass"
    assert embed["status"] == {"code": "deleted", "words": "deleted", "tone": "gone",
                               "as_of": embed["post"]["sources"][0]["fetched_at"]}
    assert report["summary"]["identification"] == {"remnants": 1, "identified": 1, "not_identified": 0,
                                                   "not_checked": 0}
    code, md = reporter("report", "remnant.txt")
    assert f"- Identified: post {RIGHT} (confidence " in md
    hits = len(fakenet.hits)
    code, offline = reporter("report", "--offline", "--format", "json", "remnant.txt")
    assert len(fakenet.hits) == hits
    [again] = json.loads(offline)["embeds"]
    assert again["identified"]["post_id"] == RIGHT and again["checks"] == embed["checks"]


def test_a_deleted_remnant_captured_only_under_x_com_is_identified(fakenet, reporter):
    remnant_world(fakenet, moved=True)
    code, out = reporter("report", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt")
    [embed] = json.loads(out)["embeds"]
    assert (embed["identified"]["post_id"], embed["identified"]["verdict"]) == (RIGHT, "identified")
    assert embed["identified"]["candidates"][0]["capture"] == \
        f"https://web.archive.org/web/20240106000001id_/https://x.com/river_desk/status/{RIGHT}"


def test_a_prolific_account_is_listed_around_the_window_not_from_its_first_ids(fakenet, reporter):
    """CDX lists a prefix in urlkey order and answers `limit` rows at most: an account with more captured posts
    than that, listed from its first id, would leave the window out (and a decoy in it could win)."""
    older = [Capture("20200101000000", f"https://twitter.com/river_desk/status/{1200000000000000000 + i}", b"")
             for i in range(10001)]
    remnant_world(fakenet, more=older)
    code, out = reporter("report", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt")
    [embed] = json.loads(out)["embeds"]
    assert (embed["identified"]["post_id"], embed["identified"]["verdict"]) == (RIGHT, "identified")


def test_two_equally_close_candidates_are_a_tie_and_neither_is_accepted(fakenet, reporter):
    remnant_world(fakenet, twin=True)
    code, out = reporter("report", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt")
    [embed] = json.loads(out)["embeds"]
    assert embed["identified"]["post_id"] is None and embed["identified"]["verdict"] == "tie"
    assert embed["post"] is None
    check = next(c for c in embed["checks"] if c["name"] == "identification")
    assert check["result"] == "skip" and check["evidence"].startswith("not identified: 2 candidates are equally close")


def test_scan_fetch_identifies_too(fakenet, reporter):
    remnant_world(fakenet)
    code, out = reporter("scan", "--fetch", "--json", "remnant.txt", article=REMNANT, name="remnant.txt")
    found = json.loads(out)
    assert found["identifications"][0]["post_id"] == RIGHT
    assert [p["post_id"] for p in found["posts"]] == [RIGHT]


def test_scan_identify_alone_reads_a_gone_candidates_capture(fakenet, reporter):
    remnant_world(fakenet)
    code, out = reporter("scan", "--identify", "--json", "remnant.txt", article=REMNANT, name="remnant.txt")
    assert code == 0, out
    [found] = json.loads(out)["identifications"]
    assert (found["post_id"], found["verdict"], found["confidence"]) == (RIGHT, "identified", 0.75)
    best = found["evidence"]["candidates"][0]
    assert (best["post_id"], best["text_from"], best["status"], best["score"]) == (RIGHT, "wayback", "deleted", 1.0)
    assert best["capture"] == f"https://web.archive.org/web/20210503120000id_/https://twitter.com/river_desk/status/{RIGHT}"


def test_archive_identifies_too_and_archives_the_identified_post(fakenet, reporter, tmp_path):
    import sqlite3

    remnant_world(fakenet)
    code, out = reporter("archive", "--json", "remnant.txt", article=REMNANT, name="remnant.txt")
    assert code == 0, out
    assert [json.loads(line)["url"] for line in out.splitlines()] == \
        [f"https://twitter.com/river_desk/status/{RIGHT}"]
    with sqlite3.connect(tmp_path / "c.db") as db:
        assert db.execute("SELECT post_id, verdict FROM identifications").fetchall() == [(RIGHT, "identified")]


def test_a_remnants_link_to_another_accounts_post_does_not_stand_in_for_it(fakenet, reporter):
    """A flattened post that quoted another keeps a t.co link to the quoted one. That link was taken for the
    remnant's own: identification was skipped and the words, word for word, failed against the other account's."""
    from tests.fakenet import redirect

    remnant_world(fakenet)
    other = snowflake("2020-01-02T03:04:05Z")
    answers = fakenet.routes[("cdn.syndication.twimg.com", "/tweet-result")][0]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", lambda request: json_page(
        tweet(other, "Our flood plan is ready.", handle="someone_else", name="Someone Else"))(request)
        if request.args.get("id") == other else answers(request))
    fakenet.route("t.co", "/Qt0Qt0Qt0Q", redirect(f"https://twitter.com/someone_else/status/{other}"))
    article = REMNANT.replace("this morning.", "this morning. https://t.co/Qt0Qt0Qt0Q")
    code, out = reporter("report", "--format", "json", "remnant.txt", article=article, name="remnant.txt")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert (embed["identified"]["post_id"], embed["post"]["post_id"]) == (RIGHT, RIGHT)
    checks = {c["name"]: c["result"] for c in embed["checks"]}
    assert (checks["author"], checks["text"]) == ("pass", "pass")


def test_a_gone_post_whose_captures_are_only_errors_and_redirects_has_no_archived_copy(fakenet, reporter):
    """The archive holds two captures of the deleted post's page: Twitter's 404 answer and a 302. Neither is the
    post; the report said "an archived copy exists" (warn, and counted it among posts with a copy), where
    `stats`' at_risk_embeds, counting HTTP 200 captures only, listed it as at risk."""
    url = f"https://twitter.com/river_desk/status/{POST}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20230503120000", url, b"<html><body>Sorry, that page does not exist</body></html>",
                            status=404), Capture("20230603120000", url, b"", status=302)])
    report, embed = one_embed_report(reporter)
    archive = check_named(embed, "archive")
    # a preservation risk, not a failed check of the article (newuser28b §6)
    assert (archive["result"], without_lookups(archive["evidence"])) == (
        "warn", f"at risk: the post is deleted and no archived copy was found under {url}, also on x.com and "
        "mobile.twitter.com, nor among its syndication and oEmbed answers (2 captures, none an HTTP 200 page: 404, "
        "302)")
    md = reporter("report", "article.html")[1]
    assert f"- Archived: 2 snapshot(s), 0 of them an HTTP 200 page; latest <https://web.archive.org/web/" \
           f"20230603120000/{url}> (per the CDX lookup of URLs starting with {url}, " in md
    assert report["summary"]["archive"] == {"looked_up": 1, "with_copy": 0, "without_copy": 1, "not_checked": 0}


def test_a_live_posts_redirect_capture_is_named_as_such_not_counted_as_a_copy(fakenet, reporter):
    url = f"https://twitter.com/river_desk/status/{POST}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    serve(fakenet, [Capture("20240603120000", url, b"", status=302)])
    report, embed = one_embed_report(reporter)
    archive = check_named(embed, "archive")
    assert archive | {"evidence": without_lookups(archive["evidence"])} == {"name": "archive", "result": "warn",
                                                                          "evidence": (
        f"no archived copy was found for {url} (1 capture, none an HTTP 200 page: 302; where a redirect leads is not "
        "looked up here) (archive it: embed-resolver archive --save)")}
    assert report["summary"]["archive"]["with_copy"] == 0


def test_a_gone_posts_copy_under_x_com_is_an_archived_copy_though_its_twitter_com_capture_is_a_redirect(
        fakenet, reporter):
    remnant_world(fakenet, moved=True)   # twitter.com: a 301 since 2023; the words are captured under x.com
    article = f"<html><body>{blockquote(RIGHT, 'Water over the road on Mill Lane this morning.')}</body></html>"
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    report = json.loads(out)
    [embed] = report["embeds"]
    archive = next(c for c in embed["checks"] if c["name"] == "archive")
    assert (archive["result"], without_lookups(archive["evidence"])) == (
        "warn", f"the post is deleted; an archived copy exists: https://web.archive.org/web/20240106000001/"
                f"https://x.com/river_desk/status/{RIGHT}")
    assert report["summary"]["archive"]["with_copy"] == 1
    # the Archived line counts that copy beside the redirect listed for twitter.com, and links the copy (verdict28)
    md = reporter("report", "--offline", "article.html")[1]
    assert ("- Archived: 1 snapshot(s) listed for the post's URL, 0 of them an HTTP 200 page; 1 archived copy from "
            f"the captures read; latest <https://web.archive.org/web/20240106000001/https://x.com/river_desk/status/"
            f"{RIGHT}>") in md


def remnant_with_photo_of(fakenet, reporter, other: str, *, handle: str, created_at: str,
                          article: str = REMNANT) -> dict:
    """The report (JSON) of the remnant with a pic.twitter.com link that leads to a photo of `other`, @handle's."""
    from tests.fakenet import redirect

    remnant_world(fakenet)
    answers = fakenet.routes[("cdn.syndication.twimg.com", "/tweet-result")][0]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", lambda request: json_page(
        tweet(other, "Mayor Ellen Park has resigned. https://t.co/Ph0Ph0Ph0P", handle=handle, name="Town Hall",
              created_at=created_at))(request) if request.args.get("id") == other else answers(request))
    fakenet.route("pic.twitter.com", "/Ph0Ph0Ph0P", redirect(f"https://twitter.com/{handle}/status/{other}/photo/1"))
    article = article.replace("this morning.", "this morning. pic.twitter.com/Ph0Ph0Ph0P")
    code, out = reporter("report", "--format", "json", "remnant.txt", article=article, name="remnant.txt")
    assert code == 0, out
    return json.loads(out)


def test_a_remnants_photo_link_to_another_accounts_post_does_not_stand_in_for_it(fakenet, reporter):
    """X writes a re-used photo's media link to the post it was first posted with: the remnant's pic.twitter.com
    link leads to @town_hall's post. That post was taken to be the remnant, and author, date, snowflake date and
    text failed against it (newuser28b); the remnant is identified among @river_desk's posts instead."""
    other = snowflake("2021-05-03T09:30:00Z")   # the same day: the account alone tells it apart
    report = remnant_with_photo_of(fakenet, reporter, other, handle="town_hall", created_at="2021-05-03T09:30:00.000Z")
    [embed] = report["embeds"]
    assert (embed["identified"]["post_id"], embed["post"]["post_id"]) == (RIGHT, RIGHT)
    checks = {c["name"]: c for c in embed["checks"]}
    assert [checks[name]["result"] for name in ("author", "date", "snowflake-date")] == ["pass"] * 3
    # the words are the identified post's; its own photo link is another (a warn says so)
    assert checks["text"]["evidence"].startswith(
        "per the capture of 2021-05-03T12:00:00Z: the post's 9 words, word for word; the article's link "
        "pic.twitter.com/Ph0Ph0Ph0P is not the post's")
    assert checks["identification"]["evidence"].endswith(
        f"; its photo link leads to @town_hall's post {other} of 2021-05-03 (a re-used photo?)")
    assert report["summary"]["failed"] == []


def test_a_remnants_photo_link_to_a_post_of_another_day_is_not_its_post(fakenet, reporter):
    """The same account's post, minted a year before the remnant's day in every inhabited time zone: the original
    of a photo posted again. Not identified by its words either, the remnant says so and fails nothing."""
    other = snowflake("2020-03-14T12:00:00Z")
    article = REMNANT.replace("Water over the road on Mill Lane", "Still cannot believe the flood on Mill Lane")
    report = remnant_with_photo_of(fakenet, reporter, other, handle="river_desk", created_at="2020-03-14T12:00:00.000Z",
                                   article=article)
    [embed] = report["embeds"]
    assert (embed["post"], embed["identified"]["post_id"], embed["snowflake_time"]) == (None, None, None)
    identification = next(c for c in embed["checks"] if c["name"] == "identification")
    assert identification["result"] == "skip"
    assert identification["evidence"].startswith(
        f"not identified; its photo link leads to @river_desk's post {other} of 2020-03-14 (a re-used photo?); ")
    assert report["summary"]["checks"]["fail"] == 0
    assert embed["photo_elsewhere"] == f"@river_desk's post {other} of 2020-03-14"
    md = reporter("report", "--offline", "remnant.txt")[1]
    assert (f"| Status | — | no post id: its photo link leads to @river_desk's post {other} of 2020-03-14, not its "
            "own (a re-used photo?), and no post was identified by its words | — |") in md


def test_a_remnants_photo_link_to_its_accounts_post_of_its_day_in_some_time_zone_names_its_post(fakenet, reporter):
    """May 2 at 20:00 UTC is May 3 from UTC+04:00 east: the post the photo link leads to may be the remnant's own,
    and stands in for it (no identification is made)."""
    own = snowflake("2021-05-02T20:00:00Z")
    report = remnant_with_photo_of(fakenet, reporter, own, handle="river_desk", created_at="2021-05-02T20:00:00.000Z")
    [embed] = report["embeds"]
    assert (embed["post"]["post_id"], embed["identified"]) == (own, None)
    assert next(c for c in embed["checks"] if c["name"] == "snowflake-date")["result"] == "pass"


def test_a_remnants_link_to_its_accounts_post_of_its_day_amid_its_words_is_not_its_post(fakenet, reporter):
    """A link with words after it is one the words quote (a self-quote, a thread's earlier post), even of the
    account's own post of the same day: the report took that post as the remnant's and compared its words with the
    other post's, failing the text check (review34r7's left alone). Only a link ending the words, right before the
    dash, may be the remnant's own (sig35)."""
    remnant_world(fakenet)
    article = REMNANT.replace("on Mill Lane this morning.",
                              f"on Mill Lane, as https://twitter.com/river_desk/status/{SAME_DAY} said, this morning.")
    code, out = reporter("report", "--format", "json", "remnant.txt", article=article, name="remnant.txt")
    [embed] = json.loads(out)["embeds"]
    assert (embed["post_id"], embed["post"]["post_id"], embed["identified"]["post_id"]) == (None, RIGHT, RIGHT)
    assert "Council meeting" not in json.dumps(embed["checks"]), embed["checks"]   # the quoted post's words


def test_a_failed_archive_lookup_is_no_finding_that_the_post_has_no_copy(fakenet, reporter):
    """The Wayback Machine answered 503 to the lookup: nothing is known of the deleted post's copies. The report said
    "the post is deleted and no archived copy was found" (fail) and counted it among the posts looked up."""
    from tests.fakenet import page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", status=503))
    fakenet.route("archive.org", "/wayback/available", page("busy", status=503))
    report, embed = one_embed_report(reporter, failed=(   # a lookup that failed is a step that failed (newuser32 #5)
        f"error: article.html: archive lookup failed for https://twitter.com/river_desk/status/{POST}: cdx: HTTP 503",))
    archive = check_named(embed, "archive")
    assert (archive["result"], without_lookups(archive["evidence"])) == (
        "skip", "not known: the archive lookup failed (cdx: HTTP 503)")
    assert archive["evidence"].endswith(", HTTP 503)")   # the failed lookup it rests on, named
    assert embed["archive_looked_up"] is False
    said: list[str] = []
    code, out = reporter("report", "--offline", "--format", "json", "article.html", said=said)   # from the fetch log
    # offline, the failed lookup the cache holds is a step that failed, read from the cache: the body says "the
    # archive lookup failed", and so do stderr and the exit code (runs33; it exited 0 as "not looked up", fixnu32e)
    assert (code, said) == (1, [f"error: article.html: archive lookup failed for https://twitter.com/river_desk/status/"
                                f"{POST}: cdx: HTTP 503 (from cache)"]), out
    assert check_named(json.loads(out)["embeds"][0], "archive") == archive
    assert report["summary"]["archive"] == {"looked_up": 0, "with_copy": 0, "without_copy": 0, "not_checked": 1}
    assert report["summary"]["without_archive"] is None
    md = reporter("report", "article.html")[1]   # lookups were made: "no lookup was made" would be untrue
    assert "| Embedded posts with no archived copy | not checked: no archive lookup answered |" in md


def test_a_failed_archive_lookup_leaves_what_an_earlier_one_found(fakenet, reporter):
    from tests.fakenet import page

    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    url = f"https://twitter.com/river_desk/status/{POST}"
    serve(fakenet, [Capture("20210503120000", url, classic_page(POST, "river_desk", "River Desk", "Road closed.",
                                                                epoch=1620033160))])
    article = f"<html><body>{blockquote(POST, 'Road closed.')}</body></html>"
    assert reporter("report", "article.html", article=article)[0] == 0
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", status=503))
    fakenet.route("archive.org", "/wayback/available", page("busy", status=503))
    code, out = reporter("report", "--refresh", "--format", "json", "article.html")
    [embed] = json.loads(out)["embeds"]
    archive = next(c for c in embed["checks"] if c["name"] == "archive")
    assert archive | {"evidence": without_lookups(archive["evidence"])} == {
        "name": "archive", "result": "warn", "evidence": "the post is deleted; an archived copy exists: "
                                                         f"https://web.archive.org/web/20210503120000/{url}"}


def test_a_remnant_whose_account_listing_failed_is_not_checked_not_unidentified(fakenet, reporter, tmp_path):
    """CDX answered 503 to the listing of the account's posts: nothing was looked at. The identification was
    recorded and reported as "no-candidates" ("1 without a link: 0 identified, 1 not"), and the status row said no
    post was identified by its words."""
    from tests.fakenet import page

    remnant_world(fakenet)
    fakenet.route("web.archive.org", "/cdx/search/cdx", page("busy", status=503))
    errors: list[str] = []
    code, out = reporter("report", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt", said=errors)
    # the listing that failed is a step that failed: exit 1, and said (newuser32 #5)
    assert (code, errors) == (1, ["error: remnant.txt: embed #1 could not be identified: cdx: HTTP 503"]), out
    report = json.loads(out)
    [embed] = report["embeds"]
    reason = "not checked: the archive's list of the account's posts could not be read (cdx: HTTP 503)"
    assert (embed["identified"]["verdict"], embed["identified"]["reason"]) == ("not-checked", reason)
    assert report["summary"]["identification"] == {"remnants": 1, "identified": 0, "not_identified": 0,
                                                   "not_checked": 1}
    code, md = reporter("report", "remnant.txt")
    assert f"| Status | — | no post id: the article kept no link; {reason} | — |" in md
    import sqlite3

    with sqlite3.connect(tmp_path / "c.db") as db:
        assert {v for (v,) in db.execute("SELECT verdict FROM identifications")} == {"not-checked"}


# -- the summary says only what it knows ------------------------------------------------------------------------

def test_the_summary_of_a_run_with_no_archive_lookup(fakenet, reporter):
    other = snowflake("2021-05-03T10:00:00Z")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, "Road closed."))]}))
    article = f"<html><body>{blockquote(POST, 'Road closed.')}{blockquote(other, 'Bridge open.')}</body></html>"
    (code, _) = reporter("fetch", "--json", f"https://twitter.com/river_desk/status/{POST}", article=article)
    assert code == 0
    code, out = reporter("report", "--offline", "--format", "json", "article.html")
    report = json.loads(out)
    summary = report["summary"]
    assert summary["archive"] == {"looked_up": 0, "with_copy": 0, "without_copy": 0, "not_checked": 2}
    assert summary["without_archive"] is None           # not 0: nobody asked
    assert summary["by_status"] == {"available": 1, "not known: not in the cache (offline)": 1}
    assert summary["posts"] == {"named": 2, "status_known": 1, "status_not_known": 1, "gone": 0}
    first, second = report["embeds"]
    assert next(c for c in first["checks"] if c["name"] == "archive")["evidence"].startswith("not checked")
    assert second["status"]["tone"] == "unknown"
    code, md = reporter("report", "--offline", "article.html")
    assert "| Embedded posts with no archived copy | not checked: no archive lookup answered |" in md
    code, page = reporter("report", "--offline", "--format", "html", "article.html")
    assert '<span class="badge unknown">not known: not in the cache (offline)</span>' in page
    assert 'class="badge fail">not known' not in page


def test_a_gone_post_read_from_its_capture_by_fetch_counts_as_looked_up_with_a_copy(fakenet, reporter):
    """`scan --fetch` read a deleted post's words from its capture (a CDX listing under its URL); the offline
    report showed the capture and warned "an archived copy exists", while its summary said "not checked: no
    archive lookup answered" and counted the post among those never looked up."""
    other = snowflake("2021-05-03T10:00:00Z")
    url = f"https://twitter.com/river_desk/status/{other}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        POST: [json_page(tweet(POST, "Road closed."))], other: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20210503120000", url, classic_page(other, "river_desk", "River Desk", "Bridge open."))])
    article = f"<html><body>{blockquote(POST, 'Road closed.')}{blockquote(other, 'Bridge open.')}</body></html>"
    code, out = reporter("scan", "--fetch", "article.html", article=article)
    assert code == 0, out
    # the scan's own lines say the words were read from a copy, and name no author as "@?"
    assert f"#2 twitter {other}: deleted (via syndication)\n" in out and "@?" not in out
    assert "    1 archived copy read, latest 2021-05-03T12:00:00Z" in out
    code, out = reporter("report", "--offline", "--format", "json", "article.html")
    report = json.loads(out)
    live, gone = report["embeds"]
    assert check_named(gone, "archived-copy")["result"] == "pass"
    assert (gone["archive_looked_up"], live["archive_looked_up"]) == (True, False)
    assert report["summary"]["archive"] == {"looked_up": 1, "with_copy": 1, "without_copy": 0, "not_checked": 1}
    code, md = reporter("report", "--offline", "article.html")
    assert "| Embedded posts with no archived copy | 0 of 1 looked up; 1 not checked |" in md


def test_a_post_whose_status_is_not_known_still_counts_among_those_looked_up_with_no_copy(fakenet, reporter):
    """The archive answered "no capture" for both posts; one post's source failed (HTTP 500). The summary said
    "1 of 2 looked up" have no archived copy (0 of N when every source failed): looked up and without a copy
    did not add up."""
    other = snowflake("2021-05-03T10:00:00Z")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        POST: [json_page(tweet(POST, "Road closed."))], other: [json_page({"error": "upstream"}, 500)]}))
    fakenet.route("publish.twitter.com", "/oembed", json_page({"error": "upstream"}, 503))
    serve(fakenet, [])
    article = f"<html><body>{blockquote(POST, 'Road closed.')}{blockquote(other, 'Bridge open.')}</body></html>"
    errors: list[str] = []
    code, out = reporter("report", "--format", "json", "article.html", article=article, said=errors)
    # the source that failed is a step that failed: exit 1, and said (newuser32 #5)
    assert (code, errors) == (1, [f"error: article.html: post twitter {other} could not be fetched: syndication "
                                  "answered HTTP 500"]), out
    summary = json.loads(out)["summary"]
    assert [e["status"]["tone"] for e in json.loads(out)["embeds"]] == ["ok", "unknown"]
    assert summary["archive"] == {"looked_up": 2, "with_copy": 0, "without_copy": 2, "not_checked": 0}
    assert summary["without_archive"] == 2
    code, md = reporter("report", "article.html")
    assert "| Embedded posts with no archived copy | 2 of 2 looked up |" in md


def test_a_remnant_an_offline_run_could_not_look_up_is_not_checked_not_unidentified(fakenet, reporter):
    remnant_world(fakenet)
    code, out = reporter("report", "--offline", "--format", "json", "remnant.txt", article=REMNANT, name="remnant.txt")
    assert code == 0 and fakenet.hits == []
    report = json.loads(out)
    assert report["summary"]["identification"] == {"remnants": 1, "identified": 0, "not_identified": 0,
                                                   "not_checked": 1}
    [embed] = report["embeds"]
    import jsonschema

    from tests.test_report import SCHEMA
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    reason = "not checked: the account's captures are not in the cache (offline)"
    assert (embed["identified"]["verdict"], embed["identified"]["reason"]) == ("not-checked", reason)
    assert next(c for c in embed["checks"] if c["name"] == "identification") == \
        {"name": "identification", "result": "skip", "evidence": reason}
    code, md = reporter("report", "--offline", "remnant.txt")
    assert "| Flattened posts | 1 without a link: 0 identified, 0 not, 1 not checked |" in md
    assert "not-cached" not in md and "not_cached" not in md


@pytest.mark.parametrize("fail_on,said,code", [
    ("never", "The council approved the budget.", 0),
    ("fail", "The council approved the budget.", 4),
    ("fail", "The council rejected the budget. Read more", 0),
    ("warn", "The council rejected the budget. Read more", 4),
    ("warn", "The council rejected the budget.", 0),
], ids=["never", "fail-on-fail", "fail-on-a-warn", "warn-on-a-warn", "warn-all-pass"])
def test_fail_on_sets_the_exit_code(fakenet, reporter, fail_on, said, code):
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(
        tweet(POST, "The council rejected the budget."))]}))
    serve(fakenet, [Capture("20210503120000", f"https://twitter.com/river_desk/status/{POST}", b"<html></html>")])
    article = f"<html><body>{blockquote(POST, said)}</body></html>"
    exit_code, out = reporter("report", "--fail-on", fail_on, "--format", "json", "article.html", article=article)
    assert exit_code == code, out
    assert json.loads(out)["embeds"]   # the report is written whatever the exit code


def test_a_post_edited_since_the_article_quoted_it_warns_and_names_the_capture(fakenet, reporter):
    """The article quotes the post as its capture holds it; the live post says otherwise now. That is an edit to
    show, not a misquote to fail (#9 §2: live and archived kept, the difference shown with dates)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(
        tweet(POST, "The council rejected the new budget on Wednesday."))]}))
    serve(fakenet, [Capture("20210503120000", f"https://twitter.com/river_desk/status/{POST}", classic_page(
        POST, "river_desk", "River Desk", "The council rejected the new budget on Tuesday.", epoch=1620033160))])
    article = f"<html><body>{blockquote(POST, 'The council rejected the new budget on Tuesday.')}</body></html>"
    code, _ = reporter("fetch", "--all-methods", "--json", f"https://twitter.com/river_desk/status/{POST}",
                       article=article)
    assert code == 0
    out = {fmt: reporter("report", "--format", fmt, "article.html")[1] for fmt in ("json", "md", "html")}
    check = text_check(out["json"])
    evidence = ("the live post differs: 1 change in the quoted words: Wednesday → Tuesday; the capture of "
                "2021-05-03T12:00:00Z holds the article's words: the post's 8 words, word for word (edited since?)")
    assert (check["result"], check["evidence"], check["changes"]) == ("warn", evidence, ["Wednesday → Tuesday"])
    assert f"⚠️ warn **text**: {evidence}" in out["md"]
    assert evidence.replace("'", "&#x27;") in out["html"]


NOT = "I will vote for it. Not."
UNDONE = 'the post goes on with "Not." (undoing the quoted words?)'


@pytest.mark.parametrize("detector, said, says, result, whole", [
    ("html-blockquote", "I will vote for it.", NOT, "warn", True),
    ("html-blockquote", "vote for it. Not.", NOT, "warn", True),
    ("html-blockquote", "I will vote for…", "I will vote for it. Tomorrow.", "pass", False),
    ("html-blockquote", "I will vote for…", NOT, "warn", False),
    ("html-blockquote", "I will vote for it. Not.", NOT, "pass", False),
    ("text-signature", "I will vote for it.", "I will vote for it. Tomorrow.", "pass", False),
    ("text-signature", "I will vote for it.", NOT, "warn", False),
], ids=["blockquote-trimmed-end", "blockquote-trimmed-start", "blockquote-cut-marked", "blockquote-cut-marked-not",
        "blockquote-whole", "scraped-remnant-trimmed", "scraped-remnant-trimmed-not"])
def test_an_embed_code_copy_shorter_than_the_post_warns(detector: str, said: str, says: str, result: str,
                                                         whole: bool) -> None:
    """An embed code's blockquote copies the post whole: one that shows only some of its words was trimmed (or the
    post was edited since), and "I will vote for it." passed as a partial quote of "I will vote for it. Not.".
    A cut the article marks (…), and a scraper's remnant, stay a partial quote; but not one that leaves out the
    "Not." that undoes it, which passed too (quotes30b)."""
    from resolver.provenance import text_check

    post = {"status": "available", "text": says, "archived": []}
    embed = {"text": said, "detector": detector, "platform": "twitter"}
    check = text_check(embed, post)
    assert check["result"] == result, check
    if result == "warn":
        assert check["evidence"].startswith("partial quote: "), check
        assert ("shows the post whole, this one only part" in check["evidence"]) == whole, check
        assert ("the post says: “I will vote for it. Not.”" in check["evidence"]) == whole, check
        assert (UNDONE in check["evidence"]) == (said != "vote for it. Not."), check


RENAMED = "river_news"   # @river_desk's handle since the article was written; the account (user id) is the same


def test_a_renamed_account_warns_citing_the_fetch_that_showed_the_old_handle(fakenet, reporter):
    """The article shows @river_desk; the post is now @river_news's, with the same user id, and an earlier fetch
    of this very post showed @river_desk. The author check failed, as if the post were misattributed."""
    answers = [json_page(tweet(POST, "Road closed.")), json_page(tweet(POST, "Road closed.", handle=RENAMED))]
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: answers}))
    serve(fakenet, [])
    _, first = one_embed_report(reporter)
    assert check_named(first, "author")["result"] == "pass"
    code, out = reporter("report", "--refresh", "--format", "json", "article.html")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["author"]["handle"] == RENAMED
    old = embed["post"]["sources"][0]
    author = check_named(embed, "author")
    assert (author["result"], author["evidence"]) == (
        "warn", f"handle changed: @river_desk is now @{RENAMED}, the same account (id 4400000099) per fetch "
                f"#{old['fetch_id']} (syndication, {old['fetched_at']}), which showed post {POST} by @river_desk")
    code, md = reporter("report", "--offline", "article.html")
    assert code == 0 and f"handle changed: @river_desk is now @{RENAMED}" in md


def test_a_renamed_account_is_known_by_another_post_with_the_same_account_id(fakenet, reporter, tmp_path):
    """No fetch of this post showed the old handle, but one of another post (another article) did, with the post's
    author id: the same account."""
    earlier = snowflake("2020-01-02T03:04:05Z")
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        earlier: [json_page(tweet(earlier, "Bridge open."))],
        POST: [json_page(tweet(POST, "Road closed.", handle=RENAMED))]}))
    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "old.html",
                         article=f"<html><body>{blockquote(earlier, 'Bridge open.')}</body></html>", name="old.html")
    assert code == 0, out
    [old] = json.loads(out)["embeds"][0]["post"]["sources"]
    _, embed = one_embed_report(reporter)
    author = check_named(embed, "author")
    assert (author["result"], author["evidence"]) == (
        "warn", f"handle changed: @river_desk is now @{RENAMED}, the same account (id 4400000099) per fetch "
                f"#{old['fetch_id']} (syndication, {old['fetched_at']}), which showed post {earlier} by @river_desk")


def test_a_handle_seen_on_another_account_is_no_rename(fakenet, reporter):
    """@river_desk was seen, but on another account (another user id): the post may be misattributed; it fails,
    and says a rename is not shown by what was recorded."""
    earlier = snowflake("2020-01-02T03:04:05Z")
    other_account = json_page(tweet(earlier, "Bridge open.") | {"user": {"id_str": "77", "name": "River Desk",
                                                                         "screen_name": "river_desk"}})
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({
        earlier: [other_account], POST: [json_page(tweet(POST, "Road closed.", handle=RENAMED))]}))
    serve(fakenet, [])
    code, out = reporter("report", "--format", "json", "old.html",
                         article=f"<html><body>{blockquote(earlier, 'Bridge open.')}</body></html>", name="old.html")
    assert code == 0, out
    _, embed = one_embed_report(reporter)
    author = check_named(embed, "author")
    assert (author["result"], author["evidence"]) == (
        "fail", f"article says @river_desk, the post's author is @{RENAMED}; no recorded fetch shows @river_desk "
                "as this account (id 4400000099): the post may be misattributed, or the account renamed")


@pytest.mark.parametrize("seen_id,result", [(None, "warn"), ("4400000099", "warn"), ("77", "fail")],
                         ids=["capture-without-id", "same-id", "other-id"])
def test_this_post_under_the_old_handle_is_a_rename_unless_another_account_id_was_recorded(tmp_path, seen_id, result):
    """A capture of this very post showed @river_desk: a post keeps its author, so the account was renamed, even
    when the capture gives no account id; a recorded id of another account is no such evidence."""
    from cache import Store
    from resolver.provenance import author_check

    store = Store(tmp_path / "c.db")
    fetch_id = store.record_fetch({"url": "https://web.archive.org/web/2021/x", "method": "GET", "status": 200,
                                   "purpose": "wayback-capture", "fetched_at": "2024-01-01T00:00:00Z",
                                   "tool_version": "test"})
    seen = {"status": "available", "author": {"handle": "River_Desk", "name": None, "id": seen_id}}
    store.record_observation({"platform": "twitter", "post_id": POST, "status": "available",
                              "author_handle": RENAMED, "author_id": "4400000099", "record": {}},
                             [{"method": "wayback", "status": "available", "reason": None, "fetch_id": fetch_id,
                               "record": json.dumps(seen)}], observed_at="2024-01-01T00:00:01Z")
    post = {"platform": "twitter", "post_id": POST, "status": "available", "archived": [],
            "author": {"handle": RENAMED, "name": "River Desk", "id": "4400000099"}}
    found = author_check({"author_handle": "river_desk", "platform": "twitter"}, post, store=store)
    assert found["result"] == result
    if seen_id is None:
        assert found["evidence"] == (f"handle changed: @river_desk is now @{RENAMED}: fetch #{fetch_id} (wayback, "
                                     "2024-01-01T00:00:00Z) showed this post by @river_desk, and a post keeps its "
                                     "author")
    assert author_check({"author_handle": "river_desk", "platform": "twitter"}, post)["result"] == "fail"  # no store


# -- a date one day apart is a time zone only where one could make it --------------------------------------------

@pytest.mark.parametrize("said, created, result, note", [
    # a zone ahead shows the 13th; no one lives at UTC+00:30 (newuser28b)
    ("2023-10-13", "2023-10-12T23:30:00.000Z", "pass", "UTC+01 to UTC+14"),
    ("2023-10-11", "2023-10-12T08:00:00.000Z", "pass", "UTC-11 to UTC-09"),         # a zone behind shows the 11th
    ("2023-10-11", "2023-10-12T11:30:00.000Z", "fail", None),                       # only uninhabited UTC-12 would
    ("2023-10-13", "2023-10-12T02:00:00.000Z", "fail", None),                       # no zone is 22 hours ahead
    ("2023-10-11", "2023-10-12T13:00:00.000Z", "fail", None),                       # no zone is 13 hours behind
    ("2023-10-12", "2023-10-12T23:30:00.000Z", "pass", None),
    ("2023-10-14", "2023-10-12T23:30:00.000Z", "fail", None),
    ("2023-10-13", "2023-10-12T23:29:30.000Z", "pass", "UTC+01 to UTC+14"),       # +00:30 would show 23:59:30
])
def test_a_date_one_day_apart_passes_only_where_a_time_zone_shows_it(said, created, result, note):
    """newuser27: a post made at 23:30 UTC that the article dates the next day warned ("a time zone?"), as did one
    made at 02:00 UTC dated the next day, which no time zone shows: the first is what an embed code dated in its
    maker's time zone says (pass, naming the zones), the second a wrong date (fail). Zones are the inhabited ones,
    UTC-11 to UTC+14, at the offsets in use (review27a: UTC-12 has no one to make an embed code, and "UTC-03:18" is no
    zone; newuser28b: nor is UTC+00:30). The snowflake check reads the id's minting time the same way."""
    from resolver.provenance import date_checks

    post_id = snowflake(created.replace(".000Z", "Z"))
    embed = {"date": said, "date_text": said, "platform": "twitter", "post_id": post_id}
    post = {"status": "available", "created_at": created, "text": "Road closed.", "author": {}}
    checks = {c["name"]: c for c in date_checks(embed, post)}
    for name in ("date", "snowflake-date"):
        assert checks[name]["result"] == result, (name, checks[name])
        assert (note in checks[name]["evidence"]) if note else "time zone" not in checks[name]["evidence"]


def test_a_post_date_that_is_not_iso_is_not_compared_and_raises_nothing():
    """review27a: a created_at in another form (an archived copy's, say) raised from the date check."""
    from resolver.provenance import date_checks

    embed = {"date": "2023-10-12", "date_text": "October 12, 2023", "platform": "twitter", "post_id": None}
    post = {"status": "available", "created_at": "Thu Oct 12 23:30:00 +0000 2023", "text": "x", "author": {}}
    [check] = date_checks(embed, post)
    assert (check["name"], check["result"]) == ("date", "skip")
    assert "Thu Oct 12 23:30:00 +0000 2023" in check["evidence"]


def test_a_post_line_with_no_archive_lookup_loads_no_archive_code(monkeypatch):
    """A warm `scan --fetch` printed each post's line through `_copies_lines`, which imported resolver.archive (23
    ms) for every post, looked up or not: a warm table run took 1.14x its base's time (#14)."""
    import sys

    from resolver.fetch import FetchedPost
    from resolver.fetch.records import PostRecord
    from resolver.report import _copies_lines

    monkeypatch.setitem(sys.modules, "resolver.archive", None)   # importing it now raises ImportError
    post = FetchedPost(PostRecord("twitter", POST, f"https://twitter.com/river_desk/status/{POST}", "available",
                                  "syndication"))
    assert _copies_lines(post) == []


# An edited post (verdict28, newuser28 §1): syndication asked for the original answers with the latest version,
# its text and created_at. The original was posted at 09:12:40; the edit, 20 minutes later, changed one word.
EDIT = snowflake("2021-05-03T09:32:40Z")
ORIGINAL_WORDS = "The council rejected the new budget on Tuesday."


def edited_embed(fakenet, reporter, captures: list[Capture], said: str, exit_code: int = 0) -> dict:
    """`report --fail-on fail --format json` of an article quoting the edited post as `said`: its one embed (the
    exit code 4 when a check failed)."""
    edited = tweet(EDIT, "The council rejected the new budget on Wednesday.", created_at="2021-05-03T09:32:40.000Z")
    edited["edit_control"] = {"edit_tweet_ids": [POST, EDIT], "editable_until_msecs": "1620037960000",
                              "edits_remaining": "4"}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(edited | {"isEdited": True})]}))
    serve(fakenet, captures)
    code, out = reporter("report", "--fail-on", "fail", "--format", "json", "article.html",
                         article=f"<html><body>{blockquote(POST, said)}</body></html>")
    assert code == exit_code, out
    [embed] = json.loads(out)["embeds"]
    return embed


def original_capture(text: str = ORIGINAL_WORDS, timestamp: str = "20210503091500") -> Capture:
    """The post's page captured before the edit: the original's words."""
    return Capture(timestamp, f"https://twitter.com/river_desk/status/{POST}",
                   classic_page(POST, "river_desk", "River Desk", text, epoch=1620033160))


def test_a_right_quote_of_an_edited_posts_original_passes_per_its_capture(fakenet, reporter):
    """The source says the post was edited; the article quotes the original, which the capture of the post's page
    holds. A plain `report` reads that capture (as it does a gone post's) and passes; the text check failed
    ("Wednesday → Tuesday") and `--fail-on fail` exited 4 on a right quote. The date is the original's."""
    embed = edited_embed(fakenet, reporter, [original_capture()], ORIGINAL_WORDS)
    assert check_named(embed, "text") == {"name": "text", "result": "pass", "evidence": (
        f"the post was edited since (syndication answered with {EDIT}, an edit of this post); the capture of "
        "2021-05-03T09:15:00Z holds the article's words: the post's 8 words, word for word (the one capture read that does: the verdict "
        "rests on it alone)")}
    assert check_named(embed, "date") == {"name": "date", "result": "pass", "evidence": (
        f"the post was edited: 2021-05-03T09:32:40Z is its edit's time; article 2021-05-03, the original posted "
        f"2021-05-03T09:12:40Z (its id's time)")}
    assert check_named(embed, "archived-copy")["result"] == "warn"   # live and archived differ, with dates
    again = reporter("report", "--offline", "--format", "json", "article.html")[1]   # the same from the cache
    assert check_named(json.loads(again)["embeds"][0], "text")["result"] == "pass"
    md = reporter("report", "--offline", "article.html")[1]   # the facts table says whose words and time it shows
    assert "| Date | May 3, 2021 | 2021-05-03T09:32:40Z (its edit's time) |" in md
    assert "| Text | The council rejected the new budget on Tuesday. | The council rejected the new budget on " \
           "Wednesday. (its edit's words) |" in md


def test_an_edited_posts_quote_no_capture_holds_warns_that_it_may_quote_an_earlier_version(fakenet, reporter):
    """No capture of the post could be read: the article may quote a version before the edit, which nothing
    read shows. That is no fail."""
    embed = edited_embed(fakenet, reporter, [], ORIGINAL_WORDS)
    assert check_named(embed, "text") == {"name": "text", "result": "warn", "evidence": (
        f"the post was edited since (syndication answered with {EDIT}, an edit of this post); the article may "
        "quote an earlier version, which no capture read holds: against the edited text, 1 change in the quoted "
        "words: Wednesday → Tuesday"), "changes": ["Wednesday → Tuesday"]}


def test_a_changed_word_in_a_quote_of_an_edited_post_still_fails_when_every_version_is_known(fakenet, reporter):
    """One edit (two versions): the live answer is the edit, a capture taken before the edit holds the original.
    A quote that matches neither changed a word, and fails against the original."""
    embed = edited_embed(fakenet, reporter, [original_capture()], "The council approved the new budget on Tuesday.", 4)
    check = check_named(embed, "text")
    assert (check["result"], check["changes"]) == ("fail", ["rejected → approved"])
    assert check["evidence"] == (
        f"the post was edited since (syndication answered with {EDIT}, an edit of this post), once: the capture of "
        "2021-05-03T09:15:00Z, before the edit, holds the original (the one capture read that does: the verdict "
        "rests on it alone): 1 change in the quoted words: "
        "rejected → approved")


def test_the_archived_line_counts_a_copy_read_under_x_com_in_all_three_formats(fakenet, reporter):
    """A deleted post whose only capture is filed under x.com (as posts captured since 2023 are): the section
    read it ("Capture of …: holds the post's words"), the archive check named it, and the Archived line under it
    said "no snapshot found", as it read only the snapshots of the post's twitter.com URL (newuser28 §2)."""
    under_x = f"https://x.com/river_desk/status/{POST}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20240106000001", under_x,
                            classic_page(POST, "river_desk", "River Desk", "Road closed.", epoch=1620033160))])
    report, embed = one_embed_report(reporter)
    copy = f"https://web.archive.org/web/20240106000001/{under_x}"
    assert (embed["snapshots"], embed["archived_copies"]) == ([], [{"url": copy, "timestamp": "20240106000001"}])
    assert without_lookups(check_named(embed, "archive")["evidence"]) == \
        f"the post is deleted; an archived copy exists: {copy}"
    line = "Archived: no snapshot listed for the post's URL; 1 archived copy from the captures read; latest"
    md = reporter("report", "--offline", "article.html")[1]
    assert f"- {line} <{copy}>" in md and "no snapshot found" not in md
    html = reporter("report", "--offline", "--format", "html", "article.html")[1]
    assert "<li>" + line.replace("'", "&#x27;") + f' <a href="{copy}">{copy}</a> (per the CDX lookup of ' in html
    assert "no snapshot found" not in html


def test_the_archived_line_of_captures_read_that_hold_no_words_says_so(fakenet, reporter):
    """A capture read that is not the post (a login wall) is no copy, and no "no snapshot found" either: it was
    listed, and read."""
    under_x = f"https://x.com/river_desk/status/{POST}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20240106000001", under_x, b"<html><body><p>Sorry, that page does not exist!</p>"
                                                       b"</body></html>")])
    report, embed = one_embed_report(reporter)
    assert embed["archived_copies"] == [] and len(embed["post"]["archived"]) == 1
    md = reporter("report", "--offline", "article.html")[1]
    assert "- Archived: no archived copy: 1 capture read, none holds the post's words" in md


def test_a_videos_oembed_thumbnail_is_no_media_the_article_should_link(fakenet, reporter):
    """YouTube's oEmbed gives a thumbnail of the video: the media check counted it as the post's media and warned
    "no media link in the article; the post has 1 media" on every embedded video (newuser28 §9). It skips, saying
    why."""
    from tests import xfixtures as fx
    from tests.fakenet import page

    fakenet.route("www.youtube.com", "/oembed", json_page(fx.YOUTUBE_OEMBED))
    fakenet.route("i.ytimg.com", "/vi/AbCdEfGhIjK/hqdefault.jpg", page(fx.jpeg(), content_type="image/jpeg"))
    serve(fakenet, [])
    article = ('<html><body><p>The timelapse.</p><iframe width="560" height="315" '
               'src="https://www.youtube.com/embed/AbCdEfGhIjK" title="YouTube video player"></iframe></body></html>')
    code, out = reporter("report", "--format", "json", "article.html", article=article)
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["media"][0]["type"] == "thumbnail"
    assert check_named(embed, "media") == {"name": "media", "result": "skip", "evidence": (
        "the source gives only a thumbnail of the post (https://i.ytimg.com/vi/AbCdEfGhIjK/hqdefault.jpg), no media "
        "an article would link: nothing to compare")}


def linked_tweet(post_id: str) -> dict:
    """A syndication answer whose text holds a t.co link, with its entities.urls (url, expanded_url, display_url,
    indices), as tweet-result gives them."""
    text = "Our flood report is out: https://t.co/Rp0rt12345"
    return tweet(post_id, text) | {"display_text_range": [0, len(text)], "entities": {
        "hashtags": [], "symbols": [], "user_mentions": [], "urls": [{
            "display_url": "riverton.example/reports/fl…", "indices": [25, 48], "url": "https://t.co/Rp0rt12345",
            "expanded_url": "https://www.riverton.example/reports/flood-2021?utm_source=tw"}]}}


@pytest.mark.parametrize("shown,result", [
    ('<a href="https://t.co/Rp0rt12345">riverton.example/reports/fl…</a>', "pass"),   # the embed code's own
    ("riverton.example/reports/bridge-2021", "warn"),
], ids=["display-address", "another-address"])
def test_a_written_address_is_weighed_against_where_the_posts_t_co_link_leads(fakenet, reporter, shown, result):
    """The post's record kept no t.co -> expanded address map (syndication's entities.urls was dropped): an address
    the article wrote in place of the link was never weighed, and another address than the link's passed
    (renamed28, #9). The map is kept in the record, in the cache too (an offline report says the same)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(linked_tweet(POST))]}))
    serve(fakenet, [])
    article = f"<html><body>{blockquote(POST, f'Our flood report is out: {shown}')}</body></html>"
    for offline in ((), ("--offline",)):
        code, out = reporter("report", *offline, "--format", "json", "article.html", article=article)
        assert code == 0, out
        [embed] = json.loads(out)["embeds"]
        assert embed["post"]["links"] == [{"url": "https://t.co/Rp0rt12345", "display_url": "riverton.example/"
                                           "reports/fl…", "expanded_url": "https://www.riverton.example/reports/"
                                           "flood-2021?utm_source=tw"}]
        check = text_check(out)
        assert check["result"] == result, check
        if result == "warn":
            assert "the article's link riverton.example/reports/bridge-2021 is not the post's (t.co/Rp0rt12345, " \
                   "which leads to www.riverton.example/reports/flood-2021?utm_source=tw)" in check["evidence"]


def test_a_written_address_is_weighed_against_a_captured_answers_t_co_link(fakenet, reporter):
    """The post is deleted; its captured syndication answer holds the t.co link and where it leads: the copy keeps
    the map as the live record does, and the check per the capture weighs the article's address against it."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(DELETED)]}))
    serve(fakenet, [Capture("20210503100000", f"https://cdn.syndication.twimg.com/tweet-result?id={POST}",
                            json.dumps(linked_tweet(POST)).encode(), content_type="application/json")])
    article = f"<html><body>{blockquote(POST, 'Our flood report is out: riverton.example/reports/bridge-2021')}"
    code, out = reporter("report", "--format", "json", "article.html", article=article + "</body></html>")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert [c["links"][0]["url"] for c in embed["post"]["archived"]] == ["https://t.co/Rp0rt12345"]
    check = text_check(out)
    assert check["result"] == "warn" and check["evidence"].startswith("per the capture of 2021-05-03T10:00:00Z")
    assert "(t.co/Rp0rt12345, which leads to www.riverton.example/reports/flood-2021?utm_source=tw)" \
           in check["evidence"]


def test_a_capture_taken_after_the_edit_that_holds_the_original_still_shows_a_changed_word(fakenet, reporter):
    """X's page for an edited post's original id still shows the original (with a banner), so a capture taken after
    the edit holds it too. A quote that changed a word of it warned, "which no capture read holds", a false claim,
    where the same capture taken before the edit failed (review28c §3): what a capture holds decides, not its time."""
    after = original_capture(timestamp="20210504120000")
    embed = edited_embed(fakenet, reporter, [after], "The council approved the new budget on Tuesday.", 4)
    check = check_named(embed, "text")
    assert (check["result"], check["changes"]) == ("fail", ["rejected → approved"])
    assert check["evidence"] == (
        f"the post was edited since (syndication answered with {EDIT}, an edit of this post), once: the capture of "
        "2021-05-04T12:00:00Z, after the edit, holds the original (the one capture read that does: the verdict "
        "rests on it alone): 1 change in the quoted words: "
        "rejected → approved")


EDITED_NOW = "The bridge reopens this morning after repairs, officials said."


def edited_post(*captures: tuple[str, ...], edits: int = 2) -> dict:
    """An edited post as the report reads it: its live answer the last of `edits` versions (the original minted at
    07:50, the first edit at 09:00, the others a minute apart), and the captures read (text, captured_at, and
    optionally the captured URL and the capture's form: the original's classic permalink page by default)."""
    versions = [snowflake("2022-12-06T07:50:00Z", 1)] + [snowflake(f"2022-12-06T09:0{n}:00Z", n + 1)
                                                         for n in range(edits - 1)]
    page = f"https://twitter.com/river_desk/status/{versions[0]}"
    return {"post_id": versions[0], "edits": versions, "status": "available", "text": EDITED_NOW,
            "created_at": "2022-12-06T09:00:00Z", "method": "syndication", "field_sources": {},
            "archived": [{"status": "archived-copy", "text": text, "captured_at": at, "original": rest[0] if rest and rest[0] else page,
                          "form": rest[1] if len(rest) > 1 else "classic-permalink",
                          "capture": f"https://web.archive.org/web/{n}/x"}
                         for n, (text, at, *rest) in enumerate(captures)]}


BRIDGE = "The bridge reopens this afternoon after repairs, officials said."
TONIGHT = {"text": "The bridge reopens tonight after repairs, officials said.", "detector": "html-blockquote"}


@pytest.mark.parametrize("captured_at", ["2022-12-06T08:00:00Z", "2022-12-07T08:00:00Z"], ids=["before", "after"])
def test_an_edited_posts_other_version_is_held_against_the_quote_whatever_the_captures_time(captured_at):
    """review28c §3's reproduction: the same capture gave a fail before the edit and a warn after it."""
    from resolver.provenance import text_check

    check = text_check(TONIGHT, edited_post((BRIDGE, captured_at)))
    assert (check["result"], check["changes"]) == ("fail", ["this afternoon → tonight"])
    assert "no capture read holds" not in check["evidence"]


def test_a_capture_of_the_edited_words_is_no_other_version_and_one_before_the_edit_is_cited_first():
    """A capture holding the live edit's words says nothing of the original; of two captures that agree on it, the
    one taken before the edit is cited (time breaks the tie)."""
    from resolver.provenance import text_check

    check = text_check(TONIGHT, edited_post((EDITED_NOW, "2022-12-06T10:00:00Z"), (BRIDGE, "2022-12-08T08:00:00Z"),
                                            (BRIDGE, "2022-12-06T08:30:00Z")))
    assert check["result"] == "fail"
    assert "the capture of 2022-12-06T08:30:00Z, before the edit, holds the original" in check["evidence"]


def test_captures_that_disagree_on_an_edited_posts_original_warn_and_say_so():
    """Two captures hold two different texts, neither the edit's: which one is the original is not known, so the
    quote is held against neither (no fail), and the evidence says the captures disagree, not that none holds an
    earlier version."""
    from resolver.provenance import text_check

    post = edited_post((BRIDGE, "2022-12-06T08:00:00Z"),
                       ("The ferry resumes this afternoon, officials said.", "2022-12-07T08:00:00Z"))
    check = text_check(TONIGHT, post)
    assert check["result"] == "warn"
    assert check["evidence"] == (
        f"the post was edited since (syndication answered with {post['edits'][-1]}, an edit of this post), once; "
        "not sure which words were the original: 2 captures read hold other words than the edit's and disagree "
        "(the capture of 2022-12-06T08:00:00Z, of 2022-12-07T08:00:00Z): against the edited text, 1 change "
        "in the quoted words: this morning → tonight")
    assert check["changes"] == ["this morning → tonight"]


def test_an_edited_post_with_more_versions_than_captures_read_says_what_the_captures_hold():
    """Edited twice (three versions) and one capture holds another version than the edit's: the quote may be of the
    version no capture holds (a warn), and the evidence no longer says that no capture read holds an earlier one."""
    from resolver.provenance import text_check

    post = edited_post((BRIDGE, "2022-12-06T08:00:00Z"), edits=3)
    check = text_check(TONIGHT, post)
    assert check["result"] == "warn"
    assert "no capture read holds" not in check["evidence"]
    assert check["evidence"] == (
        f"the post was edited since (syndication answered with {post['edits'][-1]}, an edit of this post), 2 times; "
        "the article may quote a version other than those read: 1 capture(s) read hold other words than the edit's "
        "(the capture of 2022-12-06T08:00:00Z), and the quote does not match them either: against the edited "
        "text, 1 change in the quoted words: this morning → tonight")


def test_fixsec28_the_report_weighs_and_shows_a_post_holding_a_configured_secret_redacted_as_the_embed():
    """A post handed to the report that names its author as the source did, a configured key inside the handle
    (one cached before the key was set, an archived copy): the embed's handle is redacted ("RiverREDACTED"), the
    post's was not, so the author check failed ("may be misattributed") and its evidence printed the key (review28c
    #1). Now the post's side goes through the same redactor: the check passes and nothing shows the key."""
    from resolver.article import from_bytes
    from resolver.fetch import FetchedPost
    from resolver.fetch.records import PostRecord
    from resolver.pipeline import ForEmbed, scan_article
    from resolver.provenance import build
    from resolver.redact import Redactor

    key, url = "tonRoads", f"https://twitter.com/RivertonRoads/status/{POST}"
    article = from_bytes(f'<blockquote class="twitter-tweet"><p>Bridge reopened.</p>&mdash; Riverton Roads '
                         f'(@RivertonRoads) <a href="{url}">May 3, 2021</a></blockquote>'.encode(), "a.html")
    post = FetchedPost(PostRecord("twitter", POST, url, "available", "syndication", author_handle="RivertonRoads",
                                  author_name="Riverton Roads", text="Bridge reopened.",
                                  created_at="2021-05-03T09:12:40Z"))
    for redactor, handle in ((Redactor(()), "RivertonRoads"), (Redactor((key,)), "RiverREDACTED")):
        result = scan_article(article, redactor=redactor)
        report = build(replace(result, posts=(ForEmbed(0, post),)), store=None, redactor=redactor)
        [embed] = report["embeds"]
        checks = {c["name"]: (c["result"], c["evidence"]) for c in embed["checks"]}
        assert checks["author"] == ("pass", f"@{handle} (Riverton Roads)")
        assert (embed["author_handle"], embed["post"]["author"]["handle"]) == (handle, handle)
        assert (key in json.dumps(report)) == (handle == "RivertonRoads")


LONG_POST = ("The council voted tonight to reopen the river bridge on Monday morning after six weeks of repairs to its "
             "deck and rails. " * 4 + "Thanks to every crew member who worked through the nights to make it happen.")
LONG_ID = snowflake("2024-05-03T09:12:40Z")
CUT = LONG_POST[:LONG_POST.index("reopen", 200) + 3]   # "... tonight to reo": cut inside a word


@pytest.mark.parametrize("answer,result,evidence", [
    ({"text": f"{CUT} https://t.co/LongPost01", "note_tweet": {"id": "Tm90ZVR3ZWV0OjE3ODc="}}, "warn",
     "cannot be checked: the source's text is cut there"),
    ({"text": f"{CUT}… https://t.co/LongPost01", "note_tweet": {"id": "Tm90ZVR3ZWV0OjE3ODc="}}, "warn",
     "cannot be checked: the source's text is cut there"),
    ({"text": f"{CUT} https://t.co/LongPost01", "note_tweet": {"id": "Tm90ZVR3ZWV0OjE3ODc=", "text": LONG_POST}},
     "pass", "the post's 102 words, word for word"),
], ids=["cut-with-a-link", "cut-with-an-ellipsis", "whole-in-note-tweet"])
def test_left28_a_long_post_whose_fetched_text_is_cut_is_checked_only_as_far_as_it_goes(fakenet, reporter, answer,
                                                                                         result, evidence):
    """A long post (X allows 25,000 characters) quoted whole by the article: the syndication answer's `text` is its
    start, cut inside a word and followed by a t.co link, with a `note_tweet` object. The text check said the article
    changed "reo" into "reopen the river…": words the fetched text does not hold. Now the words fetched are compared,
    and the rest is said to be unchecked, in all three formats; the whole text in `note_tweet.text` is used (#9)."""
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({LONG_ID: [json_page(
        tweet(LONG_ID, answer["text"], created_at="2024-05-03T09:12:40.000Z") | {"note_tweet": answer["note_tweet"]})]}))
    serve(fakenet, [])
    article = f"<html><body><p>The council met.</p>{blockquote(LONG_ID, LONG_POST, 'May 3, 2024')}</body></html>"
    out = {}
    for fmt in ("json", "md", "html"):
        code, out[fmt] = reporter("report", "--format", fmt, "article.html", article=article)
        assert code == 0, out[fmt]
    check = text_check(out["json"])
    assert (check["result"], check.get("changes", [])) == (result, []), check
    assert evidence in check["evidence"] and "change" not in check["evidence"], check["evidence"]
    badge = {"warn": ("⚠️ warn", "badge warn"), "pass": ("✅ pass", "badge pass")}[result]
    assert f"{badge[0]} **text**: " in out["md"] and f'<span class="{badge[1]}">' in out["html"]
    assert "change" not in " ".join(line for line in out["md"].splitlines() if "**text**" in line)


# edits29 §1: with one edit, a single capture holding other words than the edit's was taken as the original, and the
# quote passed or failed on it, though the capture may misread the post: another post's page (a reply), a head's
# og:description, a JSON answer that gives the latest version. A verdict that rests on one capture says so, and one
# whose capture cannot be tied to the original's id (its URL's id; taken before the edit's id was minted, or a page
# that shows the post found by its id) is "not sure".
UNTIED = [
    ((BRIDGE, "2022-12-06T12:00:00Z", None, "page-head"),
     "taken after the edit (2022-12-06T09:00:00Z), a page's head (page head tags only), which may show either version"),
    ((BRIDGE, "2022-12-06T08:00:00Z", f"https://twitter.com/river_desk/status/{snowflake('2022-12-06T08:10:00Z')}",
      "classic-permalink"),
     f"it is a capture of https://twitter.com/river_desk/status/{snowflake('2022-12-06T08:10:00Z')}, not of the "
     "original's id"),
    ((BRIDGE, "2022-12-06T12:00:00Z", "https://cdn.syndication.twimg.com/tweet-result?id={id}", "syndication"),
     "taken after the edit (2022-12-06T09:00:00Z), an answer (syndication JSON), which may show either version"),
]


@pytest.mark.parametrize("capture,why", UNTIED, ids=["og-description-after-the-edit", "another-posts-page",
                                                     "json-answer-after-the-edit"])
@pytest.mark.parametrize("quote", [TONIGHT, {**TONIGHT, "text": BRIDGE}], ids=["changed-word", "capture-words"])
def test_one_capture_that_cannot_be_tied_to_the_original_gives_no_verdict(capture, why, quote):
    """One capture holds other words than the edit's, but nothing ties it to the original version: a quote that
    changes a word of it failed, and one that matches it passed. Both warn, saying why the capture is not tied."""
    from resolver.provenance import text_check

    post = edited_post(capture)
    for copy in post["archived"]:
        if copy["original"] and "{id}" in copy["original"]:
            copy["original"] = copy["original"].format(id=post["post_id"])
    check = text_check(quote, post)
    assert check["result"] == "warn", check
    assert (f"once; not sure which words were the original: the capture of {capture[1][:10]}"
            f"T{capture[1][11:19]}Z holds other words than the edit's but cannot be tied to the original ({why})"
            ) in check["evidence"]


def test_a_verdict_resting_on_one_capture_says_so():
    """One capture, of the original's page, taken before the edit: it holds the original, and the quote is held
    against it (a changed word fails), but the evidence now says the verdict rests on that capture alone."""
    from resolver.provenance import text_check

    check = text_check(TONIGHT, edited_post((BRIDGE, "2022-12-06T08:00:00Z", None, "page-head")))
    assert check["result"] == "fail"
    assert "the capture of 2022-12-06T08:00:00Z, before the edit, holds the original (the one capture read " \
           "that does: the verdict rests on it alone): 1 change" in check["evidence"]
    passed = text_check({**TONIGHT, "text": BRIDGE}, edited_post((BRIDGE, "2022-12-06T08:00:00Z")))
    assert passed["result"] == "pass" and passed["evidence"].endswith(
        "(the one capture read that does: the verdict rests on it alone)")
    two = text_check(TONIGHT, edited_post((BRIDGE, "2022-12-06T08:00:00Z"), (BRIDGE, "2022-12-06T08:30:00Z")))
    assert two["result"] == "fail" and "rests on it alone" not in two["evidence"]


def api_post(*edits: str) -> dict:
    """A post as the X API gave it: the version asked for (the original), its later versions' ids after it."""
    return {"post_id": edits[0], "edits": list(edits), "status": "available", "text": BRIDGE,
            "created_at": "2022-12-06T07:50:00Z", "method": "x-api", "field_sources": {"text": "x-api"},
            "archived": []}


def test_an_article_quoting_a_later_version_than_the_x_api_gave_is_not_failed():
    """The X API answers the version asked for (the original) and lists the later ones: the article may quote a
    later version, whose words were not read, so a quote differing from the original warns, naming the versions,
    and never fails; the original's words pass, saying it was edited since. The post is not called an edit."""
    from resolver.provenance import date_checks, edit_of, text_check

    post = api_post(snowflake("2022-12-06T07:50:00Z"), snowflake("2022-12-06T09:00:00Z"))
    assert edit_of(post) is None
    check = text_check(TONIGHT, post)
    assert check["result"] == "warn", check
    assert check["evidence"] == (
        f"the post was edited since (x-api gave the version asked for, {post['post_id']}, and lists 1 later "
        f"version: {post['edits'][1]}); the article may quote a later version, whose words were not read "
        f"({post['edits'][1]}: not asked for when the post was cached: `fetch --refresh` reads it): against this "
        "version's text, 1 change in the quoted words: this afternoon → tonight")
    passed = text_check({**TONIGHT, "text": BRIDGE}, post)
    assert passed["result"] == "pass" and passed["evidence"].startswith("the post's 9 words, word for word; the "
                                                                        "post was edited since (x-api gave")
    [date] = [c for c in date_checks({"date": "2022-12-06", "date_text": "December 6, 2022"}, post) if c["name"] == "date"]
    assert "edited" not in date["evidence"]


def cached_before_edits_were_recorded(db, *, keep_bodies: bool) -> None:
    """Make the cache one written before the edit ids were recorded: the post's record without `edits`, and (not
    `keep_bodies`) the syndication answer's body not kept."""
    import sqlite3

    conn = sqlite3.connect(db)
    for row_id, record in conn.execute("SELECT id, record FROM posts").fetchall():
        data = json.loads(record)
        data.pop("edits")
        conn.execute("UPDATE posts SET record = ? WHERE id = ?", [json.dumps(data), row_id])
    if not keep_bodies:
        conn.execute("UPDATE fetches SET body_sha256 = NULL WHERE url LIKE '%tweet-result%'")
    conn.commit()
    conn.close()


def test_a_post_cached_before_edits_were_recorded_reads_them_from_its_kept_answer_offline(fakenet, reporter, tmp_path):
    """A post cached before edit ids were recorded has no `edits` until `fetch --reparse`: a report on it held the
    article's quote of the original against the edit's words alone and failed it. The kept syndication answer holds
    the ids, and an offline report reads them from it (no request), as the run that fetched it did."""
    embed = edited_embed(fakenet, reporter, [original_capture()], ORIGINAL_WORDS)
    assert check_named(embed, "text")["result"] == "pass"
    cached_before_edits_were_recorded(tmp_path / "c.db", keep_bodies=True)
    hits = len(fakenet.hits)
    code, out = reporter("report", "--offline", "--fail-on", "fail", "--format", "json", "article.html")
    assert code == 0, out
    [embed] = json.loads(out)["embeds"]
    assert embed["post"]["edits"] == [POST, EDIT]
    assert check_named(embed, "text")["result"] == "pass"
    assert len(fakenet.hits) == hits


@pytest.mark.parametrize("minted,known,post_id", [
    ("2021-05-03T09:12:40Z", True, None), ("2023-03-06T09:12:40Z", False, None),
    ("2009-02-13T23:31:30Z", True, "1234567890")],
    ids=["before-edits-began", "since-edits-began", "sequential-id-before-snowflakes"])
def test_a_post_cached_before_edits_were_recorded_whose_answer_was_not_kept_says_its_history_is_not_known(
        fakenet, reporter, tmp_path, minted, known, post_id):
    """No body to re-read: the report cannot tell whether the post was edited. It said nothing and failed the quote
    against the (edited) words; a post minted since edits began (September 2022) now says its edit history is not
    known, and a differing quote of it is no fail. One minted before could not be edited: nothing changes;
    nor one of the sequential ids before snowflakes (2010), whose mint time no id tells (review29c: it was taken for
    one that may have been edited)."""
    post_id = post_id or snowflake(minted)
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({post_id: [json_page(tweet(
        post_id, "The council rejected the new budget on Wednesday.", created_at=minted))]}))
    serve(fakenet, [])
    day = datetime.fromisoformat(minted[:10]).strftime("%B %-d, %Y")
    article = f"<html><body>{blockquote(post_id, ORIGINAL_WORDS, day)}</body></html>"
    assert reporter("report", "--format", "json", "article.html", article=article)[0] == 0
    cached_before_edits_were_recorded(tmp_path / "c.db", keep_bodies=False)
    code, out = reporter("report", "--offline", "--fail-on", "fail", "--format", "json", "article.html")
    [embed] = json.loads(out)["embeds"]
    check = check_named(embed, "text")
    if known:
        assert (code, check["result"]) == (4, "fail") and "edit history" not in check["evidence"]
    else:
        assert (code, check["result"]) == (0, "warn"), check
        assert check["evidence"].endswith(
            "; the post's edit history is not known (it was cached before edits were recorded, and its answer's "
            "body was not kept: `fetch --refresh` asks again), so a difference may be an edit: no fail")


def test_the_words_an_embed_code_shows_are_checked_against_the_post(fixture_text):
    """TikTok's caption and a Reddit card's title and u/author were not read: the text check skipped ("the article
    quotes no text of this post") and the author check said "the article names no handle" (newuser29 #3). A Reddit
    title is uncertain as the post's words: a difference warns, never fails."""
    from resolver.extract import html
    from resolver.provenance import author_check, text_check

    embeds = {e.platform: e.to_json() for e in html.scan(fixture_text("embed_code_captions.html"))[0]}
    tiktok = {"status": "available", "text": "The bridge is under water now #flood", "archived": [],
              "author": {"handle": "bridgefan", "name": "Bridge Fan"}}
    assert text_check(embeds["tiktok"], tiktok)["result"] == "pass"
    assert author_check(embeds["tiktok"], tiktok)["result"] == "pass"
    reddit = {"status": "available", "text": "The river is at the town hall", "archived": [],
              "author": {"handle": "Local_Person_42", "name": None}}
    assert author_check(embeds["reddit"], reddit) == {"name": "author", "result": "pass",
                                                      "evidence": "@Local_Person_42"}
    assert text_check(embeds["reddit"], reddit)["result"] == "warn"


@pytest.mark.parametrize("detector, quote, evidence", [
    ("html-blockquote", "Water in the church @bridgefan ♬ original sound - bridgefan",
     "no text of this post was read from the article, which shows here: 'Water in the church @bridgefan ♬ original "
     "sound - bridgefan' (not compared)"),
    # a link may have words quoted beside it, which were not read: no claim about the article (newuser34 #1)
    ("html-link", "this video", "not checked: the article links this post; no quoted words were read beside the link "
                                "(quoted words the link is set inside, or that are its own words, are not read)"),
    ("html-blockquote", "", "the article quotes no text of this post"),
], ids=["embed-code-with-words", "a-link", "nothing-shown"])
def test_a_text_check_that_read_no_words_says_what_the_article_shows(detector, quote, evidence):
    """The skip said "the article quotes no text of this post" where the embed code showed words (newuser29 #3):
    words the reader did not take as the post's are named as shown, not denied; a link quotes no text."""
    from resolver.provenance import text_check

    post = {"status": "available", "text": "Water in the church", "archived": []}
    embed = {"text": None, "detector": detector, "quote": quote}
    assert text_check(embed, post) == {"name": "text", "result": "skip", "evidence": evidence}


def test_a_report_says_the_article_linked_an_archived_copy_and_of_when(fakenet, reporter):
    """An article linking a Wayback Machine capture of a post: the embed looked like a direct link to the live post
    (newuser29 #5). The report names the capture and its time, in every format; the JSON keeps its URL."""
    serve(fakenet, [])
    capture = "https://web.archive.org/web/20260310120000/https://t.me/examplestadt_news/4598"
    article = f'<html><body><p>The channel said so (<a href="{capture}">archived</a>).</p></body></html>'
    out = {fmt: reporter("report", "--format", fmt, "article.html", article=article) for fmt in ("md", "html", "json")}
    [embed] = json.loads(out["json"][1])["embeds"]
    assert (embed["platform"], embed["post_id"], embed["linked_capture"]) == ("telegram", "examplestadt_news/4598", capture)
    note = (f"The article links a Wayback Machine capture of this post taken 2026-03-10T12:00:00Z, not the live "
            f"post: {capture}")
    assert f"- {note}" in out["md"][1].replace("\\", "")
    assert f"<li>{note}</li>" in out["html"][1]


def test_a_post_embedded_twice_with_other_words_has_each_place_checked_in_every_format(fakenet, reporter):
    """One post embedded twice, the second time with a word changed: the post keeps one status, each place's words
    are checked, the second's verdict shows in all three formats with where it is, and it counts for --fail-on
    (newuser29b §1: only the first was checked, exit 0 with --fail-on fail). A place with the first's words again
    is not checked twice."""
    right, wrong = "Ferry service resumes Monday morning.", "Ferry service ends Monday morning."
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, right))]}))
    serve(fakenet, [])
    article = (f"<html><body>{blockquote(POST, right)}<p>Later.</p>{blockquote(POST, wrong)}<p>Again.</p>"
               f"{blockquote(POST, right)}</body></html>")
    code, out = reporter("report", "--fail-on", "fail", "--format", "json", "article.html", article=article)
    assert code == 4, out
    report = json.loads(out)
    [embed] = report["embeds"]
    second = article.index(blockquote(POST, wrong))
    where = f"characters {second}–{second + len(blockquote(POST, wrong))}"
    texts = [c for c in embed["checks"] if c["name"] == "text"]
    assert [c["result"] for c in texts] == ["pass", "fail"]
    assert texts[1]["evidence"] == f"the article shows the post again at {where}: 1 change in the quoted words: " \
                                   "resumes → ends"
    assert texts[1]["changes"] == ["resumes → ends"]
    assert report["summary"]["checks"]["fail"] == 1 and report["summary"]["posts"]["named"] == 1
    assert [o["text"] for o in embed["other_words"]] == [wrong]
    for fmt, shown in (("md", f"❌ fail **text**: the article shows the post again at {where}"),
                       ("html", '<span class="badge fail">FAIL</span> <strong>text</strong>: the article shows the '
                                f"post again at {where}")):
        code, page = reporter("report", "--fail-on", "fail", "--format", fmt, "article.html")
        assert code == 4 and shown in page, page
        assert f"Also at {where}, with other words" in page


@pytest.mark.parametrize("prose", ["As she put it: Ferry service resumes Monday morning.",
                                   "As she put it: ferry service resumes Monday morning."], ids=["same", "recased"])
def test_review29e_a_signature_repeated_after_prose_is_checked_without_the_prose(fakenet, reporter, prose):
    """A page that embeds a post and repeats it in its prose with its signature ("As she put it: <the words> — Name
    (@handle) May 3, 2021") has one post (review29c); the prose before the words is the article's, not a quote of
    the post. Its place was checked with the prose as if glued on by a scraper, a warn that made --fail-on warn exit
    4 on a page quoting the post word for word (review29e)."""
    right = "Ferry service resumes Monday morning."
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(tweet(POST, right))]}))
    serve(fakenet, [])
    article = (f"<html><body>{blockquote(POST, right)}<p>{prose} \u2014 River Desk (@river_desk) May 3, 2021</p>"
               "</body></html>")
    code, out = reporter("report", "--fail-on", "warn", "--format", "json", "article.html", article=article)
    [embed] = json.loads(out)["embeds"]
    texts = [c for c in embed["checks"] if c["name"] == "text"]
    assert all(c["result"] == "pass" for c in texts) and "before" not in json.dumps(texts), texts
    assert [o["text"] for o in embed["other_words"]] == ([] if prose.endswith(right) else [prose[15:]])
    # no capture is served: the archive's warn is the only one, which --fail-on warn counts
    assert code == 4 and [c["name"] for c in embed["checks"] if c["result"] in ("warn", "fail")] == ["archive"], out


def test_a_flattened_post_with_no_id_counts_as_a_post_not_identified_never_as_none(fakenet, reporter, tmp_path):
    """A flattened post that kept no link is a post whose status is not known: the summary said "none: no embedded
    post" and the index counted it in no "posts whose status is not known" (newuser29b §2). It is counted, and said
    to be not identified, in every format and in the index."""
    remnant_world(fakenet)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "remnant.txt").write_text(REMNANT)
    code, out = reporter("report", "--offline", "--format", "json", "in/remnant.txt")
    assert code == 0 and fakenet.hits == []
    report = json.loads(out)
    summary = report["summary"]
    assert summary["posts"] == {"named": 1, "status_known": 0, "status_not_known": 1, "gone": 0}
    assert summary["by_status"] == {"not identified": 1}
    assert summary["archive"] == {"looked_up": 0, "with_copy": 0, "without_copy": 0, "not_checked": 1}
    [embed] = report["embeds"]
    assert embed["status"] == {"code": "not_identified", "words": "not identified", "tone": "unknown", "as_of": None}
    for fmt, shown in (("md", "| Embedded posts with no archived copy | not checked: 1 post not identified |"),
                       ("html", "<td>not checked: 1 post not identified</td>")):
        code, page = reporter("report", "--offline", "--format", fmt, "in/remnant.txt")
        assert code == 0 and shown in page and "no embedded post" not in page, page
        assert "Post status" in page and "not identified 1" in page
    code, _ = reporter("report", "--offline", "-o", "out", "in")
    index = json.loads((tmp_path / "out" / "index.json").read_text())
    assert [e["summary"]["posts"]["status_not_known"] for e in index] == [1]
    [row] = [line for line in (tmp_path / "out" / "index.md").read_text().splitlines() if "remnant.txt" in line]
    assert "| 1 of 1 |" in row


@pytest.mark.parametrize("said,says,evidence", [
    ("The council approved…", "The council approved nothing on Tuesday.",
     'partial quote: 3 of 6 words; the post has "nothing" right after them (a negation the quote leaves out?)'),
    ("violent march on Saturday…", "A non-violent march on Saturday in Riverton.",
     'partial quote: 4 of 8 words; the quote starts inside the post\'s "non-violent" (a cut word?)'),
    ("תומך בחוק…", "אני לא תומך בחוק הזה",
     'partial quote: 2 of 5 words; the post has "לא" right before them (a negation the quote leaves out?)'),
    ("I do not support this law", "אני לא תומך בחוק הזה",
     "no word of the post's 5 is in the quote, which is in Latin letters, the post in Hebrew: a translation? Its words "
     "cannot be checked against the post's"),
    ("He [Smith] said the plan will fail", "He said the plan will fail",
     'the post\'s 6 words, word for word; the article\'s own words in brackets: added "[Smith]"'),
], ids=["negative-pronoun-after", "inside-a-hyphenated-word", "hebrew-negation-before", "translation",
        "bracketed-words"])
def test_review30q_a_quote_cut_against_the_post_s_meaning_warns_in_the_report(fakenet, reporter, said, says,
                                                                               evidence):
    """The first three passed as a verified partial quote: the post says the council approved nothing, the article
    that it approved; a non-violent march quoted as a violent one; "I do not support the law" quoted as "support the
    law". The last two failed, calling a translation and an editor's [insertion] misquotes."""
    out = quoted(fakenet, reporter, said, says, "json", "md")
    check = text_check(out["json"])
    assert (check["result"], check["evidence"]) == ("warn", evidence)
    # right-to-left words are isolated in the Markdown (newuser30b #5): "לא" between U+2068 and U+2069
    assert f"⚠️ warn **text**: {evidence}" in out["md"].replace("\u2068", "").replace("\u2069", "")
    assert ("\u2068לא\u2069" in out["md"]) == ("לא" in evidence)


@pytest.mark.parametrize("said,says,evidence", [
    ("I will vote for…", "I will vote for it. Not.",
     'partial quote: 4 of 6 words; the post goes on with "Not." (undoing the quoted words?)'),
    ("the vote was rigged…", "FALSE: the vote was rigged",
     'partial quote: 4 of 5 words; the post labels it "FALSE:" (a debunk the quote leaves out?)'),
    ("the vote was rigged…", "Smith says “the vote was rigged”. Wrong.",
     "partial quote: 4 of 7 words; the post quotes these words from someone else (they stand in its own quotation "
     "marks)"),
    ("The U.S. will send five ships", "The US will send 5 ships",
     "the post's 6 words, word for word but for 1 figure written otherwise: 5 → five (the same number, in words on one "
     "side) and 1 word written otherwise: US → U.S. (the same letters, with full stops on one side)"),
    ("The vote is on 12/03/2022", "The vote is on 12.03.2022",
     "the post's 5 words, word for word but for 1 figure written otherwise: 12.03.2022 → 12/03/2022 (the same date's "
     "figures, parted otherwise)"),
], ids=["not-after", "debunk-label", "quoting-someone-else", "initialism-and-number-word", "date-separators"])
def test_quotes30b_a_quote_that_leaves_out_what_undoes_it_or_writes_it_otherwise_warns_in_the_report(
        fakenet, reporter, said, says, evidence):
    """The first three passed as a verified partial quote: the post says it will not vote for it, that the claim is
    false, that someone else claims it; the last two failed, calling a copy desk's "U.S.", "five" and "12/03/2022"
    misquotes of "US", "5" and "12.03.2022"."""
    out = quoted(fakenet, reporter, said, says, "json", "md")
    check = text_check(out["json"])
    assert (check["result"], check["evidence"]) == ("warn", evidence)
    assert f"⚠️ warn **text**: {evidence}" in out["md"]


def api_post_with_versions(*later: dict, edits: int = 2) -> dict:
    """A post as the X API gave it (the original), edited `edits - 1` times, with the later versions read by their
    own ids (`later`: each a version's fields over the latest one's, posted at 09:00, fetch #12)."""
    ids = [snowflake("2022-12-06T07:50:00Z")] + [snowflake(f"2022-12-06T09:0{n}:00Z") for n in range(edits - 1)]
    post = api_post(*ids)
    post["versions"] = [{"post_id": ids[-1], "status": "available", "method": "x-api", "text": EDITED_NOW,
                         "created_at": "2022-12-06T09:00:00Z", "links": [], "fetch_id": 12, "reason": None} | v
                        for v in later]
    return post


def test_a_quote_of_the_later_version_the_x_api_gave_passes_naming_it_and_when_it_was_posted():
    """The quote matches the latest version, read by its id in the same run: it passes, naming that version, when it
    was posted and the fetch that gave it, and that the original said otherwise (it warned: "whose words were not
    read", edits29)."""
    from resolver.provenance import text_check

    post = api_post_with_versions({})
    check = text_check({**TONIGHT, "text": EDITED_NOW}, post)
    assert check["result"] == "pass", check
    assert check["evidence"] == (
        f"the post was edited since (x-api gave the version asked for, {post['post_id']}, and lists 1 later version: "
        f"{post['edits'][1]}); the article quotes the later version {post['edits'][1]}, posted 2022-12-06T09:00:00Z "
        "(x-api, fetch #12): the post's 9 words, word for word; the version asked for says otherwise: 1 change in "
        "the quoted words: afternoon → morning")
    assert "changes" not in check
    original = text_check({**TONIGHT, "text": BRIDGE}, post)   # the original's words: as before
    assert original["result"] == "pass" and original["evidence"].endswith("the article quotes this version")


def test_a_quote_matching_no_version_of_a_post_whose_every_version_was_read_fails():
    """Edited once, both versions read: a quote that matches neither is a misquote, held against the closest."""
    from resolver.provenance import text_check

    post = api_post_with_versions({})
    check = text_check(TONIGHT, post)
    assert (check["result"], check["changes"]) == ("fail", ["this afternoon → tonight"])
    assert check["evidence"] == (
        f"the post was edited since (x-api gave the version asked for, {post['post_id']}, and lists 1 later version: "
        f"{post['edits'][1]}); the quote matches no version: against this version's text, 1 change in the quoted "
        f"words: this afternoon → tonight; against the later version {post['edits'][1]}, posted 2022-12-06T09:00:00Z "
        "(x-api, fetch #12), 1 change in the quoted words: this morning → tonight")


@pytest.mark.parametrize("post, why", [
    (lambda: api_post_with_versions({"status": "error", "text": None, "created_at": None,
                                     "reason": "X API server error 503"}),
     ": X API server error 503): against this version's text"),
    # cached by edits30, which read the latest version only (edits31 reads every version)
    (lambda: api_post_with_versions({}, edits=3), ": not asked for when the post was cached: `fetch --refresh` reads "
                                                  "it): against"),
], ids=["later-version-not-read", "a-version-between-not-read"])
def test_a_quote_matching_no_version_read_warns_when_a_version_was_not_read(post, why):
    from resolver.provenance import text_check

    post = post()
    check = text_check(TONIGHT, post)
    assert check["result"] == "warn", check
    assert why in check["evidence"] and "this afternoon → tonight" in check["evidence"]


def test_a_capture_holding_the_articles_words_is_cited_in_the_later_version_warn():
    """On the X API path a quote that differs from every version read warns; a capture of the post holding the
    article's words was read and not cited (edits29). It is cited, and a fail against the versions read is a warn:
    the sources disagree on what the post said."""
    from resolver.provenance import text_check

    capture = {"status": "archived-copy", "text": TONIGHT["text"], "captured_at": "2022-12-06T09:30:00Z",
               "original": "https://twitter.com/river_desk/status/x", "form": "page-head",
               "capture": "https://web.archive.org/web/1/x"}
    unread = api_post(snowflake("2022-12-06T07:50:00Z"), snowflake("2022-12-06T09:00:00Z")) | {"archived": [capture]}
    check = text_check(TONIGHT, unread)
    assert check["result"] == "warn"
    assert check["evidence"].endswith("; the capture of 2022-12-06T09:30:00Z holds the article's words: the post's "
                                      "8 words, word for word")
    read = api_post_with_versions({}) | {"archived": [capture]}
    check = text_check(TONIGHT, read)
    assert check["result"] == "warn" and check["evidence"].endswith("holds the article's words: the post's 8 words, "
                                                                    "word for word")


def test_a_report_with_the_x_api_passes_a_quote_of_the_later_version_it_read_and_offline_too(fakenet, tmp_path,
                                                                                           monkeypatch):
    """End to end on a loopback X API v2: the article quotes the edited post's latest version. The report reads it
    by its id in the same run and passes, naming it (it warned, edits29); an offline report says the same from the
    cache, asking nothing."""
    from tests import xfixtures as fx
    from tests.test_fetch import TOKEN, serve_media
    from tests.test_xapi import LATER_A, edited_answer

    monkeypatch.setenv("X_BEARER_TOKEN", TOKEN)
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + ["api.twitter.com"])
    fakenet.route("api.twitter.com", "/2/tweets", edited_answer)
    serve(fakenet, [])
    serve_media(fakenet)
    said = "Bridge reopened this afternoon after repairs."
    article = ("<html><body>" + blockquote(fx.POST_ID, said, "December 6, 2022").replace(
        "River Desk (@river_desk)", "Riverton Roads (@RivertonRoads)").replace("/river_desk/", "/RivertonRoads/")
        + "</body></html>")
    reports = []
    for args in ((), ("--offline",)):
        code, out = run("report", *args, "--fail-on", "fail", "--format", "json", "article.html",
                        article=article)
        assert code == 0, out
        reports.append(json.loads(out)["embeds"][0])
        if not args:
            hits = len(fakenet.hits)
    assert len(fakenet.hits) == hits
    for embed in reports:
        text = check_named(embed, "text")
        assert text["result"] == "pass", text
        assert f"the article quotes the later version {LATER_A}, posted 2022-12-06T05:50:02Z (x-api, fetch #" \
            in text["evidence"]
        assert TOKEN not in json.dumps(embed)


def history_not_known(created_at: str, minted: str, media: int = 1) -> dict:
    """A syndication answer cached before edit ids were recorded, its body not kept (edits29): whether it is an edit's
    answer (its time, its media) is not known."""
    return {"platform": "twitter", "post_id": snowflake(minted), "status": "available", "text": BRIDGE,
            "created_at": created_at, "method": "syndication", "field_sources": {"edits": "not known"},
            "archived": [], "media": [{"url": f"https://pbs.twimg.com/media/P{n}.jpg", "type": "photo"}
                                      for n in range(media)]}


def test_a_date_check_resting_on_a_post_whose_edit_history_is_not_known_says_so_and_is_no_fail():
    """The answer's time may be an edit's (up to an hour after the original): where the original's time, its id's,
    gives another verdict, the date check rests on the unknown history. It failed, saying nothing of it; it now
    warns, naming both times. Where both times agree, the check does not rest on it and is as before."""
    from resolver.provenance import date_checks

    said = {"date": "2022-12-06", "date_text": "December 6, 2022"}
    [date] = date_checks(said, history_not_known("2022-12-07T11:10:00Z", "2022-12-07T10:50:00Z"))
    assert date["result"] == "warn", date
    assert date["evidence"].endswith(
        "; the post's edit history is not known (it was cached before edits were recorded, and its answer's body was "
        "not kept: `fetch --refresh` asks again), so 2022-12-07T11:10:00Z may be an edit's time: the post's id was "
        "minted 2022-12-07T10:50:00Z, which gives pass: no fail")
    [agreed] = date_checks(said, history_not_known("2022-12-06T11:10:00Z", "2022-12-06T10:50:00Z"))
    assert agreed["result"] == "pass" and "edit history" not in agreed["evidence"]


def test_a_media_check_of_a_post_whose_edit_history_is_not_known_says_so_and_is_no_fail():
    """The answer's media may be an edit's: a difference from the article's media links may be an edit, so the
    check says so and does not fail (it failed: "the post has no media now"). A match is as before."""
    from resolver.provenance import HISTORY_NOT_KNOWN, media_check

    embed = {"media_links": ["https://pic.twitter.com/a", "https://pic.twitter.com/b"], "post_id": "1"}
    none = media_check(embed, history_not_known("2022-12-06T11:10:00Z", "2022-12-06T10:50:00Z", media=0), [])
    assert none["result"] == "warn" and none["evidence"].endswith(HISTORY_NOT_KNOWN), none
    fewer = media_check(embed, history_not_known("2022-12-06T11:10:00Z", "2022-12-06T10:50:00Z", media=1), [])
    assert fewer["result"] == "warn" and fewer["evidence"].endswith(HISTORY_NOT_KNOWN), fewer
    same = media_check(embed, history_not_known("2022-12-06T11:10:00Z", "2022-12-06T10:50:00Z", media=2), [])
    assert same["result"] == "pass" and "edit history" not in same["evidence"]


@pytest.mark.parametrize("created_at, doubted", [("2022-12-07T11:10:00Z", False), ("2022-12-07T12:55:00Z", True)],
                         ids=["within-the-edit-hour", "past-it"])
def test_a_post_whose_edit_history_is_not_known_is_not_doubted_for_a_time_an_edit_may_have(created_at, doubted):
    """Its answer's time may be an edit's, up to an hour after its id was minted: the date check says so (edits30),
    and the source is not also said to give a date that is not the post's (the source-date warn, fixnu30e: "is not
    this post's as X gave it"), which the two branches made together. Past the hour X allows, no edit explains it."""
    from resolver.provenance import date_checks

    said = {"date": "2022-12-07", "date_text": "December 7, 2022", "platform": "twitter"}
    checks = date_checks(said, history_not_known(created_at, "2022-12-07T10:50:00Z"))
    assert [c["name"] for c in checks if c["name"] == "source-date"] == (["source-date"] if doubted else []), checks


@pytest.mark.parametrize("said,says,result,evidence", [
    ("[T]he vote was rigged", "the vote was rigged", "warn",
     "the post's 4 words, word for word but for 1 word written otherwise: the → [T]he (the article's letters in "
     "brackets inside the word: the post's letters, as an editor writes them)"),
    ("We [dis]agree with the plan", "We agree with the plan", "fail", "1 change in the quoted words: agree → [dis]agree"),
    ("[Smith] said the plan will fail", "Jones said the plan will fail", "fail",
     "1 change in the quoted words: Jones → [Smith]"),
    ("I will vote for…", "I will vote for it in the U.S. Not.", "warn",
     'partial quote: 4 of 10 words; the post goes on with "Not." (undoing the quoted words?)'),
    ("the vote was rigged…", "CLAIM: the vote was rigged. VERDICT: False", "warn",
     'partial quote: 4 of 7 words; the post labels it "VERDICT: False" (a debunk the quote leaves out?)'),
    ("said the vote was rigged…", "Inga said the vote was rigged", "pass", "partial quote: 5 of 6 words"),
    ("We meet at 9:30 tonight", "We meet at 9.30 tonight", "warn",
     "the post's 5 words, word for word but for 1 figure written otherwise: 9.30 → 9:30 (the same time, with a full "
     "stop on one side and a colon on the other)"),
], ids=["glued-bracket", "glued-bracket-another-word", "name-in-brackets", "not-after-an-initialism",
        "verdict-after", "a-name-in-an-english-post", "british-time"])
def test_quotes31_brackets_names_verdicts_and_times_are_weighed_in_the_report(fakenet, reporter, said, says, result,
                                                                              evidence):
    """"[T]he" failed as "T he", "[dis]agree" of "agree" and "[Smith]" of "Jones" did not fail; the "Not." after
    "U.S." and the verdict after the claim were missed; "Inga" in an English post (the source's `lang`) warned as a
    Swedish negation; "9.30" failed against "9:30" (quotes31)."""
    out = quoted(fakenet, reporter, said, says, "json")
    check = text_check(out["json"])
    assert (check["result"], check["evidence"]) == (result, evidence)
# edits31: a post linked by an edit's id, every version read, the media of an edited post.


def latest_id_article(fakenet, reporter, said: str, *formats: str, media: bool = False) -> dict[str, str]:
    """`report --fail-on fail` of an article linking the edit's id EDIT and quoting it as `said`; syndication answers
    for EDIT with EDIT itself, listing the original POST before it (newuser31 #2). `media`: the edit has a photo,
    and the article links one."""
    edited = tweet(EDIT, "The council rejected the new budget on Wednesday.", created_at="2021-05-03T09:32:40.000Z")
    edited["edit_control"] = {"edit_tweet_ids": [POST, EDIT], "editable_until_msecs": "1620037960000",
                              "edits_remaining": "4"}
    shown = said
    if media:
        from tests import xfixtures as fx
        from tests.fakenet import page

        fakenet.route("pbs.twimg.com", "/media/Budget.jpg", page(fx.jpeg(), content_type="image/jpeg"))
        edited["mediaDetails"] = [{"type": "photo", "media_url_https": "https://pbs.twimg.com/media/Budget.jpg",
                                   "url": "https://t.co/Bu1Bu1Bu1B", "display_url": "pic.twitter.com/Bu1Bu1Bu1B",
                                   "original_info": {"width": 64, "height": 48}}]
        shown += (' <a href="https://t.co/Bu1Bu1Bu1B">pic.twitter.com/Bu1Bu1Bu1B</a>'
                  ' <a href="https://t.co/Bu2Bu2Bu2B">pic.twitter.com/Bu2Bu2Bu2B</a>')
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({EDIT: [json_page(edited | {"isEdited": True})]}))
    serve(fakenet, [])
    out = {}
    for fmt in formats:
        code, out[fmt] = reporter("report", "--fail-on", "fail", "--format", fmt, "article.html",
                                  article=f"<html><body>{blockquote(EDIT, shown)}</body></html>")
        assert code == 0, out[fmt]
    return out


def test_edits31_an_article_linking_an_edits_id_and_quoting_the_original_warns_and_says_the_post_was_edited(
        fakenet, reporter):
    """Syndication's answer for an edit's own id lists the original before it: that history was dropped (`edits`
    []), and a right quote of the original failed ("Wednesday → Tuesday"), the report never saying the post was
    edited. The article may quote the earlier version, whose words syndication does not give: warn, never fail."""
    out = latest_id_article(fakenet, reporter, ORIGINAL_WORDS, "json", "md")
    [embed] = json.loads(out["json"])["embeds"]
    assert embed["post"]["edits"] == [POST, EDIT]
    text = check_named(embed, "text")
    assert text == {"name": "text", "result": "warn", "changes": ["Wednesday → Tuesday"], "evidence": (
        f"the post was edited before this version (syndication gave the version asked for, {EDIT}, an edit of 1 "
        f"earlier version: {POST}); the article may quote an earlier version, whose words were not read ({POST}: "
        "syndication gives only a post's latest version): against this version's text, 1 change in the quoted "
        "words: Wednesday → Tuesday")}
    assert f"syndication lists 1 earlier version of this post: {POST}" in out["md"]   # the Status row says it
    assert check_named(embed, "date")["result"] == "pass"


def test_edits31_a_quote_of_the_edit_linked_by_its_own_id_passes_as_for_any_post(fakenet, reporter):
    out = latest_id_article(fakenet, reporter, "The council rejected the new budget on Wednesday.", "json")
    text = check_named(json.loads(out["json"])["embeds"][0], "text")
    assert text["result"] == "pass" and text["evidence"].endswith("; the article quotes this version"), text


def stale_answer_article(fakenet, reporter, said: str, *formats: str) -> tuple[int, dict[str, str]]:
    """`report --fail-on fail` of an article linking the original POST and quoting it as `said`; syndication answers
    for POST with POST itself, its history listing the later EDIT after it (`isStaleEdit`: a newer version exists)."""
    original = tweet(POST, ORIGINAL_WORDS, created_at="2021-05-03T09:12:40.000Z")
    original["edit_control"] = {"edit_tweet_ids": [POST, EDIT], "editable_until_msecs": "1620037960000",
                                "edits_remaining": "4"}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result",
                  by_id({POST: [json_page(original | {"isEdited": True, "isStaleEdit": True})]}))
    serve(fakenet, [])
    out, codes = {}, set()
    for fmt in formats:
        code, out[fmt] = reporter("report", "--fail-on", "fail", "--format", fmt, "article.html",
                                  article=f"<html><body>{blockquote(POST, said)}</body></html>")
        codes.add(code)
    [code] = codes
    return code, out


def test_left32_a_stale_syndication_answer_is_the_version_asked_and_a_quote_of_a_later_one_warns(fakenet, reporter):
    """edits31, left alone: syndication answered the original's id with the original itself, listing a later version
    after it (`isStaleEdit`). The history was dropped: the post read as never edited, and a right quote of the edit
    failed ("Tuesday → Wednesday"). It is the version asked for, as the X API's answer is: the text check warns that
    the article may quote the later version, whose words were not read; the Status row says the post was edited."""
    code, out = stale_answer_article(fakenet, reporter, "The council rejected the new budget on Wednesday.", "json",
                                     "md")
    assert code == 0, out
    [embed] = json.loads(out["json"])["embeds"]
    assert embed["post"]["edits"] == [POST, EDIT] and embed["post"]["text"] == ORIGINAL_WORDS
    text = check_named(embed, "text")
    assert text["result"] == "warn" and text["changes"] == ["Tuesday → Wednesday"], text
    assert text["evidence"] == (
        f"the post was edited since (syndication gave the version asked for, {POST}, and lists 1 later version: "
        f"{EDIT}); the article may quote a later version, whose words were not read ({EDIT}: not asked for "
        "(syndication's answer was a stale version, this one listed after it)): against this version's text, 1 "
        "change in the quoted words: Tuesday → Wednesday"), text
    assert f"syndication lists 1 later version of this post: {EDIT}" in out["md"]
    assert check_named(embed, "date")["result"] == "pass"


def test_left32_a_quote_of_the_version_a_stale_syndication_answer_holds_passes_naming_the_later_one(
        fakenet, reporter):
    code, out = stale_answer_article(fakenet, reporter, ORIGINAL_WORDS, "json")
    assert code == 0, out
    [embed] = json.loads(out["json"])["embeds"]
    text = check_named(embed, "text")
    assert text["result"] == "pass" and text["evidence"].endswith("; the article quotes this version"), text
    assert EDIT in text["evidence"], text


def x_api_latest(*others: dict, asked_at: int = -1) -> dict:
    """A post as the X API gave it, asked for by the id at `asked_at` of three versions (07:50, 09:00, 09:01), the
    other versions read by their ids (`others`: each one's fields, in history order), fetch #12."""
    ids = [snowflake("2022-12-06T07:50:00Z"), snowflake("2022-12-06T09:00:00Z"), snowflake("2022-12-06T09:01:00Z")]
    asked = ids[asked_at]
    post = api_post(*ids) | {"post_id": asked, "text": EDITED_NOW, "created_at": "2022-12-06T09:01:00Z"}
    times = dict(zip(ids, ("2022-12-06T07:50:00Z", "2022-12-06T09:00:00Z", "2022-12-06T09:01:00Z")))
    post["versions"] = [{"post_id": i, "status": "available", "method": "x-api", "text": None,
                         "created_at": times[i], "links": [], "fetch_id": 12, "reason": None} | v
                        for i, v in zip([i for i in ids if i != asked], others)]
    return post


def test_edits31_a_quote_of_an_earlier_version_read_by_its_id_passes_naming_it():
    """Asked for by its latest id, the X API's other versions are read: a quote of the original passes, naming the
    version and when it was posted; one of the version between too. A quote of none, every version read, fails
    against the closest; with a version not read, it warns."""
    from resolver.provenance import text_check

    post = x_api_latest({"text": BRIDGE}, {"text": "The bridge reopens at noon after repairs, officials said."})
    original, middle = post["edits"][:2]
    check = text_check({**TONIGHT, "text": BRIDGE}, post)
    assert check["result"] == "pass", check
    assert check["evidence"] == (
        f"the post was edited before this version (x-api gave the version asked for, {post['post_id']}, an edit of 2 "
        f"earlier versions: {original}, {middle}); the article quotes the earlier version {original}, posted "
        "2022-12-06T07:50:00Z (x-api, fetch #12): the post's 9 words, word for word; the version asked for says "
        "otherwise: 1 change in the quoted words: morning → afternoon")
    noon = text_check({**TONIGHT, "text": "The bridge reopens at noon after repairs, officials said."}, post)
    assert noon["result"] == "pass" and f"the article quotes the earlier version {middle}, posted 2022-12-06T" \
                                        "09:00:00Z" in noon["evidence"], noon
    assert text_check(TONIGHT, post)["result"] == "fail"
    unread = x_api_latest({"text": BRIDGE}, {"status": "error", "reason": "X API server error 503", "created_at": None})
    check = text_check({**TONIGHT, "text": "The bridge reopens at noon after repairs, officials said."}, unread)
    assert check["result"] == "warn" and f"({middle}: X API server error 503)" in check["evidence"], check


def test_edits31_the_media_check_of_an_edited_post_says_which_versions_media_it_compared_in_every_format(
        fakenet, reporter):
    """Syndication's answer of an edited post is its edit's, media too: the media check compared the article's links
    against them and did not say so. It names the version, in JSON, Markdown and HTML; fewer media is no fail."""
    out = latest_id_article(fakenet, reporter, "The council rejected the new budget on Wednesday.", "json", "md",
                            "html", media=True)
    media = check_named(json.loads(out["json"])["embeds"][0], "media")
    said = (f"compared with the media of version {EDIT} (syndication's answer), posted 2021-05-03T09:32:40Z; the "
            f"post has 2 versions ({POST}, {EDIT}), and another version's media may differ")
    assert media["result"] == "warn" and media["evidence"].endswith(said), media
    from html import escape

    assert said in out["md"] and escape(said) in out["html"]


def test_edits31_the_media_check_names_the_version_on_both_paths():
    from resolver.provenance import media_check

    embed = {"media_links": ["https://pic.twitter.com/a"], "post_id": "1"}
    photo = [{"url": "https://pbs.twimg.com/media/P.jpg", "type": "photo"}]
    syndicated = edited_post() | {"media": photo}   # syndication asked for the original answered with the edit
    check = media_check(embed, syndicated, [])
    assert check["result"] == "pass"
    assert check["evidence"].endswith(
        f"compared with the media of version {syndicated['edits'][1]} (syndication's answer, an edit of the post "
        f"asked for), posted 2022-12-06T09:00:00Z; the post has 2 versions ({', '.join(syndicated['edits'])}), and "
        "another version's media may differ"), check
    none = media_check(embed, edited_post() | {"media": []}, [])
    assert none["result"] == "warn" and "the post has no media now" in none["evidence"], none
    api = x_api_latest({"text": BRIDGE}, {"text": BRIDGE}, asked_at=0) | {"media": photo,
                                                                        "created_at": "2022-12-06T07:50:00Z"}
    assert media_check(embed, api, [])["evidence"].endswith(
        f"compared with the media of version {api['post_id']} (x-api's answer), posted 2022-12-06T07:50:00Z; the "
        f"post has 3 versions ({', '.join(api['edits'])}), and another version's media may differ")
    plain = media_check(embed, {"status": "available", "post_id": "1", "media": photo, "method": "syndication"}, [])
    assert plain["evidence"] == "article links 1 media (https://pic.twitter.com/a); the post has 1"


def dated_article(fakenet, reporter, said: str, head: str, **options) -> tuple[dict, dict]:
    """`report --format json` of an article whose <head> is `head`, quoting as `said` the post POST that syndication
    answers with its edit EDIT (posted 2021-05-03T09:32:40Z, 20 minutes after the original): the report and its
    one embed."""
    edited = tweet(EDIT, "The council rejected the new budget on Wednesday.", created_at="2021-05-03T09:32:40.000Z")
    edited["edit_control"] = {"edit_tweet_ids": [POST, EDIT], "editable_until_msecs": "1620037960000",
                              "edits_remaining": "4"}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(edited | {"isEdited": True})]}))
    serve(fakenet, [])
    code, out = reporter("report", "--fail-on", "fail", "--format", "json", "article.html",
                         article=f"<html><head>{head}</head><body>{blockquote(POST, said)}</body></html>")
    assert code == 0, out
    report = json.loads(out)
    return report, report["embeds"][0]


EDITED_WORDS = "The council rejected the new budget on Wednesday."
META = '<meta property="article:published_time" content="{}">'
JSON_LD = '<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "{}"}}</script>'


@pytest.mark.parametrize("head, written, source", [
    (META.format("2021-05-03T09:20:00+00:00"), "2021-05-03T09:20:00+00:00", "its article:published_time"),
    (META.format("2021-05-03T11:20:00+02:00"), "2021-05-03T11:20:00+02:00", "its article:published_time"),
    (JSON_LD.format("2021-05-03T05:20:00-04:00"), "2021-05-03T05:20:00-04:00", "its JSON-LD datePublished"),
    (META.format("2021-05-02T20:00:00"), "2021-05-02T20:00:00", "its article:published_time"),   # no zone: up to +12 h
    (META.format("2021-05-01"), "2021-05-01", "its article:published_time"),
], ids=["utc", "an-hour-offset", "json-ld", "no-zone-a-day-before", "a-date-two-days-before"])
def test_edits31_an_article_dated_before_the_version_it_quotes_warns_naming_both_times(fakenet, reporter, head,
                                                                                       written, source):
    """The quote matches the edit's words, posted 09:32:40 UTC; the article says it was published before that: the
    words cannot have been quoted from that version then (the article was updated since?). It passed, saying
    nothing; it warns, naming both times. The article's date is in the report's JSON."""
    report, embed = dated_article(fakenet, reporter, EDITED_WORDS, head)
    text = check_named(embed, "text")
    assert text["result"] == "warn", text
    assert text["evidence"] == (
        f"the post's 8 words, word for word; but the article is dated {written} ({source}), before the version it "
        f"quotes, {EDIT}, was posted (2021-05-03T09:32:40Z): it cannot have quoted these words then (updated "
        "since?)")
    assert report["article"]["published"] == {"date": written, "source": source.removeprefix("its ")}


@pytest.mark.parametrize("head", [
    META.format("2021-05-03T09:40:00+00:00"),      # after the edit
    META.format("2021-05-03T11:20:00-02:00"),      # 13:20 UTC
    META.format("2021-05-03T09:20:00"),            # no zone: 09:20 in some zone may be after 09:32 UTC
    META.format("2021-05-02"),                     # a day before, in a zone up to 12 hours behind UTC: not sure
    META.format("next Tuesday"),                   # no date
    "",                                            # none given
], ids=["after", "after-in-its-zone", "no-zone-same-day", "the-day-before", "no-date", "none"])
def test_edits31_an_article_dated_after_or_not_surely_before_the_version_it_quotes_passes(fakenet, reporter, head):
    report, embed = dated_article(fakenet, reporter, EDITED_WORDS, head)
    text = check_named(embed, "text")
    assert (text["result"], text["evidence"]) == ("pass", "the post's 8 words, word for word"), text


def test_edits31_a_quote_of_a_later_version_the_x_api_read_warns_when_the_article_is_dated_before_it():
    """On the X API path too: the quote matches the later version (posted 09:00 UTC); an article dated 08:30 UTC
    cannot have quoted it then. The original's words are no edit's: the article's date changes nothing there."""
    from resolver.extract.published import published
    from resolver.provenance import text_check

    post = api_post_with_versions({})
    early = published('<meta property="article:published_time" content="2022-12-06T08:30:00Z">')
    check = text_check({**TONIGHT, "text": EDITED_NOW}, post, published=early)
    assert check["result"] == "warn", check
    assert check["evidence"].endswith(
        f"; but the article is dated 2022-12-06T08:30:00Z (its article:published_time), before the version it quotes, "
        f"{post['edits'][1]}, was posted (2022-12-06T09:00:00Z): it cannot have quoted these words then (updated "
        "since?)")
    late = published('<meta property="article:published_time" content="2022-12-06T09:30:00Z">')
    assert text_check({**TONIGHT, "text": EDITED_NOW}, post, published=late)["result"] == "pass"
    assert text_check({**TONIGHT, "text": BRIDGE}, post, published=early)["result"] == "pass"


@pytest.mark.parametrize("page, found", [
    ('<meta content="2022-12-06T08:30:00+01:00" property="article:published_time" />',
     ("2022-12-06T08:30:00+01:00", "article:published_time")),
    ("<META PROPERTY='article:published_time' CONTENT='2022-12-06'>", ("2022-12-06", "article:published_time")),
    ('<meta itemprop="datePublished" content="2022-12-06T08:30:00Z">', ("2022-12-06T08:30:00Z",
                                                                        "microdata datePublished")),
    ('<script type="application/ld+json">{"datePublished": "2022-12-06T08:30:00.000Z"}</script>',
     ("2022-12-06T08:30:00.000Z", "JSON-LD datePublished")),
    ('<meta property="article:published_time" content="2022-02-30">', None),   # no such day
    ('<meta property="article:modified_time" content="2022-12-06">', None),     # not when it was published
    ('<p>"datePublished": "2022-12-06"</p>', None),                             # words, no JSON-LD
], ids=["attributes-either-way", "capitals-date-only", "microdata", "json-ld", "no-such-day", "modified", "prose"])
def test_edits31_an_articles_own_date_is_read_from_its_meta_or_json_ld(page, found):
    from resolver.extract.published import published

    got = published(f"<html><head>{page}</head><body></body></html>")
    assert (got and (got.written, got.source)) == found


def test_edits31_the_markdown_and_html_reports_give_the_articles_own_date(fakenet, reporter):
    """The date the warn weighs is shown with the article's other facts, where it was read from."""
    dated_article(fakenet, reporter, EDITED_WORDS, META.format("2021-05-03T11:20:00+02:00"))
    md = reporter("report", "--offline", "article.html")[1]
    html = reporter("report", "--offline", "--format", "html", "article.html")[1]
    assert "- Published: 2021-05-03T11:20:00+02:00 (the page's article:published_time)" in md
    assert '<p class="meta">Published: 2021-05-03T11:20:00+02:00 (the page&#x27;s article:published_time)</p>' in html


@pytest.mark.parametrize("unit", ['<meta property="x" ', "<meta content=1 ", '<meta name="datePublished" content="x',
                                  '"datePublished": "x'],
                         ids=["unclosed-meta-tags", "unclosed-contents", "unclosed-date-meta", "unclosed-json-ld-dates"])
def test_edits31_an_articles_own_date_is_read_in_linear_time_from_a_page_of_unclosed_tags(unit):
    """A report reads every HTML article's date: a page of `<meta` with no `>` made each tag's pattern read the rest of
    the page (40 KB took 6 s, 160 KB 2 minutes). 500 KB of them is read at once (0.15 s); quadratic, it would take
    about half an hour: the bound leaves room for a loaded machine."""
    import time

    from resolver.extract.published import published

    page = "<html><head>application/ld+json" + unit * (500_000 // len(unit))
    started = time.perf_counter()
    assert published(page) is None
    assert time.perf_counter() - started < 10


def test_edits31_a_report_with_the_x_api_passes_a_quote_of_the_original_of_an_edit_linked_by_its_own_id(
        fakenet, tmp_path, monkeypatch):
    """End to end on a loopback X API v2 (newuser31 #2 with a token): the article links the edit LATER_A and quotes the
    original. The original is read by its id in the same run and the quote passes, naming it (it failed: "afternoon
    → morning"); an offline report says the same from the cache, asking nothing."""
    from tests import xfixtures as fx
    from tests.test_fetch import TOKEN, serve_media
    from tests.test_xapi import LATER_A, edited_answer

    monkeypatch.setenv("X_BEARER_TOKEN", TOKEN)
    run = cli_on_fakenet(fakenet, tmp_path, monkeypatch, HOSTS + ["api.twitter.com"])
    fakenet.route("api.twitter.com", "/2/tweets", edited_answer)
    serve(fakenet, [])
    serve_media(fakenet)
    article = ("<html><body>" + blockquote(LATER_A, "Bridge reopened this morning after repairs.", "December 6, 2022")
               .replace("River Desk (@river_desk)", "Riverton Roads (@RivertonRoads)")
               .replace("/river_desk/", "/RivertonRoads/") + "</body></html>")
    for args in ((), ("--offline",)):
        code, out = run("report", *args, "--fail-on", "fail", "--format", "json", "article.html", article=article)
        assert code == 0, out
        text = check_named(json.loads(out)["embeds"][0], "text")
        assert text["result"] == "pass", text
        assert f"the article quotes the earlier version {fx.POST_ID}, posted 2022-12-06T05:31:41Z (x-api, fetch #" \
            in text["evidence"]
        if not args:
            hits = len(fakenet.hits)
    assert len(fakenet.hits) == hits


def test_the_archived_copy_difference_names_the_live_fetch_it_rests_on(fakenet, reporter):
    """The archived-copy line "live and archived differ: … '…' live on <time>" gave the observation's time, not the
    fetch the live words came from, and no fetch id where every other line names one (newuser31 #7). Now it names
    the live answer's method, fetch time and fetch id."""
    embed = edited_embed(fakenet, reporter, [original_capture()], ORIGINAL_WORDS)
    [source] = [s for s in embed["post"]["sources"] if s["method"] == "syndication"]
    evidence = check_named(embed, "archived-copy")["evidence"]
    assert f"' live (syndication, {source['fetched_at']}, fetch #{source['fetch_id']}, via configured origin " \
        f"{source['contacted_origin']} for cdn.syndication.twimg.com) (" in evidence, evidence


def gone_after_an_edits_answer(fakenet, reporter, asked: str, created_at: str) -> dict:
    """The embed of an article linking `asked` and quoting the original's words, reported `--refresh --fail-on fail`
    after a first report: syndication answered `asked` with the edit EDIT (created `created_at`, listing POST
    before it), then 404. Asserts the first report and the second exit 0, the post now not found."""
    from tests.fakenet import page

    edited = tweet(EDIT, "The council rejected the new budget on Wednesday.", created_at=created_at)
    edited["edit_control"] = {"edit_tweet_ids": [POST, EDIT], "editable_until_msecs": "1620037960000",
                              "edits_remaining": "4"}
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({asked: [
        json_page(edited | {"isEdited": True}), page("not found", status=404)]}))
    serve(fakenet, [])
    article = f"<html><body>{blockquote(asked, ORIGINAL_WORDS, 'May 3, 2021')}</body></html>"
    code, out = reporter("report", "--fail-on", "fail", "--format", "json", "article.html", article=article)
    assert code == 0 and check_named(json.loads(out)["embeds"][0], "text")["result"] != "fail", out
    code, out = reporter("report", "--refresh", "--fail-on", "fail", "--format", "json", "article.html")
    assert code == 0, out
    import jsonschema   # the report holding `last_available` and the dated status follows the schema

    from pathlib import Path
    jsonschema.validate(json.loads(out), json.loads((Path(__file__).parents[1] / "schema" / "report.schema.json")
                                                    .read_text()))
    [embed] = json.loads(out)["embeds"]
    assert embed["status"]["code"] == "not_found"
    return embed


def test_a_gone_posts_last_answer_that_was_an_edit_grounds_no_fail_of_a_quote_of_the_original(fakenet, reporter):
    """The checks of a post gone since rest on its last recorded answer (newuser31 #1); when that answer was an
    edit's (syndication answered the original's id with the edit), its words and time are the edit's: a quote of the
    original is no misquote of it, and the date not the original's. They warn, never fail."""
    embed = gone_after_an_edits_answer(fakenet, reporter, POST, "2021-05-04T01:32:40.000Z")
    text, date = check_named(embed, "text"), check_named(embed, "date")
    assert text["result"] == "warn" and "when the post was last seen available" in text["evidence"], text
    assert f"that answer was an edit of this post ({EDIT})" in text["evidence"], text
    assert date["result"] != "fail", date


# review31r1: the article's own date was the first "datePublished" anywhere in a page with JSON-LD: a related
# article's in an ItemList, a reader's comment, one outside any script; a <meta> inside an HTML comment counted too.
# A wrong, older date made a right quote of an edit warn "(updated since?)"; a wrong, later one hid that warn.
LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize("page, found", [
    (LD.format('{"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle", "datePublished": "2019-01-01"}]}')
     + LD.format('{"@type": "NewsArticle", "datePublished": "2022-12-06T08:30:00Z"}'), "2022-12-06T08:30:00Z"),
    (LD.format('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "x"}, {"@type": '
               '"NewsArticle", "datePublished": "2022-12-06T08:30:00Z", "comment": [{"@type": "Comment", '
               '"datePublished": "2020-01-01"}]}]}'), "2022-12-06T08:30:00Z"),
    (LD.format('[{"@type": "Comment", "datePublished": "2020-01-01"}, {"@type": ["NewsArticle"], '
               '"datePublished": "2022-12-06"}]'), "2022-12-06"),
    ('<p>"datePublished": "2019-01-01"</p>' + LD.format('{"@type": "Article", "datePublished": "2022-12-06"}'),
     "2022-12-06"),
    ('<!-- <meta property="article:published_time" content="2010-01-01T00:00:00Z"> -->'
     '<meta property="article:published_time" content="2022-12-06T08:30:00Z">', "2022-12-06T08:30:00Z"),
    (LD.format('{"@type": "NewsArticle", "datePublished": "2019-01-01"}')
     + LD.format('{"@type": "NewsArticle", "datePublished": "2022-12-06"}'), None),   # two articles: which?
    (LD.format('{"@type": "Comment", "datePublished": "2019-01-01"}'), None),
    (LD.format('{"@type": "NewsArticle", "datePublished": "2022-12-06"'), None),   # no JSON: not read
], ids=["related-item-list", "graph-with-comments", "list-with-a-comment", "prose-before-json-ld", "html-comment",
        "two-articles", "a-comment-alone", "broken-json"])
def test_review31r1_the_articles_own_date_is_its_own_not_a_related_articles_or_a_comments(page, found):
    from resolver.extract.published import published

    got = published(f"<html><head>{page}</head><body></body></html>")
    assert (got and got.written) == found


# review31r1: an article dated before the edit it quotes but modified after it was posted (its dateModified,
# article:modified_time) quotes the words as updated: it passes, naming both dates, and no longer warns "cannot have
# quoted these words then". A modified date before the edit, or one that may be before it, changes nothing.
@pytest.mark.parametrize("page, result", [
    ('<meta property="article:published_time" content="2022-12-06T08:30:00Z">'
     '<meta property="article:modified_time" content="2022-12-06T10:00:00Z">', "pass"),
    (LD.format('{"@type": "NewsArticle", "datePublished": "2022-12-06T08:30:00Z", '
               '"dateModified": "2022-12-07"}'), "pass"),
    ('<meta property="article:published_time" content="2022-12-06T08:30:00Z">'
     '<meta property="article:modified_time" content="2022-12-06T08:45:00Z">', "warn"),
    ('<meta property="article:published_time" content="2022-12-06T08:30:00Z">'
     '<meta property="article:modified_time" content="2022-12-06T12:00:00">', "warn"),   # zoneless: may be 22:00 the day before
], ids=["modified-after", "json-ld-modified-the-day-after", "modified-before", "modified-zoneless-maybe-before"])
def test_review31r1_an_article_modified_after_the_version_it_quotes_passes_naming_both_dates(page, result):
    from resolver.extract.published import published
    from resolver.provenance import text_check

    post = api_post_with_versions({})
    check = text_check({**TONIGHT, "text": EDITED_NOW}, post, published=published(page))
    assert check["result"] == result, check
    if result == "pass":
        assert "but the article is dated 2022-12-06T08:30:00Z (its " in check["evidence"], check
        assert ", after the version it quotes was posted: it quotes these words as updated" in check["evidence"], check
    else:
        assert "cannot have quoted these words then (updated since?)" in check["evidence"], check
# review31r3: the last recorded answer of a post gone since, attacked.


def test_a_gone_posts_last_answer_listing_an_earlier_version_grounds_no_fail_of_a_quote_of_that_version(
        fakenet, reporter):
    """The last recorded answer of a post gone since was for an edit asked for by its own id, listing the original
    before it (edits31's shape). The article quotes the original: live, that warned (the article may quote the
    earlier version); once the post was gone, the checks rested on that answer and failed "Wednesday → Tuesday",
    tripping --fail-on fail: `seen_edit` only knew an answer that was a later edit than the id asked."""
    embed = gone_after_an_edits_answer(fakenet, reporter, EDIT, "2021-05-03T09:32:40.000Z")
    text = check_named(embed, "text")
    assert text["result"] == "warn" and "when the post was last seen available" in text["evidence"], text
    assert f"that answer lists other versions of this post ({POST})" in text["evidence"], text


@pytest.mark.parametrize("date_text, evidence", [
    ("6 Δεκ 2022", "the article shows a date it could not read (“6 Δεκ 2022”): it is not compared"),
    (None, "the article shows no date for this post"),
], ids=["unread-date", "no-date"])
def test_a_date_the_article_shows_but_the_tool_cannot_read_is_not_called_no_date(date_text, evidence):
    """newuser32b #7: a Hebrew date link the table could not read gave "the article shows no date", which is false:
    the article shows one, in words the tool does not read."""
    from resolver.provenance import date_checks

    embed = {"date": None, "date_text": date_text, "platform": "twitter", "post_id": None}
    post = {"status": "available", "created_at": "2022-12-06T10:00:00.000Z", "text": "x", "author": {}}
    [date] = [c for c in date_checks(embed, post) if c["name"] == "date"]
    assert (date["result"], date["evidence"]) == ("skip", evidence)


SUSPENDED_PAGE = (b'<!DOCTYPE html><html dir="ltr" lang="en"><head><meta charset="utf-8">'
                  b'<meta property="og:site_name" content="X (formerly Twitter)"><title>X</title></head><body>'
                  b'<div data-testid="primaryColumn"><div data-testid="error-detail"><span>This Post is from a '
                  b'suspended account. Learn more</span></div></div></body></html>')
SUSPENDED = {"__typename": "TweetTombstone", "tombstone": {"text": {"text": "This Post is from a suspended account. "
                                                                         "Learn more"}}}


def test_fixnu32b_a_capture_read_as_the_suspended_account_page_is_no_archived_copy(fakenet, reporter, tmp_path):
    """newuser32 #2: the suspended post's only capture is an HTTP 200 of X's "This Post is from a suspended account"
    page. The tool read it and said it held no words of the post, yet the same report said "an archived copy
    exists", counted it with a copy (`without_archive` 0) and `stats`' at_risk_embeds did not list it: the one
    post preserved nowhere was shown as preserved."""
    url = f"https://twitter.com/river_desk/status/{POST}"
    fakenet.route("cdn.syndication.twimg.com", "/tweet-result", by_id({POST: [json_page(SUSPENDED)]}))
    serve(fakenet, [Capture("20240210120000", url, SUSPENDED_PAGE)])
    report, embed = one_embed_report(reporter)
    archive = check_named(embed, "archive")
    assert (archive["result"], without_lookups(archive["evidence"])) == (
        "warn", f"at risk: the post's account is suspended and no archived copy was found under {url}, also on x.com "
        "and mobile.twitter.com, nor among its syndication and oEmbed answers (1 capture listed; it shows the "
        "suspended-account page, not the post)")
    assert report["summary"]["archive"] == {"looked_up": 1, "with_copy": 0, "without_copy": 1, "not_checked": 0}
    assert report["summary"]["without_archive"] == 1
    assert embed["archived_copies"] == []
    for fmt in ("md", "html"):
        code, shown = reporter("report", "--offline", "--format", fmt, "article.html")
        assert code == 0, shown
        assert "it shows the suspended-account page, not the post" in " ".join(shown.split()), shown
        assert "an archived copy exists" not in shown
    # the cache's view says the same: the embed is at risk
    result = CliRunner().invoke(cli, ["--config", str(tmp_path / "config.toml"), "--db", str(tmp_path / "c.db"),
                                      "stats", "--json"])
    at_risk = [row for line in result.stdout.splitlines() if (row := json.loads(line))["view"] == "at_risk_embeds"]
    assert [(r["post_id"], r["post_status"]) for r in at_risk] == [(POST, "suspended")]


@pytest.mark.parametrize("said,result", [
    ("Council approved 12 of the 12 bridge repairs today. The rest wait for the state audit.", "fail"),
    ("Council never approved 3 of the 12 bridge repairs today. The rest wait for the state audit.", "fail"),
    ("Council approved 3 of the 12 bridge repairs today. The rest wait for the state audit. 5 more in June.", "pass"),
    ("Council approved 3 of the 12 road repairs today. The rest wait for the state audit.", "warn"),
], ids=["figure-inside", "negation-added-inside", "figure-glued-after", "word-inside"])
def test_an_uncertain_texts_figure_or_negation_changed_inside_the_quoted_run_fails(said, result):
    """newuser37 §9: a signed plain-text quote with "3" changed to "12" warned, as any change of an uncertain text
    does (its start or end is a reading). A change between words that match on both sides is no reading's, and
    another figure or a negation added or dropped there turns the post around: it fails, as beside a link; other
    changes, and words glued on at its ends, still warn."""
    from resolver.provenance import text_check

    post = {"status": "available", "archived": [],
            "text": "Council approved 3 of the 12 bridge repairs today. The rest wait for the state audit."}
    check = text_check({"text": said, "detector": "text-signature", "text_confidence": "uncertain"}, post)
    assert check["result"] == (result if result != "pass" else "warn"), check
    if result == "fail":
        assert "uncertain" not in check["evidence"], check


@pytest.mark.parametrize("said,result", [
    ("Council meets at 9:00 on Monday. Class of 2024 invited. Budget up 3.0 percent.", "warn"),
    ("Council meets at 19 on Monday. Class of '24 invited. Budget up 3 percent.", "fail"),
    ("Council meets at 9 on Monday. Class of 2023 invited. Budget up 3 percent.", "fail"),
    ("Council meets at 9 on Monday. Class of '24 invited. Budget up 30 percent.", "fail"),
], ids=["written-otherwise", "hour", "year", "per-cent"])
@pytest.mark.parametrize("detector,confidence", [("text-signature", "uncertain"), ("html-blockquote", "high"),
                                                 ("html-link", "high")], ids=["uncertain", "embed-code", "beside-link"])
def test_a_figure_written_otherwise_warns_and_another_fails_in_every_kind_of_text(said, result, detector, confidence):
    """verdicts38 (review37e, fixnu37e): "at 9" quoted "at 9:00", "'24" quoted "2024", "3" quoted "3.0" failed as
    changed figures, also in an uncertain plain text since fixnu37e; they warn, naming the figure written otherwise,
    while another figure ("19", "2023", "30") still fails, an uncertain text's too."""
    from resolver.provenance import text_check

    post = {"status": "available", "archived": [],
            "text": "Council meets at 9 on Monday. Class of '24 invited. Budget up 3 percent."}
    check = text_check({"text": said, "detector": detector, "text_confidence": confidence}, post)
    assert check["result"] == result, check
    if result == "warn":
        assert "3 figures written otherwise" in check["evidence"], check
        assert "the same year, its last two figures with an apostrophe on one side" in check["evidence"], check
