"""Writes on donors, pledges and receipts."""

from openigf.community.models import Donor, Pledge, Receipt
from openigf.core.audit import audit_log, diff
from openigf.core.errors import validate


def donor_save(*, forum, donor: Donor | None = None, actor=None, **values) -> Donor:
    """Create or update a donor. Side effects: save, audit log ``donor.create`` or
    ``donor.update``."""
    creating = donor is None
    donor = donor or Donor(forum=forum)
    changed = diff(donor, **values)
    validate(donor)
    donor.save()
    audit_log(action="donor.create" if creating else "donor.update", obj=donor, actor=actor,
              changes=changed)
    return donor


def pledge_add(*, donor: Donor, actor=None, **fields) -> Pledge:
    """Side effects: save, audit log ``donor.pledge``."""
    pledge = Pledge(donor=donor, **fields)
    validate(pledge)
    pledge.save()
    audit_log(action="donor.pledge", obj=donor, actor=actor,
              changes={"amount": pledge.amount, "currency": pledge.currency,
                       "years": [pledge.first_year, pledge.last_year]})
    return pledge


def receipt_add(*, pledge: Pledge, actor=None, **fields) -> Receipt:
    """Side effects: save, audit log ``donor.receipt``."""
    receipt = Receipt(pledge=pledge, **fields)
    validate(receipt)
    receipt.save()
    audit_log(action="donor.receipt", obj=pledge.donor, actor=actor,
              changes={"amount": receipt.amount, "amount_usd": receipt.amount_usd,
                       "received_on": receipt.received_on})
    return receipt


def pledge_remove(*, pledge: Pledge, actor=None) -> None:
    audit_log(action="donor.pledge_remove", obj=pledge.donor, actor=actor,
              changes={"pledge": str(pledge)})
    pledge.delete()
