// ESLint (flat config). The layer rule: core/ is framework-free — no react, next, prisma, openai, konva,
// zustand, sharp, node I/O frameworks or imports from app/, components/, lib/, cli/.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const FRAMEWORKS = [
  "react",
  "react-dom",
  "next",
  "@prisma/*",
  "prisma",
  "openai",
  "konva",
  "react-konva",
  "zustand",
  "sharp",
  "better-sqlite3",
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-e2e/**",
      "lib/db/generated/**",
      "lib/db/generated-pg/**",
      "data/**",
      "reports/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
        require: "readonly",
        module: "writable",
        Buffer: "readonly",
        URL: "readonly",
        window: "readonly",
        document: "readonly",
        WebAssembly: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: FRAMEWORKS.flatMap((p) => [p, `${p}/*`]),
              message:
                "core/ is framework-free (STYLE.md): no react, next, prisma, openai, konva, zustand or I/O libraries.",
            },
            {
              group: [
                "@/app/*",
                "@/components/*",
                "@/lib/*",
                "@/cli/*",
                "../../app/*",
                "../../lib/*",
                "../../components/*",
                "../../cli/*",
              ],
              message: "core/ may not import from the layers above it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/*", "@/lib/db", "@prisma/*"], message: "components/ never touch the database." },
          ],
        },
      ],
    },
  },
);
