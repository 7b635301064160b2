//! The dwellings table: filters, paging and the counts and names it shows.

use super::*;

/// Rows per page in the dwellings table.
pub const PAGE_SIZE: usize = 50;

/// The filters of the dwellings table; empty text and `None` mean "all".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DwellingFilter {
    pub gemeente: String,
    pub dwelling_type: Option<DwellingType>,
    pub association_id: String,
    /// Only dwellings available on this date.
    pub available_on: Option<Date>,
}

impl DwellingFilter {
    pub fn matches(&self, d: &Dwelling) -> bool {
        (self.gemeente.is_empty() || d.gemeente == self.gemeente)
            && self.dwelling_type.is_none_or(|t| d.dwelling_type == t)
            && (self.association_id.is_empty() || d.association_id == self.association_id)
            && self.available_on.is_none_or(|on| d.available_from <= on)
    }
}

/// The dwellings that pass the filter, in offer order.
pub fn filter_dwellings<'a>(offer: &'a Offer, filter: &DwellingFilter) -> Vec<&'a Dwelling> {
    offer
        .dwellings
        .iter()
        .filter(|d| filter.matches(d))
        .collect()
}

/// One page of a list: the 0-based page actually shown (clamped), the number of pages (at
/// least 1) and the index range of its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSlice {
    pub page: usize,
    pub pages: usize,
    pub start: usize,
    pub end: usize,
}

pub fn page_slice(total: usize, page: usize, per_page: usize) -> PageSlice {
    let per_page = per_page.max(1);
    let pages = total.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = (page * per_page).min(total);
    let end = (start + per_page).min(total);
    PageSlice {
        page,
        pages,
        start,
        end,
    }
}

/// The gemeenten that occur in the offer's dwellings, in the order of the regions' lists.
pub fn gemeenten_in(offer: &Offer) -> Vec<&'static str> {
    woonkans_core::region::all_gemeenten()
        .filter(|g| offer.dwellings.iter().any(|d| d.gemeente == *g))
        .collect()
}

/// Number of dwellings per association id.
pub fn dwelling_counts(offer: &Offer) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for d in &offer.dwellings {
        *counts.entry(d.association_id.as_str()).or_insert(0) += 1;
    }
    counts
}

/// The association's name, or its id when it is not in the offer.
pub fn association_name<'a>(offer: &'a Offer, id: &'a str) -> &'a str {
    offer.association(id).map_or(id, |a| a.name.as_str())
}
