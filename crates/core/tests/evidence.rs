//! The evidence engine on sentences of our own, in Russian, Kazakh and English,
//! one module per kind of miss or wrong link that issue 9 lists (sentence cuts,
//! the fifth kind, are tested in `src/sentence.rs`). Each test runs the shipped
//! gazetteer and places layer, as the widget's build does.

use std::path::Path;

use bilateral_core::article::parse_text;
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::mention::{Matcher, Role};

fn gazetteer() -> Gazetteer {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gazetteer.toml");
    Gazetteer::load(&path).expect("the shipped gazetteer is valid")
}

/// The ids found in `text` (paragraphs separated by blank lines), with roles.
fn found(text: &str) -> Vec<(String, Role)> {
    let g = gazetteer();
    let article = parse_text("t", Path::new("t.txt"), text).expect("the text parses");
    Matcher::new(&g)
        .find(&article)
        .into_iter()
        .map(|m| (g.entries[m.entry].id.clone(), m.role))
        .collect()
}

/// The ids found in `text` whose citation links it (not a town in passing).
fn linked(text: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|(_, role)| *role != Role::Mentioned)
        .map(|(id, _)| id)
        .collect()
}

fn has(text: &str, id: &str) -> bool {
    linked(text).iter().any(|i| i == id)
}

mod not_in_the_curated_gazetteer {
    use super::*;

    #[test]
    fn towns_of_the_places_layer_as_venues() {
        assert_eq!(
            linked("В Караколе прошла встреча туроператоров."),
            ["karakol"]
        );
        assert_eq!(linked("Тараз қаласында комиссия отырысы өтті."), ["taraz"]);
        assert_eq!(
            linked("The talks were held in Tokmok on Monday."),
            ["tokmok"]
        );
    }

    #[test]
    fn a_town_in_passing_earns_no_symbol() {
        assert_eq!(
            linked("Дорога пройдет через Кемин и Балыкчы."),
            Vec::<String>::new()
        );
        assert_eq!(
            linked("Жүк Қордай арқылы Таразға жетеді."),
            ["kordai-ak-zhol"]
        );
        assert_eq!(linked("Freight goes on to Karakol."), Vec::<String>::new());
    }

    #[test]
    fn new_curated_entries() {
        assert!(has(
            "Строительство Камбаратинской ГЭС-1 начнется летом.",
            "kambarata-1"
        ));
        assert!(has("Қамбар-Ата-1 СЭС құрылысы басталды.", "kambarata-1"));
        assert!(has(
            "Kambarata HPP-1 will be the largest plant.",
            "kambarata-1"
        ));
        assert!(has(
            "Пункт пропуска Кичи-Капка станет международным.",
            "kichi-kapka"
        ));
        assert!(has("Бесағаш өткізу бекеті қайта салынуда.", "besagash"));
        assert!(has("The Besagash checkpoint is being rebuilt.", "besagash"));
    }

    #[test]
    fn a_common_word_needs_a_settlement_word() {
        assert_eq!(
            linked("Философ Кант писал о вечном мире."),
            Vec::<String>::new()
        );
        assert_eq!(linked("В городе Кант открылся новый завод."), ["kant"]);
    }

    #[test]
    fn one_name_in_several_oblasts_goes_to_the_most_populous() {
        // Three towns called Аксу in Kazakhstan; GeoNames 1524298 (44,808) is the largest.
        assert_eq!(linked("В Аксу прошла встреча аграриев."), ["aksu"]);
    }

    #[test]
    fn the_kirov_reservoir_needs_its_valley() {
        assert!(has(
            "Кировское водохранилище наполнено. Вода идет в Таласскую долину Кыргызстана.",
            "kirov-reservoir"
        ));
        assert!(!has(
            "The Kirov reservoir in West Kazakhstan is being rebuilt.",
            "kirov-reservoir"
        ));
        assert!(!has(
            "Киров су қоймасы Батыс Қазақстанда жөнделуде.",
            "kirov-reservoir"
        ));
    }
}

mod named_in_other_words {
    use super::*;

    #[test]
    fn the_road_by_its_type_and_anchors() {
        assert!(has(
            "Началось проектирование новой трассы из Алматы на Иссык-Куль.",
            "almaty-issyk-kul-road"
        ));
        assert!(has(
            "Алматы мен Шолпан-Атаны байланыстыратын жаңа автожол салынады.",
            "almaty-issyk-kul-road"
        ));
        assert!(has(
            "The new highway between Almaty and Lake Issyk-Kul will open in May.",
            "almaty-issyk-kul-road"
        ));
    }

    #[test]
    fn hiking_routes_are_not_the_road() {
        for text in [
            "Возобновляются туристические маршруты из Алматы на Иссык-Куль через перевалы.",
            "Алматыдан Ыстықкөлге жаяу туристік бағыттар ашылады.",
            "Tourist routes from Almaty to Lake Issyk-Kul are hiking trails.",
        ] {
            assert!(!has(text, "almaty-issyk-kul-road"), "{text}");
            assert!(has(text, "issyk-kul-hiking-crossings"), "{text}");
        }
    }

    #[test]
    fn two_branches_in_one_clause() {
        let text = "ЕНУ и КазНУ подписали меморандум. Оба вуза открыли филиалы в Оше и Бишкеке.";
        assert!(has(text, "enu-branch-osh"));
        assert!(has(text, "kaznu-branch-bishkek"));
        let kk = "Еуразия ұлттық университеті мен әл-Фараби атындағы университет келісімге келді. \
                  Екі университет Ошта және Бішкекте филиал ашты.";
        assert!(has(kk, "enu-branch-osh"));
        assert!(has(kk, "kaznu-branch-bishkek"));
    }

    #[test]
    fn a_branch_elsewhere_is_not_these() {
        assert!(!has(
            "Филиал КазНУ открылся в Омске.",
            "kaznu-branch-bishkek"
        ));
        assert!(!has("ЕНУ открыл филиал в Анкаре.", "enu-branch-osh"));
        assert!(!has(
            "The ENU branch in Astana hosts a forum.",
            "enu-branch-osh"
        ));
    }

    #[test]
    fn buses_and_flights_between_named_towns() {
        assert!(has(
            "Запускается автобус Каракол – Алматы через Кеген.",
            "karakol-almaty-bus"
        ));
        assert!(has(
            "Алматы мен Бішкек арасында электробус жүреді.",
            "almaty-bishkek-electric-bus"
        ));
        assert!(has(
            "A direct flight links Almaty and Tamchy.",
            "almaty-tamchy-flight"
        ));
        assert!(!has(
            "Автобус Каракол – Бишкек отменён.",
            "karakol-almaty-bus"
        ));
    }
}

mod context_in_the_next_sentence {
    use super::*;

    #[test]
    fn the_branch_and_its_town_one_sentence_apart() {
        for text in [
            "The Gumilyov university has opened a branch in southern Kyrgyzstan. \
             Classes are held at Osh State University.",
            "ЕНУ имени Гумилева открыл филиал на юге Кыргызстана. \
             Занятия проходят в Ошском государственном университете.",
            "Гумилев атындағы университет Қырғызстанның оңтүстігінде филиал ашты. \
             Сабақтар Ош мемлекеттік университетінде өтеді.",
        ] {
            assert!(has(text, "enu-branch-osh"), "{text}");
        }
    }

    #[test]
    fn a_windowed_citation_cites_both_sentences() {
        let g = gazetteer();
        let text = "The Gumilyov university has opened a branch. It teaches in Osh.";
        let article = parse_text("t", Path::new("t.txt"), text).unwrap();
        let m = Matcher::new(&g)
            .find(&article)
            .into_iter()
            .find(|m| g.entries[m.entry].id == "enu-branch-osh")
            .expect("the branch is found");
        assert_eq!((m.first, m.last), (0, 1));
        assert_eq!(
            m.span.of(&article.text),
            "Gumilyov university has opened a branch"
        );
    }

    #[test]
    fn not_across_paragraphs_nor_beyond_the_window() {
        assert!(!has(
            "The Gumilyov university has opened a branch.\n\nOsh is the southern capital.",
            "enu-branch-osh"
        ));
        assert!(!has(
            "The Gumilyov university has opened a branch. Students came. Teachers came. \
             Osh welcomed them.",
            "enu-branch-osh"
        ));
        assert!(!has(
            "ЕНУ имени Гумилева открыл филиал.\n\nОш — южная столица Кыргызстана.",
            "enu-branch-osh"
        ));
        assert!(!has(
            "Гумилев атындағы университет филиал ашты.\n\nОш — Қырғызстанның оңтүстік астанасы.",
            "enu-branch-osh"
        ));
    }
}

mod words_that_are_not_the_place {
    use super::*;

    #[test]
    fn outlets_and_domains() {
        assert!(found("Об этом сообщает Astana-news.kz со ссылкой на МИД.").is_empty());
        assert!(found("Бұл туралы Tengrinews.kz тілшісі хабарлайды.").is_empty());
        assert!(found("The Almaty Herald reports on trade.").is_empty());
        assert!(found("Жамбыл жаңалықтары бөлімі.").is_empty());
    }

    #[test]
    fn datelines() {
        assert!(!has(
            "АСТАНА. KAZINFORM – Министры встретились и подписали протокол.",
            "astana"
        ));
        assert!(!has(
            "BISHKEK (TCA) — The ministers met and signed a protocol.",
            "bishkek"
        ));
        assert!(!has(
            "НҰР-СҰЛТАН, 27 ақпан – Sputnik. Министрлер кездесті.",
            "astana"
        ));
        assert!(has(
            "Министры встретились в Астане и подписали протокол.",
            "astana"
        ));
    }

    #[test]
    fn a_town_in_passing_is_no_venue() {
        assert_eq!(
            found("Freight now bypasses Bishkek."),
            [("bishkek".to_string(), Role::Mentioned)]
        );
        assert_eq!(
            found("Премьер обсудил итоги с коллегой из Астаны."),
            [("astana".to_string(), Role::Mentioned)]
        );
        assert_eq!(
            found("Алматыда екі елдің министрлері кездесті."),
            [("almaty".to_string(), Role::Venue)]
        );
        assert_eq!(
            found("The talks were held in Astana."),
            [("astana".to_string(), Role::Venue)]
        );
    }

    #[test]
    fn the_economic_union_is_not_the_university() {
        for text in [
            "Kyrgyzstan joined the Eurasian Economic Union and opened a branch office in Osh.",
            "Кыргызстан вступил в Евразийский экономический союз; филиал банка открыт в Оше.",
            "Қырғызстан Еуразиялық экономикалық одаққа кірді; Ошта банк филиалы ашылды.",
        ] {
            assert!(!has(text, "enu-branch-osh"), "{text}");
        }
    }

    #[test]
    fn a_border_word_is_no_checkpoint() {
        for text in [
            "The Chu is a border river between the two countries.",
            "Чу — пограничная река между двумя странами.",
            "Шу — екі ел арасындағы шекаралық өзен.",
        ] {
            assert!(linked(text).is_empty(), "{text}");
        }
        for text in [
            "The state border treaty was ratified in 2017.",
            "Договор о государственной границе ратифицирован.",
            "Мемлекеттік шекара туралы шарт бекітілді.",
        ] {
            assert_eq!(linked(text), ["state-border-demarcation"], "{text}");
        }
    }

    #[test]
    fn a_region_or_a_river_of_the_same_name() {
        assert!(linked("Жамбыл облысы әкімінің орынбасары сөз сөйледі.").is_empty());
        assert!(linked("Вода из реки Талас идет на поля.").is_empty());
        assert!(linked("Manas district of Talas region receives water.").is_empty());
        assert!(!has("Қордай ауданында жиын өтті.", "kordai-ak-zhol"));
        assert!(!has(
            "Kordai district farmers met officials.",
            "kordai-ak-zhol"
        ));
    }
}

mod ambiguity {
    use super::*;

    /// A gazetteer with two towns of one name, one in each country, and the
    /// country terms: the sentence's country decides, else population.
    fn twin_towns() -> Gazetteer {
        let toml = r#"
places = "places.tsv"
[term.kazakhstan]
ru = ["Казахстан", "казахстанск*"]
[term.kyrgyzstan]
ru = ["Кыргызстан", "кыргызск*"]
[term.event]
ru = ["встреч*"]
"#;
        let places = "1\tKZ\t01\t9000\t43.0\t77.0\t0\tAksu\tАксу\tАқсу\t\t\n\
                      2\tKG\t02\t5000\t42.0\t75.0\t0\tAksuu\tАксу\tАксу\t\t\n";
        Gazetteer::parse_with(Path::new("g.toml"), toml, |_| {
            Ok((Path::new("places.tsv").to_path_buf(), places.to_string()))
        })
        .expect("the test gazetteer is valid")
    }

    fn venue(g: &Gazetteer, text: &str) -> Vec<String> {
        let article = parse_text("t", Path::new("t.txt"), text).unwrap();
        Matcher::new(g)
            .find(&article)
            .into_iter()
            .map(|m| g.entries[m.entry].id.clone())
            .collect()
    }

    #[test]
    fn the_sentence_names_the_country() {
        let g = twin_towns();
        assert_eq!(
            venue(&g, "В Аксу прошла встреча фермеров Кыргызстана."),
            ["aksuu"]
        );
        assert_eq!(
            venue(&g, "В Аксу прошла встреча фермеров Казахстана."),
            ["aksu"]
        );
        // No country: the larger town.
        assert_eq!(venue(&g, "В Аксу прошла встреча фермеров."), ["aksu"]);
    }
}

mod odd_input {
    use super::*;

    #[test]
    fn a_paragraph_without_words_before_a_dateline() {
        // The empty paragraph must not take the next one's dateline as its own.
        assert!(!has("***\n\nBISHKEK, May 5. The ministers met.", "bishkek"));
        assert!(found("—\n\nАстана").len() <= 1);
    }
}

/// A place for everything cited (issue 18): every curated entry of the
/// shipped gazetteer is drawn (sourced, approximate at a sourced point, or
/// derived on the border), but four crossings that no source places, nor a
/// town of their district: adding an unlocated entry must be a choice.
#[test]
fn only_four_crossings_have_no_place_on_the_map() {
    use bilateral_core::gazetteer::{Origin, Precision};
    let g = gazetteer();
    let unlocated: Vec<&str> = g
        .entries
        .iter()
        .filter(|e| e.origin == Origin::Curated && e.precision == Precision::Unlocated)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        unlocated,
        [
            "aukhatty-ken-bulun",
            "tomonku-chui",
            "kichi-kapka",
            "besagash"
        ]
    );
}

/// Toru-Aygyr, a village outside GeoNames cities500, anchors what the text
/// says is there.
#[test]
fn a_sourced_village_anchors_a_proposal() {
    let article = parse_text(
        "t",
        Path::new("t.txt"),
        "Kazakhstan will finance a solar power plant in Toru-Aigyr, the ministry said.",
    )
    .unwrap();
    let corpus = bilateral_core::Corpus::link(vec![article], gazetteer());
    let ids: Vec<String> =
        bilateral_core::proposals::propose(&corpus, &Matcher::new(&corpus.gazetteer))
            .into_iter()
            .map(|p| p.id)
            .collect();
    assert_eq!(ids, ["proposed-solar-plant-toru-aygyr"]);
}

/// Kyrgyz names (issue 18 point 5): a curated `name.ky` and the places
/// layer's `ky` column are matched like aliases.
#[test]
fn kyrgyz_names_are_matched() {
    let g = gazetteer();
    let toru = g.get("toru-aygyr").unwrap();
    assert_eq!(toru.name_ky.as_deref(), Some("Торуайгыр"));
    let tokmok = g
        .entries
        .iter()
        .find(|e| e.name.en == "Tokmok")
        .expect("Tokmok is in the places layer");
    assert_eq!(tokmok.name_ky.as_deref(), Some("Токмок"));
    let ids: Vec<String> = found("Торуайгыр айылында күн электр станциясы курулат.")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert!(ids.contains(&"toru-aygyr".to_string()), "{ids:?}");
}

#[test]
fn an_empty_kyrgyz_name_is_refused() {
    let e = Gazetteer::parse(
        Path::new("g.toml"),
        "[[entry]]\nid = \"x\"\nkind = \"place\"\ncategory = \"city\"\n\
         name = { ru = \"Х\", kk = \"Х\", en = \"X\", ky = \" \" }\npoint = { lat = 42.0, lon = 74.0 }\nprovenance = \"-\"\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("g.toml:1: entry `x`: the ky name is empty"),
        "{e}"
    );
}

/// Known entries in new wording (issue 18 point 3): two names under one
/// head noun are two mentions, in ru, kk and en.
mod coordinated {
    use super::*;

    #[test]
    fn two_reservoirs_under_one_head_noun() {
        for text in [
            "Кыргызстан и Казахстан обсудили режим работы Кировского и Орто-Токойского водохранилищ.",
            "Қырғызстан Киров және Орто-Тоқой су қоймаларының жұмыс режимін талқылады.",
            "Kyrgyzstan and Kazakhstan discussed the Kirov and Orto-Tokoy reservoirs.",
        ] {
            let ids = linked(text);
            assert!(
                ids.contains(&"kirov-reservoir".to_string()),
                "{text}: {ids:?}"
            );
            assert!(
                ids.contains(&"orto-tokoy-reservoir".to_string()),
                "{text}: {ids:?}"
            );
        }
    }

    #[test]
    fn a_list_of_three_under_one_head_noun() {
        let text = "Кыргызстан и Казахстан обсудили режим работы по Кировскому, Орто-Токойскому и Токтогульскому водохранилищам.";
        let ids = linked(text);
        for id in [
            "kirov-reservoir",
            "orto-tokoy-reservoir",
            "toktogul-reservoir",
        ] {
            assert!(ids.contains(&id.to_string()), "{id}: {ids:?}");
        }
        let text = "Kyrgyzstan discussed the Kirov, Orto-Tokoy and Toktogul reservoirs.";
        let ids = linked(text);
        for id in ["kirov-reservoir", "orto-tokoy-reservoir"] {
            assert!(ids.contains(&id.to_string()), "{id}: {ids:?}");
        }
    }

    #[test]
    fn an_english_singular_head_is_one_name() {
        let ids = linked("Kyrgyzstan: Kirov and Orto-Tokoy reservoir.");
        assert!(!ids.contains(&"kirov-reservoir".to_string()), "{ids:?}");
        assert!(ids.contains(&"orto-tokoy-reservoir".to_string()), "{ids:?}");
        let ids = linked("Kyrgyzstan: Kirov and Orto-Tokoy reservoirs.");
        assert!(ids.contains(&"kirov-reservoir".to_string()), "{ids:?}");
    }
}

/// An institution's branch named without its city, the article naming the
/// city elsewhere (issue 18 point 3), in ru, kk and en.
mod branch_without_its_city {
    use super::*;

    #[test]
    fn the_city_named_elsewhere_in_the_article_places_the_branch() {
        for text in [
            "Президенты посетили Ош.\n\nОни обсудили торговлю.\n\nФилиал ЕНУ примет первых студентов в сентябре.",
            "Президенттер Ошқа барды.\n\nОлар сауданы талқылады.\n\nЕҰУ филиалы қыркүйекте алғашқы студенттерді қабылдайды.",
            "The presidents visited Osh.\n\nThey discussed trade.\n\nThe ENU branch will admit its first students in September.",
        ] {
            assert!(has(text, "enu-branch-osh"), "{text}");
        }
    }

    #[test]
    fn another_town_in_the_branch_s_sentence_is_where_it_is() {
        let text = "Президенты посетили Ош.\n\nЕНУ откроет филиал в Таразе.";
        assert!(!has(text, "enu-branch-osh"), "{text}");
    }

    /// The city must come first: a later «Osh is the southern capital» does
    /// not say where an earlier branch is.
    #[test]
    fn a_city_named_only_after_the_branch_does_not_place_it() {
        let text =
            "Филиал ЕНУ примет первых студентов.\n\nОни обсудили торговлю.\n\nОш — южная столица.";
        assert!(!has(text, "enu-branch-osh"), "{text}");
    }

    #[test]
    fn without_the_city_anywhere_there_is_no_branch() {
        assert!(!has(
            "Филиал ЕНУ примет первых студентов в сентябре.",
            "enu-branch-osh"
        ));
    }
}

/// A district centre GeoNames lists with population 0 (which the places
/// layer leaves out) is curated, so it anchors what the text says is there.
#[test]
fn sokuluk_anchors_a_gas_station() {
    let ids: Vec<String> =
        found("Газопровод доходит до станции в Сокулуке, сообщили в Кыргызстане.")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
    assert!(ids.contains(&"sokuluk".to_string()), "{ids:?}");
}

/// Issue 18's other wordings of known entries: a route named from its other
/// end, and two rivers whose water is shared (the commission that shares it).
mod other_wordings {
    use super::*;

    #[test]
    fn a_route_named_from_its_other_end() {
        assert!(has(
            "Строительство дороги Иссык-Куль – Алматы обсудили министры.",
            "almaty-issyk-kul-road"
        ));
        assert!(has(
            "The Issyk-Kul – Almaty road will be built by 2027.",
            "almaty-issyk-kul-road"
        ));
        assert!(has(
            "Ыстықкөл – Алматы автожолының құрылысы талқыланды.",
            "almaty-issyk-kul-road"
        ));
    }

    #[test]
    fn the_water_of_two_rivers_shared() {
        for text in [
            "Казахстан и Кыргызстан обсудили использование трансграничных рек Чу и Талас.",
            "Қазақстан мен Қырғызстан Шу және Талас өзендерінің суын бөлу мәселесін талқылады.",
            "Kazakhstan and Kyrgyzstan discussed sharing the waters of the Chu and Talas rivers.",
        ] {
            assert!(has(text, "chu-talas-water-commission"), "{text}");
        }
        assert!(!has(
            "Река Талас течёт в Казахстан.",
            "chu-talas-water-commission"
        ));
        assert!(
            !has(
                "Обсудили использование трансграничных рек Сырдарья и Нарын.",
                "chu-talas-water-commission"
            ),
            "other rivers"
        );
    }
}
