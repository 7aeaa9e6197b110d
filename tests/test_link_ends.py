"""What a link's end page says of itself (resolution36, #13): a parked domain, an interstitial naming the post, against
a loopback server speaking HTTP; and the exit code a cron user can ask for when a link's end is gone."""

import json

from tests.fakenet import page, redirect
from tests.test_cli_resolve import STATUS, config_for, invoke

OTHER = "https://twitter.com/RivertonRoads/status/1600000000000000002"
PARKED = ('<html><head><title>parked.example is for sale!</title></head><body><h1>parked.example</h1>'
          '<p>This domain is for sale. <a href="https://broker.example/buy?d=parked.example">Buy this domain</a></p>'
          '<p>Related searches: <a href="/search?q=news">News</a></p></body></html>')
LEAVING = ('<html><title>Leaving sho.example</title><p>You are leaving sho.example. Continue to '
           '<a href="{0}">{0}</a></p><p><a href="/report">Report this link</a></p></html>')


def by_url(result):
    return {d["url"]: d for d in map(json.loads, result.stdout.splitlines())}


def test_a_link_that_ends_at_a_parked_domain_is_unsure_and_a_live_page_is_not(fakenet, tmp_path):
    """fixnu35f left it: a t.co link redirected to a parked domain answering 200 "for sale" to every path read as a
    live end like a news story. Its end is now `unsure`, saying why (its words, on another domain than the link's),
    never `gone` (a guess from words is no answer). A live page is not: a small one with no such words, and a long
    article that quotes the words (a page that is a whole article is no parking page)."""
    for path in ("/", "/old-story"):
        fakenet.route("parked.example", path, page(PARKED))
    fakenet.route("t.co", "/parked", redirect("https://parked.example/old-story"))
    fakenet.route("t.co", "/live", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page("<html><title>Story</title><p>The bridge reopened.</p></html>"))
    fakenet.route("t.co", "/long", redirect("https://news.example/domains"))
    fakenet.route("news.example", "/domains", page(
        "<html><title>Domain squatters</title><p>The banner read: this domain is for sale.</p>"
        + "<p>Paragraph of the long article about the domain trade.</p>" * 2000 + "</html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "parked.example", "news.example"))
    links = ["https://t.co/parked", "https://t.co/live", "https://t.co/long"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    parked, live, long = (by_url(result)[link] for link in links)
    assert (parked["error"], parked["final_status"], parked["gone"]) == (None, 200, False)
    assert parked["unsure"] == ("https://parked.example/old-story, on another domain than the link's, reads as a "
                                "parked domain (\"this domain is for sale\"): the page the link led to may be gone")
    assert (live["unsure"], long["unsure"]) == (None, None)
    again = invoke(tmp_path, config, "resolve", "--json", *links)   # from the cache: the same doubt
    assert by_url(again)["https://t.co/parked"]["from_cache"] is True
    assert by_url(again)["https://t.co/parked"]["unsure"] == parked["unsure"]


def test_the_post_an_interstitial_names_is_its_likely_end_read_from_the_page(fakenet, tmp_path):
    """fixnu35f left it: a shortener's "you are leaving" page holding the post's link was a final URL (or, on t.co, an
    error), the post not named. A page that names exactly one post is now that post as `likely_end` (read from the
    page, not a redirect: `post` stays null, and `unsure` says so); one naming several links is unsure, none named; a
    live page reached by a redirect that links one post and reads as no notice names nothing."""
    fakenet.route("sho.example", "/leave", page(LEAVING.format(STATUS)))
    fakenet.route("sho.example", "/two", page(LEAVING.format(STATUS) + f'<a href="{OTHER}">or this</a>'))
    fakenet.route("t.co", "/inter", page('<html><p>This link may be unsafe.</p><a href="' + STATUS + '">'
                                         "Continue</a></html>"))
    fakenet.route("t.co", "/warned", redirect("https://warn.example/notice?id=9"))
    fakenet.route("warn.example", "/notice", page('<html><h1>Redirect notice</h1><p>The page you were on is trying '
                                                  f'to send you to <a href="{OTHER}">{OTHER}</a></p></html>'))
    fakenet.route("t.co", "/live", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page(f'<html><p>The mayor said so <a href="{STATUS}">here</a>.</p></html>'))
    fakenet.route("sho.example", "/plain", page(f'<html><p>Our page <a href="{STATUS}">a post</a>.</p></html>'))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "sho.example", "warn.example", "news.example"))
    links = ["https://sho.example/leave", "https://sho.example/two", "https://t.co/inter", "https://t.co/warned",
             "https://t.co/live", "https://sho.example/plain"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 1, result.output   # t.co's page named no next hop: still that link's error
    leave, two, inter, warned, live, plain = (by_url(result)[link] for link in links)
    # a page of its own that reads as no notice: unsure as before, its links not taken for an end
    assert plain["likely_end"] is None and plain["unsure"].endswith("may not be where it leads")
    assert (leave["post"], leave["likely_end"]["url"], leave["likely_end"]["post_id"]) == (
        None, STATUS, "1600000000000000001")
    assert leave["unsure"] == (f"https://sho.example/leave answered 200 itself, with no redirect, a page that reads as "
                               f"a notice (\"you are leaving\") naming one post, {STATUS}: likely where the link "
                               "leads (read from the page, not a redirect)")
    assert two["likely_end"] is None
    assert two["unsure"].endswith("naming 2 links: where the link leads is not known")
    assert inter["error"] == ("no-redirect: https://t.co/inter answered 200 and named no next hop: where it leads is "
                              f"not known; the page names one post, {STATUS} (read from the page, not a redirect)")
    assert inter["likely_end"]["url"] == STATUS
    assert warned["likely_end"]["url"] == OTHER and warned["post"] is None
    assert "(\"redirect notice\") naming one post" in warned["unsure"]
    assert (live["likely_end"], live["unsure"]) == (None, None)
    table = invoke(tmp_path, config, "resolve", "https://sho.example/leave")   # from the cache, in the text view
    assert f"likely end: {STATUS} (read from the page, not a redirect)" in table.stdout


def test_fail_on_gone_gives_a_cron_job_an_exit_code_of_its_own(fakenet, tmp_path):
    """A gone end is an answer (exit 0, README); a cron job checking its links had only `--json` to tell. With
    --fail-on-gone a gone end exits 5; an error still exits 1, which wins."""
    fakenet.route("t.co", "/gone", redirect("https://news.example/removed"))
    fakenet.route("news.example", "/removed", page("<html><title>Gone</title></html>", 410))
    fakenet.route("t.co", "/live", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page("<html><title>Story</title></html>"))
    fakenet.route("t.co", "/down", page("unavailable", 503))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example"))
    assert invoke(tmp_path, config, "resolve", "https://t.co/gone").exit_code == 0
    gone = invoke(tmp_path, config, "resolve", "--fail-on-gone", "https://t.co/gone", "https://t.co/live")
    assert gone.exit_code == 5, gone.output
    assert invoke(tmp_path, config, "resolve", "--fail-on-gone", "https://t.co/live").exit_code == 0
    both = invoke(tmp_path, config, "resolve", "--fail-on-gone", "https://t.co/gone", "https://t.co/down")
    assert both.exit_code == 1


def test_the_markdown_and_html_reports_say_how_many_links_were_not_followed(fakenet, tmp_path):
    """fixnu35f left it: the count of prose t.co links no embed carries (`links-not-followed`) was in the JSON report
    alone; the Markdown and HTML reports said nothing, and an editor read the embeds listed as every link."""
    fakenet.route("t.co", "/Ab12Cd34Ef", redirect(STATUS))
    config = config_for(fakenet, tmp_path)
    article = tmp_path / "a.html"
    article.write_text(
        "<html><body><p>The council met. Read <a href=\"https://t.co/Prose111\">the minutes</a> and "
        "<a href='http://t.co/Prose222'>the vote</a>.</p>"
        '<blockquote class="twitter-tweet"><p lang="en">Bridge reopened <a href="https://t.co/Ab12Cd34Ef">'
        "https://t.co/Ab12Cd34Ef</a></p>&mdash; Riverton Roads (@RivertonRoads) "
        '<a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a></blockquote>'
        + "<p>More words of the article follow here, long enough to be an article.</p>" * 5 + "</body></html>")
    said = ("2 t.co links in the text are in no embed and not followed (the first: https://t.co/Prose111): "
            "`embed-resolver resolve` follows them")
    assert invoke(tmp_path, config, "scan", "--resolve", str(article)).exit_code == 0
    markdown = invoke(tmp_path, config, "report", "--offline", str(article))
    assert markdown.exit_code == 0, markdown.output
    assert "- **Links not followed**: 2 t.co links in the text are in no embed and not followed" in markdown.stdout
    html = invoke(tmp_path, config, "report", "--offline", "--format", "html", str(article))
    assert html.exit_code == 0, html.output
    assert f'<p class="warn"><strong>Links not followed</strong>: {said}</p>' in html.stdout
    scan = invoke(tmp_path, config, "scan", "--offline", str(article))   # the text view too
    assert f"warning: {said}" in scan.stdout


ARTICLE_WORDS = ("<p>The council voted on Tuesday to reopen the Riverton bridge after eleven months of repairs, "
                 "and the mayor thanked the crews who worked through the winter on its deck and railings.</p>")


def test_a_live_story_that_quotes_a_notices_or_a_parking_pages_words_is_no_such_page(fakenet, tmp_path):
    """review37a: a page was read as a parked domain or a notice by its words alone when its body was within 64 KiB,
    and a text-only story is (a news site's "lite" pages, a council's press release): one quoting "you are leaving",
    a "link preview" or "this domain is for sale", or carrying a site's hidden exit-notice box, was `unsure`, and the
    one post it linked was its `likely_end`, a post the link does not lead to. A notice or a parking page says little
    besides its words; a page holding a story's text is no such page."""
    story = ('<html><title>Bridge</title><p>"You are leaving the old Riverton behind," the mayor said, and posted '
             f'<a href="{STATUS}">this</a>.</p>' + ARTICLE_WORDS * 20 + "</html>")
    preview = ('<html><title>Chat app</title><p>The chat app now shows a link preview for every post, such as '
               f'<a href="{STATUS}">this one</a>.</p>' + ARTICLE_WORDS * 20 + "</html>")
    exit_box = ('<html><title>Press release</title><div class="modal" hidden><p>You are now leaving riverton.gov.</p>'
                f'</div><p>The city posted <a href="{STATUS}">the schedule</a>.</p>' + ARTICLE_WORDS * 20 + "</html>")
    sale = ('<html><title>Old site</title><p>The festival\'s old address now reads "this domain is for sale".</p>'
            + ARTICLE_WORDS * 20 + "</html>")
    for path, body in (("/story", story), ("/preview", preview), ("/release", exit_box), ("/sale", sale)):
        fakenet.route("t.co", path, redirect("https://news.example" + path))
        fakenet.route("news.example", path, page(body))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example"))
    links = ["https://t.co/story", "https://t.co/preview", "https://t.co/release", "https://t.co/sale"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    for link in links:
        found = by_url(result)[link]
        assert (found["final_status"], found["unsure"], found["likely_end"]) == (200, None, None), link
    # a notice's own few words with a line of the site's furniture is still one
    fakenet.route("t.co", "/notice", redirect("https://warn.example/out"))
    fakenet.route("warn.example", "/out", page(LEAVING.format(STATUS).replace(
        "</html>", "<footer><p>" + "Terms, privacy, cookies and help. " * 40 + "</p></footer></html>")))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example", "warn.example"))
    notice = by_url(invoke(tmp_path, config, "resolve", "--json", "https://t.co/notice"))["https://t.co/notice"]
    assert notice["likely_end"]["url"] == STATUS


def test_a_page_past_the_body_cap_is_not_read_from_its_head_as_a_notice(fakenet, tmp_path):
    """review37a: a page past `max_body_bytes` is cut to its first 64 KiB, which `next_hop` reads for a refresh; the
    end page's reading took that head for a whole page of 64 KiB, so a story whose first 64 KiB are styles and a
    hidden exit-notice box read as a notice naming one post. A cut body is not the whole page: not read."""
    head = ("<html><head><style>" + ".c{color:#123456}\n" * 3600 + "</style></head><body>"
            f'<div class="modal" hidden>You are leaving riverton.gov <a href="{STATUS}">go on</a></div>')
    fakenet.route("t.co", "/big", redirect("https://news.example/big"))
    fakenet.route("news.example", "/big", page(head + ARTICLE_WORDS * 1000 + "</body></html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example"))
    config.write_text(config.read_text().replace("[network]", "[network]\nmax_body_bytes = 100000"))
    result = invoke(tmp_path, config, "resolve", "--json", "https://t.co/big")
    assert result.exit_code == 0, result.output
    found = by_url(result)["https://t.co/big"]
    assert (found["final_status"], found["unsure"], found["likely_end"]) == (200, None, None)


def test_a_post_linked_in_a_notices_footer_or_menu_is_not_where_it_leads(fakenet, tmp_path):
    """review37a: a notice's links were every absolute `<a href>` in its bytes, its footer's and menu's too. A notice
    whose "continue" goes through the site's own redirector (`/out?to=…`, its own site, not named) and whose footer
    links the site's pinned post named that post as the link's `likely_end`: a post the notice does not lead to. The
    page's furniture (header, nav, footer, aside, scripts) is no place a notice names its target."""
    footer = (f'<footer><p>Follow us: <a href="{OTHER}">our pinned post</a></p></footer>'
              f'<script>var share = \'<a href="{OTHER}">x</a>\';</script>')
    fakenet.route("t.co", "/out", redirect("https://warn.example/leave"))
    fakenet.route("warn.example", "/leave", page(
        '<html><p>You are leaving warn.example. <a href="/out?to=https%3A%2F%2Fnews.example%2Fstory">Continue</a></p>'
        + footer + "</html>"))
    fakenet.route("t.co", "/named", redirect("https://warn.example/named"))
    fakenet.route("warn.example", "/named", page(LEAVING.format(STATUS).replace("</html>", footer + "</html>")))
    fakenet.route("t.co", "/script", redirect("https://warn.example/script"))   # a script sends on, or the reader
    fakenet.route("warn.example", "/script", page(
        '<html><p>You are leaving warn.example.</p><script>window.location.href = "/go";</script>'
        f'<noscript><a href="{STATUS}">Continue</a></noscript>' + footer + "</html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "warn.example"))
    links = ["https://t.co/out", "https://t.co/named", "https://t.co/script"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    out, named, script = (by_url(result)[link] for link in links)
    assert out["likely_end"] is None
    assert out["unsure"].endswith("naming no link to another site: this page may not be where the link leads")
    assert named["likely_end"]["url"] == STATUS   # the link in the notice's words is still named
    assert script["likely_end"]["url"] == STATUS  # and the one a reader with no script follows


def test_a_notice_naming_a_link_no_url_parser_accepts_is_read_without_it(fakenet, tmp_path):
    """review37a: a notice (or a short link's own page) holding a link no URL parser accepts ("https://[oops") raised
    urljoin's ValueError out of the reading of the page, an internal error of the whole command. Such a link is no
    place the page sends a reader: left out, the others still named."""
    fakenet.route("t.co", "/bad", redirect("https://warn.example/leave"))
    fakenet.route("warn.example", "/leave", page(LEAVING.format(STATUS).replace(
        "</html>", '<p><a href="https://[oops/x">mirror</a></p></html>')))
    fakenet.route("t.co", "/short", page('<html><a href="https://[oops/x">x</a><a href="' + STATUS + '">y</a></html>'))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "warn.example"))
    result = invoke(tmp_path, config, "resolve", "--json", "https://t.co/bad", "https://t.co/short")
    assert result.exit_code == 1, result.output   # t.co's own page named no next hop: that link's error, as before
    assert by_url(result)["https://t.co/bad"]["likely_end"]["url"] == STATUS
    assert by_url(result)["https://t.co/short"]["likely_end"]["url"] == STATUS


def test_fail_on_gone_answers_the_same_from_the_cache_and_offline(fakenet, tmp_path):
    """review37a (a guard): `gone` is read from the kept hops, so a cached answer and an --offline run exit 5 as the
    live one did, with --json too; a link --offline cannot answer exits 3, which wins over 5, and 5 is said for a
    404 end as for a 410."""
    fakenet.route("t.co", "/gone", redirect("https://news.example/removed"))
    fakenet.route("news.example", "/removed", page("<html><title>Not found</title></html>", 404))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example"))
    live = invoke(tmp_path, config, "resolve", "--json", "--fail-on-gone", "https://t.co/gone")
    assert live.exit_code == 5 and by_url(live)["https://t.co/gone"]["gone"] is True
    cached = invoke(tmp_path, config, "resolve", "--json", "--fail-on-gone", "https://t.co/gone")
    assert cached.exit_code == 5 and by_url(cached)["https://t.co/gone"]["from_cache"] is True
    offline = invoke(tmp_path, config, "resolve", "--offline", "--fail-on-gone", "https://t.co/gone")
    assert offline.exit_code == 5, offline.output
    missing = invoke(tmp_path, config, "resolve", "--offline", "--fail-on-gone", "https://t.co/gone",
                     "https://t.co/never")
    assert missing.exit_code == 3, missing.output
