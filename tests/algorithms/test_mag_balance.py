"""The MAG composition rules, without a database."""

from hypothesis import given
from hypothesis import strategies as st

from openigf.algorithms.mag_balance import Seat, check, rotation_share

REGIONS = ["african", "asia_pacific", "eeg", "grulac", "weog"]


def balanced_roster(n_gov=20, per_group=11):
    seats, i = [], 0
    for group, n in (("government", n_gov), ("civil_society", per_group),
                     ("private_sector", per_group), ("technical", per_group)):
        for _ in range(n):
            seats.append(Seat(key=str(i), stakeholder_group=group,
                              regional_group=REGIONS[i % 5],
                              gender="female" if i % 2 else "male",
                              country="DE" if i == 0 else "FR" if i == 1 else "KE"))
            i += 1
    return seats


def codes(result):
    return [f.code for f in result.findings]


def test_check_balanced_roster_has_no_finding():
    result = check(balanced_roster(), hosts=("DE", "FR"))
    assert (result.size, result.findings, result.balanced) == (53, [], True)


def test_check_governments_over_forty_percent():
    result = check(balanced_roster(n_gov=30), hosts=("DE",))
    assert result.findings[0].code == "government_share"
    assert result.findings[0].detail == {"count": 30, "size": 63, "limit": 40}


def test_check_unequal_groups_counts_academia_with_technical():
    seats = balanced_roster(per_group=10)
    seats += [Seat(key="x", stakeholder_group="academia", regional_group="weog",
                   gender="female", country="KE")]
    assert "groups_unequal" not in codes(check(seats))
    seats += [Seat(key=f"cs{i}", stakeholder_group="civil_society", regional_group=r,
                   gender=g, country="KE") for i, (r, g) in enumerate(
                       [("african", "male"), ("eeg", "female"), ("weog", "male")])]
    finding = check(seats).findings[0]
    assert (finding.code, finding.detail["counts"]) == (
        "groups_unequal", {"civil_society": 13, "private_sector": 10, "technical": 11})


def test_check_regional_balance_names_the_regions_out_of_range():
    seats = [Seat(key=str(i), stakeholder_group="civil_society",
                  regional_group="african" if i < 10 else REGIONS[i % 4 + 1],
                  gender="female" if i % 2 else "male") for i in range(20)]
    finding = next(f for f in check(seats).findings if f.code == "regions_unbalanced")
    assert (finding.detail["over"], finding.detail["under"]) == (
        ["african"], ["asia_pacific", "eeg"])


def test_check_gender_parity_and_missing_host_and_fourth_term():
    seats = [Seat(key=str(i), stakeholder_group="civil_society", regional_group=REGIONS[i % 5],
                  gender="male", country="KE", term=4 if i == 3 else 1) for i in range(10)]
    result = check(seats, hosts=("DE",))
    assert codes(result) == ["groups_unequal", "gender_parity", "host_missing", "term_limit"]
    assert result.findings[3].detail == {"keys": ["3"], "max": 3}


def test_rotation_share_is_the_share_leaving():
    assert rotation_share(36, 18) == 1 / 3
    assert rotation_share(0, 0) == 0.0


@given(st.lists(st.tuples(st.sampled_from(["government", "civil_society", "private_sector",
                                           "technical", "academia", "igo"]),
                          st.sampled_from(REGIONS + ["igo"]),
                          st.sampled_from(["female", "male", "undisclosed"]),
                          st.integers(1, 5)), max_size=70))
def test_check_counts_every_seat_and_flags_only_real_breaches(rows):
    seats = [Seat(key=str(i), stakeholder_group=g, regional_group=r, gender=s, term=t)
             for i, (g, r, s, t) in enumerate(rows)]
    result = check(seats)
    assert result.size == len(seats) == sum(result.by_group.values())
    governments = sum(1 for s in seats if s.stakeholder_group == "government")
    assert ("government_share" in codes(result)) == (governments > 0.4 * len(seats))
    assert ("term_limit" in codes(result)) == any(s.term > 3 for s in seats)
