"""German and French roles and bodies before a link to a post are no speaker's name: German writes every noun with a
capital, so "Die Ministerin <a>schrieb auf X</a>" warned "the quote may be given to the wrong speaker" on a right
article, where "The finance ministry wrote" passed (newuser46a #5). Fictional posts; no network."""

import pytest

from resolver.extract import find_all
from resolver.provenance import author_check

POST_ID = "1635717429457846273"
URL = f"https://twitter.com/BMF_Beispiel/status/{POST_ID}"
POST = {"status": "available", "text": "Wir erhöhen die Steuern nicht.", "post_id": POST_ID, "platform": "twitter",
        "archived": [], "author": {"handle": "BMF_Beispiel", "name": "Bundesministerium der Beispiele"}}


def _author(speaker: str, verb: str = "schrieb auf X", lang: str = "de") -> dict:
    html = (f'<html lang="{lang}"><body><article><p>{speaker} <a href="{URL}">{verb}</a>: „Wir erhöhen die Steuern '
            'nicht.“</p></article></body></html>')
    [embed] = find_all(html, "html")[0]
    return author_check(embed.to_json(), POST)


@pytest.mark.parametrize("speaker, verb, lang", [
    ("Die Ministerin", "schrieb auf X", "de"), ("Das Ministerium", "schrieb", "de"), ("Der Kanzler", "schrieb", "de"),
    ("Die Polizei", "schrieb", "de"), ("Die Präfektur", "schrieb", "de"), ("Der Regierungssprecher", "schrieb", "de"),
    ("La Préfecture", "a écrit", "fr"), ("Le Préfet", "a écrit", "fr"), ("Le Ministère", "a écrit", "fr"),
    ("L'Élysée", "a écrit", "fr"),
], ids=["ministerin", "ministerium", "kanzler", "polizei", "praefektur", "regierungssprecher", "prefecture", "prefet",
        "ministere", "elysee"])
def test_a_german_or_french_role_or_body_before_the_link_names_no_other_speaker(speaker, verb, lang):
    checked = _author(speaker, verb, lang)
    assert checked["result"] == "pass", checked
    assert "wrong speaker" not in checked["evidence"], checked


@pytest.mark.parametrize("speaker", ["Die Ministerin Anna Muster", "Ministerin Anna Muster", "Der Kanzler Olaf Muster",
                                     "Regierungssprecher Max Muster"])
def test_another_persons_name_after_a_role_still_warns(speaker):
    checked = _author(speaker)
    assert checked["result"] == "warn" and "wrong speaker" in checked["evidence"], checked
