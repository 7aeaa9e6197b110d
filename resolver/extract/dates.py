"""Dates as embeds print them ("September 12, 2022", "12 de septiembre de 2022", "2017年10月9日"), read to ISO."""

from __future__ import annotations

import re
from datetime import date

_MONTHS: dict[str, int] = {}
for _names in (
    # English, with the abbreviations widgets and scrapers use
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "sept",
    # Spanish, French, German, Portuguese, Italian, Dutch: the languages embeds are most often localised to
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    words = _names.split()
    if words == ["sept"]:
        _MONTHS["sept"] = 9
        continue
    for number, word in enumerate(words, start=1):
        _MONTHS.setdefault(word, number)
_MONTHS["setiembre"] = 9
_MONTHS["fevrier"] = 2
_MONTHS["aout"] = 8
_MONTHS["decembre"] = 12

MONTH = "(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + ")"
YEAR = r"(?:19|20)\d{2}"
# One alternation, three shapes; (?!\d) lets the year run into the next word ("2017The mayor said").
DATE_PATTERN = (
    rf"(?:(?P<m1>{MONTH})\.?[ \t\u00a0]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t\u00a0]*(?P<y1>{YEAR})"
    rf"|(?P<d2>\d{{1,2}})\.?(?:er)?[ \t\u00a0]+(?:de[ \t\u00a0]+)?(?P<m2>{MONTH})\.?,?[ \t\u00a0]+(?:de[ \t\u00a0]+)?(?P<y2>{YEAR})"
    rf"|(?P<y3>{YEAR})[ \t]*[年년][ \t]*(?P<m3>\d{{1,2}})[ \t]*[月월][ \t]*(?P<d3>\d{{1,2}})[ \t]*[日일]?)(?!\d)"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)


def iso_from_match(match: re.Match[str]) -> str | None:
    """The ISO date a DATE_PATTERN match names, or None when it is no real day (February 30)."""
    groups = match.groupdict()
    if groups.get("m1"):
        month, day, year = _MONTHS[groups["m1"].lower()], groups["d1"], groups["y1"]
    elif groups.get("m2"):
        month, day, year = _MONTHS[groups["m2"].lower()], groups["d2"], groups["y2"]
    elif groups.get("y3"):
        month, day, year = int(groups["m3"]), groups["d3"], groups["y3"]
    else:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """ISO date for a whole date string such as 'September 12, 2022', or None."""
    match = DATE_RE.search(text or "")
    return iso_from_match(match) if match else None
