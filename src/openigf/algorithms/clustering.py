"""Group short texts (key takeaways) by similarity and merge near-duplicates, keeping where
each came from. TF-IDF and cosine similarity (scikit-learn); no Django."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    key: object  # e.g. (session id, report id, index)
    text: str


@dataclass
class Group:
    texts: list = field(default_factory=list)  # [Text], the most central first
    duplicates: list = field(default_factory=list)  # [(kept key, merged key)]

    @property
    def label(self) -> str:
        return self.texts[0].text if self.texts else ""


def group(texts: list[Text], *, threshold: float = 0.25, duplicate: float = 0.8) -> list[Group]:
    """Single-link groups of texts at least ``threshold`` alike; texts at least ``duplicate``
    alike are merged into the first. Largest groups first."""
    if not texts:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy (scikit-learn), loaded only when used
    from sklearn.metrics.pairwise import cosine_similarity  # noqa: PLC0415 heavy (scikit-learn), loaded only when used

    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                 ngram_range=(1, 2)).fit_transform([t.text for t in texts])
        sim = cosine_similarity(matrix)
    except ValueError:
        return [Group([t]) for t in texts]
    n = len(texts)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    merged_into = {}
    for i in range(n):
        for j in range(i + 1, n):
            if sim[i, j] >= threshold:
                parent[find(j)] = find(i)
            if sim[i, j] >= duplicate and j not in merged_into and i not in merged_into:
                merged_into[j] = i
    members = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    groups = []
    for idx in members.values():
        kept = [i for i in idx if i not in merged_into]
        centrality = {i: sum(sim[i, j] for j in idx) for i in kept}
        kept.sort(key=lambda i: -centrality[i])
        groups.append(Group([texts[i] for i in kept],
                            [(texts[merged_into[i]].key, texts[i].key) for i in idx
                             if i in merged_into]))
    groups.sort(key=lambda g: (-(len(g.texts) + len(g.duplicates)), g.label))
    return groups
