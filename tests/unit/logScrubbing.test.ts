import { describe, expect, it } from "vitest";
import { scrubError, scrubErrorText } from "../../src/logger.js";

describe("error texts are scrubbed before they reach the logs", () => {
  it("a duplicate key error loses its key, a cast error its quoted value, any long number (an id) its digits", () => {
    expect(scrubErrorText("E11000 duplicate key error collection: app.users index: _id_ dup key: { _id: 6180339887 }")).toBe(
      "E11000 duplicate key error collection: app.users index: _id_ dup key: { [redacted] }",
    );
    expect(scrubErrorText('Cast to Number failed for value "Reza Karimi" (type string) at path "userId"')).toBe(
      'Cast to Number failed for value "[redacted]" (type string) at path "[redacted]"',
    );
    expect(scrubErrorText("chat 123456789 and group -1002000000001 failed")).toBe("chat [number] and group [number] failed");
    // What helps debugging stays: method names, status codes, short numbers such as line numbers.
    expect(scrubErrorText("Call to 'sendMessage' failed! (403: Forbidden: bot was blocked by the user) at x.ts:12:5")).toBe(
      "Call to 'sendMessage' failed! (403: Forbidden: bot was blocked by the user) at x.ts:12:5",
    );
  });

  it("an Error keeps its name, message and stack, scrubbed; extra fields such as a request payload are dropped", () => {
    const error = Object.assign(new Error('failed for "Zahra" 998877665'), { payload: { chat_id: 998877665, text: "Zahra" } });
    const scrubbed = scrubError(error) as Record<string, unknown>;
    expect(scrubbed.name).toBe("Error");
    expect(scrubbed.message).toBe('failed for "[redacted]" [number]');
    expect(JSON.stringify(scrubbed)).not.toMatch(/Zahra|998877665/);
    expect(scrubError("plain 998877665")).toBe("plain [number]");
  });
});
