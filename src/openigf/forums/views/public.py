from django.db.models import Count
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openigf.core.charts import breakdown
from openigf.core.views import PermissionTemplateView
from openigf.forums import queries
from openigf.forums.enums import Role
from openigf.forums.models import Membership
from openigf.people.enums import RegionalGroup, StakeholderGroup


class HomeView(TemplateView):
    template_name = "forums/home.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs),
                "forums": queries.forums_with_editions()}


class ForumView(PermissionTemplateView):
    permission_required = "forums.view_forum"
    template_name = "forums/forum.html"

    def get_context_data(self, **kwargs):
        forum = self.request.forum
        return {**super().get_context_data(**kwargs), "forum": forum,
                "editions": queries.editions_visible_to(forum, self.request.user)}


class EditionView(PermissionTemplateView):
    permission_required = "forums.view_edition"
    template_name = "forums/edition.html"

    def get_context_data(self, **kwargs):
        edition = self.request.edition
        mag = Membership.objects.filter(edition=edition, role=Role.MAG)
        by_group = dict(mag.values_list("person__stakeholder_group").annotate(n=Count("id")))
        by_region = dict(mag.values_list("person__regional_group").annotate(n=Count("id")))
        return {
            **super().get_context_data(**kwargs),
            **queries.edition_overview(edition),
            "mag_charts": [
                breakdown(_("MAG members by stakeholder group"), by_group,
                          choices=StakeholderGroup.choices, slug="mag-stakeholder"),
                breakdown(_("MAG members by regional group"), by_region,
                          choices=RegionalGroup.choices, slug="mag-region"),
            ],
        }
