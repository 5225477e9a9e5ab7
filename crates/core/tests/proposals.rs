//! Proposals (issue 18): what the shipped gazetteer's kinds propose, on the
//! seed corpus and on sentences of our own shaped like the beat's reports.

use std::path::Path;

use bilateral_core::Corpus;
use bilateral_core::article::parse_text;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::mention::Matcher;
use bilateral_core::proposals::propose;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn gazetteer() -> Gazetteer {
    Gazetteer::load(&root().join("corpus/gazetteer.toml")).expect("the shipped gazetteer is valid")
}

/// (id, name in the article's language) of each proposal of one text.
fn proposed(text: &str) -> Vec<(String, String)> {
    let article = parse_text("t", Path::new("t.txt"), text).expect("the text parses");
    let lang = article.lang;
    let corpus = Corpus::link(vec![article], gazetteer());
    propose(&corpus, &Matcher::new(&corpus.gazetteer))
        .into_iter()
        .map(|p| (p.id, p.name.get(lang).to_string()))
        .collect()
}

fn pair(id: &str, name: &str) -> Vec<(String, String)> {
    vec![(id.to_string(), name.to_string())]
}

/// The five seed articles propose nothing: everything they name is in the
/// gazetteer, and «мост … дружбы» (the Golden Bridge monument's words) is no
/// bridge at the village of Druzhba (a lower-case common word).
#[test]
fn the_seed_corpus_proposes_nothing() {
    let corpus = Corpus::load(
        &root().join("corpus/articles"),
        &root().join("corpus/gazetteer.toml"),
    )
    .expect("the seed corpus loads");
    let matcher = Matcher::new(&corpus.gazetteer);
    let ids: Vec<String> = propose(&corpus, &matcher)
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(ids, Vec::<String>::new());
}

#[test]
fn a_city_heat_and_power_plant() {
    assert_eq!(
        proposed("Officials discussed the modernization of the Bishkek heat and power plant."),
        pair("proposed-chp-bishkek", "Bishkek heat and power plant")
    );
    assert_eq!(
        proposed("Кыргызстан откажется от казахстанского угля после модернизации ТЭЦ Бишкека."),
        pair("proposed-chp-bishkek", "ТЭЦ (Бишкек)")
    );
}

#[test]
fn a_school_built_with_kazakh_money() {
    assert_eq!(
        proposed("Қазақстан қаржысына Ошта жаңа мектеп салынды."),
        pair("proposed-school-osh", "Ош мектеп")
    );
}

#[test]
fn a_monument_in_a_capital() {
    assert_eq!(
        proposed("В Бишкеке открыли памятник Абаю Кунанбайулы."),
        pair("proposed-monument-bishkek", "Памятник (Бишкек)")
    );
}

#[test]
fn a_solar_park_is_one_solar_plant_not_a_park() {
    assert_eq!(
        proposed("The solar park near Kemin will supply 90 million kWh a year."),
        pair("proposed-solar-plant-kemin", "Kemin solar power plant")
    );
}

#[test]
fn a_known_project_is_not_proposed_again() {
    // The Kapshagay HPP is curated: its sentence proposes no new HPP.
    assert_eq!(
        proposed("Капшагайская ГЭС у Конаева увеличила выработку."),
        Vec::new()
    );
}

#[test]
fn a_place_construction_wins_over_a_bare_name() {
    // «Манас» is the airport's name (and a village of the places layer);
    // «в Бишкеке» says where it is.
    assert_eq!(
        proposed("В международном аэропорту Манас в Бишкеке его встретил президент."),
        pair("proposed-airport-bishkek", "Аэропорт (Бишкек)")
    );
}

#[test]
fn a_resort_town_is_the_town() {
    assert_eq!(
        proposed(
            "The journey to Cholpon-Ata, the largest resort town on the lake, took eight hours."
        ),
        Vec::new()
    );
}

#[test]
fn a_monument_honours_whom_it_names_outside_a_place_construction() {
    assert_eq!(
        proposed("Открыли памятник и музей, посвященные Абаю Кунанбайулы."),
        Vec::new()
    );
}
