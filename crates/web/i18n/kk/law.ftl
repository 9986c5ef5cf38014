# Articles of Kazakhstan's codes used in this work (codes in komek_domain::law).

## Кодекстер (law-book-{code})
law-book-cc1997 = Қазақстан Республикасының 1997 жылғы 16 шілдедегі Қылмыстық кодексі
law-book-cc2014 = Қазақстан Республикасының 2014 жылғы 3 шілдедегі Қылмыстық кодексі
law-book-coao2001 = Қазақстан Республикасының 2001 жылғы 30 қаңтардағы Әкімшілік құқық бұзушылық туралы кодексі
law-book-coao2014 = Қазақстан Республикасының 2014 жылғы 5 шілдедегі Әкімшілік құқық бұзушылық туралы кодексі
law-book-lc2015 = Қазақстан Республикасының 2015 жылғы 23 қарашадағы Еңбек кодексі

## Баптар (law-{code})
law-cc2014-125 = ҚР ҚК 2014, 125-бап — Адамды ұрлау
law-cc2014-126 = ҚР ҚК 2014, 126-бап — Бас бостандығынан заңсыз айыру
law-cc2014-128 = ҚР ҚК 2014, 128-бап — Адам саудасы
law-cc2014-135 = ҚР ҚК 2014, 135-бап — Кәмелетке толмағандар саудасы
law-cc2014-152 = ҚР ҚК 2014, 152-бап — Еңбек заңнамасын бұзу
law-cc2014-308 = ҚР ҚК 2014, 308-бап — Жезөкшелікпен айналысуға тарту
law-cc2014-309 = ҚР ҚК 2014, 309-бап — Жезөкшелікпен айналысуға арналған притондар ұйымдастыру немесе оларды ұстау және жеңгетайлық
law-cc2014-385 = ҚР ҚК 2014, 385-бап — Құжаттарды, мөртабандарды, мөрлерді, бланкілерді қолдан жасау, дайындау немесе өткізу
law-coao2014-86 = ҚР ӘҚБтК 2014, 86-бап — Адамды еңбек шартын жасаспай жұмысқа жіберу
law-coao2014-87 = ҚР ӘҚБтК 2014, 87-бап — Еңбек заңнамасын бұзу (оның ішінде жалақыны төлемеу)
law-coao2014-517 = ҚР ӘҚБтК 2014, 517-бап — Шетелдіктің немесе азаматтығы жоқ адамның халықтың көші-қоны саласындағы заңнаманы бұзуы
law-coao2014-518 = ҚР ӘҚБтК 2014, 518-бап — Шетелдіктерді және азаматтығы жоқ адамдарды қабылдайтын тұлғалардың халықтың көші-қоны саласындағы заңнаманы бұзуы
law-coao2014-519 = ҚР ӘҚБтК 2014, 519-бап — Шетелдік жұмыс күшін және еңбекші иммигранттарды заңнаманы бұза отырып тарту
law-cc1997-125 = ҚР ҚК 1997, 125-бап — Адамды ұрлау
law-cc1997-126 = ҚР ҚК 1997, 126-бап — Бас бостандығынан заңсыз айыру
law-cc1997-128 = ҚР ҚК 1997, 128-бап — Адам саудасы (бастапқы редакцияда — адамдарды қанау үшін азғырып-көндіру)
law-cc1997-133 = ҚР ҚК 1997, 133-бап — Кәмелетке толмағандар саудасы
law-cc1997-270 = ҚР ҚК 1997, 270-бап — Жезөкшелікпен айналысуға тарту
law-cc1997-271 = ҚР ҚК 1997, 271-бап — Жезөкшелікпен айналысуға арналған притондар ұйымдастыру немесе оларды ұстау және жеңгетайлық
law-coao2001-394 = ҚР ӘҚБтК 2001, 394-бап — Шетелдіктің немесе азаматтығы жоқ адамның Қазақстан Республикасында болу ережелерін бұзуы

## proceeding-kind
lookup-proceeding-kind-criminal = Қылмыстық іс
lookup-proceeding-kind-administrative = Әкімшілік құқық бұзушылық туралы іс
lookup-proceeding-kind-civil = Азаматтық іс
lookup-proceeding-kind-expulsion-appeal = Шығарып жіберуге шағымдану

## authority
lookup-authority-police = Полиция
lookup-authority-organised-crime-unit = Ұйымдасқан қылмысқа қарсы күрес бөлімшесі
lookup-authority-migration-police = Көші-қон полициясы
lookup-authority-prosecutor = Прокуратура
lookup-authority-court = Сот
lookup-authority-labour-inspection = Еңбек инспекциясы
lookup-authority-other = Басқа

## proceeding-stage
lookup-proceeding-stage-complaint-filed = Арыз берілді
lookup-proceeding-stage-pre-trial-investigation = Сотқа дейінгі тергеп-тексеру
lookup-proceeding-stage-refused-to-open = Іс қозғаудан бас тартылды
lookup-proceeding-stage-sent-to-court = Сотқа жіберілді
lookup-proceeding-stage-trial = Сот талқылауы
lookup-proceeding-stage-appeal = Шағымдану
lookup-proceeding-stage-decided = Шешім шығарылды
lookup-proceeding-stage-closed = Аяқталды

## proceeding-outcome
lookup-proceeding-outcome-sentence = Айыптау үкімі
lookup-proceeding-outcome-fine = Айыппұл
lookup-proceeding-outcome-acquittal = Ақтау үкімі
lookup-proceeding-outcome-settlement = Тараптардың татуласуы
lookup-proceeding-outcome-expulsion-annulled = Шығарып жіберу жойылды
lookup-proceeding-outcome-dismissed = Іс тоқтатылды
lookup-proceeding-outcome-pending = Шешім күтілуде
