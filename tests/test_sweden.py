"""Sweden's public holidays, worked out from the statute, against the `holidays` package as the oracle."""
from __future__ import annotations

from datetime import date

import holidays
import pytest

from governance.time.sweden import FIRST_YEAR, public_holidays

YEARS = range(FIRST_YEAR, 2101)


@pytest.mark.parametrize("lang, package_lang", [("sv", "sv"), ("en", "en_US")])
def test_every_year_agrees_with_the_holidays_package(lang, package_lang):
    oracle = holidays.country_holidays("SE", years=YEARS, include_sundays=False, language=package_lang)
    ours = public_holidays(YEARS, lang)
    assert dict(ours) == {day: oracle[day] for day in oracle}


def test_years_before_the_act_are_the_packages_and_years_are_a_set():
    early = public_holidays([1950, 1950, 2025], "en")
    oracle = holidays.country_holidays("SE", years=[1950], include_sundays=False, language="en_US")
    assert {d: n for d, n in early.items() if d.year == 1950} == {d: oracle[d] for d in oracle}
    assert early[date(2025, 6, 6)] == "National Day"
    assert public_holidays([2004], "sv")[date(2004, 5, 31)] == "Annandag pingst"


@pytest.mark.parametrize("lang, package_lang", [("sv", "sv"), ("en", "en_US")])
def test_the_de_facto_holidays_agree_with_the_holidays_package(lang, package_lang):
    from governance.time.sweden import days_off, de_facto_holidays_of
    oracle = holidays.country_holidays("SE", years=YEARS, categories=("de_facto",), language=package_lang)
    ours = {day: name(lang) for year in YEARS for day, name in de_facto_holidays_of(year)}
    assert ours == {day: oracle[day] for day in oracle}
    off = days_off([2026], lang)
    assert {date(2026, 6, 19), date(2026, 12, 24), date(2026, 12, 31), date(2026, 12, 25)} <= set(off)
    assert off[date(2026, 12, 24)] == ("Julafton" if lang == "sv" else "Christmas Eve")
