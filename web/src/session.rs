//! The unlocked session: the vault, the code key and the workspace, and how they are stored.
//!
//! The workspace is stored as separate encrypted records so one damaged record leaves the
//! others readable. A record that could not be read is never overwritten by autosave: that
//! would turn damage into loss. The user restores a backup or explicitly starts that part anew.

use crate::vault::{self, Vault, VaultError};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::disclosure::DisclosureEntry;
use woonkans_core::offer::Offer;
use woonkans_core::parties::Parties;
use woonkans_core::sample::sample_offer;
use woonkans_core::workspace::{Case, Settings, Workspace};

pub const KEY: &str = "key";
pub const SETTINGS: &str = "settings";
pub const DOSSIERS: &str = "dossiers";
pub const OFFER: &str = "offer";
pub const LOG: &str = "log";
/// Own keys (secret), contact book and the envelopes taken in: a record of its own, so a vault
/// from before the envelopes reads as one without keys.
pub const PARTIES: &str = "parties";

#[derive(Clone, Debug)]
pub struct Open {
    pub vault: Vault,
    pub key: CodeKey,
    pub ws: Workspace,
    /// Records that could not be read at unlock; autosave leaves them alone.
    pub damaged: Vec<&'static str>,
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

pub async fn create(passphrase: &str) -> Result<Open, VaultError> {
    let vault = vault::create(passphrase).await?;
    let key = CodeKey::from_bytes(crate::browser::random_bytes::<32>());
    let open = Open {
        vault,
        key,
        ws: Workspace::new(sample_offer()),
        damaged: Vec::new(),
    };
    open.vault
        .save(KEY, code::export_key(&open.key).as_bytes())
        .await?;
    save(&open).await?;
    Ok(open)
}

async fn record<T: serde::de::DeserializeOwned>(
    vault: &Vault,
    name: &'static str,
    damaged: &mut Vec<&'static str>,
) -> Result<Option<T>, VaultError> {
    record_read(vault, name, damaged, |bytes| {
        serde_json::from_slice(bytes).map_err(|_| ())
    })
    .await
}

/// A record read by `read`; one it refuses counts as damaged, like one that cannot be decrypted.
async fn record_read<T>(
    vault: &Vault,
    name: &'static str,
    damaged: &mut Vec<&'static str>,
    read: impl FnOnce(&[u8]) -> Result<T, ()>,
) -> Result<Option<T>, VaultError> {
    match vault.load(name).await {
        Ok(Some(bytes)) => match read(&bytes) {
            Ok(v) => Ok(Some(v)),
            Err(_) => {
                damaged.push(name);
                Ok(None)
            }
        },
        Ok(None) => Ok(None),
        Err(VaultError::CorruptRecord(_)) => {
            damaged.push(name);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

pub async fn unlock(passphrase: &str) -> Result<Open, VaultError> {
    let vault = vault::unlock(passphrase).await?;
    from_vault(vault).await
}

pub async fn from_vault(vault: Vault) -> Result<Open, VaultError> {
    let mut damaged = Vec::new();
    let key = match vault.load(KEY).await {
        Ok(Some(bytes)) => match code::import_key(&String::from_utf8_lossy(&bytes)) {
            Ok(k) => Some(k),
            Err(_) => {
                damaged.push(KEY);
                None
            }
        },
        Ok(None) => None,
        Err(VaultError::CorruptRecord(_)) => {
            damaged.push(KEY);
            None
        }
        Err(e) => return Err(e),
    };
    let settings: Option<Settings> = record(&vault, SETTINGS, &mut damaged).await?;
    // A coordinator's cases are read through the type without identity fields (`coordinator`).
    let role = settings.as_ref().and_then(|s| s.role);
    let cases: Option<Vec<Case>> = record_read(&vault, DOSSIERS, &mut damaged, |bytes| {
        woonkans_core::coordinator::read_cases_record(role, bytes).map_err(|_| ())
    })
    .await?;
    let offer: Option<Offer> = record(&vault, OFFER, &mut damaged).await?;
    let log: Option<Vec<DisclosureEntry>> = record(&vault, LOG, &mut damaged).await?;
    let parties: Option<Parties> = record(&vault, PARTIES, &mut damaged).await?;
    let ws = Workspace::from_records(
        settings.unwrap_or_default(),
        cases.unwrap_or_default(),
        offer.unwrap_or_else(sample_offer),
        log.unwrap_or_default(),
        parties.unwrap_or_default(),
    );
    // A missing (never written) key is made now; a damaged one is not replaced: codes derived
    // under a new key would not match the ones already issued.
    let key = match key {
        Some(k) => k,
        None if damaged.contains(&KEY) => CodeKey::from_bytes(crate::browser::random_bytes::<32>()),
        None => {
            let k = CodeKey::from_bytes(crate::browser::random_bytes::<32>());
            vault.save(KEY, code::export_key(&k).as_bytes()).await?;
            k
        }
    };
    Ok(Open {
        vault,
        key,
        ws,
        damaged,
    })
}

/// Saves every record that was read intact (or never existed).
pub async fn save(open: &Open) -> Result<(), VaultError> {
    let records: [(&'static str, Vec<u8>); 5] = [
        (SETTINGS, json(&open.ws.settings())),
        (DOSSIERS, json(&open.ws.cases_record())),
        (OFFER, json(&open.ws.offer())),
        (LOG, json(&open.ws.log())),
        (PARTIES, json(open.ws.parties())),
    ];
    for (name, bytes) in records {
        if !open.damaged.contains(&name) {
            open.vault.save(name, &bytes).await?;
        }
    }
    Ok(())
}
