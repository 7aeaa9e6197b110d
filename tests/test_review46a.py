"""review46a: an adversarial read of stop 45's Spanish/Portuguese work (fixnu45d, newuser45a #5-#11): the
handles-not-read warning, the credits Reprodução, Divulgação, Archivo <outlet>, the date hints."""

from __future__ import annotations

from resolver.article import from_bytes
from resolver.pipeline import scan_article

POST = "1569326210872246273"


def _scanned(page: str, name: str = "p.html"):
    return scan_article(from_bytes(page.encode(), name))


def _tweet(words: str, signature: str, url: str = f"https://twitter.com/i/web/status/{POST}") -> str:
    return (f'<html><body><article><p>La nota.</p><blockquote class="twitter-tweet"><p lang="es">{words}</p>&mdash; '
            f'{signature} <a href="{url}">12 de septiembre de 2022</a></blockquote></article></body></html>')


def test_a_long_handle_the_post_s_own_words_mention_is_no_handle_of_its_signature():
    # the post mentions an Instagram account in its words; its signature names no handle: the warning said the post's
    # handle was "@gobernacion_oficial_ig", longer than X allows, "not read as the author"
    result = _scanned(_tweet("Mirá el video (@gobernacion_oficial_ig) en Instagram.", "Gobernación"))
    [embed] = result.embeds
    assert embed.post_id == POST and embed.author_handle is None
    assert result.long_handles is None, result.long_handles


def test_a_long_handle_in_a_link_to_another_post_is_no_handle_of_this_one():
    # a quoted post's link in the words, naming another post: not this post's URL
    words = f'Ver <a href="https://twitter.com/gobernacion_oficial_ig/status/1569326210872246999">esto</a>'
    result = _scanned(_tweet(words, "Gobernación"))
    assert [e.post_id for e in result.embeds] == [POST]
    assert result.long_handles is None, result.long_handles


def test_the_signature_s_long_handle_is_still_said_when_the_words_mention_it_too():
    handle = "dip_martinez_fict"
    result = _scanned(_tweet(f"Lo dije (@{handle}) y lo repito.", f"Lucía Martínez (@{handle})",
                             f"https://twitter.com/{handle}/status/{POST}"))
    assert result.long_handles is not None and result.long_handles["embeds"] == [{"embed": 1, "handles": [handle]}]


def _credits(caption: str):
    from resolver.extract import find_all

    page = (f"<html><body><article><p>Texto de la nota con varias palabras.</p><figure><img src='a.jpg'>"
            f"<figcaption>{caption}</figcaption></figure></article></body></html>")
    return [(c.creator, c.organization, c.kind) for c in find_all(page, "html")[1]]


def test_a_family_or_private_archive_is_a_private_picture_never_an_outlet_named_particular():
    # "Archivo Clarín" is a file photo of Clarín; "Archivo particular" (Colombia), "Arquivo familiar", "Archivo
    # privado" name no outlet: a private archive's picture. They were read as file photos of organisations named
    # "Particular", "Familiar", "Privado"
    for caption in ("Foto: Archivo Particular", "Foto: Archivo particular", "Foto: Arquivo Familiar",
                    "Foto: Archivo familiar", "Foto: Archivo Privado", "Foto: Arquivo particular",
                    "Foto: Acervo familiar"):
        assert _credits(caption) == [(None, None, "private")], caption
    assert _credits("Foto: Archivo Clarín") == [(None, "Clarín", "file")]


def test_an_outlet_s_file_photo_in_capitals_is_no_person():
    assert _credits("Foto: ARCHIVO CLARÍN") == [(None, "CLARÍN", "file")]
    assert _credits("FOTO: ARQUIVO O GLOBO") == [(None, "O GLOBO", "file")]


def test_a_name_beside_reproducao_is_where_the_picture_was_taken_from_in_either_order():
    # "Reprodução/Joana Reis" and "Joana Reis/Reprodução" both say the picture was reproduced from Joana Reis's (her
    # account, her album), who made it not said; the second was read as the photographer, split "high", beside the
    # label's own words "who made it not said", and held against the file's by-line as a photographer's name
    from resolver.extract import find_all

    def read(caption: str):
        page = (f"<html><body><article><p>Texto de la nota con varias palabras.</p><figure><img src='a.jpg'>"
                f"<figcaption>{caption}</figcaption></figure></article></body></html>")
        [credit] = find_all(page, "html")[1]
        return credit.creator, credit.organization, credit.kind, credit.split_confidence

    assert read("Foto: Joana Reis/Reprodução") == read("Foto: Reprodução/Joana Reis") == (
        None, "Joana Reis", "reproduction", "uncertain")
    assert read("Foto: TV Globo/Reprodução") == (None, "TV Globo", "reproduction", "high")


def test_a_screenshot_credit_naming_where_it_was_taken_from_is_not_said_to_name_no_place(tmp_path):
    # "Imagem: Captura de tela/YouTube" names YouTube; the report said "organisation: YouTube … label: screenshot (where
    # from and who made the picture not said)" of it
    from click.testing import CliRunner

    from resolver.cli import cli

    page = tmp_path / "tela.html"
    page.write_text("<html><body><article><p>Texto de la nota con varias palabras.</p><figure><img src='a.jpg'>"
                    "<figcaption>Imagem: Captura de tela/YouTube</figcaption></figure><figure><img src='b.jpg'>"
                    "<figcaption>Imagen: captura de pantalla</figcaption></figure></article></body></html>",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", str(page)])
    assert result.exit_code == 0, result.output
    named, alone = [line for line in result.stdout.splitlines() if line.startswith("- Creator:")]
    assert "YouTube" in named and "where from" not in named and "screenshot (who made the picture not said)" in named
    assert "screenshot (where from and who made the picture not said)" in alone


def test_an_outlet_s_file_before_the_photographer_s_name_is_no_photographer():
    # "Archivo Clarín" was read as a person whenever a name followed it: the photographer "Archivo Clarín", of an
    # organisation "Juan Pérez"; "Archivo Histórico" (an archive's own name) alike
    assert _credits("Foto: Archivo Clarín / Juan Pérez") == [("Juan Pérez", "Clarín", "file")]
    assert _credits("Foto: Archivo Histórico/Juan Pérez") == [("Juan Pérez", "Archivo Histórico", None)]
    assert _credits("Foto: Juan Pérez/Archivo Clarín") == [("Juan Pérez", "Archivo Clarín", None)]   # as before


def test_the_handles_warning_of_a_scan_claims_no_lookup():
    # a scan asks nothing of anyone, and an offline report neither: "the post looked up by its id alone" said one was
    handle = "dip_martinez_fict"
    result = _scanned(_tweet("Texto.", f"Lucía Martínez (@{handle})", f"https://twitter.com/{handle}/status/{POST}"))
    message = result.long_handles["message"]
    assert "looked up" not in message and message.endswith("not read as the author; the post is known by its id alone")


def test_words_an_instagram_code_shows_that_are_no_known_placeholder_are_not_said_to_be_one():
    # a code whose caption markup a CMS stripped (no data-instgrm-captioned) shows the caption's words: they were said
    # to be "Instagram's placeholder ('Hoy firmamos el decreto…')"
    from resolver.provenance import quote, text_check

    post = {"platform": "instagram", "post_id": "CiAbCdEfGhI", "status": "available", "text": None,
            "created_at": None, "method": "oembed", "field_sources": {}}

    def evidence(shown: str) -> str:
        embed = {"platform": "instagram", "detector": "html-blockquote", "text": None, "quote": shown,
                 "post_id": "CiAbCdEfGhI"}
        found = text_check(embed, post)
        assert found["result"] == "skip", found
        return found["evidence"]

    caption = "Hoy firmamos el decreto 123 con los intendentes. Una publicación compartida por Gobernadora Sosa"
    said = evidence(caption)
    assert "placeholder" not in said and "words ('Hoy firmamos el decreto" in said and "') not read as the post's caption, and" in said, said
    english = quote(from_bytes(b"<p>View this post on Instagram A post shared by Jane (@jane)</p>", "a.html"), (0, 62))
    assert "Instagram's placeholder ('View this post on Instagram" in evidence(english)


def test_every_page_warning_a_json_report_gives_is_in_its_schema(tmp_path):
    # the report's warnings list takes every kind `ArticleResult.warnings_json` gives; "bad-bytes" (newuser39b #11)
    # and "encoding-label-overruled" (newuser43a #3) were missing from the schema's enum beside stop 45's
    # "handles-not-read", so a JSON report of a page with a few bytes that are not UTF-8 failed its own schema
    import json

    import jsonschema
    from click.testing import CliRunner

    from resolver.cli import cli
    from tests.test_bad_utf8_bytes import page
    from tests.test_report import SCHEMA

    article = tmp_path / "story.html"
    article.write_bytes(page("The café reopened. (Photo: José Núñez/Riverton Post)"))
    out = tmp_path / "rep.json"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "json",
                                      "-o", str(out), str(article)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert "bad-bytes" in [w["kind"] for w in report["article"]["warnings"]]
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    from tests.test_newuser43a_encoding import arabic_page

    article.write_bytes(arabic_page("iso-8859-1"))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "json",
                                      "-o", str(out), str(article)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert "encoding-label-overruled" in [w["kind"] for w in report["article"]["warnings"]]
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    kinds = json.loads(SCHEMA.read_text())["properties"]["article"]["properties"]["warnings"]["items"]["properties"]
    assert {"bad-bytes", "encoding-label-overruled", "handles-not-read", "mojibake"} <= set(kinds["kind"]["enum"])
