//! Participants' phones on loopback: joining, every limit, every contribution (the network
//! core, without the app), `moderato serve` on a real session, and a real browser.

#[path = "../common/phones.rs"]
mod common;
#[path = "../common/mod.rs"]
mod sessions;

mod access;
mod browser;
mod contributions;
mod serve;
