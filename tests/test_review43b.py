"""review43b: what stop 42's quote verdicts (fixnu42c) read wrongly. An elision that cuts a date or a time out of a
clause failed as "the cut drops a figure: it changes what the post's words say": the post's claim is the same with its
day or hour left out, an honest cut. A figure written in words cut out only warned, where the same in digits fails.
Pure comparisons, fictional posts."""

from __future__ import annotations

import pytest

from resolver.quotes import compare


@pytest.mark.parametrize("said, found, elided", [
    ("The council … approved the budget.", "The council on 3 March approved the budget.", "on 3 March"),
    ("The council … approved the budget.", "The council on March 3 approved the budget.", "on March 3"),
    ("The council … approved the budget.", "The council in March 2024 approved the budget.", "in March 2024"),
    ("The mayor … said the plan works.", "The mayor at 10am said the plan works.", "at 10am"),
    ("The mayor … said the plan works.", "The mayor at 10:30 said the plan works.", "at 10:30"),
    ("The mayor … said the plan works.", "The mayor at 10 pm said the plan works.", "at 10 pm"),
    ("Der Rat hat … den Haushalt beschlossen.", "Der Rat hat am 3. März den Haushalt beschlossen.", "am 3 März"),
    ("Le conseil a … adopté le budget.", "Le conseil a le 3 mars adopté le budget.", "le 3 mars"),
], ids=["day-month", "month-day", "month-year", "10am", "10:30", "10-pm", "german-date", "french-date"])
def test_an_elision_of_a_date_or_a_time_is_an_honest_cut(said, found, elided):
    c = compare(said, found)
    assert c.result == "warn", c.evidence
    assert c.evidence.endswith(f'elided with …: "{elided}"'), c.evidence


@pytest.mark.parametrize("said, found, elided", [
    ("We will cut … jobs on 3 March.", "We will cut 300 jobs on 3 March.", '"300"'),
    ("The council … approved the budget.", "The council on 3 March by 7 votes approved the budget.",
     '"on 3 March by 7 votes"'),
    ("We will cut … jobs at City Hall.", "We will cut three hundred jobs at City Hall.", '"three hundred"'),
    ("We will cut … jobs at City Hall.", "We will cut a thousand jobs at City Hall.", '"a thousand"'),
    ("We will cut … jobs at City Hall.", "We will cut twelve jobs at City Hall.", '"twelve"'),
], ids=["figure-beside-a-date", "figure-with-a-date", "three-hundred", "a-thousand", "twelve"])
def test_an_elision_of_a_figure_still_fails_beside_a_date_or_in_words(said, found, elided):
    c = compare(said, found)
    assert c.result == "fail", c.evidence
    assert c.evidence.startswith(f"1 change in the quoted words: elided with …: {elided} (the cut drops a figure"), \
        c.evidence
