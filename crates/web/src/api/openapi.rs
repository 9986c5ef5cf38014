//! The API's OpenAPI 3.1 document, derived from the handlers' `#[utoipa::path]` and the body
//! types, so that outside tools (clients, fuzzers, contract tests) can drive the API. Served
//! without a token: it describes the API, it holds no data.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::IntoResponse;
use serde_json::{Value, json};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{appeals, cases, lookups, parties, partners, persons, referrals, visits};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Komek API",
        description = "Appeals, persons, parties, cases and referrals of Komek, under the same access rules and audit as the staff \
                       pages. Authenticate with a per-user API token (`komek user token USERNAME`) sent as \
                       `Authorization: Bearer TOKEN`; a request acts as that user. Errors are \
                       `{\"error\", \"message\", \"fields\": [{\"field\", \"problem\"}]}`: 400 a value could not \
                       be read, 401 no live token, 403 the role may not, 404 not within reach, 409 changed since \
                       the version sent, 413 a body over the limit, 415 a body not sent as JSON, 422 a value is not \
                       allowed (unknown code, negative or implausibly large amount, text too long or holding \
                       control characters, a day in the future where none can be). Integers may be written with a \
                       point (`11128.0`); a fraction is refused (400). Codes are those of the lists the schemas \
                       name; the server checks them too.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    // Lists stated before every route that takes them is served (the referral network's, the
    // monitoring visits'), so that a client reads every list the server checks.
    components(schemas(
        codes::PartnerKindCode,
        codes::ConsentMethodCode,
        codes::ReferralPurposeCode,
        codes::DataCategoryCode,
        codes::UrgencyCode,
        codes::ReferralStatusCode,
        codes::VisitStatusCode,
        codes::CheckItemCode,
        codes::ViolationCode,
        codes::MaterialCode
    )),
    paths(
        document,
        lookups::read,
        appeals::list,
        appeals::create,
        appeals::read,
        appeals::update,
        cases::list,
        cases::create,
        cases::from_appeal,
        cases::read,
        cases::update,
        cases::add_assessment,
        cases::add_service,
        cases::add_proceeding,
        cases::update_proceeding,
        cases::add_task,
        cases::update_task,
        cases::add_event,
        cases::add_note,
        persons::search,
        persons::create,
        persons::read,
        persons::update,
        parties::search,
        parties::create,
        parties::read,
        parties::update,
        parties::merge,
        parties::registry,
        parties::offenders,
        partners::find,
        partners::add,
        partners::read,
        partners::update,
        referrals::list_consents,
        referrals::record_consent,
        referrals::withdraw_consent,
        referrals::list_referrals,
        referrals::make_referral,
        referrals::receive_referral,
        referrals::read_referral,
        referrals::move_referral,
        referrals::export_case,
        referrals::export_period,
        visits::list,
        visits::create,
        visits::read,
        visits::update,
    ),
    modifiers(&BearerToken),
    tags(
        (name = "appeals", description = "The appeals register: calls, visits, messages"),
        (name = "cases", description = "Case files: header, services, timeline, indicator assessments, \
                                         proceedings, tasks, notes"),
        (name = "persons", description = "People the organisation helps"),
        (name = "parties", description = "Employers, intermediaries, foremen, officials: the registry of what \
                                           names them and the repeat offenders of a district"),
        (name = "referrals", description = "The referral network: partners, a person's consents, referrals and \
                                             their replies, and the HTCDS export under consent"),
        (name = "monitoring", description = "The mobile group's monitoring visits: what it counted and found, \
                                              on-site consultations (appeals sent with `visit_id`)"),
        (name = "meta", description = "This document, and the lists whose codes the schemas name, as the organisation has them"),
    )
)]
struct ApiDoc;

/// The `api_token` scheme the operations name.
struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("A per-user API token made by an administrator with `komek user token USERNAME`"))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("api_token", SecurityScheme::Http(scheme));
        openapi.info.version = env!("CARGO_PKG_VERSION").to_owned();
    }
}

/// The document as JSON text, built once.
fn json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut document = serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serialises");
        refuse_bodies_as_the_server_does(&mut document);
        state_the_limits(&mut document);
        state_what_each_operation_needs(&mut document);
        state_who_needs_a_name(&mut document);
        state_that_an_age_band_may_be_empty(&mut document);
        serde_json::to_string(&document).expect("the OpenAPI document serialises")
    })
}

/// Every operation that reads a body answers 413 to one over the limit and 415 to one that is
/// not JSON, before anything else is read of it.
fn refuse_bodies_as_the_server_does(document: &mut Value) {
    let too_large = format!("The body is over {} KiB", crate::security::MAX_BODY_BYTES / 1024);
    let refusals = [("413", too_large.as_str()), ("415", "The body is not sent as `application/json`")];
    let Some(paths) = document["paths"].as_object_mut() else { return };
    for operation in paths.values_mut().filter_map(Value::as_object_mut).flat_map(|item| item.values_mut()) {
        if operation.get("requestBody").is_none() {
            continue;
        }
        for (status, description) in refusals {
            operation["responses"][status] = json!({
                "description": description,
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ErrorBody" } } }
            });
        }
    }
}

/// A limit the server enforces on a field of a body, stated with the domain's own constant so
/// that the document cannot drift from the rule.
enum Limit {
    /// At most this many characters.
    Chars(usize),
    /// Each item at most this many characters.
    ItemChars(usize),
    /// At most this many items.
    Items(usize),
}

/// The limits of the bodies' fields, by schema and property. Codes, `minItems`, signs and
/// fixed ranges are stated on the fields themselves; these come from the domain's constants.
const LIMITS: &[(&str, &str, Limit)] = {
    use Limit::*;
    use komek_domain::limits::{
        MAX_ARTICLES, MAX_CASE_PERSONS, MAX_CASE_TEAM, MAX_DOCUMENTS, MAX_HEARINGS, MAX_LINE_CHARS, MAX_NAMED_PARTIES,
        MAX_NOTE_CHARS, MAX_PHONES, MAX_REGION_CHARS, MAX_SHORT_CHARS, MAX_SPELLINGS, MAX_TEXT_CHARS,
    };
    use komek_domain::lookups;
    &[
        ("ProfileDto", "home_region", Chars(MAX_REGION_CHARS)),
        ("ProfileDto", "other_citizenships", Items(lookups::CITIZENSHIP.codes.len())),
        ("AppealInput", "notes", Chars(MAX_NOTE_CHARS)),
        ("IdentityInput", "full_name", Chars(MAX_SHORT_CHARS)),
        ("IdentityInput", "passport_name", Chars(MAX_SHORT_CHARS)),
        ("IdentityInput", "address", Chars(MAX_SHORT_CHARS)),
        ("IdentityInput", "other_spellings", ItemChars(MAX_SHORT_CHARS)),
        ("IdentityInput", "other_spellings", Items(MAX_SPELLINGS)),
        ("IdentityInput", "phones", ItemChars(MAX_SHORT_CHARS)),
        ("IdentityInput", "phones", Items(MAX_PHONES)),
        ("IdentityInput", "documents", ItemChars(MAX_SHORT_CHARS)),
        ("IdentityInput", "documents", Items(MAX_DOCUMENTS)),
        ("IdentityInput", "notes", Chars(MAX_NOTE_CHARS)),
        ("PartyIdentityDto", "name", Chars(MAX_SHORT_CHARS)),
        ("PartyIdentityDto", "address", Chars(MAX_SHORT_CHARS)),
        ("PartyIdentityDto", "other_names", ItemChars(MAX_SHORT_CHARS)),
        ("PartyIdentityDto", "other_names", Items(MAX_SPELLINGS)),
        ("PartyIdentityDto", "phones", ItemChars(MAX_SHORT_CHARS)),
        ("PartyIdentityDto", "phones", Items(MAX_PHONES)),
        ("PartyIdentityDto", "identifiers", ItemChars(MAX_SHORT_CHARS)),
        ("PartyIdentityDto", "identifiers", Items(MAX_DOCUMENTS)),
        ("PartyIdentityDto", "notes", Chars(MAX_NOTE_CHARS)),
        ("CaseInput", "persons", Items(MAX_CASE_PERSONS)),
        ("CaseInput", "team", Items(MAX_CASE_TEAM)),
        ("CaseInput", "parties", Items(MAX_NAMED_PARTIES)),
        ("CaseInput", "recruited_at", Chars(MAX_LINE_CHARS)),
        ("CaseInput", "summary", Chars(MAX_NOTE_CHARS)),
        ("CaseInput", "recruitment_methods", Items(lookups::RECRUITMENT_METHOD.codes.len())),
        ("CaseInput", "means_of_control", Items(lookups::MEANS_OF_CONTROL.codes.len())),
        ("ServiceInput", "provider", Chars(MAX_LINE_CHARS)),
        ("ServiceInput", "result", Chars(MAX_NOTE_CHARS)),
        ("ServiceInput", "accompanied_by", Chars(MAX_LINE_CHARS)),
        ("EventInput", "text", Chars(MAX_TEXT_CHARS)),
        ("EventInput", "place_settlement", Chars(MAX_LINE_CHARS)),
        ("ProceedingInput", "articles", Items(MAX_ARTICLES)),
        ("ProceedingInput", "hearings", Items(MAX_HEARINGS)),
        ("ProceedingInput", "notes", Chars(MAX_TEXT_CHARS)),
        ("TaskInput", "title", Chars(MAX_LINE_CHARS)),
        ("NoteInput", "text", Chars(MAX_TEXT_CHARS)),
        ("PartnerInput", "name", Chars(MAX_LINE_CHARS)),
        ("PartnerInput", "working_hours", Chars(MAX_LINE_CHARS)),
        ("ContactsDto", "address", Chars(MAX_LINE_CHARS)),
        ("ContactsDto", "notes", Chars(MAX_NOTE_CHARS)),
        ("ContactsDto", "focal_points", Items(komek_domain::referrals::MAX_FOCAL_POINTS)),
        ("FocalPointDto", "name", Chars(MAX_SHORT_CHARS)),
        ("FocalPointDto", "position", Chars(MAX_SHORT_CHARS)),
        ("FocalPointDto", "email", Chars(MAX_SHORT_CHARS)),
        ("FocalPointDto", "phones", ItemChars(MAX_SHORT_CHARS)),
        ("FocalPointDto", "phones", Items(MAX_PHONES)),
        ("ConsentInput", "recipients", Items(komek_domain::referrals::MAX_RECIPIENTS)),
        ("ConsentInput", "note", Chars(MAX_NOTE_CHARS)),
        ("ReferralInput", "override_reason", Chars(MAX_NOTE_CHARS)),
        ("IncomingInput", "letter", Chars(MAX_NOTE_CHARS)),
        ("StepInput", "note", Chars(MAX_NOTE_CHARS)),
    ]
};

/// What a body must hold, or must leave out (or `null`), on one operation, where create and
/// update share one schema: an update names the version it read; a case's opening day is
/// not changed by an update; a case opened or a proceeding added names no version.
const OPERATION_NEEDS: &[(&str, &[&str], &[&str])] = &[
    ("update_appeal", &["version"], &[]),
    ("update_person", &["version"], &[]),
    ("update_party", &["version"], &[]),
    ("update_partner", &["version"], &[]),
    ("update_case", &["version"], &["opened_on"]),
    ("update_proceeding", &["version"], &[]),
    ("open_case", &[], &["version"]),
    ("add_proceeding", &[], &["version"]),
];

fn state_what_each_operation_needs(document: &mut Value) {
    let Some(paths) = document["paths"].as_object_mut() else { return };
    let operations = paths.values_mut().filter_map(Value::as_object_mut).flat_map(|item| item.values_mut());
    let mut seen = 0;
    for operation in operations {
        let Some((_, needed, left_out)) = OPERATION_NEEDS.iter().find(|(id, ..)| operation["operationId"] == *id)
        else {
            continue;
        };
        seen += 1;
        let body = &mut operation["requestBody"]["content"]["application/json"]["schema"];
        let mut properties = serde_json::Map::new();
        for name in *needed {
            properties.insert((*name).to_owned(), json!({ "type": "integer" }));
        }
        for name in *left_out {
            properties.insert((*name).to_owned(), json!({ "type": "null" }));
        }
        *body = json!({ "allOf": [body.take()], "required": needed, "properties": properties });
    }
    assert_eq!(seen, OPERATION_NEEDS.len(), "an operation named in OPERATION_NEEDS is not in the document");
}

/// A person needs a name unless the profile says they gave none.
fn state_who_needs_a_name(document: &mut Value) {
    let person = &mut document["components"]["schemas"]["PersonInput"];
    assert!(person.is_object(), "the document has no PersonInput");
    person["anyOf"] = json!([
        { "properties": { "profile": { "properties": { "anonymous": { "const": true } }, "required": ["anonymous"] } } },
        { "properties": { "identity": { "properties": { "full_name": { "pattern": "\\S" } }, "required": ["full_name"] } },
          "required": ["identity"] },
    ]);
}

/// An age band is a code of its list, or empty when the age is not known.
fn state_that_an_age_band_may_be_empty(document: &mut Value) {
    let band = &mut document["components"]["schemas"]["ProfileDto"]["properties"]["age_band"];
    assert!(band.is_object(), "the document has no ProfileDto.age_band");
    let description = band["description"].take();
    *band = json!({ "anyOf": [band.take(), { "const": "" }], "description": description });
}

fn state_the_limits(document: &mut Value) {
    for (schema, property, limit) in LIMITS {
        let field = &mut document["components"]["schemas"][*schema]["properties"][*property];
        assert!(field.is_object(), "a limit names {schema}.{property}, which the document does not have");
        match limit {
            Limit::Chars(max) => field["maxLength"] = json!(max),
            Limit::ItemChars(max) => field["items"]["maxLength"] = json!(max),
            Limit::Items(max) => field["maxItems"] = json!(max),
        }
    }
}

/// This document (OpenAPI 3.1).
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "openapi_document",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json"))
)]
pub async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], json())
}

/// The codes of the domain's lists as named enums of the document, made from the lists
/// themselves when the document is built. A field names one with
/// `#[schema(value_type = codes::Topic)]` (or `Option<…>`, `Vec<…>`); the service still
/// checks every code, and answers an unknown one with the list's codes.
pub(super) mod codes {
    use std::borrow::Cow;

    use komek_domain::{Currency, indicators, law, lookups};
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

    fn schema<'a>(list: &str, codes: impl IntoIterator<Item = &'a str>) -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(codes))
            .description(Some(format!("A code of the list `{list}`.")))
            .into()
    }

    macro_rules! code_types {
        ($($name:ident => $list:expr, $codes:expr;)+) => {$(
            #[allow(dead_code)]
            pub struct $name;

            impl utoipa::PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    schema($list, $codes)
                }
            }

            impl utoipa::ToSchema for $name {
                fn name() -> Cow<'static, str> {
                    Cow::Borrowed(stringify!($name))
                }
            }
        )+};
    }

    /// An editable list's codes are the organisation's: the shipped ones are examples, not
    /// an enumeration.
    fn editable_schema(list: &str, shipped: &[&str]) -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"))
            .max_length(Some(komek_domain::lookups::MAX_CODE_CHARS))
            .description(Some(format!(
                "A code of the organisation's list `{list}`: the codes it ships with ({}) and any its administrator added.",
                shipped.join(", ")
            )))
            .into()
    }

    macro_rules! lookup_types {
        ($($name:ident => $list:expr;)+) => {$(
            #[allow(dead_code)]
            pub struct $name;

            impl utoipa::PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    if $list.editable {
                        editable_schema($list.name, $list.codes)
                    } else {
                        schema($list.name, $list.codes.iter().copied())
                    }
                }
            }

            impl utoipa::ToSchema for $name {
                fn name() -> Cow<'static, str> {
                    Cow::Borrowed(stringify!($name))
                }
            }
        )+};
    }

    lookup_types! {
        ChannelCode => lookups::CHANNEL;
        ContactCode => lookups::CONTACT;
        TopicCode => lookups::TOPIC;
        HelpCode => lookups::HELP;
        OccupationCode => lookups::OCCUPATION;
        SectorCode => lookups::SECTOR;
        ReasonCode => lookups::MIGRATION_REASON;
        AppealOutcomeCode => lookups::APPEAL_OUTCOME;
        RegionCode => lookups::REGION;
        DistrictCode => lookups::DISTRICT;
        CaseKindCode => lookups::CASE_KIND;
        CaseStatusCode => lookups::CASE_STATUS;
        CaseOutcomeCode => lookups::CASE_OUTCOME;
        ClosingReasonCode => lookups::CLOSING_REASON;
        CaseEventCode => lookups::CASE_EVENT;
        VictimStatusCode => lookups::VICTIM_STATUS;
        IdentifyingBodyCode => lookups::IDENTIFYING_BODY;
        ServiceCode => lookups::SERVICE_KIND;
        PartyRoleCode => lookups::PARTY_ROLE;
        PlaceCode => lookups::PLACE_KIND;
        SexCode => lookups::SEX;
        CitizenshipCode => lookups::CITIZENSHIP;
        VulnerabilityCode => lookups::VULNERABILITY;
        PartyKindCode => lookups::PARTY_KIND;
        LicenceStatusCode => lookups::LICENCE_STATUS;
        LanguageCode => lookups::LANGUAGE;
        AgeBandCode => lookups::AGE_BAND;
        PartnerKindCode => lookups::PARTNER_KIND;
        ConsentMethodCode => lookups::CONSENT_METHOD;
        ReferralPurposeCode => lookups::REFERRAL_PURPOSE;
        DataCategoryCode => lookups::DATA_CATEGORY;
        UrgencyCode => lookups::URGENCY;
        ReferralStatusCode => lookups::REFERRAL_STATUS;
        RecruitmentMethodCode => lookups::RECRUITMENT_METHOD;
        MeansOfControlCode => lookups::MEANS_OF_CONTROL;
        VisitStatusCode => lookups::VISIT_STATUS;
        CheckItemCode => lookups::CHECK_ITEM;
        ViolationCode => lookups::VIOLATION;
        MaterialCode => lookups::MATERIAL;
        ProceedingKindCode => law::PROCEEDING_KIND;
        AuthorityCode => law::AUTHORITY;
        ProceedingStageCode => law::PROCEEDING_STAGE;
        ProceedingOutcomeCode => law::PROCEEDING_OUTCOME;
    }

    /// An article's code: the organisation adds articles, so the shipped ones are examples.
    #[allow(dead_code)]
    pub struct ArticleCode;

    impl utoipa::PartialSchema for ArticleCode {
        fn schema() -> RefOr<Schema> {
            let shipped: Vec<&str> = law::ARTICLES.iter().map(|a| a.code).collect();
            editable_schema(law::ARTICLE_LIST, &shipped)
        }
    }

    impl utoipa::ToSchema for ArticleCode {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("ArticleCode")
        }
    }

    code_types! {
        CurrencyCode => "currency", Currency::ALL.iter().map(|c| c.code());
        CatalogueCode => "catalogue", indicators::CATALOGUES.iter().map(|c| c.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_served_is_in_the_document_and_nothing_else_is() {
        let document: serde_json::Value = serde_json::from_str(json()).unwrap();
        assert_eq!(document["openapi"], "3.1.0");
        let mut documented: Vec<(String, String)> = Vec::new();
        for (path, item) in document["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys().filter(|k| *k != "parameters") {
                documented.push((method.to_uppercase(), path.clone()));
            }
        }
        let mut served: Vec<(String, String)> =
            super::super::table().routes.iter().map(|(m, p)| (m.to_string(), (*p).to_owned())).collect();
        documented.sort();
        served.sort();
        assert_eq!(served, documented);
        assert!(served.iter().all(|(_, path)| path.starts_with(super::super::PREFIX)));
    }

    #[test]
    fn operations_have_distinct_ids_and_choices_are_listed() {
        let document: serde_json::Value = serde_json::from_str(json()).unwrap();
        let mut ids: Vec<&str> = document["paths"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|item| item.as_object().unwrap().values())
            .map(|operation| operation["operationId"].as_str().unwrap())
            .collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "an operation id is used twice: {ids:?}");
        let parameters = document["paths"]["/api/v1/appeals"]["get"]["parameters"].as_array().unwrap();
        let sort = parameters.iter().find(|p| p["name"] == "sort").unwrap();
        assert_eq!(sort["schema"]["enum"], serde_json::json!(["newest", "oldest", "follow-up"]), "{sort}");
    }

    #[test]
    fn every_schema_referred_to_is_in_the_document() {
        const REF: &str = "#/components/schemas/";
        let document: serde_json::Value = serde_json::from_str(json()).unwrap();
        let schemas = document["components"]["schemas"].as_object().unwrap();
        let text = json();
        let referred: Vec<&str> = text
            .match_indices(REF)
            .map(|(at, _)| &text[at + REF.len()..])
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert!(referred.contains(&"ErrorBody"));
        for name in referred {
            assert!(schemas.contains_key(name), "{name} is referred to but not in the document");
        }
    }

    #[test]
    fn every_operation_but_the_document_needs_a_token() {
        let document: serde_json::Value = serde_json::from_str(json()).unwrap();
        assert_eq!(document["components"]["securitySchemes"]["api_token"]["scheme"], "bearer");
        for (path, item) in document["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let secured = operation["security"].as_array().is_some_and(|s| !s.is_empty());
                assert_eq!(secured, path != "/api/v1/openapi.json", "{method} {path}");
            }
        }
    }
}
