"use client";
/** The annotator's name and token from localStorage, re-rendering on change (this tab or another). */
import { useSyncExternalStore } from "react";
import { getIdentity, subscribeIdentity, type Identity } from "@/lib/client/identity";

const SERVER: Identity = { name: null, token: null };
let cached: Identity = SERVER;

function snapshot(): Identity {
  const next = getIdentity();
  if (next.name !== cached.name || next.token !== cached.token) cached = next;
  return cached;
}

export function useIdentity(): Identity {
  return useSyncExternalStore(subscribeIdentity, snapshot, () => SERVER);
}
