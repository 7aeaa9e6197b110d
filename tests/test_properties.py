"""Property tests: no input, binary or broken, makes scanning raise anything but a clear InputError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolver import extract
from resolver.article import from_bytes
from resolver.errors import InputError

MARKUP = st.sampled_from([
    "<blockquote class='twitter-tweet'>", "</blockquote>", "<p lang='en'>", "</p>", "<a href='https://t.co/x'>",
    "<a href='https://twitter.com/a/status/123'>", "</a>", "&mdash;", "— ", "(@", ")", "@jroe", "September 12, 2022",
    "pic.twitter.com/", "<figure><img src='x'><figcaption>", "(Photo Credit:", "/", "REUTERS/", "(AP Photo/",
    "<iframe src='https://www.youtube.com/embed/", "<script type='application/ld+json'>{", "\"ImageObject\"",
    "<amp-twitter data-tweetid='", "'>", "\n", " ", "\x00", "<?xml version='1.0' encoding='utf-8'?>", "<!--",
])
DOCS = st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=60).map("".join)
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(DOCS)
def test_extraction_never_raises(doc):
    for kind in ("html", "text"):
        embeds, credits = extract.find_all(doc, kind)
        for item in list(embeds) + list(credits):
            assert 0 <= item.span[0] <= item.span[1] <= len(doc)


@SLOW
@given(st.binary(max_size=2000))
def test_scanning_bytes_raises_only_input_error(data):
    try:
        article = from_bytes(data, "fuzz")
    except InputError:
        return
    extract.find_all(article.text, article.kind)
