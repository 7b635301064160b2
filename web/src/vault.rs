//! The encrypted local vault (kluis): everything the app keeps lives in `localStorage`, but only
//! as AES-256-GCM ciphertext under a key derived from the coordinator's passphrase.
//!
//! Layout, all keys under [`KEY_PREFIX`] (the JSON shapes, and the checks on everything read
//! back before any crypto runs, are in `woonkans_core::vaultfile`):
//! - `woonkans.v1.meta`: plain JSON with the format, the KDF parameters (PBKDF2-SHA-256,
//!   iterations, 16-byte salt) and `check`, a known plaintext sealed under the key. It holds no
//!   personal data; `check` lets a wrong passphrase be told apart from a damaged record.
//! - `woonkans.v1.<record>`: `{ nonce, ciphertext }` (base64), sealed separately per record with
//!   a fresh 12-byte nonce and the record name as additional data, so one damaged record does not
//!   take the others with it and records cannot be swapped between names.
//!
//! The passphrase is NFC-normalised (so the same word typed on another system still opens the
//! vault), encoded as UTF-8, handed to WebCrypto and not kept: a [`Vault`] holds only the
//! non-extractable `CryptoKey`.

mod strength;

pub use strength::{MIN_PASSPHRASE_CHARS, Strength, passphrase_strength};

use js_sys::{Array, JsString, Uint8Array};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesDerivedKeyParams, AesGcmParams, CryptoKey, DomException, Pbkdf2Params, Storage, SubtleCrypto,
};
use woonkans_core::vaultfile::{
    self, Backup, ITERATIONS, META_NAME, Meta, MetaError, NONCE_LEN, SALT_LEN, Sealed,
    valid_record_name,
};

/// Every key the app owns starts with this; [`wipe`] removes all of them.
pub const APP_PREFIX: &str = "woonkans.";
/// Keys of this vault format.
pub const KEY_PREFIX: &str = "woonkans.v1.";
const META_KEY: &str = "woonkans.v1.meta";

const CHECK_PLAINTEXT: &[u8] = b"woonkans-kluis controle v1";
/// Contains a '.', which no record name may, so the check can never stand in for a record.
const CHECK_AD: &[u8] = b"woonkans.v1.meta.check";

/// What the browser's storage holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultState {
    /// No vault (also when `localStorage` is unavailable; [`create`] then says why).
    Absent,
    /// A vault exists and needs the passphrase.
    Locked,
}

/// Why a vault operation failed. `Display` gives the Dutch message for the user; no variant
/// carries the passphrase, plaintext or anything typed by the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VaultError {
    WrongPassphrase,
    StorageFull,
    /// The record with this (app-defined) name cannot be read; the others are unaffected.
    CorruptRecord(String),
    /// A Dutch reason, fixed text.
    BackupInvalid(&'static str),
    AlreadyExists,
    Absent,
    /// The stored vault was wiped or replaced (another tab, an import) after this one was unlocked.
    Replaced,
    /// The stored vault was written by a newer version of the app.
    NewerVersion,
    TooWeak,
    InvalidRecordName,
    Crypto,
    Unavailable,
}

fn record_label(name: &str) -> &str {
    match name {
        "dossiers" => "dossiers",
        "key" => "sleutel voor de codes",
        "log" => "verwerkingslog",
        "offer" => "woningaanbod",
        "parties" => "sleutels en adresboek",
        "settings" => "instellingen",
        META_NAME => "gegevens van de kluis zelf",
        other => other,
    }
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VaultError::WrongPassphrase => {
                f.write_str("Het wachtwoord klopt niet. Er is niets gewijzigd.")
            }
            VaultError::StorageFull => f.write_str(
                "De opslag van de browser is vol. De laatste goede opslag is bewaard; maak ruimte \
                 of maak een back-up.",
            ),
            VaultError::CorruptRecord(name) => write!(
                f,
                "Een deel van de kluis is beschadigd ({}). De andere delen zijn intact; zet zo \
                 nodig een back-up terug.",
                record_label(name)
            ),
            VaultError::BackupInvalid(reason) => write!(
                f,
                "Dit bestand is geen bruikbare back-up van de kluis: {reason}. Er is niets \
                 gewijzigd."
            ),
            VaultError::AlreadyExists => f.write_str(
                "Er is al een kluis in deze browser. Ontgrendel die, of wis eerst alles.",
            ),
            VaultError::Absent => f.write_str(
                "Er is geen kluis in deze browser. Maak een nieuwe kluis of zet een back-up terug.",
            ),
            VaultError::Replaced => f.write_str(
                "De kluis is intussen gewist of vervangen, bijvoorbeeld in een ander tabblad. Er \
                 is niets opgeslagen; ontgrendel de kluis opnieuw.",
            ),
            VaultError::NewerVersion => f.write_str(
                "Deze kluis is gemaakt met een nieuwere versie van Woonkans. Gebruik die versie; \
                 er is niets gewijzigd.",
            ),
            VaultError::TooWeak => f.write_str(
                "Het wachtwoord is te zwak. Gebruik minstens 12 tekens en vermijd bekende woorden \
                 en herhalingen.",
            ),
            VaultError::InvalidRecordName => {
                f.write_str("Interne fout: ongeldige naam voor een deel van de kluis.")
            }
            VaultError::Crypto => f.write_str(
                "De versleuteling in de browser werkt niet zoals verwacht. Er is niets gewijzigd; \
                 probeer het opnieuw of gebruik een actuele browser.",
            ),
            VaultError::Unavailable => f.write_str(
                "De browser staat lokale opslag niet toe (bijvoorbeeld in een privévenster of \
                 door een instelling). De kluis kan niet worden gebruikt.",
            ),
        }
    }
}

impl std::error::Error for VaultError {}

// ---------------------------------------------------------------------------------------------
// Storage.

fn parse_stored_meta(text: &str) -> Result<(Meta, [u8; SALT_LEN]), VaultError> {
    vaultfile::parse_meta(text).map_err(|e| match e {
        MetaError::Newer => VaultError::NewerVersion,
        MetaError::Damaged => VaultError::CorruptRecord(META_NAME.to_owned()),
    })
}

fn record_key(name: &str) -> String {
    format!("{KEY_PREFIX}{name}")
}

fn storage() -> Result<Storage, VaultError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(VaultError::Unavailable)
}

fn get(s: &Storage, key: &str) -> Result<Option<String>, VaultError> {
    s.get_item(key).map_err(|_| VaultError::Unavailable)
}

/// `setItem` replaces the value atomically: when it throws, the previous value is still there.
fn set(s: &Storage, key: &str, value: &str) -> Result<(), VaultError> {
    s.set_item(key, value).map_err(|e| {
        let quota = e.dyn_ref::<DomException>().is_some_and(|ex| {
            // Firefox used its own name before adopting the standard one.
            matches!(
                ex.name().as_str(),
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
            )
        });
        if quota {
            VaultError::StorageFull
        } else {
            VaultError::Unavailable
        }
    })
}

fn remove(s: &Storage, key: &str) -> Result<(), VaultError> {
    s.remove_item(key).map_err(|_| VaultError::Unavailable)
}

/// All keys starting with `prefix`, collected first because removing shifts the indices.
fn keys_with(s: &Storage, prefix: &str) -> Result<Vec<String>, VaultError> {
    let n = s.length().map_err(|_| VaultError::Unavailable)?;
    let mut keys = Vec::new();
    for i in 0..n {
        if let Some(k) = s.key(i).map_err(|_| VaultError::Unavailable)?
            && k.starts_with(prefix)
        {
            keys.push(k);
        }
    }
    Ok(keys)
}

fn record_names(s: &Storage) -> Result<Vec<String>, VaultError> {
    let mut names: Vec<String> = keys_with(s, KEY_PREFIX)?
        .into_iter()
        .filter_map(|k| k.strip_prefix(KEY_PREFIX).map(str::to_owned))
        .filter(|name| valid_record_name(name))
        .collect();
    names.sort();
    Ok(names)
}

// ---------------------------------------------------------------------------------------------
// WebCrypto.

fn crypto() -> Result<web_sys::Crypto, VaultError> {
    web_sys::window()
        .ok_or(VaultError::Unavailable)?
        .crypto()
        .map_err(|_| VaultError::Crypto)
}

fn subtle() -> Result<SubtleCrypto, VaultError> {
    Ok(crypto()?.subtle())
}

fn random<const N: usize>() -> Result<[u8; N], VaultError> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| VaultError::Crypto)?;
    Ok(bytes)
}

async fn resolve(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// PBKDF2-SHA-256 → non-extractable AES-256-GCM key. The slow part of unlocking.
async fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, VaultError> {
    let subtle = subtle()?;
    let normalized: String = JsString::from(passphrase).normalize("NFC").into();
    let mut utf8 = normalized.into_bytes();
    let raw = Uint8Array::from(utf8.as_slice());
    utf8.fill(0);
    let imported = subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    );
    // importKey has copied the bytes before returning; clear our JS-side copy right away.
    raw.fill(0, 0, raw.length());
    let base: CryptoKey = resolve(imported)
        .await
        .ok()
        .and_then(|k| k.dyn_into().ok())
        .ok_or(VaultError::Crypto)?;
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let derived = subtle.derive_key_with_object_and_object(
        &params,
        &base,
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &Array::of2(&"encrypt".into(), &"decrypt".into()),
    );
    resolve(derived)
        .await
        .ok()
        .and_then(|k| k.dyn_into().ok())
        .ok_or(VaultError::Crypto)
}

async fn seal(key: &CryptoKey, ad: &[u8], plaintext: &[u8]) -> Result<Sealed, VaultError> {
    let nonce: [u8; NONCE_LEN] = random()?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&nonce[..]));
    params.set_additional_data(&Uint8Array::from(ad));
    let data = Uint8Array::from(plaintext);
    let encrypted = subtle()?.encrypt_with_object_and_js_u8_array(&params, key, &data);
    // encrypt has copied its input; do not leave a plaintext copy on the JS heap.
    data.fill(0, 0, data.length());
    let buffer = resolve(encrypted).await.map_err(|_| VaultError::Crypto)?;
    let ciphertext = Uint8Array::new(&buffer).to_vec();
    Ok(Sealed::from_bytes(&nonce, &ciphertext))
}

enum OpenError {
    /// Malformed, tampered with, or sealed under another key or name.
    Rejected,
    Crypto,
}

async fn open(key: &CryptoKey, ad: &[u8], sealed: &Sealed) -> Result<Vec<u8>, OpenError> {
    let (nonce, ciphertext) = sealed.bytes().ok_or(OpenError::Rejected)?;
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&nonce[..]));
    params.set_additional_data(&Uint8Array::from(ad));
    let subtle = subtle().map_err(|_| OpenError::Crypto)?;
    let decrypted = subtle.decrypt_with_object_and_js_u8_array(
        &params,
        key,
        &Uint8Array::from(ciphertext.as_slice()),
    );
    match resolve(decrypted).await {
        Ok(buffer) => Ok(Uint8Array::new(&buffer).to_vec()),
        Err(e) => match e.dyn_ref::<DomException>() {
            // The one error AES-GCM gives for a failed authentication tag.
            Some(ex) if ex.name() == "OperationError" => Err(OpenError::Rejected),
            _ => Err(OpenError::Crypto),
        },
    }
}

/// Whether `key` opens the check. `Ok(false)` means a wrong passphrase or a damaged check.
async fn check_opens(key: &CryptoKey, check: &Sealed) -> Result<bool, VaultError> {
    match open(key, CHECK_AD, check).await {
        Ok(plain) => Ok(plain == CHECK_PLAINTEXT),
        Err(OpenError::Rejected) => Ok(false),
        Err(OpenError::Crypto) => Err(VaultError::Crypto),
    }
}

/// Whether any record opens under `key`, which proves the passphrase right even when the check
/// is damaged: one flipped byte in the meta must not lock the coordinator out of intact records.
async fn any_record_opens<'a>(
    key: &CryptoKey,
    records: impl IntoIterator<Item = (&'a str, &'a Sealed)>,
) -> Result<bool, VaultError> {
    for (name, sealed) in records {
        match open(key, name.as_bytes(), sealed).await {
            Ok(_) => return Ok(true),
            Err(OpenError::Rejected) => {}
            Err(OpenError::Crypto) => return Err(VaultError::Crypto),
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------------------------------------
// Public API.

/// An unlocked vault: the derived key and the parameters it was derived with. Cloning shares
/// the same non-extractable `CryptoKey`; dropping every clone is how the app locks.
#[derive(Clone)]
pub struct Vault {
    key: CryptoKey,
    salt: [u8; SALT_LEN],
    iterations: u32,
    /// Per record, the number of the latest save started through this vault or a clone.
    /// Saves of one record may finish out of order (each waits for its own WebCrypto promise);
    /// an older one must not overwrite a newer one that started after it.
    saves: Rc<RefCell<BTreeMap<String, u64>>>,
}

impl PartialEq for Vault {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.salt == other.salt
    }
}

impl Vault {
    fn new(key: CryptoKey, salt: [u8; SALT_LEN], iterations: u32) -> Vault {
        Vault {
            key,
            salt,
            iterations,
            saves: Rc::default(),
        }
    }
}

impl fmt::Debug for Vault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vault")
            .field("iterations", &self.iterations)
            .finish_non_exhaustive()
    }
}

/// Whether a vault is stored in this browser.
pub fn state() -> VaultState {
    match storage().and_then(|s| get(&s, META_KEY)) {
        Ok(Some(_)) => VaultState::Locked,
        _ => VaultState::Absent,
    }
}

/// Creates a new, empty vault. Refuses when one exists or the passphrase is too weak
/// (see [`passphrase_strength`]).
pub async fn create(passphrase: &str) -> Result<Vault, VaultError> {
    let s = storage()?;
    if get(&s, META_KEY)?.is_some() {
        return Err(VaultError::AlreadyExists);
    }
    if !passphrase_strength(passphrase).acceptable {
        return Err(VaultError::TooWeak);
    }
    let salt: [u8; SALT_LEN] = random()?;
    let key = derive(passphrase, &salt, ITERATIONS).await?;
    let check = seal(&key, CHECK_AD, CHECK_PLAINTEXT).await?;
    // Derivation takes a while; another tab may have created a vault in the meantime.
    if get(&s, META_KEY)?.is_some() {
        return Err(VaultError::AlreadyExists);
    }
    // Records without a meta (an interrupted import) would show up as damaged in the new vault.
    for k in keys_with(&s, KEY_PREFIX)? {
        remove(&s, &k)?;
    }
    let meta = Meta::new(&salt, check);
    set(&s, META_KEY, &to_json(&meta)?)?;
    Ok(Vault::new(key, salt, ITERATIONS))
}

/// Opens the stored vault. A wrong passphrase changes nothing in storage.
pub async fn unlock(passphrase: &str) -> Result<Vault, VaultError> {
    let s = storage()?;
    let text = get(&s, META_KEY)?.ok_or(VaultError::Absent)?;
    let (mut meta, salt) = parse_stored_meta(&text)?;
    let key = derive(passphrase, &salt, meta.kdf.iterations).await?;
    if !check_opens(&key, &meta.check).await? {
        let records = stored_records(&s)?;
        if !any_record_opens(&key, records.iter().map(|(n, r)| (n.as_str(), r))).await? {
            return Err(VaultError::WrongPassphrase);
        }
        // The passphrase is proven right, so rewriting the check is safe; should that fail,
        // the vault opens the same way next time.
        meta.check = seal(&key, CHECK_AD, CHECK_PLAINTEXT).await?;
        if get(&s, META_KEY)?.as_deref() == Some(text.as_str()) {
            let _ = set(&s, META_KEY, &to_json(&meta)?);
        }
    }
    Ok(Vault::new(key, salt, meta.kdf.iterations))
}

/// Every stored record entry that at least has the right shape.
fn stored_records(s: &Storage) -> Result<Vec<(String, Sealed)>, VaultError> {
    let mut out = Vec::new();
    for name in record_names(s)? {
        if let Some(text) = get(s, &record_key(&name))?
            && let Some(sealed) = Sealed::parse(&text)
        {
            out.push((name, sealed));
        }
    }
    Ok(out)
}

fn to_json<T: Serialize>(value: &T) -> Result<String, VaultError> {
    // Serialising these plain structs cannot fail; the mapping only avoids a panic path.
    serde_json::to_string(value).map_err(|_| VaultError::Crypto)
}

impl Vault {
    /// PBKDF2 iterations of this vault's key.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The stored meta, provided it still belongs to this vault.
    fn current_meta(&self, s: &Storage) -> Result<Meta, VaultError> {
        let text = get(s, META_KEY)?.ok_or(VaultError::Replaced)?;
        let (meta, salt) = parse_stored_meta(&text)?;
        if salt == self.salt {
            Ok(meta)
        } else {
            Err(VaultError::Replaced)
        }
    }

    /// Encrypts and stores one record. The previous value stays in place until the new one is
    /// stored: no temporary copy is written first, because that would need room for both
    /// copies, and `setItem` on the same key already keeps the old value when it fails. A full
    /// storage gives [`VaultError::StorageFull`] with the last good save intact. When a later
    /// save of the same record (through this vault or a clone) starts before this one has
    /// written, this one returns `Ok` without writing: its data is superseded.
    pub async fn save(&self, record: &str, plaintext: &[u8]) -> Result<(), VaultError> {
        if !valid_record_name(record) {
            return Err(VaultError::InvalidRecordName);
        }
        let s = storage()?;
        let ticket = {
            let mut saves = self.saves.borrow_mut();
            let latest = saves.entry(record.to_owned()).or_insert(0);
            *latest += 1;
            *latest
        };
        let sealed = seal(&self.key, record.as_bytes(), plaintext).await?;
        if self.saves.borrow().get(record) != Some(&ticket) {
            // A later save of this record carries newer data and will write it.
            return Ok(());
        }
        // Checked after the await: the vault may have been wiped or replaced meanwhile, and a
        // record sealed under the old key would be unreadable in the new vault.
        self.current_meta(&s)?;
        set(&s, &record_key(record), &to_json(&sealed)?)
    }

    /// Reads and decrypts one record; `None` if it was never saved. A damaged record gives
    /// [`VaultError::CorruptRecord`] for that record only.
    pub async fn load(&self, record: &str) -> Result<Option<Vec<u8>>, VaultError> {
        if !valid_record_name(record) {
            return Err(VaultError::InvalidRecordName);
        }
        let s = storage()?;
        self.current_meta(&s)?;
        let Some(text) = get(&s, &record_key(record))? else {
            return Ok(None);
        };
        let corrupt = || VaultError::CorruptRecord(record.to_owned());
        let sealed = Sealed::parse(&text).ok_or_else(corrupt)?;
        match open(&self.key, record.as_bytes(), &sealed).await {
            Ok(plain) => Ok(Some(plain)),
            Err(OpenError::Rejected) => Err(corrupt()),
            Err(OpenError::Crypto) => Err(VaultError::Crypto),
        }
    }

    /// Names of the stored records, sorted.
    pub fn records() -> Vec<String> {
        storage().and_then(|s| record_names(&s)).unwrap_or_default()
    }

    /// The whole vault as one JSON text: the meta and every record, still encrypted, so the
    /// file is as safe as the passphrase. A record whose entry has lost even its shape cannot
    /// be restored by anyone and is left out; a record with a damaged ciphertext is kept as it
    /// is (it stays damaged after an import, the others stay readable).
    pub async fn export_backup(&self) -> Result<String, VaultError> {
        let s = storage()?;
        let meta = self.current_meta(&s)?;
        let backup = Backup::new(meta, stored_records(&s)?.into_iter().collect());
        to_json(&backup)
    }
}

/// Restores a backup made by [`Vault::export_backup`], replacing the stored vault. The file's
/// format, version and structure and the passphrase are all checked before storage is touched;
/// if storage fills up halfway, the previous vault is put back.
pub async fn import_backup(file: &[u8], passphrase: &str) -> Result<Vault, VaultError> {
    let s = storage()?;
    let (mut backup, salt) =
        vaultfile::parse_backup(file).map_err(|e| VaultError::BackupInvalid(e.0))?;
    let key = derive(passphrase, &salt, backup.meta.kdf.iterations).await?;
    if !check_opens(&key, &backup.meta.check).await? {
        let records = backup.records.iter().map(|(n, r)| (n.as_str(), r));
        if !any_record_opens(&key, records).await? {
            return Err(VaultError::WrongPassphrase);
        }
        backup.meta.check = seal(&key, CHECK_AD, CHECK_PLAINTEXT).await?;
    }
    replace_stored(&s, &backup)?;
    Ok(Vault::new(key, salt, backup.meta.kdf.iterations))
}

/// Swaps the stored vault for `backup`; on any failure the old keys are restored.
fn replace_stored(s: &Storage, backup: &Backup) -> Result<(), VaultError> {
    let meta_json = to_json(&backup.meta)?;
    let mut entries = Vec::with_capacity(backup.records.len() + 1);
    for (name, sealed) in &backup.records {
        entries.push((record_key(name), to_json(sealed)?));
    }
    // Meta last: an interruption leaves no meta, which `create` cleans up, rather than a meta
    // that pretends records are there.
    entries.push((META_KEY.to_owned(), meta_json));

    let mut old = Vec::new();
    for k in keys_with(s, KEY_PREFIX)? {
        if let Some(v) = get(s, &k)? {
            old.push((k, v));
        }
    }
    // The old vault's room is needed for the new one.
    for (k, _) in &old {
        remove(s, k)?;
    }
    let mut failure = None;
    for (k, v) in &entries {
        if let Err(e) = set(s, k, v) {
            failure = Some(e);
            break;
        }
    }
    let Some(error) = failure else {
        return Ok(());
    };
    for (k, _) in &entries {
        let _ = s.remove_item(k);
    }
    for (k, v) in &old {
        // It fitted before and the partial import is gone again, so this fits.
        let _ = s.set_item(k, v);
    }
    Err(error)
}

/// Removes every key of the app (`woonkans.*`), the vault and anything else it stored.
pub fn wipe() {
    if let Ok(s) = storage()
        && let Ok(keys) = keys_with(&s, APP_PREFIX)
    {
        for k in keys {
            let _ = s.remove_item(&k);
        }
    }
}
