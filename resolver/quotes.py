"""Quote checks by words, never by a similarity ratio (#9).

An article that quotes a post as "The council approved the budget" while the post says "rejected" is more than
90% similar to it, and a ratio calls that a match. Here both sides are normalised the same way and compared as
word sequences (difflib-style opcodes over a longest common subsequence of the word lists):

- identical words                                    -> pass
- a contiguous run of the post's words               -> pass, "partial quote: N of M words"
- the post's words whole (or a run) plus words
  around them that a scraper glued on                -> warn, naming the extra words
- a word substituted, added or dropped inside the
  quoted run                                         -> fail, each change shown as `post → article`

Normalisation: HTML entities decoded, Unicode NFKC, zero-width characters out, curly quotes and dashes
straightened, whitespace collapsed; links (t.co, pic.twitter.com, anything with a scheme or a path) and emoji are
set aside, a trailing "…" marks a cut; case and a leading @ or # are kept for display and ignored for equality.

Pure: no network, no clock, no store.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

ELLIPSIS = "…"
CHANGE_PENALTY = 0.1   # per word changed inside the quoted run, in score()
_STRAIGHTEN = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\ufe0e\ufe0f]")
# Links are set aside: the post holds t.co links where the article shows pic.twitter.com or the expanded address.
_LINK_RE = re.compile(r"(?:https?://|www\.)\S+|\b(?:pic\.(?:twitter|x)\.com|t\.co)/\S+"
                      r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*", re.I)
_DOTS_RE = re.compile(r"\.{3,}|" + ELLIPSIS)
# A word: letters/digits, an apostrophe inside (don't), digits joined by . , : (3.5, 1,200, 9:30), an optional
# leading @ # $ £ €; "…" is a marker token. Hyphens split words, so "well-known" and "well known" are the same;
# but a minus sign before a figure (not after a word: "2-1" is two figures) and a percent sign after one belong
# to it, so "-5" is not "5" and "5%" is not "5".
_TOKEN_RE = re.compile(r"(?:(?<![\w.,:'])-(?=\d))?[@#$£€]?\w+(?:'\w+|(?<=\d)[.,:]\d\w*)*(?:(?<=\d)%)?|" + ELLIPSIS)
_SPACED_PERCENT_RE = re.compile(r"(?<=\d) %")   # "5 %" (French spacing, a narrow space after NFKC) is "5%"


@dataclass(frozen=True)
class Change:
    """One difference inside the quoted run: the post's words and what the article has in their place."""

    post: str          # "" when the article added words
    article: str       # "" when the article dropped words
    elided: bool = False   # the article marks the gap with "…" (an elision, not a silent change)

    def __str__(self) -> str:
        if self.elided:
            return f'elided with …: "{self.post}"'
        if not self.post:
            return f'added "{self.article}"'
        if not self.article:
            return f'dropped "{self.post}"'
        return f"{self.post} → {self.article}"


@dataclass(frozen=True)
class Comparison:
    """What the article's words are, measured against the post's."""

    result: str                           # "pass" | "warn" | "fail"
    evidence: str
    said_words: int                       # the article's words (links and emoji aside)
    post_words: int
    matched: int                          # words in the same order on both sides
    changes: tuple[Change, ...] = ()      # inside the quoted run
    extra_before: str = ""                # article words before the post's words (glued prose)
    extra_after: str = ""
    partial: bool = False                 # the article shows only a run of the post's words
    truncated: bool = False               # the article's text ends with "…"
    beyond_cut: str = ""                  # article words after the point where the source's own text is cut

    @property
    def contained(self) -> float:
        """Share of the post's words that the article holds in order: what identification scores most."""
        return self.matched / self.post_words if self.post_words else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"result": self.result, "said_words": self.said_words, "post_words": self.post_words,
                "matched": self.matched, "changes": [str(c) for c in self.changes],
                "extra_before": self.extra_before or None, "extra_after": self.extra_after or None,
                "partial": self.partial, "truncated": self.truncated, "beyond_cut": self.beyond_cut or None}


def normalise(text: str) -> str:
    """Both sides through the same door: entities, NFKC, straight quotes and dashes, "..." as "…", one space."""
    text = text or ""
    for _ in range(3):   # og:description is sometimes escaped twice (&amp;amp;)
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text)).translate(_STRAIGHTEN)
    text = _DOTS_RE.sub(ELLIPSIS, text)   # NFKC turns "…" into "..."; one form for both
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """The words of a text, links and emoji set aside, "…" kept as a marker."""
    return _TOKEN_RE.findall(_SPACED_PERCENT_RE.sub("%", _LINK_RE.sub(" ", normalise(text))))


def _key(word: str) -> str:
    return word.lstrip("@#").casefold()


def _split_markers(found: list[str]) -> tuple[list[str], set[int], bool, bool]:
    """Words without the "…" markers; positions (index of the word after) of inner markers; cut at start/end."""
    words: list[str] = []
    gaps: set[int] = set()
    for token in found:
        if token == ELLIPSIS:
            gaps.add(len(words))
        else:
            words.append(token)
    cut_start, cut_end = 0 in gaps, len(words) in gaps
    return words, gaps - {0, len(words)}, cut_start, cut_end


def compare(said: str, found: str) -> Comparison:
    """The article's quote (`said`) against the post's text (`found`), word by word."""
    said_words, gaps, _, truncated = _split_markers(tokens(said))
    post_words, _, _, source_cut = _split_markers(tokens(found))
    a, p = [_key(w) for w in said_words], [_key(w) for w in post_words]
    if not a or not p:
        return Comparison("fail" if a or p else "pass", "nothing to compare: " + (
            "the post has no words" if a else "the quote has no words" if p else "neither side has words"),
            len(a), len(p), 0)
    ops = opcodes(a, p)
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    if matched == 0:
        return Comparison("fail", f"no word of the post's {len(p)} is in the quote", len(a), len(p), 0,
                          (Change(" ".join(post_words), " ".join(said_words)),))
    # Trim the edges: what lies outside the first and last equal block is not "inside the quoted run".
    first = next(i for i, op in enumerate(ops) if op[0] == "equal")
    last = max(i for i, op in enumerate(ops) if op[0] == "equal")
    before, after = ops[:first], ops[last + 1:]
    changes = [_change(op, said_words, post_words, gaps) for op in ops[first:last + 1] if op[0] != "equal"]
    extra_before = extra_after = ""
    partial = False
    for op in before:
        extra_before, cut = _edge(op, said_words, post_words)
        partial = partial or cut
        if op[0] == "replace":
            changes.insert(0, _change(op, said_words, post_words, set()))
            extra_before = ""
    beyond_cut = ""
    for op in after:
        extra_after, cut = _edge(op, said_words, post_words)
        partial = partial or cut
        if op[0] == "delete" and source_cut:
            beyond_cut, extra_after = extra_after, ""   # the source stops there: unknown, not glued on
        elif op[0] == "replace":
            if truncated and _cut_word(op, said_words, post_words):
                extra_after, partial = "", True   # "on Tues…": the article cut the post mid-word
            elif source_cut and op[4] - op[3] == 1 and _key(said_words[op[1]]).startswith(_key(post_words[op[3]])):
                extra_after, beyond_cut = "", " ".join(said_words[op[1] + 1:op[2]])   # the source cut "Mi…"
            else:
                changes.append(_change(op, said_words, post_words, set()))
                extra_after = ""
    return _verdict(Comparison("pass", "", len(a), len(p), matched, tuple(changes), extra_before, extra_after,
                               partial, truncated, beyond_cut))


def opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes (equal/replace/delete/insert) from a longest common subsequence of words. difflib's
    SequenceMatcher matches the longest block first, so with repeated words ("alpha zebra alpha alpha" against four alphas) it matches two
    and calls the rest glue; the true LCS matches three and shows the change."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]   # table[i][j]: LCS of a[i:] and b[j:]
    for i in range(n - 1, -1, -1):
        row, below, word = table[i], table[i + 1], a[i]
        for j in range(m - 1, -1, -1):
            row[j] = below[j + 1] + 1 if word == b[j] else max(below[j], row[j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:   # matching equal words at once is always part of some longest subsequence
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for pi, pj in pairs + [(n, m)]:
        if (pi, pj) != (i, j):
            tag = "replace" if pi > i and pj > j else "delete" if pi > i else "insert"
            ops.append((tag, i, pi, j, pj))
        if (pi, pj) != (n, m):
            if ops and ops[-1][0] == "equal" and ops[-1][2] == pi:
                ops[-1] = ("equal", ops[-1][1], pi + 1, ops[-1][3], pj + 1)
            else:
                ops.append(("equal", pi, pi + 1, pj, pj + 1))
        i, j = pi + 1, pj + 1
    return ops


def _change(op: tuple[str, int, int, int, int], said: list[str], post: list[str], gaps: set[int]) -> Change:
    tag, i1, i2, j1, j2 = op
    elided = tag == "insert" and i1 in gaps
    return Change(" ".join(post[j1:j2]), " ".join(said[i1:i2]), elided)


def _edge(op: tuple[str, int, int, int, int], said: list[str], post: list[str]) -> tuple[str, bool]:
    """An edge opcode: article words outside the post's (glued prose), and whether the post goes on (a cut)."""
    tag, i1, i2, j1, j2 = op
    return (" ".join(said[i1:i2]) if tag == "delete" else ""), tag == "insert"


def _cut_word(op: tuple[str, int, int, int, int], said: list[str], post: list[str]) -> bool:
    tag, i1, i2, j1, j2 = op
    return i2 - i1 == 1 and _key(post[j1]).startswith(_key(said[i1]))


def _verdict(c: Comparison) -> Comparison:
    from dataclasses import replace

    run = f"partial quote: {c.matched} of {c.post_words} words" if c.matched < c.post_words else \
        f"the post's {c.post_words} words, word for word"
    if c.beyond_cut:
        run = f"the source's {c.post_words} words before its cut (…), word for word"
    real = [ch for ch in c.changes if not ch.elided]
    if real:
        shown = "; ".join(str(ch) for ch in c.changes)
        return replace(c, result="fail", evidence=f"{len(real)} change{'s' * (len(real) > 1)} in the quoted "
                                                  f"words: {_short(shown)}")
    notes = [run]
    if c.changes:
        notes.append("; ".join(str(ch) for ch in c.changes))
    if c.extra_before or c.extra_after:
        extra = " and ".join(f'"{_short(w, 80)}" {where}' for w, where in
                             ((c.extra_before, "before"), (c.extra_after, "after")) if w)
        run = f"{run}, with words that are not the post's: {extra} (glued on by the page or a scraper?)"
        notes = [run]
    if c.beyond_cut:
        # A source cut short (a 2012 title "Twitter / handle: text...") says nothing of what came next (#9).
        notes.append(f'the article\'s "{_short(c.beyond_cut, 80)}" after them cannot be checked: the source\'s '
                     "text is cut there")
    if c.extra_before or c.extra_after or c.beyond_cut:
        return replace(c, result="warn", evidence="; ".join(notes))
    return replace(c, result="warn" if c.changes else "pass", evidence="; ".join(notes))


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def compare_names(said: str, found: str) -> Comparison:
    """A quoted display name against the post's: the same words (emoji and punctuation aside) pass; anything
    else is a difference shown word by word, never a partial pass (a name is not quoted in part)."""
    from dataclasses import replace

    result = compare(said, found)
    if result.result == "pass" and result.matched == result.post_words == result.said_words:
        return replace(result, evidence=f"the same name: '{normalise(found)}'")
    changes = "; ".join(str(c) for c in result.changes)
    return replace(result, result="fail" if result.result == "fail" else "warn",
                   evidence=f"the names differ: article '{normalise(said)}', post '{normalise(found)}'"
                            + (f" ({changes})" if changes else ""))


def score(remnant: str, post_text: str) -> float:
    """How well a post explains a remnant, 0..1. Mostly (3/4) the share of the post's words the remnant holds in
    order, less 0.1 per word changed inside the quoted run (so one changed word tells two near-identical posts
    apart whatever their length); the rest, the share of the remnant's words the post explains, so a short post
    whose few words all occur in the remnant does not tie with the whole post. Identification ranks by it (#9 §3)."""
    c = compare(remnant, post_text)
    if not c.post_words or not c.said_words:
        return 0.0
    changed = sum(len(ch.post.split()) + len(ch.article.split()) for ch in c.changes if not ch.elided)
    held = max(0.0, c.matched / c.post_words - CHANGE_PENALTY * changed)
    return round(0.75 * held + 0.25 * c.matched / c.said_words, 4)
