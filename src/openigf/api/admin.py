from django.contrib import admin

from openigf.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "created", "expires", "last_used", "revoked"]
    readonly_fields = ["key_id", "key_hash", "created", "last_used"]
