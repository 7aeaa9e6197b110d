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
    ("Photo : Élysée/Jean Dupont", [("Jean Dupont", "Élysée", "high")]),
    ("Photo : Mairie de Lyon", [(None, "Mairie de Lyon", "high")]),
    ("Photo : Gouvernement", [(None, "Gouvernement", "high")]),
    ("Foto: SIPA/Jean Dupont", [("Jean Dupont", "SIPA", "high")]),
    ("Foto: Abaca/Jean Dupont", [("Jean Dupont", "Abaca", "high")]),
    ("Foto: APA/Max Mustermann", [("Max Mustermann", "APA", "high")]),
    ("Foto: ddp/Max Mustermann", [("Max Mustermann", "ddp", "high")]),
], ids=["hans-lucas-via-afp", "hans-lucas-slash-person", "afp-no-colon", "imago-photothek", "bundesregierung",
        "ministerium-dpa", "regierungssprecher", "kanzleramt", "bundeswehr", "polizei", "staatskanzlei", "prefecture",
        "gendarmerie", "elysee", "mairie", "gouvernement", "sipa", "abaca", "apa", "ddp"])
def test_agencies_and_public_bodies_are_organisations_never_the_photographer(caption, expected):
    assert split_of(figure(caption)) == expected


# Finding 2: picture alliance's standard credit, the photographer after its pipe; and its credit with none.
@pytest.mark.parametrize("line, expected", [
    ("Foto: picture alliance/dpa | Max Mustermann", [("Max Mustermann", "picture alliance/dpa", "high")]),
    ("© picture alliance/dpa | Anna Beispiel", [("Anna Beispiel", "picture alliance/dpa", "high")]),
    ("© picture alliance / SZ Photo | Anna Beispiel", [("Anna Beispiel", "picture alliance / SZ Photo", "high")]),
    ("© picture alliance/dpa", [(None, "picture alliance/dpa", "high")]),
    ("picture alliance/dpa/Max Mustermann", [("Max Mustermann", "picture alliance/dpa", "high")]),
], ids=["foto-pipe", "copyright-pipe", "sz-photo-pipe", "copyright-alone", "bare-slashes"])
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


