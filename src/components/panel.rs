//! The feature panel: name, category, where it is drawn, and its citations
//! grouped by article, each sentence with the mention highlighted. A town's
//! citations come in two groups by role: the meetings held there first, then
//! its passing mentions. Where the article has a web address, each citation
//! also links to the sentence on the publisher's page (a text fragment,
//! `bilateral_core::fragment`). A long list is paged: the first [`PAGE`] articles
//! of each group, then a button for the next ones, so a feature cited by
//! hundreds of articles opens at once. Only the citations in the timeline's
//! period are listed; the panel says how many of all those are, and when the
//! feature was first and last written about.

use bilateral_core::Corpus;
use bilateral_core::fragment::text_fragment;
use bilateral_core::gazetteer::Status;
use bilateral_core::lang::Lang;
use bilateral_core::mention::Role;
use yew::prelude::*;

use crate::components::citation::{article_meta, highlighted};
use crate::components::map::symbol;
use crate::corpus::Static;
use crate::details::Quotes;
use crate::i18n;

/// Articles shown per group before "more", and added by each press.
pub const PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub corpus: Static<Corpus>,
    pub lang: Lang,
    pub feature: usize,
    pub onclose: Callback<()>,
    /// Carries the citation's index in the feature's list.
    pub oncite: Callback<usize>,
    #[prop_or_default]
    pub period: bilateral_core::timeline::Period,
    /// How often the host page's own text names the feature (`link-text`).
    #[prop_or_default]
    pub host_mentions: u32,
    /// Whether the quotes, titles and same-event links are here yet
    /// ([`crate::details`]).
    #[prop_or(Quotes::Here)]
    pub quotes: Quotes,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let corpus = props.corpus;
    let feature = &corpus.features[props.feature];
    let entry = corpus.entry(feature);
    let lang = props.lang;
    let text = i18n::text(lang);
    let articles = |venue: Option<bool>| -> Vec<usize> {
        let mut a: Vec<usize> = feature
            .citations
            .iter()
            .filter(|c| venue.is_none_or(|v| (c.role == Role::Venue) == v))
            .filter(|c| props.period.cites(&corpus, c))
            .map(|c| c.article)
            .collect();
        a.dedup();
        a
    };
    let groups: Vec<(Option<&str>, Option<bool>)> = if entry.is_settlement() {
        [(text.meetings_here, true), (text.mentioned, false)]
            .into_iter()
            .filter(|&(_, v)| {
                feature
                    .citations
                    .iter()
                    .any(|c| (c.role == Role::Venue) == v && props.period.cites(&corpus, c))
            })
            .map(|(h, v)| (Some(h), Some(v)))
            .collect()
    } else {
        vec![(None, None)]
    };
    // How many articles each group shows, for this feature.
    let shown = use_state(|| (props.feature, PAGE));
    let limit = if shown.0 == props.feature {
        shown.1
    } else {
        PAGE
    };
    let more = {
        let (shown, feature) = (shown.clone(), props.feature);
        Callback::from(move |_: MouseEvent| shown.set((feature, limit + PAGE)))
    };
    let group = |venue: Option<bool>| -> Html {
        let all = by_event(&corpus, articles(venue));
        let left = all.len().saturating_sub(limit);
        html! {
            <>
                { for all.into_iter().take(limit).map(|unit| match unit.as_slice() {
                    [a] => article_group(props, *a, venue),
                    _ => html! {
                        <div class="bm-event" data-testid="event-side-by-side" role="group"
                            aria-label={text.same_event_here}>
                            <p class="bm-event-caption">{ text.same_event_here }</p>
                            { for unit.iter().map(|&a| article_group(props, a, venue)) }
                        </div>
                    },
                }) }
                if left > 0 {
                    <button type="button" class="bm-more" data-testid="more-articles" onclick={more.clone()}>
                        { i18n::more_articles(lang, left.min(PAGE), left) }
                    </button>
                }
            </>
        }
    };
    html! {
        <section class="bm-panel-body" data-testid="panel" aria-labelledby="bm-panel-title">
            { panel_head(entry, lang, props.onclose.reform(|_: MouseEvent| ())) }
            if entry.status == Status::Proposed {
                <p class="bm-proposed" data-testid="proposed">{ bilateral_core::ui::proposed_note(lang) }</p>
            }
            <p class="bm-location">
                <strong>{ i18n::precision(lang, entry.precision) }</strong>
                if let Some(note) = &entry.location_note {
                    { ". " }{ note.get(lang) }
                }
            </p>
            <p class="bm-count">
                { i18n::citations(lang, feature.citations.len()) }
                if props.period.is_all() {
                    { " " }{ i18n::in_articles(lang, articles(None).len()) }
                }
            </p>
            if let Some((first, last)) = bilateral_core::timeline::first_last(&corpus, props.feature) {
                <p class="bm-count" data-testid="first-last">{ i18n::first_last(lang, &bilateral_core::dates::date(lang, first), &bilateral_core::dates::date(lang, last)) }</p>
            }
            if props.host_mentions > 0 {
                <p class="bm-count" data-testid="host-mentions">{ i18n::mentioned_here(lang, props.host_mentions as usize) }</p>
            }
            if !props.period.is_all() {
                <p class="bm-count" data-testid="in-period"><strong>
                    { i18n::in_period(lang, props.period.count(&corpus, props.feature), feature.citations.len()) }
                </strong></p>
            }
            if let Quotes::Loading = props.quotes {
                <p class="bm-reader-status" role="status" aria-busy="true" data-testid="quotes-loading">{ text.loading_quotes }</p>
            } else if let Quotes::Failed(_) = props.quotes {
                <p class="bm-reader-status bm-reader-status--error" role="alert" data-testid="quotes-error">{ text.quotes_unavailable }</p>
            } else {
                { for groups.into_iter().map(|(heading, venue)| html! {
                    <>
                        if let Some(h) = heading {
                            <h4 class="bm-role">{ h }</h4>
                        }
                        { group(venue) }
                    </>
                }) }
            }
        </section>
    }
}

/// The panel's head: the feature's symbol, category and name, and the
/// close button.
fn panel_head(
    entry: &bilateral_core::gazetteer::Entry,
    lang: Lang,
    close: Callback<MouseEvent>,
) -> Html {
    let text = i18n::text(lang);
    html! {
        <header class="bm-panel-head">
            <svg class={classes!("bm-panel-symbol", format!("bm-cat-{}", entry.category.key()), (entry.status == Status::Proposed).then_some("bm-feature--proposed"))}
                viewBox="-10 -10 20 20" aria-hidden="true">
                <path class="bm-symbol" d={symbol(entry.category)} />
            </svg>
            <div>
                <p class="bm-kicker">{ i18n::category(lang, entry.category) }</p>
                <h3 id="bm-panel-title" class="bm-panel-title">{ entry.name.get(lang) }</h3>
            </div>
            <button type="button" class="bm-close" onclick={close} aria-label={text.close} title={text.close}>{ "×" }</button>
        </header>
    }
}

/// The articles, in order, with the reports of one event (`Corpus::events`)
/// brought together at the place of the first, to be shown side by side.
/// Linear in the articles and events: a feature may be cited by thousands.
fn by_event(corpus: &Corpus, articles: Vec<usize>) -> Vec<Vec<usize>> {
    let mut event_of: Vec<Option<usize>> = vec![None; corpus.articles.len()];
    for (e, event) in corpus.events.iter().enumerate() {
        for &a in &event.articles {
            event_of[a] = Some(e);
        }
    }
    let mut unit_of_event: Vec<Option<usize>> = vec![None; corpus.events.len()];
    let mut units: Vec<Vec<usize>> = Vec::new();
    for a in articles {
        match event_of[a] {
            Some(e) if let Some(u) = unit_of_event[e] => units[u].push(a),
            Some(e) => {
                unit_of_event[e] = Some(units.len());
                units.push(vec![a]);
            }
            None => units.push(vec![a]),
        }
    }
    units
}

/// One article's citations of the feature (of one role, where `venue` says which).
fn article_group(props: &PanelProps, article_index: usize, venue: Option<bool>) -> Html {
    let corpus = props.corpus;
    let article = &corpus.articles[article_index];
    let feature = &corpus.features[props.feature];
    let text = i18n::text(props.lang);
    html! {
        <article class="bm-source" key={article.id.clone()} data-article-id={article.id.clone()}>
            <h4 class="bm-source-title" lang={article.lang.code()}>{ &article.title }</h4>
            <p class="bm-source-meta">{ article_meta(props.lang, article) }</p>
            <ul class="bm-citations">
                { for feature.citations.iter().enumerate()
                    .filter(|(_, c)| c.article == article_index && venue.is_none_or(|v| (c.role == Role::Venue) == v))
                    .filter(|(_, c)| props.period.cites(&corpus, c))
                    .map(|(i, c)| {
                    let oncite = props.oncite.reform(move |_: MouseEvent| i);
                    // The reader will want this article's text: fetch it now.
                    let inline = !article.text.is_empty();
                    let prefetch = move || if !inline { crate::texts::status(article_index); };
                    let (onhover, onfocus) = (move |_: MouseEvent| prefetch(), move |_: FocusEvent| prefetch());
                    html! {
                        <li>
                            <button type="button" class="bm-citation" data-testid="citation"
                                title={text.open_article} onclick={oncite}
                                onmouseenter={onhover} onfocus={onfocus}>
                                <q lang={article.lang.code()}>{ highlighted(&corpus, c) }</q>
                            </button>
                            if let Some(href) = article.url.as_deref().and_then(|u| text_fragment(u, corpus.quote(c))) {
                                <a class="bm-at-source" data-testid="at-source" href={href} target="_blank"
                                    rel="noopener noreferrer" title={text.at_source_title}>{ text.at_source }{ " ↗" }</a>
                            }
                        </li>
                    }
                }) }
            </ul>
        </article>
    }
}
