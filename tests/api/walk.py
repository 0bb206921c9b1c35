from tests.walk import ALL, SIGNED_IN

EXPECT = {
    "api:tokens": SIGNED_IN,
    "api:me": SIGNED_IN,
    "api:edition": ALL,
}


def build(world):
    pass
