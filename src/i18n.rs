//! The widget's own words in Russian, Kazakh and English.
//!
//! Source sentences are never translated: they keep their language and a
//! `lang` attribute. Plural forms follow CLDR rules: Russian one/few/many,
//! Kazakh and English one/other (Kazakh nouns stay singular after numerals).

use bilateral_core::gazetteer::Precision;
use bilateral_core::lang::Lang;
pub use bilateral_core::ui::{category_name as category, lang_name};

/// Every UI string, for one language.
pub struct Text {
    pub subtitle: &'static str,
    pub map_label: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub reset: &'static str,
    pub legend: &'static str,
    pub close: &'static str,
    pub back: &'static str,
    pub wheel_hint: &'static str,
    pub touch_hint: &'static str,
    pub keyboard_hint: &'static str,
    pub language: &'static str,
    pub open_article: &'static str,
    /// The link from a citation to its sentence on the publisher's page.
    pub at_source: &'static str,
    pub at_source_title: &'static str,
    /// Cite and share, in the reader.
    pub copy_link: &'static str,
    pub copy_reference: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    /// Before the GeoJSON and CSV buttons.
    pub get_the_data: &'static str,
    /// The reader's line linking the other reports of the same event.
    pub same_event: &'static str,
    /// Above the reports of one event that cite a feature, side by side.
    pub same_event_here: &'static str,
    pub mentions_in_text: &'static str,
    /// The search field's name and placeholder.
    pub search: &'static str,
    pub search_placeholder: &'static str,
    /// The timeline's group name, its date inputs and its reset button.
    pub timeline: &'static str,
    pub since: &'static str,
    pub until: &'static str,
    pub whole_period: &'static str,
    /// A feature with no citation in the timeline's period.
    pub none_in_period: &'static str,
    /// Panel heading over a town's citations that say something happened there.
    pub meetings_here: &'static str,
    /// Panel heading over a town's passing mentions.
    pub mentioned: &'static str,
    /// Legend entry for the ring round a town where meetings took place.
    pub venue: &'static str,
    /// An embed for one story: the button that shows every article's features.
    pub whole_corpus: &'static str,
    /// …and the one that goes back to the story's.
    pub only_story: &'static str,
    /// The reader while the article's text is on its way.
    pub loading_article: &'static str,
    /// The reader when the article's text could not be had (the technical
    /// reason follows, in English).
    pub article_unavailable: &'static str,
    /// The panel while its quotes are on their way ([`crate::details`]).
    pub loading_quotes: &'static str,
    /// The search's results while its words are on their way.
    pub loading_search: &'static str,
    /// The panel and the search when the quotes could not be had.
    pub quotes_unavailable: &'static str,
}

pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Ru => &RU,
        Lang::Kk => &KK,
        Lang::En => &EN,
    }
}

static RU: Text = Text {
    subtitle: "Каждый объект на карте открывает предложения из новостей, в которых он упомянут.",
    map_label: "Карта проектов Казахстана и Кыргызстана",
    zoom_in: "Приблизить",
    zoom_out: "Отдалить",
    reset: "Исходный вид карты",
    legend: "Условные обозначения",
    close: "Закрыть",
    back: "← К объекту",
    whole_corpus: "Показать все статьи",
    only_story: "Только статьи этого материала",
    loading_article: "Загружаем текст статьи…",
    article_unavailable: "Полный текст статьи не загрузился; процитированные предложения — выше.",
    loading_quotes: "Загружаем цитаты…",
    loading_search: "Загружаем поиск…",
    quotes_unavailable: "Цитаты не загрузились; попробуйте обновить страницу.",
    wheel_hint: "Чтобы масштабировать, прокручивайте с Ctrl или сначала щёлкните по карте",
    touch_hint: "Двигайте карту двумя пальцами",
    keyboard_hint: "Стрелки — сдвиг, + и − — масштаб, Tab — к объектам",
    language: "Язык",
    open_article: "Открыть статью на этом предложении",
    at_source: "Это предложение на сайте издания",
    at_source_title: "Открывается в новой вкладке, предложение выделено",
    copy_link: "Скопировать ссылку",
    copy_reference: "Скопировать цитату",
    copied: "Скопировано",
    copy_by_hand: "Текст выделен ниже: скопируйте его (Ctrl+C)",
    get_the_data: "Данные карты с цитатами:",
    same_event: "Об этом же событии:",
    same_event_here: "Одно событие в статьях на разных языках",
    search: "Поиск по объектам и цитатам",
    search_placeholder: "Найти: Иссык-Куль, Ош…",
    timeline: "Период публикаций",
    since: "С",
    until: "По",
    whole_period: "Весь период",
    none_in_period: "нет цитат за этот период",
    mentions_in_text: "Упомянутые объекты — ссылки на карту",
    meetings_here: "Здесь проходили встречи",
    mentioned: "Упоминания",
    venue: "Здесь проходили встречи",
};

static KK: Text = Text {
    subtitle: "Картадағы әр нысан өзі аталған жаңалық сөйлемдерін ашады.",
    map_label: "Қазақстан мен Қырғызстан жобаларының картасы",
    zoom_in: "Жақындату",
    zoom_out: "Алыстату",
    reset: "Картаның бастапқы көрінісі",
    legend: "Шартты белгілер",
    close: "Жабу",
    back: "← Нысанға оралу",
    whole_corpus: "Барлық мақалаларды көрсету",
    only_story: "Тек осы материалдың мақалалары",
    loading_article: "Мақала мәтіні жүктелуде…",
    article_unavailable: "Мақаланың толық мәтіні жүктелмеді; келтірілген сөйлемдер жоғарыда.",
    loading_quotes: "Дәйексөздер жүктелуде…",
    loading_search: "Іздеу жүктелуде…",
    quotes_unavailable: "Дәйексөздер жүктелмеді; бетті жаңартып көріңіз.",
    wheel_hint: "Масштабтау үшін Ctrl басып айналдырыңыз немесе алдымен картаны басыңыз",
    touch_hint: "Картаны екі саусақпен жылжытыңыз",
    keyboard_hint: "Бағыт пернелері — жылжыту, + және − — масштаб, Tab — нысандарға",
    language: "Тіл",
    open_article: "Мақаланы осы сөйлемнен ашу",
    at_source: "Бұл сөйлем басылым сайтында",
    at_source_title: "Жаңа қойындыда ашылады, сөйлем белгіленеді",
    copy_link: "Сілтемені көшіру",
    copy_reference: "Дәйексөзді көшіру",
    copied: "Көшірілді",
    copy_by_hand: "Мәтін төменде белгіленді: оны көшіріңіз (Ctrl+C)",
    get_the_data: "Картаның деректері дәйексөздерімен:",
    same_event: "Осы оқиға туралы:",
    same_event_here: "Бір оқиға, әр тілдегі мақалаларда",
    search: "Нысандар мен дәйексөздерден іздеу",
    search_placeholder: "Іздеу: Ыстықкөл, Ош…",
    timeline: "Жарияланған кезең",
    since: "Бастап",
    until: "Дейін",
    whole_period: "Барлық кезең",
    none_in_period: "бұл кезеңде дәйексөз жоқ",
    mentions_in_text: "Аталған нысандар — картаға сілтеме",
    meetings_here: "Мұнда кездесулер өтті",
    mentioned: "Аталған жерлері",
    venue: "Мұнда кездесулер өтті",
};

static EN: Text = Text {
    subtitle: "Every feature on the map opens the news sentences that mention it.",
    map_label: "Map of Kazakhstan–Kyrgyzstan projects",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset: "Back to the first view",
    legend: "Legend",
    close: "Close",
    back: "← Back to feature",
    whole_corpus: "Show all articles",
    only_story: "Only this story's articles",
    loading_article: "Loading the article's text…",
    article_unavailable: "The article's full text could not be loaded; the cited sentences are above.",
    loading_quotes: "Loading the quotes…",
    loading_search: "Loading the search…",
    quotes_unavailable: "The quotes could not be loaded; try reloading the page.",
    wheel_hint: "Use Ctrl + scroll to zoom, or click the map first",
    touch_hint: "Use two fingers to move the map",
    keyboard_hint: "Arrows pan, + and − zoom, Tab moves to features",
    language: "Language",
    open_article: "Open the article at this sentence",
    at_source: "This sentence on the publisher's site",
    at_source_title: "Opens in a new tab with the sentence highlighted",
    copy_link: "Copy link",
    copy_reference: "Copy citation",
    copied: "Copied",
    copy_by_hand: "The text is selected below: copy it (Ctrl+C)",
    get_the_data: "The map's data with its citations:",
    same_event: "The same event in:",
    same_event_here: "One event, reported in several languages",
    search: "Search features and quotes",
    search_placeholder: "Search: Issyk-Kul, Osh…",
    timeline: "Publication period",
    since: "From",
    until: "To",
    whole_period: "Whole period",
    none_in_period: "no citations in this period",
    mentions_in_text: "Mentioned features link to the map",
    meetings_here: "Meetings held here",
    mentioned: "Mentioned",
    venue: "Meetings held here",
};

/// "3 citations" in the UI language.
pub fn citations(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!("{n} {}", ru_plural(n, "цитата", "цитаты", "цитат")),
        Lang::Kk => format!("{n} дәйексөз"),
        Lang::En => format!("{n} {}", if n == 1 { "citation" } else { "citations" }),
    }
}

/// "in 2 articles" in the UI language.
pub fn in_articles(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!("в {n} {}", ru_plural(n, "статье", "статьях", "статьях")),
        Lang::Kk => format!("{n} мақалада"),
        Lang::En => format!("in {n} {}", if n == 1 { "article" } else { "articles" }),
    }
}

/// The panel's button under a long list: "20 more articles (of 180 left)".
pub fn more_articles(lang: Lang, next: usize, left: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "Ещё {next} {} (осталось {left})",
            ru_plural(next, "статья", "статьи", "статей")
        ),
        Lang::Kk => format!("Тағы {next} мақала (қалғаны {left})"),
        Lang::En => format!(
            "{next} more {} ({left} left)",
            if next == 1 { "article" } else { "articles" }
        ),
    }
}

/// The search results' count.
pub fn found(lang: Lang, features: usize, quotes: usize) -> String {
    match (lang, features + quotes) {
        (Lang::Ru, 0) => "Ничего не найдено".into(),
        (Lang::Kk, 0) => "Ештеңе табылмады".into(),
        (Lang::En, 0) => "Nothing found".into(),
        (Lang::Ru, _) => format!("Объектов: {features} · цитат: {quotes}"),
        (Lang::Kk, _) => format!("Нысан: {features} · дәйексөз: {quotes}"),
        (Lang::En, _) => format!("Features: {features} · quotes: {quotes}"),
    }
}

/// The timeline's count of cited articles without a date.
pub fn undated(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "{n} {} без даты",
            ru_plural(n, "статья", "статьи", "статей")
        ),
        Lang::Kk => format!("күні белгісіз {n} мақала"),
        Lang::En => format!(
            "{n} undated {}",
            if n == 1 { "article" } else { "articles" }
        ),
    }
}

/// The panel's line on when a feature was written about.
pub fn first_last(lang: Lang, first: &str, last: &str) -> String {
    match (lang, first == last) {
        (Lang::Ru, true) => format!("Упоминание: {first}"),
        (Lang::Ru, false) => format!("Первое упоминание: {first}, последнее: {last}"),
        (Lang::Kk, true) => format!("Аталған күні: {first}"),
        (Lang::Kk, false) => format!("Алғаш аталғаны: {first}, соңғысы: {last}"),
        (Lang::En, true) => format!("Mentioned {first}"),
        (Lang::En, false) => format!("First mentioned {first}, last {last}"),
    }
}

/// The panel's count when the timeline hides some citations.
pub fn in_period(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ru => format!("За выбранный период: {shown} из {total}"),
        Lang::Kk => format!("Таңдалған кезеңде: {total} ішінен {shown}"),
        Lang::En => format!("In the chosen period: {shown} of {total}"),
    }
}

/// The panel's count of the feature's names in the host page's own text.
pub fn mentioned_here(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "Упоминается в этой статье {n} {}",
            ru_plural(n, "раз", "раза", "раз")
        ),
        Lang::Kk => format!("Осы мақалада {n} рет аталады"),
        Lang::En => format!(
            "Mentioned {n} {} in this article",
            if n == 1 { "time" } else { "times" }
        ),
    }
}

/// A link in the host page's text: its words, then what it does.
pub fn show_on_map(lang: Lang, words: &str) -> String {
    match lang {
        Lang::Ru => format!("{words} — показать на карте"),
        Lang::Kk => format!("{words} — картадан көрсету"),
        Lang::En => format!("{words} — show on the map"),
    }
}

/// A cluster symbol's name and its list's heading: "3 objects here".
pub fn features_here(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "Здесь {n} {}",
            ru_plural(n, "объект", "объекта", "объектов")
        ),
        Lang::Kk => format!("Мұнда {n} нысан"),
        Lang::En => format!("{n} {} here", if n == 1 { "feature" } else { "features" }),
    }
}

/// CLDR Russian plural categories: one (1, 21, …), few (2–4, 22–24, …), many.
fn ru_plural(n: usize, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match (n % 10, n % 100) {
        (1, m) if m != 11 => one,
        (2..=4, m) if !(12..=14).contains(&m) => few,
        _ => many,
    }
}

/// What the reader is told about how exact a feature's place is.
pub fn precision(lang: Lang, p: Precision) -> &'static str {
    use Precision::*;
    match (lang, p) {
        (Lang::Ru, Exact) => "Точное место",
        (Lang::Ru, Approximate) => "Место приблизительное",
        (Lang::Ru, Schematic) => "Схема маршрута",
        (Lang::Ru, Unlocated) => "Место не опубликовано",
        (Lang::Kk, Exact) => "Нақты орны",
        (Lang::Kk, Approximate) => "Орны шамамен",
        (Lang::Kk, Schematic) => "Бағыт сызбасы",
        (Lang::Kk, Unlocated) => "Орны жарияланбаған",
        (Lang::En, Exact) => "Exact location",
        (Lang::En, Approximate) => "Approximate location",
        (Lang::En, Schematic) => "Schematic route",
        (Lang::En, Unlocated) => "Location not published",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plurals() {
        let got: Vec<String> = [1, 2, 5, 11, 12, 21, 22, 25, 111]
            .iter()
            .map(|&n| citations(Lang::Ru, n))
            .collect();
        assert_eq!(
            got,
            [
                "1 цитата",
                "2 цитаты",
                "5 цитат",
                "11 цитат",
                "12 цитат",
                "21 цитата",
                "22 цитаты",
                "25 цитат",
                "111 цитат"
            ]
        );
    }

    #[test]
    fn english_and_kazakh() {
        assert_eq!(citations(Lang::En, 1), "1 citation");
        assert_eq!(citations(Lang::En, 3), "3 citations");
        assert_eq!(citations(Lang::Kk, 3), "3 дәйексөз");
    }
}
