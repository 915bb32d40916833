// Groups, supergroups and channels: the bot is added (my_chat_member), members post, the bot leaves.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi } from "./emulatorTestKit.js";

let emu: TelegramEmulator;

beforeEach(async () => {
  emu = await TelegramEmulator.start({ limits: { perChatBurst: 100, globalPerSecond: 1000 } });
});

afterEach(async () => {
  await emu.stop();
});

// Telegram's JSON is loosely typed here; the tests assert on its exact shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function takeUpdates(): Promise<any[]> {
  const { body } = await callApi(emu, "getUpdates");
  const updates = body.result as { update_id: number }[];
  if (updates.length > 0) await callApi(emu, "getUpdates", { offset: updates.at(-1)!.update_id + 1 });
  return updates;
}

describe("group chats", () => {
  it("adding the bot to a group sends my_chat_member (left → member) and the service message, from the member who added it", async () => {
    const maryam = emu.createUser({ firstName: "Maryam", languageCode: "fa" });
    const group = emu.createGroup({ title: "Cousins", members: [maryam] });
    expect(group.id).toBeLessThan(0);
    expect(group.botStatus).toBe("left");

    group.addBot(maryam);
    const [membership, service] = await takeUpdates();
    expect(membership.my_chat_member).toMatchObject({
      chat: { id: group.id, type: "group", title: "Cousins" },
      from: { id: maryam.id, first_name: "Maryam" },
      old_chat_member: { status: "left", user: { is_bot: true, username: emu.state.bot.username } },
      new_chat_member: { status: "member", user: { is_bot: true } },
    });
    expect(service.message).toMatchObject({ chat: { id: group.id }, from: { id: maryam.id }, new_chat_members: [{ is_bot: true, id: emu.state.bot.id }] });
    expect(group.botStatus).toBe("member");
  });

  it("posts of several members reach the bot with the group as chat, command and mention entities, and replies", async () => {
    const ali = emu.createUser({ firstName: "Ali" });
    const sara = emu.createUser({ firstName: "Sara" });
    const group = emu.createGroup({ type: "supergroup", title: "Family", members: [ali, sara] });
    group.sendText(ali, "before the bot came");
    group.addBot(ali);
    await takeUpdates();

    group.sendCommand(ali, "mycases", { addressed: true });
    group.mentionBot(sara, "hello");
    const sent = await callApi(emu, "sendMessage", { chat_id: group.id, text: "Hi all" });
    expect(sent.body.result).toMatchObject({ chat: { id: group.id, type: "supergroup", title: "Family" }, from: { is_bot: true } });
    group.sendText(sara, "thanks", { replyTo: sent.body.result.message_id });

    const [command, mention, reply] = await takeUpdates();
    const bot = emu.state.bot.username;
    expect(String(group.id)).toMatch(/^-100/);
    expect(command.message).toMatchObject({
      from: { id: ali.id },
      chat: { id: group.id, type: "supergroup" },
      text: `/mycases@${bot}`,
      entities: [{ type: "bot_command", offset: 0, length: `/mycases@${bot}`.length }],
    });
    expect(mention.message).toMatchObject({ from: { id: sara.id }, text: `@${bot} hello`, entities: [{ type: "mention", offset: 0, length: bot.length + 1 }] });
    expect(reply.message.reply_to_message).toMatchObject({ message_id: sent.body.result.message_id, from: { is_bot: true }, text: "Hi all" });
    // What was said before the bot joined never reached it; the members' private chats are untouched.
    expect(group.transcript().map((m) => m.text)).toContain("before the bot came");
    expect(ali.transcript()).toEqual([]);
  });

  it("the bot's messages land in the group; waitForReplies counts them after the last post", async () => {
    const ali = emu.createUser();
    const group = emu.createGroup({ members: [ali] });
    group.addBot(ali);
    await takeUpdates();
    group.sendCommand(ali, "start");
    const waiting = group.waitForReplies();
    await callApi(emu, "sendMessage", { chat_id: group.id, text: "Please write to me privately" });
    const [reply] = await waiting;
    expect(reply).toMatchObject({ from: "bot", text: "Please write to me privately" });
    expect(group.botMessages()).toHaveLength(1);
  });

  it("a button pressed in a group carries the group message; the answer goes to the member who pressed", async () => {
    const ali = emu.createUser();
    const group = emu.createGroup({ members: [ali] });
    group.addBot(ali);
    const sent = await callApi(emu, "sendMessage", {
      chat_id: group.id,
      text: "An old card",
      reply_markup: { inline_keyboard: [[{ text: "Open", callback_data: "case:open:1" }]] },
    });
    await takeUpdates();
    group.pressButton(ali, "Open");
    group.pressCallback(ali, sent.body.result.message_id, "forged:data");
    const [pressed, forged] = await takeUpdates();
    expect(pressed.callback_query).toMatchObject({ from: { id: ali.id }, data: "case:open:1", message: { chat: { id: group.id, type: "group" } } });
    expect(forged.callback_query.data).toBe("forged:data");
    const answered = await callApi(emu, "answerCallbackQuery", { callback_query_id: forged.callback_query.id, text: "Private chat only" });
    expect(answered.body).toEqual({ ok: true, result: true });
    expect(ali.callbackAnswers()).toMatchObject([{ text: "Private chat only" }]);
  });

  it("leaveChat: the bot leaves, gets its own my_chat_member, and can no longer write there", async () => {
    const ali = emu.createUser();
    const group = emu.createGroup({ members: [ali] });
    group.addBot(ali);
    await takeUpdates();

    const left = await callApi(emu, "leaveChat", { chat_id: group.id });
    expect(left.body).toEqual({ ok: true, result: true });
    expect(group.botStatus).toBe("left");
    await group.waitForBotToLeave();
    const [membership] = await takeUpdates();
    expect(membership.my_chat_member).toMatchObject({
      chat: { id: group.id },
      from: { is_bot: true, id: emu.state.bot.id },
      old_chat_member: { status: "member" },
      new_chat_member: { status: "left" },
    });
    expect(emu.callsOf("leaveChat")).toHaveLength(1);

    const send = await callApi(emu, "sendMessage", { chat_id: group.id, text: "still here?" });
    expect(send.body).toMatchObject({ ok: false, error_code: 403, description: "Forbidden: bot is not a member of the group chat" });
    const again = await callApi(emu, "leaveChat", { chat_id: group.id });
    expect(again.body.error_code).toBe(403);
    // Later posts no longer reach the bot.
    expect(group.sendText(ali, "anyone?")).toBeUndefined();
    expect(await takeUpdates()).toEqual([]);
  });

  it("an inline query typed in a group says so in chat_type and carries no chat", async () => {
    const ali = emu.createUser();
    ali.sendInlineQuery("petition", { chatType: "supergroup" });
    const [update] = await takeUpdates();
    expect(update.inline_query).toMatchObject({ query: "petition", chat_type: "supergroup", from: { id: ali.id } });
    expect(update.inline_query.chat).toBeUndefined();
  });

  it("a group the bot joined before (withBot) gets posts without a my_chat_member update", async () => {
    const ali = emu.createUser();
    const group = emu.createGroup({ members: [ali], withBot: true });
    expect(group.botStatus).toBe("member");
    group.sendText(ali, "hello");
    const updates = await takeUpdates();
    expect(updates).toHaveLength(1);
    expect(updates[0].message).toMatchObject({ text: "hello", chat: { id: group.id } });
  });

  it("leaveChat refuses private chats and unknown chats", async () => {
    const ali = emu.createUser();
    ali.sendText("hi");
    await takeUpdates();
    const privateChat = await callApi(emu, "leaveChat", { chat_id: ali.id });
    expect(privateChat.body).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: chat member status can't be changed in private chats" });
    const unknown = await callApi(emu, "leaveChat", { chat_id: -4_999_999_999 });
    expect(unknown.body).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: chat not found" });
  });

  it("a bot made administrator gets the administrator's rights; in a channel posts come as channel_post from the channel", async () => {
    const owner = emu.createUser();
    const supergroup = emu.createGroup({ type: "supergroup", members: [owner] });
    supergroup.addBot(owner, { asAdministrator: true });
    const [promoted] = await takeUpdates();
    expect(promoted.my_chat_member.new_chat_member).toMatchObject({ status: "administrator", can_manage_chat: true, can_pin_messages: true });

    const channel = emu.createGroup({ type: "channel", title: "News", members: [owner] });
    channel.addBot(owner);
    const updates = await takeUpdates();
    expect(updates).toHaveLength(1); // no service message in channels
    expect(updates[0].my_chat_member.new_chat_member).toMatchObject({ status: "administrator", can_post_messages: true });
    channel.sendText(owner, "/start");
    const [post] = await takeUpdates();
    expect(post.channel_post).toMatchObject({ chat: { id: channel.id, type: "channel", title: "News" }, sender_chat: { id: channel.id }, text: "/start" });
    expect(post.channel_post.from).toBeUndefined();
    const reply = await callApi(emu, "sendMessage", { chat_id: channel.id, text: "Posted" });
    expect(reply.body.result).toMatchObject({ sender_chat: { id: channel.id }, chat: { type: "channel" } });
    expect(reply.body.result.from).toBeUndefined();
  });
});
