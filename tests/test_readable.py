"""How much readable text a page with no embed holds (resolver.readable), measured on the extraction's own parse:
a second parse of each such page was a fifth of its scan (#14)."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolver import extract
from resolver.readable import _html_text, posts_shown, thin_page

# A login wall with a marker the extraction looks for (a photo credit's word in its alt text): it is parsed.
PARSED_WALL = ("<html><head><title>Sign in</title><script>var wall = 'many words of a script, no text';</script>"
               "</head><body><nav>Home News Sport</nav><header>The Riverton Post</header>"
               "<img src=logo.png alt='Photo: Riverton Post'><form><input name=email><button>Sign in</button>"
               "</form><p>Subscribe to   keep\nreading.</p><aside>Most read</aside><footer>Terms</footer></body></html>")
ARTICLE = ("<html><head><title>Council votes</title></head><body><article><p>"
           + "The council met on Tuesday and voted. " * 12 + "</p><figure><img src=a.jpg><figcaption>The hall. "
           "(Photo: Jane Doe)</figcaption></figure></article></body></html>")
UNMARKED_WALL = "<html><head><title>Sign in</title></head><body><p>Subscribe to keep reading.</p></body></html>"


@pytest.fixture
def parses(monkeypatch):
    """The number of pages lexbor parses."""
    import selectolax.lexbor

    count = [0]
    real = selectolax.lexbor.LexborHTMLParser

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            count[0] += 1
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(selectolax.lexbor, "LexborHTMLParser", Counted)
    return count


@pytest.mark.parametrize("page", [PARSED_WALL, ARTICLE], ids=["login-wall", "article"])
def test_a_page_with_no_embed_is_measured_on_the_parse_its_extraction_made(page, parses):
    embeds, _ = extract.find_all(page, "html")
    assert embeds == []
    assert parses[0] == 1
    found = thin_page(page, "html", embeds=0)
    assert parses[0] == 1, "the page was parsed a second time to measure its text"
    fresh = _html_text(page, None)
    assert (found.chars, found.title) == fresh if found is not None else fresh[0] >= 200


def test_the_measure_of_the_extractions_parse_is_that_of_a_parse_of_its_own():
    """Scripts, styles, navs, headers, asides, buttons and footers are no text; white space is collapsed."""
    extract.find_all(PARSED_WALL, "html")
    found = thin_page(PARSED_WALL, "html", embeds=0)
    assert found is not None
    assert (found.chars, found.title) == _html_text(PARSED_WALL, None) == (len("Subscribe to keep reading."),
                                                                            "Sign in")


def test_a_page_the_extraction_did_not_parse_is_parsed_to_be_measured(parses):
    assert extract.find_all(UNMARKED_WALL, "html") == ([], [])
    assert parses[0] == 0   # no marker of anything the extraction looks for
    found = thin_page(UNMARKED_WALL, "html", embeds=0)
    assert parses[0] == 1 and found is not None and (found.chars, found.title) == (26, "Sign in")


def test_only_the_last_page_scanned_is_measured_from_its_parse(parses):
    """Another page scanned since (or the same words in another string) are measured anew, never given the
    measure of the page scanned last; a measure is taken once."""
    extract.find_all(PARSED_WALL, "html")
    extract.find_all(ARTICLE, "html")
    wall = thin_page(PARSED_WALL, "html", embeds=0)
    assert wall is not None and wall.chars == 26
    assert parses[0] == 3
    assert thin_page(ARTICLE, "html", embeds=0) is None
    assert parses[0] == 3
    assert thin_page(ARTICLE, "html", embeds=0) is None
    assert parses[0] == 4   # taken once: asked again, it is parsed
    copy = "".join(list(PARSED_WALL))
    extract.find_all(PARSED_WALL, "html")
    found = thin_page(copy, "html", embeds=0)
    assert parses[0] == 6 and found is not None and found.chars == 26


def test_each_thread_takes_the_measure_of_its_own_page():
    """Threads scanning at once (a dask worker's) each read their own page's measure."""
    pages = [PARSED_WALL.replace("Subscribe to", "Subscribe" + " now" * i + " to") for i in range(8)]
    results: dict[int, set[int]] = {}
    start = threading.Barrier(len(pages))

    def scan(i: int) -> None:
        start.wait()
        for _ in range(20):
            extract.find_all(pages[i], "html")
            found = thin_page(pages[i], "html", embeds=0)
            results.setdefault(i, set()).add(found.chars if found is not None else -1)

    threads = [threading.Thread(target=scan, args=(i,)) for i in range(len(pages))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {i: {_html_text(pages[i], None)[0]} for i in range(len(pages))}


@pytest.mark.parametrize("wrapper", ['<div class="story has-related-links">', '<section class="related-story-body">'],
                         ids=["has-related", "related-first"])
def test_an_article_held_in_an_element_the_extraction_reads_as_related_is_no_thin_page(wrapper, parses):
    """review30r2: the measure on the extraction's parse (lead30) counted the page without what the extraction removes
    as "related" boxes (a class with a word starting "related"), so an article whose wrapper's class held such a word
    measured 0 characters and was said to be maybe no article; a parse of its own measured 500. A page whose
    extraction's parse measures thin, and which may hold such a box, is measured on a parse of its own; a login wall
    with none is not parsed again."""
    page = (f"<html><head><title>Budget</title></head><body>{wrapper}<p>"
            + "The council met on Tuesday evening to discuss the new budget. " * 8
            + "</p><figure><img src=a.jpg><figcaption>Photo: Jane Doe/Reuters</figcaption></figure>"
            + f"</{wrapper[1:].split()[0]}></body></html>")
    assert extract.find_all(page, "html")[0] == []
    assert thin_page(page, "html", embeds=0) is None
    assert _html_text(page, None)[0] >= 200
    parses[0] = 0
    extract.find_all(PARSED_WALL, "html")
    assert thin_page(PARSED_WALL, "html", embeds=0) is not None and parses[0] == 1


def test_a_page_the_extraction_parses_in_slices_is_measured_in_slices(monkeypatch):
    """review30r2: a page the extraction parses in slices (more tags than any article: 100,000 unclosed <div>s cost
    lexbor quadratic time whole, #12) was parsed whole to be measured when it held no embed: 40,000 <div>s took 7 s
    there against 0.5 s for the scan. It is measured slice by slice, as the extraction reads it, to the same count."""
    from resolver.extract import dom, html
    from resolver.readable import measure

    page = ("<html><head><title>Wall</title></head><body><p>Subscribe to keep reading.</p>" + "<div>" * 12_000
            + "<p>Photo: Jane Doe/AP</p></body></html>")
    assert len(html.chunks(page)) > 1
    whole = measure(dom.parse(page))
    parsed: list[int] = []
    real = dom.parse
    monkeypatch.setattr(dom, "parse", lambda text, **kw: parsed.append(len(text)) or real(text, **kw))
    assert extract.find_all(page, "html")[0] == []
    parsed.clear()
    found = thin_page(page, "html", embeds=0)
    assert found is not None and (found.chars, found.title) == whole == (45, "Wall")
    assert parsed and max(parsed) < len(page) // 2, "the page was parsed whole to be measured"


@settings(max_examples=300)
@given(words=st.lists(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2003é"), max_size=40), max_size=60),
       enough=st.integers(min_value=0, max_value=120))
def test_a_length_counted_only_until_it_is_enough_is_exact_below_it_and_enough_above(words, enough):
    """#14: a long text is not split whole to learn it is not thin (splitting an article's body was half of its
    measure): a collapsed length of at least `enough` may be a prefix's, never more than the whole's; below `enough`
    it is the exact one."""
    from resolver.readable import _collapsed_length

    text = "".join(words)
    exact = len(" ".join(text.split()))
    bounded = _collapsed_length(text, enough=enough)
    assert bounded == exact if exact < enough else enough <= bounded <= exact


def test_an_article_is_counted_only_until_it_is_not_thin():
    """#14: an article's text (100,000 characters here) is counted to a prefix past the threshold, not split whole;
    a wall's whole text is counted."""
    from resolver.readable import MIN_READABLE_CHARS, _collapsed_length

    article = "The council met on Tuesday and voted on the new budget. " * 2000
    assert MIN_READABLE_CHARS <= _collapsed_length(article, enough=MIN_READABLE_CHARS) < len(article) // 10
    assert thin_page(article, "text", embeds=0) is None
    wall = "Subscribe to   keep\nreading. " + " " * 5000 + "Sign in"
    found = thin_page(wall, "text", embeds=0)
    assert found is not None and found.chars == len("Subscribe to keep reading. Sign in")


# A login wall whose only embed is the site's own post, linked under its form ("Follow us"): not the article's.
STRAY_EMBED_WALL = PARSED_WALL.replace(
    "<aside>", "<p>Follow us: <a href='https://twitter.com/RivertonPost/status/1600000000000000001'>our latest</a>"
    "</p><aside>")
ONE_TWEET_ARTICLE = ("<html><head><title>Mayor resigns</title></head><body><article><p>The mayor resigned on "
                     "Tuesday.</p><blockquote class='twitter-tweet'><p lang='en'>I have today resigned as mayor of "
                     "Riverton. It has been the honour of my life to serve this town for eleven years, and I thank "
                     "everyone who made it so.</p>&mdash; Jane Mayor (@RivertonMayor) <a href='https://twitter.com/"
                     "RivertonMayor/status/1600000000000000001'>December 6, 2022</a></blockquote></article></body>"
                     "</html>")


def test_servers31_a_login_wall_with_one_stray_embed_is_warned_of_on_the_same_parse(parses):
    """fixnu30a left it: only a page with no embed was measured, so a login wall carrying one embed of the site's own
    (a "follow us" post, a share button) was reported as an article with that post embedded, no warning. Every page
    whose embeds are only links is measured now, on the extraction's own parse; the warning names the embeds and does
    not say the page is no article."""
    embeds, _ = extract.find_all(STRAY_EMBED_WALL, "html")
    assert len(embeds) == 1 and parses[0] == 1
    found = thin_page(STRAY_EMBED_WALL, "html", embeds=len(embeds), shown=posts_shown(embeds))
    assert parses[0] == 1, "the page was parsed a second time to measure its text"
    assert found is not None and (found.chars, found.title, found.embeds) == (
        len("Subscribe to keep reading. Follow us: our latest"), "Sign in", 1)
    assert found.message == (
        "the page holds only 48 characters of text besides its 1 embed (title 'Sign in'): if the article is more "
        "than that post, this may not be it (a login or paywall page, a consent wall), and the embed the site's own "
        "(a share or follow link)")


def test_servers31_a_real_one_post_article_is_not_warned_of():
    """A page that shows its post as the platform's embed markup (a blockquote) is not measured: an article may be one
    post and a line, and it would be warned of for nothing."""
    embeds, _ = extract.find_all(ONE_TWEET_ARTICLE, "html")
    assert len(embeds) == 1
    assert posts_shown(embeds) == 1 and thin_page(ONE_TWEET_ARTICLE, "html", embeds=1, shown=1) is None
