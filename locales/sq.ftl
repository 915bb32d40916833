language-native-name = Shqip

## Commands (descriptions shown in Telegram's command menu)
cmd-start = Fillimi dhe menyja kryesore
cmd-help = Çfarë bën ky bot
cmd-language = Ndrysho gjuhën
cmd-cancel = Ndalo atë që po bëni
cmd-team = Anëtarët e ekipit dhe rolet
cmd-invite = Fto një vullnetar ose koordinator

## Start and menu
start-greeting =
    Përshëndetje. Ky bot i ndihmon familjet të lidhen me një të afërm me të cilin kanë humbur kontaktin.
    Mund të regjistroni të afërmin tuaj, të ndiqni rastin dhe të dërgoni letra. Asgjë nuk ruhet pa pëlqimin tuaj.
    Zgjidhni nga menyja më poshtë.
start-link-unknown = Kjo lidhje nuk është e vlefshme (mund të jetë e vjetër). Ja menyja kryesore.
menu-prompt = Zgjidhni nga menyja më poshtë.
menu-language = 🌐 Gjuha
menu-help = ❓ Ndihmë
menu-team = 👥 Ekipi
menu-invite = ➕ Ftesë
unknown-command = Nuk e njoh këtë komandë. Zgjidhni nga menyja më poshtë ose dërgoni /help.
unknown-message = Nuk e kuptova. Ju lutemi zgjidhni nga menyja më poshtë.

## Help
help-family =
    Ky bot i ndihmon familjet të lidhen me të afërmit me të cilët kanë humbur kontaktin.
    /start – menyja kryesore
    /language – ndrysho gjuhën
    /cancel – ndalo atë që po bëni
    /help – kjo ndihmë
help-volunteer = Si vullnetar do të mund t'u dërgoni lajme edhe familjeve të provincave tuaja.
help-coordinator =
    Si koordinator mund të menaxhoni edhe ekipin:
    /invite – krijoni një lidhje ftese për një vullnetar ose koordinator
    /team – shikoni anëtarët e ekipit dhe hiqni rolet

## Language
language-choose = Zgjidhni gjuhën tuaj:
language-changed = Gjuha u ndryshua në shqip.

## Cancel
cancel-done = U ndal. Asgjë prej tij nuk u ruajt.
cancel-nothing = Nuk kishte asgjë për të ndalur.

## Errors
error-generic = Na vjen keq, diçka shkoi keq nga ana jonë. Asgjë nga ajo që dërguat nuk humbi. Ju lutemi provoni përsëri.
error-database-unavailable = Shërbimi është përkohësisht i padisponueshëm. Asgjë nga ajo që dërguat nuk humbet: do t'ju përgjigjemi sapo të rikthehet.
error-not-allowed = Na vjen keq, nuk keni leje për këtë.
error-too-fast = Po dërgoni mesazhe shumë shpejt. Ju lutemi prisni pak sekonda dhe provoni përsëri.
error-button-expired = Ky buton nuk është më i vlefshëm.

## Buttons
button-cancel = ✖️ Anulo
button-done = ✔️ Gati

## Roles
role-volunteer = Vullnetar
role-coordinator = Koordinator

## Invitations
invite-choose-role = Çfarë roli duhet të japë ftesa?
invite-choose-provinces = Zgjidhni provincat ku do të shërbejë ky vullnetar, pastaj shtypni Gati.
invite-provinces-none-selected = Zgjidhni të paktën një provincë.
invite-use-buttons = Ju lutemi përdorni butonat më sipër ose dërgoni /cancel.
invite-cancelled = Ftesa u anulua.
invite-created =
    Ftesa u krijua për rolin: { $role }.
    Dërgojani këtë lidhje personit privatisht. Funksionon një herë dhe skadon pas { $hours } orësh:
    { $link }
invite-accepted-volunteer = Mirë se erdhët në ekip. Tani jeni vullnetar për: { $provinces }.
invite-accepted-coordinator = Mirë se erdhët në ekip. Tani jeni koordinator.
invite-invalid = Kjo lidhje ftese nuk është e vlefshme.
invite-used = Kjo lidhje ftese është përdorur tashmë.
invite-expired = Kjo lidhje ftese ka skaduar. Ju lutemi kërkoni një të re.

## Team
team-empty = Ende nuk ka vullnetarë ose koordinatorë.
team-member =
    Anëtar i ekipit { $id }
    { $roles }
team-member-role = • { $role } { $provinces }
team-revoke-button = Hiq rolin { $role }
team-revoked = Roli { $role } i { $id } u hoq.
team-not-a-member = Ky person nuk e ka më këtë rol.
team-cannot-revoke-self = Nuk mund ta hiqni rolin tuaj.
