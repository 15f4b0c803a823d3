export interface CompareRunOption {
  readonly id: string;
  readonly label: string;
}

/** Two run selects submitted as `?a=…&b=…` (a plain GET form: works without JavaScript). */
export function CompareForm({
  action,
  runs,
  a,
  b,
}: {
  action: string;
  runs: readonly CompareRunOption[];
  a?: string;
  b?: string;
}) {
  return (
    <form action={action} method="get" className="card compare-form" data-testid="compare-form">
      <label className="field">
        <span className="field__label">Run A (baseline)</span>
        <select name="a" defaultValue={a ?? ""} className="input" data-testid="compare-a">
          <option value="">Choose a run…</option>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Run B (compared against A)</span>
        <select name="b" defaultValue={b ?? ""} className="input" data-testid="compare-b">
          <option value="">Choose a run…</option>
          {runs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button--primary" data-testid="compare-submit">
        Compare
      </button>
    </form>
  );
}
