"""The demo forum. ``openigf load_demo`` calls ``load(ctx)`` of every app's ``demo.py``, in the
order of ``settings.OPENIGF_APPS``; each app adds its part of the demo to the same forum.

A loader wraps each step in ``ctx.step("<app>.<what>")``: a step that already ran is skipped,
and a step runs in one transaction, so an interrupted load resumes cleanly.
"""

import random
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.db import transaction

from openigf.core.models import DemoMarker

DEMO_PASSWORD = "openigf-demo"


@dataclass
class DemoContext:
    seed: int = 2019
    out: object = field(default=sys.stdout)
    ran: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def rng(self, salt: str) -> random.Random:
        """A random generator of its own for each step, so steps do not shift each other."""
        return random.Random(f"{self.seed}:{salt}")

    def log(self, message: str) -> None:
        self.out.write(message + "\n")
        if hasattr(self.out, "flush"):
            self.out.flush()

    def done(self, key: str) -> bool:
        return DemoMarker.objects.filter(key=key).exists()

    @contextmanager
    def step(self, key: str):
        """``with ctx.step("people.people") as run: if run: ...``"""
        if self.done(key):
            self.skipped.append(key)
            yield False
            return
        started = time.monotonic()
        with transaction.atomic():
            yield True
            DemoMarker.objects.create(key=key)
        self.ran.append(key)
        self.log(f"  {key}: {time.monotonic() - started:.1f} s")


def demo_modules():
    for app in settings.OPENIGF_APPS:
        if app != "openigf.core" and find_spec(f"{app}.demo") is not None:
            yield import_module(f"{app}.demo")


def load_demo(ctx: DemoContext | None = None) -> DemoContext:
    ctx = ctx or DemoContext()
    for module in demo_modules():
        module.load(ctx)
    return ctx
