"""Demo outcomes of 2019: messages per theme drafted from grouped takeaways (final, open for
comment and draft), a comment waiting for moderation, and a published Chair's Summary."""

from openigf.forums.models import Edition
from openigf.outcomes import domain
from openigf.outcomes.models import MessageStatus
from openigf.people.models import Person
from openigf.programme.models import Session


def load(ctx):
    with ctx.step("outcomes.messages_2019") as run:
        if not run:
            return
        edition = Edition.objects.get(forum__slug="igf", slug="2019")
        for t, theme in enumerate(edition.themes.all()):
            groups = domain.takeaway_groups(edition, theme).groups[:4]
            for i, group in enumerate(groups):
                sessions = Session.objects.filter(pk__in={text.key[0] for text in group.texts})
                message = domain.message_save(edition=edition, theme=theme, text=group.label,
                                              sessions=sessions)
                if i < 2 or t == 0:
                    domain.message_move(message=message, status=MessageStatus.COMMENT)
                if i < 2:
                    domain.message_move(message=message, status=MessageStatus.FINAL)
            if t == 0:
                open_one = edition.igf_messages.filter(status=MessageStatus.COMMENT).first()
                person = Person.objects.filter(email="participant@demo.openigf.org").first()
                if open_one and person:
                    domain.comment_add(message=open_one, person=person,
                                       text="Please name small island developing states "
                                            "explicitly in this message.")
        domain.summary_publish(
            edition=edition,
            introduction="The Fourteenth Annual Meeting of the Internet Governance Forum was "
                         "held in Berlin under the overarching theme “One World. One Net. One "
                         "Vision.” This summary brings together the meeting's figures, the IGF "
                         "Messages of its three themes and the outputs of the intersessional "
                         "work.\n\nIt is assembled from the session reports; the Messages were "
                         "open for public comment before they became final.")
