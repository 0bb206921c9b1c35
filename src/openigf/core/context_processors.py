from django.conf import settings

from openigf.core import navigation


def layout(request):
    edition = getattr(request, "edition", None)
    forum = getattr(request, "forum", None)
    return {
        "current_forum": forum,
        "current_edition": edition,
        "edition_nav": navigation.items_for(request, "edition") if edition else [],
        "forum_nav": navigation.items_for(request, "forum") if forum and not edition else [],
        "site_url": settings.SITE_URL,
    }
