"""The one family of errors a domain function raises for a refusal the user must see.

Views turn it into a message at the field (forms) or one JSON error body (the API).
"""


class ApplicationError(Exception):
    status = 400
    code = "invalid"

    def __init__(self, message: str, *, fields: dict | None = None, code: str | None = None,
                 status: int | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code
        if status:
            self.status = status

    def as_dict(self) -> dict:
        return {"error": {"code": self.code, "message": str(self.message),
                          "fields": {k: [str(m) for m in (v if isinstance(v, list) else [v])]
                                     for k, v in self.fields.items()}}}


class NotAllowed(ApplicationError):
    status = 403
    code = "forbidden"


class Conflict(ApplicationError):
    status = 409
    code = "conflict"
