<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgendaPdf</name>
    <message>
        <source>Personal agenda</source>
        <translation>Programme personnel</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>Programme IETF pour les décideurs politiques</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Vos sessions</translation>
    </message>
    <message>
        <source>Your sessions today</source>
        <translation>Vos sessions du jour</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>Votre session</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Jour %1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1 (suite)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>Times are in %1 local time (%2)</source>
        <translation>Horaires en heure locale de %1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>The programme has not been published yet</source>
        <translation>Le programme n’a pas encore été publié</translation>
    </message>
    <message>
        <source>The Policymaker Program staff at the registration desk have the latest schedule.</source>
        <translation>L’équipe du Programme pour les décideurs, à l’accueil, dispose du programme le plus récent.</translation>
    </message>
    <message>
        <source>No sessions have been scheduled for you yet.</source>
        <translation>Aucune session n’est encore prévue pour vous.</translation>
    </message>
    <message>
        <source>No sessions this day</source>
        <translation>Aucune session ce jour-là</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>Séance d’information</translation>
    </message>
    <message>
        <source>Roundtable</source>
        <translation>Table ronde</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation>Séance plénière</translation>
    </message>
    <message>
        <source>Social event</source>
        <translation>Événement convivial</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Groupe de travail</translation>
    </message>
    <message>
        <source>BoF (Birds of a Feather)</source>
        <translation>BoF (réunion exploratoire)</translation>
    </message>
    <message>
        <source>Research group</source>
        <translation>Groupe de recherche</translation>
    </message>
    <message>
        <source>Tutorial</source>
        <translation>Tutoriel</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Déjeuner</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Réception</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Dîner</translation>
    </message>
    <message>
        <source>Hackathon</source>
        <translation>Hackathon</translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation>Discours d’ouverture</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Side meeting</source>
        <translation>Réunion parallèle</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
</context>
</TS>
