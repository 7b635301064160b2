//! A vault's own keys, its key card (sleutelkaart) and the contact book of other parties' cards.
//!
//! Each vault signs with Ed25519 (RFC 8032) and receives with X25519 (the HPKE KEM of
//! `envelope`). The core has no random source: the 64 secret bytes come from the caller (the
//! browser's crypto through getrandom) and are kept only inside the encrypted vault.
//!
//! A key card is public: role, organisation, region, both public keys and a fingerprint that two
//! people can read to each other over the phone. It is signed by its own signing key, so a card
//! whose keys were swapped or whose organisation was edited is refused.

use crate::base64;
use crate::bundle::canonical_json;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::region::Region;
use crate::vocab::Dutch;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use hpke::{Deserializable, Kem as _, Serializable};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use zeroize::Zeroize;

pub const CARD_FORMAT: &str = "woonkans-sleutelkaart";
pub const CARD_VERSION: u64 = 1;
/// A card is well under a kilobyte; anything much larger is another file.
pub const MAX_CARD_BYTES: usize = 64 * 1024;
const FINGERPRINT_DOMAIN: &[u8] = b"woonkans/sleutelkaart/v1\0";
const CARD_SIGNATURE_DOMAIN: &[u8] = b"woonkans/sleutelkaart-handtekening/v1\0";
/// Organisation names and ids are short; a long one is a pasted document.
const MAX_NAME_CHARS: usize = 120;

pub(crate) type Kem = hpke::kem::X25519HkdfSha256;

pub use crate::role::Role;

/// 160 bits of SHA-256 over both public keys: the name of a key pair. Written as eight groups
/// of four Crockford base32 symbols, which survive being read aloud (no I, L, O or U).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint([u8; 20]);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl Fingerprint {
    pub fn of(signing_key: &[u8; 32], encryption_key: &[u8; 32]) -> Fingerprint {
        let mut h = Sha256::new();
        h.update(FINGERPRINT_DOMAIN);
        h.update(signing_key);
        h.update(encryption_key);
        let digest = h.finalize();
        let mut out = [0u8; 20];
        out.copy_from_slice(&digest[..20]);
        Fingerprint(out)
    }

    /// Reads a fingerprint as a person might type it: any case, with or without dashes or
    /// spaces, and the Crockford look-alikes (O → 0, I and L → 1).
    pub fn parse(text: &str) -> Result<Fingerprint> {
        let bad = || {
            Error::new(
                "FINGERPRINT_INVALID",
                "Deze vingerafdruk klopt niet: verwacht zijn acht groepen van vier tekens.",
            )
        };
        let mut bits: u64 = 0;
        let mut nbits = 0;
        let mut out = Vec::with_capacity(20);
        let mut symbols = 0;
        for c in text.chars() {
            if c == '-' || c == ' ' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let v = CROCKFORD
                .iter()
                .position(|&s| s as char == c)
                .ok_or_else(bad)?;
            symbols += 1;
            bits = (bits << 5) | v as u64;
            nbits += 5;
            if nbits >= 8 {
                nbits -= 8;
                out.push((bits >> nbits) as u8);
                bits &= (1 << nbits) - 1;
            }
        }
        if symbols != 32 || out.len() != 20 {
            return Err(bad());
        }
        let mut fp = [0u8; 20];
        fp.copy_from_slice(&out);
        Ok(Fingerprint(fp))
    }

    pub fn bytes(&self) -> &[u8; 20] {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // 160 bits are exactly 32 symbols of 5 bits.
        let mut bits: u64 = 0;
        let mut nbits = 0;
        let mut n = 0;
        for &b in &self.0 {
            bits = (bits << 8) | u64::from(b);
            nbits += 8;
            while nbits >= 5 {
                nbits -= 5;
                if n > 0 && n % 4 == 0 {
                    f.write_str("-")?;
                }
                let v = ((bits >> nbits) & 31) as usize;
                write!(f, "{}", CROCKFORD[v] as char)?;
                n += 1;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

impl Serialize for Fingerprint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Fingerprint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // Stored and sent fingerprints are always in the canonical written form.
        let fp = Fingerprint::parse(&s).map_err(serde::de::Error::custom)?;
        if fp.to_string() != s {
            return Err(serde::de::Error::custom("fingerprint not canonical"));
        }
        Ok(fp)
    }
}

/// Who a vault says it is: on its key card and in its own keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Identity {
    pub role: Role,
    /// The organisation's name as people know it ("Wonen Limburg").
    pub organisation: String,
    /// A short stable id: for a housing association the id it has in the coordinator's offer.
    pub organisation_id: String,
    pub region: Option<Region>,
}

impl Identity {
    /// A role, a name and an id within reason: what a card may carry.
    pub fn check(&self) -> Result<()> {
        let name = self.organisation.trim();
        if name.is_empty() {
            return Err(
                Error::new("ORGANISATION_MISSING", "Vul de naam van uw organisatie in.")
                    .at("organisation"),
            );
        }
        if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
            return Err(Error::new(
                "ORGANISATION_INVALID",
                "De naam van de organisatie is te lang of bevat tekens die niet mogen.",
            )
            .at("organisation"));
        }
        let id = &self.organisation_id;
        if id.is_empty()
            || id.len() > MAX_NAME_CHARS
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(Error::new(
                "ORGANISATION_ID_INVALID",
                "De code van de organisatie mag alleen kleine letters, cijfers en streepjes bevatten.",
            )
            .at("organisationId"));
        }
        Ok(())
    }

    /// The id a name suggests: lower case, letters and digits, words joined by dashes.
    pub fn suggest_id(organisation: &str) -> String {
        let mut out = String::new();
        for c in crate::text::fold(organisation).chars() {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        out
    }
}

/// A vault's own secret keys. Kept only inside the encrypted vault; `Debug` shows no secret.
///
/// Its serde form (also the JS module's `OwnKeys`) is a plain JSON object holding both secret
/// keys in base64: whoever holds it can sign and open envelopes as this organisation.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OwnKeys {
    pub identity: Identity,
    pub created: Date,
    /// The Ed25519 secret key (RFC 8032 seed), base64.
    #[serde(with = "b64_32")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    signing_secret: [u8; 32],
    /// The X25519 secret key as the HPKE KEM serialises it, base64.
    #[serde(with = "b64_32")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    encryption_secret: [u8; 32],
}

impl Drop for OwnKeys {
    fn drop(&mut self) {
        self.signing_secret.zeroize();
        self.encryption_secret.zeroize();
    }
}

impl fmt::Debug for OwnKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OwnKeys")
            .field("identity", &self.identity)
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

impl OwnKeys {
    /// New keys from 64 random bytes: the first 32 are the Ed25519 seed, the last 32 the input
    /// keying material of the KEM's DeriveKeyPair (RFC 9180 §7.1.3).
    pub fn new(identity: Identity, created: Date, mut random: [u8; 64]) -> Result<OwnKeys> {
        identity.check()?;
        let mut signing_secret = [0u8; 32];
        signing_secret.copy_from_slice(&random[..32]);
        let (sk, _) = Kem::derive_keypair(&random[32..]);
        random.zeroize();
        let mut encryption_secret = [0u8; 32];
        encryption_secret.copy_from_slice(&sk.to_bytes());
        Ok(OwnKeys {
            identity,
            created,
            signing_secret,
            encryption_secret,
        })
    }

    /// Keys read back from outside the vault (a JS caller's copy of the serde form): an
    /// identity a card may carry and a usable encryption key, or `KEYS_DAMAGED`.
    pub fn check(&self) -> Result<()> {
        self.identity.check().map_err(|_| damaged_keys())?;
        self.encryption_secret().map(|_| ())
    }

    pub(crate) fn signing_key(&self) -> SigningKey {
        SigningKey::from_bytes(&self.signing_secret)
    }

    pub(crate) fn encryption_secret(&self) -> Result<<Kem as hpke::Kem>::PrivateKey> {
        <Kem as hpke::Kem>::PrivateKey::from_bytes(&self.encryption_secret)
            .map_err(|_| damaged_keys())
    }

    pub fn public_signing_key(&self) -> [u8; 32] {
        self.signing_key().verifying_key().to_bytes()
    }

    pub fn public_encryption_key(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        if let Ok(sk) = self.encryption_secret() {
            out.copy_from_slice(&Kem::sk_to_pk(&sk).to_bytes());
        }
        out
    }

    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(&self.public_signing_key(), &self.public_encryption_key())
    }

    /// The public card of these keys.
    pub fn card(&self) -> KeyCard {
        KeyCard {
            identity: self.identity.clone(),
            created: self.created,
            signing_key: self.public_signing_key(),
            encryption_key: self.public_encryption_key(),
        }
    }

    pub(crate) fn sign(&self, domain: &[u8], message: &[u8]) -> [u8; 64] {
        let mut signed = Vec::with_capacity(domain.len() + message.len());
        signed.extend_from_slice(domain);
        signed.extend_from_slice(message);
        self.signing_key().sign(&signed).to_bytes()
    }
}

fn damaged_keys() -> Error {
    Error::new(
        "KEYS_DAMAGED",
        "De sleutels in deze kluis zijn beschadigd. Maak nieuwe sleutels of zet een reservekopie terug.",
    )
}

/// The public half: what a key card file carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyCard {
    pub identity: Identity,
    pub created: Date,
    pub signing_key: [u8; 32],
    pub encryption_key: [u8; 32],
}

/// The card as a file: every field the fingerprint and the signature cover, written out.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CardFile {
    format: String,
    version: u64,
    role: Role,
    organisation: String,
    organisation_id: String,
    region: Option<Region>,
    created: Date,
    signing_key: String,
    encryption_key: String,
    fingerprint: String,
    signature: String,
}

/// What a card says about its holder, for a screen or another program: who, which key (its
/// fingerprint, to read back over the phone) and since when. No key bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct KeyCardInfo {
    pub identity: Identity,
    /// Eight groups of four Crockford base32 symbols: `XXXX-XXXX-…-XXXX`.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub fingerprint: Fingerprint,
    /// The day the keys were made.
    pub created: Date,
}

impl KeyCard {
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::of(&self.signing_key, &self.encryption_key)
    }

    pub fn info(&self) -> KeyCardInfo {
        KeyCardInfo {
            identity: self.identity.clone(),
            fingerprint: self.fingerprint(),
            created: self.created,
        }
    }

    fn unsigned_value(&self) -> serde_json::Value {
        serde_json::json!({
            "format": CARD_FORMAT,
            "version": CARD_VERSION,
            "role": self.identity.role,
            "organisation": self.identity.organisation,
            "organisationId": self.identity.organisation_id,
            "region": self.identity.region,
            "created": self.created,
            "signingKey": base64::encode(&self.signing_key),
            "encryptionKey": base64::encode(&self.encryption_key),
            "fingerprint": self.fingerprint().to_string(),
        })
    }

    /// The card file, signed by the keys it names. Pretty-printed: people open it to look.
    pub fn to_file(&self, keys: &OwnKeys) -> Result<String> {
        if keys.card() != *self {
            return Err(Error::new(
                "CARD_NOT_OWN",
                "Alleen de eigen sleutelkaart kan worden ondertekend.",
            ));
        }
        let mut value = self.unsigned_value();
        let signature = keys.sign(CARD_SIGNATURE_DOMAIN, &canonical_json(&value));
        value["signature"] = serde_json::Value::String(base64::encode(&signature));
        Ok(serde_json::to_string_pretty(&value).unwrap_or_default() + "\n")
    }

    /// The file name: role and organisation id only.
    pub fn file_name(&self) -> String {
        format!(
            "sleutelkaart-{}-{}.json",
            serde_json::to_value(self.identity.role)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            self.identity.organisation_id
        )
    }

    /// Reads a card file; every check before anything is kept. `expected_role`, when given,
    /// refuses a card of another role (a care provider's card where an association's is asked).
    pub fn parse(bytes: &[u8], expected_role: Option<Role>) -> Result<KeyCard> {
        let not_a_card = |why: &str| {
            Error::new(
                "CARD_INVALID",
                format!("Dit is geen geldige sleutelkaart van Woonkans: {why}"),
            )
        };
        if bytes.len() > MAX_CARD_BYTES {
            return Err(not_a_card("het bestand is veel te groot."));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| not_a_card("het is geen tekst."))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|_| not_a_card("het bestand is onvolledig of beschadigd."))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(CARD_FORMAT) => {}
            Some(crate::envelope::FORMAT) => {
                return Err(not_a_card(
                    "dit is een envelop. Open die bij ‘Envelop openen’.",
                ));
            }
            _ => return Err(not_a_card("het bestand heeft een ander formaat.")),
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(CARD_VERSION) => {}
            Some(v) if v > CARD_VERSION => {
                return Err(Error::new(
                    "CARD_VERSION_NEWER",
                    "Deze sleutelkaart is gemaakt met een nieuwere versie van Woonkans. Werk de app bij.",
                ));
            }
            _ => return Err(not_a_card("de versie ontbreekt of is onbekend.")),
        }
        let file: CardFile = serde_json::from_value(value)
            .map_err(|_| not_a_card("er ontbreekt een veld of er staat een onbekend veld in."))?;
        let key = |s: &str| -> Result<[u8; 32]> {
            base64::decode(s)
                .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
                .ok_or_else(|| not_a_card("een sleutel is beschadigd."))
        };
        let card = KeyCard {
            identity: Identity {
                role: file.role,
                organisation: file.organisation,
                organisation_id: file.organisation_id,
                region: file.region,
            },
            created: file.created,
            signing_key: key(&file.signing_key)?,
            encryption_key: key(&file.encryption_key)?,
        };
        card.identity
            .check()
            .map_err(|_| not_a_card("de organisatie is niet goed ingevuld."))?;
        if Fingerprint::parse(&file.fingerprint).ok() != Some(card.fingerprint()) {
            return Err(Error::new(
                "CARD_FINGERPRINT_MISMATCH",
                "De vingerafdruk op deze sleutelkaart hoort niet bij de sleutels erop. Vraag de organisatie om een nieuwe kaart.",
            ));
        }
        let verifying = VerifyingKey::from_bytes(&card.signing_key)
            .map_err(|_| not_a_card("de ondertekensleutel is ongeldig."))?;
        let signature = base64::decode(&file.signature)
            .and_then(|b| <[u8; 64]>::try_from(b.as_slice()).ok())
            .ok_or_else(|| not_a_card("de ondertekening is beschadigd."))?;
        let mut signed = CARD_SIGNATURE_DOMAIN.to_vec();
        signed.extend_from_slice(&canonical_json(&card.unsigned_value()));
        verifying
            .verify_strict(&signed, &Signature::from_bytes(&signature))
            .map_err(|_| {
                Error::new(
                    "CARD_SIGNATURE_INVALID",
                    "Deze sleutelkaart is na het maken gewijzigd: de ondertekening klopt niet. Vraag de organisatie om een nieuwe kaart.",
                )
            })?;
        <Kem as hpke::Kem>::PublicKey::from_bytes(&card.encryption_key)
            .map_err(|_| not_a_card("de versleutelsleutel is ongeldig."))?;
        if let Some(role) = expected_role
            && role != card.identity.role
        {
            return Err(Error::new(
                "CARD_WRONG_ROLE",
                format!(
                    "Dit is de sleutelkaart van een {}; hier is die van een {} nodig.",
                    card.identity.role.dutch().to_lowercase(),
                    role.dutch().to_lowercase()
                ),
            ));
        }
        Ok(card)
    }
}

/// One imported card. Trusted only once the user confirmed its fingerprint with the
/// organisation (by phone, in person).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    #[serde(with = "card_serde")]
    pub card: KeyCard,
    pub confirmed: bool,
    pub imported: Date,
    /// For a housing association: the id of the association in this vault's offer.
    #[serde(default)]
    pub association_id: Option<String>,
}

impl Contact {
    pub fn fingerprint(&self) -> Fingerprint {
        self.card.fingerprint()
    }
}

/// What importing a card did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    /// A new organisation: kept, not yet trusted.
    New,
    /// The same card again: nothing changed.
    Known,
    /// A known organisation with a different key: kept beside the old one, not trusted, the old
    /// key stays in use until the new fingerprint is confirmed.
    ChangedKey { previous: Fingerprint },
}

/// The cards this vault imported. Changed only through its methods, which keep one trusted key
/// per organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactBook {
    contacts: Vec<Contact>,
}

impl ContactBook {
    pub fn contacts(&self) -> &[Contact] {
        &self.contacts
    }

    pub fn get(&self, fingerprint: Fingerprint) -> Option<&Contact> {
        self.contacts
            .iter()
            .find(|c| c.fingerprint() == fingerprint)
    }

    /// The confirmed contact with this key, if any: the only kind an envelope may come from or
    /// go to.
    pub fn trusted(&self, fingerprint: Fingerprint) -> Option<&Contact> {
        self.get(fingerprint).filter(|c| c.confirmed)
    }

    /// The confirmed card of a housing association of the offer.
    pub fn for_association(&self, association_id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| {
            c.confirmed
                && c.card.identity.role == Role::Woningcorporatie
                && c.association_id.as_deref() == Some(association_id)
        })
    }

    /// A book of cards the caller already trusts, every one confirmed: for a program that keeps
    /// its own list of verified cards (a portal) and has no fingerprint-confirming screen. The
    /// caller vouches that each fingerprint was checked with its organisation. The same card
    /// twice counts once; two different keys of one organisation are refused
    /// (`CARD_SAME_ORGANISATION`), since a book trusts one key per organisation. Each contact's
    /// `imported` date is its card's `created`: the book itself has no "today".
    pub fn trusting(cards: impl IntoIterator<Item = KeyCard>) -> Result<ContactBook> {
        let mut book = ContactBook::default();
        for card in cards {
            if book.get(card.fingerprint()).is_some() {
                continue;
            }
            if book
                .contacts
                .iter()
                .any(|c| Self::same_organisation(&c.card, &card))
            {
                return Err(Error::new(
                    "CARD_SAME_ORGANISATION",
                    "Er zijn twee verschillende sleutelkaarten van dezelfde organisatie opgegeven. Geef alleen de kaart waarvan de vingerafdruk is bevestigd.",
                ));
            }
            book.contacts.push(Contact {
                imported: card.created,
                card,
                confirmed: true,
                association_id: None,
            });
        }
        Ok(book)
    }

    fn same_organisation(a: &KeyCard, b: &KeyCard) -> bool {
        a.identity.role == b.identity.role
            && a.identity.organisation_id == b.identity.organisation_id
    }

    /// Adds a card (already checked by `KeyCard::parse`), unconfirmed. `association_id` links an
    /// association's card to the offer.
    pub fn import(
        &mut self,
        card: KeyCard,
        association_id: Option<String>,
        today: Date,
        own: Option<&OwnKeys>,
    ) -> Result<Imported> {
        if own.is_some_and(|k| k.fingerprint() == card.fingerprint()) {
            return Err(Error::new(
                "CARD_IS_OWN",
                "Dit is de sleutelkaart van deze kluis zelf. Importeer de kaart van de andere organisatie.",
            ));
        }
        if self.get(card.fingerprint()).is_some() {
            return Ok(Imported::Known);
        }
        let previous = self
            .contacts
            .iter()
            .find(|c| c.confirmed && Self::same_organisation(&c.card, &card))
            .map(Contact::fingerprint);
        let association_id = association_id.or_else(|| {
            self.contacts
                .iter()
                .find(|c| Self::same_organisation(&c.card, &card))
                .and_then(|c| c.association_id.clone())
        });
        self.contacts.push(Contact {
            card,
            confirmed: false,
            imported: today,
            association_id,
        });
        Ok(match previous {
            Some(previous) => Imported::ChangedKey { previous },
            None => Imported::New,
        })
    }

    /// The user read the fingerprint back with the organisation and it matched: the card
    /// becomes trusted and replaces any earlier key of the same organisation.
    pub fn confirm(&mut self, fingerprint: Fingerprint, typed: &str) -> Result<()> {
        let Some(pos) = self
            .contacts
            .iter()
            .position(|c| c.fingerprint() == fingerprint)
        else {
            return Err(not_in_book());
        };
        if Fingerprint::parse(typed).ok() != Some(fingerprint) {
            return Err(Error::new(
                "FINGERPRINT_MISMATCH",
                "De vingerafdruk die u invulde is niet die van deze kaart. Bevestig alleen een vingerafdruk die de organisatie u zelf voorlas.",
            )
            .at("fingerprint"));
        }
        let card = self.contacts[pos].card.clone();
        self.contacts[pos].confirmed = true;
        self.contacts
            .retain(|c| c.fingerprint() == fingerprint || !Self::same_organisation(&c.card, &card));
        Ok(())
    }

    pub fn link_association(
        &mut self,
        fingerprint: Fingerprint,
        association_id: &str,
    ) -> Result<()> {
        let c = self
            .contacts
            .iter_mut()
            .find(|c| c.fingerprint() == fingerprint)
            .ok_or_else(not_in_book)?;
        if c.card.identity.role != Role::Woningcorporatie {
            return Err(Error::new(
                "CARD_WRONG_ROLE",
                "Alleen de kaart van een woningcorporatie hoort bij een corporatie uit het aanbod.",
            ));
        }
        c.association_id = Some(association_id.to_string());
        Ok(())
    }

    pub fn remove(&mut self, fingerprint: Fingerprint) -> Result<()> {
        let before = self.contacts.len();
        self.contacts.retain(|c| c.fingerprint() != fingerprint);
        if self.contacts.len() == before {
            return Err(not_in_book());
        }
        Ok(())
    }
}

fn not_in_book() -> Error {
    Error::new(
        "CONTACT_NOT_FOUND",
        "Deze sleutelkaart staat niet (meer) in het adresboek.",
    )
}

mod b64_32 {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::base64::encode(v))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let s = String::deserialize(d)?;
        crate::base64::decode(&s)
            .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
            .ok_or_else(|| serde::de::Error::custom("expected 32 bytes in base64"))
    }
}

/// A stored contact keeps its card in the card's own (unsigned) shape.
mod card_serde {
    use super::*;

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Stored {
        identity: Identity,
        created: Date,
        #[serde(with = "b64_32")]
        signing_key: [u8; 32],
        #[serde(with = "b64_32")]
        encryption_key: [u8; 32],
    }

    pub fn serialize<S: serde::Serializer>(
        c: &KeyCard,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        Stored {
            identity: c.identity.clone(),
            created: c.created,
            signing_key: c.signing_key,
            encryption_key: c.encryption_key,
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<KeyCard, D::Error> {
        let s = Stored::deserialize(d)?;
        Ok(KeyCard {
            identity: s.identity,
            created: s.created,
            signing_key: s.signing_key,
            encryption_key: s.encryption_key,
        })
    }
}
