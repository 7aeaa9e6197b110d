"""review46d: adversarial review of stop 45's fixes by review45e (captures cut, mojibake of words in capitals) and
review45f (quotes beside links), and the lead's moves of the capture helpers."""

from __future__ import annotations

import pytest

from tests.test_verdicts import quoted, reporter, text_check  # noqa: F401 - reporter: a fixture


@pytest.mark.parametrize("broken, right", [
    # Polish "Są" (they are) opening a sentence: "ą" is "Ä…" read as Windows-1252
    ("S\u00c4\u2026 to dobre wiadomo\u00c5\u203aci. Dzi\u00c4\u2122kujemy stra\u00c5\u00bcakom.",
     "S\u0105 to dobre wiadomo\u015bci. Dzi\u0119kujemy stra\u017cakom."),
    # Swedish in capitals: "PÅ" is "PÃ…"
    ("VI SES P\u00c3\u2026 FREDAG. Tack f\u00c3\u00b6r i dag.",
     "VI SES P\u00c5 FREDAG. Tack f\u00f6r i dag."),
    # Finnish in capitals: "TYÖ" (work) is "TYÃ–"
    ("UUSI TY\u00c3\u2013 alkaa t\u00c3\u00a4n\u00c3\u00a4\u00c3\u00a4n.",
     "UUSI TY\u00d6 alkaa t\u00e4n\u00e4\u00e4n."),
], ids=["polish-sa", "swedish-pa", "finnish-tyo"])
def test_mojibake_of_a_last_letter_before_a_space_is_undone_with_the_rest(fakenet, reporter, broken, right):
    """Real mojibake of a word's last letter ("Ä…" for "ą", "Ã…" for "Å", "Ã–" for "Ö") reads as a letter in
    capitals + "…"/"–" (review45e's guard for «IRMÃ»): it was kept as the page writes it while the rest of the
    post's words were repaired, and the article's copy, the post's own words, failed as altered."""
    check = text_check(quoted(fakenet, reporter, broken, right)["json"])
    assert check["result"] == "pass", check


@pytest.mark.parametrize("written, read", [
    ("S\u00c4\u2026 to dobre wiadomo\u00c5\u203aci", "S\u0105 to dobre wiadomo\u015bci"),
    ("VI SES P\u00c3\u2026 FREDAG. Tack f\u00c3\u00b6r i dag.",
     "VI SES P\u00c5 FREDAG. Tack f\u00f6r i dag."),
    ("UUSI TY\u00c3\u2013 alkaa t\u00c3\u00a4n\u00c3\u00a4\u00c3\u00a4n.",
     "UUSI TY\u00d6 alkaa t\u00e4n\u00e4\u00e4n."),
    ("L\u00c3\u00a0 o\u00c3\u00b9 il est", "L\u00e0 o\u00f9 il est"),
    # French guillemets in mojibake ("Â«", "Â»"): no word ends in "Â"
    ("Il a dit \u00c2\u00abBONJOUR\u00c2\u00bb \u00c3\u00a0 tous",
     "Il a dit \u00abBONJOUR\u00bb \u00e0 tous"),
    # a right word in capitals before "…" whose other reading is a rare letter ("É…" as "Ʌ") stays, beside mojibake
    ("Dad\u00e2\u20ac\u2122s CAF\u00c9\u2026 ok", "Dad\u2019s CAF\u00c9\u2026 ok"),
    # review45e's words in capitals closed by their marks stay as written, the mojibake beside them undone
    ("\u0110\u00c3\u00a0 xong", "\u0110\u00c3\u00a0 xong"),   # Vietnamese ĐÃ and a no-break space
    ("CAF\u00c3\u2030 \u00abIRM\u00c3\u00bb \u2014 CAMPE\u00c3 DA",
     "CAF\u00c9 \u00abIRM\u00c3\u00bb \u2014 CAMPE\u00c3 DA"),
    ("Ren\u00c3\u00a9e: \u201cAMANH\u00c3\u201d", "Ren\u00e9e: \u201cAMANH\u00c3\u201d"),
    ("Dad\u00e2\u20ac\u2122s. \u201e\u00deA\u00d0 ER B\u00daI\u00d0\u201c",
     "Dad\u2019s. \u201e\u00deA\u00d0 ER B\u00daI\u00d0\u201c"),
], ids=["polish", "swedish", "finnish", "french-nbsp", "guillemets", "cafe", "vietnamese", "irma", "amanha",
        "icelandic"])
def test_a_last_letters_mojibake_is_repaired_where_a_word_in_capitals_and_its_mark_is_kept(written, read):
    from resolver.mojibake import repaired

    assert repaired(written) == read


@pytest.mark.parametrize("body", [
    '<p>Jones called the toll plan a mistake. Smith <a href="{url}">posted</a>: “We will support new tolls on '
    'Route 9,” according to Jones.</p>',
    '<p>Martínez criticó la medida. La diputada Lucía Gómez <a href="{url}">escribió en Twitter</a>: «El gobierno va a '
    'subir el IVA en 2023», según Martínez.</p>',
], ids=["english", "spanish"])
def test_a_quote_segun_a_name_of_an_earlier_sentence_stays_anothers_report(body):
    """"according to Jones" names the post's author only where the link's own sentence names Jones (review45f's
    `_own_report`): one named in an earlier sentence of the paragraph, Smith's critic, was taken as the author, the
    quote read as the post's own words (high) and a change in them failed."""
    from resolver.extract import find_all
    from tests.test_quotes_beside_links import POST_ID, URL, _page

    [embed] = [e for e in find_all(_page(body.format(url=URL)), "html")[0] if e.post_id == POST_ID]
    assert embed.text_confidence == "reported", embed


def test_a_spanish_no_in_a_post_tagged_portuguese_is_still_a_negation_a_translation_drops():
    """Portuguese "no" is "in the", no negation (review45f), but a post whose words read as Spanish is Spanish
    whatever its tag says (X tags short Spanish posts "pt"): its "No" is the negation the English quote drops."""
    from resolver.quotes import compare

    said, post = "We will raise taxes this year", "No vamos a subir los impuestos este año"
    assert 'the post has a negation ("No"), the quote none' in compare(said, post, lang="pt").evidence
    assert "negation" not in compare(said, "Vamos subir os impostos no próximo ano", lang="pt").evidence


@pytest.mark.parametrize("after, confidence", [
    ("según el tuit de Gómez", "reported"),
    ("según Martínez de Gómez", "reported"),
    ("según su cuenta de Twitter", "high"),
    ("según Martínez en X", "high"),
])
def test_a_quote_segun_a_post_of_another_named_after_it_stays_anothers_report(after, confidence):
    """"según el tuit de Gómez" gives the quote to Gómez's post, not to Martínez's the link is (review45f's
    `_own_report` read any word after "de"/"on" as a place, the quote the post's own words, high); "en X" is a place."""
    from resolver.extract import find_all
    from tests.test_quotes_beside_links import POST_ID, URL, _page

    body = (f'<p>La diputada Lucía Martínez <a href="{URL}">escribió en Twitter</a>: «El gobierno va a subir el IVA '
            f'en 2023», {after}.</p>')
    [embed] = [e for e in find_all(_page(body), "html")[0] if e.post_id == POST_ID]
    assert embed.text_confidence == confidence, embed


@pytest.mark.parametrize("created", ["1699954330\u00b2", "\u00b9\u2082"], ids=["superscript", "sub-and-superscript"])
def test_a_capture_whose_posting_time_holds_a_digit_int_cannot_read_says_it_gives_no_time(created):
    """A page's data giving the time in digits `int()` cannot read ("²": `str.isdigit` says yes) raised ValueError out
    of `captured.epoch` (shared since the lead's 039ab47a by TikTok's and Instagram's capture readers): a traceback
    instead of "no posting time"."""
    from resolver.fetch import tiktok_pages
    from tests.test_tiktok_captures import CAPTION, HANDLE, NAME, VIDEO, read, universal

    item = {"id": VIDEO, "desc": CAPTION, "createTime": created, "author": {"uniqueId": HANDLE, "nickname": NAME}}
    record, _, notes = read(universal(item=item))
    assert (record.status, record.text, record.created_at, notes) == ("available", CAPTION, None,
                                                                      (tiktok_pages.NO_TIME,)), record


@pytest.mark.parametrize("above", [
    "<p>La alcaldesa tuiteó: «Hoy cerramos el puente.»</p>",
    "<p>La alcaldesa escribió en X: «Hoy cerramos el puente.»</p>",
    "<p>A prefeita publicou no Twitter: “Hoje fechamos a ponte.”</p>",
    "<p>A prefeita tuitou: “Hoje fechamos a ponte.”</p>",
    "<p>Die Bürgermeisterin schrieb auf X: „Heute schließen wir die Brücke.“</p>",
    "<p>La maire a écrit sur TikTok : « Nous fermons le pont. »</p>",
], ids=["tuiteo", "escribio-en-x", "publicou-no-twitter", "tuitou", "schrieb-auf-x", "ecrit-sur-tiktok"])
def test_a_quote_of_another_platforms_post_in_another_language_above_an_instagram_embed_is_not_its_caption(above):
    """review45e set aside a quote introduced as a tweet or a post "on X/TikTok/…" above an Instagram embed, in
    English (and "twitterte", "a tweeté") only: "La alcaldesa tuiteó: «…»" was still read as the Instagram post's
    caption."""
    from tests.test_instagram_quotes45 import read

    assert read(above) == (None, None)


def test_a_quote_introduced_on_instagram_in_another_language_is_still_read():
    from tests.test_instagram_quotes45 import CAPTION, read

    assert read(f"<p>La cantante escribió en Instagram: «{CAPTION}»</p>") == (CAPTION, "uncertain")
    assert read(f"<p>A cantora escreveu no Instagram: “{CAPTION}”</p>") == (CAPTION, "uncertain")


def test_portuguese_nao_written_without_its_tilde_is_a_negation_a_translation_drops():
    """"nao" is how many posts write "não" (no tilde on the keyboard): it was no negation, so an English quote
    dropping it was said nothing of, where "Não" was named (asked of review45f's Portuguese "no")."""
    from resolver.quotes import compare

    said = "We will raise taxes next year"
    for post in ("Nao vamos subir os impostos no proximo ano", "Não vamos subir os impostos no próximo ano"):
        assert "the post has a negation (" in compare(said, post, lang="pt").evidence, post


def test_a_quote_before_a_markdown_link_with_a_title_is_still_read_as_its_posts():
    """review45f made a Markdown link's title (`[her post](URL "Mayor on X")`) no quote of any URL, and with it the
    quote before the link was no longer read either: `The mayor wrote: "…" [her post](URL "Mayor on X")` gave no
    words, where the same link without a title gives the quote (uncertain), so a misquote went unchecked."""
    from resolver.extract import find_all

    url = "https://x.com/a/status/1700000000000000001"
    for link in (f'[her post]({url} "Mayor on X")', f"[her post]({url})"):
        [embed] = find_all(f'The mayor wrote: "We close the bridge" {link}', "text")[0]
        assert (embed.text, embed.text_confidence) == ("We close the bridge", "uncertain"), link
