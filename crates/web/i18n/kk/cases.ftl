# The case desk: case files, their timeline, assessments, services, proceedings, tasks, notes and evidence.

cases-title = Істер
cases-active = Ашық немесе кейінгі сүйемелдеудегі
cases-mine = Тек мен жүргізетін істер
cases-overdue-only = Тек мерзімі өткен тапсырмалары бар істер
cases-empty = Бұл сүзгілерге сәйкес іс жоқ.
cases-overdue-count = { $count ->
    [one] ({ $count } тапсырманың мерзімі өткен)
   *[other] ({ $count } тапсырманың мерзімі өткен)
}

case-title = № { $number } іс
case-number = Нөмірі
case-kind = Іс түрі
case-status = Күйі
case-lead = Жауапты қызметкер
case-team = Іс тобы
case-opened = Ашылған күні
case-closed = Жабылған күні
case-next-task = Келесі тапсырманың мерзімі
case-sensitive-badge = құпия: тек іс тобы
case-edit = Істі өңдеу
case-close = Істі жабу
case-new-assessment = ХЕҰ индикаторлары бойынша бағалау
case-back = ← Іске оралу
case-outcomes = Нәтижесі
case-closing-reason = Істің жабылу себебі
case-recruited-at = Жалданған жері
case-recruited-district = Жалданған ауданы
case-recruited-country = Жалданған елі
case-exploited-at = Қаналған жері
case-exploited-place = Орын түрі
case-exploited-district = Қаналған ауданы
case-exploited-region = Қаналған өңірі
case-exploited-country = Қаналған елі
case-recruitment-methods = Жалдау тәсілі
case-means-of-control = Адамды бақылауда ұстау тәсілдері
case-parties = Жұмыс берушілер, делдалдар, лауазымды тұлғалар
case-summary = Іс мән-жайы заңгердің баяндауында
case-persons = Іске қатысты адамдар
case-victim-status = Жәбірленуші мәртебесі
case-identified-by = Кім сәйкестендірді
case-identified-on = Сәйкестендірілген күні
case-latest-assessment = Соңғы бағалау
case-identification = ХЕҰ индикаторлары бойынша сәйкестендіру
case-no-assessment = Бұл іс бойынша әлі ешкім бағаланбаған.
case-timeline = Хронология
case-proceedings = Іс жүргізу
case-services = Көрсетілген көмек
case-no-services = Көмек әлі жазылмаған.
case-tasks = Тапсырмалар
case-no-tasks = Тапсырмалар жоқ.
case-notes = Жазбалар
case-notes-withheld = { $count ->
    [one] { $count } жазбаны тек авторының рөліндегі қызметкерлер көре алады, сондықтан ол сізге көрсетілмейді.
   *[other] { $count } жазбаны тек авторларының рөліндегі қызметкерлер көре алады, сондықтан олар сізге көрсетілмейді.
}
case-evidence = Іс материалдары (файлдар)
case-edit-title = № { $number } істі өңдеу
case-close-title = № { $number } істі жабу
case-close-about = Істі жабу кезінде оның қандай нәтижеге жеткені және неліктен аяқталатыны тіркеледі. Іс оқуға қолжетімді болып қалады; оны қайта ашуға болады.
case-done-saved = Сақталды.
case-done-opened = Іс ашылды. Төменде оның карточкасын толтырыңыз.
case-done-closed = Іс жабылды.
case-done-assessed = Бағалау сақталды; нәтиженің түсіндірмесі төменде берілген.

timeline-opened = Іс ашылды
timeline-closed = Іс жабылды
timeline-assessed = Бағалау жүргізілді
timeline-proceeding-opened = Іс жүргізу басталды
timeline-hearing = Сот отырысы
timeline-hearing-coming = Сот отырысы (алда)
timeline-decided = Шешім
timeline-task-done = Орындалды

event-add = Хронологияға оқиға қосу
event-day = Күні
event-kind = Не болды
event-text = Сипаттамасы
event-place-country = Ел, егер істе көрсетілгеннен басқа болса
event-place-region = Облыс (Қазақстан)
event-place-district = Аудан (Қазақстан)
event-place-settlement = Қала немесе ауыл

service-add = Көрсетілген көмекті тіркеу
service-kind = Көмек түрі
service-person = Кімге
service-whole-group = Бүкіл топқа
service-day = Күні
service-provider = Кім көрсетті
service-provider-hint = Көмекті біз көрсетсек, бос қалдырыңыз; әйтпесе серіктестің атауын жазыңыз.
service-result = Нәтижесі
service-destination = Қайда қайтарылды (репатриация)
service-accompanied-by = Кіммен (репатриация)
service-accompanied-by-hint = Адаммен бірге кім барды немесе оны кім қарсы алды: туысы, серіктес ұйымның ілесушісі немесе жалғыз.
service-amount-claimed = Талап етілген жалақы
service-amount-recovered = Өндіріп алынған жалақы
service-by-us = біздің ұйым
service-accompanied = кіммен: { $who }
service-claimed = талап етілді: { $amount }
service-recovered = өндіріп алынды: { $amount }

proceeding-add = Іс жүргізуді қосу
proceeding-edit = Іс жүргізуді өңдеу
proceeding-kind = Іс жүргізу түрі
proceeding-authority = Орган
proceeding-articles = Баптар
proceeding-stage = Сатысы
proceeding-opened = Басталған күні
proceeding-hearings = Сот отырыстарының күндері
proceeding-hearings-hint = Әр жолға бір күн, мысалы 2008-05-14.
proceeding-outcome = Нәтижесі
proceeding-pending = әлі шешілмеген
proceeding-decided = Шешім шыққан күні
proceeding-sentence-years = Үкім бойынша мерзім: жыл
proceeding-sentence-months = Үкім бойынша мерзім: ай
proceeding-fine = Айыппұл (теңгемен немесе сомасы мен валютасы, мысалы 500 USD)
proceeding-notes = Іс нөмірі және ескертпелер
proceeding-years = { $count ->
    [one] { $count } жыл
   *[other] { $count } жыл
}
proceeding-months = { $count ->
    [one] { $count } ай
   *[other] { $count } ай
}

task-add = Тапсырма беру
task-title = Не істеу керек
task-assignee = Орындаушы
task-due = Мерзімі
task-done-on = { $date } орындалды
task-mark-done = Орындалды
task-mark-open = Жұмысқа қайтару

note-add = Жазба қосу
note-text = Жазба
note-visibility = Кім оқи алады
note-team = Іс тобының барлығы
note-role-only = Тек менің рөлімдегілер және іске жауапты қызметкер

evidence-add = Файл қосу (фото, скан, PDF, құжат)
evidence-upload = Жүктеу
evidence-limits = Фотосуреттер (JPEG, PNG, WebP, HEIC), PDF және кеңсе құжаттары, көлемі { $max } МБ-қа дейін. Файл шифрланған күйде сақталады.
evidence-name = Файл
evidence-size = Көлемі
evidence-added = Қосылған
evidence-problem-empty = Жүктелетін файлды таңдаңыз: ешқандай файл келмеді.
evidence-problem-too-large = Бұл файл тым үлкен. Көлемі кішірек фото немесе скан жіберіңіз.
evidence-problem-refused-type = Мұндай түрдегі файл қабылданбайды: фото, PDF немесе кеңсе құжатын жіберіңіз.
evidence-problem-truncated = Файл соңына жетпей үзіледі: ол жіберу кезінде үзілген немесе толық сақталмаған. Қайта жіберіңіз; көмектеспесе, файлды ашып, қайта сақтаңыз немесе қайта сканерлеңіз.
evidence-problem-damaged = Бұл файл зақымдалған, оны оқу мүмкін емес. Оны қайта жіберіңіз немесе жаңадан сканерлеңіз.

assessment-title = № { $number } іс бойынша бағалау
assessment-catalogue = Индикаторлар
assessment-switch = Осы индикаторларды қолдану
assessment-day = Бағалау күні
assessment-minor = Жұмыс кезінде адам 18 жасқа толмаған
assessment-person-n = { $n }-адам
assessment-source = Бұл қайдан белгілі
assessment-source-needed = Бұл қайдан белгілі екенін көрсетіңіз.
assessment-save = Бағалауды сақтау
assessment-because = ХЕҰ ережесі мына жауаптардың негізінде орындалды:
assessment-rule-not-met = Бұл жауаптар бойынша ХЕҰ ережесі орындалмайды.
assessment-to-ask = Ақпарат әзірге жеткіліксіз. Әлі қойылуы тиіс сұрақтар:
assessment-answers = Барлық жауаптар

form-saved-now = Осы аралықта басқа пайдаланушы сақтаған нұсқа
form-your-version = Сіз енгізген нұсқа
form-keep-or-take = Сіз енгізген мәндер төмендегі формада сақталды. Қазір сақталғанның орнына өз нұсқаңызды жазу үшін қайта сақтаңыз, ал оны қалдыру үшін артқа оралыңыз.

dashboard-my-tasks = Менің тапсырмаларым
dashboard-overdue-tasks = { $count ->
    [0] Сіз көретін істерде мерзімі өткен тапсырма жоқ.
    [one] Сіз көретін істерде { $count } тапсырманың мерзімі өтіп кеткен.
   *[other] Сіз көретін істерде { $count } тапсырманың мерзімі өтіп кеткен.
}
dashboard-overdue-tasks-more = Сіз көретін істерде { $count } тапсырмадан көбінің мерзімі өтіп кеткен.

case-people-link = Осы іске адамды не жұмыс берушіні, делдалды немесе лауазымды тұлғаны қосу
case-people-title = № { $number } іске қатысы бар адамдар мен тұлғалар
case-people-search = Аты, телефоны немесе құжаты
case-people-none = Мұндай атпен ешкім табылмады.
case-people-add = Іске қосу
case-people-conflict = Осы аралықта істі басқа пайдаланушы өзгертті. Қайта іздеп, қосыңыз.

case-sensitive-yes = иә, тек іс тобы
case-sensitive-no = жоқ, бүкіл кеңсе
