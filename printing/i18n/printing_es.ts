<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AgendaPdf</name>
    <message>
        <source>Personal agenda</source>
        <translation>Agenda personal</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>Programa del IETF para responsables políticos</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Sus sesiones</translation>
    </message>
    <message>
        <source>Your sessions today</source>
        <translation>Sus sesiones de hoy</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>Su sesión</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Día %1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (continuación)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Times are in %1 local time (%2)</source>
        <translation>Horarios en hora local de %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>The programme has not been published yet</source>
        <translation>El programa aún no se ha publicado</translation>
    </message>
    <message>
        <source>The Policymaker Program staff at the registration desk have the latest schedule.</source>
        <translation>El equipo del Programa para responsables políticos, en el mostrador de registro, dispone del programa más reciente.</translation>
    </message>
    <message>
        <source>No sessions have been scheduled for you yet.</source>
        <translation>Todavía no tiene sesiones programadas.</translation>
    </message>
    <message>
        <source>No sessions this day</source>
        <translation>No hay sesiones este día</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Sesión informativa</translation>
    </message>
    <message>
        <source>Roundtable</source>
        <translation>Mesa redonda</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Sesión plenaria</translation>
    </message>
    <message>
        <source>Social event</source>
        <translation>Evento social</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Grupo de trabajo</translation>
    </message>
    <message>
        <source>BoF (Birds of a Feather)</source>
        <translation>BoF (reunión exploratoria)</translation>
    </message>
    <message>
        <source>Research group</source>
        <translation>Grupo de investigación</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>Tutorial</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Almuerzo</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Cena</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>Hackathon</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>Conferencia principal</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Taller</translation>
    </message>
    <message>
        <source>Side meeting</source>
        <translation>Reunión paralela</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
</context>
</TS>
