/**
 * API keys (SPEC §9): which environment variables a run started over HTTP may name, and the one
 * redaction every stored error and log line goes through. Pure (the environment is passed in), so the
 * server, the workers and the tests share it.
 */
import { MmcbError } from "@/core/errors";

/**
 * The variables a run started from the browser or the HTTP API (or played by a worker from a stored
 * request) may read its key from: `OPENAI_API_KEY`, any name ending in `_API_KEY`, and the names the
 * server's owner lists in `MMCB_KEY_ENVS` (comma-separated) — never an `MMCB_*` variable (the token,
 * the database URL and mmcb's own settings live there). The CLI's `--api-key-env` is not restricted: the
 * person running it owns that environment.
 */
export function keyEnvAllowed(name: string, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (!/^[A-Z_][A-Z0-9_]{0,63}$/.test(name) || name.startsWith("MMCB_")) return false;
  if (name === "OPENAI_API_KEY" || /^[A-Z0-9_]+_API_KEY$/.test(name)) return true;
  const listed = (env.MMCB_KEY_ENVS ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  return listed.includes(name);
}

/**
 * The sentence for a key variable a request may not use or that holds nothing. It is the same for both,
 * so an answer never tells a caller which variables exist on the server.
 */
export const KEY_ENV_REFUSED =
  "the server has no API key it may use under that name: name OPENAI_API_KEY, a variable ending in _API_KEY, or one listed in the server's MMCB_KEY_ENVS (never an MMCB_* variable), and set it before starting the server";

/**
 * Checks the key variable a run started over HTTP names: allowed and set, or allowed and unset for an
 * endpoint on this machine (which needs no key); anything else is `input:invalid` with
 * {@link KEY_ENV_REFUSED}.
 */
export function checkRequestKeyEnv(
  name: string,
  options: { readonly local: boolean; readonly env?: Readonly<Record<string, string | undefined>> },
): void {
  const env = options.env ?? process.env;
  if (!keyEnvAllowed(name, env)) throw new MmcbError("input:invalid", KEY_ENV_REFUSED);
  if (!env[name] && !options.local) throw new MmcbError("input:invalid", KEY_ENV_REFUSED);
}

const REDACTED = "[redacted]";
/** How a provider shortens a key it echoes: `sk-abcd...WXYZ`, `sk-abcd…WXYZ`, `sk-abcd****WXYZ`. */
const MASK = /\.{2,}|…|\*{2,}/;
/** Runs of characters a key (or a shortened key) is made of. */
const KEYLIKE = /[A-Za-z0-9_\-.*…]{6,}/g;
/** Key forms recognised without knowing the key. */
const KNOWN_FORMS: readonly RegExp[] = [
  // OpenAI (sk-…, sk-proj-…, sk-svcacct-…) and look-alikes, whole or shortened
  /\bsk-[A-Za-z0-9_\-.*…]{3,}/g,
  // Google API keys
  /\bAIza[0-9A-Za-z_-]{20,}/g,
];

/** Whether `token` (one key-like run of text) is the secret, a piece of it, or its prefix…suffix form. */
function fragmentOf(token: string, secret: string): boolean {
  const pieces = token.split(MASK).filter(Boolean);
  if (pieces.some((p) => p.length >= 8 && secret.includes(p))) return true;
  if (pieces.length < 2 || !MASK.test(token)) return false;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  return first.length >= 3 && last.length >= 2 && secret.startsWith(first) && secret.endsWith(last);
}

/**
 * Removes API keys from `text` before it is stored, logged or shown: every occurrence of `secret` (the
 * run's key, when known), any piece of it eight characters or longer and its shortened `prefix…suffix`
 * forms, any `sk-…` / `sk-proj-…` / `AIza…` token, and whatever follows `Bearer`.
 */
export function redactSecret(text: string, secret?: string | null): string {
  let out = text;
  if (secret && secret.length >= 4) {
    out = out.split(secret).join(REDACTED);
    if (secret.length >= 8) {
      out = out.replace(KEYLIKE, (token) => {
        const trimmed = token.replace(/\.+$/, "");
        return fragmentOf(trimmed, secret) ? REDACTED + token.slice(trimmed.length) : token;
      });
    }
  }
  out = out.replace(/\b(Bearer)\s+(?!\[redacted\])[^\s"'<>,;)]+/gi, `$1 ${REDACTED}`);
  for (const form of KNOWN_FORMS)
    out = out.replace(form, (token) => {
      const trimmed = token.replace(/\.+$/, "");
      return REDACTED + token.slice(trimmed.length);
    });
  return out;
}
