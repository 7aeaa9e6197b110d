"""Quote verdicts newuser38a found too kind (#9, newuser38a #3, #4); fixtures fictional, served on 127.0.0.1.

- Words the post never said inside the `<p>` of an embed code's blockquote warned "glued on by the page or a
  scraper?": there the page wrote them, a misquote. They fail now; a scraped text's glued words still warn, as do
  what embed code itself carries beside a post's words (its signature, hashtags, links).
- A partial quote leaving out the frame that denies it ("It would be a lie to say the budget was stolen" quoted
  "the budget was stolen") passed beside a link: it warns, naming the words left out, in an embed code and beside a
  link alike, and shows what the post says.
"""

from __future__ import annotations

import pytest

from resolver.provenance import text_check
from tests.test_verdicts import (ORIGINAL_WORDS, check_named, edited_embed, original_capture,  # noqa: F401
                                 reporter)

POST_ID = "1764653270430658617"
WORDS = "The harbour contract was signed in public, with every bid published."
POST = {"status": "available", "text": WORDS, "archived": [], "post_id": POST_ID}
GLUED = "(glued on by the page or a scraper?)"


def embed(said: str, detector: str = "html-blockquote", confidence: str = "high") -> dict:
    return {"text": said, "detector": detector, "text_confidence": confidence}


def test_a_sentence_added_inside_an_embed_codes_own_paragraph_fails():
    checked = text_check(embed(f"{WORDS} Bribes were paid."), POST)
    assert checked["result"] == "fail", checked
    assert checked["evidence"] == (
        "the post's 11 words, word for word, with words that are not the post's: \"Bribes were paid\" after, in the "
        "embed code's own paragraph, where the page wrote them: words the post never said; the post says: “The "
        "harbour contract was signed in public, with every bid published.”"), checked


def test_a_clause_added_before_the_posts_words_in_an_embed_code_fails():
    checked = text_check(embed(f"Officials admit: {WORDS}"), POST)
    assert checked["result"] == "fail", checked
    assert '"Officials admit" before, in the embed code\'s own paragraph' in checked["evidence"], checked


@pytest.mark.parametrize("detector, confidence", [("text-signature", "uncertain"), ("text-signature", "high"),
                                                  ("html-blockquote", "uncertain")],
                         ids=["scraped-text", "scraped-text-sure", "blockquote-with-no-paragraph"])
def test_words_a_scraper_may_have_glued_on_still_warn(detector, confidence):
    """A flattened text's ends are a reading of the page (and an embed code with no `<p>` read up to its
    signature, uncertain): there glue is real."""
    checked = text_check(embed(f"{WORDS} Bribes were paid.", detector, confidence), POST)
    assert checked["result"] == "warn", checked
    assert GLUED in checked["evidence"], checked


@pytest.mark.parametrize("said", [
    f"{WORDS} #harbour #council",
    f"{WORDS} pic.twitter.com/AbC123xyz",
    f"{WORDS} https://t.co/AbC123xyz",
    f"{WORDS} — Mara Quill (@MaraQuill) March 4, 2024",
    f"{WORDS} Read more",
], ids=["hashtags", "media-link", "t-co-link", "signature", "widget-words"])
def test_what_embed_code_carries_beside_the_words_is_no_fail(said):
    checked = text_check(embed(said), POST | {"author_handle": "MaraQuill"})
    assert checked["result"] != "fail", checked


def test_an_edited_posts_original_with_a_clause_added_in_the_embed_fails(fakenet, reporter):
    """newuser38a #3 (a06): the capture before the edit holds the original; the embed's paragraph adds words to it."""
    embed_ = edited_embed(fakenet, reporter, [original_capture()], ORIGINAL_WORDS[:-1] + " and the bridge plan.", 4)
    check = check_named(embed_, "text")
    assert check["result"] == "fail", check
    assert check["evidence"].endswith("the post's 8 words, word for word, with words that are not the post's: "
                                      "\"and the bridge plan\" after, in the embed code's own paragraph, where the "
                                      "page wrote them: words the post never said"), check


FRAMED = "It would be a lie to say the budget was stolen. The audit found every coin."


@pytest.mark.parametrize("post_text, left_out", [
    (FRAMED, "It would be a lie to say"),
    ("It is a lie that the budget was stolen.", "It is a lie that"),
    ("It is false to claim the budget was stolen.", "It is false to claim"),
    ("It is false that the budget was stolen.", "false that"),
    ("Nobody believes the budget was stolen.", "Nobody"),
    ("I never said the budget was stolen.", "never"),
], ids=["lie-to-say", "lie-that", "false-to-claim", "false-that", "nobody-believes", "never-said"])
def test_a_partial_quote_beside_a_link_leaving_out_a_frame_that_denies_it_warns_naming_it(post_text, left_out):
    post = POST | {"text": post_text}
    checked = text_check(embed("the budget was stolen", "html-link"), post)
    assert checked["result"] == "warn", checked
    flat = " ".join(post_text.split())
    assert checked["evidence"] == (
        f"the words quoted beside the link: partial quote: 4 of {len(flat.split())} words; the post has "
        f"\"{left_out}\" before them in the same clause (a negation the quote leaves out?); the post says: “{flat}”"), \
        checked


def test_an_embeds_partial_quote_leaving_out_a_frame_names_it_and_the_trimming():
    """The same quote in an embed code (a03) warned as trimmed; it names the frame left out too, as beside a link."""
    checked = text_check(embed("the budget was stolen."), POST | {"text": FRAMED})
    assert checked["result"] == "warn", checked
    assert checked["evidence"] == (
        "partial quote: 4 of 16 words; the post has \"It would be a lie to say\" before them in the same clause (a "
        "negation the quote leaves out?); an embed code shows the post whole, this one only part of it (trimmed, or "
        f"the post edited since?); the post says: “{FRAMED}”"), checked


@pytest.mark.parametrize("post_text", ["They say the budget was stolen, and I agree.",
                                       "I would be lying if I kept quiet: the budget was stolen."],
                         ids=["no-frame", "lie-in-another-clause"])
def test_a_partial_quote_beside_a_link_with_no_denying_frame_still_passes(post_text):
    checked = text_check(embed("the budget was stolen", "html-link"), POST | {"text": post_text})
    assert checked["result"] == "pass", checked
