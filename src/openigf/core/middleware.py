from openigf.core.audit import _actor


class ActorMiddleware:
    """Make the signed-in person the actor of every audit entry written by this request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _actor.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)
