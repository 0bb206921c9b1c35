"""Turn a TopoJSON world (world-atlas) into SVG path data, projected with Equal Earth.

The map is drawn on the server, so that pages need neither a CDN nor JavaScript. The
TopoJSON format: shared ``arcs`` of delta-encoded, quantised positions; each polygon ring
lists arc indexes, a negative index ``~i`` meaning arc ``i`` reversed.
"""

import math
from dataclasses import dataclass

# Equal Earth (Šavrič, Patterson, Jenny 2018) coefficients.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = 2.7066297319215575  # x of (180°, 0°)
Y_MAX = 1.3173627591574133  # y of (0°, 90°)


@dataclass(frozen=True)
class Shape:
    id: str
    name: str
    path: str


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Project degrees to Equal Earth plane coordinates (y grows northwards)."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute longitude/latitude positions of every arc."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(p[0], p[1]) for p in arc]
        arcs.append(points)
    return arcs


def _ring(indexes, arcs):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(geometry) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def shapes(topology: dict, object_name: str = "countries", *, width: float = 960,
           skip: frozenset = frozenset({"010"})) -> tuple[list[Shape], float]:
    """Every geometry of ``object_name`` as an SVG path; returns the shapes and the height.

    ``skip`` leaves out ids (Antarctica by default: it holds no initiative and fills the
    bottom of the map).
    """
    arcs = decode_arcs(topology)
    scale = width / (2 * X_MAX)
    height = 2 * Y_MAX * scale
    result = []
    for geometry in topology["objects"][object_name]["geometries"]:
        gid = str(geometry.get("id") or "")
        if gid in skip:
            continue
        parts = []
        for polygon in _polygons(geometry):
            for ring in polygon:
                points = [equal_earth(lon, lat) for lon, lat in _ring(ring, arcs)]
                if len(points) < 3:
                    continue
                coords = [f"{(x + X_MAX) * scale:.1f},{(Y_MAX - y) * scale:.1f}"
                          for x, y in points]
                parts.append("M" + "L".join(coords) + "Z")
        if parts:
            result.append(Shape(gid, geometry.get("properties", {}).get("name", ""),
                                "".join(parts)))
    return result, round(height, 1)
