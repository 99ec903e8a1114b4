<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InvitationMail</name>
    <message>
        <source>Your invitation to the IETF Policymaker Program (%1)</source>
        <translation>您的 IETF 政策制定者项目邀请函（%1）</translation>
    </message>
    <message>
        <source>Dear %1,</source>
        <translation>尊敬的%1：</translation>
    </message>
    <message>
        <source>You are invited to the IETF Policymaker Program at %1 (IETF %2) in %3, %4.</source>
        <translation>诚邀您参加 %1（IETF %2）期间在%3举行的 IETF 政策制定者项目，日期为 %4。</translation>
    </message>
    <message>
        <source>Your invitation is attached to this e-mail. Please bring it, printed or on your phone, and scan its QR code at the check-in kiosk when you arrive: your badge prints at once.</source>
        <translation>邀请函已附在本邮件中。请携带邀请函（打印件或手机上的电子版均可），抵达时在签到机上扫描其二维码，您的胸牌将立即打印。</translation>
    </message>
    <message>
        <source>Questions? Reply to this e-mail and it will reach %1.</source>
        <translation>如有疑问，请回复本邮件，您的回复将发送至 %1。</translation>
    </message>
    <message>
        <source>Questions? Just reply to this e-mail.</source>
        <translation>如有疑问，请直接回复本邮件。</translation>
    </message>
    <message>
        <source>We look forward to welcoming you.</source>
        <translation>期待您的光临。</translation>
    </message>
    <message>
        <source>IETF Policymaker Program</source>
        <translation>IETF 政策制定者项目</translation>
    </message>
</context>
</TS>
