from django.contrib import admin

from openigf.core.admin import AuditedAdmin
from openigf.forums.models import Edition, Forum, Membership, PolicyQuestion, Tag, Theme


@admin.register(Forum)
class ForumAdmin(AuditedAdmin):
    list_display = ["name", "slug", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Edition)
class EditionAdmin(AuditedAdmin):
    list_display = ["title", "forum", "year", "start_date", "end_date", "published"]
    list_filter = ["forum", "published"]


class PolicyQuestionInline(admin.TabularInline):
    model = PolicyQuestion
    extra = 0


@admin.register(Theme)
class ThemeAdmin(AuditedAdmin):
    list_display = ["name", "edition", "order"]
    list_filter = ["edition"]
    inlines = [PolicyQuestionInline]


@admin.register(Tag)
class TagAdmin(AuditedAdmin):
    list_display = ["name", "edition", "theme", "suggested"]
    list_filter = ["edition", "suggested"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["person", "role", "forum", "edition"]
    list_filter = ["role", "forum", "edition"]
    autocomplete_fields = ["person"]
