#!/usr/bin/env python3
"""Regenerate crates/nutgraf/data/holidays/lunar.tsv: the dates of holidays of the
Chinese, Hebrew, Islamic, Hindu and Buddhist calendars, year by year.

    python3 scripts/build_lunar_holidays.py

These holidays follow the moon, so no rule of the Gregorian calendar gives them; the
time stage reads their dates from this table. The script makes its own throwaway
virtual environment (`.gaz-venv/`, git-ignored), installs the pinned `holidays`
package (MIT; its calendars ship astronomical and Umm al-Qura tables) and re-runs
itself there.

Output: one line a holiday, `key<TAB>dates`, the dates in order separated by spaces,
each the ISO first day, followed by `+N` when the holiday lasts N > 1 days
(`2018-12-03+8`). Hebrew holidays are given from their first full day (they begin at
sundown the evening before). A Gregorian year can hold an Islamic holiday twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "nutgraf" / "data" / "holidays" / "lunar.tsv"
VENV = ROOT / ".gaz-venv"
PACKAGES = ["holidays==0.109"]
FIRST_YEAR, LAST_YEAR = 1901, 2100


def in_venv() -> None:
    """Re-run this script inside the throwaway virtual environment."""
    if os.environ.get("NUTGRAF_LUNAR_VENV") == "1":
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True)
    env = dict(os.environ, NUTGRAF_LUNAR_VENV="1")
    sys.exit(subprocess.run([str(python), __file__], env=env, check=False).returncode)


def main() -> None:
    in_venv()
    from holidays.calendars import (  # noqa: PLC0415 (only inside the venv)
        _BuddhistLunisolar,
        _ChineseLunisolar,
        _HebrewLunisolar,
        _HinduLunisolar,
        _IslamicLunar,
    )

    chinese, hebrew, hindu, islamic = (
        _ChineseLunisolar(),
        _HebrewLunisolar(),
        _HinduLunisolar(),
        _IslamicLunar(),
    )
    buddhist = _BuddhistLunisolar()

    def one(getter):
        """A calendar method giving `(date, estimated)`, a date or a set of dates."""

        def dates(year: int):
            got = getter(year)
            if got is None:
                return []
            if isinstance(got, (set, frozenset, list)):
                return sorted(d for d in got if d is not None and d.year == year)
            day = got[0] if isinstance(got, tuple) else got
            return [day] if day is not None and day.year == year else []

        return dates

    def many(getter):
        """An Islamic calendar method: dates of the Hijri years around `year`."""

        def dates(year: int):
            return sorted(d for d, _ in getter(year) if d.year == year)

        return dates

    # key -> (dates of a Gregorian year, days the holiday lasts)
    table = {
        "chinese_new_year": (one(chinese.lunar_new_year_date), 1),
        "lantern_festival": (one(lambda y: _shift(chinese.lunar_new_year_date(y), 14)), 1),
        "dragon_boat_festival": (one(chinese.dragon_boat_date), 1),
        "mid_autumn_festival": (one(chinese.mid_autumn_date), 1),
        "double_ninth_festival": (one(chinese.double_ninth_date), 1),
        "qingming_festival": (one(chinese.qingming_date), 1),
        "rosh_hashanah": (one(hebrew.rosh_hashanah_date), 2),
        "yom_kippur": (one(hebrew.yom_kippur_date), 1),
        "sukkot": (one(hebrew.sukkot_date), 7),
        "shemini_atzeret": (one(lambda y: _shift(hebrew.sukkot_date(y), 7)), 1),
        "simchat_torah": (one(lambda y: _shift(hebrew.sukkot_date(y), 8)), 1),
        "hanukkah": (one(hebrew.hanukkah_date), 8),
        "purim": (one(hebrew.purim_date), 1),
        "passover": (one(hebrew.passover_date), 8),
        "shavuot": (one(hebrew.shavuot_date), 2),
        "tisha_bav": (one(hebrew.tisha_bav_date), 1),
        "lag_baomer": (one(hebrew.lag_baomer_date), 1),
        "ramadan": (many(islamic.ramadan_beginning_dates), 0),  # days: until Eid al-Fitr
        "eid_al_fitr": (many(islamic.eid_al_fitr_dates), 1),
        "eid_al_adha": (many(islamic.eid_al_adha_dates), 1),
        "islamic_new_year": (many(islamic.hijri_new_year_dates), 1),
        "ashura": (many(islamic.ashura_dates), 1),
        "mawlid": (many(islamic.mawlid_dates), 1),
        "isra_and_miraj": (many(islamic.isra_and_miraj_dates), 1),
        "laylat_al_qadr": (many(islamic.laylat_al_qadr_dates), 1),
        "jumuatul_wida": (many(islamic.jumuatul_wida_dates), 1),
        "diwali": (one(hindu.diwali_india_date), 1),
        "holi": (one(hindu.holi_date), 1),
        "dussehra": (one(hindu.dussehra_date), 1),
        "navaratri": (one(hindu.sharad_navratri_date), 9),
        "janmashtami": (one(hindu.janmashtami_date), 1),
        "ganesh_chaturthi": (one(hindu.ganesh_chaturthi_date), 1),
        "raksha_bandhan": (one(hindu.raksha_bandhan_date), 1),
        "maha_shivaratri": (one(hindu.maha_shivaratri_date), 1),
        "ram_navami": (one(hindu.ram_navami_date), 1),
        "mahavir_jayanti": (one(hindu.mahavir_jayanti_date), 1),
        "chhath_puja": (one(hindu.chhath_puja_date), 1),
        "karva_chauth": (one(hindu.karwa_chauth_date), 1),
        "pongal": (one(hindu.pongal_date), 1),
        "onam": (one(hindu.onam_date), 1),
        "vaisakhi": (one(hindu.vaisakhi_date), 1),
        "vasant_panchami": (one(hindu.basant_panchami_date), 1),
        "naraka_chaturdashi": (one(hindu.naraka_chaturdashi_date), 1),
        "guru_nanak_jayanti": (one(hindu.guru_nanak_jayanti_date), 1),
        "valmiki_jayanti": (one(hindu.maharshi_valmiki_jayanti_date), 1),
        "dayananda_saraswati_jayanti": (one(hindu.swami_dayanand_saraswati_jayanti_date), 1),
        "makar_sankranti": (one(hindu.makar_sankranti_date), 1),
        "vesak": (one(buddhist.vesak_date), 1),
    }
    fitr = many(islamic.eid_al_fitr_dates)
    lines = []
    for key, (dates, days) in table.items():
        entries = []
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            try:
                found = dates(year)
            except (KeyError, ValueError, TypeError, AttributeError):
                found = []
            for day in found:
                n = days
                if key == "ramadan":
                    ends = [d for d in fitr(year) + fitr(year + 1) if d > day]
                    if not ends:
                        continue
                    n = (ends[0] - day).days
                entries.append(day.isoformat() + (f"+{n}" if n > 1 else ""))
        lines.append(f"{key}\t{' '.join(entries)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = "# key<TAB>first days (+N: lasts N days); generated by scripts/build_lunar_holidays.py\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} holidays to {OUT.relative_to(ROOT)}")


def _shift(got, days: int):
    """A `(date, estimated)` pair or a date moved by `days`."""
    import datetime  # noqa: PLC0415

    if got is None:
        return None
    day = got[0] if isinstance(got, tuple) else got
    return None if day is None else day + datetime.timedelta(days=days)


if __name__ == "__main__":
    main()
