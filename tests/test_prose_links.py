"""The t.co links of an article's text that no embed carries (newuser35c #3): pure, tested with strings."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resolver import extract
from resolver.extract import html
from resolver.model import Embed
from resolver.prose_links import links_not_followed
from tests.test_html_detector import both_searches  # noqa: F401 (a fixture: hyperscan, the string, a first page)


def test_only_anchors_count_in_html_each_link_once_in_any_case_and_not_those_an_embed_carries():
    page = ('<p><a href="https://t.co/Ab12">a</a> <a href=http://t.co/Cd34>b</a> <a href="//T.CO/Ab12">again</a>'
            '<a href="https://t.co/InTweet">c</a></p><script>var u = "https://t.co/Script1";</script>'
            '<meta content="https://t.co/Meta1"><p>written out: t.co/Plain1</p>')
    tweet = Embed(platform="twitter", kind="post", url="https://twitter.com/u/status/1", detector="html-blockquote",
                  span=(0, 1), post_id="1", links=("http://t.co/InTweet",))
    found = links_not_followed(page, "html", [tweet])
    assert found is not None and (found.count, found.first) == (2, "https://t.co/Ab12")
    assert found.message.startswith("2 t.co links in the text are in no embed and not followed")


def test_plain_text_counts_each_url_with_or_without_its_scheme_and_not_inside_another_host():
    text = "Read https://t.co/Ab12, then t.co/Zz9 (and T.CO/Zz9). Not xt.co/abc, a.t.co/b or me@t.co/x."
    found = links_not_followed(text, "text", [])
    assert found is not None and found.count == 2 and found.message.startswith("2 t.co links")
    assert links_not_followed("nothing to see", "text", []) is None
    assert links_not_followed('<a href="https://t.co/">empty</a>', "html", []) is None
    one = links_not_followed("see t.co/Ab12", "text", [])
    assert one is not None and one.message.startswith("1 t.co link in the text is in no embed")


def test_a_configured_secret_in_the_first_link_is_redacted_out_of_the_warning():
    """A t.co link the warning names is a URL the page gave, and leaves the run as the embeds' do: a configured
    secret in it is redacted (#11)."""
    from resolver.article import from_bytes
    from resolver.pipeline import scan_article
    from resolver.redact import Redactor

    page = b'<html><body><p>See <a href="https://t.co/Zx9tokSECRET1234abcd">the notice</a>.</p></body></html>'
    result = scan_article(from_bytes(page, "a.html", kind="html"), redactor=Redactor(("Zx9tokSECRET1234abcd",)))
    [warning] = [w for w in result.to_json()["warnings"] if w["kind"] == "links-not-followed"]
    assert warning["count"] == 1 and "Zx9tokSECRET1234abcd" not in str(warning)


# perf36 (#14): an HTML page's t.co links are read where the scan's needle pass found "t.co/" (no pass of their own),
# and only an embed's links that may be t.co links are parsed.
PIECES = ['<a href="https://t.co/', "<a href='//", "<a HREF = http://", "<link href=", "t.co/", "T.CO/", "t.Co/",
          "xt.co/", ".co/", "Ab12", "Zz9", '">x</a>', " ", "é", "“", "写真", "\udc80", "<script>", "</script>", "\n",
          "https://", "credit=", "(@", "twitter.com/u/status/1"]


def _page(pieces: list[str]) -> str:
    """A page the scan parses (a post link is a marker of what it looks for) holding the pieces."""
    return '<html><body><p><a href="https://x.com/u/status/1">a post</a></p><p>' + "".join(pieces) + "</p></body></html>"


def _carrying(*links: str) -> list[Embed]:
    return [Embed(platform="twitter", kind="post", url="https://twitter.com/u/status/1", detector="html-blockquote",
                  span=(0, 1), post_id="1", links=links)]


def test_perf36_an_html_page_s_t_co_links_are_read_where_its_scan_found_them_not_searched_again(monkeypatch):
    from resolver import prose_links, workers
    from resolver.article import from_bytes

    from resolver.extract import needles

    if needles.hyperscan_module() is None:
        pytest.skip("hyperscan has no wheel for this platform")
    monkeypatch.setattr(needles, "_SMALL_LEFT", [0])   # hyperscan's pass, as once a process has searched enough
    page = _page(['<a href="https://t.co/Ab12">a</a> é <a href=http://T.CO/Cd34>b</a>', "<p>t.co/Plain1</p>"])
    article = from_bytes(page.encode(), "a.html", kind="html")
    embeds, _ = extract.find_all(article.text, "html", utf8=article.utf8)

    class NotSearched:
        def finditer(self, text: str) -> None:
            raise AssertionError("the page was searched again for t.co links")

    with monkeypatch.context() as patch:
        patch.setattr(prose_links, "DOT_CO", NotSearched())
        with extract.collecting() as failed:
            found = workers.read_links_not_followed(article, embeds)
    assert not failed and found is not None and (found.count, found.first) == (2, "https://t.co/Ab12")
    # Taken once: the same page asked again (or another page, or one the scan never saw) is searched.
    assert html.short_link_starts(article.text) is None
    assert workers.read_links_not_followed(article, embeds) == found


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@example(['<a href="https://t.co/', "Ab12", "é", '<a href="https://t.co/', "Ab12"])
@example(["T.CO/", "t.Co/", "xt.co/", "<a HREF = http://", "T.CO/", "Zz9"])
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_perf36_the_places_the_scan_found_give_the_count_a_search_of_the_page_gives(both_searches, pieces):
    from resolver import prose_links

    page = _page(pieces)
    embeds, _ = extract.find_all(page, "html")
    starts = html.short_link_starts(page)
    # found by hyperscan's pass alone (the string's search would cost more than the count's own search)
    assert starts == list(prose_links.short_link_starts(page)) if both_searches == "hyperscan" else starts is None
    carried = _carrying("https://t.co/Ab12") if "Zz9" in pieces else embeds
    assert links_not_followed(page, "html", carried, starts=starts) == links_not_followed(page, "html", carried)


@pytest.mark.parametrize("link", ["https://t.co/Ab12", "http://T.CO/Ab12", "//t.co/Ab12", "t.co/Ab12",
                                  "https://t.co:443/Ab12", "https://T.CO./Ab12", "https://u@t.co/Ab12",
                                  "https://web.archive.org/web/20200101000000/https://t.co/Ab12", " https://t.co/Ab12?amp=1 "],
                         ids=["https", "upper-case", "no-scheme", "bare", "port", "dot", "user",
                              "capture", "blanks-and-query"])
def test_perf36_an_embed_carries_a_t_co_link_in_any_form_it_is_written(link):
    page = '<p><a href="https://t.co/Ab12">a</a> <a href="https://t.co/Other">b</a></p>'
    found = links_not_followed(page, "html", _carrying(link))
    assert found is not None and (found.count, found.first) == (1, "https://t.co/Other")


def test_perf36_only_an_embed_s_links_that_may_be_t_co_links_are_parsed(monkeypatch):
    from resolver import platforms

    asked: list[str] = []
    parse_url = platforms.parse_url
    monkeypatch.setattr(platforms, "parse_url", lambda url: asked.append(url) or parse_url(url))
    page = '<p><a href="https://t.co/Ab12">a</a></p>'
    links = ("https://example.org/story", "https://pic.twitter.com/Xy12", "http://T.Co/Ab12")
    assert links_not_followed(page, "html", _carrying(*links)) is None
    assert asked == ["http://T.Co/Ab12"]
    asked.clear()   # one written as its parser writes it is taken as it is
    assert links_not_followed(page, "html", _carrying("https://t.co/Ab12", "https://t.co/Ab12/")) is None
    assert asked == ["https://t.co/Ab12/"]


@given(st.text(alphabet=st.sampled_from("AbZz09xX_-é."), min_size=0, max_size=12), st.sampled_from(["", "/", "?s=1"]))
def test_perf36_a_t_co_link_not_parsed_is_keyed_as_its_parser_keys_it(code, tail):
    from resolver import platforms
    from resolver.prose_links import _key

    link = f"https://t.co/{code}{tail}"
    ref = platforms.parse_url(link)
    parsed = ref.url if ref is not None and ref.kind == "short-link" and ref.platform == "twitter" else link
    assert _key(link) == parsed


def test_only_an_anchors_href_counts_not_a_head_link_a_script_assignment_or_a_commented_out_anchor():
    """review36b: counted by hand, this page's text holds 3 t.co links no embed carries (Upper1 written twice, in
    upper case once, Scheme1, Bare1); the count said 6: it also took a `<link rel="shortlink" href>` of the head,
    a script's `a.href = "…"` and an anchor inside an HTML comment (none of them in the text a reader sees, nor
    anything the parse reads). An anchor with other attributes before its href still counts."""
    page = ('<html><head><link rel="shortlink" href="https://t.co/HeadLink1"><script>var u = {"href": '
            '"https://t.co/InJson1"}; a.href="https://t.co/InScript1";</script></head><body>'
            '<p>See <a href="HTTPS://T.CO/Upper1">this</a> and <a href="https://t.co/Upper1">again</a>.</p>'
            "<p>Also <a class=\"ext\" rel='nofollow noopener' target=_blank href='//t.co/Scheme1'>x</a> and "
            '<A HREF=https://t.co/Bare1>y</A>.</p><!-- <a href="https://t.co/Comment1">old</a> --></body></html>')
    found = links_not_followed(page, "html", [])
    assert found is not None and (found.count, found.first) == (3, "https://t.co/Upper1"), found


# review37d: perf36's filter of an embed's links ("t.co" in the link, in some case) against the parse it spares. A
# URL's parser drops every tab, LF and CR inside it (urlsplit, as WHATWG's), so "https://t.\nco/Ab12" is the t.co
# link Ab12 without the letters "t.co" in a row: an embed carrying it was not compared, and the page's own link to
# Ab12 was counted as one no embed carries (main 1781e7f: none).
def test_review37d_an_embed_s_t_co_link_split_by_a_line_break_or_tab_is_still_the_link_it_carries():
    page = '<p><a href="https://t.co/Ab12">a</a> <a href="https://t.co/Other">b</a></p>'
    for link in ("https://t.\nco/Ab12", "https://t\t.co/Ab12", "HTTPS://T.C\r\nO/Ab12"):
        found = links_not_followed(page, "html", _carrying(link))
        assert found is not None and (found.count, found.first) == (1, "https://t.co/Other"), link


def test_review37d_a_blockquote_whose_link_holds_a_line_break_carries_the_page_s_link_to_it():
    """The whole reading: a tweet's blockquote keeps its anchor's href as written (a line break in it), and the
    article's prose links to the same t.co link: no link in the text is left unfollowed."""
    from resolver.pipeline import scan

    page = ('<html><body><blockquote class="twitter-tweet"><p lang="en">Look <a href="https://t.\nco/Ab12">'
            'pic.twitter.com/Ab12</a></p>&mdash; Ann (@ann) <a href="https://twitter.com/ann/status/123">May 1, 2024'
            '</a></blockquote><p>Also <a href="https://t.co/Ab12">here</a></p></body></html>')
    result = scan(page.encode(), source="a.html", kind="html")
    assert [e.links for e in result.embeds] == [("https://t.\nco/Ab12",)]
    assert result.unfollowed is None


# A Facebook link shim names its target percent-encoded (`l.php?u=https%3A%2F%2Ft%2Eco%2FAb12`): decoded, it is the
# t.co link Ab12, with no "t.co" written in the shim's link (review37d: not compared, counted as in no embed).
def test_review37d_an_embed_s_t_co_link_behind_a_facebook_link_shim_is_the_link_it_carries():
    page = '<p><a href="https://t.co/Ab12">a</a> <a href="https://t.co/Other">b</a></p>'
    for link in ("https://l.facebook.com/l.php?u=https%3A%2F%2Ft%2Eco%2FAb12&h=AT0",
                 "https://l.facebook.com/l.php?u=https%3A%2F%2F%74%2E%63%6F%2FAb12"):
        found = links_not_followed(page, "html", _carrying(link))
        assert found is not None and (found.count, found.first) == (1, "https://t.co/Other"), link


LINK_PIECES = ["https://", "http://", "//", "t", "T", ".", "co", "CO", "c", "o", "/", "Ab12", "\n", "\t", "\r", " ",
               "www.", ":443", "u@", "?s=1", "é", "t.co", "x", "web.archive.org/web/20200101000000/",
               "l.facebook.com/l.php?u=", "%2E", "%2e", "%74", "%3A%2F%2F", "%2F", "&h=1"]


@settings(max_examples=300, deadline=None)
@example(["https://t.\nco/Ab12"])
@example(["//T\t.\rCO/Ab12?s=1", "www.t.co/Other"])
@example(["https://l.facebook.com/l.php?u=https%3A%2F%2Ft%2Eco%2FAb12"])
@given(st.lists(st.lists(st.sampled_from(LINK_PIECES), max_size=10).map("".join), max_size=4))
def test_review37d_the_links_an_embed_carries_are_compared_as_each_parsed_would_be(links):
    """Every link an embed carries that parses as a t.co link is compared (the filter spares only parses that give
    no t.co key): the count equals the one with every link parsed, as main 1781e7f parsed them."""
    page = '<p><a href="https://t.co/Ab12">a</a> <a href="https://t.co/Other">b</a></p>'
    assert links_not_followed(page, "html", _carrying(*links)) == _reference(page, "html", _carrying(*links))


def _reference(text: str, kind: str, embeds: list[Embed]):
    """The count as plainly as it can be written: every place "t.co/" stands in any ASCII case, read by the same
    rules of what comes before it; every link of every embed parsed (main 1781e7f's comparison)."""
    from resolver import platforms, prose_links

    html_kind = kind == "html"
    before, reach = ((prose_links.BEFORE_IN_HTML, prose_links.TAG_REACH) if html_kind
                     else (prose_links.BEFORE_IN_TEXT, 40))
    comments = [m.span() for m in prose_links.COMMENT_RE.finditer(text)]
    found: dict[str, None] = {}
    # every place in order, read from each "." (a place's second character) rather than each character: the same
    # places (a page's other characters cannot start one), at a cost the long pages' 100,000 characters allow (#14)
    dot = text.find(".", 1)
    while dot >= 0:
        start, dot = dot - 1, text.find(".", dot + 1)
        written = text[start:start + 5]
        if not (written.isascii() and written.lower() == "t.co/"):
            continue
        code = prose_links.CODE_RE.match(text, start + 5)
        if code is None or not before.search(text, max(0, start - reach), start):
            continue
        if html_kind and any(a <= start < b for a, b in comments):
            continue
        found[f"https://t.co/{code.group()}"] = None

    def key(link: str) -> str:
        ref = platforms.parse_url("https:" + link if link.startswith("//") else link)
        return ref.url if ref is not None and ref.kind == "short-link" and ref.platform == "twitter" else link

    for link in {key(link) for e in embeds for link in (e.url, *e.links, *e.media_links)}:
        found.pop(link, None)
    return prose_links.LinksNotFollowed(len(found), next(iter(found))) if found else None


# review37d: the count a whole reading gives (the scan's needle places where hyperscan searched, the count's own
# search elsewhere) against the plain reference, on pages in UTF-8, UTF-16 and as scraped text, with t.co written
# in every case, as character references, in attributes and text, in comments, next to non-ASCII characters, in
# a page longer than the first pages' 100,000 characters.
PAGE_PIECES = ['<a href="https://t.co/', "<a href='//", "<a class=x HREF = http://", "<a href=", "<link href=",
               "t.co/", "T.CO/", "t.Co/", "tT.cO/", "xt.co/", "&#116;.co/", "t&#46;co/", "t.co&#47;", "&#x74;.CO/",
               ".co/", "Ab12", "Zz9", "Cd34", '">x</a>', "'>y</a>", " ", "é", "写真", "😀", "\n", "https://",
               '<p data-u="https://t.co/Attr1">', "</p>", "<!--", "-->", "<script>", "</script>", "(@", "credit=",
               '<blockquote class="twitter-tweet"><p>pic <a href="https://t.co/Ab12">pic.twitter.com/Ab12</a></p>'
               '&mdash; A (@a) <a href="https://twitter.com/a/status/20">May 1, 2024</a></blockquote>',
               '<blockquote class="twitter-tweet"><p><a href="http://T.CO/Cd34">x</a></p>&mdash; B (@b) '
               '<a href="https://twitter.com/b/status/21">May 2, 2024</a></blockquote>']


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@example(['<a href="https://t.co/', "Ab12", "é", '">x</a>', PAGE_PIECES[-2]], "html", "utf-8", False)
@example(["t.co/", "Zz9", "😀", " ", "T.CO/", "Cd34"], "text", "utf-8", True)
@example(['<a href="https://t.co/', "Ab12", "写真", "T.CO/"], "html", "utf-16", True)
@given(st.lists(st.sampled_from(PAGE_PIECES), max_size=40), st.sampled_from(["html", "text"]),
       st.sampled_from(["utf-8", "utf-16"]), st.booleans())
def test_review37d_a_reading_s_count_of_t_co_links_is_the_plain_count(both_searches, pieces, kind, encoding, long):
    from resolver.article import from_bytes
    from resolver.pipeline import scan_article

    body = "".join(pieces)
    if long:   # past the first pages' budget, the pieces once at its start and once at its end
        body = body + "<p>" + "lorem ipsum é " * 8_000 + "</p>" + body
    page = _page([body]) if kind == "html" else "Post https://x.com/u/status/1 " + body
    data = page.encode(encoding, "surrogatepass")
    if encoding == "utf-16":
        data = b"\xff\xfe" + page.encode("utf-16-le")
    article = from_bytes(data, f"a.{'html' if kind == 'html' else 'txt'}", kind=kind)
    assert article.text == page
    given: list[list[int] | None] = []
    short_link_starts = html.short_link_starts
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html, "short_link_starts", lambda text: given.append(short_link_starts(text)) or given[-1])
        result = scan_article(article)
    assert not result.incomplete
    assert result.unfollowed == _reference(page, kind, list(result.embeds))
    # the places were the scan's where hyperscan searched an HTML page, else the count searched
    assert (given[0] is not None) == (both_searches == "hyperscan") if kind == "html" else given == []
