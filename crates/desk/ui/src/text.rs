//! An article's text with what the engine found marked in it: each link,
//! proposal and unknown name over the words it cites. The text is cut at
//! every mark's ends into runs, each a `<span data-at=BYTE>` holding one
//! text node (text, never HTML: a hostile article stays inert). A selection
//! of words is read back as byte offsets of the article's text: the run's
//! `data-at` plus the UTF-8 length of the run's first UTF-16 units
//! (`Range` offsets count UTF-16 units), on `selectionchange` (mouse,
//! keyboard and touch selections alike). The front matter is not shown.

use web_sys::{Element, Node};
use yew::prelude::*;

use crate::api::Article;

/// What a run of text is part of: the classes it is drawn with.
fn marks(article: &Article, start: usize, end: usize) -> (Classes, Option<String>) {
    let covers = |s: usize, e: usize| s <= start && end <= e;
    let mut classes = Classes::new();
    let mut titles = Vec::new();
    for l in article.links.iter().filter(|l| covers(l.start, l.end)) {
        classes.push("link");
        titles.push(format!("{} ({})", l.feature, l.role));
    }
    for p in article.proposals.iter().filter(|p| covers(p.start, p.end)) {
        classes.push("proposal");
        titles.push(format!("{} (proposed)", p.id));
    }
    for c in article.candidates.iter().filter(|c| covers(c.start, c.end)) {
        classes.push("candidate");
        titles.push(format!("{} ({})", c.name, c.shape));
    }
    let title = (!titles.is_empty()).then(|| titles.join("; "));
    (classes, title)
}

/// The runs of the body: cut at every mark's start and end.
fn runs(article: &Article) -> Vec<(usize, usize)> {
    let text = &article.text;
    let body = article.body.min(text.len());
    let mut cuts = vec![body, text.len()];
    let spans = article
        .links
        .iter()
        .map(|l| (l.start, l.end))
        .chain(article.proposals.iter().map(|p| (p.start, p.end)))
        .chain(article.candidates.iter().map(|c| (c.start, c.end)));
    for (s, e) in spans {
        cuts.extend([s, e]);
    }
    cuts.retain(|&c| body <= c && c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

#[derive(Properties, PartialEq)]
pub struct MarkedTextProps {
    pub article: Article,
    /// Words selected: their byte range in the text, or `None`.
    pub on_select: Callback<Option<(usize, usize)>>,
}

#[function_component(MarkedText)]
pub fn marked_text(props: &MarkedTextProps) -> Html {
    let article = &props.article;
    let runs = runs(article).into_iter().map(|(start, end)| {
        let (class, title) = marks(article, start, end);
        html! { <span data-at={start.to_string()} {class} {title}>{ &article.text[start..end] }</span> }
    });
    let node = use_node_ref();
    {
        // Mouse, keyboard and touch selections all end in `selectionchange`;
        // one outside the text (typing in the search box) is not the words.
        let (node, on_select) = (node.clone(), props.on_select.clone());
        let text = article.text.clone();
        use_effect_with(article.id.clone(), move |_| {
            let document = gloo::utils::document();
            let listener =
                gloo::events::EventListener::new(&document, "selectionchange", move |_| {
                    let Some(container) = node.cast::<Element>() else {
                        return;
                    };
                    match selection(&container) {
                        Some(Some((s, e))) => {
                            let (s, e) = trimmed(&text, s, e);
                            on_select.emit((s < e).then_some((s, e)));
                        }
                        Some(None) => on_select.emit(None),
                        None => {}
                    }
                });
            move || drop(listener)
        });
    }
    html! {
        <div class="text" ref={node} lang={article.lang.clone()} tabindex="0">{ for runs }</div>
    }
}

/// `start..end` without the white space at either end.
fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(words) = text.get(start..end) else {
        return (start, start);
    };
    let lead = words.len() - words.trim_start().len();
    let trail = words.len() - words.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

/// The selection, if it is in `container`: its byte range in the article's
/// text, or `Some(None)` for a caret (nothing selected) there.
fn selection(container: &Element) -> Option<Option<(usize, usize)>> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (from, to) = (range.start_container().ok()?, range.end_container().ok()?);
    if !container.contains(Some(&from)) || !container.contains(Some(&to)) {
        return None;
    }
    if selection.is_collapsed() {
        return Some(None);
    }
    let start = byte_at(&from, range.start_offset().ok()?)?;
    let end = byte_at(&to, range.end_offset().ok()?)?;
    Some(Some((start.min(end), start.max(end))))
}

/// The byte of the text at a DOM point: a text node of a run (offset in
/// UTF-16 units) or a run element (offset in child nodes).
fn byte_at(node: &Node, offset: u32) -> Option<usize> {
    let (run, units) = if node.node_type() == Node::TEXT_NODE {
        (node.parent_element()?, Some(offset))
    } else {
        let element: &Element = wasm_bindgen::JsCast::dyn_ref(node)?;
        (element.clone(), (offset == 0).then_some(0))
    };
    let at: usize = run.get_attribute("data-at")?.parse().ok()?;
    let text = run.text_content().unwrap_or_default();
    let Some(units) = units else {
        return Some(at + text.len());
    };
    let (mut counted, mut bytes) = (0u32, 0usize);
    for c in text.chars() {
        if counted >= units {
            break;
        }
        counted += c.len_utf16() as u32;
        bytes += c.len_utf8();
    }
    Some(at + bytes)
}
