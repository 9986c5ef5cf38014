//! Folding of names, phones and document numbers into the one form that search compares.
//!
//! People's names reach us in Cyrillic and Latin, spelled by ear, by passport, by the Uzbek
//! Latin alphabet: Хусан, Husan, Khusan, Xusan are one name. The blind indexes of the app
//! crate are keyed hashes of these folded forms, so everything the hotline can match on is
//! decided here, in pure functions.
//!
//! Changing any rule here changes the tokens of records already indexed: ship it with a
//! migration that queues their re-indexing (as `0004_typo_tolerant_search.sql` does).

/// One word of a name as search compares it: its folded token, and the forms it takes with
/// one letter left out (for typo tolerance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameWord {
    pub token: String,
    /// Empty for words shorter than `MIN_TYPO_TOLERANT_CHARS`.
    pub typo_forms: Vec<String>,
}

impl NameWord {
    fn new(word: &str) -> Self {
        let letters = transliterate(word);
        let token = collapse_doubles(&fold_latin(&letters));
        let typo_forms = if token.chars().count() < MIN_TYPO_TOLERANT_CHARS {
            Vec::new()
        } else {
            one_letter_deletions(&letters, &token)
        };
        Self { token, typo_forms }
    }

    /// Whether two words differ by at most one letter missing, added or changed, or two
    /// letters swapped: one is a typo form of the other, or they share one. This is exactly
    /// what the blind index can match by equality.
    pub fn within_one_typo(&self, other: &NameWord) -> bool {
        self.token == other.token
            || self.typo_forms.contains(&other.token)
            || other.typo_forms.contains(&self.token)
            || self.typo_forms.iter().any(|f| other.typo_forms.contains(f))
    }
}

/// Folds a whole name into its words, in the order written. Patronymic markers (o'g'li,
/// qizi, uulu, kyzy) are dropped: callers rarely say them. A Latin "x" is read both ways it
/// is written: "kh" in Uzbek (Xusan), "ks" in Russian (Alexander), so a word with an "x"
/// gives two words.
pub fn name_words(name: &str) -> Vec<NameWord> {
    let mut words = Vec::new();
    for raw in name.split(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '.' | '(' | ')' | '/' | ';')) {
        let word = NameWord::new(raw);
        if word.token.is_empty() || is_patronymic_marker(&word.token) {
            continue;
        }
        if raw.contains(['x', 'X']) {
            let russian = NameWord::new(&raw.replace(['x', 'X'], "ks"));
            if russian.token != word.token {
                words.push(word);
                words.push(russian);
                continue;
            }
        }
        words.push(word);
    }
    words
}

/// The folded tokens of a name's words (see `name_words`).
pub fn name_tokens(name: &str) -> Vec<String> {
    name_words(name).into_iter().map(|w| w.token).collect()
}

/// Shortest folded word that gets typo tolerance: shorter ones would meet too many others.
pub const MIN_TYPO_TOLERANT_CHARS: usize = 4;

/// Every form of a word with one of its letters as typed left out, folded afterwards: so a
/// typo that makes or breaks a doubled letter or a letter pair ("Saarova" for "Saparova",
/// "Zharov" for "Zaharov", "Dzalilova" for "Dzhalilova") still meets the word. The word's own
/// token is left out.
fn one_letter_deletions(letters: &str, token: &str) -> Vec<String> {
    let chars: Vec<char> = letters.chars().collect();
    let mut out: Vec<String> = Vec::with_capacity(chars.len());
    for skip in 0..chars.len() {
        let form: String = chars.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, c)| *c).collect();
        let form = collapse_doubles(&fold_latin(&form));
        if form != token && !out.contains(&form) {
            out.push(form);
        }
    }
    out
}

fn is_patronymic_marker(token: &str) -> bool {
    matches!(token, "ogli" | "ugli" | "kizi" | "uulu" | "ulu" | "kiz")
}

/// Folds one word: Cyrillic to Latin, then spelling variants to one skeleton.
pub fn fold_word(word: &str) -> String {
    collapse_doubles(&fold_keeping_doubles(word))
}

/// Doubled letters are the commonest typo and spelling variant (Abdullaev / Abdulaev).
fn collapse_doubles(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for ch in s.chars() {
        if !folded.ends_with(ch) {
            folded.push(ch);
        }
    }
    folded
}

/// Folds one word but keeps its doubled letters (typo forms are made from this).
fn fold_keeping_doubles(word: &str) -> String {
    fold_latin(&transliterate(word))
}

/// Lower case, Latin letters only: Cyrillic written letter by letter, apostrophes and the hard
/// and soft signs dropped. No spelling variant is folded yet.
fn transliterate(word: &str) -> String {
    let mut latin = String::with_capacity(word.len() + 4);
    for ch in word.chars().flat_map(char::to_lowercase) {
        match ch {
            'a'..='z' => latin.push(ch),
            // Uzbek Latin "o'" is the sound Russian spelling writes "у" (O'ktam, Уктам).
            '\'' | '`' | 'ʻ' | 'ʼ' | '’' | '‘' if latin.ends_with('o') => {
                latin.pop();
                latin.push('u');
            }
            // Other apostrophes of the Uzbek Latin alphabet (g') and hard/soft signs carry no
            // sound a caller can be relied on to spell.
            '\'' | '`' | 'ʻ' | 'ʼ' | '’' | '‘' | 'ъ' | 'ь' => {}
            _ => latin.push_str(cyrillic_to_latin(ch)),
        }
    }
    latin
}

fn cyrillic_to_latin(ch: char) -> &'static str {
    match ch {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "j",
        'з' => "z",
        'и' | 'і' | 'й' | 'ы' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' | 'ў' => "u",
        'ф' => "f",
        'х' | 'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' | 'щ' => "sh",
        'ю' => "yu",
        'я' => "ya",
        c if c.is_ascii_digit() => DIGITS[(c as u8 - b'0') as usize],
        _ => "",
    }
}

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// Spelling variants folded, longest patterns first: the same rules apply to every input,
/// so a lossy fold only ever makes two spellings meet, never drifts one of them away.
fn fold_latin(s: &str) -> String {
    const RULES: &[(&str, &str)] = &[
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("kh", "h"),
        ("gh", "g"),
        ("x", "h"),
        ("q", "k"),
        ("ng", "n"),
        ("ph", "f"),
        ("ye", "e"),
        ("yo", "e"),
        // Ё written the English way: Piotr, Aliona, Artiom.
        ("io", "e"),
        ("iy", "i"),
        ("y", "i"),
        ("w", "v"),
    ];
    let mut out = s.to_owned();
    for (from, to) in RULES {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

/// Normalises a phone number to international digits with a leading '+', guessing the
/// country for numbers written the local way in Kazakhstan (8 7xx …) and Uzbekistan (9x …).
/// Returns `None` when too few digits remain to be a phone number.
pub fn phone(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let international = raw.trim_start().starts_with('+') || raw.trim_start().starts_with("00");
    let digits = digits.strip_prefix("00").map(str::to_owned).unwrap_or(digits);
    let full = match digits.len() {
        _ if international => digits,
        11 if digits.starts_with('8') => format!("7{}", &digits[1..]),
        10 if digits.starts_with('7') => format!("7{digits}"),
        9 => format!("998{digits}"),
        _ => digits,
    };
    (full.len() >= 9 && full.len() <= 15).then(|| format!("+{full}"))
}

/// Normalises a passport or ID number: upper case, no spaces or dashes, and Cyrillic letters
/// that look like Latin ones read as Latin (passport series are typed in either).
pub fn document_number(raw: &str) -> Option<String> {
    let out: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .map(|c| match c {
            'А' => 'A',
            'В' => 'B',
            'Е' => 'E',
            'К' => 'K',
            'М' => 'M',
            'Н' => 'H',
            'О' => 'O',
            'Р' => 'P',
            'С' => 'C',
            'Т' => 'T',
            'Х' => 'X',
            'У' => 'Y',
            other => other,
        })
        .collect();
    (out.len() >= 4).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two spellings of one word meet when they share a token (a word with "x" has two).
    fn same(a: &str, b: &str) {
        let (ta, tb) = (name_tokens(a), name_tokens(b));
        assert!(ta.iter().any(|t| tb.contains(t)), "{a} {ta:?} vs {b} {tb:?}");
    }

    #[test]
    fn husan_is_found_however_his_name_is_spelled() {
        for variant in ["Husan", "Khusan", "Xusan", "ХУСАН", "хусан"] {
            same("Хусан", variant);
        }
    }

    #[test]
    fn surname_spellings_meet() {
        same("Абдуллаев", "Abdullaev");
        same("Абдуллаев", "Abdullayev");
        same("Абдуллаев", "Abdulaev");
        same("Жасур", "Jasur");
        same("Жасур", "Zhasur");
        same("Джамшид", "Jamshid");
        same("Джамшид", "Dzhamshid");
        same("Ёркин", "Yorkin");
        same("Ўктам", "O'ktam");
        same("Уктам", "Uktam");
        same("Ғайрат", "G'ayrat");
        same("Қосимов", "Kosimov");
        same("Қосимов", "Qosimov");
        same("Евгений", "Yevgeniy");
        same("Шахноза", "Shahnoza");
    }

    #[test]
    fn name_order_and_patronymic_markers_do_not_matter_to_tokens() {
        let mut a = name_tokens("Абдуллаев Хусан Рустам угли");
        let mut b = name_tokens("Husan Abdullaev");
        a.sort();
        b.sort();
        assert!(b.iter().all(|t| a.contains(t)));
        assert_eq!(name_tokens("Rustam o'g'li"), vec!["rustam".to_owned()]);
    }

    #[test]
    fn english_style_spellings_of_russian_names_meet() {
        same("Пётр", "Piotr");
        same("Алёна", "Aliona");
        same("Софья", "Sophia");
    }

    #[test]
    fn uzbek_latin_spellings_meet_russian_ones() {
        same("Уринов", "O'rinov");
        same("Тухтаев", "To'xtayev");
        same("Гафуров", "Ghafurov");
    }

    #[test]
    fn x_is_read_both_as_kh_and_as_ks() {
        assert!(name_tokens("Alexander").contains(&fold_word("Александер")));
        assert!(name_tokens("Xusan").contains(&fold_word("Хусан")));
        assert_eq!(name_tokens("Xusan").len(), 2);
        assert_eq!(name_tokens("Husan").len(), 1);
    }

    fn within_one_typo(a: &str, b: &str) -> bool {
        let (a, b) = (name_words(a), name_words(b));
        a.iter().any(|x| b.iter().any(|y| x.within_one_typo(y)))
    }

    #[test]
    fn one_typo_is_tolerated() {
        assert!(within_one_typo("Абдуллаев", "Abdulaer")); // a letter changed
        assert!(within_one_typo("Абдуллаев", "Abdllaev")); // a letter missing
        assert!(within_one_typo("Абдуллаев", "Abdullaeev")); // a letter added (not doubled)
        assert!(within_one_typo("Абдуллаев", "Abudllaev")); // two letters swapped
        assert!(within_one_typo("Сардор", "Sardar"));
        assert!(within_one_typo("Джамшед", "Jamshid"));
        assert!(within_one_typo("Сапарова", "Saaarova"), "a changed letter doubling its neighbour");
        assert!(within_one_typo("Назарова", "Naarova"));
        assert!(within_one_typo("Захаров", "Zharov"), "a typo that makes a letter pair");
        assert!(within_one_typo("Джалилова", "Dzalilova"), "a typo that breaks one");
        assert!(!within_one_typo("Абдуллаев", "Abdurahmanov"));
        assert!(!within_one_typo("Али", "Ари"), "short words are matched exactly only");
    }

    #[test]
    fn typo_forms_of_short_words_are_not_made() {
        assert!(name_words("Али")[0].typo_forms.is_empty());
        assert_eq!(name_words("Olim")[0].typo_forms, ["lim", "oim", "olm", "oli"]);
        assert_eq!(name_words("Abdullaev")[0].token, "abdulaev");
        assert!(!name_words("Abdullaev")[0].typo_forms.contains(&"abdulaev".to_owned()), "not its own token");
    }

    #[test]
    fn different_names_stay_different() {
        assert_ne!(name_tokens("Хусан"), name_tokens("Хасан"));
        assert_ne!(name_tokens("Азамат"), name_tokens("Азат"));
    }

    #[test]
    fn phones_in_local_and_international_formats_meet() {
        let kz = Some("+77011234567".to_owned());
        assert_eq!(phone("8 701 123 45 67"), kz);
        assert_eq!(phone("+7 (701) 123-45-67"), kz);
        assert_eq!(phone("7011234567"), kz);
        assert_eq!(phone("87011234567"), kz);
        let uz = Some("+998901234567".to_owned());
        assert_eq!(phone("90 123 45 67"), uz);
        assert_eq!(phone("+998 90 123-45-67"), uz);
        assert_eq!(phone("00998901234567"), uz);
        assert_eq!(phone("12-34"), None);
    }

    #[test]
    fn passport_numbers_typed_in_either_alphabet_meet() {
        assert_eq!(document_number("АА 123 45 67"), document_number("aa1234567"));
        assert_eq!(document_number("N-0123456"), Some("N0123456".to_owned()));
        assert_eq!(document_number("12"), None);
    }
}
