"""Demo venues: the rooms of UNESCO Paris (2018) and of the Estrel Berlin (2019)."""

from openigf.forums.models import Edition
from openigf.programme.models import Room

ROOMS_2019 = [  # name, capacity, interpretation
    ("Plenary Hall", 1500, True), ("Convention Hall I-A", 600, True),
    ("Convention Hall I-C", 600, True), ("Convention Hall II", 400, False),
    ("Saal Europa", 300, False), ("Estrel Saal A", 250, False), ("Estrel Saal B", 250, False),
    ("Raum I", 120, False), ("Raum II", 120, False), ("Raum III", 100, False),
    ("Raum IV", 100, False), ("Raum V", 80, False),
]
ROOMS_2018 = [("Room I", 1200, True), ("Room II", 400, True), ("Room III", 200, False),
              ("Room IV", 200, False), ("Room V", 150, False), ("Room VI", 150, False),
              ("Room VII", 100, False), ("Room IX", 100, False), ("Room X", 80, False),
              ("Room XI", 80, False), ("Room XII", 60, False)]


def load(ctx):
    with ctx.step("programme.rooms") as run:
        if run:
            for slug, rooms in (("2018", ROOMS_2018), ("2019", ROOMS_2019)):
                edition = Edition.objects.get(forum__slug="igf", slug=slug)
                Room.objects.bulk_create(
                    Room(edition=edition, name=name, capacity=capacity,
                         interpretation=interpretation, hybrid=True, webcast=True,
                         step_free=True, order=i)
                    for i, (name, capacity, interpretation) in enumerate(rooms))
