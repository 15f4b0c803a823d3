/**
 * The browser side of annotator identity and the server token: both live in localStorage (remembered per
 * browser), and `apiSend` / `apiGet` attach them to every request. Components never build these headers.
 */
const NAME_KEY = "mmcb.annotator";
const TOKEN_KEY = "mmcb.token";
const EVENT = "mmcb:identity";

export interface Identity {
  readonly name: string | null;
  readonly token: string | null;
}

function read(key: string): string | null {
  if (typeof window === "undefined") return null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // storage disabled: the value lasts for this page only
  }
  window.dispatchEvent(new Event(EVENT));
}

export function getIdentity(): Identity {
  return { name: read(NAME_KEY), token: read(TOKEN_KEY) };
}

export function setAnnotatorName(name: string | null): void {
  write(NAME_KEY, name?.trim().replace(/\s+/g, " ") || null);
}

export function setToken(token: string | null): void {
  write(TOKEN_KEY, token?.trim() || null);
}

/** Calls `listener` whenever the identity changes (in this tab or another); returns the unsubscribe. */
export function subscribeIdentity(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === NAME_KEY || event.key === TOKEN_KEY) listener();
  };
  window.addEventListener(EVENT, listener);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(EVENT, listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The headers that carry the identity: the annotator's name (URI-encoded) and the token, when set. */
export function identityHeaders(): Record<string, string> {
  const { name, token } = getIdentity();
  const headers: Record<string, string> = {};
  if (name) headers["X-Mmcb-Annotator"] = encodeURIComponent(name);
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** An API failure: the server's code and sentence, plus its per-field messages when it sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, "network", "The server could not be reached.");
  }
  const body = (await response.json().catch(() => null)) as (ErrorBody & T) | null;
  if (!response.ok) {
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http",
      error?.message ?? `The server answered ${response.status}.`,
      error?.fields ?? {},
      body,
    );
  }
  return body as T;
}

/** A GET with the identity headers; throws ApiError with the server's sentence. */
export function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  return call<T>(url, { cache: "no-store", headers: identityHeaders(), ...(signal ? { signal } : {}) });
}

/** A JSON POST/PUT/PATCH/DELETE with the identity headers; throws ApiError with the server's sentence. */
export function apiSend<T>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<T> {
  return call<T>(url, {
    method,
    headers: { ...identityHeaders(), ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A multipart upload (FormData) with the identity headers. */
export function apiUpload<T>(url: string, form: FormData, method: "POST" | "PUT" = "POST"): Promise<T> {
  return call<T>(url, { method, headers: identityHeaders(), body: form });
}

/** Whether this server requires a token for changes (GET /api/session); false when it cannot be asked. */
export async function fetchTokenRequired(): Promise<boolean> {
  try {
    return Boolean((await apiGet<{ tokenRequired?: boolean }>("/api/session")).tokenRequired);
  } catch {
    return false;
  }
}
