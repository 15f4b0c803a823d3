"use client";
/** The header's "who am I": the annotator's name, click to change it (or the token). */
import { useEffect, useRef, useState } from "react";
import { IdentityForm } from "./identity-form";
import { useIdentity } from "./use-identity";

export function IdentityBadge() {
  const identity = useIdentity();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="identity-badge"
        onClick={() => setOpen(true)}
        title="Annotator name stored with your work"
        data-testid="identity-badge"
      >
        {identity.name ? identity.name : "Sign in"}
      </button>
      <dialog ref={dialog} className="identity-dialog" onClose={() => setOpen(false)}>
        {open ? <IdentityForm onDone={() => setOpen(false)} /> : null}
      </dialog>
    </>
  );
}
