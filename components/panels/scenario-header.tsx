import Link from "next/link";
import type { Scenario } from "@/core/scenario/schema";
import { humanize } from "@/components/ui/format";
import { SettingBadge } from "@/components/ui/setting-badge";
import { TierBadge } from "@/components/ui/tier-badge";

/** Title, badges and the brief the solver sees: task, constraints and context items. */
export function ScenarioHeader({ scenario, draft = false }: { scenario: Scenario; draft?: boolean }) {
  const items = scenario.items ?? [];
  return (
    <header className="scenario-head">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/scenarios">Scenarios</Link>
        <span aria-hidden="true">/</span>
        <span>{scenario.id}</span>
      </nav>
      <div className="scenario-head__title-row">
        <h1 className="page-title" data-testid="scenario-title">
          {scenario.title}
        </h1>
        <div className="scenario-head__badges">
          <SettingBadge setting={scenario.setting} />
          <TierBadge tier={scenario.distractorSimilarity} />
          <span className="badge badge--muted" title="Scenario version">
            v{scenario.version}
          </span>
          {draft && (
            <span
              className="badge badge--draft"
              data-testid="scenario-draft-badge"
              title="Made or edited here and not published: playable and editable, not in “All”. Publish it in the editor."
            >
              draft
            </span>
          )}
          <span
            className="badge badge--muted"
            title={`${scenario.source.license}${scenario.source.attribution ? ` · ${scenario.source.attribution}` : ""}`}
          >
            {scenario.source.kind}
          </span>
          <Link
            href={`/scenarios/${encodeURIComponent(scenario.id)}/play`}
            className="button button--primary button--small"
            data-testid="play-link"
            title="Solve this scenario yourself (the answers stay hidden)"
          >
            Play
          </Link>
          <Link
            href={`/scenarios/${encodeURIComponent(scenario.id)}/edit`}
            className="button button--small"
            data-testid="edit-link"
            title="Edit regions, attributes and answers (saves a new version)"
          >
            Edit
          </Link>
        </div>
      </div>
      <div className="brief card">
        <section className="brief__task">
          <h2 className="section-label">Task</h2>
          <p className="task-text" data-testid="scenario-task">
            {scenario.task}
          </p>
        </section>
        <section className="brief__list">
          <h2 className="section-label">Constraints</h2>
          {scenario.constraints.length ? (
            <ul className="plain-list">
              {scenario.constraints.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None</p>
          )}
        </section>
        <section className="brief__list">
          <h2 className="section-label">Context items</h2>
          {items.length ? (
            <ul className="plain-list">
              {items.map((item, i) => (
                <li key={i} title={item.description}>
                  <span className="item-name">{item.name}</span>{" "}
                  <span className={`role role--${item.role}`}>{humanize(item.role)}</span>
                  {item.description && <span className="item-desc">{item.description}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">None</p>
          )}
        </section>
      </div>
    </header>
  );
}
