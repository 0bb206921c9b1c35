"""When a recognised initiative (NRI) lapses for want of an annual report.

A recognised initiative files one report for each calendar year, due by ``due`` (month, day)
of the next year. Its recognition counts as the report of the year it was recognised in (the
request shows its first meeting). Once the report of a year is overdue and no report of that
year or a later one was filed, the initiative lapses; filing it reinstates it.
"""

import datetime

DEFAULT_DUE = (3, 31)  # the report of 2019 is due by 31 March 2020


def last_closed_year(today: datetime.date, due: tuple[int, int] = DEFAULT_DUE) -> int:
    """The latest year whose report is already overdue on ``today``."""
    deadline = datetime.date(today.year, *due)
    return today.year - 1 if today > deadline else today.year - 2


def overdue_year(*, recognised_year: int, report_years, today: datetime.date,
                 due: tuple[int, int] = DEFAULT_DUE) -> int | None:
    """The year whose missing report makes the initiative lapse on ``today``, or ``None``."""
    year = last_closed_year(today, due)
    if year <= recognised_year:
        return None
    if any(y >= year for y in report_years):
        return None
    return year
