//! Keys for the end-to-end tests: the vaults that know each other come from the core's
//! fixtures (`fixtures::every_association` and friends); here, a way to put a vault's keys and
//! contact book into the browser's vault as the app stores them (the record "parties").

use crate::Browser;
use woonkans_core::workspace::Workspace;

pub use woonkans_core::fixtures::{
    COORDINATOR, association_vault, coordinator_keys, every_association, fixed_random,
};

impl Browser {
    /// Puts the keys and contact book of `ws` into the open vault without touching its other
    /// records: waits for the save, locks, seals them and unlocks again (no reload).
    pub async fn give_keys(&self, passphrase: &str, ws: &Workspace) {
        for _ in 0..300 {
            let t = self.text().await;
            if t.contains("Alles is opgeslagen") || t.contains("Opgeslagen om") {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        self.click_button("Vergrendelen").await;
        self.wait_for_text("Kluis ontgrendelen").await;
        self.seal_parties(passphrase, ws).await;
        self.unlock(passphrase).await;
        self.wait_for("nav.hoofdmenu").await;
    }

    /// Seals the keys, contact book and received envelopes of `ws` into the locked vault, as
    /// the app stores them (the record "parties"); after [`Browser::lock_and_seal`].
    pub async fn seal_parties(&self, passphrase: &str, ws: &Workspace) {
        let json = serde_json::to_string(ws.parties()).expect("the parties serialise");
        self.seal_record(passphrase, "parties", &json).await;
    }
}
