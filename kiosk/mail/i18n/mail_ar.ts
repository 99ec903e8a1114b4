<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>InvitationMail</name>
    <message>
        <source>Your invitation to the IETF Policymaker Program (%1)</source>
        <translation>دعوتك إلى برنامج IETF لصانعي السياسات (%1)</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>مرحبًا %1،</translation>
    </message>
    <message>
        <source>You are invited to the IETF Policymaker Program at %1 (IETF %2) in %3, %4.</source>
        <translation>يسرّنا دعوتك إلى برنامج IETF لصانعي السياسات خلال %1 (IETF %2) في %3، %4.</translation>
    </message>
    <message>
        <source>Your invitation is attached to this e-mail. Please bring it, printed or on your phone, and scan its QR code at the check-in kiosk when you arrive: your badge prints at once.</source>
        <translation>دعوتك مرفقة بهذه الرسالة. يُرجى إحضارها مطبوعةً أو على هاتفك، ومسح رمز QR الخاص بها في كشك تسجيل الوصول عند وصولك، فتُطبع شارتك على الفور.</translation>
    </message>
    <message>
        <source>Questions? Reply to this e-mail and it will reach %1.</source>
        <translation>هل لديك أسئلة؟ ردّ على هذه الرسالة وسيصل ردّك إلى %1.</translation>
    </message>
    <message>
        <source>Questions? Just reply to this e-mail.</source>
        <translation>هل لديك أسئلة؟ يكفي أن تردّ على هذه الرسالة.</translation>
    </message>
    <message>
        <source>We look forward to welcoming you.</source>
        <translation>نتطلع إلى الترحيب بك.</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>برنامج IETF لصانعي السياسات</translation>
    </message>
</context>
</TS>
