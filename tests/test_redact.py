"""Secret redaction: query parameters by name, configured secrets by value, headers; nothing else changes (#11)."""

import re
from unittest import mock
from urllib.parse import quote, quote_plus, unquote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolver.redact import NO_SECRETS, REDACTED, Redactor, secrets_of
from resolver.settings import load_settings

TOKEN = "EAAB-marker-token-0123456789"
R = Redactor(secrets=(TOKEN, "ia-key-marker", "ia secret/with+signs"))


@pytest.mark.parametrize("url, expected", [
    ("https://graph.facebook.com/v16.0/instagram_oembed?url=https%3A%2F%2Fwww.instagram.com%2Fp%2FAb1%2F"
     "&format=json&access_token=abc123",
     "https://graph.facebook.com/v16.0/instagram_oembed?url=https%3A%2F%2Fwww.instagram.com%2Fp%2FAb1%2F"
     "&format=json&access_token=REDACTED"),
    ("https://x.test/p?TOKEN=1&Key=2&api_key=3&client_secret=4&signature=5&sig=6&keep=7",
     "https://x.test/p?TOKEN=REDACTED&Key=REDACTED&api_key=REDACTED&client_secret=REDACTED&signature=REDACTED"
     "&sig=REDACTED&keep=7"),
    ("https://s3.test/o.jpg?X-Amz-Credential=a%2Fb&X-Amz-Signature=ff",
     "https://s3.test/o.jpg?X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED"),
    ("https://app.test/cb#access_token=abc&state=1", "https://app.test/cb#access_token=REDACTED&state=1"),
    (f"https://x.test/p?q={TOKEN}", "https://x.test/p?q=REDACTED"),
    (f"https://x.test/{TOKEN}/a", "https://x.test/REDACTED/a"),
    ("https://x.test/p?q=ia+secret%2Fwith%2Bsigns", "https://x.test/p?q=REDACTED"),
    ("https://user:hunter2@x.test/p", "https://user:REDACTED@x.test/p"),
    ("https://x.test/p?token=", "https://x.test/p?token="),
    # A URL carried in a parameter (the CDX and availability queries of `archive URL`, oEmbed's url=): its own
    # secret parameters were written to the fetch log and the WARC as they were.
    ("https://web.archive.org/cdx/search/cdx?url=https%3A%2F%2Fdocs.test%2Fr.pdf%3FX-Amz-Signature%3Dff%26v%3D2"
     "&output=json",
     "https://web.archive.org/cdx/search/cdx?url=https%3A%2F%2Fdocs.test%2Fr.pdf%3FX-Amz-Signature%3DREDACTED%26v%3D2"
     "&output=json"),
    ("https://archive.org/wayback/available?url=https://docs.test/r?access_token=abc",
     "https://archive.org/wayback/available?url=https%3A%2F%2Fdocs.test%2Fr%3Faccess_token%3DREDACTED"),
], ids=["graph-access-token", "names-any-case", "signed-s3", "fragment", "secret-as-value", "secret-in-path",
        "form-encoded-secret", "password", "empty-value", "nested-url-encoded", "nested-url-raw"])
def test_secret_parameters_are_redacted_keeping_their_names(url, expected):
    assert R.url(url) == expected


@pytest.mark.parametrize("url", [
    "https://twitter.com/jack/status/20?s=20&t=AbC",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1&index=2",
    "https://web.archive.org/web/2022*/https://twitter.com/a/status/1*",
    "https://x.test/a%20b?q=%E2%9C%93&monkey=1&tokens=2",
    "not a url at all",
    "",
], ids=["tweet", "youtube", "wayback", "encoded", "not-a-url", "empty"])
def test_innocent_urls_are_left_exactly_as_written(url):
    assert R.url(url) == url


def test_text_loses_every_form_of_a_configured_secret():
    message = f"GET https://x.test/?a={TOKEN} failed; key ia-key-marker; form ia+secret%2Fwith%2Bsigns"
    assert R.text(message) == f"GET https://x.test/?a={REDACTED} failed; key {REDACTED}; form {REDACTED}"


def test_a_very_short_secret_does_not_garble_text_but_is_matched_as_a_value():
    short = Redactor(secrets=("ab",))
    assert short.text("a cab drove by") == "a cab drove by"
    assert short.url("https://x.test/?q=ab") == "https://x.test/?q=REDACTED"


def test_headers_keep_names_and_lose_credentials():
    headers = {"Authorization": "Bearer xyz", "Cookie": "sid=1", "Content-Type": "text/html",
               "Location": "https://x.test/next?access_token=abc", "X-Echo": f"token {TOKEN}"}
    assert dict(R.headers(headers)) == {
        "Authorization": REDACTED, "Cookie": REDACTED, "Content-Type": "text/html",
        "Location": "https://x.test/next?access_token=REDACTED", "X-Echo": f"token {REDACTED}"}


def test_secrets_come_from_the_settings():
    env = {"X_BEARER_TOKEN": "bearer-1", "IA_ACCESS_KEY": "ia-key-1", "IA_SECRET_KEY": "ia-key-2",
           "META_ACCESS_TOKEN": "meta-1"}
    assert sorted(secrets_of(load_settings(env=env))) == ["bearer-1", "ia-key-1", "ia-key-2", "meta-1"]
    assert secrets_of(load_settings(env={})) == ()


@given(st.text(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30))
def test_redaction_never_raises_never_leaks_and_is_idempotent(prefix, suffix):
    url = f"https://x.test/{prefix}?a=1&q={TOKEN}&access_token={suffix}#{suffix}"
    once = R.url(url)
    assert TOKEN not in once and R.url(once) == once


@pytest.mark.parametrize("platform, in_header", [("instagram", True), ("facebook", True), ("threads", False)])
def test_the_meta_token_travels_in_a_header_where_the_endpoint_accepts_one(platform, in_header):
    from resolver.fetch import oembed

    request = oembed.request(platform, "https://www.instagram.com/p/Ab1/", access_token=TOKEN)
    assert (TOKEN in request.url) is not in_header
    assert request.headers == ({"Authorization": f"Bearer {TOKEN}"} if in_header else {})
    assert TOKEN not in R.url(request.url)


def test_no_token_no_header():
    from resolver.fetch import oembed

    assert oembed.request("youtube", "https://www.youtube.com/watch?v=abc", access_token=TOKEN).headers == {}


def test_urls_inside_text_are_redacted_as_urls():
    message = "connect: refused https://graph.test/oembed?url=x&access_token=abc123 (guard)"
    assert Redactor().text(message) == "connect: refused https://graph.test/oembed?url=x&access_token=REDACTED (guard)"


def logged(redactors: list[Redactor], *records: tuple[str, ...]) -> list[str]:
    """The messages a handler on a library's logger is given for `records` (a format and its arguments), logged after
    `redact_logs` was called with each of `redactors`."""
    import logging

    from resolver.redact import redact_logs

    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())
    logger = logging.getLogger("some.library")
    handler = Keep()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        for redactor in redactors:
            redact_logs(redactor)
        for message, *args in records:
            logger.info(message, *args)
    finally:
        logger.removeHandler(handler)
    return seen


def test_log_records_are_redacted_whoever_logs_them():
    seen = logged([Redactor(secrets=("log-secret-123456",))],
                  ("HTTP Request: GET %s", "https://x.test/?access_token=abc&q=1"),
                  ("sent header %s", "Bearer log-secret-123456"))
    assert seen == ["HTTP Request: GET https://x.test/?access_token=REDACTED&q=1", "sent header Bearer REDACTED"]


def test_remembered_urls_are_bounded_and_answer_as_the_first_time():
    """A Redactor remembers the URLs it redacted (#14), at most REMEMBERED_URLS of them, and a remembered answer is
    the one it gave first."""
    from resolver.redact import REMEMBERED_URLS

    r = Redactor(secrets=(TOKEN,))
    url = f"https://api.example/x?access_token=abc&q={TOKEN}"
    first = r.url(url)
    assert first == "https://api.example/x?access_token=REDACTED&q=REDACTED" and r.url(url) == first
    for n in range(REMEMBERED_URLS + 10):
        assert r.url(f"https://t.example/{n}?key=v") == f"https://t.example/{n}?key=REDACTED"
    assert len(r._urls) <= REMEMBERED_URLS and r.url(url) == first
    assert r == Redactor(secrets=(TOKEN,)) and "_urls" not in repr(r)


URL_CHARACTERS = "".join(map(chr, range(0x20, 0x7f))) + "\t\n\x00\x1béж"


@given(st.sampled_from(["https", "http", "HTTP", "Https", "hTtp", "ftp", "a+b.c-d", "1x", "", "https:", "https:/"]),
       st.sampled_from(["://", "//", ":", ":///", "://user:pw@", "://u@"]),
       st.text(alphabet=URL_CHARACTERS, max_size=40))
def test_urls_with_nothing_to_split_out_are_redacted_as_the_splitting_does(scheme, separator, rest):
    """A URL with no user part, query or fragment skips urlsplit (#13, #14): the same answer as the splitting
    gives, whatever the URL (non-ASCII and control characters too)."""
    for url in (scheme + separator + rest, rest, f"https://x.test/{TOKEN}{rest}"):
        for redactor in (Redactor(secrets=(TOKEN,)), Redactor()):
            assert redactor.url(url) == redactor._url(url)


URL_PIECES = st.sampled_from(["/", "//", "?", "#", "@", ":", "[", "]", "::1", "x.test", "ü", "%2F", " ", "\t", "\n",
                              "\x00", "\x7f", ";", "=", "token=1", "&", TOKEN, "ia-key-marker", "a", "0"])
URLS = st.tuples(st.sampled_from(["http", "https", "HTTP", "Https", "foo", "a+b", "1x", ""]),
                 st.sampled_from(["://", ":", ":/", ":///", "://"]),
                 st.lists(URL_PIECES, max_size=8)).map(lambda t: t[0] + t[1] + "".join(t[2]))


@given(URLS)
def test_the_quick_path_for_plain_urls_answers_as_the_full_one(url):
    """PLAIN_URL's shortcut (#14) gives exactly what splitting and joining the URL gives, whatever the URL."""
    for redactor in (Redactor(), Redactor(secrets=(TOKEN, "ia-key-marker"))):
        assert redactor.url(url) == redactor._url(url)


@pytest.mark.parametrize("url", ["https://x.test/a/b;c=d", "http://[::1]:8080/p", "https://xn--bcher-kva.test/%2F",
                                 f"https://x.test/{TOKEN}"])
def test_plain_urls_take_the_quick_path(url):
    from resolver.redact import PLAIN_URL

    assert PLAIN_URL.match(url)
    assert R.url(url) == R._url(url)


# -- whether a text carries a configured secret (#14: resolver.memo keeps and uses no memo of a line that does) ------

SIGNS = "AAAA/fictional+token=="


@pytest.mark.parametrize("text, carries", [
    (f"https://h.example/p?q={SIGNS}", True),
    ("https://h.example/p?q=AAAA%2Ffictional%2Btoken%3D%3D", True),                # quote
    ("https://h.example/p?q=AAAA%2Ffictional%2Btoken%3D%3D&x=1", True),
    ("https://h.example/p?u=https%3A%2F%2Fi.example%2F%3Fq%3DAAAA%252Ffictional%252Btoken%253D%253D", True),  # nested
    ("https://h.example/p?q=%41AAA%2ffictional%2btoken%3d%3d", True),             # encoded otherwise: decodes to it
    ('{"url": "https://h.example/p?q=AAAA%2Ffictional%2Btoken%3D%3D"}', True),   # in a JSON line
    ("https://h.example/p?q=AAAA/fictional+token", False),
    ("https://h.example/p?sig=abc", False),
    ("", False),
], ids=["raw", "quoted", "quoted-mid", "nested", "otherwise", "json", "a-prefix", "other-secret-param", "empty"])
def test_a_text_carries_a_secret_in_any_form_redaction_finds(text: str, carries: bool) -> None:
    assert Redactor(secrets=(SIGNS,)).carries_secret(text) is carries
    assert not NO_SECRETS.carries_secret(text)


def test_a_short_secret_is_looked_for_too() -> None:
    """`text` leaves a secret under MIN_TEXT_SECRET alone, but a query value that is one is still redacted."""
    assert Redactor(secrets=("ab1",)).carries_secret("https://h.example/?k=ab1")


SECRET_CHARS = st.text(alphabet="AZaz09-_.~/+=%&?#:@ ", min_size=1, max_size=12)


@given(SECRET_CHARS, st.lists(st.sampled_from(["https://h.example/p?", "q=", "&", "u=", "%2F", "%3D", "x", "/",
                                                 "#", "=", "+", "%25", "https%3A%2F%2F"]), max_size=8),
       st.sampled_from([lambda s: s, lambda s: quote(s, safe=""), lambda s: quote_plus(s),
                        lambda s: quote(quote(s, safe=""), safe="")]), st.booleans())
def test_whatever_the_secret_changes_in_a_text_the_text_carries_it(secret, parts, form, put) -> None:
    """What redaction with a secret does to a text or a URL other than redaction with none, only a text that
    carries it can have had done: `carries_secret` is never wrong the other way."""
    text = "".join(parts[:4]) + (form(secret) if put else "") + "".join(parts[4:])
    redactor = Redactor(secrets=(secret,))
    if redactor.text(text) != NO_SECRETS.text(text) or redactor.url(text) != NO_SECRETS.url(text):
        assert redactor.carries_secret(text)


# -- review (memoreview25): a secret can change an answer without being in the text -------------------------------

@pytest.mark.parametrize("secret, url", [
    ("REDACTED&v=2", "https://h.example/p?token=abc&v=2"),   # what redaction by a parameter's name leaves
    ("n=REDACT", "https://h.example/p?token=abc"),
    # (odds28: an empty "?" and a tab, which urlsplit took out of the answer, are no longer cases: the answer keeps
    # them, test_odds28_a_url_is_kept_as_it_was_asked_whatever_urlsplit_strips)
], ids=["redacted-by-name", "across-redacted"])
def test_review_a_secret_can_change_an_answer_only_the_answer_without_it_carries(secret: str, url: str) -> None:
    """`carries_secret(text)` alone is not "never wrong the other way": the text does not carry the secret, but the
    answer without it does (so resolver.memo looks at that answer too: `Redactor.seen` notes it)."""
    redactor = Redactor(secrets=(secret,))
    assert redactor.url(url) != NO_SECRETS.url(url) and not redactor.carries_secret(url)
    assert redactor.carries_secret(NO_SECRETS.url(url))


def test_review_a_redactor_noting_what_it_is_asked_notes_the_answer_with_no_secret_too() -> None:
    redactor = Redactor(secrets=("REDACTED&v=2",), seen=[])
    redactor.url("https://h.example/p?token=abc&v=2")
    redactor.text("see https://h.example/p?sig=abc&v=2 there")
    redactor.url("https://t.co/w00000")
    assert redactor.seen == ["https://h.example/p?token=abc&v=2", "https://h.example/p?token=REDACTED&v=2",
                             "see https://h.example/p?sig=abc&v=2 there",
                             "see https://h.example/p?sig=REDACTED&v=2 there",
                             "https://h.example/p?sig=abc&v=2", "https://h.example/p?sig=REDACTED&v=2",
                             "https://t.co/w00000"]


@given(st.text(alphabet="REDACTEDAZaz09-_.~/+=%&?#:@\t ", min_size=1, max_size=14),
       st.lists(st.sampled_from(["https://h.example/p?", "q=", "token=", "&", "u=", "%2F", "%3D", "x", "/", "#",
                                 "=", "+", "%25", "https%3A%2F%2F", "\t", "?", "REDACTED", "&v=2"]), max_size=8),
       st.sampled_from([lambda s: s, lambda s: quote(s, safe=""), lambda s: quote_plus(s)]), st.booleans())
def test_review_whatever_a_secret_changes_the_text_or_its_answer_without_it_carries_it(secret, parts, form,
                                                                                        put) -> None:
    text = "".join(parts[:4]) + (form(secret) if put else "") + "".join(parts[4:])
    redactor = Redactor(secrets=(secret,))
    for redact, plain in ((redactor.url, NO_SECRETS.url), (redactor.text, NO_SECRETS.text)):
        if redact(text) != plain(text):
            assert redactor.carries_secret(text) or redactor.carries_secret(plain(text))


# -- a secret in every form it is written in ------------------------------------------------------------------------

def test_a_secret_inside_a_longer_one_leaves_nothing_of_the_longer() -> None:
    """Two secrets, one the start of the other (an X token and a Meta token made from it): replacing the shorter
    first left the rest of the longer one in the text ("REDACTED-more")."""
    redactor = Redactor(secrets=("abcdefgh", "abcdefgh-more-of-it"))
    assert redactor.text("token abcdefgh-more-of-it and abcdefgh") == f"token {REDACTED} and {REDACTED}"
    assert redactor.url("https://h.example/p/abcdefgh-more-of-it") == f"https://h.example/p/{REDACTED}"


@pytest.mark.parametrize("written", [
    "AAAA%2ffictional%2btoken%3d%3d",        # percent escapes in lower case
    "AAAA%2Ffictional%2btoken%3D%3d",        # mixed
    "AAAA/fictional+token==",                 # as written
])
def test_a_secret_with_its_escapes_in_lower_case_is_redacted(written: str) -> None:
    redactor = Redactor(secrets=(SIGNS,))
    assert written not in redactor.text(f"value={written}; more")
    assert redactor.text(f"value={written}; more") == f"value={REDACTED}; more"


def test_a_secret_written_with_escapes_is_redacted_decoded_too() -> None:
    """An X bearer token is issued percent-encoded ("...%2F...%3D"): a tool or a log that decoded it shows it with
    "/" and "="."""
    token = "AAAAAAAAAAAAAAAAAAAAAFicTional%2FBearer%3DToken0123456789"
    redactor = Redactor(secrets=(token,))
    decoded = "AAAAAAAAAAAAAAAAAAAAAFicTional/Bearer=Token0123456789"
    assert redactor.text(f"sent {decoded} and {token}") == f"sent {REDACTED} and {REDACTED}"
    assert redactor.carries_secret(f"sent {decoded}")


# -- review (review25): `carries_secret` finds every form `_values` now replaces ------------------------------------

@pytest.mark.parametrize("secret, text", [
    ("a+b%2Fcdef", "sent a+b%2fcdef"),       # an escape in lower case beside a "+": unquote_plus makes it a space
    ("ab%252Fcdef", "sent ab%2fcdef"),       # the decoded form's escape in lower case: decoding again goes past it
], ids=["plus", "double-escape"])
def test_review25_a_text_redaction_changes_carries_the_secret(secret: str, text: str) -> None:
    redactor = Redactor(secrets=(secret,))
    assert redactor.text(text) == f"sent {REDACTED}"
    assert redactor.carries_secret(text)


def _lower_escapes(form: str) -> str:
    return re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), form)


@given(st.text(alphabet="AZaz09-_.~/+=%&?#: ", min_size=6, max_size=12).map(lambda s: s + "%2F"),
       st.lists(st.sampled_from(["https://h.example/p?", "q=", "&", "u=", "%2F", "%3D", "x", "/", "+", "%25"]),
                max_size=6),
       st.sampled_from([lambda s: s, lambda s: quote(s, safe=""), lambda s: quote_plus(s), unquote]),
       st.booleans())
def test_review25_whatever_a_secret_in_any_case_of_escape_changes_the_text_carries_it(secret, parts, form,
                                                                                      lower) -> None:
    """The property above, with the forms `forms` gained (decoded) and escapes written in lower case."""
    written = form(secret)
    text = "".join(parts[:3]) + (_lower_escapes(written) if lower else written) + "".join(parts[3:])
    redactor = Redactor(secrets=(secret,))
    for redact, plain in ((redactor.url, NO_SECRETS.url), (redactor.text, NO_SECRETS.text)):
        if redact(text) != plain(text):
            assert redactor.carries_secret(text) or redactor.carries_secret(plain(text))


# -- redact26 (review25's open gaps): every encoding a secret reaches us in, overlapping secrets, short forms -------

X_TOKEN = "AAAAAAAAAAAAAAAAAAAAAFicTional%2FBearer%3DToken0123456789%2Bmore%3D%3D"   # as X issues one: escaped


def _decoded(text: str) -> list[str]:
    """The text and each of its percent-decodings, to the fixed point: what a reader can recover from it."""
    seen = [text]
    while (decoded := unquote(seen[-1])) != seen[-1]:
        seen.append(decoded)
    return seen


def _shows_token(text: str) -> bool:
    return any(unquote(X_TOKEN) in decoded for decoded in _decoded(text))


# The encodings a token reaches our output in: as issued, decoded (a tool that decoded it), its escapes in lower case
# (an encoder writing lower-case hex, as .NET's does), and encoded again once or twice more, as a URL carried in a
# query parameter of a t.co or Wayback URL is, in either case.
TOKEN_WRITTEN = {
    "as-issued": X_TOKEN, "decoded": unquote(X_TOKEN), "lower": _lower_escapes(X_TOKEN),
    "twice": quote(X_TOKEN, safe=""), "twice-lower": quote(_lower_escapes(X_TOKEN), safe=""),
    "decoded-quoted-lower": _lower_escapes(quote(unquote(X_TOKEN), safe="")),
    "thrice": quote(quote(X_TOKEN, safe=""), safe=""),
    "thrice-lower": quote(quote(_lower_escapes(X_TOKEN), safe=""), safe=""),
}
TOKEN_PLACES = {
    "t.co-param": lambda w: f"https://t.co/Zz98Yy76Xx?q={w}&s=20",
    "wayback-carried": lambda w: ("https://web.archive.org/web/2022/https://t.co/Zz98Yy76Xx?u="
                                  + quote(f"https://api.example/cb?q={w}", safe="")),
    "cdx-carried": lambda w: ("https://web.archive.org/cdx/search/cdx?url="
                              + quote("https://t.co/Zz98Yy76Xx?u=" + quote(f"https://api.example/cb?q={w}", safe=""),
                                      safe="") + "&output=json"),
    "text": lambda w: f"refused: got q={w} back (guard)",
}


@pytest.mark.parametrize("written", TOKEN_WRITTEN.values(), ids=TOKEN_WRITTEN.keys())
@pytest.mark.parametrize("place", TOKEN_PLACES.values(), ids=TOKEN_PLACES.keys())
def test_redact26_a_token_encoded_any_number_of_times_in_either_case_is_redacted(place, written) -> None:
    """A secret doubly percent-encoded in lower case ("%252f") was left as it was: the escape after "%25" was read as
    literal text. Whatever the encoding, nothing decodes to the token after redaction."""
    redactor = Redactor(secrets=(X_TOKEN,))
    text = place(written)
    assert _shows_token(text)   # the case is real: the text does carry the token
    for redact in (redactor.url, redactor.text):
        assert not _shows_token(redact(text)), redact(text)
    assert redactor.carries_secret(text)


@pytest.mark.parametrize("secrets, text, expected", [
    (("xxxxxxxxAB", "ABCDEF12"), "key xxxxxxxxABCDEF12 sent", "key REDACTED sent"),     # the end of one starts the other
    (("ABCDEF12", "xxxxxxxxAB"), "key xxxxxxxxABCDEF12 sent", "key REDACTED sent"),
    (("Fict1onalKEY42ab", "42abSecretPart99"), "LOW Fict1onalKEY42abSecretPart99", "LOW REDACTED"),   # IA keys
    (("abcabcab",), "abcabcabcab", "REDACTED"),                                      # one secret overlapping itself
    (("xxxxxxxxAB", "ABCDEF12"), "https://h.example/p/xxxxxxxxABCDEF12/q", "https://h.example/p/REDACTED/q"),
], ids=["end-starts-other", "other-order", "ia-keys", "itself", "in-a-url"])
def test_redact26_overlapping_secrets_leave_nothing_of_either(secrets, text, expected) -> None:
    """Replaced one secret after the other, the second was no longer whole where the first had taken its start."""
    redactor = Redactor(secrets=secrets)
    assert redactor.text(text) == expected
    assert redactor.url(text) == expected


@given(st.lists(st.text(alphabet="ab", min_size=6, max_size=9), min_size=1, max_size=3),
       st.lists(st.tuples(st.integers(0, 2), st.integers(0, 8), st.sampled_from(["", "a", "b", "c"])), max_size=5))
def test_redact26_every_character_of_every_occurrence_of_every_secret_is_redacted(secrets, parts) -> None:
    """Every character that belongs to an occurrence of a secret goes; each run of them becomes one REDACTED."""
    text = "".join(secrets[which % len(secrets)][cut:] + glue for which, cut, glue in parts)
    covered = [False] * len(text)
    for secret in secrets:
        for start in range(len(text)):
            if text.startswith(secret, start):
                covered[start:start + len(secret)] = [True] * len(secret)
    expected = re.sub("(?:\x00)+", REDACTED, "".join("\x00" if hit else c for c, hit in zip(text, covered)))
    assert Redactor(secrets=tuple(secrets)).text(text) == expected


@pytest.mark.parametrize("secret, text", [
    ("%2F%3D%2Bab", "a path /=+ab here"),           # decodes to 5 characters
    ("%61%62%63%64", "abcd is a word"),              # decodes to "abcd"
    ("https%3A%2F%2F", "see https://h.example/a"),    # decodes to what begins every URL
    ("%2Fa%2Fb%2Fc%2Fd%2Fe", "the path /a/b/c/d/e"),  # decodes to 10 characters of an ordinary path
], ids=["signs", "letters", "scheme", "path"])
def test_redact26_a_short_decoded_form_is_not_looked_for_in_text(secret, text) -> None:
    """A secret whose decoded form is short redacted that form everywhere ("https://" in every URL); the secret as
    written is still redacted, and `carries_secret` still says a text with the decoded form may carry it."""
    redactor = Redactor(secrets=(secret,))
    assert redactor.text(text) == text
    assert redactor.url(text) == text
    assert redactor.text(f"sent {secret} back") == f"sent {REDACTED} back"
    assert redactor.carries_secret(text)


def test_redact26_a_secret_written_deep_is_not_looked_for_shallower_when_that_is_short() -> None:
    """"%25252F" is one escape of "/" written three times encoded: found as written and deeper, but "%2F" alone (its
    shallowest form, three characters) is left in text."""
    redactor = Redactor(secrets=("%25252F",))
    assert redactor.text("a/b%2Fc") == "a/b%2Fc"
    assert redactor.text("sent %25252F and %2525252f") == f"sent {REDACTED} and {REDACTED}"


def test_redact26_a_body_loses_the_secrets_in_it_and_keeps_every_other_byte() -> None:
    redactor = Redactor(secrets=(X_TOKEN,))
    body = b"\xff\xfe\x00 caf\xc3\xa9 " + _lower_escapes(quote(unquote(X_TOKEN), safe="")).encode() + b" ?token=abc \x80"
    assert redactor.body(body) == b"\xff\xfe\x00 caf\xc3\xa9 REDACTED ?token=abc \x80"
    plain = b"<html>no secret here \xe2\x9c\x93</html>"
    assert redactor.body(plain) is plain and NO_SECRETS.body(body) is body


def test_redact26_log_records_lose_every_character_of_two_runs_overlapping_secrets() -> None:
    """Log redaction knows the secrets of every run of the process: each run's redactor was applied after the other,
    so a secret of one run overlapping one of another left part of it in the record."""
    seen = logged([Redactor(secrets=("Fict1onalKEY42ab",)), Redactor(secrets=("42abSecretPart99",))],
                  ("sent LOW %s", "Fict1onalKEY42abSecretPart99"))
    assert seen == ["sent LOW REDACTED"]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://img.example/a.jpg?key=Tok3nFict1onal", "https://img.example/a.jpg?key=REDACTED"),
    ("https://img.example/a.jpg?v=Tok3nFict1onal%2Bx&w=2", "https://img.example/a.jpg?v=REDACTED%2Bx&w=2"),
    ("https://img.example/Tok3nFict1onal/a.jpg", "https://img.example/REDACTED/a.jpg"),
    ("https://img.example/a.jpg?signature=cdn5igned&w=2", "https://img.example/a.jpg?signature=cdn5igned&w=2"),
    ("https://img.example/a.jpg?key=Tok3nFict1onal&sig=cdn", "https://img.example/a.jpg?key=REDACTED&sig=cdn"),
], ids=["secret-param", "in-a-value", "in-the-path", "a-page's-own-signature-kept",
        "carrying-one:-its-own-signature-kept-too"])
def test_secrets27_a_page_url_loses_a_configured_secret_and_nothing_else(url, expected):
    """A URL a page gives (a credited image's src) is its content: only a configured secret goes (its own `sig=` stays, so
    two images differing there stay apart: review27a #3), the same answer every time; with no secret set, or none in it, it is left as written."""
    redactor = Redactor(secrets=("Tok3nFict1onal",))
    assert redactor.page_url(url) == expected
    assert redactor.page_url(url) == Redactor(secrets=("Tok3nFict1onal",)).page_url(url)
    assert NO_SECRETS.page_url(url) == url


@pytest.mark.parametrize(("said", "post"), [
    ("Bridge open https://t.co/abc?tok=REDACTED", "Bridge open https://t.co/abc"),
    ("Bridge open https://t.co/abc?tok=REDACTED", "Bridge open https://t.co/abc?tok=REDACTED"),
    ("Bridge open, code REDACTED", "Bridge open, code REDACTED"),
], ids=["a-link-redacted-in-the-article-only", "a-link-redacted-in-both", "a-word-redacted-in-both"])
def test_fix27s_a_secret_redacted_out_of_an_embeds_text_makes_no_false_text_fail(said, post):
    """An embed's text has a configured secret redacted (review27a #2); the post's body had it redacted when kept.
    Links are set aside by the text check, and a secret redacted in both is the same word: the quote passes."""
    from resolver.provenance import text_check

    redactor = Redactor(secrets=("Tok3nFict1onal",))
    shown = redactor.text(said.replace("REDACTED", "Tok3nFict1onal"))
    assert shown == said
    check = text_check({"text": shown, "detector": "text-signature"}, {"status": "available", "text": post})
    assert check["result"] == "pass", check


@pytest.mark.parametrize("written", [
    "ab%63defJk12", "abcdef%4Ak12", "abcdef%4ak12", "%61bcdefJk12", "abcdefJk%312", "ab%2563defJk12",
    "abcdef%25254ak12", "abcdefJk1%32", "%61%62%63%64%65%66%4A%6B%31%32", "ab%63de%66Jk12",
], ids=["letter", "upper-hex", "lower-hex", "first", "digit", "twice", "thrice", "last", "every", "two"])
@pytest.mark.parametrize("place", ["https://api.example/cb?q={}&v=2", "https://api.example/{}/p", "token {} echoed",
                                   "https://news.example/?next=" + "https%3A%2F%2Fapi.example%2Fcb%3Fq%3D{}"],
                         ids=["query", "path", "text", "carried"])
def test_secrets28_a_secret_with_an_unreserved_character_escaped_is_redacted(place: str, written: str) -> None:
    """Any unreserved character may be percent-escaped ("ab%63def" is "abcdef" to a server), at any depth: each
    such form of a secret is redacted, by `url`, `text` and `page_url`, and carries it."""
    r = Redactor(secrets=("abcdefJk12",))
    text = place.format(written)
    assert r.carries_secret(text)
    for redact in (r.url, r.text, r.page_url):
        assert "REDACTED" in redact(text) and not r.carries_secret(redact(text)), (redact, text)


@pytest.mark.parametrize("written", ["ab%43defJk12", "ab%63defJk1", "ab%64defJk12", "ab%6321defJk12",
                                     "abcdef%6AK12"],   # "abcdefjK12": not the secret, nor it in lower case
                         ids=["other-case", "short", "other-letter", "not-an-escape-of-c", "j-not-J"])
def test_secrets28_an_escape_of_another_character_is_no_form_of_the_secret(written: str) -> None:
    r = Redactor(secrets=("abcdefJk12",))
    url = f"https://api.example/cb?q={written}&v=2"
    assert not r.carries_secret(url) and r.url(url) == url and r.text(url) == url


# -- odds28: the URL recorded is the URL asked ----------------------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("https://t.co/ab\ncd", "https://t.co/ab\ncd"),
    ("https://x.test/p?q=1\r\n&v=\t2#f\t", "https://x.test/p?q=1\r\n&v=\t2#f\t"),
    ("\thttps://x.test/p?q=1", "\thttps://x.test/p?q=1"),
    ("HTTPS://x.test/p?q=1", "HTTPS://x.test/p?q=1"),
    ("https://x.test/p?#frag", "https://x.test/p?#frag"),
    ("https://x.test/p?tok\ten=abc&v=1", "https://x.test/p?tok\ten=REDACTED&v=1"),
    ("https://x.test/p#access_\ntoken=abc", "https://x.test/p#access_\ntoken=REDACTED"),
    ("https://us\ner:hun\tter2@x.test/p", "https://us\ner:REDACTED@x.test/p"),
    ("https:/\t/user:pw@x.test/p?q", "https:/\t/user:REDACTED@x.test/p?q"),
], ids=["line-break", "in-query-and-fragment", "leading-tab", "upper-case-scheme", "empty-query", "secret-name",
        "secret-name-in-fragment", "password", "password-slashes-apart"])
def test_odds28_a_url_is_kept_as_it_was_asked_whatever_urlsplit_strips(url, expected):
    """urlsplit takes tabs and line breaks out of a URL (and lower-cases its scheme, drops an empty "?"): `resolve
    "https://t.co/ab\\ncd"` recorded and printed https://t.co/abcd, a URL nobody asked for, while the request refused
    was for ab\\ncd. Only a secret goes; a parameter whose name is a secret one once those characters are gone (as a
    reader that strips them, a browser, would send it) goes too."""
    assert R.url(url) == expected and R._url(url) == expected


# -- secrets29: a secret split by whitespace, raw or escaped -----------------------------------------------------------

SPLIT_SECRET = "abcdefJk12xyz"


@pytest.mark.parametrize("written", [
    "abcdef\tJk12xyz", "abcdef\nJk12xyz", "abc\r\ndefJk12xyz", "abcdef%09Jk12xyz", "abcdef%0aJk12xyz",
    "abcdef%0D%0AJk12xyz", "abcdef%2509Jk12xyz", "abcdef%20Jk12xyz", "ab\tcd%09ef\nJk12xyz", "abcdef%09Jk%312xyz",
], ids=["tab", "line-feed", "crlf", "tab-escaped", "lf-escaped-lower", "crlf-escaped", "tab-escaped-twice",
        "space-escaped", "split-three-times", "split-and-escaped-letter"])
@pytest.mark.parametrize("place", ["https://api.example/cb?q={}&v=2", "https://x.com/{}/status/1",
                                   "error: sent {} back", "https://web.example/cdx?url={}"],
                         ids=["query", "path", "text", "carried"])
def test_secrets29_a_secret_split_by_whitespace_raw_or_escaped_is_redacted(place: str, written: str) -> None:
    """A URL reader takes tabs and line breaks out of a URL (a browser sends "abc\\tdef" as "abcdef"), and a secret
    with an escaped tab or space in it ("abc%09def") is still the secret to anyone who reads it: `url`, `text`,
    `page_url` and `body` redact each such form, and `carries_secret` finds it (before, only the letters' escapes were
    read through)."""
    r = Redactor(secrets=(SPLIT_SECRET,))
    text = place.format(written)
    assert r.carries_secret(text)
    for redact in (r.url, r.text, r.page_url, r.shown):
        assert REDACTED in redact(text) and not r.carries_secret(redact(text)), (redact, text)
    assert REDACTED.encode() in r.body(text.encode())
    assert r.url("https://api.example/cb?q=" + written + "&v=2") == "https://api.example/cb?q=REDACTED&v=2"


@pytest.mark.parametrize("text", [
    "https://api.example/cb?q=abcdef\t\tJk12xy&v=2", "abcdef Jk12xyz", "abcdef+Jk12xyz", "abcdef%0BJk1%0A",
    "\tabcdefJk12xy\tz"[:14], "abcdef%2CJk12xyz",
], ids=["one-letter-short", "raw-space", "plus", "cut-short", "leading-tab-short", "comma-escaped"])
def test_secrets29_what_splits_a_secret_is_whitespace_only(text: str) -> None:
    """Only whitespace (raw tabs and line breaks, escaped whitespace) is read through: a space or "+" in free text
    separates words, and a secret cut short or split by another character is not the secret."""
    r = Redactor(secrets=(SPLIT_SECRET,))
    assert r.text(text) == text and r.url(text) == text and not r.carries_secret(text)


@given(st.text(alphabet="AZaz09-_.~/+=&?#: ", min_size=6, max_size=12),
       st.lists(st.tuples(st.integers(min_value=1, max_value=11),
                          st.sampled_from(["\t", "\n", "\r\n", "%09", "%0a", "%0D", "%20", "%2509"])),
                min_size=1, max_size=3),
       st.sampled_from(["https://h.example/p?q={}&v=2", "see {} here", "https://h.example/{}/x"]))
def test_secrets29_a_secret_split_by_whitespace_anywhere_is_gone_from_every_answer(secret, splits, place) -> None:
    """The secret (no escape of its own: one split apart is no escape) with whitespace put between any of its
    characters, raw or escaped, in a URL or in text: no answer keeps it, and `carries_secret` finds it."""
    written = secret
    for at, space in sorted({min(at, len(secret) - 1): space for at, space in splits}.items(), reverse=True):
        written = written[:at] + space + written[at:]   # from the end: each `at` is still a place in the secret
    text = place.format(written)
    r = Redactor(secrets=(secret,))
    assert r.carries_secret(text)
    for redact in (r.url, r.text, r.page_url):
        assert secret not in redact(text).translate(str.maketrans("", "", "\t\r\n")), (redact, text)
        assert REDACTED in redact(text)


@pytest.mark.parametrize("written", [
    "abcdef\\tJk12xyz", "abcdef\\nJk12xyz", "abc\\r\\ndefJk12xyz", "abcdef\\u0009Jk12xyz", "abcdef\\u000AJk12xyz",
    "abcdef&#9;Jk12xyz", "abcdef&#x09;Jk12xyz", "abcdef&#10;Jk12xyz", "abcdef&Tab;Jk12xyz", "abcdef&NewLine;Jk12xyz",
], ids=["json-tab", "json-line-feed", "json-crlf", "json-u0009", "json-u000A", "html-tab", "html-tab-hex",
        "html-line-feed", "html-named-tab", "html-named-newline"])
def test_review29d_a_secret_split_by_escaped_whitespace_in_a_json_or_html_body_is_redacted(written: str) -> None:
    """review29d: secrets29 read a secret split by a raw tab or line break, or by one %-escaped, but the bodies the
    tool keeps (the database's `bodies`, the WARC) are JSON answers and HTML pages, which write that tab as `\\t` or
    `\\u0009` (JSON) or `&#9;` (HTML): the parsed answer's URL, its tab a raw one again, was redacted, and the kept
    body beside it, the evidence, still held the secret. Each such escape splits it as the raw character does."""
    r = Redactor(secrets=(SPLIT_SECRET,))
    json_body = ('{"entities": {"urls": [{"expanded_url": "https://api.example/cb?q=' + written + '&v=2"}]}}').encode()
    html_body = f'<a href="https://api.example/cb?q={written}&amp;v=2">the link</a>'.encode()
    for body in (json_body, html_body):
        kept = r.body(body)
        assert REDACTED.encode() in kept and b"Jk12xyz" not in kept, kept
    assert r.carries_secret(f"error: sent {written} back") and REDACTED in r.text(f"error: sent {written} back")


@pytest.mark.parametrize("text", ["abcdef\\xJk12xyz", "abcdef\\u0041Jk12xyz", "abcdefJk&#912xyz", "abcdef&amp;Jk12xyz",
                                  "abcdef&Tab Jk12xyz", "abcde&#x9fJk12xyz"],
                         ids=["other-escape", "json-letter", "html-decimal-longer", "html-amp", "named-no-semicolon",
                              "html-hex-longer"])
def test_review29d_what_splits_a_secret_in_a_body_is_escaped_whitespace_only(text: str) -> None:
    """A JSON or HTML escape of anything but whitespace splits no secret ("&#912" is one character, not a tab and "12")."""
    r = Redactor(secrets=(SPLIT_SECRET,))
    assert r.text(text) == text and not r.carries_secret(text)


# -- secrets30: a secret's characters written as HTML or JSON escapes --------------------------------------------------

ESCAPED_SECRET = "AAAAtest%2Ftoken%3Dxyz_1.2"   # issued with escapes, as an X bearer token is


@pytest.mark.parametrize("written", [
    "ab&#99;defJk12", "ab&#x63;defJk12", "ab&#X63;defJk12", "abcdef&#x4a;k12", "abcdef&#x4A;k12", "ab&#0099;defJk12",
    "ab&#x0063;defJk12", "ab&#99defJk12", "&#97;bcdefJk12", "abcdefJk1&#50;", "abcdefJk1&#50", "ab\\u0063defJk12",
    "abcdef\\u004ak12", "&#97;b\\u0063&#x64;efJk12", "&#97;&#98;&#99;&#100;&#101;&#102;&#74;&#107;&#49;&#50;",
    "ab&#99;de%66Jk12", "ab&#99;\n&#100;efJk12",
], ids=["decimal", "hex", "hex-upper-x", "hex-lower", "hex-upper", "decimal-padded", "hex-padded",
        "decimal-no-semicolon", "first", "last", "last-no-semicolon", "json", "json-lower-hex", "mixed", "every",
        "with-percent-escape", "with-a-split"])
@pytest.mark.parametrize("place", ["https://api.example/cb?q={}&v=2", "error: sent {} back",
                                   '{{"errors": [{{"message": "invalid token {}"}}]}}',
                                   "<p>Bad token: <code>{}</code></p>"],
                         ids=["url", "text", "json-body", "html-body"])
def test_secrets30_a_secret_written_with_html_or_json_escapes_is_redacted(place: str, written: str) -> None:
    """A server may echo the token in an HTML error page ("&#99;" or "&#x63;" for "c") or a JSON message ("\\u0063"):
    the page or the answer read back says the secret, so every output, the kept body too, redacts it, and
    `carries_secret` finds it (before, only %-escapes were read through, and the body was kept with the token)."""
    r = Redactor(secrets=("abcdefJk12",))
    text = place.format(written)
    assert r.carries_secret(text)
    for redact in (r.url, r.text, r.page_url, r.shown):
        assert REDACTED in redact(text) and not r.carries_secret(redact(text)), (redact, text)
    kept = r.body(text.encode())
    assert REDACTED.encode() in kept and not r.carries_secret(kept.decode()), kept


@pytest.mark.parametrize("written", [
    "AAAAtest/token=xyz_1.2", "AAAAtest\\/token=xyz_1.2", "AAAAtest&sol;token&equals;xyz&lowbar;1&period;2",
    "AAAAtest&#x2F;token&#61;xyz_1.2", "AAAAtest&#37;2Ftoken&#x25;3Dxyz_1.2", "AAAAtest&percnt;2Ftoken%3Dxyz_1.2",
    "AAAAtest\\u002Ftoken\\u003dxyz_1.2", "AAAAtest\\u00252Ftoken%3Dxyz_1.2",
], ids=["decoded", "json-slash", "html-named", "html-numeric", "html-percent", "html-named-percent", "json-u",
        "json-percent"])
def test_secrets30_a_secret_issued_with_escapes_is_redacted_however_a_body_escapes_its_characters(written) -> None:
    """An X bearer token is issued with %-escapes ("%2F", "%3D"): a JSON answer may write its "/" as "\\/" (PHP's
    json_encode does) and an HTML page as "&#x2F;" or "&sol;" (OWASP's encoders do), or escape its "%" itself."""
    r = Redactor(secrets=(ESCAPED_SECRET,))
    for place in ('{{"detail": "token {} is not valid"}}', "<p>token {} is not valid</p>"):
        text = place.format(written)
        assert r.carries_secret(text), text
        assert r.text(text) == place.format(REDACTED) and r.body(text.encode()) == place.format(REDACTED).encode()


@pytest.mark.parametrize("text", [
    "ab&#100;defJk12", "ab&#x63defJk12", "ab&#991;defJk12", "ab\\u063defJk12", "ab&#x6;3defJk12", "ab&#99;defJk1",
    "ab&c;defJk12", "ab\\x63defJk12",
], ids=["another-letter", "hex-runs-on", "decimal-runs-on", "json-three-digits", "cut", "short", "not-a-reference",
        "not-json"])
def test_secrets30_what_an_html_or_json_escape_stands_for_is_read_as_a_reader_reads_it(text: str) -> None:
    """Only an escape a reader decodes to the secret's character counts: "&#x63def" is one character (hex runs on),
    "&#991;" is not "c" and "1", JSON's \\u takes four digits."""
    r = Redactor(secrets=("abcdefJk12",))
    assert r.text(text) == text and r.url(text) == text and not r.carries_secret(text)
    assert r.body(text.encode()) == text.encode()


def test_secrets30_a_logged_exceptions_traceback_and_stack_lose_the_secrets() -> None:
    """A record logged with its exception (asyncio's "Task exception was never retrieved", `logger.exception`) is
    formatted with the traceback, which quotes the exception's message (httpx's quote the URL, a token in its query):
    the message was redacted and the traceback written as it was. The stack (`stack_info`) too."""
    import logging

    from resolver.redact import redact_logs

    redact_logs(Redactor(secrets=("AAAA-test-token-123",)))
    formatted = []

    class Keep(logging.Handler):
        def emit(self, record):
            formatted.append(self.format(record))
    logger = logging.getLogger("some.library")
    handler = Keep()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        try:
            raise RuntimeError("GET https://api.example/cb?q=AAAA-test-token-123 failed (token AAAA-test-token-123)")
        except RuntimeError:
            logger.exception("request to %s failed", "https://api.example/")
        logger.info("where: AAAA-test-token-123", stack_info=True)
    finally:
        logger.removeHandler(handler)
    assert len(formatted) == 2 and "RuntimeError: GET https://api.example/cb?q=REDACTED failed" in formatted[0]
    assert "Stack (most recent call last)" in formatted[1]
    assert not [line for line in formatted if "test-token" in line], formatted


@pytest.mark.parametrize("written", [
    "https://t.me/tok3nholder9zq/416", "https://twitter.com/tok3nholder9zq/status/1600000000000000101",
    "https://bsky.app/profile/tok3nholder9zq.example/post/3kabc123xyz", "post tok3nholder9zq/416 is gone",
], ids=["telegram-channel", "x-handle", "bluesky-handle", "text"])
def test_a_secret_in_the_lower_case_the_tool_writes_names_in_is_redacted(written):
    """urlforms30 (#11): the tool writes a Telegram channel and a Bluesky handle in lower case in a post's id and
    canonical URL (each platform reads them in any case; a page may write an X handle so too). A configured key
    inside one was redacted as the page wrote it, and kept, printed and sent in lower case."""
    redactor = Redactor(secrets=("Tok3nHolder9ZQ",))
    assert "tok3nholder9zq" not in (redactor.url(written) if "://" in written else redactor.text(written))


X_LIKE = "AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiR"


@pytest.mark.parametrize(("text", "secret", "slow"), [
    ('{"title": "Bridge \\u002D Riverton"}', X_LIKE, False),           # a "-" the token has not: the fast patterns
    ("<p>Bridge &#45; Riverton, 5&#46;30pm</p>", X_LIKE, False),
    ("<p>Bridge &#45; Riverton</p>", "ia-secret-Zr7Tw4Yv0Bn", True),   # one it has: every form of its characters
    ('{"t": "\\u002d"}', "ia-secret-Zr7Tw4Yv0Bn", True),
    ("mail &#109;&#97;&#105;&#108;", X_LIKE, True),                     # "m", "a": letters of the token
    ("<p>&#x68;</p>", "tok3nHolder9ZQ", True),                          # "h": its lower-case form has it
    ("q=%2Dx", X_LIKE, False), ("q=%2Dx", "ia-secret-Zr7Tw4Yv0Bn", True),
    ("<p>&period;</p>", X_LIKE, False), ("<p>&period;</p>", "ia.secret.Zr7Tw4Yv0Bn", True),
], ids=["json-dash", "html-dash-dot", "html-dash-its-own", "json-dash-its-own", "letters", "lower-case-form",
        "percent-dash", "percent-dash-its-own", "named-period", "named-period-its-own"])
def test_review30r1_a_body_escaping_only_characters_no_secret_has_is_matched_with_the_fast_patterns(
        text: str, secret: str, slow: bool) -> None:
    """review30r1 (#14, #11): since secrets30 one HTML or JSON escape of any unreserved character (a JSON "\\u002D", an
    "&#46;") made the whole body be matched with every character of every secret a choice of its forms: a 20 MB page
    took 12.7 s to redact against 0.5 s. Only an escape of a character some secret (or its lower-case form) holds can
    be part of one of its forms: a body with none of those is matched with the fast patterns, and still redacted."""
    from resolver.redact import _escapes_unreserved

    assert _escapes_unreserved(text, (secret,)) is slow
    shown = Redactor(secrets=(secret,)).text(f"{text} key={secret}")
    assert secret not in shown and REDACTED in shown


# -- redact30 (#14): the same redactions, in time linear in the text ------------------------------------------------
def _tried_over(monkeypatch, secrets, text):
    """The characters the secrets' patterns were searched over (each search from where it started to where it may
    stop), redacting `text`: the work that grew with the text times how much of a secret's start matched."""
    from resolver import redact

    tried = [0]
    search = re.Pattern.search

    class Counting:
        def __init__(self, pattern):
            self.pattern = pattern

        def search(self, text, pos=0, endpos=None):
            tried[0] += (len(text) if endpos is None else min(endpos, len(text))) - pos
            return search(self.pattern, text, pos, len(text) if endpos is None else endpos)

        def match(self, *args):
            return self.pattern.match(*args)

    forms_re = redact._forms_re
    redact._text_patterns.cache_clear()
    try:
        with monkeypatch.context() as patched:
            patched.setattr(redact, "_forms_re", lambda *a, **k: Counting(forms_re(*a, **k)))
            shown = Redactor(secrets=secrets).text(text)
    finally:
        redact._text_patterns.cache_clear()
    return tried[0], shown


@pytest.mark.parametrize("echoed", [0, 1, 3], ids=["no-echo", "one-echo", "three-echoes"])
def test_redact30_a_body_of_escaped_letters_a_token_starts_with_is_searched_only_around_its_echoes(monkeypatch,
                                                                                                    echoed):
    """redact30 (#14): a hostile server answering 20 MB of "&#65;" ("A", which an X token starts with 21 times) took
    44-57 s to redact: the token's patterns were tried at each "&#65;" and matched 21 units there before failing.
    The text is now decoded once, and the patterns tried only in the pieces around where the decoded token is found:
    with no echo, nowhere; with echoes, around each, however long the body."""
    from resolver.redact import _PIECE

    escaped = "".join(f"&#{ord(c)};" for c in X_LIKE.replace("%2B", "+").replace("%3D", "="))
    for size in (200_000, 400_000):
        filler = "&#65;" * (size // 5 // (echoed + 1))
        text = filler + "".join(f" {escaped} {filler}" for _ in range(echoed))
        tried, shown = _tried_over(monkeypatch, (X_LIKE, "IAaccesskey0123456"), text)
        assert tried <= echoed * 4 * (_PIECE + len(escaped)), (size, tried)
        assert shown.count(REDACTED) == echoed and "&#77;&#76;&#104;" not in shown


SECRET_CASES = [
    "AAAAAAAAAAAAAAAAAAAAAFic%2FBe%3D0123%2Bplus%3D%3D",   # as X issues: 21 "A"s, escapes
    "IAaccess0123KEY9", "Ab0Ab0", "aaaaaaaa", "5abc65x", "x41AAAAAAAA", "Tok3nHolder9ZQ",
    "EAAB-marker.token_0123~4567", "ia secret/with+signs", "to%25ken99q", "abc%41def%2fghi", "41-zzzzzz",
]


def _unit_forms(unit):
    """Ways a text may write one unit of a secret (a character, or an escape of one), right or nearly right."""
    char = unit if len(unit) == 1 else chr(int(unit[-2:], 16))
    code = ord(char)
    forms = [char, char.lower(), unit, f"%{code:02X}", f"%25{code:02x}", f"&#{code};", f"&#{code}", f"&#00{code};",
             f"&#x{code:X};", f"&#X{code:x}", f"\\u{code:04x}", f"\\u{code:04X}", f"&#{code}5", f"&#x{code:X}A"]
    if len(unit) > 1:
        forms += [f"&#37;{unit[1:]}", f"&percnt;25{unit[1:]}", f"\\u0025{unit[1:]}", unit.lower()]
    if char == "/":
        forms += ["\\/", "&sol;"]
    if char == ".":
        forms += ["&period;"]
    return forms


SPLITS = ["\t", "\n", "\r\n", "%09", "%2520", "\\t", "\\u0009", "&#9;", "&#10", "&#x0A;", "&Tab;", "&NewLine;", " ",
          "+", "", "", ""]
NOISE = ["&", "#", ";", "%", "%2", "%25", "\\", "\\u00", "\\u004", "&#", "&#x", "&#x4", "&#6", "&#65", "&#655", "0",
         "5", "x", "A", "a", "4", "1", "F", " ", "\n", "&amp;", "&#x41", "%41", "-", "/", "&sol", "\\\\", "&percnt;"]


@st.composite
def secret_texts(draw):
    secrets = tuple(draw(st.lists(st.sampled_from(SECRET_CASES), min_size=1, max_size=3, unique=True)))
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(NOISE)))
            continue
        secret = draw(st.sampled_from(secrets))
        units = re.findall(r"%(?:25)*[0-9A-Fa-f]{2}|.", secret, re.DOTALL)
        first = draw(st.integers(0, 2)) if draw(st.booleans()) else 0
        last = len(units) - (draw(st.integers(0, 2)) if draw(st.booleans()) else 0)
        lower = draw(st.booleans())
        for unit in units[first:last]:
            form = draw(st.sampled_from(_unit_forms(unit.lower() if lower else unit)))
            parts.append(form + draw(st.sampled_from(SPLITS)))
    return secrets, "".join(parts)


def _redacted_everywhere(secrets, text):
    """The redaction as it was before redact30: each secret's patterns tried at every character (the oracle)."""
    from resolver.redact import _spans_everywhere

    pieces, done = [], 0
    for start, stop in sorted(_spans_everywhere(secrets, text)):
        if start > done or not pieces:
            pieces += [text[done:start], REDACTED]
        done = max(done, stop)
    return "".join(pieces) + text[done:]


@settings(max_examples=400, deadline=None)
@given(secret_texts())
@example((("5abc65x", "x41AAAAAAAA"), "&#65abc65x"))        # the "5" is read in "&#65" and as the secret's start
@example((("41-zzzzzz", "Ab0Ab0"), "&#x41-zzzzzz&#x41-zzzzzz"))
@example((("Tok3nHolder9ZQ", "aaaaaaaa"), "\\tok3n%09holder\\u0009&#57;zq"))
def test_redact30_decoding_once_finds_what_the_patterns_tried_everywhere_find(case):
    """redact30 (#14): the decoded text and the pieces around what is found in it give the same redaction as the
    patterns tried at every character, on texts made of a secret's units written every way a text may (escaped, in
    lower case, split), near-escapes that only look like them ("&#655", "&#x41A"), and noise."""
    from resolver import redact

    secrets, text = case
    for piece in (1, 5, redact._PIECE):   # pieces of a few characters: a secret's echo is in several
        with mock.patch.object(redact, "_PIECE", piece), mock.patch.object(redact, "_SHORT", 0):
            shown = Redactor(secrets=secrets).body(text.encode("latin-1")).decode("latin-1")
        assert shown == _redacted_everywhere(secrets, text), piece


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | st.text(alphabet="ab%&#;\\ \t\n5xX0u", max_size=5000))
def test_a_redactor_with_no_secret_answers_text_without_looking_for_one(text):
    """perf39 (#14): with no secret configured there is no occurrence to find, so free text is answered as it is,
    without the search for secrets' forms (its escapes, its blanks, its patterns: 15 us a call, twice an input file,
    for the progress key of every article a scan reads). The answer is the search's: the same text."""
    from resolver import redact

    assert redact._spans_everywhere((), text) == [] and redact._spans((), text) == []   # what the search finds
    expected = Redactor().text(text)
    if "://" not in text:
        assert expected == text
    with mock.patch.object(redact, "_spans", side_effect=AssertionError("looked for a secret")):
        assert Redactor().text(text) == expected
        assert NO_SECRETS.text(text) == expected
