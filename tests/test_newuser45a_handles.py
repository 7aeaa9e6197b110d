"""A signature handle longer than X allows (15 characters): the post's URL names it, `(@dip_martinez_fict)` signs it
(newuser45a #9). The id is read and the handle is no X account's, so the author was left blank, the URL's handle
too, with no word why; `scan` and the reports now say which embed, which handle, and why."""

from __future__ import annotations

import json

from click.testing import CliRunner

from resolver.cli import cli

PAGE = ('<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Chequeo</title></head><body><article>'
        '<p>La diputada escribió en Twitter.</p><blockquote class="twitter-tweet" data-lang="es"><p lang="es">El '
        'gobierno no va a subir el IVA en 2023.</p>&mdash; Lucía Martínez (@dip_martinez_fict) <a href="https://twitter'
        '.com/dip_martinez_fict/status/1569326210872246273">12 de septiembre de 2022</a></blockquote>'
        '<blockquote class="twitter-tweet"><p lang="es">Otro mensaje.</p>&mdash; Ana Ruiz (@minruiz_f) <a href="https:'
        '//twitter.com/minruiz_f/status/1569326210872246274">12 de septiembre de 2022</a></blockquote>'
        '</article></body></html>')
SAID = ("embed 1: @dip_martinez_fict (17 characters): longer than X allows (15 characters), so no X account's handle; "
        "not read as the author; the post is known by its id alone")


def test_a_handle_longer_than_x_allows_is_said_not_read(tmp_path):
    article = tmp_path / "iva.html"
    article.write_text(PAGE, encoding="utf-8")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", str(tmp_path / "c.db"), *args, str(article)])
        assert result.exit_code == 0, result.output
        return result.stdout

    found = json.loads(run("scan", "--json").splitlines()[0])
    first, second = found["embeds"]
    assert first["author_handle"] is None and second["author_handle"] == "minruiz_f"
    assert found["warnings"] == [{"kind": "handles-not-read", "embeds": [{"embed": 1, "handles": ["dip_martinez_fict"]}],
                                  "message": SAID}]
    assert f"warning: {SAID}" in run("scan")
    assert f"- **Handles not read**: {SAID}" in run("report", "--offline")


def test_the_json_report_s_warning_is_in_its_schema(tmp_path):
    import jsonschema

    from tests.test_report import SCHEMA

    article = tmp_path / "iva.html"
    article.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "rep"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "c.db"), "report", "--offline", "--format", "json",
                                      "-o", str(out), str(article)])
    assert result.exit_code == 0, result.output
    [written] = [p for p in out.rglob("*.json")] if out.is_dir() else [out]
    report = json.loads(written.read_text())
    jsonschema.validate(report, json.loads(SCHEMA.read_text()))
    assert [w["kind"] for w in report["article"]["warnings"]] == ["handles-not-read"]
