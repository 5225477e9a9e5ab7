//! Map labels: where each feature's name goes, without covering a symbol or
//! another label, and never past the map's edge. One implementation for the
//! widget (screen pixels) and the static fallback (SVG units).
//!
//! Greedy placement in priority order (the caller sorts: selected first, then
//! most cited), trying right of the symbol, then left, above and below — the
//! classic candidate-position model of point-feature labelling (Christensen,
//! Marks & Shieber 1995 compare it with better optimisers; greedy order by
//! importance is what web maps such as Leaflet's label plugins do). Collision
//! tests use a uniform grid of buckets (spatial hashing), so placing n labels
//! costs about O(n) instead of O(n²).
//!
//! Text width is estimated per character class from the UI font's metrics at
//! 12.5 px (capitals and wide Cyrillic letters are wider than the average):
//! an estimate that errs wide, so that a long Kazakh name placed left of a
//! symbol near the map's edge stays inside it.

use std::collections::HashMap;

/// An axis-aligned box: left and top edges, right and bottom edges, in the
/// plane's units (screen pixels for the widget, SVG units for the fallback).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl LabelBox {
    /// The square of half-side `r` around `(x, y)`: a symbol's footprint.
    pub fn around(x: f64, y: f64, r: f64) -> LabelBox {
        LabelBox {
            left: x - r,
            top: y - r,
            right: x + r,
            bottom: y + r,
        }
    }

    pub fn overlaps(&self, o: &LabelBox) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }

    pub fn inside(&self, o: &LabelBox) -> bool {
        self.left >= o.left && self.right <= o.right && self.top >= o.top && self.bottom <= o.bottom
    }
}

/// Boxes already taken, bucketed by grid cell.
pub struct BoxGrid {
    cell: f64,
    boxes: Vec<LabelBox>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl BoxGrid {
    /// `cell` is the bucket size; about the size of a label works well.
    pub fn new(cell: f64) -> BoxGrid {
        BoxGrid {
            cell,
            boxes: Vec::new(),
            cells: HashMap::new(),
        }
    }

    fn cells_of(&self, b: LabelBox) -> impl Iterator<Item = (i64, i64)> + use<> {
        let c = self.cell;
        let (x0, y0) = ((b.left / c).floor() as i64, (b.top / c).floor() as i64);
        let (x1, y1) = ((b.right / c).floor() as i64, (b.bottom / c).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Does `b` overlap any box taken so far?
    pub fn hits(&self, b: LabelBox) -> bool {
        self.cells_of(b).any(|cell| {
            self.cells
                .get(&cell)
                .is_some_and(|ids| ids.iter().any(|&i| b.overlaps(&self.boxes[i])))
        })
    }

    pub fn insert(&mut self, b: LabelBox) {
        let id = self.boxes.len();
        self.boxes.push(b);
        for cell in self.cells_of(b).collect::<Vec<_>>() {
            self.cells.entry(cell).or_default().push(id);
        }
    }
}

/// Where a label stands relative to its symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Right,
    Left,
    Above,
    Below,
}

impl Position {
    /// Right, then left, above, below: the widget's order.
    pub const ALL: [Position; 4] = [
        Position::Right,
        Position::Left,
        Position::Above,
        Position::Below,
    ];

    /// The SVG `text-anchor` for this position.
    pub fn text_anchor(self) -> &'static str {
        match self {
            Position::Right => "start",
            Position::Left => "end",
            Position::Above | Position::Below => "middle",
        }
    }
}

/// The sizes labels are laid out with, in the plane's units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelStyle {
    /// One pixel in the plane's units (1 for the widget; the SVG units per
    /// pixel of the fallback's picture).
    pub unit: f64,
    /// Font size in pixels.
    pub font: f64,
    /// From the symbol's centre to the label's near edge, in pixels.
    pub gap: f64,
    /// Half the side of a symbol's footprint, in pixels.
    pub symbol: f64,
    /// Kept clear along the bounds' inside, in pixels.
    pub margin: f64,
}

impl LabelStyle {
    /// The widget's labels: 12.5 px text, 11 px from a 9 px-radius symbol.
    pub const WIDGET: LabelStyle = LabelStyle {
        unit: 1.0,
        font: 12.5,
        gap: 11.0,
        symbol: 9.0,
        margin: 2.0,
    };

    /// Estimated advance of `text` in pixels (see the module header); `bold`
    /// for the selected feature's larger, heavier label (13.5 px extra-bold in
    /// widget.css). Checked against the demo page's rendering: the kk ENU
    /// label renders about 365 px wide selected; this estimates 366.
    pub fn text_width(&self, text: &str, bold: bool) -> f64 {
        let em: f64 = text
            .chars()
            .map(|c| match c {
                ' ' => 0.28,
                '.' | ',' | ':' | ';' | '\'' | '’' | '«' | '»' | '"' | '(' | ')' | 'і' | 'l'
                | 'i' => 0.3,
                '–' | '—' | '-' => 0.45,
                'Ш' | 'Щ' | 'Ж' | 'Ю' | 'М' | 'Ы' | 'W' | 'M' | 'ш' | 'щ' | 'ж' | 'ю' | 'м'
                | 'ы' | 'w' | 'm' => 0.9,
                c if is_capital(c) => 0.74,
                c if c.is_ascii_digit() => 0.6,
                _ => 0.62,
            })
            .sum();
        let size = if bold { self.font + 1.0 } else { self.font };
        em * size * if bold { 1.08 } else { 1.0 } + 4.0
    }
}

/// A capital letter of the Latin, Russian or Kazakh alphabet. (Not
/// `char::is_uppercase`: its Unicode tables would cost the wasm a kilobyte.)
fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase()
        || ('\u{0400}'..='\u{042F}').contains(&c)
        || matches!(c, 'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү' | 'Һ' | 'І')
}

/// A label to place: feature `id`'s name of estimated `width` pixels at the
/// plane point `(x, y)` of its symbol.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    pub id: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
}

/// A placed label: where its text goes (`x`, `y` for an SVG `<text>` with
/// [`Position::text_anchor`]) and the box it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLabel {
    pub id: usize,
    pub position: Position,
    /// Offset of the text's anchor point from the symbol, in the plane's units.
    pub dx: f64,
    pub dy: f64,
    pub rect: LabelBox,
}

/// The box and text offset of a label of `width` pixels at `position`.
fn candidate(style: &LabelStyle, r: &LabelRequest, position: Position) -> (LabelBox, f64, f64) {
    let u = style.unit;
    let (w, h, g) = (r.width * u, (style.font + 2.5) * u, style.gap * u);
    let (x, y) = (r.x, r.y);
    let baseline = 0.36 * style.font * u;
    match position {
        Position::Right => (
            LabelBox {
                left: x + g,
                top: y - h / 2.0,
                right: x + g + w,
                bottom: y + h / 2.0,
            },
            g,
            baseline,
        ),
        Position::Left => (
            LabelBox {
                left: x - g - w,
                top: y - h / 2.0,
                right: x - g,
                bottom: y + h / 2.0,
            },
            -g,
            baseline,
        ),
        Position::Above => (
            LabelBox {
                left: x - w / 2.0,
                top: y - g - h,
                right: x + w / 2.0,
                bottom: y - g + 2.0 * u,
            },
            0.0,
            -g - 2.0 * u,
        ),
        Position::Below => (
            LabelBox {
                left: x - w / 2.0,
                top: y + g - u,
                right: x + w / 2.0,
                bottom: y + g - u + h,
            },
            0.0,
            g + h - 3.0 * u,
        ),
    }
}

/// Places `requests` in order inside `bounds`, clear of `obstacles`, of every
/// request's symbol and of each other, trying `positions` in order; a label
/// with no free position is left out.
pub fn place(
    requests: &[LabelRequest],
    obstacles: &[LabelBox],
    bounds: LabelBox,
    style: &LabelStyle,
    positions: &[Position],
) -> Vec<PlacedLabel> {
    let u = style.unit;
    let mut taken = BoxGrid::new(64.0 * u);
    for b in obstacles {
        taken.insert(*b);
    }
    // Every symbol's footprint first, so labels never cover symbols.
    for r in requests {
        taken.insert(LabelBox::around(r.x, r.y, style.symbol * u));
    }
    let inner = LabelBox {
        left: bounds.left + style.margin * u,
        top: bounds.top + style.margin * u,
        right: bounds.right - style.margin * u,
        bottom: bounds.bottom - style.margin * u,
    };
    let mut out = Vec::new();
    for r in requests {
        let free = positions.iter().find_map(|&p| {
            let (b, dx, dy) = candidate(style, r, p);
            (b.inside(&inner) && !taken.hits(b)).then_some((p, b, dx, dy))
        });
        if let Some((position, rect, dx, dy)) = free {
            taken.insert(rect);
            out.push(PlacedLabel {
                id: r.id,
                position,
                dx,
                dy,
                rect,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds() -> LabelBox {
        LabelBox {
            left: 0.0,
            top: 0.0,
            right: 600.0,
            bottom: 400.0,
        }
    }

    fn request(id: usize, x: f64, y: f64, name: &str) -> LabelRequest {
        LabelRequest {
            id,
            x,
            y,
            width: LabelStyle::WIDGET.text_width(name, false),
        }
    }

    #[test]
    fn overlap_is_found_across_cells_and_touching_is_not_overlap() {
        let mut g = BoxGrid::new(50.0);
        g.insert(LabelBox {
            left: 40.0,
            top: 40.0,
            right: 120.0,
            bottom: 60.0,
        });
        assert!(g.hits(LabelBox {
            left: 110.0,
            top: 55.0,
            right: 130.0,
            bottom: 70.0
        }));
        assert!(!g.hits(LabelBox {
            left: 120.0,
            top: 40.0,
            right: 140.0,
            bottom: 60.0
        }));
        assert!(!g.hits(LabelBox {
            left: 0.0,
            top: 0.0,
            right: 30.0,
            bottom: 30.0
        }));
        assert!(g.hits(LabelBox {
            left: -10.0,
            top: 45.0,
            right: 45.0,
            bottom: 50.0
        }));
    }

    #[test]
    fn a_label_goes_right_of_its_symbol_when_it_can() {
        let placed = place(
            &[request(0, 100.0, 100.0, "Bishkek")],
            &[],
            bounds(),
            &LabelStyle::WIDGET,
            &Position::ALL,
        );
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].position, Position::Right);
        assert_eq!(placed[0].dx, 11.0);
    }

    #[test]
    fn the_long_kazakh_enu_label_near_the_left_edge_stays_inside() {
        // The kk embed's ENU branch in Osh, 30 px from the map's left edge.
        let enu = "Л.Н. Гумилев атындағы ЕҰУ-дың Ош филиалы";
        let alone = place(
            &[request(0, 30.0, 200.0, enu)],
            &[],
            bounds(),
            &LabelStyle::WIDGET,
            &Position::ALL,
        );
        assert_eq!(
            alone[0].position,
            Position::Right,
            "left of x = 30 cannot hold it"
        );
        assert!(alone[0].rect.inside(&bounds()));
        // With Osh's symbol right beside it, the name has nowhere to go inside
        // the map: it is left out, never drawn past the edge.
        let crowded = [request(0, 30.0, 200.0, enu), request(1, 60.0, 200.0, "Ош")];
        let placed = place(&crowded, &[], bounds(), &LabelStyle::WIDGET, &Position::ALL);
        assert!(
            placed.iter().all(|p| p.rect.inside(&bounds())),
            "{placed:?}"
        );
        assert!(placed.iter().all(|p| p.id != 0));
    }

    #[test]
    fn labels_never_overlap_and_the_first_wins() {
        let names = [
            "Алматы",
            "Бишкек",
            "Кордай – Ак-Жол",
            "Чолпон-Ата",
            "Иссык-Куль",
        ];
        let reqs: Vec<LabelRequest> = names
            .iter()
            .enumerate()
            .map(|(i, n)| request(i, 200.0 + 8.0 * i as f64, 200.0 + 6.0 * i as f64, n))
            .collect();
        let placed = place(&reqs, &[], bounds(), &LabelStyle::WIDGET, &Position::ALL);
        assert_eq!(placed[0].id, 0);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} {b:?}");
            }
            for r in &reqs {
                assert!(
                    !a.rect.overlaps(&LabelBox::around(r.x, r.y, 9.0)),
                    "covers a symbol"
                );
            }
        }
    }

    #[test]
    fn an_obstacle_and_a_full_map_leave_a_label_out() {
        let corner = LabelBox {
            left: 540.0,
            top: 0.0,
            right: 600.0,
            bottom: 160.0,
        };
        let placed = place(
            &[request(0, 560.0, 80.0, "Karakol")],
            &[corner],
            bounds(),
            &LabelStyle::WIDGET,
            &Position::ALL,
        );
        assert!(placed.iter().all(|p| !p.rect.overlaps(&corner)));
        let tiny = LabelBox {
            left: 0.0,
            top: 0.0,
            right: 20.0,
            bottom: 20.0,
        };
        assert!(
            place(
                &[request(0, 10.0, 10.0, "Karakol")],
                &[],
                tiny,
                &LabelStyle::WIDGET,
                &Position::ALL
            )
            .is_empty()
        );
    }

    #[test]
    fn capitals_and_wide_letters_are_wider() {
        let s = LabelStyle::WIDGET;
        assert!(s.text_width("ЖЖЖ", false) > s.text_width("ааа", false));
        assert!(s.text_width("Ош", true) > s.text_width("Ош", false));
    }
}
