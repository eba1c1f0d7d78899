"""`governance list [--format text|json] [--lang sv|en]`: the bylaws shipped with governance — id, title,
legal form, version and validity, members and bodies — so that a user knows which ids `check`, `plan` and
the others take. Exit 0; 2 when a shipped bylaw cannot be read (a broken install)."""
from __future__ import annotations

import json
import sys
import textwrap

from ..lang import DEFAULT_LANG, LANGS
from .common import load_or_report, shown_bylaw

WIDTH = 100
FORMS = {
    "sv": {"kommunalforbund": "kommunalförbund", "gemensam-namnd": "gemensam nämnd",
           "avtalssamverkan": "avtalssamverkan", "informal": "informell samverkan"},
    "en": {"kommunalforbund": "local government federation (kommunalförbund)",
           "gemensam-namnd": "joint committee (gemensam nämnd)",
           "avtalssamverkan": "contractual collaboration (avtalssamverkan)", "informal": "informal collaboration"},
}
STATUS = {"sv": {"draft": "utkast", "adopted": "antagen"}, "en": {"draft": "draft", "adopted": "adopted"}}
WORDS = {
    "sv": {"head": "{n} avtal följer med governance (ange id:t till check, plan, render …):",
           "form": "form", "version": "version", "valid": "giltighet", "members": "medlemmar", "bodies": "organ",
           "not-stated": "avtalet anger ingen form", "status": "status", "signed": "undertecknat {d}",
           "in": " i {place}", "amends": "ändrar {id} från {d}", "amends-undated": "ändrar {id}",
           "superseded": "ersatt av {id} från {d}", "no-version": "ingen versionsuppgift",
           "from": "från {d}", "unknown-start": "startdag okänd", "until": "till och med {d}",
           "further": "tills vidare", "no-valid": "anges inte", "office": "kansli",
           "effective": "gäller från {d}", "none": "inga"},
    "en": {"head": "{n} bylaws ship with governance (give the id to check, plan, render …):",
           "form": "form", "version": "version", "valid": "validity", "members": "members", "bodies": "bodies",
           "not-stated": "the agreement states none", "status": "status", "signed": "signed {d}",
           "in": " in {place}", "amends": "amends {id} from {d}", "amends-undated": "amends {id}",
           "superseded": "superseded by {id} from {d}", "no-version": "no version stated",
           "from": "from {d}", "unknown-start": "start unknown", "until": "until {d} inclusive",
           "further": "until further notice", "no-valid": "not stated", "office": "office",
           "effective": "in effect from {d}", "none": "none"},
}


def register(sub) -> None:
    p = sub.add_parser("list", help="the shipped bylaws: id, title, legal form, version, validity, members")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="sv (default) or en; titles stay as written")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..catalogue import entries
    from ..loader import shipped_dir, shipped_ids

    bylaws = []
    for name in shipped_ids():
        bylaw = load_or_report(str(shipped_dir("bylaws") / f"{name}.bylaw"), args.lang)
        if bylaw is None:
            return 2
        bylaws.append(bylaw)
    listed = entries(bylaws, {b.id: shown_bylaw(b.path) for b in bylaws})
    if args.format == "json":
        out = {"bylaws": [e.to_json() for e in listed]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(render_text(listed, args.lang))
    return 0


def render_text(listed, lang: str) -> str:
    w = WORDS[lang]
    lines = [w["head"].format(n=len(listed))]
    label_width = max(len(w[k]) for k in ("form", "version", "valid", "members", "bodies")) + 2
    for e in listed:
        b = e.bylaw
        lines += ["", f"{b.id}  {b.title}", f"  {e.path}"]

        def row(label: str, text: str) -> None:
            head = f"  {w[label] + ':':<{label_width}}"
            lines.extend(textwrap.wrap(text, WIDTH, initial_indent=head, subsequent_indent=" " * len(head),
                                       break_on_hyphens=False, break_long_words=False))

        form = FORMS[lang][b.form.kind] + ("" if b.form_stated else f" ({w['not-stated']})")
        row("form", form)
        row("version", _version(e, w, lang))
        row("valid", _valid(e, w))
        row("members", f"{len(b.members)}: " + ", ".join(f"{m.name} ({m.id})" for m in b.members))
        bodies = [f"{body.name} ({body.id}{', ' + w['office'] if body.office else ''})" for body in b.bodies]
        row("bodies", f"{len(bodies)}: " + ", ".join(bodies) if bodies else w["none"])
    return "\n".join(lines) + "\n"


def _version(e, w, lang: str) -> str:
    from ..catalogue import header
    b = e.bylaw
    parts = []
    if header(b, "version"):
        parts.append(f"\"{header(b, 'version')}\"")
    status = header(b, "status")
    if status:
        parts.append(f"{w['status']} {STATUS[lang].get(status, status)}")
    signed = b.header_item("signed")
    if signed is not None:
        place = signed.value[1]
        parts.append(w["signed"].format(d=signed.value[0].isoformat()) + (w["in"].format(place=place) if place else ""))
    amends = b.header_item("amends")
    if amends is not None:
        key = "amends" if amends.value[1] else "amends-undated"
        parts.append(w[key].format(id=amends.value[0], d=amends.value[1].isoformat() if amends.value[1] else ""))
    if e.superseded_by is not None:
        nxt = e.superseded_by
        parts.append(w["superseded"].format(id=nxt.id, d=nxt.effective_from.isoformat() if nxt.effective_from else "?"))
    return "; ".join(parts) if parts else w["no-version"]


def _valid(e, w) -> str:
    valid = e.valid
    if valid is None:
        start = e.bylaw.effective_from
        return w["no-valid"] + (f" ({w['effective'].format(d=start.isoformat())})" if start else "")
    start, until = valid
    first = w["from"].format(d=start.isoformat()) if start else w["unknown-start"]
    last = w["until"].format(d=until.isoformat()) if until else w["further"]
    return f"{first}, {last}"
