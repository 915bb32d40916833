language-native-name = فارسی

## Commands (descriptions shown in Telegram's command menu)
cmd-start = شروع و منوی اصلی
cmd-help = این ربات چه کارهایی انجام می‌دهد
cmd-language = تغییر زبان
cmd-cancel = توقف کار جاری
cmd-team = اعضای تیم و نقش‌ها
cmd-invite = دعوت از داوطلب یا هماهنگ‌کننده

## Start and menu
start-greeting =
    سلام. این ربات به خانواده‌ها کمک می‌کند با عزیزی که ارتباطشان با او قطع شده است دوباره تماس بگیرند.
    می‌توانید مشخصات عزیزتان را ثبت کنید، پرونده‌اش را پیگیری کنید و نامه بفرستید. هیچ چیزی بدون رضایت شما ذخیره نمی‌شود.
    از منوی زیر انتخاب کنید.
start-link-unknown = این پیوند معتبر نیست (شاید قدیمی باشد). منوی اصلی در ادامه آمده است.
menu-prompt = از منوی زیر انتخاب کنید.
menu-language = 🌐 زبان
menu-help = ❓ راهنما
menu-team = 👥 تیم
menu-invite = ➕ دعوت
unknown-command = این فرمان را نمی‌شناسم. از منوی زیر انتخاب کنید یا /help را بفرستید.
unknown-message = متوجه نشدم. لطفاً از منوی زیر انتخاب کنید.

## Help
help-family =
    این ربات به خانواده‌ها کمک می‌کند با عزیزانی که ارتباطشان با آن‌ها قطع شده است تماس بگیرند.
    /start – منوی اصلی
    /language – تغییر زبان
    /cancel – توقف کار جاری
    /help – همین راهنما
help-volunteer = شما به‌عنوان داوطلب می‌توانید اخبار را برای خانواده‌های استان‌های خود نیز بفرستید.
help-coordinator =
    شما به‌عنوان هماهنگ‌کننده می‌توانید تیم را نیز مدیریت کنید:
    /invite – ساختن پیوند دعوت برای داوطلب یا هماهنگ‌کننده
    /team – دیدن اعضای تیم و لغو نقش‌ها

## Language
language-choose = زبان خود را انتخاب کنید:
language-changed = زبان به فارسی تغییر کرد.

## Cancel
cancel-done = متوقف شد. چیزی از آن ذخیره نشد.
cancel-nothing = کاری در جریان نبود.

## Errors
error-generic = متأسفیم، مشکلی از طرف ما پیش آمد. چیزی از آنچه فرستادید از دست نرفته است. لطفاً دوباره امتحان کنید.
error-database-unavailable = سرویس موقتاً در دسترس نیست. چیزی از آنچه فرستادید از دست نمی‌رود: به‌محض برقراری دوباره پاسخ می‌دهیم.
error-not-allowed = متأسفیم، شما اجازهٔ این کار را ندارید.
error-too-fast = پیام‌ها خیلی سریع فرستاده می‌شوند. لطفاً چند ثانیه صبر کنید و دوباره امتحان کنید.
error-button-expired = این دکمه دیگر معتبر نیست.

## Buttons
button-cancel = ✖️ لغو
button-done = ✔️ تمام

## Roles
role-volunteer = داوطلب
role-coordinator = هماهنگ‌کننده

## Invitations
invite-choose-role = این دعوت‌نامه چه نقشی بدهد؟
invite-choose-provinces = استان‌هایی را که این داوطلب در آن‌ها فعالیت می‌کند انتخاب کنید و سپس «تمام» را بزنید.
invite-provinces-none-selected = دست‌کم یک استان انتخاب کنید.
invite-use-buttons = لطفاً از دکمه‌های بالا استفاده کنید یا /cancel را بفرستید.
invite-cancelled = دعوت لغو شد.
invite-created =
    دعوت‌نامه برای نقش { $role } ساخته شد.
    این پیوند را به‌طور خصوصی برای آن شخص بفرستید. فقط یک بار کار می‌کند و پس از { $hours } ساعت باطل می‌شود:
    { $link }
invite-accepted-volunteer = به تیم خوش آمدید. اکنون داوطلب این استان‌ها هستید: { $provinces }.
invite-accepted-coordinator = به تیم خوش آمدید. اکنون هماهنگ‌کننده هستید.
invite-invalid = این پیوند دعوت معتبر نیست.
invite-used = از این پیوند دعوت قبلاً استفاده شده است.
invite-expired = مهلت این پیوند دعوت تمام شده است. لطفاً پیوند تازه‌ای بخواهید.

## Team
team-empty = هنوز داوطلب یا هماهنگ‌کننده‌ای وجود ندارد.
team-member =
    عضو تیم { $id }
    { $roles }
team-member-role = • { $role } { $provinces }
team-revoke-button = لغو نقش { $role }
team-revoked = نقش { $role } از { $id } لغو شد.
team-not-a-member = این شخص دیگر این نقش را ندارد.
team-cannot-revoke-self = نمی‌توانید نقش خودتان را لغو کنید.
