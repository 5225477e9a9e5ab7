//! `atlas synth`: a generated corpus of any size, for `make bench-scale`.
//!
//! Article `i` is 6–14 sentences of the seed corpus (drawn by a fixed linear
//! congruential generator, as the criterion bench does) in 2–4 paragraphs,
//! with, in its second paragraph, one sentence naming each of two gazetteer
//! entries by their Russian names, taken in turn over every curated entry
//! that is drawn on the map, so the features spread over the whole
//! gazetteer. The articles are dated evenly over the five years 2021–2025,
//! and headed by a title. The
//! pipeline links the generated texts like any other: nothing here decides
//! what is cited.

use std::path::Path;

use bilateral_core::article::{self, Article};
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::load_dir;

/// Writes `count` articles `synth-NNNNN.txt` to `out` (created if missing).
pub fn write(seed_dir: &Path, gazetteer: &Path, count: usize, out: &Path) -> Result<usize, String> {
    let gazetteer = Gazetteer::load(gazetteer).map_err(|e| e.to_string())?;
    let files = load_dir(seed_dir).map_err(|e| e.to_string())?;
    let mut sentences = Vec::new();
    for file in &files {
        let a: Article = article::parse(file).map_err(|e| e.to_string())?;
        sentences.extend((0..a.sentences.len()).map(|i| a.sentence_text(i).replace('\n', " ")));
    }
    let names: Vec<&str> = gazetteer
        .entries
        .iter()
        .filter(|e| e.geometry.is_some())
        .map(|e| e.name.ru.as_str())
        .collect();
    if sentences.is_empty() || names.is_empty() {
        return Err("no seed sentences or no located gazetteer entries".into());
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create: {e}", out.display()))?;
    let mut lcg = bilateral_core::compact::Lcg::new();
    let mut next = |m: usize| lcg.below(m);
    for i in 0..count {
        let mut text = format!("date: {}\n", date(i * 1826 / count.max(1)));
        text.push_str(&format!("title: Сводка {}\n\n", i + 1));
        let paragraphs = 2 + next(3);
        let per = (6 + next(9)) / paragraphs + 1;
        for p in 0..paragraphs {
            let mut para: Vec<String> = (0..per)
                .map(|_| sentences[next(sentences.len())].clone())
                .collect();
            if p == 1 {
                for k in 0..2 {
                    let name = names[(2 * i + k) % names.len()];
                    para.push(format!("На встрече обсуждали объект «{name}»."));
                }
            }
            text.push_str(&para.join(" "));
            text.push_str("\n\n");
        }
        let path = out.join(format!("synth-{i:05}.txt"));
        std::fs::write(&path, text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(count)
}

/// 2021-01-01 plus `days`, as YYYY-MM-DD (a Gregorian calendar walk).
fn date(days: usize) -> String {
    let (mut year, mut day) = (2021usize, days);
    loop {
        let len = if is_leap(year) { 366 } else { 365 };
        if day < len {
            break;
        }
        day -= len;
        year += 1;
    }
    let months = [
        31,
        if is_leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while day >= months[month] {
        day -= months[month];
        month += 1;
    }
    format!("{year:04}-{:02}-{:02}", month + 1, day + 1)
}

fn is_leap(y: usize) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_walk_the_calendar() {
        // Expected values from Python's datetime.date(2021, 1, 1) + timedelta(days=n).
        assert_eq!(date(0), "2021-01-01");
        assert_eq!(date(7), "2021-01-08");
        assert_eq!(date(365), "2022-01-01");
        assert_eq!(date(1154), "2024-02-29");
        assert_eq!(date(1155), "2024-03-01");
        assert_eq!(date(1825), "2025-12-31");
    }
}
