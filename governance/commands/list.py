"""`governance list [--format text|json] [--lang sv|en]`: the shipped bylaws, each with its legal form, its
members and its version (what the header says: version, status, signed, in force from, amends), newest
version of each agreement marked, so that a user knows which id to give `check` and `serve`."""
from __future__ import annotations

import json
import sys

WORDS = {
    "sv": {"form": "form", "members": "medlemmar", "version": "version", "status": "status", "signed": "undertecknad",
           "from": "gäller från", "amends": "ersätter", "superseded": "ersatt av", "newest": "senaste versionen",
           "none": "—", "forms": {"kommunalforbund": "kommunalförbund", "gemensam-namnd": "gemensam nämnd",
                                   "avtalssamverkan": "avtalssamverkan", "informal": "informell samverkan"},
           "unstated": " (ej angiven i avtalet)", "statuses": {"draft": "utkast", "adopted": "antagen"}},
    "en": {"form": "form", "members": "members", "version": "version", "status": "status", "signed": "signed",
           "from": "in force from", "amends": "amends", "superseded": "superseded by", "newest": "newest version",
           "none": "—", "forms": {"kommunalforbund": "municipal federation (kommunalförbund)",
                                   "gemensam-namnd": "joint committee (gemensam nämnd)",
                                   "avtalssamverkan": "contractual collaboration (avtalssamverkan)",
                                   "informal": "informal collaboration"},
           "unstated": " (not stated in the agreement)", "statuses": {}},
}


def register(sub) -> None:
    p = sub.add_parser("list", help="the shipped bylaws: legal form, members and version of each")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=tuple(WORDS), default="sv", help="sv (default) or en")
    p.set_defaults(run=run)


def entries() -> list[dict]:
    """One entry per shipped bylaw, by id: what the JSON prints."""
    from ..loader import load, shipped_ids

    bylaws = [load(i) for i in shipped_ids()]
    superseded = {b.amends: b.id for b in bylaws if b.amends}
    out = []
    for b in bylaws:
        version = b.header_item("version")
        status = b.header_item("status")
        out.append({
            "id": b.id, "title": b.title, "form": b.form.kind, "form_stated": b.form_stated,
            "members": [{"id": m.id, "name": m.name} for m in b.members],
            "version": str(version.value[0]) if version and version.value else None,
            "status": str(status.value[0]) if status and status.value else None,
            "signed": b.signed.isoformat() if b.signed else None,
            "effective_from": b.effective_from.isoformat() if b.effective_from else None,
            "amends": b.amends, "superseded_by": superseded.get(b.id),
        })
    return out


def run(args) -> int:
    listed = entries()
    if args.format == "json":
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    w = WORDS[args.lang]
    blocks = []
    for e in listed:
        lines = [f"{e['id']}  {e['title']}",
                 f"  {w['form']}: {w['forms'][e['form']]}{'' if e['form_stated'] else w['unstated']}",
                 f"  {w['members']} ({len(e['members'])}): {', '.join(m['name'] for m in e['members']) or w['none']}"]
        facts = [f"“{e['version']}”"] if e["version"] else []
        if e["status"]:
            facts.append(f"{w['status']} {w['statuses'].get(e['status'], e['status'])}")
        facts += [f"{w[key]} {e[field]}" for key, field in (("signed", "signed"), ("from", "effective_from"),
                                                            ("amends", "amends")) if e[field]]
        facts.append(f"{w['superseded']} {e['superseded_by']}" if e["superseded_by"] else w["newest"])
        lines.append(f"  {w['version']}: {'; '.join(facts)}")
        blocks.append("\n".join(lines))
    sys.stdout.write("\n\n".join(blocks) + "\n")
    return 0
