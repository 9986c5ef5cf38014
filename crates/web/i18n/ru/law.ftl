# Articles of Kazakhstan's codes used in this work (codes in komek_domain::law).

## Кодексы (law-book-{code})
law-book-cc1997 = Уголовный кодекс Республики Казахстан от 16 июля 1997 года
law-book-cc2014 = Уголовный кодекс Республики Казахстан от 3 июля 2014 года
law-book-coao2001 = Кодекс Республики Казахстан об административных правонарушениях от 30 января 2001 года
law-book-coao2014 = Кодекс Республики Казахстан об административных правонарушениях от 5 июля 2014 года
law-book-lc2015 = Трудовой кодекс Республики Казахстан от 23 ноября 2015 года

## Статьи (law-{code})
law-cc2014-125 = УК РК 2014, ст. 125 — Похищение человека
law-cc2014-126 = УК РК 2014, ст. 126 — Незаконное лишение свободы
law-cc2014-128 = УК РК 2014, ст. 128 — Торговля людьми
law-cc2014-135 = УК РК 2014, ст. 135 — Торговля несовершеннолетними
law-cc2014-152 = УК РК 2014, ст. 152 — Нарушение трудового законодательства
law-cc2014-308 = УК РК 2014, ст. 308 — Вовлечение в занятие проституцией
law-cc2014-309 = УК РК 2014, ст. 309 — Организация или содержание притонов для занятия проституцией и сводничество
law-cc2014-385 = УК РК 2014, ст. 385 — Подделка, изготовление или сбыт поддельных документов, штампов, печатей, бланков
law-coao2014-86 = КоАП РК 2014, ст. 86 — Допуск к работе лица без заключения трудового договора
law-coao2014-87 = КоАП РК 2014, ст. 87 — Нарушение трудового законодательства (в том числе невыплата заработной платы)
law-coao2014-517 = КоАП РК 2014, ст. 517 — Нарушение иностранцем или лицом без гражданства законодательства в области миграции населения
law-coao2014-518 = КоАП РК 2014, ст. 518 — Нарушение законодательства в области миграции населения лицами, принимающими иностранцев и лиц без гражданства
law-coao2014-519 = КоАП РК 2014, ст. 519 — Привлечение иностранной рабочей силы и трудовых иммигрантов с нарушением законодательства
law-cc1997-125 = УК РК 1997, ст. 125 — Похищение человека
law-cc1997-126 = УК РК 1997, ст. 126 — Незаконное лишение свободы
law-cc1997-128 = УК РК 1997, ст. 128 — Торговля людьми (в ранней редакции — вербовка людей для эксплуатации)
law-cc1997-133 = УК РК 1997, ст. 133 — Торговля несовершеннолетними
law-cc1997-270 = УК РК 1997, ст. 270 — Вовлечение в занятие проституцией
law-cc1997-271 = УК РК 1997, ст. 271 — Организация или содержание притонов для занятия проституцией и сводничество
law-coao2001-394 = КоАП РК 2001, ст. 394 — Нарушение иностранцем или лицом без гражданства правил пребывания в Республике Казахстан

## proceeding-kind
lookup-proceeding-kind-criminal = Уголовное дело
lookup-proceeding-kind-administrative = Дело об административном правонарушении
lookup-proceeding-kind-civil = Гражданское дело
lookup-proceeding-kind-expulsion-appeal = Обжалование выдворения

## authority
lookup-authority-police = Полиция
lookup-authority-organised-crime-unit = Подразделение по борьбе с организованной преступностью
lookup-authority-migration-police = Миграционная полиция
lookup-authority-prosecutor = Прокуратура
lookup-authority-court = Суд
lookup-authority-labour-inspection = Инспекция труда
lookup-authority-other = Другое

## proceeding-stage
lookup-proceeding-stage-complaint-filed = Заявление подано
lookup-proceeding-stage-pre-trial-investigation = Досудебное расследование
lookup-proceeding-stage-refused-to-open = Отказано в возбуждении дела
lookup-proceeding-stage-sent-to-court = Направлено в суд
lookup-proceeding-stage-trial = Судебное разбирательство
lookup-proceeding-stage-appeal = Обжалование
lookup-proceeding-stage-decided = Решение вынесено
lookup-proceeding-stage-closed = Завершено

## proceeding-outcome
lookup-proceeding-outcome-sentence = Обвинительный приговор
lookup-proceeding-outcome-fine = Штраф
lookup-proceeding-outcome-acquittal = Оправдательный приговор
lookup-proceeding-outcome-settlement = Примирение сторон
lookup-proceeding-outcome-expulsion-annulled = Выдворение отменено
lookup-proceeding-outcome-dismissed = Дело прекращено
lookup-proceeding-outcome-pending = Решение ожидается
