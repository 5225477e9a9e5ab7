//! Names in Russian, Kazakh and English, and extra match phrases per
//! language (Kyrgyz too, groundwork for a Kyrgyz corpus): the shapes the gazetteer, its terms and the places layer share.

use serde::{Deserialize, Serialize};

use crate::text::lang::Lang;

/// A text in each of the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    pub ru: String,
    pub kk: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
            Lang::En => &self.en,
        }
    }
}

/// Extra match phrases per language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    #[serde(default)]
    pub ru: Vec<String>,
    #[serde(default)]
    pub kk: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    /// Kyrgyz phrases (no Kyrgyz UI yet: matched in every article, like the rest).
    #[serde(default)]
    pub ky: Vec<String>,
}
