//! Named holidays whose date follows from a rule: fixed days (Christmas), the
//! n-th weekday of a month (Thanksgiving, Memorial Day), days counted from
//! Easter (Good Friday, Pentecost; Western and Orthodox computus), and the US
//! Election Day. Holidays of lunar calendars (Chinese New Year, Rosh Hashanah,
//! Hanukkah, Ramadan, Eid al-Fitr, Diwali, Vesak...) come from a shipped table,
//! `data/holidays/lunar.tsv` (built by `scripts/build_lunar_holidays.py` from the
//! MIT-licensed `holidays` package: Chinese, Hebrew, Islamic and Buddhist holidays
//! 1901-2100 where the calendar is defined, Hindu holidays 2001-2035); a year
//! outside the table gives no value.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// Month and day.
    Fixed(i8, i8),
    /// The n-th weekday (Monday = 1) of a month; n = -1 is the last.
    Nth {
        month: i8,
        n: i8,
        weekday: i8,
        offset: i8,
    },
    /// A fixed day moved off a weekend: to the Saturday before when it falls on a
    /// Sunday (King's Day), or to the nearest weekday (Boss's Day).
    FixedShifted {
        month: i8,
        day: i8,
        sunday_back: bool,
    },
    /// Days after Western Easter Sunday (negative: before).
    Easter(i16),
    /// Days after Orthodox Easter Sunday.
    Orthodox(i16),
    /// A season of the church year: `days` days from `offset` days after Easter
    /// Sunday (Orthodox Easter when `orthodox`): Lent, Holy Week.
    EasterSeason {
        offset: i16,
        days: u8,
        orthodox: bool,
    },
    /// A holiday of a lunar calendar: the index of its row in [`LUNAR`].
    Lunar(u8),
}

/// One holiday of the lunar table: its key and its (first day, days) in order.
type LunarRow = (&'static str, Vec<(Date, u8)>);

/// The lunar holidays' table: `(key, [(first day, days it lasts)])` per holiday,
/// the days in order.
static LUNAR: LazyLock<Vec<LunarRow>> = LazyLock::new(|| {
    include_str!("../../data/holidays/lunar.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (key, days) = l.split_once('\t')?;
            let days = days
                .split(' ')
                .filter_map(|d| {
                    let (day, n) = d.split_once('+').unwrap_or((d, "1"));
                    Some((day.parse().ok()?, n.parse().ok()?))
                })
                .collect();
            Some((key, days))
        })
        .collect()
});

/// Names of the lunar holidays (lowercase, hyphens as spaces), by table key.
const LUNAR_NAMES: &[(&str, &[&str])] = &[
    (
        "chinese_new_year",
        &[
            "chinese new year",
            "lunar new year",
            "spring festival",
            "chinese lunar new year",
            "tet",
            "seollal",
        ],
    ),
    ("lantern_festival", &["lantern festival"]),
    (
        "dragon_boat_festival",
        &["dragon boat festival", "duanwu festival", "tuen ng"],
    ),
    (
        "mid_autumn_festival",
        &[
            "mid autumn festival",
            "moon festival",
            "chuseok",
            "mooncake festival",
        ],
    ),
    (
        "double_ninth_festival",
        &["double ninth festival", "chongyang festival"],
    ),
    (
        "qingming_festival",
        &[
            "qingming",
            "qingming festival",
            "tomb sweeping day",
            "ching ming festival",
        ],
    ),
    (
        "rosh_hashanah",
        &[
            "rosh hashanah",
            "rosh hashana",
            "rosh hashanna",
            "jewish new year",
        ],
    ),
    ("yom_kippur", &["yom kippur", "day of atonement"]),
    (
        "sukkot",
        &[
            "sukkot",
            "succot",
            "succos",
            "sukkos",
            "feast of tabernacles",
        ],
    ),
    ("shemini_atzeret", &["shemini atzeret", "shmini atzeret"]),
    ("simchat_torah", &["simchat torah", "simhat torah"]),
    (
        "hanukkah",
        &[
            "hanukkah",
            "chanukah",
            "hanukah",
            "channukah",
            "chanukkah",
            "hannukah",
        ],
    ),
    ("purim", &["purim"]),
    ("passover", &["passover", "pesach", "pesah"]),
    ("shavuot", &["shavuot", "shavuos", "feast of weeks"]),
    ("tisha_bav", &["tisha b'av", "tisha bav", "tisha beav"]),
    ("lag_baomer", &["lag baomer", "lag b'omer", "lag ba'omer"]),
    ("ramadan", &["ramadan", "ramadhan", "ramzan"]),
    (
        "eid_al_fitr",
        &[
            "eid al fitr",
            "eid ul fitr",
            "eid el fitr",
            "id ul fitr",
            "eid al fitri",
        ],
    ),
    (
        "eid_al_adha",
        &[
            "eid al adha",
            "eid ul adha",
            "eid el adha",
            "id ul adha",
            "bakr id",
            "bakrid",
            "bakri eid",
            "sacrifice feast",
            "feast of sacrifice",
            "feast of the sacrifice",
            "kurban bayram",
            "qurban bayram",
        ],
    ),
    (
        "islamic_new_year",
        &[
            "islamic new year",
            "hijri new year",
            "arabic new year",
            "muharram new year",
        ],
    ),
    ("ashura", &["ashura", "day of ashura"]),
    (
        "mawlid",
        &[
            "mawlid",
            "mawlid al nabi",
            "mawlid al nabawi",
            "milad un nabi",
            "prophet's birthday",
            "prophet birthday",
        ],
    ),
    (
        "isra_and_miraj",
        &[
            "isra and miraj",
            "isra and mi'raj",
            "isra' and mi'raj",
            "lailat al miraj",
            "prophet's ascension",
            "the prophet's ascension",
            "ascension to heaven",
        ],
    ),
    (
        "laylat_al_qadr",
        &[
            "laylat al qadr",
            "lailat al qadr",
            "night of power",
            "night of destiny",
            "night of measures",
        ],
    ),
    (
        "jumuatul_wida",
        &[
            "jumuatul wida",
            "jamat ul vida",
            "jumu'atul wida",
            "jummat ul wida",
        ],
    ),
    (
        "diwali",
        &[
            "diwali",
            "deepavali",
            "dipavali",
            "lakshmi puja",
            "laxmi puja",
        ],
    ),
    ("holi", &["holi", "dhulandi", "dhuleti", "rangwali holi"]),
    (
        "dussehra",
        &["dussehra", "dasara", "vijayadashami", "vijaya dashami"],
    ),
    (
        "navaratri",
        &["navaratri", "navratri", "sharad navratri", "durga puja"],
    ),
    (
        "janmashtami",
        &["janmashtami", "krishna janmashtami", "gokulashtami"],
    ),
    (
        "ganesh_chaturthi",
        &["ganesh chaturthi", "vinayaka chaturthi"],
    ),
    ("raksha_bandhan", &["raksha bandhan", "rakhi"]),
    (
        "maha_shivaratri",
        &[
            "maha shivaratri",
            "mahashivratri",
            "maha shivratri",
            "shivaratri",
        ],
    ),
    ("ram_navami", &["ram navami", "rama navami"]),
    (
        "mahavir_jayanti",
        &[
            "mahavir jayanti",
            "mahaveer jayanti",
            "mahaveer janma kalyanak",
        ],
    ),
    ("chhath_puja", &["chhath", "chhath puja", "dala puja"]),
    ("karva_chauth", &["karva chauth", "karwa chauth"]),
    ("pongal", &["pongal", "thai pongal"]),
    ("onam", &["onam", "thiru onam", "thiruvonam"]),
    ("vaisakhi", &["vaisakhi", "baisakhi"]),
    ("vasant_panchami", &["vasant panchami", "basant panchami"]),
    (
        "naraka_chaturdashi",
        &[
            "naraka chaturdashi",
            "choti diwali",
            "chhoti diwali",
            "kali chaudas",
        ],
    ),
    ("guru_nanak_jayanti", &["guru nanak jayanti", "gurpurab"]),
    (
        "valmiki_jayanti",
        &[
            "valmiki jayanti",
            "maharishi valmiki jayanti",
            "pargat diwas",
        ],
    ),
    (
        "dayananda_saraswati_jayanti",
        &["dayananda saraswati jayanti", "saraswati jayanti"],
    ),
    ("makar_sankranti", &["makar sankranti", "maghi"]),
    (
        "vesak",
        &[
            "vesak",
            "wesak",
            "buddha day",
            "buddha purnima",
            "buddha jayanti",
            "vaisakha",
        ],
    ),
];

/// Every name (lowercase words joined by single spaces, possessive `'s` and
/// dots dropped) with its rule.
static NAMES: LazyLock<crate::lexicon::LexMap<&'static str, Rule>> = LazyLock::new(|| {
    use Rule::{Easter, Fixed, Nth, Orthodox};
    let thanksgiving = Nth {
        month: 11,
        n: 4,
        weekday: 4,
        offset: 0,
    };
    let table: &[(&[&str], Rule)] = &[
        (
            &[
                "christmas",
                "christmas day",
                "xmas",
                "xmas day",
                "christmas day",
            ],
            Fixed(12, 25),
        ),
        (&["christmas eve", "xmas eve"], Fixed(12, 24)),
        (&["boxing day"], Fixed(12, 26)),
        (&["new year day", "new years day"], Fixed(1, 1)),
        (&["new year eve", "new years eve"], Fixed(12, 31)),
        (&["epiphany"], Fixed(1, 6)),
        (
            &[
                "valentine day",
                "valentines day",
                "saint valentine day",
                "st valentine day",
            ],
            Fixed(2, 14),
        ),
        (
            &[
                "st patrick day",
                "saint patrick day",
                "st patricks day",
                "saint patricks day",
                "st paddy day",
                "saint paddy day",
                "st paddys day",
                "saint paddys day",
            ],
            Fixed(3, 17),
        ),
        (&["ides of march", "the ides of march"], Fixed(3, 15)),
        (&["april fools day", "april fool day"], Fixed(4, 1)),
        (&["earth day"], Fixed(4, 22)),
        (&["may day"], Fixed(5, 1)),
        (
            &[
                "independence day",
                "fourth of july",
                "4th of july",
                "july fourth",
                "july 4th",
            ],
            Fixed(7, 4),
        ),
        (&["bastille day"], Fixed(7, 14)),
        (
            &["koningsdag", "king day", "kings day"],
            Rule::FixedShifted {
                month: 4,
                day: 27,
                sunday_back: true,
            },
        ),
        (&["halloween", "hallowe'en"], Fixed(10, 31)),
        (&["all saints day"], Fixed(11, 1)),
        (
            &["veterans day", "armistice day", "remembrance day"],
            Fixed(11, 11),
        ),
        (
            &["boss day", "bosses day", "boss's day", "national boss day"],
            Rule::FixedShifted {
                month: 10,
                day: 16,
                sunday_back: false,
            },
        ),
        (&["thanksgiving", "thanksgiving day"], thanksgiving),
        (
            &["black friday"],
            Nth {
                month: 11,
                n: 4,
                weekday: 4,
                offset: 1,
            },
        ),
        (
            &["cyber monday"],
            Nth {
                month: 11,
                n: 4,
                weekday: 4,
                offset: 4,
            },
        ),
        (
            &["election day"],
            Nth {
                month: 11,
                n: 1,
                weekday: 1,
                offset: 1,
            },
        ),
        (
            &["memorial day"],
            Nth {
                month: 5,
                n: -1,
                weekday: 1,
                offset: 0,
            },
        ),
        (
            &["labor day", "labour day"],
            Nth {
                month: 9,
                n: 1,
                weekday: 1,
                offset: 0,
            },
        ),
        (
            &["columbus day", "indigenous peoples day"],
            Nth {
                month: 10,
                n: 2,
                weekday: 1,
                offset: 0,
            },
        ),
        (
            &[
                "martin luther king day",
                "martin luther king jr day",
                "mlk day",
                "mlk jr day",
                "martin luther king",
                "mlk",
            ],
            Nth {
                month: 1,
                n: 3,
                weekday: 1,
                offset: 0,
            },
        ),
        (
            &[
                "presidents day",
                "president day",
                "washington birthday",
                "washingtons birthday",
            ],
            Nth {
                month: 2,
                n: 3,
                weekday: 1,
                offset: 0,
            },
        ),
        (
            &["mother day", "mothers day"],
            Nth {
                month: 5,
                n: 2,
                weekday: 7,
                offset: 0,
            },
        ),
        (
            &["father day", "fathers day"],
            Nth {
                month: 6,
                n: 3,
                weekday: 7,
                offset: 0,
            },
        ),
        (&["easter", "easter sunday", "easter day"], Easter(0)),
        (&["easter monday", "easter mon"], Easter(1)),
        (&["good friday", "holy friday", "great friday"], Easter(-2)),
        (&["holy saturday"], Easter(-1)),
        (
            &[
                "maundy thursday",
                "holy thursday",
                "covenant thursday",
                "covenant thu",
                "thu of mysteries",
                "thursday of mysteries",
            ],
            Easter(-3),
        ),
        (&["palm sunday"], Easter(-7)),
        (&["ash wednesday"], Easter(-46)),
        (
            &["lent"],
            Rule::EasterSeason {
                offset: -46,
                days: 46,
                orthodox: false,
            },
        ),
        (
            &["holy week"],
            Rule::EasterSeason {
                offset: -7,
                days: 7,
                orthodox: false,
            },
        ),
        (
            &["great lent", "great fast", "orthodox lent"],
            Rule::EasterSeason {
                offset: -48,
                days: 40,
                orthodox: true,
            },
        ),
        (
            &[
                "shrove tuesday",
                "mardi gras",
                "pancake day",
                "pancake tuesday",
            ],
            Easter(-47),
        ),
        (
            &[
                "ascension day",
                "ascension thursday",
                "feast of the ascension",
            ],
            Easter(39),
        ),
        (
            &[
                "pentecost",
                "whitsunday",
                "whit sunday",
                "white sunday",
                "pentecost sunday",
            ],
            Easter(49),
        ),
        (
            &["whit monday", "whitmonday", "pentecost monday"],
            Easter(50),
        ),
        (&["trinity sunday"], Easter(56)),
        (&["corpus christi"], Easter(60)),
        (
            &[
                "orthodox easter",
                "orthodox easter sunday",
                "orthodox pascha",
            ],
            Orthodox(0),
        ),
        (
            &["orthodox good friday", "orthodox great friday"],
            Orthodox(-2),
        ),
        (
            &["orthodox holy saturday", "lazarus saturday"],
            Orthodox(-8),
        ),
        (&["orthodox palm sunday"], Orthodox(-7)),
        (
            &[
                "orthodox shrove monday",
                "clean monday",
                "orthodox clean monday",
            ],
            Orthodox(-48),
        ),
    ];
    let mut map = crate::lexicon::LexMap::default();
    for (names, rule) in table {
        for &n in *names {
            map.insert(n, *rule);
        }
    }
    for (key, names) in LUNAR_NAMES {
        let Some(row) = LUNAR.iter().position(|(k, _)| k == key) else {
            continue;
        };
        let Ok(row) = u8::try_from(row) else {
            continue;
        };
        for &n in *names {
            map.insert(n, Rule::Lunar(row));
        }
    }
    map
});

/// First words of the holiday names.
static FIRST_WORDS: LazyLock<crate::lexicon::LexSet<&'static str>> =
    LazyLock::new(|| NAMES.keys().filter_map(|k| k.split(' ').next()).collect());

/// Whether a holiday name can start with the lowercase word `w`.
pub(super) fn starts_name(w: &str) -> bool {
    FIRST_WORDS.contains(w.trim_end_matches('.'))
}

/// Words of a holiday name, the longest first; `words` are lowercase units.
/// Returns the rule and how many units it took.
pub(super) fn lookup(words: &[&str]) -> Option<(Rule, usize)> {
    if !words.first().is_some_and(|w| starts_name(w)) {
        return None;
    }
    let mut key = String::with_capacity(32);
    let mut best = None;
    let mut taken = 0;
    for (k, w) in words.iter().take(7).enumerate() {
        let w = w.trim_end_matches('.');
        if matches!(w, "'s" | "'" | "s'" | "\u{2019}s") {
            if k == 0 {
                return None;
            }
            continue;
        }
        if w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '-')
        {
            break;
        }
        if taken > 0 {
            key.push(' ');
        }
        // "al-Fitr", "mid-autumn": hyphens read as spaces.
        for (i, part) in w.trim_end_matches("'s").split('-').enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(part);
        }
        taken += 1;
        if let Some(&rule) = NAMES.get(key.as_str()) {
            best = Some((rule, k + 1));
        }
    }
    best
}

/// The holiday's date in `year`.
pub(super) fn date_in(rule: Rule, year: i16) -> Option<Date> {
    match rule {
        Rule::Fixed(m, d) => Date::new(year, m, d).ok(),
        Rule::FixedShifted {
            month,
            day,
            sunday_back,
        } => {
            let d = Date::new(year, month, day).ok()?;
            let back = match (d.weekday(), sunday_back) {
                (Weekday::Sunday, true) | (Weekday::Saturday, false) => 1,
                (Weekday::Sunday, false) => -1,
                _ => 0,
            };
            d.checked_sub(i64::from(back).days()).ok()
        }
        Rule::Nth {
            month,
            n,
            weekday,
            offset,
        } => {
            let wd = Weekday::from_monday_one_offset(weekday).ok()?;
            let first = Date::new(year, month, 1).ok()?;
            let d = first.nth_weekday_of_month(n, wd).ok()?;
            d.checked_add(i64::from(offset).days()).ok()
        }
        Rule::Easter(offset) => easter(year)?.checked_add(i64::from(offset).days()).ok(),
        Rule::Orthodox(offset) => orthodox_easter(year)?
            .checked_add(i64::from(offset).days())
            .ok(),
        Rule::EasterSeason {
            offset, orthodox, ..
        } => {
            let sunday = if orthodox {
                orthodox_easter(year)?
            } else {
                easter(year)?
            };
            sunday.checked_add(i64::from(offset).days()).ok()
        }
        Rule::Lunar(row) => lunar_in(row, year).map(|(d, _)| d),
    }
}

/// The first day of a lunar holiday in `year` and how many days it lasts.
fn lunar_in(row: u8, year: i16) -> Option<(Date, u8)> {
    let days = &LUNAR.get(usize::from(row))?.1;
    let at = days.partition_point(|(d, _)| d.year() < year);
    days.get(at).filter(|(d, _)| d.year() == year).copied()
}

/// The last day of a holiday that lasts more than one day and starts on `first`
/// ("Hanukkah 2018" runs 2018-12-03 to 2018-12-10); `None` for one-day holidays.
pub(super) fn last_day(rule: Rule, first: Date) -> Option<Date> {
    let (start, days) = match rule {
        Rule::Lunar(row) => lunar_in(row, first.year())?,
        Rule::EasterSeason { days, .. } => (date_in(rule, first.year())?, days),
        _ => return None,
    };
    if start != first || days < 2 {
        return None;
    }
    first.checked_add(i64::from(days - 1).days()).ok()
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Orthodox Easter Sunday (Meeus's Julian algorithm, moved to the Gregorian calendar).
fn orthodox_easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()?;
    // The Julian calendar runs 13 days behind from 1900 to 2099 (one day fewer
    // each century before, except leap centuries).
    let lag = i64::from(y / 100 - y / 400 - 2);
    julian.checked_add(lag.days()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn rules() {
        let d = |words: &[&str], y| date_in(lookup(words).unwrap().0, y).unwrap();
        assert_eq!(d(&["thanksgiving"], 2023), date(2023, 11, 23));
        assert_eq!(d(&["easter"], 2024), date(2024, 3, 31));
        assert_eq!(d(&["easter"], 2010), date(2010, 4, 4));
        assert_eq!(d(&["good", "friday"], 2013), date(2013, 3, 29));
        assert_eq!(d(&["orthodox", "great", "friday"], 2020), date(2020, 4, 17));
        assert_eq!(d(&["memorial", "day"], 2023), date(2023, 5, 29));
        assert_eq!(d(&["election", "day"], 2024), date(2024, 11, 5));
        assert_eq!(d(&["new", "year", "'s", "eve"], 2023), date(2023, 12, 31));
        assert_eq!(d(&["st.", "patrick", "'s", "day"], 2023), date(2023, 3, 17));
        assert_eq!(d(&["black", "friday"], 2017), date(2017, 11, 24));
        assert!(lookup(&["the", "cat"]).is_none());
        assert_eq!(lookup(&["christmas", "day", "2013"]).unwrap().1, 2);
    }

    #[test]
    fn lunar_holidays_come_from_the_table() {
        let d = |words: &[&str], y| date_in(lookup(words).unwrap().0, y);
        assert_eq!(
            d(&["chinese", "new", "year"], 2014),
            Some(date(2014, 1, 31))
        );
        assert_eq!(d(&["lunar", "new", "year"], 2024), Some(date(2024, 2, 10)));
        assert_eq!(d(&["eid", "al-fitr"], 1950), Some(date(1950, 7, 16)));
        assert_eq!(d(&["eid", "al-adha"], 2018), Some(date(2018, 8, 21)));
        assert_eq!(d(&["yom", "kippur"], 2023), Some(date(2023, 9, 25)));
        assert_eq!(d(&["diwali"], 2019), Some(date(2019, 10, 27)));
        assert_eq!(d(&["vesak"], 2013), Some(date(2013, 5, 24)));
        // Outside the table: no date rather than a wrong one.
        assert_eq!(d(&["diwali"], 1990), None);
        let (rule, len) = lookup(&["hanukkah", "2018"]).unwrap();
        assert_eq!(len, 1);
        let first = date_in(rule, 2018).unwrap();
        assert_eq!(first, date(2018, 12, 3));
        assert_eq!(last_day(rule, first), Some(date(2018, 12, 10)));
        let (ramadan, _) = lookup(&["ramadan"]).unwrap();
        let first = date_in(ramadan, 2018).unwrap();
        assert_eq!(
            (first, last_day(ramadan, first)),
            (date(2018, 5, 16), Some(date(2018, 6, 14)))
        );
        // Seasons of the church year: Lent runs from Ash Wednesday to Holy Saturday.
        let (lent, _) = lookup(&["lent"]).unwrap();
        let first = date_in(lent, 2018).unwrap();
        assert_eq!(
            (first, last_day(lent, first)),
            (date(2018, 2, 14), Some(date(2018, 3, 31)))
        );
        let (great, _) = lookup(&["great", "lent"]).unwrap();
        let first = date_in(great, 2018).unwrap();
        assert_eq!(
            (first, last_day(great, first)),
            (date(2018, 2, 19), Some(date(2018, 3, 30)))
        );
        // One-day holidays have no last day.
        let (xmas, _) = lookup(&["christmas"]).unwrap();
        assert_eq!(last_day(xmas, date(2018, 12, 25)), None);
    }
}
