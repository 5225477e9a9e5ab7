//! What the host page asks of the widget, as a typed Rust value.
//!
//! A [`RawConfig`] comes from the mount element's attributes
//! ([`RawConfig::from_attributes`]: `lang`, `feature`, `view`, `categories`,
//! `articles`, `since`, `until`, `height`, `theme`, `use-hash`, `link-text`, each also
//! accepted with a `data-` prefix) or
//! from a JS object ([`RawConfig::from_js`], read key by key). [`Config::validate`] checks it against the loaded
//! corpus; every problem names its key and value, and the widget shows them
//! instead of an empty box.

use bilateral_core::Corpus;
use bilateral_core::article::Date;
use bilateral_core::compact::parse_decimal;
use bilateral_core::gazetteer::Category;
use bilateral_core::geo::LatLon;
use bilateral_core::lang::Lang;
use bilateral_core::scope::Scope;
use wasm_bindgen::JsValue;

/// The host's settings as given, all optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawConfig {
    pub lang: Option<String>,
    pub feature: Option<String>,
    /// `"lat,lon,zoom"`, e.g. `"42.9,75.5,3"`.
    pub view: Option<String>,
    /// Category keys, e.g. `["transport", "border-crossing"]`.
    pub categories: Option<Vec<String>>,
    /// Article ids (file names without `.txt`): an embed for one story.
    pub articles: Option<Vec<String>>,
    /// `YYYY-MM-DD`: only articles of that day or later.
    pub since: Option<String>,
    /// `YYYY-MM-DD`: only articles of that day or earlier.
    pub until: Option<String>,
    /// A CSS length (`"520px"`, `"70vh"`) or an aspect ratio (`"16/9"`).
    pub height: Option<String>,
    /// `light`, `dark` or `auto`.
    pub theme: Option<String>,
    pub use_hash: Option<bool>,
    /// A CSS selector of the host's own article text to link to the map.
    pub link_text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Height {
    Length(String),
    AspectRatio(f64, f64),
}

/// Validated settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Option<Lang>,
    /// Id of the initially selected feature (checked to be cited).
    pub feature: Option<String>,
    pub view: Option<(LatLon, f64)>,
    /// What the embed shows (categories, articles, dates); whole by default.
    pub scope: Scope,
    pub height: Option<Height>,
    pub theme: Theme,
    pub use_hash: bool,
    /// The host's text to link to the map (checked by the browser when the
    /// widget mounts: a bad selector is a console warning, not an error).
    pub link_text: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            lang: None,
            feature: None,
            view: None,
            scope: Scope::default(),
            height: None,
            theme: Theme::Auto,
            use_hash: true,
            link_text: None,
        }
    }
}

impl RawConfig {
    /// Reads the settings from an element's attributes.
    pub fn from_attributes(el: &web_sys::Element) -> Result<RawConfig, Vec<String>> {
        let get = |name: &str| {
            el.get_attribute(name)
                .or_else(|| el.get_attribute(&format!("data-{name}")))
        };
        let use_hash = match get("use-hash").as_deref() {
            None => None,
            Some("true") | Some("") => Some(true),
            Some("false") => Some(false),
            Some(other) => return Err(vec![format!("use-hash: `{other}` is not true or false")]),
        };
        // Read by the element's script (`www/bilateral-map.js`); checked here.
        if let Some(bad) = get("loading").filter(|v| !is_loading(v)) {
            return Err(vec![format!("loading: `{bad}` is not lazy or eager")]);
        }
        let list = |s: String| -> Vec<String> {
            s.split(',')
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        };
        Ok(RawConfig {
            // The page's own `lang` on <html> is read elsewhere; here only the element's.
            lang: get("lang"),
            feature: get("feature"),
            view: get("view"),
            categories: get("categories").map(list),
            articles: get("articles").map(list),
            since: get("since"),
            until: get("until"),
            height: get("height"),
            theme: get("theme"),
            use_hash,
            link_text: get("link-text"),
        })
    }

    /// These settings, with every one that `other` gives replacing ours.
    pub fn overlaid_with(self, other: RawConfig) -> RawConfig {
        RawConfig {
            lang: other.lang.or(self.lang),
            feature: other.feature.or(self.feature),
            view: other.view.or(self.view),
            categories: other.categories.or(self.categories),
            articles: other.articles.or(self.articles),
            since: other.since.or(self.since),
            until: other.until.or(self.until),
            height: other.height.or(self.height),
            theme: other.theme.or(self.theme),
            use_hash: other.use_hash.or(self.use_hash),
            link_text: other.link_text.or(self.link_text),
        }
    }

    /// Reads the settings from a JS object such as `{lang: "kk", useHash: false}`.
    /// Each key is read by name with `Reflect` (no serde here: its
    /// deserializer's error texts link float formatting into the wasm, and
    /// serde-wasm-bindgen does the events' `detail` instead); a value of the
    /// wrong type or a key the widget does not know is named.
    pub fn from_js(value: JsValue) -> Result<RawConfig, Vec<String>> {
        if value.is_undefined() || value.is_null() {
            return Ok(RawConfig::default());
        }
        if !value.is_object() {
            return Err(vec!["config: it must be an object".to_string()]);
        }
        const KEYS: [&str; 12] = [
            "lang",
            "feature",
            "view",
            "categories",
            "articles",
            "since",
            "until",
            "height",
            "theme",
            "useHash",
            "linkText",
            "loading",
        ];
        let mut errors: Vec<String> = js_sys::Object::keys(&js_sys::Object::from(value.clone()))
            .iter()
            .filter_map(|k| k.as_string())
            .filter(|k| !KEYS.contains(&k.as_str()))
            .map(|k| format!("config: unknown key `{k}` (known: {})", KEYS.join(", ")))
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let get = |key: &str| {
            js_sys::Reflect::get(&value, &JsValue::from_str(key))
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let mut text = |key: &str| {
            let v = get(key)?;
            let s = v.as_string();
            if s.is_none() {
                errors.push(format!("config: `{key}` must be a string"));
            }
            s
        };
        let (lang, feature, view) = (text("lang"), text("feature"), text("view"));

        let (since, until, height, theme) =
            (text("since"), text("until"), text("height"), text("theme"));
        let (link_text, loading) = (text("linkText"), text("loading"));
        let mut list = |key: &str| {
            let v = get(key)?;
            let items: Option<Vec<String>> = js_sys::Array::is_array(&v)
                .then(|| {
                    js_sys::Array::from(&v)
                        .iter()
                        .map(|i| i.as_string())
                        .collect()
                })
                .flatten();
            if items.is_none() {
                errors.push(format!("config: `{key}` must be a list of strings"));
            }
            items
        };
        let (categories, articles) = (list("categories"), list("articles"));
        let use_hash = get("useHash").and_then(|v| {
            let b = v.as_bool();
            if b.is_none() {
                errors.push("config: `useHash` must be true or false".to_string());
            }
            b
        });
        if let Some(bad) = loading.filter(|v| !is_loading(v)) {
            errors.push(format!("config: `loading` is `{bad}`, not lazy or eager"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(RawConfig {
            lang,
            feature,
            view,
            categories,
            articles,
            since,
            until,
            height,
            theme,
            use_hash,
            link_text,
        })
    }
}

impl Config {
    /// Checks every setting; all problems are returned together.
    pub fn validate(raw: &RawConfig, corpus: &Corpus) -> Result<Config, Vec<String>> {
        let mut errors = Vec::new();
        let mut config = Config::default();
        if let Some(l) = &raw.lang {
            match Lang::from_code(l) {
                Some(lang) => config.lang = Some(lang),
                None => errors.push(format!("lang: `{l}` is not one of ru, kk, en")),
            }
        }
        if let Some(id) = &raw.feature {
            if corpus.feature(id).is_some() {
                config.feature = Some(id.clone());
            } else {
                errors.push(format!("feature: no cited feature has the id `{id}`"));
            }
        }
        if let Some(v) = &raw.view {
            let parts: Vec<Option<f64>> = v.split(',').map(|p| parse_decimal(p.trim())).collect();
            match parts.as_slice() {
                [Some(lat), Some(lon), Some(zoom)]
                    if LatLon::new(*lat, *lon).is_valid() && (0.5..=12.0).contains(zoom) =>
                {
                    config.view = Some((LatLon::new(*lat, *lon), *zoom));
                }
                _ => errors.push(format!(
                    "view: `{v}` is not \"lat,lon,zoom\" with zoom from 0.5 to 12"
                )),
            }
        }
        if let Some(keys) = &raw.categories {
            let mut list = Vec::new();
            for key in keys {
                match Category::ALL.into_iter().find(|c| c.key() == key) {
                    Some(c) => list.push(c),
                    None => errors.push(format!(
                        "categories: `{key}` is not one of {}",
                        Category::ALL.map(|c| c.key()).join(", ")
                    )),
                }
            }
            config.scope.categories = Some(list);
        }
        validate_story(raw, corpus, &mut config.scope, &mut errors);
        if let Some(h) = &raw.height {
            match parse_height(h) {
                Some(height) => config.height = Some(height),
                None => errors.push(format!(
                    "height: `{h}` is not a CSS length (520px, 70vh) or a ratio (16/9)"
                )),
            }
        }
        match raw.theme.as_deref() {
            None | Some("auto") => {}
            Some("light") => config.theme = Theme::Light,
            Some("dark") => config.theme = Theme::Dark,
            Some(other) => errors.push(format!("theme: `{other}` is not light, dark or auto")),
        }
        config.use_hash = raw.use_hash.unwrap_or(true);
        config.link_text = raw.link_text.clone();
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }
}

/// The `articles`, `since` and `until` settings: known ids, real dates, in order.
fn validate_story(raw: &RawConfig, corpus: &Corpus, scope: &mut Scope, errors: &mut Vec<String>) {
    if let Some(ids) = &raw.articles {
        for id in ids {
            if !corpus.articles.iter().any(|a| a.id == *id) {
                errors.push(format!("articles: no article has the id `{id}`"));
            }
        }
        scope.articles = Some(ids.clone());
    }
    let mut date = |key: &str, value: &Option<String>| {
        let v = value.as_deref()?;
        let d = Date::parse(v.trim());
        if d.is_none() {
            errors.push(format!("{key}: `{v}` is not a date YYYY-MM-DD"));
        }
        d
    };
    scope.since = date("since", &raw.since);
    scope.until = date("until", &raw.until);
    if let (Some(s), Some(u)) = (scope.since, scope.until)
        && s > u
    {
        errors.push(format!("since: {s} is after until: {u}"));
    }
}

fn parse_height(s: &str) -> Option<Height> {
    let s = s.trim();
    if let Some((w, h)) = s.split_once('/') {
        let (w, h): (f64, f64) = (parse_decimal(w.trim())?, parse_decimal(h.trim())?);
        return (w > 0.0 && h > 0.0).then_some(Height::AspectRatio(w, h));
    }
    let number_end = s.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (n, unit) = s.split_at(number_end);
    let ok = parse_decimal(n).is_some_and(|v| v > 0.0) && ["px", "vh", "rem", "em"].contains(&unit);
    ok.then(|| Height::Length(s.to_string()))
}

/// The `loading` setting's values: load as the reader nears the element
/// (the default), or at once.
fn is_loading(value: &str) -> bool {
    matches!(value, "lazy" | "eager")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights() {
        assert_eq!(parse_height("16/9"), Some(Height::AspectRatio(16.0, 9.0)));
        assert_eq!(parse_height("520px"), Some(Height::Length("520px".into())));
        assert_eq!(parse_height("70vh"), Some(Height::Length("70vh".into())));
        assert_eq!(parse_height("calc(1px)"), None);
        assert_eq!(parse_height("0/9"), None);
        assert_eq!(parse_height("12"), None);
    }
}
