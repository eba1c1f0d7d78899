"""`governance share BYLAW --amount 250000 [--participants a,b] [--year 2025] [--population FILE]`."""
from __future__ import annotations

import json

from ..lang import DEFAULT_LANG, LANGS, MONTH_NAMES, grouped
from .common import fail, load_or_report, shown_bylaw, year_arg


def register(sub) -> None:
    p = sub.add_parser("share", help="split a cost by population, or compute per-inhabitant fees")
    p.add_argument("bylaw", metavar="BYLAW", help="a bylaw file or shipped id")
    p.add_argument("--amount", metavar="SEK", help="the cost to split by population (whole öre at most)")
    p.add_argument("--fee", metavar="SEK", help="fee per inhabitant, when the bylaw names none")
    p.add_argument("--participants", metavar="IDS", help="comma-separated member ids (default: every municipality)")
    p.add_argument("--year", type=year_arg, help="take the figures at the agreement's reference date in this year")
    p.add_argument("--population", metavar="FILE", help="a population CSV (ours or an SCB export)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG,
                   help="the text's language: sv (default) or en; member ids and JSON keys stay")
    p.set_defaults(run=run)


def _money(value, lang: str = "en") -> str:
    # Öre, or as many decimals as a fee per inhabitant has (12.505 shown as 12.50 was not the fee applied).
    places = max(2, -value.normalize().as_tuple().exponent) if hasattr(value, "normalize") else 2
    said = f"{value:,.{places}f}".replace(",", " ")
    return said.replace(".", ",") if lang == "sv" else said  # Swedish: 250 000,00


WORDS = {
    "en": {"split": "{id}: {total} SEK split by population among {n} participants",
           "fee": "{id}: fee {fee} SEK per inhabitant and year, {n} members, total {total} SEK",
           "rule": "rule", "reference": "reference date", "mixed": "mixed (see warning)", "asked": "asked",
           "member": "member", "code": "code", "population": "population", "as of": "as of", "sek": "SEK",
           "total": "total", "note": "note", "warning": "warning"},
    "sv": {"split": "{id}: {total} kr fördelat efter folkmängd på {n} deltagare",
           "fee": "{id}: avgift {fee} kr per invånare och år, {n} medlemmar, totalt {total} kr",
           "rule": "regel", "reference": "referensdag", "mixed": "olika (se varningen)", "asked": "efterfrågad",
           "member": "medlem", "code": "kod", "population": "folkmängd", "as of": "per dag", "sek": "kr",
           "total": "summa", "note": "obs", "warning": "varning"},
}

# money/share's reasons, notes and warnings in Swedish: (pattern of the English, the Swedish). What is not
# here (SCB's download instructions) stays as the library words it.
_SV = (
    (r"the amount to share must not be negative", "beloppet att fördela får inte vara negativt"),
    (r"the fee must not be negative", "avgiften får inte vara negativ"),
    (r"nobody to share the cost with", "det finns ingen att fördela kostnaden på"),
    (r"'(?P<a>.*)' is not an amount", "'{a}' är inget belopp"),
    (r"the amount '(?P<a>.*)' can be read two ways: write (?P<b>\S+) \(thousands\) or (?P<decimal>\S+) \(a decimal\)",
     "beloppet '{a}' kan läsas på två sätt: skriv {b} (tusental) eller {decimal} (decimaltal)"),
    (r"the fee '(?P<a>.*)' can be read two ways: write (?P<b>\S+) \(thousands\) or (?P<decimal>\S+) \(a decimal\)",
     "avgiften '{a}' kan läsas på två sätt: skriv {b} (tusental) eller {decimal} (decimaltal)"),
    (r"the amount (?P<a>\S+) is larger than any budget \(at most (?P<b>[\d,]+) SEK\)",
     "beloppet {a} är större än någon budget (högst {b} kr)"),
    (r"the fee (?P<a>\S+) is larger than any budget \(at most (?P<b>[\d,]+) SEK\)",
     "avgiften {a} är större än någon budget (högst {b} kr)"),
    (r"(?P<a>\S+) is not a whole number of öre", "{a} är inte ett helt antal öre"),
    (r"left out \(not a municipality, no population\): (?P<a>.+)", "utanför (inte en kommun, ingen folkmängd): {a}"),
    (r"not a member of (?P<a>\S+): (?P<b>.+) \(members: (?P<c>.+)\)", "inte medlem i {a}: {b} (medlemmar: {c})"),
    (r"no population for (?P<a>.+): a split by population is among municipalities",
     "ingen folkmängd för {a}: en fördelning efter folkmängd görs mellan kommuner"),
    (r"no SCB code for (?P<a>.+): add it to the member line", "ingen SCB-kod för {a}: lägg till den på medlemsraden"),
    (r"no population figure in (?P<a>\S+) for (?P<b>[^;]+); (?P<hint>.+)", "ingen folkmängd i {a} för {b}; {hint}"),
    (r"no common reference date for all participants; figures of different dates used: (?P<a>.+)",
     "ingen gemensam referensdag för alla deltagare; siffror från olika dagar används: {a}"),
    (r"give an amount to split or a fee per inhabitant, not both",
     "ange ett belopp att fördela eller en avgift per invånare, inte båda"),
    (r"(?P<a>\S+) sets no fee per inhabitant; give an amount to split, or the fee",
     "{a} anger ingen avgift per invånare; ange ett belopp att fördela, eller avgiften"),
    (r"(?P<a>\S+) charges a fee per inhabitant but does not say how much; give the fee",
     "{a} tar ut en avgift per invånare men anger inte hur stor; ange avgiften"),
    (r"(?P<a>\S+) does not say costs are shared by population \(its cost rules: (?P<b>.+)\)",
     "{a} säger inte att kostnader fördelas efter folkmängd (dess kostnadsregler: {b})"),
    (r"(?P<a>\S+ \(\d+\)) has population (?P<b>-?\d+); it must be positive",
     "{a} har folkmängden {b}; den måste vara större än noll"),
    (r"the agreement names figures per (?P<month>[a-z]+) (?P<d>\d+); the figures at hand are per (?P<b>.+)",
     "avtalet anger siffror per den {d} {month}; siffrorna som finns är per {b}"),
    (r"figures per (?P<a>.+) used for (?P<b>\d+)", "siffror per {a} används för {b}"),
    (r"fee (?P<a>\S+) SEK given; the bylaw says (?P<b>\S+) SEK", "avgiften {a} kr är angiven; avtalet säger {b} kr"),
)


def _month_sv(name: str) -> str | None:
    """A month's Swedish name, from the English the library writes in lower case ("march" → "mars")."""
    english = [m.lower() for m in MONTH_NAMES["en"]]
    return MONTH_NAMES["sv"][english.index(name)] if name in english else None


def _said(message: str, lang: str) -> str:
    """A message of money/share in `lang` (the English where the Swedish is not known)."""
    if lang != "sv":
        return message
    from ..lang import by_pattern
    from ..money.swedish import POPULATION, swedish_hint
    from ..os_words import swedish_reason
    return by_pattern(_SV + POPULATION, message, {"month": _month_sv, "hint": swedish_hint, "e": swedish_reason,
                                                "decimal": lambda number: number.replace(".", ",")}) or message


def run(args) -> int:
    from ..money.share import ShareError, share  # imported on use: `governance --help` stays light
    bylaw = load_or_report(args.bylaw, args.lang)
    if bylaw is None:
        return 2
    participants = [p.strip() for p in args.participants.split(",") if p.strip()] if args.participants else None
    try:
        split = share(bylaw, args.amount, participants, args.population, args.year, args.fee)
    except ShareError as exc:
        return fail(_said(str(exc), args.lang), args.lang)
    if args.format == "json":
        print(json.dumps(split.to_json(), ensure_ascii=False, indent=2))
        return 0
    w, lang, n = WORDS[args.lang], args.lang, len(split.shares)
    if split.mode == "population":
        print(w["split"].format(id=bylaw.id, total=_money(split.total, lang), n=n))
    else:
        print(w["fee"].format(id=bylaw.id, fee=_money(split.fee, lang), n=n, total=_money(split.total, lang)))
    if split.rule is not None:
        print(f"{w['rule']}: {shown_bylaw(bylaw.path)}:{split.rule.span.line}")
    print(f"{w['reference']}: {split.reference_date or w['mixed']}"
          + (f" ({w['asked']}: {split.asked_date})" if split.asked_date else ""))
    # Columns as wide as their widest cell, headings included.
    width = max([len(w["member"]), len(w["total"])] + [len(s.member) for s in split.shares])
    print(f"  {w['member']:<{width}}  {w['code']:<4}  {w['population']:>10}  {w['as of']:<10}  {w['sek']:>14}")
    for s in split.shares:
        print(f"  {s.member:<{width}}  {s.code}  {grouped(s.population):>10}  {str(s.reference_date or ''):<10}  "
              f"{_money(s.amount, lang):>14}")
    population = grouped(sum(s.population for s in split.shares))
    print(f"  {w['total']:<{width}}  {'':<4}  {population:>10}  {'':<10}  {_money(split.total, lang):>14}")
    for note in split.notes:
        print(f"{w['note']}: {_said(note, lang)}")
    for warning in split.warnings:
        print(f"{w['warning']}: {_said(warning, lang)}")
    return 0
