"""Texts in several languages: the reader's version, else the original, marked as such."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from openigf.core.translations import translated
from openigf.forums import domain
from openigf.forums.models import Theme
from openigf.outcomes.domain import message_save
from openigf.outcomes.models import ChairsSummary
from tests.factories import EditionFactory, ThemeFactory, secretariat_of
from tests.programme.factories import SessionFactory


def page(client, url, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(url).content.decode()


@pytest.mark.django_db
def test_a_theme_entered_in_french_shows_in_french_and_the_original_elsewhere_marked(client):
    edition = EditionFactory()
    domain.theme_save(edition=edition, name="Data governance", slug="data",
                      narrative="Who holds the data.", policy_questions=["Who decides?"],
                      versions={"name": {"fr": "Gouvernance des données"},
                                "narrative": {"fr": "Qui détient les données."},
                                "policy_questions": {"fr": ["Qui décide ?"]}})
    url = edition.get_absolute_url()

    french = page(client, url, "fr")
    assert "<h3>Gouvernance des données</h3>" in french
    assert '<div class="prose"><p>Qui détient les données.</p></div>' in french
    assert "<li>Qui décide ?</li>" in french

    russian = page(client, url, "ru")
    assert ('<h3><span lang="en" dir="ltr">Data governance</span> '
            '<small class="translation-note">(Английский)</small></h3>') in russian
    assert '<div class="prose" lang="en" dir="ltr"><p>Who holds the data.</p></div>' in russian
    assert '<p class="translation-note">' in russian

    english = page(client, url, "en")
    assert "<h3>Data governance</h3>" in english and "translation-note" not in english


@pytest.mark.django_db
def test_the_reader_sees_the_first_version_there_is():
    edition = EditionFactory(forum__language="fr")
    theme = domain.theme_save(edition=edition, name="Inclusion numérique", slug="inclusion")
    assert (theme.name_fr, theme.name_en) == ("Inclusion numérique", None)
    with translation.override("es"):
        text = translated(theme, "name")
    assert (text.value, text.language, text.fallback) == ("Inclusion numérique", "fr", True)
    with translation.override("fr"):
        assert translated(theme, "name").fallback is False


@pytest.mark.django_db
def test_the_secretariat_enters_the_versions_and_reads_them_back(client):
    edition = EditionFactory()
    client.force_login(secretariat_of(edition.forum))
    new = reverse("forums:manage_theme_new", kwargs=edition.url_kwargs)
    form = page(client, new, "en")
    assert 'name="name__ar"' in form and 'lang="ar" dir="rtl"' in form
    client.post(new, {"name": "Security", "slug": "security", "narrative": "Safe networks.",
                      "colour": "#1b5e91", "order": 1, "policy_questions": "How?\nWho?",
                      "name__ar": "الأمن", "policy_questions__ar": "\nمن؟"})
    theme = Theme.objects.get(edition=edition, slug="security")
    assert (theme.name_en, theme.name_ar) == ("Security", "الأمن")
    questions = list(theme.policy_questions.order_by("order"))
    assert [(q.text_en, q.text_ar) for q in questions] == [("How?", None), ("Who?", "من؟")]
    edit = reverse("forums:manage_theme", kwargs={**edition.url_kwargs, "theme_id": theme.pk})
    form = page(client, edit, "ar")  # an Arabic reader edits the English original
    assert 'name="name" value="Security"' in form
    assert 'name="name__ar" value="الأمن"' in form
    arabic = page(client, edition.get_absolute_url(), "ar")
    assert "<h3>الأمن</h3>" in arabic and "<li>من؟</li>" in arabic


@pytest.mark.django_db(transaction=True)
def test_texts_written_before_the_versions_existed_are_kept_as_the_forums_language():
    executor = MigrationExecutor(connection)
    executor.migrate([("forums", "0004_free_text_length_caps")])
    old = executor.loader.project_state([("forums", "0004_free_text_length_caps")]).apps
    forum = old.get_model("forums", "Forum").objects.create(slug="fr-igf", name="FR IGF",
                                                            kind="national")
    edition = old.get_model("forums", "Edition").objects.create(
        forum=forum, year=2019, slug="2019", title="FR IGF 2019", timezone="Europe/Paris",
        start_date="2019-11-26", end_date="2019-11-27")
    old.get_model("forums", "Theme").objects.create(edition=edition, name="Inclusion numérique",
                                                    slug="inclusion")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    theme = Theme.objects.get(slug="inclusion")
    assert (theme.name_en, theme.name_fr) == ("Inclusion numérique", None)


@pytest.mark.django_db
def test_a_session_message_and_summary_take_versions_from_their_forms(client):

    edition = EditionFactory()
    theme = ThemeFactory(edition=edition)
    session = SessionFactory(edition=edition, title="Opening", description="Welcome.")
    client.force_login(secretariat_of(edition.forum))
    edit = reverse("programme:manage_session", kwargs={**edition.url_kwargs,
                                                       "session_id": session.pk})
    form = page(client, edit, "en")
    assert 'name="title__es"' in form and 'name="description__zh-hans"' in form
    data = {"kind": session.kind, "title": "Opening", "description": "Welcome.",
            "duration": session.duration, "expected_audience": session.expected_audience,
            "language": session.language, "format": session.format,
            "title__es": "Apertura"}
    client.post(edit, data)
    session.refresh_from_db()
    assert (session.title_en, session.title_es, session.description_es) == (
        "Opening", "Apertura", None)

    message = message_save(edition=edition, theme=theme, text="Connect the unconnected.")
    client.post(reverse("outcomes:message_edit", kwargs={**edition.url_kwargs,
                                                         "message_id": message.pk}),
                {"text": "Connect the unconnected.", "text__fr": "Connecter les non-connectés."})
    message.refresh_from_db()
    assert (message.text_en, message.text_fr) == ("Connect the unconnected.",
                                                  "Connecter les non-connectés.")

    client.post(reverse("outcomes:summary", kwargs=edition.url_kwargs),
                {"introduction": "The forum met.", "introduction__ru": "Форум собрался."})
    summary = ChairsSummary.objects.get(edition=edition)
    version = summary.versions.get()
    assert (version.introduction_en, version.introduction_ru) == ("The forum met.",
                                                                  "Форум собрался.")
    russian = page(client, reverse("outcomes:summary", kwargs=edition.url_kwargs), "ru")
    assert "<p>Форум собрался.</p>" in russian
