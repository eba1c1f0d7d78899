"""Versions linked by `amends … from DATE`: the chain and the version in force on a day."""
from __future__ import annotations

from datetime import date

import pytest

import governance
from governance.time.versions import (VersionError, load_versions, periods, successor, version_chain,
                                 version_in_force)


def v(ident: str, header: str = "") -> governance.Bylaw:
    return governance.parse(f'bylaw {ident} "{ident}"\n{header}member a "A" municipality 1280\n')


OLD = v("old", "  valid until further notice\n")
MID = v("mid", "  amends old from 2022-01-01\n")
NEW = v("new", "  signed 2023-05-05\n  amends mid from 2024-03-28\n")


def test_chain_is_ordered_whatever_the_input_order():
    assert [b.id for b in version_chain([NEW, OLD, MID])] == ["old", "mid", "new"]


def test_version_in_force():
    chain = [NEW, MID, OLD]
    assert version_in_force(chain, date(2000, 1, 1)).id == "old"  # undated first version: always
    assert version_in_force(chain, date(2021, 12, 31)).id == "old"
    assert version_in_force(chain, date(2022, 1, 1)).id == "mid"
    assert version_in_force(chain, date(2024, 3, 27)).id == "mid"
    assert version_in_force(chain, date(2024, 3, 28)).id == "new"  # `amends … from` beats `signed`


def test_dated_first_version_is_not_in_force_before_its_date():
    first = v("first", "  signed 2020-01-01\n")
    assert version_in_force([first], date(2019, 12, 31)) is None
    assert version_in_force([first], date(2020, 1, 1)) is first


def test_periods():
    got = [(b.id, s, e) for b, s, e in periods([OLD, MID, NEW])]
    assert got == [("old", None, date(2021, 12, 31)), ("mid", date(2022, 1, 1), date(2024, 3, 27)),
                   ("new", date(2024, 3, 28), None)]


def test_not_a_chain():
    with pytest.raises(VersionError, match="not one chain"):
        version_chain([OLD, v("other")])
    with pytest.raises(VersionError, match="more than one version"):
        version_chain([OLD, MID, v("fork", "  amends old from 2023-01-01\n")])
    with pytest.raises(VersionError, match="no date of effect"):
        version_chain([OLD, v("undated", "  amends old\n")])
    with pytest.raises(VersionError, match="before the version it amends"):
        version_chain([MID, v("early", "  amends mid from 2021-01-01\n")])
    assert version_chain([]) == ()


def test_shipped_chain_halmstad_region_to_laholmsbukten():
    chain = load_versions("laholmsbukten")
    assert [b.id for b in chain] == ["halmstad-region-2020", "laholmsbukten"]
    assert [b.id for b in load_versions("halmstad-region-2020")] == ["halmstad-region-2020", "laholmsbukten"]
    assert version_in_force(chain, date(2023, 6, 1)).id == "halmstad-region-2020"
    assert version_in_force(chain, date(2024, 3, 28)).id == "laholmsbukten"


def test_successor():
    assert successor(OLD, [MID, NEW]).id == "mid"
    assert successor(MID, [NEW, OLD, MID]).id == "new"  # the bylaw itself may be among them
    assert successor(NEW, [OLD, MID]) is None
    assert successor(OLD, []) is None
    with pytest.raises(VersionError):
        successor(OLD, [v("other")])
