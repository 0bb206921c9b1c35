"""The text engine against a plain baseline on a labelled programme.

Run: .venv/bin/python -m bench.themes [SCHEDULE ...]
Reads each schedule (frab/pentabarf ``schedule.xml``, C3VOC/pretalx or frab ``schedule.json``,
or a ``{"sessions": [{"title", "abstract", "track"}]}`` file such as ``bench/igf2019-300.json``;
by default the FOSDEM 2025 schedule of the shared data), takes each event's title and abstract
as its text and its track as the truth, and prints the adjusted Rand index (ARI) and normalised
mutual information (NMI) of the engine (``algorithms.clustering.find_themes``) at k = the number
of tracks, beside TF-IDF + k-means with the same k and seeds, averaged over the seeds; texts
the engine leaves ungrouped count as one more group. Also the k the engine suggests, and
seconds. Exits 1 unless the engine beats the baseline on both figures of every schedule.
"""

import html
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET  # noqa: S405 a trusted file of the shared data
from pathlib import Path

from openigf.algorithms.clustering import Text, find_themes, suggest_k

SEEDS = (0, 1, 2)
DEFAULT = "schedules/fosdem-2025-schedule.xml"


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text or "")).split())


def read(path: Path) -> list[tuple[str, str]]:
    """[(text, track)] of the events with a track."""
    if path.suffix == ".xml":
        root = ET.parse(path).getroot()  # noqa: S314 a trusted file of the shared data
        events = [(e.findtext("title"), e.findtext("subtitle"), e.findtext("abstract"),
                   e.findtext("description"), e.findtext("track")) for e in root.iter("event")]
    else:
        data = json.loads(path.read_text())
        if "sessions" in data:
            raw = data["sessions"]
        else:
            raw = [e for day in data["schedule"]["conference"]["days"]
                   for room in day["rooms"].values() for e in room]
        events = [(e.get("title"), e.get("subtitle"), e.get("abstract"), e.get("description"),
                   e.get("track")) for e in raw]
    result = []
    for title, subtitle, abstract, description, track in events:
        body = abstract if _plain(abstract) else description
        text = _plain(" ".join(filter(None, (title, subtitle, body))))
        if track and text:
            result.append((text, track))
    return result


def baseline(texts: list[str], k: int, seed: int) -> list[int]:
    from sklearn.cluster import KMeans  # noqa: PLC0415 heavy, loaded when used
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    return list(KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(matrix))


def engine(texts: list[str], k: int, seed: int) -> list[int]:
    result = find_themes([Text(i, t) for i, t in enumerate(texts)], k=k, seed=seed)
    labels = [-1] * len(texts)
    for n, theme in enumerate(result.themes):
        for i in theme.ids:
            labels[i] = n
    return labels


def score(path: Path) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: PLC0415

    events = read(path)
    texts = [t for t, _ in events]
    truth = [track for _, track in events]
    k = len(set(truth))
    figures = {"file": path.name, "events": len(texts), "k": k}
    for name, run in (("engine", engine), ("baseline", baseline)):
        started = time.perf_counter()
        ari = nmi = 0.0
        for seed in SEEDS:
            labels = run(texts, k, seed)
            ari += adjusted_rand_score(truth, labels) / len(SEEDS)
            nmi += normalized_mutual_info_score(truth, labels) / len(SEEDS)
        figures[name] = {"ari": round(ari, 3), "nmi": round(nmi, 3),
                         "seconds": round((time.perf_counter() - started) / len(SEEDS), 2)}
    # The suggestion tries 2 to 12 themes, as on the pages: shown for schedules with as few.
    figures["suggested_k"] = suggest_k(texts).k if k <= 12 else "not tried (over 12)"
    return figures


def main(argv: list[str]) -> int:
    shared = Path(os.environ.get("OPENIGF_SHARED_DATA", "/work/shared/data"))
    paths = [Path(a) for a in argv] or [shared / DEFAULT]
    beaten = True
    for path in paths:
        f = score(path)
        e, b = f["engine"], f["baseline"]
        wins = e["ari"] > b["ari"] and e["nmi"] > b["nmi"]
        beaten &= wins
        print(f"{f['file']}: {f['events']} events, {f['k']} tracks as truth, seeds {SEEDS}")
        print(f"  engine    ARI {e['ari']:.3f}  NMI {e['nmi']:.3f}  {e['seconds']:.2f} s")
        print(f"  baseline  ARI {b['ari']:.3f}  NMI {b['nmi']:.3f}  {b['seconds']:.2f} s "
              "(TF-IDF + k-means)")
        print(f"  engine beats the baseline on both: {'yes' if wins else 'NO'}; "
              f"k suggested by the engine: {f['suggested_k']}")
    return 0 if beaten else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
