"""Look-alike documents: nearest neighbours in the text engine's representation, or shared
owners."""

from openigf.algorithms.clustering import Document, similar_pairs

DATA = ("Cross-border data flows and privacy in Africa: how data governance frameworks can "
        "protect personal data while enabling trade.")


def test_similar_pairs_finds_reworded_text_and_ignores_unrelated():
    docs = [Document(1, DATA, frozenset({"a"})),
            Document(2, DATA.replace("how", "asking how") + " A workshop.", frozenset({"b"})),
            Document(3, "Child online protection and safety of young people on social media.",
                     frozenset({"c"}))]
    pairs = similar_pairs(docs, threshold=0.5)
    assert [(p.a, p.b, p.same_owners) for p in pairs] == [(1, 2, False)]
    assert pairs[0].score > 0.8


def test_similar_pairs_same_organisers_whatever_the_text():
    docs = [Document("x", "Community networks in rural areas", frozenset({"a", "b"})),
            Document("y", "Cybersecurity norms for states", frozenset({"a", "b"}))]
    [pair] = similar_pairs(docs)
    assert (pair.a, pair.b, pair.same_owners, pair.shared_owners) == (
        "x", "y", True, frozenset({"a", "b"}))


def test_similar_pairs_of_fewer_than_two_or_empty_texts():
    assert similar_pairs([Document(1, DATA)]) == []
    assert similar_pairs([Document(1, ""), Document(2, "")]) == []
