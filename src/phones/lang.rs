//! The phone's language: German or English, from the page's switch (a `lang` cookie) or
//! else the browser's `Accept-Language`.

use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};

/// A language the phone page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    De,
    En,
}

impl Lang {
    /// The language for a request: the `lang` cookie the page's switch sets, else the
    /// preferred of German and English in `Accept-Language`, else English.
    pub(crate) fn of(headers: &HeaderMap) -> Lang {
        if let Some(value) = cookie(headers, "lang") {
            match value {
                "de" => return Lang::De,
                "en" => return Lang::En,
                _ => {}
            }
        }
        headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .map_or(Lang::En, from_accept_language)
    }

    /// The language's tag for `<html lang>`.
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The German or the English text.
    pub(crate) fn pick<'a>(self, de: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::De => de,
            Lang::En => en,
        }
    }
}

/// The preferred of German and English in an `Accept-Language` value (`de-CH;q=0.9, en`).
fn from_accept_language(value: &str) -> Lang {
    let mut best = (Lang::En, -1.0f32);
    // A header of many entries is hostile or broken; the first few decide.
    for entry in value.split(',').take(32) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .filter(|q| q.is_finite())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or_default();
        let lang = match primary {
            "de" => Lang::De,
            "en" => Lang::En,
            _ => continue,
        };
        if quality > best.1 {
            best = (lang, quality);
        }
    }
    best.0
}

/// The value of a cookie in the request's `Cookie` headers.
pub(crate) fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred() {
        assert_eq!(from_accept_language("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
        assert_eq!(from_accept_language("en-US,en;q=0.9,de;q=0.8"), Lang::En);
        assert_eq!(from_accept_language("fr-FR,fr;q=0.9,de;q=0.5"), Lang::De);
        assert_eq!(from_accept_language("fr"), Lang::En);
        assert_eq!(from_accept_language(""), Lang::En);
        assert_eq!(from_accept_language("en;q=0.2, de-AT;q=0.7"), Lang::De);
        assert_eq!(from_accept_language("de;q=NaN"), Lang::De);
    }

    #[test]
    fn the_switch_wins() {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, "de".parse().unwrap());
        assert_eq!(Lang::of(&headers), Lang::De);
        headers.insert(COOKIE, "moderato_phone=x; lang=en".parse().unwrap());
        assert_eq!(Lang::of(&headers), Lang::En);
    }
}
