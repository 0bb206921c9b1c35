from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from openigf.core.admin import AuditedAdmin
from openigf.people.models import Country, Person


@admin.register(Person)
class PersonAdmin(AuditedAdmin, UserAdmin):
    ordering = ["name"]
    list_display = ["name", "email", "stakeholder_group", "regional_group", "country", "is_staff"]
    list_filter = ["stakeholder_group", "regional_group", "gender", "is_staff", "is_superuser"]
    search_fields = ["name", "email", "organisation"]
    autocomplete_fields = ["country"]
    fieldsets = [
        (None, {"fields": ["email", "password", "name"]}),
        ("Profile", {"fields": ["organisation", "job_title", "country", "stakeholder_group",
                                "regional_group", "gender", "gender_description", "first_time",
                                "youth", "parliamentarian", "accessibility_needs",
                                "preferred_language", "biography"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "name", "password1", "password2"]})]


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "m49", "iso3", "regional_group", "ldc", "lldc", "sids", "developing"]
    list_filter = ["regional_group", "ldc", "lldc", "sids", "developing", "un_member"]
    search_fields = ["name", "iso2", "iso3", "m49"]
