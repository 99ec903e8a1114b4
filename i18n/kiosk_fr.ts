<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Badge and agenda printers need attention</source>
        <translation>Les imprimantes de badges et de programmes nécessitent une intervention</translation>
    </message>
    <message>
        <source>Badge printer needs attention</source>
        <translation>L’imprimante de badges nécessite une intervention</translation>
    </message>
    <message>
        <source>Agenda printer needs attention</source>
        <translation>L’imprimante de programmes nécessite une intervention</translation>
    </message>
    <message>
        <source>Scan your invitation</source>
        <translation>Scannez votre invitation</translation>
    </message>
    <message>
        <source>Hold the QR code on your invitation letter or badge under the scanner.</source>
        <translation>Placez le code QR de votre lettre d’invitation ou de votre badge sous le lecteur.</translation>
    </message>
    <message>
        <source>Using the handheld scanner? Point it at the code and press the trigger.</source>
        <translation>Vous utilisez le lecteur portatif&#xa0;? Dirigez-le vers le code et appuyez sur la gâchette.</translation>
    </message>
    <message>
        <source>Need help? Please see the staff desk.</source>
        <translation>Besoin d’aide&#xa0;? Veuillez vous adresser au comptoir d’accueil.</translation>
    </message>
    <message>
        <source>This kiosk cannot check anyone in right now. Please see the staff desk.</source>
        <translation>Cette borne ne peut enregistrer personne pour le moment. Veuillez vous adresser au comptoir d’accueil.</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Borne %1</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name</source>
        <translation>Pas d’invitation sur vous&#xa0;? Recherchez votre nom</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name instead</source>
        <translation>Vous n’avez pas votre invitation&#xa0;? Recherchez plutôt votre nom</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>Policymaker Program</source>
        <translation>Programme pour les décideurs politiques</translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>Invitation revoked</source>
        <translation>Invitation révoquée</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>Arrivée à %1</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
</context>
<context>
    <name>GuestsPanel</name>
    <message>
        <source>Search by name, organisation or country</source>
        <translation>Rechercher par nom, organisation ou pays</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>Rechercher des invités</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation>Arrivés aujourd’hui</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Pas encore arrivés</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) listed</source>
        <translation>
            <numerusform>%n invité affiché</numerusform>
            <numerusform>%n invités affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Invités</translation>
    </message>
    <message>
        <source>Choose a guest in the list.</source>
        <translation>Choisissez un invité dans la liste.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) attended</source>
        <translation>
            <numerusform>%n jour de présence</numerusform>
            <numerusform>%n jours de présence</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation revoked</source>
        <translation>Invitation révoquée</translation>
    </message>
    <message>
        <source>Arrived today at %1</source>
        <translation>Arrivée aujourd’hui à %1</translation>
    </message>
    <message>
        <source>Not arrived today</source>
        <translation>Aucune arrivée aujourd’hui</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>Réimprimer le badge</translation>
    </message>
    <message>
        <source>Reprint agenda</source>
        <translation>Réimprimer le programme</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in</source>
        <translation>Annuler l’enregistrement du jour</translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>Révoquer l’invitation</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in of %1? They can scan again afterwards.</source>
        <translation>Annuler l’enregistrement du jour de %1&#xa0;? Cette personne pourra ensuite scanner à nouveau.</translation>
    </message>
    <message>
        <source>Revoke the invitation of %1? Their QR code will be refused from now on.</source>
        <translation>Révoquer l’invitation de %1&#xa0;? Son code QR sera désormais refusé.</translation>
    </message>
    <message>
        <source>Annul: scanned by mistake</source>
        <translation>Annuler&#xa0;: scanné par erreur</translation>
    </message>
    <message>
        <source>Annul: wrong person</source>
        <translation>Annuler&#xa0;: mauvaise personne</translation>
    </message>
    <message>
        <source>Revoke the invitation</source>
        <translation>Révoquer l’invitation</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>Do not change anything</source>
        <translation>Ne rien modifier</translation>
    </message>
    <message>
        <source>Arrived today at %1 at kiosk %2</source>
        <translation>Arrivée aujourd’hui à %1 à la borne %2</translation>
    </message>
    <message>
        <source>Checked in at kiosk %1: annul it there.</source>
        <translation>Enregistrement fait à la borne %1&#xa0;: annulez-le là-bas.</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Check in %1</source>
        <translation>Enregistrer l’arrivée de %1</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>Est-ce bien vous&#xa0;?</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>Recherchez votre nom</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel and go back to scanning</source>
        <translation>Annuler et revenir à la lecture du code</translation>
    </message>
    <message>
        <source>Type your family or given name, in any alphabet. A staff member will confirm who you are.</source>
        <translation>Saisissez votre nom ou votre prénom, dans n’importe quel alphabet. Un membre du personnel confirmera votre identité.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Search for your name</source>
        <translation>Rechercher votre nom</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personnes trouvées</translation>
    </message>
    <message>
        <source>No one found. Try fewer letters, or please see the staff desk.</source>
        <translation>Personne n’a été trouvé. Essayez avec moins de lettres, ou adressez-vous au comptoir d’accueil.</translation>
    </message>
    <message>
        <source>Please ask a staff member to confirm it is you.</source>
        <translation>Veuillez demander à un membre du personnel de confirmer votre identité.</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>Ce n’est pas moi</translation>
    </message>
    <message>
        <source>Not me, back to the list</source>
        <translation>Ce n’est pas moi, revenir à la liste</translation>
    </message>
    <message>
        <source>Staff: confirm</source>
        <translation>Personnel&#xa0;: confirmer</translation>
    </message>
    <message>
        <source>Staff member: confirm with your PIN</source>
        <translation>Membre du personnel&#xa0;: confirmez avec votre code PIN</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>IETF check-in</source>
        <translation>Enregistrement IETF</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Bon retour parmi nous</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>Votre arrivée est déjà enregistrée</translation>
    </message>
    <message>
        <source>This invitation is no longer valid</source>
        <translation>Cette invitation n’est plus valable</translation>
    </message>
    <message>
        <source>This invitation is for another meeting</source>
        <translation>Cette invitation concerne une autre réunion</translation>
    </message>
    <message>
        <source>Check-in is not open today</source>
        <translation>L’enregistrement n’est pas ouvert aujourd’hui</translation>
    </message>
    <message>
        <source>We could not verify this invitation</source>
        <translation>Nous n’avons pas pu vérifier cette invitation</translation>
    </message>
    <message>
        <source>We could not find this invitation</source>
        <translation>Nous n’avons pas trouvé cette invitation</translation>
    </message>
    <message>
        <source>This code is not an invitation</source>
        <translation>Ce code n’est pas une invitation</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>Veuillez nous excuser, une erreur s’est produite</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing…</source>
        <translation>Votre badge et votre programme sont en cours d’impression…</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>Votre badge est en cours d’impression…</translation>
    </message>
    <message>
        <source>Your agenda is printing…</source>
        <translation>Votre programme est en cours d’impression…</translation>
    </message>
    <message>
        <source>Your badge and agenda are ready at the printer.</source>
        <translation>Votre badge et votre programme vous attendent à l’imprimante.</translation>
    </message>
    <message>
        <source>Your badge is ready at the printer.</source>
        <translation>Votre badge vous attend à l’imprimante.</translation>
    </message>
    <message>
        <source>Your agenda is ready at the printer.</source>
        <translation>Votre programme vous attend à l’imprimante.</translation>
    </message>
    <message>
        <source>There is a problem with the printer. Staff have been alerted; please see the staff desk.</source>
        <translation>L’imprimante rencontre un problème. Le personnel a été prévenu&#xa0;; veuillez vous adresser au comptoir d’accueil.</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing.</source>
        <translation>Votre badge et votre programme sont en cours d’impression.</translation>
    </message>
    <message>
        <source>Your badge was printed at your first check-in.</source>
        <translation>Votre badge a été imprimé lors de votre premier enregistrement.</translation>
    </message>
    <message>
        <source>Day %1 — your attendance is recorded.</source>
        <translation>Jour %1 — votre présence est enregistrée.</translation>
    </message>
    <message>
        <source>You checked in today at %1.</source>
        <translation>Votre arrivée a été enregistrée aujourd’hui à %1.</translation>
    </message>
    <message>
        <source>You checked in earlier today.</source>
        <translation>Votre arrivée a déjà été enregistrée aujourd’hui.</translation>
    </message>
    <message>
        <source>It has been withdrawn and cannot be used to check in.</source>
        <translation>Elle a été annulée et ne permet plus de s’enregistrer.</translation>
    </message>
    <message>
        <source>It was issued for IETF %1. This kiosk checks in guests of %2.</source>
        <translation>Elle a été émise pour l’IETF %1. Cette borne enregistre les invités de %2.</translation>
    </message>
    <message>
        <source>This kiosk checks in guests of %1.</source>
        <translation>Cette borne enregistre les invités de %1.</translation>
    </message>
    <message>
        <source>The Policymaker Program runs %1.</source>
        <translation>Dates du Programme pour les décideurs politiques&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The code may be damaged or altered.</source>
        <translation>Le code est peut-être endommagé ou modifié.</translation>
    </message>
    <message>
        <source>It is not on this kiosk&apos;s guest list.</source>
        <translation>Elle ne figure pas sur la liste des invités de cette borne.</translation>
    </message>
    <message>
        <source>It may be a different QR code, or it was not read completely.</source>
        <translation>Il s’agit peut-être d’un autre code QR, ou il n’a pas été lu entièrement.</translation>
    </message>
    <message>
        <source>Your check-in could not be recorded.</source>
        <translation>Votre enregistrement n’a pas pu être effectué.</translation>
    </message>
    <message>
        <source>Please collect it from the printer.</source>
        <translation>Veuillez le récupérer à l’imprimante.</translation>
    </message>
    <message>
        <source>Please collect them from the printer.</source>
        <translation>Veuillez les récupérer à l’imprimante.</translation>
    </message>
    <message>
        <source>If you need a new one, please see the staff desk.</source>
        <translation>Si vous avez besoin d’un nouveau badge, veuillez vous adresser au comptoir d’accueil.</translation>
    </message>
    <message>
        <source>Enjoy the day.</source>
        <translation>Nous vous souhaitons une excellente journée.</translation>
    </message>
    <message>
        <source>There is no need to scan again.</source>
        <translation>Il n’est pas nécessaire de scanner à nouveau.</translation>
    </message>
    <message>
        <source>Please scan the QR code on your invitation letter or badge.</source>
        <translation>Veuillez scanner le code QR de votre lettre d’invitation ou de votre badge.</translation>
    </message>
    <message>
        <source>Please see the staff desk. We will help you straight away.</source>
        <translation>Veuillez vous adresser au comptoir d’accueil. Nous vous aiderons immédiatement.</translation>
    </message>
    <message>
        <source>For staff: %1</source>
        <translation>Pour le personnel&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your badge and agenda are being prepared…</source>
        <translation>Votre badge et votre programme sont en préparation…</translation>
    </message>
    <message>
        <source>Your badge is being prepared…</source>
        <translation>Votre badge est en préparation…</translation>
    </message>
    <message>
        <source>Your agenda is being prepared…</source>
        <translation>Votre programme est en préparation…</translation>
    </message>
    <message>
        <source>Your badge and agenda have been prepared.</source>
        <translation>Votre badge et votre programme sont prêts.</translation>
    </message>
    <message>
        <source>Your badge has been prepared.</source>
        <translation>Votre badge est prêt.</translation>
    </message>
    <message>
        <source>Your agenda has been prepared.</source>
        <translation>Votre programme est prêt.</translation>
    </message>
    <message>
        <source>Staff will hand it to you.</source>
        <translation>Un membre de l’équipe vous le remettra.</translation>
    </message>
    <message>
        <source>Staff will hand them to you.</source>
        <translation>Un membre de l’équipe vous les remettra.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>Code PIN du personnel</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n chiffre saisi</numerusform>
            <numerusform>%n chiffres saisis</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>Effacer tous les chiffres</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Effacer le dernier chiffre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Staff confirmation</source>
        <translation>Confirmation par le personnel</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impression en cours</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imprimé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>%1 (reprint)</source>
        <translation>%1 (réimpression)</translation>
    </message>
    <message>
        <source>Printers are ready.</source>
        <translation>Les imprimantes sont prêtes.</translation>
    </message>
    <message>
        <source>%1 waiting · %2 printed · %3 failed</source>
        <translation>%1 en attente · %2 imprimés · %3 en échec</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>File d’impression</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>Rien n’a encore été imprimé.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>This kiosk does not print: badges and agendas wait in the queue for a print station.</source>
        <translation>Cette borne n’imprime pas&#xa0;: badges et programmes attendent dans la file d’un poste d’impression.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.</source>
        <translation>Le rapport de présence répertorie chaque invité et chaque journée du programme avec les heures d’arrivée, les totaux par jour et une ligne de signature pour les sponsors du programme. Il est enregistré sous forme de fichier CSV et de fichier PDF.</translation>
    </message>
    <message>
        <source>Save it to:</source>
        <translation>Enregistrer dans&#xa0;:</translation>
    </message>
    <message>
        <source>Save the report to %1</source>
        <translation>Enregistrer le rapport dans %1</translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation>Rechercher à nouveau les clés USB</translation>
    </message>
</context>
<context>
    <name>StaffHome</name>
    <message>
        <source>Staff mode</source>
        <translation>Mode personnel</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>%1 · day %2</source>
        <translation>%1 · jour %2</translation>
    </message>
    <message>
        <source>Lock staff mode</source>
        <translation>Verrouiller le mode personnel</translation>
    </message>
    <message>
        <source>Staff dashboard sections</source>
        <translation>Sections du tableau de bord du personnel</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Invités</translation>
    </message>
    <message>
        <source>Printing (needs attention)</source>
        <translation>Impression (intervention requise)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Arrived today</source>
        <translation>Arrivées aujourd’hui</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>No programme today</source>
        <translation>Pas de programme aujourd’hui</translation>
    </message>
    <message>
        <source>Arrived today: %1 of %2 expected</source>
        <translation>Arrivées aujourd’hui&#xa0;: %1 sur %2 attendus</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) invited</source>
        <translation>
            <numerusform>%n invité</numerusform>
            <numerusform>%n invités</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) revoked</source>
        <translation>
            <numerusform>%n invitation révoquée</numerusform>
            <numerusform>%n invitations révoquées</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>Les chiffres n’ont pas pu être lus&#xa0;: %1</translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation>Présence par jour</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendus</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrivés</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Day %1, %2: %3 of %4 arrived</source>
        <translation>Jour %1, %2&#xa0;: %3 arrivés sur %4</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of expected guests who arrived</comment>
        <translation>%1&#x202f;%</translation>
    </message>
    <message>
        <source>Venue database: online, last sync %1.</source>
        <translation>Base de données du site&#xa0;: en ligne, dernière synchronisation à %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n enregistrement en attente d’envoi.</numerusform>
            <numerusform>%n enregistrements en attente d’envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue database unreachable: %1. Check-ins continue on this kiosk and are sent when it is back.</source>
        <translation>Base de données du site injoignable&#xa0;: %1. Les enregistrements continuent sur cette borne et seront envoyés dès son retour.</translation>
    </message>
    <message>
        <source>Printed twice (two kiosks were offline): %1</source>
        <translation>Imprimé deux fois (deux bornes étaient hors ligne)&#xa0;: %1</translation>
    </message>
    <message>
        <source>Every kiosk at the venue (venue database).</source>
        <translation>Toutes les bornes du site (base de données du site).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s check-ins only: the venue database could not be read (%1).</source>
        <translation>Enregistrements de cette borne uniquement&#xa0;: la base de données du site n’a pas pu être lue (%1).</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <source>Checking your invitation…</source>
        <translation>Vérification de votre invitation…</translation>
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
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (the CUPS default printer)</source>
        <translation>Imprimante CUPS « %1 » (l’imprimante CUPS par défaut)</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (set for this kiosk)</source>
        <translation>Imprimante CUPS « %1 » (définie pour cette borne)</translation>
    </message>
    <message>
        <source>no printer: saved as PDF files in %1. To print, set a CUPS default printer (lpadmin -d QUEUE) or use checkinctl printers.</source>
        <translation>aucune imprimante : enregistrés en fichiers PDF dans %1. Pour imprimer, définissez une imprimante CUPS par défaut (lpadmin -d QUEUE) ou utilisez checkinctl printers.</translation>
    </message>
    <message>
        <source>saved as PDF files in %1 (set for this kiosk)</source>
        <translation>enregistrés en fichiers PDF dans %1 (défini pour cette borne)</translation>
    </message>
    <message>
        <source>not printed on this kiosk</source>
        <translation>non imprimés sur cette borne</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>checkin::KioskStaff</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s) before staff mode locks for a while.</source>
        <translation>
            <numerusform>Code PIN erroné. Encore %n tentative avant le verrouillage temporaire du mode personnel.</numerusform>
            <numerusform>Code PIN erroné. Encore %n tentatives avant le verrouillage temporaire du mode personnel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Staff mode is locked until %1.</source>
        <translation>Trop de codes PIN erronés. Le mode personnel est verrouillé jusqu’à %1.</translation>
    </message>
    <message>
        <source>Staff mode is not set up on this kiosk: run “checkinctl staff-pin set” first.</source>
        <translation>Le mode personnel n’est pas configuré sur cette borne&#xa0;: exécutez d’abord «&#xa0;checkinctl staff-pin set&#xa0;».</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>Le code PIN n’a pas pu être vérifié&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>checkin::StaffDashboard</name>
    <message>
        <source>The guest list could not be read: %1</source>
        <translation>La liste des invités n’a pas pu être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>L’opération a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>A new badge for %1 is queued for printing.</source>
        <translation>Un nouveau badge pour %1 a été ajouté à la file d’impression.</translation>
    </message>
    <message>
        <source>A new agenda for %1 is queued for printing.</source>
        <translation>Un nouveau programme pour %1 a été ajouté à la file d’impression.</translation>
    </message>
    <message>
        <source>Today&apos;s check-in of %1 is annulled. They can scan again.</source>
        <translation>L’enregistrement du jour de %1 est annulé. Cette personne peut scanner à nouveau.</translation>
    </message>
    <message>
        <source>The invitation of %1 is revoked: this kiosk refuses it from now on.</source>
        <translation>L’invitation de %1 est révoquée&#xa0;: cette borne la refusera désormais.</translation>
    </message>
    <message>
        <source>Report saved in %1: %2</source>
        <translation>Rapport enregistré dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>This kiosk (%1)</source>
        <translation>Cette borne (%1)</translation>
    </message>
    <message>
        <source>USB drive %1 (%2 free)</source>
        <translation>Clé USB %1 (%2 libres)</translation>
    </message>
</context>
</TS>
