"""Loading the shipped municipality list (see data/README.md for its source and licence)."""

import csv
from pathlib import Path

from django.utils.text import slugify

DATA = Path(__file__).resolve().parent / "data" / "municipalities.csv"
PROVINCE_NAMES_EN = {
    "Antwerpen": "Antwerp",
    "Limburg": "Limburg",
    "Oost-Vlaanderen": "East Flanders",
    "Vlaams-Brabant": "Flemish Brabant",
    "West-Vlaanderen": "West Flanders",
    "Brussels Hoofdstedelijk Gewest": "Brussels-Capital Region",
}


def load_municipalities(Province, Municipality, Postcode) -> int:
    """Create or update provinces, municipalities and postcodes from the CSV; returns the count."""
    with DATA.open(newline="") as f:
        rows = list(csv.DictReader(f))
    provinces = {}
    for row in rows:
        code = row["province_nis_code"]
        if code not in provinces:
            provinces[code], _ = Province.objects.update_or_create(
                nis_code=code,
                defaults={
                    "name": row["province_name"],
                    "name_en": PROVINCE_NAMES_EN.get(row["province_name"], ""),
                    "slug": slugify(row["province_name"]),
                },
            )
        municipality, _ = Municipality.objects.update_or_create(
            nis_code=row["nis_code"],
            defaults={"name": row["name_nl"], "name_fr": row["name_fr"], "province": provinces[code]},
        )
        for code_ in row["postcodes"].split():
            Postcode.objects.get_or_create(code=code_, municipality=municipality)
    return len(rows)
