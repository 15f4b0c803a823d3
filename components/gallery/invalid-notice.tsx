import { plural } from "@/components/ui/format";

/** Tells the user that broken scenarios were skipped, with every problem, one per line. */
export function InvalidNotice({ skipped, issues }: { skipped: number; issues: readonly string[] }) {
  if (issues.length === 0) return null;
  const summary =
    skipped > 0
      ? `${plural(skipped, "invalid scenario")} skipped`
      : `${plural(issues.length, "problem")} in the scenario folder`;
  return (
    // a short list is shown open; a long one stays folded so it does not push the gallery away
    <details className="notice notice--warn" data-testid="invalid-notice" open={issues.length <= 6}>
      <summary>
        <strong>{summary}</strong> — fix them and reload, or run <code>mmcb scenarios validate</code>.
      </summary>
      <ul className="notice__issues">
        {issues.map((line, i) => (
          <li key={i}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
