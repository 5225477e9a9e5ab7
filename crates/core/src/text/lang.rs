//! Language of an article: Russian, Kazakh or English, told apart by letters.
//!
//! Kazakh Cyrillic has nine letters Russian lacks (ә ғ қ ң ө ұ ү һ і); any real
//! Kazakh paragraph uses several of them, while a Russian one uses none (short
//! Kazakh names aside). Text that is mostly Latin is English. This is the
//! "distinctive characters" method of classic language identifiers, which is
//! reliable for these three because their alphabets barely overlap. Letters
//! inside HTML tags are not counted.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::span::{is_cyrillic, is_kazakh_letter};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    Ru,
    Kk,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::Kk, Lang::En];

    /// The BCP 47 code: `ru`, `kk`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ru" => Some(Lang::Ru),
            "kk" | "kz" => Some(Lang::Kk),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Share of Kazakh-only letters among Cyrillic letters above which text is Kazakh.
const KAZAKH_SHARE: f64 = 0.02;

/// Detects the language of some pieces of text taken together.
pub fn detect<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Lang {
    let (mut cyrillic, mut kazakh, mut latin) = (0usize, 0usize, 0usize);
    for piece in pieces {
        let mut in_tag = false;
        for c in piece.chars() {
            // Letters inside HTML tags (`<script>`) are markup, not language.
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ => {}
            }
            if in_tag {
                continue;
            }
            if is_cyrillic(c) {
                cyrillic += 1;
                if is_kazakh_letter(c) {
                    kazakh += 1;
                }
            } else if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
    }
    if latin > cyrillic {
        Lang::En
    } else if cyrillic > 0 && kazakh as f64 / cyrillic as f64 > KAZAKH_SHARE {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian() {
        assert_eq!(detect(["Президент Казахстана посетил Бишкек."]), Lang::Ru);
    }

    #[test]
    fn kazakh() {
        assert_eq!(
            detect(["Мемлекет басшысы бауырлас қырғыз еліне шақырғаны үшін алғыс айтты."]),
            Lang::Kk
        );
    }

    #[test]
    fn english() {
        assert_eq!(
            detect(["The presidents met in Cholpon-Ata on 22 August."]),
            Lang::En
        );
    }

    #[test]
    fn a_kazakh_name_in_russian_text_stays_russian() {
        assert_eq!(
            detect([
                "Министр Нұрлан Сауранбаев доложил о ходе реконструкции пунктов пропуска на границе."
            ]),
            Lang::Ru
        );
    }

    #[test]
    fn markup_does_not_count() {
        assert_eq!(
            detect(["Встреча <b>прошла</b> в Оше. <script>alert(1)</script>"]),
            Lang::Ru
        );
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
    }
}
