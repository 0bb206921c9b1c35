from django.contrib import admin

from openigf.outbox.models import OutboxMail


@admin.register(OutboxMail)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created", "to", "subject", "kind", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "forum"]
    search_fields = ["to", "subject"]
    readonly_fields = ["created", "sent_at", "claimed_at", "attempts", "last_error"]
