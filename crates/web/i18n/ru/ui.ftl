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
dashboard-my-follow-ups = Мои повторные контакты, срок которых наступил
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
module-hotline-title = Горячая линия и обращения
module-hotline-about = Регистрация звонка меньше чем за минуту и мгновенная проверка, известны ли уже звонящий или работодатель.
module-hotline-coming = Форма приёма, рассчитанная на телефонный разговор; поиск с учётом разных написаний имён, телефонов и паспортов; выявление и объединение дублей; реестр обращений с фильтрами; JSON API.
module-cases-title = Дела
module-cases-about = Рабочее место юриста и психолога: от идентификации по индикаторам МОТ до возврата документов, выплаты заработной платы и возвращения людей домой.
module-cases-coming = Карточка дела и его хронология, идентификация по индикаторам МОТ с указанием оснований, услуги, разбирательства, задачи и сроки, конфиденциальные заметки, зашифрованные файлы доказательств.
module-parties-title = Работодатели и посредники
module-parties-about = Все работодатели, посредники, бригадиры, «помощники по регистрации» и должностные лица, упомянутые в обращениях и делах.
module-parties-coming = Отдельная страница для каждой стороны со всеми обращениями, делами и выездами, где она упоминается: реестр повторных нарушителей.
module-referrals-title = Перенаправления
module-referrals-about = Национальная и международная сеть перенаправления: МОМ, полиция, прокуратура, приюты, посольства, партнёрские НПО за рубежом.
module-referrals-coming = Справочник партнёров; отправленные и полученные перенаправления: сначала фиксируется согласие, и передаются только те данные, которые оно разрешает.
module-monitoring-title = Мониторинговые выезды
module-monitoring-about = Выезды мобильной группы на хлопковые поля, виноградники, в теплицы, на стройки и рынки.
module-monitoring-coming = Отчёты о выездах с чек-листом наблюдений, выявленными нарушениями и обращениями, принятыми на месте; работают на недорогом телефоне и без интернета.
module-reports-title = Отчёты
module-reports-about = Годовой отчёт и статистика для доноров, рассчитанные непосредственно по записям.
module-reports-coming = Обращения по темам, каналам и месяцам; причины и отрасли; заработная плата по профессиям в тенге и долларах; пострадавшие, репатриации, услуги и разбирательства; выгрузка в CSV, XLSX и PDF; публичная версия со скрытием малых значений.
module-admin-title = Администрирование
module-admin-about = Учётные записи сотрудников, офисы, справочники и настройки безопасности.
module-admin-coming = Редактирование офисов и справочников, настройки безопасности.


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
## Ошибки
error-title = Что-то пошло не так
error-not-found = Такой страницы нет, или у вас нет к ней доступа.
error-stale-form = Эта форма относится к предыдущему сеансу. Вернитесь назад, обновите страницу и отправьте форму снова.
error-forbidden = Ваша роль не позволяет это сделать.
error-internal = Произошла внутренняя ошибка. Вернитесь кнопкой «Назад» в браузере: введённое останется в форме. Если ошибка повторится, сообщите администратору.
error-bad-request = Не удалось разобрать запрос.
error-back = Вернуться на главную
