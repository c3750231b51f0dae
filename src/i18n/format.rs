//! Numbers, dates and plurals as each language writes them.

use jiff::civil::Date;

use super::{Lang, Text, fill};

/// A date as people write it: 23.11.2017 in German, 2017-11-23 in English.
pub fn date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::De => date.strftime("%d.%m.%Y").to_string(),
        Lang::En => date.to_string(),
    }
}

/// A date as a report writes it: 23.11.2017 in German, 23 November 2017 in English.
pub fn long_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::De => date.strftime("%d.%m.%Y").to_string(),
        Lang::En => date.strftime("%-d %B %Y").to_string(),
    }
}

/// Dates as a report writes them: a run of days as one range ("23.–24.11.2017",
/// "23–24 November 2017"), other dates listed.
pub fn date_range(dates: &[Date], lang: Lang) -> String {
    let mut dates: Vec<Date> = dates.to_vec();
    dates.sort();
    dates.dedup();
    // Runs of consecutive days, each written as one range.
    let mut runs: Vec<(Date, Date)> = Vec::new();
    for date in dates {
        match runs.last_mut() {
            Some((_, end)) if end.tomorrow().ok() == Some(date) => *end = date,
            _ => runs.push((date, date)),
        }
    }
    let run = |(first, last): (Date, Date)| {
        let same_month = first.year() == last.year() && first.month() == last.month();
        if first == last {
            long_date(first, lang)
        } else if same_month {
            match lang {
                Lang::De => format!("{}.\u{2013}{}", first.day(), long_date(last, lang)),
                Lang::En => format!("{}\u{2013}{}", first.day(), long_date(last, lang)),
            }
        } else {
            format!(
                "{} \u{2013} {}",
                long_date(first, lang),
                long_date(last, lang)
            )
        }
    };
    runs.into_iter().map(run).collect::<Vec<_>>().join(", ")
}

/// A share as a percentage: "100 %" in German (with a narrow space), "100%" in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let value = (share * 100.0).round();
    match lang {
        Lang::De => format!("{value}\u{202f}%"),
        Lang::En => format!("{value}%"),
    }
}

/// A difference in minutes with its sign: "+5", "−3" (a minus sign), "±0".
pub fn signed(value: i64) -> String {
    match value {
        0 => "\u{b1}0".to_owned(),
        v if v < 0 => format!("\u{2212}{}", v.unsigned_abs()),
        v => format!("+{v}"),
    }
}

/// A number with `places` decimals: 4,4 in German, 4.4 in English.
pub fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let text = format!("{value:.places$}");
    match lang {
        Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A whole number with thousands grouped: 20.000 in German, 20,000 in English.
pub fn count(value: i64, lang: Lang) -> String {
    let digits = value.unsigned_abs().to_string();
    let separator = match lang {
        Lang::De => '.',
        Lang::En => ',',
    };
    let mut text = String::new();
    if value < 0 {
        text.push('\u{2212}');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(separator);
        }
        text.push(digit);
    }
    text
}

/// `one` for exactly one, else `many`, with the number filled in: "1 dot left", "3 dots left".
pub fn plural(count: u64, one: impl Text, many: impl Text, lang: Lang) -> String {
    let text = if count == 1 {
        one.get(lang)
    } else {
        many.get(lang)
    };
    fill(text, &[&count.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::T;

    #[test]
    fn german_writes_a_comma_and_day_first() {
        assert_eq!(decimal(4.44, 1, Lang::De), "4,4");
        assert_eq!(decimal(4.44, 1, Lang::En), "4.4");
        let d = jiff::civil::date(2017, 11, 23);
        assert_eq!(date(d, Lang::De), "23.11.2017");
        assert_eq!(date(d, Lang::En), "2017-11-23");
    }

    #[test]
    fn reports_write_dates_ranges_and_shares_as_each_language_does() {
        let (a, b) = (
            jiff::civil::date(2017, 11, 23),
            jiff::civil::date(2017, 11, 24),
        );
        assert_eq!(date_range(&[b, a], Lang::De), "23.\u{2013}24.11.2017");
        assert_eq!(date_range(&[a, b], Lang::En), "23\u{2013}24 November 2017");
        assert_eq!(date_range(&[a], Lang::En), "23 November 2017");
        let c = jiff::civil::date(2018, 6, 21);
        assert_eq!(date_range(&[a, c], Lang::De), "23.11.2017, 21.06.2018");
        let d = jiff::civil::date(2018, 6, 22);
        assert_eq!(
            date_range(&[a, b, c, d], Lang::De),
            "23.\u{2013}24.11.2017, 21.\u{2013}22.06.2018"
        );
        assert_eq!(percent(1.0, Lang::De), "100\u{202f}%");
        assert_eq!(percent(0.857, Lang::En), "86%");
        assert_eq!(signed(-1), "\u{2212}1");
        assert_eq!(signed(0), "\u{b1}0");
        assert_eq!(signed(4), "+4");
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(20_000, Lang::De), "20.000");
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(count(999, Lang::En), "999");
        assert_eq!(count(-4_000, Lang::De), "\u{2212}4.000");
        assert_eq!(
            count(i64::MIN, Lang::En),
            "\u{2212}9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn one_is_singular() {
        assert_eq!(plural(1, T::DotLeft, T::DotsLeft, Lang::En), "1 dot left");
        assert_eq!(plural(3, T::DotLeft, T::DotsLeft, Lang::En), "3 dots left");
        assert_eq!(
            plural(1, T::DotLeft, T::DotsLeft, Lang::De),
            "1 Punkt übrig"
        );
    }
}
