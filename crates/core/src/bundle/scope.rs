//! A story's part of the corpus: an embed in one article can show only the
//! citations of some articles (`articles="id1,id2"`), of a date range
//! (`since`, `until`, inclusive) and of some categories. [`Bundle::scoped`]
//! keeps those citations, drops the features left with none (and their
//! marks), and fits the first view to what remains, zoomed in at most
//! [`STORY_ZOOM`] times the whole corpus's view (one town alone would
//! otherwise fill the map with an unreadable close-up). Article indices do
//! not change, so every citation still opens its article.

use crate::bundle::files::Bundle;
use crate::bundle::map::fit_of;
use crate::evidence::gazetteer::Category;
use crate::text::article::{Article, Date};

/// How much closer than the whole corpus's first view a story's may be.
pub const STORY_ZOOM: f64 = 4.0;

/// What an embed shows; `None` everywhere is the whole corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    /// Article ids (file names without `.txt`).
    pub articles: Option<Vec<String>>,
    /// Articles dated on or after this day (an undated article is left out).
    pub since: Option<Date>,
    /// Articles dated on or before this day (an undated article is left out).
    pub until: Option<Date>,
    pub categories: Option<Vec<Category>>,
}

impl Scope {
    pub fn is_whole(&self) -> bool {
        *self == Scope::default()
    }

    /// Whether the articles part (ids and dates) narrows anything.
    pub fn narrows_articles(&self) -> bool {
        self.articles.is_some() || self.since.is_some() || self.until.is_some()
    }

    pub fn keeps(&self, article: &Article) -> bool {
        let listed = self
            .articles
            .as_ref()
            .is_none_or(|ids| ids.contains(&article.id));
        let dated = |bound: Option<Date>, ok: fn(Date, Date) -> bool| {
            bound.is_none_or(|b| article.date.is_some_and(|d| ok(d, b)))
        };
        listed && dated(self.since, |d, b| d >= b) && dated(self.until, |d, b| d <= b)
    }
}

impl Bundle {
    /// This bundle with only what `scope` shows.
    pub fn scoped(&self, scope: &Scope) -> Bundle {
        let kept: Vec<bool> = self
            .corpus
            .articles
            .iter()
            .map(|a| scope.keeps(a))
            .collect();
        let mut out = self.clone();
        let mut features = Vec::new();
        let mut marks = Vec::new();
        for (feature, mark) in self.corpus.features.iter().zip(&self.map.marks) {
            let category = self.corpus.entry(feature).category;
            if scope
                .categories
                .as_ref()
                .is_some_and(|c| !c.contains(&category))
            {
                continue;
            }
            let mut f = feature.clone();
            f.citations.retain(|c| kept[c.article]);
            if !f.citations.is_empty() {
                features.push(f);
                marks.push(mark.clone());
            }
        }
        out.corpus.features = features;
        out.map.marks = marks;
        let whole = self.map.fit;
        out.map.fit = if out.corpus.features.is_empty() {
            out.map.bounds
        } else {
            fit_of(&out.corpus, &out.map.marks, out.map.bounds)
                .at_least(whole.width() / STORY_ZOOM, whole.height() / STORY_ZOOM)
        };
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::map::Mark;
    use crate::evidence::corpus::Corpus;
    use crate::evidence::gazetteer::Gazetteer;
    use crate::geo::basemap::Basemap;
    use crate::text::article::parse_text;
    use std::path::Path;

    /// Three dated articles and one undated, linked with the shipped gazetteer.
    fn bundle() -> Bundle {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let gazetteer = Gazetteer::load(&root.join("gazetteer.toml")).unwrap();
        let basemap = Basemap::load(&root.join("basemap.json")).unwrap();
        let article = |id: &str, date: &str, body: &str| {
            let front = if date.is_empty() {
                String::new()
            } else {
                format!("---\ntitle: {id}\ndate: {date}\n---\n")
            };
            parse_text(id, Path::new("t.txt"), &format!("{front}{body}\n")).unwrap()
        };
        let articles = vec![
            article("a", "2024-03-01", "Встреча прошла в Бишкеке."),
            article(
                "b",
                "2025-05-20",
                "В Караколе прошла встреча туроператоров.",
            ),
            article("c", "2025-08-22", "Встреча прошла в Бишкеке, затем в Оше."),
            article("d", "", "Встреча прошла в Оше."),
        ];
        Bundle::new(Corpus::link(articles, gazetteer), &basemap)
    }

    fn ids(b: &Bundle) -> Vec<(&str, Vec<usize>)> {
        b.corpus
            .features
            .iter()
            .map(|f| {
                let articles = f.citations.iter().map(|c| c.article).collect();
                (b.corpus.entry(f).id.as_str(), articles)
            })
            .collect()
    }

    #[test]
    fn the_whole_scope_keeps_everything() {
        let b = bundle();
        assert!(Scope::default().is_whole());
        assert_eq!(b.scoped(&Scope::default()), b);
        assert_eq!(
            ids(&b),
            [
                ("bishkek", vec![0, 2]),
                ("osh", vec![2, 3]),
                ("karakol", vec![1])
            ]
        );
    }

    #[test]
    fn articles_by_id() {
        let scope = Scope {
            articles: Some(vec!["c".into()]),
            ..Scope::default()
        };
        let s = bundle().scoped(&scope);
        assert_eq!(ids(&s), [("bishkek", vec![2]), ("osh", vec![2])]);
        assert_eq!(s.map.marks.len(), s.corpus.features.len());
        assert_eq!(s.corpus.articles.len(), 4, "article indices stay valid");
    }

    #[test]
    fn a_date_range_is_inclusive_and_leaves_undated_articles_out() {
        let scope = Scope {
            since: Date::parse("2025-05-20"),
            until: Date::parse("2025-08-22"),
            ..Scope::default()
        };
        assert_eq!(
            ids(&bundle().scoped(&scope)),
            [("bishkek", vec![2]), ("osh", vec![2]), ("karakol", vec![1])]
        );
        let before = Scope {
            until: Date::parse("2024-12-31"),
            ..Scope::default()
        };
        assert_eq!(ids(&bundle().scoped(&before)), [("bishkek", vec![0])]);
    }

    #[test]
    fn categories_and_the_first_view() {
        let b = bundle();
        let scope = Scope {
            articles: Some(vec!["b".into()]),
            ..Scope::default()
        };
        let s = b.scoped(&scope);
        // One town: the view is centred on it, a quarter of the whole view's size.
        assert_eq!(ids(&s), [("karakol", vec![1])]);
        let Mark::Points(p) = &s.map.marks[0] else {
            panic!("Karakol is a point")
        };
        let (c, whole) = (s.map.fit.center(), b.map.fit);
        assert!((c.x - p[0].x).abs() < 1e-9 && (c.y - p[0].y).abs() < 1e-9);
        assert!((s.map.fit.width() - whole.width() / 4.0).abs() < 1e-9);
        assert!((s.map.fit.height() - whole.height() / 4.0).abs() < 1e-9);
        let none = Scope {
            categories: Some(vec![Category::Education]),
            ..Scope::default()
        };
        let empty = b.scoped(&none);
        assert!(empty.corpus.features.is_empty());
        assert_eq!(empty.map.fit, b.map.bounds);
    }
}
