"""review46h: what fixnu46a's screenshot and DR readings said of an image file's own credit fields (#9, #10).

A caption calling its picture a screenshot, naming no one who made it, beside a file whose by-line or Artist names a
photographer was "nothing comparable" (a skip; "Screenshot: Anna Beispiel" failed against such a by-line before it was
read as a screenshot): the file says a person made the picture, the caption that no one is said to have. A "© DR"
caption beside a file whose own copyright is only "DR" or "Tous droits réservés" warned that "the file names DR", as
though the file named an author. Fixtures fictional.
"""

import pytest

from resolver.extract import find_all
from resolver.provenance import credit_checks

IMAGE = "https://img.zeitung-fict.example/2026/b.jpg"


def credit_of(caption: str) -> dict:
    page = ('<!doctype html><html lang="de"><body><article><p>Text des Artikels, lang genug für einen Artikel.</p>'
            f'<figure><img src="{IMAGE}"><figcaption>Eine Szene am Hafen. {caption}</figcaption></figure>'
            '</article></body></html>')
    [credit] = find_all(page, "html")[1]
    return vars(credit)


@pytest.mark.parametrize("caption", ["Foto: Screenshot/YouTube", "Screenshot: Anna Beispiel",
                                     "Bild: Bildschirmfoto/Telegram", "Photo : capture d'écran YouTube"])
@pytest.mark.parametrize("field", ["byline", "artist", "creator"])
def test_a_screenshot_beside_a_file_naming_a_photographer_warns(caption, field):
    credit = credit_of(caption)
    assert credit["kind"] == "screenshot" and not credit["creator"], credit
    [found] = credit_checks(credit, {"credit": {field: "Jean Dupont"}})
    assert found["result"] == "warn", found
    assert "screenshot" in found["evidence"] and "Jean Dupont" in found["evidence"], found


def test_a_screenshot_whose_place_is_the_file_creators_name_is_no_pass_and_no_warning():
    credit = credit_of("Screenshot: Anna Beispiel")
    [found] = credit_checks(credit, {"credit": {"byline": "Anna Beispiel"}})
    assert found["result"] == "skip", found
    assert "Anna Beispiel" in found["evidence"], found


@pytest.mark.parametrize("notice", ["DR", "© DR", "Tous droits réservés", "D.R.", "Droits réservés"])
def test_dr_beside_a_file_whose_own_notice_names_no_one_is_not_said_to_name_someone(notice):
    credit = credit_of("Crédit photo : DR")
    [found] = credit_checks(credit, {"credit": {"copyright": notice}})
    assert f"the file names {notice}" not in found["evidence"], found
    assert found["result"] == "skip", found
    assert "neither the caption nor the file names an author" in found["evidence"], found


def test_dr_beside_a_file_naming_an_author_and_dr_names_only_the_author():
    credit = credit_of("© DR")
    [found] = credit_checks(credit, {"credit": {"byline": "Jean Dupont", "copyright": "DR"}})
    assert found["result"] == "warn", found
    assert "the file names Jean Dupont (" in found["evidence"], found


def split_of(caption: str) -> tuple:
    credit = credit_of(caption)
    return credit["creator"], credit["organization"], credit["split_confidence"]


# "Hans Lucas" is a French collective and a German man's name: alone it was read as the collective, sure (fixnu46a
# made "Foto: Hans Lucas" an organisation, high, where it had been the photographer, high). Either may be meant.
@pytest.mark.parametrize("caption, expected", [
    ("Foto: Hans Lucas", (None, "Hans Lucas", "uncertain")),
    ("Photo : Hans Lucas", (None, "Hans Lucas", "uncertain")),
    ("Photo : Hans Lucas via AFP", (None, "Hans Lucas via AFP", "high")),
    ("Foto: Hans Lucas/Jean Dupont", ("Jean Dupont", "Hans Lucas", "high")),
    ("Foto: Hans Müller", ("Hans Müller", None, "high")),
])
def test_a_collective_named_as_a_person_is_alone_not_sure(caption, expected):
    assert split_of(caption) == expected


def credits_in(content: str, kind: str) -> list[tuple]:
    return [(c.creator, c.organization) for c in find_all(content, kind)[1]]


# picture alliance's form with no "Foto:" or "©" before it read any capitalised words after a pipe as the photographer,
# sure: a site's menu line "picture alliance/dpa | Unsere Partner" named the photographer "Unsere Partner".
@pytest.mark.parametrize("line", ["picture alliance/dpa | Unsere Partner", "picture alliance | Kontakt Impressum"])
def test_a_menu_line_after_picture_alliance_names_no_photographer(line):
    text = f"Text des Artikels, lang genug für einen Artikel.\n\n{line}\n\nMehr Text danach.\n"
    assert not any(creator for creator, _ in credits_in(text, "text")), credits_in(text, "text")


@pytest.mark.parametrize("line, expected", [
    ("picture alliance/dpa | Jens Krick", ("Jens Krick", "picture alliance/dpa")),
    ("Foto: picture alliance/dpa | Frank Rumpenhorst", ("Frank Rumpenhorst", "picture alliance/dpa")),
    ("© picture alliance / SZ Photo | Anna Beispiel", ("Anna Beispiel", "picture alliance / SZ Photo")),
])
def test_picture_alliance_photographers_are_still_read(line, expected):
    text = f"Text des Artikels, lang genug für einen Artikel.\n\nEine Szene am Hafen. {line}\n\nMehr Text danach.\n"
    assert credits_in(text, "text") == [expected]


# A screenshot's credit kept its own label inside where the picture was taken from: "Bildschirmfoto: Hans Müller/dpa"
# gave "Bildschirmfoto: Hans Müller/dpa" as the organisation, sure, "(Screenshot/Foto: Hans Müller)" "Foto: Hans Müller".
# A place naming a person beside an agency is no sure organisation (review47a): who took the screenshot, or whose
# screen it shows, is not said; a platform named ("Telegram/Kanal Beispiel") stays sure.
@pytest.mark.parametrize("caption, expected", [
    ("Bildschirmfoto: Hans Müller/dpa", (None, "Hans Müller/dpa", "uncertain")),
    ("Screenshot: Hans Müller/dpa", (None, "Hans Müller/dpa", "uncertain")),
    ("(Screenshot/Foto: Hans Müller)", (None, "Hans Müller", "uncertain")),
    ("Screenshot/Bild: YouTube", (None, "YouTube", "high")),
    ("Foto: Screenshot Telegram/Kanal Beispiel", (None, "Telegram/Kanal Beispiel", "high")),
    ("Screenshot: Anna Beispiel/Instagram", (None, "Anna Beispiel/Instagram", "high")),
    ("Foto: Screenshot/YouTube", (None, "YouTube", "high")),
])
def test_a_screenshots_place_keeps_no_label(caption, expected):
    credit = credit_of(caption)
    assert credit["kind"] == "screenshot", credit
    assert (credit["creator"], credit["organization"], credit["split_confidence"]) == expected, credit
