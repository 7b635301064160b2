//! Reading a CSV of dwellings or of associations with their criteria, row by row.

use super::*;

pub(super) fn no_header() -> Error {
    file_error(
        "IMPORT_NO_HEADER",
        "Er is geen herkenbare kopregel gevonden. De eerste regel moet de kolomnamen bevatten, zoals Woning-id, Corporatie, Gemeente, Wijk, Woningtype, Kamers, Netto huur en Beschikbaar per (woningen) of Corporatie-id, Naam, Werkgebied en Contractvormen (corporaties). Zie de importhandleiding.",
    )
}

pub(super) struct Row<'r> {
    line: usize,
    record: &'r csv::StringRecord,
    columns: &'r Columns,
    headings: &'r [String],
    errors: Vec<RowError>,
}

impl Row<'_> {
    fn cell(&self, col: Col) -> &str {
        self.columns[col as usize]
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    fn present(&self, col: Col) -> bool {
        self.columns[col as usize].is_some()
    }

    fn fail(&mut self, col: Col, message: &str) {
        let column = self.columns[col as usize]
            .and_then(|i| self.headings.get(i))
            .cloned()
            .or_else(|| Some(heading(col).to_string()));
        self.errors.push(RowError {
            line: self.line,
            column,
            message: message.to_string(),
        });
    }

    fn text(&mut self, col: Col, what: &str) -> String {
        let v = self.cell(col).to_string();
        if v.is_empty() {
            self.fail(col, &format!("{what} ontbreekt."));
        } else if v.chars().any(char::is_control) || v.contains('|') {
            self.fail(col, &format!("{what} bevat een ongeldig teken (zoals |)."));
        }
        v
    }

    /// Yes/no; an empty cell is `default` when given (where "nee" is the safe reading), an error
    /// otherwise.
    fn yes_no(&mut self, col: Col, default: Option<bool>) -> bool {
        let v = self.cell(col).to_string();
        if v.is_empty() {
            if let Some(d) = default {
                return d;
            }
            self.fail(col, "Vul ja of nee in; leeg is hier niet toegestaan.");
            return false;
        }
        parse_yes_no(&v).unwrap_or_else(|| {
            self.fail(col, "Vul ja of nee in (ook j/n, x, 1/0, waar/onwaar).");
            false
        })
    }

    fn int(&mut self, col: Col, lo: u64, hi: u64, default: Option<u64>, what: &str) -> u64 {
        let v = self.cell(col).to_string();
        if v.is_empty()
            && let Some(d) = default
        {
            return d;
        }
        match parse_int(&v) {
            Some(n) if (lo..=hi).contains(&n) => n,
            _ => {
                self.fail(
                    col,
                    &format!("{what} moet een heel getal van {lo} tot en met {hi} zijn."),
                );
                lo
            }
        }
    }

    fn history(&mut self, col: Col, what: &str) -> History {
        let v = self.cell(col).to_string();
        parse_history(&v).unwrap_or_else(|| {
            self.fail(col, &format!("{what}: vul geen, opgelost of actueel in."));
            History::None
        })
    }
}

/// Physical line numbers from byte offsets. The CSV reader reports a record's start before it
/// skips blank lines, so the count is taken from the first byte that is not a line end.
pub(super) struct LineCounter<'t> {
    text: &'t [u8],
    pos: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// Offsets must not decrease between calls (records come in order).
    fn line_at(&mut self, byte: usize) -> usize {
        let mut target = byte.min(self.text.len());
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target >= self.pos {
            self.line += self.text[self.pos..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.pos = target;
        }
        self.line
    }
}

/// Imports a CSV of dwellings or of associations (detected from the header). Bad rows are
/// reported and skipped; good rows are kept.
pub fn import_csv(bytes: &[u8]) -> Result<ImportReport> {
    let text = decode_text(bytes)?;
    // The header is the first non-blank line, unless that is Excel's "sep=;" hint.
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (mut header_index, mut header_line) = lines.next().ok_or_else(no_header)?;
    let mut separator = None;
    if let Some(hint) = header_line.trim().strip_prefix("sep=") {
        separator = match hint.trim() {
            ";" => Some(b';'),
            "," => Some(b','),
            "\\t" | "" => Some(b'\t'),
            _ => None,
        };
        (header_index, header_line) = lines.next().ok_or_else(no_header)?;
    }
    let separator = separator
        .or_else(|| detect_separator(header_line))
        .ok_or_else(no_header)?;
    let header_line_number = header_index + 1;

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = LineCounter::new(&text);
    let header = loop {
        match records.next() {
            Some(Ok(r)) => {
                let line = r.position().map_or(0, |p| lines.line_at(p.byte() as usize));
                if line >= header_line_number {
                    break r;
                }
            }
            Some(Err(_)) | None => return Err(no_header()),
        }
    };
    let headings: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let folded: Vec<String> = headings.iter().map(|h| squash(h)).collect();
    let kind = detect_kind(&folded).ok_or_else(no_header)?;
    let table = match kind {
        ImportKind::Associations => ASSOCIATION_COLUMNS,
        _ => DWELLING_COLUMNS,
    };
    let mut columns: Columns = [None; COLUMN_COUNT];
    let mut ignored_columns = Vec::new();
    for (i, f) in folded.iter().enumerate() {
        match lookup(table, f) {
            Some(col) => {
                if columns[col as usize].replace(i).is_some() {
                    return Err(file_error(
                        "IMPORT_DUPLICATE_COLUMN",
                        format!(
                            "De kolom '{}' staat twee keer in de kopregel.",
                            heading(col)
                        ),
                    ));
                }
            }
            None if headings[i].is_empty() => {}
            None => ignored_columns.push(headings[i].clone()),
        }
    }
    let missing: Vec<&str> = table
        .iter()
        .filter(|c| c.required && columns[c.col as usize].is_none())
        .map(|c| c.heading)
        .collect();
    if !missing.is_empty() {
        return Err(file_error(
            "IMPORT_MISSING_COLUMNS",
            format!(
                "De kopregel mist {}: {}.",
                if missing.len() == 1 {
                    "de kolom"
                } else {
                    "de kolommen"
                },
                missing.join(", ")
            ),
        ));
    }

    let mut report = ImportReport {
        kind,
        offer_part: Offer::default(),
        accepted_rows: 0,
        errors: Vec::new(),
        ignored_columns,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.errors.push(RowError {
                    line: e.position().map_or(0, |p| lines.line_at(p.byte() as usize)),
                    column: None,
                    message: "Deze regel kan niet worden gelezen (controleer de aanhalingstekens)."
                        .into(),
                });
                break;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        let mut row = Row {
            line,
            record: &record,
            columns: &columns,
            headings: &headings,
            errors: Vec::new(),
        };
        if record
            .iter()
            .skip(headings.len())
            .any(|f| !f.trim().is_empty())
        {
            row.errors.push(RowError {
                line,
                column: None,
                message: "Deze regel heeft meer gevulde kolommen dan de kopregel.".into(),
            });
        }
        let id_col = if kind == ImportKind::Associations {
            Col::AssocId
        } else {
            Col::Id
        };
        let id = row.cell(id_col).to_string();
        if let Some(first) = seen.get(&id).filter(|_| !id.is_empty()) {
            let msg =
                format!("Dit id staat al op regel {first}; elke regel moet een eigen id hebben.");
            row.fail(id_col, &msg);
        }
        match kind {
            ImportKind::Associations => {
                let a = read_association(&mut row);
                if row.errors.is_empty() {
                    report.offer_part.associations.push(a);
                }
            }
            _ => {
                let d = read_dwelling(&mut row);
                if row.errors.is_empty() {
                    report.offer_part.dwellings.push(d);
                }
            }
        }
        if row.errors.is_empty() {
            report.accepted_rows += 1;
            seen.insert(id, line);
        } else {
            report.errors.append(&mut row.errors);
        }
    }
    // Every row passed its own checks; this only guards the invariants in one place.
    report.offer_part.validate_parts()?;
    Ok(report)
}

pub(super) fn read_dwelling(row: &mut Row<'_>) -> Dwelling {
    let id = row.text(Col::Id, "Het woning-id");
    let association_id = row.text(Col::Association, "De corporatie");
    let gemeente_text = row.cell(Col::Gemeente).to_string();
    let gemeente = match official_gemeente(&gemeente_text) {
        Some(g) => g.to_string(),
        None => {
            if gemeente_text.is_empty() {
                row.fail(Col::Gemeente, "De gemeente ontbreekt.");
            } else {
                row.fail(
                    Col::Gemeente,
                    "Onbekende gemeente: alleen de vijftien gemeenten van Noord- en Midden-Limburg.",
                );
            }
            String::new()
        }
    };
    let neighbourhood = row.text(Col::Neighbourhood, "De wijk");
    let dwelling_type = parse_type(row.cell(Col::Type)).unwrap_or_else(|| {
        row.fail(
            Col::Type,
            "Onbekend woningtype: gebruik studio, appartement, benedenwoning, eengezinswoning of clusterwoning.",
        );
        DwellingType::Apartment
    });
    let in_complex = row.yes_no(Col::InComplex, Some(false));
    let rooms = row.int(Col::Rooms, 1, 20, None, "Het aantal kamers") as u8;
    let rent_text = row.cell(Col::Rent).to_string();
    let rent_cents = parse_amount_cents(&rent_text).unwrap_or_else(|| {
        row.fail(
            Col::Rent,
            "De huur is geen bedrag in euro's (bijvoorbeeld 712,50 of € 1.234,56).",
        );
        0
    });
    let step_free = row.yes_no(Col::StepFree, Some(false));
    let wheelchair = row.yes_no(Col::Wheelchair, Some(false));
    let age_label = parse_label(row.cell(Col::Label)).unwrap_or_else(|| {
        row.fail(
            Col::Label,
            "Onbekend leeftijdslabel: gebruik geen, jongeren (18-27) of 55+.",
        );
        AgeLabel::None
    });
    let max = u64::from(MAX_HOUSEHOLD);
    let min_household = row.int(
        Col::MinHousehold,
        1,
        max,
        Some(1),
        "De minimale huishoudgrootte",
    ) as u8;
    let max_household = row.int(
        Col::MaxHousehold,
        1,
        max,
        Some(max),
        "De maximale huishoudgrootte",
    ) as u8;
    if min_household > max_household && row.present(Col::MinHousehold) {
        row.fail(
            Col::MinHousehold,
            "De minimale huishoudgrootte is groter dan de maximale.",
        );
    }
    let available_from = match Date::parse(row.cell(Col::AvailableFrom)) {
        Ok(d) => d,
        Err(_) => {
            row.fail(
                Col::AvailableFrom,
                "Geen geldige datum: gebruik dd-mm-jjjj of jjjj-mm-dd.",
            );
            Date::from_days_since_epoch(0)
        }
    };
    Dwelling {
        id,
        association_id,
        gemeente,
        neighbourhood,
        dwelling_type,
        in_complex,
        rooms,
        rent_cents,
        step_free,
        wheelchair,
        age_label,
        min_household,
        max_household,
        available_from,
    }
}

pub(super) fn read_association(row: &mut Row<'_>) -> HousingAssociation {
    let id = row.text(Col::AssocId, "Het corporatie-id");
    let name = row.text(Col::Name, "De naam");
    let mut working_area = Vec::new();
    let area_text = row.cell(Col::WorkingArea).to_string();
    for g in split_list(&area_text) {
        match official_gemeente(g) {
            Some(c) if !working_area.iter().any(|w| w == c) => working_area.push(c.to_string()),
            Some(_) => {}
            None => {
                row.fail(
                    Col::WorkingArea,
                    "Het werkgebied bevat een onbekende gemeente: alleen de vijftien gemeenten van Noord- en Midden-Limburg, gescheiden door | of komma.",
                );
                break;
            }
        }
    }
    if area_text.is_empty() {
        row.fail(Col::WorkingArea, "Het werkgebied ontbreekt.");
    }
    let mut accepted_contract_forms = Vec::new();
    let forms_text = row.cell(Col::ContractForms).to_string();
    for f in split_list(&forms_text) {
        match parse_contract_form(f) {
            Some(c) if !accepted_contract_forms.contains(&c) => accepted_contract_forms.push(c),
            Some(_) => {}
            None => {
                row.fail(
                    Col::ContractForms,
                    "Onbekende contractvorm: gebruik regulier, zorgovereenkomst of zorgaanbieder.",
                );
                break;
            }
        }
    }
    if forms_text.is_empty() {
        row.fail(Col::ContractForms, "Vul minstens één contractvorm in.");
    }
    accepted_contract_forms.sort();
    let max_rent_arrears = row.history(Col::MaxArrears, "Max huurachterstand");
    let arrears_requires_budget_management = row.yes_no(Col::ArrearsBudget, None);
    let max_nuisance = row.history(Col::MaxNuisance, "Max overlast");
    let nuisance_requires_safety_plan = row.yes_no(Col::NuisancePlan, None);
    let relapse_plan_required = row.yes_no(Col::RelapsePlan, None);
    let min_support_hours = match parse_decimal(row.cell(Col::MinSupport)) {
        Some(h) if (0.0..=168.0).contains(&h) => h,
        _ => {
            row.fail(
                Col::MinSupport,
                "Het minimum aantal uren ondersteuning per week moet een getal van 0 tot en met 168 zijn.",
            );
            0.0
        }
    };
    let max_placements_per_neighbourhood = if row.cell(Col::MaxPlacements).is_empty() {
        None
    } else {
        Some(row.int(
            Col::MaxPlacements,
            1,
            u64::from(u32::MAX),
            None,
            "Het maximum aantal plaatsingen per wijk",
        ) as u32)
    };
    let placements_text = row.cell(Col::Placements).to_string();
    let current_placements = if placements_text.is_empty() {
        BTreeMap::new()
    } else {
        parse_placements(&placements_text).unwrap_or_else(|| {
            row.fail(
                Col::Placements,
                "Schrijf de huidige plaatsingen als 'wijk: aantal', gescheiden door |, bijvoorbeeld 'Blerick: 2 | Tegelen: 1'.",
            );
            BTreeMap::new()
        })
    };
    let example = row.yes_no(Col::Example, Some(false));
    HousingAssociation {
        id,
        name,
        working_area,
        criteria: Criteria {
            accepted_contract_forms,
            max_rent_arrears,
            arrears_requires_budget_management,
            max_nuisance,
            nuisance_requires_safety_plan,
            relapse_plan_required,
            min_support_hours,
            max_placements_per_neighbourhood,
            current_placements,
        },
        example,
    }
}
