"""review44b: the stop 43 work read again (fixnu43b, fixq43, lead43), each bug found shown failing first."""

import pytest

from resolver import quotes
from resolver.quotes import compare


@pytest.fixture
def amount_chars(monkeypatch):
    """Characters handed to quotes._amount_otherwise (the amount reader), summed over a run: work counted, not timed."""
    read = [0]
    reader = quotes._amount_otherwise

    def counting(post: str, said: str) -> str:
        read[0] += len(post) + len(said)
        return reader(post, said)

    monkeypatch.setattr(quotes, "_amount_otherwise", counting)
    return read


@pytest.mark.parametrize("words", [100, 200])
def test_a_long_rewritten_text_holding_a_currency_sign_is_compared_at_linear_cost(words, amount_chars):
    """fixq43's _amounts_whole tried every end of every changed run as an amount ("$40 million" made of three ops),
    joining the words each time: a post and its edited capture of 200 changed words with a "$" in them took 23 s
    (100 words: 2.8 s; wayback and identify compare whole posts). An amount is a few words: the reader is handed
    a bounded number of characters per word."""
    said = "Paid $5 then " + " ".join(f"said{i}" for i in range(words))
    found = "Paid $6 then " + " ".join(f"post{i}" for i in range(words))
    assert compare(said, found).result == "fail"
    assert amount_chars[0] <= 60 * (len(said) + len(found)), amount_chars[0]


@pytest.mark.parametrize("said,found,lang", [
    ("تسلیم نمی‌شویم", "هرگز تسلیم نمی‌شویم", None),
    ("تسلیم نمی‌شویم", "هرگز تسلیم نمی‌شویم", "fa"),
    ("ما نريد الحرب", "لا ما نريد الحرب", "ar"),
    ("ما نسينا", "أبدا ما نسينا", None),
], ids=["persian-never-concord", "persian-never-concord-fa", "arabic-no-then-ma", "arabic-never-then-ma"])
def test_a_quote_keeping_its_own_negation_after_an_opening_negation_never_fails(said, found, lang):
    """fixnu43b failed a quote starting right after a negation opening the post's sentence, in a script without case.
    Persian "هرگز" ("never") takes a negated verb (تسلیم نمی‌شویم, "we do not surrender"), and Arabic "ما" negates
    ("لا، ما نريد الحرب": "no, we do not want war"): the quote keeps the sense, yet failed as "dropped the negation".
    The tool cannot read a Persian verb's negation or tell "ما" (not, what) apart: it warns, never fails."""
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "dropped the negation" not in c.evidence, c.evidence


def test_a_quote_after_an_opening_arabic_negation_without_one_of_its_own_still_fails():
    c = compare("نريد الحرب", "لا نريد الحرب")   # "we want war" of "we do not want war": a guard, it failed before
    assert c.result == "fail" and "dropped the negation" in c.evidence, c.evidence


REDDIT_ARABIC_SLUG = "https://www.reddit.com/r/arabs/comments/abc123/عنوان_٢٠٢٤/"


@pytest.mark.parametrize("document,kind,platform,post_id", [
    (f'<p>See <a href="{REDDIT_ARABIC_SLUG}">the thread</a> on it.</p>', "html", "reddit", "abc123"),
    (f"Thread: {REDDIT_ARABIC_SLUG} here", "text", "reddit", "abc123"),
    ("Video: https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=٤٥ here", "text", "youtube", "dQw4w9WgXcQ"),
    ("Post: https://x.com/AJArabic/status/1234567890123456789?s=٢٠ here", "text", "twitter", "1234567890123456789"),
], ids=["reddit-title-html", "reddit-title-text", "youtube-time", "x-query"])
def test_a_post_link_with_other_digits_outside_its_id_is_read_as_its_post(document, kind, platform, post_id):
    """fixnu43b said any post link holding a digit of another script anywhere ("٢٠٢٤" in a Reddit post's title slug,
    "t=٤٥" after a YouTube video's id) "names the post by the post id ٢٠٢٤ … it names no post", and the post was lost:
    the link's id is written in ASCII digits. Only an id written in other digits is said."""
    from resolver import extract, platforms

    embeds, _ = extract.find_all(document, kind)
    assert [(e.platform, e.post_id) for e in embeds] == [(platform, post_id)], embeds
    assert all("digits" not in (e.id_doubt or "") for e in embeds), embeds
    url = document.split('"')[1] if kind == "html" else document.split()[1]
    assert platforms.in_other_digits(url) is None


def test_a_post_link_whose_id_is_in_other_digits_is_still_said():
    from resolver import platforms

    digits = platforms.in_other_digits("https://t.me/ostannews/٤٥٢١")   # a guard: said before too
    assert digits is not None and digits[1] == "٤٥٢١" and digits[3] == "https://t.me/ostannews/4521"


@pytest.mark.parametrize("build", [
    lambda k: "Hello " + "\u200f" * 1_000 * k + "x",
    lambda k: "Photo (@jdoe)" + "\u200f " * 1_000 * k + "x",
    lambda k: ("(Photo: Jane-\nDoe)\u200f" * 250 * k),
], ids=["marks", "marks-after-a-signature", "marks-between-line-breaks"])
def test_a_long_run_of_direction_marks_costs_linear_work(build):
    """The credit reader took each direction mark out of the text after testing it against every cut made before it,
    marks included (credits._joined_lines): 8,000 right-to-left marks (24 KB) took 4.8 s, a 200 KB run of them would
    take most of an hour. Found reading fixnu43b's direction marks around "(@handle)"; on main before it too."""
    from resolver import extract
    from tests.test_linear_time import grows_linearly

    assert grows_linearly(build, lambda document: extract.find_all(document, "text"))


@pytest.mark.parametrize("opens,closes", [("\u061c", "\u061c"), ("\u2068", "\u2069"), ("\u2067", "\u2069"),
                                          ("\u202b", "\u202c"), ("\u200f", "\u200f")],
                         ids=["arabic-letter-mark", "first-strong-isolate", "rtl-isolate", "rtl-embedding", "rlm"])
def test_a_page_s_signature_with_any_direction_mark_before_its_at_is_a_post_as_in_text(opens, closes):
    """fixnu43b read a page's flattened signature with a direction mark before its "@" ("(\\u200f@FaSpox\\u200f)") "as
    in a text", for the two marks RLM and LRM only: the text detector takes each of the twelve (the Arabic letter
    mark U+061C, the isolates U+2066-2069, the embeddings), and a page holding "(\\u061c@FaSpox\\u061c)" lost the post
    its text form finds."""
    from resolver import extract

    lines = ["نص التغريدة هنا pic.twitter.com/q3uNO4mJHi", f"— المتحدث ({opens}@FaSpox{closes}) 12 May 2022"]
    [said] = extract.find_all("\n".join(lines) + "\n", "text")[0]
    page = "<html><body><article>" + "".join(f"<p>{line}</p>" for line in lines) + "</article></body></html>"
    embeds = extract.find_all(page, "html")[0]
    assert [(e.platform, e.author_handle) for e in embeds] == [(said.platform, said.author_handle)], embeds
    assert said.author_handle == "FaSpox"


@pytest.mark.parametrize("mark", ["\u061c", "\u2068", "\u202b"])
def test_a_page_holding_only_a_signature_with_a_direction_mark_passes_the_marker_gate(mark):
    from resolver.extract import find_all, html

    page = f"<html><body><p>نص التغريدة</p><p>— المتحدث ({mark}@FaSpox{mark}) 12 May 2022</p></body></html>"
    assert html.has_markers(page)
    assert [e.author_handle for e in find_all(page, "html")[0]] == ["FaSpox"]


@pytest.mark.parametrize("said,found,cut", [
    ("$40m … paid", "$40 million, not paid", "not"),
    ("They were paid … $40m", "They were paid, not $40 million", "not"),
    ("paid … $40m", "paid, never $40 million", "never"),
], ids=["amount-first", "amount-last", "amount-last-never"])
def test_a_cut_negation_beside_an_amount_written_otherwise_at_the_quote_s_edge_fails(said, found, cut):
    """fixq43 parted "$40m …" of "$40 million, not …" into the amount written otherwise and the words cut, but the
    quote's run was still reckoned from its first and last word the post writes alike: an amount at the quote's
    edge put the cut outside it, and a "…" dropping "not" warned as a partial quote ("They were paid … $40m" of
    "They were paid, not $40 million" never named the cut). "$40 million … paid" fails; so does "$40m … paid"."""
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert f'elided with …: "{cut}"' in c.evidence and "figure written otherwise: $40 million → $40m" in c.evidence, \
        c.evidence


def test_a_cut_beside_an_amount_written_otherwise_at_the_quote_s_start_is_named():
    c = compare("$40m … paid", "$40 million, fully paid")   # warned as a partial quote, the cut never named
    assert c.result == "warn" and 'elided with …: "fully"' in c.evidence, c.evidence


def test_a_page_of_links_with_arabic_paths_asks_the_look_alike_reader_only_of_hosts_beyond_ascii(monkeypatch):
    """lead43 asked `lookalike_link` of every href beyond ASCII on a page whose links are not all ASCII, to find a
    host written with look-alike letters ("t.mе"): an Arabic site's own links ("aljazeera.net/news/الحرب-…") each
    cost 60 µs, and a page of 2,000 of them scanned 9 times slower (0.14 s, from 0.015 s). A host in ASCII that
    names no platform is no disguise; the platforms' own hosts are read by the pass above. Still said: "t.mе"."""
    from resolver import platforms
    from resolver.extract import find_all

    asked: list[str] = []
    reader = platforms.lookalike_link

    def counting(url: str):
        asked.append(url)
        return reader(url)

    monkeypatch.setattr(platforms, "lookalike_link", counting)
    links = "".join(f'<li><a href="https://www.aljazeera.net/news/الحرب-{i}">خبر {i}</a></li>' for i in range(200))
    page = (f"<html><body><p>نص <a href='https://twitter.com/share'>x</a></p><ul>{links}</ul>"
            "<p><a href='https://t.m\u0435/warmonitor/1'>post</a></p></body></html>")
    embeds = find_all(page, "html")[0]
    assert [(e.platform, e.post_id) for e in embeds] == [("telegram", None)], embeds
    assert embeds[0].id_doubt.startswith("its link goes to t.m\u0435 ("), embeds[0].id_doubt
    assert len([url for url in asked if "aljazeera" in url]) == 0, len(asked)


def test_the_marker_gate_reads_a_page_for_a_link_whose_host_is_beyond_ascii_not_for_its_path():
    """lead43's gate let through every page with an href beyond ASCII anywhere: a page of an Arabic site's own links
    and nothing else an embed needs was parsed whole (0.25 s for 2,000 links, 0.03 s skipped). Only a host written
    beyond ASCII can be a look-alike one."""
    from resolver.extract import html

    links = "".join(f'<li><a href="https://www.example.net/news/الحرب-{i}">خبر</a></li>' for i in range(3))
    assert not html.has_markers(f"<html><body><ul>{links}</ul></body></html>")
    assert html.has_markers(f"<html><body><ul>{links}</ul><a href='https://t.m\u0435/warmonitor/1'>x</a></body></html>")
    assert html.has_markers("<html><body><a href=//tw\u0456tter.com/jack/status/20>x</a></body></html>")
