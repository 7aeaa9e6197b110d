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
            "`embed-resolver resolve --text-links ARTICLE` follows them")
    assert invoke(tmp_path, config, "scan", "--resolve", str(article)).exit_code == 0
    markdown = invoke(tmp_path, config, "report", "--offline", str(article))
    assert markdown.exit_code == 0, markdown.output
    assert "- **Links not followed**: 2 t.co links in the text are in no embed and not followed" in markdown.stdout
    html = invoke(tmp_path, config, "report", "--offline", "--format", "html", str(article))
    assert html.exit_code == 0, html.output
    shown = said.replace("`embed-resolver resolve --text-links ARTICLE`",   # a command in <code> (newuser44b #12)
                         "<code>embed-resolver resolve --text-links ARTICLE</code>")
    assert f'<p class="warn"><strong>Links not followed</strong>: {shown}</p>' in html.stdout
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


FLAGGED = ('<html><head><title>Warning!</title></head><body><h1>This link has been flagged</h1><p>The link you '
           'requested was reported as possibly harmful.</p><p><a href="https://dest.example/x">Continue anyway</a> '
           '<a href="/">Home</a></p></body></html>')
SIGN_IN = ('<html><head><title>Sign in to Social</title></head><body><form action="/session" method="post">'
           '<input name="user"><input type="password" name="pw"><button>Sign in</button></form></body></html>')
HEADER_STORY = ('<html><head><title>Bridge reopens</title></head><body><header><a href="/login">Log in</a></header>'
                + ARTICLE_WORDS + '</body></html>')


def test_a_shorteners_warning_or_a_login_wall_reached_by_a_redirect_is_unsure_not_a_live_end(fakenet, tmp_path):
    """review36b / resolution36 left it: a short link that its own host redirected to its warning page ("this link has
    been flagged", bit.ly's interstitial) and a link redirected to a login wall (a /login?next= URL, a page whose
    title and form are a sign-in) were live ends (final_status 200, unsure null): the page the link leads to was never
    seen. Both are `unsure` now, saying why; a story reached by a redirect whose header links "Log in" is not."""
    fakenet.route("bit.example", "/flag1", redirect("https://bit.example/a/warning?hash=flag1"))
    fakenet.route("bit.example", "/a/warning", page(FLAGGED))
    fakenet.route("t.co", "/wall", redirect("https://social.example/p/123"))
    fakenet.route("social.example", "/p/123", redirect("https://social.example/login?next=/p/123", 302))
    fakenet.route("social.example", "/login", page("<html><title>Social</title><div id=app></div></html>"))
    fakenet.route("t.co", "/form", redirect("https://social.example/p/456"))
    fakenet.route("social.example", "/p/456", redirect("https://social.example/entry", 302))
    fakenet.route("social.example", "/entry", page(SIGN_IN))
    fakenet.route("t.co", "/story", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page(HEADER_STORY))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "bit.example", "social.example", "news.example",
                                                  "dest.example"))
    links = ["https://bit.example/flag1", "https://t.co/wall", "https://t.co/form", "https://t.co/story"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    flagged, wall, form, story = (by_url(result)[link] for link in links)
    assert (flagged["final_status"], flagged["gone"], flagged["post"]) == (200, False, None)
    assert flagged["unsure"] == (
        "https://bit.example/a/warning?hash=flag1 answered 200, on the link's own site after a redirect, a page that "
        "reads as a notice (\"this link has been flagged\") naming one link, https://dest.example/x, no post: this "
        "page may not be where the link leads")
    assert wall["unsure"] == (
        "https://social.example/login?next=/p/123 answered 200 after a redirect, a sign-in page (its address): the "
        "page the link leads to was not seen, so whether it is there is not known")
    assert form["unsure"] == (
        "https://social.example/entry answered 200 after a redirect, a sign-in page (its title \"Sign in to Social\" "
        "and a password field): the page the link leads to was not seen, so whether it is there is not known")
    assert story["unsure"] is None
    again = invoke(tmp_path, config, "resolve", "--json", *links)   # from the cache: the same doubts
    assert [by_url(again)[link]["unsure"] for link in links] == [flagged["unsure"], wall["unsure"], form["unsure"],
                                                                 None]
    direct = invoke(tmp_path, config, "resolve", "--json", "https://social.example/entry")   # linked itself: its end
    assert "sign-in" not in by_url(direct)["https://social.example/entry"]["unsure"]   # its own page's doubt


def test_a_script_only_or_refresh_to_a_parking_service_lander_is_unsure_with_no_request_past_it(fakenet, tmp_path):
    """resolution36 left it: a lapsed domain's tiny page whose only content is a script sending the reader to a
    parking service's lander (`window.location.href = "/lander"`), or a meta refresh to a parking service's host, read
    as a live end (the script is not followed, the refresh was followed to the service). Both are unsure now, read from
    the bytes already fetched: the parking service is not asked. A script-only page sending elsewhere is unsure too
    (its end was not seen); a story with a script setting location in passing is not."""
    fakenet.route("t.co", "/lander", redirect("https://lapsed.example/2019/story"))
    fakenet.route("lapsed.example", "/2019/story", page(
        '<html><head><script>window.location.href="/lander"</script></head><body></body></html>'))
    fakenet.route("t.co", "/meta", redirect("https://expired.example/news/1"))
    fakenet.route("expired.example", "/news/1", page(
        '<html><head><meta http-equiv="refresh" content="0;url=https://www.sedoparking.com/expired.example">'
        '</head><body></body></html>'))
    fakenet.route("t.co", "/js", redirect("https://app.example/p/9"))
    fakenet.route("app.example", "/p/9", page(
        "<html><body><script>location.href = 'https://other.example/landing?id=9';</script></body></html>"))
    fakenet.route("t.co", "/story", redirect("https://news.example/story"))
    fakenet.route("news.example", "/story", page(
        '<html><body>' + ARTICLE_WORDS + '<script>if (!ok) { window.location.href = "/consent"; }</script>'
        '</body></html>'))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "lapsed.example", "expired.example", "www.sedoparking.com",
                                                  "app.example", "other.example", "news.example"))
    links = ["https://t.co/lander", "https://t.co/meta", "https://t.co/js", "https://t.co/story"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    lander, meta, js, story = (by_url(result)[link] for link in links)
    assert (lander["final_url"], lander["final_status"], lander["gone"]) == ("https://lapsed.example/2019/story",
                                                                              200, False)
    assert lander["unsure"] == (
        "https://lapsed.example/2019/story, on another domain than the link's, reads as a parked domain (\"a script "
        "sending to /lander\"): the page the link led to may be gone")
    assert (meta["final_url"], meta["final_status"]) == ("https://expired.example/news/1", 200)
    assert meta["unsure"] == (
        "https://expired.example/news/1, on another domain than the link's, reads as a parked domain (\"a refresh to "
        "sedoparking.com\"): the page the link led to may be gone")
    assert not any("sedoparking" in hop["url"] for hop in meta["hops"])
    assert js["unsure"] == (
        "https://app.example/p/9 answered 200, a page with no text but a script sending the reader to "
        "https://other.example/landing?id=9: where the link leads is not known")
    assert story["unsure"] is None
    assert not [hit for hit in fakenet.hits if hit[0] in ("www.sedoparking.com", "other.example")]


def test_scan_resolve_fail_on_gone_exits_5_as_resolve_does(fakenet, tmp_path):
    """resolution36/review37a left it: `scan --resolve` had no --fail-on-gone (a cron job scanning its articles had
    only --json to tell a link gone). It exits 5 now when a link an embed carries ended at a 404/410 page, as
    `resolve --fail-on-gone`; from the cache too; 1 wins; without --resolve it is a usage error (no link followed)."""
    fakenet.route("t.co", "/Gone000001", redirect("https://news.example/removed"))
    fakenet.route("news.example", "/removed", page("<html><title>Gone</title></html>", 410))
    fakenet.route("t.co", "/Live000001", redirect(STATUS))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example", "twitter.com"))

    def article(name, link):
        path = tmp_path / name
        path.write_text(
            '<html><body><blockquote class="twitter-tweet"><p lang="en">Bridge reopened <a href="' + link + '">'
            + link + "</a></p>&mdash; Riverton Roads (@RivertonRoads) "
            '<a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a></blockquote>'
            + "<p>More words of the article follow here, long enough to be an article.</p>" * 5 + "</body></html>")
        return str(path)
    gone, live = article("gone.html", "https://t.co/Gone000001"), article("live.html", "https://t.co/Live000001")
    assert invoke(tmp_path, config, "scan", "--resolve", gone).exit_code == 0   # an answer without the flag
    first = invoke(tmp_path, config, "scan", "--resolve", "--fail-on-gone", gone, live)
    assert first.exit_code == 5, first.output
    again = invoke(tmp_path, config, "scan", "--resolve", "--fail-on-gone", "--json", gone)   # the cache answers
    assert again.exit_code == 5, again.output
    memo = invoke(tmp_path, config, "scan", "--resolve", "--fail-on-gone", "--json", gone)   # its memo answers
    assert memo.exit_code == 5, memo.output
    assert invoke(tmp_path, config, "scan", "--resolve", "--fail-on-gone", live).exit_code == 0
    offline = invoke(tmp_path, config, "scan", "--resolve", "--offline", "--fail-on-gone", gone)
    assert offline.exit_code == 5, offline.output
    usage = invoke(tmp_path, config, "scan", "--fail-on-gone", gone)
    assert usage.exit_code == 2 and "--fail-on-gone goes with --resolve" in usage.output
    fakenet.route("t.co", "/Down000001", page("unavailable", 503))
    both = invoke(tmp_path, config, "scan", "--resolve", "--fail-on-gone", gone, article("down.html",
                                                                                         "https://t.co/Down000001"))
    assert both.exit_code == 1, both.output


def test_the_markdown_and_html_reports_give_the_likely_end_a_line_of_its_own(fakenet, tmp_path):
    """resolution36/review37a left it: a link's `likely_end` (the one post a notice names) was a field of the JSON,
    but the Markdown and HTML reports showed it only inside the `unsure` text. Each report now has a line of its own
    under the link, the JSON's URL and how it was read."""
    fakenet.route("t.co", "/Warn000001", redirect("https://sho.example/leave"))
    fakenet.route("sho.example", "/leave", page(LEAVING.format(OTHER)))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "sho.example"))
    article = tmp_path / "a.html"
    article.write_text(
        '<html><body><blockquote class="twitter-tweet"><p lang="en">Bridge reopened <a href="https://t.co/Warn000001">'
        "https://t.co/Warn000001</a></p>&mdash; Riverton Roads (@RivertonRoads) "
        '<a href="https://twitter.com/RivertonRoads/status/1600000000000000001">December 6, 2022</a></blockquote>'
        + "<p>More words of the article follow here, long enough to be an article.</p>" * 5 + "</body></html>")
    assert invoke(tmp_path, config, "scan", "--resolve", str(article)).exit_code == 0
    data = invoke(tmp_path, config, "report", "--offline", "--format", "json", str(article))
    assert data.exit_code == 0, data.output
    links = [r for e in json.loads(data.stdout)["embeds"] for r in e["resolutions"]]
    assert [r["likely_end"] for r in links] == [OTHER]   # the report JSON names its URL
    markdown = invoke(tmp_path, config, "report", "--offline", str(article))
    assert f"  - Likely end: <{OTHER}> (read from the page, not a redirect)" in markdown.stdout.splitlines()
    html = invoke(tmp_path, config, "report", "--offline", "--format", "html", str(article))
    assert (f'<li class="warn">Likely end: <code>{OTHER}</code> (read from the page, not a redirect)</li>'
            in html.stdout)


def test_sigres38_a_parked_domain_or_sign_in_wall_in_another_language_is_unsure_and_a_story_is_not(fakenet, tmp_path):
    """sigres38 (stop 37's "left alone", item 5): a link redirected to a German registrar's "Diese Domain steht zum
    Verkauf" page, or to a French site's "Se connecter" wall, was a live end (unsure null): the words and titles read
    were English only. Both are unsure now; a German story whose header links "Anmelden" is not."""
    fakenet.route("verkauf.example", "/alt", page("<html><head><title>verkauf.example</title></head><body>"
                                                  "<h1>Diese Domain steht zum Verkauf!</h1><p>Jetzt anfragen.</p>"
                                                  "</body></html>"))
    fakenet.route("t.co", "/de", redirect("https://verkauf.example/alt"))
    fakenet.route("t.co", "/fr", redirect("https://social.example/p/789"))
    fakenet.route("social.example", "/p/789", redirect("https://social.example/entree", 302))
    fakenet.route("social.example", "/entree", page("<html><head><title>Se connecter · Social</title></head>"
                                                    "<body><div id=app></div></body></html>"))
    fakenet.route("t.co", "/story", redirect("https://news.example/bruecke"))
    fakenet.route("news.example", "/bruecke", page(
        "<html><head><title>Brücke wieder offen | Zeitung</title></head><body><header><a href=\"/anmelden\">Anmelden"
        "</a></header><p>Die Brücke ist seit Montag wieder offen.</p></body></html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "verkauf.example", "social.example", "news.example"))
    links = ["https://t.co/de", "https://t.co/fr", "https://t.co/story"]
    result = invoke(tmp_path, config, "resolve", "--json", *links)
    assert result.exit_code == 0, result.output
    parked, wall, story = (by_url(result)[link] for link in links)
    assert (parked["final_status"], parked["gone"]) == (200, False)
    assert parked["unsure"] == ("https://verkauf.example/alt, on another domain than the link's, reads as a parked "
                                "domain (\"diese domain steht zum verkauf\"): the page the link led to may be gone")
    assert wall["unsure"] == (
        "https://social.example/entree answered 200 after a redirect, a sign-in page (its title \"Se connecter · "
        "Social\"): the page the link leads to was not seen, so whether it is there is not known")
    assert story["unsure"] is None


def test_sigres38_a_short_story_quoting_a_notices_words_names_no_likely_end(fakenet, tmp_path):
    """sigres38 (stop 37's "left alone", item 6): a short story reached by a redirect that quotes a sign's words ("The
    sign reads “You are leaving Riverton”") and links one post read as a notice, the post named as the link's likely
    end. Quoted words are the story's quote: the link's end is the story, no doubt, no likely end."""
    fakenet.route("t.co", "/sign", redirect("https://news.example/sign"))
    fakenet.route("news.example", "/sign", page(
        "<html><head><title>New sign | Riverton Daily</title></head><body><p>The sign at the town line now reads "
        f"“You are leaving Riverton”. <a href=\"{STATUS}\">The council posted it</a>.</p></body></html>"))
    config = config_for(fakenet, tmp_path, hosts=("t.co", "news.example"))
    result = invoke(tmp_path, config, "resolve", "--json", "https://t.co/sign")
    assert result.exit_code == 0, result.output
    end = by_url(result)["https://t.co/sign"]
    assert (end["final_status"], end["unsure"], end.get("likely_end")) == (200, None, None)
