import Link from "next/link";
import type { DistractorTier } from "@/core/scenario";
import { plural } from "@/components/ui/format";
import { SettingBadge } from "@/components/ui/setting-badge";
import { TierBadge } from "@/components/ui/tier-badge";

export interface ScenarioCardData {
  readonly id: string;
  readonly title: string;
  readonly task: string;
  readonly setting: string;
  readonly tier: DistractorTier;
  readonly entityCount: number;
  readonly partCount: number;
  readonly width: number;
  readonly height: number;
  readonly thumbnailUrl: string;
  /** Not published yet: playable and editable, not in "All". */
  readonly draft?: boolean;
}

export function ScenarioCard({ card }: { card: ScenarioCardData }) {
  return (
    <li
      className="card scenario-card"
      data-testid="scenario-card"
      data-scenario-id={card.id}
      data-tier={card.tier}
      data-setting={card.setting}
      data-draft={card.draft ? "true" : undefined}
    >
      <Link href={`/scenarios/${card.id}`} className="scenario-card__link">
        <div className="scenario-card__thumb">
          <img
            src={card.thumbnailUrl}
            alt={`Scene of “${card.title}”`}
            width={card.width}
            height={card.height}
            loading="lazy"
            decoding="async"
          />
        </div>
        <div className="scenario-card__body">
          <h2 className="scenario-card__title">{card.title}</h2>
          <p className="scenario-card__task">{card.task}</p>
          <div className="scenario-card__meta">
            <SettingBadge setting={card.setting} />
            <TierBadge tier={card.tier} />
            {card.draft && (
              <span className="badge badge--draft" data-testid="draft-badge" title="Not published: not in “All”">
                draft
              </span>
            )}
            <span className="scenario-card__count">{plural(card.entityCount, "entity", "entities")}</span>
          </div>
        </div>
      </Link>
    </li>
  );
}
