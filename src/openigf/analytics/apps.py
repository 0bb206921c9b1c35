from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "openigf.analytics"
    label = "analytics"
    verbose_name = _("Participation statistics")

    def ready(self):
        from openigf.analytics import queries
        from openigf.core import navigation
        from openigf.forums.queries import register_edition_panel
        from openigf.outcomes.domain import register_participation_source

        register_participation_source(queries.headline)
        register_edition_panel(_headline_panel)

        navigation.register(scope="edition", label=_("Participation"),
                            url_name="analytics:edition", permission="analytics.view_figures",
                            order=70, exists=_registrations)
        for scope, label, url_name, permission, order in [
            ("forum", _("Participation across editions"), "analytics:trends",
             "analytics.view_figures", 20),
            ("manage", _("Outreach: member states missing"), "analytics:outreach",
             "analytics.view_outreach", 40),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)


def _registrations(edition):
    """The edition's participation page is in its menu once somebody registered."""
    from openigf.registration.models import Registration

    return Registration.objects.filter(edition=edition)


def _headline_panel(edition):
    """The edition's headline figures on its home, once the meeting is over."""
    from django.utils import timezone

    from openigf.analytics import queries

    if edition.end_date >= timezone.localdate():
        return None
    figures = queries.headline(edition)
    if not figures["registered"]:
        return None
    return {"template": "analytics/includes/edition_home.html", "headline": figures}
