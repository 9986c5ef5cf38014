//! The web application's tests, one binary: the pages, the JSON API and the browser suite, each
//! against a real server on loopback (`support`).

mod api;
mod browser;
mod cases;
mod cases_api;
mod hotline;
mod http;
mod lists;
mod monitoring;
mod referrals;
mod referrals_api;
mod reports;
mod support;
mod values;
