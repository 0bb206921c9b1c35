"""The trust fund: pledged and received, per year and per donor, in US dollars.

A multi-year pledge counts in equal shares in each of its years. What the public sees counts
only the donors whose figures are public; the Secretariat sees everything.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from openigf.community.models import Donor, Pledge

CENT = Decimal("0.01")


@dataclass
class YearLine:
    year: int
    pledged: Decimal = Decimal(0)
    received: Decimal = Decimal(0)
    donors: set = field(default_factory=set)

    @property
    def outstanding(self) -> Decimal:
        return max(self.pledged - self.received, Decimal(0))


def donors_with_money(forum):
    return Donor.objects.filter(forum=forum).select_related("country", "forum").prefetch_related(
        Prefetch("pledges", queryset=Pledge.objects.prefetch_related("receipts")))


def pledge_share_usd(pledge) -> Decimal:
    return (pledge.amount * pledge.usd_rate / pledge.years).quantize(CENT)


def overview(donors, *, show_all: bool) -> dict:
    """Per year: pledged and received dollars, and how many donors; ``hidden`` counts the
    donors left out because their figures are not public."""
    years = defaultdict(lambda: None)
    hidden = 0
    for donor in donors:
        if not (show_all or donor.figures_public):
            hidden += 1
            continue
        for pledge in donor.pledges.all():
            share = pledge_share_usd(pledge)
            for year in range(pledge.first_year, pledge.last_year + 1):
                line = years[year] or YearLine(year)
                line.pledged += share
                line.donors.add(donor.pk)
                years[year] = line
            for receipt in pledge.receipts.all():
                year = receipt.received_on.year
                line = years[year] or YearLine(year)
                line.received += receipt.amount_usd
                line.donors.add(donor.pk)
                years[year] = line
    lines = [years[y] for y in sorted(years)]
    return {"years": lines, "hidden": hidden,
            "pledged": sum((y.pledged for y in lines), Decimal(0)),
            "received": sum((y.received for y in lines), Decimal(0))}


def donors_of_year(donors, year: int, *, show_all: bool) -> list[dict]:
    """The donors who pledged for or paid in ``year``, with their figures when visible."""
    rows = []
    for donor in donors:
        pledged = sum((pledge_share_usd(p) for p in donor.pledges.all()
                       if p.first_year <= year <= p.last_year), Decimal(0))
        received = sum((r.amount_usd for p in donor.pledges.all() for r in p.receipts.all()
                        if r.received_on.year == year), Decimal(0))
        if not (pledged or received):
            continue
        visible = show_all or donor.figures_public
        rows.append({"donor": donor, "visible": visible,
                     "pledged": pledged if visible else None,
                     "received": received if visible else None})
    return rows
