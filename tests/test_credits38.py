"""Photo credits stop 37 left alone (credits38, #10); fixtures fictional.

A wrong credit (no creator where the words name one, a label taken for a name) is worse than a missed one, and a
credit line the page prints must be found where it is printed.
"""

import pytest

from resolver.extract import find_all


def figure(caption: str) -> str:
    return ('<!doctype html><html lang="en"><body><article><p>Story words here.</p><figure>'
            f'<img src="https://img.example.org/2026/p1.jpg"><figcaption>{caption}</figcaption></figure>'
            "</article></body></html>")


def credits_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(content, kind)[1]]


@pytest.mark.parametrize("credit, creator, organization", [
    ("Photo by Jane Roe for The Riverton Post via Getty Images", "Jane Roe", "The Riverton Post via Getty Images"),
    ("Photo: Jane Roe for The Riverton Post via Getty Images", "Jane Roe", "The Riverton Post via Getty Images"),
    # as before: the organisation held as written, "via" and all, as "John Smith/AFP via Getty Images" is
    ("Photo: Jane Roe for Reuters", "Jane Roe", "Reuters"),
    ("Jane Roe/The Riverton Post via AP", "Jane Roe", "The Riverton Post via AP"),
    ("Photo by Jane Roe via Getty Images", "Jane Roe", "Getty Images"),
    ("Photo: Getty Images for Acme via Riverton Wire", None, "Getty Images for Acme via Riverton Wire"),
], ids=["by-for-via", "colon-for-via", "for-agency", "slash-via", "via", "agency-for-via"])
def test_a_person_for_an_outlet_via_an_agency_is_the_persons_credit(credit, creator, organization):
    """"Name for Outlet via Agency": split at " via " first, "Jane Roe for The Riverton Post" read as an organisation
    and the credit named no creator (credits37 saw it)."""
    [(got_creator, got_organization, confidence)] = credits_of(figure(f"Flood waters on Main Street. {credit}"))
    assert (got_creator, got_organization) == (creator, organization)
    assert confidence == "high"


# IPTC 1:90 (coded character set) naming JIS X 0208 (ESC $ B) over a by-line written in ISO-2022-JP with its own
# escapes: credits37 read such a field when no 1:90 was there, and said it "not read" when 1:90 named the very set
# it switches to. Both are one reading: the field's escapes say where each set starts, and the 1:90 agrees.
@pytest.mark.parametrize("charset, byline, name", [
    (None, "山田太郎".encode("iso2022_jp"), "山田太郎"),
    (b"\x1b$B", "山田太郎".encode("iso2022_jp"), "山田太郎"),
    (b"\x1b(B\x1b$B", b"Taro " + "山田".encode("iso2022_jp"), "Taro 山田"),
    (b"\x1b$)C", "김민수".encode("iso2022_kr"), "김민수"),
], ids=["no-1-90", "jis-x0208", "ascii-and-jis-x0208", "ksc5601"])
def test_iptc_in_iso_2022_reads_alike_with_or_without_its_1_90(charset, byline, name):
    from resolver.fetch.media import analyse
    from tests import xfixtures as fx

    iptc = {(2, 80): byline, (2, 110): b"Riverton Wire"} | ({(1, 90): charset} if charset else {})
    facts = analyse(fx.jpeg(iptc=iptc))
    assert facts.credit == {"byline": name, "credit_line": "Riverton Wire"}
    assert facts.warnings == []


@pytest.mark.parametrize("charset", [b"\x1b%G", b"\x1b-L", b"\x1b$)C"], ids=["utf-8", "iso8859-5", "ksc5601"])
def test_iptc_escapes_of_another_set_than_its_1_90_are_not_read(charset):
    """1:90 names UTF-8, Cyrillic or Korean and the field switches to Japanese by its own escapes: its bytes mean two
    things. Under UTF-8 and ISO 8859-5 it was read with its ESC bytes in it (";3EDB@O:" between escapes, a wrong
    name); it is left out, saying why."""
    from resolver.fetch.media import analyse
    from tests import xfixtures as fx

    facts = analyse(fx.jpeg(iptc={(1, 90): charset, (2, 80): "山田太郎".encode("iso2022_jp"),
                                  (2, 110): b"Riverton Wire"}))
    assert facts.credit == {"credit_line": "Riverton Wire"}
    shown = charset.replace(b"\x1b", b"ESC ").decode("ascii")
    assert facts.warnings == ["IPTC by-line (2:80) not read: it switches character sets by ISO 2022 escapes this "
                              f"tool does not decode, or not of the set its 1:90 names (1:90 = {shown})"]


STORY = "The telescope saw the galaxy in 2024 and the team said the picture was new to them all."
AFTER = "The team will publish the results next year in a journal that many scientists read."


@pytest.mark.parametrize("line, raw, creator, organization", [
    ("Credit: NASA/ESA", "Credit: NASA/ESA", None, "NASA/ESA"),
    ("  Credit: NASA/ESA", "Credit: NASA/ESA", None, "NASA/ESA"),
    ("\tCredit: NASA/ESA", "Credit: NASA/ESA", None, "NASA/ESA"),
    ("\u00a0Credit: NASA/ESA  ", "Credit: NASA/ESA", None, "NASA/ESA"),
    ("Photo: Jane Roe/Reuters", "Photo: Jane Roe/Reuters", "Jane Roe", "Reuters"),
    ("    Photo: Jane Roe/Reuters", "Photo: Jane Roe/Reuters", "Jane Roe", "Reuters"),
], ids=["alone", "indented", "tab", "nbsp", "photo-alone", "photo-indented"])
def test_a_credit_line_alone_in_plain_text_is_found_where_it_is(line, raw, creator, organization):
    """Scraped text keeps a caption's credit on a line of its own, often indented: "  Credit: NASA/ESA" was lost and
    "    Photo: Jane Roe/Reuters" read without its label (the slash form's "Jane Roe/Reuters")."""
    text = f"{STORY}\n\n{line}\n\n{AFTER}"
    [credit] = find_all(text, "text")[1]
    assert (credit.creator, credit.organization) == (creator, organization)
    assert text[credit.span[0]:credit.span[1]] == raw == credit.raw


@pytest.mark.parametrize("text", ["  photo: the new mural was painted by pupils.", "    Credit card fees rose again."],
                         ids=["prose", "credit-card"])
def test_an_indented_line_that_is_no_credit_line_gives_none(text):
    """Indented prose is no credit: the indent lets a credit start there, not a sentence read as one."""
    assert find_all(f"{STORY}\n\n{text}\n\n{AFTER}", "text")[1] == []


SIGNED = ('&mdash; Jane Roe (@janeroe) <a href="https://twitter.com/janeroe/status/1234567890123456789">'
          "March 3, 2026</a>")


@pytest.mark.parametrize("inner", [
    f"<p>Flood waters rising on Main St this morning pic.twitter.com/AbCdEf1234</p>{SIGNED}",
    f"<p>Flood waters rising on Main St this morning pic.twitter.com/AbCdEf1234</p><p>{SIGNED}</p>",
    '<p lang="en" dir="ltr">Flood waters rising on Main St this morning <a href="https://t.co/AbCdEf1234">'
    f"pic.twitter.com/AbCdEf1234</a></p>{SIGNED}",
], ids=["signature-loose", "signature-in-p", "photo-a-link"])
def test_a_tweet_flattened_into_a_classless_blockquote_is_one_post(inner):
    """widgets.js markup without its twitter-tweet class (a CMS dropped it): the signature's date a link to the
    post. Only a classed blockquote is embed code; this one was left to it, and the page gave the photo link as an
    embed of its own and the post with no words."""
    page = ('<!doctype html><html lang="en"><body><article><p>Story words here.</p>'
            f"<blockquote>{inner}</blockquote><p>More story words.</p></article></body></html>")
    [embed] = find_all(page, "html")[0]
    assert (embed.platform, embed.post_id, embed.author_handle, embed.author_name) == (
        "twitter", "1234567890123456789", "janeroe", "Jane Roe")
    assert embed.text == "Flood waters rising on Main St this morning pic.twitter.com/AbCdEf1234"
    assert "https://pic.twitter.com/AbCdEf1234" in embed.media_links
    assert page[embed.span[0]:embed.span[1]].startswith("<blockquote>")


def test_a_twitter_tweet_blockquote_is_still_read_by_its_markup():
    page = ('<!doctype html><html lang="en"><body><article><blockquote class="twitter-tweet"><p>Flood waters rising'
            f" on Main St this morning pic.twitter.com/AbCdEf1234</p>{SIGNED}</blockquote></article></body></html>")
    [embed] = find_all(page, "html")[0]
    assert (embed.post_id, embed.detector) == ("1234567890123456789", "html-blockquote")


@pytest.mark.parametrize("content, kind", [
    (figure("Flood waters on Main Street. Courtesy photo"), "html"),
    (figure("Flood waters on Main Street. Courtesy photo."), "html"),
    (figure("Flood waters on Main Street. Courtesy image"), "html"),
    (f"{STORY}\n\nCourtesy photo\n\n{AFTER}", "text"),
], ids=["caption", "caption-stop", "caption-image", "text-line"])
def test_an_unbracketed_courtesy_photo_is_a_credit_naming_no_one(content, kind):
    """"Courtesy photo" as "(Courtesy photo)" is: the picture was lent, by someone the words do not name. It gave no
    credit, while the bracketed one gave one; never a creator "Courtesy" or "photo"."""
    [credit] = find_all(content, kind)[1]
    assert (credit.creator, credit.organization, credit.kind, credit.split_confidence) == (None, None, "courtesy", None)
    assert credit.raw.rstrip(".") in ("Courtesy photo", "Courtesy image")


@pytest.mark.parametrize("text", ["Courtesy photos of the mayor were sent to every school.",
                                  "She asked for a courtesy photo after the game."], ids=["opening-words", "prose"])
def test_courtesy_photo_in_a_sentence_is_no_credit(text):
    assert find_all(f"{STORY}\n\n{text}\n\n{AFTER}", "text")[1] == []
