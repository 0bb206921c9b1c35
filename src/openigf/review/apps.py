from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "openigf.review"
    label = "review"
    verbose_name = _("Evaluation")

    def ready(self):
        from openigf.core import navigation, privacy

        for scope, label, url_name, permission, order in [
            ("edition", _("My reviews"), "review:workspace", "review.score", 30),
            ("edition", _("Evaluation results"), "review:results", "review.view_results", 31),
            ("manage", _("Evaluation: round, assignment, progress"), "review:manage",
             "review.manage", 5),
            ("manage", _("Evaluation results and selection"), "review:results",
             "review.manage", 6),
        ]:
            navigation.register(scope=scope, label=label, url_name=url_name,
                                permission=permission, order=order)
        privacy.register("reviews", export=_export, erase=_erase)


def _export(person):
    from openigf.review.models import Assignment, Conflict, Review

    return {"reviews": [{"proposal": r.proposal.title, "score": r.score, "reason": r.reason,
                         "criteria": r.criteria, "comment": r.comment}
                        for r in Review.objects.filter(reviewer=person).select_related(
                            "proposal")],
            "assigned": list(Assignment.objects.filter(reviewer=person)
                             .values_list("proposal__title", flat=True)),
            "conflicts": list(Conflict.objects.filter(reviewer=person)
                              .values_list("proposal__title", "reason"))}


def _erase(person):
    from openigf.review.models import Review

    Review.objects.filter(reviewer=person).update(comment="")
