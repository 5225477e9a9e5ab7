//! The static fallback: the map and every feature with its citations as plain
//! HTML and SVG, for readers without JavaScript, search engines and print.
//!
//! `atlas render` writes it at build time from the same [`Bundle`] the widget
//! loads. It uses no `style` attributes and no scripts, so it passes a strict
//! Content-Security-Policy (`style-src 'self'`); SVG presentation attributes
//! (`fill`, `stroke`) are not styles and are allowed. All text is escaped.

use std::fmt::Write;

use bilateral_core::Bundle;
use bilateral_core::Citation;
use bilateral_core::gazetteer::{Precision, Status};
use bilateral_core::labels::{self, LabelBox, LabelRequest, LabelStyle, PlacedLabel, Position};
use bilateral_core::lang::Lang;
use bilateral_core::map::Mark;
use bilateral_core::text::Span;
use bilateral_core::ui;
use bilateral_core::viewport::{SvgPoint, SvgRect};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Words of the fallback in each language (shared with the widget).
struct Words {
    lang: Lang,
    title: &'static str,
    date_unknown: &'static str,
    source: &'static str,
    not_on_map: &'static str,
}

fn words(lang: Lang) -> Words {
    Words {
        lang,
        title: ui::title(lang),
        date_unknown: ui::date_unknown(lang),
        source: ui::source(lang),
        not_on_map: ui::not_on_map(lang),
    }
}

/// How much of each feature's citation list a page's fallback shows: the
/// first `citations`, then a link to `all_at` (the page with every citation,
/// [`citations_page`]), so the page's size is bounded by the number of
/// features, not of articles.
pub struct Shown<'a> {
    pub citations: usize,
    pub all_at: &'a str,
}

/// "All citations (12)", the link to the rest of a feature's list.
fn all_citations(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ru => format!("Все цитаты ({n})"),
        Lang::Kk => format!("Барлық дәйексөздер ({n})"),
        Lang::En => format!("All citations ({n})"),
    }
}

/// The fallback fragment for `lang`: a `<div class="bm-fallback">` holding a
/// heading and an SVG map of the cited features (the placeholder that holds
/// the widget's place while it loads), then, in `<noscript>`, the list of
/// features with their citations (all of them, or as `shown` says).
pub fn render(bundle: &Bundle, lang: Lang, shown: Option<&Shown>) -> String {
    let corpus = &bundle.corpus;
    let map = &bundle.map;
    let w = words(lang);
    let pad = (map.fit.width().max(map.fit.height()) * 0.12).max(50.0);
    let (x0, y0) = (map.fit.min.x - pad, map.fit.min.y - pad);
    let (vw, vh) = (map.fit.width() + 2.0 * pad, map.fit.height() + 2.0 * pad);
    // SVG units per nominal pixel of an 800-px-wide drawing.
    let u = vw / 800.0;
    // Only what the picture shows. It fills the fallback's box (the full
    // width, a fixed height: bilateral-map.css), so a viewBox of another
    // shape is letterboxed: an inner <svg> of the viewBox's own size clips
    // the drawing to it (a nested <svg> hides its overflow), and the basemap
    // is cut to the viewBox and a margin ([`clip_path`]), so the cut's seams stay out of
    // sight. (Uncut, the demo page's two fallbacks carried the whole
    // basemap, Russia and China included.)
    let m = vw.max(vh) * 0.02;
    let frame = SvgRect {
        min: SvgPoint::new(x0 - m, y0 - m),
        max: SvgPoint::new(x0 + vw + m, y0 + vh + m),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"bm-fallback\" lang=\"{}\">\n<h2>{}</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{x0:.1} {y0:.1} {vw:.1} {vh:.1}\" role=\"img\" aria-label=\"{}\">\n<svg x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{vw:.1}\" height=\"{vh:.1}\" viewBox=\"{x0:.1} {y0:.1} {vw:.1} {vh:.1}\">\n<rect x=\"{x0:.1}\" y=\"{y0:.1}\" width=\"{vw:.1}\" height=\"{vh:.1}\" fill=\"#dfeaf2\"/>\n",
        lang.code(),
        escape(w.title),
        escape(w.title)
    );
    basemap_paths(&mut out, map, frame, u);
    // Labels right of their symbol, else left, kept inside the map and clear
    // of every symbol and earlier label ([`bilateral_core::labels`], as in the widget);
    // otherwise left out (the list below names every feature anyway).
    let labels = fallback_labels(bundle, lang, u, (x0, y0, vw, vh));
    let label = |out: &mut String, i: usize, p: SvgPoint, text: &str| {
        let Some(l) = labels.iter().find(|l| l.id == i) else {
            return;
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\" font-size=\"{:.1}\" font-family=\"sans-serif\" fill=\"#18202b\" stroke=\"#fff\" stroke-width=\"{:.2}\" paint-order=\"stroke\">{}</text>",
            p.x + l.dx,
            p.y + l.dy,
            l.position.text_anchor(),
            12.0 * u,
            3.0 * u,
            escape(text)
        );
    };
    for (i, (f, mark)) in corpus.features.iter().zip(&map.marks).enumerate() {
        let entry = corpus.entry(f);
        let fill = entry.category.colours().0;
        let (fill, stroke) = if entry.status == Status::Proposed {
            ("#fff", fill) // hollow, as in the widget
        } else {
            (fill, "#fff")
        };
        let dash = if entry.precision == Precision::Exact {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{:.1} {:.1}\"", 3.0 * u, 2.0 * u)
        };
        match mark {
            Mark::Unlocated => {}
            Mark::Points(points) => {
                for p in points {
                    let _ = writeln!(
                        out,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{:.2}\"{dash}/>",
                        p.x,
                        p.y,
                        5.5 * u,
                        1.5 * u
                    );
                }
                if let [p] = points.as_slice() {
                    label(&mut out, i, *p, entry.name.get(lang));
                }
            }
            Mark::Route { d, anchor, .. } => {
                let _ = writeln!(
                    out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"{fill}\" stroke-width=\"{:.2}\" stroke-dasharray=\"{:.1} {:.1}\"/>",
                    3.0 * u,
                    8.0 * u,
                    4.0 * u
                );
                label(&mut out, i, *anchor, entry.name.get(lang));
            }
        }
    }
    // The list is for readers without JavaScript; with it, the widget that
    // replaces this fragment shows the same citations.
    out.push_str("</svg>\n</svg>\n</div>\n<noscript>");
    feature_list(&mut out, bundle, lang, &w, shown);
    out.push_str("</noscript>\n");
    out
}

/// A whole page with every feature and all its citations, in `lang`, for
/// the fallback's "all citations" links; `stylesheet` is the host-page CSS,
/// whose fallback rules apply inside the (never defined: the page loads no
/// script) `<bilateral-map>` element.
pub fn citations_page(bundle: &Bundle, lang: Lang, stylesheet: &str) -> String {
    let w = words(lang);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body class=\"bm-citations-page\">\n<main>\n<h1>{}</h1>\n<bilateral-map>\n",
        lang.code(),
        escape(w.title),
        escape(stylesheet),
        escape(w.title)
    );
    feature_list(&mut out, bundle, lang, &w, None);
    out.push_str("</bilateral-map>\n</main>\n</body>\n</html>\n");
    out
}

/// Every feature with its citations (the first `shown.citations` and a link
/// to the rest, if `shown`).
fn feature_list(out: &mut String, bundle: &Bundle, lang: Lang, w: &Words, shown: Option<&Shown>) {
    let (corpus, map) = (&bundle.corpus, &bundle.map);
    let _ = write!(
        out,
        "<div class=\"bm-fallback-list\" lang=\"{}\">\n<ol class=\"bm-fallback-features\">\n",
        lang.code()
    );
    for (f, mark) in corpus.features.iter().zip(&map.marks) {
        let entry = corpus.entry(f);
        let where_note = entry
            .location_note
            .as_ref()
            .map(|n| n.get(lang))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li id=\"bm-fallback-{}\" data-feature-id=\"{}\"><h3>{}</h3>",
            entry.id,
            entry.id,
            escape(entry.name.get(lang))
        );
        if entry.status == Status::Proposed {
            let note = bilateral_core::ui::proposed_note(lang);
            let _ = writeln!(out, "<p class=\"bm-proposed\">{}</p>", escape(note));
        }
        if matches!(mark, Mark::Unlocated) || !where_note.is_empty() {
            let unlocated = if matches!(mark, Mark::Unlocated) {
                format!("({}) ", w.not_on_map)
            } else {
                String::new()
            };
            let _ = writeln!(out, "<p>{unlocated}{}</p>", escape(where_note));
        }
        out.push_str("<ul>\n");
        let limit = shown.map_or(usize::MAX, |s| s.citations);
        for c in f.citations.iter().take(limit) {
            out.push_str(&citation_html(bundle, c, w));
        }
        if let Some(s) = shown.filter(|s| f.citations.len() > s.citations) {
            let _ = writeln!(
                out,
                "<li class=\"bm-fallback-more\"><a href=\"{}#bm-fallback-{}\">{}</a></li>",
                escape(s.all_at),
                entry.id,
                escape(&all_citations(lang, f.citations.len()))
            );
        }
        out.push_str("</ul></li>\n");
    }
    let _ = write!(
        out,
        "</ol>\n<p class=\"bm-fallback-credit\">{}</p>\n</div>\n",
        escape(&map.attribution)
    );
}

/// Where the fallback's labels go: one label per single-point or route
/// feature, right or left of it, in SVG units (`u` per pixel) inside the
/// picture `(x0, y0, width, height)`, clear of every symbol.
fn fallback_labels(
    bundle: &Bundle,
    lang: Lang,
    u: f64,
    frame: (f64, f64, f64, f64),
) -> Vec<PlacedLabel> {
    let (corpus, map) = (&bundle.corpus, &bundle.map);
    let style = LabelStyle {
        unit: u,
        font: 12.0,
        gap: 9.0,
        symbol: 6.0,
        margin: 0.0,
    };
    let mut requests = Vec::new();
    let mut obstacles = Vec::new();
    for (i, (f, mark)) in corpus.features.iter().zip(&map.marks).enumerate() {
        let at = match mark {
            Mark::Points(ps) if ps.len() == 1 => Some(ps[0]),
            Mark::Points(ps) => {
                obstacles.extend(ps.iter().map(|p| LabelBox::around(p.x, p.y, 6.0 * u)));
                None
            }
            Mark::Route { anchor, .. } => Some(*anchor),
            Mark::Unlocated => None,
        };
        if let Some(p) = at {
            let name = corpus.entry(f).name.get(lang);
            requests.push(LabelRequest {
                id: i,
                x: p.x,
                y: p.y,
                width: style.text_width(name, false),
            });
        }
    }
    let (x0, y0, w, h) = frame;
    let bounds = LabelBox {
        left: x0,
        top: y0,
        right: x0 + w,
        bottom: y0 + h,
    };
    labels::place(
        &requests,
        &obstacles,
        bounds,
        &style,
        &[Position::Right, Position::Left],
    )
}

fn citation_html(bundle: &Bundle, c: &Citation, w: &Words) -> String {
    let article = &bundle.corpus.articles[c.article];
    let sentence = bundle.corpus.quote_span(c);
    let text = &article.text;
    let date = article.date.map_or_else(
        || w.date_unknown.to_string(),
        |d| bilateral_core::dates::date(w.lang, d),
    );
    let link = article
        .url
        .as_deref()
        .map(|u| {
            format!(
                ", <a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                escape(u),
                w.source
            )
        })
        .unwrap_or_default();
    format!(
        "<li><blockquote lang=\"{}\" data-testid=\"citation\">{}<mark>{}</mark>{}</blockquote> — <cite lang=\"{}\">{}</cite>, {date}{link}</li>\n",
        article.lang.code(),
        escape(Span::new(sentence.start, c.mention.start).of(text)),
        escape(c.mention.of(text)),
        escape(Span::new(c.mention.end, sentence.end).of(text)),
        article.lang.code(),
        escape(&article.title)
    )
}

/// The countries, rivers and lakes of `map` cut to `frame` ([`clip_path`]),
/// as `<path>`s with strokes `u` SVG units wide; shapes wholly outside it
/// are left out.
fn basemap_paths(out: &mut String, map: &bilateral_core::map::MapData, frame: SvgRect, u: f64) {
    let cut = |d: &str| Some(clip_path(d, frame)).filter(|d| !d.is_empty());
    for c in &map.countries {
        let Some(d) = cut(&c.d) else { continue };
        let (fill, stroke) = if c.emphasis {
            ("#fbf8ef", "#8a6d3b")
        } else {
            ("#eef0ec", "#a7aea5")
        };
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{u:.2}\"/>"
        );
    }
    for d in map.rivers.iter().filter_map(|r| cut(&r.d)) {
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"#b9d9ef\" stroke-width=\"{:.2}\"/>",
            u * 1.2
        );
    }
    for d in map.lakes.iter().filter_map(|l| cut(&l.d)) {
        let _ = writeln!(out, "<path d=\"{d}\" fill=\"#b9d9ef\"/>");
    }
}

/// The path `d` (one of `bilateral_core::path`'s) cut to `frame` with
/// `geo::BooleanOps`, the crate `atlas basemap` cuts Natural Earth to its
/// region with: each closed ring intersected with the rectangle, each line
/// clipped to it, parts wholly outside dropped. A path of another form is
/// kept whole.
pub fn clip_path(d: &str, frame: SvgRect) -> String {
    use geo::{Area, BooleanOps, Coord, LineString, MultiLineString, Polygon, Rect};
    let Some(parts) = bilateral_core::path::parse(d) else {
        return d.to_string();
    };
    let rect = Rect::new(
        Coord {
            x: frame.min.x,
            y: frame.min.y,
        },
        Coord {
            x: frame.max.x,
            y: frame.max.y,
        },
    )
    .to_polygon();
    let line = |points: &[SvgPoint]| -> LineString {
        points.iter().map(|p| Coord { x: p.x, y: p.y }).collect()
    };
    let back =
        |l: &LineString| -> Vec<SvgPoint> { l.0.iter().map(|c| SvgPoint::new(c.x, c.y)).collect() };
    let mut out: Vec<bilateral_core::path::Part> = Vec::new();
    for (points, closed) in parts {
        if closed {
            // Each ring keeps its own winding: the paths are filled by the
            // nonzero rule, so a hole (an enclave) is a ring turning the
            // other way, which the intersection would otherwise turn back.
            let ring = line(&points);
            let turn = Polygon::new(ring.clone(), Vec::new())
                .signed_area()
                .signum();
            let cut = Polygon::new(ring, Vec::new()).intersection(&rect);
            for p in &cut.0 {
                for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                    let mut r = back(r);
                    if Polygon::new(line(&r), Vec::new()).signed_area().signum() != turn {
                        r.reverse();
                    }
                    out.push((r, true));
                }
            }
        } else {
            let cut = rect.clip(&MultiLineString(vec![line(&points)]), false);
            out.extend(
                cut.0
                    .iter()
                    .filter(|l| l.0.len() >= 2)
                    .map(|l| (back(l), false)),
            );
        }
    }
    bilateral_core::path::write(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilateral_core::fixtures::osh_bundle as bundle;

    #[test]
    fn lists_each_feature_with_its_marked_citation() {
        let html = render(&bundle("Встреча прошла в Оше."), Lang::En, None);
        assert!(
            html.contains("<li id=\"bm-fallback-osh\" data-feature-id=\"osh\"><h3>Osh</h3>"),
            "{html}"
        );
        assert!(
            html.contains("Встреча прошла в <mark>Оше</mark>."),
            "{html}"
        );
        assert!(html.contains("date unknown"), "{html}");
        assert!(html.contains("<circle "), "{html}");
    }

    #[test]
    fn the_picture_draws_only_the_basemap_its_frame_shows() {
        let basemap = bilateral_core::basemap::Basemap::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../corpus/basemap.json"
        )))
        .expect("the shipped basemap");
        let b = Bundle::new(
            bilateral_core::evidence::corpus::osh_corpus("Встреча прошла в Оше."),
            &basemap,
        );
        let html = render(&b, Lang::Ru, None);
        let number = |s: &str| s.parse::<f64>().expect("a number");
        let value = |after: &str| html.split(after).nth(1).unwrap().split('"').next().unwrap();
        let view: Vec<f64> = value("viewBox=\"").split(' ').map(number).collect();
        // The drawing is clipped to the viewBox by an inner <svg> of its size.
        let inner =
            ["<svg x=\"", "\" y=\"", "\" width=\"", "\" height=\""].map(|a| number(value(a)));
        assert_eq!(inner.to_vec(), view);
        // The basemap is cut to the viewBox and a 2 % margin.
        let m = view[2].max(view[3]) * 0.02 + 0.1;
        let (x0, y0) = (view[0] - m, view[1] - m);
        let (x1, y1) = (view[0] + view[2] + m, view[1] + view[3] + m);
        let paths: Vec<&str> = html
            .split("<path d=\"")
            .skip(1)
            .map(|p| p.split('"').next().unwrap())
            .collect();
        assert!(!paths.is_empty());
        for d in &paths {
            for (points, _) in bilateral_core::path::parse(d).expect("the crate's own paths") {
                for p in points {
                    assert!(
                        p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1,
                        "{p:?} is outside the frame {view:?}"
                    );
                }
            }
        }
        // Osh's country is drawn, and far less than the whole basemap is.
        assert!(html.contains("fill=\"#fbf8ef\""), "an emphasised country");
        let drawn: usize = paths.iter().map(|d| d.len()).sum();
        let whole: usize = b
            .map
            .countries
            .iter()
            .chain(&b.map.rivers)
            .chain(&b.map.lakes)
            .map(|s| s.d.len())
            .sum();
        assert!(drawn * 3 < whole, "{drawn} of {whole} bytes of path");
    }

    #[test]
    fn a_cut_ring_keeps_its_winding_and_a_line_keeps_what_crosses() {
        let frame = SvgRect {
            min: SvgPoint::new(0.0, 0.0),
            max: SvgPoint::new(100.0, 100.0),
        };
        let area = |d: &str| -> f64 {
            let (ring, closed) = bilateral_core::path::parse(d).unwrap().remove(0);
            assert!(closed);
            let n = ring.len();
            (0..n)
                .map(|i| ring[i].x * ring[(i + 1) % n].y - ring[(i + 1) % n].x * ring[i].y)
                .sum::<f64>()
                / 2.0
        };
        // A 100×100 square from (50, 50), both ways round: a quarter stays,
        // turning the way it turned.
        let (one, other) = ("M50 50l100 0l0 100l-100 0z", "M50 50l0 100l100 0l0 -100z");
        assert_eq!(area(&clip_path(one, frame)), 2500.0);
        assert_eq!(area(&clip_path(other, frame)), -2500.0);
        assert_eq!(clip_path("M200 10l100 0l0 80z", frame), "");
        // A river in and out and back in: two runs.
        let cut = clip_path("M10 50l140 0l0 30l-100 0", frame);
        let runs = bilateral_core::path::parse(&cut).unwrap();
        assert_eq!(runs.len(), 2, "{cut}");
        assert!(
            runs.iter()
                .all(|(r, closed)| !closed && r.iter().all(|p| p.x <= 100.0))
        );
    }

    #[test]
    fn article_text_is_escaped() {
        let html = render(
            &bundle("<script>alert(1)</script> Встреча в Оше."),
            Lang::Ru,
            None,
        );
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn no_style_attributes_or_scripts_for_a_strict_csp() {
        let html = render(&bundle("Встреча в Оше."), Lang::Kk, None);
        assert!(!html.contains("style="), "{html}");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.starts_with("<div class=\"bm-fallback\" lang=\"kk\">"));
    }

    #[test]
    fn the_list_is_for_readers_without_javascript() {
        let html = render(&bundle("Встреча в Оше."), Lang::Ru, None);
        let list = html.find("<ol class=\"bm-fallback-features\">").unwrap();
        let (open, close) = (
            html.find("<noscript>").unwrap(),
            html.find("</noscript>").unwrap(),
        );
        assert!(open < list && list < close, "{html}");
        assert!(html.find("</svg>").unwrap() < open, "{html}");
    }

    #[test]
    fn a_long_list_shows_its_first_citations_and_links_to_the_rest() {
        let b = bundle("Встреча прошла в Оше.\n\nВ Оше открыли филиал.\n\nИз Оша выехали.");
        assert_eq!(b.corpus.features[0].citations.len(), 3);
        let shown = Shown {
            citations: 2,
            all_at: "bilateral-map/citations-ru.html",
        };
        let html = render(&b, Lang::Ru, Some(&shown));
        assert_eq!(html.matches("<blockquote").count(), 2, "{html}");
        assert!(
            html.contains("<li class=\"bm-fallback-more\"><a href=\"bilateral-map/citations-ru.html#bm-fallback-osh\">Все цитаты (3)</a></li>"),
            "{html}"
        );
        let enough = Shown {
            citations: 3,
            ..shown
        };
        assert!(!render(&b, Lang::Ru, Some(&enough)).contains("bm-fallback-more"));
        let page = citations_page(&b, Lang::Kk, "bilateral-map.css");
        assert_eq!(page.matches("<blockquote").count(), 3, "{page}");
        assert!(
            page.contains("<html lang=\"kk\">") && !page.contains("<noscript>"),
            "{page}"
        );
        assert!(page.contains("<li id=\"bm-fallback-osh\""), "{page}");
    }
}
