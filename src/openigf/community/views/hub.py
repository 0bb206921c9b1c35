"""The community's front page, a person's own records, and the Secretariat's dashboard."""

from django.db.models import Count

from openigf.community.enums import CoalitionStatus, NriStatus
from openigf.community.models import (
    BestPracticeForum,
    Coalition,
    Donor,
    Initiative,
    Recommendation,
    WorkingGroupMember,
)
from openigf.community.queries import mag as mag_queries
from openigf.community.queries import nris as nri_queries
from openigf.community.views.base import CommunityPage
from openigf.forums.enums import Role
from openigf.forums.models import Membership


def latest_edition(forum, user):
    editions = forum.editions.order_by("-year")
    if not user.has_perm("forums.manage_forum", forum):
        editions = editions.filter(published=True)
    return editions.first()


class HomeView(CommunityPage):
    permission_required = "community.view_registry"
    template_name = "community/home.html"

    def get_context_data(self, **kwargs):
        forum = self.request.forum
        nri_counts = dict(Initiative.objects.listed().filter(forum=forum).values_list("kind")
                          .annotate(n=Count("id")))
        edition = latest_edition(forum, self.request.user)
        return {**super().get_context_data(**kwargs),
                "nri_total": sum(nri_counts.values()), "nri_counts": nri_counts,
                "coalition_count": Coalition.objects.filter(
                    forum=forum, status=CoalitionStatus.ACTIVE).count(),
                "edition": edition,
                "bpf_count": BestPracticeForum.objects.filter(edition=edition).count()
                if edition else 0,
                "recommendation_count": Recommendation.objects.filter(forum=forum).count(),
                "donor_count": Donor.objects.filter(forum=forum).count(),
                "can_manage": self.can("community.manage_registry")}


class MineView(CommunityPage):
    """What the signed-in person looks after or holds: initiatives, coalitions, Best Practice
    Forums, working groups, MAG terms and certificates."""

    permission_required = "community.view_own"
    template_name = "community/mine.html"

    def get_context_data(self, **kwargs):
        person, forum = self.request.user, self.request.forum
        memberships = (Membership.objects.filter(person=person, forum=forum, role=Role.MAG)
                       .select_related("edition", "mag_term").order_by("-edition__year"))
        certificates = []
        for m in memberships:
            outgoing = {line.membership.pk for line in mag_queries.outgoing(m.edition)}
            if m.pk in outgoing:
                certificates.append(m)
        return {**super().get_context_data(**kwargs),
                "initiatives": Initiative.objects.filter(forum=forum, focal_points=person)
                .prefetch_related("requests"),
                "coalitions": Coalition.objects.filter(forum=forum, members__person=person,
                                                       members__coordinator=True).distinct(),
                "bpfs": BestPracticeForum.objects.filter(edition__forum=forum,
                                                         facilitator_roles__person=person)
                .select_related("edition"),
                "groups": WorkingGroupMember.objects.filter(person=person,
                                                            group__edition__forum=forum)
                .select_related("group__edition"),
                "memberships": memberships, "certificates": certificates}


class DashboardView(CommunityPage):
    permission_required = "community.manage_registry"
    template_name = "community/manage/dashboard.html"

    def get_context_data(self, **kwargs):
        forum = self.request.forum
        statuses = dict(Initiative.objects.filter(forum=forum).values_list("status")
                        .annotate(n=Count("id")))
        return {**super().get_context_data(**kwargs),
                "requests": nri_queries.pending_requests(forum),
                "lapsed": statuses.get(NriStatus.LAPSED, 0),
                "recognised": statuses.get(NriStatus.RECOGNISED, 0),
                "proposed": Coalition.objects.filter(forum=forum,
                                                     status=CoalitionStatus.PROPOSED),
                "edition": latest_edition(forum, self.request.user)}
