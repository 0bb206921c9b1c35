"""The Secretariat's view of the forum's mail: the list (by status, searched by recipient),
one mail with its text (secrets hidden), and retrying a mail now."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from openigf.core.views import PermissionRequiredMixin
from openigf.outbox.domain import mail_retry
from openigf.outbox.models import OutboxMail, Status
from openigf.outbox.redaction import redact_secrets


class OutboxView(PermissionRequiredMixin, TemplateView):
    """Every mail of the forum, its status and errors; failed ones can be retried."""

    permission_required = "outbox.view_outbox"
    template_name = "outbox/list.html"

    def mail(self):
        return OutboxMail.objects.filter(forum=self.request.forum)

    def get_context_data(self, **kwargs):
        mail = self.mail()
        status = self.request.GET.get("status", "")
        query = self.request.GET.get("q", "").strip()[:200]
        if query:
            mail = mail.filter(to__icontains=query)
        counts = dict(mail.values_list("status").annotate(n=Count("id")).order_by())
        if status in Status.values:
            mail = mail.filter(status=status)
        page = Paginator(mail.only("id", "to", "subject", "kind", "status", "attempts",
                                   "last_error", "created", "sent_at", "claimed_at",
                                   "next_attempt_at"),
                         50).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "page": page, "status": status,
                "q": query, "query": urlencode({"status": status, "q": query}),
                "statuses": [(v, label, counts.get(v, 0))
                                         for v, label in Status.choices]}


class MessageView(PermissionRequiredMixin, TemplateView):
    """One mail as it was written, with reset, claim and invitation links hidden."""

    permission_required = "outbox.view_outbox"
    template_name = "outbox/message.html"

    def get_context_data(self, **kwargs):
        message = get_object_or_404(OutboxMail, pk=self.kwargs["mail_id"],
                                    forum=self.request.forum)
        return {**super().get_context_data(**kwargs), "message": message,
                "body": redact_secrets(message.body)}


class RetryView(PermissionRequiredMixin, View):
    permission_required = "outbox.retry_message"
    http_method_names = ["post"]

    def post(self, request, mail_id):
        message = get_object_or_404(OutboxMail, pk=mail_id, forum=request.forum)
        if mail_retry(message=message):
            messages.success(request, _("The mail to %(to)s is queued again.")
                             % {"to": message.to})
        else:
            messages.warning(request, _("The mail to %(to)s is sent or being sent; nothing "
                                        "was queued.") % {"to": message.to})
        return redirect("outbox:message", mail_id=message.pk,
                        **request.edition.url_kwargs)


class PlatformOutboxView(OutboxView):
    """The mail that belongs to no forum (password resets, address confirmations), for the
    platform's administrators."""

    permission_required = "outbox.view_platform_outbox"

    def get_permission_object(self):
        return None

    def mail(self):
        return OutboxMail.objects.filter(forum__isnull=True)
