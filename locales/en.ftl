language-native-name = English

## Commands (descriptions shown in Telegram's command menu)
cmd-start = Start and main menu
cmd-help = What this bot can do
cmd-language = Change language
cmd-cancel = Stop what you are doing
cmd-team = Team members and roles
cmd-invite = Invite a volunteer or coordinator

## Start and menu
start-greeting =
    Hello. This bot helps families reach a relative they have lost contact with.
    You can register your relative, follow their case and send letters. Nothing is stored without your consent.
    Choose from the menu below.
start-link-unknown = This link is not valid (it may be old). Here is the main menu instead.
menu-prompt = Choose from the menu below.
menu-language = 🌐 Language
menu-help = ❓ Help
menu-team = 👥 Team
menu-invite = ➕ Invite
unknown-command = I don't know that command. Choose from the menu below, or send /help.
unknown-message = I didn't understand that. Please choose from the menu below.

## Help
help-family =
    This bot helps families reach relatives they have lost contact with.
    /start – main menu
    /register – register a missing relative
    /mycases – see, change or delete what you registered
    /status – news and timeline of your cases
    /petitions – petitions you can sign
    /letter – write a letter to your relative
    /mydata – a file with everything we keep about you
    /deletemydata – erase everything we keep about you
    /language – change the language
    /cancel – stop what you are doing
    /help – this help
help-volunteer =
    As a volunteer for your provinces you can also:
    /case <reference> – open a case of your provinces and move its status on
    /desk – the desk: your provinces' cases in a table, and their figures as charts
    /broadcast – send news to the families of your provinces
    /broadcasts – your recent news and their figures
help-coordinator =
    As a coordinator you can also:
    /invite – create an invitation link for a volunteer or coordinator
    /team – see team members and revoke roles
    /case <reference> – open any case
    /desk – the desk: all cases in a table, one case on one screen, the figures as charts
    /locations – the places where relatives are believed to be
    /broadcast – send news to families
    /broadcasts – recent news and their figures
    /managepetitions, /newpetition – petitions

## Language
language-choose = Choose your language:
language-changed = Language changed to English.

## Cancel
cancel-done = Stopped. Nothing from it was saved.
cancel-nothing = There was nothing to stop.

## Errors
error-generic = Sorry, something went wrong on our side. Nothing you sent was lost. Please try again.
error-database-unavailable = The service is temporarily unavailable. Nothing you sent is lost: we will answer as soon as it is back.
error-not-allowed = Sorry, you are not allowed to do that.
error-too-fast = You are sending messages very quickly. Please wait a few seconds, then try again.
error-button-expired = This button is no longer valid.

## Buttons
button-cancel = ✖️ Cancel
button-done = ✔️ Done

## Roles
role-volunteer = Volunteer
role-coordinator = Coordinator

## Invitations
invite-choose-role = Which role should the invitation grant?
invite-choose-provinces = Choose the provinces this volunteer will serve, then press Done.
invite-provinces-none-selected = Choose at least one province.
invite-use-buttons = Please use the buttons above, or send /cancel.
invite-cancelled = Invitation cancelled.
invite-created =
    Invitation created for the role: { $role }.
    Send this link to the person privately. It works once and expires in { $hours } hours:
    { $link }
invite-accepted-volunteer = Welcome to the team. You are now a volunteer for: { $provinces }.
invite-accepted-coordinator = Welcome to the team. You are now a coordinator.
invite-invalid = This invitation link is not valid.
invite-used = This invitation link has already been used.
invite-expired = This invitation link has expired. Please ask for a new one.

## Team
team-empty = There are no volunteers or coordinators yet.
team-member =
    Team member { $id }
    { $roles }
team-member-role = • { $role } { $provinces }
team-revoke-button = Revoke { $role }
team-revoked = The role { $role } of { $id } was revoked.
team-not-a-member = That person does not have this role any more.
team-cannot-revoke-self = You cannot revoke your own role.

## Registration of a missing relative
menu-register = 📝 Register a relative
menu-mycases = 📂 My registrations
menu-status = 📬 Case news
cmd-register = Register a missing relative
cmd-mycases = See, change or delete what you registered
cmd-status = News and timeline of your cases
reg-consent =
    Before we start, please read this.

    We will ask about the relative you are looking for and about you. We keep only your answers: names, years, places, an optional photo and notes, and how to reach you.

    Who sees them: the association's coordinators, and the volunteers of your province when they work on your case. Nothing is published. Names, places and notes are stored encrypted.

    Why: to work on your case, and to find out whether other families are looking for the same person. Other families never see who you are.

    You can see, change or delete what you registered at any time with /mycases.

    Do you agree?
reg-consent-agree = ✅ I agree, continue
reg-consent-decline = ✖️ No, thank you
reg-declined = Nothing was stored. You can register later from the menu.
reg-progress = Step { $current } of { $total }
reg-q-relation = Who are you to the person you are looking for?
reg-q-fullName = What is their full name? Write it as your family writes it, in Persian or Latin letters.
reg-q-otherNames = Other spellings, names or nicknames? Separate them with commas, or press Skip.
reg-q-sex = Is the person you are looking for a man or a woman?
reg-q-birthYear = In which year were they born? You can write the Solar Hijri year (for example 1345) or the Gregorian year (for example 1966). Press Skip if you do not know.
reg-q-leftYear = In which year did they leave, or when were they last seen? Solar Hijri or Gregorian year. Press Skip if you do not know.
reg-q-leftPlace = From where did they leave, or where were they last seen (city or country)? Press Skip if you do not know.
reg-q-location = Where do you believe they are now?
reg-q-locationOther = Please write where you believe they are.
reg-q-photo = If you have a photo of them, send it now. Otherwise press Skip.
reg-q-notes = Is there anything else that could help? Write it, or press Skip.
reg-q-familyProvince = In which province do you live? If you live outside Iran, choose "Outside Iran".
reg-q-familyCity = In which city or town? Press Skip if you prefer not to say.
reg-q-familyCountry = In which country do you live?
reg-q-lastContactYear = In which year did your family last have any contact with them? Press Skip if never or if you do not know.
reg-q-lastContactMethod = How was that last contact?
reg-q-contactPreference = How would you like the association to reach you?
reg-q-phone = Please share your phone number with the button below, or type it.
reg-phone-share-hint = You can also press this button to share your number:
reg-share-phone = 📱 Share my number
relation-mother = I am the mother
relation-father = I am the father
relation-sister = I am the sister
relation-brother = I am the brother
relation-spouse = I am the wife or husband
relation-child = I am a daughter or son
relation-other = Other relation
sex-female = Woman
sex-male = Man
location-other = Somewhere else
location-unknown = I do not know
province-abroad = 🌍 Outside Iran
contact-phone = A phone call
contact-letter = A letter
contact-visit = A visit
contact-message = A message through someone
contact-none = No contact at all
contact-other = Another way
reach-telegram = Here in Telegram
reach-phone = By phone call
button-back = ◀️ Back
button-skip = ⏭ Skip
reg-year-which = Did you mean { $solar } in the Solar Hijri calendar, or { $gregorian } in the Gregorian calendar?
reg-year-solar = { $year } (Solar Hijri)
reg-year-gregorian = { $year } (Gregorian)
reg-error-name-empty = Please write the name.
reg-error-name-too-long = This name is too long. Please write at most 80 letters.
reg-error-name-no-letters = A name needs letters. Please write the name.
reg-error-text-empty = Please write your answer, or press Skip if you can.
reg-error-text-too-long = This is too long. Please write at most { $limit } characters.
reg-error-year-not-a-number = Please write the year in digits, for example 1360 or 1981.
reg-error-year-out-of-range = This year does not look right. Please check it.
reg-error-year-before-birth = This year is before the year of birth. Please check it.
reg-error-phone-invalid = This does not look like a phone number. Please write it with the country code, for example +98 912 123 4567.
reg-error-use-buttons = Please choose one of the buttons.
reg-error-send-photo = Please send a photo, or press Skip.
reg-error-text-expected = Please write your answer as a message.
reg-cancel-confirm = Do you want to stop? Your answers so far will be discarded.
reg-cancel-discard = Yes, stop and discard
reg-cancel-keep = No, continue
reg-cancelled = Registration stopped. Nothing was saved.
reg-edit-cancelled = Nothing was changed.
reg-summary-title = Please check your answers. You can change any of them before saving.
reg-value-none = —
reg-value-photo = 📷 photo attached
reg-field-relation = You are
reg-field-fullName = Name
reg-field-otherNames = Other names
reg-field-sex = Man or woman
reg-field-birthYear = Year of birth
reg-field-leftYear = Year left or last seen
reg-field-leftPlace = Place left or last seen
reg-field-location = Believed to be
reg-field-locationOther = Where exactly
reg-field-photo = Photo
reg-field-notes = Notes
reg-field-familyProvince = Your province
reg-field-familyCity = Your city
reg-field-familyCountry = Your country
reg-field-lastContactYear = Last contact (year)
reg-field-lastContactMethod = Last contact (how)
reg-field-contactPreference = How to reach you
reg-field-phone = Phone
reg-save = ✅ Save
reg-save-changes = ✅ Save the changes
reg-saved =
    Thank you. Your registration is saved.
    Case reference: { $reference }
    Please keep this number: you can quote it to the association. You can see your registration at any time with /mycases.
reg-updated = Your changes are saved.
reg-resume-offer = You have a registration that is not finished. Do you want to continue where you stopped?
reg-resume-continue = ▶️ Continue
reg-resume-restart = 🔄 Start again
mycases-empty = You have not registered anyone yet. Press "📝 Register a relative" to start.
mycases-title = Your registrations ({ $count }). Choose one to see it:
mycases-not-found = This registration was not found. It may have been withdrawn.
mycases-edit = ✏️ Change
mycases-withdraw = 🗑 Withdraw and delete
mycases-closed = This case is closed and cannot be changed.
mycases-withdraw-confirm = Withdraw the registration of { $name }? What you told us will be deleted. This cannot be undone.
mycases-withdraw-yes = Yes, withdraw and delete
mycases-withdraw-no = No, keep it
mycases-withdraw-kept = Nothing was changed.
mycases-withdrawn = The registration { $reference } was withdrawn and what you told us was deleted.
status-card =
    { $name }
    Case { $reference }: { $status }
status-registered = Registered
status-under_review = Being reviewed
status-verified = Verified
status-outreach = Outreach in progress
status-contact_established = Contact established
status-closed = Closed
close-reason-reunited = reunited
close-reason-withdrawn_by_family = withdrawn by the family
close-reason-duplicate = registered twice; followed in another case
close-reason-not_found = could not be found
close-reason-other = other reason
timeline-registered = Registered
timeline-edited = Changed by the family
timeline-withdrawn = Withdrawn by a family member
timeline-status = Status changed

## Petitions
cmd-petitions = Petitions you can sign
cmd-letter = Write a letter to your relative
cmd-managepetitions = Manage petitions
cmd-newpetition = Write a new petition
pet-menu-petitions = 📜 Petitions
pet-menu-letter = ✉️ Letter to my relative
pet-menu-manage = 🗂 Manage petitions
pet-use-buttons = Please use the buttons above, or send /cancel.
pet-not-found = This petition was not found.
pet-closed = This petition is closed; it can no longer be signed.
pet-link-unknown = This petition link is not valid (it may be mistyped). Here are the petitions open now.
pet-link-closed = The petition «{ $title }» is closed and can no longer be signed. Here are the petitions open now.
pet-list-title = Petitions open for signing:
pet-list-empty = There are no petitions open for signing right now.
pet-list-item = { $number }. { $title } — { $count } of { $goal } ({ $percent }%)
pet-card-title = 📜 { $title }
pet-card-addressee = To: { $addressee }
pet-card-progress = ✍️ { $count } of { $goal } signatures { $bar } { $percent }%
pet-card-deadline = Open for signing until { $date }.
pet-card-closed = This petition is closed.
pet-card-signed = ✅ You signed on { $date }.
pet-button-sign = ✍️ Sign
pet-button-appeal = ✉️ Add a personal appeal
pet-button-withdraw = ↩️ Withdraw my signature
pet-button-share = 📤 Share
pet-button-read-and-sign = ✍️ Read and sign
pet-button-open-petition = 📜 Open the petition
pet-button-sign-now = ✅ Sign
pet-button-no-thanks = No, thank you
pet-button-withdraw-yes = Yes, withdraw my signature
pet-button-withdraw-no = No, keep it
pet-inline-count = ✍️ { $count } of { $goal } signatures
pet-abroad = Outside Iran
pet-abroad-button = 🌍 I live outside Iran
pet-anonymous = (no name)
pet-language-fa = Persian
pet-language-en = English
pet-language-sq = Albanian

pet-sign-ask-name-display =
    How should your name appear on the list of signatures given to the addressee?
    You can also sign with initials only, or without a name.
pet-name-full = ✍️ With my name
pet-name-initials = 🔤 Initials only
pet-name-anonymous = 👤 Without a name
pet-name-chosen-full = Your name will appear on the list.
pet-name-chosen-initials = Only your initials will appear on the list.
pet-name-chosen-anonymous = You will sign without a name.
pet-sign-ask-name = Please type your name as it should appear on the list.
pet-sign-ask-name-initials = Please type your name. Only its initials are kept (for example «M. R.»).
pet-sign-type-name = Please type your name as text, or send /cancel.
pet-error-name-empty = The name is empty. Please type it again.
pet-error-name-too-long = That name is too long. Please type a shorter form.
pet-error-name-no-letters = A name needs letters. Please type it again.
pet-sign-ask-province = Which province do you live in? If you live abroad, press the last button.
pet-sign-from = From: { $place }
pet-sign-ask-country = In which country do you live?
pet-sign-type-country = Please type the name of the country, or send /cancel.
pet-sign-ask-relation = Is one of your relatives in the camp? If so, what are you to them?
pet-relation-mother = Mother
pet-relation-father = Father
pet-relation-sister = Sister
pet-relation-brother = Brother
pet-relation-spouse = Spouse
pet-relation-child = Son or daughter
pet-relation-other = Other relative
pet-relation-none = I am a supporter
pet-sign-ask-news = Shall we tell you when the petition reaches its milestones?
pet-news-yes = 🔔 Yes, please
pet-news-no = No news, thank you
pet-sign-confirm =
    Please check before signing «{ $title }»:
    Name on the list: { $name }
    Lives in: { $place }

    Your name (as chosen above) and your province or country will be on the list given to the addressee. You can withdraw your signature while the petition is open.
pet-sign-cancelled = Signing cancelled. Nothing was saved.
pet-signed = ✅ Thank you. Your signature is counted: { $count } people have signed so far.
    Would you like to add a personal appeal? It will be delivered together with the signatures.
pet-sign-done = Thank you. You can share the petition with others with the «Share» button on it.
pet-already-signed = You have already signed this petition. Thank you — each person is counted once.
pet-error-text-changed = The text of this petition was changed while you were reading it. Please read the new text before signing.

pet-withdraw-confirm = Do you want to withdraw your signature from «{ $title }»? Your name will be removed from the list. You can sign again while the petition is open.
pet-withdraw-kept = Your signature stays. Thank you.
pet-withdrawn = Your signature was withdrawn and your details removed from the list. { $count } signatures remain.
pet-withdraw-not-signed = You have not signed this petition (or already withdrew).
pet-withdraw-closed = The petition is closed, so signatures can no longer be withdrawn.

pet-appeal-ask =
    Send your appeal now: a text of up to { $limit } characters, a photo of a handwritten letter, or a voice message of up to { $minutes } minutes.
    It will be stored so that the association can deliver it with the signatures.
pet-appeal-cancelled = Cancelled. Nothing was saved.
pet-appeal-saved = ✅ Your appeal was saved. It will be delivered together with the signatures. Thank you.
pet-appeal-sign-first = Please sign the petition first; the appeal is delivered with your signature.
pet-appeal-too-many = You have already added the most appeals allowed for one signature.
pet-appeal-error-too-long = That text is too long: at most { $limit } characters. Please shorten it, or send it in a photo.
pet-appeal-error-photo-too-large = That photo is too large (at most { $limit } MB). Please send a smaller photo.
pet-appeal-error-voice-too-long = That voice message is too long: at most { $minutes } minutes. Please record a shorter one.
pet-appeal-error-voice-too-large = That voice message is too large (at most { $limit } MB). Please record a shorter one.
pet-appeal-error-sticker = Stickers cannot be delivered as an appeal. Please send text, a photo of a letter, or a voice message.
pet-appeal-error-video = Videos cannot be accepted. Please send text, a photo of a letter, or a voice message of up to { $minutes } minutes.
pet-appeal-error-audio = Music and audio files cannot be accepted. Please record a voice message of up to { $minutes } minutes.
pet-appeal-error-document = Files cannot be accepted. If it is a photo of a letter, please send it as a photo.
pet-appeal-error-other = This cannot be accepted as an appeal. Please send text, a photo of a letter, or a voice message.

pet-letter-intro = You can write a letter to your relative in the camp. The association collects letters so that a visiting delegation can deliver them; we cannot promise when.
pet-letter-ask-recipient = Who is the letter for? Please type your relative's name.
pet-letter-ask-sender = How should the letter be signed? (for example «Your mother, Zahra»)
pet-letter-type-name = Please type it as text, or send /cancel.
pet-letter-ask-content =
    Now send the letter: a text of up to { $limit } characters, a photo of a handwritten letter, or a voice message of up to { $minutes } minutes.
    It will be stored so that the association can deliver it.
pet-letter-saved = ✅ Your letter was saved. Thank you. You can write more letters from the menu at any time.
pet-letter-too-many = You have many letters waiting for delivery already. Please wait until they are delivered.

pet-create-intro = A new petition. You write the title and the full text in Persian and English (Albanian is optional), then the addressee, the goal and the milestones. Nothing is public until you open it.
pet-create-ask-title = Title in { $language }:
pet-create-ask-body = The full text in { $language } (at most { $limit } characters):
pet-create-skip-language = Skip this language
pet-create-ask-addressee = To whom is the petition addressed?
pet-create-ask-goal = How many signatures is the goal? (a number)
pet-create-ask-deadline = Until when can people sign? Send a date such as 2027-03-20 or 1405/12/29, or press «No deadline».
pet-create-no-deadline = No deadline
pet-create-ask-milestones = At which counts should signers get news? For example: 1000, 5000, 10000
pet-create-no-milestones = No milestones
pet-create-use-text = Please type your answer, or use the buttons above.
pet-create-use-buttons = Please use the buttons above, or send /cancel.
pet-create-cancelled = Cancelled. Nothing was saved.
pet-create-summary =
    Please check the new petition:
    { $titles }
    To: { $addressee }
    Goal: { $goal } signatures
    Milestones: { $milestones }
pet-button-save-draft = 💾 Save as draft
pet-create-saved = ✅ Saved as a draft. Open it for signing from its card below.
pet-edit-intro = New text for this petition. It can change only until the first person signs.
pet-edit-saved = ✅ The new text was saved (version { $version }).
pet-error-text-empty = That is empty. Please type it again.
pet-error-text-too-long = That is too long: at most { $limit } characters.
pet-error-goal = Please send a whole number, for example 10000.
pet-error-deadline = That is not a date I understand. Please write it like 2027-03-20 or 1405/12/29.
pet-error-deadline-past = That day has passed. Please send a day in the future.
pet-error-milestones = Please send numbers separated by commas, for example: 1000, 5000, 10000 (at most ten).
pet-error-text-frozen = People have signed this petition, so its text can no longer change.
pet-error-transition = That is not possible in the petition's current state.

pet-manage-title = Petitions (newest first). Choose one to manage it:
pet-manage-empty = There are no petitions yet.
pet-button-new = ➕ New petition
pet-button-export-letters = 📥 Export letters to relatives
pet-manage-status = Status: { $status } · reference { $ref }
pet-manage-version = Text version { $version } (can still be edited)
pet-manage-version-frozen = Text version { $version } (frozen: people have signed)
pet-manage-milestones = Milestones: { $milestones }
pet-manage-link = Link: { $link }
pet-status-draft = Draft
pet-status-open = Open
pet-status-closed = Closed
pet-status-delivered = Delivered
pet-status-changed-open = ✅ The petition is open for signing.
pet-status-changed-closed = The petition is closed. Signatures can no longer be added or withdrawn.
pet-status-changed-delivered = ✅ Marked as delivered to the addressee.
pet-button-edit = ✏️ Edit text
pet-button-open = 🟢 Open for signing
pet-button-close = 🔴 Close
pet-button-reopen = 🔁 Reopen
pet-button-deliver = 📦 Mark delivered
pet-button-stats = 📊 Statistics
pet-button-export = 📥 Export

pet-stats-title = 📊 { $title }
pet-stats-total = Signatures: { $count } (withdrawn over time: { $withdrawals })
pet-stats-by-province = By province:
pet-stats-by-day = By day:
pet-stats-milestones = Milestones reached: { $milestones }

pet-export-signatures-caption = Signatures: { $count } (CSV, UTF-8)
pet-export-appeals-caption = Personal appeals: { $count }, with { $attachments } photos and voice messages
pet-export-text-caption = The petition text with the totals
pet-export-letters-caption = Letters to relatives: { $count }, with { $attachments } photos and voice messages
pet-export-attachments = { $count } photos and voice messages belong to this export. Each is sent with its number from the file.
pet-button-send-attachments = 📎 Send them
pet-button-next = ▶️ Next
pet-export-attachments-more = Sent { $sent } of { $count }.
pet-export-attachments-done = All { $count } were sent.
pet-export-heading = Petition { $ref }, text version { $version }
pet-export-exported-at = Exported: { $date }
pet-export-totals = Signatures: { $count } · withdrawn over time: { $withdrawals } · personal appeals: { $appeals }
pet-export-period = First signature: { $first } · last signature: { $last }

pet-milestone-news =
    📣 The petition «{ $title }» has reached { $milestone } signatures (goal: { $goal }).
    Thank you for signing. Sharing it with others helps.

## Case work (volunteers and coordinators)
cmd-case = Open a case by its reference
cmd-locations = Places where relatives are believed to be
language-name-fa = Persian
language-name-en = English
language-name-sq = Albanian
case-news = News about { $name } (case { $reference }): { $status }
case-news-note = Message from the association: { $note }
case-news-footer = You can see the whole timeline with /status.
casework-usage = Send the case reference after the command, for example: /case 1234-5678-9
casework-not-found = No case with this reference was found.
casework-not-your-province = This case belongs to a province you do not work for.
casework-province = Family's province
casework-families = Families following this case: { $count }
casework-possible-duplicates = ⚠️ Possibly the same person as: { $references }
casework-confirm-duplicate = 🔗 Same person as { $reference }
casework-duplicate-confirmed = Confirmed. The families of this registration ({ $families }) now follow the other case.
casework-reject-duplicates = ✖️ Not the same person
casework-duplicates-rejected = Noted: not the same person. The flag is cleared.
casework-choose-reason = Why is the case being closed?
casework-family-note = Write a short note for the family (they will read it), or press Skip.
casework-internal-note = Write an internal note (only the team sees it), or press Skip.
casework-confirm = Change case { $reference } to "{ $status }"? The families will be told.
casework-confirm-button = ✅ Change the status
casework-cancelled = Nothing was changed.
casework-done = The status is now "{ $status }". Families told: { $families }.
casework-error-not_found = No case with this reference was found.
casework-error-forbidden = This case belongs to a province you do not work for.
casework-error-not_allowed = Your role cannot make this change.
casework-error-same_status = The case already has this status.
casework-error-reason_required = Closing a case needs a reason.
casework-error-reason_not_allowed = A reason is only given when closing.
casework-error-conflict = Someone else changed this case a moment ago. Please open it again.
casework-error-closed = This case is closed.
locations-title = Places where relatives are believed to be:
locations-add = ➕ Add a place
locations-ask-name = Name of the place in { $language }:
locations-added = Added: { $name }
locations-removed = Removed from the list. Registrations that chose it keep it.
locations-cancelled = Nothing was added.

## Broadcasts (volunteers and coordinators)
menu-broadcast = 📣 Send news
cmd-broadcast = Send news to families
cmd-broadcasts = Your recent news messages and their figures
bc-choose-audience = Who should receive this message?
bc-audience-families = 👪 Families
bc-audience-language = 🗣 Families who read a language
bc-audience-caseStatus = 📁 Families whose case has a status
bc-audience-signers = ✍️ Signers of a petition
bc-choose-language = Which language?
bc-choose-status = Families whose case is:
bc-choose-petition = Signers of which petition?
bc-no-petitions = There is no open petition.
bc-choose-provinces = Which of your provinces? Choose, then press Done.
bc-choose-provinces-wide = All provinces, or choose some and press Done.
bc-all-provinces = 🌐 All provinces
bc-ask-message = Send the message in { $language }. You can format it, and attach one photo or document with the text as its caption.
bc-ask-translation = Send the { $language } version, or press Skip (those readers then get the first version).
bc-error-kind = Please send text, or one photo or document with a caption.
bc-preview-label = Preview ({ $language }):
bc-preview-count =
    This message will go to { $count } people.
    { $breakdown }
bc-send-now = 📤 Send now
bc-schedule = 🕒 Schedule
bc-discard = 🗑 Discard
bc-discarded = Discarded. Nothing was sent.
bc-ask-time = When should it be sent? Write the date and time on your clock ({ $zone }), for example 2026-12-01 18:30 or 1405/09/10 18:30.
bc-error-time-format = I could not read this date and time. Please write it like 2026-12-01 18:30 or 1405/09/10 18:30.
bc-error-time-past = This time has already passed. Please choose a later time.
bc-starting = 📤 Starting…
bc-starting-scheduled = 🕒 Scheduling…
bc-progress-running = 📤 Sending: { $sent } sent, { $failed } failed, { $pending } remaining of { $total } — about { $minutes } min left.
bc-progress-scheduled = 🕒 Scheduled: { $total } people will receive it at the chosen time.
bc-progress-paused = ⏸ Paused: { $sent } sent, { $pending } waiting of { $total }.
bc-progress-done = ✅ Finished: { $sent } sent, { $failed } failed, { $skipped } not reachable (they blocked the bot) of { $total }.
bc-progress-cancelled = ✖️ Cancelled: { $sent } had been sent of { $total }; the rest will not be sent.
bc-pause = ⏸ Pause
bc-resume = ▶️ Resume
bc-cancel = ✖️ Cancel sending
bc-pause-done = Paused.
bc-resume-done = Resumed.
bc-cancel-done = Cancelled.
bc-list-title = Recent news messages:
bc-list-empty = No news messages yet.
bc-error-forbidden = Sorry, you are not allowed to do that.
bc-error-province_not_allowed = You can only send to the provinces you serve.
bc-error-bad_audience = This audience is not complete. Please start again.
bc-error-empty_audience = Nobody matches this audience yet, so nothing can be sent.
bc-error-not_found = This message was not found.

# Issue 8, part 5: lost updates (a conversation ended by an error)
error-conversation-dropped = Sorry, something went wrong on our side, and what you were doing was stopped before it was finished. Please start that step again from the beginning.

# Issue 8, part 1: private chats only (a group, supergroup or channel gets one line and a private link)
private-only-group = For your safety and your family's, I work only in a private chat. Please write to me privately here: { $link }
private-only-button = This button works only in a private chat with the bot.

## Idle conversations cleared by the retention job (issue #8: conversation state and retention)
conv-dropped-registration = You had started registering a relative, but it stayed unfinished for { $days } days, so we cleared it to keep your information safe. Nothing of what you wrote was kept. You can start again at any time with /register.
conv-dropped-petition = You had started signing a petition, but it stayed unfinished for { $days } days, so we cleared it to keep your information safe. Nothing of what you wrote was kept. You can start again with /petitions.
conv-dropped-letter = You had started writing a letter, but it stayed unfinished for { $days } days, so we cleared it to keep your information safe. Nothing of what you wrote was kept. You can start again with /letter.
conv-dropped-broadcast = You had started writing a news message, but it stayed unfinished for { $days } days, so we cleared it. Nothing of it was kept. You can start again with /broadcast.
conv-dropped-other = Something you had started stayed unfinished for { $days } days, so we cleared it to keep your information safe. Nothing of what you wrote was kept. /start shows the menu.

# Issue 8, part 3: families see and erase their data (/mydata, /deletemydata)
cmd-mydata = A file with everything we keep about you
cmd-deletemydata = Erase everything we keep about you
menu-mydata = 🔒 My data
mydata-menu-prompt = What we keep about you belongs to you. You can receive it as a file, or erase all of it.
mydata-send-button = 📄 Send me my data
mydata-erase-button = 🗑 Erase all my data
mydata-caption-text = Everything we keep about you, to read on your phone.
mydata-caption-json = The same data for computer programs (JSON).
mydata-doc-title = Everything this bot keeps about you
mydata-doc-made = Made on { $date }.
mydata-section-profile = You
mydata-language = Language
mydata-language-not-chosen = not chosen (the language of your Telegram app is used)
mydata-roles = Role
mydata-role-family = family member
mydata-since = since { $date }
mydata-admin-by-configuration = administrator (set in the bot's configuration)
mydata-first-seen = First message to the bot
mydata-last-seen = Last message to the bot
mydata-unreachable = The bot could not reach you since
mydata-section-cases = Relatives you registered or follow: { $count }
mydata-none = Nothing.
mydata-case-heading = Case { $reference } — { $status }
mydata-following-since = Following since
mydata-consent = You agreed to storing it on
mydata-timeline = What happened
mydata-section-signatures = Petitions you signed: { $count }
mydata-signed-on = Signed on
mydata-withdrawn-on = Signature taken back on
mydata-name-shown = Your name as it appears
mydata-without-name = without a name
mydata-province = Province
mydata-country = Country
mydata-relation = Relation to someone in the camp
mydata-news = News about the petition
mydata-yes = yes
mydata-no = no
mydata-appeals = Your personal messages
mydata-photo = a photo
mydata-voice = a voice message ({ $seconds } seconds)
mydata-section-withdrawals = Signatures you took back
mydata-withdrawal = signed on { $signed }, taken back on { $withdrawn }
mydata-section-letters = Letters to your relative: { $count }
mydata-letter-to-from = to { $to }, from { $from }
mydata-section-messages = Messages the bot sent you
mydata-messages-total = Messages recorded: { $count }
mydata-kind-broadcast = news from volunteers
mydata-kind-case-status = news about a case
mydata-kind-petition-milestone = news about a petition
mydata-kind-reminder = a reminder
mydata-not-delivered = not delivered
mydata-section-conversation = Unfinished steps
mydata-conversation-stored = Answers of a step you have not finished are stored (encrypted) until you finish or cancel it (/cancel).
mydata-conversation-none = No unfinished step is stored.
mydata-section-audit = Your actions in the bot's log
mydata-doc-footer = Names, notes, places, phone numbers and messages are stored encrypted. To erase all of this, send /deletemydata.
deletemydata-question = Do you want to erase everything we keep about you? Your registrations, signatures, personal messages and letters will be deleted, and nobody will follow your cases for you any more. This cannot be undone.
deletemydata-yes = Yes, erase everything
deletemydata-no = No, keep my data
deletemydata-kept = Nothing was erased. Your data is kept.
deletemydata-done = Everything we kept about you has been erased. If you write to the bot again, you start as a new user.
deletemydata-expired = This question is too old. If you still want to erase your data, send /deletemydata again.
mydata-section-invites = Invitation links you issued
mydata-invite-used = used
mydata-invite-unused = not used (valid until { $date })

# Issue 9, part 3: a conversation stored by an older version of the bot cannot be continued
conv-outdated = The bot was updated while you were in the middle of something, and that could not be continued, so we cleared it. Nothing of what you wrote was kept. Please start it again; /start shows the menu.

# /settings, time zones, daytime broadcasts (issue #10)
cmd-settings = Language, time zone and reminders
menu-settings = ⚙️ Settings
help-settings = ⚙️ /settings — your language, your time zone, and which reminders you receive.
settings-title = ⚙️ Your settings
settings-language = 🌐 Language: { $language }
settings-time-zone = 🕒 Time zone: { $zone }
settings-reminders = Reminders (🔔 on, 🔕 off):
settings-reminder-registration-unfinished = Unfinished registration
settings-reminder-event-24h = Event, one day before
settings-reminder-event-1h = Event, one hour before
settings-reminder-case-checkin = Monthly note about your case
settings-reminder-petition-last-call = Petition deadline
settings-button-language = 🌐 Language
settings-button-zone = 🕒 Time zone
settings-button-reminder-off = 🔕 Turn off: { $reminder }
settings-button-reminder-on = 🔔 Turn on: { $reminder }
settings-reminder-now-off = Turned off: { $reminder }
settings-reminder-now-on = Turned on: { $reminder }
settings-choose-country = In which country do you live? Messages and reminders will follow the clock there.
settings-choose-zone = { $country } has several time zones. Which city is nearest to you?
settings-button-type-zone = ⌨️ Type a time zone name
settings-ask-zone = Type the name of your time zone, for example Europe/Berlin or America/Toronto.
settings-error-unknown-zone = “{ $typed }” is not a time zone we know. Please write it like Europe/Berlin (region/city, in English).
settings-zone-changed = ✅ Time zone set: { $zone }
settings-zone-unchanged = Your time zone was not changed.
tz-country-ir = Iran (Tehran)
tz-country-de = Germany
tz-country-se = Sweden
tz-country-nl = Netherlands
tz-country-fr = France
tz-country-gb = United Kingdom
tz-country-no = Norway
tz-country-dk = Denmark
tz-country-be = Belgium
tz-country-ch = Switzerland
tz-country-at = Austria
tz-country-it = Italy
tz-country-al = Albania
tz-country-tr = Turkey
tz-country-iq = Iraq
tz-country-ca = Canada
tz-country-us = USA
tz-country-au = Australia
tz-zone-toronto = Toronto, Montreal (Eastern)
tz-zone-winnipeg = Winnipeg (Central)
tz-zone-edmonton = Calgary, Edmonton (Mountain)
tz-zone-vancouver = Vancouver (Pacific)
tz-zone-new-york = New York, Washington (Eastern)
tz-zone-chicago = Chicago, Dallas (Central)
tz-zone-denver = Denver, Phoenix (Mountain)
tz-zone-los-angeles = Los Angeles, Seattle (Pacific)
tz-zone-sydney = Sydney, Melbourne
tz-zone-brisbane = Brisbane
tz-zone-adelaide = Adelaide
tz-zone-perth = Perth
bc-send-daytime = 🌙 Deliver in each recipient's daytime
bc-starting-daytime = 🌙 Starting: those in their night (22:00–08:00 their time) receive it at 08:00 their time, the others now.

# Issue 10: unfinished registrations, case check-ins, petition last call and auto-close
reminder-registration-unfinished =
    🌱 You started registering your relative, but it is not finished yet.
    Whenever you have a moment, press "Continue" and we will go on from the question where you stopped. Nothing was lost.
reminder-case-checkin =
    🤍 Hello. We know you are waiting for news. There has been no new news about your case this month, but the case is open and the association's volunteers are following it.
    Whatever news comes, we will tell you here. See the case's status with /status.
    If you know something new (an address, a photo, another name), add it to your registration with /mycases.
reminder-petition-last-call =
    ⏳ The petition «{ $title }» can be signed until { $date }, and you have not signed it yet.
    If you want to sign, press the button below.
pet-closed-news =
    📪 The petition «{ $title }» reached its deadline and is now closed, with { $count } signatures.
    Thank you for signing. We will tell you any news about its delivery.

# /settings: the time zone of a family abroad, asked once after registering (issue #10)
settings-zone-from-country = 🕒 Our reminders will follow the clock in { $zone }, never at night. You can change this in /settings.
settings-zone-ask-once = 🕒 One more question, so that our reminders never reach you at night:

# --- Events (issue #10): /newevent, /events, invitations, answers, reminders ---
cmd-newevent = Invite families to an event
cmd-events = Events and their answers
bc-audience-eventYes = 📅 Who said Yes to an event
bc-choose-event = Those who said Yes to which event?
bc-no-events = There is no event yet.
ev-ask-title = Title of the event in { $language }:
ev-ask-description = A short description in { $language } (what, who, how to join), or Skip:
ev-ask-time = When does it start? Write the date and time on your clock ({ $zone }), for example 1405/09/10 18:30 or 2026-12-01 18:30.
ev-ask-new-time = The new date and time on your clock ({ $zone }), for example 1405/09/10 18:30:
ev-ask-link = The online link (Zoom, Meet, …), if there is one. It is shown only to those who answer Yes or Maybe.
ev-button-skip = ⏭ Skip
ev-button-cancel = ✖️ Cancel
ev-button-send = 📤 Send the invitation
ev-button-discard = 🗑 Discard
ev-button-nolink = No link
ev-button-move = 🕒 Move
ev-button-cancel-event = ✖️ Cancel the event
ev-button-confirm-cancel = Yes, cancel the event
ev-error-empty = Please write a few words.
ev-error-time-format = I could not read this time. Write it like 1405/09/10 18:30 or 2026-12-01 18:30.
ev-error-no-such-date = This date does not exist in the calendar. Please check the day and month.
ev-error-time-past = This time has already passed. Please choose a time in the future.
ev-error-link = Please send a link that starts with https://, or press "No link".
ev-error-forbidden = You are not allowed to do this.
ev-error-province_not_allowed = You can only invite the families of your own provinces.
ev-error-bad_audience = Something in the event was not right. Nothing was sent.
ev-error-empty_audience = Nobody matches this audience, so the invitation was not sent.
ev-error-not_found = This event no longer exists.
ev-error-past = This time has already passed. Please choose a time in the future.
ev-error-not_open = This event was cancelled or has already started.
ev-discarded = The event was discarded. Nothing was sent.
ev-preview-label = This is the invitation families will receive (with the buttons Yes / Maybe / No):
ev-preview-link = Link, shown only after Yes or Maybe: { $link }
ev-preview-count = It will go to { $count } people.
ev-sent = ✅ The invitation is on its way to { $count } people. See the answers with /events.
ev-invitation = 📣 You are invited
ev-invitation-question = Will you take part?
ev-when = 🕒 { $time }
ev-link = 🔗 Link: { $link }
ev-answer-yes = ✅ Yes
ev-answer-maybe = 🤔 Maybe
ev-answer-no = ❌ No
ev-answered-yes = Thank you! We expect you at “{ $title }”, { $time }. We will remind you a day and an hour before.
ev-answered-maybe = Thank you. We noted Maybe for “{ $title }”, { $time }. We will remind you a day and an hour before.
ev-answered-no = Thank you for letting us know that you cannot take part in “{ $title }”.
ev-answered-change = You can change your answer with the buttons of the invitation.
ev-reminder-24h = ⏰ Reminder: this event is coming up
ev-reminder-1h = ⏰ Reminder: it starts soon
ev-change-moved = 🕒 The event has moved to a new time
ev-change-moved-question = Can you take part at the new time?
ev-change-cancelled = ✖️ This event was cancelled:
ev-list-title = Events (choose one to see the answers):
ev-list-empty = There is no event yet. Create one with /newevent.
ev-state-scheduled = Planned
ev-state-moved = Moved to a new time
ev-state-cancelled = Cancelled
ev-counts-line = Yes { $yes } · Maybe { $maybe } · No { $no }
ev-counts-total = Answers: { $figures }
ev-counts-by-province = By province:
ev-counts-by-language = By language:
ev-province-unknown = Province not given
ev-confirm-cancel = Cancel this event? Everyone who answered will be told.
ev-moved = ✅ The event was moved. { $count } people who answered are being told.
ev-cancelled = ✅ The event was cancelled. { $count } people who answered are being told.

# Issue 10, part 3b: petition last call in "Manage petitions"
pet-button-last-call = ⏳ Last call
pet-manage-last-call = ⏳ Last call: { $days } days before the deadline, to families who have not signed.
pet-last-call-ask = This petition can be signed until { $date }. How many days before that should families who have not signed get one reminder? Send a number from 1 to { $max }.
pet-last-call-ask-current = The last call is now { $days } days before the deadline ({ $date }). Send a new number from 1 to { $max }, or switch it off.
pet-last-call-off = 🔕 Switch off
pet-last-call-unchanged = Nothing was changed.
pet-last-call-no-deadline = This petition has no deadline, so it has no last call.
pet-last-call-error-days = Please send a number from 1 to { $max }, for example 3.
pet-last-call-error-too-late = That day has already passed. Please send a smaller number.
pet-last-call-switched-off = The last call is switched off.
pet-last-call-set = ✅ The last call is on: { $days } days before the deadline, on { $date }, to families who have not signed by then.

# --- Events in /mydata (issue #10) ---
mydata-section-events = Your answers to event invitations
mydata-kind-event = an event invitation or news about an event

# /settings in /mydata (issue #10)
mydata-time-zone = Time zone
mydata-time-zone-not-chosen = not chosen (Iran, Tehran)
mydata-reminders-off = Reminders you switched off

# /audit (issue #11, audit and access matrix)
cmd-audit = Who did what, and when (audit trail)
audit-title = Audit trail, page { $page }
audit-filter-person = Person: { $who }
audit-filter-day = Day: { $day }
audit-me = you
audit-actor-member = Team member { $id }
audit-actor-family = a family member
audit-actor-erased = erased
audit-empty = Nothing is recorded for this filter.
audit-page-empty = There is nothing on this page. Send /audit to start again.
audit-previous = ◀️ Newer
audit-next = Older ▶️
audit-filter-unknown = I do not know that filter. You can send: /audit, /audit me, /audit followed by a team member's number from /team, or /audit with a day such as 1405/09/07 or 2026-11-28.
audit-filter-no-such-date = There is no such day in the calendar. Write it like 1405/09/07 or 2026-11-28.
audit-filter-too-long = That filter is too long. Send /audit, /audit me, a team member's number or a day.

# --- /stats: numbers and charts (issue #11, stats part) ---
cmd-stats = Numbers and charts of cases
stats-heading-all = 📊 Statistics — all provinces
stats-heading-provinces = 📊 Statistics — { $provinces }
stats-none = No cases or signatures yet.
stats-cases-total = Cases: { $count }
stats-by-status = By status:
stats-by-province = Provinces with the most cases:
stats-stale = Open cases with no news for { $days } days: { $count }
stats-registrations-month = Registered this month: { $count }
stats-contact-year = Contact established in the last 12 months: { $count }
stats-signatures = Petition signatures: { $count } (last 30 days: { $recent })
stats-signatures-by-province = Signatures by province:
stats-chart-signatures = Petition signatures per day (last 30 days)
stats-series-signatures = Signatures
stats-rsvps = Event answers: yes { $yes }, maybe { $maybe }, no { $no }
stats-abroad = Outside Iran
stats-chart-provinces = Cases by province
stats-chart-months = Registrations and contact established per month
stats-chart-funnel = How far the cases have come
stats-series-registrations = Registrations
stats-series-contact = Contact established

# Issue #11: /find, the families on the case card, /export
cmd-find = Find cases by name, reference, province, status or date
cmd-export = Export the cases of your last search (CSV)
casework-family-line = • { $relation } · { $place } · { $reach }
casework-family-phone = phone { $phone }
casework-family-telegram = in Telegram (through the bot)
find-results = 🔎 { $filter }
    Found: { $total } · page { $page } of { $pages }
find-nothing = No case matches this search.
find-hint = Type /find and a name (any script), a case reference, or dates like 1403/01/01 - 1403/06/31. /export sends the result as a file.
find-filter-none = all cases
find-filter-name = name “{ $name }”
find-filter-reference = case { $reference }
find-filter-duplicates = duplicates to check
find-filter-dates = registered { $from } – { $to }
find-by-province = 📍 Province
find-by-status = 🏷 Status
find-by-location = 🗺 Believed location
find-duplicates-off = 👥 Duplicates to check
find-duplicates-on = ✅ Duplicates to check
find-clear = ✖️ Clear filters
find-any = Any
find-choose-province = Choose a province:
find-choose-status = Choose a status:
find-choose-location = Choose where the relative is believed to be:
find-invalid = This search cannot be done. Please start again with /find.
find-invalid-too_long = That is too long for a name. Please type at most 100 characters.
find-invalid-bad_date = Those dates were not understood. Write for example 1403/01/01 - 1403/06/31 or 2024-03-20 - 2024-09-21.
find-invalid-empty = Please type a name, a case reference or dates after /find.
export-caption = Cases: { $filter } (CSV, UTF-8)

# /audit from /team (issue #11, audit and access matrix)
team-audit-button = 🔎 What they did (audit)

# Issue #11: /find, registration dates by button
find-by-dates = 📅 Registered
find-choose-dates = When was the case registered? You can also type dates: /find 1403/01/01 - 1403/06/31
find-dates-d30 = In the last 30 days
find-dates-d365 = In the last 12 months
find-dates-year = This year

# /stats: when the figures were counted (issue #11, statistics tally)
stats-as-of = Figures as of { $time }. They are counted again every few minutes.

# Part C (issue #11): /audit in words, by kind of action
audit-action-audit-view = read the audit trail: { $count ->
        [one] one line
       *[other] { $count } lines
    }
audit-action-broadcast-start = started sending news to { $audience }: { $recipients ->
        [one] one recipient
       *[other] { $recipients } recipients
    }
audit-action-broadcast-pause = paused sending news
audit-action-broadcast-resume = resumed sending news
audit-action-broadcast-cancel = cancelled sending news
audit-action-case-view = opened a case card: { $families ->
        [one] one family follows it
       *[other] { $families } families follow it
    }, contact details of { $contacts } shown
audit-action-case-search = { $filtered ->
        [all] listed all cases
       *[some] searched cases by { $filter }
    }: { $results ->
        [one] one result
       *[other] { $results } results
    }
audit-action-case-export = exported { $rows ->
        [one] one case
       *[other] { $rows } cases
    } (filter: { $filter })
audit-action-case-status = changed a case's status from “{ $from }” to “{ $to }”
audit-action-case-withdraw = withdrew a registration
audit-action-case-duplicate-confirm = merged a duplicate into case { $into }: { $moved ->
        [one] one family moved
       *[other] { $moved } families moved
    }
audit-action-case-duplicate-reject = marked a case as not a duplicate
audit-action-event-create = created an event and invited { $audience }: { $recipients ->
        [one] one person
       *[other] { $recipients } people
    }
audit-action-event-move = changed an event's time: { $told ->
        [one] one person told
       *[other] { $told } people told
    }
audit-action-event-cancel = cancelled an event: { $told ->
        [one] one person told
       *[other] { $told } people told
    }
audit-action-invite-create = created an invitation (role: { $role })
audit-action-invite-accept = joined the team (role: { $role })
audit-action-role-revoke = took back the role { $role } ({ $invitesVoided } open invitations voided)
audit-action-team-list = viewed the team list
audit-action-letters-export = exported { $letters ->
        [one] one letter
       *[other] { $letters } letters
    }
audit-action-location-add = added a believed location
audit-action-location-deactivate = removed a believed location
audit-action-mydata-export = downloaded their own data
audit-action-mydata-erase = erased all their data
audit-action-petition-create = created a petition
audit-action-petition-edit = edited a petition's text (version { $version })
audit-action-petition-status = changed a petition's status from “{ $from }” to “{ $to }”
audit-action-petition-last-call = sent a petition's last call ({ $days ->
        [one] one day left
       *[other] { $days } days left
    })
audit-action-petition-stats = viewed a petition's figures
audit-action-petition-export = exported a petition: { $signatures } signatures, { $appeals } appeals
audit-action-petition-attachments = downloaded a petition's attachments
audit-action-stats-view = viewed the statistics: { $scope }
audit-audience-families = families
audit-audience-language = families who read one language
audit-audience-case-status = families whose case has one status
audit-audience-signers = the signers of a petition
audit-audience-event-yes = those who said Yes to an event
audit-search-all = all cases
audit-search-name = name
audit-search-reference = case reference
audit-search-province = province
audit-search-status = status
audit-search-location = believed location
audit-search-duplicates = duplicates to check
audit-search-dates = registration date
audit-stats-all = all provinces
audit-stats-provinces = { $count ->
        [one] one province
       *[other] { $count } provinces
    }
audit-filter-kind = Kind: { $kind }
audit-kind-views = views
audit-kind-searches = searches
audit-kind-exports = exports
audit-kind-statuses = status changes
audit-kind-roles = roles and invitations
audit-filter-kinds = Or one kind of action: /audit views, /audit searches, /audit exports, /audit status, /audit roles.

# Part C (issue #11): /stats from the main menu
menu-stats = 📊 Statistics

# Part C (issue #11): /audit, someone the bot no longer knows
audit-actor-gone = someone no longer in the bot

# Part D1 (issue #12): the way into the coordinator's desk
cmd-desk = The desk: all cases at a glance
menu-desk = 🖥 Desk
open-desk-prompt = The desk opens inside Telegram: cases in a table, one case on one screen, and the figures as charts. Press the button below. If it later says it has expired, open it again from here.
open-desk-button = 🖥 Open the desk
open-desk-off = The desk is not switched on for this bot yet; please ask the person who runs the bot. Everything it shows is here in the chat too: /find, /case and /stats.

# --- The coordinator's desk: the web page (issue #12, D3). Shown by src/desk/web; no placeables (the server renders them once). ---
desk-title = Coordinator's desk
desk-loading = Loading…
desk-error-unauthorized = This page has expired. Please close it and open the desk again from the bot.
desk-error-forbidden = You are not allowed to see this.
desk-error-network = The connection failed. Check the internet and try again.
desk-error-server = Something went wrong; nothing was lost. Please try again.
desk-error-invalid = This request was refused. Please check what you typed.
desk-error-not-found = This case was not found.
desk-error-conflict = This case has just changed. Please try again.
desk-retry = Try again
desk-tab-cases = Cases
desk-tab-overview = Overview
desk-col-reference = Reference
desk-col-name = Name
desk-col-status = Status
desk-col-province = Province
desk-col-registered = Registered
desk-filter-name = Name (Persian or Latin letters)
desk-filter-location = Location
desk-filter-any = All
desk-filter-from = Registered from
desk-filter-to = to
desk-filter-date-example = 2026-11-28
desk-filter-duplicates = Only possible duplicates not yet checked
desk-filter-more = More filters
desk-filter-bad-reference = This reference is not right. Type it as the bot shows it.
desk-filter-bad-date = Type a date like 1405/09/07 (Solar Hijri) or 2026-11-28 (Gregorian).
desk-filter-bad-order = The "from" date must come before the "to" date.
desk-filter-search = Search
desk-filter-clear = Clear
desk-export = Send this list to my chat with the bot
desk-export-sent = The list was sent to your chat with the bot.
desk-export-rows = Rows
desk-total = Cases found
desk-no-cases = No case matches this search.
desk-duplicate-mark = Possible duplicate
desk-page-previous = Previous
desk-page-next = Next
desk-back = Back to the list
desk-case-other-names = Other names
desk-case-sex = Sex
desk-case-birth-year = Born
desk-case-left-year = Left
desk-case-location = Believed to be in
desk-case-close-reason = Reason closed
desk-case-family-count = Families who registered
desk-case-families = Families
desk-case-no-phone = No phone number; reach them through the bot.
desk-case-duplicates = Cases that may be the same person
desk-case-timeline = Timeline
desk-case-note-family = Message to the family
desk-case-note-internal = Internal note
desk-move-title = Change the case's status
desk-move-to = New status
desk-move-reason = Reason for closing
desk-move-family-note = Message to the family (optional)
desk-move-internal-note = Internal note (optional; the family never sees it)
desk-move-submit = Save the change
desk-move-done = The new status is saved.
desk-move-notified = Families told
desk-move-need-status = Choose a new status.
desk-move-need-reason = To close the case, choose the reason.
desk-chart-hint = Tap or point at a bar to see its number.
desk-overview-total = All cases
desk-overview-stale = Open cases without news
desk-overview-by-province = Cases per province
desk-overview-by-status = Cases by status
desk-overview-by-month = Registrations per month
desk-overview-contact-by-month = Contact established per month
desk-overview-signatures = Signatures per day
desk-overview-petitions = Petitions
desk-overview-goal = Signatures against the goal
desk-overview-no-goal = no goal
desk-overview-events = Events
desk-overview-empty = Nothing yet.
desk-rsvp-yes = Coming
desk-rsvp-maybe = Maybe
desk-rsvp-no = Not coming

# Desk (issue #12), the desk's data (D2): a believed location nobody knows
desk-location-unknown = Not known
