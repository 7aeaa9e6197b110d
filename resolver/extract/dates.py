"""Dates as embeds print them ("September 12, 2022", "12 de septiembre de 2022", "2017年10月9日"), read to ISO."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
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
    # month. Persian (its own calendar), Thai (the Buddhist era's year), Hungarian and Vietnamese (the year first,
    # "tháng 9") fit none of the three shapes: their embeds are found, their dates left unread (`may_be_date`).
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
)
LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
             "nl": "Dutch", "pl": "Polish", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
             "he": "Hebrew", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "id": "Indonesian", "ms": "Malay",
             "ro": "Romanian", "cs": "Czech", "sk": "Slovak", "fi": "Finnish", "ca": "Catalan", "fil": "Filipino",
             "el": "Greek", "bg": "Bulgarian", "sr": "Serbian", "hi": "Hindi", "ur": "Urdu", "hr": "Croatian"}
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
                       ("fev", 2), ("out", 10), ("mrt", 3)):   # Portuguese ("dez" as German), Dutch
    _MONTHS[_word] = _number
    _WORD_LANGUAGES[_word] = {_number: ()}


def month_key(word: str) -> str:
    """A month's name as the table is looked up by: case-folded with Turkish I, ı, İ and i as one letter, as
    DATE_RE's IGNORECASE matches them ("MAYIS" matched "mayıs", and "MAYIS".lower() is "mayis": KeyError, the
    whole article lost, newuser32b #1; "NİSAN".lower() keeps a combining dot)."""
    return word.replace("İ", "i").replace("ı", "i").casefold().replace("i\u0307", "i")


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
# A month is matched as any word, and looked up in the table afterwards (`MonthPattern`): the table's 400 names as an
# alternation, twice in DATE_PATTERN, took 5 ms to compile in every process that read a date (a one-file scan's
# start-up over its aim, #14). A word is a run of letters and of the marks the table's words hold (Hindi's vowel
# signs are no \w); the Levant's months are two words ("كانون الثاني"), the second of which is listed.
_MARKS = "".join(sorted({c for w in _MONTHS for c in w if c != " " and not re.match(r"[^\W\d_]", c)}))
_SECOND_WORDS = sorted({w.split(" ", 1)[1] for w in _MONTHS if " " in w}, key=len, reverse=True)
MONTH = (rf"(?:[^\W\d_]|[{re.escape(_MARKS)}])+"
         + (rf"(?:[ ](?:{'|'.join(map(re.escape, _SECOND_WORDS))}))?" if _SECOND_WORDS else ""))
YEAR = r"(?:19|20|١٩|٢٠|۱۹|۲۰)\d{2}"   # \d takes Arabic-Indic digits, and Urdu's and Persian's; int() reads them
# One alternation, three shapes; (?!\d) lets the year run into the next word ("2017The mayor said"). Before the month
# Catalan's "d’" ("12 d’abril de 2022") and Hebrew's "ב" ("in": "12 בספטמבר 2022"); after it a stop, or Hebrew's geresh
# as X writes it or a keyboard does ("12 בספט׳ 2022", "בספט' 2022"): the table holds the month alone (newuser32b #7).
DATE_PATTERN = (
    rf"(?:(?P<m1>{MONTH})\.?[ \t\u00a0]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t\u00a0]*(?P<y1>{YEAR})"
    rf"|(?P<d2>\d{{1,2}})\.?(?:er)?[ \t\u00a0]+(?:de[ \t\u00a0]+|d['’]|ב)?(?P<m2>{MONTH})[.׳']?[,،]?[ \t\u00a0]+(?:de[ \t\u00a0]+)?(?P<y2>{YEAR})"
    rf"(?:[ \t\u00a0]*(?:г\.|р\.|r\.))?"
    rf"|(?P<y3>{YEAR})[ \t]*[年년][ \t]*(?P<m3>\d{{1,2}})[ \t]*[月월][ \t]*(?P<d3>\d{{1,2}})[ \t]*[日일]?)(?!\d)"
)
_MONTH_GROUP_RE = re.compile(r"m\d+")


def is_month(word: str) -> bool:
    """Whether a word DATE_PATTERN matched as a month is one: a month of the table, in any case, or a number."""
    return word.isdigit() or month_key(word) in _READINGS


def _months_known(match: re.Match[str]) -> bool:
    """Whether every month word of a match (`DATE_PATTERN`'s groups m1, m2, ...) is a month of the table."""
    return all(word is None or is_month(word) for name, word in match.groupdict().items()
               if _MONTH_GROUP_RE.fullmatch(name))


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
def iso_from_match(match: re.Match[str], *, langs: Iterable[str | None] = ()) -> str | None:
    """The ISO date a DATE_PATTERN match names, or None when it is no real day (February 30), its month is
    no month of the table (a pattern other than DATE_PATTERN's, CREATED_AT_RE's "Foo 12 ...") or a word of two
    months that `langs` does not tell apart (`month_number`)."""
    groups = match.groupdict()
    word, day, year = next(((groups[f"m{i}"], groups[f"d{i}"], groups[f"y{i}"]) for i in (1, 2, 3)
                            if groups.get(f"m{i}")), (None, None, None))
    if word is None:
        return None
    return _iso(year, int(word) if word.isdigit() else month_number(word, langs=langs), day)


def _iso(year: str | None, month: int | None, day: str | None) -> str | None:
    """The ISO day, or None when it is none (no month, February 30)."""
    try:
        return date(int(year or ""), int(month or 0), int(day or "")).isoformat()
    except ValueError:
        return None


def date_readings(text: str) -> dict[str, tuple[str, ...]]:
    """Each day the first date in `text` may be, with the names of the languages that read it so ({} for no date):
    two for "12. listopada 2022" (October 12 in Croatian, November 12 in Polish), which the date check names."""
    match = DATE_RE.search(text or "")
    groups = match.groupdict() if match is not None else {}
    i = next((i for i in (1, 2) if groups.get(f"m{i}")), None)
    if i is None:
        return {}
    months = _READINGS.get(month_key(groups[f"m{i}"]), {})
    found = {_iso(groups[f"y{i}"], number, groups[f"d{i}"]) or "": tuple(LANGUAGES[c] for c in languages)
             for number, languages in months.items()}
    return {day: languages for day, languages in sorted(found.items()) if day}


# The API's created_at as some CMS tweet cards print it: "Fri Sep 30 15:13:45 UTC+0000 2016".
CREATED_AT_RE = LazyPattern(r"\b(?P<m1>[A-Z][a-z]{2})\s+(?P<d1>\d{1,2})\s+\d{2}:\d{2}:\d{2}\s+(?:UTC)?[+-]\d{4}\s+(?P<y1>(?:19|20)\d{2})\b")


def parse_date(text: str, *, langs: Iterable[str | None] = ()) -> str | None:
    """ISO date for a whole date string such as 'September 12, 2022', or None. `langs`: the languages the date may
    be written in, where known, which read a month word of two languages (`month_number`)."""
    match = DATE_RE.search(text or "") or CREATED_AT_RE.search(text or "")
    return iso_from_match(match, langs=tuple(langs)) if match is not None else None


# A number that can be a year as any calendar a platform prints writes it: 2022, the Buddhist era's 2565, Arabic-
# Indic ٢٠٢٢ (\d takes them), the Persian ۱۴۰۱. A date link's words hold it besides the day.
YEAR_NUMBER_RE = LazyPattern(r"(?<![\d,])\d{4}(?![\d,])")
NUMBER_RE = LazyPattern(r"\d+")


def may_be_date(words: str) -> bool:
    """Whether words can be a date as an embed prints it: one `parse_date` reads, or, in a language its table lacks
    ("6 Δεκ 2022"), a day and a year. A number alone is none: "View post on X 2", a CMS's numbering of a second
    embed's link, "Read 25 replies" (#10)."""
    if parse_date(words) is not None:
        return True
    return YEAR_NUMBER_RE.search(words) is not None and len(NUMBER_RE.findall(words)) >= 2
