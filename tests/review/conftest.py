import datetime

import pytest
from django.utils import timezone

from openigf.review import domain
from tests.factories import EditionFactory, ForumFactory, ThemeFactory, mag_member_of
from tests.proposals.factories import CallFactory, ProposalFactory


@pytest.fixture
def world(db):
    """An edition with 6 screened-in workshops over two themes, 4 MAG members, an open round."""
    edition = EditionFactory(forum=ForumFactory(slug="igf"), year=2019)
    themes = [ThemeFactory(edition=edition, name=n) for n in ("Data", "Inclusion")]
    call = CallFactory(edition=edition)
    proposals = [ProposalFactory(call=call, theme=themes[i % 2], status="screened_in",
                                 title=f"Workshop {i}") for i in range(6)]
    mag = [mag_member_of(edition, email=f"mag{i}@example.org", name=f"Member {i}",
                         organisation=f"Org {i}") for i in range(4)]
    now = timezone.now()
    round_ = domain.round_save(edition=edition, opens_at=now - datetime.timedelta(days=1),
                               closes_at=now + datetime.timedelta(days=10),
                               reviews_per_proposal=2, by_theme=False)
    return {"edition": edition, "proposals": proposals, "mag": mag, "round": round_}
