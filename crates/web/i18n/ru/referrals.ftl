# Сеть перенаправления: справочник партнёров.

partners-title = Справочник партнёров
partners-about = Организации сети перенаправления: куда направить человека и кому там звонить.
partners-add = Добавить партнёра
partners-edit = Изменить партнёра
partners-name = Название
partners-kind = Вид
partners-service = Услуга
partners-region = Обслуживаемый регион
partners-inactive-too = Показать и неактивных партнёров
partners-none = Партнёров не найдено.
partners-country = Страна
partners-regions = Регионы
partners-regions-served = Обслуживаемые регионы Казахстана (ни одного: вся страна или за рубежом)
partners-services = Предоставляемые услуги
partners-languages = Языки
partners-hours = Часы работы
partners-active = Активен: можно выбирать для новых направлений
partners-inactive = неактивен
partners-everywhere = Везде
partners-focal-points = Контактные лица
partners-focal-points-hint = Сотрудники партнёра, которым направляются люди. Их имена и контакты хранятся в зашифрованном виде.
partners-no-focal-points = Контактные лица не указаны.
partners-focal-name = Имя
partners-focal-position = Должность
partners-focal-email = Эл. почта

# Согласие человека на передачу данных.

consents-title = Согласия на передачу данных
consents-none = Согласие не записано: ничего об этом человеке нельзя передавать партнёрам.
consent-record = Записать согласие
consent-about = На что человек согласился: какие данные, кому и для чего. Запишите согласие до того, как что-либо передать; направление может содержать только то, что разрешает действующее согласие.
consent-given-on = Дата согласия
consent-method = Как дано
consent-recipients = Кому
consent-recipients-hint = Вид партнёра охватывает всех партнёров этого вида; или отметьте партнёров по одному.
consent-any-of-kind = любой: { $kind }
consent-purposes = Для чего
consent-categories = Какие данные
consent-expires-on = Действует до (пусто — бессрочно)
consent-note = Что разъяснено человеку, свидетель, законный представитель (хранится в зашифрованном виде)
consent-standing = Состояние
consent-in-force = Действует
consent-in-force-until = Действует до { $date }
consent-expired-on = Истекло { $date }
consent-withdrawn-on = Отозвано { $date }
consent-withdrawn-day = Дата отзыва
consent-withdraw = Записать отзыв
consent-saved = Согласие записано.
consent-withdrawn = Отзыв записан; неотправленные направления по этому согласию отозваны.
consent-not-withdrawn = Отзыв не записан: его дата должна быть не раньше даты согласия и не позже сегодняшнего дня, а отозвать согласие можно один раз.
consent-scan = Подписанная форма
consent-scan-attach = Приложить подписанную форму
consent-scan-replace = заменить скан
consent-scan-file = Скан или фото формы, подписанной человеком (хранится в зашифрованном виде)
consent-scan-saved = Подписанная форма приложена.

# Направления.

person-referrals = Направления
person-no-referrals = Направлений пока нет.
case-referrals = Направления
referral-new = Направить
referral-title = Направление { $number }
referral-number = Номер
referral-partner = Партнёр
referral-purpose = Цель
referral-consent = По какому согласию
referral-override = Без согласия: решение руководителя (ребёнок в опасности, угроза жизни)
referral-override-reason = Почему данные передаются без согласия (только руководитель; проверяется как экстренный доступ)
referral-check = Показать, что разрешает согласие
referral-fields = Передаваемые данные
referral-fields-hint = Выберите минимум, нужный партнёру. То, чего не разрешает согласие, выбрать нельзя.
referral-choose-consent = Выберите согласие, по которому идёт направление: то, что оно не разрешает, станет недоступным.
referral-category-not-consented = согласие не охватывает данные: { $category }
referral-partner-not-consented = согласие не охватывает этого партнёра или цель
referral-not-consented = Согласие этого не разрешает.
referral-no-consent = Согласие этого человека не записано. Запишите его, прежде чем направлять.
referral-services = Какие услуги нужны
referral-urgency = Срочность
referral-reply-due = Ответ ожидается до
referral-save-draft = Сохранить черновик
referral-saved = Сохранено.
referral-overdue = ответ просрочен
referral-status = Статус
referral-direction = Направление
referral-direction-outgoing = исходящее
referral-direction-incoming = входящее
referral-case = Дело
referral-appeal = Обращение
referral-open-appeal = открыть обращение
referral-letter-ru = Письмо на русском
referral-letter-kk = Письмо на казахском
referral-letter-pdf = Письмо в PDF
referral-partner-inactive = Партнёр больше не действует в справочнике: ему ничего нельзя отправить. Сделайте новое направление другому партнёру.
referral-sent-letter = Письмо в том виде, в каком оно отправлено (PDF)
referral-sent-letter-about = сохранено { $date } в точности как ушло; его отпечаток записан в журнале аудита.
referral-letter-lang = Язык письма, которое сохраняется при отправке
referral-steps = Этапы и ответы
referral-step-on = Дата
referral-step-by = Кто записал
referral-step-note = Ответ или заметка
referral-next-status = Следующий этап
referral-move = Записать этап
referral-back = К направлению
referrals-under-way = Направления в работе
referrals-none-under-way = Направлений в работе нет.
referrals-declined = Отклонённые партнёром
referrals-declined-about = Закройте каждое или направьте человека к другому партнёру.
referrals-how-to-make = Направление делается со страницы человека, дела или обращения, по согласию человека.
dashboard-replies-overdue = { $count ->
    [one] { $count } направление ждёт ответа дольше срока
    [few] { $count } направления ждут ответа дольше срока
   *[other] { $count } направлений ждут ответа дольше срока
}
referral-refused-withdrawn = Согласие от { $given } отозвано { $on }: по нему ничего нельзя передавать.
referral-refused-expired = Срок согласия от { $given } истёк { $on }.
referral-refused-not-yet = Согласие датировано { $given } — позже дня передачи.
referral-refused-recipient = Согласие от { $given } не называет этого партнёра или его вид.
referral-refused-purpose = Согласие от { $given } не охватывает цель «{ $purpose }».
referral-refused-field = Согласие от { $given } не разрешает передавать «{ $field }» (данные: { $category }).

# Что может содержать направление.

referral-field-full-name = ФИО
referral-field-birth-date = Дата рождения
referral-field-sex = Пол
referral-field-citizenship = Гражданство
referral-field-languages = Языки
referral-field-phones = Телефоны
referral-field-address = Адрес
referral-field-case-kind = Вид дела
referral-field-case-summary = Что произошло
referral-field-recruitment = Где завербован
referral-field-exploitation = Где эксплуатировался
referral-field-indicators = Статус жертвы и индикаторы
referral-field-vulnerabilities = Уязвимость
# No longer offered (Komek keeps no health notes); kept to name it on older referrals.
referral-field-health-notes = Здоровье
referral-field-parties = Работодатели и посредники
referral-field-document-numbers = Номера документов

# Письмо-направление.

letter-title = Направление
letter-we-refer = Направляем к вам этого человека и просим оказать
letter-you-referred = Вы направили к нам этого человека для
letter-purpose = Цель
letter-urgency = Срочность
letter-reply-by = Просим ответить до
letter-not-recorded = нет сведений
letter-ilo-assessment = Оценка по индикаторам МОТ
letter-basis-consent = Человек дал согласие на передачу этих данных
letter-basis-override = Эти данные передаются без согласия человека по решению руководителя, для защиты жизни человека или ребёнка.

## Выгрузка дела в HTCDS
htcds-title = Дело { $number } в HTCDS
htcds-export = Выгрузить в HTCDS
htcds-hint = Стандарт данных по делам о торговле людьми МОМ (HTCDS), версия 2.0: одна запись на каждого человека дела. Выгружаются только те, чьё согласие называет партнёра (или его вид) и цель, и только те данные, которые согласие разрешает; каждая отправленная запись отмечается в журнале аудита.
htcds-check = Показать, кого можно передать
htcds-download-json = Скачать JSON
htcds-download-csv = Скачать CSV
htcds-goes = Можно передать?
htcds-goes-under = Передаётся по согласию
htcds-left-out = Не передаётся:
htcds-nobody = Ни у кого в этом деле нет действующего согласия, которое называет этого партнёра для этой цели: ничего не выгружено.

## Направление, полученное от партнёра
incoming-title = Партнёр направил к нам человека
incoming-possible-duplicate = Возможно, этот человек уже зарегистрирован: выберите его или «Это другой человек».
incoming-link = Партнёр направил к нам человека
incoming-hint = Принимает направление за один шаг: человек регистрируется (или выбирается уже известный), для него открывается обращение или дело, а направление записывается как полученное с тем, что написал партнёр.
incoming-from = Направление
incoming-received-on = Получено
incoming-services = О чём нас просят
incoming-reply-due = Ответ ждут до
incoming-letter = Что говорится в письме
incoming-person = Человек
incoming-opens = Что открывается
incoming-opens-appeal = Обращение в журнале
incoming-channel = Как поступило
incoming-topics = О чём обращение
incoming-opens-case = Дело
incoming-sensitive = Чувствительное дело: человека видит только команда дела
incoming-save = Принять направление
