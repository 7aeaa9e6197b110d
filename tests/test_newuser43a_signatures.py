"""newuser43a (a Middle East desk's pass), items 4 and 7: a flattened X signature copied from a right-to-left page,
with direction marks around or inside "(@handle)", is still a post, its name without the marks; one dated in the
Hijri (lunar) calendar is a post whose date is said unread, never converted to a guessed day."""

from __future__ import annotations

import pytest

from resolver.extract import dates, find_all
from resolver.extract.text import find_embeds
from resolver.provenance import date_checks

RLM, LRM, RLI, PDI = "\u200f", "\u200e", "\u2067", "\u2069"
WORDS = "ما این طرح را اجرا نمی\u200cکنیم"


@pytest.mark.parametrize("head", [
    f"({RLM}@FaSpox{RLM})", f"(@{LRM}FaSpox{LRM})", f"{RLM}({RLM}@FaSpox{RLM}){RLM}", f"({RLI}@FaSpox{PDI})",
], ids=["rlm-around-handle", "lrm-inside", "rlm-everywhere", "isolate"])
def test_a_signature_with_direction_marks_in_its_handle_is_a_post(head):
    [embed] = find_embeds(f"{WORDS}\n— سخنگو {head} ۲۱ شهریور ۱۴۰۱")
    assert (embed.author_handle, embed.author_name, embed.date) == ("FaSpox", "سخنگو", "2022-09-12")
    assert embed.text == WORDS


@pytest.mark.parametrize("written", ["١٦ صفر ١٤٤٤", "16 صفر 1444", "١٦ صفر ١٤٤٤ هـ", "٣ ربيع الأول ١٤٤٤",
                                     "٣ ذو الحجة ١٤٤٣"],
                         ids=["arabic-digits", "latin-digits", "with-h", "two-word-month", "dhu-al-hijja"])
def test_a_signature_dated_in_the_hijri_lunar_calendar_is_a_post_whose_date_is_unread(written):
    [embed] = find_embeds(f"بيان رسمي حول الأحداث\n— المكتب الإعلامي (@MediaOffice) {written}")
    assert (embed.author_handle, embed.author_name) == ("MediaOffice", "المكتب الإعلامي")
    assert embed.date is None and embed.date_text == written.removesuffix(" هـ")
    [check] = date_checks({"date_text": embed.date_text, "detector": embed.detector},
                          {"status": "available", "created_at": "2022-09-12T13:23:00Z", "archived": []})
    assert check["result"] == "skip" and "Hijri (lunar) calendar" in check["evidence"], check


@pytest.mark.parametrize("written", ["16 صفر 2022", "3 رمضان", "صفر 1444"], ids=["gregorian-year", "no-year", "no-day"])
def test_a_hijri_month_with_another_calendars_year_or_none_gives_no_day(written):
    assert dates.parse_date(written) is None


def _author(head: str) -> tuple[str | None, str | None]:
    page = ('<html lang="ar" dir="rtl"><body><blockquote class="twitter-tweet"><p lang="ar" dir="rtl">نص التغريدة</p>'
            f'&mdash; وزارة الطاقة {head} <a href="https://twitter.com/WahaEnergy/status/1569315722468737024">'
            "12 سبتمبر 2022</a></blockquote></body></html>")
    [embed], _ = find_all(page, "html")
    return embed.author_name, embed.author_handle


@pytest.mark.parametrize("head", ["(@WahaEnergy)", f"{RLM}(@WahaEnergy)", f"(@{LRM}WahaEnergy{LRM})",
                                  f"{RLM}(@{LRM}WahaEnergy{LRM})", f"({RLM}@WahaEnergy{RLM})"],
                         ids=["plain", "rlm-before", "lrm-inside", "both", "rlm-inside"])
def test_an_embed_codes_signature_name_holds_no_direction_mark_and_is_kept(head):
    assert _author(head) == ("وزارة الطاقة", "WahaEnergy")


@pytest.mark.parametrize("head", [f"({RLM}@FaSpox{RLM})", f"({LRM}@FaSpox)"], ids=["rlm", "lrm"])
@pytest.mark.parametrize("holder", ["<p>{words}</p><p>— سخنگو {head} ۲۱ شهریور ۱۴۰۱</p>",
                                    "<div>{words}<br>— سخنگو {head} ۲۱ شهریور ۱۴۰۱</div>"], ids=["paragraphs", "loose"])
def test_a_pages_flattened_signature_with_a_mark_before_the_at_sign_is_a_post(head, holder):
    page = "<html><body>" + holder.format(words=WORDS, head=head) + "</body></html>"
    [embed], _ = find_all(page, "html")
    assert (embed.author_handle, embed.author_name, embed.date) == ("FaSpox", "سخنگو", "2022-09-12")
