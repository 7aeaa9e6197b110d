"""A page that declares UTF-8 and is UTF-8 but for a few stray bytes (a template's junk, a cut) is read as UTF-8, the
bad bytes replaced, and every output says how many were bad (newuser39b #11: such a page, ASCII but for six bad
bytes at its end, was read as cp775 with no word: every letter beyond ASCII the page held came out as mojibake).
A page that declares UTF-8 but whose bytes read as a one-byte encoding's words (cp1252 French, cp1251 Russian) is
still read in that encoding: the label is often wrong."""

import json

import pytest

from resolver.article import from_bytes

HEAD = "<html><head><meta charset='utf-8'><title>Harbour</title></head><body><article>"
TAIL = "</article></body></html>\n"
JUNK = b"\xff\xfe\xc3( broken \x80\x81"


def page(words: str, junk: bytes = JUNK) -> bytes:
    return (HEAD + f"<p>{words}</p>" + TAIL).encode("utf-8") + junk


@pytest.mark.parametrize("words", [
    "The harbour reopened on Monday. (Photo: Bea Example/Riverton Post)",   # ASCII but for the junk
    "The café by the harbour reopened. (Photo: José Núñez/Riverton Post)",  # one or two letters beyond ASCII
])
def test_a_utf8_page_with_a_few_bad_bytes_is_read_as_utf8_and_says_how_many(words):
    article = from_bytes(page(words), "story.html")
    assert article.encoding == "utf-8", article.encoding
    assert words in article.text
    assert article.text.count("\ufffd") >= 1
    assert article.bad_bytes == 5   # \xff \xfe \xc3 (its "(" is ASCII) \x80 \x81


def test_the_scan_table_and_json_say_how_many_bytes_were_bad(tmp_path):
    from resolver.pipeline import scan_article
    from resolver.report import scan_view

    result = scan_article(from_bytes(page("The café reopened."), "story.html"))
    head = " ".join(text for text, _ in next(iter(scan_view(result))))
    assert "5 bytes are not UTF-8" in head, head
    [said] = [w for w in json.loads(json.dumps(result.to_json()))["warnings"] if w["kind"] == "bad-bytes"]
    assert said["bytes"] == 5 and "5 bytes are not UTF-8" in said["message"]


@pytest.mark.parametrize("words, encoding", [
    ("Le café de la gare a rouvert, résumé de la journée.", "cp1252"),
    ("Москва сегодня открыла мост после ремонта.", "cp1251"),
    ("It’s closed — today.", "cp1252"),
])
def test_a_page_labelled_utf8_in_a_one_byte_encoding_is_still_read_in_it(words, encoding):
    data = (HEAD + f"<p>{words}</p>" + TAIL).encode(encoding)
    article = from_bytes(data, "story.html")
    assert words in article.text and article.encoding != "utf-8", article.encoding
    assert article.bad_bytes == 0


def test_valid_utf8_has_no_bad_bytes():
    article = from_bytes(page("The café reopened.", b""), "story.html")
    assert (article.encoding, article.encoding_detected, article.bad_bytes) == ("utf-8", False, 0)
