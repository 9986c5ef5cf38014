# Анықтамалық мәндерінің атаулары (crates/domain/src/lookups.rs): lookup-{list}-{code}.

## channel
lookup-channel-hotline-phone = Жедел желі (телефон)
lookup-channel-walk-in = Жеке қабылдау
lookup-channel-district-centre = Аудандық орталық
lookup-channel-mobile-group = Мобильді топ
lookup-channel-border-point = Шекарадағы өткізу пункті
lookup-channel-messenger = Мессенджер
lookup-channel-web-form = Сайттағы форма
lookup-channel-email = Электрондық пошта

## contact
lookup-contact-migrant = Мигрант
lookup-contact-relative = Туысқан
lookup-contact-employer = Жұмыс беруші
lookup-contact-partner = Серіктес ұйым
lookup-contact-official = Лауазымды тұлға
lookup-contact-anonymous = Аноним

## topic
lookup-topic-employment = Жұмысқа орналасу
lookup-topic-employment-contract = Еңбек шарты
lookup-topic-registration = Уақытша болатын жері бойынша тіркеу
lookup-topic-citizenship = Азаматтық
lookup-topic-residence-permit = Тұруға ықтиярхат
lookup-topic-wages-unpaid = Жалақының төленбеуі
lookup-topic-documents-taken = Құжаттары тартып алынған
lookup-topic-forced-labour-suspicion = Мәжбүрлі еңбекке күдік
lookup-topic-detention-expulsion = Ұстау, елден шығарып жіберу
lookup-topic-health = Денсаулық
lookup-topic-children-education = Балалардың білім алуы
lookup-topic-private-matter = Жеке мәселе
lookup-topic-other = Басқа

## help
lookup-help-legal-consultation = Құқықтық кеңес
lookup-help-psychological-consultation = Психологиялық кеңес
lookup-help-information = Ақпарат беру
lookup-help-referral = Басқа ұйымға жолдау

## occupation
lookup-occupation-handyman = Қара жұмысшы
lookup-occupation-skilled-construction = Білікті құрылысшы
lookup-occupation-market-trader = Базардағы сатушы
lookup-occupation-agricultural-worker = Ауыл шаруашылығы жұмысшысы
lookup-occupation-foreman = Бригадир
lookup-occupation-kitchen-worker-cook = Ас үй қызметкері, аспаз
lookup-occupation-service-worker = Қызмет көрсету саласының қызметкері
lookup-occupation-domestic-worker = Үй қызметшісі
lookup-occupation-nanny = Бала күтуші
lookup-occupation-factory-worker = Өндіріс жұмысшысы
lookup-occupation-driver = Жүргізуші
lookup-occupation-loader = Жүк тиеуші
lookup-occupation-other = Басқа

## sector
lookup-sector-trade = Сауда
lookup-sector-construction = Құрылыс
lookup-sector-services = Қызмет көрсету саласы
lookup-sector-industry = Өнеркәсіп
lookup-sector-agriculture = Ауыл шаруашылығы
lookup-sector-domestic-work = Үй жұмысы

## reason
lookup-reason-economic = Экономикалық
lookup-reason-family = Отбасылық
lookup-reason-business = Іскерлік
lookup-reason-political = Саяси
lookup-reason-other = Басқа

## appeal-outcome
lookup-appeal-outcome-advised = Кеңес берілді
lookup-appeal-outcome-referred = Жолданды
lookup-appeal-outcome-case-opened = Іс ашылды
lookup-appeal-outcome-pending = Қаралуда

## region
lookup-region-shymkent = Шымкент қаласы
lookup-region-turkistan = Түркістан облысы
lookup-region-almaty-city = Алматы қаласы
lookup-region-astana = Астана қаласы
lookup-region-almaty = Алматы облысы
lookup-region-zhetisu = Жетісу облысы
lookup-region-abai = Абай облысы
lookup-region-akmola = Ақмола облысы
lookup-region-aktobe = Ақтөбе облысы
lookup-region-atyrau = Атырау облысы
lookup-region-east-kazakhstan = Шығыс Қазақстан облысы
lookup-region-zhambyl = Жамбыл облысы
lookup-region-west-kazakhstan = Батыс Қазақстан облысы
lookup-region-karaganda = Қарағанды облысы
lookup-region-kostanay = Қостанай облысы
lookup-region-kyzylorda = Қызылорда облысы
lookup-region-mangystau = Маңғыстау облысы
lookup-region-pavlodar = Павлодар облысы
lookup-region-north-kazakhstan = Солтүстік Қазақстан облысы
lookup-region-ulytau = Ұлытау облысы

## district
lookup-district-maktaaral = Мақтаарал ауданы
lookup-district-saryagash = Сарыағаш ауданы
lookup-district-kazygurt = Қазығұрт ауданы
lookup-district-tolebi = Төлеби ауданы
lookup-district-sairam = Сайрам ауданы
lookup-district-ordabasy = Ордабасы ауданы
lookup-district-otyrar = Отырар ауданы
lookup-district-baidibek = Бәйдібек ауданы
lookup-district-tulkibas = Түлкібас ауданы
lookup-district-shardara = Шардара ауданы
lookup-district-zhetysai = Жетісай ауданы
lookup-district-keles = Келес ауданы
lookup-district-sozak = Созақ ауданы
lookup-district-arys = Арыс қаласы
lookup-district-kentau = Кентау қаласы
lookup-district-turkistan-city = Түркістан қаласы
lookup-district-shymkent-abai = Абай ауданы (Шымкент қ.)
lookup-district-shymkent-al-farabi = Әл-Фараби ауданы (Шымкент қ.)
lookup-district-shymkent-enbekshi = Еңбекші ауданы (Шымкент қ.)
lookup-district-shymkent-karatau = Қаратау ауданы (Шымкент қ.)
lookup-district-shymkent-turan = Тұран ауданы (Шымкент қ.)

## case-kind
lookup-case-kind-trafficking-labour = Еңбекті қанау мақсатындағы адам саудасы
lookup-case-kind-trafficking-sexual = Жыныстық қанау мақсатындағы адам саудасы
lookup-case-kind-forced-labour = Мәжбүрлі еңбек
lookup-case-kind-labour-exploitation = Еңбекті қанау
lookup-case-kind-intermediary-fraud = Делдалдың алаяқтығы
lookup-case-kind-unpaid-wages = Жалақының төленбеуі
lookup-case-kind-documents-withheld = Құжаттарды ұстап қалу
lookup-case-kind-expulsion-detention = Елден шығарып жіберу, ұстау
lookup-case-kind-child-labour = Балалар еңбегі
lookup-case-kind-domestic-worker-abuse = Үй қызметшісіне қатыгездік көрсету
lookup-case-kind-gender-based-violence = Гендерлік зорлық-зомбылық
lookup-case-kind-other = Басқа

## case-status
lookup-case-status-open = Ашық
lookup-case-status-follow-up = Кейінгі сүйемелдеу
lookup-case-status-closed = Жабылды
lookup-case-status-closed-referred = Жабылды (басқа ұйымға жолданды)

## case-outcome
lookup-case-outcome-returned-home = Еліне оралды
lookup-case-outcome-documents-returned = Құжаттар қайтарылды
lookup-case-outcome-wages-paid = Жалақы төленді
lookup-case-outcome-employer-fined = Жұмыс берушіге айыппұл салынды
lookup-case-outcome-employer-avoided-liability = Жұмыс беруші жауапкершіліктен жалтарды
lookup-case-outcome-sentence = Үкім шығарылды
lookup-case-outcome-shelter-provided = Баспана берілді
lookup-case-outcome-none-yet = Әзірге жоқ
lookup-closing-reason-goals-achieved = Өтініштің мақсатына қол жеткізілді
lookup-closing-reason-referred-elsewhere = Басқа ұйымға жіберілді
lookup-closing-reason-person-declined = Адам одан әрі көмектен бас тартты
lookup-closing-reason-lost-contact = Байланыс үзілді
lookup-closing-reason-person-returned-home = Адам үйіне оралды
lookup-closing-reason-no-grounds = Одан әрі әрекетке негіз жоқ
lookup-closing-reason-other = Басқа
lookup-case-event-recruitment = Жалдау
lookup-case-event-transit = Жол жүру
lookup-case-event-exploitation = Қанау
lookup-case-event-escape-release = Қашу немесе босату
lookup-case-event-complaint = Органдарға арыз
lookup-case-event-identification = Жәбірленуші деп танылуы
lookup-case-event-return-home = Үйге оралу
lookup-case-event-contact = Адаммен байланыс
lookup-case-event-other = Басқа
lookup-victim-status-unknown = Бағаланбаған
lookup-victim-status-presumed = Болжамды жәбірленуші
lookup-victim-status-identified = Жәбірленуші деп танылған
lookup-victim-status-not-a-victim = Жәбірленуші емес
lookup-identifying-body-ngo = ҮЕҰ
lookup-identifying-body-police = Полиция
lookup-identifying-body-prosecutor-court = Прокуратура немесе сот
lookup-identifying-body-other-government = Басқа мемлекеттік орган
lookup-identifying-body-other = Басқа

## service
lookup-service-legal-consultation = Құқықтық кеңес
lookup-service-psychological = Психологиялық көмек
lookup-service-psychiatric = Психиатриялық көмек
lookup-service-medical = Медициналық көмек
lookup-service-shelter = Уақытша баспана
lookup-service-food-clothing = Азық-түлік және киім
lookup-service-document-restoration = Құжаттарды қалпына келтіру
lookup-service-wage-recovery = Жалақыны өндіріп алу
lookup-service-mediation = Медиация
lookup-service-repatriation = Еліне қайтару (репатриация)
lookup-service-interpreter = Аудармашы қызметі
lookup-service-employment-help = Жұмысқа орналасуға көмек

## party-role
lookup-party-role-employer = Жұмыс беруші
lookup-party-role-intermediary = Делдал
lookup-party-role-foreman = Бригадир
lookup-party-role-registration-helper = «Тіркеуге көмекші»
lookup-party-role-official = Лауазымды тұлға
lookup-party-role-transporter = Тасымалдаушы
lookup-party-role-other = Басқа

## place
lookup-place-cotton-field = Мақта алқабы
lookup-place-vineyard = Жүзімдік
lookup-place-melon-field = Қауын-қарбыз алқабы
lookup-place-greenhouse = Жылыжай
lookup-place-tobacco-field = Темекі алқабы
lookup-place-livestock-farm = Мал шаруашылығы фермасы
lookup-place-construction-site = Құрылыс алаңы
lookup-place-bazaar = Базар
lookup-place-day-labour-market = Күнделікті жалдау базары (мардикер-базар)
lookup-place-bus-station = Автовокзал
lookup-place-border-crossing = Шекарадағы өткізу пункті
lookup-place-ginning-factory = Мақта тазалау зауыты
lookup-place-household = Жеке үй шаруашылығы

## sex
lookup-sex-female = Әйел
lookup-sex-male = Ер
lookup-sex-other = Басқа
lookup-sex-unknown = Белгісіз

## citizenship
lookup-citizenship-UZ = Өзбекстан
lookup-citizenship-KG = Қырғызстан
lookup-citizenship-TJ = Тәжікстан
lookup-citizenship-KZ = Қазақстан
lookup-citizenship-RU = Ресей
lookup-citizenship-TM = Түрікменстан
lookup-citizenship-AF = Ауғанстан
lookup-citizenship-CN = Қытай
lookup-citizenship-TR = Түркия
lookup-citizenship-AZ = Әзербайжан
lookup-citizenship-IL = Израиль
lookup-citizenship-stateless = Азаматтығы жоқ адам
lookup-citizenship-unknown = Белгісіз

## vulnerability
lookup-vulnerability-minor = Кәмелетке толмаған
lookup-vulnerability-pregnant = Жүктілік
lookup-vulnerability-disability = Мүгедектік
lookup-vulnerability-no-documents = Құжатсыз
lookup-vulnerability-unaccompanied-child = Сүйемелдеусіз бала

## party-kind
lookup-party-kind-person = Жеке тұлға
lookup-party-kind-company = Заңды тұлға

## licence-status
lookup-licence-status-valid = Жарамды
lookup-licence-status-suspended = Тоқтатылған
lookup-licence-status-revoked = Кері қайтарылған
lookup-licence-status-expired = Мерзімі өткен
lookup-licence-status-none = Жоқ: лицензиясыз жұмыс істейді
lookup-licence-status-unknown = Белгісіз

## language
lookup-language-uz = Өзбек тілі
lookup-language-ru = Орыс тілі
lookup-language-kk = Қазақ тілі
lookup-language-ky = Қырғыз тілі
lookup-language-tg = Тәжік тілі
lookup-language-en = Ағылшын тілі
lookup-language-other = Басқа

lookup-age-band-0-8 = 0–8 жас
lookup-age-band-9-17 = 9–17 жас
lookup-age-band-18-20 = 18–20 жас
lookup-age-band-21-23 = 21–23 жас
lookup-age-band-24-26 = 24–26 жас
lookup-age-band-27-29 = 27–29 жас
lookup-age-band-30-38 = 30–38 жас
lookup-age-band-39-47 = 39–47 жас
lookup-age-band-48plus = 48 жас және одан үлкен

lookup-partner-kind-police = Полиция (ұйымдасқан қылмысқа қарсы бөлімше)
lookup-partner-kind-migration-police = Көші-қон полициясы
lookup-partner-kind-prosecutor = Прокуратура
lookup-partner-kind-court = Сот
lookup-partner-kind-labour-inspection = Еңбек инспекциясы
lookup-partner-kind-employment-department = Жұмыспен қамту бөлімі
lookup-partner-kind-akimat = Әкімдік
lookup-partner-kind-medical = Аурухана немесе емхана
lookup-partner-kind-shelter = Баспана
lookup-partner-kind-ngo = ҮЕҰ
lookup-partner-kind-international-organisation = Халықаралық ұйым (ХКҰ…)
lookup-partner-kind-embassy-consulate = Елшілік немесе консулдық
lookup-partner-kind-ombudsman = Адам құқықтары жөніндегі уәкіл
lookup-partner-kind-trade-union = Кәсіподақ
lookup-partner-kind-other = Басқа

lookup-consent-method-signed-form = Қол қойылған нысан
lookup-consent-method-oral-with-witness = Ауызша, куәгердің қатысуымен
lookup-consent-method-guardian-for-minor = Кәмелетке толмағанның заңды өкілі

lookup-referral-purpose-assistance = Көмек
lookup-referral-purpose-protection = Қорғау
lookup-referral-purpose-investigation = Тергеу
lookup-referral-purpose-legal-aid = Заң көмегі
lookup-referral-purpose-return-reintegration = Оралу және реинтеграция

lookup-data-category-identity = Жеке басы
lookup-data-category-contact = Байланыс деректері
lookup-data-category-case-narrative = Іс сипаттамасы
lookup-data-category-health = Денсаулық
lookup-data-category-perpetrator = Құқық бұзушылар туралы деректер
lookup-data-category-documents = Құжаттар

lookup-urgency-routine = Әдеттегі тәртіппен
lookup-urgency-urgent = Шұғыл
lookup-urgency-immediate = Дереу

lookup-referral-status-draft = Жоба
lookup-referral-status-sent = Жіберілді
lookup-referral-status-received = Алынды
lookup-referral-status-accepted = Қабылданды
lookup-referral-status-declined = Қабылданбады
lookup-referral-status-services-delivered = Қызметтер көрсетілді
lookup-referral-status-closed = Жабылды
lookup-referral-status-withdrawn = Кері қайтарылды

lookup-recruitment-method-relatives = Туыстары арқылы
lookup-recruitment-method-friends-neighbours = Достары, көршілері немесе ауылдастары арқылы
lookup-recruitment-method-bazaar-intermediary = Базардағы делдал
lookup-recruitment-method-day-labour-market = Күнделікті жалдамалы жұмысшылар базарында
lookup-recruitment-method-employment-agency = Жұмысқа орналастыру агенттігі арқылы
lookup-recruitment-method-at-work = Жұмыста: жұмыс беруші немесе әріптес
lookup-recruitment-method-school-college = Мектепте немесе колледжде
lookup-recruitment-method-online-ad = Интернеттегі хабарландыру бойынша
lookup-recruitment-method-social-network-messenger = Әлеуметтік желі немесе мессенджер арқылы
lookup-recruitment-method-newspaper-ad = Газеттегі хабарландыру бойынша
lookup-recruitment-method-tv-radio-ad = Теледидар немесе радио жарнамасы бойынша
lookup-recruitment-method-other = Басқа

lookup-means-of-control-documents-withheld = Құжаттары алынған
lookup-means-of-control-wages-withheld = Жалақысы ұсталған немесе алынған
lookup-means-of-control-debt = Өтелуі тиіс қарыз
lookup-means-of-control-false-promises = Жалған уәделер
lookup-means-of-control-threats-of-violence = Зорлық-зомбылық қаупі
lookup-means-of-control-threats-of-police = Полициямен немесе депортациямен қорқыту
lookup-means-of-control-threats-to-family = Отбасына немесе балаларға қауіп төндіру
lookup-means-of-control-physical-violence = Физикалық зорлық-зомбылық
lookup-means-of-control-sexual-violence = Жыныстық зорлық-зомбылық
lookup-means-of-control-psychological-pressure = Психологиялық қысым, қорлау
lookup-means-of-control-money-controlled = Өз ақшасына қол жеткізе алмау
lookup-means-of-control-necessities-withheld = Тамақтан, ұйқыдан немесе баспанадан айыру
lookup-means-of-control-medical-care-denied = Медициналық көмектен бас тарту
lookup-means-of-control-alcohol-drugs = Алкогольге немесе есірткіге тәуелді ету
lookup-means-of-control-excessive-hours = Шектен тыс ұзақ жұмыс күні
lookup-means-of-control-confinement-isolation = Қамауда, күзетте немесе оқшауланған
lookup-means-of-control-other = Басқа

## visit-status
lookup-visit-status-planned = Жоспарланған
lookup-visit-status-done = Өткізілді
lookup-visit-status-cancelled = Болдырылмады

## check-item
lookup-check-item-written-contracts = Жазбаша еңбек шарттары
lookup-check-item-passports-held = Төлқұжаттар жұмыс берушіде немесе бригадирде
lookup-check-item-wages-on-time = Жалақы уақытында төленеді
lookup-check-item-long-hours = Жұмыс күні заңда белгіленгеннен ұзақ
lookup-check-item-days-off = Демалыс күндері
lookup-check-item-decent-housing = Лайықты тұрғын үй
lookup-check-item-drinking-water = Ауыз су
lookup-check-item-food = Тамақ
lookup-check-item-children-working = Балалар жұмыс істейді
lookup-check-item-children-out-of-school = Балалар мектепке бармайды
lookup-check-item-medical-access = Медициналық көмекке қолжетімділік
lookup-check-item-free-movement = Еркін жүріп-тұру
lookup-check-item-threats-violence = Қорқыту немесе зорлық
lookup-check-item-registered = Болу орны бойынша тіркелу

## violation
lookup-violation-documents-withheld = Құжаттарды ұстап қалу
lookup-violation-no-written-contract = Жазбаша шарт жоқ
lookup-violation-wages-withheld = Жалақыны төлемеу немесе кешіктіру
lookup-violation-excessive-hours = Шамадан тыс жұмыс уақыты
lookup-violation-no-days-off = Демалыс жоқ
lookup-violation-degrading-living-conditions = Қорлайтын тұрмыс жағдайы
lookup-violation-no-drinking-water = Ауыз су жоқ
lookup-violation-no-food = Тамақ жоқ
lookup-violation-child-labour = Балалар еңбегі
lookup-violation-children-out-of-school = Балалар мектепке бармайды
lookup-violation-no-medical-access = Медициналық көмек жоқ
lookup-violation-restricted-movement = Жүріп-тұру бостандығын шектеу
lookup-violation-threats-violence = Қорқыту
lookup-violation-physical-violence = Дене зорлығы
lookup-violation-debt-bondage = Қарыз құлдығы
lookup-violation-deception = Жұмыс немесе ақы туралы алдау
lookup-violation-isolation = Оқшаулау
lookup-violation-unregistered-workers = Жұмысшылар тіркелмеген

## material
lookup-material-leaflet = Парақша
lookup-material-booklet = Буклет
lookup-material-poster = Плакат
lookup-material-hotline-card = Сенім телефонының визиткасы
lookup-material-memo = Мигрантқа жадынама
