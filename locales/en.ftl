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
    /language – change the language
    /cancel – stop what you are doing
    /help – this help
help-volunteer = As a volunteer you will also be able to send news to the families of your provinces.
help-coordinator =
    As a coordinator you can also manage the team:
    /invite – create an invitation link for a volunteer or coordinator
    /team – see team members and revoke roles

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
