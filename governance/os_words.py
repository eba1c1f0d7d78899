"""Why the operating system refused a file, in the user's language (issue 16: no English in a Swedish report).

Python's `OSError.strerror` is the C library's English ("No such file or directory"); messages keep it as it
is (the English report, the JSON API) and this says it in Swedish, keyed by errno, or by that English text
where only the text is left (a calendar reader's message is built once, in English: calendar/swedish.py).
"""
from __future__ import annotations

import errno
import os

from .lang import DEFAULT_LANG, Lang

# Plain words a secretary reads, not the C library's: what is wrong and, where it helps, what to do.
_SV = {
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EACCES: "du har inte behörighet till filen",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.EISDIR: "det är en mapp, inte en fil",
    errno.ENOTDIR: "en del av sökvägen är ingen mapp",
    errno.ENAMETOOLONG: "filnamnet är för långt",
    errno.ELOOP: "för många genvägar (symboliska länkar) i rad",
    errno.EIO: "läs- eller skrivfel på disken",
    errno.ENOSPC: "disken är full",
    errno.EROFS: "disken är skrivskyddad",
    errno.EEXIST: "filen finns redan",
    errno.EDQUOT: "ditt diskutrymme är slut",
    errno.EMFILE: "för många öppna filer",
    errno.ENFILE: "för många öppna filer i systemet",
    errno.EFBIG: "filen är för stor",
    errno.EBUSY: "filen eller enheten används",
    errno.ETXTBSY: "filen används",
    errno.EADDRINUSE: "adressen används redan (körs servern redan?)",
    errno.EADDRNOTAVAIL: "adressen finns inte på den här datorn",
    errno.ENXIO: "enheten finns inte",
    errno.ENODEV: "enheten finns inte",
    errno.ESTALE: "filen finns inte längre på nätverksdisken",
    errno.EINVAL: "ogiltigt värde",
    errno.EXDEV: "filen kan inte flyttas mellan två diskar",
    errno.ENOMEM: "minnet räcker inte",
}
# The same keyed by the C library's English, for a message that kept only the text (strerror is the "C" locale's:
# Python sets no LC_MESSAGES).
_BY_TEXT = {os.strerror(code): sv for code, sv in _SV.items()}


def swedish_reason(strerror: str) -> str | None:
    """The Swedish for an `OSError.strerror` text ("Permission denied"), None if it is not known."""
    return _BY_TEXT.get(strerror)


def reason(exc: OSError, lang: Lang = DEFAULT_LANG) -> str:
    """Why `exc` happened, in `lang`: the system's English words, or their Swedish (the English where no
    Swedish is known: an errno this table lacks)."""
    english = exc.strerror or str(exc)
    if lang == "en":
        return english
    return _SV.get(exc.errno or 0) or swedish_reason(english) or english
