# Есептер: ұйым жариялайтын статистика және онда қолданылатын валюта бағамдары.
# Кестелердің атаулары — report-table-{id}, бағандардікі — report-column-{id}, тақырып
# топтарынікі — report-group-{code} (кодтар komek_domain::reports ішінде). Бірінші блокты экспорт та қолданады.

## Экспортпен ортақ (аргументсіз)
report-title = Есеп
report-period = Кезең
report-office = Кеңсе
report-all-offices = Барлық кеңселер
report-total = Барлығы
report-unstated = Көрсетілмеген
report-missing-rate = Валюта бағамы жоқ
report-too-large = Көрсетуге тым үлкен
report-empty = Бұл кезеңде ештеңе тіркелмеген: есеп бос.
report-no-figures = Бұл кезең бойынша деректер жоқ.

## Кестелер
report-table-appeals-total = Барлық өтініштер
report-table-appeals-by-month = Айлар бойынша өтініштер
report-table-appeals-by-channel = Арналар бойынша өтініштер
report-table-appeals-by-topic = Тақырыптар бойынша өтініштер
report-table-appeals-by-help = Көрсетілген көмек түрлері бойынша өтініштер
report-table-migration-reasons = Көші-қон себептері
report-table-sectors = Жұмыс салалары
report-table-wages-by-occupation = Кәсіптер бойынша орташа айлық жалақы
report-table-victims-assisted = Көмек алған жәбірленушілер
report-table-repatriated-by-citizenship = Еліне қайтарылғандар, азаматтығы бойынша
report-table-services-by-kind = Көрсетілген көмек, түрлері бойынша
report-table-wages-recovered = Өндіріп алынған жалақы
report-table-proceedings-by-outcome = Аяқталған іс жүргізу, нәтижелері бойынша
report-table-indicator-prevalence = Бағаланған адамдар арасындағы ХЕҰ индикаторлары
report-table-indicator-tags = Бағаланған адамдар арасындағы мәжбүрлі еңбектің он бір ХЕҰ индикаторы
report-table-victims-by-sex = Көмек алған жәбірленушілер, жынысы бойынша
report-table-victims-by-age-band = Көмек алған жәбірленушілер, жасы бойынша
report-table-victims-by-citizenship = Көмек алған жәбірленушілер, азаматтығы бойынша
report-table-referrals-sent-by-partner-kind = Жіберілген жолдамалар, серіктес түрі бойынша
report-table-referrals-sent-by-status = Жіберілген жолдамалар, жай-күйі бойынша
report-table-referrals-sent-by-partner = Жіберілген жолдамалар, серіктестер бойынша
report-table-referrals-received-by-partner-kind = Алынған жолдамалар, серіктес түрі бойынша
report-table-referrals-received-by-status = Алынған жолдамалар, жай-күйі бойынша
report-table-referrals-received-by-partner = Алынған жолдамалар, серіктестер бойынша
report-table-referral-reply-days = Жіберілген жолдамаларға серіктестің жауабына дейінгі күндер
report-table-visits-by-district = Мониторингтік сапарлар аудандар бойынша
report-table-visits-by-place-kind = Мониторингтік сапарлар орын түрлері бойынша
report-table-visits-by-month = Мониторингтік сапарлар айлар бойынша
report-table-violations-by-kind = Анықталған бұзушылықтар түрлері бойынша

## Бағандар
report-column-appeals = Өтініштер
report-column-share = Үлесі
report-column-average-kzt = Орташа жалақы, KZT
report-column-average-usd = Орташа жалақы, USD
report-column-persons = Адам
report-column-services = Көмек саны
report-column-claimed = Талап етілді
report-column-recovered = Өндіріп алынды
report-column-proceedings = Іс жүргізу
report-column-assessed = Бағаланған адамдар
report-column-yes = Индикатор анықталды
report-column-referrals = Жолдамалар
report-column-replied = Жауап берілген
report-column-median-days = Жауапқа дейінгі күндердің медианасы
report-column-awaiting = Жауап күтуде
report-column-visits = Сапарлар
report-column-people-met = Кездескен адамдар
report-column-minors-met = Оның ішінде кәмелетке толмағандар
report-column-violations = Анықталған бұзушылықтар

## Кесте жолдарында не көрсетілген
report-rows-channel = Арна
report-rows-topic = Тақырып
report-rows-help = Көрсетілген көмек
report-rows-reason = Көші-қон себебі
report-rows-sector = Сала
report-rows-occupation = Кәсібі
report-rows-victim-status = Жәбірленуші мәртебесі
report-rows-citizenship = Азаматтығы
report-rows-service = Көмек түрі
report-rows-proceeding-outcome = Нәтижесі
report-rows-months = Ай
report-rows-indicators = Индикатор
report-rows-indicator-tags = Индикатор
report-rows-currencies = Валюта
report-rows-sex = Жынысы
report-rows-age-band = Жасы
report-rows-partner-kind = Серіктес түрі
report-rows-referral-status = Жай-күйі
report-rows-partners = Серіктес
report-rows-district = Аудан
report-rows-place = Орын түрі
report-rows-violation = Бұзушылық

## Жылдық есептегі тақырып топтары
report-group-employment-contracts-registration = Жұмысқа орналасу, еңбек шарттары және тіркеу
report-group-citizenship-residence = Азаматтық және тұруға ықтиярхат
report-group-private-matters = Жеке мәселелер
report-group-legal-consultations = Құқықтық кеңес берілді

## Айлар
report-month-1 = Қаңтар
report-month-2 = Ақпан
report-month-3 = Наурыз
report-month-4 = Сәуір
report-month-5 = Мамыр
report-month-6 = Маусым
report-month-7 = Шілде
report-month-8 = Тамыз
report-month-9 = Қыркүйек
report-month-10 = Қазан
report-month-11 = Қараша
report-month-12 = Желтоқсан
report-month-short-1 = қаң
report-month-short-2 = ақп
report-month-short-3 = нау
report-month-short-4 = сәу
report-month-short-5 = мам
report-month-short-6 = мау
report-month-short-7 = шіл
report-month-short-8 = там
report-month-short-9 = қыр
report-month-short-10 = қаз
report-month-short-11 = қар
report-month-short-12 = жел

## Есеп беті
report-heading = Есеп: { $period }
report-period-year = { $year } жыл
report-period-quarter = { $year } жылдың { $quarter }-тоқсаны
report-period-month = { $year } жыл, { $month }
report-period-custom = { $from } – { $to }
report-kind-year = Жыл
report-kind-quarter = Тоқсан
report-kind-month = Ай
report-kind-custom = … бастап … дейін
report-year = Жыл
report-quarter = Тоқсан
report-month = Ай
report-from = Бастап
report-to = Дейін
report-apply = Есепті көрсету
report-form-hint = Кезең түрін таңдаңыз: жыл, тоқсан және ай үшін жыл ескеріледі; «… бастап … дейін» үшін екі күн ескеріледі, екеуі де қоса алғанда.
report-error-year = 1900-ден 2100-ге дейінгі жылды енгізіңіз, мысалы 2008.
report-error-quarter = 1-ден 4-ке дейінгі тоқсанды таңдаңыз.
report-error-month = Айды таңдаңыз.
report-error-date = Нақты күнді енгізіңіз, мысалы 2008-03-31.
report-error-reversed = Кезең басталмай тұрып аяқталады: соңғы күн бастапқы күннен ерте болмауы керек.
report-error-office = Мұндай кеңсе жоқ: тізімнен таңдаңыз.
report-share-exact = { $whole } ішінен { $part } = { $percent }
report-unstated-note = Үлестер жауап көрсетілген өтініштерден есептелген; қалғандары «көрсетілмеген» ретінде ескерілген.
report-rate-missing = { $date } күні қолданыста болған { $currency } бағамы жоқ: оны қажет ететін көрсеткіштер есептелмеді.
report-rate-add = Оны валюта бағамдары бетінде қосыңыз.
report-rate-ask = Оны әкімші валюта бағамдары бетінде қоса алады.
report-rates-link = Долларға және басқа валюталарға қайта есептеу бағамдары

## Валюта бағамдары
report-rates-title = Валюта бағамдары
report-rates-intro = Валютаның бір бірлігі көрсетілген күннен бастап осы валютаның келесі бағамына дейін неше теңге тұрғаны. Есеп сомаларды өз кезеңінің бірінші күні қолданыста болған бағамдармен қайта есептейді.
report-rates-currency = Валюта
report-rates-valid-from = Қолданыла бастаған күні
report-rates-rate = Бір бірлік үшін теңге
report-rates-actions = Әрекеттер
report-rates-none = Әзірге валюта бағамдары жоқ.
report-rates-add = Бағам қосу немесе өзгерту
report-rates-hint = Валютаның бір бірлігі неше теңге тұрады, үтірден кейін екі таңбадан аспайды, мысалы 150,00. Сол валютаның сол күнге бағамы бұрынғысын ауыстырады.
report-rates-change = Өзгерту
report-rates-remove = Жою
report-rates-saved = Бағам сақталды.
report-rates-removed = Бағам жойылды.
report-rates-readonly = Бағамдарды тек әкімші өзгерте алады.
report-rates-back = Есепке оралу
report-rates-error-currency = Теңгеден басқа валютаны таңдаңыз.
report-rates-error-rate = Бір бірлік үшін нөлден үлкен теңге сомасын енгізіңіз, үтірден кейін екі таңбадан аспасын, мысалы 150,00.

report-download = Жүктеп алу:

## Жария басылым
report-public-link = Жария басылым (ашық деректер)
report-public-heading = Жария басылым: { $period }
report-public-intro = Есептің ашық деректер ретінде жариялауға болатын бөлігі. Шектен кіші сандар «{ $mark }» белгісімен ауыстырылған, сондай-ақ жасырын сандардың ешқайсысын қорытындылардан есептеп шығаруға болмайтындай басқа сандар да жасырылған; үлестер жарияланбайды, тым аз адам бойынша орташа мәндер мен сомалар жасырылған. Мұрағатта әр кестеге бір CSV файл және барлық анықтамалары бар README бар. Шек — { $min } мен { $max } аралығында.
report-threshold = Көрсетілетін ең кіші сан
report-error-threshold = 2-ден 1000-ға дейінгі бүтін сан енгізіңіз.
report-error-release-too-long = Жария шығарылым үш жылдан аспайтын кезеңді қамтиды: ұзағырақ кезеңді бірнеше шығарылыммен жариялаңыз.
report-public-download = Ашық деректер пакетін жүктеу (ZIP)
report-hidden = Жария басылымда жасырылған

## Жария басылымдар журналы
report-ledger-intro = Басылымды қарау ештеңе жазбайды; пакетті жүктеу басылымды төмендегі журналға жазады. Әр жаңа басылым бұрынғылардың бәрімен тексеріледі: бұрынғысының қасында ол жасырын санды немесе тым аз адамнан тұратын топты айырма арқылы есептеуге мүмкіндік берсе, онда көбірек жасырылады немесе ол қабылданбайды.
report-ledger-refused = Бұл басылымды жасауға болмайды: { $made } жасалған { $period } ({ $office }) басылымының қасында ол жасырын сандарды айырма арқылы есептеуге мүмкіндік береді, ал көбірек жасыру мұның алдын алмайды. Сол басылыммен қиылыспайтын кезеңді немесе сол кезең мен кеңсені таңдаңыз.
report-ledger-refused-alone = Бұл басылымды жасауға болмайды: оның сандарын бұрын жасалған басылымдармен тексеру мүмкін болмады. Қысқарақ кезеңді немесе бір кеңсені таңдаңыз.
report-ledger-heading = Жасалған басылымдар
report-ledger-empty = Әлі ешбір басылым жасалған жоқ.
report-ledger-made = Жасалды
report-ledger-by = Кім
report-ledger-by-command-line = Пәрмен жолы
report-ledger-period = Кезең
report-ledger-office = Кеңсе
report-ledger-mode = Қорғау
report-ledger-suppression = Кіші сандар жасырылған (шек { $threshold })
report-ledger-private = Дифференциалды құпиялылық (ε = { $epsilon })
report-protection = Адамдар қалай қорғалады
report-protection-suppression = Кіші сандарды жасыру (дәл сандар)
report-protection-private = Кездейсоқ шу қосу (дифференциалды құпиялылық) — бұрын жасалған жарияланымдармен қиылысатын кезеңдер үшін
report-epsilon = Құпиялылық шығыны ε
report-error-epsilon = ε мәнін { "0.01" } мен 10 аралығындағы ондық санмен енгізіңіз, мысалы 0.5.
report-private-intro = Шу қосылғанда әр санға бір масштабтағы кездейсоқ шу қосылады (OpenDP кітапханасының дискретті Лаплас механизмі); бір жазба пакеттің ықтималдығын ε дәрежелі e еседен артық өзгертпейді, ал құпия жарияланымдардың шығындары қосылады. Әрқайсысы өз ε мәнін кезеңі қамтитын әр күнтізбелік жылға жұмсайды, төмендегі жылдық бюджет шегінде (бір жарияланымға { $min } бастап { $max } дейін). Бір жазба бірнеше жолда есептелетін кестелер, үлестер мен ақша сомалары жарияланбайды.
report-private-not-drawn = Бұл құпия жарияланымның сандары бір рет — пакет жүктелгенде — есептеліп, жазылады; қайта жүктеу сол сандарды береді. Ол өзі қамтитын әр жылдың бюджетінен ε = { $epsilon } жұмсайды (қазір қалғаны: { $left }).
report-budget-heading = Құпиялылық бюджеті
report-budget-per-year = Құпия жарияланымдар бірге күнтізбелік жылына ε = { $epsilon } жұмсай алады; оны әкімші белгілейді.
report-budget-year = Жыл
report-budget-spent = Жұмсалды
report-budget-left = Қалды
report-budget-refused = Бұл құпия жарияланымды жасау мүмкін емес: құпия жарияланымдар { $year } жылдың бюджетінен ε = { $spent } жұмсап қойған (жылына ε = { $budget }), ал бұл оны асырып жібереді. Кішірек ε немесе басқа жылдағы кезеңді таңдаңыз.

## Ашық деректер пакеті: оның README файлы. { "{mark}" } — жасырын сан белгісінің орны, оны пакет қояды.
open-data-title = Ашық деректер: ұйымның статистикасы, кіші сандар жасырылған
open-data-produced = Дайындалған күні
open-data-threshold = Шек
open-data-hiding = 1-ден шекке дейінгі сандар жарияланбайды: әрқайсысы { "{mark}" } белгісімен ауыстырылады, сондай-ақ олардың ешқайсысын кестедегі қорытындылардан да, басқа кестелерден де есептеп шығаруға болмайтындай басқа сандар (және қорытындылар) да ауыстырылады. Сондықтан { "{mark}" } санның кіші екенін білдірмейді.
open-data-zeros = Нөлдер жарияланады: олар ешкім жоқ екенін білдіреді және адамды нұсқай алмайды.
open-data-shares = Үлестер жарияланбайды (жасырын санның үлесі оны ашып қояр еді); оларды көрсетілген сандардан есептеңіз.
open-data-averages = Орташа жалақы шектен кем емес жалақы орташаландырылған жерде ғана, ал талап етілген және өндіріп алынған жалақы сомалары жалақы шектен кем емес көмек арқылы өндіріп алынған жерде ғана жарияланады; әйтпесе бүкіл жол — { "{mark}" }.
open-data-format = Әр кесте — CSV файлы (UTF-8, үтірмен бөлінген). code бағанында жолдың тұрақты коды тұр (ұйым анықтамалықтарының коды, total, ай үшін ЖЖЖЖ-АА, жауап бермеген жазбалар үшін not-stated), label бағанында жол сөзбен жазылған, одан кейін әр көрсеткішке бір баған. Ақша валютаның негізгі бірлігімен, ондық нүктемен берілген; бос өріс — ұйым енгізбеген валюта бағамын қажет ететін көрсеткіш.
open-data-files = Файлдар
open-data-title-private = Ашық деректер: ұйымның статистикасы, әр санға кездейсоқ шу қосылған
open-data-epsilon = Құпиялылық шығыны (ε)
open-data-noise = Әр санға кездейсоқ шу қосылған (OpenDP кітапханасының дискретті Лаплас механизмі), барлық көрсеткіштер үшін масштабы бірдей. Бір жазбаны (өтінішті, іс бойынша жәбірленушіні, көмекті, іс жүргізуді) қосу немесе алып тастау бұл пакеттің ықтималдығын тағы не белгілі болса да, ε дәрежелі e еседен артық өзгертпейді. Сондықтан сандар дәл емес: ешкім болмаған жолда адамдар көрінуі мүмкін, қорытынды өз жолдарының қосындысына да, басқа кестенің қорытындысына да тең болмауы мүмкін, ал нөлден кіші сан 0 болып жарияланады.
open-data-private-left-out = Жарияланбайды: бір жазба бірнеше жолда есептелетін кестелер (тақырыптар, көмек түрлері, ХЕҰ индикаторлары), үлестер және ақша (жалақының орташа мәндері мен сомалары). Әр тізімнің әр жолы нөлдерімен қоса жарияланады.

## Әр кесте нені есептейді (ашық деректер README файлында)
report-definition-appeals-total = Кезеңде түскен өтініштер, кеңсе күнтізбесі бойынша түскен сәтіне қарай.
report-definition-appeals-by-month = Кезеңнің әр айында түскен өтініштер; айлардың қосындысы қорытындыға тең.
report-definition-appeals-by-channel = Ұйымға қандай жолмен түскеніне қарай өтініштер; арналардың қосындысы қорытындыға тең.
report-definition-appeals-by-topic = Әр тақырып көтерілген өтініштер және жылдық есептегі тақырып топтары; бір өтініште бірнеше тақырып болуы мүмкін, сондықтан жолдардың қосындысы қорытындыға тең болмайды.
report-definition-appeals-by-help = Көрсетілген көмек бойынша өтініштер; бір өтінішке бірнеше түрлі көмек көрсетілуі мүмкін, сондықтан жолдардың қосындысы қорытындыға тең болмайды.
report-definition-migration-reasons = Өтініштерде көрсетілген көші-қон себебі бойынша өтініштер және себебі көрсетілмегендері; жолдардың қосындысы қорытындыға тең.
report-definition-sectors = Өтініштерде аталған жұмыс саласы бойынша өтініштер және саласы аталмағандары; жолдардың қосындысы қорытындыға тең.
report-definition-wages-by-occupation = Өтініштерде көрсетілген орташа айлық жалақы, кәсіптер бойынша, теңгемен және кезеңнің бірінші күнінде күшінде болған бағам бойынша АҚШ долларымен; appeals — орташаландырылған жалақылар саны.
report-definition-victims-assisted = Кезеңде ашылған істердегі адам саудасының немесе мәжбүрлі еңбектің болжамды немесе анықталған жәбірленушілері; әр адам бір рет, өзіндегі ең күшті мәртебесі бойынша есептеледі.
report-definition-repatriated-by-citizenship = Кезеңде көрсетілген репатриация арқылы еліне қайтарылған адамдар, әрқайсысы бір рет, азаматтығы бойынша.
report-definition-services-by-kind = Кезеңде көрсетілген көмек, түрлері бойынша.
report-definition-wages-recovered = Кезеңде көрсетілген көмек арқылы талап етілген және өндіріп алынған жалақы, валюталар бойынша; services — бірдеңе өндіріліп алынған көмектердің саны.
report-definition-proceedings-by-outcome = Кезеңде аяқталған іс жүргізу, нәтижелері бойынша.
report-definition-indicator-prevalence = Кезеңде ХЕҰ индикаторларының әр каталогы бойынша бағаланған адамдар (кезеңдегі соңғы бағалауы бойынша) және олардың қаншасында әр индикатор анықталғаны.
report-definition-indicator-tags = Кезеңде бағаланған адамдар және олардың қаншасында мәжбүрлі еңбектің он бір ХЕҰ индикаторының әрқайсысы оған сәйкес келетін кез келген индикатор арқылы анықталғаны.
report-definition-victims-by-sex = Көмек алған жәбірленушілер (жоғарыда есептелгендей), жынысы бойынша; жолдардың қосындысы жиынға тең.
report-definition-victims-by-age-band = Көмек алған жәбірленушілер (жоғарыда есептелгендей), жас тобы бойынша; жолдардың қосындысы жиынға тең.
report-definition-victims-by-citizenship = Көмек алған жәбірленушілер (жоғарыда есептелгендей), азаматтығы бойынша; жолдардың қосындысы жиынға тең.
report-definition-referrals-sent-by-partner-kind = Серіктес ұйымдарға жолданған адамдар, жолдама жіберілген күн бойынша, серіктес түрі бойынша; жобалар мен жіберілмей тұрып кері қайтарылған жолдамалар есептелмейді.
report-definition-referrals-sent-by-status = Кезеңде жіберілген жолдамалар, қазіргі жай-күйі бойынша.
report-definition-referrals-sent-by-partner = Кезеңде жіберілген жолдамалар, серіктес ұйымдар бойынша (тек қызметкерлер үшін).
report-definition-referrals-received-by-partner-kind = Серіктестер ұйымға жолдаған адамдар, жолдама алынған күн бойынша, серіктес түрі бойынша.
report-definition-referrals-received-by-status = Кезеңде алынған жолдамалар, қазіргі жай-күйі бойынша.
report-definition-referrals-received-by-partner = Кезеңде алынған жолдамалар, серіктес ұйымдар бойынша (тек қызметкерлер үшін).
report-definition-referral-reply-days = Кезеңде жіберілген жолдамалар бойынша, серіктес түрі бойынша және жалпы: жіберілгеннен серіктестің алғашқы жауабына (алынды, қабылданды немесе бас тартылды) дейінгі күндер санының медианасы; жауаптар саны жұп болса — екі ортаңғы мәннің кішісі. Жауаптар саны шектен кем болмаса ғана жарияланады.
report-definition-visits-by-district = Жылжымалы топтың кезеңдегі мониторингтік сапарлары (жоспарланған және болдырылмаған сапарлар есептелмейді) аудандар бойынша: сапарлар саны, онда кездескен адамдар, олардың ішіндегі кәмелетке толмағандар және анықталған бұзушылықтар (бұзушылықтың әр түрі бір сапарға бір рет).
report-definition-visits-by-place-kind = Сол сапарлар, адамдар, кәмелетке толмағандар және бұзушылықтар орын түрі бойынша (мақта алқабы, құрылыс, базар…).
report-definition-visits-by-month = Сол сапарлар, адамдар, кәмелетке толмағандар және бұзушылықтар сапар айы бойынша.
report-definition-violations-by-kind = Бұзушылықтың әр түрі бойынша — ол неше рет анықталды: табылған әр сапарда бір реттен. Жолдар сапарлар кестелеріндегі анықталған бұзушылықтар санына қосылады.

## The map of districts (short names on its tiles)
report-map-shymkent = Шымкент
report-map-not-visited = сапар болған жоқ
report-map-note = Карта сызбалық: әр аудан — шамамен өз орнындағы бірдей шаршы (солтүстік жоғарыда), Шымкент аудандары облыстың жанында. Түсі анықталған бұзушылықтар санын көрсетеді; нақты сандар кестеде.
report-map-maktaaral = Мақтаарал
report-map-saryagash = Сарыағаш
report-map-kazygurt = Қазығұрт
report-map-tolebi = Төле би
report-map-sairam = Сайрам
report-map-ordabasy = Ордабасы
report-map-otyrar = Отырар
report-map-baidibek = Бәйдібек
report-map-tulkibas = Түлкібас
report-map-shardara = Шардара
report-map-zhetysai = Жетісай
report-map-keles = Келес
report-map-sozak = Созақ
report-map-arys = Арыс
report-map-kentau = Кентау
report-map-turkistan-city = Түркістан
report-map-shymkent-abai = Абай
report-map-shymkent-al-farabi = Әл-Фараби
report-map-shymkent-enbekshi = Еңбекші
report-map-shymkent-karatau = Қаратау
report-map-shymkent-turan = Тұран
