import Link from "next/link";
import { plural, shortHash } from "@/components/ui/format";

export interface GroupOption {
  readonly hash: string;
  readonly href: string;
  readonly runs: number;
  readonly selected: boolean;
}

/** The comparable configurations as links; the selected one is marked current. */
export function GroupPicker({ groups }: { groups: readonly GroupOption[] }) {
  return (
    <nav className="group-picker" aria-label="Configurations" data-testid="group-picker">
      <span className="muted">Configuration:</span>
      {groups.map((g) => (
        <Link
          key={g.hash}
          href={g.href}
          className={`button button--small${g.selected ? " button--primary" : ""}`}
          aria-current={g.selected ? "true" : undefined}
          title={`Comparable hash ${g.hash}`}
        >
          <code>{shortHash(g.hash)}</code>&nbsp;· {plural(g.runs, "run")}
        </Link>
      ))}
    </nav>
  );
}
