"""German and French credit lines a fact-checking desk reads every day (newuser46a #1, #2, #6, #7, #10).

Agencies and public bodies were read as photographers or swapped with them, some `high` ("Hans Lucas", a collective,
as the creator; "Foto: Bundesregierung/Steffen Kugler" the creator "Bundesregierung"; AFP's own "Photo Ludovic MARIN /
AFP" the creator "Photo Ludovic MARIN"); picture alliance's standard "picture alliance/dpa | Max Mustermann" lost the
photographer after the pipe, and "© picture alliance/dpa" gave no credit; "Quelle:", "Bildquelle:", "Capture d'écran",
"Photo d'archives :", "Foto: privat", "… pour Le Journal" were not read; "Screenshot" had no kind; "© DR" beside a
file naming its author was "nothing comparable". Fixtures fictional.
"""

import pytest

from resolver.extract import find_all
from resolver.provenance import credit_checks

IMAGE = "https://img.zeitung-fict.example/2026/a.jpg"


def figure(caption: str) -> str:
    return ('<!doctype html><html lang="de"><body><article><p>Text des Artikels, lang genug für einen Artikel.</p>'
            f'<figure><img src="{IMAGE}"><figcaption>Eine Szene am Hafen. {caption}</figcaption></figure>'
            '</article></body></html>')


def plain(line: str) -> str:
    return f"Text des Artikels, lang genug für einen Artikel.\n\nEine Szene am Hafen. {line}\n\nMehr Text danach.\n"


def credits_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind) for c in find_all(content, kind)[1]]


def split_of(content: str, kind: str = "html") -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.split_confidence) for c in find_all(content, kind)[1]]


# Finding 1: an agency or a collective, a ministry, a government's press office is never the photographer.
@pytest.mark.parametrize("caption, expected", [
    ("Photo : Hans Lucas via AFP", [(None, "Hans Lucas via AFP", "high")]),
    ("Foto: Hans Lucas/Jean Dupont", [("Jean Dupont", "Hans Lucas", "high")]),
    ("Photo Ludovic MARIN / AFP", [("Ludovic MARIN", "AFP", "high")]),
    ("Foto: IMAGO/photothek", [(None, "IMAGO/photothek", "high")]),
    ("Foto: Bundesregierung/Steffen Kugler", [("Steffen Kugler", "Bundesregierung", "high")]),
    ("Bild: Sozialministerium/dpa", [(None, "Sozialministerium/dpa", "high")]),
    ("Bild: Regierungssprecher/Anna Beispiel", [("Anna Beispiel", "Regierungssprecher", "high")]),
    ("Foto: Bundeskanzleramt/Jana Beispiel", [("Jana Beispiel", "Bundeskanzleramt", "high")]),
    ("Foto: Bundeswehr/Max Mustermann", [("Max Mustermann", "Bundeswehr", "high")]),
    ("Foto: Polizei Beispielstadt", [(None, "Polizei Beispielstadt", "high")]),
    ("Foto: Staatskanzlei", [(None, "Staatskanzlei", "high")]),
    ("Photo : Préfecture du Nord", [(None, "Préfecture du Nord", "high")]),
    ("Photo : Gendarmerie nationale", [(None, "Gendarmerie nationale", "high")]),
    ("Photo : Police nationale", [(None, "Police nationale", "high")]),
    ("Photo : Élysée/Jean Dupont", [("Jean Dupont", "Élysée", "high")]),
    ("Photo : Mairie de Lyon", [(None, "Mairie de Lyon", "high")]),
    ("Photo : Gouvernement", [(None, "Gouvernement", "high")]),
    ("Foto: SIPA/Jean Dupont", [("Jean Dupont", "SIPA", "high")]),
    ("Foto: Abaca/Jean Dupont", [("Jean Dupont", "Abaca", "high")]),
    ("Foto: APA/Max Mustermann", [("Max Mustermann", "APA", "high")]),
    ("Foto: ddp/Max Mustermann", [("Max Mustermann", "ddp", "high")]),
], ids=["hans-lucas-via-afp", "hans-lucas-slash-person", "afp-no-colon", "imago-photothek", "bundesregierung",
        "ministerium-dpa", "regierungssprecher", "kanzleramt", "bundeswehr", "polizei", "staatskanzlei", "prefecture",
        "gendarmerie", "police-nationale", "elysee", "mairie", "gouvernement", "sipa", "abaca", "apa", "ddp"])
def test_agencies_and_public_bodies_are_organisations_never_the_photographer(caption, expected):
    assert split_of(figure(caption)) == expected


@pytest.mark.parametrize("caption, expected", [
    ("Photo : Jean Senat/AFP", [("Jean Senat", "AFP", "high")]),
    ("Foto: Anna Rathaus/dpa", [("Anna Rathaus", "dpa", "high")]),
], ids=["senat-surname", "rathaus-surname"])
def test_a_body_word_as_a_surname_stays_the_photographer(caption, expected):
    assert split_of(figure(caption)) == expected


# Finding 2: picture alliance's standard credit, the photographer after its pipe; and its credit with none.
@pytest.mark.parametrize("line, expected", [
    ("Foto: picture alliance/dpa | Max Mustermann", [("Max Mustermann", "picture alliance/dpa", "high")]),
    ("© picture alliance/dpa | Anna Beispiel", [("Anna Beispiel", "picture alliance/dpa", "high")]),
    ("© picture alliance / SZ Photo | Anna Beispiel", [("Anna Beispiel", "picture alliance / SZ Photo", "high")]),
    ("© picture alliance/dpa", [(None, "picture alliance/dpa", "high")]),
    ("picture alliance/dpa/Max Mustermann", [("Max Mustermann", "picture alliance/dpa", "high")]),
    ("Foto: picture alliance / Flashpic | Jens Krick", [("Jens Krick", "picture alliance / Flashpic", "high")]),
    ("© picture alliance / Geisler-Fotopress | Christoph Hardt",
     [("Christoph Hardt", "picture alliance / Geisler-Fotopress", "high")]),
    ("Foto: picture alliance / ZUMAPRESS.com | Jane Roe", [("Jane Roe", "picture alliance / ZUMAPRESS.com", "high")]),
], ids=["foto-pipe", "copyright-pipe", "sz-photo-pipe", "copyright-alone", "bare-slashes", "partner-one-word",
        "partner-hyphenated", "partner-domain"])
@pytest.mark.parametrize("kind", ["html", "text"])
def test_picture_alliance_credits_are_read_with_their_photographer(line, expected, kind):
    assert split_of(figure(line) if kind == "html" else plain(line), kind) == expected


def test_picture_alliance_credit_keeps_the_words_after_its_pipe():
    [credit] = find_all(figure("Foto: picture alliance/dpa | Max Mustermann"), "html")[1]
    assert credit.raw == "Foto: picture alliance/dpa | Max Mustermann"


@pytest.mark.parametrize("caption", [
    "Die Bildagentur picture alliance | Startseite",
    "Ein Bericht über die picture alliance und ihre Fotografen.",
])
def test_picture_alliance_named_in_words_is_no_credit_with_a_photographer(caption):
    assert all(c[0] is None for c in credits_of(figure(caption)))


# Finding 6: German and French credit words that gave no credit.
@pytest.mark.parametrize("caption, expected", [
    ("Bildquelle: Archiv", [(None, None, "file")]),
    ("Bildquelle: Sozialministerium", [(None, "Sozialministerium", None)]),
    ("Quelle: dpa", [(None, "dpa", None)]),
    ("Photo d'archives : AFP", [(None, "AFP", "file")]),
    ("Foto: dpa-Bildfunk", [(None, "dpa-Bildfunk", None)]),
    ("Foto: privat", [(None, None, "private")]),
    ("Photo : Jean Dupont pour Le Journal", [("Jean Dupont", "Le Journal", None)]),
], ids=["bildquelle-archiv", "bildquelle-ministerium", "quelle-dpa", "photo-d-archives", "dpa-bildfunk", "privat",
        "pour-le-journal"])
def test_german_and_french_credit_words_are_read(caption, expected):
    assert credits_of(figure(caption)) == expected


@pytest.mark.parametrize("line, expected", [
    ("© Jean Dupont / Hans Lucas", [("Jean Dupont", "Hans Lucas", None)]),
    ("© DR", [(None, None, "rights-reserved")]),
    ("Crédits : AFP", [(None, "AFP", None)]),
], ids=["copyright-hans-lucas", "copyright-dr", "credits-afp"])
def test_french_credit_lines_are_read_in_plain_text_as_in_a_figcaption(line, expected):
    assert credits_of(figure(line)) == expected
    assert credits_of(plain(line), "text") == expected


@pytest.mark.parametrize("caption", [
    "Quelle: Die Regierung teilte mit, dass die Preise steigen",
    "Quelle: Statistisches Bundesamt, eigene Berechnungen der Redaktion für das Jahr",
    "Capture d'écran de la vidéo publiée hier par la mairie montrant la foule",
    "Bildquelle, Tracking",
    "Photo : capture de la vidéo publiée hier par la mairie",
])
def test_a_source_in_prose_is_no_credit(caption):
    assert credits_of(figure(caption)) == []


# Finding 7: a screenshot is a screenshot, its platform where it was taken from.
@pytest.mark.parametrize("caption, expected", [
    ("Foto: Screenshot X", [(None, "X", "screenshot")]),
    ("Foto: Screenshot/YouTube", [(None, "YouTube", "screenshot")]),
    ("Quelle: Screenshot X", [(None, "X", "screenshot")]),
    ("Bild: Bildschirmfoto/Telegram", [(None, "Telegram", "screenshot")]),
    ("Capture d'écran X", [(None, "X", "screenshot")]),
    ("Capture d'écran Telegram", [(None, "Telegram", "screenshot")]),
    ("Photo : capture d'écran X", [(None, "X", "screenshot")]),
    ("Photo : capture d'écran / X", [(None, "X", "screenshot")]),
    ("Photo : capture Telegram", [(None, "Telegram", "screenshot")]),
    ("Screenshot via X", [(None, "X", "screenshot")]),
    ("Foto: Screenshot", [(None, None, "screenshot")]),
], ids=["foto-screenshot-x", "screenshot-slash", "quelle-screenshot", "bildschirmfoto", "capture-x",
        "capture-telegram", "photo-capture", "photo-capture-slash", "photo-capture-alone", "english-via", "alone"])
def test_a_screenshot_is_kind_screenshot_and_names_where_it_was_taken_from(caption, expected):
    assert credits_of(figure(caption)) == expected


def test_capture_in_a_sentence_makes_no_screenshot():
    assert credits_of(figure("La capture du suspect. Photo : Jean Dupont")) == [("Jean Dupont", None, None)]


def test_a_caption_opening_with_a_screenshot_word_keeps_its_one_credit():
    # CORRECTIV's: "Screenshot Whatsapp." describes the picture, its credit in brackets after it
    assert [c[2] for c in credits_of(figure("Screenshot Whatsapp. (Foto: Recherche/privat)"))] == ["private"]


def test_a_screenshot_with_no_credit_metadata_is_as_expected_not_a_warning():
    [credit] = find_all(figure("Foto: Screenshot/YouTube"), "html")[1]
    [found] = credit_checks(vars(credit), {"credit": {}})
    assert found["result"] == "skip" and "screenshot" in found["evidence"], found
    assert "as expected" in found["evidence"], found


# Finding 10: droits réservés names no author; a file that names one is said so, never passed nor "nothing comparable".
@pytest.mark.parametrize("caption", ["Crédit photo : DR", "© DR", "Photo : DR"])
def test_dr_beside_a_file_naming_its_author_says_both(caption):
    [credit] = find_all(figure(caption), "html")[1]
    assert credit.kind == "rights-reserved"
    [found] = credit_checks(vars(credit), {"credit": {"artist": "Jean Dupont"}})
    assert found["result"] == "warn", found
    assert "names no author (DR: rights reserved)" in found["evidence"], found
    assert "Jean Dupont" in found["evidence"], found


def test_the_scan_table_shows_the_label_of_a_credit_naming_no_one():
    from resolver.article import from_bytes
    from resolver.pipeline import ArticleResult
    from resolver.report import scan_plain

    page = figure("Crédit photo : DR")
    credits = find_all(page, "html")[1]
    table = "\n".join(scan_plain(ArticleResult(from_bytes(page.encode(), "dr.html"), (), tuple(credits))))
    row = next(line for line in table.splitlines() if "Crédit photo : DR" in line)
    assert "label: rights reserved, author not named" in row, table


def test_the_scan_table_says_a_screenshot_names_where_it_was_taken_from():
    from resolver.article import from_bytes
    from resolver.pipeline import ArticleResult
    from resolver.report import scan_plain

    page = figure("Foto: Screenshot/YouTube")
    credits = find_all(page, "html")[1]
    table = "\n".join(scan_plain(ArticleResult(from_bytes(page.encode(), "shot.html"), (), tuple(credits))))
    row = next(line for line in table.splitlines() if "Foto: Screenshot/YouTube" in line)
    assert "label: screenshot (who made the picture not said)" in row and "YouTube" in row, table
