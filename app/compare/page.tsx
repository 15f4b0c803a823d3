import type { Metadata } from "next";
import Link from "next/link";
import { MEAN_METRICS } from "@/core/scoring";
import { loadComparePage } from "@/lib/leaderboard/compare";
import { ComparabilityBanner } from "@/components/compare/comparability-banner";
import { CompareForm } from "@/components/compare/compare-form";
import { DifferenceTable, type DifferenceRow } from "@/components/compare/difference-table";
import { ScenarioTable } from "@/components/compare/scenario-table";
import { BenchmarkSetLabel } from "@/components/runs/benchmark-set";
import { StatTiles, type StatTile } from "@/components/runs/stat-tiles";
import { plural } from "@/components/ui/format";
import { COMPARE_URL, runUrl } from "@/app/_lib/urls";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare runs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

/** `p = 0.0003`, or `p < 0.0001` below what four decimals show. */
const formatP = (p: number) => (p < 0.0001 ? "p < 0.0001" : `p = ${p.toFixed(4)}`);

export default async function ComparePage({ searchParams }: Props) {
  const params = await searchParams;
  const a = one(params.a);
  const b = one(params.b);
  const { runs, result } = await loadComparePage(a, b);
  const options = runs.map((r) => ({ id: r.id, label: `${r.id} — ${r.solver}` }));
  const unknown = [a, b].filter((id): id is string => id !== undefined && !runs.some((r) => r.id === id));

  return (
    <div className="page" data-testid="compare-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">Compare runs</h1>
          <p className="page-lede">
            Run B against run A on the episodes both played, paired by scenario and seed: McNemar&apos;s exact test on
            gold_correct and paired-bootstrap intervals for the difference of every metric.
          </p>
        </div>
      </div>

      <CompareForm action={COMPARE_URL} runs={options} a={a} b={b} />

      {unknown.length > 0 && (
        <p className="notice notice--warn" data-testid="compare-unknown">
          Unknown run {unknown.map((id) => `“${id}”`).join(" and ")}.
        </p>
      )}

      {result &&
        (() => {
          const { comparison: c } = result;
          const tiles: StatTile[] = [
            { key: "pairs", label: "Paired episodes", value: String(c.pairs), detail: "same scenario and seed" },
            {
              key: "a-only",
              label: "Gold only in A",
              value: String(c.mcnemar.aOnly),
              detail: result.a.id,
              tone: c.mcnemar.aOnly > c.mcnemar.bOnly ? "good" : null,
            },
            {
              key: "b-only",
              label: "Gold only in B",
              value: String(c.mcnemar.bOnly),
              detail: result.b.id,
              tone: c.mcnemar.bOnly > c.mcnemar.aOnly ? "good" : null,
            },
            {
              key: "p-value",
              label: "McNemar exact",
              value: formatP(c.mcnemar.pValue),
              detail: `two-sided, ${plural(c.mcnemar.aOnly + c.mcnemar.bOnly, "discordant pair")}`,
              title: "Exact binomial test on the discordant pairs of gold_correct",
            },
          ];
          const differences: DifferenceRow[] = MEAN_METRICS.map((m) => ({ metric: m, ...c.differences[m] }));
          return (
            <>
              <p className="compare-runs" data-testid="compare-runs">
                <span>
                  A: <Link href={runUrl(result.a.id)}>{result.a.id}</Link> ({result.a.solver}) ·{" "}
                  <BenchmarkSetLabel set={result.a.benchmarkSet} testId="compare-set-a" />
                </span>
                <span aria-hidden="true">→</span>
                <span>
                  B: <Link href={runUrl(result.b.id)}>{result.b.id}</Link> ({result.b.solver}) ·{" "}
                  <BenchmarkSetLabel set={result.b.benchmarkSet} testId="compare-set-b" />
                </span>
              </p>
              <ComparabilityBanner
                comparable={result.comparable}
                hashA={result.a.comparableHash}
                hashB={result.b.comparableHash}
              />
              {c.pairs === 0 ? (
                <div className="card empty-state empty-state--card" data-testid="compare-no-pairs">
                  <h2>No paired episodes</h2>
                  <p>The runs share no scored (scenario, seed) episode.</p>
                </div>
              ) : (
                <>
                  <section
                    aria-label="McNemar test"
                    data-testid="mcnemar"
                    data-a-only={c.mcnemar.aOnly}
                    data-b-only={c.mcnemar.bOnly}
                  >
                    <StatTiles tiles={tiles} />
                  </section>
                  <div className="two-col">
                    <section className="card section-card" aria-labelledby="diff-title">
                      <div className="section-card__head">
                        <h2 className="card-title" id="diff-title">
                          Differences B − A
                        </h2>
                        <p className="muted section-card__note">
                          Mean paired difference with a 95% paired-bootstrap interval (fixed seed); n is the pairs where
                          both values exist. Bold when the interval excludes 0.
                        </p>
                      </div>
                      <DifferenceTable rows={differences} />
                    </section>
                    <section className="card section-card" aria-labelledby="scenario-title">
                      <div className="section-card__head">
                        <h2 className="card-title" id="scenario-title">
                          By scenario <span className="card-title__count">{result.scenarios.length}</span>
                        </h2>
                        <p className="muted section-card__note">
                          gold_correct rate over the paired seeds, largest |B − A| first.
                        </p>
                      </div>
                      <ScenarioTable
                        rows={result.scenarios.map((s) => ({
                          ...s,
                          href: `/scenarios/${encodeURIComponent(s.scenarioId)}`,
                        }))}
                      />
                    </section>
                  </div>
                </>
              )}
            </>
          );
        })()}
    </div>
  );
}
