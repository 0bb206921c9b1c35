"""People: one account per person, with the classifications the IGF counts by."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from openigf.core import textlimits
from openigf.people.enums import Gender, RegionalGroup, StakeholderGroup


class CountryQuerySet(models.QuerySet):
    def developing(self):
        return self.filter(developing=True)

    def ldc_lldc_sids(self):
        return self.filter(models.Q(ldc=True) | models.Q(lldc=True) | models.Q(sids=True))


class Country(models.Model):
    """A country or area of UN M49, with its development flags and UN regional group.

    Loaded by a data migration from ``people/data/countries.json``, which
    ``scripts/build_countries.py`` builds from public UN data (sources listed in that file).
    """

    m49 = models.CharField(_("M49 code"), max_length=3, primary_key=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2"), max_length=2, blank=True, db_index=True)
    iso3 = models.CharField(_("ISO 3166 alpha-3"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=100)
    names = models.JSONField(_("names in the UN languages"), default=dict, blank=True)
    region = models.CharField(_("M49 region"), max_length=50, blank=True)
    subregion = models.CharField(_("M49 sub-region"), max_length=60, blank=True)
    regional_group = models.CharField(
        _("UN regional group"), max_length=20, choices=RegionalGroup.choices, blank=True
    )
    ldc = models.BooleanField(_("least developed country (LDC)"), default=False)
    lldc = models.BooleanField(_("landlocked developing country (LLDC)"), default=False)
    sids = models.BooleanField(_("small island developing state (SIDS)"), default=False)
    developing = models.BooleanField(_("developing country"), default=False)
    un_member = models.BooleanField(_("UN member state"), default=False)

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.local_name()

    def local_name(self, language=None):
        language = (language or get_language() or "en").split("-")[0]
        return self.names.get(language) or self.name

    @property
    def flags(self) -> list[str]:
        return [label for label, on in (("LDC", self.ldc), ("LLDC", self.lldc),
                                         ("SIDS", self.sids)) if on]


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An account needs an e-mail address.")
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        fields.setdefault("email_verified", timezone.now())
        fields.setdefault("name", email.split("@")[0])
        return self._create(email, password, **fields)


class PersonClassification(models.Model):
    """The classifications every statistic counts people by, kept with each copy of a person:
    their account, and how they were named in a proposal, a session or a registration."""

    stakeholder_group = models.CharField(_("stakeholder group"), max_length=20,
                                         choices=StakeholderGroup.choices, blank=True)
    regional_group = models.CharField(_("regional group"), max_length=20,
                                      choices=RegionalGroup.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    country = models.ForeignKey("people.Country", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("country"))

    class Meta:
        abstract = True


class Person(PersonClassification, AbstractBaseUser, PermissionsMixin):
    """A person: an account when they have an e-mail and a password, otherwise a record
    (a speaker invited by e-mail who has not signed in yet, a name from an imported schedule)."""

    email = models.EmailField(_("e-mail address"), unique=True, null=True, blank=True)
    name = models.CharField(_("full name"), max_length=200)
    regional_group = models.CharField(
        _("UN regional group"), max_length=20, choices=RegionalGroup.choices, blank=True,
        help_text=_("Filled from your country when left empty."),
    )
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="people",
        verbose_name=_("country"),
    )
    gender_description = models.CharField(
        _("gender, in your own words"), max_length=100, blank=True
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("position"), max_length=200, blank=True)
    biography = models.TextField(_("biography"), blank=True, max_length=textlimits.TEXT)
    first_time = models.BooleanField(
        _("first-time participant"), default=False,
        help_text=_("This is your first IGF, or your first time proposing a session."),
    )
    parliamentarian = models.BooleanField(_("parliamentarian"), default=False)
    youth = models.BooleanField(_("youth (under 30)"), default=False)
    accessibility_needs = models.TextField(
        _("accessibility needs"), blank=True,
        help_text=_("Tell us what you need to take part fully (captioning, sign language, "
                    "step-free access...)."),
        max_length=textlimits.NOTE,
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("can use the admin"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    erased = models.DateTimeField(_("erased"), null=True, blank=True)
    email_verified = models.DateTimeField(
        _("address confirmed"), null=True, blank=True,
        help_text=_("When the person proved that the e-mail address is theirs (a mailed link). "
                    "Until then nothing given to that address is theirs."))

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="person_email_ci_unique"),
        ]
        indexes = [models.Index(fields=["stakeholder_group", "regional_group"])]

    def __str__(self):
        return self.name or self.email or f"#{self.pk}"

    def save(self, *args, **kwargs):
        if self.email:
            self.email = self.email.strip().lower()
        else:
            self.email = None
        if self.country_id and not self.regional_group:
            self.regional_group = self.country.regional_group
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.email:
            self.email = self.email.strip().lower()
        if self.country_id and not self.regional_group:
            self.regional_group = self.country.regional_group

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else ""

    @property
    def has_account(self) -> bool:
        return bool(self.email) and self.has_usable_password()

    @property
    def verified_email(self) -> str | None:
        """The e-mail address, once its owner proved it is theirs; roles, proposals and
        sessions named by e-mail go only to a verified address."""
        return self.email if self.email and self.email_verified else None

    @property
    def from_developing_country(self) -> bool:
        return bool(self.country_id and self.country.developing)
