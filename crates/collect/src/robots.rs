//! robots.txt rules for one host, as RFC 9309 has them: a file that says nothing about us
//! allows everything, a 4xx (no file) allows everything, and a site whose robots.txt cannot
//! be read (5xx, timeout, a broken connection) is treated as disallowing everything until it can
//! be read again. Parsing is texting_robots'; at most [`MAX_ROBOTS_BYTES`] are read.

use std::time::Duration;
use texting_robots::Robot;
use url::Url;

/// The part of robots.txt a crawler must read (RFC 9309: at least 500 KiB).
pub const MAX_ROBOTS_BYTES: u64 = 512 << 10;

#[derive(Debug)]
pub struct Rules {
    robot: Option<Robot>,
    /// Nothing may be fetched (robots.txt unreachable).
    deny_all: bool,
    /// The site's `Crawl-delay` for us (zero when none).
    pub crawl_delay: Duration,
    /// Why the rules are what they are, for reports.
    pub note: String,
}

impl Rules {
    pub fn allow_all(note: impl Into<String>) -> Self {
        Rules {
            robot: None,
            deny_all: false,
            crawl_delay: Duration::ZERO,
            note: note.into(),
        }
    }

    pub fn deny_all(note: impl Into<String>) -> Self {
        Rules {
            robot: None,
            deny_all: true,
            crawl_delay: Duration::ZERO,
            note: note.into(),
        }
    }

    /// Rules for `agent` (its product token) from a robots.txt body.
    pub fn parse(agent: &str, body: &[u8]) -> Self {
        let body = &body[..body.len().min(MAX_ROBOTS_BYTES as usize)];
        match Robot::new(agent, body) {
            Ok(r) => Rules {
                crawl_delay: r
                    .delay
                    .filter(|d| d.is_finite() && *d > 0.0)
                    .map(|d| Duration::from_secs_f32(d.min(3600.0)))
                    .unwrap_or_default(),
                robot: Some(r),
                deny_all: false,
                note: "robots.txt read".into(),
            },
            // A file nobody can parse says nothing we could obey.
            Err(e) => Rules::allow_all(format!("robots.txt unreadable ({e}); nothing disallowed")),
        }
    }

    /// Whether the rules let us fetch `url`.
    pub fn allowed(&self, url: &Url) -> bool {
        if self.deny_all {
            return url.path() == "/robots.txt";
        }
        self.robot.as_ref().is_none_or(|r| r.allowed(url.as_str()))
    }

    /// Whether these rules should be asked for again on the next cycle (a failure is not
    /// remembered for long).
    pub fn is_failure(&self) -> bool {
        self.deny_all
    }
}

/// The robots.txt of `url`'s origin.
pub fn robots_url(url: &Url) -> Url {
    let mut u = url.clone();
    u.set_path("/robots.txt");
    u.set_query(None);
    u.set_fragment(None);
    let _ = u.set_username("");
    let _ = u.set_password(None);
    u
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn rules_for_our_agent_and_for_everyone() {
        let txt = b"User-agent: claimtrail\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n";
        let r = Rules::parse("claimtrail", txt);
        assert!(r.allowed(&u("http://e.com/news/1")));
        assert!(!r.allowed(&u("http://e.com/private/x")));
        assert_eq!(r.crawl_delay, Duration::from_secs(2));
        let other = Rules::parse("somebot", txt);
        assert!(!other.allowed(&u("http://e.com/news/1")));
        assert!(Rules::allow_all("404").allowed(&u("http://e.com/x")));
        let deny = Rules::deny_all("timeout");
        assert!(!deny.allowed(&u("http://e.com/x")));
        assert!(deny.is_failure());
        assert_eq!(
            robots_url(&u("http://u:p@e.com:81/a?b#c")).as_str(),
            "http://e.com:81/robots.txt"
        );
    }
}
