# Названия значений справочников (crates/domain/src/lookups.rs): lookup-{list}-{code}.

## channel
lookup-channel-hotline-phone = Горячая линия (телефон)
lookup-channel-walk-in = Личный приём
lookup-channel-district-centre = Районный центр
lookup-channel-mobile-group = Мобильная группа
lookup-channel-border-point = Пункт пропуска на границе
lookup-channel-messenger = Мессенджер
lookup-channel-web-form = Форма на сайте
lookup-channel-email = Электронная почта

## contact
lookup-contact-migrant = Мигрант
lookup-contact-relative = Родственник
lookup-contact-employer = Работодатель
lookup-contact-partner = Организация-партнёр
lookup-contact-official = Должностное лицо
lookup-contact-anonymous = Аноним

## topic
lookup-topic-employment = Трудоустройство
lookup-topic-employment-contract = Трудовой договор
lookup-topic-registration = Регистрация по месту пребывания
lookup-topic-citizenship = Гражданство
lookup-topic-residence-permit = Вид на жительство
lookup-topic-wages-unpaid = Невыплата заработной платы
lookup-topic-documents-taken = Отобраны документы
lookup-topic-forced-labour-suspicion = Подозрение на принудительный труд
lookup-topic-detention-expulsion = Задержание, выдворение
lookup-topic-health = Здоровье
lookup-topic-children-education = Образование детей
lookup-topic-private-matter = Личный вопрос
lookup-topic-other = Другое

## help
lookup-help-legal-consultation = Юридическая консультация
lookup-help-psychological-consultation = Психологическая консультация
lookup-help-information = Информирование
lookup-help-referral = Перенаправление

## occupation
lookup-occupation-handyman = Разнорабочий
lookup-occupation-skilled-construction = Строитель (квалифицированный)
lookup-occupation-market-trader = Торговец на рынке
lookup-occupation-agricultural-worker = Сельскохозяйственный рабочий
lookup-occupation-foreman = Бригадир
lookup-occupation-kitchen-worker-cook = Работник кухни, повар
lookup-occupation-service-worker = Работник сферы услуг
lookup-occupation-domestic-worker = Домашний работник
lookup-occupation-nanny = Няня
lookup-occupation-factory-worker = Рабочий на производстве
lookup-occupation-driver = Водитель
lookup-occupation-loader = Грузчик
lookup-occupation-other = Другое

## sector
lookup-sector-trade = Торговля
lookup-sector-construction = Строительство
lookup-sector-services = Сфера услуг
lookup-sector-industry = Промышленность
lookup-sector-agriculture = Сельское хозяйство
lookup-sector-domestic-work = Домашний труд

## reason
lookup-reason-economic = Экономическая
lookup-reason-family = Семейная
lookup-reason-business = Деловая
lookup-reason-political = Политическая
lookup-reason-other = Другая

## appeal-outcome
lookup-appeal-outcome-advised = Дана консультация
lookup-appeal-outcome-referred = Перенаправлено
lookup-appeal-outcome-case-opened = Открыто дело
lookup-appeal-outcome-pending = На рассмотрении

## region
lookup-region-shymkent = г. Шымкент
lookup-region-turkistan = Туркестанская область
lookup-region-almaty-city = г. Алматы
lookup-region-astana = г. Астана
lookup-region-almaty = Алматинская область
lookup-region-zhetisu = Область Жетісу
lookup-region-abai = Область Абай
lookup-region-akmola = Акмолинская область
lookup-region-aktobe = Актюбинская область
lookup-region-atyrau = Атырауская область
lookup-region-east-kazakhstan = Восточно-Казахстанская область
lookup-region-zhambyl = Жамбылская область
lookup-region-west-kazakhstan = Западно-Казахстанская область
lookup-region-karaganda = Карагандинская область
lookup-region-kostanay = Костанайская область
lookup-region-kyzylorda = Кызылординская область
lookup-region-mangystau = Мангистауская область
lookup-region-pavlodar = Павлодарская область
lookup-region-north-kazakhstan = Северо-Казахстанская область
lookup-region-ulytau = Область Ұлытау

## district
lookup-district-maktaaral = Мактааральский район
lookup-district-saryagash = Сарыагашский район
lookup-district-kazygurt = Казыгуртский район
lookup-district-tolebi = Толебийский район
lookup-district-sairam = Сайрамский район
lookup-district-ordabasy = Ордабасинский район
lookup-district-otyrar = Отырарский район
lookup-district-baidibek = Байдибекский район
lookup-district-tulkibas = Тюлькубасский район
lookup-district-shardara = Шардаринский район
lookup-district-zhetysai = Жетысайский район
lookup-district-keles = Келесский район
lookup-district-sozak = Сузакский район
lookup-district-arys = г. Арыс
lookup-district-kentau = г. Кентау
lookup-district-turkistan-city = г. Туркестан
lookup-district-shymkent-abai = Абайский район (г. Шымкент)
lookup-district-shymkent-al-farabi = Аль-Фарабийский район (г. Шымкент)
lookup-district-shymkent-enbekshi = Енбекшинский район (г. Шымкент)
lookup-district-shymkent-karatau = Каратауский район (г. Шымкент)
lookup-district-shymkent-turan = Туранский район (г. Шымкент)

## case-kind
lookup-case-kind-trafficking-labour = Торговля людьми в целях трудовой эксплуатации
lookup-case-kind-trafficking-sexual = Торговля людьми в целях сексуальной эксплуатации
lookup-case-kind-forced-labour = Принудительный труд
lookup-case-kind-labour-exploitation = Трудовая эксплуатация
lookup-case-kind-intermediary-fraud = Мошенничество посредника
lookup-case-kind-unpaid-wages = Невыплата заработной платы
lookup-case-kind-documents-withheld = Удержание документов
lookup-case-kind-expulsion-detention = Выдворение, задержание
lookup-case-kind-child-labour = Детский труд
lookup-case-kind-domestic-worker-abuse = Жестокое обращение с домашним работником
lookup-case-kind-gender-based-violence = Гендерное насилие
lookup-case-kind-other = Другое

## case-status
lookup-case-status-open = Открыто
lookup-case-status-follow-up = Последующее сопровождение
lookup-case-status-closed = Закрыто
lookup-case-status-closed-referred = Закрыто (перенаправлено)

## case-outcome
lookup-case-outcome-returned-home = Возвращение на родину
lookup-case-outcome-documents-returned = Документы возвращены
lookup-case-outcome-wages-paid = Заработная плата выплачена
lookup-case-outcome-employer-fined = Работодатель оштрафован
lookup-case-outcome-employer-avoided-liability = Работодатель избежал ответственности
lookup-case-outcome-sentence = Вынесен приговор
lookup-case-outcome-shelter-provided = Предоставлен приют
lookup-case-outcome-none-yet = Пока нет
lookup-closing-reason-goals-achieved = Цель обращения достигнута
lookup-closing-reason-referred-elsewhere = Передано в другую организацию
lookup-closing-reason-person-declined = Человек отказался от дальнейшей помощи
lookup-closing-reason-lost-contact = Связь потеряна
lookup-closing-reason-person-returned-home = Человек вернулся домой
lookup-closing-reason-no-grounds = Нет оснований для дальнейших действий
lookup-closing-reason-other = Другое
lookup-case-event-recruitment = Вербовка
lookup-case-event-transit = Перемещение
lookup-case-event-exploitation = Эксплуатация
lookup-case-event-escape-release = Побег или освобождение
lookup-case-event-complaint = Заявление в органы
lookup-case-event-identification = Признание жертвой
lookup-case-event-return-home = Возвращение домой
lookup-case-event-contact = Связь с человеком
lookup-case-event-other = Другое
lookup-victim-status-unknown = Не оценивался
lookup-victim-status-presumed = Предполагаемая жертва
lookup-victim-status-identified = Признан(а) жертвой
lookup-victim-status-not-a-victim = Не является жертвой
lookup-identifying-body-ngo = НПО
lookup-identifying-body-police = Полиция
lookup-identifying-body-prosecutor-court = Прокуратура или суд
lookup-identifying-body-other-government = Другой государственный орган
lookup-identifying-body-other = Другое

## service
lookup-service-legal-consultation = Юридическая консультация
lookup-service-psychological = Психологическая помощь
lookup-service-psychiatric = Психиатрическая помощь
lookup-service-medical = Медицинская помощь
lookup-service-shelter = Приют
lookup-service-food-clothing = Продукты питания и одежда
lookup-service-document-restoration = Восстановление документов
lookup-service-wage-recovery = Взыскание заработной платы
lookup-service-mediation = Медиация
lookup-service-repatriation = Репатриация
lookup-service-interpreter = Услуги переводчика
lookup-service-employment-help = Содействие в трудоустройстве

## party-role
lookup-party-role-employer = Работодатель
lookup-party-role-intermediary = Посредник
lookup-party-role-foreman = Бригадир
lookup-party-role-registration-helper = «Помощник по регистрации»
lookup-party-role-official = Должностное лицо
lookup-party-role-transporter = Перевозчик
lookup-party-role-other = Другое

## place
lookup-place-cotton-field = Хлопковое поле
lookup-place-vineyard = Виноградник
lookup-place-melon-field = Бахча
lookup-place-greenhouse = Теплица
lookup-place-tobacco-field = Табачное поле
lookup-place-livestock-farm = Животноводческая ферма
lookup-place-construction-site = Строительный объект
lookup-place-bazaar = Рынок
lookup-place-day-labour-market = Рынок подённого труда (мардикер-базар)
lookup-place-bus-station = Автовокзал
lookup-place-border-crossing = Пункт пропуска на границе
lookup-place-ginning-factory = Хлопкоочистительный завод
lookup-place-household = Частное домохозяйство

## sex
lookup-sex-female = Женский
lookup-sex-male = Мужской
lookup-sex-other = Другой
lookup-sex-unknown = Неизвестно

## citizenship
lookup-citizenship-UZ = Узбекистан
lookup-citizenship-KG = Кыргызстан
lookup-citizenship-TJ = Таджикистан
lookup-citizenship-KZ = Казахстан
lookup-citizenship-RU = Россия
lookup-citizenship-TM = Туркменистан
lookup-citizenship-AF = Афганистан
lookup-citizenship-CN = Китай
lookup-citizenship-TR = Турция
lookup-citizenship-AZ = Азербайджан
lookup-citizenship-IL = Израиль
lookup-citizenship-stateless = Лицо без гражданства
lookup-citizenship-unknown = Неизвестно

## vulnerability
lookup-vulnerability-minor = Несовершеннолетний
lookup-vulnerability-pregnant = Беременность
lookup-vulnerability-disability = Инвалидность
lookup-vulnerability-no-documents = Без документов
lookup-vulnerability-unaccompanied-child = Ребёнок без сопровождения

## party-kind
lookup-party-kind-person = Физическое лицо
lookup-party-kind-company = Юридическое лицо

## licence-status
lookup-licence-status-valid = Действует
lookup-licence-status-suspended = Приостановлена
lookup-licence-status-revoked = Отозвана
lookup-licence-status-expired = Истекла
lookup-licence-status-none = Нет: работает без лицензии
lookup-licence-status-unknown = Неизвестно

## language
lookup-language-uz = Узбекский
lookup-language-ru = Русский
lookup-language-kk = Казахский
lookup-language-ky = Кыргызский
lookup-language-tg = Таджикский
lookup-language-en = Английский
lookup-language-other = Другой

lookup-age-band-0-8 = 0–8 лет
lookup-age-band-9-17 = 9–17 лет
lookup-age-band-18-20 = 18–20 лет
lookup-age-band-21-23 = 21–23 лет
lookup-age-band-24-26 = 24–26 лет
lookup-age-band-27-29 = 27–29 лет
lookup-age-band-30-38 = 30–38 лет
lookup-age-band-39-47 = 39–47 лет
lookup-age-band-48plus = 48 лет и старше

lookup-partner-kind-police = Полиция (подразделение по борьбе с организованной преступностью)
lookup-partner-kind-migration-police = Миграционная полиция
lookup-partner-kind-prosecutor = Прокуратура
lookup-partner-kind-court = Суд
lookup-partner-kind-labour-inspection = Инспекция труда
lookup-partner-kind-employment-department = Отдел занятости
lookup-partner-kind-akimat = Акимат
lookup-partner-kind-medical = Больница или поликлиника
lookup-partner-kind-shelter = Приют
lookup-partner-kind-ngo = НПО
lookup-partner-kind-international-organisation = Международная организация (МОМ…)
lookup-partner-kind-embassy-consulate = Посольство или консульство
lookup-partner-kind-ombudsman = Уполномоченный по правам человека
lookup-partner-kind-trade-union = Профсоюз
lookup-partner-kind-other = Другое

lookup-consent-method-signed-form = Подписанная форма
lookup-consent-method-oral-with-witness = Устно, при свидетеле
lookup-consent-method-guardian-for-minor = Законным представителем несовершеннолетнего

lookup-referral-purpose-assistance = Помощь
lookup-referral-purpose-protection = Защита
lookup-referral-purpose-investigation = Расследование
lookup-referral-purpose-legal-aid = Юридическая помощь
lookup-referral-purpose-return-reintegration = Возвращение и реинтеграция

lookup-data-category-identity = Личность
lookup-data-category-contact = Контакты
lookup-data-category-case-narrative = Описание дела
lookup-data-category-health = Здоровье
lookup-data-category-perpetrator = Данные о нарушителях
lookup-data-category-documents = Документы

lookup-urgency-routine = В обычном порядке
lookup-urgency-urgent = Срочно
lookup-urgency-immediate = Немедленно

lookup-referral-status-draft = Черновик
lookup-referral-status-sent = Отправлено
lookup-referral-status-received = Получено
lookup-referral-status-accepted = Принято
lookup-referral-status-declined = Отклонено
lookup-referral-status-services-delivered = Услуги оказаны
lookup-referral-status-closed = Закрыто
lookup-referral-status-withdrawn = Отозвано

lookup-recruitment-method-relatives = Через родственников
lookup-recruitment-method-friends-neighbours = Через друзей, соседей или односельчан
lookup-recruitment-method-bazaar-intermediary = Посредник на базаре
lookup-recruitment-method-day-labour-market = На рынке поденщиков (мардикер-базаре)
lookup-recruitment-method-employment-agency = Через агентство по трудоустройству
lookup-recruitment-method-at-work = На работе: работодатель или коллега
lookup-recruitment-method-school-college = В школе или колледже
lookup-recruitment-method-online-ad = По объявлению в интернете
lookup-recruitment-method-social-network-messenger = Через соцсеть или мессенджер
lookup-recruitment-method-newspaper-ad = По объявлению в газете
lookup-recruitment-method-tv-radio-ad = По рекламе на телевидении или радио
lookup-recruitment-method-other = Другое

lookup-means-of-control-documents-withheld = Изъяты документы
lookup-means-of-control-wages-withheld = Удержание или изъятие заработка
lookup-means-of-control-debt = Долг, который нужно отработать
lookup-means-of-control-false-promises = Ложные обещания
lookup-means-of-control-threats-of-violence = Угрозы насилием
lookup-means-of-control-threats-of-police = Угрозы полицией или депортацией
lookup-means-of-control-threats-to-family = Угрозы семье или детям
lookup-means-of-control-physical-violence = Физическое насилие
lookup-means-of-control-sexual-violence = Сексуальное насилие
lookup-means-of-control-psychological-pressure = Психологическое давление, унижения
lookup-means-of-control-money-controlled = Нет доступа к своим деньгам
lookup-means-of-control-necessities-withheld = Лишение еды, сна или жилья
lookup-means-of-control-medical-care-denied = Отказ в медицинской помощи
lookup-means-of-control-alcohol-drugs = Принуждение к алкоголю или наркотикам
lookup-means-of-control-excessive-hours = Чрезмерно долгий рабочий день
lookup-means-of-control-confinement-isolation = Взаперти, под охраной или в изоляции
lookup-means-of-control-other = Другое

## visit-status
lookup-visit-status-planned = Запланирован
lookup-visit-status-done = Проведён
lookup-visit-status-cancelled = Отменён

## check-item
lookup-check-item-written-contracts = Письменные трудовые договоры
lookup-check-item-passports-held = Паспорта у работодателя или бригадира
lookup-check-item-wages-on-time = Зарплата выплачивается вовремя
lookup-check-item-long-hours = Рабочий день дольше установленного законом
lookup-check-item-days-off = Выходные дни
lookup-check-item-decent-housing = Нормальное жильё
lookup-check-item-drinking-water = Питьевая вода
lookup-check-item-food = Питание
lookup-check-item-children-working = Работают дети
lookup-check-item-children-out-of-school = Дети не ходят в школу
lookup-check-item-medical-access = Доступ к медицинской помощи
lookup-check-item-free-movement = Свобода передвижения
lookup-check-item-threats-violence = Угрозы или насилие
lookup-check-item-registered = Регистрация по месту пребывания

## violation
lookup-violation-documents-withheld = Удержание документов
lookup-violation-no-written-contract = Нет письменного договора
lookup-violation-wages-withheld = Невыплата или задержка зарплаты
lookup-violation-excessive-hours = Чрезмерная продолжительность работы
lookup-violation-no-days-off = Нет выходных
lookup-violation-degrading-living-conditions = Унизительные условия проживания
lookup-violation-no-drinking-water = Нет питьевой воды
lookup-violation-no-food = Нет питания
lookup-violation-child-labour = Детский труд
lookup-violation-children-out-of-school = Дети не ходят в школу
lookup-violation-no-medical-access = Нет доступа к медицинской помощи
lookup-violation-restricted-movement = Ограничение свободы передвижения
lookup-violation-threats-violence = Угрозы и запугивание
lookup-violation-physical-violence = Физическое насилие
lookup-violation-debt-bondage = Долговая кабала
lookup-violation-deception = Обман о работе или оплате
lookup-violation-isolation = Изоляция
lookup-violation-unregistered-workers = Работники не зарегистрированы

## material
lookup-material-leaflet = Листовка
lookup-material-booklet = Буклет
lookup-material-poster = Плакат
lookup-material-hotline-card = Визитка горячей линии
lookup-material-memo = Памятка мигранта
