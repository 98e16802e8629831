//! The worker side: fetch one job (conditional headers, robots.txt) and send its outcome back.

use chrono::Utc;
use std::sync::{mpsc, Arc};
use std::time::Instant;
use url::Url;

use crate::http::{FetchError, Fetcher};
use crate::robots::Rules;
use crate::schedule::{Job, Purpose, Scheduler, Task};
use crate::url_clean;

use super::{Options, Outcome, RobotsCache, AGENT_TOKEN};

/// A worker: takes tasks until the scheduler closes. It sends each outcome before it frees the
/// host's slot, so that no request counts as finished before its response is on its way.
pub(super) fn work(
    sched: &Scheduler,
    fetcher: &Fetcher,
    robots: &RobotsCache,
    opts: &Options,
    tx: &mpsc::Sender<Outcome>,
) {
    while let Some(task) = sched.next() {
        match task {
            Task::Robots { host, url } => {
                let rules = Arc::new(read_robots(fetcher, &url));
                let note = rules.is_failure().then(|| rules.note.clone());
                if !rules.is_failure() {
                    robots
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .insert(host.clone(), (Instant::now(), rules.clone()));
                }
                let _ = tx.send(Outcome::RobotsRead {
                    host: host.clone(),
                    note,
                });
                sched.robots_done(&host, rules);
            }
            Task::Blocked(job) => {
                let _ = tx.send(Outcome::Blocked(job));
            }
            Task::Fetch(mut job) => {
                let page = matches!(job.purpose, Purpose::Page(_));
                let accept = if page {
                    "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
                } else {
                    "application/rss+xml,application/atom+xml,application/feed+json,\
                     application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.5,*/*;q=0.1"
                };
                let want = |status: u16, ctype: &str| match status {
                    200..=299 => !page || is_html_type(ctype),
                    300..=399 => true,
                    _ => false,
                };
                let result = fetcher.get(&job.url, accept, &job_headers(&job), &want);
                let wait = match &result {
                    Ok(r) if r.status == 429 || r.status >= 500 => Some(
                        r.header("retry-after")
                            .and_then(|v| crate::http::retry_after(v, Utc::now())),
                    ),
                    Err(FetchError::Transport(_)) => Some(None),
                    _ => None,
                };
                let host = job.host.clone();
                let Some(asked) = wait else {
                    let _ = tx.send(Outcome::Fetched {
                        job,
                        result,
                        hold: None,
                    });
                    sched.done(&host, None);
                    continue;
                };
                let backoff = opts.backoff.saturating_mul(1 << job.attempt.min(16));
                let wait = asked.unwrap_or(backoff);
                if job.attempt < opts.retries && wait <= opts.max_retry_wait {
                    job.attempt += 1;
                    let _ = tx.send(Outcome::Retrying);
                    sched.push(job);
                    sched.done(&host, Some(wait));
                } else {
                    let hold = (wait > opts.max_retry_wait).then_some(wait);
                    let _ = tx.send(Outcome::Fetched { job, result, hold });
                    sched.done(&host, Some(wait.min(opts.max_retry_wait)));
                }
            }
        }
    }
}

/// The conditional headers of a listing request.
fn job_headers(job: &Job) -> Vec<(&'static str, String)> {
    match &job.purpose {
        Purpose::Listing { validators, .. } => {
            let mut h = Vec::new();
            if let Some(e) = &validators.etag {
                h.push(("If-None-Match", e.clone()));
            }
            if let Some(m) = &validators.last_modified {
                h.push(("If-Modified-Since", m.clone()));
            }
            h
        }
        Purpose::Page(_) => Vec::new(),
    }
}

fn is_html_type(ctype: &str) -> bool {
    let t = ctype.to_ascii_lowercase();
    t.trim().is_empty() || t.contains("text/html") || t.contains("xhtml")
}

/// A host's rules, as RFC 9309 reads each outcome (redirects followed a few times).
fn read_robots(fetcher: &Fetcher, url: &Url) -> Rules {
    let mut url = url.clone();
    for _ in 0..5 {
        let r = match fetcher.get(&url, "text/plain,*/*;q=0.5", &[], &|s, _| s < 300) {
            Ok(r) => r,
            Err(e) => {
                return Rules::deny_all(format!(
                    "robots.txt unreachable ({e}); nothing fetched from this host this cycle"
                ))
            }
        };
        match r.status {
            200..=299 => {
                return match r.decoded_body(crate::robots::MAX_ROBOTS_BYTES * 4) {
                    Ok(body) => Rules::parse(AGENT_TOKEN, &body),
                    Err(e) => Rules::allow_all(format!("robots.txt unreadable ({e})")),
                }
            }
            300..=399 => {
                match r
                    .header("location")
                    .and_then(|l| url_clean::clean(l, Some(&url)))
                {
                    Some(next) => url = next,
                    None => return Rules::allow_all("robots.txt redirects nowhere"),
                }
            }
            400..=499 => return Rules::allow_all(format!("no robots.txt ({})", r.status)),
            s => {
                return Rules::deny_all(format!(
                    "robots.txt answered {s}; nothing fetched from this host this cycle"
                ))
            }
        }
    }
    Rules::allow_all("robots.txt redirects too often")
}
