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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No invitation with you? Find your name instead</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestsPanel</name>
    <message>
        <source>Search by name, organisation or country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) listed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a guest in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) attended</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not arrived today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprint agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in of %1? They can scan again afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the invitation of %1? Their QR code will be refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annul: scanned by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annul: wrong person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not change anything</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Check in %1</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Отмена</translation>
    </message>
    <message>
        <source>Cancel and go back to scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your family or given name, in any alphabet. A staff member will confirm who you are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one found. Try fewer letters, or please see the staff desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please ask a staff member to confirm it is you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not me, back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff: confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member: confirm with your PIN</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (reprint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printers are ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting · %2 printed · %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock staff mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff dashboard sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing (needs attention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Arrived today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No programme today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived today: %1 of %2 expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) invited</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) revoked</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day %1, %2: %3 of %4 arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of expected guests who arrived</comment>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new badge for %1 is queued for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new agenda for %1 is queued for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today&apos;s check-in of %1 is annulled. They can scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation of %1 is revoked: this kiosk refuses it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kiosk (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USB drive %1 (%2 free)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
