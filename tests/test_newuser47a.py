"""newuser47a: an Italian and Dutch verification desk's pass (fictional posts, credits and people)."""

import pytest

from resolver.quotes import compare


# A quote of an Italian post cut right after its negative pronoun or adverb ("ha votato contro la mozione" of "Nessuno
# ha votato contro la mozione") says the opposite of the post. Dutch "Niemand", "Niets", "Nooit" warned; Italian
# "Nessuno", "Niente", "Nulla", "Mai" passed as a partial quote (newuser47a #1).
@pytest.mark.parametrize("said,found,lang,negation", [
    ("ha votato contro la mozione", "Nessuno ha votato contro la mozione sul ponte.", "it", "Nessuno"),
    ("ha votato contro", "In aula nessuno ha votato contro.", None, "nessuno"),
    ("è cambiato in Comune", "Niente è cambiato in Comune.", "it", "Niente"),
    ("è stato deciso", "Nulla è stato deciso oggi.", "it", "Nulla"),
    ("detto che il ponte sarà chiuso", "Mai detto che il ponte sarà chiuso.", "it", "Mai"),
    ("sindaco ha risposto", "Nessun sindaco ha risposto.", "it", "Nessun"),
    ("heeft tegen de motie gestemd", "Niemand heeft tegen de motie gestemd.", "nl", "Niemand"),
], ids=["nessuno", "nessuno-lower-case-no-lang", "niente", "nulla", "mai-italian-post", "nessun", "niemand-dutch"])
def test_a_quote_cut_after_an_italian_negation_warns(said, found, lang, negation):
    c = compare(said, found, lang=lang)
    assert c.result == "warn", c.evidence
    assert f'"{negation}"' in c.evidence, c.evidence


# "mai" is May in French and German and "more" in Romanian: a negation only in a post given as Italian.
@pytest.mark.parametrize("said,found,lang", [
    ("2022 à Paris", "Le 12 mai 2022 à Paris.", "fr"),
    ("bine acum", "Este mai bine acum.", "ro"),
    ("bine acum", "Este mai bine acum.", None),
], ids=["french-month", "romanian-more", "romanian-more-no-lang"])
def test_mai_in_another_language_is_no_negation(said, found, lang):
    c = compare(said, found, lang=lang)
    assert c.result == "pass", c.evidence
