"""``{% load programme_now %}{% now_and_next %}``: the "now and next" block on an edition's
home, shown only on the days of the meeting."""

import datetime

from django import template

from openigf.core import when
from openigf.programme import domain, queries
from openigf.programme.views.now import during_meeting, kept_block

register = template.Library()
ONE_DAY = datetime.timedelta(days=1)


@register.inclusion_tag("programme/now_home.html", takes_context=True)
def now_and_next(context):
    request = context.get("request")
    edition = getattr(request, "edition", None)
    if edition is None or not request.user.has_perm("programme.view_agenda", edition):
        return {"show": False}
    at = domain.now()
    today = when.local(at, edition.tz).date()
    if not (edition.start_date and edition.end_date
            and edition.start_date - ONE_DAY <= today <= edition.end_date + ONE_DAY):
        return {"show": False}  # no query on the other days of the year
    release, items = queries.published(edition)
    if not items or not during_meeting(edition, items, at):
        return {"show": False}
    return {"show": True, "now_block": kept_block(edition, at),
            "current_forum": edition.forum, "current_edition": edition}
