import { CLAIM_CLASSES, type ClaimCounts } from "@/core/scoring";
import { humanize } from "@/components/ui/format";

const HELP: Record<(typeof CLAIM_CLASSES)[number], string> = {
  grounded: "Annotated, and the claimed value matches",
  contradicted: "Annotated with a different value",
  unseen: "About a part whose view the solver never opened",
  nonexistent: "About an entity or part that is not in the scenario",
  unannotated: "Attribute not annotated for that part (reported, not counted)",
};

/** Claim totals by class, split into visual and non-visual attributes. */
export function ClaimsTable(props: { total: ClaimCounts; visual: ClaimCounts; nonVisual: ClaimCounts }) {
  const sum = (c: ClaimCounts) => CLAIM_CLASSES.reduce((n, k) => n + c[k], 0);
  const rows = [
    { label: "Visual", counts: props.visual },
    { label: "Non-visual", counts: props.nonVisual },
    { label: "All claims", counts: props.total },
  ];
  return (
    <table className="data-table data-table--compact claims-table" data-testid="claims-table">
      <thead>
        <tr>
          <th scope="col" />
          {CLAIM_CLASSES.map((c) => (
            <th key={c} scope="col" className="num" title={HELP[c]}>
              <span className={`claim-dot claim-dot--${c}`} aria-hidden="true" />
              {humanize(c)}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className={r.label === "All claims" ? "row-total" : undefined}>
            <th scope="row">{r.label}</th>
            {CLAIM_CLASSES.map((c) => (
              <td key={c} className="num" data-testid={r.label === "All claims" ? `claims-${c}` : undefined}>
                {r.counts[c]}
              </td>
            ))}
            <td className="num strong">{sum(r.counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
