//! `claimtrail collect` and `watch` as a library: follow outlets by their feeds (RSS 2.0, Atom,
//! JSON Feed), sitemaps (indexes and Google News sitemaps included), home pages (feed
//! discovery) and lists of URLs; fetch politely ([`schedule`]: robots.txt, per-host delay and
//! concurrency, back-off; [`http`]: size and time limits, no redirect followed blindly); archive
//! every page response as WARC 1.1 ([`warc_write`]); and ingest the archived pages through the
//! pipeline, reading them back with the same WARC reader `claimtrail ingest` uses. The state
//! that lets a restarted collector resume (pages met, feed validators, host back-offs, WARC
//! files' committed lengths) lives in the ledger (schema step 4).
//!
//! Layout: [`collector`] runs a cycle; [`listing`] tells a feed from a sitemap from a home page
//! and reads entries ([`sitemap`], [`html_links`]); [`url_clean`] gives each page one spelling;
//! [`robots`] holds a host's rules.

pub mod collector;
mod entry;
pub mod html_links;
pub mod http;
pub mod listing;
mod loose_feed;
pub mod robots;
pub mod schedule;
pub mod sitemap;
pub mod url_clean;
pub mod warc_write;
mod xml_text;

pub use collector::{
    read_sources_file, CollectError, Collector, CycleStats, Options, Problem, Source,
};
