// Web chat for the local emulator: pick a simulated user and talk to the bot.
// Everything the bot sends is rendered from plain text + Telegram entities with DOM nodes,
// so no markup from the bot ever reaches innerHTML.

const $ = (testId) => document.querySelector(`[data-testid="${testId}"]`);

const view = {
  messages: $("messages"),
  users: $("user-list"),
  title: $("chat-title"),
  composer: $("composer"),
  send: $("send"),
  replyKeyboard: $("reply-keyboard"),
  toast: $("callback-answer"),
  block: $("block-bot"),
  menuButton: $("menu-button"),
  webApp: $("web-app-panel"),
  webAppTitle: $("web-app-title"),
  webAppFrame: $("web-app-frame"),
};

const state = { userId: undefined, users: new Map(), messages: new Map(), events: undefined, toastTimer: undefined, botName: undefined, webApp: undefined };

async function api(path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(`/_emulator${path}`, init);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error ?? response.statusText);
  return data;
}

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  node.append(...children);
  return node;
}

// ---- entities -> DOM --------------------------------------------------------------------------

const safeUrl = (url) => (typeof url === "string" && /^(https?:|tg:|mailto:)/i.test(url) ? url : undefined);

function entityElement(entity) {
  switch (entity.type) {
    case "bold":
      return el("b");
    case "italic":
      return el("i");
    case "underline":
      return el("u");
    case "strikethrough":
      return el("s");
    case "spoiler":
      return el("span", { class: "spoiler", onclick: (e) => e.currentTarget.classList.toggle("revealed") });
    case "code":
      return el("code");
    case "pre":
      return el("pre", { "data-language": entity.language });
    case "blockquote":
    case "expandable_blockquote":
      return el("blockquote");
    case "text_link":
      return el("a", { href: safeUrl(entity.url), target: "_blank", rel: "noopener noreferrer" });
    case "url":
      return el("a", { target: "_blank", rel: "noopener noreferrer" });
    case "bot_command":
      return el("span", { class: "command" });
    default:
      return el("span", { class: entity.type });
  }
}

function renderEntities(text, entities) {
  const fragment = document.createDocumentFragment();
  const sorted = [...(entities ?? [])].sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(fragment, 0, text.length, sorted);
  return fragment;

  function build(parent, start, end, list) {
    let position = start;
    let i = 0;
    while (i < list.length) {
      const entity = list[i];
      if (entity.offset < position) {
        i += 1; // overlaps one already drawn; Telegram entities nest, so this is rare
        continue;
      }
      if (entity.offset > position) parent.append(text.slice(position, entity.offset));
      const entityEnd = Math.min(entity.offset + entity.length, end);
      const inner = [];
      let j = i + 1;
      while (j < list.length && list[j].offset < entityEnd) {
        if (list[j].offset + list[j].length <= entityEnd) inner.push(list[j]);
        j += 1;
      }
      const node = entityElement(entity);
      build(node, entity.offset, entityEnd, inner);
      if (entity.type === "url") node.setAttribute("href", safeUrl(node.textContent) ?? "#");
      if (entity.type === "bot_command") node.addEventListener("click", () => sendMessage({ text: node.textContent }));
      parent.append(node);
      position = entityEnd;
      i = j;
    }
    if (position < end) parent.append(text.slice(position, end));
  }
}

// ---- messages ---------------------------------------------------------------------------------

const timeOf = (seconds) => new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

function mediaLabel(message) {
  if (message.photo) return `🖼 Photo · ${message.photo}`;
  if (message.document) return `📄 Document · ${message.document}`;
  if (message.voice) return `🎤 Voice · ${message.voice}`;
  if (message.video) return `🎬 Video · ${message.video}`;
  if (message.sticker) return `🙂 Sticker · ${message.sticker}`;
  if (message.contact) return `📇 Contact · ${message.contact}`;
  if (message.webAppData) return `🧩 Data from the Mini App · ${message.webAppData}`;
  return undefined;
}

function inlineKeyboard(message) {
  if (!message.inlineKeyboard) return [];
  const rows = message.inlineKeyboard.map((row) =>
    el(
      "div",
      { class: "row" },
      row.map((button) => {
        if (button.webAppUrl) {
          return el(
            "button",
            { type: "button", class: "web-app-button", "data-testid": "inline-button", "data-web-app": "true", dir: "auto", onclick: () => openWebApp({ messageId: message.messageId, label: button.text }) },
            [button.text],
          );
        }
        if (button.url) {
          return el("a", { "data-testid": "inline-button", dir: "auto", href: safeUrl(button.url), target: "_blank", rel: "noopener noreferrer" }, [button.text]);
        }
        return el(
          "button",
          {
            type: "button",
            "data-testid": "inline-button",
            dir: "auto",
            disabled: button.callbackData === undefined,
            onclick: () => press(message.messageId, button.callbackData),
          },
          [button.text],
        );
      }),
    ),
  );
  return [el("div", { class: "inline-keyboard", "data-testid": "inline-keyboard" }, rows)];
}

function messageElement(message) {
  const media = mediaLabel(message);
  const body = message.text ?? message.caption;
  const bubble = el("div", { class: "bubble", dir: "auto" }, [
    ...(media ? [el("div", { class: "media", "data-testid": "media", dir: "auto" }, [media])] : []),
    ...(body !== undefined ? [el("div", { class: "text", "data-testid": "message-text", dir: "auto" }, [renderEntities(body, message.entities)])] : []),
    el("div", { class: "meta" }, [
      ...(message.viaBot ? [`via @${message.viaBot} · `] : []),
      message.edited ? `edited · ${timeOf(message.date)}` : timeOf(message.date),
    ]),
  ]);
  return el(
    "div",
    {
      class: "message",
      "data-testid": "message",
      "data-from": message.from,
      "data-message-id": message.messageId,
      "data-edited": message.edited ? "true" : undefined,
      dir: "auto",
    },
    [bubble, ...inlineKeyboard(message)],
  );
}

function upsertMessage(message) {
  state.messages.set(message.messageId, message);
  const node = messageElement(message);
  const existing = view.messages.querySelector(`[data-message-id="${message.messageId}"]`);
  const nearBottom = view.messages.scrollHeight - view.messages.scrollTop - view.messages.clientHeight < 80;
  if (existing) {
    existing.replaceWith(node);
  } else {
    const later = [...view.messages.children].find((child) => Number(child.dataset.messageId) > message.messageId);
    view.messages.insertBefore(node, later ?? null);
  }
  if (nearBottom || !existing) view.messages.scrollTop = view.messages.scrollHeight;
  renderReplyKeyboard();
}

function removeMessage(messageId) {
  state.messages.delete(messageId);
  view.messages.querySelector(`[data-message-id="${messageId}"]`)?.remove();
  renderReplyKeyboard();
}

/** The newest bot message that set or removed a reply keyboard decides what is shown. */
function renderReplyKeyboard() {
  const ordered = [...state.messages.values()].sort((a, b) => b.messageId - a.messageId);
  const latest = ordered.find((m) => m.from === "bot" && (m.replyKeyboard || m.removeKeyboard));
  const rows = latest?.replyKeyboard ?? [];
  const webApps = latest?.replyKeyboardWebApps ?? {};
  view.replyKeyboard.replaceChildren(
    ...rows.map((row) =>
      el(
        "div",
        { class: "row" },
        row.map((label) =>
          el(
            "button",
            {
              type: "button",
              "data-testid": "reply-button",
              "data-web-app": webApps[label] ? "true" : undefined,
              dir: "auto",
              onclick: () => (webApps[label] ? openWebApp({ label }) : sendMessage({ text: label })),
            },
            [label],
          ),
        ),
      ),
    ),
  );
}

// ---- Mini Apps --------------------------------------------------------------------------------

/** The server signs the init data with the bot's token, as Telegram does, and hands back the URL to load. */
async function openWebApp(body) {
  if (state.userId === undefined) return;
  try {
    const launch = await api(`/users/${state.userId}/webapp`, body);
    state.webApp = launch;
    // Telegram's clients title a Mini App with the bot's name, whatever the button said.
    view.webAppTitle.textContent = state.botName ?? launch.title;
    view.webAppFrame.src = launch.launchUrl;
    view.webApp.hidden = false;
  } catch (error) {
    showToast({ text: String(error.message ?? error), showAlert: true });
  }
}

function closeWebApp() {
  state.webApp = undefined;
  view.webApp.hidden = true;
  view.webAppFrame.src = "about:blank";
}

/**
 * What a Mini App asks of its Telegram client: telegram-web-app.js posts JSON `{eventType, eventData}`
 * to the parent window in web clients. Close, and send data (a reply keyboard's Mini App only:
 * Telegram then closes it and the bot receives a web_app_data message).
 */
window.addEventListener("message", (event) => {
  if (event.source !== view.webAppFrame.contentWindow || state.webApp === undefined) return;
  let message;
  try {
    message = typeof event.data === "string" ? JSON.parse(event.data) : event.data;
  } catch {
    return;
  }
  if (message?.eventType === "web_app_close") closeWebApp();
  if (message?.eventType === "web_app_data_send" && state.webApp.source === "keyboard_button") {
    const buttonText = state.webApp.title;
    closeWebApp();
    void api(`/users/${state.userId}/webappdata`, { buttonText, data: String(message.eventData?.data ?? "") }).catch((error) =>
      showToast({ text: String(error.message ?? error), showAlert: true }),
    );
  }
});

/** The menu button beside the composer: shown when the bot set a Mini App for this chat (or as its default). */
async function refreshMenuButton(userId) {
  const button = await api(`/users/${userId}/menu`);
  if (state.userId !== userId) return;
  const opensApp = button.type === "web_app";
  view.menuButton.hidden = !opensApp;
  view.menuButton.textContent = opensApp ? button.text : "";
}

function showToast(answer) {
  if (!answer.text) return;
  view.toast.textContent = answer.text;
  view.toast.classList.toggle("alert", answer.showAlert === true);
  view.toast.hidden = false;
  if (state.toastTimer) window.clearTimeout(state.toastTimer);
  state.toastTimer = setTimeout(() => (view.toast.hidden = true), answer.showAlert ? 6000 : 3000);
}

// ---- users ------------------------------------------------------------------------------------

function renderUsers() {
  const items = [...state.users.values()].map((user) =>
    el("li", {}, [
      el(
        "button",
        {
          type: "button",
          "data-testid": "user-item",
          "data-user-id": user.id,
          "aria-current": user.id === state.userId ? "true" : "false",
          dir: "auto",
          onclick: () => selectUser(user.id),
        },
        [user.firstName, el("span", { class: "meta", dir: "ltr" }, [`#${user.id} · ${user.languageCode ?? "—"}${user.blocked ? " · blocked" : ""}`])],
      ),
    ]),
  );
  view.users.replaceChildren(...items);
}

async function selectUser(userId) {
  state.userId = userId;
  localStorage.setItem("emulator.userId", String(userId));
  state.events?.close();
  state.messages.clear();
  view.messages.replaceChildren();
  closeWebApp();
  const user = state.users.get(userId);
  view.title.textContent = user ? `${user.firstName} (#${user.id})` : `#${userId}`;
  view.composer.disabled = false;
  view.send.disabled = false;
  view.block.hidden = false;
  renderUsers();
  // Subscribe first, then load: upserts are idempotent, so nothing between the two is lost.
  const events = new EventSource(`/_emulator/events?userId=${userId}`);
  state.events = events;
  events.addEventListener("upsert", (e) => {
    upsertMessage(JSON.parse(e.data).message);
    // A bot usually sets a chat's menu button when it answers; nothing else announces the change.
    void refreshMenuButton(userId).catch(() => undefined);
  });
  events.addEventListener("delete", (e) => removeMessage(JSON.parse(e.data).messageId));
  events.addEventListener("callbackAnswer", (e) => showToast(JSON.parse(e.data).answer));
  events.addEventListener("open", () => void loadTranscript(userId));
  void refreshMenuButton(userId).catch(() => undefined);
  view.composer.focus();
}

async function loadTranscript(userId) {
  const transcript = await api(`/users/${userId}/transcript`);
  if (state.userId !== userId) return;
  for (const message of transcript.messages) upsertMessage(message);
}

async function sendMessage(body) {
  if (state.userId === undefined) return;
  try {
    await api(`/users/${state.userId}/messages`, body);
  } catch (error) {
    showToast({ text: String(error.message ?? error), showAlert: true });
  }
}

async function press(messageId, callbackData) {
  if (state.userId === undefined || callbackData === undefined) return;
  try {
    await api(`/users/${state.userId}/press`, { messageId, callbackData });
  } catch (error) {
    showToast({ text: String(error.message ?? error), showAlert: true });
  }
}

// ---- wiring -----------------------------------------------------------------------------------

$("new-user-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = $("new-user-name").value.trim();
  if (!name) return;
  const user = await api("/users", { firstName: name, languageCode: $("new-user-language").value });
  state.users.set(user.id, user);
  $("new-user-name").value = "";
  await selectUser(user.id);
});

$("composer-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = view.composer.value;
  if (!text.trim()) return;
  view.composer.value = "";
  void sendMessage({ text });
});

const captionFromComposer = () => {
  const caption = view.composer.value.trim();
  view.composer.value = "";
  return caption ? { caption } : {};
};
$("attach-photo").addEventListener("click", () => void sendMessage({ photo: true, ...captionFromComposer() }));
$("attach-voice").addEventListener("click", () => void sendMessage({ voice: true }));
$("attach-document").addEventListener("click", () => void sendMessage({ document: true, fileName: "document.pdf", ...captionFromComposer() }));
view.menuButton.addEventListener("click", () => void openWebApp({ menu: true }));
$("web-app-close").addEventListener("click", closeWebApp);
view.block.addEventListener("click", () => state.userId !== undefined && void api(`/users/${state.userId}/block`, {}));

/** Users created elsewhere (tests, other tabs, benchmarks) show up without a reload. */
function followUsers() {
  const events = new EventSource("/_emulator/events?types=user");
  events.addEventListener("user", (e) => {
    const changed = JSON.parse(e.data).user;
    state.users.set(changed.id, changed);
    renderUsers();
  });
}

async function start() {
  followUsers();
  const info = await api("/info");
  state.botName = info.botName;
  $("bot-name").textContent = `Bot: ${info.botName} (@${info.botUsername})`;
  for (const user of await api("/users")) state.users.set(user.id, user);
  renderUsers();
  const remembered = Number(localStorage.getItem("emulator.userId"));
  if (state.users.has(remembered)) await selectUser(remembered);
}

start().catch((error) => console.error(error));
