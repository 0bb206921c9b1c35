"""Near-duplicate documents: pairs whose text is alike (TF-IDF cosine) or whose organisers are
the same. Pure: no Django; scikit-learn is imported inside the function that needs it."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    key: object
    text: str
    owners: frozenset = field(default_factory=frozenset)  # e.g. organiser keys


@dataclass(frozen=True)
class Pair:
    a: object
    b: object
    score: float  # text similarity, 0..1
    shared_owners: frozenset
    same_owners: bool  # every owner of one is an owner of the other


def similar_pairs(documents: list[Document], *, threshold: float = 0.35,
                  limit: int = 200) -> list[Pair]:
    """Pairs of documents with cosine similarity of their TF-IDF vectors at least
    ``threshold`` (the ``limit`` most alike, most alike first), then every pair with the same
    owners whose text is less alike."""
    if len(documents) < 2:
        return []
    # scikit-learn takes ~1 s to import; only this page needs it.
    from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: PLC0415 heavy (scikit-learn), loaded only when used
    from sklearn.metrics.pairwise import cosine_similarity  # noqa: PLC0415 heavy (scikit-learn), loaded only when used

    texts = [d.text or "" for d in documents]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1,
                                 ngram_range=(1, 2)).fit_transform(texts)
    except ValueError:  # every text empty or only stop words
        matrix = None
    scores = cosine_similarity(matrix, dense_output=False) if matrix is not None else None
    pairs = {}
    if scores is not None:
        coo = scores.tocoo()
        for i, j, value in zip(coo.row, coo.col, coo.data, strict=True):
            if i < j and value >= threshold:
                pairs[(i, j)] = float(value)
    by_owners = {}
    for i, d in enumerate(documents):
        if d.owners:
            by_owners.setdefault(d.owners, []).append(i)
    for indices in by_owners.values():
        for x, i in enumerate(indices):
            for j in indices[x + 1:]:
                pairs.setdefault((i, j), _score(scores, i, j))
    result = []
    for (i, j), value in pairs.items():
        a, b = documents[i], documents[j]
        same = bool(a.owners) and a.owners == b.owners
        result.append(Pair(a.key, b.key, round(value, 3), frozenset(a.owners & b.owners), same))
    result.sort(key=lambda p: (-p.score, str(p.a), str(p.b)))
    alike = [p for p in result if p.score >= threshold][:limit]
    return alike + [p for p in result if p.score < threshold]


def _score(scores, i, j) -> float:
    if scores is None:
        return 0.0
    return float(scores[i, j])
