"""perf47 (#14): the podcast episodes a page names are looked for only where the scan's needle pass found one of their
hosts, not searched for again in the page's string; what is found is the same either way."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resolver import extract, workers
from resolver.article import from_bytes
from resolver.extract import html
from resolver.platforms import podcasts
from tests.test_html_detector import both_searches  # noqa: F401 (a fixture: hyperscan, the string, a first page)

SPOTIFY = "https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"
APPLE = "https://podcasts.apple.com/us/podcast/riverton-weekly/id1535809341?i=1000578812345"
PIECES = [f'<iframe src="{SPOTIFY}"></iframe>', f'<a href="{APPLE}">Listen</a>', "open.spotify.com/", "spotify.co",
          "SPOTIFY.COM", "podcasts.apple.co", "<p>Über die Brücke 🎧</p>", "<p>The council met.</p>", "\ud800",
          '<blockquote class="twitter-tweet"><a href="https://twitter.com/u/status/1">x</a></blockquote>']


def _page(pieces: list[str]) -> str:
    return "<html><body>" + "".join(pieces) + "</body></html>"


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@example([PIECES[0], PIECES[6], PIECES[1]])
@example([PIECES[4], PIECES[5], PIECES[8]])
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_perf47_the_podcast_hosts_the_scan_found_are_those_a_search_of_the_page_finds(both_searches, pieces):
    page = _page(pieces)
    extract.find_all(page, "html")
    held = html.podcasts_held(page)
    if both_searches == "hyperscan":   # found by hyperscan's pass alone, as the t.co links are (perf36)
        # None where the scan read no needle at all (a page none of its passes needs): searched anew then
        assert held is None or held == frozenset(needle for needle in podcasts.NEEDLES if needle in page)
    else:
        assert held is None
    assert podcasts.episodes(page, held) == podcasts.episodes(page)


def test_perf47_a_scanned_page_s_podcasts_are_read_off_the_scan_s_pass_and_another_page_is_searched(monkeypatch):
    from resolver.extract import needles

    if needles.hyperscan_module() is None:
        pytest.skip("hyperscan has no wheel for this platform")
    monkeypatch.setattr(needles, "_SMALL_LEFT", [0])   # hyperscan's pass, as once a process has searched enough
    article = from_bytes(_page([PIECES[0], PIECES[6], PIECES[9], PIECES[1]]).encode(), "a.html", kind="html")
    plain = from_bytes(_page([PIECES[7], PIECES[9]]).encode(), "b.html", kind="html")
    extract.find_all(plain.text, "html", utf8=plain.utf8)
    assert html.podcasts_held(plain.text) == frozenset()
    assert workers.podcasts_said(plain) is None
    extract.find_all(article.text, "html", utf8=article.utf8)
    assert html.podcasts_held(article.text) == frozenset(podcasts.NEEDLES)
    said = workers.podcasts_said(article)
    assert said is not None and (said["count"], said["first"]) == (2, SPOTIFY)
    # a string the scan did not read (an equal copy of the page) is searched anew, with the same answer
    copy = "".join(list(article.text))
    assert html.podcasts_held(copy) is None
    assert podcasts.episodes(copy) == podcasts.episodes(article.text, html.podcasts_held(article.text))


GPLUS = "https://plus.google.com/+RivertonCouncil/posts/Ab12Cd34Ef"
SERVICE_PIECES = [f'<a href="{GPLUS}">G+</a>', '<a href="https://plus.google.com/share?url=https://example.org/a">+1</a>',
                  "plus.google.com/", "plus.google.com/plus.google.com/x/posts/Zz99Yy88", "PLUS.GOOGLE.COM/u/posts/Aa11Bb22",
                  '<a href="https://vine.co/v/iHTnx9PXwEa">Vine</a>', "//vine.co/v/vine.co/v/bbbbbb", "vine.co/v/",
                  '<a href="https://vk.com/wall-12345_678">VK</a>', "<p>Über die Brücke 🎧</p>", "\ud800",
                  '<blockquote class="twitter-tweet"><a href="https://twitter.com/u/status/1">x</a></blockquote>']


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@example([SERVICE_PIECES[0], SERVICE_PIECES[9], SERVICE_PIECES[1], SERVICE_PIECES[0], SERVICE_PIECES[11]])
@example([SERVICE_PIECES[3], SERVICE_PIECES[6], SERVICE_PIECES[5], SERVICE_PIECES[10], SERVICE_PIECES[11]])
@given(st.lists(st.sampled_from(SERVICE_PIECES), max_size=14))
def test_perf47_posts_of_unread_services_tried_where_the_scan_found_their_needles_are_those_the_page_gives(
        both_searches, pieces):
    """Google+ and Vine links are matched only where the scan's pass found their host (the needle each pattern opens
    with), never by a search of the whole page: the same posts, in the same order, as that search finds."""
    from resolver.platforms import unsupported

    page = _page(pieces)
    extract.find_all(page, "html")
    held = html.unsupported_held(page)
    if held is not None:
        for needle, starts in held.items():
            assert starts == [at for at in range(len(page)) if page.startswith(needle, at)]
        assert set(held) == {needle for needle in unsupported.NEEDLES if needle in page}
    assert unsupported.found(page, held) == unsupported.found(page)
