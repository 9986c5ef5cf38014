//! Form controls and small pieces every page builds with: labelled fields that show their
//! error, lookup selects, checkbox groups, dates in the office's time.

use chrono::{DateTime, FixedOffset, Utc};
use komek_domain::lookups::LookupList;
use maud::{Markup, html};

use crate::forms::FieldErrors;
use crate::i18n::Tr;

/// A labelled control with its error underneath; `control` must carry `id = name`.
pub fn field(tr: Tr<'_>, label_id: &str, name: &str, errors: &FieldErrors, control: Markup) -> Markup {
    html! {
        div.field {
            label for=(errors.id_of(name)) { (tr.t(label_id)) }
            (control)
            (errors.message(tr, name))
        }
    }
}

/// A one-line text input.
pub fn text_input(name: &str, value: &str, errors: &FieldErrors) -> Markup {
    html! {
        input type="text" id=(errors.id_of(name)) name=(name) value=(value)
            aria-invalid=[errors.has(name).then_some("true")]
            aria-describedby=[errors.described_by(name)];
    }
}

/// A text area of a few lines.
pub fn text_area(name: &str, value: &str, errors: &FieldErrors) -> Markup {
    html! {
        textarea id=(errors.id_of(name)) name=(name) rows="3"
            aria-invalid=[errors.has(name).then_some("true")]
            aria-describedby=[errors.described_by(name)] { (value) }
    }
}

/// A day, as the browser's date picker gives it (`YYYY-MM-DD`).
pub fn date_input(name: &str, value: &str, errors: &FieldErrors) -> Markup {
    html! {
        input type="date" id=(errors.id_of(name)) name=(name) value=(value)
            aria-invalid=[errors.has(name).then_some("true")]
            aria-describedby=[errors.described_by(name)];
    }
}

/// A select over a lookup list. `blank` adds a first, empty choice with that label.
pub fn lookup_select(
    tr: Tr<'_>,
    name: &str,
    list: LookupList,
    selected: &str,
    blank: Option<&str>,
    errors: &FieldErrors,
) -> Markup {
    html! {
        select id=(errors.id_of(name)) name=(name)
            aria-invalid=[errors.has(name).then_some("true")]
            aria-describedby=[errors.described_by(name)] {
            @if let Some(label) = blank {
                option value="" selected[selected.is_empty()] { (tr.t(label)) }
            }
            @for code in tr.options(list, &[selected]) {
                option value=(code) selected[code == selected] { (tr.lookup(list, &code)) }
            }
        }
    }
}

/// A filter over a lookup list: "any" first, then every code, retired ones too, since old
/// records still hold them.
pub fn lookup_filter(tr: Tr<'_>, name: &str, list: LookupList, selected: &str) -> Markup {
    html! {
        select id=(name) name=(name) {
            option value="" selected[selected.is_empty()] { (tr.t("form-any")) }
            @for code in tr.codes(list) {
                option value=(code) selected[code == selected] { (tr.lookup(list, &code)) }
            }
        }
    }
}

/// A group of checkboxes over a lookup list, in a fieldset with its legend and error.
pub fn lookup_checkboxes(
    tr: Tr<'_>,
    legend_id: &str,
    name: &str,
    list: LookupList,
    checked: &[String],
    errors: &FieldErrors,
) -> Markup {
    html! {
        fieldset.checks id=(errors.id_of(name)) aria-describedby=[errors.described_by(name)] {
            legend { (tr.t(legend_id)) }
            @for code in tr.options(list, &checked.iter().map(String::as_str).collect::<Vec<_>>()) {
                label.check {
                    input type="checkbox" name=(name) value=(code) checked[checked.contains(&code)];
                    " " (tr.lookup(list, &code))
                }
            }
            (errors.message(tr, name))
        }
    }
}

/// A moment as the office's clock shows it: "24.11.2026 09:30".
pub fn local_time(clock: FixedOffset, at: DateTime<Utc>) -> String {
    at.with_timezone(&clock).format("%d.%m.%Y %H:%M").to_string()
}

/// A moment to the second, for the audit log: "24.11.2026 09:30:12".
pub fn local_time_to_the_second(clock: FixedOffset, at: DateTime<Utc>) -> String {
    at.with_timezone(&clock).format("%d.%m.%Y %H:%M:%S").to_string()
}

/// A place in words, from the most particular part to the most general ("Construction site,
/// Tolebi district, Turkestan region"), leaving out the parts not known.
pub fn place<const N: usize>(parts: [String; N]) -> String {
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(", ")
}

/// A day as people write it here: "24.11.2026".
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_names_its_known_parts_apart() {
        let known = |parts: [&str; 3]| place(parts.map(str::to_owned));
        assert_eq!(
            known(["Construction site", "Tolebi district", "Turkestan region"]),
            "Construction site, Tolebi district, Turkestan region"
        );
        assert_eq!(known(["", "Tolebi district", " "]), "Tolebi district");
        assert_eq!(known(["", "", ""]), "");
    }
}
