import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", ".cache/", ".local/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    files: ["src/emulator/web/**/*.js"],
    languageOptions: { globals: { window: "readonly", document: "readonly", fetch: "readonly", setTimeout: "readonly", console: "readonly", EventSource: "readonly", URLSearchParams: "readonly", localStorage: "readonly" } },
  },
);
