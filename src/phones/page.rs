//! The phone page: static files compiled in, and the small pages the server writes itself.

use super::lang::Lang;

/// The page; `{{lang}}` becomes the phone's language.
const INDEX: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/phones/index.html"
));
/// The page's script: vanilla JavaScript, German and English strings.
pub(crate) const APP_JS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/phones/app.js"));
/// The page's style, shared with the server's own pages.
pub(crate) const STYLE_CSS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/phones/style.css"
));
/// The tab's icon.
pub(crate) const ICON_SVG: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/phones/icon.svg"
));

/// The page in the phone's language.
pub(crate) fn index(lang: Lang) -> String {
    INDEX.replace("{{lang}}", lang.tag())
}

/// A page with a heading and a message (a refusal, the join), linking the style sheet.
/// `next` adds a link onwards and sends the browser there at once.
pub(crate) fn message(lang: Lang, heading: &str, text: &str, next: Option<&str>) -> String {
    let refresh = next
        .map(|to| {
            format!(
                "<meta http-equiv=\"refresh\" content=\"0; url={}\">\n",
                escape(to)
            )
        })
        .unwrap_or_default();
    let link = next
        .map(|to| {
            format!(
                "<p><a class=\"button\" href=\"{}\">{}</a></p>\n",
                escape(to),
                lang.pick("Weiter", "Continue")
            )
        })
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"{tag}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{refresh}\
         <title>Moderato</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n\
         <link rel=\"icon\" href=\"/icon.svg\" type=\"image/svg+xml\">\n</head>\n<body>\n\
         <main class=\"message\">\n<h1>{heading}</h1>\n<p>{text}</p>\n{link}</main>\n</body>\n</html>\n",
        tag = lang.tag(),
        heading = escape(heading),
        text = escape(text),
    )
}

/// The page a phone without a valid cookie gets: scan the code again.
pub(crate) fn scan_again(lang: Lang) -> String {
    message(
        lang,
        lang.pick(
            "Bitte den QR-Code noch einmal scannen",
            "Please scan the QR code again",
        ),
        lang.pick(
            "Dieses Telefon ist nicht (mehr) angemeldet. Scanne den QR-Code an der Projektion, \
             dann geht es hier weiter.",
            "This phone isn't (or is no longer) signed in. Scan the QR code on the projector \
             to continue here.",
        ),
        None,
    )
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_load_nothing_from_outside() {
        for page in [
            index(Lang::De),
            scan_again(Lang::En),
            APP_JS.into(),
            STYLE_CSS.into(),
        ] {
            assert!(
                !page.contains("http://") && !page.contains("https://"),
                "{page}"
            );
            assert!(!page.contains("//cdn") && !page.contains("@import"));
        }
        let page = index(Lang::De);
        assert!(page.contains("<html lang=\"de\">"));
        // No inline script or style: the Content-Security-Policy allows only files.
        assert!(
            !page.contains("<script>") && !page.contains("<style") && !page.contains(" style=")
        );
        assert!(!page.contains("onclick=") && !page.contains("javascript:"));
    }

    #[test]
    fn messages_are_escaped() {
        let page = message(Lang::De, "<b>", "Grüße & \"so\"", Some("/"));
        assert!(page.contains("&lt;b&gt;") && page.contains("Grüße &amp; &quot;so&quot;"));
        assert!(page.contains("url=/"));
    }
}
