"""Plain-text post remnants the signature and URL readers missed (sig34, #10, #15): a signature dated by numbers or
by a month and a year, a Mastodon handle's signature, a signature wrapped before its date, a URL ended by a zero-width
space before the next words of a script with no spaces, and a URL wrapped before it names a post. A date or an id
the words do not settle is given with its doubt, never as sure. Fixtures are fictional."""

import pytest

from resolver.extract import dates, find_all
from resolver.extract.text import find_embeds

POST = "The bridge on Elm Street is closed until Monday."


def _signed(signature: str) -> str:
    return f"{POST}\n— Jane Roe {signature}"


# 1. Numeric and month-and-year dates
@pytest.mark.parametrize("written, iso", [
    ("2022-09-12", "2022-09-12"),   # ISO: year, month, day
    ("25/09/2022", "2022-09-25"),   # 25 is no month: day first
    ("09/25/2022", "2022-09-25"),   # 25 is no month: month first
    ("25.09.2022", "2022-09-25"),
    ("12/12/2022", "2022-12-12"),   # either order, one day
], ids=["iso", "day-first", "month-first", "dotted", "same-either-way"])
def test_a_signature_dated_by_numbers_one_order_reads_is_read(written, iso):
    [embed] = find_embeds(_signed(f"(@janeroe) {written}"))
    assert (embed.platform, embed.author_handle, embed.author_name) == ("twitter", "janeroe", "Jane Roe")
    assert (embed.date_text, embed.date, embed.text) == (written, iso, POST)


@pytest.mark.parametrize("written", ["12/09/2022", "12.09.2022", "12-09-2022", "09/12/2022"])
def test_a_numeric_date_both_orders_read_keeps_the_post_and_no_date(written):
    """12/09/2022 is September 12 day first, December 9 month first: the post is kept, its date words too, its date
    is not given (a guess would fail or pass the date check wrongly)."""
    [embed] = find_embeds(_signed(f"(@janeroe) {written}"))
    assert (embed.author_handle, embed.date_text, embed.date, embed.text) == ("janeroe", written, None, POST)


def test_a_numeric_date_both_orders_read_names_both_readings():
    assert dates.date_readings("12/09/2022") == {"2022-09-12": ("day first",), "2022-12-09": ("month first",)}
    assert dates.date_readings("25/09/2022") == {}   # one reading: it is read, there is nothing to name


@pytest.mark.parametrize("created, fits", [
    ("2022-09-12T09:00:00.000Z", "it fits 2022-09-12 (day first)"),
    ("2022-12-09T09:00:00.000Z", "it fits 2022-12-09 (month first)"),
    ("2022-05-01T09:00:00.000Z", "it fits neither"),
], ids=["september", "december", "neither"])
def test_the_date_check_of_a_numeric_date_both_orders_read_warns_naming_both(created, fits):
    from resolver.provenance import date_checks

    embed = {"date": None, "date_text": "12/09/2022", "platform": "twitter", "post_id": None}
    post = {"status": "available", "created_at": created, "text": POST, "author": {}}
    [check] = date_checks(embed, post)
    assert check["result"] == "warn", check
    assert "“12/09/2022” is 2022-09-12 read day first or 2022-12-09 read month first" in check["evidence"], check
    assert "which language" not in check["evidence"], check
    assert fits in check["evidence"], check


@pytest.mark.parametrize("written", ["September 2022", "Sept. 2022", "septiembre 2022"])
def test_a_signature_dated_by_month_and_year_keeps_the_post_and_its_words(written):
    [embed] = find_embeds(_signed(f"(@janeroe) {written}"))
    assert (embed.author_handle, embed.date_text, embed.date, embed.text) == ("janeroe", written, None, POST)


@pytest.mark.parametrize("written", ["45/67/2022", "2022", "Sunday 2022", "12/09"])
def test_numbers_that_are_no_date_make_no_signature(written):
    assert find_embeds(_signed(f"(@janeroe) {written}")) == []


def test_a_numeric_date_inside_a_longer_number_is_none():
    assert dates.parse_date("112/09/2022") is None
    assert dates.parse_date("ref 2022-09-123") is None


# 2. A Mastodon handle
def test_a_mastodon_handle_signature_is_a_mastodon_post_of_its_instance():
    [embed] = find_embeds(_signed("(@jane@hachyderm.io) September 12, 2022"))
    assert (embed.platform, embed.kind, embed.post_id, embed.author_handle, embed.url) == (
        "mastodon", "post", None, "jane@hachyderm.io", "https://hachyderm.io/@jane")
    assert (embed.author_name, embed.date, embed.text, embed.detector) == ("Jane Roe", "2022-09-12", POST,
                                                                           "text-signature")


def test_a_mastodon_signature_takes_its_own_post_link():
    text = _signed("(@jane@hachyderm.io) September 12, 2022 https://hachyderm.io/@jane/109876543210987654")
    [embed] = find_embeds(text)
    assert (embed.platform, embed.post_id, embed.author_handle, embed.url) == (
        "mastodon", "hachyderm.io/109876543210987654", "jane@hachyderm.io",
        "https://hachyderm.io/@jane/109876543210987654")
    assert embed.span[1] == len(text)


def test_a_mastodon_signature_does_not_take_another_accounts_post():
    text = _signed("(@jane@hachyderm.io) September 12, 2022 https://mastodon.social/@other/109876543210987654")
    assert [(e.platform, e.post_id, e.author_handle) for e in find_embeds(text)] == [
        ("mastodon", None, "jane@hachyderm.io"),
        ("mastodon", "mastodon.social/109876543210987654", "other@mastodon.social"),
    ]


@pytest.mark.parametrize("handle", ["jane@hachyderm", "jane@@hachyderm.io", "jane@hachyderm.io.", "jane@.io"])
def test_a_handle_with_no_instance_after_its_at_is_no_signature(handle):
    assert find_embeds(_signed(f"(@{handle}) September 12, 2022")) == []


# 3. Wrapped before its date
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_signature_wrapped_before_its_date_is_read(newline):
    text = f"{POST}{newline}— Jane Roe (@janeroe){newline}September 12, 2022{newline}{newline}The council met."
    [embed] = find_embeds(text)
    assert (embed.author_handle, embed.author_name, embed.date, embed.text) == ("janeroe", "Jane Roe", "2022-09-12",
                                                                                POST)
    assert text[embed.span[0]:embed.span[1]].endswith("September 12, 2022")


@pytest.mark.parametrize("text", [
    "Jane Roe (@janeroe)\nSeptember 12, 2022\n\nThe bridge on Elm Street is closed.",   # an article's header
    "By Jane Roe (@janeroe)\nSeptember 12, 2022\n\nThe bridge on Elm Street is closed.",
    "Follow Jane Roe (@janeroe)\n\nSeptember 12, 2022: the bridge closed.",
], ids=["header", "byline", "blank-line"])
def test_a_handle_then_a_date_on_the_next_line_with_no_dash_is_no_post(text):
    assert find_embeds(text) == []


# 4. A zero-width character parting a URL from the next words (Thai, Khmer, Persian copies)
@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
@pytest.mark.parametrize("url, post_id", [
    ("https://t.me/rivertonnews/4521", "rivertonnews/4521"),
    ("twitter.com/RivertonPD/status/1765123456789012345", "1765123456789012345"),
], ids=["telegram", "x"])
def test_a_zero_width_character_after_a_url_ends_it_before_the_next_words(mark, url, post_id):
    text = f"ตำรวจโพสต์ {url}{mark}เมื่อวานนี้"
    [embed] = find_embeds(text)
    assert (embed.post_id, embed.id_doubt) == (post_id, None)
    assert text[embed.span[0]:embed.span[1]] == url


def test_a_zero_width_space_inside_a_url_is_still_skipped():
    text = "See https://t.me/rivertonnews/45\u200b21 now"
    [embed] = find_embeds(text)
    assert embed.post_id == "rivertonnews/4521"


# 5. A URL wrapped before it names a post
@pytest.mark.parametrize("text, post_id", [
    ("Police: https://twitter.com/\nRivertonPD/status/1765123456789012345", "1765123456789012345"),
    ("Police: https://twitter.com/RivertonPD/\nstatus/1765123456789012345", "1765123456789012345"),
    ("Watch https://www.youtube.com/watch?v=dQw4w\n9WgXcQ", "dQw4w9WgXcQ"),
    ("Post: bsky.app/profile/riverton.gov/\npost/3kq2mzabcde2a", "riverton.gov/3kq2mzabcde2a"),
    ("Police: https://twitter.com/\r\nRivertonPD/status/1765123456789012345", "1765123456789012345"),
], ids=["x-host", "x-account", "youtube", "bluesky", "crlf"])
def test_a_url_wrapped_before_it_names_a_post_is_joined_with_a_doubt(text, post_id):
    [embed] = find_embeds(text)
    assert embed.post_id == post_id
    assert embed.id_doubt and "line break" in embed.id_doubt, embed.id_doubt
    assert embed.span[1] == len(text)


@pytest.mark.parametrize("text", [
    "Police: https://twitter.com/\nThe bridge is closed.",
    "Sites:\nhttps://twitter.com/\nt.me/rivertonnews",
    "See https://example.com/\nnews/1765123456789012345",
    "Profile: https://twitter.com/RivertonPD\nstatus updates follow",
], ids=["prose", "list", "no-platform", "profile-then-words"])
def test_a_url_naming_no_post_before_a_line_that_makes_none_is_no_embed(text):
    assert [e for e in find_embeds(text) if e.post_id] == []


def test_a_wrapped_url_in_an_html_paragraph_source_is_joined_with_a_doubt():
    html = ("<html><body><article><p>Police said https://twitter.com/\nRivertonPD/status/1765123456789012345"
            " in a post.</p></article></body></html>")
    [embed] = find_all(html, "html")[0]
    assert embed.post_id == "1765123456789012345"
    assert embed.id_doubt


@pytest.mark.parametrize("handle", ["jane@threads.net", "jane@medium.com"])
def test_a_handle_at_a_host_that_is_no_instance_is_no_mastodon_post(handle):
    """Threads' fediverse handles ("@jane@threads.net") and other hosts the Mastodon parser refuses are no instance's:
    no post of a wrong platform."""
    assert [e for e in find_embeds(_signed(f"(@{handle}) September 12, 2022")) if e.platform == "mastodon"] == []


# If time remains: Persian's solar calendar (Solar Hijri), as Iranian copies date a post
@pytest.mark.parametrize("written, iso", [
    ("۲۱ شهریور ۱۴۰۱", "2022-09-12"),
    ("21 شهریور 1401", "2022-09-12"),
    ("۱ فروردین ۱۴۰۳", "2024-03-20"),
    ("۳۰ اسفند ۱۴۰۳", "2025-03-20"),   # 1403 is a leap year: its Esfand has 30 days
    ("۱ فروردین ۱۴۰۴", "2025-03-21"),
    ("۱۰ دی ۱۳۹۹", "2020-12-30"),
    ("۳۱ مهر ۱۴۰۱", None),   # Mehr has 30 days
    ("۳۰ اسفند ۱۴۰۲", None),   # 1402 is no leap year
], ids=["shahrivar", "latin-digits", "nowruz-1403", "leap-esfand", "nowruz-1404", "dey", "no-31-mehr",
        "no-30-esfand"])
def test_a_persian_solar_date_is_read_as_the_gregorian_day(written, iso):
    assert dates.parse_date(written) == iso


@pytest.mark.parametrize("written", ["21 شهریور 2022", "21 September 1401", "21 سپتامبر ۱۴۰۱"])
def test_a_solar_month_with_another_calendars_year_is_no_date(written):
    assert dates.parse_date(written) is None


def test_a_signature_with_a_persian_solar_date_is_a_post():
    [embed] = find_embeds("پل خیابان الم بسته است.\n— Jane Roe (@janeroe) ۲۱ شهریور ۱۴۰۱")
    assert (embed.author_handle, embed.date_text, embed.date) == ("janeroe", "۲۱ شهریور ۱۴۰۱", "2022-09-12")


def test_the_date_check_of_a_month_and_a_year_says_it_names_no_day():
    """It was read, so "could not read" was untrue: the check says the article names a month and no day."""
    from resolver.provenance import date_checks

    embed = {"date": None, "date_text": "September 2022", "platform": "twitter", "post_id": None}
    post = {"status": "available", "created_at": "2022-09-12T09:00:00.000Z", "text": POST, "author": {}}
    [check] = date_checks(embed, post)
    assert (check["result"], check["evidence"]) == (
        "skip", "the article shows a month and a year, no day (“September 2022”): it is not compared")


# review34r3: what the forms above must not take
@pytest.mark.parametrize("written", ["25.09.2022.3", "13-09-2022-5555", "25/09/2022/12", "1.2.2022.3"])
def test_a_numeric_date_at_the_start_of_a_longer_run_of_numbers_is_none(written):
    """A version ("25.09.2022.3"), a phone or case number ("13-09-2022-5555"): numbers going on past the year with
    the date's separator are no date, as numbers before the day are none ("112/09/2022")."""
    assert dates.parse_date(written) is None
    assert [e.date for e in find_embeds(_signed(f"(@janeroe) {written}"))] in ([], [None])


@pytest.mark.parametrize("written", ["2022-13-01", "2022-02-30", "2022/00/12"])
def test_a_year_first_date_that_is_no_day_makes_no_signature(written):
    """As "31/02/2022" and "45/67/2022" make none: numbers that read as no day are no date."""
    assert find_embeds(_signed(f"(@janeroe) {written}")) == []


@pytest.mark.parametrize("text", [
    "Sources — Jane Roe (@janeroe)\n2022-09-12: the council voted.\n2022-09-13: the results.",
    "The vote passed. — she wrote, quoting Jane Roe (@janeroe)\nSeptember 12, 2022 was the day of the vote.",
], ids=["list", "prose"])
def test_a_wrapped_handle_whose_next_line_goes_on_after_the_date_is_no_post(text):
    """A signature wrapped before its date has the date alone on the next line: a line going on after it is prose
    or a list, whose date is no post's (sig34's left alone)."""
    assert find_embeds(text) == []


@pytest.mark.parametrize("handle", ["jane@gmail.com", "jane@outlook.com", "jane@bsky.social"])
def test_a_handle_at_a_mail_or_bluesky_host_is_no_mastodon_post(handle):
    """An e-mail address written with an "@" before it, or a Bluesky handle written as a fediverse one, names no
    Mastodon account: no post on https://gmail.com/@jane."""
    assert [e for e in find_embeds(_signed(f"(@{handle}) September 12, 2022")) if e.platform == "mastodon"] == []


@pytest.mark.parametrize("handle", ["jane@127.0.0.12", "jane@127.1.1.20", "jane@0x7f.01", "jane@example.123"])
def test_a_handle_at_an_address_is_no_mastodon_post(handle):
    """An instance has a domain name, whose last label is no number, as the URL parser holds (#15): a handle at an
    address is no account, and no post points at https://127.0.0.12/@jane."""
    assert find_embeds(_signed(f"(@{handle}) September 12, 2022")) == []


@pytest.mark.parametrize("handle", ["jane@twitter.com", "jane@x.com", "jane@youtube.com", "jane@instagram.com",
                                    "jane@facebook.com", "jane@t.me", "jane@reddit.com"])
def test_a_handle_at_another_platforms_host_is_no_mastodon_post(handle):
    """"@jane@twitter.com" is how the 2022 move to Mastodon wrote an X account in fediverse form: no Mastodon post on
    https://twitter.com/@jane (a YouTube channel's address, for "@jane@youtube.com"), as a link on such a host is
    never a Mastodon post (`platforms.parse_url` asks the Mastodon parser only for hosts no platform owns)."""
    assert [e for e in find_embeds(_signed(f"(@{handle}) September 12, 2022")) if e.platform == "mastodon"] == []


@pytest.mark.parametrize("written, iso", [
    ("۲۱ شهريور ۱۴۰۱", "2022-09-12"),   # Arabic yeh (U+064A), as an Arabic keyboard or an older encoding writes it
    ("۱۰ ارديبهشت ۱۴۰۱", "2022-04-30"),
    ("12 يناير 2022", "2022-01-12"),   # Arabic's own months are read as before
    ("12 ینایر 2022", "2022-01-12"),   # and with a Persian yeh
], ids=["shahrivar", "ordibehesht", "arabic", "arabic-persian-yeh"])
def test_a_month_written_with_the_other_yeh_is_read(written, iso):
    """Persian text is often typed with Arabic's yeh (ي) and kaf (ك) for Persian's (ی, ک): one month either way."""
    assert dates.parse_date(written) == iso


@pytest.mark.parametrize("text", [
    "Politics — By Jane Roe (@janeroe)\nSeptember 12, 2022\n\nThe mayor said the budget would pass.",
    "Politics — By Jane Roe (@janeroe) September 12, 2022\n\nThe mayor said the budget would pass.",
    "Politics — Written by Jane Roe (@janeroe) 2022-09-12\n\nThe mayor said the budget would pass.",
], ids=["wrapped", "one-line", "numeric"])
def test_a_byline_after_a_dash_is_no_post(text):
    """A section's name, a dash, then the writer's byline ("Politics — By Jane Roe (@janeroe)⏎date") is an article's
    header, as the byline with no dash is (review29c): no post dated by the article's date."""
    assert find_embeds(text) == []


def test_a_byline_after_a_dash_with_its_own_post_link_is_a_post():
    text = "Politics — By Jane Roe (@janeroe) September 12, 2022 https://twitter.com/janeroe/status/1569201234567890123"
    assert [(e.post_id, e.author_handle) for e in find_embeds(text)] == [("1569201234567890123", "janeroe")]


# sig35: what stop 34 left (#10, #15)
@pytest.mark.parametrize("text", [
    "RIVERTON (@RivertonNews) 12.09.2022 — The mayor said the bridge would reopen on Monday.",
    "The bridge closed on Friday. (Photo: Jane Roe (@janeroe) 25/09/2022)",
    "Account | Date\nJane Roe (@janeroe) 12/09/2022\nRiverton PD (@RivertonPD) 2022-09-13",
    "The council met again. Jane Roe (@janeroe) September 2022",
    "The bridge on Elm Street is closed until Monday.  Jane Roe (@janeroe) 12/09/2022",
], ids=["dateline", "caption", "table", "month-and-year", "two-spaces"])
def test_a_handle_and_a_date_in_numbers_with_no_dash_is_no_post(text):
    """X writes a signature's date in words ("September 12, 2022", "12 sept. 2022", "2022年9月12日"): numbers, or a
    month with no day, are how a dateline, a caption or a table dates a line. With no dash before the name such a
    line was a post with no id (review34r3's left alone); it is none now, as a wrapped signature with no dash is
    none (fixnu33d). The seed's and the corpus's dashless signatures are all dated in words."""
    assert find_embeds(text) == []


@pytest.mark.parametrize("text, post_id", [
    ("The bridge on Elm Street is closed until Monday. — Jane Roe (@janeroe) 12/09/2022", None),
    ("The bridge on Elm Street is closed until Monday. Jane Roe (@janeroe) 25/09/2022 "
     "https://twitter.com/janeroe/status/1573712345678901234", "1573712345678901234"),
    ("The bridge on Elm Street is closed until Monday.  Jane Roe (@janeroe) September 12, 2022", None),
], ids=["dash", "own-link", "words-date-no-dash"])
def test_a_signature_with_a_dash_or_its_own_link_or_a_date_in_words_is_still_a_post(text, post_id):
    [embed] = find_embeds(text)
    assert (embed.author_handle, embed.post_id, embed.text) == ("janeroe", post_id,
                                                                "The bridge on Elm Street is closed until Monday.")


@pytest.mark.parametrize("text, post_id", [
    ("https://例え\u200bば.jp/@jane/109876543210987654", "例えば.jp/109876543210987654"),
    ("https://facebook.com/ร้านอาหาร\u200bไทย/posts/1234567890123456", "1234567890123456"),
], ids=["japanese-host", "thai-path"])
def test_a_zero_width_character_inside_a_url_before_a_letter_is_skipped_when_the_url_goes_on(text, post_id):
    """A zero-width character before a non-ASCII letter is a break between words only where the words do not go on
    as the URL ("/" before the next space): inside an IDN host or a page name it was read as a space, and the post
    was lost (review34r3's left alone)."""
    embeds = [e for e in find_embeds(f"See {text} now") if e.post_id]
    assert [e.post_id for e in embeds] == [post_id]


@pytest.mark.parametrize("url, post_id", [
    ("https://t.me/rivertonnews/4521", "rivertonnews/4521"),
    ("https://twitter.com/RivertonPD/status/1765123456789012345", "1765123456789012345"),
], ids=["telegram", "x"])
@pytest.mark.parametrize("words", ["แล้ว", "เมื่อวานนี้", "ຂ່າວ", "ព័ត៌មាន"], ids=["thai", "thai-2", "lao", "khmer"])
def test_a_word_of_a_script_with_no_spaces_glued_to_a_numeric_id_ends_it(url, post_id, words):
    """Thai, Lao and Khmer write no spaces, and a copy may drop the zero-width one after a URL ("…/4521แล้ว"): no
    numeric id holds such a letter, so the URL ends where they start (sig34's left alone)."""
    text = f"ตำรวจโพสต์ {url}{words} ค่ะ"
    [embed] = find_embeds(text)
    assert (embed.post_id, embed.id_doubt) == (post_id, None)
    assert text[embed.span[0]:embed.span[1]] == url


@pytest.mark.parametrize("written, iso", [
    ("۲۱ سنبله ۱۴۰۱", "2022-09-12"),   # Sonbola, Shahrivar's month
    ("1 حمل 1401", "2022-03-21"),   # Hamal, the year's first day
    ("۱۰ جدی ۱۴۰۰", "2021-12-31"),   # Jadi, Dey's
    ("30 حوت 1403", "2025-03-20"),   # Hut of a leap year
    ("۱ امرداد ۱۴۰۱", "2022-07-23"),   # Amordad, Mordad's older name
], ids=["sonbola", "hamal", "jadi", "hut-leap", "amordad"])
def test_a_dari_solar_date_is_read_as_the_gregorian_day(written, iso):
    """Afghanistan's Dari names the Solar Hijri months by the zodiac (Hamal … Hut): the same calendar as Iran's."""
    assert dates.parse_date(written) == iso


@pytest.mark.parametrize("written", ["21 سنبله 2022", "21 میزان", "میزان 1401"])
def test_a_dari_month_with_no_solar_year_is_no_date(written):
    """"میزان" (Mizan) is also the word for a balance and "اسد" a lion's: with a Gregorian year or none, no date."""
    assert dates.parse_date(written) is None


@pytest.mark.parametrize("written", ["12/09/22", "25.09.22", "9-12-22"])
def test_a_signature_dated_with_a_two_digit_year_keeps_the_post_and_no_date(written):
    """A two-digit year is a third order to read ("12/09/22": September 12 or December 9, 2022, or September 22,
    2012) and a century to assume: the post is kept with its date words, and no date is given (sig34's left alone:
    it was no post at all)."""
    [embed] = find_embeds(_signed(f"(@janeroe) {written}"))
    assert (embed.author_handle, embed.date_text, embed.date, embed.text) == ("janeroe", written, None, POST)


def test_a_two_digit_year_names_each_reading():
    assert dates.date_readings("12/09/22") == {"2022-09-12": ("day first",), "2022-12-09": ("month first",),
                                               "2012-09-22": ("year first",)}
    assert dates.parse_date("25/09/22") is None   # 2022-09-25 day first, 2025-09-22 year first


def test_the_date_check_of_a_two_digit_year_warns_naming_each_reading():
    from resolver.provenance import date_checks

    embed = {"date": None, "date_text": "12/09/22", "platform": "twitter", "post_id": None}
    post = {"status": "available", "created_at": "2022-09-12T09:00:00.000Z", "text": POST, "author": {}}
    [check] = date_checks(embed, post)
    assert check["result"] == "warn", check
    assert ("“12/09/22” is 2022-09-12 read day first or 2022-12-09 read month first or 2012-09-22 read year first"
            in check["evidence"]), check
    assert "it fits 2022-09-12 (day first)" in check["evidence"], check


@pytest.mark.parametrize("written", ["12/09/223", "1.2.34.5", "12/09/22/7", "112/09/22", "45/67/89"])
def test_numbers_that_are_no_two_digit_year_date_make_no_signature(written):
    assert find_embeds(_signed(f"(@janeroe) {written}")) == []


# review35r1: sig35's rules held against the forms a scraped signature takes
def test_a_signature_dated_in_numbers_after_a_dash_a_scraper_made_a_hyphen_is_still_a_post():
    """A copy that folds the dash to ASCII writes " - " before the name ("… Monday. - Jane Roe (@janeroe)
    25/09/2022"), a form the dashless reading already knew. sig35's rule for a date in numbers took only a real dash,
    and the post was lost."""
    [embed] = find_embeds(f"{POST} - Jane Roe (@janeroe) 25/09/2022")
    assert (embed.author_handle, embed.author_name, embed.date, embed.text) == ("janeroe", "Jane Roe", "2022-09-25",
                                                                               POST)


@pytest.mark.parametrize("text", [
    "Accounts and the day each joined:\n- Jane Roe (@janeroe) 25/09/2022",   # a list's item, no words before it
    "The bridge on Elm Street is closed - the mayor said on Monday to Jane Roe (@janeroe) 25/09/2022",
    "Final score: Riverton 3 - 1 (@rivertonfc) 25/09/2022",   # a score's hyphen: no name after it
], ids=["bullet", "prose-hyphen", "score"])
def test_a_hyphen_that_is_no_signatures_dash_does_not_make_a_date_in_numbers_a_post(text):
    assert find_embeds(text) == []


@pytest.mark.parametrize("after", ["fixes the parser", "went down at noon"])
@pytest.mark.parametrize("written", ["3.11.10", "10.1.22", "12/09/2022"])
def test_a_date_in_numbers_the_line_goes_on_after_is_no_signature(written, after):
    """A version ("3.11.10"), an address or a date in prose after a handle ("— Acme Bot (@acmebot) 3.11.10 fixes the
    parser") is no signature: X's signature ends its line after its date, or its link does. With a dash and a
    two-digit year (sig35's shape 8) it was a post with no id, its words the line's start."""
    assert find_embeds(f"{POST}\n— Jane Roe (@janeroe) {written} {after}") == []


@pytest.mark.parametrize("words", ["และ/หรือภาพ", "ประชุมวันที่12/9", "อ่านต่อhttps://example.com/a"],
                         ids=["and-or", "date", "next-url"])
def test_a_zero_width_break_before_words_holding_a_slash_still_ends_the_url(words):
    """sig35 kept a zero-width character inside a URL when the letters after it reach a "/" before a space (an IDN
    host, a page's name). Thai words hold a "/" too ("และ/หรือ", and/or; a date; a glued next link): they were read
    into the URL and the post was lost. A URL goes on to a path after that "/" ("@jane", "posts"); words do not."""
    url = "https://t.me/rivertonnews/4521"
    text = f"ตำรวจโพสต์ {url}\u200b{words} ค่ะ"
    embeds = [e for e in find_embeds(text) if e.post_id]
    assert [(e.post_id, text[e.span[0]:e.span[1]]) for e in embeds] == [("rivertonnews/4521", url)]


@pytest.mark.parametrize("opening, closing", [("「", "」"), ("『", "』"), ("„", "“"), ("‚", "‘"), ("（", "）")],
                         ids=["kagi", "double-kagi", "german", "german-single", "full-width"])
def test_a_closing_quote_after_the_posts_own_link_does_not_put_it_amid_the_words(opening, closing):
    """A copy may quote the post's words, its link included ("「… https://x.com/…/status/N」— Name"): a closing
    quote mark of another language after the link is no word, and the link still ends the words (sig35 knew "”",
    "’" and "»" only)."""
    own = "https://twitter.com/janeroe/status/1569315424346779648"
    [embed] = find_embeds(f"{opening}The bridge is closed {own}{closing} — Jane Roe (@janeroe) September 12, 2022")
    assert embed.post_id == "1569315424346779648"


@pytest.mark.parametrize("end", [
    "”", ".”", "\u200b", " https://t.co/AbCdEf1234", " (https://twitter.com/janeroe)",
    " The road is closed too. — John Doe (@johndoe) 13/09/2022",
], ids=["closing-quote", "stop-and-quote", "zero-width", "t-co", "profile-link", "next-post-runs-on"])
def test_a_signature_dated_in_numbers_ending_its_line_as_copies_end_it_is_a_post(end):
    """What may follow a date in numbers on its line: a closing quote (the post quoted whole), an invisible character,
    a link, or the next post run on after it, as a scraper joins posts."""
    embeds = find_embeds(f"“{POST} — Jane Roe (@janeroe) 25/09/2022{end}\n")
    assert [(e.author_handle, e.date) for e in embeds][:1] == [("janeroe", "2022-09-25")]


@pytest.mark.parametrize("written", ["۲۱/۰۶/۰۱", "۰۱/۰۶/۲۱"], ids=["day-first", "year-first"])
def test_a_two_digit_year_in_persian_digits_is_no_date(written):
    """Persian digits date by the Solar Hijri calendar: "۲۱/۰۶/۰۱" is 21 Shahrivar 1401 (2022-09-12), never 2001-06-21
    or 2021-06-01, which sig35's readings gave (the date check then warned that the post fit neither). A solar year of
    four digits in numbers ("۲۱/۰۶/۱۴۰۱") makes no date either."""
    assert dates.date_readings(written) == {}
    assert find_embeds(_signed(f"(@janeroe) {written}")) == []


def test_a_date_in_numbers_marked_gregorian_in_arabic_ends_its_line():
    """Arabic writes "م" (ميلادي) after a Gregorian date: "12/9/2022م" ends the signature's line as the date does."""
    [embed] = find_embeds(f"{POST}\n— Jane Roe (@janeroe) 25/9/2022م\n")
    assert (embed.author_handle, embed.date) == ("janeroe", "2022-09-25")


def test_a_two_digit_year_marked_hijri_is_no_signature():
    """"هـ" marks a Hijri date ("16/02/44هـ" is 16 Safar 1444): its year is none of this century's, which sig35 read."""
    assert find_embeds(f"{POST}\n— Jane Roe (@janeroe) 16/02/44هـ\n") == []


# sigres38 (stop 37's "left alone", item 1): dotted dates in an embed's signature ("— Jane Roe (@jroe) 12.09.2022")
# were said not to be read. They are, in the text and in a blockquote's date link (sig34): read where one order
# reads them (the day above 12, the year first), given with both readings where both do, never guessed. Not a bug:
# these pin the blockquote path and the forms with a one-figure month.
@pytest.mark.parametrize("written, iso", [
    ("25.09.2022", "2022-09-25"), ("25.9.2022", "2022-09-25"), ("13.09.2022", "2022-09-13"),
    ("2022.09.12", "2022-09-12"), ("2022.9.12", "2022-09-12"), ("12.09.2022", None), ("12.9.2022", None),
], ids=["day-above-12", "one-figure-month", "day-13", "year-first", "year-first-one-figure", "both-orders",
        "both-orders-one-figure"])
def test_sigres38_a_blockquotes_dotted_date_is_read_only_where_one_order_reads_it(written, iso):
    html = ('<html><body><article><p>Die Stadt meldet:</p><blockquote class="twitter-tweet"><p lang="de">Die Brücke '
            'ist zu.</p>&mdash; Jane Roe (@jroe) <a href="https://twitter.com/jroe/status/1569201234567890123">'
            f'{written}</a></blockquote></article></body></html>')
    [embed] = find_all(html, "html")[0]
    assert (embed.post_id, embed.date_text, embed.date) == ("1569201234567890123", written, iso)
    assert dates.date_readings(written) == ({} if iso else {"2022-09-12": ("day first",),
                                                            "2022-12-09": ("month first",)})


def test_sigres38_a_dotted_date_both_orders_read_is_no_conflict_with_the_ids_time():
    """With no post fetched, a date both orders read is not compared (the id's time is September 12, 2022; read
    month first it would be a wrong conflict): a skip naming both readings, and no snowflake check on a guess."""
    from resolver.provenance import date_checks

    embed = {"date": None, "date_text": "12.09.2022", "platform": "twitter", "post_id": "1569201234567890123"}
    checks = date_checks(embed, None)
    assert [(c["name"], c["result"]) for c in checks] == [("date", "skip")], checks
    assert "2022-09-12 read day first or 2022-12-09 read month first" in checks[0]["evidence"], checks
