//! The editor's decisions (issue 19, `corpus/decisions.toml`): applied after
//! the engine, and every decision that names nothing real is an error at its
//! line.

use std::path::Path;

use bilateral_core::Corpus;
use bilateral_core::article::parse_text;
use bilateral_core::decisions::Decisions;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::role::Role;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn gazetteer() -> Gazetteer {
    Gazetteer::load(&root().join("corpus/gazetteer.toml")).expect("the shipped gazetteer is valid")
}

const TEXT: &str = "Переговоры прошли в Бишкеке. Стороны обсудили строительство дороги.\n\n\
                    Следующая встреча прошла в Караколе и завершилась осмотром города.";

fn linked(decisions: &str) -> Result<Corpus, String> {
    let article = parse_text("a1", Path::new("a1.txt"), TEXT).expect("the text parses");
    let decisions =
        Decisions::parse(Path::new("decisions.toml"), decisions).map_err(|e| e.to_string())?;
    Corpus::link_decided(vec![article], gazetteer(), &decisions).map_err(|e| e.to_string())
}

/// (feature id, quoted mention) of every citation.
fn cited(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .features
        .iter()
        .flat_map(|f| {
            f.citations.iter().map(move |c| {
                (
                    corpus.entry(f).id.clone(),
                    corpus.articles[c.article].slice(c.mention).to_string(),
                )
            })
        })
        .collect()
}

fn decision(feature: &str, sentence: &str, verdict: &str, more: &str) -> String {
    format!(
        "[[decision]]\narticle = \"a1\"\nfeature = \"{feature}\"\nsentence = \"{sentence}\"\n\
         verdict = \"{verdict}\"\ndate = \"2026-12-03\"\n{more}\n"
    )
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn without_decisions_the_engine_links_both_towns() {
    assert_eq!(
        cited(&linked("").unwrap()),
        pairs(&[("bishkek", "Бишкеке"), ("karakol", "Караколе")])
    );
}

#[test]
fn a_reject_takes_the_link_away() {
    let corpus = linked(&decision(
        "bishkek",
        "Переговоры прошли в Бишкеке.",
        "reject",
        "",
    ))
    .unwrap();
    assert_eq!(cited(&corpus), pairs(&[("karakol", "Караколе")]));
    assert!(corpus.feature("bishkek").is_none());
    assert!(corpus.decision_warnings.is_empty());
}

#[test]
fn an_accept_adds_a_missed_link_citing_the_words_given() {
    let more = "words = \"строительство дороги\"\nnote = \"the road the talks were about\"";
    let corpus = linked(&decision(
        "almaty-issyk-kul-road",
        "обсудили строительство",
        "accept",
        more,
    ))
    .unwrap();
    let road = corpus
        .feature("almaty-issyk-kul-road")
        .expect("the road is a feature now");
    let c = road.citations[0];
    assert_eq!(corpus.articles[0].slice(c.mention), "строительство дороги");
    assert_eq!(corpus.quote(&c), "Стороны обсудили строительство дороги.");
    assert_eq!((c.sentence, c.role), (1, Role::Subject));
}

#[test]
fn an_accept_of_a_link_the_engine_made_changes_nothing() {
    let plain = linked("").unwrap();
    let accepted = linked(&decision("karakol", "прошла в Караколе", "accept", "")).unwrap();
    assert_eq!(accepted.features, plain.features);
}

#[test]
fn a_reject_of_a_link_the_engine_does_not_make_is_a_warning() {
    let corpus = linked(&decision("karakol", "Переговоры прошли", "reject", "")).unwrap();
    assert_eq!(
        corpus.decision_warnings,
        [
            "decisions.toml:1: rejects `karakol` in a sentence of `a1` that the engine does not link to it"
        ]
    );
    assert_eq!(cited(&corpus).len(), 2);
}

#[test]
fn decisions_that_name_nothing_real_are_errors_at_their_line() {
    let second = |d: String| {
        format!(
            "{}\n{d}",
            decision("karakol", "прошла в Караколе", "accept", "")
        )
    };
    let cases = [
        (
            second(decision("bishkek", "Переговоры", "reject", "").replace("\"a1\"", "\"a9\"")),
            "decisions.toml:9: no article `a9` in the corpus",
        ),
        (
            second(decision("atlantis", "Переговоры", "reject", "")),
            "decisions.toml:9: no gazetteer entry `atlantis` to link",
        ),
        (
            second(decision("chuy-region", "Переговоры", "accept", "")),
            "decisions.toml:9: no gazetteer entry `chuy-region` to link",
        ),
        (
            second(decision(
                "bishkek",
                "Переговоры прошли в Оше.",
                "reject",
                "",
            )),
            "decisions.toml:9: no sentence of `a1` holds «Переговоры прошли в Оше.» (the article changed, or the quote is not verbatim)",
        ),
        (
            second(decision("bishkek", "Стороны", "reject", "").replace("Стороны", "о")),
            "decisions.toml:9: «о» is in 3 sentences of `a1` (1, 2, 3): quote more of the one meant",
        ),
        (
            second(decision(
                "bishkek",
                "Переговоры",
                "accept",
                "words = \"в Алматы\"",
            )),
            "decisions.toml:9: the sentence does not hold the words «в Алматы»",
        ),
        (
            second(decision("karakol", "завершилась осмотром", "reject", "")),
            "decisions.toml:9: a second decision on `karakol` in this sentence of `a1` (the first is at line 1)",
        ),
        (
            second(decision("karakol", "прошла в Караколе", "reject", "")),
            "decisions.toml:9: a second decision on `karakol` in this sentence of `a1` (the first is at line 1)",
        ),
        (
            second(decision("bishkek", "Переговоры", "reject", "").replace("2026-12-03", "3 Dec")),
            "decisions.toml:9: date `3 Dec` is not YYYY-MM-DD",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(linked(&text).err().as_deref(), Some(message), "{text}");
    }
}

#[test]
fn a_decisions_file_with_a_bad_line_names_it() {
    let bad_verdict = decision("bishkek", "Переговоры", "maybe", "");
    let err = linked(&bad_verdict).unwrap_err();
    assert!(
        err.starts_with("decisions.toml:5: unknown variant `maybe`"),
        "{err}"
    );
    let unknown_key = decision("bishkek", "Переговоры", "reject", "colour = \"red\"");
    let err = linked(&unknown_key).unwrap_err();
    assert!(
        err.starts_with("decisions.toml:7: unknown field `colour`"),
        "{err}"
    );
    let missing = "[[decision]]\narticle = \"a1\"\nfeature = \"bishkek\"\n";
    let err = linked(missing).unwrap_err();
    assert!(
        err.starts_with("decisions.toml:1: missing field `sentence`"),
        "{err}"
    );
}

/// The shipped corpus loads with its decisions file, and a decision that
/// names a seed article that is not there stops the build with its line.
#[test]
fn the_shipped_corpus_and_its_decisions_file() {
    let articles = root().join("corpus/articles");
    let g = root().join("corpus/gazetteer.toml");
    let shipped = root().join("corpus/decisions.toml");
    assert!(
        shipped.exists(),
        "corpus/decisions.toml is shipped (with its header)"
    );
    let plain = Corpus::load(&articles, &g).unwrap();
    let decided = Corpus::load_decided(&articles, &g, Some(&shipped)).unwrap();
    assert_eq!(decided.features.len(), plain.features.len());
    let dir = std::env::temp_dir().join(format!("bm-decisions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("decisions.toml");
    std::fs::write(&file, "# none yet\n\n[[decision]]\narticle = \"999_missing\"\nfeature = \"bishkek\"\nsentence = \"x\"\nverdict = \"reject\"\ndate = \"2026-12-03\"\n").unwrap();
    let err = Corpus::load_decided(&articles, &g, Some(&file))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}:3: no article `999_missing` in the corpus",
            file.display()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

mod writing {
    use super::*;
    use bilateral_core::article::Date;
    use bilateral_core::decisions::{Decision, HEADER, ReviewState, Verdict};

    fn a_decision(sentence: &str, verdict: Verdict, note: Option<&str>) -> Decision {
        Decision {
            article: "a1".into(),
            feature: "bishkek".into(),
            sentence: sentence.into(),
            verdict,
            words: None,
            note: note.map(str::to_string),
            date: Date::parse("2026-12-03").unwrap(),
            line: 0,
        }
    }

    /// Without the line numbers, which the file gives.
    fn unlined(d: &Decisions) -> (Vec<Decision>, Vec<(String, String)>) {
        let ds = d
            .decisions
            .iter()
            .cloned()
            .map(|d| Decision { line: 0, ..d })
            .collect();
        let rs = d
            .reviewed
            .iter()
            .map(|r| (r.article.clone(), r.text.clone()))
            .collect();
        (ds, rs)
    }

    #[test]
    fn what_render_writes_reads_back_the_same() {
        let article = parse_text("a1", Path::new("a1.txt"), TEXT).unwrap();
        let mut d = Decisions::none();
        d.record(a_decision(
            "Переговоры прошли в Бишкеке.",
            Verdict::Reject,
            Some("a \"quoted\" word, a back\\slash, «ёлочки»,\na new line and a\ttab\u{7}"),
        ));
        d.record(Decision {
            feature: "almaty-issyk-kul-road".into(),
            words: Some("строительство дороги".into()),
            ..a_decision("обсудили строительство", Verdict::Accept, None)
        });
        d.mark_reviewed(&article, Date::parse("2026-12-03").unwrap());
        let text = d.render();
        assert!(text.starts_with(HEADER));
        let back = Decisions::parse(Path::new("decisions.toml"), &text).unwrap();
        assert_eq!(unlined(&back), unlined(&d), "{text}");
        // And the engine reads it: the reject and the added link apply.
        let corpus = Corpus::link_decided(vec![article], gazetteer(), &back).unwrap();
        assert!(corpus.feature("bishkek").is_none());
        assert!(corpus.feature("almaty-issyk-kul-road").is_some());
    }

    #[test]
    fn a_second_decision_on_a_link_replaces_the_first() {
        let mut d = Decisions::none();
        d.record(a_decision("Переговоры прошли", Verdict::Reject, None));
        d.record(a_decision(
            "Переговоры прошли",
            Verdict::Accept,
            Some("on second thought"),
        ));
        assert_eq!(d.decisions.len(), 1);
        assert_eq!(d.decisions[0].verdict, Verdict::Accept);
    }

    #[test]
    fn an_article_is_unreviewed_reviewed_then_changed_since_review() {
        let article = parse_text("a1", Path::new("a1.txt"), TEXT).unwrap();
        let mut d = Decisions::none();
        assert_eq!(d.review_state(&article), ReviewState::Unreviewed);
        d.mark_reviewed(&article, Date::parse("2026-12-03").unwrap());
        assert_eq!(d.review_state(&article), ReviewState::Reviewed);
        let edited =
            parse_text("a1", Path::new("a1.txt"), &TEXT.replace("Бишкеке", "Оше")).unwrap();
        assert_eq!(d.review_state(&edited), ReviewState::Changed);
    }

    #[test]
    fn the_shipped_file_is_the_header_the_desk_writes() {
        let shipped = std::fs::read_to_string(root().join("corpus/decisions.toml")).unwrap();
        assert_eq!(shipped, Decisions::none().render());
    }

    #[test]
    fn reviews_of_missing_articles_or_twice_are_errors_at_their_line() {
        let review = |id: &str| {
            format!("[[reviewed]]\narticle = \"{id}\"\ndate = \"2026-12-03\"\ntext = \"0\"\n")
        };
        assert_eq!(
            linked(&format!("{}\n{}", review("a1"), review("a1")))
                .err()
                .as_deref(),
            Some("decisions.toml:6: `a1` is marked reviewed twice (the first is at line 1)")
        );
        assert_eq!(
            linked(&review("a7")).err().as_deref(),
            Some("decisions.toml:1: no article `a7` in the corpus (marked reviewed)")
        );
    }
}

/// Two sightings of one proposal: a solar plant at Kemin, in two sentences.
const SOLAR: &str = "Kazakhstan will build a solar power plant near Kemin, the ministry of Kyrgyzstan said.\n\n\
                     The solar power plant near Kemin will be built by a Kazakh company for Kyrgyzstan.";

fn proposed(decisions: &str) -> Result<Vec<(String, usize)>, String> {
    use bilateral_core::mention::Matcher;
    use bilateral_core::proposals::propose;
    let article = parse_text("a1", Path::new("a1.txt"), SOLAR).expect("the text parses");
    let decisions =
        Decisions::parse(Path::new("decisions.toml"), decisions).map_err(|e| e.to_string())?;
    let corpus =
        Corpus::link_decided(vec![article], gazetteer(), &decisions).map_err(|e| e.to_string())?;
    let matcher = Matcher::new(&corpus.gazetteer);
    Ok(propose(&corpus, &matcher)
        .into_iter()
        .map(|p| (p.id, p.sightings.len()))
        .collect())
}

#[test]
fn a_rejected_proposal_loses_that_sighting_and_goes_with_its_last() {
    let id = "proposed-solar-plant-kemin";
    assert_eq!(proposed("").unwrap(), [(id.to_string(), 2)]);
    let first = decision(id, "the ministry of Kyrgyzstan said", "reject", "");
    assert_eq!(proposed(&first).unwrap(), [(id.to_string(), 1)]);
    let second = decision(id, "built by a Kazakh company", "reject", "");
    assert_eq!(proposed(&format!("{first}{second}")).unwrap(), []);
    // A reject of a proposal the engine does not make changes nothing.
    let other = decision(
        "proposed-bridge-kemin",
        "built by a Kazakh company",
        "reject",
        "",
    );
    assert_eq!(proposed(&other).unwrap(), [(id.to_string(), 2)]);
}

#[test]
fn a_proposal_is_accepted_into_the_gazetteer_not_by_a_decision() {
    let accept = format!(
        "\n{}",
        decision(
            "proposed-solar-plant-kemin",
            "built by a Kazakh company",
            "accept",
            ""
        )
    );
    let err = proposed(&accept).unwrap_err();
    assert!(err.starts_with("decisions.toml:2: `proposed-solar-plant-kemin` is a proposal: accept it into the gazetteer"), "{err}");
    let nowhere = decision(
        "proposed-solar-plant-kemin",
        "a sentence it never had",
        "reject",
        "",
    );
    let err = proposed(&nowhere).unwrap_err();
    assert!(
        err.contains("no sentence of `a1` holds «a sentence it never had»"),
        "{err}"
    );
}
