# Жолдау желісі: серіктестер анықтамалығы.

partners-title = Серіктестер анықтамалығы
partners-about = Жолдау желісінің ұйымдары: адамды қайда жіберу және онда кімге хабарласу керек.
partners-add = Серіктес қосу
partners-edit = Серіктесті өзгерту
partners-name = Атауы
partners-kind = Түрі
partners-service = Қызмет
partners-region = Қызмет көрсететін өңір
partners-inactive-too = Белсенді емес серіктестерді де көрсету
partners-none = Серіктес табылмады.
partners-country = Елі
partners-regions = Өңірлер
partners-regions-served = Қызмет көрсететін Қазақстан өңірлері (ешқайсысы: бүкіл ел немесе шетел)
partners-services = Көрсетілетін қызметтер
partners-languages = Тілдер
partners-hours = Жұмыс уақыты
partners-active = Белсенді: жаңа жолдамаларға таңдауға болады
partners-inactive = белсенді емес
partners-everywhere = Барлық жерде
partners-focal-points = Байланыс тұлғалары
partners-focal-points-hint = Жолдамалар жіберілетін серіктес қызметкерлері. Олардың аты-жөні мен байланыстары шифрланып сақталады.
partners-no-focal-points = Байланыс тұлғалары көрсетілмеген.
partners-focal-name = Аты-жөні
partners-focal-position = Лауазымы
partners-focal-email = Эл. пошта

# Адамның деректерді беруге келісімі.

consents-title = Деректерді беруге келісімдер
consents-none = Келісім жазылмаған: бұл адам туралы серіктестерге ештеңе беруге болмайды.
consent-record = Келісімді жазу
consent-about = Адам неге келісті: қандай деректерді, кімге және не үшін. Бір нәрсе берместен бұрын келісімді жазыңыз; жолдама тек күшіндегі келісім рұқсат ететінін ғана қамти алады.
consent-given-on = Келісім күні
consent-method = Қалай берілді
consent-recipients = Кімге
consent-recipients-hint = Серіктес түрі сол түрдегі барлық серіктестерді қамтиды; немесе серіктестерді бір-бірлеп белгілеңіз.
consent-any-of-kind = кез келген: { $kind }
consent-purposes = Не үшін
consent-categories = Қандай деректер
consent-expires-on = Мерзімі (бос — мерзімсіз)
consent-note = Адамға не түсіндірілді, куә, заңды өкіл (шифрланып сақталады)
consent-standing = Күйі
consent-in-force = Күшінде
consent-in-force-until = { $date } дейін күшінде
consent-expired-on = Мерзімі { $date } өтті
consent-withdrawn-on = { $date } кері қайтарылды
consent-withdrawn-day = Кері қайтару күні
consent-withdraw = Кері қайтаруды жазу
consent-saved = Келісім жазылды.
consent-withdrawn = Кері қайтару жазылды; осы келісім бойынша жіберілмеген жолдамалар кері қайтарылды.
consent-not-withdrawn = Кері қайтарып алу жазылмады: оның күні келісім берілген күннен ерте және бүгіннен кеш болмауы керек, ал келісімді бір рет қана қайтарып алуға болады.
consent-scan = Қол қойылған нысан
consent-scan-attach = Қол қойылған нысанды тіркеу
consent-scan-replace = сканерді ауыстыру
consent-scan-file = Адам қол қойған нысанның сканері немесе фотосы (шифрланып сақталады)
consent-scan-saved = Қол қойылған нысан тіркелді.

# Жолдамалар.

person-referrals = Жолдамалар
person-no-referrals = Әзірге жолдама жоқ.
case-referrals = Жолдамалар
referral-new = Жолдау
referral-title = Жолдама { $number }
referral-number = Нөмірі
referral-partner = Серіктес
referral-purpose = Мақсаты
referral-consent = Қай келісім бойынша
referral-override = Келісімсіз: басшының шешімі (бала қауіпте, өмірге қатер)
referral-override-reason = Деректер неге келісімсіз беріледі (тек басшы; шұғыл қолжетімділік сияқты тексеріледі)
referral-check = Келісім неге рұқсат ететінін көрсету
referral-fields = Берілетін деректер
referral-fields-hint = Серіктеске қажетті ең азын таңдаңыз. Келісім рұқсат етпейтінді таңдауға болмайды.
referral-choose-consent = Жолдама қай келісім бойынша жіберілетінін таңдаңыз: ол рұқсат етпейтін деректер белсенді болмайды.
referral-category-not-consented = келісім мына деректерді қамтымайды: { $category }
referral-partner-not-consented = келісім бұл серіктесті немесе мақсатты қамтымайды
referral-not-consented = Келісім мұны рұқсат етпейді.
referral-no-consent = Бұл адамның келісімі жазылмаған. Жолдамас бұрын оны жазыңыз.
referral-services = Қандай қызметтер қажет
referral-urgency = Шұғылдығы
referral-reply-due = Жауап күтілетін мерзім
referral-save-draft = Жоба ретінде сақтау
referral-saved = Сақталды.
referral-overdue = жауап мерзімі өтті
referral-status = Мәртебесі
referral-direction = Бағыты
referral-direction-outgoing = шығыс
referral-direction-incoming = кіріс
referral-case = Іс
referral-appeal = Өтініш
referral-open-appeal = өтінішті ашу
referral-letter-ru = Орысша хат
referral-letter-kk = Қазақша хат
referral-letter-pdf = Хат PDF түрінде
referral-partner-inactive = Серіктес анықтамалықта енді жұмыс істемейді: оған ештеңе жіберуге болмайды. Басқа серіктеске жаңа жолдама жасаңыз.
referral-sent-letter = Жіберілген күйіндегі хат (PDF)
referral-sent-letter-about = { $date } күні дәл жіберілген күйінде сақталды; оның таңбасы аудит журналында.
referral-letter-lang = Жіберу кезінде сақталатын хаттың тілі
referral-steps = Кезеңдер мен жауаптар
referral-step-on = Күні
referral-step-by = Кім жазды
referral-step-note = Жауап немесе жазба
referral-next-status = Келесі кезең
referral-move = Кезеңді жазу
referral-back = Жолдамаға оралу
referrals-under-way = Жұмыстағы жолдамалар
referrals-none-under-way = Жұмыстағы жолдама жоқ.
referrals-declined = Серіктес қабылдамағандар
referrals-declined-about = Әрқайсысын жабыңыз немесе адамды басқа серіктеске жолдаңыз.
referrals-how-to-make = Жолдама адамның, істің немесе өтініштің бетінен, адамның келісімі бойынша жасалады.
dashboard-replies-overdue = { $count } жолдама мерзімінен асып жауап күтуде
referral-refused-withdrawn = { $given } күнгі келісім { $on } кері қайтарылды: ол бойынша ештеңе беруге болмайды.
referral-refused-expired = { $given } күнгі келісімнің мерзімі { $on } өтті.
referral-refused-not-yet = Келісім { $given } күнімен жазылған — беру күнінен кейін.
referral-refused-recipient = { $given } күнгі келісімде бұл серіктес немесе оның түрі аталмаған.
referral-refused-purpose = { $given } күнгі келісім «{ $purpose }» мақсатын қамтымайды.
referral-refused-field = { $given } күнгі келісім «{ $field }» беруге рұқсат етпейді (деректер: { $category }).

# Жолдама не қамти алады.

referral-field-full-name = Аты-жөні
referral-field-birth-date = Туған күні
referral-field-sex = Жынысы
referral-field-citizenship = Азаматтығы
referral-field-languages = Тілдері
referral-field-phones = Телефондары
referral-field-address = Мекенжайы
referral-field-case-kind = Іс түрі
referral-field-case-summary = Не болды
referral-field-recruitment = Қай жерде жалданды
referral-field-exploitation = Қай жерде қаналды
referral-field-indicators = Құрбан мәртебесі және индикаторлар
referral-field-vulnerabilities = Осалдық
# No longer offered (Komek keeps no health notes); kept to name it on older referrals.
referral-field-health-notes = Денсаулық
referral-field-parties = Жұмыс берушілер мен делдалдар
referral-field-document-numbers = Құжат нөмірлері

# Жолдама хат.

letter-title = Жолдама
letter-we-refer = Осы адамды сізге жолдаймыз және мына көмекті сұраймыз
letter-you-referred = Сіз бұл адамды бізге мына мақсатпен жолдадыңыз
letter-purpose = Мақсаты
letter-urgency = Шұғылдығы
letter-reply-by = Жауапты мына мерзімге дейін беруіңізді сұраймыз
letter-not-recorded = жазылмаған
letter-ilo-assessment = ХЕҰ индикаторлары бойынша бағалау
letter-basis-consent = Адам осы деректерді беруге келісім берді
letter-basis-override = Бұл деректер адамның келісімінсіз, адамның немесе баланың өмірін қорғау үшін басшының шешімімен беріледі.

## Істі HTCDS-ке жүктеу
htcds-title = { $number } ісі HTCDS форматында
htcds-export = HTCDS-ке жүктеу
htcds-hint = ХКҰ-ның адам саудасы істері бойынша деректер стандарты (HTCDS), 2.0 нұсқасы: істегі әр адамға бір жазба. Келісімі серіктесті (немесе оның түрін) және мақсатты атайтын адамдар ғана, келісім рұқсат ететін деректермен ғана беріледі; жіберілген әр жазба аудит журналына жазылады.
htcds-check = Кімді беруге болатынын көрсету
htcds-download-json = JSON жүктеп алу
htcds-download-csv = CSV жүктеп алу
htcds-goes = Беруге бола ма?
htcds-goes-under = Келісім бойынша беріледі
htcds-left-out = Берілмейді:
htcds-nobody = Бұл істе осы серіктесті осы мақсат үшін атайтын күшіндегі келісім ешкімде жоқ: ештеңе жүктелмеді.

## Серіктестен келген жолдама
incoming-title = Серіктес бізге адам жіберді
incoming-possible-duplicate = Бұл адам тіркелген болуы мүмкін: оны таңдаңыз немесе «Бұл басқа адам» дегенді таңдаңыз.
incoming-link = Серіктес бізге адам жіберді
incoming-hint = Жолдаманы бір қадамда қабылдайды: адам тіркеледі (немесе бұрыннан белгілі адам таңдалады), оған өтініш немесе іс ашылады, ал жолдама серіктес жазған мәтінімен бірге алынған деп жазылады.
incoming-from = Жолдама
incoming-received-on = Алынған күні
incoming-services = Бізден не сұралады
incoming-reply-due = Жауап күтілетін күн
incoming-letter = Хатта не айтылған
incoming-person = Адам
incoming-opens = Не ашылады
incoming-opens-appeal = Журналдағы өтініш
incoming-channel = Қалай түсті
incoming-topics = Өтініштің тақырыбы
incoming-opens-case = Іс
incoming-sensitive = Сезімтал іс: адамды тек іс тобы көреді
incoming-save = Жолдаманы қабылдау
