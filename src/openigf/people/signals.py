"""Signals of the people app, and the audit of sign-ins.

``address_claimed(person)``: someone proved that the address of a person who had not
confirmed it is theirs, and took the account; whatever was made for the account before
(API tokens...) may belong to someone else and is revoked by its app.

``mail_requested(to, template, language, kind, context, link)``: a mail to a person, rendered
from ``template`` with ``context``; ``link`` names the credential link (``people.links``) made
when the mail is delivered. The outbox writes it in the caller's transaction (people come
before the outbox in the import order, so this app never imports it).
"""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import Signal, receiver

from openigf.core.audit import audit_log
from openigf.core.throttle import client_address
from openigf.people.models import Person

address_claimed = Signal()
mail_requested = Signal()


@receiver(user_logged_in, dispatch_uid="openigf.people.audit_login")
def audit_login(sender, request, user, **kwargs):
    audit_log(action="person.login", obj=user, actor=user,
              changes={"ip": client_address(request)})


@receiver(user_login_failed, dispatch_uid="openigf.people.audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    """Only the address typed is kept, never the password."""
    email = str(credentials.get("username") or credentials.get("email") or "")[:254]
    person = Person.objects.filter(email__iexact=email).first() if email else None
    audit_log(action="person.login_failed", obj=person, actor=None,
              changes={"email": email, "ip": client_address(request)})
