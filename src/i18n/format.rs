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
