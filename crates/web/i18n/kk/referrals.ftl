# Жолдау желісі: серіктестер анықтамалығы.

partners-title = Серіктестер анықтамалығы
partners-about = Жолдау желісінің ұйымдары: адамды қайда жіберу және онда кімге хабарласу керек.
partners-add = Серіктес қосу
partners-edit = Серіктесті өзгерту
partners-name = Атауы
partners-kind = Түрі
partners-service = Қызмет
partners-region = Қызмет көрсететін өңір
partners-inactive-too = Белсенді емес серіктестерді де көрсету
partners-none = Серіктес табылмады.
partners-country = Елі
partners-regions = Өңірлер
partners-regions-served = Қызмет көрсететін Қазақстан өңірлері (ешқайсысы: бүкіл ел немесе шетел)
partners-services = Көрсетілетін қызметтер
partners-languages = Тілдер
partners-hours = Жұмыс уақыты
partners-active = Белсенді: жаңа жолдамаларға таңдауға болады
partners-inactive = белсенді емес
partners-everywhere = Барлық жерде
partners-focal-points = Байланыс тұлғалары
partners-focal-points-hint = Жолдамалар жіберілетін серіктес қызметкерлері. Олардың аты-жөні мен байланыстары шифрланып сақталады.
partners-no-focal-points = Байланыс тұлғалары көрсетілмеген.
partners-focal-name = Аты-жөні
partners-focal-position = Лауазымы
partners-focal-email = Эл. пошта
