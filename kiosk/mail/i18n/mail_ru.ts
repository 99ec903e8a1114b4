<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>InvitationMail</name>
    <message>
        <source>Your invitation to the IETF Policymaker Program (%1)</source>
        <translation>Ваше приглашение на Программу IETF для политиков (%1)</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>Здравствуйте, %1!</translation>
    </message>
    <message>
        <source>You are invited to the IETF Policymaker Program at %1 (IETF %2) in %3, %4.</source>
        <translation>Приглашаем вас на Программу IETF для политиков в рамках %1 (IETF %2), %3, %4.</translation>
    </message>
    <message>
        <source>Your invitation is attached to this e-mail. Please bring it, printed or on your phone, and scan its QR code at the check-in kiosk when you arrive: your badge prints at once.</source>
        <translation>Приглашение приложено к этому письму. Возьмите его с собой — распечатанным или на телефоне — и по прибытии отсканируйте его QR-код на стойке регистрации: бейдж будет напечатан сразу.</translation>
    </message>
    <message>
        <source>Questions? Reply to this e-mail and it will reach %1.</source>
        <translation>Есть вопросы? Ответьте на это письмо — ваш ответ получит %1.</translation>
    </message>
    <message>
        <source>Questions? Just reply to this e-mail.</source>
        <translation>Есть вопросы? Просто ответьте на это письмо.</translation>
    </message>
    <message>
        <source>We look forward to welcoming you.</source>
        <translation>Будем рады вас видеть.</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>Программа IETF для политиков</translation>
    </message>
</context>
</TS>
