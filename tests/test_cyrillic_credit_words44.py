"""Ukrainian and Russian credit words that were read as nothing (newuser44a #6); fixtures fictional.

On `lang="uk"` pages "Скриншот: Telegram", "Скріншот: Telegram" and "Світлина: Олена Коваль / УНІАН" gave no credit
and no warning, while "Фото:" was read: Ukrainian is a language whose credit words the README says are read, so
the credit-language warning (for a language not read) rightly stayed silent, and the credits were lost. A
screenshot's platform is read as "Screenshot via X" is: the place it was taken from, never its photographer.
"""

import pytest

from resolver.credit_language import credit_language_not_read
from resolver.extract import find_all


def page(body: str, lang: str = "uk") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Новини</title></head><body>'
            f'<article><h1>Новини дня</h1><p>Окупанти обстріляли місто вночі. Про це повідомили у ЗСУ.</p>{body}'
            '</article></body></html>')


def credits_of(content: str) -> list[tuple[str | None, str | None]]:
    return [(c.creator, c.organization) for c in find_all(content, "html")[1]]


@pytest.mark.parametrize("body, expected", [
    ("<p>Скриншот: Telegram</p>", [(None, "Telegram")]),
    ("<p>Скріншот: Telegram</p>", [(None, "Telegram")]),
    ('<figure><img src="https://img.example.org/a.jpg"><figcaption>Скриншот: Telegram</figcaption></figure>',
     [(None, "Telegram")]),
    ("<p>Світлина: Олена Коваль / УНІАН</p>", [("Олена Коваль", "УНІАН")]),
    ('<figure><img src="https://img.example.org/b.jpg"><figcaption>Світлина: Олена Коваль / УНІАН</figcaption>'
     '</figure>', [("Олена Коваль", "УНІАН")]),
    ("<p>Фотографія: Олена Коваль / Укрінформ</p>", [("Олена Коваль", "Укрінформ")]),
], ids=["screenshot-ru-spelling", "screenshot-uk-spelling", "screenshot-caption", "svitlyna", "svitlyna-caption",
        "fotohrafiia"])
def test_ukrainian_credit_words_are_read(body, expected):
    assert credits_of(page(body)) == expected


def test_russian_screenshot_word_is_read_as_the_platform():
    assert credits_of(page("<p>Скриншот: Telegram</p>", lang="ru")) == [(None, "Telegram")]


def test_a_screenshot_via_a_platform_names_no_photographer():
    """"Скриншот via X" as "Screenshot via X": X is the platform, no one's name."""
    assert credits_of(page("<p>Скриншот via X</p>")) == [(None, "X")]


@pytest.mark.parametrize("body", ["<p>Скриншот з відео, яке поширюють у мережі.</p>",
                                  "<p>Світлина дня: люди на вулиці</p>"], ids=["screenshot-prose", "photo-of-the-day"])
def test_the_words_in_prose_credit_no_one(body):
    assert credits_of(page(body)) == []


@pytest.mark.parametrize("lang, body, name", [("be", "<p>Фота: Алена Каваль</p>", "Belarusian"),
                                              ("bg", "<p>Снимка: Елена Ковал</p>", "Bulgarian")],
                         ids=["belarusian", "bulgarian"])
def test_a_credit_word_not_read_on_a_page_in_a_language_not_read_is_warned_of(lang, body, name):
    """The other side of the rule: a Cyrillic page in a language whose credit words are not read gets no credit from
    them, and the warning says so."""
    content = page(body, lang=lang)
    assert credits_of(content) == []
    found = credit_language_not_read(content, "html")
    assert found is not None and found.language == lang and name in found.message


def test_a_screenshot_of_x_names_the_platform_for_sure():
    """"Скриншот: X" as "Screenshot: X": the lone "X" is the platform, said for sure (SCREEN_CAPTURE's words)."""
    [credit] = find_all(page("<p>Скриншот: X</p>"), "html")[1]
    assert (credit.creator, credit.organization, credit.split_confidence) == (None, "X", "high")
