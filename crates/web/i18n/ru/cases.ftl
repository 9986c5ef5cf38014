# The case desk: case files, their timeline, assessments, services, proceedings, tasks, notes and evidence.

cases-title = Дела
cases-active = Открытые или на сопровождении
cases-mine = Только дела, которые веду я
cases-overdue-only = Только дела с просроченными задачами
cases-empty = Нет дел, соответствующих этим фильтрам.
cases-overdue-count = { $count ->
    [one] ({ $count } задача просрочена)
    [few] ({ $count } задачи просрочены)
    [many] ({ $count } задач просрочено)
   *[other] ({ $count } задачи просрочено)
}

case-title = Дело № { $number }
case-number = Номер
case-kind = Вид дела
case-status = Статус
case-lead = Ответственный
case-team = Команда дела
case-opened = Открыто
case-closed = Закрыто
case-next-task = Срок ближайшей задачи
case-sensitive-badge = конфиденциально: только команда дела
case-edit = Редактировать дело
case-close = Закрыть дело
case-new-assessment = Оценить по индикаторам МОТ
case-back = ← Назад к делу
case-outcomes = Результат
case-closing-reason = Причина закрытия дела
case-recruited-at = Место вербовки
case-recruited-district = Район вербовки
case-recruited-country = Страна вербовки
case-exploited-at = Место эксплуатации
case-exploited-place = Тип места
case-exploited-district = Район эксплуатации
case-exploited-region = Регион эксплуатации
case-exploited-country = Страна эксплуатации
case-recruitment-methods = Способ вербовки
case-means-of-control = Способы контроля над человеком
case-parties = Работодатели, посредники, должностные лица
case-summary = Обстоятельства дела в изложении юриста
case-persons = Лица по делу
case-victim-status = Статус жертвы
case-identified-by = Кто идентифицировал
case-identified-on = Дата идентификации
case-latest-assessment = Последняя оценка
case-identification = Идентификация по индикаторам МОТ
case-no-assessment = По этому делу ещё никто не оценивался.
case-timeline = Хронология
case-proceedings = Производства
case-services = Оказанная помощь
case-no-services = Помощь пока не записана.
case-tasks = Задачи
case-no-tasks = Задач нет.
case-notes = Заметки
case-notes-withheld = { $count ->
    [one] { $count } заметка видна только сотрудникам с ролью её автора и вам не показана.
    [few] { $count } заметки видны только сотрудникам с ролью их авторов и вам не показаны.
    [many] { $count } заметок видны только сотрудникам с ролью их авторов и вам не показаны.
   *[other] { $count } заметки видны только сотрудникам с ролью их авторов и вам не показаны.
}
case-evidence = Материалы дела (файлы)
case-edit-title = Редактирование дела № { $number }
case-close-title = Закрытие дела № { $number }
case-close-about = При закрытии дела фиксируется, чего удалось добиться и почему оно завершается. Дело останется доступным для просмотра, и его можно будет открыть снова.
case-done-saved = Сохранено.
case-done-opened = Дело открыто. Заполните его карточку ниже.
case-done-closed = Дело закрыто.
case-done-assessed = Оценка сохранена; результат объяснён ниже.

timeline-opened = Дело открыто
timeline-closed = Дело закрыто
timeline-assessed = Проведена оценка
timeline-proceeding-opened = Возбуждено производство
timeline-hearing = Судебное заседание
timeline-hearing-coming = Судебное заседание (предстоит)
timeline-decided = Решение
timeline-task-done = Выполнено

event-add = Добавить событие в хронологию
event-day = Дата
event-kind = Что произошло
event-text = Описание
event-place-country = Страна, если не та, что указана в деле
event-place-region = Область (Казахстан)
event-place-district = Район (Казахстан)
event-place-settlement = Город или село

service-add = Записать оказанную помощь
service-kind = Вид помощи
service-person = Кому
service-whole-group = Всей группе
service-day = Дата
service-provider = Кто оказал
service-provider-hint = Оставьте пустым, если помощь оказали мы; иначе укажите партнёра.
service-result = Результат
service-destination = Куда возвращён(а) (репатриация)
service-accompanied-by = С кем (репатриация)
service-accompanied-by-hint = Кто ехал вместе с человеком или встретил его: родственник, сопровождающий от партнёра, или один/одна.
service-amount-claimed = Заявленная сумма заработной платы
service-amount-recovered = Взысканная сумма заработной платы
service-by-us = наша организация
service-accompanied = с кем: { $who }
service-claimed = заявлено { $amount }
service-recovered = взыскано { $amount }

proceeding-add = Добавить производство
proceeding-edit = Редактировать производство
proceeding-kind = Вид производства
proceeding-authority = Орган
proceeding-articles = Статьи
proceeding-stage = Стадия
proceeding-opened = Дата возбуждения
proceeding-hearings = Даты судебных заседаний
proceeding-hearings-hint = По одной дате в строке, например 2008-05-14.
proceeding-outcome = Результат
proceeding-pending = решение ещё не принято
proceeding-decided = Дата решения
proceeding-sentence-years = Срок по приговору: лет
proceeding-sentence-months = Срок по приговору: месяцев
proceeding-fine = Штраф (в тенге либо сумма и валюта, например 500 USD)
proceeding-notes = Номер дела и примечания
proceeding-years = { $count ->
    [one] { $count } год
    [few] { $count } года
    [many] { $count } лет
   *[other] { $count } года
}
proceeding-months = { $count ->
    [one] { $count } месяц
    [few] { $count } месяца
    [many] { $count } месяцев
   *[other] { $count } месяца
}

task-add = Поставить задачу
task-title = Что сделать
task-assignee = Исполнитель
task-due = Срок
task-done-on = выполнено { $date }
task-mark-done = Выполнено
task-mark-open = Вернуть в работу

note-add = Написать заметку
note-text = Заметка
note-visibility = Кто может её читать
note-team = Вся команда дела
note-role-only = Только сотрудники с моей ролью и ответственный по делу

evidence-add = Добавить файл (фото, скан, PDF, документ)
evidence-upload = Загрузить
evidence-limits = Фотографии (JPEG, PNG, WebP, HEIC), PDF и офисные документы размером до { $max } МБ. Файл хранится в зашифрованном виде.
evidence-name = Файл
evidence-size = Размер
evidence-added = Добавлен
evidence-problem-empty = Выберите файл для загрузки: файл не получен.
evidence-problem-too-large = Файл слишком большой. Отправьте фото или скан меньшего размера.
evidence-problem-refused-type = Файлы такого типа не принимаются: отправьте фото, PDF или офисный документ.
evidence-problem-truncated = Файл обрывается раньше своего конца: его прервали при отправке или сохранили не полностью. Отправьте его снова; если не поможет, откройте и сохраните файл заново или отсканируйте снова.
evidence-problem-damaged = Файл повреждён и не может быть прочитан. Пожалуйста, отправьте его снова или отсканируйте заново.

assessment-title = Оценка по делу № { $number }
assessment-catalogue = Индикаторы
assessment-switch = Использовать эти индикаторы
assessment-day = Дата оценки
assessment-minor = На момент работы человеку не было 18 лет
assessment-person-n = Лицо { $n }
assessment-source = Откуда это известно
assessment-source-needed = Укажите, откуда это известно.
assessment-save = Сохранить оценку
assessment-because = Правило МОТ выполнено на основании этих ответов:
assessment-rule-not-met = По этим ответам правило МОТ не выполнено.
assessment-to-ask = Информации пока недостаточно. Что ещё нужно выяснить:
assessment-answers = Все ответы

form-saved-now = Тем временем сохранено другим пользователем
form-your-version = Что ввели вы
form-keep-or-take = Введённые вами значения сохранены в форме ниже. Сохраните ещё раз, чтобы заменить то, что сохранено сейчас, или вернитесь назад, чтобы оставить его.

dashboard-my-tasks = Мои задачи
dashboard-overdue-tasks = { $count ->
    [0] В доступных вам делах просроченных задач нет.
    [one] В доступных вам делах просрочена { $count } задача.
    [few] В доступных вам делах просрочены { $count } задачи.
    [many] В доступных вам делах просрочено { $count } задач.
   *[other] В доступных вам делах просрочено { $count } задачи.
}
dashboard-overdue-tasks-more = В доступных вам делах просрочено больше { $count } задач.

case-people-link = Добавить в дело человека либо работодателя, посредника или должностное лицо
case-people-title = Лица, причастные к делу № { $number }
case-people-search = Имя, телефон или документ
case-people-none = Никто с таким именем не найден.
case-people-add = Добавить в дело
case-people-conflict = Тем временем дело изменил другой пользователь. Выполните поиск снова и добавьте.

case-sensitive-yes = да, только команда дела
case-sensitive-no = нет, весь офис
