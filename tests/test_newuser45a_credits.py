"""Spanish and Portuguese credit words a Latin American picture desk reads every day (newuser45a #5, #6, #7).

"Reprodução" (a picture reproduced from a platform or an outlet) and "Divulgação" (a handout) were read as the
photographer, and the `image-metadata` check then failed as "article credits 'Reprodução'"; "Archivo Clarín" (a file
photo of Clarín) as a person; "Arquivo pessoal" in small letters, "captura de pantalla", "Créditos:", "Crédito:",
"Imagen:" and "Reprodução/Redes sociais" gave no credit, and their pictures were listed as having none.
"""

import pytest

from resolver.extract import find_all
from resolver.provenance import credit_checks
from resolver.report import _markdown_credit

IMAGE = "https://img.prensa-fict.org/2026/a.jpg"


def figure(caption: str) -> str:
    return ('<!doctype html><html lang="pt"><body><article><p>Texto da matéria.</p><figure>'
            f'<img src="{IMAGE}"><figcaption>{caption}</figcaption></figure></article></body></html>')


def credits_of(caption: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.creator, c.organization, c.kind) for c in find_all(figure(caption), "html")[1]]


@pytest.mark.parametrize("caption, creator, organization, kind", [
    # a reproduction: the platform or outlet it was taken from, no one who made it
    ("Foto: Reprodução/Instagram", None, "Instagram", "reproduction"),
    ("Foto: Reprodução/TV Globo", None, "TV Globo", "reproduction"),
    ("Foto: Reprodução/X", None, "X", "reproduction"),
    ("Foto: Reprodução", None, None, "reproduction"),
    # an account named: that account's post, as "Screenshot via X/@name"
    ("Foto: Reprodução/Twitter @dip_fict", "@dip_fict", "Twitter", "social-post"),
    ("Foto: Reprodução/Instagram/@conc_vera_f", "@conc_vera_f", "Instagram", "social-post"),
    # a handout: who gave it out is the organisation
    ("Foto: Divulgação/Petrobras", None, "Petrobras", "handout"),
    ("Foto: Divulgação/Ministério da Saúde", None, "Ministério da Saúde", "handout"),
    ("Foto: Divulgação", None, None, "handout"),
    # a file photo of an outlet; an archive's own name is the organisation
    ("Foto: Archivo Clarín", None, "Clarín", "file"),
    ("Foto: Arquivo O Globo", None, "O Globo", "file"),
    ("Foto: Archivo General de la Nación", None, "Archivo General de la Nación", None),
    ("Foto: Arquivo Nacional", None, "Arquivo Nacional", None),
    # missed before
    ("Foto: Arquivo pessoal", None, None, "private"),
    ("Foto: Archivo personal", None, None, "private"),
    ("Créditos: Presidencia", None, "Presidencia", None),
    ("Crédito: Presidencia de la Nación", None, "Presidencia de la Nación", None),
    ("Imagen: captura de pantalla", None, None, "screenshot"),
    ("Foto: Captura de pantalla", None, None, "screenshot"),
    ("Foto: Reprodução/Redes sociais", None, None, "reproduction"),
])
def test_spanish_and_portuguese_credit_words_are_read_as_a_desk_reads_them(caption, creator, organization, kind):
    assert credits_of(caption) == [(creator, organization, kind)]


@pytest.mark.parametrize("caption", [
    "A captura de pantalla circulou nas redes.",   # a sentence, no label before it
    "Foto: a reprodução do quadro foi feita ontem",
])
def test_the_words_in_a_sentence_are_no_credit(caption):
    assert credits_of(caption) == []


def test_a_reproduction_is_never_said_to_credit_reproducao_as_the_photographer():
    [credit] = find_all(figure("Foto: Reprodução/Instagram"), "html")[1]
    [found] = credit_checks(vars(credit), {"credit": {"byline": "Marcelo Camargo", "credit_line": "Agência Brasil"}})
    assert "Reprodução" not in found["evidence"] and found["result"] != "pass", found
    assert "'Instagram'" in found["evidence"], found
    lines = "\n".join(_markdown_credit(1, vars(credit) | {"checks": []}))
    assert "Creator: —; taken from (a source, not said to be who made it): Instagram" in lines, lines
    assert "label: reproduction (taken from the platform or outlet named; who made it not said)" in lines, lines
