from openigf.algorithms.worldmap import equal_earth, shapes, split_at_antimeridian

TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0]], "id": "404", "properties": {"name": "Square"}},
        {"type": "Polygon", "arcs": [[0]], "id": "010", "properties": {"name": "Skipped"}},
    ]}},
}


def test_equal_earth_keeps_the_origin_and_symmetry():
    assert equal_earth(0, 0) == (0.0, 0.0)
    x, y = equal_earth(90, 45)
    assert equal_earth(-90, -45) == (-x, -y)


def test_shapes_decode_delta_arcs_and_skip_antarctica():
    result, height = shapes(TOPOLOGY, width=960)
    assert [(s.id, s.name) for s in result] == [("404", "Square")]
    assert result[0].path.startswith("M480,234L") and result[0].path.endswith("Z")
    assert height == 467.2


def test_a_ring_across_the_antimeridian_is_cut_in_two():
    ring = [(170, 0), (-170, 0), (-170, 10), (170, 10)]
    pieces = split_at_antimeridian(ring)
    assert len(pieces) == 2
    assert all(-180 <= lon <= 180 for piece in pieces for lon, _lat in piece)
