/** The run configuration as stored (it names the key's environment variable, never the key). */
export function ConfigDetails({ config }: { config: unknown }) {
  return (
    <details className="card config-details" data-testid="run-config">
      <summary>
        <span className="card-title">Run configuration</span>
        <span className="muted">the full JSON that is hashed; two runs compare only when all but the model match</span>
      </summary>
      <pre className="json-block">{JSON.stringify(config, null, 2)}</pre>
    </details>
  );
}
