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
