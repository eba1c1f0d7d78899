"""argparse's refusals in Swedish (issue 16: Swedish by default, `--lang en` for English).

argparse words its errors in English (through gettext, which would need a process-wide catalogue); the
command line's parser says them again here, pattern by pattern, when the run is in Swedish. Imported only
when a command line is refused, so `governance --help` and every command start no slower.
"""
from __future__ import annotations

import re

_ERRORS = (
    (r"the following arguments are required: (?P<a>.+)", "dessa argument saknas: {a}"),
    (r"argument (?P<a>\S+): invalid choice: (?P<b>.+) \(choose from (?P<c>.+)\)", "argument {a}: ogiltigt val {b} (välj bland {c})"),
    (r"unrecognized arguments: (?P<a>.+)", "okända argument: {a}"),
    (r"argument (?P<a>\S+): expected one argument", "argument {a}: ett värde saknas"),
    (r"argument (?P<a>\S+): expected at least one argument", "argument {a}: minst ett värde saknas"),
    (r"argument (?P<a>\S+): expected (?P<b>\d+) arguments", "argument {a}: {b} värden väntades"),
    (r"argument (?P<a>\S+): invalid \w+ value: (?P<b>.+)", "argument {a}: ogiltigt värde {b}"),
    (r"argument (?P<a>\S+): not allowed with argument (?P<b>.+)", "argument {a}: går inte att ge tillsammans med {b}"),
    (r"one of the arguments (?P<a>.+) is required", "ett av argumenten {a} krävs"),
    (r"ambiguous option: (?P<a>\S+) could match (?P<b>.+)", "tvetydigt argument: {a} kan betyda {b}"),
    # the commands' own argument types (commands.common.year_arg, day_arg)
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a year such as 2025", "argument {a}: '{b}' är inget år som 2025"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a date \(YYYY-MM-DD\)", "argument {a}: '{b}' är inget datum (ÅÅÅÅ-MM-DD)"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a time of day such as (?P<c>\S+)",
     "argument {a}: '{b}' är ingen tid på dagen som {c}"),
    (r"argument (?P<a>\S+): '(?P<b>.*)' is not a number of minutes between (?P<c>\d+) and (?P<d>\d+)",
     "argument {a}: '{b}' är inget antal minuter mellan {c} och {d}"),
)


def swedish(message: str) -> str:
    """argparse's English error in Swedish; as it is where no pattern knows it."""
    for pattern, template in _ERRORS:
        m = re.fullmatch(pattern, message)
        if m:
            return template.format(**m.groupdict())
    m = re.fullmatch(r"argument (?P<a>\S+): (?P<b>.+)", message)  # a type's own message: the calendar catalogue
    if m:
        from ..calendar.swedish import swedish as calendar_swedish
        said = calendar_swedish(m["b"])
        if said:
            return f"argument {m['a']}: {said}"
    return message
