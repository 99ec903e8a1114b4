<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>InvitationMail</name>
    <message>
        <source>Your invitation to the IETF Policymaker Program (%1)</source>
        <translation>Votre invitation au Programme IETF pour les décideurs politiques (%1)</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Bonjour %1,</translation>
    </message>
    <message>
        <source>You are invited to the IETF Policymaker Program at %1 (IETF %2) in %3, %4.</source>
        <translation>Vous êtes invité(e) au Programme IETF pour les décideurs politiques de %1 (IETF %2), à %3, %4.</translation>
    </message>
    <message>
        <source>Your invitation is attached to this e-mail. Please bring it, printed or on your phone, and scan its QR code at the check-in kiosk when you arrive: your badge prints at once.</source>
        <translation>Votre invitation est jointe à ce courriel. Apportez-la, imprimée ou sur votre téléphone, et scannez son code QR à la borne d’enregistrement à votre arrivée : votre badge s’imprime aussitôt.</translation>
    </message>
    <message>
        <source>Questions? Reply to this e-mail and it will reach %1.</source>
        <translation>Des questions ? Répondez à ce courriel ; votre réponse parviendra à %1.</translation>
    </message>
    <message>
        <source>Questions? Just reply to this e-mail.</source>
        <translation>Des questions ? Répondez simplement à ce courriel.</translation>
    </message>
    <message>
        <source>We look forward to welcoming you.</source>
        <translation>Au plaisir de vous accueillir.</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>Programme IETF pour les décideurs politiques</translation>
    </message>
</context>
</TS>
