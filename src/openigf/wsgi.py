import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openigf.settings")
django_application = get_wsgi_application()

# a published edition's schedule exports are answered before Django's handler (see exportfiles)
from openigf.programme.exportfiles import ExportFilesApplication  # noqa: E402 (needs setup)

application = ExportFilesApplication(django_application)
