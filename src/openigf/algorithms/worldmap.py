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


def _unwrap(points):
    """Make longitudes continuous along a ring that crosses the antimeridian."""
    result = [points[0]]
    offset = 0.0
    for (lon0, _lat0), (lon, lat) in zip(points, points[1:], strict=False):
        if lon - lon0 > 180:
            offset -= 360
        elif lon0 - lon > 180:
            offset += 360
        result.append((lon + offset, lat))
    return result


def _clip(points, edge: float, keep_below: bool):
    """Sutherland-Hodgman clipping of a ring to the side of the meridian ``edge``."""
    def inside(p):
        return p[0] <= edge if keep_below else p[0] >= edge

    result = []
    for i, current in enumerate(points):
        previous = points[i - 1]
        if inside(current) != inside(previous):
            t = (edge - previous[0]) / (current[0] - previous[0])
            result.append((edge, previous[1] + t * (current[1] - previous[1])))
        if inside(current):
            result.append(current)
    return result


def split_at_antimeridian(points) -> list[list[tuple[float, float]]]:
    """A ring as one or more rings within -180..180 degrees of longitude."""
    points = _unwrap(points)
    lons = [p[0] for p in points]
    if max(lons) > 180:
        east = [(lon - 360, lat) for lon, lat in _clip(points, 180, keep_below=False)]
        return [r for r in (_clip(points, 180, keep_below=True), east) if len(r) >= 3]
    if min(lons) < -180:
        west = [(lon + 360, lat) for lon, lat in _clip(points, -180, keep_below=True)]
        return [r for r in (_clip(points, -180, keep_below=False), west) if len(r) >= 3]
    return [points]


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
            for piece in (p for ring in polygon for p in split_at_antimeridian(_ring(ring, arcs))):
                coords = []
                for lon, lat in piece:
                    x, y = equal_earth(lon, lat)
                    point = f"{(x + X_MAX) * scale:.0f},{(Y_MAX - y) * scale:.0f}"
                    if not coords or coords[-1] != point:  # whole pixels: drop repeats
                        coords.append(point)
                if len(coords) < 3:
                    continue
                parts.append("M" + "L".join(coords) + "Z")
        if parts:
            result.append(Shape(gid, geometry.get("properties", {}).get("name", ""),
                                "".join(parts)))
    return result, round(height, 1)
