# Komek қызметкерлер интерфейсі, қазақ тілі. Мұндағы әрбір id en/ui.ftl және ru/ui.ftl файлдарында да болуы тиіс.

## Жалпы элементтер
app-name = Komek
app-tagline = Еңбек мигранттарына және адам саудасынан зардап шеккендерге көмек
skip-to-content = Негізгі мазмұнға өту
signed-in-as = Сіз { $name } ретінде кірдіңіз
office-label = Кеңсе: { $office }
language-label = Тіл
language-save = Ауыстыру
logout = Шығу
logout-everywhere = Барлық құрылғыларда шығу
footer-safety = Жеке басты анықтайтын деректер шифрланған, оларды әрбір қарау тіркеледі.

## Навигация
nav-dashboard = Басты бет
nav-hotline = Жедел желі және өтініштер
nav-cases = Істер
nav-parties = Жұмыс берушілер мен делдалдар
nav-referrals = Жолдамалар
nav-monitoring = Мониторингтік сапарлар
nav-reports = Есептер
nav-audit = Аудит журналы
nav-admin = Әкімшілендіру
nav-account = Менің есептік жазбам

## Рөлдер
role-administrator = Әкімші
role-manager = Менеджер
role-lawyer = Заңгер
role-psychologist = Психолог
role-hotline-operator = Жедел желі операторы
role-mobile-consultant = Мобильді консультант
role-analyst = Талдаушы

## Жүйеге кіру
login-title = Жүйеге кіру
login-intro = Тек ұйым қызметкерлеріне арналған. Құпиясөзіңіз ешкімге ешқашан көрсетілмейді.
login-username = Пайдаланушы аты
login-password = Құпиясөз
login-submit = Кіру
login-error-bad = Пайдаланушы аты немесе құпиясөз қате.
login-error-help = Қатарынан бірнеше рет қате құпиясөз енгізілсе, есептік жазба біраз уақытқа бұғатталады. Бәрібір кіре алмасаңыз, ұйымыңыздың әкімшісіне хабарласыңыз.
login-error-locked = Қате құпиясөз тым көп рет енгізілді: есептік жазба { $until } уақытына дейін бұғатталды.
login-error-throttled = Осы мекенжайдан сәтсіз кіру әрекеттері тым көп. Бірнеше минут күтіп, қайталап көріңіз.
login-error-disabled = Бұл есептік жазба өшірілген. Әкімшіге хабарласыңыз.
login-error-expired = Форманың мерзімі өтіп кетті. Қайта кіріңіз.
session-ended = Сеансыңыз аяқталды. Қайта кіріңіз.


## Екі қадамды кіру
second-factor-title = Екі қадамды кіру
second-factor-intro = Аутентификатор қолданбасындағы 6 таңбалы кодты немесе резервтік кодтардың бірін енгізіңіз.
second-factor-code = Код
second-factor-submit = Жалғастыру
second-factor-error = Код қате немесе бұрын қолданылған. Қолданба көрсететін келесі кодты енгізіңіз.
enrol-title = Екі қадамды кіруді баптау
enrol-intro = Сіздің рөліңіз жеке деректерді көреді, сондықтан әр кіру кезінде телефондағы аутентификатор қолданбасының коды да қажет (мысалы, FreeOTP, Google Authenticator немесе Microsoft Authenticator).
enrol-step-scan = Осы кодты қолданбамен сканерлеңіз немесе төмендегі кілтті оған енгізіңіз.
enrol-key = Кілт
enrol-step-confirm = Содан кейін қолданба көрсеткен 6 таңбалы кодты енгізіңіз.
enrol-submit = Растау
enrol-error = Код қате. Телефондағы уақыттың дұрыс екенін тексеріп, келесі кодты енгізіңіз.
recovery-title = Резервтік кодтарыңыз
recovery-intro = Телефоныңызды жоғалтсаңыз, бұл кодтардың әрқайсысымен бір рет кіруге болады. Оларды жазып алып, қауіпсіз жерде сақтаңыз: олар тек қазір көрсетіледі.
recovery-continue = Кодтарды жазып алдым — жалғастыру
## Құпиясөз
password-title = Құпиясөзді өзгерту
password-first-login = Бұл сіздің алғашқы кіруіңіз: жалғастыру үшін өз құпиясөзіңізді орнатыңыз.
password-current = Ағымдағы құпиясөз
password-new = Жаңа құпиясөз
password-repeat = Жаңа құпиясөзді қайталаңыз
password-rules = Кемінде { $min } таңба. Есте оңай қалатын бірнеше сөз жақсы құпиясөз болады.
password-submit = Құпиясөзді өзгерту
password-changed = Құпиясөзіңіз өзгертілді.
password-error-current = Ағымдағы құпиясөз дұрыс емес.
password-error-short = Жаңа құпиясөз кемінде { $min } таңбадан тұруы керек.
password-error-mismatch = Екі жаңа құпиясөз сәйкес келмейді.
password-error-same = Жаңа құпиясөз ағымдағысынан өзгеше болуы керек.
logged-out-everywhere = Сіз барлық құрылғыларда жүйеден шықтыңыз.

## Басты бет
dashboard-title = Басты бет
dashboard-welcome = Қайырлы күн, { $name }.
dashboard-scope-office = Сіздің кеңсеңіздің көрсеткіштері.
dashboard-scope-all = Бүкіл ұйымның көрсеткіштері.
dashboard-appeals-today = Бүгінгі өтініштер
dashboard-appeals-month = Осы айдағы өтініштер
dashboard-appeals-year = Осы жылғы өтініштер
dashboard-open-cases = Ашық істер
dashboard-my-follow-ups = Мерзімі жеткен бақылау мерзімдерім
dashboard-last-appeal = Соңғы өтініш { $date } күні түсті.
dashboard-modules = Жұмыс бағыттары
count-appeals = { $count ->
    [one] { $count } өтініш
   *[other] { $count } өтініш
}

## Модульдер
module-coming = Жақында
module-referrals-title = Жолдамалар
module-referrals-about = Ұлттық және халықаралық жолдау желісі: ХКҰ, полиция, прокуратура, баспаналар, елшіліктер, шетелдегі серіктес ҮЕҰ-лар.
module-referrals-coming = Адам мен іс беттеріндегі келісім мен жолдамалар: жіберілген және алынған жолдамалар, алдымен келісім тіркеледі, тек ол рұқсат ететін деректер беріледі; серіктестердің жауаптары мен жолдама хаты.
module-monitoring-title = Мониторингтік сапарлар
module-monitoring-about = Мобильді топтың мақта алқаптарына, жүзімдіктерге, жылыжайларға, құрылыс алаңдарына және базарларға сапарлары.
module-admin-title = Әкімшілендіру
module-admin-about = Қызметкерлердің есептік жазбалары, кеңселер, анықтамалықтар және қауіпсіздік баптаулары.
module-admin-coming = Қауіпсіздік баптаулары.


## Аудит журналы
audit-title = Аудит журналы
audit-intro = Әрбір өзгеріс, жеке деректерді әрбір қарау, әрбір іздеу мен кіру — жаңалары жоғарыда. Журнал тек толықтырылады, жазбалар тізбекке байланған: тексеру өзгертілген, жойылған немесе орны ауыстырылған жазбаны табады.
audit-filter-user = Пайдаланушы
audit-filter-action = Әрекет
audit-filter-record = Жазба идентификаторы
audit-filter-any = Кез келген
audit-filter-submit = Көрсету
audit-verify = Бүкіл тізбекті де тексеру
audit-intact = Тізбек бүтін: { $count } жазба тексерілді.
audit-broken = Тізбек { $seq }-жазбада бұзылған
audit-empty = Сәйкес жазбалар жоқ.
audit-col-time = Уақыт
audit-col-user = Пайдаланушы
audit-col-action = Әрекет
audit-col-record = Жазба
audit-col-detail = Толығырақ
audit-system = жүйе
audit-break-glass-title = Тексеруді күтетін шұғыл қолжетімділік
audit-break-glass-none = Тексеруді күтетін шұғыл қолжетімділік жоқ.
audit-break-glass-reviewed = Тексерілді
audit-col-reason = Себебі
audit-entries = Жазбалар
audit-action-create = Құру
audit-action-update = Өзгерту
audit-action-delete = Жою
audit-action-read = Жеке деректерді қарау
audit-action-search = Іздеу
audit-action-export = Экспорт
audit-action-login = Кіру
audit-action-login-failed = Сәтсіз кіру
audit-action-logout = Шығу
audit-action-password-changed = Құпиясөзді ауыстыру
audit-action-break-glass = Шұғыл қолжетімділік
audit-action-key-rotated = Бас кілтті ауыстыру

## Әкімшілендіру
admin-accounts-title = Қызметкерлердің есептік жазбалары
admin-col-username = Пайдаланушы аты
admin-col-name = Аты
admin-col-role = Рөлі
admin-col-office = Кеңсе
admin-col-status = Күйі
admin-col-second-factor = Екі қадамды кіру
admin-status-active = Белсенді
admin-status-disabled = Өшірілген
admin-2fa-enrolled = Бапталған
admin-2fa-not-enrolled = Әлі жоқ
admin-disable = Өшіру
admin-enable = Қосу
admin-reset-2fa = Екі қадамды кіруді тастау (қайта баптау үшін)
admin-create-title = Жаңа есептік жазба
admin-create-submit = Құру
admin-created = { $username } есептік жазбасы құрылды. Бір реттік құпиясөз:
admin-created-hint = Оны жеке өзіңіз тапсырыңыз: ол тек қазір көрсетіледі және алғашқы кіруде өзгертілуі тиіс.
admin-error-username = Пайдаланушы атында тек латын әріптері, сандар, нүкте, сызықша және астын сызу болуы мүмкін.
admin-error-name = Қызметкердің атын көрсетіңіз.
admin-error-exists = Мұндай пайдаланушы аты бар есептік жазба бұрыннан бар.
admin-offices-title = Кеңселер
admin-offices-about = Кеңсе атауы ол жіберетін хаттардың басында тұрады; оның сағаты онда жазылғанның күнін анықтайды (Қазақстан: 300 минут, UTC+5).
admin-office-name = Атауы
admin-office-clock = Сағат: UTC-ден алда минуттар
admin-office-save = Кеңсені сақтау
admin-office-saved = { $code } кеңсесі сақталды.
admin-error-office-name = Кеңсе атауын жазыңыз: бір жол, 200 таңбадан аспайды.
admin-error-office-clock = Сағат — −720-дан 840-қа дейінгі, 15-ке еселі бүтін минут саны (Қазақстан: 300).
## Қателер
error-title = Бірдеңе дұрыс болмады
error-not-found = Мұндай бет жоқ немесе оны көруге рұқсатыңыз жоқ.
error-stale-form = Бұл форма алдыңғы сеансқа тиесілі. Артқа оралып, бетті жаңартыңыз да, қайта жіберіңіз.
error-forbidden = Сіздің рөліңіз бұған рұқсат бермейді.
error-internal = Ішкі қате орын алды. Браузердегі «Артқа» батырмасымен оралыңыз: енгізгеніңіз формада қалады. Қате қайталанса, әкімшіге хабарлаңыз.
error-bad-request = Сұрауды өңдеу мүмкін болмады.
error-too-large = Жіберілген дерек бұл бет қабылдайтыннан үлкен, ештеңе сақталмады. Файл (дәлел, форманың сканы) { $megabytes } МБ-тан аспауы керек: браузердегі «Артқа» батырмасымен оралып, кішірек файл таңдаңыз немесе оны төменірек ажыратымдылықпен қайта сканерлеңіз.
error-back = Басты бетке оралу

## Қосымшалар: бақылау, өтініштен іс
dashboard-follow-ups = Менің бақылау мерзімдерім
dashboard-all-follow-ups = Менің барлық бақылау мерзімдерім
appeal-case-kind = Іс түрі
appeal-case-sensitive = Құпия: оны тек іс тобы көреді
appeal-open-case = Осы өтініш бойынша іс ашу
person-case-opened = Іс ашылды; ол төмендегі тізімде.
intake-nobody-known = Әзірге ешкім табылмады: өтініш беруші жаңа адам ретінде сақталады.

## Формалар: не дұрыс емес — өрістің жанында
form-errors = { $count ->
    [one] { $count } өрісті түзету қажет, ол төменде белгіленген. Енгізгендеріңіздің барлығы сақталды.
   *[other] { $count } өрісті түзету қажет, олар төменде белгіленген. Енгізгендеріңіздің барлығы сақталды.
}
form-required = Бұл өрісті толтырыңыз.
form-unknown-choice = Тізімдегі мәндердің бірін таңдаңыз.
form-taken = Мұндай бар: басқасын таңдаңыз.
form-retired-choice = Бұл мән енді қолданылмайды: басқасын таңдаңыз.
form-negative = Бұл мән теріс бола алмайды.
form-too-long = Мән тым ұзын: ең көбі { $max } таңба.
form-control-character = Мәтіннен көрінбейтін басқару таңбаларын алып тастаңыз (олар әдетте қойылған мәтінмен келеді); жол ауыстыру тек жазбаларда рұқсат.
form-too-large = Сома тым үлкен: ең көбі { $max }.
form-too-many = Мәндер тым көп: ең көбі { $max }.
form-more-than = Жалпы саннан көп: ең көбі { $max }.
form-invalid = Бұл мән жарамсыз.
form-invalid-date = Күн дұрыс емес (немесе болашақтағы күн).
form-invalid-year = Туған жылды енгізіңіз, мысалы 1986.
form-invalid-amount = Соманы енгізіңіз, мысалы 18000 немесе 18 000,50.
form-invalid-phone = Бұл телефон нөміріне ұқсамайды; оны ел немесе оператор кодымен енгізіңіз.
form-changed-meanwhile = Сіз бұл жазбаны өңдеп жатқанда, оны басқа пайдаланушы өзгертті. Оның өзгерістерін көру үшін жазбаны қайта ашыңыз, содан кейін өз өзгерістеріңізді енгізіңіз.
form-not-given = — көрсетілмеген —
form-any = кез келген
form-save = Сақтау

## Жедел желі: өтініштер тізілімі
hotline-title = Жедел желі және өтініштер
hotline-new-appeal = Жаңа өтініш
hotline-from = Бастап
hotline-to = Дейін
hotline-follow-up = Бақылау мерзімі
hotline-follow-up-due = жетті (бүгін немесе одан бұрын)
hotline-follow-up-overdue = өтіп кеткен
hotline-office = Кеңсе
hotline-mine = Тек менікі
hotline-sort = Реті
hotline-sort-newest = алдымен жаңалары
hotline-sort-oldest = алдымен ескілері
hotline-sort-follow-up = бақылау мерзімі бойынша
hotline-apply = Көрсету
hotline-empty = Бұл сүзгілерге сәйкес өтініштер жоқ.
hotline-col-received = Түскен уақыты
hotline-col-operator = Оператор
hotline-col-person = Адам
hotline-open-person = ашу
hotline-anonymous = анонимді
pager-label = Беттер
pager-previous = ← Алдыңғы бет
pager-next = Келесі бет →

## Жедел желі: өтінішті қабылдау формасы
intake-title = Жаңа өтініш
intake-edit-title = Өтінішті өңдеу
intake-caller = Өтініш беруші
intake-caller-hint = Өтініш берушінің айтқанын енгізіңіз: кез келген жазылудағы аты-жөні, телефоны, паспорт нөмірі. Оның жүйеде бар-жоғын көру үшін Enter пернесін басыңыз. Анонимді өтініш үшін барлық өрісті бос қалдырыңыз.
intake-full-name = Аты-жөні
intake-phone = Телефон
intake-document = Паспорт немесе басқа құжат нөмірі
intake-find = Іздеу
intake-new-person = Жаңа адам (ештеңе енгізілмесе — анонимді)
intake-restricted-person = Ісіне қолжетімділік шектелген белгілі адам
intake-restricted-lead = — іс жүргізуші: { $lead }. Өтінішті осы адаммен оның деректерін көрмей байланыстыру үшін таңдаңыз; іс жүргізушіге өтініш туралы хабарланады.
intake-restricted-lead-task = Сіздің клиентіңіз сенім телефонына қоңырау шалды
intake-possible-duplicate = Бұл адам бұрыннан тіркелген болуы мүмкін: оны жоғарыдан таңдаңыз немесе жаңа адамды сақтау үшін төмендегі белгіні қойыңыз.
intake-confirm-new = Бұл басқа адам: жаңа адам ретінде сақтау
intake-person-gone = Таңдалған адам енді қолжетімсіз; қайта таңдаңыз.
intake-more-about-caller = Өтініш беруші туралы толығырақ
intake-birth-year = Туған жылы
intake-sex = Жынысы
intake-citizenship = Азаматтығы
intake-other-citizenships = Басқа азаматтықтары
intake-home-region = Тұрақты тұратын өңірі немесе қаласы
intake-case = № { $number } іс
intake-appeal = Өтініш
intake-received-at = Түскен уақыты
intake-channel = Арна
intake-contact = Кім хабарласты
intake-topics = Тақырыптар
intake-help = Көрсетілген көмек
intake-occupation = Кәсібі
intake-sector = Сала
intake-work-region = Жұмыс істеген өңірі
intake-work-district = Аудан
intake-wage = Айлық жалақы
intake-currency = Валюта
intake-reason = Көші-қон себебі
intake-notes = Ескертпелер
intake-follow-up = Бақылау мерзімі
intake-outcome = Нәтиже
intake-parties = Аталған жұмыс берушілер мен делдалдар
intake-party-name = Жұмыс берушінің, делдалдың немесе лауазымды тұлғаның аты не атауы
intake-party-role = Рөлі
intake-party-kind = Жеке немесе заңды тұлға
intake-party-hint = Атын енгізген соң, оның жүйеде бар-жоғын көру үшін Enter пернесін басыңыз; егер жоқ болса, өтініш сақталғанда тіркеледі.
intake-directory = Қоңырау шалушыны қайда жіберу керек
intake-directory-hint = Жолдау желісінің қазір жұмыс істейтін серіктестері, қажетті қызмет пен өңір бойынша. Серіктестің байланыстары бар беті жаңа қойындыда ашылады.
intake-directory-find = Анықтамалықтан іздеу
intake-add-party = Қосу
intake-save = Өтінішті сақтау
intake-keys = Enter — іздеу; Alt+S — сақтау.

## Өтініш беті
appeal-title = { $date } күнгі өтініш
appeal-saved = Өтініш сақталды.
appeal-edit = Өңдеу
appeal-another-for-person = Осы адамнан жаңа өтініш
record-restricted = (көрсетілмейді: қолжетімділігіңізден тыс)

## Адам беті
person-anonymous = Анонимді адам
person-saved = Адам туралы деректер сақталды.
person-merged = Қайталанған жазба осы адамға біріктірілді: оның өтініштері, істері, телефондары мен атының жазылу нұсқалары енді осында.
person-edit = Адам деректерін өңдеу
person-other-spellings = Басқа жазылу нұсқалары (әр жолға біреуден)
person-passport-name = Паспорттағы аты-жөні
person-birth-date = Туған күні
person-phones = Телефондар (әр жолға біреуден)
person-documents = Құжаттар (әр жолға біреуден)
person-address = Мекенжайы
person-age-band = Жас тобы
person-appeals = Өтініштер
person-cases = Істер
person-no-cases = Сіз көре алатын істер жоқ.
person-duplicates = Ықтимал қайталанған жазбалар
person-duplicates-hint = Бұл жазбалар бір адамға ұқсайды. Біріктіру олардың өтініштері мен істерін осында көшіреді және қайталанған жазбаны жояды; бұл аудит журналында тіркеледі.
person-merge-confirm = Тексердім: бұл сол бір адам
person-merge = Осы адамға біріктіру

## Жұмыс берушілер мен делдалдар
parties-title = Жұмыс берушілер мен делдалдар
parties-about = Өтініштерде жұмыс беруші, делдал, бригадир, «тіркеуге көмекші» немесе лауазымды тұлға ретінде аталғандардың барлығы. Іс нәтижесі растағанға дейін жазба расталмаған мәлімет болып саналады.
parties-search = Аты, телефоны немесе идентификаторы
parties-none = Мұндай атпен ешкім табылмады.
party-other-names = Басқа аттары
party-identifiers = Идентификаторлар (БСН/ЖСН)
party-roles = Кім ретінде аталған
party-edit = Жазбаны түзету
party-edit-cancel = Сақтамай жазбаға оралу
party-saved = Жазба түзетілді.
party-merge-link = Осы жазбаға оның қайталанған жазбасын біріктіру
party-merge-title = Қайталанған жазбаны «{ $name }» жазбасына біріктіру
party-merge-about = Сол жұмыс берушінің немесе делдалдың басқа жазбасын табыңыз. Біріктіргенде оның өтініштері, істері мен сапарлары осында көшіріледі, атаулары, телефондары мен сәйкестендіргіштері осы жазбаға қосылады, ал өзі жойылады. Біріктіру аудит журналында тіркеледі және оны болдырмау мүмкін емес.
party-merge-search = Атауы, телефоны немесе сәйкестендіргіші
party-merge-none = Сізге қолжетімді жазбалар арасында басқа сәйкестік жоқ.
party-merge-confirm = Тексердім: бұл сол бір жұмыс беруші немесе делдал
party-merge = Осы жазбаға біріктіру
party-merge-back = Жазбаға оралу
party-merged = Қайталанған жазба осы жазбаға біріктірілді: оның өтініштері, істері, сапарлары, атаулары мен телефондары енді осында.
party-merge-refused = Екі жазба бірге жарамды жазба құрамайтын еді, сондықтан ештеңе біріктірілмеді. Алдымен біреуін түзетіп, содан кейін қайта біріктіріңіз:
party-district = Аудан
party-lines-hint = Әр жолға біреуден.
party-licence = Жұмысқа орналастыру агенттігінің лицензиясы
party-licence-hint = Адамдарды жұмысқа орналастыратын агенттік үшін: оның лицензиясы, ол атаған немесе жоқ лицензия (лицензиясыз жұмыс істесе — «Жоқ»). Басқалар үшін бос қалдырыңыз.
party-licence-shown = Лицензия
party-licence-ends-before = Лицензияның мерзімі берілген күнінен бұрын аяқтала алмайды.
licence-status = Лицензия
licence-number = Нөмірі
licence-issued-by = Кім берді
licence-issued-on = Берілген күні
licence-valid-until = Жарамдылық мерзімі
party-standing-alleged = Расталмаған: мұнда жазылғанды әзірге іс нәтижесі де, шешім де растаған жоқ.
party-standing-confirmed-by-case = Іспен расталған: олар аталған іс жұмыс берушіге айыппұлмен, жалақы төлеумен немесе үкіммен аяқталды.
party-standing-confirmed-by-decision = Шешіммен расталған: олар аталған іс бойынша іс жүргізу үкіммен немесе айыппұлмен аяқталды.
party-role = Кім ретінде аталған
party-cases = { $count ->
    [one] { $count } істе аталған
   *[other] { $count } істе аталған
}
party-more-cases = Тек соңғы істер көрсетілген; төменде барлығы есептелген.
party-proceedings = Осы істер бойынша іс жүргізу
party-proceeding-undecided = шешім әлі жоқ
party-wages = Осы істер бойынша талап етілген және өндірілген жалақы
party-appeals = { $count ->
    [one] { $count } өтініште аталған
   *[other] { $count } өтініште аталған
}
party-more-appeals = Тек соңғы өтініштер көрсетілген.

## Тіркелген адамның өтініш беруші болуы мүмкін себебі
match-same-document = құжаты бірдей
match-same-phone = телефоны бірдей
match-same-name = аты бірдей
match-similar-name = аты ұқсас
match-same-birth-year = туған жылы бірдей

## Қолжетімділіктен тыс жазбаға шұғыл кіру
break-glass-title = Табылмады немесе сіздің қолжетімділігіңізден тыс
break-glass-about = Мұндай жазба жоқ, не ол басқа кеңсеге немесе сіз кірмейтін іс тобына тиесілі. Егер адамға қауіп төнсе және жазбаны жүргізетіндермен байланысу мүмкін болмаса, себебін көрсетіп, оны ашуға болады. Себеп пен сіздің атыңыз жазылып, басшыға көрсетіледі.
break-glass-reason = Оны неге қазір ашу керек
break-glass-reason-short = Себебін кемінде { $min } таңбамен түсіндіріңіз.
break-glass-open = Ашу және себебін жазу
break-glass-opened = Шұғыл кіру арқылы ашылды: бұл қарау жазылды және оны басшы тексереді.

## The organisation's lists
lists-changed-meanwhile = Сіз ашқаннан бері бұл анықтамалықты біреу өзгертті: міне, оның қазіргі түрі. Сіздің өзгерісіңіз сақталмады; қажет болса, қайталаңыз.
lists-code-malformed = Код — қысқа латын атауы: кіші әріптер, цифрлар және жалғыз сызықшалар, әріптен басталады, 40 таңбадан аспайды (мысалы, police-extortion).
lists-label-needed = Атауды орыс, қазақ немесе ағылшын тілдерінің кем дегенде біреуінде беріңіз.
lists-last-offered = Бұл формалар осы тізімнен ұсынатын соңғы код: оны шығармас бұрын басқасын қосыңыз немесе қайтарыңыз.
lists-title = Анықтамалықтар
lists-about = Формалар ұсынатын тізімдер. Жазбалар мен есептердегі кодтар өзгермейді; атауларды, ретті және қай кодтар ұсынылатынын ұйым өзі белгілейді.
lists-count = кодтар: { $count }
lists-list-about = Кодтың формадағы орнын өзгерту үшін оны жылжытыңыз. Қолданыстан шығарылған код жаңа жазбалар үшін ұсынылмайды; оны ұстайтын жазбалар оны сақтайды, есептер оны ескереді.
lists-col-code = Код
lists-col-label = Атауы
lists-col-status = Күйі
lists-retired-on = { $day } бастап қолданылмайды
lists-in-use = Қолданыста
lists-up = { $code } жоғары жылжыту
lists-down = { $code } төмен жылжыту
lists-restore = Қайтару
lists-retire = Қолданыстан шығару
lists-rename = Атын өзгерту
lists-add-title = Код қосу
lists-add-about = Код — қысқа латын атауы (кіші әріптер, цифрлар және сызықшалар, мысалы police-extortion); ол өзгермейді. Атауды орыс, қазақ немесе ағылшын тілдерінің кем дегенде біреуінде беріңіз.
lists-add-submit = Кодты қосу
lists-rename-title = { $code } кодының атаулары
lists-rename-shipped = Бұл код Komek-пен бірге аудармаларымен келеді (өрістерде сұр түспен көрсетілген): мұнда енгізілген атау аударманы алмастырады, бос өріс оны қалдырады.
lists-rename-own = Бұл кодты ұйым қосқан: орыс, қазақ немесе ағылшын тіліндегі кем дегенде бір атау қажет.
lists-rename-submit = Атауларды сақтау
lists-label-ru = Орысша атауы
lists-label-kk = Қазақша атауы
lists-label-en = Ағылшынша атауы
lists-label-uz = Өзбекше атауы
lists-label-ky = Қырғызша атауы
lists-label-tg = Тәжікше атауы
admin-lists-about = Тақырыптар, кәсіптер, аудандар, іс түрлері және формалар ұсынатын басқа тізімдер.
admin-lists-open = Анықтамалықтарды өңдеу
lists-name-channel = Өтініш арналары
lists-name-topic = Өтініш тақырыптары
lists-name-help = Өтініш бойынша көмек түрлері
lists-name-occupation = Кәсіптер
lists-name-sector = Жұмыс салалары
lists-name-reason = Көші-қон себептері
lists-name-district = Аудандар
lists-name-case-kind = Іс түрлері
lists-name-closing-reason = Істі жабу себептері
lists-name-service = Іс бойынша қызметтер
lists-name-place = Орын түрлері
lists-name-partner-kind = Серіктес ұйым түрлері
lists-name-material = Ақпараттық материалдар
lists-name-authority = Іс жүргізетін органдар
articles-title = Заң баптары
articles-about = Іс жүргізулер сілтеме жасайтын баптар, кодекстер бойынша. Баптың өзгеруі не күшін жоюы — мұндағы жаңа күн, ескі іс жүргізулерді түзету емес: әр іс жүргізу өз баптарын сақтайды.
articles-col-in-force = Күшінде
articles-col-source = Дереккөз
articles-change = Өзгерту
articles-add-title = Бап қосу
articles-add-submit = Бапты қосу
articles-book = Кодекс
articles-number = Бап нөмірі (мысалы, 128 немесе 128-1)
articles-in-force-from = Күшіне енген күні
articles-in-force-to = Күшінде болатын соңғы күні (бос — күшінде)
articles-source = Дереккөз
articles-source-hint = Мәтін қайдан оқылды: заң, оның нөмірі мен күні немесе adilet.zan.kz беті.
articles-change-title = { $code } бабы
articles-change-about = Баптың күшінде болу күндерін (өзгеріс, күшін жою), атауларын және дереккөзін өзгертіңіз. Бап коды өзгермейді.
appeal-case-refused = Іс ашылмады: өтініштегі немесе формадағы мән енді қолданылмайды. Іс түрін қайта таңдаңыз; болмаса, әкімшіге хабарлаңыз.
