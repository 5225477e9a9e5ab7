//! What the widget's map lays out at one view, in screen pixels, kept here
//! so that a native test can check it on the real corpus: the clusters of
//! symbols that would overlap ([`Clustering`], over
//! [`crate::geo::cluster`]), the places outside the first view's frame and
//! their edge buttons ([`distant_places`], [`edge_markers`], over
//! [`crate::geo::frame`] and [`crate::geo::edge`]), and the feature labels
//! and the basemap's names that give way to them ([`map_labels`], over
//! [`crate::geo::labels`]): labels keep clear of every symbol, cluster badge,
//! edge button and the zoom buttons' corner. The sizes are widget.css's.

use crate::bundle::map::{MapData, Mark};
use crate::evidence::corpus::Corpus;
use crate::geo::cluster::{self, Cluster};
use crate::geo::edge::{self, Distant, EdgeMarker};
use crate::geo::labels::{self, LabelBox, LabelRequest, LabelStyle, PlacedLabel, Position};
use crate::geo::viewport::{ScreenPoint, SvgPoint, Viewport};
use crate::reader::ui::{self, Controls};
use crate::text::compact::order_by_key;
use crate::text::lang::Lang;

/// Symbols closer than this many pixels are drawn as one cluster.
pub const OVERLAP_PX: f64 = 14.0;
/// A cluster badge's radius, px (its `<circle r>`), and one pixel of halo.
pub const CLUSTER_RADIUS_PX: f64 = 12.0;
/// How many lakes the basemap names (the largest first).
pub const NAMED_LAKES: usize = 3;

/// The clusters at one zoom, and which features they hide.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Clustering {
    pub clusters: Vec<Cluster>,
    /// By feature index.
    pub hidden: Vec<bool>,
}

impl Clustering {
    /// The single-point features of `map` at `scale` (pixels per SVG unit),
    /// leaving `selected` on its own so it is always in sight.
    pub fn at(map: &MapData, scale: f64, selected: Option<usize>) -> Clustering {
        let points: Vec<(usize, SvgPoint)> = (0..map.marks.len())
            .filter(|&i| Some(i) != selected)
            .filter_map(|i| match &map.marks[i] {
                Mark::Points(ps) if ps.len() == 1 => Some((i, ps[0])),
                _ => None,
            })
            .collect();
        let clusters = cluster::clusters(&points, OVERLAP_PX / scale);
        let mut hidden = vec![false; map.marks.len()];
        for m in clusters.iter().flat_map(|c| &c.members) {
            hidden[*m] = true;
        }
        Clustering { clusters, hidden }
    }

    pub fn hides(&self, feature: usize) -> bool {
        self.hidden.get(feature).copied().unwrap_or(false)
    }
}

/// The zoom buttons' corner in a map `width` pixels wide.
pub fn corner(width: f64) -> LabelBox {
    let (left, bottom) = Controls::MAP.corner(width);
    LabelBox {
        left,
        top: 0.0,
        right: width,
        bottom,
    }
}

/// The name an edge button shows for a place of `features` (the first
/// names it).
pub fn place_name(corpus: &Corpus, lang: Lang, features: &[usize]) -> String {
    let first = corpus.entry(&corpus.features[features[0]]).name.get(lang);
    ui::and_more(lang, first, features.len() - 1)
}

/// The places outside the frame of a `width`×`height` map, the most cited
/// feature first in each and the most cited places first.
pub fn distant_places(
    corpus: &Corpus,
    map: &MapData,
    lang: Lang,
    width: f64,
    height: f64,
) -> Vec<Distant> {
    let Some(frame) = map.frame(width, height) else {
        return Vec::new();
    };
    let cited = |i: usize| corpus.features[i].citations.len() as u64;
    let order = order_by_key(frame.distant.iter().map(|&i| u64::MAX - cited(i)));
    let points: Vec<(usize, SvgPoint)> = order
        .into_iter()
        .filter_map(|k| {
            let i = frame.distant[k];
            Some((i, map.marks[i].anchor()?))
        })
        .collect();
    let style = LabelStyle::WIDGET;
    let km = style.text_width("10 000 км", false) * 11.0 / style.font;
    edge::places(&points, |features| {
        style.text_width(&place_name(corpus, lang, features), true) + km
    })
}

/// The edge buttons of `places` in `view`.
pub fn edge_markers(view: &Viewport, places: &[Distant]) -> Vec<EdgeMarker> {
    edge::layout(view, places, corner(view.width))
}

/// The boxes the basemap's own names take in `view`: the two countries'
/// names (15 px bold capitals, spaced 0.12 em), then the [`NAMED_LAKES`]
/// largest lakes' (11 px).
pub fn basemap_labels(map: &MapData, lang: Lang, view: &Viewport) -> Vec<LabelBox> {
    let style = LabelStyle::WIDGET;
    let country = map.countries.iter().filter(|c| c.emphasis).map(|c| {
        // Every letter a bold capital (0.74 em, as `text_width` counts
        // one) plus the spacing; no `to_uppercase`, whose tables would
        // cost the wasm.
        let n = c.name.get(lang).chars().count() as f64;
        let w = n * (0.74 * 15.0 * 1.08 + 0.12 * 15.0) + 4.0;
        (c.label, w, 15.0, 0.0)
    });
    let lakes = map.lakes.iter().take(NAMED_LAKES).map(|l| {
        let w = style.text_width(l.name.get(lang), false) * 11.0 / style.font;
        (l.label, w, 11.0, 4.0)
    });
    country
        .chain(lakes)
        .map(|(at, w, size, dy)| {
            let s = view.svg_to_screen(at);
            let base = s.y + dy;
            LabelBox {
                left: s.x - w / 2.0,
                top: base - size,
                right: s.x + w / 2.0,
                bottom: base + size * 0.25,
            }
        })
        .collect()
}

/// What no feature label may cover besides the labelled symbols: `avoid`
/// (the edge buttons), the zoom buttons' corner, every symbol of a group and
/// every cluster badge on screen.
fn obstacles(
    map: &MapData,
    view: &Viewport,
    clustering: &Clustering,
    avoid: &[LabelBox],
) -> Vec<LabelBox> {
    let style = LabelStyle::WIDGET;
    let on_screen = |s: &ScreenPoint| on_screen(view, *s);
    let mut out = vec![corner(view.width)];
    out.extend_from_slice(avoid);
    for (i, mark) in map.marks.iter().enumerate() {
        if let Mark::Points(ps) = mark
            && ps.len() > 1
            && !clustering.hides(i)
        {
            let screen = ps.iter().map(|&p| view.svg_to_screen(p)).filter(on_screen);
            out.extend(screen.map(|s| LabelBox::around(s.x, s.y, style.symbol)));
        }
    }
    let badges = clustering.clusters.iter().map(|c| view.svg_to_screen(c.at));
    out.extend(
        badges
            .filter(on_screen)
            .map(|s| LabelBox::around(s.x, s.y, CLUSTER_RADIUS_PX)),
    );
    out
}

/// Near enough the map to matter (50 px beyond its edges).
fn on_screen(v: &Viewport, s: ScreenPoint) -> bool {
    s.x > -50.0 && s.y > -50.0 && s.x < v.width + 50.0 && s.y < v.height + 50.0
}

/// A feature label placed in screen pixels: feature `feature`, whose
/// symbol is at `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    pub feature: usize,
    pub at: SvgPoint,
    pub label: PlacedLabel,
}

/// The names drawn at one view: the features' labels, and which of the
/// basemap's own names ([`basemap_labels`], in that order) are shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelling {
    pub features: Vec<MapLabel>,
    pub basemap: Vec<bool>,
}

/// The one symbol feature `i` is labelled at: its point, or its route's
/// anchor; none for a group, an unlocated feature or one in a cluster.
fn labelled_at(map: &MapData, clustering: &Clustering, i: usize) -> Option<SvgPoint> {
    match &map.marks[i] {
        Mark::Points(ps) if ps.len() == 1 && !clustering.hides(i) => Some(ps[0]),
        Mark::Route { anchor, .. } => Some(*anchor),
        _ => None,
    }
}

/// The names of `view`. Feature labels: one per feature [`labelled_at`] a
/// symbol, the selected one first, then the most cited, each right, left,
/// above or below its symbol where it covers nothing ([`obstacles`]) and
/// stays on the map; a label with no free place is left out. Then the
/// basemap's names give way to them, as a map's own names give way to its
/// subject's: one is shown only where it covers no feature label, no symbol
/// or cluster badge on screen, nothing in `avoid` (the edge buttons) and not
/// the zoom buttons.
pub fn map_labels(
    corpus: &Corpus,
    map: &MapData,
    lang: Lang,
    view: &Viewport,
    selected: Option<usize>,
    clustering: &Clustering,
    avoid: &[LabelBox],
) -> Labelling {
    let v = *view;
    let candidates: Vec<(usize, SvgPoint)> = (0..corpus.features.len())
        .filter_map(|i| Some((i, labelled_at(map, clustering, i)?)))
        .collect();
    let order = order_by_key(candidates.iter().map(|&(i, _)| {
        let cited = corpus.features[i].citations.len() as u64;
        (u64::from(selected != Some(i)) << 32) | (u32::MAX as u64 - cited.min(u32::MAX as u64))
    }));
    let candidates: Vec<(usize, SvgPoint, ScreenPoint)> = order
        .into_iter()
        .map(|k| candidates[k])
        .map(|(i, p)| (i, p, v.svg_to_screen(p)))
        .filter(|&(_, _, s)| on_screen(&v, s))
        .collect();
    let style = LabelStyle::WIDGET;
    let requests: Vec<LabelRequest> = candidates
        .iter()
        .map(|&(i, _, s)| LabelRequest {
            id: i,
            x: s.x,
            y: s.y,
            width: style.text_width(
                corpus.entry(&corpus.features[i]).name.get(lang),
                selected == Some(i),
            ),
        })
        .collect();
    let bounds = LabelBox {
        left: 0.0,
        top: 0.0,
        right: v.width,
        bottom: v.height,
    };
    let mut taken = obstacles(map, &v, clustering, avoid);
    let features: Vec<MapLabel> = labels::place(&requests, &taken, bounds, &style, &Position::ALL)
        .into_iter()
        .filter_map(|label| {
            let &(feature, at, _) = candidates.iter().find(|c| c.0 == label.id)?;
            Some(MapLabel { feature, at, label })
        })
        .collect();
    taken.extend(features.iter().map(|l| l.label.rect));
    taken.extend(
        requests
            .iter()
            .map(|r| LabelBox::around(r.x, r.y, style.symbol)),
    );
    let basemap = basemap_labels(map, lang, &v)
        .iter()
        .map(|b| !taken.iter().any(|t| t.overlaps(b)))
        .collect();
    Labelling { features, basemap }
}
