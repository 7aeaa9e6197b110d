"""The words an article quotes beside a bare link to a post: prose (`Smith <a>posted</a>: "Costs rose 12 percent"`)
and a CMS's pull-quote (`<blockquote class="pullquote"><p>"…"</p><footer>— Pat Smith … <a>March 14, 2023</a>`).

Most quotes of posts in copy are written so, not as embed codes; a link read as a link alone was never compared, and
the report said "the article quotes no text of this post" (newuser34 #1). What is read here is a reading, not a fact:
quotation marks beside a link may quote somebody else. A quote the markup ties to the link (the blockquote it signs,
or one a colon after the link opens) is `HIGH`; any other quote in the link's sentence is `UNCERTAIN`, whose change
only warns. A quote in another sentence, or one a speech verb ("said", "told") gives to a speaker, is not read.
Pure: element in, `Beside` out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from resolver import platforms
from resolver.extract import tweet_text
from resolver.extract.dom import (BLOCKS, ancestors, descendants, element_before, element_text, is_element,
                                  text_with_lines)
from resolver.lazy import LazyPattern, lazy_dataclass

# A run in quotation marks: curly, straight, guillemets both ways, German low-high. Its closing mark may be missing at
# the end of a paragraph: a quote running on into the next one, which opens with a mark again (the newspaper
# convention). Japanese and Chinese corner brackets too, 「…」 and 『…』 (newuser47e #3: not read at all).
QUOTED_RE = LazyPattern(r"“([^“”]+)(”|$)|\"([^\"]+)(\"|$)|«\s*([^«»]+?)\s*(»|$)|„([^„“”]+)([“”]|$)|»([^«»]+)(«|$)"
                        r"|「([^「」]+)(」|$)|『([^『』]+)(』|$)")
OPENS_RE = LazyPattern(r"\s*[“\"«„»「『]")
# Between the link and the quote: no sentence end (nor a semicolon's clause), and no verb giving the quote to a speaker
# other than the link's.
# A Chinese or Japanese sentence ends with its own full stop, needing no space after it (newuser47e #3).
SENTENCE_END_RE = LazyPattern(r"[.!?;](?:\s|$)|[。！？；]")
# A colon, or the full-width one Chinese and Japanese write (newuser47e #3)
COLONS = (":", "：")
# de, fr, es, pt (quotes35); French "dit" only as French writes it ("dit-elle", "a dit", "dit le maire"), Dutch "dit"
# being "this" ("Dit is", "dit jaar": review35r2)
# the words a video's speaker is given ("…,” an officer shouts): newuser47b #2
SPOKEN = r"said|says|say|told|tells|asked|asks|according|stated|states|declared|shouted|insisted|explained|" \
         r"shouts|yells|yelled|screams|screamed|" \
         r"sagte|sagt|erklärte|erklärt|betonte|meinte|fragte|déclaré|affirmé|expliqué|selon|" \
         r"a dit|t-il dit|t-elle dit|" \
         r"dit(?=-(?:il|elle|ils|elles|on)\b|\s+(?:le|la|les|l['’]|un|une)\b|\s+(?-i:[A-ZÀ-ÖØ-Þ]))|" \
         r"dijo|afirmó|declaró|explicó|aseguró|señaló|preguntó|según|disse|afirmou|declarou"
SPEECH_RE = LazyPattern(rf"\b(?:{SPOKEN}|added|adds)\b", re.IGNORECASE)
# A video in the link's own words beside a verb of speech there ("said in a video on X", "says in the clip"): the
# quote is what is said in the video, not the post's words, which a video's caption is (newuser47b #2). "Smith <a>said
# on X</a>" names no video: "said" there is a verb of posting.
VIDEO_WORD_RE = LazyPattern(r"\b(?:video|videos|clip|clips|footage|livestream|broadcast|recording|reel|vlog|"
                            r"Video|Videos|vidéo|vídeo)\b", re.IGNORECASE)
# After a quote's closing mark: a speaker given it in speech ("…,” she told reporters); "she added" goes on with the
# post's words.
SPOKEN_AFTER_RE = LazyPattern(rf"^[^.!?;]{{0,40}}\b(?:{SPOKEN})\b", re.IGNORECASE)
# After a Japanese quote's closing bracket, a verb of speech: 「…」と述べた (said), と話した (told), と語った, と説明した,
# と強調した, と答えた; a speaker's words at a press conference, not the post's (review48a: read as the post's quote
# beside its link). Not と投稿した, と書き込んだ, とつづった: verbs of posting.
JA_SPOKEN_AFTER_RE = LazyPattern(r"[ \t\u3000]*(?:と|って)(?:述べ|話し|話す|語っ|語り|語る|説明し|強調し|答え|明らかにし)")
# After a quote's closing mark: the report of it given to another, "…», según publicó el diario …", "…,” according to
# the Riverton Ledger" (newuser45a #2): where a colon after the link gives the words to the link's post, the outlet,
# the screenshots or the mayor report that post, and the words are read as REPORTED (compared, never failed: they may be
# the report's error the article speaks of). Not with a verb of speech after it ("según dijo el ministro", "according
# to the mayor, who said"): a speaker's words, as before.
REPORTED_AFTER_RE = LazyPattern(r"^[\s,]*(?:según|segun|according\s+to|selon|de\s+acordo\s+com)\b([^.!?;]*)",
                                re.IGNORECASE)
# The words after "según" / "according to" that name the post itself, its account or its author, who wrote it before
# the link ("Martínez escribió: «…», según Martínez", "según su cuenta oficial", "according to Smith's account"): no
# other's report, the words are the post's (review45f: they were read as reported and a change in them only warned).
_ACCOUNT = r"(?:cuenta|conta|perfil|account|profile|post|publicación|publicação|publication|compte|tuit|tweet|mensaje)"
OWN_REPORT_RE = LazyPattern(
    rf"^\s*(?:(?:su|sua|seu|his|her|their|its|son|sa)\s+(?:\w+\s+)?{_ACCOUNT}(?:\s+\w+)?"
    r"|(?:the|this|el|este|la|o|a|le|ce)\s+(?:post|tweet|tuit|publicação|mensaje|message)"
    r"|(?:la\s+cuenta\s+de|a\s+conta\s+de|the\s+account\s+of|le\s+compte\s+de)\s+(?P<of>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3})"
    rf"|(?P<name>(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]*){{0,3}}?)(?:['’]s\s+(?:\w+\s+)?{_ACCOUNT})?)"
    r"(?:\s+(?:de|en|on|in)\s+(?P<on>\w+))?\s*$", re.IGNORECASE)
# The names of a place "on" which a post is ("según su cuenta en X", "according to the post on Instagram")
_PLATFORMS = frozenset("x twitter instagram facebook tiktok youtube threads bluesky mastodon telegram reddit linkedin "
                       "snapchat".split())


def _own_report(by: str, before: str) -> bool:
    """Whether the words after "según" / "according to" (`by`) name the post's own account, or its author as the
    link's sentence names them before the link (`before`), every name of theirs."""
    match = OWN_REPORT_RE.match(by)
    if match is None:
        return False
    said = set(re.findall(r"[\w-]+", before.casefold()))
    # "según el tuit de Gómez", "según Martínez de Gómez": Gómez's, no post of the author the sentence names
    # (review46d: read as the post's own words); "en X", "on Instagram", "de ayer" name no one
    on = match.group("on")
    if on and on[:1].isupper() and on.casefold() not in _PLATFORMS and on.casefold() not in said:
        return False
    names = match.group("of") or match.group("name")
    return not names or all(re.sub(r"['’]s$", "", name).casefold() in said for name in names.split())


# After a quote's closing mark: a new sentence, a capital opening it ("…” According to", "…» Selon").
NEW_SENTENCE_RE = LazyPattern(r"\s+[\"'(«»„“‘¿¡]*[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]")
# Words for a story: a quote after them, a colon or not, may be a shared story's headline, not the post's own words
# ("Smith <a>shared</a> the story: “…”": review34r6, quotes35) ...
STORY_RE = LazyPattern(r"\b(?:story|stories|article|report|piece|column|op-ed|"
                       r"artikel|bericht|beitrag|article|artículo|noticia|nota|reportagem|matéria)\b", re.IGNORECASE)
# ... but only where a word names its title, or the story is shared: a story written about ("Smith <a>wrote</a> about
# the report: “…”") is the post's subject, and the quote the post's own words (review35r2).
TITLE_RE = LazyPattern(r"\b(?:headline|headlined|titled|entitled|überschrift|titel|schlagzeile|intitulé|titre|"
                       r"titulado|titular|título|intitolato|titolo)\b", re.IGNORECASE)
SHARES_RE = LazyPattern(r"\b(?:shared|shares|retweeted|reposted|linked|a link to|teilte|teilt|geteilt|partagé|"
                        r"partage|compartió|comparte|compartilhou|condivide|condiviso)\b", re.IGNORECASE)
# The same in Chinese, Japanese and Korean, whose words \b does not part: a post shared or reposted, a headline or
# title ("市长在<a>推特</a>转发文章：“…”" quotes the story's title, newuser47e #3)
CJK_SHARED_RE = LazyPattern(r"转发|轉發|转推|轉推|分享|リツイート|リポスト|シェア|공유|리트윗|标题|標題|題名|見出し|제목")
# Where another link was, in a block's words: a quote past it is that link's, not this one's.
OTHER_LINK = "\x00"
# The blocks a sentence is read in; a layout <div> holding a page's links is none: each link read it whole (#14).
PROSE = frozenset("p li blockquote footer dd figcaption td".split())
MOST_NODES = 400   # nodes of a block read for one link: a paragraph, not a page a broken tag left open
MOST_BETWEEN = 80   # characters between the link and a quote of its sentence
# A verb of posting: the name before it is the speaker's ("Mayor Jones <a>wrote on X</a>", "Smith said <a>on X</a>").
# A name before a link that is no such verb is as often the one spoken of ("Trump attacked Chuck Jones <a>…</a>").
POSTING = (r"(?:wrote|writes|posted|posts|tweeted|tweets|said|says|replied|replies|responded|responds|shared|shares|"
           r"added|adds|announced|declared|noted|argued|claimed|warned|commented|"
           r"schrieb|schreibt|twitterte|postete|postet|veröffentlichte|antwortete|kommentierte|"   # German (quotes35)
           r"a écrit|écrit|a tweeté|a publié|a posté|a répondu|"   # French
           r"escribió|tuiteó|publicó|respondió|escreveu|publicou|postou|tuitou)")   # Spanish, Portuguese
POSTING_RE = LazyPattern(rf"{POSTING}\b", re.IGNORECASE)
VERB_BETWEEN_RE = LazyPattern(rf"\b{POSTING}\b", re.IGNORECASE)
# A verb of posting whose post is another's: whoever shares a post or replies to one did not write it.
NOT_OWN_RE = LazyPattern(r"\s*(?:shared|shares|(?:replied|replies|responded|responds)\s+to)\b", re.IGNORECASE)
# The name a sentence gives just before the link: capitalised words, the last of them touching the link or its verb.
NAME_BEFORE_RE = LazyPattern(rf"((?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+){{0,3}}[A-ZÀ-ÖØ-Þ][\w'’-]*)"
                             rf"(\s+{POSTING}(?:\s+(?:on|in|to)\s+[\w.]+)?)?\s*$")
# Words that open a sentence or name no one.
NOT_NAMES = frozenset("On In At The A An And But Then Later Earlier When After Before As Also Yet So Meanwhile This "
                      "That It He She They We I You His Her Their Its From For By Of To With Via Per Here There Read "
                      "See Watch Auch Und Er Sie Es Wir Ihr Der Die Das Il Elle Ils Elles Nous Vous Le La Les Él Ella "
                      "Ellos Ellas El Los Las".split())
# A signature line: "— Pat Smith (@CouncilorSmith) on X, March 14, 2023".
SIGNATURE_RE = LazyPattern(r"^\s*[—–-]{1,2}\s*(?P<name>[^()@—–,]{1,60}?)\s*(?:\(@[A-Za-z0-9_]{1,15}\)|,|$)")


@dataclass(frozen=True)
class Beside:
    text: str | None              # the quoted words read as the article's quote of the post
    confidence: str | None        # tweet_text.HIGH: the markup ties them to the link; UNCERTAIN: the sentence does
    name: str | None              # the name the article gives the speaker just before the link (or in a signature)


NOTHING = Beside(None, None, None)


def beside(a: Any) -> Beside:
    """What the article says beside a link to a post (`a`): the quote a pull-quote or the link's sentence holds, and
    the speaker it names. NOTHING where it says neither. One link; a page's links are read by one `Reader`."""
    return Reader()(a)


class Reader:
    """`beside` for the post links of one parse: each block's words are read once, not once per link in it, and a
    pull-quote or a paragraph's continuation once (#14: a paragraph of 100 post links walked its ~400 nodes 100 times,
    and the name before each link was sought in all the words before it). The answers are `beside`'s, link by link;
    a block where a link holds another (an SVG <a> inside an HTML one) or whose words hold `OTHER_LINK` is read link
    by link as before. Keys are the nodes' `mem_id`s: a Reader lives as long as its tree."""

    def __init__(self) -> None:
        self._blocks: dict[int, _Block | None] = {}
        self._pulled: dict[tuple[int, int], Beside | None] = {}
        self._continued: dict[int, tuple[list[str], bool] | None] = {}

    def __call__(self, a: Any) -> Beside:
        block = next((b for b in ancestors(a) if b.tag in BLOCKS), None)
        if block is None or block.tag not in PROSE:   # a link loose in a layout <div> is in no sentence read here
            return NOTHING
        quote = next((b for b in ancestors(a) if b.tag == "blockquote"), None)
        if quote is not None:
            signature = _signature(quote, block, a)
            key = (quote.mem_id, signature.mem_id)
            if key not in self._pulled:
                self._pulled[key] = _pull_quote(quote, signature)
            found = self._pulled[key]
            if found is not None:
                return found
        if block.mem_id not in self._blocks:
            self._blocks[block.mem_id] = _Block.read(block)
        read = self._blocks[block.mem_id]
        place = read.links.get(a.mem_id) if read is not None else None
        if read is not None and read.too_long:
            before = after = ""
        elif read is None or place is None:
            before, after = _split_at(block, a)
            name = _name_before(before, element_text(a))
            before, after = before.rsplit(OTHER_LINK, 1)[-1].lstrip(), after.split(OTHER_LINK, 1)[0].rstrip()
            return self._reading(block, before, after, name, element_text(a), a.attrs.get("href") or "")
        else:
            before, after = read.words[place], read.words[place + 1]
        # a name `NAME_BEFORE_RE` reads ends the words before the link and holds no other link: it is in `before`
        shown = element_text(a)
        return self._reading(block, before, after, _name_before(before, shown), shown, a.attrs.get("href") or "")

    def _reading(self, block: Any, before: str, after: str, name: str | None, shown: str, href: str = "") -> Beside:
        """What the words of the link's sentence before it and after it (no other link's words) say; `shown`: the
        link's own words; `href`: where it leads."""
        runs_before = _runs(before)
        if any(not closed for *_, closed in runs_before):   # the link sits inside quoted words: none are its quote
            return Beside(None, None, name)
        run = _quote_after(after, shown, before)
        if run is not None:
            text, closed, clear, reported = run
            if reported:
                return Beside(text, tweet_text.REPORTED, name)
            if not closed:
                if block.mem_id not in self._continued:
                    self._continued[block.mem_id] = _continued(block)
                more = self._continued[block.mem_id]
                if more is None:
                    return Beside(None, None, name)
                text, clear = " ".join([text, *more[0]]), clear and not more[1]
            if clear and _spoken_maybe(before, shown, after, href):
                clear = False
            return Beside(text, tweet_text.HIGH if clear else tweet_text.UNCERTAIN, name)
        earlier = _quote_before(before, runs_before)
        return Beside(earlier, tweet_text.UNCERTAIN if earlier else None, name)


@lazy_dataclass(frozen=True)
class _Block:
    """A block's words between its links, read in one walk: `words[i]` the words before its link `i` (after link
    `i - 1`), each as one line; `links` a link's `mem_id` to its `i`. What `_split_at` gives a link, cut at the other
    links as `beside` cuts it: its `before` is `words[i]`, its `after` `words[i + 1]`. `too_long`: a block of more
    than MOST_NODES nodes, no words beside any of its links."""
    words: tuple[str, ...]
    links: dict[int, int]
    too_long: bool = False

    @classmethod
    def read(cls, block: Any) -> _Block | None:
        """The block's words between its links; None where a link holds another or the words hold `OTHER_LINK`
        (read link by link: `_split_at`)."""
        texts: list[list[str]] = [[]]
        links: dict[int, int] = {}
        in_link: set[int] = set()
        for seen, node in enumerate(block.traverse(include_text=True)):
            if seen > MOST_NODES:
                return cls((), {}, too_long=True)
            if node.mem_id in in_link:
                if node.tag == "a":
                    return None
            elif node.tag == "a":
                links[node.mem_id] = len(texts) - 1
                in_link.update(n.mem_id for n in node.traverse(include_text=True))
                texts.append([])
            elif node.tag == "-text":
                text = node.text_content or ""
                if OTHER_LINK in text:
                    return None
                texts[-1].append(text)
        return cls(tuple(" ".join("".join(t).split()) for t in texts), links)


def _split_at(block: Any, a: Any) -> tuple[str, str]:
    """(the block's words before the link, after it), each as one line; another link's words are one `OTHER_LINK`."""
    inside = {n.mem_id for n in a.traverse(include_text=True)}
    other: set[int] = set()
    parts: tuple[list[str], list[str]] = ([], [])
    side = 0
    for seen, node in enumerate(block.traverse(include_text=True)):
        if seen > MOST_NODES:
            return "", ""
        if node.mem_id in inside:
            side = 1
        elif node.mem_id in other:
            continue
        elif node.tag == "a":
            other.update(n.mem_id for n in node.traverse(include_text=True))
            parts[side].append(f" {OTHER_LINK} ")
        elif node.tag == "-text":
            parts[side].append(node.text_content or "")
    return tuple(" ".join("".join(p).split()) for p in parts)   # type: ignore[return-value]


def _runs(words: str) -> list[tuple[int, int, str, bool]]:
    """The quoted runs in `words`: (start, end, the words inside the marks, whether it closed)."""
    runs = []
    for m in QUOTED_RE.finditer(words):
        groups = m.groups()
        inner, close = next((groups[i], groups[i + 1]) for i in range(0, len(groups), 2) if groups[i] is not None)
        # the comma closing a quote inside its marks is the article's sentence's ("“…, not 30,” she added")
        runs.append((m.start(), m.end(), inner.strip().removesuffix(",").rstrip(), bool(close)))
    return runs


def _ties(between: str) -> bool:
    """Whether the words between a link and a quote keep the quote in the link's sentence, given to nobody else."""
    return len(between) <= MOST_BETWEEN and not SENTENCE_END_RE.search(between) and not SPEECH_RE.search(between)


def _quote_after(after: str, shown: str = "", before: str = "") -> tuple[str, bool, bool, bool] | None:
    """(words, closed, clear, reported) of the first quote after the link in its sentence; clear when a colon opens it
    and no verb of posting between may give it to another ("Smith <a>posted</a>, and Jones responded: “…”"), nor a word
    for a title, or a story shared, there or in the link's words (`shown`), may make it a shared story's title
    (TITLE_RE, STORY_RE with SHARES_RE); reported when "según …" or "according to …" after it gives the report of the
    post to another (REPORTED_AFTER_RE), not to the post's own account or author as the words `before` the link name
    them (`_own_report`: then the words are the post's, said as if no "según" followed)."""
    runs = _runs(after)
    if not runs or not runs[0][2] or not _ties(after[:runs[0][0]]):
        return None
    if SPEECH_RE.search(shown) and VIDEO_WORD_RE.search(shown):   # "<a>said in a video</a>: “…”": its speaker's
        return None
    start, end, words, closed = runs[0]
    spoken = closed and (SPOKEN_AFTER_RE.search(after[end:]) is not None
                         or not words.isascii() and JA_SPOKEN_AFTER_RE.match(after, end) is not None)
    reported = spoken and after[:start].rstrip().endswith(COLONS) and not _new_sentence(words, after[end:]) \
        and (by := REPORTED_AFTER_RE.match(after[end:])) is not None and not SPEECH_RE.search(by[1])
    # the author as the link's own sentence names them: one an earlier sentence names is another (review46d)
    if reported and by is not None and _own_report(by[1], f"{SENTENCE_END_RE.split(before)[-1]} {shown}"):
        spoken = reported = False
    if spoken and not reported and not _new_sentence(words, after[end:]):   # "…,” she told reporters": speech
        return None
    told = f"{shown} {after[:start]}"
    return words, closed, not spoken and after[:start].rstrip().endswith(COLONS) \
        and not VERB_BETWEEN_RE.search(after[:start]) \
        and not (TITLE_RE.search(told) or STORY_RE.search(told) and SHARES_RE.search(told)
                 or not told.isascii() and CJK_SHARED_RE.search(told)), reported


def _spoken_maybe(before: str, shown: str, after: str, href: str) -> bool:
    """Whether a quote a colon opens after the link may be words said in a video rather than its post's caption, no
    verb of posting giving them to the post ("wrote", "posted"): the link's words or sentence name a video ("Minister
    Jane Roe <a>in a video</a>: “…”"), or the link leads to one and its sentence up to the colon holds nothing but
    names and short words (`_no_verb`: "Minister Jane Roe <a>on X</a>: “…”", "<a>Minister Jane Roe</a>: “…”"; not
    "Военкор <a>написал в TikTok</a>: “…”", whose verb of posting the list does not hold). The check compares the
    caption: such a quote differing from it failed as tied by the markup (fix47d #5); it is read as the link's
    sentence's, and only warns."""
    sentence = f"{SENTENCE_END_RE.split(before)[-1]} {shown} {re.split('[:：]', after, maxsplit=1)[0]}"
    if VERB_BETWEEN_RE.search(sentence):
        return False
    return VIDEO_WORD_RE.search(sentence) is not None or _video_link(href) and _no_verb(sentence)


# A sentence's word: a letter, then letters, figures, apostrophes, full stops or hyphens ("Jane", "O'Neil", "St.")
_WORD_RE = LazyPattern(r"[^\W\d_][\w'’.-]*")


def _no_verb(sentence: str) -> bool:
    """Whether a sentence up to a quote's colon holds no verb: capitalised words alone (a name, a role before it, a
    platform's name) and lower-case words of three letters at most ("on", "in", "a")."""
    return all(word[:1].isupper() or len(word) <= 3 for word in _WORD_RE.findall(sentence))


def _video_link(href: str) -> bool:
    """Whether a link leads to a video post: YouTube's, Facebook's or Vimeo's videos, a TikTok post (not a photo
    post's /photo/ page), an Instagram reel, an X status's /video/N."""
    ref = platforms.parse_url(href) if href else None
    if ref is None:
        return False
    shown = ref.shown or href
    if ref.platform == "tiktok":
        return "/photo/" not in shown
    if ref.platform == "instagram":
        return any(page in shown for page in ("/reel/", "/reels/", "/tv/"))
    return ref.kind == "video" or ref.platform == "twitter" and platforms.x.shows_video(href)


def _new_sentence(quoted: str, rest: str) -> bool:
    """Whether the words after a quote's closing mark (`rest`) start a new sentence: the quote ends its own inside the
    marks ("…year.”", "…won!”") and a capital starts the next ("” According to the mayor, …", "» Selon le maire, …").
    A verb of speech there may be that sentence's own, or give the quote to a speaker ("“We won!” Smith said."): no
    sure speech, no sure post (quotes36; such quotes were dropped unread). A full stop after the mark ends the
    sentence before any verb (SPOKEN_AFTER_RE stops there), so such a quote was never given to speech."""
    return quoted.rstrip()[-1:] in ".!?…" and NEW_SENTENCE_RE.match(rest) is not None


def _quote_before(before: str, runs: list[tuple[int, int, str, bool]]) -> str | None:
    """The last quote before the link in its sentence (`“Costs rose,” Smith <a>posted</a>`), or None. `runs`: the
    quoted runs of `before` (`_runs`), every one closed."""
    if not runs or not _ties(before[runs[-1][1]:]):
        return None
    return runs[-1][2] or None


def _continued(block: Any) -> tuple[list[str], bool] | None:
    """A quote left open at the end of the link's paragraph runs on into the next paragraphs that open with a mark
    (“I never said …</p><p>“The audit found …,” she added.</p>): their quoted words, up to the one that closes, and
    whether a new sentence with a verb of speech follows it (`_new_sentence`: no sure quote of the post). None: the
    one that closes gives the quote to speech ("…,” she told reporters")."""
    found: list[str] = []
    node = block.next
    while node is not None and len(found) < 5:
        if not is_element(node):
            if (node.text_content or "").strip():
                break
            node = node.next
            continue
        words = element_text(node)
        runs = _runs(words) if OPENS_RE.match(words) else []
        if not runs or runs[0][0] != len(words) - len(words.lstrip()):
            break
        found.append(runs[0][2])
        if runs[0][3]:
            rest = words[runs[0][1]:]
            if not SPOKEN_AFTER_RE.search(rest):
                return found, False
            return (found, True) if _new_sentence(runs[0][2], rest) else None
        node = node.next
    return found, False


def _name_before(before: str, shown: str) -> str | None:
    """The name the words just before the link give the speaker ("Mayor Jones"): capitalised words touching a verb of
    posting, the link's own words (`shown`) or those before it. None: no name, no such verb, or one of sharing or
    replying to the post ("Jones shared <a>a post</a> by Smith": not Jones's words)."""
    m = NAME_BEFORE_RE.search(before)
    if m is None or not (m.group(2) or POSTING_RE.match(shown)) or NOT_OWN_RE.match(f"{m.group(2) or ''} {shown}"):
        return None
    words = m.group(1).split()
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def _signature(quote: Any, block: Any, a: Any) -> Any:
    """The part of a blockquote holding the link (`a`) that may sign it: its nearest <footer> or <cite> inside the
    quote, else the link's block."""
    for b in ancestors(a):
        if b.mem_id == quote.mem_id:
            break
        if b.tag in ("footer", "cite"):
            return b
    return block


def _pull_quote(quote: Any, signature: Any) -> Beside | None:
    """A blockquote that is no embed code, holding the link in its signature (a <footer>, a <cite>, a line opening with
    a dash, its short last block: `_signature`): the blocks above it, after any other post's signature, are the quote,
    tied to the link by the markup. None: the link sits in the quoted words themselves, which its sentence tells."""
    if signature.mem_id == quote.mem_id or not _signs(signature) \
            or any(seen > MOST_NODES for seen, _ in enumerate(quote.traverse())):   # a pull-quote is short
        return None
    lines: list[str] = []
    others: set[int] = set()
    for b in quote.traverse():   # the blocks above the signature, after any other post's signature above it
        if b.mem_id == signature.mem_id:
            break
        leaf = b.tag in BLOCKS and not any(c.tag in BLOCKS for c in b.traverse() if c.mem_id != b.mem_id)
        if b.mem_id == quote.mem_id or b.mem_id in others or not (leaf or b.tag in ("footer", "cite")):
            continue
        if _signs(b):   # another post's signature: the words above it are that post's (a pull-quote of two)
            lines = []
            others.update(n.mem_id for n in b.traverse())
        else:
            lines.append(element_text(b))
    lines = [line for line in lines if line]
    if not lines:
        return None
    words = " ".join(lines)
    runs = [r for r in _runs(words) if r[2]]
    text = " ".join(r[2] for r in runs) if runs else words
    m = SIGNATURE_RE.match(element_text(signature))
    name = m.group("name").strip() if m is not None and m.group("name") else None
    return Beside(text, tweet_text.HIGH, name)


# The words that, with a colon, open a quote of the post just above an embed code that shows none of its words: a
# verb of posting (as a link's sentence reads it), or its participle ("shared the ink on Instagram, writing: “…”").
INTRO_RE = LazyPattern(rf"\b(?:{POSTING}|writing|posting|captioning|captioned|tweeting)\b", re.IGNORECASE)
# A post of someone else's, passed on or answered: "shared her post", "shared a post by", "reposted", "replied to".
ANOTHERS_RE = LazyPattern(r"\b(?:(?:shared|shares)\s+(?:(?:his|her|their|[\w.’'-]+[’']s)\s+(?:post|photo|picture|video|"
                          r"reel|story|caption)|a\s+(?:post|photo|video|reel)\s+(?:by|from))|repl(?:ied|ies)\s+to|"
                          r"responded\s+to|retweeted|reposted|quoted)\b", re.IGNORECASE)
# A post on another platform than the embed's (Instagram's): "The mayor tweeted: “…”", "She wrote on X: “…”" quote
# a post of its own, not the Instagram embed below (review45e: read as its caption).
# In Spanish, Portuguese, German and French too ("tuiteó", "escribió en X", "publicou no Twitter", "schrieb auf X",
# "a écrit sur TikTok": review46d, read as the Instagram post's caption).
ELSEWHERE_RE = LazyPattern(r"\b(?:(?:re)?tweet(?:ed|s|ing)?|twitterte|a tweeté|(?:re)?tuit(?:eó|ou|eado|ando)|"
                           r"(?:on|en|no|na|em|sur|auf)\s+(?:(?-i:X)|Twitter|TikTok|Facebook|Threads|Bluesky|YouTube|"
                           r"Telegram|Mastodon|Reddit|LinkedIn|Snapchat|Truth Social))(?!\w)", re.IGNORECASE)
# A quote is the paragraph's last words: after its closing mark, no more than the sentence's stop.
ENDS_RE = LazyPattern(r"\s*[.!?…]?\s*$")


def embed_quote(embed_code: Any) -> Beside:
    """What the article quotes just above an embed code that holds no words of the post (Instagram's version 14 code
    shows "View this post on Instagram" and "A post shared by …"), read as a quote beside a link is (newuser44c #3):
    the closing quote of the paragraph right before it, opened by a colon after a verb of posting ("…, writing:
    “new chapter 🖤 …”"), or the blockquote right before it (no embed code, no link) under a paragraph that ends so
    ("He wrote:"). UNCERTAIN: only the layout ties it to the embed, so a changed word warns and never fails; a
    quote given to speech ("said", "told"), to another's post ("shared", "replied to") or left open is not read."""
    return quoted_above(embed_code)[0]


def quoted_above(embed_code: Any) -> tuple[Beside, Any]:
    """`embed_quote`'s reading, and the element holding the quote (the paragraph, or the blockquote), None with no
    quote: where in the page the article gives it, a place of its own beside an embed code that shows the post's
    own words (a TikTok code's caption, fixleft46b)."""
    above = element_before(embed_code)
    if above is None or not is_element(above) or above.tag not in ("p", "blockquote"):
        return NOTHING, None
    if above.tag == "p":
        words = element_text(above)
        runs = _runs(words)
        if not runs or not runs[-1][3] or not runs[-1][2] or not ENDS_RE.fullmatch(words[runs[-1][1]:]) \
                or not _introduces(words[:runs[-1][0]]):
            return NOTHING, None
        return Beside(runs[-1][2], tweet_text.UNCERTAIN, None), above
    lead = element_before(above)
    if lead is None or not is_element(lead) or lead.tag != "p" or not _introduces(element_text(lead)) \
            or descendants(above, "a") or descendants(above, "script") or (above.attrs.get("class") or "").strip() \
            or any(seen > MOST_NODES for seen, _ in enumerate(above.traverse())):
        return NOTHING, None
    words = " ".join(text_with_lines(above).split())   # a <br> a break between words, as the caption's lines are
    runs = [r for r in _runs(words) if r[2]]
    if runs and not all(r[3] for r in runs):
        return NOTHING, None
    text = " ".join(r[2] for r in runs) if runs else words
    return (Beside(text, tweet_text.UNCERTAIN, None), above) if text else (NOTHING, None)


def _introduces(words: str) -> bool:
    """Whether words end in a colon after a verb of posting in their last sentence, given neither to speech nor to
    sharing or answering another's post ("The singer shared the ink on Instagram, writing:", "He wrote:")."""
    words = words.rstrip()
    if not words.endswith(":"):
        return False
    clause = SENTENCE_END_RE.split(words[:-1])[-1]
    return INTRO_RE.search(clause) is not None and SPEECH_RE.search(clause) is None \
        and ANOTHERS_RE.search(clause) is None and ELSEWHERE_RE.search(clause) is None


def _signs(block: Any) -> bool:
    """Whether a block of a blockquote is its signature: a footer or cite, or a line opening with a dash."""
    return block.tag in ("footer", "cite") or element_text(block)[:1] in ("—", "–", "-")
