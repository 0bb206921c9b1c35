from django.contrib import admin

from openigf.core.admin import AuditedAdmin
from openigf.funding.models import GrantCall, TravelCall


@admin.register(TravelCall)
class TravelCallAdmin(AuditedAdmin):
    """For the platform's administrators; the Secretariat opens and configures calls on the
    travel-support pages (``funding:travel_call_new``)."""

    list_display = ["name", "edition", "opens_at", "closes_at", "budget"]
    list_filter = ["edition__forum"]


@admin.register(GrantCall)
class GrantCallAdmin(AuditedAdmin):
    list_display = ["name", "edition", "donor", "opens_at", "closes_at", "budget"]
    list_filter = ["edition__forum"]
