"""Dates as embeds print them ("September 12, 2022", "12 de septiembre de 2022", "2017年10月9日"), read to ISO."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import Any

from resolver.extract.incomplete import none, step
from resolver.lazy import LazyPattern

_MONTHS: dict[str, int] = {}
# Month names as embeds and scrapers print them, by language (its ISO 639 code); genitive forms where a date uses them
# ("12 сентября 2022"). A table, not babel/dateparser: these are the only dates the detectors read.
_TABLE: tuple[tuple[str, str], ...] = (
    ("en", "january february march april may june july august september october november december"),
    ("en", "jan feb mar apr may jun jul aug sep oct nov dec"),
    ("es", "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),   # Spanish
    ("fr", "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
    ("de", "januar februar märz april mai juni juli august september oktober november dezember"),
    ("pt", "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),   # Portuguese
    ("it", "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"),
    ("nl", "januari februari maart april mei juni juli augustus september oktober november december"),   # Dutch
    ("pl", "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia"),
    ("pl", "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień"),
    ("tr", "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"),   # Turkish
    ("ru", "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),   # Russian
    ("ru", "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"),
    ("ru", "янв февр мар апр мая июн июл авг сент окт нояб дек"),
    ("uk", "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"),   # Ukrainian
    ("uk", "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень"),
    ("ar", "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),   # Arabic (Egypt, Gulf)
    ("ar", "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني كانون_الأول"),   # Levant, Iraq
    # The other languages X writes an embed's date in (the viewer's, newuser32b #7), as CLDR's long date names the
    # month (twitter-cldr's tables, as X's own code formats dates).
    ("he", "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר"),   # Hebrew
    ("he", "ינו פבר מרץ אפר מאי יוני יולי אוג ספט אוק נוב דצמ"),   # Hebrew, shortened (with a geresh: "12 בספט׳ 2022")
    ("sv", "januari februari mars april maj juni juli augusti september oktober november december"),   # Swedish
    ("da", "januar februar marts april maj juni juli august september oktober november december"),   # Danish
    ("no", "januar februar mars april mai juni juli august september oktober november desember"),   # Norwegian
    ("id", "januari februari maret april mei juni juli agustus september oktober november desember"),   # Indonesian
    ("ms", "januari februari mac april mei jun julai ogos september oktober november disember"),   # Malay
    ("ro", "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie"),   # Romanian
    ("cs", "ledna února března dubna května června července srpna září října listopadu prosince"),   # Czech
    ("sk", "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra"),   # Slovak
    ("fi", "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta"
    " marraskuuta joulukuuta"),   # Finnish
    ("ca", "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre"),   # Catalan ("d’abril")
    ("fil", "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre"),   # Filipino
    ("el", "ιανουαρίου φεβρουαρίου μαρτίου απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου"
    " δεκεμβρίου"),   # Greek
    ("bg", "януари февруари март април май юни юли август септември октомври ноември декември"),   # Bulgarian
    ("sr", "јануар фебруар март април мај јун јул август септембар октобар новембар децембар"),   # Serbian
    ("sr", "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar"),   # Serbian, Latin letters
    ("hi", "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्तूबर नवंबर दिसंबर"),   # Hindi
    ("hi", "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितम्बर अक्टूबर नवम्बर दिसम्बर"),   # Hindi, spelt otherwise
    ("ur", "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر"),   # Urdu ("12 ستمبر، 2022")
    # Croatian: its "listopada" is October, Polish's November (review32r4): such a word is read by the language
    # known (`month_number`), else not at all, and the date check names both months (fixnu32h)
    ("hr", "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga prosinca"),
    ("hr", "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad studeni prosinac"),
    ("hr", "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenog prosinca"),
    ("sl", "januar februar marec april maj junij julij avgust september oktober november december"),   # Slovenian
    ("sl", "jan feb mar apr maj jun jul avg sep okt nov dec"),
    ("bs", "januar februar mart april maj juni juli august septembar oktobar novembar decembar"),   # Bosnian
    ("hu", "január február március április május június július augusztus szeptember október november december"),
    ("hu", "jan febr márc ápr máj jún júl aug szept okt nov dec"),   # Hungarian ("2022. szept. 12.")
    # Persian: the Gregorian months, with the ezafe X writes before the year ("12 ژانویهٔ 2023") and without it
    ("fa", "ژانویهٔ فوریهٔ مارس آوریل مهٔ ژوئن ژوئیهٔ اوت سپتامبر اکتبر نوامبر دسامبر"),
    ("fa", "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر"),
    # Thai, with the Buddhist era's year or the Gregorian one (`_year`); abbreviated with stops ("12 ก.ย. 2565"), the
    # last of which the pattern reads after the month
    ("th", "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม"),
    ("th", "ม.ค ก.พ มี.ค เม.ย พ.ค มิ.ย ก.ค ส.ค ก.ย ต.ค พ.ย ธ.ค"),
    # Persian's own calendar, the Solar Hijri, as Iranian sites and copies date a post ("۲۱ شهریور ۱۴۰۱" is 2022-09-12):
    # its months with its years only (13xx, 14xx), read to the Gregorian day (`_solar_iso`)
    ("fa-solar", "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند"),
    # The same calendar's months as Afghanistan's Dari names them, by the zodiac ("۲۱ سنبله ۱۴۰۱"), and Mordad's older
    # name (sig35). Words such as "میزان" (a balance) and "اسد" (a lion) are a month only with a solar year (`_year`).
    ("fa-solar", "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت"),
    ("fa-solar", "فروردین اردیبهشت خرداد تیر امرداد شهریور مهر آبان آذر دی بهمن اسفند"),
    # The Hijri (lunar) calendar's months, as Arabic copies date a post ("١٦ صفر ١٤٤٤ هـ"), with its years only (13xx,
    # 14xx): a date all the same, never read to a Gregorian day (`_day`). Its months start at the new moon's sighting,
    # which differs by a day from country to country (Umm al-Qura, Egypt's, Morocco's): a day converted is a guess, and
    # the date check says it did not read it (newuser43a #4: the post was lost). Each month as written in full and
    # as often spelt ("ربيع الآخر" for the second Rabi', "جمادى الآخرة" for the second Jumada, "ذي" for "ذو").
    ("ar-hijri", "محرم صفر ربيع_الأول ربيع_الثاني جمادى_الأولى جمادى_الآخرة رجب شعبان رمضان شوال ذو_القعدة ذو_الحجة"),
    ("ar-hijri", "المحرم صفر ربيع_الاول ربيع_الآخر جمادى_الاولى جمادى_الثانية رجب شعبان رمضان شوال ذي_القعدة ذي_الحجة"),
)
# Vietnamese numbers its months ("12 tháng 9, 2022", "Ngày 12 tháng 09 năm 2022"): a shape of DATE_PATTERN of its own.
LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
             "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
             "he": "Hebrew", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "id": "Indonesian", "ms": "Malay",
             "ro": "Romanian", "cs": "Czech", "sk": "Slovak", "fi": "Finnish", "ca": "Catalan", "fil": "Filipino",
             "el": "Greek", "bg": "Bulgarian", "sr": "Serbian", "hi": "Hindi", "ur": "Urdu", "hr": "Croatian",
             "sl": "Slovenian", "bs": "Bosnian", "hu": "Hungarian", "fa": "Persian", "th": "Thai", "vi": "Vietnamese",
             "fa-solar": "Persian (solar calendar)", "ar-hijri": "Arabic (Hijri lunar calendar)"}
SOLAR = "fa-solar"   # the table's code of the Solar Hijri months
LUNAR = "ar-hijri"   # the table's code of the Hijri (lunar) months: a date, never read to a day
_OLD_CODES = {"iw": "he", "in": "id", "nb": "no", "nn": "no", "tl": "fil"}   # X's "iw" and "in", Norway's two
_WORD_LANGUAGES: dict[str, dict[int, tuple[str, ...]]] = {}   # a word: each month it names, in which languages
for _language, _names in _TABLE:
    for number, word in enumerate(_names.split(), start=1):
        word = word.replace("_", " ")
        _MONTHS.setdefault(word, number)
        held = _WORD_LANGUAGES.setdefault(word, {}).setdefault(number, ())
        _WORD_LANGUAGES[word][number] = held + (_language,) * (_language not in held)
for _word, _number in (("sept", 9), ("setiembre", 9), ("fevrier", 2), ("aout", 8), ("decembre", 12), ("ابريل", 4),
                       ("اغسطس", 8), ("اكتوبر", 10), ("إبريل", 4),
                       # abbreviations Instagram's and X's embeds print ("23. Okt 2017", "12 set 2022", "3 janv. 2020")
                       ("mär", 3), ("mrz", 3), ("okt", 10), ("dez", 12),   # German
                       ("janv", 1), ("févr", 2), ("fevr", 2), ("avr", 4), ("juil", 7), ("déc", 12),   # French
                       ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12),   # Spanish
                       ("gen", 1), ("mag", 5), ("giu", 6), ("lug", 7), ("set", 9), ("ott", 10),   # Italian
                       ("sett", 9),   # Italian print's "12 sett. 2022": the signature, and its post, was lost (fix47d #6)
                       ("fev", 2), ("out", 10), ("mrt", 3)):   # Portuguese ("dez" as German), Dutch
    _MONTHS[_word] = _number
    _WORD_LANGUAGES.setdefault(_word, {_number: ()})   # "okt" stays Slovenian and Hungarian (a year first reads it)


def month_key(word: str) -> str:
    """A month's name as the table is looked up by: case-folded with Turkish I, ı, İ and i as one letter, as
    DATE_RE's IGNORECASE matches them ("MAYIS" matched "mayıs", and "MAYIS".lower() is "mayis": KeyError, the
    whole article lost, newuser32b #1; "NİSAN".lower() keeps a combining dot); Arabic's yeh and kaf as Persian's, as
    Persian text is often typed with them ("شهريور" is "شهریور", review34r3)."""
    return word.replace("İ", "i").replace("ı", "i").casefold().replace("i\u0307", "i").translate(_PERSIAN_LETTERS)


_PERSIAN_LETTERS = str.maketrans("يك", "یک")   # Arabic yeh and kaf (U+064A, U+0643): Persian's (U+06CC, U+06A9)


def language_code(tag: str | None) -> str:
    """A language tag's language, as the table codes it: "hr-HR" and "HR" are "hr", X's "iw" is "he"."""
    code = re.split(r"[-_]", (tag or "").strip().casefold())[0]
    return _OLD_CODES.get(code, code)


def month_number(word: str, *, langs: Iterable[str | None] = ()) -> int | None:
    """The month a name DATE_RE matched stands for, or None for a word the table lacks. A word two languages give two
    months ("listopada": October in Croatian, November in Polish) is read by the languages `langs` knows (the embed
    code's, the page's, the post's) where they name one of its months, else None: a month guessed is a date check
    failed on an honest article (fixnu32h)."""
    months = _READINGS.get(month_key(word), {})
    if len(months) <= 1:
        return next(iter(months), None)
    codes = {language_code(lang) for lang in langs if lang}
    hinted = {number for number, languages in months.items() if codes & set(languages)}
    return hinted.pop() if len(hinted) == 1 else None


_READINGS: dict[str, dict[int, tuple[str, ...]]] = {}
for _word, _months in _WORD_LANGUAGES.items():
    for _number, _languages in _months.items():
        _READINGS.setdefault(month_key(_word), {})[_number] = \
            tuple(dict.fromkeys(_READINGS.get(month_key(_word), {}).get(_number, ()) + _languages))


def is_month(word: str) -> bool:
    """Whether `word` is a month's name in any language the table holds ("September", "сентября", "вересня")."""
    return month_key(word) in _READINGS


# A month is matched as any word, and looked up in the table afterwards (`MonthPattern`): the table's 400 names as an
# alternation, twice in DATE_PATTERN, took 5 ms to compile in every process that read a date (a one-file scan's
# start-up over its aim, #14). A word is a run of letters and of the marks the table's words hold (Hindi's vowel
# signs are no \w); the Levant's months are two words ("كانون الثاني"), the second of which is listed.
_LETTER_RE = re.compile(r"[^\W\d_]")
_MARKS = "".join(sorted(c for c in set("".join(_MONTHS)) - {" ", "."} if not _LETTER_RE.match(c)))   # each once
_SECOND_WORDS = sorted({w.split(" ", 1)[1] for w in _MONTHS if " " in w}, key=len, reverse=True)
# As long as the table's longest (the pattern retried a longer run from each of its letters, reading the rest of it
# each time: quadratic, dates33); a month inside a longer run is found from its own first letter, as before.
_LONGEST = max(len(piece) for w in _MONTHS for piece in w.replace(".", " ").split(" "))
_LETTERS = rf"(?:[^\W\d_]|[{re.escape(_MARKS)}]){{1,{_LONGEST}}}"
# Thai's abbreviations hold stops ("ก.ย."): a word may too, between letters; the last stop is the pattern's
# Every second word is Arabic's, with its article (الثاني, الأولى, الحجة): matched as any such word, so that the pattern
# does not grow with them either (the Hijri months' six, newuser43a #4), and looked up with the first in the table.
MONTH = (rf"{_LETTERS}(?:\.{_LETTERS})*"
         + (r"(?:[ ]ال[^\W\d_]{2,6})?" if all(w.startswith("ال") and len(w) <= 8 for w in _SECOND_WORDS)
            else rf"(?:[ ](?:{'|'.join(map(re.escape, _SECOND_WORDS))}))?" if _SECOND_WORDS else ""))
# \d takes Arabic-Indic digits, Urdu's, Persian's and Thai's; int() reads them. 25xx: the Buddhist era's years, read
# with a Thai month only (`_year`).
YEAR = r"(?:1[349]|2[05]|١[٣٤٩]|٢٠|۱[۳۴۹]|۲۰|๒๕)\d{2}"   # 13xx, 14xx: the Solar Hijri's, with its months only
SP = r"[ \t\u00a0]"
# One alternation, seven shapes; (?!\d) lets the year run into the next word ("2017The mayor said"). Before the month
# Catalan's "d’" ("12 d’abril de 2022") and Hebrew's "ב" ("in": "12 בספטמבר 2022"); after it a stop, or Hebrew's geresh
# as X writes it or a keyboard does ("12 בספט׳ 2022", "בספט' 2022"): the table holds the month alone (newuser32b #7).
# Before the year Thai's era ("12 กันยายน พ.ศ. 2565"). Hungarian puts the year first ("2022. szeptember 12."),
# Vietnamese numbers the month ("12 tháng 9, 2022", "Ngày 12 tháng 09 năm 2022") (review32r4). A scraped signature's
# numbers (sig34): day and month in either order ("12/09/2022", "25.09.2022"; `_numeric_readings`), a year first
# ("2022-09-12", "2022/09/12"), none inside a longer run of numbers; and a month with its year alone ("September
# 2022", the first shape with no day), which names no day: found, its words kept, no date given. A two-digit year
# (shape 8, "12/09/22", sig35): found, never read (three orders and a century to guess), its readings named.
DATE_PATTERN = (
    rf"(?:(?P<m1>{MONTH})\.?{SP}+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?{SP}*)?(?P<y1>{YEAR})"
    rf"|(?P<d2>\d{{1,2}})\.?(?:er)?{SP}+(?:de{SP}+|d['’]|ב)?(?P<m2>{MONTH})[.׳']?[,،]?{SP}+"
    rf"(?:de{SP}+|(?:(?P<be2>พ\.ศ\.)|ค\.ศ\.){SP}*)?(?P<y2>{YEAR})(?:{SP}*(?:г\.|р\.|r\.))?"
    rf"|(?P<y3>{YEAR})[ \t]*[年년][ \t]*(?P<m3>\d{{1,2}})[ \t]*[月월][ \t]*(?P<d3>\d{{1,2}})[ \t]*[日일]?"
    rf"|(?P<y4>{YEAR})\.{SP}+(?P<m4>{MONTH})\.?{SP}+(?P<d4>\d{{1,2}})\.?"
    rf"|(?:ngày{SP}+)?(?P<d5>\d{{1,2}}){SP}+(?:tháng|thg){SP}+(?P<m5>\d{{1,2}})(?:,{SP}*|{SP}+năm{SP}+)(?P<y5>{YEAR})"
    rf"|(?<![\d/.-])(?P<n6>\d{{1,2}})(?P<s6>[/.-])(?P<o6>\d{{1,2}})(?P=s6)(?P<y6>{YEAR})(?![/.-]\d)"
    rf"|(?<![\d/.-])(?P<y7>{YEAR})(?P<s7>[/.-])(?P<m7>\d{{1,2}})(?P=s7)(?P<d7>\d{{1,2}})(?![\d/.-]\d)"
    rf"|(?<![\d/.-])(?P<n8>\d{{1,2}})(?P<s8>[/.-])(?P<o8>\d{{1,2}})(?P=s8)(?P<y8>\d{{2}})(?![/.-]\d)"
    rf")(?!\d)"
)
_SHAPES = range(1, 8)   # 6 has no month group of its own: its order is read by `_numeric_readings`
DAY_FIRST, MONTH_FIRST, YEAR_FIRST = "day first", "month first", "year first"   # a numeric date's readings
# Persian's own digits, which date by the Solar Hijri calendar: a two-digit year in them is no Common Era year's
PERSIAN_DIGIT_RE = LazyPattern("[\u06f0-\u06f9]")
BUDDHIST_ERA = 543   # years the Buddhist era counts before the Common Era's: 2565 is 2022


def _parts(match: re.Match[str]) -> tuple[str, str | None, str] | None:
    """The (month, day, year) words of a DATE_PATTERN match (its groups m1/d1/y1, m2/d2/y2, ...; no day for a month
    and a year alone), or None."""
    groups = match.groupdict()
    return next(((groups[f"m{i}"], groups.get(f"d{i}"), groups[f"y{i}"]) for i in _SHAPES if groups.get(f"m{i}")), None)


def _numeric(match: re.Match[str]) -> bool:
    """Is a match (DATE_PATTERN's, or a pattern holding it or not) a numeric date's ("12/09/2022", "12/09/22")?"""
    groups = match.groupdict()
    return bool(groups.get("y6") or groups.get("y8"))


def _numeric_readings(match: re.Match[str]) -> dict[str, tuple[str, ...]]:
    """Each day a numeric date ("12/09/2022", "25.09.2022") may be, read day first and month first, with the order
    that reads it so ({} for a match of another shape, or numbers that are no date either way: "45/67/2022"). One
    day for "25/09/2022" (25 is no month) and "12/12/2022"; two for "12/09/2022", which nothing in the words settles."""
    groups = match.groupdict()
    orders: tuple[tuple[str, int | None, str, str], ...]
    if groups.get("y8"):   # a two-digit year: this century's, or the first number is the year ("22/09/12")
        first, second, last = groups["n8"], groups["o8"], groups["y8"]
        if PERSIAN_DIGIT_RE.search(first + second + last):
            return {}   # a Solar Hijri year ("۲۱/۰۶/۰۱" is 1401's), never this century's (review35r1)
        orders = ((DAY_FIRST, 2000 + int(last), second, first), (MONTH_FIRST, 2000 + int(last), first, second),
                  (YEAR_FIRST, 2000 + int(first), second, last))
    elif groups.get("y6"):
        first, second, year = groups["n6"], groups["o6"], _year(groups["y6"], None)
        orders = ((DAY_FIRST, year, second, first), (MONTH_FIRST, year, first, second))
    else:
        return {}
    readings: dict[str, tuple[str, ...]] = {}
    for order, number, month, day in orders:
        if (iso := _iso(number, int(month), day)) is not None:
            readings[iso] = (*readings.get(iso, ()), order)
    return readings


def _year(year: str, months: dict[int, tuple[str, ...]] | None) -> int | None:
    """The Common Era's year a date's year is, read with its month's languages (None: a number): a Buddhist-era year
    (2565) only with a Thai month, and a Thai month with either; a Solar Hijri month's year as written (1401, read
    with its month by `_solar_iso`), and only with one; None for a year the month's languages do not use."""
    number = int(year)
    solar = bool(months) and any(SOLAR in languages or LUNAR in languages for languages in (months or {}).values())
    if number < 1900 or solar:
        return number if number < 1900 and solar else None   # the Solar Hijri's year, and its months', only
    if number < 2400:
        return number
    return number - BUDDHIST_ERA if months and any("th" in languages for languages in months.values()) else None


def _months_known(match: re.Match[str]) -> bool:
    """Whether a match's month is a month of the table, or a number, in a year its languages write, in an order they
    write (`_as_written`)."""
    if _numeric(match):
        return bool(_numeric_readings(match))
    if match.groupdict().get("y7"):   # numbers alone, a year first: a date only when they are a day ("2022-13-01")
        return _iso(_year(match["y7"], None), int(match["m7"]), match["d7"]) is not None
    parts = _parts(match)
    if parts is None:
        return False
    word, _, year = parts
    months = None if word.isdigit() else _READINGS.get(month_key(word))
    return (word.isdigit() or months is not None) and _year(year, months) is not None and _as_written(match, months)


def _as_written(match: re.Match[str], months: dict[int, tuple[str, ...]] | None) -> bool:
    """Whether a match's shape is one its month's languages write: a year first with a month word ("2022. szeptember
    12.") only with a Hungarian one, and the Buddhist era named ("พ.ศ.") only before one of its years. Any month was
    read after a year and a stop, so the end of one sentence and the start of the next ("... since 2021. March 3 ...")
    was March 3, 2021; "12 กันยายน พ.ศ. 2022" was 2022, which that era names 1479 (review33r3)."""
    groups = match.groupdict()
    if groups.get("be2") and int(groups.get("y2") or 0) < 2400:
        return False
    return not groups.get("m4") or any("hu" in languages for languages in (months or {}).values())


class MonthPattern(LazyPattern[str]):
    """A pattern holding DATE_PATTERN whose matches are those whose month is a month of the table: a match whose
    month word is none ("Sunday 12, 2022") is no match, and the search goes on from the next character, so that each
    method finds what it found when the pattern listed every month (#14). Compiled when first used."""

    def __getattr__(self, name: str) -> Any:
        """Only reached for a method's first use: compile, and set the checked methods on the instance."""
        if name not in ("search", "match", "fullmatch", "finditer"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        compiled = re.compile(self.pattern, self.flags)

        def search(text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
            while (found := compiled.search(text, pos, endpos)) is not None and not _months_known(found):
                pos = found.start() + 1
            return found

        def finditer(text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
            while (found := search(text, pos, endpos)) is not None:
                yield found
                pos = max(found.end(), found.start() + 1)

        def anchored(method: Callable[..., re.Match[str] | None]) -> Callable[..., re.Match[str] | None]:
            return lambda text, pos=0, endpos=sys.maxsize: (
                found if (found := method(text, pos, endpos)) is not None and _months_known(found) else None)

        self.search, self.finditer = search, finditer
        self.match, self.fullmatch = anchored(compiled.match), anchored(compiled.fullmatch)
        return getattr(self, name)


# Compiled when first used: a page with no embed never reads a date (#14).
DATE_RE = MonthPattern(DATE_PATTERN, re.IGNORECASE)


@step("dates", none)   # a bug in it loses a date, not the article (#10: KeyError 'mayis' lost every embed)
def iso_from_match(match: re.Match[str], *, langs: Iterable[str | None] = (), day_first: bool = False) -> str | None:
    """The ISO date a DATE_PATTERN match names, or None when it is no real day (February 30), its month is
    no month of the table (a pattern other than DATE_PATTERN's, CREATED_AT_RE's "Foo 12 ..."), its year one the
    month's language does not write, or a word of two months that `langs` does not tell apart (`month_number`). A
    numeric date both orders read is read day first where it is written with dots and `day_first`: the language of
    its embed code or its page writes it so (`dots_day_first`), or the article's other dates write their day first
    (`written_day_first`); else None (newuser46a #8)."""
    if _numeric(match):   # a numeric date: read when one order alone reads it, else the date check names both
        readings = _numeric_readings(match)   # a two-digit year never: its century is a guess
        if match.groupdict().get("y8"):
            return None
        if len(readings) == 1:
            return next(iter(readings))
        return next((day for day, orders in readings.items() if DAY_FIRST in orders), None) \
            if day_first and match.groupdict().get("s6") == "." else None
    parts = _parts(match)
    if parts is None:
        return None
    word, day, year = parts
    months = None if word.isdigit() else _READINGS.get(month_key(word), {})
    if not _as_written(match, months):
        return None
    return _day(year, months, int(word) if word.isdigit() else month_number(word, langs=langs), day)


# Days of the week as a copy of a post's signature may write them before its date ("Monday, September 12, 2022",
# "Montag, 12. September 2022", "lundi 12 septembre 2022": a CMS's, not X's own form), Monday first, by language.
_WEEKDAY_TABLE: tuple[tuple[str, str], ...] = (
    ("en", "monday tuesday wednesday thursday friday saturday sunday"), ("en", "mon tue wed thu fri sat sun"),
    ("en", "mon tues wed thurs fri sat sun"),
    ("de", "montag dienstag mittwoch donnerstag freitag samstag sonntag"),
    ("de", "montag dienstag mittwoch donnerstag freitag sonnabend sonntag"),
    ("de", "mo di mi do fr sa so"),   # written short, "Mo., 12.09.2022" (review47b: the signature was dropped)
    ("fr", "lundi mardi mercredi jeudi vendredi samedi dimanche"),
    ("es", "lunes martes miércoles jueves viernes sábado domingo"),
    ("pt", "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"),
    ("it", "lunedì martedì mercoledì giovedì venerdì sabato domenica"),
    ("nl", "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
)
_WEEKDAY_NUMBERS = {word: number for _, words in _WEEKDAY_TABLE for number, word in enumerate(words.split())}
# A weekday's word, matched case-insensitively, its abbreviation's stop after it
WEEKDAY = "(?:" + "|".join(map(re.escape, sorted(_WEEKDAY_NUMBERS, key=len, reverse=True))) + r")(?![^\W\d_])\.?"
WEEKDAY_RE = LazyPattern(rf"^\s*(?P<weekday>{WEEKDAY})[,.]?\s", re.IGNORECASE)
_WEEKDAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def weekday_turned(written: str, iso: str | None) -> str | None:
    """Where `written` (a date's words) opens with a weekday that is not the weekday of `iso`, its day: "“Sunday” is
    not the weekday of 2022-09-12, a Monday"; None where it names none, or the right one (newuser46a #11)."""
    found = WEEKDAY_RE.match(written or "")
    if found is None or not iso:
        return None
    word = found.group("weekday")
    day = date.fromisoformat(iso)
    if _WEEKDAY_NUMBERS.get(word.rstrip(".").casefold()) == day.weekday():
        return None
    return f"“{word}” is not the weekday of {iso}, a {_WEEKDAY_NAMES[day.weekday()]}"


def weekday_reading(written: str) -> str | None:
    """The one reading of a numeric date of two (`date_readings`: "12.09.2022", "10/12/2022") whose weekday is the
    one written before it ("Mo., 12.09.2022": 2022-09-12, a Monday; 2022-12-09 is a Friday); None where it names
    none, fits both or neither, the year has two digits (its century a guess), or dots would be read month first
    (dots are written day first: the weekday or the date is wrong, which the words do not say) (review47b)."""
    found = WEEKDAY_RE.match(written or "")
    if found is None:
        return None
    readings = date_readings(written[found.end():])
    if len(readings) != 2 or not all(orders in ((DAY_FIRST,), (MONTH_FIRST,)) for orders in readings.values()):
        return None
    fitting = [day for day in readings if weekday_turned(written, day) is None]
    if len(fitting) != 1 or readings[fitting[0]] == (MONTH_FIRST,) and "." in written[found.end():]:
        return None
    return fitting[0]


# Languages that write a date's numbers with dots, its day first ("03.12.2022"): German, French, and most of Europe's;
# the US never writes dots (newuser46a #8). A slash date ("03/12/2022") is written day first in Britain and month first
# in the US: a language settles nothing there.
DOTTED_DAY_FIRST_LANGUAGES = frozenset(
    "de fr lb nl it es pt ru uk be pl cs sk sl hr sr bs mk bg ro hu tr fi et lv lt no nb nn da sv is el".split())


def dots_day_first(lang: str | None) -> bool:
    """Whether a language (an embed code's `data-lang`, a page's `lang`) writes a date with dots day first
    ("03.12.2022"). Not a post's own language: the date under an embed is written in its code's or its page's."""
    return language_code(lang) in DOTTED_DAY_FIRST_LANGUAGES


def written_day_first(text: str) -> bool:
    """Whether the dates of a text that settle their order all write the day first, one at least: a day before its
    month word ("12. September 2022", "1er octobre 2022") or a numeric date only day first reads ("25.09.2022"); none
    writing it after ("September 12, 2022", "09/25/2022"). What reads a dotted date of two readings in the same text
    (newuser46a #8: "12.09.2022" under a signature "12. September 2022" was never looked up)."""
    first = False
    for match in DATE_RE.finditer(text):
        groups = match.groupdict()
        if _numeric(match):
            readings = _numeric_readings(match)
            orders = {order for day_orders in readings.values() for order in day_orders}
            if len(readings) == 1 and not groups.get("y8"):
                if orders == {MONTH_FIRST}:
                    return False
                first = first or orders == {DAY_FIRST}
        elif groups.get("m1") and groups.get("d1"):
            return False   # "September 12, 2022"
        elif groups.get("m2"):
            first = True   # "12. September 2022", "1er octobre 2022"
    return first


def written_month_first(text: str) -> bool:
    """Whether a date of a text writes its month first: a numeric date only month first reads ("12.25.2022",
    "12/25/2022") or a month word before its day ("September 12, 2022"). Where one does, the text's language does
    not read a dotted date of two readings day first: the page writes month first (review46g)."""
    for match in DATE_RE.finditer(text):
        groups = match.groupdict()
        if _numeric(match):
            readings = _numeric_readings(match)
            if len(readings) == 1 and not groups.get("y8") \
                    and {order for orders in readings.values() for order in orders} == {MONTH_FIRST}:
                return True
        elif groups.get("m1") and groups.get("d1"):
            return True
    return False


def _day(year: str, months: dict[int, tuple[str, ...]] | None, month: int | None, day: str | None) -> str | None:
    """The ISO day a date's year, month (its number, read from `months`: the month word's readings) and day are, in
    the month's calendar; None when it is no day."""
    if month is not None and SOLAR in (months or {}).get(month, ()):
        return _solar_iso(_year(year, months), month, day)
    if month is not None and LUNAR in (months or {}).get(month, ()):
        return None   # never a guessed day: see the table
    return _iso(_year(year, months), month, day)


# Where the Solar Hijri's 33-year leap cycle restarts (jalaali-js's `breaks`, after Borkowski): its leap years are
# the astronomical calendar's from 1 to 3177 AP (1403 is a leap year, 1404 not, which a plain 33-year rule misses).
_SOLAR_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394,
                 2456, 3178)


def _solar_new_year(year: int) -> tuple[date, bool]:
    """(the Gregorian day of 1 Farvardin of a Solar Hijri year, whether the year is a leap year: Esfand has 30 days)."""
    leap_j, before, jump = -14, _SOLAR_BREAKS[0], 0
    for at in _SOLAR_BREAKS[1:]:
        jump = at - before
        if year < at:
            break
        leap_j += jump // 33 * 8 + jump % 33 // 4
        before = at
    n = year - before
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gregorian = year + 621
    leap_g = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    if jump - n < 6:
        n = n - jump + (jump + 4) // 33 * 33
    cycle = (n + 1) % 33 - 1   # JavaScript's %: -1 when n + 1 is a multiple of 33
    leap = (cycle % 4 if cycle >= 0 else -1) == 0
    return date(gregorian, 3, 20 + leap_j - leap_g), leap


def _solar_iso(year: int | None, month: int, day: str | None) -> str | None:
    """The ISO (Gregorian) day of a Solar Hijri date, or None when it is none (31 Mehr, 30 Esfand of a common year)."""
    if year is None or not 1 <= year <= 3177 or not 1 <= month <= 12:
        return None
    new_year, leap = _solar_new_year(year)
    days = 31 if month <= 6 else 30 if month <= 11 else 30 if leap else 29
    if not (day or "").isdigit() or not 1 <= int(day or "0") <= days:
        return None
    return (new_year + timedelta(days=(month - 1) * 31 - max(month - 7, 0) + int(day or "0") - 1)).isoformat()


def _iso(year: int | None, month: int | None, day: str | None) -> str | None:
    """The ISO day, or None when it is none (no year, no month, February 30)."""
    try:
        return date(year or 0, month or 0, int(day or "")).isoformat()
    except ValueError:
        return None


def date_readings(text: str) -> dict[str, tuple[str, ...]]:
    """Each day the first date in `text` may be, with the names of the languages that read it so ({} for no date):
    two for "12. listopada 2022" (October 12 in Croatian, November 12 in Polish), which the date check names; a
    numeric date both orders read, with its orders ("12/09/2022": September 12 day first, December 9 month first)."""
    match = DATE_RE.search(text or "")
    if match is not None and _numeric(match):
        readings = _numeric_readings(match)
        return readings if len(readings) > 1 or match.groupdict().get("y8") else {}
    parts = _parts(match) if match is not None else None
    if parts is None or parts[0].isdigit():
        return {}
    word, day, year = parts
    months = _READINGS.get(month_key(word), {})
    found = {_day(year, months, number, day) or "": tuple(LANGUAGES[c] for c in languages)
             for number, languages in months.items()}
    return {day: languages for day, languages in sorted(found.items()) if day}


def lunar_hijri(text: str) -> bool:
    """Whether the first date in `text` is one of the Hijri (lunar) calendar, which no table reads to a day."""
    match = DATE_RE.search(text or "")
    parts = _parts(match) if match is not None and not _numeric(match) else None
    return parts is not None and not parts[0].isdigit() \
        and any(LUNAR in languages for languages in _READINGS.get(month_key(parts[0]), {}).values())


def names_no_day(text: str) -> bool:
    """Whether the first date in `text` is a month and a year with no day ("September 2022"): read, and no day."""
    match = DATE_RE.search(text or "")
    parts = _parts(match) if match is not None and not _numeric(match) else None
    return parts is not None and parts[1] is None


def in_words(match: re.Match[str]) -> bool:
    """Whether a DATE_PATTERN match names its day as X writes a post's date: a month word, or CJK's and Vietnamese's
    numbered months, and a day. Numbers alone ("12/09/2022", "2022-09-12") and a month with no day ("September 2022")
    are how datelines, captions and tables date a line, never X's signature (sig35)."""
    if _numeric(match) or match.groupdict().get("y7"):
        return False
    parts = _parts(match)
    return parts is not None and parts[1] is not None


def is_ambiguous(match: re.Match[str]) -> bool:
    """Whether a DATE_PATTERN match's month word names two months, each in its languages ("listopada")."""
    parts = _parts(match)
    return parts is not None and len(_READINGS.get(month_key(parts[0]), {})) > 1


def date_languages(text: str) -> tuple[str, ...]:
    """The languages (codes) of the dates a text writes with a month word that names one month: what reads a word of
    two where nothing else says the language ("12. listopada 2022" in a text also dated "3. svibnja 2022", Croatian
    only: October). A text whose dates name both languages, or neither, settles nothing (`month_number`)."""
    codes: set[str] = set()
    for match in DATE_RE.finditer(text):
        parts = _parts(match)
        months = _READINGS.get(month_key(parts[0]), {}) if parts is not None and not parts[0].isdigit() else {}
        if len(months) == 1:
            codes.update(*months.values())
    return tuple(sorted(codes))


# The API's created_at as some CMS tweet cards print it: "Fri Sep 30 15:13:45 UTC+0000 2016".
CREATED_AT_RE = LazyPattern(r"\b(?P<m1>[A-Z][a-z]{2})\s+(?P<d1>\d{1,2})\s+\d{2}:\d{2}:\d{2}\s+(?:UTC)?[+-]\d{4}\s+(?P<y1>(?:19|20)\d{2})\b")


def parse_date(text: str, *, langs: Iterable[str | None] = (), day_first: bool = False) -> str | None:
    """ISO date for a whole date string such as 'September 12, 2022', or None. `langs`: the languages the date may
    be written in, where known, which read a month word of two languages (`month_number`); `day_first`: a dotted
    numeric date of two readings is read day first (`iso_from_match`)."""
    match = DATE_RE.search(text or "") or CREATED_AT_RE.search(text or "")
    return iso_from_match(match, langs=tuple(langs), day_first=day_first) if match is not None else None


# A number that can be a year as any calendar a platform prints writes it: 2022, the Buddhist era's 2565, Arabic-
# Indic ٢٠٢٢ (\d takes them), the Persian ۱۴۰۱. A date link's words hold it besides the day.
YEAR_NUMBER_RE = LazyPattern(r"(?<![\d,])\d{4}(?![\d,])")
NUMBER_RE = LazyPattern(r"\d+")
# A Hebrew-calendar date, its day and year in Hebrew letters ("כ״ה באדר א׳ תשפ״ד"): a month's name (with its ב, "in")
# and a year of the 5700s written with gershayim (תשפ״ד, its thousands left off, or התשפ״ה). No table reads it; it is
# a date all the same, which the report says it could not read (newuser39a §9).
HEBREW_DATE_RE = LazyPattern(r"(?<![\u05d0-\u05ea])ב?-?(?:תשרי|מרחשוו?ן|חשוו?ן|כסלו|טבת|שבט|אדר|ניסן|אייר|סיוו?ן|תמוז|אב"
                             r"|אלול)(?![\u05d0-\u05ea]).*(?<![\u05d0-\u05ea])ה?ת[\u05d0-\u05ea]{0,2}[״\"][\u05d0-\u05ea]"
                             r"(?![\u05d0-\u05ea])")


def may_be_date(words: str) -> bool:
    """Whether words can be a date as an embed prints it: one `parse_date` reads, or, in a language its table lacks
    ("6 Δεκ 2022"), a day and a year. A number alone is none: "View post on X 2", a CMS's numbering of a second
    embed's link, "Read 25 replies" (#10)."""
    if parse_date(words) is not None:
        return True
    if "ת" in words and HEBREW_DATE_RE.search(words) is not None:
        return True
    return YEAR_NUMBER_RE.search(words) is not None and len(NUMBER_RE.findall(words)) >= 2
