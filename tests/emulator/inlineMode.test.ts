// Inline mode (a user types "@bot …" in any chat) and the bytes of files the bot uploads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../../src/emulator/index.js";
import { callApi, driver, fakeClock } from "./emulatorTestKit.js";

const clock = fakeClock();
let emu: TelegramEmulator;

beforeAll(async () => {
  emu = await TelegramEmulator.start({ now: clock.now, limits: { perChatBurst: 100, globalPerSecond: 1000 } });
});
afterAll(async () => {
  await emu.stop();
});

async function nextInlineQuery(): Promise<{ id: string; query: string; from: { id: number }; offset: string; chat_type: string }> {
  const updates = (await callApi(emu, "getUpdates")).body.result as { update_id: number; inline_query?: never }[];
  const last = updates.at(-1)!;
  await callApi(emu, "getUpdates", { offset: last.update_id + 1 });
  return last.inline_query!;
}

const article = (id: string) => ({ type: "article", id, title: `Card ${id}`, input_message_content: { message_text: `Card ${id}` } });

describe("inline mode", () => {
  it("a user's inline query reaches the bot, and its answer is kept for the user", async () => {
    const user = emu.createUser({ firstName: "Sara", languageCode: "en" });
    user.sendInlineQuery("petition");
    const query = await nextInlineQuery();
    expect(query).toMatchObject({ query: "petition", from: { id: user.id }, offset: "", chat_type: "sender" });

    const answered = await callApi(emu, "answerInlineQuery", { inline_query_id: query.id, results: [article("a1"), article("a2")], cache_time: 5, is_personal: true });
    expect(answered.body).toEqual({ ok: true, result: true });
    const answer = await user.waitForInlineAnswer();
    expect(answer).toMatchObject({ queryId: query.id, query: "petition", cacheTime: 5, isPersonal: true });
    expect(answer.results.map((r) => r.id)).toEqual(["a1", "a2"]);
    expect(user.inlineAnswers()).toHaveLength(1);
  });

  it("refuses a second answer, a late answer and duplicate result ids as Telegram does", async () => {
    const user = emu.createUser();
    user.sendInlineQuery("x");
    const query = await nextInlineQuery();
    const duplicate = await callApi(emu, "answerInlineQuery", { inline_query_id: query.id, results: [article("same"), article("same")] });
    expect(duplicate.body).toMatchObject({ ok: false, error_code: 400, description: "Bad Request: RESULT_ID_DUPLICATE" });
    expect((await callApi(emu, "answerInlineQuery", { inline_query_id: query.id, results: [] })).body.ok).toBe(true);
    const again = await callApi(emu, "answerInlineQuery", { inline_query_id: query.id, results: [] });
    expect(again.body.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");

    user.sendInlineQuery("late");
    const late = await nextInlineQuery();
    clock.advance(11_000);
    const tooLate = await callApi(emu, "answerInlineQuery", { inline_query_id: late.id, results: [] });
    expect(tooLate.body.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });

  it("the driver API sends inline queries and reads the answers", async () => {
    const created = await driver(emu, "/users", { firstName: "Driver" });
    const id = created.body.id as number;
    expect((await driver(emu, `/users/${id}/inline`, { query: "hello" })).body.updateId).toEqual(expect.any(Number));
    const query = await nextInlineQuery();
    await callApi(emu, "answerInlineQuery", { inline_query_id: query.id, results: [article("d1")] });
    const answers = (await driver(emu, `/users/${id}/inline`)).body as { query: string; results: { id: string }[] }[];
    expect(answers).toEqual([expect.objectContaining({ query: "hello", results: [expect.objectContaining({ id: "d1" })] })]);
    expect((await driver(emu, `/users/${id}/inline`, { query: 5 })).status).toBe(400);
  });
});

describe("uploaded files", () => {
  it("keep their bytes, so a test can read what the bot generated", async () => {
    const user = emu.createUser();
    user.sendText("hi");
    await confirmPendingUpdates();
    const form = new FormData();
    form.set("chat_id", String(user.id));
    form.set("document", new Blob(["\ufeffnumber,name\r\n1,زهرا\r\n"], { type: "text/csv" }), "signatures.csv");
    const response = await fetch(`${emu.apiRoot}/bot${emu.token}/sendDocument`, { method: "POST", body: form });
    const sent = (await response.json()) as { ok: boolean; result: { document: { file_id: string; file_name: string; mime_type: string } } };
    expect(sent.result.document).toMatchObject({ file_name: "signatures.csv", mime_type: "text/csv" });
    expect(emu.fileContent(sent.result.document.file_id)?.toString("utf8")).toBe("\ufeffnumber,name\r\n1,زهرا\r\n");
  });
});

async function confirmPendingUpdates(): Promise<void> {
  const updates = (await callApi(emu, "getUpdates")).body.result as { update_id: number }[];
  await callApi(emu, "getUpdates", { offset: updates.at(-1)!.update_id + 1 });
}
