import Link from "next/link";
import { plural, shortHash } from "@/components/ui/format";

export interface GroupOption {
  readonly hash: string;
  readonly href: string;
  readonly runs: number;
  readonly selected: boolean;
  /** The group with the most runs, which the others are described against. */
  readonly main: boolean;
  /** What differs from the main group, in words (empty for the main group). */
  readonly description: string;
  /** `bundled · 62 · 3fa9c1`, when known. */
  readonly benchmarkSet: string | null;
}

/** The comparable configurations as links, each saying in words what differs from the main one. */
export function GroupPicker({ groups }: { groups: readonly GroupOption[] }) {
  return (
    <nav className="group-picker" aria-label="Configurations" data-testid="group-picker">
      <span className="muted">Configuration:</span>
      {groups.map((g) => (
        <Link
          key={g.hash}
          href={g.href}
          className={`button button--small group-picker__option${g.selected ? " button--primary" : ""}`}
          aria-current={g.selected ? "true" : undefined}
          title={`Comparable hash ${g.hash}`}
          data-testid="group-option"
          data-main={g.main ? "true" : undefined}
        >
          <span className="group-picker__label" data-testid="group-description">
            {g.main ? `main${g.benchmarkSet ? ` · ${g.benchmarkSet}` : ""}` : g.description}
          </span>
          <span className="group-picker__meta">
            <code>{shortHash(g.hash)}</code>&nbsp;· {plural(g.runs, "run")}
          </span>
        </Link>
      ))}
    </nav>
  );
}
