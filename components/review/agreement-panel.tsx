import type { AgreementView } from "@/lib/review/types";

const fmt = (v: number | null) => (v === null ? "—" : v.toFixed(2));

/** Landis & Koch's words for a kappa/alpha value, as a rough guide. */
function strength(v: number | null): string {
  if (v === null) return "not defined yet";
  if (v < 0) return "worse than chance";
  if (v < 0.2) return "slight";
  if (v < 0.4) return "fair";
  if (v < 0.6) return "moderate";
  if (v < 0.8) return "substantial";
  return "almost perfect";
}

/** Reviewer agreement on pairwise verdicts: Krippendorff's alpha over all, Cohen's kappa per two reviewers. */
export function AgreementPanel({ agreement: a }: { agreement: AgreementView }) {
  return (
    <section className="card agreement" aria-labelledby="agreement-title" data-testid="agreement">
      <h2 className="card-title" id="agreement-title">
        Reviewer agreement
      </h2>
      <p className="muted agreement__lede">
        Over pairs judged by two or more reviewers, on four labels (first better, second better, tie, both bad; sides
        lined up whichever way round each reviewer saw them). {a.verdicts} verdict{a.verdicts === 1 ? "" : "s"} from{" "}
        {a.raters} reviewer{a.raters === 1 ? "" : "s"}; {a.sharedPairs} shared pair{a.sharedPairs === 1 ? "" : "s"}.
      </p>
      <dl className="mini-stats">
        <div
          className="mini-stats__item"
          title="Krippendorff's alpha, nominal, any number of reviewers, missing verdicts allowed"
        >
          <dt>Krippendorff&apos;s α</dt>
          <dd data-testid="agreement-alpha">{fmt(a.alpha)}</dd>
        </div>
        <div className="mini-stats__item">
          <dt>Reading</dt>
          <dd>{strength(a.alpha)}</dd>
        </div>
        <div className="mini-stats__item">
          <dt>Shared pairs</dt>
          <dd data-testid="agreement-shared">{a.sharedPairs}</dd>
        </div>
        <div className="mini-stats__item">
          <dt>Reviewers</dt>
          <dd>{a.raters}</dd>
        </div>
      </dl>
      {a.sharedPairs > 0 && a.sharedPairs < 10 && (
        <p className="muted agreement__lede" role="note">
          With fewer than 10 shared pairs these figures are too noisy to read much into.
        </p>
      )}
      {a.kappas.length > 0 ? (
        <table className="data-table data-table--compact agreement__table">
          <caption className="visually-hidden">Cohen&apos;s kappa for each two reviewers</caption>
          <thead>
            <tr>
              <th scope="col">Reviewers</th>
              <th scope="col">Shared pairs</th>
              <th scope="col">Agreed</th>
              <th scope="col">Cohen&apos;s κ</th>
            </tr>
          </thead>
          <tbody>
            {a.kappas.map((k) => (
              <tr key={`${k.raterA}\u0000${k.raterB}`} data-testid="agreement-kappa">
                <td>
                  {k.raterA} · {k.raterB}
                </td>
                <td>{k.n}</td>
                <td>{k.observed === null ? "—" : `${Math.round(k.observed * 100)}%`}</td>
                <td title={strength(k.kappa)}>{fmt(k.kappa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No pair has been judged by two reviewers yet.</p>
      )}
    </section>
  );
}
