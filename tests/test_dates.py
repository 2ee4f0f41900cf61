"""Dates in the article's words, resolved against the publication date (or without one)."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer import dates
from summarizer.dates import first, parse_published, resolve, time_of_day
from summarizer.schema import Precision, When

PUBLISHED = date(2015, 11, 17)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 14 November 2015", "2015-11-14"),
        ("2015-11-13", "2015-11-13"),
        ("November 14, 2015", "2015-11-14"),
        ("November 14th 2015", "2015-11-14"),
        ("14 Nov '15", "2015-11-14"),
        ("10 OCT 89", "1989-10-10"),  # MUC style: upper case, two-digit year
        ("10 OCT 1989", "1989-10-10"),
    ],
)
def test_explicit_dates_do_not_need_a_publication_date(text: str, expected: str) -> None:
    for published in (None, PUBLISHED):
        when = resolve(text, published)
        assert (when.date, when.precision) == (expected, "day")
        assert when.text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on the night of 14 November", "2015-11-14"),
        ("14th of November", "2015-11-14"),
        ("Nov. 14", "2015-11-14"),
        ("17 November", "2015-11-17"),  # the publication day itself
        ("18 November", "2014-11-18"),  # after publication: last year's
        ("Dec 31", "2014-12-31"),
        ("Jan 1", "2015-01-01"),
    ],
)
def test_day_and_month_take_the_year_of_publication(text: str, expected: str) -> None:
    assert resolve(text, PUBLISHED).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("on the night of 14 November", "--11-14"), ("Nov. 14", "--11-14"), ("29 February", "--02-29")],
)
def test_day_and_month_without_any_year_never_invent_one(text: str, expected: str) -> None:
    when = resolve(text)
    assert (when.date, when.precision) == (expected, "day")


@pytest.mark.parametrize(
    "text", ["14 November 20 people were killed", "on 14 November 20 people", "on 14 November, 20 people died"]
)
def test_a_count_after_the_date_is_not_a_two_digit_year(text: str) -> None:
    assert resolve(text, PUBLISHED).date == "2015-11-14"
    assert resolve(text).date == "--11-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday", "2015-11-13"),
        ("on Sunday night", "2015-11-15"),
        ("LAST FRIDAY", "2015-11-13"),
        ("on Tuesday", "2015-11-17"),  # the publication day
        ("last Tuesday", "2015-11-10"),  # "last" on the publication weekday means a week ago
        ("yesterday", "2015-11-16"),
        ("last night", "2015-11-16"),
        ("the day before yesterday", "2015-11-15"),
        ("today", "2015-11-17"),
        ("this morning", "2015-11-17"),
        ("2 days ago", "2015-11-15"),
        ("TWO DAYS AGO", "2015-11-15"),
        ("a week ago", "2015-11-10"),
        ("3 weeks ago", "2015-10-27"),
    ],
)
def test_relative_days_count_back_from_publication(text: str, expected: str) -> None:
    when = resolve(text, PUBLISHED)
    assert (when.date, when.precision) == (expected, "day")


@pytest.mark.parametrize("text", ["Friday", "last Friday", "yesterday", "today", "2 days ago"])
def test_relative_days_without_publication_are_unknown(text: str) -> None:
    when = resolve(text)
    assert (when.date, when.precision) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("in March", PUBLISHED, "2015-03"),
        ("in November", PUBLISHED, "2015-11"),
        ("in December", PUBLISHED, "2014-12"),  # after the publication month: last year's
        ("early October", PUBLISHED, "2015-10"),
        ("late November", None, "--11"),
        ("in May", None, "--05"),
        ("March 2014", None, "2014-03"),
        ("January of 2015", PUBLISHED, "2015-01"),
    ],
)
def test_month_only(text: str, published: date | None, expected: str) -> None:
    when = resolve(text, published)
    assert (when.date, when.precision) == (expected, "month")


def test_mid_month_with_a_hyphen() -> None:
    assert resolve("in mid-November", PUBLISHED).date == "2015-11"


@pytest.mark.parametrize(("text", "expected"), [("in 2014", "2014"), ("since 1999", "1999"), ("during 1989", "1989")])
def test_year_only(text: str, expected: str) -> None:
    when = resolve(text, PUBLISHED)
    assert (when.date, when.precision) == (expected, "year")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("last month", PUBLISHED, ("2015-10", "month")),
        ("last month", date(2016, 1, 8), ("2015-12", "month")),  # across the new year
        ("earlier this month", PUBLISHED, ("2015-11", "month")),
        ("last year", PUBLISHED, ("2014", "year")),
        ("earlier this year", PUBLISHED, ("2015", "year")),
        ("last month", None, (None, "unknown")),  # nothing to count from
        ("last July", date(2015, 4, 30), ("2014-07", "month")),
        ("last July", date(2015, 7, 20), ("2014-07", "month")),  # written in July: a year ago
        ("this past July", date(2015, 8, 2), ("2015-07", "month")),
        # Months and years counted back are no more precise than their words (GVA dev: "two months ago").
        ("two months ago", PUBLISHED, ("2015-09", "month")),
        ("two months ago", date(2016, 1, 8), ("2015-11", "month")),  # across the new year
        ("13 months ago", PUBLISHED, ("2014-10", "month")),
        ("a year ago", PUBLISHED, ("2014", "year")),
        ("four years ago", PUBLISHED, ("2011", "year")),
    ],
)
def test_a_calendar_month_or_year_is_named_from_publication(
    text: str, published: date | None, expected: tuple[str | None, str]
) -> None:
    when = resolve(text, published)
    assert (when.date, when.precision) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("31 February", None),
        ("31 February", PUBLISHED),
        ("29 February", PUBLISHED),  # 2015 is no leap year
        ("2015-02-30", None),
        ("last week", PUBLISHED),
        ("Marching on", None),
    ],
)
def test_impossible_or_vague_dates_are_unknown(text: str, published: date | None) -> None:
    when = resolve(text, published)
    assert (when.date, when.precision) == (None, "unknown")
    assert when.text == text


def test_parse_published() -> None:
    assert parse_published("2015-11-17") == PUBLISHED
    assert parse_published(" 2015-11-17\n") == PUBLISHED
    assert parse_published(PUBLISHED) is PUBLISHED
    assert parse_published(None) is None


@pytest.mark.parametrize("value", ["17/11/2015", "2015-13-01", "yesterday", ""])
def test_parse_published_refuses_anything_but_iso(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


def test_a_planned_event_without_a_year_is_the_next_one_not_last_years() -> None:
    published = date(2015, 11, 17)
    assert resolve("November 26", published, future=True).date == "2015-11-26"
    assert resolve("November 26", published).date == "2014-11-26"  # something that happened
    assert resolve("on 3 January", published, future=True).date == "2016-01-03"
    assert resolve("in December", published, future=True).date == "2015-12"


def test_words_broken_across_lines_still_resolve() -> None:
    assert resolve("LAST\nNIGHT'S", date(1989, 8, 30)).date == "1989-08-29"


def test_a_month_alone_is_that_month() -> None:
    assert resolve("January", date(1990, 5, 26)) .model_dump(exclude={"span"}) == {
        "text": "January", "date": "1990-01", "precision": "month"}  # fmt: skip


def test_first_gives_the_words_that_give_the_date() -> None:
    found = first("Four teens were shot at about 6 p.m. Monday evening, police said.", date(2014, 1, 28))
    assert found is not None and (found.text, found.date, found.precision) == ("Monday", "2014-01-27", "day")
    assert first("Police said the suspect fled.", date(2014, 1, 28)) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [("twenty days ago", "2015-10-28"), ("twenty-one days ago", "2015-10-27"), ("three weeks ago", "2015-10-27")],
)
def test_spans_of_days_and_weeks_written_in_words_count_back_from_publication(words: str, expected: str) -> None:
    assert resolve(words, date(2015, 11, 17)).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around 1 a.m.", True),
        ("early morning", True),
        ("shortly after 8:15 p.m.", True),
        ("Saturday morning", False),  # a day: resolved as one
        ("overnight", False),  # the night before publication as often as its day
        ("about 2:30 a.m. Sunday", False),
        ("around 8:30 a.m. on Old Gentilly Road near Grant Street", True),  # a place may follow the hour
        ("at 5 p.m. on Monday", False),  # ... not a day
        ("", False),
    ],
)
def test_a_time_of_day_alone_gives_no_day(text: str, expected: bool) -> None:
    assert time_of_day(text) is expected


@pytest.mark.parametrize(
    ("article", "year", "expected"),
    [
        ("SAN SALVADOR, 2 MAY 90 (AFP) -- [TEXT] A BOMB EXPLODED TODAY.", "1990", True),  # a dateline's year
        ("The trial opened in 1990.", "1990", True),
        ("On 14 November 20 people were killed.", "2020", False),  # a count, not a year
        ("KANO, Nigeria - Gunmen attacked a market on Saturday.", "2015", False),
    ],
)
def test_a_year_is_given_whole_or_as_a_dates_two_digits(article: str, year: str, expected: bool) -> None:
    assert dates.gives_year(article, year) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("four teens were shot at about 6 p.m. Monday evening, police said", ("6 p.m. Monday", "2015-11-16")),
        ("The shooting happened Saturday night", ("Saturday night", "2015-11-14")),
        ("late Friday, a man opened fire", ("late Friday", "2015-11-13")),
        ("around 11:30 p.m. on Sunday", ("11:30 p.m. on Sunday", "2015-11-15")),
        ("a 12-year-old was in critical condition Tuesday", None),  # a weekday alone: the report's, often
    ],
)
def test_a_weekday_said_with_a_time_of_day_is_the_last_on_or_before_publication(
    text: str, expected: tuple[str, str] | None
) -> None:
    found = dates.timed_weekday(text, PUBLISHED)
    assert (found.text, found.date) == expected if found else expected is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tuesday", True), ("on Saturday", True), ("last Friday", True), ("Saturday night", False), (None, False)],
)
def test_a_weekday_alone_is_told_from_one_with_a_time(text: str | None, expected: bool) -> None:
    assert dates.weekday_alone(text) is expected


@pytest.mark.parametrize(
    ("iso", "precision", "last"),
    [
        ("2014-05-10", "day", date(2014, 5, 10)),
        ("2013-05", "month", date(2013, 5, 31)),
        ("2012-02", "month", date(2012, 2, 29)),
        ("1989", "year", date(1989, 12, 31)),
        ("--05-10", "day", None),  # no year
        (None, "unknown", None),
    ],
)
def test_the_last_day_a_date_covers(iso: str | None, precision: str, last: date | None) -> None:
    assert dates.last_day(When(text="x", date=iso, precision=precision)) == last  # type: ignore[arg-type]


def _day(iso: str, precision: Precision = "day") -> When:
    return When(text="the model's words", date=iso, precision=precision)


@pytest.mark.parametrize(
    ("when", "text", "published", "expected"),
    [
        # MUC-4: the model writes the wire's "12 JAN 90" as "12 January 1990"; the day of publication is "TODAY"
        (_day("1990-01-12"), "LIMA, 12 JAN 90 -- IT WAS REPORTED", date(1990, 1, 12), "12 JAN 90"),
        (_day("1990-01-12"), "GUERRILLAS TODAY ATTACKED A BUS", date(1990, 1, 12), "TODAY"),
        (_day("1989-04-11"), "THE ATTACK ON 11 APRIL.", date(1989, 4, 20), "11 APRIL"),  # the point ends the sentence
        (_day("1990-01-05"), "killed on Jan. 5 in Lima", date(1990, 1, 12), "Jan. 5"),  # the point of "Jan."
        (_day("2014-04-03"), "a news conference Thursday afternoon", date(2014, 4, 3), "Thursday"),
        (_day("2014-05", "month"), "shot in his home last May", date(2015, 1, 29), "last May"),
        # not the same day, or not at the same precision, or no date at all
        (_day("1990-01-12"), "GUERRILLAS ATTACKED A BUS YESTERDAY", date(1990, 1, 12), None),
        (_day("2014-05", "month"), "shot on May 3", date(2015, 1, 29), None),
        (When(text="sometime", date=None, precision="unknown"), "GUERRILLAS TODAY ATTACKED", date(1990, 1, 12), None),
    ],
)
def test_the_words_that_give_a_date_are_found_in_a_text(
    when: When, text: str, published: date, expected: str | None
) -> None:
    assert dates.words_for(when, text, published) == expected
