<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>InvitationMail</name>
    <message>
        <source>Your invitation to the IETF Policymaker Program (%1)</source>
        <translation>Su invitación al Programa del IETF para responsables políticos (%1)</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Estimado/a %1:</translation>
    </message>
    <message>
        <source>You are invited to the IETF Policymaker Program at %1 (IETF %2) in %3, %4.</source>
        <translation>Le invitamos al Programa del IETF para responsables políticos de %1 (IETF %2), en %3, %4.</translation>
    </message>
    <message>
        <source>Your invitation is attached to this e-mail. Please bring it, printed or on your phone, and scan its QR code at the check-in kiosk when you arrive: your badge prints at once.</source>
        <translation>Adjuntamos su invitación. Tráigala, impresa o en su teléfono, y escanee su código QR en el quiosco de registro al llegar: su credencial se imprimirá en el acto.</translation>
    </message>
    <message>
        <source>Questions? Reply to this e-mail and it will reach %1.</source>
        <translation>¿Tiene preguntas? Responda a este correo y su mensaje llegará a %1.</translation>
    </message>
    <message>
        <source>Questions? Just reply to this e-mail.</source>
        <translation>¿Tiene preguntas? Basta con responder a este correo.</translation>
    </message>
    <message>
        <source>We look forward to welcoming you.</source>
        <translation>Esperamos darle la bienvenida.</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>Programa del IETF para responsables políticos</translation>
    </message>
</context>
</TS>
