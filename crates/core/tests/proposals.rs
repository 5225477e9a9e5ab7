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
        proposed(
            "Officials discussed the modernization of the Bishkek heat and power plant that burns Kazakh coal."
        ),
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
        pair("proposed-school-osh", "Ош мектебі")
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
        proposed(
            "The solar park near Kemin, built by a Kazakh company, will supply 90 million kWh a year."
        ),
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
        proposed(
            "В международном аэропорту Манас в Бишкеке президента Казахстана встретил Жапаров."
        ),
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

/// The basemap the widget draws, for bundles.
fn basemap() -> bilateral_core::basemap::Basemap {
    bilateral_core::basemap::Basemap::load(&root().join("corpus/basemap.json"))
        .expect("the shipped basemap loads")
}

/// A bundle of one text over the shipped gazetteer, with its `proposals` setting.
fn bundle(text: &str, setting: &str) -> bilateral_core::Bundle {
    let article = parse_text("t", Path::new("t.txt"), text).expect("the text parses");
    let mut gazetteer = gazetteer();
    gazetteer.proposals = match setting {
        "hidden" => bilateral_core::gazetteer::ShowProposals::Hidden,
        _ => bilateral_core::gazetteer::ShowProposals::Shown,
    };
    bilateral_core::Bundle::new(Corpus::link(vec![article], gazetteer), &basemap()).for_widget()
}

const SOLAR: &str = "Kazakhstan will build a solar power plant near Kemin, the ministry said.";

/// Shown (the default), a proposal is a feature of the widget's bundle of its
/// own status, approximate, at its anchor, citing the kind word to the anchor.
#[test]
fn a_shown_proposal_is_a_proposed_feature_of_the_bundle() {
    use bilateral_core::gazetteer::{Precision, Status};
    let b = bundle(SOLAR, "shown");
    let i = b
        .corpus
        .feature_index("proposed-solar-plant-kemin")
        .expect("the proposal is a feature");
    let f = &b.corpus.features[i];
    let e = b.corpus.entry(f);
    assert_eq!(e.status, Status::Proposed);
    assert_eq!(e.precision, Precision::Approximate);
    assert_eq!(e.name.en, "Kemin solar power plant");
    assert!(e.location_note.as_ref().unwrap().en.contains("Kemin"));
    assert_eq!(f.citations.len(), 1);
    let c = f.citations[0];
    assert_eq!(
        b.corpus.articles[0].slice(c.mention),
        "solar power plant near Kemin"
    );
    assert_eq!(b.corpus.quote(&c), SOLAR);
    // Kazakhstan is curated and stays so.
    let kz = b
        .corpus
        .feature("kazakhstan")
        .map(|f| b.corpus.entry(f).status);
    assert!(kz.is_none_or(|s| s == Status::Curated), "{kz:?}");
    // Drawn on the map like any point.
    assert!(matches!(
        b.map.marks[i],
        bilateral_core::map::Mark::Points(_)
    ));
}

#[test]
fn a_hidden_setting_keeps_proposals_out_of_the_widget() {
    let b = bundle(SOLAR, "hidden");
    assert!(
        b.corpus
            .features
            .iter()
            .all(|f| !b.corpus.entry(f).id.starts_with("proposed-")),
        "{:?}",
        b.corpus
            .features
            .iter()
            .map(|f| &b.corpus.entry(f).id)
            .collect::<Vec<_>>()
    );
}

/// The setting is read from the gazetteer file; a bad value names its line.
#[test]
fn the_setting_is_read_and_checked() {
    use bilateral_core::gazetteer::ShowProposals;
    let g = |text: &str| Gazetteer::parse(Path::new("g.toml"), text);
    assert_eq!(g("").unwrap().proposals, ShowProposals::Shown);
    assert_eq!(
        g("proposals = \"hidden\"\n").unwrap().proposals,
        ShowProposals::Hidden
    );
    let e = g("\nproposals = \"maybe\"\n").unwrap_err().to_string();
    assert!(e.starts_with("g.toml:2: "), "{e}");
    assert!(e.contains("maybe"), "{e}");
}

#[test]
fn a_curated_id_may_not_look_like_a_proposal() {
    let e = Gazetteer::parse(
        Path::new("g.toml"),
        "[[entry]]\nid = \"proposed-bridge-osh\"\nkind = \"project\"\ncategory = \"transport\"\n\
         name = { ru = \"Мост\", kk = \"Көпір\", en = \"Bridge\" }\nunlocated = true\nprovenance = \"-\"\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("g.toml:1: entry `proposed-bridge-osh`: ids starting `proposed-`"),
        "{e}"
    );
}

/// A thing the text puts in a region is proposed at the region's area, in
/// each language; the region itself is never a feature.
#[test]
fn a_thing_in_a_region_is_proposed_at_the_region() {
    assert_eq!(
        proposed(
            "A 16-km long highway linking Zhambyl region with the border of Kyrgyzstan is expected to be built."
        ),
        pair("proposed-road-zhambyl-region", "Zhambyl Region road")
    );
    assert_eq!(
        proposed(
            "Казахстанская компания построит солнечную электростанцию в Чуйской области Кыргызстана."
        ),
        pair(
            "proposed-solar-plant-chuy-region",
            "Солнечная электростанция (Чуйская область)"
        )
    );
    assert_eq!(
        proposed(
            "Қазақстандық инвесторлар Қырғызстанның Ыстықкөл облысында күн электр станциясын салады."
        ),
        pair(
            "proposed-solar-plant-issyk-kul-region",
            "Ыстықкөл облысы күн электр станциясы"
        )
    );
}

#[test]
fn a_region_is_never_a_feature_of_its_own() {
    let text = "Делегации Казахстана и Кыргызстана встретились в Алматинской области. \
                Стороны обсудили торговлю.";
    let article = parse_text("t", Path::new("t.txt"), text).expect("the text parses");
    let corpus = Corpus::link(vec![article], gazetteer());
    let cited: Vec<&str> = corpus
        .features
        .iter()
        .map(|f| corpus.entry(f).id.as_str())
        .collect();
    assert!(!cited.contains(&"almaty-region"), "{cited:?}");
    assert!(
        corpus
            .gazetteer
            .entries
            .iter()
            .any(|e| e.id == "almaty-region" && e.is_area())
    );
}

/// Each area's point is what its provenance says: the mean position of the
/// places layer's places in its GeoNames admin1 code, recomputed here from
/// `corpus/places.tsv`.
#[test]
fn an_areas_point_is_the_mean_of_its_places() {
    let tsv = std::fs::read_to_string(root().join("corpus/places.tsv")).expect("places.tsv reads");
    let places = bilateral_core::places::parse(&tsv).expect("places.tsv parses");
    let areas: Vec<_> = gazetteer()
        .entries
        .into_iter()
        .filter(|e| e.is_area())
        .collect();
    assert_eq!(areas.len(), 24, "7 regions of Kyrgyzstan, 17 of Kazakhstan");
    for area in areas {
        let code = area
            .provenance
            .split("admin1 ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .unwrap_or_else(|| panic!("{}: no admin1 code in its provenance", area.id));
        let (country, admin1) = code.split_once('.').expect("CC.NN");
        let mine: Vec<_> = places
            .iter()
            .filter(|p| p.info.country() == country && p.admin1 == admin1)
            .collect();
        assert!(!mine.is_empty(), "{}: no places in {code}", area.id);
        let n = mine.len() as f64;
        let lat = mine.iter().map(|p| p.point.lat).sum::<f64>() / n;
        let lon = mine.iter().map(|p| p.point.lon).sum::<f64>() / n;
        let Some(bilateral_core::geo::coords::Geometry::Point(at)) = area.geometry else {
            panic!("{}: an area has a point", area.id);
        };
        assert!(
            (at.lat - lat).abs() < 1e-4 && (at.lon - lon).abs() < 1e-4,
            "{}: {at:?} is not the mean ({lat}, {lon}) of its {} places",
            area.id,
            mine.len()
        );
        assert_eq!(area.country.as_deref(), Some(country), "{}", area.id);
        assert!(
            area.provenance
                .contains(&format!("the {} places", mine.len())),
            "{}",
            area.id
        );
    }
}

/// An editor's accept (issue 19): the proposal becomes a curated entry,
/// appended to the gazetteer; the gazetteer validates it, the engine then
/// cites it where the proposal was read, and proposes it no more.
#[test]
fn an_accepted_proposal_is_a_curated_entry_found_again() {
    let text = "Kazakhstan will build a solar power plant near Kemin, the ministry of Kyrgyzstan said.\n\n\
                The Kordai checkpoint was busy.";
    let article = || parse_text("t", Path::new("t.txt"), text).expect("the text parses");
    let corpus = Corpus::link(vec![article()], gazetteer());
    let proposals = propose(&corpus, &Matcher::new(&corpus.gazetteer));
    assert_eq!(proposals.len(), 1);
    let block = proposals[0].accepted_entry(&corpus.gazetteer, "2026-12-03");
    assert!(
        block.contains(
            "\nid = \"solar-plant-kemin\"\nkind = \"project\"\ncategory = \"energy-water\"\n"
        ),
        "{block}"
    );
    assert!(
        block.contains(
            "\nrules = [{ cue = \"kind-solar-plant\", with = [\"kemin\"], window = 1 }]\n"
        ),
        "{block}"
    );
    assert!(block.contains("provenance = \"Accepted on 2026-12-03 from the engine's proposal proposed-solar-plant-kemin: placed at Kemin"), "{block}");

    let dir = std::env::temp_dir().join(format!("bm-accepted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shipped = std::fs::read_to_string(root().join("corpus/gazetteer.toml")).unwrap();
    std::fs::write(dir.join("gazetteer.toml"), format!("{shipped}{block}")).unwrap();
    std::fs::copy(root().join("corpus/places.tsv"), dir.join("places.tsv")).unwrap();
    let grown = Gazetteer::load(&dir.join("gazetteer.toml")).expect("the accepted entry is valid");
    std::fs::remove_dir_all(&dir).unwrap();
    let entry = grown
        .get("solar-plant-kemin")
        .expect("the entry is in the gazetteer");
    assert_eq!(entry.name.en, "Kemin solar power plant");
    assert_eq!(entry.status, bilateral_core::gazetteer::Status::Curated);

    let corpus = Corpus::link(vec![article()], grown);
    let feature = corpus
        .feature("solar-plant-kemin")
        .expect("the curated entry is cited");
    assert_eq!(
        corpus.quote(&feature.citations[0]),
        "Kazakhstan will build a solar power plant near Kemin, the ministry of Kyrgyzstan said."
    );
    assert!(propose(&corpus, &Matcher::new(&corpus.gazetteer)).is_empty());
}
