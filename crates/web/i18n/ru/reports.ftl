# Отчёты: статистика, которую публикует организация, и курсы валют, которые в ней используются.
# Заголовки таблиц — report-table-{id}, столбцов — report-column-{id}, группы тем —
# report-group-{code} (коды в komek_domain::reports). Первый блок используется и при выгрузке.

## Общие с выгрузками (без аргументов)
report-title = Отчёт
report-period = Период
report-office = Офис
report-all-offices = Все офисы
report-total = Всего
report-unstated = Не указано
report-missing-rate = Нет курса валюты
report-too-large = Слишком большое значение
report-empty = За этот период ничего не зарегистрировано: отчёт пуст.
report-no-figures = За этот период данных нет.

## Таблицы
report-table-appeals-total = Всего обращений
report-table-appeals-by-month = Обращения по месяцам
report-table-appeals-by-channel = Обращения по каналам
report-table-appeals-by-topic = Обращения по темам
report-table-appeals-by-help = Обращения по видам оказанной помощи
report-table-migration-reasons = Причины миграции
report-table-sectors = Отрасли занятости
report-table-wages-by-occupation = Средняя месячная заработная плата по родам занятий
report-table-victims-assisted = Пострадавшие, получившие помощь
report-table-repatriated-by-citizenship = Репатриированы, по гражданству
report-table-services-by-kind = Оказанная помощь по видам
report-table-wages-recovered = Взысканная заработная плата
report-table-proceedings-by-outcome = Завершённые производства по результатам
report-table-indicator-prevalence = Индикаторы МОТ среди оценённых лиц
report-table-indicator-tags = Одиннадцать индикаторов принудительного труда МОТ среди оценённых лиц
report-table-victims-by-sex = Пострадавшие, получившие помощь, по полу
report-table-victims-by-age-band = Пострадавшие, получившие помощь, по возрасту
report-table-victims-by-citizenship = Пострадавшие, получившие помощь, по гражданству
report-table-referrals-sent-by-partner-kind = Направленные перенаправления, по типу партнёра
report-table-referrals-sent-by-status = Направленные перенаправления, по состоянию
report-table-referrals-sent-by-partner = Направленные перенаправления, по партнёрам
report-table-referrals-received-by-partner-kind = Полученные перенаправления, по типу партнёра
report-table-referrals-received-by-status = Полученные перенаправления, по состоянию
report-table-referrals-received-by-partner = Полученные перенаправления, по партнёрам
report-table-referral-reply-days = Дни до ответа партнёра на направленные перенаправления
report-table-visits-by-district = Мониторинговые выезды по районам
report-table-visits-by-place-kind = Мониторинговые выезды по видам мест
report-table-visits-by-month = Мониторинговые выезды по месяцам
report-table-violations-by-kind = Выявленные нарушения по видам

## Столбцы
report-column-appeals = Обращения
report-column-share = Доля
report-column-average-kzt = Средняя зарплата, KZT
report-column-average-usd = Средняя зарплата, USD
report-column-persons = Человек
report-column-services = Случаев помощи
report-column-claimed = Заявлено
report-column-recovered = Взыскано
report-column-proceedings = Производства
report-column-assessed = Оценено лиц
report-column-yes = Индикатор выявлен
report-column-referrals = Перенаправлений
report-column-replied = С ответом
report-column-median-days = Медиана дней до ответа
report-column-awaiting = Ждут ответа
report-column-visits = Выезды
report-column-people-met = Встречено людей
report-column-minors-met = Из них несовершеннолетних
report-column-violations = Выявлено нарушений

## Что перечислено в строках таблицы
report-rows-channel = Канал
report-rows-topic = Тема
report-rows-help = Оказанная помощь
report-rows-reason = Причина миграции
report-rows-sector = Отрасль
report-rows-occupation = Род занятий
report-rows-victim-status = Статус жертвы
report-rows-citizenship = Гражданство
report-rows-service = Вид помощи
report-rows-proceeding-outcome = Результат
report-rows-months = Месяц
report-rows-indicators = Индикатор
report-rows-indicator-tags = Индикатор
report-rows-currencies = Валюта
report-rows-sex = Пол
report-rows-age-band = Возраст
report-rows-partner-kind = Тип партнёра
report-rows-referral-status = Состояние
report-rows-partners = Партнёр
report-rows-district = Район
report-rows-place = Вид места
report-rows-violation = Нарушение

## Группы тем из годового отчёта
report-group-employment-contracts-registration = Трудоустройство, трудовые договоры и регистрация
report-group-citizenship-residence = Гражданство и вид на жительство
report-group-private-matters = Личные вопросы
report-group-legal-consultations = Оказаны юридические консультации

## Месяцы
report-month-1 = Январь
report-month-2 = Февраль
report-month-3 = Март
report-month-4 = Апрель
report-month-5 = Май
report-month-6 = Июнь
report-month-7 = Июль
report-month-8 = Август
report-month-9 = Сентябрь
report-month-10 = Октябрь
report-month-11 = Ноябрь
report-month-12 = Декабрь
report-month-short-1 = янв
report-month-short-2 = фев
report-month-short-3 = мар
report-month-short-4 = апр
report-month-short-5 = май
report-month-short-6 = июн
report-month-short-7 = июл
report-month-short-8 = авг
report-month-short-9 = сен
report-month-short-10 = окт
report-month-short-11 = ноя
report-month-short-12 = дек

## Страница отчёта
report-heading = Отчёт: { $period }
report-period-year = { $year } год
report-period-quarter = { $quarter }-й квартал { $year } года
report-period-month = { $month } { $year }
report-period-custom = { $from } – { $to }
report-kind-year = Год
report-kind-quarter = Квартал
report-kind-month = Месяц
report-kind-custom = С … по …
report-year = Год
report-quarter = Квартал
report-month = Месяц
report-from = С
report-to = По
report-apply = Показать отчёт
report-form-hint = Выберите вид периода: для года, квартала и месяца учитывается год; для «С … по …» — две даты, оба дня включительно.
report-error-year = Введите год от 1900 до 2100, например 2008.
report-error-quarter = Выберите квартал от 1 до 4.
report-error-month = Выберите месяц.
report-error-date = Введите существующую дату, например 2008-03-31.
report-error-reversed = Период заканчивается раньше, чем начинается: конечная дата должна быть не раньше начальной.
report-error-office = Такого офиса нет: выберите офис из списка.
report-share-exact = { $part } из { $whole } = { $percent }
report-unstated-note = Доли рассчитаны от обращений, в которых ответ указан; остальные учтены как «не указано».
report-rate-missing = Нет курса { $currency }, действующего на { $date }: показатели, для которых он нужен, не рассчитаны.
report-rate-add = Добавьте его на странице курсов валют.
report-rate-ask = Администратор может добавить его на странице курсов валют.
report-rates-link = Курсы валют для пересчёта в доллары и другие валюты

## Курсы валют
report-rates-title = Курсы валют
report-rates-intro = Сколько тенге стоила единица валюты начиная с указанного дня и до следующего курса этой валюты. Отчёт пересчитывает суммы по курсам, действующим в первый день своего периода.
report-rates-currency = Валюта
report-rates-valid-from = Действует с
report-rates-rate = Тенге за единицу
report-rates-actions = Действия
report-rates-none = Курсов валют пока нет.
report-rates-add = Добавить или изменить курс
report-rates-hint = Сколько тенге стоит одна единица валюты, не более двух знаков после запятой, например 150,00. Курс той же валюты на тот же день заменяет прежний.
report-rates-change = Изменить
report-rates-remove = Удалить
report-rates-saved = Курс сохранён.
report-rates-removed = Курс удалён.
report-rates-readonly = Изменять курсы может только администратор.
report-rates-back = Вернуться к отчёту
report-rates-error-currency = Выберите валюту, отличную от тенге.
report-rates-error-rate = Введите курс в тенге за единицу больше нуля, не более двух знаков после запятой, например 150,00.

report-download = Скачать:

## Публичный выпуск
report-public-link = Публичный выпуск (открытые данные)
report-public-heading = Публичный выпуск: { $period }
report-public-intro = Что из отчёта можно опубликовать как открытые данные. Числа меньше порога заменены на «{ $mark }», а вместе с ними и столько других, чтобы ни одно скрытое число нельзя было вычислить из итогов; доли не публикуются, средние и суммы по слишком малому числу людей скрыты. В архиве — по CSV-файлу на таблицу и README со всеми определениями. Порог — от { $min } до { $max }.
report-threshold = Наименьшее показываемое число
report-error-threshold = Укажите целое число от 2 до 1000.
report-error-release-too-long = Публичный выпуск охватывает не больше трёх лет: более долгий период публикуйте несколькими выпусками.
report-public-download = Скачать пакет открытых данных (ZIP)
report-hidden = Скрыто в публичном выпуске

## Журнал публичных выпусков
report-ledger-intro = Просмотр выпуска ничего не записывает; скачивание пакета записывает выпуск в журнал ниже. Каждый новый выпуск проверяется по всем записанным: если рядом с прежним он позволил бы вычислить разностью скрытое число или группу из слишком малого числа людей, в нём скрывается больше, или он отклоняется.
report-ledger-refused = Этот выпуск сделать нельзя: рядом с выпуском за { $period } ({ $office }), сделанным { $made }, он позволил бы вычислить скрытые числа разностью, и дополнительное скрытие этого не предотвращает. Выберите период, не пересекающийся с тем выпуском, или тот же период и офис.
report-ledger-refused-alone = Этот выпуск сделать нельзя: его числа не удалось проверить по уже сделанным выпускам. Выберите период короче или один офис.
report-ledger-heading = Сделанные выпуски
report-ledger-empty = Выпусков ещё не было.
report-ledger-made = Сделан
report-ledger-by = Кем
report-ledger-by-command-line = Командная строка
report-ledger-period = Период
report-ledger-office = Офис
report-ledger-mode = Защита
report-ledger-suppression = Малые числа скрыты (порог { $threshold })
report-ledger-private = Дифференциальная приватность (ε = { $epsilon })
report-protection = Как защищены люди
report-protection-suppression = Скрыть малые числа (точные цифры)
report-protection-private = Добавить случайный шум (дифференциальная приватность) — для периодов, пересекающихся с уже сделанными выпусками
report-epsilon = Потеря приватности ε
report-error-epsilon = Укажите ε десятичным числом от { "0.01" } до 10, например 0.5.
report-private-intro = С шумом каждое число несёт случайный шум одного масштаба (дискретный механизм Лапласа библиотеки OpenDP); одна запись меняет вероятность пакета не более чем в e в степени ε раз, а потери приватных выпусков складываются. Каждый расходует свой ε на каждый календарный год, которого касается его период, в пределах годового бюджета ниже (от { $min } до { $max } на выпуск). Таблицы, где одна запись учитывается в нескольких строках, доли и денежные суммы не публикуются.
report-private-not-drawn = Цифры этого приватного выпуска вычисляются один раз — при скачивании пакета — и записываются; повторное скачивание даёт те же цифры. Он расходует ε = { $epsilon } из бюджета каждого года, которого касается (осталось: { $left }).
report-budget-heading = Бюджет приватности
report-budget-per-year = Приватные выпуски вместе могут расходовать ε = { $epsilon } за календарный год; его устанавливает администратор.
report-budget-year = Год
report-budget-spent = Израсходовано
report-budget-left = Осталось
report-budget-refused = Этот приватный выпуск нельзя сделать: приватные выпуски уже израсходовали ε = { $spent } из бюджета { $year } года (ε = { $budget } в год), и этот превысил бы его. Выберите меньший ε или период в другом году.

## Пакет открытых данных: его README. { "{mark}" } — место для знака скрытого числа, его вставляет пакет.
open-data-title = Открытые данные: статистика организации, малые числа скрыты
open-data-produced = Дата подготовки
open-data-threshold = Порог
open-data-hiding = Числа от 1 до порога не публикуются: каждое заменено на { "{mark}" }, как и столько других чисел (и итогов), чтобы ни одно из них нельзя было вычислить ни из итогов таблицы, ни из других таблиц. Поэтому { "{mark}" } не означает, что число мало.
open-data-zeros = Нули публикуются: они говорят, что никого нет, и не могут указать на человека.
open-data-shares = Доли не публикуются (доля скрытого числа выдала бы его); вычисляйте их из показанных чисел.
open-data-averages = Средняя заработная плата публикуется, только если в ней усреднено не меньше зарплат, чем порог, а суммы заявленной и взысканной заработной платы — только если заработная плата взыскана не менее чем в стольких же случаях помощи; иначе вся строка — { "{mark}" }.
open-data-format = Каждая таблица — CSV-файл (UTF-8, разделитель — запятая). Столбец code содержит постоянный код строки (код из справочников организации, total, ГГГГ-ММ для месяца, not-stated для записей без ответа), столбец label — строку словами, далее по столбцу на каждый показатель. Денежные суммы — в основных единицах валюты с десятичной точкой; пустое поле — показатель, для которого нужен курс валюты, не внесённый организацией.
open-data-files = Файлы
open-data-title-private = Открытые данные: статистика организации со случайным шумом в каждом числе
open-data-epsilon = Потеря приватности (ε)
open-data-noise = Каждое число несёт случайный шум (дискретный механизм Лапласа библиотеки OpenDP) одного масштаба для всех показателей. Добавление или удаление одной записи (обращения, пострадавшего по делу, случая помощи, производства) меняет вероятность этого пакета не более чем в e в степени ε раз, что бы ещё ни было известно. Поэтому числа не точны: в строке могут оказаться люди там, где их не было, итог не обязан совпадать ни с суммой своих строк, ни с итогом другой таблицы, а число меньше нуля публикуется как 0.
open-data-private-left-out = Не публикуются: таблицы, где одна запись учитывается в нескольких строках (темы, виды помощи, индикаторы МОТ), доли и денежные суммы (средние и суммы заработной платы). Каждая строка каждого списка публикуется, включая нули.

## Что считает каждая таблица (в README открытых данных)
report-definition-appeals-total = Обращения, поступившие за период, по моменту поступления по календарю офиса.
report-definition-appeals-by-month = Обращения, поступившие в каждом месяце периода; месяцы в сумме дают итог.
report-definition-appeals-by-channel = Обращения по тому, каким путём они поступили в организацию; каналы в сумме дают итог.
report-definition-appeals-by-topic = Обращения, в которых затронута каждая тема, и группы тем из годового отчёта; в обращении может быть несколько тем, поэтому строки в сумме не дают итог.
report-definition-appeals-by-help = Обращения по оказанной помощи; по обращению может быть оказано несколько видов помощи, поэтому строки в сумме не дают итог.
report-definition-migration-reasons = Обращения по указанной в них причине миграции и обращения, где она не указана; строки в сумме дают итог.
report-definition-sectors = Обращения по названной в них отрасли занятости и обращения, где она не названа; строки в сумме дают итог.
report-definition-wages-by-occupation = Средняя месячная заработная плата, указанная в обращениях, по родам занятий, в тенге и в долларах США по курсу, действовавшему в первый день периода; appeals — число усреднённых зарплат.
report-definition-victims-assisted = Лица, признанные предполагаемыми или установленными жертвами торговли людьми или принудительного труда в делах, открытых за период; каждое лицо учитывается один раз, по наиболее сильному из своих статусов.
report-definition-repatriated-by-citizenship = Лица, возвращённые на родину благодаря репатриации, оказанной за период; каждое лицо один раз, по гражданству.
report-definition-services-by-kind = Помощь, оказанная за период, по видам.
report-definition-wages-recovered = Заработная плата, заявленная и взысканная в ходе помощи, оказанной за период, по валютам; services — число случаев помощи, по которым что-либо взыскано.
report-definition-proceedings-by-outcome = Производства, завершённые за период, по результатам.
report-definition-indicator-prevalence = Лица, оценённые за период по каждому каталогу индикаторов МОТ (по их последней оценке за период), и сколько из них показали каждый индикатор.
report-definition-indicator-tags = Лица, оценённые за период, и сколько из них показали каждый из одиннадцати индикаторов принудительного труда МОТ через любой соответствующий ему индикатор.
report-definition-victims-by-sex = Пострадавшие, получившие помощь (как подсчитано выше), по полу; строки в сумме дают итог.
report-definition-victims-by-age-band = Пострадавшие, получившие помощь (как подсчитано выше), по возрастной группе; строки в сумме дают итог.
report-definition-victims-by-citizenship = Пострадавшие, получившие помощь (как подсчитано выше), по гражданству; строки в сумме дают итог.
report-definition-referrals-sent-by-partner-kind = Лица, перенаправленные к организациям-партнёрам, по дню отправки перенаправления, по типу партнёра; черновики и перенаправления, отозванные до отправки, не учитываются.
report-definition-referrals-sent-by-status = Перенаправления, отправленные за период, по их нынешнему состоянию.
report-definition-referrals-sent-by-partner = Перенаправления, отправленные за период, по организациям-партнёрам (только для сотрудников).
report-definition-referrals-received-by-partner-kind = Лица, перенаправленные в организацию партнёрами, по дню получения перенаправления, по типу партнёра.
report-definition-referrals-received-by-status = Перенаправления, полученные за период, по их нынешнему состоянию.
report-definition-referrals-received-by-partner = Перенаправления, полученные за период, по организациям-партнёрам (только для сотрудников).
report-definition-referral-reply-days = По перенаправлениям, отправленным за период, по типу партнёра и в целом: медиана числа дней от отправки до первого ответа партнёра (получено, принято или отклонено); при чётном числе ответов — меньшее из двух средних значений. Публикуется, только если ответов не меньше порога.
report-definition-visits-by-district = Мониторинговые выезды мобильной группы за период (запланированные и отменённые не учитываются) по районам: число выездов, встреченных на них людей, несовершеннолетних среди них и выявленных нарушений (каждый вид нарушения — один раз на выезд).
report-definition-visits-by-place-kind = Те же выезды, люди, несовершеннолетние и нарушения по виду места (хлопковое поле, стройка, базар…).
report-definition-visits-by-month = Те же выезды, люди, несовершеннолетние и нарушения по месяцу выезда.
report-definition-violations-by-kind = Для каждого вида нарушения — сколько раз оно выявлено: по одному разу на каждом выезде, где оно найдено. Строки складываются в число выявленных нарушений из таблиц выездов.

## The map of districts (short names on its tiles)
report-map-shymkent = Шымкент
report-map-not-visited = выездов не было
report-map-note = Карта схематическая: каждый район — одинаковая клетка примерно на своём месте (север сверху), районы Шымкента — рядом с областью. Цвет показывает число выявленных нарушений; точные цифры — в таблице.
report-map-maktaaral = Мактаарал
report-map-saryagash = Сарыагаш
report-map-kazygurt = Казыгурт
report-map-tolebi = Толеби
report-map-sairam = Сайрам
report-map-ordabasy = Ордабасы
report-map-otyrar = Отырар
report-map-baidibek = Байдибек
report-map-tulkibas = Тюлькубас
report-map-shardara = Шардара
report-map-zhetysai = Жетысай
report-map-keles = Келес
report-map-sozak = Сузак
report-map-arys = Арыс
report-map-kentau = Кентау
report-map-turkistan-city = Туркестан
report-map-shymkent-abai = Абай
report-map-shymkent-al-farabi = Аль-Фараби
report-map-shymkent-enbekshi = Енбекши
report-map-shymkent-karatau = Каратау
report-map-shymkent-turan = Туран
