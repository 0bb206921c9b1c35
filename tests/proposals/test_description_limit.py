"""A call's word limit cannot be passed by a text without spaces: it caps characters too."""

import pytest

from openigf.core.errors import ApplicationError
from openigf.proposals import domain
from openigf.proposals.models import CHARS_PER_WORD
from tests.proposals.factories import CallFactory, ProposalFactory


@pytest.mark.django_db
def test_one_long_word_is_over_the_word_limit():
    call = CallFactory(word_limit=100)
    assert call.description_refusal("word " * 100) == ""
    assert "101 words" in call.description_refusal("word " * 101)
    one_word = "x" * (100 * CHARS_PER_WORD + 1)
    assert "characters" in call.description_refusal(one_word)


@pytest.mark.django_db
def test_a_proposal_of_one_long_word_is_not_submitted():
    call = CallFactory(word_limit=100)
    proposal = ProposalFactory(call=call, description="x" * 5_000)
    with pytest.raises(ApplicationError) as refused:
        domain.proposal_submit(proposal=proposal)
    assert "characters" in str(refused.value.fields["description"])
