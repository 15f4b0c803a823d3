import Link from "next/link";
import type { ReactNode } from "react";
import { formatTimestamp, shortHash } from "@/components/ui/format";

export interface RunHeaderProps {
  readonly id: string;
  readonly name: string;
  readonly solverKind: string;
  readonly solverName: string;
  readonly model: string | null;
  readonly endpointHost: string | null;
  readonly configHash: string;
  readonly comparableHash: string;
  readonly createdAt: string;
  readonly scenarioCount: number;
  readonly seeds: readonly number[];
  readonly runsHref: string;
  readonly actions?: ReactNode;
  readonly benchmarkSet?: ReactNode;
}

/** Breadcrumb, title and the facts that identify a run. */
export function RunHeader(props: RunHeaderProps) {
  const facts: { label: string; value: ReactNode; title?: string; testId?: string }[] = [
    {
      label: "Solver",
      value: `${props.solverName}${props.solverKind ? ` (${props.solverKind})` : ""}`,
      testId: "run-solver",
    },
    { label: "Model", value: props.model ?? "—" },
    { label: "Endpoint", value: props.endpointHost ?? "—" },
    {
      label: "Config",
      value: <code>{props.configHash ? shortHash(props.configHash) : "—"}</code>,
      title: props.configHash
        ? `Configuration hash ${props.configHash}\nComparable hash (all but the model) ${props.comparableHash}`
        : undefined,
      testId: "run-config-hash",
    },
    {
      label: "Comparable",
      value: <code>{props.comparableHash ? shortHash(props.comparableHash) : "—"}</code>,
      title: "Runs with the same comparable hash differ only in the model",
    },
    {
      label: "Scope",
      // human play collects episodes as people play: its configuration names no scenarios or seeds
      value:
        props.solverKind === "human" && props.scenarioCount === 0
          ? "open: episodes are added as people play"
          : `${props.scenarioCount} scenario${props.scenarioCount === 1 ? "" : "s"} × ${props.seeds.length} seed${props.seeds.length === 1 ? "" : "s"}`,
    },
    { label: "Benchmark set", value: props.benchmarkSet ?? "—", testId: "run-benchmark-set" },
    { label: "Created", value: formatTimestamp(props.createdAt) },
  ];
  return (
    <header className="run-head">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={props.runsHref}>Runs</Link>
        <span aria-hidden="true">/</span>
        <span>{props.id}</span>
      </nav>
      <div className="run-head__title-row">
        <h1 className="page-title" data-testid="run-title">
          {props.name}
        </h1>
        {props.actions && <div className="run-head__actions">{props.actions}</div>}
      </div>
      <dl className="facts">
        {facts.map((f) => (
          <div key={f.label} className="facts__item" title={f.title} data-testid={f.testId}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
