"""Certificates of recognition for outgoing MAG members, as PDF (WeasyPrint)."""

import logging

from django.template.loader import render_to_string
from django.utils import timezone, translation


def certificate_context(line, edition) -> dict:
    return {"person": line.person, "edition": edition, "forum": edition.forum,
            "term": line.term, "first_year": line.first_year, "last_year": line.year,
            "seat": line.seat_label, "issued": timezone.localdate()}


def certificate_pdf(line, edition, *, language: str | None = None) -> bytes:
    """One A4 landscape page, in the member's language, tagged for accessibility
    (PDF/UA-1)."""
    from weasyprint import HTML  # heavy (~0.5 s): only where a certificate is made  # noqa: PLC0415 heavy (WeasyPrint), loaded only when used

    # WeasyPrint narrates each step at INFO; the web log needs only its warnings.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)

    with translation.override(language or line.person.preferred_language or "en"):
        html = render_to_string("community/mag/certificate.html",
                                certificate_context(line, edition))
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
