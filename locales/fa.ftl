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
    /register – ثبت عزیزی که از او بی‌خبرید
    /mycases – دیدن، تغییر یا حذف آنچه ثبت کرده‌اید
    /status – خبرها و روند پرونده‌های شما
    /petitions – طومارهایی که می‌توانید امضا کنید
    /letter – نوشتن نامه به عزیزتان
    /mydata – فایلی با همهٔ آنچه از شما نگه داشته‌ایم
    /deletemydata – پاک کردن همهٔ آنچه از شما نگه داشته‌ایم
    /language – تغییر زبان
    /cancel – توقف کار جاری
    /help – همین راهنما
help-volunteer =
    شما به‌عنوان داوطلب استان‌های خود می‌توانید:
    /case <شماره> – پروندهٔ استان‌های خود را باز کنید و وضعیت آن را پیش ببرید
    /desk – میز کار: پرونده‌های استان‌های شما در یک جدول و آمارشان به شکل نمودار
    /broadcast – فرستادن خبر برای خانواده‌های استان‌های خود
    /broadcasts – خبرهای اخیر شما و آمار آن‌ها
help-coordinator =
    شما به‌عنوان هماهنگ‌کننده این کارها را هم می‌توانید انجام دهید:
    /invite – ساختن پیوند دعوت برای داوطلب یا هماهنگ‌کننده
    /team – دیدن اعضای تیم و لغو نقش‌ها
    /case <شماره> – باز کردن هر پرونده
    /desk – میز کار: همهٔ پرونده‌ها در یک جدول، هر پرونده در یک صفحه، آمار به شکل نمودار
    /locations – مکان‌هایی که گمان می‌رود عزیزان آنجا باشند
    /broadcast – فرستادن خبر برای خانواده‌ها
    /broadcasts – خبرهای اخیر و آمار آن‌ها
    /managepetitions، /newpetition – طومارها

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

## Registration of a missing relative
menu-register = 📝 ثبت عزیز گمشده
menu-mycases = 📂 ثبت‌های من
menu-status = 📬 خبرهای پرونده
cmd-register = ثبت مشخصات عزیزی که از او بی‌خبرید
cmd-mycases = دیدن، تغییر یا حذف آنچه ثبت کرده‌اید
cmd-status = خبرها و روند پرونده‌های شما
reg-consent =
    پیش از شروع، لطفاً این را بخوانید.

    از شما دربارهٔ عزیزی که به دنبالش هستید و دربارهٔ خودتان می‌پرسیم. فقط پاسخ‌های شما نگه داشته می‌شود: نام‌ها، سال‌ها، مکان‌ها، عکس و توضیح (اگر بخواهید) و راه تماس با شما.

    چه کسانی آن را می‌بینند: هماهنگ‌کنندگان انجمن، و داوطلبان استان شما وقتی روی پروندهٔ شما کار می‌کنند. هیچ چیز منتشر نمی‌شود. نام‌ها، مکان‌ها و توضیحات به‌صورت رمزگذاری‌شده نگهداری می‌شوند.

    چرا: برای پیگیری پروندهٔ شما، و برای اینکه بدانیم آیا خانوادهٔ دیگری هم به دنبال همین شخص است. خانواده‌های دیگر هرگز نمی‌بینند شما چه کسی هستید.

    هر زمان بخواهید می‌توانید با /mycases آنچه ثبت کرده‌اید را ببینید، تغییر دهید یا حذف کنید.

    آیا موافقید؟
reg-consent-agree = ✅ موافقم، ادامه
reg-consent-decline = ✖️ نه، متشکرم
reg-declined = هیچ چیزی ذخیره نشد. هر وقت خواستید می‌توانید از منو ثبت کنید.
reg-progress = مرحلهٔ { $current } از { $total }
reg-q-relation = شما چه نسبتی با کسی دارید که به دنبالش هستید؟
reg-q-fullName = نام کامل او چیست؟ همان‌طور بنویسید که خانواده می‌نویسد، با حروف فارسی یا لاتین.
reg-q-otherNames = املای دیگر، نام دیگر یا لقب دارد؟ آن‌ها را با ویرگول جدا کنید، یا «رد شدن» را بزنید.
reg-q-sex = کسی که به دنبالش هستید مرد است یا زن؟
reg-q-birthYear = در چه سالی به دنیا آمده است؟ می‌توانید سال شمسی (مثلاً ۱۳۴۵) یا میلادی (مثلاً ۱۹۶۶) بنویسید. اگر نمی‌دانید «رد شدن» را بزنید.
reg-q-leftYear = در چه سالی رفت، یا آخرین بار کی دیده شد؟ سال شمسی یا میلادی. اگر نمی‌دانید «رد شدن» را بزنید.
reg-q-leftPlace = از کجا رفت، یا آخرین بار کجا دیده شد (شهر یا کشور)؟ اگر نمی‌دانید «رد شدن» را بزنید.
reg-q-location = فکر می‌کنید اکنون کجاست؟
reg-q-locationOther = لطفاً بنویسید فکر می‌کنید کجاست.
reg-q-photo = اگر عکسی از او دارید، همین حالا بفرستید. در غیر این صورت «رد شدن» را بزنید.
reg-q-notes = چیز دیگری هست که بتواند کمک کند؟ بنویسید، یا «رد شدن» را بزنید.
reg-q-familyProvince = در کدام استان زندگی می‌کنید؟ اگر خارج از ایران زندگی می‌کنید، «خارج از ایران» را انتخاب کنید.
reg-q-familyCity = در کدام شهر یا روستا؟ اگر ترجیح می‌دهید نگویید «رد شدن» را بزنید.
reg-q-familyCountry = در کدام کشور زندگی می‌کنید؟
reg-q-lastContactYear = آخرین بار در چه سالی خانواده با او ارتباط داشت؟ اگر هرگز یا نمی‌دانید «رد شدن» را بزنید.
reg-q-lastContactMethod = آن آخرین ارتباط چگونه بود؟
reg-q-contactPreference = دوست دارید انجمن چگونه با شما تماس بگیرد؟
reg-q-phone = لطفاً شمارهٔ تلفن خود را با دکمهٔ پایین بفرستید، یا آن را بنویسید.
reg-phone-share-hint = می‌توانید با این دکمه هم شماره‌تان را بفرستید:
reg-share-phone = 📱 فرستادن شمارهٔ من
relation-mother = مادرش هستم
relation-father = پدرش هستم
relation-sister = خواهرش هستم
relation-brother = برادرش هستم
relation-spouse = همسرش هستم
relation-child = فرزندش هستم
relation-other = نسبت دیگر
sex-female = زن
sex-male = مرد
location-other = جای دیگر
location-unknown = نمی‌دانم
province-abroad = 🌍 خارج از ایران
contact-phone = تماس تلفنی
contact-letter = نامه
contact-visit = دیدار
contact-message = پیغام از طریق کسی
contact-none = هیچ ارتباطی نبوده است
contact-other = راه دیگر
reach-telegram = همین‌جا در تلگرام
reach-phone = با تماس تلفنی
button-back = ◀️ بازگشت
button-skip = ⏭ رد شدن
reg-year-which = منظورتان سال { $solar } شمسی است یا سال { $gregorian } میلادی؟
reg-year-solar = { $year } (شمسی)
reg-year-gregorian = { $year } (میلادی)
reg-error-name-empty = لطفاً نام را بنویسید.
reg-error-name-too-long = این نام خیلی طولانی است. لطفاً حداکثر ۸۰ حرف بنویسید.
reg-error-name-no-letters = نام باید حرف داشته باشد. لطفاً نام را بنویسید.
reg-error-text-empty = لطفاً پاسخ خود را بنویسید، یا اگر ممکن است «رد شدن» را بزنید.
reg-error-text-too-long = این متن خیلی طولانی است. لطفاً حداکثر { $limit } نویسه بنویسید.
reg-error-year-not-a-number = لطفاً سال را با عدد بنویسید، مثلاً ۱۳۶۰ یا ۱۹۸۱.
reg-error-year-out-of-range = این سال درست به نظر نمی‌رسد. لطفاً آن را بررسی کنید.
reg-error-year-before-birth = این سال پیش از سال تولد است. لطفاً آن را بررسی کنید.
reg-error-phone-invalid = این شبیه شمارهٔ تلفن نیست. لطفاً آن را با کد کشور بنویسید، مثلاً ‎+98 912 123 4567‎.
reg-error-use-buttons = لطفاً یکی از دکمه‌ها را انتخاب کنید.
reg-error-send-photo = لطفاً یک عکس بفرستید، یا «رد شدن» را بزنید.
reg-error-text-expected = لطفاً پاسخ خود را به‌صورت پیام بنویسید.
reg-cancel-confirm = می‌خواهید متوقف کنید؟ پاسخ‌هایی که تا اینجا داده‌اید پاک می‌شوند.
reg-cancel-discard = بله، متوقف کن و پاک کن
reg-cancel-keep = نه، ادامه می‌دهم
reg-cancelled = ثبت متوقف شد. چیزی ذخیره نشد.
reg-edit-cancelled = چیزی تغییر نکرد.
reg-summary-title = لطفاً پاسخ‌هایتان را بررسی کنید. پیش از ذخیره می‌توانید هر کدام را تغییر دهید.
reg-value-none = —
reg-value-photo = 📷 عکس پیوست شده
reg-field-relation = نسبت شما
reg-field-fullName = نام
reg-field-otherNames = نام‌های دیگر
reg-field-sex = مرد یا زن
reg-field-birthYear = سال تولد
reg-field-leftYear = سال رفتن یا آخرین دیدار
reg-field-leftPlace = محل رفتن یا آخرین دیدار
reg-field-location = محل احتمالی کنونی
reg-field-locationOther = کجا دقیقاً
reg-field-photo = عکس
reg-field-notes = توضیحات
reg-field-familyProvince = استان شما
reg-field-familyCity = شهر شما
reg-field-familyCountry = کشور شما
reg-field-lastContactYear = آخرین ارتباط (سال)
reg-field-lastContactMethod = آخرین ارتباط (چگونه)
reg-field-contactPreference = راه تماس با شما
reg-field-phone = تلفن
reg-save = ✅ ذخیره
reg-save-changes = ✅ ذخیرهٔ تغییرات
reg-saved =
    سپاسگزاریم. ثبت شما ذخیره شد.
    شمارهٔ پرونده: { $reference }
    لطفاً این شماره را نگه دارید: می‌توانید آن را به انجمن بگویید. هر زمان با /mycases می‌توانید ثبت خود را ببینید.
reg-updated = تغییرات شما ذخیره شد.
reg-resume-offer = ثبتی دارید که تمام نشده است. می‌خواهید از همان جایی که ماندید ادامه دهید؟
reg-resume-continue = ▶️ ادامه
reg-resume-restart = 🔄 شروع دوباره
mycases-empty = هنوز کسی را ثبت نکرده‌اید. برای شروع «📝 ثبت عزیز گمشده» را بزنید.
mycases-title = ثبت‌های شما ({ $count }). برای دیدن، یکی را انتخاب کنید:
mycases-not-found = این ثبت پیدا نشد. شاید پس گرفته شده باشد.
mycases-edit = ✏️ تغییر
mycases-withdraw = 🗑 پس گرفتن و حذف
mycases-closed = این پرونده بسته شده است و قابل تغییر نیست.
mycases-withdraw-confirm = ثبت { $name } را پس می‌گیرید؟ آنچه به ما گفته‌اید حذف می‌شود. این کار برگشت‌پذیر نیست.
mycases-withdraw-yes = بله، پس بگیر و حذف کن
mycases-withdraw-no = نه، نگه دار
mycases-withdraw-kept = چیزی تغییر نکرد.
mycases-withdrawn = ثبت { $reference } پس گرفته شد و آنچه به ما گفته بودید حذف شد.
status-card =
    { $name }
    پروندهٔ { $reference }: { $status }
status-registered = ثبت شده
status-under_review = در حال بررسی
status-verified = تأیید شده
status-outreach = پیگیری برای برقراری تماس
status-contact_established = تماس برقرار شد
status-closed = بسته شده
close-reason-reunited = به هم رسیدند
close-reason-withdrawn_by_family = خانواده پس گرفت
close-reason-duplicate = دو بار ثبت شده؛ در پروندهٔ دیگری پیگیری می‌شود
close-reason-not_found = پیدا نشد
close-reason-other = دلیل دیگر
timeline-registered = ثبت شد
timeline-edited = خانواده تغییر داد
timeline-withdrawn = یکی از اعضای خانواده پس گرفت
timeline-status = وضعیت تغییر کرد

## Petitions
cmd-petitions = طومارهایی که می‌توانید امضا کنید
cmd-letter = نوشتن نامه به عزیزتان
cmd-managepetitions = مدیریت طومارها
cmd-newpetition = نوشتن طومار تازه
pet-menu-petitions = 📜 طومارها
pet-menu-letter = ✉️ نامه به عزیزم
pet-menu-manage = 🗂 مدیریت طومارها
pet-use-buttons = لطفاً از دکمه‌های بالا استفاده کنید، یا /cancel را بفرستید.
pet-not-found = این طومار پیدا نشد.
pet-closed = این طومار بسته شده است و دیگر نمی‌توان آن را امضا کرد.
pet-link-unknown = این پیوند طومار معتبر نیست (شاید اشتباه نوشته شده باشد). طومارهایی که اکنون باز هستند:
pet-link-closed = طومار «{ $title }» بسته شده است و دیگر نمی‌توان آن را امضا کرد. طومارهایی که اکنون باز هستند:
pet-list-title = طومارهایی که می‌توانید امضا کنید:
pet-list-empty = در حال حاضر طوماری برای امضا باز نیست.
pet-list-item = { $number }. { $title } — { $count } از { $goal } ({ $percent }٪)
pet-card-title = 📜 { $title }
pet-card-addressee = خطاب به: { $addressee }
pet-card-progress = ✍️ { $count } امضا از { $goal } { $bar } { $percent }٪
pet-card-deadline = مهلت امضا تا { $date }.
pet-card-closed = این طومار بسته شده است.
pet-card-signed = ✅ شما در تاریخ { $date } امضا کرده‌اید.
pet-button-sign = ✍️ امضا می‌کنم
pet-button-appeal = ✉️ افزودن پیام شخصی
pet-button-withdraw = ↩️ پس گرفتن امضای من
pet-button-share = 📤 ارسال برای دیگران
pet-button-read-and-sign = ✍️ خواندن و امضا
pet-button-open-petition = 📜 دیدن طومار
pet-button-sign-now = ✅ امضا
pet-button-no-thanks = نه، متشکرم
pet-button-withdraw-yes = بله، امضایم را پس می‌گیرم
pet-button-withdraw-no = نه، بماند
pet-inline-count = ✍️ { $count } امضا از { $goal }
pet-abroad = خارج از ایران
pet-abroad-button = 🌍 خارج از ایران زندگی می‌کنم
pet-anonymous = (بدون نام)
pet-language-fa = فارسی
pet-language-en = انگلیسی
pet-language-sq = آلبانیایی

pet-sign-ask-name-display =
    نام شما در فهرست امضاهایی که به گیرنده داده می‌شود چطور نوشته شود؟
    می‌توانید فقط با حروف اول نام یا بدون نام هم امضا کنید.
pet-name-full = ✍️ با نام خودم
pet-name-initials = 🔤 فقط حروف اول نامم
pet-name-anonymous = 👤 بدون نام
pet-name-chosen-full = نام شما در فهرست می‌آید.
pet-name-chosen-initials = فقط حروف اول نام شما در فهرست می‌آید.
pet-name-chosen-anonymous = بدون نام امضا می‌کنید.
pet-sign-ask-name = لطفاً نامتان را همان‌طور که باید در فهرست بیاید بنویسید.
pet-sign-ask-name-initials = لطفاً نامتان را بنویسید. فقط حروف اول آن نگه داشته می‌شود (مثلاً «م. ر.»).
pet-sign-type-name = لطفاً نامتان را به صورت متن بنویسید، یا /cancel را بفرستید.
pet-error-name-empty = نام خالی است. لطفاً دوباره بنویسید.
pet-error-name-too-long = این نام خیلی طولانی است. لطفاً کوتاه‌ترش را بنویسید.
pet-error-name-no-letters = نام باید حرف داشته باشد. لطفاً دوباره بنویسید.
pet-sign-ask-province = در کدام استان زندگی می‌کنید؟ اگر خارج از ایران هستید، دکمهٔ آخر را بزنید.
pet-sign-from = محل زندگی: { $place }
pet-sign-ask-country = در کدام کشور زندگی می‌کنید؟
pet-sign-type-country = لطفاً نام کشور را بنویسید، یا /cancel را بفرستید.
pet-sign-ask-relation = آیا یکی از عزیزانتان در اردوگاه است؟ اگر هست، شما چه نسبتی با او دارید؟
pet-relation-mother = مادرش هستم
pet-relation-father = پدرش هستم
pet-relation-sister = خواهرش هستم
pet-relation-brother = برادرش هستم
pet-relation-spouse = همسرش هستم
pet-relation-child = پسر یا دخترش هستم
pet-relation-other = خویشاوند دیگر
pet-relation-none = حامی هستم
pet-sign-ask-news = وقتی تعداد امضاها به رقم‌های مهم رسید، به شما خبر بدهیم؟
pet-news-yes = 🔔 بله، خبرم کنید
pet-news-no = نه، خبر لازم نیست
pet-sign-confirm =
    لطفاً پیش از امضای «{ $title }» بررسی کنید:
    نام در فهرست: { $name }
    محل زندگی: { $place }

    نام شما (همان‌طور که انتخاب کردید) و استان یا کشورتان در فهرستی می‌آید که به گیرنده داده می‌شود. تا وقتی طومار باز است می‌توانید امضایتان را پس بگیرید.
pet-sign-cancelled = امضا لغو شد. چیزی ذخیره نشد.
pet-signed = ✅ سپاسگزاریم. امضای شما شمرده شد: تا کنون { $count } نفر امضا کرده‌اند.
    می‌خواهید یک پیام شخصی هم اضافه کنید؟ این پیام همراه امضاها تحویل داده می‌شود.
pet-sign-done = سپاسگزاریم. با دکمهٔ «ارسال برای دیگران» روی طومار می‌توانید آن را با دیگران هم در میان بگذارید.
pet-already-signed = شما پیش‌تر این طومار را امضا کرده‌اید. سپاسگزاریم — امضای هر نفر فقط یک بار شمرده می‌شود.
pet-error-text-changed = متن این طومار در همان زمانی که آن را می‌خواندید تغییر کرد. لطفاً پیش از امضا، متن تازه را بخوانید.

pet-withdraw-confirm = می‌خواهید امضایتان را از طومار «{ $title }» پس بگیرید؟ نام شما از فهرست حذف می‌شود. تا وقتی طومار باز است می‌توانید دوباره امضا کنید.
pet-withdraw-kept = امضای شما سر جایش ماند. سپاسگزاریم.
pet-withdrawn = امضای شما پس گرفته شد و مشخصاتتان از فهرست حذف شد. اکنون { $count } امضا باقی است.
pet-withdraw-not-signed = شما این طومار را امضا نکرده‌اید (یا امضایتان را پیش‌تر پس گرفته‌اید).
pet-withdraw-closed = طومار بسته شده است و دیگر نمی‌توان امضا را پس گرفت.

pet-appeal-ask =
    اکنون پیامتان را بفرستید: متنی تا { $limit } حرف، عکسِ یک نامهٔ دست‌نوشته، یا پیام صوتی تا { $minutes } دقیقه.
    این پیام نگه داشته می‌شود تا انجمن آن را همراه امضاها تحویل دهد.
pet-appeal-cancelled = لغو شد. چیزی ذخیره نشد.
pet-appeal-saved = ✅ پیام شما ذخیره شد و همراه امضاها تحویل داده می‌شود. سپاسگزاریم.
pet-appeal-sign-first = لطفاً اول طومار را امضا کنید؛ پیام شخصی همراه امضای شما تحویل داده می‌شود.
pet-appeal-too-many = شما بیشترین تعداد پیامی را که برای یک امضا ممکن است فرستاده‌اید.
pet-appeal-error-too-long = این متن خیلی طولانی است: حداکثر { $limit } حرف. لطفاً کوتاهش کنید یا عکسِ نامه را بفرستید.
pet-appeal-error-photo-too-large = حجم این عکس زیاد است (حداکثر { $limit } مگابایت). لطفاً عکس کوچک‌تری بفرستید.
pet-appeal-error-voice-too-long = این پیام صوتی خیلی طولانی است: حداکثر { $minutes } دقیقه. لطفاً پیام کوتاه‌تری ضبط کنید.
pet-appeal-error-voice-too-large = حجم این پیام صوتی زیاد است (حداکثر { $limit } مگابایت). لطفاً پیام کوتاه‌تری ضبط کنید.
pet-appeal-error-sticker = استیکر را نمی‌توان به عنوان پیام تحویل داد. لطفاً متن، عکسِ نامه یا پیام صوتی بفرستید.
pet-appeal-error-video = ویدیو پذیرفته نمی‌شود. لطفاً متن، عکسِ نامه یا پیام صوتی تا { $minutes } دقیقه بفرستید.
pet-appeal-error-audio = فایل صوتی و موسیقی پذیرفته نمی‌شود. لطفاً یک پیام صوتی تا { $minutes } دقیقه ضبط کنید.
pet-appeal-error-document = فایل پذیرفته نمی‌شود. اگر عکسِ نامه است، لطفاً آن را به صورت عکس بفرستید.
pet-appeal-error-other = این را نمی‌توان به عنوان پیام پذیرفت. لطفاً متن، عکسِ نامه یا پیام صوتی بفرستید.

pet-letter-intro = می‌توانید برای عزیزتان در اردوگاه نامه بنویسید. انجمن نامه‌ها را جمع می‌کند تا هیئتی که به دیدار می‌رود آن‌ها را برساند؛ زمانش را نمی‌توانیم قول بدهیم.
pet-letter-ask-recipient = نامه برای چه کسی است؟ لطفاً نام عزیزتان را بنویسید.
pet-letter-ask-sender = نامه با چه امضایی باشد؟ (مثلاً «مادرت، زهرا»)
pet-letter-type-name = لطفاً آن را به صورت متن بنویسید، یا /cancel را بفرستید.
pet-letter-ask-content =
    اکنون نامه را بفرستید: متنی تا { $limit } حرف، عکسِ یک نامهٔ دست‌نوشته، یا پیام صوتی تا { $minutes } دقیقه.
    نامه نگه داشته می‌شود تا انجمن بتواند آن را برساند.
pet-letter-saved = ✅ نامهٔ شما ذخیره شد. سپاسگزاریم. هر وقت خواستید می‌توانید از منو نامهٔ دیگری بنویسید.
pet-letter-too-many = چند نامهٔ شما هنوز در انتظار تحویل است. لطفاً صبر کنید تا تحویل داده شوند.

pet-create-intro = طومار تازه. عنوان و متن کامل را به فارسی و انگلیسی می‌نویسید (آلبانیایی اختیاری است)، سپس گیرنده، هدف و رقم‌های مهم را. تا وقتی طومار را باز نکنید، کسی آن را نمی‌بیند.
pet-create-ask-title = عنوان به { $language }:
pet-create-ask-body = متن کامل به { $language } (حداکثر { $limit } حرف):
pet-create-skip-language = از این زبان بگذر
pet-create-ask-addressee = طومار خطاب به چه کسی است؟
pet-create-ask-goal = هدف چند امضاست؟ (یک عدد)
pet-create-ask-deadline = تا چه تاریخی می‌توان امضا کرد؟ تاریخی مثل ۱۴۰۵/۱۲/۲۹ یا 2027-03-20 بفرستید، یا «بدون مهلت» را بزنید.
pet-create-no-deadline = بدون مهلت
pet-create-ask-milestones = با رسیدن به چه رقم‌هایی به امضاکنندگان خبر داده شود؟ مثلاً: ۱۰۰۰، ۵۰۰۰، ۱۰۰۰۰
pet-create-no-milestones = بدون رقم مهم
pet-create-use-text = لطفاً پاسختان را بنویسید، یا از دکمه‌های بالا استفاده کنید.
pet-create-use-buttons = لطفاً از دکمه‌های بالا استفاده کنید، یا /cancel را بفرستید.
pet-create-cancelled = لغو شد. چیزی ذخیره نشد.
pet-create-summary =
    لطفاً طومار تازه را بررسی کنید:
    { $titles }
    خطاب به: { $addressee }
    هدف: { $goal } امضا
    رقم‌های مهم: { $milestones }
pet-button-save-draft = 💾 ذخیره به صورت پیش‌نویس
pet-create-saved = ✅ به صورت پیش‌نویس ذخیره شد. از کارت زیر می‌توانید آن را برای امضا باز کنید.
pet-edit-intro = متن تازه برای این طومار. متن فقط تا پیش از نخستین امضا قابل تغییر است.
pet-edit-saved = ✅ متن تازه ذخیره شد (نسخهٔ { $version }).
pet-error-text-empty = خالی است. لطفاً دوباره بنویسید.
pet-error-text-too-long = خیلی طولانی است: حداکثر { $limit } حرف.
pet-error-goal = لطفاً یک عدد صحیح بفرستید، مثلاً ۱۰۰۰۰.
pet-error-deadline = این تاریخ را متوجه نشدم. لطفاً آن را مثل ۱۴۰۵/۱۲/۲۹ یا 2027-03-20 بنویسید.
pet-error-deadline-past = این روز گذشته است. لطفاً روزی در آینده بفرستید.
pet-error-milestones = لطفاً عددها را با ویرگول جدا کنید، مثلاً: ۱۰۰۰، ۵۰۰۰، ۱۰۰۰۰ (حداکثر ده عدد).
pet-error-text-frozen = این طومار امضا شده است، پس متن آن دیگر تغییر نمی‌کند.
pet-error-transition = در وضعیت کنونی طومار این کار ممکن نیست.

pet-manage-title = طومارها (تازه‌ترین در بالا). یکی را برای مدیریت انتخاب کنید:
pet-manage-empty = هنوز طوماری نوشته نشده است.
pet-button-new = ➕ طومار تازه
pet-button-export-letters = 📥 خروجی نامه‌ها به عزیزان
pet-manage-status = وضعیت: { $status } · شناسه { $ref }
pet-manage-version = نسخهٔ متن { $version } (هنوز قابل ویرایش)
pet-manage-version-frozen = نسخهٔ متن { $version } (ثابت شده: امضا شده است)
pet-manage-milestones = رقم‌های مهم: { $milestones }
pet-manage-link = پیوند: { $link }
pet-status-draft = پیش‌نویس
pet-status-open = باز
pet-status-closed = بسته
pet-status-delivered = تحویل‌شده
pet-status-changed-open = ✅ طومار برای امضا باز شد.
pet-status-changed-closed = طومار بسته شد. دیگر نمی‌توان امضایی افزود یا پس گرفت.
pet-status-changed-delivered = ✅ به عنوان «تحویل‌شده به گیرنده» ثبت شد.
pet-button-edit = ✏️ ویرایش متن
pet-button-open = 🟢 باز کردن برای امضا
pet-button-close = 🔴 بستن
pet-button-reopen = 🔁 باز کردن دوباره
pet-button-deliver = 📦 ثبت تحویل
pet-button-stats = 📊 آمار
pet-button-export = 📥 خروجی

pet-stats-title = 📊 { $title }
pet-stats-total = امضاها: { $count } (پس‌گرفته‌شده در طول زمان: { $withdrawals })
pet-stats-by-province = به تفکیک استان:
pet-stats-by-day = به تفکیک روز:
pet-stats-milestones = رقم‌های مهمِ به‌دست‌آمده: { $milestones }

pet-export-signatures-caption = امضاها: { $count } (CSV، UTF-8)
pet-export-appeals-caption = پیام‌های شخصی: { $count }، همراه با { $attachments } عکس و پیام صوتی
pet-export-text-caption = متن طومار همراه با آمار
pet-export-letters-caption = نامه‌ها به عزیزان: { $count }، همراه با { $attachments } عکس و پیام صوتی
pet-export-attachments = { $count } عکس و پیام صوتی به این خروجی تعلق دارد. هر کدام با شماره‌اش در فایل فرستاده می‌شود.
pet-button-send-attachments = 📎 بفرست
pet-button-next = ▶️ بعدی
pet-export-attachments-more = { $sent } از { $count } فرستاده شد.
pet-export-attachments-done = هر { $count } مورد فرستاده شد.
pet-export-heading = طومار { $ref }، نسخهٔ متن { $version }
pet-export-exported-at = زمان تهیهٔ خروجی: { $date }
pet-export-totals = امضاها: { $count } · پس‌گرفته‌شده در طول زمان: { $withdrawals } · پیام‌های شخصی: { $appeals }
pet-export-period = نخستین امضا: { $first } · آخرین امضا: { $last }

pet-milestone-news =
    📣 طومار «{ $title }» به { $milestone } امضا رسید (هدف: { $goal }).
    از امضای شما سپاسگزاریم. فرستادن آن برای دیگران هم کمک می‌کند.

## Case work (volunteers and coordinators)
cmd-case = باز کردن پرونده با شمارهٔ آن
cmd-locations = مکان‌هایی که گمان می‌رود عزیزان آنجا باشند
language-name-fa = فارسی
language-name-en = انگلیسی
language-name-sq = آلبانیایی
case-news = خبری دربارهٔ { $name } (پروندهٔ { $reference }): { $status }
case-news-note = پیام انجمن: { $note }
case-news-footer = روند کامل پرونده را با /status ببینید.
casework-usage = شمارهٔ پرونده را پس از فرمان بفرستید، مثلاً: ‎/case 1234-5678-9‎
casework-not-found = پرونده‌ای با این شماره پیدا نشد.
casework-not-your-province = این پرونده مربوط به استانی است که شما در آن فعالیت نمی‌کنید.
casework-province = استان خانواده
casework-families = خانواده‌هایی که این پرونده را پیگیری می‌کنند: { $count }
casework-possible-duplicates = ⚠️ احتمالاً همان شخصِ این پرونده‌ها: { $references }
casework-confirm-duplicate = 🔗 همان شخصِ پروندهٔ { $reference }
casework-duplicate-confirmed = تأیید شد. خانواده‌های این ثبت ({ $families }) اکنون پروندهٔ دیگر را پیگیری می‌کنند.
casework-reject-duplicates = ✖️ شخص دیگری است
casework-duplicates-rejected = ثبت شد: شخص دیگری است. علامت برداشته شد.
casework-choose-reason = پرونده به چه دلیل بسته می‌شود؟
casework-family-note = یادداشت کوتاهی برای خانواده بنویسید (آن را می‌خوانند)، یا «رد شدن» را بزنید.
casework-internal-note = یادداشت داخلی بنویسید (فقط تیم آن را می‌بیند)، یا «رد شدن» را بزنید.
casework-confirm = وضعیت پروندهٔ { $reference } به «{ $status }» تغییر کند؟ به خانواده‌ها خبر داده می‌شود.
casework-confirm-button = ✅ تغییر وضعیت
casework-cancelled = چیزی تغییر نکرد.
casework-done = وضعیت اکنون «{ $status }» است. به { $families } خانواده خبر داده شد.
casework-error-not_found = پرونده‌ای با این شماره پیدا نشد.
casework-error-forbidden = این پرونده مربوط به استانی است که شما در آن فعالیت نمی‌کنید.
casework-error-not_allowed = نقش شما اجازهٔ این تغییر را نمی‌دهد.
casework-error-same_status = پرونده همین حالا همین وضعیت را دارد.
casework-error-reason_required = برای بستن پرونده باید دلیلی انتخاب شود.
casework-error-reason_not_allowed = دلیل فقط هنگام بستن پرونده داده می‌شود.
casework-error-conflict = کس دیگری همین لحظه این پرونده را تغییر داد. لطفاً دوباره آن را باز کنید.
casework-error-closed = این پرونده بسته شده است.
locations-title = مکان‌هایی که گمان می‌رود عزیزان آنجا باشند:
locations-add = ➕ افزودن مکان
locations-ask-name = نام مکان به { $language }:
locations-added = افزوده شد: { $name }
locations-removed = از فهرست برداشته شد. ثبت‌هایی که آن را انتخاب کرده‌اند همچنان آن را دارند.
locations-cancelled = چیزی افزوده نشد.

## Broadcasts (volunteers and coordinators)
menu-broadcast = 📣 فرستادن خبر
cmd-broadcast = فرستادن خبر برای خانواده‌ها
cmd-broadcasts = خبرهای اخیر شما و آمار آن‌ها
bc-choose-audience = این پیام برای چه کسانی فرستاده شود؟
bc-audience-families = 👪 خانواده‌ها
bc-audience-language = 🗣 خانواده‌هایی که به زبانی می‌خوانند
bc-audience-caseStatus = 📁 خانواده‌هایی که پرونده‌شان در وضعیتی است
bc-audience-signers = ✍️ امضاکنندگان یک طومار
bc-choose-language = کدام زبان؟
bc-choose-status = خانواده‌هایی که پرونده‌شان در این وضعیت است:
bc-choose-petition = امضاکنندگان کدام طومار؟
bc-no-petitions = هیچ طومار بازی وجود ندارد.
bc-choose-provinces = کدام‌یک از استان‌های شما؟ انتخاب کنید و سپس «تمام» را بزنید.
bc-choose-provinces-wide = همهٔ استان‌ها، یا چند استان را انتخاب کنید و «تمام» را بزنید.
bc-all-provinces = 🌐 همهٔ استان‌ها
bc-ask-message = پیام را به { $language } بفرستید. می‌توانید آن را قالب‌بندی کنید و یک عکس یا سند با متن به‌عنوان توضیح پیوست کنید.
bc-ask-translation = نسخهٔ { $language } را بفرستید، یا «رد شدن» را بزنید (این خوانندگان نسخهٔ اول را می‌گیرند).
bc-error-kind = لطفاً متن، یا یک عکس یا سند همراه با توضیح بفرستید.
bc-preview-label = پیش‌نمایش ({ $language }):
bc-preview-count =
    این پیام برای { $count } نفر فرستاده می‌شود.
    { $breakdown }
bc-send-now = 📤 همین حالا بفرست
bc-schedule = 🕒 زمان‌بندی
bc-discard = 🗑 دور بینداز
bc-discarded = دور انداخته شد. چیزی فرستاده نشد.
bc-ask-time = کی فرستاده شود؟ تاریخ و ساعت را به وقت خودتان ({ $zone }) بنویسید، مثلاً ۱۴۰۵/۰۹/۱۰ ۱۸:۳۰ یا 2026-12-01 18:30.
bc-error-time-format = این تاریخ و ساعت را نتوانستم بخوانم. لطفاً مانند ۱۴۰۵/۰۹/۱۰ ۱۸:۳۰ بنویسید.
bc-error-time-past = این زمان گذشته است. لطفاً زمان دیرتری انتخاب کنید.
bc-starting = 📤 در حال شروع…
bc-starting-scheduled = 🕒 در حال زمان‌بندی…
bc-progress-running = 📤 در حال فرستادن: { $sent } فرستاده شد، { $failed } ناموفق، { $pending } مانده از { $total } — حدود { $minutes } دقیقهٔ دیگر.
bc-progress-scheduled = 🕒 زمان‌بندی شد: { $total } نفر آن را در زمان انتخاب‌شده دریافت می‌کنند.
bc-progress-paused = ⏸ متوقف شد: { $sent } فرستاده شد، { $pending } در انتظار از { $total }.
bc-progress-done = ✅ تمام شد: { $sent } فرستاده شد، { $failed } ناموفق، { $skipped } در دسترس نبودند (ربات را مسدود کرده‌اند) از { $total }.
bc-progress-cancelled = ✖️ لغو شد: { $sent } از { $total } فرستاده شده بود؛ بقیه فرستاده نمی‌شوند.
bc-pause = ⏸ توقف موقت
bc-resume = ▶️ ادامه
bc-cancel = ✖️ لغو فرستادن
bc-pause-done = متوقف شد.
bc-resume-done = ادامه یافت.
bc-cancel-done = لغو شد.
bc-list-title = خبرهای اخیر:
bc-list-empty = هنوز خبری فرستاده نشده است.
bc-error-forbidden = متأسفیم، شما اجازهٔ این کار را ندارید.
bc-error-province_not_allowed = فقط می‌توانید برای استان‌هایی که در آن‌ها فعالیت می‌کنید بفرستید.
bc-error-bad_audience = گیرندگان کامل مشخص نشده‌اند. لطفاً دوباره شروع کنید.
bc-error-empty_audience = هنوز کسی با این گیرندگان جور نیست، پس چیزی فرستاده نمی‌شود.
bc-error-not_found = این پیام پیدا نشد.

# Issue 8, part 5: lost updates (a conversation ended by an error)
error-conversation-dropped = متأسفیم، مشکلی از طرف ما پیش آمد و کاری که انجام می‌دادید پیش از تمام شدن متوقف شد. لطفاً آن مرحله را دوباره از اول شروع کنید.

# Issue 8, part 1: private chats only (a group, supergroup or channel gets one line and a private link)
private-only-group = برای امنیت شما و خانواده‌تان، فقط در گفت‌وگوی خصوصی کار می‌کنم. لطفاً از این پیوند به من پیام خصوصی بدهید: { $link }
private-only-button = این دکمه فقط در گفت‌وگوی خصوصی با ربات کار می‌کند.

## Idle conversations cleared by the retention job (issue #8: conversation state and retention)
conv-dropped-registration = شما ثبت عزیزتان را شروع کرده بودید، اما { $days } روز نیمه‌کاره ماند. برای این‌که اطلاعات شما امن بماند، آن را پاک کردیم و هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد. هر وقت خواستید، می‌توانید با /register دوباره شروع کنید.
conv-dropped-petition = شما امضای یک طومار را شروع کرده بودید، اما { $days } روز نیمه‌کاره ماند. برای این‌که اطلاعات شما امن بماند، آن را پاک کردیم و هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد. می‌توانید با /petitions دوباره شروع کنید.
conv-dropped-letter = شما نوشتن نامه‌ای را شروع کرده بودید، اما { $days } روز نیمه‌کاره ماند. برای این‌که اطلاعات شما امن بماند، آن را پاک کردیم و هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد. می‌توانید با /letter دوباره شروع کنید.
conv-dropped-broadcast = شما نوشتن یک پیام خبری را شروع کرده بودید، اما { $days } روز نیمه‌کاره ماند، پس آن را پاک کردیم. چیزی از آن نگه داشته نشد. می‌توانید با /broadcast دوباره شروع کنید.
conv-dropped-other = کاری را که شروع کرده بودید { $days } روز نیمه‌کاره ماند. برای این‌که اطلاعات شما امن بماند، آن را پاک کردیم و هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد. با /start منوی اصلی را می‌بینید.

# Issue 8, part 3: families see and erase their data (/mydata, /deletemydata)
cmd-mydata = فایلی با همهٔ آنچه از شما نگه داشته‌ایم
cmd-deletemydata = پاک کردن همهٔ آنچه از شما نگه داشته‌ایم
menu-mydata = 🔒 اطلاعات من
mydata-menu-prompt = آنچه از شما نگه داشته‌ایم مال خود شماست. می‌توانید آن را به صورت فایل بگیرید یا همه‌اش را پاک کنید.
mydata-send-button = 📄 اطلاعاتم را بفرست
mydata-erase-button = 🗑 همهٔ اطلاعاتم را پاک کن
mydata-caption-text = همهٔ آنچه از شما نگه داشته‌ایم، برای خواندن در گوشی.
mydata-caption-json = همین اطلاعات برای برنامه‌های رایانه‌ای (JSON).
mydata-doc-title = همهٔ آنچه این ربات از شما نگه می‌دارد
mydata-doc-made = تهیه‌شده در { $date }.
mydata-section-profile = شما
mydata-language = زبان
mydata-language-not-chosen = انتخاب نشده (زبان تلگرام شما به کار می‌رود)
mydata-roles = نقش
mydata-role-family = عضو خانواده
mydata-since = از { $date }
mydata-admin-by-configuration = مدیر (در تنظیمات ربات)
mydata-first-seen = نخستین پیام به ربات
mydata-last-seen = آخرین پیام به ربات
mydata-unreachable = ربات از این تاریخ نتوانسته به شما پیام بدهد
mydata-section-cases = عزیزانی که ثبت کرده‌اید یا پیگیری می‌کنید: { $count }
mydata-none = هیچ.
mydata-case-heading = پرونده { $reference } — { $status }
mydata-following-since = پیگیری از
mydata-consent = تاریخ رضایت شما به نگه‌داری
mydata-timeline = آنچه پیش آمده
mydata-section-signatures = طومارهایی که امضا کرده‌اید: { $count }
mydata-signed-on = تاریخ امضا
mydata-withdrawn-on = تاریخ پس گرفتن امضا
mydata-name-shown = نام شما آن‌طور که نشان داده می‌شود
mydata-without-name = بدون نام
mydata-province = استان
mydata-country = کشور
mydata-relation = نسبت با کسی در اردوگاه
mydata-news = خبر دربارهٔ طومار
mydata-yes = بله
mydata-no = نه
mydata-appeals = پیام‌های شخصی شما
mydata-photo = یک عکس
mydata-voice = یک پیام صوتی ({ $seconds } ثانیه)
mydata-section-withdrawals = امضاهایی که پس گرفته‌اید
mydata-withdrawal = امضا در { $signed }، پس گرفته در { $withdrawn }
mydata-section-letters = نامه‌ها به عزیزتان: { $count }
mydata-letter-to-from = برای { $to }، از طرف { $from }
mydata-section-messages = پیام‌هایی که ربات برایتان فرستاده
mydata-messages-total = تعداد پیام‌های ثبت‌شده: { $count }
mydata-kind-broadcast = خبر از داوطلبان
mydata-kind-case-status = خبر دربارهٔ پرونده
mydata-kind-petition-milestone = خبر دربارهٔ طومار
mydata-kind-reminder = یادآوری
mydata-not-delivered = نرسید
mydata-section-conversation = کارهای نیمه‌تمام
mydata-conversation-stored = پاسخ‌های کاری که هنوز تمام نکرده‌اید (به صورت رمزگذاری‌شده) نگه داشته شده، تا آن را تمام یا لغو کنید (/cancel).
mydata-conversation-none = هیچ کار نیمه‌تمامی نگه داشته نشده است.
mydata-section-audit = کارهای شما در دفتر ثبت ربات
mydata-doc-footer = نام‌ها، یادداشت‌ها، مکان‌ها، شماره‌های تلفن و پیام‌ها رمزگذاری‌شده نگه داشته می‌شوند. برای پاک کردن همهٔ این‌ها /deletemydata را بفرستید.
deletemydata-question = آیا می‌خواهید همهٔ آنچه از شما نگه داشته‌ایم پاک شود؟ ثبت‌ها، امضاها، پیام‌های شخصی و نامه‌هایتان پاک می‌شوند و دیگر کسی پرونده‌هایتان را برای شما پیگیری نمی‌کند. این کار برگشت‌پذیر نیست.
deletemydata-yes = بله، همه را پاک کن
deletemydata-no = نه، اطلاعاتم بماند
deletemydata-kept = چیزی پاک نشد. اطلاعات شما سر جایش است.
deletemydata-done = همهٔ آنچه از شما نگه داشته بودیم پاک شد. اگر دوباره به ربات پیام بدهید، مثل یک کاربر تازه شروع می‌کنید.
deletemydata-expired = این پرسش قدیمی شده است. اگر هنوز می‌خواهید اطلاعاتتان پاک شود، دوباره /deletemydata را بفرستید.
mydata-section-invites = پیوندهای دعوتی که ساخته‌اید
mydata-invite-used = استفاده شده
mydata-invite-unused = استفاده نشده (معتبر تا { $date })

# Issue 9, part 3: a conversation stored by an older version of the bot cannot be continued
conv-outdated = وقتی کاری را نیمه‌کاره داشتید، ربات به‌روز شد و آن کار دیگر ادامه پیدا نمی‌کرد، پس آن را پاک کردیم. هیچ‌چیز از آنچه نوشته بودید نگه داشته نشد. لطفاً دوباره شروع کنید؛ با /start منوی اصلی را می‌بینید.

# /settings، منطقهٔ زمانی، پیام گروهی در روزِ هر گیرنده (issue #10)
cmd-settings = زبان، ساعت محلی و یادآوری‌ها
menu-settings = ⚙️ تنظیمات
help-settings = ⚙️ /settings — زبان، ساعت محل زندگی شما، و این‌که کدام یادآوری‌ها را دریافت کنید.
settings-title = ⚙️ تنظیمات شما
settings-language = 🌐 زبان: { $language }
settings-time-zone = 🕒 ساعت محلی: { $zone }
settings-reminders = یادآوری‌ها (🔔 روشن، 🔕 خاموش):
settings-reminder-registration-unfinished = ثبت‌نامِ نیمه‌تمام
settings-reminder-event-24h = برنامه، یک روز پیش از آن
settings-reminder-event-1h = برنامه، یک ساعت پیش از آن
settings-reminder-case-checkin = خبر ماهانه دربارهٔ پروندهٔ شما
settings-reminder-petition-last-call = پایان مهلت طومار
settings-button-language = 🌐 زبان
settings-button-zone = 🕒 ساعت محلی
settings-button-reminder-off = 🔕 خاموش کن: { $reminder }
settings-button-reminder-on = 🔔 روشن کن: { $reminder }
settings-reminder-now-off = خاموش شد: { $reminder }
settings-reminder-now-on = روشن شد: { $reminder }
settings-choose-country = در کدام کشور زندگی می‌کنید؟ پیام‌ها و یادآوری‌ها به وقت همان‌جا فرستاده می‌شوند.
settings-choose-zone = { $country } چند منطقهٔ زمانی دارد. کدام شهر به شما نزدیک‌تر است؟
settings-button-type-zone = ⌨️ نوشتن نام منطقهٔ زمانی
settings-ask-zone = نام منطقهٔ زمانی خود را به انگلیسی بنویسید، مثلاً Europe/Berlin یا America/Toronto.
settings-error-unknown-zone = «{ $typed }» منطقهٔ زمانی شناخته‌شده‌ای نیست. لطفاً آن را مانند Europe/Berlin بنویسید (منطقه/شهر، به انگلیسی).
settings-zone-changed = ✅ ساعت محلی ثبت شد: { $zone }
settings-zone-unchanged = ساعت محلی شما تغییری نکرد.
tz-country-ir = ایران (تهران)
tz-country-de = آلمان
tz-country-se = سوئد
tz-country-nl = هلند
tz-country-fr = فرانسه
tz-country-gb = بریتانیا
tz-country-no = نروژ
tz-country-dk = دانمارک
tz-country-be = بلژیک
tz-country-ch = سوئیس
tz-country-at = اتریش
tz-country-it = ایتالیا
tz-country-al = آلبانی
tz-country-tr = ترکیه
tz-country-iq = عراق
tz-country-ca = کانادا
tz-country-us = آمریکا
tz-country-au = استرالیا
tz-zone-toronto = تورنتو، مونترال (شرقی)
tz-zone-winnipeg = وینیپگ (مرکزی)
tz-zone-edmonton = کلگری، ادمونتون (کوهستانی)
tz-zone-vancouver = ونکوور (اقیانوس آرام)
tz-zone-new-york = نیویورک، واشنگتن (شرقی)
tz-zone-chicago = شیکاگو، دالاس (مرکزی)
tz-zone-denver = دنور، فینیکس (کوهستانی)
tz-zone-los-angeles = لس‌آنجلس، سیاتل (اقیانوس آرام)
tz-zone-sydney = سیدنی، ملبورن
tz-zone-brisbane = بریزبن
tz-zone-adelaide = آدلاید
tz-zone-perth = پرت
bc-send-daytime = 🌙 فرستادن در روزِ هر گیرنده
bc-starting-daytime = 🌙 در حال شروع: کسانی که شب است (۲۲ تا ۸ به وقت خودشان) ساعت ۸ صبح به وقت خودشان پیام را می‌گیرند، بقیه همین حالا.

# Issue 10: unfinished registrations, case check-ins, petition last call and auto-close
reminder-registration-unfinished =
    🌱 ثبت عزیزتان را شروع کردید، ولی هنوز تمام نشده است.
    هر وقت فرصت داشتید، «ادامه» را بزنید تا از همان سؤالی که ماندید ادامه دهیم. چیزی از دست نرفته است.
reminder-case-checkin =
    🤍 سلام. می‌دانیم منتظر خبر هستید. در این یک ماه خبر تازه‌ای دربارهٔ پروندهٔ شما نبوده است، ولی پرونده باز است و داوطلبان انجمن آن را دنبال می‌کنند.
    هر خبری برسد، همین‌جا به شما می‌گوییم. وضعیت پرونده را با /status ببینید.
    اگر چیز تازه‌ای می‌دانید (نشانی، عکس، نام دیگر)، با /mycases آن را به ثبت خود اضافه کنید.
reminder-petition-last-call =
    ⏳ فرصت امضای طومار «{ $title }» تا { $date } است و شما هنوز آن را امضا نکرده‌اید.
    اگر می‌خواهید امضا کنید، دکمهٔ زیر را بزنید.
pet-closed-news =
    📪 طومار «{ $title }» به پایان مهلتش رسید و بسته شد، با { $count } امضا.
    از امضای شما سپاسگزاریم. هر خبری از تحویل آن برسد، به شما می‌گوییم.

# /settings: ساعت محلی خانواده‌های خارج از ایران، یک بار پس از ثبت‌نام (issue #10)
settings-zone-from-country = 🕒 یادآوری‌های ما به وقت { $zone } فرستاده می‌شوند، هرگز در شب. در /settings می‌توانید آن را تغییر دهید.
settings-zone-ask-once = 🕒 یک پرسش دیگر، تا یادآوری‌های ما هرگز شب به دستتان نرسد:

# --- رویدادها (issue #10): /newevent، /events، دعوت‌نامه، پاسخ، یادآوری ---
cmd-newevent = دعوت خانواده‌ها به یک رویداد
cmd-events = رویدادها و پاسخ‌ها
bc-audience-eventYes = 📅 کسانی که به یک رویداد «بله» گفتند
bc-choose-event = کسانی که به کدام رویداد «بله» گفتند؟
bc-no-events = هنوز هیچ رویدادی نیست.
ev-ask-title = عنوان رویداد به { $language }:
ev-ask-description = توضیح کوتاه به { $language } (چه، چه کسانی، چطور شرکت کنند)، یا «رد شدن»:
ev-ask-time = رویداد کی شروع می‌شود؟ تاریخ و ساعت را به وقت خودتان ({ $zone }) بنویسید، مثلاً ۱۴۰۵/۰۹/۱۰ ۱۸:۳۰
ev-ask-new-time = تاریخ و ساعت تازه به وقت خودتان ({ $zone })، مثلاً ۱۴۰۵/۰۹/۱۰ ۱۸:۳۰:
ev-ask-link = اگر لینک آنلاین (زوم، گوگل‌میت و …) دارد، بفرستید. این لینک فقط به کسانی نشان داده می‌شود که «بله» یا «شاید» بگویند.
ev-button-skip = ⏭ رد شدن
ev-button-cancel = ✖️ لغو
ev-button-send = 📤 فرستادن دعوت‌نامه
ev-button-discard = 🗑 دور انداختن
ev-button-nolink = بدون لینک
ev-button-move = 🕒 تغییر زمان
ev-button-cancel-event = ✖️ لغو رویداد
ev-button-confirm-cancel = بله، رویداد لغو شود
ev-error-empty = لطفاً چند کلمه بنویسید.
ev-error-time-format = این زمان را نتوانستم بخوانم. مثل ۱۴۰۵/۰۹/۱۰ ۱۸:۳۰ بنویسید.
ev-error-no-such-date = چنین روزی در تقویم وجود ندارد. لطفاً روز و ماه را دوباره نگاه کنید.
ev-error-time-past = این زمان گذشته است. لطفاً زمانی در آینده بنویسید.
ev-error-link = لطفاً لینکی بفرستید که با https:// شروع شود، یا «بدون لینک» را بزنید.
ev-error-forbidden = شما اجازهٔ این کار را ندارید.
ev-error-province_not_allowed = شما فقط خانواده‌های استان‌های خودتان را می‌توانید دعوت کنید.
ev-error-bad_audience = چیزی در این رویداد درست نبود. چیزی فرستاده نشد.
ev-error-empty_audience = هیچ‌کس در این گروه نیست، برای همین دعوت‌نامه فرستاده نشد.
ev-error-not_found = این رویداد دیگر وجود ندارد.
ev-error-past = این زمان گذشته است. لطفاً زمانی در آینده بنویسید.
ev-error-not_open = این رویداد لغو شده یا شروع شده است.
ev-discarded = رویداد دور انداخته شد. چیزی فرستاده نشد.
ev-preview-label = این دعوت‌نامه‌ای است که خانواده‌ها می‌گیرند (با دکمه‌های بله / شاید / نه):
ev-preview-link = لینک، فقط بعد از «بله» یا «شاید»: { $link }
ev-preview-count = به { $count } نفر فرستاده می‌شود.
ev-sent = ✅ دعوت‌نامه برای { $count } نفر در راه است. پاسخ‌ها را با /events ببینید.
ev-invitation = 📣 شما دعوت شده‌اید
ev-invitation-question = آیا شرکت می‌کنید؟
ev-when = 🕒 { $time }
ev-link = 🔗 لینک: { $link }
ev-answer-yes = ✅ بله
ev-answer-maybe = 🤔 شاید
ev-answer-no = ❌ نه
ev-answered-yes = سپاس! منتظر شما در «{ $title }» هستیم، { $time }. یک روز و یک ساعت پیش از آن یادآوری می‌کنیم.
ev-answered-maybe = سپاس. پاسخ «شاید» برای «{ $title }» ثبت شد، { $time }. یک روز و یک ساعت پیش از آن یادآوری می‌کنیم.
ev-answered-no = سپاس که خبر دادید نمی‌توانید در «{ $title }» شرکت کنید.
ev-answered-change = با دکمه‌های دعوت‌نامه می‌توانید پاسخ خود را تغییر دهید.
ev-reminder-24h = ⏰ یادآوری: این رویداد نزدیک است
ev-reminder-1h = ⏰ یادآوری: رویداد به‌زودی شروع می‌شود
ev-change-moved = 🕒 زمان رویداد تغییر کرد
ev-change-moved-question = آیا در زمان تازه می‌توانید شرکت کنید؟
ev-change-cancelled = ✖️ این رویداد لغو شد:
ev-list-title = رویدادها (برای دیدن پاسخ‌ها یکی را انتخاب کنید):
ev-list-empty = هنوز هیچ رویدادی نیست. با /newevent یکی بسازید.
ev-state-scheduled = برنامه‌ریزی شده
ev-state-moved = به زمان تازه منتقل شد
ev-state-cancelled = لغو شد
ev-counts-line = بله { $yes } · شاید { $maybe } · نه { $no }
ev-counts-total = پاسخ‌ها: { $figures }
ev-counts-by-province = بر اساس استان:
ev-counts-by-language = بر اساس زبان:
ev-province-unknown = استان نامشخص
ev-confirm-cancel = این رویداد لغو شود؟ به همهٔ کسانی که پاسخ داده‌اند خبر داده می‌شود.
ev-moved = ✅ زمان رویداد تغییر کرد. به { $count } نفری که پاسخ داده‌اند خبر داده می‌شود.
ev-cancelled = ✅ رویداد لغو شد. به { $count } نفری که پاسخ داده‌اند خبر داده می‌شود.

# Issue 10, part 3b: petition last call in "Manage petitions"
pet-button-last-call = ⏳ یادآوری آخر
pet-manage-last-call = ⏳ یادآوری آخر: { $days } روز پیش از پایان مهلت، برای خانواده‌هایی که امضا نکرده‌اند.
pet-last-call-ask = مهلت این طومار تا { $date } است. چند روز پیش از آن، یک یادآوری برای خانواده‌هایی که هنوز امضا نکرده‌اند فرستاده شود؟ یک عدد بین ۱ و { $max } بفرستید.
pet-last-call-ask-current = یادآوری آخر اکنون { $days } روز پیش از پایان مهلت ({ $date }) است. عدد تازه‌ای بین ۱ و { $max } بفرستید، یا آن را خاموش کنید.
pet-last-call-off = 🔕 خاموش کردن
pet-last-call-unchanged = چیزی تغییر نکرد.
pet-last-call-no-deadline = این طومار مهلت ندارد، پس یادآوری آخر ندارد.
pet-last-call-error-days = لطفاً یک عدد بین ۱ و { $max } بفرستید، مثلاً ۳.
pet-last-call-error-too-late = آن روز گذشته است. عدد کوچک‌تری بفرستید.
pet-last-call-switched-off = یادآوری آخر خاموش شد.
pet-last-call-set = ✅ یادآوری آخر روشن شد: { $days } روز پیش از پایان مهلت، یعنی { $date }، برای خانواده‌هایی که تا آن روز امضا نکرده‌اند.

# --- رویدادها در /mydata (issue #10) ---
mydata-section-events = پاسخ‌های شما به دعوت رویدادها
mydata-kind-event = دعوت به یک رویداد یا خبری دربارهٔ آن

# /settings در /mydata (issue #10)
mydata-time-zone = ساعت محلی
mydata-time-zone-not-chosen = انتخاب نشده (ایران، تهران)
mydata-reminders-off = یادآوری‌هایی که خاموش کرده‌اید

# /audit (issue #11, audit and access matrix)
cmd-audit = چه کسی، چه کاری، چه زمانی (گزارش کارها)
audit-title = گزارش کارها، صفحهٔ { $page }
audit-filter-person = شخص: { $who }
audit-filter-day = روز: { $day }
audit-me = خودتان
audit-actor-member = عضو گروه { $id }
audit-actor-family = یکی از خانواده‌ها
audit-actor-erased = پاک‌شده
audit-empty = برای این انتخاب چیزی ثبت نشده است.
audit-page-empty = این صفحه خالی است. برای شروع دوباره /audit را بفرستید.
audit-previous = ◀️ جدیدتر
audit-next = قدیمی‌تر ▶️
audit-filter-unknown = این انتخاب را نمی‌شناسم. می‌توانید بفرستید: /audit، یا /audit me، یا /audit با شمارهٔ یک عضو گروه از /team، یا /audit با یک روز مثل ۱۴۰۵/۰۹/۰۷ یا 2026-11-28.
audit-filter-no-such-date = چنین روزی در تقویم نیست. آن را این‌طور بنویسید: ۱۴۰۵/۰۹/۰۷ یا 2026-11-28.
audit-filter-too-long = این انتخاب خیلی بلند است. /audit، /audit me، شمارهٔ یک عضو گروه یا یک روز را بفرستید.

# --- /stats: numbers and charts (issue #11, stats part) ---
cmd-stats = آمار و نمودار پرونده‌ها
stats-heading-all = 📊 آمار — همهٔ استان‌ها
stats-heading-provinces = 📊 آمار — { $provinces }
stats-none = هنوز پرونده یا امضایی ثبت نشده است.
stats-cases-total = پرونده‌ها: { $count }
stats-by-status = بر پایهٔ وضعیت:
stats-by-province = استان‌هایی که بیشترین پرونده را دارند:
stats-stale = پرونده‌های باز بدون خبر در { $days } روز گذشته: { $count }
stats-registrations-month = ثبت‌شده در این ماه: { $count }
stats-contact-year = برقراری تماس در ۱۲ ماه گذشته: { $count }
stats-signatures = امضای طومارها: { $count } (در ۳۰ روز گذشته: { $recent })
stats-signatures-by-province = امضاها در هر استان:
stats-chart-signatures = امضای طومارها در هر روز (۳۰ روز گذشته)
stats-series-signatures = امضاها
stats-rsvps = پاسخ به رویدادها: می‌آیم { $yes }، شاید { $maybe }، نمی‌آیم { $no }
stats-abroad = خارج از ایران
stats-chart-provinces = پرونده‌ها در هر استان
stats-chart-months = ثبت‌نام‌ها و برقراری تماس در هر ماه
stats-chart-funnel = پرونده‌ها تا کجا پیش رفته‌اند
stats-series-registrations = ثبت‌نام‌ها
stats-series-contact = برقراری تماس

# Issue #11: /find، خانواده‌ها در کارت پرونده، /export
cmd-find = جست‌وجوی پرونده با نام، شماره، استان، وضعیت یا تاریخ
cmd-export = گرفتن فایل پرونده‌های آخرین جست‌وجو (CSV)
casework-family-line = • { $relation } · { $place } · { $reach }
casework-family-phone = تلفن { $phone }
casework-family-telegram = در تلگرام (از راه ربات)
find-results = 🔎 { $filter }
    پیدا شد: { $total } · صفحهٔ { $page } از { $pages }
find-nothing = هیچ پرونده‌ای با این جست‌وجو پیدا نشد.
find-hint = بعد از /find یک نام (با هر خطی)، شمارهٔ پرونده یا بازهٔ تاریخ بنویسید، مثلاً ۱۴۰۳/۰۱/۰۱ - ۱۴۰۳/۰۶/۳۱. با /export نتیجه را به صورت فایل می‌گیرید.
find-filter-none = همهٔ پرونده‌ها
find-filter-name = نام «{ $name }»
find-filter-reference = پروندهٔ { $reference }
find-filter-duplicates = تکراری‌های در انتظار بررسی
find-filter-dates = ثبت‌شده از { $from } تا { $to }
find-by-province = 📍 استان
find-by-status = 🏷 وضعیت
find-by-location = 🗺 محل احتمالی
find-duplicates-off = 👥 تکراری‌های در انتظار
find-duplicates-on = ✅ تکراری‌های در انتظار
find-clear = ✖️ پاک کردن فیلترها
find-any = همه
find-choose-province = یک استان را انتخاب کنید:
find-choose-status = یک وضعیت را انتخاب کنید:
find-choose-location = جایی را که گمان می‌رود عزیزتان آنجاست انتخاب کنید:
find-invalid = این جست‌وجو ممکن نیست. لطفاً دوباره با /find شروع کنید.
find-invalid-too_long = این برای یک نام خیلی بلند است. لطفاً حداکثر ۱۰۰ حرف بنویسید.
find-invalid-bad_date = این تاریخ‌ها را نفهمیدیم. مثلاً بنویسید ۱۴۰۳/۰۱/۰۱ - ۱۴۰۳/۰۶/۳۱ یا 2024-03-20 - 2024-09-21.
find-invalid-empty = لطفاً بعد از /find یک نام، شمارهٔ پرونده یا تاریخ بنویسید.
export-caption = پرونده‌ها: { $filter } (CSV، UTF-8)

# /audit from /team (issue #11, audit and access matrix)
team-audit-button = 🔎 کارهایی که کرده (گزارش)

# Issue #11: /find، تاریخ ثبت با دکمه
find-by-dates = 📅 تاریخ ثبت
find-choose-dates = پرونده کی ثبت شده است؟ می‌توانید تاریخ را هم بنویسید: /find ۱۴۰۳/۰۱/۰۱ - ۱۴۰۳/۰۶/۳۱
find-dates-d30 = در ۳۰ روز گذشته
find-dates-d365 = در ۱۲ ماه گذشته
find-dates-year = امسال

# /stats: when the figures were counted (issue #11, statistics tally)
stats-as-of = این آمار مربوط به { $time } است و هر چند دقیقه یک بار دوباره شمرده می‌شود.

# Part C (issue #11): /audit in words, by kind of action
audit-action-audit-view = گزارش کارها را خواند: { $count } سطر
audit-action-broadcast-start = فرستادن خبر به { $audience } را شروع کرد: { $recipients } گیرنده
audit-action-broadcast-pause = فرستادن خبر را نگه داشت
audit-action-broadcast-resume = فرستادن خبر را دوباره شروع کرد
audit-action-broadcast-cancel = فرستادن خبر را لغو کرد
audit-action-case-view = یک پرونده را باز کرد: { $families } خانواده پیگیر آن هستند، راه تماس { $contacts } نفر نشان داده شد
audit-action-case-search = { $filtered ->
        [all] فهرست همهٔ پرونده‌ها را دید
       *[some] پرونده‌ها را با { $filter } جستجو کرد
    }: { $results } نتیجه
audit-action-case-export = فهرست { $rows } پرونده را گرفت (جستجو با: { $filter })
audit-action-case-status = وضعیت یک پرونده را از «{ $from }» به «{ $to }» تغییر داد
audit-action-case-withdraw = یک ثبت‌نام را پس گرفت
audit-action-case-duplicate-confirm = یک پروندهٔ تکراری را با پروندهٔ { $into } یکی کرد: { $moved } خانواده منتقل شدند
audit-action-case-duplicate-reject = گفت این پرونده تکراری نیست
audit-action-event-create = یک برنامه ساخت و { $audience } را دعوت کرد: { $recipients } نفر
audit-action-event-move = زمان یک برنامه را تغییر داد: به { $told } نفر خبر داده شد
audit-action-event-cancel = یک برنامه را لغو کرد: به { $told } نفر خبر داده شد
audit-action-invite-create = یک دعوت‌نامه ساخت (نقش: { $role })
audit-action-invite-accept = به گروه پیوست (نقش: { $role })
audit-action-role-revoke = نقش { $role } را پس گرفت ({ $invitesVoided } دعوت‌نامهٔ باز باطل شد)
audit-action-team-list = فهرست اعضای گروه را دید
audit-action-letters-export = { $letters } نامه را گرفت
audit-action-location-add = یک محل احتمالی اضافه کرد
audit-action-location-deactivate = یک محل احتمالی را برداشت
audit-action-mydata-export = اطلاعات خودش را گرفت
audit-action-mydata-erase = همهٔ اطلاعات خودش را پاک کرد
audit-action-petition-create = یک طومار ساخت
audit-action-petition-edit = متن یک طومار را تغییر داد (نسخهٔ { $version })
audit-action-petition-status = وضعیت یک طومار را از «{ $from }» به «{ $to }» تغییر داد
audit-action-petition-last-call = آخرین یادآوری یک طومار را فرستاد ({ $days } روز مانده)
audit-action-petition-stats = آمار یک طومار را دید
audit-action-petition-export = فهرست یک طومار را گرفت: { $signatures } امضا، { $appeals } درخواست
audit-action-petition-attachments = پیوست‌های یک طومار را گرفت
audit-action-stats-view = آمار را دید: { $scope }
audit-audience-families = خانواده‌ها
audit-audience-language = خانواده‌هایی که به یک زبان می‌خوانند
audit-audience-case-status = خانواده‌هایی که پرونده‌شان در یک وضعیت است
audit-audience-signers = امضاکنندگان یک طومار
audit-audience-event-yes = کسانی که به یک برنامه «بله» گفتند
audit-search-all = همهٔ پرونده‌ها
audit-search-name = نام
audit-search-reference = شمارهٔ پرونده
audit-search-province = استان
audit-search-status = وضعیت
audit-search-location = محل احتمالی
audit-search-duplicates = پرونده‌های تکراری
audit-search-dates = تاریخ ثبت
audit-stats-all = همهٔ استان‌ها
audit-stats-provinces = { $count } استان
audit-filter-kind = نوع کار: { $kind }
audit-kind-views = دیدن‌ها
audit-kind-searches = جستجوها
audit-kind-exports = گرفتن فهرست‌ها
audit-kind-statuses = تغییر وضعیت‌ها
audit-kind-roles = نقش‌ها و دعوت‌نامه‌ها
audit-filter-kinds = یا یک نوع کار: /audit مشاهده، /audit جستجو، /audit خروجی، /audit وضعیت، /audit نقش

# Part C (issue #11): /stats from the main menu
menu-stats = 📊 آمار و نمودارها

# Part C (issue #11): /audit, someone the bot no longer knows
audit-actor-gone = کسی که دیگر در ربات نیست

# Part D1 (issue #12): the way into the coordinator's desk
cmd-desk = میز کار: همهٔ پرونده‌ها در یک نگاه
menu-desk = 🖥 میز کار
open-desk-prompt = میز کار درون تلگرام باز می‌شود: پرونده‌ها در یک جدول، هر پرونده در یک صفحه، و آمار به شکل نمودار. دکمهٔ زیر را بزنید. اگر بعداً گفت که زمانش گذشته است، دوباره از همین‌جا بازش کنید.
open-desk-button = 🖥 باز کردن میز کار
open-desk-off = میز کار هنوز برای این ربات روشن نشده است؛ لطفاً از گردانندهٔ ربات بپرسید. همهٔ آنچه میز کار نشان می‌دهد در همین گفتگو هم هست: ‎/find‎، ‎/case‎ و ‎/stats‎.

# --- The coordinator's desk: the web page (issue #12, D3). Shown by src/desk/web; no placeables (the server renders them once). ---
desk-title = میز کار
desk-loading = در حال بارگذاری…
desk-error-unauthorized = زمان این صفحه گذشته است. لطفاً آن را ببندید و میز کار را دوباره از ربات باز کنید.
desk-error-forbidden = شما اجازهٔ دیدن این بخش را ندارید.
desk-error-network = ارتباط برقرار نشد. اینترنت را بررسی کنید و دوباره امتحان کنید.
desk-error-server = مشکلی پیش آمد؛ چیزی از دست نرفته است. لطفاً دوباره امتحان کنید.
desk-error-invalid = این درخواست پذیرفته نشد. لطفاً آنچه را نوشته‌اید بررسی کنید.
desk-error-not-found = این پرونده پیدا نشد.
desk-error-conflict = این پرونده همین حالا تغییر کرده است. دوباره امتحان کنید.
desk-retry = دوباره امتحان کنید
desk-tab-cases = پرونده‌ها
desk-tab-overview = نمای کلی
desk-col-reference = شمارهٔ پرونده
desk-col-name = نام
desk-col-status = وضعیت
desk-col-province = استان
desk-col-registered = تاریخ ثبت
desk-filter-name = نام (به فارسی یا لاتین)
desk-filter-location = محل
desk-filter-any = همه
desk-filter-from = ثبت‌شده از تاریخ
desk-filter-to = تا تاریخ
desk-filter-date-example = ۱۴۰۵/۰۹/۰۷
desk-filter-duplicates = فقط پرونده‌هایی که شاید تکراری باشند و هنوز بررسی نشده‌اند
desk-filter-more = فیلترهای بیشتر
desk-filter-bad-reference = این شمارهٔ پرونده درست نیست. آن را همان‌طور که ربات نشان داده است بنویسید.
desk-filter-bad-date = تاریخ را این‌طور بنویسید: ۱۴۰۵/۰۹/۰۷ (خورشیدی) یا 2026-11-28 (میلادی).
desk-filter-bad-order = تاریخ «از» باید پیش از تاریخ «تا» باشد.
desk-filter-search = جستجو
desk-filter-clear = پاک کردن
desk-export = فرستادن این فهرست به گفتگوی من با ربات
desk-export-sent = فهرست در گفتگوی شما با ربات فرستاده شد.
desk-export-rows = تعداد ردیف‌ها
desk-total = پرونده‌های پیدا شده
desk-no-cases = هیچ پرونده‌ای با این جستجو جور نیست.
desk-duplicate-mark = شاید تکراری
desk-page-previous = قبلی
desk-page-next = بعدی
desk-back = بازگشت به فهرست
desk-case-other-names = نام‌های دیگر
desk-case-sex = جنسیت
desk-case-birth-year = سال تولد
desk-case-left-year = سال رفتن
desk-case-location = محل احتمالی
desk-case-close-reason = دلیل بستن
desk-case-family-count = خانواده‌های ثبت‌کننده
desk-case-families = خانواده‌ها
desk-case-no-phone = شماره تلفن ندارد؛ از راه ربات به آن‌ها خبر بدهید.
desk-case-duplicates = پرونده‌هایی که شاید همین پرونده باشند
desk-case-timeline = روند پرونده
desk-case-note-family = پیام برای خانواده
desk-case-note-internal = یادداشت داخلی
desk-move-title = تغییر وضعیت پرونده
desk-move-to = وضعیت تازه
desk-move-reason = دلیل بستن پرونده
desk-move-family-note = پیامی برای خانواده (اختیاری)
desk-move-internal-note = یادداشت داخلی (اختیاری؛ خانواده آن را نمی‌بیند)
desk-move-submit = ثبت تغییر
desk-move-done = وضعیت تازه ثبت شد.
desk-move-notified = خانواده‌هایی که باخبر می‌شوند
desk-move-need-status = یک وضعیت تازه انتخاب کنید.
desk-move-need-reason = برای بستن پرونده، دلیل آن را انتخاب کنید.
desk-chart-hint = برای دیدن عدد، روی یک ستون بزنید.
desk-overview-total = همهٔ پرونده‌ها
desk-overview-stale = پرونده‌های باز بدون خبر
desk-overview-by-province = پرونده‌ها در هر استان
desk-overview-by-status = پرونده‌ها بر پایهٔ وضعیت
desk-overview-by-month = ثبت‌نام‌ها در هر ماه
desk-overview-contact-by-month = برقراری تماس در هر ماه
desk-overview-signatures = امضاها در هر روز
desk-overview-petitions = طومارها
desk-overview-goal = امضاها در برابر هدف
desk-overview-no-goal = بدون هدف
desk-overview-events = رویدادها
desk-overview-empty = هنوز چیزی نیست.
desk-rsvp-yes = می‌آیم
desk-rsvp-maybe = شاید
desk-rsvp-no = نمی‌آیم

# Desk (issue #12), the desk's data (D2): a believed location nobody knows
desk-location-unknown = معلوم نیست
