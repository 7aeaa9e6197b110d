"""newuser47a: an Italian and Dutch verification desk's pass (fictional posts, credits and people)."""

import pytest

from resolver.quotes import compare
from tests.test_newuser46a_credits import credits_of


def assert_warns_naming(said: str, found: str, lang: str | None, named: str) -> None:
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert f'"{named}"' in c.evidence, c.evidence


def assert_passes(said: str, found: str, lang: str | None) -> None:
    c = compare(said, found, lang=lang)
    assert c.result == "pass", c.evidence


# A quote of an Italian post cut right after its negative pronoun or adverb ("ha votato contro la mozione" of "Nessuno
# ha votato contro la mozione") says the opposite of the post. Dutch "Niemand", "Niets", "Nooit" warned; Italian
# "Nessuno", "Niente", "Nulla", "Mai" passed as a partial quote (newuser47a #1).
@pytest.mark.parametrize("said,found,lang,negation", [
    ("ha votato contro la mozione", "Nessuno ha votato contro la mozione sul ponte.", "it", "Nessuno"),
    ("ha votato contro", "In aula nessuno ha votato contro.", None, "nessuno"),
    ("è cambiato in Comune", "Niente è cambiato in Comune.", "it", "Niente"),
    ("è stato deciso", "Nulla è stato deciso oggi.", "it", "Nulla"),
    ("detto che il ponte sarà chiuso", "Mai detto che il ponte sarà chiuso.", "it", "Mai"),
    ("sindaco ha risposto", "Nessun sindaco ha risposto.", "it", "Nessun"),
    ("heeft tegen de motie gestemd", "Niemand heeft tegen de motie gestemd.", "nl", "Niemand"),
], ids=["nessuno", "nessuno-lower-case-no-lang", "niente", "nulla", "mai-italian-post", "nessun", "niemand-dutch"])
def test_a_quote_cut_after_an_italian_negation_warns(said, found, lang, negation):
    assert_warns_naming(said, found, lang, negation)


# "mai" is May in French and German and "more" in Romanian: a negation only in a post given as Italian.
@pytest.mark.parametrize("said,found,lang", [
    ("2022 à Paris", "Le 12 mai 2022 à Paris.", "fr"),
    ("bine acum", "Este mai bine acum.", "ro"),
    ("bine acum", "Este mai bine acum.", None),
], ids=["french-month", "romanian-more", "romanian-more-no-lang"])
def test_mai_in_another_language_is_no_negation(said, found, lang):
    assert_passes(said, found, lang)


NL_IMAGE = "https://img.krant-fict.example/2026/a.jpg"


def figure(caption: str, lang: str = "nl") -> str:
    return (f'<!doctype html><html lang="{lang}"><body><article><p>De tekst van het artikel, lang genoeg.</p>'
            f'<figure><img src="{NL_IMAGE}"><figcaption>De sporthal aan de Dorpsstraat. {caption}</figcaption>'
            '</figure></article></body></html>')


def plain(line: str) -> str:
    return f"De tekst van het artikel, lang genoeg.\n\nDe sporthal aan de Dorpsstraat. {line}\n\nMeer tekst.\n"


# Dutch papers write a picture's credit "Beeld:" (de Volkskrant, Trouw, Het Parool, NOS): it gave no credit, and a
# Dutch page counts as one whose credit words are read, so the report said no credit was found (newuser47a #2).
@pytest.mark.parametrize("line, expected", [
    ("Beeld: ANP", [(None, "ANP", None)]),
    ("Beeld: ANP / Remko de Vries", [("Remko de Vries", "ANP", None)]),
    ("Beeld: Remko de Vries", [("Remko de Vries", None, None)]),
    ("BEELD: ANP", [(None, "ANP", None)]),
    ("Beeld: Instagram", [(None, "Instagram", None)]),
    ("Beeld Remko de Vries", []),   # no colon: a sentence's "Beeld" as often
    ("Het beeld: een chaos", []),
], ids=["anp", "anp-person", "person", "capitals", "platform", "no-colon", "prose"])
def test_dutch_beeld_opens_a_credit(line, expected):
    assert credits_of(figure(line)) == expected
    assert credits_of(plain(line), "text") == expected


# Dutch and Italian agencies, public bodies and private pictures were read as photographers ("(foto: privébezit)"
# the person "privébezit", "Foto: Politie Utrecht" a person, "Foto: LaPresse/Mauro Scrobogna" the photographer
# LaPresse of the organisation Mauro Scrobogna); "Beeld: archief" gave no credit (newuser47a #3).
@pytest.mark.parametrize("line, lang, expected", [
    ("(foto: privébezit)", "nl", [(None, None, "private")]),
    ("Foto: archivio privato", "it", [(None, None, "private")]),
    ("Beeld: archief", "nl", [(None, None, "file")]),
    ("Foto: Politie Utrecht", "nl", [(None, "Politie Utrecht", None)]),
    ("Foto: Brandweer Gelderland-Zuid", "nl", [(None, "Brandweer Gelderland-Zuid", None)]),
    ("Foto: Gemeente Lindeburg / Jan de Wit", "nl", [("Jan de Wit", "Gemeente Lindeburg", None)]),
    ("Foto: Ministerie van Defensie", "nl", [(None, "Ministerie van Defensie", None)]),
    ("Beeld: Hollandse Hoogte", "nl", [(None, "Hollandse Hoogte", None)]),
    ("Foto: Hollandse Hoogte / Sanne Jansen", "nl", [("Sanne Jansen", "Hollandse Hoogte", None)]),
    ("Foto: LaPresse", "it", [(None, "LaPresse", None)]),
    ("Foto: LaPresse/Mauro Scrobogna", "it", [("Mauro Scrobogna", "LaPresse", None)]),
    ("Foto: Vigili del Fuoco", "it", [(None, "Vigili del Fuoco", None)]),
    ("Foto: Polizia di Stato", "it", [(None, "Polizia di Stato", None)]),
    ("Foto: Comune di Valbruna", "it", [(None, "Comune di Valbruna", None)]),
    ("Foto: Ciro Rossi", "it", [("Ciro Rossi", None, None)]),
], ids=["privebezit", "archivio-privato", "archief", "politie", "brandweer", "gemeente-person", "ministerie",
        "hollandse-hoogte", "hollandse-hoogte-person", "lapresse", "lapresse-person", "vigili-del-fuoco", "polizia",
        "comune-di", "a-person-still"])
def test_dutch_and_italian_agencies_bodies_and_private_pictures(line, lang, expected):
    assert credits_of(figure(line, lang)) == expected
    assert credits_of(plain(line), "text") == expected


# An Italian or Dutch frame that denies the clause it opens, or Italian "Mai" ("never") further before the quoted words,
# passed a quote cut after it as a partial quote: "il ponte sarà chiuso" of "Mai detto che il ponte sarà chiuso"
# (a headline's "Never said the bridge will close"), of "È falso che…", "La Regione smentisce che…", Dutch "Wij
# ontkennen dat…", "Het is onzin dat…" (newuser47a #4).
@pytest.mark.parametrize("said,found,lang,named", [
    ("il ponte sarà chiuso", "Mai detto che il ponte sarà chiuso.", "it", "Mai"),
    ("il ponte sarà chiuso", "È falso che il ponte sarà chiuso.", "it", "falso che"),
    ("il ponte sarà chiuso", "La Regione smentisce che il ponte sarà chiuso.", "it", "smentisce che"),
    ("il ponte sarà chiuso", "Neghiamo che il ponte sarà chiuso.", "it", "Neghiamo che"),
    ("de brug dicht gaat", "Wij ontkennen dat de brug dicht gaat.", "nl", "ontkennen dat"),
    ("de brug dicht gaat", "Het is onzin dat de brug dicht gaat.", "nl", "Het is onzin dat"),
], ids=["mai-detto-che", "falso-che", "smentisce-che", "neghiamo-che", "ontkennen-dat", "onzin-dat"])
def test_an_italian_or_dutch_negation_further_before_in_the_clause_warns(said, found, lang, named):
    assert_warns_naming(said, found, lang, named)


@pytest.mark.parametrize("said,found,lang", [
    ("les résultats seront publiés", "En mai les résultats seront publiés.", "fr"),
    ("il ponte sarà chiuso", "Mai detto, il ponte sarà chiuso.", "it"),   # a comma ends the clause
    ("il ponte sarà chiuso", "È vero che il ponte sarà chiuso.", "it"),
], ids=["french-month", "comma-ends-the-clause", "vero-che"])
def test_no_italian_negation_in_the_clause_passes(said, found, lang):
    assert_passes(said, found, lang)


# An Italian caption's "Foto ANSA", "(foto LaPresse)", a Dutch "Foto ANP / Remko de Vries" (no colon, before a known
# agency, as AFP's "Photo AFP"), and Italian "Credito foto:", "Crediti foto:" gave no credit (newuser47a #5).
@pytest.mark.parametrize("line, lang, expected", [
    ("Foto ANSA", "it", [(None, "ANSA", None)]),
    ("(foto ANSA)", "it", [(None, "ANSA", None)]),
    ("Foto ANSA/Ciro Rossi", "it", [("Ciro Rossi", "ANSA", None)]),
    ("Foto LaPresse", "it", [(None, "LaPresse", None)]),
    ("Foto ANP / Remko de Vries", "nl", [("Remko de Vries", "ANP", None)]),
    ("Credito foto: Marco Neri", "it", [("Marco Neri", None, None)]),
    ("Crediti foto: LaPresse", "it", [(None, "LaPresse", None)]),
    ("Foto Ansa Rossi", "it", []),   # not the agency as it writes itself
], ids=["foto-ansa", "foto-ansa-brackets", "foto-ansa-person", "foto-lapresse", "foto-anp-person", "credito-foto",
        "crediti-foto", "not-the-agency"])
def test_italian_and_dutch_foto_before_an_agency_and_credito_foto(line, lang, expected):
    assert credits_of(figure(line, lang)) == expected
    assert credits_of(plain(line), "text") == expected


# Italian "Fonte:" and Dutch "Bron:" (source) ending a caption name who supplied the picture, as German "Quelle:"
# does; in prose they cite where facts came from (newuser47a #6).
@pytest.mark.parametrize("line, lang, expected", [
    ("Fonte: Twitter", "it", [(None, "Twitter", None)]),
    ("Fonte: ANSA", "it", [(None, "ANSA", None)]),
    ("Bron: ANP", "nl", [(None, "ANP", None)]),
    ("Fonte: Istat, elaborazione su dati 2022", "it", []),
], ids=["fonte-platform", "fonte-agency", "bron-agency", "fonte-of-data"])
def test_fonte_and_bron_in_a_caption(line, lang, expected):
    assert credits_of(figure(line, lang)) == expected


def test_fonte_in_prose_is_no_credit():
    page = ('<!doctype html><html lang="it"><body><article><p>Il testo dell\'articolo, abbastanza lungo.</p>'
            '<p>Fonte: ANSA</p></article></body></html>')
    assert credits_of(page) == []


# A photographer "voor" (Dutch) or "per" (Italian) an outlet, as French "pour": "Beeld: Jan Bakker voor de Volkskrant",
# de Volkskrant's own form, gave no credit (newuser47a #7).
@pytest.mark.parametrize("line, lang, expected", [
    ("Beeld: Jan Bakker voor de Volkskrant", "nl", [("Jan Bakker", "de Volkskrant", None)]),
    ("Foto: Sanne Jansen voor NRC", "nl", [("Sanne Jansen", "NRC", None)]),
    ("Foto: Marco Neri per Il Giornale", "it", [("Marco Neri", "Il Giornale", None)]),
], ids=["voor-de-volkskrant", "voor-nrc", "per-il-giornale"])
def test_a_photographer_voor_or_per_an_outlet(line, lang, expected):
    assert credits_of(figure(line, lang)) == expected
    assert credits_of(plain(line), "text") == expected


# A short Italian rendering of an English post whose one frequent Italian word opens it ("Non …") failed as changed
# words ("no word of the post's 8 is in the quote"): the first word, capitalised as every sentence's is, was read as
# a name's and not weighed. It warns as a translation, as a longer one did (newuser47a #8).
@pytest.mark.parametrize("said,found,lang", [
    ("Non licenzieremo personale quest'anno", "We will not lay off staff this year.", "en"),
    ("Non licenzieremo personale in Italia quest'anno", "We will not lay off staff in Italy this year.", "en"),
], ids=["non-opens-it", "shared-short-word-and-place"])
def test_a_short_italian_translation_opening_with_its_frequent_word_warns(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert "a translation?" in c.evidence, c.evidence
