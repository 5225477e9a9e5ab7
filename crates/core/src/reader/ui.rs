//! The words and colours the widget and the static fallback share, defined
//! once: the title, category names and colours, the "date unknown", "not on
//! the map" and "no link" phrases, language names, and an article's meta line
//! ("22 Aug 2025 · Русский · kant.kg").

use crate::evidence::gazetteer::Category;
use crate::geo::edge::Compass;
use crate::text::article::Article;
use crate::text::lang::Lang;

/// The widget width (CSS pixels) from which the panel sits beside the map;
/// narrower, it is a bottom sheet over it. `atlas dist` writes it into
/// widget.css's container queries; the widget's gestures read it too.
pub const SIDE_PANEL_FROM_PX: i32 = 900;

/// The map's zoom controls: a column of [`Controls::BUTTONS`] square buttons
/// `size` pixels wide, `gap` apart, `edge` from the map's top-right corner.
/// `atlas dist` writes these into widget.css's `.bm-controls`; label
/// placement keeps clear of the corner they take.
pub struct Controls {
    pub size: f64,
    pub gap: f64,
    pub edge: f64,
}

impl Controls {
    pub const MAP: Controls = Controls {
        size: 40.0,
        gap: 6.0,
        edge: 10.0,
    };
    /// Zoom in, zoom out, reset.
    pub const BUTTONS: usize = 3;
    /// The room kept free around the column for labels (a label's text
    /// beside the buttons would be hard to read and to click).
    const CLEARANCE: f64 = 10.0;

    /// The corner the column covers, with its clearance, in a map `width`
    /// pixels wide: (left, bottom); its top is 0 and its right the width.
    pub fn corner(&self, width: f64) -> (f64, f64) {
        let n = Self::BUTTONS as f64;
        let left = width - self.edge - self.size - Self::CLEARANCE;
        let bottom = self.edge + n * self.size + (n - 1.0) * self.gap + Self::CLEARANCE;
        (left, bottom)
    }
}

/// widget.css with its placeholders filled: `@CATEGORY_COLOURS@` (the `--c-*`
/// custom properties, light and dark), `@SHEET_WIDTH@` and `@SHEET_MAX@` (the
/// side-panel breakpoint and the width just under it), and the controls'
/// `@CONTROL_SIZE@`, `@CONTROL_GAP@`, `@CONTROL_EDGE@`.
pub fn expand_widget_css(css: &str) -> String {
    let colours: Vec<String> = Category::ALL
        .iter()
        .map(|c| {
            let (light, dark) = c.colours();
            format!("--c-{}: light-dark({light}, {dark})", c.key())
        })
        .collect();
    let c = Controls::MAP;
    css.replace(
        "--bm-category-colours: @CATEGORY_COLOURS@",
        &colours.join(";\n  "),
    )
    .replace("@SHEET_WIDTH@", &format!("{SIDE_PANEL_FROM_PX}px"))
    .replace("@SHEET_MAX@", &format!("{}.98px", SIDE_PANEL_FROM_PX - 1))
    .replace("@CONTROL_SIZE@", &format!("{}px", c.size))
    .replace("@CONTROL_GAP@", &format!("{}px", c.gap))
    .replace("@CONTROL_EDGE@", &format!("{}px", c.edge))
}

pub fn title(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Казахстан – Кыргызстан: двусторонние проекты",
        Lang::Kk => "Қазақстан – Қырғызстан: екіжақты жобалар",
        Lang::En => "Kazakhstan – Kyrgyzstan: bilateral projects",
    }
}

pub fn date_unknown(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "дата неизвестна",
        Lang::Kk => "күні белгісіз",
        Lang::En => "date unknown",
    }
}

pub fn not_on_map(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Нет на карте",
        Lang::Kk => "Картада жоқ",
        Lang::En => "Not on the map",
    }
}

/// The legend's name for a feature the engine proposed from the text.
pub fn proposed(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Предложено по тексту",
        Lang::Kk => "Мәтін бойынша ұсынылған",
        Lang::En => "Proposed from the text",
    }
}

/// What the panel and the fallback tell a reader about a proposed feature.
pub fn proposed_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Предложено по тексту статей, редакция ещё не проверила",
        Lang::Kk => "Мақалалар мәтіні бойынша ұсынылған, редакция әлі тексерген жоқ",
        Lang::En => "Proposed from the articles' text, not yet reviewed by the editors",
    }
}

/// A distance in km, rounded to 10 km, grouped as `lang` writes numbers:
/// `1 010 км` (a no-break space), `1 010 км`, `1,010 km`.
pub fn km(lang: Lang, km: f64) -> String {
    let n = ((km / 10.0).round() * 10.0).max(10.0) as u64;
    let digits = n.to_string();
    let sep = match lang {
        Lang::Ru | Lang::Kk => "\u{a0}",
        Lang::En => ",",
    };
    let mut grouped = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            grouped.push_str(sep);
        }
        grouped.push(ch);
    }
    match lang {
        Lang::Ru | Lang::Kk => format!("{grouped}\u{a0}км"),
        Lang::En => format!("{grouped}\u{a0}km"),
    }
}

/// Which way a place beyond the map's edge lies: `к северу`, `солтүстікке
/// қарай`, `north`.
pub fn direction(lang: Lang, c: Compass) -> &'static str {
    use Compass::*;
    match lang {
        Lang::Ru => match c {
            N => "к северу",
            NE => "к северо-востоку",
            E => "к востоку",
            SE => "к юго-востоку",
            S => "к югу",
            SW => "к юго-западу",
            W => "к западу",
            NW => "к северо-западу",
        },
        Lang::Kk => match c {
            N => "солтүстікке қарай",
            NE => "солтүстік-шығысқа қарай",
            E => "шығысқа қарай",
            SE => "оңтүстік-шығысқа қарай",
            S => "оңтүстікке қарай",
            SW => "оңтүстік-батысқа қарай",
            W => "батысқа қарай",
            NW => "солтүстік-батысқа қарай",
        },
        Lang::En => match c {
            N => "north",
            NE => "north-east",
            E => "east",
            SE => "south-east",
            S => "south",
            SW => "south-west",
            W => "west",
            NW => "north-west",
        },
    }
}

/// An edge button's name: what it shows (the place's name and distance),
/// then which way (`Астана 1 080 км к северу`, `Астана 1 080 км солтүстікке
/// қарай`, `Astana 1,080 km north`), so the words a reader sees begin the
/// name a screen reader hears (WCAG 2.5.3, label in name).
pub fn away(lang: Lang, name: &str, distance: f64, c: Compass) -> String {
    format!("{name} {} {}", km(lang, distance), direction(lang, c))
}

/// An edge marker's name for `name` with `more` other features at the same
/// place: `Астана`, `Астана и ещё 2`, `Астана және тағы 2`, `Astana and 2 more`.
pub fn and_more(lang: Lang, name: &str, more: usize) -> String {
    if more == 0 {
        return name.to_string();
    }
    match lang {
        Lang::Ru => format!("{name} и ещё {more}"),
        Lang::Kk => format!("{name} және тағы {more}"),
        Lang::En => format!("{name} and {more} more"),
    }
}

pub fn no_link(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "ссылки нет",
        Lang::Kk => "сілтеме жоқ",
        Lang::En => "no link",
    }
}

pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Источник",
        Lang::Kk => "Дереккөз",
        Lang::En => "Source",
    }
}

pub fn category_name(lang: Lang, c: Category) -> &'static str {
    use Category::*;
    match (lang, c) {
        (Lang::Ru, Transport) => "Транспорт",
        (Lang::Ru, BorderCrossing) => "Пункты пропуска",
        (Lang::Ru, Education) => "Образование",
        (Lang::Ru, EnergyWater) => "Энергетика и вода",
        (Lang::Ru, TradeLogistics) => "Торговля и логистика",
        (Lang::Ru, Tourism) => "Туризм",
        (Lang::Ru, Culture) => "Культура",
        (Lang::Ru, MeetingVenue) => "Места встреч",
        (Lang::Ru, City) => "Города",
        (Lang::Kk, Transport) => "Көлік",
        (Lang::Kk, BorderCrossing) => "Өткізу пункттері",
        (Lang::Kk, Education) => "Білім",
        (Lang::Kk, EnergyWater) => "Энергетика және су",
        (Lang::Kk, TradeLogistics) => "Сауда және логистика",
        (Lang::Kk, Tourism) => "Туризм",
        (Lang::Kk, Culture) => "Мәдениет",
        (Lang::Kk, MeetingVenue) => "Кездесу орындары",
        (Lang::Kk, City) => "Қалалар",
        (Lang::En, Transport) => "Transport",
        (Lang::En, BorderCrossing) => "Border crossings",
        (Lang::En, Education) => "Education",
        (Lang::En, EnergyWater) => "Energy and water",
        (Lang::En, TradeLogistics) => "Trade and logistics",
        (Lang::En, Tourism) => "Tourism",
        (Lang::En, Culture) => "Culture",
        (Lang::En, MeetingVenue) => "Meeting venues",
        (Lang::En, City) => "Cities",
    }
}

pub fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::Ru => "Русский",
        Lang::Kk => "Қазақша",
        Lang::En => "English",
    }
}

/// "22.08.2025 · Русский · kant.kg" for an article: its date (or "date
/// unknown"), language and the host of its URL (else its source, else "no link").
pub fn article_meta(lang: Lang, article: &Article) -> String {
    let host = outlet(article).unwrap_or_else(|| no_link(lang).to_string());
    format!(
        "{} · {} · {host}",
        date_or_unknown(lang, article),
        lang_name(article.lang)
    )
}

/// The host of the article's URL, else its `source`.
fn outlet(article: &Article) -> Option<String> {
    article
        .url
        .as_deref()
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(str::to_string)
        .or_else(|| article.source.clone())
}

/// The article's date, or "date unknown" in `lang`.
fn date_or_unknown(lang: Lang, article: &Article) -> String {
    article.date.map_or_else(
        || date_unknown(lang).to_string(),
        |d| super::dates::date(lang, d),
    )
}

/// A citation as a reader pastes it elsewhere: the quote in the article's
/// own words, then title, outlet, date (or "date unknown" in `lang`) and
/// address, those the article has:
/// `«…» — Title. kant.kg, 2024-02-01. https://…`.
pub fn reference(lang: Lang, article: &Article, quote: &str) -> String {
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = format!("«{quote}» — {}. ", article.title.trim_end_matches('.'));
    if let Some(o) = outlet(article) {
        out += &format!("{o}, ");
    }
    out += &date_or_unknown(lang, article);
    out.push('.');
    if let Some(u) = &article.url {
        out += &format!(" {u}");
    }
    out
}

impl Category {
    /// The category's colour on a light background (widget.css's `--c-*`
    /// light values, the fallback's fills), and on a dark one.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            Category::Transport => ("#c2410c", "#fb923c"),
            Category::BorderCrossing => ("#7c3aed", "#c4b5fd"),
            Category::Education => ("#047857", "#34d399"),
            Category::EnergyWater => ("#0369a1", "#38bdf8"),
            Category::TradeLogistics => ("#b45309", "#fbbf24"),
            Category::Tourism => ("#be185d", "#f472b6"),
            Category::Culture => ("#4d7c0f", "#a3e635"),
            Category::MeetingVenue => ("#1f2937", "#e5e7eb"),
            Category::City => ("#6b7280", "#9ca3af"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_names_title_outlet_date_and_address() {
        let mut a = crate::text::article::parse_text(
            "a",
            std::path::Path::new("a.txt"),
            "---\ntitle: Road talks.\nurl: https://kant.kg/2024-02-01/road/\n---\n\nThe  road\nis open.",
        )
        .unwrap();
        assert_eq!(
            reference(Lang::En, &a, "The  road\nis open."),
            "«The road is open.» — Road talks. kant.kg, 1 Feb 2024. https://kant.kg/2024-02-01/road/"
        );
        a.url = None;
        a.date = None;
        a.source = Some("24.kg".into());
        assert_eq!(
            reference(Lang::Ru, &a, "The road is open."),
            "«The road is open.» — Road talks. 24.kg, дата неизвестна."
        );
    }
    use crate::text::article::parse_text;
    use std::path::Path;

    #[test]
    fn the_widget_css_gets_the_colours_and_the_breakpoint() {
        let css = ":host {\n  --bm-category-colours: @CATEGORY_COLOURS@;\n}\n@container (min-width: @SHEET_WIDTH@) {}";
        let out = expand_widget_css(css);
        assert!(
            out.contains("--c-transport: light-dark(#c2410c, #fb923c);"),
            "{out}"
        );
        assert!(
            out.contains("--c-city: light-dark(#6b7280, #9ca3af);"),
            "{out}"
        );
        assert!(out.contains("@container (min-width: 900px)"), "{out}");
        assert!(
            !out.contains("@CATEGORY_COLOURS@") && !out.contains("@SHEET_WIDTH@"),
            "{out}"
        );
        let shipped = include_str!("../../../../www/widget.css");
        let expanded = expand_widget_css(shipped);
        for placeholder in [
            "@CATEGORY_COLOURS@",
            "@SHEET_WIDTH@",
            "@SHEET_MAX@",
            "@CONTROL_SIZE@",
            "@CONTROL_GAP@",
            "@CONTROL_EDGE@",
        ] {
            assert!(
                shipped.contains(placeholder),
                "widget.css uses {placeholder}"
            );
            assert!(!expanded.contains(placeholder), "{placeholder} is filled");
        }
        assert!(expanded.contains("@container (max-width: 899.98px)"));
        assert!(expanded.contains("width: 40px;\n  height: 40px;"));
    }

    #[test]
    fn distances_and_directions_in_each_language() {
        assert_eq!(km(Lang::Ru, 1007.0), "1\u{a0}010\u{a0}км");
        assert_eq!(km(Lang::En, 1007.0), "1,010\u{a0}km");
        assert_eq!(km(Lang::En, 3.0), "10\u{a0}km");
        assert_eq!(km(Lang::Kk, 254.0), "250\u{a0}км");
        assert_eq!(
            away(Lang::Ru, "Астана", 1007.0, Compass::N),
            "Астана 1\u{a0}010\u{a0}км к северу"
        );
        assert_eq!(
            away(Lang::Kk, "Ош", 300.0, Compass::SW),
            "Ош 300\u{a0}км оңтүстік-батысқа қарай"
        );
        assert_eq!(
            away(Lang::En, "Astana", 12_345.0, Compass::NE),
            "Astana 12,350\u{a0}km north-east"
        );
        assert_eq!(and_more(Lang::Kk, "Астана", 2), "Астана және тағы 2");
        assert_eq!(and_more(Lang::En, "Astana", 0), "Astana");
    }

    #[test]
    fn the_controls_corner() {
        // 10 px from the edge, three 40 px buttons 6 px apart, 10 px clear.
        assert_eq!(Controls::MAP.corner(800.0), (740.0, 152.0));
    }

    #[test]
    fn the_meta_line() {
        let text =
            "---\ntitle: T\ndate: 2025-08-22\nurl: https://kant.kg/a/b\nlang: ru\n---\nТекст.\n";
        let a = parse_text("a", Path::new("a.txt"), text).unwrap();
        assert_eq!(
            article_meta(Lang::En, &a),
            "22 Aug 2025 · Русский · kant.kg"
        );
        assert_eq!(article_meta(Lang::Ru, &a), "22.08.2025 · Русский · kant.kg");
        let bare = parse_text("b", Path::new("b.txt"), "Текст без даты.").unwrap();
        assert_eq!(
            article_meta(Lang::Kk, &bare),
            "күні белгісіз · Русский · сілтеме жоқ"
        );
    }
}
