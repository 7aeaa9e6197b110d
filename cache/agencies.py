"""The main wire agencies' names across scripts, for the research views (newuser35b #10): "رويترز" and "Reuters",
"وكالة الأنباء الفرنسية" and "AFP" are one agency, so an audit of pages in six languages can total per agency.

A key is shown beside the organisation as the credit writes it, never instead of it. Only a whole organisation name
matches (case folded for ASCII letters, spaces trimmed): "Handout via Reuters" or "IRANIAN PRESIDENCY / AFP" names
more than the agency, and is left as it is. The list is written into the views' SQL by a migration (a new cache is
made from schema.sql, so no table of rows could carry it; the helper view `agency_names`, over VALUES, shows it in
datasette): a change here needs a migration that rebuilds that view.

It is the one list of agencies' names: extraction reads it too (`resolver.extract.credit_names.agency_key`, one
credit per photo when two credits name one agency two ways; the `other-credits` check), so the two cannot drift
(credits36). This module imports nothing.
"""

from __future__ import annotations

AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("reuters", "thomson reuters", "رويترز", "رويتر", "رویترز", "רויטרס", "рейтер", "рейтерс", "ロイター",
                "路透社", "路透", "로이터"),
    "AFP": ("afp", "agence france-presse", "agence france presse", "أ ف ب", "ا ف ب", "أ.ف.ب", "فرانس برس",
            "وكالة الأنباء الفرنسية", "وكالة الصحافة الفرنسية", "خبرگزاری فرانسه", "франс пресс", "法新社"),
    "AP": ("ap", "associated press", "the associated press", "أسوشيتد برس", "أسوشييتد برس", "أ ب", "آسوشیتدپرس",
           "آسوشیتد پرس", "美联社", "ассошиэйтед пресс",
           "أ.ب"),
    "dpa": ("dpa", "deutsche presse-agentur", "د ب أ", "د.ب.أ", "وكالة الأنباء الألمانية"),
    "EFE": ("efe", "agencia efe", "إفي", "إيفي", "وكالة إفي"),
    "ANSA": ("ansa", "أنسا"),
    "Xinhua": ("xinhua", "新华社", "新華社", "شينخوا", "وكالة أنباء شينخوا", "синьхуа", "신화"),
    "Anadolu": ("anadolu", "anadolu agency", "anadolu ajansı", "anadolu ajansi", "aa", "الأناضول", "وكالة الأناضول"),
    # Persian names with the Arabic yeh and kaf too, as windows-1256 sites write them (newuser43a #1)
    "IRNA": ("irna", "ایرنا", "ايرنا", "إرنا", "ارنا", "خبرگزاری ایرنا", "خبرگزاری جمهوری اسلامی"),
    "ISNA": ("isna", "ایسنا", "ايسنا", "إسنا", "خبرگزاری ایسنا", "خبرگزاری دانشجویان ایران"),
    "Tasnim": ("tasnim", "tasnim news agency", "تسنیم", "تسنيم", "خبرگزاری تسنیم"),
    "Fars": ("fars", "fars news agency", "فارس", "خبرگزاری فارس"),
    "Mehr": ("mehr", "mehr news agency", "مهر", "خبرگزاری مهر"),
    "WANA": ("wana", "west asia news agency", "وانا"),
    "WAFA": ("wafa", "وفا", "وكالة وفا", "وكالة الأنباء الفلسطينية"),
    "MENA": ("mena", "أ ش أ", "أ.ش.أ", "وكالة أنباء الشرق الأوسط"),
    "Getty Images": ("getty images", "getty", "غيتي", "غيتي إيميجز", "جيتي", "جيتي إيمجز", "گتی ایمجز", "ゲッティ",
                     "ゲッティイメージズ", "גטי אימג'ס"),
    "EPA": ("epa", "epa-efe", "european pressphoto agency", "إ ب أ", "إي بي إيه", "اي بي ايه", "وكالة الصحافة الأوروبية"),
    "UPI": ("upi", "united press international"),
    "CP": ("cp", "the canadian press", "canadian press"),
    "PA": ("pa", "press association", "pa media"),
}


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _as_sqlite_lowers(text: str) -> str:
    """`text` as SQLite's lower() gives it: ASCII letters folded, every other letter as it is ("Рейтер" stays)."""
    return "".join(char.lower() if char.isascii() else char for char in text)


def folded_names(name: str) -> list[str]:
    """The forms lower(trim(organization)) gives a listed name in for each casing a credit writes it in (as listed,
    capitalised, each word capitalised, upper case): "рейтер", "Рейтер", "РЕЙТЕР"; SQLite's lower() leaves a
    Cyrillic or Greek capital as it is, so one listed form would miss them (review35r7)."""
    return list(dict.fromkeys(_as_sqlite_lowers(form) for form in (name, name.capitalize(), name.title(), name.upper())))


def agency_names_sql() -> str:
    """The view `agency_names`: each name as lower(trim()) folds a credit's organisation (name) and its agency key
    (agency), one row per form (`folded_names`)."""
    # one row per form, or a credit joined to it would count twice ("anadolu ajansı" in upper case is "ANADOLU AJANSI",
    # folded "anadolu ajansi": listed too)
    forms = {form: agency for agency, names in AGENCIES.items() for name in names for form in folded_names(name)}
    rows = ",\n    ".join(f"({_quoted(form)}, {_quoted(agency)})" for form, agency in forms.items())
    return f"SELECT column1 AS name, column2 AS agency FROM (VALUES\n    {rows})"
