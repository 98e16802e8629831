//! `claimtrail serve`: the ledger over HTTP. A JSON API under `/api/v1` (its OpenAPI document is
//! generated from the handlers' types), and a server-rendered web UI, on one axum router.
//!
//! - `pool`: a few read-only ledger connections, each query bounded by a timeout;
//! - `problem`: every error as an RFC 9457 problem document (HTML pages for the UI);
//! - `api/`: the JSON handlers, pagination, formats (JSON, JSON Lines, CSV), the OpenAPI document;
//! - `web/`: the UI pages (templates compiled in), span highlighting and SVG charts;
//! - `ingest`: the one write, `POST /api/v1/documents`, off unless enabled with a token.
//!
//! Read-only by default and bound to loopback unless told otherwise. The ledger is read through
//! its public read API only; writes go through its `Store::put_batch`, like `claimtrail ingest`.

mod api;
mod ingest;
mod pool;
mod problem;
mod web;

use anyhow::Context;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use api::openapi;

use pool::ReadPool;

/// Longest query string accepted (bytes): longer ones are refused with 414.
pub const MAX_QUERY_BYTES: usize = 4096;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub bind: SocketAddr,
    /// Read connections open at once (and so queries running at once).
    pub readers: usize,
    /// A query running longer is stopped and answered with 503.
    pub query_timeout: Duration,
    /// `POST /api/v1/documents` is served only with a token.
    pub ingest: Option<IngestConfig>,
}

#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// The bearer token a writer must present.
    pub token: String,
    /// Largest request body accepted (bytes).
    pub max_body: usize,
    /// Longest wait for the whole body once the head is in: a client that declares more bytes
    /// than it sends would otherwise hold its request, and a connection, for good.
    pub body_timeout: Duration,
}

/// The default [`IngestConfig::body_timeout`]: a megabyte a second or so on a slow link.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(60);

impl Config {
    pub fn new(db: PathBuf) -> Self {
        Config {
            db,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            readers: 8,
            query_timeout: Duration::from_secs(10),
            ingest: None,
        }
    }
}

/// What every handler shares.
pub(crate) struct AppState {
    pub pool: ReadPool,
    pub config: Config,
    /// One writer at a time (SQLite has one write lock; waiting here is cheaper than there).
    pub writer: tokio::sync::Mutex<()>,
}

pub(crate) type State = Arc<AppState>;

/// The whole application: API, UI and their middleware. Fails when the ledger cannot be read.
pub fn app(config: Config) -> anyhow::Result<Router> {
    let pool = ReadPool::open(&config.db, config.readers, config.query_timeout)
        .with_context(|| format!("cannot serve ledger {}", config.db.display()))?;
    let state = Arc::new(AppState {
        pool,
        config,
        writer: tokio::sync::Mutex::new(()),
    });
    Ok(Router::new()
        .nest("/api/v1", api::router(state.clone()))
        .merge(web::router(state))
        .layer(middleware::from_fn(guard)))
}

/// Refuses over-long query strings and sets the security headers on every response.
async fn guard(req: Request<axum::body::Body>, next: Next) -> Response {
    let too_long = req.uri().query().is_some_and(|q| q.len() > MAX_QUERY_BYTES);
    let mut resp = if too_long {
        problem::Problem::new(
            StatusCode::URI_TOO_LONG,
            format!("the query string is longer than {MAX_QUERY_BYTES} bytes"),
        )
        .into_response()
    } else {
        next.run(req).await
    };
    let h = resp.headers_mut();
    // No inline script or style anywhere: the UI's CSS is one file, and it has no script.
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

/// Serves until interrupted (Ctrl-C): builds its own runtime, so callers need none.
pub fn run(config: Config) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let bind = config.bind;
        let router = app(config)?;
        let listener = tokio::net::TcpListener::bind(bind)
            .await
            .with_context(|| format!("cannot listen on {bind}"))?;
        let addr = listener.local_addr()?;
        eprintln!("claimtrail: serving on http://{addr}/ (API: http://{addr}/api/v1/openapi.json)");
        serve_connections(listener, router, HEADER_READ_TIMEOUT, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        Ok(())
    })
}

/// Longest wait for a request's head. Without one, a client that opens connections and sends
/// half a head holds each for good (a file descriptor apiece, until none is left).
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Serves `router` on `listener` until `shutdown` resolves, then lets the requests in flight
/// finish. Each connection must send a request's head within `header_timeout` (also between
/// requests on a kept-alive connection), else it is closed.
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    router: Router,
    header_timeout: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut tasks = tokio::task::JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of descriptors or an aborted handshake: wait a little, keep serving.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let mut stopped = stopped.clone();
        tasks.spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stopped.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
        // Finished connections' handles go as new ones come.
        while tasks.try_join_next().is_some() {}
    }
    let _ = stop.send(true);
    while tasks.join_next().await.is_some() {}
}
