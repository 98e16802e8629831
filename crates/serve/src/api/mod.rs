//! The JSON API under `/api/v1`, and its OpenAPI 3 document, generated from the handlers'
//! annotations and types (utoipa), served at `/api/v1/openapi.json`.

mod handlers;
pub mod page;
pub mod params;
pub mod rows;

pub use handlers::{
    load_attention, load_document, load_registry_quote, load_speaker, load_story, load_summary,
    Params, Segment, DETAIL_ROWS, STORY_ROWS,
};
pub use params::ListQuery;

use crate::problem::Problem;
use crate::State;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "claimtrail",
        description = "A ledger of who said what, which numbers are claimed by whom, and when, \
                       across news outlets. Lists are paged by `next` cursor (`limit` at most \
                       500) and come as JSON, JSON Lines or CSV; errors are problem documents."
    ),
    servers((url = "/api/v1")),
    components(schemas(Problem)),
    modifiers(&BearerAuth)
)]
struct ApiDoc;

/// Declares the bearer token `POST /documents` needs.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn routes() -> OpenApiRouter<State> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(handlers::documents, crate::ingest::post_document))
        .routes(routes!(handlers::document))
        .routes(routes!(handlers::quotes))
        .routes(routes!(handlers::figures))
        .routes(routes!(handlers::stories))
        .routes(routes!(handlers::story))
        .routes(routes!(handlers::speakers))
        .routes(routes!(handlers::speaker))
        .routes(routes!(handlers::registry))
        .routes(routes!(handlers::registry_quote))
        .routes(routes!(handlers::copies))
        .routes(routes!(handlers::measures))
        .routes(routes!(handlers::timeline))
        .routes(routes!(handlers::attention))
        .routes(routes!(handlers::summary))
}

/// The OpenAPI document (also without a ledger: tests and tools read it).
pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}

pub fn router(state: State) -> Router {
    let (router, api) = routes().split_for_parts();
    let api = std::sync::Arc::new(api);
    router
        .route(
            "/openapi.json",
            get(move || async move { Json(api.as_ref().clone()) }),
        )
        .fallback(|| async { Problem::not_found("no such endpoint; see /api/v1/openapi.json") })
        .with_state(state)
}
