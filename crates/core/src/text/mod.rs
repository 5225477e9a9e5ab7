//! The text room: reading an article file and cutting it into what the rest
//! of the crate points into. [`source`] reads the files, [`article`] parses one
//! (front matter, [`boilerplate`], paragraphs, dates) and detects its
//! [`lang`]uage, [`sentence`] cuts sentences, [`words`] makes tokens, stems and
//! inflections, [`span`] holds the byte spans and character classes every
//! offset is made of, [`names`] the three-language names the gazetteer and the
//! basemap share, and [`compact`] the small number formatting, parsing and
//! sorting the widget uses instead of the standard library's. Nothing here
//! knows a place or a map.

pub mod article;
pub mod boilerplate;
pub mod compact;
pub mod lang;
pub mod names;
pub mod sentence;
pub mod source;
pub mod span;
pub mod words;

pub use span::{
    Line, Span, is_closing, is_cyrillic, is_kazakh_letter, is_opening, is_terminal, line_of, lines,
};
