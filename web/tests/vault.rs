#![cfg(target_arch = "wasm32")]
//! The encrypted local vault in a real browser (WebCrypto + localStorage). Every test starts
//! from an empty localStorage because all tests share one page. Each PBKDF2 derivation costs
//! 600,000 iterations, so tests keep their number of create/unlock/import calls small.

use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Storage;
use woonkans_core::base64;
use woonkans_web::vault::{self, Strength, Vault, VaultError, VaultState, passphrase_strength};

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "paarse olifant fietst door Venlo";
const OTHER: &str = "groene kikker zwemt in de Maas";

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn reset() {
    storage().clear().unwrap();
}

/// Every `woonkans.*` key with its value: the whole vault as stored.
fn snapshot() -> BTreeMap<String, String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with("woonkans."))
        .map(|k| {
            let v = s.get_item(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

fn json(key: &str) -> serde_json::Value {
    serde_json::from_str(&storage().get_item(key).unwrap().unwrap()).unwrap()
}

/// Flips one bit in the first byte of the base64 field at `pointer` of the JSON under `key`.
fn flip_byte(key: &str, pointer: &str) {
    let mut value = json(key);
    let field = value.pointer_mut(pointer).unwrap();
    let mut bytes = base64::decode(field.as_str().unwrap()).unwrap();
    bytes[0] ^= 0x01;
    *field = serde_json::Value::String(base64::encode(&bytes));
    storage().set_item(key, &value.to_string()).unwrap();
}

async fn fresh_vault() -> Vault {
    reset();
    vault::create(PASS).await.unwrap()
}

#[wasm_bindgen_test]
async fn create_save_unlock_load_round_trip() {
    reset();
    assert_eq!(vault::state(), VaultState::Absent);
    // NFC "é" at creation, NFD ("e" + combining acute) at unlock: both must open the vault.
    let nfc = "café aan de Maas in Roermond";
    let nfd = "cafe\u{301} aan de Maas in Roermond";
    let v = vault::create(nfc).await.unwrap();
    assert_eq!(vault::state(), VaultState::Locked);
    assert_eq!(v.iterations(), 600_000);

    let dossiers = "Jansen, geboren 01-02-1990, BSN 111222333".as_bytes();
    v.save("dossiers", dossiers).await.unwrap();
    v.save("settings", b"{}").await.unwrap();
    v.save("empty", b"").await.unwrap();
    assert_eq!(Vault::records(), ["dossiers", "empty", "settings"]);

    // At rest nothing is readable: no plaintext, and the meta carries only KDF parameters.
    for (key, value) in snapshot() {
        assert!(
            !value.contains("Jansen") && !value.contains("111222333"),
            "{key}"
        );
    }
    let meta = json("woonkans.v1.meta");
    assert_eq!(meta["format"], "woonkans-kluis");
    assert_eq!(meta["version"], 1);
    assert_eq!(meta["kdf"]["name"], "PBKDF2-SHA-256");
    assert_eq!(meta["kdf"]["iterations"], 600_000);
    assert_eq!(
        base64::decode(meta["kdf"]["salt"].as_str().unwrap())
            .unwrap()
            .len(),
        16
    );
    let record = json("woonkans.v1.dossiers");
    assert_eq!(
        base64::decode(record["nonce"].as_str().unwrap())
            .unwrap()
            .len(),
        12
    );

    // A fresh nonce per write: the same plaintext saved twice is stored differently.
    v.save("settings", b"{}").await.unwrap();
    let first = json("woonkans.v1.settings");
    v.save("settings", b"{}").await.unwrap();
    let second = json("woonkans.v1.settings");
    assert_ne!(first["nonce"], second["nonce"]);
    assert_ne!(first["ciphertext"], second["ciphertext"]);

    drop(v);
    let started = js_sys::Date::now();
    let v = vault::unlock(nfd).await.unwrap();
    let elapsed = js_sys::Date::now() - started;
    console_log!(
        "one unlock (PBKDF2-SHA-256, 600000 iterations, + one AES-GCM check): {elapsed} ms"
    );

    assert_eq!(v.load("dossiers").await.unwrap().as_deref(), Some(dossiers));
    assert_eq!(
        v.load("settings").await.unwrap().as_deref(),
        Some(&b"{}"[..])
    );
    assert_eq!(v.load("empty").await.unwrap().as_deref(), Some(&b""[..]));
    assert_eq!(v.load("offer").await.unwrap(), None);

    // A clone is the same vault (the app hands it to several components).
    let clone = v.clone();
    assert_eq!(clone, v);
    clone.save("log", b"[]").await.unwrap();
    assert_eq!(v.load("log").await.unwrap().as_deref(), Some(&b"[]"[..]));

    // Record names are app constants; anything else is refused, including the reserved "meta".
    for bad in ["", "meta", "Dossiers", "a.b", "../x", &"x".repeat(65)] {
        assert_eq!(
            v.save(bad, b"x").await,
            Err(VaultError::InvalidRecordName),
            "{bad:?}"
        );
        assert_eq!(
            v.load(bad).await,
            Err(VaultError::InvalidRecordName),
            "{bad:?}"
        );
    }
    // Debug output names no secret.
    assert!(!format!("{v:?}").contains("key"));
}

#[wasm_bindgen_test]
async fn wrong_passphrase_changes_nothing_and_a_damaged_check_heals() {
    let v = fresh_vault().await;
    v.save("dossiers", b"dossiers v1").await.unwrap();
    v.save("key", b"sleutel").await.unwrap();
    drop(v);

    let before = snapshot();
    let err = vault::unlock(OTHER).await.unwrap_err();
    assert_eq!(err, VaultError::WrongPassphrase);
    assert_eq!(
        err.to_string(),
        "Het wachtwoord klopt niet. Er is niets gewijzigd."
    );
    assert_eq!(snapshot(), before);
    // An empty passphrase is just wrong, not a WebCrypto failure.
    assert_eq!(
        vault::unlock("").await.unwrap_err(),
        VaultError::WrongPassphrase
    );
    assert_eq!(snapshot(), before);

    // A flipped byte in the check must not lock the coordinator out of intact records: the
    // right passphrase still opens (a record vouches for it) and the check is rewritten; a
    // wrong one is still refused without touching anything.
    flip_byte("woonkans.v1.meta", "/check/ciphertext");
    let damaged = snapshot();
    assert_eq!(
        vault::unlock(OTHER).await.unwrap_err(),
        VaultError::WrongPassphrase
    );
    assert_eq!(snapshot(), damaged);
    let v = vault::unlock(PASS).await.unwrap();
    assert_eq!(
        v.load("key").await.unwrap().as_deref(),
        Some(&b"sleutel"[..])
    );
    assert_ne!(snapshot()["woonkans.v1.meta"], damaged["woonkans.v1.meta"]);
    // With no record left to vouch, only a repaired check can let the passphrase in.
    let s = storage();
    s.remove_item("woonkans.v1.dossiers").unwrap();
    s.remove_item("woonkans.v1.key").unwrap();
    vault::unlock(PASS).await.unwrap();

    // The iteration count is part of the derivation: one more gives another key.
    let mut meta = json("woonkans.v1.meta");
    meta["kdf"]["iterations"] = 600_001.into();
    s.set_item("woonkans.v1.meta", &meta.to_string()).unwrap();
    assert_eq!(
        vault::unlock(PASS).await.unwrap_err(),
        VaultError::WrongPassphrase
    );

    // A meta that is not even JSON is reported as damage, not as a wrong passphrase.
    s.set_item("woonkans.v1.meta", "{kapot").unwrap();
    assert_eq!(
        vault::unlock(PASS).await.unwrap_err(),
        VaultError::CorruptRecord("meta".into())
    );
}

#[wasm_bindgen_test]
async fn a_damaged_record_fails_alone_and_the_backup_still_imports() {
    let v = fresh_vault().await;
    v.save("dossiers", b"alle dossiers").await.unwrap();
    v.save("log", b"verwerkingslog").await.unwrap();
    v.save("offer", b"aanbod").await.unwrap();
    v.save("settings", b"instellingen").await.unwrap();

    flip_byte("woonkans.v1.log", "/ciphertext");
    let err = v.load("log").await.unwrap_err();
    assert_eq!(err, VaultError::CorruptRecord("log".into()));
    assert!(
        err.to_string()
            .starts_with("Een deel van de kluis is beschadigd (verwerkingslog).")
    );
    assert_eq!(
        v.load("dossiers").await.unwrap().as_deref(),
        Some(&b"alle dossiers"[..])
    );
    assert_eq!(
        v.load("offer").await.unwrap().as_deref(),
        Some(&b"aanbod"[..])
    );

    // Records cannot be swapped: "offer" moved under the name "settings" does not open.
    let offer = storage().get_item("woonkans.v1.offer").unwrap().unwrap();
    storage().set_item("woonkans.v1.settings", &offer).unwrap();
    assert_eq!(
        v.load("settings").await.unwrap_err(),
        VaultError::CorruptRecord("settings".into())
    );
    // An entry that lost its JSON shape is damage of that record too.
    v.save("key", b"sleutel").await.unwrap();
    storage()
        .set_item("woonkans.v1.key", "niet eens json")
        .unwrap();
    assert_eq!(
        v.load("key").await.unwrap_err(),
        VaultError::CorruptRecord("key".into())
    );

    let backup = v.export_backup().await.unwrap();
    vault::wipe();
    let v = vault::import_backup(backup.as_bytes(), PASS).await.unwrap();
    assert_eq!(
        v.load("dossiers").await.unwrap().as_deref(),
        Some(&b"alle dossiers"[..])
    );
    assert_eq!(
        v.load("offer").await.unwrap().as_deref(),
        Some(&b"aanbod"[..])
    );
    assert_eq!(
        v.load("log").await.unwrap_err(),
        VaultError::CorruptRecord("log".into())
    );
    // The shapeless entry could not be carried over; the damaged ciphertexts could.
    assert_eq!(Vault::records(), ["dossiers", "log", "offer", "settings"]);
}

/// Runs a save on its own task, as the app's autosave does with `spawn_local`.
fn spawn_save(v: &Vault, record: &'static str, data: Vec<u8>) -> js_sys::Promise {
    let v = v.clone();
    wasm_bindgen_futures::future_to_promise(async move {
        v.save(record, &data)
            .await
            .map(|()| JsValue::NULL)
            .map_err(|e| JsValue::from_str(&e.to_string()))
    })
}

/// Fills localStorage with junk until not even 1 KiB more fits; returns the junk keys.
fn fill_storage() -> Vec<String> {
    let s = storage();
    let mut keys = Vec::new();
    let mut chunk = 1 << 20;
    while chunk >= 1024 {
        let key = format!("junk.{}", keys.len());
        match s.set_item(&key, &"x".repeat(chunk)) {
            Ok(()) => keys.push(key),
            Err(e) => {
                let name = e.dyn_into::<web_sys::DomException>().unwrap().name();
                assert_eq!(name, "QuotaExceededError");
                chunk /= 2;
            }
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_the_last_good_save() {
    let v = fresh_vault().await;
    v.save("dossiers", b"laatste goede opslag").await.unwrap();
    let junk = fill_storage();
    assert!(!junk.is_empty());

    let large = vec![7u8; 256 * 1024];
    let err = v.save("dossiers", &large).await.unwrap_err();
    assert_eq!(err, VaultError::StorageFull);
    assert!(
        err.to_string()
            .contains("De laatste goede opslag is bewaard")
    );
    assert_eq!(
        v.load("dossiers").await.unwrap().as_deref(),
        Some(&b"laatste goede opslag"[..])
    );
    // A new record that does not fit leaves no trace either.
    assert_eq!(v.save("offer", &large).await, Err(VaultError::StorageFull));
    assert_eq!(v.load("offer").await.unwrap(), None);

    // An import that does not fit puts the previous vault back.
    let before = snapshot();
    let mut big_backup: serde_json::Value =
        serde_json::from_str(&v.export_backup().await.unwrap()).unwrap();
    let big_sealed = serde_json::json!({
        "nonce": base64::encode(&[0u8; 12]),
        "ciphertext": base64::encode(&vec![1u8; 512 * 1024]),
    });
    big_backup["records"]["offer"] = big_sealed;
    assert_eq!(
        vault::import_backup(big_backup.to_string().as_bytes(), PASS)
            .await
            .unwrap_err(),
        VaultError::StorageFull
    );
    assert_eq!(snapshot(), before);

    for key in junk {
        storage().remove_item(&key).unwrap();
    }
    // With room again the same save succeeds: it really was the quota.
    v.save("dossiers", &large).await.unwrap();
    assert_eq!(v.load("dossiers").await.unwrap(), Some(large));
}

#[wasm_bindgen_test]
async fn a_save_superseded_by_a_newer_one_does_not_write() {
    // Saves of one record may finish out of order; the older one must then not overwrite the
    // newer. Observable without depending on the browser's ordering: the older save here could
    // not even be written (storage is full), yet it succeeds, because it never writes.
    let v = fresh_vault().await;
    v.save("dossiers", b"oud").await.unwrap();
    let junk = fill_storage();
    let older = spawn_save(&v, "dossiers", vec![1u8; 256 * 1024]);
    let newer = spawn_save(&v, "dossiers", b"nieuwste".to_vec());
    assert_eq!(JsFuture::from(older).await, Ok(JsValue::NULL));
    assert_eq!(JsFuture::from(newer).await, Ok(JsValue::NULL));
    assert_eq!(
        v.load("dossiers").await.unwrap().as_deref(),
        Some(&b"nieuwste"[..])
    );
    // Saves of different records do not supersede each other.
    let offer = spawn_save(&v, "offer", vec![1u8; 256 * 1024]);
    let log = spawn_save(&v, "log", b"[]".to_vec());
    assert!(JsFuture::from(offer).await.is_err());
    assert_eq!(JsFuture::from(log).await, Ok(JsValue::NULL));
    for key in junk {
        storage().remove_item(&key).unwrap();
    }
}

#[wasm_bindgen_test]
async fn backup_round_trip_replaces_the_stored_vault() {
    let a = fresh_vault().await;
    a.save("dossiers", b"dossiers van A").await.unwrap();
    a.save("key", b"sleutel van A").await.unwrap();
    let backup = a.export_backup().await.unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&backup).unwrap();
    assert_eq!(parsed["format"], "woonkans-kluis-backup");
    assert_eq!(parsed["version"], 1);
    assert!(!backup.contains("dossiers van A"));

    // Another vault now lives in this browser; importing A's backup replaces it.
    vault::wipe();
    let b = vault::create(OTHER).await.unwrap();
    b.save("dossiers", b"dossiers van B").await.unwrap();
    b.save("offer", b"aanbod van B").await.unwrap();

    let restored = vault::import_backup(backup.as_bytes(), PASS).await.unwrap();
    assert_eq!(Vault::records(), ["dossiers", "key"]);
    assert_eq!(
        restored.load("dossiers").await.unwrap().as_deref(),
        Some(&b"dossiers van A"[..])
    );
    assert_eq!(
        restored.load("key").await.unwrap().as_deref(),
        Some(&b"sleutel van A"[..])
    );
    assert_eq!(restored.export_backup().await.unwrap(), backup);

    // B's handle must not write into A's vault, where its records would be unreadable.
    assert_eq!(b.save("dossiers", b"x").await, Err(VaultError::Replaced));
    assert_eq!(b.load("dossiers").await, Err(VaultError::Replaced));
    assert_eq!(
        restored.load("dossiers").await.unwrap().as_deref(),
        Some(&b"dossiers van A"[..])
    );
    // A handle of a wiped vault cannot resurrect it.
    vault::wipe();
    assert_eq!(
        restored.save("dossiers", b"x").await,
        Err(VaultError::Replaced)
    );
    assert!(snapshot().is_empty());
}

#[wasm_bindgen_test]
async fn bad_backups_are_refused_before_anything_is_touched() {
    let v = fresh_vault().await;
    v.save("dossiers", b"bestaande dossiers").await.unwrap();
    let backup = v.export_backup().await.unwrap();
    let good: serde_json::Value = serde_json::from_str(&backup).unwrap();
    let before = snapshot();

    let mut newer = good.clone();
    newer["version"] = 2.into();
    let mut newer_meta = good.clone();
    newer_meta["meta"]["version"] = 2.into();
    let mut other_format = good.clone();
    other_format["format"] = "iets-anders".into();
    let mut weak_kdf = good.clone();
    weak_kdf["meta"]["kdf"]["iterations"] = 1000.into();
    let mut short_salt = good.clone();
    short_salt["meta"]["kdf"]["salt"] = base64::encode(&[1u8; 8]).into();
    let mut bad_base64 = good.clone();
    bad_base64["records"]["dossiers"]["ciphertext"] = "niet base64!".into();
    let mut bad_name = good.clone();
    bad_name["records"]["../meta"] = good["records"]["dossiers"].clone();
    let mut no_records = good.clone();
    no_records.as_object_mut().unwrap().remove("records");

    let cases = [
        ("garbage", "dit is geen back-up".to_owned()),
        ("empty", String::new()),
        (
            "stored meta instead of a backup",
            storage().get_item("woonkans.v1.meta").unwrap().unwrap(),
        ),
        ("newer backup", newer.to_string()),
        ("newer meta", newer_meta.to_string()),
        ("other format", other_format.to_string()),
        ("weak kdf", weak_kdf.to_string()),
        ("short salt", short_salt.to_string()),
        ("bad base64", bad_base64.to_string()),
        ("bad record name", bad_name.to_string()),
        ("no records", no_records.to_string()),
    ];
    for (what, text) in &cases {
        match vault::import_backup(text.as_bytes(), PASS).await {
            Err(VaultError::BackupInvalid(reason)) => {
                let message = VaultError::BackupInvalid(reason).to_string();
                assert!(
                    message.ends_with("Er is niets gewijzigd."),
                    "{what}: {message}"
                );
            }
            other => panic!("{what}: {other:?}"),
        }
        assert_eq!(snapshot(), before, "{what}");
    }
    let newer_message = vault::import_backup(newer.to_string().as_bytes(), PASS)
        .await
        .unwrap_err();
    assert!(newer_message.to_string().contains("nieuwere versie"));

    // Well-formed but the wrong passphrase: refused after one derivation, still untouched.
    assert_eq!(
        vault::import_backup(backup.as_bytes(), OTHER)
            .await
            .unwrap_err(),
        VaultError::WrongPassphrase
    );
    assert_eq!(snapshot(), before);
}

#[wasm_bindgen_test]
async fn wipe_removes_every_app_key_and_nothing_else() {
    let v = fresh_vault().await;
    v.save("dossiers", b"x").await.unwrap();
    let s = storage();
    s.set_item("woonkans.ui.region", "venlo").unwrap();
    s.set_item("woonkans.v0.oud", "oud").unwrap();
    s.set_item("ander-programma", "blijft").unwrap();

    vault::wipe();
    assert!(snapshot().is_empty());
    assert_eq!(
        s.get_item("ander-programma").unwrap().as_deref(),
        Some("blijft")
    );
    assert_eq!(vault::state(), VaultState::Absent);
    assert!(Vault::records().is_empty());
    assert_eq!(vault::unlock(PASS).await.unwrap_err(), VaultError::Absent);
    assert_eq!(v.load("dossiers").await, Err(VaultError::Replaced));
    s.remove_item("ander-programma").unwrap();
}

#[wasm_bindgen_test]
async fn create_refuses_an_existing_vault_and_a_weak_passphrase() {
    reset();
    assert_eq!(
        vault::create("kort").await.unwrap_err(),
        VaultError::TooWeak
    );
    assert_eq!(
        vault::create("wachtwoord12").await.unwrap_err(),
        VaultError::TooWeak
    );
    assert!(snapshot().is_empty());

    // Leftovers of an interrupted import (records without meta) do not leak into a new vault.
    storage().set_item("woonkans.v1.dossiers", "{}").unwrap();
    let v = vault::create(PASS).await.unwrap();
    assert!(Vault::records().is_empty());
    v.save("dossiers", b"eerste").await.unwrap();

    let before = snapshot();
    let err = vault::create(OTHER).await.unwrap_err();
    assert_eq!(err, VaultError::AlreadyExists);
    assert_eq!(snapshot(), before);
    assert_eq!(
        v.load("dossiers").await.unwrap().as_deref(),
        Some(&b"eerste"[..])
    );
}

#[wasm_bindgen_test]
fn error_messages_are_dutch_and_carry_no_input() {
    let all = [
        VaultError::WrongPassphrase,
        VaultError::StorageFull,
        VaultError::CorruptRecord("dossiers".into()),
        VaultError::BackupInvalid("het is geen back-up van Woonkans"),
        VaultError::AlreadyExists,
        VaultError::Absent,
        VaultError::Replaced,
        VaultError::NewerVersion,
        VaultError::TooWeak,
        VaultError::InvalidRecordName,
        VaultError::Crypto,
        VaultError::Unavailable,
    ];
    for e in &all {
        let text = e.to_string();
        assert!(text.ends_with('.'), "{text}");
        assert!(!text.contains(PASS));
    }
    assert_eq!(
        VaultError::StorageFull.to_string(),
        "De opslag van de browser is vol. De laatste goede opslag is bewaard; maak ruimte of maak \
         een back-up."
    );
    assert_eq!(
        VaultError::CorruptRecord("dossiers".into()).to_string(),
        "Een deel van de kluis is beschadigd (dossiers). De andere delen zijn intact; zet zo nodig \
         een back-up terug."
    );
}

#[wasm_bindgen_test]
fn passphrase_strength_rates_length_variety_and_known_words() {
    let s = |p: &str| passphrase_strength(p);
    let short: Strength = s("Kort!1");
    assert_eq!((short.score, short.acceptable), (0, false));
    assert!(short.hint.contains("minstens 12 tekens"));
    let eleven = s("Abcdefghij1");
    assert!(!eleven.acceptable && eleven.score <= 1);
    // Twelve characters count as characters, not bytes.
    assert!(!s("ééééééé").acceptable);
    assert!(s("zonnige dag!").acceptable);

    let common = s("wachtwoord12");
    assert_eq!((common.score, common.acceptable), (0, false));
    assert!(common.hint.contains("bekende woorden"));
    assert!(!s("aaaaaaaaaaaaaaaa").acceptable);
    assert!(!s("abababababababab").acceptable);
    assert!(!s("Welkom2026!!Welkom").acceptable);
    assert!(s("qwerty-azerty-123456").score <= 1);
    // A place name inside a long sentence costs only its own length.
    assert_eq!(s("paarse olifant fietst door Venlo").hint, "Sterk.");
    assert!(s("zomer123456789").score <= 1);

    assert_eq!(s("kopje thee graag").score, 3);
    assert_eq!(s("paarse olifant fietst door Venlo").score, 4);
    assert_eq!(s("Rivier7!maan").score, 3);
    assert_eq!(s("rivier maan").score, 1);
    // Scores only go up with length for the same kind of passphrase.
    let grow = [
        "boom",
        "boom vogel",
        "boom vogel bl",
        "boom vogel blad ",
        "boom vogel blad rots",
    ];
    let scores: Vec<u8> = grow.iter().map(|p| s(p).score).collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    assert_eq!(scores.last(), Some(&4));
    // The hint never echoes the passphrase.
    assert!(!s(PASS).hint.contains("olifant"));
}

/// The vault's own keys are stored encrypted in their own record and travel in the backup: a
/// restored vault signs and decrypts as the same organisation (same fingerprint), and neither
/// the stored record nor the backup file shows the secret key.
#[wasm_bindgen_test]
async fn the_keys_are_in_the_encrypted_backup_and_nowhere_in_the_clear() {
    use woonkans_core::date::Date;
    use woonkans_core::keys::{Identity, Role};
    use woonkans_web::session;
    reset();
    let mut open = session::create(PASS).await.unwrap();
    let random = [0x5au8; 64];
    open.ws
        .create_keys(
            Identity {
                role: Role::Woningcorporatie,
                organisation: "Woonbedrijf Maasdal".into(),
                organisation_id: "vb-maasdal".into(),
                region: None,
            },
            Date::new(2026, 12, 7).unwrap(),
            random,
        )
        .unwrap();
    let fingerprint = open.ws.parties().keys().unwrap().fingerprint();
    session::save(&open).await.unwrap();
    // The Ed25519 seed is the first 32 random bytes; the vault record keeps it in base64.
    let secret = base64::encode(&random[..32]);
    assert!(Vault::records().contains(&"parties".to_string()));
    let stored: String = snapshot().values().cloned().collect();
    assert!(
        !stored.contains(&secret),
        "the secret key is stored in the clear"
    );
    let backup = open.vault.export_backup().await.unwrap();
    assert!(!backup.contains(&secret), "the backup shows the secret key");

    vault::wipe();
    let restored = vault::import_backup(backup.as_bytes(), PASS).await.unwrap();
    let again = session::from_vault(restored).await.unwrap();
    assert!(again.damaged.is_empty());
    let keys = again.ws.parties().keys().expect("the keys came back");
    assert_eq!(keys.fingerprint(), fingerprint);
    assert_eq!(keys.identity.organisation_id, "vb-maasdal");
    reset();
}
