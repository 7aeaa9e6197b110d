"""fix47d: the plain-text remnant of an embedded post signed with a Dutch or Italian date (fictional accounts)."""

import pytest

from resolver.extract import text

POST = "We sluiten de fabriek dit jaar niet. https://t.co/AbCdEf1234\n— Jan Jansen (@janjansen) {date}\n\nMeer nieuws."


# Dutch months as X prints them in Dutch ("12 september 2022", "3 mei 2023", "14 maart 2023", "2 okt. 2023",
# "1 mrt. 2023") and Italian ones ("12 settembre 2022", "12 set 2022", and "12 sett. 2022", Italian print's own
# abbreviation of settembre, which lost the whole post: no embed was found) (fix47d #6).
@pytest.mark.parametrize("date,iso", [
    ("12 september 2022", "2022-09-12"),
    ("3 mei 2023", "2023-05-03"),
    ("14 maart 2023", "2023-03-14"),
    ("2 okt. 2023", "2023-10-02"),
    ("1 mrt. 2023", "2023-03-01"),
    ("12 settembre 2022", "2022-09-12"),
    ("12 set 2022", "2022-09-12"),
    ("12 sett. 2022", "2022-09-12"),
    ("12 sett 2022", "2022-09-12"),
], ids=["nl-september", "nl-mei", "nl-maart", "nl-okt", "nl-mrt", "it-settembre", "it-set", "it-sett-dot", "it-sett"])
def test_a_dutch_or_italian_signature_date_is_read(date, iso):
    for langs in ((), ("nl", "it")):
        found = text.find_signatures(POST.format(date=date), langs=langs)
        assert [(e.author_handle, e.date) for e in found] == [("janjansen", iso)], found
