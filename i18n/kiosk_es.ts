<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Badge and agenda printers need attention</source>
        <translation>Las impresoras de credenciales y de agendas requieren atención</translation>
    </message>
    <message>
        <source>Badge printer needs attention</source>
        <translation>La impresora de credenciales requiere atención</translation>
    </message>
    <message>
        <source>Agenda printer needs attention</source>
        <translation>La impresora de agendas requiere atención</translation>
    </message>
    <message>
        <source>Scan your invitation</source>
        <translation>Escanee su invitación</translation>
    </message>
    <message>
        <source>Hold the QR code on your invitation letter or badge under the scanner.</source>
        <translation>Coloque el código QR de su carta de invitación o de su credencial bajo el lector.</translation>
    </message>
    <message>
        <source>Using the handheld scanner? Point it at the code and press the trigger.</source>
        <translation>¿Utiliza el lector de mano? Apúntelo hacia el código y pulse el gatillo.</translation>
    </message>
    <message>
        <source>Need help? Please see the staff desk.</source>
        <translation>¿Necesita ayuda? Diríjase al mostrador del personal.</translation>
    </message>
    <message>
        <source>This kiosk cannot check anyone in right now. Please see the staff desk.</source>
        <translation>Este quiosco no puede registrar a nadie en este momento. Diríjase al mostrador del personal.</translation>
    </message>
    <message>
        <source>Kiosk %1</source>
        <translation>Quiosco %1</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name</source>
        <translation>¿No tiene su invitación? Busque su nombre</translation>
    </message>
    <message>
        <source>No invitation with you? Find your name instead</source>
        <translation>¿No tiene su invitación? En su lugar, busque su nombre</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>Policymaker Program</source>
        <translation>Programa para responsables políticos</translation>
    </message>
</context>
<context>
    <name>GuestRow</name>
    <message>
        <source>Invitation revoked</source>
        <translation>Invitación revocada</translation>
    </message>
    <message>
        <source>Arrived %1</source>
        <translation>Llegó a las %1</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Aún no</translation>
    </message>
</context>
<context>
    <name>GuestsPanel</name>
    <message>
        <source>Search by name, organisation or country</source>
        <translation>Buscar por nombre, organización o país</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>Buscar invitados</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Arrived today</source>
        <translation>Llegaron hoy</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Aún no han llegado</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) listed</source>
        <translation>
            <numerusform>%n invitado en la lista</numerusform>
            <numerusform>%n invitados en la lista</numerusform>
        </translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Invitados</translation>
    </message>
    <message>
        <source>Choose a guest in the list.</source>
        <translation>Elija un invitado de la lista.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) attended</source>
        <translation>
            <numerusform>%n día de asistencia</numerusform>
            <numerusform>%n días de asistencia</numerusform>
        </translation>
    </message>
    <message>
        <source>Invitation revoked</source>
        <translation>Invitación revocada</translation>
    </message>
    <message>
        <source>Arrived today at %1</source>
        <translation>Llegó hoy a las %1</translation>
    </message>
    <message>
        <source>Not arrived today</source>
        <translation>No ha llegado hoy</translation>
    </message>
    <message>
        <source>Reprint badge</source>
        <translation>Reimprimir credencial</translation>
    </message>
    <message>
        <source>Reprint agenda</source>
        <translation>Reimprimir agenda</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in</source>
        <translation>Anular el registro de hoy</translation>
    </message>
    <message>
        <source>Revoke invitation</source>
        <translation>Revocar la invitación</translation>
    </message>
    <message>
        <source>Annul today&apos;s check-in of %1? They can scan again afterwards.</source>
        <translation>¿Anular el registro de hoy de %1? Después podrá volver a escanear.</translation>
    </message>
    <message>
        <source>Revoke the invitation of %1? Their QR code will be refused from now on.</source>
        <translation>¿Revocar la invitación de %1? A partir de ahora se rechazará su código QR.</translation>
    </message>
    <message>
        <source>Annul: scanned by mistake</source>
        <translation>Anular: escaneo por error</translation>
    </message>
    <message>
        <source>Annul: wrong person</source>
        <translation>Anular: persona equivocada</translation>
    </message>
    <message>
        <source>Revoke the invitation</source>
        <translation>Revocar la invitación</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <source>Do not change anything</source>
        <translation>No cambiar nada</translation>
    </message>
    <message>
        <source>Arrived today at %1 at kiosk %2</source>
        <translation>Llegó hoy a las %1 en el quiosco %2</translation>
    </message>
    <message>
        <source>Checked in at kiosk %1: annul it there.</source>
        <translation>Registrado en el quiosco %1: anúlelo allí.</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Check in %1</source>
        <translation>Registrar la llegada de %1</translation>
    </message>
</context>
<context>
    <name>LanguagePicker</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>¿Es usted?</translation>
    </message>
    <message>
        <source>Find your name</source>
        <translation>Busque su nombre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel and go back to scanning</source>
        <translation>Cancelar y volver al escaneo</translation>
    </message>
    <message>
        <source>Type your family or given name, in any alphabet. A staff member will confirm who you are.</source>
        <translation>Escriba su apellido o su nombre, en cualquier alfabeto. Un miembro del personal confirmará su identidad.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Search for your name</source>
        <translation>Buscar su nombre</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Personas encontradas</translation>
    </message>
    <message>
        <source>No one found. Try fewer letters, or please see the staff desk.</source>
        <translation>No se ha encontrado a nadie. Pruebe con menos letras o diríjase al mostrador del personal.</translation>
    </message>
    <message>
        <source>Please ask a staff member to confirm it is you.</source>
        <translation>Pida a un miembro del personal que confirme su identidad, por favor.</translation>
    </message>
    <message>
        <source>Not me</source>
        <translation>No soy yo</translation>
    </message>
    <message>
        <source>Not me, back to the list</source>
        <translation>No soy yo, volver a la lista</translation>
    </message>
    <message>
        <source>Staff: confirm</source>
        <translation>Personal: confirmar</translation>
    </message>
    <message>
        <source>Staff member: confirm with your PIN</source>
        <translation>Miembro del personal: confirme con su PIN</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>IETF check-in</source>
        <translation>Registro IETF</translation>
    </message>
</context>
<context>
    <name>OutcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Nos alegra verle de nuevo</translation>
    </message>
    <message>
        <source>You are already checked in</source>
        <translation>Su llegada ya está registrada</translation>
    </message>
    <message>
        <source>This invitation is no longer valid</source>
        <translation>Esta invitación ya no es válida</translation>
    </message>
    <message>
        <source>This invitation is for another meeting</source>
        <translation>Esta invitación corresponde a otra reunión</translation>
    </message>
    <message>
        <source>Check-in is not open today</source>
        <translation>El registro no está abierto hoy</translation>
    </message>
    <message>
        <source>We could not verify this invitation</source>
        <translation>No hemos podido verificar esta invitación</translation>
    </message>
    <message>
        <source>We could not find this invitation</source>
        <translation>No hemos encontrado esta invitación</translation>
    </message>
    <message>
        <source>This code is not an invitation</source>
        <translation>Este código no es una invitación</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>Disculpe, se ha producido un error</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing…</source>
        <translation>Se están imprimiendo su credencial y su agenda…</translation>
    </message>
    <message>
        <source>Your badge is printing…</source>
        <translation>Se está imprimiendo su credencial…</translation>
    </message>
    <message>
        <source>Your agenda is printing…</source>
        <translation>Se está imprimiendo su agenda…</translation>
    </message>
    <message>
        <source>Your badge and agenda are ready at the printer.</source>
        <translation>Su credencial y su agenda están listas en la impresora.</translation>
    </message>
    <message>
        <source>Your badge is ready at the printer.</source>
        <translation>Su credencial está lista en la impresora.</translation>
    </message>
    <message>
        <source>Your agenda is ready at the printer.</source>
        <translation>Su agenda está lista en la impresora.</translation>
    </message>
    <message>
        <source>There is a problem with the printer. Staff have been alerted; please see the staff desk.</source>
        <translation>Hay un problema con la impresora. Se ha avisado al personal; diríjase al mostrador del personal.</translation>
    </message>
    <message>
        <source>Your badge and agenda are printing.</source>
        <translation>Se están imprimiendo su credencial y su agenda.</translation>
    </message>
    <message>
        <source>Your badge was printed at your first check-in.</source>
        <translation>Su credencial se imprimió en su primer registro.</translation>
    </message>
    <message>
        <source>Day %1 — your attendance is recorded.</source>
        <translation>Día %1: su asistencia ha quedado registrada.</translation>
    </message>
    <message>
        <source>You checked in today at %1.</source>
        <translation>Su registro de hoy se realizó a las %1.</translation>
    </message>
    <message>
        <source>You checked in earlier today.</source>
        <translation>Ya se registró hoy más temprano.</translation>
    </message>
    <message>
        <source>It has been withdrawn and cannot be used to check in.</source>
        <translation>Ha sido retirada y no puede utilizarse para registrarse.</translation>
    </message>
    <message>
        <source>It was issued for IETF %1. This kiosk checks in guests of %2.</source>
        <translation>Se emitió para el IETF %1. Este quiosco registra a los invitados de %2.</translation>
    </message>
    <message>
        <source>This kiosk checks in guests of %1.</source>
        <translation>Este quiosco registra a los invitados de %1.</translation>
    </message>
    <message>
        <source>The Policymaker Program runs %1.</source>
        <translation>Fechas del Programa para responsables políticos: %1.</translation>
    </message>
    <message>
        <source>The code may be damaged or altered.</source>
        <translation>Es posible que el código esté dañado o alterado.</translation>
    </message>
    <message>
        <source>It is not on this kiosk&apos;s guest list.</source>
        <translation>No figura en la lista de invitados de este quiosco.</translation>
    </message>
    <message>
        <source>It may be a different QR code, or it was not read completely.</source>
        <translation>Puede que se trate de otro código QR o que no se haya leído por completo.</translation>
    </message>
    <message>
        <source>Your check-in could not be recorded.</source>
        <translation>No se ha podido registrar su llegada.</translation>
    </message>
    <message>
        <source>Please collect it from the printer.</source>
        <translation>Recójala en la impresora, por favor.</translation>
    </message>
    <message>
        <source>Please collect them from the printer.</source>
        <translation>Recójalas en la impresora, por favor.</translation>
    </message>
    <message>
        <source>If you need a new one, please see the staff desk.</source>
        <translation>Si necesita una nueva, diríjase al mostrador del personal.</translation>
    </message>
    <message>
        <source>Enjoy the day.</source>
        <translation>Le deseamos un excelente día.</translation>
    </message>
    <message>
        <source>There is no need to scan again.</source>
        <translation>No es necesario volver a escanear.</translation>
    </message>
    <message>
        <source>Please scan the QR code on your invitation letter or badge.</source>
        <translation>Escanee el código QR de su carta de invitación o de su credencial, por favor.</translation>
    </message>
    <message>
        <source>Please see the staff desk. We will help you straight away.</source>
        <translation>Diríjase al mostrador del personal. Le atenderemos de inmediato.</translation>
    </message>
    <message>
        <source>For staff: %1</source>
        <translation>Para el personal: %1</translation>
    </message>
    <message>
        <source>Your badge and agenda are being prepared…</source>
        <translation>Se están preparando su credencial y su agenda…</translation>
    </message>
    <message>
        <source>Your badge is being prepared…</source>
        <translation>Se está preparando su credencial…</translation>
    </message>
    <message>
        <source>Your agenda is being prepared…</source>
        <translation>Se está preparando su agenda…</translation>
    </message>
    <message>
        <source>Your badge and agenda have been prepared.</source>
        <translation>Su credencial y su agenda están preparadas.</translation>
    </message>
    <message>
        <source>Your badge has been prepared.</source>
        <translation>Su credencial está preparada.</translation>
    </message>
    <message>
        <source>Your agenda has been prepared.</source>
        <translation>Su agenda está preparada.</translation>
    </message>
    <message>
        <source>Staff will hand it to you.</source>
        <translation>El personal se la entregará.</translation>
    </message>
    <message>
        <source>Staff will hand them to you.</source>
        <translation>El personal se las entregará.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n dígito introducido</numerusform>
            <numerusform>%n dígitos introducidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>⌫</source>
        <translation>⌫</translation>
    </message>
    <message>
        <source>Clear all digits</source>
        <translation>Borrar todos los dígitos</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Staff confirmation</source>
        <translation>Confirmación del personal</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimiendo</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Impreso</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Credencial</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>%1 (reprint)</source>
        <translation>%1 (reimpresión)</translation>
    </message>
    <message>
        <source>Printers are ready.</source>
        <translation>Las impresoras están listas.</translation>
    </message>
    <message>
        <source>%1 waiting · %2 printed · %3 failed</source>
        <translation>%1 en espera · %2 impresos · %3 fallidos</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Cola de impresión</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>Todavía no se ha impreso nada.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n intento</numerusform>
            <numerusform>%n intentos</numerusform>
        </translation>
    </message>
    <message>
        <source>This kiosk does not print: badges and agendas wait in the queue for a print station.</source>
        <translation>Este quiosco no imprime: las credenciales y las agendas esperan en la cola de un puesto de impresión.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.</source>
        <translation>El informe de asistencia incluye a cada invitado y cada día del programa con las horas de llegada, los totales por día y una línea de firma para los patrocinadores del programa. Se guarda como archivo CSV y como archivo PDF.</translation>
    </message>
    <message>
        <source>Save it to:</source>
        <translation>Guardarlo en:</translation>
    </message>
    <message>
        <source>Save the report to %1</source>
        <translation>Guardar el informe en %1</translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation>Volver a buscar unidades USB</translation>
    </message>
</context>
<context>
    <name>StaffHome</name>
    <message>
        <source>Staff mode</source>
        <translation>Modo de personal</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>%1 · day %2</source>
        <translation>%1 · día %2</translation>
    </message>
    <message>
        <source>Lock staff mode</source>
        <translation>Bloquear el modo de personal</translation>
    </message>
    <message>
        <source>Staff dashboard sections</source>
        <translation>Secciones del panel del personal</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Invitados</translation>
    </message>
    <message>
        <source>Printing (needs attention)</source>
        <translation>Impresión (requiere atención)</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Procesando…</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Arrived today</source>
        <translation>Llegadas de hoy</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>No programme today</source>
        <translation>Hoy no hay programa</translation>
    </message>
    <message>
        <source>Arrived today: %1 of %2 expected</source>
        <translation>Llegadas de hoy: %1 de %2 previstos</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) invited</source>
        <translation>
            <numerusform>%n invitado</numerusform>
            <numerusform>%n invitados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s) revoked</source>
        <translation>
            <numerusform>%n invitación revocada</numerusform>
            <numerusform>%n invitaciones revocadas</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures could not be read: %1</source>
        <translation>No se han podido leer las cifras: %1</translation>
    </message>
    <message>
        <source>Attendance by day</source>
        <translation>Asistencia por día</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Previstos</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegados</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Day %1, %2: %3 of %4 arrived</source>
        <translation>Día %1, %2: llegaron %3 de %4</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of expected guests who arrived</comment>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Venue database: online, last sync %1.</source>
        <translation>Base de datos de la sede: en línea, última sincronización a las %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n registro pendiente de envío.</numerusform>
            <numerusform>%n registros pendientes de envío.</numerusform>
        </translation>
    </message>
    <message>
        <source>Venue database unreachable: %1. Check-ins continue on this kiosk and are sent when it is back.</source>
        <translation>Base de datos de la sede inaccesible: %1. Los registros continúan en este quiosco y se enviarán cuando vuelva.</translation>
    </message>
    <message>
        <source>Printed twice (two kiosks were offline): %1</source>
        <translation>Impreso dos veces (dos quioscos estaban sin conexión): %1</translation>
    </message>
    <message>
        <source>Every kiosk at the venue (venue database).</source>
        <translation>Todos los quioscos de la sede (base de datos de la sede).</translation>
    </message>
    <message>
        <source>This kiosk&apos;s check-ins only: the venue database could not be read (%1).</source>
        <translation>Solo los registros de este quiosco: no se pudo leer la base de datos de la sede (%1).</translation>
    </message>
</context>
<context>
    <name>WorkingScreen</name>
    <message>
        <source>Checking your invitation…</source>
        <translation>Verificando su invitación…</translation>
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
        <translation>Agendas</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (the CUPS default printer)</source>
        <translation>Impresora CUPS «%1» (la impresora predeterminada de CUPS)</translation>
    </message>
    <message>
        <source>CUPS printer “%1” (set for this kiosk)</source>
        <translation>Impresora CUPS «%1» (configurada para este quiosco)</translation>
    </message>
    <message>
        <source>no printer: saved as PDF files in %1. To print, set a CUPS default printer (lpadmin -d QUEUE) or use checkinctl printers.</source>
        <translation>sin impresora: se guardan como archivos PDF en %1. Para imprimir, configure una impresora predeterminada de CUPS (lpadmin -d QUEUE) o use checkinctl printers.</translation>
    </message>
    <message>
        <source>saved as PDF files in %1 (set for this kiosk)</source>
        <translation>se guardan como archivos PDF en %1 (configurado para este quiosco)</translation>
    </message>
    <message>
        <source>not printed on this kiosk</source>
        <translation>no se imprimen en este quiosco</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>checkin::KioskStaff</name>
    <message numerus="yes">
        <source>Wrong PIN. %n more attempt(s) before staff mode locks for a while.</source>
        <translation>
            <numerusform>PIN incorrecto. Queda %n intento antes de que el modo de personal se bloquee durante un tiempo.</numerusform>
            <numerusform>PIN incorrecto. Quedan %n intentos antes de que el modo de personal se bloquee durante un tiempo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Staff mode is locked until %1.</source>
        <translation>Demasiados PIN incorrectos. El modo de personal está bloqueado hasta las %1.</translation>
    </message>
    <message>
        <source>Staff mode is not set up on this kiosk: run “checkinctl staff-pin set” first.</source>
        <translation>El modo de personal no está configurado en este quiosco: ejecute primero «checkinctl staff-pin set».</translation>
    </message>
    <message>
        <source>The PIN could not be checked: %1</source>
        <translation>No se ha podido comprobar el PIN: %1</translation>
    </message>
</context>
<context>
    <name>checkin::StaffDashboard</name>
    <message>
        <source>The guest list could not be read: %1</source>
        <translation>No se ha podido leer la lista de invitados: %1</translation>
    </message>
    <message>
        <source>That did not work: %1</source>
        <translation>La operación no se ha podido realizar: %1</translation>
    </message>
    <message>
        <source>A new badge for %1 is queued for printing.</source>
        <translation>Se ha añadido a la cola de impresión una nueva credencial para %1.</translation>
    </message>
    <message>
        <source>A new agenda for %1 is queued for printing.</source>
        <translation>Se ha añadido a la cola de impresión una nueva agenda para %1.</translation>
    </message>
    <message>
        <source>Today&apos;s check-in of %1 is annulled. They can scan again.</source>
        <translation>Se ha anulado el registro de hoy de %1. Puede volver a escanear.</translation>
    </message>
    <message>
        <source>The invitation of %1 is revoked: this kiosk refuses it from now on.</source>
        <translation>Se ha revocado la invitación de %1: este quiosco la rechazará a partir de ahora.</translation>
    </message>
    <message>
        <source>Report saved in %1: %2</source>
        <translation>Informe guardado en %1: %2</translation>
    </message>
    <message>
        <source>This kiosk (%1)</source>
        <translation>Este quiosco (%1)</translation>
    </message>
    <message>
        <source>USB drive %1 (%2 free)</source>
        <translation>Unidad USB %1 (%2 libres)</translation>
    </message>
</context>
</TS>
