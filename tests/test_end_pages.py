"""resolver/end_pages.py: what a link's end page says of itself, read from its bytes (resolution36, #13)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolver.end_pages import MAX_NAMED, MAX_PAGE, PageReading, links_named, read_end_page, site

POST = "https://twitter.com/RivertonRoads/status/1600000000000000001"


@pytest.mark.parametrize(("body", "expected"), [
    ("<title>x.example is for sale</title><p>This Domain Is For Sale!</p>",
     PageReading("parked", "this domain is for sale", ())),
    ('<script src="https://www.sedoparking.com/frmpark/x.js"></script>', PageReading("parked", "sedoparking.com", ())),
    (f'<p>You are leaving sho.example.</p><a href="{POST}">go</a><a href="/abuse">report</a>',
     PageReading("notice", "you are leaving", (POST,))),
    (f'<meta http-equiv="refresh" content="30; url={POST}"><p>Redirect Notice</p>',
     PageReading("notice", "redirect notice", (POST,))),
    (f'<p>Continue to <a href="{POST}">the post</a></p>', None),
    ("<p>The bridge reopened.</p>", None),
], ids=["for-sale-words", "parking-service-script", "leaving-notice", "notice-meta-refresh",
        "continue-to-is-no-notice", "a-story"])
def test_what_an_end_page_reads_as(body, expected):
    assert read_end_page(body.encode(), "https://sho.example/leave") == expected


def test_a_page_larger_than_a_notice_is_read_as_none():
    body = ("<p>This domain is for sale, the banner said.</p>" + "<p>words</p>" * (MAX_PAGE // 10)).encode()
    assert read_end_page(body, "https://news.example/story") is None


def test_links_named_leaves_out_the_pages_own_site_and_keeps_at_most_a_few():
    links = "".join(f'<a href="https://t{i}.example/p">{i}</a>' for i in range(5))
    body = f'<a href="https://www.sho.example/about">us</a><a href="https://cdn.sho.example/x">cdn</a>{links}'.encode()
    assert links_named(body, "https://sho.example/leave") == tuple(f"https://t{i}.example/p" for i in range(MAX_NAMED))


@pytest.mark.parametrize(("url", "expected"), [
    ("https://news.bbc.co.uk/a", "bbc.co.uk"), ("https://www.parked.example/x", "parked.example"),
    ("https://t.co/x", "t.co"), ("http://[::1", ""),
], ids=["country-second-level", "subdomain", "two-labels", "unparsable"])
def test_site(url, expected):
    assert site(url) == expected


# review37d: perf36 looked for the words in the page's bytes with their ASCII letters lowered (146b4f8), not in its
# text lowered. One character lowers to an ASCII letter and is none: the Kelvin sign (U+212A) lowers to "k", so a
# page writing "parKed" with it read as parked before and as nothing after. Checked over every code point: "İ"
# lowers to "i" and a combining dot, which no word can match.
def test_review37d_only_the_kelvin_sign_lowers_to_an_ascii_letter_and_it_reads_as_k_as_before():
    import sys

    from resolver.end_pages import NOTICE_WORDS, PARKED_WORDS

    assert [hex(c) for c in range(0x80, sys.maxunicode + 1) if chr(c).lower().isascii()] == ["0x212a"]
    # U+0130 lowers to "i" and a combining dot: it could end a word ending in "i" only, and none does
    assert [hex(c) for c in range(0x80, sys.maxunicode + 1)
            if any(ch.isascii() for ch in chr(c).lower())] == ["0x130", "0x212a"]
    assert not [word for word in (*PARKED_WORDS, *NOTICE_WORDS) if word.endswith("i")]
    for body, reads_as, words in [("<p>This domain is par\u212aed</p>", "parked", "this domain is parked"),
                                  ("<p>Lin\u212a preview</p>", "notice", "link preview"),
                                  ("<p>\u212a</p>", None, None)]:
        reading = read_end_page(body.encode("utf-8"), "https://t.co/Ab12")
        got = (reading.reads_as, reading.words) if reading else (None, None)
        assert got == (reads_as, words), body


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["this domain is parked", "THIS LINK LEADS TO", "Lin\u212a preview",
                                           "you\u2019re leaving", "you're leaving", "\u0130", "par", "ked", " ", "é",
                                           "Redirect Notice", "bodis.com"]),
                          # no "<": a tag's attribute holding the words is no notice (review38c), a rule of its own;
                          # no quotation mark: words quoted are a story's (sigres38), a rule of its own too
                          st.binary(max_size=4).map(lambda b: b.decode("latin-1").replace("<", "").replace(
                              '"', "").replace("«", "").replace("»", ""))), max_size=12),
       st.sampled_from(["utf-8", "latin-1-bytes", "utf-16"]))
def test_review37d_an_end_page_s_words_are_found_as_in_its_text_lowered(pieces, form):
    """The reading in bytes finds the words the text, decoded as UTF-8 with bad bytes replaced and lowered, holds
    (the reading before perf36), in any bytes: valid UTF-8, stray bytes, UTF-16."""
    from resolver.end_pages import NOTICE_WORDS, PARKED_WORDS

    text = "".join(pieces)
    body = (text.encode("utf-8") if form == "utf-8" else text.encode("utf-16") if form == "utf-16"
            else "".join(pieces).encode("utf-8", "replace").replace(b"\xc3", b"\xff"))
    lowered = body.decode("utf-8", "replace").lower()
    parked = next((w for w in PARKED_WORDS if w in lowered), None)
    notice = next((w for w in NOTICE_WORDS if w in lowered), None)
    reading = read_end_page(body, "https://t.co/Ab12")
    got = (reading.reads_as, reading.words) if reading else (None, None)
    assert got == (("parked", parked) if parked else ("notice", notice) if notice else (None, None))


@pytest.mark.parametrize(("body", "url", "expected"), [
    ('<script>window.location.href="/lander"</script>', "https://lapsed.example/a",
     PageReading("parked", "a script sending to /lander", ())),
    ("<script>top.location = 'https://www.above.com/parked?d=x'</script>", "https://lapsed.example/a",
     PageReading("parked", "a script sending to https://www.above.com/parked?d=x", ())),
    ('<p>Redirecting...</p><script>location.assign("https://app.example/home")</script>', "https://old.example/a",
     PageReading("script", "https://app.example/home", ("https://app.example/home",))),
    ('<script>location.href = "#top"</script>', "https://old.example/a", None),
    ('<script>location.href = "javascript:void(0)"</script>', "https://old.example/a", None),
    ("<p>" + "The council met and voted. " * 10 + '</p><script>location.href="/consent"</script>',
     "https://news.example/a", None),
    ("<title>Log in &middot; Social</title><div id=app></div>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Log in · Social"', ())),
    ('<title>Social</title><form><input type = "password" name=pw></form>', "https://social.example/entry",
     PageReading("sign-in", "a password field", ())),
    ("<title>Bridge reopens</title><header><a href=/login>Log in</a></header><p>The bridge reopened.</p>",
     "https://news.example/a", None),
    ("<title>How to sign in to the council's portal</title>" + "<p>The portal asks for your number.</p>" * 60,
     "https://news.example/a", None),
], ids=["lander-script", "parking-service-script", "script-only-elsewhere", "script-to-itself", "script-javascript",
        "story-with-a-script", "sign-in-title", "password-field", "story-with-a-login-link", "story-titled-sign-in"])
def test_what_a_script_only_or_a_sign_in_end_page_reads_as(body, url, expected):
    """resolution37: a lapsed domain's script-only page sending to a parking lander, any other page with no text but
    a script sending on, and a sign-in page (by its title or password field) are read; a story is none of them."""
    assert read_end_page(body.encode(), url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://social.example/login?next=/p/1", True), ("https://www.facebook.com/login.php?next=x", True),
    ("https://www.instagram.com/accounts/login/?next=/p/x/", True), ("https://x.com/i/flow/login", True),
    ("https://www.linkedin.com/authwall?trk=x", True), ("https://news.example/signin", True),
    ("https://news.example/2024/login-problems-at-the-bank", False), ("https://news.example/blog", False),
], ids=["login-next", "login-php", "accounts-login", "flow-login", "authwall", "signin", "story-slug", "blog"])
def test_a_sign_in_address(url, expected):
    from resolver.end_pages import sign_in_address

    assert sign_in_address(url) is expected


# sigres38 (item 5 of stop 37's "left alone"): parking pages and sign-in walls were read by English words and paths
# only: a German registrar's "Diese Domain steht zum Verkauf", a French site's "Se connecter" wall were live ends.
# The other languages the project reads are read in the same structure: a story with a sign-in link in its header,
# or a headline holding the word, stays none.
_NEWS_WORDS = "<p>Der Stadtrat hat die Brücke am Montag wieder geöffnet, wie die Verwaltung mitteilte.</p>" * 30


@pytest.mark.parametrize(("body", "url", "expected"), [
    ("<title>riverton.example</title><h1>Diese Domain steht zum Verkauf!</h1>", "https://riverton.example/",
     PageReading("parked", "diese domain steht zum verkauf", ())),
    ("<title>riverton.example</title><h1>CE DOMAINE EST &Agrave; VENDRE</h1><p>Contactez-nous.</p>",
     "https://riverton.example/",   # its domain named: a wine estate's "ce domaine est à vendre" is none (review39c)
     PageReading("parked", "ce domaine est à vendre", ())),
    ("<h1>Este dominio est&aacute; a la venta</h1>", "https://riverton.example/",
     PageReading("parked", "este dominio está a la venta", ())),
    ("<h1>Questo dominio è in vendita</h1>", "https://riverton.example/",
     PageReading("parked", "questo dominio è in vendita", ())),
    ("<h1>Este domínio está à venda</h1>", "https://riverton.example/",
     PageReading("parked", "este domínio está à venda", ())),
    ("<h1>Dit domein is te koop</h1>", "https://riverton.example/", PageReading("parked", "dit domein is te koop", ())),
    ("<title>Anmelden | Sozial</title><div id=app></div>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Anmelden | Sozial"', ())),
    ("<title>Se connecter - Social</title><div id=app></div>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Se connecter - Social"', ())),
    ("<title>Iniciar sesi&oacute;n &middot; Social</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Iniciar sesión · Social"', ())),
    ("<title>Accedi</title>", "https://social.example/entry", PageReading("sign-in", 'its title "Accedi"', ())),
    ("<title>Entrar no Social</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Entrar no Social"', ())),
    ("<title>Social – Inloggen</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Social – Inloggen"', ())),
    ("<title>Brücke wieder offen | Zeitung</title><header><a href=/anmelden>Anmelden</a></header>" + _NEWS_WORDS,
     "https://news.example/a", None),
    ("<title>Brücke wieder offen | Zeitung</title><header><a href=/anmelden>Anmelden</a></header>"
     "<p>Die Brücke ist wieder offen.</p>", "https://news.example/a", None),
    ("<title>Cómo entrar a Chile</title><p>Los requisitos cambiaron.</p>", "https://news.example/a", None),
    ("<title>Wie Sie sich anmelden</title><p>Das Bürgerbüro erklärt es.</p>", "https://news.example/a", None),
    ("<title>Domain-Verkauf</title><p>Der Verkauf der Domain war ein Fehler, sagte der Stadtrat.</p>",
     "https://news.example/a", None),
], ids=["de-parked", "fr-parked-capitals-entity", "es-parked", "it-parked", "pt-parked", "nl-parked", "de-sign-in",
        "fr-sign-in", "es-sign-in", "it-sign-in", "pt-sign-in", "nl-sign-in", "de-story-with-header-sign-in",
        "de-short-story-with-header-sign-in", "es-headline-entrar", "de-headline-anmelden", "de-sale-words-no-parking"])
def test_sigres38_parking_and_sign_in_pages_in_the_languages_the_project_reads(body, url, expected):
    assert read_end_page(body.encode(), url) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://social.example/anmelden?weiter=/p/1", True), ("https://social.example/connexion", True),
    ("https://social.example/iniciar-sesion/", True), ("https://social.example/accedi", True),
    ("https://social.example/entrar", True), ("https://social.example/inloggen", True),
    ("https://news.example/2024/anmelden-beim-buergerbuero-so-gehts", False),
], ids=["de", "fr", "es", "it", "pt", "nl", "story-slug"])
def test_sigres38_a_sign_in_address_in_other_languages(url, expected):
    from resolver.end_pages import sign_in_address

    assert sign_in_address(url) is expected


# sigres38 (item 6 of stop 37's "left alone"): a short story (under MAX_TEXT) quoting a notice's or a parking page's
# words read as one: "The new sign reads “You are leaving Riverton”" was a notice, the post the story linked named
# as the link's likely end. Words in quotation marks are a quote of another's, not the page's own.
@pytest.mark.parametrize("body", [
    f'<title>New sign | Riverton Daily</title><p>The sign at the town line reads "You are leaving Riverton". '
    f'<a href="{POST}">The council posted it</a>.</p>',
    f"<p>The sign now reads “You are now leaving Riverton”, the council said. <a href=\"{POST}\">Its post</a>.</p>",
    "<p>The old site shows “This domain is for sale”, the council said.</p>",
    "<p>« Ce domaine est à vendre », a dit le maire.</p>",
    "<p>Users were warned ‘this link may be unsafe’, the company said.</p>",
], ids=["ascii-quotes-leaving", "curly-quotes-leaving", "curly-quotes-for-sale", "guillemets-fr", "single-quotes"])
def test_sigres38_a_short_story_quoting_a_walls_words_is_none(body):
    assert read_end_page(body.encode(), "https://news.example/a") is None


def test_sigres38_a_notice_quoting_itself_once_and_saying_it_once_is_still_a_notice():
    body = f'<p>You are leaving sho.example. Links marked "you are leaving" open elsewhere.</p><a href="{POST}">go</a>'
    assert read_end_page(body.encode(), "https://sho.example/leave") == PageReading("notice", "you are leaving",
                                                                                    (POST,))


# review39c: sigres38's readings in other languages called short ordinary pages sign-in walls or parked domains (their
# link's end unsure): a headline opening with the verb and where to ("Entrar na NATO: …", "Entrar em vigor: …",
# "Connexion au réseau : …"), a kicker before a colon ("Connexion : la fibre…", "Anmelden: So klappt die Briefwahl"),
# and a wine estate's "ce domaine est à vendre" (French "domaine" is an estate too). A sign-in page's own title still
# reads: the word as a whole part, or with where to ("Entrar no Social", "Se connecter à Facebook").
@pytest.mark.parametrize("body", [
    "<title>Entrar na NATO: Suécia conclui adesão | Jornal</title><p>A Suécia tornou-se membro da aliança.</p>",
    "<title>Entrar em vigor: o que muda com a nova lei</title><p>A lei entra em vigor amanhã.</p>",
    "<title>Connexion au réseau : la centrale de Riverton raccordée</title><p>La centrale est raccordée.</p>",
    "<title>Connexion : la fibre arrive à Riverton</title><p>Les travaux commencent lundi.</p>",
    "<title>Accesso su prenotazione - Museo Civico</title><p>Il museo riapre sabato.</p>",
    "<title>Anmelden: So klappt die Briefwahl | Zeitung</title><p>Die Frist endet am Freitag.</p>",
    "<title>Aanmelden bij de huisarts: zo werkt het</title><p>De gemeente legt het uit.</p>",
    "<title>Un domaine en Gironde</title><p>Le domaine familial compte 40 hectares de vignes. Ce domaine est à vendre "
    "depuis mars, selon l'agence.</p>",
    "<title>Château de Riverton</title><p>Ce domaine est en vente pour trois millions d'euros.</p>",
], ids=["pt-headline-entrar-na", "pt-headline-entrar-em", "fr-headline-connexion-au", "fr-kicker-connexion",
        "it-headline-accesso-su", "de-kicker-anmelden", "nl-headline-aanmelden-bij", "fr-wine-estate-a-vendre",
        "fr-wine-estate-en-vente"])
def test_review39c_an_ordinary_short_page_in_another_language_is_no_wall_and_no_parking_page(body):
    assert read_end_page(body.encode(), "https://news.example/a") is None


@pytest.mark.parametrize(("body", "url", "expected"), [
    ("<title>Se connecter à Facebook</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Se connecter à Facebook"', ())),
    ("<title>Inloggen bij Social</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Inloggen bij Social"', ())),
    ("<title>Connexion à votre compte</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Connexion à votre compte"', ())),
    ("<title>Entrar na conta | Social</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Entrar na conta | Social"', ())),
    ("<title>Anmelden bei Social / Social</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Anmelden bei Social / Social"', ())),
    ("<title>Connexion | Le Journal</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Connexion | Le Journal"', ())),
    ("<title>Le Journal : Connexion</title>", "https://social.example/entry",
     PageReading("sign-in", 'its title "Le Journal : Connexion"', ())),
    ("<title>riverton.fr</title><h1>Le nom de domaine riverton.fr</h1><p>Ce domaine est à vendre !</p>",
     "https://riverton.fr/", PageReading("parked", "ce domaine est à vendre", ())),
], ids=["fr-sign-in-a", "nl-sign-in-bij", "fr-account", "pt-account", "de-slash-part", "fr-part-first", "fr-part-last", "fr-parked-naming-its-domain"])
def test_review39c_a_wall_or_parking_page_in_another_language_still_reads(body, url, expected):
    assert read_end_page(body.encode(), url) == expected


# review39c: a German quote closes with “, which opens an English one: after „Willkommen“ every word of a German
# parking page or notice was read as quoted, the page a live end. And a script's quotation marks were read as a
# story's: its lone '"' (a regular expression's) made the notice's words after it quoted (t.co's warning page read as
# no notice), and a parking service's host in a script's string ("https://www.sedoparking.com/…") was quoted, the
# lapsed domain's page a live end (it was parked before sigres38).
@pytest.mark.parametrize(("body", "expected"), [
    ("<title>riverton.example</title><p>Wir sagen „Willkommen“. Diese Domain steht zum Verkauf.</p>",
     PageReading("parked", "diese domain steht zum verkauf", ())),
    ('<script>var q = s.replace(/"/g, "&quot;");</script><p>This link may be unsafe.</p>'
     f'<a href="{POST}">Continue</a>', PageReading("notice", "this link may be unsafe", (POST,))),
    ('<html><head><script>var lander = "https://www.sedoparking.com/frmpark/riverton.example"; load(lander);'
     "</script></head><body></body></html>", PageReading("parked", "sedoparking.com", ())),
], ids=["de-quotes-before", "script-lone-quote", "service-in-a-script-string"])
def test_review39c_a_page_saying_its_words_after_a_closed_quote_still_reads(body, expected):
    assert read_end_page(body.encode(), "https://riverton.example/") == expected


@pytest.mark.parametrize("body", [
    "<p>Auf der alten Seite steht nur noch „Diese Domain steht zum Verkauf“, sagte der Stadtrat.</p>",
    "<p>Die Warnung „This link may be unsafe“ erschien, sagte die Polizei.</p>",
    "<p>The sign said ‘Don’t stop: you are now leaving Riverton’, the council said.</p>",
], ids=["de-quoted-parked", "de-quoted-notice", "apostrophe-inside-single-quotes"])
def test_review39c_a_story_quoting_the_words_is_none(body):
    assert read_end_page(body.encode(), "https://news.example/a") is None
