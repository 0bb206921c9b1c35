"""Who may call each API operation (see tests/walk.py). An API URL maps each of its methods to
the roles allowed; writes are sent with an empty JSON body, in a transaction rolled back, so
an allowed role gets 2xx, 400 or 409 and a refused one 401, 403 or 404."""

from tests.proposals.walk import ORGANISER
from tests.walk import ALL, SIGNED_IN, STAFF

NOBODY = frozenset()

EXPECT = {
    "api:tokens": SIGNED_IN,
    "api_v1:openapi-json": ALL,
    "api_v1:openapi-view": ALL,
    "api_v1:api-root": ALL,
    "api_v1:me": {"GET": SIGNED_IN},
    "api_v1:forums": {"GET": ALL},
    "api_v1:forum_detail": {"GET": ALL},
    "api_v1:edition_detail": {"GET": ALL},
    "api_v1:themes": {"GET": ALL},
    "api_v1:calls": {"GET": ALL},
    "api_v1:participation": {"GET": ALL},
    "api_v1:nris": {"GET": ALL},
    "api_v1:coalitions": {"GET": ALL},
    "api_v1:bpfs": {"GET": ALL},
    "api_v1:proposal_list": {"GET": ALL, "POST": SIGNED_IN},
    "api_v1:proposal_statistics": {"GET": ALL},
    "api_v1:proposals_mine": {"GET": SIGNED_IN},
    "api_v1:proposal_detail": {"GET": ALL, "PATCH": ORGANISER},
    "api_v1:proposal_submit": {"POST": ORGANISER},
    "api_v1:proposal_withdraw": {"POST": ORGANISER},
    "api_v1:proposal_person_add": {"POST": ORGANISER},
    "api_v1:proposal_person_remove": {"DELETE": ORGANISER},
    "api_v1:rooms": {"GET": ALL},
    "api_v1:sessions": {"GET": ALL},
    "api_v1:session_detail": {"GET": ALL},
    "api_v1:people": {"GET": ALL},
    "api_v1:transcript_list": {"GET": ALL},
    "api_v1:transcript_detail": {"GET": ALL, "POST": STAFF},  # and the session's organisers
    "api_v1:report_list": {"GET": ALL},
    "api_v1:session_reports": {"GET": ALL},
    "api_v1:report_file": {"PUT": STAFF},  # and the session's organisers and rapporteur
    "api_v1:messages": {"GET": ALL},
    "api_v1:chairs_summary": {"GET": ALL},  # published by tests/outcomes/walk.py
    "api_v1:registration_mine": {"GET": NOBODY, "POST": SIGNED_IN},  # GET: 404 until registered
}


def build(world):
    pass
