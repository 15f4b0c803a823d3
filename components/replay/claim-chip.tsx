import type { ClaimClass, ClaimRecord } from "@/core/scoring";
import { humanize } from "@/components/ui/format";
import { ReviewableClaims } from "./claim-review";

export const CLAIM_HELP: Record<ClaimClass, string> = {
  grounded: "Grounded: annotated, and the value matches",
  contradicted: "Contradicted: annotated with a different value",
  unseen: "Unseen: the solver never opened a view of this part before claiming it",
  nonexistent: "Nonexistent: the entity or part is not in the scenario",
  unannotated: "Unannotated: cannot be checked (not counted)",
};

/** One attribute claim coloured by its class (grounded, contradicted, unseen, nonexistent, unannotated). */
export function ClaimChip({
  claim,
}: {
  claim: Pick<ClaimRecord, "name" | "value" | "class" | "visual" | "annotated">;
}) {
  const help = `${CLAIM_HELP[claim.class]}${claim.annotated !== undefined ? ` (annotated: ${claim.annotated})` : ""}${claim.visual ? " · visual attribute" : " · non-visual attribute"}`;
  return (
    <span className={`claim claim--${claim.class}`} title={help} data-testid="claim" data-class={claim.class}>
      <span className="claim__key">{humanize(claim.name)}</span>
      <span className="claim__value">{claim.value}</span>
      {claim.class === "contradicted" && claim.annotated !== undefined && (
        <span className="claim__annotated">≠ {claim.annotated}</span>
      )}
      <span className="visually-hidden"> ({claim.class})</span>
    </span>
  );
}

/** A step's claims; inside a replay's <ClaimReviewProvider> each gets reviewer controls. */
export function ClaimList({ claims }: { claims: readonly ClaimRecord[] }) {
  if (claims.length === 0) return <p className="muted claim-none">No attribute claims.</p>;
  return (
    <ReviewableClaims stepIndexes={claims.map((c) => c.stepIndex)} classes={claims.map((c) => c.class)}>
      {claims.map((c, i) => (
        <ClaimChip key={`${c.name}:${c.value}:${i}`} claim={c} />
      ))}
    </ReviewableClaims>
  );
}

const ORDER: readonly ClaimClass[] = ["grounded", "contradicted", "unseen", "nonexistent", "unannotated"];

/** Legend of the claim colours. */
export function ClaimLegend() {
  return (
    <ul className="claim-legend" aria-label="Claim colours">
      {ORDER.map((c) => (
        <li key={c} title={CLAIM_HELP[c]}>
          <span className={`claim-dot claim-dot--${c}`} aria-hidden="true" />
          {humanize(c)}
        </li>
      ))}
    </ul>
  );
}
