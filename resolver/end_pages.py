"""What a link's end page says of itself: a parked domain's "for sale" page (or a lapsed domain's page whose only
content is a script sending to a parking service's lander), an interstitial ("you are leaving", "this link may be
unsafe", "this link has been flagged", a shortener's preview) and the links it names, a sign-in page, or a page with
no text but a script sending the reader on. Pure: a page's bytes in, a reading out.

Read only from a small page (its whole body within the first 64 KiB a hop's refresh is looked for in): parking pages
and notices are a few KiB, and an article that quotes such words is a whole article, no such page (resolution36, #13).
The words say a page *may* be one: a link's end read so is `unsure`, never `gone`.
"""

from __future__ import annotations

import re
from html import unescape
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

# Words (lower case) of the pages parking services and registrars serve for a domain that is for sale or lapsed, and
# the hosts of those services, which their pages load or link (Sedo, Bodis, ParkingCrew, Afternic, Dan, HugeDomains).
PARKED_WORDS = ("this domain is for sale", "this domain may be for sale", "domain name is for sale",
                "buy this domain", "this domain is parked", "domain parked free", "parked free, courtesy of",
                "this domain has expired", "domain name has expired", "sedoparking.com", "bodis.com",
                "parkingcrew.net", "afternic.com", "dan.com/buy-domain", "hugedomains.com")
# The same pages' words in the other languages the project reads (German, French, Spanish, Italian, Portuguese,
# Dutch), lower case, as they are written (accents and all): matched in the page's words (entities read, capitals
# lowered), read only for a page whose bytes hold one of PARKED_ELSEWHERE_STEMS (their sale words' ASCII part).
PARKED_WORDS_ELSEWHERE = ("diese domain steht zum verkauf", "diese domain ist zu verkaufen", "diese domain kaufen",
                          "domain steht zum verkauf", "ce domaine est à vendre", "ce nom de domaine est à vendre",
                          "ce domaine est en vente", "ce domaine a expiré", "este dominio está a la venta",
                          "este dominio está en venta", "este dominio se vende", "questo dominio è in vendita",
                          "il dominio è in vendita", "este domínio está à venda",
                          "este domínio está a venda", "este domínio está disponível para venda",
                          "dit domein is te koop", "deze domeinnaam is te koop", "dit domein kopen")
# French "domaine" is an estate too: a wine estate's page says "ce domaine est à vendre". Those words count only on a
# page naming its own domain, or "nom de domaine", as a registrar's does (review39c).
DOMAINE_WORDS = frozenset(w for w in PARKED_WORDS_ELSEWHERE if w.startswith("ce domaine"))
PARKED_ELSEWHERE_STEMS = (b"verkauf", b"kaufen", b"vendre", b"vente", b"expir", b"venta", b"vende", b"vendita",
                          b"venda", b"te koop", b"kopen")
# Words of the notices a shortener or a site shows before it lets a reader go on (t.co's "this link may be unsafe",
# Google's "redirect notice", a site's "you are leaving"); none that a story says in passing ("continue to").
NOTICE_WORDS = ("you are leaving", "you're leaving", "you are now leaving", "you are about to leave",
                "this link may be unsafe", "redirect notice", "this link leads to", "this link will take you to",
                "you are being redirected to", "link preview", "this link has been flagged",
                "this link has been disabled", "this link has been blocked", "flagged as potentially harmful")
# The sites of parking services and domain marketplaces: a lapsed domain's page that sends a reader there (a refresh,
# a script) is a parking page, whatever it says (resolution37: a script-only lander read as a live end).
PARKING_SITES = frozenset({"sedoparking.com", "sedo.com", "bodis.com", "parkingcrew.net", "afternic.com",
                           "hugedomains.com", "dan.com", "above.com", "parklogic.com", "undeveloped.com"})
# A parking service's lander on the lapsed domain itself: `window.location.href = "/lander"` (the page GoDaddy's and
# others' parked domains serve first).
LANDER_PATH = re.compile(r"/lander\b", re.IGNORECASE)
# A script setting where the page goes (`location.replace`, which next_hop follows, aside): `window.location.href =
# "..."`, `location = '...'`, `location.assign("...")`.
SCRIPT_TO_RE = re.compile(r"""\blocation(?:\.href)?\s*=\s*["']([^"'\s]+)["']|\blocation\.assign\(\s*["']([^"'\s]+)["']""")
# A page with no more readable text than this (a "Redirecting..." line) and a script setting where it goes has shown
# nothing of its own: its end was not seen.
SCRIPT_ONLY_TEXT = 100
# A sign-in page's title words, and its password field: a login wall a link was redirected to (resolution37).
SIGN_IN_TITLE = re.compile(r"\b(?:sign[ -]?in|log[ -]?in|login|log on)\b", re.IGNORECASE)
# The same in German, French, Spanish, Italian, Portuguese and Dutch: a title's whole part ("Anmelden | Zeitung",
# "Accedi - Giornale") or its opening with where to, a name ("Entrar no Facebook", "Inloggen bij X"), never a word inside a
# headline ("Cómo entrar a Chile", "Wie Sie sich anmelden"): those words say more than signing in does. A colon after
# them opens a headline, no title part ("Connexion : la fibre arrive…", "Anmelden: So klappt die Briefwahl"), and
# where to is a capitalised name of a word or two ending the part, not a headline's words ("Entrar na NATO: Suécia…",
# "Entrar em vigor…", "Connexion au réseau…", "Aanmelden bij de huisarts…": review39c, short pages read as walls).
_TITLE_PART = r"(?:^|[|–—·•:]\s*|\s-\s*)"
_PART_END = r"\s*(?:$|[|–—·•]|[-/]\s)"
_NAMED = r"(?-i:[A-ZÀ-ÖØ-Þ])[^\s|–—·•:]*"
# or one's account: "Connexion à votre compte", "Entrar na conta", "Anmelden bei Ihrem Konto"
_ACCOUNT = (r"(?:(?:votre|ton|mon|le|su|tu|mi|la|a|sua|seu|ihrem|deinem|ihr|dein|je|uw|il|tuo|vostro)\s+)?"
            r"(?:compte|cuenta|conta|konto|account|profilo|profiel)")
SIGN_IN_TITLE_ELSEWHERE = re.compile(
    _TITLE_PART + r"(?:anmelden|einloggen|se connecter|connexion|identifiez-vous|iniciar sesión|inicia sesión"
    r"|iniciar sesion|accedi|accesso|entrar|iniciar sessão|inloggen|aanmelden)"
    r"(?:\s+(?:bei|à|au|su|no|na|em|en|bij|op)\s+" + _NAMED + r"(?:\s+" + _NAMED + r")?"
    r"|\s+(?:bei|à|au|su|no|na|em|en|a|bij|op|in)\s+" + _ACCOUNT + r")?" + _PART_END, re.IGNORECASE)
# A sign-in page's address: its path's last part (Facebook's /login.php, Instagram's /accounts/login/, X's
# /i/flow/login, LinkedIn's /authwall, a site's /signin?return_to=).
SIGN_IN_PATH = re.compile(r"/(?:log-?in|sign-?in|sign_in|logon|authwall|anmelden|einloggen|connexion|se-connecter"
                          r"|iniciar-sesion|iniciar_sesion|accedi|entrar|inloggen|aanmelden)(?:\.(?:php|html?|aspx?|jsp))?/?\Z", re.IGNORECASE)
TITLE_RE = re.compile(rb"<title\b[^>]*>([^<]*)</title", re.IGNORECASE)
PASSWORD_FIELD = re.compile(rb"""<input\b[^>]*\btype\s*=\s*["']?password\b""", re.IGNORECASE)
# U+212A KELVIN SIGN in UTF-8: of every character, the only one but the ASCII capitals that lowers to an ASCII letter
# (review37d: "parKed" written with it was a parked page's words when the text was lowered, none in the bytes)
KELVIN = "\u212a".encode("utf-8")
MAX_PAGE = 65536   # a page larger than this is read as no such page (resolve.REFRESH_WINDOW)
# More readable characters than this (a page's body without scripts, styles, its header, nav and footer: readable.py)
# and the page is a story, no parking page or notice, whatever words it quotes (review37a: a text-only story quoting
# "you are leaving", or a site's hidden exit-notice box, read as a notice, the one post it linked its likely end).
# A notice or a parking page is a line or a few: Google's redirect notice is 200 characters, t.co's warning ~900.
MAX_TEXT = 1500
# Where a page's links are no notice's target: its furniture and code (readable.NOT_TEXT's, but a <noscript>'s link is
# the one a reader with no script follows, and a <button> may hold one).
FURNITURE = ("script", "style", "template", "svg", "nav", "header", "footer", "aside")
# How a link's likely end (the one post a notice names) was found, wherever it is shown: resolve's doubts and the
# text, Markdown and HTML views (report.py)
READ_FROM_PAGE = "(read from the page, not a redirect)"
MAX_NAMED = 3      # a notice's links kept: one is a likely end, more are "several"

# An <a href> or a <meta content> (a notice's delayed refresh, its og:url) holding an absolute http(s) URL.
_TARGET_RE = re.compile(r"""(?:\d+\s*;\s*url\s*=\s*)?(https?://\S+)""", re.IGNORECASE)


@dataclass(frozen=True)
class PageReading:
    # "parked" | "notice" | "sign-in" | "script"; None: a short link's own page, read for the links it names
    reads_as: str | None
    words: str | None        # the words (or service host, or what a sign-in page was told by) it was read by
    names: tuple[str, ...]   # a notice's links to other sites, in order, at most MAX_NAMED


def read_end_page(body: bytes, url: str) -> PageReading | None:
    """What the page at `url` says it is, or None for any other page (or one too large to be such a page)."""
    if len(body) > MAX_PAGE:
        return None
    text = body.lower()   # the bytes' ASCII letters: the words are ASCII (#14: decoding first took 3x as long)
    if KELVIN in text:   # the one character that lowers to an ASCII letter ("k"), as the decoded text's lower() read it
        text = text.replace(KELVIN, b"k")
    parked = next((w for w in PARKED_WORDS if w.encode() in text), None)
    words: tuple[str, str] | None = None
    if parked is not None:
        words = _page_words(body)   # its words in quotation marks are a story's quoting them (sigres38)
        parked = next((w for w in PARKED_WORDS if w.encode() in text   # a service's host in an attribute counts
                       and (words is None or w not in words[0] or _said_unquoted(w, words[0]))), None)
    if parked is None and any(stem in text for stem in PARKED_ELSEWHERE_STEMS):
        words = _page_words(body) if words is None else words
        parked = next((w for w in PARKED_WORDS_ELSEWHERE if words is not None and _said_unquoted(w, words[0])
                       and (w not in DOMAINE_WORDS or _names_a_domain(words[0], url))), None)
    notice = None
    if parked is None and (said := [w for w in NOTICE_WORDS if w.encode() in text]):
        words = _page_words(body) if words is None else words   # not an attribute's value alone (review38c)
        notice = next((w for w in said if words is None or _said_unquoted(w, words[0])
                       or w in words[1]), None)   # a script renders it (review38c)
    if parked is not None or notice is not None:
        if _story(body):
            return None
        return PageReading("parked", parked, ()) if parked is not None else PageReading("notice", notice,
                                                                                         links_named(body, url))
    if b"location" in text:
        reading = _script_only(body, url)
        if reading is not None:
            return reading
    if b"password" in text or b"<title" in text:
        return _sign_in(body)
    return None


def _script_only(body: bytes, url: str) -> PageReading | None:
    """A page whose only content is a script setting where it goes (not `location.replace`, which next_hop follows):
    a parking service's lander ("/lander", a parking service's site) reads as parked, any other as "script" naming
    where it sends; None for a page with text of its own (a story whose script sets location in passing)."""
    page = body.decode("utf-8", "replace")
    found = SCRIPT_TO_RE.search(page)
    said = (found.group(1) or found.group(2)) if found is not None else ""
    target = _joined(url, said) if said else None
    if target is None or urlsplit(target).scheme not in ("http", "https") \
            or target.partition("#")[0] == url.partition("#")[0]:   # a "#" or the page itself: a reload, not away
        return None
    from resolver.readable import readable_chars

    if readable_chars(page, enough=SCRIPT_ONLY_TEXT + 1) > SCRIPT_ONLY_TEXT:
        return None
    if site(target) in PARKING_SITES or site(target) == site(url) and LANDER_PATH.search(urlsplit(target).path):
        return PageReading("parked", f"a script sending to {said}", ())
    return PageReading("script", target, (target,))


def parking_refresh(target: str) -> str | None:
    """The parking service's site a refresh (meta, header, script) sends a page to, or None: the page is a lapsed
    domain's, read from its bytes, and the service is not asked (resolution37)."""
    host = site(target)
    return host if host in PARKING_SITES else None


def sign_in_address(url: str) -> bool:
    """Whether a URL is a sign-in page's by its path alone (read from a hop's URL: a cached answer says the same)."""
    try:
        return SIGN_IN_PATH.search(urlsplit(url).path) is not None
    except ValueError:
        return False


def _sign_in(body: bytes) -> PageReading | None:
    """A sign-in page: its title says sign in / log in, or it has a password field, and it says little (MAX_TEXT: a
    story with a login box in its header is a story). What told it, as the reading's words."""
    password = PASSWORD_FIELD.search(body) is not None and _password_in_body(body)
    found = TITLE_RE.search(body)
    title = " ".join(unescape(found.group(1).decode("utf-8", "replace")).split())[:80] if found is not None else ""
    titled = SIGN_IN_TITLE.search(title) is not None or SIGN_IN_TITLE_ELSEWHERE.search(title) is not None
    if not (titled or password) or _story(body):
        return None
    told = ([f"its title \"{title}\""] if titled else []) + (["a password field"] if password else [])
    return PageReading("sign-in", " and ".join(told), ())


def _page_words(body: bytes) -> tuple[str, str] | None:
    """A page's words and its scripts' words, each lowered, blanks collapsed: the first its title's and text's without
    its tags and their attributes' values (a card's `aria-label="Link preview"`, a site's `data-confirm="You are now
    leaving…"` on its links are no notice's words) and without its scripts and styles, whose quotation marks are a
    string's, no quote (review39c: a script's lone '"' made a notice's words after it quoted); the second the words of
    its scripts, where a notice a script renders holds its words in a string's quotation marks (review38c). None when
    the page cannot be parsed. Read only for a page holding a notice's or a parking page's words in its bytes, few."""
    from resolver.extract.dom import parse

    tree = parse(body[:MAX_PAGE].decode("utf-8", "replace"))
    if tree is None or tree.root is None:
        return None
    scripts = " ".join(node.text() for node in tree.css("script"))
    tree.strip_tags(["script", "style"])
    return _lowered(tree.root.text(separator=" ")), _lowered(scripts)


def _lowered(words: str) -> str:
    return " ".join(words.replace("\u212a", "k").lower().split())


# Quotation marks that open a quote, each with those that close it: a page's words between them are a quote of
# another's ("The sign reads “You are leaving Riverton”"), not the page's own. German opens with „ and closes with “,
# which opens an English quote (review39c: after „Willkommen“ a German page's every word read as quoted). A closing
# mark with none open, or a ’ before a letter, is an apostrophe ("it’s"); ASCII's '"' does both: an odd count opens.
_CLOSED_BY = {"“": "”", "„": "“”", "«": "»", "‘": "’", "‚": "‘’"}
_QUOTE_MARK_RE = re.compile("[“”„«»‘’‚]")


def _said_unquoted(word: str, words: str) -> bool:
    """Whether the page's words (`_page_words`) say `word` once outside quotation marks (sigres38: a short story
    quoting a sign's "You are leaving Riverton", or a site's "This domain is for sale", read as a notice, a parked
    page: the post it linked named as the link's likely end)."""
    start = words.find(word)
    while start != -1:
        before = words[:start]
        if before.count('"') % 2 == 0 and _open_quote(before) is None:
            return True
        start = words.find(word, start + 1)
    return False


def _open_quote(words: str) -> str | None:
    """The quotation mark still open at the end of `words`, or None."""
    opened: str | None = None
    for mark in _QUOTE_MARK_RE.finditer(words):
        found = mark.group()
        if found == "’" and words[mark.end():mark.end() + 1].isalpha():
            continue   # an apostrophe inside a word ("don’t"), no quote's end
        if opened is None:
            opened = found if found in _CLOSED_BY else None
        elif found in _CLOSED_BY[opened]:
            opened = None
    return opened


def _names_a_domain(words: str, url: str) -> bool:
    """Whether a page's words name its own domain ("riverton.fr") or say "nom de domaine": a registrar's page does,
    an estate's for sale does not."""
    own = site(url)
    return "nom de domaine" in words or bool(own) and own in words


def _password_in_body(body: bytes) -> bool:
    """Whether a password field is in the page's own body, not its FURNITURE (review38c: a site's login box in its
    header or sidebar made a short story, a video page, "a sign-in page"). Parsed only for a page the bytes' pattern
    found a password field in, few."""
    from resolver.extract.dom import parse

    tree = parse(body[:MAX_PAGE].decode("utf-8", "replace"))
    if tree is None:
        return True   # no parse: the bytes' reading stands
    tree.strip_tags(list(FURNITURE))
    return any((node.attributes.get("type") or "").strip().lower() == "password" for node in tree.css("input"))


def _story(body: bytes) -> bool:
    """Whether a page holds more readable text than a parking page or a notice does (MAX_TEXT): measured only for a
    page holding their words, few."""
    from resolver.readable import readable_chars

    return readable_chars(body.decode("utf-8", "replace"), enough=MAX_TEXT + 1) > MAX_TEXT


def links_named(body: bytes, url: str) -> tuple[str, ...]:
    """The distinct links of a page to another site than its own, in order, at most MAX_NAMED (its own links, "report
    this link", are not where it sends a reader): its `<a href>`s and `<meta content>`s, not its FURNITURE's
    (review37a: a footer's pinned post was named as a notice's)."""
    from resolver.extract.dom import parse

    tree = parse(body[:MAX_PAGE].decode("utf-8", "replace"))
    if tree is None:
        return ()
    tree.strip_tags(list(FURNITURE))
    own = site(url)
    found: list[str] = []
    for node in tree.css("a[href], meta[content]"):
        target = _TARGET_RE.fullmatch((node.attributes.get("href" if node.tag == "a" else "content") or "").strip())
        link = _joined(url, target.group(1)) if target is not None else None
        if link is not None and site(link) != own and link not in found:
            found.append(link)
            if len(found) == MAX_NAMED:
                break
    return tuple(found)


def _joined(url: str, target: str) -> str | None:
    """`target` read against the page's URL, or None for one no URL parser accepts ("https://[oops": review37a, its
    ValueError ended the whole command)."""
    try:
        return urljoin(url, target)
    except ValueError:
        return None


# Second-level labels under a country code that are no one's site ("co.uk", "com.au"): a short list, not the Public
# Suffix List, enough to tell a link's site from the one its chain ended on.
_SHARED_SECOND = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gv", "nic"})


def site(url: str) -> str:
    """The registrable domain of a URL's host, near enough: "news.bbc.co.uk" -> "bbc.co.uk"; "" for none."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SHARED_SECOND else 2
    return ".".join(labels[-keep:])
