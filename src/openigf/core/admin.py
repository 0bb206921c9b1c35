from django.contrib import admin

from openigf.core.audit import audit_log
from openigf.core.models import AuditEntry


class AuditedAdmin(admin.ModelAdmin):
    """Admin changes are domain changes too: they are written to the audit log."""

    def log_addition(self, request, obj, message):
        audit_log(action=f"{obj._meta.model_name}.admin_add", obj=obj, actor=request.user)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        audit_log(action=f"{obj._meta.model_name}.admin_change", obj=obj, actor=request.user,
                  changes={"admin": message})
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            audit_log(action=f"{obj._meta.model_name}.admin_delete", obj=obj, actor=request.user)
        return super().log_deletions(request, queryset)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created", "actor", "action", "object_repr", "forum", "edition"]
    list_filter = ["forum", "action"]
    search_fields = ["action", "object_repr", "actor__name", "actor__email"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
