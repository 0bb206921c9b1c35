from tests.walk import ALL, SIGNED_IN

EXPECT = {
    "api:tokens": SIGNED_IN,
}


def build(world):
    pass
