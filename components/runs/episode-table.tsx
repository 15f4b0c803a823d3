import Link from "next/link";
import type { Relation } from "@/core/scoring";
import { TierBadge } from "@/components/ui/tier-badge";
import type { DistractorTier } from "@/core/scenario";
import { formatPercent, humanize } from "@/components/ui/format";

export interface EpisodeRow {
  readonly id: string;
  readonly href: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly tier: DistractorTier;
  readonly seed: number;
  readonly status: string;
  readonly endReason: string | null;
  readonly error: string | null;
  readonly goldCorrect: boolean | null;
  readonly relation: Relation | null;
  readonly turns: number | null;
  readonly hallucinated: number | null;
  readonly hallucinationRate: number | null;
}

/** A run's episodes; each row opens its replay. */
export function EpisodeTable({ rows }: { rows: readonly EpisodeRow[] }) {
  if (rows.length === 0) return <p className="muted table-empty">No episode has started yet.</p>;
  return (
    <table className="data-table" data-testid="episode-table">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col">Tier</th>
          <th scope="col" className="num">
            Seed
          </th>
          <th scope="col">End</th>
          <th scope="col" className="center">
            Gold
          </th>
          <th scope="col">Relation</th>
          <th scope="col" className="num">
            Turns
          </th>
          <th scope="col" className="num" title="Hallucinated claims (rate over annotated claims)">
            Hallucinated
          </th>
          <th scope="col">
            <span className="visually-hidden">Replay</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="episode-row" data-episode-id={r.id} data-gold={String(r.goldCorrect)}>
            <td>
              <Link href={r.href} className="run-link">
                {r.scenarioTitle}
              </Link>
              <span className="cell-sub">{r.scenarioId}</span>
            </td>
            <td>
              <TierBadge tier={r.tier} />
            </td>
            <td className="num">{r.seed}</td>
            <td>
              {r.endReason ? (
                <span className={`end end--${r.endReason}`} title={r.error ?? undefined}>
                  {r.endReason}
                </span>
              ) : (
                <span className="muted">{r.status}</span>
              )}
            </td>
            <td className="center">
              {r.goldCorrect === null ? (
                <span className="muted">—</span>
              ) : r.goldCorrect ? (
                <span className="verdict verdict--yes" role="img" aria-label="gold correct">
                  ✓
                </span>
              ) : (
                <span className="verdict verdict--no" role="img" aria-label="not gold">
                  ✗
                </span>
              )}
            </td>
            <td>
              {r.relation ? <span className={`relation relation--${r.relation}`}>{humanize(r.relation)}</span> : "—"}
            </td>
            <td className="num">{r.turns ?? "—"}</td>
            <td className="num">
              {r.hallucinated === null ? (
                "—"
              ) : (
                <>
                  <span className={r.hallucinated > 0 ? "bad strong" : undefined}>{r.hallucinated}</span>
                  <span className="cell-sub">{formatPercent(r.hallucinationRate, 0)}</span>
                </>
              )}
            </td>
            <td className="right">
              <Link href={r.href} className="button button--small" data-testid="episode-replay-link">
                Replay
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
