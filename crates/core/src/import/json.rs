//! The versioned JSON format of a whole offer.

use super::*;

#[derive(Deserialize)]
pub(super) struct JsonHead {
    format: Option<String>,
    version: Option<u64>,
}

#[derive(Deserialize)]
pub(super) struct JsonBody {
    #[serde(default)]
    associations: Vec<HousingAssociation>,
    #[serde(default)]
    dwellings: Vec<Dwelling>,
}

#[derive(Serialize)]
pub(super) struct JsonOut<'a> {
    format: &'static str,
    version: u32,
    associations: &'a [HousingAssociation],
    dwellings: &'a [Dwelling],
}

pub(super) fn json_error(e: &serde_json::Error) -> Error {
    // serde's own message can quote the input; only the position is passed on.
    let what = match e.classify() {
        serde_json::error::Category::Data => "een gegeven heeft niet de verwachte vorm",
        serde_json::error::Category::Eof => "het bestand houdt onverwacht op",
        _ => "dit is geen geldige JSON",
    };
    file_error(
        "IMPORT_JSON_INVALID",
        format!(
            "Het aanbodbestand klopt niet op regel {}, kolom {}: {what}.",
            e.line(),
            e.column()
        ),
    )
}

/// Imports a complete offer in the Woonkans JSON format. All or nothing: a JSON file comes from
/// Woonkans or another program, not from hand-typed rows.
pub fn import_json(text: &str) -> Result<ImportReport> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error("IMPORT_EMPTY", "Het bestand is leeg."));
    }
    let head: JsonHead = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(file_error(
            "IMPORT_FORMAT_UNKNOWN",
            "Dit is geen Woonkans-aanbodbestand: het veld \"format\" moet \"woonkans-aanbod\" zijn.",
        ));
    }
    match head.version {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(file_error(
                "IMPORT_VERSION_NEWER",
                "Dit aanbodbestand is gemaakt met een nieuwere versie van Woonkans. Werk Woonkans bij om het te openen.",
            ));
        }
        _ => {
            return Err(file_error(
                "IMPORT_VERSION_UNKNOWN",
                "De versie van dit aanbodbestand ontbreekt of is ongeldig.",
            ));
        }
    }
    let body: JsonBody = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let mut offer = Offer {
        associations: body.associations,
        dwellings: body.dwellings,
    };
    offer.normalise();
    offer.validate_parts()?;
    if !offer.associations.is_empty() {
        offer.validate()?;
    }
    Ok(ImportReport {
        kind: ImportKind::Json,
        accepted_rows: offer.associations.len() + offer.dwellings.len(),
        offer_part: offer,
        errors: Vec::new(),
        ignored_columns: Vec::new(),
    })
}

/// Imports any offer file: JSON when its first character is `{`, CSV otherwise.
pub fn import_file(bytes: &[u8]) -> Result<ImportReport> {
    let text = decode_text(bytes)?;
    if text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('{')
    {
        import_json(&text)
    } else {
        import_csv(bytes)
    }
}

/// The offer in the versioned JSON format.
pub fn export_json(offer: &Offer) -> String {
    let out = JsonOut {
        format: FORMAT,
        version: VERSION,
        associations: &offer.associations,
        dwellings: &offer.dwellings,
    };
    // Plain data with string keys: serialisation cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default()
}
