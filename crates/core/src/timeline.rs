//! A case over time: its timeline and how long it has been waiting, against the norms of the
//! settings.
//!
//! Both are derived from what a case already records — its gates (`Dossier::gates`) and its log
//! (`Case::log`) — and never stored a second time, so a timeline cannot disagree with the log
//! the data protection officer reads.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::envelope::MessageType;
use crate::register::{Gate, Step};
use crate::workspace::Case;

/// One moment of a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    pub date: Date,
    /// The step it belongs to.
    pub step: Step,
    pub what: What,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// A gate was recorded (who recorded it stays in the dossier).
    Gate(Gate),
    /// Something went out of this vault or came in, as its log entry says. `party` is the other
    /// party's organisation as the log names it; the log never names the resident.
    Exchange {
        kind: DisclosureKind,
        message: Option<MessageType>,
        party: String,
    },
    /// The case was closed with this outcome (`outcome`).
    Closed(crate::outcome::OutcomeKind),
    /// The case went on although the target-group check was not met.
    TargetGroupOverride(crate::targetgroup::OverrideReason),
    /// A step of the talks with an association (`talks::record_talk`).
    Talk {
        association_id: String,
        kind: crate::talks::TalkKind,
        reason: Option<crate::talks::RefusalReason>,
    },
    /// An accepted match ended without a lease; the case went back to step 5.
    MatchEnded {
        association_id: String,
        reason: crate::workspace::MatchEndReason,
    },
}

/// The timeline of a case: one moment per recorded gate and per log entry, two per ended match
/// (accepted, ended), and its closing, oldest first. On one
/// day, a step's exchanges come before the gate that closes that step, and steps in order.
pub fn timeline(case: &Case) -> Vec<Moment> {
    let gates = case.dossier.gates.iter().map(|record| {
        let moment = Moment {
            date: record.date,
            step: record.gate.from_step(),
            what: What::Gate(record.gate),
        };
        // A gate closes its step: after that step's exchanges of the same day.
        ((record.date, record.gate.from_step().number(), 1u8), moment)
    });
    let exchanges = case.log.iter().filter_map(|entry| {
        let date = entry_date(entry)?;
        let step = Step::from_number(entry.step).ok()?;
        let moment = Moment {
            date,
            step,
            what: What::Exchange {
                kind: entry.kind,
                message: entry.message,
                party: entry.recipient_name.clone(),
            },
        };
        Some(((date, entry.step, 0u8), moment))
    });
    let closed = case.outcome.iter().map(|o| {
        let moment = Moment {
            date: o.date,
            step: case.dossier.step,
            what: What::Closed(o.kind),
        };
        // Last of its day: nothing happens to a case after it is closed.
        ((o.date, u8::MAX, 2u8), moment)
    });
    // An ended match's acceptance left the gates when it ended; its history keeps both days.
    let ended = case.ended_matches.iter().flat_map(|m| {
        let step = Gate::MatchAccepted.from_step();
        [
            (
                (m.accepted_on, step.number(), 1u8),
                Moment {
                    date: m.accepted_on,
                    step,
                    what: What::Gate(Gate::MatchAccepted),
                },
            ),
            (
                (m.ended_on, step.number(), 1u8),
                Moment {
                    date: m.ended_on,
                    step,
                    what: What::MatchEnded {
                        association_id: m.association_id.clone(),
                        reason: m.reason,
                    },
                },
            ),
        ]
    });
    let overridden = case.dossier.target_group_override.iter().map(|o| {
        let step = Step::Investigation;
        (
            // Before the gate it allowed, on the same day.
            (o.date, step.number(), 0u8),
            Moment {
                date: o.date,
                step,
                what: What::TargetGroupOverride(o.reason),
            },
        )
    });
    let talks = case.talks.iter().map(|t| {
        let step = Step::AssociationTalks;
        (
            // After the day's exchanges (the bundle, the reply), before a gate closing step 5.
            (t.date, step.number(), 1u8),
            Moment {
                date: t.date,
                step,
                what: What::Talk {
                    association_id: t.association_id.clone(),
                    kind: t.kind,
                    reason: t.reason,
                },
            },
        )
    });
    let mut all: Vec<_> = gates
        .chain(overridden)
        .chain(exchanges)
        .chain(talks)
        .chain(ended)
        .chain(closed)
        .collect();
    // Stable: moments with the same key keep the order they were recorded in.
    all.sort_by_key(|(key, _)| *key);
    all.into_iter().map(|(_, moment)| moment).collect()
}

/// The day of a log entry (`at` is an ISO date-time); `None` for an entry whose date cannot be
/// read, which a timeline then leaves out rather than placing wrongly.
fn entry_date(entry: &DisclosureEntry) -> Option<Date> {
    Date::parse(entry.at.get(..10)?).ok()
}

/// Days a case may wait at each point before it is "boven de norm". Set per vault in the
/// settings; the defaults are the working agreements a coordinator starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Norms {
    /// From the overdracht (or the 3→4 gates) to the first bundle to an association.
    pub days_to_first_bundle: u16,
    /// From a bundle to that association's reply.
    pub days_to_reply: u16,
    /// From the accepted match to the koppeling (or, in an old vault, the hand-over).
    pub days_to_koppeling: u16,
}

impl Default for Norms {
    fn default() -> Self {
        Norms {
            days_to_first_bundle: 14,
            days_to_reply: 14,
            days_to_koppeling: 10,
        }
    }
}

/// The longest a norm may be: a year. Longer is a typing error rather than an agreement.
pub const MAX_NORM_DAYS: u16 = 365;

impl Norms {
    /// Refuses a norm of 0 days or more than [`MAX_NORM_DAYS`].
    pub fn validate(&self) -> crate::error::Result<()> {
        let all = [
            self.days_to_first_bundle,
            self.days_to_reply,
            self.days_to_koppeling,
        ];
        if all.iter().all(|d| (1..=MAX_NORM_DAYS).contains(d)) {
            Ok(())
        } else {
            Err(crate::error::Error::new(
                "NORM_INVALID",
                format!("Een norm is een aantal dagen van 1 tot en met {MAX_NORM_DAYS}."),
            ))
        }
    }
}

/// What a case is waiting for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitingFor {
    /// Taken over at step 4, no bundle sent yet.
    FirstBundle,
    /// Bundles sent; at least one association has not answered since.
    Replies,
    /// A match accepted; the koppeling has not gone out.
    Koppeling,
}

/// How long a case has been waiting, and against which norm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub waiting_for: WaitingFor,
    pub since: Date,
    /// Whole days from `since` to the reference date (0 on the day itself).
    pub days: i64,
    pub norm_days: u16,
}

impl Waiting {
    /// Days past the norm; 0 while within it.
    pub fn days_over(&self) -> i64 {
        (self.days - i64::from(self.norm_days)).max(0)
    }

    pub fn over_norm(&self) -> bool {
        self.days_over() > 0
    }
}

/// What `case` is waiting for on `today`, if anything the norms cover, in a vault that makes
/// bundles (`Workspace::waiting` asks the role). An archived case, a case before step 4, and a case whose every bundle is answered and no match accepted are not
/// waiting (the next move is the coordinator's own choice).
pub fn waiting(case: &Case, norms: &Norms, today: Date) -> Option<Waiting> {
    if case.dossier.archived {
        return None;
    }
    let log: Vec<(Date, &DisclosureEntry)> = case
        .log
        .iter()
        .filter_map(|e| Some((entry_date(e)?, e)))
        .collect();
    let make = |waiting_for, since: Date, norm_days| {
        Some(Waiting {
            waiting_for,
            since,
            days: (today.days_since_epoch() - since.days_since_epoch()).max(0),
            norm_days,
        })
    };
    if let Some(accepted) = &case.accepted {
        let linked = log.iter().any(|(date, e)| {
            *date >= accepted.date
                && (e.kind == DisclosureKind::Handover
                    || (e.kind == DisclosureKind::TransferSent
                        && e.message == Some(MessageType::Koppeling)))
        });
        return if linked {
            None
        } else {
            make(
                WaitingFor::Koppeling,
                accepted.date,
                norms.days_to_koppeling,
            )
        };
    }
    let bundles: Vec<&(Date, &DisclosureEntry)> = log
        .iter()
        .filter(|(_, e)| e.kind == DisclosureKind::CodedBundle)
        .collect();
    if bundles.is_empty() {
        return make(
            WaitingFor::FirstBundle,
            taken_over(case, &log)?,
            norms.days_to_first_bundle,
        );
    }
    // Per association, its latest bundle; waiting when no reply came in on or after that day.
    let mut latest: std::collections::BTreeMap<&str, Date> = Default::default();
    for (date, e) in &bundles {
        let slot = latest.entry(e.recipient_id.as_str()).or_insert(*date);
        *slot = (*slot).max(*date);
    }
    let oldest_unanswered = latest
        .iter()
        .filter(|(association, sent)| {
            !log.iter().any(|(date, e)| {
                e.kind == DisclosureKind::ReplyReceived
                    && e.recipient_id == **association
                    && date >= *sent
            })
        })
        .map(|(_, sent)| *sent)
        .min()?;
    make(WaitingFor::Replies, oldest_unanswered, norms.days_to_reply)
}

/// The day the case reached step 4 in this vault: its overdracht coming in, or else (a case typed
/// here, or an old vault) the later of the two 3→4 gates. `None` before step 4.
fn taken_over(case: &Case, log: &[(Date, &DisclosureEntry)]) -> Option<Date> {
    if case.dossier.step < Step::PlacementProfile {
        return None;
    }
    let received = log
        .iter()
        .filter(|(_, e)| {
            e.kind == DisclosureKind::TransferReceived && e.message == Some(MessageType::Overdracht)
        })
        .map(|(date, _)| *date)
        .min();
    let gates = [
        Gate::EligibilityAndSupportPlan,
        Gate::ConsentToShareWithCoordinator,
    ]
    .iter()
    .map(|g| case.dossier.gate_record(*g).map(|r| r.date))
    .collect::<Option<Vec<Date>>>()
    .and_then(|dates| dates.into_iter().max());
    received.or(gates)
}

/// A day of entry into beschermd wonen or the opvang as typed: not in the future, not before
/// 1950 (a typing error, not a stay of seventy years).
pub fn check_in_care_since(since: Date, today: Date) -> crate::error::Result<()> {
    if since > today || since.year() < 1950 {
        return Err(crate::error::Error::new(
            "IN_CARE_SINCE_INVALID",
            "De datum van instroom ligt in de toekomst of vóór 1950.",
        )
        .at("inCareSince"));
    }
    Ok(())
}

/// Since when the resident of `case` waits for a home: the day they entered beschermd wonen or
/// the maatschappelijke opvang when recorded (`Case::in_care_since`), else the day the case
/// reached step 4 in this vault. `None` for a case that records neither, and for one that no
/// longer waits: a match accepted, closed or archived.
pub fn waiting_since(case: &Case) -> Option<Date> {
    if case.accepted.is_some() || case.outcome.is_some() || case.dossier.archived {
        return None;
    }
    if let Some(since) = case.in_care_since {
        return Some(since);
    }
    let log: Vec<(Date, &DisclosureEntry)> = case
        .log
        .iter()
        .filter_map(|e| Some((entry_date(e)?, e)))
        .collect();
    taken_over(case, &log)
}

/// Whether a vault of `role` tracks waiting: the one that sends bundles (the coordinator's, or a
/// vault made before roles). The norms are the coordinator's working agreements.
pub fn tracks_waiting(role: Option<crate::role::Role>) -> bool {
    role.is_none_or(|r| r.sends().contains(&MessageType::Bundel))
}

impl crate::workspace::Workspace {
    /// What the case `id` waits for on `today` under this vault's norms. Only a vault that sends
    /// bundles (the coordinator's, or one made before roles) waits for what the norms cover;
    /// the others' cases are `None`, as is an unknown id.
    pub fn waiting(&self, id: &str, today: Date) -> Option<Waiting> {
        if !tracks_waiting(self.role()) {
            return None;
        }
        waiting(self.case(id).ok()?, &self.settings().norms, today)
    }
}
