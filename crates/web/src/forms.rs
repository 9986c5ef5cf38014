//! Reading HTML forms and query strings, and saying what is wrong with them next to the field.
//!
//! Forms with repeated fields (several topics, several parties) are read as ordered name/value
//! pairs, which `serde_urlencoded` cannot give. Errors are kept per field as message ids, so a
//! form shown again keeps everything typed and marks exactly what to fix.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use chrono::NaiveDate;
use komek_domain::ValidationError;
use maud::{Markup, html};

use crate::errors::WebError;
use crate::i18n::Tr;

/// A submitted form or query string as name/value pairs, in order.
#[derive(Debug, Clone, Default)]
pub struct FormData(Vec<(String, String)>);

impl FormData {
    pub fn parse(encoded: &[u8]) -> Self {
        Self(form_urlencoded::parse(encoded).map(|(k, v)| (k.into_owned(), v.into_owned())).collect())
    }

    /// The first value of a field, or "" when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }

    /// The value of a field trimmed, or `None` when absent or blank.
    pub fn text(&self, name: &str) -> Option<String> {
        let value = self.get(name).trim();
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// Every non-blank value of a repeated field (checkboxes).
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, v)| k == name && !v.trim().is_empty()).map(|(_, v)| v.trim().to_owned()).collect()
    }

    /// Whether a checkbox or button of this name was sent.
    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

impl<S: Send + Sync> FromRequest<S> for FormData {
    type Rejection = WebError;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebError> {
        let is_form = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(WebError::BadRequest);
        }
        let body = Bytes::from_request(request, state).await.map_err(|_| WebError::BadRequest)?;
        Ok(Self::parse(&body))
    }
}

/// What is wrong with a form, by field name: the message id and, for a limit, the limit (a
/// length, a count or an amount, as shown).
///
/// On a page of several forms that share field names (the case page's parts), each form's
/// errors are `scoped` by the form, and its inputs' ids (`id_of`) carry the scope, so that no
/// id is on the page twice: a label then focuses its own input, and a link to an error reaches
/// it.
#[derive(Debug, Clone, Default)]
pub struct FieldErrors {
    by_field: BTreeMap<String, (&'static str, Option<String>)>,
    scope: Option<&'static str>,
}

impl FieldErrors {
    pub fn is_empty(&self) -> bool {
        self.by_field.is_empty()
    }

    /// The same errors for one form of a page of several (see above).
    pub fn scoped(self, scope: &'static str) -> Self {
        Self { scope: Some(scope), ..self }
    }

    /// The id of the input for field `name`: the name, after the form's scope if it has one.
    pub fn id_of(&self, name: &str) -> String {
        match self.scope {
            Some(scope) => format!("{scope}-{name}"),
            None => name.to_owned(),
        }
    }

    /// The id of the message under field `name`, which its input names as describing it.
    pub fn message_id(&self, name: &str) -> String {
        format!("{}-error", self.id_of(name))
    }

    /// `message_id`, when the field has a message.
    pub fn described_by(&self, name: &str) -> Option<String> {
        self.has(name).then(|| self.message_id(name))
    }

    /// Marks a field (the first problem of a field is the one shown).
    pub fn add(&mut self, field: &str, message_id: &'static str) {
        self.by_field.entry(field.to_owned()).or_insert((message_id, None));
    }

    /// Marks a field with a message that names a limit ("at most 63").
    pub fn add_with_max(&mut self, field: &str, message_id: &'static str, max: String) {
        self.by_field.entry(field.to_owned()).or_insert((message_id, Some(max)));
    }

    /// A service's validation errors, on the form inputs the resource's naming gives them.
    pub fn add_validation(&mut self, errors: &[ValidationError], naming: &crate::fields::Naming) {
        for e in errors {
            let (id, max) = match e {
                ValidationError::Required { .. } => ("form-required", None),
                ValidationError::UnknownCode { .. } => ("form-unknown-choice", None),
                ValidationError::RetiredCode { .. } => ("form-retired-choice", None),
                ValidationError::Taken { .. } => ("form-taken", None),
                ValidationError::Negative { .. } => ("form-negative", None),
                ValidationError::TooLong { max, .. } => ("form-too-long", Some(max.to_string())),
                ValidationError::Invalid { .. } => ("form-invalid", None),
                ValidationError::ControlCharacter { .. } => ("form-control-character", None),
                ValidationError::TooLarge { max, .. } => ("form-too-large", Some(max.to_string())),
                ValidationError::TooMany { max, .. } => ("form-too-many", Some(max.to_string())),
                ValidationError::Future { .. } => ("form-invalid-date", None),
                ValidationError::MoreThan { max, .. } => ("form-more-than", Some(max.to_string())),
            };
            self.by_field.entry(naming.form(e.field())).or_insert((id, max));
        }
    }

    pub fn has(&self, field: &str) -> bool {
        self.by_field.contains_key(field)
    }

    /// The message under a field, if it has one (with the id the field's `aria-describedby` names).
    pub fn message(&self, tr: Tr<'_>, field: &str) -> Markup {
        match self.by_field.get(field) {
            Some((id, Some(max))) => {
                html! { p.field-error id=(self.message_id(field)) { (tr.t_with(id, "max", max.clone())) } }
            }
            Some((id, None)) => html! { p.field-error id=(self.message_id(field)) { (tr.t(id)) } },
            None => html! {},
        }
    }

    /// The summary at the top of a form: how many fields to fix, each a link to its field.
    pub fn summary(&self, tr: Tr<'_>) -> Markup {
        if self.by_field.is_empty() {
            return html! {};
        }
        html! {
            div.error-summary role="alert" tabindex="-1" #errors {
                p { (tr.t_with("form-errors", "count", self.by_field.len())) }
            }
        }
    }
}

/// A task's own rules (a title, real days), checked on the form as well, so that every
/// problem shows at once: an empty title is marked even when the day could not be read and
/// the services were never asked. The form's own reading of a field, made first, is the one
/// shown.
pub fn check_task<Of>(errors: &mut FieldErrors, task: &komek_domain::casework::Task<Of>) {
    errors.add_validation(&task.validate(), &crate::fields::TASK);
}

/// A day typed in a form: empty is `None`; anything else must be a real date.
pub fn form_day(errors: &mut FieldErrors, name: &str, value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = komek_domain::rules::parse_day(value);
    if parsed.is_none() {
        errors.add(name, "form-invalid-date");
    }
    parsed
}

/// A day the form must have.
pub fn required_day(errors: &mut FieldErrors, name: &str, value: &str) -> NaiveDate {
    match form_day(errors, name, value) {
        Some(day) => day,
        None => {
            if !errors.has(name) {
                errors.add(name, "form-required");
            }
            NaiveDate::default()
        }
    }
}

/// A code from a form: empty is `None`.
pub fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_fields_and_blanks_are_read_as_typed() {
        let form =
            FormData::parse(b"topic=wages-unpaid&topic=documents-taken&name=+%D0%A5%D1%83%D1%81%D0%B0%D0%BD+&empty=");
        assert_eq!(form.all("topic"), ["wages-unpaid", "documents-taken"]);
        assert_eq!(form.text("name").as_deref(), Some("Хусан"));
        assert_eq!(form.text("empty"), None);
        assert!(form.has("empty"));
        assert_eq!(form.get("missing"), "");
    }

    #[test]
    fn the_first_problem_of_a_field_is_kept() {
        let mut errors = FieldErrors::default();
        errors.add("wage", "form-invalid");
        errors.add_validation(&[ValidationError::Negative { field: "wage" }], &crate::fields::APPEAL);
        errors.add_validation(&[ValidationError::Required { field: "topics" }], &crate::fields::APPEAL);
        assert!(errors.has("wage") && errors.has("topic"));
        assert_eq!(errors.by_field["wage"], ("form-invalid", None), "the first problem stays");
    }
}
