"""Resolve the article's words for a date against the publication date, deterministically.

The model copies *when* something happened ("on the night of 14 November",
"Friday", "last week"); this module turns those words into an ISO date and a
precision. It never invents a year: without a year in the words and without a
publication date, "14 November" becomes ``--11-14`` (ISO 8601 without year).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from summarizer.casualties import parse_number
from summarizer.schema import When

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_FULL_MONTHS = {name for name in _MONTHS if len(name) > 4} | {"may", "june", "july"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# A two-digit year ("10 OCT 89") only where no word follows it ("14 November 20 people ...").
_YEAR = r"(?:,?\s*(?P<year>\d{4}|'?\d{2}(?!\s*[a-z]))\b)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE),
]
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(?P<year>\d{{4}})\b", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    rf"\b(?:(?P<last>last|(?:this\s+)?past)\s+|(?:in|during|since|early|late|mid)\s+|mid-){_MONTH}(?!\w)", re.IGNORECASE
)
_YEAR_ONLY = re.compile(r"\b(?:in|during|since)\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
_RELATIVE_DAYS = [
    (re.compile(r"\bday before yesterday\b", re.I), 2),
    (re.compile(r"\b(yesterday|last night)\b", re.I), 1),
    (re.compile(r"\b(today|this morning|this afternoon|this evening|tonight)\b", re.I), 0),
]
_AGO = re.compile(
    r"\b(?P<number>\d{1,3}|a|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
# A calendar month or year named from the publication date: "last month", "earlier this year".
_CALENDAR = re.compile(r"\b(?P<which>last|(?:earlier\s+)?this)\s+(?P<unit>month|year)\b", re.IGNORECASE)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    value = int(raw.lstrip("'"))
    if value < 100:
        value += 1900 if value >= 30 else 2000
    return value


def gives_year(article: str, year: str) -> bool:
    """Whether the article gives ``year`` ("1990"): written whole, or as the two digits of a date's year
    ("SAN SALVADOR, 2 MAY 90")."""
    if year in article:
        return True
    return any(
        m["year"] and _year(m["year"]) == int(year) for pattern in _PATTERNS[1:] for m in pattern.finditer(article)
    )


def _month(raw: str) -> int:
    return int(raw) if raw.isdigit() else _MONTHS[raw.lower().rstrip(".")]


def _day_month(text: str, published: date | None, future: bool = False) -> When | None:
    for pattern in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month, day, year = _month(m["month"]), int(m["day"]), _year(m["year"])
        if year is None and published is not None:
            year = published.year
            if future and (month, day) < (published.month, published.day):
                year += 1  # a planned event on a day before publication is next year's
            elif not future and (month, day) > (published.month, published.day):
                year -= 1  # an event that happened on a day after publication is last year's
        try:
            if year is None:
                date(2000, month, day)  # validates the day; 2000 is a leap year
                return When(text=m[0], date=f"--{month:02d}-{day:02d}", precision="day")
            return When(text=m[0], date=date(year, month, day).isoformat(), precision="day")
        except ValueError:
            return None
    return None


def _month_or_year(text: str, published: date | None, future: bool = False) -> When | None:
    if m := _MONTH_YEAR.search(text):
        return When(text=m[0], date=f"{int(m['year'])}-{_month(m['month']):02d}", precision="month")
    if m := _MONTH_ONLY.search(text):
        month = _month(m["month"])
        if published is None:
            return When(text=m[0], date=f"--{month:02d}", precision="month")
        if future:
            year = published.year + (month < published.month)
        else:  # "last July", written in July, is a year ago
            year = published.year - (month > published.month or (bool(m["last"]) and month == published.month))
        return When(text=m[0], date=f"{year}-{month:02d}", precision="month")
    if m := _YEAR_ONLY.search(text):
        return When(text=m[0], date=m["year"], precision="year")
    return None


def _relative(text: str, published: date) -> When | None:
    for pattern, days_back in _RELATIVE_DAYS:
        if m := pattern.search(text):
            return When(text=m[0], date=(published - timedelta(days=days_back)).isoformat(), precision="day")
    if m := _AGO.search(text):  # "2 days ago", "a week ago": counted back from publication
        n = 1 if m["number"].lower() == "a" else parse_number(m["number"]) or 0
        unit = m["unit"].lower()
        if unit.startswith("year"):  # "two years ago": that year, no more precise than the words
            return When(text=m[0], date=str(published.year - n), precision="year")
        if unit.startswith("month"):  # "two months ago": that month
            year, month = divmod(published.year * 12 + published.month - 1 - n, 12)
            return When(text=m[0], date=f"{year:04d}-{month + 1:02d}", precision="month")
        back = n * (7 if unit.startswith("week") else 1)
        return When(text=m[0], date=(published - timedelta(days=back)).isoformat(), precision="day")
    if m := _WEEKDAY.search(text):
        back = (published.weekday() - _WEEKDAYS.index(m["weekday"].lower())) % 7
        if back == 0 and m["last"]:
            back = 7
        return When(text=m[0], date=(published - timedelta(days=back)).isoformat(), precision="day")
    if m := _CALENDAR.search(text):
        last = m["which"].lower() == "last"
        if m["unit"].lower() == "year":
            return When(text=m[0], date=str(published.year - last), precision="year")
        year, month = published.year, published.month
        if last:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return When(text=m[0], date=f"{year}-{month:02d}", precision="month")
    return None


def resolve(text: str, published: date | None = None, *, future: bool = False) -> When:
    """Turn the article's words for a date into a :class:`When`.

    Without a year, a day or month is taken as the last one on or before publication,
    or, for a ``future`` event (planned, threatened), the next one on or after it.
    """
    words = " ".join(text.split())
    if words.casefold().rstrip(".") in _MONTHS:  # the model's "January": the month alone
        words = f"in {words}"
    found = first(words, published, future)
    return found.model_copy(update={"text": text}) if found else When(text=text, date=None, precision="unknown")


def first(text: str, published: date | None, future: bool = False) -> When | None:
    """The first date ``text`` gives, with the words that give it (``None`` if it gives none)."""
    found = _day_month(text, published, future) or _month_or_year(text, published, future)
    if found is None and published is not None and not future:
        found = _relative(text, published)
    return found


# Every kind of words for a date that :func:`first` reads, for finding all of them in a text.
_SAID = [
    *_PATTERNS,
    _MONTH_YEAR,
    _MONTH_ONLY,
    _YEAR_ONLY,
    *(pattern for pattern, _ in _RELATIVE_DAYS),
    _AGO,
    _WEEKDAY,
    _CALENDAR,
]


def _said(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says a date in any words :func:`first` reads, in order."""
    return sorted({(m.start(), m.end()) for pattern in _SAID for m in pattern.finditer(text)})


def words_for(when: When, text: str, published: date | None, future: bool = False) -> str | None:
    """The first words of ``text`` that give the same date as ``when``, at its precision ("12 JAN 90" for
    the model's "12 January 1990", "TODAY" for the day of publication); None when no words there do."""
    if not when.date or when.precision == "unknown":
        return None
    for start, end in _said(text):
        found = first(text[start:end], published, future)
        if found is not None and (found.date, found.precision) == (when.date, when.precision):
            words = text[start:end]
            # "11 APRIL." ends its sentence; "Jan." keeps the point of its abbreviation
            return words[:-1] if words.endswith(".") and words[:-1].split()[-1].lower() in _FULL_MONTHS else words
    return None


def days_said(text: str, published: date | None) -> list[When]:
    """Every day of the calendar ``text`` gives, in order, each with the words that give it ("Friday",
    "March 3", "yesterday"); months, years and days without a year are left out."""
    found = (first(text[start:end], published) for start, end in _said(text))
    return [when for when in found if when is not None and when.precision == "day" and (when.date or " ")[0].isdigit()]


# A time of day and nothing else: "around 1 a.m.", "early morning", "shortly after 8:15 p.m.".
_TIME_OF_DAY = re.compile(
    r"(?:(?:early|late|around|about|at|shortly\s+(?:before|after)|just\s+(?:before|after)|in\s+the)\s+)*"
    r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m|(?:the\s+)?(?:morning|afternoon|evening|midnight|noon|dawn))(?:\s+hours)?",
    re.IGNORECASE,
)


def time_of_day(text: str | None) -> bool:
    """Whether ``text`` gives a time of day and no day ("around 1 a.m.", "early morning", "around 8:30 a.m. on
    Old Gentilly Road": a place may follow it)."""
    said = " ".join((text or "").split()).rstrip(".")
    m = _TIME_OF_DAY.match(said)
    placed = m is not None and (m.end() == len(said) or bool(_PLACE_AFTER.match(said, m.end())))
    return placed and not first(said, _ANY_DAY)  # "at 5 p.m. on Monday" gives a day


_ANY_DAY = date(2000, 1, 1)  # a publication day to resolve weekdays against, when only whether one is said matters
_PLACE_AFTER = re.compile(r"\.?,?\s+(?:on|in|at|near|along|outside|inside|behind|off)\b", re.IGNORECASE)


# A weekday said with a time of day: "Monday evening", "Saturday night", "about 6 p.m. Monday", "late Friday".
# News reports name the report's day alone ("was in critical condition Tuesday") and the incident's with its
# hour ("were shot at about 6 p.m. Monday").
_CLOCK_TIME = r"\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b\.?"  # "6 p.m.", "2:45pm"
_HOUR = rf"(?:morning|afternoon|evening|night|overnight|midnight|noon|dawn|{_CLOCK_TIME})"
_DAY_NAME = "(?:" + "|".join(_WEEKDAYS) + ")"
_TIMED_WEEKDAY = re.compile(
    rf"\b(?P<before>{_DAY_NAME})(?:'s)?\s+(?:(?:early|late)\s+)?{_HOUR}"
    rf"|{_HOUR}\s+(?:on\s+)?(?P<after>{_DAY_NAME})\b"
    rf"|\b(?:early|late)\s+(?P<edge>{_DAY_NAME})\b",
    re.IGNORECASE,
)
_WEEKDAY_ALONE = re.compile(rf"(?:on\s+|last\s+)?{_DAY_NAME}\.?", re.IGNORECASE)


def timed_weekday(text: str, published: date) -> When | None:
    """The first weekday ``text`` says with a time of day ("Monday evening", "6 p.m. Monday"), as the last
    such day on or before publication; None when it says none."""
    if m := _TIMED_WEEKDAY.search(text):
        weekday = (m["before"] or m["after"] or m["edge"]).lower()
        back = (published.weekday() - _WEEKDAYS.index(weekday)) % 7
        return When(text=m[0], date=(published - timedelta(days=back)).isoformat(), precision="day")
    return None


CLOCK = re.compile(rf"\b{_CLOCK_TIME}", re.IGNORECASE)  # "at about 5 p.m.": an hour with its a.m. or p.m.
_CLOCK = re.compile(rf"{CLOCK.pattern}|\b\d{{1,2}}:\d\d\b", re.IGNORECASE)  # or "14:30"


def calendar_written(text: str) -> bool:
    """Whether ``text`` writes a day of the calendar in figures ("February 13, 2014", "2014-02-13"), not
    only a time of day ("Thursday at 2:45 p.m.")."""
    return any(c.isdigit() for c in _CLOCK.sub("", text))


def last_day(when: When) -> date | None:
    """The last day a resolved date covers ("2014-05-10"; "2013-05": 31 May 2013; "1989": 31 December 1989);
    None when it has no year."""
    if when.date is None or not when.date[:4].isdigit():
        return None
    parts = [int(part) for part in when.date.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    try:
        return date(year, month, parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def weekday_alone(text: str | None) -> bool:
    """Whether ``text`` is a weekday and nothing else ("Tuesday", "on Saturday")."""
    return bool(text) and _WEEKDAY_ALONE.fullmatch(" ".join((text or "").split())) is not None


def parse_published(value: str | date | None) -> date | None:
    """Parse a publication date given as ``YYYY-MM-DD`` (or a date); raise ``ValueError`` otherwise."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value.strip())
