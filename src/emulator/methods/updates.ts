// getUpdates and the webhook methods.
import { z } from "zod";
import { badRequest, BotApiError } from "../botApiError.js";
import { boolParam, intParam, parseParams } from "../validation.js";
import { immediate, type MethodSpec } from "./methodTypes.js";

const getUpdatesSchema = z.looseObject({
  offset: intParam.optional(),
  limit: intParam.optional(),
  timeout: intParam.optional(),
  allowed_updates: z.array(z.string()).optional(),
});

const getUpdates: MethodSpec = {
  name: "getUpdates",
  prepare(params, { state, abort }) {
    const p = parseParams(getUpdatesSchema, params);
    if (state.webhook.active) {
      throw new BotApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const limit = Math.min(100, Math.max(1, p.limit ?? 100));
    const timeoutSeconds = Math.min(state.longPollMaxSeconds, Math.max(0, p.timeout ?? 0));
    return immediate(() =>
      state.queue.poll(
        { ...(p.offset !== undefined ? { offset: p.offset } : {}), limit, timeoutSeconds, ...(p.allowed_updates ? { allowedUpdates: p.allowed_updates } : {}) },
        abort,
      ),
    );
  },
};

const setWebhookSchema = z.looseObject({
  url: z.string({ error: "parameter \"url\" is required" }),
  secret_token: z.string().optional(),
  max_connections: intParam.optional(),
  allowed_updates: z.array(z.string()).optional(),
  drop_pending_updates: boolParam.optional(),
});

const setWebhook: MethodSpec = {
  name: "setWebhook",
  prepare(params, { state }) {
    const p = parseParams(setWebhookSchema, params);
    if (p.url !== "" && !/^https?:\/\/[^\s/]+/i.test(p.url)) throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(p.secret_token)) {
      throw badRequest("secret token contains unallowed characters");
    }
    const maxConnections = p.max_connections ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest("bad webhook: max_connections must be between 1 and 100");
    return immediate(() => {
      if (p.drop_pending_updates) state.queue.dropAll();
      if (p.allowed_updates !== undefined) state.queue.setAllowed(p.allowed_updates);
      if (p.url === "") {
        state.webhook.remove();
        return true;
      }
      state.queue.endLongPoll();
      state.webhook.set({
        url: p.url,
        maxConnections,
        ...(p.secret_token ? { secretToken: p.secret_token } : {}),
        ...(p.allowed_updates ? { allowedUpdates: p.allowed_updates } : {}),
      });
      return true;
    });
  },
};

const deleteWebhookSchema = z.looseObject({ drop_pending_updates: boolParam.optional() });

const deleteWebhook: MethodSpec = {
  name: "deleteWebhook",
  prepare(params, { state }) {
    const p = parseParams(deleteWebhookSchema, params);
    return immediate(() => {
      state.webhook.remove();
      if (p.drop_pending_updates) state.queue.dropAll();
      return true;
    });
  },
};

const getWebhookInfo: MethodSpec = {
  name: "getWebhookInfo",
  prepare(_params, { state }) {
    return immediate(() => state.webhook.info());
  },
};

export const updateMethods: MethodSpec[] = [getUpdates, setWebhook, deleteWebhook, getWebhookInfo];
