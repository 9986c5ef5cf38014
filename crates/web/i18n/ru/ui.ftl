# Интерфейс сотрудников Komek, русский язык. Каждый id здесь должен быть также в en/ui.ftl и kk/ui.ftl.

## Общие элементы
app-name = Komek
app-tagline = Помощь трудовым мигрантам и пострадавшим от торговли людьми
skip-to-content = Перейти к содержанию
signed-in-as = Вы вошли как { $name }
office-label = Офис: { $office }
language-label = Язык
language-save = Сменить
logout = Выйти
logout-everywhere = Выйти на всех устройствах
footer-safety = Идентифицирующие данные зашифрованы, и каждый их просмотр фиксируется.

## Навигация
nav-dashboard = Главная
nav-hotline = Горячая линия и обращения
nav-cases = Дела
nav-parties = Работодатели и посредники
nav-referrals = Перенаправления
nav-monitoring = Мониторинговые выезды
nav-reports = Отчёты
nav-audit = Журнал аудита
nav-admin = Администрирование
nav-account = Моя учётная запись

## Роли
role-administrator = Администратор
role-manager = Менеджер
role-lawyer = Юрист
role-psychologist = Психолог
role-hotline-operator = Оператор горячей линии
role-mobile-consultant = Мобильный консультант
role-analyst = Аналитик

## Вход
login-title = Вход в систему
login-intro = Только для сотрудников организации. Ваш пароль никто и никогда не увидит.
login-username = Имя пользователя
login-password = Пароль
login-submit = Войти
login-error-bad = Неверное имя пользователя или пароль.
login-error-help = После нескольких неверных паролей подряд учётная запись блокируется на время. Если войти так и не удаётся, обратитесь к администратору вашей организации.
login-error-locked = Слишком много неверных паролей: учётная запись заблокирована до { $until }.
login-error-throttled = Слишком много неудачных попыток входа с этого адреса. Подождите несколько минут и попробуйте снова.
login-error-disabled = Эта учётная запись отключена. Обратитесь к администратору.
login-error-expired = Срок действия формы истёк. Войдите снова.
session-ended = Ваш сеанс завершён. Войдите снова.


## Двухэтапный вход
second-factor-title = Двухэтапный вход
second-factor-intro = Введите 6-значный код из приложения-аутентификатора или один из резервных кодов.
second-factor-code = Код
second-factor-submit = Продолжить
second-factor-error = Код неверен или уже использован. Введите следующий код, который покажет приложение.
enrol-title = Настройка двухэтапного входа
enrol-intro = Ваша роль даёт доступ к персональным данным, поэтому для каждого входа нужен ещё и код из приложения-аутентификатора на телефоне (например, FreeOTP, Google Authenticator или Microsoft Authenticator).
enrol-step-scan = Отсканируйте этот код приложением или введите в него ключ, указанный ниже.
enrol-key = Ключ
enrol-step-confirm = Затем введите 6-значный код, который покажет приложение.
enrol-submit = Подтвердить
enrol-error = Код неверен. Проверьте, что время на телефоне установлено правильно, и введите следующий код.
recovery-title = Ваши резервные коды
recovery-intro = Если вы потеряете телефон, каждый из этих кодов позволит войти один раз. Запишите их и храните в надёжном месте: они показываются только сейчас.
recovery-continue = Я записал(а) коды — продолжить
## Пароль
password-title = Смена пароля
password-first-login = Это ваш первый вход: чтобы продолжить, задайте собственный пароль.
password-current = Текущий пароль
password-new = Новый пароль
password-repeat = Новый пароль ещё раз
password-rules = Не менее { $min } символов. Хорошо подходят несколько слов, которые вы легко запомните.
password-submit = Сменить пароль
password-changed = Ваш пароль изменён.
password-error-current = Текущий пароль указан неверно.
password-error-short = Новый пароль должен содержать не менее { $min } символов.
password-error-mismatch = Новые пароли не совпадают.
password-error-same = Новый пароль должен отличаться от текущего.
logged-out-everywhere = Вы вышли из системы на всех устройствах.

## Главная
dashboard-title = Главная
dashboard-welcome = Добрый день, { $name }.
dashboard-scope-office = Показатели вашего офиса.
dashboard-scope-all = Показатели всей организации.
dashboard-appeals-today = Обращения за сегодня
dashboard-appeals-month = Обращения за этот месяц
dashboard-appeals-year = Обращения за этот год
dashboard-open-cases = Открытые дела
dashboard-my-follow-ups = Мои наступившие контрольные сроки
dashboard-last-appeal = Последнее обращение получено { $date }.
dashboard-modules = Направления работы
count-appeals = { $count ->
    [one] { $count } обращение
    [few] { $count } обращения
    [many] { $count } обращений
   *[other] { $count } обращения
}

## Модули
module-coming = Скоро
module-referrals-title = Перенаправления
module-referrals-about = Национальная и международная сеть перенаправления: МОМ, полиция, прокуратура, приюты, посольства, партнёрские НПО за рубежом.
module-referrals-coming = Согласие и направления на страницах человека и дела: отправленные и полученные направления, сначала фиксируется согласие, передаются только разрешённые им данные; ответы партнёров и письмо-направление.
module-monitoring-title = Мониторинговые выезды
module-monitoring-about = Выезды мобильной группы на хлопковые поля, виноградники, в теплицы, на стройки и рынки.
module-admin-title = Администрирование
module-admin-about = Учётные записи сотрудников, офисы, справочники и настройки безопасности.
module-admin-coming = Настройки безопасности.


## Журнал аудита
audit-title = Журнал аудита
audit-intro = Каждое изменение, каждый просмотр персональных данных, каждый поиск и вход — новые сверху. Журнал только дополняется, записи связаны в цепочку: проверка находит изменённую, удалённую или переставленную запись.
audit-filter-user = Пользователь
audit-filter-action = Действие
audit-filter-record = Идентификатор записи
audit-filter-any = Любой
audit-filter-submit = Показать
audit-verify = Также проверить всю цепочку
audit-intact = Цепочка цела: проверено записей — { $count }.
audit-broken = Цепочка нарушена на записи { $seq }
audit-empty = Нет подходящих записей.
audit-col-time = Время
audit-col-user = Пользователь
audit-col-action = Действие
audit-col-record = Запись
audit-col-detail = Подробности
audit-system = система
audit-break-glass-title = Экстренный доступ, ожидающий проверки
audit-break-glass-none = Нет случаев экстренного доступа, ожидающих проверки.
audit-break-glass-reviewed = Проверено
audit-col-reason = Причина
audit-entries = Записи
audit-action-create = Создание
audit-action-update = Изменение
audit-action-delete = Удаление
audit-action-read = Просмотр персональных данных
audit-action-search = Поиск
audit-action-export = Выгрузка
audit-action-login = Вход
audit-action-login-failed = Неудачный вход
audit-action-logout = Выход
audit-action-password-changed = Смена пароля
audit-action-break-glass = Экстренный доступ
audit-action-key-rotated = Смена мастер-ключа

## Администрирование
admin-accounts-title = Учётные записи сотрудников
admin-col-username = Имя пользователя
admin-col-name = Имя
admin-col-role = Роль
admin-col-office = Офис
admin-col-status = Состояние
admin-col-second-factor = Двухэтапный вход
admin-status-active = Активна
admin-status-disabled = Отключена
admin-2fa-enrolled = Настроен
admin-2fa-not-enrolled = Ещё нет
admin-disable = Отключить
admin-enable = Включить
admin-reset-2fa = Сбросить двухэтапный вход
admin-create-title = Новая учётная запись
admin-create-submit = Создать
admin-created = Учётная запись { $username } создана. Одноразовый пароль:
admin-created-hint = Передайте его лично: он показывается только сейчас и должен быть изменён при первом входе.
admin-error-username = Имя пользователя может содержать только латинские буквы, цифры, точки, дефисы и подчёркивания.
admin-error-name = Укажите имя сотрудника.
admin-error-exists = Учётная запись с таким именем пользователя уже существует.
admin-offices-title = Офисы
admin-offices-about = Название офиса стоит в шапке писем, которые он отправляет; его часы определяют дату того, что в нём записано (Казахстан: 300 минут, UTC+5).
admin-office-name = Название
admin-office-clock = Часы: минут впереди UTC
admin-office-save = Сохранить офис
admin-office-saved = Офис { $code } сохранён.
admin-error-office-name = Укажите название офиса: одна строка, не больше 200 знаков.
admin-error-office-clock = Часы — целое число минут от −720 до 840, кратное 15 (Казахстан: 300).
## Ошибки
error-title = Что-то пошло не так
error-not-found = Такой страницы нет, или у вас нет к ней доступа.
error-stale-form = Эта форма относится к предыдущему сеансу. Вернитесь назад, обновите страницу и отправьте форму снова.
error-forbidden = Ваша роль не позволяет это сделать.
error-internal = Произошла внутренняя ошибка. Вернитесь кнопкой «Назад» в браузере: введённое останется в форме. Если ошибка повторится, сообщите администратору.
error-bad-request = Не удалось разобрать запрос.
error-too-large = Отправленное больше, чем принимает эта страница, и ничего не сохранено. Файл (доказательство, скан формы) может быть не больше { $megabytes } МБ: вернитесь кнопкой «Назад» в браузере и выберите файл поменьше или отсканируйте заново с меньшим разрешением.
error-back = Вернуться на главную

## Дополнения: контроль, дело из обращения
dashboard-follow-ups = Мои контрольные сроки
dashboard-all-follow-ups = Все мои контрольные сроки
appeal-case-kind = Вид дела
appeal-case-sensitive = Конфиденциальное: видит только команда дела
appeal-open-case = Открыть дело по этому обращению
person-case-opened = Дело открыто; оно в списке ниже.
intake-nobody-known = Пока никто не найден: обратившийся будет сохранён как новый человек.

## Формы: что не так — рядом с полем
form-errors = { $count ->
    [one] Нужно исправить { $count } поле, отмеченное ниже. Всё, что вы ввели, сохранено.
    [few] Нужно исправить { $count } поля, отмеченные ниже. Всё, что вы ввели, сохранено.
    [many] Нужно исправить { $count } полей, отмеченных ниже. Всё, что вы ввели, сохранено.
   *[other] Нужно исправить { $count } поля, отмеченные ниже. Всё, что вы ввели, сохранено.
}
form-required = Заполните это поле.
form-unknown-choice = Выберите одно из значений списка.
form-taken = Такое уже есть: выберите другое.
form-retired-choice = Это значение больше не используется: выберите другое.
form-negative = Значение не может быть отрицательным.
form-too-long = Слишком длинное значение: не более { $max } символов.
form-control-character = Уберите из текста невидимые управляющие символы (обычно они попадают при вставке); переносы строк допустимы только в заметках.
form-too-large = Слишком большая сумма: не более { $max }.
form-too-many = Слишком много значений: не более { $max }.
form-more-than = Больше общего числа: не более { $max }.
form-invalid = Недопустимое значение.
form-invalid-date = Неверная дата (или дата в будущем).
form-invalid-year = Введите год рождения, например 1986.
form-invalid-amount = Введите сумму, например 18000 или 18 000,50.
form-invalid-phone = Это не похоже на номер телефона; введите его с кодом страны или оператора.
form-changed-meanwhile = Пока вы редактировали эту запись, её изменил другой пользователь. Откройте её заново, чтобы увидеть его изменения, а затем внесите свои.
form-not-given = — не указано —
form-any = все
form-save = Сохранить

## Горячая линия: реестр обращений
hotline-title = Горячая линия и обращения
hotline-new-appeal = Новое обращение
hotline-from = С
hotline-to = По
hotline-follow-up = Контрольный срок
hotline-follow-up-due = наступил (сегодня или раньше)
hotline-follow-up-overdue = просрочен
hotline-office = Офис
hotline-mine = Только мои
hotline-sort = Порядок
hotline-sort-newest = сначала новые
hotline-sort-oldest = сначала старые
hotline-sort-follow-up = по контрольному сроку
hotline-apply = Показать
hotline-empty = Нет обращений, соответствующих этим фильтрам.
hotline-col-received = Получено
hotline-col-operator = Оператор
hotline-col-person = Человек
hotline-open-person = открыть
hotline-anonymous = анонимно
pager-label = Страницы
pager-previous = ← Предыдущая страница
pager-next = Следующая страница →

## Горячая линия: форма приёма обращения
intake-title = Новое обращение
intake-edit-title = Редактирование обращения
intake-caller = Обратившийся
intake-caller-hint = Введите то, что сообщает обратившийся: имя в любом написании, телефон, номер паспорта. Нажмите Enter, чтобы проверить, есть ли он уже в системе. Для анонимного обращения оставьте все поля пустыми.
intake-full-name = Имя
intake-phone = Телефон
intake-document = Номер паспорта или другого документа
intake-find = Найти
intake-new-person = Новый человек (или аноним, если ничего не введено)
intake-restricted-person = Известный человек, доступ к делу которого ограничен
intake-restricted-lead = — ведущий дела: { $lead }. Выберите, чтобы связать обращение с этим человеком, не видя его данных; ведущему сообщат об обращении.
intake-restricted-lead-task = Ваш клиент звонил на горячую линию
intake-possible-duplicate = Возможно, этот человек уже зарегистрирован: выберите его выше или отметьте пункт ниже, чтобы сохранить нового человека.
intake-confirm-new = Это другой человек: сохранить как нового
intake-person-gone = Выбранный человек больше недоступен; выберите снова.
intake-more-about-caller = Подробнее об обратившемся
intake-birth-year = Год рождения
intake-sex = Пол
intake-citizenship = Гражданство
intake-other-citizenships = Другие гражданства
intake-home-region = Регион или город постоянного проживания
intake-case = дело № { $number }
intake-appeal = Обращение
intake-received-at = Дата и время получения
intake-channel = Канал
intake-contact = Кто обратился
intake-topics = Темы
intake-help = Оказанная помощь
intake-occupation = Род занятий
intake-sector = Отрасль
intake-work-region = Регион работы
intake-work-district = Район
intake-wage = Заработная плата в месяц
intake-currency = Валюта
intake-reason = Причина миграции
intake-notes = Примечания
intake-follow-up = Контрольный срок
intake-outcome = Результат
intake-parties = Упомянутые работодатели и посредники
intake-party-name = Имя или название работодателя, посредника или должностного лица
intake-party-role = Роль
intake-party-kind = Физическое или юридическое лицо
intake-party-hint = Введя имя, нажмите Enter, чтобы проверить, есть ли оно уже в системе; если нет, запись будет создана при сохранении обращения.
intake-directory = Куда направить звонящего
intake-directory-hint = Действующие партнёры сети перенаправления по нужной услуге и региону. Страница партнёра с контактами открывается в новой вкладке.
intake-directory-find = Найти в справочнике
intake-add-party = Добавить
intake-save = Сохранить обращение
intake-keys = Enter — поиск; Alt+S — сохранить.

## Страница обращения
appeal-title = Обращение от { $date }
appeal-saved = Обращение сохранено.
appeal-edit = Редактировать
appeal-another-for-person = Новое обращение от этого человека
record-restricted = (не показано: вне вашей зоны доступа)

## Страница человека
person-anonymous = Анонимное лицо
person-saved = Данные человека сохранены.
person-merged = Дубликат объединён с этой записью: его обращения, дела, телефоны и варианты написания имени теперь здесь.
person-edit = Редактировать данные человека
person-other-spellings = Другие варианты написания (по одному в строке)
person-passport-name = Имя, как в паспорте
person-birth-date = Дата рождения
person-phones = Телефоны (по одному в строке)
person-documents = Документы (по одному в строке)
person-address = Адрес
person-age-band = Возрастная группа
person-appeals = Обращения
person-cases = Дела
person-no-cases = Нет дел, доступных вам.
person-duplicates = Возможные дубликаты
person-duplicates-hint = Эти записи похожи на одного и того же человека. При объединении их обращения и дела переносятся сюда, а дубликат удаляется; объединение фиксируется в журнале аудита.
person-merge-confirm = Я проверил(а): это один и тот же человек
person-merge = Объединить с этим человеком

## Работодатели и посредники
parties-title = Работодатели и посредники
parties-about = Все, кто упомянут в обращениях как работодатель, посредник, бригадир, «помощник по регистрации» или должностное лицо. Сведения в записи остаются неподтверждёнными утверждениями, пока их не подтвердит результат дела.
parties-search = Имя, телефон или идентификатор
parties-none = Никто с таким именем не найден.
party-other-names = Другие имена
party-identifiers = Идентификаторы (БИН/ИИН)
party-roles = Упоминается как
party-edit = Исправить запись
party-edit-cancel = Вернуться к записи без сохранения
party-saved = Запись исправлена.
party-merge-link = Объединить с этой записью её дубликат
party-merge-title = Объединить дубликат с записью «{ $name }»
party-merge-about = Найдите другую запись о том же работодателе или посреднике. При объединении её обращения, дела и выезды переносятся сюда, её названия, телефоны и идентификаторы добавляются к этой записи, а сама она удаляется. Объединение фиксируется в журнале аудита, отменить его нельзя.
party-merge-search = Название, телефон или идентификатор
party-merge-none = Среди доступных вам записей других совпадений нет.
party-merge-confirm = Я проверил(а): это один и тот же работодатель или посредник
party-merge = Объединить с этой записью
party-merge-back = Вернуться к записи
party-merged = Дубликат объединён с этой записью: его обращения, дела, выезды, названия и телефоны теперь здесь.
party-merge-refused = Вместе две записи не составили бы допустимую запись, поэтому ничего не объединено. Сначала исправьте одну из них, затем объедините снова:
party-district = Район
party-lines-hint = По одному в строке.
party-licence = Лицензия кадрового агентства
party-licence-hint = Для агентства, которое трудоустраивает людей: лицензия, которая у него есть, которую оно называет или которой нет («Нет», если работает без лицензии). Для остальных оставьте пустым.
party-licence-shown = Лицензия
party-licence-ends-before = Лицензия не может истечь раньше, чем выдана.
licence-status = Лицензия
licence-number = Номер
licence-issued-by = Кем выдана
licence-issued-on = Дата выдачи
licence-valid-until = Действует до
party-standing-alleged = Не подтверждено: записанное здесь пока не подтвердил ни результат дела, ни решение.
party-standing-confirmed-by-case = Подтверждено делом: дело, в котором они упомянуты, закончилось штрафом работодателю, выплатой зарплаты или приговором.
party-standing-confirmed-by-decision = Подтверждено решением: производство по делу, в котором они упомянуты, закончилось приговором или штрафом.
party-role = Упоминается как
party-cases = { $count ->
    [one] Упоминается в { $count } деле
    [few] Упоминается в { $count } делах
    [many] Упоминается в { $count } делах
   *[other] Упоминается в { $count } дела
}
party-more-cases = Показаны только последние дела; ниже учтены все.
party-proceedings = Производства по этим делам
party-proceeding-undecided = решения ещё нет
party-wages = Зарплата, заявленная и взысканная по этим делам
party-appeals = { $count ->
    [one] Упоминается в { $count } обращении
    [few] Упоминается в { $count } обращениях
    [many] Упоминается в { $count } обращениях
   *[other] Упоминается в { $count } обращения
}
party-more-appeals = Показаны только последние обращения.

## Почему найденный человек может быть обратившимся
match-same-document = тот же документ
match-same-phone = тот же телефон
match-same-name = то же имя
match-similar-name = похожее имя
match-same-birth-year = тот же год рождения

## Экстренный доступ к записи вне вашего доступа
break-glass-title = Не найдено или вне вашего доступа
break-glass-about = Такой записи нет, или она принадлежит другому офису либо команде дела, в которую вы не входите. Если человеку грозит опасность, а с теми, кто ведёт запись, связаться нельзя, вы можете открыть её, указав причину. Причина и ваше имя записываются и показываются руководителю.
break-glass-reason = Почему её нужно открыть сейчас
break-glass-reason-short = Пожалуйста, объясните причину не короче { $min } символов.
break-glass-open = Открыть и записать причину
break-glass-opened = Открыто через экстренный доступ: этот просмотр записан и будет проверен руководителем.

## The organisation's lists
lists-changed-meanwhile = Кто-то изменил этот справочник, пока он был открыт у вас: вот он в нынешнем виде. Ваше изменение не сохранено; повторите его, если оно ещё нужно.
lists-code-malformed = Код — короткое латинское имя: строчные буквы, цифры и одиночные дефисы, начинается с буквы, не длиннее 40 символов (например, police-extortion).
lists-label-needed = Укажите название хотя бы на одном языке: русском, казахском или английском.
lists-last-offered = Это последний код, который формы предлагают из этого списка: добавьте или верните другой, прежде чем выводить его.
lists-title = Справочники
lists-about = Списки, которые предлагают формы. Коды в записях и отчётах не меняются; названия, порядок и то, какие коды предлагаются, задаёт организация.
lists-count = кодов: { $count }
lists-list-about = Переместите код, чтобы изменить его место в формах. Выведенный из употребления код больше не предлагается для новых записей; записи, в которых он есть, сохраняют его, и отчёты его учитывают.
lists-col-code = Код
lists-col-label = Название
lists-col-status = Состояние
lists-retired-on = Не используется с { $day }
lists-in-use = Используется
lists-up = Переместить { $code } выше
lists-down = Переместить { $code } ниже
lists-restore = Вернуть
lists-retire = Вывести из употребления
lists-rename = Переименовать
lists-add-title = Добавить код
lists-add-about = Код — короткое латинское имя (строчные буквы, цифры и дефисы, например police-extortion); он не меняется. Укажите название хотя бы на одном из языков: русском, казахском или английском.
lists-add-submit = Добавить код
lists-rename-title = Названия кода { $code }
lists-rename-shipped = Этот код поставляется с Komek вместе с переводами (они показаны серым в полях): введённое здесь название заменяет перевод, пустое поле оставляет его.
lists-rename-own = Этот код добавила организация: нужно название хотя бы на русском, казахском или английском.
lists-rename-submit = Сохранить названия
lists-label-ru = Название на русском
lists-label-kk = Название на казахском
lists-label-en = Название на английском
lists-label-uz = Название на узбекском
lists-label-ky = Название на кыргызском
lists-label-tg = Название на таджикском
admin-lists-about = Темы, род занятий, районы, виды дел и другие списки, которые предлагают формы.
admin-lists-open = Редактировать справочники
lists-name-channel = Каналы обращений
lists-name-topic = Темы обращений
lists-name-help = Виды помощи по обращениям
lists-name-occupation = Род занятий
lists-name-sector = Сферы занятости
lists-name-reason = Причины миграции
lists-name-district = Районы
lists-name-case-kind = Виды дел
lists-name-closing-reason = Причины закрытия дела
lists-name-service = Услуги по делам
lists-name-place = Виды мест
lists-name-partner-kind = Виды организаций-партнёров
lists-name-material = Информационные материалы
lists-name-authority = Органы, ведущие производство
articles-title = Статьи законов
articles-about = Статьи, на которые ссылаются производства, по кодексам. Изменение или отмена статьи — это новая дата здесь, а не правка старых производств: каждое производство сохраняет свои статьи.
articles-col-in-force = Действует
articles-col-source = Источник
articles-change = Изменить
articles-add-title = Добавить статью
articles-add-submit = Добавить статью
articles-book = Кодекс
articles-number = Номер статьи (например, 128 или 128-1)
articles-in-force-from = Действует с
articles-in-force-to = Действует по (пусто — действует)
articles-source = Источник
articles-source-hint = Где прочитан текст: закон, его номер и дата или страница на adilet.zan.kz.
articles-change-title = Статья { $code }
articles-change-about = Измените даты действия статьи (изменение, отмена), её названия и источник. Код статьи не меняется.
appeal-case-refused = Дело не открыто: значение из обращения или формы больше не используется. Выберите вид дела ещё раз; если не поможет, сообщите администратору.
