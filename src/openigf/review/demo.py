"""Demo evaluation of the 2019 workshops: 55 MAG members, harsh and lenient, score the
screened-in workshop proposals (five reviewers each, grouped by theme); a few conflicts; the
balanced selection of 97 workshops and the decisions (mails not sent in the demo)."""


from openigf.forums.enums import SessionKind
from openigf.forums.models import Edition
from openigf.review import domain
from openigf.review.models import Assignment, Review


def load(ctx):
    with ctx.step("review.round_2019") as run:
        if not run:
            return
        edition = Edition.objects.get(forum__slug="igf", slug="2019")
        round_ = domain.round_save(
            edition=edition, opens_at=edition.evaluation_opens,
            closes_at=edition.evaluation_closes, reviews_per_proposal=5,
            by_theme=True, kinds=[SessionKind.WORKSHOP])
        domain.assign_reviewers(round_=round_)
        rng = ctx.rng("review.scores")
        strictness = {pk: rng.gauss(0, 0.6) for pk in
                      domain.reviewers(round_).values_list("pk", flat=True)}
        quality = {}
        reviews = []
        reasons = ["content", "policy", "relevance", "format", "diversity", "participation"]
        for a in Assignment.objects.filter(round=round_).order_by("pk"):
            q = quality.setdefault(a.proposal_id, rng.gauss(3.3, 0.8))
            score = max(1, min(5, round(q + strictness[a.reviewer_id] + rng.gauss(0, 0.5))))
            reviews.append(Review(round=round_, proposal_id=a.proposal_id,
                                  reviewer_id=a.reviewer_id, score=score,
                                  reason=rng.choice(reasons) if score <= 3 else "",
                                  comment="" if rng.random() < 0.6 else rng.choice([
                                      "Strong speakers; the interaction plan is thin.",
                                      "Very close to another proposal on the same topic.",
                                      "Policy questions are answered well.",
                                      "The format does not fit a 90-minute slot."])))
        Review.objects.bulk_create(reviews)
        first = Assignment.objects.filter(round=round_).select_related("reviewer",
                                                                       "proposal").first()
        if first is not None:
            domain.conflict_declare(round_=round_, proposal=first.proposal,
                                    reviewer=first.reviewer,
                                    reason="My employer co-organises this workshop.")
        slots = min(97, len(quality) // 2)
        domain.selection_run(round_=round_, slots=slots, theme_cap=None)
        domain.decisions_send(round_=round_, notify=False)
