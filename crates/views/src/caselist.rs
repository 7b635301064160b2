//! The dossier list (voortgang): one row per case with its step, gates, profile state and the
//! resident's name for the coordinator's own screen, and the list's search.

use std::fmt;
use woonkans_core::date::Date;
use woonkans_core::dossier::{Dossier, PersonName};
use woonkans_core::register::{Gate, Step};
use woonkans_core::sharing::sharing_state;
use woonkans_core::timeline::Waiting;
use woonkans_core::workspace::{Case, Workspace};

/// One gate of a case: recorded or not, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GateMark {
    pub gate: Gate,
    pub recorded: Option<Date>,
}

/// One row of the dossier list.
#[derive(Clone, PartialEq, Eq)]
pub struct CaseProgress {
    pub id: String,
    /// The resident's name as typed ("" while not filled in). Shown on the coordinator's own
    /// screen only; never in URLs, titles or file names.
    pub name: String,
    /// What the list shows for the case: the name, or for a coordinator's case from an
    /// overdracht its dossier number and gemeente (see [`case_label`]).
    pub label: String,
    pub step: Step,
    pub gates: [GateMark; 4],
    pub profile_complete: bool,
    /// The profile changed after it went to an association ("gewijzigd na delen").
    pub changed_after_sharing: bool,
    pub accepted: bool,
    pub archived: bool,
    /// What the case waits for on the list's date, under the vault's norms.
    pub waiting: Option<Waiting>,
    /// Since when the resident waits for a home (`timeline::waiting_since`), in a vault that
    /// tracks waiting, for an open case.
    pub waiting_since: Option<Date>,
    /// "Wacht sinds … : 21 maanden." for `waiting_since`.
    pub waiting_since_text: Option<String>,
}

impl fmt::Debug for CaseProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaseProgress")
            .field("id", &self.id)
            .field("name", &"…")
            .field("label", &"…")
            .field("step", &self.step)
            .field("gates", &self.gates)
            .field("profile_complete", &self.profile_complete)
            .field("changed_after_sharing", &self.changed_after_sharing)
            .field("accepted", &self.accepted)
            .field("archived", &self.archived)
            .field("waiting", &self.waiting)
            .finish()
    }
}

/// "Anna Maria van der Berg": the name parts joined with single spaces ("" when empty).
pub fn display_name(name: &PersonName) -> String {
    [
        name.first_names.as_str(),
        name.tussenvoegsel.as_str(),
        name.surname.as_str(),
    ]
    .iter()
    .flat_map(|part| part.split_whitespace())
    .collect::<Vec<_>>()
    .join(" ")
}

/// The name, or a neutral placeholder while it is not filled in.
pub fn label(dossier: &Dossier) -> String {
    let name = display_name(&dossier.name);
    if name.is_empty() {
        "naam nog niet ingevuld".to_string()
    } else {
        name
    }
}

/// How a case is named on screen: the resident's name; for a coordinator's case from an
/// overdracht, which never holds a name, its dossier number and gemeente; otherwise the neutral
/// placeholder of [`label`].
pub fn case_label(case: &Case) -> String {
    let d = &case.dossier;
    match &case.overdracht {
        Some(o) if display_name(&d.name).is_empty() => {
            if d.gemeente.trim().is_empty() {
                format!("Dossiernummer {}", o.reference())
            } else {
                format!(
                    "Dossiernummer {}, gemeente {}",
                    o.reference(),
                    d.gemeente.trim()
                )
            }
        }
        _ => label(d),
    }
}

/// True when every word of `query` occurs in the dossier id or the name, ignoring case and
/// diacritics ("berg anna" finds "Anna Maria van der Berg"; "ö" finds "o").
pub fn matches_query(dossier: &Dossier, query: &str) -> bool {
    id_or_name_matches(&dossier.id, &display_name(&dossier.name), query)
}

fn case_matches(case: &Case, query: &str) -> bool {
    id_or_name_matches(&case.dossier.id, &case_label(case), query)
}

fn id_or_name_matches(id: &str, name: &str, query: &str) -> bool {
    let haystack = woonkans_core::text::fold(&format!("{id} {name}"));
    woonkans_core::text::fold(query)
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

impl CaseProgress {
    /// The same search as `matches_query`, on a row already made (the list keeps its rows
    /// between keystrokes: making them checks every profile).
    pub fn matches(&self, query: &str) -> bool {
        id_or_name_matches(&self.id, &self.label, query)
    }
}

pub fn case_progress(ws: &Workspace, case: &Case, today: Date) -> CaseProgress {
    let d = &case.dossier;
    CaseProgress {
        id: d.id.clone(),
        name: display_name(&d.name),
        label: case_label(case),
        step: d.step,
        gates: Gate::ALL.map(|gate| GateMark {
            gate,
            recorded: d.gate_record(gate).map(|r| r.date),
        }),
        profile_complete: ws.profile(&d.id, today).is_ok(),
        changed_after_sharing: sharing_state(ws, &d.id, today)
            .is_ok_and(|s| s.changed_after_sharing()),
        accepted: case.accepted.is_some(),
        archived: d.archived,
        waiting: ws.waiting(&d.id, today),
        waiting_since: waiting_since(ws, case),
        waiting_since_text: waiting_since(ws, case)
            .and_then(|_| crate::timeline::waiting_since_sentence(case, today)),
    }
}

fn waiting_since(ws: &Workspace, case: &Case) -> Option<Date> {
    let open = !case.dossier.archived && case.outcome.is_none();
    (open && woonkans_core::timeline::tracks_waiting(ws.role()))
        .then(|| woonkans_core::timeline::waiting_since(case))
        .flatten()
}

/// Short names of the four gates for the list's column.
pub fn gate_short(g: Gate) -> &'static str {
    match g {
        Gate::ConsentToRegister => "Toestemming aanmelding",
        Gate::EligibilityAndSupportPlan => "Geschikt en plan getekend",
        Gate::ConsentToShareWithCoordinator => "Toestemming regisseur",
        Gate::MatchAccepted => "Match aanvaard",
    }
}

/// The order of the dossier list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// As the cases were opened.
    #[default]
    Opened,
    /// Over the norm first (most days over first), then the others by days waiting (longest
    /// first), then the cases not waiting in the order they were opened.
    Urgent,
    /// The resident waiting longest for a home first (since the instroom in beschermd wonen or
    /// the opvang, or else since the overdracht), then the cases without such a date.
    LongestWaiting,
}

/// Which cases the list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub include_archived: bool,
    pub only_over_norm: bool,
    pub order: Order,
}

/// The order's choices for the list's select: value, label.
pub const ORDER_OPTIONS: [(Order, &str, &str); 3] = [
    (Order::Opened, "geopend", "Zoals geopend"),
    (
        Order::Urgent,
        "urgent",
        "Boven de norm eerst, dan langst wachtend",
    ),
    (
        Order::LongestWaiting,
        "wachttijd",
        "Langst wachtend op een woning eerst",
    ),
];

impl Order {
    pub fn value(self) -> &'static str {
        ORDER_OPTIONS
            .iter()
            .find(|(o, _, _)| *o == self)
            .map_or("geopend", |(_, v, _)| *v)
    }

    /// The order of a select's value; an unknown value is the default.
    pub fn from_value(value: &str) -> Order {
        ORDER_OPTIONS
            .iter()
            .find(|(_, v, _)| *v == value)
            .map_or(Order::default(), |(o, _, _)| *o)
    }
}

pub const ORDER_LABEL: &str = "Volgorde";
pub const ONLY_OVER_NORM_LABEL: &str = "Alleen zaken boven de norm";
pub const WAITING_COLUMN: &str = "Wacht";
pub const NOT_WAITING: &str = "Wacht niet";
pub const NONE_OVER_NORM: &str = "Geen zaak staat boven de norm.";

/// Puts rows in `order`; stable, so equal rows keep the order they were opened in.
pub fn sort(rows: &mut [CaseProgress], order: Order) {
    if order == Order::LongestWaiting {
        // The earliest date first; cases without one after them.
        rows.sort_by_key(|r| (r.waiting_since.is_none(), r.waiting_since));
    }
    if order == Order::Urgent {
        rows.sort_by_key(|r| {
            let w = r.waiting.as_ref();
            (
                std::cmp::Reverse(w.map_or(0, Waiting::days_over)),
                std::cmp::Reverse(w.map_or(-1, |w| w.days)),
            )
        });
    }
}

/// The dossier list under `filter`, for `query`.
pub fn filtered(ws: &Workspace, today: Date, filter: Filter, query: &str) -> Vec<CaseProgress> {
    let mut rows: Vec<CaseProgress> = overview(ws, today, filter.include_archived, query)
        .into_iter()
        .filter(|r| !filter.only_over_norm || r.waiting.is_some_and(|w| w.over_norm()))
        .collect();
    sort(&mut rows, filter.order);
    rows
}

/// The dossier list: the cases matching `query`, without the archived ones unless asked, in
/// the order they were opened.
pub fn overview(
    ws: &Workspace,
    today: Date,
    include_archived: bool,
    query: &str,
) -> Vec<CaseProgress> {
    ws.cases()
        .iter()
        .filter(|c| include_archived || !c.dossier.archived)
        .filter(|c| case_matches(c, query))
        .map(|c| case_progress(ws, c, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::region::Region;
    use woonkans_core::sample::sample_offer;

    const TODAY: &str = "2026-11-28";

    fn ws() -> Workspace {
        let mut ws = Workspace::new(sample_offer());
        ws.set_region(Some(Region::NoordLimburg));
        ws
    }

    fn name(first: &str, tussenvoegsel: &str, surname: &str) -> PersonName {
        PersonName {
            first_names: first.into(),
            tussenvoegsel: tussenvoegsel.into(),
            surname: surname.into(),
            call_name: String::new(),
        }
    }

    #[test]
    fn display_name_joins_parts_and_label_is_neutral_when_empty() {
        let mut x = Dossier::new("abc123");
        assert_eq!(display_name(&x.name), "");
        assert_eq!(label(&x), "naam nog niet ingevuld");
        x.name = name("  Anna   Maria ", "van der", "Berg");
        assert_eq!(display_name(&x.name), "Anna Maria van der Berg");
        assert_eq!(label(&x), "Anna Maria van der Berg");
    }

    #[test]
    fn search_matches_id_and_every_word_of_the_name() {
        let mut x = Dossier::new("k7f3q9ab");
        x.name = name("Anna Maria", "van der", "Özdemir");
        for q in [
            "",
            "  ",
            "k7f3",
            "anna",
            "ozdemir",
            "ÖZDEMIR anna",
            "van der",
        ] {
            assert!(matches_query(&x, q), "{q}");
        }
        for q in ["jansen", "anna jansen", "k7f4"] {
            assert!(!matches_query(&x, q), "{q}");
        }
    }

    #[test]
    fn archived_cases_are_hidden_by_default() {
        let mut ws = ws();
        let today = Date::parse(TODAY).unwrap();
        ws.add_case("open1").unwrap();
        ws.add_case("arch1").unwrap();
        ws.case_mut("arch1").unwrap().dossier.archived = true;
        let ids = |rows: Vec<CaseProgress>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids(overview(&ws, today, false, "")), ["open1"]);
        assert_eq!(ids(overview(&ws, today, true, "")), ["open1", "arch1"]);
        assert_eq!(ids(overview(&ws, today, true, "arch")), ["arch1"]);
        let rows = overview(&ws, today, true, "");
        assert!(rows[1].matches("ARCH1") && !rows[0].matches("arch"));
        assert!(rows[1].archived && !rows[0].archived);
    }

    #[test]
    fn a_row_shows_gates_and_profile_state_and_debug_hides_the_name() {
        let mut ws = ws();
        let today = Date::parse(TODAY).unwrap();
        ws.add_case("c").unwrap();
        ws.add_case("d").unwrap();
        let x = &mut ws.case_mut("c").unwrap().dossier;
        x.name = name("Anna Maria", "van der", "Berg");
        x.record_gate(Gate::ConsentToRegister, today, "Zorgaanbieder")
            .unwrap();
        let row = case_progress(&ws, ws.case("c").unwrap(), today);
        assert_eq!(row.name, "Anna Maria van der Berg");
        assert_eq!(row.gates[0].recorded, Some(today));
        assert!(row.gates[1..].iter().all(|g| g.recorded.is_none()));
        assert!(!row.profile_complete && !row.accepted);
        assert!(!format!("{row:?}").contains("Berg"));
        let other = case_progress(&ws, ws.case("d").unwrap(), today);
        assert_eq!(other.name, "");
        assert!(other.gates.iter().all(|g| g.recorded.is_none()));
    }

    #[test]
    fn a_case_from_an_overdracht_is_named_by_its_number_and_gemeente() {
        use woonkans_core::fixtures::{self, RESIDENTS};
        use woonkans_core::transfer::Overdracht;
        let mut ws = ws();
        let today = Date::parse(TODAY).unwrap();
        // Two coordinator's cases from two residents' overdrachten, and one typed case.
        for (i, (id, gemeente)) in [("zk7a01", "Venlo"), ("zk7b02", "Horst aan de Maas")]
            .into_iter()
            .enumerate()
        {
            let mut d = fixtures::dossier(id, &RESIDENTS[i]);
            d.gemeente = gemeente.into();
            fixtures::record_gates_to_step_4(&mut d);
            let o = Overdracht::of(
                &d,
                today,
                Region::NoordLimburg,
                &woonkans_core::rentlimits::current(),
                [i as u8 + 1; 32],
            )
            .unwrap();
            ws.add_case(id).unwrap();
            let case = ws.case_mut(id).unwrap();
            case.dossier = o.step4_dossier(id);
            case.overdracht = Some(o);
        }
        ws.add_case("typed1").unwrap();
        ws.case_mut("typed1").unwrap().dossier.name = name("Fatima", "", "El Amrani");
        ws.add_case("empty1").unwrap();

        let label_of = |id: &str| case_label(ws.case(id).unwrap());
        assert_eq!(label_of("zk7a01"), "Dossiernummer zk7a01, gemeente Venlo");
        assert_eq!(
            label_of("zk7b02"),
            "Dossiernummer zk7b02, gemeente Horst aan de Maas"
        );
        assert_eq!(label_of("typed1"), "Fatima El Amrani");
        assert_eq!(label_of("empty1"), "naam nog niet ingevuld");
        for r in &RESIDENTS[..2] {
            assert!(!label_of("zk7a01").contains(r.surname));
            assert!(!label_of("zk7b02").contains(r.surname));
        }

        let rows = overview(&ws, today, false, "");
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Dossiernummer zk7a01, gemeente Venlo",
                "Dossiernummer zk7b02, gemeente Horst aan de Maas",
                "Fatima El Amrani",
                "naam nog niet ingevuld",
            ]
        );
        assert!(rows[0].name.is_empty());
        // The search finds a coordinator's case by its gemeente too.
        let found = overview(&ws, today, false, "horst");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, "zk7b02");
        assert!(rows[1].matches("horst") && !rows[0].matches("horst"));
    }

    /// Forty cases at different points, generated with known dates: each case's expected
    /// waiting is worked out here from the dates it was generated with, and the list must put
    /// the over-norm ones first, most days over first, then the others by days waiting.
    #[test]
    fn forty_cases_list_the_over_norm_ones_first() {
        use woonkans_core::disclosure::{DisclosureEntry, DisclosureKind};
        use woonkans_core::fixtures::{self, RESIDENTS};
        let today = Date::parse(TODAY).unwrap();
        let back = |days: i64| Date::from_days_since_epoch(today.days_since_epoch() - days);
        let entry = |kind, date: Date, association: &str| DisclosureEntry {
            at: format!("{}T09:30:00Z", date.iso()),
            step: 5,
            recipient_id: association.into(),
            recipient_name: association.into(),
            categories: Vec::new(),
            grondslag: "Wmo".into(),
            bundle_id: String::new(),
            codes: Vec::new(),
            kind,
            message: None,
        };
        let mut ws = fixtures::workspace();
        // (id, expected days waiting, or None when not waiting)
        let mut expected: Vec<(String, Option<i64>)> = Vec::new();
        for i in 0..40i64 {
            let id = format!("gen{i:02}");
            let case = fixtures::add_ready_case(&mut ws, &id, &RESIDENTS[i as usize % 5]);
            case.dossier.step = woonkans_core::register::Step::PlacementProfile;
            // Taken over (gates 3 → 4) 1 to 40 days ago, in a shuffled order.
            let taken = (i * 17) % 40 + 1;
            for g in &mut case.dossier.gates {
                if g.gate != Gate::ConsentToRegister {
                    g.date = back(taken);
                }
            }
            let wait = match i % 4 {
                // No bundle yet: waits since the gates (norm 14).
                0 | 1 => Some(taken),
                // A bundle half-way, unanswered: waits since the bundle.
                2 => {
                    case.log
                        .push(entry(DisclosureKind::CodedBundle, back(taken / 2), "a"));
                    Some(taken / 2)
                }
                // A bundle answered: waits for nobody.
                _ => {
                    case.log
                        .push(entry(DisclosureKind::CodedBundle, back(taken / 2), "a"));
                    case.log
                        .push(entry(DisclosureKind::ReplyReceived, back(taken / 4), "a"));
                    None
                }
            };
            if i == 39 {
                case.dossier.archived = true;
                continue;
            }
            expected.push((id, wait));
        }
        let norm = 14;
        let over = |w: Option<i64>| w.map_or(0, |d| (d - norm).max(0));
        let mut want = expected.clone();
        want.sort_by_key(|(_, w)| {
            (
                std::cmp::Reverse(over(*w)),
                std::cmp::Reverse(w.unwrap_or(-1)),
            )
        });
        let filter = Filter {
            order: Order::Urgent,
            ..Filter::default()
        };
        let rows = filtered(&ws, today, filter, "");
        let got: Vec<(String, Option<i64>)> = rows
            .iter()
            .map(|r| (r.id.clone(), r.waiting.map(|w| w.days)))
            .collect();
        assert_eq!(got, want);
        let over_count = want.iter().filter(|(_, w)| over(*w) > 0).count();
        assert!(over_count > 5 && over_count < 35, "{over_count}");
        assert!(
            rows[..over_count]
                .iter()
                .all(|r| r.waiting.unwrap().over_norm())
        );
        assert!(
            rows[over_count..]
                .iter()
                .all(|r| !r.waiting.is_some_and(|w| w.over_norm()))
        );
        // The filter keeps exactly those, in the same order.
        let only = filtered(
            &ws,
            today,
            Filter {
                only_over_norm: true,
                ..filter
            },
            "",
        );
        assert_eq!(only, rows[..over_count].to_vec());
        // Opened order is the generation order, archived left out unless asked.
        let opened = filtered(&ws, today, Filter::default(), "");
        assert_eq!(
            opened.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
            expected
                .iter()
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        );
        let all = Filter {
            include_archived: true,
            ..Filter::default()
        };
        assert_eq!(filtered(&ws, today, all, "").len(), 40);

        // Longest waiting for a home: every third case has its instroom date recorded (100 + i
        // days ago); the others count from the overdracht (`taken` days ago). Longest first,
        // equal days in the order opened.
        let mut days_ago: Vec<(String, i64)> = Vec::new();
        for i in 0..39i64 {
            let id = format!("gen{i:02}");
            let ago = if i % 3 == 0 {
                ws.set_in_care_since(&id, Some(back(100 + i)), today)
                    .unwrap();
                100 + i
            } else {
                (i * 17) % 40 + 1
            };
            days_ago.push((id, ago));
        }
        days_ago.sort_by_key(|(_, ago)| std::cmp::Reverse(*ago));
        let longest = filtered(
            &ws,
            today,
            Filter {
                order: Order::LongestWaiting,
                ..Filter::default()
            },
            "",
        );
        assert_eq!(
            longest.iter().map(|r| r.id.clone()).collect::<Vec<_>>(),
            days_ago.into_iter().map(|(id, _)| id).collect::<Vec<_>>()
        );
        assert!(
            longest[0]
                .waiting_since_text
                .as_deref()
                .is_some_and(|t| t.starts_with("Wacht sinds de instroom"))
        );
    }
}
