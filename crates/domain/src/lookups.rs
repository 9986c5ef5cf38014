//! Lookup lists: the stable codes behind every choice a form offers.
//!
//! Codes are data and are never renamed; their labels live in the Fluent files of the web
//! crate under `lookup-{list}-{code}`. These are the lists Komek ships with, compiled in;
//! lists that an administrator edits as data are not built yet.

/// One named list of codes, in the order a form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookupList {
    /// Stable list name, also the middle part of each label's Fluent id.
    pub name: &'static str,
    pub codes: &'static [&'static str],
}

impl LookupList {
    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains(&code)
    }

    /// The Fluent message id of a code's label. A Fluent id holds only letters, digits, `-`
    /// and `_`: a `+` (the age band "48+") is spelt "plus", anything else becomes `_`.
    pub fn label_id(&self, code: &str) -> String {
        let mut id = format!("lookup-{}-", self.name);
        for c in code.chars() {
            match c {
                '+' => id.push_str("plus"),
                c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => id.push(c),
                _ => id.push('_'),
            }
        }
        id
    }

    /// Checks that `code`, given for `field`, belongs to this list.
    pub fn check(&self, field: &'static str, code: &str) -> Result<(), crate::ValidationError> {
        if self.contains(code) {
            Ok(())
        } else {
            Err(crate::ValidationError::UnknownCode { field, list: self.name, code: code.to_owned() })
        }
    }
}

macro_rules! lookup {
    ($(#[$doc:meta])* $ident:ident = $name:literal [$($code:literal),+ $(,)?]) => {
        $(#[$doc])*
        pub const $ident: LookupList = LookupList { name: $name, codes: &[$($code),+] };
    };
}

lookup!(
    /// How an appeal reached us.
    CHANNEL = "channel" [
        "hotline-phone", "walk-in", "district-centre", "mobile-group", "border-point",
        "messenger", "web-form", "email",
    ]
);

lookup!(
    /// Who was on the other end of an appeal.
    CONTACT = "contact" ["migrant", "relative", "employer", "partner", "official", "anonymous"]
);

lookup!(
    /// What an appeal is about; an appeal has one or several.
    TOPIC = "topic" [
        "employment", "employment-contract", "registration", "citizenship", "residence-permit",
        "wages-unpaid", "documents-taken", "forced-labour-suspicion", "detention-expulsion",
        "health", "children-education", "private-matter", "other",
    ]
);

lookup!(
    /// Help given during an appeal; several may apply.
    HELP = "help" ["legal-consultation", "psychological-consultation", "information", "referral"]
);

lookup!(
    /// Occupation at the time of the appeal.
    OCCUPATION = "occupation" [
        "handyman", "skilled-construction", "market-trader", "agricultural-worker", "foreman",
        "kitchen-worker-cook", "service-worker", "domestic-worker", "nanny", "factory-worker",
        "driver", "loader", "other",
    ]
);

lookup!(
    /// CTDC age bands at registration ([`crate::age_band`] gives one from an age); a person
    /// whose age is unknown has none.
    AGE_BAND = "age-band" ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"]
);

lookup!(
    /// Sector of work.
    SECTOR = "sector" ["trade", "construction", "services", "industry", "agriculture", "domestic-work"]
);

lookup!(
    /// Why the person migrated.
    MIGRATION_REASON = "reason" ["economic", "family", "business", "political", "other"]
);

lookup!(
    /// How an appeal ended for now.
    APPEAL_OUTCOME = "appeal-outcome" ["advised", "referred", "case-opened", "pending"]
);

lookup!(
    /// Kazakhstan's regions (oblasts and cities of republican significance), 2024 division.
    REGION = "region" [
        "shymkent", "turkistan", "almaty-city", "astana", "almaty", "zhetisu", "abai",
        "akmola", "aktobe", "atyrau", "east-kazakhstan", "zhambyl", "west-kazakhstan",
        "karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "north-kazakhstan",
        "ulytau",
    ]
);

lookup!(
    /// Districts where the organisation works most: those of Turkistan region (the former
    /// South Kazakhstan region) and Shymkent's city districts.
    DISTRICT = "district" [
        "maktaaral", "saryagash", "kazygurt", "tolebi", "sairam", "ordabasy", "otyrar",
        "baidibek", "tulkibas", "shardara", "zhetysai", "keles", "sozak", "arys", "kentau",
        "turkistan-city", "shymkent-abai", "shymkent-al-farabi", "shymkent-enbekshi",
        "shymkent-karatau", "shymkent-turan",
    ]
);

lookup!(
    /// Kind of a case.
    CASE_KIND = "case-kind" [
        "trafficking-labour", "trafficking-sexual", "forced-labour", "labour-exploitation",
        "intermediary-fraud", "unpaid-wages", "documents-withheld", "expulsion-detention",
        "child-labour", "domestic-worker-abuse", "gender-based-violence", "other",
    ]
);

lookup!(
    /// Where a recruitment agency's licence stands: "none" for an agency found working
    /// without one.
    LICENCE_STATUS = "licence-status" ["valid", "suspended", "revoked", "expired", "none", "unknown"]
);

lookup!(
    /// Where a case stands.
    CASE_STATUS = "case-status" ["open", "follow-up", "closed", "closed-referred"]
);

lookup!(
    /// What a case achieved; a case may have several.
    CASE_OUTCOME = "case-outcome" [
        "returned-home", "documents-returned", "wages-paid", "employer-fined",
        "employer-avoided-liability", "sentence", "shelter-provided", "none-yet",
    ]
);

lookup!(
    /// Why a case was closed; closing asks for it together with the outcome.
    CLOSING_REASON = "closing-reason" [
        "goals-achieved", "referred-elsewhere", "person-declined", "lost-contact", "person-returned-home",
        "no-grounds", "other",
    ]
);

lookup!(
    /// What happened on a day of a case's timeline (HTCDS events: recruitment, transit,
    /// exploitation, and what followed).
    CASE_EVENT = "case-event" [
        "recruitment", "transit", "exploitation", "escape-release", "complaint", "identification",
        "return-home", "contact", "other",
    ]
);

lookup!(
    /// A person's standing as a victim in a case (HTCDS trafficking status).
    VICTIM_STATUS = "victim-status" ["unknown", "presumed", "identified", "not-a-victim"]
);

lookup!(
    /// The kind of body that identified a victim (HTCDS "identified by").
    IDENTIFYING_BODY = "identifying-body" ["ngo", "police", "prosecutor-court", "other-government", "other"]
);

lookup!(
    /// Help delivered within a case.
    SERVICE_KIND = "service" [
        "legal-consultation", "psychological", "psychiatric", "medical", "shelter",
        "food-clothing", "document-restoration", "wage-recovery", "mediation", "repatriation",
        "interpreter", "employment-help",
    ]
);

lookup!(
    /// The role a party played.
    PARTY_ROLE = "party-role" ["employer", "intermediary", "foreman", "registration-helper", "official", "transporter", "other"]
);

lookup!(
    /// Kind of place a monitoring visit goes to, or where someone was exploited.
    PLACE_KIND = "place" [
        "cotton-field", "vineyard", "melon-field", "greenhouse", "tobacco-field",
        "livestock-farm", "construction-site", "bazaar", "day-labour-market", "bus-station",
        "border-crossing", "ginning-factory", "household",
    ]
);

lookup!(
    /// Sex as the person states it (HTCDS gender values map from these).
    SEX = "sex" ["female", "male", "other", "unknown"]
);

lookup!(
    /// Citizenships seen in this work (ISO 3166-1 alpha-2), plus stateless and unknown.
    CITIZENSHIP = "citizenship" [
        "UZ", "KG", "TJ", "KZ", "RU", "TM", "AF", "CN", "TR", "AZ", "IL", "stateless", "unknown",
    ]
);

/// The codes of [`CITIZENSHIP`] that name no country: never a further citizenship.
pub const NOT_A_COUNTRY: &[&str] = &["stateless", "unknown"];

lookup!(
    /// Circumstances that call for extra care.
    VULNERABILITY = "vulnerability" ["minor", "pregnant", "disability", "no-documents", "unaccompanied-child"]
);

lookup!(
    /// Whether a party is a person or an organisation.
    PARTY_KIND = "party-kind" ["person", "company"]
);

lookup!(
    /// Languages a person speaks.
    LANGUAGE = "language" ["uz", "ru", "kk", "ky", "tg", "en", "other"]
);

lookup!(
    /// The kinds of organisation in the referral network.
    PARTNER_KIND = "partner-kind" [
        "police", "migration-police", "prosecutor", "court", "labour-inspection",
        "employment-department", "akimat", "medical", "shelter", "ngo",
        "international-organisation", "embassy-consulate", "ombudsman", "trade-union", "other",
    ]
);

lookup!(
    /// How a person's consent to share was given.
    CONSENT_METHOD = "consent-method" ["signed-form", "oral-with-witness", "guardian-for-minor"]
);

lookup!(
    /// What a referral, and the consent behind it, is for.
    REFERRAL_PURPOSE = "referral-purpose" [
        "assistance", "protection", "investigation", "legal-aid", "return-reintegration",
    ]
);

lookup!(
    /// The categories of a person's data a consent lets go; each shareable field belongs to one.
    DATA_CATEGORY = "data-category" [
        "identity", "contact", "case-narrative", "health", "perpetrator", "documents",
    ]
);

lookup!(
    /// How soon a partner should act on a referral.
    URGENCY = "urgency" ["routine", "urgent", "immediate"]
);

lookup!(
    /// Where a referral stands.
    REFERRAL_STATUS = "referral-status" [
        "draft", "sent", "received", "accepted", "declined", "services-delivered", "closed",
        "withdrawn",
    ]
);

lookup!(
    /// How the person was drawn in: through whom or where the offer came. Komek's own list,
    /// translated for the HTCDS export (`vic_MethodOfRecruitment`) by `data/htcds-2.0.json`.
    RECRUITMENT_METHOD = "recruitment-method" [
        "relatives", "friends-neighbours", "bazaar-intermediary", "day-labour-market",
        "employment-agency", "at-work", "school-college", "online-ad", "social-network-messenger",
        "newspaper-ad", "tv-radio-ad", "other",
    ]
);

lookup!(
    /// How the exploiters kept control of the person, as the person told it. Komek's own list,
    /// translated for the HTCDS export (`vic_MethodsOfControl`) by `data/htcds-2.0.json`.
    MEANS_OF_CONTROL = "means-of-control" [
        "documents-withheld", "wages-withheld", "debt", "false-promises", "threats-of-violence",
        "threats-of-police", "threats-to-family", "physical-violence", "sexual-violence",
        "psychological-pressure", "money-controlled", "necessities-withheld", "medical-care-denied",
        "alcohol-drugs", "excessive-hours", "confinement-isolation", "other",
    ]
);

lookup!(
    /// Where a monitoring visit stands: planned for a day, done, or called off with a reason.
    VISIT_STATUS = "visit-status" ["planned", "done", "cancelled"]
);

lookup!(
    /// What the mobile group looks at on every visit (each answered yes, no or not seen).
    /// Each item is worded so that its answer is a fact seen on the spot; which answer signals a
    /// violation is the domain's `monitoring::CHECK_SIGNALS`.
    CHECK_ITEM = "check-item" [
        "written-contracts", "passports-held", "wages-on-time", "long-hours", "days-off",
        "decent-housing", "drinking-water", "food", "children-working", "children-out-of-school",
        "medical-access", "free-movement", "threats-violence", "registered",
    ]
);

lookup!(
    /// Violations of workers' rights found on a visit; where one fits an ILO indicator of
    /// forced labour, `monitoring::violation_indicator` says which.
    VIOLATION = "violation" [
        "documents-withheld", "no-written-contract", "wages-withheld", "excessive-hours",
        "no-days-off", "degrading-living-conditions", "no-drinking-water", "no-food",
        "child-labour", "children-out-of-school", "no-medical-access", "restricted-movement",
        "threats-violence", "physical-violence", "debt-bondage", "deception", "isolation",
        "unregistered-workers",
    ]
);

lookup!(
    /// Materials the information campaign hands out.
    MATERIAL = "material" ["leaflet", "booklet", "poster", "hotline-card", "memo"]
);

/// Every list, for screens that show them all and for the translation completeness test.
pub const ALL: &[LookupList] = &[
    CHANNEL,
    CONTACT,
    TOPIC,
    HELP,
    OCCUPATION,
    SECTOR,
    MIGRATION_REASON,
    APPEAL_OUTCOME,
    REGION,
    DISTRICT,
    CASE_KIND,
    CASE_STATUS,
    CASE_OUTCOME,
    CLOSING_REASON,
    CASE_EVENT,
    VICTIM_STATUS,
    IDENTIFYING_BODY,
    SERVICE_KIND,
    PARTY_ROLE,
    PLACE_KIND,
    SEX,
    CITIZENSHIP,
    VULNERABILITY,
    PARTY_KIND,
    LICENCE_STATUS,
    LANGUAGE,
    AGE_BAND,
    PARTNER_KIND,
    CONSENT_METHOD,
    REFERRAL_PURPOSE,
    DATA_CATEGORY,
    URGENCY,
    REFERRAL_STATUS,
    RECRUITMENT_METHOD,
    MEANS_OF_CONTROL,
    VISIT_STATUS,
    CHECK_ITEM,
    VIOLATION,
    MATERIAL,
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_within_each_list_and_list_names_are_unique() {
        let mut names = HashSet::new();
        for list in ALL {
            assert!(names.insert(list.name), "list {} twice", list.name);
            let mut seen = HashSet::new();
            for code in list.codes {
                assert!(seen.insert(code), "{}: code {code} twice", list.name);
                assert!(!code.is_empty() && !code.contains(' '), "{}: bad code {code:?}", list.name);
            }
        }
    }

    #[test]
    fn unknown_code_is_refused_with_the_field_and_the_list_named() {
        assert!(TOPIC.check("topics", "wages-unpaid").is_ok());
        let err = TOPIC.check("topics", "wages").unwrap_err();
        assert_eq!(err.field(), "topics");
        assert_eq!(err.to_string(), "topics: unknown code \"wages\" in the list topic");
    }
}
