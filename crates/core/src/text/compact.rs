//! Number formatting, number parsing and index sorting for the widget, written
//! small on purpose.
//!
//! The standard library's float formatting (Grisu/Dragon, `{:.N}`), float
//! parsing and each `sort_by_key` instantiation add kilobytes to the wasm
//! (measured with `twiggy top` on a `wasm-opt -g -Oz` build; README, "Size").
//! The widget only needs fixed decimals for SVG and CSS values, plain decimal
//! numbers in its configuration, and a few stable orders of indices, so these
//! three functions stand in for them. Everything here is exact for the ranges
//! the widget uses (|v| < 10^12 at 6 places) and tested against the standard
//! library below.

/// `v` rounded to `places` decimals, trailing zeros dropped: `12.30` → `"12.3"`,
/// `-0.04` at 1 place → `"0"`. Not finite → `"0"`.
/// A fixed linear congruential generator (Knuth's MMIX multiplier), for
/// generated corpora that are the same on every run: the criterion bench's
/// and `atlas synth`'s.
pub struct Lcg(u64);

impl Lcg {
    pub fn new() -> Lcg {
        Lcg(0x2545_f491_4f6c_dd1d)
    }

    /// The next number in `0..m` (`m` > 0).
    pub fn below(&mut self, m: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (self.0 >> 33) as usize % m
    }
}

impl Default for Lcg {
    fn default() -> Lcg {
        Lcg::new()
    }
}

/// `v` within `lo..=hi` (`hi` wins when they cross, as `v.max(lo).min(hi)`).
/// `f64::clamp` asserts `lo <= hi` with a message that formats both floats,
/// which links all of float formatting into the wasm (12 KB raw).
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

pub fn decimal(v: f64, places: u32) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let scale = 10u64.pow(places);
    let n = (v * scale as f64).round() as i64;
    let (whole, mut frac) = (n.unsigned_abs() / scale, n.unsigned_abs() % scale);
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    out += &whole.to_string();
    if frac > 0 {
        let mut width = places as usize;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        let digits = frac.to_string();
        out.push('.');
        out.extend(std::iter::repeat_n('0', width - digits.len()));
        out += &digits;
    }
    out
}

/// Parses a plain decimal number: optional sign, digits, optional `.` and
/// digits (`"42"`, `"-7.5"`, `".5"`). No exponent, no `inf` or `NaN`;
/// surrounding spaces are not allowed either (trim first).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + frac.len() == 0 || !all_digits(whole) || !all_digits(frac) {
        return None;
    }
    let mut v = 0.0f64;
    for b in whole.bytes() {
        v = v * 10.0 + f64::from(b - b'0');
    }
    let mut unit = 1.0f64;
    for b in frac.bytes().take(17) {
        unit /= 10.0;
        v += f64::from(b - b'0') * unit;
    }
    Some(if negative { -v } else { v })
}

/// The indices `0..keys.len()` ordered by key, ties kept in index order (a
/// stable sort). One instantiation serves every order the widget needs.
pub fn order_by_key(keys: impl IntoIterator<Item = u64>) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_repeats_its_sequence() {
        let (mut a, mut b) = (Lcg::new(), Lcg::new());
        let xs: Vec<usize> = (0..5).map(|_| a.below(100)).collect();
        assert_eq!(xs, (0..5).map(|_| b.below(100)).collect::<Vec<_>>());
        // 0x2545f4914f6cdd1d * 6364136223846793005 + 1, mod 2^64, >> 33, mod 100.
        let first = (0x2545_f491_4f6c_dd1d_u64
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1)
            >> 33) as usize
            % 100;
        assert_eq!(xs[0], first);
        assert!(xs.iter().all(|&x| x < 100));
    }

    #[test]
    fn clamp_matches_std_where_std_does_not_panic() {
        for &(v, lo, hi) in &[
            (5.0, 0.0, 1.0),
            (-5.0, 0.0, 1.0),
            (0.5, 0.0, 1.0),
            (1.0, 1.0, 1.0),
        ] {
            assert_eq!(clamp(v, lo, hi), f64::clamp(v, lo, hi));
        }
        assert_eq!(clamp(0.5, 2.0, 1.0), 1.0);
    }

    #[test]
    fn decimal_matches_std_fixed_formatting_without_trailing_zeros() {
        for &(v, places) in &[
            (0.0, 1),
            (12.3, 1),
            (12.34, 2),
            (-5.05, 2),
            (1234.5678, 2),
            (0.000_123_456, 6),
            (-1690.9, 1),
            (3.0, 6),
            (0.1 + 0.2, 6),
            (-0.04, 1),
        ] {
            let std = format!("{v:.*}", places as usize);
            let trimmed = if std.contains('.') {
                std.trim_end_matches('0').trim_end_matches('.').to_string()
            } else {
                std
            };
            let expected = if trimmed == "-0" {
                "0".to_string()
            } else {
                trimmed
            };
            assert_eq!(decimal(v, places), expected, "{v} at {places}");
        }
    }

    #[test]
    fn decimal_of_non_finite_is_zero() {
        assert_eq!(decimal(f64::NAN, 2), "0");
        assert_eq!(decimal(f64::INFINITY, 2), "0");
    }

    #[test]
    fn parse_decimal_agrees_with_std_on_plain_numbers() {
        for s in [
            "0",
            "42",
            "-7.5",
            ".5",
            "5.",
            "+3.25",
            "42.987654321",
            "-0.0001",
        ] {
            let ours = parse_decimal(s).unwrap_or_else(|| panic!("{s} refused"));
            let std: f64 = s.parse().unwrap();
            assert!(
                (ours - std).abs() <= std.abs() * 1e-15,
                "{s}: {ours} vs {std}"
            );
        }
    }

    #[test]
    fn parse_decimal_refuses_what_is_not_a_plain_number() {
        for s in [
            "", "-", ".", "1e5", "inf", "NaN", "12px", " 1", "1 ", "1.2.3", "--1", "0x10",
        ] {
            assert_eq!(parse_decimal(s), None, "{s:?}");
        }
    }

    #[test]
    fn order_by_key_is_stable() {
        assert_eq!(order_by_key([3, 1, 2, 1, 0]), vec![4, 1, 3, 2, 0]);
        assert_eq!(order_by_key([5, 5, 5]), vec![0, 1, 2]);
        assert!(order_by_key([]).is_empty());
    }
}
