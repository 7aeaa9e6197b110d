"""Secrets out of everything we keep: URLs, headers and messages, before they reach the database, a WARC, a log
or a report (#11).

Pure: no settings, no I/O. A `Redactor` knows the run's configured secrets (tokens and keys from the environment
or the config) and the names of query parameters that carry secrets anywhere on the web:

    >>> r = Redactor(secrets=("s3cr3t-token",))
    >>> r.url("https://graph.example/oembed?url=x&access_token=abc")
    'https://graph.example/oembed?url=x&access_token=REDACTED'
    >>> r.text("GET /p?q=s3cr3t-token failed")
    'GET /p?q=REDACTED failed'

A parameter keeps its name, so a reader still sees that a token was sent; only the value goes. Everything else in
the URL is left exactly as it was written (no re-encoding), so redacting an innocent URL changes nothing.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus, unquote, unquote_plus

from resolver.lazy import LazyPattern

REDACTED = "REDACTED"
# What is said of a URL that may hold REDACTED where a secret was (`Redactor.unknown`) instead of asking for it.
URL_NOT_KNOWN = ("withheld: not asked for: the URL was read with a secret redacted out of it (REDACTED), and the URL "
                 "it stands for is not known; what it would answer is not known")

# Query (and fragment) parameters whose value is a credential wherever they appear: OAuth and Graph API tokens,
# API keys, signed-URL signatures (AWS, Google Cloud), passwords.
SECRET_PARAMS = frozenset({
    "access_token", "token", "key", "api_key", "apikey", "api-key", "client_secret", "client_assertion",
    "app_secret", "appsecret_proof", "secret", "signature", "sig", "password", "passwd", "pwd", "auth",
    "refresh_token", "id_token", "bearer_token", "oauth_token", "oauth_signature", "session", "sessionid",
    "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential",
})
# The parameters of a redirect wrapper that carry its tracking or signing tokens, by the wrapper's host ("www." left
# out): they tie the link to the person who copied it (Facebook's link shim `h` and `__cft__[…]`, Google's redirect
# `ust`/`usg`/`ved`, Instagram's `e`, Tumblr's `t`, Reddit's `token`, YouTube's `redir_token`, Outlook Safe Links'
# `data`, holding the recipient's e-mail address, and `sdata`): never shown, logged or kept (fix47c #4, #11). Only
# on these hosts: elsewhere `t=` is a video's time and `e=` anything.
WRAPPER_TOKENS: dict[str, frozenset[str]] = {
    "l.facebook.com": frozenset({"h", "__cft__"}), "lm.facebook.com": frozenset({"h", "__cft__"}),
    "google.com": frozenset({"ust", "usg", "ved"}), "l.instagram.com": frozenset({"e"}),
    "t.umblr.com": frozenset({"t"}), "out.reddit.com": frozenset({"token"}),
    "youtube.com": frozenset({"redir_token"}), "m.youtube.com": frozenset({"redir_token"}),
}
SAFELINKS_SUFFIX = ".safelinks.protection.outlook.com"
SAFELINKS_TOKENS = frozenset({"data", "sdata"})
NO_TOKENS: frozenset[str] = frozenset()
# Request and response headers whose value is a credential or a session.
SECRET_HEADERS = frozenset({
    "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "x-auth-token",
    "x-csrf-token", "x-access-token",
})
URL_IN_TEXT = LazyPattern(r"""[a-zA-Z][a-zA-Z0-9+.-]*://[^\s"'<>]+""")
# Headers whose value is a URL, redacted as one.
URL_HEADERS = frozenset({"location", "content-location", "link", "refresh"})
# Settings fields holding secrets (resolver.settings.Settings); read by name so this module imports nothing.
SECRET_SETTINGS = ("x_bearer_token", "ia_access_key", "ia_secret_key", "meta_access_token")
# A configured secret shorter than this is not searched for in free text: replacing every "ab" in a message
# would garble it and protect nothing (no real token is that short). Exact parameter values are still matched.
# resolver.settings refuses a configured secret shorter than this (#11); only a Settings built by hand holds one.
MIN_TEXT_SECRET = 6
# A secret's decoded form (its escapes read as the characters they stand for: an X bearer token issued with "%2F" seen
# with "/") is looked for in free text only when it is at least this long, and so is any form shallower than the
# secret as written ("%2F" of a secret written "%25252F"). A real secret issued with escapes decodes long (an X bearer
# token to about 100 characters; no key we take is shorter than an IA key's 16), while one that decodes to a few
# characters is ordinary text: "https%3A%2F%2F" decodes to the start of every URL (#11). The secret as written, and
# encoded again, is redacted whenever it is MIN_TEXT_SECRET long; `carries_secret` looks for every form.
MIN_DECODED_SECRET = 16
# URLs a Redactor remembers the redacted form of (then it forgets them all and starts again): a resolved link's URLs
# are redacted about sixteen times on their way to the fetch log, the cache and the output (#14).
REMEMBERED_URLS = 4096
# A URL with nothing `Redactor._url` would look into or rewrite: a scheme, a host, no user part, query or fragment.
# Only the configured secrets are looked for in it (#14: most URLs a run meets, each redacted once before it is
# remembered).
PLAIN_URL = LazyPattern(r"[a-z][a-z0-9+.-]*://[^/@?#\s\x00-\x1f\x7f][^@?#\s\x00-\x1f\x7f]*\Z")
# A URL up to the end of its host, read as urlsplit reads it (leading spaces and controls, a scheme, "//" and the
# host part), with the tabs and line breaks urlsplit takes out left in place: `Redactor._url` keeps them.
URL_HEAD = LazyPattern(r"[\x00-\x20]*(?:[A-Za-z][A-Za-z0-9+.\-\t\r\n]*:)?(?:[\t\r\n]*/[\t\r\n]*/(?P<netloc>[^/?#]*))?")
# The characters urlsplit (and a WHATWG reader, a browser) takes out of a URL before reading it: a parameter's name
# is read without them.
STRIPPED_FROM_URLS = str.maketrans("", "", "\t\r\n")


def forms(secret: str) -> set[str]:
    """The plain forms of a configured secret: as written, encoded for a URL or a form, and decoded when it is written
    with percent escapes (an X bearer token is issued so: "...%2F...%3D"). Redaction finds each of them encoded again
    any number of times, its escapes in either case (`_forms_re`); the decoded one only when it is long enough."""
    found = {secret, quote(secret, safe=""), quote_plus(secret)}
    if "%" in secret:
        found.add(unquote(secret))
    return found


@functools.lru_cache(maxsize=128)
def _forms_re(secret: str, *, short_too: bool = True, escaped: bool = True, split: bool = True) -> re.Pattern[str]:
    """Any of the secret's `forms`, and each of them percent-encoded again any number of times, its escapes in either
    case: the secret read one unit at a time (a character, or an escape such as "%2F" or "%252F"), each unit as
    itself, decoded, or escaped at any depth ("/", "%2F", "%2f", "%252F", "%25252f"...). A token in a URL carried in
    a query parameter of a t.co or Wayback URL, carried again in a CDX query, is encoded two or three times, and an
    encoder may write lower-case hex (#11: "%252f" was left as it was).
    `short_too=False` (free text): no decoded form shorter than MIN_DECODED_SECRET, no escape shallower than written
    where that makes a form shorter than MIN_TEXT_SECRET.
    An ordinary character (RFC 3986's unreserved: letters, digits, "-._~") may be escaped too, at any depth, as any
    character may ("ab%63def" is "abcdef" to every server, secrets28); `escaped=False` leaves that out, for a text
    with no such escape (`_escapes_unreserved`): its runs of ordinary characters are then literal text the regex
    engine looks for quickly.
    Each character (of the secret or of a decoded form) may also be written as a body escapes it, an HTML character
    reference or a JSON escape (`_markup`: secrets30), and the "%" of an escape too ("&#37;2F").
    Between two units there may be whitespace (`_SPLIT`: secrets29); `split=False` leaves that out, for a text with
    none (`_splits`)."""
    units = _UNIT_RE.findall(secret)
    escapes = sum(len(unit) > 1 for unit in units)
    decoded = short_too or len(units) >= MIN_DECODED_SECRET
    shallower = short_too or len(units) + 2 * escapes >= MIN_TEXT_SECRET   # the shortest form with every escape
    # and in lower case: the tool writes names each platform reads in any case so (a Telegram channel, a Bluesky
    # handle in a post's id and canonical URL), and a key inside one was kept and sent so (urlforms30)
    written = [secret] if secret.lower() == secret else [secret, secret.lower()]
    return re.compile("|".join((_SPLIT if split else "").join(
        _unit(unit, decoded=decoded, shallower=shallower, escaped=escaped) for unit in _UNIT_RE.findall(form))
        for form in written))


# A unit of a secret: an escape, however many times its "%" was escaped again ("%2F", "%252F"), or one character.
_UNIT_RE = LazyPattern(r"%(?:25)*[0-9A-Fa-f]{2}|.", re.DOTALL)
# Characters no encoder needs to escape (RFC 3986's unreserved), though a writer may: matched only as themselves in a
# text with no escape of one (`_forms_re`'s `escaped`), so a secret's runs of them stay literal text.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


# An escape of an unreserved character, at any depth ("%63", "%2563" for "c"), or as an HTML character reference
# ("&#99;", "&#x63;", "&period;") or a JSON escape ("\\u0063"): rare in real text, where escapes are of "/", ":", "=",
# "&", quotes and spaces ("&#39;", "&#8217;", "\\u00e9"). A text with none is matched with `_forms_re(escaped=False)`:
# the same answer, at the old speed (secrets28: matched with every letter a choice, a page's body took ten times as
# long).
_UNRESERVED_HEX = r"(?:3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa]|2[DEde]|5[Ff]|7[Ee])"
_ESCAPED_UNRESERVED = (  # each with a string a text holds if it holds one: most texts are passed over at once
    ("%", LazyPattern(rf"%(?:25)*{_UNRESERVED_HEX}")),
    ("&", LazyPattern(r"&(?:#(?:0*(?:4[5689]|5[0-7]|6[5-9]|[78][0-9]|9[057-9]|1[01][0-9]|12[0-2]|126)(?![0-9])"
                      rf"|[Xx]0*{_UNRESERVED_HEX}(?![0-9A-Fa-f]))|period;|lowbar;|UnderBar;)")),
    ("\\u00", LazyPattern(rf"\\u00{_UNRESERVED_HEX}")),
)


# Whitespace a secret may be split by and still be read whole (secrets29): tabs and line breaks, which a URL reader (a
# browser, urlsplit) takes out of a URL, so "abc\tdef" is sent as "abcdef"; and whitespace percent-escaped at any
# depth ("%09", "%0A", "%20", "%2509"), which leaves the secret plain to whoever reads the URL or the log. And the
# same whitespace as the bodies the tool keeps write it (review29d): a JSON string's escape ("\\t", "\\u0009") and an
# HTML character reference ("&#9;", "&#x0A;", "&Tab;"), which the parsed answer reads as the raw character. Not a
# raw space or "+": in free text they part words, and no URL reader takes them out.
# (after its "%", "\\" and "&": `_escapes` puts them together by the character they start with)
_WHITESPACE_AFTER = {"%": r"(?:25)*(?:0[9AaBbCcDd]|20)", "\\": r"(?:[tnrf]|u00(?:0[9AaBbCcDd]|20))",
                     "&": r"#(?:0*(?:9|1[0-3]|32)(?![0-9])|[Xx]0*(?:[9AaBbCcDd]|20)(?![0-9A-Fa-f]));?|(?:Tab|NewLine);"}
_ESCAPED_WHITESPACE = "|".join(f"{re.escape(mark)}(?:{after})" for mark, after in _WHITESPACE_AFTER.items())
_WHITESPACE = rf"[\t\n\r\x0b\x0c]|{_ESCAPED_WHITESPACE}"
_SPLIT = rf"(?:[\t\n\r\x0b\x0c]|(?=[%\\&])(?:{_WHITESPACE}))*"   # a raw one, else the first character first
_SPLITS = LazyPattern(_WHITESPACE)
# The "%" of a secret's own escape ("%2F" of an X bearer token), as itself or as a body may escape it ("&#37;2F",
# "&percnt;2F", "\\u00252F": secrets30).
_PERCENT_AFTER = {"%": "", "&": r"#0*37(?:;|(?![0-9]))|#[Xx]0*25(?:;|(?![0-9A-Fa-f]))|percnt;", "\\": "u0025"}
_PERCENT = f"(?:{'|'.join(f'{re.escape(mark)}(?:{after})' for mark, after in _PERCENT_AFTER.items())})"


def _splits(text: str) -> bool:
    """Whether `text` holds whitespace that may split a secret (`_SPLIT`): when not, no secret's form in it is split,
    and its patterns are the quicker ones without it."""
    return _SPLITS.search(text) is not None


def _escapes_unreserved(text: str, secrets: tuple[str, ...] | None = None) -> bool:
    """Whether `text` holds an escape of an unreserved character: when not, no secret's form in it has one. Given
    `secrets`, only an escape of a character one of them holds counts: only those are forms of theirs (a JSON "\\u002D"
    made a 20 MB page take 25 times as long to redact of a token with no "-": review30r1)."""
    if not any(mark in text and escape.search(text) is not None for mark, escape in _ESCAPED_UNRESERVED):
        return False
    return secrets is None or _escapes_of(secrets).search(text) is not None


@functools.lru_cache(maxsize=32)
def _escapes_of(secrets: tuple[str, ...]) -> re.Pattern[str]:
    """Any escape (as `_unit` and `_markup` write them, or looser) of an unreserved character the secrets hold as
    themselves, in the case written or in lower case (`_forms_re`): the only ones `_forms_re(escaped=True)` adds."""
    chars = sorted({unit for secret in secrets for form in (secret, secret.lower()) for unit in _UNIT_RE.findall(form)
                    if len(unit) == 1 and unit in _UNRESERVED})
    found = [f"%(?:25)*{_hex(ord(c))}|&#0*{ord(c)}(?![0-9])|&#[Xx]0*{_hex(ord(c), 1)}(?![0-9A-Fa-f])"
             rf"|\\u{_hex(ord(c), 4)}" for c in chars]
    names = [name for c in chars for name in _html_names().get(c, ())]
    if names:
        found.append(f"&(?:{'|'.join(map(re.escape, names))})")
    return re.compile("|".join(found) or "(?!)")


def _unit(unit: str, *, decoded: bool, shallower: bool, escaped: bool = True) -> str:
    """The pattern of one unit of a secret: what it may be written as. An escape as the character it stands for only
    when `decoded`; escaped fewer times than written only when `shallower`; an unreserved character escaped only
    when `escaped`."""
    if len(unit) == 1 and unit in _UNRESERVED and not escaped:
        return re.escape(unit)
    depth = "*"
    if len(unit) == 1:
        data, literal = unit.encode(), unit
    else:   # an escape: the byte it stands for, at any depth; and that byte itself (a decoded form)
        data = bytes([int(unit[-2:], 16)])
        literal = chr(data[0]) if data[0] < 0x80 and decoded else ""
        depth = "*" if shallower else f"{{{(len(unit) - 3) // 2},}}"
    percent = _PERCENT if len(unit) > 1 else "%"   # a secret's own escape: its "%" as a body may write it too
    written = ["".join(f"{percent}(?:25){depth}{_hex(byte)}" for byte in data)]
    if literal:
        written[:0] = [re.escape(literal), *_markup(literal)]
    if literal == " ":   # form-encoded: "+", itself escaped when encoded again
        written += [r"\+", f"%(?:25)*{_hex(ord('+'))}"]
    return f"(?:{'|'.join(written)})"


def _hex(byte: int, digits: int = 2) -> str:
    """A byte's hex digits (at least `digits` of them), a letter in either case."""
    return "".join(f"[{d}{d.lower()}]" if d.isalpha() else d for d in f"{byte:0{digits}X}")


def _markup(char: str) -> list[str]:
    """The patterns of an ASCII character as the bodies the tool keeps may escape it, which the page or the answer
    read back says as the character (secrets30: a server echoing the token in an HTML error page or a JSON message):
    an HTML character reference, decimal or hex, padded with zeros, its ";" left out where a reader still ends it
    ("&#99;", "&#x63;", "&#0099", "&sol;"), and a JSON escape ("\\u0063", "\\/")."""
    code = ord(char)
    found = [rf"&#0*{code}(?:;|(?![0-9]))", rf"&#[Xx]0*{_hex(code, 1)}(?:;|(?![0-9A-Fa-f]))",
             rf"\\u{_hex(code, 4)}"]
    if char in '/"\\':
        found.append(re.escape("\\" + char))
    names = _html_names().get(char)
    if names:
        found.append(f"&(?:{'|'.join(sorted(map(re.escape, names), key=len, reverse=True))})")
    return found


@functools.lru_cache(maxsize=1)
def _html_names() -> dict[str, list[str]]:
    """HTML's named references of each ASCII character ("sol;" for "/"; "amp" and "amp;" for "&": a few old names
    are read without their ";")."""
    from html.entities import html5   # here: only a run with a secret set needs it

    names: dict[str, list[str]] = {}
    for name, value in html5.items():
        if len(value) == 1 and value < "\x80":
            names.setdefault(value, []).append(name)
    return names


@functools.lru_cache(maxsize=32)
def _text_patterns(secrets: tuple[str, ...], escaped: bool, split: bool) -> tuple[re.Pattern[str], ...]:
    """The patterns `Redactor.text` looks for: those of the secrets long enough to be looked for in free text;
    `escaped`: for a text with an unreserved character escaped, `split`: with whitespace (see `_forms_re`)."""
    return tuple(_forms_re(secret, short_too=False, escaped=escaped, split=split) for secret in secrets
                 if len(secret) >= MIN_TEXT_SECRET)


def _occurrences(pattern: re.Pattern[str], text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Where `pattern` matches in `text`, overlapping matches too: the search starts again one character after each
    match's start, not at its end. Given `start` and `stop`: the matches starting there, each as it matches in the
    whole text (the text cut at `stop` may match otherwise, a "(?![0-9])" seeing its end)."""
    found, at = [], start
    stop = len(text) if stop is None else stop
    while match := pattern.search(text, at, stop):
        whole = match if stop == len(text) else pattern.match(text, match.start())
        if whole is not None:
            found.append(whole.span())
        at = match.start() + 1
    return found


# -- finding the secrets in linear time (#14) -------------------------------------------------------------------------
# `_forms_re` says what counts as a secret's occurrence; tried at every character of a text, it cost time in proportion
# to the text times how far a secret's start matches there: 20 MB of "&#65;" against an X token, which starts with 21
# "A"s, took about 50 s. So a text is first decoded ONCE (`_Decoded`): each escape of a character a secret holds read
# as that character, whitespace that may split a secret (`_SPLIT`) taken out. A secret can only occur where its decoded
# form (`_needles`) is then found by str.find; the patterns are tried only in the stretches of the text around such a
# find (`_Decoded.windows`), and give exactly the occurrences they give tried everywhere.

# Characters a secret may be made of (as written or as its escapes decode) for it to be found so: none is part of an
# escape's syntax ("%", "&", "#", ";", "\\"), whitespace or a space, a quote a JSON string escapes, or has an HTML name
# read without ";" ("&lt"). A secret holding another is looked for with its patterns only, everywhere.
_DECODABLE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:=+!$'()*,@")
# Every escape the patterns may read a character from, and whitespace that may split a secret: `_Decoder` reads each
# of them once, from left to right, as `_forms_re`'s units and `_SPLIT` read them (the percent escapes first, with
# the "%" as a body may escape it: "&#37;2F"; then whitespace; then references and JSON escapes of any code).
_TOKEN = LazyPattern(
    rf"(?P<split>{_ESCAPED_WHITESPACE})"
    rf"|{_PERCENT}(?:25)*(?P<percent>[0-9A-Fa-f]{{2}})"
    r"|&#0*(?P<decimal>[0-9]+)(?:;|(?![0-9]))"
    r"|&#[Xx]0*(?P<hex>[0-9A-Fa-f]+)(?:;|(?![0-9A-Fa-f]))"
    r"|\\u(?P<json>[0-9A-Fa-f]{4})"
    r"|\\(?P<solidus>/)"
    r"|&(?P<name>[A-Za-z][A-Za-z0-9]*;?)")
# Where a text may be cut for `_Decoded` without cutting an escape (or what decides where one ends): before a
# character no escape goes on with.
_CUT = LazyPattern(r"[^0-9A-Za-z#;/\"]")
# Characters of text `_Decoded` decodes at a time: an occurrence is looked for with its patterns in the pieces around
# it only.
_PIECE = 16_384
# A text shorter than this (a URL, a log line, a header) is searched with the patterns directly: quicker than decoding
# it, and however hostile it is, a short text takes a short time (4 KB of "&#65;" about 10 ms).
_SHORT = 4096
# A secret whose decoded form, less what may hide in an escape before it (`_needles`), is shorter than this is looked
# for with its patterns everywhere: a few characters would be found all over a text.
_MIN_NEEDLE = 6


@functools.lru_cache(maxsize=32)
def _decodables(secrets: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, list[str] | None], frozenset[str]]:
    """The secrets long enough to be looked for in free text, each one's `_decodable` forms, and every character
    those hold."""
    secrets = tuple(secret for secret in secrets if len(secret) >= MIN_TEXT_SECRET)
    forms = {secret: _decodable(secret) for secret in secrets}
    return secrets, forms, frozenset(char for decoded in forms.values() for form in decoded or () for char in form)


def _decodable(secret: str) -> list[str] | None:
    """The secret as written and in lower case (`_forms_re`), each decoded: its escapes read as the characters they
    stand for. None when a character of one is not `_DECODABLE`."""
    written = [secret] if secret.lower() == secret else [secret, secret.lower()]
    decoded = ["".join(unit if len(unit) == 1 else chr(int(unit[-2:], 16)) for unit in _UNIT_RE.findall(form))
               for form in written]
    return decoded if all(set(form) <= _DECODABLE for form in decoded) else None


class _Decoder(dict[str, str]):
    """What each escape `_TOKEN` finds stands for in a decoded text: the character, when a secret holds it; nothing
    (whitespace that may split a secret); or the escape as written. Each escape is read once per text; `longest` is the
    length of the longest one read as a character or as nothing (a secret may start inside it: `_needles`);
    `splits`, whether the texts decoded held whitespace that may split a secret (`_splits`: the same answer, with no
    second look at the text)."""

    def __init__(self, chars: frozenset[str]) -> None:
        super().__init__()
        self.chars = chars
        self.longest = 1
        self.splits = False

    def __missing__(self, token: str) -> str:
        read = self[token] = self._read(token)
        if read != token:
            self.longest = max(self.longest, len(token))
        return read

    def _read(self, token: str) -> str:
        found = _TOKEN.fullmatch(token)   # as it matched in the text: what decides where one ends is not a letter
        assert found is not None and found.lastgroup is not None
        kind = found.lastgroup
        value = found[kind]
        if kind == "split":
            self.splits = True
            return ""
        if kind in ("decimal", "hex", "json", "percent"):
            code = int(value[-8:], 10 if kind == "decimal" else 16) if len(value.lstrip("0")) <= 8 else 0x80
            char = chr(code) if code < 0x80 else ""
        else:
            char = value if kind == "solidus" else _html_characters().get(value, "")
        return char if char in self.chars else token

    def decode(self, text: str) -> str:
        """`text` decoded (see the class)."""
        if "&" in text or "%" in text or "\\" in text:
            # raw whitespace is no part of an escape: taken out after, with no call for each line break
            text = _escapes(self.chars).sub(lambda run: self[run["token"]] * (len(run[0]) // len(run["token"])), text)
        decoded = text   # str.translate reads a text with a non-ASCII character twenty times slower
        for space in "\t\n\r\x0b\x0c":
            decoded = decoded.replace(space, "")
        self.splits = self.splits or len(decoded) < len(text)
        return decoded


@functools.lru_cache(maxsize=32)
def _escapes(chars: frozenset[str]) -> re.Pattern[str]:
    """The escapes `_TOKEN` finds that `_Decoder` reads as a character of `chars` or as nothing, and nothing else: the
    others are left as written, and no escape starts inside one (none holds "%", "&" or "\\" but at its start), so the
    decoded text is the same, with no call for each "&amp;" or "%20" of a page. A run of one escape written again and
    again ("&#65;&#65;…") is one match: the escape is the same each time when nothing that could make it go on
    follows it. Its alternatives are put together by their first character ("%", "&", "\\"), in `_TOKEN`'s order:
    the regex engine then passes over every other character at once."""
    codes = sorted((ord(char) for char in chars), key=lambda code: -len(str(code)))
    percent = f"(?:25)*(?:{'|'.join(_hex(code) for code in codes)})"
    after: dict[str, list[str]] = {mark: [whitespace] for mark, whitespace in _WHITESPACE_AFTER.items()}
    for mark, escaped in _PERCENT_AFTER.items():
        after[mark].append(f"(?:{escaped}){percent}")
    after["&"] += [rf"#0*(?:{'|'.join(map(str, codes))})(?:;|(?![0-9]))",
                   rf"#[Xx]0*(?:{'|'.join(_hex(code, 1) for code in codes)})(?:;|(?![0-9A-Fa-f]))"]
    after["\\"].append(f"u00(?:{'|'.join(_hex(code) for code in codes)})")
    if "/" in chars:
        after["\\"].append("/")
    # only names ending in ";" (`_DECODABLE` has no character with another): each ends where `_TOKEN`'s does
    names = sorted((name for name, char in _html_characters().items() if char in chars), key=len, reverse=True)
    assert all(name.endswith(";") for name in names)
    if names:
        after["&"].append(f"(?:{'|'.join(map(re.escape, names))})")
    token = "|".join(f"{re.escape(mark)}(?:{'|'.join(found)})" for mark, found in after.items())
    return re.compile(rf"(?P<token>{token})(?:(?P=token)(?![0-9A-Za-z;#]))*")


@functools.lru_cache(maxsize=1)
def _html_characters() -> dict[str, str]:
    """HTML's named references of ASCII characters, by name ("sol;": "/"), as `_markup` reads them."""
    return {name: char for char, names in _html_names().items() for name in names}


def _needles(decoded: list[str], longest: int) -> list[tuple[str, int]]:
    """What a decoded text holds wherever a secret (`decoded`: `_decodable`) occurs, and how many of its characters
    may come before that in the text: its decoded form, less its first characters where they may be read inside an
    escape before it (in "&#65abc…" the patterns find "5abc…" from the "5" of "&#65", which `_Decoder` reads as
    "A"): no more than the longest escape decoded, and only letters and digits."""
    found = []
    for form in decoded:
        ahead = min(longest - 1, len(form) - len(form.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                             "0123456789")))
        found.append((form[ahead:], ahead))
    return found


def _spans(secrets: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """Where the secrets long enough to be looked for in free text occur in `text` (`_forms_re`), as
    `_spans_everywhere` finds them, in time linear in the text."""
    if len(text) < _SHORT:
        return _spans_everywhere(secrets, text)
    long, forms, chars = _decodables(secrets)
    decoder = _Decoder(chars)
    decoded = _Decoded(text, decoder) if chars else None
    slow, found = [], []
    for secret in long:
        decodable = forms[secret]
        needles = _needles(decodable, decoder.longest) if decodable is not None else []
        if decoded is None or not needles or min(len(needle) for needle, _ in needles) < _MIN_NEEDLE:
            slow.append(secret)
        elif any(needle in decoded.text for needle, _ in needles):
            found.append((secret, needles))
    spans = _spans_everywhere(tuple(slow), text, secrets) if slow else []
    if found:
        assert decoded is not None
        escaped, split = _escapes_unreserved(text, secrets), decoder.splits
        for secret, needles in found:
            pattern = _forms_re(secret, short_too=False, escaped=escaped, split=split)
            for start, stop in decoded.windows(needles):
                spans += _occurrences(pattern, text, start, stop)
    return spans


class _Decoded:
    """A text decoded (`_Decoder`) piece by piece: cut where no escape is cut (`_CUT`) into pieces of about _PIECE
    characters, so that a place in the decoded text is known to be in a piece of the text."""

    def __init__(self, text: str, decoder: _Decoder) -> None:
        self.cuts = [0]
        while self.cuts[-1] < len(text):
            cut = _CUT.search(text, self.cuts[-1] + _PIECE)
            self.cuts.append(cut.start() if cut is not None else len(text))
        pieces = [decoder.decode(text[start:stop]) for start, stop in zip(self.cuts, self.cuts[1:])]
        self.starts = list(itertools.accumulate(map(len, pieces), initial=0))
        self.text = "".join(pieces)

    def windows(self, needles: list[tuple[str, int]]) -> list[tuple[int, int]]:
        """The stretches of the text (start, stop) a secret's patterns are tried in: the pieces holding a needle
        found, or what may come before it (`_needles`), and a piece either side of those."""
        stretches: list[tuple[int, int]] = []
        for needle, ahead in needles:
            at = self.text.find(needle)
            while at >= 0:
                first = max(bisect.bisect_right(self.starts, max(at - ahead - 1, 0)) - 2, 0)
                last = min(bisect.bisect_right(self.starts, at + len(needle)), len(self.cuts) - 1)
                stretches.append((self.cuts[first], self.cuts[last]))
                at = self.text.find(needle, at + 1)
        merged: list[tuple[int, int]] = []
        for start, stop in sorted(stretches):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
            else:
                merged.append((start, stop))
        return merged


def _spans_everywhere(secrets: tuple[str, ...], text: str,
                      every: tuple[str, ...] | None = None) -> list[tuple[int, int]]:
    """Where the secrets long enough to be looked for in free text occur in `text`: each secret's patterns tried at
    every character (the patterns `every` secret of the redactor's escapes in the text call for). What `_spans` finds
    (the tests hold the two to the same answer), in time that grows with the text times how much of a secret's start
    is matched at each character."""
    patterns = _text_patterns(secrets, _escapes_unreserved(text, every or secrets), _splits(text))
    return [span for pattern in patterns if pattern.search(text) for span in _occurrences(pattern, text)]


def _wrapper_tokens(netloc: str) -> frozenset[str]:
    """The token parameters of the redirect wrapper on this host (`WRAPPER_TOKENS`), none for any other host."""
    host = netloc.rpartition("@")[2].partition(":")[0].lower().rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    return WRAPPER_TOKENS.get(host) or (SAFELINKS_TOKENS if host.endswith(SAFELINKS_SUFFIX) else NO_TOKENS)


def secrets_of(settings: object) -> tuple[str, ...]:
    """The configured secrets of a Settings object (those that are set)."""
    return tuple(value for name in SECRET_SETTINGS if isinstance(value := getattr(settings, name, None), str) and value)


@dataclass(frozen=True)
class Redactor:
    """Redacts URLs, headers and text for one run. `secrets`: the run's configured secret values."""

    secrets: tuple[str, ...] = ()
    # What it was asked to redact (by `url` and `text`, which `headers` calls), when a list is given, and what a
    # redactor with no secret answers where that is another text: resolver.memo keeps no memo of steps that showed it
    # a secret, or anything the line they print does not show (#14). The answer too: a secret can change an answer
    # without being in the text, only in that answer ("REDACTED&v=2" after `?token=x&v=2`).
    seen: list[str] | None = field(default=None, compare=False, repr=False)
    _urls: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def for_settings(cls, settings: object) -> Redactor:
        return cls(secrets=secrets_of(settings))

    def url(self, url: str) -> str:
        """The URL with secret parameter values (query and fragment), a password in its user part, and any
        configured secret replaced by REDACTED. Not a URL (no scheme or host): redacted as text."""
        if self.seen is not None:
            self._saw(url, NO_SECRETS.url)
        redacted = self._urls.get(url)
        if redacted is None:
            if len(self._urls) >= REMEMBERED_URLS:
                self._urls.clear()
            redacted = self._urls[url] = self._values(url) if PLAIN_URL.match(url) else self._url(url)
        return redacted

    def unknown(self, url: str) -> bool:
        """Whether `url`, read from an answer (redacted before it is read: #11), may be one redaction made: a secret
        is set and it holds REDACTED. The URL it stands for is then not known, and asking for it asks for a URL that
        never existed (secrets29: a post's photo at …/FjRivertREDACTED.jpg, the key being "onBridge"). A URL the
        page or the user gave is known, whatever it holds: the caller asks this only of the others."""
        return bool(self.secrets) and REDACTED in url

    def page_url(self, url: str) -> str:
        """A URL a page gives, kept and printed as its content (a credited image's src): as written, unless it
        carries a configured secret; then with that secret's occurrences replaced (#11: a credited image's URL
        carrying the token was kept and printed in full). The same URL always gives the same answer, so what is keyed
        on it (the media row, the credit's image facts) still meets. A page's own signed URLs (a CDN's `signature=`)
        are its content, not our secret: kept, so the image can still be found, and two URLs that differ only there
        stay apart (review27a #3: redacted as `url` does, both had one form, and one image was checked for both
        credits). A form only `url` finds (a value decoded from a parameter) falls back to it."""
        if not self.secrets or not self.carries_secret(url):
            return url
        redacted = self._values(url)
        return redacted if not self.carries_secret(redacted) else self.url(url)

    def _url(self, url: str) -> str:
        # Split where urlsplit splits, but in the URL as it was written: urlsplit takes out tabs and line breaks,
        # lower-cases the scheme and drops an empty "?", and the URL recorded and printed was then one nobody asked
        # for (odds28: `resolve "https://t.co/ab\ncd"` said https://t.co/abcd, the request refused being for ab\ncd).
        # A parameter's name is still read without them, as a reader that strips them (a browser) would send it.
        head = URL_HEAD.match(url)
        assert head is not None   # every part of the pattern may be empty
        stop = head.end()
        start = head.start("netloc") if head.group("netloc") is not None else stop
        netloc = url[start:stop]
        if "@" in netloc:
            userinfo, _, host = netloc.rpartition("@")
            if ":" in userinfo:
                netloc = f"{userinfo.split(':', 1)[0]}:{REDACTED}@{host}"
        rest, hash_, fragment = url[stop:].partition("#")
        path, mark, query = rest.partition("?")
        tokens = _wrapper_tokens(netloc)
        return self._values(url[:start] + netloc + path + mark + self._params(query, tokens) + hash_
                            + self._params(fragment, tokens))

    def _params(self, query: str, tokens: frozenset[str] = NO_TOKENS) -> str:
        if "=" not in query:
            return query
        parts = []
        for part in query.split("&"):
            name, eq, value = part.partition("=")
            said = unquote_plus(name).translate(STRIPPED_FROM_URLS).strip().lower() if eq and value else ""
            if eq and value and (said in SECRET_PARAMS or unquote_plus(value) in self.secrets
                                 or tokens and said.partition("[")[0] in tokens):
                part = f"{name}={REDACTED}"
            elif eq and ("://" in value or "%3a%2f%2f" in value.lower()):
                # a URL carried in a parameter (a CDX or availability query's url=): its own secrets redacted too
                inner = unquote_plus(value)
                redacted = self.url(inner)
                if redacted != inner:
                    part = f"{name}={quote_plus(redacted, safe='')}"
            parts.append(part)
        return "&".join(parts)

    def form(self, data: bytes) -> bytes:
        """A form-encoded body (a POST's, kept in a WARC request record): its parameters redacted as a URL's query is
        (a secret parameter's value, a URL carried in one), and every configured secret, as `text` finds them."""
        text = data.decode("latin-1")
        redacted = self._values(self._params(text))
        return data if redacted == text else redacted.encode("latin-1")

    def text(self, text: str) -> str:
        """Free text (an error message, a log line): the URLs in it redacted as URLs, and every configured secret
        replaced, as written, encoded for a URL or a form any number of times, or decoded (MIN_TEXT_SECRET and
        MIN_DECODED_SECRET say when a form is too short to be looked for)."""
        if self.seen is not None:
            self._saw(text, NO_SECRETS.text)
        if "://" in text:
            text = URL_IN_TEXT.sub(lambda m: self.url(m.group(0)), text)
        return self._values(text)

    def body(self, data: bytes) -> bytes:
        """A response body with every configured secret in it redacted, as `text` finds them: a server may send the
        token back (an error quoting the request, a link carrying it), and a body is kept in the database and the
        WARC (#11). Read byte for byte (latin-1: secrets are ASCII), so every other byte stays as it was; query
        parameters are not rewritten (a page's links are its content, and carry no secret of ours unless one is
        configured)."""
        if not self.secrets:
            return data
        text = data.decode("latin-1")
        redacted = self._values(text)
        return data if redacted is text else redacted.encode("latin-1")

    def _saw(self, text: str, plain: Callable[[str], str]) -> None:
        """`text` asked, into `seen`, and what a redactor with no secret answers for it where that is not the same."""
        assert self.seen is not None
        self.seen.append(text)
        if (answer := plain(text)) != text:
            self.seen.append(answer)

    def _values(self, text: str) -> str:
        # Every character of every occurrence of every secret goes, each run of them one REDACTED. Replaced one secret
        # after the other, an occurrence overlapping another (the end of one the start of the next, two IA keys
        # printed back to back; or of the same secret) was no longer whole once the first was gone, and its rest was
        # kept (#11).
        if not self.secrets:   # nothing to find: not searched for (perf39, #14: 15 us a call, twice an input file)
            return text
        spans = _spans(self.secrets, text)
        if not spans:
            return text
        pieces: list[str] = []
        done = 0   # done: where the text not yet copied or redacted starts
        for start, stop in sorted(spans):
            if start > done or not pieces:
                pieces += [text[done:start], REDACTED]
            done = max(done, stop)
        return "".join(pieces) + text[done:]

    def shown(self, text: str) -> str:
        """Text a page or a source gave, kept and printed as its content (an embed's text or handle, a credit's
        words, a quote): as written, unless it carries a configured secret; then redacted as `text` redacts. Its own
        signed URLs and `token=` parameters are its content, not our secret: kept (as `page_url` keeps them)."""
        return self.text(text) if self.carries_secret(text) else text

    def shown_json(self, value: Any) -> Any:
        """A JSON value a source gave (a post as its answer and the cache hold it), every string in it as `shown`
        shows it. A post cached before a key was set names its author as the source did: a report made with the key
        set printed the key in the post's handle and URLs, and compared them with the embed's redacted ones
        (review28c #1). The value itself when nothing in it carries a secret (no copy), at once with no secret set."""
        if not self.secrets:
            return value
        if isinstance(value, str):
            return self.shown(value)
        if isinstance(value, dict):
            shown = {key: self.shown_json(item) for key, item in value.items()}
            return value if all(shown[key] is item for key, item in value.items()) else shown
        if isinstance(value, (list, tuple)):
            items = [self.shown_json(item) for item in value]
            return value if all(a is b for a, b in zip(items, value)) else type(value)(items)
        return value

    def carries_secret(self, text: str) -> bool:
        """Whether `text` holds a configured secret in a form redaction would find: one of its `forms`, encoded again
        any number of times, escapes in either case (as `_values` finds them), in the text as it is or percent-decoded
        any number of times (a query value `_params` decodes, a URL carried in one). False at once with no secret
        set: the one check of "does this show a secret" (memos, the scan's page text, the report's quotes).
        Secrets and forms of any length, unlike `text`: a short one found by chance only makes this say yes (#14)."""
        # decoded, a text with none shows none: decoding makes no new "%", and whitespace only from its escapes
        escaped, split = _escapes_unreserved(text, self.secrets), _splits(text)
        for secret in self.secrets:
            found = _forms_re(secret, escaped=escaped, split=split)   # what `_values` replaces, short forms too
            seen = text
            while not found.search(seen):
                decoded = unquote_plus(seen)
                if decoded == seen:
                    break
                seen = decoded
            else:
                return True
        return False

    def headers(self, headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
        """Header pairs with credential headers' values replaced (names kept), URLs in Location and the like
        redacted as URLs (a redirect may carry a token back), and configured secrets removed from the rest."""
        pairs = headers.items() if isinstance(headers, Mapping) else headers
        return [(name, self._header(name.lower(), value)) for name, value in pairs]

    def _header(self, name: str, value: str) -> str:
        if name in SECRET_HEADERS:
            return REDACTED
        return self.url(value) if name in URL_HEADERS else self.text(value)


NO_SECRETS = Redactor()


_LOGGED: list[Redactor] = []


class _RedactingRecords:
    """A log record factory that redacts each record's message, wrapping the factory that was there."""

    def __init__(self, make: Callable[..., logging.LogRecord]) -> None:
        self.make = make

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.make(*args, **kwargs)
        # One redactor with the secrets of every run: one after the other, a secret of one run overlapping one of
        # another left part of it (#11).
        redactor = _logged(tuple(secret for known in _LOGGED for secret in known.secrets))
        if record.exc_info and not record.exc_text:
            # the traceback a handler writes after the message quotes the exception's own (httpx's quote the URL):
            # formatted here, redacted, where every formatter takes it from (secrets30)
            record.exc_text = redactor.text(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = redactor.text(record.stack_info)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):   # a malformed call: leave it for logging to report
            return record
        clean = redactor.text(message)
        if clean != message:
            record.msg, record.args = clean, None
        return record


def said(text: str) -> str:
    """`text` as printed where no run's redactor is at hand (a table line or an error line made from a result): the
    secrets of every run of the process redacted, and secret parameters of URLs, as log records are (review26b: a
    credited image's URL carrying the token was printed in full)."""
    return _logged(tuple(secret for known in _LOGGED for secret in known.secrets)).text(text)


@functools.lru_cache(maxsize=4)
def _logged(secrets: tuple[str, ...]) -> Redactor:
    """The redactor of log records while these are the secrets of the runs so far (it remembers the URLs it saw)."""
    return Redactor(secrets=secrets)


def redact_logs(redactor: Redactor) -> None:
    """Redact every log record from now on, whoever logs it (httpx logs each request's URL at INFO, tweepy its
    headers at DEBUG): the message is redacted as text, with this redactor's secrets too.

    Logging belongs to the process, and so does this: one record factory, installed once, that knows the secrets
    of every run so far."""
    if redactor.secrets and redactor not in _LOGGED:
        _LOGGED.append(redactor)
    if not isinstance(logging.getLogRecordFactory(), _RedactingRecords):
        logging.setLogRecordFactory(_RedactingRecords(logging.getLogRecordFactory()))
