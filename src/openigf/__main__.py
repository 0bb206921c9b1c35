"""The ``openigf`` command line: Django's management commands with openigf's settings."""

import os
import sys

from django.core.management import execute_from_command_line


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openigf.settings")

    execute_from_command_line(argv if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
