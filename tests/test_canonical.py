"""Canonical URLs (#9 §4): tracking parameters out, the page's own parameters kept in order, one form per post."""

import pytest

from resolver.platforms.canonical import canonical_url

CASES = [
    ("https://example.org/story?utm_source=tw&utm_medium=social", "https://example.org/story"),
    ("https://example.org/story?id=7&utm_campaign=x&page=2", "https://example.org/story?id=7&page=2"),
    ("https://example.org/a?UTM_Content=y", "https://example.org/a"),
    ("https://example.org/a?fbclid=IwAR0abc", "https://example.org/a"),
    ("https://example.org/a?gclid=Cj0K&q=rain", "https://example.org/a?q=rain"),
    ("https://example.org/a?igshid=MzRlODBi", "https://example.org/a"),
    ("https://example.org/a?mc_cid=12ab&mc_eid=34cd", "https://example.org/a"),
    ("https://example.org/a?ref_src=twsrc%5Etfw&ref_url=https%3A%2F%2Fnews.example", "https://example.org/a"),
    ("https://example.org/a?si=AbCdEf", "https://example.org/a"),
    ("https://example.org/a?s=20&t=abc", "https://example.org/a?s=20&t=abc"),   # s and t: X status URLs only
    ("https://twitter.com/river_desk/status/abc?s=20&t=Zx9&lang=en", "https://twitter.com/river_desk/status/abc?lang=en"),
    ("https://x.com/river_desk/status/1390000000000000000?s=20&t=Zx9", "https://twitter.com/river_desk/status/1390000000000000000"),
    ("https://mobile.twitter.com/river_desk/status/1390000000000000000/photo/1?ref_src=twsrc",
     "https://twitter.com/river_desk/status/1390000000000000000"),
    ("HTTPS://Example.ORG:443/Path/Kept?B=2&a=1#section", "https://example.org/Path/Kept?B=2&a=1"),
    ("http://example.org:80/x", "http://example.org/x"),
    ("http://example.org:8080/x#frag", "http://example.org:8080/x"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org/a?q=a%20b&utm_source=x&empty=", "https://example.org/a?q=a%20b&empty="),
    ("https://[::1]:8443/a?utm_source=x", "https://[::1]:8443/a"),
    ("https://youtu.be/dQw4w9WgXcQ?si=AbCd&t=42", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
]


@pytest.mark.parametrize("url,canonical", CASES, ids=[
    "utm-only", "utm-among-own", "utm-any-case", "fbclid", "gclid", "igshid", "mailchimp", "ref-src-and-url", "si",
    "s-t-kept-off-x", "s-t-on-unparsed-x-status", "x-post", "x-post-photo-path", "case-port-fragment",
    "http-default-port", "other-port", "empty-path", "encoding-kept", "ipv6", "platform-post"])
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_malformed_urls_are_kept_as_given():
    assert canonical_url("http://[::1") == "http://[::1"
    assert canonical_url("not a url") == "not a url"


def test_resolution_keeps_the_final_url_as_given_and_stores_the_canonical_form(fakenet, store):
    from tests.fakenet import page, redirect
    from tests.test_resolve import run

    final = "https://news.example/story?id=3&utm_source=tw&utm_medium=social&fbclid=Iw#top"
    fakenet.route("bit.ly", "/rain1", redirect(final))
    fakenet.route("news.example", "/story", page("<p>the story</p>"))
    result = run("https://bit.ly/rain1", fakenet.settings(), store)
    assert result.final_url == final
    assert result.canonical_url == "https://news.example/story?id=3"
    assert store.latest_resolution("https://bit.ly/rain1")["canonical_url"] == "https://news.example/story?id=3"
