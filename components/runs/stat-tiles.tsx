import type { ReactNode } from "react";

export interface StatTile {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: ReactNode;
  readonly title?: string;
  readonly tone?: "good" | "bad" | null;
}

/** A row of headline numbers. */
export function StatTiles({ tiles }: { tiles: readonly StatTile[] }) {
  return (
    <dl className="stat-tiles">
      {tiles.map((t) => (
        <div
          key={t.key}
          className={`card stat-tile${t.tone ? ` stat-tile--${t.tone}` : ""}`}
          title={t.title}
          data-testid={`stat-${t.key}`}
        >
          <dt className="stat-tile__label">{t.label}</dt>
          <dd className="stat-tile__value">{t.value}</dd>
          {t.detail && <dd className="stat-tile__detail">{t.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
