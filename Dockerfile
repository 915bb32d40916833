# syntax=docker/dockerfile:1
# Node 26 is the Active LTS line (since 2026-10-28, end of life 2029-04-30); Node 20 reached its end
# of life on 2026-04-30. Debian 13 (trixie) is Node 26's default base and outlives it. The code also
# runs on Node 20.19+ and 22+ (package.json "engines"); CI on these machines runs Node 20.

# ---- build: compile TypeScript to dist/ (dev dependencies: TypeScript) ----
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The coordinator's desk page (src/desk/web) is bundled by esbuild into dist/desk/ (scripts/buildDesk.ts,
# which takes the page's first words from the locale files).
COPY scripts/buildDesk.ts ./scripts/
COPY locales ./locales
# tsconfig.build.json leaves out local mode, the emulator and the database launcher (src/localMode.ts,
# src/emulator, src/db/server): dist/ holds production code only (tests/unit/deployment.test.ts).
# `npm run build` compiles the server code, then runs `npm run build:desk`.
RUN npm run build

# ---- runtime: production dependencies, compiled code and translations only ----
# No dev tools here: no TypeScript, no tsx, no test runner. The image runs the compiled dist/.
FROM node:26-trixie-slim
# --max-old-space-size: V8 otherwise lets garbage pile up to ~300 MB between full collections under
# load (a heap snapshot at 1,000 people registering: 88 MB live, RSS 390 MB). Capped, RSS stays at
# 213 MB at 1,000 people and 232 MB at 3,000, for ~0.3 ms more CPU an update (README, "Performance").
# A live heap over the cap ends the process (restarted; no update is lost): raise it for a bot that
# remembers more (NODE_OPTIONS in the environment replaces this).
ENV NODE_ENV=production \
    PORT=8080 \
    NODE_OPTIONS=--max-old-space-size=192
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# dist/ includes dist/desk/, the desk's built page that the bot serves at /desk/.
COPY --from=build /app/dist ./dist
COPY locales ./locales
# Files stay owned by root: the bot only reads them.
USER node
EXPOSE 8080
# dist/healthcheck.js exits 0 when the bot answers 200 on http://127.0.0.1:$PORT/healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/healthcheck.js"]
CMD ["node", "dist/main.js"]
