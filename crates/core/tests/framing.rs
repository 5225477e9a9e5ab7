//! The widget's first view on the shipped corpus and on a grown one, at a
//! phone's, a tablet's and a desktop's map size (issue 20, point 1): the
//! frame holds every feature but the distant ones, each distant one out of
//! sight has an edge button, and no label covers another label, a symbol,
//! a cluster badge, an edge button, a basemap name or the zoom buttons.

use std::path::{Path, PathBuf};

use bilateral_core::article::parse_text;
use bilateral_core::basemap::Basemap;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::labels::{LabelBox, LabelStyle};
use bilateral_core::layout::{self, CLUSTER_RADIUS_PX, Clustering};
use bilateral_core::map::Mark;
use bilateral_core::{Bundle, Corpus};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn shipped() -> Bundle {
    let root = root();
    let corpus = Corpus::load_decided(
        &root.join("articles"),
        &root.join("gazetteer.toml"),
        Some(&root.join("decisions.toml")),
    )
    .expect("the shipped corpus loads");
    let basemap = Basemap::load(&root.join("basemap.json")).unwrap();
    Bundle::new(corpus, &basemap).for_widget()
}

/// The shipped articles and one more per located curated gazetteer entry,
/// each a meeting held at or about that entry in its own Russian name: a
/// map of every project the gazetteer knows, crowded where they are.
fn grown() -> Bundle {
    let root = root();
    let (mut articles, gazetteer) =
        Corpus::read(&root.join("articles"), &root.join("gazetteer.toml")).unwrap();
    let curated = Gazetteer::load(&root.join("gazetteer.toml")).unwrap();
    for (k, e) in curated.entries.iter().enumerate() {
        if e.geometry.is_none() {
            continue;
        }
        let text = format!(
            "---\ntitle: {0}\ndate: 2025-03-{1:02}\nlang: ru\n---\n\
             Казахстан и Кыргызстан обсудили проект «{0}». Стороны договорились \
             ускорить работы: {0} остаётся в планах правительств двух стран.\n",
            e.name.ru,
            k % 28 + 1
        );
        articles.push(parse_text(&format!("g{k}"), Path::new("g.txt"), &text).unwrap());
    }
    let basemap = Basemap::load(&root.join("basemap.json")).unwrap();
    Bundle::new(Corpus::link(articles, gazetteer), &basemap).for_widget()
}

/// The map's size at a phone's, a tablet's and a desktop's page width (the
/// widget is 520–720 px tall; the map gets what the header, the timeline
/// and the legend leave; the desktop map with its side panel open too).
const SIZES: [(f64, f64); 4] = [
    (358.0, 330.0),
    (766.0, 400.0),
    (1098.0, 400.0),
    (738.0, 400.0),
];

fn check(b: &Bundle, what: &str) {
    let (corpus, map) = (&b.corpus, &b.map);
    let drawn = map.marks.iter().filter(|m| m.anchor().is_some()).count();
    for (w, h) in SIZES {
        let at = format!("{what} at {w}×{h}");
        let view = map.initial_view(w, h, None);
        let frame = map.frame(w, h).expect("features are drawn");
        assert!(
            frame.distant.len() * 4 <= drawn,
            "{at}: at most a quarter of the features are left out"
        );
        // Every feature but the distant ones is in sight.
        for (i, m) in map.marks.iter().enumerate() {
            let (Some(p), false) = (m.anchor(), frame.distant.contains(&i)) else {
                continue;
            };
            let s = view.svg_to_screen(p);
            let under_buttons = LabelBox::around(s.x, s.y, 0.0).overlaps(&layout::corner(w))
                || s.x > w - bilateral_core::map::CONTROLS_PX;
            assert!(
                s.x >= 0.0 && s.x <= w && s.y >= 0.0 && s.y <= h && !under_buttons,
                "{at}: {} is not in sight in the first view at {s:?}",
                corpus.entry(&corpus.features[i]).id
            );
        }
        // Every distant feature out of sight has a button at the edge.
        let places = layout::distant_places(corpus, map, bilateral_core::lang::Lang::Ru, w, h);
        let edges = layout::edge_markers(&view, &places);
        for &i in &frame.distant {
            let s = view.svg_to_screen(map.marks[i].anchor().unwrap());
            let hidden = s.x < 0.0 || s.x > w || s.y < 0.0 || s.y > h;
            let marked = edges.iter().any(|e| places[e.place].features.contains(&i));
            assert!(
                !hidden || marked,
                "{at}: feature {i} is out of sight and unmarked"
            );
        }
        let pills: Vec<LabelBox> = edges.iter().map(|e| e.rect).collect();
        for (k, a) in pills.iter().enumerate() {
            assert!(
                a.left >= 0.0 && a.right <= w && a.top >= 0.0 && a.bottom <= h,
                "{at}: {a:?}"
            );
            assert!(
                !a.overlaps(&layout::corner(w)),
                "{at}: an edge button under the zoom buttons"
            );
            for b in &pills[k + 1..] {
                assert!(!a.overlaps(b), "{at}: edge buttons overlap: {a:?} {b:?}");
            }
        }
        for lang in bilateral_core::lang::Lang::ALL {
            check_labels(b, lang, &view, &pills, &at);
        }
    }
}

fn check_labels(
    b: &Bundle,
    lang: bilateral_core::lang::Lang,
    view: &bilateral_core::viewport::Viewport,
    pills: &[LabelBox],
    at: &str,
) {
    let (corpus, map) = (&b.corpus, &b.map);
    let clustering = Clustering::at(map, view.scale, None);
    let layout::Labelling {
        features: labels,
        basemap: shown,
    } = layout::map_labels(corpus, map, lang, view, None, &clustering, pills);
    assert!(!labels.is_empty(), "{at}: some feature is labelled");
    let style = LabelStyle::WIDGET;
    // What is drawn: every symbol not in a cluster, every cluster badge,
    // the basemap's names, the edge buttons, the zoom buttons.
    let mut drawn: Vec<(String, LabelBox)> = Vec::new();
    for (i, m) in map.marks.iter().enumerate() {
        let points: Vec<_> = match m {
            Mark::Points(ps) if !(ps.len() == 1 && clustering.hides(i)) => ps.clone(),
            Mark::Route { anchor, .. } => vec![*anchor],
            _ => Vec::new(),
        };
        for p in points {
            let s = view.svg_to_screen(p);
            drawn.push((
                format!("symbol {i}"),
                LabelBox::around(s.x, s.y, style.symbol),
            ));
        }
    }
    for c in &clustering.clusters {
        let s = view.svg_to_screen(c.at);
        drawn.push((
            "a cluster".into(),
            LabelBox::around(s.x, s.y, CLUSTER_RADIUS_PX),
        ));
    }
    let names = layout::basemap_labels(map, lang, view);
    for (r, _) in names.iter().zip(&shown).filter(|(_, s)| **s) {
        for (what, d) in &drawn {
            assert!(
                !r.overlaps(d),
                "{at} {lang:?}: a basemap name covers {what}"
            );
        }
        drawn.push(("a basemap name".into(), *r));
    }
    drawn.extend(pills.iter().map(|r| ("an edge button".into(), *r)));
    drawn.push(("the zoom buttons".into(), layout::corner(view.width)));
    for (k, l) in labels.iter().enumerate() {
        let r = l.label.rect;
        let name = corpus.entry(&corpus.features[l.feature]).id.as_str();
        assert!(
            r.left >= 0.0 && r.right <= view.width && r.top >= 0.0 && r.bottom <= view.height,
            "{at} {lang:?}: {name}'s label leaves the map"
        );
        for o in &labels[k + 1..] {
            assert!(
                !r.overlaps(&o.label.rect),
                "{at} {lang:?}: labels {name} and {} overlap",
                o.feature
            );
        }
        for (what, d) in &drawn {
            let own = *what == format!("symbol {}", l.feature);
            assert!(
                own || !r.overlaps(d),
                "{at} {lang:?}: {name}'s label covers {what} ({d:?})"
            );
        }
    }
}

#[test]
fn the_shipped_corpus_at_phone_tablet_and_desktop_sizes() {
    let b = shipped();
    check(&b, "the shipped corpus");
    // The frame leaves out the venue a thousand km north on a wide map.
    let (w, h) = SIZES[2];
    let frame = b.map.frame(w, h).unwrap();
    let ids: Vec<&str> = frame
        .distant
        .iter()
        .map(|&i| b.corpus.entry(&b.corpus.features[i]).id.as_str())
        .collect();
    assert_eq!(ids, ["astana"]);
}

#[test]
fn a_grown_corpus_at_phone_tablet_and_desktop_sizes() {
    let b = grown();
    let drawn = b.map.marks.iter().filter(|m| m.anchor().is_some()).count();
    eprintln!("grown: {} features, {drawn} drawn", b.corpus.features.len());
    assert!(drawn >= 25, "the grown corpus draws {drawn} features");
    check(&b, "a grown corpus");
}
