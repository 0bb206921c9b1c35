"""The mails the people app asks for (sign-up, address confirmation, password reset): it
announces them with ``people.signals.mail_requested`` and never imports the outbox."""

from openigf.outbox.domain import link_placeholder, mail_enqueue_template, register_link
from openigf.people import links
from openigf.people.signals import mail_requested


def enqueue(sender, *, to, template, language, kind, context, link, **kwargs):
    return mail_enqueue_template(to=to, template=template, language=language, kind=kind,
                                 context={**context, "link": link_placeholder(link)})


def connect() -> None:
    register_link("people.confirm_address", links.confirm_address_link)
    register_link("people.password_reset", links.password_reset_link)
    mail_requested.connect(enqueue, dispatch_uid="openigf.outbox.people_mail")
