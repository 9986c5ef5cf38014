//! Names and places for the demo year: fictional people, believable spellings.
//!
//! The names are common ones, meant to be combined at random (given name + surname), so a
//! generated person stands for nobody in particular. The settlements and home towns are real
//! places; the employers are invented.
//!
//! Spelling conventions:
//! - `cyrillic` is the name as it is usually written in Kazakhstani documents (Russian
//!   orthography: "Уктам", not Uzbek "Ўктам"; "Голиб", not "Ғолиб"). Letters such as "ё" are
//!   kept where Russian writes them, so search has to fold "ё"/"е".
//! - The first Latin variant is the passport-style spelling ("Khusan", "Zhasur",
//!   "Abdullaev"); for Russian names it is the ICAO transliteration printed in Russian passports
//!   since 2013 ("Iuliia", "Sergei"), for Kazakh names the Kazakhstani passport style
//!   ("Yerlan", "Kassymov").
//! - The other variants are what people and officials actually type: Russian-style
//!   transliteration ("Zhasur"/"Jasur", "Abdullayev"), the Uzbek Latin alphabet ("Xusan",
//!   "O'ktam", "Qurbonov") and common English-style forms ("Yulia", "Maxim").
//! - Kyrgyz patronymic surnames are modelled as whole surnames: "Асан уулу" (male) and
//!   "Асан кызы" (female). Tajik "-зода" surnames have one form for both sexes.
//! - In every pool `female_surnames[i]` is the feminine form of `male_surnames[i]`.

/// A name as written in Cyrillic, with the Latin spellings people actually use for it
/// (first = the passport-style one).
#[derive(Debug, Clone, Copy)]
pub struct Name {
    pub cyrillic: &'static str,
    pub latin: &'static [&'static str],
}

/// Names of one people, by sex.
#[derive(Debug, Clone, Copy)]
pub struct NamePool {
    /// ISO 3166 alpha-2 citizenship these names are most common for: "UZ", "KG", "TJ", "KZ", "RU".
    pub citizenship: &'static str,
    pub male_given: &'static [Name],
    pub female_given: &'static [Name],
    pub male_surnames: &'static [Name],
    pub female_surnames: &'static [Name],
}

const fn n(cyrillic: &'static str, latin: &'static [&'static str]) -> Name {
    Name { cyrillic, latin }
}

/// All name pools, in the order UZ, KG, TJ, KZ, RU.
pub const POOLS: &[NamePool] = &[
    NamePool {
        citizenship: "UZ",
        male_given: UZ_MALE_GIVEN,
        female_given: UZ_FEMALE_GIVEN,
        male_surnames: UZ_MALE_SURNAMES,
        female_surnames: UZ_FEMALE_SURNAMES,
    },
    NamePool {
        citizenship: "KG",
        male_given: KG_MALE_GIVEN,
        female_given: KG_FEMALE_GIVEN,
        male_surnames: KG_MALE_SURNAMES,
        female_surnames: KG_FEMALE_SURNAMES,
    },
    NamePool {
        citizenship: "TJ",
        male_given: TJ_MALE_GIVEN,
        female_given: TJ_FEMALE_GIVEN,
        male_surnames: TJ_MALE_SURNAMES,
        female_surnames: TJ_FEMALE_SURNAMES,
    },
    NamePool {
        citizenship: "KZ",
        male_given: KZ_MALE_GIVEN,
        female_given: KZ_FEMALE_GIVEN,
        male_surnames: KZ_MALE_SURNAMES,
        female_surnames: KZ_FEMALE_SURNAMES,
    },
    NamePool {
        citizenship: "RU",
        male_given: RU_MALE_GIVEN,
        female_given: RU_FEMALE_GIVEN,
        male_surnames: RU_MALE_SURNAMES,
        female_surnames: RU_FEMALE_SURNAMES,
    },
];

/// Uzbek male given names.
pub const UZ_MALE_GIVEN: &[Name] = &[
    n("Хусан", &["Khusan", "Husan", "Xusan"]),
    n("Жасур", &["Zhasur", "Jasur"]),
    n("Ёркин", &["Yorkin", "Erkin", "Yorqin"]),
    n("Уктам", &["Uktam", "O'ktam"]),
    n("Шерзод", &["Sherzod"]),
    n(
        "Бахтиёр",
        &["Bakhtiyor", "Bahtiyor", "Baxtiyor", "Bakhtier"],
    ),
    n("Улугбек", &["Ulugbek", "Ulug'bek"]),
    n("Фаррух", &["Farrukh", "Farruh", "Farrux"]),
    n("Дилшод", &["Dilshod", "Dilshad"]),
    n("Азиз", &["Aziz"]),
    n("Бобур", &["Bobur", "Babur"]),
    n("Рустам", &["Rustam"]),
    n("Шухрат", &["Shukhrat", "Shuhrat", "Shuxrat"]),
    n("Отабек", &["Otabek"]),
    n("Жамшид", &["Zhamshid", "Jamshid", "Djamshid"]),
    n("Санжар", &["Sanzhar", "Sanjar"]),
    n("Акмал", &["Akmal"]),
    n("Бекзод", &["Bekzod"]),
    n("Достон", &["Doston", "Dostan"]),
    n("Нодир", &["Nodir", "Nadir"]),
    n("Равшан", &["Ravshan"]),
    n("Сардор", &["Sardor", "Sardar"]),
    n("Тимур", &["Timur"]),
    n("Ойбек", &["Oybek", "Oibek"]),
    n("Зафар", &["Zafar"]),
    n("Иброхим", &["Ibrokhim", "Ibrohim", "Ibroxim"]),
    n("Камолиддин", &["Kamoliddin", "Kamaliddin"]),
    n(
        "Мухаммадали",
        &["Mukhammadali", "Muhammadali", "Muxammadali"],
    ),
    n("Нурбек", &["Nurbek"]),
    n("Элёр", &["Elyor", "Elier"]),
    n("Абдурахмон", &["Abdurakhmon", "Abdurahmon", "Abduraxmon"]),
    n("Шахзод", &["Shakhzod", "Shahzod", "Shaxzod"]),
    n("Анвар", &["Anvar", "Anwar"]),
    n("Икром", &["Ikrom", "Ikram"]),
    n("Мурод", &["Murod", "Murad"]),
    n("Олим", &["Olim", "Alim"]),
    n("Тохир", &["Tokhir", "Tohir", "Toxir"]),
    n("Хуршид", &["Khurshid", "Hurshid", "Xurshid"]),
    n("Умид", &["Umid"]),
    n("Файзулло", &["Fayzullo", "Faizullo"]),
    n("Голиб", &["Golib", "G'olib"]),
    n("Комил", &["Komil", "Kamil"]),
    n("Шавкат", &["Shavkat"]),
    n("Лазиз", &["Laziz"]),
];

/// Uzbek female given names.
pub const UZ_FEMALE_GIVEN: &[Name] = &[
    n("Шахноза", &["Shakhnoza", "Shahnoza", "Shaxnoza"]),
    n("Дилноза", &["Dilnoza"]),
    n("Гулнора", &["Gulnora", "Gulnara"]),
    n("Нилуфар", &["Nilufar", "Nilufer"]),
    n("Зарина", &["Zarina"]),
    n("Мохира", &["Mokhira", "Mohira", "Moxira"]),
    n("Фотима", &["Fotima", "Fatima"]),
    n("Мадина", &["Madina"]),
    n("Севара", &["Sevara"]),
    n("Дилфуза", &["Dilfuza"]),
    n("Нодира", &["Nodira", "Nadira"]),
    n("Гулчехра", &["Gulchekhra", "Gulchehra", "Gulchexra"]),
    n("Феруза", &["Feruza", "Firuza"]),
    n("Малика", &["Malika"]),
    n("Юлдуз", &["Yulduz", "Iulduz"]),
    n("Умида", &["Umida"]),
    n("Зулфия", &["Zulfiya", "Zulfiia", "Zulfia"]),
    n("Гулноза", &["Gulnoza"]),
    n("Шохиста", &["Shokhista", "Shohista", "Shoxista"]),
    n("Барно", &["Barno"]),
    n("Дилором", &["Dilorom", "Dilarom"]),
    n("Мухаббат", &["Mukhabbat", "Muhabbat", "Muxabbat"]),
    n("Нигора", &["Nigora", "Nigara"]),
    n("Саодат", &["Saodat"]),
    n("Хилола", &["Khilola", "Hilola", "Xilola"]),
    n("Ойгул", &["Oygul", "Oigul"]),
    n("Сарвиноз", &["Sarvinoz"]),
    n("Мафтуна", &["Maftuna"]),
    n("Камола", &["Kamola", "Kamala"]),
    n("Зебо", &["Zebo"]),
    n("Лола", &["Lola"]),
    n("Муножат", &["Munozhat", "Munojat"]),
    n("Нафиса", &["Nafisa"]),
    n("Одина", &["Odina"]),
    n("Рано", &["Rano"]),
    n("Сайёра", &["Sayyora", "Saiora", "Sayora"]),
    n("Хуршида", &["Khurshida", "Hurshida", "Xurshida"]),
    n("Шоира", &["Shoira"]),
    n("Гулшан", &["Gulshan"]),
    n("Дурдона", &["Durdona"]),
    n("Матлуба", &["Matluba"]),
    n("Ёкутхон", &["Yokutkhon", "Yoqutxon", "Yokuthon"]),
    n("Интизор", &["Intizor"]),
];

/// Uzbek surnames, male form (index-aligned with `UZ_FEMALE_SURNAMES`).
pub const UZ_MALE_SURNAMES: &[Name] = &[
    n("Абдуллаев", &["Abdullaev", "Abdullayev"]),
    n("Турсунов", &["Tursunov"]),
    n("Рахимов", &["Rakhimov", "Rahimov", "Raximov"]),
    n("Юсупов", &["Yusupov", "Iusupov"]),
    n("Исмоилов", &["Ismoilov", "Ismailov"]),
    n("Холматов", &["Kholmatov", "Holmatov", "Xolmatov"]),
    n("Хасанов", &["Khasanov", "Hasanov", "Xasanov"]),
    n("Хусанов", &["Khusanov", "Husanov", "Xusanov"]),
    n("Эргашев", &["Ergashev"]),
    n("Норматов", &["Normatov"]),
    n("Мирзаев", &["Mirzaev", "Mirzayev"]),
    n("Саидов", &["Saidov"]),
    n("Умаров", &["Umarov"]),
    n("Юлдашев", &["Yuldashev", "Iuldashev"]),
    n("Азимов", &["Azimov"]),
    n("Алимов", &["Alimov"]),
    n("Бобоев", &["Boboev", "Boboyev"]),
    n("Жураев", &["Zhuraev", "Juraev", "Jurayev", "Djuraev"]),
    n("Кодиров", &["Kodirov", "Qodirov"]),
    n("Маматов", &["Mamatov"]),
    n("Назаров", &["Nazarov"]),
    n("Рашидов", &["Rashidov"]),
    n("Султанов", &["Sultanov"]),
    n("Тошматов", &["Toshmatov"]),
    n("Усмонов", &["Usmonov", "Usmanov"]),
    n("Файзиев", &["Fayziev", "Fayziyev", "Faiziev"]),
    n("Хамидов", &["Khamidov", "Hamidov", "Xamidov"]),
    n("Шарипов", &["Sharipov"]),
    n("Эшонкулов", &["Eshonkulov", "Eshonqulov"]),
    n("Ахмедов", &["Akhmedov", "Ahmedov", "Axmedov"]),
    n("Бердиев", &["Berdiev", "Berdiyev"]),
    n("Ганиев", &["Ganiev", "Ganiyev", "G'aniyev"]),
    n("Джалилов", &["Dzhalilov", "Jalilov"]),
    n("Латипов", &["Latipov"]),
    n("Муминов", &["Muminov", "Mo'minov"]),
    n("Насруллаев", &["Nasrullaev", "Nasrullayev"]),
    n("Олимов", &["Olimov"]),
    n("Пулатов", &["Pulatov", "Po'latov"]),
    n("Курбонов", &["Kurbonov", "Qurbonov"]),
    n("Собиров", &["Sobirov"]),
    n("Тухтаев", &["Tukhtaev", "Tuhtaev", "To'xtayev"]),
    n("Уринов", &["Urinov", "O'rinov"]),
    n("Шукуров", &["Shukurov"]),
];

/// Uzbek surnames, female form (index-aligned with `UZ_MALE_SURNAMES`).
pub const UZ_FEMALE_SURNAMES: &[Name] = &[
    n("Абдуллаева", &["Abdullaeva", "Abdullayeva"]),
    n("Турсунова", &["Tursunova"]),
    n("Рахимова", &["Rakhimova", "Rahimova", "Raximova"]),
    n("Юсупова", &["Yusupova", "Iusupova"]),
    n("Исмоилова", &["Ismoilova", "Ismailova"]),
    n("Холматова", &["Kholmatova", "Holmatova", "Xolmatova"]),
    n("Хасанова", &["Khasanova", "Hasanova", "Xasanova"]),
    n("Хусанова", &["Khusanova", "Husanova", "Xusanova"]),
    n("Эргашева", &["Ergasheva"]),
    n("Норматова", &["Normatova"]),
    n("Мирзаева", &["Mirzaeva", "Mirzayeva"]),
    n("Саидова", &["Saidova"]),
    n("Умарова", &["Umarova"]),
    n("Юлдашева", &["Yuldasheva", "Iuldasheva"]),
    n("Азимова", &["Azimova"]),
    n("Алимова", &["Alimova"]),
    n("Бобоева", &["Boboeva", "Boboyeva"]),
    n("Жураева", &["Zhuraeva", "Juraeva", "Jurayeva", "Djuraeva"]),
    n("Кодирова", &["Kodirova", "Qodirova"]),
    n("Маматова", &["Mamatova"]),
    n("Назарова", &["Nazarova"]),
    n("Рашидова", &["Rashidova"]),
    n("Султанова", &["Sultanova"]),
    n("Тошматова", &["Toshmatova"]),
    n("Усмонова", &["Usmonova", "Usmanova"]),
    n("Файзиева", &["Fayzieva", "Fayziyeva", "Faizieva"]),
    n("Хамидова", &["Khamidova", "Hamidova", "Xamidova"]),
    n("Шарипова", &["Sharipova"]),
    n("Эшонкулова", &["Eshonkulova", "Eshonqulova"]),
    n("Ахмедова", &["Akhmedova", "Ahmedova", "Axmedova"]),
    n("Бердиева", &["Berdieva", "Berdiyeva"]),
    n("Ганиева", &["Ganieva", "Ganiyeva", "G'aniyeva"]),
    n("Джалилова", &["Dzhalilova", "Jalilova"]),
    n("Латипова", &["Latipova"]),
    n("Муминова", &["Muminova", "Mo'minova"]),
    n("Насруллаева", &["Nasrullaeva", "Nasrullayeva"]),
    n("Олимова", &["Olimova"]),
    n("Пулатова", &["Pulatova", "Po'latova"]),
    n("Курбонова", &["Kurbonova", "Qurbonova"]),
    n("Собирова", &["Sobirova"]),
    n("Тухтаева", &["Tukhtaeva", "Tuhtaeva", "To'xtayeva"]),
    n("Уринова", &["Urinova", "O'rinova"]),
    n("Шукурова", &["Shukurova"]),
];

/// Kyrgyz male given names.
pub const KG_MALE_GIVEN: &[Name] = &[
    n("Азамат", &["Azamat"]),
    n("Айбек", &["Aibek", "Aybek"]),
    n("Бакыт", &["Bakyt", "Bakit"]),
    n("Эрлан", &["Erlan"]),
    n("Нурлан", &["Nurlan"]),
    n("Улан", &["Ulan"]),
    n("Жыргалбек", &["Zhyrgalbek", "Jyrgalbek"]),
    n("Медер", &["Meder"]),
    n("Тилек", &["Tilek"]),
    n("Эрмек", &["Ermek"]),
    n("Бекжан", &["Bekzhan", "Bekjan"]),
    n("Канат", &["Kanat"]),
    n("Марат", &["Marat"]),
    n("Нурбек", &["Nurbek"]),
    n("Алмаз", &["Almaz"]),
    n("Айдар", &["Aidar", "Aydar"]),
    n("Кубанычбек", &["Kubanychbek", "Kubanichbek"]),
    n("Мирлан", &["Mirlan"]),
    n("Султан", &["Sultan"]),
    n("Талант", &["Talant"]),
    n("Урмат", &["Urmat"]),
    n("Чынгыз", &["Chyngyz", "Chingiz"]),
    n("Эльдияр", &["Eldiiar", "Eldiyar"]),
    n("Жоомарт", &["Zhoomart", "Joomart"]),
    n("Бекболот", &["Bekbolot"]),
    n("Адилет", &["Adilet"]),
    n("Темирлан", &["Temirlan"]),
    n("Нуржигит", &["Nurzhigit", "Nurjigit"]),
    n("Бактыбек", &["Baktybek", "Baktibek"]),
    n("Асылбек", &["Asylbek", "Asilbek"]),
    n("Эмил", &["Emil"]),
    n("Самат", &["Samat"]),
    n("Курманбек", &["Kurmanbek"]),
    n("Тынчтык", &["Tynchtyk", "Tinchtik"]),
    n("Айбар", &["Aibar", "Aybar"]),
    n("Исмаил", &["Ismail"]),
    n("Женишбек", &["Zhenishbek", "Jenishbek"]),
    n("Максат", &["Maksat", "Maqsat"]),
    n("Эсен", &["Esen"]),
    n("Акылбек", &["Akylbek", "Akilbek"]),
    n("Мыктыбек", &["Myktybek"]),
    n("Дастан", &["Dastan"]),
    n("Бекназар", &["Beknazar"]),
];

/// Kyrgyz female given names.
pub const KG_FEMALE_GIVEN: &[Name] = &[
    n("Айгерим", &["Aigerim", "Aygerim"]),
    n("Жылдыз", &["Zhyldyz", "Jyldyz", "Jildiz"]),
    n("Гулзат", &["Gulzat"]),
    n("Айпери", &["Aiperi", "Ayperi"]),
    n("Нуриза", &["Nuriza"]),
    n("Бермет", &["Bermet"]),
    n("Айжан", &["Aizhan", "Aijan", "Ayzhan"]),
    n("Чолпон", &["Cholpon"]),
    n("Мээрим", &["Meerim"]),
    n("Назгул", &["Nazgul"]),
    n("Гулмира", &["Gulmira"]),
    n("Динара", &["Dinara"]),
    n("Асель", &["Asel"]),
    n("Каныкей", &["Kanykei", "Kanykey"]),
    n("Айнура", &["Ainura", "Aynura"]),
    n("Бактыгул", &["Baktygul", "Baktigul"]),
    n("Жаркынай", &["Zharkynai", "Jarkynai", "Jarkinay"]),
    n("Салтанат", &["Saltanat"]),
    n("Элмира", &["Elmira"]),
    n("Жамиля", &["Zhamilia", "Jamilya", "Zhamilya"]),
    n("Нургул", &["Nurgul"]),
    n("Айсулуу", &["Aisuluu", "Aysuluu"]),
    n("Толгонай", &["Tolgonai", "Tolgonay"]),
    n("Ырыс", &["Yrys", "Irys"]),
    n("Уулжан", &["Uulzhan", "Uuljan"]),
    n("Акмарал", &["Akmaral"]),
    n("Бегимай", &["Begimai", "Begimay"]),
    n("Жибек", &["Zhibek", "Jibek"]),
    n("Бурул", &["Burul"]),
    n("Нуржамал", &["Nurzhamal", "Nurjamal"]),
    n("Сезим", &["Sezim"]),
    n("Таттыбубу", &["Tattybubu"]),
    n("Чынара", &["Chynara", "Chinara"]),
    n("Эльвира", &["Elvira"]),
    n("Айдана", &["Aidana", "Aydana"]),
    n("Гульнара", &["Gulnara"]),
    n("Назира", &["Nazira"]),
    n("Венера", &["Venera"]),
    n("Кундуз", &["Kunduz"]),
    n("Айзада", &["Aizada", "Ayzada"]),
    n("Алтынай", &["Altynai", "Altynay"]),
    n("Мадина", &["Madina"]),
];

/// Kyrgyz surnames, male form (index-aligned with `KG_FEMALE_SURNAMES`).
pub const KG_MALE_SURNAMES: &[Name] = &[
    n("Абдыкалыков", &["Abdykalykov"]),
    n("Асанов", &["Asanov"]),
    n("Токтогулов", &["Toktogulov"]),
    n("Жумабеков", &["Zhumabekov", "Jumabekov"]),
    n("Мамбетов", &["Mambetov"]),
    n("Сыдыков", &["Sydykov", "Sidikov"]),
    n("Турдубаев", &["Turdubaev", "Turdubayev"]),
    n("Осмонов", &["Osmonov"]),
    n("Бейшеналиев", &["Beishenaliev", "Beyshenaliev"]),
    n("Кадырбеков", &["Kadyrbekov"]),
    n("Эсенбаев", &["Esenbaev", "Esenbayev"]),
    n("Абдыраев", &["Abdyraev", "Abdyrayev"]),
    n("Исаков", &["Isakov"]),
    n("Маматкулов", &["Mamatkulov"]),
    n("Нурматов", &["Nurmatov"]),
    n("Орозбаев", &["Orozbaev", "Orozbayev"]),
    n("Сулайманов", &["Sulaimanov", "Sulaymanov"]),
    n("Токтосунов", &["Toktosunov"]),
    n("Усенов", &["Usenov"]),
    n("Шаршеев", &["Sharsheev", "Sharsheyev"]),
    n("Алымбеков", &["Alymbekov", "Alimbekov"]),
    n("Бакиров", &["Bakirov"]),
    n("Джумалиев", &["Dzhumaliev", "Jumaliev"]),
    n("Иманалиев", &["Imanaliev"]),
    n("Калыков", &["Kalykov"]),
    n("Мусаев", &["Musaev", "Musayev"]),
    n("Омуралиев", &["Omuraliev"]),
    n("Рысбеков", &["Rysbekov"]),
    n("Садыров", &["Sadyrov"]),
    n("Темиров", &["Temirov"]),
    n("Уметалиев", &["Umetaliev"]),
    n("Эргешов", &["Ergeshov"]),
    n("Апсаматов", &["Apsamatov"]),
    n("Дуйшеев", &["Duisheev", "Duysheev"]),
    n("Керимбеков", &["Kerimbekov"]),
    n("Молдобаев", &["Moldobaev", "Moldobayev"]),
    n("Сатыбалдиев", &["Satybaldiev"]),
    n("Тологонов", &["Tologonov"]),
    n("Чыныбаев", &["Chynybaev", "Chinibaev"]),
    n("Эшимов", &["Eshimov"]),
    n("Асан уулу", &["Asan uulu"]),
    n("Бакыт уулу", &["Bakyt uulu"]),
    n("Нурлан уулу", &["Nurlan uulu"]),
    n("Талант уулу", &["Talant uulu"]),
];

/// Kyrgyz surnames, female form (index-aligned with `KG_MALE_SURNAMES`).
pub const KG_FEMALE_SURNAMES: &[Name] = &[
    n("Абдыкалыкова", &["Abdykalykova"]),
    n("Асанова", &["Asanova"]),
    n("Токтогулова", &["Toktogulova"]),
    n("Жумабекова", &["Zhumabekova", "Jumabekova"]),
    n("Мамбетова", &["Mambetova"]),
    n("Сыдыкова", &["Sydykova", "Sidikova"]),
    n("Турдубаева", &["Turdubaeva", "Turdubayeva"]),
    n("Осмонова", &["Osmonova"]),
    n("Бейшеналиева", &["Beishenalieva", "Beyshenalieva"]),
    n("Кадырбекова", &["Kadyrbekova"]),
    n("Эсенбаева", &["Esenbaeva", "Esenbayeva"]),
    n("Абдыраева", &["Abdyraeva", "Abdyrayeva"]),
    n("Исакова", &["Isakova"]),
    n("Маматкулова", &["Mamatkulova"]),
    n("Нурматова", &["Nurmatova"]),
    n("Орозбаева", &["Orozbaeva", "Orozbayeva"]),
    n("Сулайманова", &["Sulaimanova", "Sulaymanova"]),
    n("Токтосунова", &["Toktosunova"]),
    n("Усенова", &["Usenova"]),
    n("Шаршеева", &["Sharsheeva", "Sharsheyeva"]),
    n("Алымбекова", &["Alymbekova", "Alimbekova"]),
    n("Бакирова", &["Bakirova"]),
    n("Джумалиева", &["Dzhumalieva", "Jumalieva"]),
    n("Иманалиева", &["Imanalieva"]),
    n("Калыкова", &["Kalykova"]),
    n("Мусаева", &["Musaeva", "Musayeva"]),
    n("Омуралиева", &["Omuralieva"]),
    n("Рысбекова", &["Rysbekova"]),
    n("Садырова", &["Sadyrova"]),
    n("Темирова", &["Temirova"]),
    n("Уметалиева", &["Umetalieva"]),
    n("Эргешова", &["Ergeshova"]),
    n("Апсаматова", &["Apsamatova"]),
    n("Дуйшеева", &["Duisheeva", "Duysheeva"]),
    n("Керимбекова", &["Kerimbekova"]),
    n("Молдобаева", &["Moldobaeva", "Moldobayeva"]),
    n("Сатыбалдиева", &["Satybaldieva"]),
    n("Тологонова", &["Tologonova"]),
    n("Чыныбаева", &["Chynybaeva", "Chinibaeva"]),
    n("Эшимова", &["Eshimova"]),
    n("Асан кызы", &["Asan kyzy", "Asan kizi"]),
    n("Бакыт кызы", &["Bakyt kyzy", "Bakyt kizi"]),
    n("Нурлан кызы", &["Nurlan kyzy", "Nurlan kizi"]),
    n("Талант кызы", &["Talant kyzy", "Talant kizi"]),
];

/// Tajik male given names.
pub const TJ_MALE_GIVEN: &[Name] = &[
    n("Джамшед", &["Dzhamshed", "Jamshed", "Jamshid"]),
    n("Фаридун", &["Faridun"]),
    n("Бахром", &["Bakhrom", "Bahrom", "Baxrom"]),
    n("Сухроб", &["Sukhrob", "Suhrob"]),
    n("Рустам", &["Rustam"]),
    n("Фирдавс", &["Firdavs"]),
    n("Исмоил", &["Ismoil", "Ismail"]),
    n("Далер", &["Daler"]),
    n("Зафар", &["Zafar"]),
    n("Шохрух", &["Shokhrukh", "Shohruh", "Shahrukh"]),
    n("Умед", &["Umed"]),
    n("Хуршед", &["Khurshed", "Hurshed"]),
    n("Парвиз", &["Parviz"]),
    n("Манучехр", &["Manuchekhr", "Manuchehr"]),
    n("Некруз", &["Nekruz"]),
    n("Комрон", &["Komron", "Kamron"]),
    n("Абдулло", &["Abdullo"]),
    n("Сайфулло", &["Sayfullo", "Saifullo"]),
    n("Нозим", &["Nozim", "Nazim"]),
    n("Шавкат", &["Shavkat"]),
    n("Рахим", &["Rakhim", "Rahim"]),
    n("Бехруз", &["Behruz", "Bekhruz"]),
    n("Исфандиёр", &["Isfandiyor", "Isfandiyar", "Isfandier"]),
    n("Мирзо", &["Mirzo"]),
    n("Орзу", &["Orzu"]),
    n("Саидали", &["Saidali"]),
    n("Тохирджон", &["Tokhirdzhon", "Tohirjon"]),
    n("Файзали", &["Fayzali", "Faizali"]),
    n("Хусейн", &["Khusein", "Khuseyn", "Husayn"]),
    n("Шерали", &["Sherali"]),
    n("Юсуф", &["Yusuf", "Iusuf"]),
    n("Алишер", &["Alisher"]),
    n("Анушервон", &["Anushervon"]),
    n("Бахтиёр", &["Bakhtiyor", "Bahtiyor"]),
    n("Дилшод", &["Dilshod"]),
    n("Муродали", &["Murodali"]),
    n("Навруз", &["Navruz", "Nawruz"]),
    n("Рахматулло", &["Rakhmatullo", "Rahmatullo"]),
    n("Сино", &["Sino"]),
    n("Шахбоз", &["Shakhboz", "Shahboz"]),
    n("Икбол", &["Ikbol", "Iqbol"]),
    n("Абдурахим", &["Abdurakhim", "Abdurahim"]),
];

/// Tajik female given names.
pub const TJ_FEMALE_GIVEN: &[Name] = &[
    n("Мехрангез", &["Mekhrangez", "Mehrangez"]),
    n("Нигина", &["Nigina"]),
    n("Фарзона", &["Farzona"]),
    n("Зарина", &["Zarina"]),
    n("Шахло", &["Shakhlo", "Shahlo"]),
    n("Мижгона", &["Mizhgona", "Mijgona"]),
    n("Гулрухсор", &["Gulrukhsor", "Gulruhsor"]),
    n("Тахмина", &["Takhmina", "Tahmina"]),
    n("Парвина", &["Parvina"]),
    n("Нилуфар", &["Nilufar"]),
    n("Мадина", &["Madina"]),
    n("Сабохат", &["Sabokhat", "Sabohat"]),
    n("Дилафруз", &["Dilafruz"]),
    n("Фируза", &["Firuza"]),
    n("Гулбахор", &["Gulbakhor", "Gulbahor"]),
    n("Мунира", &["Munira"]),
    n("Рухшона", &["Rukhshona", "Ruhshona"]),
    n("Ситора", &["Sitora"]),
    n("Хуршеда", &["Khursheda", "Hursheda"]),
    n("Зебуннисо", &["Zebunniso"]),
    n("Мавзуна", &["Mavzuna"]),
    n("Нодира", &["Nodira"]),
    n("Озода", &["Ozoda"]),
    n("Сурайё", &["Surayo", "Suraiyo", "Suraie"]),
    n("Шабнам", &["Shabnam"]),
    n("Гулчехра", &["Gulchekhra", "Gulchehra"]),
    n("Дилноза", &["Dilnoza"]),
    n("Малохат", &["Malokhat", "Malohat"]),
    n("Мохира", &["Mokhira", "Mohira"]),
    n("Наргис", &["Nargis"]),
    n("Рано", &["Rano"]),
    n("Саломат", &["Salomat"]),
    n("Таманно", &["Tamanno"]),
    n("Фарангис", &["Farangis"]),
    n("Хосият", &["Khosiyat", "Hosiyat"]),
    n("Шахноза", &["Shakhnoza", "Shahnoza"]),
    n("Гулнора", &["Gulnora"]),
    n("Зулайхо", &["Zulaykho", "Zulaikho", "Zulayho"]),
    n("Матлуба", &["Matluba"]),
    n("Нозанин", &["Nozanin"]),
    n("Сарвиноз", &["Sarvinoz"]),
    n("Умеда", &["Umeda"]),
];

/// Tajik surnames, male form (index-aligned with `TJ_FEMALE_SURNAMES`).
pub const TJ_MALE_SURNAMES: &[Name] = &[
    n("Рахимов", &["Rakhimov", "Rahimov"]),
    n("Саидов", &["Saidov"]),
    n("Назаров", &["Nazarov"]),
    n("Шарипов", &["Sharipov"]),
    n("Хакимов", &["Khakimov", "Hakimov"]),
    n("Мирзоев", &["Mirzoev", "Mirzoyev"]),
    n("Сафаров", &["Safarov"]),
    n("Давлатов", &["Davlatov"]),
    n("Иброгимов", &["Ibrogimov", "Ibrohimov"]),
    n("Курбонов", &["Kurbonov", "Qurbonov"]),
    n("Одинаев", &["Odinaev", "Odinayev"]),
    n("Абдуллоев", &["Abdulloev", "Abdulloyev"]),
    n("Бобоев", &["Boboev", "Boboyev"]),
    n("Гафуров", &["Gafurov", "Ghafurov"]),
    n("Джураев", &["Dzhuraev", "Juraev", "Jurayev"]),
    n("Зоиров", &["Zoirov"]),
    n("Каюмов", &["Kayumov", "Kaiumov", "Qayumov"]),
    n("Латифов", &["Latifov"]),
    n("Махмадов", &["Makhmadov", "Mahmadov"]),
    n("Набиев", &["Nabiev", "Nabiyev"]),
    n("Олимов", &["Olimov"]),
    n("Пулодов", &["Pulodov"]),
    n("Раджабов", &["Radzhabov", "Rajabov"]),
    n("Сангинов", &["Sanginov"]),
    n("Тошев", &["Toshev"]),
    n("Умаров", &["Umarov"]),
    n("Файзуллоев", &["Fayzulloev", "Faizulloev"]),
    n("Хасанов", &["Khasanov", "Hasanov"]),
    n("Шамсиддинов", &["Shamsiddinov"]),
    n("Юсуфов", &["Yusufov", "Iusufov"]),
    n("Азизов", &["Azizov"]),
    n("Гуломов", &["Gulomov", "Ghulomov"]),
    n("Муродов", &["Murodov"]),
    n("Нуров", &["Nurov"]),
    n("Салимов", &["Salimov"]),
    n("Холов", &["Kholov", "Holov"]),
    n("Эмомов", &["Emomov"]),
    n("Саидзода", &["Saidzoda"]),
    n("Рахимзода", &["Rakhimzoda", "Rahimzoda"]),
    n("Шарифзода", &["Sharifzoda"]),
    n("Назарзода", &["Nazarzoda"]),
];

/// Tajik surnames, female form (index-aligned with `TJ_MALE_SURNAMES`).
pub const TJ_FEMALE_SURNAMES: &[Name] = &[
    n("Рахимова", &["Rakhimova", "Rahimova"]),
    n("Саидова", &["Saidova"]),
    n("Назарова", &["Nazarova"]),
    n("Шарипова", &["Sharipova"]),
    n("Хакимова", &["Khakimova", "Hakimova"]),
    n("Мирзоева", &["Mirzoeva", "Mirzoyeva"]),
    n("Сафарова", &["Safarova"]),
    n("Давлатова", &["Davlatova"]),
    n("Иброгимова", &["Ibrogimova", "Ibrohimova"]),
    n("Курбонова", &["Kurbonova", "Qurbonova"]),
    n("Одинаева", &["Odinaeva", "Odinayeva"]),
    n("Абдуллоева", &["Abdulloeva", "Abdulloyeva"]),
    n("Бобоева", &["Boboeva", "Boboyeva"]),
    n("Гафурова", &["Gafurova", "Ghafurova"]),
    n("Джураева", &["Dzhuraeva", "Juraeva", "Jurayeva"]),
    n("Зоирова", &["Zoirova"]),
    n("Каюмова", &["Kayumova", "Kaiumova", "Qayumova"]),
    n("Латифова", &["Latifova"]),
    n("Махмадова", &["Makhmadova", "Mahmadova"]),
    n("Набиева", &["Nabieva", "Nabiyeva"]),
    n("Олимова", &["Olimova"]),
    n("Пулодова", &["Pulodova"]),
    n("Раджабова", &["Radzhabova", "Rajabova"]),
    n("Сангинова", &["Sanginova"]),
    n("Тошева", &["Tosheva"]),
    n("Умарова", &["Umarova"]),
    n("Файзуллоева", &["Fayzulloeva", "Faizulloeva"]),
    n("Хасанова", &["Khasanova", "Hasanova"]),
    n("Шамсиддинова", &["Shamsiddinova"]),
    n("Юсуфова", &["Yusufova", "Iusufova"]),
    n("Азизова", &["Azizova"]),
    n("Гуломова", &["Gulomova", "Ghulomova"]),
    n("Муродова", &["Murodova"]),
    n("Нурова", &["Nurova"]),
    n("Салимова", &["Salimova"]),
    n("Холова", &["Kholova", "Holova"]),
    n("Эмомова", &["Emomova"]),
    n("Саидзода", &["Saidzoda"]),
    n("Рахимзода", &["Rakhimzoda", "Rahimzoda"]),
    n("Шарифзода", &["Sharifzoda"]),
    n("Назарзода", &["Nazarzoda"]),
];

/// Kazakh male given names.
pub const KZ_MALE_GIVEN: &[Name] = &[
    n("Ерлан", &["Yerlan", "Erlan"]),
    n("Нурлан", &["Nurlan"]),
    n("Асхат", &["Askhat", "Ashat"]),
    n("Бауыржан", &["Bauyrzhan", "Baurzhan", "Baurjan"]),
    n("Данияр", &["Daniyar", "Daniiar"]),
    n("Ержан", &["Yerzhan", "Erzhan", "Erjan"]),
    n("Серик", &["Serik"]),
    n("Арман", &["Arman"]),
    n("Дамир", &["Damir"]),
    n("Азамат", &["Azamat"]),
    n("Айдос", &["Aidos", "Aydos"]),
    n("Ерболат", &["Yerbolat", "Erbolat"]),
    n("Жандос", &["Zhandos", "Jandos"]),
    n("Канат", &["Kanat", "Qanat"]),
    n("Куаныш", &["Kuanysh", "Kuanish"]),
    n("Максат", &["Maksat"]),
    n("Нуржан", &["Nurzhan", "Nurjan"]),
    n("Олжас", &["Olzhas", "Oljas"]),
    n("Руслан", &["Ruslan"]),
    n("Санжар", &["Sanzhar", "Sanjar"]),
    n("Талгат", &["Talgat"]),
    n("Темирлан", &["Temirlan"]),
    n("Бекзат", &["Bekzat"]),
    n("Дархан", &["Darkhan", "Darhan"]),
    n("Ербол", &["Yerbol", "Erbol"]),
    n("Жанибек", &["Zhanibek", "Janibek"]),
    n("Мурат", &["Murat"]),
    n("Алибек", &["Alibek"]),
    n("Самат", &["Samat"]),
    n("Тимур", &["Timur"]),
    n("Абылай", &["Abylai", "Abylay", "Ablai"]),
    n("Адиль", &["Adil"]),
    n("Адилет", &["Adilet"]),
    n("Бахытжан", &["Bakhytzhan", "Bakytzhan", "Bahytjan"]),
    n("Галымжан", &["Galymzhan", "Galymjan"]),
    n("Ерасыл", &["Yerasyl", "Erasyl"]),
    n("Марлен", &["Marlen"]),
    n("Мейрам", &["Meiram", "Meyram"]),
    n("Рустем", &["Rustem"]),
    n("Сакен", &["Saken"]),
    n("Шынгыс", &["Shyngys", "Shingis", "Chingis"]),
    n("Ринат", &["Rinat"]),
    n("Еркебулан", &["Yerkebulan", "Erkebulan"]),
];

/// Kazakh female given names.
pub const KZ_FEMALE_GIVEN: &[Name] = &[
    n("Айгерим", &["Aigerim", "Aygerim"]),
    n("Жанар", &["Zhanar", "Janar"]),
    n("Гульмира", &["Gulmira"]),
    n("Динара", &["Dinara"]),
    n("Асель", &["Assel", "Asel"]),
    n("Айжан", &["Aizhan", "Ayzhan"]),
    n("Мадина", &["Madina"]),
    n("Назерке", &["Nazerke"]),
    n("Аружан", &["Aruzhan", "Arujan"]),
    n("Дана", &["Dana"]),
    n("Жулдыз", &["Zhuldyz", "Zhuldiz", "Juldyz"]),
    n("Сауле", &["Saule"]),
    n("Гаухар", &["Gaukhar", "Gauhar"]),
    n("Айнур", &["Ainur", "Aynur"]),
    n("Салтанат", &["Saltanat"]),
    n("Меруерт", &["Meruert"]),
    n("Толкын", &["Tolkyn", "Tolkin"]),
    n("Камила", &["Kamila"]),
    n("Акбота", &["Akbota"]),
    n("Бота", &["Bota"]),
    n("Жансая", &["Zhansaya", "Zhansaia", "Jansaya"]),
    n("Индира", &["Indira"]),
    n("Карлыгаш", &["Karlygash", "Karligash"]),
    n("Ляззат", &["Lyazzat", "Liazzat", "Lazzat"]),
    n("Молдир", &["Moldir"]),
    n("Нургуль", &["Nurgul"]),
    n("Раушан", &["Raushan"]),
    n("Сабина", &["Sabina"]),
    n("Томирис", &["Tomiris"]),
    n("Улжан", &["Ulzhan", "Uljan"]),
    n("Шолпан", &["Sholpan"]),
    n("Айым", &["Aiym", "Ayim"]),
    n("Балжан", &["Balzhan", "Baljan"]),
    n("Гульнар", &["Gulnar"]),
    n("Данагуль", &["Danagul"]),
    n("Жадыра", &["Zhadyra", "Jadyra"]),
    n("Зарина", &["Zarina"]),
    n("Инкар", &["Inkar"]),
    n("Кымбат", &["Kymbat", "Kimbat"]),
    n("Лаура", &["Laura"]),
    n("Маржан", &["Marzhan", "Marjan"]),
    n("Перизат", &["Perizat"]),
    n("Аяулым", &["Ayaulym", "Aiaulym"]),
];

/// Kazakh surnames, male form (index-aligned with `KZ_FEMALE_SURNAMES`).
pub const KZ_MALE_SURNAMES: &[Name] = &[
    n("Ахметов", &["Akhmetov", "Ahmetov"]),
    n("Жумабаев", &["Zhumabaev", "Zhumabayev", "Jumabaev"]),
    n("Сейткалиев", &["Seitkaliev", "Seytkaliev"]),
    n("Нурланов", &["Nurlanov"]),
    n("Омаров", &["Omarov"]),
    n("Касымов", &["Kassymov", "Kasymov"]),
    n("Сапаров", &["Saparov"]),
    n("Абенов", &["Abenov"]),
    n("Бекмуханов", &["Bekmukhanov", "Bekmuhanov"]),
    n("Байжанов", &["Baizhanov", "Bayzhanov"]),
    n("Ермеков", &["Yermekov", "Ermekov"]),
    n("Жаксылыков", &["Zhaksylykov", "Zhaksylikov"]),
    n("Искаков", &["Iskakov"]),
    n("Калиев", &["Kaliev", "Kaliyev"]),
    n("Мусабеков", &["Mussabekov", "Musabekov"]),
    n("Нургалиев", &["Nurgaliev", "Nurgaliyev"]),
    n("Оспанов", &["Ospanov"]),
    n("Рахимжанов", &["Rakhimzhanov", "Rahimzhanov"]),
    n("Сарсенбаев", &["Sarsenbaev", "Sarsenbayev"]),
    n("Тулеуов", &["Tuleuov"]),
    n("Утепов", &["Utepov"]),
    n("Шарипов", &["Sharipov"]),
    n("Есенов", &["Yessenov", "Esenov"]),
    n("Абдрахманов", &["Abdrakhmanov", "Abdrahmanov"]),
    n("Бейсенов", &["Beisenov", "Beysenov"]),
    n("Габдуллин", &["Gabdullin"]),
    n("Дуйсенов", &["Duisenov", "Duysenov"]),
    n("Жакупов", &["Zhakupov", "Jakupov"]),
    n("Иманбаев", &["Imanbaev", "Imanbayev"]),
    n("Кенжебеков", &["Kenzhebekov", "Kenjebekov"]),
    n("Мамыров", &["Mamyrov"]),
    n("Нысанбаев", &["Nyssanbaev", "Nysanbaev"]),
    n("Орынбасаров", &["Orynbasarov"]),
    n("Сагындыков", &["Sagyndykov"]),
    n("Тажибаев", &["Tazhibaev", "Tajibaev"]),
    n("Умирзаков", &["Umirzakov"]),
    n("Серикбаев", &["Serikbaev", "Serikbayev"]),
    n("Алимбеков", &["Alimbekov"]),
    n("Досанов", &["Dossanov", "Dosanov"]),
    n("Кудайбергенов", &["Kudaibergenov", "Kudaybergenov"]),
    n("Турсынбаев", &["Tursynbaev", "Tursynbayev"]),
    n("Мырзахметов", &["Myrzakhmetov", "Myrzahmetov"]),
];

/// Kazakh surnames, female form (index-aligned with `KZ_MALE_SURNAMES`).
pub const KZ_FEMALE_SURNAMES: &[Name] = &[
    n("Ахметова", &["Akhmetova", "Ahmetova"]),
    n("Жумабаева", &["Zhumabaeva", "Zhumabayeva", "Jumabaeva"]),
    n("Сейткалиева", &["Seitkalieva", "Seytkalieva"]),
    n("Нурланова", &["Nurlanova"]),
    n("Омарова", &["Omarova"]),
    n("Касымова", &["Kassymova", "Kasymova"]),
    n("Сапарова", &["Saparova"]),
    n("Абенова", &["Abenova"]),
    n("Бекмуханова", &["Bekmukhanova", "Bekmuhanova"]),
    n("Байжанова", &["Baizhanova", "Bayzhanova"]),
    n("Ермекова", &["Yermekova", "Ermekova"]),
    n("Жаксылыкова", &["Zhaksylykova", "Zhaksylikova"]),
    n("Искакова", &["Iskakova"]),
    n("Калиева", &["Kalieva", "Kaliyeva"]),
    n("Мусабекова", &["Mussabekova", "Musabekova"]),
    n("Нургалиева", &["Nurgalieva", "Nurgaliyeva"]),
    n("Оспанова", &["Ospanova"]),
    n("Рахимжанова", &["Rakhimzhanova", "Rahimzhanova"]),
    n("Сарсенбаева", &["Sarsenbaeva", "Sarsenbayeva"]),
    n("Тулеуова", &["Tuleuova"]),
    n("Утепова", &["Utepova"]),
    n("Шарипова", &["Sharipova"]),
    n("Есенова", &["Yessenova", "Esenova"]),
    n("Абдрахманова", &["Abdrakhmanova", "Abdrahmanova"]),
    n("Бейсенова", &["Beisenova", "Beysenova"]),
    n("Габдуллина", &["Gabdullina"]),
    n("Дуйсенова", &["Duisenova", "Duysenova"]),
    n("Жакупова", &["Zhakupova", "Jakupova"]),
    n("Иманбаева", &["Imanbaeva", "Imanbayeva"]),
    n("Кенжебекова", &["Kenzhebekova", "Kenjebekova"]),
    n("Мамырова", &["Mamyrova"]),
    n("Нысанбаева", &["Nyssanbaeva", "Nysanbaeva"]),
    n("Орынбасарова", &["Orynbasarova"]),
    n("Сагындыкова", &["Sagyndykova"]),
    n("Тажибаева", &["Tazhibaeva", "Tajibaeva"]),
    n("Умирзакова", &["Umirzakova"]),
    n("Серикбаева", &["Serikbaeva", "Serikbayeva"]),
    n("Алимбекова", &["Alimbekova"]),
    n("Досанова", &["Dossanova", "Dosanova"]),
    n("Кудайбергенова", &["Kudaibergenova", "Kudaybergenova"]),
    n("Турсынбаева", &["Tursynbaeva", "Tursynbayeva"]),
    n("Мырзахметова", &["Myrzakhmetova", "Myrzahmetova"]),
];

/// Russian male given names.
pub const RU_MALE_GIVEN: &[Name] = &[
    n("Александр", &["Aleksandr", "Alexander", "Alexandr"]),
    n("Сергей", &["Sergei", "Sergey"]),
    n("Андрей", &["Andrei", "Andrey"]),
    n("Дмитрий", &["Dmitrii", "Dmitriy", "Dmitry"]),
    n("Алексей", &["Aleksei", "Alexey", "Aleksey"]),
    n("Николай", &["Nikolai", "Nikolay"]),
    n("Владимир", &["Vladimir"]),
    n("Евгений", &["Evgenii", "Evgeniy", "Yevgeny"]),
    n("Иван", &["Ivan"]),
    n("Михаил", &["Mikhail"]),
    n("Павел", &["Pavel"]),
    n("Роман", &["Roman"]),
    n("Виктор", &["Viktor", "Victor"]),
    n("Игорь", &["Igor"]),
    n("Олег", &["Oleg"]),
    n("Максим", &["Maksim", "Maxim"]),
    n("Денис", &["Denis"]),
    n("Артём", &["Artem", "Artyom", "Artiom"]),
    n("Константин", &["Konstantin"]),
    n("Юрий", &["Iurii", "Yuriy", "Yury", "Yuri"]),
    n("Вадим", &["Vadim"]),
    n("Валерий", &["Valerii", "Valeriy", "Valery"]),
    n("Геннадий", &["Gennadii", "Gennadiy", "Gennady"]),
    n("Антон", &["Anton"]),
    n("Кирилл", &["Kirill"]),
    n("Илья", &["Ilia", "Ilya", "Ilja"]),
    n("Станислав", &["Stanislav"]),
    n("Вячеслав", &["Viacheslav", "Vyacheslav"]),
    n("Григорий", &["Grigorii", "Grigoriy", "Grigory"]),
    n("Никита", &["Nikita"]),
    n("Борис", &["Boris"]),
    n("Василий", &["Vasilii", "Vasiliy", "Vasily"]),
    n("Анатолий", &["Anatolii", "Anatoliy", "Anatoly"]),
    n("Пётр", &["Petr", "Pyotr", "Piotr"]),
    n("Егор", &["Egor", "Yegor"]),
    n("Фёдор", &["Fedor", "Fyodor"]),
    n("Тимофей", &["Timofei", "Timofey"]),
    n("Леонид", &["Leonid"]),
    n("Ярослав", &["Iaroslav", "Yaroslav"]),
    n("Степан", &["Stepan"]),
    n("Виталий", &["Vitalii", "Vitaliy", "Vitaly"]),
    n("Руслан", &["Ruslan"]),
];

/// Russian female given names.
pub const RU_FEMALE_GIVEN: &[Name] = &[
    n("Елена", &["Elena", "Yelena"]),
    n("Ольга", &["Olga"]),
    n("Наталья", &["Natalia", "Natalya", "Natalja"]),
    n("Татьяна", &["Tatiana", "Tatyana"]),
    n("Ирина", &["Irina"]),
    n("Светлана", &["Svetlana"]),
    n("Юлия", &["Iuliia", "Yulia", "Yuliya", "Julia"]),
    n("Анна", &["Anna"]),
    n("Мария", &["Mariia", "Maria", "Mariya"]),
    n("Екатерина", &["Ekaterina", "Yekaterina"]),
    n("Людмила", &["Liudmila", "Lyudmila", "Ludmila"]),
    n("Галина", &["Galina"]),
    n("Марина", &["Marina"]),
    n("Оксана", &["Oksana"]),
    n("Анастасия", &["Anastasiia", "Anastasia", "Anastasiya"]),
    n("Виктория", &["Viktoriia", "Viktoria", "Victoria"]),
    n("Ксения", &["Kseniia", "Ksenia", "Kseniya"]),
    n("Дарья", &["Daria", "Darya", "Darja"]),
    n("Валентина", &["Valentina"]),
    n("Надежда", &["Nadezhda"]),
    n("Любовь", &["Liubov", "Lyubov", "Lubov"]),
    n("Вера", &["Vera"]),
    n("Алёна", &["Alena", "Alyona", "Aliona"]),
    n("Евгения", &["Evgeniia", "Evgenia", "Yevgeniya"]),
    n("Кристина", &["Kristina", "Christina"]),
    n("Полина", &["Polina"]),
    n("Алина", &["Alina"]),
    n("Валерия", &["Valeriia", "Valeria", "Valeriya"]),
    n("Вероника", &["Veronika"]),
    n("Лариса", &["Larisa"]),
    n("Нина", &["Nina"]),
    n("Тамара", &["Tamara"]),
    n("Жанна", &["Zhanna"]),
    n("Инна", &["Inna"]),
    n("Яна", &["Iana", "Yana"]),
    n("Софья", &["Sofia", "Sofya", "Sophia"]),
    n("Маргарита", &["Margarita"]),
    n("Лилия", &["Liliia", "Lilia", "Liliya"]),
    n("Диана", &["Diana"]),
    n("Раиса", &["Raisa"]),
    n("Зинаида", &["Zinaida"]),
    n("Олеся", &["Olesia", "Olesya"]),
];

/// Russian surnames, male form (index-aligned with `RU_FEMALE_SURNAMES`).
pub const RU_MALE_SURNAMES: &[Name] = &[
    n("Иванов", &["Ivanov"]),
    n("Смирнов", &["Smirnov"]),
    n("Кузнецов", &["Kuznetsov"]),
    n("Попов", &["Popov"]),
    n("Васильев", &["Vasilev", "Vasilyev", "Vasiliev"]),
    n("Петров", &["Petrov"]),
    n("Соколов", &["Sokolov"]),
    n("Михайлов", &["Mikhailov", "Mikhaylov"]),
    n("Новиков", &["Novikov"]),
    n("Фёдоров", &["Fedorov", "Fyodorov"]),
    n("Морозов", &["Morozov"]),
    n("Волков", &["Volkov"]),
    n("Алексеев", &["Alekseev", "Alexeev", "Alekseyev"]),
    n("Лебедев", &["Lebedev"]),
    n("Семёнов", &["Semenov", "Semyonov"]),
    n("Егоров", &["Egorov", "Yegorov"]),
    n("Павлов", &["Pavlov"]),
    n("Козлов", &["Kozlov"]),
    n("Степанов", &["Stepanov"]),
    n("Николаев", &["Nikolaev", "Nikolayev"]),
    n("Орлов", &["Orlov"]),
    n("Андреев", &["Andreev", "Andreyev"]),
    n("Макаров", &["Makarov"]),
    n("Никитин", &["Nikitin"]),
    n("Захаров", &["Zakharov", "Zaharov"]),
    n("Зайцев", &["Zaitsev", "Zaytsev"]),
    n("Соловьёв", &["Solovev", "Solovyov", "Soloviev"]),
    n("Борисов", &["Borisov"]),
    n("Яковлев", &["Iakovlev", "Yakovlev"]),
    n("Григорьев", &["Grigorev", "Grigoryev", "Grigoriev"]),
    n("Романов", &["Romanov"]),
    n("Воробьёв", &["Vorobev", "Vorobyov", "Vorobiev"]),
    n("Сергеев", &["Sergeev", "Sergeyev"]),
    n("Кудрявцев", &["Kudriavtsev", "Kudryavtsev"]),
    n("Белов", &["Belov"]),
    n("Тарасов", &["Tarasov"]),
    n("Беляев", &["Beliaev", "Belyaev"]),
    n("Комаров", &["Komarov"]),
    n("Киселёв", &["Kiselev", "Kiselyov"]),
    n("Ильин", &["Ilin", "Ilyin"]),
    n("Гусев", &["Gusev"]),
    n("Титов", &["Titov"]),
];

/// Russian surnames, female form (index-aligned with `RU_MALE_SURNAMES`).
pub const RU_FEMALE_SURNAMES: &[Name] = &[
    n("Иванова", &["Ivanova"]),
    n("Смирнова", &["Smirnova"]),
    n("Кузнецова", &["Kuznetsova"]),
    n("Попова", &["Popova"]),
    n("Васильева", &["Vasileva", "Vasilyeva", "Vasilieva"]),
    n("Петрова", &["Petrova"]),
    n("Соколова", &["Sokolova"]),
    n("Михайлова", &["Mikhailova", "Mikhaylova"]),
    n("Новикова", &["Novikova"]),
    n("Фёдорова", &["Fedorova", "Fyodorova"]),
    n("Морозова", &["Morozova"]),
    n("Волкова", &["Volkova"]),
    n("Алексеева", &["Alekseeva", "Alexeeva", "Alekseyeva"]),
    n("Лебедева", &["Lebedeva"]),
    n("Семёнова", &["Semenova", "Semyonova"]),
    n("Егорова", &["Egorova", "Yegorova"]),
    n("Павлова", &["Pavlova"]),
    n("Козлова", &["Kozlova"]),
    n("Степанова", &["Stepanova"]),
    n("Николаева", &["Nikolaeva", "Nikolayeva"]),
    n("Орлова", &["Orlova"]),
    n("Андреева", &["Andreeva", "Andreyeva"]),
    n("Макарова", &["Makarova"]),
    n("Никитина", &["Nikitina"]),
    n("Захарова", &["Zakharova", "Zaharova"]),
    n("Зайцева", &["Zaitseva", "Zaytseva"]),
    n("Соловьёва", &["Soloveva", "Solovyova", "Solovieva"]),
    n("Борисова", &["Borisova"]),
    n("Яковлева", &["Iakovleva", "Yakovleva"]),
    n("Григорьева", &["Grigoreva", "Grigoryeva", "Grigorieva"]),
    n("Романова", &["Romanova"]),
    n("Воробьёва", &["Vorobeva", "Vorobyova", "Vorobieva"]),
    n("Сергеева", &["Sergeeva", "Sergeyeva"]),
    n("Кудрявцева", &["Kudriavtseva", "Kudryavtseva"]),
    n("Белова", &["Belova"]),
    n("Тарасова", &["Tarasova"]),
    n("Беляева", &["Beliaeva", "Belyaeva"]),
    n("Комарова", &["Komarova"]),
    n("Киселёва", &["Kiseleva", "Kiselyova"]),
    n("Ильина", &["Ilina", "Ilyina"]),
    n("Гусева", &["Guseva"]),
    n("Титова", &["Titova"]),
];

/// Villages and settlements by district code (codes: maktaaral, saryagash, kazygurt, tolebi,
/// sairam, ordabasy, otyrar, baidibek, tulkibas, shardara, zhetysai, keles, sozak, arys, kentau,
/// turkistan-city, shymkent-abai, shymkent-al-farabi, shymkent-enbekshi, shymkent-karatau,
/// shymkent-turan). For the Shymkent city districts these are microdistricts (мкр.) and
/// housing estates (ж/м).
pub const SETTLEMENTS: &[(&str, &[&str])] = &[
    (
        "maktaaral",
        &["Мырзакент", "Атакент", "Жамбыл", "Мактаарал"],
    ),
    (
        "saryagash",
        &["Сарыагаш", "Жибек жолы", "Капланбек", "Дарбаза", "Дербисек"],
    ),
    (
        "kazygurt",
        &["Казыгурт", "Шарбулак", "Турбат", "Шарапхана", "Жанабазар"],
    ),
    (
        "tolebi",
        &["Ленгер", "Каскасу", "Тасарык", "Кемекалган", "Зертас"],
    ),
    (
        "sairam",
        &["Аксукент", "Карабулак", "Манкент", "Карамурт", "Колкент"],
    ),
    (
        "ordabasy",
        &["Темирлан", "Бадам", "Шубарсу", "Караспан", "Кажымукан"],
    ),
    (
        "otyrar",
        &["Шаульдер", "Темир", "Маякум", "Коксарай", "Талапты"],
    ),
    ("baidibek", &["Шаян", "Боралдай", "Акбастау"]),
    (
        "tulkibas",
        &[
            "Турар Рыскулов",
            "Састобе",
            "Жабаглы",
            "Машат",
            "Кершетас",
            "Керейт",
        ],
    ),
    (
        "shardara",
        &["Шардара", "Кызылкум", "Коксу", "Узынарт", "Жаушыкум"],
    ),
    ("zhetysai", &["Жетысай", "Асыката", "Ынтымак", "Казыбек би"]),
    ("keles", &["Абай", "Бирлик", "Жылга", "Акжар"]),
    (
        "sozak",
        &["Шолаккорган", "Созак", "Таукент", "Кыземшек", "Жуантобе"],
    ),
    (
        "arys",
        &["Арыс", "Дермене", "Акдала", "Байыркум", "Задария"],
    ),
    (
        "kentau",
        &["Кентау", "Карнак", "Ачисай", "Хантаги", "Байылдыр"],
    ),
    (
        "turkistan-city",
        &["Туркестан", "мкр. Отырар", "мкр. Новый город"],
    ),
    (
        "shymkent-abai",
        &[
            "мкр. Кайтпас-1",
            "мкр. Кайтпас-2",
            "ж/м Бозарык",
            "мкр. Северо-Запад",
        ],
    ),
    (
        "shymkent-al-farabi",
        &[
            "мкр. Самал-1",
            "мкр. Самал-2",
            "мкр. Самал-3",
            "мкр. Восток",
        ],
    ),
    (
        "shymkent-enbekshi",
        &[
            "мкр. Коксай",
            "ж/м Южная Новостройка",
            "мкр. Текстильщик",
            "мкр. Казыгурт",
        ],
    ),
    (
        "shymkent-karatau",
        &["мкр. Нурсат", "мкр. Асар", "мкр. Шапагат", "ж/м Акжайык"],
    ),
    (
        "shymkent-turan",
        &["мкр. Туран", "ж/м Тассай", "ж/м Мартобе", "ж/м Бадам"],
    ),
];

/// Street names for fictional addresses (Russian Cyrillic, e.g. "ул. Байтурсынова").
pub const STREETS: &[&str] = &[
    "ул. Байтурсынова",
    "пр. Тауке хана",
    "ул. Толе би",
    "ул. Казыбек би",
    "ул. Жибек жолы",
    "пр. Республики",
    "ул. Желтоксан",
    "ул. Абая",
    "ул. Кунаева",
    "ул. Рыскулова",
    "ул. Момышулы",
    "ул. Ауэзова",
    "ул. Сейфуллина",
    "ул. Иляева",
    "ул. Капал батыра",
    "ул. Туркестанская",
    "ул. Гагарина",
    "ул. Пушкина",
    "ул. Садовая",
    "ул. Майлина",
    "ул. Мадели кожа",
    "ул. Байдибек би",
    "ул. Жангельдина",
    "ул. Ташенова",
    "ул. Бекет батыра",
    "ул. Сайрамская",
    "ул. Джамбула",
    "ул. Алтынсарина",
    "пр. Есим хана",
    "ул. Кабанбай батыра",
    "ул. Наурызбай батыра",
    "ул. Дулати",
    "ул. Курмангазы",
    "ул. Мусрепова",
    "ул. Акназар хана",
    "ул. Школьная",
    "ул. Мира",
    "ул. Достык",
    "ул. Бейбитшилик",
    "ул. Молодёжная",
];

/// Fictional company names of employers, e.g. "ТОО «Южстройинвест»", "КХ «Береке»" (peasant farm),
/// "ИП Турсунов": construction firms, farms (КХ), markets, cafes, cotton ginning.
pub const COMPANIES: &[&str] = &[
    "ТОО «Южстройинвест»",
    "ТОО «Шымкент Монолит Строй»",
    "ТОО «Асар Курылыс Групп»",
    "ТОО «Каратау Бетон Сервис»",
    "ТОО «СтройАльянс-Юг»",
    "ТОО «Жибек Жолы Инжиниринг»",
    "ТОО «Сайрам Кирпич»",
    "ТОО «Онтустик Монтаж»",
    "ТОО «Акжол Демеу Курылыс»",
    "ТОО «Арыс-Керамзит»",
    "КХ «Береке»",
    "КХ «Ак-Бидай»",
    "КХ «Мырзакент Агро»",
    "КХ «Даулет»",
    "КХ «Нурлы Жер»",
    "КХ «Жана Дала»",
    "КХ «Алтын Дан»",
    "КХ «Бахыт»",
    "КХ «Бакша-Шардара»",
    "КХ «Жемис Бау»",
    "КХ «Ержан-Ата»",
    "КХ «Сайрам-Жемис»",
    "ТОО «Мактаарал Хлопок Процессинг»",
    "ТОО «Жетысай Коттон Джин»",
    "ТОО «Ак Макта Ондирис»",
    "ТОО «Асыката Хлопкозавод-2»",
    "ТОО «Шардара Агрокластер»",
    "ТОО «Рынок Самал-Базар»",
    "ТОО «Базар Ынтымак»",
    "ТОО «Авторынок Кайтпас»",
    "ИП Турсунов",
    "ИП Юлдашева",
    "ИП Касымов",
    "ИП Абдуллаев Х.",
    "ИП Рахимова",
    "ИП Нурматов, кафе «Достар»",
    "ИП Сапарова, чайхана «Ширин»",
    "ИП Мамбетова, кафе «Ала-Тоо»",
    "ИП Исаков, автомойка «Блеск»",
    "ИП Хасанов, цех «Мебель-Юг»",
    "ИП Жураев, швейный цех «Нафис»",
    "ТОО «Сарыагаш Грин Хаус»",
    "ТОО «Теплицы Юга»",
    "ТОО «Южный Логистик Терминал»",
    "ТОО «Туран Текстиль»",
    "ТОО «Кентау Металл Сервис»",
    "ТОО «Отырар Бахча Экспорт»",
    "ТОО «Таукент Вахта Сервис»",
    "ТОО «Ордабасы Мясо»",
    "ТОО «Береке Той Холл»",
    "ТОО «Тулькубас Карьер»",
];

/// Home regions/towns of migrants abroad, by citizenship code, e.g.
/// ("UZ", &["Ташкент", "Джизак", "Самарканд", "Фергана", ...]).
pub const HOME_PLACES: &[(&str, &[&str])] = &[
    (
        "UZ",
        &[
            "Ташкент",
            "Джизак",
            "Самарканд",
            "Фергана",
            "Андижан",
            "Наманган",
            "Бухара",
            "Карши",
            "Термез",
            "Гулистан",
            "Навои",
            "Коканд",
            "Ургенч",
            "Бекабад",
            "Чиназ",
            "Янгиер",
        ],
    ),
    (
        "KG",
        &[
            "Бишкек",
            "Ош",
            "Джалал-Абад",
            "Баткен",
            "Узген",
            "Кара-Суу",
            "Нарын",
            "Талас",
            "Каракол",
            "Токмок",
            "Кызыл-Кия",
            "Базар-Коргон",
        ],
    ),
    (
        "TJ",
        &[
            "Душанбе",
            "Худжанд",
            "Истаравшан",
            "Пенджикент",
            "Куляб",
            "Бохтар",
            "Исфара",
            "Турсунзаде",
            "Вахдат",
            "Канибадам",
            "Гиссар",
        ],
    ),
    (
        "RU",
        &[
            "Москва",
            "Омск",
            "Оренбург",
            "Новосибирск",
            "Екатеринбург",
            "Самара",
            "Челябинск",
            "Барнаул",
            "Астрахань",
            "Саратов",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    const DISTRICTS: &[&str] = &[
        "maktaaral",
        "saryagash",
        "kazygurt",
        "tolebi",
        "sairam",
        "ordabasy",
        "otyrar",
        "baidibek",
        "tulkibas",
        "shardara",
        "zhetysai",
        "keles",
        "sozak",
        "arys",
        "kentau",
        "turkistan-city",
        "shymkent-abai",
        "shymkent-al-farabi",
        "shymkent-enbekshi",
        "shymkent-karatau",
        "shymkent-turan",
    ];

    fn lists(pool: &NamePool) -> [(&'static str, &'static [Name]); 4] {
        [
            ("male_given", pool.male_given),
            ("female_given", pool.female_given),
            ("male_surnames", pool.male_surnames),
            ("female_surnames", pool.female_surnames),
        ]
    }

    #[test]
    fn pools_are_in_the_documented_order() {
        let codes: Vec<&str> = POOLS.iter().map(|p| p.citizenship).collect();
        assert_eq!(codes, ["UZ", "KG", "TJ", "KZ", "RU"]);
    }

    #[test]
    fn every_pool_has_at_least_40_names_per_list() {
        for pool in POOLS {
            for (what, list) in lists(pool) {
                assert!(
                    list.len() >= 40,
                    "{} {what}: only {}",
                    pool.citizenship,
                    list.len()
                );
            }
        }
    }

    #[test]
    fn surname_lists_are_index_aligned() {
        for pool in POOLS {
            assert_eq!(
                pool.male_surnames.len(),
                pool.female_surnames.len(),
                "{}",
                pool.citizenship
            );
        }
    }

    #[test]
    fn every_name_is_well_formed() {
        for pool in POOLS {
            for (what, list) in lists(pool) {
                for name in list {
                    let ctx = format!("{} {what} {:?}", pool.citizenship, name.cyrillic);
                    assert!(!name.cyrillic.trim().is_empty(), "{ctx}: empty cyrillic");
                    assert!(
                        (1..=4).contains(&name.latin.len()),
                        "{ctx}: {} latin variants",
                        name.latin.len()
                    );
                    for (i, latin) in name.latin.iter().enumerate() {
                        assert!(!latin.trim().is_empty(), "{ctx}: empty latin variant");
                        assert!(latin.is_ascii(), "{ctx}: non-ASCII latin {latin:?}");
                        assert!(
                            !name.latin[..i].contains(latin),
                            "{ctx}: duplicate {latin:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn no_name_is_listed_twice_in_one_list() {
        for pool in POOLS {
            for (what, list) in lists(pool) {
                for (i, name) in list.iter().enumerate() {
                    assert!(
                        !list[..i]
                            .iter()
                            .any(|other| other.cyrillic == name.cyrillic),
                        "{} {what}: {:?} twice",
                        pool.citizenship,
                        name.cyrillic
                    );
                }
            }
        }
    }

    #[test]
    fn every_district_appears_exactly_once() {
        for district in DISTRICTS {
            let count = SETTLEMENTS
                .iter()
                .filter(|(code, _)| code == district)
                .count();
            assert_eq!(count, 1, "district {district} appears {count} times");
        }
        for (code, places) in SETTLEMENTS {
            assert!(DISTRICTS.contains(code), "unknown district code {code}");
            assert!(
                (3..=6).contains(&places.len()),
                "{code}: {} settlements",
                places.len()
            );
            assert!(
                places.iter().all(|p| !p.trim().is_empty()),
                "{code}: empty settlement"
            );
        }
    }

    #[test]
    fn places_streets_and_companies_are_plentiful() {
        assert!(STREETS.len() >= 30);
        assert!(COMPANIES.len() >= 40);
        for list in [STREETS, COMPANIES] {
            for (i, item) in list.iter().enumerate() {
                assert!(!item.trim().is_empty());
                assert!(!list[..i].contains(item), "duplicate {item:?}");
            }
        }
        for code in ["UZ", "KG", "TJ", "RU"] {
            let places = HOME_PLACES
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, places)| *places)
                .unwrap_or_default();
            assert!(
                places.len() >= 8,
                "{code}: only {} home places",
                places.len()
            );
        }
    }
}
