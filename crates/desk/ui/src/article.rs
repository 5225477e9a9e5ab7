//! One article at the desk: its text with every link, proposal and unknown
//! name marked ([`crate::text`]); beside it each link with **accept** and
//! **reject** (and a note), each proposal with **accept** (it becomes a
//! curated gazetteer entry), the unknown names, **add a link** (select words,
//! find a feature), and **mark reviewed**; below, the map preview.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, Article, Decision, Entry, Link, Proposal, Verdict};
use crate::preview::Preview;
use crate::state::{Action, Desk};
use crate::text::MarkedText;
use crate::words::{category_name, role_name, state_name, words};

#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    pub id: String,
}

/// A button's click that saves `decision` and tells the desk `saved`.
fn deciding(desk: &Desk, decision: Decision, saved: String) -> Callback<MouseEvent> {
    let desk = desk.clone();
    Callback::from(move |_| {
        let decision = decision.clone();
        save(
            &desk,
            saved.clone(),
            async move { api::decide(&decision).await },
        );
    })
}

/// Runs a save and tells the desk how it went (on success, `saved`).
fn save(
    desk: &Desk,
    saved: String,
    request: impl std::future::Future<Output = Result<(), String>> + 'static,
) {
    let desk = desk.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match request.await {
            Ok(()) => desk.dispatch(Action::Saved(saved)),
            Err(e) => desk.dispatch(Action::Failed(e)),
        }
    });
}

#[function_component(ArticlePage)]
pub fn article_page(props: &ArticlePageProps) -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let loaded = use_state(|| None::<Result<Article, String>>);
    let selected = use_state(|| None::<(usize, usize)>);
    {
        let loaded = loaded.clone();
        use_effect_with((props.id.clone(), desk.saves), move |(id, _)| {
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                loaded.set(Some(api::article(&id).await));
            });
        });
    }
    let article = match &*loaded {
        None => return html! { <p>{ w.loading }</p> },
        Some(Err(e)) => return html! { <p class="notice refused">{ e }</p> },
        Some(Ok(a)) => a.clone(),
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |range| selected.set(range))
    };
    let mark_reviewed = {
        let (desk, id) = (desk.clone(), article.id.clone());
        Callback::from(move |_| {
            let id = id.clone();
            save(&desk, words(desk.lang).saved.to_string(), async move {
                api::mark_reviewed(&id, &api::today()).await
            });
        })
    };
    let links = article
        .links
        .iter()
        .map(|l| html! { <LinkItem article={article.clone()} link={l.clone()} /> });
    let proposals = article
        .proposals
        .iter()
        .map(|p| html! { <ProposalItem article={article.clone()} proposal={p.clone()} /> });
    let candidates = article.candidates.iter().map(|c| {
        html! { <li><span class="candidate">{ &c.name }</span>{ format!(" · {} · {}", c.shape, c.line) }</li> }
    });
    let none = || html! { <li class="none">{ w.none }</li> };
    html! {
        <div class="article">
            <article class="reading">
                <p class="back"><a href="#/">{ "← " }{ w.back }</a></p>
                <h2 lang={article.lang.clone()}>{ &article.title }</h2>
                <p class="meta">
                    { for article.date.clone().map(|d| html! { <>{ d }{ " · " }</> }) }{ &article.lang }{ " · " }
                    <span class={classes!("state", article.state.clone())}>{ state_name(desk.lang, &article.state) }</span>
                    { for article.url.clone().map(|u| html! { <>{ " · " }<a href={u} rel="noreferrer noopener" target="_blank">{ w.at_source }</a></> }) }
                </p>
                <button type="button" class="primary" onclick={mark_reviewed}>{ w.mark_reviewed }</button>
                <MarkedText article={article.clone()} {on_select} />
            </article>
            <aside class="found">
                <section><h3>{ w.links }{ format!(" ({})", article.links.len()) }</h3>
                    <ul class="items">{ for links }{ for article.links.is_empty().then(none) }</ul></section>
                <section><h3>{ w.proposals }{ format!(" ({})", article.proposals.len()) }</h3>
                    <ul class="items">{ for proposals }{ for article.proposals.is_empty().then(none) }</ul></section>
                <AddLink article={article.clone()} selected={*selected} />
                <DecisionList article={article.clone()} />
                <section><h3>{ w.candidates }{ format!(" ({})", article.candidates.len()) }</h3>
                    <ul class="items">{ for candidates }{ for article.candidates.is_empty().then(none) }</ul></section>
            </aside>
            <Preview />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DecisionListProps {
    article: Article,
}

/// The decisions saved in this article (a rejected link is no longer among
/// the links: here it can be read and reversed). A link decision reverses
/// to the other verdict; one on a proposal is a reject only (a proposal is
/// accepted into the gazetteer), so it has no reverse here.
#[function_component(DecisionList)]
fn decision_list(props: &DecisionListProps) -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let article = &props.article;
    let items = article.decisions.iter().map(|d| {
        let said = if d.verdict == Verdict::Reject { w.rejected } else { w.accepted };
        let reversible = !d.feature.starts_with("proposed-");
        let reverse = {
            let other = match d.verdict {
                Verdict::Reject => Verdict::Accept,
                Verdict::Accept => Verdict::Reject,
            };
            let decision = Decision {
                words: d.words.clone(),
                note: d.note.clone(),
                ..api::decision(&article.id, &d.feature, &d.sentence, other)
            };
            deciding(&desk, decision, format!("{}: {}", w.saved, d.feature))
        };
        html! {
            <li class="item" data-decision={d.feature.clone()}>
                <p><strong>{ &d.feature }</strong>{ format!(" · {said} · {}", d.date) }</p>
                <blockquote lang={article.lang.clone()}>{ &d.sentence }</blockquote>
                { for d.note.clone().map(|n| html! { <p class="made">{ n }</p> }) }
                { for reversible.then(|| html! { <div class="buttons"><button type="button" onclick={reverse}>{ w.reverse }</button></div> }) }
            </li>
        }
    });
    html! {
        <section><h3>{ w.decisions }{ format!(" ({})", article.decisions.len()) }</h3>
            <ul class="items">{ for items }{ for article.decisions.is_empty().then(|| html! { <li class="none">{ w.none }</li> }) }</ul>
        </section>
    }
}

/// Sentence `i` of `article` as a quote, the words `start..end` marked in
/// it (a rule's words may stand in another sentence of its window: then
/// they are marked before it).
fn quoted(article: &Article, i: usize, start: usize, end: usize) -> Html {
    let lang = article.lang.clone();
    let text = &article.text;
    let Some(sentence) = article.sentences.get(i) else {
        return html! {};
    };
    let (s, e) = (sentence.start, sentence.end);
    let inside = s <= start && start <= end && end <= e;
    let words = text.get(start..end).unwrap_or_default();
    if !inside {
        return html! { <blockquote {lang}><mark>{ words }</mark>{ " … " }{ article.sentence(i) }</blockquote> };
    }
    html! {
        <blockquote {lang}>
            { text.get(s..start).unwrap_or_default() }<mark>{ words }</mark>{ text.get(end..e).unwrap_or_default() }
        </blockquote>
    }
}

#[derive(Properties, PartialEq)]
struct LinkItemProps {
    article: Article,
    link: Link,
}

/// A link with its sentence, accept / reject and a note.
#[function_component(LinkItem)]
fn link_item(props: &LinkItemProps) -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let note = use_state(String::new);
    let (article, link) = (&props.article, &props.link);
    let decide = |verdict: Verdict| {
        let decision = Decision {
            note: Some((*note).clone()).filter(|n| !n.trim().is_empty()),
            ..api::decision(
                &article.id,
                &link.feature,
                article.sentence(link.sentence),
                verdict,
            )
        };
        let said = if verdict == Verdict::Reject {
            w.rejected
        } else {
            w.accepted
        };
        deciding(
            &desk,
            decision,
            format!("{}: {} ({said})", w.saved, link.feature),
        )
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            note.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let made = if link.by_editor {
        w.by_editor.to_string()
    } else if link.by_rule && link.first < link.last {
        format!("{} ({}–{})", w.by_rule, link.first + 1, link.last + 1)
    } else if link.by_rule {
        w.by_rule.to_string()
    } else {
        w.by_name.to_string()
    };
    html! {
        <li class="item" data-feature={link.feature.clone()}>
            <p><strong>{ link.name.in_lang(desk.lang) }</strong>{ format!(" · {} · {}", link.feature, role_name(desk.lang, &link.role)) }</p>
            { quoted(article, link.sentence, link.start, link.end) }
            <p class="made">{ made }</p>
            <label class="note">{ w.note }<input type="text" value={(*note).clone()} oninput={on_note} /></label>
            <div class="buttons">
                <button type="button" onclick={decide(Verdict::Accept)}>{ w.accept }</button>
                <button type="button" class="reject" onclick={decide(Verdict::Reject)}>{ w.reject }</button>
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ProposalItemProps {
    article: Article,
    proposal: Proposal,
}

/// A proposal with its provenance, **accept** (it becomes a curated
/// gazetteer entry) and **reject** (this sighting of it, by a decision).
#[function_component(ProposalItem)]
fn proposal_item(props: &ProposalItemProps) -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let p = &props.proposal;
    let reject = {
        let article = &props.article;
        let decision = api::decision(
            &article.id,
            &p.id,
            article.sentence(p.sentence),
            Verdict::Reject,
        );
        deciding(
            &desk,
            decision,
            format!("{}: {} ({})", w.saved, p.id, w.rejected),
        )
    };
    let edited = use_state(|| Draft {
        name: p.name.clone(),
        lat: format!("{:.5}", p.point.lat),
        lon: format!("{:.5}", p.point.lon),
    });
    let accept = {
        let (desk, id, edited) = (desk.clone(), p.id.clone(), edited.clone());
        let saved = format!("{}: {} ({})", w.saved, p.id, w.accepted);
        Callback::from(move |_| {
            let (id, draft) = (id.clone(), (*edited).clone());
            save(&desk, saved.clone(), async move {
                let point = draft.point()?;
                api::accept(&id, &api::today(), &draft.name, point)
                    .await
                    .map(|_| ())
            });
        })
    };
    let edit = |label: &'static str, value: String, set: fn(&mut Draft, String)| {
        let edited = edited.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*edited).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            edited.set(next);
        });
        html! { <label>{ label }<input type="text" {value} {oninput} /></label> }
    };
    let draft = &*edited;
    let form = html! {
        <details class="edit">
            <summary>{ w.edit_first }</summary>
            { edit("ru", draft.name.ru.clone(), |d, v| d.name.ru = v) }
            { edit("kk", draft.name.kk.clone(), |d, v| d.name.kk = v) }
            { edit("en", draft.name.en.clone(), |d, v| d.name.en = v) }
            { edit(w.latitude, draft.lat.clone(), |d, v| d.lat = v) }
            { edit(w.longitude, draft.lon.clone(), |d, v| d.lon = v) }
        </details>
    };
    html! {
        <li class="item" data-proposal={p.id.clone()}>
            <p><strong>{ p.name.in_lang(desk.lang) }</strong>
                { format!(" · {} · {} {:.0}%", category_name(desk.lang, &p.category), w.confidence, p.confidence) }</p>
            <p class="provenance">{ &p.provenance }</p>
            { quoted(&props.article, p.sentence, p.start, p.end) }
            { form }
            <div class="buttons">
                <button type="button" onclick={accept}>{ w.accept }</button>
                <button type="button" class="reject" onclick={reject}>{ w.reject }</button>
            </div>
        </li>
    }
}

/// A proposal as the editor is changing it before accepting it.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    name: api::Names,
    lat: String,
    lon: String,
}

impl Draft {
    /// The point typed (a comma taken for the decimal point).
    fn point(&self) -> Result<api::Point, String> {
        let number = |s: &str| s.trim().replace(',', ".").parse::<f64>();
        match (number(&self.lat), number(&self.lon)) {
            (Ok(lat), Ok(lon)) => Ok(api::Point { lat, lon }),
            _ => Err(format!(
                "«{}, {}» is not a latitude and longitude",
                self.lat, self.lon
            )),
        }
    }
}

#[derive(Properties, PartialEq)]
struct AddLinkProps {
    article: Article,
    selected: Option<(usize, usize)>,
}

/// Add a link: the selected words, a search over the gazetteer and places,
/// and a button per entry found that links the words to it.
#[function_component(AddLink)]
fn add_link(props: &AddLinkProps) -> Html {
    let desk = use_context::<Desk>().expect("the desk's context");
    let w = words(desk.lang);
    let query = use_state(String::new);
    let found = use_state(Vec::<Entry>::new);
    {
        let found = found.clone();
        use_effect_with((*query).clone(), move |q| {
            let q = q.trim().to_string();
            if q.chars().count() >= 2 {
                wasm_bindgen_futures::spawn_local(async move {
                    found.set(api::entries(&q).await.unwrap_or_default());
                });
            } else {
                found.set(Vec::new());
            }
        });
    }
    let article = &props.article;
    let chosen = props
        .selected
        .map(|(s, e)| (s, e, article.sentence_of(s, e)));
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let status = match chosen {
        None => html! { <p class="hint">{ w.select_hint }</p> },
        Some((.., None)) => html! { <p class="hint refused">{ w.one_sentence }</p> },
        Some((s, e, Some(_))) => html! {
            <p class="selected">{ w.selected }{ ": " }<q lang={article.lang.clone()}>{ &article.text[s..e] }</q></p>
        },
    };
    let choices = found.iter().map(|entry| {
        let target = match chosen {
            Some((s, e, Some(i))) => Some(Decision {
                words: Some(article.text[s..e].to_string()),
                ..api::decision(&article.id, &entry.id, article.sentence(i), Verdict::Accept)
            }),
            _ => None,
        };
        let disabled = target.is_none();
        let saved = format!("{}: {} ({})", w.saved, entry.id, w.accepted);
        let kind = if entry.place {
            "place".to_string()
        } else {
            category_name(desk.lang, &entry.category)
        };
        let name = entry.name.in_lang(desk.lang).to_string();
        let onclick = target.map(|d| deciding(&desk, d, saved));
        html! {
            <li><button type="button" {disabled} {onclick} data-entry={entry.id.clone()}>
                { w.link_to }{ " " }<strong>{ name }</strong>{ format!(" · {} · {kind}", entry.id) }
            </button></li>
        }
    });
    html! {
        <section class="add-link"><h3>{ w.add_link }</h3>
            { status }
            <label>{ w.find_feature }<input type="search" value={(*query).clone()} oninput={on_query} /></label>
            <ul class="entries">{ for choices }</ul>
        </section>
    }
}
