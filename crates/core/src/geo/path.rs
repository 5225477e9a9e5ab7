//! The SVG paths this crate writes for the basemap and the routes, in
//! kilometres of the projected plane with one decimal: an absolute `M x y`
//! at each part's start, relative `l dx dy` steps after it, `z` to close a
//! ring, numbers as short as SVG allows (`-.5`, `4`). [`write`] makes them,
//! [`parse`] reads them back (`atlas`'s fallback cuts them to its frame).

use crate::geo::viewport::SvgPoint;

/// One part of a path: its points, and whether it closes (`z`).
pub type Part = (Vec<SvgPoint>, bool);

/// The parts of a path `d` in [`crate::geo::basemap::svg_path`]'s form;
/// `None` for anything else.
pub fn parse(d: &str) -> Option<Vec<Part>> {
    let mut parts: Vec<Part> = Vec::new();
    let mut rest = d.trim();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            'M' | 'l' => {
                let (x, r) = number(rest)?;
                let (y, r) = number(r.strip_prefix(' ').unwrap_or(r))?;
                rest = r;
                if c == 'M' {
                    parts.push((vec![SvgPoint::new(x, y)], false));
                } else {
                    let points = &mut parts.last_mut()?.0;
                    let last = *points.last()?;
                    points.push(SvgPoint::new(last.x + x, last.y + y));
                }
            }
            'z' => parts.last_mut()?.1 = true,
            ' ' => {}
            _ => return None,
        }
    }
    Some(parts)
}

/// A number at the start of `s` (`-12.3`, `.5`, `4`) and what follows it.
fn number(s: &str) -> Option<(f64, &str)> {
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (c == '-' && i == 0)))
        .map_or(s.len(), |(i, _)| i);
    Some((crate::text::compact::parse_decimal(&s[..end])?, &s[end..]))
}

/// `parts` as a path `d` in tenths: `M` for each start, relative `l` steps,
/// `z` for closed parts; steps that round to nothing are skipped.
pub fn write(parts: &[Part]) -> String {
    let mut d = String::new();
    for (points, closed) in parts {
        let mut prev: Option<(i64, i64)> = None;
        for (i, p) in points.iter().enumerate() {
            let q = ((p.x * 10.0).round() as i64, (p.y * 10.0).round() as i64);
            match prev {
                None => d.push_str(&format!("M{} {}", tenths(q.0), tenths(q.1))),
                Some(last) if last == q && i + 1 < points.len() => continue,
                Some(last) => d.push_str(&format!(
                    "l{} {}",
                    tenths(q.0 - last.0),
                    tenths(q.1 - last.1)
                )),
            }
            prev = Some(q);
        }
        if *closed && prev.is_some() {
            d.push('z');
        }
    }
    d
}

/// `123` tenths → `"12.3"`, `-5` → `"-.5"`, `40` → `"4"`: the shortest SVG number.
pub fn tenths(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let (whole, frac) = (v.abs() / 10, v.abs() % 10);
    match (whole, frac) {
        (w, 0) => format!("{sign}{w}"),
        (0, f) => format!("{sign}.{f}"),
        (w, f) => format!("{sign}{w}.{f}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(tenths(123), "12.3");
        assert_eq!(tenths(-5), "-.5");
        assert_eq!(tenths(40), "4");
        assert_eq!(tenths(0), "0");
    }

    #[test]
    fn a_path_reads_back_as_written() {
        let d = "M-1854.4 -672.9l38.6 29.5l.3 2.8l-3.8 3.2zM10 20l-.5 4";
        let parts = parse(d).expect("our own form");
        assert_eq!(parts.len(), 2);
        assert!(parts[0].1 && !parts[1].1);
        let p = parts[0].0[1];
        assert!(
            (p.x + 1815.8).abs() < 1e-9 && (p.y + 643.4).abs() < 1e-9,
            "{p:?}"
        );
        assert_eq!(write(&parts), d);
        assert_eq!(parse("M1 2C3 4"), None);
    }
}
