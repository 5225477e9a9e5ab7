//! Collision tests for map labels in screen space: a uniform grid of buckets
//! (spatial hashing), so placing n labels costs about O(n) instead of O(n²).

use std::collections::HashMap;

/// An axis-aligned box in screen pixels: `(x0, y0, x1, y1)`.
pub type ScreenBox = (f64, f64, f64, f64);

/// Boxes already taken, bucketed by grid cell.
pub struct BoxGrid {
    cell: f64,
    boxes: Vec<ScreenBox>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl BoxGrid {
    /// `cell` is the bucket size in pixels; about the size of a label works well.
    pub fn new(cell: f64) -> BoxGrid {
        BoxGrid {
            cell,
            boxes: Vec::new(),
            cells: HashMap::new(),
        }
    }

    fn cells_of(&self, b: ScreenBox) -> impl Iterator<Item = (i64, i64)> + use<> {
        let c = self.cell;
        let (x0, y0) = ((b.0 / c).floor() as i64, (b.1 / c).floor() as i64);
        let (x1, y1) = ((b.2 / c).floor() as i64, (b.3 / c).floor() as i64);
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    /// Does `b` overlap any box taken so far?
    pub fn hits(&self, b: ScreenBox) -> bool {
        self.cells_of(b).any(|cell| {
            self.cells.get(&cell).is_some_and(|ids| {
                ids.iter().any(|&i| {
                    let t = self.boxes[i];
                    b.0 < t.2 && t.0 < b.2 && b.1 < t.3 && t.1 < b.3
                })
            })
        })
    }

    pub fn insert(&mut self, b: ScreenBox) {
        let id = self.boxes.len();
        self.boxes.push(b);
        for cell in self.cells_of(b).collect::<Vec<_>>() {
            self.cells.entry(cell).or_default().push(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_found_across_cells_and_touching_is_not_overlap() {
        let mut g = BoxGrid::new(50.0);
        g.insert((40.0, 40.0, 120.0, 60.0));
        assert!(g.hits((110.0, 55.0, 130.0, 70.0)));
        assert!(!g.hits((120.0, 40.0, 140.0, 60.0)));
        assert!(!g.hits((0.0, 0.0, 30.0, 30.0)));
        assert!(g.hits((-10.0, 45.0, 45.0, 50.0)));
    }
}
