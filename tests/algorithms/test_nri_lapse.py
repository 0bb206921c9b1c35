import datetime

from hypothesis import given
from hypothesis import strategies as st

from openigf.algorithms.nri_lapse import last_closed_year, overdue_year


def test_last_closed_year_turns_after_the_deadline():
    assert last_closed_year(datetime.date(2020, 3, 31)) == 2018
    assert last_closed_year(datetime.date(2020, 4, 1)) == 2019


def test_overdue_year_when_the_report_of_the_closed_year_is_missing():
    today = datetime.date(2020, 4, 1)
    assert overdue_year(recognised_year=2015, report_years=[2018], today=today) == 2019
    assert overdue_year(recognised_year=2015, report_years=[2018, 2019], today=today) is None
    assert overdue_year(recognised_year=2019, report_years=[], today=today) is None
    assert overdue_year(recognised_year=2015, report_years=[2020], today=today) is None


@given(st.integers(2006, 2030), st.sets(st.integers(2006, 2030)), st.dates(
    datetime.date(2007, 1, 1), datetime.date(2032, 1, 1)))
def test_overdue_year_is_a_closed_year_after_recognition_without_a_later_report(
        recognised, reports, today):
    year = overdue_year(recognised_year=recognised, report_years=reports, today=today)
    if year is not None:
        assert recognised < year == last_closed_year(today)
        assert all(r < year for r in reports)
