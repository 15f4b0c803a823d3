"use client";
/** Asks for the annotator's name (and the server token, when one is required); remembered in this browser. */
import { useEffect, useId, useState, type FormEvent } from "react";
import { fetchTokenRequired, setAnnotatorName, setToken } from "@/lib/client/identity";
import { useIdentity } from "./use-identity";

export function useTokenRequired(): boolean {
  const [required, setRequired] = useState(false);
  useEffect(() => {
    let live = true;
    void fetchTokenRequired().then((value) => live && setRequired(value));
    return () => {
      live = false;
    };
  }, []);
  return required;
}

export function IdentityForm({ onDone, purpose }: { onDone?: () => void; purpose?: string }) {
  const identity = useIdentity();
  const tokenRequired = useTokenRequired();
  const [name, setName] = useState(identity.name ?? "");
  const [token, setTokenValue] = useState(identity.token ?? "");
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const tokenId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 60) {
      setError("A name has 1 to 60 characters.");
      return;
    }
    setAnnotatorName(trimmed);
    if (tokenRequired || token) setToken(token || null);
    setError(null);
    onDone?.();
  }

  return (
    <form className="identity-form" onSubmit={submit} aria-label="Annotator identity">
      <p className="identity-form__lead">
        {purpose ?? "Choose the name stored with what you do here. It is remembered in this browser."}
      </p>
      <label htmlFor={nameId}>Your name</label>
      <input
        id={nameId}
        name="annotator"
        autoFocus
        autoComplete="nickname"
        maxLength={60}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {tokenRequired ? (
        <>
          <label htmlFor={tokenId}>Server token</label>
          <input
            id={tokenId}
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setTokenValue(e.target.value)}
          />
        </>
      ) : null}
      {error ? (
        <p role="alert" className="identity-form__error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary">
        Continue
      </button>
    </form>
  );
}

/** Renders `children` once the annotator has a name; asks for one first. */
export function IdentityGate({ children, purpose }: { children: React.ReactNode; purpose?: string }) {
  const identity = useIdentity();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!mounted) return null;
  if (!identity.name) return <IdentityForm {...(purpose ? { purpose } : {})} />;
  return <>{children}</>;
}
