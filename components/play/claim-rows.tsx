"use client";
/**
 * Attribute claims `{name, value}` picked from the vocabulary (core/scenario/vocabulary): a name picker,
 * then that attribute's canonical values (free text for `local_features`).
 */
import { useId } from "react";
import { ATTRIBUTES, attributeDefinition } from "@/core/scenario/vocabulary";

export interface ClaimDraft {
  readonly name: string;
  readonly value: string;
}

const PHYSICAL = ATTRIBUTES.filter((a) => a.kind === "physical");
const STATE = ATTRIBUTES.filter((a) => a.kind === "state");

export function ClaimRows({
  claims,
  onChange,
  label,
  testId,
}: {
  claims: readonly ClaimDraft[];
  onChange: (claims: ClaimDraft[]) => void;
  label: string;
  testId: string;
}) {
  const id = useId();
  const update = (i: number, next: ClaimDraft) => onChange(claims.map((c, k) => (k === i ? next : c)));
  return (
    <fieldset className="play-claims" data-testid={testId}>
      <legend className="play-form__label">{label}</legend>
      {claims.length === 0 && <p className="muted play-claims__none">None yet.</p>}
      {claims.map((claim, i) => {
        const def = attributeDefinition(claim.name);
        return (
          <div className="play-claim" key={i} data-testid="claim-row">
            <label className="visually-hidden" htmlFor={`${id}-n${i}`}>
              Attribute {i + 1}
            </label>
            <select
              id={`${id}-n${i}`}
              value={claim.name}
              data-testid="claim-name"
              onChange={(e) => {
                const nextDef = attributeDefinition(e.target.value);
                update(i, { name: e.target.value, value: nextDef?.values?.[0] ?? "" });
              }}
            >
              <optgroup label="Physical">
                {PHYSICAL.map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label="State">
                {STATE.map((a) => (
                  <option key={a.name} value={a.name}>
                    {a.label}
                  </option>
                ))}
              </optgroup>
            </select>
            <label className="visually-hidden" htmlFor={`${id}-v${i}`}>
              Value of attribute {i + 1}
            </label>
            {def?.values ? (
              <select
                id={`${id}-v${i}`}
                value={claim.value}
                data-testid="claim-value"
                onChange={(e) => update(i, { ...claim, value: e.target.value })}
              >
                {def.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}-v${i}`}
                value={claim.value}
                maxLength={120}
                placeholder="describe it"
                data-testid="claim-value"
                onChange={(e) => update(i, { ...claim, value: e.target.value })}
              />
            )}
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={`Remove attribute ${i + 1}`}
              onClick={() => onChange(claims.filter((_, k) => k !== i))}
            >
              ✕
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--small play-claims__add"
        data-testid="claim-add"
        onClick={() => {
          const used = new Set(claims.map((c) => c.name));
          const next = ATTRIBUTES.find((a) => !used.has(a.name)) ?? ATTRIBUTES[0]!;
          onChange([...claims, { name: next.name, value: next.values?.[0] ?? "" }]);
        }}
      >
        + Add attribute
      </button>
    </fieldset>
  );
}

/** The claims ready to send: trimmed, empty values dropped. */
export function cleanClaims(claims: readonly ClaimDraft[]): { name: string; value: string }[] {
  return claims.map((c) => ({ name: c.name, value: c.value.trim() })).filter((c) => c.value.length > 0);
}
