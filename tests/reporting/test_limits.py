"""A report's texts are capped in every write (the API's too), not only in the form."""

import pytest

from openigf.core import textlimits
from openigf.core.errors import ApplicationError
from openigf.reporting import domain
from openigf.reporting.models import Report
from tests.reporting.test_reporting import session  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_a_megabyte_takeaway_or_answer_is_refused_at_its_field(session):  # noqa: F811
    with pytest.raises(ApplicationError) as refused:
        domain.report_save(session=session, kind="short", takeaways=["x" * 1_000_000],
                           calls_to_action=["y" * 601])
    assert set(refused.value.fields) == {"takeaways", "calls_to_action"}
    with pytest.raises(ApplicationError) as refused:
        domain.report_save(session=session, kind="full",
                           answers={"summary": "z" * (textlimits.LONG + 1)})
    assert "summary" in refused.value.fields
    assert not Report.objects.exists()
    domain.report_save(session=session, kind="short", takeaways=["x" * 600])
    assert Report.objects.get().takeaways == ["x" * 600]
