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
    /register – regjistro një të afërm që mungon
    /mycases – shiko, ndrysho ose fshi atë që regjistrove
    /status – lajmet dhe ecuria e rasteve tuaja
    /petitions – peticionet që mund të nënshkruani
    /letter – shkruani një letër për të afërmin tuaj
    /mydata – një skedar me gjithçka që ruajmë për ju
    /deletemydata – fshini gjithçka që ruajmë për ju
    /language – ndrysho gjuhën
    /cancel – ndalo atë që po bëni
    /help – kjo ndihmë
help-volunteer =
    Si vullnetar për provincat tuaja mund edhe:
    /case <numri> – të hapni një rast të provincave tuaja dhe të ndryshoni statusin e tij
    /desk – tavolina e punës: rastet e provincave tuaja në një tabelë dhe shifrat si grafikë
    /broadcast – dërgoni lajme familjeve të provincave tuaja
    /broadcasts – lajmet tuaja të fundit dhe shifrat
help-coordinator =
    Si koordinator mund edhe:
    /invite – krijoni një lidhje ftese për një vullnetar ose koordinator
    /team – shikoni anëtarët e ekipit dhe hiqni rolet
    /case <numri> – të hapni çdo rast
    /desk – tavolina e punës: të gjitha rastet në një tabelë, çdo rast në një ekran, shifrat si grafikë
    /locations – vendet ku besohet se ndodhen të afërmit
    /broadcast – dërgoni lajme familjeve
    /broadcasts – lajmet e fundit dhe shifrat
    /managepetitions, /newpetition – peticionet

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

## Registration of a missing relative
menu-register = 📝 Regjistro një të afërm
menu-mycases = 📂 Regjistrimet e mia
menu-status = 📬 Lajme për rastin
cmd-register = Regjistro një të afërm që mungon
cmd-mycases = Shiko, ndrysho ose fshi atë që regjistrove
cmd-status = Lajmet dhe ecuria e rasteve tuaja
reg-consent =
    Para se të fillojmë, ju lutemi lexoni këtë.

    Do t'ju pyesim për të afërmin që kërkoni dhe për ju. Ruajmë vetëm përgjigjet tuaja: emra, vite, vende, një foto dhe shënime nëse dëshironi, dhe si t'ju kontaktojmë.

    Kush i sheh: koordinatorët e shoqatës dhe vullnetarët e provincës suaj kur punojnë për rastin tuaj. Asgjë nuk publikohet. Emrat, vendet dhe shënimet ruhen të enkriptuara.

    Pse: për të punuar për rastin tuaj dhe për të parë nëse familje të tjera kërkojnë të njëjtin person. Familjet e tjera nuk shohin kurrë kush jeni.

    Mund ta shihni, ndryshoni ose fshini atë që regjistruat në çdo kohë me /mycases.

    A jeni dakord?
reg-consent-agree = ✅ Jam dakord, vazhdo
reg-consent-decline = ✖️ Jo, faleminderit
reg-declined = Asgjë nuk u ruajt. Mund të regjistroni më vonë nga menyja.
reg-progress = Hapi { $current } nga { $total }
reg-q-relation = Çfarë jeni ju për personin që kërkoni?
reg-q-fullName = Cili është emri i plotë i tij ose i saj? Shkruajeni siç e shkruan familja, me shkronja persiane ose latine.
reg-q-otherNames = Drejtshkrime, emra ose nofka të tjera? Ndajini me presje, ose shtypni Kalo.
reg-q-sex = Personi që kërkoni është burrë apo grua?
reg-q-birthYear = Në cilin vit ka lindur? Mund të shkruani vitin hixhri diellor (p.sh. 1345) ose vitin gregorian (p.sh. 1966). Shtypni Kalo nëse nuk e dini.
reg-q-leftYear = Në cilin vit u largua, ose kur u pa për herë të fundit? Viti hixhri diellor ose gregorian. Shtypni Kalo nëse nuk e dini.
reg-q-leftPlace = Nga u largua, ose ku u pa për herë të fundit (qyteti ose vendi)? Shtypni Kalo nëse nuk e dini.
reg-q-location = Ku besoni se ndodhet tani?
reg-q-locationOther = Ju lutemi shkruani ku besoni se ndodhet.
reg-q-photo = Nëse keni një foto të tij ose të saj, dërgojeni tani. Përndryshe shtypni Kalo.
reg-q-notes = A ka diçka tjetër që mund të ndihmojë? Shkruajeni, ose shtypni Kalo.
reg-q-familyProvince = Në cilën provincë jetoni? Nëse jetoni jashtë Iranit, zgjidhni "Jashtë Iranit".
reg-q-familyCity = Në cilin qytet ose fshat? Shtypni Kalo nëse preferoni të mos e thoni.
reg-q-familyCountry = Në cilin vend jetoni?
reg-q-lastContactYear = Në cilin vit pati familja kontaktin e fundit me të? Shtypni Kalo nëse kurrë ose nuk e dini.
reg-q-lastContactMethod = Si ishte ai kontakt i fundit?
reg-q-contactPreference = Si dëshironi t'ju kontaktojë shoqata?
reg-q-phone = Ju lutemi ndani numrin tuaj të telefonit me butonin më poshtë, ose shkruajeni.
reg-phone-share-hint = Mund ta shtypni edhe këtë buton për të ndarë numrin tuaj:
reg-share-phone = 📱 Ndaj numrin tim
relation-mother = Jam nëna
relation-father = Jam babai
relation-sister = Jam motra
relation-brother = Jam vëllai
relation-spouse = Jam bashkëshortja ose bashkëshorti
relation-child = Jam vajza ose djali
relation-other = Lidhje tjetër
sex-female = Grua
sex-male = Burrë
location-other = Diku tjetër
location-unknown = Nuk e di
province-abroad = 🌍 Jashtë Iranit
contact-phone = Një telefonatë
contact-letter = Një letër
contact-visit = Një vizitë
contact-message = Një mesazh përmes dikujt
contact-none = Asnjë kontakt
contact-other = Një mënyrë tjetër
reach-telegram = Këtu në Telegram
reach-phone = Me telefonatë
button-back = ◀️ Prapa
button-skip = ⏭ Kalo
reg-year-which = E keni fjalën për vitin { $solar } në kalendarin hixhri diellor, apo për { $gregorian } në kalendarin gregorian?
reg-year-solar = { $year } (hixhri diellor)
reg-year-gregorian = { $year } (gregorian)
reg-error-name-empty = Ju lutemi shkruani emrin.
reg-error-name-too-long = Ky emër është shumë i gjatë. Ju lutemi shkruani jo më shumë se 80 shkronja.
reg-error-name-no-letters = Një emër ka nevojë për shkronja. Ju lutemi shkruani emrin.
reg-error-text-empty = Ju lutemi shkruani përgjigjen, ose shtypni Kalo nëse mundeni.
reg-error-text-too-long = Kjo është shumë e gjatë. Ju lutemi shkruani jo më shumë se { $limit } shenja.
reg-error-year-not-a-number = Ju lutemi shkruani vitin me shifra, për shembull 1360 ose 1981.
reg-error-year-out-of-range = Ky vit nuk duket i saktë. Ju lutemi kontrollojeni.
reg-error-year-before-birth = Ky vit është para vitit të lindjes. Ju lutemi kontrollojeni.
reg-error-phone-invalid = Ky nuk duket si numër telefoni. Ju lutemi shkruajeni me kodin e vendit, për shembull +98 912 123 4567.
reg-error-use-buttons = Ju lutemi zgjidhni një nga butonat.
reg-error-send-photo = Ju lutemi dërgoni një foto, ose shtypni Kalo.
reg-error-text-expected = Ju lutemi shkruajeni përgjigjen si mesazh.
reg-cancel-confirm = Doni të ndaleni? Përgjigjet deri tani do të fshihen.
reg-cancel-discard = Po, ndalo dhe fshi
reg-cancel-keep = Jo, vazhdo
reg-cancelled = Regjistrimi u ndal. Asgjë nuk u ruajt.
reg-edit-cancelled = Asgjë nuk u ndryshua.
reg-summary-title = Ju lutemi kontrolloni përgjigjet tuaja. Mund të ndryshoni cilëndo para ruajtjes.
reg-value-none = —
reg-value-photo = 📷 foto e bashkëngjitur
reg-field-relation = Ju jeni
reg-field-fullName = Emri
reg-field-otherNames = Emra të tjerë
reg-field-sex = Burrë apo grua
reg-field-birthYear = Viti i lindjes
reg-field-leftYear = Viti i largimit ose i parë për herë të fundit
reg-field-leftPlace = Vendi i largimit ose i parë për herë të fundit
reg-field-location = Besohet të jetë
reg-field-locationOther = Ku saktësisht
reg-field-photo = Foto
reg-field-notes = Shënime
reg-field-familyProvince = Provinca juaj
reg-field-familyCity = Qyteti juaj
reg-field-familyCountry = Vendi juaj
reg-field-lastContactYear = Kontakti i fundit (viti)
reg-field-lastContactMethod = Kontakti i fundit (si)
reg-field-contactPreference = Si t'ju kontaktojmë
reg-field-phone = Telefoni
reg-save = ✅ Ruaj
reg-save-changes = ✅ Ruaj ndryshimet
reg-saved =
    Faleminderit. Regjistrimi juaj u ruajt.
    Numri i rastit: { $reference }
    Ju lutemi ruajeni këtë numër: mund t'ia tregoni shoqatës. Mund ta shihni regjistrimin tuaj në çdo kohë me /mycases.
reg-updated = Ndryshimet tuaja u ruajtën.
reg-resume-offer = Keni një regjistrim të papërfunduar. Doni të vazhdoni aty ku e latë?
reg-resume-continue = ▶️ Vazhdo
reg-resume-restart = 🔄 Fillo nga e para
mycases-empty = Ende nuk keni regjistruar askënd. Shtypni "📝 Regjistro një të afërm" për të filluar.
mycases-title = Regjistrimet tuaja ({ $count }). Zgjidhni një për ta parë:
mycases-not-found = Ky regjistrim nuk u gjet. Mund të jetë tërhequr.
mycases-edit = ✏️ Ndrysho
mycases-withdraw = 🗑 Tërhiq dhe fshi
mycases-closed = Ky rast është mbyllur dhe nuk mund të ndryshohet.
mycases-withdraw-confirm = Ta tërheqim regjistrimin e { $name }? Ajo që na thatë do të fshihet. Kjo nuk mund të zhbëhet.
mycases-withdraw-yes = Po, tërhiq dhe fshi
mycases-withdraw-no = Jo, mbaje
mycases-withdraw-kept = Asgjë nuk u ndryshua.
mycases-withdrawn = Regjistrimi { $reference } u tërhoq dhe ajo që na thatë u fshi.
status-card =
    { $name }
    Rasti { $reference }: { $status }
status-registered = I regjistruar
status-under_review = Në shqyrtim
status-verified = I verifikuar
status-outreach = Përpjekje për kontakt
status-contact_established = Kontakti u vendos
status-closed = I mbyllur
close-reason-reunited = u ribashkuan
close-reason-withdrawn_by_family = u tërhoq nga familja
close-reason-duplicate = u regjistrua dy herë; ndiqet në një rast tjetër
close-reason-not_found = nuk u gjet
close-reason-other = arsye tjetër
timeline-registered = U regjistrua
timeline-edited = U ndryshua nga familja
timeline-withdrawn = U tërhoq nga një anëtar i familjes
timeline-status = Statusi ndryshoi

## Petitions
cmd-petitions = Peticionet që mund të nënshkruani
cmd-letter = Shkruani një letër për të afërmin tuaj
cmd-managepetitions = Menaxhoni peticionet
cmd-newpetition = Shkruani një peticion të ri
pet-menu-petitions = 📜 Peticionet
pet-menu-letter = ✉️ Letër për të afërmin
pet-menu-manage = 🗂 Menaxhimi i peticioneve
pet-use-buttons = Ju lutemi përdorni butonat më lart, ose dërgoni /cancel.
pet-not-found = Ky peticion nuk u gjet.
pet-closed = Ky peticion është mbyllur dhe nuk mund të nënshkruhet më.
pet-link-unknown = Kjo lidhje peticioni nuk është e vlefshme (mund të jetë shkruar gabim). Ja peticionet e hapura tani.
pet-link-closed = Peticioni «{ $title }» është mbyllur dhe nuk mund të nënshkruhet më. Ja peticionet e hapura tani.
pet-list-title = Peticione të hapura për nënshkrim:
pet-list-empty = Tani për tani nuk ka peticione të hapura për nënshkrim.
pet-list-item = { $number }. { $title } — { $count } nga { $goal } ({ $percent }%)
pet-card-title = 📜 { $title }
pet-card-addressee = Drejtuar: { $addressee }
pet-card-progress = ✍️ { $count } nga { $goal } nënshkrime { $bar } { $percent }%
pet-card-deadline = I hapur për nënshkrim deri më { $date }.
pet-card-closed = Ky peticion është mbyllur.
pet-card-signed = ✅ E nënshkruat më { $date }.
pet-button-sign = ✍️ Nënshkruaj
pet-button-appeal = ✉️ Shto një apel personal
pet-button-withdraw = ↩️ Tërhiq nënshkrimin tim
pet-button-share = 📤 Shpërndaje
pet-button-read-and-sign = ✍️ Lexo dhe nënshkruaj
pet-button-open-petition = 📜 Hap peticionin
pet-button-sign-now = ✅ Nënshkruaj
pet-button-no-thanks = Jo, faleminderit
pet-button-withdraw-yes = Po, tërhiq nënshkrimin tim
pet-button-withdraw-no = Jo, mbaje
pet-inline-count = ✍️ { $count } nga { $goal } nënshkrime
pet-abroad = Jashtë Iranit
pet-abroad-button = 🌍 Jetoj jashtë Iranit
pet-anonymous = (pa emër)
pet-language-fa = Persisht
pet-language-en = Anglisht
pet-language-sq = Shqip

pet-sign-ask-name-display =
    Si duhet të shfaqet emri juaj në listën e nënshkrimeve që i jepet marrësit?
    Mund të nënshkruani edhe vetëm me inicialet, ose pa emër.
pet-name-full = ✍️ Me emrin tim
pet-name-initials = 🔤 Vetëm inicialet
pet-name-anonymous = 👤 Pa emër
pet-name-chosen-full = Emri juaj do të shfaqet në listë.
pet-name-chosen-initials = Vetëm inicialet tuaja do të shfaqen në listë.
pet-name-chosen-anonymous = Do të nënshkruani pa emër.
pet-sign-ask-name = Ju lutemi shkruani emrin tuaj ashtu si duhet të shfaqet në listë.
pet-sign-ask-name-initials = Ju lutemi shkruani emrin tuaj. Ruhen vetëm inicialet (për shembull «M. R.»).
pet-sign-type-name = Ju lutemi shkruani emrin si tekst, ose dërgoni /cancel.
pet-error-name-empty = Emri është bosh. Ju lutemi shkruajeni përsëri.
pet-error-name-too-long = Ky emër është shumë i gjatë. Ju lutemi shkruani një formë më të shkurtër.
pet-error-name-no-letters = Një emër duhet të ketë shkronja. Ju lutemi shkruajeni përsëri.
pet-sign-ask-province = Në cilën provincë jetoni? Nëse jetoni jashtë vendit, shtypni butonin e fundit.
pet-sign-from = Nga: { $place }
pet-sign-ask-country = Në cilin vend jetoni?
pet-sign-type-country = Ju lutemi shkruani emrin e vendit, ose dërgoni /cancel.
pet-sign-ask-relation = A keni një të afërm në kamp? Nëse po, çfarë jeni ju për të?
pet-relation-mother = Nëna
pet-relation-father = Babai
pet-relation-sister = Motra
pet-relation-brother = Vëllai
pet-relation-spouse = Bashkëshorti ose bashkëshortja
pet-relation-child = Djali ose vajza
pet-relation-other = Të afërm tjetër
pet-relation-none = Jam mbështetës
pet-sign-ask-news = A doni t'ju njoftojmë kur peticioni arrin pikat e rëndësishme?
pet-news-yes = 🔔 Po, ju lutem
pet-news-no = Pa njoftime, faleminderit
pet-sign-confirm =
    Ju lutemi kontrolloni para se të nënshkruani «{ $title }»:
    Emri në listë: { $name }
    Jeton në: { $place }

    Emri juaj (siç e zgjodhët më lart) dhe provinca ose vendi juaj do të jenë në listën që i jepet marrësit. Mund ta tërhiqni nënshkrimin sa kohë që peticioni është i hapur.
pet-sign-cancelled = Nënshkrimi u anulua. Asgjë nuk u ruajt.
pet-signed = ✅ Faleminderit. Nënshkrimi juaj u numërua: deri tani kanë nënshkruar { $count } veta.
    Dëshironi të shtoni një apel personal? Ai do të dorëzohet bashkë me nënshkrimet.
pet-sign-done = Faleminderit. Mund ta ndani peticionin me të tjerët me butonin «Shpërndaje» mbi të.
pet-already-signed = E keni nënshkruar tashmë këtë peticion. Faleminderit — çdo person numërohet një herë.
pet-error-text-changed = Teksti i këtij peticioni ndryshoi ndërsa e lexonit. Ju lutemi lexoni tekstin e ri para se të nënshkruani.

pet-withdraw-confirm = Doni ta tërhiqni nënshkrimin tuaj nga «{ $title }»? Emri juaj do të hiqet nga lista. Mund të nënshkruani përsëri sa kohë që peticioni është i hapur.
pet-withdraw-kept = Nënshkrimi juaj mbetet. Faleminderit.
pet-withdrawn = Nënshkrimi juaj u tërhoq dhe të dhënat tuaja u hoqën nga lista. Mbeten { $count } nënshkrime.
pet-withdraw-not-signed = Nuk e keni nënshkruar këtë peticion (ose e keni tërhequr tashmë).
pet-withdraw-closed = Peticioni është mbyllur, prandaj nënshkrimet nuk mund të tërhiqen më.

pet-appeal-ask =
    Dërgoni tani apelin tuaj: një tekst deri në { $limit } shenja, një foto të një letre të shkruar me dorë, ose një mesazh zanor deri në { $minutes } minuta.
    Do të ruhet që shoqata ta dorëzojë bashkë me nënshkrimet.
pet-appeal-cancelled = U anulua. Asgjë nuk u ruajt.
pet-appeal-saved = ✅ Apeli juaj u ruajt. Do të dorëzohet bashkë me nënshkrimet. Faleminderit.
pet-appeal-sign-first = Ju lutemi nënshkruani fillimisht peticionin; apeli dorëzohet bashkë me nënshkrimin tuaj.
pet-appeal-too-many = Keni shtuar tashmë numrin maksimal të apeleve për një nënshkrim.
pet-appeal-error-too-long = Ky tekst është shumë i gjatë: më së shumti { $limit } shenja. Ju lutemi shkurtojeni, ose dërgojeni si foto.
pet-appeal-error-photo-too-large = Kjo foto është shumë e madhe (më së shumti { $limit } MB). Ju lutemi dërgoni një foto më të vogël.
pet-appeal-error-voice-too-long = Ky mesazh zanor është shumë i gjatë: më së shumti { $minutes } minuta. Ju lutemi regjistroni një më të shkurtër.
pet-appeal-error-voice-too-large = Ky mesazh zanor është shumë i madh (më së shumti { $limit } MB). Ju lutemi regjistroni një më të shkurtër.
pet-appeal-error-sticker = Ngjitëset nuk mund të dorëzohen si apel. Ju lutemi dërgoni tekst, një foto të letrës ose një mesazh zanor.
pet-appeal-error-video = Videot nuk pranohen. Ju lutemi dërgoni tekst, një foto të letrës ose një mesazh zanor deri në { $minutes } minuta.
pet-appeal-error-audio = Skedarët audio dhe muzika nuk pranohen. Ju lutemi regjistroni një mesazh zanor deri në { $minutes } minuta.
pet-appeal-error-document = Skedarët nuk pranohen. Nëse është foto e një letre, ju lutemi dërgojeni si foto.
pet-appeal-error-other = Kjo nuk mund të pranohet si apel. Ju lutemi dërgoni tekst, një foto të letrës ose një mesazh zanor.

pet-letter-intro = Mund t'i shkruani një letër të afërmit tuaj në kamp. Shoqata i mbledh letrat që një delegacion vizitues t'i dorëzojë; nuk mund të premtojmë se kur.
pet-letter-ask-recipient = Për kë është letra? Ju lutemi shkruani emrin e të afërmit tuaj.
pet-letter-ask-sender = Si duhet të nënshkruhet letra? (për shembull «Nëna jote, Zahra»)
pet-letter-type-name = Ju lutemi shkruajeni si tekst, ose dërgoni /cancel.
pet-letter-ask-content =
    Tani dërgoni letrën: një tekst deri në { $limit } shenja, një foto të një letre të shkruar me dorë, ose një mesazh zanor deri në { $minutes } minuta.
    Do të ruhet që shoqata ta dorëzojë.
pet-letter-saved = ✅ Letra juaj u ruajt. Faleminderit. Mund të shkruani letra të tjera nga menyja në çdo kohë.
pet-letter-too-many = Keni tashmë shumë letra që presin dorëzimin. Ju lutemi prisni derisa të dorëzohen.

pet-create-intro = Një peticion i ri. Shkruani titullin dhe tekstin e plotë në persisht dhe anglisht (shqipja është fakultative), pastaj marrësin, objektivin dhe pikat e rëndësishme. Asgjë nuk është publike derisa ta hapni.
pet-create-ask-title = Titulli në { $language }:
pet-create-ask-body = Teksti i plotë në { $language } (më së shumti { $limit } shenja):
pet-create-skip-language = Kapërce këtë gjuhë
pet-create-ask-addressee = Kujt i drejtohet peticioni?
pet-create-ask-goal = Sa nënshkrime është objektivi? (një numër)
pet-create-ask-deadline = Deri kur mund të nënshkruajnë njerëzit? Dërgoni një datë si 2027-03-20 ose 1405/12/29, ose shtypni «Pa afat».
pet-create-no-deadline = Pa afat
pet-create-ask-milestones = Në cilët numra duhet të njoftohen nënshkruesit? Për shembull: 1000, 5000, 10000
pet-create-no-milestones = Pa pika të rëndësishme
pet-create-use-text = Ju lutemi shkruani përgjigjen, ose përdorni butonat më lart.
pet-create-use-buttons = Ju lutemi përdorni butonat më lart, ose dërgoni /cancel.
pet-create-cancelled = U anulua. Asgjë nuk u ruajt.
pet-create-summary =
    Ju lutemi kontrolloni peticionin e ri:
    { $titles }
    Drejtuar: { $addressee }
    Objektivi: { $goal } nënshkrime
    Pikat e rëndësishme: { $milestones }
pet-button-save-draft = 💾 Ruaje si draft
pet-create-saved = ✅ U ruajt si draft. Hapeni për nënshkrim nga karta e tij më poshtë.
pet-edit-intro = Tekst i ri për këtë peticion. Mund të ndryshojë vetëm derisa të nënshkruajë personi i parë.
pet-edit-saved = ✅ Teksti i ri u ruajt (versioni { $version }).
pet-error-text-empty = Është bosh. Ju lutemi shkruajeni përsëri.
pet-error-text-too-long = Është shumë i gjatë: më së shumti { $limit } shenja.
pet-error-goal = Ju lutemi dërgoni një numër të plotë, për shembull 10000.
pet-error-deadline = Nuk e kuptoj këtë datë. Ju lutemi shkruajeni si 2027-03-20 ose 1405/12/29.
pet-error-deadline-past = Ajo ditë ka kaluar. Ju lutemi dërgoni një ditë në të ardhmen.
pet-error-milestones = Ju lutemi dërgoni numra të ndarë me presje, për shembull: 1000, 5000, 10000 (më së shumti dhjetë).
pet-error-text-frozen = Njerëzit e kanë nënshkruar këtë peticion, prandaj teksti i tij nuk mund të ndryshojë më.
pet-error-transition = Kjo nuk është e mundur në gjendjen aktuale të peticionit.

pet-manage-title = Peticionet (më të rejat së pari). Zgjidhni njërin për ta menaxhuar:
pet-manage-empty = Nuk ka ende peticione.
pet-button-new = ➕ Peticion i ri
pet-button-export-letters = 📥 Eksporto letrat për të afërmit
pet-manage-status = Gjendja: { $status } · referenca { $ref }
pet-manage-version = Versioni i tekstit { $version } (mund të ndryshohet ende)
pet-manage-version-frozen = Versioni i tekstit { $version } (i ngrirë: njerëzit kanë nënshkruar)
pet-manage-milestones = Pikat e rëndësishme: { $milestones }
pet-manage-link = Lidhja: { $link }
pet-status-draft = Draft
pet-status-open = I hapur
pet-status-closed = I mbyllur
pet-status-delivered = I dorëzuar
pet-status-changed-open = ✅ Peticioni është i hapur për nënshkrim.
pet-status-changed-closed = Peticioni u mbyll. Nënshkrimet nuk mund të shtohen ose të tërhiqen më.
pet-status-changed-delivered = ✅ U shënua si i dorëzuar te marrësi.
pet-button-edit = ✏️ Ndrysho tekstin
pet-button-open = 🟢 Hape për nënshkrim
pet-button-close = 🔴 Mbylle
pet-button-reopen = 🔁 Rihape
pet-button-deliver = 📦 Shëno si të dorëzuar
pet-button-stats = 📊 Statistika
pet-button-export = 📥 Eksporto

pet-stats-title = 📊 { $title }
pet-stats-total = Nënshkrime: { $count } (të tërhequra me kalimin e kohës: { $withdrawals })
pet-stats-by-province = Sipas provincës:
pet-stats-by-day = Sipas ditës:
pet-stats-milestones = Pikat e arritura: { $milestones }

pet-export-signatures-caption = Nënshkrime: { $count } (CSV, UTF-8)
pet-export-appeals-caption = Apele personale: { $count }, me { $attachments } foto dhe mesazhe zanore
pet-export-text-caption = Teksti i peticionit me totalet
pet-export-letters-caption = Letra për të afërmit: { $count }, me { $attachments } foto dhe mesazhe zanore
pet-export-attachments = { $count } foto dhe mesazhe zanore i përkasin këtij eksporti. Secila dërgohet me numrin e saj nga skedari.
pet-button-send-attachments = 📎 Dërgoji
pet-button-next = ▶️ Më tej
pet-export-attachments-more = U dërguan { $sent } nga { $count }.
pet-export-attachments-done = U dërguan të { $count }.
pet-export-heading = Peticioni { $ref }, versioni i tekstit { $version }
pet-export-exported-at = Eksportuar: { $date }
pet-export-totals = Nënshkrime: { $count } · të tërhequra me kalimin e kohës: { $withdrawals } · apele personale: { $appeals }
pet-export-period = Nënshkrimi i parë: { $first } · nënshkrimi i fundit: { $last }

pet-milestone-news =
    📣 Peticioni «{ $title }» arriti { $milestone } nënshkrime (objektivi: { $goal }).
    Faleminderit që e nënshkruat. Ndarja e tij me të tjerët ndihmon.

## Case work (volunteers and coordinators)
cmd-case = Hap një rast me numrin e tij
cmd-locations = Vendet ku besohet se ndodhen të afërmit
language-name-fa = persisht
language-name-en = anglisht
language-name-sq = shqip
case-news = Lajme për { $name } (rasti { $reference }): { $status }
case-news-note = Mesazh nga shoqata: { $note }
case-news-footer = Ecurinë e plotë mund ta shihni me /status.
casework-usage = Dërgoni numrin e rastit pas komandës, për shembull: /case 1234-5678-9
casework-not-found = Nuk u gjet asnjë rast me këtë numër.
casework-not-your-province = Ky rast i përket një province ku ju nuk punoni.
casework-province = Provinca e familjes
casework-families = Familje që e ndjekin këtë rast: { $count }
casework-possible-duplicates = ⚠️ Ndoshta i njëjti person si: { $references }
casework-confirm-duplicate = 🔗 I njëjti person si { $reference }
casework-duplicate-confirmed = U konfirmua. Familjet e këtij regjistrimi ({ $families }) tani ndjekin rastin tjetër.
casework-reject-duplicates = ✖️ Nuk është i njëjti person
casework-duplicates-rejected = U shënua: nuk është i njëjti person. Shenja u hoq.
casework-choose-reason = Pse po mbyllet rasti?
casework-family-note = Shkruani një shënim të shkurtër për familjen (do ta lexojnë), ose shtypni Kalo.
casework-internal-note = Shkruani një shënim të brendshëm (e sheh vetëm ekipi), ose shtypni Kalo.
casework-confirm = Ta ndryshojmë rastin { $reference } në "{ $status }"? Familjet do të njoftohen.
casework-confirm-button = ✅ Ndrysho statusin
casework-cancelled = Asgjë nuk u ndryshua.
casework-done = Statusi tani është "{ $status }". Familje të njoftuara: { $families }.
casework-error-not_found = Nuk u gjet asnjë rast me këtë numër.
casework-error-forbidden = Ky rast i përket një province ku ju nuk punoni.
casework-error-not_allowed = Roli juaj nuk mund ta bëjë këtë ndryshim.
casework-error-same_status = Rasti e ka tashmë këtë status.
casework-error-reason_required = Mbyllja e një rasti kërkon një arsye.
casework-error-reason_not_allowed = Arsyeja jepet vetëm kur mbyllet rasti.
casework-error-conflict = Dikush tjetër e ndryshoi këtë rast pak më parë. Ju lutemi hapeni përsëri.
casework-error-closed = Ky rast është i mbyllur.
locations-title = Vendet ku besohet se ndodhen të afërmit:
locations-add = ➕ Shto një vend
locations-ask-name = Emri i vendit në { $language }:
locations-added = U shtua: { $name }
locations-removed = U hoq nga lista. Regjistrimet që e zgjodhën e ruajnë.
locations-cancelled = Asgjë nuk u shtua.

## Broadcasts (volunteers and coordinators)
menu-broadcast = 📣 Dërgo lajme
cmd-broadcast = Dërgo lajme familjeve
cmd-broadcasts = Lajmet tuaja të fundit dhe shifrat e tyre
bc-choose-audience = Kush duhet ta marrë këtë mesazh?
bc-audience-families = 👪 Familjet
bc-audience-language = 🗣 Familjet që lexojnë një gjuhë
bc-audience-caseStatus = 📁 Familjet rasti i të cilave ka një status
bc-audience-signers = ✍️ Nënshkruesit e një peticioni
bc-choose-language = Cila gjuhë?
bc-choose-status = Familjet rasti i të cilave është:
bc-choose-petition = Nënshkruesit e cilit peticion?
bc-no-petitions = Nuk ka asnjë peticion të hapur.
bc-choose-provinces = Cilat nga provincat tuaja? Zgjidhni, pastaj shtypni Gati.
bc-choose-provinces-wide = Të gjitha provincat, ose zgjidhni disa dhe shtypni Gati.
bc-all-provinces = 🌐 Të gjitha provincat
bc-ask-message = Dërgoni mesazhin në { $language }. Mund ta formatoni dhe të bashkëngjitni një foto ose dokument me tekstin si përshkrim.
bc-ask-translation = Dërgoni versionin në { $language }, ose shtypni Kalo (këta lexues marrin versionin e parë).
bc-error-kind = Ju lutemi dërgoni tekst, ose një foto apo dokument me përshkrim.
bc-preview-label = Parapamje ({ $language }):
bc-preview-count =
    Ky mesazh do t'u shkojë { $count } personave.
    { $breakdown }
bc-send-now = 📤 Dërgo tani
bc-schedule = 🕒 Planifiko
bc-discard = 🗑 Hidhe
bc-discarded = U hodh. Asgjë nuk u dërgua.
bc-ask-time = Kur duhet të dërgohet? Shkruani datën dhe orën sipas orës suaj ({ $zone }), për shembull 2026-12-01 18:30 ose 1405/09/10 18:30.
bc-error-time-format = Nuk munda ta lexoj këtë datë dhe orë. Ju lutemi shkruajeni si 2026-12-01 18:30.
bc-error-time-past = Kjo kohë ka kaluar. Ju lutemi zgjidhni një kohë më të vonë.
bc-starting = 📤 Po fillon…
bc-starting-scheduled = 🕒 Po planifikohet…
bc-progress-running = 📤 Po dërgohet: { $sent } të dërguara, { $failed } të dështuara, { $pending } të mbetura nga { $total } — rreth { $minutes } min edhe.
bc-progress-scheduled = 🕒 I planifikuar: { $total } persona do ta marrin në kohën e zgjedhur.
bc-progress-paused = ⏸ I ndalur: { $sent } të dërguara, { $pending } në pritje nga { $total }.
bc-progress-done = ✅ Përfundoi: { $sent } të dërguara, { $failed } të dështuara, { $skipped } të paarritshëm (e kanë bllokuar botin) nga { $total }.
bc-progress-cancelled = ✖️ U anulua: ishin dërguar { $sent } nga { $total }; pjesa tjetër nuk do të dërgohet.
bc-pause = ⏸ Ndalo
bc-resume = ▶️ Vazhdo
bc-cancel = ✖️ Anulo dërgimin
bc-pause-done = U ndal.
bc-resume-done = Vazhdoi.
bc-cancel-done = U anulua.
bc-list-title = Lajmet e fundit:
bc-list-empty = Ende asnjë lajm.
bc-error-forbidden = Na vjen keq, nuk keni leje për këtë.
bc-error-province_not_allowed = Mund t'u dërgoni vetëm provincave ku shërbeni.
bc-error-bad_audience = Marrësit nuk janë të plotë. Ju lutemi filloni përsëri.
bc-error-empty_audience = Askush nuk përputhet ende me këta marrës, prandaj asgjë nuk mund të dërgohet.
bc-error-not_found = Ky mesazh nuk u gjet.

# Issue 8, part 5: lost updates (a conversation ended by an error)
error-conversation-dropped = Na vjen keq, diçka shkoi keq nga ana jonë dhe ajo që po bënit u ndërpre para se të përfundonte. Ju lutemi filloni atë hap përsëri nga fillimi.

# Issue 8, part 1: private chats only (a group, supergroup or channel gets one line and a private link)
private-only-group = Për sigurinë tuaj dhe të familjes suaj, punoj vetëm në bisedë private. Ju lutem më shkruani privatisht këtu: { $link }
private-only-button = Ky buton punon vetëm në bisedë private me robotin.

## Idle conversations cleared by the retention job (issue #8: conversation state and retention)
conv-dropped-registration = Kishit filluar të regjistronit një të afërm, por mbeti i papërfunduar për { $days } ditë, ndaj e fshimë që të dhënat tuaja të jenë të sigurta. Asgjë nga ajo që shkruat nuk u ruajt. Mund të filloni sërish kur të doni me /register.
conv-dropped-petition = Kishit filluar të nënshkruanit një peticion, por mbeti i papërfunduar për { $days } ditë, ndaj e fshimë që të dhënat tuaja të jenë të sigurta. Asgjë nga ajo që shkruat nuk u ruajt. Mund të filloni sërish me /petitions.
conv-dropped-letter = Kishit filluar të shkruanit një letër, por mbeti e papërfunduar për { $days } ditë, ndaj e fshimë që të dhënat tuaja të jenë të sigurta. Asgjë nga ajo që shkruat nuk u ruajt. Mund të filloni sërish me /letter.
conv-dropped-broadcast = Kishit filluar të shkruanit një mesazh me lajme, por mbeti i papërfunduar për { $days } ditë, ndaj e fshimë. Asgjë prej tij nuk u ruajt. Mund të filloni sërish me /broadcast.
conv-dropped-other = Diçka që kishit filluar mbeti e papërfunduar për { $days } ditë, ndaj e fshimë që të dhënat tuaja të jenë të sigurta. Asgjë nga ajo që shkruat nuk u ruajt. /start tregon menynë.

# Issue 8, part 3: families see and erase their data (/mydata, /deletemydata)
cmd-mydata = Një skedar me gjithçka që ruajmë për ju
cmd-deletemydata = Fshini gjithçka që ruajmë për ju
menu-mydata = 🔒 Të dhënat e mia
mydata-menu-prompt = Ajo që ruajmë për ju ju përket juve. Mund ta merrni si skedar ose ta fshini të gjithën.
mydata-send-button = 📄 Më dërgo të dhënat e mia
mydata-erase-button = 🗑 Fshi të gjitha të dhënat e mia
mydata-caption-text = Gjithçka që ruajmë për ju, për ta lexuar në telefon.
mydata-caption-json = Të njëjtat të dhëna për programe kompjuterike (JSON).
mydata-doc-title = Gjithçka që ky bot ruan për ju
mydata-doc-made = Përgatitur më { $date }.
mydata-section-profile = Ju
mydata-language = Gjuha
mydata-language-not-chosen = e pazgjedhur (përdoret gjuha e Telegram-it tuaj)
mydata-roles = Roli
mydata-role-family = anëtar i familjes
mydata-since = që më { $date }
mydata-admin-by-configuration = administrator (në konfigurimin e botit)
mydata-first-seen = Mesazhi i parë për botin
mydata-last-seen = Mesazhi i fundit për botin
mydata-unreachable = Boti nuk ju ka arritur që më
mydata-section-cases = Të afërmit që regjistruat ose ndiqni: { $count }
mydata-none = Asgjë.
mydata-case-heading = Rasti { $reference } — { $status }
mydata-following-since = Ndiqet që më
mydata-consent = Pranuat ruajtjen më
mydata-timeline = Çfarë ndodhi
mydata-section-signatures = Peticionet që nënshkruat: { $count }
mydata-signed-on = Nënshkruar më
mydata-withdrawn-on = Nënshkrimi u tërhoq më
mydata-name-shown = Emri juaj siç shfaqet
mydata-without-name = pa emër
mydata-province = Provinca
mydata-country = Shteti
mydata-relation = Lidhja me dikë në kamp
mydata-news = Lajme për peticionin
mydata-yes = po
mydata-no = jo
mydata-appeals = Mesazhet tuaja personale
mydata-photo = një foto
mydata-voice = një mesazh zanor ({ $seconds } sekonda)
mydata-section-withdrawals = Nënshkrimet që tërhoqët
mydata-withdrawal = nënshkruar më { $signed }, tërhequr më { $withdrawn }
mydata-section-letters = Letrat për të afërmin tuaj: { $count }
mydata-letter-to-from = për { $to }, nga { $from }
mydata-section-messages = Mesazhet që ju dërgoi boti
mydata-messages-total = Mesazhe të regjistruara: { $count }
mydata-kind-broadcast = lajme nga vullnetarët
mydata-kind-case-status = lajme për një rast
mydata-kind-petition-milestone = lajme për një peticion
mydata-kind-reminder = një kujtesë
mydata-not-delivered = nuk u dorëzua
mydata-section-conversation = Hapa të papërfunduar
mydata-conversation-stored = Përgjigjet e një hapi që nuk e keni mbaruar ruhen (të enkriptuara) derisa ta mbaroni ose ta anuloni (/cancel).
mydata-conversation-none = Nuk ruhet asnjë hap i papërfunduar.
mydata-section-audit = Veprimet tuaja në regjistrin e botit
mydata-doc-footer = Emrat, shënimet, vendet, numrat e telefonit dhe mesazhet ruhen të enkriptuara. Për t'i fshirë të gjitha, dërgoni /deletemydata.
deletemydata-question = Doni të fshihet gjithçka që ruajmë për ju? Regjistrimet, nënshkrimet, mesazhet personale dhe letrat tuaja do të fshihen dhe askush nuk do t'i ndjekë më rastet tuaja për ju. Kjo nuk mund të zhbëhet.
deletemydata-yes = Po, fshi gjithçka
deletemydata-no = Jo, mbaji të dhënat e mia
deletemydata-kept = Asgjë nuk u fshi. Të dhënat tuaja ruhen.
deletemydata-done = Gjithçka që ruanim për ju u fshi. Nëse i shkruani sërish botit, filloni si përdorues i ri.
deletemydata-expired = Kjo pyetje është shumë e vjetër. Nëse ende doni t'i fshini të dhënat, dërgoni sërish /deletemydata.
mydata-section-invites = Lidhjet e ftesës që krijuat
mydata-invite-used = e përdorur
mydata-invite-unused = e papërdorur (e vlefshme deri më { $date })

# Issue 9, part 3: a conversation stored by an older version of the bot cannot be continued
conv-outdated = Boti u përditësua ndërsa ishit në mes të diçkaje, dhe ajo nuk mund të vazhdonte, ndaj e fshimë. Asgjë nga ajo që shkruat nuk u ruajt. Ju lutemi filloni përsëri; /start tregon menynë.

# /settings, zonat kohore, dërgim gjatë ditës së secilit marrës (issue #10)
cmd-settings = Gjuha, zona kohore dhe kujtesat
menu-settings = ⚙️ Cilësimet
help-settings = ⚙️ /settings — gjuha juaj, zona juaj kohore dhe cilat kujtesa merrni.
settings-title = ⚙️ Cilësimet tuaja
settings-language = 🌐 Gjuha: { $language }
settings-time-zone = 🕒 Zona kohore: { $zone }
settings-reminders = Kujtesat (🔔 ndezur, 🔕 fikur):
settings-reminder-registration-unfinished = Regjistrim i papërfunduar
settings-reminder-event-24h = Ngjarje, një ditë përpara
settings-reminder-event-1h = Ngjarje, një orë përpara
settings-reminder-case-checkin = Shënim mujor për rastin tuaj
settings-reminder-petition-last-call = Afati i peticionit
settings-button-language = 🌐 Gjuha
settings-button-zone = 🕒 Zona kohore
settings-button-reminder-off = 🔕 Fike: { $reminder }
settings-button-reminder-on = 🔔 Ndize: { $reminder }
settings-reminder-now-off = U fik: { $reminder }
settings-reminder-now-on = U ndez: { $reminder }
settings-choose-country = Në cilin vend jetoni? Mesazhet dhe kujtesat do të ndjekin orën atje.
settings-choose-zone = { $country } ka disa zona kohore. Cili qytet është më afër jush?
settings-button-type-zone = ⌨️ Shkruani emrin e zonës kohore
settings-ask-zone = Shkruani emrin e zonës suaj kohore, për shembull Europe/Berlin ose America/Toronto.
settings-error-unknown-zone = “{ $typed }” nuk është zonë kohore që e njohim. Ju lutemi shkruajeni si Europe/Berlin (rajon/qytet, në anglisht).
settings-zone-changed = ✅ Zona kohore u vendos: { $zone }
settings-zone-unchanged = Zona juaj kohore nuk ndryshoi.
tz-country-ir = Irani (Teherani)
tz-country-de = Gjermania
tz-country-se = Suedia
tz-country-nl = Holanda
tz-country-fr = Franca
tz-country-gb = Mbretëria e Bashkuar
tz-country-no = Norvegjia
tz-country-dk = Danimarka
tz-country-be = Belgjika
tz-country-ch = Zvicra
tz-country-at = Austria
tz-country-it = Italia
tz-country-al = Shqipëria
tz-country-tr = Turqia
tz-country-iq = Iraku
tz-country-ca = Kanadaja
tz-country-us = SHBA
tz-country-au = Australia
tz-zone-toronto = Toronto, Montreal (Lindore)
tz-zone-winnipeg = Winnipeg (Qendrore)
tz-zone-edmonton = Calgary, Edmonton (Malore)
tz-zone-vancouver = Vancouver (Paqësori)
tz-zone-new-york = Nju Jork, Uashington (Lindore)
tz-zone-chicago = Çikago, Dallas (Qendrore)
tz-zone-denver = Denver, Phoenix (Malore)
tz-zone-los-angeles = Los Anxhelos, Seattle (Paqësori)
tz-zone-sydney = Sidnej, Melburn
tz-zone-brisbane = Brisbane
tz-zone-adelaide = Adelaide
tz-zone-perth = Perth
bc-send-daytime = 🌙 Dërgo gjatë ditës së secilit marrës
bc-starting-daytime = 🌙 Po fillon: kush është në natë (22:00–08:00 sipas orës së tij) e merr në 08:00 sipas orës së tij, të tjerët tani.

# Issue 10: unfinished registrations, case check-ins, petition last call and auto-close
reminder-registration-unfinished =
    🌱 Filluat të regjistroni të afërmin tuaj, por regjistrimi nuk ka mbaruar ende.
    Kur të keni pak kohë, shtypni "Vazhdo" dhe do të vazhdojmë nga pyetja ku u ndalët. Asgjë nuk humbi.
reminder-case-checkin =
    🤍 Përshëndetje. E dimë që po prisni lajme. Këtë muaj nuk ka pasur lajme të reja për rastin tuaj, por rasti është i hapur dhe vullnetarët e shoqatës po e ndjekin.
    Çdo lajm që të vijë, do t'jua themi këtu. Gjendjen e rastit e shihni me /status.
    Nëse dini diçka të re (një adresë, një foto, një emër tjetër), shtojeni në regjistrimin tuaj me /mycases.
reminder-petition-last-call =
    ⏳ Peticioni «{ $title }» mund të nënshkruhet deri më { $date }, dhe ju nuk e keni nënshkruar ende.
    Nëse doni ta nënshkruani, shtypni butonin më poshtë.
pet-closed-news =
    📪 Peticioni «{ $title }» arriti afatin e tij dhe tani është i mbyllur, me { $count } nënshkrime.
    Faleminderit që e nënshkruat. Do t'ju tregojmë çdo lajm për dorëzimin e tij.

# /settings: zona kohore e një familjeje jashtë Iranit, e pyetur një herë pas regjistrimit (issue #10)
settings-zone-from-country = 🕒 Kujtesat tona do të ndjekin orën në { $zone }, kurrë natën. Mund ta ndryshoni te /settings.
settings-zone-ask-once = 🕒 Edhe një pyetje, që kujtesat tona të mos ju arrijnë kurrë natën:

# --- Ngjarjet (issue #10): /newevent, /events, ftesat, përgjigjet, kujtesat ---
cmd-newevent = Fto familjet në një ngjarje
cmd-events = Ngjarjet dhe përgjigjet
bc-audience-eventYes = 📅 Ata që thanë Po për një ngjarje
bc-choose-event = Ata që thanë Po për cilën ngjarje?
bc-no-events = Ende nuk ka asnjë ngjarje.
ev-ask-title = Titulli i ngjarjes në { $language }:
ev-ask-description = Një përshkrim i shkurtër në { $language } (çfarë, kush, si të marrësh pjesë), ose Kalo:
ev-ask-time = Kur fillon? Shkruani datën dhe orën sipas orës suaj ({ $zone }), për shembull 2026-12-01 18:30 ose 1405/09/10 18:30.
ev-ask-new-time = Data dhe ora e re sipas orës suaj ({ $zone }), për shembull 2026-12-01 18:30:
ev-ask-link = Lidhja online (Zoom, Meet, …), nëse ka. U shfaqet vetëm atyre që përgjigjen Po ose Ndoshta.
ev-button-skip = ⏭ Kalo
ev-button-cancel = ✖️ Anulo
ev-button-send = 📤 Dërgo ftesën
ev-button-discard = 🗑 Hidhe
ev-button-nolink = Pa lidhje
ev-button-move = 🕒 Zhvendos
ev-button-cancel-event = ✖️ Anulo ngjarjen
ev-button-confirm-cancel = Po, anuloje ngjarjen
ev-error-empty = Ju lutemi shkruani disa fjalë.
ev-error-time-format = Nuk e kuptova këtë kohë. Shkruajeni si 2026-12-01 18:30 ose 1405/09/10 18:30.
ev-error-no-such-date = Kjo datë nuk ekziston në kalendar. Ju lutemi kontrolloni ditën dhe muajin.
ev-error-time-past = Kjo kohë ka kaluar. Ju lutemi zgjidhni një kohë në të ardhmen.
ev-error-link = Ju lutemi dërgoni një lidhje që fillon me https://, ose shtypni "Pa lidhje".
ev-error-forbidden = Nuk keni leje për këtë.
ev-error-province_not_allowed = Mund të ftoni vetëm familjet e provincave tuaja.
ev-error-bad_audience = Diçka në ngjarje nuk ishte në rregull. Asgjë nuk u dërgua.
ev-error-empty_audience = Askush nuk përputhet me këtë audiencë, prandaj ftesa nuk u dërgua.
ev-error-not_found = Kjo ngjarje nuk ekziston më.
ev-error-past = Kjo kohë ka kaluar. Ju lutemi zgjidhni një kohë në të ardhmen.
ev-error-not_open = Kjo ngjarje u anulua ose ka filluar tashmë.
ev-discarded = Ngjarja u hodh. Asgjë nuk u dërgua.
ev-preview-label = Kjo është ftesa që do të marrin familjet (me butonat Po / Ndoshta / Jo):
ev-preview-link = Lidhja, e shfaqur vetëm pas Po ose Ndoshta: { $link }
ev-preview-count = Do t'u shkojë { $count } personave.
ev-sent = ✅ Ftesa po u dërgohet { $count } personave. Shihni përgjigjet me /events.
ev-invitation = 📣 Jeni të ftuar
ev-invitation-question = A do të merrni pjesë?
ev-when = 🕒 { $time }
ev-link = 🔗 Lidhja: { $link }
ev-answer-yes = ✅ Po
ev-answer-maybe = 🤔 Ndoshta
ev-answer-no = ❌ Jo
ev-answered-yes = Faleminderit! Ju presim në “{ $title }”, { $time }. Do t'ju kujtojmë një ditë dhe një orë më parë.
ev-answered-maybe = Faleminderit. Shënuam Ndoshta për “{ $title }”, { $time }. Do t'ju kujtojmë një ditë dhe një orë më parë.
ev-answered-no = Faleminderit që na njoftuat se nuk mund të merrni pjesë në “{ $title }”.
ev-answered-change = Mund ta ndryshoni përgjigjen me butonat e ftesës.
ev-reminder-24h = ⏰ Kujtesë: kjo ngjarje po afron
ev-reminder-1h = ⏰ Kujtesë: fillon së shpejti
ev-change-moved = 🕒 Ngjarja u zhvendos në një kohë të re
ev-change-moved-question = A mund të merrni pjesë në kohën e re?
ev-change-cancelled = ✖️ Kjo ngjarje u anulua:
ev-list-title = Ngjarjet (zgjidhni një për të parë përgjigjet):
ev-list-empty = Ende nuk ka asnjë ngjarje. Krijoni një me /newevent.
ev-state-scheduled = E planifikuar
ev-state-moved = E zhvendosur në një kohë të re
ev-state-cancelled = E anuluar
ev-counts-line = Po { $yes } · Ndoshta { $maybe } · Jo { $no }
ev-counts-total = Përgjigjet: { $figures }
ev-counts-by-province = Sipas provincës:
ev-counts-by-language = Sipas gjuhës:
ev-province-unknown = Provinca nuk është dhënë
ev-confirm-cancel = Ta anulojmë këtë ngjarje? Të gjithë ata që u përgjigjën do të njoftohen.
ev-moved = ✅ Ngjarja u zhvendos. { $count } persona që u përgjigjën po njoftohen.
ev-cancelled = ✅ Ngjarja u anulua. { $count } persona që u përgjigjën po njoftohen.

# Issue 10, part 3b: petition last call in "Manage petitions"
pet-button-last-call = ⏳ Thirrja e fundit
pet-manage-last-call = ⏳ Thirrja e fundit: { $days } ditë para afatit, për familjet që nuk kanë nënshkruar.
pet-last-call-ask = Ky peticion mund të nënshkruhet deri më { $date }. Sa ditë para kësaj duhet të marrin një kujtesë familjet që nuk kanë nënshkruar? Dërgoni një numër nga 1 deri në { $max }.
pet-last-call-ask-current = Thirrja e fundit tani është { $days } ditë para afatit ({ $date }). Dërgoni një numër të ri nga 1 deri në { $max }, ose fikeni.
pet-last-call-off = 🔕 Fike
pet-last-call-unchanged = Asgjë nuk ndryshoi.
pet-last-call-no-deadline = Ky peticion nuk ka afat, prandaj nuk ka thirrje të fundit.
pet-last-call-error-days = Ju lutemi dërgoni një numër nga 1 deri në { $max }, për shembull 3.
pet-last-call-error-too-late = Ajo ditë ka kaluar tashmë. Ju lutemi dërgoni një numër më të vogël.
pet-last-call-switched-off = Thirrja e fundit u fik.
pet-last-call-set = ✅ Thirrja e fundit është ndezur: { $days } ditë para afatit, më { $date }, për familjet që nuk kanë nënshkruar deri atëherë.

# --- Ngjarjet në /mydata (issue #10) ---
mydata-section-events = Përgjigjet tuaja për ftesat në ngjarje
mydata-kind-event = një ftesë në ngjarje ose lajm për një ngjarje

# /settings në /mydata (issue #10)
mydata-time-zone = Zona kohore
mydata-time-zone-not-chosen = e pazgjedhur (Irani, Teherani)
mydata-reminders-off = Kujtesat që keni fikur

# /audit (issue #11, audit and access matrix)
cmd-audit = Kush bëri çfarë dhe kur (regjistri i veprimeve)
audit-title = Regjistri i veprimeve, faqja { $page }
audit-filter-person = Personi: { $who }
audit-filter-day = Dita: { $day }
audit-me = ju
audit-actor-member = Anëtar i ekipit { $id }
audit-actor-family = një anëtar familjeje
audit-actor-erased = i fshirë
audit-empty = Asgjë nuk është regjistruar për këtë filtër.
audit-page-empty = Kjo faqe është bosh. Dërgoni /audit për të filluar nga e para.
audit-previous = ◀️ Më të rejat
audit-next = Më të vjetrat ▶️
audit-filter-unknown = Nuk e njoh këtë filtër. Mund të dërgoni: /audit, /audit me, /audit me numrin e një anëtari të ekipit nga /team, ose /audit me një ditë si 1405/09/07 ose 2026-11-28.
audit-filter-no-such-date = Kjo ditë nuk ekziston në kalendar. Shkruajeni si 1405/09/07 ose 2026-11-28.
audit-filter-too-long = Ky filtër është shumë i gjatë. Dërgoni /audit, /audit me, numrin e një anëtari ose një ditë.

# --- /stats: numbers and charts (issue #11, stats part) ---
cmd-stats = Shifrat dhe grafikët e rasteve
stats-heading-all = 📊 Statistika — të gjitha provincat
stats-heading-provinces = 📊 Statistika — { $provinces }
stats-none = Ende nuk ka raste ose nënshkrime.
stats-cases-total = Raste: { $count }
stats-by-status = Sipas gjendjes:
stats-by-province = Provincat me më shumë raste:
stats-stale = Raste të hapura pa lajme prej { $days } ditësh: { $count }
stats-registrations-month = Të regjistruara këtë muaj: { $count }
stats-contact-year = Kontakt i vendosur në 12 muajt e fundit: { $count }
stats-signatures = Nënshkrime peticionesh: { $count } (30 ditët e fundit: { $recent })
stats-signatures-by-province = Nënshkrime sipas provincës:
stats-chart-signatures = Nënshkrime peticionesh në ditë (30 ditët e fundit)
stats-series-signatures = Nënshkrime
stats-rsvps = Përgjigje për ngjarjet: po { $yes }, ndoshta { $maybe }, jo { $no }
stats-abroad = Jashtë Iranit
stats-chart-provinces = Raste sipas provincës
stats-chart-months = Regjistrime dhe kontakte të vendosura në muaj
stats-chart-funnel = Sa larg kanë ecur rastet
stats-series-registrations = Regjistrime
stats-series-contact = Kontakt i vendosur

# Issue #11: /find, familjet në kartën e rastit, /export
cmd-find = Gjej raste sipas emrit, numrit, provincës, gjendjes ose datës
cmd-export = Eksporto rastet e kërkimit të fundit (CSV)
casework-family-line = • { $relation } · { $place } · { $reach }
casework-family-phone = telefon { $phone }
casework-family-telegram = në Telegram (përmes botit)
find-results = 🔎 { $filter }
    U gjetën: { $total } · faqja { $page } nga { $pages }
find-nothing = Asnjë rast nuk përputhet me këtë kërkim.
find-hint = Shkruani /find dhe një emër (me çdo alfabet), një numër rasti ose data si 2024-03-20 - 2024-09-21. /export e dërgon rezultatin si skedar.
find-filter-none = të gjitha rastet
find-filter-name = emri “{ $name }”
find-filter-reference = rasti { $reference }
find-filter-duplicates = dublikata për t'u kontrolluar
find-filter-dates = regjistruar { $from } – { $to }
find-by-province = 📍 Provinca
find-by-status = 🏷 Gjendja
find-by-location = 🗺 Vendndodhja e supozuar
find-duplicates-off = 👥 Dublikata për kontroll
find-duplicates-on = ✅ Dublikata për kontroll
find-clear = ✖️ Hiq filtrat
find-any = Çdo
find-choose-province = Zgjidhni një provincë:
find-choose-status = Zgjidhni një gjendje:
find-choose-location = Zgjidhni ku besohet të jetë i afërmi:
find-invalid = Ky kërkim nuk mund të bëhet. Ju lutemi filloni përsëri me /find.
find-invalid-too_long = Kjo është shumë e gjatë për një emër. Ju lutemi shkruani jo më shumë se 100 shkronja.
find-invalid-bad_date = Këto data nuk u kuptuan. Shkruani për shembull 2024-03-20 - 2024-09-21 ose 1403/01/01 - 1403/06/31.
find-invalid-empty = Ju lutemi shkruani një emër, një numër rasti ose data pas /find.
export-caption = Rastet: { $filter } (CSV, UTF-8)

# /audit from /team (issue #11, audit and access matrix)
team-audit-button = 🔎 Çfarë ka bërë (regjistri)

# Issue #11: /find, data e regjistrimit me buton
find-by-dates = 📅 Regjistruar
find-choose-dates = Kur u regjistrua rasti? Mund të shkruani edhe data: /find 2024-03-20 - 2024-09-21
find-dates-d30 = Në 30 ditët e fundit
find-dates-d365 = Në 12 muajt e fundit
find-dates-year = Këtë vit

# /stats: when the figures were counted (issue #11, statistics tally)
stats-as-of = Shifrat janë të { $time }. Numërohen sërish çdo disa minuta.

# Part C (issue #11): /audit in words, by kind of action
audit-action-audit-view = lexoi regjistrin e veprimeve: { $count ->
        [one] një rresht
       *[other] { $count } rreshta
    }
audit-action-broadcast-start = nisi dërgimin e lajmeve te { $audience }: { $recipients ->
        [one] një marrës
       *[other] { $recipients } marrës
    }
audit-action-broadcast-pause = ndaloi përkohësisht dërgimin e lajmeve
audit-action-broadcast-resume = rinisi dërgimin e lajmeve
audit-action-broadcast-cancel = anuloi dërgimin e lajmeve
audit-action-case-view = hapi kartën e një rasti: { $families ->
        [one] e ndjek një familje
       *[other] e ndjekin { $families } familje
    }, u shfaqën kontaktet e { $contacts }
audit-action-case-search = { $filtered ->
        [all] pa listën e të gjitha rasteve
       *[some] kërkoi raste sipas { $filter }
    }: { $results ->
        [one] një rezultat
       *[other] { $results } rezultate
    }
audit-action-case-export = eksportoi { $rows ->
        [one] një rast
       *[other] { $rows } raste
    } (filtri: { $filter })
audit-action-case-status = ndryshoi statusin e një rasti nga “{ $from }” në “{ $to }”
audit-action-case-withdraw = tërhoqi një regjistrim
audit-action-case-duplicate-confirm = bashkoi një dublikatë me rastin { $into }: { $moved ->
        [one] u zhvendos një familje
       *[other] u zhvendosën { $moved } familje
    }
audit-action-case-duplicate-reject = shënoi se një rast nuk është dublikatë
audit-action-event-create = krijoi një ngjarje dhe ftoi { $audience }: { $recipients ->
        [one] një person
       *[other] { $recipients } persona
    }
audit-action-event-move = ndryshoi orën e një ngjarjeje: u njoftuan { $told }
audit-action-event-cancel = anuloi një ngjarje: u njoftuan { $told }
audit-action-invite-create = krijoi një ftesë (roli: { $role })
audit-action-invite-accept = u bashkua me ekipin (roli: { $role })
audit-action-role-revoke = hoqi rolin { $role } ({ $invitesVoided } ftesa të hapura u anuluan)
audit-action-team-list = pa listën e ekipit
audit-action-letters-export = eksportoi { $letters ->
        [one] një letër
       *[other] { $letters } letra
    }
audit-action-location-add = shtoi një vendndodhje të supozuar
audit-action-location-deactivate = hoqi një vendndodhje të supozuar
audit-action-mydata-export = shkarkoi të dhënat e veta
audit-action-mydata-erase = fshiu të gjitha të dhënat e veta
audit-action-petition-create = krijoi një peticion
audit-action-petition-edit = ndryshoi tekstin e një peticioni (versioni { $version })
audit-action-petition-status = ndryshoi statusin e një peticioni nga “{ $from }” në “{ $to }”
audit-action-petition-last-call = dërgoi thirrjen e fundit të një peticioni ({ $days ->
        [one] mbetet një ditë
       *[other] mbeten { $days } ditë
    })
audit-action-petition-stats = pa shifrat e një peticioni
audit-action-petition-export = eksportoi një peticion: { $signatures } nënshkrime, { $appeals } apele
audit-action-petition-attachments = shkarkoi bashkëngjitjet e një peticioni
audit-action-stats-view = pa statistikat: { $scope }
audit-audience-families = familjet
audit-audience-language = familjet që lexojnë një gjuhë
audit-audience-case-status = familjet rasti i të cilave ka një status
audit-audience-signers = nënshkruesit e një peticioni
audit-audience-event-yes = ata që thanë Po për një ngjarje
audit-search-all = të gjitha rastet
audit-search-name = emri
audit-search-reference = numri i rastit
audit-search-province = provinca
audit-search-status = statusi
audit-search-location = vendndodhja e supozuar
audit-search-duplicates = dublikatat për t'u kontrolluar
audit-search-dates = data e regjistrimit
audit-stats-all = të gjitha provincat
audit-stats-provinces = { $count ->
        [one] një provincë
       *[other] { $count } provinca
    }
audit-filter-kind = Lloji: { $kind }
audit-kind-views = shikime
audit-kind-searches = kërkime
audit-kind-exports = eksporte
audit-kind-statuses = ndryshime statusi
audit-kind-roles = role dhe ftesa
audit-filter-kinds = Ose një lloj veprimi: /audit shikime, /audit kërkime, /audit eksporte, /audit statusi, /audit rolet.

# Part C (issue #11): /stats from the main menu
menu-stats = 📊 Statistikat

# Part C (issue #11): /audit, someone the bot no longer knows
audit-actor-gone = dikush që nuk është më në bot

# Part D1 (issue #12): the way into the coordinator's desk
cmd-desk = Tavolina e punës: të gjitha rastet me një shikim
menu-desk = 🖥 Tavolina e punës
open-desk-prompt = Tavolina e punës hapet brenda Telegramit: rastet në një tabelë, çdo rast në një ekran dhe shifrat si grafikë. Shtypni butonin më poshtë. Nëse më vonë thotë se ka skaduar, hapeni përsëri nga këtu.
open-desk-button = 🖥 Hap tavolinën e punës
open-desk-off = Tavolina e punës nuk është ndezur ende për këtë bot; ju lutemi pyesni personin që e drejton botin. Gjithçka që ajo tregon është edhe këtu në bisedë: /find, /case dhe /stats.

# --- The coordinator's desk: the web page (issue #12, D3). Shown by src/desk/web; no placeables (the server renders them once). ---
desk-title = Tavolina e koordinatorit
desk-loading = Po ngarkohet…
desk-error-unauthorized = Kjo faqe ka skaduar. Ju lutemi mbylleni dhe hapeni përsëri tavolinën nga boti.
desk-error-forbidden = Nuk keni leje ta shihni këtë.
desk-error-network = Lidhja dështoi. Kontrolloni internetin dhe provoni përsëri.
desk-error-server = Diçka shkoi keq; asgjë nuk humbi. Ju lutemi provoni përsëri.
desk-error-invalid = Kjo kërkesë u refuzua. Ju lutemi kontrolloni atë që shkruat.
desk-error-not-found = Ky rast nuk u gjet.
desk-error-conflict = Ky rast sapo ndryshoi. Ju lutemi provoni përsëri.
desk-retry = Provo përsëri
desk-tab-cases = Rastet
desk-tab-overview = Përmbledhje
desk-col-reference = Referenca
desk-col-name = Emri
desk-col-status = Gjendja
desk-col-province = Provinca
desk-col-registered = Regjistruar
desk-filter-name = Emri (me shkronja perse ose latine)
desk-filter-location = Vendndodhja
desk-filter-any = Të gjitha
desk-filter-from = Regjistruar nga
desk-filter-to = deri
desk-filter-date-example = 2026-11-28
desk-filter-duplicates = Vetëm dublikatat e mundshme ende të pakontrolluara
desk-filter-more = Më shumë filtra
desk-filter-bad-reference = Kjo referencë nuk është e saktë. Shkruajeni siç e tregon boti.
desk-filter-bad-date = Shkruani një datë si 1405/09/07 (kalendari diellor hixhri) ose 2026-11-28 (gregorian).
desk-filter-bad-order = Data "nga" duhet të jetë para datës "deri".
desk-filter-search = Kërko
desk-filter-clear = Pastro
desk-export = Dërgoje këtë listë në bisedën time me botin
desk-export-sent = Lista u dërgua në bisedën tuaj me botin.
desk-export-rows = Rreshta
desk-total = Raste të gjetura
desk-no-cases = Asnjë rast nuk përputhet me këtë kërkim.
desk-duplicate-mark = Dublikatë e mundshme
desk-page-previous = Mbrapa
desk-page-next = Para
desk-back = Kthehu te lista
desk-case-other-names = Emra të tjerë
desk-case-sex = Gjinia
desk-case-birth-year = Lindur
desk-case-left-year = Iku
desk-case-location = Besohet të jetë në
desk-case-close-reason = Arsyeja e mbylljes
desk-case-family-count = Familje që u regjistruan
desk-case-families = Familjet
desk-case-no-phone = Pa numër telefoni; lidhuni me ta përmes botit.
desk-case-duplicates = Raste që mund të jenë i njëjti person
desk-case-timeline = Historiku
desk-case-note-family = Mesazh për familjen
desk-case-note-internal = Shënim i brendshëm
desk-move-title = Ndrysho gjendjen e rastit
desk-move-to = Gjendja e re
desk-move-reason = Arsyeja e mbylljes
desk-move-family-note = Mesazh për familjen (sipas dëshirës)
desk-move-internal-note = Shënim i brendshëm (sipas dëshirës; familja nuk e sheh)
desk-move-submit = Ruaj ndryshimin
desk-move-done = Gjendja e re u ruajt.
desk-move-notified = Familje të njoftuara
desk-move-need-status = Zgjidhni një gjendje të re.
desk-move-need-reason = Për ta mbyllur rastin, zgjidhni arsyen.
desk-chart-hint = Prekni ose drejtojeni te një shtyllë për të parë numrin.
desk-overview-total = Të gjitha rastet
desk-overview-stale = Raste të hapura pa lajme
desk-overview-by-province = Raste sipas provincës
desk-overview-by-status = Raste sipas gjendjes
desk-overview-by-month = Regjistrime në muaj
desk-overview-contact-by-month = Kontakte të vendosura në muaj
desk-overview-signatures = Nënshkrime në ditë
desk-overview-petitions = Peticione
desk-overview-goal = Nënshkrime kundrejt objektivit
desk-overview-no-goal = pa objektiv
desk-overview-events = Ngjarje
desk-overview-empty = Ende asgjë.
desk-rsvp-yes = Vij
desk-rsvp-maybe = Ndoshta
desk-rsvp-no = Nuk vij

# Desk (issue #12), the desk's data (D2): a believed location nobody knows
desk-location-unknown = E panjohur
