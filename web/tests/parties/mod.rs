//! Two vaults that know each other, for the envelope tests: the core's fixtures, so the
//! component tests and the end-to-end tests make the same keys.

#[allow(unused_imports)]
pub use woonkans_core::fixtures::{
    COORDINATOR, association_vault, coordinator_keys, every_association, fixed_random,
};
