<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Badge and agenda printers need attention</source>
        <translation>Принтеры бейджей и программ требуют внимания</translation>
    </message>
    <message>
        <source>Badge printer needs attention</source>
        <translation>Принтер бейджей требует внимания</translation>
    </message>
    <message>
        <source>Agenda printer needs attention</source>
        <translation>Принтер программ требует внимания</translation>
    </message>
    <message>
        <source>Scan your invitation</source>
        <translation>Отсканируйте Ваше приглашение</translation>
    </message>
    <message>
        <source>Hold the QR code on your invitation letter or badge under the scanner.</source>
        <translation>Поместите QR-код пригласительного письма или бейджа под сканер.</translation>
    </message>
    <message>
        <source>Using the handheld scanner? Point it at the code and press the trigger.</source>
        <translation>Используете ручной сканер? Наведите его на код и нажмите кнопку.</translation>
    </message>
    <message>
        <source>Need help? Please see the staff desk.</source>
        <translation>Нужна помощь? Пожалуйста, обратитесь к стойке персонала.</translation>
    </message>
    <message>
        <source>This kiosk cannot check anyone in right now. Please see the staff desk.</source>
        <translation>Сейчас этот терминал не может регистрировать гостей. Пожалуйста, обратитесь к стойке персонала.</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Терминал %1</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name</source>
        <translation>Нет с собой приглашения? Найдите своё имя</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name instead</source>
        <translation>Нет с собой приглашения? Тогда найдите своё имя в списке</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>Policymaker Program</source>
        <translation>Программа для политиков</translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>Invitation revoked</source>
        <translation>Приглашение отозвано</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>Прибытие в %1</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Ещё нет</translation>
    </message>
</context>
<context>
    <name>GuestsPanel</name>
    <message>
        <source>Search by name, organisation or country</source>
        <translation>Поиск по имени, организации или стране</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>Поиск гостей</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation>Прибыли сегодня</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Ещё не прибыли</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) listed</source>
        <translation>
            <numerusform>%n гость в списке</numerusform>
            <numerusform>%n гостя в списке</numerusform>
            <numerusform>%n гостей в списке</numerusform>
        </translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>Choose a guest in the list.</source>
        <translation>Выберите гостя в списке.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) attended</source>
        <translation>
            <numerusform>%n день присутствия</numerusform>
            <numerusform>%n дня присутствия</numerusform>
            <numerusform>%n дней присутствия</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation revoked</source>
        <translation>Приглашение отозвано</translation>
    </message>
    <message>
        <source>Arrived today at %1</source>
        <translation>Прибытие сегодня в %1</translation>
    </message>
    <message>
        <source>Not arrived today</source>
        <translation>Сегодня прибытия не было</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>Перепечатать бейдж</translation>
    </message>
    <message>
        <source>Reprint agenda</source>
        <translation>Перепечатать программу</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in</source>
        <translation>Отменить регистрацию за сегодня</translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>Отозвать приглашение</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in of %1? They can scan again afterwards.</source>
        <translation>Отменить сегодняшнюю регистрацию гостя %1? После этого приглашение можно будет отсканировать снова.</translation>
    </message>
    <message>
        <source>Revoke the invitation of %1? Their QR code will be refused from now on.</source>
        <translation>Отозвать приглашение гостя %1? С этого момента его QR-код будет отклоняться.</translation>
    </message>
    <message>
        <source>Annul: scanned by mistake</source>
        <translation>Отменить: скан по ошибке</translation>
    </message>
    <message>
        <source>Annul: wrong person</source>
        <translation>Отменить: не тот человек</translation>
    </message>
    <message>
        <source>Revoke the invitation</source>
        <translation>Отозвать приглашение</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Do not change anything</source>
        <translation>Ничего не менять</translation>
    </message>
    <message>
        <source>Arrived today at %1 at kiosk %2</source>
        <translation>Прибытие сегодня в %1 на терминале %2</translation>
    </message>
    <message>
        <source>Checked in at kiosk %1: annul it there.</source>
        <translation>Регистрация на терминале %1: отмените её там.</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Check in %1</source>
        <translation>Регистрация: %1</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>Это Вы?</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>Найдите своё имя</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel and go back to scanning</source>
        <translation>Отменить и вернуться к сканированию</translation>
    </message>
    <message>
        <source>Type your family or given name, in any alphabet. A staff member will confirm who you are.</source>
        <translation>Введите Вашу фамилию или имя — можно любым алфавитом. Сотрудник подтвердит Вашу личность.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Search for your name</source>
        <translation>Поиск Вашего имени</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>No one found. Try fewer letters, or please see the staff desk.</source>
        <translation>Никого не найдено. Попробуйте ввести меньше букв или, пожалуйста, обратитесь к стойке персонала.</translation>
    </message>
    <message>
        <source>Please ask a staff member to confirm it is you.</source>
        <translation>Пожалуйста, попросите сотрудника подтвердить Вашу личность.</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>Это не я</translation>
    </message>
    <message>
        <source>Not me, back to the list</source>
        <translation>Это не я, вернуться к списку</translation>
    </message>
    <message>
        <source>Staff: confirm</source>
        <translation>Сотрудник: подтвердить</translation>
    </message>
    <message>
        <source>Staff member: confirm with your PIN</source>
        <translation>Сотрудник: подтвердите своим PIN-кодом</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>IETF check-in</source>
        <translation>Регистрация IETF</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Добро пожаловать</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>С возвращением</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>Вы уже зарегистрированы</translation>
    </message>
    <message>
        <source>This invitation is no longer valid</source>
        <translation>Это приглашение больше не действительно</translation>
    </message>
    <message>
        <source>This invitation is for another meeting</source>
        <translation>Это приглашение на другую встречу</translation>
    </message>
    <message>
        <source>Check-in is not open today</source>
        <translation>Сегодня регистрация не проводится</translation>
    </message>
    <message>
        <source>We could not verify this invitation</source>
        <translation>Не удалось проверить это приглашение</translation>
    </message>
    <message>
        <source>We could not find this invitation</source>
        <translation>Не удалось найти это приглашение</translation>
    </message>
    <message>
        <source>This code is not an invitation</source>
        <translation>Этот код не является приглашением</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>Приносим извинения, произошла ошибка</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing…</source>
        <translation>Ваш бейдж и программа печатаются…</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>Ваш бейдж печатается…</translation>
    </message>
    <message>
        <source>Your agenda is printing…</source>
        <translation>Ваша программа печатается…</translation>
    </message>
    <message>
        <source>Your badge and agenda are ready at the printer.</source>
        <translation>Ваш бейдж и программа ждут Вас у принтера.</translation>
    </message>
    <message>
        <source>Your badge is ready at the printer.</source>
        <translation>Ваш бейдж ждёт Вас у принтера.</translation>
    </message>
    <message>
        <source>Your agenda is ready at the printer.</source>
        <translation>Ваша программа ждёт Вас у принтера.</translation>
    </message>
    <message>
        <source>There is a problem with the printer. Staff have been alerted; please see the staff desk.</source>
        <translation>Возникла проблема с принтером. Персонал уже оповещён; пожалуйста, обратитесь к стойке персонала.</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing.</source>
        <translation>Ваш бейдж и программа печатаются.</translation>
    </message>
    <message>
        <source>Your badge was printed at your first check-in.</source>
        <translation>Ваш бейдж был напечатан при первой регистрации.</translation>
    </message>
    <message>
        <source>Day %1 — your attendance is recorded.</source>
        <translation>День %1 — Ваше присутствие отмечено.</translation>
    </message>
    <message>
        <source>You checked in today at %1.</source>
        <translation>Сегодня Вы зарегистрировались в %1.</translation>
    </message>
    <message>
        <source>You checked in earlier today.</source>
        <translation>Сегодня Вы уже зарегистрировались.</translation>
    </message>
    <message>
        <source>It has been withdrawn and cannot be used to check in.</source>
        <translation>Оно было отозвано и не может использоваться для регистрации.</translation>
    </message>
    <message>
        <source>It was issued for IETF %1. This kiosk checks in guests of %2.</source>
        <translation>Оно выдано на IETF %1. Этот терминал регистрирует гостей %2.</translation>
    </message>
    <message>
        <source>This kiosk checks in guests of %1.</source>
        <translation>Этот терминал регистрирует гостей %1.</translation>
    </message>
    <message>
        <source>The Policymaker Program runs %1.</source>
        <translation>Даты Программы для политиков: %1.</translation>
    </message>
    <message>
        <source>The code may be damaged or altered.</source>
        <translation>Возможно, код повреждён или изменён.</translation>
    </message>
    <message>
        <source>It is not on this kiosk&apos;s guest list.</source>
        <translation>Его нет в списке гостей этого терминала.</translation>
    </message>
    <message>
        <source>It may be a different QR code, or it was not read completely.</source>
        <translation>Возможно, это другой QR-код, или он был считан не полностью.</translation>
    </message>
    <message>
        <source>Your check-in could not be recorded.</source>
        <translation>Не удалось зарегистрировать Ваше прибытие.</translation>
    </message>
    <message>
        <source>Please collect it from the printer.</source>
        <translation>Пожалуйста, заберите документ у принтера.</translation>
    </message>
    <message>
        <source>Please collect them from the printer.</source>
        <translation>Пожалуйста, заберите их у принтера.</translation>
    </message>
    <message>
        <source>If you need a new one, please see the staff desk.</source>
        <translation>Если Вам нужен новый бейдж, пожалуйста, обратитесь к стойке персонала.</translation>
    </message>
    <message>
        <source>Enjoy the day.</source>
        <translation>Желаем Вам приятного дня.</translation>
    </message>
    <message>
        <source>There is no need to scan again.</source>
        <translation>Повторно сканировать не нужно.</translation>
    </message>
    <message>
        <source>Please scan the QR code on your invitation letter or badge.</source>
        <translation>Пожалуйста, отсканируйте QR-код с пригласительного письма или бейджа.</translation>
    </message>
    <message>
        <source>Please see the staff desk. We will help you straight away.</source>
        <translation>Пожалуйста, обратитесь к стойке персонала. Мы сразу же Вам поможем.</translation>
    </message>
    <message>
        <source>For staff: %1</source>
        <translation>Для персонала: %1</translation>
    </message>
    <message>
        <source>Your badge and agenda are being prepared…</source>
        <translation>Ваш бейдж и программа готовятся…</translation>
    </message>
    <message>
        <source>Your badge is being prepared…</source>
        <translation>Ваш бейдж готовится…</translation>
    </message>
    <message>
        <source>Your agenda is being prepared…</source>
        <translation>Ваша программа готовится…</translation>
    </message>
    <message>
        <source>Your badge and agenda have been prepared.</source>
        <translation>Ваш бейдж и программа готовы.</translation>
    </message>
    <message>
        <source>Your badge has been prepared.</source>
        <translation>Ваш бейдж готов.</translation>
    </message>
    <message>
        <source>Your agenda has been prepared.</source>
        <translation>Ваша программа готова.</translation>
    </message>
    <message>
        <source>Staff will hand it to you.</source>
        <translation>Сотрудник вручит Вам документ.</translation>
    </message>
    <message>
        <source>Staff will hand them to you.</source>
        <translation>Сотрудник вручит Вам документы.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN-код персонала</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>Введена %n цифра</numerusform>
            <numerusform>Введены %n цифры</numerusform>
            <numerusform>Введено %n цифр</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>Стереть все цифры</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Стереть последнюю цифру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Staff confirmation</source>
        <translation>Подтверждение сотрудником</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>Waiting</source>
        <translation>В очереди</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печатается</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Напечатано</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Бейдж</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>%1 (reprint)</source>
        <translation>%1 (перепечатка)</translation>
    </message>
    <message>
        <source>Printers are ready.</source>
        <translation>Принтеры готовы.</translation>
    </message>
    <message>
        <source>%1 waiting · %2 printed · %3 failed</source>
        <translation>В очереди: %1 · напечатано: %2 · с ошибкой: %3</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Очередь печати</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>Пока ничего не напечатано.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n попытка</numerusform>
            <numerusform>%n попытки</numerusform>
            <numerusform>%n попыток</numerusform>
        </translation>
    </message>
    <message>
        <source>This kiosk does not print: badges and agendas wait in the queue for a print station.</source>
        <translation>Этот терминал не печатает: бейджи и программы ждут в очереди станции печати.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.</source>
        <translation>Отчёт о посещаемости содержит всех гостей и все дни программы с временем прибытия, итогами по дням и строкой для подписи спонсоров программы. Он сохраняется в виде файла CSV и файла PDF.</translation>
    </message>
    <message>
        <source>Save it to:</source>
        <translation>Куда сохранить:</translation>
    </message>
    <message>
        <source>Save the report to %1</source>
        <translation>Сохранить отчёт: %1</translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation>Повторить поиск USB-накопителей</translation>
    </message>
</context>
<context>
    <name>StaffHome</name>
    <message>
        <source>Staff mode</source>
        <translation>Режим персонала</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>%1 · day %2</source>
        <translation>%1 · день %2</translation>
    </message>
    <message>
        <source>Lock staff mode</source>
        <translation>Заблокировать режим персонала</translation>
    </message>
    <message>
        <source>Staff dashboard sections</source>
        <translation>Разделы панели персонала</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>Printing (needs attention)</source>
        <translation>Печать (требует внимания)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Arrived today</source>
        <translation>Прибыло сегодня</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>No programme today</source>
        <translation>Сегодня программы нет</translation>
    </message>
    <message>
        <source>Arrived today: %1 of %2 expected</source>
        <translation>Прибыло сегодня: %1 из %2 ожидаемых</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) invited</source>
        <translation>
            <numerusform>Приглашён %n гость</numerusform>
            <numerusform>Приглашено %n гостя</numerusform>
            <numerusform>Приглашено %n гостей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) revoked</source>
        <translation>
            <numerusform>Отозвано %n приглашение</numerusform>
            <numerusform>Отозвано %n приглашения</numerusform>
            <numerusform>Отозвано %n приглашений</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>Не удалось прочитать данные: %1</translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation>Посещаемость по дням</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Прибыло</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Day %1, %2: %3 of %4 arrived</source>
        <translation>День %1, %2: прибыло %3 из %4</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of expected guests who arrived</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Venue database: online, last sync %1.</source>
        <translation>База данных площадки: на связи, последняя синхронизация в %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n запись ожидает отправки.</numerusform>
            <numerusform>%n записи ожидают отправки.</numerusform>
            <numerusform>%n записей ожидают отправки.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue database unreachable: %1. Check-ins continue on this kiosk and are sent when it is back.</source>
        <translation>База данных площадки недоступна: %1. Регистрация продолжается на этом терминале, данные будут отправлены, когда связь восстановится.</translation>
    </message>
    <message>
        <source>Printed twice (two kiosks were offline): %1</source>
        <translation>Напечатано дважды (два терминала были без связи): %1</translation>
    </message>
    <message>
        <source>Every kiosk at the venue (venue database).</source>
        <translation>Все терминалы площадки (база данных площадки).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s check-ins only: the venue database could not be read (%1).</source>
        <translation>Только регистрации этого терминала: базу данных площадки не удалось прочитать (%1).</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <source>Checking your invitation…</source>
        <translation>Проверяем Ваше приглашение…</translation>
    </message>
</context>
<context>
    <name>checkin::KioskController</name>
    <message>
        <source>%1 · %2</source>
        <comment>event name · city</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Agendas</source>
        <translation>Программы</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (the CUPS default printer)</source>
        <translation>Принтер CUPS «%1» (принтер CUPS по умолчанию)</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (set for this kiosk)</source>
        <translation>Принтер CUPS «%1» (задан для этого терминала)</translation>
    </message>
    <message>
        <source>no printer: saved as PDF files in %1. To print, set a CUPS default printer (lpadmin -d QUEUE) or use checkinctl printers.</source>
        <translation>принтера нет: сохраняются как PDF-файлы в %1. Чтобы печатать, задайте принтер CUPS по умолчанию (lpadmin -d QUEUE) или используйте checkinctl printers.</translation>
    </message>
    <message>
        <source>saved as PDF files in %1 (set for this kiosk)</source>
        <translation>сохраняются как PDF-файлы в %1 (задано для этого терминала)</translation>
    </message>
    <message>
        <source>not printed on this kiosk</source>
        <translation>не печатаются на этом терминале</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>checkin::KioskStaff</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s) before staff mode locks for a while.</source>
        <translation>
            <numerusform>Неверный PIN-код. Осталась %n попытка, затем режим персонала будет временно заблокирован.</numerusform>
            <numerusform>Неверный PIN-код. Осталось %n попытки, затем режим персонала будет временно заблокирован.</numerusform>
            <numerusform>Неверный PIN-код. Осталось %n попыток, затем режим персонала будет временно заблокирован.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Staff mode is locked until %1.</source>
        <translation>Слишком много неверных PIN-кодов. Режим персонала заблокирован до %1.</translation>
    </message>
    <message>
        <source>Staff mode is not set up on this kiosk: run “checkinctl staff-pin set” first.</source>
        <translation>Режим персонала на этом терминале не настроен: сначала выполните «checkinctl staff-pin set».</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>Не удалось проверить PIN-код: %1</translation>
    </message>
</context>
<context>
    <name>checkin::StaffDashboard</name>
    <message>
        <source>The guest list could not be read: %1</source>
        <translation>Не удалось прочитать список гостей: %1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>Операция не выполнена: %1</translation>
    </message>
    <message>
        <source>A new badge for %1 is queued for printing.</source>
        <translation>Новый бейдж для гостя %1 поставлен в очередь печати.</translation>
    </message>
    <message>
        <source>A new agenda for %1 is queued for printing.</source>
        <translation>Новая программа для гостя %1 поставлена в очередь печати.</translation>
    </message>
    <message>
        <source>Today&apos;s check-in of %1 is annulled. They can scan again.</source>
        <translation>Сегодняшняя регистрация гостя %1 отменена. Приглашение можно отсканировать снова.</translation>
    </message>
    <message>
        <source>The invitation of %1 is revoked: this kiosk refuses it from now on.</source>
        <translation>Приглашение гостя %1 отозвано: с этого момента терминал будет его отклонять.</translation>
    </message>
    <message>
        <source>Report saved in %1: %2</source>
        <translation>Отчёт сохранён в %1: %2</translation>
    </message>
    <message>
        <source>This kiosk (%1)</source>
        <translation>Этот терминал (%1)</translation>
    </message>
    <message>
        <source>USB drive %1 (%2 free)</source>
        <translation>USB-накопитель %1 (свободно %2)</translation>
    </message>
</context>
</TS>
