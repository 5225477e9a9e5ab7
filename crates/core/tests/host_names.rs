//! The host page's own text linked to the map (issue 12, point 7): the
//! shipped gazetteer's names and aliases, kept by `HostNames::build` as the
//! widget's build keeps them, found in sentences written for this test in the
//! way a news page names the projects (inflected, in either language).

use std::path::Path;

use bilateral_core::article::parse_text;
use bilateral_core::corpus::Corpus;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::host_names::HostNames;

/// A corpus over the shipped gazetteer whose one article cites the road,
/// the ENU branch and Almaty, and the names kept from it.
fn names() -> (Corpus, HostNames) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
    let gazetteer = Gazetteer::load(&root).expect("the shipped gazetteer is valid");
    let text = "Президенты обсудили строительство автодороги Алматы – Иссык-Куль.\n\n\
        В Оше открылся филиал ЕНУ имени Гумилева.\n\nВстреча прошла в Алматы.";
    let article = parse_text("t", Path::new("t.txt"), text).expect("the text parses");
    let corpus = Corpus::link(vec![article], gazetteer);
    let names = HostNames::build(&corpus);
    (corpus, names)
}

/// (the linked words, the feature's id) in `text`.
fn linked(text: &str) -> Vec<(String, String)> {
    let (corpus, names) = names();
    names
        .find(text, &corpus)
        .into_iter()
        .map(|(span, f)| {
            let id = corpus.entry(&corpus.features[f]).id.clone();
            (span.of(text).to_string(), id)
        })
        .collect()
}

fn pair(words: &str, id: &str) -> (String, String) {
    (words.to_string(), id.to_string())
}

#[test]
fn the_road_inflected_in_russian_and_kazakh() {
    assert_eq!(
        linked("Стороны обсудили ход строительства дороги Алматы – Иссык-Куль."),
        vec![pair("дороги Алматы – Иссык-Куль", "almaty-issyk-kul-road")]
    );
    assert_eq!(
        linked("Алматы – Ыстықкөл жолының құрылысы талқыланды."),
        vec![pair("Алматы – Ыстықкөл жолының", "almaty-issyk-kul-road")]
    );
    // The name's first word needs no capital: it starts the name.
    assert_eq!(
        linked("Началось строительство автодороги Алматы – Иссык-Куль."),
        vec![pair(
            "автодороги Алматы – Иссык-Куль",
            "almaty-issyk-kul-road"
        )]
    );
    // The city alone is the city, not the road (the longest name wins only
    // where it is there).
    assert_eq!(
        linked("Делегация прибыла в Алматы."),
        vec![pair("Алматы", "almaty")]
    );
}

#[test]
fn the_branch_needs_its_town_in_the_same_sentence() {
    assert_eq!(
        linked(
            "В прошлом году в Оше открылся филиал Евразийского национального университета имени Гумилёва."
        ),
        vec![
            pair("Оше", "osh"),
            pair(
                "филиал Евразийского национального университета",
                "enu-branch-osh"
            )
        ]
    );
    // Initials and «им.» do not end the sentence.
    assert_eq!(
        linked("Открылся филиал ЕНУ им. Л.Н. Гумилева в Оше."),
        vec![pair("филиал ЕНУ им. Л.Н. Гумилева в Оше", "enu-branch-osh")]
    );
    assert_eq!(
        linked("Открылся филиал ЕНУ в Оше."),
        vec![pair("филиал ЕНУ", "enu-branch-osh"), pair("Оше", "osh")]
    );
    // Without Osh in the sentence an ENU branch is not this one.
    assert!(
        linked("Филиал Евразийского национального университета работает. В Оше тепло.")
            .iter()
            .all(|(_, id)| id != "enu-branch-osh")
    );
}

#[test]
fn names_in_lower_case_and_words_that_only_start_alike_are_not_linked() {
    assert!(linked("алматы, ошибка, дорогая").is_empty());
}
