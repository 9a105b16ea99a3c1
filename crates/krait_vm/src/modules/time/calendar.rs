//! Pure calendar arithmetic for the time module: broken-down UTC time from a timestamp
//! and back (proleptic Gregorian, any i64 range that fits), and C-locale `strftime`.

/// A broken-down time (`struct tm`, with Python's conventions: `mon` 1-12, `wday`
/// Monday=0, `yday` 1-366).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month may be any integer; it is
/// normalised into the year).
pub fn days_from_civil(year: i64, mon: i64, mday: i64) -> i64 {
    let y = year + (mon - 1).div_euclid(12);
    let m = (mon - 1).rem_euclid(12) + 1;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + mday - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a day number counted from 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + (m <= 2) as i64, m, d)
}

pub fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// UTC broken-down time of `secs` seconds since the epoch.
pub fn gmtime(secs: i64) -> Tm {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, mon, mday) = civil_from_days(days);
    let yday = days - days_from_civil(year, 1, 1) + 1;
    // 1970-01-01 was a Thursday (Monday=0 → 3).
    let wday = (days + 3).rem_euclid(7);
    Tm { year, mon, mday, hour: rem / 3600, min: rem % 3600 / 60, sec: rem % 60, wday, yday, isdst: 0 }
}

/// Seconds since the epoch of a UTC broken-down time (fields may be out of range; they
/// are normalised as by `timegm`).
pub fn timegm(tm: &Tm) -> i64 {
    days_from_civil(tm.year, tm.mon, 1) * 86_400 + (tm.mday - 1) * 86_400 + tm.hour * 3600 + tm.min * 60 + tm.sec
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

fn day_name(tm: &Tm) -> &'static str {
    DAYS[tm.wday.rem_euclid(7) as usize]
}

fn month_name(tm: &Tm) -> &'static str {
    MONTHS[(tm.mon - 1).rem_euclid(12) as usize]
}

/// `asctime()`'s fixed format: `Thu Jan  1 00:00:00 1970`.
pub fn asctime(tm: &Tm) -> String {
    format!("{} {}{:3} {:02}:{:02}:{:02} {}", &day_name(tm)[..3], &month_name(tm)[..3], tm.mday, tm.hour, tm.min, tm.sec, tm.year)
}

/// ISO 8601 week-based (year, week) of `tm`.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let yday0 = tm.yday - 1;
    let wday = tm.wday.rem_euclid(7);
    let week = (yday0 - wday + 10) / 7;
    if week < 1 {
        let prev = tm.year - 1;
        let prev_len = if is_leap(prev) { 366 } else { 365 };
        let t = Tm { year: prev, yday: tm.yday + prev_len, ..*tm };
        return iso_week(&t);
    }
    let len = if is_leap(tm.year) { 366 } else { 365 };
    if week == 53 && yday0 - wday + 3 >= len {
        return (tm.year + 1, 1);
    }
    (tm.year, week)
}

/// C-locale `strftime` (glibc's directives); unknown directives are copied as they are.
/// `zone` and `gmtoff` give `%Z` and `%z`.
pub fn strftime(fmt: &str, tm: &Tm, zone: &str, gmtoff: i64) -> String {
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut chars = fmt.chars();
    let sunday_wday = (tm.wday + 1).rem_euclid(7);
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        let piece = match d {
            'a' => day_name(tm)[..3].to_string(),
            'A' => day_name(tm).to_string(),
            'b' | 'h' => month_name(tm)[..3].to_string(),
            'B' => month_name(tm).to_string(),
            'c' => format!("{} {} {:2} {:02}:{:02}:{:02} {}", &day_name(tm)[..3], &month_name(tm)[..3], tm.mday, tm.hour, tm.min, tm.sec, tm.year),
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'd' => format!("{:02}", tm.mday),
            'D' | 'x' => format!("{:02}/{:02}/{:02}", tm.mon, tm.mday, tm.year.rem_euclid(100)),
            'e' => format!("{:2}", tm.mday),
            'F' => format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday),
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{hour12:02}"),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{hour12:2}"),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".to_string(),
            'p' => if tm.hour < 12 { "AM" } else { "PM" }.to_string(),
            'P' => if tm.hour < 12 { "am" } else { "pm" }.to_string(),
            'r' => format!("{hour12:02}:{:02}:{:02} {}", tm.min, tm.sec, if tm.hour < 12 { "AM" } else { "PM" }),
            'R' => format!("{:02}:{:02}", tm.hour, tm.min),
            's' => (timegm(tm) - gmtoff).to_string(),
            'S' => format!("{:02}", tm.sec),
            't' => "\t".to_string(),
            'T' | 'X' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'u' => (tm.wday.rem_euclid(7) + 1).to_string(),
            'U' => format!("{:02}", (tm.yday - 1 + 7 - sunday_wday) / 7),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => sunday_wday.to_string(),
            'W' => format!("{:02}", (tm.yday - 1 + 7 - tm.wday.rem_euclid(7)) / 7),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => {
                let sign = if gmtoff < 0 { '-' } else { '+' };
                let a = gmtoff.abs();
                format!("{sign}{:02}{:02}", a / 3600, a % 3600 / 60)
            }
            'Z' => zone.to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 3.11: time.gmtime(t) and time.strftime(f, time.gmtime(t)).
    #[test]
    fn gmtime_fixed_timestamps() {
        assert_eq!(gmtime(0), Tm { year: 1970, mon: 1, mday: 1, hour: 0, min: 0, sec: 0, wday: 3, yday: 1, isdst: 0 });
        assert_eq!(gmtime(1_700_000_000), Tm { year: 2023, mon: 11, mday: 14, hour: 22, min: 13, sec: 20, wday: 1, yday: 318, isdst: 0 });
        assert_eq!(gmtime(-86_400), Tm { year: 1969, mon: 12, mday: 31, hour: 0, min: 0, sec: 0, wday: 2, yday: 365, isdst: 0 });
        assert_eq!(gmtime(1 << 31), Tm { year: 2038, mon: 1, mday: 19, hour: 3, min: 14, sec: 8, wday: 1, yday: 19, isdst: 0 });
        assert_eq!(gmtime(951_782_400), Tm { year: 2000, mon: 2, mday: 29, hour: 0, min: 0, sec: 0, wday: 1, yday: 60, isdst: 0 });
        assert_eq!(gmtime(-62_135_596_800), Tm { year: 1, mon: 1, mday: 1, hour: 0, min: 0, sec: 0, wday: 0, yday: 1, isdst: 0 });
    }

    #[test]
    fn timegm_round_trips_and_normalises() {
        for t in [0, 1, -1, 1_700_000_000, -86_401, 253_402_300_799, -62_135_596_800] {
            assert_eq!(timegm(&gmtime(t)), t);
        }
        // Month 13 of 1999 is January 2000.
        let tm = Tm { year: 1999, mon: 13, mday: 1, hour: 0, min: 0, sec: 0, wday: 0, yday: 0, isdst: 0 };
        assert_eq!(timegm(&tm), 946_684_800);
    }

    #[test]
    fn strftime_c_locale() {
        let tm = gmtime(1_234_567_890);
        assert_eq!(strftime("%Y-%m-%d %H:%M:%S %j %a %b %A %B %%", &tm, "UTC", 0), "2009-02-13 23:31:30 044 Fri Feb Friday February %");
        assert_eq!(strftime("%c|%x|%X|%U|%W|%V|%G|%u|%w|%e|%I%p", &tm, "UTC", 0), "Fri Feb 13 23:31:30 2009|02/13/09|23:31:30|06|06|07|2009|5|5|13|11PM");
        assert_eq!(strftime("%z %Z %Q", &tm, "UTC", 0), "+0000 UTC %Q");
        assert_eq!(asctime(&gmtime(0)), "Thu Jan  1 00:00:00 1970");
        // ISO week of 2021-01-01 belongs to 2020.
        assert_eq!(strftime("%G-%V", &gmtime(1_609_459_200), "UTC", 0), "2020-53");
    }
}
