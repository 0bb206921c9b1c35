from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from openigf.core.views import PermissionRequiredMixin
from openigf.outbox.domain import mail_retry
from openigf.outbox.models import Message, Status


class OutboxView(PermissionRequiredMixin, TemplateView):
    """Every mail of the forum, its status and errors; failed ones can be retried."""

    permission_required = "outbox.view_outbox"
    template_name = "outbox/list.html"

    def mail(self):
        return Message.objects.filter(forum=self.request.forum)

    def get_context_data(self, **kwargs):
        mail = self.mail()
        status = self.request.GET.get("status", "")
        counts = dict(mail.values_list("status").annotate(n=Count("id")).order_by())
        if status in Status.values:
            mail = mail.filter(status=status)
        page = Paginator(mail.only("id", "to", "subject", "kind", "status", "attempts",
                                   "last_error", "created", "sent_at", "next_attempt_at"),
                         50).get_page(self.request.GET.get("page"))
        return {**super().get_context_data(**kwargs), "page": page, "status": status,
                "statuses": [(v, label, counts.get(v, 0)) for v, label in Status.choices]}

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm("outbox.retry_message", self.get_permission_object()):
            return self.handle_no_permission()
        message = get_object_or_404(self.mail(), pk=request.POST.get("retry"))
        mail_retry(message=message)
        messages.success(request, _("The mail to %(to)s is queued again.") % {"to": message.to})
        return redirect(request.path)


class PlatformOutboxView(OutboxView):
    """The mail that belongs to no forum (password resets, address confirmations), for the
    platform's administrators."""

    permission_required = "outbox.view_platform_outbox"

    def get_permission_object(self):
        return None

    def mail(self):
        return Message.objects.filter(forum__isnull=True)
