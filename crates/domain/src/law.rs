//! The law a proceeding cites, and the vocabulary of proceedings.
//!
//! Anything legal is dated data: every code book and every article carries the dates it was in
//! force, so a form for a 2008 case offers the 1997 Criminal Code and a form for a 2016 case the
//! 2014 one, and an old record keeps meaning what it meant when it was written. [`ARTICLES`] is
//! the default catalogue the system ships with; an organisation adds articles of its own on top
//! of it and changes the dates, labels and source of the shipped ones ([`SavedArticle`], stored
//! as data), never by editing these.
//!
//! Article codes (`cc2014-128`) are stable identifiers stored in proceedings and are never
//! renamed; a later wording of the same article in a new code book is a new entry. Labels live
//! in the web crate's `law.ftl`: `law-{code}` for an article, `law-book-{code}` for a code book,
//! and `lookup-{list}-{code}` for the lookup lists below.
//!
//! Each entry says whether its number and subject were checked against a published text
//! ([`Article::verified`]); every entry is to be checked against the official legal database
//! (adilet.zan.kz) before a release: laws change, and no legal fact is taken as settled until
//! it has been checked there.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ValidationError;
use crate::lookups::LookupList;

/// A calendar date in a constant; an impossible date stops the build.
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("not a calendar date"),
    }
}

/// A code of the Republic of Kazakhstan whose articles proceedings cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeBook {
    /// Criminal Code of the Republic of Kazakhstan of 16 July 1997 No. 167, in force from
    /// 1 January 1998 to 31 December 2014.
    Criminal1997,
    /// Criminal Code of the Republic of Kazakhstan of 3 July 2014 No. 226-V, in force from
    /// 1 January 2015.
    Criminal2014,
    /// Code of the Republic of Kazakhstan on Administrative Offences of 30 January 2001
    /// No. 155-II, in force to 31 December 2014.
    Administrative2001,
    /// Code of the Republic of Kazakhstan on Administrative Offences of 5 July 2014 No. 235-V,
    /// in force from 1 January 2015.
    Administrative2014,
    /// Labour Code of the Republic of Kazakhstan of 23 November 2015 No. 414-V, in force from
    /// 1 January 2016. It defines no offences; it is here for the civil claims (wages, contracts)
    /// an organisation may want to cite.
    Labour2015,
}

impl CodeBook {
    /// Every code book, newest criminal law first.
    pub const ALL: [CodeBook; 5] =
        [Self::Criminal2014, Self::Administrative2014, Self::Labour2015, Self::Criminal1997, Self::Administrative2001];

    /// Stable code, the first part of its articles' codes.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Criminal1997 => "cc1997",
            Self::Criminal2014 => "cc2014",
            Self::Administrative2001 => "coao2001",
            Self::Administrative2014 => "coao2014",
            Self::Labour2015 => "lc2015",
        }
    }

    /// The code book with this stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|book| book.code() == code)
    }

    /// The Fluent message id of the code book's full name.
    pub fn label_id(self) -> String {
        format!("law-book-{}", self.code())
    }

    /// The day Parliament adopted it (the date in its title).
    pub const fn adopted_on(self) -> NaiveDate {
        match self {
            Self::Criminal1997 => date(1997, 7, 16),
            Self::Criminal2014 => date(2014, 7, 3),
            Self::Administrative2001 => date(2001, 1, 30),
            Self::Administrative2014 => date(2014, 7, 5),
            Self::Labour2015 => date(2015, 11, 23),
        }
    }

    /// First day in force.
    ///
    /// The 2001 Code of Administrative Offences is taken to apply from 1 July 2001; that day
    /// was not confirmed from a published source (its adoption date and its end were).
    pub const fn in_force_from(self) -> NaiveDate {
        match self {
            Self::Criminal1997 => date(1998, 1, 1),
            Self::Criminal2014 | Self::Administrative2014 => date(2015, 1, 1),
            Self::Administrative2001 => date(2001, 7, 1),
            Self::Labour2015 => date(2016, 1, 1),
        }
    }

    /// Last day in force, if it has been replaced.
    pub const fn in_force_to(self) -> Option<NaiveDate> {
        match self {
            Self::Criminal1997 | Self::Administrative2001 => Some(date(2014, 12, 31)),
            Self::Criminal2014 | Self::Administrative2014 | Self::Labour2015 => None,
        }
    }

    /// Whether the code book applied on `day`.
    pub fn in_force_on(self, day: NaiveDate) -> bool {
        in_window(self.in_force_from(), self.in_force_to(), day)
    }
}

/// One article of a code book, with the days this number carried this subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    /// Stable code: the book's code and the number, e.g. `cc2014-128`.
    pub code: &'static str,
    pub book: CodeBook,
    /// The number as the code prints it: `128`, `128-1`.
    pub number: &'static str,
    /// First day this article, with this subject, applied.
    pub in_force_from: NaiveDate,
    /// Last day it applied, if it no longer does.
    pub in_force_to: Option<NaiveDate>,
    /// Whether the number and subject were checked against a published text of the code or
    /// of a court or ministry that cites it. Unchecked entries are shown all the same, marked
    /// so a lawyer confirms them before relying on them.
    pub verified: bool,
}

impl Article {
    /// The Fluent message id of the article's label ("Criminal Code 2014, art. 128 — …").
    pub fn label_id(&self) -> String {
        format!("law-{}", self.code)
    }

    /// Whether the article applied on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        in_window(self.in_force_from, self.in_force_to, day)
    }
}

fn in_window(from: NaiveDate, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from <= day && to.is_none_or(|to| day <= to)
}

/// An article in force for the whole life of its code book.
const fn whole(code: &'static str, book: CodeBook, number: &'static str, verified: bool) -> Article {
    Article { code, book, number, in_force_from: book.in_force_from(), in_force_to: book.in_force_to(), verified }
}

/// The lookup-list name an unknown article code is reported under.
pub const ARTICLE_LIST: &str = "law-article";

/// The default catalogue: the articles this work cites, current code books first.
pub const ARTICLES: &[Article] = &[
    // Criminal Code 2014. Confirmed:
    // - 128 trafficking in persons and 135 trafficking in minors: Supreme Court normative
    //   resolution of 29 December 2012 No. 7 as amended to 2021 (cis-legislation.com), its
    //   2017 renumbering note "133, 132-1, 270 become 135, 134, 308" (zakonpravo.kz), the
    //   Kazakh text of art. 135 (massaget.kz) and labirint.online;
    // - 308 involvement in prostitution: the same renumbering note (1997 art. 270 → 308);
    // - 126 illegal deprivation of liberty: Kazakh text of art. 126 (kodeksy-kz.com);
    // - 125 abduction: indirectly, from art. 126 ("not connected with abduction") and the 2025
    //   reports on the new art. 125-1 on forced marriage (datnews.info, unn.ua);
    // - 309 organising or keeping brothels, and pimping: Kazakh text of art. 309 (dereksiz.org);
    // - 385 forgery, making or sale of forged documents: Ministry of Internal Affairs reports
    //   of 2021 (kt.kz, 16news.kz).
    // Not confirmed: 152 violation of labour legislation.
    whole("cc2014-125", CodeBook::Criminal2014, "125", true),
    whole("cc2014-126", CodeBook::Criminal2014, "126", true),
    whole("cc2014-128", CodeBook::Criminal2014, "128", true),
    whole("cc2014-135", CodeBook::Criminal2014, "135", true),
    whole("cc2014-152", CodeBook::Criminal2014, "152", false),
    whole("cc2014-308", CodeBook::Criminal2014, "308", true),
    whole("cc2014-309", CodeBook::Criminal2014, "309", true),
    whole("cc2014-385", CodeBook::Criminal2014, "385", true),
    // Code of Administrative Offences 2014. Confirmed:
    // - 517 breach of migration law by a foreigner: police and court reports on migrants fined
    //   or expelled under it (mgorod.kz 2017, qyzyljarnews.kz);
    // - 518 breach of migration law by those who receive foreigners: its text (kodeksy-kz.com,
    //   forum.zakon.kz);
    // - 519 employing foreign workers in breach of the law: police report naming it
    //   (mgorod.kz, Atyrau);
    // - 86 admitting a person to work without an employment contract: its text, in this wording
    //   by the Law of 23 November 2015 No. 415-V from 1 January 2016 (continent-online.com), so
    //   the entry starts that day;
    // - 87 violation of labour legislation: the labour inspection's fines for unpaid wages under
    //   it (baq.kz 2025) and, earlier, for a missing employment contract (open-almaty.kz).
    Article {
        code: "coao2014-86",
        book: CodeBook::Administrative2014,
        number: "86",
        in_force_from: date(2016, 1, 1),
        in_force_to: None,
        verified: true,
    },
    whole("coao2014-87", CodeBook::Administrative2014, "87", true),
    whole("coao2014-517", CodeBook::Administrative2014, "517", true),
    whole("coao2014-518", CodeBook::Administrative2014, "518", true),
    whole("coao2014-519", CodeBook::Administrative2014, "519", true),
    // Criminal Code 1997 (the code of the 2008 cases). Confirmed: 125 abduction, 126 illegal
    // deprivation of liberty, 128 recruitment of people for exploitation (later worded as
    // trafficking in persons), 133 trafficking in minors, 270 involvement in prostitution and
    // 271 brothels, all named together in the Interfax-Kazakhstan report of July 2003 on the
    // trafficking amendments (cacianalyst.org); 128 and 133 also in an English text of the Code
    // (studopedia.info) and 133 and 270 in the Supreme Court's 2017 renumbering note.
    whole("cc1997-125", CodeBook::Criminal1997, "125", true),
    whole("cc1997-126", CodeBook::Criminal1997, "126", true),
    whole("cc1997-128", CodeBook::Criminal1997, "128", true),
    whole("cc1997-133", CodeBook::Criminal1997, "133", true),
    whole("cc1997-270", CodeBook::Criminal1997, "270", true),
    whole("cc1997-271", CodeBook::Criminal1997, "271", true),
    // Code of Administrative Offences 2001. Confirmed: 394 breach of the rules of stay by a
    // foreigner or stateless person, its text as amended in 2002 and 2006 (goverment.kz).
    whole("coao2001-394", CodeBook::Administrative2001, "394", true),
];

/// The catalogue entry with this code.
pub fn article(code: &str) -> Option<&'static Article> {
    ARTICLES.iter().find(|a| a.code == code)
}

/// The articles that applied on `day`, in catalogue order: what a proceeding form offers for a
/// proceeding opened that day.
pub fn in_force_on(day: NaiveDate) -> impl Iterator<Item = &'static Article> {
    ARTICLES.iter().filter(move |a| a.in_force_on(day))
}

/// Checks that `code`, given for `field`, may name an article: the organisation adds its own,
/// so here a code need only be well formed, and the catalogue
/// ([`crate::lookups::Catalogue::check`]) decides whether it has the article.
pub fn check(field: &'static str, code: &str) -> Result<(), ValidationError> {
    match crate::lookups::code_is_well_formed(code) {
        true => Ok(()),
        false => Err(ValidationError::UnknownCode { field, list: ARTICLE_LIST, code: code.to_owned() }),
    }
}

/// The pseudo-list of articles in a record's codes ([`crate::lookups::Coded`]): its codes are
/// the organisation's articles ([`crate::lookups::Catalogue::articles`]), dated, not retired.
pub const ARTICLE: LookupList = LookupList { name: ARTICLE_LIST, codes: &[], editable: true };

/// The longest label of an article: its code, number and subject ("УК РК 2014, ст. 128 —
/// Торговля людьми") run longer than a list's label.
pub const MAX_ARTICLE_LABEL_CHARS: usize = 240;

/// The longest source an article's entry names (a law's title, its number and date).
pub const MAX_SOURCE_CHARS: usize = 500;

/// An article the organisation added, or a shipped one whose dates, labels or source it
/// changed (an amendment in force from a day, a repeal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedArticle {
    /// `{book}-{number}`, as for the shipped articles.
    pub code: String,
    /// [`CodeBook::code`].
    pub book: String,
    /// The article's number, with a part after a hyphen where the code has one ("128-1").
    pub number: String,
    pub in_force_from: NaiveDate,
    pub in_force_to: Option<NaiveDate>,
    /// Language code → label ("УК РК 2014, ст. 128 — Торговля людьми").
    pub labels: BTreeMap<String, String>,
    /// Where the text was read: the law, its number and date, or the page of adilet.zan.kz.
    pub source: String,
    pub version: i64,
}

impl SavedArticle {
    /// Every problem of an article as an administrator typed it.
    pub fn validate(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        let book = CodeBook::from_code(&self.book);
        if book.is_none() {
            errors.push(ValidationError::UnknownCode { field: "book", list: "law-book", code: self.book.clone() });
        }
        let number = self.number.as_bytes();
        let well_formed = !number.is_empty()
            && number.len() <= 12
            && number[0].is_ascii_digit()
            && number.iter().all(|b| b.is_ascii_digit() || *b == b'-')
            && !self.number.ends_with('-')
            && !self.number.contains("--");
        if !well_formed {
            errors.push(ValidationError::Invalid { field: "number" });
        }
        if self.code != format!("{}-{}", self.book, self.number) {
            errors.push(ValidationError::Invalid { field: "code" });
        }
        crate::rules::check_day(&mut errors, "in_force_from", self.in_force_from);
        if let Some(to) = self.in_force_to {
            crate::rules::check_day(&mut errors, "in_force_to", to);
            if to < self.in_force_from {
                errors.push(ValidationError::Invalid { field: "in_force_to" });
            }
        }
        if let Some(book) = book
            && (self.in_force_from < book.in_force_from()
                || book.in_force_to().is_some_and(|end| self.in_force_to.is_none_or(|to| to > end)))
        {
            // An article is in force only while its code is.
            errors.push(ValidationError::Invalid { field: "in_force_from" });
        }
        for (language, label) in &self.labels {
            match crate::lookups::label_field(language) {
                Some(field) => crate::rules::check_line(&mut errors, field, label, MAX_ARTICLE_LABEL_CHARS),
                None => errors.push(ValidationError::Invalid { field: "labels" }),
            }
        }
        crate::rules::check_line(&mut errors, "source", &self.source, MAX_SOURCE_CHARS);
        errors
    }
}

/// An article as the organisation has it: a shipped one (with any change it saved), or its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleEntry {
    pub code: String,
    pub book: CodeBook,
    pub number: String,
    pub in_force_from: NaiveDate,
    pub in_force_to: Option<NaiveDate>,
    pub labels: BTreeMap<String, String>,
    pub source: String,
    /// Whether Komek ships it (its labels then come from the translations unless changed).
    pub shipped: bool,
    /// Whether its number and subject were checked against a published text: the shipped
    /// entry's mark, and for the organisation's own whether it names its source.
    pub verified: bool,
    /// The saved row's version; 0 for a shipped article never changed.
    pub version: i64,
}

impl ArticleEntry {
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        in_window(self.in_force_from, self.in_force_to, day)
    }

    /// The organisation's label in `language`, else (for its own article) in a staff language.
    pub fn label(&self, language: &str) -> Option<&str> {
        let own = |l: &str| self.labels.get(l).map(String::as_str).filter(|s| !s.trim().is_empty());
        own(language).or_else(|| if self.shipped { None } else { ["ru", "en", "kk"].into_iter().find_map(own) })
    }

    /// The entry to save when this article changes.
    pub fn saved(&self) -> SavedArticle {
        SavedArticle {
            code: self.code.clone(),
            book: self.book.code().to_owned(),
            number: self.number.clone(),
            in_force_from: self.in_force_from,
            in_force_to: self.in_force_to,
            labels: self.labels.clone(),
            source: self.source.clone(),
            version: self.version,
        }
    }
}

/// The shipped articles with the organisation's saved ones laid over them, by code book (in
/// the order of [`CodeBook::ALL`]) and number. A saved row with an unknown book is ignored.
pub fn articles_with(saved: Vec<SavedArticle>) -> Vec<ArticleEntry> {
    let mut entries: Vec<ArticleEntry> = ARTICLES
        .iter()
        .map(|a| ArticleEntry {
            code: a.code.to_owned(),
            book: a.book,
            number: a.number.to_owned(),
            in_force_from: a.in_force_from,
            in_force_to: a.in_force_to,
            labels: BTreeMap::new(),
            source: String::new(),
            shipped: true,
            verified: a.verified,
            version: 0,
        })
        .collect();
    for row in saved {
        let Some(book) = CodeBook::from_code(&row.book) else { continue };
        let verified = !row.source.trim().is_empty();
        match entries.iter_mut().find(|e| e.code == row.code) {
            Some(entry) => {
                entry.in_force_from = row.in_force_from;
                entry.in_force_to = row.in_force_to;
                entry.labels = row.labels;
                entry.source = row.source;
                entry.verified |= verified;
                entry.version = row.version;
            }
            None => entries.push(ArticleEntry {
                code: row.code,
                book,
                number: row.number,
                in_force_from: row.in_force_from,
                in_force_to: row.in_force_to,
                labels: row.labels,
                source: row.source,
                shipped: false,
                verified,
                version: row.version,
            }),
        }
    }
    let book_order = |book: CodeBook| CodeBook::ALL.iter().position(|b| *b == book);
    let number_order = |number: &str| {
        let mut parts = number.split('-').map(|p| p.parse::<u32>().unwrap_or(u32::MAX));
        (parts.next(), parts.next())
    };
    entries.sort_by(|a, b| {
        (book_order(a.book), number_order(&a.number)).cmp(&(book_order(b.book), number_order(&b.number)))
    });
    entries
}

/// What kind of proceeding it is.
pub const PROCEEDING_KIND: LookupList = LookupList {
    name: "proceeding-kind",
    codes: &["criminal", "administrative", "civil", "expulsion-appeal"],
    editable: false,
};

/// Who conducts the proceeding at its current stage.
pub const AUTHORITY: LookupList = LookupList {
    name: "authority",
    codes: &["police", "organised-crime-unit", "migration-police", "prosecutor", "court", "labour-inspection", "other"],
    editable: true,
};

/// Where the proceeding stands.
pub const PROCEEDING_STAGE: LookupList = LookupList {
    name: "proceeding-stage",
    codes: &[
        "complaint-filed",
        "pre-trial-investigation",
        "refused-to-open",
        "sent-to-court",
        "trial",
        "appeal",
        "decided",
        "closed",
    ],
    editable: false,
};

/// How the proceeding ended, or `pending`.
pub const PROCEEDING_OUTCOME: LookupList = LookupList {
    name: "proceeding-outcome",
    codes: &["sentence", "fine", "acquittal", "settlement", "expulsion-annulled", "dismissed", "pending"],
    editable: false,
};

/// Every lookup list of proceedings, for screens that show them all and for the translation
/// completeness test.
pub const LISTS: &[LookupList] = &[PROCEEDING_KIND, AUTHORITY, PROCEEDING_STAGE, PROCEEDING_OUTCOME];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn codes_on(d: NaiveDate) -> Vec<&'static str> {
        in_force_on(d).map(|a| a.code).collect()
    }

    #[test]
    fn article_codes_are_unique_and_spell_book_and_number() {
        let mut seen = HashSet::new();
        for a in ARTICLES {
            assert!(seen.insert(a.code), "{} twice", a.code);
            assert_eq!(
                a.code,
                format!("{}-{}", a.book.code(), a.number),
                "{} does not spell its book and number",
                a.code
            );
            assert!(!a.number.is_empty() && a.number.chars().all(|c| c.is_ascii_digit() || c == '-'), "{}", a.code);
        }
    }

    #[test]
    fn every_article_is_dated_within_its_code_book() {
        for a in ARTICLES {
            if let Some(to) = a.in_force_to {
                assert!(a.in_force_from <= to, "{} ends before it starts", a.code);
            }
            assert!(a.book.in_force_from() <= a.in_force_from, "{} starts before its code", a.code);
            if let Some(book_to) = a.book.in_force_to() {
                assert!(a.in_force_to.is_some_and(|to| to <= book_to), "{} outlives its code", a.code);
            }
        }
        for book in CodeBook::ALL {
            assert!(book.adopted_on() <= book.in_force_from(), "{book:?}");
            assert!(book.in_force_to().is_none_or(|to| book.in_force_from() <= to), "{book:?}");
            assert_eq!(CodeBook::from_code(book.code()), Some(book));
        }
    }

    #[test]
    fn a_2008_proceeding_cites_the_1997_code_and_a_2016_one_the_2014_code() {
        let in_2008 = codes_on(day(2008, 6, 1));
        assert!(in_2008.contains(&"cc1997-128") && in_2008.contains(&"cc1997-133"));
        assert!(!in_2008.contains(&"cc2014-128"));
        let in_2016 = codes_on(day(2016, 6, 1));
        assert!(in_2016.contains(&"cc2014-128") && in_2016.contains(&"coao2014-86"));
        assert!(!in_2016.contains(&"cc1997-128"));
    }

    #[test]
    fn codes_change_over_at_midnight_on_new_year_2015() {
        assert!(codes_on(day(2014, 12, 31)).contains(&"cc1997-128"));
        assert!(!codes_on(day(2014, 12, 31)).contains(&"cc2014-128"));
        assert!(codes_on(day(2015, 1, 1)).contains(&"cc2014-128"));
        assert!(!codes_on(day(2015, 1, 1)).contains(&"cc1997-128"));
        assert!(!codes_on(day(2015, 6, 1)).contains(&"coao2014-86"), "art. 86 in its current wording dates from 2016");
    }

    #[test]
    fn an_unknown_article_is_refused_with_the_list_named() {
        assert!(check("articles", "cc2014-128").is_ok());
        assert_eq!(article("cc1997-271").map(|a| a.number), Some("271"));
        let err = check("articles", "УК 128").unwrap_err();
        assert_eq!(err.field(), "articles");
        assert!(err.to_string().contains("law-article"), "{err}");
        // A well-formed code the catalogue does not have is its to refuse.
        let catalogue = crate::lookups::Catalogue::default();
        let cited = [crate::lookups::Coded::new("articles", ARTICLE, "cc2014-999")];
        let refused = catalogue.check(&cited, &[]);
        assert!(matches!(&refused[..], [ValidationError::UnknownCode { list: ARTICLE_LIST, .. }]), "{refused:?}");
        assert!(catalogue.check(&[crate::lookups::Coded::new("articles", ARTICLE, "cc2014-128")], &[]).is_empty());
    }

    #[test]
    fn label_ids_follow_the_fluent_scheme() {
        assert_eq!(article("cc2014-128").unwrap().label_id(), "law-cc2014-128");
        assert_eq!(CodeBook::Administrative2014.label_id(), "law-book-coao2014");
        assert_eq!(PROCEEDING_OUTCOME.label_id("expulsion-annulled"), "lookup-proceeding-outcome-expulsion-annulled");
    }

    #[test]
    fn proceeding_lists_have_unique_names_and_codes() {
        let mut names: HashSet<&str> = crate::lookups::ALL.iter().map(|l| l.name).collect();
        for list in LISTS {
            assert!(names.insert(list.name), "list {} twice", list.name);
            let mut seen = HashSet::new();
            for code in list.codes {
                assert!(seen.insert(code), "{}: code {code} twice", list.name);
                assert!(!code.is_empty() && !code.contains(' '), "{}: bad code {code:?}", list.name);
            }
        }
        assert!(PROCEEDING_STAGE.check("stage", "trial").is_ok());
        assert!(PROCEEDING_STAGE.check("stage", "forgotten").unwrap_err().to_string().contains("proceeding-stage"));
        assert!(AUTHORITY.check("authority", "KGB").unwrap_err().to_string().contains("authority"));
    }
}
