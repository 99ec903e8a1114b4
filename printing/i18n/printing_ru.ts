<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AgendaPdf</name>
    <message>
        <source>Personal agenda</source>
        <translation>Личная программа</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>Программа IETF для политиков</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Ваши сессии</translation>
    </message>
    <message>
        <source>Your sessions today</source>
        <translation>Ваши сессии в этот день</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>Ваша сессия</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>День %1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (продолжение)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <source>Times are in %1 local time (%2)</source>
        <translation>Время указано местное: %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сессия</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>The programme has not been published yet</source>
        <translation>Программа ещё не опубликована</translation>
    </message>
    <message>
        <source>The Policymaker Program staff at the registration desk have the latest schedule.</source>
        <translation>Актуальное расписание можно получить у сотрудников программы для политиков на стойке регистрации.</translation>
    </message>
    <message>
        <source>No sessions have been scheduled for you yet.</source>
        <translation>Для вас пока не запланировано ни одной сессии.</translation>
    </message>
    <message>
        <source>No sessions this day</source>
        <translation>В этот день сессий нет</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Брифинг</translation>
    </message>
    <message>
        <source>Roundtable</source>
        <translation>Круглый стол</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Встреча</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Пленарное заседание</translation>
    </message>
    <message>
        <source>Social event</source>
        <translation>Неформальное мероприятие</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Рабочая группа</translation>
    </message>
    <message>
        <source>BoF (Birds of a Feather)</source>
        <translation>BoF (организационное собрание)</translation>
    </message>
    <message>
        <source>Research group</source>
        <translation>Исследовательская группа</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>Учебное занятие</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Перерыв</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Обед</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Приём</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Ужин</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>Хакатон</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>Основной доклад</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Семинар</translation>
    </message>
    <message>
        <source>Side meeting</source>
        <translation>Параллельная встреча</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
</context>
</TS>
